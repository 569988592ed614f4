package jieba

/*
#include <stdlib.h>

// gojieba's C interface (its jieba.h: NewJieba, Word, TokenizeMode,
// Tokenize), declared here because the header lives in gojieba's module
// directory; the functions are the ones gojieba's own cgo objects define.
// Jieba is a void*, TokenizeMode a C enum, an int.
typedef struct {
	size_t offset;
	size_t len;
} cailiangJiebaWord;

extern void* NewJieba(const char* dict_path, const char* hmm_path, const char* user_dict, const char* idf_path, const char* stop_words_path);
extern cailiangJiebaWord* Tokenize(void* handle, const char* sentence, int mode, int is_hmm_used);
*/
import "C"

import (
	"strings"
	"unsafe"

	"github.com/yanyiwu/gojieba"

	"github.com/cailiang/cailiang/nlp"
)

// newHandle loads a C instance from the dictionary files in gojieba's
// order (dictionary, HMM model, user dictionary, IDF, stop words), as
// gojieba.NewJieba does, without the Go wrapper whose handle is private.
// The instance is never freed: the shared one lives as long as the process.
func newHandle(paths []string) unsafe.Pointer {
	cs := make([]*C.char, len(paths))
	for i, p := range paths {
		cs[i] = C.CString(p)
		defer C.free(unsafe.Pointer(cs[i]))
	}
	return C.NewJieba(cs[0], cs[1], cs[2], cs[3], cs[4])
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
