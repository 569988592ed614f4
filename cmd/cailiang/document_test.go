package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cailiang/cailiang/app"
	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/documents"
)

// TestDocumentCommand drafts a workbench case's 决定书 and a notice from a
// document input file: each file is a DOCX marked 草稿 holding the party,
// and the checks' findings are printed; bad invocations are refused and
// write nothing.
func TestDocumentCommand(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	cw, err := app.OpenCasework(app.Config{DataDir: data}, false)
	if err != nil {
		t.Fatal(err)
	}
	svc := cw.Service
	if _, _, _, err := svc.EnsureAdmin(ctx); err != nil {
		t.Fatal(err)
	}
	officer, _, err := svc.AddUser(ctx, casework.Operator(), casework.User{ID: "zhang.san", Name: "张三", Agency: "scjg", Roles: []casework.Role{casework.RoleOfficer}}, "")
	if err != nil {
		t.Fatal(err)
	}
	c, err := svc.CreateCase(ctx, officer, casework.NewCase{Title: "某食品店销售过期食品案", Source: "投诉举报",
		Party: casework.Party{Kind: "organisation", Name: "某食品店", Address: "某市和平街8号"}, Facts: "当事人销售超过保质期的食品。"})
	if err != nil {
		t.Fatal(err)
	}
	cw.Close()

	dir := t.TempDir()
	for _, tc := range []struct {
		args  []string
		party string
	}{
		{[]string{"document", "decision", "--case", c.ID, "--out", filepath.Join(dir, "decision.docx")}, "某食品店"},
		{[]string{"document", "notice", "--facts", filepath.Join("..", "..", "documents", "testdata", "company.json"), "--out", filepath.Join(dir, "notice.docx")}, "示例食品贸易有限公司"},
	} {
		var stdout, stderr bytes.Buffer
		if err := run(ctx, append(tc.args, "--data", data, "--log-level", "error"), strings.NewReader(""), &stdout, &stderr); err != nil {
			t.Fatalf("%v: %v\n%s", tc.args, err, stderr.String())
		}
		var out struct {
			Out      string              `json:"out"`
			Draft    bool                `json:"draft"`
			Problems []documents.Problem `json:"problems"`
		}
		if err := json.Unmarshal(stdout.Bytes(), &out); err != nil || !out.Draft {
			t.Fatalf("%v printed %s (%v)", tc.args, stdout.String(), err)
		}
		raw, err := os.ReadFile(out.Out)
		if err != nil {
			t.Fatal(err)
		}
		text, err := documents.DOCXText(raw)
		if err != nil {
			t.Fatalf("%s is not a DOCX: %v", out.Out, err)
		}
		if !strings.Contains(text, "草稿") || !strings.Contains(text, tc.party) {
			t.Errorf("%v: the draft lacks 草稿 or %s:\n%s", tc.args, tc.party, text)
		}
		if tc.args[1] == "decision" && len(out.Problems) == 0 {
			t.Errorf("the decision of a case without analysis or proposal passed every check")
		}
	}

	for _, args := range [][]string{
		{"document", "verdict", "--case", c.ID, "--out", filepath.Join(dir, "x.docx")},
		{"document", "decision", "--case", c.ID, "--out", filepath.Join(dir, "x.txt")},
		{"document", "decision", "--case", c.ID, "--facts", "-", "--out", filepath.Join(dir, "x.docx")},
		{"document", "decision", "--out", filepath.Join(dir, "x.docx")},
		{"document", "decision", "--case", "scjg-2026-999999", "--out", filepath.Join(dir, "x.docx")},
	} {
		var stdout, stderr bytes.Buffer
		err := run(ctx, append(args, "--data", data, "--log-level", "error"), strings.NewReader(""), &stdout, &stderr)
		if err == nil {
			t.Errorf("%v: no error", args)
		}
		if args[3] == "scjg-2026-999999" && !errors.Is(err, casework.ErrNotFound) {
			t.Errorf("%v: %v, want not found", args, err)
		}
		if _, err := os.Stat(filepath.Join(dir, "x.docx")); err == nil {
			t.Fatalf("%v wrote a file", args)
		}
	}
}
