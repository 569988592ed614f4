package rules

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/cailiang/cailiang/legal"
	"github.com/expr-lang/expr/vm"
)

// Levels of a suggestion.
const (
	LevelLighter = "从轻"
	LevelNormal  = "一般"
	LevelHeavier = "从重"
)

// Range is a fine range in yuan.
type Range struct {
	FineMin float64 `json:"fine_min"`
	FineMax float64 `json:"fine_max"`
}

// Step is one step of the reasoning, with what it looked at and the
// provisions it rests on.
type Step struct {
	Step   string         `json:"step"`
	Inputs map[string]any `json:"inputs,omitempty"`
	Result string         `json:"result"`
	Basis  []Basis        `json:"basis,omitempty"`
}

// Procedure lists the procedural consequences of a suggestion.
type Procedure struct {
	// Hearing: the party must be told of the right to a hearing (第六十三条).
	Hearing bool `json:"hearing"`
	// Simple: 简易程序 (当场处罚) is available (第五十一条).
	Simple bool `json:"simple"`
	// LegalReview: 法制审核 is needed before the decision (第五十八条).
	LegalReview bool `json:"legal_review"`
	// Collective: the agency heads should decide collectively (第五十七条第二款).
	Collective bool `json:"collective"`
}

// ConditionalFine is one bracket of a fine that applies under a condition
// the facts do not settle: "货值金额不足10000元" → 50000元至100000元. Exactly
// one of Range (yuan), Multiple (times Base) or PerUnit (per Unit) is set.
type ConditionalFine struct {
	// When says in Chinese when the bracket applies.
	When     string `json:"when"`
	Range    *Range `json:"range,omitempty"`
	Multiple *Span  `json:"multiple,omitempty"`
	PerUnit  *Span  `json:"per_unit,omitempty"`
	// Base is the amount a multiple applies to (goods_value …), Unit the
	// count a per-unit amount (or a multiple, 按日) is multiplied by.
	Base string `json:"base,omitempty"`
	Unit string `json:"unit,omitempty"`
	// UnitLabel names what a "quantity" Unit counts, where the benchmark
	// says (童工人数×使用月数).
	UnitLabel string `json:"unit_label,omitempty"`
	// Establish names the facts (Facts JSON names or benchmark flags) the
	// officer must establish to settle the bracket.
	Establish []string `json:"establish"`
	// Text quotes the statute's words for the bracket.
	Text string `json:"text,omitempty"`
}

// Detention is a 行政拘留 term in days; When is set when it applies only
// under a condition (情节较轻的不予拘留 …).
type Detention struct {
	MinDays float64 `json:"min_days"`
	MaxDays float64 `json:"max_days"`
	When    string  `json:"when,omitempty"`
}

// Suggestion is the engine's answer. Field names are part of the API.
type Suggestion struct {
	BenchmarkID string            `json:"benchmark_id"`
	Name        string            `json:"name"`
	Disposition legal.Disposition `json:"disposition"`
	Level       *string           `json:"level"`
	Statutory   *Range            `json:"statutory"`
	Suggested   *Range            `json:"suggested"`
	// Mitigated is the 减轻 range (below the statutory minimum) where the
	// law allows 减轻.
	Mitigated *Range `json:"mitigated,omitempty"`
	// Conditional lists, when Statutory is nil because the facts do not
	// settle which fine applies (a base not stated, 可以并处 not decided,
	// 逾期不改正 not established), each bracket the penalty provision
	// allows with its condition and the facts to establish.
	Conditional []ConditionalFine `json:"conditional,omitempty"`
	// Detention is the 行政拘留 term the provision allows, where it has one.
	Detention *Detention `json:"detention,omitempty"`
	Other     []string   `json:"other"`
	Orders    []string   `json:"orders"`
	Basis     []Basis    `json:"basis"`
	Trace     []Step     `json:"trace"`
	Warnings  []string   `json:"warnings"`
	Procedure Procedure  `json:"procedure"`
	// LawChange is set when the law changed between the act and the
	// decision (从旧兼从轻, 行政处罚法 第三十七条).
	LawChange *LawChange `json:"law_change,omitempty"`
}

// cfl is 行政处罚法, cited by the national rules.
const cfl = "行政处罚法"

func ref(law string, article, paragraph, item int) Basis {
	return Basis{Ref: legal.Ref{Law: law, Article: article, Paragraph: paragraph, Item: item}, Role: RoleDiscretion}
}

func procRef(article, paragraph, item int) Basis {
	b := ref(cfl, article, paragraph, item)
	b.Role = RoleProcedure
	return b
}

// suggestion accumulates a result.
type suggestion struct {
	Suggestion
}

func (s *suggestion) step(name, result string, inputs map[string]any, basis ...Basis) {
	s.Trace = append(s.Trace, Step{Step: name, Inputs: inputs, Result: result, Basis: basis})
	for _, b := range basis {
		s.addBasis(b)
	}
}

func (s *suggestion) addBasis(b Basis) {
	for _, x := range s.Basis {
		if x == b {
			return
		}
	}
	s.Basis = append(s.Basis, b)
}

func (s *suggestion) warn(format string, args ...any) {
	if len(args) == 0 && !strings.Contains(format, "%") {
		// A fixed message: Sprintf would only have copied it.
		s.note(format)
		return
	}
	s.Warnings = append(s.Warnings, fmt.Sprintf(format, args...))
}

// note adds a warning already written out (warn("%s", text) without the
// formatting and the boxing of text).
func (s *suggestion) note(text string) {
	s.Warnings = append(s.Warnings, text)
}

// machines recycles the expression VMs: vm.Run makes a VM and its stack
// for every condition a suggestion tests, while a VM clears its stack,
// scopes and budget at the start of each Run and is meant to be reused.
var machines = sync.Pool{New: func() any { return new(vm.VM) }}

func eval(p *vm.Program, env map[string]any) bool {
	m := machines.Get().(*vm.VM)
	out, err := m.Run(p, env)
	machines.Put(m)
	if err != nil {
		// Compiled against the same env types at load; a run error means a
		// runtime fault such as division by zero: treat as not satisfied.
		return false
	}
	b, _ := out.(bool)
	return b
}

// Suggest computes the suggestion for benchmark id and facts. With an act
// date it applies 行政处罚法 第三十七条 over the benchmark's line (see
// lawchange.go): the benchmark in effect for the act, or the one in effect
// on the decision date when that is lighter. It returns
// ErrUnknownBenchmark or a *FactError naming the bad fact.
func (c *Catalog) Suggest(id string, f Facts) (Suggestion, error) {
	b, err := c.Get(id)
	if err != nil {
		return Suggestion{}, err
	}
	if err := f.Validate(c.lineFlags(b), c.known); err != nil {
		return Suggestion{}, err
	}
	return c.suggestOnDates(b, f), nil
}

