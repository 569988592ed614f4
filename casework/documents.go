package casework

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"time"
)

// IssuedDocument is one issued version of a case's enforcement document
// (执法文书). Issuing again makes a new version with a new 文号; no version
// is ever overwritten.
type IssuedDocument struct {
	// CaseID is the case the document belongs to.
	CaseID string `json:"case_id"`
	// Kind is the document kind (the documents package's names: decision,
	// notice…).
	Kind string `json:"kind"`
	// Title is the document's name (行政处罚决定书).
	Title string `json:"title"`
	// Version numbers the issues of one kind on one case from 1.
	Version int `json:"version"`
	// Number is the 文号 assigned on issue (X市监处罚〔2026〕12号); empty for
	// kinds that carry none (送达回证).
	Number string `json:"number,omitempty"`
	// Digest and Size are the DOCX's SHA-256 (hex) and length in the blob store.
	Digest string `json:"digest"`
	Size   int64  `json:"size"`
	// PDFDigest is the PDF's SHA-256, empty when no PDF was rendered (no CJK
	// font on the machine).
	PDFDigest string `json:"pdf_digest,omitempty"`
	// IssuedBy and Issued say who issued it and when.
	IssuedBy string    `json:"issued_by"`
	Issued   time.Time `json:"issued"`
}

// DocumentSpec says what issuing one kind of document needs: who may issue
// it and in which stages, and the family its 文号 is counted in.
type DocumentSpec struct {
	// Kind and Title name the document.
	Kind  string
	Title string
	// Family is the 文书 family word of the number (处罚, 罚告…) and the
	// counter's key: numbers run per agency, family and year. Empty: the
	// kind carries no number.
	Family string
	// Roles may issue it (the agency's staff in one of these roles).
	Roles []Role
	// Stages are the stages of the case in which it may be issued.
	Stages []Stage
}

// Rendered is a document rendered for issue.
type Rendered struct {
	DOCX []byte
	// PDF is nil when none could be rendered.
	PDF []byte
}

// RenderFunc renders a case's document with its assigned 文号 (empty when
// the kind has none) and issue time. An error (a failed check, a template
// error) aborts the issue; nothing is stored and the error is returned as is.
type RenderFunc func(c Case, a Agency, number string, issued time.Time) (Rendered, error)

// DocumentNumber formats a 文号: the agency's 机关代字, the family, the year
// in 〔〕 and the sequence (X市监处罚〔2026〕12号). A prefix that already ends
// with the family word (某市监处罚 for 处罚) is not doubled.
func DocumentNumber(prefix, family string, year, seq int) string {
	p := []rune(prefix)
	f := []rune(family)
	if len(p) >= len(f) && string(p[len(p)-len(f):]) == family {
		prefix = string(p[:len(p)-len(f)])
	}
	return prefix + family + "〔" + strconv.Itoa(year) + "〕" + strconv.Itoa(seq) + "号"
}

