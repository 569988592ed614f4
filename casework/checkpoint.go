package casework

import (
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/transparency-dev/merkle/compact"
	"github.com/transparency-dev/merkle/rfc6962"
)

// The Merkle tree of the log is RFC 6962's (the tree of Certificate
// Transparency): its leaves are the entries' hashes, so a checkpoint's root
// commits to every entry and their order. A compact range keeps only the
// roots of the perfect subtrees seen so far (at most 64 hashes), so the root
// of a log of any length is computed while streaming it once.
var merkleRanges = &compact.RangeFactory{Hash: rfc6962.DefaultHasher.HashChildren}

// merkleTree accumulates entries' hashes into an RFC 6962 tree.
type merkleTree struct{ r *compact.Range }

func newMerkleTree() *merkleTree { return &merkleTree{r: merkleRanges.NewEmptyRange(0)} }

// add appends the leaf of entry e (its hash, decoded).
func (t *merkleTree) add(e Entry) error {
	h, err := hex.DecodeString(e.Hash)
	if err != nil || len(h) != sha256.Size {
		return &ChainError{Seq: e.Seq, Reason: "hash is not a SHA-256 in hex"}
	}
	if err := t.r.Append(rfc6962.DefaultHasher.HashLeaf(h), nil); err != nil {
		return fmt.Errorf("merkle append %d: %w", e.Seq, err)
	}
	return nil
}

// root is the hex root over the entries added so far.
func (t *merkleTree) root() (string, error) {
	if t.r.End() == 0 {
		return hex.EncodeToString(rfc6962.DefaultHasher.EmptyRoot()), nil
	}
	h, err := t.r.GetRootHash(nil)
	if err != nil {
		return "", fmt.Errorf("merkle root: %w", err)
	}
	return hex.EncodeToString(h), nil
}

// KeyID names an audit public key in checkpoints: the hex of the first 8
// bytes of its SHA-256.
func KeyID(pub ed25519.PublicKey) string {
	sum := sha256.Sum256(pub)
	return hex.EncodeToString(sum[:8])
}

// Report is what Verify found.
type Report struct {
	// Entries is the number of log entries verified: chained and, up to
	// the last checkpoint, matching it.
	Entries uint64 `json:"entries"`
	// Checkpoints is the number of signed checkpoints whose root and
	// signature verified.
	Checkpoints int `json:"checkpoints"`
	// Last is the last verified checkpoint (nil when there is none).
	Last *Checkpoint `json:"last_checkpoint,omitempty"`
	// Uncovered counts the entries after the last checkpoint: they are
	// chained but not yet signed, so a rewrite of them alone is not caught
	// until the next checkpoint.
	Uncovered uint64 `json:"uncovered"`
}

// ErrNoKey is wrapped when the audit key is missing or malformed.
var ErrNoKey = errors.New("no audit key")

// Verify checks the whole full-process record in store: the hash chain
// entry by entry (ChainVerifier), and at each signed checkpoint the Merkle
// root of the entries it covers, its signature by pub and its KeyID. It
// returns what it verified and a *ChainError (wrapping ErrTampered) naming
// the first entry that does not verify: for a chain rewritten consistently
// without the signing key, that is the first entry after the last
// checkpoint that still matches. Other errors come from the store or the
// context; ErrNoKey when pub is not an ed25519 public key.
func Verify(ctx context.Context, store Store, pub ed25519.PublicKey) (Report, error) {
	if len(pub) != ed25519.PublicKeySize {
		return Report{}, fmt.Errorf("verify: %w", ErrNoKey)
	}
	var rep Report
	err := store.View(ctx, func(tx ReadTx) error {
		cps, err := tx.Checkpoints()
		if err != nil {
			return err
		}
		slices.SortStableFunc(cps, func(a, b Checkpoint) int { return compareSize(a.Size, b.Size) })
		rep, err = verifyLog(ctx, tx, cps, pub, newMerkleTree())
		return err
	})
	return rep, err
}

