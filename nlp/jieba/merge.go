package jieba

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/cailiang/cailiang/nlp"
)

// Article labels are merged after segmentation instead of being listed in the
// dictionary. jieba cuts 第一千一百六十五条 into 第一千/一百/六十五/条 and glues
// 条 to the next character when that makes a word (第十/条规/定). Dictionary
// entries would need every number from 第一条 to 第一千二百六十条, the 款 and
// 项 forms and the 之N articles, would still miss 第1165条 and 第（五）项, and
// each entry would compete with the text around it. A scan of the text finds
// every label exactly, and rebuilding the tokens around the labels keeps each
// character in exactly one token.

// labelUnits are the units a label may end with: article, paragraph, item.
// Chapter and section headings (章, 节) are left alone: they are structure,
// not citations.
const labelUnits = "条款项"

// labelDigit reports whether r can be part of a label number: Chinese
// numerals as statutes print them, or ASCII and full-width digits as officers
// type them (第124条).
func labelDigit(r rune) bool {
	switch {
	case r >= '0' && r <= '9', r >= '０' && r <= '９':
		return true
	}
	return strings.ContainsRune("零〇一二三四五六七八九十百千", r)
}

// span is a byte range [start, end) of text.
type span struct{ start, end int }

// labelSpans returns the article labels in text in order: 第 + number + 条,
// 款 or 项, for 条 an optional 之 + Chinese number (第一百三十三条之一), and
// the bracketed item form 第（五）项.
func labelSpans(text string) []span {
	const di = "第"
	var out []span
	for off := 0; ; {
		i := strings.Index(text[off:], di)
		if i < 0 {
			return out
		}
		start := off + i
		p := start + len(di)
		off = p
		if end := itemLabel(text, p); end > 0 {
			out = append(out, span{start, end})
			off = end
			continue
		}
		q := scanDigits(text, p)
		if q == p {
			continue
		}
		unit, size := utf8.DecodeRuneInString(text[q:])
		if !strings.ContainsRune(labelUnits, unit) {
			continue
		}
		end := q + size
		if unit == '条' && strings.HasPrefix(text[end:], "之") {
			z := end + len("之")
			if zq := scanDigits(text, z); zq > z {
				end = zq
			}
		}
		out = append(out, span{start, end})
		off = end
	}
}

// itemLabel returns the end of a parenthesised item label whose 第 ends at p
// (第（五）项, 第(5)项), or 0. Statutes number items （一）, so citations
// write them with the brackets.
func itemLabel(text string, p int) int {
	var closing string
	switch {
	case strings.HasPrefix(text[p:], "（"):
		p += len("（")
		closing = "）项"
	case strings.HasPrefix(text[p:], "("):
		p++
		closing = ")项"
	default:
		return 0
	}
	q := scanDigits(text, p)
	if q == p || !strings.HasPrefix(text[q:], closing) {
		return 0
	}
	return q + len(closing)
}

// scanDigits returns the end of the run of label digits starting at p.
func scanDigits(text string, p int) int {
	for p < len(text) {
		r, size := utf8.DecodeRuneInString(text[p:])
		if !labelDigit(r) {
			break
		}
		p += size
	}
	return p
}

// postprocessVersion changes whenever postprocess changes its output, so
// that indexes built with the old tokens are rebuilt (it is part of the
// segmenter's fingerprint).
const postprocessVersion = "pp1"

// postprocess merges article labels into single tokens and, in search mode,
// adds the legal sub-words that cppjieba's search mode cannot produce. It
// returns tokens unchanged (no allocation) when there is nothing to do, which
// keeps Cut's overhead over raw gojieba small.
func postprocess(text string, tokens []nlp.Token, search bool) []nlp.Token {
	if strings.Contains(text, "第") {
		if spans := labelSpans(text); len(spans) > 0 {
			tokens = mergeSpans(text, tokens, spans, search)
		}
	}
	repairLawSuffix(text, tokens)
	if search {
		tokens = addLegalSubwords(tokens)
	}
	return tokens
}

// repairLawSuffix undoes the one systematic loss our statute names cause:
// before 律 or 规 a boosted name keeps its final 法, so 违反土地管理法规 comes
// out as 土地管理法/规 and 遵守职业病防治法律 as 职业病防治法/律, where the text
// means 土地管理/法规 and 职业病防治/法律. A lone 律 or 规 is never a word
// here, so moving the 法 back is safe; 食品安全法规定 is unaffected because
// jieba already cuts it 食品安全法/规定. Tokens are changed in place.
func repairLawSuffix(text string, tokens []nlp.Token) {
	const fa = "法"
	for i := 0; i+1 < len(tokens); i++ {
		next := &tokens[i+1]
		if next.Text != "律" && next.Text != "规" {
			continue
		}
		t := &tokens[i]
		if t.End != next.Start || !strings.HasSuffix(t.Text, fa) || utf8.RuneCountInString(t.Text) < 3 {
			continue
		}
		if _, ok := legalWords()[t.Text]; !ok {
			continue
		}
		t.End -= len(fa)
		t.Text = text[t.Start:t.End]
		next.Start -= len(fa)
		next.Text = text[next.Start:next.End]
	}
}

