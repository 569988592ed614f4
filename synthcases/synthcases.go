// Package synthcases generates synthetic enforcement cases for
// demonstrations, tests and benchmarks (`cailiang demo seed`): agencies,
// their officers and cases over the discretion catalog's benchmarks, with
// anomalies planted on purpose and listed (Planted), so that the early
// warnings can be measured against a known truth.
//
// Every record says it is synthetic: agency and party names carry （模拟）,
// titles start with 【模拟】, the source is 模拟数据, the facts start with
// 【模拟数据，非真实案件】, ID numbers contain "SIM" (never a valid
// 统一社会信用代码: the letters I, O, S, V and Z are not used in those) and
// the attached analysis says "synthetic": true.
package synthcases

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/oversight"
	"github.com/cailiang/cailiang/rules"
)

// ErrInvalid is wrapped for a configuration that cannot be generated.
var ErrInvalid = errors.New("invalid generator configuration")

// Note is the import note of every generated record.
const Note = "模拟数据"

// Config says what to generate.
type Config struct {
	// Cases and Agencies are how many (1–1,000,000 and 1–100). Cases
	// counts the planted ones too (fewer when the period is too short to
	// hold overdue cases).
	Cases, Agencies int
	// Seed makes the output reproducible.
	Seed uint64
	// Period bounds the cases' registration dates; Now is the day the data
	// describe (deadlines run against it). Period.To must not be after Now.
	Period oversight.Period
	Now    time.Time
	// Catalog supplies the benchmarks and their suggested ranges.
	Catalog *rules.Catalog
	// NearDays is the warnings' near-deadline window, kept clear of clean
	// cases (0: oversight's default).
	NearDays int
	// Acts is how many enforcement acts besides the cases (许可、检查、强制、
	// 征收) to generate over the period (0: half of Cases; negative: none).
	Acts int
}

// Anomaly is one planted anomaly: the warning model that should find it and
// what it should name.
type Anomaly struct {
	Kind oversight.Kind
	// Agency and Subject (benchmark, officer or party ID) as the warning
	// names them; Subject is empty for anomalies about single cases.
	Agency, Subject string
	// Cases are indices into Batch.Cases.
	Cases []int
}

// Batch is what Generate returns: records ready for casework's Import.
type Batch struct {
	Agencies []casework.Agency
	Users    []casework.User
	Cases    []casework.Case
	// Acts are enforcement acts other than penalty cases, by agency and
	// category, dated in the period (IDs assigned when loaded).
	Acts    []casework.Act
	Planted []Anomaly
}

// usable is a benchmark with a suggested fine range.
type usable struct {
	id, name     string
	sector       legal.Sector
	smin, smax   float64
	statutoryMax float64
}

// sectors are the fields agencies are drawn from, three districts each.
var sectors = []struct {
	sector legal.Sector
	code   string
	name   string
}{
	{"市场监管", "scjg", "市场监督管理局"},
	{"生态环境", "sthj", "生态环境局"},
	{"交通运输", "jtys", "交通运输局"},
	{"应急管理", "yjgl", "应急管理局"},
}

var districts = []string{"东城区", "西城区", "南湖区", "北山区", "江北区", "高新区", "新港区", "滨海区"}

var activeStages = []casework.Stage{casework.StageInvestigating, casework.StageDiscretion, casework.StageNotified,
	casework.StageReview, casework.StageApproval}

// officersPerAgency is how many officers each agency has.
const officersPerAgency = 6

