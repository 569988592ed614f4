package eval

import (
	"context"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/cailiang/cailiang/caseanalysis"
	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/rules"
)

// SuiteAdminNoise is the name of the noise suite: the tuning half of the
// development set analysed as written and again wrapped in the paragraphs a
// published 行政处罚决定书 puts around its 违法事实 (issue 12 item 9).
const SuiteAdminNoise = "admin-noise"

// noiseSeed fixes the wrapping: the same row is always wrapped the same way,
// so two builds are compared on identical texts.
const noiseSeed = 20261204

// The pieces a decision is built from. Addresses and business scopes name
// other sectors' regulated places and activities on purpose (药店, 加油站,
// 食品销售, 烟草制品零售 …): in a real decision they describe the party, not
// the act, and a matcher that reads them as the act picks another sector's
// provision. None of them holds a unit word (公司, 厂, 企业) so that a
// person's address does not turn the party into a unit.
var (
	noiseCities = []string{"江州", "临川", "青阳", "云溪", "东平", "南屿", "北塘", "清河", "安平", "石桥"}
	noiseRoads  = []string{"健康路", "人民路", "解放大道", "建设北路", "滨江路", "工业大道", "新华街", "振兴路"}
	// noisePlaces are address tails: %s is a road.
	noisePlaces = []string{
		"%s88号百姓大药房东侧", "副食品城3号", "%s中石化加油站对面", "%s汽修一条街12号", "建材市场B区7号",
		"农贸市场北门18号", "%s实验小学对面", "%s人民医院西侧商铺", "化工园区纬三路6号", "%s网吧楼上",
		"%s烟酒批发部隔壁", "物流园区C栋", "%s工地临时板房", "五金机电城2排9号", "%s菜市场东门",
	}
	noiseNames  = []string{"王某某", "刘某", "陈某某", "赵某", "孙某某", "周某", "吴某某", "郑某", "钱某", "冯某某"}
	noiseShops  = []string{"鑫源商行", "顺达经营部", "百佳便民店", "恒通汽车维修服务部", "绿源农资店", "佳美美容美发店", "旺角餐馆", "诚信建材经营部"}
	noiseFirms  = []string{"宏达贸易有限公司", "瑞丰实业有限公司", "金盛商贸有限责任公司", "华信物流有限公司", "新联建设工程有限公司", "康源医药连锁有限公司", "明珠文化传媒有限公司", "安泰化工有限公司"}
	noiseScopes = []string{
		"食品销售", "烟草制品零售", "第二类医疗器械销售", "化妆品零售", "药品零售", "保健食品销售", "酒类经营",
		"餐饮服务", "机动车维修", "成品油零售", "危险化学品经营", "道路普通货物运输", "建筑材料销售", "建设工程施工",
		"城市生活垃圾经营性服务", "劳务派遣服务", "互联网上网服务", "娱乐性游艺经营", "特种设备安装改造修理",
		"农药经营", "出版物零售", "废旧物资回收", "广告设计、制作、代理、发布", "停车场服务",
	}
	noiseEvidence = []string{
		"现场检查笔录", "询问笔录", "现场照片", "视频资料", "检验报告", "抽样检验报告", "监测报告", "当事人营业执照复印件",
		"法定代表人身份证明", "进货凭证", "送货单", "销售记录", "情况说明", "证据先行登记保存通知书", "调查终结报告",
	}
	// noiseAgencies names the deciding agency by sector: a real decision's
	// header, which is evidence of the sector, not of the act.
	noiseAgencies = map[legal.Sector]string{
		"市场监管": "市市场监督管理局", "生态环境": "市生态环境局", "交通运输": "市交通运输局", "城市管理": "市城市管理综合行政执法局",
		"应急管理": "市应急管理局", "消防": "市消防救援支队", "人力资源社会保障": "市人力资源和社会保障局", "公安": "市公安局城东分局",
		"税务": "市税务局稽查局", "自然资源": "市自然资源和规划局", "文化旅游": "市文化广电和旅游局", "农业农村": "市农业农村局",
		"卫生健康": "市卫生健康委员会",
	}
)

