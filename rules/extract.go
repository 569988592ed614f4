package rules

import (
	"math"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/cailiang/cailiang/nlp"
)

// FactSpan says where in the text one engine fact was read: Field is the
// Facts JSON name, [Start, End) byte offsets into the text given to
// ExtractFacts.
type FactSpan struct {
	Field      string
	Start, End int
}

// Extracted is what ExtractFacts read from a text: the engine's facts,
// where each came from, and the extraction they were derived from (every
// amount, quantity, date and circumstance with its span).
type Extracted struct {
	Facts      Facts
	Spans      []FactSpan
	Extraction nlp.Extraction
}

// ExtractFacts reads the engine facts an officer's narrative states. It
// never fails: facts it cannot read are left unset.
func ExtractFacts(text string) Extracted {
	out := FactsOf(nlp.Extract(text))
	if containsAnyWord(text, markTradeWords[:]) {
		revenueFromGoods(&out, text)
	}
	if NamesTobacco(text) {
		tobaccoRevenue(&out, text)
	}
	// The head counts first: a child worker named alone (员工刘某某…不满十六周岁…
	// 使用其二个月) or a list of names is the count child labour's 人·月 are
	// read with.
	namedWorkers(&out, text)
	oneWorker(&out, text)
	quantityOf(&out, text)
	incomeAsRevenue(&out, text)
	mineralFromSales(&out, text)
	return out
}

// unlicensedMiningWords name minerals taken without the right to mine them:
// the taking, and the want of a licence or its breach.
var (
	miningTakeWords = [...]string{"开采", "采挖", "挖取", "挖采", "盗采", "采砂", "挖砂", "采石", "取土", "挖运"}
	unlicensedWords = [...]string{"未取得", "未办理", "无证", "没有办理", "没有取得", "擅自", "私自", "非法", "盗采", "越界"}
	minedSaleWords  = [...]string{"卖给", "出售", "销售", "售出", "卖出", "售给", "外运销售"}
)

// mineralFromSales takes the 违法采出的矿产品市场价值 of 矿产资源法 第六十四条
// from the price the minerals mined without a licence sold for, when the
// text states no value (挖运粘土约600立方米，按每立方米30元卖给砖厂，得款1.8万元):
// 2016年非法采矿解释 第十三条 values them by the 销赃数额 first, by price
// and quantity only where there is none. A dealer's sales of sand it bought
// (no taking told) and a licensed mine's trade (no want of a licence) are no
// such sale.
func mineralFromSales(out *Extracted, text string) {
	f := &out.Facts
	if f.MineralValue != nil || f.SalesAmount == nil || !containsAnyWord(text, miningTakeWords[:]) ||
		!containsAnyWord(text, unlicensedWords[:]) || !containsAnyWord(text, minedSaleWords[:]) {
		return
	}
	v := *f.SalesAmount
	f.MineralValue = &v
	for _, a := range out.Extraction.Amounts {
		if a.Role == nlp.RoleSalesAmount {
			out.Spans = append(out.Spans, FactSpan{MeasureMineralValue, a.Start, a.End})
		}
	}
}

// incomeAsRevenue reads what the conduct brought in, told as 收入 or
// 营业收入 (共复印出售约一百二十册，收入约三千元), as the 违法经营额 when the
// text names none: the takings of the business done unlawfully are what
// 著作权法 第五十三条 and the other fines on the 违法经营额 count. Only an
// amount with no role of its own, right after the word in its clause, and
// not a person's yearly or wage income (上一年年收入, 工资收入).
func incomeAsRevenue(out *Extracted, text string) {
	if out.Facts.IllegalRevenue != nil || !strings.Contains(text, "收入") {
		return
	}
	var v float64
	var spans []FactSpan
	for _, a := range out.Extraction.Amounts {
		if a.Role != "" || a.Rate || a.Bound || a.Start <= 0 {
			continue
		}
		before := text[:a.Start]
		if i := strings.LastIndexAny(before, "，,。；;："); i >= 0 {
			before = before[i:]
		}
		before = strings.TrimRight(before, " ")
		for _, w := range incomeLeads {
			before = strings.TrimSuffix(before, w)
		}
		if !strings.HasSuffix(before, "收入") || containsAnyWord(before, notRevenueIncome[:]) || periodIncome(before) {
			continue
		}
		if a.Value > v {
			v = a.Value
			spans = []FactSpan{{MeasureIllegalRevenue, a.Start, a.End}}
		}
	}
	if v > 0 {
		out.Facts.IllegalRevenue = &v
		out.Spans = append(out.Spans, spans...)
	}
}

// periodIncome tells a business's takings over a period (该店年营业收入约60万元,
// 2024年度营业收入1.2亿元, 月营业收入约2万元, 日均销售收入): its turnover, not
// what the conduct brought in. before ends with 收入.
func periodIncome(before string) bool {
	head := strings.TrimSuffix(before, "收入")
	for _, w := range [...]string{"营业", "经营", "销售", "主营业务", "总"} {
		head = strings.TrimSuffix(head, w)
	}
	for _, w := range [...]string{"年", "度", "月", "季", "日", "周", "年均", "月均", "日均"} {
		if strings.HasSuffix(head, w) {
			return true
		}
	}
	return false
}

// incomeLeads stand between 收入 and its amount (收入共计, 收入约, 收入达).
var incomeLeads = [...]string{"人民币", "约", "共计", "合计", "累计", "总计", "共", "为", "达", "近", "超过"}

// notRevenueIncome name incomes that are no takings of the conduct: a
// person's pay or yearly income (安全生产法 第九十五条's 上一年年收入).
var notRevenueIncome = [...]string{"年收入", "年度收入", "工资收入", "月收入", "家庭收入", "个人收入", "劳务收入", "其他收入", "合法收入"}

