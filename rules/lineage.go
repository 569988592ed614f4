package rules

import (
	"fmt"
	"regexp"
	"slices"
)

// A benchmark's line is the chain of benchmarks for the same conduct under
// successive versions of the law, linked by superseded_by: the benchmark in
// effect for an act is the one of the line whose interval covers the act
// date. The engine uses the line for 从旧兼从轻 (行政处罚法 第三十七条); the
// freshness test uses WrittenFor to check every cited version is in force
// over the benchmark's interval.

// StatuteVersion names the version of its laws a benchmark was written
// for: the one adopted on VersionDate (law_version) or, when the benchmark
// does not say, the one in force on InForceOn, the day the catalog was
// written (config.yaml written_on).
type StatuteVersion struct {
	VersionDate string `json:"version_date,omitempty"`
	InForceOn   string `json:"in_force_on,omitempty"`
}

// WrittenFor returns the statute version b was written for. It cannot fail.
func (c *Catalog) WrittenFor(b *Benchmark) StatuteVersion {
	if b.LawVersion != "" {
		return StatuteVersion{VersionDate: b.LawVersion}
	}
	return StatuteVersion{InForceOn: c.Config.WrittenOn}
}

// writtenForVersion reports whether b was written for, or carries on
// unchanged into, the version of its law adopted on version (YYYY-MM-DD):
// its law_version, a version it lists in unchanged_in, or, when it names
// none, a version adopted by the day the catalog was written.
func (c *Catalog) writtenForVersion(b *Benchmark, version string) bool {
	switch {
	case b.LawVersion == version || slices.Contains(b.UnchangedIn, version):
		return true
	case b.LawVersion != "":
		return false
	}
	return version <= c.Config.WrittenOn
}

// NeedsSuccessor reports whether b stops applying on a day (effective_to)
// with no benchmark written for the law that followed: acts from that day
// on are not covered and a decision on them needs review.
func (b *Benchmark) NeedsSuccessor() bool {
	return b.EffectiveTo != "" && b.SupersededBy == "" && !b.NoLongerUnlawful
}

// covers reports whether b applies to an act on date (YYYY-MM-DD).
func (b *Benchmark) covers(date string) bool {
	return b.EffectiveFrom <= date && (b.EffectiveTo == "" || date < b.EffectiveTo)
}

// linkSuccessors checks every superseded_by link (a known benchmark that
// takes over on the day this one ends, one predecessor each, no cycle) and
// records the predecessors.
func (c *Catalog) linkSuccessors() error {
	c.predecessor = map[string]*Benchmark{}
	for _, b := range c.ordered {
		if b.SupersededBy == "" {
			continue
		}
		next, ok := c.benchmarks[b.SupersededBy]
		switch {
		case !ok:
			return fmt.Errorf("%s:%d: %s superseded_by unknown benchmark %q", b.file, b.line, b.ID, b.SupersededBy)
		case next == b:
			return fmt.Errorf("%s:%d: %s cannot supersede itself", b.file, b.line, b.ID)
		case next.EffectiveFrom != b.EffectiveTo:
			return fmt.Errorf("%s:%d: %s ends on %s but its successor %s starts on %s: the line must have no gap or overlap", b.file, b.line, b.ID, b.EffectiveTo, next.ID, next.EffectiveFrom)
		}
		if prev, dup := c.predecessor[next.ID]; dup {
			return fmt.Errorf("%s:%d: %s and %s are both superseded by %s", b.file, b.line, prev.ID, b.ID, next.ID)
		}
		c.predecessor[next.ID] = b
	}
	// Successors start when their predecessors end, so dates grow along
	// the chain and it cannot loop; the check above guarantees it.
	c.buildLines()
	return nil
}

// buildLines records every benchmark's line (walkLine) once, shared by
// the members of a line, and its penalty provision's label
// (PenaltyLabel). The catalog is not changed after it is built.
func (c *Catalog) buildLines() {
	c.lines = make(map[*Benchmark][]*Benchmark, len(c.ordered))
	c.labels = make(map[*Benchmark]string, len(c.ordered))
	c.serious = map[*Benchmark]*Benchmark{}
	for _, b := range c.ordered {
		if t, ok := c.benchmarks[b.ID+"-serious"]; ok && t.PenaltyRef == b.PenaltyRef && fineBase(b) != "" && fineBase(t) == fineBase(b) {
			c.serious[b] = t
		}
	}
	for _, b := range c.ordered {
		c.labels[b] = RefLabel(b.PenaltyRef)
		if _, ok := c.lines[b]; ok {
			continue
		}
		line := slices.Clip(c.walkLine(b))
		for _, x := range line {
			c.lines[x] = line
		}
	}
}

