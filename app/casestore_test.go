package app

import (
	"cmp"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/casework/pgstore"
	"github.com/cailiang/cailiang/pgschema/pgtest"
)

// withSchema returns dsn with its search_path set to schema.
func withSchema(dsn, schema string) string {
	if strings.Contains(dsn, "?") {
		return dsn + "&search_path=" + schema
	}
	return dsn + "?search_path=" + schema
}

// With Config.PGDSN the case workbench's record is PostgreSQL: the service
// writes there, checkpoints and verification work on it, and a read-only
// open (audit verify) of a database not yet set up creates nothing.
func TestOpenCaseworkPostgres(t *testing.T) {
	dsn := pgtest.DSN(t)
	ctx := context.Background()
	cfg := Config{DataDir: t.TempDir(), PGDSN: withSchema(dsn, pgtest.FreshSchema(t, dsn, "app_"))}
	cw, err := OpenCasework(cfg, false)
	if err != nil {
		t.Fatalf("OpenCasework: %v", err)
	}
	if _, ok := cw.store.(*pgstore.Store); !ok {
		t.Fatalf("store is %T, want *pgstore.Store", cw.store)
	}
	if _, _, created, err := cw.Service.EnsureAdmin(ctx); err != nil || !created {
		t.Fatalf("EnsureAdmin = %v, %v", created, err)
	}
	if _, created, err := cw.Checkpoint(ctx); err != nil || !created {
		t.Fatalf("Checkpoint = %v, %v", created, err)
	}
	cw.Close()

	ro, err := OpenCasework(cfg, true)
	if err != nil {
		t.Fatalf("read-only OpenCasework: %v", err)
	}
	defer ro.Close()
	rep, err := ro.Verify(ctx)
	if err != nil || rep.Entries != 1 {
		t.Errorf("Verify = %+v, %v; want the first admin's entry", rep, err)
	}
	if err := ro.Service.PutAgency(ctx, casework.User{Roles: []casework.Role{casework.RoleAdmin}}, casework.Agency{Code: "scjg", Name: "某局"}); !errors.Is(err, pgstore.ErrReadOnly) {
		t.Errorf("write through a read-only open = %v, want pgstore.ErrReadOnly", err)
	}

	empty := cfg
	empty.PGDSN = withSchema(dsn, pgtest.FreshSchema(t, dsn, "app_"))
	if _, err := OpenCasework(empty, true); !errors.Is(err, pgstore.ErrNotMigrated) {
		t.Errorf("read-only OpenCasework of an empty database = %v, want pgstore.ErrNotMigrated", err)
	}
}

// Nodes on one PostgreSQL record share one audit key: a node whose data
// directory made a key of its own is refused once another node signed a
// checkpoint, and accepted with --audit-key naming the shared key.
func TestCaseworkNodesShareAuditKey(t *testing.T) {
	dsn := pgtest.DSN(t)
	pg := withSchema(dsn, pgtest.FreshSchema(t, dsn, "app_"))
	first := Config{DataDir: t.TempDir(), PGDSN: pg}
	cw, err := OpenCasework(first, false)
	if err != nil {
		t.Fatal(err)
	}
	defer cw.Close()
	ctx := context.Background()
	if _, _, _, err := cw.Service.EnsureAdmin(ctx); err != nil {
		t.Fatal(err)
	}
	if _, _, err := cw.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	second := Config{DataDir: t.TempDir(), PGDSN: pg}
	if _, err := OpenCasework(second, false); !errors.Is(err, ErrAuditKey) {
		t.Errorf("a node with a key of its own = %v, want ErrAuditKey", err)
	}
	second.Casework.AuditKey = first.withDefaults().auditKeyPath()
	other, err := OpenCasework(second, false)
	if err != nil {
		t.Fatalf("a node with the shared key: %v", err)
	}
	other.Close()
}

// The review and publication settings reach the service; a setting out of
// range is a configuration error, not a service that guesses.
func TestCaseworkPublicationSettings(t *testing.T) {
	for _, tc := range []struct {
		name string
		cw   CaseworkConfig
		ok   bool
	}{
		{"defaults", CaseworkConfig{}, true},
		{"market regulation", CaseworkConfig{ReviewDays: 10, ReviewExtendDays: 5, Province: "34",
			PublicationRules: map[string]casework.PublicationRule{"*": {Days: 20, PushDays: 10, RemoteDays: 10}}}, true},
		{"unknown province", CaseworkConfig{Province: "99"}, false},
		{"negative review days", CaseworkConfig{ReviewDays: -1}, false},
		{"review days beyond 60", CaseworkConfig{ReviewDays: 61}, false},
		{"bad rule", CaseworkConfig{PublicationRules: map[string]casework.PublicationRule{"scjg": {Days: 0}}}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := Config{DataDir: t.TempDir(), Casework: tc.cw}
			cw, err := OpenCasework(cfg, false)
			if tc.ok {
				if err != nil {
					t.Fatal(err)
				}
				defer cw.Close()
				checkReviewDays(t, cfg, cw, cmp.Or(tc.cw.ReviewDays, casework.DefaultReviewDays))
				return
			}
			if !errors.Is(err, ErrConfig) {
				t.Fatalf("err %v; want ErrConfig", err)
			}
		})
	}
}

// checkReviewDays submits a case to review on cw and checks its deadline
// is days working days later on cfg's calendar.
func checkReviewDays(t *testing.T, cfg Config, cw *Casework, days int) {
	t.Helper()
	ctx := context.Background()
	svc := cw.Service
	if _, _, _, err := svc.EnsureAdmin(ctx); err != nil {
		t.Fatal(err)
	}
	var admin casework.User
	err := cw.store.View(ctx, func(tx casework.ReadTx) (err error) { admin, err = tx.User("admin"); return err })
	if err != nil {
		t.Fatal(err)
	}
	add := func(id string, r casework.Role) casework.User {
		u, _, err := svc.AddUser(ctx, admin, casework.User{ID: id, Name: id, Agency: "scjg", Roles: []casework.Role{r}}, "")
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	off, lead := add("officer", casework.RoleOfficer), add("leader", casework.RoleLeader)
	c, err := svc.CreateCase(ctx, off, casework.NewCase{Title: "某店销售过期食品案", Party: casework.Party{Name: "某店"}, Facts: "销售过期食品。"})
	if err != nil {
		t.Fatal(err)
	}
	step := func(u casework.User, a casework.Action) {
		t.Helper()
		if c, err = svc.Transition(ctx, u, c.ID, c.Version, a, ""); err != nil {
			t.Fatalf("%s: %v", a, err)
		}
	}
	step(lead, casework.ActionRegister)
	step(off, casework.ActionToDiscretion)
	if c, err = svc.EditCase(ctx, off, c.ID, c.Version, casework.CaseEdit{Proposal: &casework.Proposal{Disposition: "处罚", Fine: 1000}}); err != nil {
		t.Fatal(err)
	}
	step(off, casework.ActionNotify)
	step(off, casework.ActionSubmitReview)
	cal, err := Calendar(cfg)
	if err != nil {
		t.Fatal(err)
	}
	want, err := cal.AddWorkdays(c.Review.Submitted, days)
	if err != nil || !c.Review.Due.Equal(want) {
		t.Errorf("review due %s, want %s (%d working days; %v)", c.Review.Due, want, days, err)
	}
}
