package boltstore

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/cailiang/cailiang/casework"
)

// bucketTranscripts holds each transcript's JSON keyed by case ID, NUL and
// recording digest, so that a case's transcripts are one prefix scan. It is
// optional in read-only opens: a store written before transcripts existed
// has none and reads as having no transcripts.
var bucketTranscripts = []byte("transcripts")

func transcriptKey(caseID, digest string) []byte {
	return append(append([]byte(caseID), 0), digest...)
}

// transcripts returns the bucket, nil in a read-only store without it.
func (t *tx) transcripts() *bolt.Bucket { return t.tx.Bucket(bucketTranscripts) }

// Transcript implements casework.ReadTx.
func (t *tx) Transcript(caseID, digest string) (casework.Transcript, error) {
	var out casework.Transcript
	b := t.transcripts()
	if b == nil {
		return out, fmt.Errorf("transcript of %s on %s: %w", digest, caseID, casework.ErrNotFound)
	}
	raw := b.Get(transcriptKey(caseID, digest))
	if raw == nil {
		return out, fmt.Errorf("transcript of %s on %s: %w", digest, caseID, casework.ErrNotFound)
	}
	if err := json.Unmarshal(raw, &out); err != nil {
		return out, fmt.Errorf("decode transcript of %s on %s: %w", digest, caseID, err)
	}
	return out, nil
}

// Transcripts implements casework.ReadTx.
func (t *tx) Transcripts(caseID string) ([]casework.Transcript, error) {
	var out []casework.Transcript
	b := t.transcripts()
	if b == nil {
		return out, nil
	}
	prefix := append([]byte(caseID), 0)
	cur := b.Cursor()
	for k, v := cur.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = cur.Next() {
		var tr casework.Transcript
		if err := json.Unmarshal(v, &tr); err != nil {
			return nil, fmt.Errorf("decode transcript %q: %w", k, err)
		}
		out = append(out, tr)
	}
	return out, nil
}

// PutTranscript implements casework.Tx.
func (t *tx) PutTranscript(tr casework.Transcript, prev int64) error {
	if tr.CaseID == "" || tr.Digest == "" || tr.Version <= 0 || bytes.IndexByte([]byte(tr.CaseID), 0) >= 0 {
		return fmt.Errorf("transcript without case or digest: %w", casework.ErrInvalid)
	}
	if t.tx.Bucket(bucketCases).Get([]byte(tr.CaseID)) == nil {
		return fmt.Errorf("case %q: %w", tr.CaseID, casework.ErrNotFound)
	}
	old, err := t.Transcript(tr.CaseID, tr.Digest)
	switch {
	case err == nil && prev == 0:
		return fmt.Errorf("transcript of %s on %s: %w", tr.Digest, tr.CaseID, casework.ErrExists)
	case err == nil && old.Version != prev:
		return fmt.Errorf("transcript of %s is at version %d, not %d: %w", tr.Digest, old.Version, prev, casework.ErrConflict)
	case errors.Is(err, casework.ErrNotFound) && prev != 0:
		return err
	case err != nil && !errors.Is(err, casework.ErrNotFound):
		return err
	}
	return t.put(bucketTranscripts, string(transcriptKey(tr.CaseID, tr.Digest)), "transcript", tr)
}
