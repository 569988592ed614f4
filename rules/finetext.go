package rules

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/cailiang/cailiang/nlp"
)

// This file reads the fine (罚款) a statute clause imposes from its words:
// the formula behind every provision-level entry (rules/provisions/*.yaml).
// cmd/provgen writes the entries with it, and a test re-reads the statutes
// and parses them again, so the shipped formulas always agree with the text.

// FineTier is one fine a provision imposes, with the statute's condition.
// Exactly one of Range, Multiple, PerUnit is set, or none with NoAmount. A tier whose condition
// bounds the base (货值金额不足一万元的) carries the bound in LT / GTE;
// None marks 没有违法所得的.
type FineTier struct {
	// When quotes the condition words (情节严重的, 对单位, 货值金额不足一万元的);
	// empty for the provision's main fine.
	When string `yaml:"when,omitempty" json:"when,omitempty"`
	// Base names the amount a multiple or bracket refers to (goods_value …).
	Base     string   `yaml:"base,omitempty" json:"base,omitempty"`
	LT       *float64 `yaml:"lt,omitempty" json:"lt,omitempty"`
	GTE      *float64 `yaml:"gte,omitempty" json:"gte,omitempty"`
	None     bool     `yaml:"none,omitempty" json:"none,omitempty"`
	Range    *Span    `yaml:"range,omitempty" json:"range,omitempty"`
	Multiple *Span    `yaml:"multiple,omitempty" json:"multiple,omitempty"`
	PerUnit  *Span    `yaml:"per_unit,omitempty" json:"per_unit,omitempty"`
	// NoAmount marks a fine the statute imposes without an amount
	// (没有违法所得的，可以处以罚款); the amount is set elsewhere.
	NoAmount bool `yaml:"no_amount,omitempty" json:"no_amount,omitempty"`
	// Unit is what PerUnit counts (persons, vehicles, days, quantity …).
	Unit string `yaml:"unit,omitempty" json:"unit,omitempty"`
}

// ErrUnparsedFine is returned by ParseFineText when a clause names 罚款 but
// its amount cannot be read (a reference to another provision, a wording
// the parser does not know); the error says why.
var ErrUnparsedFine = errors.New("fine not parsed")

var (
	errNoAmount   = errors.New("条文未规定罚款数额")
	errRefersTo   = errors.New("：罚款数额见所引条款")
	reSameArticle = regexp.MustCompile(`依照(前款|本条第[一二三四五六七八九十]+款)`)
)

