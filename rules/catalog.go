package rules

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/cailiang/cailiang/legal"
	"github.com/expr-lang/expr"
	"gopkg.in/yaml.v3"
)

//go:embed catalog/*.yaml
var builtin embed.FS

// OrderCompensation is Benchmark.Order for 责令加付赔偿金: an amount the
// employer pays the workers, 50 %–100 % of what it owed and did not pay by
// the deadline (劳动合同法 第八十五条, 劳动保障监察条例 第二十六条).
const OrderCompensation = "compensation_order"

// orderKinds names, per Benchmark.Order, the one entry of Penalties that
// carries the order's amount in its Fine.
var orderKinds = map[string]string{OrderCompensation: "加付赔偿金"}

// penaltyKinds are the kinds of 行政处罚法 第九条 as benchmarks name them.
var penaltyKinds = [...]string{"警告", "通报批评", "罚款", "没收违法所得", "没收非法财物", "暂扣许可证件", "吊销许可证件", "暂扣营业执照", "吊销营业执照", "降低资质等级", "限制开展生产经营活动", "责令停产停业", "责令关闭", "限制从业", "行政拘留"}

// Config holds the catalog-wide settings of config.yaml.
type Config struct {
	// Levels is the default 从轻/一般/从重 split.
	Levels Levels `yaml:"levels"`
	// Regions override the split per region (省、市 or 部门 name).
	Regions map[string]Levels `yaml:"regions,omitempty"`
	// Hearing holds the 较大数额 fines (yuan) from which 行政处罚法 第六十三条
	// gives a right to a hearing, by party kind. They are set by each
	// province or department; zero means not configured.
	Hearing map[string]float64 `yaml:"hearing,omitempty"`
	// Transfer holds the provincial figures of prosecution thresholds
	// (数额较大 …) and the province that applies; see docs/transfer.md.
	Transfer TransferConfig `yaml:"transfer,omitempty"`
	// CommonFactors apply to every benchmark.
	CommonFactors []Factor `yaml:"common_factors,omitempty"`
	// FirstViolationExempt is the agency's 首违不罚 list: the benchmarks for
	// which a first violation with slight harm, corrected in time, is not
	// penalised (行政处罚法 第三十三条第一款 “可以不予”). Empty means no list is
	// configured and the engine leaves the choice to the officer.
	FirstViolationExempt []string `yaml:"first_violation_exempt,omitempty"`
	// LifeHealthLaws and FinancialLaws name the laws whose violations
	// concern citizens' life and health or financial safety: with harmful
	// consequences their limitation is five years (第三十六条第一款).
	LifeHealthLaws []string `yaml:"life_health_laws,omitempty"`
	FinancialLaws  []string `yaml:"financial_laws,omitempty"`
	// SectorCues are, per sector, phrases that place the facts in that
	// sector (报警、民警、盗窃 → 公安). Case analysis lets a benchmark of
	// another sector match such facts only on strong evidence: a shared
	// word is not enough.
	SectorCues map[legal.Sector][]string `yaml:"sector_cues,omitempty"`
	// WrittenOn (YYYY-MM-DD) is the day the catalog's statute texts were
	// taken from: a benchmark without law_version was written for the
	// versions in force that day.
	WrittenOn string `yaml:"written_on"`
	// Transitional names, per law, its own 从旧兼从轻 provision, cited beside
	// 行政处罚法 第三十七条 when a benchmark's law was ended by that law
	// (生态环境法典 第一千零五十七条).
	Transitional map[string]legal.Ref `yaml:"transitional,omitempty"`
}

// Catalog is a loaded, validated set of benchmarks.
type Catalog struct {
	Config     Config
	benchmarks map[string]*Benchmark
	ordered    []*Benchmark
	// predecessor maps a benchmark id to the one it superseded.
	predecessor map[string]*Benchmark
	// lines holds each benchmark's line (Line), built at load.
	lines map[*Benchmark][]*Benchmark
	// labels holds each benchmark's PenaltyLabel, built at load.
	labels map[*Benchmark]string
	// serious maps a benchmark whose fine has a base to its 情节严重 tier
	// (the same provision, id + "-serious"), built at load: when the base
	// is not stated, the tier's brackets are the provision's too.
	serious map[*Benchmark]*Benchmark
}

