package caseanalysis

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// measures reads the numeric facts prosecution thresholds test from an
// extraction. Quantities are read by their role and unit, with the words
// of the text deciding what a tonnage or an area is of.
func measures(norm, text string, x nlp.Extraction) map[string]float64 {
	m := map[string]float64{}
	for _, t := range x.Totals {
		if name, ok := rules.MeasureOfRole(t.Role); ok {
			m[name] = t.Value
		}
	}
	if compensationOnly(norm) {
		// The 经济补偿 owed on ending a contract is no 劳动报酬 (解释 第一条:
		// 工资、奖金、津贴、补贴、延长工作时间的工资报酬…): its amount meets no
		// standard of 拒不支付劳动报酬罪.
		delete(m, rules.MeasureWagesOwed)
	}
	setMax := func(name string, v float64) {
		if v > m[name] {
			m[name] = v
		}
	}
	var alcohol alcoholReadings
	var areaMu float64           // the largest area in square metres, in 亩
	var wasteList listRun        // tonnages listed one after another (分别为1,200千克、900千克和600千克)
	var muList, areaList listRun // plots listed one after another, in 亩 and in square metres
	var workerList listRun       // groups of workers listed (厨师3名、服务员9名)
	// The same for every quantity of the text.
	licensed := licensedHandover(norm)
	for _, q := range x.Quantities {
		switch {
		case q.Role == "死亡":
			setMax(rules.MeasureDeaths, q.Value)
		case q.Role == "重伤":
			setMax(rules.MeasureSeriousInjuries, q.Value)
		case q.Role == "轻伤":
			setMax(rules.MeasureMinorInjuries, q.Value)
		case q.Role == "中毒":
			setMax(rules.MeasurePoisoned, q.Value)
		case q.Unit == "毫克/100毫升" || strings.EqualFold(q.Unit, "mg/100ml"):
			// 醉酒 on an 电动自行车 is a 道路交通安全法 第八十九条 matter:
			// 危险驾驶罪 needs a 机动车 (刑法 第一百三十三条之一).
			if !nonMotorOnly(norm) {
				alcohol.read(text, q)
			}
		case q.Unit == "倍" && q.Role == "超标":
			setMax(rules.MeasureExceedMultiple, q.Value)
		case (q.Unit == "吨" || q.Unit == "千克" || q.Unit == "公斤") && (namesHazardousWaste(norm) || hwCode.MatchString(norm) || containsAny(norm, hazardousWasteNames)):
			// Tonnes produced or planned (年度预计产生量约6.5吨) are no
			// tonnes 排放、倾倒、处置: only those count towards 污染环境罪.
			// Weighbridge slips write kilograms (3600千克).
			stored := storedOnly(text, q)
			if !producedAmount(text, q) && !licensed && !wastewaterTonnes(text, q) && !(stored && !inTheOpen(text, q)) {
				t := q.Value
				if q.Unit != "吨" {
					t /= 1000
				}
				// 每桶装约一百九十公斤 of 铁桶十八只: a container's weight
				// times the containers (transfer30b).
				// Barrels only kept, even in the open, are no heap
				// left to scatter (fix30a).
				if n := containersOf(text, q); n > 1 && !stored {
					t *= n
				}
				setMax(rules.MeasureHazardousWaste, t)
				wasteList = wasteList.add(text, q, t)
				setMax(rules.MeasureHazardousWaste, wasteList.sum)
			}
		case q.Unit == "亩":
			// nlp reads hectares as 亩 already. Plots listed one after
			// another (分别占用3.2亩和4.1亩) are occupied together.
			landMu(norm, q.Value, setMax)
			muList = muList.add(text, q, q.Value)
			landMu(norm, muList.sum, setMax)
		case q.Unit == "平方米":
			// Land surveys write square metres (旱地约8000平方米); the
			// thresholds count 亩 (1亩 = 10000/15 平方米). An area in 亩 the
			// text also gives decides; a building's floor area beside it is
			// no land occupied. Plots listed (分别占地4,600平方米和3,300平方米)
			// add up.
			areaList = areaList.add(text, q, q.Value)
			areaMu = max(areaMu, q.Value*15/10000, areaList.sum*15/10000)
		case (q.Unit == "人" || q.Unit == "名") && owesWages(norm):
			// Groups listed one after another (厨师3名、服务员9名) are
			// owed together.
			setMax(rules.MeasureWorkers, q.Value)
			workerList = workerList.add(text, q, q.Value)
			setMax(rules.MeasureWorkers, workerList.sum)
		}
	}
	if areaMu > 0 && !hasMu(x.Quantities) {
		landMu(norm, areaMu, setMax)
	}
	if v, ok := alcohol.value(); ok {
		m[rules.MeasureBloodAlcohol] = v
	}
	exceedances(norm, setMax)
	// An appraisal of one victim's injury (经鉴定…损伤程度为轻伤二级) states
	// the grade without a count: one person at least.
	if m[rules.MeasureSeriousInjuries] == 0 && injuryGrade(norm, seriousInjuryCues) {
		m[rules.MeasureSeriousInjuries] = 1
	}
	// A victim named rather than counted (致刘某经抢救无效死亡, 将行人张某
	// 碾压致死) or a death told without a count (当场死亡, 坠亡) is one death
	// at least.
	if m[rules.MeasureDeaths] == 0 && oneDeath(norm) {
		m[rules.MeasureDeaths] = 1
	}
	if m[rules.MeasureMinorInjuries] == 0 && injuryGrade(norm, minorInjuryCues) {
		m[rules.MeasureMinorInjuries] = 1
	}
	if w, ok := m[rules.MeasureWagesOwed]; ok {
		// The one-worker standard (一名劳动者…五千元) is a worker's amount:
		// a total owed to several is shared among them, never read whole
		// against it; the text rarely says how unevenly.
		m[rules.MeasureWagesPerWorker] = w
		if n := m[rules.MeasureWorkers]; n > 1 {
			m[rules.MeasureWagesPerWorker] = w / n
		}
	}
	if owesWages(norm) {
		// 拖欠…五个月工资: the months owed, not a deadline (一个月内支付).
		for _, sm := range monthsOwedRe.FindAllStringSubmatch(norm, -1) {
			if v, ok := count(sm[1]); ok {
				setMax(rules.MeasureMonthsOwed, v)
			}
		}
		// 拖欠…2026年3月至4月工资: the months of the act's span when no
		// count is written.
		if _, ok := m[rules.MeasureMonthsOwed]; !ok {
			if n := spanMonths(x.Dates); n > 0 {
				m[rules.MeasureMonthsOwed] = n
			}
		}
	}
	if nlp.Contains(norm, "赌") {
		gambling(norm, text, x, setMax)
		namedGamblers(norm, setMax)
	}
	groupReadings(norm, setMax)
	transfer29Readings(norm, text, x, m, setMax)
	catchCopiesBribes(norm, text, x, m, setMax)
	// The liability must be the party's (交通肇事罪): 0 when the report
	// gives the party a lesser one beside another's main one.
	if lesser, ok := partyLiability(norm); ok {
		m[rules.MeasurePartyMainLiability] = 1
		if lesser {
			m[rules.MeasurePartyMainLiability] = 0
		}
	}
	if _, ok := m[rules.MeasureMineralValue]; !ok && containsAny(norm, miningWords) {
		minedValue(text, x, setMax)
		if _, ok := m[rules.MeasureMineralValue]; !ok {
			minedByPrice(norm, setMax)
		}
	}
	// 雇用童工从事危重劳动罪 counts the children (三人以上): 使用3名未满十六
	// 周岁的少年, 雇用4名15周岁童工, 招用童工2名.
	if nlp.Contains(norm, "童工") || nlp.Contains(norm, "十六周岁") || nlp.Contains(norm, "16周岁") {
		for _, re := range childWorkersRes {
			for _, loc := range re.FindAllStringSubmatchIndex(norm, -1) {
				if nlp.Negated(norm, loc[0]) {
					continue
				}
				if v, ok := count(norm[loc[2]:loc[3]]); ok {
					setMax(rules.MeasureChildWorkers, v)
				}
			}
		}
	}
	// Children dated by birth and not named 童工 (三名少年……经核查户籍，三人
	// 分别出生于2011年2月……): a unit has no age, so an age under sixteen the
	// facts give is its workers', counted by the young people the text names
	// (N名少年), as the fine's reading does; other people's birth dates under
	// sixteen count one each.
	if _, ok := m[rules.MeasureChildWorkers]; !ok && hiresWorkers(norm) {
		n := 0.0
		for _, a := range x.OtherAges {
			if a < 16 {
				n++
			}
		}
		if unitWorkerUnder16(norm, x) {
			for _, sm := range youngWorkersRe.FindAllStringSubmatch(norm, -1) {
				if v, ok := count(sm[1]); ok && v > n {
					n = v
				}
			}
			if b := birthsUnder16(x); b > n {
				n = b
			}
		}
		if n > 0 {
			setMax(rules.MeasureChildWorkers, n)
		}
	}
	// The amount of 盗窃, 诈骗 and the like is what was taken; reading it
	// costs a pass over every amount, so only where such conduct is named,
	// or a threat told by its condition (不给钱就把照片发到…).
	if propertyCrimeSet.In(norm) || moneyThreat(norm) {
		if s, ok := nlp.CrimeAmount(text); ok {
			m[rules.MeasurePropertyValue] = s.Value
		}
	}
	// Counts written with the person first (一名员工…死亡) escape the
	// quantity extractor, which reads the word right before a number.
	for _, c := range []struct {
		re      nlp.GuardedRegexp
		measure string
		last    int // bytes of the closing word (死亡, 食物中毒), where a denial is looked for
	}{{deathsRe, rules.MeasureDeaths, len("死亡")}, {seriousRe, rules.MeasureSeriousInjuries, len("重伤")},
		{poisonedRe, rules.MeasurePoisoned, len("食物中毒")}, {slightRe, rules.MeasureSlightInjuries, len("轻微伤")}} {
		for _, loc := range c.re.FindAllStringSubmatchIndex(norm, -1) {
			// 2人受伤，未造成人员死亡 and 二人经鉴定未达轻微伤 count no one.
			if nlp.Negated(norm, loc[1]-c.last) {
				continue
			}
			// The count nearest the outcome is its count: a person counted
			// earlier in the window (又拳打另一人 二人经鉴定均为轻微伤) is
			// one of those the later count sums up.
			n := norm[loc[2]:loc[3]]
			if ms := countPersonRe.FindAllStringSubmatch(norm[loc[3]:loc[1]], -1); len(ms) > 0 {
				n = ms[len(ms)-1][1]
			}
			if v, ok := count(n); ok {
				setMax(c.measure, v)
			}
		}
	}
	// A register's terse order, the outcome before its count (死亡五人,
	// 遇难3人, 重伤二人): the count follows the word.
	for _, c := range []struct {
		re      nlp.GuardedRegexp
		measure string
	}{{deathsAfterRe, rules.MeasureDeaths}, {seriousAfterRe, rules.MeasureSeriousInjuries}} {
		for _, loc := range c.re.FindAllStringSubmatchIndex(norm, -1) {
			if nlp.Negated(norm, loc[0]) {
				continue
			}
			if v, ok := count(norm[loc[2]:loc[3]]); ok {
				setMax(c.measure, v)
			}
		}
	}
	// Another person's age from a birth date (被侵害人（1954年11月出生）):
	// the oldest and the youngest, for the elements that name an age.
	// Or stated (她家13岁的小孩).
	i := 0
	for _, ages := range [2][]float64{x.OtherAges, x.StatedOtherAges} {
		for _, a := range ages {
			if i == 0 || a > m[rules.MeasureOldestOther] {
				m[rules.MeasureOldestOther] = a
			}
			if i == 0 || a < m[rules.MeasureYoungestOther] {
				m[rules.MeasureYoungestOther] = a
			}
			i++
		}
	}
	// A unit has no age: an age under sixteen the reading gave the party of
	// a unit that hires, from a birth date, is its worker's (三人分别出生于
	// 2011年2月……), the child 禁止使用童工规定 names. Only a birth date: 未发现
	// 未满十六周岁人员 gives an age bound, not a child.
	if unitWorkerUnder16(norm, x) {
		if y, ok := m[rules.MeasureYoungestOther]; !ok || *x.Age < y {
			m[rules.MeasureYoungestOther] = *x.Age
		}
	}
	if sm := taxRatioRe.FindStringSubmatch(norm); sm != nil {
		v, err := strconv.ParseFloat(sm[1], 64)
		if sm[1] == "" {
			var n int64
			n, err = nlp.ParseChineseInt(sm[2])
			v = float64(n)
		}
		if err == nil && v > 0 && v <= 100 {
			m[rules.MeasureTaxRatio] = v
		}
	}
	// 致使税务机关无法追缴 (刑法 第二百零三条): the arrears the facts state are
	// what could not be recovered; a text that says they were recovered in
	// the end (已全部追缴入库) names no such result.
	if v, ok := m[rules.MeasureTaxEvaded]; ok && containsAny(norm, unrecoveredCues) {
		m[rules.MeasureTaxUnrecovered] = v
	}
	// 虚开增值税专用发票……价税合计113万元，税额13万元: the tax on false
	// invoices (刑法 第二百零五条 counts it), named 税额 right before its
	// amount; a taxpayer's 应纳税额 is another figure.
	if containsAny(norm, falseInvoiceWords) {
		for _, a := range x.Amounts {
			w := strings.TrimRight(text[max(0, a.Start-18):a.Start], "为是约：:人民币")
			w = strings.TrimRight(trimTotal(w), "为是约：:人民币")
			if strings.HasSuffix(w, "税额") && !strings.HasSuffix(w, "应纳税额") && !strings.HasSuffix(w, "应缴税额") {
				setMax(rules.MeasureInvoiceTax, a.Value)
			}
		}
	}
	if makesInvoices(norm) {
		invoiceMaking(norm, text, x, setMax)
	}
	if containsAny(norm, secretWords) || namesSecretInformation(norm) {
		secretLoss(text, x, setMax)
	}
	if containsAny(norm, extortionWords) {
		if n := extortions(text, x); n > 0 {
			setMax(rules.MeasureExtortions, n)
		}
	}
	// 一等奖是价值8.98万元的小轿车: an amount whose clause names a prize
	// before it is the prize's value; the highest is compared with 五万元.
	if containsAny(norm, prizeWords) {
		for _, a := range x.Amounts {
			if a.Rate {
				continue
			}
			before := text[max(0, a.Start-36):a.Start]
			for _, p := range [...]string{"，", "。", "；", ",", ";"} {
				if i := strings.LastIndex(before, p); i >= 0 {
					before = before[i+len(p):]
				}
			}
			if containsAny(before, prizeWords) && !containsAny(before, notPrizeWords) {
				setMax(rules.MeasurePrizeValue, a.Value)
			}
		}
	}
	return m
}

