package nlp

import "testing"

// TestOccasionSpans: the object of an officer's measure in a clause that
// sets the time of the act is a span; the party's own doing and a clause
// that is not a time are not.
func TestOccasionSpans(t *testing.T) {
	tests := []struct {
		name, text, want string // want: the text of the first span, "" for none
	}{
		{"city officers dealing with a stall", "城管执法队员在依法查处马路市场占道经营时，摊贩钱某拉住队员。", "马路市场占道经营"},
		{"sealing, without 在", "执法人员依法查封某母婴店超过保质期的奶粉时，店主挡在货架前。", "某母婴店超过保质期的奶粉"},
		{"during an inspection", "民警在对该旅馆进行检查过程中，老板将登记簿藏起。", ""},
		{"the party's own clearing", "当事人在清理厂区时将废矿物油倾倒在空地上。", ""},
		{"a measure, not a time", "执法人员依法查封了当事人存放的过期食品，并制作笔录。", ""},
		// A measure told as done with the resistance right after it
		// (acc14police): a register line's space ends the clause.
		{"a register line: seizure, then held back", "2026-09-16 城管执法队员在西关桥头依法暂扣占道经营的三轮车 摊贩庞某拽住执法队员不让搬车", "占道经营的三轮车"},
		{"a seizure, then pushed", "执法人员依法扣押了店内的过期奶粉，店主推搡执法人员不让搬走。", "了店内的过期奶粉"},
		{"an inspection obstructed names the place", "执法人员检查某厂的危废暂存间，员工围住执法人员，阻挠检查。", ""},
		{"a seizure, nobody resists", "执法人员依法扣押了店内的过期奶粉，店主签字确认。", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			norm := NormalizeText(tt.text)
			spans := OccasionSpans(norm)
			got := ""
			for _, s := range spans {
				if s.End > s.Start {
					got = norm[s.Start:s.End]
					break
				}
			}
			if got != tt.want {
				t.Errorf("OccasionSpans(%q) first span %q, want %q (%v)", tt.text, got, tt.want, spans)
			}
		})
	}
}
