package caseanalysis

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/rules"
)

// snapshotDay is a decision date on which the April 2025 statutes were the
// law for everything the catalog cites (the first later version took
// effect on 2025-10-15): tests of matching, written for those laws, decide
// their undated facts on it rather than today, whose law the 生态环境法典
// and the 2025 治安管理处罚法 have changed.
const snapshotDay = "2025-09-30"

// TestAnalyzeLawOnTheDay: the same assault answered under the 治安管理处罚法
// in force on the act's day, one benchmark per line of versions: 2026 facts
// get the 2025 text's 第五十一条 and its range, 2025 facts the 2012 text's
// 第四十三条; facts without a date follow the decision date the request
// names, or today's law when it names none, and say which day they assumed.
func TestAnalyzeLawOnTheDay(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []struct {
		name, facts, decision string
		wantID                string
		wantArticle           int
		wantMax               float64
		assumed               string
	}{
		{"act in 2026", "2026年3月5日晚，张某在小区门口与邻居发生争执，用拳头殴打邻居李某面部，致李某轻微伤。", "",
			"police25-51-assault", 51, 1000, ""},
		{"act in 2025", "2025年6月3日晚，张某在小区门口与邻居发生争执，用拳头殴打邻居李某面部，致李某轻微伤。", "2025-07-01",
			"police-43-assault", 43, 500, ""},
		{"no act date, decided in 2026", "张某在小区门口与邻居发生争执，用拳头殴打邻居李某面部，致李某轻微伤。", "2026-04-01",
			"police25-51-assault", 51, 1000, "处罚决定日期（2026年4月1日）"},
		{"no act date, decided in 2025", "张某在小区门口与邻居发生争执，用拳头殴打邻居李某面部，致李某轻微伤。", "2025-08-01",
			"police-43-assault", 43, 500, "处罚决定日期（2025年8月1日）"},
		{"no date at all: today's law", "张某在小区门口与邻居发生争执，用拳头殴打邻居李某面部，致李某轻微伤。", "",
			"police25-51-assault", 51, 1000, "今天"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := a.Analyze(context.Background(), Request{Facts: tt.facts, DecisionDate: tt.decision})
			if err != nil {
				t.Fatal(err)
			}
			seen := map[string]int{}
			var top *Violation
			for i := range res.Violations {
				v := &res.Violations[i]
				seen[v.BenchmarkID]++
				if top == nil && (v.BenchmarkID == "police-43-assault" || v.BenchmarkID == "police25-51-assault") {
					top = v
				}
			}
			if seen["police-43-assault"]+seen["police25-51-assault"] != 1 {
				t.Errorf("violations %v: want exactly one version of the assault benchmark", seen)
			}
			if top == nil || top.BenchmarkID != tt.wantID || top.Suggestion == nil {
				t.Fatalf("assault violation %+v, want %s", top, tt.wantID)
			}
			s := top.Suggestion
			pen := legal.Ref{Law: "治安管理处罚法", Article: tt.wantArticle, Paragraph: 1}
			found := false
			for _, b := range s.Basis {
				found = found || (b.Role == rules.RolePenalty && b.Ref == pen)
			}
			if !found {
				t.Errorf("basis %v lacks %s", s.Basis, rules.RefLabel(pen))
			}
			checkAssumedDay(t, res, tt.assumed)
			if s.Statutory == nil || s.Statutory.FineMax != tt.wantMax {
				t.Errorf("statutory %v, want up to %v", s.Statutory, tt.wantMax)
			}
		})
	}
}

