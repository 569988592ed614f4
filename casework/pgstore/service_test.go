package pgstore

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cailiang/cailiang/casework"
)

func newService(t testing.TB, s *Store) *casework.Service {
	t.Helper()
	svc, err := casework.New(casework.Config{Store: s, Blobs: &memBlobs{}, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	return svc
}

// The Service's whole path on PostgreSQL: the first admin once, users, a
// case worked through steps, and of concurrent transitions of one case
// from the same version exactly one succeeds.
func TestServiceOnPostgres(t *testing.T) {
	s, _ := openTest(t)
	svc := newService(t, s)
	if err := seed(ctx, svc, s, 2); err != nil {
		t.Fatal(err)
	}
	if _, _, created, err := svc.EnsureAdmin(ctx); err != nil || created {
		t.Errorf("EnsureAdmin again = %v, %v; want no new admin", created, err)
	}
	o1, _ := user(ctx, s, "o1")
	ld, _ := user(ctx, s, "ld")
	w := &worker{svc: svc, officer: o1, leader: ld}
	for range 12 {
		if what, err := w.step(ctx); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	if w.c.ID != "scjg-"+time.Now().UTC().Format("2006")+"-000001" {
		t.Errorf("case ID = %s", w.c.ID)
	}
	list, err := svc.EvidenceList(ctx, o1, w.c.ID)
	if err != nil || len(list) != 3 {
		t.Errorf("evidence = %d, %v; want 3", len(list), err)
	}

	c, err := svc.CreateCase(ctx, o1, casework.NewCase{Title: "并发立案", Party: casework.Party{Name: "某店"}})
	if err != nil {
		t.Fatal(err)
	}
	const racers = 8
	var wg sync.WaitGroup
	errs := make([]error, racers)
	start := make(chan struct{})
	for i := range racers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			_, errs[i] = svc.Transition(ctx, ld, c.ID, c.Version, casework.ActionRegister, "")
		}()
	}
	close(start)
	wg.Wait()
	ok := 0
	for _, err := range errs {
		switch {
		case err == nil:
			ok++
		case !errors.Is(err, casework.ErrConflict):
			t.Errorf("losing transition = %v, want ErrConflict", err)
		}
	}
	if ok != 1 {
		t.Errorf("%d of %d concurrent transitions from one version succeeded, want 1", ok, racers)
	}
	if cases, entries, err := checkRecord(ctx, s); err != nil || cases != 2 {
		t.Errorf("record: %d cases, %d entries: %v", cases, entries, err)
	}
}

// waitEvent returns the next event, failing the test if none comes in 10 s
// (a hang guard, not a measurement).
func waitEvent(t *testing.T, ch <-chan casework.Event) casework.Event {
	t.Helper()
	select {
	case ev, ok := <-ch:
		if !ok {
			t.Fatal("watch channel closed")
		}
		return ev
	case <-time.After(10 * time.Second):
		t.Fatal("no event in 10 s")
	}
	return casework.Event{}
}

func TestWatch(t *testing.T) {
	s, cfg := openTest(t)
	wctx, cancel := context.WithCancel(ctx)
	events, err := s.Watch(wctx)
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	create := func(id string, fail bool) {
		t.Helper()
		boom := errors.New("boom")
		err := s.Update(ctx, func(tx casework.Tx) error {
			if err := tx.CreateCase(newCase(id, "scjg", casework.StageFiling, []string{"o1"}, t0)); err != nil {
				return err
			}
			if fail {
				return boom
			}
			return nil
		})
		if fail != errors.Is(err, boom) {
			t.Fatalf("create %s: %v", id, err)
		}
	}
	// A rolled-back change is never announced: the next event is c2's.
	create("c1", true)
	sent := time.Now()
	create("c2", false)
	if ev := waitEvent(t, events); ev != (casework.Event{CaseID: "c2", Version: 1}) {
		t.Errorf("event = %+v, want c2 at version 1", ev)
	}
	t.Logf("event heard %v after the commit began", time.Since(sent))
	// Another store on the schema (another node) hears this one's changes.
	other, err := Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	c := newCase("c2", "scjg", casework.StageInvestigating, []string{"o1"}, t0)
	c.Version = 2
	if err := other.Update(ctx, func(tx casework.Tx) error { return tx.UpdateCase(c, 1) }); err != nil {
		t.Fatal(err)
	}
	if ev := waitEvent(t, events); ev != (casework.Event{CaseID: "c2", Version: 2}) {
		t.Errorf("event = %+v, want c2 at version 2", ev)
	}
	// A dropped connection is re-established and reported as Missed.
	var killed int
	if err := s.pool.QueryRow(ctx, `SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
		WHERE query = 'LISTEN "' || $1 || '"' AND pid <> pg_backend_pid()`, s.channel).Scan(&killed); err != nil || killed != 1 {
		t.Fatalf("terminated %d listeners: %v", killed, err)
	}
	if ev := waitEvent(t, events); !ev.Missed {
		t.Errorf("after the drop: %+v, want Missed", ev)
	}
	create("c3", false)
	if ev := waitEvent(t, events); ev != (casework.Event{CaseID: "c3", Version: 1}) {
		t.Errorf("after reconnecting: %+v, want c3 at version 1", ev)
	}
	cancel()
	for range events { // closes when ctx ends
	}
}

// Nodes starting together on an empty database create one first admin, and
// the password reported is the one stored; two admins adding one user ID
// at once get one user and one ErrExists.
func TestConcurrentFirstAdminAndUsers(t *testing.T) {
	s, cfg := openTest(t)
	const nodes = 4
	type result struct {
		password string
		created  bool
		err      error
	}
	results := make([]result, nodes)
	var wg sync.WaitGroup
	for i := range nodes {
		st, err := Open(ctx, cfg)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		svc := newService(t, st)
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, pw, created, err := svc.EnsureAdmin(ctx)
			results[i] = result{pw, created, err}
		}()
	}
	wg.Wait()
	var created []string
	for _, r := range results {
		if r.err != nil {
			t.Fatalf("EnsureAdmin: %v", r.err)
		}
		if r.created {
			created = append(created, r.password)
		}
	}
	if len(created) != 1 {
		t.Fatalf("%d nodes created the first admin, want 1", len(created))
	}
	svc := newService(t, s)
	if _, _, _, err := svc.Login(ctx, "admin", created[0]); err != nil {
		t.Errorf("the reported password does not log in: %v", err)
	}
	admin, _ := user(ctx, s, "admin")
	errs := make([]error, nodes)
	for i := range nodes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _, errs[i] = svc.AddUser(ctx, admin, casework.User{ID: "zhang.san", Name: fmt.Sprintf("张三%d", i), Agency: "scjg",
				Roles: []casework.Role{casework.RoleOfficer}}, "")
		}()
	}
	wg.Wait()
	ok := 0
	for _, err := range errs {
		if err == nil {
			ok++
		} else if !errors.Is(err, casework.ErrExists) {
			t.Errorf("AddUser = %v, want ErrExists for the losers", err)
		}
	}
	if ok != 1 {
		t.Errorf("%d concurrent AddUser of one ID succeeded, want 1", ok)
	}
	if _, entries, err := checkRecord(ctx, s); err != nil || entries != 1+2*1 {
		t.Errorf("record: %d entries, %v; want 3: the first admin, its login, the user", entries, err)
	}
}

