package rules

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"sync"
	"time"

	"github.com/cailiang/cailiang/jsoninput"
)

// Facts are what an officer (or fact extraction) knows about a case. Every
// field is optional; amounts are yuan.
type Facts struct {
	// PartyKind is 个人, 个体工商户 or 单位.
	PartyKind string `json:"party_kind,omitempty"`
	// Age of an individual party at the time of the act.
	Age *float64 `json:"age,omitempty"`

	GoodsValue     *float64 `json:"goods_value,omitempty"`
	IllegalGains   *float64 `json:"illegal_gains,omitempty"`
	SalesAmount    *float64 `json:"sales_amount,omitempty"`
	IllegalRevenue *float64 `json:"illegal_revenue,omitempty"`
	AdCost         *float64 `json:"ad_cost,omitempty"`
	TaxEvaded      *float64 `json:"tax_evaded,omitempty"`
	WagesOwed      *float64 `json:"wages_owed,omitempty"`
	ProjectCost    *float64 `json:"project_cost,omitempty"`
	// TotalInvestment is a construction project's total investment.
	TotalInvestment *float64 `json:"total_investment,omitempty"`
	// DisposalCost is 所需处置费用 (or 代为处置费用) of solid waste.
	DisposalCost *float64 `json:"disposal_cost,omitempty"`
	// SocialInsuranceFee is the social-insurance contributions due or in
	// arrears, the base of 社会保险法 第八十四、八十六条.
	SocialInsuranceFee *float64 `json:"social_insurance_fee,omitempty"`
	// WagesUnderreported is the wages left out of a contribution
	// declaration (劳动保障监察条例 第二十七条第一款).
	WagesUnderreported *float64 `json:"wages_underreported,omitempty"`
	// FeeDue is a fee the party should have paid and the fine multiplies:
	// the 交强险 premium at the minimum limit (道路交通安全法 第九十八条).
	FeeDue *float64 `json:"fee_due,omitempty"`
	// ContractPrice is 工程合同价款 (建设工程质量管理条例 第五十七条 and after).
	ContractPrice *float64 `json:"contract_price,omitempty"`
	// PurchaseAmount is 进货总额, what a licensed tobacco retailer bought
	// outside the local wholesaler (烟草专卖法实施条例 第五十六条).
	PurchaseAmount *float64 `json:"purchase_amount,omitempty"`
	// ReclamationFee is 耕地开垦费 or 土地复垦费 (土地管理法实施条例 第五十一、
	// 五十二、五十五、五十六条 multiply it).
	ReclamationFee *float64 `json:"reclamation_fee,omitempty"`
	// AnnualIncome is a person's 上一年年收入 (安全生产法 第九十五条、第九十六条、
	// 第一百一十条 fine a percentage of it).
	AnnualIncome *float64 `json:"annual_income,omitempty"`
	// InvoiceAmount is 虚开金额, the amount on invoices issued without a real
	// transaction (发票管理办法 第三十五条 sets its brackets by it).
	InvoiceAmount *float64 `json:"invoice_amount,omitempty"`
	// MineralValue is 违法采出的矿产品市场价值 (矿产资源法 第六十四条 fines a
	// multiple of it).
	MineralValue *float64 `json:"mineral_value,omitempty"`
	// OriginalFine is the fine of the decision a 按日连续处罚 continues.
	OriginalFine *float64 `json:"original_fine,omitempty"`
	Quantity     *float64 `json:"quantity,omitempty"`
	Persons      *float64 `json:"persons,omitempty"`
	Days         *float64 `json:"days,omitempty"`
	Vehicles     *float64 `json:"vehicles,omitempty"`

	// ActDate is when the act happened, ActEndDate when a continuing act
	// ended, DiscoveryDate when the agency discovered it (立案 or earlier).
	ActDate       string `json:"act_date,omitempty"`
	ActEndDate    string `json:"act_end_date,omitempty"`
	DiscoveryDate string `json:"discovery_date,omitempty"`
	// DecisionDate is when the penalty decision is (to be) made; empty
	// means today. With ActDate it decides which version of the law
	// applies (行政处罚法 第三十七条).
	DecisionDate string `json:"decision_date,omitempty"`

	// PriorPenalties counts earlier penalties for the same kind of act;
	// PriorPenalties2Y those within the two years before this act.
	PriorPenalties   *float64 `json:"prior_penalties,omitempty"`
	PriorPenalties2Y *float64 `json:"prior_penalties_2y,omitempty"`

	// 行政处罚法 第三十三条: first violation, harm slight, corrected in time;
	// minor violation with no harm; no subjective fault proved.
	FirstViolation  bool `json:"first_violation,omitempty"`
	MinorViolation  bool `json:"minor_violation,omitempty"`
	HarmSlight      bool `json:"harm_slight,omitempty"`
	NoHarm          bool `json:"no_harm,omitempty"`
	CorrectedInTime bool `json:"corrected_in_time,omitempty"`
	NoFault         bool `json:"no_fault,omitempty"`
	// MentalState: "" or none, unable (第三十一条: 不能辨认或者不能控制),
	// lucid (间歇性精神病人在精神正常时), partial (尚未完全丧失辨认或者控制能力).
	MentalState string `json:"mental_state,omitempty"`
	// 行政处罚法 第三十二条 circumstances.
	SelfRemovedHarm bool `json:"self_removed_harm,omitempty"`
	Coerced         bool `json:"coerced,omitempty"`
	Confessed       bool `json:"confessed,omitempty"`
	Meritorious     bool `json:"meritorious,omitempty"`
	// Cooperated (配合调查) and Serious (情节严重) feed benchmark factors.
	Cooperated bool `json:"cooperated,omitempty"`
	Serious    bool `json:"serious,omitempty"`
	// 行政处罚法 第三十六条: life and health or financial safety involved,
	// with harmful consequences, lengthens the limitation to five years.
	LifeHealth         bool `json:"life_health,omitempty"`
	FinancialSafety    bool `json:"financial_safety,omitempty"`
	HarmfulConsequence bool `json:"harmful_consequence,omitempty"`
	// Continuing: the act is in a continuing or continued state (至今未拆除,
	// 持续排放); the limitation of 第三十六条第二款 runs from its end.
	Continuing bool `json:"continuing,omitempty"`
	// Declined: the text records the agency's decision not to penalise
	// (依据…，决定不予行政处罚), as published decisions do.
	Declined bool `json:"declined,omitempty"`
	// Mitigate asks for 减轻 (below the minimum) where 第三十二条 allows it.
	Mitigate bool `json:"mitigate,omitempty"`

	// Under holds, per base (goods_value …), the limit the facts state it
	// is under when they do not state the figure (货值金额不足一万元): the
	// fine's bracket wholly below that limit applies when it is a fixed
	// range; otherwise every bracket stays open.
	Under map[string]float64 `json:"under,omitempty"`

	// Flags are the benchmark's own yes/no facts (see Benchmark.Flags).
	Flags map[string]bool `json:"flags,omitempty"`
	// AlsoViolates lists other benchmark ids the same act violates
	// (行政处罚法 第二十九条: one act, one fine, the higher one).
	AlsoViolates []string `json:"also_violates,omitempty"`
}

