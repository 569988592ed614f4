package rules

import (
	"encoding/json"
	"reflect"
	"testing"
)

// extractCases are officer-style sentences (the ones nlp's extraction test
// reads) with the engine facts they state, by JSON name; absent names must
// be missing.
var extractCases = []struct {
	name   string
	in     string
	facts  map[string]any
	absent []string
}{
	{
		name:  "food goods value and gains",
		in:    "当事人某某食品有限公司于2023年3月5日销售过期食品，货值金额共计8,000元，违法所得人民币3500元。",
		facts: map[string]any{"goods_value": 8000.0, "illegal_gains": 3500.0, "party_kind": "单位", "act_date": "2023-03-05"},
	},
	{
		name: "sole trader first violation corrected",
		in:   "执法人员于2023年4月1日检查发现，当事人张某，男，45岁，系个体工商户，销售金额1.2万元，系首次违法，已改正，未造成危害后果。",
		facts: map[string]any{"sales_amount": 12000.0, "party_kind": "个体工商户", "age": 45.0, "first_violation": true,
			"corrected_in_time": true, "no_harm": true, "discovery_date": "2023-04-01"},
	},
	{
		name:   "labour wages owed, fine, negations",
		in:     "拟处罚款五万元；当事人拖欠15名劳动者工资共计一万五千元，未配合调查，拒不改正。",
		facts:  map[string]any{"wages_owed": 15000.0, "persons": 15.0},
		absent: []string{"cooperated", "corrected_in_time"},
	},
	{
		name:  "goods sold and goods held",
		in:    "确认该经营部自2024年10月起以陈米冒充新米，已销售金额四万三千元，库存待售部分货值八千元。",
		facts: map[string]any{"goods_value": 51000.0, "sales_amount": 43000.0},
	},
	{
		name:  "goods value of everything, sales apart",
		in:    "当事人销售假冒白酒，货值金额共计9万元，其中已销售金额三万元。",
		facts: map[string]any{"goods_value": 90000.0, "sales_amount": 30000.0},
	},
	// Sixteenth round (issue 12, acc16transfer): a 货值金额 whose phrase
	// names it the whole (共计, 合计, 上述) after a held count is the value of
	// all the goods, sold ones included; the sales are not added to it.
	{
		name:  "goods held counted, then the whole valued 共计",
		in:    "已销售325卷，销售金额52000元，库存85卷，涉案产品货值金额共计65600元。",
		facts: map[string]any{"goods_value": 65600.0, "sales_amount": 52000.0},
	},
	{
		name:  "goods left counted, then the whole valued 合计",
		in:    "已销售2240盒，销售金额56000元，剩余360盒，该药品货值金额合计65000元。",
		facts: map[string]any{"goods_value": 65000.0, "sales_amount": 56000.0},
	},
	{
		name:  "goods held counted, then the whole valued 上述",
		in:    "已售出40台，销售金额三万元，库存10台，上述产品货值金额三万七千五百元。",
		facts: map[string]any{"goods_value": 37500.0, "sales_amount": 30000.0},
	},
	// Fifth accuracy round (issue 12): officers' phrasings of the counts,
	// bases, dates and circumstances of 治安 and labour cases.
	{
		name:  "child workers named only by an age under sixteen",
		in:    "经查，某某箱包厂招用三名15岁少年在车间做工，已干了4个月。",
		facts: map[string]any{"quantity": 12.0, "persons": 3.0},
	},
	{
		name:  "the mother who complained is not counted",
		in:    "一名母亲投诉：某某烧烤店招用两名十四岁学生做服务员，已干了三个月。",
		facts: map[string]any{"quantity": 6.0, "persons": 2.0},
	},
	{
		name:  "citizens who reported are not counted",
		in:    "三名市民来电反映，某某物流公司拖欠搬运工工资，经查共拖欠8名工人工资4万元。",
		facts: map[string]any{"persons": 8.0},
	},
	{
		name:  "workers who complained are counted",
		in:    "五名工人投诉某某建筑公司拖欠工资共计五万元。",
		facts: map[string]any{"persons": 5.0},
	},
	{
		name:  "child workers named by an age word",
		in:    "某某奶茶店招用两名十三岁学生当店员，均已工作两个月。",
		facts: map[string]any{"quantity": 4.0, "persons": 2.0},
	},
	{
		name:   "a victim forced to pay is no coercion of the party",
		in:     "商贩强行将手串卖给游客，游客被迫付款二百元后离开。",
		facts:  map[string]any{},
		absent: []string{"coerced"},
	},
	{
		name:  "a head count with 个",
		in:    "他们五个人入职时每人被收取押金三百元，至今未退。",
		facts: map[string]any{"persons": 5.0},
	},
	{
		name:  "understated wages with the workforce between",
		in:    "当事人申报社会保险缴费基数时少报职工工资总额共计三十万元。",
		facts: map[string]any{"wages_underreported": 300000.0},
	},
	{
		name:  "discovery written as 核查时查明",
		in:    "派出所于2025年8月10日核查时查明：2025年1月3日，周某在超市盗窃香烟两条。",
		facts: map[string]any{"discovery_date": "2025-08-10", "act_date": "2025-01-03"},
	},
	{
		name:   "going unnoticed is no continuing act",
		in:     "经查，周某于2025年1月3日在超市盗窃香烟两条，此后一直未被发现，直到2025年8月10日民警排查监控时查明。",
		facts:  map[string]any{"act_date": "2025-01-03", "discovery_date": "2025-08-10"},
		absent: []string{"continuing", "act_end_date"},
	},
	{
		name:   "a business forced to stop is the act's result, not the party's coercion",
		in:     "刘某在营业厅内大吵大闹，致营业厅被迫暂停营业半小时。",
		facts:  map[string]any{},
		absent: []string{"coerced"},
	},
	{
		name:  "area in square metres over 亩",
		in:    "非法占用集体土地3亩（2000平方米）建设仓库。",
		facts: map[string]any{"quantity": 2000.0},
	},
	{
		name:  "price overcharge is the gain",
		in:    "经查共涉及11名顾客，多收价款合计陆仟叁佰玖拾壹元。",
		facts: map[string]any{"illegal_gains": 6391.0, "persons": 11.0},
	},
	{
		name:  "fine bases",
		in:    "该项目总投资额为4500万元；违法建筑工程造价32万元；所需处置费用为12万元。",
		facts: map[string]any{"total_investment": 45000000.0, "project_cost": 320000.0, "disposal_cost": 120000.0},
	},
	{
		name:  "a tobacco retailer's purchases outside the local wholesaler",
		in:    "当事人持有烟草专卖零售许可证，从外地个人处购进卷烟，进货总额12000元。",
		facts: map[string]any{"purchase_amount": 12000.0},
	},
	{
		name:  "items and total",
		in:    "违法所得分别为1000元、2000元，共计3000元。",
		facts: map[string]any{"illegal_gains": 3000.0},
	},
	{
		name:  "items without total are summed",
		in:    "经查，当事人违法所得为1000元、2500元。",
		facts: map[string]any{"illegal_gains": 3500.0},
	},
	{
		name:   "environment continuing act, exceed times, deaths",
		in:     "当事人自2022-01-01起至2022-12-31止排放废水，超标2.3倍，造成死亡2人、重伤1人，情节严重。",
		facts:  map[string]any{"act_date": "2022-01-01", "act_end_date": "2022-12-31", "serious": true, "harmful_consequence": true},
		absent: []string{"persons", "no_harm"},
	},
	{
		name:   "tax full-width digits and prior penalties",
		in:     "当事人少缴税款１２０００元，两年内第三次违法，曾因同类违法行为受到行政处罚。",
		facts:  map[string]any{"tax_evaded": 12000.0, "prior_penalties_2y": 2.0},
		absent: []string{"first_violation"},
	},
	{
		name:  "minor coerced confessed",
		in:    "当事人王某未满十四周岁，受他人胁迫，主动供述，如实陈述，主动消除或者减轻违法行为危害后果。",
		facts: map[string]any{"age": 13.0, "party_kind": "个人", "coerced": true, "confessed": true, "cooperated": true, "self_removed_harm": true},
	},
	{
		name:   "decision date, zero-width characters inside and after amount",
		in:     "2023年6月1日，本局作出行政处罚决定。直接经济损失12.5万元，广告费用8\u200b000元\u200b。并非首次。",
		facts:  map[string]any{"ad_cost": 8000.0},
		absent: []string{"first_violation", "act_date", "discovery_date"},
	},
	{
		name:  "illegal revenue Chinese numerals",
		in:    "当事人未取得许可从事经营活动，违法经营额为二十三万元。",
		facts: map[string]any{"illegal_revenue": 230000.0},
	},
	{
		name:   "amount without role",
		in:     "当事人支付了3000元押金。",
		absent: []string{"goods_value", "illegal_gains"},
	},
	{
		name:  "fine and confiscation in one sentence",
		in:    "决定没收违法所得2,400元，并处罚款1万元。",
		facts: map[string]any{"illegal_gains": 2400.0},
	},
	{
		name:   "quantities weight and area",
		in:     "当事人非法占用耕地3.5亩，堆放固体废物12吨，查扣猪肉200公斤、牛肉50千克。",
		absent: []string{"quantity"}, // no per-unit fine counts tonnes; 3.5亩 is no whole 平方米
	},
	{
		name:  "area in 亩 as square metres",
		in:    "当事人未经批准占用集体土地6亩建设厂房。",
		facts: map[string]any{"quantity": 4000.0},
	},
	{
		name:  "child labour in 人·月",
		in:    "当事人招用两名不满十六周岁的未成年人从事玩具组装工作，每人使用四个月。",
		facts: map[string]any{"quantity": 8.0, "persons": 2.0},
	},
	{
		name:  "vehicles and days",
		in:    "当事人使用货车3辆超限运输，持续15天，其中2个月未办理手续。",
		facts: map[string]any{"vehicles": 3.0, "days": 15.0},
	},
	{
		name:   "ordinal and deadline are not quantities",
		in:     "责令当事人于十日内改正，这是第二次检查。",
		absent: []string{"days", "corrected_in_time"},
	},
	{
		name:   "vague sizes are not amounts",
		in:     "当事人获利数万元，涉及上千人。",
		absent: []string{"illegal_gains", "persons"},
	},
	{
		name:  "work safety poisoning and loss",
		in:    "2023年8月3日，当事人单位发生有限空间作业事故，造成中毒3人，直接经济损失人民币86万元。",
		facts: map[string]any{"harmful_consequence": true, "party_kind": "单位"},
	},
	{
		name:   "report date is discovery",
		in:     "本局于2023年9月12日接到举报，反映当事人销售假冒化肥。",
		facts:  map[string]any{"discovery_date": "2023-09-12"},
		absent: []string{"act_date"},
	},
	{
		name:   "harm slight corrected timely",
		in:     "当事人及时改正，危害后果轻微，且为初次违法。",
		facts:  map[string]any{"corrected_in_time": true, "harm_slight": true, "first_violation": true},
		absent: []string{"no_harm", "serious"},
	},
	{
		name:   "not timely corrected",
		in:     "当事人未及时改正，不如实陈述。",
		absent: []string{"corrected_in_time", "cooperated"},
	},
	{
		name:   "refused to cooperate",
		in:     "当事人拒绝配合调查，逾期未改正。",
		absent: []string{"cooperated", "corrected_in_time"},
	},
	{
		name:   "not first",
		in:     "当事人不是首次违法，二年内再次实施同一违法行为。",
		facts:  map[string]any{"prior_penalties_2y": 1.0},
		absent: []string{"first_violation"},
	},
	{
		name:  "age between bounds",
		in:    "当事人刘某已满十六周岁不满十八周岁。",
		facts: map[string]any{"age": 16.0, "party_kind": "个人"},
	},
	{
		name:  "age label",
		in:    "当事人陈某某（男，年龄：17）在网吧滋事。",
		facts: map[string]any{"age": 17.0, "party_kind": "个人"},
	},
	{
		name:   "factory party is unit",
		in:     "当事人某某化工厂未批先建，项目超标排放。",
		facts:  map[string]any{"party_kind": "单位"},
		absent: []string{"age"},
	},
	{
		name:  "labour remuneration",
		in:    "当事人拖欠8名农民工劳动报酬合计人民币96,500元。",
		facts: map[string]any{"wages_owed": 96500.0, "persons": 8.0},
	},
	{
		name:  "advertising cost false ad",
		in:    "当事人发布虚假广告，广告费用为4,800元。",
		facts: map[string]any{"ad_cost": 4800.0},
	},
	{
		name:   "denied seriousness",
		in:     "经集体讨论，当事人的行为不属于情节严重，2023年7月8号立案。",
		absent: []string{"serious"},
	},
	{
		name:  "zero-width before amount, NUL inside",
		in:    "罚款\u200b五\x00万元，累计违法所得\ufeff７５０元",
		facts: map[string]any{"illegal_gains": 750.0},
	},
	{
		name:  "age with 年龄 and 岁",
		in:    "当事人赵某，女，年龄为32岁，经营者系其本人。",
		facts: map[string]any{"age": 32.0, "party_kind": "个人"},
	},
	{
		name:   "no serious when not mentioned",
		in:     "当事人在禁止区域吸烟，情节轻微，没有造成危害后果。",
		facts:  map[string]any{"no_harm": true},
		absent: []string{"serious"},
	},
}

