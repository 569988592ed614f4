package caseanalysis

import (
	"strings"
	"testing"

	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/rules"
)

// TestTransferATwentySeventhCounts holds the counts the twenty-seventh
// round's blind transfer batch (issue 12, acc27transfera) showed unread, in
// words other than its rows': a group counted once and said to have died
// together after its clause (三名…，相继死亡); the gamblers of several
// sessions totalled after the list (累计…人, not 人次); victims named in a
// list and graded together (甲某、乙某均为轻微伤); children counted after an
// age in digits (未满16周岁的人员N名); the tax on false invoices told as a
// total (税额合计…).
func TestTransferATwentySeventhCounts(t *testing.T) {
	checkTransferRows(t, []transferRow{
		{"a group dies together", "2026年5月某日，某钢构公司三名焊工在密闭储罐内作业时吸入有害气体昏迷，经送医救治，相继死亡。", []string{"safety-114-general-accident"}, rules.RiskLikely, "重大责任事故罪"},
		{"another count in the gap keeps it apart", "某厂两名工人在车间搬运，叉车司机1人倒车，均无人员死亡。", []string{"safety-114-general-accident"}, rules.RiskNone, "重大责任事故罪"},
		{"gamblers totalled after a list", "经查，冯某在其家中多次组织赌博：参赌人员3月2日有甲某、乙某等6人，3月9日有丙某等8人，3月16日有丁某等9人，合计参与21人。", []string{"police25-82-gambling-serious"}, rules.RiskLikely, "赌博罪"},
		{"attendances are no people", "经查，冯某在其家中组织赌博：参赌人员3月2日有甲某、乙某等6人，3月9日有丙某等8人，共计23人次。", []string{"police25-82-gambling"}, rules.RiskNear, "赌博罪"},
		{"victims named and graded together", "2026年4月3日晚，邵某在公交站无故挥拳击打候车的贝某、顾某和华某，经鉴定贝某、顾某和华某均为轻微伤。", []string{"police25-30-provocation"}, rules.RiskLikely, "寻衅滋事罪"},
		{"two named, one slightly hurt", "2026年4月3日晚，邵某在公交站无故推搡候车的贝某、顾某，经鉴定贝某轻微伤，顾某未受伤。", []string{"police25-30-provocation"}, rules.RiskNone, "寻衅滋事罪"},
		{"children counted after an age in digits", "检查发现某砖瓦厂在窑内出砖岗位使用不满16周岁的务工人员3名，从事搬运高温砖坯的重体力劳动。", []string{"child-6-child-labour"}, rules.RiskLikely, "雇用童工从事危重劳动罪"},
		{"the tax of false invoices told as a total", "经查，某物资公司无真实交易为他人开具增值税专用发票12份，价税合计1,469,000元，税额合计169,000元。", []string{"tax-invoice-35-false-issue"}, rules.RiskLikely, "虚开增值税专用发票、用于骗取出口退税、抵扣税款发票罪"},
	})
}

// TestBasisTransferATwentySeventh: a blow told by its direction or its
// strokes (朝…打去, 连打两下) is 殴打他人 (治安管理处罚法 第五十一条第一款) by
// its element, not only by the words around it: the answer says which cue
// showed the blow.
func TestBasisTransferATwentySeventh(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct{ name, facts, day, cue string }{
		{"a blow told by its direction", "2026年3月6日，蔡某因晾衣杆位置与邻居萧某发生争执，蔡某拿起拖把杆朝萧某右腿打去，萧某经鉴定为轻伤二级。", "2026-03-20", "朝…打去"},
		{"strokes counted", "2026年5月2日，摊主田某因摊位界线与相邻摊主龙某争执，田某拿起扁担往龙某身上连打两下，龙某经医院诊断为肋骨骨折。", "2026-05-20", "连打两下"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, tt.day)
			if len(res.Violations) == 0 || res.Violations[0].BenchmarkID != "police25-51-assault" || !strings.Contains(res.Violations[0].Why, tt.cue) {
				t.Fatalf("violations %v, want police25-51-assault first shown by %s\n%s", ids(res.Violations), tt.cue, whys(res.Violations))
			}
		})
	}
}

