package app

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/casework/s3blobs/s3test"
)

const testS3Secret = "s3-secret-不应出现在日志中"

// s3Fixture is an S3 endpoint (s3test) with one bucket, "evidence", and
// the files the settings name: its certificate (the agency's own CA) and
// the secret key.
type s3Fixture struct {
	*s3test.Server
	caFile, secretFile string
}

func newS3Fixture(t *testing.T) s3Fixture {
	t.Helper()
	dir := t.TempDir()
	f := s3Fixture{Server: s3test.New(t, "evidence", nil), caFile: filepath.Join(dir, "ca.pem"), secretFile: filepath.Join(dir, "s3.secret")}
	if err := os.WriteFile(f.caFile, f.CertPEM, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(f.secretFile, []byte(testS3Secret+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f s3Fixture) config(path string) EvidenceS3Config {
	return EvidenceS3Config{URL: f.URL + path, AccessKey: "cailiang", SecretKeyFile: f.secretFile, CAFile: f.caFile}
}

// With Casework.EvidenceS3 set, a case's evidence uploaded through the
// service lands in the bucket under its digest (nothing in the data
// directory) and downloads back byte for byte.
func TestCaseworkEvidenceInBucket(t *testing.T) {
	ctx := context.Background()
	s3 := newS3Fixture(t)
	cfg := Config{DataDir: t.TempDir(), Casework: CaseworkConfig{EvidenceS3: s3.config("/evidence/city/scjg")}}
	cw, err := OpenCasework(cfg, false)
	if err != nil {
		t.Fatalf("OpenCasework: %v", err)
	}
	defer cw.Close()
	id, _, _, err := cw.Service.EnsureAdmin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var admin casework.User
	if err := cw.store.View(ctx, func(tx casework.ReadTx) (err error) { admin, err = tx.User(id); return err }); err != nil {
		t.Fatal(err)
	}
	if err := cw.Service.PutAgency(ctx, admin, casework.Agency{Code: "scjg", Name: "某市市场监督管理局"}); err != nil {
		t.Fatal(err)
	}
	officer, _, err := cw.Service.AddUser(ctx, admin, casework.User{ID: "zhang", Name: "张某", Agency: "scjg",
		Roles: []casework.Role{casework.RoleOfficer}}, "evidence-in-bucket-1")
	if err != nil {
		t.Fatal(err)
	}
	c, err := cw.Service.CreateCase(ctx, officer, casework.NewCase{Title: "某店无照经营案", Party: casework.Party{Name: "某店"}})
	if err != nil {
		t.Fatal(err)
	}
	content := []byte(strings.Repeat("询问笔录：当事人自2026年3月起在本市经营。\n", 500))
	ev, err := cw.Service.AddEvidence(ctx, officer, c.ID, bytes.NewReader(content), "询问笔录.txt", "")
	if err != nil {
		t.Fatalf("AddEvidence: %v", err)
	}
	key := "city/scjg/" + ev.Digest[:2] + "/" + ev.Digest
	obj, err := s3.Backend.HeadObject("evidence", key)
	if err != nil {
		t.Fatalf("object %s in the bucket: %v", key, err)
	}
	if obj.Size != int64(len(content)) {
		t.Errorf("object size %d, want %d", obj.Size, len(content))
	}
	if _, err := os.Stat(cfg.evidenceDir()); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("evidence directory %s exists (%v) though the bucket is configured", cfg.evidenceDir(), err)
	}
	_, rc, err := cw.Service.OpenEvidence(ctx, officer, c.ID, ev.Digest)
	if err != nil {
		t.Fatalf("OpenEvidence: %v", err)
	}
	got, err := io.ReadAll(rc)
	rc.Close()
	if err != nil || !bytes.Equal(got, content) {
		t.Fatalf("downloaded %d bytes (%v), want the %d uploaded", len(got), err, len(content))
	}
}

// Bad bucket settings stop the start with ErrConfig and never show the
// secret key.
func TestCaseworkEvidenceBucketSettings(t *testing.T) {
	s3 := newS3Fixture(t)
	notPEM := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(notPEM, []byte("not a certificate"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		edit func(*EvidenceS3Config)
	}{
		{"no such bucket", func(c *EvidenceS3Config) { c.URL = s3.URL + "/other" }},
		{"no bucket in the URL", func(c *EvidenceS3Config) { c.URL = s3.URL }},
		{"credentials in the URL", func(c *EvidenceS3Config) {
			c.URL = strings.Replace(s3.URL, "https://", "https://cailiang:"+testS3Secret+"@", 1) + "/evidence"
		}},
		{"no secret key", func(c *EvidenceS3Config) { c.SecretKeyFile = "" }},
		{"unreadable secret file", func(c *EvidenceS3Config) { c.SecretKeyFile = filepath.Join(t.TempDir(), "missing") }},
		{"no access key", func(c *EvidenceS3Config) { c.AccessKey = "" }},
		{"missing CA file", func(c *EvidenceS3Config) { c.CAFile = filepath.Join(t.TempDir(), "missing.pem") }},
		{"CA file without a certificate", func(c *EvidenceS3Config) { c.CAFile = notPEM }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s3cfg := s3.config("/evidence")
			tt.edit(&s3cfg)
			cw, err := OpenCasework(Config{DataDir: t.TempDir(), Casework: CaseworkConfig{EvidenceS3: s3cfg}}, false)
			if err == nil {
				cw.Close()
				t.Fatal("OpenCasework succeeded")
			}
			if !errors.Is(err, ErrConfig) {
				t.Errorf("OpenCasework = %v, want ErrConfig", err)
			}
			if strings.Contains(err.Error(), testS3Secret) {
				t.Errorf("error shows the secret key: %v", err)
			}
		})
	}
	// Without the agency's CA the server's certificate is not trusted.
	s3cfg := s3.config("/evidence")
	s3cfg.CAFile = ""
	if cw, err := OpenCasework(Config{DataDir: t.TempDir(), Casework: CaseworkConfig{EvidenceS3: s3cfg}}, false); err == nil {
		cw.Close()
		t.Error("OpenCasework trusted an unknown certificate")
	}
}
