package synthcases_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/cailiang/cailiang/oversight"
	"github.com/cailiang/cailiang/rules"
	"github.com/cailiang/cailiang/synthcases"
)

func config(t *testing.T) synthcases.Config {
	t.Helper()
	cat, err := rules.LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	return synthcases.Config{Cases: 1000, Agencies: 12, Seed: 1, Catalog: cat, Now: now, Period: oversight.Period{From: now.AddDate(-1, 0, 0), To: now}}
}

// TestEveryRecordMarkedSynthetic: every agency, user-visible name, case,
// party and analysis says it is synthetic; the same seed gives the same
// batch, another seed another one; Cases counts the planted ones.
func TestEveryRecordMarkedSynthetic(t *testing.T) {
	cfg := config(t)
	b, err := synthcases.Generate(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Cases) != cfg.Cases {
		t.Errorf("%d cases, want %d", len(b.Cases), cfg.Cases)
	}
	for _, a := range b.Agencies {
		if !strings.Contains(a.Name, "（模拟）") || !strings.HasPrefix(a.Code, "sim-") {
			t.Errorf("agency not marked: %+v", a)
		}
	}
	for _, u := range b.Users {
		if !strings.HasPrefix(u.Name, "模拟") {
			t.Errorf("user not marked: %+v", u)
		}
	}
	for _, c := range b.Cases {
		if !strings.HasPrefix(c.Title, "【模拟】") || c.Source != synthcases.Note || !strings.HasPrefix(c.Facts, "【模拟数据，非真实案件】") ||
			!strings.Contains(c.Party.Name, "（模拟）") || !strings.Contains(c.Party.IDNumber, "SIM") || !strings.Contains(string(c.Analysis), `"synthetic":true`) {
			t.Fatalf("case not marked synthetic: %+v", c)
		}
	}
	again, err := synthcases.Generate(cfg)
	if err != nil || !reflect.DeepEqual(b, again) {
		t.Errorf("the same seed gave another batch (%v)", err)
	}
	cfg.Seed = 2
	other, err := synthcases.Generate(cfg)
	if err != nil || reflect.DeepEqual(b.Cases, other.Cases) {
		t.Errorf("another seed gave the same cases (%v)", err)
	}
}

// TestGenerateRefusesBadConfig: counts out of range, a missing catalog and
// a period after now are ErrInvalid.
func TestGenerateRefusesBadConfig(t *testing.T) {
	for name, change := range map[string]func(*synthcases.Config){
		"no cases":         func(c *synthcases.Config) { c.Cases = 0 },
		"too many cases":   func(c *synthcases.Config) { c.Cases = 2_000_000 },
		"no agencies":      func(c *synthcases.Config) { c.Agencies = 0 },
		"no catalog":       func(c *synthcases.Config) { c.Catalog = nil },
		"period after now": func(c *synthcases.Config) { c.Now = c.Period.From },
		"reversed period":  func(c *synthcases.Config) { c.Period.From, c.Period.To = c.Period.To, c.Period.From },
	} {
		cfg := config(t)
		change(&cfg)
		if _, err := synthcases.Generate(cfg); !errors.Is(err, synthcases.ErrInvalid) {
			t.Errorf("%s: %v; want ErrInvalid", name, err)
		}
	}
}