// makesInvoices reports whether the text tells invoices printed or made
// without the tax authority (私自印制…发票, 仿印…发票, 伪造发票): the
// conduct of 非法制造、出售非法制造的发票罪 (刑法 第二百零九条第二款).
func makesInvoices(norm string) bool {
	return nlp.Contains(norm, "发票") && (containsAny(norm, invoiceMakingWords) || invoiceMadeRe.MatchString(norm))
}

// invoiceMadeRe finds invoices made by the party rather than printed
// (自行制作增值税普通发票出售, 私自制作…发票): 制作 alone makes leaflets too.
var invoiceMadeRe = regexp.MustCompile(`(?:自行|私自|擅自|自己)制作[^，。；,;]{0,10}?发票`)

// invoiceMakingWords print or make invoices.
var invoiceMakingWords = []string{"印制", "私印", "仿印", "翻印", "伪造发票", "制造发票", "印刷发票", "非法制造",
	// made on a printer rather than printed (仿制发票, 自行制作增值税普通发票出售)
	"仿制发票", "仿制的发票"}

// invoiceMaking reads the three figures 2024年危害税收征管解释 第十七条第三款
// counts for invoices made: their number (发票共计286份, 住宿发票40张),
// their face value (票面金额合计…) and what selling them earned (出售所得…,
// 获利…). A count is read only where the clause names the invoices before
// it; 本 (定额发票500本) holds an unknown number of 份 and is not read.
func invoiceMaking(norm, text string, x nlp.Extraction, setMax func(string, float64)) {
	for _, re := range [...]*regexp.Regexp{invoiceCountRe, invoiceSoldCountRe} {
		for _, sm := range re.FindAllStringSubmatch(norm, -1) {
			if v, ok := count(sm[1]); ok {
				setMax(rules.MeasureInvoiceCount, v)
			}
		}
	}
	for _, a := range x.Amounts {
		if a.Rate {
			continue
		}
		before := text[clauseStart(text, a.Start):a.Start]
		switch {
		case nlp.Contains(before, "票面") || nlp.Contains(before, "面额"):
			setMax(rules.MeasureInvoiceFaceValue, a.Value)
		case containsAny(before, invoiceGainWords):
			setMax(rules.MeasureIllegalGains, a.Value)
		}
	}
}

// invoiceGainWords name what selling made invoices earned.
var invoiceGainWords = []string{"所得", "获利", "非法获利", "赚取", "牟利"}

// prizeWords name a prize of a sales promotion; notPrizeWords, between the
// prize and an amount, make the amount the purchase that earns a draw (满200元
// 抽奖) or a sum other than the prize's worth.
var (
	prizeWords    = []string{"一等奖", "特等奖", "最高奖", "头奖", "大奖", "奖品", "奖金"}
	notPrizeWords = []string{"满", "消费", "购物", "购买", "罚款", "违法所得", "销售额", "营业额",
		// a pool of all the prizes (共设奖品价值6万元), not the highest one's worth
		"共", "总", "合计", "累计",
		// a payment under a prize's name (以奖金名义给予…8万元) is a bribe, not a prize
		"名义"}
)

// falseInvoiceWords name 虚开 or describe it (没有真实货物交易…开具增值税专用
// 发票, 与实际经营业务情况不符).
var falseInvoiceWords = []string{"虚开", "没有真实", "无真实", "未发生真实", "不存在真实", "与实际经营业务情况不符", "与实际业务不符"}

// unrecoveredCues say that arrears could not be collected.
var unrecoveredCues = []string{"无法追缴", "未能追缴", "不能追缴", "无法收缴", "难以追缴"}

// exceedances sets the pollution measures from the exceedances the text
// states: the largest multiple over the standard (any pollutant), the
// largest of each heavy-metal group, and how many heavy metals exceed at
// all (the metal is then 有毒物质, 2023 解释 第十七条第三项).
func exceedances(norm string, setMax func(string, float64)) {
	metals := map[string]bool{}
	for _, e := range nlp.Exceedances(norm) {
		if e.Multiple > 0 {
			setMax(rules.MeasureExceedMultiple, e.Multiple)
		}
		name, ok := rules.HeavyMetalMeasure(e.Pollutant)
		if !ok {
			continue
		}
		metals[e.Pollutant] = true
		if e.Multiple > 0 {
			setMax(name, e.Multiple)
		}
	}
	// A heavy metal's reading with no standard beside it (采样检出总铬21mg/L)
	// exceeds every standard that applies when it exceeds the loosest
	// national limit: industry and local standards are as strict or
	// stricter. The metal is then 有毒物质 (第十七条第三项); by how much the
	// applicable standard is exceeded stays the report's to say.
	if nlp.Contains(norm, "/") || nlp.Contains(norm, "毫克每升") {
		for _, r := range nlp.HeavyMetalReadings(norm) {
			if lim, ok := loosestMetalLimit[r.Pollutant]; ok && r.MgPerL > lim {
				metals[r.Pollutant] = true
			}
		}
	}
	if len(metals) > 0 {
		setMax(rules.MeasureHeavyMetalOver, float64(len(metals)))
	}
}

// loosestMetalLimit is, per heavy metal, the highest concentration (mg/L)
// any national water discharge standard allows: GB 8978-1996 污水综合排放
// 标准, 第一类污染物 最高允许排放浓度 (总汞, 总镉, 总铬, 总砷, 总铅, 总镍, 总银)
// and the third grade of 第二类 (总铜, 总锌, 总锰). Not in the corpus; the
// figures are written from memory and unverified (docs/transfer.md, 第四节).
// Criminal judgments in /work/shared/data that cite the standard agree with
// 砷 0.5, 镉 0.1, 铬 1.5 and 镍 1.0; nothing there bears on the others.
var loosestMetalLimit = map[string]float64{
	"汞": 0.05, "镉": 0.1, "铬": 1.5, "砷": 0.5, "铅": 1.0, "镍": 1.0, "银": 0.5,
	"铜": 2.0, "锌": 5.0, "锰": 5.0,
}

// gambling sets the measures of 赌博罪 (2005 解释 第一条): the people
// gathered to gamble (纠集十五人, 参赌人员二十余名, 12人参赌), and the
// stakes and the cut (赌资五万余元, 抽头渔利六千元) from the amounts the
// extraction found, by the words just before each.
func gambling(norm, text string, x nlp.Extraction, setMax func(string, float64)) {
	for _, re := range gamblersRes {
		for _, sm := range re.FindAllStringSubmatch(norm, -1) {
			if v, ok := count(sm[1]); ok {
				setMax(rules.MeasureGamblers, v)
			}
		}
	}
	cut := false // a cut read
	for _, a := range x.Amounts {
		before := text[max(0, a.Start-24):a.Start]
		switch {
		case nlp.Contains(before, "赌资"):
			setMax(rules.MeasureGamblingStakes, a.Value)
		// 台费 is the house's cut as a card room charges it (收取台费三百元);
		// 茶水费 is the same cut under a host's name.
		case containsAny(before, cutWords):
			setMax(rules.MeasureGamblingProfit, a.Value)
			cut = true
		// A 询问笔录's answer gives the figure its question asked: 问：你抽了
		// 多少钱？答：大概一千八百块 is the cut, told far from any cut word.
		case askedCut(nlp.AskedOf(text, a.Start)):
			setMax(rules.MeasureGamblingProfit, a.Value)
			cut = true
		// The cut told, then what it came to (从每局赌注中按比例抽水，共计非法
		// 获利二十余万元): the gain of a game whose only income named is the
		// cut is the cut. The look-back is bounded and stops at the
		// sentence's start.
		case containsAny(before, gainWords) && cutInSentence(text, a.Start):
			setMax(rules.MeasureGamblingProfit, a.Value)
			cut = true
		}
	}
	// A mahjong table seats four: an organised game of it with its cut
	// stated (组织…打麻将赌博…抽头渔利六千八百元) gathered three gamblers at
	// least, the count the 2005 解释 第一条第一项 asks beside the cut. Only
	// with the cut read: the count alone would make the cut threshold near
	// for every card room.
	if cut && nlp.Contains(norm, "麻将") && containsAny(norm, organisedGambling) {
		setMax(rules.MeasureGamblers, 3)
	}
}

