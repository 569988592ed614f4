package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cailiang/cailiang/app"
	"github.com/cailiang/cailiang/pgschema/pgtest"
)

// lockedBuffer is a bytes.Buffer serve can write while the test reads.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// serveWithStderr runs serve on data and returns its address, what it wrote
// to stderr, and a function that stops it.
func serveWithStderr(t *testing.T, data string, extra ...string) (string, *lockedBuffer, func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	stderr := &lockedBuffer{}
	done := make(chan error, 1)
	go func() {
		args := append([]string{"serve", "--data", data, "--addr", "127.0.0.1:0", "--log-level", "warn", "--first-import", "none",
			"--embedder", "none"}, extra...)
		done <- run(ctx, args, strings.NewReader(""), stderr, stderr)
	}()
	for deadline := time.Now().Add(3 * time.Minute); ; {
		if s, ok := app.RunningService(data); ok && ready(s.Addr) {
			return s.Addr, stderr, func() {
				cancel()
				if err := <-done; err != nil {
					t.Errorf("serve: %v", err)
				}
			}
		}
		select {
		case err := <-done:
			cancel()
			t.Fatalf("serve stopped: %v\n%s", err, stderr)
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatal("serve did not become ready")
		}
	}
}

// httpJSON sends a JSON request with an optional bearer token and returns
// the status and the decoded answer.
func httpJSON(t *testing.T, method, url, token, body string) (int, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var m map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&m)
	return resp.StatusCode, m
}

// TestFirstAdminAndUserCommands: a fresh serve creates the first admin and
// prints how to sign in, once; nothing is writable without a token; the
// user commands refuse beside the running service, then add, list, disable,
// enable, issue tokens and reset passwords that the service honours.
func TestFirstAdminAndUserCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("serves a data directory")
	}
	data := filepath.Join(t.TempDir(), "data")
	addr, stderr, stop := serveWithStderr(t, data)
	m := regexp.MustCompile(`网址 +(\S+)\n +用户名 +(\S+)\n +密码 +(\S+)\n`).FindStringSubmatch(stderr.String())
	if m == nil || m[1] != "http://"+addr+"/workbench" || m[2] != "admin" {
		t.Fatalf("first start did not print how to sign in:\n%s", stderr)
	}
	base := "http://" + addr
	st, login := httpJSON(t, "POST", base+"/v1/login", "", `{"user":"admin","password":"`+m[3]+`"}`)
	admin, _ := login["token"].(string)
	if st != 200 || admin == "" {
		t.Fatalf("admin login: %d %v", st, login)
	}
	for _, w := range []struct{ method, path, body string }{
		{"POST", "/v1/cases", `{"title":"x"}`},
		{"POST", "/v1/library/cases", `[]`},
		{"POST", "/v1/users", `{"id":"x"}`},
		{"GET", "/v1/cases?queue=agency", ""},
	} {
		if st, ans := httpJSON(t, w.method, base+w.path, "", w.body); st != 401 {
			t.Errorf("anonymous %s %s: %d %v; want 401", w.method, w.path, st, ans)
		}
	}
	if st, ans := httpJSON(t, "POST", base+"/v1/library/cases", admin, `[]`); st != 400 {
		t.Errorf("admin import of nothing: %d %v; want 400 (past the token check)", st, ans)
	}
	// Beside the running service the commands refuse, naming it.
	_, _, err := cli(t, "", "user", "add", "oa", "--data", data, "--agency", "scjg", "--role", "officer")
	if err == nil || !strings.Contains(err.Error(), "正由运行中的 cailiang serve 使用") || !strings.Contains(err.Error(), addr) {
		t.Fatalf("user add beside serve: %v", err)
	}
	stop()

	var added struct {
		User     map[string]any `json:"user"`
		Password string         `json:"password"`
	}
	out := mustCLI(t, "", "user", "add", "oa", "--data", data, "--name", "王某", "--agency", "scjg", "--role", "officer,reviewer", "--cert", "14010120001")
	if err := json.Unmarshal([]byte(out), &added); err != nil || added.Password == "" || added.User["agency"] != "scjg" || added.User["cert_number"] != "14010120001" {
		t.Fatalf("user add: %v\n%s", err, out)
	}
	if out := mustCLI(t, "", "user", "cert", "oa", "--data", data, "--cert", "晋A-0002"); !strings.Contains(out, `"cert_number": "晋A-0002"`) {
		t.Errorf("user cert:\n%s", out)
	}
	out = mustCLI(t, "chosen-password-1\n", "user", "add", "lb", "--data", data, "--agency", "hbj", "--role", "负责人", "--password-stdin")
	if strings.Contains(out, "chosen-password-1") || strings.Contains(out, `"password"`) {
		t.Errorf("user add --password-stdin printed a password:\n%s", out)
	}
	if list := mustCLI(t, "", "user", "list", "--data", data); !strings.Contains(list, `"id": "oa"`) || !strings.Contains(list, `"id": "lb"`) || !strings.Contains(list, `"id": "admin"`) {
		t.Errorf("user list:\n%s", list)
	}
	var tok struct {
		Token   string    `json:"token"`
		Expires time.Time `json:"expires"`
	}
	if err := json.Unmarshal([]byte(mustCLI(t, "", "user", "token", "oa", "--data", data, "--ttl", "720h")), &tok); err != nil ||
		!strings.HasPrefix(tok.Token, "clt_") || time.Until(tok.Expires) < 719*time.Hour {
		t.Fatalf("user token: %v %+v", err, tok)
	}
	mustCLI(t, "", "user", "disable", "lb", "--data", data)
	var reset struct {
		Password string `json:"password"`
	}
	if err := json.Unmarshal([]byte(mustCLI(t, "", "user", "reset-password", "oa", "--data", data)), &reset); err != nil || reset.Password == "" || reset.Password == added.Password {
		t.Fatalf("reset-password: %v %+v", err, reset)
	}
	for _, bad := range [][]string{
		{"user"}, {"user", "add"}, {"user", "frob", "x"}, {"user", "list", "extra"},
		{"user", "add", "zz", "--role", "god"}, {"user", "add", "zz"},
	} {
		if _, _, err := cli(t, "", append(bad, "--data", data)...); err == nil {
			t.Errorf("cailiang %v succeeded", bad)
		}
	}
	for _, bad := range [][]string{{"user", "disable", "nobody"}, {"user", "add", "oa", "--agency", "scjg", "--role", "officer"},
		{"user", "add", "../x", "--agency", "scjg", "--role", "officer"}, {"user", "cert", "oa", "--cert", "14 01"}, {"user", "cert", "nobody", "--cert", "1"}} {
		if _, _, err := cli(t, "", append(bad, "--data", data)...); err == nil {
			t.Errorf("cailiang %v succeeded", bad)
		}
	}

	// The service honours what the commands did; the first admin is not
	// created (nor printed) again.
	addr, stderr, stop = serveWithStderr(t, data)
	defer stop()
	base = "http://" + addr
	if strings.Contains(stderr.String(), "首个管理员已创建") {
		t.Errorf("second start printed a first admin again:\n%s", stderr)
	}
	if st, me := httpJSON(t, "GET", base+"/v1/me", tok.Token, ""); st != 200 || me["id"] != "oa" {
		t.Errorf("token from user token: %d %v", st, me)
	}
	if st, _ := httpJSON(t, "POST", base+"/v1/login", "", `{"user":"oa","password":"`+added.Password+`"}`); st != 401 {
		t.Errorf("old password after reset: %d; want 401", st)
	}
	if st, _ := httpJSON(t, "POST", base+"/v1/login", "", `{"user":"oa","password":"`+reset.Password+`"}`); st != 200 {
		t.Errorf("new password after reset: %d; want 200", st)
	}
	if st, _ := httpJSON(t, "POST", base+"/v1/login", "", `{"user":"lb","password":"chosen-password-1"}`); st != 401 {
		t.Errorf("disabled user's login: %d; want 401", st)
	}
	if st, ans := httpJSON(t, "POST", base+"/v1/cases", tok.Token, `{"title":"某店销售过期食品案","facts":"销售过期食品。"}`); st != 201 {
		t.Errorf("officer creates a case on the embedded store: %d %v", st, ans)
	}
}

