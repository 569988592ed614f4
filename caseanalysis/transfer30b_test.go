package caseanalysis

import (
	"strings"
	"testing"

	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// TestTransferMeasuresThirtieth: the kinds behind the likely-transfer misses
// of the twenty-ninth round's blind rows (transfer30b), in other words. A
// threshold fact told in parts: sales billed month by month (供货) or taken
// from buyers one by one (向买家…收款, the rest's total one more part);
// bribes paid as a dated list after a colon, cards counted by their face
// value, cash handed in a clause of its own; copies listed by title; a
// hazardous waste's weight per barrel times the barrels; minerals' volume
// times the price per unit; a trade secret kept by 保密措施. Guards: a
// supplier's sales to the party, a payment denied, a bribe restated or
// totalled, a volume carried, a price of another unit, a secret not kept, a
// weight per barrel without a count.
func TestTransferMeasuresThirtieth(t *testing.T) {
	tests := []struct {
		name, facts, measure string
		want                 float64
	}{
		{"deliveries billed by month", "当事人明知所售钢管壁厚不足，仍以合格品价格供应某建筑公司：3月供货2.1万元，4月供货1.9万元，5月供货1.7万元。",
			rules.MeasureSalesAmount, 57000},
		{"guard: the supplier's deliveries to the party", "经查，某钢管厂3月向当事人供货2.6万元，4月向当事人供货3.1万元，当事人以次充好对外销售，已售出8000元。",
			rules.MeasureSalesAmount, 8000},
		{"payments from buyers, the rest totalled", "经调取收款记录，当事人向买家王某收款2.2万元，向买家赵某收款1.6万元，其余买家合计收款1.5万元。",
			rules.MeasureSalesAmount, 53000},
		{"bribe paid as a dated list", "某配送有限公司为承揽学校食堂配送业务，以“顾问费”名义向该校后勤处处长之子的账户转账：2025年3月6万元，2025年8月7万元，2026年1月8万元。",
			rules.MeasureBribe, 210000},
		{"cards by face value and cash handed after", "个体建材商陈某先后送给某公司采购经理面值二千元的购物卡五张，又在其办公室塞给现金一万二千元。",
			rules.MeasureBribe, 22000},
		{"guard: a bribe restated", "某公司向该公司项目经理刘某支付回扣5万元。经查，上述回扣5万元已全部退还。",
			rules.MeasureBribe, 50000},
		{"guard: cards totalled", "某商行送给该超市采购员面值二千元的购物卡三张，共计六千元。",
			rules.MeasureBribe, 6000},
		{"copies listed by title", "执法人员在其仓库查获盗版图书《初中物理压轴题》260册、《作文素材大全》150册、《成语故事》120册。",
			rules.MeasurePiratedCopies, 530},
		{"guard: titles in two sentences", "查获盗版图书《初中物理压轴题》260册。经核对，《作文素材大全》150册为正规出版物。",
			rules.MeasurePiratedCopies, 260},
		{"hazardous waste per barrel times barrels", "当事人将废切削液等危险废物用铁桶装运至河边倾倒，现场共有二十只铁桶，每桶约160公斤。",
			rules.MeasureHazardousWaste, 3.2},
		{"guard: per barrel without a count", "当事人将废切削液等危险废物倒入河边沟渠，据其供述每桶约160公斤。",
			rules.MeasureHazardousWaste, 0.16},
		{"minerals' volume times the price", "当事人未取得采矿许可证开采砂石，经测量采挖量为2,800立方米，经认定当地砂石市场价格为每立方米45元。",
			rules.MeasureMineralValue, 126000},
		{"guard: a volume carried", "当事人未取得采矿许可证开采砂石被查处，其车队运输砂石3000立方米，当地砂石市场价格为每立方米45元。",
			rules.MeasureMineralValue, 0},
		{"guard: a price of another unit", "当事人未取得采矿许可证开采砂石，经测量采挖量为2800立方米，当地砂石价格为每吨45元。",
			rules.MeasureMineralValue, 0},
		{"a trade secret kept by its measures", "某公司对其生产工艺参数采取了保密措施，前员工孙某将工艺参数带至当事人处使用，经审计，权利人减少的销售利润为36万元。",
			rules.MeasureSecretLoss, 360000},
		{"guard: a secret not kept", "某公司对其生产工艺参数未采取保密措施，前员工孙某将工艺参数带至当事人处使用，权利人减少的销售利润为36万元。",
			rules.MeasureSecretLoss, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			norm := nlp.NormalizeText(tt.facts)
			m := measures(norm, tt.facts, nlp.Extract(tt.facts))
			if got := m[tt.measure]; got < tt.want-1e-9 || got > tt.want+1e-9 {
				t.Errorf("%s = %v, want %v (measures %v)", tt.measure, got, tt.want, m)
			}
		})
	}
}

// TestDatedTheftsThirtieth: three thefts told one by one with their dates,
// within two years, are 多次盗窃. Guards: thefts the victims report, dates
// over more than two years, one date told twice, a denied taking.
func TestDatedTheftsThirtieth(t *testing.T) {
	tests := []struct {
		name, facts string
		want        bool
	}{
		{"three dated thefts", "张某供述：2025年5月2日在超市偷走香烟两条；2025年11月8日在工地窃取电缆一捆；2026年3月1日在停车场盗走电瓶一块。", true},
		{"guard: victims' reports", "2025年5月2日王某报警称其香烟被盗；2025年11月8日工地报称电缆被盗；2026年3月1日车主报称电瓶失窃。", false},
		{"guard: over more than two years", "张某供述：2023年1月2日在超市偷走香烟两条；2024年6月8日在工地窃取电缆一捆；2026年3月1日在停车场盗走电瓶一块。", false},
		{"guard: one date told twice", "张某2026年3月1日在停车场盗走电瓶一块。经查，2026年3月1日其盗走的电瓶已变卖；2025年11月8日在工地窃取电缆一捆。", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := strings.HasSuffix(withDatedThefts(tt.facts), "多次盗窃"); got != tt.want {
				t.Errorf("多次盗窃 written = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestHarmBeforeOpenerThirtieth: a transfer letter that tells the harm before
// its 经查 keeps the harm (生产、销售不符合安全标准的产品罪: 造成人员重伤).
// Guard: the harm denied.
func TestHarmBeforeOpenerThirtieth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct {
		name, facts, crime string
		likely             bool
	}{
		{"harm before the opener", "案件移送函\n当事人：某某电动车销售有限公司。\n2026年2月9日，车主刘某在楼道内为从当事人处购买的电动自行车充电时电池起火，刘某被烧伤，经鉴定其伤情为重伤一级。经查，该批电动自行车由当事人销售，经检验，电池组、充电器项目不符合强制性国家标准要求，货值金额5.2万元。",
			"生产、销售不符合安全标准的产品罪", true},
		{"guard: the harm denied", "案件移送函\n当事人：某某电动车销售有限公司。\n2026年2月9日，车主刘某在楼道内为从当事人处购买的电动自行车充电时电池起火，火被及时扑灭，未造成人员受伤。经查，该批电动自行车由当事人销售，经检验，电池组、充电器项目不符合强制性国家标准要求，货值金额5.2万元。",
			"", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, "2026-05-10")
			if got := res.Transfer.Risk == rules.RiskLikely; got != tt.likely || tt.likely && res.Transfer.Crime != tt.crime {
				t.Errorf("transfer %s %s, want likely %v %s", res.Transfer.Risk, res.Transfer.Crime, tt.likely, tt.crime)
			}
		})
	}
}