// lineFlags returns b, or, when b has predecessors or successors, a copy
// that declares the flags of every benchmark of its line: the facts are
// judged by whichever version applies (fine_only exists only in the 2025
// 治安管理处罚法's 寻衅滋事), and factsFor keeps each version's own.
func (c *Catalog) lineFlags(b *Benchmark) *Benchmark {
	line := c.Line(b)
	if len(line) < 2 {
		return b
	}
	cp := *b
	cp.Flags = map[string]string{}
	for _, x := range line {
		for k, v := range x.Flags {
			cp.Flags[k] = v
		}
	}
	return &cp
}

// known reports whether id is a benchmark of the catalog.
func (c *Catalog) known(id string) bool { _, ok := c.benchmarks[id]; return ok }

// suggestOne computes the suggestion of one benchmark for validated facts.
func (c *Catalog) suggestOne(b *Benchmark, f Facts) Suggestion {
	env := f.env(b)
	defer releaseEnv(env)
	// Trace and basis sized for what most suggestions hold (four to six
	// steps, up to six norms): grown from empty they were reallocated
	// three or four times each.
	s := &suggestion{Suggestion{BenchmarkID: b.ID, Name: b.Name, Other: []string{}, Orders: []string{}, Warnings: []string{},
		Trace: make([]Step, 0, suggestionSteps), Basis: make([]Basis, 0, suggestionNorms)}}
	for _, v := range b.Violated {
		s.addBasis(Basis{Ref: v, Role: RoleViolated})
	}
	s.addBasis(Basis{Ref: b.PenaltyRef, Role: RolePenalty})

	c.checkEffective(b, &f, s)
	measure := measureOf(b)
	statutory, fineNote := c.statutoryFine(b, &f, env, s, measure)
	s.Statutory = statutory
	if statutory == nil {
		s.Conditional = conditionalFines(b, &f, env)
		if t := c.serious[b]; t != nil && len(s.Conditional) > 0 {
			s.Conditional = withSeriousTier(s.Conditional, t, &f)
		}
		if len(s.Conditional) > 0 {
			s.step(measure+"档次（待认定）", describeConditional(s.Conditional), nil, Basis{Ref: b.PenaltyRef, Role: RolePenalty})
		}
	}
	s.Detention = detention(b, env)
	if b.Order != "" {
		c.suggestOrder(b, s)
		return s.Suggestion
	}

	// National rules first: limitation, then 不予处罚.
	if c.expired(b, &f, s) {
		s.Disposition = legal.DispositionExpired
		s.Statutory = statutory
		return s.Suggestion
	}
	if c.noPenalty(b, &f, s) {
		s.Disposition = legal.DispositionNone
		s.Orders = append(s.Orders, "责令改正")
		return s.Suggestion
	}
	if statutory == nil && correctionOnly(b, &f, env) {
		// 产品质量法 第五十四条 without 情节严重: the article fines only on a
		// condition the facts do not state, so what it imposes now is the
		// order to correct — an administrative order, not a 行政处罚.
		s.Disposition = legal.DispositionOrder
		s.Orders = append(s.Orders, "责令改正")
		s.step("责令改正", "事实未写明本条罚款的适用条件，依法只责令改正（行政命令，不是行政处罚法第九条规定的处罚种类）；查明该条件后再依本条处罚",
			nil, Basis{Ref: b.PenaltyRef, Role: RolePenalty})
		return s.Suggestion
	}
	s.Orders = append(s.Orders, "责令改正")
	s.step("责令改正", "实施行政处罚时应当责令当事人改正或者限期改正违法行为", nil, basisCorrection...)

	if b.CoercesOthers {
		// The party is the one who coerced: 受他人胁迫 describes the victim.
		f.Coerced = false
	}
	mandatory := c.mandatoryLighter(&f, s)
	level := LevelNormal
	if mandatory {
		level = LevelLighter
		s.Disposition = legal.DispositionLighterOrMitigated
		if f.Mitigate {
			s.Disposition = legal.DispositionMitigated
		}
	} else {
		var binding bool
		level, binding = c.factorLevel(b, &f, env, s)
		s.Disposition = legal.DispositionPenalty
		if level != LevelNormal && warningOnly(b, statutory, env) {
			// 食品安全法 第一百二十六条 and its kind: 警告 first, a fine only
			// once the party refuses to correct. A warning has no span to
			// go lighter or heavier in, so the circumstances are reasons
			// of the decision, not another disposition.
			s.step("裁量等级", "本案罚则只设定警告，没有可以从轻或者从重的幅度："+level+"情节作为决定理由，处罚为警告",
				map[string]any{"factor_level": level}, Basis{Ref: b.PenaltyRef, Role: RolePenalty})
			level = LevelNormal
		}
		if level == LevelLighter {
			s.Disposition = legal.DispositionLighter
			if binding {
				s.Disposition = legal.DispositionLighterOrMitigated
			}
		}
	}
	s.Level = &level

	if statutory != nil {
		levels, src := c.levelsFor(b)
		s.Suggested = split(*statutory, levels, level, fineRound(b))
		s.step("裁量档次", level+"："+fmtRange(*s.Suggested)+"（"+src+"）",
			map[string]any{"statutory": *statutory, "split": levels}, basisLevels...)
		if mandatory {
			if statutory.FineMin > 0 {
				s.Mitigated = &Range{FineMin: 0, FineMax: statutory.FineMin}
			}
			if f.Mitigate {
				if s.Mitigated != nil {
					s.Suggested = s.Mitigated
				}
				s.Procedure.Collective = true
				s.step("减轻处罚", "在法定最低限以下确定罚款或者适用较轻的处罚种类，建议提交负责人集体讨论决定",
					map[string]any{"mitigate": true}, procRef(57, 2, 0))
				s.warn("减轻处罚低于法定最低罚款数额，建议经行政机关负责人集体讨论决定（行政处罚法第五十七条第二款）")
			}
		}
	} else if fineNote != "" {
		s.note(fineNote)
	}

	s.otherPenalties(b, env)
	c.oneFine(b, &f, s)
	c.procedure(b, &f, s)
	return s.Suggestion
}

// basisCorrection (第二十八条第一款, 责令改正), basisLevels (第三十四条, the
// split of the range) and basisLimitation (第三十六条第一款) are the basis of
// steps every suggestion takes, made once: the steps share them (callers
// read a step's basis; one that adds to it appends, which copies a full
// slice).
var (
	basisCorrection = []Basis{ref(cfl, 28, 1, 0)}
	basisLevels     = []Basis{ref(cfl, 34, 0, 0)}
	basisLimitation = []Basis{ref(cfl, 36, 1, 0)}
)

