package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/rules"
)

func TestInferFlags(t *testing.T) {
	b := &rules.Benchmark{ID: "x", Flags: map[string]string{
		"children_product": "涉及儿童用品", "injury": "造成人身伤害后果", "revoke_licence": "拟吊销营业执照",
		"cultivated_land": "占用耕地", "basic_farmland": "占用永久基本农田", "has_business_licence": "持有营业执照",
		"refused_correction": "经责令改正拒不改正", "cannot_demolish": "不能拆除",
	}}
	tests := []struct {
		text string
		want []string
	}{
		{"销售不合格的儿童玩具，造成一名儿童受伤。", []string{"children_product", "injury"}},
		{"销售不合格的儿童玩具，未造成人身伤害。", []string{"children_product"}},
		// A negation a verb away denies the cue too; 未成年人 denies nothing.
		{"销售不合格的儿童玩具，未发现有人受伤。", []string{"children_product"}},
		{"向未成年人销售儿童玩具。", []string{"children_product"}},
		// Decision flags are never read from text.
		{"情节严重，拟吊销营业执照。", []string{"has_business_licence"}},
		{"当事人无营业执照，擅自占用耕地12亩。", []string{"cultivated_land"}},
		{"擅自占用永久基本农田3亩。", []string{"basic_farmland"}},
		{"擅自占用非永久基本农田的耕地3亩。", []string{"cultivated_land"}},
		// 拒不改正 as a re-inspection records it.
		{"已下达责令改正通知书。本次复查，店内仍使用旧包装，负责人拒绝更换。", []string{"refused_correction"}},
		{"复查时仍有17名员工无任何培训记录。", []string{"refused_correction"}},
		{"当事人当场改正，未拒绝整改。", nil},
		{"经认定无法采取改正措施消除影响，且不能拆除。", []string{"cannot_demolish"}},
		{"无关的文字。", nil},
	}
	for _, tt := range tests {
		got, evidence := inferFlags(b, tt.text, readOrders(tt.text))
		if len(got) != len(tt.want) || len(evidence) != len(tt.want) {
			t.Errorf("%q: flags %v (%v), want %v", tt.text, got, evidence, tt.want)
			continue
		}
		for _, w := range tt.want {
			if !got[w] {
				t.Errorf("%q: flags %v lack %s", tt.text, got, w)
			}
		}
		for _, e := range evidence {
			if e.Cue == "" || e.Label != b.Flags[e.Flag] {
				t.Errorf("%q: evidence %+v", tt.text, e)
			}
		}
	}
}
