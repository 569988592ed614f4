package rules

import "github.com/cailiang/cailiang/nlp"

// Measure names: the numeric facts prosecution thresholds test. Amounts are
// in yuan; counts are whole people, times or pieces.
const (
	MeasureSalesAmount      = "sales_amount"         // 销售金额
	MeasureGoodsValue       = "goods_value"          // 货值金额
	MeasureIllegalGains     = "illegal_gains"        // 违法所得
	MeasureIllegalRevenue   = "illegal_revenue"      // 非法经营数额
	MeasureAdCost           = "ad_cost"              // 广告费用
	MeasureDirectLoss       = "direct_loss"          // 直接经济损失（公私财产损失）
	MeasurePropertyValue    = "property_value"       // 涉案财物价值/数额（盗窃、诈骗…）
	MeasureTaxEvaded        = "tax_evaded"           // 逃避缴纳的税款数额
	MeasureTaxRatio         = "tax_ratio"            // 逃税额占应纳税额的百分比（10 = 10%）
	MeasureTaxUnrecovered   = "tax_unrecovered"      // 致使无法追缴的欠缴税款
	MeasureWagesOwed        = "wages_owed"           // 拒不支付的劳动报酬数额
	MeasureWorkers          = "workers"              // 被拒付劳动报酬的劳动者人数
	MeasureWagesPerWorker   = "wages_per_worker"     // 拒不支付的劳动报酬数额，按劳动者人数平均
	MeasureMonthsOwed       = "months_owed"          // 拒付劳动报酬的月数
	MeasureDeaths           = "deaths"               // 死亡人数
	MeasureSeriousInjuries  = "serious_injuries"     // 重伤人数
	MeasureMinorInjuries    = "minor_injuries"       // 轻伤人数
	MeasureSlightInjuries   = "slight_injuries"      // 轻微伤人数
	MeasurePoisoned         = "poisoned"             // 严重食物中毒或者严重食源性疾病人数
	MeasureBloodAlcohol     = "blood_alcohol"        // 血液酒精含量，毫克/100毫升
	MeasureHazardousWaste   = "hazardous_waste_t"    // 非法排放、倾倒、处置的危险废物吨数
	MeasureExceedMultiple   = "exceed_multiple"      // 超过污染物排放标准的倍数
	MeasureHeavyMetalA      = "heavy_metal_a_exceed" // 含铅、汞、镉、铬、砷、铊、锑的污染物超过排放标准的倍数
	MeasureHeavyMetalB      = "heavy_metal_b_exceed" // 含镍、铜、锌、银、钒、锰、钴的污染物超过排放标准的倍数
	MeasureHeavyMetalOver   = "heavy_metals_over"    // 超过排放标准的重金属种数
	MeasureBasicFarmland    = "basic_farmland_mu"    // 基本农田亩数
	MeasureFarmland         = "farmland_mu"          // 基本农田以外的耕地亩数
	MeasureOtherLand        = "other_land_mu"        // 其他土地亩数
	MeasurePublicForest     = "public_forest_mu"     // 公益林地亩数
	MeasureForest           = "forest_mu"            // 商品林地亩数
	MeasureMineralValue     = "mineral_value"        // 开采的矿产品价值或者造成矿产资源破坏的价值
	MeasureInvoiceCount     = "invoice_count"        // 发票份数
	MeasureInvoiceFaceValue = "invoice_face_value"   // 发票票面金额
	MeasureInvoiceTax       = "invoice_tax"          // 虚开的增值税专用发票等的税款数额
	MeasurePriorPenalties   = "prior_penalties_2y"   // 二年内因同类违法行为受过行政处罚的次数
	// The earlier penalties of one kind within the time the threshold sets,
	// counted from the penalties' dates and the act's day (caseanalysis):
	// for discharging toxic substances within two years (2023年环境污染解释
	// 第一条第八项); for theft, criminal or within one year (2013年盗窃解释
	// 第二条). An undated one is fed just below the threshold: near, to be
	// confirmed, never likely.
	MeasurePriorToxic     = "prior_toxic_penalties_2y"
	MeasurePriorTheft     = "prior_theft_penalty"
	MeasureGamblers       = "gamblers"        // 组织参赌人数（累计）
	MeasureGamblingProfit = "gambling_profit" // 抽头渔利数额
	MeasureGamblingStakes = "gambling_stakes" // 赌资数额
	MeasureChildWorkers   = "child_workers"   // 雇用的未满十六周岁的未成年人人数
	MeasureCatchKg        = "catch_kg"        // 非法捕捞的水产品重量（公斤）
	MeasurePiratedCopies  = "pirated_copies"  // 侵权复制品数量（张、份、本、册、套、盘、部）
	MeasureBribe          = "bribe_amount"    // 行贿数额（财物、回扣、好处费）
	// Who gave the bribe, read from how the facts name the party (1 yes, 0
	// no): 对非国家工作人员行贿罪's figure for a person is not a unit's.
	MeasureBriberPerson = "briber_person" // 行贿人为个人（含个体工商户）
	MeasureBriberUnit   = "briber_unit"   // 行贿人为单位
	// The ages on the act's day of the people other than the party whose
	// birth dates the facts give (the one struck, the child hired): the
	// benchmarks' elements test them (殴打七十周岁以上的人, 童工).
	MeasureOldestOther   = "oldest_other_age"   // 他人中最年长者的周岁
	MeasureYoungestOther = "youngest_other_age" // 他人中最年幼者的周岁
	// The value of a prize of a sales promotion, the highest the facts
	// name (一等奖是价值8.98万元的小轿车): 反不正当竞争法 compares the highest
	// prize of a lottery with 五万元 (2019年 第十条第（三）项, 2025年 第十一条).
	MeasurePrizeValue = "prize_value" // 有奖销售的奖品价值（最高者）
	// The loss a trade secret's holder suffered (侵犯知识产权刑事案件解释
	// （三）第四条、第五条: 销售利润的损失, 合理许可使用费, 商业价值), which
	// weighs with the infringer's 违法所得 against one figure.
	MeasureSecretLoss = "secret_loss" // 给商业秘密的权利人造成的损失数额
	// The extortions told within two years (2013年敲诈勒索解释 第三条: 三次以上
	// 是“多次敲诈勒索”), counted where the facts list them rather than
	// name them 多次.
	MeasureExtortions = "extortion_times" // 二年内敲诈勒索的次数
)