// suggestionSteps and suggestionNorms are the trace and basis capacity a
// suggestion starts with: over the development set 99 % of suggestions
// have at most eight steps and 95 % at most six norms.
const (
	suggestionSteps = 8
	suggestionNorms = 6
)

// correctionOnly reports whether every penalty of b applies only when the
// case is serious (情节严重) and the facts do not say it is: the article
// imposes nothing but the order to correct until that is established
// (产品质量法 第五十四条). A benchmark without penalties is not such an
// article.
// The agency's open choices (choiceFlags: 可以并处……罚款) are taken as
// made: a fine the agency may impose is a penalty the article allows.
func correctionOnly(b *Benchmark, f *Facts, env map[string]any) bool {
	if len(b.Penalties) == 0 {
		return false
	}
	chosen := assumeChoices(b, f, env)
	defer clearChoices(chosen, env)
	for i := range b.Penalties {
		p := &b.Penalties[i]
		// Only 情节严重 (serious) is read as the article's own threshold: other
		// conditions (a local amount, a refusal) are often left unwritten by
		// texts that still decide a penalty.
		if p.When == nil || !strings.HasPrefix(p.When.Src, "serious") || eval(p.When.prog, env) {
			return false
		}
	}
	return true
}

// warningOnly reports whether the only penalty the facts make applicable
// is 警告: no fine applies (statutory is nil and no fine's condition holds,
// as when the fine waits for 拒不改正) and every other applicable penalty
// is a warning.
func warningOnly(b *Benchmark, statutory *Range, env map[string]any) bool {
	if statutory != nil {
		return false
	}
	warned := false
	for i := range b.Penalties {
		p := &b.Penalties[i]
		if p.When != nil && !eval(p.When.prog, env) {
			continue
		}
		if p.Kind != "警告" {
			return false
		}
		warned = true
	}
	return warned
}

// suggestOrder finishes the suggestion of a benchmark whose measure is an
// administrative order (Benchmark.Order): the amount is computed as a fine
// is, but it is no 行政处罚 (行政处罚法 第九条 does not list it), so the
// penalty rules are not applied — no 不予处罚 or 从轻减轻 under 第三十至三十三条,
// no limitation of 第三十六条 (unpaid wages remain owed), no hearing (第六十三条)
// and no publication as a penalty decision (第四十八条) — and the answer
// names the order's kind instead of 罚款.
func (c *Catalog) suggestOrder(b *Benchmark, s *suggestion) {
	kind := orderKinds[b.Order]
	s.Disposition = legal.DispositionOrder
	s.Orders = append(s.Orders, "责令限期支付")
	s.step("行政命令", "责令"+kind+"是行政命令（行政处理决定），不是行政处罚法第九条规定的行政处罚种类："+
		"不适用第三十条至第三十三条的不予处罚、从轻或者减轻，不告知听证（第六十三条），不作为行政处罚决定公开（第四十八条）",
		nil, ref(cfl, 9, 0, 0), Basis{Ref: b.PenaltyRef, Role: RolePenalty})
	if s.Statutory == nil {
		// 逾期不支付 not established or the amount owed unknown: the order
		// to pay by a deadline stands; the compensation waits for the facts.
		return
	}
	s.Orders = append(s.Orders, "责令"+kind)
	level := LevelNormal
	s.Level = &level
	levels, src := c.levelsFor(b)
	s.Suggested = split(*s.Statutory, levels, level, fineRound(b))
	s.step("裁量档次", level+"："+fmtRange(*s.Suggested)+"（"+src+"）",
		map[string]any{"statutory": *s.Statutory, "split": levels}, Basis{Ref: b.PenaltyRef, Role: RolePenalty})
}

// measureOf names the amount a benchmark computes: 罚款, or for an
// administrative order (Benchmark.Order) the order's kind (加付赔偿金). The
// computation writes its trace and notes with this name, so an officer
// never reads 罚款 for what is not a penalty.
func measureOf(b *Benchmark) string {
	if kind, ok := orderKinds[b.Order]; ok && b.Order != "" {
		return kind
	}
	return "罚款"
}

// statutoryFine computes the range of the measure (measureOf: 罚款 or an
// order's amount) the penalty provision allows for these facts, or nil with
// a note when there is none or a base is missing; trace and note name the
// measure.
func (c *Catalog) statutoryFine(b *Benchmark, f *Facts, env map[string]any, s *suggestion, measure string) (*Range, string) {
	step := "法定罚款幅度"
	if measure != "罚款" {
		step = "法定" + measure + "幅度"
	}
	fine, optional := c.fineFor(b, f, env)
	for i := range b.Penalties {
		p := &b.Penalties[i]
		if p.Kind == "罚款" && p.Fine == nil {
			// Only provision benchmarks (ProvisionCatalog) carry a 罚款 whose
			// amount the statute leaves to other rules or the engine cannot
			// compute; the catalog refuses one.
			s.step(step, "罚则设定罚款，但数额无法由条文直接计算（"+p.Text+"），须依配套规定或查明的数额确定", nil, Basis{Ref: b.PenaltyRef, Role: RolePenalty})
			return nil, "罚则未规定可直接计算的罚款数额（" + p.Text + "），请依配套规定确定"
		}
	}
	if fine == nil {
		s.step(step, "该违法行为不适用"+measure, nil, Basis{Ref: b.PenaltyRef, Role: RolePenalty})
		return nil, ""
	}
	pen := Basis{Ref: b.PenaltyRef, Role: RolePenalty}
	base, hasBase := 0.0, false
	if fine.Base != "" {
		base, hasBase = f.Amount(fine.Base)
	}
	form := struct {
		r, m, p *Span
		unit    string
		text    string
	}{fine.Range, fine.Multiple, fine.PerUnit, fine.Unit, ""}
	inputs := map[string]any{}
	if len(fine.Brackets) > 0 {
		var chosen *Bracket
		if !hasBase {
			// A base the facts are silent on is not a base stated as none
			// (没有违法所得, which fact extraction reads as 0): every
			// bracket stays open, each with its condition
			// (conditionalFines), unless the facts put the base under a
			// limit that settles a fixed-range bracket.
			chosen = bracketUnder(fine, f)
			if chosen == nil {
				name := ProvisionBaseLabel(fine.Base)
				s.step(step, "缺少"+name+"，无法确定适用的"+measure+"档次", map[string]any{"base": fine.Base}, pen)
				return nil, "缺少" + name + "（" + fine.Base + "），无法计算法定" + measure + "幅度"
			}
			inputs["under"] = f.Under[fine.Base]
		}
		for i := range fine.Brackets {
			if chosen != nil {
				break
			}
			br := &fine.Brackets[i]
			if (br.None && base == 0) || (!br.None && (br.LT == nil || base < *br.LT) && (br.GTE == nil || base >= *br.GTE)) {
				chosen = br
				break
			}
		}
		if chosen == nil {
			s.step(step, "没有与该数额对应的"+measure+"档次", map[string]any{fine.Base: base}, pen)
			return nil, "基准未覆盖该数额的" + measure + "档次，请核对裁量基准"
		}
		form.r, form.m, form.p, form.unit, form.text = chosen.Range, chosen.Multiple, chosen.PerUnit, chosen.Unit, chosen.Text
	}
	var r Range
	switch {
	case form.r != nil:
		r = Range{form.r.Min, form.r.Max}
	case form.m != nil:
		if !hasBase {
			name := ProvisionBaseLabel(fine.Base)
			s.step(step, "缺少"+name+"，无法按倍数计算", map[string]any{"base": fine.Base}, pen)
			return nil, "缺少" + name + "（" + fine.Base + "），无法按倍数计算" + measure
		}
		inputs[fine.Base] = base
		inputs["multiple"] = *form.m
		r = Range{form.m.Min * base, form.m.Max * base}
		if form.unit != "" {
			// 按日连续处罚: the base once per day (or other unit).
			n, ok := f.Amount(form.unit)
			if !ok {
				s.step(step, "缺少"+unitBases[form.unit]+"，无法计算", map[string]any{"unit": form.unit}, pen)
				return nil, "缺少" + unitBases[form.unit] + "（" + form.unit + "），无法计算" + measure
			}
			inputs[form.unit] = n
			r = Range{r.FineMin * n, r.FineMax * n}
		}
	case form.p != nil:
		n, ok := f.Amount(form.unit)
		if !ok {
			s.step(step, "缺少"+unitBases[form.unit]+"，无法按单位计算", map[string]any{"unit": form.unit}, pen)
			return nil, "缺少" + unitBases[form.unit] + "（" + form.unit + "），无法按单位计算" + measure
		}
		inputs[form.unit] = n
		inputs["per_unit"] = *form.p
		r = Range{form.p.Min * n, form.p.Max * n}
	}
	if fine.Base != "" && hasBase {
		inputs[fine.Base] = base
	}
	r = Range{round2(r.FineMin), round2(r.FineMax)}
	result := fmtRange(r)
	if form.text != "" {
		result += "（" + form.text + "）"
	}
	if optional != "" {
		result += "；罚款为" + optional + "的处罚，法定幅度按处以罚款计算，是否处以罚款由机关决定"
	}
	s.step(step, result, inputs, pen)
	return &r, ""
}