// TestAnalyzeUndatedEnvironmentalToday: an environmental fact pattern with
// no date is decided on today's law, so it cites the 生态环境法典 that
// repealed the 大气污染防治法 on 2026-08-15 and says it assumed today; the
// same facts dated before the repeal keep the 大气污染防治法.
func TestAnalyzeUndatedEnvironmentalToday(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	facts := "某某热电有限公司锅炉烟气在线监测数据显示二氧化硫排放浓度超过大气污染物排放标准，超标排放废气。"
	tests := []struct {
		name, act, wantID string
		want              legal.Ref
		assumed           string
	}{
		{"no date: today's law", "", "eco-1107-excess-air", legal.Ref{Law: "生态环境法典", Article: 1107}, "今天"},
		{"act before the repeal", "2025-06-10", "air-99-excess", legal.Ref{Law: "大气污染防治法", Article: 99, Item: 2}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := a.Analyze(context.Background(), Request{Facts: facts, ActDate: tt.act})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Violations) == 0 || res.Violations[0].BenchmarkID != tt.wantID || res.Violations[0].Suggestion == nil {
				t.Fatalf("violations %+v; want %s first", res.Violations, tt.wantID)
			}
			var penalty bool
			for _, b := range res.Violations[0].Suggestion.Basis {
				penalty = penalty || b.Role == rules.RolePenalty && b.Ref == tt.want
			}
			if !penalty {
				t.Errorf("basis %+v lacks %s as penalty", res.Violations[0].Suggestion.Basis, rules.RefLabel(tt.want))
			}
			checkAssumedDay(t, res, tt.assumed)
			// The explanation speaks the law of the day too: what the top
			// violation applies and what it set aside.
			top := res.Violations[0]
			if !strings.HasPrefix(top.Why, tt.want.Law) {
				t.Errorf("why %q does not begin with %s", top.Why, tt.want.Law)
			}
			for _, e := range top.Excluded {
				if law := strings.SplitN(e.Provision, "第", 2)[0]; law != tt.want.Law && (law == "大气污染防治法" || law == "生态环境法典") {
					t.Errorf("excluded %s (%s) beside %s", e.Provision, e.BenchmarkID, tt.want.Law)
				}
			}
		})
	}
}

// TestAnalyzeContinuingActEndsWhenDiscovered: an outfall set up before the
// 生态环境法典 took effect and still in use when discovered after it is
// governed by the 法典 (the act ends no earlier than its discovery), and
// the answer says which end it assumed; the same outfall with no word of
// it continuing keeps the act-time law (从旧兼从轻, the 法典 no lighter).
func TestAnalyzeContinuingActEndsWhenDiscovered(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []struct {
		name, facts string
		want        legal.Ref
		end         string
	}{
		{"still in use when discovered", "某某宾馆2026年6月在饮用水水源保护区内私设排污口排放生活污水，2026年9月20日检查时发现该排污口仍在使用。",
			legal.Ref{Law: "生态环境法典", Article: 1109, Paragraph: 2}, "2026-09-20"},
		{"no word of it continuing", "某某宾馆2026年6月在饮用水水源保护区内私设排污口排放生活污水，2026年9月20日检查时发现。",
			legal.Ref{Law: "水污染防治法", Article: 84, Paragraph: 1}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := a.Analyze(context.Background(), Request{Facts: tt.facts, DecisionDate: "2026-11-20"})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Violations) == 0 || res.Violations[0].Suggestion == nil {
				t.Fatalf("violations %+v", res.Violations)
			}
			var penalty bool
			for _, b := range res.Violations[0].Suggestion.Basis {
				penalty = penalty || b.Role == rules.RolePenalty && b.Ref == tt.want
			}
			if !penalty {
				t.Errorf("%s: basis %+v lacks %s as penalty", res.Violations[0].BenchmarkID, res.Violations[0].Suggestion.Basis, rules.RefLabel(tt.want))
			}
			if got := res.Facts.Engine.ActEndDate; got != tt.end {
				t.Errorf("act end %q, want %q", got, tt.end)
			}
			noted := strings.Contains(strings.Join(res.Warnings, ""), "事实表明违法行为处于继续状态")
			if noted != (tt.end != "") {
				t.Errorf("continuing note %v, want %v: %v", noted, tt.end != "", res.Warnings)
			}
		})
	}
}

