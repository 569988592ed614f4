package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/rules"
)

// TestMarketTenthRoundFamilies checks, for the 市场监管 kinds of the tenth
// accuracy round, each family in other phrasings than the development
// rows: an ingredient whose printed last day had passed, cooked after it
// (保质期至…仍将…煎); a non-food substance named as the laboratory names it
// (硼酸, 四硼酸钠); a sweetener by its chemical name and the standard's
// measure (乙酰磺胺酸钾, 最大使用量); a return refused by a shop's rule
// (不退不换, 驳回); a mark written out as 注册商标 on a mark never
// registered (商标法 第五十二条, not 第六十条); an expired device named by
// its kind (缝线, 创可贴); an imported cosmetic's EXP code; a kitchen that
// refuses a food inspection (not the 安全生产 inspection).
func TestMarketTenthRoundFamilies(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []struct {
		name, facts, want, not string
		min, max               float64 // the statutory range when not zero
	}{
		{"frozen shrimp past its day, fried after it", "某快餐店冰柜里的冻虾仁外袋标示保质期至2025年3月31日，厨师4月8日仍将其煎制后做成盖浇饭出售，货值四百元。",
			"food-124-expired-ingredients", "food-124-expired", 50000, 100000},
		{"boric acid found by the laboratory", "某豆制品作坊生产的凉粉经送检，检出四硼酸钠，作坊主称是为了口感更劲道，现场凉粉货值九百元。",
			"food-123-nonfood-substance", "", 100000, 150000},
		{"a sweetener by its chemical name", "某糕点厂生产的椰蓉面包经抽检，乙酰磺胺酸钾的检出值超过最大使用量，判定不合格，货值二千元。",
			"food-124-additive-overuse", "prod-49-unsafe-standard", 50000, 100000},
		{"a return refused by the shop's rule", "消费者在某服装店购买的毛衣开线，当天要求退货，店主以店规“售出不退不换”为由拒绝退货，也不给维修。",
			"consumer-56-refuse-remedy", "", 0, 0},
		{"an expired suture in a beauty clinic", "某医疗美容诊所手术室内正在使用的医用缝线外包装有效期至2024年12月，2025年3月6日检查时仍在使用，货值三百元。",
			"device-86-expired-unregistered", "prod-52-expired", 20000, 50000},
		{"an imported cosmetic by its EXP code", "2025年3月18日检查某进口商品店，在售的一批韩国精华液瓶身印有EXP 2024.12，共20瓶，货值四千元。",
			"cosm-60-expired", "", 10000, 50000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeFirst(t, a, tt.facts, tt.want)
			if tt.not != "" && res.Violations[0].BenchmarkID == tt.not {
				t.Errorf("%s ranks first", tt.not)
			}
			if tt.max > 0 {
				st := res.Violations[0].Suggestion.Statutory
				if st == nil || st.FineMin != tt.min || st.FineMax != tt.max {
					t.Errorf("statutory %v, want %v–%v", st, tt.min, tt.max)
				}
			}
		})
	}
}

// TestMarketTenthRoundNotTheNeighbour checks the conduct with a provision
// entry only against the benchmark its words drift to: a mark never
// registered but labelled 注册商标 (商标法 第五十二条, not 第六十条), and a
// restaurant kitchen closed to a food inspection (not 安全生产法 第一百零八条).
func TestMarketTenthRoundNotTheNeighbour(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []struct{ name, facts, want, not string }{
		{"注册商标 on a mark never registered", "某酱菜厂在产品包装上印有“注册商标”四个字，经查该商标从未申请注册，违法经营额八千元。", "tm-52-unregistered-as-registered", "tm-60-infringement"},
		{"an R in a circle on a mark never approved", "某酱油厂瓶贴商标旁加印R圈，经查询该商标未经核准注册，违法经营额六千元。", "tm-52-unregistered-as-registered", "tm-60-infringement"},
		{"a kitchen closed to a food inspection", "执法人员到某火锅店检查，店长将后厨门反锁不让执法人员进入，拒绝提供食材进货查验记录，经说服后仍拒绝接受检查。", "food-133-refusing-inspection", "safety-108-refusing-inspection"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := a.Analyze(t.Context(), Request{Facts: tt.facts, Violations: 10, DecisionDate: snapshotDay})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Violations) == 0 || res.Violations[0].BenchmarkID != tt.want {
				t.Errorf("want %s first, not %s\n%s", tt.want, tt.not, whys(res.Violations))
			}
		})
	}
}

// TestMarketTenthRoundTransfers checks that a non-food substance named as
// the laboratory names it nominates the crime of the listed substances, and
// that a food inspection refused with the kitchen camera switched off
// nominates none.
func TestMarketTenthRoundTransfers(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	res := analyzeFirst(t, a, "某米粉加工点生产的湿米粉经检测检出硼酸，货值六百元。", "food-123-nonfood-substance")
	if res.Transfer.Risk != rules.RiskLikely || res.Transfer.Crime != "生产、销售有毒、有害食品罪" {
		t.Errorf("transfer %s %s, want likely 生产、销售有毒、有害食品罪", res.Transfer.Risk, res.Transfer.Crime)
	}
	// A kitchen camera switched off before the inspectors came in is no
	// safety device closed (危险作业罪): the refusal is 第一百三十三条's.
	res = analyzeFirst(t, a, "执法人员到某面馆检查时，店员先关掉了后厨的监控摄像头，又拦住执法人员不让进入后厨，拒绝接受检查。", "food-133-refusing-inspection")
	if res.Transfer.Risk != rules.RiskNone {
		t.Errorf("transfer %s %s, want none", res.Transfer.Risk, res.Transfer.Crime)
	}
}
