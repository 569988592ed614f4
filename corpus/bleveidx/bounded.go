package bleveidx

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// Bounds on the work one text query may cause, whatever its length. Every
// distinct word and bigram of a query becomes a term searcher over its
// postings, and a phrase query walks term vectors: with 2,000 characters of
// statute text that was some 3,000 searchers, 26 s and a gigabyte of heap
// per query. A query within these bounds (what officers type) is searched
// as it is; a longer one keeps only its most discriminative terms.
const (
	// maxWords is the number of distinct words a long query keeps, the
	// most telling (see telling). 32 words and 64 bigrams keep LawBench
	// 3-1 (640-character facts) at recall@5 0.61 against 0.58 unbounded,
	// in a sixth of the time; 16 and 32 fell to 0.53.
	maxWords = 32
	// maxBigrams is the number of distinct character bigrams it keeps.
	maxBigrams = 64
	// maxCandidates bounds the distinct terms whose document frequency is
	// looked up to choose them: the first ones of the query.
	maxCandidates = 1024
	// maxPhraseRunes is the longest query (in characters) also matched as
	// a phrase: beyond it a verbatim match is improbable and the phrase
	// searcher costs the most.
	maxPhraseRunes = 40
)

// plan is a text query cut into the terms that will be searched.
type plan struct {
	// words are the analysed words kept, bigrams the character bigrams.
	words, bigrams []string
	// bounded reports that terms were dropped: the query is built from
	// words and bigrams, not re-analysed.
	bounded bool
	// tokens and gramTokens are the analysed words and bigrams in order,
	// repeats included, as bleve's match queries search them: the
	// ranker's clauses without analysing the query again.
	tokens, gramTokens []string
}

// distinctTerms returns the distinct terms of the analysed text in order,
// at most maxCandidates of them, how often each occurs (nil for a text of
// at most shortTerms terms: termFreq counts them when needed), whether
// there were more distinct terms than limit, and all terms in order.
func distinctTerms(a analysis.Analyzer, text string, limit int) ([]string, map[string]int, bool, []string) {
	if a == nil {
		return nil, nil, false, nil
	}
	all := analyzeTerms(a, text)
	if len(all) <= shortTerms {
		// A short query (every one typed) without a map: fewer
		// distinct terms than any limit.
		var out []string
		for i, s := range all {
			if !slices.Contains(all[:i], s) {
				out = append(out, s)
			}
		}
		return out, nil, len(out) > limit, all
	}
	tf := map[string]int{}
	var out []string
	for _, s := range all {
		if tf[s] > 0 {
			tf[s]++
			continue
		}
		if len(out) == maxCandidates {
			continue
		}
		tf[s] = 1
		out = append(out, s)
	}
	return out, tf, len(out) > limit, all
}

// shortTerms is the most terms distinctTerms dedupes without a map.
const shortTerms = 32

// termFreq is how often each of the distinct terms out occurs in all.
func termFreq(out, all []string) map[string]int {
	tf := make(map[string]int, len(out))
	for _, s := range out {
		tf[s] = 0
	}
	for _, s := range all {
		if _, ok := tf[s]; ok {
			tf[s]++
		}
	}
	return tf
}

// minDF is the fewest documents a kept term of a long query must be in: a
// term in one document only is, in pasted facts, a name or a place more
// often than a legal notion.
const minDF = 2

// telling keeps the max terms of field that tell most about the query, in
// that order: the more often a term occurs in the query and the fewer
// documents of r hold it, the more it tells (tf·idf, as a "more like this"
// query picks its terms). Terms in fewer than minDF documents are dropped;
// tf nil counts every term once.
func telling(ctx context.Context, r index.IndexReader, field string, terms []string, tf map[string]int, max int) ([]string, error) {
	n, err := r.DocCount()
	if err != nil {
		return nil, fmt.Errorf("count documents: %w", err)
	}
	return tellingBy(n, func(t string) (uint64, error) {
		tfr, err := r.TermFieldReader(ctx, []byte(t), field, false, false, false)
		if err != nil {
			return 0, fmt.Errorf("document frequency of %q in %s: %w", t, field, err)
		}
		df := tfr.Count()
		_ = tfr.Close()
		return df, nil
	}, terms, tf, max)
}

