package rules

import (
	"math"
	"sort"
	"strings"
	"unicode/utf8"

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

// transferLaw is the corpus short name of the State Council's transfer rules.
const transferLaw = "行政执法机关移送涉嫌犯罪案件的规定"

// TransferInput is what an assessment reads.
type TransferInput struct {
	// Text is the case facts as written (normalised inside).
	Text string
	// Measures are known numeric facts by measure name (Measures).
	Measures map[string]float64
	// Benchmarks are candidate violation benchmark ids, best first.
	Benchmarks []string
}

// TransferOptions tune an assessment.
type TransferOptions struct {
	// Near is the fraction below a threshold that counts as near: a value
	// v is near threshold t when (1-Near)·t ≤ v < t. Zero, negative or ≥ 1
	// means DefaultNear.
	Near float64
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
	// Via says why the crime was considered: benchmark:<id> or cue:<phrase>.
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
	Note       string              `json:"note,omitempty"`
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

// ProcedureStep is one step of the transfer procedure with the provision it
// comes from and the words of that provision it rests on (checked against
// the corpus by a test).
type ProcedureStep struct {
	Text  string
	Ref   legal.Ref
	Quote string
}

// TransferProcedure lists the steps an agency takes once a case is
// suspected of a crime.
var TransferProcedure = []ProcedureStep{
	{
		Text:  "涉嫌构成犯罪、依法需要追究刑事责任的，必须向公安机关移送，不得以行政处罚代替移送（行政执法机关移送涉嫌犯罪案件的规定第三条、第十一条；行政处罚法第二十七条）",
		Ref:   legal.Ref{Law: transferLaw, Article: 3, Paragraph: 1},
		Quote: "涉嫌构成犯罪，依法需要追究刑事责任的，必须依照本规定向公安机关移送",
	},
	{
		Text:  "立即指定2名以上行政执法人员组成专案组，核实情况后提出移送涉嫌犯罪案件的书面报告，报本机关正职负责人或者主持工作的负责人审批（行政执法机关移送涉嫌犯罪案件的规定第五条第一款）",
		Ref:   legal.Ref{Law: transferLaw, Article: 5, Paragraph: 1},
		Quote: "应当立即指定２名或者２名以上行政执法人员组成专案组专门负责，核实情况后提出移送涉嫌犯罪案件的书面报告",
	},
	{
		Text:  "负责人自接到报告之日起3日内作出批准移送或者不批准移送的决定；批准的，24小时内向同级公安机关移送；不批准的，将理由记录在案（行政执法机关移送涉嫌犯罪案件的规定第五条第二款）",
		Ref:   legal.Ref{Law: transferLaw, Article: 5, Paragraph: 2},
		Quote: "应当自接到报告之日起３日内作出批准移送或者不批准移送的决定。决定批准的，应当在２４小时内向同级公安机关移送；决定不批准的，应当将不予批准的理由记录在案",
	},
	{
		Text:  "移送时附涉嫌犯罪案件移送书、涉嫌犯罪案件情况的调查报告、涉案物品清单、有关检验报告或者鉴定结论及其他有关涉嫌犯罪的材料（行政执法机关移送涉嫌犯罪案件的规定第六条）",
		Ref:   legal.Ref{Law: transferLaw, Article: 6},
		Quote: "涉嫌犯罪案件移送书；……涉嫌犯罪案件情况的调查报告；……涉案物品清单；……有关检验报告或者鉴定结论；……其他有关涉嫌犯罪的材料",
	},
	{
		Text:  "妥善保存证据，如实填写涉案物品清单，需要检验、鉴定的涉案物品由法定检验、鉴定机构检验、鉴定（行政执法机关移送涉嫌犯罪案件的规定第四条）",
		Ref:   legal.Ref{Law: transferLaw, Article: 4},
		Quote: "必须妥善保存所收集的与违法行为有关的证据",
	},
	{
		Text:  "移送前已作出的警告、责令停产停业、暂扣或者吊销许可证、执照的决定不停止执行；已给予的罚款依法折抵罚金（行政执法机关移送涉嫌犯罪案件的规定第十一条第二款、第三款）",
		Ref:   legal.Ref{Law: transferLaw, Article: 11, Paragraph: 2},
		Quote: "行政执法机关向公安机关移送涉嫌犯罪案件前已经作出的警告，责令停产停业，暂扣或者吊销许可证、暂扣或者吊销执照的行政处罚决定，不停止执行",
	},
}

// TransferBasis returns the citations every transfer assessment rests on:
// 行政执法机关移送涉嫌犯罪案件的规定 第三条 (the duty to transfer), 第五条 and
// 第六条 (procedure), and 行政处罚法 第二十七条第一款.
func TransferBasis() []Basis {
	return []Basis{
		{Ref: legal.Ref{Law: transferLaw, Article: 3}, Role: RoleTransfer},
		{Ref: legal.Ref{Law: transferLaw, Article: 5}, Role: RoleProcedure},
		{Ref: legal.Ref{Law: transferLaw, Article: 6}, Role: RoleProcedure},
		{Ref: legal.Ref{Law: cfl, Article: 27, Paragraph: 1}, Role: RoleTransfer},
	}
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
	text := nlp.NormalizeText(in.Text)
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
			add(cr, i, "benchmark:"+id)
		}
	}
	scan := c.openings.scan(text)
	for _, cr := range c.list {
		if _, ok := seen[cr]; ok {
			continue
		}
		if cue, ok := scan.find(cr.nominating); ok {
			add(cr, len(in.Benchmarks), "cue:"+cue)
		}
	}
	for i := range cands {
		cands[i].order = cands[i].crime.pos
		evaluate(&cands[i], scan, in.Measures, near)
	}
	sort.SliceStable(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		if ra, rb := riskRank(a.Risk), riskRank(b.Risk); ra != rb {
			return ra > rb
		}
		if a.rank != b.rank {
			return a.rank < b.rank
		}
		return a.order < b.order
	})
	out := Transfer{Risk: RiskNone, Candidates: cands}
	if len(cands) > 0 {
		top := cands[0]
		out.Risk, out.Crime, out.Article, out.Threshold = top.Risk, top.Crime, top.Article, top.Threshold
		out.Crossed, out.Near, out.Missing = top.Crossed, top.Near, top.Missing
		if t := top.decisive; t != nil {
			out.Note = t.Note
			for _, s := range t.Sources {
				out.Sources = append(out.Sources, transferSource(s))
			}
		}
		out.Basis = topBasis(top.crime, top.decisive)
		if top.Risk != RiskNone {
			for _, p := range TransferProcedure {
				out.Procedure = append(out.Procedure, p.Text)
			}
		}
	}
	return out.Normalized()
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
func evaluate(cand *TransferCandidate, scan cueScan, measures map[string]float64, near float64) {
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
	var nearCrossed, nearNear []Crossing
	for i := range cr.Thresholds {
		t := &cr.Thresholds[i]
		var crossed, nearList []Crossing
		var unknownLabels []string
		met, nearN, below, unknown, numericHit := 0, 0, 0, 0, false
		numeric := 0
		for _, cd := range t.conds {
			if cd.Measure != "" {
				numeric++
				label, _ := MeasureLabel(cd.Measure)
				v, ok := measures[cd.Measure]
				if !ok {
					unknown++
					addMissing(label)
					continue
				}
				x := Crossing{Measure: cd.Measure, Label: label, Value: v, Threshold: cd.GTE}
				switch condState(v, cd.GTE, near) {
				case condMet:
					met++
					numericHit = true
					crossed = append(crossed, x)
				case condNear:
					nearN++
					numericHit = true
					nearList = append(nearList, x)
				default:
					below++
				}
				continue
			}
			if cue, ok := scan.find(cd.cues); ok {
				met++
				label := cd.Label
				if label == "" {
					label = t.Text
				}
				crossed = append(crossed, Crossing{Label: label, Cue: cue})
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
		case (numeric > 0 && numericHit) || (numeric == 0 && n > 1 && met > 0):
			if firstNear == nil {
				firstNear = t
				nearCrossed, nearNear = crossed, nearList
			}
			for _, l := range unknownLabels {
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

// cue is a cue phrase ready for matching: normalised and split at …
// (添加…非食品原料 has two parts).
type cue struct {
	text  string
	parts []string
}

func compileCues(qs []string) []cue {
	out := make([]cue, 0, len(qs))
	for _, q := range qs {
		out = append(out, cue{text: q, parts: splitCue(nlp.NormalizeText(q))})
	}
	return out
}

// cueOpenings finds, in one pass over a text, which cue openings (the
// first part of each cue) it contains, so that a cue whose opening is absent
// is skipped without searching the text for it. Openings are keyed by their
// first two runes; one-rune openings are looked for directly.
type cueOpenings struct {
	byHead map[string][]string
	short  []string
}

func newCueOpenings(cues []cue) cueOpenings {
	o := cueOpenings{byHead: map[string][]string{}}
	seen := map[string]bool{}
	for _, q := range cues {
		if len(q.parts) == 0 || seen[q.parts[0]] {
			continue
		}
		p := q.parts[0]
		seen[p] = true
		if utf8.RuneCountInString(p) < 2 {
			o.short = append(o.short, p)
			continue
		}
		_, w1 := utf8.DecodeRuneInString(p)
		_, w2 := utf8.DecodeRuneInString(p[w1:])
		o.byHead[p[:w1+w2]] = append(o.byHead[p[:w1+w2]], p)
	}
	return o
}

// cueScan is a normalised text with the cue openings it contains.
type cueScan struct {
	text    string
	present map[string]bool
}

func (o cueOpenings) scan(text string) cueScan {
	x := cueScan{text: text, present: map[string]bool{}}
	for _, p := range o.short {
		if strings.Contains(text, p) {
			x.present[p] = true
		}
	}
	for i := 0; i < len(text); {
		_, w1 := utf8.DecodeRuneInString(text[i:])
		if i+w1 >= len(text) {
			break
		}
		_, w2 := utf8.DecodeRuneInString(text[i+w1:])
		for _, p := range o.byHead[text[i:i+w1+w2]] {
			if strings.HasPrefix(text[i:], p) {
				x.present[p] = true
			}
		}
		i += w1
	}
	return x
}

// find returns the first cue (in list order) that occurs in the text
// without being negated.
func (x cueScan) find(cues []cue) (string, bool) {
	for _, q := range cues {
		if len(q.parts) > 0 && x.present[q.parts[0]] && q.in(x.text) {
			return q.text, true
		}
	}
	return "", false
}

// clauseBreaks end the clause a cue and its negation must share.
const clauseBreaks = "，。；！？,;!?\n：:"

// cueGap is how many runes may separate the parts of a cue written with …
// (添加…非食品原料).
const cueGap = 30

// negators deny what follows them in the same clause (未造成人员伤亡,
// 没有发现, 不存在, 无人员伤亡). negatorIgnore lists what, right after a
// negator, makes it part of a conduct description instead (未经批准,
// 未取得许可, 无证, 无照): 未经依法批准擅自开采 still reports the conduct.
var (
	negators      = []string{"未", "没有", "没", "无", "不存在", "不是", "不属于", "不构成", "不涉及", "并非", "否认", "排除"}
	negatorIgnore = []string{"经", "取得", "按", "依法", "办理", "批准", "备案", "登记", "领取", "证", "照", "牌", "资质", "许可", "营业执照", "采矿许可", "执业", "标签"}
	negationReach = 10 // runes before the cue that are searched
)

// in reports whether the cue occurs in the normalised text, not negated. A
// cue with … matches its parts in order within one clause, at most cueGap
// runes apart.
func (q cue) in(text string) bool {
	parts := q.parts
	if len(parts) == 0 {
		return false
	}
	for from := 0; from < len(text); {
		i := strings.Index(text[from:], parts[0])
		if i < 0 {
			return false
		}
		at := from + i
		from = at + len(parts[0])
		if negated(text[:at]) {
			continue
		}
		if restFollows(text[at+len(parts[0]):], parts[1:]) {
			return true
		}
	}
	return false
}

func splitCue(cue string) []string {
	var parts []string
	for _, p := range strings.Split(strings.ReplaceAll(cue, "……", "…"), "…") {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	return parts
}

// restFollows reports whether parts occur in order in s, each within cueGap
// runes of the previous one and before the clause ends.
func restFollows(s string, parts []string) bool {
	for _, p := range parts {
		window := s
		if n := utf8.RuneCountInString(window); n > cueGap+utf8.RuneCountInString(p) {
			window = string([]rune(window)[:cueGap+utf8.RuneCountInString(p)])
		}
		if k := strings.IndexAny(window, "。；！？;!?\n"); k >= 0 {
			window = window[:k]
		}
		j := strings.Index(window, p)
		if j < 0 {
			return false
		}
		s = s[j+len(p):]
	}
	return true
}

// negated reports whether the clause before a cue denies it.
func negated(before string) bool {
	if k := strings.LastIndexAny(before, clauseBreaks); k >= 0 {
		_, size := utf8.DecodeRuneInString(before[k:])
		before = before[k+size:]
	}
	rs := []rune(before)
	if len(rs) > negationReach {
		rs = rs[len(rs)-negationReach:]
	}
	clause := string(rs)
	for _, neg := range negators {
		for from := 0; ; {
			i := strings.Index(clause[from:], neg)
			if i < 0 {
				break
			}
			at := from + i
			from = at + len(neg)
			rest := clause[from:]
			ignored := false
			for _, ig := range negatorIgnore {
				if strings.HasPrefix(rest, ig) {
					ignored = true
					break
				}
			}
			if !ignored {
				return true
			}
		}
	}
	return false
}
