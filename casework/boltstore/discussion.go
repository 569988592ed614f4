package boltstore

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"slices"

	bolt "go.etcd.io/bbolt"

	"github.com/cailiang/cailiang/casework"
)

// Discussions, their comments, notifications and training collections: one
// bucket each. Discussions are keyed by ID; comments by discussion ID, 0 and
// a big-endian sequence (so a discussion's comments are a prefix, in the
// order added); notifications by user ID, 0 and notification ID.
var (
	bucketDiscussions   = []byte("discussions")
	bucketComments      = []byte("comments")
	bucketNotifications = []byte("notifications")
	bucketCollections   = []byte("collections")
	// laterBuckets are created by a read-write open; a file written before
	// them, opened read-only (audit verify), has none: reads find nothing.
	laterBuckets = [][]byte{bucketDiscussions, bucketComments, bucketNotifications, bucketCollections, bucketShared, bucketDigests, bucketActs}
)

// errNoBucket is what reads of a later bucket see in a file without it.
var errNoBucket = fmt.Errorf("bucket not created yet: %w", casework.ErrNotFound)

// later returns a later bucket, or errNoBucket when the file predates it.
func (t *tx) later(name []byte) (*bolt.Bucket, error) {
	if b := t.tx.Bucket(name); b != nil {
		return b, nil
	}
	return nil, errNoBucket
}

// getLater is get on a later bucket.
func (t *tx) getLater(bucket []byte, key, what string, v any) error {
	if _, err := t.later(bucket); err != nil {
		return fmt.Errorf("%s %q: %w", what, key, casework.ErrNotFound)
	}
	return t.get(bucket, key, what, v)
}

// Discussion implements casework.ReadTx.
func (t *tx) Discussion(id string) (d casework.Discussion, err error) {
	err = t.getLater(bucketDiscussions, id, "discussion", &d)
	return d, err
}

// Discussions implements casework.ReadTx.
func (t *tx) Discussions(caseID string) ([]casework.Discussion, error) {
	b, err := t.later(bucketDiscussions)
	if err != nil {
		return nil, nil
	}
	out, err := decodeAll(b, "discussion", func(d casework.Discussion) bool {
		return caseID == "" || d.CaseID == caseID
	})
	slices.SortStableFunc(out, func(a, b casework.Discussion) int {
		return cmp.Or(b.Opened.Compare(a.Opened), cmp.Compare(b.ID, a.ID))
	})
	return out, err
}

// Comments implements casework.ReadTx.
func (t *tx) Comments(discussionID string) ([]casework.Comment, error) {
	b, err := t.later(bucketComments)
	if err != nil {
		return nil, nil
	}
	return decodePrefix[casework.Comment](b, append([]byte(discussionID), 0), "comment")
}

// decodePrefix decodes the values of b whose keys start with prefix, in key order.
func decodePrefix[T any](b *bolt.Bucket, prefix []byte, what string) ([]T, error) {
	var out []T
	cur := b.Cursor()
	for k, v := cur.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = cur.Next() {
		var x T
		if err := json.Unmarshal(v, &x); err != nil {
			return nil, fmt.Errorf("decode %s %q: %w", what, k, err)
		}
		out = append(out, x)
	}
	return out, nil
}

// Notifications implements casework.ReadTx.
func (t *tx) Notifications(userID string) ([]casework.Notification, error) {
	b, err := t.later(bucketNotifications)
	if err != nil {
		return nil, nil
	}
	out, err := decodePrefix[casework.Notification](b, append([]byte(userID), 0), "notification")
	slices.SortStableFunc(out, func(a, b casework.Notification) int {
		return cmp.Or(b.At.Compare(a.At), cmp.Compare(b.ID, a.ID))
	})
	return out, err
}

