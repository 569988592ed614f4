package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/rules"
)

// TestTransferThirteenthRoundKinds holds the kinds the thirteenth accuracy
// round on likely criminal transfers fixed (issue 12, acc14transfer), each in
// words other than the development rows': an accident graded 较大 or above,
// the counterfeit mark's name between 假冒 and 注册商标的商品, industrial rosin
// used on meat, a pipe that bypasses the treatment works, the children
// counted for 雇用童工从事危重劳动罪, a theft told by the moment the owner
// looked away, a mahjong game with a cut, a rough count (七八名), gambling
// machines with their profit, an exceedance after the standard's full
// citation; and near-misses that must stay below likely.
func TestTransferThirteenthRoundKinds(t *testing.T) {
	checkTransferRows(t, []transferRow{
		{"an accident graded 较大", "经调查，该起坍塌事故造成多人伤亡，事故等级为较大生产安全事故，公司主要负责人未履行安全生产管理职责。", []string{"safety-95-principal-larger-accident"}, rules.RiskLikely, "重大责任事故罪"},
		{"a 重大事故隐患 is no accident", "检查发现该公司液氨储罐区存在重大事故隐患，未采取措施消除。", []string{"safety-102-hidden-danger"}, rules.RiskNone, "危险作业罪"},
		{"the mark's name inside 假冒…注册商标的商品", "当事人在网店销售假冒“阿迪达斯”注册商标的商品，销售金额七万二千元。", []string{"tm-60-infringement"}, rules.RiskLikely, "销售假冒注册商标的商品罪"},
		{"industrial rosin on pig trotters", "执法人员发现作坊工人将猪蹄浸入熔化的工业用松香中褪毛后销售。", []string{"food-123-nonfood-substance"}, rules.RiskLikely, "生产、销售有毒、有害食品罪"},
		{"a hose that bypasses the treatment works", "检查发现某电镀厂用一根软管绕过废水处理站直排，采样检出总镍浓度12mg/L、含铬。", []string{"water-83-evading-supervision"}, rules.RiskLikely, "污染环境罪"},
		{"four children on a scaffold", "劳动保障监察员查明某工地使用4名未满十六周岁的少年从事高空作业。", []string{"child-6-child-labour"}, rules.RiskLikely, "雇用童工从事危重劳动罪"},
		{"three children at ordinary work stay below", "某制衣厂招用童工3名在车间剪线头，每人使用一个月。", []string{"child-6-child-labour"}, rules.RiskNone, "雇用童工从事危重劳动罪"},
		{"a theft while the clerk looked away", "付某在手机店趁店员不备将一部展示机装进口袋离开，经价格认定价值四千五百元。", []string{"police25-58-theft"}, rules.RiskLikely, "盗窃罪"},
		{"a mahjong game with a cut", "查明陶某在出租屋内组织邻居打麻将赌博，按局收取台费抽头，累计抽头渔利七千元。", []string{"police25-82-gambling-serious"}, rules.RiskLikely, "赌博罪"},
		{"a small cut and a rough count stay below", "查明程某在棋牌室每晚组织七八人赌博，累计抽头一千五百元。", []string{"police25-82-gambling-serious"}, rules.RiskNone, "开设赌场罪"},
		{"gambling machines and their profit", "民警查获某游戏厅摆放可押分退币的赌博机八台，经营者兑付现金，非法获利一万二千元。", []string{"police25-82-gambling-serious"}, rules.RiskLikely, "开设赌场罪"},
		{"an exceedance after the standard's citation", "监测报告显示总镉浓度为0.56mg/L，超过《污水综合排放标准》(GB 8978-1996)第一类污染物最高允许排放浓度(0.1mg/L)4.6倍。", []string{"water-83-excess"}, rules.RiskLikely, "污染环境罪"},
		// second batch
		{"rosin on a carcass names the crime under another provision", "检查发现加工点将宰杀后的肉鸡放入熔化的松香中拔毛，所用松香为工业级产品。", []string{"food-124-contaminants"}, rules.RiskLikely, "生产、销售有毒、有害食品罪"},
		{"a coat worn out of the shop while the clerk turned away", "武某在服装店试穿一件大衣后，趁店员转身整理货架之际穿着大衣离开，经价格认定价值三千一百元。", []string{"police25-26-disrupt-order"}, rules.RiskLikely, "盗窃罪"},
		{"a card room's mahjong with small fees stays below", "棋牌室老板为六人打麻将赌博提供场所，按每桌收取台费一百元，当晚共收取台费二百元，现场查获赌资二千元。", []string{"police25-82-gambling"}, rules.RiskNone, "开设赌场罪"},
		{"players at mahjong with stakes only stay below", "钱某等四人在棋牌室以打麻将方式赌博，现场查获赌资六百元，未发现抽头。", []string{"police25-82-gambling"}, rules.RiskNone, "开设赌场罪"},
		{"a false report of a theft", "报警人称家中被盗，民警到场查明其并未失窃，系与家人争吵后故意谎报警情。", []string{"police25-29-false-alarm"}, rules.RiskNone, ""},
	})
}

// TestRoughCount reads two numerals side by side as the larger.
func TestRoughCount(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want float64
	}{{"七八", 8}, {"三五", 5}, {"十五", 15}, {"12", 12}, {"两", 2}} {
		if got, ok := count(tt.in); !ok || got != tt.want {
			t.Errorf("count(%q) = %v, %v; want %v", tt.in, got, ok, tt.want)
		}
	}
}
