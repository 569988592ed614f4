package rules

import (
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/corpus/shareddata"
	"github.com/cailiang/cailiang/legal"
)

// Freshness as a check: every benchmark, transfer threshold and pushed
// norm cites a statute version in force over the period it is used for,
// read from the statute corpus with its newer versions
// (national_updates.jsonl) and the repeals the corpus knows.

// freshStore holds the national versions of the laws the catalogs cite.
var freshStore struct {
	once sync.Once
	sts  []corpus.Statute
	err  error
}

// citedLaws lists every law a benchmark, a crime or the engine's own
// provisions cite, the core laws (rules/provisions) and the laws that
// repealed them.
func citedLaws(cat *Catalog, crimes *Crimes) map[string]bool {
	laws := crimeLaws()
	for _, l := range coreLaws {
		laws[l.Law] = true
	}
	for _, b := range cat.All() {
		laws[b.PenaltyRef.Law] = true
		for _, v := range b.Violated {
			laws[v.Law] = true
		}
		if b.LimitationBasis != nil {
			laws[b.LimitationBasis.Law] = true
		}
		if b.EndedBy != nil {
			laws[b.EndedBy.Law] = true
		}
	}
	for _, cr := range crimes.All() {
		for _, x := range cr.Basis() {
			laws[x.Law] = true
		}
	}
	for _, r := range corpus.Repeals() {
		laws[r.By] = true
	}
	for _, t := range cat.Config.Transitional {
		laws[t.Law] = true
	}
	return laws
}

