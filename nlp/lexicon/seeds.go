package lexicon

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

//go:embed seeds/*.txt
var embeddedSeeds embed.FS

// Seeds returns our curated seed lists as committed under nlp/lexicon/seeds.
func Seeds() fs.FS {
	sub, err := fs.Sub(embeddedSeeds, "seeds")
	if err != nil {
		// fs.Sub fails only for an invalid literal path.
		panic("lexicon: embedded seeds: " + err.Error())
	}
	return sub
}

// RejectFile is the seed file that lists strings the statute miners must not
// emit. It holds no terms of its own.
const RejectFile = "reject.txt"

// seedCategories fixes the order in which seed files claim a word (the first
// file that lists a word gives it its category and default tag) and the
// default jieba tag of each file. Files not listed here come after these in
// name order with tag "n".
var seedCategories = []struct {
	name string
	tag  string
}{
	{"penalty", "v"},
	{"procedure", "vn"},
	{"amount", "n"},
	{"discretion", "vn"},
	{"agency", "nt"},
	{"party", "n"},
	{"document", "n"},
	{"violation", "vn"},
	{"legal", "n"},
	{"lawalias", "nz"},
}

// seedTerm is one curated word with the file and line it came from.
type seedTerm struct {
	word     string
	tag      string
	category string
	where    string
}

// readSeeds reads every *.txt file at the root of fsys. A line is a word,
// optionally followed by spaces and a tag; blank lines and lines starting
// with '#' are skipped. A word listed twice, in one file or across files, is
// an error: the lists are curated by hand and should say each thing once.
func readSeeds(fsys fs.FS) (terms []seedTerm, reject map[string]bool, err error) {
	names, err := fs.Glob(fsys, "*.txt")
	if err != nil {
		return nil, nil, fmt.Errorf("list seed files: %w", err)
	}
	rank := make(map[string]int, len(seedCategories))
	tags := make(map[string]string, len(seedCategories))
	for i, c := range seedCategories {
		rank[c.name+".txt"] = i
		tags[c.name] = c.tag
	}
	sort.SliceStable(names, func(i, j int) bool {
		ri, iok := rank[names[i]]
		rj, jok := rank[names[j]]
		switch {
		case iok && jok:
			return ri < rj
		case iok != jok:
			return iok
		}
		return names[i] < names[j]
	})
	reject = make(map[string]bool)
	seen := make(map[string]string)
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, nil, fmt.Errorf("read seed file %s: %w", name, err)
		}
		category := strings.TrimSuffix(path.Base(name), ".txt")
		defTag := tags[category]
		if defTag == "" {
			defTag = "n"
		}
		sc := bufio.NewScanner(bytes.NewReader(data))
		n := 0
		for sc.Scan() {
			n++
			line := strings.TrimSpace(sc.Text())
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			where := fmt.Sprintf("%s:%d", name, n)
			fields := strings.Fields(line)
			if len(fields) > 2 {
				return nil, nil, fmt.Errorf("seed %s: %q: want a word and an optional tag: %w", where, line, ErrFormat)
			}
			word, tag := fields[0], defTag
			if len(fields) == 2 {
				tag = fields[1]
			}
			if err := ValidWord(word); err != nil {
				return nil, nil, fmt.Errorf("seed %s: %w", where, err)
			}
			if !validTag(tag) {
				return nil, nil, fmt.Errorf("seed %s: tag %q: %w", where, tag, ErrFormat)
			}
			if prev, dup := seen[word]; dup {
				return nil, nil, fmt.Errorf("seed %s: %q already listed at %s: %w", where, word, prev, ErrFormat)
			}
			seen[word] = where
			if name == RejectFile {
				reject[word] = true
				continue
			}
			terms = append(terms, seedTerm{word: word, tag: tag, category: category, where: where})
		}
		if err := sc.Err(); err != nil {
			return nil, nil, fmt.Errorf("read seed file %s: %w", name, err)
		}
	}
	return terms, reject, nil
}