// TestExtractFacts reads the typed facts back as JSON, the form officers
// see and /v1/suggest takes, and checks them name by name.
func TestExtractFacts(t *testing.T) {
	for _, tc := range extractCases {
		t.Run(tc.name, func(t *testing.T) {
			ex := ExtractFacts(tc.in)
			raw, err := json.Marshal(ex.Facts)
			if err != nil {
				t.Fatal(err)
			}
			var f map[string]any
			if err := json.Unmarshal(raw, &f); err != nil {
				t.Fatal(err)
			}
			for k, v := range tc.facts {
				if !reflect.DeepEqual(f[k], v) {
					t.Errorf("facts[%q] = %#v; want %#v (all: %v)", k, f[k], v, f)
				}
			}
			for _, k := range tc.absent {
				if v, ok := f[k]; ok {
					t.Errorf("facts[%q] = %#v; want absent", k, v)
				}
			}
			// Every fact set has a span in the text, and every span names
			// a fact that is set.
			spanned := map[string]bool{}
			for _, s := range ex.Spans {
				if s.Start < 0 || s.End < s.Start || s.End > len(tc.in) {
					t.Fatalf("span %+v out of bounds", s)
				}
				if _, ok := f[s.Field]; !ok {
					t.Errorf("span %+v (%q) for a fact that is not set", s, tc.in[s.Start:s.End])
				}
				spanned[s.Field] = true
			}
			for k := range f {
				if !spanned[k] {
					t.Errorf("fact %q has no span", k)
				}
			}
			// The JSON round trip the API takes gives the same facts.
			back, err := DecodeFacts(raw)
			if err != nil || !reflect.DeepEqual(back, ex.Facts) {
				t.Errorf("DecodeFacts(%s) = %+v, %v; want %+v", raw, back, err, ex.Facts)
			}
		})
	}
}