// ErrUnknownBenchmark is returned for an id not in the catalog.
var ErrUnknownBenchmark = errors.New("unknown benchmark")

// LoadBuiltin loads the catalog embedded in the binary.
func LoadBuiltin() (*Catalog, error) {
	sub, err := fs.Sub(builtin, "catalog")
	if err != nil {
		return nil, err
	}
	return Load(sub)
}

// Load reads config.yaml and every other *.yaml in fsys, each holding a
// `benchmarks:` list, and validates everything: unknown fields, bad amounts,
// conditions that do not compile or are not yes/no, duplicate ids. The error
// names the file and line.
func Load(fsys fs.FS) (*Catalog, error) {
	c := &Catalog{Config: Config{Levels: defaultLevels}, benchmarks: map[string]*Benchmark{}}
	names, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		return nil, fmt.Errorf("load benchmark catalog: %w", err)
	}
	sort.Strings(names)
	if raw, err := fs.ReadFile(fsys, "config.yaml"); err == nil {
		dec := yaml.NewDecoder(bytes.NewReader(raw))
		dec.KnownFields(true)
		if err := dec.Decode(&c.Config); err != nil {
			return nil, fmt.Errorf("load benchmark catalog: config.yaml: %w", err)
		}
		if err := c.Config.Levels.validate(); err != nil {
			return nil, fmt.Errorf("load benchmark catalog: config.yaml: levels: %w", err)
		}
		for region, l := range c.Config.Regions {
			if err := l.validate(); err != nil {
				return nil, fmt.Errorf("load benchmark catalog: config.yaml: regions.%s: %w", region, err)
			}
		}
	}
	if _, err := time.Parse(time.DateOnly, c.Config.WrittenOn); c.Config.WrittenOn != "" && err != nil {
		return nil, fmt.Errorf("load benchmark catalog: config.yaml: written_on must be YYYY-MM-DD (the day the statute texts were taken from)")
	}
	for law, r := range c.Config.Transitional {
		if law == "" || r.Law == "" || r.Article <= 0 {
			return nil, fmt.Errorf("load benchmark catalog: config.yaml: transitional.%s: needs a law and an article", law)
		}
	}
	for sec, cues := range c.Config.SectorCues {
		if !sec.Valid() || len(cues) == 0 || slices.ContainsFunc(cues, func(q string) bool { return strings.TrimSpace(q) == "" }) {
			return nil, fmt.Errorf("load benchmark catalog: config.yaml: sector_cues.%s: needs a known sector and non-empty cues", sec)
		}
	}
	for i := range c.Config.CommonFactors {
		if err := compileFactor(&c.Config.CommonFactors[i], &Benchmark{}); err != nil {
			return nil, fmt.Errorf("load benchmark catalog: config.yaml:%d: %w", c.Config.CommonFactors[i].When.line(), err)
		}
	}
	for _, name := range names {
		if name == "config.yaml" {
			continue
		}
		if err := c.loadFile(fsys, name); err != nil {
			return nil, fmt.Errorf("load benchmark catalog: %w", err)
		}
	}
	// Validation waits for every file: a successor takes its conduct from
	// a predecessor that may sit in another file.
	c.inheritConduct()
	for _, b := range c.ordered {
		if err := b.validate(); err != nil {
			return nil, fmt.Errorf("load benchmark catalog: %s:%d: benchmark %s: %w", b.file, b.line, b.ID, err)
		}
	}
	for _, id := range c.Config.FirstViolationExempt {
		if _, ok := c.benchmarks[id]; !ok {
			return nil, fmt.Errorf("load benchmark catalog: config.yaml: first_violation_exempt: unknown benchmark %q", id)
		}
	}
	for _, b := range c.ordered {
		for _, id := range b.ConcurrentWith {
			if _, ok := c.benchmarks[id]; !ok || id == b.ID {
				return nil, fmt.Errorf("load benchmark catalog: %s:%d: %s concurrent with unknown benchmark %q", b.file, b.line, b.ID, id)
			}
		}
		for _, y := range b.YieldsTo {
			if !isLawName(y) {
				if _, ok := c.benchmarks[y]; !ok {
					return nil, fmt.Errorf("load benchmark catalog: %s:%d: %s yields to unknown benchmark %q", b.file, b.line, b.ID, y)
				}
			}
		}
	}
	if err := c.linkSuccessors(); err != nil {
		return nil, fmt.Errorf("load benchmark catalog: %w", err)
	}
	return c, nil
}

