package storetest

import (
	"encoding/json"
	"errors"
	"slices"
	"sync"
	"testing"

	"github.com/cailiang/cailiang/casework"
)

// testDigestTx: one digest per agency and day (the second is ErrExists and
// leaves the first), the city's ("" agency) apart from the agencies', the
// latest before a day, malformed days refused.
func testDigestTx(t *testing.T, s casework.Store) {
	ctx := t.Context()
	doc := func(n int) json.RawMessage { b, _ := json.Marshal(map[string]int{"n": n}); return b }
	err := s.Update(ctx, func(tx casework.Tx) error {
		for _, d := range []casework.Digest{
			{Agency: "scjg", Day: "2026-03-01", Summary: "一", Doc: doc(1)},
			{Agency: "scjg", Day: "2026-03-03", Summary: "三", Doc: doc(3)},
			{Agency: "scjg", Day: "2026-03-02", Summary: "二", Doc: doc(2)},
			{Agency: "", Day: "2026-03-02", Summary: "全市", Doc: doc(9)},
			{Agency: "scjg2", Day: "2026-03-05", Summary: "他", Doc: doc(5)},
		} {
			if err := tx.CreateDigest(d); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	err = s.Update(ctx, func(tx casework.Tx) error {
		return tx.CreateDigest(casework.Digest{Agency: "scjg", Day: "2026-03-02", Summary: "重复", Doc: doc(7)})
	})
	if !errors.Is(err, casework.ErrExists) {
		t.Errorf("second digest of a day: %v, want ErrExists", err)
	}
	for _, day := range []string{"2026-3-1", "", "2026-02-30", "昨天"} {
		err := s.Update(ctx, func(tx casework.Tx) error {
			return tx.CreateDigest(casework.Digest{Agency: "scjg", Day: day, Doc: doc(0)})
		})
		if !errors.Is(err, casework.ErrInvalid) {
			t.Errorf("digest of day %q: %v, want ErrInvalid", day, err)
		}
	}
	err = s.View(ctx, func(tx casework.ReadTx) error {
		d, err := tx.Digest("scjg", "2026-03-02")
		if err != nil || d.Summary != "二" || string(d.Doc) != `{"n":2}` {
			t.Errorf("Digest(scjg, 03-02) = %+v, %v", d, err)
		}
		if _, err := tx.Digest("scjg", "2026-03-04"); !errors.Is(err, casework.ErrNotFound) {
			t.Errorf("a day without a digest: %v, want ErrNotFound", err)
		}
		if d, err := tx.Digest("", "2026-03-02"); err != nil || d.Summary != "全市" {
			t.Errorf("the city's digest: %+v, %v", d, err)
		}
		days := func(agency, before string, limit int) []string {
			list, err := tx.Digests(agency, before, limit)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, d := range list {
				out = append(out, d.Day)
			}
			return out
		}
		for _, c := range []struct {
			agency, before string
			limit          int
			want           []string
		}{
			{"scjg", "", 0, []string{"2026-03-03", "2026-03-02", "2026-03-01"}},
			{"scjg", "2026-03-03", 1, []string{"2026-03-02"}},
			{"scjg", "2026-03-01", 0, nil},
			{"scjg", "2026-04-01", 2, []string{"2026-03-03", "2026-03-02"}},
			{"", "", 0, []string{"2026-03-02"}},
			{"scjg2", "2026-03-05", 0, nil},
			{"nowhere", "", 0, nil},
		} {
			if got := days(c.agency, c.before, c.limit); !slices.Equal(got, c.want) {
				t.Errorf("Digests(%q, %q, %d) = %v, want %v", c.agency, c.before, c.limit, got, c.want)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// testServiceDigest: KeepDigest keeps one digest per agency and day even
// when called at once (as by two nodes), notifies the agency's leaders
// once, logs it, and refuses other actors and unknown agencies.
func testServiceDigest(t *testing.T, w *world) {
	system := casework.User{ID: casework.SystemActor, Name: "系统", Roles: []casework.Role{casework.RoleAdmin}}
	d := casework.Digest{Agency: "scjg", Day: "2026-03-02", Summary: "新预警 2 条", Doc: json.RawMessage(`{"new":2}`)}
	const n = 6
	kept := make([]bool, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { kept[i], errs[i] = w.svc.KeepDigest(w.ctx, system, d) })
	}
	wg.Wait()
	k := 0
	for i := range n {
		if errs[i] != nil && !errors.Is(errs[i], casework.ErrConflict) {
			t.Errorf("KeepDigest %d: %v", i, errs[i])
		}
		if kept[i] {
			k++
		}
	}
	if k != 1 {
		t.Errorf("%d of %d concurrent KeepDigest kept the digest, want exactly 1", k, n)
	}
	list, _, err := w.svc.Notifications(w.ctx, w.leader)
	if err != nil {
		t.Fatal(err)
	}
	got := 0
	for _, no := range list {
		if no.Kind == "digest" {
			got++
			if no.Excerpt != d.Summary {
				t.Errorf("digest notification %+v", no)
			}
		}
	}
	if got != 1 {
		t.Errorf("leader has %d digest notifications, want 1", got)
	}
	if list, _, _ := w.svc.Notifications(w.ctx, w.officer); slices.ContainsFunc(list, func(no casework.Notification) bool { return no.Kind == "digest" }) {
		t.Error("an officer was notified of the agency's digest")
	}
	n2 := 0
	for _, e := range entries(t, w.store) {
		if e.Action == "digest.create" {
			n2++
		}
	}
	if n2 != 1 {
		t.Errorf("%d digest.create entries, want 1", n2)
	}
	if got, err := w.svc.KeptDigest(w.ctx, "scjg", "2026-03-02"); err != nil || string(got.Doc) != `{"new":2}` {
		t.Errorf("KeptDigest: %+v, %v", got, err)
	}
	for _, c := range []struct {
		actor casework.User
		d     casework.Digest
		want  error
	}{
		{w.leader, casework.Digest{Agency: "scjg", Day: "2026-03-04", Doc: json.RawMessage(`{}`)}, casework.ErrForbidden},
		{system, casework.Digest{Agency: "nowhere", Day: "2026-03-04", Doc: json.RawMessage(`{}`)}, casework.ErrInvalid},
		{system, casework.Digest{Agency: "scjg", Day: "2026-3-4", Doc: json.RawMessage(`{}`)}, casework.ErrInvalid},
		{system, casework.Digest{Agency: "scjg", Day: "2026-03-04", Doc: json.RawMessage(`{`)}, casework.ErrInvalid},
	} {
		if _, err := w.svc.KeepDigest(w.ctx, c.actor, c.d); !errors.Is(err, c.want) {
			t.Errorf("KeepDigest(%s, %+v): %v, want %v", c.actor.ID, c.d, err, c.want)
		}
	}
}
