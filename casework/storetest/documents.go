package storetest

import (
	"bytes"
	"crypto/ed25519"
	"fmt"
	"io"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/cailiang/cailiang/casework"
)

// testDocumentNumbers: numbers run per agency, family and year from 1, are
// never reused after a rollback, and concurrent writers never share one.
func testDocumentNumbers(t *testing.T, s casework.Store) {
	next := func(agency, family string, year int, fail bool) (int, error) {
		var n int
		err := s.Update(t.Context(), func(tx casework.Tx) error {
			var err error
			if n, err = tx.NextDocumentNumber(agency, family, year); err != nil {
				return err
			}
			if fail {
				return errRollback
			}
			return nil
		})
		return n, err
	}
	for _, tt := range []struct {
		agency, family string
		year           int
	}{{"scjg", "处罚", 2026}, {"scjg", "罚告", 2026}, {"sthj", "处罚", 2026}, {"scjg", "处罚", 2027}} {
		if n, err := next(tt.agency, tt.family, tt.year, false); err != nil || n != 1 {
			t.Errorf("first number of %s %s %d = %d, %v; want 1", tt.agency, tt.family, tt.year, n, err)
		}
	}
	checkNeverReused(t, func(fail bool) (int, error) { return next("scjg", "处罚", 2026, fail) }, func() (int, error) { return next("scjg", "不罚", 2026, false) })
	for _, bad := range []struct {
		agency, family string
		year           int
	}{{"", "处罚", 2026}, {"scjg", "", 2026}, {"scjg", "处罚", 0}, {"scjg", "\xff", 2026}} {
		_, err := next(bad.agency, bad.family, bad.year, false)
		wantErr(t, fmt.Sprintf("number of %q %q %d", bad.agency, bad.family, bad.year), err, casework.ErrInvalid)
	}
}

// checkNeverReused takes numbers with next after a committed 1, every
// other one rolled back, and then eight at once with nextFresh (a fresh
// counter): no number is reused, goes back, or repeats.
func checkNeverReused(t *testing.T, next func(fail bool) (int, error), nextFresh func() (int, error)) {
	t.Helper()
	committed := []int{1}
	for i := range 6 {
		n, err := next(i%2 == 0)
		if i%2 == 0 {
			wantErr(t, "rolled back", err, errRollback)
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if slices.Contains(committed, n) || n < committed[len(committed)-1] {
			t.Fatalf("number %d after %v: reused or going back", n, committed)
		}
		committed = append(committed, n)
	}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			n, err := nextFresh()
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				t.Errorf("concurrent number: %v", err)
				return
			}
			committed = append(committed, 1000+n)
		})
	}
	wg.Wait()
	slices.Sort(committed)
	if len(slices.Compact(slices.Clone(committed))) != len(committed) {
		t.Errorf("numbers repeat: %v", committed)
	}
}

