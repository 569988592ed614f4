package main

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/cailiang/cailiang/app"
	"github.com/cailiang/cailiang/casework"
)

// seedCasework writes a few cases' worth of log through the service as
// serve would, with one checkpoint, and returns the number of entries.
func seedCasework(t *testing.T, data string) uint64 {
	t.Helper()
	ctx := context.Background()
	cw, err := app.OpenCasework(app.Config{DataDir: data}, false)
	if err != nil {
		t.Fatal(err)
	}
	defer cw.Close()
	svc := cw.Service
	if _, _, _, err := svc.EnsureAdmin(ctx); err != nil {
		t.Fatal(err)
	}
	admin := casework.User{ID: "admin", Roles: []casework.Role{casework.RoleAdmin}}
	officer, _, err := svc.AddUser(ctx, admin, casework.User{ID: "zhang.san", Agency: "scjg", Roles: []casework.Role{casework.RoleOfficer}}, "")
	if err != nil {
		t.Fatal(err)
	}
	leader, _, err := svc.AddUser(ctx, admin, casework.User{ID: "zhao.liu", Agency: "scjg", Roles: []casework.Role{casework.RoleLeader}}, "")
	if err != nil {
		t.Fatal(err)
	}
	c, err := svc.CreateCase(ctx, officer, casework.NewCase{Title: "某超市销售过期食品案"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Transition(ctx, leader, c.ID, c.Version, casework.ActionRegister, ""); err != nil {
		t.Fatal(err)
	}
	cp, created, err := cw.Checkpoint(ctx)
	if err != nil || !created {
		t.Fatalf("checkpoint: %v, %v", created, err)
	}
	return cp.Size
}

// TestAuditVerifyCatchesTampering edits casework.db with bbolt directly, as
// someone with the file would, and expects `audit verify` to fail naming
// the entry.
func TestAuditVerifyCatchesTampering(t *testing.T) {
	data := t.TempDir()
	n := seedCasework(t, data)
	if info, err := os.Stat(filepath.Join(data, "audit.key")); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("audit.key: %v, %v; want a 0600 file", info, err)
	}
	out := mustCLI(t, "", "audit", "verify", "--data", data)
	var rep struct {
		OK          bool   `json:"ok"`
		Entries     uint64 `json:"entries"`
		Checkpoints int    `json:"checkpoints"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || !rep.OK || rep.Entries != n || rep.Checkpoints != 1 {
		t.Fatalf("audit verify of an untouched log = %s (%v)", out, err)
	}

	const bad = 3
	db, err := bolt.Open(filepath.Join(data, "casework.db"), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte("log"))
		key := binary.BigEndian.AppendUint64(nil, bad)
		var e map[string]any
		if err := json.Unmarshal(b.Get(key), &e); err != nil {
			return err
		}
		e["actor"] = "someone.else"
		raw, err := json.Marshal(e)
		if err != nil {
			return err
		}
		return b.Put(key, raw)
	})
	if cerr := db.Close(); err != nil || cerr != nil {
		t.Fatalf("tamper: %v, %v", err, cerr)
	}

	out, _, err = cli(t, "", "audit", "verify", "--data", data)
	var ce *casework.ChainError
	if !errors.As(err, &ce) || ce.Seq != bad || errors.Is(err, errUsage) {
		t.Fatalf("audit verify after tampering: %v; want a failure (exit 1) naming entry %d", err, bad)
	}
	if !strings.Contains(err.Error(), "第 3 条") || !strings.Contains(out, `"ok": false`) {
		t.Errorf("message %q / output %s should name entry 3 and say ok false", err, out)
	}
	// No checkpoint is signed over a tampered log.
	if _, _, err := cli(t, "", "audit", "checkpoint", "--data", data); !errors.Is(err, casework.ErrTampered) {
		t.Errorf("audit checkpoint over a tampered log: %v", err)
	}
}

func TestAuditRefusesBadUse(t *testing.T) {
	data := t.TempDir()
	if _, _, err := cli(t, "", "audit", "verify", "--data", data); !errors.Is(err, app.ErrAuditKey) && !errors.Is(err, app.ErrNoData) {
		t.Errorf("audit verify of an empty directory: %v", err)
	}
	if _, _, err := cli(t, "", "audit", "rewrite", "--data", data); !errors.Is(err, errUsage) {
		t.Errorf("audit rewrite: %v, want a usage error", err)
	}
	if _, _, err := cli(t, "", "audit", "checkpoint", "--data", data, "--audit-key", filepath.Join(data, "missing.key")); !errors.Is(err, app.ErrAuditKey) {
		t.Errorf("audit checkpoint with a missing named key: %v, want ErrAuditKey", err)
	}
	if entries, _ := os.ReadDir(data); len(entries) != 0 {
		t.Errorf("refused audit commands wrote %d files into the data directory", len(entries))
	}
}