// onlyKey marshals f and returns its one JSON key.
func onlyKey(t *testing.T, f Facts) string {
	t.Helper()
	raw, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	if len(m) != 1 {
		t.Fatalf("facts %s set %d fields; want 1", raw, len(m))
	}
	for k := range m {
		return k
	}
	return ""
}

// TestRoleTable checks the one role table: every money role names a known
// measure, and a role with a Facts field names the field whose JSON name is
// that measure (the field itself is checked by the compiler).
func TestRoleTable(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range moneyRoles {
		if seen[r.role] {
			t.Errorf("role %s listed twice", r.role)
		}
		seen[r.role] = true
		if _, ok := MeasureLabel(r.measure); !ok {
			t.Errorf("role %s: measure %q unknown", r.role, r.measure)
		}
		if got, ok := MeasureOfRole(r.role); !ok || got != r.measure {
			t.Errorf("MeasureOfRole(%s) = %q, %v; want %q", r.role, got, ok, r.measure)
		}
		if r.field == nil {
			continue
		}
		var f Facts
		v := 1.0
		*r.field(&f) = &v
		if got := onlyKey(t, f); got != r.measure {
			t.Errorf("role %s sets facts.%s; want facts.%s", r.role, got, r.measure)
		}
	}
	for _, r := range baseRoles {
		if seen[r.role] {
			t.Errorf("role %s listed twice", r.role)
		}
		seen[r.role] = true
		if _, ok := MeasureOfRole(r.role); ok {
			t.Errorf("base role %s is also a transfer measure", r.role)
		}
		var f Facts
		v := 1.0
		*r.field(&f) = &v
		if got := onlyKey(t, f); got != r.name {
			t.Errorf("role %s sets facts.%s; want facts.%s", r.role, got, r.name)
		}
	}
	if _, ok := MeasureOfRole("罚款"); ok {
		t.Error("MeasureOfRole(罚款) found a measure; a fine is not a threshold measure")
	}
	for _, c := range circumstanceFields {
		var f Facts
		*c.field(&f) = true
		if got := onlyKey(t, f); got != c.name {
			t.Errorf("circumstance %s sets facts.%s", c.name, got)
		}
	}
}