// provisionBases are the amount bases statutes multiply, by the words that
// name them, longest first so 违法生产经营的食品货值金额 finds 货值金额.
var provisionBases = []struct{ words, base string }{
	// 建设工程质量管理条例 第六十一、六十二条: the fees agreed in the contract
	// (合同约定的勘察费、设计费和监理酬金), not the 违法所得 named after them.
	{"勘察费、设计费和监理酬金", "service_fee"},
	{"勘察费、设计费或者监理酬金", "service_fee"},
	{"勘察费、设计费", "service_fee"},
	{"监理酬金", "service_fee"},
	{"不缴或者少缴的税款", "tax_evaded"},
	{"未缴或者少缴的税款", "tax_evaded"},
	{"未扣或者少扣的税款", "tax_unwithheld"},
	{"应扣未扣、应收未收税款", "tax_unwithheld"},
	{"骗取的退税款", "tax_refund_obtained"},
	{"骗取的国家出口退税款", "tax_refund_obtained"},
	{"欠缴的税款", "tax_evaded"},
	{"拒缴的税款", "tax_evaded"},
	{"建设项目总投资额", "total_investment"},
	{"总投资额", "total_investment"},
	{"建设工程造价", "project_cost"},
	{"工程造价", "project_cost"},
	{"工程合同价款", "contract_price"},
	{"合同价款", "contract_price"},
	{"货值金额", "goods_value"},
	{"违法所得", "illegal_gains"},
	{"违法经营额", "illegal_revenue"},
	// 烟草专卖法实施条例 names its turnover 违法经营总额 / 非法经营总额 /
	// 批发总额; without these the 违法所得 just before it was read as the base.
	{"违法经营总额", "illegal_revenue"},
	{"非法经营总额", "illegal_revenue"},
	{"批发总额", "illegal_revenue"},
	{"违法销售总额", "sales_amount"},
	{"进货总额", "purchase_amount"},
	{"烟叶价值", "property_value"},
	{"烟草专卖品价值", "property_value"},
	{"烟草制品价值", "property_value"},
	{"销售金额", "sales_amount"},
	{"营业额", "turnover"},
	{"上一年度销售额", "annual_sales"},
	{"上一年度营业收入", "annual_sales"},
	{"广告费用", "ad_cost"},
	{"劳动报酬", "wages_owed"},
	{"工资", "wages_owed"},
	{"赔偿金", "wages_owed"},
	{"瞒报工资数额", "wages_underreported"},
	{"应缴社会保险费数额", "social_insurance_fee"},
	{"欠缴数额", "social_insurance_fee"},
	{"检验费用", "service_fee"},
	{"认证费用", "service_fee"},
	{"规划编制费", "service_fee"},
	{"违法收入", "revenue_obtained"},
	{"所获收入", "revenue_obtained"},
	{"取得的收入", "revenue_obtained"},
	{"上一年年收入", "annual_income"},
	// 化妆品监督管理条例: the responsible persons' 上一年度从本单位取得收入.
	{"从本单位取得收入", "annual_income"},
	{"财物价值", "property_value"},
	{"非法产品价值", "property_value"},
	{"骗取金额", "amount_defrauded"},
	{"采购金额", "purchase_amount"},
	// 发票管理办法 第三十五条 (虚开金额), 第三十九条 and 实施细则 第九十三条 (未缴、
	// 少缴或者骗取的税款), 实施细则 第九十八条 (纳税人未缴或者少缴税款).
	{"虚开金额", "invoice_amount"},
	// 矿产资源法 第六十四条 (违法采出的矿产品市场价值三倍以上五倍以下).
	{"矿产品市场价值", "mineral_value"},
	{"未缴、少缴或者骗取的税款", "tax_evaded"},
	{"未缴或者少缴税款", "tax_evaded"},
	{"耕地开垦费", "reclamation_fee"},
	{"土地复垦费", "reclamation_fee"},
	{"处置费用", "disposal_cost"},
	{"治理费用", "disposal_cost"},
	{"所需费用", "disposal_cost"},
	{"直接经济损失", "direct_loss"},
	{"直接损失", "direct_loss"},
	{"应缴纳", "fee_due"},
	{"价款", "goods_value"},
	{"收费", "illegal_gains"},
}

// provisionBaseLabels are the Chinese names of the bases above that the
// benchmark catalog does not model.
var provisionBaseLabels = map[string]string{
	"tax_refund_obtained": "骗取的退税款",
	"turnover":            "营业额",
	"annual_sales":        "上一年度销售额",
	"disposal_cost":       "处置（治理）费用",
	"direct_loss":         "直接经济损失",
	"service_fee":         "所收（约定）费用",
	"revenue_obtained":    "违法收入",
	"property_value":      "财物（产品）价值",
	"amount_defrauded":    "骗取金额",
	"purchase_amount":     "采购金额",
}

// ProvisionBaseLabel names an amount base of a provision entry in Chinese,
// or "" for an unknown name.
func ProvisionBaseLabel(name string) string {
	if l := BaseLabel(name); l != "" {
		return l
	}
	return provisionBaseLabels[name]
}

// perUnits are the 每X units of per-unit fines.
var perUnits = map[string]string{"人": "persons", "名": "persons", "辆": "vehicles", "日": "days", "天": "days", "吨": "tonnes", "次": "times", "台": "units", "件": "items", "个": "items", "户": "items", "套": "items", "平方米": "square_metres", "立方米": "cubic_metres"}

const (
	numRe = `[零〇一二两三四五六七八九十百千万亿点0-9.]+`
	amtRe = `(` + numRe + `)元`
	// mulRe is one multiple: 十倍, 百分之五十, 一倍.
	mulRe = `(百分之` + numRe + `|` + numRe + `倍|` + numRe + `%)`
)

