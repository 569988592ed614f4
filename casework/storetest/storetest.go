// Package storetest is the one conformance suite of casework.Store: every
// store (casework/boltstore, casework/pgstore) runs Run from its own test,
// so that the service behaves the same on each and the full-process record
// catches the same tampering on each.
package storetest

import (
	"context"
	"crypto/ed25519"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/casework/blobdir"
)

// Tamperer changes a store's log behind the service's back, as someone with
// access to the database file or server would. Each adapter's test
// implements it with the adapter's own storage (bbolt buckets, SQL). The
// store passed is one that open returned; positions are 1-based places in
// the order Entries returns records. Records are the stored JSON bytes of
// entries. Each method fails the test when the change cannot be made.
type Tamperer interface {
	// SetRecord replaces the record at position pos with raw.
	SetRecord(t *testing.T, s casework.Store, pos uint64, raw []byte)
	// DeleteRecord removes the record at pos; the records after it keep
	// their content and their positions (a gap is left where it was).
	DeleteRecord(t *testing.T, s casework.Store, pos uint64)
	// SwapRecords exchanges the records at positions a and b.
	SwapRecords(t *testing.T, s casework.Store, a, b uint64)
	// InsertRecord puts raw at position pos, moving the records from pos
	// on one place later, their content unchanged.
	InsertRecord(t *testing.T, s casework.Store, pos uint64, raw []byte)
	// ReplaceLog replaces the whole log with raws at positions 1..len(raws).
	ReplaceLog(t *testing.T, s casework.Store, raws [][]byte)
}

// Run runs the whole suite; open returns a new, empty store for each
// subtest (closed by the suite).
func Run(t *testing.T, open func(t *testing.T) casework.Store, tamper Tamperer) {
	fresh := func(t *testing.T) casework.Store {
		t.Helper()
		s := open(t)
		t.Cleanup(func() { s.Close() })
		return s
	}
	t.Run("Directory", func(t *testing.T) { testDirectory(t, fresh(t)) })
	t.Run("Cases", func(t *testing.T) { testCases(t, fresh(t)) })
	t.Run("CaseFilter", func(t *testing.T) { testCaseFilter(t, fresh(t)) })
	t.Run("CaseNumbers", func(t *testing.T) { testCaseNumbers(t, fresh(t)) })
	t.Run("Evidence", func(t *testing.T) { testEvidence(t, fresh(t)) })
	t.Run("Transcripts", func(t *testing.T) { testTranscripts(t, fresh(t)) })
	t.Run("DocumentNumbers", func(t *testing.T) { testDocumentNumbers(t, fresh(t)) })
	t.Run("Documents", func(t *testing.T) { testDocuments(t, fresh(t)) })
	t.Run("Records", func(t *testing.T) { testRecords(t, fresh(t)) })
	t.Run("Log", func(t *testing.T) { testLog(t, fresh(t)) })
	t.Run("Rollback", func(t *testing.T) { testRollback(t, fresh(t)) })
	t.Run("ConcurrentUpdates", func(t *testing.T) { testConcurrentUpdates(t, fresh(t)) })
	t.Run("ServiceUsers", func(t *testing.T) { testServiceUsers(t, newWorld(t, fresh(t))) })
	t.Run("ServiceLifecycle", func(t *testing.T) { testServiceLifecycle(t, newWorld(t, fresh(t))) })
	t.Run("ServiceBranches", func(t *testing.T) { testServiceBranches(t, newWorld(t, fresh(t))) })
	t.Run("ServiceDeadlines", func(t *testing.T) { testServiceDeadlines(t, newWorld(t, fresh(t))) })
	t.Run("ServiceEvidence", func(t *testing.T) { testServiceEvidence(t, newWorld(t, fresh(t))) })
	t.Run("ServiceTranscripts", func(t *testing.T) { testServiceTranscripts(t, newWorld(t, fresh(t))) })
	t.Run("ServiceDocuments", func(t *testing.T) { testServiceDocuments(t, newWorld(t, fresh(t))) })
	t.Run("ServiceRecords", func(t *testing.T) { testServiceRecords(t, newWorld(t, fresh(t))) })
	t.Run("ServeNeedsDelivery", func(t *testing.T) { testServeNeedsDelivery(t, newWorld(t, fresh(t))) })
	t.Run("ServiceQueues", func(t *testing.T) { testServiceQueues(t, newWorld(t, fresh(t))) })
	t.Run("ServiceImport", func(t *testing.T) { testServiceImport(t, newWorld(t, fresh(t))) })
	t.Run("Publications", func(t *testing.T) { testPublications(t, fresh(t)) })
	t.Run("ServicePublication", func(t *testing.T) { testServicePublication(t, newWorld(t, fresh(t))) })
	t.Run("ServicePublicationRule", func(t *testing.T) { testServicePublicationRule(t, newWorld(t, fresh(t))) })
	t.Run("PublicationRecords", func(t *testing.T) { testPublicationRecords(t, fresh(t)) })
	t.Run("ServiceDecisionChange", func(t *testing.T) { testServiceDecisionChange(t, newWorld(t, fresh(t))) })
	t.Run("ServicePublicationPeriods", func(t *testing.T) { testServicePublicationPeriods(t, newWorld(t, fresh(t))) })
	t.Run("ServiceReview", func(t *testing.T) { testServiceReview(t, newWorld(t, fresh(t))) })
	t.Run("Checkpoints", func(t *testing.T) { testCheckpoints(t, newWorld(t, fresh(t))) })
	t.Run("DiscussionTx", func(t *testing.T) { testDiscussionTx(t, fresh(t)) })
	t.Run("ServiceDiscussion", func(t *testing.T) { testServiceDiscussion(t, newWorld(t, fresh(t))) })
	t.Run("ServiceTraining", func(t *testing.T) { testServiceTraining(t, newWorld(t, fresh(t))) })
	t.Run("ConcurrentDiscussion", func(t *testing.T) { testConcurrentDiscussion(t, newWorld(t, fresh(t))) })
	t.Run("SharedTx", func(t *testing.T) { testSharedTx(t, fresh(t)) })
	t.Run("ServiceShared", func(t *testing.T) { testServiceShared(t, newWorld(t, fresh(t))) })
	t.Run("DigestTx", func(t *testing.T) { testDigestTx(t, fresh(t)) })
	t.Run("ServiceDigest", func(t *testing.T) { testServiceDigest(t, newWorld(t, fresh(t))) })
	t.Run("ActTx", func(t *testing.T) { testActTx(t, fresh(t)) })
	t.Run("ServiceActs", func(t *testing.T) { testServiceActs(t, newWorld(t, fresh(t))) })
	t.Run("Tamper", func(t *testing.T) { testTamper(t, fresh, tamper) })
}

