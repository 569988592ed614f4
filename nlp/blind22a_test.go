package nlp

import (
	"slices"
	"testing"
)

// checkOtherAge checks that other (-1: none) is among the ages x reads of
// others than the party, dated by birth or stated.
func checkOtherAge(t *testing.T, x Extraction, other float64) {
	t.Helper()
	others := append(slices.Clone(x.OtherAges), x.StatedOtherAges...)
	if other >= 0 && !slices.Contains(others, other) {
		t.Errorf("other ages %v; want %v among them", others, other)
	}
	if other < 0 && len(others) > 0 {
		t.Errorf("other ages %v; want none", others)
	}
}

// TestStruckObjectAgeTwentySecond checks that the age in the bracket after
// the name of the one struck counts as another's when the assault verb
// itself (拳击, 击打, 推搡, 踹倒) stands before the name, as officers write
// it without 把 or 对, while the party's own bracket stays the party's.
func TestStruckObjectAgeTwentySecond(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		party float64 // -1: none
		other float64 // -1: none
	}{
		{"punched a guard", "2025年9月3日20时许，男子蔡某在菜场门口因摊位纠纷，挥手击打菜场管理员冯某（男，六十三岁）头部，致其头皮血肿。", -1, 63},
		{"pushed an old woman", "2025年3月12日上午，违法行为人韦某在公交站台推搡排队乘客曹某某（女，1957年2月出生），致其摔倒。", -1, 68},
		{"kicked down", "5月6日晚，范某因琐事踹倒邻居老汉陶某（七十四岁），陶某手臂擦伤。", -1, 74},
		{"the party's own bracket", "违法行为人单某（男，61岁）于2025年8月2日在街头击打他人面部。", 61, -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkOtherAge(t, checkPartyAge(t, tc.in, tc.party), tc.other)
		})
	}
}

// hasCirc reports whether x holds the circumstance name, not negated.
func hasCirc(x Extraction, name string) bool {
	for _, c := range x.Circumstances {
		if c.Name == name && !c.Negated {
			return true
		}
	}
	return false
}

// TestNoHarmCorrectedTwentySecond checks the words officers use for a harm
// looked for and not found (未发现明显污染, a monitor down and the discharge
// checked by hand within the limits) and for an activity given up once told
// (经劝阻后收起渔具离开), while a missing facility (未见污染防治设施) and a
// manual check over the limit (手工监测结果未达标) show no absence of harm.
func TestNoHarmCorrectedTwentySecond(t *testing.T) {
	tests := []struct {
		name, in, circ string
		want           bool
	}{
		{"pollution looked for", "2026年10月2日巡查发现郑某在水库一级保护区内游泳，执法人员到场后其上岸离开，水面未发现明显污染。", CircNoHarm, true},
		{"a missing facility", "2026年10月2日检查发现该厂喷漆车间未见污染防治设施，废气直接排放。", CircNoHarm, false},
		{"monitor down, checked by hand", "该厂废气在线监测设备10月3日起数据中断，企业于当日安排人工监测，结果显示颗粒物排放达标，10月4日修复。", CircNoHarm, true},
		{"checked by hand, over the limit", "该厂废气在线监测设备10月3日起数据中断，期间人工监测结果未达标。", CircNoHarm, false},
		{"given up once told", "2026年8月5日，钱某在保护区内垂钓，经执法人员劝阻后收起渔具离开。", CircCorrectedInTime, true},
		{"told and put away at once", "巡查时发现两名市民在取水口附近游泳，告知后二人当即收起衣物上岸。", CircCorrectedInTime, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := hasCirc(Extract(tc.in), tc.circ); got != tc.want {
				t.Errorf("%s: %v, want %v (%v)", tc.circ, got, tc.want, Extract(tc.in).Circumstances)
			}
		})
	}
}

// TestWholeAndCostRolesTwentySecond checks two amounts a register or a tax
// record writes: the goods counted whole (共进货60台) when a share sold stands
// right after the unit price with no comma between (单价310元 已售出22台), and
// costs a return overstated (虚列…成本共计41.7万元), which are no tax amount
// though a 所得税 is named before them.
func TestWholeAndCostRolesTwentySecond(t *testing.T) {
	for _, tt := range []struct {
		name, text, role string
		want             float64
		present          bool
	}{
		{"whole bought, share sold after the price", "3月2日 立案 某某家电商行 共购进电暖风机45台 单价260元 已卖出18台", RoleGoodsValue, 11700, true},
		{"whole bought, share sold after the price, other words", "2026-04-01 登记 涉案电热水壶合计120个 单价55元 其中已售出70个", RoleGoodsValue, 6600, true},
		{"overstated costs after the tax named", "该公司在申报企业所得税时虚列材料采购成本共计38.5万元，多列支出，未造成少缴税款。", RoleTax, 0, false},
		{"overstated costs, other words", "2025年度个人所得税汇算时，当事人多列成本合计12万元。", RoleTax, 0, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			v, ok := goodsTotal(Extract(tt.text), tt.role)
			if ok != tt.present || ok && v != tt.want {
				t.Errorf("%s %v (read %v), want %v (read %v)", tt.role, v, ok, tt.want, tt.present)
			}
		})
	}
}
