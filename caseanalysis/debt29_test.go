package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// TestOrderThenDefianceTwentyNinth: one reading of an order and its
// defiance (readOrders) gives both the flags of 经责令改正拒不改正 and the
// transfer's joined sentences; what is found again must be the thing
// ordered corrected, and the order the party's. Guards: a correction
// between, another thing found, a negated finding, another party ordered.
func TestOrderThenDefianceTwentyNinth(t *testing.T) {
	b := &rules.Benchmark{ID: "x", Flags: map[string]string{
		"refused_correction": "经责令改正拒不改正", "not_corrected": "经责令限期改正，逾期不改正",
	}}
	for _, tt := range []struct {
		name, text string
		again      bool
		joins      int
	}{
		{"the same goods found again", "某粮油店销售霉变大米，经责令改正后，执法人员两周后复查，又发现其销售霉变大米5袋。", true, 0},
		{"the same fault in other words", "某洗浴中心未配备救生员，经责令限期改正，期满复查时再次发现泳池边无救生员值守。", true, 0},
		{"referred back", "某棋牌室安全出口上锁，3月2日下达整改通知书，3月16日回访时上述问题依然存在。", true, 0},
		{"the going on after the limit", "某砂场违规露天堆放砂石，被责令限期整改，逾期后该场仍继续经营。", true, 0},
		{"ordered to pay, told defied in the next sentence", "劳动监察大队责令某服装厂于5月10日前支付拖欠的工资。逾期后该厂仍分文未付。", false, 1},
		// Guards.
		{"another thing found", "某面包房未公示从业人员健康证明，经责令改正后，复查时又发现其操作间存放过期黄油。", false, 0},
		{"another thing found, told after the word", "某茶楼油烟直排，经责令限期整改，回访时再次发现该茶楼在后院焚烧垃圾。", false, 0},
		{"a correction between", "某粮油店销售霉变大米，经责令改正后，店主已全部清理了霉变大米，之后继续经营。", false, 0},
		{"a negated finding", "某洗浴中心未配备救生员，经责令限期改正，期满复查时没有再次发现无人值守。", false, 0},
		{"another party ordered", "隔壁餐馆曾被责令改正占道经营，今日检查又发现当事人在店外占道经营。", false, 0},
		{"the next sentence tells it paid", "劳动监察大队责令某服装厂于5月10日前支付拖欠的工资。该厂5月8日已全额支付。", false, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			norm := nlp.NormalizeText(tt.text)
			o := readOrders(norm)
			if o.again != tt.again {
				t.Errorf("again = %v, want %v", o.again, tt.again)
			}
			if len(o.joins) != tt.joins {
				t.Errorf("joins %v, want %d", o.joins, tt.joins)
			}
			flags, _ := inferFlags(b, norm, o)
			if flags["refused_correction"] != tt.again {
				t.Errorf("flags %v, want refused_correction %v", flags, tt.again)
			}
			joined := withDefianceJoined(tt.text, o)
			if want := tt.joins > 0; (joined != tt.text) != want {
				t.Errorf("joined %q", joined)
			}
		})
	}
}

// TestShownScoreRanksTwentyNinth: a benchmark a provision went before
// (on its score without the learned vote) shows at most the provision's
// score, and that floored score is the one it is ranked and weighed by
// afterwards (cands, which the transfer's strongest reads): the list
// shows and weighs one score, never rising after its top.
func TestShownScoreRanksTwentyNinth(t *testing.T) {
	bench := func(id string, score, learned, lexical float64) candidate {
		return candidate{b: &rules.Benchmark{ID: id}, score: score, learned: learned, lexical: lexical}
	}
	for _, tt := range []struct {
		name  string
		cands []candidate
		provs []provisionCandidate
		limit int
		want  []float64 // the scores shown, in order
	}{
		{"a voted benchmark after a provision", []candidate{bench("a", 0.553, 0.5, 0.2), bench("b", 0.30, 0, 0.2)}, []provisionCandidate{{score: 0.431, lexical: 1}}, 5, []float64{0.431, 0.431, 0.30}},
		{"the floor carries past the cut", []candidate{bench("a", 0.60, 0.6, 0.1), bench("b", 0.50, 0.5, 0.1)}, []provisionCandidate{{score: 0.35, lexical: 1}}, 1, []float64{0.35}},
		{"no provision before: scores kept", []candidate{bench("a", 0.70, 0.1, 0.9), bench("b", 0.50, 0, 0.9)}, []provisionCandidate{{score: 0.30, lexical: 0.5}}, 5, []float64{0.70, 0.50, 0.30}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var shown []float64
			interleave(tt.cands, tt.provs, func(p *provisionCandidate, i int) bool {
				if len(shown) == tt.limit {
					return false
				}
				if p != nil {
					shown = append(shown, p.score)
				} else {
					shown = append(shown, tt.cands[i].score)
				}
				return true
			})
			if len(shown) != len(tt.want) {
				t.Fatalf("shown %v, want %v", shown, tt.want)
			}
			for i := range shown {
				if shown[i] != tt.want[i] {
					t.Errorf("shown %v, want %v", shown, tt.want)
				}
			}
			for i := 1; i < len(tt.cands); i++ {
				if tt.cands[i].score > tt.cands[i-1].score {
					t.Errorf("ranked %s at %.3f below %s at %.3f", tt.cands[i].b.ID, tt.cands[i].score, tt.cands[i-1].b.ID, tt.cands[i-1].score)
				}
			}
		})
	}
}
