package app

import (
	"cmp"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/casework/blobdir"
	"github.com/cailiang/cailiang/casework/boltstore"
	"github.com/cailiang/cailiang/casework/s3blobs"
	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/oversight"
)

// CaseworkConfig configures the case workbench and its full-process record.
type CaseworkConfig struct {
	// AuditKey is the file holding the ed25519 key that signs checkpoints
	// (the 32-byte seed, hex). Empty means <DataDir>/audit.key, created on
	// first use; a file named here must exist (nodes that share one log
	// share one key, so none may invent its own).
	AuditKey string
	// CheckpointEvery and CheckpointInterval say when serve signs a
	// checkpoint: after this many new entries or this long, whichever
	// comes first (0: casework's defaults, 1000 entries and 10 minutes).
	CheckpointEvery    int
	CheckpointInterval time.Duration
	// MaxEvidenceMB bounds an evidence file in MiB (0: 100).
	MaxEvidenceMB int
	// Warnings are the early-warning thresholds, the city's and per agency
	// (zero fields inherit; oversight.Thresholds).
	Warnings oversight.Settings
	// ActCategories are the categories of enforcement acts configured
	// besides the built-in ones, for the city and per agency.
	ActCategories casework.ActCategories
	// EvidenceS3 puts evidence files in an S3-compatible bucket instead of
	// the directory <DataDir>/evidence when its URL is set.
	EvidenceS3 EvidenceS3Config
	// ReviewDays and ReviewExtendDays are the 法制审核 deadline and its one
	// extension in working days (0: casework's 7 and 3).
	ReviewDays, ReviewExtendDays int
	// Province is the agencies' province, a two-digit 行政区划 code (e.g.
	// "34"), against which parties' registration places are compared.
	Province string
	// PublicationRules are the publication rules of agencies whose record
	// sets none, by agency code, "*" for every other (casework.Config).
	PublicationRules map[string]casework.PublicationRule
	// TakeDownEvery is how often serve takes down publications past their
	// display period (0: hourly).
	TakeDownEvery time.Duration
}

// EvidenceS3Config is an S3-compatible bucket for evidence files
// (casework/s3blobs): what nodes sharing PostgreSQL share as files.
type EvidenceS3Config struct {
	// URL is https://host/bucket/prefix (TLS with https); empty: the directory.
	URL string
	// AccessKey and the secret key sign requests. The secret comes from
	// SecretKey or, when that is empty, the first line of SecretKeyFile;
	// it never appears in logs or errors.
	AccessKey, SecretKey, SecretKeyFile string
	// CAFile is a PEM file of certificate authorities trusted for the
	// endpoint besides the system's (an agency's own CA).
	CAFile string
}

// Casework is the case workbench opened on a data directory: the Service
// on the configured store, the evidence store (directory or bucket) and
// the audit key.
type Casework struct {
	// Service is the use case every entry point goes through.
	Service *casework.Service
	store   casework.Store
	key     ed25519.PrivateKey
	policy  casework.CheckpointPolicy
	log     *slog.Logger
	// warnings and oversight: see Oversight (app/oversight.go).
	warnings   oversight.Settings
	categories casework.ActCategories
	oversight  func() (*oversight.Index, error)
	// takeDownEvery is how often the take-down sweep runs (0: hourly).
	takeDownEvery time.Duration
}

// ErrAuditKey is wrapped when the audit key file is missing (where it must
// exist) or malformed.
var ErrAuditKey = errors.New("audit key")

// OpenCasework opens the case workbench of cfg.DataDir: read-write (the
// store, the evidence directory and the key are created when missing; the
// evidence bucket, when configured, must exist) or
// read-only for commands such as `audit verify` (nothing is created).
// Errors: ErrConfig for bad settings, ErrNoData (read-only, no store yet),
// boltstore.ErrBusy when another process holds the store, ErrAuditKey
// (also, read-write, for a key other than the one that signed the last
// checkpoint), pgstore's errors with Config.PGDSN, workdays.ErrBadOverride for a bad
// holiday override file (publication deadlines count in it), ErrConfig for bad
// evidence bucket settings and the bucket's errors, and file system errors.
func OpenCasework(cfg Config, readOnly bool) (*Casework, error) {
	return openCasework(cfg, readOnly, nil)
}