func compareSize(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// verifyLog streams the log once through the chain verifier and the Merkle
// tree (empty when called), checking each checkpoint (sorted by size) when
// the tree reaches it; tree ends holding the whole log.
func verifyLog(ctx context.Context, tx ReadTx, cps []Checkpoint, pub ed25519.PublicKey, tree *merkleTree) (Report, error) {
	var (
		rep   Report
		v     ChainVerifier
		next  int    // index of the next checkpoint to check
		valid uint64 // size of the last checkpoint that verified
		keyID = KeyID(pub)
	)
	check := func() error {
		for next < len(cps) && cps[next].Size == v.Count() {
			cp := cps[next]
			next++
			if err := checkCheckpoint(cp, tree, pub, keyID); err != nil {
				rep.Entries = valid // only what a valid checkpoint vouches for
				return &ChainError{Seq: valid + 1, Reason: fmt.Sprintf("entries %d–%d %s", valid+1, cp.Size, err)}
			}
			valid = cp.Size
			rep.Checkpoints++
			rep.Last = &cp
		}
		return nil
	}
	if next < len(cps) && cps[next].Size == 0 {
		return rep, &ChainError{Seq: 1, Reason: "a checkpoint of size 0 (not one the service signs)"}
	}
	err := tx.Entries(1, func(e Entry) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := v.Next(e); err != nil {
			return err
		}
		if err := tree.add(e); err != nil {
			return err
		}
		rep.Entries = v.Count()
		return check()
	})
	if err != nil {
		return rep, err
	}
	if next < len(cps) {
		return rep, &ChainError{Seq: v.Count() + 1, Reason: fmt.Sprintf("the log ends at entry %d but a checkpoint covers %d entries (entries deleted)",
			v.Count(), cps[next].Size)}
	}
	rep.Uncovered = rep.Entries - valid
	return rep, nil
}

// checkCheckpoint compares cp with the tree over its entries and checks its
// signature; the error says what differs.
func checkCheckpoint(cp Checkpoint, tree *merkleTree, pub ed25519.PublicKey, keyID string) error {
	root, err := tree.root()
	if err != nil {
		return err
	}
	if cp.KeyID != keyID {
		return fmt.Errorf("are covered by a checkpoint signed with key %q, not the audit key %q", cp.KeyID, keyID)
	}
	sig, err := hex.DecodeString(cp.Signature)
	if err != nil || !ed25519.Verify(pub, cp.SignedText(), sig) {
		return errors.New("are covered by a checkpoint whose signature does not verify (forged or altered checkpoint)")
	}
	if cp.Root != root {
		return errors.New("no longer match the signed checkpoint over them (rewritten)")
	}
	return nil
}

// Checkpoint verifies the log (Verify) and, when entries were added since
// the last checkpoint, signs and stores a checkpoint over all of them. It
// never signs a log that does not verify: a rewritten chain would otherwise
// be made official. created is false (and cp the last checkpoint) when
// nothing is new. Errors: *ChainError (ErrTampered) when the log does not
// verify, ErrNoKey for a malformed key, store errors.
func (s *Service) Checkpoint(ctx context.Context, key ed25519.PrivateKey) (cp Checkpoint, created bool, err error) {
	if len(key) != ed25519.PrivateKeySize {
		return Checkpoint{}, false, fmt.Errorf("checkpoint: %w", ErrNoKey)
	}
	pub := key.Public().(ed25519.PublicKey)
	var root string
	var size uint64
	// The scan runs in a read transaction: on both stores, readers do not
	// hold up the writers that keep appending meanwhile; the checkpoint
	// covers the snapshot it read.
	err = s.cfg.Store.View(ctx, func(tx ReadTx) error {
		cps, err := tx.Checkpoints()
		if err != nil {
			return err
		}
		slices.SortStableFunc(cps, func(a, b Checkpoint) int { return compareSize(a.Size, b.Size) })
		tree := newMerkleTree()
		rep, err := verifyLog(ctx, tx, cps, pub, tree)
		if err != nil {
			return err
		}
		if rep.Last != nil {
			cp = *rep.Last
		}
		if rep.Uncovered == 0 {
			return nil
		}
		size = rep.Entries
		root, err = tree.root()
		return err
	})
	if err != nil || size == 0 {
		return cp, false, err
	}
	cp = Checkpoint{Size: size, Root: root, At: s.now(), KeyID: KeyID(pub)}
	cp.Signature = hex.EncodeToString(ed25519.Sign(key, cp.SignedText()))
	var latest Checkpoint
	err = s.cfg.Store.Update(ctx, func(tx Tx) error {
		cps, err := tx.Checkpoints()
		if err != nil {
			return err
		}
		for _, old := range cps {
			if old.Size >= cp.Size && old.Size >= latest.Size {
				latest = old
			}
		}
		if latest.Size > 0 {
			// Another node signed as far or further meanwhile.
			return errStop
		}
		return tx.AddCheckpoint(cp)
	})
	if errors.Is(err, errStop) {
		return latest, false, nil
	}
	if err != nil {
		return Checkpoint{}, false, fmt.Errorf("store checkpoint: %w", err)
	}
	s.log.Info("audit checkpoint signed", "size", cp.Size, "root", cp.Root, "key_id", cp.KeyID)
	return cp, true, nil
}

