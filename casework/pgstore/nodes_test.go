package pgstore

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/cailiang/cailiang/casework"
)

// A node is this test binary started again as a separate process that runs
// a casework.Service on the store (what `cailiang serve` wires), driven by
// JSON lines on stdin and answering on stdout. TestMain turns the binary
// into a node when nodeEnv is set.
const (
	nodeEnv       = "CAILIANG_PGSTORE_TEST_NODE"
	nodeSchemaEnv = "CAILIANG_PGSTORE_TEST_NODE_SCHEMA"
)

func TestMain(m *testing.M) {
	if os.Getenv(nodeEnv) != "" {
		if err := runNode(os.Getenv("CAILIANG_TEST_PG_DSN"), os.Getenv(nodeSchemaEnv), os.Stdin, os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, "node:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// nodeMsg is one line each way.
type nodeMsg struct {
	Op      string          `json:"op,omitempty"`
	Actor   string          `json:"actor,omitempty"`
	Actors  []string        `json:"actors,omitempty"`
	ID      string          `json:"id,omitempty"`
	Cases   []casework.Case `json:"cases,omitempty"`
	Case    *casework.Case  `json:"case,omitempty"`
	Results []string        `json:"results,omitempty"`
	Err     string          `json:"err,omitempty"`
	Event   *casework.Event `json:"event,omitempty"`
	Ack     *ack            `json:"ack,omitempty"`
}

// ack is a write the node's Service reported as done.
type ack struct {
	What     string `json:"what"`
	Case     string `json:"case"`
	Version  int64  `json:"version"`
	Evidence string `json:"evidence,omitempty"`
}

func runNode(dsn, schema string, in io.Reader, out io.Writer) error {
	ctx := context.Background()
	s, err := Open(ctx, Config{DSN: dsn, Schema: schema})
	if err != nil {
		return err
	}
	defer s.Close()
	svc, err := casework.New(casework.Config{Store: s, Blobs: &memBlobs{}, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		return err
	}
	var mu sync.Mutex
	enc := json.NewEncoder(out)
	say := func(m nodeMsg) {
		mu.Lock()
		defer mu.Unlock()
		_ = enc.Encode(m) // stdout is a pipe: each line is written at once
	}
	errText := func(err error) string {
		switch {
		case err == nil:
			return "ok"
		case errors.Is(err, casework.ErrConflict):
			return "conflict"
		}
		return err.Error()
	}
	sc := bufio.NewScanner(in)
	for sc.Scan() {
		var m nodeMsg
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			return err
		}
		reply := nodeMsg{Op: m.Op}
		switch m.Op {
		case "watch":
			events, err := s.Watch(ctx)
			if err != nil {
				reply.Err = err.Error()
				break
			}
			go func() {
				for ev := range events {
					say(nodeMsg{Event: &ev})
				}
			}()
		case "create":
			u, err := user(ctx, s, m.Actor)
			if err == nil {
				var c casework.Case
				c, err = svc.CreateCase(ctx, u, casework.NewCase{Title: m.ID, Party: casework.Party{Name: "某公司"}})
				reply.Case = &c
			}
			reply.Err = errText(err)
		case "get":
			u, err := user(ctx, s, m.Actor)
			if err == nil {
				var c casework.Case
				c, err = svc.Case(ctx, u, m.ID)
				reply.Case = &c
			}
			reply.Err = errText(err)
		case "race":
			u, err := user(ctx, s, m.Actor)
			if err != nil {
				return err
			}
			for _, c := range m.Cases {
				_, err := svc.Transition(ctx, u, c.ID, c.Version, casework.ActionRegister, "")
				reply.Results = append(reply.Results, errText(err))
			}
		case "takedown":
			n, err := svc.TakeDownExpired(ctx)
			reply.Results = []string{strconv.Itoa(n)}
			reply.Err = errText(err)
		case "burst":
			ld, err := user(ctx, s, "ld")
			if err != nil {
				return err
			}
			for _, id := range m.Actors {
				o, err := user(ctx, s, id)
				if err != nil {
					return err
				}
				go func() {
					w := &worker{svc: svc, officer: o, leader: ld}
					for {
						what, err := w.step(ctx)
						if err != nil {
							say(nodeMsg{Err: what + ": " + err.Error()})
							return
						}
						say(nodeMsg{Ack: &ack{What: what, Case: w.c.ID, Version: w.c.Version, Evidence: w.evidence}})
					}
				}()
			}
		default:
			return fmt.Errorf("unknown op %q", m.Op)
		}
		say(reply)
	}
	return sc.Err()
}

// node is the test's handle on a node process.
type node struct {
	t       *testing.T
	cmd     *exec.Cmd
	in      *json.Encoder
	replies chan nodeMsg
	events  chan casework.Event
	acks    chan nodeMsg // acks and burst errors
	done    chan struct{}
}

func startNode(t *testing.T, schema string) *node {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), nodeEnv+"=1", nodeSchemaEnv+"="+schema)
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	n := &node{t: t, cmd: cmd, in: json.NewEncoder(stdin), replies: make(chan nodeMsg, 16),
		events: make(chan casework.Event, 1024), acks: make(chan nodeMsg, 1<<16), done: make(chan struct{})}
	go func() {
		defer close(n.done)
		sc := bufio.NewScanner(stdout)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var m nodeMsg
			if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
				t.Errorf("node said %q: %v", sc.Text(), err)
				continue
			}
			switch {
			case m.Event != nil:
				n.events <- *m.Event
			case m.Ack != nil || m.Op == "":
				n.acks <- m
			default:
				n.replies <- m
			}
		}
	}()
	t.Cleanup(func() {
		_ = stdin.Close()
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	return n
}

func (n *node) send(m nodeMsg) {
	n.t.Helper()
	if err := n.in.Encode(m); err != nil {
		n.t.Fatalf("send %s: %v", m.Op, err)
	}
}

// call sends a command and waits for its reply (30 s hang guard).
func (n *node) call(m nodeMsg) nodeMsg {
	n.t.Helper()
	n.send(m)
	select {
	case r := <-n.replies:
		return r
	case <-time.After(30 * time.Second):
		n.t.Fatalf("node: no reply to %s", m.Op)
	}
	return nodeMsg{}
}

// Two nodes on one PostgreSQL: a case written through one is heard of and
// read through the other; concurrent transitions of the same cases from
// both never both succeed; a node killed with SIGKILL during a burst of
// changes loses no acknowledged write and leaves no half-done change.
func TestTwoNodes(t *testing.T) {
	s, cfg := openTest(t)
	svc := newService(t, s)
	if err := seed(ctx, svc, s, 4); err != nil {
		t.Fatal(err)
	}
	a, b := startNode(t, cfg.Schema), startNode(t, cfg.Schema)
	if r := b.call(nodeMsg{Op: "watch"}); r.Err != "" {
		t.Fatalf("watch: %s", r.Err)
	}

	// Freshness: a writes, b hears and reads.
	sent := time.Now()
	r := a.call(nodeMsg{Op: "create", Actor: "o1", ID: "经节点甲登记"})
	if r.Err != "ok" {
		t.Fatalf("create on a: %s", r.Err)
	}
	select {
	case ev := <-b.events:
		if ev.CaseID != r.Case.ID || ev.Version != 1 {
			t.Errorf("b heard %+v, want %s at version 1", ev, r.Case.ID)
		}
		t.Logf("node b heard of the case %v after node a was asked to create it", time.Since(sent))
	case <-time.After(10 * time.Second):
		t.Fatal("node b heard nothing in 10 s")
	}
	if got := b.call(nodeMsg{Op: "get", Actor: "o2", ID: r.Case.ID}); got.Err != "ok" || got.Case.Title != "经节点甲登记" || got.Case.Version != 1 {
		t.Errorf("b reads %+v (%s)", got.Case, got.Err)
	}

	// Races: both nodes register the same 40 cases from the same versions.
	o1, _ := user(ctx, s, "o1")
	var cases []casework.Case
	for i := range 40 {
		c, err := svc.CreateCase(ctx, o1, casework.NewCase{Title: fmt.Sprintf("竞争 %d", i), Party: casework.Party{Name: "某店"}})
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, c)
	}
	race := nodeMsg{Op: "race", Actor: "ld", Cases: cases}
	a.send(race)
	b.send(race)
	ra, rb := <-a.replies, <-b.replies
	if len(ra.Results) != len(cases) || len(rb.Results) != len(cases) {
		t.Fatalf("race results: %d and %d, want %d each", len(ra.Results), len(rb.Results), len(cases))
	}
	wins := [2]int{}
	for i := range cases {
		x, y := ra.Results[i], rb.Results[i]
		if (x == "ok") == (y == "ok") || (x != "ok" && x != "conflict") || (y != "ok" && y != "conflict") {
			t.Errorf("case %s: node a %s, node b %s; want exactly one ok and one conflict", cases[i].ID, x, y)
		}
		if x == "ok" {
			wins[0]++
		} else {
			wins[1]++
		}
	}
	t.Logf("races won: node a %d, node b %d", wins[0], wins[1])

	// Kill -9 during a burst on a; b keeps working.
	a.send(nodeMsg{Op: "burst", Actors: []string{"o1", "o2", "o3", "o4"}})
	var acked []ack
	for len(acked) < 200 {
		select {
		case m := <-a.acks:
			if m.Ack == nil {
				t.Fatalf("burst failed before the kill: %s", m.Err)
			}
			acked = append(acked, *m.Ack)
		case <-time.After(60 * time.Second):
			t.Fatalf("only %d writes acknowledged in 60 s", len(acked))
		}
	}
	if err := a.cmd.Process.Kill(); err != nil { // SIGKILL
		t.Fatal(err)
	}
	<-a.done // every line a wrote before dying has been read
	for len(a.acks) > 0 {
		if m := <-a.acks; m.Ack != nil {
			acked = append(acked, *m.Ack)
		}
	}
	if r := b.call(nodeMsg{Op: "create", Actor: "o2", ID: "节点甲终止后"}); r.Err != "ok" {
		t.Errorf("b after a's death: %s", r.Err)
	}
	evidence := map[string]map[string]bool{}
	view(t, s, func(tx casework.ReadTx) error {
		for _, k := range acked {
			c, err := tx.Case(k.Case)
			if err != nil || c.Version < k.Version {
				t.Errorf("acknowledged %s of %s at version %d lost: stored %d, %v", k.What, k.Case, k.Version, c.Version, err)
			}
			if k.Evidence == "" {
				continue
			}
			if evidence[k.Case] == nil {
				list, err := tx.Evidence(k.Case)
				if err != nil {
					return err
				}
				evidence[k.Case] = map[string]bool{}
				for _, e := range list {
					evidence[k.Case][e.Digest] = true
				}
			}
			if !evidence[k.Case][k.Evidence] {
				t.Errorf("acknowledged evidence %s of %s lost", k.Evidence, k.Case)
			}
		}
		return nil
	})
	ncases, entries, err := checkRecord(ctx, s)
	if err != nil {
		t.Errorf("after kill -9: %v", err)
	}
	t.Logf("killed node a after %d acknowledged writes; record: %d cases, %d entries, chain verifies", len(acked), ncases, entries)
}

