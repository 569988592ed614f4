package caseanalysis

import "testing"

// TestReviewRev27TwentySeventh holds the catalog and transfer cases of the
// review of the twenty-sixth round's merge (rev27): an automatic monitor
// found down through the monitoring platform is still 第八十二条第（二）项; an
// order to reclaim is no reclamation undone; a gas alarm switched off is
// 安全生产法 第九十九条 whatever the waste-gas plant does; a teacup broken is
// no 情节较重; gamblers all of age is no minor; an advance payment for goods
// is no bribe; an ID copy not yet sent in is no child kept from home; a
// licensed receiver without a manifest is no dumping.
func TestReviewRev27TwentySeventh(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkReviewCases(t, a, []reviewCase{
		{"F8 a monitor down found through the platform", "执法人员通过自动监控平台发现某印染公司废水排放口在线监测数据自4月8日起中断。现场检查发现化学需氧量在线监测仪因故障停运，该公司未及时报告和修复。",
			"2026-05-20", "water-82-auto-monitoring", "", "", ""},
		{"F9 an order to reclaim is not reclamation undone", "某砖厂未经批准擅自占用集体耕地8.5亩建设砖坯晾晒场。国土所已责令其退还非法占用的土地，限期拆除在非法占用的土地上新建的建筑物和其他设施，并完成复垦。",
			"2026-05-20", "land-77-illegal-occupation", "", "", "非法转让、倒卖土地使用权罪"},
		{"F10 a gas alarm switched off beside a working waste-gas plant", "执法人员检查发现某化工公司擅自关闭甲类车间可燃气体检测报警系统，车间废气收集处理装置正常运行。",
			"2026-05-20", "safety-99-monitoring-disabled", "", "", ""},
		{"F10 a safety interlock set to bypass", "检查发现某制药公司反应釜温度高限联锁在控制系统中被设为旁路，已持续6天，未经审批。",
			"2026-05-20", "safety-99-monitoring-disabled", "", "", ""},
		{"F11 a teacup broken is no serious disruption", "李某在某培训机构因退费问题与工作人员发生争吵，摔坏茶杯一个，造成经济损失30元，致使该机构前台接待工作中断约20分钟。",
			"2026-05-20", "police25-26-disrupt-order", "", "", ""},
		{"F11 a loss in thousands stays serious", "周某因合同纠纷在某公司办公区推倒展示柜、砸坏电脑两台，造成经济损失8600元，致使该公司停止办公一小时。",
			"2026-05-20", "police25-26-disrupt-order-serious", "", "", ""},
		{"F11 a small loss under the 2012 law", "韩某在某营业厅因话费争议拍打柜台，打翻水杯一个，造成损失15元，致使该厅业务办理中断约10分钟。",
			"2025-06-10", "police-23-disrupt-order", "", "", ""},
		{"F12 all of age under the 2012 law", "民警在某茶楼包间查获6人以扑克牌方式赌博，现场收缴赌资1500元。经查，参赌人员均已成年，无未成年人参与。",
			"2025-06-10", "police-70-gambling", "", "", ""},
		{"F12 gamblers all of age", "民警在某棋牌室查获张某等5人以打麻将方式赌博，现场收缴赌资1200元。经核查，参赌人员均已年满十八周岁，没有未成年人。",
			"2026-05-20", "police25-82-gambling", "", "", ""},
		{"F12 minors counted after a comma stay serious", "民警在某出租屋查获赌博现场，参赌人员7人，其中未成年人3名，收缴赌资900元。",
			"2026-05-20", "police25-82-gambling-serious", "", "", ""},
		{"F13 an advance payment for goods", "某文具公司通过微信向某印务公司采购负责人王某转账6万元作为订货预付款，双方签订了印刷品采购合同。",
			"2026-05-20", "", "comp25-24-bribery", "", ""},
		{"F13 rice bought and paid by WeChat", "某食堂通过微信向某粮油批发部采购大米，微信转账共计8.6万元，未索取进货票据。",
			"2026-05-20", "", "comp25-24-bribery", "", ""},
		{"F14 an ID copy not yet sent in", "执法人员首次检查某餐馆，发现在后厨洗碗的李某系2011年5月出生，未满十六周岁。当事人称李某是亲戚介绍来的，身份证复印件还没送过来。",
			"2026-05-20", "child-6-child-labour", "", "", ""},
		{"F15 a licensed receiver without a manifest", "检查发现，当事人产生的废机油已交由某环保科技有限公司（持有危险废物经营许可证）的回收人员收运，但未填写转移联单。",
			"2026-05-20", "", "waste-112-hw-dumping", "", ""},
	})
}

// reviewCase is a probe of a review: the top violation wanted or not
// wanted, the transfer risk wanted, a crime the transfer must not name
// ("" no check, each).
type reviewCase struct {
	name, facts, day string
	want, notTop     string
	risk             string
	notCrime         string
}

// checkReviewCases analyses each case on its day and checks what it names
// (TestReviewRev26TwentySixth, TestReviewRev27TwentySeventh).
func checkReviewCases(t *testing.T, a *Analyzer, cases []reviewCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, tt.day)
			if len(res.Violations) == 0 {
				t.Fatal("no violation")
			}
			top := res.Violations[0].BenchmarkID
			if tt.want != "" && top != tt.want {
				t.Errorf("violations %v, want %s first\n%s", ids(res.Violations), tt.want, whys(res.Violations))
			}
			if tt.notTop != "" && top == tt.notTop {
				t.Errorf("violations %v, %s must not be first", ids(res.Violations), tt.notTop)
			}
			if tt.notCrime != "" && res.Transfer.Crime == tt.notCrime {
				t.Errorf("transfer %s names %s", res.Transfer.Risk, tt.notCrime)
			}
			if tt.risk != "" && string(res.Transfer.Risk) != tt.risk {
				t.Errorf("transfer %s (%s), want %s", res.Transfer.Risk, res.Transfer.Crime, tt.risk)
			}
		})
	}
}
