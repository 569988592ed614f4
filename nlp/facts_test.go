package nlp

import (
	"strings"
	"testing"
	"unicode/utf8"
)

type wantAmount struct {
	text  string // exactly text[Start:End] in the original
	role  string
	value float64
	total bool
}

type wantQuantity struct {
	text  string
	unit  string
	value float64
	role  string
}

type wantDate struct {
	text, value, role string
}

// factsCases are officer-style sentences. amounts lists every amount in
// order (nil means none expected); quantities and dates are checked only
// when given; facts are checked key by key and absent keys must be missing.
var factsCases = []struct {
	name       string
	in         string
	amounts    []wantAmount
	quantities []wantQuantity
	dates      []wantDate
}{
	// Register lines and 立案审批表 write amounts in 万 without 元 (bareWan).
	{
		name:    "register line: 案值 in 万 without 元",
		in:      "城南烟酒商行涉嫌销售假冒注册商标的白酒 案值1.5万 已扣押",
		amounts: []wantAmount{{"1.5万", RoleGoodsValue, 15000, false}},
	},
	{
		name:    "register line: 违法所得 in 万 with 余, no 元",
		in:      "张某无证经营成品油 违法所得3万余，已没收",
		amounts: []wantAmount{{"3万余", RoleIllegalGains, 30000, false}},
	},
	{
		name:    "register line: goods value in Chinese 万 at the end",
		in:      "某母婴店销售过期奶粉 货值金额约两万",
		amounts: []wantAmount{{"两万", RoleGoodsValue, 20000, false}},
	},
	{
		name:    "register line: 万 with a unit is a quantity, not money",
		in:      "某砂场非法开采河砂2万吨 占地1.5万平方米",
		amounts: nil,
	},
	{
		name:    "register line: a bare 万 without a money role is not read",
		in:      "2025.3.4 某工地 扬尘 周边住户约1万，投诉多次",
		amounts: nil,
	},
	{
		name: "fares an unlicensed carrier took (read as 违法所得 in the totals, TestBaseTotals)",
		in:   "当事人未取得道路运输经营许可，为他人有偿运输砂石，共收取运费人民币12800元。",
		amounts: []wantAmount{
			{"12800元", RoleFares, 12800, false},
		},
	},
	{
		name: "fares written 车费收入",
		in:   "当事人驾驶私家车非法营运，车费收入共计3600元。",
		amounts: []wantAmount{
			{"3600元", RoleFares, 3600, true},
		},
	},
	{
		name: "food goods value and gains",
		in:   "当事人某某食品有限公司于2023年3月5日销售过期食品，货值金额共计8,000元，违法所得人民币3500元。",
		amounts: []wantAmount{
			{"8,000元", RoleGoodsValue, 8000, true},
			{"3500元", RoleIllegalGains, 3500, false},
		},
		dates: []wantDate{{"2023年3月5日", "2023-03-05", DateAct}},
	},
	{
		name:    "sole trader first violation corrected",
		in:      "执法人员于2023年4月1日检查发现，当事人张某，男，45岁，系个体工商户，销售金额1.2万元，系首次违法，已改正，未造成危害后果。",
		amounts: []wantAmount{{"1.2万元", RoleSalesAmount, 12000, false}},
		dates:   []wantDate{{"2023年4月1日", "2023-04-01", DateDiscovery}},
	},
	{
		name: "labour wages owed, fine, negations",
		in:   "拟处罚款五万元；当事人拖欠15名劳动者工资共计一万五千元，未配合调查，拒不改正。",
		amounts: []wantAmount{
			{"五万元", RoleFine, 50000, false},
			{"一万五千元", RoleWages, 15000, true},
		},
		quantities: []wantQuantity{{"15名", "名", 15, ""}},
	},
	{
		name:       "head count as a lower bound",
		in:         "该厂安排生产线员工三十余人每月加班均超过36小时，另有二十多名临时工。",
		quantities: []wantQuantity{{"三十余人", "人", 30, ""}, {"二十多名", "名", 20, ""}},
	},
	{
		name: "items and total",
		in:   "违法所得分别为1000元、2000元，共计3000元。",
		amounts: []wantAmount{
			{"1000元", RoleIllegalGains, 1000, false},
			{"2000元", RoleIllegalGains, 2000, false},
			{"3000元", RoleIllegalGains, 3000, true},
		},
	},
	{
		name: "items without total are summed",
		in:   "经查，当事人违法所得为1000元、2500元。",
		amounts: []wantAmount{
			{"1000元", RoleIllegalGains, 1000, false},
			{"2500元", RoleIllegalGains, 2500, false},
		},
	},
	{
		name: "drunk driving mg/100ml",
		in:   "驾驶人李某血液酒精含量为156mg/100ml，于2023.6.1被查获。",
		quantities: []wantQuantity{
			{"156mg/100ml", "毫克/100毫升", 156, "血液酒精含量"},
		},
		dates:   []wantDate{{"2023.6.1", "2023-06-01", DateDiscovery}},
		amounts: nil,
	},
	{
		name:       "drunk driving Chinese units",
		in:         "经检验，当事人血液中酒精含量为156毫克/100毫升。",
		quantities: []wantQuantity{{"156毫克/100毫升", "毫克/100毫升", 156, "血液酒精含量"}},
	},
	// issue 12, acc7circ: the unit written first or as 百毫升.
	{
		name:       "drunk driving, unit first in Chinese numerals",
		in:         "抽血送检，其血液中乙醇含量为每百毫升九十二毫克。",
		quantities: []wantQuantity{{"每百毫升九十二毫克", "毫克/100毫升", 92, "血液酒精含量"}},
	},
	{
		name:       "drunk driving, unit first in digits",
		in:         "检验结果：每100毫升血液含乙醇，每100ml 131.6mg。",
		quantities: []wantQuantity{{"每100ml 131.6mg", "毫克/100毫升", 131.6, "血液酒精含量"}},
	},
	{
		name:       "drunk driving, 毫克/百毫升",
		in:         "血样检出乙醇浓度为88.5毫克/百毫升。",
		quantities: []wantQuantity{{"88.5毫克/百毫升", "毫克/100毫升", 88.5, "血液酒精含量"}},
	},
	{
		name: "environment continuing act, exceed times, deaths",
		in:   "当事人自2022-01-01起至2022-12-31止排放废水，超标2.3倍，造成死亡2人、重伤1人，情节严重。",
		quantities: []wantQuantity{
			{"2.3倍", "倍", 2.3, "超标"},
			{"2人", "人", 2, "死亡"},
			{"1人", "人", 1, "重伤"},
		},
		dates: []wantDate{
			{"2022-01-01", "2022-01-01", DateAct},
			{"2022-12-31", "2022-12-31", DateActEnd},
		},
	},
	{
		name:    "tax full-width digits and prior penalties",
		in:      "当事人少缴税款１２０００元，两年内第三次违法，曾因同类违法行为受到行政处罚。",
		amounts: []wantAmount{{"１２０００元", RoleTax, 12000, false}},
	},
	{
		name: "minor coerced confessed",
		in:   "当事人王某未满十四周岁，受他人胁迫，主动供述，如实陈述，主动消除或者减轻违法行为危害后果。",
	},
	{
		name: "decision date, zero-width characters inside and after amount",
		in:   "2023年6月1日，本局作出行政处罚决定。直接经济损失12.5万元，广告费用8\u200b000元\u200b。并非首次。",
		amounts: []wantAmount{
			{"12.5万元", RoleDirectLoss, 125000, false},
			{"8\u200b000元", RoleAdCost, 8000, false},
		},
		dates: []wantDate{{"2023年6月1日", "2023-06-01", DateDecision}},
	},
	{
		name:    "illegal revenue Chinese numerals",
		in:      "当事人未取得许可从事经营活动，违法经营额为二十三万元。",
		amounts: []wantAmount{{"二十三万元", RoleIllegalRevenue, 230000, false}},
	},
	{
		name:    "amount without role",
		in:      "当事人支付了3000元押金。",
		amounts: []wantAmount{{"3000元", "", 3000, false}},
	},
	{
		name: "fine and confiscation in one sentence",
		in:   "决定没收违法所得2,400元，并处罚款1万元。",
		amounts: []wantAmount{
			{"2,400元", RoleIllegalGains, 2400, false},
			{"1万元", RoleFine, 10000, false},
		},
	},
	{
		name:       "quantities weight and area",
		in:         "当事人非法占用耕地3.5亩，堆放固体废物12吨，查扣猪肉200公斤、牛肉50千克。",
		quantities: []wantQuantity{{"3.5亩", "亩", 3.5, ""}, {"12吨", "吨", 12, ""}, {"200公斤", "公斤", 200, ""}, {"50千克", "千克", 50, ""}},
	},
	{
		name:       "vehicles and days",
		in:         "当事人使用货车3辆超限运输，持续15天，其中2个月未办理手续。",
		quantities: []wantQuantity{{"3辆", "辆", 3, ""}, {"15天", "天", 15, ""}, {"2个月", "个月", 2, ""}},
	},
	{
		name:       "ordinal and deadline are not quantities",
		in:         "责令当事人于十日内改正，这是第二次检查。",
		quantities: []wantQuantity{},
	},
	{
		name:    "big units 亿元",
		in:      "涉案货值金额达1.5亿元。",
		amounts: []wantAmount{{"1.5亿元", RoleGoodsValue, 1.5e8, false}},
	},
	{
		name:    "capital Chinese numerals",
		in:      "违法所得人民币壹万贰仟元。",
		amounts: []wantAmount{{"壹万贰仟元", RoleIllegalGains, 12000, false}},
	},
	{
		name:    "vague sizes are not amounts",
		in:      "当事人获利数万元，涉及上千人。",
		amounts: nil,
	},
	{
		name: "work safety poisoning and loss",
		in:   "2023年8月3日，当事人单位发生有限空间作业事故，造成中毒3人，直接经济损失人民币86万元。",
		amounts: []wantAmount{
			{"86万元", RoleDirectLoss, 860000, false},
		},
		quantities: []wantQuantity{{"3人", "人", 3, "中毒"}},
	},
	{
		name:  "report date is discovery",
		in:    "本局于2023年9月12日接到举报，反映当事人销售假冒化肥。",
		dates: []wantDate{{"2023年9月12日", "2023-09-12", DateDiscovery}},
	},
	{
		name:  "act date after inspection phrase",
		in:    "执法人员检查发现当事人于2023年2月1日销售不合格电动车头盔。",
		dates: []wantDate{{"2023年2月1日", "2023-02-01", DateAct}},
	},
	{
		name:  "Chinese numeral date",
		in:    "当事人于二〇二三年五月十日起生产无标签食品。",
		dates: []wantDate{{"二〇二三年五月十日", "2023-05-10", DateAct}},
	},
	{
		name:  "invalid date ignored",
		in:    "当事人于2023年2月30日销售。",
		dates: []wantDate{},
	},
	{
		name: "harm slight corrected timely",
		in:   "当事人及时改正，危害后果轻微，且为初次违法。",
	},
	{
		name: "not timely corrected",
		in:   "当事人未及时改正，不如实陈述。",
	},
	{
		name: "refused to cooperate",
		in:   "当事人拒绝配合调查，逾期未改正。",
	},
	{
		name: "not first",
		in:   "当事人不是首次违法，二年内再次实施同一违法行为。",
	},
	{
		name: "age between bounds",
		in:   "当事人刘某已满十六周岁不满十八周岁。",
	},
	{
		name: "age label",
		in:   "当事人陈某某（男，年龄：17）在网吧滋事。",
	},
	{
		name: "factory party is unit",
		in:   "当事人某某化工厂未批先建，项目超标排放。",
	},
	{
		name:    "labour remuneration",
		in:      "当事人拖欠8名农民工劳动报酬合计人民币96,500元。",
		amounts: []wantAmount{{"96,500元", RoleWages, 96500, true}},
	},
	{
		name:    "advertising cost false ad",
		in:      "当事人发布虚假广告，广告费用为4,800元。",
		amounts: []wantAmount{{"4,800元", RoleAdCost, 4800, false}},
	},
	{
		name:    "decimal Chinese ten-thousands",
		in:      "销售额十二点五万元。",
		amounts: []wantAmount{{"十二点五万元", RoleSalesAmount, 125000, false}},
	},
	{
		name:    "full-width comma-free with ideographic space",
		in:      "货值金额　６，０００元",
		amounts: []wantAmount{{"６，０００元", RoleGoodsValue, 6000, false}},
	},
	{
		name:    "role does not cross sentence end",
		in:      "违法所得已没收。另查明押金500元。",
		amounts: []wantAmount{{"500元", "", 500, false}},
	},
	{
		name:  "denied seriousness",
		in:    "经集体讨论，当事人的行为不属于情节严重，2023年7月8号立案。",
		dates: []wantDate{{"2023年7月8号", "2023-07-08", DateDiscovery}},
	},
	{
		name:    "zero-width before amount, NUL inside",
		in:      "罚款\u200b五\x00万元，累计违法所得\ufeff７５０元",
		amounts: []wantAmount{{"五\x00万元", RoleFine, 50000, false}, {"７５０元", RoleIllegalGains, 750, true}},
	},
	{
		name: "age with 年龄 and 岁",
		in:   "当事人赵某，女，年龄为32岁，经营者系其本人。",
	},
	{
		name: "no serious when not mentioned",
		in:   "当事人在禁止区域吸烟，情节轻微，没有造成危害后果。",
	},
}

