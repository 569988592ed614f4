package rules

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/nlp"
)

// Risks of a Transfer, from lowest to highest.
const (
	RiskNone   = "none"
	RiskNear   = "near"
	RiskLikely = "likely"
)

// Roles of the citations a Transfer carries (besides RoleProcedure).
const (
	RoleCrime     = "crime"     // the 刑法 article stating the crime
	RoleThreshold = "threshold" // the provision stating the prosecution standard
	RoleTransfer  = "transfer"  // the duty to transfer
)

// DefaultNear is the default near band: a measure within 20 % below a
// threshold is near it.
const DefaultNear = 0.2

// TransferInput is what an assessment reads.
type TransferInput struct {
	// Text is the case facts as written (normalised inside).
	Text string
	// Measures are known numeric facts by measure name (the Measure* constants).
	Measures map[string]float64
	// Benchmarks are candidate violation benchmark ids, best first.
	Benchmarks []string
	// Read is Text as Crimes.Read read it, for a caller that assesses one
	// text more than once; nil reads Text.
	Read *TransferText
}

// TransferText is a case text read for Assess: normalised, its crime cues
// located, and whether it states that the facts fall short of the criminal
// standard. The reading depends on the text alone, and an analysis
// assesses the same facts twice (for the penalty tier, then for the
// transfer).
type TransferText struct {
	scan  nlp.CueScan
	below bool
	// named holds, by crime (pos), whether its nominating cues may occur
	// (an opening of one is in the text) and, once asked, the cue Find
	// found: both assessments, and the benchmarks' crimes and their
	// siblings within one, ask each crime's list again.
	named []nomination
}

// nomination is what a text says of one crime's nominating cues: its
// state (the nominate* bits) and the index in the crime's list of the cue
// Find found. Small, since Read makes one per crime for every text.
type nomination struct {
	cue   int16
	state uint8
}

// The bits of a nomination's state.
const (
	nominatePossible uint8 = 1 << iota
	nominateAsked
	nominateFound
)

// Read reads text for Assess (TransferInput.Read). The result caches the
// cues it is asked about, so it serves one goroutine at a time.
func (c *Crimes) Read(text string) *TransferText {
	norm := nlp.NormalizeText(text)
	rd := &TransferText{scan: c.openings.Scan(norm), below: declaresBelowStandard(norm), named: make([]nomination, len(c.list))}
	for _, k := range c.unnumbered {
		rd.named[k].state = nominatePossible
	}
	for n := range rd.scan.Seen() {
		if int(n) >= len(c.nominators) {
			break // Seen yields in increasing order up to the later parts
		}
		for _, k := range c.nominators[n] {
			rd.named[k].state = nominatePossible
		}
	}
	return rd
}

// nominated is scan.FindOutside(cr.nominating, cr.notWithin), asked once per
// text, and not at all of a crime none of whose cues' openings the text
// contains (Find would find none).
func (rd *TransferText) nominated(cr *Crime) (string, bool) {
	if cr.pos >= len(rd.named) || len(cr.nominating) > math.MaxInt16 {
		return rd.scan.FindOutside(cr.nominating, cr.notWithin)
	}
	m := &rd.named[cr.pos]
	if m.state&nominateAsked == 0 {
		if m.state&nominatePossible != 0 {
			if cue, ok := rd.scan.FindOutside(cr.nominating, cr.notWithin); ok {
				// Find answers the text of a cue of the list: the first
				// cue with that text gives it back.
				i := slices.IndexFunc(cr.nominating, func(q nlp.Cue) bool { return q.Text() == cue })
				if i < 0 {
					return cue, true // not a cue of the list: asked again
				}
				m.cue = int16(i)
				m.state |= nominateFound
			}
		}
		m.state |= nominateAsked
	}
	if m.state&nominateFound == 0 {
		return "", false
	}
	return cr.nominating[m.cue].Text(), true
}

