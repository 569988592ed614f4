package rules

import (
	"testing"
	"testing/fstest"

	"github.com/cailiang/cailiang/legal"
)

// TestDispositionFromText runs officer-written texts through ExtractFacts and
// the engine: 不予处罚 under 第三十、三十一、三十三条, the mandatory lighter
// penalties of 第三十、三十二条, and the limitation of 第三十六条 and 治安管理处罚法
// 第二十二条, each with the article in the reasoning; negated phrasings must
// not count.
func TestDispositionFromText(t *testing.T) {
	c := mustCatalog(t)
	tests := []struct {
		name string
		id   string
		text string
		disp legal.Disposition
		law  string
		art  int // 0: no article checked
	}{
		{"under 14 from a birth date", "police-49-theft",
			"2025年3月2日15时许，王某（男，2012年5月出生）在某超市盗窃巧克力两盒，价值86元。", legal.DispositionNone, cfl, 30},
		{"14 to 18 from an identity card", "police-49-theft",
			"张某，身份证号码110101200805120034。2024年6月1日14时许，张某在超市盗窃商品，价值300元。", legal.DispositionLighterOrMitigated, cfl, 30},
		{"adult from a birth date", "police-49-theft",
			"李某，出生于1990年3月12日。2025年3月11日，李某在超市盗窃商品，价值300元。", legal.DispositionPenalty, "", 0},
		{"unable to control", "police-43-assault",
			"2025年4月1日，赵某在街头殴打路人。经鉴定，赵某系精神病人，行为时不能辨认或者不能控制自己行为。", legal.DispositionNone, cfl, 31},
		{"partial capacity", "police-43-assault",
			"2025年4月1日，赵某在街头殴打路人。经鉴定，赵某尚未完全丧失辨认或者控制自己行为的能力。", legal.DispositionLighterOrMitigated, cfl, 31},
		{"首违不罚 as officers write it", "food-124-expired",
			"2025年3月12日检查发现当事人销售超过保质期的饼干2袋，货值金额30元。当事人此前无违法记录，已当场下架，未造成后果。", legal.DispositionNone, cfl, 33},
		{"首违 but not corrected", "food-124-expired",
			"2025年3月12日检查发现当事人销售超过保质期的饼干2袋，货值金额30元。当事人此前无违法记录，未造成后果，但拒不整改。", legal.DispositionLighter, "", 0},
		{"首违 denied", "food-124-expired",
			"2025年3月12日检查发现当事人销售超过保质期的饼干2袋，货值金额30元。当事人并非首次违法，已当场下架，未造成后果。", legal.DispositionPenalty, "", 0},
		{"minor, corrected, no harm", "food-124-expired",
			"当事人销售超过保质期的饼干1袋，货值金额5元，违法行为轻微并及时改正，没有造成危害后果。", legal.DispositionNone, cfl, 33},
		{"no fault proved", "food-124-expired",
			"当事人销售超过保质期的饼干，货值金额50元。当事人提供的证据足以证明其没有主观过错。", legal.DispositionNone, cfl, 33},
		{"decision quoting the penalty article then declining", "food-124-expired",
			"当事人销售超过保质期的食品，货值金额120元。依据《中华人民共和国食品安全法》第一百二十四条第一款第五项，本局决定不予行政处罚。", legal.DispositionNone, cfl, 33},
		{"self removed harm", "waste-112-hw-storage",
			"2025年5月6日检查发现当事人将废矿物油0.2吨露天堆放，检查前当事人已自行清运处置。", legal.DispositionLighterOrMitigated, cfl, 32},
		{"refunds made of its own accord", "food-124-expired",
			"2025年4月2日，当事人网店销售超过保质期的饼干，货值八百元。立案前当事人已主动联系全部顾客退货退款。", legal.DispositionLighterOrMitigated, cfl, 32},
		{"recalled what it had sold", "prod-52-expired",
			"当事人销售已变质的防冻液，货值一千二百元。检查后当事人主动通知购买者，将已售出的防冻液全部收回。", legal.DispositionLighterOrMitigated, cfl, 32},
		{"首违不罚 in a register line (fields apart, 影响范围小)", "price-13-marking",
			"2024年10月 某某大药房 柜台内部分非处方药品未标示价格 三年内首次被查处 影响范围小 当场整改完毕", legal.DispositionNone, cfl, 33},
		{"首违 without a word on the harm is no 首违不罚", "transport-69-vehicle-maintenance",
			"2025年8月19日检查发现当事人两辆货车未按规定进行年度检测。该公司此前无违法记录，检查后三日内完成了检测。", legal.DispositionLighter, "", 0},
		{"加付赔偿金 is an order, not a penalty, whatever the circumstances", "labour-26-compensation",
			"当事人系初次违法，拖欠12名员工工资共计36000元，经责令限期支付，逾期仍不支付，未造成其他后果。", legal.DispositionOrder, "", 0},
		{"coerced", "police-49-theft",
			"2025年5月6日，刘某受他人胁迫在超市盗窃商品，价值200元。", legal.DispositionLighterOrMitigated, cfl, 32},
		{"expired after two years", "food-124-expired",
			"当事人于2021年3月5日销售超过保质期的食品，货值金额300元，2024年4月2日执法人员检查发现。", legal.DispositionExpired, cfl, 36},
		{"yearless act before the inspection date", "plan-64-no-permit-correctable",
			"当事人于11月3日未经许可擅自搭建彩钢棚，2024年1月5日执法人员检查发现。", legal.DispositionPenalty, "", 0},
		{"continuing building is not time-barred", "plan-64-no-permit-correctable",
			"当事人于2019年5月未取得建设工程规划许可证擅自建设厂房，至今未拆除。2024年6月3日执法人员检查发现。", legal.DispositionPenalty, cfl, 36},
		{"five years: food poisoning", "food-124-expired",
			"当事人于2020年6月1日销售超过保质期的食品，货值金额3000元，造成5人食物中毒。2023年9月1日执法人员立案调查发现。", legal.DispositionPenalty, cfl, 36},
		{"five years: a child harmed by an unsafe toy", "prod-49-unsafe-standard",
			"2021年3月，某玩具厂生产的儿童玩具不符合强制性国家标准，货值金额2万元。2021年5月，一名儿童误吞脱落零件后送医。2024年8月1日执法人员接到举报后立案调查。", legal.DispositionPenalty, cfl, 36},
		{"two years without harm", "prod-49-unsafe-standard",
			"2021年3月，某玩具厂生产的儿童玩具不符合强制性国家标准，货值金额2万元。2024年8月1日执法人员接到举报后立案调查。", legal.DispositionExpired, cfl, 36},
		// Decided today, after 2026-01-01: the 2025 第五十八条 may fine instead
		// of detaining and is the lighter (第三十七条), so its 第二十五条 states
		// the six months (2012 第二十二条 before acc15decisions).
		{"six months for 治安", "police-49-theft",
			"2024年1月3日，张某在超市盗窃商品，价值300元。2024年9月5日民警调查发现。", legal.DispositionExpired, "治安管理处罚法", 25},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := c.Get(tc.id); err != nil {
				t.Skipf("benchmark %s not in the catalog: %v", tc.id, err)
			}
			f := ExtractFacts(tc.text).Facts
			s, err := c.Suggest(tc.id, f)
			if err != nil {
				t.Fatalf("Suggest: %v (facts %+v)", err, f)
			}
			if s.Disposition != tc.disp {
				t.Fatalf("disposition = %s; want %s (facts %+v, trace %+v)", s.Disposition, tc.disp, f, s.Trace)
			}
			if tc.art != 0 && !hasBasis(s, tc.law, tc.art, 0) {
				t.Errorf("basis %+v lacks %s 第%d条", s.Basis, tc.law, tc.art)
			}
		})
	}
}

