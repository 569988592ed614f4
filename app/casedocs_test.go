package app_test

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cailiang/cailiang/app"
	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/documents"
	"github.com/cailiang/cailiang/workdays"
)

// importNational imports the named laws (their versions in force) from the
// public data's national.jsonl into a new data directory and opens it
// read-only; under CI=true missing public data fails the test.
func importNational(t *testing.T, laws ...string) *app.App {
	t.Helper()
	src := filepath.Join(os.Getenv("CAILIANG_DATA"), "statutes_lawrefbook", "national.jsonl")
	fh, err := os.Open(src)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("public data missing (set CAILIANG_DATA): %v", err)
		}
		t.Skipf("public data missing (set CAILIANG_DATA): %v", err)
	}
	defer fh.Close()
	dir := t.TempDir()
	out := filepath.Join(dir, "laws.jsonl")
	var picked []byte
	sc := bufio.NewScanner(fh)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var head struct {
			Law    string `json:"law"`
			Latest bool   `json:"is_latest"`
		}
		if json.Unmarshal(sc.Bytes(), &head) == nil && head.Latest && strings.Contains(strings.Join(laws, "|"), head.Law) {
			picked = append(append(picked, sc.Bytes()...), '\n')
		}
	}
	if err := os.WriteFile(out, picked, 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := testConfig(filepath.Join(dir, "data"), &logBuffer{})
	importFile(t, cfg, out)
	a, err := app.Open(context.Background(), cfg, app.ForCite)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	return a
}

