package eval

import (
	"bufio"
	"bytes"
	_ "embed" // the scenario set ships in the binary
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/rules"
)

// adminScenariosJSONL is written by us (not taken from the shared data):
// administrative cases as an officer writes their 案件事实, each labelled with
// the benchmark that covers it, the statutory fine range derived by hand from
// the penalty provision's in-force text, the disposition and level under
// 行政处罚法 第三十条至第三十六条 and the catalog's circumstances, and the
// criminal-transfer risk against the prosecution thresholds. The note of each
// row says why.
//
//go:embed testdata/admin_scenarios.jsonl
var adminScenariosJSONL []byte

// Transfer risk classes of a scenario (the case analysis' transfer.risk).
const (
	ScenarioRiskNone   = "none"
	ScenarioRiskNear   = "near"
	ScenarioRiskLikely = "likely"
)

// Facts length bounds, in characters (runes).
const (
	scenarioMinRunes = 60
	scenarioMaxRunes = 600
	// decisionMaxRunes admits a whole published 决定书 (party, procedure,
	// facts, evidence, reasoning, closing), not only its 违法事实.
	decisionMaxRunes = 1500
)

// ScenarioExpect is what case analysis should answer for a scenario.
type ScenarioExpect struct {
	// BenchmarkID is the catalog benchmark that covers the conduct.
	BenchmarkID string `json:"benchmark_id"`
	// Basis lists the benchmark's penalty provision (罚则).
	Basis []legal.Ref `json:"basis"`
	// Statutory is the fine range the penalty provision allows for the
	// amounts in the facts; nil when the provision has no fine.
	Statutory *rules.Range `json:"statutory"`
	// Disposition is what the engine should suggest, in either spelling
	// legal.ParseDisposition accepts; check spells it canonically.
	Disposition legal.Disposition `json:"disposition"`
	// Level is 从轻, 一般 or 从重; empty (JSON null) when the disposition is
	// 不予处罚 or 超过时效, which have no level.
	Level string `json:"level"`
	// Transfer is none, near or likely; Crime names the crime for near and
	// likely and is empty for none.
	Transfer string `json:"transfer"`
	Crime    string `json:"crime"`
	// Brackets are the provision's fine brackets when the facts do not state
	// the base the fine depends on (Statutory is then nil): the analysis
	// should give each bracket with its condition. Development-set rows only.
	Brackets []ScenarioBracket `json:"brackets,omitempty"`
}

// ScenarioBracket is one conditional fine bracket of a provision: a range,
// or a multiple of a base, under a condition on that base.
type ScenarioBracket struct {
	// When is the condition as the statute words it (货值金额不足一万元).
	When string `json:"when"`
	// FineMin and FineMax are a fixed range in yuan.
	FineMin float64 `json:"fine_min,omitempty"`
	FineMax float64 `json:"fine_max,omitempty"`
	// MultipleMin and MultipleMax are a multiple of Base (十倍以上二十倍以下).
	MultipleMin float64 `json:"multiple_min,omitempty"`
	MultipleMax float64 `json:"multiple_max,omitempty"`
	Base        string  `json:"base,omitempty"`
}

// Scenario is one labelled administrative case.
type Scenario struct {
	ID     string       `json:"id"`
	Sector legal.Sector `json:"sector"`
	// Facts is the 案件事实 narrative, as an officer writes it.
	Facts  string         `json:"facts"`
	Expect ScenarioExpect `json:"expect"`
	// Note says why the expectations hold, citing the statute's words.
	Note string `json:"note"`
	// Development-set rows (eval/testdata/devset) also say how the facts are
	// written (Style), when the act happened (Date, YYYY-MM-DD) and quote
	// the words of the penalty provision that give the range (Quote).
	Style string `json:"style,omitempty"`
	Date  string `json:"date,omitempty"`
	Quote string `json:"quote,omitempty"`
	// DecisionDate is the day the penalty is decided, for rows whose law
	// changed between the act and the decision (行政处罚法 第三十七条); a
	// row without it is decided on its Date, so it is labelled with the law
	// of that day and its answer does not drift with the clock.
	DecisionDate string `json:"decision_date,omitempty"`
}

