package caseanalysis

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// matcher ranks benchmarks for free text with BM25 over each benchmark's
// name and keywords (what the conduct is called, weighing more) and its
// description.
type matcher struct {
	benchmarks  []*rules.Benchmark
	aggravated  []bool // aggravatedTier of each benchmark
	uncorrected []bool // uncorrectedTier of each benchmark
	grave       []bool // graveTier of each benchmark
	// penalties are the penalty articles of each benchmark's line from it
	// on (its own and its successors'): a tier written for the new law
	// (法典 第一千零九十五条's 情节严重) is the tier of a basic benchmark the
	// matcher scores through its predecessor (环境影响评价法 第三十一条).
	penalties [][]articleKey
	// sameConduct lists, for each benchmark, the benchmarks that punish
	// the same conduct (itself among them: conductGroups), for the
	// learned vote.
	sameConduct [][]int
	bases       []uint16       // fineBases of each benchmark
	cat         *rules.Catalog // for the labels of penalty provisions (PenaltyLabel)
	pos         map[string]int // benchmark ID → position
	index       bm25
	// phrases are the whole keywords of three or more characters, looked
	// for verbatim in the text, grouped by their first two characters
	// (nlp.RunePair).
	phrases map[uint64][]string
	// phraseHeads filters the keys of phrases (most of a text's pairs
	// open no keyword).
	phraseHeads pairFilter
	seg         nlp.Segmenter
	// terms numbers the query terms in this index and the provision
	// index at once (shareTerms).
	terms sharedTerms
	// decider applies the benchmarks' distinguishing elements, their
	// special-over-general order and the sector cues to the best candidates.
	decider decider
	// successorExcludes holds, for a later member of a line whose
	// excluding elements are its own (not inherited from the line's first
	// member, which the decider checks), the cues of each: a law that split
	// one conduct in two (环境影响评价法 第三十一条's 报告书、报告表 into the
	// 生态环境法典's two amounts) makes the successor exclude what the
	// first member did not.
	successorExcludes map[*rules.Benchmark][]successorElement
	// scratch recycles rank's per-request slots (two per benchmark).
	scratch sync.Pool
	// pools recycles the candidate pools rank returns (recycle).
	pools sync.Pool
}

// headWeight is how much a term in a benchmark's name or keywords counts
// against one in its description.
const headWeight = 3

// bigramMark prefixes character-bigram terms so they never collide with
// words; bigramWeight is what a bigram match counts against a word match.
const (
	bigramMark   = "\x00"
	bigramWeight = 0.5
)

// terms returns the words of text (segmenter tokens that can carry
// meaning) and its Han character bigrams. Bigrams find 超过保质期 for 过期
// where the segmenter cut the two differently, and keep matching working
// with a dictionary-free segmenter.
func terms(seg nlp.Segmenter, text string) []string {
	norm := nlp.NormalizeText(text)
	return termsOf(norm, seg.Cut(norm))
}

// termsOf is terms over text already normalised and segmented.
func termsOf(norm string, tokens []nlp.Token) []string {
	var out []string
	for _, tk := range tokens {
		if isTerm(tk.Text) {
			out = append(out, tk.Text)
		}
	}
	for i, j := range nlp.Bigrams(norm, nlp.HanPairs) {
		out = append(out, bigramMark+norm[i:j])
	}
	return out
}

// isTerm keeps words that can carry meaning: two or more letters (a Han
// word, an ASCII word) and not a function word.
func isTerm(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
		n++
	}
	return n >= 2 && !stopTerms[w]
}

// stopTerms are words every case narrative uses; they say nothing about
// which violation it is.
var stopTerms = map[string]bool{
	"当事人": true, "执法人员": true, "经查": true, "发现": true, "进行": true, "检查": true, "对其": true,
	"以上": true, "以下": true, "或者": true, "并处": true, "违法": true, "行为": true, "规定": true,
	"有关": true, "相关": true, "情况": true, "其中": true, "已经": true, "没有": true, "存在": true,
	"我局": true, "本局": true, "调查": true, "询问": true, "笔录": true, "现场": true, "共计": true,
}

// BM25 parameters for the benchmark documents (short, uniform texts).
const (
	bm25K1 = 1.2
	bm25B  = 0.5
	// lexicalHalf is the BM25 score that maps to 0.5: about three
	// distinctive words in common.
	lexicalHalf = 6.0
)