// noiseRand is the row's own random source: the seed and the row's id.
func noiseRand(id string) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(id))
	return rand.New(rand.NewPCG(noiseSeed, h.Sum64()))
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// noiseAddress is an address whose words belong to some regulated place.
func noiseAddress(r *rand.Rand, city string) string {
	p := pick(r, noisePlaces)
	if strings.Contains(p, "%s") {
		p = fmt.Sprintf(p, pick(r, noiseRoads))
	}
	return city + "市" + pick(r, []string{"城东区", "城西区", "开发区", "高新区", "江北新区"}) + p
}

// noiseScope lists three to five regulated activities.
func noiseScope(r *rand.Rand) string {
	idx := r.Perm(len(noiseScopes))[:3+r.IntN(3)]
	parts := make([]string, len(idx))
	for i, k := range idx {
		parts[i] = noiseScopes[k]
	}
	return strings.Join(parts, "；") + "（依法须经批准的项目，经相关部门批准后方可开展经营活动）"
}

// noiseParty is the party paragraph, written for the kind of party the
// plain text shows (个人, 个体工商户, 单位 or unknown) so that the wrap does
// not change the party's kind, which the fine may depend on.
func noiseParty(r *rand.Rand, kind, city string) string {
	code := strconv.FormatUint(r.Uint64()%1e16, 10)
	switch kind {
	case "单位":
		return "当事人：" + city + pick(r, noiseFirms) + "\n统一社会信用代码：91" + code + "\n住所：" + noiseAddress(r, city) +
			"\n法定代表人：" + pick(r, noiseNames) + "\n经营范围：" + noiseScope(r)
	case "个体工商户":
		return "当事人：" + city + "市" + pick(r, noiseShops) + "（个体工商户）\n统一社会信用代码：92" + code + "\n经营者：" + pick(r, noiseNames) +
			"\n经营场所：" + noiseAddress(r, city) + "\n经营范围：" + noiseScope(r)
	case "个人":
		return "当事人：" + pick(r, noiseNames) + "，" + pick(r, []string{"男", "女"}) + "，汉族，住址：" + noiseAddress(r, city)
	}
	return "当事人：" + pick(r, noiseNames) + "\n住址：" + noiseAddress(r, city)
}

// noiseProcedure is the procedure paragraph: 立案, investigation, the
// notice of 行政处罚法 第四十四条 and the hearing right of 第六十三条, on the
// row's own day (the day of its facts: a decision's 立案 follows the
// inspection its facts tell, and the decision day closes the text).
func noiseProcedure(r *rand.Rand, day string) string {
	when := "近日"
	if day != "" {
		when = chineseDay(day)
	}
	open := pick(r, []string{
		when + "，本机关执法人员根据日常监督检查计划依法对当事人进行检查，发现其涉嫌违法，经本机关负责人批准，于同日立案调查。",
		"本机关于" + when + "接到转办线索后，经核查认为当事人涉嫌违法，依据《中华人民共和国行政处罚法》第五十四条的规定立案调查。",
		when + "，本机关依法对当事人涉嫌违法一案立案调查，执法人员出示了执法证件，并制作了现场笔录。",
	})
	notice := pick(r, []string{
		"本机关依据《中华人民共和国行政处罚法》第四十四条的规定向当事人送达了《行政处罚告知书》，告知其拟作出行政处罚的事实、理由、依据及依法享有的陈述、申辩和要求听证的权利。当事人在法定期限内未提出陈述、申辩，亦未要求听证。",
		"本机关向当事人送达了《行政处罚听证告知书》，告知其有权依据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定要求听证。当事人提出了陈述、申辩，本机关进行了复核，认为其理由不能成立，不予采纳。",
		"本案经本机关负责人批准延长办案期限，依法进行了调查取证，并依据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定告知当事人陈述、申辩权利。当事人放弃陈述、申辩。本案现已调查终结。",
	})
	return open + notice
}

// noiseEvidenceLine is the 以上事实有……为证 sentence.
func noiseEvidenceLine(r *rand.Rand) string {
	idx := r.Perm(len(noiseEvidence))[:4+r.IntN(3)]
	parts := make([]string, len(idx))
	for i, k := range idx {
		parts[i] = "《" + noiseEvidence[k] + "》"
	}
	return pick(r, []string{"上述事实，有", "以上事实有", "以上违法事实，有"}) + strings.Join(parts, "、") + "等证据为证。"
}

