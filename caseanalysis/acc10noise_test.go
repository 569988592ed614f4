package caseanalysis

import "testing"

// TestWordsAroundTheFacts: the families the ninth round's rows in the words
// around the facts missed, each phrased otherwise than the rows: what a
// report alleged and the inspection denied (未发现 …, 举报不属实, 无证据证实),
// the ground given for that denial, a quarrel's subject (因车位纠纷), and the
// violations told as the absence of a measure (裸土未覆盖, 未考驾照, 未在规定
// 期限内办理纳税申报) or of free access (消火栓箱前堆放). not, when set, must
// not rank first (the neighbour that used to win).
func TestWordsAroundTheFacts(t *testing.T) {
	a := newProvisionAnalyzer(t)
	tests := []phrasingRow{
		{"alleged 暗管 not found, exceedance measured", "群众举报某印染厂私设暗管排污。2025年6月1日执法人员沿厂区排查，没有发现暗管，但监测显示废水总排口化学需氧量超过排放标准。", "water-83-excess", "water-83-evading-supervision"},
		{"complaint of a false ad not borne out", "顾客投诉该店宣传的进口牛排是虚假广告，执法人员查验报关单据，投诉不属实；但该店菜单封面写有“全市最好吃的牛排”广告语。", "ad-57-prohibited-content", "ad-55-false-advertiser"},
		{"threat alleged, no evidence", "2025年7月2日，违法行为人李某因车位纠纷，用砖头砸碎邻居停放的越野车车窗，经价格认定损失九百元。报警人还称李某扬言要放火，经调查无证据证实。", "police-49-damage", "police-25-false-alarm"},
		{"site dust: bare soil not covered", "2025年5月8日检查某住宅工地，东侧裸土大面积未覆盖，土方作业时也没有洒水。", "urban-115-construction-dust", ""},
		{"never took a licence", "2025年8月3日，男子孙某没考驾照就开着摩托车上路，被交警查获。", "traffic-99-unlicensed-driving", ""},
		{"tax return not filed in time, told as 未在规定期限内", "经查，当事人2025年1月的个人所得税（工资薪金）未在规定期限内向税务机关办理纳税申报，经责令限期改正后已补报。", "tax-62-late-filing", "tax-63-evasion"},
		{"hydrant box blocked by goods", "2025年9月4日检查某超市，二楼走廊的消火栓箱前堆着几十箱饮料，箱门打不开。", "fire-60-hydrant", "fire-60-facilities"},
		{"foundry sand named by its kind", "2025年7月2日检查某铸件厂，厂区东墙外露天堆放清砂产生的废旧型砂约150吨，无遮盖、无围挡，未采取防扬散、防流失措施。", "waste-102-industrial-storage", "air-117-dust-materials"},
		{"certified operators reported in order", "2025年6月5日检查某石材厂，电工、焊工等特种作业人员均持证上岗，但打磨岗位员工未配发防尘口罩。", "safety-99-ppe", "safety-97-special-operators"},
	}
	checkPhrasings(t, a, tests)
}
