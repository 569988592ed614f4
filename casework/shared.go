package casework

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/cailiang/cailiang/legal"
)

// SharedRecord is a decision of another agency, received in an exchange file
// (package exchange) and kept read-only: statistics, warnings and
// comparisons read it, nobody edits it, and it never becomes a case of the
// agency that imported it. Personal data of natural persons is removed
// before a record leaves its agency (ExportShared), by the rules of
// publication; an organisation keeps its name and 统一社会信用代码 so that
// repeated violations can be recognised across agencies.
type SharedRecord struct {
	// Key identifies the record across imports: the source agency's code,
	// "/" and its case ID. A newer export of the same case replaces it.
	Key string `json:"key"`
	// SourceAgency and SourceAgencyName are the agency that decided the case.
	SourceAgency     string `json:"source_agency"`
	SourceAgencyName string `json:"source_agency_name"`
	// CaseID is the case's ID in the source agency's system.
	CaseID string `json:"case_id"`
	// Title and Facts are anonymised (the party and personal data removed).
	Title string `json:"title"`
	Facts string `json:"facts"`
	// Source is the 案件来源; Sector the enforcement field.
	Source string       `json:"source,omitempty"`
	Sector legal.Sector `json:"sector,omitempty"`
	// Stage is where the case was when exported (decided … closed).
	Stage Stage `json:"stage"`
	// PartyKind is "person" or "organisation"; PartyName and PartyID (the
	// 统一社会信用代码) are kept for organisations only.
	PartyKind string `json:"party_kind"`
	PartyName string `json:"party_name,omitempty"`
	PartyID   string `json:"party_id,omitempty"`
	// Decision is the penalty decided (its deviation and reasons anonymised).
	Decision Proposal `json:"decision"`
	// Opened and Decided are the dates of 立案 and of the decision.
	Opened  time.Time `json:"opened,omitzero"`
	Decided time.Time `json:"decided"`
	// Digest is the SHA-256 of the record's content (everything above):
	// importing a record whose digest is stored changes nothing.
	Digest string `json:"digest"`
	// Imported, ImportedBy and ImportedAgency say when, by whom and into
	// which agency's installation the record came.
	Imported       time.Time `json:"imported"`
	ImportedBy     string    `json:"imported_by"`
	ImportedAgency string    `json:"imported_agency"`
}

// SharedReader reads shared records inside a transaction.
type SharedReader interface {
	// SharedRecord returns a record by key; ErrNotFound when unknown.
	SharedRecord(key string) (SharedRecord, error)
	// SharedRecords lists the records of one source agency ("" for all), by key.
	SharedRecords(sourceAgency string) ([]SharedRecord, error)
}

// SharedWriter writes shared records inside a transaction.
type SharedWriter interface {
	// PutSharedRecord creates or replaces the record with r.Key; ErrInvalid
	// for an empty key.
	PutSharedRecord(r SharedRecord) error
}

// MaxShared is the most records one ImportShared takes (one transaction).
const MaxShared = 20000