// bracketUnder returns the bracket of fine the facts' limit on its base
// settles (Facts.Under: 货值金额不足一万元 → the bracket 不足一万元): one
// below the limit from zero, with a fixed range so that the figure itself
// is not needed; nil when no limit is stated or none settles it.
func bracketUnder(fine *Fine, f *Facts) *Bracket {
	lim, ok := f.Under[fine.Base]
	if !ok {
		return nil
	}
	for i := range fine.Brackets {
		br := &fine.Brackets[i]
		if !br.None && br.Range != nil && br.LT != nil && *br.LT >= lim && (br.GTE == nil || *br.GTE <= 0) {
			return br
		}
	}
	return nil
}

// choiceFlags are the flags that record which of the statute's penalties
// the agency chooses (可以并处……罚款; ……拘留或者……罚款), with how the
// statute words the choice. They are decisions, not facts, so the statutory
// range of the fine is the same whether or not the agency has made them:
// the reviewer's 法定幅度 of 处五日以上十日以下拘留，可以并处五百元以下罚款 is
// 五百元以下.
var choiceFlags = [...]struct{ name, label string }{
	{"impose_fine", "可以并处"},
	{"fine_only", "与拘留择一"},
}

// fineFor returns the fine the facts make applicable: the last fine
// penalty whose condition holds. When none holds only because a choice
// flag (choiceFlags) is not set, it returns the fine the choice would
// apply and how the statute words the choice; otherwise optional is "".
func (c *Catalog) fineFor(b *Benchmark, f *Facts, env map[string]any) (fine *Fine, optional string) {
	for i := range b.Penalties {
		p := &b.Penalties[i]
		if p.Fine != nil && (p.When == nil || eval(p.When.prog, env)) {
			fine = p.Fine
		}
	}
	if fine != nil {
		return fine, ""
	}
	chosen := assumeChoices(b, f, env)
	if len(chosen) == 0 {
		return nil, ""
	}
	for i := range b.Penalties {
		p := &b.Penalties[i]
		if p.Fine != nil && (p.When == nil || eval(p.When.prog, env)) {
			fine = p.Fine
		}
	}
	clearChoices(chosen, env)
	if fine == nil {
		return nil, ""
	}
	for _, cf := range choiceFlags {
		if slices.Contains(chosen, cf.name) {
			optional = cf.label
		}
	}
	return fine, optional
}

// assumeChoices sets in env, as made, every choice flag (choiceFlags) b
// declares and the facts leave open (the agency decided nothing), and
// returns their names for clearChoices.
func assumeChoices(b *Benchmark, f *Facts, env map[string]any) []string {
	var chosen []string
	for _, cf := range choiceFlags {
		if _, declared := b.Flags[cf.name]; !declared {
			continue
		}
		if _, set := f.Flags[cf.name]; set {
			continue // the agency decided: keep its decision
		}
		env[cf.name] = true
		chosen = append(chosen, cf.name)
	}
	return chosen
}

// clearChoices undoes assumeChoices.
func clearChoices(chosen []string, env map[string]any) {
	for _, name := range chosen {
		env[name] = false
	}
}

func round2(v float64) float64 { return math.Round(v*100) / 100 }

// fmtYuan writes an amount in yuan: whole yuan without decimals, else two
// (fmt's %.0f and %.2f, which format with strconv.AppendFloat as
// appendYuan does).
func fmtYuan(v float64) string {
	var buf [32]byte
	return string(appendYuan(buf[:0], v))
}

// appendYuan appends fmtYuan(v) to b.
func appendYuan(b []byte, v float64) []byte {
	prec := 2
	if v == math.Trunc(v) {
		prec = 0
	}
	return append(strconv.AppendFloat(b, v, 'f', prec, 64), "元"...)
}

// fmtRange writes a range as fmtYuan(min)至fmtYuan(max), in one string.
func fmtRange(r Range) string {
	var buf [64]byte
	b := appendYuan(buf[:0], r.FineMin)
	b = append(b, "至"...)
	return string(appendYuan(b, r.FineMax))
}

func addYears(t time.Time, years int) time.Time { return t.AddDate(years, 0, 0) }

