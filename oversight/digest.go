package oversight

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/cailiang/cailiang/casework"
)

// Digest is what a city's 司法局 and an agency's head read every morning:
// the warnings that are new since the last digest (each with its reason
// and cases), the cases near or past their deadline, the cases waiting in
// 法制审核, the publications due or overdue, and the week's numbers against
// the week before.
type Digest struct {
	// Agency is the agency's code ("" for the whole city) and its name.
	Agency     string `json:"agency"`
	AgencyName string `json:"agency_name"`
	// Day is the digest's day (YYYY-MM-DD); At the moment deadlines are
	// measured at (when it was made, or the end of a past day).
	Day string    `json:"day"`
	At  time.Time `json:"at"`
	// Since is the day of the previous kept digest the new warnings are
	// counted against; "" when there was none, and then "new" means not
	// warned a day before At.
	Since string `json:"since"`
	// Summary is the digest in one line (the notification's text).
	Summary string `json:"summary"`
	// NewWarnings are the warnings not in the previous digest; Warnings
	// counts every current warning, WarningKeys identify them (for the next
	// digest's comparison).
	NewWarnings []Warning `json:"new_warnings"`
	Warnings    int       `json:"warnings"`
	WarningKeys []string  `json:"warning_keys"`
	// Deadlines are the undecided cases past or near their deadline (the
	// overdue and near_deadline warnings, new or not), most urgent first.
	Deadlines []Warning `json:"deadlines"`
	// Reviews are the cases waiting in 法制审核, oldest first.
	Reviews []ReviewWait `json:"reviews"`
	// Publications are the decisions due for publication and not yet
	// published, overdue first.
	Publications []PublicationDue `json:"publications"`
	// Week and PreviousWeek are the periods Numbers compare: the seven days
	// before Day and the seven before those.
	Week         Span         `json:"week"`
	PreviousWeek Span         `json:"previous_week"`
	Numbers      []Comparison `json:"numbers"`
}

// Span is a period written as days, To excluded.
type Span struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// ReviewWait is a case in 法制审核.
type ReviewWait struct {
	Case      string    `json:"case"`
	Agency    string    `json:"agency"`
	Title     string    `json:"title"`
	Submitted time.Time `json:"submitted"`
	Due       time.Time `json:"due,omitzero"`
	// DaysWaiting are whole days since submission; Overdue is past Due.
	DaysWaiting int  `json:"days_waiting"`
	Overdue     bool `json:"overdue"`
}

// PublicationDue is a decision waiting to be published.
type PublicationDue struct {
	Case    string    `json:"case"`
	Agency  string    `json:"agency"`
	Title   string    `json:"title"`
	Decided time.Time `json:"decided"`
	Due     time.Time `json:"due,omitzero"`
	Overdue bool      `json:"overdue"`
}

// Comparison is one number this week and the week before.
type Comparison struct {
	Key      string  `json:"key"`
	Label    string  `json:"label"`
	Current  float64 `json:"current"`
	Previous float64 `json:"previous"`
	// Change is Current − Previous.
	Change float64 `json:"change"`
}

// WarningKey identifies a warning across days: its model, agency, subject
// and cases. A case moving from near its deadline to past it is a new key.
func WarningKey(w Warning) string {
	return string(w.Kind) + "|" + w.Agency + "|" + w.Subject + "|" + strings.Join(w.Cases, ",")
}

