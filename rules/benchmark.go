package rules

import (
	"fmt"

	"github.com/cailiang/cailiang/legal"
	"github.com/expr-lang/expr/vm"
	"gopkg.in/yaml.v3"
)

// Basis is a citation with the role it plays in a suggestion.
type Basis struct {
	legal.Ref `yaml:",inline"`
	Role      string `json:"role"`
}

// Roles of a Basis.
const (
	RoleViolated   = "violated"
	RolePenalty    = "penalty"
	RoleProcedure  = "procedure"
	RoleDiscretion = "discretion"
)

// Amount bases a fine can be a multiple of.
var amountBases = map[string]string{
	"goods_value":     "货值金额",
	"illegal_gains":   "违法所得",
	"sales_amount":    "销售金额",
	"illegal_revenue": "违法经营额",
	"ad_cost":         "广告费用",
	"tax_evaded":      "不缴或者少缴的税款",
	// tax_unwithheld is a withholding agent's 应扣未扣、应收未收税款 (税收征收管理法
	// 第六十九条): the facts read it as the tax amount (tax_evaded) they
	// state; its own name keeps the bracket's condition in the statute's
	// words when the amount is not stated.
	"tax_unwithheld":   "应扣未扣、应收未收税款",
	"wages_owed":       "应付劳动报酬",
	"project_cost":     "工程造价或者建设工程造价",
	"total_investment": "建设项目总投资额",
	// disposal_cost is 所需处置费用 or 代为处置费用 (固体废物污染环境防治法
	// 第一百一十二条第二款, 第一百一十三条).
	"disposal_cost": "所需处置费用",
	// social_insurance_fee is 应缴社会保险费数额 (社会保险法 第八十四条) or
	// 欠缴数额 (第八十六条): the facts of each kind name the one it needs.
	"social_insurance_fee": "应缴或者欠缴的社会保险费数额",
	"wages_underreported":  "瞒报工资数额",
	// fee_due is 应缴纳的费用: the 交强险 premium at the minimum limit
	// (道路交通安全法 第九十八条) or the dumping fee of a provision entry.
	"fee_due": "应缴纳的费用（保险费）",
	// contract_price is 工程合同价款 (建设工程质量管理条例).
	"contract_price": "工程合同价款",
	// purchase_amount is 进货总额 (烟草专卖法实施条例 第五十六条).
	"purchase_amount": "进货总额",
	// original_fine is 原处罚数额: 按日连续处罚 multiplies it by the days
	// (环境保护法 第五十九条, 安全生产法 第一百一十二条).
	"original_fine": "原处罚数额",
	// annual_income is a person's 上一年年收入 (安全生产法 第九十五条: the
	// 主要负责人's fine for an accident, a percentage by its tier).
	"annual_income": "上一年年收入",
	// reclamation_fee is 耕地开垦费 or 土地复垦费 (土地管理法实施条例 第五十一、
	// 五十二、五十五、五十六条 multiply it): an amount in yuan and fen.
	"reclamation_fee": "耕地开垦费或者土地复垦费",
	// invoice_amount is 虚开金额 (发票管理办法 第三十五条).
	"invoice_amount": "虚开金额",
	// mineral_value is 违法采出的矿产品市场价值 (矿产资源法 2024年修订 第六十四条).
	"mineral_value": "违法采出的矿产品市场价值",
}

// ItemCue is one item of a penalty article a benchmark encodes with
// others, and the phrases that show it.
type ItemCue struct {
	Item  int      `yaml:"item" json:"item"`
	Label string   `yaml:"label" json:"label"`
	Cues  []string `yaml:"cues" json:"cues"`
}

// BaseLabel returns the Chinese name of an amount base or a unit base
// (goods_value → 货值金额, persons → 人数), or "" for another name.
func BaseLabel(name string) string {
	if l, ok := amountBases[name]; ok {
		return l
	}
	return unitBases[name]
}

// Unit bases a fine can be per (每人, 每辆, 每日 …).
var unitBases = map[string]string{
	"quantity": "数量",
	"persons":  "人数",
	"days":     "日数",
	"vehicles": "车辆数",
}

// Span is a range of yuan or of multiples; Min may be 0 ("以下").
type Span struct {
	Min float64 `yaml:"min" json:"min"`
	Max float64 `yaml:"max" json:"max"`
}