// catchCopiesBribes reads the counts of three crimes the administrative
// facts lead to: the catch of 非法捕捞水产品罪 (2022年破坏野生动物资源解释
// 第三条第一款第一项: 五百公斤以上), the copies of 侵犯著作权罪 (2007年
// 侵犯知识产权解释（二）第一条: 五百张（份）以上) and the bribe of 单位行贿罪 and
// 对非国家工作人员行贿罪, with who gave it.
// Each only where its conduct is named: a weight or a count in any other text
// is no catch or copy.
func catchCopiesBribes(norm, text string, x nlp.Extraction, m map[string]float64, setMax func(string, float64)) {
	if containsAny(norm, fishingWords) {
		// Only a weight its clause says is the catch (查获渔获物约200公斤, 捕获
		// 鲫鱼300公斤): a boat's tonnage (总吨位45吨) or the fuel is none.
		for _, q := range x.Quantities {
			clause := text[clauseStart(text, q.Start):q.Start]
			if !containsAny(clause, catchWords) || containsAny(clause, notCatchWords) {
				continue
			}
			switch q.Unit {
			case "公斤", "千克":
				setMax(rules.MeasureCatchKg, q.Value)
			case "吨":
				setMax(rules.MeasureCatchKg, q.Value*1000)
			}
		}
		// 渔获物三百余斤: the market's weight, half a 公斤.
		for _, sm := range jinRe.FindAllStringSubmatch(norm, -1) {
			if v, ok := count(sm[1]); ok {
				setMax(rules.MeasureCatchKg, v/2)
			}
		}
	}
	if containsAny(norm, copyrightWords) {
		// 盗版图书1260册, 光盘3000余张: the quantity reader keeps to the units
		// of other measures; copies are read here.
		// Titles listed with their copies (《甲》210册、《乙》180册) are
		// counted together: 复制品数量合计 of the interpretation (transfer30b).
		end, sum := -1, 0.0
		for _, ix := range copiesRe.FindAllStringSubmatchIndex(norm, -1) {
			if v, ok := count(copiesNumber(norm, text, ix[2], ix[3])); ok {
				if end >= 0 && titleJoint(norm[end:ix[0]]) {
					sum += v
				} else {
					sum = v
				}
				end = ix[1]
				setMax(rules.MeasurePiratedCopies, max(v, sum))
			}
		}
	}
	if containsAny(norm, bribeWords) || nlp.Contains(norm, "名义") || (containsAny(norm, giftVerbs) || handedTo(norm)) && containsAny(norm, bribeTakers) || paidToTaker(norm) {
		// The amount given, told after what it was (回扣、好处费共计…元, 送给
		// 该院院长现金二十五万元): the largest, which a total is.
		// The word must name this amount, in its own clause, and the clause
		// not name a fine, a price or sales (给予…回扣8000元，货款25万元;
		// 决定给予罚款20万元). The amount's role is no guide: a role phrase
		// clauses before (按销售额的一定比例…，累计给付回扣贰拾肆万元) gives it one.
		// A payment under a pretext's name (以“会议赞助”“考察费”名义…向该院
		// 副院长支付款项共计三十八万元) is given the same way, named by its
		// pretext rather than by what it is.
		//
		// Goods given to one who decides (向该院药剂科科长赠送茶叶、购物卡等合计
		// 价值八千元) are given as money is; their total told in a clause of
		// its own (送给该采购员面值二千元的购物卡三张，共计六千元) is the
		// total of the clause before.
		//
		// Payments listed after the clause that names them (支付“好处费”三次，
		// 分别为5万元、6万元、6.8万元) are one bribe paid in parts: the run of
		// amounts the list's joints hold together is summed, as 行贿数额 is
		// counted over every payment.
		giver, at := x.PartyKind, -1
		var run listRun
		// The payments told one by one, each its own gift or dated transfer
		// (送给…购物卡三张，并…送去现金八千元; 转账：2025年6月4万元，2025年9月5.6万元):
		// their sum is the bribe, as 行贿数额 counts every payment; a clause
		// that totals them (共计) is the whole instead (transfer30b).
		parts, prevGiven := 0.0, false
		for _, a := range x.Amounts {
			cs := clauseStart(text, a.Start)
			before := text[cs:a.Start]
			if containsAny(before, notBribeWords) {
				prevGiven = false
				continue
			}
			given := bribeClause(before) || cashHanded(before) && prevGiven
			listed := !given && opensWithAny(strings.TrimSpace(before), partsWords)
			dated := !given && prevGiven && datedPaymentRe.MatchString(strings.TrimSpace(before))
			total := opensWithAny(strings.TrimSpace(before), totalWords)
			if !given && cs > 0 && (total || listed || paidOn(before)) {
				prev := text[clauseStart(text, cs-1):cs]
				given = !containsAny(prev, notBribeWords) && bribeClause(prev)
			}
			given = given || dated
			if given {
				v := a.Value * cardsCount(text[a.End:])
				if listed {
					run = run.add(text, nlp.Quantity{Start: a.Start, End: a.End}, a.Value)
					v = run.sum
				}
				if !total && !a.Part && !containsAny(before, restatedBribeWords) {
					parts += a.Value * cardsCount(text[a.End:])
					v = max(v, parts)
				}
				if v > m[rules.MeasureBribe] {
					at = a.Start
				}
				setMax(rules.MeasureBribe, v)
			}
			prevGiven = given
		}
		// Who gave it, where a bribe is read: a person's (个体工商户's too)
		// and a unit's figures of 对非国家工作人员行贿罪 differ. The party
		// the text names first may be the one who reported it (某连锁餐饮公司
		// 内审部门举报…); the sentence of the bribe saying its giver is a
		// 个体 trader (个体冻品批发商武某…给予) decides.
		if at >= 0 && individualGiver(text[sentenceStart(text, at):at]) {
			giver = "个体工商户"
		}
		if _, ok := m[rules.MeasureBribe]; ok {
			switch giver {
			case "个人", "个体工商户":
				m[rules.MeasureBriberPerson], m[rules.MeasureBriberUnit] = 1, 0
			case "单位":
				m[rules.MeasureBriberPerson], m[rules.MeasureBriberUnit] = 0, 1
			}
		}
	}
}

// datedPaymentRe is a clause that is only a payment's date, with at most a
// verb of paying (2025年9月, 12月份, 2026年1月又转账): one more payment of
// a list the clause before opened (transfer30b).
var datedPaymentRe = regexp.MustCompile(`^(?:[0-9]{4}年)?[0-9]{1,2}月(?:份|[0-9]{1,2}日)?(?:又|再)?(?:转账|支付|汇款|转入|汇入|送)?$`)

// restatedBribeWords, in a bribe's clause, point back to a payment told
// already (上述回扣5万元已退还, 其中2025年给予10万元, 没收…): no new part to add.
var restatedBribeWords = []string{"上述", "前述", "以上", "该笔", "此笔", "其中", "退还", "退回", "没收", "追缴", "收缴"}

// cardsCountRe is a count of cards or vouchers right after their face value
// (面值一万元的超市购物卡三张): the gift is the value times the count.
var cardsCountRe = regexp.MustCompile(`^的?[^，。；,;0-9]{0,8}?(?:卡|券)([0-9]{1,3}|[一二两三四五六七八九十]{1,3})张`)

// cardsCount is the count of cards the words after a face value give, or 1.
func cardsCount(after string) float64 {
	if sm := cardsCountRe.FindStringSubmatch(after); sm != nil {
		if v, ok := count(sm[1]); ok && v > 0 {
			return v
		}
	}
	return 1
}

// cashHanded reports whether a clause hands cash over with a verb the
// bribe words leave out because it also carries goods (送去现金, 送上现金):
// after a gift the clause before told, one more (transfer30b).
func cashHanded(clause string) bool {
	return containsAny(clause, []string{"送去现金", "送上现金", "送来现金", "给予现金", "塞给", "送去礼金"})
}

// miningWords name mining (非法采矿罪's conduct).
var miningWords = []string{"采矿", "开采", "采砂", "采石", "盗采", "采挖", "挖采", "矿产"}

// minedWords name what was mined: the minerals by their kind (石料, 河砂,
// 黏土) or as what was taken out (采出的).
var minedWords = []string{"采出", "开采", "采挖", "挖取", "盗采", "采砂", "抽砂", "挖砂", "采石", "矿", "石料", "砂石", "河砂", "山砂", "海砂", "煤", "黏土", "石材", "石英"}

// notMinedValues, in an amount's clause, make it another sum: the fine,
// the gains, the freight, or the value of the machines used.
var notMinedValues = []string{"罚款", "违法所得", "获利", "运费", "挖掘机", "挖机", "车辆", "设备", "工具", "船"}

// minedValue reads the value of what was mined where the text values it
// by its kind and not by the statute's word (违法采出的石料约1.4万立方米，
// 市场价值人民币42万元; 经评估，所采河砂价值三十五万元): an amount whose
// clause names a 价值 with what was mined in it or in the clause before.
//
// A bound is no value: the statute's bracket quoted in a decision (违法采出的
// 矿产品市场价值不足十万元的，处十万元以上…) or the value stated only as under
// it (鉴于…市场价值不足十万元) says the value is below the amount, never that
// it reaches it.
func minedValue(text string, x nlp.Extraction, setMax func(string, float64)) {
	for _, a := range x.Amounts {
		if a.Bound {
			continue
		}
		cs := fieldStart(text, a.Start)
		before := text[cs:a.Start]
		if !nlp.Contains(before, "价值") || containsAny(before, notMinedValues) {
			continue
		}
		mined := containsAny(before, minedWords)
		if !mined && cs > 0 {
			// The clause or register field before, whose last words say
			// what was mined (经测量采挖量约1.3万立方米).
			prev := text[clauseStart(text, cs-1):cs]
			if end := strings.TrimRight(text[:cs], " \u3000"); len(end) < cs {
				ps := clauseStart(end, len(end))
				if j := strings.LastIndexAny(end[ps:], " \u3000"); j >= 0 {
					_, size := utf8.DecodeRuneInString(end[ps+j:])
					ps += j + size
				}
				prev = end[ps:]
			}
			mined = containsAny(prev, minedWords) && !containsAny(prev, notMinedValues)
		}
		if mined {
			setMax(rules.MeasureMineralValue, a.Value)
		}
	}
}

// minedVolumeRe is a volume or a weight mined (采挖石方量为4300立方米, 开采
// 河砂1.2万吨); minedPriceRe the market price per unit (市场价格为每立方米38元,
// 每吨单价45元).
var (
	minedVolumeRe = regexp.MustCompile(`([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+(?:\.[0-9]+)?)(万)?(立方米|方|吨)`)
	minedPriceRe  = regexp.MustCompile(`每(立方米|方|吨)[^0-9，。；,;]{0,6}?([0-9]+(?:\.[0-9]+)?)元`)
)

// minedByPrice reads the value of what was mined where the text gives its
// volume and the market price per unit but not their product (经实测采挖
// 石方量为4300立方米……市场价格为每立方米38元): the volume in a clause of
// mining times the price of the same unit (transfer30b). A volume
// transported, planned or allowed by a licence is none mined.
func minedByPrice(norm string, setMax func(string, float64)) {
	prices := map[string]float64{}
	for _, sm := range minedPriceRe.FindAllStringSubmatch(norm, -1) {
		if v, err := strconv.ParseFloat(sm[2], 64); err == nil && v > 0 {
			prices[unitOfVolume(sm[1])] = v
		}
	}
	if len(prices) == 0 {
		return
	}
	for _, ix := range minedVolumeRe.FindAllStringSubmatchIndex(norm, -1) {
		if ix[0] > 0 && strings.HasSuffix(norm[:ix[0]], "每") {
			continue
		}
		p, ok := prices[unitOfVolume(norm[ix[6]:ix[7]])]
		if !ok {
			continue
		}
		clause := norm[clauseStart(norm, ix[0]):ix[0]]
		if !containsAny(clause, minedWords) || containsAny(clause, notMinedVolumes) || nlp.Negated(norm, ix[0]) {
			continue
		}
		v, err := strconv.ParseFloat(strings.ReplaceAll(norm[ix[2]:ix[3]], ",", ""), 64)
		if err != nil {
			continue
		}
		if ix[4] >= 0 {
			v *= 10000
		}
		setMax(rules.MeasureMineralValue, v*p)
	}
}

// perContainerRe ends the words before a weight that is one container's
// (每桶装约, 每袋重, 每只桶净重约).
var perContainerRe = regexp.MustCompile(`每(?:只|个)?(?:桶|袋|箱|罐|吨袋)(?:装|重|净重|约重)?约?$`)

// containerCountRes count the containers a text names, the count before or
// after them (十八只铁桶, 铁桶十八只, 21桶, 吨袋6个).
var containerCountRes = []*regexp.Regexp{
	regexp.MustCompile(countNum + `(?:只|个)?(?:铁|塑料|蓝色|白色|油)?(?:桶|吨袋|袋|罐)`),
	regexp.MustCompile(`(?:桶|吨袋|编织袋|罐)` + countNum + `(?:只|个)`),
}

// containersOf is the count of containers of a weight told per container
// (每桶装约一百九十公斤), or 0 when the weight is no container's or the text
// counts none. A count in the weight's own sentence is the nearest one
// there (废机油3桶（每桶约180公斤）…另有空油桶40只: 3); else the largest
// count named elsewhere (散落铁桶十八只。…每桶装约一百九十公斤). Empty
// containers (空油桶40只, 40只空桶) hold none of the waste (fix30a).
func containersOf(text string, q nlp.Quantity) float64 {
	before := strings.TrimRight(text[max(0, q.Start-24):q.Start], " ")
	if !perContainerRe.MatchString(before) {
		return 0
	}
	sentLo, sentHi := sentenceAround(text, q.Start)
	best, near, nearDist := 0.0, 0.0, 1<<30
	for _, re := range containerCountRes {
		for _, ix := range re.FindAllStringSubmatchIndex(text, -1) {
			if ix[0] > 0 && strings.HasSuffix(text[:ix[0]], "每") || nlp.Negated(text, ix[0]) || emptyContainer(text, ix[0], ix[1]) {
				continue
			}
			v, ok := count(text[ix[2]:ix[3]])
			if !ok {
				continue
			}
			if ix[0] >= sentLo && ix[1] <= sentHi {
				if d := min(abs(q.Start-ix[1]), abs(ix[0]-q.Start)); d < nearDist {
					near, nearDist = v, d
				}
			}
			best = max(best, v)
		}
	}
	if near > 0 {
		return near
	}
	return best
}

// abs is the distance of an offset from zero.
func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// sentenceAround is the byte span of the sentence (up to 。；; or a line
// break) holding pos.
func sentenceAround(text string, pos int) (int, int) {
	lo := strings.LastIndexAny(text[:pos], "。；;\n") + 1
	hi := len(text)
	if i := strings.IndexAny(text[pos:], "。；;\n"); i >= 0 {
		hi = pos + i
	}
	return lo, hi
}

// inTheOpen reports whether the weight's sentence tells the waste kept in
// the open (露天堆放炉渣约150吨), which 2019年座谈会纪要 may hold 处置 when
// left without measures; the crime's own gates (not_with) judge it.
func inTheOpen(text string, q nlp.Quantity) bool {
	lo, hi := sentenceAround(text, min(q.Start, len(text)))
	return strings.Contains(text[lo:hi], "露天")
}

