package caseanalysis

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cailiang/cailiang/nlp"
)

// The twenty-eighth round's readings of the facts for the transfer cues
// (issue 12, transfer29a): a home entered told by the way in, money demanded
// on a threat told as its condition, and a closed fishing season told by its
// dates.

// homeEntryRe finds a way into a room and a taking after it in the same
// sentence (从虚掩的阳台推拉门进入屋内，翻找抽屉拿走现金, 溜进卧室偷走): the
// 入户盗窃 of 刑法 第二百六十四条 as a record tells it, by the route rather
// than the name. The rounds before added a cue per route (爬进屋内, 进入…家中,
// 撬开…房门); this reads the entry and the taking. The place entered must be
// a room of a home (屋, 室, 房间, 卧室, 家): a shop or an office entered
// (进入店内, 进入办公室) is no 户 (2013年盗窃解释 第三条第二款: 供他人家庭生活、
// 与外界相对隔离的住所).
var homeEntryRe = nlp.Guard(`(?:进入|进到|走进|溜进|溜入|钻进|钻入|爬进|爬入|翻进|翻入|潜入|闯入|窜入|摸进|混进|混入)[^，。；;]{0,6}?`+
	`(?:屋内|屋里|屋中|室内|房内|房间|卧室|客厅|家中|家里|住宅|住处|宅内)`+
	`([^。；;！!？?]{0,40}?)(?:拿走|偷走|窃取|盗走|窃得|偷得|盗得|取走|偷拿|顺走|搜走|翻走|拿了|偷了)`,
	"屋", "室", "房", "家", "宅", "住")

// homeEntryNotHome names the places a 室内 may be that are no home: the
// entry's clause naming one is read as no 入户.
var homeEntryNotHome = []string{"办公室", "店", "商铺", "商场", "超市", "仓库", "厂房", "车间", "工地", "库房", "教室", "机房", "配电室", "门市", "营业"}

// withHomeEntryTheft writes, after a home entered and a taking told after
// it, the name of the conduct (，入户盗窃) that the 盗窃罪 threshold cues. The
// taking must be the one who entered: a resident who comes home and finds
// things gone (回家进入屋内发现现金被盗) tells 发现 or 被 between, an officer
// entering (民警进入屋内将其抓获) takes nothing, and a denied entry (未进入
// 屋内) is left.
func withHomeEntryTheft(text string) string {
	return appendAfter(text, homeEntryRe, "，入户盗窃", func(m []int) bool {
		between := text[m[2]:m[3]]
		cs := clauseStart(text, m[0])
		clause := text[cs:m[0]]
		// A denial in the entry's own clause (未进入屋内); one in the clause
		// before tells the way open (见其家大门未锁，溜进卧室).
		return nlp.Negated(text[cs:], m[0]-cs) || containsAny(between, []string{"发现", "被盗", "被偷", "被窃", "不见", "报警", "民警", "执法"}) ||
			containsAny(clause, []string{"民警", "执法人员", "检查人员", "工作人员"}) || containsAny(clause+text[m[0]:m[1]], homeEntryNotHome) ||
			lawfulEntry(text[boundedSentenceStart(text, m[0]):m[1]])
	})
}

// lawfulEntryWords tell how the party came to be inside lawfully: asked in
// by the household, or there for work or as a tenant (受业主委托进入屋内打扫,
// 进入业主屋内进行水电改造). 入户 is 非法进入 a home (2013年盗窃解释 第三条
// 第二款 with 第三条第一款); a taking by one let in is a theft, not 入户盗窃.
var lawfulEntryWords = []string{"委托", "邀请", "应邀", "保洁", "打扫", "家政", "保姆", "装修", "维修", "修理", "施工", "安装", "改造",
	"送货", "送件", "快递", "外卖", "抄表", "租住在", "同住", "借住", "寄住"}

// pretextEntryWords tell an entry under a pretext (冒充维修工人骗开房门,
// 以送快递为名进入): still 非法进入.
var pretextEntryWords = []string{"冒充", "假冒", "假扮", "谎称", "假借", "为名", "骗开", "骗取"}

