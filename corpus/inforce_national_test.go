package corpus

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/cailiang/cailiang/corpus/shareddata"
)

// updatesRelations is the machine-readable block of UPDATES.md beside
// national_updates.jsonl.
type updatesRelations struct {
	IsLatestFalse []string          `json:"is_latest_false"`
	SupersededBy  map[string]string `json:"superseded_by"`
	InForceFrom   map[string]string `json:"new_version_in_force_from"`
	Repealed      []string          `json:"repealed_on_2026_08_15_by_lrb-322d0ff3fff0"`
}

func readUpdatesRelations(t *testing.T) updatesRelations {
	t.Helper()
	raw, err := os.ReadFile(shareddata.File(t, filepath.Join("statutes_lawrefbook", "UPDATES.md")))
	if err != nil {
		t.Fatal(err)
	}
	_, block, ok := strings.Cut(string(raw), "```json\n")
	block, _, ok2 := strings.Cut(block, "```")
	if !ok || !ok2 {
		t.Fatal("UPDATES.md has no ```json block")
	}
	var u updatesRelations
	if err := json.Unmarshal([]byte(block), &u); err != nil {
		t.Fatalf("UPDATES.md json block: %v", err)
	}
	if len(u.IsLatestFalse) == 0 || len(u.SupersededBy) == 0 || len(u.InForceFrom) == 0 || len(u.Repealed) == 0 {
		t.Fatalf("UPDATES.md json block incomplete: %+v", u)
	}
	return u
}

// relation is what the Store says about one version's place in time.
type relation struct {
	InForce              bool
	From, To, Superseded string
	RepealedBy           string // "by-id date"
}

func relations(s *Store) map[string]relation {
	out := map[string]relation{}
	for _, info := range s.StatuteInfos() {
		r := relation{InForce: info.InForce, From: info.InForceFrom, To: info.InForceTo, Superseded: info.SupersededBy}
		if info.RepealedBy != nil {
			r.RepealedBy = info.RepealedBy.ByStatuteID + " " + info.RepealedBy.Date
		}
		out[info.ID] = r
	}
	return out
}

