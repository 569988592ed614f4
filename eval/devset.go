package eval

import (
	"bytes"
	"context"
	"crypto/sha256"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/cailiang/cailiang/caseanalysis"
	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/rules"
)

// devSetFS holds the development set: labelled cases we wrote from the
// statutes in four styles (testdata/devset/README.md).
//
//go:embed testdata/devset
var devSetFS embed.FS

// Halves of the development set.
const (
	// DevTune is the half that may be read while tuning the analysis.
	DevTune = "tune"
	// DevReport is the half whose numbers are reported; nobody reads it
	// while tuning.
	DevReport = "report"
)

// DevHalf returns the half a row belongs to, decided by the SHA-256 of its
// facts: stable, independent of file order, and not chosen by anyone.
func DevHalf(s Scenario) string {
	sum := sha256.Sum256([]byte(s.Facts))
	if sum[0]&1 == 0 {
		return DevTune
	}
	return DevReport
}

// DevSet returns every row of the development set, files in name order. It
// returns an error wrapping ErrBadScenarios for a malformed row or an id used
// twice across files.
func DevSet() ([]Scenario, error) {
	rows, _, err := devSetFiles()
	return rows, err
}

// devSetFiles is DevSet with each row id's file name (the exemplar
// cross-validation folds by file): one read and parse for both.
func devSetFiles() ([]Scenario, map[string]string, error) {
	files, err := fs.Glob(devSetFS, "testdata/devset/*.jsonl")
	if err != nil {
		return nil, nil, err
	}
	sort.Strings(files)
	var out []Scenario
	seen := map[string]string{}
	for _, f := range files {
		raw, err := devSetFS.ReadFile(f)
		if err != nil {
			return nil, nil, err
		}
		rows, err := ParseScenarios(bytes.NewReader(raw))
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", path.Base(f), err)
		}
		for _, r := range rows {
			if r.Style == "" {
				return nil, nil, fmt.Errorf("%s: row %s has no style (development-set rows say how they are written): %w", path.Base(f), r.ID, ErrBadScenarios)
			}
			if prev, dup := seen[r.ID]; dup {
				return nil, nil, fmt.Errorf("%s: id %s already in %s: %w", path.Base(f), r.ID, prev, ErrBadScenarios)
			}
			seen[r.ID] = path.Base(f)
		}
		out = append(out, rows...)
	}
	return out, seen, nil
}

// devSplit returns the rows of one half.
func devSplit(rows []Scenario, half string) []Scenario {
	var out []Scenario
	for _, r := range rows {
		if DevHalf(r) == half {
			out = append(out, r)
		}
	}
	return out
}

// sameRef reports whether an answered provision is the expected one: law,
// article and 之 number equal, and paragraph and item equal wherever the
// expectation names them.
func sameRef(g, w legal.Ref) bool {
	return g.Law == w.Law && g.Article == w.Article && g.Suffix == w.Suffix &&
		(w.Paragraph == 0 || g.Paragraph == w.Paragraph) && (w.Item == 0 || g.Item == w.Item)
}

// penaltyBasis is the penalty provision (罚则) a violation's suggestion
// applies, if any.
func penaltyBasis(v caseanalysis.Violation) (legal.Ref, bool) {
	if v.Suggestion == nil {
		return legal.Ref{}, false
	}
	for _, b := range v.Suggestion.Basis {
		if b.Role == rules.RolePenalty {
			return b.Ref, true
		}
	}
	return legal.Ref{}, false
}

// devScore is what one development-set row's analysis got right, read
// from the answer as an officer reads it: the top violation's penalty
// provision, its statutory range and disposition, and the transfer risk.
type devScore struct {
	basis1, basis3   bool
	hasRange, ranged bool
	// hasBrackets: the row's facts lack the base; bracketed: the top
	// violation has the right provision, no single range, and every
	// expected bracket among its conditional fines.
	hasBrackets, bracketed bool
	disp                   bool
	transfer, likely       bool
}

// devTally sums the scores of a set of rows: the shares the suites over
// the development set report (admin-scenarios, exemplar-cv, exemplar-fresh).
type devTally struct {
	n, basis1, basis3, rangeN, ranged, bracketN, bracketed, disp, transfer int
}

// add counts one row's score.
func (t *devTally) add(sc devScore) {
	t.n++
	t.basis1 += b2i(sc.basis1)
	t.basis3 += b2i(sc.basis3)
	if sc.hasRange {
		t.rangeN++
		t.ranged += b2i(sc.ranged)
	}
	if sc.hasBrackets {
		t.bracketN++
		t.bracketed += b2i(sc.bracketed)
	}
	t.disp += b2i(sc.disp)
	t.transfer += b2i(sc.transfer)
}

