package storetest

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cailiang/cailiang/casework"
)

// opinion marks every checklist item 通过 and records opinion o with
// reasons, as the case's reviewer.
func (w *world) opinion(t *testing.T, c casework.Case, o casework.Opinion, reasons string) casework.Case {
	t.Helper()
	var m casework.ReviewMark
	for _, k := range casework.ReviewKeys() {
		m.Items = append(m.Items, struct {
			Key     string           `json:"key"`
			Verdict casework.Verdict `json:"verdict"`
			Note    string           `json:"note"`
		}{k, casework.VerdictPass, ""})
	}
	m.Opinion, m.Reasons = o, reasons
	c, err := w.svc.MarkReview(w.ctx, w.reviewer, c.ID, c.Version, m)
	if err != nil {
		t.Fatalf("MarkReview: %v", err)
	}
	return c
}

// testServiceReview: 法制审核 — the checklist pre-filled on submission and
// stored by the store, the marks and opinion with their log entry, bad
// marks refused without a change, and the opinion gating the exits.
func testServiceReview(t *testing.T, w *world) {
	c := w.toStage(t, casework.StageDiscretion)
	analysis := json.RawMessage(`{"violations":[{"benchmark_id":"food-expired","name":"销售超过保质期的食品","sector":"food",
		"suggestion":{"statutory":{"fine_min":50000,"fine_max":100000},"suggested":{"fine_min":50000,"fine_max":65000},
		"basis":[{"label":"《中华人民共和国食品安全法》第一百二十四条"}],"procedure":{"hearing":true}}}],
		"transfer":{"risk":"likely","crime":"生产、销售不符合安全标准的食品罪"}}`)
	c, err := w.svc.EditCase(w.ctx, w.officer, c.ID, c.Version, casework.CaseEdit{Analysis: &analysis, Proposal: &casework.Proposal{
		Disposition: "处罚", Basis: "food-expired", Fine: 60000, SuggestedMin: 50000, SuggestedMax: 65000}})
	if err != nil {
		t.Fatal(err)
	}
	c = w.step(t, w.officer, c, casework.ActionNotify, "")
	w.clock.Add(48 * time.Hour)
	c = w.step(t, w.officer, c, casework.ActionSubmitReview, "")
	got, err := w.svc.Case(w.ctx, w.reviewer, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	r := got.Review
	if r == nil || len(r.Items) != len(casework.ReviewKeys()) || r.Submitted.IsZero() {
		t.Fatalf("stored review after submission: %+v", r)
	}
	item := func(r *casework.Review, key string) casework.ReviewItem {
		for _, it := range r.Items {
			if it.Key == key {
				return it
			}
		}
		t.Fatalf("no checklist item %s", key)
		return casework.ReviewItem{}
	}
	for _, tc := range []struct {
		key       string
		known     string
		attention bool
	}{
		{"facts", "未附证据材料", true},
		{"staff", "承办人 1 名", true},       // 行政处罚法 第四十二条: at least two
		{"procedure", "距提交审核 2 日", true}, // a hearing may apply and 5 days have not passed
		{"law", "第一百二十四条", false},
		{"discretion", "法定幅度：50000 元 至 100000 元", false},
		{"transfer", "可能涉嫌犯罪（生产、销售不符合安全标准的食品罪）", true},
	} {
		it := item(r, tc.key)
		if !strings.Contains(strings.Join(it.Known, "\n"), tc.known) || it.Attention != tc.attention {
			t.Errorf("item %s: known %q, attention %v; want %q, attention %v", tc.key, it.Known, it.Attention, tc.known, tc.attention)
		}
	}

	type mark = struct {
		Key     string           `json:"key"`
		Verdict casework.Verdict `json:"verdict"`
		Note    string           `json:"note"`
	}
	bad := []struct {
		name  string
		actor casework.User
		m     casework.ReviewMark
		want  error
	}{
		{"unknown item", w.reviewer, casework.ReviewMark{Items: []mark{{"weather", casework.VerdictPass, ""}}}, casework.ErrInvalid},
		{"unknown verdict", w.reviewer, casework.ReviewMark{Items: []mark{{"facts", "maybe", ""}}}, casework.ErrInvalid},
		{"issue without a note", w.reviewer, casework.ReviewMark{Items: []mark{{"facts", casework.VerdictIssue, "  "}}}, casework.ErrInvalid},
		{"invalid UTF-8 note", w.reviewer, casework.ReviewMark{Items: []mark{{"facts", casework.VerdictIssue, "\xff\xfe"}}}, casework.ErrInvalid},
		{"huge note", w.reviewer, casework.ReviewMark{Items: []mark{{"facts", casework.VerdictIssue, strings.Repeat("证", 5000)}}}, casework.ErrInvalid},
		{"unknown opinion", w.reviewer, casework.ReviewMark{Opinion: "ok"}, casework.ErrInvalid},
		{"不同意 without reasons", w.reviewer, casework.ReviewMark{Opinion: casework.OpinionDisagree}, casework.ErrInvalid},
		{"nothing", w.reviewer, casework.ReviewMark{}, casework.ErrInvalid},
		{"an officer", w.officer, casework.ReviewMark{Opinion: casework.OpinionAgree}, casework.ErrForbidden},
		{"a leader", w.leader, casework.ReviewMark{Opinion: casework.OpinionAgree}, casework.ErrForbidden},
	}
	for _, b := range bad {
		_, err := w.svc.MarkReview(w.ctx, b.actor, c.ID, c.Version, b.m)
		wantErr(t, "review mark: "+b.name, err, b.want)
	}
	if after, _ := w.svc.Case(w.ctx, w.reviewer, c.ID); after.Version != c.Version {
		t.Fatalf("refused marks changed the case: version %d → %d", c.Version, after.Version)
	}

	// Marks are kept item by item; the opinion alone does not pass an
	// unmarked checklist.
	c, err = w.svc.MarkReview(w.ctx, w.reviewer, c.ID, c.Version, casework.ReviewMark{
		Items: []mark{{"facts", casework.VerdictIssue, "缺少进货查验记录"}}, Opinion: casework.OpinionAgree})
	if err != nil {
		t.Fatal(err)
	}
	if it := item(c.Review, "facts"); it.Verdict != casework.VerdictIssue || it.Note != "缺少进货查验记录" || c.Review.By != w.reviewer.ID {
		t.Errorf("marked facts: %+v, by %q", it, c.Review.By)
	}
	_, err = w.svc.Transition(w.ctx, w.reviewer, c.ID, c.Version, casework.ActionReviewPass, "")
	wantErr(t, "pass with unmarked items", err, casework.ErrStage)
	_, err = w.svc.Transition(w.ctx, w.reviewer, c.ID, c.Version, casework.ActionReviewReturn, "退回")
	wantErr(t, "return with 同意", err, casework.ErrStage)
	c = w.opinion(t, c, casework.OpinionAgreeAmended, "补充进货查验记录后同意")
	tl, err := w.svc.Timeline(w.ctx, w.reviewer, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	last := tl[len(tl)-1]
	if last.Action != "case.review" || last.Role != casework.RoleReviewer || !strings.Contains(last.Note, "修改后同意（补充进货查验记录后同意）") {
		t.Errorf("opinion's log entry: %+v", last)
	}
	_, err = w.svc.ExtendReview(w.ctx, w.reviewer, c.ID, c.Version, "案情复杂")
	wantErr(t, "extend a review as a reviewer", err, casework.ErrForbidden)
	// The deadline counts working days on the calendar: once extended by a
	// leader, never twice.
	due := c.Review.Due
	if due.IsZero() {
		t.Fatalf("review without a deadline: %+v", c.Review)
	}
	c, err = w.svc.ExtendReview(w.ctx, w.leader, c.ID, c.Version, "案情复杂")
	if err != nil || !c.Review.Due.After(due) || c.Review.Extended == nil {
		t.Fatalf("extend the review: %+v, %v (due was %s)", c.Review, err, due)
	}
	_, err = w.svc.ExtendReview(w.ctx, w.leader, c.ID, c.Version, "再次延长")
	wantErr(t, "extend a review twice", err, casework.ErrStage)
	c = w.step(t, w.reviewer, c, casework.ActionReviewPass, "")
	if c.Stage != casework.StageApproval || c.Review.Opinion != casework.OpinionAgreeAmended {
		t.Fatalf("after pass: %s, %+v", c.Stage, c.Review)
	}
	_, err = w.svc.MarkReview(w.ctx, w.reviewer, c.ID, c.Version, casework.ReviewMark{Opinion: casework.OpinionAgree})
	wantErr(t, "mark after the review", err, casework.ErrStage)

	// The ended case is found by the consistency check's similar cases.
	c = w.walk(t, c, []move{{w.leader, casework.ActionApprove, ""}, {w.officer, casework.ActionServe, ""}, {w.officer, casework.ActionClose, ""}})
	similar, err := w.svc.SimilarEnded(w.ctx, w.reviewer, "food-expired", 10)
	if err != nil || !slices.ContainsFunc(similar, func(s casework.Case) bool { return s.ID == c.ID }) {
		t.Errorf("SimilarEnded: %d cases, %v; want %s", len(similar), err, c.ID)
	}
	if other, err := w.svc.SimilarEnded(w.ctx, w.reviewer, "other-benchmark", 10); err != nil || len(other) != 0 {
		t.Errorf("SimilarEnded of another basis: %d, %v", len(other), err)
	}
	_, err = w.svc.SimilarEnded(w.ctx, w.trainer, "food-expired", 10)
	wantErr(t, "similar cases for a trainer", err, casework.ErrForbidden)
}