// boundedSentenceStart is sentenceStart looking back at most clauseReach
// bytes, as clauseStart does: a hostile text of entries without a stop
// costs no quadratic look-back.
func boundedSentenceStart(text string, i int) int {
	lo := max(0, i-clauseReach)
	for lo > 0 && lo < i && !utf8.RuneStart(text[lo]) {
		lo++
	}
	return lo + sentenceStart(text[lo:], i-lo)
}

// lawfulEntry reports whether a sentence up to a home entered tells the
// entry lawful: a work or tenancy word and no pretext.
func lawfulEntry(sentence string) bool {
	return containsAny(sentence, lawfulEntryWords) && !containsAny(sentence, pretextEntryWords)
}

// appendAfter writes suffix after each match of re that skip does not set
// aside: the name a transfer cue reads, after the act a record tells
// without it (one of the rewrites rewriteMatches makes).
func appendAfter(text string, re nlp.GuardedRegexp, suffix string, skip func(m []int) bool) string {
	return rewriteMatches(text, re, func(m []int) (string, bool) {
		if skip(m) {
			return "", false
		}
		return text[m[0]:m[1]] + suffix, true
	})
}

// moneyThreatRe finds money demanded on a threat told as its condition
// (不给钱就把照片发到你单位群里, 不拿五千块就去你店里闹, 不转账便将视频公开):
// the demand refused and what the party will then do to the victim. The
// propertyCrimeCues name the threat (威胁, 要挟, 勒索); a victim's report
// quotes the condition alone.
var moneyThreatRe = nlp.Guard(`(?:不给|不拿|不交|不付|不转|不打|不汇)[^，。；;]{0,8}?(?:就|便)[^。；;]{0,20}?`+
	`(?:发到|发给|发在|发上|发出|曝光|公开|散布|传到|传给|贴到|告诉|闹|砸|打|弄|收拾|找人|让你|好看|放到)`,
	"不给", "不拿", "不交", "不付", "不转", "不打", "不汇")

// lawfulRecourse are what a demand may threaten that is the victim's right,
// not a harm: a worker's 不给工资就去劳动仲裁 is no 敲诈勒索.
var lawfulRecourse = []string{"投诉", "仲裁", "起诉", "诉讼", "报警", "法院", "劳动监察", "12345", "信访", "申请"}

// withMoneyThreat writes, after money demanded on a threat told as its
// condition, what the demand is (，以此索要钱财): the 敲诈勒索罪 cue, which a
// victim's report tells by the condition alone (不转钱便把视频放到网上), and
// which keeps the amount from being weighed as a theft's.
func withMoneyThreat(text string) string {
	return appendAfter(text, moneyThreatRe, "，以此索要钱财", func(m []int) bool {
		return nlp.Negated(text, m[0]) || containsAny(text[m[0]:m[1]], lawfulRecourse)
	})
}

// moneyThreat reports whether norm tells money demanded on a threat by its
// condition, undenied and not a lawful recourse.
func moneyThreat(norm string) bool {
	for _, m := range moneyThreatRe.FindAllStringIndex(norm, -1) {
		if nlp.Negated(norm, m[0]) || containsAny(norm[m[0]:m[1]], lawfulRecourse) {
			continue
		}
		return true
	}
	return false
}

// closedSeasonRe finds a closed season told by its dates and a ban on
// fishing (每年3月1日至6月30日禁止一切捕捞作业, 3月1日0时至6月30日24时为禁捕期):
// the start month and day, the end month and day.
var closedSeasonRe = nlp.Guard(`([0-9]{1,2})月([0-9]{1,2})日(?:[0-9]{1,2}时)?(?:至|到|—|－|-|~|～)(?:次年|翌年)?([0-9]{1,2})月([0-9]{1,2})日(?:[0-9]{1,2}时)?`+
	`[^。；;]{0,12}?(?:禁止[^，。；;]{0,6}?捕捞|禁止[^，。；;]{0,6}?捕鱼|禁渔|禁捕|休渔)`, "禁")

// actDateRe finds the first full date of a text, the act's as a record
// opens with it (2026年5月20日22时许).
var actDateRe = regexp.MustCompile(`(20[0-9]{2})年([0-9]{1,2})月([0-9]{1,2})日`)