// mergeSpans replaces the tokens that overlap a span by one token for the
// span. The parts of an overlapping token outside every span stay tokens of
// their own, so nothing of the text is lost (第十/条规/定 → 第十条/规/定). It
// works on search-mode output too, where tokens overlap one another; there a
// leftover part that a neighbouring token already left behind is emitted
// once.
//
// The output is written over the input while it stays behind the token being
// read, which it almost always does (a label replaces two or more tokens): a
// second token slice per call is another large allocation, and those showed
// up in BenchmarkSegmenterCut as garbage-collector time.
func mergeSpans(text string, tokens []nlp.Token, spans []span, search bool) []nlp.Token {
	m := merger{
		out:     tokens[:0],
		inPlace: true,
		search:  search,
		emitted: make([]bool, len(spans)),
		capHint: len(tokens) + len(spans),
	}
	k := 0 // first span that may overlap tokens from here on
	for r, t := range tokens {
		m.r = r
		if k > 0 && spans[k-1].end > t.Start {
			k = 0 // search mode went back in the text
		}
		for k < len(spans) && spans[k].end <= t.Start {
			k++
		}
		if k == len(spans) || t.End <= spans[k].start {
			m.push(t)
			continue
		}
		pos := t.Start
		for j := k; j < len(spans) && spans[j].start < t.End; j++ {
			sp := spans[j]
			if pos < sp.start {
				m.leftover(text, pos, sp.start)
			}
			if !m.emitted[j] {
				m.emitted[j] = true
				m.push(nlp.Token{Text: text[sp.start:sp.end], Start: sp.start, End: sp.end})
			}
			pos = max(pos, sp.end)
		}
		if pos < t.End {
			m.leftover(text, pos, t.End)
		}
	}
	return m.out
}

// merger holds mergeSpans' output state.
type merger struct {
	out       []nlp.Token
	inPlace   bool // out still aliases the input
	search    bool // tokens may overlap, so leftovers may repeat
	r         int  // index of the input token being read
	capHint   int
	emitted   []bool
	leftovers []span
}

// push appends t, moving the output to its own array first if writing in
// place would overwrite an input token not read yet.
func (m *merger) push(t nlp.Token) {
	if m.inPlace && len(m.out) > m.r {
		fresh := make([]nlp.Token, len(m.out), m.capHint+4)
		copy(fresh, m.out)
		m.out = fresh
		m.inPlace = false
	}
	m.out = append(m.out, t)
}

// recentLeftovers bounds the duplicate check: in search mode the tokens that
// share a leftover are the sub-words of one word, which cppjieba emits next
// to each other, so looking further back only costs time on long texts.
const recentLeftovers = 8

// leftover emits the part [s, e) of a token outside every label; in search
// mode only once.
func (m *merger) leftover(text string, s, e int) {
	if m.search {
		for _, l := range m.leftovers[max(0, len(m.leftovers)-recentLeftovers):] {
			if l.start == s && l.end == e {
				return
			}
		}
		m.leftovers = append(m.leftovers, span{s, e})
	}
	m.push(nlp.Token{Text: text[s:e], Start: s, End: e})
}

// Search-mode sub-words. cppjieba's search mode adds only the two- and
// three-character dictionary words inside a long word, so 中华人民共和国食品安全法
// never yields 食品安全法 and 没收违法所得 never yields 违法所得: a query for
// the short form would miss the document. We add every sub-word of four or
// more characters that is in our legal dictionary.

const minLegalSubword = 4 // runes; shorter ones cppjieba already emits

var legalWords = sync.OnceValue(func() map[string]struct{} {
	words := make(map[string]struct{}, 8192)
	for line := range strings.SplitSeq(string(legalDict), "\n") {
		if w, _, ok := strings.Cut(line, " "); ok && w != "" {
			words[w] = struct{}{}
		}
	}
	return words
})

// addLegalSubwords inserts, before each token of five or more runes, the
// legal-dictionary words of four or more runes strictly inside it.
func addLegalSubwords(tokens []nlp.Token) []nlp.Token {
	var out []nlp.Token // allocated on the first addition
	words := legalWords()
	for i, t := range tokens {
		if len(t.Text) < (minLegalSubword+1)*3 || utf8.RuneCountInString(t.Text) <= minLegalSubword {
			if out != nil {
				out = append(out, t)
			}
			continue
		}
		var subs []nlp.Token
		for a := 0; a < len(t.Text); {
			_, sa := utf8.DecodeRuneInString(t.Text[a:])
			n := 0
			for b := a; b < len(t.Text); {
				_, sb := utf8.DecodeRuneInString(t.Text[b:])
				b += sb
				n++
				if n < minLegalSubword || (a == 0 && b == len(t.Text)) {
					continue
				}
				if _, ok := words[t.Text[a:b]]; ok {
					subs = append(subs, nlp.Token{Text: t.Text[a:b], Start: t.Start + a, End: t.Start + b})
				}
			}
			a += sa
		}
		if len(subs) > 0 && out == nil {
			out = make([]nlp.Token, 0, len(tokens)+len(subs)+4)
			out = append(out, tokens[:i]...)
		}
		if out != nil {
			out = append(out, subs...)
			out = append(out, t)
		}
	}
	if out == nil {
		return tokens
	}
	return out
}
