package caseanalysis

import (
	"strings"
	"testing"

	"github.com/cailiang/cailiang/legal"
)

// TestFourteenthRoundCircumstanceBases: the conduct words behind the
// fourteenth round's basis misses, in other words than its rows: a car
// seat slit (割烂), digging started without a construction permit (开挖
// 土方), aluminium cable sold as pure copper, and a safety officer (安全管理
// 人员, not the principal) whose year's pay is the base.
func TestFourteenthRoundCircumstanceBases(t *testing.T) {
	a := newProvisionAnalyzer(t)
	checkPhrasings(t, a, []phrasingRow{
		{"seat slit", "2025年4月3日，民警查明鄢某因停车纠纷用刀片将邻居电动车的坐垫割烂。", "police-49-damage", ""},
		{"aluminium sold as copper", "2025年10月11日，执法人员检查发现某五金店将铜包铝电缆标注为“纯铜电缆”对外销售，货值金额五千元。", "prod-50-adulterate", ""},
	})
	// The element itself, whatever the ranking does with the rest: the
	// start of works told as 基坑开挖 is 擅自施工, and a 安全管理人员 whose
	// year's pay is the base is no principal (第九十五条 marked excluded).
	res := analyzeFirst(t, a, "2025年9月2日，住建执法人员检查发现，某某房地产开发公司的住宅项目未取得建筑工程施工许可证，就已开始了基坑开挖和降水作业。", "quality-57-construction-without-permit")
	if why := res.Violations[0].Why; !strings.Contains(why, "基坑开挖") {
		t.Errorf("quality-57 matched without 基坑开挖: %s", why)
	}
	res = analyzeFirst(t, a, "经调查，某某钢结构公司专职安全管理人员蔡某未履行安全巡查职责，对吊装作业区未设警戒未予纠正，导致2025年6月发生一起物体打击事故，造成一人重伤，属一般生产安全事故。蔡某的上一年年收入尚未查明。", "safety-96-manager-accident")
	for _, v := range res.Violations {
		if v.BenchmarkID == "safety-95-principal-general-accident" && !strings.Contains(v.Why, "其他负责人或者安全生产管理人员") {
			t.Errorf("第九十五条 kept for a 安全管理人员: %s", v.Why)
		}
	}
}

// TestFourteenthRoundDispositions: 行政处罚法 第三十至三十三、三十六条 and
// 治安管理处罚法's six months read from other words than the rows': a
// register line whose act is reported after 称, a child named as the one
// who did it, a seller threatened into selling for another, pollution
// pumped back of the company's own accord, a violation the agency did not
// know told of the party's own accord, and a forced payment that is the
// victim's.
func TestFourteenthRoundDispositions(t *testing.T) {
	a := newProvisionAnalyzer(t)
	tests := []struct {
		name, facts, want string
		disp              legal.Disposition
	}{
		{"six months, act reported after 称", "2025年11月3日 受害人钟某到派出所报案 称2025年3月1日晚在夜市被汪某打了一拳 当时未报警", "police-43-assault", legal.DispositionExpired},
		{"child named as the one who did it", "2025年4月20日，小区业主报警称车窗玻璃被砸碎。民警查明系邻居家的男孩汤某某（2013年2月生）玩弹弓所为。", "police-49-damage", legal.DispositionNone},
		{"threatened into selling", "经查，当事人许某未取得烟草专卖零售许可证零售卷烟，违法经营总额二千元；上述卷烟系其房东以断水断电相威逼，要求其代卖。", "tobacco-57-unlicensed-retail", legal.DispositionLighterOrMitigated},
		{"pollution pumped back", "2025年6月9日，执法人员监测发现某某电镀厂废水总排口总铬超标，该厂当即停产，自行雇人将排入沟渠的废水抽回厂内处理。", "water-83-excess", legal.DispositionLighterOrMitigated},
		{"told what the agency did not know", "经查，当事人某某便利店销售超过保质期的酸奶10杯，货值金额八十元。当事人主动说明其仓库内还存放同批次酸奶，该情况执法人员此前尚未掌握。", "food-124-expired", legal.DispositionLighterOrMitigated},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeFirst(t, a, tt.facts, tt.want)
			if s := res.Violations[0].Suggestion; s == nil || s.Disposition != tt.disp {
				var got legal.Disposition
				if s != nil {
					got = s.Disposition
				}
				t.Errorf("disposition %q, want %q", got, tt.disp)
			}
		})
	}
}
