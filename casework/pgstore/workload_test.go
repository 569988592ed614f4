package pgstore

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"sync"

	"github.com/cailiang/cailiang/casework"
)

// memBlobs is a working in-memory casework.BlobStore for the workload's
// evidence records (the files themselves are not what these tests measure).
type memBlobs struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (m *memBlobs) Put(_ context.Context, r io.Reader, limit int64) (string, int64, error) {
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return "", 0, err
	}
	if int64(len(b)) > limit {
		return "", 0, casework.ErrTooLarge
	}
	sum := sha256.Sum256(b)
	d := hex.EncodeToString(sum[:])
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.files == nil {
		m.files = map[string][]byte{}
	}
	m.files[d] = b
	return d, int64(len(b)), nil
}

func (m *memBlobs) Open(_ context.Context, d string) (io.ReadCloser, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, ok := m.files[d]
	if !ok {
		return nil, casework.ErrNotFound
	}
	return io.NopCloser(bytes.NewReader(b)), nil
}

const testAgency = "scjg"

// seed creates the first admin, a leader "ld" and officers o1…on of one
// agency (idempotent: users that exist are kept).
func seed(ctx context.Context, svc *casework.Service, s casework.Store, officers int) error {
	if _, _, _, err := svc.EnsureAdmin(ctx); err != nil {
		return err
	}
	admin, err := user(ctx, s, "admin")
	if err != nil {
		return err
	}
	want := []casework.User{{ID: "ld", Name: "王负责", Agency: testAgency, Roles: []casework.Role{casework.RoleLeader}}}
	for i := 1; i <= officers; i++ {
		want = append(want, casework.User{ID: fmt.Sprintf("o%d", i), Name: fmt.Sprintf("办案员%d", i), Agency: testAgency,
			Roles: []casework.Role{casework.RoleOfficer}})
	}
	for _, u := range want {
		if _, err := user(ctx, s, u.ID); err == nil {
			continue
		}
		if _, _, err := svc.AddUser(ctx, admin, u, "password-1234"); err != nil {
			return err
		}
	}
	return nil
}

func user(ctx context.Context, s casework.Store, id string) (casework.User, error) {
	var u casework.User
	err := s.View(ctx, func(tx casework.ReadTx) (err error) { u, err = tx.User(id); return err })
	return u, err
}

// worker is one officer working cases with the agency's leader: it opens a
// case, has it registered, then edits facts, attaches evidence and moves
// it between investigation and discretion, one step per call; now and then
// the leader withdraws the case and the officer opens the next.
type worker struct {
	svc             *casework.Service
	officer, leader casework.User
	c               casework.Case
	n               int
	// evidence is the digest the last step attached ("" for other steps).
	evidence string
}

// step makes the worker's next change and returns what it did; c holds the
// case as the change left it.
func (w *worker) step(ctx context.Context) (string, error) {
	w.n++
	w.evidence = ""
	var err error
	switch {
	case w.c.ID == "" || w.c.Stage.Ended():
		w.c, err = w.svc.CreateCase(ctx, w.officer, casework.NewCase{Title: fmt.Sprintf("某公司案 %s-%d", w.officer.ID, w.n),
			Party: casework.Party{Kind: "organisation", Name: "某公司"}, Facts: "经查，当事人销售过期食品。"})
		return "create", err
	case w.c.Stage == casework.StageFiling:
		w.c, err = w.svc.Transition(ctx, w.leader, w.c.ID, w.c.Version, casework.ActionRegister, "")
		return "register", err
	case w.n%16 == 0: // in investigation or discretion, where a leader may withdraw
		// End the case now and then, so that the officer opens new ones.
		w.c, err = w.svc.Transition(ctx, w.leader, w.c.ID, w.c.Version, casework.ActionWithdraw, "负载测试：撤案")
		return "transition", err
	case w.n%4 == 0:
		var ev casework.Evidence
		ev, err = w.svc.AddEvidence(ctx, w.officer, w.c.ID, bytes.NewReader(fmt.Appendf(nil, "现场检查笔录 %s 第%d页\n", w.c.ID, w.n)), "笔录.txt", "")
		w.evidence = ev.Digest
		return "evidence", err
	case w.n%4 == 1:
		facts := fmt.Sprintf("经查，当事人销售过期食品（第%d次修改）。", w.n)
		w.c, err = w.svc.EditCase(ctx, w.officer, w.c.ID, w.c.Version, casework.CaseEdit{Facts: &facts})
		return "edit", err
	case w.c.Stage == casework.StageInvestigating:
		w.c, err = w.svc.Transition(ctx, w.officer, w.c.ID, w.c.Version, casework.ActionToDiscretion, "")
		return "transition", err
	default:
		w.c, err = w.svc.Transition(ctx, w.officer, w.c.ID, w.c.Version, casework.ActionReinvestigate, "")
		return "transition", err
	}
}

// checkRecord checks what a crash or a race may not break: the chain
// verifies; every case's version equals the number of its log entries
// that changed it (its creation and each change; evidence records do not
// change the version); and its evidence records are exactly those its
// evidence.add entries name. So no change was stored without its entry or
// the other way round.
func checkRecord(ctx context.Context, s casework.Store) (cases, entries int, err error) {
	err = s.View(ctx, func(tx casework.ReadTx) error {
		var v casework.ChainVerifier
		if err := tx.Entries(1, v.Next); err != nil {
			return err
		}
		entries = int(v.Count())
		for off := 0; ; off += 500 {
			page, err := tx.Cases(casework.CaseFilter{Limit: 500, Offset: off})
			if err != nil {
				return err
			}
			for _, c := range page {
				es, err := tx.CaseEntries(c.ID)
				if err != nil {
					return err
				}
				n := 0
				logged := map[string]bool{}
				for _, e := range es {
					if e.Action == "evidence.add" {
						logged[e.Subject] = true
					} else {
						n++
					}
				}
				if int64(n) != c.Version {
					return fmt.Errorf("case %s at version %d has %d change entries", c.ID, c.Version, n)
				}
				evs, err := tx.Evidence(c.ID)
				if err != nil {
					return err
				}
				for _, ev := range evs {
					if !logged[ev.Digest] {
						return fmt.Errorf("case %s: evidence %s has no log entry", c.ID, ev.Digest)
					}
					delete(logged, ev.Digest)
				}
				for d := range logged {
					return fmt.Errorf("case %s: logged evidence %s is not stored", c.ID, d)
				}
			}
			cases += len(page)
			if len(page) < 500 {
				return nil
			}
		}
	})
	return cases, entries, err
}
