package casework

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
)

// 法制审核: when a case enters StageReview it gets a Review — the fixed
// checklist, each item pre-filled from what the record knows, the
// reviewer's marks and opinion, and the review deadline in working days.
// The opinion gates review_pass and review_return (precondition).

// Review deadline defaults: provincial rules commonly allow 7 working days
// from submission, extendable once by 3 (DOMAIN.md §7).
const (
	DefaultReviewDays       = 7
	DefaultReviewExtendDays = 3
	// hearingRequestDays is the party's time to ask for a hearing after
	// the notice: 行政处罚法 第六十四条（一）“在行政机关告知后五日内提出”.
	hearingRequestDays = 5
)

// Verdict is a reviewer's mark on one checklist item.
type Verdict string

// The marks of a checklist item ("" is not yet marked).
const (
	VerdictPass  Verdict = "pass"  // 通过
	VerdictIssue Verdict = "issue" // 存在问题
)

// Opinion is the reviewer's overall opinion (法制审核意见).
type Opinion string

// The opinions a reviewer may give.
const (
	OpinionAgree        Opinion = "agree"         // 同意
	OpinionAgreeAmended Opinion = "agree_amended" // 修改后同意
	OpinionDisagree     Opinion = "disagree"      // 不同意
)

var opinionLabels = map[Opinion]string{OpinionAgree: "同意", OpinionAgreeAmended: "修改后同意", OpinionDisagree: "不同意"}

// Label is the opinion's Chinese name ("" for an unknown one).
func (o Opinion) Label() string { return opinionLabels[o] }

// ReviewItem is one line of the checklist.
type ReviewItem struct {
	// Key names the item (subject, competence, staff, facts, procedure,
	// law, discretion, documents, transfer).
	Key   string `json:"key"`
	Label string `json:"label"`
	// Known is what the system knows about the item when the case was
	// submitted, for the reviewer to check.
	Known []string `json:"known"`
	// Attention is set when what the system knows suggests a problem.
	Attention bool `json:"attention"`
	// Verdict and Note are the reviewer's mark.
	Verdict Verdict `json:"verdict,omitempty"`
	Note    string  `json:"note,omitempty"`
}

// Review is the 法制审核 of one submission of a case.
type Review struct {
	// Submitted is when the case entered review; Due is the deadline
	// (zero when no calendar is configured).
	Submitted time.Time `json:"submitted"`
	Due       time.Time `json:"due,omitzero"`
	// Extended records the one extension of Due by a leader.
	Extended *Extension   `json:"extended,omitempty"`
	Items    []ReviewItem `json:"items"`
	// Opinion, Reasons, By and At are the reviewer's opinion.
	Opinion Opinion   `json:"opinion,omitempty"`
	Reasons string    `json:"reasons,omitempty"`
	By      string    `json:"by,omitempty"`
	At      time.Time `json:"at,omitzero"`
}

// ReviewOverdue reports whether the review is past its deadline at t while the
// case is still in review.
func (c Case) ReviewOverdue(t time.Time) bool {
	return c.Stage == StageReview && c.Review != nil && !c.Review.Due.IsZero() && t.After(c.Review.Due)
}

// Unmarked lists the labels of the items the reviewer has not marked.
func (r Review) Unmarked() []string {
	var out []string
	for _, it := range r.Items {
		if it.Verdict == "" {
			out = append(out, it.Label)
		}
	}
	return out
}

// checklist is the fixed list, in order (DOMAIN.md §7).
var checklist = []struct{ key, label string }{
	{"subject", "执法主体"}, {"competence", "职权与管辖"}, {"staff", "执法人员资格"}, {"facts", "事实与证据"},
	{"procedure", "程序（告知、陈述申辩、听证）"}, {"law", "法律适用"}, {"discretion", "裁量"}, {"documents", "文书"},
	{"transfer", "是否涉嫌犯罪应当移送"},
}

// ReviewKeys lists the checklist's item keys in order.
func ReviewKeys() []string {
	out := make([]string, len(checklist))
	for i, c := range checklist {
		out[i] = c.key
	}
	return out
}

