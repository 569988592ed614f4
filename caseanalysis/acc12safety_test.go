package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/rules"
)

// TestSafetyEleventhRoundFamilies holds the families the eleventh accuracy
// round of the 安全生产, 消防, 危化品 and 特种设备 group widened (issue 12,
// acc12safety), each in words other than the development rows': doors named
// as doors (逃生门, 后门…焊死), a hydrant boxed in by goods, the venue's fire
// check named 开业检查, a dwelling told by where people sleep, a flame from a
// torch, a fire-hazard notice still not acted on, a firm's report unlike the
// site, wiring told as 私接, training and certificates in other words, a pit
// as a confined space, unlicensed chemicals named by the chemical, a forklift
// driver without his licence, and 第一百一十四条第二款.
func TestSafetyEleventhRoundFamilies(t *testing.T) {
	a := newProvisionAnalyzer(t)
	checkPhrasings(t, a, []phrasingRow{
		{"escape doors padlocked", "某某KTV三楼两扇逃生门被从外面用U型锁锁住，包厢内有客人在唱歌。", "fire-60-evacuation", ""},
		{"back door welded shut in a shoe factory", "应急管理局检查某某鞋厂，车间后门已被钢筋焊死，工人只能走前门进出。", "safety-105-exits", ""},
		{"hydrant boxed in by goods", "某某建材市场在室外消火栓周边码放瓷砖，消火栓无法使用。", "fire-60-hydrant", "fire-60-facilities"},
		{"venue opened without the fire check", "某某剧本杀馆没有办理消防开业检查手续，也未作出告知承诺，就开门营业接待顾客。", "fire-58-unlicensed-venue", "safety-97-training"},
		{"family living above fireworks", "某某烟花爆竹零售店店主夫妇晚上就住在店铺阁楼上，楼下堆放烟花爆竹。", "fire-61-residential-mixed", ""},
		{"flame gun in a thinner store", "个体户赵某在堆放稀料的仓库内用火焰枪烤化冻结的水管，未引发火灾。", "fire-63-open-flame", "safety-101-hazardous-materials"},
		{"fire-hazard notice, still nothing done", "某某酒楼收到消防大队的火灾隐患整改通知书后，厨房排烟道至今没有清洗。", "fire-60-hazard-notice-ignored", "safety-102-hidden-danger"},
		{"test report unlike the building", "某某消防设施维保有限公司出具的月度维保记录写明喷淋系统、火灾自动报警系统运行正常，与商场的实际情况不符，维保人员当月并未到过商场。", "fire-69-false-documents", "fire-60-facilities"},
		{"new hands without induction", "某某印刷厂新进员工没有接受岗前教育就上机操作。", "safety-97-training", ""},
		{"electrician's certificate never renewed", "某某商场聘用的电工所持证件过期多年未复审，仍在配电房带电作业。", "safety-97-special-operators", "prod-52-expired"},
		{"cleaning the bottom of a pickling pit", "某某酱菜厂两名工人下到腌制池底清理残渣，池边没人监护。", "safety-101-hazardous-operations", ""},
		{"thinner sold without a licence", "个体户钱某无证销售天那水和稀释剂，从自家仓库批发给装修队。", "hazchem-77-unlicensed-trading", "food-122-unlicensed"},
		{"forklift licence lapsed, order ignored", "某某冷库装卸工所持叉车证已过期，仍开叉车装卸货物，已被责令限期改正，复查时仍由其驾驶。", "se-86-unqualified-operators", ""},
		{"sprinkler valve screwed shut", "某某超市物业把自动喷淋系统的总阀拧死了，说是怕漏水泡了货。", "fire-60-disabled-facilities", "fire-60-facilities"},
		{"general accident, especially bad", "某某煤化工公司发生爆炸，造成2人死亡，调查组认定公司对事故负有责任；事故后公司瞒报，社会影响特别恶劣。", "safety-114-2-general", "safety-114-general-accident"},
	})
}

// TestSafetyEleventhRoundRanges checks the ranges the round's flags and
// bases decide: an order to correct wiring ignored told as 未作任何整改, a
// principal's year pay told as 工资收入, and 第一百一十四条第二款's range.
func TestSafetyEleventhRoundRanges(t *testing.T) {
	a := newProvisionAnalyzer(t)
	checkRanges(t, a, []rangeRow{
		{"wiring order ignored, nothing done", "某某小吃店后厨电线私接，消防救援大队责令限期改正，复查时未作任何整改。", "fire-66-electrical-gas", 1000, 5000},
		{"principal's year pay as 工资收入", "当事人钱某系某某建材公司董事长、主要负责人，未组织隐患排查导致一般生产安全事故，一名工人死亡；钱某上一年度工资收入为五十万元。", "safety-95-principal-general-accident", 200000, 200000},
		{"larger accident, especially bad", "某某化工公司发生较大生产安全事故，造成5人死亡，公司对事故负有责任，事故后组织人员破坏现场，情节特别严重。", "safety-114-2-larger", 2000000, 10000000},
	})
}

// rangeRow is one text whose first violation must be want with the
// statutory range min–max.
type rangeRow struct {
	name, facts, want string
	min, max          float64
}

// checkRanges analyzes each row's facts and checks the first violation's
// statutory range.
func checkRanges(t *testing.T, a *Analyzer, tests []rangeRow) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeFirst(t, a, tt.facts, tt.want)
			if s := res.Violations[0].Suggestion; s == nil || s.Statutory == nil || s.Statutory.FineMin != tt.min || s.Statutory.FineMax != tt.max {
				var got any
				if s != nil {
					got = s.Statutory
				}
				t.Errorf("statutory %+v, want %v-%v", got, tt.min, tt.max)
			}
		})
	}
}

// TestSafetyEleventhRoundTransfers: a death told as treatment that failed
// (送医后不治), and unlicensed chemicals named by the chemical.
func TestSafetyEleventhRoundTransfers(t *testing.T) {
	checkTransferRows(t, []transferRow{
		{"death told as 送医后不治", "某某建筑公司工地一名钢筋工被吊物砸中，送医后不治，调查组认定为一般生产安全事故，公司负有责任。", []string{"safety-114-general-accident"}, rules.RiskLikely, "重大责任事故罪"},
		{"unlicensed acetone sales", "个体户孙某无证销售丙酮，存放在出租屋内。", []string{"hazchem-77-unlicensed-trading"}, rules.RiskNear, "危险作业罪"},
	})
}
