package boltstore

import (
	"context"
	"crypto/ed25519"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/cailiang/cailiang/casework"
)

// benchStore holds n cases of one agency (the worst case for a queue: no
// other agency's rows to skip by prefix), a tenth of them in 法制审核.
func benchStore(b *testing.B, n int) *Store {
	b.Helper()
	s, err := Open(filepath.Join(b.TempDir(), FileName))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	stages := casework.Stages()
	facts := fmt.Sprintf("%0500d", 0) // cases carry facts: decoding them is the cost an index avoids
	for start := 0; start < n; start += 1000 {
		err := s.Update(context.Background(), func(tx casework.Tx) error {
			for i := start; i < min(start+1000, n); i++ {
				c := casework.Case{ID: fmt.Sprintf("scjg-2026-%06d", i+1), Agency: "scjg", Title: "案件", Stage: stages[i%len(stages)],
					Version: 1, Facts: facts, Officers: []string{fmt.Sprintf("officer%d", i%50)}, Created: t0, Updated: t0.Add(time.Duration(i) * time.Second)}
				if i%10 == 0 {
					c.Stage = casework.StageReview
				}
				if err := tx.CreateCase(c); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	return s
}

// BenchmarkCases lists queues over 10,000 cases of one agency.
func BenchmarkCases(b *testing.B) {
	s := benchStore(b, 10000)
	for _, f := range []struct {
		name string
		f    casework.CaseFilter
	}{
		{"agency-page", casework.CaseFilter{Agency: "scjg"}},
		{"review-queue", casework.CaseFilter{Agency: "scjg", Stages: []casework.Stage{casework.StageReview}}},
		{"officer-queue", casework.CaseFilter{Agency: "scjg", Officer: "officer7", Stages: []casework.Stage{casework.StageInvestigating}}},
		{"last-page", casework.CaseFilter{Agency: "scjg", Limit: 100, Offset: 9900}},
	} {
		b.Run(f.name, func(b *testing.B) {
			for b.Loop() {
				err := s.View(context.Background(), func(tx casework.ReadTx) error {
					_, err := tx.Cases(f.f)
					return err
				})
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkAppend appends log entries, one transaction each (fsync per commit).
func BenchmarkAppend(b *testing.B) {
	s := benchStore(b, 0)
	for b.Loop() {
		err := s.Update(context.Background(), func(tx casework.Tx) error {
			_, err := tx.Append(casework.Entry{At: time.Now(), Actor: "zhang.san", Action: "case.update", CaseID: "scjg-2026-000001"})
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkVerify verifies a log of 100,000 entries with a checkpoint over
// all of them: the cost of `audit verify`, and of each Checkpoint (which
// verifies before signing).
func BenchmarkVerify(b *testing.B) {
	s := benchStore(b, 0)
	ctx := context.Background()
	for start := 0; start < 100000; start += 5000 {
		err := s.Update(ctx, func(tx casework.Tx) error {
			for i := start; i < start+5000; i++ {
				e := casework.Entry{At: time.Now(), Actor: "zhang.san", Role: casework.RoleOfficer, Action: "case.update",
					CaseID: fmt.Sprintf("scjg-2026-%06d", i%5000+1), Before: fmt.Sprintf("%064x", i), After: fmt.Sprintf("%064x", i+1), Note: "修改：违法事实"}
				if _, err := tx.Append(e); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	_, key, _ := ed25519.GenerateKey(nil)
	svc, err := casework.New(casework.Config{Store: s})
	if err != nil {
		b.Fatal(err)
	}
	if _, _, err := svc.Checkpoint(ctx, key); err != nil {
		b.Fatal(err)
	}
	pub := key.Public().(ed25519.PublicKey)
	for b.Loop() {
		rep, err := casework.Verify(ctx, s, pub)
		if err != nil || rep.Entries != 100000 || rep.Checkpoints != 1 {
			b.Fatalf("Verify = %+v, %v", rep, err)
		}
	}
}