// TestOneNamedWorker counts one person where the facts name a single worker
// and give no head count (issue 12, acc6police), and none where they speak
// of several or give the count.
func TestOneNamedWorker(t *testing.T) {
	tests := []struct {
		text string
		want float64 // 0: no count
	}{
		{"职工吕某辞职后，公司扣押其身份证原件和学历证书，拒不返还。", 1},
		{"纺织厂女职工向监察大队反映：她怀孕八个月了，车间仍安排她上夜班。", 1},
		{"公司招用员工时向女工林某、女工林某收取押金五百元。", 1},
		{"员工赵某、员工钱某入职时各交押金三百元。", 0},
		{"公司向新入职的员工收取押金，员工们均已缴纳。", 0},
		{"公司向员工方某等人收取押金。", 0},
		{"公司向员工方某等12名员工收取押金。", 12},
		{"保洁员向劳动监察投诉：他已连续工作三个月未休息。", 1},
		// 其他, 他人 and 他们 are not the complainant speaking of himself.
		{"职工向监察大队反映：公司拖欠其他员工工资。", 0},
		{"工人投诉：公司将工资卡交由他人保管。", 0},
		{"店员反映：他们每天工作十二小时。", 0},
		// A parent complaining of one child's work.
		{"一位父亲向监察大队反映：我女儿十六岁半，在某某电子厂流水线上夜班。", 1},
		{"学生家长投诉：她的儿子在某某化工厂搬运原料桶，从未体检。", 1},
		{"家长们投诉：孩子们暑假在某某厂做工。", 0},
		// The complainant in the first person (acc11police).
		{"劳动者投诉：我辞职三个月了，公司还扣着我的毕业证不给。", 1},
		{"职工反映：我们车间每天干到晚上十点。", 0},
		// A worker named by a trade ending in 工 (acc11police).
		{"排班表显示，车间安排已怀孕七个半月的缝纫工郑某连续上夜班。", 1},
		{"检查发现，饭店让哺乳期未满一年的洗碗工孙某每晚加班到十二点。", 1},
		{"电焊工钱某、电焊工孙某均未安排体检。", 0},
		{"在某某工地某某项目部检查时，发现夜班安排不符合规定。", 0},
		{"家长投诉：某某饭店雇用学生洗碗。", 0},
	}
	for _, tt := range tests {
		got := ExtractFacts(tt.text).Facts.Persons
		switch {
		case tt.want == 0 && got != nil:
			t.Errorf("%s: persons %v, want none", tt.text, *got)
		case tt.want > 0 && (got == nil || *got != tt.want):
			t.Errorf("%s: persons %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestOneNamedChildMonths reads child labour's 人·月 for a child worker named
// alone with the months used (acc11police): the named worker counts before
// the months are multiplied.
func TestOneNamedChildMonths(t *testing.T) {
	tests := []struct {
		text string
		want float64
	}{
		{"考勤记录显示，学徒王某某系2011年3月出生，未满十六周岁，该店使用其三个月。", 3},
		{"社保缴费记录中无员工赵某，其为不满十六周岁的童工，在厂内做工4个月。", 4},
	}
	for _, tt := range tests {
		got := ExtractFacts(tt.text).Facts.Quantity
		if got == nil || *got != tt.want {
			t.Errorf("%s: quantity %v, want %v", tt.text, got, tt.want)
		}
	}
}
