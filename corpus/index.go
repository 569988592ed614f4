package corpus

import (
	"context"

	"github.com/cailiang/cailiang/legal"
)

// NormQuery is a search over statute articles. Empty fields do not filter.
type NormQuery struct {
	Q        string
	Law      string
	Category string
	Region   string
	// InForce filters on the in-force flag when not nil.
	InForce *bool
	// From and To bound the version date (YYYY-MM-DD, inclusive).
	From, To string
	Limit    int
	Offset   int
	// NoSnippets skips highlighting, which costs more than the search
	// itself; callers that do not show snippets (case analysis) set it.
	NoSnippets bool
}

// NormHit is one article found by a norm search.
type NormHit struct {
	StatuteID   string   `json:"statute_id"`
	Law         string   `json:"law"`
	Title       string   `json:"title"`
	Category    string   `json:"category"`
	Region      string   `json:"region,omitempty"`
	VersionDate string   `json:"version_date,omitempty"`
	InForce     bool     `json:"in_force"`
	Number      int      `json:"article"`
	Suffix      int      `json:"suffix,omitempty"`
	Label       string   `json:"label"`
	Chapter     string   `json:"chapter,omitempty"`
	Text        string   `json:"text"`
	Snippets    []string `json:"snippets,omitempty"`
	Score       float64  `json:"score"`
}

// CaseQuery is a search over cases. Empty fields do not filter.
type CaseQuery struct {
	Q             string
	Sector        legal.Sector
	ViolationType string
	Region        string
	Disposition   legal.Disposition
	Agency        string
	// From and To bound the decision date (YYYY-MM-DD, inclusive).
	From, To string
	Limit    int
	Offset   int
	// NoSnippets skips highlighting; see NormQuery.NoSnippets.
	NoSnippets bool
	// Words says Q is a bag of words picked from a longer text, not text
	// as written: no phrase bonus, and only the facts and title count.
	Words bool
	// Terms, when set, replaces Q: words already cut by the index's
	// segmenter (case analysis has them), matched without analysing them
	// again.
	Terms []string
	// IDsOnly returns hits with their ID and score only, for callers that
	// read the cases from the store themselves.
	IDsOnly bool
}

// CaseHit is one case found by a case search.
type CaseHit struct {
	ID            string            `json:"id"`
	Title         string            `json:"title"`
	Sector        legal.Sector      `json:"sector"`
	ViolationType string            `json:"violation_type"`
	Region        string            `json:"region,omitempty"`
	Agency        string            `json:"agency,omitempty"`
	Disposition   legal.Disposition `json:"disposition"`
	DecisionDate  string            `json:"decision_date,omitempty"`
	Fine          float64           `json:"fine"`
	Illustrative  bool              `json:"illustrative,omitempty"`
	Snippets      []string          `json:"snippets,omitempty"`
	Score         float64           `json:"score"`
}

// Results is one page of hits.
type Results[T any] struct {
	Total uint64 `json:"total"`
	Hits  []T    `json:"hits"`
}

// IndexedArticle is one article with the metadata of its statute version, as
// the search index stores it.
type IndexedArticle struct {
	Statute StatuteInfo
	Article Article
}

// Index is the full-text index the corpus keeps in step with the Store.
// corpus/bleveidx implements it.
type Index interface {
	// IndexArticles adds or replaces articles.
	IndexArticles(ctx context.Context, arts []IndexedArticle) error
	// DeleteStatute removes every article of a statute version.
	DeleteStatute(ctx context.Context, statuteID string) error
	// IndexCases adds or replaces cases.
	IndexCases(ctx context.Context, cases []Case) error
	SearchNorms(ctx context.Context, q NormQuery) (Results[NormHit], error)
	SearchCases(ctx context.Context, q CaseQuery) (Results[CaseHit], error)
	// Generation is the store generation the index was last brought up to.
	Generation() (uint64, error)
	SetGeneration(g uint64) error
	// Counts returns the number of indexed articles and cases.
	Counts() (norms, cases uint64, err error)
	// Reset empties the index.
	Reset() error
	Close() error
}
