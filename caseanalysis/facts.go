package caseanalysis

import (
	"unicode/utf8"

	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// Span is a [start, end) range of character (Unicode code point) offsets
// into the submitted text, so a web page can highlight it directly.
type Span [2]int

// AmountFact is a money amount found in the facts.
type AmountFact struct {
	// Role is 货值金额, 违法所得, 销售金额 …, or "" when no role phrase was found.
	Role  string  `json:"role"`
	Value float64 `json:"value"`
	// Total marks an amount the text gives as a sum (共计, 合计 …).
	Total bool `json:"total,omitempty"`
	// Limit marks an amount the text gives as a limit, not a figure (不足
	// 一万元, 五万元以上十万元以下, a statute's bracket quoted), and Part
	// one given as a part of the amount before (其中……): neither counts in
	// the totals, and the officer sees why.
	Limit bool   `json:"limit,omitempty"`
	Part  bool   `json:"part,omitempty"`
	Text  string `json:"text"`
	Span  Span   `json:"span"`
}

// TotalFact is the total for one money role.
type TotalFact struct {
	Role  string  `json:"role"`
	Value float64 `json:"value"`
	// Explicit is true when the text states the total itself.
	Explicit bool `json:"explicit"`
}

// QuantityFact is a counted or measured quantity.
type QuantityFact struct {
	// Role says what is counted when it matters (死亡, 重伤, 血液酒精含量 …).
	Role  string  `json:"role,omitempty"`
	Value float64 `json:"value"`
	Unit  string  `json:"unit"`
	Text  string  `json:"text"`
	Span  Span    `json:"span"`
}

// DateFact is a date with its role: act, act_end, discovery, decision.
type DateFact struct {
	Role  string `json:"role,omitempty"`
	Value string `json:"value"`
	Text  string `json:"text"`
	Span  Span   `json:"span"`
}

// CircumstanceFact is a yes/no circumstance found from a cue phrase.
type CircumstanceFact struct {
	// Name is the rules.Facts field (first_violation, corrected_in_time …).
	Name string `json:"name"`
	// Label is the Chinese name shown to officers.
	Label string `json:"label"`
	// Negated is true when the text denies it (未配合调查, 拒不改正).
	Negated bool   `json:"negated,omitempty"`
	Count   int    `json:"count,omitempty"`
	Text    string `json:"text"`
	Span    Span   `json:"span"`
}

// PartyFact is the party's kind (个人, 个体工商户, 单位) or age.
type PartyFact struct {
	Kind string   `json:"kind,omitempty"`
	Age  *float64 `json:"age,omitempty"`
	Text string   `json:"text"`
	Span Span     `json:"span"`
}

// Facts is what fact extraction found, each fact with its place in the
// text, plus the engine facts derived from them.
type Facts struct {
	Amounts       []AmountFact       `json:"amounts"`
	Totals        []TotalFact        `json:"totals"`
	Quantities    []QuantityFact     `json:"quantities"`
	Dates         []DateFact         `json:"dates"`
	Party         *PartyFact         `json:"party,omitempty"`
	Age           *PartyFact         `json:"age,omitempty"`
	Circumstances []CircumstanceFact `json:"circumstances"`
	// Engine is what the rules engine is given, in /v1/suggest's facts
	// format; officers can correct it and call /v1/suggest themselves.
	Engine rules.Facts `json:"engine"`
}

// circumstanceLabels names the circumstances nlp.Extract finds.
var circumstanceLabels = map[string]string{
	nlp.CircFirstViolation:  "初次违法",
	nlp.CircCorrectedInTime: "及时改正",
	nlp.CircSelfRemovedHarm: "主动消除或者减轻违法行为危害后果",
	nlp.CircCooperated:      "配合调查",
	nlp.CircConfessed:       "主动供述",
	nlp.CircCoerced:         "受他人胁迫或者诱骗",
	nlp.CircNoHarm:          "未造成危害后果",
	nlp.CircHarmSlight:      "危害后果轻微",
	nlp.CircSerious:         "情节严重",
	nlp.CircPriorPenalties:  "曾受过处罚（二年内）",
}

// runeOffsets maps byte offsets of text to character offsets. A valid
// text (every analysed one: Analyze refuses invalid UTF-8) is counted on
// demand, each span's ends from the rune that holds them: a table of an
// int per byte (8 bytes a byte of text, some 4 kB an analysis) was built for
// the handful of spans a text has. Other text keeps the table, whose
// decoding counts each invalid byte as a rune.
type runeOffsets struct {
	text string
	idx  []int // idx[b] = rune offset of byte b, for every byte position; nil for valid text
}

func newRuneOffsets(text string) runeOffsets {
	if utf8.ValidString(text) {
		return runeOffsets{text: text}
	}
	return runeOffsets{text: text, idx: runeTable(text)}
}

// runeTable is the rune offset of every byte position of text, decoding
// as utf8.DecodeRuneInString does (an invalid byte is one rune).
func runeTable(text string) []int {
	idx := make([]int, len(text)+1)
	r := 0
	for b := 0; b < len(text); {
		_, n := utf8.DecodeRuneInString(text[b:])
		for k := 0; k < n && b+k < len(text); k++ {
			idx[b+k] = r
		}
		b += n
		r++
	}
	idx[len(text)] = r
	return idx
}

// offset is the rune offset of byte b (0 <= b <= len(text)): the number of
// runes before the one that holds b.
func (o runeOffsets) offset(b int) int {
	if o.idx != nil {
		return o.idx[b]
	}
	for b > 0 && b < len(o.text) && !utf8.RuneStart(o.text[b]) {
		b--
	}
	return utf8.RuneCountInString(o.text[:b])
}

func (o runeOffsets) span(a, b int) (Span, string) {
	if a < 0 || b > len(o.text) || a > b {
		return Span{0, 0}, ""
	}
	return Span{o.offset(a), o.offset(b)}, o.text[a:b]
}

// buildFacts converts what was extracted to the answer's facts, the
// engine's facts included.
func buildFacts(text string, ex rules.Extracted) Facts {
	x := ex.Extraction
	o := newRuneOffsets(text)
	f := Facts{Amounts: []AmountFact{}, Totals: []TotalFact{}, Quantities: []QuantityFact{}, Dates: []DateFact{}, Circumstances: []CircumstanceFact{}}
	for _, a := range x.Amounts {
		sp, t := o.span(a.Start, a.End)
		f.Amounts = append(f.Amounts, AmountFact{Role: a.Role, Value: a.Value, Total: a.Total, Limit: a.Bound, Part: a.Part, Text: t, Span: sp})
	}
	for _, t := range x.Totals {
		f.Totals = append(f.Totals, TotalFact{Role: t.Role, Value: t.Value, Explicit: t.Explicit})
	}
	for _, q := range x.Quantities {
		sp, t := o.span(q.Start, q.End)
		f.Quantities = append(f.Quantities, QuantityFact{Role: q.Role, Value: q.Value, Unit: q.Unit, Text: t, Span: sp})
	}
	for _, d := range x.Dates {
		sp, t := o.span(d.Start, d.End)
		f.Dates = append(f.Dates, DateFact{Role: d.Role, Value: d.Value, Text: t, Span: sp})
	}
	if x.PartyKind != "" {
		sp, t := o.span(x.PartyStart, x.PartyEnd)
		f.Party = &PartyFact{Kind: x.PartyKind, Text: t, Span: sp}
	}
	// A unit has no age: a birth date in its text is a named worker's or
	// another's (员工李某（2010年2月出生）), as rules.ExtractFacts reads it.
	if x.Age != nil && x.PartyKind != "单位" {
		sp, t := o.span(x.AgeStart, x.AgeEnd)
		age := *x.Age
		f.Age = &PartyFact{Age: &age, Text: t, Span: sp}
	}
	for _, c := range x.Circumstances {
		sp, t := o.span(c.Start, c.End)
		f.Circumstances = append(f.Circumstances, CircumstanceFact{Name: c.Name, Label: circumstanceLabels[c.Name], Negated: c.Negated, Count: c.Count, Text: t, Span: sp})
	}
	f.Engine = ex.Facts
	return f
}
