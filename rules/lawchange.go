package rules

import (
	"fmt"
	"strings"

	"github.com/cailiang/cailiang/legal"
)

// LawChange is set on a suggestion when the law changed between the act
// and the decision, so that the benchmark in effect for the act and the one
// in effect on the decision date differ (or the latter is missing). It
// shows both versions and which applies under 行政处罚法 第三十七条 (从旧兼从轻).
// Field names are part of the API.
type LawChange struct {
	ActDate      string `json:"act_date"`
	DecisionDate string `json:"decision_date"`
	// Applied is AppliedAct (the law at the time of the act) or
	// AppliedDecision (the new law: lighter, or the act no longer unlawful).
	Applied string `json:"applied"`
	// Reason says in Chinese which applies and why.
	Reason string `json:"reason"`
	// Review is true when the engine could not settle it (no benchmark
	// written for the new law yet, or a range the facts leave open): an
	// officer must compare the two laws before deciding.
	Review bool `json:"review"`
	// Versions are the act-time version first, then the decision-time one.
	Versions []VersionTerms `json:"versions"`
}

// Values of LawChange.Applied.
const (
	AppliedAct      = "act"
	AppliedDecision = "decision"
)

// VersionTerms is what one version of the law provides for the act: the
// benchmark written for it, its provisions and ranges. Benchmark fields are
// empty for a law no benchmark covers yet (EndedBy then says what replaced
// the old one).
type VersionTerms struct {
	BenchmarkID   string     `json:"benchmark_id,omitempty"`
	Name          string     `json:"name,omitempty"`
	EffectiveFrom string     `json:"effective_from,omitempty"`
	EffectiveTo   string     `json:"effective_to,omitempty"`
	Provisions    []Basis    `json:"provisions"`
	Statutory     *Range     `json:"statutory,omitempty"`
	Detention     *Detention `json:"detention,omitempty"`
	// Conditional lists the fine brackets when the facts do not settle one.
	Conditional []ConditionalFine `json:"conditional,omitempty"`
	// Unlawful is false for a law that no longer treats the act as a
	// violation.
	Unlawful bool `json:"unlawful"`
	// Summary states the provisions and ranges in Chinese.
	Summary string `json:"summary"`
}

// actDay is the day the act is judged by: a continuing act's last day
// (行政处罚法 第三十六条第二款 counts from it, and so does the law in force).
func actDay(f Facts) string {
	if f.ActEndDate != "" {
		return f.ActEndDate
	}
	return f.ActDate
}

// suggestOnDates applies 行政处罚法 第三十七条 over b's line and returns the
// suggestion of the benchmark that applies, with LawChange set when the
// benchmarks in effect for the act and on the decision date differ.
func (c *Catalog) suggestOnDates(b *Benchmark, f Facts) Suggestion {
	act := actDay(f)
	if act == "" {
		s := c.suggestOne(b, f)
		if b.EffectiveTo != "" && legal.Today() >= b.EffectiveTo {
			s.Warnings = append(s.Warnings, endNote(b)+"；未提供违法行为发生日期，无法按从旧兼从轻原则确定适用的规定（行政处罚法第三十七条），请核对行为时与决定时的规定")
		}
		return s
	}
	decision := f.DecisionDate
	if decision == "" {
		decision = max(legal.Today(), act)
	}
	then := c.InEffect(b, act)
	if then == nil {
		// No benchmark of the line covers the act: checkEffective says why.
		return c.suggestOne(b, f)
	}
	now := c.InEffect(then, decision)
	if now == then {
		return c.suggestOne(then, f)
	}
	old := c.suggestOne(then, factsFor(then, f))
	last := c.Line(then)
	end := last[len(last)-1]
	ch := &LawChange{ActDate: act, DecisionDate: decision, Versions: []VersionTerms{terms(then, old, true)}}
	var out Suggestion
	switch {
	case now != nil:
		nw := c.suggestOne(now, factsFor(now, f))
		ch.Versions = append(ch.Versions, terms(now, nw, true))
		cmp, ok := compareSeverity(nw, old, detentionOptional(now), detentionOptional(then))
		switch {
		case !ok:
			out, ch.Applied, ch.Review = old, AppliedAct, true
			ch.Reason = "两个版本的罚款幅度取决于尚未认定的事实，无法比较轻重：暂按违法行为发生时的规定提出建议，请认定后比较新旧规定，新的规定处罚较轻的，适用新的规定"
		case cmp < 0:
			out, ch.Applied = nw, AppliedDecision
			ch.Reason = "作出处罚决定时，" + endNote(then) + "，新的规定处罚较轻，适用新的规定"
		default:
			out, ch.Applied = old, AppliedAct
			ch.Reason = "作出处罚决定时，" + endNote(then) + "，但新的规定处罚不轻于旧的规定，适用违法行为发生时的规定"
		}
	case end.NoLongerUnlawful && decision >= end.EffectiveTo:
		ch.Versions = append(ch.Versions, VersionTerms{EffectiveFrom: end.EffectiveTo, Provisions: endedBy(end), Unlawful: false,
			Summary: "新的规定不认为是违法"})
		out, ch.Applied = old, AppliedDecision
		ch.Reason = "作出处罚决定时，" + endNote(end) + "，新的规定不认为是违法，适用新的规定，不予行政处罚"
		out.Disposition = legal.DispositionNone
		out.Level, out.Suggested, out.Mitigated = nil, nil, nil
	default:
		ch.Versions = append(ch.Versions, VersionTerms{EffectiveFrom: end.EffectiveTo, Provisions: endedBy(end), Unlawful: true,
			Summary: "尚无依据新的规定编写的裁量基准"})
		out, ch.Applied, ch.Review = old, AppliedAct, true
		ch.Reason = "作出处罚决定时，" + endNote(end) + "，尚无依据新的规定编写的裁量基准：暂按违法行为发生时的规定提出建议，须对照新的规定核对是否处罚较轻或者不再认为是违法"
	}
	basis := []Basis{ref(cfl, 37, 0, 0)}
	if t, ok := c.Config.Transitional[endingLaw(end)]; ok {
		basis = append(basis, Basis{Ref: t, Role: RoleDiscretion})
	}
	s := &suggestion{out}
	s.Trace = append([]Step{{Step: "法律适用（从旧兼从轻）", Result: lawChangeText(ch), Basis: basis,
		Inputs: map[string]any{"act_date": act, "decision_date": decision}}}, s.Trace...)
	// Only 第三十七条 joins the suggestion's basis (and so the pushed
	// norms): a transitional article of a law the agency has not imported
	// stays in the step.
	s.addBasis(basis[0])
	if ch.Review {
		s.Procedure.LegalReview = true
		s.note("违法行为发生后法律已修改或者废止，" + strings.TrimSuffix(ch.Reason, "。") + "（行政处罚法第三十七条）；须经法制审核")
	}
	s.LawChange = ch
	return s.Suggestion
}

