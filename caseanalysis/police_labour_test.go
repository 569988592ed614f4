package caseanalysis

import (
	"slices"
	"testing"
)

// TestSocialInsuranceFine checks the fine of 社会保险法 第八十六条 is the
// arrears times one to three once the deadline has passed, and that
// 第八十四条 multiplies the contributions due.
func TestSocialInsuranceFine(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []struct {
		name, facts, want string
		min, max          float64
	}{
		{"arrears overdue", "当事人未按时足额缴纳社会保险费，欠缴社会保险费人民币捌万陆仟元，经责令限期缴纳，逾期仍不缴纳。", "si-86-arrears", 86000, 258000},
		{"arrears in 万", "当事人拖欠职工社保费3.2万元，经责令限期补缴，逾期仍未缴纳。", "si-86-arrears", 32000, 96000},
		{"understated wages in a register line", "某某酒店 申报社会保险费时瞒报职工人数12人 瞒报工资数额18万元 立案", "labour-27-underreport", 180000, 540000},
		{"never registered", "当事人一直未办理社会保险登记，经责令限期改正，逾期不改正，经核算应缴社会保险费为四万五千元。", "si-84-no-registration", 45000, 135000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeFirst(t, a, tt.facts, tt.want)
			s := res.Violations[0].Suggestion
			if s == nil || s.Statutory == nil || s.Statutory.FineMin != tt.min || s.Statutory.FineMax != tt.max {
				t.Fatalf("suggestion %+v, want %v–%v", s, tt.min, tt.max)
			}
		})
	}
}

// TestPolice2025Kinds decides 治安 kinds under the 2025 治安管理处罚法
// (decided after 2026-01-01): 故意损毁 is 第五十九条, no longer the theft
// line's; a threat for money is 敲诈勒索 (第五十八条), not 威胁人身安全
// (第五十条); 扬言 is 第二十九条 only for 放火、爆炸、投放危险物质; a punch at
// the officer of a drink-driving check with no alcohol measured is 第六十一条.
func TestPolice2025Kinds(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []struct {
		name, facts, want, not string
	}{
		{"damage is 第五十九条", "2026年9月5日，石某因车位纠纷用尖锐物将邻居电动汽车四个轮胎扎破，经认定损失六百元。", "police25-59-damage", "police25-58-theft"},
		{"a keyed car", "2026年4月2日，彭某用钥匙将邻居轿车车门划出多道划痕，修复费用九百元。", "police25-59-damage", "police25-58-theft"},
		{"damage to steal stays theft", "2026年4月2日，彭某砸坏车窗后窃取车内背包一个，价值三百元。", "police25-58-theft", "police25-59-damage"},
		{"a threat for money is 敲诈勒索", "2026年8月，文某以公开两人亲密照片相威胁，要求冉某支付五千元分手费。", "police25-58-theft", "police25-50-harassment"},
		{"a threat without a demand stays 第五十条", "2026年8月，文某多次发送短信威胁冉某，扬言要让她在公司待不下去，干扰其正常生活。", "police25-50-harassment", "police25-58-theft"},
		{"a punch at a drink-driving check", "2026年9月14日，民警查处酒驾时，驾驶人彭某拒绝配合检测，挥拳猛击正在执行职务的民警面部。", "police25-61-obstruct-duty", "traffic-91-drink-driving"},
		{"a measured drink driver stays 第九十一条", "2026年9月14日，民警查处酒驾时，驾驶人彭某经呼气检测酒精含量为45毫克/100毫升，彭某挥拳击打民警后被制服。", "traffic-91-drink-driving", "police25-61-obstruct-duty"},
		{"taking without paying, with a boast", "2026年3月14日，邓某在农贸市场挨个摊位拿走蔬菜水果不付钱，还扬言谁敢要钱就砸摊子。", "police25-30-provocation", "police25-29-false-alarm"},
		{"a threat to set fire stays 第二十九条", "2026年3月14日，邓某在村委会扬言要放火烧掉村委会办公楼，引起群众恐慌。", "police25-29-false-alarm", "police25-30-provocation"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ids := violationIDs(analyzeOn(t, a, tt.facts, "2026-10-01"))
			if len(ids) == 0 || ids[0] != tt.want {
				t.Fatalf("violations %v, want %s first", ids, tt.want)
			}
			if slices.Index(ids, tt.not) == 0 {
				t.Errorf("%s ranks first", tt.not)
			}
		})
	}
}