// Bracket is one step of a fine that depends on its base: it applies when
// the base is below LT (不足, exclusive), at or above GTE (以上, inclusive),
// or absent/zero (None: 没有违法所得的). Exactly one of Range, Multiple,
// PerUnit gives the fine.
type Bracket struct {
	LT       *float64 `yaml:"lt,omitempty" json:"lt,omitempty"`
	GTE      *float64 `yaml:"gte,omitempty" json:"gte,omitempty"`
	None     bool     `yaml:"none,omitempty" json:"none,omitempty"`
	Range    *Span    `yaml:"range,omitempty" json:"range,omitempty"`
	Multiple *Span    `yaml:"multiple,omitempty" json:"multiple,omitempty"`
	PerUnit  *Span    `yaml:"per_unit,omitempty" json:"per_unit,omitempty"`
	// Unit names the unit base for PerUnit (quantity, persons, days,
	// vehicles); with Multiple it multiplies the base by the count (按日连续
	// 处罚: 原处罚数额 × 日数).
	Unit string `yaml:"unit,omitempty" json:"unit,omitempty"`
	// Text quotes the statute's words for this bracket, shown in the trace.
	Text string `yaml:"text,omitempty" json:"text,omitempty"`
}

// Fine is the 罚款 of a benchmark: a fixed range, a multiple of a base, a
// per-unit amount, or brackets over the base.
type Fine struct {
	// Base names the amount multiples and brackets refer to (goods_value …).
	Base     string `yaml:"base,omitempty" json:"base,omitempty"`
	Range    *Span  `yaml:"range,omitempty" json:"range,omitempty"`
	Multiple *Span  `yaml:"multiple,omitempty" json:"multiple,omitempty"`
	PerUnit  *Span  `yaml:"per_unit,omitempty" json:"per_unit,omitempty"`
	Unit     string `yaml:"unit,omitempty" json:"unit,omitempty"`
	// UnitLabel names in Chinese what a "quantity" unit counts for this
	// fine (童工人数×使用月数, 非法占用土地面积（平方米）), where the generic
	// 数量 would not tell the officer what to establish.
	UnitLabel string    `yaml:"unit_label,omitempty" json:"unit_label,omitempty"`
	Brackets  []Bracket `yaml:"brackets,omitempty" json:"brackets,omitempty"`
	// Round rounds suggested amounts to this many yuan (default 1).
	Round float64 `yaml:"round,omitempty" json:"round,omitempty"`
}

// Penalty is one penalty kind a benchmark imposes, optionally only when a
// condition holds (吊销许可证 when 情节严重).
type Penalty struct {
	Kind string `yaml:"kind" json:"kind,omitempty"`
	// What names the object (没收违法生产经营的食品 …) or the term.
	What string `yaml:"what,omitempty" json:"what,omitempty"`
	Fine *Fine  `yaml:"fine,omitempty" json:"fine,omitempty"`
	When *Expr  `yaml:"when,omitempty" json:"when,omitempty"`
	// Text quotes the statute's words, shown in the trace.
	Text string `yaml:"text,omitempty" json:"text,omitempty"`

	// days is a 行政拘留's term in days, read from What or Text at load.
	days *Span
}

// Factor is a circumstance (情节) written as a condition over the facts.
type Factor struct {
	ID   string `yaml:"id" json:"id,omitempty"`
	Name string `yaml:"name" json:"name,omitempty"`
	When *Expr  `yaml:"when" json:"when,omitempty"`
	// Effect is lighter (从轻情节), lighter_or_mitigated (a 从轻情节 the statute
	// words 从轻、减轻或者不予处罚) or heavier (从重情节).
	Effect string     `yaml:"effect" json:"effect,omitempty"`
	Basis  *legal.Ref `yaml:"basis,omitempty" json:"basis,omitempty"`
}

// Levels splits a range into 从轻, 一般 and 从重 as fractions of max − min.
type Levels struct {
	Lighter [2]float64 `yaml:"从轻" json:"从轻"`
	Normal  [2]float64 `yaml:"一般" json:"一般"`
	Heavier [2]float64 `yaml:"从重" json:"从重"`
}

// defaultLevels is the common convention: lowest 30 %, middle 40 %, top 30 %.
var defaultLevels = Levels{Lighter: [2]float64{0, 0.3}, Normal: [2]float64{0.3, 0.7}, Heavier: [2]float64{0.7, 1}}