// TestAnalyzeActDatedByDiscovery: facts that date only the discovery (an
// inspection, a complaint, a police report) are judged under the law of
// that day, not of the decision: an act found before the 生态环境法典 or the
// 2025 治安管理处罚法 took effect and decided after keeps the act-time law
// when the new one is not lighter, and the answer says which day it took.
func TestAnalyzeActDatedByDiscovery(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []struct {
		name, facts, decision string
		want                  legal.Ref
		act                   string
	}{
		{"inspection before the 法典, decided after", "2026年6月18日，执法人员对某某家具有限公司现场检查，该公司喷漆废气排放，属于应当取得排污许可证的单位，但未取得排污许可证。",
			"2026-09-16", legal.Ref{Law: "大气污染防治法", Article: 99, Item: 1}, "2026-06-18"},
		{"police report before the 2025 revision, decided after", "2025年12月21日晚，某某派出所接报警称有人打架。民警到场查明，冯某因琐事打了陈某两拳，致其面部软组织挫伤。",
			"2026-01-16", legal.Ref{Law: "治安管理处罚法", Article: 43, Paragraph: 1}, "2025-12-21"},
		{"inspection after the 法典", "2026年9月18日，执法人员对某某家具有限公司现场检查，该公司喷漆废气排放，属于应当取得排污许可证的单位，但未取得排污许可证。",
			"2026-10-16", legal.Ref{Law: "生态环境法典", Article: 1102}, "2026-09-18"},
		{"the act's own date wins over the discovery", "某某公司自2026年9月1日起未取得排污许可证排放喷漆废气，2026年9月18日执法人员检查发现。",
			"2026-10-16", legal.Ref{Law: "生态环境法典", Article: 1102}, "2026-09-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := a.Analyze(context.Background(), Request{Facts: tt.facts, DecisionDate: tt.decision})
			if err != nil {
				t.Fatal(err)
			}
			if got := res.Facts.Engine.ActDate; got != tt.act {
				t.Errorf("act date %q, want %q", got, tt.act)
			}
			found := false
			for _, v := range res.Violations[:min(3, len(res.Violations))] {
				for _, b := range basisOf(v) {
					found = found || b.Role == rules.RolePenalty && b.Ref == tt.want
				}
			}
			if !found {
				t.Errorf("no violation of the top three applies %s: %+v", rules.RefLabel(tt.want), res.Violations)
			}
			noted := strings.Contains(strings.Join(res.Warnings, ""), "只写明发现（检查、举报）之日")
			if byDiscovery := strings.Contains(tt.name, "decided after") || strings.Contains(tt.name, "after the 法典"); noted != byDiscovery {
				t.Errorf("discovery note %v, want %v: %v", noted, byDiscovery, res.Warnings)
			}
		})
	}
}

// analyzeOn analyses facts decided on decision.
func analyzeOn(t *testing.T, a *Analyzer, facts, decision string) Result {
	t.Helper()
	res, err := a.Analyze(ruleContext(facts), Request{Facts: facts, DecisionDate: decision})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// violationIDs lists the benchmark (or provision entry) of each violation.
func violationIDs(res Result) []string {
	var out []string
	for _, v := range res.Violations {
		out = append(out, v.BenchmarkID)
	}
	return out
}

func basisOf(v Violation) []rules.Basis {
	if v.Suggestion == nil {
		return nil
	}
	return v.Suggestion.Basis
}

// TestAnalyzeNeverAnswersWithAnEndedLaw runs over the whole catalog: for
// every benchmark that stops applying on a day (its law repealed or
// revised), the conduct it names, committed a month after that day, is
// never answered with a benchmark not in effect on the act's day, and when
// the 生态环境法典 ended it, the top answer cites the 法典 (a successor
// benchmark, or the 法典's provision entry when none fits).
func TestAnalyzeNeverAnswersWithAnEndedLaw(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	cat := a.cfg.Catalog
	repealed := map[string]string{}
	for _, r := range corpus.Repeals() {
		repealed[r.Law] = r.Date
	}
	if len(repealed) == 0 {
		t.Fatal("the corpus knows no repeal: the citations below are checked against nothing")
	}
	n, eco := 0, 0
	for _, b := range cat.All() {
		if b.EffectiveTo == "" {
			continue
		}
		n++
		act, err := time.Parse(time.DateOnly, b.EffectiveTo)
		if err != nil {
			t.Fatal(err)
		}
		act = act.AddDate(0, 1, 0)
		day := act.Format(time.DateOnly)
		facts := fmt.Sprintf("%d年%d月%d日，当事人%s。", act.Year(), act.Month(), act.Day(), b.Name)
		res, err := a.Analyze(context.Background(), Request{Facts: facts, DecisionDate: day})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Violations) == 0 {
			t.Errorf("%s: no violation for %q", b.ID, facts)
			continue
		}
		for _, v := range res.Violations {
			x, _ := a.benchmark(v.BenchmarkID)
			if x != nil && (x.EffectiveFrom > day || x.EffectiveTo != "" && x.EffectiveTo <= day) {
				t.Errorf("%s: %q answered with %s, in effect %s to %s", b.ID, facts, x.ID, x.EffectiveFrom, x.EffectiveTo)
			}
		}
		// Nothing else the answer cites is a law repealed by the act's day
		// unless it names what took over: pushed norms, the transfer
		// check's basis and the dispute points.
		for _, nm := range res.Norms {
			if by, ok := repealed[nm.Law]; ok && by <= day && nm.Successor == nil {
				t.Errorf("%s: %q pushes %s (repealed %s) with no successor", b.ID, facts, rules.RefLabel(nm.Ref), by)
			}
		}
		for _, x := range res.Transfer.Basis {
			if by, ok := repealed[x.Law]; ok && by <= day {
				t.Errorf("%s: %q: the transfer check cites %s, repealed %s", b.ID, facts, rules.RefLabel(x.Ref), by)
			}
		}
		for _, d := range res.Disputes {
			for _, x := range d.Basis {
				if by, ok := repealed[x.Law]; ok && by <= day {
					t.Errorf("%s: %q: dispute %s cites %s, repealed %s", b.ID, facts, d.Title, rules.RefLabel(x), by)
				}
			}
		}
		line := cat.Line(b)
		if (b.EndedBy == nil || b.EndedBy.Law != "生态环境法典") && line[len(line)-1].PenaltyRef.Law != "生态环境法典" {
			continue
		}
		eco++
		top := res.Violations[0]
		cites := false
		for _, x := range basisOf(top) {
			cites = cites || x.Role == rules.RolePenalty && x.Law == "生态环境法典"
		}
		if !cites {
			t.Errorf("%s: %q (act %s) answered with %s, not the 生态环境法典", b.ID, facts, day, top.BenchmarkID)
		}
	}
	if n == 0 || eco == 0 {
		t.Fatalf("%d benchmarks stop applying, %d of them ended by the 生态环境法典: the test checks nothing", n, eco)
	}
	t.Logf("%d benchmarks stop applying, %d of them ended by the 生态环境法典", n, eco)
}

