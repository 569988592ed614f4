package oversight

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/rules"
)

// Kind names a warning model.
type Kind string

// The warning models.
const (
	// KindUnexplainedDeviation: a decided fine outside its benchmark's
	// suggested range with no recorded reason.
	KindUnexplainedDeviation Kind = "unexplained_deviation"
	// KindBenchmarkDispersion: one agency fines one benchmark very
	// differently from the city (robust z of its median against the city's
	// median and MAD).
	KindBenchmarkDispersion Kind = "benchmark_dispersion"
	// KindOfficerAtOneEnd: an officer whose fines sit consistently at the
	// top (or bottom) of the suggested ranges.
	KindOfficerAtOneEnd Kind = "officer_one_end"
	// KindOverdue: an undecided case past its decision deadline.
	KindOverdue Kind = "overdue"
	// KindNearDeadline: an undecided case whose deadline comes within NearDays.
	KindNearDeadline Kind = "near_deadline"
	// KindTransferNotMade: the attached analysis found a likely crime
	// (transfer risk "likely") and the case was not transferred.
	KindTransferNotMade Kind = "transfer_not_made"
	// KindRepeatParty: one party (统一社会信用代码 or 身份证号) with cases in
	// several agencies.
	KindRepeatParty Kind = "repeat_party"
)

var kindLabels = map[Kind]string{
	KindUnexplainedDeviation: "超出建议幅度未说明理由",
	KindBenchmarkDispersion:  "同一裁量基准罚款差异明显",
	KindOfficerAtOneEnd:      "承办人罚款持续偏向一端",
	KindOverdue:              "案件超过办案期限",
	KindNearDeadline:         "案件临近办案期限",
	KindTransferNotMade:      "涉嫌犯罪可能性大但未移送",
	KindRepeatParty:          "同一当事人跨机关多次违法",
}

// Kinds lists every warning model in a stable order.
func Kinds() []Kind {
	return []Kind{KindUnexplainedDeviation, KindBenchmarkDispersion, KindOfficerAtOneEnd, KindOverdue, KindNearDeadline,
		KindTransferNotMade, KindRepeatParty}
}

// Label is the model's Chinese name.
func (k Kind) Label() string { return kindLabels[k] }

// Warning is one early warning: what it is about, why (in Chinese, with the
// numbers), the numbers themselves and the cases behind it.
type Warning struct {
	Kind  Kind   `json:"kind"`
	Label string `json:"label"`
	// Agency is the agency concerned (for a party across agencies, the
	// first of them; Agencies lists all).
	Agency   string   `json:"agency"`
	Agencies []string `json:"agencies,omitempty"`
	// Subject is what the warning is about besides the cases: the
	// benchmark, the officer or the party's ID number.
	Subject string `json:"subject,omitempty"`
	// Reason explains the warning in a sentence with its numbers.
	Reason string `json:"reason"`
	// Numbers are the figures behind the reason, by name.
	Numbers map[string]float64 `json:"numbers"`
	// Cases are the IDs of the cases behind it.
	Cases []string `json:"cases"`
	// Shared are the keys of other agencies' decisions behind it, received
	// in exchange files (a party offending again elsewhere).
	Shared []string `json:"shared,omitempty"`
	// Thresholds are the thresholds the model used for this warning, each
	// with where its value came from (the reason names them too).
	Thresholds []ThresholdUse `json:"thresholds,omitempty"`
}

// Warnings returns the warnings for q: those about cases registered in the
// period (deadlines are measured now), of the agency (or every agency).
// Benchmark dispersion compares the agency with the rest of the city's
// cases of the period. The city's warnings are computed once per state of
// the log, period and minute and shared by every agency's question, so a
// deadline warning may appear up to a minute late; callers must not modify
// the warnings returned. Errors as Stats.
func (ix *Index) Warnings(ctx context.Context, q Query) ([]Warning, error) {
	return ix.warningsAt(ctx, q, ix.cfg.Now())
}

