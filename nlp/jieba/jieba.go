// Package jieba is the only package in cailiang that imports gojieba (cgo). It
// provides an nlp.Segmenter over one process-wide gojieba instance loaded with
// gojieba's own dictionaries and our legal user dictionary.
//
// gojieba's dictionaries are copied from its module by `make dicts` into
// gojieba_dict/ (not committed) and embedded into the binary, so a binary built
// with -trimpath runs where no module cache exists. gojieba's default paths
// come from runtime.Caller and would panic there; we always pass every path.
package jieba

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/yanyiwu/gojieba"

	"github.com/cailiang/cailiang/nlp"
)

//go:embed gojieba_dict/jieba.dict.utf8 gojieba_dict/hmm_model.utf8 gojieba_dict/idf.utf8 gojieba_dict/stop_words.utf8
var gojiebaDicts embed.FS

//go:embed legal.dict
var legalDict []byte

// LegalDictionary returns our legal user dictionary as shipped in the binary.
func LegalDictionary() []byte { return bytes.Clone(legalDict) }

// Segmenter segments text with the shared gojieba instance. It is safe for
// concurrent use.
type Segmenter struct {
	// handle is the C instance (gojieba's NewJieba), which tokenize calls
	// directly: gojieba's Go Tokenize builds a growing []Word that we then
	// copied (tokenizeDirect).
	handle unsafe.Pointer
	// paths are the dictionary files the instance was loaded from, for the
	// tests and the benchmark that compare it with gojieba's Go API.
	paths       []string
	fingerprint string
}

var _ nlp.Segmenter = (*Segmenter)(nil)

var (
	sharedOnce sync.Once
	shared     *Segmenter
	sharedErr  error
)

// Shared returns the process-wide Segmenter, loading it on first use (about
// 0.7 s and 130 MB). The dictionaries are written to cacheDir (created if
// missing; empty means os.TempDir()/cailiang-jieba) because gojieba reads files
// by path. Later calls return the same instance whatever cacheDir they pass.
// It returns an error when the dictionaries cannot be written.
func Shared(cacheDir string) (*Segmenter, error) {
	sharedOnce.Do(func() {
		paths, hash, err := materialise(cacheDir)
		if err != nil {
			sharedErr = err
			return
		}
		// Never Free the shared instance: it lives as long as the process.
		shared = &Segmenter{handle: newHandle(paths), paths: paths, fingerprint: "jieba-" + hash + "-" + postprocessVersion}
	})
	return shared, sharedErr
}

// materialise writes the embedded dictionaries into a directory named after
// their content hash, so that a new binary never reads stale files and
// concurrent processes agree on the content.
func materialise(cacheDir string) ([]string, string, error) {
	if cacheDir == "" {
		cacheDir = filepath.Join(os.TempDir(), "cailiang-jieba")
	}
	files := []string{"jieba.dict.utf8", "hmm_model.utf8", "legal.dict", "idf.utf8", "stop_words.utf8"}
	contents := make(map[string][]byte, len(files))
	h := sha256.New()
	for _, name := range files {
		var data []byte
		if name == "legal.dict" {
			data = legalDict
		} else {
			var err error
			data, err = fs.ReadFile(gojiebaDicts, "gojieba_dict/"+name)
			if err != nil {
				return nil, "", fmt.Errorf("read embedded dictionary %s: %w", name, err)
			}
		}
		contents[name] = data
		h.Write(data)
	}
	hash := hex.EncodeToString(h.Sum(nil))[:16]
	dir := filepath.Join(cacheDir, hash)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, "", fmt.Errorf("create dictionary dir: %w", err)
	}
	paths := make([]string, len(files))
	for i, name := range files {
		p := filepath.Join(dir, name)
		paths[i] = p
		if st, err := os.Stat(p); err == nil && st.Size() == int64(len(contents[name])) {
			continue
		}
		tmp, err := os.CreateTemp(dir, name+".*")
		if err != nil {
			return nil, "", fmt.Errorf("write dictionary %s: %w", name, err)
		}
		_, werr := tmp.Write(contents[name])
		cerr := tmp.Close()
		if werr != nil || cerr != nil {
			os.Remove(tmp.Name())
			return nil, "", fmt.Errorf("write dictionary %s: %v %v", name, werr, cerr)
		}
		if err := os.Rename(tmp.Name(), p); err != nil {
			return nil, "", fmt.Errorf("install dictionary %s: %w", name, err)
		}
	}
	return paths, hash, nil
}

// Fingerprint identifies the dictionaries the segmenter was loaded with.
func (s *Segmenter) Fingerprint() string { return s.fingerprint }

// clean makes text safe for the C++ side: cppjieba reads NUL-terminated UTF-8,
// so invalid bytes and NULs would shift or truncate offsets.
func clean(text string) string {
	if utf8.ValidString(text) && !strings.ContainsRune(text, 0) {
		return text
	}
	return strings.ReplaceAll(strings.ToValidUTF8(text, " "), "\x00", " ")
}

func (s *Segmenter) tokenize(text string, mode gojieba.TokenizeMode) []nlp.Token {
	text = clean(text)
	if text == "" {
		return nil
	}
	return postprocess(text, tokenizeDirect(s.handle, text, mode), mode == gojieba.SearchMode)
}

// Cut segments text in precise mode, dropping whitespace tokens. Offsets are
// bytes into text. Invalid UTF-8 (each run of bad bytes becomes one space)
// and NUL bytes are replaced first, so offsets are exact only for valid UTF-8
// input; callers normalise text (nlp.Normalize) before segmenting.
func (s *Segmenter) Cut(text string) []nlp.Token {
	return s.tokenize(text, gojieba.DefaultMode)
}

// CutForSearch segments text in search mode: long words also yield their
// dictionary sub-words.
func (s *Segmenter) CutForSearch(text string) []nlp.Token {
	return s.tokenize(text, gojieba.SearchMode)
}