// analysisView is the part of an attached /v1/analyze answer the checklist
// reads; casework sees analyses only as JSON.
type analysisView struct {
	Violations []struct {
		BenchmarkID string `json:"benchmark_id"`
		Name        string `json:"name"`
		Sector      string `json:"sector"`
		Suggestion  *struct {
			Statutory *fineRange `json:"statutory"`
			Suggested *fineRange `json:"suggested"`
			Basis     []struct {
				Label string `json:"label"`
			} `json:"basis"`
			Procedure struct {
				Hearing bool `json:"hearing"`
			} `json:"procedure"`
		} `json:"suggestion"`
	} `json:"violations"`
	Transfer struct {
		Risk  string `json:"risk"`
		Crime string `json:"crime"`
	} `json:"transfer"`
}

type fineRange struct {
	FineMin float64 `json:"fine_min"`
	FineMax float64 `json:"fine_max"`
}

// yuan formats an amount in yuan without a needless fraction.

// procedureKnown notes what the record shows of the notice's service and
// the party's statements (delivery.go, statement.go) for the procedure
// item.
func (s *Service) procedureKnown(tx ReadTx, c Case, note func(bool, string, ...any)) error {
	deliveries, err := tx.Deliveries(c.ID)
	if err != nil {
		return err
	}
	served := false
	for _, d := range deliveries {
		if d.Delivered("notice") {
			served = true
			note(false, "告知书已于 %s %s", ChinaDay(d.ServedOn()), d.Method.Label())
			break
		}
	}
	if !served {
		note(true, "未记录告知书的送达")
	}
	statements, err := tx.Statements(c.ID)
	if err != nil {
		return err
	}
	open := 0
	for _, st := range statements {
		switch {
		case st.Waived:
			note(false, "当事人于 %s 明确放弃陈述、申辩", ChinaDay(st.Received))
		case st.Open():
			open++
		}
		if st.Hearing {
			note(false, "当事人于 %s 要求听证", ChinaDay(st.Received))
		}
	}
	if n := len(statements); n > 0 {
		note(open > 0, "当事人陈述、申辩 %d 项，待复核 %d 项", n, open)
	}
	return nil
}

