package rules

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/cailiang/cailiang/legal"
)

// Provision benchmarks: a provision-level entry no catalog benchmark covers
// is answered through the same engine as a benchmark, so the officer gets
// the same disposition, level, limitation, conditional brackets and trace;
// only the discretion levels are the catalog's defaults, since no agency
// has written a benchmark for it (ProvisionLabel).

// ProvisionIDPrefix starts the id of every provision benchmark.
const ProvisionIDPrefix = "prov:"

// IsProvisionID tells a provision benchmark's id from a catalog benchmark's.
func IsProvisionID(id string) bool { return strings.HasPrefix(id, ProvisionIDPrefix) }

// ProvisionID is the benchmark id of an entry: prov:<law slug>-<article>
// [_<suffix>][-<paragraph>][-<item>], e.g. prov:special-equipment-84-0-1
// (a 0 keeps the item apart from a paragraph).
func ProvisionID(r legal.Ref) string { return ProvisionVersionID(r, "") }

// lawSlug is a core law's file name, or the law itself for another.
func lawSlug(law string) string {
	for _, l := range coreLaws {
		if l.Law == law {
			return l.File
		}
	}
	return law
}

// ProvisionVersionID is ProvisionID for a newer version of a law loaded
// beside an older one: the tag (the version year) follows the law's slug,
// prov:public-security@2025-51. An empty tag gives ProvisionID.
func ProvisionVersionID(r legal.Ref, tag string) string {
	var b strings.Builder
	b.WriteString(ProvisionIDPrefix + lawSlug(r.Law))
	if tag != "" {
		b.WriteString("@" + tag)
	}
	b.WriteString("-" + strconv.Itoa(r.Article))
	if r.Suffix > 0 {
		b.WriteString("_" + strconv.Itoa(r.Suffix))
	}
	if r.Paragraph > 0 || r.Item > 0 {
		b.WriteString("-" + strconv.Itoa(r.Paragraph))
	}
	if r.Item > 0 {
		b.WriteString("-" + strconv.Itoa(r.Item))
	}
	return b.String()
}

// ProvisionCatalog builds, once at load, a catalog holding one benchmark per
// entry of ps that no benchmark of cat covers and whose fine the engine can
// compute, under cat's settings (levels, common circumstances, hearing
// amounts). Each benchmark is named by the entry's conduct, cites it as its
// penalty provision, has no circumstances of its own and takes the
// limitation and no-fault exception every catalog benchmark of its law
// shares. Suggest on it answers as for any benchmark. It returns an error
// when the condition of an entry's heavier tier does not compile: the tier
// would otherwise be lost without a word and the entry answer its basic
// fine for 情节严重.
func ProvisionCatalog(cat *Catalog, ps *Provisions) (*Catalog, error) {
	pc := &Catalog{Config: cat.Config, benchmarks: map[string]*Benchmark{}}
	pc.Config.FirstViolationExempt = nil
	if ps == nil {
		return pc, nil
	}
	shared := lawShared(cat)
	for _, p := range ps.All() {
		if len(p.Benchmarks) > 0 {
			continue
		}
		b, ok, err := provisionBenchmark(p)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		if s, ok := shared[p.law]; ok {
			b.LimitationMonths, b.LimitationBasis, b.FaultException = s.LimitationMonths, s.LimitationBasis, s.FaultException
		}
		if _, dup := pc.benchmarks[b.ID]; dup {
			continue
		}
		pc.benchmarks[b.ID] = b
		pc.ordered = append(pc.ordered, b)
	}
	pc.buildLines()
	return pc, nil
}

// lawShared returns, per law, what all the catalog's benchmarks of that law
// agree on about limitation and fault (治安管理处罚法: six months); a law
// whose benchmarks disagree is left out.
func lawShared(cat *Catalog) map[string]*Benchmark {
	out := map[string]*Benchmark{}
	mixed := map[string]bool{}
	for _, b := range cat.All() {
		law := b.PenaltyRef.Law
		s, ok := out[law]
		switch {
		case mixed[law]:
		case !ok:
			out[law] = b
		case s.LimitationMonths != b.LimitationMonths || s.FaultException != b.FaultException ||
			(s.LimitationBasis == nil) != (b.LimitationBasis == nil) || s.LimitationBasis != nil && *s.LimitationBasis != *b.LimitationBasis:
			mixed[law] = true
			delete(out, law)
		}
	}
	return out
}