// IssueDocument issues a document of case id: in one transaction it checks
// the actor's role and the case's stage against spec, takes the next number
// of the agency's family and year (never reused), renders the document
// through render, stores the DOCX (and PDF) content-addressed in the blob
// store, records a new version and logs it with the files' digests.
// Errors: ErrForbidden (role, agency), ErrStage (stage), ErrInvalid (no blob
// store, the agency has no 机关代字 for a numbered kind), ErrNotFound,
// render's error as is, the store's errors.
func (s *Service) IssueDocument(ctx context.Context, actor User, id string, spec DocumentSpec, render RenderFunc) (IssuedDocument, error) {
	if s.cfg.Blobs == nil {
		return IssuedDocument{}, fmt.Errorf("issue document: no blob store configured: %w", ErrInvalid)
	}
	if render == nil || spec.Kind == "" {
		return IssuedDocument{}, fmt.Errorf("issue document: no kind or renderer: %w", ErrInvalid)
	}
	var out IssuedDocument
	err := s.cfg.Store.Update(ctx, func(tx Tx) error {
		c, err := tx.Case(id)
		if err != nil {
			return err
		}
		role := Role("")
		for _, r := range spec.Roles {
			if canWork(actor, c, r) {
				role = r
				break
			}
		}
		if role == "" {
			return denied(c, "issue "+spec.Kind+" of")
		}
		if !slices.Contains(spec.Stages, c.Stage) {
			return fmt.Errorf("case %s in %s: %s cannot be issued: %w", c.ID, c.Stage, spec.Kind, ErrStage)
		}
		agency, err := tx.Agency(c.Agency)
		if err != nil {
			return fmt.Errorf("agency of case %s: %w", c.ID, err)
		}
		now := s.now()
		number := ""
		if spec.Family != "" {
			if agency.DocPrefix == "" {
				return fmt.Errorf("agency %s has no 机关代字 (doc_prefix) for document numbers: %w", agency.Code, ErrInvalid)
			}
			seq, err := tx.NextDocumentNumber(agency.Code, spec.Family, now.Year())
			if err != nil {
				return err
			}
			number = DocumentNumber(agency.DocPrefix, spec.Family, now.Year(), seq)
		}
		r, err := render(c, agency, number, now)
		if err != nil {
			return err
		}
		existing, err := tx.Documents(c.ID)
		if err != nil {
			return err
		}
		d := IssuedDocument{CaseID: c.ID, Kind: spec.Kind, Title: spec.Title, Version: 1, Number: number, IssuedBy: actor.ID, Issued: now}
		for _, x := range existing {
			if x.Kind == spec.Kind && x.Version >= d.Version {
				d.Version = x.Version + 1
			}
		}
		if d.Digest, d.Size, err = s.cfg.Blobs.Put(ctx, bytes.NewReader(r.DOCX), int64(len(r.DOCX))); err != nil {
			return fmt.Errorf("store %s: %w", spec.Kind, err)
		}
		digests := []string{d.Digest}
		if r.PDF != nil {
			if d.PDFDigest, _, err = s.cfg.Blobs.Put(ctx, bytes.NewReader(r.PDF), int64(len(r.PDF))); err != nil {
				return fmt.Errorf("store %s PDF: %w", spec.Kind, err)
			}
			digests = append(digests, d.PDFDigest)
		}
		if err := tx.AddDocument(d); err != nil {
			return err
		}
		if number != "" && (spec.Kind == "decision" || spec.Kind == "no-penalty") {
			if err := s.numberPublication(tx, actor, role, c, number); err != nil {
				return err
			}
		}
		note := "制作文书：" + spec.Title
		if number != "" {
			note += " " + number
		}
		note += "（第" + strconv.Itoa(d.Version) + "版）"
		out = d
		return s.appendEntry(tx, Entry{Actor: actor.ID, Role: role, Agency: c.Agency, Action: "document.issue", CaseID: c.ID,
			Subject: spec.Kind, Evidence: digests, Note: note}, nil, d)
	})
	if err != nil {
		return IssuedDocument{}, err
	}
	return out, nil
}

// Documents lists the issued documents of a case (every version, by kind
// then version) for the agency's staff who may read the case. Errors:
// ErrNotFound, ErrForbidden.
func (s *Service) Documents(ctx context.Context, actor User, id string) ([]IssuedDocument, error) {
	c, err := s.Case(ctx, actor, id)
	if err != nil {
		return nil, err
	}
	if actor.Agency != c.Agency {
		return nil, denied(c, "list documents of")
	}
	var out []IssuedDocument
	err = s.cfg.Store.View(ctx, func(tx ReadTx) (err error) { out, err = tx.Documents(id); return err })
	return out, err
}

