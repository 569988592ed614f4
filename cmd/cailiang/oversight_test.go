package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestDemoSeedThenStats: `demo seed` writes marked synthetic cases, `stats`
// counts them in JSON and CSV, bad flags are usage errors and change nothing.
func TestDemoSeedThenStats(t *testing.T) {
	data := t.TempDir()
	ctx := context.Background()
	var out, errb bytes.Buffer
	if err := run(ctx, []string{"demo", "seed", "--data", data, "--cases", "400", "--agencies", "4", "--seed", "7"}, nil, &out, &errb); err != nil {
		t.Fatalf("demo seed: %v\n%s", err, errb.String())
	}
	var seeded struct {
		Synthetic bool `json:"synthetic"`
		Cases     int  `json:"cases"`
	}
	if err := json.Unmarshal(out.Bytes(), &seeded); err != nil || !seeded.Synthetic || seeded.Cases != 400 {
		t.Fatalf("demo seed printed %s (%v)", out.String(), err)
	}
	from := time.Now().UTC().AddDate(-2, 0, 0).Format(time.DateOnly)
	to := time.Now().UTC().AddDate(0, 0, 1).Format(time.DateOnly)
	out.Reset()
	if err := run(ctx, []string{"stats", "--data", data, "--from", from, "--to", to}, nil, &out, &errb); err != nil {
		t.Fatalf("stats: %v\n%s", err, errb.String())
	}
	var rep struct {
		Cases    int `json:"cases"`
		ByAgency []struct {
			Key   string `json:"key"`
			Label string `json:"label"`
			N     int    `json:"n"`
		} `json:"by_agency"`
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil || rep.Cases != 400 || len(rep.ByAgency) != 4 {
		t.Fatalf("stats printed cases %d, %d agencies (%v)", rep.Cases, len(rep.ByAgency), err)
	}
	scjg := 0
	for _, a := range rep.ByAgency {
		if a.Key == "sim-scjg-1" {
			scjg = a.N
		}
		if !strings.Contains(a.Label, "模拟") {
			t.Errorf("agency %q not marked synthetic", a.Label)
		}
	}
	out.Reset()
	if err := run(ctx, []string{"stats", "--data", data, "--from", from, "--to", to, "--format", "csv", "--agency", "sim-scjg-1"}, nil, &out, &errb); err != nil {
		t.Fatalf("stats csv: %v", err)
	}
	if !strings.Contains(out.String(), "登记案件,"+strconv.Itoa(scjg)) || scjg == 0 {
		t.Errorf("CSV of sim-scjg-1 lacks 登记案件,%d:\n%s", scjg, out.String())
	}
	for _, bad := range [][]string{
		{"stats", "--data", data, "--format", "pdf"},
		{"stats", "--data", data, "--agency", "nowhere"},
		{"stats", "--data", data, "--from", "2025-13-01", "--to", "2026-01-01"},
		{"stats", "--data", data, "--from", "2026-01-01", "--to", "2025-01-01"},
		{"demo", "seed", "--data", data, "--cases", "0"},
		{"demo", "plant", "--data", data},
	} {
		if err := run(ctx, bad, nil, &out, &errb); err == nil {
			t.Errorf("%v: no error", bad)
		} else if bad[0] == "stats" && !errors.Is(err, errUsage) {
			t.Errorf("%v: %v; want a usage error", bad, err)
		}
	}
}

// TestWarningsSetting: --warnings takes a JSON object of thresholds and
// refuses anything else as a usage error.
func TestWarningsSetting(t *testing.T) {
	data := t.TempDir()
	var out, errb bytes.Buffer
	if err := run(context.Background(), []string{"demo", "seed", "--data", data, "--cases", "60", "--agencies", "2"}, nil, &out, &errb); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "warnings.json")
	if err := os.WriteFile(file, []byte(`{"near_days":10,"agencies":{"X":{"dispersion_z":3,"transfer_risk":"near"}}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, good := range []string{`{"near_days":10,"dispersion_z":3}`, `{"agencies":{"X":{"near_days":3}}}`, file} {
		if err := run(context.Background(), []string{"stats", "--data", data, "--warnings", good}, nil, &out, &errb); err != nil {
			t.Errorf("good thresholds %s: %v", good, err)
		}
	}
	for _, bad := range []string{`{"near_days":-1}`, `{"nearly":1}`, `[1]`, `{"end_band":0.7}`, "\xff", `{"agencies":{"X":{"near_days":-3}}}`,
		`{"agencies":{"":{"near_days":3}}}`, `{"transfer_risk":"none"}`, filepath.Join(t.TempDir(), "missing.json")} {
		err := run(context.Background(), []string{"stats", "--data", data, "--warnings", bad}, nil, &out, &errb)
		if !errors.Is(err, errUsage) {
			t.Errorf("--warnings %q: %v; want a usage error", bad, err)
		}
	}
}

// TestDigestCommand: `digest` prints the city's or an agency's digest as
// JSON or text (made on the fly: nothing kept it), and refuses bad flags
// as usage errors; serve refuses a bad --digest-at before it listens.
func TestDigestCommand(t *testing.T) {
	data := t.TempDir()
	ctx := context.Background()
	var out, errb bytes.Buffer
	if err := run(ctx, []string{"demo", "seed", "--data", data, "--cases", "300", "--agencies", "4", "--seed", "7"}, nil, &out, &errb); err != nil {
		t.Fatalf("demo seed: %v\n%s", err, errb.String())
	}
	out.Reset()
	if err := run(ctx, []string{"digest", "--data", data, "--format", "json"}, nil, &out, &errb); err != nil {
		t.Fatalf("digest: %v\n%s", err, errb.String())
	}
	var city struct {
		Kept   bool `json:"kept"`
		Digest struct {
			Agency, AgencyName, Day string
			Warnings                int      `json:"warnings"`
			Numbers                 []any    `json:"numbers"`
			WarningKeys             []string `json:"warning_keys"`
		} `json:"digest"`
	}
	if err := json.Unmarshal(out.Bytes(), &city); err != nil || city.Kept || city.Digest.Day != time.Now().Format(time.DateOnly) ||
		len(city.Digest.Numbers) != 5 || len(city.Digest.WarningKeys) != city.Digest.Warnings {
		t.Fatalf("digest printed %s (%v)", out.String(), err)
	}
	out.Reset()
	if err := run(ctx, []string{"digest", "--data", data, "--agency", "sim-scjg-1", "--date", time.Now().AddDate(0, 0, -3).Format(time.DateOnly)}, nil, &out, &errb); err != nil {
		t.Fatalf("digest text: %v", err)
	}
	for _, want := range []string{"每日简报", "一、新预警", "二、临近或超过办案期限", "三、待法制审核", "四、待公示", "五、本周", "即时生成"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("text digest lacks %q:\n%s", want, out.String())
		}
	}
	for _, bad := range [][]string{
		{"digest", "--data", data, "--format", "pdf"},
		{"digest", "--data", data, "--agency", "nowhere"},
		{"digest", "--data", data, "--date", "2026-02-30"},
		{"digest", "--data", data, "--date", "2999-01-01"},
		{"digest", "--data", data, "extra"},
		{"serve", "--data", t.TempDir(), "--digest-at", "25:00"},
		{"serve", "--data", t.TempDir(), "--digest-at", "7"},
	} {
		if err := run(ctx, bad, nil, &out, &errb); !errors.Is(err, errUsage) {
			t.Errorf("%v: %v, want a usage error", bad, err)
		}
	}
}

// TestActCategoriesSetting: --act-categories adds an agency's own category
// to its statistics (counted 0 until acts are recorded) and refuses
// malformed categories as usage errors.
func TestActCategoriesSetting(t *testing.T) {
	data := t.TempDir()
	ctx := context.Background()
	var out, errb bytes.Buffer
	if err := run(ctx, []string{"demo", "seed", "--data", data, "--cases", "60", "--agencies", "2"}, nil, &out, &errb); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	cats := `{"agencies":{"sim-scjg-1":[{"code":"confirmation","label":"行政确认"}]}}`
	if err := run(ctx, []string{"stats", "--data", data, "--agency", "sim-scjg-1", "--act-categories", cats}, nil, &out, &errb); err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Acts       int `json:"acts"`
		ByCategory []struct {
			Key, Label string
			N          int
		} `json:"by_category"`
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, c := range rep.ByCategory {
		keys = append(keys, c.Key)
	}
	if strings.Join(keys, ",") != "penalty,licensing,coercion,levy,inspection,confirmation" || rep.Acts == 0 {
		t.Errorf("categories %v, %d acts; want the five and the agency's 行政确认", keys, rep.Acts)
	}
	for _, bad := range []string{`{"city":[{"code":"licensing","label":"重复"}]}`, `{"city":[{"code":"X","label":"大写"}]}`,
		`{"city":[{"code":"ok_code"}]}`, `{"cities":[]}`, filepath.Join(t.TempDir(), "missing.json")} {
		if err := run(ctx, []string{"stats", "--data", data, "--act-categories", bad}, nil, &out, &errb); !errors.Is(err, errUsage) {
			t.Errorf("--act-categories %s: %v, want a usage error", bad, err)
		}
	}
}