// Benchmark is one discretion benchmark for one violation type.
type Benchmark struct {
	ID          string       `yaml:"id" json:"id,omitempty"`
	Name        string       `yaml:"name" json:"name,omitempty"`
	Sector      legal.Sector `yaml:"sector" json:"sector,omitempty"`
	Region      string       `yaml:"region,omitempty" json:"region,omitempty"`
	Keywords    []string     `yaml:"keywords,omitempty" json:"keywords,omitempty"`
	Description string       `yaml:"description,omitempty" json:"description,omitempty"`
	// EffectiveFrom / EffectiveTo (YYYY-MM-DD) bound the acts it applies
	// to: from the first day, up to but not including the last. An
	// EffectiveTo is the day the law it was written for stopped applying
	// (amended, superseded or repealed).
	EffectiveFrom string `yaml:"effective_from" json:"effective_from,omitempty"`
	EffectiveTo   string `yaml:"effective_to,omitempty" json:"effective_to,omitempty"`
	// LawVersion is the version_date (YYYY-MM-DD) of the statute version
	// the benchmark was written for. Empty means the version in force on
	// the day the catalog was written (Config.WrittenOn; the built-in
	// catalog sets it); see WrittenFor.
	LawVersion string `yaml:"law_version,omitempty" json:"law_version,omitempty"`
	// UnchangedIn lists the version_dates of later versions of the law in
	// which every provision the benchmark cites reads word for word as in the
	// version it was written for (食品安全法 2025 修正 left 第一百二十二条 as it
	// was): the benchmark carries on across them instead of being
	// duplicated, and a test compares the texts.
	UnchangedIn []string `yaml:"unchanged_in,omitempty" json:"unchanged_in,omitempty"`
	// SupersededBy names the benchmark written for the law that replaced
	// this one's from EffectiveTo on (the same conduct under the new
	// article). An EffectiveTo without it means the successor is still to
	// be written: the benchmark needs review for acts after that day.
	SupersededBy string `yaml:"superseded_by,omitempty" json:"superseded_by,omitempty"`
	// EndedBy cites the provision that ended the law the benchmark was
	// written for: the repealing law's article (生态环境法典 第一千二百四十二条)
	// or the new version's commencement article.
	EndedBy *legal.Ref `yaml:"ended_by,omitempty" json:"ended_by,omitempty"`
	// NoLongerUnlawful says that from EffectiveTo on the law no longer
	// treats the conduct as a violation (行政处罚法 第三十七条 不认为是违法).
	NoLongerUnlawful bool        `yaml:"no_longer_unlawful,omitempty" json:"no_longer_unlawful,omitempty"`
	Violated         []legal.Ref `yaml:"violated" json:"violated,omitempty"`
	PenaltyRef       legal.Ref   `yaml:"penalty" json:"penalty,omitempty"`
	Penalties        []Penalty   `yaml:"penalties" json:"penalties,omitempty"`
	Factors          []Factor    `yaml:"factors,omitempty" json:"factors,omitempty"`
	// Flags declares benchmark-specific yes/no facts usable in conditions.
	Flags map[string]string `yaml:"flags,omitempty" json:"flags,omitempty"`
	// Levels overrides the catalog's split for this benchmark.
	Levels *Levels `yaml:"levels,omitempty" json:"levels,omitempty"`
	// FaultException marks laws that punish without fault, so 行政处罚法
	// 第三十三条第二款 does not apply ("法律、行政法规另有规定的，从其规定").
	FaultException bool `yaml:"fault_exception,omitempty" json:"fault_exception,omitempty"`
	// CoercesOthers marks conduct that is itself coercing or instructing
	// another person (强迫驾驶人违反安全驾驶要求驾驶, 指使、强令驾驶人超限运输):
	// the coercion the facts describe is the violation, so 行政处罚法
	// 第三十二条第（二）项 (受他人胁迫) does not mitigate it.
	CoercesOthers bool `yaml:"coerces_others,omitempty" json:"coerces_others,omitempty"`
	// SeriousTier marks the 情节严重 (or 情节较重) tier of a provision, a
	// benchmark of its own: the catalog's common circumstance 情节严重 is
	// no ground for raising it, its own element already (commonFactorSpent).
	SeriousTier bool `yaml:"serious_tier,omitempty" json:"serious_tier,omitempty"`
	// Evidence lists what the file should contain (used by case analysis).
	Evidence []string `yaml:"evidence,omitempty" json:"evidence,omitempty"`
	// LimitationMonths overrides the two-year limitation of 行政处罚法
	// 第三十六条 where a law provides otherwise ("法律另有规定的除外"), e.g.
	// 治安管理处罚法 第二十二条 (six months) or 税收征收管理法 第八十六条
	// (five years); LimitationBasis cites that law.
	LimitationMonths int        `yaml:"limitation_months,omitempty" json:"limitation_months,omitempty"`
	LimitationBasis  *legal.Ref `yaml:"limitation_basis,omitempty" json:"limitation_basis,omitempty"`
	// Transfer names the crime the conduct may amount to (used by case analysis).
	Transfer string `yaml:"transfer,omitempty" json:"transfer,omitempty"`
	// Requires are the elements that distinguish this provision from its
	// neighbours: each must be shown by the facts (产品质量法 第五十条:
	// 掺杂掺假、以假充真、以次充好、以不合格产品冒充合格产品). A match whose
	// facts do not show one is demoted and says so.
	Requires []Element `yaml:"requires,omitempty" json:"requires,omitempty"`
	// Excludes are elements whose presence rules this provision out in
	// favour of a neighbour (一般工业固体废物 is not 危险废物).
	Excludes []Element `yaml:"excludes,omitempty" json:"excludes,omitempty"`
	// YieldsTo names the special laws (or benchmark ids) that prevail over
	// this general provision when both fit the facts (药品管理法 over
	// 产品质量法 for 假药、劣药).
	YieldsTo []string `yaml:"yields_to,omitempty" json:"yields_to,omitempty"`
	// Order marks a benchmark whose measure is an administrative order
	// (行政命令), not a 行政处罚 of 行政处罚法 第九条: OrderCompensation for
	// 责令加付赔偿金 (劳动合同法 第八十五条, 劳动保障监察条例 第二十六条).
	// Its amount is computed like a fine but named by the order's kind, and
	// the penalty rules (不予处罚, 从轻减轻, 听证, 公示) do not apply.
	Order string `yaml:"order,omitempty" json:"order,omitempty"`
	// YieldIf and YieldUnless make YieldsTo conditional: the provision
	// then yields only where the facts show every element of YieldIf and
	// none of YieldUnless. 殴打他人 yields to 扰乱秩序 when the only force
	// the facts show is the lightest (推搡, 拉扯) and the disruption
	// provision fits; a blow or an injury keeps it 殴打. The condition is
	// the evidence, so the provision yielded to need not score near it.
	YieldIf     []Element `yaml:"yield_if,omitempty" json:"yield_if,omitempty"`
	YieldUnless []Element `yaml:"yield_unless,omitempty" json:"yield_unless,omitempty"`
	// ReadsClaims marks a benchmark on making a claim (an advertisement,
	// a rumour or false report, false publicity, disparagement, a price
	// fraud): its elements read the content of what the party claimed
	// (nlp.ClaimSpans: 宣称“治愈率100%”, 散布“化工厂爆炸”的谣言). Any other
	// benchmark's elements do not: what a claim says did not happen.
	ReadsClaims bool `yaml:"reads_claims,omitempty" json:"reads_claims,omitempty"`
	// ConcurrentWith names the benchmarks whose provisions the same act can
	// violate together with this one (行政处罚法 第二十九条: one act, one
	// fine, under the provision whose fine is heavier): a chemical a food
	// may not hold is both 非食用物质 (食品安全法 第一百二十三条) and a
	// residue over its limit (第一百二十四条). Where both fit the facts, case analysis ranks first the one whose statutory fine
	// the facts make heavier. Either side may name the other.
	ConcurrentWith []string `yaml:"concurrent_with,omitempty" json:"concurrent_with,omitempty"`
	// Items tell, for a benchmark that encodes several items of its
	// penalty article together (劳动保障监察条例 第二十三条's eight, one fine
	// for all), which item the facts show: case analysis cites the first
	// item whose cues the text holds, and the article alone when none does.
	// PenaltyRef then names no item.
	Items []ItemCue `yaml:"items,omitempty" json:"items,omitempty"`

	file string
	line int
}