// Generate builds a batch. ErrInvalid (wrapped) for counts out of range, a
// period not ending by Now, or a catalog without benchmarks for the sectors.
func Generate(cfg Config) (Batch, error) {
	if cfg.Cases < 1 || cfg.Cases > 1_000_000 || cfg.Agencies < 1 || cfg.Agencies > 100 {
		return Batch{}, fmt.Errorf("cases %d (1–1000000), agencies %d (1–100): %w", cfg.Cases, cfg.Agencies, ErrInvalid)
	}
	if cfg.Catalog == nil || cfg.Period.From.IsZero() || cfg.Period.To.IsZero() || !cfg.Period.From.Before(cfg.Period.To) ||
		cfg.Now.Before(cfg.Period.To) {
		return Batch{}, fmt.Errorf("catalog, period [from, to) and now ≥ to are required: %w", ErrInvalid)
	}
	near := cfg.NearDays
	if near <= 0 {
		near = oversight.DefaultThresholds.NearDays
	}
	bySector := map[legal.Sector][]usable{}
	for _, b := range cfg.Catalog.All() {
		s, err := cfg.Catalog.Suggest(b.ID, rules.Facts{PartyKind: "单位", ActDate: "2025-06-01", DecisionDate: "2025-08-01"})
		if err != nil || s.Suggested == nil || s.Suggested.FineMin <= 0 || s.Suggested.FineMax <= s.Suggested.FineMin || s.Statutory == nil {
			continue
		}
		if len(bySector[b.Sector]) < 15 {
			bySector[b.Sector] = append(bySector[b.Sector], usable{b.ID, b.Name, b.Sector, s.Suggested.FineMin, s.Suggested.FineMax, s.Statutory.FineMax})
		}
	}
	g := &gen{cfg: cfg, near: near, rng: rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x9e3779b97f4a7c15))}
	// Agencies: sector i%4, district i/4; plus the supervising 司法局.
	agencySector := make([]int, cfg.Agencies)
	for i := range cfg.Agencies {
		si := i % len(sectors)
		if len(bySector[sectors[si].sector]) == 0 {
			return Batch{}, fmt.Errorf("catalog has no benchmark with a suggested range for %s: %w", sectors[si].sector, ErrInvalid)
		}
		agencySector[i] = si
		code := fmt.Sprintf("sim-%s-%d", sectors[si].code, i/len(sectors)+1)
		name := "模拟市" + districts[(i/len(sectors))%len(districts)] + sectors[si].name + "（模拟）"
		g.b.Agencies = append(g.b.Agencies, casework.Agency{Code: code, Name: name})
		for o := range officersPerAgency {
			g.b.Users = append(g.b.Users, casework.User{ID: fmt.Sprintf("%s-o%d", code, o+1), Name: fmt.Sprintf("模拟执法员%d-%d", i+1, o+1),
				Agency: code, Roles: []casework.Role{casework.RoleOfficer}, Created: cfg.Period.From})
		}
		g.b.Users = append(g.b.Users,
			casework.User{ID: code + "-leader", Name: fmt.Sprintf("模拟负责人%d", i+1), Agency: code, Roles: []casework.Role{casework.RoleLeader}, Created: cfg.Period.From},
			casework.User{ID: code + "-reviewer", Name: fmt.Sprintf("模拟审核员%d", i+1), Agency: code, Roles: []casework.Role{casework.RoleReviewer}, Created: cfg.Period.From})
	}
	g.b.Agencies = append(g.b.Agencies, casework.Agency{Code: "sim-sfj", Name: "模拟市司法局（模拟）", Supervising: true})
	g.b.Users = append(g.b.Users, casework.User{ID: "sim-sfj-reviewer", Name: "模拟执法监督员", Agency: "sim-sfj",
		Roles: []casework.Role{casework.RoleReviewer, casework.RoleLeader}, Created: cfg.Period.From})

	// The clean cases, spread evenly over agencies, each on one of its
	// sector's benchmarks; the planted ones make up the rest of Cases.
	for i := range max(cfg.Cases-planted(cfg), cfg.Cases/2) {
		a := i % cfg.Agencies
		bs := bySector[sectors[agencySector[a]].sector]
		g.clean(a, bs[g.rng.IntN(len(bs))])
	}
	g.plant(agencySector, bySector)
	g.acts()
	return g.b, nil
}

// actMix is how often each built-in category and outcome is drawn: an
// agency inspects and licenses far more often than it coerces or levies.
var actMix = []struct {
	category string
	weight   int
	outcomes []string
}{
	{"inspection", 50, []string{"no_findings", "no_findings", "no_findings", "findings", "case_opened"}},
	{"licensing", 30, []string{"granted", "granted", "granted", "granted", "refused"}},
	{"coercion", 12, []string{"seal", "seize", "seize", "freeze", "enforcement"}},
	{"levy", 8, []string{"collected", "collected", "collected", "reduced"}},
}

// acts generates the enforcement acts with their own random stream, so
// that the cases of a seed are the same with or without them.
func (g *gen) acts() {
	n := g.cfg.Acts
	if n == 0 {
		n = g.cfg.Cases / 2
	}
	rng := rand.New(rand.NewPCG(g.cfg.Seed^0xa5a5, g.cfg.Seed))
	total := 0
	for _, m := range actMix {
		total += m.weight
	}
	span := g.cfg.Period.To.Sub(g.cfg.Period.From)
	for i := range max(n, 0) {
		a := g.b.Agencies[i%g.cfg.Agencies]
		w := rng.IntN(total)
		m := actMix[0]
		for _, x := range actMix {
			if w < x.weight {
				m = x
				break
			}
			w -= x.weight
		}
		day := g.cfg.Period.From.Add(time.Duration(rng.Int64N(int64(span)))).UTC()
		g.b.Acts = append(g.b.Acts, casework.Act{Agency: a.Code, Category: m.category, Date: day.Format(time.DateOnly),
			Officer: fmt.Sprintf("%s-o%d", a.Code, rng.IntN(officersPerAgency)+1), Unit: "模拟执法大队",
			Subject: fmt.Sprintf("模拟企业A%05d有限公司（模拟）", rng.IntN(90000)+1), Outcome: m.outcomes[rng.IntN(len(m.outcomes))],
			Note: Note})
	}
}

