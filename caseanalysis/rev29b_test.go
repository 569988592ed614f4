package caseanalysis

import (
	"strings"
	"testing"

	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// TestReviewRev29BTwentyNinth: the regressions the review of the
// twenty-eighth round found in transfer29b's readers and cues (rev29 items
// 4–10). One victim graded twice (经鉴定…经法医鉴定王某系轻微伤) is one;
// a seal shop's filing with the 公安局 and a printed copy of a title
// certificate forge no organ's seal or certificate; officers placed on
// watch are no casino's lookout; a scratch at an auxiliary officer on no
// duty obstructs none; months listed and later paid in full are no months
// owed; another tax's share of the total is no evasion ratio; a permit
// issued but not shown at the site is no working without one. Each with a
// guard the round's reader was added for.
func TestReviewRev29BTwentyNinth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	prov := []string{"police25-30-provocation"}
	gamb := []string{"police25-82-gambling"}
	wages := []string{"labour-26-compensation"}
	tax := []string{"tax-63-evasion"}
	checkAnalyzerTransferRows(t, a, []transferRow{
		// item 4
		{"one victim graded twice after 鉴定", "刘某在广场随意殴打路人赵某，赵某面部擦伤，经鉴定系轻微伤。经法医鉴定赵某系轻微伤，刘某赔偿赵某医药费600元。",
			prov, rules.RiskNone, ""},
		{"two victims graded after 鉴定", "刘某在广场随意殴打路人赵某和孙某，赵某面部擦伤，经法医鉴定赵某系轻微伤；孙某手臂挫伤，经法医鉴定孙某系轻微伤。",
			prov, rules.RiskLikely, "寻衅滋事罪"},
		// item 5
		{"a seal shop's filing with the 公安局", "某刻章店经营者陈某为客户刻制印章未向市公安局备案，先后为5家公司刻制公章。",
			nil, rules.RiskNone, ""},
		{"a certificate's copy printed", "某房产经纪公司在店内打印不动产权证书复印件供客户查看房源。",
			nil, rules.RiskNone, ""},
		// item 6
		{"officers placed on watch", "派出所安排民警在麻将馆外观察，发现李某在馆内摆放赌桌三张，组织十余人赌博，抽头三百元。",
			gamb, rules.RiskNone, ""},
		// item 7
		{"an auxiliary officer scratched in a quarrel", "王某酒后在派出所大厅与辅警发生口角，抓伤辅警脸部，经民警调解。",
			nil, rules.RiskNone, ""},
		{"an auxiliary officer struck on patrol", "2026年3月2日，民警和辅警巡逻至夜市时，王某酒后殴打辅警，致其鼻部出血。",
			nil, rules.RiskLikely, "妨害公务罪"},
		// item 8
		{"months listed then paid on order", "某餐馆拖欠厨师刘某4月、5月、6月工资，经人社局责令支付后已于8月10日全部结清。",
			wages, rules.RiskNone, ""},
		// item 9
		{"another tax's share of the total", "某公司2025年度应纳税总额为800万元，其中企业所得税占应纳税总额的55%，经查该公司少申报房产税0.5万元。",
			tax, rules.RiskNone, ""},
	})
	// item 10
	for _, tt := range []struct {
		name, facts string
		first       bool
	}{
		{"a permit issued but not shown", "某建设单位项目部未能出示建筑工程施工许可证，正在进行基础施工，经查该项目施工许可证已于2026年3月5日核发。", false},
		{"a permit not shown and not held", "某建设单位项目部未能出示建筑工程施工许可证，正在进行基础施工，经查该项目至今未办理施工许可手续。", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, "2026-05-01")
			got := len(res.Violations) > 0 && res.Violations[0].BenchmarkID == "quality-57-construction-without-permit"
			if got != tt.first {
				t.Errorf("quality-57 first = %v, want %v: %v", got, tt.first, violationIDs(res))
			}
		})
	}
	// item 14: the joins read from a text are not reused for the text with
	// its defiance words blanked inside a sentence, 。 kept.
	norm := nlp.NormalizeText("某装修公司拖欠木工吴某工资，区人社局责令其于4月15日前全额支付。逾期后仍分文未付。")
	orders := readOrders(norm)
	blanked := strings.Replace(norm, "逾期后仍分文未付", strings.Repeat(" ", len("逾期后仍分文未付")), 1)
	for _, tt := range []struct {
		name, text string
		joined     bool
	}{
		{"defiance blanked, 。 kept", blanked, false},
		{"defiance told", norm, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := strings.Contains(withDefianceJoined(tt.text, orders), "逾期仍未支付"); got != tt.joined {
				t.Errorf("joined = %v, want %v", got, tt.joined)
			}
		})
	}
}
