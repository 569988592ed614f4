package app_test

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
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
		Officers: []casework.User{{ID: "zhang.san", Name: "张三"}, {ID: "li.si", Name: "李四"}},
		Evidence: []casework.Evidence{{Name: "现场照片.png", Note: "证明当事人陈列过期食品"}, {Name: "询问笔录.pdf"}},
		Date:     decided, Number: "某市监处罚〔2026〕1号"}
	in, err := app.CaseInput(cd, st, cal, gen.Profile("市场监管"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := gen.Render(documents.KindDecision, in)
	if err != nil {
		t.Fatal(err)
	}
	if problems := gen.Check(doc, in, st); len(problems) != 0 {
		t.Errorf("decision of a complete case fails checks: %+v\n%s", problems, doc.Text())
	}
	text := doc.Text()
	for _, want := range []string{"某某食品有限公司", "91000000MA0000000X", "某市监处罚〔2026〕1号", "《食品安全法》第一百二十四条第一款第（五）项",
		"超过保质期的食品", "现场照片.png（证明当事人陈列过期食品）", "初次违法，配合调查", "警告", "伍万元", "2026年3月20日"} {
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
