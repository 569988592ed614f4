package pgstore

import (
	"fmt"

	"github.com/cailiang/cailiang/casework"
)

// Digest returns the digest kept for an agency and day; ErrNotFound when
// there is none.
func (t *tx) Digest(agency, day string) (d casework.Digest, err error) {
	if badKey(agency) || !casework.ValidDay(day) {
		return d, fmt.Errorf("digest %q %q: %w", agency, day, casework.ErrNotFound)
	}
	if err := t.lock(); err != nil {
		return d, err
	}
	list, err := listDocs[casework.Digest](t, "digests", `SELECT doc FROM digests WHERE agency = $1 AND day = $2::date`, agency, day)
	if err != nil {
		return d, err
	}
	if len(list) == 0 {
		return d, fmt.Errorf("digest %q %s: %w", agency, day, casework.ErrNotFound)
	}
	return list[0], nil
}

// Digests lists an agency's digests before a day ("" for all), latest first.
func (t *tx) Digests(agency, before string, limit int) ([]casework.Digest, error) {
	if badKey(agency) || (before != "" && !casework.ValidDay(before)) {
		return nil, nil
	}
	if limit <= 0 {
		limit = 1 << 30
	}
	if before == "" {
		before = "infinity"
	}
	return listDocs[casework.Digest](t, "digests",
		`SELECT doc FROM digests WHERE agency = $1 AND day < $2::date ORDER BY day DESC LIMIT $3`, agency, before, limit)
}

// CreateDigest stores a digest; ErrExists when the agency has one for the
// day (the primary key decides between nodes).
func (t *tx) CreateDigest(d casework.Digest) error {
	if !casework.ValidDay(d.Day) || badKey(d.Agency) {
		return fmt.Errorf("digest %q %q: %w", d.Agency, d.Day, casework.ErrInvalid)
	}
	return t.putDoc("digest", d.Day, `INSERT INTO digests (agency, day, created, doc) VALUES ($1, $2::date, $3, $4)`,
		d, d.Agency, d.Day, d.Created)
}
