package app

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/oversight"
	"github.com/cailiang/cailiang/pgschema/pgtest"
	"github.com/cailiang/cailiang/synthcases"
)

// TestMakeDigestsTwoNodes: two nodes on one PostgreSQL making the day's
// digests at once keep exactly one per agency and day (and one for the
// city) between them; a second round keeps none; the kept digest is what
// Daily returns, and the leaders were notified once.
func TestMakeDigestsTwoNodes(t *testing.T) {
	dsn := pgtest.DSN(t)
	ctx := context.Background()
	dir := t.TempDir()
	cfg := Config{DataDir: filepath.Join(dir, "a"), PGDSN: withSchema(dsn, pgtest.FreshSchema(t, dsn, "digest_"))}
	a, err := OpenCasework(cfg, false)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	cfgB := cfg
	cfgB.DataDir = filepath.Join(dir, "b")
	cfgB.Casework.AuditKey = filepath.Join(cfg.DataDir, "audit.key")
	b, err := OpenCasework(cfgB, false)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	now := time.Now().UTC()
	batch, _, err := a.SeedDemo(ctx, synthcases.Config{Cases: 300, Agencies: 4, Seed: 3, Now: now,
		Period: oversight.Period{From: now.AddDate(0, -3, 0), To: now}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	kept := make([]int, 2)
	errs := make([]error, 2)
	var wg sync.WaitGroup
	for i, node := range []*Casework{a, b} {
		wg.Go(func() { kept[i], errs[i] = node.MakeDigests(ctx, day) })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	want := 1 // the city
	for _, ag := range batch.Agencies {
		if !ag.Supervising {
			want++
		}
	}
	if kept[0]+kept[1] != want || want < 5 {
		t.Errorf("nodes kept %d + %d digests, want %d in all (the agencies and the city)", kept[0], kept[1], want)
	}
	if n, err := b.MakeDigests(ctx, day); err != nil || n != 0 {
		t.Errorf("second round: kept %d, %v; want 0", n, err)
	}
	ix, err := b.Oversight()
	if err != nil {
		t.Fatal(err)
	}
	code := batch.Agencies[0].Code
	d, ok, err := ix.Daily(ctx, code, day)
	if err != nil || !ok || d.Agency != code || d.Day != day.Format(time.DateOnly) {
		t.Errorf("Daily(%s) = %s %s kept=%v, %v", code, d.Agency, d.Day, ok, err)
	}
	var leaders []casework.User
	err = a.store.View(ctx, func(tx casework.ReadTx) error {
		us, err := tx.Users(code)
		for _, u := range us {
			if u.Has(casework.RoleLeader) {
				leaders = append(leaders, u)
			}
		}
		return err
	})
	if err != nil || len(leaders) == 0 {
		t.Fatalf("leaders of %s: %v, %v", code, leaders, err)
	}
	list, _, err := a.Service.Notifications(ctx, leaders[0])
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, no := range list {
		if no.Kind == "digest" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("leader %s has %d digest notifications, want 1", leaders[0].ID, n)
	}
}

// TestDigestClock: the next run is today's time when it has not passed,
// else tomorrow's; the day is the clock's local day.
func TestDigestClock(t *testing.T) {
	sh := time.FixedZone("CST", 8*3600)
	k := DigestClock{Hour: 7, Location: sh}
	for _, c := range []struct {
		now, next time.Time
		day       string
	}{
		{time.Date(2026, 3, 1, 6, 0, 0, 0, sh), time.Date(2026, 3, 1, 7, 0, 0, 0, sh), "2026-03-01"},
		{time.Date(2026, 3, 1, 7, 0, 0, 0, sh), time.Date(2026, 3, 2, 7, 0, 0, 0, sh), "2026-03-01"},
		{time.Date(2026, 2, 28, 23, 30, 0, 0, time.UTC), time.Date(2026, 3, 2, 7, 0, 0, 0, sh), "2026-03-01"},
	} {
		if got := k.next(c.now); !got.Equal(c.next) {
			t.Errorf("next(%s) = %s, want %s", c.now, got, c.next)
		}
		if got := k.digestDay(c.now).Format(time.DateOnly); got != c.day {
			t.Errorf("digestDay(%s) = %s, want %s", c.now, got, c.day)
		}
	}
}
