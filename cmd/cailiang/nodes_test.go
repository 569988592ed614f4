package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cailiang/cailiang/pgschema/pgtest"
)

// TestTwoServeNodesOnPostgres runs two `cailiang serve` nodes, each with
// its own data directory, on one PostgreSQL (one audit key): a case written
// through one node is read through the other within a second, and the same
// transition sent to both at once succeeds on exactly one (the other gets
// 409 version_conflict), leaving one log entry for it.
func TestTwoServeNodesOnPostgres(t *testing.T) {
	dsn := pgtest.DSN(t)
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	pg := dsn + sep + "search_path=" + pgtest.FreshSchema(t, dsn, "nodes_")
	dataA, dataB := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	addrA, _, stopA := serveWithStderr(t, dataA, "--pg", pg)
	defer stopA()
	addrB, _, stopB := serveWithStderr(t, dataB, "--pg", pg, "--audit-key", filepath.Join(dataA, "audit.key"))
	defer stopB()

	var officer, leader struct {
		Password string `json:"password"`
	}
	mustDecode := func(out string, v any) {
		t.Helper()
		if err := json.Unmarshal([]byte(out), v); err != nil {
			t.Fatalf("%v: %s", err, out)
		}
	}
	mustDecode(mustCLI(t, "", "user", "add", "n1", "--data", dataA, "--pg", pg, "--agency", "scjg", "--role", "officer"), &officer)
	mustDecode(mustCLI(t, "", "user", "add", "n2", "--data", dataA, "--pg", pg, "--agency", "scjg", "--role", "leader"), &leader)
	login := func(addr, user, password string) string {
		t.Helper()
		st, m := httpJSON(t, "POST", "http://"+addr+"/v1/login", "", fmt.Sprintf(`{"user":%q,"password":%q}`, user, password))
		if st != 200 {
			t.Fatalf("login %s at %s: %d %v", user, addr, st, m)
		}
		return m["token"].(string)
	}
	// A session opened on one node is valid on the other: tokens live in the
	// shared record, not in a node.
	offA := login(addrA, "n1", officer.Password)
	leadB := login(addrB, "n2", leader.Password)

	st, created := httpJSON(t, "POST", "http://"+addrA+"/v1/cases", offA, `{"title":"某超市销售过期食品案","facts":"销售超过保质期的食品。"}`)
	if st != 201 {
		t.Fatalf("create on node A: %d %v", st, created)
	}
	id := created["case"].(map[string]any)["id"].(string)
	start := time.Now()
	for {
		st, got := httpJSON(t, "GET", "http://"+addrB+"/v1/cases/"+id, leadB, "")
		if st == 200 && got["case"].(map[string]any)["version"] == float64(1) {
			break
		}
		if time.Since(start) > time.Second {
			t.Fatalf("node B does not see the case node A wrote a second later: %d %v", st, got)
		}
		time.Sleep(20 * time.Millisecond)
	}

	// The leader sends 批准立案 through both nodes at once.
	leadA := login(addrA, "n2", leader.Password)
	var wg sync.WaitGroup
	statuses := make([]int, 2)
	codes := make([]string, 2)
	for i, node := range []struct{ addr, token string }{{addrA, leadA}, {addrB, leadB}} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			st, m := httpJSON(t, "POST", "http://"+node.addr+"/v1/cases/"+id+"/transitions", node.token, `{"action":"register","version":1}`)
			statuses[i] = st
			if e, ok := m["error"].(map[string]any); ok {
				codes[i], _ = e["code"].(string)
			}
		}()
	}
	wg.Wait()
	ok, conflict := 0, 0
	for i, st := range statuses {
		switch {
		case st == 200:
			ok++
		case st == 409 && codes[i] == "version_conflict":
			conflict++
		default:
			t.Errorf("node %d answered %d %s", i, st, codes[i])
		}
	}
	if ok != 1 || conflict != 1 {
		t.Fatalf("concurrent register through two nodes: %d succeeded, %d conflicted (statuses %v); want 1 and 1", ok, conflict, statuses)
	}
	_, tl := httpJSON(t, "GET", "http://"+addrB+"/v1/cases/"+id+"/timeline", leadB, "")
	registers := 0
	for _, e := range tl["entries"].([]any) {
		if e.(map[string]any)["action"] == "case.transition.register" {
			registers++
		}
	}
	if registers != 1 {
		t.Errorf("the log holds %d register entries; want 1", registers)
	}
}
