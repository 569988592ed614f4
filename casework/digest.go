package casework

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"
)

// Digest is a daily digest as it was made and sent: the morning summary of
// one agency (or of the city, Agency "") for one day. The content is made
// by package oversight and kept here as written (Doc), so that what a
// leader read on a morning can be read again later and the next digest
// can tell what is new since. One per agency and day: the stores refuse a
// second (ErrExists), which is what keeps two nodes sharing one database
// from sending two.
type Digest struct {
	// Agency is the agency's code; "" for the whole city.
	Agency string `json:"agency"`
	// Day is the digest's day, YYYY-MM-DD.
	Day string `json:"day"`
	// Created is when it was made.
	Created time.Time `json:"created"`
	// Summary is the one line shown in the notification.
	Summary string `json:"summary"`
	// Doc is the digest (oversight.Digest's JSON).
	Doc json.RawMessage `json:"doc"`
}

// DigestReader reads kept digests inside a transaction.
type DigestReader interface {
	// Digest returns the digest of an agency ("" for the city) and day;
	// ErrNotFound when none was kept.
	Digest(agency, day string) (Digest, error)
	// Digests lists an agency's digests ("" for the city's) with a day
	// before the given day ("" for all), latest first, at most limit.
	Digests(agency, before string, limit int) ([]Digest, error)
}

// DigestWriter keeps digests inside a transaction.
type DigestWriter interface {
	// CreateDigest stores a digest; ErrExists when the agency already has
	// one for the day, ErrInvalid for a malformed day.
	CreateDigest(d Digest) error
}

// ValidDay reports whether s is a day written YYYY-MM-DD.
func ValidDay(s string) bool {
	t, err := time.Parse(time.DateOnly, s)
	return err == nil && t.Format(time.DateOnly) == s
}

// KeepDigest stores a digest made by the system (actor SystemActor or an
// admin) and notifies its readers in the same transaction: the agency's
// leaders, or for the city's digest the leaders and reviewers of the
// supervising agencies. It returns false, and changes nothing, when the
// agency already has a digest for the day (another node made it first).
// Errors: ErrForbidden for other actors, ErrInvalid for a malformed
// digest or an unknown agency, the store's.
func (s *Service) KeepDigest(ctx context.Context, actor User, d Digest) (bool, error) {
	if actor.ID != SystemActor && (!actor.Has(RoleAdmin) || actor.Disabled) {
		return false, fmt.Errorf("keep digest: %s: %w", actor.ID, ErrForbidden)
	}
	if !ValidDay(d.Day) || len(d.Doc) == 0 || !json.Valid(d.Doc) {
		return false, fmt.Errorf("digest %q %q: day YYYY-MM-DD and a JSON document: %w", d.Agency, d.Day, ErrInvalid)
	}
	if d.Created.IsZero() {
		d.Created = s.now()
	}
	kept := false
	err := s.cfg.Store.Update(ctx, func(tx Tx) error {
		if d.Agency != "" {
			if _, err := tx.Agency(d.Agency); err != nil {
				return fmt.Errorf("digest of %q: %w", d.Agency, ErrInvalid)
			}
		}
		if _, err := tx.Digest(d.Agency, d.Day); err == nil {
			return nil
		} else if !errors.Is(err, ErrNotFound) {
			return err
		}
		if err := tx.CreateDigest(d); err != nil {
			return err
		}
		readers, err := digestReaders(tx, d.Agency)
		if err != nil {
			return err
		}
		for _, u := range readers {
			n := Notification{User: u, ID: "digest-" + cmp.Or(d.Agency, "city") + "-" + d.Day, Kind: "digest", From: SystemActor,
				Excerpt: d.Summary, At: d.Created}
			if err := tx.PutNotification(n); err != nil {
				return err
			}
		}
		kept = true
		return s.appendEntry(tx, Entry{Actor: actor.ID, Role: primaryRole(actor), Agency: d.Agency, Action: "digest.create",
			Subject: cmp.Or(d.Agency, "city") + "/" + d.Day, Note: "每日简报：" + excerpt(d.Summary, 200)}, nil, d)
	})
	if errors.Is(err, ErrExists) {
		// Another node committed the day's digest between our look and our
		// insert: the store's key decided, and nothing of ours was written.
		return false, nil
	}
	return kept, err
}

// digestReaders are the users notified of an agency's digest ("" for the
// city's), by ID.
func digestReaders(tx ReadTx, agency string) ([]string, error) {
	var out []string
	if agency != "" {
		us, err := tx.Users(agency)
		if err != nil {
			return nil, err
		}
		for _, u := range us {
			if !u.Disabled && u.Has(RoleLeader) {
				out = append(out, u.ID)
			}
		}
		return out, nil
	}
	agencies, err := tx.Agencies()
	if err != nil {
		return nil, err
	}
	for _, a := range agencies {
		if !a.Supervising {
			continue
		}
		us, err := tx.Users(a.Code)
		if err != nil {
			return nil, err
		}
		for _, u := range us {
			if !u.Disabled && u.HasAny(RoleLeader, RoleReviewer) {
				out = append(out, u.ID)
			}
		}
	}
	slices.Sort(out)
	return out, nil
}

// KeptDigest returns the digest kept for an agency ("" for the city) and
// day, for whoever the caller has already allowed to read it (oversight
// decides who sees which agency); ErrNotFound when none was kept.
func (s *Service) KeptDigest(ctx context.Context, agency, day string) (d Digest, err error) {
	if !ValidDay(day) {
		return d, fmt.Errorf("day %q: %w", day, ErrInvalid)
	}
	err = s.cfg.Store.View(ctx, func(tx ReadTx) (err error) { d, err = tx.Digest(agency, day); return err })
	return d, err
}
