package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/rules"
)

// TestReviewRev30BThirtieth checks the review's fix30b items of the
// twenty-ninth round's merge end to end, worded apart from its probes:
//   - item 3: 初次违法 and a correction beside an observed no-harm cue that
//     a harm told after 但 outweighs is no 不予处罚 (行政处罚法 第三十三条第一款
//     needs 危害后果轻微); the cue alone with 初次 and 当场停止 still is;
//   - item 5: an export rebate refused after an error gives 第六十六条 no base,
//     one obtained by deceit does;
//   - item 6: the earlier penalties are read once for all the violations a
//     request suggests.
func TestReviewRev30BThirtieth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	const rebate = "tax-66-export-rebate-fraud"
	tests := []struct {
		name, item, facts string
		want              bool // item 3: 不予处罚 among the top; item 5: a fine range for rebate
	}{
		{"oil film downstream after 但", "noharm", "某汽车美容店将冲洗污水直接排入雨水井，检查井内无明显油污，但下游沟渠已出现成片白色泡沫和油膜。当事人系初次违法，已当场停止排放并封堵了接口。", false},
		{"dead fish after 但", "noharm", "某小型洗涤厂将漂洗废水排入雨水管，检查井内无明显油污，但下游池塘已出现死鱼。当事人系初次违法，已当场停止排放并改正。", false},
		{"no oil and no harm told", "noharm", "某汽车美容店将冲洗污水直接排入雨水井，经查看检查井内无明显油污，未造成危害后果。当事人系初次违法，已当场停止排放并封堵了接口。", true},
		{"refused after a miscount", "rebate", "某机电公司申报出口退税时多报出口退税7,300元，经审核系计算错误，税务机关未予退税，该公司已更正申报。", false},
		{"obtained by false contracts", "rebate", "某机电公司以虚构出口合同的手段骗取出口退税7,300元，已取得退税款。", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := analyzeOn(t, a, tc.facts, "2026-05-06")
			switch tc.item {
			case "noharm":
				got := false
				for _, v := range res.Violations[:min(3, len(res.Violations))] {
					if v.Suggestion != nil && v.Suggestion.Disposition == legal.DispositionNone {
						got = true
					}
				}
				if got != tc.want {
					t.Errorf("不予处罚 among the top = %v, want %v (%v, %v)", got, tc.want, violationIDs(res), res.Facts.Engine)
				}
			case "rebate":
				got := false
				for _, v := range res.Violations {
					if v.BenchmarkID == rebate && v.Suggestion != nil && v.Suggestion.Statutory != nil {
						got = true
					}
				}
				if got != tc.want {
					t.Errorf("%s with a fine range = %v, want %v (%v)", rebate, got, tc.want, violationIDs(res))
				}
			}
		})
	}
	t.Run("earlier penalties read once", func(t *testing.T) {
		text := "该店曾于2025年9月因销售超过保质期的食品被区市场监管局罚款五千元。2026年3月又销售过期食品。"
		pr := &priorRead{text: text}
		two := 1.0
		for _, id := range []string{"food-124-expired", "price-13-marking", "police25-26-disrupt-order", "police25-61-obstruct-duty"} {
			b, _ := a.benchmark(id)
			if b == nil {
				t.Fatalf("no benchmark %s", id)
			}
			f := rules.Facts{ActDate: "2026-03-01", PriorPenalties2Y: &two}
			priorWithinFlags(b, f, pr, nil, nil)
			priorPenaltiesWindow(b, f, pr)
		}
		if pr.reads != 1 {
			t.Errorf("the text was read %d times, want once", pr.reads)
		}
	})
}