// Two nodes on one PostgreSQL sweep the publications past their display
// period at the same moment: each record is taken down once, with one log
// entry, whichever node got it.
func TestTwoNodesTakeDown(t *testing.T) {
	s, cfg := openTest(t)
	svc := newService(t, s)
	if err := seed(ctx, svc, s, 1); err != nil {
		t.Fatal(err)
	}
	o1, _ := user(ctx, s, "o1")
	const n = 30
	published := time.Date(2020, 1, 6, 0, 0, 0, 0, time.UTC)
	for i := range n {
		c, err := svc.CreateCase(ctx, o1, casework.NewCase{Title: fmt.Sprintf("公示期满 %d", i), Party: casework.Party{Name: "某店"}})
		if err != nil {
			t.Fatal(err)
		}
		p := casework.Publication{ID: c.ID, CaseID: c.ID, Agency: c.Agency, Version: 1, State: casework.PubPublished, Decided: published,
			Published: published, DisplayUntil: published.AddDate(0, 3, 0), ShortDisplay: true, Notice: casework.Notice{PartyName: "某店"}}
		if err := s.Update(ctx, func(tx casework.Tx) error { return tx.PutPublication(p, 0) }); err != nil {
			t.Fatal(err)
		}
	}
	a, b := startNode(t, cfg.Schema), startNode(t, cfg.Schema)
	a.send(nodeMsg{Op: "takedown"})
	b.send(nodeMsg{Op: "takedown"})
	total := 0
	for _, r := range []nodeMsg{<-a.replies, <-b.replies} {
		if r.Err != "ok" || len(r.Results) != 1 {
			t.Fatalf("sweep: %+v", r)
		}
		k, _ := strconv.Atoi(r.Results[0])
		total += k
		t.Logf("a node took down %d", k)
	}
	if total != n {
		t.Errorf("the nodes took down %d records in all, want %d", total, n)
	}
	entries := 0
	err := s.View(ctx, func(tx casework.ReadTx) error {
		return tx.Entries(1, func(e casework.Entry) error {
			if e.Action == "publication.take_down" {
				entries++
			}
			return nil
		})
	})
	if err != nil || entries != n {
		t.Errorf("%d take-down entries (%v), want %d", entries, err, n)
	}
	var list []casework.Publication
	err = s.View(ctx, func(tx casework.ReadTx) (err error) {
		list, err = tx.Publications(casework.PublicationFilter{States: []casework.PublicationState{casework.PubEnded}})
		return err
	})
	if err != nil || len(list) != n {
		t.Errorf("%d records ended (%v), want %d", len(list), err, n)
	}
}
