package documents

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// loadInput reads a sample input from testdata.
func loadInput(t testing.TB, name string) Input {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	var in Input
	if err := json.Unmarshal(raw, &in); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return in
}

func newGenerator(t *testing.T) *Generator {
	t.Helper()
	g, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// goldenCases are the sample inputs and the kinds rendered from each.
var goldenCases = []struct {
	input string
	kinds []Kind
}{
	{"company.json", Kinds},
	{"person.json", []Kind{KindNoPenalty, KindService}},
	// The statements as the case's record holds them (Procedure).
	{"company-recorded.json", []Kind{KindDecision}},
	// A 留置送达: no signature, the refusal and witness in 备注.
	{"person-left.json", []Kind{KindService}},
}

// TestGolden compares the text of word/document.xml's paragraphs, for
// every kind and sample input, with the reviewed golden file.
func TestGolden(t *testing.T) {
	g := newGenerator(t)
	for _, gc := range goldenCases {
		in := loadInput(t, gc.input)
		for _, k := range gc.kinds {
			name := strings.TrimSuffix(gc.input, ".json") + "-" + string(k)
			t.Run(name, func(t *testing.T) {
				doc, err := g.Render(k, in)
				if err != nil {
					t.Fatal(err)
				}
				var docx strings.Builder
				if err := WriteDOCX(&docx, doc); err != nil {
					t.Fatal(err)
				}
				got, err := DOCXText([]byte(docx.String()))
				if err != nil {
					t.Fatal(err)
				}
				if got != doc.Text() {
					t.Errorf("document.xml text differs from the rendered paragraphs:\n%s\nvs\n%s", got, doc.Text())
				}
				path := filepath.Join("testdata", "golden", name+".txt")
				if *update {
					if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run with -update to create it)", err)
				}
				if got != string(want) {
					t.Errorf("%s differs from the golden file (run with -update after review):\n%s", name, got)
				}
			})
		}
	}
}

func TestRenderRejectsBadInput(t *testing.T) {
	g := newGenerator(t)
	base := loadInput(t, "company.json")
	tests := []struct {
		name  string
		edit  func(*Input)
		field string
	}{
		{"no date", func(in *Input) { in.Date = "" }, "date"},
		{"bad date", func(in *Input) { in.Date = "2026-13-01" }, "date"},
		{"invalid utf8", func(in *Input) { in.Party.Name = "甲\xff乙" }, "party.name"},
		{"control char", func(in *Input) { in.Case.Facts = "事实\x00" }, "case.facts"},
		{"huge", func(in *Input) { in.Case.Facts = strings.Repeat("字", maxFieldRunes+1) }, "case.facts"},
		{"negative fine", func(in *Input) { in.Penalty.Fine = -1 }, "penalty.fine"},
		{"party kind", func(in *Input) { in.Party.Kind = "robot" }, "party.kind"},
		{"many items", func(in *Input) { in.Case.Evidence = make([]string, maxListItems+1) }, "case.evidence"},
		{"hostile article", func(in *Input) { in.Basis[0].Text = "\u202e" + strings.Repeat("\x1b", 3) }, "basis[0].text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := base
			in.Party = base.Party
			in.Case = base.Case
			in.Case.Evidence = append([]string(nil), base.Case.Evidence...)
			in.Basis = append([]Provision(nil), base.Basis...)
			tt.edit(&in)
			_, err := g.Render(KindDecision, in)
			var ie *InputError
			if !errors.As(err, &ie) || !errors.Is(err, ErrInvalidInput) {
				t.Fatalf("got %v, want an *InputError", err)
			}
			if ie.Field != tt.field {
				t.Errorf("field = %s, want %s", ie.Field, tt.field)
			}
		})
	}
	if _, err := g.Render("verdict", base); !errors.Is(err, ErrUnknownKind) {
		t.Errorf("unknown kind: got %v", err)
	}
}

// TestHearingThreshold: the notice tells of the hearing right only when
// the fine reaches the sector's threshold, and always when none is set.
func TestHearingThreshold(t *testing.T) {
	g := newGenerator(t)
	in := loadInput(t, "company.json")
	tests := []struct {
		sector string
		fine   float64
		other  []string
		want   bool
	}{
		{"市场监管", 100000, nil, true},
		{"市场监管", 99999, nil, false},
		{"市场监管", 5000, []string{"吊销食品经营许可证"}, true},
		{"", 100, nil, true},
	}
	for _, tt := range tests {
		in.Sector, in.Penalty.Fine, in.Penalty.Gains, in.Penalty.Other = tt.sector, tt.fine, 0, tt.other
		doc, err := g.Render(KindNotice, in)
		if err != nil {
			t.Fatal(err)
		}
		got := strings.Contains(doc.Text(), "要求听证的，应当自收到本告知书之日起五个工作日内")
		if got != tt.want {
			t.Errorf("sector %q fine %v other %v: hearing = %v, want %v", tt.sector, tt.fine, tt.other, got, tt.want)
		}
	}
}

// TestTemplateOverride: an agency's file replaces the built-in one, and a
// broken one is refused at start with the file named.
func TestTemplateOverride(t *testing.T) {
	dir := t.TempDir()
	own := "title: 送达回证\nblocks:\n  - style: title\n    text: 送达回证（本机关格式）\n  - style: field\n    text: '受送达人：{{.Party.Name}}'\n"
	if err := os.WriteFile(filepath.Join(dir, "service.yaml"), []byte(own), 0o644); err != nil {
		t.Fatal(err)
	}
	g, err := New(Config{TemplateDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := g.Render(KindService, loadInput(t, "company.json"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "送达回证（本机关格式）\n受送达人：示例食品贸易有限公司\n"; doc.Text() != want {
		t.Errorf("got %q, want %q", doc.Text(), want)
	}
	for name, bad := range map[string]string{
		"decision.yaml": "title: x\nblocks:\n  - style: body\n    text: '{{.Nope'\n",
		"notice.yaml":   "title: x\nblocks:\n  - style: comic\n    text: a\n",
		"profiles.yaml": "default:\n  payment_days: 0\n",
	} {
		d := t.TempDir()
		if err := os.WriteFile(filepath.Join(d, name), []byte(bad), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := New(Config{TemplateDir: d}); !errors.Is(err, ErrTemplate) || !strings.Contains(err.Error(), strings.TrimSuffix(name, ".yaml")) {
			t.Errorf("%s: got %v, want ErrTemplate naming the file", name, err)
		}
	}
}

// TestOfficerForms: an officer is {"name","cert"} or a bare name (facts
// files written before certificates were recorded); anything else fails.
func TestOfficerForms(t *testing.T) {
	for _, tt := range []struct {
		raw  string
		want []Officer
		ok   bool
	}{
		{`[{"name":"李某","cert":"00000001"},"赵某"]`, []Officer{{Name: "李某", Cert: "00000001"}, {Name: "赵某"}}, true},
		{`[{"name":"李某","badge":"1"}]`, nil, false},
		{`[1]`, nil, false},
	} {
		var got []Officer
		err := json.Unmarshal([]byte(tt.raw), &got)
		if (err == nil) != tt.ok || tt.ok && (len(got) != len(tt.want) || got[0] != tt.want[0] || got[1] != tt.want[1]) {
			t.Errorf("%s → %+v, %v", tt.raw, got, err)
		}
	}
}