// TestNationalUpdatesGiveListedRelations imports national_updates.jsonl
// after national.jsonl and checks that exactly the relations UPDATES.md
// lists change: the six superseded versions, the ten laws the 生态环境法典
// repeals, the seven new versions' commencement days, and nothing else.
func TestNationalUpdatesGiveListedRelations(t *testing.T) {
	want := readUpdatesRelations(t)
	national := loadLawref(t, "national.jsonl")
	updates := loadLawref(t, "national_updates.jsonl")
	s, err := OpenStore(filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, _, err := s.PutStatutes(national); err != nil {
		t.Fatal(err)
	}
	before := relations(s)
	changed, skipped, err := s.PutStatutes(updates)
	if err != nil || skipped != 0 {
		t.Fatalf("put updates: skipped %d, %v", skipped, err)
	}
	after := relations(s)

	const code = "lrb-322d0ff3fff0"
	wantFlip := map[string]bool{}
	for _, id := range want.IsLatestFalse {
		wantFlip[id] = true
	}
	for _, id := range want.Repealed {
		wantFlip[id] = true
	}
	for id, b := range before {
		a := after[id]
		switch {
		case wantFlip[id]:
			if !b.InForce || a.InForce {
				t.Errorf("%s in force %v → %v; want true → false", id, b.InForce, a.InForce)
			}
		case a != b:
			t.Errorf("%s changed although UPDATES.md lists no relation for it: %+v → %+v", id, b, a)
		}
	}
	for old, nu := range want.SupersededBy {
		a := after[old]
		if a.Superseded != nu || a.To != want.InForceFrom[nu] || a.RepealedBy != "" {
			t.Errorf("%s = %+v; want superseded by %s on %s", old, a, nu, want.InForceFrom[nu])
		}
	}
	for id, a := range after {
		if a.To != "" && a.From > a.To {
			t.Errorf("%s ends %s before it starts %s", id, a.To, a.From)
		}
	}
	for _, id := range want.Repealed {
		a := after[id]
		if a.RepealedBy != code+" 2026-08-15" || a.To != "2026-08-15" || a.Superseded != "" {
			t.Errorf("%s = %+v; want repealed by %s on 2026-08-15", id, a, code)
		}
	}
	for id, from := range want.InForceFrom {
		a, ok := after[id]
		if _, existed := before[id]; existed || !ok {
			t.Errorf("%s: existed before %v, stored after %v; want a new version", id, existed, ok)
		}
		if !a.InForce || a.From != from || a.To != "" || a.RepealedBy != "" {
			t.Errorf("new version %s = %+v; want in force from %s", id, a, from)
		}
	}
	if len(after) != len(before)+len(want.InForceFrom) {
		t.Errorf("%d versions after, %d before; want %d new", len(after), len(before), len(want.InForceFrom))
	}
	// The index refreshes the new versions and those whose flag flipped.
	if len(changed) != len(want.InForceFrom)+len(wantFlip) {
		t.Errorf("%d versions to re-index; want %d", len(changed), len(want.InForceFrom)+len(wantFlip))
	}

	// Citations resolved for the day of the act (issue 19's acceptance).
	r := NewResolver(s)
	for _, tt := range []struct {
		cite, date, id, status, contains string
	}{
		{"大气污染防治法第九十九条", "2026-09-15", "lrb-5d784909cff6", StatusRepealed, "十万元以上一百万元以下"},
		{"大气污染防治法第九十九条", "2025-05-20", "lrb-5d784909cff6", StatusInForce, "十万元以上一百万元以下"},
		{"治安管理处罚法第五十一条", "2026-03-10", "lrb-c61151b71b93", StatusInForce, "并处五百元以上一千元以下罚款"},
		{"治安管理处罚法第四十三条", "2025-06-10", "lrb-dcf3ee39da87", StatusInForce, "并处二百元以上五百元以下罚款"},
		{"食品安全法第一百二十四条", "2025-11-30", "lrb-f1a8796acd66", StatusInForce, "五万元以上十万元以下"},
		{"食品安全法第一百二十四条", "2025-12-01", "lrb-905be34997e0", StatusInForce, "五万元以上十万元以下"},
	} {
		got, err := r.Resolve(tt.cite, tt.date)
		if err != nil {
			t.Errorf("%s on %s: %v", tt.cite, tt.date, err)
			continue
		}
		if got.Statute.ID != tt.id || got.Status != tt.status || !strings.Contains(got.Text, tt.contains) {
			t.Errorf("%s on %s = %s %s %q; want %s %s containing %q", tt.cite, tt.date, got.Statute.ID, got.Status, got.Text, tt.id, tt.status, tt.contains)
		}
		if tt.status == StatusRepealed && (got.Successor == nil || got.Successor.StatuteID != code || !strings.Contains(got.Notice, "2026年8月15日被《生态环境法典》废止")) {
			t.Errorf("%s on %s: successor %+v notice %q", tt.cite, tt.date, got.Successor, got.Notice)
		}
	}

	// The same import again changes nothing.
	g, _ := s.Generation()
	if changed, skipped, err := s.PutStatutes(updates); err != nil || len(changed) != 0 || skipped != len(updates) {
		t.Errorf("re-import: %d changed, %d skipped, %v", len(changed), skipped, err)
	}
	if g2, _ := s.Generation(); g2 != g {
		t.Errorf("re-import bumped the generation %d → %d", g, g2)
	}
}

// repealClause reads 《中华人民共和国X》、《…》同时废止 in a commencement article.
var repealClause = regexp.MustCompile(`《中华人民共和国([^》]+)》`)

// TestRepealsTableMatchesTheTexts checks every entry of Repeals against the
// repealing law's own commencement article (date and the list of laws
// repealed, nothing more and nothing less) and, for the 生态环境法典,
// against the ids UPDATES.md lists.
func TestRepealsTableMatchesTheTexts(t *testing.T) {
	all := append(append([]Statute{}, loadLawref(t, "national.jsonl")...), loadLawref(t, "national_updates.jsonl")...)
	latest := map[string]Statute{}
	ids := map[string]Statute{}
	for _, st := range all {
		ids[st.ID] = st
		if cur, ok := latest[st.Law]; !ok || st.VersionDate > cur.VersionDate {
			latest[st.Law] = st
		}
	}
	byLaw := map[string][]Repeal{}
	for _, r := range Repeals() {
		byLaw[r.By] = append(byLaw[r.By], r)
		if _, ok := latest[r.Law]; !ok {
			t.Errorf("repealed law %s is not in the statute files", r.Law)
		}
	}
	for by, rs := range byLaw {
		st, ok := latest[by]
		if !ok {
			t.Errorf("repealing law %s is not in the statute files", by)
			continue
		}
		art := st.Articles[len(st.Articles)-1]
		text := art.Text()
		head, _, ok := strings.Cut(text, "同时废止")
		if !ok {
			t.Errorf("%s %s does not repeal anything: %s", by, art.Label(), text)
			continue
		}
		var named, table []string
		for _, m := range repealClause.FindAllStringSubmatch(head, -1) {
			named = append(named, m[1])
		}
		for _, r := range rs {
			table = append(table, r.Law)
			if r.Date != st.InForceFrom || r.Provision != art.Label() {
				t.Errorf("table says %s repealed on %s by %s; the text: %s from %s", r.Law, r.Date, r.Provision, art.Label(), st.InForceFrom)
			}
		}
		sort.Strings(named)
		sort.Strings(table)
		if !reflect.DeepEqual(named, table) {
			t.Errorf("%s %s repeals %v; the table has %v", by, art.Label(), named, table)
		}
	}
	var listed, table []string
	for _, id := range readUpdatesRelations(t).Repealed {
		listed = append(listed, ids[id].Law)
	}
	for _, r := range byLaw["生态环境法典"] {
		table = append(table, r.Law)
	}
	sort.Strings(listed)
	sort.Strings(table)
	if !reflect.DeepEqual(listed, table) {
		t.Errorf("UPDATES.md lists %v as repealed by the 法典; the table has %v", listed, table)
	}
}