// isLawName tells a law's short name (Chinese, 药品管理法) from a benchmark
// id (ASCII) in yields_to.
func isLawName(s string) bool {
	for _, r := range s {
		if r > unicode.MaxASCII {
			return true
		}
	}
	return false
}

func (e *Expr) line() int {
	if e == nil {
		return 0
	}
	return e.Line
}

func (c *Catalog) loadFile(fsys fs.FS, name string) error {
	raw, err := fs.ReadFile(fsys, name)
	if err != nil {
		return err
	}
	list, nodes, err := decodeList[Benchmark](raw, "benchmarks")
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	for i := range list {
		b := list[i]
		b.file, b.line = path.Base(name), nodes[i].Line
		if prev, dup := c.benchmarks[b.ID]; dup {
			return fmt.Errorf("%s:%d: duplicate benchmark id %s (first at %s:%d)", b.file, b.line, b.ID, prev.file, prev.line)
		}
		bp := &b
		c.benchmarks[b.ID] = bp
		c.ordered = append(c.ordered, bp)
	}
	return nil
}

// decodeList reads the list under key, the only key of a YAML file,
// strictly (an unknown field is an error), with the node of each item for
// its line.
func decodeList[T any](raw []byte, key string) ([]T, []yaml.Node, error) {
	var doc map[string][]T
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(true)
	if err := dec.Decode(&doc); err != nil {
		return nil, nil, err
	}
	for k := range doc {
		if k != key {
			return nil, nil, fmt.Errorf("unknown key %q (only %q)", k, key)
		}
	}
	var nodes map[string][]yaml.Node
	if err := yaml.Unmarshal(raw, &nodes); err != nil {
		return nil, nil, err
	}
	return doc[key], nodes[key], nil
}

func (l Levels) validate() error {
	prev := 0.0
	for i, r := range [][2]float64{l.Lighter, l.Normal, l.Heavier} {
		if r[0] < 0 || r[1] > 1 || r[0] > r[1] || r[0] < prev-1e-9 {
			return fmt.Errorf("level %d range %v must lie in [0,1], ordered and not overlapping", i, r)
		}
		prev = r[1]
	}
	return nil
}

func compileExpr(e *Expr, b *Benchmark) error {
	if e == nil {
		return nil
	}
	prog, err := expr.Compile(e.Src, expr.Env(typeEnv(b)), expr.AsBool())
	if err != nil {
		return fmt.Errorf("line %d: condition %q: %v", e.Line, e.Src, strings.ReplaceAll(err.Error(), "\n", " "))
	}
	e.prog = prog
	return nil
}

func compileFactor(f *Factor, b *Benchmark) error {
	if f.ID == "" || f.Name == "" || f.When == nil {
		return fmt.Errorf("factor needs id, name and when")
	}
	if f.Effect != EffectLighter && f.Effect != EffectHeavier && f.Effect != EffectLighterOrMitigated {
		return fmt.Errorf("factor %s: effect must be %s, %s or %s", f.ID, EffectLighter, EffectLighterOrMitigated, EffectHeavier)
	}
	return compileExpr(f.When, b)
}

// Effects of a Factor.
const (
	EffectLighter = "lighter"
	EffectHeavier = "heavier"
	// EffectLighterOrMitigated is a lighter circumstance the statute itself
	// makes binding in the words 从轻、减轻或者不予处罚 (治安管理处罚法 2025
	// 第二十条: 取得被侵害人谅解, 主动消除或者减轻违法后果, 主动投案): the
	// disposition is then 从轻或者减轻处罚, as for 行政处罚法 第三十二条,
	// not the 从轻处罚 of a benchmark's own lighter factor.
	EffectLighterOrMitigated = "lighter_or_mitigated"
)