// CreateDiscussion implements casework.Tx.
func (t *tx) CreateDiscussion(d casework.Discussion) error {
	if d.ID == "" || d.CaseID == "" {
		return fmt.Errorf("discussion without ID or case: %w", casework.ErrInvalid)
	}
	if t.tx.Bucket(bucketDiscussions).Get([]byte(d.ID)) != nil {
		return fmt.Errorf("discussion %s: %w", d.ID, casework.ErrExists)
	}
	return t.put(bucketDiscussions, d.ID, "discussion", d)
}

// UpdateDiscussion implements casework.Tx.
func (t *tx) UpdateDiscussion(d casework.Discussion, prev int64) error {
	old, err := t.Discussion(d.ID)
	if err != nil {
		return err
	}
	if old.Version != prev {
		return fmt.Errorf("discussion %s is at version %d, not %d: %w", d.ID, old.Version, prev, casework.ErrConflict)
	}
	return t.put(bucketDiscussions, d.ID, "discussion", d)
}

// AddComment implements casework.Tx.
func (t *tx) AddComment(c casework.Comment) error {
	if c.ID == "" {
		return fmt.Errorf("comment without ID: %w", casework.ErrInvalid)
	}
	if t.tx.Bucket(bucketDiscussions).Get([]byte(c.DiscussionID)) == nil {
		return fmt.Errorf("discussion %q: %w", c.DiscussionID, casework.ErrNotFound)
	}
	existing, err := t.Comments(c.DiscussionID)
	if err != nil {
		return err
	}
	if slices.ContainsFunc(existing, func(x casework.Comment) bool { return x.ID == c.ID }) {
		return fmt.Errorf("comment %s: %w", c.ID, casework.ErrExists)
	}
	b := t.tx.Bucket(bucketComments)
	seq, err := b.NextSequence()
	if err != nil {
		return fmt.Errorf("comment: %w", err)
	}
	raw, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("encode comment: %w", err)
	}
	if err := b.Put(binary.BigEndian.AppendUint64(append([]byte(c.DiscussionID), 0), seq), raw); err != nil {
		return fmt.Errorf("store comment: %w", err)
	}
	return nil
}

// PutNotification implements casework.Tx.
func (t *tx) PutNotification(n casework.Notification) error {
	if n.User == "" || n.ID == "" {
		return fmt.Errorf("notification without user or ID: %w", casework.ErrInvalid)
	}
	return t.put(bucketNotifications, n.User+"\x00"+n.ID, "notification", n)
}

// Collection implements casework.ReadTx.
func (t *tx) Collection(id string) (c casework.Collection, err error) {
	err = t.getLater(bucketCollections, id, "collection", &c)
	return c, err
}

// Collections implements casework.ReadTx.
func (t *tx) Collections() ([]casework.Collection, error) {
	b, err := t.later(bucketCollections)
	if err != nil {
		return nil, nil
	}
	out, err := decodeAll(b, "collection", func(casework.Collection) bool { return true })
	slices.SortStableFunc(out, func(a, b casework.Collection) int {
		return cmp.Or(b.Updated.Compare(a.Updated), cmp.Compare(b.ID, a.ID))
	})
	return out, err
}

// CreateCollection implements casework.Tx.
func (t *tx) CreateCollection(c casework.Collection) error {
	if c.ID == "" {
		return fmt.Errorf("collection without ID: %w", casework.ErrInvalid)
	}
	if t.tx.Bucket(bucketCollections).Get([]byte(c.ID)) != nil {
		return fmt.Errorf("collection %s: %w", c.ID, casework.ErrExists)
	}
	return t.put(bucketCollections, c.ID, "collection", c)
}

// UpdateCollection implements casework.Tx.
func (t *tx) UpdateCollection(c casework.Collection, prev int64) error {
	old, err := t.Collection(c.ID)
	if err != nil {
		return err
	}
	if old.Version != prev {
		return fmt.Errorf("collection %s is at version %d, not %d: %w", c.ID, old.Version, prev, casework.ErrConflict)
	}
	return t.put(bucketCollections, c.ID, "collection", c)
}