// Source returns the catalog file and line the benchmark was read from.
func (b *Benchmark) Source() (string, int) { return b.file, b.line }

// Element is one constituent fact that tells a provision from its
// neighbours. It is shown when one of Cues (phrases officers write for it,
// "…" joining parts that follow each other in one sentence, "‥" parts that
// follow each other in one clause, before a comma) occurs in the
// facts and is not negated, or when a number the facts state lies in
// Measure (超过核定载质量百分之三十 from 超载45%; 血液酒精含量 80 毫克以上).
type Element struct {
	// Label names the element in the explanation (以次充好, 危险废物).
	Label   string        `yaml:"label" json:"label"`
	Cues    []string      `yaml:"cues,omitempty" json:"cues,omitempty"`
	Measure *MeasureRange `yaml:"measure,omitempty" json:"measure,omitempty"`
	// Measures are further ranges, any of which shows the element as
	// Measure does: one element of a statute may be met by two numbers
	// (不满十四周岁的人或者七十周岁以上的人).
	Measures []MeasureRange `yaml:"measures,omitempty" json:"measures,omitempty"`
	// NotWithin lists words that contain a short cue without meaning it
	// (米 in 平方米, 果 in 危害后果): an occurrence of a cue inside one of
	// them does not show the element.
	NotWithin []string `yaml:"not_within,omitempty" json:"not_within,omitempty"`
	// Inspected marks an element that names what an inspection was of
	// (大气污染物或者大气污染防治设施的检查) in a benchmark on refusing or
	// obstructing it: the object of the officers' measure in the clause that
	// dates a refusal (检查其破碎生产线粉尘治理情况时，当事人拒不接受监督检查)
	// tells whose inspection was refused, so that clause shows the element.
	Inspected bool `yaml:"inspected,omitempty" json:"inspected,omitempty"`
	// Tier marks an exclusion that is the aggravated tier's own
	// circumstance (情节较重 shown by what the facts count: 三辆轿车,
	// 抽头渔利六千元, 抢夺方向盘): the facts move the case from this tier to
	// the aggravated tier of the same penalty article, which takes this
	// one's place, as a reviewer decides the tier by the circumstance and
	// not by the words the two tiers share.
	Tier bool `yaml:"tier,omitempty" json:"tier,omitempty"`
	// Essential marks a required element without which the provision is
	// not this case's at all, however much else the text shares with it:
	// 禁止使用童工规定 needs the child employed (招用、使用其劳动), so a minor's
	// own act or a venue admitting one (网吧接纳未满十六周岁的学生) rules the
	// child-labour benchmarks out, as an excluding element would.
	Essential bool `yaml:"essential,omitempty" json:"essential,omitempty"`
}