// testDocuments: versions of a kind are kept side by side, listed by kind
// then version; the same version twice is ErrExists, an unknown case
// ErrNotFound.
func testDocuments(t *testing.T, s casework.Store) {
	a := sampleCase("scjg-2026-000001", "scjg", casework.StageDecided, t0)
	update(t, s, func(tx casework.Tx) error { return tx.CreateCase(a) })
	doc := func(kind string, v int) casework.IssuedDocument {
		return casework.IssuedDocument{CaseID: a.ID, Kind: kind, Title: kind, Version: v, Number: fmt.Sprintf("X市监处罚〔2026〕%d号", v),
			Digest: fmt.Sprintf("%064d", v), Size: int64(v), IssuedBy: "zhang.san", Issued: t0}
	}
	for _, d := range []casework.IssuedDocument{doc("notice", 1), doc("decision", 1), doc("decision", 2)} {
		update(t, s, func(tx casework.Tx) error { return tx.AddDocument(d) })
	}
	err := s.Update(t.Context(), func(tx casework.Tx) error { return tx.AddDocument(doc("decision", 2)) })
	wantErr(t, "the same version twice", err, casework.ErrExists)
	missing := doc("decision", 1)
	missing.CaseID = "scjg-2026-000404"
	err = s.Update(t.Context(), func(tx casework.Tx) error { return tx.AddDocument(missing) })
	wantErr(t, "a document of an unknown case", err, casework.ErrNotFound)
	err = s.Update(t.Context(), func(tx casework.Tx) error { return tx.AddDocument(doc("decision", 0)) })
	wantErr(t, "version 0", err, casework.ErrInvalid)
	view(t, s, func(tx casework.ReadTx) error {
		got, err := tx.Documents(a.ID)
		if err != nil {
			t.Fatal(err)
		}
		var keys []string
		for _, d := range got {
			keys = append(keys, fmt.Sprintf("%s/%d/%s", d.Kind, d.Version, d.Number))
		}
		want := []string{"decision/1/X市监处罚〔2026〕1号", "decision/2/X市监处罚〔2026〕2号", "notice/1/X市监处罚〔2026〕1号"}
		if !slices.Equal(keys, want) {
			t.Errorf("Documents = %v, want %v", keys, want)
		}
		if got, err := tx.Documents("scjg-2026-000404"); err != nil || len(got) != 0 {
			t.Errorf("Documents(unknown) = %v, %v; want none", got, err)
		}
		return nil
	})
}

