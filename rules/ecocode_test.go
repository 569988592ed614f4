package rules

import (
	"os"
	"strings"
	"testing"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/corpus/shareddata"
	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/nlp"
)

// The environmental benchmarks re-based on the 生态环境法典 (issue 19):
// every successor is checked against the 法典's own text, and the engine
// moves an act on or after 2026-08-15 to it.

const ecoCode = "生态环境法典"

// ecoConduct are the words of each successor's conduct that the cited
// 款 or 项 of the 法典 must contain.
var ecoConduct = map[string][]string{
	"eco-1229-obstructing-water":               {"拖延、围堵、滞留执法人员", "拒绝、阻挠监督检查", "弄虚作假"},
	"eco-1229-obstructing-air":                 {"拖延、围堵、滞留执法人员", "拒绝、阻挠监督检查", "弄虚作假"},
	"eco-1229-obstructing-waste":               {"拖延、围堵、滞留执法人员", "拒绝、阻挠监督检查", "弄虚作假"},
	"eco-1229-obstructing-noise":               {"拖延、围堵、滞留执法人员", "拒绝、阻挠监督检查", "弄虚作假"},
	"eco-1102-no-permit-air":                   {"未依法取得排污许可证排放污染物"},
	"eco-1102-no-permit-water":                 {"未依法取得排污许可证排放污染物"},
	"eco-1107-excess-air":                      {"超过污染物排放标准", "重点污染物排放总量控制指标"},
	"eco-1107-excess-water":                    {"超过污染物排放标准", "重点污染物排放总量控制指标"},
	"eco-1107-industrial-noise":                {"超过污染物排放标准", "工业噪声"},
	"eco-1108-evading-air":                     {"暗管", "篡改或者伪造监测数据", "逃避监管的方式排放污染物"},
	"eco-1108-evading-water":                   {"暗管", "渗井", "逃避监管的方式排放污染物"},
	"eco-1086-auto-monitoring-air":             {"自动监测", "联网"},
	"eco-1086-auto-monitoring-water":           {"自动监测", "联网"},
	"eco-1120-vocs":                            {"挥发性有机物", "密闭空间"},
	"eco-1120-oil-vapor-recovery":              {"加油站", "油气回收装置"},
	"eco-1130-dust-materials":                  {"易产生扬尘的物料", "密闭贮存"},
	"eco-1131-open-burning":                    {"露天焚烧秸秆、落叶"},
	"eco-1131-toxic-burning-unit":              {"焚烧沥青、油毡、橡胶、塑料、皮革", "对单位"},
	"eco-1131-toxic-burning-individual":        {"焚烧沥青、油毡、橡胶、塑料、皮革", "对个人"},
	"eco-1129-uncovered-load":                  {"散装、流体物料", "防止物料遗撒"},
	"eco-1128-construction-dust":               {"硬质围挡", "洒水抑尘"},
	"eco-1109-outfall":                         {"设置排污口"},
	"eco-1109-drinking-source-outfall":         {"饮用水水源保护区内设置排污口"},
	"eco-1109-outfall-serious":                 {"设置排污口", "情节严重的，处十万元以上五十万元以下的罚款"},
	"eco-1109-drinking-source-outfall-serious": {"饮用水水源保护区内设置排污口", "情节严重的，处五十万元以上一百万元以下的罚款"},
	"eco-1140-pretreatment":                    {"污水集中处理设施", "不符合处理工艺要求的工业废水"},
	"eco-1136-oil-acid":                        {"向水体排放油类、酸液、碱液"},
	"eco-1136-waste-dumping":                   {"工业废渣、城镇垃圾"},
	"eco-1136-washing-tanks":                   {"在水体清洗装贮过油类"},
	"eco-1095-report-book":                     {"擅自开工建设", "生态环境影响报告书"},
	"eco-1095-report-form":                     {"擅自开工建设", "生态环境影响报告表"},
	"eco-1095-report-book-serious":             {"擅自开工建设", "生态环境影响报告书的，处二十万元以上一百万元以下的罚款，情节严重的，处一百万元以上一千万元以下的罚款"},
	"eco-1095-report-form-serious":             {"擅自开工建设", "生态环境影响报告表的，处十万元以上五十万元以下的罚款，情节严重的，处五十万元以上五百万元以下的罚款"},
	"eco-1095-registration":                    {"生态环境影响登记表", "备案"},
	"eco-1185-construction-excess":             {"超过噪声排放标准排放建筑施工噪声"},
	"eco-1185-night-construction":              {"连续施工作业证明", "夜间"},
	"eco-1169-household-waste-unit":            {"擅自倾倒、堆放、丢弃、抛撒、遗撒、焚烧固体废物"},
	"eco-1169-household-waste-individual":      {"个人擅自倾倒", "生活垃圾"},
	"eco-1169-construction-waste-dumping":      {"擅自倾倒、堆放、丢弃、抛撒、遗撒、焚烧固体废物"},
	"eco-1174-construction-waste-plan":         {"建筑垃圾处理方案", "及时清运"},
	"eco-1175-hw-plan":                         {"危险废物管理计划", "申报危险废物"},
	"eco-1175-hw-ledger":                       {"危险废物管理台账"},
	"eco-1175-hw-manifest":                     {"危险废物转移联单"},
	"eco-1175-hw-unapproved-transfer":          {"未经批准擅自转移危险废物"},
	"eco-1175-hw-storage":                      {"贮存、利用、处置危险废物", "混入非危险废物"},
	"eco-1175-hw-unlicensed":                   {"提供或者委托给无许可证的单位"},
	"eco-1175-hw-refused":                      {"拒不改正的，处二十万元以上一百万元以下的罚款"},
	"eco-1171-industrial-ledger":               {"工业固体废物管理台账"},
	"eco-1171-industrial-storage":              {"贮存工业固体废物", "防护措施"},
	"eco-1171-industrial-entrusting":           {"委托他人运输、利用、处置工业固体废物"},
	"eco-1169-hw-dumping":                      {"危险废物"},
	"eco-1169-hw-dumping-grave":                {"危险废物、城镇污水处理设施产生的污泥", "造成严重后果的，处二百万元以上五百万元以下的罚款"},
	"eco-1170-industrial-dumping":              {"工业固体废物扬散、流失、渗漏"},
	"eco-1170-hw-leak":                         {"工业固体废物扬散、流失、渗漏", "工业固体废物为危险废物的"},
	"eco-1060-daily-penalty":                   {"拒不改正", "按日连续处罚"},
	"eco-1145-first-zone-project":              {"饮用水水源一级保护区内新建、改建、扩建与供水设施和保护水源无关的建设项目"},
	"eco-1145-second-zone-project":             {"饮用水水源二级保护区内新建、改建、扩建排放污染物的建设项目"},
	"eco-1145-quasi-zone-project":              {"饮用水水源准保护区内新建、扩建对水体污染严重的建设项目", "增加排污量"},
	"eco-1145-first-zone-activities":           {"网箱养殖", "组织进行旅游、垂钓"},
	"eco-1145-individual-swimming-fishing":     {"个人在饮用水水源一级保护区内游泳、垂钓"},
}

