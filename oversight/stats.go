package oversight

import (
	"cmp"
	"context"
	"slices"
	"time"

	"github.com/cailiang/cailiang/casework"
)

// Report is the statistics of one agency (or the city) over a period. What
// each number counts, in one place:
//   - Cases, ByStage, BySource, ByAgency: cases registered (Created) in the
//     period;
//   - ByCategory: 行政处罚 counts those cases, every other category the
//     enforcement acts (casework.Act) dated in the period; Acts is their sum;
//   - Decisions and the breakdowns by disposition, sector, violation and
//     amount band, FineTotal, ConfiscationTotal: decisions made (Decided)
//     in the period, with the penalty as proposed and decided;
//   - Transferred: cases registered in the period and transferred (移送);
//   - Timeliness: cases opened (立案) in the period, by how their decision
//     deadline went, measured at the report's time (Generated).
type Report struct {
	Agency     string    `json:"agency"`
	AgencyName string    `json:"agency_name"`
	From       string    `json:"from,omitempty"`
	To         string    `json:"to,omitempty"`
	Generated  time.Time `json:"generated"`

	Cases      int     `json:"cases"`
	Acts       int     `json:"acts"`
	ByCategory []Count `json:"by_category"`
	ByStage    []Count `json:"by_stage"`
	BySource   []Count `json:"by_source"`
	ByAgency   []Count `json:"by_agency,omitempty"`

	Decisions         int     `json:"decisions"`
	ByDisposition     []Count `json:"by_disposition"`
	BySector          []Count `json:"by_sector"`
	ByViolation       []Count `json:"by_violation"`
	ByAmountBand      []Count `json:"by_amount_band"`
	FineTotal         float64 `json:"fine_total"`
	ConfiscationTotal float64 `json:"confiscation_total"`

	Transferred int        `json:"transferred"`
	Timeliness  Timeliness `json:"timeliness"`

	// Shared are the decisions of other agencies received in exchange
	// files and decided in the period, by source agency (city view only):
	// beside the city's numbers, never in them.
	Shared *SharedCounts `json:"shared,omitempty"`
}

// SharedCounts counts other agencies' shared decisions.
type SharedCounts struct {
	Decisions int     `json:"decisions"`
	FineTotal float64 `json:"fine_total"`
	BySource  []Count `json:"by_source"`
}

// Count is one row of a breakdown: a key (code), its Chinese label, the
// number of cases and, for decisions, the fines they imposed.
type Count struct {
	Key   string  `json:"key"`
	Label string  `json:"label"`
	N     int     `json:"n"`
	Fines float64 `json:"fines,omitempty"`
}

// Timeliness is how the decision deadlines of cases opened in the period went.
type Timeliness struct {
	// Opened is the number of cases opened (立案) in the period.
	Opened int `json:"opened"`
	// OnTime and Late were decided by or after their deadline.
	OnTime int `json:"on_time"`
	Late   int `json:"late"`
	// Overdue are undecided and past their deadline; Running are undecided
	// within it.
	Overdue int `json:"overdue"`
	Running int `json:"running"`
	// Ended ended without a decision (撤案, 移送).
	Ended int `json:"ended"`
	// OnTimeRate is OnTime / (OnTime + Late), 0 when none was decided.
	OnTimeRate float64 `json:"on_time_rate"`
}

// CategoryPenalty is the category of the workbench's cases: 行政处罚 (its
// cases follow the ordinary penalty procedure). The other categories are
// counted from the enforcement acts (casework.Act).
const CategoryPenalty = "行政处罚"

// categories counts q's acts by category after the penalty cases: every
// built-in category (a zero is an answer in an annual report), then the
// configured ones that have acts or belong to the agency asked about.
func (ix *Index) categories(q Query, cases int) []Count {
	n := map[string]int{}
	for _, a := range ix.acts {
		if (q.Agency == "" || a.agency == q.Agency) && q.Period.Contains(a.date) {
			n[a.category]++
		}
	}
	out := []Count{{Key: "penalty", Label: CategoryPenalty, N: cases}}
	seen := map[string]bool{}
	add := func(c casework.ActCategory, always bool) {
		if seen[c.Code] || (!always && n[c.Code] == 0) {
			return
		}
		seen[c.Code] = true
		out = append(out, Count{Key: c.Code, Label: c.Label, N: n[c.Code]})
	}
	for _, c := range ix.cfg.ActCategories.For(q.Agency) {
		add(c, true)
	}
	for _, agency := range sortedKeys(ix.cfg.ActCategories.Agencies) {
		for _, c := range ix.cfg.ActCategories.Agencies[agency] {
			add(c, false)
		}
	}
	// Acts of a category no longer configured are still counted, under
	// their code.
	for _, code := range sortedKeys(n) {
		add(casework.ActCategory{Code: code, Label: code}, false)
	}
	return out
}

// AmountBand is a fine band of the statistics: [Min, Max) yuan; Max 0 is open.
type AmountBand struct {
	Key      string
	Label    string
	Min, Max float64
}

// AmountBands are the bands fines are counted in.
var AmountBands = []AmountBand{
	{"none", "未罚款", 0, 0},
	{"lt1k", "1千元以下", 0.01, 1000},
	{"1k-10k", "1千至1万元", 1000, 10000},
	{"10k-50k", "1万至5万元", 10000, 50000},
	{"50k-100k", "5万至10万元", 50000, 100000},
	{"100k-1m", "10万至100万元", 100000, 1000000},
	{"ge1m", "100万元以上", 1000000, 0},
}

// BandOf returns the key of the band a fine falls in.
func BandOf(fine float64) string {
	if fine <= 0 {
		return AmountBands[0].Key
	}
	for _, b := range AmountBands[1:] {
		if fine >= b.Min && (b.Max == 0 || fine < b.Max) {
			return b.Key
		}
	}
	return AmountBands[1].Key
}

