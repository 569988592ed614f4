// Package oversight is what the body that supervises enforcement (司法局)
// and an agency's leaders look at: statistics of the cases for an agency or
// the whole city over a period (Report), and early warnings that explain
// themselves with their reason, their numbers and the cases behind them
// (Warning).
//
// It reads casework's Store and never writes: an Index keeps a compact
// projection of every case in memory and brings it up to date from the
// full-process log before each question (only the cases named by entries
// appended since), so that a question over 20,000 cases costs a pass over
// memory, not a decoding of the store.
package oversight

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/legal"
)

// ErrInvalid is wrapped by queries with a malformed period or an unknown
// agency, and by exports to an unknown format.
var ErrInvalid = errors.New("invalid query")

// Config configures an Index.
type Config struct {
	// Store is the workbench's store (required).
	Store casework.Store
	// Violations names the benchmarks cases rest on (Proposal.Basis → the
	// violation's name), filled from the catalog by the wiring; a basis
	// without a name is shown as its ID.
	Violations map[string]string
	// Warnings are the early warnings' thresholds, the city's and per
	// agency (zero fields inherit; see Thresholds).
	Warnings Settings
	// Now is the clock deadlines are measured against (nil: time.Now).
	Now func() time.Time
	// ActCategories are the categories of enforcement acts configured
	// besides the built-in ones (their labels in the statistics).
	ActCategories casework.ActCategories
}

// Index answers statistics and warnings over a store's cases.
type Index struct {
	cfg Config
	mu  sync.RWMutex
	// seq is the last log entry the projection reflects (0: not loaded).
	seq      uint64
	loaded   bool
	cases    map[string]*record
	acts     map[string]actRecord
	agencies map[string]casework.Agency
	// shared are other agencies' decisions received in exchange files
	// (casework.SharedRecord): never counted as the city's cases, read only
	// where another agency's decision says something about ours (a party
	// offending again). Reloaded whole when an import is logged.
	shared []*record
	// cached holds the city's warnings by log state, period and minute.
	cacheMu sync.Mutex
	cached  map[string][]Warning
}