// expired applies 行政处罚法 第三十六条: not discovered within two years (five
// where citizens' life and health or financial safety are involved with
// harmful consequences), counted from the act or from the end of a continuing
// act.
func (c *Catalog) expired(b *Benchmark, f *Facts, s *suggestion) bool {
	if f.ActDate == "" || f.DiscoveryDate == "" {
		s.warn("未提供违法行为发生日期（act_date）或发现日期（discovery_date），未核对追责时效（行政处罚法第三十六条）")
		return false
	}
	start, _ := time.Parse("2006-01-02", f.ActDate)
	from := "act_date"
	if f.ActEndDate != "" {
		start, _ = time.Parse("2006-01-02", f.ActEndDate)
		from = "act_end_date"
	}
	disc, _ := time.Parse("2006-01-02", f.DiscoveryDate)
	if f.Continuing && f.ActEndDate == "" {
		// 第三十六条第二款: the period runs from the end of a continuing
		// act; one still going on (至今未拆除) has not begun to run.
		s.step("追责时效", "违法行为有连续或者继续状态且尚未终了，追责期限从行为终了之日起计算，未超过追责期限", map[string]any{"act_date": f.ActDate, "continuing": true}, ref(cfl, 36, 2, 0))
		return false
	}
	years := 2
	lifeHealth := f.LifeHealth || slices.Contains(c.Config.LifeHealthLaws, b.PenaltyRef.Law)
	financial := f.FinancialSafety || slices.Contains(c.Config.FinancialLaws, b.PenaltyRef.Law)
	if (lifeHealth || financial) && f.HarmfulConsequence {
		years = 5
	}
	limit := addYears(start, years)
	period := strconv.Itoa(years) + "年"
	inputs := map[string]any{from: start.Format("2006-01-02"), "discovery_date": f.DiscoveryDate, "years": years}
	basis := basisLimitation // appended to below, which copies it
	if from == "act_end_date" {
		basis = append(basis, ref(cfl, 36, 2, 0))
	}
	if b.LimitationMonths > 0 {
		// 第三十六条第一款: 法律另有规定的除外.
		limit = start.AddDate(0, b.LimitationMonths, 0)
		period = strconv.Itoa(b.LimitationMonths) + "个月"
		inputs["months"] = b.LimitationMonths
		delete(inputs, "years")
		basis = append(basis, Basis{Ref: *b.LimitationBasis, Role: RoleDiscretion})
	}
	if disc.After(limit) {
		s.step("追责时效", "违法行为自"+start.Format("2006-01-02")+"起"+period+"内未被发现（期限届满于"+limit.Format("2006-01-02")+"），不再给予行政处罚", inputs, basis...)
		return true
	}
	s.step("追责时效", "在"+period+"追责期限内（届满于"+limit.Format("2006-01-02")+"）", inputs, basis...)
	return false
}

// noPenalty applies the 不予处罚 rules of 第三十条, 第三十一条 and 第三十三条.
func (c *Catalog) noPenalty(b *Benchmark, f *Facts, s *suggestion) bool {
	switch {
	case f.Age != nil && *f.Age < 14:
		s.step("不予处罚", "不满十四周岁的未成年人有违法行为的，不予行政处罚，责令监护人加以管教", map[string]any{"age": *f.Age}, ref(cfl, 30, 0, 0))
		return true
	case f.MentalState == "unable":
		s.step("不予处罚", "精神病人、智力残疾人在不能辨认或者不能控制自己行为时有违法行为的，不予行政处罚，责令监护人严加看管和治疗", map[string]any{"mental_state": f.MentalState}, ref(cfl, 31, 0, 0))
		return true
	case f.MinorViolation && f.CorrectedInTime && f.NoHarm:
		s.step("不予处罚", "违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚", map[string]any{"minor_violation": true, "corrected_in_time": true, "no_harm": true}, ref(cfl, 33, 1, 0))
		s.step("教育", "对当事人进行教育", nil, ref(cfl, 33, 3, 0))
		return true
	case f.FirstViolation && (f.HarmSlight || f.NoHarm) && f.CorrectedInTime && f.PriorPenalties == nil:
		inputs := map[string]any{"first_violation": true, "harm_slight": f.HarmSlight, "no_harm": f.NoHarm, "corrected_in_time": true}
		list := c.Config.FirstViolationExempt
		if len(list) > 0 && !slices.Contains(list, b.ID) && !f.Declined {
			s.step("首违不罚清单", "初次违法且危害后果轻微并及时改正，但该事项不在本机关首违不罚清单内，依法给予处罚", inputs, ref(cfl, 33, 1, 0))
			s.warn("该事项不在首违不罚清单内；行政处罚法第三十三条第一款“可以不予行政处罚”仍可由执法机关个案裁量")
			break
		}
		s.step("不予处罚（可以）", "初次违法且危害后果轻微并及时改正的，可以不予行政处罚", inputs, ref(cfl, 33, 1, 0))
		s.step("教育", "对当事人进行教育", nil, ref(cfl, 33, 3, 0))
		if len(list) > 0 {
			s.step("首违不罚清单", "该事项列入本机关首违不罚清单", map[string]any{"benchmark_id": b.ID})
		} else {
			s.warn("第三十三条第一款对首次违法“可以”不予处罚，是否适用由执法机关裁量；如当地有首违不罚清单，应对照清单")
		}
		return true
	case f.NoFault && !b.FaultException:
		s.step("不予处罚", "当事人有证据足以证明没有主观过错的，不予行政处罚", map[string]any{"no_fault": true}, ref(cfl, 33, 2, 0))
		s.warn("须由当事人提供足以证明没有主观过错的证据，并在案卷中载明")
		return true
	case f.NoFault && b.FaultException:
		s.step("主观过错", "该领域法律、行政法规另有规定，无主观过错不当然免罚", map[string]any{"no_fault": true}, ref(cfl, 33, 2, 0))
	case f.Declined:
		// A published decision that quotes the penalty article and then
		// declines: the grounds it names were not among those read above.
		s.step("不予处罚", "案件事实载明执法机关已决定不予行政处罚；请核对所依据的不予处罚情形（行政处罚法第三十条、第三十一条、第三十三条）", map[string]any{"declined": true}, ref(cfl, 33, 0, 0))
		s.warn("事实中载明不予行政处罚的决定，但未识别出具体的不予处罚情形，请核对")
		return true
	}
	if f.MentalState == "lucid" {
		s.step("责任能力", "间歇性精神病人在精神正常时有违法行为的，应当给予行政处罚", map[string]any{"mental_state": "lucid"}, ref(cfl, 31, 0, 0))
	}
	return false
}

