package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// TestLiabilityReaderTwentySeventh: one reader tells whose each share of an
// accident's liability is and who died, for the 交通肇事罪 condition and the
// blanking of the dead's share alike (left27). The dead are read from the
// death however it is told after the name (倒地后死亡), and a share told with
// 承担 is a share as one told with 负; the party's own full share, with the
// victim's death, is still likely.
func TestLiabilityReaderTwentySeventh(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkAnalyzerTransferRows(t, a, []transferRow{
		{"a rider named only as the one who died bore the main share",
			"当事人驾驶小型轿车在环城北路与一辆电动车相撞，电动车驾驶人章某倒地后死亡。经认定，章某负事故主要责任。",
			nil, rules.RiskNone, ""},
		{"roles only, the dead motorcyclist's share told with 承担",
			"两车在十字路口相撞，三轮摩托车驾驶人当场死亡。交警认定三轮摩托车驾驶人承担事故主要责任，小型客车驾驶人承担次要责任。",
			nil, rules.RiskNone, ""},
		{"the party's own full share told with 承担",
			"当事人驾驶重型货车右转时未停车瞭望，将骑自行车的老人撞倒，老人经抢救无效死亡。经认定，当事人承担事故全部责任。",
			nil, rules.RiskLikely, "交通肇事罪"},
	})
}

// TestRecheckKeptTwentySeventh: a recheck that finds the ordered state
// 依然/依旧 kept (依然保持, 依旧符合) reads as corrected, one that finds the
// act 依旧 going on, or 依然 not meeting the order, as not corrected (left27).
func TestRecheckKeptTwentySeventh(t *testing.T) {
	tests := []struct {
		name, text string
		undone     bool
	}{
		{"the fix kept", "5月8日复查：该车间防护栏依然保持整改后的状态，警示标识完好。", false},
		{"still meeting the standard", "复查时发现，锅炉房的安全阀校验记录依旧符合规定要求。", false},
		{"running normally", "复查：油烟净化装置依然正常运行，清洗台账齐全。", false},
		{"the act goes on", "复查：该商户依旧在人行道上摆放桌椅经营。", true},
		{"still not meeting", "复查发现，排污口标志牌依然不符合规范要求。", true},
		{"still not done", "复查：隔油池依然没有安装。", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := recheckFindsUndone(nlp.NormalizeText(tt.text)); got != tt.undone {
				t.Fatalf("recheckFindsUndone = %v, want %v", got, tt.undone)
			}
		})
	}
}

// TestMinedValueBaseTwentySeventh: the value of what was mined told by its
// kind (采挖的石料价值, 盗采的山砂经估价) is the 矿产资源法 第六十四条 fine's
// base, as it is 非法采矿罪's (left27): 三倍以上五倍以下 from 十万元, a fixed
// 十万元以上一百万元以下 below it.
func TestMinedValueBaseTwentySeventh(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"stone valued by its kind, above 十万元",
			"2026年9月，郝某某未办理任何采矿手续，组织人员在村后山坡私自开采，经鉴定，采挖的石料价值共计二十一万元。",
			"2026-10-20", "mineral25-64-unlicensed-mining", "", 630000, 1050000, true},
		{"sand valued by its kind, below 十万元",
			"2026年8月，个体户蒋某无采矿许可证，夜间驾驶铲车到溪沟盗采山砂，经价格认定，盗采的山砂价值人民币捌万元。",
			"2026-09-15", "mineral25-64-unlicensed-mining", "", 100000, 1000000, false},
	})
}

// TestFamilyCarUnlicensedTwentySeventh: the family's own car taken out
// without a licence (偷开家里的…, 私自开走其母亲的…) is 道路交通安全法 第九十九条
// 第一款第（一）项's driving without a licence, not hidden by 偷开他人机动车;
// a neighbour's car taken so is still 偷开 (left27).
func TestFamilyCarUnlicensedTwentySeventh(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"the mother's car, no licence",
			"2026年5月2日下午，邱某（2009年8月出生）未取得机动车驾驶证，趁其母亲午睡，私自开走其母亲的小型越野车在镇上兜圈，被交警拦下。",
			"2026-05-20", "traffic-99-unlicensed-driving", "", 200, 2000, false},
		{"the home's car taken at night",
			"经查，2026年6月14日凌晨，18岁的贾某没有驾驶证，偷开家里的面包车载同学去网吧，途经人民路时被执勤民警查获。",
			"2026-06-30", "traffic-99-unlicensed-driving", "", 200, 2000, false},
		{"a neighbour's car is still 偷开",
			"经查，2026年6月14日凌晨，贾某趁邻居熟睡，偷开邻居停在楼下的面包车载同学去网吧，天亮前停回原处。贾某没有驾驶证。",
			"2026-06-30", "police25-76-joyride", "", 1000, 2000, false},
	})
}

