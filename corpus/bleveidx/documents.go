package bleveidx

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/nlp"
)

func articleDocID(statuteID string, a corpus.Article) string {
	return statuteID + "#" + strconv.Itoa(a.Number) + "-" + strconv.Itoa(a.Suffix)
}

func dateNum(d string) float64 {
	if len(d) != 10 {
		return 0
	}
	n, err := strconv.Atoi(d[0:4] + d[5:7] + d[8:10])
	if err != nil {
		return 0
	}
	return float64(n)
}

func normDoc(ia corpus.IndexedArticle) map[string]interface{} {
	st, a := ia.Statute, ia.Article
	return map[string]interface{}{
		"text":         a.Text(),
		"text_cjk":     a.Text(),
		"title":        st.Title,
		"chapter":      strings.Join(a.Chapter, " "),
		"law":          st.Law,
		"category":     st.Category,
		"region":       st.Region,
		"statute_id":   st.ID,
		"label":        a.Label(),
		"version_date": st.VersionDate,
		"version_num":  dateNum(st.VersionDate),
		"in_force":     st.InForce,
		"number":       float64(a.Number),
		"suffix":       float64(a.Suffix),
	}
}

// IndexArticles adds or replaces articles in batches of cfg.BatchSize,
// several batches at once: bleve analyses a batch's documents in parallel
// but builds its segment in the calling goroutine, which was most of an
// import's indexing time on one core while the other waited. An article
// listed twice is indexed as its last listing, as one batch after another
// would leave it.
func (ix *Index) IndexArticles(ctx context.Context, arts []corpus.IndexedArticle) error {
	ix.changed()
	defer ix.changed()
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	last := make(map[string]int, len(arts))
	for i, ia := range arts {
		last[articleDocID(ia.Statute.ID, ia.Article)] = i
	}
	var (
		wg    sync.WaitGroup
		errMu sync.Mutex
		first error
	)
	slots := make(chan struct{}, indexWorkers())
	submit := func(b *bleve.Batch) {
		slots <- struct{}{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-slots }()
			if err := ix.norms.Batch(b); err != nil {
				errMu.Lock()
				first = errors.Join(first, fmt.Errorf("index articles: %w", err))
				errMu.Unlock()
			}
		}()
	}
	b := ix.norms.NewBatch()
	var err error
	for i, ia := range arts {
		if err = ctx.Err(); err != nil {
			break
		}
		id := articleDocID(ia.Statute.ID, ia.Article)
		if last[id] != i {
			continue
		}
		if err = b.Index(id, normDoc(ia)); err != nil {
			err = fmt.Errorf("index article %s %s: %w", ia.Statute.Law, ia.Article.Label(), err)
			break
		}
		if b.Size() >= ix.cfg.BatchSize {
			submit(b)
			b = ix.norms.NewBatch()
		}
	}
	if err == nil && b.Size() > 0 {
		submit(b)
	}
	wg.Wait()
	return errors.Join(err, first)
}

// indexWorkers is how many batches IndexArticles has in flight: one per
// core, at most 4 (each holds a batch's documents in memory).
func indexWorkers() int {
	return min(max(runtime.GOMAXPROCS(0), 1), 4)
}

// DeleteStatute removes every article of a statute version.
func (ix *Index) DeleteStatute(ctx context.Context, statuteID string) error {
	ix.changed()
	defer ix.changed()
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	for {
		q := bleve.NewTermQuery(statuteID)
		q.SetField("statute_id")
		req := bleve.NewSearchRequestOptions(q, 1000, 0, false)
		res, err := ix.norms.SearchInContext(ctx, req)
		if err != nil {
			return fmt.Errorf("delete statute %s: %w", statuteID, err)
		}
		if len(res.Hits) == 0 {
			return nil
		}
		b := ix.norms.NewBatch()
		for _, h := range res.Hits {
			b.Delete(h.ID)
		}
		if err := ix.norms.Batch(b); err != nil {
			return fmt.Errorf("delete statute %s: %w", statuteID, err)
		}
	}
}

func caseDoc(c corpus.Case) map[string]interface{} {
	var basis []string
	for _, b := range c.Basis {
		basis = append(basis, b.Law+nlp.ArticleLabel(b.Article, b.Suffix))
	}
	return map[string]interface{}{
		"id":             c.ID,
		"title":          c.Title,
		"facts":          c.Facts,
		"facts_cjk":      c.Facts,
		"disputes":       strings.Join(c.Disputes, "\n"),
		"basis_text":     strings.Join(basis, " "),
		"sector":         string(c.Sector),
		"violation_type": c.ViolationType,
		"region":         c.Region,
		"disposition":    string(c.Disposition),
		"agency":         c.Agency,
		"decision_date":  c.DecisionDate,
		"date_num":       dateNum(c.DecisionDate),
		"fine":           c.Penalty.Fine,
		"illustrative":   c.Illustrative,
	}
}

// IndexCases adds or replaces cases.
func (ix *Index) IndexCases(ctx context.Context, cases []corpus.Case) error {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	b := ix.cases.NewBatch()
	for _, c := range cases {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := b.Index(c.ID, caseDoc(c)); err != nil {
			return fmt.Errorf("index case %s: %w", c.ID, err)
		}
		if b.Size() >= ix.cfg.BatchSize {
			if err := ix.cases.Batch(b); err != nil {
				return fmt.Errorf("index cases: %w", err)
			}
			b.Reset()
		}
	}
	if err := ix.cases.Batch(b); err != nil {
		return fmt.Errorf("index cases: %w", err)
	}
	return nil
}