// testServiceDocuments: issuing assigns the agency's numbers in sequence,
// stores the files by digest with the digest in the log, re-issuing makes
// a new version, and a refused issue (role, agency, stage, failed render)
// stores and logs nothing.
func testServiceDocuments(t *testing.T, w *world) {
	c := w.toStage(t, casework.StageDecided)
	if err := w.svc.PutAgency(w.ctx, w.admin, casework.Agency{Code: "scjg", Name: "某市市场监督管理局", DocPrefix: "某市监处罚"}); err != nil {
		t.Fatal(err)
	}
	spec := casework.DocumentSpec{Kind: "decision", Title: "行政处罚决定书", Family: "处罚", Roles: []casework.Role{casework.RoleOfficer},
		Stages: []casework.Stage{casework.StageDecided}}
	var gotNumber string
	render := func(c casework.Case, a casework.Agency, number string, _ time.Time) (casework.Rendered, error) {
		gotNumber = number
		return casework.Rendered{DOCX: []byte("docx of " + c.ID + " " + number), PDF: []byte("%PDF " + number)}, nil
	}
	d1, err := w.svc.IssueDocument(w.ctx, w.officer, c.ID, spec, render)
	if err != nil {
		t.Fatal(err)
	}
	year := w.clock.Now().Year()
	if want := fmt.Sprintf("某市监处罚〔%d〕1号", year); d1.Number != want || gotNumber != want || d1.Version != 1 {
		t.Errorf("first issue = %+v (rendered with %q), want number %s version 1", d1, gotNumber, want)
	}
	pubNumber := func() string {
		t.Helper()
		p, err := w.svc.Publication(w.ctx, w.reviewer, c.ID)
		if err != nil {
			t.Fatalf("publication of the decided case: %v", err)
		}
		return p.DocNumber
	}
	if got := pubNumber(); got != d1.Number {
		t.Errorf("publication's 文书号 = %q after issuing the decision %s", got, d1.Number)
	}
	d2, err := w.svc.IssueDocument(w.ctx, w.officer, c.ID, spec, render)
	if err != nil {
		t.Fatal(err)
	}
	if d2.Version != 2 || d2.Number == d1.Number || d2.Digest == d1.Digest {
		t.Errorf("re-issue = %+v after %+v: want version 2 with a new number and file", d2, d1)
	}
	if got := pubNumber(); got != d2.Number {
		t.Errorf("publication's 文书号 = %q after re-issuing as %s", got, d2.Number)
	}
	before := len(entries(t, w.store))
	failing := func(casework.Case, casework.Agency, string, time.Time) (casework.Rendered, error) {
		return casework.Rendered{}, errRollback
	}
	_, err = w.svc.IssueDocument(w.ctx, w.officer, c.ID, spec, failing)
	wantErr(t, "a failed render", err, errRollback)
	_, err = w.svc.IssueDocument(w.ctx, w.reviewer, c.ID, spec, render)
	wantErr(t, "issue by a reviewer", err, casework.ErrForbidden)
	_, err = w.svc.IssueDocument(w.ctx, w.other, c.ID, spec, render)
	wantErr(t, "issue by another agency", err, casework.ErrForbidden)
	early := spec
	early.Stages = []casework.Stage{casework.StageNotified}
	_, err = w.svc.IssueDocument(w.ctx, w.officer, c.ID, early, render)
	wantErr(t, "issue in the wrong stage", err, casework.ErrStage)
	_, err = w.svc.IssueDocument(w.ctx, w.officer, "scjg-2026-999999", spec, render)
	wantErr(t, "issue on an unknown case", err, casework.ErrNotFound)
	if n := len(entries(t, w.store)); n != before {
		t.Errorf("refused issues left %d log entries", n-before)
	}
	d3, err := w.svc.IssueDocument(w.ctx, w.officer, c.ID, spec, render)
	if err != nil {
		t.Fatal(err)
	}
	if d3.Version != 3 || d3.Number == d2.Number || d3.Number == d1.Number {
		t.Errorf("issue after refusals = %+v: want version 3 and an unused number", d3)
	}

	list, err := w.svc.Documents(w.ctx, w.leader, c.ID)
	if err != nil || len(list) != 3 {
		t.Fatalf("Documents = %+v, %v; want 3 versions", list, err)
	}
	_, err = w.svc.Documents(w.ctx, w.other, c.ID)
	wantErr(t, "documents listed by another agency", err, casework.ErrForbidden)
	for _, pdf := range []bool{false, true} {
		_, rc, err := w.svc.OpenIssued(w.ctx, w.reviewer, c.ID, "decision", 1, pdf)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(rc)
		rc.Close()
		want := "docx of " + c.ID + " " + d1.Number
		if pdf {
			want = "%PDF " + d1.Number
		}
		if !bytes.Equal(got, []byte(want)) {
			t.Errorf("version 1 (pdf %v) = %q, want %q: an old version must never be overwritten", pdf, got, want)
		}
	}
	if dc, err := w.svc.DocumentContext(w.ctx, casework.Operator(), c.ID); err != nil || len(dc.Issued) != 3 || dc.Agency.DocPrefix != "某市监处罚" || len(dc.Officers) != 1 {
		t.Errorf("DocumentContext for the command line = %+v, %v; want the case, its agency, officer and 3 versions", dc, err)
	}
	_, err = w.svc.DocumentContext(w.ctx, w.admin, c.ID)
	wantErr(t, "document context for an admin (who reads no case)", err, casework.ErrForbidden)
	_, err = w.svc.DocumentContext(w.ctx, w.other, c.ID)
	wantErr(t, "document context for another agency", err, casework.ErrForbidden)
	_, _, err = w.svc.OpenIssued(w.ctx, w.officer, c.ID, "decision", 9, false)
	wantErr(t, "an unknown version", err, casework.ErrNotFound)

	tl, err := w.svc.Timeline(w.ctx, w.officer, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	last := tl[len(tl)-1]
	if last.Action != "document.issue" || !slices.Equal(last.Evidence, []string{d3.Digest, d3.PDFDigest}) {
		t.Errorf("last timeline entry = %+v, want document.issue with the DOCX and PDF digests", last)
	}
	if _, err := casework.Verify(w.ctx, w.store, w.key.Public().(ed25519.PublicKey)); err != nil {
		t.Errorf("record does not verify after issuing: %v", err)
	}
}
