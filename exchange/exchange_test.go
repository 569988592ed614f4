package exchange_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/exchange"
	"github.com/cailiang/cailiang/legal"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// records are two decisions as ExportShared makes them: an organisation's
// (name and code kept) and a natural person's (neither).
func records() []casework.SharedRecord {
	decided := time.Date(2025, 6, 6, 10, 30, 0, 0, time.FixedZone("CST", 8*3600))
	rs := []casework.SharedRecord{
		{Key: "scjg/scjg-2025-000001", SourceAgency: "scjg", SourceAgencyName: "某市市场监督管理局", CaseID: "scjg-2025-000001",
			Title: "当事人 销售过期食品", Facts: "当事人销售超过保质期的食品，货值 1,200 元；\n有进货单据。", Source: "投诉举报", Sector: "市场监管",
			Stage: casework.StageClosed, PartyKind: "organisation", PartyName: "甲食品有限公司", PartyID: "91310000MA1K000001",
			Decision: casework.Proposal{Disposition: legal.DispositionLighter, Basis: "sc-food-expired", Fine: 5000.5, Confiscation: 1200,
				Other: []string{"警告"}, SuggestedMin: 5000, SuggestedMax: 20000, Reasons: []string{"首次违法；主动改正", "配合调查"}},
			Opened: decided.AddDate(0, -1, 0), Decided: decided},
		{Key: "scjg/scjg-2025-000002", SourceAgency: "scjg", SourceAgencyName: "某市市场监督管理局", CaseID: "scjg-2025-000002",
			Title: "当事人（自然人） 无证经营", Facts: "当事人无证经营，\"流动摊位\"。", Stage: casework.StageServed, PartyKind: "person",
			Decision: casework.Proposal{Disposition: legal.DispositionPenalty, Fine: 2000}, Decided: decided.AddDate(0, 0, 3)},
	}
	for i := range rs {
		rs[i].Digest = rs[i].ContentDigest()
	}
	return rs
}

// TestRoundTrip: what Write writes, Read reads back as it was, in both
// formats; the files are golden (a change of the wire format shows here).
func TestRoundTrip(t *testing.T) {
	for _, format := range []string{exchange.JSONL, exchange.CSV} {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			if err := exchange.Write(&buf, format, records()); err != nil {
				t.Fatalf("Write: %v", err)
			}
			golden := filepath.Join("testdata", "export."+format)
			if *update {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("Write(%s) differs from %s:\n%s", format, golden, buf.String())
			}
			got, err := exchange.Read(bytes.NewReader(buf.Bytes()), format)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			for i, r := range records() {
				if got[i].Digest != r.Digest || !got[i].Decided.Equal(r.Decided) || !reflect.DeepEqual(got[i].Decision, r.Decision) ||
					got[i].Facts != r.Facts || got[i].PartyID != r.PartyID {
					t.Errorf("record %d read back as %+v, want %+v", i+1, got[i], r)
				}
			}
		})
	}
}

// TestReadRejects: every kind of bad record is rejected with its line and
// field, and a file with one bad record gives no records at all.
func TestReadRejects(t *testing.T) {
	var good bytes.Buffer
	if err := exchange.Write(&good, exchange.JSONL, records()); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(good.String()), "\n")
	edit := func(line string, fn func(m map[string]any)) string {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatal(err)
		}
		fn(m)
		b, _ := json.Marshal(m)
		return string(b)
	}
	cases := []struct {
		name, second string // the second line of a JSONL file whose first is good
		field, msg   string
	}{
		{"version 2", edit(lines[1], func(m map[string]any) { m["version"] = 2 }), "version", "第 2 版不受支持"},
		{"version 0", edit(lines[1], func(m map[string]any) { m["version"] = 0 }), "version", "第 0 版不受支持"},
		{"no version", edit(lines[1], func(m map[string]any) { delete(m, "version") }), "version", "缺少"},
		{"other format", edit(lines[1], func(m map[string]any) { m["format"] = "other" }), "format", "不是裁量交换文件"},
		{"unknown field", edit(lines[1], func(m map[string]any) { m["imported_by"] = "x" }), "", "未知字段"},
		{"person's name", edit(lines[1], func(m map[string]any) { m["party_name"] = "王小明" }), "party_name", "不得交换"},
		{"negative fine", edit(lines[1], func(m map[string]any) { m["decision"].(map[string]any)["fine"] = -1 }), "decision.fine", "不符合"},
		{"fine as text", edit(lines[1], func(m map[string]any) { m["decision"].(map[string]any)["fine"] = "2000" }), "decision.fine", "类型应为 number"},
		{"bad date", edit(lines[1], func(m map[string]any) { m["decided"] = "2025-13-01T00:00:00Z" }), "decided", "date-time"},
		{"open stage", edit(lines[1], func(m map[string]any) { m["stage"] = "investigating" }), "stage", "不是可接受的值"},
		{"tampered", edit(lines[1], func(m map[string]any) { m["decision"].(map[string]any)["fine"] = 20 }), "digest", "改动"},
		{"key", edit(lines[1], func(m map[string]any) { m["key"] = "scjg/scjg-2025-000009" }), "key", "source_agency/case_id"},
		{"duplicate", lines[0], "key", "与第 1 行重复"},
		{"not JSON", `{"format": "cailiang-exchange",`, "", "不是一个 JSON 对象"},
		{"array", `[1, 2]`, "", "不是一个 JSON 对象"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := exchange.Read(strings.NewReader(lines[0]+"\n\n"+tc.second+"\n"), exchange.JSONL)
			var es exchange.Errors
			if !errors.As(err, &es) || got != nil {
				t.Fatalf("Read = %d records, %v; want Errors and no records", len(got), err)
			}
			if es[0].Line != 3 || !strings.Contains(es[0].Message, tc.msg) || (tc.field != "" && es[0].Field != tc.field) {
				t.Errorf("error = %+v; want line 3, field %q, message containing %q", es[0], tc.field, tc.msg)
			}
		})
	}
	if _, err := exchange.Read(strings.NewReader("\n"), exchange.JSONL); err == nil || !strings.Contains(err.Error(), "没有记录") {
		t.Errorf("empty file: %v", err)
	}
	if _, err := exchange.Read(strings.NewReader(""), "xml"); !errors.Is(err, exchange.ErrFormat) {
		t.Errorf("format xml: %v, want ErrFormat", err)
	}
}

