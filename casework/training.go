package casework

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/cailiang/cailiang/legal"
)

// Training collections (典型案例): ended cases shared for training, read
// only as anonymised extracts, browsable by sector, benchmark, disposition,
// amount and outcome; collections curated by trainers with notes; a
// side-by-side comparison of cases.

// Extract is the anonymised account of a case that trainers and other
// agencies' colleagues read: no party, no personal data.
type Extract struct {
	// CaseID is the case's ID (it names the agency and year, no person).
	CaseID string       `json:"case_id"`
	Agency string       `json:"agency"`
	Title  string       `json:"title"`
	Party  string       `json:"party"`
	Facts  string       `json:"facts"`
	Sector legal.Sector `json:"sector,omitempty"`
	// Outcome is the stage the case ended in (or is in).
	Outcome      Stage  `json:"outcome"`
	OutcomeLabel string `json:"outcome_label"`
	// Circumstances are the 情节 the analysis found (label, "未" when denied).
	Circumstances []string          `json:"circumstances"`
	Disposition   legal.Disposition `json:"disposition,omitempty"`
	Benchmark     string            `json:"benchmark,omitempty"`
	Fine          float64           `json:"fine"`
	Confiscation  float64           `json:"confiscation,omitempty"`
	SuggestedMin  float64           `json:"suggested_min,omitempty"`
	SuggestedMax  float64           `json:"suggested_max,omitempty"`
	Reasons       []string          `json:"reasons,omitempty"`
	Deviation     string            `json:"deviation,omitempty"`
	Decided       time.Time         `json:"decided,omitzero"`
}

// Anonymiser turns the case's texts into ones without personal data, by
// the same rules as publication. The app adapts the redact package to it.
type Anonymiser interface {
	// Anonymise returns texts with the party and every personal datum
	// removed; an error when a text cannot be processed.
	Anonymise(p Party, texts []string) ([]string, error)
}

// partyLabel is how an extract names the party.
func partyLabel(p Party) string {
	if p.Kind == "person" {
		return "当事人（自然人）"
	}
	return "当事人（单位）"
}

// extract builds a case's anonymised extract; ErrInvalid without an Anonymiser.
func (s *Service) extract(c Case) (Extract, error) {
	if s.cfg.Anonymiser == nil {
		return Extract{}, fmt.Errorf("anonymise case %s: 未配置脱敏规则: %w", c.ID, ErrInvalid)
	}
	x := Extract{CaseID: c.ID, Agency: c.Agency, Party: partyLabel(c.Party), Sector: c.Sector, Outcome: c.Stage,
		OutcomeLabel: c.Stage.Label(), Circumstances: circumstances(c.Analysis), Decided: c.Decided}
	texts := []string{c.Title, c.Facts}
	if p := c.Proposal; p != nil {
		x.Disposition, x.Benchmark, x.Fine, x.Confiscation = p.Disposition, p.Basis, p.Fine, p.Confiscation
		x.SuggestedMin, x.SuggestedMax = p.SuggestedMin, p.SuggestedMax
		texts = append(texts, p.Deviation)
		texts = append(texts, p.Reasons...)
	}
	out, err := s.cfg.Anonymiser.Anonymise(c.Party, texts)
	if err != nil {
		return Extract{}, fmt.Errorf("anonymise case %s: %w", c.ID, err)
	}
	if len(out) != len(texts) {
		return Extract{}, fmt.Errorf("anonymise case %s: %d texts for %d", c.ID, len(out), len(texts))
	}
	x.Title, x.Facts = out[0], out[1]
	if c.Proposal != nil {
		x.Deviation = out[2]
		x.Reasons = out[3:]
	}
	return x, nil
}

