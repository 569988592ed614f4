package casework

import (
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"time"
)

// Difficult-case discussion (疑难案例网上探讨): a case, or an anonymised
// extract of it, opened for discussion with chosen colleagues or with every
// reviewer of the city; threaded comments with @mentions, statute citations
// resolved when written and attachments from the case's evidence; a recorded
// conclusion. Every event is an entry of the case's full-process record.

// Audience says who besides the invited may read and comment.
type Audience string

// The audiences of a discussion.
const (
	// AudienceInvited: the opener, the invited colleagues and the case
	// agency's leaders.
	AudienceInvited Audience = "invited"
	// AudienceCityReviewers: also every reviewer (法制审核人员) of every
	// agency of the city. Only an anonymised extract may be opened so.
	AudienceCityReviewers Audience = "city_reviewers"
)

// Discussion is one discussion of a case.
type Discussion struct {
	// ID is the case ID, "-d" and the case's discussion number.
	ID string `json:"id"`
	// CaseID and Agency are the case discussed and its agency.
	CaseID string `json:"case_id"`
	Agency string `json:"agency"`
	// Topic is the question put to the colleagues (议题).
	Topic string `json:"topic"`
	// Anonymised discussions show participants only Extract, never the case.
	Anonymised bool     `json:"anonymised"`
	Extract    *Extract `json:"extract,omitempty"`
	// Audience and Invited say who takes part (see Audience).
	Audience Audience `json:"audience"`
	Invited  []string `json:"invited"`
	// OpenedBy and Opened say who opened it and when.
	OpenedBy string    `json:"opened_by"`
	Opened   time.Time `json:"opened"`
	// Comments counts the comments; comment IDs are numbered from it.
	Comments int `json:"comments"`
	// Conclusion is recorded once; the discussion is closed after it.
	Conclusion *Conclusion `json:"conclusion,omitempty"`
	// Version increases with every change (a comment, the conclusion).
	Version int64     `json:"version"`
	Updated time.Time `json:"updated"`
}

// Conclusion is a discussion's recorded result (讨论结论).
type Conclusion struct {
	Text string    `json:"text"`
	By   string    `json:"by"`
	At   time.Time `json:"at"`
}

// Comment is one comment of a discussion.
type Comment struct {
	// ID is the discussion ID, "-c" and the comment's number (from 1).
	ID           string `json:"id"`
	DiscussionID string `json:"discussion_id"`
	// ReplyTo is the ID of the comment answered (threads), empty at the top.
	ReplyTo string `json:"reply_to,omitempty"`
	Author  string `json:"author"`
	Text    string `json:"text"`
	// Mentions are the user IDs written as @id in Text.
	Mentions []string `json:"mentions,omitempty"`
	// Citations are the statute articles cited in Text, resolved when written.
	Citations []Citation `json:"citations,omitempty"`
	// Attachments are digests of the case's evidence files.
	Attachments []string  `json:"attachments,omitempty"`
	At          time.Time `json:"at"`
}

// Citation is a statute article cited in a comment, with the text it
// resolved to; Error (in Chinese) when it did not resolve.
type Citation struct {
	// Text is the citation as written (e.g. 《行政处罚法》第三十二条).
	Text string `json:"text"`
	// Label is the canonical reference (行政处罚法第三十二条).
	Label string `json:"label,omitempty"`
	// Article is the statute text cited.
	Article string `json:"article,omitempty"`
	// InForce is false for a version no longer in force (Notice says why).
	InForce bool   `json:"in_force"`
	Notice  string `json:"notice,omitempty"`
	Error   string `json:"error,omitempty"`
}

// CitationResolver finds and resolves the statute citations in a text. The
// app adapts the corpus's resolver to it.
type CitationResolver interface {
	// Cite returns the citations found in text, each resolved or with its
	// Error; an error only when resolving could not run at all.
	Cite(ctx context.Context, text string) ([]Citation, error)
}

// Notification is something a user should read in the workbench: a mention
// or an invitation to a discussion.
type Notification struct {
	// User is whose notification it is; ID is unique per user (the comment
	// or discussion it is about).
	User string `json:"user"`
	ID   string `json:"id"`
	// Kind is "mention" or "invite".
	Kind         string    `json:"kind"`
	DiscussionID string    `json:"discussion_id"`
	CaseID       string    `json:"case_id"`
	From         string    `json:"from"`
	Excerpt      string    `json:"excerpt"`
	At           time.Time `json:"at"`
	Read         bool      `json:"read"`
}

