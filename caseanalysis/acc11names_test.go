package caseanalysis

import "testing"

// TestPartyNameIsNotTheAct: a decision's party paragraph names the party
// and its licensed trades (a 医药 firm, a scope listing 危险化学品经营 or
// 药品零售); the act is another sector's. A cue in the name, address or
// scope shows no conduct element, so the name's sector does not outrank
// the act's; the party's kind still comes from the name, and a pharmacy
// that sells 假药 is still 第一百一十六条. Phrased otherwise than the
// development rows.
func TestPartyNameIsNotTheAct(t *testing.T) {
	a := newProvisionAnalyzer(t)
	tests := []phrasingRow{
		{"pharma chain, liability insurance not bought", "行政处罚决定书\n当事人：南湖仁和医药连锁有限公司\n住所：南湖市解放路2号\n经营范围：药品零售；医疗器械销售\n经查，当事人经营烟花爆竹批发，属高危行业，至2025年3月仍未投保安全生产责任保险。\n以上事实有询问笔录为证。", "", "drug-126-gsp"},
		{"herbal firm, dust masks", "行政处罚决定书\n当事人：清河百草医药有限公司\n住所：清河市滨江路3号\n经营范围：中药饮片加工；药品批发\n经查，当事人粉碎车间8名工人作业时未配备防尘口罩。\n以上事实有现场照片为证。", "safety-99-ppe", "drug-126-gsp"},
		{"pharma wholesaler, canteen gas hose", "行政处罚决定书\n当事人：南屿康泰医药有限公司\n住所：南屿市健康路9号\n经营范围：药品批发；第二类医疗器械销售\n经查，当事人职工食堂液化石油气钢瓶与灶具之间使用橡胶软管连接，软管穿墙敷设，经责令限期改正，逾期仍未改正。\n以上事实有复查意见书为证。", "", "drug-126-gsp"},
		{"pharmacy selling fake drugs still found", "当事人：南渡康宁大药房\n经查，2025年6月3日，当事人销售无批准文号的“强力腰痛丸”，经检验系以他种药品冒充此种药品，为假药，货值金额四百元。", "drug-116-counterfeit", ""},
		{"a firm's name still makes the party a unit", "行政处罚决定书\n当事人：云溪燃气有限公司\n住所：云溪市振兴路5号\n经营范围：燃气经营；燃气器具销售及维修\n经查，当事人在办公楼北侧消防车通道上设停车位并安装地锁，车辆停放堵塞消防车通道。\n以上事实有现场照片为证。", "fire-60-fire-lane", "fire-60-individual"},
		{"a person's address on a pharmacy", "行政处罚决定书\n违法行为人：邹某，男，汉族，住址：石桥市建设北路88号百姓大药房东侧\n经查，2026年3月2日，邹某在石桥市某超市内将三盒茶叶藏入背包未付款离开，价值人民币二百八十元。\n以上事实有监控录像为证。", "", "drug-126-gsp"},
	}
	checkPhrasings(t, a, tests)
}

// TestDisclaimedArticle: the agency's own reasoning that the act does not
// fall under an article (不适用《……》第X条, 不属于……第X条规定的……情形)
// counts against that article, not for it. Phrased otherwise than the
// development rows.
func TestDisclaimedArticle(t *testing.T) {
	a := newProvisionAnalyzer(t)
	tests := []phrasingRow{
		{"not 暗管: exceedance", "当事人：东湾印染有限公司\n经查，2025年8月3日，当事人废水总排口化学需氧量浓度为210mg/L，超过排放标准限值。\n以上事实有监测报告为证。\n本局认为，当事人的废水经处理设施处理后由总排口排放，不属于《中华人民共和国水污染防治法》第八十三条第（三）项规定的通过暗管、渗井逃避监管排放的情形。", "", "water-83-evading-supervision"},
		{"not the fire law: a workshop's exits", "当事人：北港服装有限公司\n经查，2025年5月3日，当事人生产车间的两处安全出口被锁闭，作业期间无法打开。\n以上事实有现场检查笔录为证。\n本局认为，当事人车间为生产经营场所，本案不适用《中华人民共和国消防法》第六十条第一款第（三）项。", "", "fire-60-evacuation"},
		{"not hazardous waste: construction waste", "当事人：南坪建筑工程有限公司\n经查，2025年6月1日，当事人将拆除旧厂房产生的碎砖和废混凝土约50立方米倾倒在南坪河滩空地。\n以上事实有现场勘验笔录为证。\n本局认为，当事人倾倒的系建筑垃圾，不适用《中华人民共和国固体废物污染环境防治法》第一百一十二条关于危险废物的规定。", "", "waste-112-hw-dumping"},
	}
	checkPhrasings(t, a, tests)
}