// TestFirstViolationList checks the agency's 首违不罚 list: a listed
// benchmark is not penalised for a first, slight, corrected violation; an
// unlisted one is, with the reason in the trace.
func TestFirstViolationList(t *testing.T) {
	base := mustCatalog(t)
	fsys := fstest.MapFS{}
	for _, name := range []string{"food.yaml", "pricing.yaml"} {
		raw, err := builtin.ReadFile("catalog/" + name)
		if err != nil {
			t.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: raw}
	}
	fsys["config.yaml"] = &fstest.MapFile{Data: []byte("first_violation_exempt: [food-125-label-flaw]\n")}
	c, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	f := Facts{GoodsValue: num(300), FirstViolation: true, HarmSlight: true, CorrectedInTime: true}
	for _, tc := range []struct {
		cat  *Catalog
		id   string
		want legal.Disposition
	}{
		{c, "food-125-label-flaw", legal.DispositionNone},
		{c, "food-124-expired", legal.DispositionPenalty},
		{base, "food-124-expired", legal.DispositionNone}, // no list: 可以不予, left to the officer
	} {
		s, err := tc.cat.Suggest(tc.id, f)
		if err != nil {
			t.Fatal(err)
		}
		if s.Disposition != tc.want || !hasBasis(s, cfl, 33, 1) {
			t.Errorf("%s: disposition %s, basis %+v; want %s citing 第三十三条第一款", tc.id, s.Disposition, s.Basis, tc.want)
		}
	}
	// The agency's own decision not to penalise stands even off the list.
	f.Declined = true
	if s, err := c.Suggest("food-124-expired", f); err != nil || s.Disposition != legal.DispositionNone {
		t.Errorf("declined off the list: %v, %v; want 不予处罚", s.Disposition, err)
	}
	fsys["config.yaml"] = &fstest.MapFile{Data: []byte("first_violation_exempt: [no-such-benchmark]\n")}
	if _, err := Load(fsys); err == nil {
		t.Error("an unknown benchmark in first_violation_exempt must fail the load")
	}
}

