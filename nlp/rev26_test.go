package nlp

import "testing"

// TestReviewRev26CircumstancesTwentySixth holds two readings the review of the
// twenty-fifth round found too broad: 立功 is another's violation exposed,
// not the party's own stock found by what it handed over (行政处罚法 第三十二条
// 第（四）项); 正通过…排 is a discharge under way, not 正通过…安排 (a procedure).
func TestReviewRev26CircumstancesTwentySixth(t *testing.T) {
	checkCircumstanceRows(t, []circumstanceRow{
		{"the party's own stock found by its key", "当事人主动提供了库房钥匙，执法人员据此查获其存放的同款假冒洗发水40瓶。", CircMeritorious, false},
		{"the party's own stock found by its receipts", "根据当事人提供的进货单据，执法人员查获其另一门店库存的同批次产品。", CircMeritorious, false},
		{"another's den found by what was handed over", "当事人主动交出了进货单，执法人员据此查获了上游的一处制假窝点。", CircMeritorious, true},
		{"a procedure under way is no discharge", "当事人称其正通过园区管委会安排办理排污许可手续。", CircContinuing, false},
		{"a discharge under way still is", "检查时该厂废水正通过雨水管排入河道。", CircContinuing, true},
	})
}

// circumstanceRow is a text and whether it states one circumstance.
type circumstanceRow struct {
	name, text, circ string
	want             bool
}

// checkCircumstanceRows checks each row's circumstance, read undenied.
func checkCircumstanceRows(t *testing.T, rows []circumstanceRow) {
	t.Helper()
	for _, tt := range rows {
		t.Run(tt.name, func(t *testing.T) {
			got := false
			for _, c := range Extract(tt.text).Circumstances {
				if c.Name == tt.circ && !c.Negated {
					got = true
				}
			}
			if got != tt.want {
				t.Errorf("%s = %v, want %v", tt.circ, got, tt.want)
			}
		})
	}
}