func TestExtract(t *testing.T) {
	for _, tc := range factsCases {
		t.Run(tc.name, func(t *testing.T) {
			x := Extract(tc.in)
			checkSpans(t, tc.in, x)
			if len(x.Amounts) != len(tc.amounts) {
				t.Fatalf("amounts = %+v; want %d", x.Amounts, len(tc.amounts))
			}
			for i, w := range tc.amounts {
				a := x.Amounts[i]
				got := tc.in[a.Start:a.End]
				if got != w.text || a.Role != w.role || a.Value != w.value || a.Total != w.total {
					t.Errorf("amount %d = {%q %q %v total=%v}; want %+v", i, got, a.Role, a.Value, a.Total, w)
				}
			}
			if tc.quantities != nil {
				if len(x.Quantities) != len(tc.quantities) {
					t.Fatalf("quantities = %+v; want %d", x.Quantities, len(tc.quantities))
				}
				for i, w := range tc.quantities {
					q := x.Quantities[i]
					got := tc.in[q.Start:q.End]
					if got != w.text || q.Unit != w.unit || q.Value != w.value || q.Role != w.role {
						t.Errorf("quantity %d = {%q %q %v %q}; want %+v", i, got, q.Unit, q.Value, q.Role, w)
					}
				}
			}
			if tc.dates != nil {
				if len(x.Dates) != len(tc.dates) {
					t.Fatalf("dates = %+v; want %d", x.Dates, len(tc.dates))
				}
				for i, w := range tc.dates {
					d := x.Dates[i]
					got := tc.in[d.Start:d.End]
					if got != w.text || d.Value != w.value || d.Role != w.role {
						t.Errorf("date %d = {%q %q %q}; want %+v", i, got, d.Value, d.Role, w)
					}
				}
			}
		})
	}
}