// DigestOf returns the digest of an agency ("" for the city) for day (a
// UTC date). previous holds the WarningKeys of the agency's last kept
// digest and since its day; with no previous digest (nil), the new
// warnings are those not warned a day earlier. Deadlines are measured now
// for today and at the end of a past day (the cases are as they are now:
// the index keeps no history). The day is the agency's calendar day, which
// east of UTC begins before UTC's: a day one ahead of UTC's is accepted.
// Errors: ErrInvalid for an unknown agency or a later day; the store's.
func (ix *Index) DigestOf(ctx context.Context, agency string, day time.Time, previous []string, since string) (Digest, error) {
	day = time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, time.UTC)
	now := ix.cfg.Now().UTC()
	if day.After(now.AddDate(0, 0, 1)) {
		return Digest{}, fmt.Errorf("digest of %s: after today: %w", day.Format(time.DateOnly), ErrInvalid)
	}
	at := now
	if end := day.AddDate(0, 0, 1); end.Before(now) {
		at = end
	}
	week := Period{From: day.AddDate(0, 0, -7), To: day}
	prevWeek := Period{From: day.AddDate(0, 0, -14), To: week.From}
	cur, err := ix.Stats(ctx, Query{Agency: agency, Period: week})
	if err != nil {
		return Digest{}, err
	}
	before, err := ix.Stats(ctx, Query{Agency: agency, Period: prevWeek})
	if err != nil {
		return Digest{}, err
	}
	ws, err := ix.warningsAt(ctx, Query{Agency: agency}, at)
	if err != nil {
		return Digest{}, err
	}
	if previous == nil {
		earlier, err := ix.warningsAt(ctx, Query{Agency: agency}, at.AddDate(0, 0, -1))
		if err != nil {
			return Digest{}, err
		}
		previous = make([]string, len(earlier))
		for i, w := range earlier {
			previous[i] = WarningKey(w)
		}
		since = ""
	}
	d := Digest{Agency: agency, AgencyName: cur.AgencyName, Day: day.Format(time.DateOnly), At: at, Since: since,
		Week: span(week), PreviousWeek: span(prevWeek), Warnings: len(ws), NewWarnings: []Warning{}, Deadlines: []Warning{},
		WarningKeys: make([]string, len(ws))}
	seen := make(map[string]bool, len(previous))
	for _, k := range previous {
		seen[k] = true
	}
	for i, w := range ws {
		k := WarningKey(w)
		d.WarningKeys[i] = k
		if !seen[k] {
			d.NewWarnings = append(d.NewWarnings, w)
		}
		if w.Kind == KindOverdue || w.Kind == KindNearDeadline {
			d.Deadlines = append(d.Deadlines, w)
		}
	}
	slices.SortStableFunc(d.Deadlines, func(a, b Warning) int {
		return cmp.Compare(urgency(b), urgency(a))
	})
	d.Numbers = compare(cur, before)
	d.Reviews = ix.reviews(agency, at)
	if d.Publications, err = ix.publications(ctx, agency, at); err != nil {
		return Digest{}, err
	}
	d.Summary = d.summarise()
	return d, nil
}

// urgency orders deadline warnings: the longest overdue first, then the
// nearest deadline.
func urgency(w Warning) float64 {
	if w.Kind == KindOverdue {
		return 1e6 + w.Numbers["days_over"]
	}
	return -w.Numbers["days_left"]
}

func span(p Period) Span {
	return Span{From: p.From.Format(time.DateOnly), To: p.To.Format(time.DateOnly)}
}

func compare(cur, prev Report) []Comparison {
	row := func(key, label string, c, p float64) Comparison {
		return Comparison{Key: key, Label: label, Current: c, Previous: p, Change: round(c-p, 2)}
	}
	return []Comparison{
		row("cases", "登记案件", float64(cur.Cases), float64(prev.Cases)),
		row("decisions", "处罚决定", float64(cur.Decisions), float64(prev.Decisions)),
		row("fine_total", "罚款金额（元）", round(cur.FineTotal, 2), round(prev.FineTotal, 2)),
		row("transferred", "移送", float64(cur.Transferred), float64(prev.Transferred)),
		row("opened", "立案", float64(cur.Timeliness.Opened), float64(prev.Timeliness.Opened)),
	}
}

// reviews lists the agency's cases in 法制审核 at a moment.
func (ix *Index) reviews(agency string, at time.Time) []ReviewWait {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	out := []ReviewWait{}
	for _, r := range ix.cases {
		if r.stage != casework.StageReview || (agency != "" && r.agency != agency) {
			continue
		}
		w := ReviewWait{Case: r.id, Agency: r.agency, Title: r.title, Submitted: r.reviewSubmitted, Due: r.reviewDue,
			Overdue: !r.reviewDue.IsZero() && at.After(r.reviewDue)}
		if !r.reviewSubmitted.IsZero() && at.After(r.reviewSubmitted) {
			w.DaysWaiting = int(math.Floor(at.Sub(r.reviewSubmitted).Hours() / 24))
		}
		out = append(out, w)
	}
	slices.SortFunc(out, func(a, b ReviewWait) int {
		return cmp.Or(a.Submitted.Compare(b.Submitted), cmp.Compare(a.Case, b.Case))
	})
	return out
}

