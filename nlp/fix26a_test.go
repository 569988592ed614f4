package nlp

import "testing"

// TestDispositionPhrasingsFixTwentySixth: phrasings that decide 行政处罚法
// 第三十二、三十三条 and that the cue lists read wrongly. A clean record told
// as never 被…处罚 / 受过处理 / 违反…记录; a correction told as covering the
// pile, drawing up and filing the missing plan, the missing permit obtained
// later, or an order received and then obeyed; no harm told as nothing
// spilling out; the agency's proposed 拟不予行政处罚; and two readings of a circumstance where there is none: a
// task 被迫中止 (the act's result, not the party's coercion) and a refund a
// complaint asks for (要求…退还), which has not been made.
func TestDispositionPhrasingsFixTwentySixth(t *testing.T) {
	for _, tt := range []struct {
		name, text, circ string
		want             bool
	}{
		{"never 被…处罚 before", "经查询，该厂此前没有因噪声问题被处罚过。", CircFirstViolation, true},
		{"never 受过处理 before", "经核实，该商户以往未因油烟扰民受过处理。", CircFirstViolation, true},
		{"no record of breaking the rules", "经查，钱某过去没有过违反养犬管理规定的记录。", CircFirstViolation, true},
		{"a record of breaking them is none", "经查，钱某有违反养犬管理规定的记录两次。", CircFirstViolation, false},
		{"the pile covered in full", "执法人员离开前，该站已安排工人用苫布将砂石料全部苫盖。", CircCorrectedInTime, true},
		{"the plan drawn up and filed next day", "检查后第二天，施工方即编制了渣土处置方案并报街道备案。", CircCorrectedInTime, true},
		{"the plan ordered is no correction", "执法人员责令其立即编制处置方案。", CircCorrectedInTime, false},
		{"nothing spilled out", "料场四周设有围挡，渣土未外溢至道路。", CircNoHarm, true},
		{"a seizure forced to stop", "稽查人员清点货物时，刘某冲上前抢夺清单，清点被迫中止。", CircCoerced, false},
		{"a party forced still is", "经查，当事人系在他人胁迫下被迫代为保管该批物品。", CircCoerced, true},
		{"the order received, then obeyed", "该药店收到责令改正通知书后立即拆除了门前的违规广告牌。", CircCorrectedInTime, true},
		{"the missing permit obtained later", "某物流公司仓库扩建工程未取得施工许可证即动工，执法人员责令停止施工，该公司于6月3日取得施工许可证。", CircCorrectedInTime, true},
		{"the permit still not obtained", "某物流公司仓库扩建工程未取得施工许可证即动工，至今仍未取得施工许可证。", CircCorrectedInTime, false},
		{"the time before the permit", "某物流公司未取得施工许可证，在取得施工许可证前擅自开工。", CircCorrectedInTime, false},
		{"the permit ordered", "某物流公司未取得施工许可证擅自开工，责令其依法取得施工许可证。", CircCorrectedInTime, false},
		{"the proposed decision not to penalise", "2026-04-02 李记粮油店 未按规定明码标价 系首次 当场补标 拟不予行政处罚", CircDeclined, true},
		{"a party's request to go unpenalised refused", "当事人在陈述申辩中提出拟不予处罚，本局不予采纳。", CircDeclined, false},
		{"a refund asked for", "投诉人请求执法部门处理该商户，并退还多收的停车费。", CircSelfRemovedHarm, false},
		{"a refund asked for, then made", "投诉人要求退款，商户已退还多收的停车费。", CircSelfRemovedHarm, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := hasCirc(Extract(tt.text), tt.circ); got != tt.want {
				t.Errorf("%s = %v, want %v", tt.circ, got, tt.want)
			}
		})
	}
}
