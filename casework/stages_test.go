package casework

import (
	"errors"
	"testing"
)

// TestTransitionTable checks the table's shape: every stage but the ends has
// a way on, ends have none, each (stage, action) appears once, every row
// names roles that exist and a Chinese label.
func TestTransitionTable(t *testing.T) {
	seen := map[[2]string]bool{}
	for _, tr := range Transitions() {
		key := [2]string{string(tr.From), string(tr.Action)}
		if seen[key] {
			t.Errorf("(%s, %s) twice in the table", tr.From, tr.Action)
		}
		seen[key] = true
		if tr.From.Label() == "" || tr.To.Label() == "" || tr.Label == "" {
			t.Errorf("%+v: unlabelled stage or action", tr)
		}
		if len(tr.Roles) == 0 {
			t.Errorf("%+v: nobody may take it", tr)
		}
		for _, r := range tr.Roles {
			if r.Label() == "" || r == RoleAdmin || r == RoleTrainer {
				t.Errorf("%+v: role %q may not work cases", tr, r)
			}
		}
	}
	for _, st := range Stages() {
		if got := len(Next(st)); st.Ended() != (got == 0) {
			t.Errorf("stage %s: ended=%v but %d ways on", st, st.Ended(), got)
		}
	}
}

// TestForbiddenTransitions tries every (stage, action) pair: exactly the
// table's rows are possible.
func TestForbiddenTransitions(t *testing.T) {
	rows := 0
	for _, st := range Stages() {
		for _, a := range Actions() {
			tr, ok := TransitionFor(st, a)
			inTable := false
			for _, row := range transitions {
				if row.From == st && row.Action == a {
					inTable = true
				}
			}
			if ok != inTable {
				t.Errorf("TransitionFor(%s, %s) ok=%v, in table %v", st, a, ok, inTable)
			}
			if ok {
				rows++
				if tr.From != st || tr.Action != a {
					t.Errorf("TransitionFor(%s, %s) = %+v", st, a, tr)
				}
			}
		}
	}
	if rows != len(transitions) {
		t.Errorf("%d possible pairs, table has %d rows", rows, len(transitions))
	}
}

func TestParseRole(t *testing.T) {
	for _, r := range Roles() {
		for _, s := range []string{string(r), r.Label()} {
			if got, err := ParseRole(s); err != nil || got != r {
				t.Errorf("ParseRole(%q) = %q, %v", s, got, err)
			}
		}
	}
	if _, err := ParseRole("root"); !errors.Is(err, ErrInvalid) {
		t.Errorf("ParseRole(root) err = %v", err)
	}
}

func TestPasswordAndToken(t *testing.T) {
	h, err := HashPassword("正确的密码 horse battery")
	if err != nil {
		t.Fatal(err)
	}
	if !CheckPassword(h, "正确的密码 horse battery") || CheckPassword(h, "正确的密码 horse batterY") {
		t.Error("CheckPassword does not tell the right password from a wrong one")
	}
	for _, bad := range []string{"", "$argon2id$", "$bcrypt$v=1$m=1,t=1,p=1$AA$AA", "$argon2id$v=19$m=99999999,t=1,p=1$AAAA$AAAA"} {
		if CheckPassword(bad, "x") {
			t.Errorf("malformed hash %q matched", bad)
		}
	}
	tok, hash, err := NewToken()
	if err != nil {
		t.Fatal(err)
	}
	if TokenHash(tok) != hash || len(hash) != 64 {
		t.Errorf("token hash %q", hash)
	}
}

func TestChainVerifier(t *testing.T) {
	var log []Entry
	var prev *Entry
	for i := range 4 {
		e, err := Link(prev, Entry{Actor: "u", Action: "case.update", Note: string(rune('a' + i))})
		if err != nil {
			t.Fatal(err)
		}
		log = append(log, e)
		prev = &log[len(log)-1]
	}
	verify := func(entries []Entry) error {
		var v ChainVerifier
		for _, e := range entries {
			if err := v.Next(e); err != nil {
				return err
			}
		}
		return nil
	}
	if err := verify(log); err != nil {
		t.Fatalf("intact log: %v", err)
	}
	edited := append([]Entry(nil), log...)
	edited[2].Note = "x"
	swapped := []Entry{log[0], log[2], log[1], log[3]}
	deleted := []Entry{log[0], log[1], log[3]}
	relinked := append([]Entry(nil), log...)
	relinked[1].Note = "y"
	relinked[1], _ = Link(&relinked[0], relinked[1])
	for name, tc := range map[string]struct {
		entries []Entry
		seq     uint64
	}{"edited": {edited, 3}, "swapped": {swapped, 2}, "deleted": {deleted, 3}, "relinked": {relinked, 3}} {
		err := verify(tc.entries)
		var ce *ChainError
		if !errors.As(err, &ce) || ce.Seq != tc.seq || !errors.Is(err, ErrTampered) {
			t.Errorf("%s: err = %v; want a ChainError at %d", name, err, tc.seq)
		}
	}
}