// Measure describes one measure: its Chinese label, and the unit words
// statutes write after its figures (yuan amounts use 元 and 万元).
type Measure struct {
	Name  string `json:"name"`
	Label string `json:"label"`
	// Yuan is true for money amounts.
	Yuan bool `json:"yuan,omitempty"`
	// Flag is true for a yes/no fact read as 1 or 0 (who gave a bribe): it
	// has no unit.
	Flag bool `json:"flag,omitempty"`
	// Units are the words that follow a figure of this measure in statute
	// text (人, 吨, 亩 …); the verification test looks for figure + unit.
	Units []string `json:"units,omitempty"`
}

// measures lists every measure a crime threshold may use, in display order.
var measures = [...]Measure{
	{Name: MeasureSalesAmount, Label: "销售金额", Yuan: true},
	{Name: MeasureGoodsValue, Label: "货值金额", Yuan: true},
	{Name: MeasureIllegalGains, Label: "违法所得", Yuan: true},
	{Name: MeasureIllegalRevenue, Label: "非法经营数额", Yuan: true},
	{Name: MeasureAdCost, Label: "广告费用", Yuan: true},
	{Name: MeasureDirectLoss, Label: "直接经济损失", Yuan: true},
	{Name: MeasurePropertyValue, Label: "涉案财物价值", Yuan: true},
	{Name: MeasureTaxEvaded, Label: "逃避缴纳税款数额", Yuan: true},
	{Name: MeasureTaxRatio, Label: "逃税额占应纳税额的百分比", Units: []string{"%"}},
	{Name: MeasureTaxUnrecovered, Label: "无法追缴的欠缴税款", Yuan: true},
	{Name: MeasureWagesOwed, Label: "拒不支付的劳动报酬数额", Yuan: true},
	{Name: MeasureWorkers, Label: "被拒付劳动报酬的劳动者人数", Units: []string{"名", "人"}},
	{Name: MeasureWagesPerWorker, Label: "每名劳动者被拒付的劳动报酬数额", Yuan: true},
	{Name: MeasureMonthsOwed, Label: "拒付劳动报酬的月数", Units: []string{"个月"}},
	{Name: MeasureDeaths, Label: "死亡人数", Units: []string{"人"}},
	{Name: MeasureSeriousInjuries, Label: "重伤人数", Units: []string{"人"}},
	{Name: MeasureMinorInjuries, Label: "轻伤人数", Units: []string{"人"}},
	{Name: MeasureSlightInjuries, Label: "轻微伤人数", Units: []string{"人"}},
	{Name: MeasurePoisoned, Label: "严重食物中毒人数", Units: []string{"人"}},
	{Name: MeasureBloodAlcohol, Label: "血液酒精含量（毫克/100毫升）", Units: []string{"毫克/100毫升", "mg/100ml"}},
	{Name: MeasureHazardousWaste, Label: "危险废物数量（吨）", Units: []string{"吨"}},
	{Name: MeasureExceedMultiple, Label: "超过排放标准的倍数", Units: []string{"倍"}},
	{Name: MeasureHeavyMetalA, Label: "含铅、汞、镉、铬、砷、铊、锑的污染物超过排放标准的倍数", Units: []string{"倍"}},
	{Name: MeasureHeavyMetalB, Label: "含镍、铜、锌、银、钒、锰、钴的污染物超过排放标准的倍数", Units: []string{"倍"}},
	{Name: MeasureHeavyMetalOver, Label: "超过排放标准的重金属种数", Units: []string{"种"}},
	{Name: MeasureBasicFarmland, Label: "基本农田面积（亩）", Units: []string{"亩"}},
	{Name: MeasureFarmland, Label: "基本农田以外的耕地面积（亩）", Units: []string{"亩"}},
	{Name: MeasureOtherLand, Label: "其他土地面积（亩）", Units: []string{"亩"}},
	{Name: MeasurePublicForest, Label: "公益林地面积（亩）", Units: []string{"亩"}},
	{Name: MeasureForest, Label: "商品林地面积（亩）", Units: []string{"亩"}},
	{Name: MeasureMineralValue, Label: "矿产品价值或者矿产资源破坏价值", Yuan: true},
	{Name: MeasureInvoiceCount, Label: "发票份数", Units: []string{"份"}},
	{Name: MeasureInvoiceFaceValue, Label: "发票票面金额", Yuan: true},
	{Name: MeasureInvoiceTax, Label: "虚开的税款数额", Yuan: true},
	{Name: MeasurePriorPenalties, Label: "二年内受过同类行政处罚的次数", Units: []string{"次"}},
	{Name: MeasurePriorToxic, Label: "二年内因排放、倾倒、处置有毒物质等受过行政处罚的次数", Units: []string{"次"}},
	{Name: MeasurePriorTheft, Label: "曾因盗窃受过刑事处罚或者一年内受过行政处罚", Units: []string{"次"}},
	{Name: MeasureGamblers, Label: "参赌人数", Units: []string{"人"}},
	{Name: MeasureGamblingProfit, Label: "抽头渔利数额", Yuan: true},
	{Name: MeasureGamblingStakes, Label: "赌资数额", Yuan: true},
	{Name: MeasureChildWorkers, Label: "雇用童工人数", Units: []string{"人", "名"}},
	{Name: MeasureCatchKg, Label: "非法捕捞的水产品重量（公斤）", Units: []string{"公斤"}},
	{Name: MeasurePiratedCopies, Label: "侵权复制品数量（张、份、本、册、套、盘、部）", Units: []string{"张", "份", "本", "册", "套", "盘", "部"}},
	{Name: MeasureBribe, Label: "行贿数额", Yuan: true},
	{Name: MeasureBriberPerson, Label: "行贿人为个人（含个体工商户；1 是，0 否）", Flag: true},
	{Name: MeasureBriberUnit, Label: "行贿人为单位（1 是，0 否）", Flag: true},
	{Name: MeasureOldestOther, Label: "按出生日期计算的他人（被侵害人、被招用人员）最大年龄（周岁）", Units: []string{"周岁"}},
	{Name: MeasureYoungestOther, Label: "按出生日期计算的他人（被侵害人、被招用人员）最小年龄（周岁）", Units: []string{"周岁"}},
	{Name: MeasurePrizeValue, Label: "有奖销售的最高奖金额", Yuan: true},
	{Name: MeasureSecretLoss, Label: "给商业秘密的权利人造成的损失数额", Yuan: true},
	{Name: MeasureExtortions, Label: "二年内敲诈勒索的次数", Units: []string{"次"}},
}