// publications lists the agency's decisions due for publication, read
// from the store (the index does not project publications).
func (ix *Index) publications(ctx context.Context, agency string, at time.Time) ([]PublicationDue, error) {
	var pubs []casework.Publication
	err := ix.cfg.Store.View(ctx, func(tx casework.ReadTx) (err error) {
		pubs, err = tx.Publications(casework.PublicationFilter{Agency: agency, States: []casework.PublicationState{casework.PubDue},
			Limit: allCases})
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("oversight: publications: %w", err)
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	out := make([]PublicationDue, 0, len(pubs))
	for _, p := range pubs {
		d := PublicationDue{Case: p.CaseID, Agency: p.Agency, Decided: p.Decided, Due: p.Due, Overdue: !p.Due.IsZero() && at.After(p.Due)}
		if r := ix.cases[p.CaseID]; r != nil {
			d.Title = r.title
		}
		out = append(out, d)
	}
	slices.SortFunc(out, func(a, b PublicationDue) int {
		if a.Overdue != b.Overdue {
			if a.Overdue {
				return -1
			}
			return 1
		}
		return cmp.Or(a.Due.Compare(b.Due), cmp.Compare(a.Case, b.Case))
	})
	return out, nil
}

func (d Digest) summarise() string {
	overdue := 0
	for _, p := range d.Publications {
		if p.Overdue {
			overdue++
		}
	}
	return fmt.Sprintf("%s %s：新预警 %d 条（共 %d 条）；临近或超过办案期限 %d 件；待法制审核 %d 件；待公示 %d 件（已超期 %d 件）",
		d.AgencyName, d.Day, len(d.NewWarnings), d.Warnings, len(d.Deadlines), len(d.Reviews), len(d.Publications), overdue)
}

// Text renders the digest for reading in a terminal or an e-mail.
func (d Digest) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "每日简报 · %s · %s\n", d.AgencyName, d.Day)
	fmt.Fprintf(&b, "%s\n", d.Summary)
	since := "前一日"
	if d.Since != "" {
		since = "上次简报（" + d.Since + "）"
	}
	fmt.Fprintf(&b, "\n一、新预警（与%s相比）：%d 条\n", since, len(d.NewWarnings))
	for i, w := range d.NewWarnings {
		fmt.Fprintf(&b, "%d. 【%s】%s %s\n   案件：%s\n", i+1, w.Label, w.Agency, w.Reason, strings.Join(w.Cases, "、"))
	}
	fmt.Fprintf(&b, "\n二、临近或超过办案期限：%d 件\n", len(d.Deadlines))
	for i, w := range d.Deadlines {
		fmt.Fprintf(&b, "%d. %s %s：%s\n", i+1, strings.Join(w.Cases, "、"), w.Label, w.Reason)
	}
	fmt.Fprintf(&b, "\n三、待法制审核：%d 件\n", len(d.Reviews))
	for i, r := range d.Reviews {
		state := ""
		if r.Overdue {
			state = "，已超过审核期限"
		}
		fmt.Fprintf(&b, "%d. %s %s：已等待 %d 日，审核期限 %s%s\n", i+1, r.Case, r.Title, r.DaysWaiting, day(r.Due), state)
	}
	fmt.Fprintf(&b, "\n四、待公示：%d 件\n", len(d.Publications))
	for i, p := range d.Publications {
		state := ""
		if p.Overdue {
			state = "，已超期"
		}
		fmt.Fprintf(&b, "%d. %s %s：决定于 %s，公示期限 %s%s\n", i+1, p.Case, p.Title, day(p.Decided), day(p.Due), state)
	}
	fmt.Fprintf(&b, "\n五、本周（%s 至 %s 前）与上周（%s 至 %s 前）\n", d.Week.From, d.Week.To, d.PreviousWeek.From, d.PreviousWeek.To)
	for _, n := range d.Numbers {
		fmt.Fprintf(&b, "%s：%s（上周 %s，%+g）\n", n.Label, yuan(n.Current), yuan(n.Previous), n.Change)
	}
	return b.String()
}

// Daily returns the digest of an agency ("" for the city) for a day: the
// one kept that day (kept true), or, when none was kept, one made now by
// Fresh. Errors as DigestOf, and a kept digest that does not decode.
func (ix *Index) Daily(ctx context.Context, agency string, day time.Time) (d Digest, kept bool, err error) {
	var k casework.Digest
	err = ix.cfg.Store.View(ctx, func(tx casework.ReadTx) (err error) {
		k, err = tx.Digest(agency, day.Format(time.DateOnly))
		return err
	})
	if err == nil {
		if err := json.Unmarshal(k.Doc, &d); err != nil {
			return d, false, fmt.Errorf("oversight: digest %q %s: decode: %w", agency, k.Day, err)
		}
		return d, true, nil
	}
	if !errors.Is(err, casework.ErrNotFound) {
		return d, false, fmt.Errorf("oversight: read digest: %w", err)
	}
	d, err = ix.Fresh(ctx, agency, day)
	return d, false, err
}

// Fresh makes the digest of a day now, against the latest digest kept
// before the day (or, with none, against the day before).
func (ix *Index) Fresh(ctx context.Context, agency string, day time.Time) (Digest, error) {
	var prev []casework.Digest
	err := ix.cfg.Store.View(ctx, func(tx casework.ReadTx) (err error) {
		prev, err = tx.Digests(agency, day.Format(time.DateOnly), 1)
		return err
	})
	if err != nil {
		return Digest{}, fmt.Errorf("oversight: read digests: %w", err)
	}
	if len(prev) == 0 {
		return ix.DigestOf(ctx, agency, day, nil, "")
	}
	var p Digest
	if err := json.Unmarshal(prev[0].Doc, &p); err != nil {
		return Digest{}, fmt.Errorf("oversight: digest %q %s: decode: %w", agency, prev[0].Day, err)
	}
	if p.WarningKeys == nil {
		p.WarningKeys = []string{} // a previous digest without warnings: everything now is new
	}
	return ix.DigestOf(ctx, agency, day, p.WarningKeys, prev[0].Day)
}
