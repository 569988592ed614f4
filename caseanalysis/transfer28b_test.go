package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/rules"
)

// TestOrderDefiedNextSentenceTwentyEighth: an order with a time limit told
// in one sentence and its defiance in the next (责令…付清。期满后…仍未支付;
// 下发…通知书。复查时…均未整改) is the 经责令支付仍不支付 of 拒不支付劳动报酬罪
// and the 经通知…拒绝执行 of 消防责任事故罪. A next sentence telling the work
// done, or a failure before the time limit ran out (尚未), is none.
func TestOrderDefiedNextSentenceTwentyEighth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	wages := []string{"labour-26-compensation"}
	fire := []string{"fire-60-hazard-notice-ignored"}
	checkAnalyzerTransferRows(t, a, []transferRow{
		{"wages: a limit, then nothing paid", "某服装厂拖欠缝纫工韦某等十五人三个月工资共计九万六千元。区人社局于5月6日责令其十日内付清。期满后该厂分文未付，老板关机失联。",
			wages, rules.RiskLikely, "拒不支付劳动报酬罪"},
		{"wages: a limit, a check, nothing given", "某装饰公司欠付油漆工孟某等11人2025年9月至12月工资共计六万三千元，监察大队向其送达指令书，限一周内发放。复查时该公司一分没给。",
			wages, rules.RiskLikely, "拒不支付劳动报酬罪"},
		{"wages: paid within the limit", "某服装厂拖欠缝纫工韦某等十五人三个月工资共计九万六千元。区人社局于5月6日责令其十日内付清。期满前该厂已全部付清。",
			wages, rules.RiskNear, "拒不支付劳动报酬罪"},
		{"wages: not yet due", "某服装厂拖欠缝纫工韦某等十五人三个月工资共计九万六千元。区人社局于5月6日责令其于5月31日前付清。5月20日检查时该厂尚未支付。",
			wages, rules.RiskNear, "拒不支付劳动报酬罪"},
		{"fire: a notice, then a check finds nothing done", "消防救援大队检查发现某商场防火卷帘失效，下发《责令限期改正通知书》。十日后复查，上述隐患均未整改。9月3日商场发生火灾，造成两名顾客死亡。",
			fire, rules.RiskLikely, "消防责任事故罪"},
		{"fire: the notice complied with", "消防救援大队检查发现某商场防火卷帘失效，下发《责令限期改正通知书》。十日后复查，已整改完毕。9月3日商场发生火灾，造成两名顾客死亡。",
			fire, rules.RiskNear, "消防责任事故罪"},
	})
}

// TestBlowAtOfficialDisposalTwentyEighth: a blow at an official told with
// 将/把 before the verb (将执法队员高某推倒在地, 把民警孔某打伤) is the violence
// of 妨害公务罪 and 袭警罪 as 推倒执法队员 is. The official's things (将执法
// 人员的摄像机推倒), an official's own act (民警将醉汉按倒) and a denied blow
// are not.
func TestBlowAtOfficialDisposalTwentyEighth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	duty := []string{"police25-61-obstruct-duty"}
	checkAnalyzerTransferRows(t, a, []transferRow{
		{"a hawker pushes an officer down", "城管执法队员在查处占道经营时，摊贩胡某拒不收摊，将执法人员高某推倒在地，致其手肘擦伤。",
			duty, rules.RiskLikely, "妨害公务罪"},
		{"a drunk strikes a policeman", "民警孔某、辅警易某到场调解时，醉酒男子邹某突然冲上前，把民警孔某打伤，致其眼眶青肿。",
			duty, rules.RiskLikely, "袭警罪"},
		{"the officer's camera pushed over", "摊贩胡某拒不收摊，将执法人员的摄像机推倒，阻碍执行职务，经劝说后离开。",
			duty, rules.RiskNone, ""},
		{"a policeman holds a drunk down", "民警将醉酒闹事的邹某按倒控制，邹某口头辱骂，阻碍执行职务，未动手。",
			duty, rules.RiskNone, ""},
		{"a blow denied", "摊贩胡某与执法人员发生口角，经查看执法记录仪，胡某未将执法人员推倒，仅拉扯执法车门，阻碍执行职务。",
			duty, rules.RiskNone, ""},
	})
}

