package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cailiang/cailiang/app"
	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/pgschema/pgtest"
)

// TestExchangeRoundTrip: one data directory's decisions, exported as JSONL
// and as CSV, land in another data directory (embedded store, or
// PostgreSQL) as the same read-only shared records; a second import, of
// either file, changes nothing; a file with one bad line is refused naming
// the line, and nothing of it is stored.
func TestExchangeRoundTrip(t *testing.T) {
	src := t.TempDir()
	mustCLI(t, "", "demo", "seed", "--data", src, "--cases", "300", "--agencies", "3", "--seed", "3")
	dir := t.TempDir()
	jsonl, csv := filepath.Join(dir, "scjg.jsonl"), filepath.Join(dir, "scjg.csv")
	mustCLI(t, "", "exchange", "export", "--data", src, "--agency", "sim-scjg-1", "--out", jsonl)
	mustCLI(t, "", "exchange", "export", "--data", src, "--agency", "sim-scjg-1", "--out", csv)
	raw, err := os.ReadFile(jsonl)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(raw)), "\n")
	if len(lines) < 10 || !strings.Contains(lines[0], `"version":1`) {
		t.Fatalf("export wrote %d lines: %.300s", len(lines), raw)
	}
	bad := filepath.Join(dir, "bad.jsonl")
	lines3 := append([]string{}, lines...)
	lines3[2] = strings.Replace(lines3[2], `"version":1`, `"version":2`, 1)
	if err := os.WriteFile(bad, []byte(strings.Join(lines3, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}

	for _, store := range []string{"embedded", "postgres"} {
		t.Run(store, func(t *testing.T) {
			dst := t.TempDir()
			args := []string{"--data", dst, "--agency", "other-city"}
			if store == "postgres" {
				dsn := pgtest.DSN(t)
				sep := "?"
				if strings.Contains(dsn, "?") {
					sep = "&"
				}
				args = append(args, "--pg", dsn+sep+"search_path="+pgtest.FreshSchema(t, dsn, "exchange_"))
			}
			importFile := func(path string) (casework.ImportSummary, string, error) {
				out, stderr, err := cli(t, "", append(append([]string{"exchange", "import"}, args...), path)...)
				var sum casework.ImportSummary
				if err == nil {
					if jerr := json.Unmarshal([]byte(out), &sum); jerr != nil {
						t.Fatalf("import printed %q: %v", out, jerr)
					}
				}
				return sum, stderr, err
			}
			if _, stderr, err := importFile(bad); err == nil || !strings.Contains(stderr, "第 3 行") || !strings.Contains(stderr, "第 2 版不受支持") {
				t.Errorf("bad file: %v, stderr %q; want line 3 named", err, stderr)
			}
			if n := len(sharedIn(t, dst, args)); n != 0 {
				t.Errorf("a refused file left %d records", n)
			}
			sum, stderr, err := importFile(jsonl)
			if err != nil || sum != (casework.ImportSummary{Added: len(lines)}) {
				t.Fatalf("import jsonl = %+v, %v\n%s", sum, err, stderr)
			}
			for _, again := range []string{jsonl, csv} {
				if sum, stderr, err := importFile(again); err != nil || sum != (casework.ImportSummary{Unchanged: len(lines)}) {
					t.Errorf("import %s again = %+v, %v\n%s", filepath.Base(again), sum, err, stderr)
				}
			}
			recs := sharedIn(t, dst, args)
			if len(recs) != len(lines) {
				t.Fatalf("%d shared records, want %d", len(recs), len(lines))
			}
			for _, r := range recs {
				if r.SourceAgency != "sim-scjg-1" || r.ImportedAgency != "other-city" || !strings.Contains(r.SourceAgencyName, "模拟") {
					t.Errorf("record %s: %+v", r.Key, r)
					break
				}
			}
		})
	}
}

// sharedIn reads the shared records of a data directory (and --pg, when args give one).
func sharedIn(t *testing.T, data string, args []string) []casework.SharedRecord {
	t.Helper()
	cfg := app.Config{DataDir: data}
	for i, a := range args {
		if a == "--pg" {
			cfg.PGDSN = args[i+1]
		}
	}
	cw, err := app.OpenCasework(cfg, false) // read-write: a refused import leaves no store to open read-only
	if err != nil {
		t.Fatal(err)
	}
	defer cw.Close()
	reader := casework.User{ID: "reader", Agency: "other-city", Roles: []casework.Role{casework.RoleReviewer}}
	out, err := cw.Service.SharedRecords(context.Background(), reader, "")
	if err != nil {
		t.Fatal(err)
	}
	return out
}
