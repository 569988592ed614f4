// Package eval measures how well cailiang finds the law: suites of labelled
// queries run against a norm searcher, scored with standard retrieval metrics
// (recall@k, MRR, set F1, NDCG, accuracy), and reported as a Markdown table or
// JSON. Suites read labelled data from the shared data folder (never shipped)
// or from our own relevance sets embedded here.
//
// Rows of a public dataset that carry no usable gold label (an empty answer
// or charge list, a LeCaRD query without judgements) are skipped and counted
// in Result.Skipped, so one such row does not stop a run; rows that are
// damaged (not JSON, no input text) fail it. Our own embedded sets are
// validated whole instead: a missing label there is a bug in the file.
//
// The searcher is an interface so that suites run against the real bleve
// library (see Open) or an in-memory fake in tests.
package eval

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/cailiang/cailiang/caseanalysis"
	"github.com/cailiang/cailiang/corpus"
)

// NormSearcher searches statute articles. LibrarySearcher adapts a
// corpus.Library in one search mode; tests use an in-memory fake.
type NormSearcher interface {
	SearchNorms(ctx context.Context, q corpus.NormQuery) (corpus.Results[corpus.NormHit], error)
}

// LibrarySearcher searches a corpus.Library in a fixed search mode, so that
// the same suites measure bm25, vector or hybrid retrieval.
type LibrarySearcher struct {
	Library *corpus.Library
	// Mode is corpus.ModeBM25 (also when empty), corpus.ModeVector or
	// corpus.ModeHybrid.
	Mode corpus.SearchMode
}

var _ NormSearcher = LibrarySearcher{}

// SearchNorms searches the library in s.Mode (query expansion included). It
// returns the library's errors, e.g. corpus.ErrNoVectors for a vector mode
// without vectors configured.
func (s LibrarySearcher) SearchNorms(ctx context.Context, q corpus.NormQuery) (corpus.Results[corpus.NormHit], error) {
	return s.Library.SearchNorms(ctx, q, s.Mode)
}

// Env is what suites run against.
type Env struct {
	// DataDir is the shared public data folder (../shared/data), which holds
	// the labelled datasets such as lawbench/.
	DataDir string
	// Norms answers norm searches.
	Norms NormSearcher
	// Logger receives per-suite summaries; nil discards them.
	Logger *slog.Logger
	// Progress, when set, is told how far a suite has got (queries done of
	// total); the command line draws a bar with it.
	Progress func(suite string, done, total int)
	// Analyzer answers case analysis for the scenario suite; see
	// app.App.Analyzer.
	Analyzer CaseAnalyzer
	// LeCaRDQueries, when positive, limits the lecard suite to the first n
	// dev queries (tests; `cailiang eval` runs all of them).
	LeCaRDQueries int
	// VectorIndex configures the vector-index suite (its PGDSN adds the
	// pgvector rows).
	VectorIndex VectorIndexOptions
	// FreshFiles are JSONL files of first-sight rows (development-set
	// format, in no model) the exemplar-fresh suite scores with and
	// without the learned vote.
	FreshFiles []string
}

// CaseAnalyzer analyses case facts; *caseanalysis.Analyzer implements it.
type CaseAnalyzer interface {
	Analyze(ctx context.Context, req caseanalysis.Request) (caseanalysis.Result, error)
}

func (e Env) log() *slog.Logger {
	if e.Logger == nil {
		return slog.New(slog.DiscardHandler)
	}
	return e.Logger
}

func (e Env) progress(suite string, done, total int) {
	if e.Progress != nil {
		e.Progress(suite, done, total)
	}
}

// Result is one measured number.
type Result struct {
	// Suite and Metric name the number, e.g. norm-relset / success@5.
	Suite  string `json:"suite"`
	Metric string `json:"metric"`
	// Value is the measurement, usually a share between 0 and 1.
	Value float64 `json:"value"`
	// Baseline is a published or reference number on the same scale, nil
	// when there is none.
	Baseline *float64 `json:"baseline"`
	// BaselineNote says where the baseline comes from and how comparable it
	// is.
	BaselineNote string `json:"baseline_note,omitempty"`
	// N is the number of queries or rows the value is computed over.
	N int `json:"n"`
	// Skipped is the number of dataset rows left out of N because they carry
	// no usable gold label: none at all (an empty answer, an empty charge
	// list, a query without judgements) or one the task cannot score (an
	// answer of another shape, a class its scorer excludes). The same count
	// is on every result of a suite.
	Skipped int `json:"skipped"`
}

// errUnlabelled is wrapped for a dataset row without a usable gold label;
// suites skip such rows and count them in Result.Skipped.
var errUnlabelled = fmt.Errorf("no usable gold label: %w", ErrBadRow)

// withSkipped records on every result of a suite how many rows it skipped
// for having no usable label.
func withSkipped(rs []Result, skipped int) []Result {
	for i := range rs {
		rs[i].Skipped = skipped
	}
	return rs
}

// Suite is one named evaluation.
type Suite struct {
	// Name is how the command line selects the suite.
	Name string
	// Doc says in one line what the suite measures.
	Doc string
	// Run measures and returns the suite's results.
	Run func(ctx context.Context, env Env) ([]Result, error)
}

// ErrUnknownSuite is returned by Run for a suite name that does not exist.
var ErrUnknownSuite = errors.New("unknown suite")

// ErrNoSearcher is returned by suites that need Env.Norms when it is nil.
var ErrNoSearcher = errors.New("no norm searcher")

