package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/rules"
)

// TestGradedVictimsTwentyNinth: victims graded one by one, each in a
// clause of his own (钱某…属轻微伤；郑某…鉴定为轻微伤), are counted by their
// names, as 二人均为轻微伤 is: two are the 二人以上轻微伤 of 寻衅滋事罪. One name
// graded twice is one victim; a denied grade, or the party's own injury,
// counts no one.
func TestGradedVictimsTwentyNinth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	prov := []string{"police25-30-provocation"}
	checkAnalyzerTransferRows(t, a, []transferRow{
		{"two victims graded apart", "经查，孔某酒后在夜市无故推搡路人，将路人钱某左臂打伤，经鉴定钱某左臂挫伤属轻微伤；又将上前劝架的郑某踹倒，郑某膝部擦伤，鉴定为轻微伤。",
			prov, rules.RiskLikely, "寻衅滋事罪"},
		{"one victim graded twice", "经查，孔某酒后在夜市无故推搡路人钱某，钱某左臂挫伤，经鉴定钱某系轻微伤；复核鉴定钱某仍为轻微伤。",
			prov, rules.RiskNone, ""},
		{"one grade denied", "经查，孔某酒后在夜市无故推搡路人，钱某左臂挫伤，经鉴定钱某未达轻微伤；郑某膝部擦伤，鉴定为轻微伤。",
			prov, rules.RiskNone, ""},
		{"the party's own injury", "经查，孔某酒后在夜市无故推搡路人，郑某膝部擦伤，鉴定为轻微伤；违法行为人孔某手部划伤亦为轻微伤。",
			prov, rules.RiskNone, ""},
	})
}

// TestTaxShareNamedTotalTwentyNinth: the share of the tax evaded told after
// the total it is a share of, with the total's amount between (占同期应纳税
// 总额九十万元的16.7%), or left for the reader to compute from the two sums
// (少缴…二十万元，当年应纳税总额一百五十万元), is the 百分之十以上 of 逃税罪; a
// smaller share by either way is none.
func TestTaxShareNamedTotalTwentyNinth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tax := []string{"tax-63-evasion"}
	checkAnalyzerTransferRows(t, a, []transferRow{
		{"share after the named total", "经查，某商贸公司采取收入不入账的方式少缴增值税和企业所得税共计人民币十五万元，占同期应纳税总额九十万元的16.7%，经下达追缴通知后仍未补缴。",
			tax, rules.RiskLikely, "逃税罪"},
		{"share from the two sums", "经查，某物流公司隐匿运输收入，少缴税款二十万元，当年应纳税总额为一百五十万元，追缴通知送达后拒不补缴。",
			tax, rules.RiskLikely, "逃税罪"},
		{"small share from the two sums", "经查，某物流公司隐匿运输收入，少缴税款十二万元，当年应纳税总额为三百万元，追缴通知送达后拒不补缴。",
			tax, rules.RiskNone, ""},
		{"small share after the named total", "经查，某商贸公司少缴税款共计十一万元，占应纳税款总额的5.2%，经下达追缴通知后仍未补缴。",
			tax, rules.RiskNone, ""},
	})
}

// TestMonthsListedWagesTwentyNinth: the months owed told one by one (其4月、
// 5月工资, 1月、2月、3月和4月的工资) count one each against the 三个月以上 of
// 拒不支付劳动报酬罪: two months are none, four are likely.
func TestMonthsListedWagesTwentyNinth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	wages := []string{"labour-26-compensation"}
	checkAnalyzerTransferRows(t, a, []transferRow{
		{"two months listed", "某洗车行拖欠洗车工潘某4月、5月工资共计八千元，区人社局责令其限期支付，逾期仍未支付。",
			wages, rules.RiskNone, ""},
		{"four months listed", "某洗车行拖欠洗车工潘某1月、2月、3月和4月的工资共计一万二千元，区人社局责令其限期支付，逾期仍未支付。",
			wages, rules.RiskLikely, "拒不支付劳动报酬罪"},
	})
}