// TestOnTheDayDropsEndedLines: one candidate per line, the member in
// effect on the day; a line that ended before the day (repealed with no
// successor written, or no longer unlawful) is never kept, so the law in
// force that day answers (its provision entries stand in).
func TestOnTheDayDropsEndedLines(t *testing.T) {
	cat, err := rules.Load(os.DirFS("testdata/ended"))
	if err != nil {
		t.Fatal(err)
	}
	get := func(id string) candidate {
		b, err := cat.Get(id)
		if err != nil {
			t.Fatal(err)
		}
		return candidate{b: b}
	}
	all := []candidate{get("old-with-successor"), get("repealed-no-successor"), get("no-longer-unlawful")}
	tests := []struct {
		name string
		f    rules.Facts
		want []string
	}{
		{"act before the repeal", rules.Facts{ActDate: "2026-06-01"}, []string{"old-with-successor", "repealed-no-successor", "no-longer-unlawful"}},
		{"act before the repeal, decided after: the act's law, 从旧兼从轻 from there", rules.Facts{ActDate: "2026-06-01", DecisionDate: "2026-09-01"},
			[]string{"old-with-successor", "repealed-no-successor", "no-longer-unlawful"}},
		{"act on the repeal day", rules.Facts{ActDate: "2026-08-15"}, []string{"new-successor"}},
		{"act after the repeal", rules.Facts{ActDate: "2026-09-01"}, []string{"new-successor"}},
		{"continuing act ending after the repeal", rules.Facts{ActDate: "2026-06-01", ActEndDate: "2026-09-01"}, []string{"new-successor"}},
		{"undated, decided after the repeal", rules.Facts{DecisionDate: "2026-09-01"}, []string{"new-successor"}},
		{"no day at all", rules.Facts{}, []string{"old-with-successor", "repealed-no-successor", "no-longer-unlawful"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, c := range onTheDay(cat, all, tt.f, nil) {
				got = append(got, c.b.ID)
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("kept %v, want %v", got, tt.want)
			}
		})
	}
}