var (
	reFineKeyword = regexp.MustCompile(`罚款`)
	// One fine expression, the alternatives tried in this order.
	rePerUnit = regexp.MustCompile(`每(人|名|辆|日|天|吨|次|台|件|个|户|套|平方米|立方米)(?:[^零〇一二两三四五六七八九十0-9，；。]{0,6}?)(?:处)?` + amtRe + `(?:以上` + amtRe + `)?(?:以下)?(?:的标准)?(?:计算)?(?:，)?(?:处以|处)?(?:的)?罚款`)
	// 货值金额等值以下的罚款, 销售金额等额的罚款: one times the base.
	reEqual = regexp.MustCompile(`处(?:以)?[^，；。]*?(等值以下|等额)的罚款`)
	reRange = regexp.MustCompile(amtRe + `以上` + amtRe + `以下(?:的)?罚款`)
	reUpper = regexp.MustCompile(amtRe + `以下(?:的)?罚款`)
	reFixed = regexp.MustCompile(`处(?:以)?` + amtRe + `(?:的)?罚款`)
	// 百分之六十至百分之一百的罚款 (安全生产法 第一百一十条) is a range too.
	reMulRange = regexp.MustCompile(mulRe + `(?:以上` + mulRe + `以下|至` + mulRe + `)(?:的|计算)?罚款`)
	reMulUpper = regexp.MustCompile(mulRe + `以下(?:的|计算)?罚款`)
	reMulCalc  = regexp.MustCompile(`按照[^，；。]*?` + mulRe + `计算罚款`)
	reMulFixed = regexp.MustCompile(`处(?:以)?[^，；。]*?` + mulRe + `(?:的)?罚款`)
	// Base bounds in a condition.
	reLT  = regexp.MustCompile(`(?:不足|不满|低于)` + amtRe)
	reGTE = regexp.MustCompile(amtRe + `以上`)
	// 虚开金额在1万元以下的 / 超过1万元的 (发票管理办法 第三十五条): the bound
	// belongs to the lower bracket, which ends one fen above it (amounts are
	// in yuan to the fen) and is listed first, so the bound itself falls in
	// it, not in the 超过 bracket that starts at the bound.
	reLE   = regexp.MustCompile(`在` + amtRe + `以下`)
	reGT   = regexp.MustCompile(`(?:超过|高于)` + amtRe)
	reNone = regexp.MustCompile(`没有(?:违法所得|货值金额|违法经营额)|无(?:违法所得|货值金额)`)
)

// ParseFineText reads every fine the text imposes, clause by clause (；。
// and the colon before items end a clause). It returns ErrUnparsedFine,
// wrapped with the reason, when the text names 罚款 but some clause's fine
// cannot be read; a text without 罚款 gives no tiers and no error.
func ParseFineText(text string) ([]FineTier, error) {
	text = nlp.CleanStatute(text)
	var tiers []FineTier
	for ci, clause := range splitClauses(text) {
		clause = rewriteAmountIs(clause)
		if !nlp.Contains(clause, "罚款") {
			continue
		}
		got, err := parseClause(clause)
		if err != nil {
			return nil, err
		}
		if ci == 0 && len(got) > 0 {
			// The first fine's "condition" is the conduct itself (有下列行为
			// 之一的, 擅自开工建设的): only 对单位 / 对个人 parts stay.
			got[0].When = partyParts(got[0].When)
		}
		tiers = append(tiers, got...)
	}
	impliedBounds(tiers)
	for _, t := range tiers {
		if !t.NoAmount {
			return tiers, nil
		}
	}
	if len(tiers) > 0 {
		return nil, fmt.Errorf("%w: %w", ErrUnparsedFine, errNoAmount)
	}
	return nil, nil
}

// imposes tells whether the 罚款 at clause[start:end] imposes a fine: it is
// preceded in its clause by 处 (处, 处以, 并处) and not followed by 的 or
// 决定/收缴/处罚 (处二千元以上罚款的决定前, 罚款决定与罚款收缴分离).
func imposes(clause string, start, end int) bool {
	rest, head := clause[end:], clause[:start]
	for _, p := range []string{"的", "决定", "收缴", "处罚", "额", "数额", "收据"} {
		if strings.HasPrefix(rest, p) {
			return false
		}
	}
	for _, p := range []string{"缴纳", "加处", "收缴", "优先于"} {
		if strings.HasSuffix(head, p) {
			return false
		}
	}
	if strings.HasSuffix(head, "计算") { // 按照直接损失的一倍以上三倍以下计算罚款
		return true
	}
	// 被处以罚款、没收违法所得的 / 被处以警告或者罚款又…的: a condition.
	part, _, _ := strings.Cut(rest, "，")
	if strings.HasSuffix(part, "的") {
		return false
	}
	for i := strings.LastIndex(head, "处"); i >= 0; i = strings.LastIndex(head[:i], "处") {
		next := head[i+len("处"):]
		if !strings.HasPrefix(next, "罚") && !strings.HasPrefix(next, "理") && !strings.HasPrefix(next, "分") && !strings.HasPrefix(next, "置") {
			return true
		}
	}
	return false
}