// TestGamblersNamedListTwentyEighth: the gamblers an organiser gathered
// named in a list after his verb (组织邱某、龙某、骆某…赌博) are counted by
// their names, as 参赌人数 told in a number is; two names are fewer than
// three, and people named after another verb (组织…搬运) are no gamblers:
// the count is then unknown, and the cut alone is near.
func TestGamblersNamedListTwentyEighth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	gamb := []string{"police25-82-gambling-serious"}
	checkAnalyzerTransferRows(t, a, []transferRow{
		{"three named", "经查，业主韦某在自家茶室组织邱某、龙某和骆某以“跑得快”方式赌博，从中抽取“茶水费”累计5600元。",
			gamb, rules.RiskLikely, "赌博罪"},
		{"four named, 等人", "经查，业主韦某在自家茶室组织邱某、龙某、骆某、覃某等人赌博，从中抽头累计5600元。",
			gamb, rules.RiskLikely, "赌博罪"},
		{"two named", "经查，业主韦某在自家茶室组织邱某、龙某与其三人赌博，抽头累计1200元。",
			gamb, rules.RiskNone, ""},
		{"a list after another verb", "经查，业主韦某组织邱某、龙某、骆某搬运桌椅，当晚又在茶室设局赌博，抽头累计5600元。",
			gamb, rules.RiskNear, "赌博罪"},
	})
}

// TestGasReadingAboveAlarmTwentyEighth: with the gas alarm shut off, a
// reading at or above a quarter of the lower explosive limit (读数为42%LEL,
// 浓度达爆炸下限的30％) passes any first-level alarm setting (GB/T 50493) and
// is the 现实危险 of 危险作业罪; a lower reading (also 达爆炸下限的6％, a share
// and not the limit reached) and the alarm's setting told as a share stay
// near.
func TestGasReadingAboveAlarmTwentyEighth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	mon := []string{"safety-99-monitoring-disabled"}
	checkAnalyzerTransferRows(t, a, []transferRow{
		{"a reading in LEL", "检查发现某家具厂喷漆房的可燃气体报警控制器被人为关闭，执法人员用四合一气体检测仪测得喷漆房内可燃气体读数为42%LEL。",
			mon, rules.RiskLikely, "危险作业罪"},
		{"a share of the limit, full-width", "检查发现某液化气站将可燃气体报警器关闭，现场检测储瓶间浓度达爆炸下限的30％。",
			mon, rules.RiskLikely, "危险作业罪"},
		{"a low reading", "检查发现某家具厂喷漆房的可燃气体报警控制器被人为关闭，执法人员测得喷漆房内可燃气体读数为6%LEL。",
			mon, rules.RiskNear, "危险作业罪"},
		{"a low share read as the limit reached", "检查发现某液化气站将可燃气体报警器关闭，现场检测储瓶间浓度达爆炸下限的6％。",
			mon, rules.RiskNear, "危险作业罪"},
		{"the setting, not a reading", "检查发现某家具厂喷漆房的可燃气体报警控制器被人为关闭，该报警器报警设定值为爆炸下限的25%。",
			mon, rules.RiskNear, "危险作业罪"},
	})
}

// TestFacilityDesignTwentyEighth: a facility told as designed or fitted
// against the national standard (除尘管道未按照国家标准设计) or equipment not
// explosion-proof with a word between (电气设备均不防爆) is 重大劳动安全事故罪's
// unsafe facility; a worker's breach of a rule, or the equipment told as
// changed to explosion-proof, stays 重大责任事故罪's.
func TestFacilityDesignTwentyEighth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	acc := []string{"safety-114-general-accident"}
	checkAnalyzerTransferRows(t, a, []transferRow{
		{"a duct designed against the standard", "某木业公司砂光车间的除尘管道未按照国家标准设计，2026年5月发生木粉尘爆炸，造成工人1人死亡。",
			acc, rules.RiskLikely, "重大劳动安全事故罪"},
		{"equipment all not explosion-proof", "某铝材厂抛光车间的电气设备均不防爆，2026年5月发生铝粉爆燃，造成工人1人死亡。",
			acc, rules.RiskLikely, "重大劳动安全事故罪"},
		{"a worker's breach", "某建筑公司项目经理安排工人在未系安全带的情况下高处作业，工人1人坠落死亡。",
			acc, rules.RiskLikely, "重大责任事故罪"},
		{"equipment changed to explosion-proof", "某木业公司车间电气设备已全部更换为防爆型，工人违规在车间内动火切割引发粉尘爆炸，造成1人死亡。",
			acc, rules.RiskLikely, "重大责任事故罪"},
	})
}