// clock is the service's clock in the suite: tests move it.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(time.Millisecond) // every change gets its own instant
	return c.now
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// world is a service on a store with one agency's staff and a trainer.
type world struct {
	ctx                                                 context.Context
	store                                               casework.Store
	svc                                                 *casework.Service
	clock                                               *clock
	key                                                 ed25519.PrivateKey
	admin, officer, officer2, reviewer, leader, trainer casework.User
	// other is an officer and leader of another agency.
	other casework.User
}

func newWorld(t *testing.T, s casework.Store) *world {
	t.Helper()
	ctx := context.Background()
	blobs, err := blobdir.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	w := &world{ctx: ctx, store: s, clock: &clock{now: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}}
	w.svc, err = casework.New(casework.Config{Store: s, Blobs: blobs, Now: w.clock.Now, MaxEvidence: 1 << 16,
		Anonymiser: maskParty{}, Citations: citeArticles{}})
	if err != nil {
		t.Fatal(err)
	}
	if _, w.key, err = ed25519.GenerateKey(nil); err != nil {
		t.Fatal(err)
	}
	if _, _, created, err := w.svc.EnsureAdmin(ctx); err != nil || !created {
		t.Fatalf("EnsureAdmin: created=%v, %v", created, err)
	}
	err = s.View(ctx, func(tx casework.ReadTx) (err error) { w.admin, err = tx.User("admin"); return err })
	if err != nil {
		t.Fatal(err)
	}
	add := func(id, agency string, roles ...casework.Role) casework.User {
		t.Helper()
		u, _, err := w.svc.AddUser(ctx, w.admin, casework.User{ID: id, Name: id, Agency: agency, Roles: roles}, "")
		if err != nil {
			t.Fatalf("AddUser %s: %v", id, err)
		}
		return u
	}
	w.officer = add("zhang.san", "scjg", casework.RoleOfficer)
	w.officer2 = add("li.si", "scjg", casework.RoleOfficer)
	w.reviewer = add("wang.wu", "scjg", casework.RoleReviewer)
	w.leader = add("zhao.liu", "scjg", casework.RoleLeader)
	w.trainer = add("xue.yuan", "", casework.RoleTrainer)
	w.other = add("hj.officer", "sthj", casework.RoleOfficer, casework.RoleLeader)
	return w
}