// ImposesFine tells whether the text imposes a fine at all, as opposed to
// naming 罚款 in procedure (缴纳罚款, 罚款决定与罚款收缴分离).
func ImposesFine(text string) bool {
	for _, clause := range splitClauses(nlp.CleanStatute(text)) {
		clause = rewriteAmountIs(clause)
		for _, m := range reFineKeyword.FindAllStringIndex(clause, -1) {
			if imposes(clause, m[0], m[1]) {
				return true
			}
		}
	}
	return false
}

// rewriteAmountIs turns "罚款额为违法所得的10%以上50%以下" into the usual
// "处违法所得的10%以上50%以下罚款" so one set of patterns reads both.
func rewriteAmountIs(clause string) string {
	// 罚款数额为 is the 生态环境法典's wording (第一千一百零七条: 其中，污染物
	// 为工业噪声的，罚款数额为二万元以上二十万元以下).
	for _, is := range []string{"罚款数额为", "罚款额为"} {
		if head, tail, ok := strings.Cut(clause, is); ok {
			return head + "处" + strings.TrimSuffix(tail, "的") + "罚款"
		}
	}
	return clause
}

func splitClauses(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool { return r == '；' || r == '。' || r == '：' || r == '\n' })
}

// fineMatch is one fine expression found in a clause.
type fineMatch struct {
	start, end int
	tier       FineTier
}

// parseClause finds the fine expressions of one clause. The words before
// each (since the previous one) are its condition.
func parseClause(clause string) ([]FineTier, error) {
	var found []fineMatch
	taken := func(s, e int) bool {
		for _, f := range found {
			if s < f.end && e > f.start {
				return true
			}
		}
		return false
	}
	add := func(re *regexp.Regexp, build func(clause string, m []int) (FineTier, error)) error {
		for _, m := range re.FindAllStringSubmatchIndex(clause, -1) {
			if taken(m[0], m[1]) {
				continue
			}
			t, err := build(clause, m)
			if err != nil {
				return err
			}
			found = append(found, fineMatch{m[0], m[1], t})
		}
		return nil
	}
	steps := []struct {
		re    *regexp.Regexp
		build func(string, []int) (FineTier, error)
	}{
		{rePerUnit, buildPerUnit},
		{reMulRange, buildMultiple},
		{reRange, buildRange},
		{reMulUpper, buildMultiple},
		{reUpper, buildUpper},
		{reFixed, buildFixed},
		{reMulFixed, buildMultiple},
		{reMulCalc, buildMultiple},
		{reEqual, buildEqual},
	}
	for _, s := range steps {
		if err := add(s.re, s.build); err != nil {
			return nil, err
		}
	}
	// Every 罚款 the clause imposes must belong to a parsed expression.
	for _, m := range reFineKeyword.FindAllStringIndex(clause, -1) {
		if !taken(m[0], m[1]) && imposes(clause, m[0], m[1]) {
			head := clause[:m[0]]
			if strings.HasSuffix(head, "处") || strings.HasSuffix(head, "处以") || strings.HasSuffix(head, "警告、") {
				if ref := reSameArticle.FindString(clause); ref != "" {
					return nil, fmt.Errorf("%w: %s%w", ErrUnparsedFine, ref, errRefersTo)
				}
				// 可以处以罚款 with no amount: kept as a tier without a
				// range, so the clauses around it still count.
				found = append(found, fineMatch{m[0], m[1], FineTier{NoAmount: true}})
				continue
			}
			return nil, fmt.Errorf("%w: %q: 罚款 without an amount the parser reads", ErrUnparsedFine, clause)
		}
	}
	sortMatches(found)
	tiers := make([]FineTier, 0, len(found))
	prev := 0
	for _, f := range found {
		t := f.tier
		cond := condition(clause[prev:f.start])
		t.When = cond
		if t.Base == "" && !t.NoAmount {
			// A range conditioned on a base (货值金额不足一万元的) is a bracket.
			if b := baseIn(cond); b != "" {
				t.Base = b
			}
		}
		if t.Base != "" && !t.NoAmount {
			if err := bounds(&t, cond); err != nil {
				return nil, err
			}
		}
		tiers = append(tiers, t)
		prev = f.end
	}
	return tiers, nil
}

func sortMatches(f []fineMatch) {
	for i := 1; i < len(f); i++ {
		for j := i; j > 0 && f[j].start < f[j-1].start; j-- {
			f[j], f[j-1] = f[j-1], f[j]
		}
	}
}