// newReview builds the checklist of c as it enters review at now,
// pre-filled from the attached analysis, the evidence and the case's log.
func (s *Service) newReview(tx ReadTx, c Case, now time.Time) (*Review, error) {
	r := &Review{Submitted: now}
	if s.cfg.Calendar != nil {
		due, err := s.cfg.Calendar.AddWorkdays(now, s.cfg.ReviewDays)
		if err != nil {
			return nil, fmt.Errorf("review deadline: %w", err)
		}
		r.Due = due
	}
	evidence, err := tx.Evidence(c.ID)
	if err != nil {
		return nil, err
	}
	entries, err := tx.CaseEntries(c.ID)
	if err != nil {
		return nil, err
	}
	var a analysisView
	hasAnalysis := len(c.Analysis) > 0 && json.Unmarshal(c.Analysis, &a) == nil && len(a.Violations) > 0
	v := 0 // the violation the proposal rests on
	if hasAnalysis && c.Proposal != nil {
		for i, x := range a.Violations {
			if x.BenchmarkID == c.Proposal.Basis {
				v = i
				break
			}
		}
	}
	for _, item := range checklist {
		it := ReviewItem{Key: item.key, Label: item.label}
		note := func(attention bool, format string, args ...any) {
			it.Known = append(it.Known, fmt.Sprintf(format, args...))
			it.Attention = it.Attention || attention
		}
		switch item.key {
		case "subject":
			note(false, "办案机关：%s", c.Agency)
		case "competence":
			if hasAnalysis && a.Violations[v].Sector != "" {
				note(false, "违法行为所属领域：%s", a.Violations[v].Sector)
			} else if c.Sector != "" {
				note(false, "案件领域：%s", c.Sector)
			} else {
				note(true, "系统未能确定管辖领域，请核对职权与管辖")
			}
		case "staff":
			// 行政处罚法 第四十二条：执法人员不得少于两人，具有行政执法资格。
			note(len(c.Officers) < 2, "承办人 %d 名：%s", len(c.Officers), strings.Join(c.Officers, "、"))
			var uncertified []string
			for _, o := range c.Officers {
				if u, err := tx.User(o); err != nil || u.CertNumber == "" {
					uncertified = append(uncertified, o)
				}
			}
			if len(uncertified) > 0 {
				note(true, "未登记执法证号：%s", strings.Join(uncertified, "、"))
			}
		case "facts":
			if len(evidence) == 0 {
				note(true, "未附证据材料")
			} else {
				names := make([]string, 0, len(evidence))
				for _, e := range evidence {
					names = append(names, e.Name)
				}
				note(false, "已附证据 %d 件：%s", len(evidence), strings.Join(names, "、"))
			}
			if !hasAnalysis {
				note(true, "未附案件分析结果")
			}
		case "procedure":
			var notified time.Time
			for _, e := range entries {
				if e.Action == "case.transition."+string(ActionNotify) {
					notified = e.At
				}
			}
			if notified.IsZero() {
				note(true, "未见告知记录")
				break
			}
			days := int(now.Sub(notified).Hours() / 24)
			note(false, "已告知陈述、申辩权：%s（距提交审核 %d 日）", notified.Format("2006-01-02"), days)
			if hasAnalysis && a.Violations[v].Suggestion != nil && a.Violations[v].Suggestion.Procedure.Hearing {
				note(days < hearingRequestDays, "可能适用听证：当事人应在告知后五日内提出（行政处罚法 第六十四条）；告知后已 %d 日", days)
			}
			if err := s.procedureKnown(tx, c, note); err != nil {
				return nil, err
			}
		case "law":
			if !hasAnalysis {
				note(true, "未附案件分析，请核对违法行为与依据")
				break
			}
			x := a.Violations[v]
			note(false, "违法行为：%s", x.Name)
			if x.Suggestion != nil {
				for _, b := range x.Suggestion.Basis {
					if len(it.Known) >= 6 {
						break
					}
					note(false, "依据：%s", b.Label)
				}
			}
		case "discretion":
			if c.Proposal == nil {
				note(true, "尚无处罚建议")
				break
			}
			p := *c.Proposal
			note(false, "拟处罚：%s，罚款 %s", p.Disposition, yuan(p.Fine))
			if hasAnalysis && a.Violations[v].Suggestion != nil && a.Violations[v].Suggestion.Statutory != nil {
				st := a.Violations[v].Suggestion.Statutory
				note(p.Fine > 0 && (p.Fine < st.FineMin || p.Fine > st.FineMax), "法定幅度：%s 至 %s", yuan(st.FineMin), yuan(st.FineMax))
			}
			if p.SuggestedMax > 0 {
				note(false, "裁量基准建议幅度：%s 至 %s", yuan(p.SuggestedMin), yuan(p.SuggestedMax))
			}
			if p.Deviates() {
				note(true, "罚款超出建议幅度，记录的理由：%s", p.Deviation)
			}
			note(false, "一致性比对见“裁量一致性”图")
		case "documents":
			note(false, "请核对告知书、决定书草稿的当事人、事实、依据与处罚内容是否与案卷一致")
		case "transfer":
			if !hasAnalysis || a.Transfer.Risk == "" {
				note(false, "系统未作移送评估")
				break
			}
			// The analysis's risks (rules.RiskNone, RiskNear, RiskLikely).
			risk := map[string]string{"none": "未达移送标准", "near": "接近移送标准", "likely": "可能涉嫌犯罪"}[a.Transfer.Risk]
			if risk == "" {
				risk = a.Transfer.Risk
			}
			if a.Transfer.Crime != "" {
				risk += "（" + a.Transfer.Crime + "）"
			}
			note(a.Transfer.Risk != "none", "移送风险：%s", risk)
		}
		r.Items = append(r.Items, it)
	}
	return r, nil
}

// ReviewMark is a reviewer's marks and opinion, as sent; items not listed
// keep their marks, an empty Opinion keeps the opinion.
type ReviewMark struct {
	Items []struct {
		Key     string  `json:"key"`
		Verdict Verdict `json:"verdict"`
		Note    string  `json:"note"`
	} `json:"items"`
	Opinion Opinion `json:"opinion"`
	Reasons string  `json:"reasons"`
}