// TestReadRejectsCSV: a CSV file's errors name the line its record starts
// on (a quoted cell may span lines).
func TestReadRejectsCSV(t *testing.T) {
	var good bytes.Buffer
	if err := exchange.Write(&good, exchange.CSV, records()); err != nil {
		t.Fatal(err)
	}
	text := good.String() // header (line 1), record 1 over two lines (facts has a newline), record 2 on line 4
	for _, tc := range []struct{ name, from, to, field, msg string }{
		{"fine not a number", ",2000,", ",两千,", "fine", "不是数字"},
		{"reasons not a list", `"[""首次违法；主动改正"",""配合调查""]"`, "首次违法", "reasons", "JSON 字符串数组"},
		{"unknown column", "format,version", "format,versions", "versions", "未知列"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bad := strings.Replace(text, tc.from, tc.to, 1)
			if bad == text {
				t.Fatalf("%q not in the file:\n%s", tc.from, text)
			}
			_, err := exchange.Read(strings.NewReader(bad), exchange.CSV)
			var es exchange.Errors
			if !errors.As(err, &es) || es[0].Field != tc.field || !strings.Contains(es[0].Message, tc.msg) {
				t.Fatalf("Read = %v; want field %q, %q", err, tc.field, tc.msg)
			}
			wantLine := map[string]int{"fine": 4, "reasons": 2, "versions": 1}[tc.field]
			if es[0].Line != wantLine {
				t.Errorf("line %d, want %d", es[0].Line, wantLine)
			}
		})
	}
}

// TestSchemaMatchesCode: the schema's enumerations are the workbench's own
// lists, and its properties are exactly what Write writes.
func TestSchemaMatchesCode(t *testing.T) {
	var s struct {
		Properties map[string]struct {
			Enum       []string                   `json:"enum"`
			Properties map[string]json.RawMessage `json:"properties"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(exchange.Schema(), &s); err != nil {
		t.Fatal(err)
	}
	var sectors []string
	for _, x := range legal.Sectors() {
		sectors = append(sectors, string(x))
	}
	if got := s.Properties["sector"].Enum; !slices.Equal(got, sectors) {
		t.Errorf("schema sectors %v, legal.Sectors %v", got, sectors)
	}
	var disp struct {
		Enum []string `json:"enum"`
	}
	if err := json.Unmarshal(s.Properties["decision"].Properties["disposition"], &disp); err != nil {
		t.Fatal(err)
	}
	for _, d := range legal.CaseDispositions() {
		if !slices.Contains(disp.Enum, string(d)) {
			t.Errorf("schema dispositions lack %s", d)
		}
	}
	var cols []string
	for k, p := range s.Properties {
		if k == "decision" {
			for dk := range p.Properties {
				cols = append(cols, dk)
			}
			continue
		}
		cols = append(cols, k)
	}
	slices.Sort(cols)
	want := slices.Sorted(slices.Values(exchange.Columns))
	if !slices.Equal(cols, want) {
		t.Errorf("schema properties %v, CSV columns %v", cols, want)
	}
}

// TestDigestRecipe: the digest of every record of the golden file is what
// docs/exchange.md tells another system to compute, done here from the
// file alone: drop format, version and digest, times to UTC, keys sorted,
// no spaces.
func TestDigestRecipe(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "export.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatal(err)
		}
		want := m["digest"]
		for _, k := range []string{"format", "version", "digest"} {
			delete(m, k)
		}
		for _, k := range []string{"opened", "decided"} {
			if s, ok := m[k].(string); ok {
				tm, err := time.Parse(time.RFC3339Nano, s)
				if err != nil {
					t.Fatal(err)
				}
				m[k] = tm.UTC().Format(time.RFC3339Nano)
			}
		}
		b, _ := json.Marshal(m)
		sum := sha256.Sum256(b)
		if got := hex.EncodeToString(sum[:]); got != want {
			t.Errorf("line %d: recipe gives %s, file says %v", i+1, got, want)
		}
	}
}