// condition keeps the words of a chunk that say when the fine applies: the
// comma-separated parts that end in 的, start with 对 or name 有前款…, without the verbs
// of the penalty itself.
func condition(chunk string) string {
	var keep []string
	for _, part := range strings.Split(chunk, "，") {
		part = strings.TrimSpace(part)
		for _, p := range []string{"可以并处", "并处", "可以处", "处以", "处", "或者", "并"} {
			part = strings.TrimSuffix(part, p)
		}
		// 并对其直接负责的主管人员…处: the fine is for those persons, the
		// condition the 对 part names (消防法 第六十五条第二款).
		part = strings.TrimPrefix(part, "并")
		// 法律、法规未作规定的，由……处以违法所得一倍以上十倍以下的罚款
		// (消费者权益保护法 第五十六条): the article's reach beside other laws,
		// which citing it settles, not a condition of one fine among others.
		if strings.HasSuffix(part, "未作规定的") {
			continue
		}
		if strings.HasSuffix(part, "的") || strings.HasPrefix(part, "对") || nlp.Contains(part, "有前款") {
			keep = append(keep, part)
		}
	}
	return strings.Join(keep, "，")
}

// impliedBounds bounds a multiple of a base that a sibling bracket carves
// out from: "处违法所得二倍以上五倍以下罚款；没有违法所得或者违法所得不足一万元的，
// 处一万元以上三万元以下罚款" makes the multiple apply from one万 up.
func impliedBounds(tiers []FineTier) {
	for i := range tiers {
		t := &tiers[i]
		if t.Multiple == nil || t.LT != nil || t.GTE != nil || t.None {
			continue
		}
		for _, o := range tiers {
			if o.Base == t.Base && o.LT != nil && o.Multiple == nil {
				v := *o.LT
				t.GTE = &v
				break
			}
		}
	}
}

// partyParts keeps the parts of a condition that name whom the fine is for
// (对单位) or which items of the previous paragraph (有前款第一项…).
func partyParts(cond string) string {
	var keep []string
	for _, part := range strings.Split(cond, "，") {
		if strings.HasPrefix(part, "对") || nlp.Contains(part, "前款") {
			keep = append(keep, part)
		}
	}
	return strings.Join(keep, "，")
}

// baseIn names the amount base the words mention, or "".
func baseIn(s string) string {
	best, at := "", -1
	for _, b := range provisionBases {
		if i := strings.LastIndex(s, b.words); i >= 0 && i+len(b.words) > at {
			best, at = b.base, i+len(b.words)
		}
	}
	return best
}

// bounds reads the base bracket of a condition: 不足一万元 → LT, 一万元以上 → GTE,
// 没有违法所得 → None.
func bounds(t *FineTier, cond string) error {
	if reNone.MatchString(cond) {
		t.None = true
	}
	// The first pattern that matches sets its bound; 在…以下 ends the lower
	// bracket one fen above the amount, so the amount itself falls in it.
	for _, b := range [...]struct {
		re    *regexp.Regexp
		upper bool
		shift float64
	}{{reLT, true, 0}, {reGTE, false, 0}, {reLE, true, fen}, {reGT, false, 0}} {
		m := b.re.FindStringSubmatch(cond)
		if m == nil {
			continue
		}
		v, err := nlp.ParseAmount(m[1] + "元")
		if err != nil {
			return fmt.Errorf("%w: bound %q: %w", ErrUnparsedFine, m[0], err)
		}
		v += b.shift
		if b.upper {
			t.LT = &v
		} else {
			t.GTE = &v
		}
		return nil
	}
	return nil
}

// fen is the smallest amount a decision states: a bound written 在…以下
// (in the lower bracket) moves its edge by it.
const fen = 0.01

func amountAt(clause string, m []int, group int) (float64, error) {
	if m[2*group] < 0 {
		return 0, nil
	}
	s := clause[m[2*group]:m[2*group+1]]
	v, err := nlp.ParseAmount(s + "元")
	if err != nil {
		return 0, fmt.Errorf("%w: amount %q: %w", ErrUnparsedFine, s, err)
	}
	return v, nil
}

func buildRange(clause string, m []int) (FineTier, error) {
	lo, err := amountAt(clause, m, 1)
	if err != nil {
		return FineTier{}, err
	}
	hi, err := amountAt(clause, m, 2)
	if err != nil {
		return FineTier{}, err
	}
	return FineTier{Range: &Span{Min: lo, Max: hi}}, nil
}