// OpenIssued returns the stored file (DOCX, or PDF when pdf) of one issued
// version. Errors: ErrNotFound (no such version, or no PDF of it),
// ErrForbidden, the blob store's errors.
func (s *Service) OpenIssued(ctx context.Context, actor User, id, kind string, version int, pdf bool) (IssuedDocument, io.ReadCloser, error) {
	list, err := s.Documents(ctx, actor, id)
	if err != nil {
		return IssuedDocument{}, nil, err
	}
	for _, d := range list {
		if d.Kind != kind || d.Version != version {
			continue
		}
		digest := d.Digest
		if pdf {
			digest = d.PDFDigest
		}
		if digest == "" {
			break
		}
		rc, err := s.cfg.Blobs.Open(ctx, digest)
		if err != nil {
			return IssuedDocument{}, nil, err
		}
		return d, rc, nil
	}
	return IssuedDocument{}, nil, fmt.Errorf("document %s version %d of case %s: %w", kind, version, id, ErrNotFound)
}

// DocumentContext is what a case's documents are made from, read in one
// snapshot: the case, its agency, its officers, its evidence records, the
// documents issued so far, their deliveries and the party's statements,
// and the agency's staff (the 送达人 and the reviewer by name).
type DocumentContext struct {
	Case       Case
	Agency     Agency
	Officers   []User
	Evidence   []Evidence
	Issued     []IssuedDocument
	Deliveries []Delivery
	Statements []Statement
	Staff      []User
}

// StaffMember returns the agency's user id, or a user with only the ID
// when there is none (a user since removed from the agency).
func (dc DocumentContext) StaffMember(id string) User {
	for _, u := range dc.Staff {
		if u.ID == id {
			return u
		}
	}
	return User{ID: id, Name: id}
}

// DocumentContext reads a case's DocumentContext for the agency's staff who
// may read the case, or the command line's Operator. Errors: ErrNotFound,
// ErrForbidden.
func (s *Service) DocumentContext(ctx context.Context, actor User, id string) (DocumentContext, error) {
	var dc DocumentContext
	err := s.cfg.Store.View(ctx, func(tx ReadTx) error {
		c, err := tx.Case(id)
		if err != nil {
			return err
		}
		// The command line's operator (cmd only: no user can sign in as
		// "system") drafts any case's documents, as `audit verify` reads any
		// record.
		if actor.ID != SystemActor && (!canRead(actor, c) || actor.Agency != c.Agency) {
			return denied(c, "make documents of")
		}
		dc.Case = c
		if dc.Agency, err = tx.Agency(c.Agency); err != nil {
			return fmt.Errorf("agency of case %s: %w", c.ID, err)
		}
		for _, o := range c.Officers {
			u, err := tx.User(o)
			if err != nil {
				return fmt.Errorf("officer %s of case %s: %w", o, c.ID, err)
			}
			dc.Officers = append(dc.Officers, u)
		}
		if dc.Evidence, err = tx.Evidence(c.ID); err != nil {
			return err
		}
		if dc.Issued, err = tx.Documents(c.ID); err != nil {
			return err
		}
		if dc.Deliveries, err = tx.Deliveries(c.ID); err != nil {
			return err
		}
		if dc.Statements, err = tx.Statements(c.ID); err != nil {
			return err
		}
		dc.Staff, err = tx.Users(c.Agency)
		return err
	})
	return dc, err
}

// numberPublication gives the case's publication the 文书号 of its issued
// decision while it is not public yet (a published notice keeps the number
// it was published with: changing it is a reviewer's deliberate edit), in
// the transaction that issued the decision. After a 变更 that is the
// corrected record, not the withdrawn first one.
func (s *Service) numberPublication(tx Tx, actor User, role Role, c Case, number string) error {
	p, _, err := currentPublication(tx, c.ID)
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	if p.State != PubDue || p.DocNumber == number {
		return nil
	}
	before := p
	p.DocNumber = number
	p.Version, p.Updated = before.Version+1, s.now()
	if err := tx.PutPublication(p, before.Version); err != nil {
		return err
	}
	return s.appendEntry(tx, Entry{Actor: actor.ID, Role: role, Agency: c.Agency, Action: "publication.edit", CaseID: c.ID,
		Subject: "publication", Note: "公示文书号取自签发的决定书：" + number}, before, p)
}
