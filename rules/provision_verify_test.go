package rules

// This test checks every provision-level entry (rules/provisions/*.yaml)
// against the statutes in the shared data folder: each core law's file holds
// the version in force, its entries are exactly those the parser derives from
// that text today (so a wrong parse, a hand edit or an outdated file fails),
// and every amount and multiple of every parsed formula is written in the
// provision's own words. It logs the count per law (docs/analysis.md).

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/corpus/shareddata"
	"github.com/cailiang/cailiang/nlp"
)

// coreStatutes caches the core laws' versions the provision files are
// read from, read once per test binary: the in-force one of national.jsonl
// and the newer ones of national_updates.jsonl, keyed by versionKey.
var coreStatutes struct {
	once sync.Once
	laws map[string]corpus.Statute
	err  error
}

// versionKey names one version of a law.
func versionKey(law, version string) string { return law + "@" + version }

func loadCoreStatutes(t *testing.T) map[string]corpus.Statute {
	t.Helper()
	path := shareddata.File(t, "statutes_lawrefbook/national.jsonl")
	updates := shareddata.File(t, "statutes_lawrefbook/national_updates.jsonl")
	c := &coreStatutes
	c.once.Do(func() {
		want := map[string]bool{}
		for _, l := range coreLaws {
			want[l.Law] = true
		}
		c.laws = map[string]corpus.Statute{}
		base := map[string]string{}
		for _, p := range []string{path, updates} {
			f, err := os.Open(p)
			if err != nil {
				c.err = err
				return
			}
			c.err = corpus.ReadLawrefJSONL(f, func(st corpus.Statute) error {
				if !want[st.Law] || st.Region != "" {
					return nil
				}
				if p == path && st.InForce && base[st.Law] == "" {
					base[st.Law] = st.VersionDate
					c.laws[versionKey(st.Law, st.VersionDate)] = st
				}
				if p == updates && st.VersionDate > base[st.Law] {
					c.laws[versionKey(st.Law, st.VersionDate)] = st
				}
				return nil
			})
			f.Close()
			if c.err != nil {
				return
			}
		}
	})
	if c.err != nil {
		t.Fatalf("read statutes: %v", c.err)
	}
	return c.laws
}