// TransferOptions tune an assessment.
type TransferOptions struct {
	// Near is the fraction below a threshold that counts as near: a value
	// v is near threshold t when (1-Near)·t ≤ v < t. Zero, negative or ≥ 1
	// means DefaultNear.
	Near float64
	// Province names the province whose figures Amounts holds; thresholds
	// with a provincial key then use its figure instead of the national
	// floor. With Amounts nil every threshold uses the national floor.
	Province string
	Amounts  *ProvincialAmounts
}

// Crossing is one condition of a threshold the facts meet (or come near):
// a measure with its value and the threshold, or a cue found in the text.
type Crossing struct {
	Measure   string  `json:"measure,omitempty"`
	Label     string  `json:"label"`
	Value     float64 `json:"value,omitempty"`
	Threshold float64 `json:"threshold,omitempty"`
	Cue       string  `json:"cue,omitempty"`
}

// TransferSource is a threshold's source as shown to the officer. InCorpus
// sources were checked against the statutes corpus; the others were not.
type TransferSource struct {
	Title    string `json:"title"`
	DocNo    string `json:"doc_no,omitempty"`
	Date     string `json:"date,omitempty"`
	Point    string `json:"point"`
	Quote    string `json:"quote"`
	InCorpus bool   `json:"in_corpus"`
}

// TransferCandidate is one crime considered, with its own outcome.
type TransferCandidate struct {
	ID        string     `json:"id"`
	Crime     string     `json:"crime"`
	Article   string     `json:"article"`
	Risk      string     `json:"risk"`
	Threshold string     `json:"threshold"`
	Crossed   []Crossing `json:"crossed"`
	Near      []Crossing `json:"near"`
	Missing   []string   `json:"missing"`
	// Province is the provincial figure the decisive threshold used.
	Province *ProvinceFigure `json:"province,omitempty"`
	// Via says why the crime was considered: benchmark:<id>, cue:<phrase>
	// or measure:<name>.
	Via string `json:"via"`

	rank, order int
	decisive    *Threshold
	crime       *Crime
}

// Transfer is the criminal-transfer assessment of a case: the most serious
// candidate crime and every candidate considered.
type Transfer struct {
	Risk      string `json:"risk"`
	Crime     string `json:"crime"`
	Article   string `json:"article"`
	Threshold string `json:"threshold"`
	// Note carries the decisive threshold's caveat (provincial figure …).
	Note string `json:"note,omitempty"`
	// Province is the provincial figure the decisive threshold used (the
	// province, the figure, whether it was verified); absent when the
	// threshold is national or no province is configured.
	Province   *ProvinceFigure     `json:"province,omitempty"`
	Crossed    []Crossing          `json:"crossed"`
	Near       []Crossing          `json:"near"`
	Missing    []string            `json:"missing"`
	Basis      []Basis             `json:"basis"`
	Sources    []TransferSource    `json:"sources"`
	Procedure  []string            `json:"procedure"`
	Candidates []TransferCandidate `json:"candidates"`
}

// Normalized returns t with every nil list replaced by an empty one, so the
// JSON never has null where a list is expected.
func (t Transfer) Normalized() Transfer {
	if t.Risk == "" {
		t.Risk = RiskNone
	}
	if t.Crossed == nil {
		t.Crossed = []Crossing{}
	}
	if t.Near == nil {
		t.Near = []Crossing{}
	}
	if t.Missing == nil {
		t.Missing = []string{}
	}
	if t.Basis == nil {
		t.Basis = []Basis{}
	}
	if t.Sources == nil {
		t.Sources = []TransferSource{}
	}
	if t.Procedure == nil {
		t.Procedure = []string{}
	}
	if t.Candidates == nil {
		t.Candidates = []TransferCandidate{}
	}
	for i := range t.Candidates {
		c := &t.Candidates[i]
		if c.Crossed == nil {
			c.Crossed = []Crossing{}
		}
		if c.Near == nil {
			c.Near = []Crossing{}
		}
		if c.Missing == nil {
			c.Missing = []string{}
		}
	}
	return t
}

