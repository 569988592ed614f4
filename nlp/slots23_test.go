package nlp

import (
	"slices"
	"strings"
	"testing"
)

// TestFindInTwentyThird checks the searches given the index's slots of a
// cue list (FindIn, FindOutsideSpansIn) against the searches without them,
// over lists that mix indexed cues, cues the index does not hold, an empty
// cue and cues with …, with and without the words and spans that leave
// occurrences out; and that Slots gives 0 exactly to the cues the index
// cannot answer.
func TestFindInTwentyThird(t *testing.T) {
	lists := [][]string{
		{"饮用水水源保护区", "水源保护区", "保护区"},
		{"添加…非食品原料", "超过保质期", "过期"},
		{"未改正", "改正", "整改"},
		{"米", "面", "果", "油", "食品", "掺入…工业原料", "大米", "非食品"},
		{"违反…规定", "使用…禁用农药", "未…取得…许可证", "许可"},
	}
	var indexed [][]Cue
	var all []Cue
	for _, l := range lists {
		cs := NewCues(l)
		indexed = append(indexed, cs)
		all = append(all, cs...)
	}
	idx := NewCueIndex(all)
	// A list the index holds only in part: 过期 and 许可 are indexed, the
	// rest not, and the empty cue has no parts.
	mixed := append(NewCues([]string{"从未索引的提示词", "过期", ""}), NewCue("许可"), NewCue("另一个未索引…词"))
	slots := idx.Slots(mixed)
	if want := []bool{false, true, false, true, false}; !slices.Equal(slicesMap(slots, func(s int32) bool { return s != 0 }), want) {
		t.Fatalf("Slots of the mixed list = %v, want nonzero %v", slots, want)
	}
	// A one-part cue inside a longer one of its list has a negative slot
	// (the search then looks for a denied synonym around it), any other a
	// positive one.
	for _, cues := range indexed {
		for i, p := range idx.Slots(cues) {
			if q := cues[i]; p != 0 && (p < 0) != (len(q.parts) == 1 && hasLongerCue(q.parts[0], cues)) {
				t.Fatalf("slot of %q in %q = %d", q.Text(), cues[0].Text(), p)
			}
		}
	}
	words := []string{"平方米", "后果", "石油", "饮用水水源保护区划定"}
	texts := append(slices.Clone(extractBenchTexts), "", "过期", "非饮用水水源保护区", "位于水源保护区以外，保护区内",
		"当事人已改正。逾期未改正", "添加了非食品原料", "\xff超过保质期\xff", "经营场所面积约80平方米，销售发霉的大米",
		"当事人：某某粮油有限公司，经营范围：食品销售。销售过期食品", "销售的并非大米，而是面粉", "店内未发现过期食品，仅有非食品", "未依法取得排污许可证", "许可证未取得，违反了规定")
	for _, f := range sampleFacts(t) {
		texts = append(texts, NormalizeText(f))
	}
	found := 0
	for _, text := range texts {
		spans := PartySpans(text)
		for _, cues := range append(slices.Clone(indexed), mixed) {
			s := idx.Slots(cues)
			for k := range 2 {
				// Each through a Scan and a ScanPooled scan, the slotted
				// search first on one and second on the other (the scans
				// remember answers).
				a, b := idx.Scan(text), idx.ScanPooled(text)
				if k == 1 {
					a, b = b, a
				}
				want, wantOK := a.Find(cues)
				got, gotOK := b.FindIn(cues, s)
				if got != want || gotOK != wantOK {
					t.Fatalf("FindIn(%q) in %.60q = %q %v, Find %q %v", cues[0].Text(), text, got, gotOK, want, wantOK)
				}
				for _, sp := range [][]Span{nil, spans} {
					for _, ws := range [][]string{nil, words} {
						want, wantOK := a.FindOutsideSpans(cues, ws, sp)
						got, gotOK := b.FindOutsideSpansIn(cues, s, ws, sp)
						if got != want || gotOK != wantOK {
							t.Fatalf("FindOutsideSpansIn(%q, %d words, %d spans) in %.60q = %q %v, FindOutsideSpans %q %v",
								cues[0].Text(), len(ws), len(sp), text, got, gotOK, want, wantOK)
						}
						if gotOK {
							found++
						}
					}
				}
				a.Release()
				b.Release()
			}
		}
	}
	if found < 100 {
		t.Fatalf("only %d cues found: the texts test too little", found)
	}
}

// slicesMap maps s by f.
func slicesMap[T, U any](s []T, f func(T) U) []U {
	out := make([]U, len(s))
	for i, v := range s {
		out[i] = f(v)
	}
	return out
}

// TestReportNotBorneOutTwentyThird checks reportNotBorneOut, which reads
// the clause after a cue in one pass, against the reading it replaced (the
// first 60 runes, cut at the first stop by strings.IndexAny, then 实 or
// 证 looked for), at every rune of texts that deny reports.
func TestReportNotBorneOutTwentyThird(t *testing.T) {
	reference := func(text string, start, end int) bool {
		cue := text[start:end]
		denial := cue == "不实"
		for _, w := range deniedAllegation {
			denial = denial || strings.HasPrefix(cue, w)
		}
		if !denial {
			rest := text[end:]
			rest = rest[:runeOffset(rest, 60)]
			if k := strings.IndexAny(rest, "。；;\n"); k >= 0 {
				rest = rest[:k]
			}
			if !strings.ContainsRune(rest, '实') && !strings.ContainsRune(rest, '证') {
				return false
			}
			for _, w := range allegationWords {
				if i := Index(rest, w); i >= 0 {
					for _, d := range deniedAllegation {
						if Contains(rest[i:], d) {
							return true
						}
					}
				}
			}
			return false
		}
		before := text[max(0, start-8*len("。")):start]
		if k := strings.LastIndexFunc(before, isNegationBreak); k >= 0 {
			before = before[k:]
		}
		for _, w := range allegationWords {
			if Contains(before, w) {
				return true
			}
		}
		return false
	}
	texts := append(slices.Clone(extractBenchTexts),
		"进货票据显示为牛油，该项举报不属实。", "进货票据显示为牛油；该项举报不属实", "经查，投诉内容无法证实\n另查明", "进货票据显示为牛油\n该项举报不属实",
		"群众举报称其销售假酒，经查举报不属实，但发现过期食品", "举报\xff不属实\xff", strings.Repeat("牛油", 40)+"，举报不属实",
		strings.Repeat("牛", 59)+"举报不属实", strings.Repeat("牛", 58)+"举报不属实")
	for _, f := range sampleFacts(t) {
		texts = append(texts, NormalizeText(f))
	}
	yes := 0
	for _, text := range texts {
		for start := range text {
			for _, n := range []int{1, 2, 3} {
				end := start + runeOffset(text[start:], n)
				got, want := reportNotBorneOut(text, start, end), reference(text, start, end)
				if got != want {
					t.Fatalf("reportNotBorneOut(%.40q at %d..%d) = %v, the earlier reading %v", text, start, end, got, want)
				}
				if got {
					yes++
				}
			}
		}
	}
	if yes < 10 {
		t.Fatalf("only %d denials: the texts test too little", yes)
	}
}