// warningsAt is Warnings with deadlines measured at a given moment.
func (ix *Index) warningsAt(ctx context.Context, q Query, at time.Time) ([]Warning, error) {
	if err := ix.refresh(ctx); err != nil {
		return nil, err
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if err := ix.check(q); err != nil {
		return nil, err
	}
	now := at.UTC()
	key := fmt.Sprintf("%d|%d|%d|%d", ix.seq, q.Period.From.UnixNano(), q.Period.To.UnixNano(), now.Unix()/60)
	ix.cacheMu.Lock()
	all, ok := ix.cached[key]
	ix.cacheMu.Unlock()
	if !ok {
		all = ix.cityWarnings(q.Period, now)
		ix.cacheMu.Lock()
		if len(ix.cached) >= 16 {
			clear(ix.cached)
		}
		ix.cached[key] = all
		ix.cacheMu.Unlock()
	}
	if q.Agency == "" {
		return slices.Clip(all), nil
	}
	var out []Warning
	for _, w := range all {
		if w.Agency == q.Agency || slices.Contains(w.Agencies, q.Agency) {
			out = append(out, w)
		}
	}
	return out, nil
}

// cityWarnings computes every warning of the period (call under ix.mu).
// Each model uses the thresholds of the agency concerned (ix.thresholds).
func (ix *Index) cityWarnings(period Period, now time.Time) []Warning {
	in := make([]*record, 0, len(ix.cases))
	for _, r := range ix.cases {
		if period.Contains(r.created) {
			in = append(in, r)
		}
	}
	th := ix.thresholds()
	var out []Warning
	for _, r := range in {
		t := th(r.agency)
		if r.decision() && r.deviates && !r.reasoned && r.beyondTolerance(t.DeviationTolerance) {
			u := t.uses("deviation_tolerance")
			out = append(out, Warning{Kind: KindUnexplainedDeviation, Agency: r.agency, Subject: r.basis, Cases: []string{r.id},
				Reason: fmt.Sprintf("罚款 %s 元，超出裁量基准「%s」建议幅度 %s 至 %s 元，未记录理由%s", yuan(r.fine), ix.violation(r.basis),
					yuan(r.suggestedMin), yuan(r.suggestedMax), note(u)),
				Numbers:    map[string]float64{"fine": r.fine, "suggested_min": r.suggestedMin, "suggested_max": r.suggestedMax},
				Thresholds: u})
		}
		if !r.stage.Decided() && !r.due.IsZero() {
			if days := math.Floor(now.Sub(r.due).Hours() / 24); now.After(r.due) && days >= float64(t.OverdueGraceDays) {
				u := t.uses("overdue_grace_days")
				out = append(out, Warning{Kind: KindOverdue, Agency: r.agency, Cases: []string{r.id},
					Reason: fmt.Sprintf("立案于 %s，办案期限 %s 已过 %.0f 日，仍处于「%s」%s", day(r.opened), day(r.due), days, r.stage.Label(),
						note(u)),
					Numbers: map[string]float64{"days_over": days}, Thresholds: u})
			} else if !now.After(r.due) && r.due.Sub(now) <= time.Duration(t.NearDays)*24*time.Hour {
				days := math.Ceil(r.due.Sub(now).Hours() / 24)
				u := t.uses("near_days")
				out = append(out, Warning{Kind: KindNearDeadline, Agency: r.agency, Cases: []string{r.id},
					Reason:  fmt.Sprintf("办案期限 %s，还剩 %.0f 日，仍处于「%s」%s", day(r.due), days, r.stage.Label(), note(u)),
					Numbers: map[string]float64{"days_left": days}, Thresholds: u})
			}
		}
		if (r.risk == rules.RiskLikely || (r.risk == rules.RiskNear && t.TransferRisk == rules.RiskNear)) && r.stage != casework.StageTransferred {
			u := t.uses("transfer_risk")
			out = append(out, Warning{Kind: KindTransferNotMade, Agency: r.agency, Cases: []string{r.id},
				Reason: fmt.Sprintf("案件分析认为涉嫌犯罪的可能性%s（移送风险：%s），案件仍处于「%s」，未移送司法机关%s", riskWords[r.risk], r.risk,
					r.stage.Label(), note(u)),
				Numbers: map[string]float64{}, Thresholds: u})
		}
	}
	all := func(string) bool { return true }
	out = append(out, ix.dispersion(in, th, all)...)
	out = append(out, ix.officers(in, th, all)...)
	parties := in
	for _, r := range ix.shared {
		if period.Contains(r.created) {
			parties = append(parties, r)
		}
	}
	out = append(out, repeatParties(parties, th, all)...)
	order := map[Kind]int{}
	for i, k := range Kinds() {
		order[k] = i
	}
	for i := range out {
		out[i].Label = out[i].Kind.Label()
		slices.Sort(out[i].Cases)
	}
	slices.SortFunc(out, func(a, b Warning) int {
		return cmp.Or(cmp.Compare(order[a.Kind], order[b.Kind]), cmp.Compare(a.Agency, b.Agency), cmp.Compare(a.Subject, b.Subject),
			cmp.Compare(a.Cases[0], b.Cases[0]))
	})
	return out
}

var riskWords = map[string]string{rules.RiskLikely: "大", rules.RiskNear: "接近立案追诉标准"}

// thresholds returns each agency's resolved thresholds, resolved once per
// agency for one computation.
func (ix *Index) thresholds() func(agency string) resolved {
	memo := map[string]resolved{}
	return func(agency string) resolved {
		r, ok := memo[agency]
		if !ok {
			r = ix.cfg.Warnings.resolve(agency)
			memo[agency] = r
		}
		return r
	}
}

// beyondTolerance reports whether the fine lies outside the suggested
// range by more than tol of the range's width.
func (r *record) beyondTolerance(tol float64) bool {
	slack := tol * (r.suggestedMax - r.suggestedMin)
	return r.fine < r.suggestedMin-slack || r.fine > r.suggestedMax+slack
}

// dispersion compares each agency's median fine for a benchmark with the
// rest of the city's: robust z = (agency median − median of the other
// agencies' fines) / (1.4826 · their MAD). The agency is left out of the
// distribution it is measured against: where a sector has three agencies,
// one outlying agency is a third of the city and would drag the city's
// median toward itself.
func (ix *Index) dispersion(in []*record, th func(string) resolved, mine func(string) bool) []Warning {
	type group struct {
		fines []float64
		ids   []string
	}
	city := map[string][]float64{}
	agencies := map[string]map[string]*group{} // basis → agency → fines
	for _, r := range in {
		if !r.decision() || r.basis == "" || r.fine <= 0 {
			continue
		}
		city[r.basis] = append(city[r.basis], r.fine)
		if agencies[r.basis] == nil {
			agencies[r.basis] = map[string]*group{}
		}
		g := agencies[r.basis][r.agency]
		if g == nil {
			g = &group{}
			agencies[r.basis][r.agency] = g
		}
		g.fines = append(g.fines, r.fine)
		g.ids = append(g.ids, r.id)
	}
	var out []Warning
	for _, basis := range sortedKeys(city) {
		for _, agency := range sortedKeys(agencies[basis]) {
			g := agencies[basis][agency]
			t := th(agency)
			if !mine(agency) || len(g.fines) < t.MinAgencySample {
				continue
			}
			// The rest of the city: every other agency's fines of the benchmark.
			rest := make([]float64, 0, len(city[basis])-len(g.fines))
			for other, og := range agencies[basis] {
				if other != agency {
					rest = append(rest, og.fines...)
				}
			}
			if len(rest) < t.MinCitySample {
				continue
			}
			med := median(rest)
			scale := 1.4826 * mad(rest, med)
			if scale <= 0 {
				scale = 0.05 * med // every other fine equal: a 5% step counts as one unit
			}
			if scale <= 0 {
				continue
			}
			am := median(g.fines)
			z := (am - med) / scale
			if math.Abs(z) < t.DispersionZ {
				continue
			}
			dir := "高于"
			if z < 0 {
				dir = "低于"
			}
			u := t.uses("dispersion_z", "min_agency_sample", "min_city_sample")
			out = append(out, Warning{Kind: KindBenchmarkDispersion, Agency: agency, Subject: basis, Cases: g.ids, Thresholds: u,
				Reason: fmt.Sprintf("裁量基准「%s」：本机关 %d 件罚款中位数 %s 元，明显%s全市其他机关 %d 件的中位数 %s 元（稳健 z = %.1f）%s",
					ix.violation(basis), len(g.fines), yuan(am), dir, len(rest), yuan(med), z, note(u)),
				Numbers: map[string]float64{"agency_median": am, "agency_n": float64(len(g.fines)), "city_median": med,
					"city_mad": round(scale/1.4826, 2), "city_n": float64(len(rest)), "z": round(z, 2)}})
		}
	}
	return out
}

// officers finds officers whose fines sit at one end of the suggested
// ranges: the share of their fines placed in the top (or bottom) EndBand of
// the range, against OfficerEndShare.
func (ix *Index) officers(in []*record, th func(string) resolved, mine func(string) bool) []Warning {
	type acc struct {
		agency          string
		n, top, bottom  int
		ids, topIDs, lo []string
	}
	by := map[string]*acc{}
	for _, r := range in {
		if !r.decision() || r.officer == "" || r.suggestedMax <= r.suggestedMin || r.fine <= 0 {
			continue
		}
		key := r.agency + "/" + r.officer
		a := by[key]
		if a == nil {
			a = &acc{agency: r.agency}
			by[key] = a
		}
		pos := (r.fine - r.suggestedMin) / (r.suggestedMax - r.suggestedMin)
		band := th(r.agency).EndBand
		a.n++
		a.ids = append(a.ids, r.id)
		if pos >= 1-band {
			a.top++
			a.topIDs = append(a.topIDs, r.id)
		}
		if pos <= band {
			a.bottom++
			a.lo = append(a.lo, r.id)
		}
	}
	var out []Warning
	for _, key := range sortedKeys(by) {
		a := by[key]
		t := th(a.agency)
		if !mine(a.agency) || a.n < t.MinOfficerSample {
			continue
		}
		officer := key[len(a.agency)+1:]
		for _, end := range []struct {
			name string
			k    int
			ids  []string
		}{{"上限", a.top, a.topIDs}, {"下限", a.bottom, a.lo}} {
			share := float64(end.k) / float64(a.n)
			if share < t.OfficerEndShare {
				continue
			}
			u := t.uses("officer_end_share", "end_band", "min_officer_sample")
			out = append(out, Warning{Kind: KindOfficerAtOneEnd, Agency: a.agency, Subject: officer, Cases: end.ids, Thresholds: u,
				Reason: fmt.Sprintf("承办人 %s 的 %d 件罚款中有 %d 件（%.0f%%）落在建议幅度靠近%s的 %.0f%% 区间内%s",
					officer, a.n, end.k, share*100, end.name, t.EndBand*100, note(u)),
				Numbers: map[string]float64{"n": float64(a.n), "at_end": float64(end.k), "share": round(share, 3)}})
		}
	}
	return out
}

// repeatParties finds a party (by ID number) with RepeatCases cases or
// more in RepeatAgencies agencies or more. The party's agencies may have
// different thresholds: the warning is raised when those of any of them
// are met (a party warned to one agency is the others' concern too), and
// its reason names that agency's.
func repeatParties(in []*record, th func(string) resolved, mine func(string) bool) []Warning {
	// Count first: almost every party has one case, and only the few with
	// the lowest RepeatCases of any agency or more need their cases gathered.
	counts := make(map[string]int32, len(in))
	least := math.MaxInt
	for _, r := range in {
		if r.partyID != "" {
			counts[r.partyID]++
			least = min(least, th(r.agency).RepeatCases)
		}
	}
	by := map[string][]*record{}
	for _, r := range in {
		if r.partyID != "" && int(counts[r.partyID]) >= least {
			by[r.partyID] = append(by[r.partyID], r)
		}
	}
	var out []Warning
	for _, id := range sortedKeys(by) {
		rs := by[id]
		var agencies, ids, shared []string
		first := "" // the first of our agencies: the warning is theirs
		for _, r := range rs {
			if !slices.Contains(agencies, r.agency) {
				agencies = append(agencies, r.agency)
			}
			if r.shared {
				shared = append(shared, r.id)
				continue
			}
			ids = append(ids, r.id)
			if mine(r.agency) && (first == "" || r.agency < first) {
				first = r.agency
			}
		}
		// Another agency's decisions alone are not ours to warn about.
		if first == "" {
			continue
		}
		slices.Sort(agencies)
		slices.Sort(shared)
		by := ""
		for _, a := range agencies {
			if t := th(a); len(rs) >= t.RepeatCases && len(agencies) >= t.RepeatAgencies {
				by = a
				break
			}
		}
		if by == "" {
			continue
		}
		u := th(by).uses("repeat_cases", "repeat_agencies")
		reason := fmt.Sprintf("当事人 %s（%s）在 %d 个机关共有 %d 件案件", rs[0].partyName, id, len(agencies), len(rs))
		if len(shared) > 0 {
			reason += fmt.Sprintf("，其中 %d 件是其他机关共享的决定", len(shared))
		}
		reason += fmt.Sprintf("（按机关 %s 的阈值）%s", by, note(u))
		out = append(out, Warning{Kind: KindRepeatParty, Agency: first, Agencies: agencies, Subject: id, Cases: ids, Shared: shared,
			Thresholds: u, Reason: reason,
			Numbers: map[string]float64{"cases": float64(len(rs)), "agencies": float64(len(agencies)), "shared": float64(len(shared))}})
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// median of xs (not modified).
func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n == 0 {
		return 0
	}
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// mad is the median absolute deviation of xs from m.
func mad(xs []float64, m float64) float64 {
	d := make([]float64, len(xs))
	for i, x := range xs {
		d[i] = math.Abs(x - m)
	}
	return median(d)
}

func round(v float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Round(v*p) / p
}

func yuan(v float64) string {
	if v == math.Trunc(v) {
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%.2f", v)
}

func day(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.Format(time.DateOnly)
}
