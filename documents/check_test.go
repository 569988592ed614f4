package documents

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cailiang/cailiang/nlp"
)

// fileStatutes is a working Statutes over the statute JSONL of the public
// data directory, for the few laws the samples cite: each version with its
// date, so a date before a version's date finds the older one.
type fileStatutes struct {
	versions map[string][]statuteVersion // law → versions, oldest first
}

type statuteVersion struct {
	date string
	text string
}

var articleHead = regexp.MustCompile(`(?m)^(第[零〇一二两三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?) `)

func (f *fileStatutes) Article(law, article, date string) (CitedArticle, error) {
	law = strings.TrimPrefix(law, "中华人民共和国")
	vs := f.versions[law]
	var v *statuteVersion
	for i := range vs {
		if vs[i].date <= date {
			v = &vs[i]
		}
	}
	if v == nil {
		return CitedArticle{}, fmt.Errorf("law %s not in force on %s", law, date)
	}
	label := article
	if i := strings.Index(label, "条"); i >= 0 {
		label = label[:i+len("条")]
	}
	if strings.HasPrefix(article[len(label):], "之") {
		return CitedArticle{}, fmt.Errorf("suffix articles not in the fake")
	}
	locs := articleHead.FindAllStringSubmatchIndex(v.text, -1)
	for i, l := range locs {
		if v.text[l[2]:l[3]] != label {
			continue
		}
		end := len(v.text)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		return CitedArticle{Label: law + article, Text: v.text[l[1]:end], InForce: true}, nil
	}
	return CitedArticle{}, fmt.Errorf("%s%s not found", law, label)
}

// loadStatutes reads the laws from CAILIANG_DATA's national.jsonl; under
// CI=true a missing data directory fails, otherwise the test skips.
func loadStatutes(t testing.TB, laws ...string) *fileStatutes {
	t.Helper()
	dir := os.Getenv("CAILIANG_DATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "data")
	}
	fh, err := os.Open(filepath.Join(dir, "statutes_lawrefbook", "national.jsonl"))
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("public data missing (set CAILIANG_DATA): %v", err)
		}
		t.Skipf("public data missing (set CAILIANG_DATA): %v", err)
	}
	defer fh.Close()
	want := map[string]bool{}
	for _, l := range laws {
		want[l] = true
	}
	f := &fileStatutes{versions: map[string][]statuteVersion{}}
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		line := sc.Bytes()
		if !strings.Contains(string(line[:min(len(line), 300)]), `"law"`) {
			continue
		}
		var rec struct {
			Law, Text   string
			VersionDate string `json:"version_date"`
		}
		if err := json.Unmarshal(line, &rec); err != nil {
			t.Fatal(err)
		}
		if want[rec.Law] {
			f.versions[rec.Law] = append(f.versions[rec.Law], statuteVersion{rec.VersionDate, nlp.CleanStatute(rec.Text)})
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	for law, vs := range f.versions {
		for i := 1; i < len(vs); i++ {
			for j := i; j > 0 && vs[j].date < vs[j-1].date; j-- {
				vs[j], vs[j-1] = vs[j-1], vs[j]
			}
		}
		f.versions[law] = vs
	}
	return f
}

