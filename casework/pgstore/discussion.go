package pgstore

import (
	"encoding/json"
	"fmt"

	"github.com/cailiang/cailiang/casework"
)

// Discussion returns a discussion by ID; ErrNotFound when there is none.
// In an Update it holds the writers' lock first (getDoc), so a comment and
// a conclusion decide on the discussion one writer at a time.
func (t *tx) Discussion(id string) (casework.Discussion, error) {
	return getDoc[casework.Discussion](t, "discussion", `SELECT doc FROM discussions WHERE id = $1`, id)
}

// Discussions lists a case's discussions ("" for all), most recently opened first.
func (t *tx) Discussions(caseID string) ([]casework.Discussion, error) {
	if caseID == "" {
		return listDocs[casework.Discussion](t, "discussions", `SELECT doc FROM discussions ORDER BY opened DESC, id DESC`)
	}
	if badKey(caseID) {
		return nil, nil
	}
	return listDocs[casework.Discussion](t, "discussions",
		`SELECT doc FROM discussions WHERE case_id = $1 ORDER BY opened DESC, id DESC`, caseID)
}

// Comments lists a discussion's comments in the order added.
func (t *tx) Comments(discussionID string) ([]casework.Comment, error) {
	if badKey(discussionID) {
		return nil, nil
	}
	return listDocs[casework.Comment](t, "comments", `SELECT doc FROM comments WHERE discussion_id = $1 ORDER BY ord`, discussionID)
}

// Notifications lists a user's notifications, newest first.
func (t *tx) Notifications(userID string) ([]casework.Notification, error) {
	if badKey(userID) {
		return nil, nil
	}
	return listDocs[casework.Notification](t, "notifications",
		`SELECT doc FROM notifications WHERE user_id = $1 ORDER BY at DESC, id DESC`, userID)
}

// CreateDiscussion stores a new discussion; ErrExists when its ID is taken.
func (t *tx) CreateDiscussion(d casework.Discussion) error {
	if d.CaseID == "" || badKey(d.CaseID) {
		return fmt.Errorf("discussion without case: %w", casework.ErrInvalid)
	}
	return t.putDoc("discussion", d.ID, `INSERT INTO discussions (id, case_id, opened, version, doc) VALUES ($1, $2, $3, $4, $5)`,
		d, d.ID, d.CaseID, d.Opened, d.Version)
}

// UpdateDiscussion replaces the discussion stored at version prev.
func (t *tx) UpdateDiscussion(d casework.Discussion, prev int64) error {
	return t.updateVersioned("discussion", d.ID, d, `UPDATE discussions SET version = $3, doc = $4 WHERE id = $1 AND version = $2`,
		`SELECT EXISTS (SELECT 1 FROM discussions WHERE id = $1)`, prev, d.Version)
}

// updateVersioned runs an UPDATE … WHERE id = $1 AND version = $2 of v's
// JSON ($4) at version ($3): ErrNotFound when the row is missing,
// ErrConflict when it is at another version.
func (t *tx) updateVersioned(what, id string, v any, update, exists string, prev, version int64) error {
	if id == "" || badKey(id) {
		return fmt.Errorf("%s %q: %w", what, id, casework.ErrNotFound)
	}
	doc, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode %s %s: %w", what, id, err)
	}
	tag, err := t.tx.Exec(t.ctx, update, id, prev, version, string(doc))
	if err != nil {
		return fmt.Errorf("update %s %s: %w", what, id, mapErr(err))
	}
	if tag.RowsAffected() == 1 {
		return nil
	}
	var found bool
	if err := t.tx.QueryRow(t.ctx, exists, id).Scan(&found); err != nil {
		return fmt.Errorf("update %s %s: %w", what, id, mapErr(err))
	}
	if !found {
		return fmt.Errorf("%s %s: %w", what, id, casework.ErrNotFound)
	}
	return fmt.Errorf("%s %s is not at version %d: %w", what, id, prev, casework.ErrConflict)
}

// AddComment stores a comment; ErrNotFound for an unknown discussion,
// ErrExists for a comment ID taken.
func (t *tx) AddComment(c casework.Comment) error {
	if badKey(c.DiscussionID) {
		return fmt.Errorf("discussion %q: %w", c.DiscussionID, casework.ErrNotFound)
	}
	doc, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("encode comment %s: %w", c.ID, err)
	}
	if c.ID == "" || badKey(c.ID) {
		return fmt.Errorf("comment %q: %w", c.ID, casework.ErrInvalid)
	}
	tag, err := t.tx.Exec(t.ctx, `INSERT INTO comments (discussion_id, id, doc) SELECT id, $2, $3 FROM discussions WHERE id = $1`,
		c.DiscussionID, c.ID, string(doc))
	if err != nil {
		return fmt.Errorf("add comment %s: %w", c.ID, mapErr(err))
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("discussion %s: %w", c.DiscussionID, casework.ErrNotFound)
	}
	return nil
}

// PutNotification creates or replaces a notification.
func (t *tx) PutNotification(n casework.Notification) error {
	if n.User == "" || badKey(n.User) {
		return fmt.Errorf("notification without user: %w", casework.ErrInvalid)
	}
	return t.putDoc("notification", n.ID, `INSERT INTO notifications (user_id, id, at, doc) VALUES ($1, $2, $3, $4)
		ON CONFLICT (user_id, id) DO UPDATE SET at = EXCLUDED.at, doc = EXCLUDED.doc`, n, n.User, n.ID, n.At)
}

// Collection returns a collection by ID; ErrNotFound when there is none.
func (t *tx) Collection(id string) (casework.Collection, error) {
	return getDoc[casework.Collection](t, "collection", `SELECT doc FROM collections WHERE id = $1`, id)
}

// Collections lists every collection, most recently updated first.
func (t *tx) Collections() ([]casework.Collection, error) {
	return listDocs[casework.Collection](t, "collections", `SELECT doc FROM collections ORDER BY updated DESC, id DESC`)
}

// CreateCollection stores a new collection; ErrExists when its ID is taken.
func (t *tx) CreateCollection(c casework.Collection) error {
	return t.putDoc("collection", c.ID, `INSERT INTO collections (id, updated, version, doc) VALUES ($1, $2, $3, $4)`,
		c, c.ID, c.Updated, c.Version)
}

// UpdateCollection replaces the collection stored at version prev.
func (t *tx) UpdateCollection(c casework.Collection, prev int64) error {
	if err := t.updateVersioned("collection", c.ID, c, `UPDATE collections SET version = $3, doc = $4 WHERE id = $1 AND version = $2`,
		`SELECT EXISTS (SELECT 1 FROM collections WHERE id = $1)`, prev, c.Version); err != nil {
		return err
	}
	if _, err := t.tx.Exec(t.ctx, `UPDATE collections SET updated = $2 WHERE id = $1`, c.ID, c.Updated); err != nil {
		return fmt.Errorf("update collection %s: %w", c.ID, mapErr(err))
	}
	return nil
}