// freshness opens a store with every national version of laws, from
// national.jsonl then national_updates.jsonl, as an agency imports them.
func freshness(t *testing.T, laws map[string]bool) *corpus.Store {
	t.Helper()
	files := []string{shareddata.File(t, "statutes_lawrefbook/national.jsonl"), shareddata.File(t, "statutes_lawrefbook/national_updates.jsonl")}
	p := &freshStore
	p.once.Do(func() {
		for _, name := range files {
			f, err := os.Open(name)
			if err != nil {
				p.err = err
				return
			}
			err = corpus.ReadLawrefJSONL(f, func(st corpus.Statute) error {
				if st.Region == "" && laws[st.Law] {
					p.sts = append(p.sts, st)
				}
				return nil
			})
			f.Close()
			if err != nil {
				p.err = err
				return
			}
		}
	})
	if p.err != nil {
		t.Fatalf("read statutes: %v", p.err)
	}
	store, err := corpus.OpenStore(filepath.Join(t.TempDir(), "fresh.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	// Two imports, in the order an agency runs them: the repeals and
	// supersessions are computed across both.
	var old, updates []corpus.Statute
	for _, st := range p.sts {
		if st.VersionDate >= "2025-06-01" || st.Law == "生态环境法典" {
			updates = append(updates, st)
		} else {
			old = append(old, st)
		}
	}
	for _, batch := range [][]corpus.Statute{old, updates} {
		if _, _, err := store.PutStatutes(batch); err != nil {
			t.Fatal(err)
		}
	}
	return store
}

// freshCatalogs loads the built-in catalogs and a store of the laws they cite.
func freshCatalogs(t *testing.T) (*Catalog, *Crimes, *corpus.Store) {
	t.Helper()
	cat, err := LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	crimes, err := LoadCrimes()
	if err != nil {
		t.Fatal(err)
	}
	return cat, crimes, freshness(t, citedLaws(cat, crimes))
}

// versionsOf returns the stored national versions of law, oldest first.
func versionsOf(store *corpus.Store, law string) []corpus.StatuteInfo {
	var out []corpus.StatuteInfo
	for _, info := range store.StatuteInfos() {
		if info.Region == "" && info.Law == law {
			out = append(out, info)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].VersionDate < out[j].VersionDate })
	return out
}

func fromOf(v corpus.StatuteInfo) string {
	if v.InForceFrom != "" {
		return v.InForceFrom
	}
	return v.VersionDate
}

// versionOn returns the version of law in force on date, or false.
func versionOn(vs []corpus.StatuteInfo, date string) (corpus.StatuteInfo, bool) {
	var found corpus.StatuteInfo
	ok := false
	for _, v := range vs {
		if fromOf(v) <= date && (v.InForceTo == "" || date < v.InForceTo) {
			found, ok = v, true
		}
	}
	return found, ok
}

// writtenVersion is the version a benchmark was written for.
func writtenVersion(cat *Catalog, b *Benchmark, vs []corpus.StatuteInfo) (corpus.StatuteInfo, bool) {
	w := cat.WrittenFor(b)
	if w.VersionDate == "" {
		return versionOn(vs, w.InForceOn)
	}
	for _, v := range vs {
		if v.VersionDate == w.VersionDate {
			return v, true
		}
	}
	return corpus.StatuteInfo{}, false
}

// carriedOn follows v's successors while b lists them as unchanged
// (unchanged_in) and returns the last.
func carriedOn(b *Benchmark, v corpus.StatuteInfo, vs []corpus.StatuteInfo) corpus.StatuteInfo {
	for n := 0; v.InForceTo != "" && n < len(vs); n++ {
		i := slices.IndexFunc(vs, func(x corpus.StatuteInfo) bool { return x.ID == v.SupersededBy })
		if i < 0 || !slices.Contains(b.UnchangedIn, vs[i].VersionDate) {
			break
		}
		v = vs[i]
	}
	return v
}

// TestCatalogCitesVersionsInForce fails when a benchmark cites a statute
// version that is not in force over the benchmark's interval: the version
// it was written for must have taken effect by effective_from, and a
// version that was superseded or repealed must bound the benchmark's
// effective_to. It lists the benchmarks whose law ended with no successor
// benchmark written (needs successor): they are flagged, not failed.
func TestCatalogCitesVersionsInForce(t *testing.T) {
	cat, _, store := freshCatalogs(t)
	resolver := corpus.NewResolver(store)
	needs := map[string][]string{}
	listed := map[string]bool{}
	for _, b := range cat.All() {
		where := b.file + ": " + b.ID
		refs := append([]legal.Ref{b.PenaltyRef}, b.Violated...)
		for _, r := range refs {
			vs := versionsOf(store, r.Law)
			if len(vs) == 0 {
				t.Errorf("%s: %s is not in the statute corpus", where, r.Law)
				continue
			}
			v, ok := writtenVersion(cat, b, vs)
			if !ok {
				t.Errorf("%s: no version of %s matches %+v", where, r.Law, cat.WrittenFor(b))
				continue
			}
			// The benchmark starts with its penalty provision; a law it
			// cites for the duty may be younger in the corpus (劳动法 is
			// there only as amended in 2018), so that is read on its own
			// version's first day.
			on := max(b.EffectiveFrom, fromOf(v))
			if r == b.PenaltyRef && fromOf(v) > b.EffectiveFrom {
				t.Errorf("%s: effective_from %s precedes %s (%s), in force from %s", where, b.EffectiveFrom, r.Law, v.VersionDate, fromOf(v))
			}
			if _, err := resolver.ResolveParsed(corpus.ParsedCitation{LawName: r.Law, Ref: r}, on); err != nil {
				t.Errorf("%s: %s on %s: %v", where, RefLabel(r), on, err)
			}
			// The benchmark carries on into the later versions it lists as
			// unchanged (TestUnchangedInSameText compares their texts).
			v = carriedOn(b, v, vs)
			if v.InForceTo == "" {
				continue
			}
			why := "superseded by " + v.SupersededBy
			if v.RepealedBy != nil {
				why = "repealed by " + v.RepealedBy.By + " " + v.RepealedBy.Provision
			}
			if b.EffectiveTo == "" || b.EffectiveTo > v.InForceTo {
				t.Errorf("%s cites %s (%s), not in force from %s (%s): set effective_to: %s, ended_by and superseded_by (or leave it flagged as needing a successor)",
					where, RefLabel(r), v.VersionDate, v.InForceTo, why, v.InForceTo)
				continue
			}
			// A repeal names the repealing article; a revision may leave
			// its commencement to the amending decision, which the corpus
			// does not hold.
			if v.RepealedBy != nil && b.EndedBy == nil {
				t.Errorf("%s: effective_to %s without ended_by (%s)", where, b.EffectiveTo, why)
			} else if v.RepealedBy != nil && b.EndedBy.Law != v.RepealedBy.By {
				t.Errorf("%s: ended_by %s, but %s was repealed by %s", where, RefLabel(*b.EndedBy), r.Law, v.RepealedBy.By)
			}
			if b.NeedsSuccessor() && r == b.PenaltyRef && !listed[b.ID] {
				listed[b.ID] = true
				needs[r.Law+" "+b.EffectiveTo] = append(needs[r.Law+" "+b.EffectiveTo], b.ID)
			}
		}
		if b.EndedBy != nil {
			if _, err := resolver.ResolveParsed(corpus.ParsedCitation{LawName: b.EndedBy.Law, Ref: *b.EndedBy}, b.EffectiveTo); err != nil {
				t.Errorf("%s: ended_by %s on %s: %v", where, RefLabel(*b.EndedBy), b.EffectiveTo, err)
			}
		}
	}
	keys := make([]string, 0, len(needs))
	for k := range needs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Logf("needs successor (%s): %s", k, strings.Join(needs[k], ", "))
	}
	for law, r := range cat.Config.Transitional {
		res, err := resolver.ResolveParsed(corpus.ParsedCitation{LawName: r.Law, Ref: r}, "")
		if err != nil || !strings.Contains(res.Text, "适用违法行为发生时") {
			t.Errorf("transitional %s: %s is not a 从旧兼从轻 provision (%v)", law, RefLabel(r), err)
		}
	}
}

// TestTransferAndPushedNormsInForce fails when a transfer threshold's
// basis, or a provision the engine pushes with every suggestion
// (procedure, discretion), cites a law that is not in force today.
func TestTransferAndPushedNormsInForce(t *testing.T) {
	cat, crimes, store := freshCatalogs(t)
	resolver := corpus.NewResolver(store)
	today := legal.Today()
	check := func(where string, r legal.Ref) {
		res, err := resolver.ResolveParsed(corpus.ParsedCitation{LawName: r.Law, Ref: r}, today)
		switch {
		case err != nil:
			t.Errorf("%s: %s on %s: %v", where, RefLabel(r), today, err)
		case res.Status != "in_force":
			t.Errorf("%s: %s is %s on %s: %s", where, RefLabel(r), res.Status, today, res.Notice)
		}
	}
	for _, cr := range crimes.All() {
		for _, x := range cr.Basis() {
			check("crime "+cr.Name, x.Ref)
		}
	}
	// Pushed norms: the engine's own provisions, for every benchmark in
	// effect today (a benchmark whose law ended is checked above).
	for _, b := range cat.All() {
		if b.EffectiveTo != "" && b.EffectiveTo <= today {
			continue
		}
		s, err := cat.Suggest(b.ID, Facts{PartyKind: "个人"})
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range s.Basis {
			if x.Role == RoleProcedure || x.Role == RoleDiscretion {
				check("benchmark "+b.ID, x.Ref)
			}
		}
	}
}