// Line returns the benchmarks of b's line, oldest first (b alone when it
// has neither predecessor nor successor). It cannot fail. The slice is
// shared: callers must not modify it.
func (c *Catalog) Line(b *Benchmark) []*Benchmark {
	// The catalog's own benchmarks have their line built at load (an
	// analysis asks for lines some fifty times); a copy of one (lineFlags)
	// is walked as before.
	if line, ok := c.lines[b]; ok {
		return line
	}
	return c.walkLine(b)
}

// PenaltyLabel is RefLabel(b.PenaltyRef), formatted once at load for the
// catalog's own benchmarks (an analysis labels every neighbour it
// excludes).
func (c *Catalog) PenaltyLabel(b *Benchmark) string {
	if l, ok := c.labels[b]; ok {
		return l
	}
	return RefLabel(b.PenaltyRef)
}

// walkLine follows the predecessor and superseded_by links from b.
func (c *Catalog) walkLine(b *Benchmark) []*Benchmark {
	first := b
	for n := 0; n <= len(c.ordered); n++ {
		p, ok := c.predecessor[first.ID]
		if !ok {
			break
		}
		first = p
	}
	var out []*Benchmark
	for x := first; x != nil && len(out) <= len(c.ordered); {
		out = append(out, x)
		x = c.benchmarks[x.SupersededBy]
	}
	return out
}

// InEffect returns the benchmark of b's line that applies to an act on
// date, or nil when none does: the date precedes the line or follows its
// end (a law repealed or changed with no successor written, or one that no
// longer makes the conduct unlawful). It cannot fail.
func (c *Catalog) InEffect(b *Benchmark, date string) *Benchmark {
	for _, x := range c.Line(b) {
		if x.covers(date) {
			return x
		}
	}
	return nil
}

// inheritConduct gives every successor the conduct its predecessor
// describes, for each of these it does not state itself: keywords,
// requires, excludes, factors, evidence, yields_to (with its yield_if and
// yield_unless) and transfer.
// The conduct is the same under the new law (superseded_by says so); only
// the provisions, penalties and amounts are rewritten from the new text, so
// they are never inherited. Flags merge, the successor's own winning;
// factors are copied, since each benchmark compiles its own conditions.
func (c *Catalog) inheritConduct() {
	// Oldest first, so a chain of three passes the conduct along.
	for _, b := range c.ordered {
		for x, n := b, 0; x.SupersededBy != "" && n <= len(c.ordered); n++ {
			next, ok := c.benchmarks[x.SupersededBy]
			if !ok {
				break // linkSuccessors reports it
			}
			inherit(next, x)
			x = next
		}
	}
}

func inherit(b, from *Benchmark) {
	if b.Keywords == nil {
		b.Keywords = slices.Clone(from.Keywords)
	}
	if b.Requires == nil {
		b.Requires = slices.Clone(from.Requires)
	}
	if b.Excludes == nil {
		b.Excludes = slices.Clone(from.Excludes)
	}
	if b.Factors == nil {
		for _, f := range from.Factors {
			if f.When != nil {
				w := *f.When
				f.When = &w
			}
			b.Factors = append(b.Factors, f)
		}
	}
	// Flags merge: the successor's own penalties may need a flag its
	// predecessor had no use for, and the inherited factors need theirs.
	// A flag only the predecessor's penalties used stays behind.
	for k, v := range from.Flags {
		if _, own := b.Flags[k]; !own && factorsUse(b.Factors, k) {
			if b.Flags == nil {
				b.Flags = map[string]string{}
			}
			b.Flags[k] = v
		}
	}
	if b.Evidence == nil {
		b.Evidence = slices.Clone(from.Evidence)
	}
	if b.YieldsTo == nil {
		b.YieldsTo = slices.Clone(from.YieldsTo)
		b.YieldIf = slices.Clone(from.YieldIf)
		b.YieldUnless = slices.Clone(from.YieldUnless)
	}
	if b.Transfer == "" {
		b.Transfer = from.Transfer
	}
}

// factorsUse tells whether a factor's condition names the flag.
func factorsUse(fs []Factor, flag string) bool {
	for _, f := range fs {
		if f.When != nil && slices.Contains(identRe.FindAllString(f.When.Src, -1), flag) {
			return true
		}
	}
	return false
}

var identRe = regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_]*`)