// DiscussionReader reads discussions inside a transaction. Getters return
// ErrNotFound (wrapped) for an unknown ID.
type DiscussionReader interface {
	// Discussion returns a discussion by ID.
	Discussion(id string) (Discussion, error)
	// Discussions lists the discussions of a case ("" for every case),
	// most recently opened first.
	Discussions(caseID string) ([]Discussion, error)
	// Comments lists a discussion's comments in the order added.
	Comments(discussionID string) ([]Comment, error)
	// Notifications lists a user's notifications, newest first.
	Notifications(userID string) ([]Notification, error)
}

// DiscussionWriter writes discussions inside a transaction.
type DiscussionWriter interface {
	// CreateDiscussion stores a new discussion; ErrExists when its ID is taken.
	CreateDiscussion(d Discussion) error
	// UpdateDiscussion replaces a discussion stored at version prev;
	// ErrConflict when it is at another, ErrNotFound when there is none.
	UpdateDiscussion(d Discussion, prev int64) error
	// AddComment stores a comment; ErrNotFound when its discussion does not
	// exist, ErrExists when its ID is taken.
	AddComment(c Comment) error
	// PutNotification creates or replaces a notification (by user and ID).
	PutNotification(n Notification) error
}

// Limits of discussions.
const (
	maxComment     = 5000
	maxInvited     = 50
	maxAttachments = 10
)

// NewDiscussion is what a colleague gives to open a discussion.
type NewDiscussion struct {
	Topic      string   `json:"topic"`
	Anonymised bool     `json:"anonymised"`
	Audience   Audience `json:"audience"`
	Invited    []string `json:"invited"`
}

// NewComment is a comment as written.
type NewComment struct {
	Text        string   `json:"text"`
	ReplyTo     string   `json:"reply_to"`
	Attachments []string `json:"attachments"`
}

// mentionPattern finds @user-id mentions.
var mentionPattern = regexp.MustCompile(`@([A-Za-z0-9][A-Za-z0-9._-]{1,63})`)

