package api

import (
	"context"
	"path/filepath"
	"sync"
	"testing"

	"github.com/cailiang/cailiang/app"
	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/casework/blobdir"
	"github.com/cailiang/cailiang/casework/boltstore"
)

// testWorkbench is a casework.Service over the real embedded store and
// evidence directory in a temporary directory, with its first admin.
type testWorkbench struct {
	svc   *casework.Service
	store casework.Store
	blobs casework.BlobStore
	admin casework.User
}

// openTestStores opens the embedded store and the evidence directory of a
// fresh temporary directory, closed when the test ends.
func openTestStores(t testing.TB) (casework.Store, casework.BlobStore) {
	t.Helper()
	dir := t.TempDir()
	st, err := boltstore.Open(filepath.Join(dir, "casework.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	blobs, err := blobdir.Open(filepath.Join(dir, "evidence"))
	if err != nil {
		t.Fatal(err)
	}
	return st, blobs
}

func newTestWorkbench(t testing.TB, maxEvidence int64, opts ...func(*casework.Config)) *testWorkbench {
	t.Helper()
	w := &testWorkbench{}
	w.store, w.blobs = openTestStores(t)
	cfg := casework.Config{Store: w.store, Blobs: w.blobs, MaxEvidence: maxEvidence, Anonymiser: app.CaseAnonymiser{}}
	for _, o := range opts {
		o(&cfg)
	}
	svc, err := casework.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	w.svc = svc
	ctx := context.Background()
	id, _, created, err := svc.EnsureAdmin(ctx)
	if err != nil || !created {
		t.Fatalf("EnsureAdmin: %v %v", created, err)
	}
	err = w.store.View(ctx, func(tx casework.ReadTx) (err error) { w.admin, err = tx.User(id); return err })
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// entriesSince returns the log entries after seq, but those the service
// writes by itself in the background (a transcription job accepted by an
// earlier request finishing): what a request changed.
func (w *testWorkbench) entriesSince(t *testing.T, seq uint64) []casework.Entry {
	t.Helper()
	var out []casework.Entry
	err := w.store.View(context.Background(), func(tx casework.ReadTx) error {
		return tx.Entries(seq+1, func(e casework.Entry) error {
			if e.Actor != casework.SystemActor {
				out = append(out, e)
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// entryCount is the length of the full-process log, for "nothing changed".
func (w *testWorkbench) entryCount(t *testing.T) uint64 {
	t.Helper()
	var n uint64
	err := w.store.View(context.Background(), func(tx casework.ReadTx) error {
		e, ok, err := tx.LastEntry()
		if ok {
			n = e.Seq
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// adminToken issues a token for the first admin.
func (w *testWorkbench) adminToken(t *testing.T) string {
	t.Helper()
	tok, err := w.svc.IssueToken(context.Background(), w.admin, w.admin.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// adminTokens holds the bearer token that do and send attach to requests of
// a server made by withAdmin (keyed by *Server and by live address): the
// library tests import as an admin, the only user who may.
var adminTokens sync.Map

// withAdmin builds a server over cfg with a workbench whose first admin
// signs every request that do and send make to it.
func withAdmin(t *testing.T, cfg Config) *Server {
	t.Helper()
	w := newTestWorkbench(t, 0)
	cfg.Casework = w.svc
	s := New(cfg)
	adminTokens.Store(s, w.adminToken(t))
	return s
}