func validSpan(s *Span) bool {
	return s != nil && s.Min >= 0 && s.Max > 0 && s.Min <= s.Max
}

func (f *Fine) validate() error {
	forms := 0
	for _, ok := range []bool{f.Range != nil, f.Multiple != nil, f.PerUnit != nil, len(f.Brackets) > 0} {
		if ok {
			forms++
		}
	}
	if forms != 1 {
		return fmt.Errorf("fine needs exactly one of range, multiple, per_unit, brackets")
	}
	if f.Base != "" {
		if _, ok := amountBases[f.Base]; !ok {
			return fmt.Errorf("fine base %q unknown", f.Base)
		}
	}
	if (f.Multiple != nil || len(f.Brackets) > 0) && f.Base == "" {
		return fmt.Errorf("multiples and brackets need a base")
	}
	if f.Round < 0 {
		return fmt.Errorf("round must not be negative")
	}
	check := func(r, m, p *Span, unit string) error {
		n := 0
		for _, s := range []*Span{r, m, p} {
			if s != nil {
				n++
				if !validSpan(s) {
					return fmt.Errorf("span %+v must have 0 <= min <= max and max > 0", *s)
				}
			}
		}
		if n != 1 {
			return fmt.Errorf("needs exactly one of range, multiple, per_unit")
		}
		if p != nil || unit != "" {
			if _, ok := unitBases[unit]; !ok || r != nil {
				return fmt.Errorf("per_unit needs unit (quantity, persons, days, vehicles); a multiple may have one, a range none")
			}
		}
		return nil
	}
	if len(f.Brackets) == 0 {
		return check(f.Range, f.Multiple, f.PerUnit, f.Unit)
	}
	for i, br := range f.Brackets {
		if err := check(br.Range, br.Multiple, br.PerUnit, br.Unit); err != nil {
			return fmt.Errorf("bracket %d: %w", i+1, err)
		}
		if !br.None && br.LT == nil && br.GTE == nil {
			return fmt.Errorf("bracket %d needs lt, gte or none", i+1)
		}
		if br.LT != nil && br.GTE != nil && *br.GTE >= *br.LT {
			return fmt.Errorf("bracket %d: gte must be below lt", i+1)
		}
	}
	return nil
}