// decision reports whether r is a decision on a penalty: a proposal decided
// and not ended otherwise.
func (r *record) decision() bool {
	return r.proposed && !r.decided.IsZero() && r.stage.Decided() &&
		r.stage != casework.StageNotFiled && r.stage != casework.StageWithdrawn && r.stage != casework.StageTransferred
}

// Stats returns the report for q. Errors: ErrInvalid (wrapped) for an
// unknown agency or a period whose start is not before its end; the
// store's errors when bringing the index up to date.
func (ix *Index) Stats(ctx context.Context, q Query) (Report, error) {
	if err := ix.refresh(ctx); err != nil {
		return Report{}, err
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if err := ix.check(q); err != nil {
		return Report{}, err
	}
	now := ix.cfg.Now().UTC()
	rep := Report{Agency: q.Agency, AgencyName: "全市", Generated: now}
	if q.Agency != "" {
		rep.AgencyName = ix.agencies[q.Agency].Name
	}
	if !q.Period.From.IsZero() {
		rep.From = q.Period.From.Format(time.DateOnly)
	}
	if !q.Period.To.IsZero() {
		rep.To = q.Period.To.Format(time.DateOnly)
	}
	stage, source, agency := counter{}, counter{}, counter{}
	disp, sector, viol, band := counter{}, counter{}, counter{}, counter{}
	for _, r := range ix.cases {
		if q.Agency != "" && r.agency != q.Agency {
			continue
		}
		if q.Period.Contains(r.created) {
			rep.Cases++
			stage.add(string(r.stage), 0)
			src := r.source
			if src == "" {
				src = "未填写"
			}
			source.add(src, 0)
			agency.add(r.agency, 0)
			if r.stage == casework.StageTransferred {
				rep.Transferred++
			}
		}
		if r.decision() && q.Period.Contains(r.decided) {
			rep.Decisions++
			rep.FineTotal += r.fine
			rep.ConfiscationTotal += r.confiscation
			disp.add(string(r.disposition), r.fine)
			sec := string(r.sector)
			if sec == "" {
				sec = "未填写"
			}
			sector.add(sec, r.fine)
			viol.add(r.basis, r.fine)
			band.add(BandOf(r.fine), r.fine)
		}
		if q.Period.Contains(r.opened) {
			t := &rep.Timeliness
			t.Opened++
			switch {
			case r.stage.Decided() && !r.decided.IsZero():
				if !r.due.IsZero() && r.decided.After(r.due) {
					t.Late++
				} else {
					t.OnTime++
				}
			case r.stage.Ended():
				t.Ended++
			case !r.due.IsZero() && now.After(r.due):
				t.Overdue++
			default:
				t.Running++
			}
		}
	}
	if d := rep.Timeliness.OnTime + rep.Timeliness.Late; d > 0 {
		rep.Timeliness.OnTimeRate = float64(rep.Timeliness.OnTime) / float64(d)
	}
	rep.ByCategory = ix.categories(q, rep.Cases)
	for _, c := range rep.ByCategory[1:] {
		rep.Acts += c.N
	}
	rep.ByStage = stage.rows(func(k string) string { return casework.Stage(k).Label() }, stageOrder)
	rep.BySource = source.rows(identity, nil)
	if q.Agency == "" {
		rep.ByAgency = agency.rows(func(k string) string { return ix.agencies[k].Name }, nil)
	}
	rep.ByDisposition = disp.rows(identity, nil)
	rep.BySector = sector.rows(identity, nil)
	rep.ByViolation = viol.rows(ix.violation, nil)
	rep.ByAmountBand = bandRows(band)
	if q.Agency == "" && len(ix.shared) > 0 {
		src, names := counter{}, map[string]string{}
		sh := &SharedCounts{}
		for _, r := range ix.shared {
			if q.Period.Contains(r.decided) {
				sh.Decisions++
				sh.FineTotal += r.fine
				src.add(r.agency, r.fine)
				names[r.agency] = r.agencyName
			}
		}
		sh.BySource = src.rows(func(k string) string { return names[k] }, nil)
		rep.Shared = sh
	}
	return rep, nil
}

func identity(s string) string { return s }

func stageOrder(a, b string) int {
	return cmp.Compare(slices.Index(casework.Stages(), casework.Stage(a)), slices.Index(casework.Stages(), casework.Stage(b)))
}

type tally struct {
	n     int
	fines float64
}

type counter map[string]*tally

func (c counter) add(k string, fine float64) {
	t := c[k]
	if t == nil {
		t = &tally{}
		c[k] = t
	}
	t.n++
	t.fines += fine
}

// rows lists the counter's keys with their labels, by order (nil: most
// cases first, then key).
func (c counter) rows(label func(string) string, order func(a, b string) int) []Count {
	out := make([]Count, 0, len(c))
	for k, t := range c {
		l := label(k)
		if l == "" {
			l = k
		}
		out = append(out, Count{Key: k, Label: l, N: t.n, Fines: t.fines})
	}
	slices.SortFunc(out, func(a, b Count) int {
		if order != nil {
			return order(a.Key, b.Key)
		}
		return cmp.Or(cmp.Compare(b.N, a.N), cmp.Compare(a.Key, b.Key))
	})
	return out
}

// bandRows lists every band in order, empty ones included (a chart's axis).
func bandRows(c counter) []Count {
	out := make([]Count, 0, len(AmountBands))
	for _, b := range AmountBands {
		row := Count{Key: b.Key, Label: b.Label}
		if t := c[b.Key]; t != nil {
			row.N, row.Fines = t.n, t.fines
		}
		out = append(out, row)
	}
	return out
}
