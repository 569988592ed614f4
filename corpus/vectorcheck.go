package corpus

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"
)

// MaxVectorTextBytes is the most bytes in a record ID or a collection name
// that every VectorStore accepts.
const MaxVectorTextBytes = 1024

// invalidf returns an error wrapping ErrInvalid.
func invalidf(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrInvalid, fmt.Sprintf(format, args...))
}

// ValidateVectorText checks a record ID or collection name (what names it
// in the error): non-empty, at most MaxVectorTextBytes, UTF-8 without NUL,
// which is what PostgreSQL's text and bbolt's keys both hold. It returns an
// error wrapping ErrInvalid.
func ValidateVectorText(what, s string) error {
	switch {
	case s == "":
		return invalidf("empty %s", what)
	case len(s) > MaxVectorTextBytes:
		return invalidf("%s of %d bytes (at most %d)", what, len(s), MaxVectorTextBytes)
	case !validText(s):
		return invalidf("%s %q is not valid UTF-8 text", what, s)
	}
	return nil
}

func validText(s string) bool { return utf8.ValidString(s) && strings.IndexByte(s, 0) < 0 }

// ValidateVector rejects NaN and infinite components (pgvector would too,
// and they make every similarity NaN). It returns an error wrapping
// ErrInvalid.
func ValidateVector(what string, v []float32) error {
	for i, x := range v {
		if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
			return invalidf("%s: component %d is %v", what, i, x)
		}
	}
	return nil
}

// ValidateRecord checks the i-th record of an upsert into a collection of
// dimension dim, the same way for every VectorStore: its ID, its length,
// its components and its metadata (UTF-8 text without NUL, non-empty
// keys). It returns an error wrapping ErrDimension or ErrInvalid.
func ValidateRecord(i int, r VectorRecord, dim int) error {
	if err := ValidateVectorText(fmt.Sprintf("ID of record %d", i), r.ID); err != nil {
		return err
	}
	if len(r.Vector) != dim {
		return fmt.Errorf("record %q has %d dimensions, collection has %d: %w", r.ID, len(r.Vector), dim, ErrDimension)
	}
	if err := ValidateVector(fmt.Sprintf("record %q", r.ID), r.Vector); err != nil {
		return err
	}
	for k, v := range r.Meta {
		if k == "" || !validText(k) || !validText(v) {
			return invalidf("record %q: metadata %q=%q is not UTF-8 text with a non-empty key", r.ID, k, v)
		}
	}
	return nil
}