// factsFor keeps only the flags b declares: the benchmarks of one line
// usually share their flags, and a flag the other version lacks must not
// make the comparison fail.
func factsFor(b *Benchmark, f Facts) Facts {
	if len(f.Flags) == 0 {
		return f
	}
	kept := make(map[string]bool, len(f.Flags))
	for k, v := range f.Flags {
		if _, ok := b.Flags[k]; ok {
			kept[k] = v
		}
	}
	f.Flags = kept
	return f
}

// terms summarises one version's suggestion.
func terms(b *Benchmark, s Suggestion, unlawful bool) VersionTerms {
	t := VersionTerms{BenchmarkID: b.ID, Name: b.Name, EffectiveFrom: b.EffectiveFrom, EffectiveTo: b.EffectiveTo,
		Statutory: s.Statutory, Detention: s.Detention, Conditional: s.Conditional, Unlawful: unlawful}
	for _, v := range b.Violated {
		t.Provisions = append(t.Provisions, Basis{Ref: v, Role: RoleViolated})
	}
	t.Provisions = append(t.Provisions, Basis{Ref: b.PenaltyRef, Role: RolePenalty})
	var parts []string
	if s.Statutory != nil {
		parts = append(parts, "罚款"+fmtRange(*s.Statutory))
	} else if len(s.Conditional) > 0 {
		parts = append(parts, "罚款视情形而定："+describeConditional(s.Conditional))
	}
	if d := s.Detention; d != nil {
		parts = append(parts, fmt.Sprintf("行政拘留%g至%g日", d.MinDays, d.MaxDays))
	}
	if len(parts) == 0 {
		parts = append(parts, "无罚款或者拘留幅度")
	}
	t.Summary = RefLabel(b.PenaltyRef) + "（" + b.EffectiveFrom + "起）：" + strings.Join(parts, "，")
	return t
}

// endedBy lists the provision that ended b's law, if the catalog says.
func endedBy(b *Benchmark) []Basis {
	if b.EndedBy == nil {
		return []Basis{}
	}
	return []Basis{{Ref: *b.EndedBy, Role: RoleDiscretion}}
}

// endingLaw is the law that ended b's: the repealing or the revised law.
func endingLaw(b *Benchmark) string {
	if b.EndedBy != nil {
		return b.EndedBy.Law
	}
	return b.PenaltyRef.Law
}

// endNote says in Chinese how b's law ended: repealed by another law, or
// revised (新的规定自…起施行).
func endNote(b *Benchmark) string {
	law := b.PenaltyRef.Law
	switch {
	case b.EndedBy != nil && b.EndedBy.Law != law:
		return fmt.Sprintf("%s已于%s被%s废止（%s）", law, b.EffectiveTo, b.EndedBy.Law, RefLabel(*b.EndedBy))
	case b.EndedBy != nil:
		return fmt.Sprintf("%s已经修改，新的规定自%s起施行（%s）", law, b.EffectiveTo, RefLabel(*b.EndedBy))
	}
	return fmt.Sprintf("%s已经修改，新的规定自%s起施行", law, b.EffectiveTo)
}