// Evidence is never attached to a case after it ended: AddEvidence's check
// of the stage and a concurrent withdrawal are ordered by the case's row
// lock, so in every case's log no evidence.add follows the withdrawal.
func TestEvidenceRacesWithdrawal(t *testing.T) {
	s, _ := openTest(t)
	svc := newService(t, s)
	if err := seed(ctx, svc, s, 1); err != nil {
		t.Fatal(err)
	}
	o1, _ := user(ctx, s, "o1")
	ld, _ := user(ctx, s, "ld")
	const rounds, adders = 15, 4
	for r := range rounds {
		c, err := svc.CreateCase(ctx, o1, casework.NewCase{Title: fmt.Sprintf("证据竞争 %d", r), Party: casework.Party{Name: "某店"}})
		if err != nil {
			t.Fatal(err)
		}
		if c, err = svc.Transition(ctx, ld, c.ID, c.Version, casework.ActionRegister, ""); err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i := range adders {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				_, err := svc.AddEvidence(ctx, o1, c.ID, strings.NewReader(fmt.Sprintf("询问笔录 %d-%d\n", r, i)), "笔录.txt", "")
				if err != nil && !errors.Is(err, casework.ErrStage) {
					t.Errorf("AddEvidence: %v", err)
				}
			}()
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			if _, err := svc.Transition(ctx, ld, c.ID, c.Version, casework.ActionWithdraw, "当事人已注销"); err != nil {
				t.Errorf("withdraw: %v", err)
			}
		}()
		close(start)
		wg.Wait()
		entries, err := svc.Timeline(ctx, o1, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		ended := false
		for _, e := range entries {
			if e.Action == "case.transition."+string(casework.ActionWithdraw) {
				ended = true
			} else if ended && e.Action == "evidence.add" {
				t.Errorf("case %s: evidence %s attached after the withdrawal", c.ID, e.Subject)
			}
		}
	}
}