// TestCheck: the sample passes every check; each edit below makes exactly
// the check it targets fail, naming the element.
func TestCheck(t *testing.T) {
	g := newGenerator(t)
	st := loadStatutes(t, "食品安全法", "行政处罚法", "行政执法机关移送涉嫌犯罪案件的规定")
	base := loadInput(t, "company.json")
	for _, k := range Kinds {
		if k == KindNoPenalty {
			continue // the company sample is a penalty case: no 不予处罚 reason
		}
		doc, err := g.Render(k, base)
		if err != nil {
			t.Fatal(err)
		}
		if probs := g.Check(doc, base, st); len(probs) != 0 {
			t.Errorf("%s: sample fails checks: %+v", k, probs)
		}
	}
	person := loadInput(t, "person.json")
	doc, err := g.Render(KindNoPenalty, person)
	if err != nil {
		t.Fatal(err)
	}
	if probs := g.Check(doc, person, st); len(probs) != 0 {
		t.Errorf("no-penalty: sample fails checks: %+v", probs)
	}

	tests := []struct {
		name     string
		kind     Kind
		edit     func(*Input)
		template string // an agency's decision.yaml replacing the built-in
		code     string
		element  string
	}{
		{"missing address", KindDecision, func(in *Input) { in.Party.Address = "" }, "", "missing", "住所"},
		{"missing review body", KindDecision, func(in *Input) { in.Agency.ReviewBody = "" }, "", "missing", "行政复议机关"},
		{"unknown article", KindDecision, func(in *Input) { in.Violated[0].Article = "第九百九十九条" }, "", "cite_unresolved", "《中华人民共和国食品安全法》第九百九十九条"},
		{"unknown law", KindDecision, func(in *Input) { in.Basis[0].Law = "食品安全管理暂行办法" }, "", "cite_unresolved", "《食品安全管理暂行办法》第一百二十四条第一款第（五）项"},
		{"before the law", KindDecision, func(in *Input) { in.Date = "1990-01-01" }, "", "cite_unresolved", "《中华人民共和国食品安全法》第三十四条第（十）项"},
		{"misquoted", KindDecision, func(in *Input) { in.Violated[0].Text = "标注虚假生产日期的食品；" }, "", "quote_mismatch", "《中华人民共和国食品安全法》第三十四条第（十）项"},
		{"fine differs in reasons", KindDecision, func(in *Input) {
			in.Discretion = append(in.Discretion, "拟罚款18万元。")
		}, "", "amount_mismatch", "罚款"},
		{"gains differ in answer", KindDecision, func(in *Input) { in.Case.Answer = "应没收违法所得人民币3500元。" }, "", "amount_mismatch", "没收违法所得"},
		{"above range", KindDecision, func(in *Input) { in.Penalty.Fine = 450000 }, "", "fine_range", "罚款"},
		{"below range without mitigation", KindDecision, func(in *Input) { in.Penalty.Fine = 150000 }, "", "fine_range", "罚款"},
		{"range not recorded", KindNotice, func(in *Input) { in.Penalty.StatutoryMin, in.Penalty.StatutoryMax = 0, 0 }, "", "fine_range", "罚款"},
		{"one officer", KindDecision, func(in *Input) { in.Case.Officers = in.Case.Officers[:1] }, "", "officers", "执法人员"},
		{"officer without certificate", KindNotice, func(in *Input) { in.Case.Officers[1].Cert = "" }, "", "officers", "执法人员"},
		{"notice service not recorded", KindDecision, func(in *Input) { in.Procedure = &Procedure{} }, "", "procedure", "告知书送达"},
		{"statement period open", KindDecision, func(in *Input) {
			in.Procedure = &Procedure{NoticeServed: "2026-03-16", StatementEnds: "2026-03-23", HearingEnds: "2026-03-23"}
		}, "", "procedure", "陈述、申辩期限"},
		{"hearing period open after a statement", KindDecision, func(in *Input) {
			in.Procedure = &Procedure{NoticeServed: "2026-03-16", StatementEnds: "2026-03-23", HearingEnds: "2026-03-23",
				Statements: []StatementRecord{{Received: "2026-03-17", Text: "请求从轻。", Outcome: "不采纳", Reasons: "理由不成立。"}}}
		}, "", "procedure", "听证申请期限"},
		{"statement unanswered", KindDecision, func(in *Input) {
			in.Procedure = &Procedure{NoticeServed: "2026-03-02", StatementEnds: "2026-03-09", HearingEnds: "2026-03-09",
				Statements: []StatementRecord{{Received: "2026-03-05", Hearing: true}}}
		}, "", "procedure", "陈述申辩的复核"},
		{"no remedies block", KindDecision, nil, "title: 行政处罚决定书\nblocks:\n  - style: body\n    text: '当事人：{{.Party.Name}}。罚款{{money .Penalty.Fine}}，自收到本决定书之日起十五日内缴纳罚款，逾期每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额。'\n", "deadline", "行政复议期限"},
		{"wrong payment term", KindDecision, nil, "title: 行政处罚决定书\nblocks:\n  - style: body\n    text: '罚款{{money .Penalty.Fine}}，自收到本决定书之日起三十日内缴纳罚款。逾期每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额。六十日内申请行政复议，六个月内提起行政诉讼。'\n", "deadline", "罚款缴纳期限"},
		{"words and figure differ", KindDecision, nil, "title: 行政处罚决定书\nblocks:\n  - style: body\n    text: '罚款人民币贰拾万元整（¥20,000.00）。自收到本决定书之日起十五日内缴纳罚款。逾期每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额。六十日内申请行政复议，六个月内提起行政诉讼。'\n", "amount_mismatch", "金额"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gen := g
			if tt.template != "" {
				dir := t.TempDir()
				if err := os.WriteFile(filepath.Join(dir, string(tt.kind)+".yaml"), []byte(tt.template), 0o644); err != nil {
					t.Fatal(err)
				}
				var err error
				if gen, err = New(Config{TemplateDir: dir}); err != nil {
					t.Fatal(err)
				}
			}
			in := loadInput(t, "company.json")
			if tt.edit != nil {
				tt.edit(&in)
			}
			doc, err := gen.Render(tt.kind, in)
			if err != nil {
				t.Fatal(err)
			}
			probs := gen.Check(doc, in, st)
			found := false
			for _, p := range probs {
				if p.Code == tt.code && p.Element == tt.element {
					found = true
				} else if p.Code != tt.code {
					t.Errorf("unexpected problem from another check: %+v", p)
				}
			}
			if !found {
				t.Errorf("want a %s problem for %s, got %+v", tt.code, tt.element, probs)
			}
		})
	}
	// The party's express waiver lets the decision be made within the
	// period; the recorded sample passes; a missing agency detail says
	// where it is set.
	for name, edit := range map[string]func(*Input){
		"waiver": func(in *Input) {
			in.Procedure = &Procedure{NoticeServed: "2026-03-16", StatementEnds: "2026-03-23", HearingEnds: "2026-03-23",
				Statements: []StatementRecord{{Received: "2026-03-17", Waived: true}}}
		},
		"recorded": func(in *Input) { *in = loadInput(t, "company-recorded.json") },
	} {
		in := loadInput(t, "company.json")
		edit(&in)
		doc, err := g.Render(KindDecision, in)
		if err != nil {
			t.Fatal(err)
		}
		if probs := g.Check(doc, in, st); len(probs) != 0 {
			t.Errorf("%s: %+v", name, probs)
		}
	}
	in0 := loadInput(t, "company.json")
	in0.Agency.ReviewBody = ""
	if doc, err := g.Render(KindDecision, in0); err != nil {
		t.Fatal(err)
	} else if probs := g.Check(doc, in0, st); len(probs) != 1 || !strings.Contains(probs[0].Message, "agencies.yaml") || !strings.Contains(probs[0].Message, "review_body") {
		t.Errorf("missing review body: %+v, want one problem saying where to set it", probs)
	}

	// A recorded mitigation ground allows a fine below the range.
	in := loadInput(t, "company.json")
	in.Penalty.Fine, in.Penalty.Mitigation = 150000, "当事人主动消除违法行为危害后果（行政处罚法第三十二条第（一）项）"
	doc, err = g.Render(KindDecision, in)
	if err != nil {
		t.Fatal(err)
	}
	if probs := g.Check(doc, in, st); len(probs) != 0 {
		t.Errorf("mitigated fine: %+v", probs)
	}
}
