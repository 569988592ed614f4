package caseanalysis

import (
	"context"
	"testing"

	"github.com/cailiang/cailiang/legal"
)

// TestSafetySixthRoundKinds holds the kinds the sixth accuracy round of the
// 安全生产, 消防, 危化品 and 建设工程 group fixed (issue 12, acc6safety), each
// in words other than the development rows': a sign named by its words, a
// device's state as its missing maintenance, PPE by the item missing, a
// filling station's goods, confined spaces by name, a hazard ledger, unit
// kinds of 消防法 第六十条, a pump switched to manual, flames by their kind,
// store capacity, chemicals in drink bottles, an unlicensed start, mortar
// below design, the unit's and the 主要负责人's accident tiers, a refused
// work-safety inspection and other agencies' files.
func TestSafetySixthRoundKinds(t *testing.T) {
	a := newProvisionAnalyzer(t)
	tests := []kindRow{
		{"sign named by its words", "某某加气站储气井区域没有设置“禁止烟火”标志，只在门口张贴了一块企业宣传牌。",
			"safety-99-warning-signs", legal.Ref{}, "urban-34-graffiti"},
		{"hydrant under a kiosk", "某某商场在门前地上消火栓上方搭建了售货亭，把消火栓盖住了。",
			"fire-60-hydrant", legal.Ref{}, "fire-60-facilities"},
		{"device rusted, nobody services it", "某某木业公司砂光机的火花探测装置锈蚀失灵，半年来无人维护。",
			"safety-99-equipment-maintenance", legal.Ref{}, ""},
		{"PPE by the item missing", "某某铸造厂浇注工无防护服、无护目镜，直接在炉前作业。",
			"safety-99-ppe", legal.Ref{}, ""},
		{"filling station without static earthing", "某某加油站卸油时油罐车未接静电接地线，站里也没有卸油操作规程。",
			"safety-101-hazardous-materials", legal.Ref{}, ""},
		{"manhole without a watch", "某某物业公司安排两名保洁员下到小区窨井里疏通管道，井口无人监护，下井前也没做气体检测。",
			"safety-101-hazardous-operations", legal.Ref{}, "food-126-health-certificate"},
		{"hazards left off the ledger", "某某食品厂排查出的五处隐患没有登记在台账上，也没向员工公示。",
			"safety-97-hazard-records", legal.Ref{}, "safety-102-hidden-danger"},
		{"teahouse exit chained", "某某茶楼二楼安全出口被铁链锁住，营业时二十多名茶客在场。",
			"fire-60-evacuation", legal.Ref{}, "fire-60-individual"},
		{"sprinkler pump on manual and cut off", "某某商场消防泵房的喷淋泵控制柜打到手动位置并切断电源。",
			"fire-60-disabled-facilities", legal.Ref{}, "fire-60-facilities"},
		{"candles in a carton store", "某某超市仓库员工在堆满纸箱的库房里点蜡烛照明。",
			"fire-63-open-flame", legal.Ref{}, ""},
		{"lighter in a paint booth", "某某汽修厂工人在喷漆房里用打火机点烟。",
			"fire-63-open-flame", legal.Ref{}, "air-108-vocs"},
		{"notice names wiring among the hazards", "某某服装厂收到大队下发的火灾隐患整改通知书，要求拆除私拉的电线和宿舍内的可燃隔断，期满复查火灾隐患仍未消除。",
			"fire-60-hazard-notice-ignored", legal.Ref{}, "fire-66-electrical-gas"},
		{"store over its design capacity", "某某化工仓储公司乙类仓库实际储量超出设计储量一倍，甲苯桶堆到了库门口。",
			"hazchem-80-storage-quantity", legal.Ref{}, "hazchem-80-not-in-warehouse"},
		{"formaldehyde in water bottles", "某某化工门市将桶装甲醛分装进矿泉水瓶出售，瓶上没有化学品安全标签。",
			"hazchem-78-trading-without-labels", legal.Ref{}, "food-125-label"},
		{"started without a permit", "某某开发公司住宅项目未申领施工许可证就组织开工，已完成桩基。",
			"quality-57-construction-without-permit", legal.Ref{}, ""},
		{"mortar below design", "某某建筑公司承建的教学楼砌体所用砂浆强度等级低于设计要求。",
			"quality-64-cutting-corners", legal.Ref{}, ""},
		{"especially major accident, the unit", "某某矿业公司发生瓦斯爆炸，造成35人死亡，调查认定该公司对事故发生负有责任。",
			"safety-114-especially-major-accident", legal.Ref{}, "safety-114-major-accident"},
		{"the 主要负责人 for a larger accident", "当事人刘某系某某建工集团法定代表人，未督促检查本单位安全生产工作，导致该集团工地发生较大生产安全事故，造成四人死亡。",
			"safety-95-principal-larger-accident", legal.Ref{}, "safety-114-larger-accident"},
		{"the 主要负责人 who fled is 第一百一十条", "某某矿业公司发生一般生产安全事故后，主要负责人张某未立即组织抢救并逃匿，其上一年年收入五十万元。",
			"", legal.Ref{Law: "安全生产法", Article: 110, Paragraph: 1}, "safety-95-principal-general-accident"},
		{"refused a work-safety inspection", "某某冶金公司门卫按老板吩咐阻止应急管理局执法人员进入厂区检查，责令改正后仍拒绝。",
			"safety-108-refusing-inspection", legal.Ref{}, "tax-70-obstructing-inspection"},
		{"planning files are no tax return", "某某地产公司项目竣工后未向城乡规划主管部门报送竣工验收资料，责令补报后仍未补报。",
			"plan-67-completion-files", legal.Ref{}, "tax-62-late-filing"},
	}
	checkKindRows(t, a, tests)
}

