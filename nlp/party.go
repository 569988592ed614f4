package nlp

import "strings"

// Span is a byte range [Start, End) of a normalised text.
type Span struct{ Start, End int }

// partyField is a label that opens a field describing the party, and
// whether the field is a name (which ends at the first comma, bracket or
// space: 当事人:某某大药房有限公司,经营范围:……) or a list (a business
// scope, whose items 、 and ; separate and a bracket may qualify).
type partyField struct {
	label string
	name  bool
}

// partyFields label what a decision's party paragraph, or a register line's
// bracket, says of the party: its name, address and business scope. A
// normalised text has ASCII colons (NormalizeText folds ：).
var partyFields = [...]partyField{
	{"当事人:", true}, {"违法行为人:", true}, {"被处罚人:", true}, {"单位名称:", true},
	{"住所:", true}, {"住址:", true}, {"经营场所:", true}, {"经营地址:", true}, {"注册地址:", true}, {"地址:", true},
	{"经营范围:", false},
}

// partySpanMax bounds a field (bytes): a business scope runs to a few
// hundred characters, a name or an address to a few dozen.
const partySpanMax = 900

// PartySpans returns the spans of a normalised text that describe the party
// rather than tell the act: the value of each field partyFields label (the
// party's name after 当事人:, its address after 住所:, its business scope
// after 经营范围:). A cue found only there is what the party is called or
// licensed for (康源医药连锁有限公司 names 医药; a scope lists 危险化学品
// 经营), not what it did: CueScan.FindOutsideSpans does not count it. A
// text without a label (most officers' notes) costs one search per label
// and returns nil.
func PartySpans(text string) []Span {
	var out []Span
	for _, f := range partyFields {
		for from := 0; ; {
			i := Index(text[from:], f.label)
			if i < 0 {
				break
			}
			start := from + i + len(f.label)
			// 经营地址: holds 地址:, 经营场所: holds none of the others;
			// a label inside a longer one is the same field.
			if f.label == "地址:" && (strings.HasSuffix(text[:from+i], "经营") || strings.HasSuffix(text[:from+i], "注册")) {
				from = start
				continue
			}
			end := partyFieldEnd(text, start, f.name)
			if end > start {
				out = append(out, Span{start, end})
			}
			from = max(end, start)
		}
	}
	return out
}

// partyFieldEnd returns where the field that starts at start ends: at a
// sentence or line end, at a bracket that closes one opened before the
// field (（个体 经营范围：烟草制品零售） 销售……), at a space or a
// semicolon-free comma for a list, and also at a comma, semicolon or an
// opening bracket for a name or an address.
func partyFieldEnd(text string, start int, name bool) int {
	depth := 0
	limit := min(len(text), start+partySpanMax)
	for i := start; i < limit; {
		c := text[i]
		switch c {
		case '\n', ' ', '\t':
			return i
		case '(':
			if name {
				return i
			}
			depth++
		case ')':
			if depth == 0 {
				return i
			}
			depth--
		case ',', ';':
			if name || (depth == 0 && c == ',') {
				return i
			}
		}
		if c < 0x80 {
			i++
			continue
		}
		if strings.HasPrefix(text[i:], "。") {
			return i
		}
		if depth == 0 && !name && strings.HasPrefix(text[i:], "，") {
			return i
		}
		i++
	}
	return limit
}

// inSpans reports whether pos lies in one of spans.
func inSpans(spans []Span, pos int) bool {
	for _, s := range spans {
		if pos >= s.Start && pos < s.End {
			return true
		}
	}
	return false
}

// FindOutsideSpans is FindOutside where an occurrence that starts inside
// one of spans (PartySpans: the party's name, address or business scope)
// does not count. Without spans it is FindOutside.
func (x CueScan) FindOutsideSpans(cues []Cue, words []string, spans []Span) (string, bool) {
	return x.findOutsideSpans(cues, nil, words, spans)
}

// FindOutsideSpansIn is FindOutsideSpans given slots, the index's Slots of
// cues (of the scan's index).
func (x CueScan) FindOutsideSpansIn(cues []Cue, slots []int32, words []string, spans []Span) (string, bool) {
	return x.findOutsideSpans(cues, slots, words, spans)
}

// findOutsideSpans is FindOutsideSpans, testing the openings by slots when
// given (see FindIn).
func (x CueScan) findOutsideSpans(cues []Cue, slots []int32, words []string, spans []Span) (string, bool) {
	if len(spans) == 0 {
		return x.findOutside(cues, slots, words)
	}
	for i := range cues {
		if !x.hasAt(cues, slots, i) {
			continue // no opening in the text, or a cue without parts
		}
		q := &cues[i]
		if !x.located(q) {
			continue
		}
		part := q.parts[0]
		if len(q.parts) > 1 {
			for at := x.firstAt(q); at >= 0; {
				s, _, ok := q.locateAt(x.text, at)
				if !ok {
					break
				}
				if !inSpans(spans, s) && !insideWord(x.text, s, s+len(part), part, words) {
					return q.text, true
				}
				n := Index(x.text[s+len(part):], part)
				if n < 0 {
					break
				}
				at = s + len(part) + n
			}
			continue
		}
		for at := x.firstAt(q); at >= 0; {
			end := at + len(part)
			if !inSpans(spans, at) && !Negated(x.text, at) && !placedOutside(x.text, at, end) &&
				!insideWord(x.text, at, end, part, words) && !(mayBeDenied(cues, slots, i) && deniedAround(x.text, at, end, part, cues)) {
				return q.text, true
			}
			n := Index(x.text[end:], part)
			if n < 0 {
				break
			}
			at = end + n
		}
	}
	return "", false
}
