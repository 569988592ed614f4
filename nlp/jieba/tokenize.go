package jieba

/*
#include <stdlib.h>

// gojieba's C interface (its jieba.h: Word, TokenizeMode, Tokenize), declared
// here because the header lives in gojieba's module directory; the function
// is the one gojieba's own cgo objects define. TokenizeMode is a C enum, an
// int.
typedef struct {
	size_t offset;
	size_t len;
} cailiangJiebaWord;

extern cailiangJiebaWord* Tokenize(void* handle, const char* sentence, int mode, int is_hmm_used);
*/
import "C"

import (
	"strings"
	"unsafe"

	"github.com/yanyiwu/gojieba"

	"github.com/cailiang/cailiang/nlp"
)

// handleOf is the C handle inside a gojieba.Jieba, its first field (a
// C.Jieba, void*). gojieba has no accessor; the version is pinned in
// go.mod, and TestDirectTokenizeIsGojieba compares the direct call's cuts
// with gojieba's Tokenize's.
func handleOf(jb *gojieba.Jieba) unsafe.Pointer {
	return (*struct {
		handle unsafe.Pointer
		freed  int32
	})(unsafe.Pointer(jb)).handle
}

// tokenizeDirect is gojieba's Tokenize (with the HMM) turned straight into
// our tokens, whitespace tokens dropped: gojieba's Go side builds a
// []gojieba.Word by appending (its slice grows several times a text) which
// tokenize then copied into []nlp.Token, together some 13 % of the bytes of
// an analysis. Here the C array's words are counted first and the tokens
// allocated once.
func tokenizeDirect(handle unsafe.Pointer, text string, mode gojieba.TokenizeMode) []nlp.Token {
	cs := C.CString(text)
	defer C.free(unsafe.Pointer(cs))
	words := C.Tokenize(handle, cs, C.int(mode), 1)
	defer C.free(unsafe.Pointer(words))
	n := 0
	for w := words; w.len != 0; w = (*C.cailiangJiebaWord)(unsafe.Add(unsafe.Pointer(w), unsafe.Sizeof(*w))) {
		n++
	}
	out := make([]nlp.Token, 0, n)
	for _, w := range unsafe.Slice(words, n) {
		start := int(w.offset)
		end := start + int(w.len)
		if strings.TrimSpace(text[start:end]) == "" {
			continue
		}
		out = append(out, nlp.Token{Text: text[start:end], Start: start, End: end})
	}
	return out
}