// tellingBy is telling with n documents and the document frequencies of
// df (bleve's, or the ranker's copy of them).
func tellingBy(n uint64, df func(term string) (uint64, error), terms []string, tf map[string]int, max int) ([]string, error) {
	type scored struct {
		term  string
		score float64
		at    int
	}
	var ss []scored
	for i, t := range terms {
		df, err := df(t)
		if err != nil {
			return nil, err
		}
		if df < minDF {
			continue
		}
		f := 1
		if tf != nil {
			f = tf[t]
		}
		ss = append(ss, scored{t, float64(f) * math.Log(1+float64(n)/float64(df)), i})
	}
	sort.Slice(ss, func(i, j int) bool {
		if ss[i].score != ss[j].score {
			return ss[i].score > ss[j].score
		}
		return ss[i].at < ss[j].at
	})
	if len(ss) > max {
		ss = ss[:max]
	}
	out := make([]string, len(ss))
	for i, x := range ss {
		out[i] = x.term
	}
	return out, nil
}

// planText analyses q for field main (and main_cjk when bigrams are
// weighed). A query with at most maxWords distinct words and maxBigrams
// distinct bigrams is kept whole; a longer one keeps its most telling words and
// bigrams by document frequency in idx, so its cost has a bound.
//
// With a ranker the document frequencies come from its copy (the same
// numbers, without a dictionary lookup per candidate term).
func planText(ctx context.Context, idx bleve.Index, q, main string, bigrams bool, rk *ranker) (plan, error) {
	m := idx.Mapping()
	words, wordTF, longW, tokens := distinctTerms(m.AnalyzerNamed(Analyzer), q, maxWords)
	var grams, gramTokens []string
	var gramTF map[string]int
	longB := false
	if bigrams {
		grams, gramTF, longB, gramTokens = distinctTerms(m.AnalyzerNamed(cjk.AnalyzerName), q, maxBigrams)
	}
	p := plan{words: words, bigrams: grams, tokens: tokens, gramTokens: gramTokens}
	if !longW && !longB {
		return p, nil
	}
	p.bounded = true
	if wordTF == nil {
		wordTF = termFreq(words, tokens)
	}
	if bigrams && gramTF == nil {
		gramTF = termFreq(grams, gramTokens)
	}
	if rk != nil && rk.fields[main] != nil && (!bigrams || rk.fields[main+"_cjk"] != nil) {
		var err error
		if p.words, err = tellingBy(rk.docTotal, rk.df(main), words, wordTF, maxWords); err != nil {
			return plan{}, err
		}
		if bigrams {
			if p.bigrams, err = tellingBy(rk.docTotal, rk.df(main+"_cjk"), grams, gramTF, maxBigrams); err != nil {
				return plan{}, err
			}
		}
		return p, nil
	}
	r, err := snapshot(idx)
	if err != nil {
		return plan{}, fmt.Errorf("plan query: %w", err)
	}
	defer r.Close()
	if p.words, err = telling(ctx, r, main, words, wordTF, maxWords); err != nil {
		return plan{}, err
	}
	if bigrams {
		if p.bigrams, err = telling(ctx, r, main+"_cjk", grams, gramTF, maxBigrams); err != nil {
			return plan{}, err
		}
	}
	return p, nil
}

// termsOn is a disjunction of term queries of terms on field, boosted.
func termsOn(field string, terms []string, boost float64) query.Query {
	dis := make([]query.Query, 0, len(terms))
	for _, t := range terms {
		q := bleve.NewTermQuery(t)
		q.SetField(field)
		dis = append(dis, q)
	}
	d := bleve.NewDisjunctionQuery(dis...)
	d.SetBoost(boost)
	return d
}

// boundedQuery is textQuery over a bounded plan: the same clauses (words on
// the main field, bigrams on its bigram field, words on the secondary
// fields) made of the kept terms, without the phrase.
func boundedQuery(p plan, main string, bigramWeight float64, secondary map[string]float64) query.Query {
	dis := []query.Query{termsOn(main, p.words, 1)}
	if bigramWeight > 0 && len(p.bigrams) > 0 {
		dis = append(dis, termsOn(main+"_cjk", p.bigrams, bigramWeight))
	}
	for field, boost := range secondary {
		dis = append(dis, termsOn(field, p.words, boost))
	}
	return bleve.NewDisjunctionQuery(dis...)
}