// TestArmedThreatAtOfficialTwentyEighth: a weapon taken up and turned on an
// official (抄起斧头冲着执法人员比划, 举起铁锹朝税务人员挥舞) is the threat of
// 妨害公务罪 whatever words of threat follow; a knife in a cook's hand, a
// weapon turned on someone else, and a weapon denied are not.
func TestArmedThreatAtOfficialTwentyEighth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	duty := []string{"police25-61-obstruct-duty"}
	checkAnalyzerTransferRows(t, a, []transferRow{
		{"an axe at officers", "执法人员查处违建时，户主抄起一把斧头冲着执法人员比划，执法人员被迫撤离。",
			duty, rules.RiskLikely, "妨害公务罪"},
		{"a spade at tax officers", "税务人员上门送达文书时，法定代表人举起铁锹朝税务人员挥舞，文书未能送达。",
			duty, rules.RiskLikely, "妨害公务罪"},
		{"a cook's knife", "执法人员检查时，厨师正在用菜刀切菜，对检查未提出异议，店主阻碍执行职务拒不开门。",
			duty, rules.RiskNone, ""},
		{"a knife at a neighbour", "执法人员调解时，户主拿起菜刀朝邻居挥舞，执法人员上前制止，户主随后阻碍执行职务。",
			duty, rules.RiskNone, ""},
		{"a weapon denied", "经查看执法记录仪，户主未持刀，也未拿棍棒朝执法人员挥舞，仅言语阻碍执行职务。",
			duty, rules.RiskNone, ""},
	})
}

// TestGoodsMovedFromArrearsTwentyEighth: goods moved away to be kept
// elsewhere (货物转运至其表哥的仓库存放) or moved for the purpose of escaping
// seizure (为躲避税务机关查封) after tax fell due is 税收征收管理法 第六十五条's
// 转移财产, not the bare non-payment of 第六十八条; non-payment alone stays
// 第六十八条.
func TestGoodsMovedFromArrearsTwentyEighth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{name: "goods moved to a cousin's store", facts: "某粮油商行欠缴2025年度税款5,300元，经税务机关责令限期缴纳逾期未缴。核查发现，该商行已将仓库内的大米、食用油转运至其表哥的仓库存放。",
			day: "2026-05-12", want: "tax-65-evading-arrears", min: 2650, max: 26500},
		{name: "moved to escape seizure", facts: "某建材经营部欠缴增值税8,400元，经催缴逾期未缴。经查，经营者为躲避税务机关查封，将门店内钢材连夜拉到外地。",
			day: "2026-05-12", want: "tax-65-evading-arrears", min: 4200, max: 42000},
		{name: "non-payment alone", facts: "某粮油商行欠缴2025年度税款5,300元，经税务机关责令限期缴纳，逾期仍未缴纳，经营者称资金周转困难。",
			day: "2026-05-12", want: "tax-68-unpaid-after-order", min: 2650, max: 26500},
	})
}

// TestRecurringTransferKindsTwentyEighth: the kinds that came back round
// after round (transfer24 … transfer27b: the blow at an officer, the wages
// order defied, the gamblers listed), in the earlier rounds' forms and new
// words, each read by the one reader of its form rather than by a cue per
// phrasing.
func TestRecurringTransferKindsTwentyEighth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	duty := []string{"police25-61-obstruct-duty"}
	wages := []string{"labour-26-compensation"}
	gamb := []string{"police25-82-gambling-serious"}
	checkAnalyzerTransferRows(t, a, []transferRow{
		{"an officer held down, named", "民警伍某依法盘查时，嫌疑人包某突然发难，将民警伍某按倒在地并撕扯其警服。",
			duty, rules.RiskLikely, "袭警罪"},
		{"an inspector knocked over", "劳动保障监察员上门调查时，老板甘某把执法人员葛某撞倒，致其腰部扭伤。",
			duty, rules.RiskLikely, "妨害公务罪"},
		{"a traffic officer pushed down, unhurt", "交警钟某查验驾驶证时，驾驶人冉某把交警钟某推倒在地后驾车离开，钟某未受伤，阻碍执行职务。",
			duty, rules.RiskNone, ""},
		{"a cleaver held at tax officers", "税务人员执行查封时，欠税人拿起菜刀对着税务人员比画，扬言同归于尽。",
			duty, rules.RiskLikely, "妨害公务罪"},
		{"wages: paid on no due date", "某物业公司拖欠保洁员甘某等14人2025年10月至2026年1月工资共计七万九千元。监察机构责令其于2月28日前发放。到期后仍未发放。",
			wages, rules.RiskLikely, "拒不支付劳动报酬罪"},
		{"gamblers listed with 及", "经查，夏某在其出租屋内召集符某、聂某及庞某玩“推筒子”赌博，从中抽头共计5200元。",
			gamb, rules.RiskLikely, "赌博罪"},
	})
}