// results are the basis, range and disposition shares under a metric
// prefix, as exemplar-cv and exemplar-fresh report them.
func (t devTally) results(suite, name string) []Result {
	return []Result{
		{Suite: suite, Metric: name + " basis@1", Value: share(t.basis1, t.n), N: t.n},
		{Suite: suite, Metric: name + " basis@3", Value: share(t.basis3, t.n), N: t.n},
		{Suite: suite, Metric: name + " statutory-range-exact", Value: share(t.ranged, t.rangeN), N: t.rangeN},
		{Suite: suite, Metric: name + " disposition", Value: share(t.disp, t.n), N: t.n},
	}
}

func scoreDev(s Scenario, res caseanalysis.Result) devScore {
	var sc devScore
	want := s.Expect.Basis[0]
	for i, v := range res.Violations {
		if i >= 3 {
			break
		}
		if got, ok := penaltyBasis(v); ok && sameRef(got, want) {
			sc.basis1 = sc.basis1 || i == 0
			sc.basis3 = true
		}
	}
	var top *rules.Suggestion
	if len(res.Violations) > 0 {
		top = res.Violations[0].Suggestion
	}
	// The range is scored where the facts fix it (or the provision has no
	// fine); rows whose facts lack the base are scored on brackets once the
	// answer carries them.
	if len(s.Expect.Brackets) == 0 {
		sc.hasRange = true
		switch {
		case top == nil:
		case s.Expect.Statutory == nil:
			sc.ranged = sc.basis1 && top.Statutory == nil
		case top.Statutory != nil:
			sc.ranged = sc.basis1 && closeTo(top.Statutory.FineMin, s.Expect.Statutory.FineMin) && closeTo(top.Statutory.FineMax, s.Expect.Statutory.FineMax)
		}
	}
	if len(s.Expect.Brackets) > 0 {
		sc.hasBrackets = true
		sc.bracketed = sc.basis1 && top != nil && top.Statutory == nil && bracketsGiven(s.Expect.Brackets, top.Conditional)
	}
	sc.disp = top != nil && top.Disposition == s.Expect.Disposition
	sc.transfer = res.Transfer.Risk == s.Expect.Transfer && (s.Expect.Crime == "" || res.Transfer.Crime == s.Expect.Crime)
	sc.likely = res.Transfer.Risk == rules.RiskLikely
	return sc
}

