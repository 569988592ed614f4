package boltstore

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"unicode/utf8"

	"github.com/cailiang/cailiang/casework"
)

// Issued documents live in their own buckets, created by the first write,
// so that stores written before documents existed still open read-only.
var (
	// bucketDocuments: case ID, NUL, kind, NUL, version (8 bytes) → JSON.
	bucketDocuments = []byte("documents")
	// bucketDocNumbers: agency, NUL, family, NUL, year → last number.
	bucketDocNumbers = []byte("document_numbers")
)

func docKey(caseID, kind string, version int) []byte {
	k := append(append(append([]byte(caseID), 0), kind...), 0)
	return binary.BigEndian.AppendUint64(k, uint64(version))
}

// Documents implements casework.ReadTx.
func (t *tx) Documents(caseID string) ([]casework.IssuedDocument, error) {
	b := t.tx.Bucket(bucketDocuments)
	if b == nil {
		return nil, nil
	}
	var out []casework.IssuedDocument
	prefix := append([]byte(caseID), 0)
	cur := b.Cursor()
	for k, v := cur.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = cur.Next() {
		var d casework.IssuedDocument
		if err := json.Unmarshal(v, &d); err != nil {
			return nil, fmt.Errorf("decode document %q: %w", k, err)
		}
		out = append(out, d)
	}
	return out, nil
}

// NextDocumentNumber implements casework.Tx: like NextCaseNumber, the
// counter commits with the document and bbolt has one writer at a time.
func (t *tx) NextDocumentNumber(agency, family string, year int) (int, error) {
	if agency == "" || family == "" || !utf8.ValidString(agency) || !utf8.ValidString(family) || year < 1 || year > 9999 {
		return 0, fmt.Errorf("document number for %q %q %d: %w", agency, family, year, casework.ErrInvalid)
	}
	b, err := t.tx.CreateBucketIfNotExists(bucketDocNumbers)
	if err != nil {
		return 0, fmt.Errorf("document number: %w", err)
	}
	key := fmt.Appendf(nil, "%s\x00%s\x00%d", agency, family, year)
	n := uint64(0)
	if v := b.Get(key); len(v) == 8 {
		n = binary.BigEndian.Uint64(v)
	}
	n++
	if err := b.Put(key, binary.BigEndian.AppendUint64(nil, n)); err != nil {
		return 0, fmt.Errorf("document number: %w", err)
	}
	return int(n), nil
}

// AddDocument implements casework.Tx.
func (t *tx) AddDocument(d casework.IssuedDocument) error {
	if d.CaseID == "" || d.Kind == "" || d.Version < 1 || d.Digest == "" {
		return fmt.Errorf("document %q v%d of case %q: %w", d.Kind, d.Version, d.CaseID, casework.ErrInvalid)
	}
	if t.tx.Bucket(bucketCases).Get([]byte(d.CaseID)) == nil {
		return fmt.Errorf("case %q: %w", d.CaseID, casework.ErrNotFound)
	}
	b, err := t.tx.CreateBucketIfNotExists(bucketDocuments)
	if err != nil {
		return fmt.Errorf("store document: %w", err)
	}
	key := docKey(d.CaseID, d.Kind, d.Version)
	if b.Get(key) != nil {
		return fmt.Errorf("document %s v%d of case %s: %w", d.Kind, d.Version, d.CaseID, casework.ErrExists)
	}
	raw, err := json.Marshal(d)
	if err != nil {
		return fmt.Errorf("encode document: %w", err)
	}
	if err := b.Put(key, raw); err != nil {
		return fmt.Errorf("store document: %w", err)
	}
	return nil
}
