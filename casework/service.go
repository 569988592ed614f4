package casework

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cailiang/cailiang/workdays"
)

// Defaults of Config.
const (
	// DefaultDecisionDays is the time from 立案 to decision: 行政处罚法 第六十条
	// (九十日), unless a law, regulation or rule says otherwise.
	DefaultDecisionDays = 90
	// DefaultMaxEvidence is the largest evidence file accepted (100 MB).
	DefaultMaxEvidence = 100 << 20
	// DefaultSessionTTL is how long a login lasts.
	DefaultSessionTTL = 12 * time.Hour
)

// Config configures a Service.
type Config struct {
	// Store holds users, cases and the log (required).
	Store Store
	// Blobs holds evidence files (required for evidence).
	Blobs BlobStore
	// DecisionDays is the decision deadline in days from 立案 (0: DefaultDecisionDays).
	DecisionDays int
	// MaxEvidence bounds an evidence file in bytes (0: DefaultMaxEvidence).
	MaxEvidence int64
	// SessionTTL bounds a login (0: DefaultSessionTTL).
	SessionTTL time.Duration
	// Calendar counts publication deadlines in working days (nil: the
	// State Council's schedule without an agency override).
	Calendar Calendar
	// Now is the clock (nil: time.Now); tests move it.
	Now func() time.Time
	// Logger receives logs (nil: discarded).
	Logger *slog.Logger
	// Anonymiser removes personal data from the extracts of discussions and
	// training cases (nil: neither can be made).
	Anonymiser Anonymiser
	// Citations resolves the statute citations of discussion comments
	// (nil: comments keep none).
	Citations CitationResolver
	// ReviewDays and ReviewExtendDays are the review deadline and its one
	// extension in working days on Calendar (0: DefaultReviewDays,
	// DefaultReviewExtendDays).
	ReviewDays, ReviewExtendDays int
	// Province is the two-digit 行政区划 code of the agencies' province
	// (e.g. "34"), against which a party's registration place is compared
	// (PublicationRule.PushDays); an agency's rule may name its own. Empty:
	// no party counts as registered in another province.
	Province string
	// PublicationRules are the publication rules of agencies whose record
	// sets none, by agency code; "*" applies to every other agency (absent:
	// DefaultPublicationRule).
	PublicationRules map[string]PublicationRule
	// ActCategories are the categories of enforcement acts configured
	// besides the built-in ones (acts.go).
	ActCategories ActCategories
}

// Service is the case workbench's use case: every method checks the actor's
// role and agency, then makes the change and its log entry in one
// transaction.
type Service struct {
	cfg Config
	log *slog.Logger
}