func newMatcher(cat *rules.Catalog, seg nlp.Segmenter) *matcher {
	m := &matcher{phrases: map[uint64][]string{}, pos: map[string]int{}, seg: seg, cat: cat}
	var docs []termDoc
	phrases := map[string]bool{}
	for _, b := range cat.All() {
		if line := cat.Line(b); line[0] != b {
			if len(b.Excludes) > 0 && !slices.EqualFunc(b.Excludes, line[0].Excludes, sameElement) {
				if m.successorExcludes == nil {
					m.successorExcludes = map[*rules.Benchmark][]successorElement{}
				}
				for _, e := range b.Excludes {
					m.successorExcludes[b] = append(m.successorExcludes[b], newSuccessorElement(e))
				}
			}
			// A line (the same conduct under successive laws) is matched
			// once, by its first benchmark; the engine picks the one in
			// effect on the act date (从旧兼从轻).
			continue
		}
		d := newTermDoc()
		d.head = map[string]bool{}
		addHead := func(t string) {
			d.tf[t] += headWeight
			if !strings.HasPrefix(t, bigramMark) {
				d.head[t] = true
			}
		}
		for _, t := range terms(seg, b.Name+"。"+strings.Join(b.Keywords, "，")) {
			addHead(t)
		}
		for _, k := range b.Keywords {
			// Keywords are phrases officers use; keep each whole as well,
			// so 无证经营食品 matches even where jieba splits it differently.
			if k = nlp.NormalizeText(k); utf8.RuneCountInString(k) >= 2 {
				addHead(k)
				if utf8.RuneCountInString(k) >= 3 {
					phrases[k] = true
				}
			}
		}
		for _, t := range terms(seg, b.Description+"。"+b.Transfer) {
			d.tf[t]++
		}
		m.benchmarks = append(m.benchmarks, b)
		m.aggravated = append(m.aggravated, aggravatedTier(b))
		m.uncorrected = append(m.uncorrected, uncorrectedTier(b))
		m.grave = append(m.grave, graveTier(b))
		m.penalties = append(m.penalties, linePenalties(cat, b))
		m.bases = append(m.bases, fineBases(b))
		m.pos[b.ID] = len(m.benchmarks) - 1
		docs = append(docs, d)
	}
	m.sameConduct = conductGroups(m.benchmarks)
	m.index = newBM25(docs, bm25Params{k1: bm25K1, b: bm25B, bigramScale: bigramWeight})
	m.decider = newDecider(cat, m.benchmarks)
	for p := range phrases {
		rs := []rune(p)
		head := nlp.RunePair(rs[0], rs[1])
		m.phrases[head] = append(m.phrases[head], p)
	}
	m.phraseHeads = newPairFilter(len(m.phrases))
	for k := range m.phrases {
		m.phraseHeads.add(k)
	}
	m.terms = newSharedTerms(&m.index, nil)
	n := 3 * len(m.benchmarks)
	m.scratch.New = func() any { s := make([]float64, n); return &s }
	return m
}

// conductGroups lists, for each benchmark, the benchmarks of the same
// conduct: the same penalty article (by law, article and suffix: 第X条之一
// is a conduct of its own, not a paragraph of 第X条) in force together (a
// revision renumbers: 治安管理处罚法 第五十条 was 阻碍执行职务 until 2026 and is
// 偷窥 since), and, where both name an item (项) of it, the same paragraph
// and item or the same provisions violated. The items of an enumerating
// article are different conducts when they punish breaches of different
// duties (食品安全法 第一百二十六条's 健康证明 and 餐具消毒, 消防法 第六十条's
// 消防设施 and 疏散通道): a text like one is no evidence for another. Items
// that grade the breach of one duty by its consequence (安全生产法 第九十五条's
// 一般、较大、重大事故, all of 第二十一条) are tiers of one conduct. A benchmark
// that names no item — the whole article, one paragraph of one conduct
// (公共场所, 情节严重), the tier of every item (逾期未改正), several items in
// one (Items) — stays with all of them.
func conductGroups(bs []*rules.Benchmark) [][]int {
	article := func(b *rules.Benchmark) legal.Ref {
		return legal.Ref{Law: b.PenaltyRef.Law, Article: b.PenaltyRef.Article, Suffix: b.PenaltyRef.Suffix}
	}
	byArticle := map[legal.Ref][]int{}
	for i, b := range bs {
		byArticle[article(b)] = append(byArticle[article(b)], i)
	}
	out := make([][]int, len(bs))
	for i, b := range bs {
		r := b.PenaltyRef
		for _, j := range byArticle[article(b)] {
			o := bs[j]
			if !together(b, o) {
				continue
			}
			if r.Item == 0 || o.PenaltyRef.Item == 0 || o.PenaltyRef.Item == r.Item && o.PenaltyRef.Paragraph == r.Paragraph || slices.Equal(o.Violated, b.Violated) {
				out[i] = append(out[i], j)
			}
		}
	}
	return out
}