// MarkReview records a reviewer's marks on the checklist and opinion (the
// agency's reviewers, while the case is in review) with a log entry.
// ErrInvalid for an unknown item, mark or opinion, a note too long, an
// issue or a 修改后同意/不同意 without reasons; ErrStage outside review.
func (s *Service) MarkReview(ctx context.Context, actor User, id string, version int64, m ReviewMark) (Case, error) {
	if len(m.Items) > len(checklist) {
		return Case{}, fmt.Errorf("review: %d items, the checklist has %d: %w", len(m.Items), len(checklist), ErrInvalid)
	}
	for _, it := range m.Items {
		if !slices.Contains(ReviewKeys(), it.Key) {
			return Case{}, fmt.Errorf("review item %q: %w", it.Key, ErrInvalid)
		}
		if it.Verdict != VerdictPass && it.Verdict != VerdictIssue {
			return Case{}, fmt.Errorf("review item %s: verdict %q (pass or issue): %w", it.Key, it.Verdict, ErrInvalid)
		}
		if err := validText("review note", it.Note, maxNote, true); err != nil {
			return Case{}, err
		}
		if it.Verdict == VerdictIssue && strings.TrimSpace(it.Note) == "" {
			return Case{}, fmt.Errorf("review item %s: 存在问题须写明问题: %w", it.Key, ErrInvalid)
		}
	}
	if m.Opinion != "" && m.Opinion.Label() == "" {
		return Case{}, fmt.Errorf("opinion %q: %w", m.Opinion, ErrInvalid)
	}
	if err := validText("reasons", m.Reasons, maxNote, true); err != nil {
		return Case{}, err
	}
	if (m.Opinion == OpinionAgreeAmended || m.Opinion == OpinionDisagree) && strings.TrimSpace(m.Reasons) == "" {
		return Case{}, fmt.Errorf("opinion %s: 须写明理由: %w", m.Opinion.Label(), ErrInvalid)
	}
	if len(m.Items) == 0 && m.Opinion == "" {
		return Case{}, fmt.Errorf("review: nothing to record: %w", ErrInvalid)
	}
	return s.update(ctx, id, version, func(tx Tx, c *Case) (Entry, error) {
		if !canWork(actor, *c, RoleReviewer) {
			return Entry{}, denied(*c, "review")
		}
		if c.Stage != StageReview || c.Review == nil {
			return Entry{}, fmt.Errorf("case %s is not in review: %w", c.ID, ErrStage)
		}
		r := *c.Review
		r.Items = slices.Clone(r.Items)
		var parts []string
		for _, m := range m.Items {
			for i := range r.Items {
				if r.Items[i].Key == m.Key {
					r.Items[i].Verdict, r.Items[i].Note = m.Verdict, strings.TrimSpace(m.Note)
					mark := "通过"
					if m.Verdict == VerdictIssue {
						mark = "存在问题：" + r.Items[i].Note
					}
					parts = append(parts, r.Items[i].Label+" "+mark)
				}
			}
		}
		if m.Opinion != "" {
			r.Opinion, r.Reasons, r.By, r.At = m.Opinion, strings.TrimSpace(m.Reasons), actor.ID, s.now()
			op := "审核意见：" + m.Opinion.Label()
			if r.Reasons != "" {
				op += "（" + r.Reasons + "）"
			}
			parts = append(parts, op)
		}
		c.Review = &r
		return Entry{Actor: actor.ID, Role: RoleReviewer, Action: "case.review", Note: "法制审核：" + strings.Join(parts, "；")}, nil
	})
}

// ExtendReview extends a case's review deadline once by the configured
// working days (the agency's leaders, with a reason). ErrStage outside
// review, when already extended or without a deadline.
func (s *Service) ExtendReview(ctx context.Context, actor User, id string, version int64, reason string) (Case, error) {
	if err := validText("reason", reason, maxNote, true); err != nil {
		return Case{}, err
	}
	if strings.TrimSpace(reason) == "" {
		return Case{}, fmt.Errorf("reason: empty: %w", ErrInvalid)
	}
	return s.update(ctx, id, version, func(tx Tx, c *Case) (Entry, error) {
		if !canWork(actor, *c, RoleLeader) {
			return Entry{}, denied(*c, "extend the review of")
		}
		if c.Stage != StageReview || c.Review == nil || c.Review.Due.IsZero() {
			return Entry{}, fmt.Errorf("case %s: no running review deadline: %w", c.ID, ErrStage)
		}
		if c.Review.Extended != nil {
			return Entry{}, fmt.Errorf("case %s: the review deadline was already extended: %w", c.ID, ErrStage)
		}
		due, err := s.cfg.Calendar.AddWorkdays(c.Review.Due, s.cfg.ReviewExtendDays)
		if err != nil {
			return Entry{}, fmt.Errorf("review deadline: %w", err)
		}
		r := *c.Review
		r.Due = due
		r.Extended = &Extension{Days: s.cfg.ReviewExtendDays, Reason: strings.TrimSpace(reason), By: actor.ID, At: s.now()}
		c.Review = &r
		return Entry{Actor: actor.ID, Role: RoleLeader, Action: "case.review.extend",
			Note: fmt.Sprintf("延长法制审核期限 %d 个工作日至 %s：%s", s.cfg.ReviewExtendDays, due.Format("2006-01-02"), r.Extended.Reason)}, nil
	})
}