func riskRank(r string) int {
	switch r {
	case RiskLikely:
		return 2
	case RiskNear:
		return 1
	}
	return 0
}

// condition states
const (
	condUnknown = iota
	condBelow
	condNear
	condMet
)

// Assess assesses whether a case must be transferred as a suspected crime.
//
// Candidates are the crimes linked to in.Benchmarks and the crimes whose
// cue phrases (or single-cue thresholds) occur in in.Text, not negated
// (未造成人员伤亡 does not count 人员伤亡). Each candidate's thresholds are
// evaluated: a threshold is crossed when every condition is met; near when
// no numeric condition is below its near band, at least one numeric
// condition is met or near (or, for thresholds made only of cues, at least
// one cue is found) and the rest are unknown. The candidate is likely when
// any threshold is crossed, near when any is near, none otherwise. The top
// crime is chosen by risk, then by the rank of the benchmark that led to it,
// then catalog order. With no candidate the risk is none and every list is
// empty (never null in JSON).
func (c *Crimes) Assess(in TransferInput, opt TransferOptions) Transfer {
	near := opt.Near
	if near <= 0 || near >= 1 {
		near = DefaultNear
	}
	rd := in.Read
	if rd == nil {
		rd = c.Read(in.Text)
	}
	scan := rd.scan
	var cands []TransferCandidate
	seen := map[*Crime]int{}
	add := func(cr *Crime, rank int, via string) {
		if i, ok := seen[cr]; ok {
			if rank < cands[i].rank {
				cands[i].rank, cands[i].Via = rank, via
			}
			return
		}
		seen[cr] = len(cands)
		cands = append(cands, TransferCandidate{ID: cr.ID, Crime: cr.Name, Article: cr.ArticleLabel(), rank: rank, Via: via, crime: cr})
	}
	for i, id := range in.Benchmarks {
		for _, cr := range c.byBenchmark[id] {
			if cr.CuedOnly {
				if _, ok := rd.nominated(cr); !ok {
					continue
				}
			}
			add(cr, i, "benchmark:"+id)
		}
	}
	for _, cr := range c.list {
		if _, ok := seen[cr]; ok {
			continue
		}
		if len(in.Benchmarks) > 0 && slices.Contains(cr.NotWith, in.Benchmarks[0]) {
			continue
		}
		if cue, ok := rd.nominated(cr); ok {
			add(cr, len(in.Benchmarks), "cue:"+cue)
			continue
		}
		for _, m := range cr.Measures {
			if _, ok := in.Measures[m]; ok {
				add(cr, len(in.Benchmarks), "measure:"+m)
				break
			}
		}
	}
	cands = dropUncuedSiblings(cands, rd)
	below := rd.below
	demoted := false
	top := ""
	if len(in.Benchmarks) > 0 {
		top = in.Benchmarks[0]
	}
	for i := range cands {
		cands[i].order = cands[i].crime.pos
		evaluate(&cands[i], scan, in.Measures, near, opt, top)
		// The case file's own finding that the amounts fall short of the
		// prosecution standard (尚未达到刑事立案标准) outweighs a figure
		// read against the national floor: the province's figure, which
		// the investigator applied, may be higher.
		if below && cands[i].Risk != RiskNone && cands[i].decisive != nil && cands[i].decisive.numeric() {
			cands[i].Risk = RiskNone
			demoted = true
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		if ra, rb := riskRank(a.Risk), riskRank(b.Risk); ra != rb {
			return ra > rb
		}
		if a.rank != b.rank {
			return a.rank < b.rank
		}
		if p, q := prevails(a, b, rd), prevails(b, a, rd); p != q {
			return p
		}
		return a.order < b.order
	})
	out := Transfer{Risk: RiskNone, Candidates: cands}
	if len(cands) > 0 {
		top := cands[0]
		out.Risk, out.Crime, out.Article, out.Threshold = top.Risk, top.Crime, top.Article, top.Threshold
		out.Crossed, out.Near, out.Missing = top.Crossed, top.Near, top.Missing
		out.Province = top.Province
		if t := top.decisive; t != nil {
			out.Note = t.Note
			if p := top.Province; p != nil {
				out.Note = provinceNote(*p)
			}
			for _, s := range t.Sources {
				out.Sources = append(out.Sources, transferSource(s))
			}
		}
		if demoted && top.Risk == RiskNone {
			out.Note = belowStandardNote
		}
		out.Basis = topBasis(top.crime, top.decisive)
		if top.Risk != RiskNone {
			for _, p := range transferProcedure {
				out.Procedure = append(out.Procedure, p.Text)
			}
		}
	}
	return out.Normalized()
}