// together reports whether two benchmarks apply on some day in common
// (effective_to is exclusive; empty: still in force).
func together(a, b *rules.Benchmark) bool {
	return (b.EffectiveTo == "" || a.EffectiveFrom < b.EffectiveTo) && (a.EffectiveTo == "" || b.EffectiveFrom < a.EffectiveTo)
}

// sameElement reports whether two elements name the same cues.
func sameElement(a, b rules.Element) bool {
	return a.Label == b.Label && slices.Equal(a.Cues, b.Cues)
}

// successorExcluded reports whether the normalised text shows an element
// that excludes b, a later member of its line with exclusions of its own
// (successorExcludes); false for any other benchmark.
func (m *matcher) successorExcluded(b *rules.Benchmark, norm string) bool {
	for i := range m.successorExcludes[b] {
		if m.successorExcludes[b][i].shown(norm) {
			return true
		}
	}
	return false
}

// successorElement is an excluding element of a later line member, with
// its cues compiled.
type successorElement struct {
	cues []nlp.Cue
	// notWithin are the normalised words the cues do not count inside
	// (rules.Element.NotWithin), and index indexes the cues for the scan
	// that honours them; nil without such words.
	notWithin []string
	index     *nlp.CueIndex
}

// newSuccessorElement compiles e.
func newSuccessorElement(e rules.Element) successorElement {
	s := successorElement{cues: nlp.NewCues(e.Cues)}
	if len(e.NotWithin) > 0 {
		s.notWithin = nlp.NormalizeTexts(e.NotWithin)
		idx := nlp.NewCueIndex(s.cues)
		s.index = &idx
	}
	return s
}

// shown reports whether the normalised text shows the element. The words
// its cues do not count inside hold here as in the decider: a harm only
// feared (极易造成恶劣影响) is no 造成恶劣影响 for the 2025 治安管理处罚法
// 第五十八条 either, whose own exclusion dropped the basic tier while the
// decider, reading the first member's, kept it.
func (s *successorElement) shown(norm string) bool {
	if s.index != nil {
		_, ok := s.index.Scan(norm).FindOutside(s.cues, s.notWithin)
		return ok
	}
	for _, q := range s.cues {
		if q.InAmong(norm, s.cues) {
			return true
		}
	}
	return false
}

// shareTerms numbers the query terms in the provision index too: a query's
// words and bigrams are then looked up once for both.
func (m *matcher) shareTerms(prov *bm25) { m.terms = newSharedTerms(&m.index, prov) }

// candidate is a benchmark with the evidence that it fits the text.
type candidate struct {
	b       *rules.Benchmark
	doc     int     // position of b in the matcher
	lexical float64 // BM25 over the benchmark text
	cases   float64 // votes of similar past cases decided under it
	cues    float64 // extracted facts that its fine is computed from
	// learned is the share of score the learned vote (the text's
	// similarity to the labelled examples of the benchmark's article,
	// weighed) contributed when the candidate was scored. A share, not an
	// amount: the score is scaled afterwards (tiers, exclusions, sectors),
	// and score × (1 − learned) stays the score without the vote.
	learned float64
	score   float64
	matched []string
	verdict
}

// scoredDoc is a benchmark's position in the matcher with its candidate
// score, what rank orders before it builds the candidates.
type scoredDoc struct {
	doc   int
	score float64
}

// Weights of the evidence in a candidate's score.
const (
	wLexical = 0.6
	wCases   = 0.3
	wCues    = 0.1
)