// withClosedSeason writes, after a closed season told by its dates, that the
// act fell within it (，系在禁渔期内捕捞) when the text's first date lies in
// the span: the 禁渔期 of 2022年破坏野生动物资源解释 第三条第一款 as a patrol
// note tells it, by the notice's dates and the night of the act. A span
// across the new year (12月1日至次年3月31日) wraps; a date outside it writes
// nothing.
func withClosedSeason(text string) string {
	loc := closedSeasonRe.FindStringSubmatchIndex(text)
	if loc == nil || nlp.Negated(text, loc[0]) {
		return text
	}
	act := actDateRe.FindStringSubmatch(text)
	if act == nil {
		return text
	}
	num := func(s string) int { n, _ := strconv.Atoi(s); return n }
	from := num(text[loc[2]:loc[3]])*100 + num(text[loc[4]:loc[5]])
	to := num(text[loc[6]:loc[7]])*100 + num(text[loc[8]:loc[9]])
	on := num(act[2])*100 + num(act[3])
	within := from <= on && on <= to
	if from > to {
		within = on >= from || on <= to
	}
	if !within {
		return text
	}
	return text[:loc[1]] + "，系在禁渔期内捕捞" + text[loc[1]:]
}

// labelledDrugRe finds a drug named by its label (“头孢克肟胶囊”, 标示为“阿奇霉素
// 分散片”): the name's stem before its dosage form, the ingredient a test of
// 假药 looks for.
var labelledDrugRe = nlp.Guard(`“([^”]{2,16}?)(?:分散片|缓释片|肠溶片|含片|胶囊|片|注射液|颗粒|丸|口服液|糖浆|软膏|滴眼液|冲剂)”`, "“")

// notFoundRe finds what a test did not find (未检出头孢克肟, 均未检测出阿奇霉素).
var notFoundRe = regexp.MustCompile(`(?:未检出|未检测出|没有检出|未能检出)([^，。；;,]{2,16})`)

// withLabelledNotFound writes, after a test that did not find the
// ingredient the drug's label names (标示为“头孢克肟胶囊”……所含成分为对乙酰氨基
// 酚，未检出头孢克肟), that the ingredients do not match (，药品所含成分与标示
// 不符): the 假药 of 药品管理法 第九十八条第二款第（一）项 (药品所含成份与国家
// 药品标准规定的成份不符) as a lab report tells it, by its two findings. A
// test that did not find a contaminant (未检出有关物质超标, 未检出致病菌) names
// no labelled ingredient and writes nothing.
func withLabelledNotFound(text string) string {
	if !nlp.Contains(text, "检") || !containsAny(text, drugContextWords) {
		return text
	}
	var stems []string
	for _, m := range labelledDrugRe.FindAllStringSubmatchIndex(text, -1) {
		// A label a food's (“人参胶囊”保健食品, “山楂丸”（糖果类食品）) names
		// no drug's ingredient.
		if containsAny(text[m[1]:min(len(text), m[1]+30)], []string{"食品", "糖果"}) {
			continue
		}
		s := strings.TrimPrefix(text[m[2]:m[3]], "复方")
		if utf8.RuneCountInString(s) >= 2 {
			stems = append(stems, s)
		}
	}
	if len(stems) == 0 {
		return text
	}
	for _, m := range notFoundRe.FindAllStringSubmatchIndex(text, -1) {
		found := text[m[2]:m[3]]
		if !containsAny(found, stems) || containsAny(found, contaminantWords) {
			continue
		}
		// A test the drug passed (结果为合格, 含量符合规定) found what its
		// label names.
		sentence := text[boundedSentenceStart(text, m[0]):m[0]]
		if passed := strings.ReplaceAll(sentence, "不合格", ""); containsAny(passed, []string{"合格", "符合规定", "符合标准", "符合国家药品标准"}) {
			continue
		}
		return text[:m[1]] + "，药品所含成分与标示不符" + text[m[1]:]
	}
	return text
}

// drugContextWords tell the labelled thing a drug: a bare 药 is in 药监,
// 农药 and the 药 of a food's advertising.
var drugContextWords = []string{"药品", "药店", "药房", "诊所", "医院", "卫生室", "药检", "药品检验", "检验所"}

// contaminantWords name what a test looks for besides the ingredient
// (未检出阿莫西林有关物质超标, 未检出致病菌): not finding it is a pass.
var contaminantWords = []string{"有关物质", "超标", "杂质", "致病菌", "微生物", "细菌", "霉菌", "重金属", "残留", "非法添加", "违禁", "异物"}
