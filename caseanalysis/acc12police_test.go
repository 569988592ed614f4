package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/rules"
)

// TestPolicePhrasingFamiliesTwelfth holds the families the eleventh accuracy
// round on 治安 and 劳动保障 widened (issue 12, acc12police), each in words
// other than the development rows': an officer struck named as the one
// struck (殴打执勤民警) against a fight the police reached afterwards, an
// officer pushed aside at a tow, a disruption told by its noise and the
// service it stopped, a victim of seventy told by a stated age and a wage
// account not opened.
func TestPolicePhrasingFamiliesTwelfth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkDatedPhrasings(t, a, []datedPhrasingRow{
		{"an officer on duty struck at a quarrel", "2026年5月3日，民警接警到某某饭店处置酒后纠纷，醉酒男子钱某推开劝阻的同伴，挥拳殴打执勤民警，致民警眼角擦伤。", "2026-06-01", "police25-61-obstruct-duty", "police25-51-assault"},
		{"an officer pushed aside at a seizure", "2026年9月2日，民警依法扣押一辆涉案电动车时，车主贾某抱住车头不让扣车，还将民警推开，扣押耽误二十分钟。", "2026-10-01", "police25-61-obstruct-duty", "police25-62-impersonation"},
		{"a clinic's service stopped by shouting", "某某社区卫生服务中心报警：一男子嫌排队久，在候诊区大喊大叫，拿椅子往地上摔，医生接诊暂停了约半小时。民警到场查明系芦某。", "2026-04-01", "police25-26-disrupt-order", "police25-29-false-alarm"},
		{"a town office stopped by a man shouting", "2025年6月3日 蔡某 在某某镇政府便民服务大厅 因补贴未批 拍桌子大喊大叫 大厅停止办公四十分钟", "2025-07-01", "police-23-disrupt-order", ""},
		{"a victim of seventy-one told by a stated age", "2026年7月8日，谷某在菜场与摊主邓某（时年七十一岁）因找零争执，谷某扇了邓某一记耳光，致其面部红肿。", "2026-08-01", "police25-51-assault-aggravated", "police25-51-assault"},
	})
	t.Run("a wage account not opened", func(t *testing.T) {
		res := analyzeOn(t, a, "2026年 某某安置小区项目 总承包单位某某建设公司 未设立农民工工资专用账户 经责令限期改正逾期仍未改正", "2026-06-01")
		if ids := violationIDs(res); len(ids) == 0 || ids[0] != "wage-55-special-account" {
			t.Fatalf("violations %v, want wage-55-special-account first\n%s", ids, whys(res.Violations))
		}
	})
	// 取得被侵害人谅解 is a circumstance the 2025 text binds (第二十条:
	// 从轻、减轻或者不予处罚), told as a letter or a word of pardon.
	t.Run("a pardon in writing", func(t *testing.T) {
		res := analyzeOn(t, a, "2026年3月9日，冷某在小区门口因琐事与邻居争吵，打了邻居一拳，致其嘴角出血。事后冷某赔偿医药费八百元，邻居写下谅解书。", "2026-04-01")
		if len(res.Violations) == 0 || res.Violations[0].Suggestion == nil {
			t.Fatal("no suggestion")
		}
		if s := res.Violations[0].Suggestion; s.Disposition != legal.DispositionLighterOrMitigated {
			t.Fatalf("%s: disposition %s, want %s", res.Violations[0].BenchmarkID, s.Disposition, legal.DispositionLighterOrMitigated)
		}
	})
}

// TestAssaultingPoliceNeedsTheOfficerStruck: 袭警 needs the officer as the
// one struck; a fight the police reach afterwards, with 殴打 and 民警 in one
// sentence, is no attack on them (issue 12, acc12police).
func TestAssaultingPoliceNeedsTheOfficerStruck(t *testing.T) {
	checkTransferRows(t, []transferRow{
		{"police arrive after the beating", "2026年6月1日，许某在夜宵摊殴打邻桌食客，巡逻民警随后赶到将其控制。", []string{"police25-51-assault"}, rules.RiskNone, "故意伤害罪"},
		{"register line, police after the blow", "2025年4月2日 某某KTV 顾客殴打服务员 民警到场后将其带回", []string{"police-43-assault"}, rules.RiskNone, "故意伤害罪"},
		{"the officer struck", "2026年6月1日，许某在派出所门口殴打正在执行职务的民警，致民警手臂擦伤。", []string{"police25-61-obstruct-duty"}, rules.RiskLikely, "袭警罪"},
	})
}
