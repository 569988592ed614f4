package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// TestTransferTwelfthRoundKinds holds the kinds the twelfth accuracy round on
// likely criminal transfers fixed (issue 12, acc13transfer), each in words
// other than the development rows': 扒窃 told by the bag opened on the
// person, 多次盗窃 told by the earlier penalties, a fraud told by a false
// claim and the victim made to pay, damage told by the blow and valued, a
// heavy metal's reading with no standard beside it, a covered sensor, a race
// told by how it looked; and near rows that must stay below likely.
func TestTransferTwelfthRoundKinds(t *testing.T) {
	checkTransferRows(t, []transferRow{
		{"扒窃 by the bag opened in a crowd", "在火车站售票厅排队时，章某趁人多拥挤，用刀片割开旅客的手提包，偷走钱包一个，内有现金二百元。", []string{"police25-58-theft"}, rules.RiskLikely, "盗窃罪"},
		{"扒窃 by the victim's complaint", "报警人称在商场电梯里，背包拉链被拉开了，手机不见了，价值九百元。", []string{"police25-58-theft"}, rules.RiskLikely, "盗窃罪"},
		{"shoplifting into one's own bag is no 扒窃", "韩某在超市将两盒牛奶藏入随身背包，未结账离开，价值四十元。", []string{"police25-58-theft"}, rules.RiskNone, "盗窃罪"},
		{"多次盗窃 by the earlier penalties", "查明柯某此前已两次因偷窃他人电动车被公安机关行政拘留，本次又窃取电瓶一块，价值二百元。", []string{"police25-58-theft"}, rules.RiskLikely, "盗窃罪"},
		{"a false claim and the victim made to pay", "郑某诈称能帮人把孩子安排进重点中学，要求被害人向其微信转账一万五千元，之后手机关机，再也联系不上。", []string{"police25-58-theft"}, rules.RiskLikely, "诈骗罪"},
		{"damage told by the blow and valued", "朱某因纠纷用铁棍将邻居的电动三轮车车灯、车斗砸烂，经价格认定损失价值七千二百元。", []string{"police25-59-damage"}, rules.RiskLikely, "故意毁坏财物罪"},
		{"damage valued below the standard", "朱某用石块将邻居家的窗户玻璃砸碎，经价格认定损失价值一千一百元。", []string{"police25-59-damage"}, rules.RiskNone, "故意毁坏财物罪"},
		{"a heavy metal's reading beside a hidden pipe", "执法人员发现某镀锌厂在围墙下私设暗管，采样检出总镉浓度0.86mg/L。", []string{"water-83-evading-supervision"}, rules.RiskLikely, "污染环境罪"},
		{"a reading under the loosest limit stays near", "执法人员发现某镀锌厂在围墙下私设暗管，采样检出总镉浓度0.04mg/L。", []string{"water-83-evading-supervision"}, rules.RiskNear, "污染环境罪"},
		{"the sensor covered, sensor first", "检查发现氨气报警器的传感器被员工用胶带缠住后又用纸盒遮挡，现场氨气浓度已超过报警值。", []string{"safety-99-monitoring-disabled"}, rules.RiskLikely, "危险作业罪"},
		{"a race told by how it looked", "凌晨两名驾驶人在环城高架上你追我赶、轮番加速，多次闯红灯。", []string{"traffic-90-moving-violation"}, rules.RiskLikely, "危险驾驶罪"},
		// second batch
		{"入户 by the door opened without a key", "经查，谢某用万能钥匙打开邻居的防盗门，进屋后从床头柜拿走现金二百元。", []string{"police25-58-theft"}, rules.RiskLikely, "盗窃罪"},
		{"a fake platform the money cannot leave", "被害人称在对方推荐的理财平台投入三万元后无法提现，查明系朱某搭建的虚假平台。", []string{"police25-58-theft"}, rules.RiskLikely, "诈骗罪"},
		{"a death on the way to hospital", "一般生产安全事故：装卸工被叉车挤压受伤，送院途中死亡。", []string{"safety-114-general-accident"}, rules.RiskLikely, "重大责任事故罪"},
	})
}

// TestTwelfthRoundTransferBases: the fraud told without 骗 and the speed
// reached 一度 rank their provisions first.
func TestTwelfthRoundTransferBases(t *testing.T) {
	a := newProvisionAnalyzer(t)
	checkKindRows(t, a, []kindRow{
		{"a false claim and a phone switched off", "2026年3月，郑某虚称自己是某公司人事主管，可以安排进厂工作，让被害人向其转账八千元，之后关机不再与被害人联系。",
			// the text's only date dates the fraud (acc20dates): an act of
			// March 2026 is judged under the 2025 law in force since 2026-01-01
			"police25-58-theft", legal.Ref{}, ""},
		{"a blow told by its force", "2026年7月3日，邵某在烧烤摊与人争执，抡起酒瓶猛击对方头部，经鉴定为轻伤一级。",
			"police25-51-assault", legal.Ref{}, ""},
		{"the speed reached, the limit after", "2026年5月2日夜，驾驶人韩某驾驶小型轿车在滨海路行驶，车速最高达到130公里（该路段限速60公里）。",
			"traffic-99-speeding-50pct", legal.Ref{}, ""},
	})
}

// TestHeavyMetalReadings reads concentrations with the metal before them and
// leaves out a standard's limit.
func TestHeavyMetalReadings(t *testing.T) {
	for _, tt := range []struct {
		text  string
		metal string
		want  float64
	}{
		{"采样检出总铬21mg/L", "铬", 21},
		{"废水中总镍浓度为6.8毫克/升", "镍", 6.8},
		{"总汞检出值为35μg/L", "汞", 0.035},
		{"标准限值0.1mg/L", "", 0},
		{"化学需氧量为320mg/L", "", 0},
	} {
		got := nlp.HeavyMetalReadings(nlp.NormalizeText(tt.text))
		if tt.metal == "" {
			if len(got) != 0 {
				t.Errorf("%s: got %v, want none", tt.text, got)
			}
			continue
		}
		if len(got) != 1 || got[0].Pollutant != tt.metal || got[0].MgPerL < tt.want-1e-9 || got[0].MgPerL > tt.want+1e-9 {
			t.Errorf("%s: got %v, want %s %v", tt.text, got, tt.metal, tt.want)
		}
	}
}