// TestCaseInput builds the documents of a decided case from its record and
// attached analysis: the decision passes every check against the imported
// statutes (quoted text resolved from them), carries the party, the
// article and the fine, and the notice shows its periods as dates counted
// in working days.
func TestCaseInput(t *testing.T) {
	a := importNational(t, "食品安全法")
	st := app.DocumentStatutes{Resolver: a.Resolver()}
	gen, err := documents.New(documents.Config{})
	if err != nil {
		t.Fatal(err)
	}
	cal, err := workdays.Open(workdays.Config{})
	if err != nil {
		t.Fatal(err)
	}
	analysis, err := os.ReadFile("testdata/analysis.json")
	if err != nil {
		t.Fatal(err)
	}
	decided := time.Date(2026, 3, 20, 10, 0, 0, 0, time.UTC)
	c := casework.Case{ID: "scjg-2026-000001", Agency: "scjg", Title: "某某食品有限公司销售过期食品", Source: "投诉举报", Stage: casework.StageDecided,
		Sector: "市场监管", Party: casework.Party{Kind: "organisation", Name: "某某食品有限公司", IDNumber: "91000000MA0000000X", Address: "某市和平街8号", Representative: "张某"},
		Facts: "2026年1月5日，当事人在其经营场所销售超过保质期的饼干120盒，货值金额2000元。", Officers: []string{"zhang.san", "li.si"},
		Analysis: analysis, Opened: decided.AddDate(0, -2, 0), Decided: decided,
		Proposal: &casework.Proposal{Disposition: "处罚", Basis: "food-expired", Fine: 50000, Other: []string{"警告"}, Reasons: []string{"初次违法，配合调查：在法定幅度内从轻"}}}
	cd := app.CaseDocument{Case: c, Agency: casework.Agency{Code: "scjg", Name: "某市市场监督管理局", DocPrefix: "某市监处罚"},
		Details:  documents.Agency{Address: "某市人民路1号", Contact: "王某", Phone: "0000-12345678", ReviewBody: "某市人民政府", Court: "某市某区人民法院", Payment: "某市财政非税收入电子缴款平台"},
		Officers: []casework.User{{ID: "zhang.san", Name: "张三", CertNumber: "14010120001"}, {ID: "li.si", Name: "李四", CertNumber: "14010120002"}},
		Evidence: []casework.Evidence{{Name: "现场照片.png", Note: "证明当事人陈列过期食品"}, {Name: "询问笔录.pdf"}},
		// The notice served on Monday 2026-03-09 (periods end on the 16th),
		// the party's statement answered.
		Deliveries: []casework.Delivery{{Seq: 1, Method: casework.DeliverDirect, At: time.Date(2026, 3, 9, 2, 30, 0, 0, time.UTC),
			Documents: []casework.DeliveredDocument{{Kind: "notice", Version: 1, Title: "行政处罚告知书"}}}},
		Statements: []casework.Statement{{Seq: 1, Received: time.Date(2026, 3, 11, 3, 0, 0, 0, time.UTC), Text: "系初次违法，请求从轻处罚。",
			Outcome: casework.OutcomePartly, Reasons: "初次违法的情节已在裁量中考虑。"}},
		Date: decided, Number: "某市监处罚〔2026〕1号"}
	decision := func(cd app.CaseDocument) (documents.Input, documents.Document, []documents.Problem) {
		t.Helper()
		in, err := app.CaseInput(cd, st, cal, gen.Profile("市场监管"))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := gen.Render(documents.KindDecision, in)
		if err != nil {
			t.Fatal(err)
		}
		return in, doc, gen.Check(doc, in, st)
	}
	in, doc, problems := decision(cd)
	if len(problems) != 0 {
		t.Errorf("decision of a complete case fails checks: %+v\n%s", problems, doc.Text())
	}
	text := doc.Text()
	for _, want := range []string{"某某食品有限公司", "91000000MA0000000X", "某市监处罚〔2026〕1号", "《食品安全法》第一百二十四条第一款第（五）项",
		"超过保质期的食品", "现场照片.png（证明当事人陈列过期食品）", "初次违法，配合调查", "警告", "伍万元", "2026年3月20日",
		"张三（执法证号：14010120001）", "行政处罚告知书于2026年3月9日送达", "当事人于2026年3月11日提出陈述、申辩意见：系初次违法", "本局对当事人的意见部分采纳，理由如下：初次违法的情节"} {
		if !strings.Contains(text, want) {
			t.Errorf("decision lacks %q:\n%s", want, text)
		}
	}
	if in.Case.Cause != "经营超过保质期的食品案" || in.Penalty.StatutoryMin != 50000 || in.Penalty.StatutoryMax != 100000 {
		t.Errorf("cause %q, range %v–%v: want the analysis's violation and statutory range", in.Case.Cause, in.Penalty.StatutoryMin, in.Penalty.StatutoryMax)
	}
	// 2026-03-20 is a Friday: five working days later is Friday 2026-03-27.
	if in.Deadlines.Statement != "2026-03-27" || in.Deadlines.Hearing != "2026-03-27" {
		t.Errorf("deadlines = %+v, want 2026-03-27 (five working days)", in.Deadlines)
	}
	notice, err := gen.Render(documents.KindNotice, in)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(notice.Text(), "至2026年3月27日") {
		t.Errorf("notice does not show the period's end as a date:\n%s", notice.Text())
	}

	if in.Procedure == nil || in.Procedure.StatementEnds != "2026-03-16" || in.Procedure.HearingEnds != "2026-03-16" {
		t.Errorf("procedure = %+v, want the periods ending 2026-03-16 (five working days after the notice's service)", in.Procedure)
	}
	// Decided on the 20th while the notice served on the 17th left the
	// party until the 24th: blocked; so is an officer without 执法证号.
	for name, edit := range map[string]func(*app.CaseDocument){
		"period open": func(cd *app.CaseDocument) {
			cd.Statements = nil
			cd.Deliveries = []casework.Delivery{{Seq: 1, Method: casework.DeliverDirect, At: time.Date(2026, 3, 17, 2, 0, 0, 0, time.UTC),
				Documents: []casework.DeliveredDocument{{Kind: "notice", Version: 1}}}}
		},
		"uncertified": func(cd *app.CaseDocument) {
			cd.Officers = []casework.User{{ID: "zhang.san", Name: "张三"}, cd.Officers[1]}
		},
	} {
		x := cd
		edit(&x)
		if _, _, probs := decision(x); len(probs) != 1 || (probs[0].Code != "procedure" && probs[0].Code != "officers") {
			t.Errorf("%s: problems %+v, want the one check", name, probs)
		}
	}

	bad := cd
	bad.Case.Analysis = json.RawMessage(`{"violations": "not a list"}`)
	if _, err := app.CaseInput(bad, st, cal, gen.Profile("")); !errors.Is(err, casework.ErrInvalid) {
		t.Errorf("a malformed analysis: %v, want ErrInvalid", err)
	}
	far := cd
	far.Date = time.Date(2099, 1, 5, 0, 0, 0, 0, time.UTC)
	if _, err := app.CaseInput(far, st, cal, gen.Profile("")); !errors.Is(err, workdays.ErrBeyondSchedule) {
		t.Errorf("a date beyond the holiday schedule: %v, want ErrBeyondSchedule", err)
	}
}