// openCasework is OpenCasework with the statute resolver that discussion
// comments cite through (nil: comments keep no citations).
func openCasework(cfg Config, readOnly bool, statutes *corpus.Resolver) (*Casework, error) {
	cfg = cfg.withDefaults()
	cw := cfg.Casework
	if cw.CheckpointEvery < 0 || cw.CheckpointInterval < 0 || cw.MaxEvidenceMB < 0 || cw.MaxEvidenceMB > 100<<10 {
		return nil, fmt.Errorf("%w: checkpoint every %d, interval %s, max evidence %d MiB", ErrConfig, cw.CheckpointEvery, cw.CheckpointInterval, cw.MaxEvidenceMB)
	}
	if cw.ReviewDays < 0 || cw.ReviewDays > 60 || cw.ReviewExtendDays < 0 || cw.ReviewExtendDays > 30 {
		return nil, fmt.Errorf("%w: review days %d (1–60), extension %d (1–30)", ErrConfig, cw.ReviewDays, cw.ReviewExtendDays)
	}
	key, err := loadAuditKey(cfg.auditKeyPath(), cw.AuditKey == "" && !readOnly, cfg.Logger)
	if err != nil {
		return nil, err
	}
	store, err := openCaseStore(cfg, readOnly)
	if err != nil {
		return nil, err
	}
	if !readOnly {
		if err := checkSigner(store, key); err != nil {
			store.Close()
			return nil, err
		}
	}
	cal, err := Calendar(cfg)
	if err != nil {
		store.Close()
		return nil, err
	}
	ccfg := casework.Config{Store: store, MaxEvidence: int64(cw.MaxEvidenceMB) << 20, Logger: cfg.Logger, Calendar: cal,
		Anonymiser: CaseAnonymiser{}, ReviewDays: cw.ReviewDays, ReviewExtendDays: cw.ReviewExtendDays, Province: cw.Province,
		PublicationRules: cw.PublicationRules, ActCategories: cw.ActCategories}
	if statutes != nil {
		ccfg.Citations = CaseCitations{Resolver: statutes}
	}
	// A read-only open has no evidence store: it creates nothing, and the
	// service then refuses uploads.
	if !readOnly {
		blobs, err := openBlobs(cfg)
		if err != nil {
			store.Close()
			return nil, err
		}
		ccfg.Blobs = blobs
	}
	svc, err := casework.New(ccfg)
	if err != nil {
		store.Close()
		if errors.Is(err, casework.ErrInvalid) {
			return nil, fmt.Errorf("%w: %v", ErrConfig, err)
		}
		return nil, err
	}
	cwk := &Casework{Service: svc, store: store, key: key, log: cfg.Logger, warnings: cw.Warnings, takeDownEvery: cw.TakeDownEvery, categories: cw.ActCategories,
		policy: casework.CheckpointPolicy{Every: uint64(cw.CheckpointEvery), Interval: cw.CheckpointInterval}}
	cwk.initOversight()
	return cwk, nil
}

// openCaseStore opens the system of record. This is the one switch point
// between stores: PostgreSQL (casework/pgstore) when Config.PGDSN is set,
// else the embedded file under the data directory.
func openCaseStore(cfg Config, readOnly bool) (casework.Store, error) {
	if s, ok, err := openPGCaseStore(context.Background(), cfg, readOnly); ok {
		return s, err
	}
	path := cfg.caseworkPath()
	if !readOnly {
		return boltstore.Open(path)
	}
	s, err := boltstore.OpenReadOnly(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("数据目录 %s 中还没有案件记录（%s）: %w", cfg.DataDir, path, ErrNoData)
	}
	return s, err
}

// openBlobs opens where evidence files go: the bucket of
// Casework.EvidenceS3 when its URL is set, else the directory under the
// data directory. Errors: ErrConfig for bad bucket settings (a missing
// secret, an unreadable CA file, a missing bucket), the bucket's or the
// file system's otherwise.
func openBlobs(cfg Config) (casework.BlobStore, error) {
	s3 := cfg.Casework.EvidenceS3
	if s3.URL == "" {
		return blobdir.Open(cfg.evidenceDir())
	}
	secret := s3.SecretKey
	if secret == "" && s3.SecretKeyFile != "" {
		raw, err := os.ReadFile(s3.SecretKeyFile)
		if err != nil {
			return nil, fmt.Errorf("%w: 证据存储桶的密钥文件无法读取: %v", ErrConfig, err)
		}
		secret, _, _ = strings.Cut(strings.TrimSpace(string(raw)), "\n")
		secret = strings.TrimSpace(secret)
		if info, err := os.Stat(s3.SecretKeyFile); err == nil && info.Mode().Perm()&0o077 != 0 {
			cfg.Logger.Warn("evidence bucket secret key file is readable by others: chmod 600", "file", s3.SecretKeyFile)
		}
	}
	bcfg := s3blobs.Config{URL: s3.URL, AccessKey: s3.AccessKey, SecretKey: secret, Logger: cfg.Logger}
	if s3.CAFile != "" {
		tr, err := transportTrusting(s3.CAFile)
		if err != nil {
			return nil, err
		}
		bcfg.Transport = tr
	}
	ctx, cancel := context.WithTimeout(context.Background(), bucketCheckTimeout)
	defer cancel()
	b, err := s3blobs.Open(ctx, bcfg)
	if errors.Is(err, s3blobs.ErrConfig) {
		return nil, fmt.Errorf("%w: %w", ErrConfig, err)
	}
	if err != nil {
		return nil, err
	}
	cfg.Logger.Info("evidence files in an S3-compatible bucket", "url", s3.URL)
	return b, nil
}

// bucketCheckTimeout bounds the start-up check that the evidence bucket
// exists, so that an unreachable endpoint fails the start instead of hanging it.
const bucketCheckTimeout = 30 * time.Second