// noiseReasoning is the 裁量 paragraph, neutral on purpose: it names the
// 行政处罚法 articles a decision quotes in passing (第五条, 第二十八条) but
// states no circumstance, so the labels stay right. The outcome is not
// written: it would give the disposition away.
func noiseReasoning(r *rand.Rand) string {
	return pick(r, []string{
		"本机关认为，当事人的上述行为事实清楚，证据确凿。依据《中华人民共和国行政处罚法》第二十八条第一款的规定，本机关责令当事人改正上述违法行为。综合考虑当事人违法行为的事实、性质、情节以及社会危害程度，依据《中华人民共和国行政处罚法》第五条的规定，本机关作出处理决定（处理内容见本决定书附页）。",
		"本机关认为，根据《中华人民共和国行政处罚法》第五条“实施行政处罚必须以事实为依据，与违法行为的事实、性质、情节以及社会危害程度相当”的规定，经本机关负责人集体讨论，作出处理决定（处理内容见本决定书附页）。",
		"本机关依据《中华人民共和国行政处罚法》第二十八条的规定责令当事人改正，经法制审核并经本机关负责人批准，作出处理决定（处理内容见本决定书附页）。",
	})
}

// noiseClosing is the closing: payment (行政处罚法 第六十七条 fifteen days,
// 第七十二条 three per cent a day) and the rights to 复议 (sixty days) and
// 诉讼 (six months).
func noiseClosing(r *rand.Rand, city string) string {
	return "当事人应当自收到本决定书之日起十五日内，持本决定书到" + pick(r, []string{"指定银行", "本机关指定的代收机构", "任一代收银行网点"}) +
		"缴纳罚没款。到期不缴纳罚款的，本机关将依据《中华人民共和国行政处罚法》第七十二条第一款第一项的规定，每日按罚款数额的百分之三加处罚款。" +
		"当事人如不服本决定，可以在收到本决定书之日起六十日内向" + city + "市人民政府申请行政复议，也可以在六个月内依法向" + city + "市" +
		pick(r, []string{"城东区", "城西区", "开发区"}) + "人民法院提起行政诉讼。"
}

// chineseDay writes 2024-08-19 as 2024年8月19日.
func chineseDay(day string) string {
	p := strings.Split(day, "-")
	if len(p) != 3 {
		return day
	}
	y, _ := strconv.Atoi(p[0])
	m, _ := strconv.Atoi(p[1])
	d, _ := strconv.Atoi(p[2])
	return fmt.Sprintf("%d年%d月%d日", y, m, d)
}

// factOpeners are the words a 违法事实 paragraph begins with.
var factOpeners = []string{"经查", "现查明", "经调查", "经本机关查明"}

// WrapDecision wraps a row's facts in the paragraphs of a published
// 行政处罚决定书: header, party (of the given kind), procedure, the facts
// after 经查, evidence, reasoning citing 行政处罚法 articles, and closing,
// chosen by a random source seeded with the row's id.
func WrapDecision(s Scenario, partyKind string) string {
	r := noiseRand(s.ID)
	city := pick(r, noiseCities)
	agency := city + noiseAgencies[s.Sector]
	if noiseAgencies[s.Sector] == "" {
		agency = city + "市人民政府"
	}
	year := "2025"
	if len(s.Date) >= 4 {
		year = s.Date[:4]
	}
	facts := s.Facts
	opened := false
	for _, o := range factOpeners {
		opened = opened || strings.HasPrefix(facts, o)
	}
	if !opened {
		facts = pick(r, factOpeners) + "：" + facts
	}
	var b strings.Builder
	b.WriteString(agency + "\n行政处罚决定书\n" + city + pick(r, []string{"罚决字", "处罚字", "执罚"}) + "〔" + year + "〕" + strconv.Itoa(1+r.IntN(899)) + "号\n")
	b.WriteString(noiseParty(r, partyKind, city) + "\n")
	b.WriteString(noiseProcedure(r, s.Date) + "\n")
	b.WriteString(facts + "\n")
	b.WriteString(noiseEvidenceLine(r) + "\n")
	b.WriteString(noiseReasoning(r) + "\n")
	b.WriteString(noiseClosing(r, city) + "\n")
	b.WriteString(agency + "\n")
	if s.decisionDay() != "" {
		b.WriteString(chineseDay(s.decisionDay()) + "\n")
	}
	return b.String()
}