// Suites returns the built-in suites in their reporting order.
func Suites() []Suite {
	return []Suite{
		{Name: SuiteNormRelset, Doc: "officer-style queries → expected penalty provisions (our relevance set)", Run: runNormRelset},
		{Name: SuiteLawBench31, Doc: "LawBench 3-1 fact → 刑法 articles, as BM25 retrieval (dev part)", Run: runLawBench31},
		{Name: SuiteLeCaRD, Doc: "LeCaRD similar-case ranking, NDCG@10/20/30, bm25/vector/hybrid, protocols (a) labelled and (b) pool (dev part)", Run: runLeCaRD},
		{Name: SuiteLawBench33, Doc: "LawBench 3-3 fact → charges from charge names and 刑法 paragraphs, no labelled facts, F1 (dev part)", Run: runLawBench33},
		{Name: SuiteLeCaRDCharges, Doc: "LeCaRD query facts → charges, same predictor as lawbench-3-3, F1 (dev part)", Run: runLeCaRDCharges},
		{Name: SuiteLawBench37, Doc: "LawBench 3-7 crime amount from judgment facts with nlp.CrimeAmount, LawBench accuracy (dev part)", Run: runLawBench37},
		{Name: SuiteLawBench22, Doc: "LawBench 2-2 dispute focus, naive Bayes 5-fold cross-validated on the dev part, accuracy", Run: runLawBench22},
		{Name: SuiteAdminScenarios, Doc: "our administrative case scenarios → case analysis: benchmark, statutory range, disposition, level, transfer risk", Run: runAdminScenarios},
		{Name: SuiteAdminNoise, Doc: "the development set's tuning half as written and wrapped in a published decision's party, procedure, evidence and closing paragraphs: basis, range, disposition, transfer", Run: runAdminNoise},
		{Name: SuiteExemplarCV, Doc: "the learned vote cross-validated on the development set's tuning half (folds by hash and by file): the vote alone and the engine's basis for several weights", Run: runExemplarCV},
		{Name: SuiteExemplarFresh, Doc: "first-sight rows (--fresh files, in no model) with and without the learned vote", Run: runExemplarFresh},
		{Name: SuiteSCM, Doc: "CAIL2019-SCM triplets: accuracy of sim(A,B) > sim(A,C), tfidf/vector/hybrid (dev part)", Run: runSCM},
		{Name: SuiteVectorIndex, Doc: "recall@10 and p50 of memvec's HNSW and pgvector (--pg) against exact search, random and LSA vectors", Run: runVectorIndex},
	}
}

// SuiteNames returns the names of the built-in suites.
func SuiteNames() []string {
	var names []string
	for _, s := range Suites() {
		names = append(names, s.Name)
	}
	return names
}

// Run runs the named suites (all when names is empty) in the order given and
// returns their results concatenated. It returns ErrUnknownSuite before
// running anything when a name is unknown, and otherwise the first suite
// error, wrapped with the suite's name.
func Run(ctx context.Context, env Env, names []string) ([]Result, error) {
	all := Suites()
	byName := map[string]Suite{}
	for _, s := range all {
		byName[s.Name] = s
	}
	var todo []Suite
	if len(names) == 0 {
		todo = all
	}
	for _, n := range names {
		s, ok := byName[n]
		if !ok {
			return nil, fmt.Errorf("%w %q (known: %s)", ErrUnknownSuite, n, strings.Join(SuiteNames(), ", "))
		}
		todo = append(todo, s)
	}
	var out []Result
	for _, s := range todo {
		start := time.Now()
		rs, err := s.Run(ctx, env)
		if err != nil {
			return out, fmt.Errorf("suite %s: %w", s.Name, err)
		}
		n, skipped := 0, 0
		if len(rs) > 0 {
			n, skipped = rs[0].N, rs[0].Skipped
		}
		env.log().Info("eval suite done", "suite", s.Name, "n", n, "skipped", skipped, "metrics", len(rs), "took_ms", time.Since(start).Milliseconds())
		out = append(out, rs...)
	}
	return out, nil
}

func formatValue(v float64) string {
	return strconv.FormatFloat(v, 'f', 4, 64)
}

// cell makes text safe inside a Markdown table cell.
func cell(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.ReplaceAll(s, "\n", " ")
}

// Markdown writes results as a table | suite | metric | value | baseline | n |
// skipped |; a baseline's note follows its number. It returns the first write
// error.
func Markdown(w io.Writer, rs []Result) error {
	var b strings.Builder
	b.WriteString("| suite | metric | value | baseline | n | skipped |\n")
	b.WriteString("|---|---|---:|---|---:|---:|\n")
	for _, r := range rs {
		base := ""
		if r.Baseline != nil {
			base = formatValue(*r.Baseline)
		}
		if r.BaselineNote != "" {
			if base != "" {
				base += " "
			}
			base += "(" + r.BaselineNote + ")"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %d | %d |\n", cell(r.Suite), cell(r.Metric), formatValue(r.Value), cell(base), r.N, r.Skipped)
	}
	_, err := io.WriteString(w, b.String())
	if err != nil {
		return fmt.Errorf("write markdown report: %w", err)
	}
	return nil
}

// WriteJSON writes results as an indented JSON array (baseline null when
// none, skipped always present). It returns the first encoding or write error.
func WriteJSON(w io.Writer, rs []Result) error {
	if rs == nil {
		rs = []Result{}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(rs); err != nil {
		return fmt.Errorf("write json report: %w", err)
	}
	return nil
}

func ptr(v float64) *float64 { return &v }