// TestTransferATwentySeventhSpecial: a special crime goes before the
// general one its element sets it apart from, though the general one's
// words are there too (a fire after a refused notice is 消防责任事故罪, not
// 失火罪; an accident of work conditions failing the national standard is
// 重大劳动安全事故罪, though the report names it 生产安全事故); a threat
// with a blade made at officials on an inspection is 妨害公务罪's threat; a
// blade waved in a brawl with no official is not, nor a recorder seized.
func TestTransferATwentySeventhSpecial(t *testing.T) {
	checkTransferRows(t, []transferRow{
		{"a fire after a refused notice", "2025年9月，某区消防救援大队检查某旅馆，发现其疏散楼梯堆放杂物、火灾自动报警系统停用，下发责令改正通知书；10月复查时仍未改正。2026年1月该旅馆三楼起火，造成住客两人死亡。", []string{"fire-64-negligent-fire"}, rules.RiskLikely, "消防责任事故罪"},
		{"a fire without a notice is 失火", "2026年1月，某旅馆服务员在布草间吸烟后未熄灭烟头，引燃布草，火灾造成住客一人死亡。", []string{"fire-64-negligent-fire"}, rules.RiskLikely, "失火罪"},
		{"work conditions failing the standard", "2026年6月，某酿造公司两名员工进入发酵罐清洗时窒息，经抢救无效死亡。调查组认定该公司罐内作业安全条件不符合国家标准，属一般生产安全事故。", []string{"safety-114-general-accident"}, rules.RiskLikely, "重大劳动安全事故罪"},
		{"a blade waved at inspectors", "2026年4月9日，区城管执法队员在某商铺门前查处违规搭建，店主何某手持一把剁骨刀威胁队员“再拆就砍人”，执法被迫中止。", []string{"police25-61-obstruct-duty"}, rules.RiskLikely, "妨害公务罪"},
		// A recorder seized alone is obstruction short of the crime's violence (the development set's labels).
		{"an inspector's recorder seized", "税务稽查人员到某公司调取账簿时，公司出纳突然夺过稽查人员手中的执法记录仪，拒不交还。", []string{"police25-61-obstruct-duty"}, rules.RiskNone, "妨害公务罪"},
		{"a blade waved in a brawl", "2026年4月9日晚，周某酒后在烧烤店与邻桌争吵，手持一把剁骨刀威胁对方，被店员劝下。", []string{"police25-30-provocation"}, rules.RiskNone, "寻衅滋事罪"},
	})
}

// TestChildLabourAgesTwentySeventh: the birth dates of a child-labour case
// are the children's, so the employer gets no minor's 从轻或者减轻 (行政处罚法
// 第三十条), nor does an age bound told of them (未满16周岁的人员); a minor
// party's own birth date still gives it.
func TestChildLabourAgesTwentySeventh(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct {
		name, facts, day string
		want             legal.Disposition
	}{
		{"children's birth dates", "7月20日检查某洗车行，发现洗车岗位使用未满16周岁的人员3名：韦某（2011年1月出生）、柳某（2010年12月出生）、贺某（2011年4月出生），均从事冲洗作业。", "2026-07-20", legal.DispositionPenalty},
		{"a minor party", "7月20日晚，违法行为人孔某（2010年11月出生）在某网吧因琐事殴打他人，致对方鼻部软组织挫伤。", "2026-07-20", legal.DispositionLighterOrMitigated},
	} {
		t.Run(tt.name, func(t *testing.T) {
			// The act's day given beside facts that write no year, as a case file does.
			res, err := a.Analyze(ruleContext(tt.facts), Request{Facts: tt.facts, ActDate: tt.day, DecisionDate: tt.day})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Violations) == 0 || res.Violations[0].Suggestion == nil || res.Violations[0].Suggestion.Disposition != tt.want {
				t.Fatalf("violations %v: disposition not %s\n%s", ids(res.Violations), tt.want, whys(res.Violations))
			}
		})
	}
}

// TestYieldedCrimesTwentySeventh: a benchmark the top violation set aside
// for its own provision (故意损毁 before 第五十八条's taking, 优先适用) is the
// same conduct, so its crime (盗窃罪) is not weighed against the value
// damaged; the damage's own crime is.
func TestYieldedCrimesTwentySeventh(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct {
		name, facts, day, risk, crime string
	}{
		{"tyres pierced, a seat slashed, below damage's floor", "6月3日晚，孟某（男，41岁）因与邻居争吵，用螺丝刀将邻居停在楼道口的电动三轮车两条轮胎扎破、车座划烂，价格认定损失3600元。", "2026-06-10", rules.RiskNone, "故意毁坏财物罪"},
		{"a theft stays a theft", "2026年6月3日凌晨，聂某在小区路边将同事停放的电动自行车骑走据为己有，经价格认定价值2800元。", "2026-06-10", rules.RiskLikely, "盗窃罪"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, tt.day)
			if res.Transfer.Risk != tt.risk || res.Transfer.Crime != tt.crime {
				t.Fatalf("transfer %s %s, want %s %s; violations %v", res.Transfer.Risk, res.Transfer.Crime, tt.risk, tt.crime, ids(res.Violations))
			}
		})
	}
}
