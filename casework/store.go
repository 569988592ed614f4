package casework

import (
	"context"
	"crypto/sha256"
	"io"
	"time"
)

// Store is the storage Service needs: transactions over users, cases,
// evidence records and the full-process log. Implementations: the embedded
// store (casework/boltstore, the default) and PostgreSQL (casework/pgstore);
// both pass casework/storetest.
type Store interface {
	// Update runs fn in one read-write transaction: everything fn writes
	// (the change and its log entries) commits together or not at all. An
	// error from fn rolls back and is returned as is (wrapped errors keep
	// their sentinels). Concurrent Updates are serialised or fail with
	// ErrConflict, never both applied against the same version of a case.
	Update(ctx context.Context, fn func(Tx) error) error
	// View runs fn in a read-only transaction with a consistent snapshot.
	View(ctx context.Context, fn func(ReadTx) error) error
	// Close releases the store.
	Close() error
}

// ReadTx reads inside a transaction. Every getter returns ErrNotFound
// (wrapped) for an unknown ID.
type ReadTx interface {
	// Agency returns an agency by code.
	Agency(code string) (Agency, error)
	// Agencies lists every agency by code.
	Agencies() ([]Agency, error)
	// User returns a user by ID.
	User(id string) (User, error)
	// Users lists the users of an agency ("" for all), by ID.
	Users(agency string) ([]User, error)
	// Credential returns a user's password hash.
	Credential(userID string) (Credential, error)
	// Token returns the token with this SHA-256 hash.
	Token(hash string) (Token, error)
	// Case returns a case by ID.
	Case(id string) (Case, error)
	// Cases lists the cases matching f, most recently updated first.
	Cases(f CaseFilter) ([]Case, error)
	// Evidence lists a case's evidence records in the order attached.
	Evidence(caseID string) ([]Evidence, error)
	// Transcript returns the transcript of a case's recording (by its digest).
	Transcript(caseID, digest string) (Transcript, error)
	// Transcripts lists a case's transcripts by recording digest.
	Transcripts(caseID string) ([]Transcript, error)
	// LastEntry returns the log's last entry; ok is false when it is empty.
	LastEntry() (e Entry, ok bool, err error)
	// Entries calls fn for each log entry with Seq ≥ from, in the order the
	// store holds them (which verification checks is Seq order), stopping
	// at fn's first error, which it returns.
	Entries(from uint64, fn func(Entry) error) error
	// CaseEntries returns the log entries about one case, in Seq order.
	CaseEntries(caseID string) ([]Entry, error)
	// Checkpoints returns the signed checkpoints, oldest first.
	Checkpoints() ([]Checkpoint, error)
	// Discussions and training collections (discussion.go, training.go).
	DiscussionReader
	CollectionReader
	// Other agencies' decisions received in exchange files (shared.go).
	SharedReader
	// Daily digests (digest.go) and enforcement acts (acts.go).
	DigestReader
	ActReader
	// Publication returns a publication by its Key: the case ID for a
	// decision's first record (the others are reached by SupersededBy).
	Publication(id string) (Publication, error)
	// Publications lists the publications f matches (PublicationFilter.Match),
	// in SortPublications order, paged by f (PagePublications).
	Publications(f PublicationFilter) ([]Publication, error)
	// Documents lists a case's issued documents, by kind then version
	// (none for an unknown case).
	Documents(caseID string) ([]IssuedDocument, error)
	// Deliveries and Statements list a case's 送达 records and the party's
	// statements, by Seq (none for an unknown case).
	Deliveries(caseID string) ([]Delivery, error)
	Statements(caseID string) ([]Statement, error)
}