// FactError is a bad fact: it names the field.
type FactError struct {
	Field   string
	Message string
}

func (e *FactError) Error() string { return "facts." + e.Field + ": " + e.Message }

// ErrInvalidFacts is wrapped by every FactError.
var ErrInvalidFacts = errors.New("invalid facts")

// Unwrap makes errors.Is(err, ErrInvalidFacts) hold.
func (e *FactError) Unwrap() error { return ErrInvalidFacts }

// DecodeFacts reads facts strictly: unknown fields, wrong types and
// numbers out of range are FactErrors naming the field (Field empty when
// the facts are not an object at all), worded without Go type names.
func DecodeFacts(raw []byte) (Facts, error) {
	var f Facts
	if len(bytes.TrimSpace(raw)) == 0 {
		return f, nil
	}
	if err := jsoninput.DecodeStrict(raw, &f); err != nil {
		e := jsoninput.Explain(err)
		msg := e.Message
		if msg == "未知字段" {
			msg = "未知事实字段"
		}
		return Facts{}, &FactError{e.Field, msg}
	}
	return f, nil
}

// amountField is an amount or count field with its JSON name and the name
// of its given-or-not variable in conditions.
type amountField struct {
	name, has string
	v         *float64
}

// amounts lists the amount and count fields. An array, so that the callers
// (one per suggestion and condition environment) allocate nothing.
func (f *Facts) amounts() [27]amountField {
	return [...]amountField{
		{"goods_value", "has_goods_value", f.GoodsValue}, {"illegal_gains", "has_illegal_gains", f.IllegalGains},
		{"sales_amount", "has_sales_amount", f.SalesAmount}, {"illegal_revenue", "has_illegal_revenue", f.IllegalRevenue},
		{"ad_cost", "has_ad_cost", f.AdCost}, {"tax_evaded", "has_tax_evaded", f.TaxEvaded},
		// The tax a withholding agent did not withhold is the tax amount the
		// facts state (应扣未扣个人所得税5万元 reads as tax_evaded).
		{"tax_unwithheld", "has_tax_unwithheld", f.TaxEvaded},
		{"wages_owed", "has_wages_owed", f.WagesOwed}, {"project_cost", "has_project_cost", f.ProjectCost},
		{"total_investment", "has_total_investment", f.TotalInvestment}, {"disposal_cost", "has_disposal_cost", f.DisposalCost},
		{"social_insurance_fee", "has_social_insurance_fee", f.SocialInsuranceFee},
		{"wages_underreported", "has_wages_underreported", f.WagesUnderreported},
		{"fee_due", "has_fee_due", f.FeeDue}, {"contract_price", "has_contract_price", f.ContractPrice},
		{"purchase_amount", "has_purchase_amount", f.PurchaseAmount}, {"reclamation_fee", "has_reclamation_fee", f.ReclamationFee},
		{"annual_income", "has_annual_income", f.AnnualIncome},
		{"invoice_amount", "has_invoice_amount", f.InvoiceAmount},
		{"mineral_value", "has_mineral_value", f.MineralValue},
		{"original_fine", "has_original_fine", f.OriginalFine}, {"quantity", "has_quantity", f.Quantity},
		{"persons", "has_persons", f.Persons}, {"days", "has_days", f.Days}, {"vehicles", "has_vehicles", f.Vehicles},
		{"prior_penalties", "has_prior_penalties", f.PriorPenalties},
		{"prior_penalties_2y", "has_prior_penalties_2y", f.PriorPenalties2Y},
	}
}