func (b *Benchmark) validate() error {
	if b.ID == "" || strings.ContainsAny(b.ID, " /\t") {
		return fmt.Errorf("id must be non-empty without spaces or slashes")
	}
	if b.Name == "" {
		return fmt.Errorf("name is required")
	}
	if !b.Sector.Valid() {
		return fmt.Errorf("sector %q is not one of %s", b.Sector, legal.SectorList())
	}
	from, err := time.Parse("2006-01-02", b.EffectiveFrom)
	if err != nil {
		return fmt.Errorf("effective_from must be YYYY-MM-DD")
	}
	if b.EffectiveTo != "" {
		to, err := time.Parse("2006-01-02", b.EffectiveTo)
		if err != nil || to.Before(from) {
			return fmt.Errorf("effective_to must be YYYY-MM-DD, not before effective_from")
		}
	}
	if len(b.Items) > 0 && b.PenaltyRef.Item != 0 {
		return fmt.Errorf("items: the penalty already names item %d", b.PenaltyRef.Item)
	}
	for _, it := range b.Items {
		if it.Item <= 0 || it.Label == "" || len(it.Cues) == 0 {
			return fmt.Errorf("items: item %d needs a number, a label and cues", it.Item)
		}
	}
	if b.LawVersion != "" {
		if _, err := time.Parse(time.DateOnly, b.LawVersion); err != nil {
			return fmt.Errorf("law_version must be YYYY-MM-DD (the version_date of the statute version)")
		}
	}
	for _, v := range b.UnchangedIn {
		if _, err := time.Parse(time.DateOnly, v); err != nil || v <= b.LawVersion {
			return fmt.Errorf("unchanged_in %q must be YYYY-MM-DD, the version_date of a later version than law_version", v)
		}
	}
	if b.EffectiveTo == "" && (b.SupersededBy != "" || b.EndedBy != nil || b.NoLongerUnlawful) {
		return fmt.Errorf("superseded_by, ended_by and no_longer_unlawful need effective_to")
	}
	if b.SupersededBy != "" && b.NoLongerUnlawful {
		return fmt.Errorf("superseded_by and no_longer_unlawful exclude each other")
	}
	if r := b.EndedBy; r != nil && (r.Law == "" || r.Article <= 0) {
		return fmt.Errorf("ended_by needs a law and an article")
	}
	if len(b.Violated) == 0 || b.PenaltyRef.Law == "" || b.PenaltyRef.Article <= 0 {
		return fmt.Errorf("violated and penalty provisions are required")
	}
	for _, r := range append([]legal.Ref{b.PenaltyRef}, b.Violated...) {
		if r.Law == "" || r.Article <= 0 || r.Suffix < 0 || r.Paragraph < 0 || r.Item < 0 {
			return fmt.Errorf("provision %+v incomplete", r)
		}
	}
	for k := range b.Flags {
		if _, clash := typeEnv(&Benchmark{})[k]; clash || k == "" {
			return fmt.Errorf("flag %q clashes with a fact name", k)
		}
	}
	if len(b.Penalties) == 0 {
		return fmt.Errorf("at least one penalty is required")
	}
	if _, ok := orderKinds[b.Order]; b.Order != "" && !ok {
		return fmt.Errorf("order %q unknown (known: %s)", b.Order, OrderCompensation)
	}
	if b.LimitationMonths < 0 || (b.LimitationMonths > 0) != (b.LimitationBasis != nil) {
		return fmt.Errorf("limitation_months and limitation_basis go together")
	}
	fines := 0
	for i := range b.Penalties {
		p := &b.Penalties[i]
		known := false
		for _, k := range penaltyKinds {
			known = known || k == p.Kind
		}
		order := b.Order != "" && p.Kind == orderKinds[b.Order]
		if !known && !order {
			return fmt.Errorf("penalty kind %q unknown (行政处罚法 第九条: %s)", p.Kind, strings.Join(penaltyKinds[:], "、"))
		}
		if (p.Kind == "罚款" || order) != (p.Fine != nil) {
			return fmt.Errorf("penalty %s: fine goes with kind 罚款 (or the order's amount) and only with it", p.Kind)
		}
		if p.Fine != nil {
			fines++
			if err := p.Fine.validate(); err != nil {
				return err
			}
		}
		if err := compileExpr(p.When, b); err != nil {
			return err
		}
		if p.Kind == "行政拘留" {
			p.days = detentionDays(p.What + "；" + p.Text)
		}
	}
	if fines > 1 {
		// Alternative fines are written as brackets of one fine.
		return fmt.Errorf("at most one 罚款 per benchmark")
	}
	for i := range b.Factors {
		if err := compileFactor(&b.Factors[i], b); err != nil {
			return fmt.Errorf("line %d: %w", b.Factors[i].When.line(), err)
		}
	}
	if b.Levels != nil {
		if err := b.Levels.validate(); err != nil {
			return fmt.Errorf("levels: %w", err)
		}
	}
	for _, list := range []struct {
		key string
		es  []Element
	}{{"requires", b.Requires}, {"excludes", b.Excludes}, {"yield_if", b.YieldIf}, {"yield_unless", b.YieldUnless}} {
		for i, e := range list.es {
			if err := e.validate(); err != nil {
				return fmt.Errorf("%s %d: %w", list.key, i+1, err)
			}
		}
	}
	for _, y := range b.YieldsTo {
		if strings.TrimSpace(y) == "" || y == b.PenaltyRef.Law || y == b.ID {
			return fmt.Errorf("yields_to %q must name another law or benchmark", y)
		}
	}
	if (len(b.YieldIf) > 0 || len(b.YieldUnless) > 0) && len(b.YieldsTo) == 0 {
		return fmt.Errorf("yield_if and yield_unless need yields_to")
	}
	return nil
}

