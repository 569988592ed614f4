package rules

import (
	"fmt"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// catalogCounts counts the built-in benchmarks per sector and per law and
// version (the law_version a benchmark names, else the text in force when
// the catalog was written), with how many of each still apply today
// (no effective_to).
type catalogCounts struct {
	total, current int
	sectors        map[string]int
	versions       map[string][2]int // law@version → all, current
}

func countCatalog(c *Catalog) catalogCounts {
	out := catalogCounts{sectors: map[string]int{}, versions: map[string][2]int{}}
	for _, b := range c.All() {
		out.total++
		out.sectors[string(b.Sector)]++
		v := b.LawVersion
		if v == "" {
			v = "written " + c.Config.WrittenOn
		}
		k := b.PenaltyRef.Law + "@" + v
		n := out.versions[k]
		n[0]++
		if b.EffectiveTo == "" {
			out.current++
			n[1]++
		}
		out.versions[k] = n
	}
	return out
}

// TestCatalogCountsInDocs keeps the counts docs/benchmarks.md and
// docs/analysis.md state about the catalog true: they said 155 long after
// the 2025 revisions and the 生态环境法典 added a hundred successors. With
// -v it prints the counts per sector and per law and version, the table
// the docs are written from.
func TestCatalogCountsInDocs(t *testing.T) {
	c, err := LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	n := countCatalog(c)
	sectors := make([]string, 0, len(n.sectors))
	for s := range n.sectors {
		sectors = append(sectors, s)
	}
	sort.Slice(sectors, func(i, j int) bool {
		return n.sectors[sectors[i]] > n.sectors[sectors[j]] || n.sectors[sectors[i]] == n.sectors[sectors[j]] && sectors[i] < sectors[j]
	})
	var b strings.Builder
	fmt.Fprintf(&b, "%d benchmarks, %d applying today\n", n.total, n.current)
	for _, s := range sectors {
		fmt.Fprintf(&b, "  %s %d\n", s, n.sectors[s])
	}
	keys := make([]string, 0, len(n.versions))
	for k := range n.versions {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(&b, "  %s: %d (%d applying today)\n", k, n.versions[k][0], n.versions[k][1])
	}
	t.Log("\n" + b.String())

	// Every total the docs state about the built-in catalog ("N 个基准：" opening
	// the inventory, "catalog has N benchmarks", "the N benchmarks") is the
	// real one; counts of a part of it ("共 68 个基准" of a table) are not
	// matched.
	stated := regexp.MustCompile(`(?m)^(\d+) 个基准：|catalog has (\d+) benchmarks|catalog's (\d+) benchmarks|over the (\d+) benchmarks`)
	checked := 0
	for _, doc := range []string{"../docs/benchmarks.md", "../docs/analysis.md"} {
		raw, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range stated.FindAllStringSubmatch(string(raw), -1) {
			for _, g := range m[1:] {
				if g == "" {
					continue
				}
				checked++
				if v, _ := strconv.Atoi(g); v != n.total {
					t.Errorf("%s says %q about the catalog, which has %d benchmarks", doc, m[0], n.total)
				}
			}
		}
	}
	if checked == 0 {
		t.Error("the docs state no count of the catalog: the pattern no longer matches them")
	}
}
