package corpus

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"sort"
	"sync"
)

// Library ties the Store (system of record), the search Index derived from
// it, and the citation Resolver together. Every write goes to the Store first
// (committed and fsynced), then to the Index; the Index records the store
// generation it reflects so a crash in between is repaired by EnsureIndexed.
type Library struct {
	store    *Store
	index    Index
	resolver *Resolver
	log      *slog.Logger

	// writeMu serialises writers so generations are recorded in order.
	writeMu  sync.Mutex
	progress func(stage string, done, total int)
	vectors  *Vectors
}

// NewLibrary returns a Library over store and index. log may be nil.
func NewLibrary(store *Store, index Index, log *slog.Logger) *Library {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Library{store: store, index: index, resolver: NewResolver(store), log: log}
}

// SetProgress sets a callback for long imports and reindexing (stage is
// "store" once the statutes are stored, "statutes" while they are indexed,
// "vectors" while they are embedded, or "cases"). It must be called before
// concurrent use.
func (l *Library) SetProgress(fn func(stage string, done, total int)) { l.progress = fn }

// Store returns the system of record.
func (l *Library) Store() *Store { return l.store }

// Index returns the search index.
func (l *Library) Index() Index { return l.index }

// Resolver returns the citation resolver.
func (l *Library) Resolver() *Resolver { return l.resolver }

func (l *Library) report(stage string, done, total int) {
	if l.progress != nil {
		l.progress(stage, done, total)
	}
}

// ImportReport summarises a statute import.
type ImportReport struct {
	Statutes int `json:"statutes"`
	Articles int `json:"articles"`
	// Changed is the number of stored statute versions that were added,
	// replaced or changed in-force status.
	Changed int `json:"changed"`
	// Unchanged is the number of statutes skipped because the stored
	// version has the same digest.
	Unchanged int `json:"unchanged"`
	// Indexed is the number of articles written to the index.
	Indexed int `json:"indexed"`
}

// StatuteSource yields statutes one by one (corpus.ReadLawrefJSONL and
// corpus.ReadStatuteDir have this shape once bound to their input).
type StatuteSource func(fn func(Statute) error) error

// ImportStatutes reads every statute from src, stores them in one
// transaction (so a bad file changes nothing), and indexes what changed.
func (l *Library) ImportStatutes(ctx context.Context, src StatuteSource) (ImportReport, error) {
	return l.ImportStatutesThen(ctx, src, nil)
}

// ImportStatutesThen is ImportStatutes calling stored, when it is not nil,
// once the changed statutes are committed to the store and before they are
// indexed (never when nothing changed). Work that reads only the store,
// such as training the embedder, can then run beside the indexing, which
// alone leaves a core idle at the end of every chunk and while the store
// is read.
func (l *Library) ImportStatutesThen(ctx context.Context, src StatuteSource, stored func()) (ImportReport, error) {
	var sts []Statute
	rep := ImportReport{}
	err := src(func(st Statute) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		sts = append(sts, st)
		rep.Articles += len(st.Articles)
		return nil
	})
	if err != nil {
		return rep, fmt.Errorf("import statutes: %w", err)
	}
	rep.Statutes = len(sts)
	l.writeMu.Lock()
	defer l.writeMu.Unlock()
	g0, err := l.store.Generation()
	if err != nil {
		return rep, fmt.Errorf("import statutes: %w", err)
	}
	changed, skipped, err := l.store.PutStatutes(sts)
	if err != nil {
		return rep, fmt.Errorf("import statutes: %w", err)
	}
	rep.Changed, rep.Unchanged = len(changed), skipped
	if g1, err := l.store.Generation(); err != nil || g1 == g0 {
		// Every version was already stored as it is: the index and the
		// vectors are untouched too.
		l.log.Info("statutes unchanged", "statutes", rep.Statutes)
		return rep, err
	}
	// Stage "store": committed to the store, not yet indexed or embedded.
	l.log.Info("statutes stored", "statutes", rep.Statutes, "changed", rep.Changed)
	l.report("store", len(sts), len(sts))
	if stored != nil {
		stored()
	}
	n, err := l.indexStatutes(ctx, changed, true)
	rep.Indexed = n
	if err != nil {
		return rep, fmt.Errorf("import statutes: index: %w", err)
	}
	if err := l.markIndexed(); err != nil {
		return rep, err
	}
	if _, err := l.SyncVectors(ctx); err != nil {
		// Statutes are stored and indexed; the vectors catch up at the
		// next SyncVectors (every start).
		l.log.Error("statutes imported but not all embedded", "err", err)
	}
	l.log.Info("statutes imported", "statutes", rep.Statutes, "articles", rep.Articles, "changed", rep.Changed, "indexed", rep.Indexed)
	return rep, nil
}

// searchable reports which statutes are indexed: of identical versions filed
// under two categories (广告法 in 经济法 and 行政法) only the first by
// category, so search does not show every article twice.
func (l *Library) searchable() map[string]bool {
	infos := l.store.StatuteInfos()
	sort.Slice(infos, func(i, j int) bool { return infos[i].Category < infos[j].Category })
	seen := map[string]bool{}
	out := map[string]bool{}
	for _, info := range infos {
		// The 案例 category holds editorial Q&A about labour disputes, not
		// norms, with no stated licence: stored, never searched.
		if info.Category == "案例" {
			continue
		}
		k := groupKey(info.Statute) + "\x00" + info.VersionDate
		if seen[k] {
			continue
		}
		seen[k] = true
		out[info.ID] = true
	}
	return out
}