// Tx writes inside a transaction.
type Tx interface {
	ReadTx
	// PutAgency creates or replaces an agency.
	PutAgency(a Agency) error
	// PutUser creates or replaces a user.
	PutUser(u User) error
	// PutCredential creates or replaces a user's password hash.
	PutCredential(c Credential) error
	// PutToken creates or replaces a token (by its hash).
	PutToken(t Token) error
	// NextCaseNumber returns the next sequence number (from 1) of an agency's
	// cases in a year; numbers are never reused, even when the transaction
	// that took one rolls back on PostgreSQL (gaps are allowed, repeats not).
	NextCaseNumber(agency string, year int) (int, error)
	// CreateCase stores a new case; ErrExists when its ID is taken.
	CreateCase(c Case) error
	// UpdateCase replaces a case whose stored Version is prev (c.Version is
	// the new one); ErrConflict when the stored version differs, ErrNotFound
	// when there is no such case.
	UpdateCase(c Case, prev int64) error
	// AddEvidence stores an evidence record; ErrExists when the case already
	// has a file with that digest.
	AddEvidence(e Evidence) error
	// PutTranscript stores t: a new one when prev is 0 (ErrExists when the
	// case already has a transcript of that recording, ErrNotFound when there
	// is no such case), else one whose stored Version is prev (ErrConflict
	// when it differs, ErrNotFound when there is none).
	PutTranscript(t Transcript, prev int64) error
	// Append links e after the log's last entry (Link) and stores it,
	// returning the stored entry.
	Append(e Entry) (Entry, error)
	// AddCheckpoint stores a signed checkpoint.
	AddCheckpoint(c Checkpoint) error
	// Discussions and training collections (discussion.go, training.go).
	DiscussionWriter
	CollectionWriter
	SharedWriter
	DigestWriter
	ActWriter
	// PutPublication stores p under p.Key(): a new one when prev is 0
	// (ErrExists when the key is taken), else replacing the one whose stored
	// Version is prev (ErrConflict when it differs, ErrNotFound when there
	// is none). ErrNotFound when p's case does not exist.
	PutPublication(p Publication, prev int64) error
	// NextDocumentNumber returns the next sequence number (from 1) of an
	// agency's documents of one family (处罚, 罚告…) in a year; like
	// NextCaseNumber, numbers are never reused (gaps are allowed, repeats
	// not). ErrInvalid for an empty agency or family or a bad year.
	NextDocumentNumber(agency, family string, year int) (int, error)
	// AddDocument stores an issued document version; ErrExists when the
	// case already has that kind and version, ErrNotFound for an unknown case.
	AddDocument(d IssuedDocument) error
	// PutDelivery and PutStatement store a record: a new one when prev is 0
	// (ErrExists when the case has that Seq, ErrNotFound for an unknown
	// case), else replacing the one whose stored Version is prev
	// (ErrConflict when it differs, ErrNotFound when there is none).
	// ErrInvalid for a record without case, Seq or Version.
	PutDelivery(d Delivery, prev int64) error
	PutStatement(s Statement, prev int64) error
}

// Credential is a user's password hash (argon2id, PHC string format).
type Credential struct {
	UserID  string    `json:"user_id"`
	Hash    string    `json:"hash"`
	Changed time.Time `json:"changed"`
}

// Token is a bearer token as stored: only its SHA-256 hash, never the token.
type Token struct {
	// Hash is the SHA-256 (hex) of the token string.
	Hash string `json:"hash"`
	// UserID is whose token it is.
	UserID string `json:"user_id"`
	// Kind is "session" (from the login page, expires) or "api" (issued by
	// `cailiang user token`, expires when set).
	Kind string `json:"kind"`
	// Created and Expires (zero: never) bound its life.
	Created time.Time `json:"created"`
	Expires time.Time `json:"expires,omitzero"`
	// Revoked tokens no longer authenticate.
	Revoked bool `json:"revoked"`
}

// BlobStore keeps evidence files content-addressed by SHA-256. The default
// is a directory (casework/blobdir); casework/s3blobs keeps them in an
// S3-compatible bucket. Both pass casework/blobtest.
type BlobStore interface {
	// Put stores the content of r, at most max bytes, and returns its
	// digest (lower-case hex SHA-256) and size. More than max bytes is
	// ErrTooLarge and stores nothing. Storing content already present
	// keeps one copy.
	Put(ctx context.Context, r io.Reader, max int64) (digest string, size int64, err error)
	// Open returns the content with this digest; ErrNotFound when absent.
	// ctx bounds the opening only: the reader stays readable until Close,
	// after ctx ends, because the HTTP layer streams it to the client once
	// the handler (and its request context) has returned.
	Open(ctx context.Context, digest string) (io.ReadCloser, error)
}

// ValidDigest reports whether d is a lower-case hex SHA-256: the only blob
// names a BlobStore accepts, so that no digest can name a path or key
// outside its store.
func ValidDigest(d string) bool {
	if len(d) != 2*sha256.Size {
		return false
	}
	for i := 0; i < len(d); i++ {
		c := d[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}
