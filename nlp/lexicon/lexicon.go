// Package lexicon builds cailiang's legal user dictionary for gojieba: our
// curated seed lists (seeds/*.txt) plus terms mined from the statute corpus
// (statute names, crime names, quoted definitions, circumstance clauses). It
// is pure Go, so the dictionary can be rebuilt and checked without cgo; the
// gojieba adapter in nlp/jieba embeds the result.
//
// Article labels (第一百二十四条, 第一百三十三条之一) are not dictionary
// entries: nlp/jieba merges them after segmentation, which covers every
// number without 1,260 × 之N entries.
package lexicon

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"unicode/utf8"
)

// DefaultFloor is the smallest frequency we give a term. cppjieba scores a
// word as log(freq/total) with total ≈ 6.0e7 for its own dictionary, so 2,000
// (log p ≈ -10.3) ranks a term with common content words (违法 1,214, 处罚
// 1,273, 罚款 689) and far above jieba's phrase entries (行政处罚,
// 通报批评, 劳动报酬 at 3). Any split of a term into two or more jieba words
// pays a second log term of about -10 or less, so the whole term wins alone;
// the golden tests check it wins in sentences.
const DefaultFloor = 2000

// ShortFloor is the frequency of a two-character term (醉驾, 首违, 约谈).
// Two-character words are where a boosted frequency steals characters from
// the words around it (本案由 → 本/案由 once 案由 outranks 本案), so they get
// a modest value: jieba's own where it is higher, since jieba calibrated it on
// real text, and otherwise 100, enough to beat the two single characters.
const ShortFloor = 100

// ErrNoBase is returned by Build without a base dictionary.
var ErrNoBase = errors.New("lexicon: base dictionary required")

// Config says what Build reads.
type Config struct {
	// Seeds holds the curated lists (*.txt at its root); nil means the
	// embedded Seeds().
	Seeds fs.FS
	// Statutes are statutes_lawrefbook JSONL files (national.jsonl,
	// local.jsonl). Empty means seeds only.
	Statutes []string
	// Base is gojieba's main dictionary; required.
	Base *BaseDict
	// Floor overrides DefaultFloor when positive.
	Floor int
}

// Term is one dictionary entry with the category that contributed it: a seed
// file name without .txt, or one of the Category* constants.
type Term struct {
	Entry
	Category string
}

// Dictionary is a built dictionary: terms sorted by word (byte order), each
// word once.
type Dictionary struct {
	Terms []Term
}

// Counts returns the number of terms per category.
func (d *Dictionary) Counts() map[string]int {
	out := make(map[string]int)
	for _, t := range d.Terms {
		out[t.Category]++
	}
	return out
}

// Bytes returns the dictionary in gojieba's user-dictionary format: one
// "word freq tag" line per term, LF-terminated.
func (d *Dictionary) Bytes() []byte {
	var b bytes.Buffer
	for _, t := range d.Terms {
		b.WriteString(t.Entry.String())
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// WriteTo writes Bytes to w. It returns the error of the underlying writer.
func (d *Dictionary) WriteTo(w io.Writer) (int64, error) {
	n, err := w.Write(d.Bytes())
	if err != nil {
		return int64(n), fmt.Errorf("write dictionary: %w", err)
	}
	return int64(n), nil
}

// Build reads the seeds and the statutes and returns the dictionary. The
// result depends only on its inputs: the same seeds, statutes and base
// dictionary give byte-identical Bytes. It returns ErrNoBase without a base
// dictionary, an error wrapping ErrFormat for a bad seed line, and the read or
// decode error of a statute file.
func Build(cfg Config) (*Dictionary, error) {
	if cfg.Base == nil {
		return nil, ErrNoBase
	}
	seedFS := cfg.Seeds
	if seedFS == nil {
		seedFS = Seeds()
	}
	floor := cfg.Floor
	if floor <= 0 {
		floor = DefaultFloor
	}
	seeds, reject, err := readSeeds(seedFS)
	if err != nil {
		return nil, err
	}
	m := newMiner()
	if err := m.readStatutes(cfg.Statutes); err != nil {
		return nil, err
	}
	mined := m.finish(cfg.Base, reject)

	byWord := make(map[string]Term, len(seeds)+len(mined))
	put := func(word, tag, category string) {
		if _, ok := byWord[word]; ok {
			return // an earlier category already claimed it
		}
		byWord[word] = Term{Entry: Entry{Word: word, Freq: frequency(word, cfg.Base, floor), Tag: tag}, Category: category}
	}
	for _, s := range seeds {
		put(s.word, s.tag, s.category)
	}
	for _, t := range mined {
		put(t.word, minedTags[t.category], t.category)
	}
	d := &Dictionary{Terms: make([]Term, 0, len(byWord))}
	for _, t := range byWord {
		d.Terms = append(d.Terms, t)
	}
	sort.Slice(d.Terms, func(i, j int) bool { return d.Terms[i].Word < d.Terms[j].Word })
	return d, nil
}

// StatuteFiles returns the statute files Build reads, national.jsonl and
// local.jsonl, under dir: the shared data folder or its statutes_lawrefbook
// folder. It returns an error naming the first file that is missing.
func StatuteFiles(dir string) ([]string, error) {
	folder := filepath.Join(dir, "statutes_lawrefbook")
	if st, err := os.Stat(folder); err != nil || !st.IsDir() {
		folder = dir
	}
	out := make([]string, 0, 2)
	for _, name := range []string{"national.jsonl", "local.jsonl"} {
		p := filepath.Join(folder, name)
		if _, err := os.Stat(p); err != nil {
			return nil, fmt.Errorf("statute file: %w", err)
		}
		out = append(out, p)
	}
	return out, nil
}

// frequency chooses a term's frequency: never below jieba's own (our entry
// replaces jieba's), and at least floor, or ShortFloor for two-character
// terms.
func frequency(word string, base *BaseDict, floor int) int {
	bf := base.Freq(word)
	if utf8.RuneCountInString(word) <= 2 {
		return min(max(bf, ShortFloor), MaxFreq)
	}
	return min(max(bf, floor), MaxFreq)
}