// planted is how many cases plant adds (at most).
func planted(cfg Config) int {
	n := max(5, cfg.Cases/1000)
	out := 2*n + max(3, n/2)
	if cfg.Agencies >= 2 {
		out += 6
	}
	return out
}

type gen struct {
	cfg  Config
	near int
	rng  *rand.Rand
	b    Batch
	// parties numbers the synthetic parties.
	parties int
}

func (g *gen) agency(a int) string { return g.b.Agencies[a].Code }

func (g *gen) officer(a int) string {
	return fmt.Sprintf("%s-o%d", g.agency(a), g.rng.IntN(officersPerAgency)+1)
}

func (g *gen) party() casework.Party {
	g.parties++
	return casework.Party{Kind: "organisation", Name: fmt.Sprintf("模拟企业%05d有限公司（模拟）", g.parties),
		IDNumber: fmt.Sprintf("91SIM%013d", g.parties), Address: "模拟市模拟路（模拟）"}
}

// day returns a random registration time in the period, at least minAge
// before Now when minAge > 0 (ok false when the period has no such day).
func (g *gen) day(minAge time.Duration) (time.Time, bool) {
	from, to := g.cfg.Period.From, g.cfg.Period.To
	if minAge > 0 && to.After(g.cfg.Now.Add(-minAge)) {
		to = g.cfg.Now.Add(-minAge)
	}
	if !from.Before(to) {
		return time.Time{}, false
	}
	span := to.Sub(from)
	t := from.Add(time.Duration(g.rng.Int64N(int64(span))))
	return t.UTC().Truncate(time.Second), true
}

func roundFine(v float64) float64 { return math.Round(v/100) * 100 }

// inRange is a fine in the suggested range, evenly spread.
func (g *gen) inRange(b usable) float64 {
	v := roundFine(b.smin + g.rng.Float64()*(b.smax-b.smin))
	return math.Min(math.Max(v, b.smin), b.smax)
}

func analysis(risk string) []byte {
	return fmt.Appendf(nil, `{"synthetic":true,"transfer":{"risk":%q}}`, risk)
}

// newCase is a case of agency a on benchmark b registered at created,
// decided on time when that day has come (else still running).
func (g *gen) newCase(a int, b usable, created time.Time) casework.Case {
	p := g.party()
	opened := created.Add(24 * time.Hour)
	c := casework.Case{Agency: g.agency(a), Title: "【模拟】" + p.Name + " " + b.name, Source: Note, Party: p, Sector: b.sector,
		Facts:    "【模拟数据，非真实案件】" + p.Name + "涉嫌" + b.name + "。",
		Officers: []string{g.officer(a)}, Analysis: analysis(rules.RiskNone), Opened: opened,
		Due: opened.AddDate(0, 0, casework.DefaultDecisionDays), Created: created, Stage: casework.StageClosed,
		Proposal: &casework.Proposal{Disposition: legal.DispositionPenalty, Basis: b.id, SuggestedMin: b.smin, SuggestedMax: b.smax},
	}
	c.Proposal.Fine = g.inRange(b)
	c.Decided = opened.Add(time.Duration(10+g.rng.IntN(70)) * 24 * time.Hour)
	if c.Decided.After(g.cfg.Now.Add(-24 * time.Hour)) {
		if c.Due.After(g.cfg.Now.AddDate(0, 0, g.near+1)) {
			c.Stage, c.Decided = activeStages[g.rng.IntN(len(activeStages))], time.Time{}
		} else {
			c.Decided = g.cfg.Now.Add(-24 * time.Hour)
		}
	}
	c.Updated = created
	if !c.Decided.IsZero() {
		c.Updated = c.Decided
	}
	return c
}