// provisionBenchmark turns an entry into a benchmark; its 罚款 has no Fine
// when the engine cannot compute it (no amount, a unit the facts never give,
// conditions it cannot tell apart). ok is false for a law of no sector; the
// error says which entry's tier condition failed to compile.
func provisionBenchmark(p *Provision) (*Benchmark, bool, error) {
	pen := Penalty{Kind: "罚款"}
	if fine, text, ok := provisionEngineFine(p.Fine); ok {
		pen.Fine, pen.Text = fine, text
	} else {
		// 处以罚款 with the amount set elsewhere (建筑法 第六十四条): the
		// engine says so instead of computing a range.
		pen.Text = p.Unparsed
		if pen.Text == "" {
			pen.Text = errNoAmount.Error()
		}
	}
	secs := coreSectors[p.law]
	if len(secs) == 0 {
		return nil, false, nil
	}
	r := p.Ref()
	name := strings.TrimSuffix(p.Conduct, "的")
	pens := []Penalty{pen}
	var flags map[string]string
	if sp, ok := seriousPenalty(p.Fine, pen.Fine); ok {
		pens = append(pens, sp)
		if sp.When.Src == graveFlag {
			// The flag is inferred from the text (caseanalysis: 严重后果,
			// 后果严重) as for a catalog benchmark declaring it.
			flags = map[string]string{graveFlag: "造成严重后果"}
		}
	}
	b := &Benchmark{ID: p.ID(), Name: name, Sector: secs[0], Description: p.Conduct,
		EffectiveFrom: p.InForceFrom(), EffectiveTo: p.inForceTo, PenaltyRef: r,
		Penalties: pens, Flags: flags,
		// The statute's own conduct is the 情节严重 tier (对食品作虚假宣传且情节严重):
		// the common circumstance is spent in it, as in a catalog tier
		// marked serious_tier.
		SeriousTier: strings.Contains(name, "情节严重")}
	if len(pens) > 1 {
		// The condition is compiled here: a provision benchmark is built
		// once at load and never passes through the catalog's loader.
		for i := range pens {
			if err := compileExpr(pens[i].When, b); err != nil {
				return nil, false, fmt.Errorf("provision %s: heavier tier: %w", b.ID, err)
			}
		}
	}
	return b, true, nil
}

// seriousWhens are the statute's words for the heavier tier of one
// conduct (处……罚款；情节严重的，处……罚款) and the condition that settles
// it: the facts' 情节严重 circumstance (nlp.CircSerious: 情节严重, 情节特别
// 严重, 情节较重), or for 造成严重后果的 the flag graveFlag.
var seriousWhens = map[string]string{"情节严重的": "serious", "情节较重的": "serious", "情节特别严重的": "serious", "造成严重后果的": graveFlag}

// graveFlag is the benchmark flag of a consequence the facts call serious
// (造成严重后果, 后果严重), as catalog benchmarks declare it.
const graveFlag = "serious_consequence"

// seriousPenalty is the 罚款 of an entry's heavier tier (情节严重的，处……;
// 造成严重后果的，处……), applying when the facts state it: fineFor takes the last
// applicable fine, so the tier replaces the main one only then. None when
// the main fine is bracketed or missing, or the tier is the main fine's
// own amount, has no amount or a base the engine does not know.
func seriousPenalty(tiers []FineTier, main *Fine) (Penalty, bool) {
	if main == nil || len(main.Brackets) > 0 {
		return Penalty{}, false
	}
	for _, t := range tiers {
		cond := seriousWhens[t.When]
		if cond == "" || t.NoAmount || t.PerUnit != nil || t.LT != nil || t.GTE != nil || t.None {
			continue
		}
		f := &Fine{Range: t.Range, Multiple: t.Multiple}
		switch {
		case t.Range != nil:
			if main.Range != nil && *main.Range == *t.Range {
				return Penalty{}, false
			}
		case t.Multiple != nil && ProvisionBaseLabel(t.Base) != "":
			if main.Multiple != nil && *main.Multiple == *t.Multiple && main.Base == t.Base {
				return Penalty{}, false
			}
			f.Base = t.Base
		default:
			continue
		}
		return Penalty{Kind: "罚款", Fine: f, When: &Expr{Src: cond}, Text: t.Describe()}, true
	}
	return Penalty{}, false
}

