package caseanalysis

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// indexTexts are the development set's texts, normalised as a query is,
// with hostile ones: the indexes below must not drop what a full scan of
// them finds.
func indexTexts(t *testing.T) []string {
	t.Helper()
	texts := append(devsetTexts(t), "", "食", "\xff\xfe食品", "未经许可\x80擅自经营", strings.Repeat("以次充好", 500), "﷿食品�经营")
	for i, s := range texts {
		texts[i] = nlp.NormalizeText(s)
	}
	return texts
}

// firstIn is CueScan.Find without any index: the first cue, in list order,
// that occurs in the text unnegated (and not only inside a denied longer
// cue of the list).
func firstIn(cues []nlp.Cue, text string) (string, bool) {
	for _, q := range cues {
		if q.InAmong(text, cues) {
			return q.Text(), true
		}
	}
	return "", false
}

// firstOutside is firstIn for an element whose cues do not count inside
// words: each cue is looked for in the text with every such word that holds
// its opening blotted out (one filler rune for each of its runes, so that
// negation reach and clauses stay as they were). A word that does not hold
// the opening cannot have an occurrence inside it: a cue that holds the word
// (未经预处理 beside the word 经预处理) or only overlaps it counts, as
// nlp.CueScan.FindOutside reads it. A cue with parts is masked by its
// opening's place only (rules.MasksCue): its later parts are searched in the
// text itself unless a word masks the opening.
func firstOutside(cues []nlp.Cue, text string, words []string) (string, bool) {
	if len(words) == 0 {
		return firstIn(cues, text)
	}
	for _, q := range cues {
		open := q.Text()
		if k := strings.IndexAny(open, "…‥"); k >= 0 {
			open = open[:k] // a cue's parts are cut at either gap
		}
		in := text
		for _, w := range words {
			if strings.Contains(w, open) {
				in = strings.ReplaceAll(in, w, strings.Repeat("口", utf8.RuneCountInString(w)))
			}
		}
		if q.InAmong(in, cues) {
			return q.Text(), true
		}
	}
	return "", false
}

// TestDecisionGroupsMatchFullScan checks the decision's cue groups: for
// every development-set text, every element, sector and keyword set of the
// catalog is found through the scan exactly as a search of the whole text
// for each of its cues finds it.
func TestDecisionGroupsMatchFullScan(t *testing.T) {
	cat, err := rules.LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	m := newMatcher(cat, nlp.RuneSegmenter{})
	d := &m.decider
	found := 0
	for _, text := range indexTexts(t) {
		scan := d.index.Scan(text)
		live := d.live(scan)
		for i, x := range d.dist {
			for _, es := range [][]element{x.requires, x.excludes} {
				for k := range es {
					e := &es[k]
					got, gotOK := e.shown(scan, live, nil)
					want, wantOK := firstOutside(e.cues, text, e.notWithin)
					if got != want || gotOK != wantOK {
						t.Fatalf("%s element %s in %.60q: indexed %q %v, full scan %q %v", m.benchmarks[i].ID, e.label, text, got, gotOK, want, wantOK)
					}
					if again, againOK := e.shown(scan, live, nil); again != got || againOK != gotOK {
						t.Fatalf("%s element %s in %.60q: asked again %q %v, first %q %v", m.benchmarks[i].ID, e.label, text, again, againOK, got, gotOK)
					}
					if gotOK {
						found++
					}
				}
			}
			got := live.live(x.keywordGroup) && slices.ContainsFunc(x.keywords, scan.Contains)
			want := slices.ContainsFunc(x.keywords, func(k string) bool { return strings.Contains(text, k) })
			if got != want {
				t.Fatalf("%s keywords in %.60q: indexed %v, full scan %v", m.benchmarks[i].ID, text, got, want)
			}
		}
		for _, s := range d.sectors {
			_, got := d.textSectors(scan, live)[s.sector]
			_, want := firstIn(s.cues, text)
			if got != want {
				t.Fatalf("sector %s in %.60q: indexed %v, full scan %v", s.sector, text, got, want)
			}
		}
	}
	if found == 0 {
		t.Fatal("no element shown in any development-set text: the comparison tested nothing")
	}
}

// TestBigramPairsMatchTermKeys checks that a query's bigrams and words,
// looked up once by rune pair or in the shared vocabulary, number the same
// terms as the index's own string keys do, in the benchmark and the
// provision indexes.
func TestBigramPairsMatchTermKeys(t *testing.T) {
	a := newProvisionAnalyzer(t)
	indexes := []struct {
		name string
		x    *bm25
		id   func(termIDs) int32
	}{
		{"benchmarks", &a.match.index, func(t termIDs) int32 { return t.bench }},
		{"provisions", &a.provisions.index, func(t termIDs) int32 { return t.prov }},
	}
	for _, ix := range indexes {
		hits := 0
		for _, text := range indexTexts(t) {
			var want []int32
			for i, j := range nlp.Bigrams(text, nlp.HanPairs) {
				if id, ok := ix.x.ids[bigramMark+text[i:j]]; ok {
					want = append(want, id)
				}
			}
			q := ix.x.query()
			q.bigrams(text)
			if !slices.Equal(q.ids, want) {
				t.Fatalf("%s: bigrams of %.60q: by pair %v, by key %v", ix.name, text, q.ids, want)
			}
			var shared []int32
			for _, b := range a.match.terms.bigrams(text, nil) {
				if id := ix.id(b); id >= 0 {
					shared = append(shared, id)
				}
			}
			if !slices.Equal(shared, want) {
				t.Fatalf("%s: bigrams of %.60q: shared %v, by key %v", ix.name, text, shared, want)
			}
			for _, tk := range a.match.seg.Cut(text) {
				id, ok := ix.x.ids[tk.Text]
				if !ok {
					id = -1
				}
				if got := ix.id(a.match.terms.word(tk.Text)); got != id && isTerm(tk.Text) {
					t.Fatalf("%s: word %q: shared %d, by key %d", ix.name, tk.Text, got, id)
				}
			}
			hits += len(want)
		}
		if hits == 0 {
			t.Fatalf("%s: no bigram of the development set found: the comparison tested nothing", ix.name)
		}
	}
}
