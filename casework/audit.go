package casework

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"
)

// Entry is one record of the full-process log (全过程记录): who did what to
// which case, when, with digests of the data before and after. Entries form a
// hash chain: each carries the hash of the one before it, so editing,
// deleting, reordering or inserting an entry breaks every later link.
type Entry struct {
	// Seq numbers entries from 1 without gaps.
	Seq uint64 `json:"seq"`
	// At is when the change was committed (UTC, microseconds).
	At time.Time `json:"at"`
	// Actor is the user ID who acted ("system" for the service itself).
	Actor string `json:"actor"`
	// Role is the role the actor acted in.
	Role Role `json:"role,omitempty"`
	// Agency is the agency of the case (or of the user, for user changes).
	Agency string `json:"agency,omitempty"`
	// Action names what happened: "case.create", "case.update",
	// "case.transition.<action>", "case.extend", "case.share",
	// "evidence.add", "transcript.start", "transcript.done", "transcript.fail",
	// "transcript.version", "user.add", "user.disable", "token.issue", "checkpoint"…
	Action string `json:"action"`
	// CaseID is the case concerned, empty for user changes.
	CaseID string `json:"case_id,omitempty"`
	// Subject is the other object concerned (a user ID, an evidence digest).
	Subject string `json:"subject,omitempty"`
	// Before and After are the SHA-256 digests (hex) of the object's JSON
	// before and after the change; empty when it did not exist.
	Before string `json:"before,omitempty"`
	After  string `json:"after,omitempty"`
	// Evidence lists digests of files the change attached.
	Evidence []string `json:"evidence,omitempty"`
	// Note is the human-readable summary (in Chinese) or the actor's note.
	Note string `json:"note,omitempty"`
	// Prev is the Hash of the entry before (empty for the first).
	Prev string `json:"prev"`
	// Hash is the SHA-256 (hex) of the entry's canonical encoding with Hash empty.
	Hash string `json:"hash"`
}

// canonical is the encoding hashed: the JSON of the entry with Hash empty.
// encoding/json writes struct fields in declaration order, so it is stable;
// stores keep the entry's encoding byte for byte (never a re-formatting type
// such as jsonb) so that verification recomputes the same bytes.
func (e Entry) canonical() ([]byte, error) {
	e.Hash = ""
	b, err := json.Marshal(e)
	if err != nil {
		return nil, fmt.Errorf("encode entry %d: %w", e.Seq, err)
	}
	return b, nil
}

// ComputeHash returns the hash e should carry.
func (e Entry) ComputeHash() (string, error) {
	b, err := e.canonical()
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), nil
}

// Link makes e the entry after prev (nil for the first entry of the log): it
// sets Seq, Prev and Hash. Stores call it inside the transaction that appends.
func Link(prev *Entry, e Entry) (Entry, error) {
	e.Seq, e.Prev = 1, ""
	if prev != nil {
		e.Seq, e.Prev = prev.Seq+1, prev.Hash
	}
	e.At = e.At.UTC().Truncate(time.Microsecond)
	h, err := e.ComputeHash()
	if err != nil {
		return Entry{}, err
	}
	e.Hash = h
	return e, nil
}

// ChainError names the first entry that does not verify.
type ChainError struct {
	// Seq is the position in the log (1-based) where verification failed.
	Seq uint64
	// Reason says what is wrong, in English for operators' logs.
	Reason string
}

func (e *ChainError) Error() string { return fmt.Sprintf("audit log entry %d: %s", e.Seq, e.Reason) }

// Unwrap makes errors.Is(err, ErrTampered) true.
func (e *ChainError) Unwrap() error { return ErrTampered }

// ChainVerifier checks entries one at a time, in the order the store returns
// them, so that a log of any length verifies in constant memory.
type ChainVerifier struct {
	prev *Entry
	n    uint64
}

// Next checks e against the entries seen so far: the sequence has no gap,
// e links to the previous hash and its own hash is right. It returns a
// *ChainError (wrapping ErrTampered) at the first problem.
func (v *ChainVerifier) Next(e Entry) error {
	v.n++
	if e.Seq != v.n {
		return &ChainError{Seq: v.n, Reason: fmt.Sprintf("sequence %d where %d was expected (deleted, inserted or reordered)", e.Seq, v.n)}
	}
	want := ""
	if v.prev != nil {
		want = v.prev.Hash
	}
	if e.Prev != want {
		return &ChainError{Seq: e.Seq, Reason: "does not link to the previous entry (deleted, inserted or reordered)"}
	}
	h, err := e.ComputeHash()
	if err != nil {
		return &ChainError{Seq: e.Seq, Reason: err.Error()}
	}
	if h != e.Hash {
		return &ChainError{Seq: e.Seq, Reason: "content does not match its hash (edited)"}
	}
	cp := e
	v.prev = &cp
	return nil
}

// Count is the number of entries verified so far.
func (v *ChainVerifier) Count() uint64 { return v.n }

// Last is the last verified entry (nil before the first).
func (v *ChainVerifier) Last() *Entry { return v.prev }

// Checkpoint is a signed statement of the log's state: its size and the
// Merkle tree root (RFC 6962) over the entries' hashes. A chain rewritten
// without the signing key no longer matches the signed roots.
type Checkpoint struct {
	// Size is the number of entries covered (entries 1..Size).
	Size uint64 `json:"size"`
	// Root is the RFC 6962 Merkle root (hex) of the entries' hashes.
	Root string `json:"root"`
	// At is when it was signed.
	At time.Time `json:"at"`
	// KeyID names the signing key (hex of the first 8 bytes of SHA-256 of the public key).
	KeyID string `json:"key_id"`
	// Signature is the ed25519 signature (hex) of SignedText().
	Signature string `json:"signature"`
}

// SignedText is what the checkpoint's signature covers.
func (c Checkpoint) SignedText() []byte {
	return fmt.Appendf(nil, "cailiang audit checkpoint\n%d\n%s\n%s\n", c.Size, c.Root, c.At.UTC().Format(time.RFC3339Nano))
}

// digestJSON returns the SHA-256 (hex) of v's JSON, the Before/After digests
// of entries. A nil v gives "".
func digestJSON(v any) (string, error) {
	if v == nil {
		return "", nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("digest: %w", err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), nil
}