// belowStandardNote explains a risk the case file's own finding lowered.
const belowStandardNote = "案情记载已认定未达到刑事立案追诉标准，不提示移送；如对数额认定有疑问，应当核实本省数额标准。"

// belowStandardRe finds the investigator's finding that the facts fall
// short of the criminal standard: 尚未达到刑事立案标准, 未达到立案追诉标准,
// 尚不构成犯罪. Every match ends in 标准 or holds 不构成: most texts have
// neither and skip the expression, which has no literal prefix.
var belowStandardRe = nlp.Guard(`(?:未达到?|不够|不足)(?:刑事)?(?:立案|追诉)(?:追诉)?标准|(?:尚|依法)不构成(?:刑事)?犯罪`, "标准", "不构成")

// declaresBelowStandard reports whether the text states the facts fall
// short of the criminal standard.
func declaresBelowStandard(text string) bool {
	return belowStandardRe.MatchString(text)
}

// numeric reports whether the threshold counts a measure.
func (t *Threshold) numeric() bool {
	for _, c := range t.conds {
		if c.Measure != "" {
			return true
		}
	}
	return false
}

// dropUncuedSiblings removes the crimes a benchmark links to whose own
// cues the text lacks when another candidate that benchmarks link has its
// cues in it and the two count the same measure: one 治安 benchmark covers 盗窃, 诈骗 and 敲诈勒索,
// and the amount of a fraud (骗取……) must be weighed against 诈骗罪's
// threshold, not 盗窃罪's lower one.
func dropUncuedSiblings(cands []TransferCandidate, rd *TransferText) []TransferCandidate {
	cued := make([]bool, len(cands))
	some := false
	for i, c := range cands {
		_, cued[i] = rd.nominated(c.crime)
		some = some || cued[i]
	}
	if !some {
		return cands
	}
	out := cands[:0]
	for i, c := range cands {
		drop := false
		if !cued[i] && strings.HasPrefix(c.Via, "benchmark:") {
			for j, d := range cands {
				// Only a crime the benchmarks link drops a sibling: 交通肇事罪,
				// named by 碾压 alone, does not drop 重大责任事故罪, which the
				// accident benchmark links, though both count deaths.
				if j != i && cued[j] && len(d.crime.Benchmarks) > 0 && shareMeasure(c.crime, d.crime) {
					drop = true
					break
				}
			}
		}
		if !drop {
			out = append(out, c)
		}
	}
	return out
}

// shareMeasure reports whether two crimes have a threshold on one measure.
func shareMeasure(a, b *Crime) bool {
	for i := range a.Thresholds {
		for _, ca := range a.Thresholds[i].Conditions() {
			if ca.Measure == "" {
				continue
			}
			for j := range b.Thresholds {
				for _, cb := range b.Thresholds[j].Conditions() {
					if cb.Measure == ca.Measure {
						return true
					}
				}
			}
		}
	}
	return false
}

// nominatingCues are the phrases that make a crime a candidate: its own
// cues and the cues of thresholds that are a single qualitative condition.
// Cues inside an `all` list only qualify a threshold (含铅 …) and never
// nominate on their own.
func (cr *Crime) nominatingCues() []string {
	out := append([]string{}, cr.Cues...)
	for i := range cr.Thresholds {
		if cs := cr.Thresholds[i].conds; len(cs) == 1 {
			out = append(out, cs[0].Cues...)
		}
	}
	return out
}