// validate checks that an element has a label and something that shows it.
func (e Element) validate() error {
	if strings.TrimSpace(e.Label) == "" {
		return fmt.Errorf("element needs a label")
	}
	if len(e.Cues) == 0 && e.Measure == nil && len(e.Measures) == 0 {
		return fmt.Errorf("element %s needs cues or a measure", e.Label)
	}
	for _, c := range e.Cues {
		if strings.Trim(c, " …‥") == "" {
			return fmt.Errorf("element %s: empty cue", e.Label)
		}
	}
	for _, w := range e.NotWithin {
		// A word that holds none of the cues masks nothing: a typo.
		if !MasksCue(w, e.Cues) {
			return fmt.Errorf("element %s: not_within word %q contains none of its cues", e.Label, w)
		}
	}
	for _, p := range e.AllMeasures() {
		if _, known := MeasureLabel(p.Name); !known && p.Name != MeasureExcessPercent && p.Name != MeasureSpeedExcessPercent {
			return fmt.Errorf("element %s: unknown measure %q", e.Label, p.Name)
		}
		if p.GTE == nil && p.LT == nil || p.GTE != nil && p.LT != nil && *p.GTE >= *p.LT || p.GTE != nil && *p.GTE < 0 {
			return fmt.Errorf("element %s: measure needs gte and/or lt with 0 <= gte < lt", e.Label)
		}
	}
	return nil
}

// AllMeasures returns Measure and Measures, the ranges any of which shows
// the element.
func (e Element) AllMeasures() []*MeasureRange {
	var out []*MeasureRange
	if e.Measure != nil {
		out = append(out, e.Measure)
	}
	for i := range e.Measures {
		out = append(out, &e.Measures[i])
	}
	return out
}

// Get returns a benchmark by id or ErrUnknownBenchmark.
func (c *Catalog) Get(id string) (*Benchmark, error) {
	b, ok := c.benchmarks[id]
	if !ok {
		return nil, fmt.Errorf("benchmark %q: %w", id, ErrUnknownBenchmark)
	}
	return b, nil
}

// All returns every benchmark in file order.
func (c *Catalog) All() []*Benchmark { return c.ordered }

// Len returns the number of benchmarks.
func (c *Catalog) Len() int { return len(c.ordered) }

// detentionTerm reads a 拘留 term as statutes write it: 五日以上十日以下拘留,
// 五日以下拘留.
var detentionTerm = regexp.MustCompile(`(?:([一二三四五六七八九十]+)日以上)?([一二三四五六七八九十]+)日以下(?:的)?(?:行政)?拘留`)

// detentionDays returns the term of the first 拘留 in text, or nil.
func detentionDays(text string) *Span {
	m := detentionTerm.FindStringSubmatch(text)
	if m == nil {
		return nil
	}
	max := cnSmall(m[2])
	if max <= 0 {
		return nil
	}
	min := 0
	if m[1] != "" {
		min = cnSmall(m[1])
	}
	if min < 0 || min > max {
		return nil
	}
	return &Span{Min: float64(min), Max: float64(max)}
}

// cnSmall parses a Chinese numeral below one hundred (五, 十, 十五, 二十),
// or returns -1.
func cnSmall(s string) int {
	digit := func(r rune) int {
		for i, d := range []rune("零一二三四五六七八九") {
			if d == r {
				return i
			}
		}
		return -1000 // never a digit: the sum stays negative
	}
	rs := []rune(s)
	switch {
	case len(rs) == 1 && rs[0] == '十':
		return 10
	case len(rs) == 1:
		return digit(rs[0])
	case len(rs) == 2 && rs[0] == '十':
		return 10 + digit(rs[1])
	case len(rs) == 2 && rs[1] == '十':
		return 10 * digit(rs[0])
	case len(rs) == 3 && rs[1] == '十':
		return 10*digit(rs[0]) + digit(rs[2])
	}
	return -1
}

// MasksCue reports whether the not_within word w holds one of cues (of a
// cue with parts, its opening: 被拆除 for 拆除…护栏, whose opening's place
// is what the word is tested against) and is longer: a word that masks
// nothing is a typo.
func MasksCue(w string, cues []string) bool {
	return slices.ContainsFunc(cues, func(c string) bool {
		if k := strings.IndexAny(c, "…‥"); k >= 0 {
			c = strings.TrimSpace(c[:k])
		}
		return c != "" && strings.Contains(w, c) && w != c
	})
}
