package lexicon

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// BaseDict is gojieba's own main dictionary (jieba.dict.utf8), read only for
// its frequencies: a user word replaces a main-dictionary word of the same
// spelling in cppjieba's trie, so our frequency must never be lower than
// jieba's, or we would weaken a word jieba already segments well.
type BaseDict struct {
	freq  map[string]int
	total int64
}

// ReadBaseDict reads a jieba main dictionary ("word freq tag" per line). It
// returns an error for a line without a positive integer frequency, which is
// what cppjieba itself refuses to load.
func ReadBaseDict(r io.Reader) (*BaseDict, error) {
	b := &BaseDict{freq: make(map[string]int, 400000)}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" {
			continue
		}
		fields := strings.Split(line, " ")
		if len(fields) < 2 {
			return nil, fmt.Errorf("base dictionary line %d %q: %w", n, line, ErrFormat)
		}
		f, err := strconv.Atoi(fields[1])
		if err != nil || f <= 0 {
			return nil, fmt.Errorf("base dictionary line %d %q: frequency: %w", n, line, ErrFormat)
		}
		if old, ok := b.freq[fields[0]]; !ok || f > old {
			b.freq[fields[0]] = f
		}
		b.total += int64(f)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read base dictionary: %w", err)
	}
	if len(b.freq) == 0 {
		return nil, fmt.Errorf("base dictionary is empty: %w", ErrFormat)
	}
	return b, nil
}

// Freq returns jieba's frequency for word, 0 when it is not a jieba word.
func (b *BaseDict) Freq(word string) int { return b.freq[word] }

// Has reports whether word is in jieba's main dictionary.
func (b *BaseDict) Has(word string) bool {
	_, ok := b.freq[word]
	return ok
}

// Total is the sum of all frequencies, the denominator cppjieba uses to turn
// a frequency into a log probability.
func (b *BaseDict) Total() int64 { return b.total }

// Len is the number of distinct words.
func (b *BaseDict) Len() int { return len(b.freq) }
