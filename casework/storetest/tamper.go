package storetest

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cailiang/cailiang/casework"
)

// testCheckpoints: Checkpoint signs what is new, Verify checks roots,
// signatures and the key, RunCheckpoints signs on its own.
func testCheckpoints(t *testing.T, w *world) {
	pub := w.key.Public().(ed25519.PublicKey)
	n := uint64(len(entries(t, w.store)))
	rep, err := casework.Verify(w.ctx, w.store, pub)
	if err != nil || rep.Entries != n || rep.Checkpoints != 0 || rep.Uncovered != n || rep.Last != nil {
		t.Fatalf("Verify before any checkpoint = %+v, %v", rep, err)
	}
	cp, created, err := w.svc.Checkpoint(w.ctx, w.key)
	if err != nil || !created || cp.Size != n || cp.KeyID != casework.KeyID(pub) {
		t.Fatalf("Checkpoint = %+v, %v, %v", cp, created, err)
	}
	if _, created, err := w.svc.Checkpoint(w.ctx, w.key); err != nil || created {
		t.Errorf("Checkpoint with nothing new: created=%v, %v", created, err)
	}
	w.toStage(t, casework.StageReview)
	m := uint64(len(entries(t, w.store)))
	rep, err = casework.Verify(w.ctx, w.store, pub)
	if err != nil || rep.Entries != m || rep.Checkpoints != 1 || rep.Uncovered != m-n || rep.Last == nil || rep.Last.Size != n {
		t.Errorf("Verify with new entries = %+v, %v", rep, err)
	}
	if _, _, err := w.svc.Checkpoint(w.ctx, w.key); err != nil {
		t.Fatal(err)
	}
	rep, err = casework.Verify(w.ctx, w.store, pub)
	if err != nil || rep.Checkpoints != 2 || rep.Uncovered != 0 || rep.Last.Size != m {
		t.Errorf("Verify after the second checkpoint = %+v, %v", rep, err)
	}

	otherPub, otherKey, _ := ed25519.GenerateKey(nil)
	_, err = casework.Verify(w.ctx, w.store, otherPub)
	var ce *casework.ChainError
	if !errors.As(err, &ce) || ce.Seq != 1 {
		t.Errorf("Verify with another key: %v, want a ChainError at entry 1", err)
	}
	_, err = casework.Verify(w.ctx, w.store, pub[:10])
	wantErr(t, "Verify with a malformed key", err, casework.ErrNoKey)
	_, _, err = w.svc.Checkpoint(w.ctx, otherKey[:5])
	wantErr(t, "Checkpoint with a malformed key", err, casework.ErrNoKey)

	// A checkpoint signed with another key is refused by the next signer
	// too: it never signs over what it cannot verify.
	w.toStage(t, casework.StageInvestigating)
	_, _, err = w.svc.Checkpoint(w.ctx, otherKey)
	wantErr(t, "Checkpoint with a key other than the one that signed before", err, casework.ErrTampered)

	// The periodic checkpointer signs once Every entries are new.
	ctx, cancel := context.WithCancel(w.ctx)
	var wg sync.WaitGroup
	var runErr error
	wg.Go(func() {
		runErr = w.svc.RunCheckpoints(ctx, w.key, casework.CheckpointPolicy{Every: 1, Interval: time.Hour, Poll: time.Millisecond})
	})
	w.toStage(t, casework.StageDiscretion)
	last := uint64(len(entries(t, w.store)))
	// Wait (not a timed assertion: the test fails only if it never happens
	// within the generous bound) for the checkpointer to catch up.
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		rep, err = casework.Verify(w.ctx, w.store, pub)
		if err == nil && rep.Last != nil && rep.Last.Size == last {
			break
		}
	}
	cancel()
	wg.Wait()
	if runErr != nil {
		t.Errorf("RunCheckpoints returned %v after cancel", runErr)
	}
	if rep.Last == nil || rep.Last.Size != last {
		t.Errorf("periodic checkpointer: last checkpoint %+v, want one over %d entries", rep.Last, last)
	}
}

// logFixture is a store whose log has two checkpoints (over entries 1..C1
// and 1..C2) and a few entries after the last.
type logFixture struct {
	w      *world
	pub    ed25519.PublicKey
	c1, c2 uint64
	log    []casework.Entry
}

func newLogFixture(t *testing.T, s casework.Store) *logFixture {
	t.Helper()
	w := newWorld(t, s)
	f := &logFixture{w: w, pub: w.key.Public().(ed25519.PublicKey)}
	w.toStage(t, casework.StageDiscretion)
	cp, _, err := w.svc.Checkpoint(w.ctx, w.key)
	if err != nil {
		t.Fatal(err)
	}
	f.c1 = cp.Size
	w.toStage(t, casework.StageClosed)
	if cp, _, err = w.svc.Checkpoint(w.ctx, w.key); err != nil {
		t.Fatal(err)
	}
	f.c2 = cp.Size
	w.newCase(t, "检查点之后的案件")
	f.log = entries(t, s)
	if uint64(len(f.log)) <= f.c2 || f.c2 < f.c1+10 {
		t.Fatalf("fixture: %d entries, checkpoints at %d and %d", len(f.log), f.c1, f.c2)
	}
	return f
}

