package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/legal"
)

// TestSafetyNinthRoundKinds holds the kinds the ninth accuracy round of the
// 安全生产, 消防, 危化品 and 建设工程 group fixed (issue 12, acc10safety), each
// in words other than the development rows': signs named 提示牌 or 标识牌, an
// order ignored told as 期满仍未, hazards partly recorded, the accident tier
// read from the serious injuries or the direct loss, the 主要负责人 and the
// safety managers without an accident (第九十四条、第九十六条), a fire-services
// firm's made-up report (第六十九条), an exit sign as a facility, a pile in
// front of a pump connector, a resident's charging line, incompatible goods
// in one store, the in-out record and the buyer's identity, and an accident
// only supposed in an emergency plan.
func TestSafetyNinthRoundKinds(t *testing.T) {
	a := newProvisionAnalyzer(t)
	tests := []kindRow{
		{"sign named 提示牌 at a store room", "某某电镀厂氰化物储存间门口未挂任何提示牌，工人和访客都能随意进出。",
			"safety-99-warning-signs", legal.Ref{}, ""},
		{"order ignored told as 期满仍未", "复查发现，某某陶瓷厂球磨车间除尘器防爆装置上月被责令限期检测，期满后仍未检测，也没有任何维护台账。",
			"safety-99-not-corrected", legal.Ref{}, "transport-69-vehicle-maintenance"},
		{"hazards found, some left off the record", "某某家具厂排查出的十一处隐患中只登记了三处，排查结果也没有在班前会上告诉员工。",
			"safety-97-hazard-records", legal.Ref{}, "safety-102-hidden-danger"},
		{"major tier by the direct loss alone", "某某化工公司仓库爆炸，无人员死亡，直接经济损失七千二百万元，调查组认定该公司对事故发生负有责任。",
			"safety-114-major-accident", legal.Ref{}, "safety-114-general-accident"},
		{"larger tier by serious injuries alone", "某某建筑公司脚手架垮塌，致十五名工人重伤，无人死亡，调查组认定公司负有责任。",
			"safety-114-larger-accident", legal.Ref{}, "safety-114-general-accident"},
		{"principal, 重大事故 named before 负有责任", "当事人周某系某某能源公司法定代表人、主要负责人，未组织落实安全风险管控措施，对公司气柜爆炸重大事故负有责任，其上一年年收入六十万元。",
			"safety-95-principal-major-accident", legal.Ref{}, "safety-114-general-accident"},
		{"principal, duties not performed, no accident", "当事人孟某系某某建材公司总经理，是公司主要负责人，一年来从未组织过安全检查，也未建立全员安全生产责任制，公司未发生事故。",
			"safety-94-principal-duties", legal.Ref{}, "safety-95-principal-general-accident"},
		{"principal, order to correct ignored", "当事人孟某系某某建材公司总经理、主要负责人，因未组织制定安全生产规章制度被责令限期改正，逾期仍未改正。",
			"safety-94-principal-not-corrected", legal.Ref{}, "safety-94-principal-duties"},
		{"deputy in charge of safety, no accident", "某某纺织公司分管安全的副总经理钱某，半年来未组织开展任何安全检查，对车间违章作业不闻不问，尚未发生事故。",
			"safety-96-manager-duties", legal.Ref{}, "safety-95-principal-general-accident"},
		{"safety director, accident, income stated", "某某物流公司安全总监吴某未督促落实叉车作业安全措施，导致公司发生一般生产安全事故，一名装卸工被撞身亡，吴某上一年年收入为三十万元。",
			"safety-96-manager-accident", legal.Ref{}, "safety-95-principal-general-accident"},
		{"maintenance report made up", "某某消防维保公司出具的维保报告记载每月测试了火灾报警系统，经查维保人员当月从未到过现场，报告内容系编造。",
			"fire-69-false-documents", legal.Ref{}, "fire-60-facilities"},
		{"exit sign dark is a facility", "某某网吧安全出口指示标志不亮，两具灭火器已过期。",
			"fire-60-facilities", legal.Ref{}, "fire-60-evacuation"},
		{"pile in front of a pump connector", "某某汽修店在门前的消防水泵接合器前堆放旧轮胎和杂物。",
			"fire-60-hydrant", legal.Ref{}, "fire-60-facilities"},
		{"resident charging a bike in the stairwell", "住户陈某用插线板从家里拉线给停在楼道里的电动自行车充电，车停在消防楼梯口。",
			"fire-60-individual", legal.Ref{}, "fire-66-electrical-gas"},
		{"incompatible goods in one store", "某某化工仓库将高锰酸钾与乙醇同一库房内存放，未按禁忌物料要求隔离。",
			"hazchem-80-storage-quantity", legal.Ref{}, "prod-49-unsafe-standard"},
		{"no in-out record, book and stock differ", "某某电子公司储存丙酮、异丙醇的仓库没有进出登记，领用谁要谁拿，账实不符。",
			"hazchem-78-inout-register", legal.Ref{}, ""},
		{"only a phone number recorded", "某某化学品商店出售硝酸钾时只记了买家的电话号码，没有登记身份证号和用途。",
			"hazchem-81-purchaser-records", legal.Ref{}, ""},
		{"no emergency plan, accident only supposed", "某某机械厂没有制定生产安全事故应急救援预案，也没搞过应急演练，员工说不清楚万一发生事故时该如何撤离。",
			"", legal.Ref{Law: "安全生产法", Article: 97, Item: 6}, "safety-114-general-accident"},
		{"hydrant box turned into a cupboard", "某某宾馆把二楼的消火栓箱改成了放拖把的柜子，水带被取出扔在仓库。",
			"fire-60-disabled-facilities", legal.Ref{}, "fire-60-hydrant"},
	}
	checkKindRows(t, a, tests)
}
