package caseanalysis

import (
	"sort"
	"strings"

	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// benchmarkFlagCues are the phrases that show a benchmark's own yes/no fact (its
// flags) in an officer's narrative. Only facts are read from text; flags
// that record the agency's decision (revoke_licence, impose_fine,
// warning_only, detention …) are left to the officer, and so is
// diligent_seller, which needs proof rather than the party's claim.
//
// Overdue contributions and wages are written short or in a worker's words
// too (逾期仍未缴, 到期后仍一分未付, 至今没发); 冒充…民警 and a fake uniform show
// the 军警 of 治安管理处罚法 第六十二条第二款; 第二十条第（五）项's surrender is
// told as the walk to the station and what the party then says or hands over
// (陪同下到镇派出所投案, 投案，交出赃物, 投案自首), not an order to come in (通知其到派出所投案).
var benchmarkFlagCues = compileFlagCues(map[string][]string{
	"health_related":        {"保健食品", "保健品", "药品", "医疗器械", "医疗", "治疗", "疗效"},
	"vulnerable_target":     {"未成年人", "老年人", "中小学生", "儿童", "老人"},
	"sensitive_area":        {"自然保护区", "饮用水水源保护区", "人口密集区", "重点区域", "一类区", "环境敏感区"},
	"heavy_pollution_alert": {"重污染天气预警"},
	"toxic_pollutant":       {"有毒有害大气污染物"},
	"refused_correction": {"拒不改正", "拒不整改", "逾期未改正", "逾期不改正", "仍未改正", "仍未整改", "拒绝改正", "拒绝整改", "拒绝更换", "未按要求改正", "未按期改正", "逾期仍未", "复查时仍",
		// A later check that finds it still so (本次复查台账仍未建立, 逾期仍由无证人员操作).
		"复查…仍未", "复查…仍在", "复查…仍由", "再次检查…仍未", "逾期仍由", "逾期仍在", "逾期后仍",
		// a second visit that finds it unchanged (再次检查，店主仍拿不出…; 再次核查时仍…)
		"再次检查…仍", "再次核查…仍", "再次检查时…仍", "第二次检查…仍", "回访…仍未",
		// the old label or pack still in use at the later check (复查…仍使用原包装)
		"复查…仍使用", "复查…仍用", "复查…仍在用", "仍使用原", "仍在使用原", "仍在用原",
		// the party's own refusal after the order, in its words (不愿更换, 不肯改, 拒不更换)
		"不愿更换", "不肯更换", "不愿意更换", "拒不更换", "拒绝更改", "不同意更换", "不愿改正", "不肯改正", "不愿整改", "不肯整改",
		"本次检查…仍为原", "本次复查…仍为原", "仍为原包装", "仍是原包装", "仍系原包装", "仍为旧包装", "仍是旧包装", "仍使用旧",
		// The later check finding the same state, whatever follows 仍 (复查，上述两人仍无健康证明继续上岗;
		// 复查时台账依旧空白; 责令改正后至今仍未建立): the words not_corrected has, since a refusal
		// to correct is shown by the same finding.
		"复查…仍", "复查时…仍", "复查…照旧", "复查…依旧", "复查…依然", "复查…原样", "原样未动", "未作任何整改", "没有任何整改",
		// the later check finding the faults named before all unmended (复查时，上述问题均未整改)
		"复查…均未整改", "复查…均未改正", "复查…都未整改", "复查…都没有整改", "复查…均未落实",
		"复查…均未设置", "复查…均未张贴", "复查…均未安装", "复查…均未配备", "复查…仍只有",
		"责令…至今未", "责令…至今仍未", "期满仍未", "到期仍未", "期满后仍未", "期限过后…仍未", "期限届满…仍未",
		"责令…到现在还没", "责令…到现在也没", "责令…至今还没", "责令…至今也没", "责令…至今没", "限期…到现在还没", "限期…到现在也没", "限期…至今还没", "限期…至今也没",
		// the later visit named as this one (本次检查，消毒柜仍未通电; 此次检查依旧…)
		"本次检查…仍", "此次检查…仍", "本次检查…依旧", "此次检查…依旧", "本次检查…依然", "再查…仍", "又查…仍",
		// an order's paper named, then the party's own delay (下了责令改正通知书…就一直拖着没弄;
		// 给了个监察指令书，限…前办好…到现在还没去办)
		"通知书…一直拖着", "指令书…一直拖着", "责令…一直拖着", "通知书…一直没弄", "指令书…一直没弄", "责令…一直没弄",
		"通知书…到现在还没", "指令书…到现在还没", "前办好…到现在还没", "前改正…到现在还没", "前整改…到现在还没", "前办理…到现在还没",
		// the party's answer to the recheck, the order in the question before it (就一直拖着没弄;
		// 后来一直忙着备货…到现在还没去办)
		"一直拖着没", "拖着没整改", "拖着没改", "后来…到现在还没去办", "后来…到现在也没去办", "后来…至今还没去办",
		// the recheck finding the ordered record or paper not there, or the
		// party's excuse for it (复查，…现场未能提供任何台账记录; 复查…称台账还没来得及弄)
		"复查…未能提供", "复查…仍未能提供", "复查…拿不出", "复查…还没来得及", "复查…没来得及",
	},
	"not_corrected": {"逾期未改正", "逾期不改正", "逾期仍未改正", "拒不改正", "仍未改正", "仍未整改", "拒绝改正", "拒绝整改", "未按要求改正", "未按期改正", "逾期仍未", "复查时仍", "复查时…仍未", "复查…仍", "复查时…仍", "本次检查…仍", "此次检查…仍", "本次检查…依旧", "此次检查…依旧", "本次检查…依然", "再查…仍", "又查…仍", "逾期仍未办理", "逾期未办理", "逾期未改", "复查仍", "复查…仍未", "复查…仍在", "复查…仍由", "再次检查…仍未", "逾期仍由", "逾期仍在", "逾期后仍",
		"再次检查…仍", "再次核查…仍", "再次检查时…仍", "第二次检查…仍", "回访…仍未",
		// An order followed by what is still not done (责令其一个月内办理，至今未办理).
		"责令…至今未", "责令…至今仍未", "责令…仍未办理", "期满仍未", "到期仍未", "期满后仍未",
		// the same in a caller's words (责令厂家限期补齐，到现在还没给, 让他们限期改，至今也没改)
		"责令…到现在还没", "责令…到现在也没", "责令…至今还没", "责令…至今也没", "责令…至今没", "限期…到现在还没", "限期…到现在也没", "限期…至今还没", "限期…至今也没",
		// the party named between the deadline and what is still not done (期满后当事人仍未申报监督检验)
		"期满后…仍未", "期满…仍未", "到期后…仍未", "届满后…仍未",
		// the act itself still going on after the deadline (期满后检查发现该公司仍在继续生产, 到期后仍在营业)
		"期满后…仍在", "期满…仍在继续", "到期后…仍在", "届满后…仍在", "期限届满…仍在", "期满后…依然在", "期满后…依旧在",
		// the later check finding nothing done (复查时线路原样未动, 未作任何整改)
		"复查…原样", "原样未动", "未作任何整改", "没有任何整改", "没做任何整改", "未做任何整改", "复查…照旧", "复查…依旧", "复查…依然", "期限过后…仍未", "期限届满…仍未",
		"复查…均未整改", "复查…均未改正", "复查…都未整改", "复查…都没有整改", "复查…均未落实",
		// the ordered signs or devices still missing at the recheck (今日复查：……警示均未设置)
		"复查…均未设置", "复查…均未张贴", "复查…均未安装", "复查…均未配备", "复查…仍只有",
		"不愿更换", "不肯更换", "不愿意更换", "拒不更换", "拒绝更改", "不同意更换", "不愿改正", "不肯改正", "不愿整改", "不肯整改",
		"本次检查…仍为原", "本次复查…仍为原", "仍为原包装", "仍是原包装", "仍系原包装", "仍为旧包装", "仍是旧包装", "仍使用旧",
		// an order's paper named, then the party's own delay (下了责令改正通知书…就一直拖着没弄;
		// 给了个监察指令书，限…前办好…到现在还没去办)
		"通知书…一直拖着", "指令书…一直拖着", "责令…一直拖着", "通知书…一直没弄", "指令书…一直没弄", "责令…一直没弄",
		"通知书…到现在还没", "指令书…到现在还没", "前办好…到现在还没", "前改正…到现在还没", "前整改…到现在还没", "前办理…到现在还没",
		// the party's answer to the recheck, the order in the question before it (就一直拖着没弄;
		// 后来一直忙着备货…到现在还没去办)
		"一直拖着没", "拖着没整改", "拖着没改", "后来…到现在还没去办", "后来…到现在也没去办", "后来…至今还没去办",
		// the recheck finding the ordered record or paper not there, or the
		// party's excuse for it (复查，…现场未能提供任何台账记录; 复查…称台账还没来得及弄)
		"复查…未能提供", "复查…仍未能提供", "复查…拿不出", "复查…还没来得及", "复查…没来得及",
	},
	"contribution_overdue": {"逾期仍不缴纳", "逾期仍未缴纳", "逾期不缴纳", "逾期未缴纳", "逾期仍未补缴", "逾期未补缴", "逾期仍未补足", "仍未缴纳", "仍不缴纳", "仍未补缴", "拒不缴纳", "届满…仍未", "届满…仍不", "逾期仍未缴", "逾期未缴", "仍未缴", "逾期仍未交", "逾期未交", "到期…仍未", "期满…仍未", "至今未缴", "至今仍未缴", "至今未补缴",
		// nothing paid at all past the deadline of an order (责令限期缴纳……逾期至今分文未缴,
		// 限期补缴后一分钱没交): only after the order or its deadline, since arrears
		// never ordered paid (至今分文未缴 of contributions owed) are not 逾期仍不缴纳
		"责令…分文未缴", "限期…分文未缴", "逾期…分文未缴", "责令…分文未交", "限期…分文未交", "逾期…分文未交", "责令…分文未补", "限期…分文未补", "逾期…分文未补", "责令…一分未缴", "限期…一分未缴", "逾期…一分未缴", "责令…一分未交",
		"限期…一分未交", "逾期…一分未交", "责令…一分钱未缴", "限期…一分钱未缴", "逾期…一分钱未缴", "责令…一分钱未交", "限期…一分钱未交", "逾期…一分钱未交", "责令…一分钱没缴", "限期…一分钱没缴", "逾期…一分钱没缴", "责令…一分钱没交",
		"限期…一分钱没交", "逾期…一分钱没交", "责令…一分钱也没缴", "限期…一分钱也没缴", "逾期…一分钱也没缴", "责令…一分钱也没交", "限期…一分钱也没交", "逾期…一分钱也没交", "逾期至今…未缴", "逾期至今…未交"},
	"unpaid_after_deadline": {"逾期不支付", "逾期未支付", "逾期仍不支付", "逾期仍未支付", "仍未支付", "仍不支付", "逾期未补足", "仍未补足", "逾期未补发", "仍未补发", "逾期不补发", "拒不支付", "逾期仍未", "逾期不改正", "逾期未改正", "逾期未付", "仍未付", "分文未付", "届满…仍未", "届满…仍不", "一分未付", "一分钱未付", "一分没给", "一分钱没给", "一分钱也没给", "到期…仍未", "到期…未付", "期满…仍未", "至今未付", "至今未支付", "至今没给", "至今未发", "至今没发",
		// the deadline passed, in other words (期满未付, 到期了还是没给, 过了期限也没发)
		"期满未付", "期满不付", "期满…未支付", "期满…未付", "期满…不支付", "期满…未发", "到期…没给", "到期…没发", "到期…没付", "到期…未支付", "过了期限…没", "期限过了…没", "期限届满…未", "逾期…未发", "逾期…未返还", "仍未返还"},
	"narcotic":             {"麻醉药品", "精神药品", "医疗用毒性药品", "放射性药品", "易制毒"},
	"maternal_child":       {"孕产妇", "儿童"},
	"biologic":             {"生物制品", "疫苗"},
	"injury":               {"造成人身伤害", "受伤", "致伤"},
	"reoffend":             {"再犯", "经处理后再次", "曾因生产、销售假药", "曾因销售假药", "曾因销售劣药"},
	"obstruct":             {"拒绝检查", "逃避检查", "拒绝、逃避", "销毁证据", "隐匿证据", "擅自动用查封", "擅自动用扣押", "转移查封", "转移扣押"},
	"already_producing":    {"已投入生产", "已投产", "投入生产", "投入使用"},
	"crowded":              {"人员密集", "大量人员", "营业期间"},
	"crowded_place":        {"人员密集场所", "人员密集", "易燃易爆"},
	"infant_food":          {"婴幼儿", "婴儿配方", "特殊医学用途配方食品"},
	"disease":              {"有碍食品安全的疾病", "有碍食品安全疾病", "患有"},
	"is_dispatch_agency":   {"劳务派遣单位", "劳务派遣公司"},
	"toxic_workplace":      {"有毒物品的作业场所", "有毒作业"},
	"has_business_licence": {"营业执照"},
	"cultivated_land":      {"耕地", "水田", "旱地", "水浇地", "稻田", "菜地"},
	"serious_consequence":  {"较严重后果", "严重后果", "后果严重"},
	"instigated": {"教唆", "胁迫他人", "诱骗他人", "唆使他人", "唆使同", "唆使未成年", "唆使两名", "唆使二名", "唆使三名", "唆使2名", "唆使3名", "指使未成年",
		// those set on counted or named by what they are after a word of where they
		// live (唆使邻居家两名十五岁少年, 指使同村三名青年, 唆使楼下的孩子): 受…唆使 has
		// the party as the one set on, and no count or person follows its 唆使
		"唆使‥名", "指使‥名", "唆使‥少年", "唆使‥学生", "唆使‥孩子", "指使‥少年", "指使‥学生", "指使‥孩子"},
	"retaliation":    {"打击报复"},
	"within_6m":      {"六个月内曾受过治安管理处罚", "6个月内曾受过治安管理处罚", "半年内曾受过治安管理处罚"},
	"victim_forgave": {"取得被侵害人谅解", "取得受害人谅解", "取得被害人谅解", "取得谅解", "取得…谅解", "获得…谅解", "得到…谅解", "谅解书", "表示谅解", "予以谅解", "已谅解", "表示原谅", "原谅了"},
	"surrendered": {"主动投案", "自行投案", "自动投案", "投案自首", "前来投案", "陪同下…投案", "投案，称", "投案，交出", "投案，如实", "投案并", "投案后如实",
		// a register's source field (案件来源：投案) and the party's own coming in
		// (就来投案说清楚; 自己来到派出所……交代了经过, 来到派出所值班室说“昨晚追人的是我”):
		// one brought in (带到派出所, 传唤至派出所) does not come, and a victim's
		// report (来到派出所报案) tells no act of its own
		"来源：投案", "来源 投案", "就来投案", "自己来投案", "来投案说", "来投案，", "来到派出所…交代了", "来到派出所…承认", "来到派出所…是我干的", "来到派出所…的是我”"},
	"against_police": {"阻碍人民警察", "阻碍民警", "妨碍民警",
		// the obstruction told by what was done to the officers or their car
		// (把警车车门挡住, 坐在警车前不让走, 拉扯民警, 不让民警带人): the police
		// arriving after another officer was hindered (民警到场后) is none of these
		"警车‥挡住", "挡住警车", "拦住警车", "阻拦警车", "拦截警车", "堵住警车", "坐在警车前", "躺在警车前",
		"拦住民警", "阻拦民警", "阻挡民警", "拉扯民警", "推搡民警", "撕扯民警", "围堵民警", "围住民警", "不让民警"},
	"military_police": {"冒充…民警", "冒充…警察", "冒充…公安", "冒充…派出所", "冒充…军人", "冒充…部队", "冒充…军官", "自称是…民警", "自称…派出所", "自称…警官", "仿制警服", "假警服", "假警官证", "假军装"},
	"surcharge":       {"在标价之外加价", "标价之外加价", "加价出售", "未标明的费用"},
	"refunded":        nlp.RefundCues,
	// 产品质量法 第五十五条 as the agency finds it (有充分证据证明其不知道该产品为不合格产品, 如实说明了进货来源), not the party's claim.
	"unknowing_seller":     {"有充分证据证明…不知道", "有充分的证据证明…不知道", "充分证据证明其不知", "如实说明…进货来源…不知道", "不知道…如实说明…进货来源"},
	"emergency":            {"突发事件", "市场供应紧张", "价格异常波动", "价格紧急措施", "疫情期间"},
	"children_product":     {"儿童用品", "儿童玩具", "童装", "童车", "儿童"},
	"hot_work":             {"动火作业", "电焊作业", "焊接作业", "电工作业"},
	"refused":              {"拒不执行", "拒不消除"},
	"major_hazard":         {"重大事故隐患"},
	"concealed":            {"迟报", "漏报", "谎报", "瞒报"},
	"fabricated_books":     {"伪造、变造", "伪造账簿", "变造账簿", "销毁账簿", "隐匿账簿", "销毁记账凭证", "伪造记账凭证", "隐匿记账凭证", "销毁了部分记账凭证"},
	"paid_before_decision": {"已补缴", "补缴了税款", "缴清税款和滞纳金"},
	"repeat_drink_driving": {"曾因饮酒后驾驶", "曾因酒后驾驶", "再次饮酒后驾驶"},
	"carrying_passengers":  {"载有乘客", "校车", "危险物品运输车辆", "危险货物运输车辆"},
	"accident":             {"交通事故", "发生碰撞", "追尾", "相撞"},
	"revoked_or_suspended": {"驾驶证被吊销", "吊销期间", "暂扣期间", "驾驶证被暂扣"},
	"passengers_at_risk":   {"危及乘客安全"},
	"drinking_water_area":  {"饮用水水源"},
	"cannot_demolish":      {"不能拆除", "无法拆除", "不宜拆除", "不具备拆除条件"},
	"heavy_metal":          {"重金属", "总镍", "总铬", "六价铬", "总铅", "总汞", "总镉", "总砷"},
})

// compileFlagCues compiles each flag's cues for nlp's matcher.
func compileFlagCues(m map[string][]string) map[string][]nlp.Cue {
	out := make(map[string][]nlp.Cue, len(m))
	for flag, cues := range m {
		out[flag] = nlp.NewCues(cues)
	}
	return out
}

// InferredFlag is a benchmark flag read from the text, with the words
// that show it.
type InferredFlag struct {
	Flag  string `json:"flag"`
	Label string `json:"label"`
	Cue   string `json:"cue"`
}

// inferFlags reads the benchmark's flags that the normalised text shows.
// A cue a negation denies (nlp.Negated) does not count. orders is the
// request's reading of its orders (readOrders): an order defied sets
// refused_correction and not_corrected.
func inferFlags(b *rules.Benchmark, norm string, orders orderReading) (map[string]bool, []InferredFlag) {
	var names []string
	for name := range b.Flags {
		if _, ok := benchmarkFlagCues[name]; ok {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	var set map[string]bool
	var out []InferredFlag
	for _, name := range names {
		if name == "cultivated_land" && isBasicFarmland(norm) {
			// 永久基本农田 is its own, heavier flag.
			continue
		}
		for _, cue := range benchmarkFlagCues[name] {
			if cue.In(norm) {
				if set == nil {
					set = map[string]bool{}
				}
				set[name] = true
				out = append(out, InferredFlag{Flag: name, Label: b.Flags[name], Cue: cue.Text()})
				break
			}
		}
	}
	if _, ok := b.Flags["not_corrected"]; ok && !set["not_corrected"] && recheckFindsUndone(norm) {
		if set == nil {
			set = map[string]bool{}
		}
		set["not_corrected"] = true
		out = append(out, InferredFlag{Flag: "not_corrected", Label: b.Flags["not_corrected"], Cue: "复查：…均未"})
	}
	for _, name := range []string{"refused_correction", "not_corrected"} {
		if _, ok := b.Flags[name]; ok && !set[name] && orders.again {
			if set == nil {
				set = map[string]bool{}
			}
			set[name] = true
			out = append(out, InferredFlag{Flag: name, Label: b.Flags[name], Cue: "经责令改正后再次发现"})
		}
	}
	if _, ok := b.Flags["basic_farmland"]; ok && isBasicFarmland(norm) {
		if set == nil {
			set = map[string]bool{}
		}
		set["basic_farmland"] = true
		out = append(out, InferredFlag{Flag: "basic_farmland", Label: b.Flags["basic_farmland"], Cue: "基本农田"})
	}
	return set, out
}

// recheckOpenings open the report of a later check (今日复查：…, 复查时发现…).
var recheckOpenings = []string{"复查:", "复查：", "复查时发现", "复查发现", "复查情况:", "复查情况："}

// undoneWords, in a recheck's report, find the ordered thing still not done.
var undoneWords = []string{"均未", "仍未", "仍无", "仍没有", "都没有", "都未", "依旧", "依然"}

// recheckFindsUndone reports whether a recheck's report, however long it
// runs before its finding (今日复查：大门口只挂了一块指示牌，须知、限高等
// 警示均未设置), finds the ordered thing still not done: the finding is read
// to the end of the report's sentence, past the cue gap a … cue allows.
func recheckFindsUndone(norm string) bool {
	for _, o := range recheckOpenings {
		for i := 0; ; {
			j := strings.Index(norm[i:], o)
			if j < 0 {
				break
			}
			from := i + j + len(o)
			to := len(norm)
			if k := strings.IndexAny(norm[from:], "。；;"); k >= 0 {
				to = from + k
			}
			for _, w := range undoneWords {
				if nlp.Contains(norm[from:to], w) && !(w == "依旧" || w == "依然") {
					return true
				}
			}
			if stillUndone(norm[from:to]) {
				return true
			}
			i = from
		}
	}
	return false
}

// stillUndone reports whether a recheck's report tells a thing 依旧 or 依然
// as it was before the order (依旧在店外摆摊, 依然未设置): not when what goes on
// is the order's own state (依然保持整改后状态, 依旧符合要求, 依然完好), which
// is a correction found kept. A negation in the clause (依然不符合) is undone;
// 无 is not one (依然保持无渗漏 is kept).
func stillUndone(report string) bool {
	for _, w := range []string{"依旧", "依然"} {
		for i := 0; ; {
			j := strings.Index(report[i:], w)
			if j < 0 {
				break
			}
			from := i + j + len(w)
			clause := firstClause(report[from:])
			if !containsAny(clause, keptStateWords) || containsAny(clause, []string{"未", "不", "没"}) {
				return true
			}
			i = from
		}
	}
	return false
}

// keptStateWords tell a state that meets an order (保持整改后状态, 符合要求,
// 运行正常, 完好, 到位).
var keptStateWords = []string{"保持", "符合", "正常", "完好", "良好", "到位", "整洁", "有效", "合格", "达标", "齐全", "规范", "落实", "整改后"}

// priorWindowFlags are the flags of a law's own window for earlier
// penalties, with its months: 治安管理处罚法 2012 第二十条第（四）项 六个月内,
// 2025 第二十二条第（四）项 一年以内曾受过治安管理处罚.
var priorWindowFlags = [...]struct {
	name   string
	months int
}{{"within_6m", 6}, {"within_1y", 12}}

// priorWithinFlags sets b's window flag (within_6m, within_1y) when the text
// dates an earlier penalty inside that many months before the act
// (2026年1月因殴打他人被处以行政拘留五日 for an act of April), as the cue
// words (六个月内曾受过治安管理处罚) do. An undated penalty, or one older than
// the window, sets none: the engine then applies no common 二年内 factor
// either (rules.commonFactorSpent).
func priorWithinFlags(b *rules.Benchmark, f rules.Facts, pr *priorRead, flags map[string]bool, inferred []InferredFlag) (map[string]bool, []InferredFlag) {
	for _, w := range priorWindowFlags {
		label, ok := b.Flags[w.name]
		if !ok || flags[w.name] {
			continue
		}
		ps := pr.ownStanding()
		if len(ps) == 0 {
			return flags, inferred
		}
		act := actMonthAfter(ps, f)
		for _, p := range ps {
			if p.Criminal {
				continue
			}
			if within, _ := priorWindow(p, act, w.months); within {
				if flags == nil {
					flags = map[string]bool{}
				}
				flags[w.name] = true
				inferred = append(inferred, InferredFlag{Flag: w.name, Label: label, Cue: "受处罚日期：" + strings.Join(p.Dates, "、")})
				break
			}
		}
	}
	return flags, inferred
}

// actMonthAfter is the act's month (its end, its start, else the
// decision's), counted as month() does, when it is told to the month and
// falls after every earlier penalty's date; 0 otherwise.
func actMonthAfter(ps []nlp.PriorPenalty, f rules.Facts) int {
	latest := 0
	for _, p := range ps {
		for _, d := range p.Dates {
			if m, _, ok := month(d); ok && m > latest {
				latest = m
			}
		}
	}
	for _, d := range []string{f.ActEndDate, f.ActDate, f.DecisionDate} {
		if m, full, ok := month(d); ok && full && m > latest {
			return m
		}
	}
	return 0
}