// ContentDigest is the SHA-256 (hex) of r's content in a form another
// system can compute (docs/exchange.md): the JSON object of the record
// without digest and the import's stamps, times in UTC, keys sorted at
// every level, no spaces, as encoding/json writes it.
func (r SharedRecord) ContentDigest() string {
	r.Opened, r.Decided = r.Opened.UTC(), r.Decided.UTC()
	b, _ := json.Marshal(r) // strings, numbers and times always encode
	var m map[string]any
	_ = json.Unmarshal(b, &m)
	for _, k := range []string{"digest", "imported", "imported_by", "imported_agency"} {
		delete(m, k)
	}
	b, _ = json.Marshal(m) // a map's keys are written sorted
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// Validate checks a record as received: ErrInvalid (wrapped, naming the
// field) for a missing key part, an unknown stage, party kind or
// disposition, text the workbench would refuse, negative amounts, or
// personal data of a natural person (a name or ID number).
func (r SharedRecord) Validate() error {
	if err := validAgencyCode(r.SourceAgency); err != nil {
		return fmt.Errorf("source_agency: %w", err)
	}
	if !idPattern.MatchString(r.CaseID) {
		return fmt.Errorf("case_id %q: %w", r.CaseID, ErrInvalid)
	}
	if r.Key != r.SourceAgency+"/"+r.CaseID {
		return fmt.Errorf("key %q: not source_agency/case_id: %w", r.Key, ErrInvalid)
	}
	for _, f := range []struct {
		name, v string
		max     int
		multi   bool
	}{{"source_agency_name", r.SourceAgencyName, 64, false}, {"title", r.Title, maxTitle, false}, {"facts", r.Facts, maxFacts, true},
		{"source", r.Source, maxTitle, false}, {"party_name", r.PartyName, 200, false}, {"party_id", r.PartyID, 64, false}} {
		if err := validText(f.name, f.v, f.max, f.multi); err != nil {
			return err
		}
	}
	if err := validProposal(r.Decision); err != nil {
		return err
	}
	if strings.TrimSpace(r.Title) == "" {
		return fmt.Errorf("title: empty: %w", ErrInvalid)
	}
	if !slices.Contains(exportStages, r.Stage) {
		return fmt.Errorf("stage %q: not a decided case: %w", r.Stage, ErrInvalid)
	}
	switch r.PartyKind {
	case "organisation":
	case "person":
		if r.PartyName != "" || r.PartyID != "" {
			return fmt.Errorf("party: a natural person's name or ID number is never shared: %w", ErrInvalid)
		}
	default:
		return fmt.Errorf("party_kind %q: person or organisation: %w", r.PartyKind, ErrInvalid)
	}
	if d, err := legal.ParseDisposition(string(r.Decision.Disposition)); err != nil || d != r.Decision.Disposition {
		return fmt.Errorf("decision.disposition %q: %w", r.Decision.Disposition, ErrInvalid)
	}
	if r.Decided.IsZero() || r.Decided.Year() < 1990 || r.Decided.Year() > 9999 {
		return fmt.Errorf("decided %v: %w", r.Decided, ErrInvalid)
	}
	return nil
}

// exportStages are the stages of a case whose decision is shared: made,
// served, carried out or closed (a revoked decision is not a violation).
var exportStages = []Stage{StageDecided, StageServed, StageExecuted, StageClosed}

// ExportShared returns the decisions of one agency made in [from, to) (a
// zero bound is open), as shared records without personal data of natural
// persons, ordered by case ID; leaders and admins of that agency only
// (ErrForbidden), and an Anonymiser is needed (ErrInvalid). The export is
// recorded in the full-process log: who took which agency's data out.
func (s *Service) ExportShared(ctx context.Context, actor User, agency string, from, to time.Time) ([]SharedRecord, error) {
	if actor.Disabled || actor.Agency == "" || actor.Agency != agency || !actor.HasAny(RoleLeader, RoleAdmin) {
		return nil, fmt.Errorf("export %s: %w", agency, ErrForbidden)
	}
	if !from.IsZero() && !to.IsZero() && !from.Before(to) {
		return nil, fmt.Errorf("export: from %s is not before to %s: %w", from.Format(time.DateOnly), to.Format(time.DateOnly), ErrInvalid)
	}
	var (
		a     Agency
		cases []Case
	)
	err := s.cfg.Store.View(ctx, func(tx ReadTx) (err error) {
		if a, err = tx.Agency(agency); err != nil {
			return err
		}
		cases, err = tx.Cases(CaseFilter{Agency: agency, Stages: exportStages, Limit: 1 << 30})
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("export %s: %w", agency, err)
	}
	out := []SharedRecord{}
	for _, c := range cases {
		if c.Decided.IsZero() || (!from.IsZero() && c.Decided.Before(from)) || (!to.IsZero() && !c.Decided.Before(to)) || c.Proposal == nil {
			continue
		}
		x, err := s.extract(c)
		if err != nil {
			return nil, err
		}
		p := c.Proposal
		d, err := legal.ParseDisposition(string(p.Disposition))
		if err != nil {
			continue // a decided case without a known disposition has no decision to share
		}
		r := SharedRecord{Key: c.Agency + "/" + c.ID, SourceAgency: c.Agency, SourceAgencyName: a.Name, CaseID: c.ID,
			Title: x.Title, Facts: x.Facts, Source: c.Source, Sector: c.Sector, Stage: c.Stage, PartyKind: c.Party.Kind,
			Decision: *p, Opened: c.Opened, Decided: c.Decided}
		r.Decision.Disposition, r.Decision.Deviation, r.Decision.Reasons = d, x.Deviation, x.Reasons
		if r.PartyKind != "person" {
			// An organisation's name and code are on its public decision
			// anyway (publication keeps them); they are what lets another
			// agency see that the same party offends again.
			r.PartyKind, r.PartyName, r.PartyID = "organisation", c.Party.Name, c.Party.IDNumber
		}
		r.Digest = r.ContentDigest()
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b SharedRecord) int { return strings.Compare(a.CaseID, b.CaseID) })
	err = s.cfg.Store.Update(ctx, func(tx Tx) error {
		return s.appendEntry(tx, Entry{Actor: actor.ID, Role: exportRole(actor), Agency: agency, Action: "exchange.export", Subject: agency,
			Note: fmt.Sprintf("导出 %d 条决定（%s 至 %s）", len(out), dayOrOpen(from), dayOrOpen(to))}, nil, digests(out))
	})
	if err != nil {
		return nil, fmt.Errorf("export %s: %w", agency, err)
	}
	return out, nil
}

func exportRole(u User) Role {
	if u.Has(RoleLeader) {
		return RoleLeader
	}
	return RoleAdmin
}

func dayOrOpen(t time.Time) string {
	if t.IsZero() {
		return "不限"
	}
	return t.Format(time.DateOnly)
}

// digests lists the records' keys and digests: what a log entry about an
// export or import commits to.
func digests(rs []SharedRecord) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Key + " " + r.Digest
	}
	return out
}