// lawChangeText is the trace step's text: both versions, then the reason.
func lawChangeText(ch *LawChange) string {
	var b strings.Builder
	fmt.Fprintf(&b, "违法行为发生于%s，作出处罚决定于%s。", ch.ActDate, ch.DecisionDate)
	labels := []string{"行为时的规定：", "决定时的规定："}
	for i, v := range ch.Versions {
		b.WriteString(labels[min(i, 1)] + v.Summary + "。")
	}
	b.WriteString(ch.Reason + "。")
	return b.String()
}

// compareSeverity compares the penalties two versions provide for the same
// facts under 第三十七条: detention first (the heavier kind), then the fine,
// each by its maximum and then its minimum. It returns a negative number
// when a is lighter, positive when b is, 0 when equal, and ok false when a
// fine depends on facts not established (conditional brackets).
//
// aOpt and bOpt say the version's detention may be replaced by its fine
// (处五日以上十日以下拘留或者二千元以下罚款): a version that lets the agency
// fine instead of detaining, for a term no longer than the other's
// mandatory one, is the lighter, whatever its fine (盗窃 under 2012 第四十九条,
// 拘留 with 五百元 at most beside it, against 2025 第五十八条).
func compareSeverity(a, b Suggestion, aOpt, bOpt bool) (int, bool) {
	if (a.Statutory == nil && len(a.Conditional) > 0) || (b.Statutory == nil && len(b.Conditional) > 0) {
		return 0, false
	}
	if a.Detention != nil && b.Detention != nil && aOpt != bOpt {
		opt, other, sign := a.Detention, b.Detention, -1
		if bOpt {
			opt, other, sign = b.Detention, a.Detention, 1
		}
		if other.When == "" && opt.MaxDays <= other.MaxDays && opt.MinDays <= other.MinDays {
			return sign, true
		}
	}
	span := func(d *Detention) (float64, float64) {
		// A term with a condition the facts do not meet is not imposed
		// (处五日以上十日以下拘留或者一千元以下罚款, the fine chosen).
		if d == nil || d.When != "" {
			return 0, 0
		}
		return d.MaxDays, d.MinDays
	}
	fine := func(r *Range) (float64, float64) {
		if r == nil {
			return 0, 0
		}
		return r.FineMax, r.FineMin
	}
	amax, amin := span(a.Detention)
	bmax, bmin := span(b.Detention)
	fa, fam := fine(a.Statutory)
	fb, fbm := fine(b.Statutory)
	for _, p := range [][2]float64{{amax, bmax}, {amin, bmin}, {fa, fb}, {fam, fbm}} {
		switch {
		case p[0] < p[1]:
			return -1, true
		case p[0] > p[1]:
			return 1, true
		}
	}
	return 0, true
}

// detentionOptional reports whether b's 行政拘留 may be replaced by its fine:
// the detention applies under !X and a fine under X (处……拘留或者……罚款,
// fine_only).
func detentionOptional(b *Benchmark) bool {
	flag := ""
	for i := range b.Penalties {
		if p := &b.Penalties[i]; p.Kind == "行政拘留" && p.When != nil {
			if f, ok := strings.CutPrefix(strings.TrimSpace(p.When.Src), "!"); ok {
				flag = f
			}
		}
	}
	if flag == "" || strings.ContainsAny(flag, " &|!()") {
		return false
	}
	for i := range b.Penalties {
		if p := &b.Penalties[i]; p.Kind == "罚款" && p.When != nil && strings.TrimSpace(p.When.Src) == flag {
			return true
		}
	}
	return false
}

// checkEffective flags a benchmark whose interval does not cover the act
// date and that no benchmark of its line replaces: before its law took
// effect, or after the law was changed or repealed with no successor
// written (行政处罚法 第三十七条).
func (c *Catalog) checkEffective(b *Benchmark, f *Facts, s *suggestion) {
	act := actDay(*f)
	if act == "" || c.InEffect(b, act) != nil {
		return
	}
	switch {
	case act < b.EffectiveFrom:
		s.step("法律适用", fmt.Sprintf("违法行为发生于%s，早于本基准依据的规定施行（%s）：应适用行为时的规定，新规定处罚较轻或者不认为违法的除外", act, b.EffectiveFrom), map[string]any{"act_date": act, "effective_from": b.EffectiveFrom}, ref(cfl, 37, 0, 0))
		s.warn("违法行为早于本基准所依据规定的施行日期，请按从旧兼从轻原则核对行为时的规定（行政处罚法第三十七条）")
	case b.EffectiveTo != "" && act >= b.EffectiveTo:
		s.step("法律适用", fmt.Sprintf("违法行为发生于%s，%s，本基准不适用于该行为：应适用行为时有效的规定", act, endNote(b)), map[string]any{"act_date": act, "effective_to": b.EffectiveTo}, ref(cfl, 37, 0, 0))
		if b.EndedBy != nil {
			// In the step only: the repealing law may not be imported.
			last := &s.Trace[len(s.Trace)-1]
			last.Basis = append(last.Basis, Basis{Ref: *b.EndedBy, Role: RoleDiscretion})
		}
		s.Procedure.LegalReview = true
		s.note("本基准在违法行为发生时已不再适用（" + endNote(b) + "），尚无依据新的规定编写的裁量基准，请依据行为时有效的规定裁量，须经法制审核")
	}
}