// buildUpper reads 五千元以下罚款.
func buildUpper(clause string, m []int) (FineTier, error) {
	hi, err := amountAt(clause, m, 1)
	if err != nil {
		return FineTier{}, err
	}
	return FineTier{Range: &Span{Max: hi}}, nil
}

// buildFixed reads 处二百元罚款.
func buildFixed(clause string, m []int) (FineTier, error) {
	v, err := amountAt(clause, m, 1)
	if err != nil {
		return FineTier{}, err
	}
	return FineTier{Range: &Span{Min: v, Max: v}}, nil
}

func buildPerUnit(clause string, m []int) (FineTier, error) {
	unit := perUnits[clause[m[2]:m[3]]]
	a, err := amountAt(clause, m, 2)
	if err != nil {
		return FineTier{}, err
	}
	if m[6] < 0 {
		if nlp.Contains(clause[m[0]:m[1]], "以下") { // 每人五百元以下
			return FineTier{PerUnit: &Span{Max: a}, Unit: unit}, nil
		}
		return FineTier{PerUnit: &Span{Min: a, Max: a}, Unit: unit}, nil // 每辆五千元
	}
	b, err := amountAt(clause, m, 3)
	if err != nil {
		return FineTier{}, err
	}
	return FineTier{PerUnit: &Span{Min: a, Max: b}, Unit: unit}, nil
}

// multipleValue reads 十倍 → 10, 百分之五十 → 0.5.
func multipleValue(s string) (float64, error) {
	if rest, ok := strings.CutSuffix(s, "%"); ok {
		v, err := nlp.ParseChineseDecimal(rest)
		if err != nil {
			return 0, fmt.Errorf("%w: multiple %q: %w", ErrUnparsedFine, s, err)
		}
		return v / 100, nil
	}
	if rest, ok := strings.CutPrefix(s, "百分之"); ok {
		v, err := nlp.ParseChineseDecimal(rest)
		if err != nil {
			return 0, fmt.Errorf("%w: multiple %q: %w", ErrUnparsedFine, s, err)
		}
		return v / 100, nil
	}
	v, err := nlp.ParseChineseDecimal(strings.TrimSuffix(s, "倍"))
	if err != nil {
		return 0, fmt.Errorf("%w: multiple %q: %w", ErrUnparsedFine, s, err)
	}
	return v, nil
}

// buildEqual reads 货值金额等值以下 (up to one times) and 等额 (one times).
func buildEqual(clause string, m []int) (FineTier, error) {
	base := baseIn(lastWords(clause[:m[2]], 40))
	if base == "" {
		return FineTier{}, fmt.Errorf("%w: %q: an amount the parser does not know", ErrUnparsedFine, clause[m[0]:m[1]])
	}
	if clause[m[2]:m[3]] == "等额" {
		return FineTier{Base: base, Multiple: &Span{Min: 1, Max: 1}}, nil
	}
	return FineTier{Base: base, Multiple: &Span{Max: 1}}, nil
}

func buildMultiple(clause string, m []int) (FineTier, error) {
	// The base is named just before the multiple, within the clause.
	head := clause[:m[2]]
	if i := strings.LastIndexAny(head, "；。"); i >= 0 {
		head = head[i:]
	}
	base := baseIn(lastWords(head, 40))
	if base == "" {
		return FineTier{}, fmt.Errorf("%w: %q: a multiple of an amount the parser does not know", ErrUnparsedFine, clause[max(0, m[0]-30):m[1]])
	}
	a, err := multipleValue(clause[m[2]:m[3]])
	if err != nil {
		return FineTier{}, err
	}
	expr := clause[m[0]:m[1]]
	// The upper multiple: after 以上 (group 2) or after 至 (group 3, reMulRange).
	for g := 4; g+1 < len(m); g += 2 {
		if m[g] < 0 {
			continue
		}
		b, err := multipleValue(clause[m[g]:m[g+1]])
		if err != nil {
			return FineTier{}, err
		}
		return FineTier{Base: base, Multiple: &Span{Min: a, Max: b}}, nil
	}
	if nlp.Contains(expr, "以下") {
		return FineTier{Base: base, Multiple: &Span{Max: a}}, nil
	}
	return FineTier{Base: base, Multiple: &Span{Min: a, Max: a}}, nil
}

// lastWords is the tail of s, at most n runes.
func lastWords(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		r = r[len(r)-n:]
	}
	return string(r)
}