// decisionDay is the decision date the analysis is asked for.
func (s Scenario) decisionDay() string {
	if s.DecisionDate != "" {
		return s.DecisionDate
	}
	return s.Date
}

// Writing styles of development-set rows.
const (
	// StyleInspection is an officer's note of an inspection (现场检查).
	StyleInspection = "inspection"
	// StyleDecision is the 违法事实 paragraph of a published 行政处罚决定书.
	StyleDecision = "decision"
	// StyleRegister is a terse line of a case register.
	StyleRegister = "register"
	// StyleComplaint is a complaint or a police report.
	StyleComplaint = "complaint"
)

var scenarioStyles = map[string]bool{StyleInspection: true, StyleDecision: true, StyleRegister: true, StyleComplaint: true}

// registerMinRunes is the shortest register line.
const registerMinRunes = 25

// ErrBadScenarios is wrapped by ParseScenarios for a malformed scenario file.
var ErrBadScenarios = errors.New("bad scenario file")

// scenarioDispositions are the dispositions the engine suggests.
var scenarioDispositions = map[legal.Disposition]bool{
	legal.DispositionPenalty: true, legal.DispositionNone: true, legal.DispositionLighter: true,
	legal.DispositionMitigated: true, legal.DispositionLighterOrMitigated: true, legal.DispositionExpired: true, legal.DispositionOrder: true,
}

var scenarioLevels = map[string]bool{rules.LevelLighter: true, rules.LevelNormal: true, rules.LevelHeavier: true}

// check validates one scenario on its own (the catalog is not consulted).
func (s *Scenario) check() error {
	if d, err := legal.ParseDisposition(string(s.Expect.Disposition)); err == nil {
		s.Expect.Disposition = d
	}
	e := s.Expect
	n := utf8.RuneCountInString(s.Facts)
	minRunes := scenarioMinRunes
	if s.Style == StyleRegister {
		minRunes = registerMinRunes
	}
	maxRunes := scenarioMaxRunes
	if s.Style == StyleDecision {
		maxRunes = decisionMaxRunes
	}
	dev := s.Style != "" || s.Date != "" || s.Quote != ""
	switch {
	case strings.TrimSpace(s.ID) == "":
		return errors.New("empty id")
	case !s.Sector.Valid():
		return fmt.Errorf("sector %q is not one of %s", s.Sector, legal.SectorList())
	case n < minRunes || n > maxRunes:
		return fmt.Errorf("facts has %d characters, want %d to %d", n, minRunes, maxRunes)
	case strings.TrimSpace(s.Note) == "":
		return errors.New("empty note")
	case dev && !scenarioStyles[s.Style]:
		return fmt.Errorf("style %q is not inspection, decision, register or complaint", s.Style)
	case dev && !validDate(s.Date):
		return fmt.Errorf("date %q is not YYYY-MM-DD", s.Date)
	case s.DecisionDate != "" && (!validDate(s.DecisionDate) || s.DecisionDate < s.Date):
		return fmt.Errorf("decision_date %q is not YYYY-MM-DD on or after date %q", s.DecisionDate, s.Date)
	case dev && e.Statutory != nil && strings.TrimSpace(s.Quote) == "":
		return errors.New("a statutory range needs the quote it comes from")
	case dev && e.Statutory != nil && len(e.Brackets) > 0:
		return errors.New("statutory and brackets are exclusive (brackets are for facts without the base)")
	case !dev && len(e.Brackets) > 0:
		return errors.New("brackets are for development-set rows")
	case !dev && e.BenchmarkID == "":
		return errors.New("empty expect.benchmark_id")
	case len(e.Basis) == 0:
		return errors.New("empty expect.basis")
	case !scenarioDispositions[e.Disposition]:
		return fmt.Errorf("unknown disposition %q", e.Disposition)
	}
	for i, b := range e.Basis {
		if b.Law == "" || b.Article <= 0 {
			return fmt.Errorf("expect.basis[%d] needs law and article", i)
		}
	}
	for i, b := range e.Brackets {
		fixed := b.FineMax > 0 && b.FineMin <= b.FineMax
		multiple := b.MultipleMax > 0 && b.MultipleMin <= b.MultipleMax && b.Base != ""
		if strings.TrimSpace(b.When) == "" || fixed == multiple {
			return fmt.Errorf("expect.brackets[%d] needs a condition and either a fine range or a multiple of a base", i)
		}
	}
	noLevel := e.Disposition == legal.DispositionNone || e.Disposition == legal.DispositionExpired
	switch {
	case noLevel && e.Level != "":
		return fmt.Errorf("disposition %s has no level, got %q", e.Disposition, e.Level)
	case !noLevel && !scenarioLevels[e.Level]:
		return fmt.Errorf("disposition %s needs a level (从轻, 一般 or 从重), got %q", e.Disposition, e.Level)
	}
	if r := e.Statutory; r != nil && (r.FineMin < 0 || r.FineMax < r.FineMin) {
		return fmt.Errorf("statutory range %v to %v is not a range", r.FineMin, r.FineMax)
	}
	switch e.Transfer {
	case ScenarioRiskNone:
		if e.Crime != "" {
			return fmt.Errorf("transfer none with crime %q", e.Crime)
		}
	case ScenarioRiskNear, ScenarioRiskLikely:
		if e.Crime == "" {
			return fmt.Errorf("transfer %s needs a crime", e.Transfer)
		}
	default:
		return fmt.Errorf("unknown transfer %q", e.Transfer)
	}
	return nil
}

func validDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

// ParseScenarios reads scenarios, one JSON Scenario per line (blank lines
// skipped). It returns an error wrapping ErrBadScenarios, with the line
// number, for invalid UTF-8 or JSON, unknown fields, a repeated id, facts
// shorter than 60 or longer than 600 characters, an unknown disposition,
// level or transfer class, a level where the disposition has none (or none
// where it needs one), a crime without risk or risk without crime, or a
// reversed range; read errors are returned as they are.
func ParseScenarios(r io.Reader) ([]Scenario, error) {
	br := bufio.NewReader(r)
	var out []Scenario
	seen := map[string]int{}
	for lineNo := 1; ; lineNo++ {
		line, err := br.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			if !utf8.Valid(line) {
				return nil, fmt.Errorf("scenario line %d: invalid UTF-8: %w", lineNo, ErrBadScenarios)
			}
			var s Scenario
			dec := json.NewDecoder(bytes.NewReader(line))
			dec.DisallowUnknownFields()
			if jerr := dec.Decode(&s); jerr != nil {
				return nil, fmt.Errorf("scenario line %d: %v: %w", lineNo, jerr, ErrBadScenarios)
			}
			if dec.More() {
				return nil, fmt.Errorf("scenario line %d: more than one JSON value: %w", lineNo, ErrBadScenarios)
			}
			if cerr := s.check(); cerr != nil {
				return nil, fmt.Errorf("scenario line %d (%s): %v: %w", lineNo, s.ID, cerr, ErrBadScenarios)
			}
			if prev, dup := seen[s.ID]; dup {
				return nil, fmt.Errorf("scenario line %d: id %q repeats line %d: %w", lineNo, s.ID, prev, ErrBadScenarios)
			}
			seen[s.ID] = lineNo
			out = append(out, s)
		}
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("read scenarios: %w", err)
		}
	}
}

// AdminScenarios returns our built-in administrative case scenarios. The
// embedded file is checked by tests, so an error (wrapping ErrBadScenarios)
// means a broken build.
func AdminScenarios() ([]Scenario, error) {
	return ParseScenarios(bytes.NewReader(adminScenariosJSONL))
}