// TestStatutoryFromText: the statutory range of a benchmark computed from the
// base a real text states, in the forms decisions write amounts (大写, ¥ with
// separators, 万 with decimals, 千 after a digit), when the same text also
// quotes the statute's brackets, restates the range, names the fine imposed
// or a deposit, gives a part after 其中, or counts the goods in stock in the
// phrase after 库存.
func TestStatutoryFromText(t *testing.T) {
	c := mustCatalog(t)
	tests := []struct {
		name, id, text string
		want           Range
	}{
		{"大写 goods value, fine and deposit beside it", "food-124-expired",
			"当事人销售超过保质期的饮料，货值金额人民币壹万伍仟元整。本局拟没收违法所得人民币贰仟元，并处罚款人民币壹拾伍万元整。当事人已缴纳保证金伍万元。", Range{150000, 300000}},
		{"statute's brackets quoted after the figure", "food-124-expired",
			"当事人销售超过保质期的食品货值金额3200元。依据食品安全法第一百二十四条“货值金额不足一万元的，并处五万元以上十万元以下罚款”的规定。", Range{50000, 100000}},
		{"range restated by the officer", "food-125-label",
			"该批无标签茶叶货值金额1.2万元，依法应当并处货值金额五倍以上十倍以下罚款，即六万元以上十二万元以下。", Range{60000, 120000}},
		{"fine imposed as the object of 处", "prod-50-adulterate",
			"当事人以次充好销售大米，货值金额21,700元，决定并处3万元罚款。", Range{10850, 65100}},
		{"part after 其中", "eia-31-unapproved-construction",
			"项目未报批环境影响报告表即开工建设，项目总投资为1,280万元，其中环保投资45万元。", Range{128000, 640000}},
		{"goods sold plus stock after 库存", "prod-50-adulterate",
			"当事人以不合格复合肥冒充合格产品，已销售150袋，销售金额人民币壹万零伍佰元，库存50袋，货值金额叁仟伍佰元。", Range{7000, 42000}},
		{"按二十万元计算 quoted, the cost itself below", "waste-112-hw-dumping",
			"当事人擅自倾倒危险废物。所需处置费用不足二十万元的，按二十万元计算；本案所需处置费用为8万元。", Range{600000, 1000000}},
		{"童工 months given for each child", "child-6-child-labour",
			"当事人使用3名未满十六周岁的未成年人从事糊盒工作，三人分别被使用了2个月、3个月和4个月。", Range{45000, 45000}},
		{"童工 months shared", "child-6-child-labour",
			"当事人招用两名未满十六周岁的少年从事缝纫工作，均已工作3个月。", Range{30000, 30000}},
		{"童工 by birth date, one child", "child-6-child-labour",
			"2025年8月13日检查发现，后厨洗碗工李某某系2010年12月出生，该店自2025年6月起招用其洗碗，已工作两个月。", Range{10000, 10000}},
		{"童工 by birth dates, two children", "child-6-child-labour",
			"当事人于2025年8月招用王某某（2010年9月出生）、赵某某（2011年1月出生）二人从事打包工作，至2025年9月9日均已工作一个月。", Range{10000, 10000}},
		{"大写 with 角", "prod-49-unsafe-standard",
			"当事人销售不符合强制性国家标准的电暖器，货值金额人民币叁万陆仟肆佰伍拾元伍角。", Range{36450.5, 109351.5}},
		{"fares of unlicensed transport are the gains", "transport-63-unlicensed-freight",
			"当事人未取得道路运输经营许可，为他人运输建材，共收取运费人民币8000元。", Range{3000, 10000}},
		{"fares yield to the gains named", "transport-63-unlicensed-freight",
			"当事人未取得道路运输经营许可从事货运，共计收取运费人民币壹万捌仟元，扣除油费后违法所得壹万贰仟元。", Range{12000, 60000}},
		{"fares per head and in all", "transport-63-unlicensed-passenger",
			"当事人未取得道路客运经营许可，每人收取车费30元，共载客12人，收取车费360元。", Range{10000, 100000}},
		{"the workers concerned after 其中", "labour-25-overtime",
			"该公司共有员工120人，其中23名员工被安排每月加班超过36小时。", Range{2300, 11500}},
		{"the workers concerned after 其中, in another phrase", "labour-23-female-workers",
			"该厂现有职工86名，经查其中17名女职工在哺乳期被安排夜班。", Range{17000, 85000}},
		{"digit with 千", "prod-53-forged-marks",
			"当事人冒用认证标志，库存及已售插线板货值金额约为3千元。", Range{0, 3000}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, f := suggestText(t, c, tc.id, tc.text)
			if s.Statutory == nil || *s.Statutory != tc.want {
				t.Errorf("statutory = %v; want %v (facts %+v)", s.Statutory, tc.want, f)
			}
		})
	}
}