func TestProvisionsMatchStatutes(t *testing.T) {
	laws := loadCoreStatutes(t)
	cat, ps := loadBuiltinBoth(t)
	// One file per version: the in-force one of national.jsonl and each
	// newer one of national_updates.jsonl.
	byVersion := map[string]ProvisionFile{}
	for _, f := range ps.Files {
		byVersion[versionKey(f.Law, f.Version)] = f
	}
	if len(ps.Files) != len(laws) {
		t.Errorf("%d provision files, %d versions of the core laws", len(ps.Files), len(laws))
	}
	for _, law := range coreLaws {
		n := 0
		for _, st := range laws {
			if st.Law == law.Law {
				n++
			}
		}
		if n == 0 {
			t.Errorf("%s: in neither national.jsonl nor national_updates.jsonl", law.Law)
		}
	}
	keys := make([]string, 0, len(laws))
	for k := range laws {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	total, unparsed := 0, 0
	var table strings.Builder
	for _, key := range keys {
		st := laws[key]
		law := CoreLaw{Law: st.Law}
		f, ok := byVersion[key]
		if !ok {
			t.Errorf("%s (%s): no provision file (run make provisions)", st.Law, st.VersionDate)
			continue
		}
		if from := st.InForceFrom; from > st.VersionDate && f.InForceFrom != from || from <= st.VersionDate && f.InForceFrom != "" {
			t.Errorf("%s (%s): in_force_from %q, the statute says %q (run make provisions)", st.Law, st.VersionDate, f.InForceFrom, from)
		}
		// The entries the parser derives from the version's text.
		var want []Provision
		texts := map[string]string{}
		for _, a := range st.Articles {
			if a.Point {
				continue
			}
			paras := make([]StatuteParagraph, len(a.Paragraphs))
			for i, p := range a.Paragraphs {
				paras[i] = StatuteParagraph{Text: p.Text, Items: p.Items}
			}
			for _, p := range ProvisionsOf(a.Number, a.Suffix, paras) {
				p.Benchmarks = CoveringBenchmarks(cat, law.Law, st.VersionDate, p)
				want = append(want, p)
			}
			texts[fmt.Sprint(a.Number, "-", a.Suffix)] = nlp.CleanStatute(a.Text())
		}
		got := f.Provisions
		if len(got) != len(want) {
			t.Errorf("%s: %d entries in the file, %d derived from the statute (run go run ./cmd/provgen)", law.Law, len(got), len(want))
		}
		covered, fixed, fromBase, perUnit, none := 0, 0, 0, 0, 0
		for i := range min(len(got), len(want)) {
			g, w := got[i], want[i]
			g.law, g.version, g.inForceFrom, g.inForceTo, g.tag = "", "", "", "", ""
			if !reflect.DeepEqual(g, w) {
				t.Errorf("%s %s: file entry differs from the statute's parse:\n got %+v\nwant %+v", law.Law, refPoint(got[i].Ref()), g, w)
				continue
			}
			text := texts[fmt.Sprint(g.Article, "-", g.Suffix)]
			for _, tier := range g.Fine {
				if msg := tierInText(tier, text); msg != "" {
					t.Errorf("%s %s: %s", law.Law, refPoint(got[i].Ref()), msg)
				}
			}
			switch {
			case g.Unparsed != "":
				none++
			case len(g.Benchmarks) > 0:
				covered++
			}
			for _, tier := range g.Fine {
				switch {
				case tier.Multiple != nil:
					fromBase++
				case tier.PerUnit != nil:
					perUnit++
				case tier.Range != nil:
					fixed++
				}
			}
		}
		total += len(got)
		unparsed += none
		fmt.Fprintf(&table, "| %s | %s | %d | %d | %d | %d / %d / %d |\n", law.Law, f.Version, len(got), covered, none, fixed, fromBase, perUnit)
	}
	t.Logf("provision entries per law (law | version | entries | with benchmark | unparsed | tiers range / multiple / per unit):\n%s| total | | %d | | %d | |", table.String(), total, unparsed)
	// Unparsed entries are statutes that name no amount (建筑法, 土地管理法,
	// 城市市容和环境卫生管理条例 leave it to regulations) and a few wordings;
	// the list must stay short.
	if unparsed > total/20 {
		t.Errorf("%d of %d entries unparsed: keep the list short", unparsed, total)
	}
}

// tierInText says what of the tier's numbers the text does not write, or "".
func tierInText(t FineTier, text string) string {
	var missing []string
	yuanIn := func(v float64) {
		if v == 0 {
			return
		}
		n := int64(math.Round(v))
		forms := []string{nlp.FormatChineseInt(n) + "元", strconv.FormatInt(n, 10) + "元"}
		if n%10000 == 0 {
			forms = append(forms, strconv.FormatInt(n/10000, 10)+"万元")
		}
		for _, f := range forms {
			if strings.Contains(text, f) {
				return
			}
		}
		missing = append(missing, forms[0])
	}
	timesIn := func(v float64) {
		if v == 0 {
			return
		}
		var forms []string
		if v >= 1 && v == math.Trunc(v) {
			forms = []string{nlp.FormatChineseInt(int64(v)) + "倍", strconv.FormatInt(int64(v), 10) + "倍", "等额", "等值"}
		}
		p := int64(math.Round(v * 100))
		forms = append(forms, "百分之"+nlp.FormatChineseInt(p), strconv.FormatInt(p, 10)+"%")
		for _, f := range forms {
			if strings.Contains(text, f) {
				return
			}
		}
		missing = append(missing, forms[0])
	}
	for _, s := range []*Span{t.Range, t.PerUnit} {
		if s != nil {
			yuanIn(s.Min)
			yuanIn(s.Max)
		}
	}
	if t.Multiple != nil {
		timesIn(t.Multiple.Min)
		timesIn(t.Multiple.Max)
	}
	for _, b := range []*float64{t.LT, t.GTE} {
		if b != nil {
			yuanIn(*b)
		}
	}
	if t.When != "" && !strings.Contains(text, t.When) {
		// Conditions are the statute's words, joined by commas.
		for _, part := range strings.Split(t.When, "，") {
			if !strings.Contains(text, part) {
				missing = append(missing, "when "+part)
			}
		}
	}
	if len(missing) == 0 {
		return ""
	}
	return fmt.Sprintf("tier %s: %s not in the provision's text", t.Describe(), strings.Join(missing, ", "))
}

// TestProvisionsResolve checks that every entry's citation resolves against
// the imported statutes, as an answer that cites it must (/v1/analyze).
func TestProvisionsResolve(t *testing.T) {
	laws := loadCoreStatutes(t)
	ps, err := LoadBuiltinProvisions(nil)
	if err != nil {
		t.Fatal(err)
	}
	// A citation without a date resolves to the last version: the others
	// are asked for on a day they applied.
	store, err := corpus.OpenStore(filepath.Join(t.TempDir(), "statutes.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	var sts []corpus.Statute
	for _, st := range laws {
		sts = append(sts, st)
	}
	if _, _, err := store.PutStatutes(sts); err != nil {
		t.Fatal(err)
	}
	res := corpus.NewResolver(store)
	for _, p := range ps.All() {
		r := p.Ref()
		got, err := res.ResolveParsed(corpus.ParsedCitation{LawName: r.Law, Ref: r}, p.InForceFrom())
		if err != nil {
			t.Errorf("%s%s: %v", r.Law, refPoint(r), err)
			continue
		}
		if got.Statute.Law != r.Law || got.Statute.VersionDate != p.Version() {
			t.Errorf("%s%s resolved to %s (%s)", r.Law, refPoint(r), got.Statute.Law, got.Statute.VersionDate)
		}
	}
}