// Snippets are made from the stored text of the hits returned, not by
// bleve's highlighter, which reads term vectors for every field of every
// hit and was most of a short search's time.
const (
	// snippetRunes is the length of a snippet around its first match.
	snippetRunes = 100
	// snippetLead is how many characters before the first match it shows.
	snippetLead = 20
	// maxSnippets is the number of snippets per hit.
	maxSnippets = 3
)

// markTerms returns the words worth marking in a snippet: those of two
// characters or more (a single character marks noise everywhere) unless
// there are no others, longest first so that a longer match wins.
func markTerms(words []string) []string {
	var long, short []string
	for _, w := range words {
		if utf8.RuneCountInString(w) > 1 {
			long = append(long, w)
		} else if strings.TrimSpace(w) != "" {
			short = append(short, w)
		}
	}
	if len(long) == 0 {
		long = short
	}
	sort.SliceStable(long, func(i, j int) bool { return len(long[i]) > len(long[j]) })
	return long
}

type span struct{ start, end int }

// snippetScratch is the working memory of the snippets of one search's
// hits, reused from hit to hit: spans, fragments and marked bytes were
// some seven allocations per hit.
type snippetScratch struct {
	spans []span
	frags []frag
	taken []bool
	ends  []int
	// found are the occurrences of the terms in one text, in text order
	// per term; pos the same starts grouped by term, term i's at
	// pos[at[i]:at[i+1]].
	found []termAt
	pos   []int32
	at    []int32
	keys  []uint16
}

// termAt is an occurrence of the term numbered term at byte pos.
type termAt struct{ term, pos int32 }

// snippetScratches keep the snippet scratch of finished searches for the
// next ones: a search's own was a few allocations that grew again in
// every search. Nothing a search returns points into its scratch.
var snippetScratches = sync.Pool{New: func() any { return new(snippetScratch) }}

// frag is a snippet's stretch of text and the spans in it.
type frag struct {
	start, end int
	spans      []span
}

// snippetHay is the text matches searches for text: lower-cased like the
// analyzer when that keeps byte offsets, otherwise text itself.
func snippetHay(text string) string {
	if hasUpper(text) {
		if l := strings.ToLower(text); len(l) == len(text) {
			return l
		}
	}
	return text
}

// matchesIn is matches in hay, snippetHay of the text (the ranker keeps
// it with each article's stored fields).
func (sc *snippetScratch) matchesIn(hay string, terms []string) []span {
	byLength := func(a, b string) int { return len(b) - len(a) }
	if !slices.IsSortedFunc(terms, byLength) {
		terms = slices.Clone(terms)
		slices.SortStableFunc(terms, byLength)
	}
	out := sc.spans[:0]
	// Past a few spans (a long article, a common term) the bytes taken
	// are marked instead, so the check stays linear.
	var taken []bool
	pos, at := sc.occurrences(hay, terms)
	for ti, t := range terms {
		from := 0
		for _, p := range pos[at[ti]:at[ti+1]] {
			if int(p) < from {
				continue // overlaps the term's previous occurrence taken
			}
			s := span{int(p), int(p) + len(t)}
			from = s.end
			if taken == nil && len(out) >= 32 {
				taken = slices.Grow(sc.taken[:0], len(hay))[:len(hay)]
				clear(taken)
				sc.taken = taken
				for _, o := range out {
					for k := o.start; k < o.end; k++ {
						taken[k] = true
					}
				}
			}
			free := true
			if taken != nil {
				for k := s.start; k < s.end && free; k++ {
					free = !taken[k]
				}
			} else {
				for _, o := range out {
					if o.start < s.end && s.start < o.end {
						free = false
						break
					}
				}
			}
			if !free {
				continue
			}
			for k := s.start; taken != nil && k < s.end; k++ {
				taken[k] = true
			}
			out = append(out, s)
		}
	}
	slices.SortFunc(out, func(a, b span) int { return a.start - b.start })
	sc.spans = out
	return out
}