// MeasureExcessPercent is the excess ratio the facts state, in percent
// (超载45%, 超过规定时速百分之五十, or computed from 核定载质量 and the actual
// load), for elements' measure ranges.
const MeasureExcessPercent = "excess_percent"

// MeasureSpeedExcessPercent is the excess of a speed over its limit only
// (超速60%, 限速60公里…时速95公里): a load or a count of passengers over
// its rating (七座商务车载客十一人) is no speed, so 第九十九条第一款第（四）项
// and 第九十条's exclusion of it read this measure, not MeasureExcessPercent.
const MeasureSpeedExcessPercent = "speed_excess_percent"

// MeasureRange is a range of a numeric fact: the measure's name
// (MeasureExcessPercent or one of the transfer measures, blood_alcohol …),
// at least GTE, below LT; either bound may be absent.
type MeasureRange struct {
	Name string   `yaml:"name" json:"name"`
	GTE  *float64 `yaml:"gte,omitempty" json:"gte,omitempty"`
	LT   *float64 `yaml:"lt,omitempty" json:"lt,omitempty"`
}

// Contains reports whether v lies in the range.
func (r *MeasureRange) Contains(v float64) bool {
	return (r.GTE == nil || v >= *r.GTE) && (r.LT == nil || v < *r.LT)
}

// Expr is a condition over facts in expr-lang syntax, compiled and
// type-checked when the catalog loads.
type Expr struct {
	Src  string
	Line int
	prog *vm.Program
}

// UnmarshalYAML keeps the source line for error messages.
func (e *Expr) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("line %d: condition must be a string", n.Line)
	}
	e.Src, e.Line = n.Value, n.Line
	return nil
}

// MarshalJSON shows the source.
func (e *Expr) MarshalJSON() ([]byte, error) { return []byte(fmt.Sprintf("%q", e.Src)), nil }