// newCase opens a case as w.officer.
func (w *world) newCase(t *testing.T, title string) casework.Case {
	t.Helper()
	c, err := w.svc.CreateCase(w.ctx, w.officer, casework.NewCase{Title: title, Source: "投诉举报",
		Party: casework.Party{Kind: "organisation", Name: "某某食品有限公司"}, Facts: "当事人销售超过保质期的食品。"})
	if err != nil {
		t.Fatalf("CreateCase: %v", err)
	}
	return c
}

// step takes action a as actor and fails the test on error.
func (w *world) step(t *testing.T, actor casework.User, c casework.Case, a casework.Action, note string) casework.Case {
	t.Helper()
	if a == casework.ActionServe {
		c = w.serveDecision(t, actor, c)
	}
	next, err := w.svc.Transition(w.ctx, actor, c.ID, c.Version, a, note)
	if err != nil {
		t.Fatalf("%s on %s in %s by %s: %v", a, c.ID, c.Stage, actor.ID, err)
	}
	return next
}

// move is one step of a walk: who takes which action, with what note.
type move struct {
	who  casework.User
	a    casework.Action
	note string
}

// walk takes the moves in order.
func (w *world) walk(t *testing.T, c casework.Case, moves []move) casework.Case {
	t.Helper()
	for _, m := range moves {
		if m.a == casework.ActionReviewPass {
			c = w.opinion(t, c, casework.OpinionAgree, "")
		}
		c = w.step(t, m.who, c, m.a, m.note)
	}
	return c
}

// propose records a proposal inside the suggested range.
func (w *world) propose(t *testing.T, c casework.Case) casework.Case {
	t.Helper()
	c, err := w.svc.EditCase(w.ctx, w.officer, c.ID, c.Version, casework.CaseEdit{Proposal: &casework.Proposal{
		Disposition: "处罚", Fine: 50000, SuggestedMin: 30000, SuggestedMax: 80000, Reasons: []string{"首次违法"}}})
	if err != nil {
		t.Fatalf("EditCase proposal: %v", err)
	}
	return c
}

// toStage drives a new case along the main path until it reaches stage.
func (w *world) toStage(t *testing.T, stage casework.Stage) casework.Case {
	t.Helper()
	c := w.newCase(t, "某某食品有限公司销售过期食品案")
	path := []struct {
		who func() casework.User
		a   casework.Action
	}{
		{func() casework.User { return w.leader }, casework.ActionRegister},
		{func() casework.User { return w.officer }, casework.ActionToDiscretion},
		{nil, ""}, // proposal
		{func() casework.User { return w.officer }, casework.ActionNotify},
		{func() casework.User { return w.officer }, casework.ActionSubmitReview},
		{func() casework.User { return w.reviewer }, casework.ActionReviewPass},
		{func() casework.User { return w.leader }, casework.ActionApprove},
		{func() casework.User { return w.officer }, casework.ActionServe},
		{func() casework.User { return w.officer }, casework.ActionExecute},
		{func() casework.User { return w.officer }, casework.ActionClose},
	}
	for _, p := range path {
		if c.Stage == stage {
			return c
		}
		if p.who == nil {
			c = w.propose(t, c)
			continue
		}
		if p.a == casework.ActionReviewPass {
			c = w.opinion(t, c, casework.OpinionAgree, "")
		}
		c = w.step(t, p.who(), c, p.a, "")
	}
	if c.Stage != stage {
		t.Fatalf("main path never reaches %s", stage)
	}
	return c
}

// wantErr fails unless err wraps want.
func wantErr(t *testing.T, what string, err, want error) {
	t.Helper()
	if !errors.Is(err, want) {
		t.Errorf("%s: error %v, want %v", what, err, want)
	}
}

// entries returns the whole log through the store.
func entries(t *testing.T, s casework.Store) []casework.Entry {
	t.Helper()
	var out []casework.Entry
	err := s.View(context.Background(), func(tx casework.ReadTx) error {
		return tx.Entries(1, func(e casework.Entry) error { out = append(out, e); return nil })
	})
	if err != nil {
		t.Fatalf("Entries: %v", err)
	}
	return out
}
