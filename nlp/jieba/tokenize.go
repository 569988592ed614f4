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
	"unicode/utf8"
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
//
// A long text is cut in pieces of about chunkBytes ending after one of
// cppjieba's separators (space, tab, newline, ，and 。), which split the
// text into ranges segmented apart: the tokens are the same, and each call
// into C stays short.
func tokenizeDirect(handle unsafe.Pointer, text string, mode gojieba.TokenizeMode) []nlp.Token {
	cs := C.CString(text)
	defer C.free(unsafe.Pointer(cs))
	var out []nlp.Token
	for start := 0; start < len(text); {
		end := chunkEnd(text, start)
		var words []C.cailiangJiebaWord
		if end == len(text) {
			words = cWords(C.Tokenize(handle, (*C.char)(unsafe.Add(unsafe.Pointer(cs), start)), C.int(mode), 1))
		} else {
			at := (*C.char)(unsafe.Add(unsafe.Pointer(cs), end))
			saved := *at
			*at = 0
			words = cWords(C.Tokenize(handle, (*C.char)(unsafe.Add(unsafe.Pointer(cs), start)), C.int(mode), 1))
			*at = saved
		}
		if out == nil {
			out = make([]nlp.Token, 0, len(words)*len(text)/max(end-start, 1)+1)
		}
		for _, w := range words {
			s, e := start+int(w.offset), start+int(w.offset+w.len)
			if strings.TrimSpace(text[s:e]) == "" {
				continue
			}
			out = append(out, nlp.Token{Text: text[s:e], Start: s, End: e})
		}
		C.free(unsafe.Pointer(unsafe.SliceData(words)))
		start = end
	}
	return out
}

// chunkBytes is the length of text from which tokenizeDirect looks for a
// separator to end a piece at.
const chunkBytes = 120

// chunkEnd returns where the piece of text starting at start ends: just
// after the first separator at or beyond start+chunkBytes, or the text's end.
func chunkEnd(text string, start int) int {
	for i := start + chunkBytes; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch r {
		case ' ', '\t', '\n', '，', '。':
			return i + size
		}
		i += size
	}
	return len(text)
}

// cWords views the word array Tokenize returns, ended by a word of length
// 0, as a slice (without the end); the caller frees it.
func cWords(words *C.cailiangJiebaWord) []C.cailiangJiebaWord {
	n := 0
	for w := words; w.len != 0; w = (*C.cailiangJiebaWord)(unsafe.Add(unsafe.Pointer(w), unsafe.Sizeof(*w))) {
		n++
	}
	return unsafe.Slice(words, n+1)[:n]
}