// emptyContainer reports whether the counted containers at [start, end)
// are told empty (空油桶40只, 40只空桶, 另有空桶).
func emptyContainer(text string, start, end int) bool {
	before := text[max(0, start-9):start]
	if i := strings.LastIndexAny(before, "，,、"); i >= 0 {
		before = before[i:]
	}
	return strings.Contains(before+text[start:end], "空")
}

// storedWasteWords tell hazardous waste kept (存放于车间内, 贮存); disposedWasteWords
// an act of 排放、倾倒、处置 or waste let loose (散落, 渗漏), which 2019年座谈会纪要
// also holds 处置.
var (
	storedWasteWords   = []string{"存放", "贮存", "暂存", "堆存", "储存", "堆放"}
	disposedWasteWords = []string{"倾倒", "排放", "处置", "倒入", "倒在", "倒进", "填埋", "焚烧", "丢弃", "交给", "交由", "卖给", "出售", "售给", "转移", "运至", "运往", "直排", "外排", "偷排", "渗漏", "泄漏", "散落", "流入", "破损", "直接接触"}
)

// storedOnly reports whether hazardous waste's tonnes are told only kept
// (废机油20桶…存放于车间内): 贮存 against the rules is 法典 第一千一百七十五条
// 第一款第（四）项, not 解释 第一条第（二）项's “排放、倾倒、处置危险废物三吨以上”,
// so those tonnes do not count towards 污染环境罪 (fix30a). The weight's
// sentence tells the storage and the text no act of disposal. A heap in
// the open (露天堆放) still counts by its tonnes (see inTheOpen), not by its
// barrels.
func storedOnly(text string, q nlp.Quantity) bool {
	lo, hi := sentenceAround(text, min(q.Start, len(text)))
	return containsAny(text[lo:hi], storedWasteWords) && !containsAny(text, disposedWasteWords)
}

// notMinedVolumes, in a volume's clause, make it another amount: carried,
// planned, allowed, or the machines' capacity.
var notMinedVolumes = []string{"运输", "运走", "拉运", "计划", "拟", "许可", "核定", "设计", "载重", "吨位", "罚款"}

// unitOfVolume folds 方 into 立方米.
func unitOfVolume(u string) string {
	if u == "方" {
		return "立方米"
	}
	return u
}

// fishingWords name a catch taken by a banned method, in a closed season or
// water, or by a banned gear (渔业法 第三十八条).
var fishingWords = []string{"捕捞", "渔获", "电鱼", "毒鱼", "炸鱼", "电捕", "禁渔", "禁捕", "捕鱼", "打鱼"}

// copyrightWords name copies made or sold without the owner's licence.
// A copy shop's whole books are copies too (整本复印教材, 复印装订成册): the
// word of the whole work copied, never a licence's 复印件.
var copyrightWords = []string{"盗版", "著作权", "侵权复制品", "盗印", "翻印", "非法复制", "私自复制", "复制发行", "整本复印", "复印装订", "复印成册"}

// bribeWords name what was given to win business or a favour.
var bribeWords = []string{"回扣", "好处费", "贿赂", "行贿", "感谢费", "礼金"}

// giftVerbs give goods or money as a present.
var giftVerbs = []string{"赠送", "送给", "送予"}

// totalWords open a clause that totals what the clause before told.
var totalWords = []string{"共计", "合计", "总计", "累计", "价值共计", "总价值"}

// partsWords open a clause that lists, one by one, the parts of what the
// clause before told (支付好处费三次，分别为…).
var partsWords = []string{"分别为", "分别是", "分别计", "金额分别为", "数额分别为"}

// opensWithAny reports whether s begins with one of words.
func opensWithAny(s string, words []string) bool {
	return slices.ContainsFunc(words, func(w string) bool { return strings.HasPrefix(s, w) })
}

// bribeClause reports whether an amount's clause (the text before it)
// gives the amount as a bribe: named so, handed over (送给, 送予, or 送 with
// the one who decides right after it: 送该公司经理现金), paid under a
// pretext, or given as a present to one who decides (赠送 to a 科长,
// 采购员, 经理…).
func bribeClause(before string) bool {
	return containsAny(before, bribeWords) || nlp.Contains(before, "送给") || nlp.Contains(before, "送予") || pretextPayment(before) || paidToTaker(before) ||
		(nlp.Contains(before, "赠送") || handedTo(before)) && containsAny(before, bribeTakers)
}

// notHandingSends hold 送 without a present handed over: goods carried or
// delivered (运送, 配送, 送货), a sample or a paper sent (送检, 送达, 报送),
// a person accompanied (护送, 接送).
var notHandingSends = []string{"运送", "配送", "输送", "递送", "传送", "押送", "护送", "接送", "发送", "报送", "抄送", "移送", "赠送", "送给", "送予", "送货", "送检", "送达", "送审", "送至", "送往", "送到", "送回", "送来", "送去", "送餐", "送水", "送气", "送医", "欢送", "送修", "送样"}

// handedTo reports whether s hands money or a present over with a bare 送
// whose object is the one who decides (先后三次送该公司工程部经理现金, 送其
// 购物卡): the giving verb of a bribe officers write without 给.
func handedTo(s string) bool {
	for from := 0; ; {
		i := strings.Index(s[from:], "送")
		if i < 0 {
			return false
		}
		at := from + i
		from = at + len("送")
		if slices.ContainsFunc(notHandingSends, func(w string) bool {
			j := strings.Index(w, "送")
			return at >= j && strings.HasPrefix(s[at-j:], w)
		}) {
			continue
		}
		// The one who decides within a few words after 送 (该公司工程部经理).
		rest := s[from:runeEnd(s, from, 12)]
		if containsAny(rest, bribeTakers) {
			return true
		}
	}
}

// runeEnd is the byte offset n runes after from in s, or len(s).
func runeEnd(s string, from, n int) int {
	for i := range s[from:] {
		if n == 0 {
			return from + i
		}
		n--
	}
	return len(s)
}

// paidOn reports whether an amount's clause carries on the payment the
// clause before named (支付回扣，通过公司账户转至其指定账户共计…; 向其支付
// 好处费，分三次汇入其个人账户): money moved to an account, told without
// the bribe's name again.
func paidOn(clause string) bool {
	return containsAny(clause, []string{"转至", "转入", "汇至", "汇入", "打入", "存入"}) && containsAny(clause, []string{"账户", "帐户", "卡"})
}