// TestAnalyzeDailyPenalty: 按日连续处罚 (法典 第一千零六十条, 环境保护法
// 第五十九条 before it) answers a violation already fined and ordered to
// stop that goes on (the emission benchmark yields to it), and only a
// fined emission: a ledger or filing the party refuses to correct keeps its
// own provision's 拒不改正 tier.
func TestAnalyzeDailyPenalty(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []struct {
		name, facts, decision, want string
	}{
		{"fined, ordered, still exceeding at the recheck (法典)", "经查，当事人某某化工有限公司因超标排放大气污染物，于2026年9月被我局罚款二十万元并责令改正。2026年10月复查时发现当事人拒不改正，继续超标排放。",
			"2026-11-10", "eco-1060-daily-penalty"},
		{"register line, water", "某某纸业公司2026年10月因超标排放水污染物被罚款并责令改正，11月复查继续超标排放，拒不改正。",
			"2026-11-27", "eco-1060-daily-penalty"},
		{"before the 法典: 环境保护法 第五十九条", "某某纸业公司2025年3月因超标排放水污染物被罚款并责令改正，4月复查继续超标排放，拒不改正。",
			"2025-05-20", "env-59-daily-penalty"},
		{"an emission not yet fined", "2026年10月7日监督性监测，某某砖瓦厂隧道窑废气二氧化硫超过排放标准1.8倍。",
			"2026-10-20", "eco-1107-excess-air"},
		{"a ledger refused, no emission fined", "某某机械公司未建立工业固体废物管理台账，2026年10月被责令改正，11月16日复查仍未建立，拒不改正。",
			"2026-11-20", "eco-1171-industrial-ledger"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, tt.decision)
			if got := violationIDs(res); len(got) == 0 || got[0] != tt.want {
				t.Errorf("violations %v, want %s first", got, tt.want)
			}
			// The emission benchmark set aside says what prevails over it in
			// the law of the act's day (relabelYield).
			for _, v := range res.Violations {
				if !strings.Contains(v.Why, "优先适用") {
					continue
				}
				want := "优先适用生态环境法典第一千零六十条"
				if tt.want == "env-59-daily-penalty" {
					want = "优先适用环境保护法第五十九条"
				}
				if !strings.Contains(v.Why, want) {
					t.Errorf("%s: why %q lacks %q", v.BenchmarkID, v.Why, want)
				}
			}
		})
	}
}

// TestAnalyzeRecordOfTheWasteNotDenied: 未建立工业固体废物管理台账, 未制定危险
// 废物管理计划 deny the record or the plan, not the waste it is about: the
// waste element of the ledger and plan benchmarks holds, and the act
// before the 生态环境法典 decided after gets the lighter 法典 article.
func TestAnalyzeRecordOfTheWasteNotDenied(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []struct {
		name, facts, decision, wantID string
		wantPenalty                   legal.Ref
	}{
		{"industrial ledger refused", "某某机械公司未建立工业固体废物管理台账，2026年10月被责令改正，11月16日复查仍未建立，拒不改正。",
			"2026-11-20", "eco-1171-industrial-ledger", legal.Ref{Law: "生态环境法典", Article: 1171, Paragraph: 3}},
		{"hazardous-waste plan, register line", "某某电子公司2026年未制定危险废物管理计划，也未申报危险废物产生种类和数量，9月10日检查发现。",
			"2026-09-30", "eco-1175-hw-plan", legal.Ref{Law: "生态环境法典", Article: 1175, Paragraph: 1, Item: 2}},
		{"hazardous-waste ledger", "2026年10月28日，执法人员检查某某汽车修理厂时发现，该厂未建立危险废物管理台账，无法说明产生量和去向。",
			"2026-11-10", "eco-1175-hw-ledger", legal.Ref{Law: "生态环境法典", Article: 1175, Paragraph: 1, Item: 3}},
		{"plan missing before the 法典, decided after: the lighter 法典", "某某涂装公司2026年6月30日检查发现未制定危险废物管理计划、未申报危险废物有关资料。",
			"2026-10-13", "waste-112-hw-plan", legal.Ref{Law: "生态环境法典", Article: 1175, Paragraph: 1, Item: 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, tt.decision)
			if len(res.Violations) == 0 || res.Violations[0].BenchmarkID != tt.wantID {
				t.Fatalf("violations %+v, want %s first", res.Violations, tt.wantID)
			}
			found := false
			for _, b := range basisOf(res.Violations[0]) {
				found = found || b.Role == rules.RolePenalty && b.Ref == tt.wantPenalty
			}
			if !found {
				t.Errorf("basis %+v lacks %s", basisOf(res.Violations[0]), rules.RefLabel(tt.wantPenalty))
			}
		})
	}
}

// TestAnalyzeWasteIntoWater: waste dumped into a river, a reservoir or a
// lake is the water law's special provision (水污染防治法 第八十五条第一款
// 第（四）项, 法典 第一千一百三十六条第一款第（五）项), whichever way the
// sentence orders the waste and the dumping. Industrial waste stored on
// open ground keeps its own.
func TestAnalyzeWasteIntoWater(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []struct {
		name, facts, decision, wantID string
	}{
		{"废渣 before 倾倒入 (法典)", "某某石材加工厂2026年11月23日将石粉废渣倾倒入厂旁河道。", "2026-11-25", "eco-1136-waste-dumping"},
		{"倾倒 before 废渣 (法典)", "2026年10月5日，某某公司将生产废渣倾倒在村边河道中。", "2026-10-20", "eco-1136-waste-dumping"},
		{"before the 法典: 水污染防治法", "某某石料厂2025年7月8日将石粉泥浆废渣倒入厂边河道。", "2025-08-20", "water-85-waste-dumping"},
		{"on open ground, no water", "2026年9月25日，执法人员检查某某特钢有限公司时发现，该公司将炼钢产生的钢渣约60吨露天堆放在厂区空地上，未采取防扬散、防流失、防渗漏措施。",
			"2026-10-10", "eco-1171-industrial-storage"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, tt.decision)
			if got := violationIDs(res); len(got) == 0 || got[0] != tt.wantID {
				t.Fatalf("violations %v, want %s first", got, tt.wantID)
			}
		})
	}
}