// TestBracketsFromText: a base the text states as none takes the statute's
// bracket for none; a base it is silent on leaves every bracket open, each
// with its condition and the base to establish — never the bracket for none
// by default.
func TestBracketsFromText(t *testing.T) {
	c := mustCatalog(t)
	tests := []struct {
		name, id, text string
		want           *Range // nil: every bracket open
		brackets       int
	}{
		{"没有违法所得", "price-7-fraud", "当事人虚构原价促销，活动刚开始尚未售出，当事人没有违法所得。", &Range{50000, 500000}, 0},
		{"尚未形成销售获利", "price-6-gouging", "当事人捏造涨价信息并囤积叶菜，囤积期间尚未形成销售获利。", &Range{50000, 500000}, 0},
		{"广告费用凭证不能提供", "ad-55-false-advertiser", "当事人发布虚假广告，不能提供本次广告费用凭证。", &Range{200000, 1000000}, 0},
		{"silent on the gains", "transport-63-unlicensed-freight", "当事人未取得道路运输经营许可，使用自有货车从事普通货物运输经营。", nil, 2},
		{"silent on the ad cost", "ad-55-false-advertiser", "当事人在公交站台发布虚假广告，宣称产品治愈率100%。", nil, 2},
		{"goods value stated as under the bracket's limit", "food-122-unlicensed", "当事人无证生产豆腐，现场查扣豆腐一批，货值金额不足一万元，立案调查。", &Range{50000, 100000}, 0},
		{"gains stated as under the limit", "transport-63-unlicensed-freight", "当事人无道路运输经营许可从事普通货物运输，违法所得在一万元以下。", &Range{3000, 10000}, 0},
		{"retail drugs under 按一万元计算", "drug-117-substandard-retail", "当事人零售劣药，货值金额不足一万元。", &Range{100000, 200000}, 0},
		{"the statute's condition is no limit stated", "food-122-unlicensed", "当事人无证生产豆腐。依据第一百二十二条，货值金额不足一万元的，并处五万元以上十万元以下罚款。", nil, 2},
		{"a limit no fixed bracket lies under", "prod-50-adulterate", "当事人以次充好销售大米，货值金额不足一万元。", nil, 1},
		{"silent on the goods value", "food-124-expired", "当事人销售超过保质期的面包，货值金额尚在核查中。", nil, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, f := suggestText(t, c, tc.id, tc.text)
			switch {
			case tc.want != nil && (s.Statutory == nil || *s.Statutory != *tc.want):
				t.Errorf("statutory = %v; want %v (facts %+v)", s.Statutory, *tc.want, f)
			case tc.want == nil && s.Statutory != nil:
				t.Errorf("statutory = %v; want every bracket open", *s.Statutory)
			case len(s.Conditional) < tc.brackets:
				t.Errorf("conditional = %+v; want at least %d brackets", s.Conditional, tc.brackets)
			}
			for _, cf := range s.Conditional {
				if cf.When == "" || len(cf.Establish) == 0 {
					t.Errorf("bracket %+v: no condition or nothing to establish", cf)
				}
			}
		})
	}
}

// suggestText is the engine's answer for benchmark id on the facts read from
// text, and those facts.
func suggestText(t *testing.T, c *Catalog, id, text string) (Suggestion, Facts) {
	t.Helper()
	f := ExtractFacts(text).Facts
	s, err := c.Suggest(id, f)
	if err != nil {
		t.Fatal(err)
	}
	return s, f
}