// errStop ends a scan early; it never leaves this package.
var errStop = errors.New("stop")

// CheckpointPolicy says when RunCheckpoints signs: after Every new entries
// or Interval since the last checkpoint, whichever comes first.
type CheckpointPolicy struct {
	// Every is the number of new entries that triggers a checkpoint (0: 1000).
	Every uint64
	// Interval bounds the time an entry stays uncovered (0: 10 minutes).
	Interval time.Duration
	// Poll is how often the log's length is looked at (0: Interval/10, at
	// least a second).
	Poll time.Duration
}

// RunCheckpoints signs checkpoints as policy says until ctx ends; it returns
// nil then. A log that does not verify is logged at error level on every
// round (an operator must look), never signed. Errors: ErrNoKey.
func (s *Service) RunCheckpoints(ctx context.Context, key ed25519.PrivateKey, policy CheckpointPolicy) error {
	if len(key) != ed25519.PrivateKeySize {
		return fmt.Errorf("checkpoints: %w", ErrNoKey)
	}
	if policy.Every == 0 {
		policy.Every = 1000
	}
	if policy.Interval <= 0 {
		policy.Interval = 10 * time.Minute
	}
	if policy.Poll <= 0 {
		policy.Poll = max(policy.Interval/10, time.Second)
	}
	tick := time.NewTicker(policy.Poll)
	defer tick.Stop()
	lastSigned := time.Now()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
		due, err := s.checkpointDue(ctx, policy.Every, time.Since(lastSigned) >= policy.Interval)
		if err != nil {
			if ctx.Err() == nil {
				s.log.Error("audit checkpoint check failed", "err", err)
			}
			continue
		}
		if !due {
			continue
		}
		if _, _, err := s.Checkpoint(ctx, key); err != nil {
			if ctx.Err() == nil {
				s.log.Error("audit checkpoint not signed", "err", err)
			}
			continue
		}
		lastSigned = time.Now()
	}
}

// checkpointDue reports whether the log has at least every entries after
// the last checkpoint, or any when late is set.
func (s *Service) checkpointDue(ctx context.Context, every uint64, late bool) (bool, error) {
	var due bool
	err := s.cfg.Store.View(ctx, func(tx ReadTx) error {
		last, ok, err := tx.LastEntry()
		if err != nil || !ok {
			return err
		}
		cps, err := tx.Checkpoints()
		if err != nil {
			return err
		}
		var covered uint64
		for _, cp := range cps {
			covered = max(covered, cp.Size)
		}
		uncovered := uint64(0)
		if last.Seq > covered {
			uncovered = last.Seq - covered
		}
		due = uncovered >= every || (late && uncovered > 0)
		return nil
	})
	return due, err
}