// TestAnalyzeConductNotTradeOrMaterial: a repair shop's name (汽车维修) is
// not the fake-parts violation of 道路运输条例 第七十一条, and 喷漆 is not the
// VOCs violation (大气污染防治法 第一百零八条第（一）项, 法典 第一千一百二十条)
// when the waste gas is treated: that provision punishes the missing
// enclosure, facility or measure.
func TestAnalyzeConductNotTradeOrMaterial(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []struct {
		name, facts, decision, want string
	}{
		{"unfiled registration form of a repair shop", "某某汽车维修有限公司新建喷烤漆房项目，属于应当填报环境影响登记表的项目，2026年9月24日检查发现未将登记表报生态环境部门备案即投入使用。",
			"2026-09-30", "eco-1095-registration"},
		{"a repair shop using fake parts", "2024年5月6日，执法人员检查某某汽车维修有限公司，发现其使用假冒伪劣配件维修车辆，违法所得3000元。",
			"2024-05-20", "transport-71-repair-fake-parts"},
		{"spray painting treated, no permit", "2026年6月18日，执法人员对某某家具有限公司现场检查，该公司喷漆废气经活性炭吸附后排放，属于应当取得排污许可证的单位，但未取得排污许可证。",
			"2026-09-16", "air-99-no-permit"},
		{"spray painting in the open, untreated", "2025年4月9日检查发现，某某家具厂在敞开的车间内喷漆，未安装废气收集处理设施，有机废气直接排放。",
			"2025-05-10", "air-108-vocs"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, tt.decision)
			if got := violationIDs(res); len(got) == 0 || got[0] != tt.want {
				t.Errorf("violations %v, want %s first", got, tt.want)
			}
		})
	}
}

// TestAnalyzeSuccessorOwnExclusions: when a law splits one conduct in two
// (环境影响评价法 第三十一条 fined 报告书 and 报告表 projects alike; the
// 生态环境法典 第一千零九十五条 gives each its own amounts), the successor
// the line maps to for a later act has exclusions of its own, and a
// 报告表 project after the 法典 must get the 报告表 benchmark and range, not
// the 报告书 successor the line continues with.
func TestAnalyzeSuccessorOwnExclusions(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []struct {
		name, facts, decision string
		wantID                string
		wantMin, wantMax      float64 // 0, 0: the range is not checked
	}{
		{"报告表 after the 法典", "2026年10月10日，执法人员检查发现某某塑料制品有限公司新建注塑生产线已建成，该项目应当编制环境影响报告表，但报告表未报批即开工建设。",
			"2026-11-20", "eco-1095-report-form", 100000, 500000},
		{"报告书 after the 法典", "2026年10月10日，执法人员检查发现某某化工有限公司新建项目应当编制环境影响报告书，报告书未经批准即擅自开工建设，主体工程已完工。",
			"2026-11-20", "eco-1095-report-book", 200000, 1000000},
		{"报告表 before the 法典, decided then", "2025年10月10日，执法人员检查发现某某塑料制品有限公司新建注塑生产线已建成，该项目应当编制环境影响报告表，但报告表未报批即开工建设。",
			"2025-11-20", "eia-31-unapproved-construction", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, tt.decision)
			if got := violationIDs(res); len(got) == 0 || got[0] != tt.wantID {
				t.Fatalf("violations %v, want %s first", got, tt.wantID)
			}
			if tt.wantMax == 0 {
				return
			}
			s := res.Violations[0].Suggestion
			if s == nil || s.Statutory == nil || s.Statutory.FineMin != tt.wantMin || s.Statutory.FineMax != tt.wantMax {
				t.Errorf("statutory %+v, want %v–%v", s, tt.wantMin, tt.wantMax)
			}
		})
	}
}
