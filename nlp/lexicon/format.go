package lexicon

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ErrFormat is returned (wrapped) for a dictionary or seed line that breaks
// the format rules below.
var ErrFormat = errors.New("lexicon: bad format")

// MaxFreq bounds frequencies: cppjieba reads them with atoi into an int, so a
// larger value would overflow on the C++ side.
const MaxFreq = 1<<31 - 1

// Entry is one parsed line of a gojieba user dictionary.
type Entry struct {
	Word string
	Freq int
	Tag  string
}

// String formats e as one dictionary line without the newline.
func (e Entry) String() string {
	return e.Word + " " + strconv.Itoa(e.Freq) + " " + e.Tag
}

// ValidWord reports why word cannot be a dictionary word, or nil. cppjieba
// splits lines on single spaces only, so a word with any whitespace would
// shift the columns (a tab hides the whole line); control characters and
// invalid UTF-8 make its decoder give up.
func ValidWord(word string) error {
	if word == "" {
		return fmt.Errorf("empty word: %w", ErrFormat)
	}
	if !utf8.ValidString(word) {
		return fmt.Errorf("word %q is not valid UTF-8: %w", word, ErrFormat)
	}
	for _, r := range word {
		if unicode.IsSpace(r) || unicode.IsControl(r) || r == utf8.RuneError || r == '\ufeff' {
			return fmt.Errorf("word %q contains %U: %w", word, r, ErrFormat)
		}
	}
	return nil
}

// validTag accepts the jieba part-of-speech tags we use: short ASCII letters.
func validTag(tag string) bool {
	if tag == "" || len(tag) > 4 {
		return false
	}
	for i := 0; i < len(tag); i++ {
		if tag[i] < 'a' || tag[i] > 'z' {
			return false
		}
	}
	return true
}

// ParseLine parses one dictionary line in the strict form we ship:
// "word freq tag", three fields separated by single spaces, freq a positive
// decimal integer without sign or leading zero, tag lower-case ASCII. It
// returns an error wrapping ErrFormat for anything else.
func ParseLine(line string) (Entry, error) {
	fields := strings.Split(line, " ")
	if len(fields) != 3 {
		return Entry{}, fmt.Errorf("line %q: want 3 space-separated fields, got %d: %w", line, len(fields), ErrFormat)
	}
	if err := ValidWord(fields[0]); err != nil {
		return Entry{}, fmt.Errorf("line %q: %w", line, err)
	}
	f := fields[1]
	if f == "" || f[0] < '1' || f[0] > '9' {
		return Entry{}, fmt.Errorf("line %q: frequency %q: %w", line, f, ErrFormat)
	}
	freq, err := strconv.Atoi(f)
	if err != nil || freq > MaxFreq {
		return Entry{}, fmt.Errorf("line %q: frequency %q: %w", line, f, ErrFormat)
	}
	if !validTag(fields[2]) {
		return Entry{}, fmt.Errorf("line %q: tag %q: %w", line, fields[2], ErrFormat)
	}
	return Entry{Word: fields[0], Freq: freq, Tag: fields[2]}, nil
}

// ParseDictionary parses a whole dictionary and checks the file-level rules:
// LF line endings, a final newline, no empty lines, words sorted by byte order
// and unique. It returns the entries or the first violation (wrapping
// ErrFormat) with its line number.
func ParseDictionary(data []byte) ([]Entry, error) {
	if len(data) == 0 {
		return nil, nil
	}
	if data[len(data)-1] != '\n' {
		return nil, fmt.Errorf("dictionary does not end with a newline: %w", ErrFormat)
	}
	if bytes.IndexByte(data, '\r') >= 0 {
		return nil, fmt.Errorf("dictionary contains CR: %w", ErrFormat)
	}
	var out []Entry
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		e, err := ParseLine(sc.Text())
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		if len(out) > 0 && out[len(out)-1].Word >= e.Word {
			return nil, fmt.Errorf("line %d: %q is not after %q (unsorted or duplicate): %w", n, e.Word, out[len(out)-1].Word, ErrFormat)
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", n+1, err)
	}
	return out, nil
}