// transportTrusting is the default HTTP transport trusting the system's
// certificate authorities and those in the PEM file caFile. Errors:
// ErrConfig when the file cannot be read or holds no certificate.
func transportTrusting(caFile string) (http.RoundTripper, error) {
	pem, err := os.ReadFile(caFile)
	if err != nil {
		return nil, fmt.Errorf("%w: 证据存储桶的 CA 证书文件无法读取: %v", ErrConfig, err)
	}
	pool, err := x509.SystemCertPool()
	if err != nil {
		pool = x509.NewCertPool()
	}
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("%w: %s 中没有 PEM 格式的证书", ErrConfig, caFile)
	}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}
	return tr, nil
}

// checkSigner refuses a key other than the one that signed the record's
// last checkpoint (ErrAuditKey): nodes sharing one log on PostgreSQL each
// create a key of their own in their data directory unless --audit-key
// names one shared file, and checkpoints signed with two keys never all
// verify. Reading stays possible (audit verify names the mismatch).
func checkSigner(store casework.Store, key ed25519.PrivateKey) error {
	var cps []casework.Checkpoint
	if err := store.View(context.Background(), func(tx casework.ReadTx) (err error) { cps, err = tx.Checkpoints(); return err }); err != nil {
		return err
	}
	if len(cps) == 0 {
		return nil
	}
	last := slices.MaxFunc(cps, func(a, b casework.Checkpoint) int { return cmp.Compare(a.Size, b.Size) })
	if mine := casework.KeyID(key.Public().(ed25519.PublicKey)); last.KeyID != mine {
		return fmt.Errorf("%w: 本节点的审计密钥（%s）不是签署已有检查点的密钥（%s）；共用一个记录系统的各节点须以 --audit-key 指定同一密钥文件", ErrAuditKey, mine, last.KeyID)
	}
	return nil
}

// loadAuditKey reads the key file, creating it (0600, a fresh random seed)
// when create is set and it does not exist.
func loadAuditKey(path string, create bool, log *slog.Logger) (ed25519.PrivateKey, error) {
	raw, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) && create {
		seed := make([]byte, ed25519.SeedSize)
		if _, err := rand.Read(seed); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrAuditKey, err)
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrAuditKey, err)
		}
		// O_EXCL: two processes starting at once never both write a key.
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			return loadAuditKey(path, false, log)
		}
		if err != nil {
			return nil, fmt.Errorf("%w: create %s: %v", ErrAuditKey, path, err)
		}
		_, werr := f.WriteString(hex.EncodeToString(seed) + "\n")
		if err := errors.Join(werr, f.Sync(), f.Close()); err != nil {
			os.Remove(path)
			return nil, fmt.Errorf("%w: write %s: %v", ErrAuditKey, path, err)
		}
		key := ed25519.NewKeyFromSeed(seed)
		log.Info("audit key created: keep a copy apart from the data (它签署全过程记录的检查点)", "file", path,
			"key_id", casework.KeyID(key.Public().(ed25519.PublicKey)))
		return key, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%w: 审计密钥文件 %s 无法读取: %v", ErrAuditKey, path, err)
	}
	if info, err := os.Stat(path); err == nil && info.Mode().Perm()&0o077 != 0 {
		log.Warn("audit key file is readable by others: chmod 600", "file", path, "mode", info.Mode().Perm().String())
	}
	seed, err := parseSeed(raw)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrAuditKey, path, err)
	}
	return ed25519.NewKeyFromSeed(seed), nil
}

// parseSeed accepts the seed as 64 hex digits (what we write) or 32 raw bytes.
func parseSeed(raw []byte) ([]byte, error) {
	if len(raw) == ed25519.SeedSize {
		return raw, nil
	}
	seed, err := hex.DecodeString(strings.TrimSpace(string(raw)))
	if err != nil || len(seed) != ed25519.SeedSize {
		return nil, errors.New("not an ed25519 seed (64 hex digits)")
	}
	return seed, nil
}

// PublicKey is the audit key's public half (what an auditor needs).
func (c *Casework) PublicKey() ed25519.PublicKey { return c.key.Public().(ed25519.PublicKey) }

// Verify checks the whole full-process record (casework.Verify).
func (c *Casework) Verify(ctx context.Context) (casework.Report, error) {
	return casework.Verify(ctx, c.store, c.PublicKey())
}

// Checkpoint signs a checkpoint over the entries not yet covered
// (casework.Service.Checkpoint).
func (c *Casework) Checkpoint(ctx context.Context) (casework.Checkpoint, bool, error) {
	return c.Service.Checkpoint(ctx, c.key)
}

// StartCheckpoints runs the periodic checkpointer, and the sweep that
// takes down publications past their display period
// (casework.Service.RunTakeDowns), in goroutines until ctx ends or stop is
// called; stop waits for them to finish (call it before Close).
func (c *Casework) StartCheckpoints(ctx context.Context) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Go(func() {
		if err := c.Service.RunCheckpoints(ctx, c.key, c.policy); err != nil {
			c.log.Error("audit checkpoints stopped", "err", err)
		}
	})
	wg.Go(func() { c.Service.RunTakeDowns(ctx, c.takeDownEvery) })
	return func() { cancel(); wg.Wait() }
}

// Close closes the store.
func (c *Casework) Close() error { return c.store.Close() }