// lexicalScores adds every benchmark's BM25 sum for the text to scores
// (one slot per benchmark) and returns the query, whose headTerms are the
// words matched in a benchmark's name or keywords.
func (m *matcher) lexicalScores(q query, scores []float64) *termQuery {
	// Room for the words, the bigrams and a few whole keywords.
	qt := m.index.queryFor(len(q.words) + len(q.bigrams) + 16)
	norm := q.norm
	// The terms of termsOf, numbered when the query was made.
	for _, w := range q.words {
		qt.add(w.ids.bench)
	}
	for _, b := range q.bigrams {
		qt.add(b.bench)
	}
	// Whole keywords found in the text count as query terms too.
	var prev rune = -1
	prevAt := 0
	for i, r := range norm {
		if k := nlp.RunePair(prev, r); prev >= 0 && m.phraseHeads.mayHave(k) {
			for _, p := range m.phrases[k] {
				if strings.HasPrefix(norm[prevAt:], p) {
					qt.word(p)
				}
			}
		}
		prev, prevAt = r, i
	}
	qt.scores(scores)
	return qt
}

// maxCaseQueryWords bounds the words of a similar-case query: a long
// narrative as a query costs more than the rest of the analysis together.
const maxCaseQueryWords = 24

// caseQuery picks the words that describe the conduct: words of the text
// that are in the benchmark vocabulary first, then other words, in text
// order, at most maxCaseQueryWords.
func (m *matcher) caseQuery(q query) []string {
	// Each list stops at the bound, which makes a linear test for a word
	// already taken cheaper than a map; a word is in the same list each
	// time it occurs, since its list depends on the word alone.
	// domain has room for other after it (the append below).
	domain, other := make([]string, 0, 2*maxCaseQueryWords), make([]string, 0, maxCaseQueryWords)
	for _, qw := range q.words {
		w := qw.text
		list := &other
		if qw.ids.bench >= 0 {
			list = &domain
		}
		if len(*list) == maxCaseQueryWords || slices.Contains(*list, w) {
			continue
		}
		*list = append(*list, w)
	}
	words := append(domain, other...)
	if len(words) == 0 {
		return nil // as the lists grown from nil gave
	}
	if len(words) > maxCaseQueryWords {
		words = words[:maxCaseQueryWords]
	}
	return words
}

// query is the officer's text, normalised and segmented once for every
// use, with its terms numbered once in the benchmark and provision
// indexes.
type query struct {
	norm   string
	tokens []nlp.Token
	// words are the tokens that are terms (isTerm), in text order.
	words []queryWord
	// bigrams are the text's Han bigrams that either index holds.
	bigrams []termIDs
	// plain is the query without the content of the text's claims
	// (withoutSpans), nil when it has none: the words a benchmark not on
	// the claim (rules.Benchmark.ReadsClaims) shares with the facts.
	plain *query
}

// queryWord is a term of the query and its numbers.
type queryWord struct {
	text string
	ids  termIDs
}

// newQuery reads a text to match: normalised, segmented, its terms looked up.
func (m *matcher) newQuery(text string) query {
	return m.newQueryNorm(nlp.NormalizeText(text))
}

// newQueryNorm is newQuery for a text already normalised (nlp.NormalizeText).
func (m *matcher) newQueryNorm(norm string) query {
	// A last day of the shelf life before the day the goods were found is
	// an expiry the officer did not name (保质期至9月30日 … 10月12日检查):
	// the statement is added to what is matched, in the catalog's words.
	if passed := nlp.ExpiryPassed(norm); passed != "" {
		norm += "。" + passed + "。"
	}
	q := query{norm: norm, tokens: m.seg.Cut(norm)}
	// One array for the words, at most one a token (24 bytes a token),
	// instead of a growth from nothing; none stays nil.
	q.words = make([]queryWord, 0, len(q.tokens))
	for _, tk := range q.tokens {
		if isTerm(tk.Text) {
			q.words = append(q.words, queryWord{tk.Text, m.terms.word(tk.Text)})
		}
	}
	if len(q.words) == 0 {
		q.words = nil
	}
	q.bigrams = m.terms.bigrams(norm, q.bigrams)
	return q
}