// mandatoryLighter applies 第三十条 (ages 14–18) and 第三十二条: the penalty
// must be lighter or mitigated. 第三十一条 partial capacity only may be; the
// suggestion then takes the lighter side too, with a warning.
func (c *Catalog) mandatoryLighter(f *Facts, s *suggestion) bool {
	var reasons []string
	var basis []Basis
	inputs := map[string]any{}
	if f.Age != nil && *f.Age >= 14 && *f.Age < 18 {
		reasons = append(reasons, "已满十四周岁不满十八周岁")
		basis = append(basis, ref(cfl, 30, 0, 0))
		inputs["age"] = *f.Age
	}
	for _, x := range []struct {
		on   bool
		key  string
		text string
		item int
	}{
		{f.SelfRemovedHarm, "self_removed_harm", "主动消除或者减轻违法行为危害后果", 1},
		{f.Coerced, "coerced", "受他人胁迫或者诱骗实施违法行为", 2},
		{f.Confessed, "confessed", "主动供述行政机关尚未掌握的违法行为", 3},
		{f.Meritorious, "meritorious", "配合行政机关查处违法行为有立功表现", 4},
	} {
		if x.on {
			reasons = append(reasons, x.text)
			basis = append(basis, ref(cfl, 32, 0, x.item))
			inputs[x.key] = true
		}
	}
	mandatory := len(reasons) > 0
	if f.MentalState == "partial" {
		// 第三十一条 says 可以: the suggestion takes the lighter side and
		// leaves the choice to the agency.
		s.step("可以从轻或者减轻", "尚未完全丧失辨认或者控制自己行为能力的精神病人、智力残疾人有违法行为的，可以从轻或者减轻行政处罚", map[string]any{"mental_state": "partial"}, ref(cfl, 31, 0, 0))
		s.warn("第三十一条对尚未完全丧失辨认或者控制能力者“可以”从轻或者减轻，由执法机关裁量")
	}
	if !mandatory {
		return f.MentalState == "partial"
	}
	s.step("应当从轻或者减轻", strings.Join(reasons, "；")+"：应当从轻或者减轻行政处罚", inputs, basis...)
	return true
}

// factorLevel evaluates the benchmark's circumstances (and the catalog's
// common ones): net aggravating → 从重, net mitigating → 从轻, else 一般.
// Adding an aggravating circumstance never lowers the level.
// The bool reports whether a lighter circumstance that applied is one the
// statute makes binding (EffectLighterOrMitigated).
func (c *Catalog) factorLevel(b *Benchmark, f *Facts, env map[string]any, s *suggestion) (string, bool) {
	net, binding := 0, false
	var hits []string
	// The common circumstances, then the benchmark's, read in place: a
	// joined copy of both lists (72 bytes a circumstance) was made for every
	// suggestion.
	for k, list := range [2][]Factor{c.Config.CommonFactors, b.Factors} {
		for i := range list {
			fc := &list[i]
			if k == 0 && commonFactorSpent(b, fc) {
				continue
			}
			if !eval(fc.When.prog, env) {
				continue
			}
			var basis []Basis
			if fc.Basis != nil {
				basis = append(basis, Basis{Ref: *fc.Basis, Role: RoleDiscretion})
			}
			effect := "从轻情节"
			if fc.Effect == EffectHeavier {
				effect = "从重情节"
				net++
			} else {
				net--
				binding = binding || fc.Effect == EffectLighterOrMitigated
			}
			hits = append(hits, fc.Name)
			s.step("裁量情节", fc.Name+"："+effect, map[string]any{"factor": fc.ID, "when": fc.When.Src}, basis...)
		}
	}
	level := LevelNormal
	switch {
	case net > 0:
		level = LevelHeavier
	case net < 0:
		level = LevelLighter
	}
	s.step("裁量等级", level+"（适用情节："+orNone(hits)+"）", map[string]any{"net": net})
	return level, binding
}

// commonFactorSpent reports whether a common circumstance is no ground of
// its own for b: 情节严重 where b is the 情节严重 tier (the tier's condition,
// counted once: the range already rises for it), and 二年内因同类违法行为受过
// 行政处罚 where b's law sets its own window for earlier penalties
// (治安管理处罚法 2012 第二十条第（四）项 六个月内, 2025 第二十二条第（四）项 一年以内:
// the within_6m / within_1y flags), so a penalty twenty months before is no
// 从重 there.
func commonFactorSpent(b *Benchmark, fc *Factor) bool {
	// Keyed on the circumstance's id in config.yaml, not its expression:
	// rewording a condition must not turn the rule off.
	switch fc.ID {
	case "serious":
		return b.SeriousTier
	case "repeat_2y":
		_, six := b.Flags["within_6m"]
		_, year := b.Flags["within_1y"]
		return six || year || b.RequiresPriorPenalties()
	}
	return false
}

// RequiresPriorPenalties reports whether one of b's own elements is the
// count of earlier penalties (广告法 第五十五条 两年内有三次以上违法行为): the
// tier already rose for them, and counting them again as 从重 would weigh
// the same penalties twice.
func (b *Benchmark) RequiresPriorPenalties() bool {
	for _, e := range b.Requires {
		for _, m := range e.AllMeasures() {
			if m.Name == MeasurePriorPenalties {
				return true
			}
		}
	}
	return false
}

func orNone(xs []string) string {
	if len(xs) == 0 {
		return "无"
	}
	return strings.Join(xs, "、")
}

// levelsFor picks the split: benchmark, then region, then catalog default.
func (c *Catalog) levelsFor(b *Benchmark) (Levels, string) {
	if b.Levels != nil {
		return *b.Levels, "本基准规定的档次"
	}
	if l, ok := c.Config.Regions[b.Region]; ok && b.Region != "" {
		return l, b.Region + "规定的档次"
	}
	return c.Config.Levels, "默认档次：从轻为幅度下限起30%，一般为30%至70%，从重为70%至上限"
}

func fineRound(b *Benchmark) float64 {
	for _, p := range b.Penalties {
		if p.Fine != nil && p.Fine.Round > 0 {
			return p.Fine.Round
		}
	}
	return 1
}

// split returns the level's part of the statutory range, rounded inward to
// the unit but never outside the statutory range.
func split(r Range, l Levels, level string, unit float64) *Range {
	frac := l.Normal
	switch level {
	case LevelLighter:
		frac = l.Lighter
	case LevelHeavier:
		frac = l.Heavier
	}
	d := r.FineMax - r.FineMin
	lo := r.FineMin + frac[0]*d
	hi := r.FineMin + frac[1]*d
	if unit > 0 {
		lo = math.Ceil(lo/unit-1e-9) * unit
		hi = math.Floor(hi/unit+1e-9) * unit
	}
	// Rounding inward can cross a range narrower than the unit (a fixed
	// 原处罚数额 × 日数 in fen): stay inside the statutory range.
	lo = math.Min(math.Max(lo, r.FineMin), r.FineMax)
	hi = math.Max(math.Min(hi, r.FineMax), r.FineMin)
	if hi < lo {
		hi = lo
	}
	return &Range{FineMin: round2(lo), FineMax: round2(hi)}
}