// circumstances reads the circumstance labels from an attached analysis
// (the /v1/analyze answer's facts.circumstances); none when absent.
func circumstances(analysis json.RawMessage) []string {
	out := []string{}
	if len(analysis) == 0 {
		return out
	}
	var a struct {
		Facts struct {
			Circumstances []struct {
				Label   string `json:"label"`
				Negated bool   `json:"negated"`
			} `json:"circumstances"`
		} `json:"facts"`
	}
	if json.Unmarshal(analysis, &a) != nil {
		return out
	}
	for _, c := range a.Facts.Circumstances {
		l := c.Label
		if c.Negated {
			l = "未" + l
		}
		if l != "" && !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}

// TrainingFilter selects training cases. Zero fields match everything.
type TrainingFilter struct {
	Sector      legal.Sector      `json:"sector,omitempty"`
	Benchmark   string            `json:"benchmark,omitempty"`
	Disposition legal.Disposition `json:"disposition,omitempty"`
	Outcome     Stage             `json:"outcome,omitempty"`
	// MinFine and MaxFine bound the fine in yuan (MaxFine 0: no bound).
	MinFine float64 `json:"min_fine,omitempty"`
	MaxFine float64 `json:"max_fine,omitempty"`
	// Limit bounds the answer (0: 100).
	Limit int `json:"limit,omitempty"`
}

// matches tests the case's own fields, none of them personal, so that only
// the page returned is anonymised.
func (f TrainingFilter) matches(c Case) bool {
	var p Proposal
	if c.Proposal != nil {
		p = *c.Proposal
	}
	return (f.Sector == "" || c.Sector == f.Sector) && (f.Benchmark == "" || p.Basis == f.Benchmark) &&
		(f.Disposition == "" || p.Disposition == f.Disposition) && (f.Outcome == "" || c.Stage == f.Outcome) &&
		p.Fine >= f.MinFine && (f.MaxFine <= 0 || p.Fine <= f.MaxFine)
}

// canTrain reports whether actor may read training material: trainers and
// the staff of an agency.
func canTrain(actor User) bool {
	return !actor.Disabled && (actor.Has(RoleTrainer) || (actor.Agency != "" && actor.HasAny(RoleOfficer, RoleReviewer, RoleLeader)))
}

// trainingScan bounds how many shared cases one browse reads.
const trainingScan = 5000

// TrainingCases lists the extracts of ended cases shared for training that
// match f, most recently updated first (trainers and agency staff).
func (s *Service) TrainingCases(ctx context.Context, actor User, f TrainingFilter) ([]Extract, error) {
	if !canTrain(actor) {
		return nil, fmt.Errorf("training cases: %w", ErrForbidden)
	}
	if f.Limit <= 0 || f.Limit > 100 {
		f.Limit = 100
	}
	if f.MinFine < 0 || f.MaxFine < 0 || f.MinFine != f.MinFine || f.MaxFine != f.MaxFine {
		return nil, fmt.Errorf("fine bounds: negative: %w", ErrInvalid)
	}
	var cases []Case
	err := s.cfg.Store.View(ctx, func(tx ReadTx) (err error) {
		cases, err = tx.Cases(CaseFilter{SharedOnly: true, Limit: trainingScan})
		return err
	})
	if err != nil {
		return nil, err
	}
	out := []Extract{}
	for _, c := range cases {
		if !f.matches(c) {
			continue
		}
		x, err := s.extract(c)
		if err != nil {
			return nil, err
		}
		out = append(out, x)
		if len(out) == f.Limit {
			break
		}
	}
	return out, nil
}

// sharedCase reads a case for training: ErrNotFound when unknown,
// ErrForbidden unless it has ended and is shared.
func sharedCase(tx ReadTx, id string) (Case, error) {
	c, err := tx.Case(id)
	if err != nil {
		return Case{}, err
	}
	if !c.SharedForTraining || !c.Stage.Ended() {
		return Case{}, fmt.Errorf("case %s is not shared for training: %w", id, ErrForbidden)
	}
	return c, nil
}

// TrainingCase returns the extract of one shared, ended case (ErrForbidden
// for any other case, whoever asks).
func (s *Service) TrainingCase(ctx context.Context, actor User, id string) (Extract, error) {
	if !canTrain(actor) {
		return Extract{}, fmt.Errorf("training case: %w", ErrForbidden)
	}
	var c Case
	err := s.cfg.Store.View(ctx, func(tx ReadTx) (err error) { c, err = sharedCase(tx, id); return err })
	if err != nil {
		return Extract{}, err
	}
	return s.extract(c)
}

// Compare returns the extracts of 2 to 6 shared cases side by side, in the
// order asked.
func (s *Service) Compare(ctx context.Context, actor User, ids []string) ([]Extract, error) {
	var uniq []string
	for _, id := range ids {
		if !slices.Contains(uniq, id) {
			uniq = append(uniq, id)
		}
	}
	ids = uniq
	if len(ids) < 2 || len(ids) > 6 {
		return nil, fmt.Errorf("compare: 2 to 6 different cases, not %d: %w", len(ids), ErrInvalid)
	}
	out := make([]Extract, 0, len(ids))
	for _, id := range ids {
		x, err := s.TrainingCase(ctx, actor, id)
		if err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, nil
}

// Collection is a trainers' collection of typical cases (典型案例).
type Collection struct {
	ID        string           `json:"id"`
	Title     string           `json:"title"`
	Note      string           `json:"note,omitempty"`
	Items     []CollectionItem `json:"items"`
	CreatedBy string           `json:"created_by"`
	Created   time.Time        `json:"created"`
	Updated   time.Time        `json:"updated"`
	Version   int64            `json:"version"`
}

// CollectionItem is one case of a collection with the trainer's note.
type CollectionItem struct {
	CaseID  string    `json:"case_id"`
	Note    string    `json:"note,omitempty"`
	AddedBy string    `json:"added_by"`
	Added   time.Time `json:"added"`
}

// CollectionReader reads collections inside a transaction.
type CollectionReader interface {
	// Collection returns a collection by ID; ErrNotFound when unknown.
	Collection(id string) (Collection, error)
	// Collections lists every collection, most recently updated first.
	Collections() ([]Collection, error)
}

// CollectionWriter writes collections inside a transaction.
type CollectionWriter interface {
	// CreateCollection stores a new collection; ErrExists when its ID is taken.
	CreateCollection(c Collection) error
	// UpdateCollection replaces a collection stored at version prev;
	// ErrConflict when it is at another, ErrNotFound when there is none.
	UpdateCollection(c Collection, prev int64) error
}

// maxItems bounds a collection.
const maxItems = 200

// CollectionEdit changes a collection; nil fields are kept.
type CollectionEdit struct {
	Title  *string          `json:"title,omitempty"`
	Note   *string          `json:"note,omitempty"`
	Add    []CollectionItem `json:"add,omitempty"`
	Remove []string         `json:"remove,omitempty"`
}

func validCollectionText(title, note string) error {
	if err := validText("title", title, maxTitle, false); err != nil {
		return err
	}
	if strings.TrimSpace(title) == "" {
		return fmt.Errorf("title: empty: %w", ErrInvalid)
	}
	return validText("note", note, maxNote, true)
}

// CreateCollection creates an empty collection (trainers).
func (s *Service) CreateCollection(ctx context.Context, actor User, title, note string) (Collection, error) {
	if actor.Disabled || !actor.Has(RoleTrainer) {
		return Collection{}, fmt.Errorf("create collection: %w", ErrForbidden)
	}
	if err := validCollectionText(title, note); err != nil {
		return Collection{}, err
	}
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		return Collection{}, fmt.Errorf("collection id: %w", err)
	}
	now := s.now()
	c := Collection{ID: "col-" + hex.EncodeToString(b[:]), Title: strings.TrimSpace(title), Note: note, Items: []CollectionItem{},
		CreatedBy: actor.ID, Created: now, Updated: now, Version: 1}
	err := s.cfg.Store.Update(ctx, func(tx Tx) error {
		if err := tx.CreateCollection(c); err != nil {
			return err
		}
		return s.appendEntry(tx, Entry{Actor: actor.ID, Role: RoleTrainer, Action: "collection.create", Subject: c.ID,
			Note: "创建典型案例集：" + c.Title}, nil, c)
	})
	if err != nil {
		return Collection{}, err
	}
	return c, nil
}

// EditCollection changes a collection at the version read (trainers):
// added cases must be shared and ended (ErrForbidden otherwise, ErrNotFound
// when unknown); removing a case not in it is ErrInvalid.
func (s *Service) EditCollection(ctx context.Context, actor User, id string, version int64, ed CollectionEdit) (Collection, error) {
	if actor.Disabled || !actor.Has(RoleTrainer) {
		return Collection{}, fmt.Errorf("edit collection: %w", ErrForbidden)
	}
	if ed.Title == nil && ed.Note == nil && len(ed.Add) == 0 && len(ed.Remove) == 0 {
		return Collection{}, fmt.Errorf("edit: nothing to change: %w", ErrInvalid)
	}
	if len(ed.Add) > maxItems || len(ed.Remove) > maxItems {
		return Collection{}, fmt.Errorf("edit: more than %d items: %w", maxItems, ErrInvalid)
	}
	for _, it := range ed.Add {
		if err := validText("add.note", it.Note, maxNote, true); err != nil {
			return Collection{}, err
		}
		if err := validText("add.case_id", it.CaseID, 128, false); err != nil {
			return Collection{}, err
		}
	}
	var out Collection
	err := s.cfg.Store.Update(ctx, func(tx Tx) error {
		c, err := tx.Collection(id)
		if err != nil {
			return err
		}
		if c.Version != version {
			return fmt.Errorf("collection %s is at version %d, not %d: %w", id, c.Version, version, ErrConflict)
		}
		before := c
		c.Items = slices.Clone(c.Items)
		title, note := c.Title, c.Note
		if ed.Title != nil {
			title = strings.TrimSpace(*ed.Title)
		}
		if ed.Note != nil {
			note = *ed.Note
		}
		if err := validCollectionText(title, note); err != nil {
			return err
		}
		c.Title, c.Note = title, note
		for _, rm := range ed.Remove {
			i := slices.IndexFunc(c.Items, func(it CollectionItem) bool { return it.CaseID == rm })
			if i < 0 {
				return fmt.Errorf("remove %q: 不在案例集中: %w", rm, ErrInvalid)
			}
			c.Items = slices.Delete(c.Items, i, i+1)
		}
		now := s.now()
		for _, it := range ed.Add {
			if _, err := sharedCase(tx, it.CaseID); err != nil {
				return err
			}
			if i := slices.IndexFunc(c.Items, func(x CollectionItem) bool { return x.CaseID == it.CaseID }); i >= 0 {
				c.Items[i].Note = it.Note
				continue
			}
			c.Items = append(c.Items, CollectionItem{CaseID: it.CaseID, Note: it.Note, AddedBy: actor.ID, Added: now})
		}
		if len(c.Items) > maxItems {
			return fmt.Errorf("collection: more than %d items: %w", maxItems, ErrInvalid)
		}
		c.Version++
		c.Updated = now
		if err := tx.UpdateCollection(c, before.Version); err != nil {
			return err
		}
		out = c
		return s.appendEntry(tx, Entry{Actor: actor.ID, Role: RoleTrainer, Action: "collection.update", Subject: c.ID,
			Note: fmt.Sprintf("修改典型案例集：%s（%d 件）", c.Title, len(c.Items))}, before, c)
	})
	return out, err
}

// Collections lists the collections (trainers and agency staff).
func (s *Service) Collections(ctx context.Context, actor User) ([]Collection, error) {
	if !canTrain(actor) {
		return nil, fmt.Errorf("collections: %w", ErrForbidden)
	}
	var out []Collection
	err := s.cfg.Store.View(ctx, func(tx ReadTx) (err error) { out, err = tx.Collections(); return err })
	if out == nil {
		out = []Collection{}
	}
	return out, err
}

// CollectionView is a collection with the extracts of its cases; a case no
// longer shared is listed in Withdrawn, without its extract.
type CollectionView struct {
	Collection Collection `json:"collection"`
	Cases      []Extract  `json:"cases"`
	Withdrawn  []string   `json:"withdrawn"`
}

// Collection returns a collection with its cases' extracts (trainers and
// agency staff).
func (s *Service) Collection(ctx context.Context, actor User, id string) (CollectionView, error) {
	if !canTrain(actor) {
		return CollectionView{}, fmt.Errorf("collection: %w", ErrForbidden)
	}
	v := CollectionView{Cases: []Extract{}, Withdrawn: []string{}}
	var cases []Case
	err := s.cfg.Store.View(ctx, func(tx ReadTx) error {
		var err error
		if v.Collection, err = tx.Collection(id); err != nil {
			return err
		}
		for _, it := range v.Collection.Items {
			c, err := sharedCase(tx, it.CaseID)
			if err != nil {
				v.Withdrawn = append(v.Withdrawn, it.CaseID)
				continue
			}
			cases = append(cases, c)
		}
		return nil
	})
	if err != nil {
		return CollectionView{}, err
	}
	for _, c := range cases {
		x, err := s.extract(c)
		if err != nil {
			return CollectionView{}, err
		}
		v.Cases = append(v.Cases, x)
	}
	return v, nil
}
