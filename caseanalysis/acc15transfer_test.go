package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/rules"
)

// TestTransferFifteenthRoundKinds holds the kinds the fifteenth round's
// criminal-transfer slice fixed (issue 12, acc15transfer), in words other
// than its development rows': the sales named after the goods (销售上述…金额);
// a fire after a notice whose deadline passed unheeded, in the forms
// notices and re-inspections write it (逾期未整改, 期满仍未整改, 置之不理);
// plating waste named by the metal plated or the bath (HW17) let into a
// seepage well; land a survey finds is no 基本农田, whoever claimed it was;
// and the near-misses that must stay below likely.
func TestTransferFifteenthRoundKinds(t *testing.T) {
	checkTransferRows(t, []transferRow{
		{"sales named after the goods", "经查，当事人将回收翻新的轮胎冒充新胎出售，累计销售上述轮胎金额人民币柒万贰仟元。", []string{"prod-50-adulterate"}, rules.RiskLikely, "生产、销售伪劣产品罪"},
		{"the takings of the goods sold", "当事人以不合格电焊条冒充合格产品，对外销售该批电焊条的收入为6.1万元。", []string{"prod-50-adulterate"}, rules.RiskLikely, "生产、销售伪劣产品罪"},
		{"small sales named after the goods stay below", "当事人销售上述掺假香油金额共二万一千元。", []string{"prod-50-adulterate"}, rules.RiskNone, "生产、销售伪劣产品罪"},
		{"a fire after a deadline passed unheeded", "该仓库去年收到消防救援机构的整改通知，整改期满仍未整改，今年3月起火，一名搬运工被困身亡。", []string{"fire-60-hazard-notice-ignored"}, rules.RiskLikely, "消防责任事故罪"},
		{"a fire after the notice was ignored", "消防救援大队曾书面通知其清除楼梯间堆放的纸箱，该店置之不理，后纸箱起火致两名店员死亡。", []string{"fire-60-hazard-notice-ignored"}, rules.RiskLikely, "消防责任事故罪"},
		{"an ignored notice without a fire stays below", "复查发现该厂对消防救援机构通知整改的电气线路私拉乱接问题逾期未整改。", []string{"fire-60-hazard-notice-ignored"}, rules.RiskNone, "消防责任事故罪"},
		{"plating bath waste into a seepage well", "执法人员发现该作坊将镀锌后的废槽液倒入院内一口渗井。", []string{"water-83-evading-supervision"}, rules.RiskLikely, "污染环境罪"},
		{"stripping solution into a pit", "该厂将退镀液用软管抽进厂外的渗坑。", []string{"water-83-evading-supervision"}, rules.RiskLikely, "污染环境罪"},
		{"canteen water through a hidden pipe stays near", "该厂食堂的洗碗水通过一根暗管排入雨水井，化学需氧量为150mg/L。", []string{"water-83-evading-supervision"}, rules.RiskNear, "污染环境罪"},
		{"basic farmland denied by the survey", "经调查，刘某未经批准占用村集体耕地7亩建设厂房，经核查该地块不涉及永久基本农田。", []string{"land-77-illegal-occupation"}, rules.RiskNone, "非法占用农用地罪"},
		{"basic farmland claimed then ruled out: 8亩 of other farmland is near", "举报人称谢某占用的是基本农田，经比对划定成果，所占8亩耕地不属于永久基本农田。", []string{"land-77-illegal-occupation"}, rules.RiskNear, "非法占用农用地罪"},
		{"the other farmland named by 以外", "唐某未经批准占用基本农田以外的一般耕地6亩堆放建材。", []string{"land-77-illegal-occupation"}, rules.RiskNone, "非法占用农用地罪"},
		{"basic farmland occupied 未批 stays basic farmland", "2025年9月 村民某某 未批占用永久基本农田4000平方米建养殖棚 已硬化", []string{"land-77-illegal-occupation"}, rules.RiskLikely, "非法占用农用地罪"},
		{"paid, then the payee gone dark: fraud below its amount", "被害人向对方转账二千元办理“快速贷款”，转账后对方手机关机。", []string{"police25-58-theft"}, rules.RiskNone, "诈骗罪"},
		{"paid, then the payee gone dark: fraud over its amount", "被害人按对方要求先后交钱八千元，交钱后对方就失联了。", []string{"police25-58-theft"}, rules.RiskLikely, "诈骗罪"},
		{"basic farmland occupied without approval", "经查，某公司未经批准占用永久基本农田6亩硬化后堆放钢材。", []string{"land-77-illegal-occupation"}, rules.RiskLikely, "非法占用农用地罪"},
	})
}

// TestFraudByContactCut: a payment and the payee gone dark after it (转账后
// 对方关机, 交钱后就失联, 汇款…联系不上) is the lie told by its result, the
// 诈骗 of the theft-and-fraud article, though no word says 骗 (issue 12,
// acc15transfer second batch).
func TestFraudByContactCut(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkDatedPhrasings(t, a, []datedPhrasingRow{
		{"paid, then the phone switched off", "报警人邹某称：对方在网上说能低价代购演唱会门票，他转账二千元后对方手机一直关机。", "2026-03-01", "police25-58-theft", ""},
		{"cash handed over, then gone", "2026年2月，蒙某称能帮人插队办理户口，收了邻居三千元，邻居交钱后他就失联了。", "2026-03-01", "police25-58-theft", ""},
		{"a remittance and no answer", "受害人称按对方要求汇款一千五百元办理贷款手续，汇款后对方再也联系不上。", "2026-03-01", "police25-58-theft", ""},
	})
}