// New returns a Service; ErrInvalid when cfg has no Store, the calendar's
// error when the default calendar cannot be built.
func New(cfg Config) (*Service, error) {
	if cfg.Store == nil {
		return nil, fmt.Errorf("casework: no store: %w", ErrInvalid)
	}
	if err := cfg.ActCategories.Validate(); err != nil {
		return nil, err
	}
	if cfg.DecisionDays <= 0 {
		cfg.DecisionDays = DefaultDecisionDays
	}
	if cfg.MaxEvidence <= 0 {
		cfg.MaxEvidence = DefaultMaxEvidence
	}
	if cfg.SessionTTL <= 0 {
		cfg.SessionTTL = DefaultSessionTTL
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Calendar == nil {
		cal, err := workdays.New(nil)
		if err != nil {
			return nil, fmt.Errorf("casework: working-day calendar: %w", err)
		}
		cfg.Calendar = cal
	}
	if cfg.ReviewDays <= 0 {
		cfg.ReviewDays = DefaultReviewDays
	}
	if cfg.ReviewExtendDays <= 0 {
		cfg.ReviewExtendDays = DefaultReviewExtendDays
	}
	if cfg.Province != "" && ProvinceName(cfg.Province) == "" {
		return nil, fmt.Errorf("casework: province %q: not a province code (e.g. 34): %w", cfg.Province, ErrInvalid)
	}
	for code, r := range cfg.PublicationRules {
		if err := r.Validate(); err != nil {
			return nil, fmt.Errorf("casework: publication rule of %q: %w", code, err)
		}
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Service{cfg: cfg, log: log}, nil
}

// MaxEvidence is the configured largest evidence file in bytes.
func (s *Service) MaxEvidence() int64 { return s.cfg.MaxEvidence }

func (s *Service) now() time.Time { return s.cfg.Now().UTC().Truncate(time.Microsecond) }

// SystemActor is the actor of changes the service makes itself (the first
// admin, checkpoints).
const SystemActor = "system"

// ---- users and sign-in ----

var idPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$`)

// validText checks a user-supplied field: valid UTF-8, at most max runes, no
// control characters but newlines and tabs (when multiline).
func validText(field, v string, max int, multiline bool) error {
	if !utf8.ValidString(v) {
		return fmt.Errorf("%s: not valid UTF-8: %w", field, ErrInvalid)
	}
	if utf8.RuneCountInString(v) > max {
		return fmt.Errorf("%s: longer than %d characters: %w", field, max, ErrInvalid)
	}
	for _, r := range v {
		if r < 0x20 && !(multiline && (r == '\n' || r == '\t' || r == '\r')) || r == 0x7f {
			return fmt.Errorf("%s: control character: %w", field, ErrInvalid)
		}
	}
	return nil
}

// EnsureAdmin creates the first admin ("admin", with a random password it
// returns) when the store has no user yet; created is false (and password
// empty) otherwise. The service calls it on start so that nothing is ever
// writable anonymously.
func (s *Service) EnsureAdmin(ctx context.Context) (id, password string, created bool, err error) {
	password, err = NewPassword()
	if err != nil {
		return "", "", false, err
	}
	hash, err := HashPassword(password)
	if err != nil {
		return "", "", false, err
	}
	err = s.cfg.Store.Update(ctx, func(tx Tx) error {
		users, err := tx.Users("")
		if err != nil {
			return err
		}
		if len(users) > 0 {
			return nil
		}
		u := User{ID: "admin", Name: "管理员", Roles: []Role{RoleAdmin}, Created: s.now()}
		if err := tx.PutUser(u); err != nil {
			return err
		}
		if err := tx.PutCredential(Credential{UserID: u.ID, Hash: hash, Changed: u.Created}); err != nil {
			return err
		}
		created = true
		return s.appendEntry(tx, Entry{Actor: SystemActor, Action: "user.add", Subject: u.ID, Note: "创建首个管理员"}, nil, u)
	})
	if err != nil || !created {
		return "", "", false, err
	}
	return "admin", password, true, nil
}

// Authenticate returns the user a bearer token belongs to. Unknown, expired
// or revoked tokens and disabled users are ErrUnauthenticated.
func (s *Service) Authenticate(ctx context.Context, token string) (User, error) {
	if !strings.HasPrefix(token, tokenPrefix) || len(token) > 128 {
		return User{}, fmt.Errorf("token: %w", ErrUnauthenticated)
	}
	var u User
	err := s.cfg.Store.View(ctx, func(tx ReadTx) error {
		t, err := tx.Token(TokenHash(token))
		if errors.Is(err, ErrNotFound) {
			return fmt.Errorf("token: %w", ErrUnauthenticated)
		}
		if err != nil {
			return err
		}
		if t.Revoked || (!t.Expires.IsZero() && !s.now().Before(t.Expires)) {
			return fmt.Errorf("token expired or revoked: %w", ErrUnauthenticated)
		}
		u, err = tx.User(t.UserID)
		if err != nil {
			return fmt.Errorf("token's user: %w", ErrUnauthenticated)
		}
		if u.Disabled {
			return fmt.Errorf("user %s disabled: %w", u.ID, ErrUnauthenticated)
		}
		return nil
	})
	return u, err
}

// Login checks a user's password and issues a session token that expires
// after the configured TTL. A wrong ID or password is ErrUnauthenticated
// without saying which.
func (s *Service) Login(ctx context.Context, userID, password string) (token string, u User, expires time.Time, err error) {
	if len(password) > 256 || len(userID) > 64 {
		return "", User{}, time.Time{}, fmt.Errorf("login: %w", ErrUnauthenticated)
	}
	var cred Credential
	err = s.cfg.Store.View(ctx, func(tx ReadTx) error {
		var err error
		if u, err = tx.User(userID); err != nil {
			return err
		}
		cred, err = tx.Credential(userID)
		return err
	})
	if err != nil && !errors.Is(err, ErrNotFound) {
		return "", User{}, time.Time{}, err
	}
	if err != nil || u.Disabled || !CheckPassword(cred.Hash, password) {
		return "", User{}, time.Time{}, fmt.Errorf("login %q: %w", userID, ErrUnauthenticated)
	}
	token, expires, err = s.issue(ctx, u, u, "session", s.cfg.SessionTTL)
	return token, u, expires, err
}

// issue stores a new token for u and logs who issued it.
func (s *Service) issue(ctx context.Context, actor, u User, kind string, ttl time.Duration) (string, time.Time, error) {
	token, hash, err := NewToken()
	if err != nil {
		return "", time.Time{}, err
	}
	now := s.now()
	t := Token{Hash: hash, UserID: u.ID, Kind: kind, Created: now}
	if ttl > 0 {
		t.Expires = now.Add(ttl)
	}
	err = s.cfg.Store.Update(ctx, func(tx Tx) error {
		if err := tx.PutToken(t); err != nil {
			return err
		}
		return s.appendEntry(tx, Entry{Actor: actor.ID, Role: primaryRole(actor), Agency: u.Agency, Action: "token.issue",
			Subject: u.ID, Note: kind}, nil, nil)
	})
	return token, t.Expires, err
}

// Logout revokes the token it is given.
func (s *Service) Logout(ctx context.Context, token string) error {
	return s.cfg.Store.Update(ctx, func(tx Tx) error {
		t, err := tx.Token(TokenHash(token))
		if err != nil {
			return fmt.Errorf("logout: %w", ErrUnauthenticated)
		}
		t.Revoked = true
		return tx.PutToken(t)
	})
}

// IssueToken gives userID a new API token (admin only, or a user for
// themselves); ttl 0 means it does not expire.
func (s *Service) IssueToken(ctx context.Context, actor User, userID string, ttl time.Duration) (string, error) {
	if !actor.Has(RoleAdmin) && actor.ID != userID {
		return "", fmt.Errorf("issue token for %s: %w", userID, ErrForbidden)
	}
	var u User
	if err := s.cfg.Store.View(ctx, func(tx ReadTx) (err error) { u, err = tx.User(userID); return err }); err != nil {
		return "", err
	}
	if u.Disabled {
		return "", fmt.Errorf("user %s disabled: %w", userID, ErrInvalid)
	}
	token, _, err := s.issue(ctx, actor, u, "api", ttl)
	return token, err
}

// AddUser creates a user (admin only) with the password given (or a random
// one, returned). ErrExists when the ID is taken, ErrInvalid for a bad ID,
// name, agency or role list.
func (s *Service) AddUser(ctx context.Context, actor User, u User, password string) (User, string, error) {
	if !actor.Has(RoleAdmin) {
		return User{}, "", fmt.Errorf("add user: %w", ErrForbidden)
	}
	if !idPattern.MatchString(u.ID) || u.ID == SystemActor {
		return User{}, "", fmt.Errorf("user id %q: 2–64 letters, digits, '.', '_' or '-': %w", u.ID, ErrInvalid)
	}
	if err := validText("name", u.Name, 64, false); err != nil {
		return User{}, "", err
	}
	if strings.TrimSpace(u.Name) == "" {
		u.Name = u.ID
	}
	if err := validCertNumber(u.CertNumber); err != nil {
		return User{}, "", err
	}
	if len(u.Roles) == 0 {
		return User{}, "", fmt.Errorf("user %s: no role: %w", u.ID, ErrInvalid)
	}
	for _, r := range u.Roles {
		if r.Label() == "" {
			return User{}, "", fmt.Errorf("role %q: %w", r, ErrInvalid)
		}
	}
	caseRole := u.HasAny(RoleOfficer, RoleReviewer, RoleLeader)
	if caseRole && u.Agency == "" {
		return User{}, "", fmt.Errorf("user %s: officers, reviewers and leaders belong to an agency: %w", u.ID, ErrInvalid)
	}
	if password == "" {
		var err error
		if password, err = NewPassword(); err != nil {
			return User{}, "", err
		}
	} else if utf8.RuneCountInString(password) < MinPasswordLen {
		return User{}, "", fmt.Errorf("password shorter than %d characters: %w", MinPasswordLen, ErrInvalid)
	}
	hash, err := HashPassword(password)
	if err != nil {
		return User{}, "", err
	}
	u.Disabled, u.Created = false, s.now()
	err = s.cfg.Store.Update(ctx, func(tx Tx) error {
		if _, err := tx.User(u.ID); err == nil {
			return fmt.Errorf("user %s: %w", u.ID, ErrExists)
		} else if !errors.Is(err, ErrNotFound) {
			return err
		}
		if u.Agency != "" {
			if _, err := tx.Agency(u.Agency); errors.Is(err, ErrNotFound) {
				if err := validAgencyCode(u.Agency); err != nil {
					return err
				}
				if err := tx.PutAgency(Agency{Code: u.Agency, Name: u.Agency}); err != nil {
					return err
				}
			} else if err != nil {
				return err
			}
		}
		if err := tx.PutUser(u); err != nil {
			return err
		}
		if err := tx.PutCredential(Credential{UserID: u.ID, Hash: hash, Changed: u.Created}); err != nil {
			return err
		}
		return s.appendEntry(tx, Entry{Actor: actor.ID, Role: RoleAdmin, Agency: u.Agency, Action: "user.add", Subject: u.ID,
			Note: "添加用户 " + u.Name}, nil, u)
	})
	if err != nil {
		return User{}, "", err
	}
	return u, password, nil
}

var agencyPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,31}$`)

func validAgencyCode(code string) error {
	if !agencyPattern.MatchString(code) {
		return fmt.Errorf("agency code %q: 1–32 lower-case letters, digits or '-': %w", code, ErrInvalid)
	}
	return nil
}

// PutAgency creates or renames an agency and sets its publication rule
// (admin only); ErrInvalid for a bad code, name or rule.
func (s *Service) PutAgency(ctx context.Context, actor User, a Agency) error {
	if !actor.Has(RoleAdmin) {
		return fmt.Errorf("put agency: %w", ErrForbidden)
	}
	if err := validAgencyCode(a.Code); err != nil {
		return err
	}
	if err := validText("name", a.Name, 64, false); err != nil {
		return err
	}
	if err := validText("doc_prefix", a.DocPrefix, 32, false); err != nil {
		return err
	}
	if a.Publication != nil {
		if err := a.Publication.Validate(); err != nil {
			return err
		}
	}
	return s.cfg.Store.Update(ctx, func(tx Tx) error {
		var before any
		if old, err := tx.Agency(a.Code); err == nil {
			before = old
		} else if !errors.Is(err, ErrNotFound) {
			return err
		}
		if err := tx.PutAgency(a); err != nil {
			return err
		}
		return s.appendEntry(tx, Entry{Actor: actor.ID, Role: RoleAdmin, Agency: a.Code, Action: "agency.put", Subject: a.Code, Note: a.Name}, before, a)
	})
}

// certPattern is what an 执法证号 may hold: provinces number certificates
// with digits, letters, a province's character and '-'; no spaces.
var certPattern = regexp.MustCompile(`^[\p{Han}A-Za-z0-9-]{1,32}$`)

func validCertNumber(n string) error {
	if n != "" && !certPattern.MatchString(n) {
		return fmt.Errorf("cert_number %q: 执法证号应为 1 至 32 个字母、数字、汉字或“-”: %w", n, ErrInvalid)
	}
	return nil
}

// SetUserCert sets (or, with "", clears) a user's 执法证号 (admin only),
// recorded in the full-process log. Errors: ErrForbidden, ErrNotFound,
// ErrInvalid.
func (s *Service) SetUserCert(ctx context.Context, actor User, id, cert string) (User, error) {
	if !actor.Has(RoleAdmin) {
		return User{}, fmt.Errorf("set certificate: %w", ErrForbidden)
	}
	if err := validCertNumber(cert); err != nil {
		return User{}, err
	}
	var out User
	err := s.cfg.Store.Update(ctx, func(tx Tx) error {
		u, err := tx.User(id)
		if err != nil {
			return err
		}
		before := u
		u.CertNumber = cert
		if err := tx.PutUser(u); err != nil {
			return err
		}
		out = u
		note := "执法证号：" + cert
		if cert == "" {
			note = "撤销执法证号"
		}
		return s.appendEntry(tx, Entry{Actor: actor.ID, Role: RoleAdmin, Agency: u.Agency, Action: "user.cert", Subject: id, Note: note}, before, u)
	})
	return out, err
}

// SetUserDisabled disables or re-enables a user (admin only); a disabled
// user's tokens stop working at once.
func (s *Service) SetUserDisabled(ctx context.Context, actor User, id string, disabled bool) error {
	if !actor.Has(RoleAdmin) {
		return fmt.Errorf("disable user: %w", ErrForbidden)
	}
	if id == actor.ID && disabled {
		return fmt.Errorf("an admin cannot disable themselves: %w", ErrInvalid)
	}
	return s.cfg.Store.Update(ctx, func(tx Tx) error {
		u, err := tx.User(id)
		if err != nil {
			return err
		}
		before := u
		u.Disabled = disabled
		if err := tx.PutUser(u); err != nil {
			return err
		}
		action := "user.enable"
		if disabled {
			action = "user.disable"
		}
		return s.appendEntry(tx, Entry{Actor: actor.ID, Role: RoleAdmin, Agency: u.Agency, Action: action, Subject: id}, before, u)
	})
}

// Users lists users: an admin sees everyone, a leader the users of their
// agency; others are ErrForbidden.
func (s *Service) Users(ctx context.Context, actor User) ([]User, error) {
	agency := ""
	switch {
	case actor.Has(RoleAdmin):
	case actor.Has(RoleLeader):
		agency = actor.Agency
	default:
		return nil, fmt.Errorf("list users: %w", ErrForbidden)
	}
	var out []User
	err := s.cfg.Store.View(ctx, func(tx ReadTx) (err error) { out, err = tx.Users(agency); return err })
	return out, err
}

// ---- permissions ----

// primaryRole is the role recorded for an actor's entries when the action
// does not decide it: the first of officer, reviewer, leader, admin, trainer.
func primaryRole(u User) Role {
	for _, r := range []Role{RoleOfficer, RoleReviewer, RoleLeader, RoleAdmin, RoleTrainer} {
		if u.Has(r) {
			return r
		}
	}
	return ""
}

// canRead reports whether actor may read c: the agency's officers, reviewers
// and leaders read its cases. Trainers never read a case itself: they read
// the anonymised extracts of ended cases shared for training (training.go),
// which hold no personal data. Admins read no case.
func canRead(actor User, c Case) bool {
	return !actor.Disabled && actor.Agency == c.Agency && actor.HasAny(RoleOfficer, RoleReviewer, RoleLeader)
}

// canWork reports whether actor may work on c in role r (same agency).
func canWork(actor User, c Case, r Role) bool {
	return !actor.Disabled && actor.Agency == c.Agency && actor.Has(r)
}

// denied is the error of a refused read or write: ErrForbidden, for the
// wrong role and for another agency's case alike (unknown IDs are
// ErrNotFound).
func denied(c Case, op string) error {
	return fmt.Errorf("%s case %s: %w", op, c.ID, ErrForbidden)
}