// occurrences finds where each of terms starts in hay: term i at
// pos[at[i]:at[i+1]], in increasing order. A term that starts with a
// UTF-8 lead byte and has three bytes or more (every term of Han
// characters) is found at every start, overlapping ones too, in one pass
// over hay for all of them: a character whose second and third bytes no
// such term has at its start is passed over by a look at a 4,096-bit
// table (on a hit, only the terms with those two bytes are compared),
// where looking for each term by itself read the text once per term
// (indexTerm was most of a hit's snippet cost). Another term is
// found as before, left to right, each occurrence after the previous
// one's end; the caller keeps a term's occurrences the same way, so the
// spans are those of the term-by-term search.
func (sc *snippetScratch) occurrences(hay string, terms []string) (pos, at []int32) {
	var filter [64]uint64
	multi := false
	// keys are the terms' table keys, noKey for a term searched by itself.
	const noKey = 1 << 12
	keys := slices.Grow(sc.keys[:0], len(terms))[:len(terms)]
	sc.keys = keys
	for ti, t := range terms {
		keys[ti] = noKey
		if oneScan(t) {
			k := uint(t[1]&0x3F)<<6 | uint(t[2]&0x3F)
			filter[k>>6] |= 1 << (k & 63)
			keys[ti] = uint16(k)
			multi = true
		}
	}
	found := sc.found[:0]
	if multi {
		// A term that starts with a lead byte starts only at a lead byte
		// (>= 0xC0); a character of U+3000–U+9FFF is stepped over whole,
		// since its other two bytes are continuation bytes.
		for i := 0; i+2 < len(hay); {
			c := hay[i]
			if c < 0xC0 {
				i++
				continue
			}
			k := uint(hay[i+1]&0x3F)<<6 | uint(hay[i+2]&0x3F)
			if filter[k>>6]&(1<<(k&63)) != 0 {
				rest := hay[i:]
				for ti, tk := range keys {
					if uint(tk) == k && strings.HasPrefix(rest, terms[ti]) {
						found = append(found, termAt{int32(ti), int32(i)})
					}
				}
			}
			if isHan3(hay, i) {
				i += 3
			} else {
				i++
			}
		}
	}
	for ti, t := range terms {
		if oneScan(t) {
			continue
		}
		for from := 0; from < len(hay); {
			i := indexTerm(hay[from:], t)
			if i < 0 {
				break
			}
			found = append(found, termAt{int32(ti), int32(from + i)})
			from += i + len(t)
		}
	}
	sc.found = found
	// Grouped by term, each term's starts kept in order.
	at = slices.Grow(sc.at[:0], len(terms)+1)[:len(terms)+1]
	clear(at)
	for _, f := range found {
		at[f.term+1]++
	}
	for i := 1; i < len(at); i++ {
		at[i] += at[i-1]
	}
	pos = slices.Grow(sc.pos[:0], len(found))[:len(found)]
	next := slices.Grow(sc.ends[:0], len(terms))[:len(terms)]
	for i := range next {
		next[i] = int(at[i])
	}
	for _, f := range found {
		pos[next[f.term]] = f.pos
		next[f.term]++
	}
	sc.at, sc.pos, sc.ends = at, pos, next[:0]
	return pos, at
}

// oneScan reports whether occurrences finds t in its one pass: three
// bytes or more, the first a UTF-8 lead byte.
func oneScan(t string) bool {
	return len(t) >= 3 && t[0] >= 0xC0
}

// indexTerm is strings.Index(s, t). A term of Han characters is looked for
// by its last byte, a UTF-8 continuation byte (one of 64 values), not by
// its first, which in Chinese text is one of a few lead bytes that start
// most characters and stops strings.Index at nearly every one.
func indexTerm(s, t string) int {
	n := len(t)
	if n < 2 || t[n-1] < utf8.RuneSelf {
		return strings.Index(s, t)
	}
	c := t[n-1]
	for i := n - 1; i < len(s); i++ {
		j := strings.IndexByte(s[i:], c)
		if j < 0 {
			return -1
		}
		i += j
		if s[i+1-n:i+1] == t {
			return i + 1 - n
		}
	}
	return -1
}

// hasUpper reports whether text has a letter strings.ToLower would change.
// Statute text is Han characters and punctuation almost throughout, which
// it skips without a table lookup: lower-casing every returned article
// for its snippets was a sixth of a search's cost.
//
// It reads bytes, not runes: a lead byte 0xE3–0xE9 followed by two
// continuation bytes is a character of U+3000–U+9FFF, skipped without
// decoding it.
func hasUpper(text string) bool {
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				return true
			}
			i++
			continue
		}
		if isHan3(text, i) {
			i += 3 // CJK symbols, kana, Han: no case
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if r >= 0x3000 && r < 0xA000 {
			continue
		}
		if unicode.ToLower(r) != r {
			return true
		}
	}
	return false
}