func topBasis(cr *Crime, t *Threshold) []Basis {
	out := []Basis{{Ref: cr.Ref(), Role: RoleCrime}}
	seen := map[legal.Ref]bool{cr.Ref(): true}
	if t != nil {
		for _, b := range t.basis() {
			if !seen[b.Ref] {
				seen[b.Ref] = true
				out = append(out, b)
			}
		}
	}
	return append(out, TransferBasis()...)
}

func transferSource(s Source) TransferSource {
	ts := TransferSource{Title: s.Title, DocNo: s.DocNo, Date: s.Date, Point: s.Point, Quote: s.Quote, InCorpus: s.InCorpus}
	if s.InCorpus && s.Ref != nil {
		if ts.Title == "" {
			ts.Title = s.Ref.Law
		}
		if ts.Point == "" {
			ts.Point = refPoint(*s.Ref)
		}
	}
	return ts
}

// RefLabel is the citation as printed: 法名第X条[之Y][第Z款][第（W）项].
func RefLabel(r legal.Ref) string { return r.Law + refPoint(r) }

// refPoint is 第X条[之Y][第Z款][第（W）项].
func refPoint(r legal.Ref) string {
	s := nlp.ArticleLabel(r.Article, r.Suffix)
	if r.Paragraph > 0 {
		s += "第" + nlp.FormatChineseInt(int64(r.Paragraph)) + "款"
	}
	if r.Item > 0 {
		s += "第（" + nlp.FormatChineseInt(int64(r.Item)) + "）项"
	}
	return s
}

// evaluate fills a candidate's risk, decisive threshold, crossings and
// missing facts.
func evaluate(cand *TransferCandidate, scan nlp.CueScan, values map[string]float64, near float64, opt TransferOptions, top string) {
	cr := cand.crime
	cand.Risk = RiskNone
	var missing []string
	seenMissing := map[string]bool{}
	addMissing := func(s string) {
		if !seenMissing[s] {
			seenMissing[s] = true
			missing = append(missing, s)
		}
	}
	var firstNear *Threshold
	firstNumeric := 0
	var nearCrossed, nearNear []Crossing
	for i := range cr.Thresholds {
		t := &cr.Thresholds[i]
		if top != "" && slices.Contains(t.NotWith, top) {
			continue
		}
		var crossed, nearList []Crossing
		var unknownLabels []string
		met, nearN, below, unknown, numericHit := 0, 0, 0, 0, false
		var pending []string // labels of Pending counts that are near
		// A threshold of cues only is near when its first condition, the
		// conduct, is met: being a 重点排污单位 is no step towards the
		// crime, tampering with its monitoring data is.
		firstMet := false
		numeric := 0
		prov, hasProv := t.provincialFigure(opt)
		for ci, cd := range t.conds {
			if cd.Measure != "" {
				numeric++
				label, _ := MeasureLabel(cd.Measure)
				v, ok := values[cd.Measure]
				if !ok {
					unknown++
					addMissing(label)
					continue
				}
				gte := cd.GTE
				if hasProv && t.Provincial.applies(cd) {
					gte = prov.Figure
				}
				x := Crossing{Measure: cd.Measure, Label: label, Value: v, Threshold: gte}
				switch condState(v, gte, near) {
				case condMet:
					met++
					numericHit = numericHit || !cd.Qualifier
					crossed = append(crossed, x)
				case condNear:
					nearN++
					numericHit = true
					nearList = append(nearList, x)
					if cd.Pending {
						pending = append(pending, cmp.Or(cd.Label, label))
					}
				default:
					below++
				}
				continue
			}
			if v, ok := values[cd.DeniedBy]; ok && cd.DeniedBy != "" && v == 0 {
				below++
			} else if cue, ok := scan.FindOutside(cd.cues, cd.notWithin); ok {
				met++
				firstMet = firstMet || ci == 0
				label := cd.Label
				if label == "" {
					label = t.Text
				}
				crossed = append(crossed, Crossing{Label: label, Cue: cue})
			} else if _, contrary := scan.Find(cd.unless); contrary && !found(scan, cd.unlessNot) {
				below++
			} else {
				unknown++
				if cd.Label != "" {
					unknownLabels = append(unknownLabels, cd.Label)
				}
			}
		}
		n := len(t.conds)
		switch {
		case met == n:
			if cand.Risk != RiskLikely {
				cand.Risk, cand.decisive, cand.Threshold = RiskLikely, t, t.Text
				cand.Crossed, cand.Near = crossed, nearList
			}
		case below > 0:
		case t.NoNear && (len(pending) == 0 || met+len(pending) < n):
			// Only a count told without its date, every other condition
			// met, makes a no_near threshold near.
		case (numeric > 0 && numericHit) || (numeric == 0 && n > 1 && firstMet):
			// A figure near its threshold says more than a cue partly met:
			// it becomes the decisive near threshold over cue-only ones.
			if firstNear == nil || (numeric > 0 && firstNumeric == 0) {
				firstNear, firstNumeric = t, numeric
				nearCrossed, nearNear = crossed, nearList
			}
			for _, l := range unknownLabels {
				addMissing(l)
			}
			for _, l := range pending {
				addMissing(l)
			}
		}
	}
	if cand.Risk != RiskLikely && firstNear != nil {
		cand.Risk, cand.decisive, cand.Threshold = RiskNear, firstNear, firstNear.Text
		cand.Crossed, cand.Near = nearCrossed, nearNear
	}
	if cand.decisive == nil && len(cr.Thresholds) > 0 {
		cand.decisive = &cr.Thresholds[0]
		cand.Threshold = cr.Thresholds[0].Text
	}
	if cand.decisive != nil {
		if p, ok := cand.decisive.provincialFigure(opt); ok {
			cand.Province = &p
		}
	}
	cand.Missing = missing
	if cand.Crossed == nil {
		cand.Crossed = []Crossing{}
	}
	if cand.Near == nil {
		cand.Near = []Crossing{}
	}
	if cand.Missing == nil {
		cand.Missing = []string{}
	}
}