// withoutSpans returns q without the words and bigrams inside spans (the
// content of claims, nlp.ClaimSpans): blanked is q.norm with those spans
// blanked. No segmentation: the words are q's tokens outside the spans.
func (m *matcher) withoutSpans(q query, spans []nlp.Span, blanked string) query {
	out := query{norm: blanked, tokens: q.tokens}
	for _, tk := range q.tokens {
		if isTerm(tk.Text) && !nlp.InClaim(spans, tk.Start) {
			out.words = append(out.words, queryWord{tk.Text, m.terms.word(tk.Text)})
		}
	}
	out.bigrams = m.terms.bigrams(blanked, nil)
	return out
}

// caseVotes turns similar cases into votes for the benchmarks whose penalty
// provision the case applied; a vote weighs 1/(rank+1).
func (a *Analyzer) caseVotes(cases []similarCase) map[string]float64 {
	votes := map[string]float64{}
	for rank, sc := range cases {
		for _, id := range a.caseBenchmarks(*sc.c) {
			votes[id] += 1 / float64(rank+1)
		}
	}
	return votes
}

// caseBenchmarks is benchmarksForCase, cached per case and corpus
// generation.
func (a *Analyzer) caseBenchmarks(c corpus.Case) []string {
	ids, _ := cached(a, &a.caseBench, c.ID, maxCachedCases, func() ([]string, error) {
		return benchmarksForCase(a.cfg.Catalog, c), nil
	})
	return ids
}

// benchmarksForCase finds the benchmarks whose penalty provision a case
// cites (same law and article; same 款 and 项 when both sides give them).
// Among several, the ones whose name shares most with the case's violation
// type come first, and only those are returned.
func benchmarksForCase(cat *rules.Catalog, c corpus.Case) []string {
	best, bestOverlap := []string(nil), -1
	for _, b := range cat.All() {
		p := b.PenaltyRef
		hit := false
		for _, cit := range c.Basis {
			if cit.Law == p.Law && cit.Article == p.Article && cit.Suffix == p.Suffix &&
				(cit.Paragraph == 0 || p.Paragraph == 0 || cit.Paragraph == p.Paragraph) &&
				(cit.Item == 0 || p.Item == 0 || cit.Item == p.Item) {
				hit = true
				break
			}
		}
		if !hit {
			continue
		}
		ov := overlap(b.Name, c.ViolationType)
		switch {
		case ov > bestOverlap:
			best, bestOverlap = []string{b.ID}, ov
		case ov == bestOverlap:
			best = append(best, b.ID)
		}
	}
	return best
}

// overlap counts the character bigrams two strings share.
func overlap(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	set := map[string]bool{}
	for i := 0; i+1 < len(ra); i++ {
		set[string(ra[i:i+2])] = true
	}
	n := 0
	for i := 0; i+1 < len(rb); i++ {
		if set[string(rb[i:i+2])] {
			n++
			set[string(rb[i:i+2])] = false
		}
	}
	return n
}

// cueBases are the fine bases and unit bases whose presence in the facts is
// a cue, one bit each.
var cueBases = []string{"goods_value", "illegal_gains", "sales_amount", "illegal_revenue", "ad_cost", "tax_evaded",
	"wages_owed", "persons", "vehicles", "days", "quantity"}

// baseBit is the bit of a cue base, 0 for other names.
func baseBit(name string) uint16 {
	if name == "tax_unwithheld" {
		// The withheld tax is read as the tax amount (rules.Facts.amounts).
		name = "tax_evaded"
	}
	if i := slices.Index(cueBases, name); i >= 0 {
		return 1 << i
	}
	return 0
}

// givenBases is the set of cue bases the facts give.
func givenBases(ef rules.Facts) uint16 {
	var m uint16
	for i, name := range cueBases {
		if _, ok := ef.Amount(name); ok {
			m |= 1 << i
		}
	}
	return m
}

// fineBases is the set of cue bases a benchmark's fines are computed from
// (货值金额 for a goods-value fine …), computed once per benchmark: the
// facts giving one of them is the cue.
func fineBases(b *rules.Benchmark) uint16 {
	var m uint16
	for _, p := range b.Penalties {
		if p.Fine == nil {
			continue
		}
		m |= baseBit(p.Fine.Base) | baseBit(p.Fine.Unit)
		for _, br := range p.Fine.Brackets {
			m |= baseBit(br.Unit)
		}
	}
	return m
}