// provisionEngineFine maps an entry's tiers to one engine fine: the tiers
// conditioned on the base (不足, 以上, 没有违法所得) become brackets, with the
// unconditioned multiple taking the rest of the scale; otherwise the
// unconditioned tier, or when every tier has a condition (对单位, 情节严重的)
// the first. text states every tier as the statute does, for the trace.
func provisionEngineFine(tiers []FineTier) (*Fine, string, bool) {
	var usable []FineTier
	for _, t := range tiers {
		if t.NoAmount || t.PerUnit != nil && unitBases[t.Unit] == "" && t.Unit != "quantity" {
			continue
		}
		if (t.Multiple != nil || t.LT != nil || t.GTE != nil || t.None) && ProvisionBaseLabel(t.Base) == "" {
			continue
		}
		usable = append(usable, t)
	}
	if len(usable) == 0 {
		return nil, "", false
	}
	descs := make([]string, len(tiers))
	for i, t := range tiers {
		descs[i] = t.Describe()
	}
	text := strings.Join(descs, "；")
	var fine *Fine
	var brackets []FineTier
	for _, t := range usable {
		if t.LT != nil || t.GTE != nil || t.None {
			brackets = append(brackets, t)
		}
	}
	if len(brackets) > 0 {
		fine = bracketFine(usable, brackets)
	}
	if fine == nil {
		main := usable[0]
		for _, t := range usable {
			if t.When == "" && t.LT == nil && t.GTE == nil && !t.None {
				main = t
				break
			}
		}
		if main.LT != nil || main.GTE != nil || main.None {
			return nil, "", false
		}
		fine = &Fine{Range: main.Range, Multiple: main.Multiple, PerUnit: main.PerUnit}
		if main.Multiple != nil {
			fine.Base = main.Base
		}
		if main.PerUnit != nil {
			fine.Unit = main.Unit
		}
	}
	// The shape is checked as for a catalog fine; the base was checked
	// against the provision bases above (a catalog fine knows fewer).
	shape := *fine
	if shape.Base != "" {
		shape.Base = "goods_value"
	}
	if shape.validate() != nil {
		return nil, "", false
	}
	return fine, text, true
}

// bracketFine builds the brackets of one base: 没有违法所得或者违法所得不足一
// 万元的 (None with LT) is a plain 不足 bracket, since zero is below it; an
// unconditioned multiple of the same base takes 以上 the lowest 不足 bound
// when no tier states it. Nil when the tiers do not fit one scale.
func bracketFine(usable, brackets []FineTier) *Fine {
	base := brackets[0].Base
	fine := &Fine{Base: base}
	var lt *float64
	hasGTE := false
	for _, t := range brackets {
		if t.Base != base {
			return nil
		}
		br := Bracket{LT: t.LT, GTE: t.GTE, None: t.None && t.LT == nil && t.GTE == nil,
			Range: t.Range, Multiple: t.Multiple, PerUnit: t.PerUnit, Text: t.When}
		if t.PerUnit != nil {
			br.Unit = t.Unit
		}
		if t.LT != nil && (lt == nil || *t.LT < *lt) {
			lt = t.LT
		}
		hasGTE = hasGTE || t.GTE != nil
		fine.Brackets = append(fine.Brackets, br)
	}
	// 没收违法所得，并处违法所得5倍以下的罚款；没有违法所得的，处2万元以上
	// 20万元以下的罚款 (a None bracket and no 不足 bound): the multiple
	// applies to any gains there are, from zero up.
	// The None bracket stays first: zero gains are none (as the catalog's
	// none-then-gte brackets read them).
	if !hasGTE && lt == nil && slices.ContainsFunc(fine.Brackets, func(b Bracket) bool { return b.None }) {
		var zero float64
		for _, t := range usable {
			if t.When == "" && t.Multiple != nil && t.Base == base && t.LT == nil && t.GTE == nil && !t.None {
				fine.Brackets = append(fine.Brackets, Bracket{GTE: &zero, Multiple: t.Multiple, Text: t.Formula()})
				break
			}
		}
	}
	if !hasGTE && lt != nil {
		for _, t := range usable {
			if t.When == "" && t.Multiple != nil && t.Base == base && t.LT == nil && t.GTE == nil && !t.None {
				fine.Brackets = append([]Bracket{{GTE: lt, Multiple: t.Multiple, Text: t.Formula()}}, fine.Brackets...)
				break
			}
		}
	}
	return fine
}