// New returns an Index; ErrInvalid when cfg has no store or thresholds
// that do not Validate. Nothing is read
// until the first question.
func New(cfg Config) (*Index, error) {
	if cfg.Store == nil {
		return nil, fmt.Errorf("oversight: no store: %w", ErrInvalid)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if err := cfg.Warnings.Validate(); err != nil {
		return nil, err
	}
	return &Index{cfg: cfg, cases: map[string]*record{}, acts: map[string]actRecord{}, agencies: map[string]casework.Agency{},
		cached: map[string][]Warning{}}, nil
}

// record is the part of a case statistics and warnings read.
type record struct {
	id, agency, title             string
	sector                        legal.Sector
	basis                         string
	disposition                   legal.Disposition
	proposed                      bool
	fine, confiscation            float64
	suggestedMin, suggestedMax    float64
	deviates, reasoned            bool
	stage                         casework.Stage
	created, opened, due, decided time.Time
	officer                       string
	partyID, partyName            string
	source                        string
	risk                          string
	// shared marks another agency's decision; id is then its key and
	// agencyName the source agency's name.
	shared     bool
	agencyName string
	// reviewSubmitted and reviewDue: when the case entered 法制审核 and the
	// review's deadline (zero outside review or without a calendar).
	reviewSubmitted, reviewDue time.Time
}

// projectShared is the part of a shared record warnings read: its date is
// the decision's (it has no registration here).
func projectShared(s casework.SharedRecord) *record {
	return &record{id: s.Key, agency: s.SourceAgency, title: s.Title, sector: s.Sector, stage: s.Stage, created: s.Decided,
		opened: s.Opened, decided: s.Decided, partyID: s.PartyID, partyName: s.PartyName, basis: s.Decision.Basis,
		disposition: s.Decision.Disposition, proposed: true, fine: s.Decision.Fine, shared: true, agencyName: s.SourceAgencyName}
}

// loadShared replaces the shared records from tx (call under ix.mu).
func (ix *Index) loadShared(tx casework.ReadTx) error {
	all, err := tx.SharedRecords("")
	if err != nil {
		return err
	}
	ix.shared = make([]*record, len(all))
	for i, s := range all {
		ix.shared[i] = projectShared(s)
	}
	return nil
}

// actRecord is the part of an enforcement act the statistics read.
type actRecord struct {
	agency, category string
	date             time.Time
}

func projectAct(a casework.Act) actRecord {
	d, _ := time.Parse(time.DateOnly, a.Date) // stores hold valid days only
	return actRecord{agency: a.Agency, category: a.Category, date: d}
}

// analysisTransfer is the one part of an attached analysis read here: the
// criminal-transfer risk (none, near, likely) of /v1/analyze.
type analysisTransfer struct {
	Transfer struct {
		Risk string `json:"risk"`
	} `json:"transfer"`
}

func project(c casework.Case) *record {
	r := &record{id: c.ID, agency: c.Agency, title: c.Title, sector: c.Sector, stage: c.Stage, created: c.Created,
		opened: c.Opened, due: c.Due, decided: c.Decided, partyID: c.Party.IDNumber, partyName: c.Party.Name, source: c.Source}
	if len(c.Officers) > 0 {
		r.officer = c.Officers[0]
	}
	if c.Stage == casework.StageReview && c.Review != nil {
		r.reviewSubmitted, r.reviewDue = c.Review.Submitted, c.Review.Due
	}
	if p := c.Proposal; p != nil {
		r.proposed = true
		r.basis, r.disposition, r.fine, r.confiscation = p.Basis, p.Disposition, p.Fine, p.Confiscation
		r.suggestedMin, r.suggestedMax = p.SuggestedMin, p.SuggestedMax
		r.deviates, r.reasoned = p.Deviates(), p.Deviation != ""
	}
	if len(c.Analysis) > 0 {
		var a analysisTransfer
		if json.Unmarshal(c.Analysis, &a) == nil {
			r.risk = a.Transfer.Risk
		}
	}
	return r
}

// actCreated is the log action of a recorded act (casework.RecordActs).
const actCreated = "act.create"

// allCases is the Limit that lists every case in one page.
const allCases = 1 << 30

// refresh brings the projection up to the store's last log entry: the first
// time it reads every case, afterwards only those named by newer entries.
func (ix *Index) refresh(ctx context.Context) error {
	var last uint64
	err := ix.cfg.Store.View(ctx, func(tx casework.ReadTx) error {
		e, ok, err := tx.LastEntry()
		if ok {
			last = e.Seq
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("oversight: read the log: %w", err)
	}
	ix.mu.RLock()
	current := ix.loaded && ix.seq == last
	ix.mu.RUnlock()
	if current {
		return nil
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.loaded && ix.seq == last {
		return nil
	}
	err = ix.cfg.Store.View(ctx, func(tx casework.ReadTx) error {
		e, ok, err := tx.LastEntry()
		if err != nil {
			return err
		}
		last = 0
		if ok {
			last = e.Seq
		}
		agencies, err := tx.Agencies()
		if err != nil {
			return err
		}
		ix.agencies = make(map[string]casework.Agency, len(agencies))
		for _, a := range agencies {
			ix.agencies[a.Code] = a
		}
		if !ix.loaded {
			all, err := tx.Cases(casework.CaseFilter{Limit: allCases})
			if err != nil {
				return err
			}
			ix.cases = make(map[string]*record, len(all))
			for _, c := range all {
				ix.cases[c.ID] = project(c)
			}
			if err := ix.loadShared(tx); err != nil {
				return err
			}
			acts, err := tx.Acts(casework.ActFilter{})
			if err != nil {
				return err
			}
			ix.acts = make(map[string]actRecord, len(acts))
			for _, a := range acts {
				ix.acts[a.ID] = projectAct(a)
			}
			return nil
		}
		changed := map[string]bool{}
		imported := false
		var acts []string
		err = tx.Entries(ix.seq+1, func(e casework.Entry) error {
			if e.CaseID != "" && e.Seq <= last {
				changed[e.CaseID] = true
			}
			imported = imported || e.Action == casework.ActionSharedImport
			if e.Action == actCreated && e.Seq <= last {
				acts = append(acts, e.Subject)
			}
			return nil
		})
		if err != nil {
			return err
		}
		if imported {
			if err := ix.loadShared(tx); err != nil {
				return err
			}
		}
		for _, id := range acts {
			a, err := tx.Act(id)
			if err != nil {
				return err
			}
			ix.acts[id] = projectAct(a)
		}
		for id := range changed {
			c, err := tx.Case(id)
			if errors.Is(err, casework.ErrNotFound) {
				delete(ix.cases, id)
				continue
			}
			if err != nil {
				return err
			}
			ix.cases[id] = project(c)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("oversight: load cases: %w", err)
	}
	ix.seq, ix.loaded = last, true
	return nil
}

// Agency returns a known agency; ErrInvalid (wrapped) for an unknown code.
// It brings the index up to date first, so store errors are returned too.
func (ix *Index) Agency(ctx context.Context, code string) (casework.Agency, error) {
	if err := ix.refresh(ctx); err != nil {
		return casework.Agency{}, err
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	a, ok := ix.agencies[code]
	if !ok {
		return casework.Agency{}, fmt.Errorf("agency %q: unknown: %w", code, ErrInvalid)
	}
	return a, nil
}

// Period is a half-open interval of days [From, To); a zero bound is open.
type Period struct {
	From, To time.Time
}

// Year returns the period of a calendar year (in UTC).
func Year(y int) Period {
	return Period{From: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(y+1, 1, 1, 0, 0, 0, 0, time.UTC)}
}

// Contains reports whether t falls in p; a zero t never does.
func (p Period) Contains(t time.Time) bool {
	if t.IsZero() {
		return false
	}
	return (p.From.IsZero() || !t.Before(p.From)) && (p.To.IsZero() || t.Before(p.To))
}

func (p Period) valid() error {
	if !p.From.IsZero() && !p.To.IsZero() && !p.From.Before(p.To) {
		return fmt.Errorf("period: from %s is not before to %s: %w", p.From.Format(time.DateOnly), p.To.Format(time.DateOnly), ErrInvalid)
	}
	return nil
}

// Query selects what a report or the warnings cover: one agency ("" for
// the whole city) and a period.
type Query struct {
	Agency string
	Period Period
}

// check validates q against the loaded agencies (call under the lock).
func (ix *Index) check(q Query) error {
	if err := q.Period.valid(); err != nil {
		return err
	}
	if q.Agency != "" {
		if _, ok := ix.agencies[q.Agency]; !ok {
			return fmt.Errorf("agency %q: unknown: %w", q.Agency, ErrInvalid)
		}
	}
	return nil
}

func (ix *Index) violation(basis string) string {
	if n := ix.cfg.Violations[basis]; n != "" {
		return n
	}
	return basis
}

func errorsIsInvalid(err error) bool { return errors.Is(err, ErrInvalid) }