// reviewGate is the precondition of the review's exits: review_pass needs
// every item marked and 同意 or 修改后同意; review_return needs 不同意 or
// 修改后同意 with reasons.
func reviewGate(c Case, a Action) error {
	r := c.Review
	switch a {
	case ActionReviewPass:
		if r == nil {
			return fmt.Errorf("case %s: 尚无法制审核记录: %w", c.ID, ErrStage)
		}
		if un := r.Unmarked(); len(un) > 0 {
			return fmt.Errorf("case %s: 审核事项未逐项标记：%s: %w", c.ID, strings.Join(un, "、"), ErrStage)
		}
		if r.Opinion != OpinionAgree && r.Opinion != OpinionAgreeAmended {
			return fmt.Errorf("case %s: 审核通过须审核意见为同意或修改后同意: %w", c.ID, ErrStage)
		}
	case ActionReviewReturn:
		if r == nil || (r.Opinion != OpinionDisagree && r.Opinion != OpinionAgreeAmended) || strings.TrimSpace(r.Reasons) == "" {
			return fmt.Errorf("case %s: 审核退回须记录不同意或修改后同意的审核意见及理由: %w", c.ID, ErrStage)
		}
	}
	return nil
}

// SimilarEnded lists the agency's ended cases whose proposal rests on the
// same basis (benchmark or provision id), for the consistency check (the
// agency's staff). At most limit, most recently updated first.
func (s *Service) SimilarEnded(ctx context.Context, actor User, basis string, limit int) ([]Case, error) {
	if actor.Disabled || actor.Agency == "" || !actor.HasAny(RoleOfficer, RoleReviewer, RoleLeader) {
		return nil, fmt.Errorf("similar cases: %w", ErrForbidden)
	}
	if basis == "" {
		return nil, nil
	}
	var out []Case
	for offset := 0; len(out) < limit; offset += 100 {
		var page []Case
		err := s.cfg.Store.View(ctx, func(tx ReadTx) (err error) {
			page, err = tx.Cases(CaseFilter{Agency: actor.Agency, Stages: []Stage{StageClosed}, Limit: 100, Offset: offset})
			return err
		})
		if err != nil {
			return nil, err
		}
		for _, c := range page {
			if c.Proposal != nil && c.Proposal.Basis == basis && len(out) < limit {
				out = append(out, c)
			}
		}
		if len(page) < 100 {
			break
		}
	}
	return out, nil
}

// overdue is the overdue queue: undecided cases past their decision
// deadline (f) and, on the first page, the cases in review past the review
// deadline that are not already listed.
func (s *Service) overdue(ctx context.Context, f CaseFilter) ([]Case, error) {
	var out, inReview []Case
	err := s.cfg.Store.View(ctx, func(tx ReadTx) (err error) {
		if out, err = tx.Cases(f); err != nil {
			return err
		}
		if f.Offset > 0 {
			return nil
		}
		inReview, err = tx.Cases(CaseFilter{Agency: f.Agency, Stages: []Stage{StageReview}, Limit: 100})
		return err
	})
	if err != nil {
		return nil, err
	}
	now := s.now()
	for _, c := range inReview {
		if c.ReviewOverdue(now) && !slices.ContainsFunc(out, func(o Case) bool { return o.ID == c.ID }) {
			out = append(out, c)
		}
	}
	return out, nil
}
