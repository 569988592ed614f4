package oversight_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/casework/boltstore"
	"github.com/cailiang/cailiang/oversight"
	"github.com/cailiang/cailiang/rules"
	"github.com/cailiang/cailiang/synthcases"
)

// now is the day the seeded data describe.
var now = time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)

var catalog = sync.OnceValues(rules.LoadBuiltin)

// seeded is a store holding a generated batch, with the batch and the IDs.
type seeded struct {
	store casework.Store
	svc   *casework.Service
	batch synthcases.Batch
	ids   []string
}

func seed(t testing.TB, store casework.Store, cases, agencies int) *seeded {
	t.Helper()
	cat, err := catalog()
	if err != nil {
		t.Fatal(err)
	}
	b, err := synthcases.Generate(synthcases.Config{Cases: cases, Agencies: agencies, Seed: 1, Catalog: cat, Now: now,
		Period: oversight.Period{From: now.AddDate(-1, 0, 0), To: now}})
	if err != nil {
		t.Fatal(err)
	}
	svc, err := casework.New(casework.Config{Store: store, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, _, _, err := svc.EnsureAdmin(ctx); err != nil {
		t.Fatal(err)
	}
	var admin casework.User
	if err := store.View(ctx, func(tx casework.ReadTx) (err error) { admin, err = tx.User("admin"); return err }); err != nil {
		t.Fatal(err)
	}
	ids, err := synthcases.Load(ctx, svc, admin, b, nil)
	if err != nil {
		t.Fatal(err)
	}
	return &seeded{store: store, svc: svc, batch: b, ids: ids}
}

func boltStore(t testing.TB) casework.Store {
	t.Helper()
	s, err := boltstore.Open(filepath.Join(t.TempDir(), boltstore.FileName))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func index(t testing.TB, s *seeded) *oversight.Index {
	t.Helper()
	ix, err := oversight.New(oversight.Config{Store: s.store, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

// key identifies what a warning is about, the same way for a planted anomaly.
func key(kind oversight.Kind, agency, subject string, cases []string) string {
	if subject != "" {
		return fmt.Sprintf("%s|%s|%s", kind, agency, subject)
	}
	return fmt.Sprintf("%s|%s|%v", kind, agency, cases)
}

// TestWarningsFindPlanted: every planted anomaly is warned, nothing else is
// (precision and recall 1), in the city view and in each agency's.
func TestWarningsFindPlanted(t *testing.T) {
	s := seed(t, boltStore(t), 4000, 12)
	ix := index(t, s)
	want := map[string]bool{}
	kinds := map[oversight.Kind]int{}
	for _, p := range s.batch.Planted {
		var ids []string
		for _, i := range p.Cases {
			ids = append(ids, s.ids[i])
		}
		if p.Subject == "" {
			want[key(p.Kind, p.Agency, "", ids)] = true
		} else {
			want[key(p.Kind, p.Agency, p.Subject, nil)] = true
		}
		kinds[p.Kind]++
	}
	if len(kinds) != 6 {
		t.Fatalf("planted kinds %v: want all six", kinds)
	}
	ws, err := ix.Warnings(context.Background(), oversight.Query{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, w := range ws {
		k := key(w.Kind, w.Agency, w.Subject, w.Cases)
		if w.Kind != oversight.KindBenchmarkDispersion && w.Kind != oversight.KindOfficerAtOneEnd && w.Kind != oversight.KindRepeatParty {
			k = key(w.Kind, w.Agency, "", w.Cases)
		}
		got[k] = true
		if w.Reason == "" || len(w.Cases) == 0 || w.Label == "" {
			t.Errorf("warning without reason, label or cases: %+v", w)
		}
		if !want[k] {
			t.Errorf("warning about nothing planted: %s: %s", k, w.Reason)
		}
	}
	tp := 0
	for k := range want {
		if got[k] {
			tp++
		} else {
			t.Errorf("planted anomaly not warned: %s", k)
		}
	}
	precision, recall := float64(tp)/float64(len(got)), float64(tp)/float64(len(want))
	t.Logf("4,000 cases, 12 agencies: %d planted, %d warned, precision %.3f, recall %.3f", len(want), len(got), precision, recall)

	// An agency's view holds exactly the city's warnings that concern it.
	agency := s.batch.Planted[0].Agency
	mine, err := ix.Warnings(context.Background(), oversight.Query{Agency: agency})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, w := range ws {
		if w.Agency == agency || slices.Contains(w.Agencies, agency) {
			n++
		}
	}
	if len(mine) != n || n == 0 {
		t.Errorf("agency %s: %d warnings, the city view has %d about it", agency, len(mine), n)
	}
}

// TestStatsMatchIndependentCounts: the report's numbers equal counts
// computed here from the generated batch, for the city and each agency.
func TestStatsMatchIndependentCounts(t *testing.T) {
	s := seed(t, boltStore(t), 2000, 12)
	ix := index(t, s)
	// Whole days, as the API asks: acts are dated by day.
	midnight := now.Truncate(24 * time.Hour)
	period := oversight.Period{From: midnight.AddDate(0, -6, 0), To: midnight}
	for _, agency := range []string{"", s.batch.Agencies[0].Code, s.batch.Agencies[5].Code} {
		rep, err := ix.Stats(context.Background(), oversight.Query{Agency: agency, Period: period})
		if err != nil {
			t.Fatal(err)
		}
		var cases, decisions, transferred int
		var fines, confiscated float64
		disp, band, stage := map[string]int{}, map[string]int{}, map[string]int{}
		for _, c := range s.batch.Cases {
			if agency != "" && c.Agency != agency {
				continue
			}
			if !c.Created.Before(period.From) && c.Created.Before(period.To) {
				cases++
				stage[string(c.Stage)]++
				if c.Stage == casework.StageTransferred {
					transferred++
				}
			}
			decided := c.Proposal != nil && !c.Decided.IsZero() && !c.Decided.Before(period.From) && c.Decided.Before(period.To)
			if decided {
				decisions++
				fines += c.Proposal.Fine
				confiscated += c.Proposal.Confiscation
				disp[string(c.Proposal.Disposition)]++
				b := "none"
				switch f := c.Proposal.Fine; {
				case f <= 0:
				case f < 1000:
					b = "lt1k"
				case f < 10000:
					b = "1k-10k"
				case f < 50000:
					b = "10k-50k"
				case f < 100000:
					b = "50k-100k"
				case f < 1000000:
					b = "100k-1m"
				default:
					b = "ge1m"
				}
				band[b]++
			}
		}
		if rep.Cases != cases || rep.Decisions != decisions || rep.Transferred != transferred {
			t.Errorf("%q: cases %d decisions %d transferred %d; counted %d %d %d", agency, rep.Cases, rep.Decisions, rep.Transferred, cases, decisions, transferred)
		}
		if diff := rep.FineTotal - fines; diff > 0.01 || diff < -0.01 || rep.ConfiscationTotal-confiscated > 0.01 || confiscated-rep.ConfiscationTotal > 0.01 {
			t.Errorf("%q: fines %.2f confiscated %.2f; counted %.2f %.2f", agency, rep.FineTotal, rep.ConfiscationTotal, fines, confiscated)
		}
		for _, rows := range []struct {
			name string
			got  []oversight.Count
			want map[string]int
		}{{"disposition", rep.ByDisposition, disp}, {"band", rep.ByAmountBand, band}, {"stage", rep.ByStage, stage}} {
			for _, r := range rows.got {
				if r.N != rows.want[r.Key] {
					t.Errorf("%q %s %s: %d, counted %d", agency, rows.name, r.Key, r.N, rows.want[r.Key])
				}
				delete(rows.want, r.Key)
			}
			for k, n := range rows.want {
				if n > 0 {
					t.Errorf("%q %s %s: missing, counted %d", agency, rows.name, k, n)
				}
			}
		}
		if rep.Cases == 0 || rep.Decisions == 0 {
			t.Errorf("%q: empty report %+v", agency, rep)
		}
		// Categories: 行政处罚 the cases, the others the acts dated in the period.
		cats := map[string]int{"penalty": cases}
		acts := 0
		for _, a := range s.batch.Acts {
			if (agency == "" || a.Agency == agency) && a.Date >= period.From.Format(time.DateOnly) && a.Date < period.To.Format(time.DateOnly) {
				cats[a.Category]++
				acts++
			}
		}
		if rep.Acts != acts || acts == 0 {
			t.Errorf("%q: %d acts, counted %d", agency, rep.Acts, acts)
		}
		if len(rep.ByCategory) != 5 || rep.ByCategory[0].Key != "penalty" {
			t.Errorf("%q: categories %+v; want 行政处罚 then the four built-in ones", agency, rep.ByCategory)
		}
		for _, c := range rep.ByCategory {
			if c.N != cats[c.Key] {
				t.Errorf("%q: category %s (%s) %d, counted %d", agency, c.Key, c.Label, c.N, cats[c.Key])
			}
		}
	}
}

// TestQueriesRefuseBadInput: unknown agencies and reversed periods are
// ErrInvalid.
func TestQueriesRefuseBadInput(t *testing.T) {
	s := seed(t, boltStore(t), 50, 2)
	ix := index(t, s)
	for _, q := range []oversight.Query{
		{Agency: "nowhere"},
		{Agency: "\xff"},
		{Period: oversight.Period{From: now, To: now.AddDate(0, -1, 0)}},
		{Period: oversight.Period{From: now, To: now}},
	} {
		if _, err := ix.Stats(context.Background(), q); !errorsIs(err, oversight.ErrInvalid) {
			t.Errorf("Stats(%+v) = %v; want ErrInvalid", q, err)
		}
		if _, err := ix.Warnings(context.Background(), q); !errorsIs(err, oversight.ErrInvalid) {
			t.Errorf("Warnings(%+v) = %v; want ErrInvalid", q, err)
		}
	}
}

// TestIndexFollowsTheLog: a case imported after the first question is
// counted by the next one (the index reads the entries appended since).
func TestIndexFollowsTheLog(t *testing.T) {
	s := seed(t, boltStore(t), 100, 2)
	ix := index(t, s)
	ctx := context.Background()
	before, err := ix.Stats(ctx, oversight.Query{})
	if err != nil {
		t.Fatal(err)
	}
	var admin casework.User
	if err := s.store.View(ctx, func(tx casework.ReadTx) (err error) { admin, err = tx.User("admin"); return err }); err != nil {
		t.Fatal(err)
	}
	c := s.batch.Cases[0]
	c.Proposal = nil
	c.Stage, c.Decided = casework.StageTransferred, time.Time{}
	if _, err := s.svc.Import(ctx, admin, casework.Import{Note: "测试", Cases: []casework.Case{c}}); err != nil {
		t.Fatal(err)
	}
	after, err := ix.Stats(ctx, oversight.Query{})
	if err != nil {
		t.Fatal(err)
	}
	if after.Cases != before.Cases+1 || after.Transferred != before.Transferred+1 {
		t.Errorf("after one more transferred case: cases %d→%d, transferred %d→%d", before.Cases, after.Cases, before.Transferred, after.Transferred)
	}
}

// TestSharedDecisionsWarnRepeatParty: another agency's decision received in
// an exchange file makes a party with two cases in one agency a party
// offending in two agencies; the shared decision is named in the warning
// and never counted as one of the city's cases.
func TestSharedDecisionsWarnRepeatParty(t *testing.T) { sharedRepeatParty(t, boltStore(t)) }

func sharedRepeatParty(t *testing.T, store casework.Store) {
	s := seed(t, store, 100, 2)
	ix := index(t, s)
	ctx := context.Background()
	counts := map[string]int{}
	for _, c := range s.batch.Cases {
		counts[c.Party.IDNumber]++
	}
	var c casework.Case
	for _, x := range s.batch.Cases {
		if x.Party.IDNumber != "" && counts[x.Party.IDNumber] == 1 && !x.Decided.IsZero() && x.Proposal != nil {
			c = x
			break
		}
	}
	if c.Agency == "" {
		t.Fatal("no decided case of a party with one case in the batch")
	}
	var admin casework.User
	if err := s.store.View(ctx, func(tx casework.ReadTx) (err error) { admin, err = tx.User("admin"); return err }); err != nil {
		t.Fatal(err)
	}
	if _, err := s.svc.Import(ctx, admin, casework.Import{Note: "测试", Cases: []casework.Case{c}}); err != nil {
		t.Fatal(err)
	}
	repeat := func() []oversight.Warning {
		t.Helper()
		ws, err := ix.Warnings(ctx, oversight.Query{Period: oversight.Period{From: now.AddDate(-1, 0, 0), To: now}})
		if err != nil {
			t.Fatal(err)
		}
		var out []oversight.Warning
		for _, w := range ws {
			if w.Kind == oversight.KindRepeatParty && w.Subject == c.Party.IDNumber {
				out = append(out, w)
			}
		}
		return out
	}
	if ws := repeat(); len(ws) != 0 {
		t.Fatalf("two cases in one agency warned: %+v", ws)
	}
	before, err := ix.Stats(ctx, oversight.Query{})
	if err != nil {
		t.Fatal(err)
	}
	r := casework.SharedRecord{Key: "jtys-x/jtys-x-2025-000007", SourceAgency: "jtys-x", SourceAgencyName: "外市交通运输局", CaseID: "jtys-x-2025-000007",
		Title: "当事人 超限运输", Stage: casework.StageClosed, PartyKind: "organisation", PartyName: c.Party.Name, PartyID: c.Party.IDNumber,
		Decision: casework.Proposal{Disposition: "处罚", Fine: 3000}, Decided: c.Decided.Add(-time.Hour)}
	r.Digest = r.ContentDigest()
	importer := admin
	importer.Agency = c.Agency
	if _, err := s.svc.ImportShared(ctx, importer, []casework.SharedRecord{r}, "测试"); err != nil {
		t.Fatal(err)
	}
	ws := repeat()
	if len(ws) != 1 || !slices.Equal(ws[0].Shared, []string{r.Key}) || len(ws[0].Cases) != 2 || ws[0].Agency != c.Agency ||
		!slices.Contains(ws[0].Agencies, "jtys-x") || ws[0].Numbers["shared"] != 1 {
		t.Fatalf("after the import: %+v", ws)
	}
	after, err := ix.Stats(ctx, oversight.Query{})
	if err != nil {
		t.Fatal(err)
	}
	if after.Cases != before.Cases || after.Decisions != before.Decisions {
		t.Errorf("a shared decision was counted: cases %d→%d, decisions %d→%d", before.Cases, after.Cases, before.Decisions, after.Decisions)
	}
	if before.Shared != nil || after.Shared == nil || after.Shared.Decisions != 1 || after.Shared.FineTotal != 3000 ||
		len(after.Shared.BySource) != 1 || after.Shared.BySource[0].Label != "外市交通运输局" {
		t.Errorf("shared decisions beside the city's: before %+v, after %+v", before.Shared, after.Shared)
	}
	mine, err := ix.Stats(ctx, oversight.Query{Agency: c.Agency})
	if err != nil || mine.Shared != nil {
		t.Errorf("an agency's report shows shared decisions: %+v, %v", mine.Shared, err)
	}
}

// TestAgencyThresholds: an agency's override changes that agency's
// warnings and no other's, and the changed warnings name the override as
// the threshold's source.
func TestAgencyThresholds(t *testing.T) {
	s := seed(t, boltStore(t), 4000, 12)
	ctx := context.Background()
	warnings := func(set oversight.Settings) []oversight.Warning {
		t.Helper()
		ix, err := oversight.New(oversight.Config{Store: s.store, Now: func() time.Time { return now }, Warnings: set})
		if err != nil {
			t.Fatal(err)
		}
		ws, err := ix.Warnings(ctx, oversight.Query{})
		if err != nil {
			t.Fatal(err)
		}
		return ws
	}
	base := warnings(oversight.Settings{})
	agency := ""
	for _, w := range base {
		if w.Kind == oversight.KindOverdue {
			agency = w.Agency
			break
		}
	}
	if agency == "" {
		t.Fatal("no overdue case in the seeded data")
	}
	byAgency := func(ws []oversight.Warning) map[string][]string {
		out := map[string][]string{}
		for _, w := range ws {
			if w.Kind == oversight.KindRepeatParty {
				continue // about several agencies: not one agency's threshold
			}
			out[w.Agency] = append(out[w.Agency], key(w.Kind, w.Agency, w.Subject, w.Cases)+" "+w.Reason)
		}
		return out
	}
	for _, tc := range []struct {
		name     string
		override oversight.Thresholds
		kind     oversight.Kind
		more     bool // the override adds warnings of kind (else removes them)
	}{
		{"near_days", oversight.Thresholds{NearDays: 60}, oversight.KindNearDeadline, true},
		{"overdue_grace_days", oversight.Thresholds{OverdueGraceDays: 3650}, oversight.KindOverdue, false},
		{"officer_end_share", oversight.Thresholds{OfficerEndShare: 0.02}, oversight.KindOfficerAtOneEnd, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := warnings(oversight.Settings{Agencies: map[string]oversight.Thresholds{agency: tc.override}})
			before, after := byAgency(base), byAgency(got)
			for a := range before {
				if a != agency && !slices.Equal(before[a], after[a]) {
					t.Errorf("agency %s changed by %s's override: %d → %d warnings", a, agency, len(before[a]), len(after[a]))
				}
			}
			count := func(ws []oversight.Warning) (n int) {
				for _, w := range ws {
					if w.Kind == tc.kind && w.Agency == agency {
						n++
					}
				}
				return n
			}
			n0, n1 := count(base), count(got)
			if (tc.more && n1 <= n0) || (!tc.more && (n1 >= n0 || n1 != 0)) {
				t.Errorf("%s of %s: %d warnings, %d with the override %+v", tc.kind, agency, n0, n1, tc.override)
			}
			for _, w := range got {
				if w.Kind != tc.kind {
					continue
				}
				want := oversight.SourceDefault
				if w.Agency == agency {
					want = oversight.SourceAgency
				}
				var src oversight.Source
				for _, u := range w.Thresholds {
					if u.Name == tc.name {
						src = u.Source
					}
				}
				if src != want || !strings.Contains(w.Reason, want.Label()) {
					t.Errorf("%s: threshold %s from %q, want %q: %s", w.Agency, tc.name, src, want, w.Reason)
				}
			}
		})
	}
	// The city's settings are named as such where no agency overrides them.
	for _, w := range warnings(oversight.Settings{Thresholds: oversight.Thresholds{NearDays: 30}}) {
		if w.Kind == oversight.KindNearDeadline && !strings.Contains(w.Reason, "临近期限天数 30，全市设置") {
			t.Errorf("near deadline with the city's 30 days: %s", w.Reason)
		}
	}
}