// tierDiscount scales the score of an aggravated tier down without serious
// circumstances in the facts, and up (by its inverse) with them.
const tierDiscount = 0.9

// aggravatedTier reports whether a benchmark is the 情节严重/情节较重 tier of
// a violation.
func aggravatedTier(b *rules.Benchmark) bool {
	return strings.HasSuffix(b.ID, "-serious") || nlp.Contains(b.Name, "情节严重") || nlp.Contains(b.Name, "情节较重") || nlp.Contains(b.Name, "其他严重情节")
}

// uncorrectedTier reports whether a benchmark is the 逾期未改正 tier of a
// violation (安全生产法 第九十七条: 责令限期改正……逾期未改正的，责令停产停业整顿，
// 并处……): the same conduct, fined higher once an order to correct was
// not followed.
func uncorrectedTier(b *rules.Benchmark) bool {
	return strings.HasSuffix(b.ID, "-not-corrected") || nlp.Contains(b.Name, "逾期未改正") || nlp.Contains(b.Name, "逾期不改正")
}

// graveTier reports whether a benchmark is the 造成严重后果 tier of a
// violation (生态环境法典 第一千一百六十九条第二款: 危险废物……造成严重后果的，
// 处二百万元以上五百万元以下的罚款): the same conduct, fined higher for a
// consequence the benchmark names among its elements.
func graveTier(b *rules.Benchmark) bool {
	return nlp.Contains(b.Name, "造成严重后果")
}

// promoteUncorrected puts the 逾期未改正 tier of a violation just above
// its basic tier when the facts say the order was not followed: the two
// share their words and past cases, and only this fact tells them apart, so
// the basic tier's lead in words or votes says nothing.
//
// A tier whose own element the decision found missing (经责令限期改正逾期未改正
// not shown: 至今未整改 with no order to correct named) stays where the
// decision put it: the statute's 逾期 needs the order, and the facts'
// words for a hazard left alone do not make one.
func (m *matcher) promoteUncorrected(top []candidate) []candidate {
	return m.promoteTier(top, m.uncorrected)
}

// articleKey is a penalty article: its law and number.
type articleKey struct {
	law     string
	article int
}