// Amount returns an amount or count by its JSON name (goods_value,
// persons …) and whether it was given; names of other facts are never
// given.
func (f *Facts) Amount(name string) (float64, bool) {
	for _, a := range f.amounts() {
		if a.name == name && a.v != nil {
			return *a.v, true
		}
	}
	return 0, false
}

const maxAmount = 1e13

func parseDate(field, s string) (time.Time, error) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return t, &FactError{field, "日期格式应为 YYYY-MM-DD"}
	}
	if t.Year() < 1949 || t.Year() > 2200 {
		return t, &FactError{field, "日期超出合理范围"}
	}
	return t, nil
}

// Validate checks facts against a benchmark: amounts non-negative and finite,
// counts whole, age plausible, dates valid and ordered, flags declared, party
// kind and mental state known. It returns a *FactError naming the field.
func (f *Facts) Validate(b *Benchmark, known func(id string) bool) error {
	for _, a := range f.amounts() {
		if a.v == nil {
			continue
		}
		v := *a.v
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
			return &FactError{a.name, "不能为负数或非数值"}
		}
		if v > maxAmount {
			return &FactError{a.name, "数值过大"}
		}
		if _, isBase := amountBases[a.name]; !isBase && v != math.Trunc(v) {
			return &FactError{a.name, "应为整数"}
		}
	}
	for name, v := range f.Under {
		if _, isBase := amountBases[name]; !isBase {
			return &FactError{"under", "“" + name + "”不是罚款基数"}
		}
		if math.IsNaN(v) || math.IsInf(v, 0) || v <= 0 || v > maxAmount {
			return &FactError{"under", "上限应为正数"}
		}
	}
	if f.Age != nil {
		if a := *f.Age; math.IsNaN(a) || a < 0 || a > 130 {
			return &FactError{"age", "年龄应在 0 到 130 岁之间"}
		}
		if f.PartyKind == "单位" {
			return &FactError{"age", "单位当事人没有年龄"}
		}
	}
	switch f.PartyKind {
	case "", "个人", "个体工商户", "单位":
	default:
		return &FactError{"party_kind", "应为 个人、个体工商户 或 单位"}
	}
	switch f.MentalState {
	case "", "none", "unable", "lucid", "partial":
	default:
		return &FactError{"mental_state", "应为 none、unable、lucid 或 partial"}
	}
	var dates = map[string]time.Time{}
	for _, d := range []struct{ field, v string }{{"act_date", f.ActDate}, {"act_end_date", f.ActEndDate}, {"discovery_date", f.DiscoveryDate}, {"decision_date", f.DecisionDate}} {
		if d.v == "" {
			continue
		}
		t, err := parseDate(d.field, d.v)
		if err != nil {
			return err
		}
		dates[d.field] = t
	}
	if a, ok := dates["act_date"]; ok {
		if e, ok := dates["act_end_date"]; ok && e.Before(a) {
			return &FactError{"act_end_date", "持续行为的终了日期早于行为开始日期"}
		}
		if d, ok := dates["discovery_date"]; ok && d.Before(a) {
			return &FactError{"discovery_date", "发现日期早于违法行为日期"}
		}
		if d, ok := dates["decision_date"]; ok && d.Before(a) {
			return &FactError{"decision_date", "处罚决定日期早于违法行为日期"}
		}
	}
	if unknown, ok := firstUnknownFlag(f.Flags, b.Flags); ok {
		return &FactError{"flags." + unknown, "该裁量基准未定义此情节"}
	}
	for i, id := range f.AlsoViolates {
		if id == b.ID || !known(id) {
			return &FactError{fmt.Sprintf("also_violates[%d]", i), "未知或重复的裁量基准编号"}
		}
	}
	return nil
}