// pretextPayment reports whether an amount's clause pays it under a
// pretext's name (以“考察费”名义…支付, 以咨询费名义向其采购经理转账): 名义 before a
// verb of paying.
//
// The pretext must be quoted (以“会议赞助”名义) or the money go to one who
// decides for another (院长, 采购负责人, 经理…): wages or fees paid under
// their own name to workers (以劳务费名义向工人王某等人转账) are no bribe,
// though the text names a 回扣 elsewhere.
func pretextPayment(clause string) bool {
	i := nlp.Index(clause, "名义")
	if i < 0 || !containsAny(clause[i:], payVerbs) {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(clause[:i])
	return strings.ContainsRune("”’」』\"'", r) || containsAny(clause[i:], bribeTakers)
}

// paidToTaker reports whether a clause pays money straight to one who
// decides for the other side (向该院骨科主任冯某支付现金和购物卡; 通过微信向该
// 公司采购负责人杨某转账): 向, the decider within a few words, then a verb of
// paying in cash or by transfer. Goods' prices paid so (向…经理支付货款)
// are kept out by notBribeWords in the amount's clause and the one before.
func paidToTaker(clause string) bool {
	for from := 0; ; {
		i := strings.Index(clause[from:], "向")
		if i < 0 {
			return false
		}
		from += i + len("向")
		head := clause[from:runeEnd(clause, from, 16)]
		k := -1
		for _, w := range bribeTakers {
			if j := strings.Index(head, w); j >= 0 && (k < 0 || j < k) {
				k = j
			}
		}
		if k < 0 {
			continue
		}
		rest := clause[from+k : runeEnd(clause, from+k, 24)]
		if containsAny(rest, []string{"支付现金", "转账", "转款", "送现金", "给予现金", "支付好处", "购物卡"}) && !containsAny(rest, notBribeWords) {
			return true
		}
	}
}

// bribeTakers decide a purchase or a matter for the unit they serve: the
// receiving side of a bribe paid under a pretext.
var bribeTakers = []string{"院长", "主任", "科长", "处长", "局长", "部长", "经理", "负责人", "采购", "董事长", "厂长", "校长", "医生", "工作人员", "主管", "站长", "所长", "书记", "董事", "村长"}

// payVerbs hand money over.
var payVerbs = []string{"支付", "给付", "转账", "转给", "给予", "送给", "汇给", "打给"}

// individualGiver reports whether the sentence before a bribe names a 个体
// trader (个体冻品批发商武某, 个体经营者) before any unit (公司, 厂) in it:
// the giver the sentence is about.
func individualGiver(sentence string) bool {
	i := nlp.Index(sentence, "个体")
	if i < 0 {
		return false
	}
	for _, u := range []string{"公司", "厂", "企业", "合作社"} {
		if j := nlp.Index(sentence, u); j >= 0 && j < i {
			return false
		}
	}
	return true
}

// sentenceStart is the byte offset where the sentence holding i begins; a
// colon opens one too (某超市公司纪检部门反映：个体…商杨某…给予…): what
// follows it is the report, told on its own.
func sentenceStart(text string, i int) int {
	return startAfter(text, i, "。；;！？：:")
}

// notBribeWords, in an amount's clause, make it another sum: the fine, the
// price or the sales, or a price paid ahead for goods ordered (预付款, 定金).
var notBribeWords = []string{"罚款", "货款", "价款", "销售额", "营业额", "合同金额", "中标金额", "工程款", "预付款", "定金", "订金", "采购款", "订货款"}

// catchWords name the catch a weight measures; notCatchWords a boat's
// size or what it carried besides.
var (
	catchWords    = []string{"渔获", "鱼", "虾", "蟹", "水产", "螺", "贝", "捕获", "捕捞"}
	notCatchWords = []string{"吨位", "总吨", "载重", "排水量", "燃油", "柴油", "汽油"}
)

// gainWords name a gain just before its amount (共计非法获利, 违法所得).
var gainWords = []string{"获利", "违法所得", "非法所得", "牟利"}

// cutWords name the house's cut of a game.
var cutWords = []string{"抽头", "抽水", "渔利", "台费", "茶水费",
	// the cut as the players name it (每局收取“水钱”, 抽“头钱”)
	"水钱", "头钱"}

// askedCut reports whether a question of a 询问笔录 asks the house's cut:
// a cut word, or the cut as the verb (你抽了多少钱, 一共抽多少).
func askedCut(q string) bool {
	return q != "" && (containsAny(q, cutWords) || containsAny(q, []string{"抽了多少", "抽多少", "共抽了", "一共抽"}))
}

// cutInSentence reports whether the sentence before byte end of text, at
// most cutLookBack bytes of it, names the house's cut.
func cutInSentence(text string, end int) bool {
	from := max(0, end-cutLookBack)
	for from < end && !utf8.RuneStart(text[from]) {
		from++
	}
	s := text[from:end]
	if k := strings.LastIndexAny(s, "。；;！？!?\n"); k >= 0 {
		s = s[k:]
	}
	return containsAny(s, cutWords)
}

// cutLookBack bounds cutInSentence's look-back (about 60 characters).
const cutLookBack = 180

// organisedGambling are the words of a game someone organised or profits
// from, not one the party only sat at.
var organisedGambling = []string{"组织", "召集", "纠集", "聚集", "聚众", "容留", "赌局", "抽头", "抽水", "台费", "渔利"}

// propertyCrimeCues name conduct whose thresholds count the property
// involved.
// minorInjuryCues and seriousInjuryCues are the ways an appraisal states an
// injury's grade (《人体损伤程度鉴定标准》: 轻伤一级、二级, 重伤一级、二级);
// 轻微伤 contains neither, and a denied one (尚不构成轻伤) does not count.
var (
	minorInjuryCues   = nlp.NewCues([]string{"轻伤一级", "轻伤二级", "鉴定为轻伤", "评定为轻伤", "损伤程度为轻伤", "损伤程度属轻伤", "构成轻伤"})
	seriousInjuryCues = nlp.NewCues([]string{"重伤一级", "重伤二级", "鉴定为重伤", "评定为重伤", "损伤程度为重伤", "损伤程度属重伤", "构成重伤"})
)

// oneDeath reports whether the normalised text states, undenied (未致人死亡,
// 未造成人员遇难 state none), that one person died: a victim named rather
// than counted (致刘某经抢救无效死亡, 将行人张某碾压致死), or a death told
// without a count (当场死亡, 坠亡). Literal scans first: most texts hold
// none of the words.
func oneDeath(norm string) bool {
	for _, w := range deathWords {
		if assertedWhere(norm, w, nil) {
			return true
		}
	}
	for _, w := range spokenDeathWords {
		if i := nlp.Index(norm, w); i >= 0 && !nlp.Negated(norm, i) && !diesNotAPerson(clauseTail(norm, i, 15)) {
			return true
		}
	}
	// The death told by what killed (被叉车压死了, 被倒塌的货架砸死): the
	// clause before names who, or the words after it do; an animal's (撞死一条
	// 狗, 电死鱼类) is no person's.
	for _, w := range killedDeathWords {
		if assertedWhere(norm, w, func(at int) bool {
			return !diesNotAPerson(norm[clauseStart(norm, at):at+len(w)]) && !diesNotAPerson(clauseAhead(norm, at+len(w), 6))
		}) {
			return true
		}
	}
	for _, loc := range namedDeathRe.FindAllStringIndex(norm, -1) {
		if !nlp.Negated(norm, loc[0]) && !diesNotAPerson(norm[loc[0]:loc[1]]) && !foreseenOnly(norm[clauseStart(norm, loc[0]):loc[0]]) {
			return true
		}
	}
	// 经抢救无效于次日死亡, 医治无效，于三日后死亡: the treatment failed and the
	// death told after the day it came; the clause before names who (an
	// animal's 抢救无效 is no person's).
	for _, loc := range treatedDeathRe.FindAllStringIndex(norm, -1) {
		if !nlp.Negated(norm, loc[0]) && !diesNotAPerson(norm[clauseStart(norm, loc[0]):loc[1]]) {
			return true
		}
	}
	return false
}

// foreseenWords tell a harm as what could follow, not what did (一旦发生中毒
// 窒息，均可能导致人员死亡; 极易致人死亡): an inspection names the risk it
// orders removed, and no one died.
var foreseenWords = []string{"可能", "一旦", "极易", "容易", "足以", "或将", "随时会", "风险", "隐患"}

// foreseenOnly reports whether the clause before a death (its start up to
// the death's cause word) tells it as a risk (foreseenWords).
func foreseenOnly(before string) bool {
	return containsAny(before, foreseenWords)
}

// clauseStart is the byte offset where the clause holding i begins.
//
// The look-back is bounded (clauseReach): a hostile text of amounts with
// no mark between them (又付12元 repeated for 40 KB) made every amount scan
// back to the text's start, quadratic in its length; a real clause is far
// shorter than the bound, so its start is found as before.
func clauseStart(norm string, i int) int {
	lo := max(0, i-clauseReach)
	for lo > 0 && lo < i && !utf8.RuneStart(norm[lo]) {
		lo++
	}
	return lo + startAfter(norm[lo:], i-lo, "，。；,;")
}

// markMakingWords say the party itself put a mark on goods it made
// (在其加工的运动T恤上印制与该注册商标相同的标识; 自行印刷商标标识), not
// that it sold goods someone else marked.
var markMakingWords = []string{"在其生产的", "在其加工的", "在其制造的", "在其生产、销售的", "印制与", "印刷与", "绣制与",
	"自行印制", "自行印刷", "印制商标标识", "印制注册商标标识", "印制…商标标识", "贴牌生产", "定牌加工"}

// makesMarkedGoods reports whether the facts tell the party making goods
// that bear another's registered mark: the words of making beside a 商标.
func makesMarkedGoods(norm string) bool {
	return nlp.Contains(norm, "商标") && slices.ContainsFunc(markMakingWords, func(w string) bool {
		if k := strings.Index(w, "…"); k >= 0 {
			i := strings.Index(norm, w[:k])
			return i >= 0 && strings.Contains(norm[i:], w[k+len("…"):])
		}
		return strings.Contains(norm, w)
	})
}

// fieldStart is clauseStart narrowed to the field of a register line, whose
// items are parted by spaces and not by commas (用挖机开采建筑用石料
// 经评估市场价值人民币26.9万元 挖掘机2台): the words after the last space,
// when they still name a 价值 (a space inside 人民币 26.9万元 does not part
// the value from its words).
func fieldStart(text string, i int) int {
	cs := clauseStart(text, i)
	j := strings.LastIndexAny(text[cs:i], " \u3000")
	if j < 0 {
		return cs
	}
	_, size := utf8.DecodeRuneInString(text[cs+j:])
	if k := cs + j + size; nlp.Contains(text[k:i], "价值") {
		return k
	}
	return cs
}

// clauseReach is how far back, in bytes, clauseStart looks for the mark
// that opens a clause: 200 Chinese characters.
const clauseReach = 600

// startAfter is the byte offset after the last of marks before i in s, or 0.
// A comma that groups a number's digits (1,150立方米, ¥41,230) is no mark:
// the clause goes on through it.
func startAfter(s string, i int, marks string) int {
	for {
		j := strings.LastIndexAny(s[:i], marks)
		if j < 0 {
			return 0
		}
		if digitGroupComma(s, j) {
			i = j
			continue
		}
		_, size := utf8.DecodeRuneInString(s[j:])
		return j + size
	}
}

// digitGroupComma reports whether the byte at j is a half-width comma
// between a digit and exactly three digits: a thousands separator.
func digitGroupComma(s string, j int) bool {
	if s[j] != ',' || j == 0 || j+4 > len(s) || !isASCIIDigit(s[j-1]) {
		return false
	}
	for k := j + 1; k < j+4; k++ {
		if !isASCIIDigit(s[k]) {
			return false
		}
	}
	return j+4 == len(s) || !isASCIIDigit(s[j+4])
}

func isASCIIDigit(b byte) bool { return '0' <= b && b <= '9' }

// clauseAhead returns at most n runes of norm from i, stopped at the
// clause's end: the words after a verb that name what it struck.
func clauseAhead(norm string, i, n int) string {
	to := i
	for k := 0; k < n && to < len(norm); k++ {
		r, size := utf8.DecodeRuneInString(norm[to:])
		if strings.ContainsRune("，。；,;", r) && !digitGroupComma(norm, to) {
			break
		}
		to += size
	}
	return norm[i:to]
}

// nonPersonDeaths name what dies in environmental and farm cases (致使下游
// 鱼类大量死亡, 致使林木死亡): a death of these is no person's.
var nonPersonDeaths = [...]string{"鱼", "虾", "蟹", "贝", "禽", "畜", "牲", "猪", "牛", "羊", "鸡", "鸭", "蜂", "狗", "犬", "猫", "苗", "林木", "树", "作物", "庄稼", "植被", "水生"}

// diesNotAPerson reports whether a matched death names an animal or plant.
func diesNotAPerson(span string) bool {
	for _, w := range nonPersonDeaths {
		if nlp.Contains(span, w) {
			return true
		}
	}
	return false
}

// injuryGrade reports whether the normalised text states an injury of the
// grade the cues name, undenied.
func injuryGrade(norm string, cues []nlp.Cue) bool {
	if !nlp.Contains(norm, "伤") {
		return false
	}
	for _, q := range cues {
		if q.InAmong(norm, cues) {
			return true
		}
	}
	return false
}

// deathWords say that a person died without counting anyone. Bare 死亡 is
// not among them: fish and livestock die too (河里鱼类大量死亡).
var deathWords = [...]string{"抢救无效死亡", "当场死亡", "不幸死亡", "窒息死亡", "触电死亡", "坠落死亡", "坠亡", "溺亡", "身亡", "遇难", "丧生", "罹难"}

// killedDeathWords tell a death by the blow or the force that caused it
// (压死, 砸死, 碾死, 电死). Not 毒死, the pesticide 毒死蜱.
var killedDeathWords = [...]string{"压死", "砸死", "轧死", "碾死", "电死", "摔死", "烧死", "淹死", "闷死", "撞死", "夹死", "绞死", "憋死"}

// spokenDeathWords say it in a relative's or a witness's words (送到医院没
// 救过来, 伤重不治); they name no one, so the clause before them must not
// name an animal or a plant (鱼苗没救过来).
var spokenDeathWords = [...]string{"没救过来", "没能救过来", "没有抢救过来", "伤重不治",
	// treatment that failed told by its end (送医后不治, 入院后不治而亡)
	"后不治", "不治而亡", "因伤不治",
	// the death on the way to hospital or after arriving (送医途中死亡)
	"送医途中死亡", "送医途中身亡", "送往医院途中死亡", "送院途中死亡", "送医后死亡", "送医后身亡", "入院后死亡"}

var propertyCrimeCues = []string{"盗", "窃", "骗", "敲诈", "勒索", "毁坏", "损毁", "抢夺", "侵占",
	// the snatch told by the pull (一把扯走挎包, 夺过手机)
	"抢走", "夺走", "扯走", "拽走", "抢过", "夺过", "抢去", "夺去", "扯下", "拽下",
	// the taking, the lie and the threat as officers describe them
	"揣入", "揣进", "顺走", "冒充", "刷单", "拉黑", "要挟", "索要",
	// money demanded on a threat (威胁…若不打款八千元，就…), or on the
	// pretext of exposing or reporting the victim (以要在网上曝光为由，要求
	// 付钱“私了”)
	"威胁", "曝光", "私了",
	// the taking told by its tool or its result (撬开…取走, 装入…带走, 偷拿)
	"偷", "撬", "取走", "拿走", "带走", "封口",
	// the taking told by the till it bypassed, the lie by its result
	"结账", "买单", "转走", "掏走", "摸走", "夹走",
	// the lock cut and the vehicle ridden off (剪断车锁…骑走, 夹断地锁…推走)
	"剪断", "夹断", "撬断", "拧断", "割断", "锯断", "骑走", "推走",
	// the lie told by who the caller claimed to be and where the money
	// was sent (自称银行客服…转到“安全账户”), the contact cut after it
	"自称", "假冒", "假扮", "虚构", "安全账户", "打不通",
	// the lie told by its pretext or by the contact cut after the money
	// (以代办驾照为名…收取, 收钱后失联, 删除好友, 根本不具备…渠道)
	"为名", "失联", "删除", "好友", "不具备", "关机", "联系不上",
	// the lie told by a false claim (虚称…经理), the damage by the blow
	// (砸碎, 划花, 扎破)
	"虚称", "诈称", "砸", "划花", "刮花", "扎破",
	// the fraud told by the platform (虚假投资平台, 提不了现)
	"虚假平台", "虚假投资", "提现",
	// the taking while the owner looked away (趁营业员不备, 趁导购转身), or
	// worn out of the shop (试戴…戴走, 试穿后穿着离开)
	"不备", "转身", "戴走", "穿走", "试穿", "试戴"}

// propertyCrimeSet finds the propertyCrimeCues in one pass: measures asks
// it of every text.
var propertyCrimeSet = nlp.NewPhraseSet(propertyCrimeCues...)

var (
	// hwCode is a category code of the national hazardous waste list
	// (HW01–HW50): text naming one speaks of hazardous waste.
	hwCode   = regexp.MustCompile(`HW[0-9]{2}`)
	countNum = `([0-9]{1,4}|[一二两三四五六七八九十]{1,3})`
	bigNum   = `([0-9]{1,6}|[零一二两三四五六七八九十百千万]{1,8})`
	// sepNum is bigNum also written with thousands separators (1,200册).
	sepNum = `([0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,6}|[零一二两三四五六七八九十百千万]{1,8})`
	// One clause may follow the person's (…砸中，经抢救无效死亡) if it
	// counts no one else.
	personTail = `(?:名|人|位)[^，。；,;]{0,24}?(?:[，,][^，。；,;0-9一二两三四五六七八九十]{0,12}?)?`
	// Guarded by their final words: run over every text, the two count
	// patterns cost 3 % of a request.
	// 致死 is how accident reports write it (一名员工被挤压致死).
	deathsRe  = nlp.Guard(countNum+personTail+`(?:死亡|身亡|遇难|致死)`, "死亡", "身亡", "遇难", "致死")
	seriousRe = nlp.Guard(countNum+personTail+`重伤`, "重伤")
	// 死亡五人, 重伤3人: the outcome first, the count right after it,
	// ending the phrase: in 1人重伤3人轻伤 and 1人死亡3人受伤 the count
	// after the outcome is the next outcome's.
	deathsAfterRe  = nlp.Guard(`(?:死亡|身亡|遇难)`+countNum+`(?:名|人)(?:[\s，,。；;、）)的]|$)`, "死亡", "身亡", "遇难")
	seriousAfterRe = nlp.Guard(`重伤`+countNum+`(?:名|人)(?:[\s，,。；;、）)的]|$)`, "重伤")
	// 致二人面部软组织挫伤，经鉴定均为轻微伤: the count 寻衅滋事 weighs
	// (二人以上轻微伤).
	// A count of persons inside a count pattern's window.
	countPersonRe = regexp.MustCompile(countNum + `(?:名|人|位)`)
	slightRe      = nlp.Guard(countNum+personTail+`轻微伤`, "轻微伤")
	// A death caused to a named victim (deaths at the scene or despite
	// treatment are deathWords); no digits between, so counts stay
	// deathsRe's.
	namedDeathRe = nlp.Guard(`(?:致|将)[^，。；,;0-9一二两三四五六七八九十]{0,10}?(?:死亡|身亡|致死)`, "死亡", "身亡", "致死")
	// A death after failed treatment with the day between (抢救无效于次日
	// 死亡, 医治无效，于三日后死亡); 抢救无效 alone says no death.
	// Only a time may stand between (a wider gap let other deaths in).
	treatedDeathRe = nlp.Guard(`(?:抢救|救治|医治)无效[，,]?(?:于|在)?(?:次日|当日|当天|当晚|同日|翌日|[0-9一二两三四五六七八九十]+(?:日|天|小时)后?)(?:凌晨|上午|中午|下午|晚上|晚间|夜间|夜里)?死亡`, "无效")
	// 造成12名就餐人员食物中毒, 12人出现食物中毒症状; not a gas poisoning.
	poisonedRe = nlp.Guard(countNum+personTail+`食物中毒`, "食物中毒")
	// 五个月工资, 3个月的劳动报酬; not 一个月内 (a deadline).
	// Copies and a catch run to thousands (一千二百斤, 3000余张).
	// Invoices counted after the word (发票共计286份, 住宿发票40张).
	invoiceCountRe = regexp.MustCompile(`发票[^，。；,;0-9一二两三四五六七八九十]{0,10}?` + sepNum + `[余多]?(?:份|张)`)
	// 制作发票出售，已售出150份: the count of the invoices sold or made, told
	// in the next clause after the invoices are named.
	invoiceSoldCountRe = regexp.MustCompile(`(?:售出|卖出|出售|印制|制作)[^，。；,;0-9一二两三四五六七八九十]{0,4}?` + sepNum + `[余多]?(?:份|张)`)
	copiesRe           = regexp.MustCompile(sepNum + `[余多]?(?:张|份|本|册|套|盘|部)`)
	jinRe              = regexp.MustCompile(bigNum + `[余多]?斤`)
	monthsOwedRe       = regexp.MustCompile(countNum + `个月(?:[^内0-9一二两三四五六七八九十，。；,;]{0,4}?)(?:工资|劳动报酬|薪|工钱)`)
	// People gathered to gamble, written organiser-first or count-first.
	gamblersRes = []*regexp.Regexp{
		regexp.MustCompile(`(?:纠集|组织|召集|聚集|聚众|容留)[^，。；,;0-9一二两三四五六七八九十]{0,6}?` + countNum + `余?(?:名|人)`),
		regexp.MustCompile(`参赌(?:人员|人数)?[^，。；,;0-9一二两三四五六七八九十]{0,4}?` + countNum + `余?(?:名|人)`),
		regexp.MustCompile(countNum + `余?(?:名|人)(?:参赌|参与赌博|聚众赌博|进行赌博)`),
		// The gamblers named, then counted (参赌人员有张某、李某…等七人).
		regexp.MustCompile(`(?:参赌|参与赌博)[^，。；,;]{0,40}?等` + countNum + `余?(?:名|人)`),
	}
	// Children employed, counted before (3名未满十六周岁的少年, 4名15周岁
	// 童工) or after (招用童工2名) the word that makes them children.
	childWorkersRes = []*regexp.Regexp{
		regexp.MustCompile(countNum + `余?(?:名|个|人)[^，。；,;]{0,10}?(?:童工|未满十六周岁|不满十六周岁|未满16周岁|不满16周岁)`),
		// 使用未满16周岁的人员4名: the age in digits, the children named 人员.
		regexp.MustCompile(`(?:童工|(?:未满|不满)(?:十六|16)周岁的?(?:未成年人|少年|学生|务工人员|人员)?)[^，。；,;0-9一二两三四五六七八九十]{0,4}?` + countNum + `余?(?:名|人)`),
	}
	// Young people named by a count (三名少年, 4名初中生): the children a
	// unit hires when the facts date them under sixteen by birth.
	youngWorkersRe = regexp.MustCompile(countNum + `(?:名|个)(?:少年|少女|男孩|女孩|初中生|中学生|小学生|学生|未成年人)`)
	taxRatioRe     = nlp.Guard(`(?:应纳税额|应缴税额|应纳税款)[^，。；,;]{0,8}?(?:([0-9]{1,3}(?:\.[0-9]+)?)%|百分之([一二三四五六七八九十百]{1,4}))`, "应纳税额", "应缴税额", "应纳税款")
)

// copiesNumber is the count of copies copiesRe read at norm[a:b]. Thousands
// separators count only as the original text writes them (an ASCII ',' between
// groups of three digits) and not after a date or a decimal point: a
// full-width ， folded to ',' (2026.7.15，300张) ends a clause, and the
// count is the digits after the last comma.
func copiesNumber(norm, text string, a, b int) string {
	n := norm[a:b]
	last := strings.LastIndexByte(n, ',')
	if last < 0 {
		return n
	}
	if (a > 0 && norm[a-1] == '.') || !strings.Contains(text, n) {
		return n[last+1:]
	}
	return n
}

// titleJoint reports whether the gap between two counts of copies is a
// list's joint and the next work's title (、《某某英语语法精讲》), or a plain
// list joint.
func titleJoint(gap string) bool {
	if nlp.ListJoint(gap) {
		return true
	}
	rest, ok := strings.CutPrefix(gap, "、")
	if !ok {
		return false
	}
	return strings.HasPrefix(rest, "《") && strings.HasSuffix(rest, "》") && strings.Count(rest, "《") == 1 && utf8.RuneCountInString(rest) <= 30
}

// count reads a small count written in digits or Chinese numerals. Two
// single numerals side by side are a rough count (七八名, 三五人): the
// larger, not seventy-eight.
func count(s string) (float64, bool) {
	s = strings.ReplaceAll(s, ",", "")
	if v, err := strconv.Atoi(s); err == nil {
		return float64(v), true
	}
	if r := []rune(s); len(r) == 2 && strings.ContainsRune(roughDigits, r[0]) && strings.ContainsRune(roughDigits, r[1]) {
		a, _ := nlp.ParseChineseInt(string(r[0]))
		b, _ := nlp.ParseChineseInt(string(r[1]))
		return float64(max(a, b)), true
	}
	v, err := nlp.ParseChineseInt(s)
	return float64(v), err == nil
}

// roughDigits are the numerals a rough count pairs (七八, 三五); not 十.
const roughDigits = "一二两三四五六七八九"

// transfer assesses criminal-transfer risk for the matched violations,
// from the measures the text states (measures) and the text as read for
// the tier (readTransfer).
func (a *Analyzer) transfer(text *rules.TransferText, measured map[string]float64, vs []Violation) rules.Transfer {
	ids := make([]string, 0, len(vs))
	for _, v := range vs {
		ids = append(ids, v.BenchmarkID)
	}
	if a.cfg.Crimes == nil {
		return rules.Transfer{Risk: rules.RiskNone}.Normalized()
	}
	return a.cfg.Crimes.Assess(rules.TransferInput{Read: text, Measures: measured, Benchmarks: ids}, a.transferOptions())
}

// readTransfer reads the facts once for both assessments of an analysis
// (tierFacts, transfer), as transferRewrites write them; nil without
// crimes, which neither then asks.
func (a *Analyzer) readTransfer(text string, orders orderReading) *rules.TransferText {
	if a.cfg.Crimes == nil {
		return nil
	}
	roles := -1 // whether the text names an official's role: not asked yet
	for _, r := range transferRewrites {
		if r.official {
			if roles < 0 {
				roles = 0
				if officialRoleSet.In(text) {
					roles = 1
				}
			}
			if roles == 0 {
				continue
			}
		}
		text = r.rewrite(text, orders)
	}
	return a.cfg.Crimes.Read(text)
}

// officialRoleSet finds any of officialRoles in one pass.
var officialRoleSet = nlp.NewPhraseSet(officialRoles...)

// transferRewrites are the facts as the crimes' cues read them, each
// rewrite on the one before's text, in this order: what is history or
// another's is taken out first (a past drunk drive, a dead driver's
// liability), then what a reading means is written beside it (a gas
// reading's alarm, an order's defiance joined to it, officials named by
// role, a blow or an armed threat at them named as the cues name it).
//
// The rewrites marked official match only where an official's role
// (officialRoles) is named, and none before them writes one: a text
// without a role is asked once (officialRoleSet) instead of searched by
// each of their expressions.
var transferRewrites = []struct {
	name     string
	official bool
	rewrite  func(text string, orders orderReading) string
}{
	{"past drink driving", false, textOnly(withoutPastDrinkDriving)},
	{"deceased liability", false, textOnly(withoutDeceasedLiability)},
	{"LEL alarm", false, textOnly(withLELAlarm)},
	{"defiance joined", false, withDefianceJoined},
	{"role names", true, textOnly(withRoleNames)},
	{"blow at official", true, textOnly(withBlowAtOfficial)},
	{"armed threat", true, textOnly(withArmedThreat)},
	{"home entry theft", false, textOnly(withHomeEntryTheft)},
	{"dated thefts", false, textOnly(withDatedThefts)},
	{"closed season", false, textOnly(withClosedSeason)},
	{"money threat", false, textOnly(withMoneyThreat)},
	{"labelled not found", false, textOnly(withLabelledNotFound)},
}

// textOnly is a rewrite of the text alone as one of transferRewrites.
func textOnly(f func(string) string) func(string, orderReading) string {
	return func(text string, _ orderReading) string { return f(text) }
}

// pastDrinkDrivingRe finds a drunk drive told as the cause of an earlier
// revocation or sentence (驾驶证已于2026年3月因醉酒驾驶被吊销, 曾因醉驾被判处
// 拘役): history, as the catalog's past-revocation yield of
// traffic-91-drunk-driving reads it, not a drive to transfer now. A past
// marker before it (曾, 此前, 之前 — the markers of the prior-penalty
// readers, nlp's pastCountMarkers) makes any penalty one (曾因醉酒驾驶被处以
// 罚款, 此前醉驾被行政拘留), and a record names one (醉驾前科); without the
// marker, 因醉驾被处罚 may be the present decision's words.
var pastDrinkDrivingRe = nlp.Guard(`因`+drinkDrive+`[^，。；;]{0,24}?(?:吊销|判处|判刑|拘役)`+
	`|(?:曾|此前|之前|以前|先前|早前)[^，。；;]{0,16}?`+drinkDrive+`[^，。；;]{0,24}?(?:吊销|判|拘役|处罚|罚款|处以|暂扣|拘留|追究|查处)`+
	`|`+drinkDrive+`的?(?:前科|违法记录|犯罪记录|处罚记录)`, "醉", "酒")

// drinkDrive names a drive after drinking, as a past penalty's cause.
const drinkDrive = `(?:醉酒驾驶|醉酒后驾驶|醉驾|酒后驾驶|饮酒后驾驶|酒驾|饮酒驾驶)`

// withoutPastDrinkDriving blanks the clauses pastDrinkDrivingRe finds, byte
// for byte, so the transfer cues of 危险驾驶罪 (醉驾, 醉酒驾驶) are read only
// from the present conduct; a drive measured or told today keeps them.
func withoutPastDrinkDriving(text string) string {
	ms := pastDrinkDrivingRe.FindAllStringIndex(text, -1)
	if len(ms) == 0 {
		return text
	}
	b := []byte(text)
	for _, m := range ms {
		for i := m[0]; i < m[1]; i++ {
			b[i] = ' '
		}
	}
	return string(b)
}

func (a *Analyzer) transferOptions() rules.TransferOptions {
	return rules.TransferOptions{Near: a.cfg.Near, Province: a.province, Amounts: a.amounts}
}

// tierFacts returns the facts the ranking decides a violation's tier by:
// facts whose figures cross a prosecution threshold (纠集二十人赌博, 赌资
// 五万元) are 情节严重 for the administrative penalty too, whether or not
// the text says so, since the conduct is grave enough to be a crime. Only
// figures count: a cue alone (暗管) says nothing of the tier. The value of
// property taken (盗窃、诈骗 数额较大) does not either: it is the line
// between a crime and an 治安 case, not a tier within the 治安 article,
// whose 情节较重 the catalog's own factors decide; nor does the count of
// extortions (多次敲诈勒索), the same line drawn by the times.
func (a *Analyzer) tierFacts(text *rules.TransferText, ef rules.Facts, measured map[string]float64) rules.Facts {
	if ef.Serious || a.cfg.Crimes == nil || len(measured) == 0 {
		return ef
	}
	t := a.cfg.Crimes.Assess(rules.TransferInput{Read: text, Measures: measured}, a.transferOptions())
	if t.Risk != rules.RiskLikely {
		return ef
	}
	for _, c := range t.Crossed {
		// An earlier theft penalty only halves the sum (2013年盗窃解释
		// 第二条): the theft is no more serious for it than the sum makes it.
		if c.Measure != "" && c.Measure != rules.MeasurePropertyValue && c.Measure != rules.MeasurePriorTheft && c.Measure != rules.MeasureExtortions {
			ef.Serious = true
			break
		}
	}
	return ef
}

// nonMotorVehicles name vehicles that are not 机动车; motorVehicles those
// that are (机动车 itself is matched apart, since 非机动车 contains it).
var (
	nonMotorVehicles = []string{"电动自行车", "电动车", "电瓶车", "电驴", "电单车", "自行车", "非机动车", "三轮车", "人力车", "畜力车"}
	motorVehicles    = []string{"汽车", "轿车", "货车", "客车", "摩托车", "机动三轮", "挂车", "面包车", "越野车", "皮卡"}
)

// nonMotorOnly reports whether the text names a non-motor vehicle and no
// motor vehicle.
func nonMotorOnly(norm string) bool {
	if !containsAny(norm, nonMotorVehicles) || containsAny(norm, motorVehicles) {
		return false
	}
	return strings.Count(norm, "机动车") == strings.Count(norm, "非机动车")
}

// alcoholReadings keeps the highest alcohol reading of a blood test apart
// from the highest of any other (a breath test): a blood test decides
// whether a driver was 醉酒 (GB 19522 measures 血液酒精含量; the breath
// reading only screens), so a breath 82mg/100ml above a blood 78.9mg/100ml
// is 饮酒后驾驶, not 醉酒驾驶.
type alcoholReadings struct {
	blood, other       float64
	hasBlood, hasOther bool
}

// read files a reading under blood when the words of its sentence before
// it name blood (血液、血样、抽血) after any breath test (呼气、呼出).
func (a *alcoholReadings) read(text string, q nlp.Quantity) {
	if bloodSample(text, q.Start) {
		a.blood, a.hasBlood = max(a.blood, q.Value), true
		return
	}
	a.other, a.hasOther = max(a.other, q.Value), true
}

// value is the blood reading when there is one, otherwise the highest
// other reading.
func (a alcoholReadings) value() (float64, bool) {
	if a.hasBlood {
		return a.blood, true
	}
	return a.other, a.hasOther
}

// bloodSample reports whether the sentence before byte offset start names a
// blood sample more recently than a breath test.
func bloodSample(text string, start int) bool {
	if start <= 0 || start > len(text) {
		return false
	}
	before := text[:start]
	if i := strings.LastIndexAny(before, "。；;"); i >= 0 {
		before = before[i:]
	}
	blood := strings.LastIndex(before, "血")
	breath := max(strings.LastIndex(before, "呼气"), strings.LastIndex(before, "呼出"), strings.LastIndex(before, "吹气"))
	return blood >= 0 && blood > breath
}

// hazardousWasteNames are wastes the national list (国家危险废物名录) holds
// that decisions name without saying 危险废物: 废铅蓄电池 (HW31), 废矿物油
// (HW08), 废酸 (HW34), 电镀污泥 (HW17).
var hazardousWasteNames = []string{"废铅蓄电池", "废铅酸蓄电池", "废矿物油", "废机油", "废酸液", "废酸", "废碱液", "电镀污泥", "电镀废液", "废有机溶剂",
	// HW09 (废乳化液、废切削液), HW08 (废液压油、废润滑油、油泥), HW12 (废油漆、漆渣), HW06 (废溶剂), HW11 (蒸馏残渣)
	"废切削液", "废乳化液", "废液压油", "废润滑油", "废油漆", "漆渣", "油泥", "废溶剂", "蒸馏残渣", "含油废物",
	// HW17 and HW22 (表面处理废物, 含铜废物): the spent baths of plating and
	// etching, named by their metal (含镍废液 3 吨), as the catalog's
	// hazardous-waste elements name them; a 废水 is not among them. (Their
	// sludges are left out: kept on the producer's site they are the storage
	// item, which this count would read as disposal.)
	"含镍废液", "含铬废液", "含铜废液", "含锌废液", "含镉废液", "含氰废液", "废蚀刻液", "表面处理废液"}

// wastewaterTonnes reports whether a tonnage's own clause weighs a
// wastewater (排放含镍废水约30吨) and names no hazardous waste: the water is
// no waste; its metals count by their reading (第十七条第三项), its tonnes
// not towards 三吨 of hazardous waste, though a bath named elsewhere is.
func wastewaterTonnes(text string, q nlp.Quantity) bool {
	clause := text[clauseStart(text, q.Start):q.Start]
	return containsAny(clause, []string{"废水", "污水"}) && !strings.Contains(clause, "危险废物") && !containsAny(clause, hazardousWasteNames)
}

// hazardousWasteDenials deny that a waste is hazardous: 经鉴定该炉渣属一般
// 工业固体废物，不属于危险废物 speaks of 危险废物 only to rule it out.
var hazardousWasteDenials = []string{"不属于危险废物", "不属危险废物", "非危险废物", "不是危险废物", "并非危险废物", "不构成危险废物", "未列入危险废物", "不在危险废物"}

// namesHazardousWaste reports whether the text names 危险废物 other than in
// a denial of it, as isBasicFarmland counts 基本农田.
func namesHazardousWaste(norm string) bool {
	n := strings.Count(norm, "危险废物")
	if n == 0 {
		return false
	}
	for _, d := range hazardousWasteDenials {
		n -= strings.Count(norm, d)
	}
	return n > 0
}

// producedWords before a tonnage say it is an amount produced, planned
// or declared, not one disposed of.
var producedWords = []string{"产生量", "预计", "计划", "申报", "年产", "年度", "每年"}

// licensedHandover tells a text whose hazardous waste went to a unit that
// holds a 危险废物经营许可证 (委托有危险废物经营许可证的单位处置，转移时未运行
// 转移联单) and was not dumped, buried or burnt: its tonnes were handed over
// lawfully for disposal, the paperwork was what failed (固体废物污染环境防治法
// 第一百一十二条第一款第（五）项, 法典 第一千一百七十五条第一款第（七）项), and
// they are no tonnes 非法排放、倾倒、处置 (环境污染刑事案件解释 第一条第（二）项).
// A receiver without the licence (无危险废物经营许可证的个人) keeps them.
// The receiver's licence must be stated, not denied (未委托有资质的单位处置
// keeps the tonnes).
func licensedHandover(norm string) bool {
	// Every licensed receiver's word names 资质, 持证 or 许可证: a text
	// without them (most) is not searched for the other lists.
	if !nlp.Contains(norm, "资质") && !nlp.Contains(norm, "持证") && !nlp.Contains(norm, "许可证") || unlicensedOrDisposal.In(norm) {
		return false
	}
	for _, w := range licensedReceiverWords {
		if assertedWhere(norm, w, nil) {
			return true
		}
	}
	return false
}

// assertedWhere reports whether some occurrence of w in norm is not denied
// (nlp.Negated) and, when ok is given, passes ok at its byte offset: a
// denied first occurrence (未…死亡) must not hide a later asserted one.
func assertedWhere(norm, w string, ok func(at int) bool) bool {
	for from := 0; ; {
		i := nlp.Index(norm[from:], w)
		if i < 0 {
			return false
		}
		at := from + i
		if !nlp.Negated(norm, at) && (ok == nil || ok(at)) {
			return true
		}
		from = at + len(w)
	}
}

var (
	licensedReceiverWords = []string{"有危险废物经营许可证的", "持有危险废物经营许可证的", "具有危险废物经营许可证的", "取得危险废物经营许可证的",
		"持证的危险废物", "有危险废物经营资质的", "具有危险废物经营资质的", "具备危险废物经营资质的", "有资质的危险废物", "有资质的单位", "具备资质的单位", "具有相应资质的", "持证单位", "持证处置单位"}
	unlicensedReceiverWords = []string{"无危险废物经营许可", "无许可证", "无经营许可", "无资质", "无相应资质", "无相关资质", "没有资质", "没有相应资质", "没有危险废物经营许可",
		"没有许可证", "不具备", "不具有", "未取得危险废物经营许可", "无证", "无任何证照", "没有任何证照", "超出许可", "超范围", "许可证已过期", "许可证过期"}
	unlawfulDisposalWords = []string{"倾倒", "丢弃", "偷排", "排入", "排放至", "填埋", "掩埋", "暗埋", "暗管", "焚烧", "抛洒", "遗撒", "渗坑", "渗井", "倒入", "倒进", "泄漏", "渗漏", "流失"}
	// unlicensedOrDisposal finds the words of both lists in one pass.
	unlicensedOrDisposal = nlp.NewPhraseSet(slices.Concat(unlicensedReceiverWords, unlawfulDisposalWords)...)
)

// producedAmount reports whether the words just before a quantity make it
// an amount produced or planned.
func producedAmount(text string, q nlp.Quantity) bool {
	if q.Start <= 0 || q.Start > len(text) {
		return false
	}
	// The clause the quantity ends: 该公司年产生电镀污泥等危险废物约12吨.
	before := text[:q.Start]
	if i := strings.LastIndexAny(before, "，。；,;"); i >= 0 {
		before = before[i:]
	}
	return containsAny(before, producedWords)
}

// landMu sets the land measure an area of mu 亩 counts towards, by the
// kind of land the text names.
func landMu(norm string, mu float64, setMax func(string, float64)) {
	switch {
	case isBasicFarmland(norm):
		setMax(rules.MeasureBasicFarmland, mu)
	case nlp.Contains(norm, "公益林"):
		setMax(rules.MeasurePublicForest, mu)
	case nlp.Contains(norm, "林地"):
		setMax(rules.MeasureForest, mu)
	case containsAny(norm, cultivatedNames) && !containsAny(norm, notCultivated):
		setMax(rules.MeasureFarmland, mu)
	}
}

// hasMu reports whether an area is given in 亩.
func hasMu(qs []nlp.Quantity) bool {
	for _, q := range qs {
		if q.Unit == "亩" {
			return true
		}
	}
	return false
}

// cultivatedNames name 耕地 by itself or by its kinds, as a land officer
// or a villager writes them (水田, 旱地, 水浇地, 菜地; 土地利用现状分类
// 01 耕地), and 农用地 that contains it.
var cultivatedNames = []string{"耕地", "农用地", "水田", "旱地", "水浇地", "稻田", "菜地"}

// notCultivated say the land occupied is not 耕地 (该地块不属于耕地, 地类为
// 未利用地、非耕地): its area then counts towards no farmland threshold.
var notCultivated = []string{"不属于耕地", "非耕地", "不是耕地", "不涉及耕地", "未占用耕地", "不属于农用地", "非农用地"}

// isBasicFarmland reports whether the text says the land is 基本农田: it
// names it undenied, and denies it nowhere. A denial is the finding a
// survey states (经比对…不属于永久基本农田, 该地块不涉及基本农田, 非基本农田),
// overruling a claim before it (举报人称占用的是永久基本农田); 基本农田以外
// (的耕地) names the other land, neither.
func isBasicFarmland(norm string) bool {
	named := false
	for from := 0; ; {
		i := strings.Index(norm[from:], "基本农田")
		if i < 0 {
			break
		}
		at := from + i
		from = at + len("基本农田")
		if strings.HasPrefix(norm[from:], "以外") || strings.HasPrefix(norm[from:], "之外") {
			continue
		}
		start := at
		if strings.HasSuffix(norm[:start], "永久") {
			start -= len("永久")
		}
		if nlp.HasAnySuffix(norm[:start], farmlandDenials[:]...) {
			return false
		}
		named = true
	}
	return named
}

// farmlandDenials, right before (永久)基本农田, deny the land is such: a
// survey's finding (不属于, 不涉及, 并非) or the occupation denied (未占用).
// Only these, touching it: 未批占用基本农田 and 未经批准占用 tell the act.
var farmlandDenials = [...]string{"非", "不属于", "不属", "不涉及", "未涉及", "不是", "并非", "不在", "未占用", "不占用", "没有占用", "未压占", "未划入", "未列入", "不含"}

// wageWords name the pay owed; workers write it as 工钱 or 薪水 (拖欠我们
// 三个月的工钱).
var wageWords = []string{"工资", "劳动报酬", "加班费", "工钱", "薪水", "薪资"}

// compensationOnly reports whether the money a text says is owed to workers
// is only the 经济补偿 (or 赔偿金) of an ended contract: it names that and no
// pay (wageWords, 报酬, 薪酬, 奖金, 津贴).
func compensationOnly(norm string) bool {
	if !nlp.Contains(norm, "经济补偿") {
		return false
	}
	// Clause by clause: pay named only as the rate the compensation is
	// counted from (按其离职前十二个月平均工资6000元计算; 月工资5000元) is
	// owed to no one; pay named otherwise (拖欠工资及经济补偿) is owed. A
	// rate in a clause of its own is the wages owed when the next clause
	// says they were not paid without naming the compensation (月工资均为
	// 6000元，公司已连续3个月未发放).
	rate := false
	for rest := norm; rest != ""; {
		cl := rest
		if i := strings.IndexAny(rest, "，。；,;！？!?\n"); i >= 0 {
			_, size := utf8.DecodeRuneInString(rest[i:])
			cl, rest = rest[:i], rest[i+size:]
		} else {
			rest = ""
		}
		if rate && containsAny(cl, payOwed) && !containsAny(cl, compensationWords) {
			return false
		}
		rate = false
		if !containsAny(cl, wageWords) && !containsAny(cl, payWords) {
			continue
		}
		if containsAny(cl, payRates) && !containsAny(cl, payOwed) {
			rate = !containsAny(cl, compensationWords)
			continue
		}
		return false
	}
	return true
}

// payRates name pay as the rate a sum is counted from; payOwed name pay
// not paid, in the same clause.
var (
	payRates = []string{"平均工资", "月工资", "日工资", "工资标准", "工资基数", "工资收入", "工资水平", "月薪", "工资为", "工资是"}
	payOwed  = []string{"拖欠", "欠", "未支付", "未发", "没发", "克扣", "未结清", "未付", "没付", "拒不支付", "少发", "未足额"}
)

// compensationWords name the money owed on ending a contract.
var compensationWords = []string{"补偿", "赔偿金"}

// payWords name pay for work other than 工资 (wageWords).
var payWords = []string{"报酬", "薪酬", "奖金", "津贴", "欠薪"}

// owesWages reports whether the text says wages were not paid, so that a
// head count is the number of workers owed rather than a workforce size.
func owesWages(norm string) bool {
	for _, w := range campaignWords {
		// strings.ReplaceAll counts by strings.Index, which stops at
		// nearly every character of Chinese text: most texts name no
		// campaign, and nlp.Contains says so for less.
		if nlp.Contains(norm, w) {
			norm = strings.ReplaceAll(norm, w, "")
		}
	}
	if !containsAny(norm, wageWords) {
		return false
	}
	// 不给加班费, 补足差额 (below the minimum wage) and 未补发 are unpaid wages too.
	for _, cue := range []string{"拖欠", "未支付", "未足额支付", "拒不支付", "克扣", "欠薪", "不给", "补足差额", "补发差额", "未补发", "少支付"} {
		if nlp.Contains(norm, cue) {
			return true
		}
	}
	// The debt told in everyday words (欠我们…工钱, 欠2名帮厨…工资, 工资
	// 一直没发, 期满仍未付): 欠 right before whom it is owed, or the pay
	// not handed over.
	for _, cue := range []string{"欠我们", "欠他们", "欠大家", "欠工人", "欠员工", "欠职工", "欠了", "欠发", "欠付", "没发", "未发放", "没给", "未付", "没付", "一分没",
		// the pay not settled on leaving (离职后未结清两个月工资, 尚欠工人工资)
		"未结清", "没结清", "未结算", "没结算", "未付清", "没付清", "尚欠", "结欠"} {
		if nlp.Contains(norm, cue) {
			return true
		}
	}
	for i := nlp.Index(norm, "欠"); i >= 0; {
		if r, _ := utf8.DecodeRuneInString(norm[i+len("欠"):]); unicode.IsDigit(r) || strings.ContainsRune("一二两三四五六七八九十", r) {
			return true
		}
		j := nlp.Index(norm[i+len("欠"):], "欠")
		if j < 0 {
			break
		}
		i += len("欠") + j
	}
	return false
}

// campaignWords name a drive against wage arrears (在根治欠薪专项检查中发现):
// the campaign that found the facts, no debt of the party's.
var campaignWords = []string{"根治欠薪", "治理欠薪", "清理欠薪", "欠薪治理", "欠薪专项", "治欠保支", "拖欠农民工工资专项", "拖欠工资专项"}

// spanMonths counts the calendar months from the act's first to its last
// date (2026-03-01 to 2026-04-30 is two), 0 without both.
func spanMonths(dates []nlp.Date) float64 {
	var from, to string
	for i, d := range dates {
		switch {
		case d.Role == nlp.DateAct && from == "":
			from = d.Value
		case d.Role == nlp.DateActEnd && to == "":
			to = d.Value
			// 2025年9月到2026年3月的工钱: the span's first date, one rune
			// (到, 至, -) before its end, may carry no role of its own.
			if from == "" && i > 0 && dates[i-1].Role == "" && d.Start-dates[i-1].End <= len("至") {
				from = dates[i-1].Value
			}
		}
	}
	if len(from) < 7 || len(to) < 7 {
		return 0
	}
	y1, e1 := strconv.Atoi(from[:4])
	m1, e2 := strconv.Atoi(from[5:7])
	y2, e3 := strconv.Atoi(to[:4])
	m2, e4 := strconv.Atoi(to[5:7])
	if e1 != nil || e2 != nil || e3 != nil || e4 != nil {
		return 0
	}
	n := (y2-y1)*12 + m2 - m1 + 1
	if n < 1 || n > 120 {
		return 0
	}
	return float64(n)
}

// clauseTail returns up to n runes of norm before byte i, within i's clause
// (after the last ，。；,;).
func clauseTail(norm string, i, n int) string {
	from := i
	for k := 0; k < n && from > 0; k++ {
		r, size := utf8.DecodeLastRuneInString(norm[:from])
		if strings.ContainsRune("，。；,;", r) {
			break
		}
		from -= size
	}
	return norm[from:i]
}

// listRun adds up quantities listed one after another: the four dumpings of
// 分别为1,200千克、900千克、900千克和600千克, or 废机油1.2吨、废乳化液2.6吨.
// The thresholds count the whole (危险废物三吨以上 of every dumping not yet
// dealt with, 2023年环境污染解释 第一条第二项); the largest alone understates it.
// A run goes on while only a list's joint (、 和 及 与) stands between two
// quantities, with at most the next item's name (废乳化液) after it.
type listRun struct {
	end int     // byte offset in the text after the run's last quantity
	sum float64 // the run's sum
}

func (r listRun) add(text string, q nlp.Quantity, v float64) listRun {
	if r.end > 0 && r.end <= q.Start && q.Start <= len(text) && nlp.ListJoint(text[r.end:q.Start]) {
		return listRun{end: q.End, sum: r.sum + v}
	}
	return listRun{end: q.End, sum: v}
}

// toxicCauseWords make an earlier penalty's cause one of discharging,
// dumping or disposing of toxic substances (2023年环境污染解释 第一条第八项);
// theftCauseWords one of theft (2013年盗窃解释 第二条); sameCauseWords point
// back to the cause told before (又因同一原因被处罚).
var (
	toxicCauseWords = []string{"排放", "倾倒", "处置", "废水", "废液", "危险废物", "有毒", "重金属", "铅", "镉", "汞", "铬", "砷", "铜", "镍", "锌", "铊", "超标"}
	theftCauseWords = []string{"盗窃", "偷", "扒窃", "窃取", "窃得"}
	sameCauseWords  = []string{"同一", "同样", "相同", "同类", "上述", "此类"}
	// meetsStandard say the present discharge is within its standard: no
	// 又实施此类行为 of 第一条第八项 (第十七条第三项 makes only what exceeds
	// it a toxic substance).
	meetsStandard = []string{"未超过", "未超出", "未超标", "达标排放", "符合排放标准", "符合国家排放标准", "符合地方排放标准", "不超过排放标准"}
)

// month reads "2024-05", "2024-05-01" or "2024" as a month count (a year
// alone as its January, full is false).
func month(d string) (m int, full bool, ok bool) {
	if len(d) < 4 {
		return 0, false, false
	}
	y, err := strconv.Atoi(d[:4])
	if err != nil {
		return 0, false, false
	}
	if len(d) >= 7 {
		if mo, err := strconv.Atoi(d[5:7]); err == nil && mo >= 1 && mo <= 12 {
			return y*12 + mo - 1, true, true
		}
	}
	return y * 12, false, true
}

// priorWindow sorts one earlier penalty against the act's month: within
// the window of months before it, out of it (older, or on or after the
// act: the present case's own), or undated (no date, or a year that
// straddles the window's start).
func priorWindow(p nlp.PriorPenalty, act, window int) (within, undated bool) {
	if len(p.Dates) == 0 || act == 0 {
		return false, true
	}
	straddle := false
	for _, d := range p.Dates {
		m, full, ok := month(d)
		if !ok {
			return false, true
		}
		last := m
		if !full {
			last = m + 11
		}
		if m >= act || last < act-window {
			return false, false
		}
		if m < act-window {
			straddle = true
		}
	}
	return !straddle, straddle
}

// priorMeasures counts the earlier penalties the thresholds need from what
// the text tells (nlp.PriorPenalties): all kinds within two years
// (虚假广告, 非法采矿), those for toxic discharges within two years, and a
// theft's criminal penalty or administrative one within a year. The act's
// month is the act's day the facts read, unless that is no later than a
// penalty told (the facts' earliest date may be the penalty's), then the
// decision's day. An undated penalty makes a count short of its threshold
// by a little: near, for the officer to confirm, not likely.
func priorMeasures(text string, f rules.Facts, measured map[string]float64) {
	ps := nlp.PriorPenalties(text)
	act := actMonthAfter(ps, f)
	count := func(keep func(nlp.PriorPenalty) bool, window int, criminalCounts bool) (float64, float64) {
		within, undated := 0.0, 0.0
		for _, p := range ps {
			if !keep(p) {
				continue
			}
			if criminalCounts && p.Criminal {
				within += float64(p.Count)
				continue
			}
			switch w, u := priorWindow(p, act, window); {
			case w:
				within += float64(p.Count)
			case u:
				undated += float64(p.Count)
			}
		}
		return within, undated
	}
	// nearly is a count short of gte by a little: near, not met.
	nearly := func(within, undated, gte float64) float64 {
		if within < gte && within+undated >= gte {
			return gte * 0.95
		}
		return within
	}
	// The count of every kind corrects the facts' count (a penalty out of
	// the two years, or undated, is none); it adds no count the facts did
	// not make below the thresholds' two (the benchmarks read it too).
	if len(ps) > 0 {
		w, u := count(func(nlp.PriorPenalty) bool { return true }, 24, false)
		if _, had := measured[rules.MeasurePriorPenalties]; had || w+u >= 2 {
			measured[rules.MeasurePriorPenalties] = nearly(w, u, 2)
		}
	}
	// A cause that points back (又因同一原因) is the cause before it.
	cause := make([]string, len(ps))
	for i, p := range ps {
		cause[i] = p.Cause
		if i > 0 && containsAny(p.Cause, sameCauseWords) {
			cause[i] = cause[i-1]
		}
	}
	idx := func(p nlp.PriorPenalty) int {
		for i := range ps {
			if ps[i].Start == p.Start && ps[i].End == p.End {
				return i
			}
		}
		return 0
	}
	toxicNow := measured[rules.MeasureHeavyMetalOver] >= 1 || !containsAny(withoutPriors(text, ps), meetsStandard)
	w, u := count(func(p nlp.PriorPenalty) bool { return containsAny(cause[idx(p)], toxicCauseWords) }, 24, false)
	if !toxicNow {
		w, u = 0, 0
	}
	measured[rules.MeasurePriorToxic] = nearly(w, u, 2)
	w, u = count(func(p nlp.PriorPenalty) bool { return containsAny(cause[idx(p)], theftCauseWords) }, 12, true)
	measured[rules.MeasurePriorTheft] = nearly(w, u, 1)
}

// withoutPriors is text with the earlier penalties' clauses left out.
func withoutPriors(text string, ps []nlp.PriorPenalty) string {
	var b strings.Builder
	from := 0
	for _, p := range ps {
		if p.Start >= from && p.End <= len(text) {
			b.WriteString(text[from:p.Start])
			from = p.End
		}
	}
	b.WriteString(text[from:])
	return b.String()
}

// hiresWorkers reports whether the text tells of taking people on to work
// (雇用, 招用, 用工): only there are the young people it names workers.
func hiresWorkers(norm string) bool {
	for _, w := range [...]string{"雇用", "雇佣", "招用", "招收", "录用", "用工", "做工", "打工"} {
		if nlp.Contains(norm, w) {
			return true
		}
	}
	return false
}

// unitWorkerUnder16 reports whether the party is a unit that hires and the
// reading gave it an age under sixteen from a birth date: a unit has no age,
// so the birth date is a worker's.
func unitWorkerUnder16(norm string, x nlp.Extraction) bool {
	if x.PartyKind != "单位" || x.Age == nil || *x.Age >= 16 || !hiresWorkers(norm) {
		return false
	}
	return slices.ContainsFunc(x.Dates, func(d nlp.Date) bool { return d.Role == nlp.DateBirth })
}