// ImportSummary counts what an ImportShared did.
type ImportSummary struct {
	// Added, Replaced and Unchanged count the records new to the store,
	// those replacing an older export of the same case, and those already
	// stored as they are.
	Added     int `json:"added"`
	Replaced  int `json:"replaced"`
	Unchanged int `json:"unchanged"`
}

// ImportShared stores other agencies' records read-only, in one transaction
// with one log entry (when anything changed): admins, and leaders of an
// agency (ErrForbidden otherwise). ErrInvalid for more than MaxShared records, an empty
// note, a record that does not Validate (naming its 1-based position), a
// digest that does not match its content, a key given twice, or a record
// of the importer's own agency (its cases are already here). A record
// stored with the same digest is left as it is, so importing a file again
// changes nothing; nothing is stored when any record fails.
func (s *Service) ImportShared(ctx context.Context, actor User, rs []SharedRecord, note string) (ImportSummary, error) {
	var sum ImportSummary
	if !CanImportShared(actor) {
		return sum, fmt.Errorf("import shared: %w", ErrForbidden)
	}
	if len(rs) > MaxShared {
		return sum, fmt.Errorf("import shared: %d records, at most %d: %w", len(rs), MaxShared, ErrInvalid)
	}
	if err := validText("note", note, 64, false); err != nil {
		return sum, err
	}
	if strings.TrimSpace(note) == "" {
		return sum, fmt.Errorf("import shared: note: empty: %w", ErrInvalid)
	}
	seen := make(map[string]bool, len(rs))
	for i, r := range rs {
		if err := r.Validate(); err != nil {
			return sum, fmt.Errorf("record %d: %w", i+1, err)
		}
		if r.Digest != r.ContentDigest() {
			return sum, fmt.Errorf("record %d: digest does not match the content: %w", i+1, ErrInvalid)
		}
		if seen[r.Key] {
			return sum, fmt.Errorf("record %d: key %s given twice: %w", i+1, r.Key, ErrInvalid)
		}
		seen[r.Key] = true
		if actor.Agency != "" && r.SourceAgency == actor.Agency {
			return sum, fmt.Errorf("record %d: from the importer's own agency %s: %w", i+1, r.SourceAgency, ErrInvalid)
		}
	}
	err := s.cfg.Store.Update(ctx, func(tx Tx) error {
		sum = ImportSummary{}
		var changed []SharedRecord
		for _, r := range rs {
			old, err := tx.SharedRecord(r.Key)
			switch {
			case err == nil && old.Digest == r.Digest:
				sum.Unchanged++
				continue
			case err == nil:
				sum.Replaced++
			case errors.Is(err, ErrNotFound):
				sum.Added++
			default:
				return err
			}
			r.Imported, r.ImportedBy, r.ImportedAgency = s.now(), actor.ID, actor.Agency
			if err := tx.PutSharedRecord(r); err != nil {
				return err
			}
			changed = append(changed, r)
		}
		if len(changed) == 0 {
			return nil
		}
		return s.appendEntry(tx, Entry{Actor: actor.ID, Role: exportRole(actor), Agency: actor.Agency, Action: ActionSharedImport,
			Subject: fmt.Sprintf("%d", len(changed)),
			Note:    fmt.Sprintf("%s：新增 %d 条，更新 %d 条共享决定", note, sum.Added, sum.Replaced)}, nil, digests(changed))
	})
	if err != nil {
		return ImportSummary{}, fmt.Errorf("import shared: %w", err)
	}
	return sum, nil
}