// firstUnknownFlag returns the alphabetically first flag of given that
// declared lacks (false when there is none), as sorting the names and
// testing them in order did, without building the sorted list: every
// suggestion validates its flags, and nearly all are declared.
func firstUnknownFlag(given map[string]bool, declared map[string]string) (string, bool) {
	first, found := "", false
	for k := range given {
		if _, ok := declared[k]; !ok && (!found || k < first) {
			first, found = k, true
		}
	}
	return first, found
}

// env builds the variables conditions see: every fact under its JSON name
// (absent amounts read as 0, absent flags as false), plus has_<amount> for
// the amounts that were given.
func (f *Facts) env(b *Benchmark) map[string]any {
	amounts := f.amounts()
	// Sized for every key below: a map that outgrows its hint rehashes,
	// which cost more than filling it (the engine builds one per
	// suggestion). A map the engine gave back (releaseEnv) is reused: the
	// engine's maps were a twentieth of an analysis's bytes.
	m, _ := envMaps.Get().(map[string]any)
	if m == nil {
		m = make(map[string]any, 2*len(amounts)+envOtherFacts+len(b.Flags))
	}
	for _, a := range amounts {
		v := 0.0
		if a.v != nil {
			v = *a.v
		}
		m[a.name] = v
		m[a.has] = a.v != nil
	}
	age := -1.0
	if f.Age != nil {
		age = *f.Age
	}
	m["age"] = age
	m["party_kind"] = f.PartyKind
	// Assigned one by one: a map literal to range over would be built on
	// every call.
	m["first_violation"], m["minor_violation"], m["harm_slight"] = f.FirstViolation, f.MinorViolation, f.HarmSlight
	m["no_harm"], m["corrected_in_time"], m["no_fault"] = f.NoHarm, f.CorrectedInTime, f.NoFault
	m["self_removed_harm"], m["coerced"], m["confessed"] = f.SelfRemovedHarm, f.Coerced, f.Confessed
	m["meritorious"], m["cooperated"], m["serious"] = f.Meritorious, f.Cooperated, f.Serious
	m["life_health"], m["financial_safety"], m["harmful_consequence"] = f.LifeHealth, f.FinancialSafety, f.HarmfulConsequence
	for k := range b.Flags {
		m[k] = f.Flags[k]
	}
	return m
}

// envMaps holds condition environments given back after a suggestion.
var envMaps sync.Pool

// releaseEnv gives back an environment env built, once nothing reads it
// any more (the conditions run synchronously and keep no reference).
func releaseEnv(m map[string]any) {
	clear(m)
	envMaps.Put(m)
}

// envOtherFacts counts the facts env sets besides the amounts and the
// benchmark's flags: age, party_kind and fifteen circumstances.
const envOtherFacts = 17

// typeEnv is the environment conditions are type-checked against at load.
func typeEnv(b *Benchmark) map[string]any {
	var f Facts
	return f.env(b)
}