// linePenalties lists the penalty articles of b and of the benchmarks
// that succeed it (SupersededBy), b's first.
func linePenalties(cat *rules.Catalog, b *rules.Benchmark) []articleKey {
	keys := []articleKey{{b.PenaltyRef.Law, b.PenaltyRef.Article}}
	if cat == nil {
		return keys
	}
	line := cat.Line(b)
	at := slices.Index(line, b)
	if at < 0 {
		return keys
	}
	for _, x := range line[at+1:] {
		k := articleKey{x.PenaltyRef.Law, x.PenaltyRef.Article}
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	return keys
}

// samePenalty reports whether the tier candidate c is fined under the
// article of b or of a successor of b; of the same law, under the same
// paragraph when both name one (生态环境法典 第一千一百零九条: 第一款's 情节严重
// tier is no tier of 第二款's outlet in a drinking-water source zone).
func (m *matcher) samePenalty(b, c candidate) bool {
	if b.b.PenaltyRef.Law == c.b.PenaltyRef.Law && b.b.PenaltyRef.Paragraph > 0 && c.b.PenaltyRef.Paragraph > 0 && b.b.PenaltyRef.Paragraph != c.b.PenaltyRef.Paragraph {
		return false
	}
	return slices.Contains(m.penalties[b.doc], articleKey{c.b.PenaltyRef.Law, c.b.PenaltyRef.Article})
}

// promoteTier puts each candidate of a tier (tier[doc]) just above the
// best candidate of another tier of the same penalty article: once the
// facts decide the tier, the shared words no longer do. A candidate the
// decision found missing an element or the facts exclude is not promoted:
// the tier's words (情节严重) do not make up for its conduct (报告表 named
// for a 报告书 project, an outlet outside the protection zone).
func (m *matcher) promoteTier(top []candidate, tier []bool) []candidate {
	for i := 1; i < len(top); i++ {
		c := top[i]
		if !tier[c.doc] || len(c.excluding) > 0 || len(c.missing) > 0 {
			continue
		}
		for j := 0; j < i; j++ {
			b := top[j]
			if tier[b.doc] || !m.samePenalty(b, c) {
				continue
			}
			c.score = b.score
			copy(top[j+1:i+1], top[j:i])
			top[j] = c
			break
		}
	}
	return top
}

// notCorrected reports whether the facts say an order to correct was not
// followed (逾期未改正, 拒不改正, 复查时仍……): a correction cue the
// extraction denies.
func notCorrected(x nlp.Extraction) bool {
	for _, c := range x.Circumstances {
		if c.Name == nlp.CircCorrectedInTime && c.Negated {
			return true
		}
	}
	return false
}

// rank combines the evidence into scores in [0, 1], decides between the
// best (decide) and returns the k best candidates, best first, with the
// decided pool they were chosen from and the sectors the facts name. Only benchmarks with some lexical or
// case evidence are candidates: a fact cue alone says nothing about the
// conduct.
func (m *matcher) rank(q query, sector legal.Sector, learned learnedVote, ef rules.Facts, facts *factValues, votes map[string]float64, k int) (kept, pool []candidate, inText map[legal.Sector]string) {
	n := k + decidePool
	// Three slots per benchmark, recycled: the BM25 sums, the case votes
	// and the learned vote.
	buf := m.scratch.Get().(*[]float64)
	defer m.scratch.Put(buf)
	clear(*buf)
	nb := len(m.benchmarks)
	lex, byDoc, ex := (*buf)[:nb], (*buf)[nb:2*nb], (*buf)[2*nb:]
	// The vote tells conducts apart, not the paragraphs or tiers of one
	// conduct (携带管制刀具 and its 公共场所 paragraph read alike): every
	// benchmark of a voted conduct gets the conduct's best vote, so the
	// order among them stays the engine's (conductGroups).
	for _, s := range learned.scores {
		if i, ok := m.pos[s.Label]; ok {
			v := learned.weight * s.Similarity
			for _, j := range m.sameConduct[i] {
				ex[j] = max(ex[j], v)
			}
		}
	}
	qt := m.lexicalScores(q, lex)
	plainQt := qt
	if q.plain != nil {
		// What a claim says is not what happened: a benchmark not on the
		// claim shares only the words outside it with the facts (an
		// advert's 起火 is no fire).
		plain := make([]float64, len(lex))
		plainQt = m.lexicalScores(*q.plain, plain)
		for i, b := range m.benchmarks {
			if !b.ReadsClaims {
				lex[i] = plain[i]
			}
		}
	}
	has := givenBases(ef)
	uncorrected := facts != nil && notCorrected(facts.x)
	for id, v := range votes {
		if i, ok := m.pos[id]; ok {
			byDoc[i] = v
		}
	}
	// Keep the n best in order (higher score, then lower ID): an insertion
	// into a short list, since n is a few dozen and the catalog is long.
	// The list holds positions and scores, and the candidates are built
	// once it is final: a candidate is large, and most of those inserted
	// are shifted or dropped by later ones.
	// The array keeps the usual list (k + decidePool, and one inserted
	// beyond) off the heap; a longer one grows past it.
	var room [64]scoredDoc
	best := room[:0]
	better := func(a, b scoredDoc) int {
		if a.score != b.score {
			return cmp.Compare(b.score, a.score)
		}
		return strings.Compare(m.benchmarks[a.doc].ID, m.benchmarks[b.doc].ID)
	}
	for i, b := range m.benchmarks {
		if sector != "" && b.Sector != sector {
			continue
		}
		// The learned vote alone makes no candidate: it weighs between
		// the benchmarks the words or past cases bring, never in place of
		// them.
		if lex[i] == 0 && byDoc[i] == 0 {
			continue
		}
		c := m.candidate(i, lex[i], byDoc[i], ex[i], has, ef.Serious, uncorrected)
		best = keepBest(best, scoredDoc{i, c.score}, n, better)
	}
	// Room for the few benchmarks the decision brings in by their
	// elements (decide).
	top := m.candidatePool(len(best), n+4)
	for j, d := range best {
		top[j] = m.candidate(d.doc, lex[d.doc], byDoc[d.doc], ex[d.doc], has, ef.Serious, uncorrected)
	}
	// The decision also brings in benchmarks below the first n, or sharing
	// no word with the text, whose distinguishing elements the facts all
	// show: a reviewer reads 拍桌叫骂致窗口停办 as 扰乱单位秩序 without the
	// statute's words.
	top, inText = m.decide(top, q, sector, facts, func(i int) candidate {
		return m.candidate(i, lex[i], byDoc[i], ex[i], has, ef.Serious, uncorrected)
	}, func(i int) bool { return lex[i] > 0 })
	if uncorrected {
		top = m.promoteUncorrected(top)
	}
	// The 造成严重后果 tier once the facts show all its elements, the
	// consequence among them: the basic tier's lead in shared words says
	// nothing of the consequence.
	top = m.promoteTier(top, m.grave)
	if ef.Serious {
		// 情节严重 stated, or figures that cross a prosecution threshold
		// (tierFacts): the aggravated tier, not the basic one.
		top = m.promoteTier(top, m.aggravated)
	}
	kept = top[:min(k, len(top))]
	for i := range kept {
		// A benchmark not on the claim matched only the words outside it.
		if kept[i].b.ReadsClaims {
			kept[i].matched = qt.headTerms(kept[i].doc)
		} else {
			kept[i].matched = plainQt.headTerms(kept[i].doc)
		}
	}
	return kept, top, inText
}

// candidatePool returns n candidates with room for c, from a pool an
// earlier analysis recycled when one is free: a pool is a few dozen large
// candidates, a tenth of an analysis's bytes when made anew each time.
func (m *matcher) candidatePool(n, c int) []candidate {
	if p, _ := m.pools.Get().(*[]candidate); p != nil && cap(*p) >= c {
		return (*p)[:n]
	}
	return make([]candidate, n, c)
}

// recycle takes back a pool rank returned, once nothing reads it or the
// candidates kept from it (which are copies). It is cleared so that it
// holds on to nothing of the analysis.
func (m *matcher) recycle(pool []candidate) {
	pool = pool[:cap(pool)]
	clear(pool)
	pool = pool[:0]
	m.pools.Put(&pool)
}

// candidate scores benchmark i from its BM25 sum, case votes, learned vote
// (weighed) and the fact bases given (has).
func (m *matcher) candidate(i int, lex, votes, learned float64, has uint16, serious, uncorrected bool) candidate {
	c := candidate{b: m.benchmarks[i], doc: i}
	c.lexical = lex / (lex + lexicalHalf)
	c.cases = math.Min(1, votes)
	if m.bases[i]&has != 0 {
		c.cues = 1
	}
	c.score = wLexical*c.lexical + wCases*c.cases + wCues*c.cues
	// The learned vote adds to the evidence: the same for a strong
	// candidate as for a weak one (a share of the gap to 1 would lift the
	// weak ones most). The score stays in [0, 1] for the provisions and the
	// thresholds that compare with it.
	if score := min(1, c.score+learned); score > 0 {
		c.learned = (score - c.score) / score
		c.score = score
	}
	if m.aggravated[i] {
		// The 情节严重 tier of a violation shares its words with the
		// basic tier: the facts decide between them.
		if serious {
			c.score = math.Min(1, c.score/tierDiscount)
		} else {
			c.score *= tierDiscount
		}
	}
	if m.uncorrected[i] {
		// Likewise the 逾期未改正 tier, decided by whether the order to
		// correct was followed.
		if uncorrected {
			c.score = math.Min(1, c.score/tierDiscount)
		} else {
			c.score *= tierDiscount
		}
	}
	return c
}

// unvoted is the candidate's score without the learned vote.
func (c candidate) unvoted() float64 { return c.score * (1 - c.learned) }

// betterCandidate orders candidates best first: higher score, then higher
// score without the learned vote, then lower benchmark ID, a total order.
// Two strong candidates the vote lifts both to the cap of 1 keep the
// engine's order between them, not their IDs'.
func betterCandidate(a, b candidate) int { return candidateOrder(&a, &b) }

// candidateOrder is betterCandidate on pointers: a candidate is some 250
// bytes, which a comparison by value copies twice.
func candidateOrder(a, b *candidate) int {
	if a.score != b.score {
		return cmp.Compare(b.score, a.score)
	}
	if ua, ub := a.unvoted(), b.unvoted(); ua != ub {
		return cmp.Compare(ub, ua)
	}
	return strings.Compare(a.b.ID, b.b.ID)
}