// TestUserCommandsOnPostgres: with the record on PostgreSQL the user
// commands work beside a running serve, which sees their changes at once.
func TestUserCommandsOnPostgres(t *testing.T) {
	dsn := pgtest.DSN(t)
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	pg := dsn + sep + "search_path=" + pgtest.FreshSchema(t, dsn, "users_")
	data := filepath.Join(t.TempDir(), "data")
	addr, stderr, stop := serveWithStderr(t, data, "--pg", pg)
	defer stop()
	if !strings.Contains(stderr.String(), "首个管理员已创建") {
		t.Fatalf("no first admin on PostgreSQL:\n%s", stderr)
	}
	var added struct {
		Password string `json:"password"`
	}
	out := mustCLI(t, "", "user", "add", "pg1", "--data", data, "--pg", pg, "--agency", "scjg", "--role", "officer")
	if err := json.Unmarshal([]byte(out), &added); err != nil || added.Password == "" {
		t.Fatalf("user add beside serve on PostgreSQL: %v\n%s", err, out)
	}
	st, login := httpJSON(t, "POST", "http://"+addr+"/v1/login", "", `{"user":"pg1","password":"`+added.Password+`"}`)
	if st != 200 {
		t.Fatalf("the running service does not see the added user: %d %v", st, login)
	}
	mustCLI(t, "", "user", "disable", "pg1", "--data", data, "--pg", pg)
	if st, me := httpJSON(t, "GET", "http://"+addr+"/v1/me", login["token"].(string), ""); st != 401 {
		t.Errorf("disabled through the command, the user's session still works: %d %v", st, me)
	}
}