// noiseScores counts one way of writing the rows (plain or wrapped).
type noiseScores struct {
	devTally
	wantL, gotL, bothL int
}

func (c *noiseScores) add(s Scenario, sc devScore) {
	c.devTally.add(sc)
	w := s.Expect.Transfer == rules.RiskLikely
	c.wantL += b2i(w)
	c.gotL += b2i(sc.likely)
	c.bothL += b2i(w && sc.likely)
}

func (c noiseScores) results(prefix, note string) []Result {
	return []Result{
		{Suite: SuiteAdminNoise, Metric: prefix + " basis@1", Value: share(c.basis1, c.n), BaselineNote: note, N: c.n},
		{Suite: SuiteAdminNoise, Metric: prefix + " basis@3", Value: share(c.basis3, c.n), N: c.n},
		{Suite: SuiteAdminNoise, Metric: prefix + " statutory-range-exact", Value: share(c.ranged, c.rangeN), N: c.rangeN},
		{Suite: SuiteAdminNoise, Metric: prefix + " disposition", Value: share(c.disp, c.n), N: c.n},
		{Suite: SuiteAdminNoise, Metric: prefix + " transfer-risk+crime", Value: share(c.transfer, c.n), N: c.n},
		{Suite: SuiteAdminNoise, Metric: prefix + " likely-recall", Value: share(c.bothL, c.wantL), N: c.wantL},
		{Suite: SuiteAdminNoise, Metric: prefix + " likely-precision", Value: share(c.bothL, c.gotL), N: c.gotL},
	}
}

// runAdminNoise analyses every tuning-half row of the development set as
// written and wrapped (WrapDecision) and reports both. The reporting half is
// never wrapped, analysed or logged here. Rows the wrap breaks (right plain,
// wrong wrapped) are logged at debug level.
func runAdminNoise(ctx context.Context, env Env) ([]Result, error) {
	if env.Analyzer == nil {
		return nil, ErrNoAnalyzer
	}
	dev, err := DevSet()
	if err != nil {
		return nil, err
	}
	rows := devSplit(dev, DevTune)
	// Each row, plain and wrapped, is scored with a learned vote that was
	// not trained on it.
	cf, err := tuningCrossFit(env.Analyzer)
	if err != nil {
		return nil, err
	}
	var plain, wrapped noiseScores
	for i, s := range rows {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		ctx := cf.context(ctx, s)
		res, err := env.Analyzer.Analyze(ctx, caseanalysis.Request{Facts: s.Facts, DecisionDate: s.decisionDay()})
		if err != nil {
			return nil, fmt.Errorf("dev row %s: %w", s.ID, err)
		}
		ps := scoreDev(s, res)
		plain.add(s, ps)
		kind := ""
		if res.Facts.Party != nil {
			kind = res.Facts.Party.Kind
		}
		text := WrapDecision(s, kind)
		wres, err := env.Analyzer.Analyze(ctx, caseanalysis.Request{Facts: text, DecisionDate: s.decisionDay()})
		if err != nil {
			return nil, fmt.Errorf("dev row %s wrapped: %w", s.ID, err)
		}
		ws := scoreDev(s, wres)
		wrapped.add(s, ws)
		if (ps.basis1 && !ws.basis1) || (ps.ranged && !ws.ranged) || (ps.disp && !ws.disp) || (ps.transfer && !ws.transfer) {
			var disp legal.Disposition
			if len(wres.Violations) > 0 && wres.Violations[0].Suggestion != nil {
				disp = wres.Violations[0].Suggestion.Disposition
			}
			env.log().Debug("noise broke", "id", s.ID, "want", s.Expect.Basis[0], "got", topBases(wres), "basis", ws.basis1, "range", ws.ranged,
				"disposition", disp, "transfer", wres.Transfer.Risk)
		}
		env.progress(SuiteAdminNoise, i+1, len(rows))
	}
	note := "tuning half only, as written; wrapped: the same rows inside party, procedure, evidence, reasoning and closing paragraphs of a 决定书 (seeded)"
	return append(plain.results("plain", note), wrapped.results("wrapped", "")...), nil
}