// TestStopOrderDefiedTwentySeventh: building on after the order to stop is
// answered by 生态环境法典 第一千零九十五条第二款 (detention by the police), not
// called 第一款's 情节严重 by the statute: the fine stays in the basic tier
// unless the facts state the tier (left27).
func TestStopOrderDefiedTwentySeventh(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"a report-form project, the stop order ignored",
			"经查，某某木业有限公司人造板生产线项目应当编制生态环境影响报告表，该公司未报批即于2026年8月底动工。9月17日我局责令其停止建设，该公司拒不停止施工，10月已完成设备安装。",
			"2026-11-05", "eco-1095-report-form", "eco-1095-report-form-serious", 100000, 500000, false},
		{"a report-book project, night work after the order",
			"某某冶炼有限公司年产8万吨再生铝项目应编制环境影响报告书，未经审批擅自开工。2026年9月3日被责令停止建设后，仍在夜间继续施工。",
			"2026-10-10", "eco-1095-report-book", "eco-1095-report-book-serious", 200000, 1000000, false},
		{"the tier stated by the agency",
			"某某冶炼有限公司年产8万吨再生铝项目应编制环境影响报告书，未经审批擅自开工，被责令停止建设后仍在夜间继续施工，本局认定情节严重。",
			"2026-10-10", "eco-1095-report-book-serious", "", 1000000, 10000000, false},
	})
}

// TestHarmFoundInOrderTwentySeventh: a first violation corrected at once
// whose slight harm is told only as what was found in order (未发现过期、
// 变质食品; 均交有资质单位处置; 现场秩序良好，未发现危害后果) is 不予处罚
// (行政处罚法 第三十三条第一款); a failed sample beside it is not (left27).
func TestHarmFoundInOrderTwentySeventh(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkDispositionRows(t, a, []dispositionRow{
		{"no stale food found", "现场检查笔录：2026年7月3日，执法人员检查某某便利店，发现该店未建立食品进货查验记录，无法提供供货者许可证复印件。现场抽查在售食品，未发现过期、变质食品。经查，该店此前无违法记录。当日该店补建了进货台账并补齐了供货者资质。", "2026-10-01", "不予处罚"},
		{"hazardous waste handed to the licensed", "2026年9月2日检查发现，某某汽修厂未按规定申报危险废物产生情况，其废机油、废滤芯均交有资质单位处置，转移联单齐全。该厂系首次违法，当天即在系统中补报。", "2026-10-01", "不予处罚"},
		{"a failed sample is no order found", "2026年5月3日，某某超市销售的一批饮料经抽检不合格，执法人员在检查时未发现该超市有进货台账。该超市系初次违法，已下架全部饮料。", "2026-10-01", "从轻处罚"},
	})
}

// TestDisruptionLossTwentySeventh: a disruption whose loss is told only as
// its amount (造成经济损失…元) is the 情节较重 tier of 治安管理处罚法 (2025)
// 第二十六条, and a gathering led or counted by 名 (带领…余人, 召集…余名)
// with the stop it caused leaves 聚众扰乱社会秩序罪 near (严重损失 has no
// figure); the statute's own 尚未造成严重损失 is no loss (left27).
func TestDisruptionLossTwentySeventh(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"a loss told in yuan",
			"派出所查明：2026年7月8日，因拆迁补偿纠纷，柯某在某物流公司仓库门口拉横幅、堵住大门，阻止货车进出，致使该公司停止营业，造成经济损失二万三千元。",
			"2026-08-01", "police25-26-disrupt-order-serious", "", 0, 1000, false},
		{"the statute's words quoted, no loss",
			"派出所查明：2026年7月8日，柯某在某银行营业厅大吵大闹，致使窗口暂停办理业务十分钟，尚未造成严重损失。",
			"2026-08-01", "police25-26-disrupt-order", "", 0, 500, false},
	})
	checkAnalyzerTransferRows(t, a, []transferRow{
		{"a crowd counted by 名 stops a plant",
			"派出所查明：2026年5月4日，因土地流转纠纷，滕某召集四十余名村民围堵某砖厂厂门，致该厂停产两天，造成经济损失九万元。",
			[]string{"police25-26-disrupt-order-serious"}, rules.RiskNear, "聚众扰乱社会秩序罪"},
	})
}

// TestCarDriverBesideCyclistTwentySeventh: a licensed car driver's moving
// violation in a crash with an e-bike is 道路交通安全法 第九十条 — the other
// side's vehicle named does not make it a 第八十九条 case; a rider who is the
// party still is one (left27).
func TestCarDriverBesideCyclistTwentySeventh(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"a van turning without yielding hits an e-bike",
			"经查，2026年8月12日7时许，孟某驾驶面包车在解放路路口右转时未让行，与直行的电动车发生碰撞，电动车驾驶人受轻伤。孟某持有效驾驶证，车辆手续齐全。",
			"2026-08-20", "traffic-90-moving-violation", "", 20, 200, false},
		{"the e-bike rider is the party",
			"经查，2026年8月12日7时许，孟某驾驶电动自行车在解放路路口闯红灯，与正常行驶的面包车发生碰撞，无人受伤。",
			"2026-08-20", "traffic-89-pedestrian-nonmotor", "", 5, 50, false},
	})
}