// otherPenalties lists the non-fine penalties whose conditions hold.
func (s *suggestion) otherPenalties(b *Benchmark, env map[string]any) {
	for _, p := range b.Penalties {
		if p.Fine != nil {
			continue
		}
		if p.When != nil && !eval(p.When.prog, env) {
			continue
		}
		name := p.Kind
		if p.What != "" {
			name = p.Kind + "：" + p.What
			if p.Kind == "没收非法财物" {
				name = "没收" + p.What
			}
		}
		s.Other = append(s.Other, name)
		cond := ""
		if p.When != nil {
			cond = "（条件：" + p.When.Src + "）"
		}
		s.step("其他处罚", name+cond, nil, Basis{Ref: b.PenaltyRef, Role: RolePenalty})
	}
}

// oneFine applies 第二十九条: one act, at most one fine; where it violates
// several provisions, the one with the higher fine governs.
func (c *Catalog) oneFine(b *Benchmark, f *Facts, s *suggestion) {
	if len(f.AlsoViolates) == 0 {
		return
	}
	ours := 0.0
	if s.Statutory != nil {
		ours = s.Statutory.FineMax
	}
	for _, id := range f.AlsoViolates {
		other := c.benchmarks[id]
		scratch := &suggestion{}
		env := f.env(other)
		r, _ := c.statutoryFine(other, f, env, scratch, measureOf(other))
		releaseEnv(env)
		inputs := map[string]any{"benchmark": id, "this_max": ours}
		if r != nil {
			inputs["other_max"] = r.FineMax
		}
		switch {
		case r != nil && r.FineMax > ours:
			s.step("一事不再罚款", fmt.Sprintf("同一违法行为违反多个法律规范，%s的罚款上限更高，应依照该规定处罚", other.Name), inputs, ref(cfl, 29, 0, 0))
			s.warn("同一违法行为同时违反“%s”（%s），其罚款数额更高，应按该基准处罚，不得重复罚款（行政处罚法第二十九条）", other.Name, id)
		default:
			s.step("一事不再罚款", fmt.Sprintf("本基准罚款上限不低于%s，按本基准处罚，不得再依该规定罚款", other.Name), inputs, ref(cfl, 29, 0, 0))
		}
	}
}

var hearingKinds = []string{"吊销许可证件", "吊销营业执照", "降低资质等级", "责令停产停业", "责令关闭", "限制从业", "没收非法财物"}

// procedure derives hearing rights (第六十三条), the summary procedure
// (第五十一条) and legal review (第五十八条).
func (c *Catalog) procedure(b *Benchmark, f *Facts, s *suggestion) {
	var heavy []string
	for _, o := range s.Other {
		for _, k := range hearingKinds {
			if strings.HasPrefix(o, k) || (k == "没收非法财物" && strings.HasPrefix(o, "没收") && !strings.HasPrefix(o, "没收违法所得")) {
				if k != "没收非法财物" {
					heavy = append(heavy, k)
				}
			}
		}
	}
	if len(heavy) > 0 {
		s.Procedure.Hearing = true
		s.step("听证权利", "拟作出"+strings.Join(heavy, "、")+"的，应当告知当事人有要求听证的权利", nil, procRef(63, 1, 0))
	}
	if s.Suggested != nil {
		party := f.PartyKind
		if party == "个体工商户" {
			party = "个人"
		}
		threshold := c.Config.Hearing[party]
		switch {
		case party == "":
			s.warn("未提供当事人类型（party_kind），无法判断罚款是否达到听证“较大数额”")
		case threshold <= 0:
			s.warn("未配置%s罚款听证“较大数额”标准（各省规定），请在 config.yaml 的 hearing 中设置", party)
		case s.Suggested.FineMax >= threshold:
			s.Procedure.Hearing = true
			s.step("听证权利", fmt.Sprintf("拟罚款可能达到较大数额（%s当事人%s以上），应当告知听证权利", party, fmtYuan(threshold)), map[string]any{"threshold": threshold}, procRef(63, 1, 1))
		}
		limit := 200.0
		if f.PartyKind == "单位" {
			limit = 3000
		}
		onlyFine := len(s.Other) == 0
		if f.PartyKind != "" && onlyFine && s.Suggested.FineMax <= limit {
			s.Procedure.Simple = true
			s.step("简易程序", fmt.Sprintf("违法事实确凿并有法定依据，罚款不超过%s的，可以当场作出行政处罚决定", fmtYuan(limit)), map[string]any{"limit": limit}, procRef(51, 0, 0))
		}
	}
	if s.Procedure.Hearing {
		s.Procedure.LegalReview = true
		s.step("法制审核", "直接关系当事人重大权益并经过听证程序的，作出决定前应当进行法制审核", nil, procRef(58, 1, 2))
	}
}

// conditionalFines lists the fine brackets the facts leave open: those of a
// fine whose condition does not hold (可以并处, 逾期不改正 …) and, of the
// fine that applies or might, every bracket whose base is not stated.
func conditionalFines(b *Benchmark, f *Facts, env map[string]any) []ConditionalFine {
	var out []ConditionalFine
	for i := range b.Penalties {
		p := &b.Penalties[i]
		if p.Fine == nil {
			continue
		}
		if p.When != nil && declinedChoice(f, p.When.Src) {
			continue // the agency decided against this penalty
		}
		var when []string
		var establish []string
		if p.When != nil && !eval(p.When.prog, env) {
			w, e := describeCondition(b, p.When.Src)
			when, establish = append(when, w), append(establish, e...)
		}
		fine := p.Fine
		_, hasBase := f.Amount(fine.Base)
		add := func(r, m, pu *Span, unit, cond, text string) {
			c := ConditionalFine{Base: fine.Base, Unit: unit, Text: text}
			if text == "" {
				c.Text = p.Text
			}
			w := append([]string{}, when...)
			if cond != "" {
				w = append(w, cond)
			}
			est := append([]string{}, establish...)
			switch {
			case r != nil:
				c.Range = &Range{r.Min, r.Max}
				c.Base = ""
			case m != nil:
				c.Multiple = m
			case pu != nil:
				c.PerUnit, c.Base = pu, ""
			}
			if c.Base != "" && !hasBase {
				est = append(est, c.Base)
			}
			if unit != "" {
				if _, ok := f.Amount(unit); !ok {
					est = append(est, unit)
				}
			}
			if cond != "" && fine.Base != "" && !hasBase && !contains(est, fine.Base) {
				est = append(est, fine.Base)
			}
			c.When = strings.Join(w, "，")
			ls := labels(est)
			if unit != "" && fine.UnitLabel != "" {
				c.UnitLabel = fine.UnitLabel
				for i, e := range est {
					if e == unit {
						ls[i] = fine.UnitLabel
					}
				}
			}
			if c.When == "" {
				c.When = "依法认定" + strings.Join(ls, "、") + "后计算"
			}
			c.Establish = est
			out = append(out, c)
		}
		if len(fine.Brackets) == 0 {
			add(fine.Range, fine.Multiple, fine.PerUnit, fine.Unit, "", "")
			continue
		}
		for _, br := range fine.Brackets {
			add(br.Range, br.Multiple, br.PerUnit, br.Unit, bracketCondition(fine.Base, br), br.Text)
		}
	}
	// A fine that applies with its base known has a statutory range: nothing
	// is open.
	for _, c := range out {
		if len(c.Establish) > 0 {
			return out
		}
	}
	return nil
}