// hiringWords say the names listed are the party's workers (安排冲压车间张某、
// 王某……加班, 招用李某、赵某).
var hiringWords = [...]string{"员工", "职工", "工人", "劳动者", "安排", "招用", "雇用", "雇佣", "录用", "车间", "聘用"}

// namedWorkers counts the persons when the facts give no head count but
// list the workers by name (张某、王某、李某、赵某、刘某每天上班12小时): the
// per-worker fines (劳动保障监察条例 第二十五条, 劳动合同法 第八十四条) then
// have their count. A list that goes on (张某、王某等) says no count.
func namedWorkers(out *Extracted, text string) {
	if out.Facts.Persons != nil || !nlp.Contains(text, "某、") {
		return
	}
	if !slices.ContainsFunc(hiringWords[:], func(w string) bool { return nlp.Contains(text, w) }) {
		return
	}
	best, bestAt, bestEnd := 0, 0, 0
	for i := 0; i < len(text); {
		n, end := nameRun(text, i)
		if n > best {
			best, bestAt, bestEnd = n, i, end
		}
		if end > i {
			i = end
			continue
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	if best < 2 || strings.HasPrefix(text[bestEnd:], "等") {
		return
	}
	v := float64(best)
	out.Facts.Persons = &v
	out.Spans = append(out.Spans, FactSpan{"persons", bestAt, bestEnd})
}

// nameRun counts the names (a surname and 某, 某某) listed with 、 from byte
// i of text, each perhaps followed by a bracket (李某某（2011年2月出生）、赵某某),
// and returns the count and where the list ends; 0 when no name starts at i.
func nameRun(text string, i int) (int, int) {
	n, end := 0, i
	for {
		j := personName(text, end)
		if j < 0 {
			return n, end
		}
		n++
		end = j
		if strings.HasPrefix(text[end:], "（") || strings.HasPrefix(text[end:], "(") {
			k := strings.IndexAny(text[end:], "）)")
			if k < 0 || k > 60 {
				return n, end
			}
			_, size := utf8.DecodeRuneInString(text[end+k:])
			end += k + size
		}
		if !strings.HasPrefix(text[end:], "、") {
			return n, end
		}
		if personName(text, end+len("、")) < 0 {
			return n, end
		}
		end += len("、")
	}
}

// personName returns the end of a name written as a surname and 某 or 某某
// at byte i (张某, 李某某), -1 when none stands there.
func personName(text string, i int) int {
	r, size := utf8.DecodeRuneInString(text[i:])
	if size < 3 || r == '某' || !unicode.Is(unicode.Han, r) || !strings.HasPrefix(text[i+size:], "某") {
		return -1
	}
	j := i + size + len("某")
	if strings.HasPrefix(text[j:], "某") {
		j += len("某")
	}
	return j
}

// workerTitles name a worker before a surname with 某 (员工蒋某, 女工王某某).
var workerTitles = [...]string{"员工", "职工", "劳动者", "女工", "工人", "店员", "服务员", "保洁员", "学徒"}

// nameTitles are the titles a single worker's name is read after: the
// workerTitles, and a trade named by its 工 (挡车工汪某, 洗碗工李某, 电焊工
// 张某): 工, one surname rune, 某.
var nameTitles = append(workerTitles[:], "工")

// notSurname are the runes after 工 that make a word, not a name (工地某某,
// 工厂某某, 工程某某 are places; 工某 is no name either).
const notSurname = "某地厂程作资商会业具种期序段艺位人友龄号牌卡票区棚房场间坊头"

// pluralWorkers say the facts are about more than the one worker named.
var pluralWorkers = [...]string{"等人", "多名", "们", "数名", "若干", "全体", "部分", "一批", "等员工", "等职工"}

// oneWorker counts one person when the facts give no head count and name a
// single worker: by title and surname (员工蒋某依法解除劳动合同后…) or as
// the complainant speaking of herself (女工向劳动监察投诉：她已怀孕…). The
// per-worker fines (劳动保障监察条例 第二十三条, 劳动合同法 第八十四条) then
// have their count.
func oneWorker(out *Extracted, text string) {
	if out.Facts.Persons != nil {
		return
	}
	for _, w := range pluralWorkers {
		if nlp.Contains(text, w) {
			return
		}
	}
	name := ""
	for _, t := range nameTitles {
		for from := 0; ; {
			i := nlp.Index(text[from:], t)
			if i < 0 {
				break
			}
			at := from + i + len(t)
			from = at
			_, size := utf8.DecodeRuneInString(text[at:])
			if size < 3 || !strings.HasPrefix(text[at+size:], "某") {
				continue
			}
			n := text[at : at+size]
			if t == "工" && nlp.Contains(notSurname, n) {
				continue
			}
			if name != "" && name != n {
				return
			}
			name = n
		}
	}
	if name == "" && !complainsOfSelf(text) && !complainsOfChild(text) {
		return
	}
	one := 1.0
	out.Facts.Persons = &one
}

// complainsOfSelf reports a single worker complaining of her or his own
// treatment: a worker title and 投诉 or 反映 in the text's first clause and
// 她 or 他 for one person after it.
func complainsOfSelf(text string) bool {
	rest, ok := complaintHead(text, workerTitles[:])
	return ok && speaksOfOne(rest)
}

// parentWords and ownChild name a parent complaining of one child's work
// (一名家长投诉：她儿子今年十七岁，在某某厂…; 父亲反映：我女儿…).
var (
	parentWords = [...]string{"家长", "母亲", "父亲", "妈妈", "爸爸", "父母"}
	ownChild    = [...]string{"她儿子", "她女儿", "他儿子", "他女儿", "我儿子", "我女儿", "其儿子", "其女儿", "她的儿子", "她的女儿", "他的儿子", "他的女儿"}
)

// complainsOfChild reports a parent complaining of one child's treatment: a
// parent and 投诉 or 反映 in the text's first clause and the parent's own
// child (她儿子, 我女儿) after it. Two children (两个孩子) are counted by the
// head count read elsewhere or left without one.
func complainsOfChild(text string) bool {
	rest, ok := complaintHead(text, parentWords[:])
	if !ok {
		return false
	}
	for _, c := range ownChild {
		if nlp.Contains(rest, c) {
			return true
		}
	}
	return false
}

// complaintHead returns what follows the text's first clause when that
// clause is a complaint (投诉 or 反映) by one of who (a worker's title, a
// parent), and whether it is.
func complaintHead(text string, who []string) (rest string, ok bool) {
	end := strings.IndexAny(text, "：:，。")
	if end < 0 {
		return "", false
	}
	head := text[:end]
	if !nlp.Contains(head, "投诉") && !nlp.Contains(head, "反映") ||
		!slices.ContainsFunc(who, func(w string) bool { return nlp.Contains(head, w) }) {
		return "", false
	}
	return text[end:], true
}

// speaksOfOne reports 她, 他 or 我 standing for one person: not inside 其他
// (other) or 他人 (others), not the plural 她们 / 他们 / 我们.
func speaksOfOne(text string) bool {
	for i, r := range text {
		if r != '她' && r != '他' && r != '我' {
			continue
		}
		next, _ := utf8.DecodeRuneInString(text[i+len("他"):])
		// The complainant in the first person (劳动者投诉：我辞职后…): one,
		// unless 我们 or the unit (我厂, 我司, 我局).
		if r == '我' {
			if !strings.ContainsRune("们厂司局队校院", next) {
				return true
			}
			continue
		}
		if next == '们' || (r == '他' && (next == '人' || strings.HasSuffix(text[:i], "其"))) {
			continue
		}
		return true
	}
	return false
}

// circumstanceFields maps the circumstances fact extraction reads to their
// Facts fields; the name is the field's JSON name (a test checks it).
var circumstanceFields = [...]struct {
	name  string
	field func(*Facts) *bool
}{
	{nlp.CircFirstViolation, func(f *Facts) *bool { return &f.FirstViolation }},
	{nlp.CircCorrectedInTime, func(f *Facts) *bool { return &f.CorrectedInTime }},
	{nlp.CircSelfRemovedHarm, func(f *Facts) *bool { return &f.SelfRemovedHarm }},
	{nlp.CircCooperated, func(f *Facts) *bool { return &f.Cooperated }},
	{nlp.CircConfessed, func(f *Facts) *bool { return &f.Confessed }},
	{nlp.CircCoerced, func(f *Facts) *bool { return &f.Coerced }},
	{nlp.CircNoHarm, func(f *Facts) *bool { return &f.NoHarm }},
	{nlp.CircHarmSlight, func(f *Facts) *bool { return &f.HarmSlight }},
	{nlp.CircSerious, func(f *Facts) *bool { return &f.Serious }},
	{nlp.CircMeritorious, func(f *Facts) *bool { return &f.Meritorious }},
	{nlp.CircMinor, func(f *Facts) *bool { return &f.MinorViolation }},
	{nlp.CircHarmful, func(f *Facts) *bool { return &f.HarmfulConsequence }},
	{nlp.CircLifeHealth, func(f *Facts) *bool { return &f.LifeHealth }},
	{nlp.CircFinancial, func(f *Facts) *bool { return &f.FinancialSafety }},
	{nlp.CircContinuing, func(f *Facts) *bool { return &f.Continuing }},
	{nlp.CircNoFault, func(f *Facts) *bool { return &f.NoFault }},
	{nlp.CircDeclined, func(f *Facts) *bool { return &f.Declined }},
}

// isHarmRole reports whether a quantity role counts people harmed.
func isHarmRole(role string) bool {
	switch role {
	case "死亡", "重伤", "轻伤", "受伤", "中毒":
		return true
	}
	return false
}

// FactsOf turns an extraction into engine facts (all but Quantity, which
// ExtractFacts reads with the words of the text). Only facts that were
// found are set; amounts are totals per role, in yuan; a count is the
// first whole figure of its unit; a circumstance holds when some cue
// asserts it and none denies it. An earlier penalty contradicts 首次 and
// people harmed contradict 未造成危害后果, so those are then left unset.
func FactsOf(x nlp.Extraction) Extracted {
	out := Extracted{Extraction: x}
	f := &out.Facts
	span := func(field string, a, b int) { out.Spans = append(out.Spans, FactSpan{field, a, b}) }
	setTotal := func(t nlp.Total, field **float64, name string) {
		v := t.Value
		if v == 0 && *field != nil && **field > 0 {
			return // a base stated nil never replaces a figure read of it
		}
		*field = &v
		for _, a := range x.Amounts {
			if a.Role == t.Role && (!t.Explicit || a.Total) {
				span(name, a.Start, a.End)
			}
		}
	}
	for _, t := range x.Totals {
		for _, r := range moneyRoles {
			if r.role == t.Role && r.field != nil {
				setTotal(t, r.field(f), r.measure)
			}
		}
		for _, r := range baseRoles {
			if r.role == t.Role {
				setTotal(t, r.field(f), r.name)
			}
		}
	}
	goodsSpans(&out)
	goodsWithSold(&out)
	revenueFromSales(&out)
	underLimits(&out)
	if x.PartyKind != "" {
		f.PartyKind = x.PartyKind
		span("party_kind", x.PartyStart, x.PartyEnd)
	}
	if x.MentalState != "" && x.PartyKind != "单位" {
		f.MentalState = x.MentalState
		span("mental_state", x.MentalStart, x.MentalEnd)
	}
	if x.Age != nil && x.PartyKind != "单位" {
		age := *x.Age
		f.Age = &age
		span("age", x.AgeStart, x.AgeEnd)
	}
	for _, d := range x.Dates {
		var field *string
		var name string
		switch d.Role {
		case nlp.DateAct:
			field, name = &f.ActDate, "act_date"
		case nlp.DateActEnd:
			field, name = &f.ActEndDate, "act_end_date"
		case nlp.DateDiscovery:
			field, name = &f.DiscoveryDate, "discovery_date"
		}
		if field != nil && *field == "" {
			*field = d.Value
			span(name, d.Start, d.End)
		}
	}
	partPersons := false
	for _, q := range x.Quantities {
		var field **float64
		var name string
		switch {
		case isHarmRole(q.Role):
			if q.Value > 0 {
				f.HarmfulConsequence = true
				span("harmful_consequence", q.Start, q.End)
			}
			continue
		case (q.Unit == "人" || q.Unit == "名") && q.Excess:
			// 其中被派遣劳动者48人…，超出的33人: a fine per head over a
			// ratio counts those over it, whatever part came before.
			partPersons, f.Persons = true, nil
			out.Spans = slices.DeleteFunc(out.Spans, func(sp FactSpan) bool { return sp.Field == "persons" })
			field, name = &f.Persons, "persons"
		case (q.Unit == "人" || q.Unit == "名") && q.Part && !partPersons:
			// 共有员工120人，其中23名……: the per-worker fines count the
			// 23 the facts are about, not the workforce.
			partPersons, f.Persons = true, nil
			out.Spans = slices.DeleteFunc(out.Spans, func(sp FactSpan) bool { return sp.Field == "persons" })
			field, name = &f.Persons, "persons"
		case q.Unit == "人" || q.Unit == "名":
			field, name = &f.Persons, "persons"
		case q.Unit == "辆":
			field, name = &f.Vehicles, "vehicles"
		case q.Unit == "日" || q.Unit == "天":
			field, name = &f.Days, "days"
		}
		if field != nil && *field == nil && q.Value == float64(int64(q.Value)) {
			v := q.Value
			*field = &v
			span(name, q.Start, q.End)
		}
	}
	prior := 0
	for _, c := range x.Circumstances {
		if c.Name == nlp.CircPriorPenalties && c.Count > prior {
			prior = c.Count
		}
	}
	if prior > 0 {
		p, p2 := float64(prior), float64(prior)
		f.PriorPenalties, f.PriorPenalties2Y = &p, &p2
	}
	for _, cf := range circumstanceFields {
		if x.Flag(cf.name) {
			*cf.field(f) = true
		}
	}
	if prior > 0 {
		f.FirstViolation = false
	}
	if x.Flag(nlp.CircPersonHarmed) {
		f.HarmfulConsequence, f.LifeHealth = true, true
		for _, c := range x.Circumstances {
			if c.Name == nlp.CircPersonHarmed {
				span("harmful_consequence", c.Start, c.End)
				span("life_health", c.Start, c.End)
			}
		}
	}
	if f.HarmfulConsequence {
		f.NoHarm = false
	}
	for _, c := range x.Circumstances {
		switch {
		case c.Name == nlp.CircPriorPenalties && prior > 0:
			span("prior_penalties", c.Start, c.End)
			span(nlp.CircPriorPenalties, c.Start, c.End)
		case c.Negated:
		default:
			for _, cf := range circumstanceFields {
				if cf.name == c.Name && *cf.field(f) {
					span(c.Name, c.Start, c.End)
				}
			}
		}
	}
	return out
}

// plotAfterComma reports whether gap, the text between two areas, starts the
// next plot of land occupied after a comma (办公用房占地1,260平方米，硬化堆场540
// 平方米): only when the first area's phrase says 占地 or 占用, and the next
// item is a name as a list's would be (nlp.ListJoint: no 其中, 建筑面积, 合计)
// with no building verb (占用土地1200平方米，搭建厂房500平方米 is one plot
// and what stands on it).
func plotAfterComma(text string, first int, gap string) bool {
	rest, ok := strings.CutPrefix(gap, "，")
	if !ok {
		return false
	}
	phrase := text[max(0, first-30):first]
	if i := strings.LastIndexAny(phrase, "，。；：,;:"); i >= 0 {
		phrase = phrase[i:]
	}
	if !strings.Contains(phrase, "占地") && !strings.Contains(phrase, "占用") {
		return false
	}
	for _, w := range plotBuildWords {
		if strings.Contains(rest, w) {
			return false
		}
	}
	if !strings.Contains(rest, "占用") && !strings.Contains(rest, "占地") && !strings.HasPrefix(rest, "另") && !strings.HasPrefix(rest, "又") {
		// Not told occupied in its own words: a plot beside the first
		// (旁边宅基地2400平方米堆放建材), another's, or land of a kind named
		// apart from the occupation (…占用耕地1200平方米，宅基地…) is no
		// further plot of the same act.
		for _, w := range plotApartWords {
			if strings.Contains(rest, w) {
				return false
			}
		}
	}
	return nlp.ListJoint("、" + rest)
}

// plotApartWords, in the item after a plot not itself told occupied, name
// land beside it or another's (旁边, 邻居), or a kind of land (宅基地, 耕地):
// the decision's own plots listed after 占地 are named by what they are for
// (冷库, 晾晒场, 排污塘).
var plotApartWords = [...]string{"旁边", "隔壁", "相邻", "邻近", "附近", "周边", "周围", "对面", "一侧", "他人", "别人", "邻居", "邻户", "村民", "其他",
	"宅基地", "耕地", "林地", "草地", "园地", "承包地", "自留地", "责任田", "农用地", "建设用地", "集体土地", "国有土地", "基本农田"}

// plotBuildWords, in the item after a plot, say it is built on the plot, not
// another plot.
var plotBuildWords = [...]string{"搭建", "建设", "建造", "修建", "新建", "建有", "盖", "挖"}

// muNum/muDen is the square metres of one 亩: 10000/15.
const muNum, muDen = 10000, 15

// quantityOf sets Facts.Quantity, the count the catalog's per-unit fines
// other than persons, vehicles and days are computed from: the area in
// 平方米 of land occupied (土地管理法实施条例 第五十七条, 每平方米), an area
// in 亩 converted when it makes whole square metres (6亩 = 4000平方米), or
// the 人·月 of child labour (禁止使用童工规定 第六条: 每使用一名童工每月)
// where the text counts the children and the months each was used (the
// sum when it gives each child's months after 分别).
func quantityOf(out *Extracted, text string) {
	f, x := &out.Facts, out.Extraction
	var mu, months *nlp.Quantity
	var each []float64 // every 个月, for 分别 2个月、3个月和4个月
	var eachQ []*nlp.Quantity
	for i := range x.Quantities {
		q := &x.Quantities[i]
		switch q.Unit {
		case "平方米":
			if q.Value == float64(int64(q.Value)) {
				v := q.Value
				out.Spans = append(out.Spans, FactSpan{"quantity", q.Start, q.End})
				// Plots listed one after another (分别占地4,600平方米和3,300
				// 平方米) are the land occupied together.
				for end, j := q.End, i+1; j < len(x.Quantities); j++ {
					n := x.Quantities[j]
					if n.Unit != "平方米" || n.Start < end || n.Start > len(text) || !nlp.ListJoint(text[end:n.Start]) && !plotAfterComma(text, q.Start, text[end:n.Start]) {
						break
					}
					v += n.Value
					end = n.End
					out.Spans = append(out.Spans, FactSpan{"quantity", n.Start, n.End})
				}
				f.Quantity = &v
				return
			}
		case "亩":
			if mu == nil {
				mu = q
			}
		case "个月":
			if payRate(text, q) {
				continue // 一个月给一千五, 每个月工资: a wage's period, not the months used
			}
			if months == nil {
				months = q
			}
			each = append(each, q.Value)
			eachQ = append(eachQ, q)
		}
	}
	if mu != nil {
		if m2 := mu.Value * muNum / muDen; math.Abs(m2-math.Round(m2)) < 1e-6 {
			v := math.Round(m2)
			f.Quantity = &v
			out.Spans = append(out.Spans, FactSpan{"quantity", mu.Start, mu.End})
		}
		return
	}
	// A child shown only by a birth date (洗碗工李某某系2010年12月出生) counts
	// as one: the workers under sixteen on the act's day, when the text
	// does not name the children with 童工 or 未满十六周岁.
	persons := f.Persons
	if !childLabour(text) {
		persons = nil
		if n := under16(x.OtherAges); n > 0 {
			persons = &n
		} else if x.PartyKind == "单位" && x.Age != nil && *x.Age < 16 && f.Persons != nil {
			// 招用两名14岁初中生: a unit has no age, so an age under
			// sixteen is its workers', counted by the persons the text gives.
			persons = f.Persons
		}
	}
	if persons == nil && childLabour(text) {
		// 使用这名未满十六周岁的少年, 一个十四岁的男孩……该男孩2012年3月出生:
		// no head count, but the children dated by birth, or one child
		// named in the singular.
		if n := under16(x.OtherAges); n > 0 {
			persons = &n
		} else if slices.ContainsFunc(singleChildWords[:], func(w string) bool { return nlp.Contains(text, w) }) {
			one := 1.0
			persons = &one
		}
	}
	span := 0.0
	if months == nil && persons != nil {
		// 自2025年6月1日至8月31日在店内做工: the months of the act's span
		// when it runs from a month's first day to a month's last.
		span = wholeMonths(f.ActDate, f.ActEndDate)
		if span > 0 {
			months = &nlp.Quantity{Value: span, Unit: "个月"}
			for _, sp := range out.Spans {
				if sp.Field == "act_end_date" {
					months.Start, months.End = sp.Start, sp.End
				}
			}
		} else if !childLabour(text) {
			// no children: no order to send them home to count from
		} else if n, at := monthsSinceOrder(text, x.Dates); n > 0 {
			months = &nlp.Quantity{Value: n, Unit: "个月", Start: at.Start, End: at.End}
		}
	}
	if months != nil && persons != nil {
		v := *persons * months.Value
		if len(each) > 1 && float64(len(each)) == *persons && nlp.Contains(text, "分别") {
			// 三人分别被使用了2个月、3个月和4个月: each child's months.
			v = 0
			for _, m := range each {
				v += m
			}
		}
		all := *persons
		for _, q := range x.Quantities {
			if (q.Unit == "名" || q.Unit == "人") && !q.Part && q.Value > all {
				all = q.Value // 童工三名，其中两名……: the whole count
			}
		}
		if g, ok := groupedMonths(text, eachQ, *persons, all); ok {
			// 汤某、罗某各被使用2个月，陆某被使用1个月: each group's
			// children times its months.
			v = g
		}
		if v == math.Trunc(v) {
			f.Quantity = &v
			out.Spans = append(out.Spans, FactSpan{"quantity", months.Start, months.End})
		}
	}
}

// groupedMonths sums the 人·月 when the text gives the months of the
// children in groups, each clause naming who (汤某、罗某各被使用2个月，陆某
// 被使用1个月; 其中两名各做工3个月，另一名做工1个月; 其中2名使用4个月、1名
// 使用2个月): a clause with 各 counts the names (某) or the number of
// children before it, one without counts the number it gives, or one child. ok only when there are several groups and their sizes
// add up to the children counted (persons, or all the text counts).
func groupedMonths(text string, months []*nlp.Quantity, persons, all float64) (float64, bool) {
	if len(months) < 2 {
		return 0, false
	}
	total, n := 0.0, 0.0
	prev := 0 // the clause of a group starts after the previous group's months
	for _, q := range months {
		if q.Start < prev || q.Start > len(text) {
			return 0, false
		}
		clause := text[prev:q.Start]
		prev = q.End
		if i := strings.LastIndexAny(clause, "，；。：,;"); i >= 0 {
			_, w := utf8.DecodeRuneInString(clause[i:])
			clause = clause[i+w:]
		}
		// A clause without 各 counts the children it numbers (其中2名使用4
		// 个月), or one (陆某被使用1个月).
		k := max(1, groupCount(clause))
		if strings.Contains(clause, "各") {
			k = 0
			if c := float64(nameCount(clause)); c >= 2 {
				k = c
			} else if c := groupCount(clause); c >= 2 {
				k = c
			}
			if k == 0 {
				return 0, false
			}
		}
		total += k * q.Value
		n += k
	}
	if n != persons && n != all {
		return 0, false
	}
	return total, true
}

// nameCount counts the names a clause gives as 汤某 or 汤某某: runs of 某,
// so that 李某某 is one child, not two.
func nameCount(clause string) int {
	n, prev := 0, rune(0)
	for _, r := range clause {
		if r == '某' && prev != '某' {
			n++
		}
		prev = r
	}
	return n
}

// groupDigits are the one-figure counts groupCount reads; a larger group
// (十二名) is not read, and the sum check of groupedMonths then refuses the
// grouping.
var groupDigits = map[rune]float64{'一': 1, '两': 2, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
	'1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7, '8': 8, '9': 9}

// groupCount reads the number of children a clause names before 名 or 人
// (两名, 3人), 0 when it names none.
func groupCount(clause string) float64 {
	rs := []rune(clause)
	for i := 1; i < len(rs); i++ {
		if rs[i] == '名' || rs[i] == '人' {
			if i >= 2 && unicode.IsDigit(rs[i-2]) {
				return 0 // 12名: more than one figure
			}
			if v, ok := groupDigits[rs[i-1]]; ok {
				return v
			}
		}
	}
	return 0
}

// wholeMonths counts the calendar months from from to to (YYYY-MM-DD) when
// the span runs from a month's first day to a month's last (2025-06-01 to
// 2025-08-31 is three) or to the day before from's day in a later month
// (06-15 to 09-14 is three); 0 otherwise.
func wholeMonths(from, to string) float64 {
	a, err1 := time.Parse("2006-01-02", from)
	b, err2 := time.Parse("2006-01-02", to)
	if err1 != nil || err2 != nil || !b.After(a) {
		return 0
	}
	n := (b.Year()-a.Year())*12 + int(b.Month()) - int(a.Month())
	switch {
	case a.Day() == 1 && b.AddDate(0, 0, 1).Day() == 1:
		n++
	case b.AddDate(0, 0, 1).Day() == a.Day() && a.Day() != 1:
	default:
		return 0
	}
	if n < 1 || n > 120 {
		return 0
	}
	return float64(n)
}

// monthsSinceOrder counts the whole months from the day the children were
// ordered sent home (本局于2025年3月20日……责令其……将童工送回) to a later day
// the text finds them still there (2025年5月20日复查时，两人仍在车间做工):
// 禁止使用童工规定 第六条第二款 fines each child each month 从责令限期改正之日起.
// A month counts once its day of the month is reached (3月20日 to 5月20日:
// two). It answers 0 unless the text says the order was not complied with
// (逾期, 仍未送回), and gives the later date's span.
func monthsSinceOrder(text string, dates []nlp.Date) (float64, nlp.Date) {
	if !slices.ContainsFunc(overdueWords[:], func(w string) bool { return strings.Contains(text, w) }) {
		return 0, nlp.Date{}
	}
	var order time.Time
	for _, d := range dates {
		if d.Earlier || d.Start < 0 || d.Start > d.End || d.End > len(text) {
			continue
		}
		t, err := time.Parse("2006-01-02", d.Value)
		if err != nil {
			continue // a month or a year alone counts no days
		}
		s := sentenceAt(text, d.Start, d.End)
		switch {
		case order.IsZero():
			if strings.Contains(s, "责令") {
				order = t
			}
		case t.After(order) && slices.ContainsFunc(revisitWords[:], func(w string) bool { return strings.Contains(s, w) }):
			n := (t.Year()-order.Year())*12 + int(t.Month()) - int(order.Month())
			if t.Day() < order.Day() {
				n--
			}
			if n < 1 || n > 120 {
				return 0, nlp.Date{}
			}
			return float64(n), d
		}
	}
	return 0, nlp.Date{}
}

// overdueWords say an order to send the children home was not complied with.
var overdueWords = [...]string{"逾期", "仍未送", "未送回", "未送交", "仍未将"}

// revisitWords date the later visit that found the children still at work.
var revisitWords = [...]string{"复查", "回访", "再次检查", "检查时", "检查发现", "仍在", "仍未"}

// sentenceAt is the sentence of text around [start, end): from after the
// previous 。 or ； to the next 。, at most sentenceReach bytes either side
// (on rune boundaries), so that a long text without stops costs each date
// no scan of the whole text.
func sentenceAt(text string, start, end int) string {
	lo := max(start-sentenceReach, 0)
	for lo < start && !utf8.RuneStart(text[lo]) {
		lo++
	}
	hi := min(end+sentenceReach, len(text))
	for hi > end && hi < len(text) && !utf8.RuneStart(text[hi]) {
		hi--
	}
	from := lo
	if i := max(strings.LastIndex(text[lo:start], "。"), strings.LastIndex(text[lo:start], "；")); i >= 0 {
		from = lo + i
	}
	to := strings.Index(text[end:hi], "。")
	if to < 0 {
		return text[from:hi]
	}
	return text[from : end+to]
}

// sentenceReach bounds sentenceAt's search for a stop: a sentence of an
// order or a visit is far shorter.
const sentenceReach = 600

// underLimits sets Facts.Under for a base the text states only as under a
// limit (货值金额不足一万元, 违法所得在一万元以下): the lowest such limit,
// when the text gives no figure for the base.
func underLimits(out *Extracted) {
	f, x := &out.Facts, out.Extraction
	for _, a := range x.Amounts {
		if !a.Under {
			continue
		}
		name := ""
		for _, r := range moneyRoles {
			if r.role == a.Role && r.field != nil && *r.field(f) == nil {
				name = r.measure
			}
		}
		for _, r := range baseRoles {
			if r.role == a.Role && *r.field(f) == nil {
				name = r.name
			}
		}
		if name == "" {
			continue
		}
		if v, ok := f.Under[name]; ok && v <= a.Value {
			continue
		}
		if f.Under == nil {
			f.Under = map[string]float64{}
		}
		f.Under[name] = a.Value
		out.Spans = append(out.Spans, FactSpan{"under", a.Start, a.End})
	}
}

// under16 counts the ages below sixteen among others' ages.
func under16(ages []float64) float64 {
	n := 0.0
	for _, a := range ages {
		if a < 16 {
			n++
		}
	}
	return n
}

// childLabour reports whether the text speaks of using children under 16.
func childLabour(text string) bool {
	if nlp.Contains(text, "童工") || nlp.Contains(text, "未满十六周岁") || nlp.Contains(text, "不满十六周岁") || nlp.Contains(text, "未满16周岁") || nlp.Contains(text, "不满16周岁") {
		return true
	}
	// 两名十三岁学生, 招用14岁初中生: the children named by an age under sixteen.
	for _, w := range childAgeWords {
		if nlp.Contains(text, w) {
			return true
		}
	}
	return false
}

// payRate reports whether the months at q are a wage's period: 每 before
// them, or pay after them (一个月给一千五, 一个月工资三千, 一个月才挣两千).
func payRate(text string, q *nlp.Quantity) bool {
	if q.Start < 0 || q.End > len(text) || q.Start > q.End {
		return false
	}
	if strings.HasSuffix(text[:q.Start], "每") {
		return true
	}
	after := text[q.End:]
	for _, w := range payWords {
		if strings.HasPrefix(after, w) {
			return true
		}
	}
	return false
}

// payWords, right after a number of months, make it the period of a wage.
var payWords = [...]string{"给", "发", "工资", "工钱", "薪", "挣", "拿", "赚", "开", "付", "才给", "才挣", "才拿", "只给", "只有", "能拿", "能挣"}

// singleChildWords name one child worker without a number.
var singleChildWords = [...]string{"这名", "该名", "此名", "该少年", "该少女", "该男孩", "该女孩", "该童工", "该学生", "该孩子", "这个孩子", "一个孩子", "一个男孩", "一个女孩", "一个小孩"}

// childAgeWords are ages under sixteen as officers write a child worker's.
var childAgeWords = [...]string{"十二岁", "十三岁", "十四岁", "十五岁", "12岁", "13岁", "14岁", "15岁",
	"十二周岁", "十三周岁", "十四周岁", "十五周岁", "12周岁", "13周岁", "14周岁", "15周岁"}

// revenueFromSales takes the 违法经营额 of 商标法 and the 违法经营总额 of the
// tobacco rules, when the text names no such amount but states what was
// sold and nothing is left (已销售金额四万二千元，店内无库存): the sales.
func revenueFromSales(out *Extracted) {
	f := &out.Facts
	if f.IllegalRevenue != nil || f.SalesAmount == nil {
		return
	}
	// Only when the sales are the whole (nothing held, or a 货值金额 that is
	// the sales): goods still held are valued by the officer's own method.
	if f.GoodsValue != nil && *f.GoodsValue != *f.SalesAmount {
		return
	}
	revenueFrom(out, *f.SalesAmount, nlp.RoleSalesAmount)
}

// revenueFrom sets the 违法经营额 to v, read from the amounts of role.
func revenueFrom(out *Extracted, v float64, role string) {
	out.Facts.IllegalRevenue = &v
	for _, a := range out.Extraction.Amounts {
		if a.Role == role {
			out.Spans = append(out.Spans, FactSpan{MeasureIllegalRevenue, a.Start, a.End})
		}
	}
}

// markTradeWords name the trade whose fine is on the 违法经营额 counted from
// the goods' value: marks (商标), a 混淆 of another's name, packaging or
// trade dress, and tobacco. A 货值 in any other text stays a 货值 only.
var markTradeWords = [...]string{"商标", "混淆", "装潢", "卷烟", "烟草", "雪茄", "烟丝"}

// containsAnyWord reports whether text contains one of words.
func containsAnyWord(text string, words []string) bool {
	for _, w := range words {
		if nlp.Contains(text, w) {
			return true
		}
	}
	return false
}

// revenueFromGoods takes the 违法经营额 of 商标法 (and of 反不正当竞争法's
// 混淆 and the tobacco rules) from the value of the goods dealt in when the
// text states no 违法经营额 (with sales also stated, only as below): 商标法实施条例 第七十八条
// counts the infringing goods at their price or 标价, which is the 货值 or
// 案值 an officer writes (案值¥21,700.00, 侵权商品货值金额3.6万元).
// ExtractFacts calls it only for texts that name such a trade.
func revenueFromGoods(out *Extracted, text string) {
	f := &out.Facts
	if f.IllegalRevenue != nil || f.GoodsValue == nil {
		return
	}
	if f.SalesAmount != nil {
		// Sold and held both told (销售金额62400元；现场查扣尚未售出的…货值
		// 15000元): 第七十八条 counts the goods sold at their price and those
		// not sold at their 标价, which is the sum goodsWithSold made the
		// 货值金额 (it adds the sales only to a value given for the stock).
		// Not where the goods are passed off as genuine or good (冒充名酒,
		// 以假充真): that 货值金额 is 产品质量法 第五十条's base, and a
		// 违法经营额 made from it would rank 商标法 over it on the base alone.
		if *f.GoodsValue > *f.SalesAmount && heldOnly(out.Extraction) && !containsAnyWord(text, qualityFraudWords[:]) {
			revenueFrom(out, *f.GoodsValue, nlp.RoleGoodsValue)
			for _, a := range out.Extraction.Amounts {
				if a.Role == nlp.RoleSalesAmount {
					out.Spans = append(out.Spans, FactSpan{MeasureIllegalRevenue, a.Start, a.End})
				}
			}
		}
		return
	}
	revenueFrom(out, *f.GoodsValue, nlp.RoleGoodsValue)
}

// qualityFraudWords tell goods passed off as genuine, new or good
// (产品质量法 第五十条).
var qualityFraudWords = [...]string{"冒充", "以假充真", "以次充好", "掺杂", "掺假", "不合格"}

// heldOnly reports whether every 货值金额 of x is given for the goods still
// held (nlp's Unsold), and there is one.
func heldOnly(x nlp.Extraction) bool {
	held := false
	for _, a := range x.Amounts {
		if a.Role == nlp.RoleGoodsValue {
			if !a.Unsold {
				return false
			}
			held = true
		}
	}
	return held
}

// goodsSpans points a 货值金额 no amount of the text names at the sales it
// was made from: the sales themselves when nothing was said of goods held
// (nlp.GoodsFromSales), the sales and the stock's unit price
// when the stock was counted (nlp.GoodsWithStock).
func goodsSpans(out *Extracted) {
	if out.Facts.GoodsValue == nil {
		return
	}
	for _, sp := range out.Spans {
		if sp.Field == MeasureGoodsValue {
			return
		}
	}
	for _, a := range out.Extraction.Amounts {
		if a.Role == nlp.RoleSalesAmount {
			out.Spans = append(out.Spans, FactSpan{MeasureGoodsValue, a.Start, a.End})
		}
	}
}

// goodsWithSold adds the goods sold to a 货值金额 the text gives only for the
// goods still held (已销售……销售金额四万三千元，库存待售部分货值八千元): the
// 货值金额 of 产品质量法 and 食品安全法 is that of all the goods produced or
// sold illegally, sold ones included.
func goodsWithSold(out *Extracted) {
	f, x := &out.Facts, out.Extraction
	if f.GoodsValue == nil || f.SalesAmount == nil {
		return
	}
	// A 货值金额 no amount of the text names is the sales themselves
	// (已售4.4万元 库存无, nlp's allSold).
	if !heldOnly(x) {
		return
	}
	v := *f.GoodsValue + *f.SalesAmount
	f.GoodsValue = &v
	for _, a := range x.Amounts {
		if a.Role == nlp.RoleSalesAmount {
			out.Spans = append(out.Spans, FactSpan{MeasureGoodsValue, a.Start, a.End})
		}
	}
}

// tobaccoWords name tobacco goods: their unlicensed trade is fined on the
// 违法经营总额 (烟草专卖法实施条例 第五十七条).
var tobaccoWords = [...]string{"卷烟", "烟草", "香烟", "雪茄", "烟丝"}

// NamesTobacco reports whether text deals in tobacco goods (卷烟, 烟丝…):
// their 违法经营总额 is the 非法经营数额 of 非法经营罪 too.
func NamesTobacco(text string) bool { return containsAnyWord(text, tobaccoWords[:]) }

// seizedWords, in the phrase before an amount, say it is the value of the
// goods found and held, not of those sold.
var seizedWords = [...]string{"查获", "查扣", "扣押", "扣留", "现场", "库存", "存放", "尚未", "未售", "剩余", "暂扣"}

// tobaccoRevenue makes the 违法经营总额 of a tobacco case from what was sold
// and what was found: 已售卷烟金额共计8,600元，现场查获卷烟价值4,200元 is
// 12,800 元, and sales alone (7月售出12,400元…) are the whole of it. The
// cigarettes sold and those held both count (烟草专卖品刑事案件解释 第四条:
// 非法经营数额 is the value of the 烟草专卖品 dealt in, sold or not). A
// total the text names (违法经营总额为…) decides: an amount read as the
// revenue that is no seized goods' value stays as it is.
func tobaccoRevenue(out *Extracted, text string) {
	f := &out.Facts
	if f.SalesAmount == nil {
		return
	}
	if f.IllegalRevenue == nil {
		revenueFrom(out, *f.SalesAmount, nlp.RoleSalesAmount)
		return
	}
	held := 0.0
	for _, a := range out.Extraction.Amounts {
		if a.Role != nlp.RoleIllegalRevenue {
			continue
		}
		phrase := text[max(0, a.Start-36):a.Start]
		if i := strings.LastIndexAny(phrase, "，。；,;"); i >= 0 {
			phrase = phrase[i:]
		}
		if !containsAnyWord(phrase, seizedWords[:]) || strings.Contains(phrase, "总额") || strings.Contains(phrase, "数额") {
			return
		}
		held += a.Value
	}
	if held > 0 && held == *f.IllegalRevenue {
		v := held + *f.SalesAmount
		f.IllegalRevenue = &v
		for _, a := range out.Extraction.Amounts {
			if a.Role == nlp.RoleSalesAmount {
				out.Spans = append(out.Spans, FactSpan{MeasureIllegalRevenue, a.Start, a.End})
			}
		}
	}
}