// found reports whether one of cues is in the scanned text.
func found(scan nlp.CueScan, cues []nlp.Cue) bool {
	if len(cues) == 0 {
		return false
	}
	_, ok := scan.Find(cues)
	return ok
}

// condState compares a value with a threshold: met at or above it, near
// within the band below it.
func condState(v, gte, near float64) int {
	eps := 1e-9 * math.Max(1, math.Abs(gte))
	switch {
	case v >= gte-eps:
		return condMet
	case v >= (1-near)*gte-eps:
		return condNear
	}
	return condBelow
}

// provinceNote tells the officer which provincial figure was applied and
// whether it was checked.
func provinceNote(p ProvinceFigure) string {
	s := fmt.Sprintf("按%s标准：%s以上（全国幅度下限%s）", p.Province, fmtYuan(p.Figure), fmtYuan(p.National))
	if p.Source != nil {
		s += "，依据" + p.Source.Title
		if p.Source.DocNo != "" {
			s += "（" + p.Source.DocNo + "）"
		}
	}
	if !p.Verified {
		s += "；该数额未经核实"
		if p.Reason != "" {
			s += "：" + p.Reason
		}
	}
	return s + "。"
}

// prevails reports whether candidate a, a special crime, goes before the
// general crime b: a names b among those it prevails over and its own
// element is shown, by its cue in the text or by a label its decisive
// threshold crossed on a cue.
func prevails(a, b TransferCandidate, rd *TransferText) bool {
	if !slices.Contains(a.crime.PrevailsOver, b.crime.ID) {
		return false
	}
	if _, ok := rd.nominated(a.crime); ok {
		return true
	}
	for _, c := range a.Crossed {
		if c.Cue != "" {
			return true
		}
	}
	return false
}