// readEcoCode reads the 法典 from national_updates.jsonl.
func readEcoCode(t *testing.T) corpus.Statute {
	t.Helper()
	f, err := os.Open(shareddata.File(t, "statutes_lawrefbook/national_updates.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var code corpus.Statute
	err = corpus.ReadLawrefJSONL(f, func(st corpus.Statute) error {
		if st.Law == ecoCode && st.Region == "" {
			code = st
		}
		return nil
	})
	if err != nil || code.Law == "" {
		t.Fatalf("生态环境法典 not read from national_updates.jsonl: %v", err)
	}
	return code
}

// TestEcoCodeSuccessorsAgainstText checks every benchmark written for the
// 法典: the cited article, 款 and 项 exist; they name the conduct; the
// interval starts when the 法典 took effect and it is the version written
// for; every quoted penalty is the article's own words; and each fine is
// exactly what ParseFineText reads from the quoted words.
func TestEcoCodeSuccessorsAgainstText(t *testing.T) {
	code := readEcoCode(t)
	cat, err := LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	arts := map[int]corpus.Article{}
	for _, a := range code.Articles {
		arts[a.Number] = a
	}
	seen := map[string]bool{}
	for _, b := range cat.All() {
		if b.PenaltyRef.Law != ecoCode {
			continue
		}
		seen[b.ID] = true
		where := b.file + ": " + b.ID
		if b.EffectiveFrom != "2026-08-15" || b.LawVersion != code.VersionDate {
			t.Errorf("%s: effective_from %s law_version %s, want 2026-08-15 and %s", where, b.EffectiveFrom, b.LawVersion, code.VersionDate)
		}
		for _, r := range append([]legal.Ref{b.PenaltyRef}, b.Violated...) {
			if r.Law != ecoCode {
				t.Errorf("%s cites %s, not the 法典", where, RefLabel(r))
			}
			if _, ok := citedText(arts, r); !ok {
				t.Errorf("%s: %s is not in the 法典", where, RefLabel(r))
			}
		}
		text, _ := citedText(arts, b.PenaltyRef)
		words, ok := ecoConduct[b.ID]
		if !ok {
			t.Errorf("%s: no conduct words listed for it in ecoConduct", where)
		}
		for _, w := range words {
			if !strings.Contains(text, w) {
				t.Errorf("%s: %s does not say %q", where, RefLabel(b.PenaltyRef), w)
			}
		}
		article := nlp.CleanStatute(arts[b.PenaltyRef.Article].Text())
		fines := 0
		for _, p := range b.Penalties {
			if p.Text == "" || !strings.Contains(article, p.Text) {
				t.Errorf("%s: penalty %s quotes %q, not the words of %s", where, p.Kind, p.Text, RefLabel(b.PenaltyRef))
			}
			if p.Fine == nil {
				continue
			}
			fines++
			if msg := fineFromWords(p.Fine, p.Text); msg != "" {
				t.Errorf("%s: %s", where, msg)
			}
		}
		if fines == 0 {
			t.Errorf("%s: no 罚款", where)
		}
	}
	for id := range ecoConduct {
		if !seen[id] {
			t.Errorf("%s is listed in ecoConduct but is not a 法典 benchmark", id)
		}
	}
	// Every benchmark the 法典 ended has its successor.
	for _, b := range cat.All() {
		if b.EndedBy != nil && b.EndedBy.Law == ecoCode && b.NeedsSuccessor() {
			t.Errorf("%s: ended by the 法典 with no successor", b.ID)
		}
	}
}

// citedText is the text of the 款 (with its 项) or the 项 r cites.
func citedText(arts map[int]corpus.Article, r legal.Ref) (string, bool) {
	a, ok := arts[r.Article]
	if !ok {
		return "", false
	}
	if r.Paragraph == 0 && r.Item == 0 {
		return nlp.CleanStatute(a.Text()), true
	}
	p := 1
	if r.Paragraph > 0 {
		p = r.Paragraph
	}
	if p > len(a.Paragraphs) {
		return "", false
	}
	para := a.Paragraphs[p-1]
	if r.Item == 0 {
		return nlp.CleanStatute(para.Text), true
	}
	if r.Item > len(para.Items) {
		return "", false
	}
	return nlp.CleanStatute(para.Items[r.Item-1]), true
}

// fineFromWords says how the fine differs from the one tier the quoted
// words give, or "".
func fineFromWords(f *Fine, words string) string {
	tiers, err := ParseFineText(words)
	if err != nil || len(tiers) != 1 {
		// 按照原罚款数额按日连续处罚 names no 罚款 amount the parser reads:
		// the original fine once per day.
		if f.Base == "original_fine" && strings.Contains(words, "按照原罚款数额按日连续处罚") &&
			f.Multiple != nil && *f.Multiple == (Span{Min: 1, Max: 1}) && f.Unit == "days" {
			return ""
		}
		return "fine words " + words + " do not parse to one tier"
	}
	tier := tiers[0]
	switch {
	case len(f.Brackets) > 0:
		return "brackets, but the words give one tier"
	case tier.Range != nil && (f.Range == nil || *f.Range != *tier.Range || f.Base != ""):
		return "fine differs from the range in " + words
	case tier.Multiple != nil && (f.Multiple == nil || *f.Multiple != *tier.Multiple || f.Base != tier.Base):
		return "fine differs from the multiple in " + words
	case tier.Range == nil && tier.Multiple == nil:
		return "the words give no range or multiple: " + words
	}
	return ""
}

// TestEcoCodeLineByDate: 大气污染防治法 cited for a 2026-09 act answers
// with the 法典's article (the law was repealed on 2026-08-15); a 2025 act
// keeps 大气污染防治法 and its range; an act before the repeal decided
// after it takes the lighter of the two.
func TestEcoCodeLineByDate(t *testing.T) {
	cat, err := LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, id, act, decision string
		wantID                  string
		wantPenalty             legal.Ref
		wantRange               Range
		wantApplied             string
		wantInReason            []string
	}{
		{name: "2026-09 act under the repealed 大气污染防治法 gets the 法典",
			id: "air-99-excess", act: "2026-09-10", decision: "2026-10-20", wantID: "eco-1107-excess-air",
			wantPenalty: legal.Ref{Law: ecoCode, Article: 1107}, wantRange: Range{100000, 1000000}},
		{name: "2025 act keeps 大气污染防治法",
			id: "eco-1107-excess-air", act: "2025-05-06", decision: "2025-07-01", wantID: "air-99-excess",
			wantPenalty: legal.Ref{Law: "大气污染防治法", Article: 99, Item: 2}, wantRange: Range{100000, 1000000}},
		{name: "no permit before the 法典, decided after: the old range is lighter",
			id: "water-83-no-permit", act: "2026-06-01", decision: "2026-09-01", wantID: "water-83-no-permit",
			wantPenalty: legal.Ref{Law: "水污染防治法", Article: 83, Item: 1}, wantRange: Range{100000, 1000000},
			wantApplied: AppliedAct, wantInReason: []string{"生态环境法典", "2026-08-15"}},
		{name: "未批先建 of a 报告书 project after the 法典: a fixed range, not 总投资额",
			id: "eia-31-unapproved-construction", act: "2026-08-20", decision: "2026-09-30", wantID: "eco-1095-report-book",
			wantPenalty: legal.Ref{Law: ecoCode, Article: 1095, Paragraph: 1}, wantRange: Range{200000, 1000000}},
		{name: "a 2026-09 angler in the 一级保护区, cited under 水污染防治法: 法典 第一千一百四十五条第二款, 五百元以下",
			id: "water-91-individual-swimming-fishing", act: "2026-09-05", decision: "2026-09-20", wantID: "eco-1145-individual-swimming-fishing",
			wantPenalty: legal.Ref{Law: ecoCode, Article: 1145, Paragraph: 2}, wantRange: Range{0, 500}},
		{name: "a 2025 project in the 二级保护区 keeps 水污染防治法 第九十一条",
			id: "eco-1145-second-zone-project", act: "2025-04-01", decision: "2025-06-01", wantID: "water-91-second-zone-project",
			wantPenalty: legal.Ref{Law: "水污染防治法", Article: 91, Paragraph: 1, Item: 2}, wantRange: Range{100000, 500000}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := cat.Suggest(tt.id, Facts{ActDate: tt.act, DecisionDate: tt.decision, PartyKind: "单位"})
			if err != nil {
				t.Fatal(err)
			}
			if s.BenchmarkID != tt.wantID {
				t.Errorf("benchmark %s, want %s", s.BenchmarkID, tt.wantID)
			}
			if !citesRef(penaltyBasis(s.Basis), tt.wantPenalty) {
				t.Errorf("basis %v lacks %s", s.Basis, RefLabel(tt.wantPenalty))
			}
			if s.Statutory == nil || *s.Statutory != tt.wantRange {
				t.Errorf("statutory %v, want %v", s.Statutory, tt.wantRange)
			}
			if tt.wantApplied == "" {
				return
			}
			if s.LawChange == nil || s.LawChange.Applied != tt.wantApplied {
				t.Fatalf("law change %+v, want applied %s", s.LawChange, tt.wantApplied)
			}
			for _, w := range tt.wantInReason {
				if !strings.Contains(s.LawChange.Reason, w) {
					t.Errorf("reason %q lacks %q", s.LawChange.Reason, w)
				}
			}
		})
	}
}

func penaltyBasis(bs []Basis) []Basis {
	var out []Basis
	for _, b := range bs {
		if b.Role == RolePenalty {
			out = append(out, b)
		}
	}
	return out
}