// snippetsOf returns up to max snippets of text with the occurrences of
// terms marked <mark>…</mark> and the rest HTML-escaped, best first: each
// starts a little before a match and runs snippetRunes characters; the
// snippets with the most matches come first.
func snippetsOf(text string, terms []string, max int) []string {
	var sc snippetScratch
	return sc.snippets(text, terms, max)
}

// snippets is snippetsOf with sc's working memory. The snippets of a hit
// share one string.
func (sc *snippetScratch) snippets(text string, terms []string, max int) []string {
	if max <= 0 || len(terms) == 0 {
		return nil
	}
	return sc.snippetsIn(text, snippetHay(text), terms, max)
}

// snippetsIn is snippets with hay = snippetHay(text) known.
func (sc *snippetScratch) snippetsIn(text, hay string, terms []string, max int) []string {
	if max <= 0 || len(terms) == 0 {
		return nil
	}
	spans := sc.matchesIn(hay, terms)
	frags := sc.frags[:0]
	for i := 0; i < len(spans); {
		start := backRunes(text, spans[i].start, snippetLead)
		end := forwardRunes(text, start, snippetRunes)
		if end < spans[i].end {
			end = spans[i].end
		}
		f := frag{start: start, end: end}
		first := i
		for ; i < len(spans) && spans[i].end <= end; i++ {
		}
		// A fragment's spans are consecutive in spans.
		f.spans = spans[first:i]
		frags = append(frags, f)
	}
	sc.frags = frags
	slices.SortStableFunc(frags, func(a, b frag) int { return len(b.spans) - len(a.spans) })
	if len(frags) == 0 {
		return nil
	}
	if len(frags) > max {
		frags = frags[:max]
	}
	var b strings.Builder
	size := 0
	for _, f := range frags {
		size += f.end - f.start + 13*len(f.spans) + 8
	}
	b.Grow(size)
	ends := sc.ends[:0]
	for _, f := range frags {
		ends = append(ends, b.Len())
		if f.start > 0 {
			b.WriteString("…")
		}
		at := f.start
		for _, s := range f.spans {
			escapeHTML(&b, text[at:s.start])
			b.WriteString("<mark>")
			escapeHTML(&b, text[s.start:s.end])
			b.WriteString("</mark>")
			at = s.end
		}
		escapeHTML(&b, text[at:f.end])
		if f.end < len(text) {
			b.WriteString("…")
		}
		ends = append(ends, b.Len())
	}
	sc.ends = ends
	all := b.String()
	out := make([]string, len(frags))
	for i := range out {
		out[i] = all[ends[2*i]:ends[2*i+1]]
	}
	return out
}

// htmlEscaper escapes what html.EscapeString escapes, the same way, into
// a builder instead of a new string for every piece of a snippet.
var htmlEscaper = strings.NewReplacer("&", "&amp;", "'", "&#39;", "<", "&lt;", ">", "&gt;", "\"", "&#34;")

func escapeHTML(b *strings.Builder, s string) {
	_, _ = htmlEscaper.WriteString(b, s)
}

// backRunes returns the byte offset n characters before at in s (or 0).
func backRunes(s string, at, n int) int {
	for ; n > 0 && at > 0; n-- {
		if at >= 3 && isHan3(s, at-3) {
			at -= 3
			continue
		}
		_, size := utf8.DecodeLastRuneInString(s[:at])
		at -= size
	}
	return at
}

// isHan3 reports whether s holds at i a lead byte 0xE3–0xE9 and two
// continuation bytes: a character of U+3000–U+9FFF, which UTF-8 decoding
// would take as three bytes (hasUpper's test). The snippets' character
// counts skip such characters without decoding them.
func isHan3(s string, i int) bool {
	return i+2 < len(s) && s[i] >= 0xE3 && s[i] <= 0xE9 && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80
}

// forwardRunes returns the byte offset n characters after at in s (or its
// end).
func forwardRunes(s string, at, n int) int {
	for ; n > 0 && at < len(s); n-- {
		if c := s[at]; c < utf8.RuneSelf {
			at++
			continue
		}
		if isHan3(s, at) {
			at += 3
			continue
		}
		_, size := utf8.DecodeRuneInString(s[at:])
		at += size
	}
	return at
}