// fineBase is the base of b's first fine with one, "" for none.
func fineBase(b *Benchmark) string {
	for _, p := range b.Penalties {
		if p.Fine != nil && p.Fine.Base != "" {
			return p.Fine.Base
		}
	}
	return ""
}

// withSeriousTier adds to the open brackets of a fine whose base the facts
// do not state those of its 情节严重 tier t (道路运输条例 第六十三条第（一）项:
// 没有违法所得或者违法所得不足1万元的，处3000元以上1万元以下的罚款，情节严重的，
// 处1万元以上5万元以下的罚款) that differ from them, each conditioned on
// 情节严重: the provision's brackets are all of them.
//
// When the facts establish 情节严重 (Serious), the basic tier no longer
// applies: only the tier's brackets are listed, none asking for it.
func withSeriousTier(cs []ConditionalFine, t *Benchmark, f *Facts) []ConditionalFine {
	env := f.env(t)
	defer releaseEnv(env)
	if f.Serious {
		tier := conditionalFines(t, f, env)
		if len(tier) == 0 {
			return cs
		}
		for i := range tier {
			tier[i].When = "情节严重，" + tier[i].When
		}
		return tier
	}
	// Only the provision's own brackets make a tier bracket redundant, and
	// only under the same condition: two tier brackets of one amount
	// (没有违法所得 and 违法所得不足1万元, both 1万–5万) are both listed.
	basic := cs[:len(cs):len(cs)]
	for _, c := range conditionalFines(t, f, env) {
		if slices.ContainsFunc(basic, func(o ConditionalFine) bool { return sameAmount(o, c) && o.When == c.When }) {
			continue
		}
		c.When = "情节严重，" + c.When
		c.Establish = append(c.Establish, "serious")
		cs = append(cs, c)
	}
	return cs
}

// sameAmount reports whether two brackets set the same fine: the same range,
// or the same multiple of the same base.
func sameAmount(a, b ConditionalFine) bool {
	switch {
	case a.Range != nil && b.Range != nil:
		return *a.Range == *b.Range
	case a.Multiple != nil && b.Multiple != nil:
		return *a.Multiple == *b.Multiple && a.Base == b.Base
	case a.PerUnit != nil && b.PerUnit != nil:
		return *a.PerUnit == *b.PerUnit && a.Unit == b.Unit
	}
	return false
}

// declinedChoice reports whether a penalty's condition names a choice flag
// (choiceFlags) the facts set to false: the agency chose the other penalty.
func declinedChoice(f *Facts, cond string) bool {
	for _, cf := range choiceFlags {
		if v, set := f.Flags[cf.name]; set && !v && strings.Contains(cond, cf.name) {
			return true
		}
	}
	return false
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// labels turns fact names into their Chinese labels where known.
func labels(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = n
		if l := ProvisionBaseLabel(n); l != "" {
			out[i] = l
		}
	}
	return out
}

// bracketCondition says when a bracket applies: 货值金额不足10000元,
// 违法所得为零或者无法认定, 货值金额10000元以上.
func bracketCondition(base string, br Bracket) string {
	// Provision benchmarks multiply the statutes' other amounts too
	// (检验费用, 直接损失): all in yuan.
	label := ProvisionBaseLabel(base)
	amount := func(v float64) string {
		if _, count := unitBases[base]; !count {
			return fmtYuan(v)
		}
		return fmt.Sprintf("%g", v)
	}
	switch {
	case br.None:
		return "没有" + label + "或者" + label + "无法认定"
	case br.LT != nil && br.GTE != nil && *br.GTE > 0:
		return fmt.Sprintf("%s%s以上不足%s", label, amount(*br.GTE), amount(*br.LT))
	case br.LT != nil:
		return label + "不足" + amount(*br.LT)
	case br.GTE != nil && *br.GTE > 0:
		return label + amount(*br.GTE) + "以上"
	}
	return "有" + label
}

// describeCondition renders a penalty condition for an officer: each
// conjunct that is a flag or fact by its description, and the names to
// establish.
func describeCondition(b *Benchmark, src string) (string, []string) {
	var parts, names []string
	for _, part := range strings.Split(src, "&&") {
		part = strings.TrimSpace(part)
		neg := strings.HasPrefix(part, "!")
		name := strings.TrimSpace(strings.TrimPrefix(part, "!"))
		desc, ok := b.Flags[name]
		if !ok && name == "serious" {
			desc, ok = "情节严重", true
		}
		if !ok {
			parts = append(parts, part)
			continue
		}
		names = append(names, name)
		if neg {
			desc = "非“" + desc + "”"
		}
		parts = append(parts, desc)
	}
	return strings.Join(parts, "且"), names
}

// describeConditional is the trace line for the open brackets.
func describeConditional(cs []ConditionalFine) string {
	var parts []string
	for _, c := range cs {
		var amount string
		switch {
		case c.Range != nil:
			amount = fmtRange(*c.Range)
		case c.Multiple != nil:
			amount = fmt.Sprintf("%s%g倍至%g倍", BaseLabel(c.Base), c.Multiple.Min, c.Multiple.Max)
			if c.Unit != "" {
				amount += "乘以" + BaseLabel(c.Unit)
			}
		case c.PerUnit != nil:
			unit := strings.TrimSuffix(BaseLabel(c.Unit), "数")
			if c.UnitLabel != "" {
				unit = "（" + c.UnitLabel + "）"
			}
			amount = fmt.Sprintf("每%s%s至%s", unit, fmtYuan(c.PerUnit.Min), fmtYuan(c.PerUnit.Max))
		}
		parts = append(parts, c.When+"："+amount)
	}
	return strings.Join(parts, "；")
}

// detention returns the 行政拘留 term of the benchmark, with its condition
// when the condition does not hold or is not settled.
func detention(b *Benchmark, env map[string]any) *Detention {
	for i := range b.Penalties {
		p := &b.Penalties[i]
		if p.Kind != "行政拘留" || p.days == nil {
			continue
		}
		d := &Detention{MinDays: p.days.Min, MaxDays: p.days.Max}
		if p.When != nil && !eval(p.When.prog, env) {
			d.When, _ = describeCondition(b, p.When.Src)
		}
		return d
	}
	return nil
}
