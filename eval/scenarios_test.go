package eval

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/rules"
)

// TestScenarioFile checks the embedded administrative scenarios: strict
// parsing, size and coverage, that every expected benchmark exists in the
// built-in catalog with the expected sector, provisions and transfer crime,
// and that each disposition and transfer class has its minimum number of rows.
func TestScenarioFile(t *testing.T) {
	set, err := AdminScenarios()
	if err != nil {
		t.Fatalf("AdminScenarios: %v", err)
	}
	if len(set) < 45 {
		t.Errorf("%d scenarios, want at least 45", len(set))
	}
	cat, err := rules.LoadBuiltin()
	if err != nil {
		t.Fatalf("LoadBuiltin: %v", err)
	}

	sectors := map[legal.Sector]int{}
	dispositions := map[legal.Disposition]int{}
	levels := map[string]int{}
	transfers := map[string]int{}
	ids := map[string]bool{}
	for _, s := range set {
		if ids[s.ID] {
			t.Errorf("%s: duplicate id", s.ID)
		}
		ids[s.ID] = true
		if !utf8.ValidString(s.Facts) || strings.ContainsRune(s.Facts, utf8.RuneError) {
			t.Errorf("%s: facts are not valid UTF-8", s.ID)
		}
		if n := utf8.RuneCountInString(s.Facts); n < 60 || n > 600 {
			t.Errorf("%s: facts have %d characters, want 60 to 600", s.ID, n)
		}
		sectors[s.Sector]++
		dispositions[s.Expect.Disposition]++
		levels[s.Expect.Level]++
		transfers[s.Expect.Transfer]++

		b, err := cat.Get(s.Expect.BenchmarkID)
		if err != nil {
			t.Errorf("%s: benchmark %q: %v", s.ID, s.Expect.BenchmarkID, err)
			continue
		}
		if s.Sector != b.Sector {
			t.Errorf("%s: sector %q, benchmark %s is in %q", s.ID, s.Sector, b.ID, b.Sector)
		}
		for _, ref := range s.Expect.Basis {
			if !basisOf(b, ref) {
				t.Errorf("%s: basis %+v is neither the penalty provision %+v nor a violated provision of %s", s.ID, ref, b.PenaltyRef, b.ID)
			}
		}
		if s.Expect.Statutory != nil && !hasFine(b) {
			t.Errorf("%s: statutory range given but benchmark %s has no fine", s.ID, b.ID)
		}
		if s.Expect.Transfer != ScenarioRiskNone && !strings.Contains(b.Transfer, s.Expect.Crime) {
			t.Errorf("%s: crime %q is not among benchmark %s's transfer crimes %q", s.ID, s.Expect.Crime, b.ID, b.Transfer)
		}
	}

	if len(sectors) < 8 {
		t.Errorf("%d sectors %v, want at least 8", len(sectors), sectors)
	}
	lighter := dispositions[legal.DispositionLighter] + dispositions[legal.DispositionMitigated] + dispositions[legal.DispositionLighterOrMitigated]
	for _, c := range []struct {
		what      string
		got, want int
	}{
		{"不予处罚", dispositions[legal.DispositionNone], 5},
		{"从轻/减轻", lighter, 5},
		{"从重", levels[rules.LevelHeavier], 5},
		{"超过时效", dispositions[legal.DispositionExpired], 3},
		{"transfer likely", transfers[ScenarioRiskLikely], 8},
		{"transfer near", transfers[ScenarioRiskNear], 4},
	} {
		if c.got < c.want {
			t.Errorf("%d scenarios with %s, want at least %d", c.got, c.what, c.want)
		}
	}
	t.Logf("%d scenarios; sectors %v; dispositions %v; levels %v; transfer %v", len(set), sectors, dispositions, levels, transfers)
}

// basisOf reports whether ref is b's penalty provision or one of its
// violated provisions.
func basisOf(b *rules.Benchmark, ref legal.Ref) bool {
	if ref == b.PenaltyRef {
		return true
	}
	for _, v := range b.Violated {
		if ref == v {
			return true
		}
	}
	return false
}

// hasFine reports whether any of b's penalties is a fine.
func hasFine(b *rules.Benchmark) bool {
	for _, p := range b.Penalties {
		if p.Fine != nil {
			return true
		}
	}
	return false
}

// TestParseScenariosRejects checks that malformed rows are refused with
// ErrBadScenarios.
func TestParseScenariosRejects(t *testing.T) {
	facts := strings.Repeat("某某公司于2025年3月1日销售过期食品。", 4)
	row := func(extra string) string {
		return `{"id":"x","sector":"市场监管","facts":"` + facts + `","expect":{"benchmark_id":"food-124-expired","basis":[{"law":"食品安全法","article":124,"paragraph":1,"item":5}],"statutory":{"fine_min":50000,"fine_max":100000},"disposition":"处罚","level":"一般","transfer":"none","crime":""` + extra + `},"note":"n"}`
	}
	if _, err := ParseScenarios(strings.NewReader(row("") + "\n\n")); err != nil {
		t.Fatalf("valid row refused: %v", err)
	}
	for _, c := range []struct{ name, in string }{
		{"unknown field", row(`,"extra":1`)},
		{"duplicate id", row("") + "\n" + row("")},
		{"bad disposition", strings.Replace(row(""), `"处罚"`, `"罚款"`, 1)},
		{"level on 不予处罚", strings.Replace(row(""), `"处罚"`, `"不予处罚"`, 1)},
		{"no level on 处罚", strings.Replace(row(""), `"一般"`, `null`, 1)},
		{"crime without risk", strings.Replace(row(""), `"crime":""`, `"crime":"逃税罪"`, 1)},
		{"risk without crime", strings.Replace(row(""), `"none"`, `"near"`, 1)},
		{"reversed range", strings.Replace(row(""), `"fine_min":50000`, `"fine_min":500000`, 1)},
		{"short facts", strings.Replace(row(""), facts, "过期食品", 1)},
		{"invalid UTF-8", strings.Replace(row(""), "某某", "\xff\xfe", 1)},
		{"not JSON", "{"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseScenarios(strings.NewReader(c.in))
			if !errors.Is(err, ErrBadScenarios) {
				t.Errorf("got %v, want ErrBadScenarios", err)
			}
		})
	}
}