// TestDeliveryTerms: the periods run from the day of service; a last day
// on a holiday moves to the next working day; a public notice counts from
// thirty days after publication.
func TestDeliveryTerms(t *testing.T) {
	gen, err := documents.New(documents.Config{})
	if err != nil {
		t.Fatal(err)
	}
	cal, err := workdays.Open(workdays.Config{})
	if err != nil {
		t.Fatal(err)
	}
	d := app.CaseDocuments{Generator: gen, Calendar: cal}
	decision := []casework.DeliveredDocument{{Kind: "decision", Version: 1}}
	tests := []struct {
		name string
		dl   casework.Delivery
		want app.DeliveryTerms
	}{
		// 2026-03-20 + 15 = Saturday 2026-04-04, in the 清明 holiday
		// (4th–6th): the 7th; + 60 days = 2026-05-19; + 6 months = Sunday
		// 2026-09-20, a working day by the National Day 调休: it stays.
		{"direct", casework.Delivery{Method: casework.DeliverDirect, At: time.Date(2026, 3, 20, 2, 0, 0, 0, time.UTC), Documents: decision},
			app.DeliveryTerms{ServedOn: "2026-03-20", Payment: "2026-04-07", Review: "2026-05-19", Litigation: "2026-09-20"}},
		// Published 2026-02-18, served 2026-03-20.
		{"public", casework.Delivery{Method: casework.DeliverPublic, At: time.Date(2026, 2, 18, 2, 0, 0, 0, time.UTC), Documents: decision},
			app.DeliveryTerms{ServedOn: "2026-03-20", Payment: "2026-04-07", Review: "2026-05-19", Litigation: "2026-09-20"}},
		// The notice: five working days from Monday 2026-03-09.
		{"notice", casework.Delivery{Method: casework.DeliverMail, At: time.Date(2026, 3, 9, 2, 0, 0, 0, time.UTC),
			Documents: []casework.DeliveredDocument{{Kind: "notice", Version: 1}}},
			app.DeliveryTerms{ServedOn: "2026-03-09", StatementEnds: "2026-03-16", HearingEnds: "2026-03-16"}},
	}
	for _, tt := range tests {
		got, err := d.Terms(tt.dl, "市场监管")
		if err != nil || got != tt.want {
			t.Errorf("%s: Terms = %+v, %v; want %+v", tt.name, got, err, tt.want)
		}
	}
}

// TestReviewDocument: the 法制审核意见书 carries the reviewer's marks and
// notes, the opinion with its reasons, the reviewer by name and the day of
// the opinion; an unmarked item blocks issuing it.
func TestReviewDocument(t *testing.T) {
	gen, err := documents.New(documents.Config{})
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 3, 18, 3, 0, 0, 0, time.UTC)
	var items []casework.ReviewItem
	for i, k := range casework.ReviewKeys() {
		items = append(items, casework.ReviewItem{Key: k, Label: "审核事项" + k, Verdict: casework.VerdictPass})
		if i == 6 {
			items[i].Verdict, items[i].Note = casework.VerdictIssue, "罚款位于建议幅度上限，理由已补充。"
		}
	}
	dc := casework.DocumentContext{
		Case: casework.Case{ID: "scjg-2026-000001", Agency: "scjg", Title: "某某食品有限公司销售过期食品案", Stage: casework.StageApproval,
			Party: casework.Party{Kind: "organisation", Name: "某某食品有限公司"}, Officers: []string{"zhang.san"},
			Review: &casework.Review{Items: items, Opinion: casework.OpinionAgreeAmended, Reasons: "补充裁量理由后同意。", By: "wang.wu", At: at}},
		Agency: casework.Agency{Code: "scjg", Name: "某市市场监督管理局", DocPrefix: "某市监"},
		Staff:  []casework.User{{ID: "wang.wu", Name: "王五", Agency: "scjg"}},
	}
	made, err := app.CaseDocuments{Generator: gen}.Make(dc, documents.KindReview, time.Now(), "某市监法审〔2026〕1号", false)
	if err != nil {
		t.Fatal(err)
	}
	text := made.Doc.Text()
	for _, want := range []string{"审核事项subject：通过", "审核事项discretion：存在问题。罚款位于建议幅度上限，理由已补充。", "审核意见：修改后同意。补充裁量理由后同意。",
		"审核人：王五", "2026年3月18日"} {
		if !strings.Contains(text, want) {
			t.Errorf("review document lacks %q:\n%s", want, text)
		}
	}
	// The case has no analysis (violated and penalty provisions missing):
	// those problems are the baseline every edit below adds one to.
	base := made.Problems
	for _, p := range base {
		if strings.HasPrefix(p.Element, "审核") {
			t.Errorf("review part reported missing: %+v", p)
		}
	}
	// An unmarked item, and an agency without 文号代字, each block issuing
	// and say what is missing.
	for name, tc := range map[string]struct {
		edit    func(*casework.DocumentContext)
		element string
	}{
		"unmarked item": {func(dc *casework.DocumentContext) { dc.Case.Review.Items[0].Verdict = "" }, "审核结论"},
		"no 文号代字":       {func(dc *casework.DocumentContext) { dc.Agency.DocPrefix = "" }, "文号代字"},
	} {
		x := dc
		r := *dc.Case.Review
		r.Items = slices.Clone(r.Items)
		x.Case.Review = &r
		tc.edit(&x)
		made, err := app.CaseDocuments{Generator: gen}.Make(x, documents.KindReview, time.Now(), "某市监法审〔2026〕1号", false)
		if err != nil {
			t.Fatal(err)
		}
		if n := len(made.Problems); n != len(base)+1 || made.Problems[n-1].Element != tc.element {
			t.Errorf("%s: problems %+v, want %s missing", name, made.Problems, tc.element)
		}
	}
}
