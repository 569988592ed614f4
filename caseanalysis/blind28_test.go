package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/rules"
)

// TestBlindKindsTwentyEighth: the kinds behind the misses of the twenty-
// eighth round's blind rows, in other words. A hazard check's findings an
// employee says were never written down or told to the staff (台账没记上,
// 没跟工人通报) is 安全生产法 第九十七条第（五）项; an outfall or a project
// begun before the 生态环境法典 and found still going on after it took
// effect (至被查获时已持续, 复查时仍在施工) is the code's; an act in 2026 whose
// record gives the speaker's birth month aloud (我2009年6月生的) is judged
// under the law of 2026, not of the birth year.
func TestBlindKindsTwentyEighth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"hazards fixed, never written down nor told", "检查笔录：问：把隐患排查治理台账拿来看一下。答（车间主任）：上周查出的配电箱门没锁、灭火器过期两处隐患已经整改了，就是台账没记上，早会上也没跟员工通报。",
			"2026-05-20", "safety-97-hazard-records", "safety-102-hidden-danger", 0, 100000, false},
		// 没…通报 of another matter: a site that gave no notice of night work, a
		// workshop head who did not report an injury upward.
		{"night work with no notice", "邻居反映工地夜间施工没提前通报，噪声扰民，影响休息。",
			"2026-05-20", "noise-77-night-construction", "safety-97-hazard-records", 0, 0, false},
		{"an injury not reported upward", "某厂冲压车间发生一起工人手指轻微受伤事故，车间主任没及时向公司和应急管理部门通报。",
			"2026-05-20", "safety-114-general-accident", "safety-97-hazard-records", 0, 0, false},
		{"a project begun in spring, still built after the code", "2026年9月2日检查发现，某化工有限公司年产2万吨涂料项目依法应当编制环境影响报告表，当事人未依法报批即于2026年4月开工建设，执法人员当场责令其停止建设。9月20日复查时仍在施工，已安装反应釜4台。",
			"2026-10-15", "eco-1095-report-form", "eia-31-unapproved-construction", 100000, 500000, false},
		{"a birth month said aloud in a soliciting record", "询问笔录：问：说一下你的基本情况。答：我叫罗某某，2009年6月生的，没有工作。问：今晚在汽车站门口干什么？答：看见男的出来就上去问要不要找小姐，一百五一次。（民警注：2026年4月3日22时许，罗某某在汽车站门前广场拉客招嫖被当场查获。）",
			"2026-04-04", "police25-78-soliciting", "", 0, 1000, false},
	})
}

// TestContinuedIntoTheCodeTwentyEighth: an act begun before the 生态环境法典
// took effect and found still going on after it (至被查获时已使用近三个月,
// 直至案发) is punished under the code, not under the law it repealed; one
// that ended before it keeps the act-time law.
func TestContinuedIntoTheCodeTwentyEighth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct {
		name, facts, day, law string
	}{
		{"an outfall used until caught", "2026年10月9日，执法人员在巡查中发现某纸业有限公司在厂区南侧擅自设置一处排污口，将造纸白水直接排入西溪。经查，该排污口系当事人2026年7月私设，至被查获时已使用近三个月。",
			"2026-11-02", "生态环境法典"},
		{"dumping into a pond until the case came to light", "经查，某物流公司自2026年6月起将洗车产生的含油污泥倒入村东鱼塘，直至案发。2026年9月16日村民举报后执法人员到场查处。",
			"2026-10-20", "生态环境法典"},
		{"an outfall removed in July", "2026年9月3日群众举报，某纸业有限公司2026年6月在厂区南侧擅自设置一处排污口排放造纸白水，该公司已于2026年7月10日自行拆除封堵。",
			"2026-10-20", "水污染防治法"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, tt.day)
			if len(res.Violations) == 0 {
				t.Fatal("no violation")
			}
			v := res.Violations[0]
			law := ""
			for _, b := range v.Suggestion.Basis {
				if b.Role == rules.RolePenalty {
					law = b.Law
				}
			}
			if law != tt.law {
				t.Errorf("%s cites %s, want %s", v.BenchmarkID, law, tt.law)
			}
		})
	}
}