// CanImportShared reports whether u may import shared records: an admin, or
// a leader of an agency (a file goes to every agency's statistics and
// warnings, so no officer alone decides to take one in).
func CanImportShared(u User) bool {
	return !u.Disabled && (u.Has(RoleAdmin) || (u.Has(RoleLeader) && u.Agency != ""))
}

// ActionSharedImport is the log action of an ImportShared that changed
// something: readers that keep shared records in memory reload them when
// they see it.
const ActionSharedImport = "exchange.import"

// SharedRecords lists the shared records of one source agency ("" for all),
// by key: staff of any agency (officers, reviewers, leaders) and admins; not
// trainers, who see only training extracts; ErrForbidden otherwise.
func (s *Service) SharedRecords(ctx context.Context, actor User, sourceAgency string) ([]SharedRecord, error) {
	if actor.Disabled || !(actor.Has(RoleAdmin) || (actor.Agency != "" && actor.HasAny(RoleOfficer, RoleReviewer, RoleLeader))) {
		return nil, fmt.Errorf("shared records: %w", ErrForbidden)
	}
	var out []SharedRecord
	err := s.cfg.Store.View(ctx, func(tx ReadTx) (err error) {
		out, err = tx.SharedRecords(sourceAgency)
		return err
	})
	if out == nil {
		out = []SharedRecord{}
	}
	return out, err
}

// SharedByBasis lists up to limit shared decisions resting on the same
// benchmark or provision (basis), by key: the other agencies' fines that
// the consistency check of a proposal sets beside the agency's own. Staff
// of an agency only, as SimilarEnded (ErrForbidden); none for an empty basis.
func (s *Service) SharedByBasis(ctx context.Context, actor User, basis string, limit int) ([]SharedRecord, error) {
	if actor.Disabled || actor.Agency == "" || !actor.HasAny(RoleOfficer, RoleReviewer, RoleLeader) {
		return nil, fmt.Errorf("shared by basis: %w", ErrForbidden)
	}
	if basis == "" || limit <= 0 {
		return nil, nil
	}
	var all []SharedRecord
	err := s.cfg.Store.View(ctx, func(tx ReadTx) (err error) {
		all, err = tx.SharedRecords("")
		return err
	})
	if err != nil {
		return nil, err
	}
	var out []SharedRecord
	for _, r := range all {
		if r.Decision.Basis == basis && r.SourceAgency != actor.Agency {
			out = append(out, r)
			if len(out) == limit {
				break
			}
		}
	}
	return out, nil
}