var measureByName = func() map[string]Measure {
	m := make(map[string]Measure, len(measures))
	for _, x := range measures {
		m[x.Name] = x
	}
	return m
}()

// MeasureLabel returns the Chinese label of a measure and whether the name
// is known.
func MeasureLabel(name string) (string, bool) {
	m, ok := measureByName[name]
	return m.Label, ok
}

// moneyRoles maps each money role of fact extraction to its transfer
// measure and, where the engine has one, its Facts field; the measure is
// the field's JSON name (a test checks it). It is the one role table, read
// by FactsOf and MeasureOfRole.
var moneyRoles = [...]struct {
	role    string
	measure string
	field   func(*Facts) **float64 // nil: a transfer measure only
}{
	{nlp.RoleGoodsValue, MeasureGoodsValue, func(f *Facts) **float64 { return &f.GoodsValue }},
	{nlp.RoleIllegalGains, MeasureIllegalGains, func(f *Facts) **float64 { return &f.IllegalGains }},
	{nlp.RoleSalesAmount, MeasureSalesAmount, func(f *Facts) **float64 { return &f.SalesAmount }},
	{nlp.RoleIllegalRevenue, MeasureIllegalRevenue, func(f *Facts) **float64 { return &f.IllegalRevenue }},
	{nlp.RoleAdCost, MeasureAdCost, func(f *Facts) **float64 { return &f.AdCost }},
	{nlp.RoleTax, MeasureTaxEvaded, func(f *Facts) **float64 { return &f.TaxEvaded }},
	{nlp.RoleWages, MeasureWagesOwed, func(f *Facts) **float64 { return &f.WagesOwed }},
	{nlp.RoleDirectLoss, MeasureDirectLoss, nil},
	{nlp.RoleMineralValue, MeasureMineralValue, func(f *Facts) **float64 { return &f.MineralValue }},
}