func record(t *testing.T, e casework.Entry) []byte {
	t.Helper()
	raw, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// relink recomputes Seq, Prev and Hash of every entry from i on, as
// someone rewriting the log without the signing key would.
func relink(t *testing.T, log []casework.Entry, i int) {
	t.Helper()
	for ; i < len(log); i++ {
		var prev *casework.Entry
		if i > 0 {
			prev = &log[i-1]
		}
		e, err := casework.Link(prev, log[i])
		if err != nil {
			t.Fatal(err)
		}
		log[i] = e
	}
}

// testTamper changes the stored log in each way the issue names and checks
// that verification fails naming the first entry that no longer verifies,
// and that no checkpoint is signed over it.
func testTamper(t *testing.T, fresh func(*testing.T) casework.Store, tamper Tamperer) {
	tests := []struct {
		name string
		// change tampers with the fixture's store and returns the position
		// verification must name.
		change func(t *testing.T, f *logFixture, s casework.Store) uint64
	}{
		{"untouched", func(*testing.T, *logFixture, casework.Store) uint64 { return 0 }},
		{"edited payload", func(t *testing.T, f *logFixture, s casework.Store) uint64 {
			k := f.c1 + 3
			e := f.log[k-1]
			e.Note = "批准立案（已篡改）"
			tamper.SetRecord(t, s, k, record(t, e))
			return k
		}},
		{"edited actor after the last checkpoint", func(t *testing.T, f *logFixture, s casework.Store) uint64 {
			k := uint64(len(f.log))
			e := f.log[k-1]
			e.Actor = "zhao.liu"
			tamper.SetRecord(t, s, k, record(t, e))
			return k
		}},
		{"deleted entry", func(t *testing.T, f *logFixture, s casework.Store) uint64 {
			k := f.c1 + 2
			tamper.DeleteRecord(t, s, k)
			return k
		}},
		{"swapped entries", func(t *testing.T, f *logFixture, s casework.Store) uint64 {
			k := f.c1 - 2
			tamper.SwapRecords(t, s, k, k+1)
			return k
		}},
		{"inserted entry", func(t *testing.T, f *logFixture, s casework.Store) uint64 {
			// A careful forger links the new entry to the one before it, so
			// it verifies itself; the chain breaks at the entry it pushed
			// down, the one after it.
			k := f.c1 + 4
			forged, err := casework.Link(&f.log[k-2], casework.Entry{At: f.log[k-2].At, Actor: "zhao.liu", Role: casework.RoleLeader,
				Action: "case.transition.approve", CaseID: f.log[k-2].CaseID, Note: "补录的审批"})
			if err != nil {
				t.Fatal(err)
			}
			tamper.InsertRecord(t, s, k, record(t, forged))
			return k + 1
		}},
		{"inserted copy", func(t *testing.T, f *logFixture, s casework.Store) uint64 {
			k := f.c2 + 1
			tamper.InsertRecord(t, s, k, record(t, f.log[3]))
			return k
		}},
		{"rewritten chain", func(t *testing.T, f *logFixture, s casework.Store) uint64 {
			// Edit one entry between the checkpoints and relink everything
			// after it: the chain verifies, the signed root over 1..C2 does
			// not. Verification names the first entry no valid checkpoint
			// vouches for.
			log := append([]casework.Entry(nil), f.log...)
			k := f.c1 + 5
			log[k-1].Note = "审核通过（改写）"
			relink(t, log, int(k-1))
			var raws [][]byte
			for _, e := range log {
				raws = append(raws, record(t, e))
			}
			tamper.ReplaceLog(t, s, raws)
			return f.c1 + 1
		}},
		{"rewritten from the start", func(t *testing.T, f *logFixture, s casework.Store) uint64 {
			log := append([]casework.Entry(nil), f.log...)
			log[1].Actor = "intruder"
			relink(t, log, 1)
			var raws [][]byte
			for _, e := range log {
				raws = append(raws, record(t, e))
			}
			tamper.ReplaceLog(t, s, raws)
			return 1
		}},
		{"forged checkpoint", func(t *testing.T, f *logFixture, s casework.Store) uint64 {
			// Someone without the key adds a checkpoint over the whole
			// (untouched) log naming the audit key: its signature is not
			// the key's.
			_, other, err := ed25519.GenerateKey(nil)
			if err != nil {
				t.Fatal(err)
			}
			forged := casework.Checkpoint{Size: uint64(len(f.log)), Root: strings.Repeat("0", 64), At: f.log[len(f.log)-1].At, KeyID: casework.KeyID(f.pub)}
			forged.Signature = hex.EncodeToString(ed25519.Sign(other, forged.SignedText()))
			if err := s.Update(context.Background(), func(tx casework.Tx) error { return tx.AddCheckpoint(forged) }); err != nil {
				t.Fatal(err)
			}
			return f.c2 + 1
		}},
		{"truncated below a checkpoint", func(t *testing.T, f *logFixture, s casework.Store) uint64 {
			var raws [][]byte
			for _, e := range f.log[:f.c2-2] {
				raws = append(raws, record(t, e))
			}
			tamper.ReplaceLog(t, s, raws)
			return f.c2 - 1
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := fresh(t)
			f := newLogFixture(t, s)
			want := tt.change(t, f, s)
			rep, err := casework.Verify(context.Background(), s, f.pub)
			if want == 0 {
				if err != nil || rep.Entries != uint64(len(f.log)) || rep.Checkpoints != 2 {
					t.Fatalf("Verify of an untouched log = %+v, %v", rep, err)
				}
				return
			}
			var ce *casework.ChainError
			if !errors.As(err, &ce) || !errors.Is(err, casework.ErrTampered) {
				t.Fatalf("Verify after %s = %+v, %v; want a ChainError", tt.name, rep, err)
			}
			if ce.Seq != want {
				t.Errorf("Verify after %s names entry %d (%v), want %d", tt.name, ce.Seq, err, want)
			}
			if rep.Entries >= want {
				t.Errorf("report claims %d entries verified, past the bad entry %d", rep.Entries, want)
			}
			_, _, err = f.w.svc.Checkpoint(context.Background(), f.w.key)
			wantErr(t, "Checkpoint over a tampered log", err, casework.ErrTampered)
		})
	}
}