// TestDefianceAfterClausesTwentyNinth: the defiance of an order told in the
// next sentence after clauses of what the party did instead (限期届满后，该
// 老板将挖掘机转卖、更换手机号码、搬离租住地，工人工资仍分文未付), or as the
// hazard found unchanged (复查时，上述隐患依旧), is the 经责令支付仍不支付 and the
// 经通知…拒绝执行 as 逾期仍未支付 is. A correction told before the failure (已足额
// 支付, 已整改) is none.
func TestDefianceAfterClausesTwentyNinth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	wages := []string{"labour-26-compensation"}
	fire := []string{"fire-60-hazard-notice-ignored"}
	checkAnalyzerTransferRows(t, a, []transferRow{
		{"wages: clauses, then nothing paid", "某土方工程队拖欠司机柏某等十二人三个月工资共计十一万元，县人社局向其送达限期支付指令书。限期届满后，该老板将挖掘机转卖、更换了手机号码、搬离租住地，工人工资仍分文未付。",
			wages, rules.RiskLikely, "拒不支付劳动报酬罪"},
		{"wages: paid before a later failure", "某土方工程队拖欠司机柏某等十二人三个月工资共计十一万元，县人社局向其送达限期支付指令书。期满后经复查，该老板已足额支付全部工资，未发现新的欠薪。",
			wages, rules.RiskNear, "拒不支付劳动报酬罪"},
		{"fire: the hazard unchanged", "消防救援大队检查发现某酒楼厨房燃气报警装置损坏，下发《责令限期改正通知书》。逾期复查时，上述隐患依旧。11月2日该酒楼厨房起火，一名帮厨死亡。",
			fire, rules.RiskLikely, "消防责任事故罪"},
		{"fire: corrected at the check", "消防救援大队检查发现某酒楼厨房燃气报警装置损坏，下发《责令限期改正通知书》。逾期复查时，上述隐患已整改，装置运行正常。11月2日该酒楼厨房起火，一名帮厨死亡。",
			fire, rules.RiskNear, "消防责任事故罪"},
	})
}

// TestCasinoLookoutByDutyTwentyNinth: a lookout told by the duty the party
// gave (安排其侄子在巷口观察有无民警, 在楼道把风) is the 雇用放哨、望风人员 of
// 开设赌场 beside the table and the cut; officers watching the traffic on a
// stakeout are nobody's lookout.
func TestCasinoLookoutByDutyTwentyNinth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	gamb := []string{"police25-82-gambling"}
	checkAnalyzerTransferRows(t, a, []transferRow{
		{"a nephew told to watch", "经查，祁某在城郊租用仓库摆放赌桌两张，安排其侄子在巷口观察来往车辆，按每局抽水百分之十牟利。",
			gamb, rules.RiskLikely, "开设赌场罪"},
		{"a man keeping watch", "经查，祁某在城郊租用仓库摆放赌桌两张，另有一名男子在楼道把风，祁某按每局收取台费。",
			gamb, rules.RiskLikely, "开设赌场罪"},
		{"officers watching", "民警在城郊仓库外蹲守，观察来往车辆后进入，查获祁某摆放的赌桌两张，祁某按每局收取台费。",
			gamb, rules.RiskNone, ""},
	})
}

// TestStateOrganSealMadeTwentyNinth: a state organ's seal or certificate
// told by its making (刻制“某市住房和城乡建设局”印章, 制作…《不动产权证书》)
// is forged whatever the verb; a company's seal, a seal another made and
// the party only used, and a making denied are not.
func TestStateOrganSealMadeTwentyNinth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkAnalyzerTransferRows(t, a, []transferRow{
		{"an organ's seal carved", "经查，欧某在其刻章店内为他人刻制“某市住房和城乡建设局”印章一枚，收取费用五百元。",
			nil, rules.RiskLikely, "伪造、变造、买卖国家机关公文、证件、印章罪"},
		{"a title certificate made", "经查，欧某用电脑和彩色打印机为他人制作《不动产权证书》两本，每本收费三百元。",
			nil, rules.RiskLikely, "伪造、变造、买卖国家机关公文、证件、印章罪"},
		{"a company's seal", "经查，欧某在其刻章店内为某贸易有限公司刻制公章一枚，未查验营业执照，未向公安机关备案。",
			nil, rules.RiskNone, ""},
		{"another's seal used", "经查，欧某在办理业务时使用他人私刻的“某县市场监督管理局”公章一枚。",
			nil, rules.RiskNone, ""},
	})
}