// baseRoles maps the money roles that are only a fine's base, never a
// transfer measure, to their Facts field; the name is the field's JSON
// name (a test checks it).
var baseRoles = [...]struct {
	role, name string
	field      func(*Facts) **float64
}{
	{nlp.RoleTotalInvestment, "total_investment", func(f *Facts) **float64 { return &f.TotalInvestment }},
	{nlp.RoleProjectCost, "project_cost", func(f *Facts) **float64 { return &f.ProjectCost }},
	{nlp.RoleDisposalCost, "disposal_cost", func(f *Facts) **float64 { return &f.DisposalCost }},
	{nlp.RolePurchaseAmount, "purchase_amount", func(f *Facts) **float64 { return &f.PurchaseAmount }},
	{nlp.RoleSocialInsuranceFee, "social_insurance_fee", func(f *Facts) **float64 { return &f.SocialInsuranceFee }},
	{nlp.RoleWagesUnderreported, "wages_underreported", func(f *Facts) **float64 { return &f.WagesUnderreported }},
	{nlp.RoleFeeDue, "fee_due", func(f *Facts) **float64 { return &f.FeeDue }},
	{nlp.RoleContractPrice, "contract_price", func(f *Facts) **float64 { return &f.ContractPrice }},
	{nlp.RoleReclamationFee, "reclamation_fee", func(f *Facts) **float64 { return &f.ReclamationFee }},
	{nlp.RoleAnnualIncome, "annual_income", func(f *Facts) **float64 { return &f.AnnualIncome }},
	{nlp.RoleInvoiceAmount, "invoice_amount", func(f *Facts) **float64 { return &f.InvoiceAmount }},
}

// MeasureOfRole returns the transfer measure a money role's total is, and
// whether the role has one (罚款 has none).
func MeasureOfRole(role string) (string, bool) {
	for _, r := range moneyRoles {
		if r.role == role {
			return r.measure, true
		}
	}
	return "", false
}

// HeavyMetalMeasure returns the measure an exceedance of a heavy metal (its
// one-rune element name, as nlp.Exceedance gives it) counts towards: the
// 2023 environmental interpretation (第一条第三、四项) sets three times over
// the standard for 铅、汞、镉、铬、砷、铊、锑 and ten times for 镍、铜、锌、
// 银、钒、锰、钴. It reports false for any other pollutant.
func HeavyMetalMeasure(element string) (string, bool) {
	switch element {
	case "铅", "汞", "镉", "铬", "砷", "铊", "锑":
		return MeasureHeavyMetalA, true
	case "镍", "铜", "锌", "银", "钒", "锰", "钴":
		return MeasureHeavyMetalB, true
	}
	return "", false
}