// bracketsGiven reports whether every expected bracket is among the
// answer's conditional fines: the same fixed range, or the same multiple of
// the same base (the base compared by its Chinese label, which the row
// writes as the statute does: 工程造价 in 工程造价或者建设工程造价).
func bracketsGiven(want []ScenarioBracket, got []rules.ConditionalFine) bool {
	for _, w := range want {
		found := false
		for _, c := range got {
			switch {
			case c.Range != nil:
				found = found || (w.FineMax > 0 && closeTo(c.Range.FineMin, w.FineMin) && closeTo(c.Range.FineMax, w.FineMax))
			case c.Multiple != nil && w.Base != "":
				found = found || (sameBase(c.Base, w.Base) && closeTo(c.Multiple.Min, w.MultipleMin) && closeTo(c.Multiple.Max, w.MultipleMax))
			case c.PerUnit != nil && w.Base != "":
				// 以每人五千元以上一万元以下: rows write the count as the base.
				// A counted quantity is compared by the label the answer
				// gives it (童工人数×使用月数) where it gives one.
				// The label is compared whole (人数 is no 童工人数×使用月数).
				unit := sameBase(c.Unit, w.Base) || c.UnitLabel != "" && sameUnitLabel(c.UnitLabel, w.Base)
				found = found || (unit && closeTo(c.PerUnit.Min, w.MultipleMin) && closeTo(c.PerUnit.Max, w.MultipleMax))
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// unitLabelNorm writes a counted quantity's label one way: × for x or *,
// half-width brackets, no spaces.
var unitLabelNorm = strings.NewReplacer("x", "×", "X", "×", "*", "×", "（", "(", "）", ")", " ", "", "　", "")

// sameUnitLabel reports whether a row's base names the same counted
// quantity as the answer's label, compared whole after normalising.
func sameUnitLabel(label, base string) bool {
	return unitLabelNorm.Replace(label) == unitLabelNorm.Replace(base)
}

// baseWords are the statutes' other names of a base, as rows quote them:
// 劳动保障监察条例 第二十六条 calls the wages owed 应付金额.
var baseWords = map[string][]string{"wages_owed": {"应付金额"}}

// sameBase reports whether the engine's base (or unit) name is the base a
// row writes in the statute's words: one of the label's alternatives
// (工程造价或者建设工程造价) within the row's words or the reverse
// (临时建设工程造价), or one of baseWords.
func sameBase(name, words string) bool {
	label := rules.ProvisionBaseLabel(name)
	if label == "" {
		return false
	}
	for _, alt := range append(strings.Split(label, "或者"), baseWords[name]...) {
		alt = strings.TrimSuffix(alt, "数")
		if alt != "" && (strings.Contains(words, alt) || strings.Contains(alt, words)) {
			return true
		}
	}
	return false
}

// scoreDevHalf reports one half of the development set with the measures of
// issue 12: penalty basis of the top violation (and in the top three),
// statutory range exact, disposition, transfer risk (with the crime), and
// recall and precision of likely transfers. Metric names start with
// "dev-<half> ".
//
// fit, when not nil, gives each row the learned vote it is scored with
// (cross-fitting of the tuning half); nil scores with the analyzer's own.
func scoreDevHalf(ctx context.Context, env Env, half string, rows []Scenario, fit *crossFit) ([]Result, error) {
	var t devTally
	var wantL, gotL, bothL int
	versions, err := lawVersionRows(rows)
	if err != nil {
		return nil, err
	}
	var newN, newB1, oldN, oldB1 int
	// Rows of a line whose law was replaced by another law (the 法典):
	// after the change, the new law cited at all by the top violation;
	// acts before it decided after, the old law kept.
	var lawNewN, lawNewOK, lawOldN, lawOldOK int
	for _, s := range rows {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		res, err := env.Analyzer.Analyze(fit.context(ctx, s), caseanalysis.Request{Facts: s.Facts, DecisionDate: s.decisionDay()})
		if err != nil {
			return nil, fmt.Errorf("dev row %s: %w", s.ID, err)
		}
		sc := scoreDev(s, res)
		t.add(sc)
		switch v := versions[s.ID]; v.kind {
		case versionNew:
			newN++
			newB1 += b2i(sc.basis1)
		case versionOld:
			oldN++
			oldB1 += b2i(sc.basis1)
		}
		if v := versions[s.ID]; v.lawChanged {
			got := topPenaltyLaw(res)
			switch {
			case v.kind == versionNew:
				lawNewN++
				lawNewOK += b2i(got == s.Expect.Basis[0].Law)
			case v.kind == versionOld && s.decisionDay() >= v.changed:
				lawOldN++
				lawOldOK += b2i(got == s.Expect.Basis[0].Law)
			}
		}
		w := s.Expect.Transfer == rules.RiskLikely
		wantL += b2i(w)
		gotL += b2i(sc.likely)
		bothL += b2i(w && sc.likely)
		// Only the tuning half's misses are shown: the reporting half is
		// measured, never read case by case.
		if !sc.basis1 && half == DevTune {
			env.log().Debug("dev miss", "half", half, "id", s.ID, "want", s.Expect.Basis[0], "got", topBases(res))
		}
		if half == DevTune {
			logDevKindMisses(env, s, res, sc)
		}
	}
	p := "dev-" + half + " "
	note := "issue 12 targets: basis@1, range exact and disposition >= 0.90; likely recall 1.0, precision >= 0.90"
	return []Result{
		{Suite: SuiteAdminScenarios, Metric: p + "basis@1", Value: share(t.basis1, t.n), BaselineNote: note, N: t.n},
		{Suite: SuiteAdminScenarios, Metric: p + "basis@3", Value: share(t.basis3, t.n), N: t.n},
		{Suite: SuiteAdminScenarios, Metric: p + "statutory-range-exact", Value: share(t.ranged, t.rangeN), N: t.rangeN},
		{Suite: SuiteAdminScenarios, Metric: p + "conditional-brackets", Value: share(t.bracketed, t.bracketN), N: t.bracketN,
			BaselineNote: "rows whose facts lack the fine's base: right provision, no single range, every bracket of the statute with its amount"},
		{Suite: SuiteAdminScenarios, Metric: p + "disposition", Value: share(t.disp, t.n), N: t.n},
		{Suite: SuiteAdminScenarios, Metric: p + "transfer-risk+crime", Value: share(t.transfer, t.n), N: t.n},
		{Suite: SuiteAdminScenarios, Metric: p + "likely-recall", Value: share(bothL, wantL), N: wantL},
		{Suite: SuiteAdminScenarios, Metric: p + "likely-precision", Value: share(bothL, gotL), N: gotL},
		{Suite: SuiteAdminScenarios, Metric: p + "new-version basis@1", Value: share(newB1, newN), N: newN,
			BaselineNote: "rows whose expected benchmark was written for a revised law (decided after it took effect): the revised article cited"},
		{Suite: SuiteAdminScenarios, Metric: p + "old-version basis@1", Value: share(oldB1, oldN), N: oldN,
			BaselineNote: "rows whose expected benchmark's law was later revised (the act-time article cited)"},
		{Suite: SuiteAdminScenarios, Metric: p + "replaced-law: new law cited", Value: share(lawNewOK, lawNewN), N: lawNewN,
			BaselineNote: "acts after a law was repealed by another (生态环境法典): the top violation's penalty basis is the new law"},
		{Suite: SuiteAdminScenarios, Metric: p + "replaced-law: old law kept", Value: share(lawOldOK, lawOldN), N: lawOldN,
			BaselineNote: "acts before the repeal decided after it: the top violation's penalty basis is the act-time law (从旧兼从轻, the new law no lighter)"},
	}, nil
}

// logDevKindMisses logs, for a tuning-half row, what else the analysis got
// wrong besides the basis: the range given the right provision, the
// disposition, and a likely transfer missed or flagged wrongly. The
// reporting half is never logged.
func logDevKindMisses(env Env, s Scenario, res caseanalysis.Result, sc devScore) {
	var top *rules.Suggestion
	if len(res.Violations) > 0 {
		top = res.Violations[0].Suggestion
	}
	if sc.basis1 && sc.hasRange && !sc.ranged {
		var got any
		if top != nil && top.Statutory != nil {
			got = *top.Statutory
		}
		env.log().Debug("dev range miss", "id", s.ID, "want", s.Expect.Statutory, "got", got)
	}
	if sc.basis1 && sc.hasBrackets && !sc.bracketed {
		var got any
		if top != nil {
			got = top.Conditional
			if top.Statutory != nil {
				got = *top.Statutory
			}
		}
		env.log().Debug("dev brackets miss", "id", s.ID, "want", s.Expect.Brackets, "got", got)
	}
	if !sc.disp {
		var got legal.Disposition
		if top != nil {
			got = top.Disposition
		}
		env.log().Debug("dev disposition miss", "id", s.ID, "want", s.Expect.Disposition, "got", got)
	}
	if (s.Expect.Transfer == rules.RiskLikely) != sc.likely {
		env.log().Debug("dev likely miss", "id", s.ID, "want", s.Expect.Transfer, "crime", s.Expect.Crime, "got", res.Transfer.Risk, "got_crime", res.Transfer.Crime)
	} else if !sc.transfer {
		// A near-threshold row answered none (or the reverse), or the right
		// risk with another crime: what the transfer-risk+crime metric counts.
		env.log().Debug("dev transfer miss", "id", s.ID, "want", s.Expect.Transfer, "crime", s.Expect.Crime, "got", res.Transfer.Risk, "got_crime", res.Transfer.Crime)
	}
}

// topBases names the penalty provisions of the best three violations, for
// the debug log of a miss.
func topBases(res caseanalysis.Result) []string {
	var got []string
	for i, v := range res.Violations {
		if i == 3 {
			break
		}
		if ref, ok := penaltyBasis(v); ok {
			got = append(got, fmt.Sprintf("%s %d/%d/%d (%s)", ref.Law, ref.Article, ref.Paragraph, ref.Item, v.BenchmarkID))
		}
	}
	return got
}

// topPenaltyLaw is the law of the top violation's penalty provision, "" when
// there is none.
func topPenaltyLaw(res caseanalysis.Result) string {
	if len(res.Violations) == 0 {
		return ""
	}
	r, _ := penaltyBasis(res.Violations[0])
	return r.Law
}

// Law versions a development-set row's expected benchmark belongs to.
const (
	versionNew = "new"
	versionOld = "old"
)

// rowVersion is where a row's expected benchmark sits in its line.
type rowVersion struct {
	kind string // versionNew, versionOld
	// lawChanged: the line's laws differ (a law repealed by another).
	lawChanged bool
	// changed is the day the expected benchmark's successor took over.
	changed string
}

// lawVersionRows classifies the rows whose expected benchmark is part of a
// line of versions (rules.Catalog.Line): written for the revised law
// (versionNew) or for a law revised since (versionOld). It returns an
// error when the built-in catalog does not load.
func lawVersionRows(rows []Scenario) (map[string]rowVersion, error) {
	cat, err := rules.LoadBuiltin()
	if err != nil {
		return nil, fmt.Errorf("dev set: %w", err)
	}
	out := map[string]rowVersion{}
	for _, s := range rows {
		b, err := cat.Get(s.Expect.BenchmarkID)
		if err != nil {
			continue
		}
		line := cat.Line(b)
		if len(line) < 2 {
			continue
		}
		v := rowVersion{kind: versionOld, lawChanged: line[0].PenaltyRef.Law != line[len(line)-1].PenaltyRef.Law, changed: b.EffectiveTo}
		if line[0] != b {
			v.kind = versionNew
		}
		out[s.ID] = v
	}
	return out, nil
}

// compactText drops white space, so quotes compare with statute text
// however either was wrapped.
func compactText(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\n', '\r', '\u3000':
			return -1
		}
		return r
	}, s)
}