// Mentions returns the user IDs mentioned (@id) in text, once each, in
// order. An @ right after a letter or digit is part of an e-mail address,
// not a mention.
func Mentions(text string) []string {
	var out []string
	for _, m := range mentionPattern.FindAllStringSubmatchIndex(text, -1) {
		if m[0] > 0 && isIDByte(text[m[0]-1]) {
			continue
		}
		id := strings.TrimRight(text[m[2]:m[3]], ".-_")
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

func isIDByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '.' || b == '_' || b == '-'
}

// canDiscuss reports whether actor takes part in d: the opener, the
// invited, the case agency's leaders, and every reviewer of the city when
// the audience is theirs.
func canDiscuss(actor User, d Discussion) bool {
	switch {
	case actor.Disabled:
		return false
	case actor.ID == d.OpenedBy || slices.Contains(d.Invited, actor.ID):
		return true
	case actor.Agency == d.Agency && actor.Has(RoleLeader):
		return true
	}
	return d.Audience == AudienceCityReviewers && actor.Agency != "" && actor.Has(RoleReviewer)
}

// OpenDiscussion opens a discussion of case id (its agency's staff who read
// it). A discussion that is not anonymised stays within the agency: inviting
// another agency's staff or all the city's reviewers needs the anonymised
// extract (ErrInvalid otherwise); so does a case without an Anonymiser.
func (s *Service) OpenDiscussion(ctx context.Context, actor User, caseID string, n NewDiscussion) (Discussion, error) {
	if err := validText("topic", n.Topic, maxTitle, false); err != nil {
		return Discussion{}, err
	}
	if strings.TrimSpace(n.Topic) == "" {
		return Discussion{}, fmt.Errorf("topic: empty: %w", ErrInvalid)
	}
	if n.Audience == "" {
		n.Audience = AudienceInvited
	}
	if n.Audience != AudienceInvited && n.Audience != AudienceCityReviewers {
		return Discussion{}, fmt.Errorf("audience %q: invited or city_reviewers: %w", n.Audience, ErrInvalid)
	}
	if len(n.Invited) > maxInvited {
		return Discussion{}, fmt.Errorf("invited: more than %d: %w", maxInvited, ErrInvalid)
	}
	if n.Audience == AudienceCityReviewers && !n.Anonymised {
		return Discussion{}, fmt.Errorf("audience city_reviewers: 须使用脱敏摘要: %w", ErrInvalid)
	}
	var out Discussion
	err := s.cfg.Store.Update(ctx, func(tx Tx) error {
		c, err := tx.Case(caseID)
		if err != nil {
			return err
		}
		if !canRead(actor, c) || actor.Agency != c.Agency || !actor.HasAny(RoleOfficer, RoleReviewer, RoleLeader) {
			return denied(c, "discuss")
		}
		invited := make([]string, 0, len(n.Invited))
		for _, id := range n.Invited {
			u, err := tx.User(id)
			if err != nil || u.Disabled || !u.HasAny(RoleOfficer, RoleReviewer, RoleLeader) {
				return fmt.Errorf("invited %q: 不是可邀请的执法人员: %w", id, ErrInvalid)
			}
			if u.Agency != c.Agency && !n.Anonymised {
				return fmt.Errorf("invited %q of another agency: 须使用脱敏摘要: %w", id, ErrInvalid)
			}
			if id != actor.ID && !slices.Contains(invited, id) {
				invited = append(invited, id)
			}
		}
		d := Discussion{CaseID: c.ID, Agency: c.Agency, Topic: strings.TrimSpace(n.Topic), Anonymised: n.Anonymised,
			Audience: n.Audience, Invited: invited, OpenedBy: actor.ID, Opened: s.now(), Version: 1}
		d.Updated = d.Opened
		if n.Anonymised {
			x, err := s.extract(c)
			if err != nil {
				return err
			}
			d.Extract = &x
		}
		existing, err := tx.Discussions(c.ID)
		if err != nil {
			return err
		}
		d.ID = fmt.Sprintf("%s-d%d", c.ID, len(existing)+1)
		if err := tx.CreateDiscussion(d); err != nil {
			return err
		}
		for _, id := range invited {
			if err := tx.PutNotification(Notification{User: id, ID: d.ID, Kind: "invite", DiscussionID: d.ID, CaseID: c.ID,
				From: actor.ID, Excerpt: d.Topic, At: d.Opened}); err != nil {
				return err
			}
		}
		note := "发起疑难案例讨论：" + d.Topic
		if d.Anonymised {
			note += "（脱敏摘要）"
		}
		out = d
		return s.appendEntry(tx, Entry{Actor: actor.ID, Role: primaryRole(actor), Agency: c.Agency, Action: "discussion.open",
			CaseID: c.ID, Subject: d.ID, Note: note}, nil, d)
	})
	return out, err
}

// DiscussionThread is a discussion as a participant reads it: the case
// itself only in a discussion that is not anonymised.
type DiscussionThread struct {
	Discussion Discussion `json:"discussion"`
	Case       *Case      `json:"case,omitempty"`
	Comments   []Comment  `json:"comments"`
}

// Discussion returns a discussion with its comments (participants only:
// ErrForbidden for others, ErrNotFound for an unknown ID).
func (s *Service) Discussion(ctx context.Context, actor User, id string) (DiscussionThread, error) {
	var out DiscussionThread
	err := s.cfg.Store.View(ctx, func(tx ReadTx) error {
		d, err := tx.Discussion(id)
		if err != nil {
			return err
		}
		if !canDiscuss(actor, d) {
			return fmt.Errorf("read discussion %s: %w", id, ErrForbidden)
		}
		out.Discussion = d
		if !d.Anonymised {
			c, err := tx.Case(d.CaseID)
			if err != nil {
				return err
			}
			out.Case = &c
		}
		if out.Comments, err = tx.Comments(id); err != nil {
			return err
		}
		if out.Comments == nil {
			out.Comments = []Comment{}
		}
		return nil
	})
	return out, err
}

// Discussions lists the discussions the actor takes part in, most recently
// opened first; caseID limits them to one case.
func (s *Service) Discussions(ctx context.Context, actor User, caseID string) ([]Discussion, error) {
	if actor.Disabled || !actor.HasAny(RoleOfficer, RoleReviewer, RoleLeader) {
		return nil, fmt.Errorf("list discussions: %w", ErrForbidden)
	}
	out := []Discussion{}
	err := s.cfg.Store.View(ctx, func(tx ReadTx) error {
		all, err := tx.Discussions(caseID)
		if err != nil {
			return err
		}
		for _, d := range all {
			if canDiscuss(actor, d) {
				out = append(out, d)
			}
		}
		return nil
	})
	return out, err
}

// AddComment adds a comment to an open discussion (participants). Every
// @mention must name a participant (ErrInvalid otherwise) and notifies
// them; citations are resolved and kept with the comment; attachments must
// be evidence of the case, in a discussion that is not anonymised, by an
// author of the case's agency (ErrInvalid / ErrForbidden).
func (s *Service) AddComment(ctx context.Context, actor User, discussionID string, n NewComment) (Comment, error) {
	if err := validText("text", n.Text, maxComment, true); err != nil {
		return Comment{}, err
	}
	if strings.TrimSpace(n.Text) == "" {
		return Comment{}, fmt.Errorf("text: empty: %w", ErrInvalid)
	}
	if len(n.Attachments) > maxAttachments {
		return Comment{}, fmt.Errorf("attachments: more than %d: %w", maxAttachments, ErrInvalid)
	}
	if err := validText("reply_to", n.ReplyTo, 200, false); err != nil {
		return Comment{}, err
	}
	var cites []Citation
	if s.cfg.Citations != nil {
		var err error
		if cites, err = s.cfg.Citations.Cite(ctx, n.Text); err != nil {
			return Comment{}, fmt.Errorf("resolve citations: %w", err)
		}
	}
	var out Comment
	err := s.cfg.Store.Update(ctx, func(tx Tx) error {
		d, err := tx.Discussion(discussionID)
		if err != nil {
			return err
		}
		if !canDiscuss(actor, d) {
			return fmt.Errorf("comment on discussion %s: %w", d.ID, ErrForbidden)
		}
		if d.Conclusion != nil {
			return fmt.Errorf("discussion %s: 已有结论，讨论已结束: %w", d.ID, ErrStage)
		}
		if n.ReplyTo != "" {
			if !strings.HasPrefix(n.ReplyTo, d.ID+"-c") {
				return fmt.Errorf("reply_to %q: 不是本讨论的评论: %w", n.ReplyTo, ErrInvalid)
			}
			list, err := tx.Comments(d.ID)
			if err != nil {
				return err
			}
			if !slices.ContainsFunc(list, func(c Comment) bool { return c.ID == n.ReplyTo }) {
				return fmt.Errorf("reply_to %q: 不是本讨论的评论: %w", n.ReplyTo, ErrInvalid)
			}
		}
		mentions := Mentions(n.Text)
		for _, id := range mentions {
			u, err := tx.User(id)
			if err != nil || !canDiscuss(u, d) {
				return fmt.Errorf("mention @%s: 不是本讨论的参与人: %w", id, ErrInvalid)
			}
		}
		if len(n.Attachments) > 0 {
			if d.Anonymised {
				return fmt.Errorf("attachments: 脱敏讨论不能附加证据: %w", ErrInvalid)
			}
			if actor.Agency != d.Agency {
				return fmt.Errorf("attach evidence of case %s: %w", d.CaseID, ErrForbidden)
			}
			evs, err := tx.Evidence(d.CaseID)
			if err != nil {
				return err
			}
			for _, dg := range n.Attachments {
				if !slices.ContainsFunc(evs, func(e Evidence) bool { return e.Digest == dg }) {
					return fmt.Errorf("attachment %q: 不是本案证据: %w", dg, ErrInvalid)
				}
			}
		}
		before := d
		c := Comment{ID: fmt.Sprintf("%s-c%d", d.ID, d.Comments+1), DiscussionID: d.ID, ReplyTo: n.ReplyTo, Author: actor.ID,
			Text: n.Text, Mentions: mentions, Citations: cites, Attachments: slices.Compact(slices.Clone(n.Attachments)), At: s.now()}
		if err := tx.AddComment(c); err != nil {
			return err
		}
		d.Comments++
		d.Version++
		d.Updated = c.At
		if err := tx.UpdateDiscussion(d, before.Version); err != nil {
			return err
		}
		for _, id := range mentions {
			if id == actor.ID {
				continue
			}
			if err := tx.PutNotification(Notification{User: id, ID: c.ID, Kind: "mention", DiscussionID: d.ID, CaseID: d.CaseID,
				From: actor.ID, Excerpt: excerpt(c.Text, 80), At: c.At}); err != nil {
				return err
			}
		}
		out = c
		return s.appendEntry(tx, Entry{Actor: actor.ID, Role: primaryRole(actor), Agency: d.Agency, Action: "discussion.comment",
			CaseID: d.CaseID, Subject: c.ID, Evidence: c.Attachments, Note: "讨论发言：" + excerpt(c.Text, 60)}, nil, c)
	})
	return out, err
}

// excerpt cuts text to at most n runes, on one line.
func excerpt(text string, n int) string {
	text = strings.Join(strings.Fields(text), " ")
	r := []rune(text)
	if len(r) <= n {
		return text
	}
	return string(r[:n]) + "…"
}

// Conclude records a discussion's conclusion (its opener or the case
// agency's leaders) at the version read; a second conclusion is ErrStage.
func (s *Service) Conclude(ctx context.Context, actor User, discussionID string, version int64, text string) (Discussion, error) {
	if err := validText("conclusion", text, maxComment, true); err != nil {
		return Discussion{}, err
	}
	if strings.TrimSpace(text) == "" {
		return Discussion{}, fmt.Errorf("conclusion: empty: %w", ErrInvalid)
	}
	var out Discussion
	err := s.cfg.Store.Update(ctx, func(tx Tx) error {
		d, err := tx.Discussion(discussionID)
		if err != nil {
			return err
		}
		if actor.Disabled || !(actor.ID == d.OpenedBy || (actor.Agency == d.Agency && actor.Has(RoleLeader))) {
			return fmt.Errorf("conclude discussion %s: %w", d.ID, ErrForbidden)
		}
		if d.Version != version {
			return fmt.Errorf("discussion %s is at version %d, not %d: %w", d.ID, d.Version, version, ErrConflict)
		}
		if d.Conclusion != nil {
			return fmt.Errorf("discussion %s: 已有结论: %w", d.ID, ErrStage)
		}
		before := d
		now := s.now()
		d.Conclusion = &Conclusion{Text: text, By: actor.ID, At: now}
		d.Version++
		d.Updated = now
		if err := tx.UpdateDiscussion(d, before.Version); err != nil {
			return err
		}
		out = d
		return s.appendEntry(tx, Entry{Actor: actor.ID, Role: primaryRole(actor), Agency: d.Agency, Action: "discussion.conclude",
			CaseID: d.CaseID, Subject: d.ID, Note: "讨论结论：" + excerpt(text, 200)}, before, d)
	})
	return out, err
}

// Notifications lists the actor's notifications, newest first; unread
// counts those not yet read.
func (s *Service) Notifications(ctx context.Context, actor User) (list []Notification, unread int, err error) {
	if actor.Disabled {
		return nil, 0, fmt.Errorf("notifications: %w", ErrForbidden)
	}
	err = s.cfg.Store.View(ctx, func(tx ReadTx) (err error) { list, err = tx.Notifications(actor.ID); return err })
	if list == nil {
		list = []Notification{}
	}
	for _, n := range list {
		if !n.Read {
			unread++
		}
	}
	return list, unread, err
}

// MarkRead marks the actor's notifications with these IDs read (all of
// them when ids is empty) and returns how many changed; unknown IDs are
// ErrNotFound and change nothing.
func (s *Service) MarkRead(ctx context.Context, actor User, ids []string) (int, error) {
	if actor.Disabled {
		return 0, fmt.Errorf("notifications: %w", ErrForbidden)
	}
	if len(ids) > 500 {
		return 0, fmt.Errorf("ids: more than 500: %w", ErrInvalid)
	}
	changed := 0
	err := s.cfg.Store.Update(ctx, func(tx Tx) error {
		list, err := tx.Notifications(actor.ID)
		if err != nil {
			return err
		}
		for _, id := range ids {
			if !slices.ContainsFunc(list, func(n Notification) bool { return n.ID == id }) {
				return fmt.Errorf("notification %q: %w", id, ErrNotFound)
			}
		}
		for _, n := range list {
			if n.Read || (len(ids) > 0 && !slices.Contains(ids, n.ID)) {
				continue
			}
			n.Read = true
			if err := tx.PutNotification(n); err != nil {
				return err
			}
			changed++
		}
		if changed == 0 {
			return nil
		}
		return s.appendEntry(tx, Entry{Actor: actor.ID, Role: primaryRole(actor), Agency: actor.Agency, Action: "notification.read",
			Subject: actor.ID, Note: fmt.Sprintf("已读通知 %d 条", changed)}, nil, nil)
	})
	return changed, err
}

// OpenAttachment returns an evidence file attached to a comment of the
// discussion, for a participant of the case's agency (evidence holds
// personal data: others are ErrForbidden).
func (s *Service) OpenAttachment(ctx context.Context, actor User, discussionID, digest string) (Evidence, io.ReadCloser, error) {
	th, err := s.Discussion(ctx, actor, discussionID)
	if err != nil {
		return Evidence{}, nil, err
	}
	if !slices.ContainsFunc(th.Comments, func(c Comment) bool { return slices.Contains(c.Attachments, digest) }) {
		return Evidence{}, nil, fmt.Errorf("attachment %s of discussion %s: %w", digest, discussionID, ErrNotFound)
	}
	if actor.Agency != th.Discussion.Agency || !actor.HasAny(RoleOfficer, RoleReviewer, RoleLeader) {
		return Evidence{}, nil, fmt.Errorf("attachment of discussion %s: %w", discussionID, ErrForbidden)
	}
	ev, rc, err := s.OpenEvidence(ctx, actor, th.Discussion.CaseID, digest)
	if errors.Is(err, ErrNotFound) {
		return Evidence{}, nil, fmt.Errorf("attachment %s: %w", digest, err)
	}
	return ev, rc, err
}