func (l *Library) indexStatutes(ctx context.Context, ids []string, replace bool) (int, error) {
	keep := l.searchable()
	total := 0
	for _, id := range ids {
		if info, err := l.store.StatuteInfo(id); err == nil && keep[id] {
			total += info.ArticleCount
		}
	}
	// chunk articles are handed to the index at once, which builds them
	// in batches, one per core in flight, and waits for all before the
	// next chunk: a chunk of several batches per core keeps both cores
	// busy (5,000 left one idle for the last batch of each) and makes
	// fewer, larger segments for bleve to merge.
	const chunk = 18000
	var batch []IndexedArticle
	done := 0
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if err := l.index.IndexArticles(ctx, batch); err != nil {
			return err
		}
		done += len(batch)
		batch = batch[:0]
		l.report("statutes", done, total)
		return nil
	}
	for _, id := range ids {
		if replace {
			if err := l.index.DeleteStatute(ctx, id); err != nil {
				return done, err
			}
		}
		if !keep[id] {
			continue
		}
		info, err := l.store.StatuteInfo(id)
		if err != nil {
			return done, err
		}
		err = l.store.Articles(id, func(a Article) error {
			batch = append(batch, IndexedArticle{Statute: info, Article: a})
			if len(batch) >= chunk {
				return flush()
			}
			return nil
		})
		if err != nil {
			return done, err
		}
	}
	return done, flush()
}

func (l *Library) markIndexed() error {
	g, err := l.store.Generation()
	if err != nil {
		return err
	}
	return l.index.SetGeneration(g)
}

// ImportCases validates and stores cases all-or-nothing, then indexes them.
// On a validation error nothing is stored and the error is a *RowError.
func (l *Library) ImportCases(ctx context.Context, cases []Case) error {
	l.writeMu.Lock()
	defer l.writeMu.Unlock()
	if err := l.store.PutCases(cases); err != nil {
		return err
	}
	if err := l.index.IndexCases(ctx, cases); err != nil {
		// The cases are stored and the write is accepted; the generation
		// mark is not advanced, so EnsureIndexed repairs the index on the
		// next start.
		l.log.Error("cases stored but not indexed", "err", err)
		return nil
	}
	if l.vectors != nil {
		items := make([]pending, len(cases))
		for i, c := range cases {
			items[i] = casePending(c)
		}
		_, err := l.ensureCollection(ctx, collCases)
		if err == nil {
			err = l.embedBatch(ctx, collCases, items)
		}
		if err != nil {
			l.log.Error("cases stored but not embedded", "err", err)
		}
	}
	return l.markIndexed()
}

// Reindex rebuilds the whole search index from the Store.
func (l *Library) Reindex(ctx context.Context) error {
	l.writeMu.Lock()
	defer l.writeMu.Unlock()
	return l.reindexLocked(ctx)
}

func (l *Library) reindexLocked(ctx context.Context) error {
	if err := l.index.Reset(); err != nil {
		return err
	}
	var ids []string
	for _, info := range l.store.StatuteInfos() {
		ids = append(ids, info.ID)
	}
	n, err := l.indexStatutes(ctx, ids, false)
	if err != nil {
		return fmt.Errorf("reindex statutes: %w", err)
	}
	var cases []Case
	if err := l.store.Cases(func(c Case) error { cases = append(cases, c); return nil }); err != nil {
		return fmt.Errorf("reindex cases: %w", err)
	}
	if err := l.index.IndexCases(ctx, cases); err != nil {
		return fmt.Errorf("reindex cases: %w", err)
	}
	l.report("cases", len(cases), len(cases))
	l.log.Info("reindexed", "articles", n, "cases", len(cases))
	return l.markIndexed()
}

// EnsureIndexed rebuilds the index when it does not reflect the Store's
// latest generation (first start, a crash between store and index writes, or
// a deleted index directory).
func (l *Library) EnsureIndexed(ctx context.Context) error {
	l.writeMu.Lock()
	defer l.writeMu.Unlock()
	current, sg, ig, err := l.indexCurrent()
	if err != nil || current {
		return err
	}
	l.log.Info("index out of date, rebuilding", "store_generation", sg, "index_generation", ig)
	return l.reindexLocked(ctx)
}

// IndexCurrent reports whether the index reflects the Store's latest
// generation (what EnsureIndexed would leave alone). It returns the
// generation read errors.
func (l *Library) IndexCurrent() (bool, error) {
	current, _, _, err := l.indexCurrent()
	return current, err
}

func (l *Library) indexCurrent() (current bool, storeGen, indexGen uint64, err error) {
	if storeGen, err = l.store.Generation(); err != nil {
		return false, 0, 0, err
	}
	if indexGen, err = l.index.Generation(); err != nil {
		return false, 0, 0, err
	}
	return storeGen == indexGen && storeGen != 0, storeGen, indexGen, nil
}

// LoadSamplesOnce imports the built-in illustrative cases the first time a
// data directory is used; later starts, and deletions by the user, are left
// alone.
func (l *Library) LoadSamplesOnce(ctx context.Context, jsonl []byte) (bool, error) {
	done, err := l.store.Flag("samples_loaded")
	if err != nil || done {
		return false, err
	}
	cases, err := DecodeCasesJSONL(bytes.NewReader(jsonl))
	if err != nil {
		return false, fmt.Errorf("built-in samples: %w", err)
	}
	if err := l.ImportCases(ctx, cases); err != nil {
		return false, fmt.Errorf("built-in samples: %w", err)
	}
	if err := l.store.SetFlag("samples_loaded"); err != nil {
		return false, err
	}
	return true, nil
}
