package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// TestTransferPhrasingFamilies runs the phrasing families of the eighth
// round (issue 12, "acc9transfer") through the measures and the transfer
// catalog: the crime told by its result or in everyday words (没买单, 假扮
// 客服…被转走, 抢救无效身亡, 未检出…成分, 病害猪, 欠…工钱, 过了期限…没付,
// 随时可能发生爆炸), and its neighbours that are no crime (a lab result on
// a food, a defect still in use without a stop order, a small debt).
func TestTransferPhrasingFamilies(t *testing.T) {
	crimes, err := rules.LoadCrimes()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, benchmark, facts, want, crime string
	}{
		{"shoplifting told by the till", "police-49-theft", "顾客将三瓶洋酒藏进羽绒外套，不结账离开超市，经认定价值二千六百元。", rules.RiskLikely, "盗窃罪"},
		{"shoplifting below the provincial figure", "police-49-theft", "顾客将两盒茶叶藏在大衣里没买单就走，价值五百元。", rules.RiskNone, "盗窃罪"},
		{"fraud told by its result", "police-49-theft", "被害人接到假扮电商平台客服的电话，按对方要求开启共享屏幕后，银行卡内七千元被转走。", rules.RiskLikely, "诈骗罪"},
		{"worker killed, told as 抢救无效", "safety-114-general-accident", "一名装卸工被倒塌的货架砸中，送医院后抢救无效身亡。", rules.RiskLikely, "重大责任事故罪"},
		{"fake capsules by the lab result", "drug-116-counterfeit", "该店销售的“阿莫西林胶囊”经药品检验所检验，未检出阿莫西林成分。", rules.RiskLikely, "生产、销售、提供假药罪"},
		{"diseased pigs as 病害", "food-123-dead-animal-meat", "当事人低价收购病害猪，屠宰后加工成腊肉出售。", rules.RiskLikely, "生产、销售不符合安全标准的食品罪"},
		{"pipe told as a hose to outside", "water-83-evading-supervision", "该厂从酸洗车间接了根塑料软管通到厂外的水渠，排放含铬废水。", rules.RiskLikely, "污染环境罪"},
		{"hazardous waste by its kind", "waste-112-hw-dumping", "当事人将废乳化液约3.4吨用槽车拉到郊外倒进雨水井。", rules.RiskLikely, "污染环境罪"},
		{"hazardous waste by its kind, near", "waste-112-hw-dumping", "当事人将废液压油2.5吨倒入厂后荒沟。", rules.RiskNear, "污染环境罪"},
		{"wages owed told plainly", "labour-26-compensation", "十一名钢筋工反映老板欠他们两个多月的工钱共四万元，人社局下了限期改正指令书，过了期限老板还是没付。", rules.RiskLikely, "拒不支付劳动报酬罪"},
		{"order ignored, danger at any moment", "safety-102-hidden-danger", "该厂液氨管道腐蚀泄漏被认定为重大事故隐患，已责令停止使用，复查时该管道仍在使用，随时可能发生泄漏中毒。", rules.RiskLikely, "危险作业罪"},
		{"pickpocketing in a carriage", "police-49-theft", "公交车车厢里，吴某从一名乘客外衣口袋里摸走钱包，内有现金二百元。", rules.RiskLikely, "盗窃罪"},
		{"cadmium as a multiple with the limit between", "water-83-excess", "经监测，该厂外排废水总镉浓度为排放标准限值（0.1mg/L）的5倍。", rules.RiskLikely, "污染环境罪"},
		{"farmland in square metres", "land-77-illegal-occupation", "当事人未经批准占用村集体水浇地7200平方米修建停车场，耕作层已被破坏。", rules.RiskLikely, "非法占用农用地罪"},
		// the neighbours that name no crime: a lab result on a food, a
		// defect still in use with no stop order and no danger stated, two
		// workers owed one month
		{"food ingredient not found", "ad-55-false-advertiser", "经抽样检验，该批次“人参口服饮品”未检出人参皂苷成分。", rules.RiskNone, ""},
		{"hazard not corrected, no order", "safety-102-hidden-danger", "配电室电缆沟积水隐患未整改，检查时配电柜仍在使用。", rules.RiskNone, ""},
		{"two workers owed one month", "labour-26-compensation", "小饭馆欠2名洗碗工3月份工资共五千元，指令书期满仍未付。", rules.RiskNone, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			norm := nlp.NormalizeText(tt.facts)
			m := measures(norm, tt.facts, nlp.Extract(tt.facts))
			got := crimes.Assess(rules.TransferInput{Text: tt.facts, Measures: m, Benchmarks: []string{tt.benchmark}}, rules.TransferOptions{})
			if got.Risk != tt.want || (tt.want != rules.RiskNone && got.Crime != tt.crime) {
				t.Fatalf("risk = %s %q (%s), want %s %q; measures %v", got.Risk, got.Crime, got.Threshold, tt.want, tt.crime, m)
			}
		})
	}
}

// TestMeasuresPlainWords checks the measures read from everyday words: the
// workers owed (欠…名), the tax on invoices issued without a real trade, a
// death after treatment failed (无效 is no denial).
func TestMeasuresPlainWords(t *testing.T) {
	tests := []struct {
		name, text, measure string
		want                float64
	}{
		{"workers owed, 欠 before the count", "包工头欠5名木工的工资共计二万元。", rules.MeasureWorkers, 5},
		{"workers owed, 欠我们", "老板欠我们八个人的工钱。", rules.MeasureWorkers, 8},
		{"invoice tax without 虚开", "在无真实业务往来的情况下为他人开具增值税专用发票9份，税额12万元。", rules.MeasureInvoiceTax, 120000},
		{"death despite treatment", "伤者经医院抢救无效死亡。", rules.MeasureDeaths, 1},
		{"death told as 身亡 after 无效", "送医后抢救无效身亡", rules.MeasureDeaths, 1},
		{"farmland in square metres", "占用一般耕地6000平方米建设仓库", rules.MeasureFarmland, 9},
		{"亩 decides over a floor area", "占用耕地2亩建设厂房，建筑面积3000平方米", rules.MeasureFarmland, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := measures(nlp.NormalizeText(tt.text), tt.text, nlp.Extract(tt.text))[tt.measure]; got != tt.want {
				t.Errorf("%s = %v, want %v", tt.measure, got, tt.want)
			}
		})
	}
}