// TestPrincipalFineOnAnnualIncome: the 主要负责人's fine is a percentage of
// the income the facts state, and the percentage to apply when they do not.
func TestPrincipalFineOnAnnualIncome(t *testing.T) {
	a := newProvisionAnalyzer(t)
	res, err := a.Analyze(context.Background(), Request{Facts: "当事人赵某系某某化工有限公司总经理，未履行安全生产管理职责，导致公司发生一般生产安全事故，造成一人死亡。赵某上年度收入为五十万元。", DecisionDate: snapshotDay})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Violations) == 0 || res.Violations[0].BenchmarkID != "safety-95-principal-general-accident" {
		t.Fatalf("violations %v, want safety-95-principal-general-accident first", ids(res.Violations))
	}
	s := res.Violations[0].Suggestion
	if s == nil || s.Statutory == nil || s.Statutory.FineMin != 200000 || s.Statutory.FineMax != 200000 {
		t.Fatalf("statutory range %+v, want 200000 (百分之四十 of 500000)", s)
	}
	res, err = a.Analyze(context.Background(), Request{Facts: "当事人赵某系某某化工有限公司总经理，未履行安全生产管理职责，导致公司发生一般生产安全事故，造成一人死亡。", DecisionDate: snapshotDay})
	if err != nil {
		t.Fatal(err)
	}
	s = res.Violations[0].Suggestion
	if s == nil || s.Statutory != nil || len(s.Conditional) == 0 || s.Conditional[0].Multiple == nil || s.Conditional[0].Multiple.Min != 0.4 {
		t.Fatalf("without the income: %+v, want the bracket 上一年年收入 × 0.4", s)
	}
}

// kindRow is one phrasing of a kind: the facts and the benchmark id that
// must rank first ("" when a provision entry must), or that entry's ref,
// and a neighbour that must not rank first.
type kindRow struct {
	name, facts string
	want        string    // benchmark id first ("" when a provision entry is)
	ref         legal.Ref // the provision entry first, when want is ""
	not         string    // must not rank first
}

// checkKindRows analyses each row and checks what ranks first.
func checkKindRows(t *testing.T, a *Analyzer, tests []kindRow) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := a.Analyze(context.Background(), Request{Facts: tt.facts, Violations: 10, DecisionDate: snapshotDay})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Violations) == 0 {
				t.Fatal("no violation")
			}
			top := res.Violations[0]
			switch {
			case tt.want != "" && top.BenchmarkID != tt.want:
				t.Fatalf("violations %v, want %s first\n%s", ids(res.Violations), tt.want, whys(res.Violations))
			case tt.want == "" && (top.Provision == nil || top.Provision.Ref != tt.ref):
				t.Fatalf("violations %v, want %v first\n%s", ids(res.Violations), tt.ref, whys(res.Violations))
			case tt.not != "" && top.BenchmarkID == tt.not:
				t.Fatalf("%s ranks first", tt.not)
			}
		})
	}
}
