package casework

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// MaxImport is the most cases one Import takes: one import is one store
// transaction, and a transaction of this size commits in about a second on
// either store.
const MaxImport = 2000

// Import is a batch of records made elsewhere — another agency's system, or
// the demo generator (`cailiang demo seed`) — taken into the workbench as
// they are, stages and dates included.
type Import struct {
	// Agencies are created or replaced.
	Agencies []Agency `json:"agencies,omitempty"`
	// Users are created (an existing ID is ErrExists); they get no
	// password, so they cannot sign in until an admin gives them one.
	Users []User `json:"users,omitempty"`
	// Cases are created with IDs the service assigns (the agency code, the
	// year of Created, the agency's next number); ID and Version are ignored.
	Cases []Case `json:"cases,omitempty"`
	// Note says where the batch comes from; it starts every log entry's note
	// (e.g. "模拟数据").
	Note string `json:"note"`
}

// Import stores a batch in one transaction, with one log entry per agency,
// user and case, and returns the cases as stored (with their IDs), in the
// order given. Admins only (ErrForbidden). ErrInvalid for more than
// MaxImport cases, an empty note, a case of an unknown agency, a stage or
// proposal the workbench does not know, an officer who is not an officer of
// the case's agency, or text the workbench would refuse; ErrExists for a
// user ID that is taken. Nothing is stored when any record fails.
func (s *Service) Import(ctx context.Context, actor User, im Import) ([]Case, error) {
	if !actor.Has(RoleAdmin) || actor.Disabled {
		return nil, fmt.Errorf("import: %w", ErrForbidden)
	}
	if len(im.Cases) > MaxImport {
		return nil, fmt.Errorf("import: %d cases, at most %d per import: %w", len(im.Cases), MaxImport, ErrInvalid)
	}
	if err := validText("note", im.Note, 64, false); err != nil {
		return nil, err
	}
	if strings.TrimSpace(im.Note) == "" {
		return nil, fmt.Errorf("import: note: empty: %w", ErrInvalid)
	}
	for _, a := range im.Agencies {
		if err := validAgencyCode(a.Code); err != nil {
			return nil, err
		}
		if err := validText("agency.name", a.Name, 64, false); err != nil {
			return nil, err
		}
	}
	for _, u := range im.Users {
		if !idPattern.MatchString(u.ID) || u.ID == SystemActor {
			return nil, fmt.Errorf("user id %q: %w", u.ID, ErrInvalid)
		}
		if err := validText("user.name", u.Name, 64, false); err != nil {
			return nil, err
		}
		if len(u.Roles) == 0 || u.Agency == "" {
			return nil, fmt.Errorf("user %s: needs a role and an agency: %w", u.ID, ErrInvalid)
		}
		for _, r := range u.Roles {
			if r.Label() == "" {
				return nil, fmt.Errorf("user %s: role %q: %w", u.ID, r, ErrInvalid)
			}
		}
	}
	for i, c := range im.Cases {
		if err := validImportedCase(c); err != nil {
			return nil, fmt.Errorf("case %d: %w", i+1, err)
		}
	}
	out := make([]Case, 0, len(im.Cases))
	err := s.cfg.Store.Update(ctx, func(tx Tx) error {
		out = out[:0]
		for _, a := range im.Agencies {
			if err := tx.PutAgency(a); err != nil {
				return err
			}
			if err := s.appendEntry(tx, Entry{Actor: actor.ID, Role: RoleAdmin, Agency: a.Code, Action: "agency.put", Subject: a.Code,
				Note: im.Note + "：" + a.Name}, nil, a); err != nil {
				return err
			}
		}
		for _, u := range im.Users {
			if _, err := tx.User(u.ID); err == nil {
				return fmt.Errorf("user %s: %w", u.ID, ErrExists)
			} else if !errors.Is(err, ErrNotFound) {
				return err
			}
			if _, err := tx.Agency(u.Agency); err != nil {
				return fmt.Errorf("user %s: agency %q: %w", u.ID, u.Agency, ErrInvalid)
			}
			u.Disabled = false
			if u.Created.IsZero() {
				u.Created = s.now()
			}
			if err := tx.PutUser(u); err != nil {
				return err
			}
			if err := s.appendEntry(tx, Entry{Actor: actor.ID, Role: RoleAdmin, Agency: u.Agency, Action: "user.import", Subject: u.ID,
				Note: im.Note + "：" + u.Name}, nil, u); err != nil {
				return err
			}
		}
		officers := map[string]bool{} // "agency\x00id" of known officers
		for _, c := range im.Cases {
			if _, err := tx.Agency(c.Agency); err != nil {
				return fmt.Errorf("case %q: agency %q: %w", c.Title, c.Agency, ErrInvalid)
			}
			for _, id := range c.Officers {
				key := c.Agency + "\x00" + id
				if officers[key] {
					continue
				}
				u, err := tx.User(id)
				if err != nil || u.Agency != c.Agency || !u.Has(RoleOfficer) {
					return fmt.Errorf("case %q: %q is not an officer of %s: %w", c.Title, id, c.Agency, ErrInvalid)
				}
				officers[key] = true
			}
			seq, err := tx.NextCaseNumber(c.Agency, c.Created.Year())
			if err != nil {
				return err
			}
			c.ID = fmt.Sprintf("%s-%d-%06d", c.Agency, c.Created.Year(), seq)
			c.Version = 1
			if c.CreatedBy == "" {
				c.CreatedBy = c.Officers[0]
			}
			if c.Updated.IsZero() {
				c.Updated = c.Created
			}
			if err := tx.CreateCase(c); err != nil {
				return err
			}
			if err := s.appendEntry(tx, Entry{Actor: actor.ID, Role: RoleAdmin, Agency: c.Agency, Action: "case.import", CaseID: c.ID,
				Note: im.Note + "：" + c.Title}, nil, c); err != nil {
				return err
			}
			out = append(out, c)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// validImportedCase checks what CreateCase and EditCase would check, and
// that the stage and dates hang together.
func validImportedCase(c Case) error {
	if err := validText("title", c.Title, maxTitle, false); err != nil {
		return err
	}
	if strings.TrimSpace(c.Title) == "" {
		return fmt.Errorf("title: empty: %w", ErrInvalid)
	}
	if err := validText("source", c.Source, maxTitle, false); err != nil {
		return err
	}
	if err := validText("facts", c.Facts, maxFacts, true); err != nil {
		return err
	}
	if err := validParty(c.Party); err != nil {
		return err
	}
	if c.Proposal != nil {
		if err := validProposal(*c.Proposal); err != nil {
			return err
		}
	}
	if c.Stage.Label() == "" {
		return fmt.Errorf("stage %q: %w", c.Stage, ErrInvalid)
	}
	if err := validAgencyCode(c.Agency); err != nil {
		return err
	}
	if len(c.Officers) == 0 || slices.Contains(c.Officers, "") {
		return fmt.Errorf("officers: at least one: %w", ErrInvalid)
	}
	if c.Created.IsZero() || c.Created.Year() < 1990 || c.Created.Year() > 9999 {
		return fmt.Errorf("created %v: %w", c.Created, ErrInvalid)
	}
	if len(c.Analysis) > maxAnalysis || (len(c.Analysis) > 0 && !json.Valid(c.Analysis)) {
		return fmt.Errorf("analysis: not JSON or larger than 1 MiB: %w", ErrInvalid)
	}
	if c.Stage.Decided() && c.Stage != StageNotFiled && c.Stage != StageWithdrawn && c.Stage != StageTransferred && c.Decided.IsZero() {
		return fmt.Errorf("stage %s without a decision date: %w", c.Stage, ErrInvalid)
	}
	return nil
}