// clean adds an unremarkable case: most are penalties in the suggested
// range; some are mitigated, aggravated or not punished with a recorded
// reason, some transferred (analysis: likely) or ended otherwise.
func (g *gen) clean(a int, b usable) {
	created, _ := g.day(0)
	c := g.newCase(a, b, created)
	if c.Stage == casework.StageClosed {
		switch x := g.rng.Float64(); {
		case x < 0.05:
			c.Proposal.Disposition, c.Proposal.Fine = legal.DispositionLighter, roundFine(b.smin*(0.5+0.4*g.rng.Float64()))
			c.Proposal.Deviation = "当事人主动消除违法行为危害后果，依法从轻处罚"
		case x < 0.07:
			c.Proposal.Disposition, c.Proposal.Fine = legal.DispositionHeavier, math.Min(roundFine(b.smax*(1.05+0.1*g.rng.Float64())), b.statutoryMax)
			c.Proposal.Deviation = "违法行为造成严重后果，依法从重处罚"
		case x < 0.09:
			c.Proposal.Disposition, c.Proposal.Fine = legal.DispositionNone, 0
			c.Proposal.Deviation = "初次违法且危害后果轻微并及时改正，依法不予行政处罚"
		case x < 0.11:
			c.Stage, c.Decided, c.Proposal = casework.StageTransferred, time.Time{}, nil
			c.Analysis = analysis(rules.RiskLikely)
		case x < 0.13:
			c.Stage, c.Decided, c.Proposal = casework.StageWithdrawn, time.Time{}, nil
		case x < 0.16:
			c.Analysis = analysis(rules.RiskNear)
		case x < 0.20:
			c.Stage = casework.StageExecuted
		case x < 0.22:
			c.Proposal.Confiscation = roundFine(1000 + 20000*g.rng.Float64())
		}
	}
	g.b.Cases = append(g.b.Cases, c)
}

// plant adds the anomalies, each listed in Planted: fines outside the
// range without a reason, one benchmark fined far higher in one agency,
// one officer always at the top end, cases past their deadline, likely
// crimes not transferred, one party fined in several agencies.
func (g *gen) plant(agencySector []int, bySector map[legal.Sector][]usable) {
	n := max(5, g.cfg.Cases/1000)
	pick := func(a int) usable {
		bs := bySector[sectors[agencySector[a]].sector]
		return bs[g.rng.IntN(len(bs))]
	}
	add := func(c casework.Case) int { g.b.Cases = append(g.b.Cases, c); return len(g.b.Cases) - 1 }
	// 1. Outside the suggested range, no reason.
	for i := range n {
		a := i % g.cfg.Agencies
		b := pick(a)
		created, _ := g.day(200 * 24 * time.Hour)
		if created.IsZero() {
			created, _ = g.day(0)
		}
		c := g.newCase(a, b, created)
		c.Stage = casework.StageClosed
		if c.Decided.IsZero() {
			c.Decided = c.Opened.Add(24 * time.Hour)
		}
		if i%2 == 0 {
			c.Proposal.Fine = roundFine(b.smax * (1.3 + 0.5*g.rng.Float64()))
		} else {
			c.Proposal.Fine = math.Max(100, roundFine(b.smin*(0.2+0.3*g.rng.Float64())))
		}
		g.b.Planted = append(g.b.Planted, Anomaly{Kind: oversight.KindUnexplainedDeviation, Agency: c.Agency, Cases: []int{add(c)}})
	}
	// 2. One benchmark fined far higher in one agency (with reasons recorded:
	// each case looks explained, only the comparison shows the pattern).
	if g.cfg.Agencies > len(sectors) {
		a := 1 % g.cfg.Agencies
		b := bySector[sectors[agencySector[a]].sector][0]
		var idx []int
		for i, c := range g.b.Cases {
			if c.Agency == g.agency(a) && c.Proposal != nil && c.Proposal.Basis == b.id && c.Stage.Decided() && c.Proposal.Fine > 0 {
				c.Proposal = cloneProposal(c.Proposal)
				c.Proposal.Disposition = legal.DispositionHeavier
				c.Proposal.Fine = roundFine(b.smax + (b.smax-b.smin)*(2+g.rng.Float64()))
				c.Proposal.Deviation = "情节严重，依法从重处罚"
				g.b.Cases[i] = c
				idx = append(idx, i)
			}
		}
		g.b.Planted = append(g.b.Planted, Anomaly{Kind: oversight.KindBenchmarkDispersion, Agency: g.agency(a), Subject: b.id, Cases: idx})
	}
	// 3. One officer always at the top of the range.
	{
		a := 2 % g.cfg.Agencies
		officer := g.agency(a) + "-o1"
		var idx []int
		for i, c := range g.b.Cases {
			if c.Officers[0] != officer || c.Proposal == nil || !c.Stage.Decided() || c.Proposal.Deviates() || c.Proposal.Fine <= 0 ||
				slices.ContainsFunc(g.b.Planted, func(p Anomaly) bool { return slices.Contains(p.Cases, i) }) {
				continue
			}
			c.Proposal = cloneProposal(c.Proposal)
			p := c.Proposal
			p.Fine = math.Floor((p.SuggestedMax-(0.05*g.rng.Float64())*(p.SuggestedMax-p.SuggestedMin))/100) * 100
			if p.Fine < p.SuggestedMin+0.9*(p.SuggestedMax-p.SuggestedMin) {
				p.Fine = p.SuggestedMax
			}
			g.b.Cases[i] = c
			idx = append(idx, i)
		}
		g.b.Planted = append(g.b.Planted, Anomaly{Kind: oversight.KindOfficerAtOneEnd, Agency: g.agency(a), Subject: officer, Cases: idx})
	}
	// 4. Past the decision deadline, still being worked.
	for i := range n {
		a := (i + 3) % g.cfg.Agencies
		created, ok := g.day(time.Duration(casework.DefaultDecisionDays+5) * 24 * time.Hour)
		if !ok {
			break
		}
		c := g.newCase(a, pick(a), created)
		c.Stage, c.Decided, c.Updated = activeStages[i%len(activeStages)], time.Time{}, created
		g.b.Planted = append(g.b.Planted, Anomaly{Kind: oversight.KindOverdue, Agency: c.Agency, Cases: []int{add(c)}})
	}
	// 5. A likely crime, closed with a fine instead of a transfer.
	for i := range max(3, n/2) {
		a := (i + 5) % g.cfg.Agencies
		created, _ := g.day(0)
		c := g.newCase(a, pick(a), created)
		c.Analysis = analysis(rules.RiskLikely)
		g.b.Planted = append(g.b.Planted, Anomaly{Kind: oversight.KindTransferNotMade, Agency: c.Agency, Cases: []int{add(c)}})
	}
	// 6. One party with cases in three agencies (and a clean party with two
	// cases in one agency, which is not a pattern across agencies).
	if g.cfg.Agencies >= 2 {
		p := g.party()
		p.Name = "模拟反复违法有限公司（模拟）"
		var idx []int
		var agencies []string
		for k := range 4 {
			a := (k * 3) % g.cfg.Agencies
			created, _ := g.day(0)
			c := g.newCase(a, pick(a), created)
			c.Party, c.Title = p, "【模拟】"+p.Name+" "+c.Title[len("【模拟】"):]
			idx = append(idx, add(c))
			if !slices.Contains(agencies, c.Agency) {
				agencies = append(agencies, c.Agency)
			}
		}
		slices.Sort(agencies)
		g.b.Planted = append(g.b.Planted, Anomaly{Kind: oversight.KindRepeatParty, Agency: agencies[0], Subject: p.IDNumber, Cases: idx})
		q := g.party()
		for range 2 {
			created, _ := g.day(0)
			c := g.newCase(0, pick(0), created)
			c.Party = q
			add(c)
		}
	}
}

