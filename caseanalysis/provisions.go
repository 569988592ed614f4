package caseanalysis

import (
	"cmp"
	"slices"
	"strings"
	"sync"

	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// Provision-level matching: the articles of the core laws that impose a
// fine but have no hand-written benchmark (rules/provisions) are matched by
// the statute's own conduct words and answered through the rules engine
// like any benchmark (rules.ProvisionCatalog), in the same ranked list of
// violations. Everything is indexed once in New; a request costs one BM25
// pass over the postings of its terms.

// Kinds of a Violation.
const (
	KindBenchmark = "benchmark"
	KindProvision = "provision"
)

// ProvisionDetail is what a violation of kind provision rests on: the
// statute's conduct words and every fine it sets, one per condition.
type ProvisionDetail struct {
	legal.Ref
	// Label is the citation as printed (道路运输条例第六十八条).
	Label   string `json:"label"`
	Conduct string `json:"conduct"`
	// Version is the date of the statute version the entry was read from.
	Version string `json:"version"`
	// Fines are the statute's fines, one per condition.
	Fines []ProvisionFine `json:"fines"`
	// Unparsed says why no formula is given (the statute names no amount).
	Unparsed string `json:"unparsed,omitempty"`
}

// ProvisionFine is one fine of a provision: the statute's formula, and the
// range in yuan when it is fixed or the facts give its base; otherwise the
// fact to establish.
type ProvisionFine struct {
	When    string      `json:"when,omitempty"`
	Formula string      `json:"formula"`
	Range   *rules.Span `json:"range,omitempty"`
	// Applies is false when the facts' base falls outside the bracket.
	Applies bool `json:"applies"`
	// Establish names the fact the range depends on when it is not given.
	Establish string `json:"establish,omitempty"`
}

// provisionMatcher indexes the conduct words of the entries no benchmark
// covers, each with its benchmark in cat.
type provisionMatcher struct {
	cat     *rules.Catalog
	entries []*rules.Provision
	benches []*rules.Benchmark
	bases   []uint16 // fineBases of each benchmark
	// formulas are each entry's tiers written out once (rules.FineTier.Formula).
	formulas [][]string
	labels   []string // rules.RefLabel of each entry
	// later marks the entries of a version that replaced another loaded
	// one (a newer version, or the law that repealed another).
	later []bool
	// pricers are, for an entry that names no amount (建筑法 第六十五条: 处以
	// 罚款), the entries of the regulation that sets it for the same conduct
	// (建设工程质量管理条例 第五十四、五十五条; rules.PricedBy); pricedByBench
	// marks one whose pricing provision a benchmark answers for.
	pricers       [][]int
	pricedByBench []bool
	index         bm25
	// sectors are the catalog's sector cues (the decider's), to name the
	// facts' sector in the answer.
	sectors []sectorCue
	// scores recycles the per-request score slice (one slot per entry).
	scores sync.Pool
}

// provisionTop bounds the provisions ranked per request; provisionAlone is
// the least normalised lexical score (s/(s+lexicalHalf)) a provision needs
// at all, and provisionShare how close to the best provision the others
// must score. A provision's score is built as a benchmark's is (wLexical
// and wCues; no past case is decided under it) less provisionLead: the
// catalog's hand-written benchmarks carry the agencies' discretion, so a
// provision ranks above one only when its words fit the facts clearly
// better, by provisionLexLead of the normalised lexical score
// (provisionCandidate.outranks).
const (
	provisionTop     = 3
	provisionAlone   = 0.4
	provisionShare   = 0.85
	provisionLead    = 0.05
	provisionLexLead = 0.05
)

func newProvisionMatcher(cat *rules.Catalog, ps *rules.Provisions, seg nlp.Segmenter) (*provisionMatcher, error) {
	pc, err := rules.ProvisionCatalog(cat, ps)
	if err != nil {
		return nil, err
	}
	m := &provisionMatcher{cat: pc}
	if ps == nil {
		return m, nil
	}
	var docs []termDoc
	repealing := map[string]bool{}
	for _, f := range ps.Files {
		if f.RepealedBy != "" {
			repealing[f.RepealedBy] = true
		}
	}
	for _, p := range ps.All() {
		// Covered entries answer through their benchmarks; entries whose
		// conduct is a reference (有前款第一项…) carry no conduct words.
		if len(p.Benchmarks) > 0 || nlp.Contains(p.Conduct, "前款") {
			continue
		}
		b, err := m.cat.Get(p.ID())
		if err != nil {
			continue
		}
		d := newTermDoc()
		d.head = map[string]bool{}
		for _, t := range terms(seg, nlp.FoldVariants(p.Conduct)) {
			d.tf[t] += headWeight
			if !strings.HasPrefix(t, bigramMark) {
				d.head[t] = true
			}
		}
		for _, t := range terms(seg, p.Ref().Law) {
			d.tf[t]++
		}
		fs := make([]string, len(p.Fine))
		for i, t := range p.Fine {
			fs[i] = t.Formula()
		}
		m.entries = append(m.entries, p)
		m.benches = append(m.benches, b)
		m.bases = append(m.bases, fineBases(b))
		m.formulas = append(m.formulas, fs)
		m.labels = append(m.labels, rules.RefLabel(p.Ref()))
		m.later = append(m.later, p.NewerVersion() || repealing[p.Ref().Law])
		docs = append(docs, d)
	}
	m.index = newBM25(docs, bm25Params{k1: bm25K1, b: bm25B, bigramScale: bigramWeight})
	m.linkPricers(ps)
	n := len(m.entries)
	m.scores.New = func() any { s := make([]float64, n); return &s }
	return m, nil
}

// linkPricers fills pricers and pricedByBench from rules.PricedBy.
func (m *provisionMatcher) linkPricers(ps *rules.Provisions) {
	links := rules.PricedBy(ps)
	if len(links) == 0 {
		return
	}
	covered := map[legal.Ref]bool{}
	for _, p := range ps.All() {
		if len(p.Benchmarks) > 0 {
			covered[p.Ref()] = true
		}
	}
	at := map[legal.Ref][]int{}
	for i, p := range m.entries {
		at[p.Ref()] = append(at[p.Ref()], i)
	}
	m.pricers = make([][]int, len(m.entries))
	m.pricedByBench = make([]bool, len(m.entries))
	for i, p := range m.entries {
		for _, to := range links[p.Ref()] {
			m.pricers[i] = append(m.pricers[i], at[to]...)
			if covered[to] {
				m.pricedByBench[i] = true
			}
		}
	}
}

// priced answers for entry i, which names no amount, with the entry that
// sets it: the applicable pricer that best fits the facts' words (j ≥ 0),
// or drop when the amount is a benchmark's to answer (a pricer is answered
// by a benchmark, or a kept benchmark covers the applicable pricer). An
// entry with no link, or whose pricers do not apply on the day, stays
// (j < 0, drop false).
func (m *provisionMatcher) priced(i int, scores []float64, sector legal.Sector, day string, kept []candidate) (j int, drop bool) {
	if m.pricers == nil || len(m.pricers[i]) == 0 && !m.pricedByBench[i] {
		return -1, false
	}
	j = -1
	for _, k := range m.pricers[i] {
		if sector != "" && !m.entries[k].InSector(sector) || day != "" && !m.entries[k].AppliesOn(day) || day == "" && m.later[k] {
			continue
		}
		if coveredBy(m.entries[k].Ref(), kept) {
			return -1, true
		}
		if j < 0 || scores[k] > scores[j] {
			j = k
		}
	}
	if j < 0 && m.pricedByBench[i] {
		return -1, true
	}
	return j, false
}

// provisionCandidate is a provision entry that fits the facts, with its
// benchmark and the evidence, scored on the benchmarks' scale.
type provisionCandidate struct {
	doc     int
	b       *rules.Benchmark
	lexical float64
	cues    float64
	score   float64
	matched []string
	// offSector names the facts' sector (公安（民警）) when the provision's
	// law belongs to none the facts name.
	offSector string
	// via is the entry whose words fitted when it names no amount and this
	// one sets it (建筑法 第六十五条 through 建设工程质量管理条例 第五十四条),
	// else -1.
	via int
}

// match lists the best provisions for the query, best first: those whose
// normalised lexical score reaches provisionAlone and provisionShare of the
// best, and that no benchmark among kept covers (a benchmark always answers
// for its own provision); with a sector, only provisions of laws that
// sector applies. With a day (the act's, or the decision's: actDay), only
// entries of the version in force on it, so a 2026-09 act gets the 生态环境
// 法典's article and a 2025 one the repealed law's; Analyze always gives
// one (the decision date, today by default, when the facts name no act
// date). Without one, the versions every statute corpus holds: a newer
// version's entries, or those of a law that repealed another, cite
// articles a corpus without the newer statute file cannot resolve.
// When the facts name sectors (inText: 报警称, 民警 → 公安) a provision of a
// law none of them applies keeps offSectorFactor of its score, as an
// off-sector benchmark does: it has no keywords or elements that could be
// the strong evidence a benchmark may show, so a shared word (价格 in a
// theft, 报警 in an assault) never carries it above the facts' own sector.
func (m *provisionMatcher) match(q query, sector legal.Sector, inText map[legal.Sector]string, ef rules.Facts, kept []candidate) []provisionCandidate {
	if len(m.entries) == 0 {
		return nil
	}
	qt := m.index.queryFor(len(q.words) + len(q.bigrams))
	for _, w := range q.words {
		qt.add(w.ids.prov)
	}
	for _, b := range q.bigrams {
		qt.add(b.prov)
	}
	buf := m.scores.Get().(*[]float64)
	scores := *buf
	clear(scores)
	defer m.scores.Put(buf)
	qt.scores(scores)
	type hit struct {
		doc       int
		score     float64 // normalised lexical score
		factor    float64 // offSectorFactor for a provision of another sector, else 1
		rankScore float64 // score × factor, the order of the hits
		// words is the entry whose words fitted: doc itself, or for a
		// pricer reached through an article that names no amount, that
		// article (its words, not the pricer's, are what the officer
		// reads as matched).
		words int
	}
	var top []hit
	// order ranks hits by rankScore, higher first, then by entry.
	order := func(a, b hit) int {
		if a.rankScore != b.rankScore {
			return cmp.Compare(b.rankScore, a.rankScore)
		}
		return cmp.Compare(a.doc, b.doc)
	}
	day := actDay(ef)
	for i, s := range scores {
		if s == 0 {
			continue
		}
		// The score's own test first: most entries that share a word with
		// the text share too little, and need no look at their sector,
		// version or citation. Nor does one that would not enter the full
		// list even at its unreduced score (the sector factor only lowers
		// it): the filters cost more than the comparison, and most entries
		// come after the list has filled.
		n := s / (s + lexicalHalf)
		if n < provisionAlone || len(top) == provisionTop && order(top[provisionTop-1], hit{doc: i, rankScore: n}) < 0 {
			continue
		}
		if sector != "" && !m.entries[i].InSector(sector) || day != "" && !m.entries[i].AppliesOn(day) ||
			day == "" && m.later[i] || coveredBy(m.entries[i].Ref(), kept) {
			continue
		}
		// An article that leaves its amount to a regulation answers
		// through the regulation's article for the same conduct, on the
		// article's own score (its words are the ones that fitted).
		words := i
		if j, drop := m.priced(i, scores, sector, day, kept); drop {
			continue
		} else if j >= 0 {
			i = j
		}
		h := hit{doc: i, score: n, factor: 1, rankScore: n, words: words}
		if len(inText) > 0 && !m.inTextSector(i, inText) {
			h.factor = offSectorFactor
			h.rankScore = n * offSectorFactor
		}
		// A pricer reached twice (its own words, an article it prices)
		// keeps its better score.
		if k := slices.IndexFunc(top, func(x hit) bool { return x.doc == i }); k >= 0 {
			if order(top[k], h) <= 0 {
				continue
			}
			top = slices.Delete(top, k, k+1)
		}
		at, _ := slices.BinarySearchFunc(top, h, order)
		if at == provisionTop {
			continue
		}
		top = slices.Insert(top, at, h)
		if len(top) > provisionTop {
			top = top[:provisionTop]
		}
	}
	has := givenBases(ef)
	out := make([]provisionCandidate, 0, len(top))
	for _, h := range top {
		if h.rankScore < provisionShare*top[0].rankScore {
			break
		}
		c := provisionCandidate{doc: h.doc, b: m.benches[h.doc], lexical: h.score, matched: qt.headTerms(h.words), via: -1}
		if h.words != h.doc {
			c.via = h.words
		}
		if m.bases[h.doc]&has != 0 {
			c.cues = 1
		}
		c.score = max(0, wLexical*c.lexical+wCues*c.cues-provisionLead) * h.factor
		if h.factor != 1 {
			c.offSector = firstSectorCue(m.sectors, inText)
		}
		out = append(out, c)
	}
	return out
}

// inTextSector reports whether entry i's law is applied by one of the
// sectors the facts name.
func (m *provisionMatcher) inTextSector(i int, inText map[legal.Sector]string) bool {
	for s := range inText {
		if m.entries[i].InSector(s) {
			return true
		}
	}
	return false
}

// outranks reports whether the provision goes before benchmark c: it
// scores higher (its score already carries provisionLead) and its words fit
// the facts clearly better than c's (provisionLexLead). A benchmark demoted
// for an element the facts do not show still fits its words; without the
// second test a provision, which has no elements, would pass it on words
// that fit it no better.
//
// Nor does it go before a benchmark the decision found fitting (every
// distinguishing element shown, nothing excluding it): elements are
// stronger evidence than shared words.
//
// A benchmark the facts exclude (an element of a neighbouring provision is
// shown: 擅自停用 against 消防设施不符合标准) no longer fits on its words: a
// provision outranks it on score alone.
//
// The learned vote has no say here: its examples label benchmarks, and a
// provision's cases it has seen only under other names.
func (p provisionCandidate) outranks(c candidate) bool {
	score := c.unvoted()
	if len(c.excluding) > 0 {
		return p.score > score
	}
	return p.score > score && p.lexical >= c.lexical+provisionLexLead && !c.fitted()
}

// coveredBy reports whether a kept benchmark's penalty provision is r or
// contains it (same article, paragraph and item equal or not given).
func coveredBy(r legal.Ref, kept []candidate) bool {
	for _, c := range kept {
		p := c.b.PenaltyRef
		if p.Law == r.Law && p.Article == r.Article && p.Suffix == r.Suffix &&
			(p.Paragraph == 0 || r.Paragraph == 0 || p.Paragraph == r.Paragraph) && (p.Item == 0 || r.Item == 0 || p.Item == r.Item) {
			return true
		}
	}
	return false
}

// violation is the candidate as a ranked violation (the suggestion is
// added by the caller).
func (m *provisionMatcher) violation(c provisionCandidate, ef rules.Facts) Violation {
	p := m.entries[c.doc]
	r := p.Ref()
	label := m.labels[c.doc]
	why := label + "："
	fitted := "条文"
	if c.via >= 0 {
		fitted = m.labels[c.via]
	}
	if len(c.matched) > 0 {
		why += "事实与" + fitted + "“" + strings.Join(c.matched[:min(3, len(c.matched))], "”“") + "”相符"
	} else {
		why += "事实与" + fitted + "用语相近"
	}
	if c.via >= 0 {
		// The officer cites both: the law's article for the conduct and
		// the regulation's for the amount it leaves unstated.
		why += "，该条未规定罚款数额，依本条处罚"
	}
	why += "（条款级罚则，" + rules.ProvisionLabel
	if c.offSector != "" {
		why += "；事实属" + c.offSector + "，与本条只有个别词语相同"
	}
	why += "）"
	return Violation{BenchmarkID: c.b.ID, Kind: KindProvision, Label: rules.ProvisionLabel, Name: c.b.Name, Sector: c.b.Sector,
		Score: round3(c.score), Matched: nonNil(c.matched), LexicalScore: round3(c.lexical), CueScore: round3(c.cues),
		Why: why, Excluded: []Excluded{},
		Provision: &ProvisionDetail{Ref: r, Label: label, Conduct: p.Conduct, Version: p.Version(),
			Fines: provisionFines(p, m.formulas[c.doc], ef), Unparsed: p.Unparsed}}
}

// provisionFines states each tier with its range when the facts allow.
func provisionFines(p *rules.Provision, formulas []string, ef rules.Facts) []ProvisionFine {
	out := make([]ProvisionFine, 0, len(p.Fine))
	for i, t := range p.Fine {
		f := ProvisionFine{When: t.When, Formula: formulas[i], Applies: true}
		name := t.Base
		if t.PerUnit != nil {
			name = t.Unit
		}
		base, known := 0.0, false
		if name != "" {
			base, known = ef.Amount(name)
		}
		if span, ok := t.FineFor(base, known); ok {
			f.Range = &span
		} else if known {
			f.Applies = false
		} else if name != "" {
			label := rules.ProvisionBaseLabel(name)
			if label == "" {
				label = name
			}
			f.Establish = "需查明" + label
		}
		out = append(out, f)
	}
	return out
}

// provisionNote is the warning a provision violation's suggestion carries:
// the levels are the catalog's default split, and, when the statute sets
// several fines, which one the range was computed from is the officer's to
// check.
func provisionNote(d *ProvisionDetail) string {
	s := "本条款尚无裁量基准，裁量档次按通用划分计算（" + rules.ProvisionLabel + "）"
	if len(d.Fines) > 1 {
		var fs []string
		for _, f := range d.Fines {
			if f.When != "" {
				fs = append(fs, f.When+"："+f.Formula)
			} else {
				fs = append(fs, f.Formula)
			}
		}
		s += "；条文设定的罚款：" + strings.Join(fs, "；") + "，请依查明的事实选择适用的一档"
	}
	return s
}

// SuggestProvision runs the engine on a provision benchmark (a prov: id of a
// violation of kind provision), as rules.Catalog.Suggest does on a catalog
// benchmark; rules.ErrUnknownBenchmark for an id it does not know.
func (a *Analyzer) SuggestProvision(id string, f rules.Facts) (rules.Suggestion, error) {
	return a.provisions.cat.Suggest(id, f)
}