// TestStandardTitledFacilityTwentyNinth: a facility measured against a
// standard named by its title (未按《工业企业设计防火标准》设置…装置) is the
// conditions failing the national standard of 重大劳动安全事故罪, before
// 重大责任事故罪; a worker's breach of a titled rule (未按《有限空间作业安全规程》
// 设置监护人) is not.
func TestStandardTitledFacilityTwentyNinth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	acc := []string{"safety-114-general-accident"}
	checkAnalyzerTransferRows(t, a, []transferRow{
		{"a facility against a titled standard", "经调查，某家具厂喷涂车间未按《工业企业设计防火标准》设置防爆通风装置，9月8日车间发生爆燃，造成一名喷漆工死亡。",
			acc, rules.RiskLikely, "重大劳动安全事故罪"},
		{"a worker's breach of a titled rule", "经调查，某污水处理厂班长未按《有限空间作业安全规程》设置监护人即安排清淤，9月8日一名操作工在池内中毒，经抢救无效死亡。",
			acc, rules.RiskLikely, "重大责任事故罪"},
	})
}

// TestRecurringTransferKindsTwentyNinth holds the forms of three kinds that
// recurred over the blind transfer rounds (transfer26b … transfer29b) in
// new words: a facility failing a standard however the standard is named
// (国家标准, 行业标准, a title), an order's defiance told in the next
// sentence however far the failure stands from the check, and victims
// counted by the grade told at once or name by name.
func TestRecurringTransferKindsTwentyNinth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	acc := []string{"safety-114-general-accident"}
	wages := []string{"labour-26-compensation"}
	prov := []string{"police25-30-provocation"}
	const labour, liability = "重大劳动安全事故罪", "重大责任事故罪"
	checkAnalyzerTransferRows(t, a, []transferRow{
		{"national standard, set", "经调查，某木业公司砂光车间未按国家标准设置除尘系统，8月1日发生粉尘爆炸，造成一人死亡。", acc, rules.RiskLikely, labour},
		{"national standard, designed", "经调查，某木业公司砂光车间除尘系统未按国家标准设计，8月1日发生粉尘爆炸，造成一人死亡。", acc, rules.RiskLikely, labour},
		{"trade standard", "经调查，某气体充装站未按行业标准设置紧急切断装置，8月1日发生泄漏爆炸，造成一人死亡。", acc, rules.RiskLikely, labour},
		{"facility fails a title", "经调查，某地下车库改建的仓库通风设施不符合《工业建筑供暖通风与空气调节设计规范》要求，8月1日一名搬运工窒息死亡。", acc, rules.RiskLikely, labour},
		{"a worker's breach only", "经调查，某木业公司叉车司机违反操作规程倒车，将一名搬运工挤压致死。", acc, rules.RiskLikely, liability},
		{"defied: at once", "某酒店拖欠厨师严某等十一人三个月工资共计七万元，人社局责令其十日内支付。期满后仍未支付。", wages, rules.RiskLikely, "拒不支付劳动报酬罪"},
		{"defied: after clauses", "某酒店拖欠厨师严某等十一人三个月工资共计七万元，人社局责令其十日内支付。期满后，老板先称资金周转困难、又称正在变卖设备、后来干脆不接电话，工资至今未付。", wages, rules.RiskLikely, "拒不支付劳动报酬罪"},
		{"paid in between", "某酒店拖欠厨师严某等十一人三个月工资共计七万元，人社局责令其十日内支付。期满后，老板已足额支付，此后未再发生欠薪。", wages, rules.RiskNear, "拒不支付劳动报酬罪"},
		{"victims: a count", "经查，彭某无故拦住两名路人拳打脚踢，致二人经鉴定均为轻微伤。", prov, rules.RiskLikely, "寻衅滋事罪"},
		{"victims: a list", "经查，彭某无故拦住路人拳打脚踢，经鉴定蔡某、龚某均为轻微伤。", prov, rules.RiskLikely, "寻衅滋事罪"},
		{"victims: apart", "经查，彭某无故拦住路人拳打脚踢，蔡某面部挫伤，鉴定为轻微伤；龚某门牙松动，经鉴定属轻微伤。", prov, rules.RiskLikely, "寻衅滋事罪"},
		{"victims: one", "经查，彭某无故拦住路人拳打脚踢，蔡某面部挫伤，鉴定为轻微伤；龚某未受伤。", prov, rules.RiskNone, ""},
	})
}