func cloneProposal(p *casework.Proposal) *casework.Proposal { cp := *p; return &cp }

// Load imports a batch through the service as actor (an admin): agencies
// and users first, then the cases MaxImport at a time, then the acts
// MaxActs at a time, each import one transaction with its log entries.
// It returns the stored IDs of
// b.Cases, in order; on error the imports before the failing one stay.
func Load(ctx context.Context, svc *casework.Service, actor casework.User, b Batch, progress func(done, total int)) ([]string, error) {
	if _, err := svc.Import(ctx, actor, casework.Import{Agencies: b.Agencies, Users: b.Users, Note: Note}); err != nil {
		return nil, fmt.Errorf("seed agencies and users: %w", err)
	}
	ids := make([]string, 0, len(b.Cases))
	for start := 0; start < len(b.Cases); start += casework.MaxImport {
		end := min(start+casework.MaxImport, len(b.Cases))
		got, err := svc.Import(ctx, actor, casework.Import{Cases: b.Cases[start:end], Note: Note})
		if err != nil {
			return ids, fmt.Errorf("seed cases %d–%d: %w", start+1, end, err)
		}
		for _, c := range got {
			ids = append(ids, c.ID)
		}
		if progress != nil {
			progress(end, len(b.Cases))
		}
	}
	for start := 0; start < len(b.Acts); start += casework.MaxActs {
		end := min(start+casework.MaxActs, len(b.Acts))
		if _, err := svc.RecordActs(ctx, actor, b.Acts[start:end]); err != nil {
			return ids, fmt.Errorf("seed acts %d–%d: %w", start+1, end, err)
		}
	}
	return ids, nil
}
