package caseanalysis

import (
	"testing"
)

// TestNoBenchmarkNeighbours decides, in other words than the development
// rows, the conduct the eighth round (issue 12, acc9noentry) found answered
// by a neighbouring benchmark when its own article has none: the
// neighbour's excluding element now names the conduct, and the provision
// entry (法定幅度，尚无裁量基准) comes first, or at least the neighbour does not.
func TestNoBenchmarkNeighbours(t *testing.T) {
	a := newProvisionAnalyzer(t)
	tests := []datedPhrasingRow{
		{"an assessor's report on a gas alarm that was never checked", "某某安全评价公司为一家液化气充装站出具安全现状评价报告，称可燃气体报警装置运行正常，经查评价人员未到现场，报告内容失实。", "2025-09-01", "", "safety-99-gas-alarm"},
		{"a waiver agreement is no accident", "某某砖厂与新招的搬运工签订合同，约定“在厂内受伤、死亡后果自负，厂方不承担责任”，系个人独资企业，投资人签字。", "2025-09-01", "prov:work-safety-106", "safety-114-general-accident"},
		{"a tank farm in use before its safety works are accepted", "某某燃气公司新建的液化石油气储配站已开始对外充装，其安全设施至今未经验收合格。", "2025-09-01", "", "quality-58-delivery-without-acceptance"},
		{"a shop sign hides a road sign", "某某农资店在省道旁建筑控制区外竖立的大型招牌，遮挡了前方的交叉路口警告标志，路政部门要求拆除。", "2025-09-01", "", "traffic-90-moving-violation"},
		{"a garage writes release certificates without a final check", "某某汽车修理厂未经竣工检验，为五辆车开具机动车维修竣工出厂合格证，收取费用一千元。", "2025-09-01", "prov:road-transport-72", "transport-71-repair-fake-parts"},
		{"a sedan with a siren and flashing lights", "交警查获一辆私家车，车主刘某在车内加装警笛和蓝色爆闪灯，上路时开启。", "2025-09-01", "prov:road-traffic-97", "transport-69-vehicle-modification"},
		{"vouchers of withheld tax not kept", "税务机关检查发现，某某物业公司代扣代缴员工个人所得税，但未按规定保管代扣代缴税款的记账凭证及有关资料。", "2025-09-01", "prov:tax-collection-61", "tax-69-failure-to-withhold"},
		{"invoices lent to another firm", "某某建材商店将本店领购的发票出借给另一家公司开具使用，被税务机关查获。", "2025-09-01", "", "tax-invoice-35-false-issue"},
		{"withholding not done stays 第六十九条", "某某劳务公司支付临时工劳务报酬共计三十万元，应扣未扣个人所得税六千元。", "2025-09-01", "tax-69-failure-to-withhold", ""},
		{"a gas alarm never installed stays 第九十九条", "某某火锅店后厨使用瓶装液化气，未安装可燃气体报警装置。", "2025-09-01", "safety-99-gas-alarm", ""},
	}
	checkDatedPhrasings(t, a, tests)
}