// checkSpans asserts the invariants the fuzzer also checks.
func checkSpans(t *testing.T, text string, x Extraction) {
	t.Helper()
	bound := runeBoundaries(text)
	ok := func(what string, a, b int) {
		if a < 0 || b < a || b > len(text) {
			t.Fatalf("%s span [%d,%d) out of bounds for len %d", what, a, b, len(text))
		}
		if !bound[a] || !bound[b] {
			t.Fatalf("%s span [%d,%d) not on rune boundaries in %q", what, a, b, text)
		}
	}
	for _, a := range x.Amounts {
		ok("amount", a.Start, a.End)
	}
	for _, q := range x.Quantities {
		ok("quantity", q.Start, q.End)
	}
	for _, d := range x.Dates {
		ok("date", d.Start, d.End)
	}
	for _, c := range x.Circumstances {
		ok("circumstance "+c.Name, c.Start, c.End)
	}
	ok("party", x.PartyStart, x.PartyEnd)
	ok("age", x.AgeStart, x.AgeEnd)
}

// runeBoundaries marks the offsets where decoding text rune by rune stops,
// including 0 and len(text). For valid UTF-8 these are the rune starts; an
// invalid byte counts as a one-byte rune, as utf8.DecodeRuneInString reads it.
func runeBoundaries(text string) []bool {
	b := make([]bool, len(text)+1)
	for i := 0; i < len(text); {
		b[i] = true
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	b[len(text)] = true
	return b
}

func TestExtractHostile(t *testing.T) {
	inputs := []string{
		"",
		"\x00\x00罚款\x00五万元",
		"\xff\xfe货值金额\xff8000元\xff",
		strings.Repeat("罚款1元，", 50000),
		strings.Repeat("首次", 100000),
		strings.Repeat("9", 100000) + "元",
		strings.Repeat("万", 10000) + "元",
		"2023年13月40日 9999-99-99",
		"已满" + strings.Repeat("一", 50) + "周岁",
	}
	for _, in := range inputs {
		x := Extract(in)
		checkSpans(t, in, x)
	}
}
