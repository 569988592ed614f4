package oversight_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/oversight"
)

// TestDigest: the digest's lists and numbers equal what is counted here
// from the generated batch; a digest against the previous one's keys has
// nothing new until a case past its deadline is imported, and then exactly
// that case.
func TestDigest(t *testing.T) {
	s := seed(t, boltStore(t), 2000, 12)
	ix := index(t, s)
	ctx := context.Background()
	agency := ""
	for _, p := range s.batch.Planted {
		if p.Kind == oversight.KindOverdue {
			agency = p.Agency
		}
	}
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	for _, a := range []string{agency, ""} {
		d, err := ix.DigestOf(ctx, a, now, nil, "")
		if err != nil {
			t.Fatal(err)
		}
		var deadlines, reviews, week, prevWeek int
		for _, c := range s.batch.Cases {
			if a != "" && c.Agency != a {
				continue
			}
			if !c.Stage.Decided() && !c.Due.IsZero() && c.Due.Sub(now) <= 7*24*time.Hour {
				deadlines++
			}
			if c.Stage == casework.StageReview {
				reviews++
			}
			switch {
			case !c.Created.Before(today.AddDate(0, 0, -7)) && c.Created.Before(today):
				week++
			case !c.Created.Before(today.AddDate(0, 0, -14)) && c.Created.Before(today.AddDate(0, 0, -7)):
				prevWeek++
			}
		}
		if len(d.Deadlines) != deadlines || len(d.Reviews) != reviews {
			t.Errorf("%q: %d deadlines, %d reviews; counted %d, %d", a, len(d.Deadlines), len(d.Reviews), deadlines, reviews)
		}
		if n := d.Numbers[0]; n.Key != "cases" || n.Current != float64(week) || n.Previous != float64(prevWeek) || n.Change != float64(week-prevWeek) {
			t.Errorf("%q: cases this week %+v; counted %d and %d", a, n, week, prevWeek)
		}
		if deadlines == 0 || week == 0 || d.Warnings == 0 {
			t.Errorf("%q: nothing to check: %d deadlines, %d cases this week, %d warnings", a, deadlines, week, d.Warnings)
		}
		if !strings.Contains(d.Text(), "新预警") || d.Summary == "" {
			t.Errorf("%q: text %q", a, d.Text())
		}
	}

	first, err := ix.DigestOf(ctx, agency, now, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	again, err := ix.DigestOf(ctx, agency, now, first.WarningKeys, first.Day)
	if err != nil {
		t.Fatal(err)
	}
	if len(again.NewWarnings) != 0 || again.Since != first.Day {
		t.Errorf("against the same day's keys: %d new warnings, since %q", len(again.NewWarnings), again.Since)
	}
	var admin casework.User
	if err := s.store.View(ctx, func(tx casework.ReadTx) (err error) { admin, err = tx.User("admin"); return err }); err != nil {
		t.Fatal(err)
	}
	var c casework.Case
	for _, b := range s.batch.Cases {
		if b.Agency == agency {
			c = b
			break
		}
	}
	c.ID = ""
	c.Proposal, c.Decided, c.Stage = nil, time.Time{}, casework.StageInvestigating
	c.Created, c.Opened, c.Due = now.AddDate(-2, 0, 0), now.AddDate(-2, 0, 0), now.AddDate(-1, 0, 0)
	ids, err := s.svc.Import(ctx, admin, casework.Import{Note: "测试", Cases: []casework.Case{c}})
	if err != nil {
		t.Fatal(err)
	}
	next, err := ix.DigestOf(ctx, agency, now, first.WarningKeys, first.Day)
	if err != nil {
		t.Fatal(err)
	}
	if len(next.NewWarnings) != 1 || next.NewWarnings[0].Kind != oversight.KindOverdue || next.NewWarnings[0].Cases[0] != ids[0].ID {
		t.Errorf("after importing one overdue case: new warnings %+v, want the overdue %s", next.NewWarnings, ids[0].ID)
	}
	if len(next.Deadlines) != len(first.Deadlines)+1 || next.Deadlines[0].Cases[0] != ids[0].ID {
		t.Errorf("deadlines %d → %d; the most overdue first: %v", len(first.Deadlines), len(next.Deadlines), next.Deadlines[0].Cases)
	}
	if _, err := ix.DigestOf(ctx, agency, now.AddDate(0, 0, 3), nil, ""); !errorsIs(err, oversight.ErrInvalid) {
		t.Errorf("a digest of the day after tomorrow: %v, want ErrInvalid", err)
	}
	if _, err := ix.DigestOf(ctx, "nowhere", now, nil, ""); !errorsIs(err, oversight.ErrInvalid) {
		t.Errorf("a digest of an unknown agency: %v, want ErrInvalid", err)
	}
}
