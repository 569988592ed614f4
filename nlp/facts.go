package nlp

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Money roles. They are the phrases officers write before an amount, so a
// reviewer can read them as they are; Facts maps them to rules.Facts fields.
const (
	RoleGoodsValue     = "货值金额"
	RoleIllegalGains   = "违法所得"
	RoleSalesAmount    = "销售金额"
	RoleIllegalRevenue = "违法经营额"
	RoleFine           = "罚款"
	RoleWages          = "工资"
	RoleTax            = "税款"
	RoleDirectLoss     = "直接经济损失"
	RoleAdCost         = "广告费用"
	// RoleMineralValue is the value of the minerals mined illegally (非法采矿).
	RoleMineralValue = "矿产品价值"
	// Bases some fines are computed from (环境影响评价法 第三十一条, 城乡规划法
	// 第六十四条, 固体废物污染环境防治法 第一百一十二条).
	RoleTotalInvestment = "建设项目总投资额"
	RoleProjectCost     = "工程造价"
	RoleDisposalCost    = "所需处置费用"
	// RoleFares is what unlicensed transport took (运费, 车费, 营运收入): its
	// total stands for the 违法所得 when the text names no 违法所得 itself
	// (收取运费8000元), and yields to it when it does (收取运费1.8万元，扣除
	// 油费后违法所得1.2万元).
	RoleFares = "营运收入"
	// Bases of the social-insurance fines: the contributions due or in
	// arrears (社会保险法 第八十四、八十六条) and the wages left out of the
	// declaration (劳动保障监察条例 第二十七条第一款).
	RoleSocialInsuranceFee = "社会保险费"
	RoleWagesUnderreported = "瞒报工资数额"
	// RoleFeeDue is a fee the party should have paid, which the fine
	// multiplies: the 交强险 premium at the statutory minimum limit (道路交通
	// 安全法 第九十八条: 应缴纳的保险费的二倍).
	RoleFeeDue = "应缴纳的费用"
	// RoleContractPrice is a construction contract's price (工程合同价款), the
	// base of 建设工程质量管理条例's fines and 噪声污染防治法 第七十三条.
	RoleContractPrice = "工程合同价款"
	// RolePurchaseAmount is what a licensed tobacco retailer bought outside
	// the local wholesaler, the base of 烟草专卖法实施条例 第五十六条.
	RolePurchaseAmount = "进货总额"
	// RoleReclamationFee is 耕地开垦费 or 土地复垦费, the base of 土地管理法实施条例
	// 第五十一、五十二、五十五、五十六条 (毁坏耕地, 临时用地上建永久性建筑物, 未复垦).
	RoleReclamationFee = "耕地开垦费或者土地复垦费"
	// RoleAnnualIncome is a person's 上一年年收入, the base of the fines on a
	// 主要负责人 or another 负责人 for an accident (安全生产法 第九十五条、
	// 第九十六条、第一百一十条).
	RoleAnnualIncome = "上一年年收入"
	// RoleInvoiceAmount is 虚开金额, the base of 发票管理办法 第三十五条.
	RoleInvoiceAmount = "虚开金额"
)

// Circumstance names: the yes/no facts Extract reads from cue phrases.
// They are spelled as the rules.Facts JSON names; rules maps each to its
// field in one table, which a rules test checks against Facts.
const (
	CircFirstViolation  = "first_violation"
	CircCorrectedInTime = "corrected_in_time"
	CircSelfRemovedHarm = "self_removed_harm"
	CircCooperated      = "cooperated"
	CircConfessed       = "confessed"
	CircCoerced         = "coerced"
	CircNoHarm          = "no_harm"
	CircHarmSlight      = "harm_slight"
	CircSerious         = "serious"
	CircMeritorious     = "meritorious"
	CircMinor           = "minor_violation"
	CircHarmful         = "harmful_consequence"
	CircLifeHealth      = "life_health"
	CircFinancial       = "financial_safety"
	CircContinuing      = "continuing"
	CircNoFault         = "no_fault"
	// CircPersonHarmed: a person was harmed (送医, 受伤, 中毒); rules reads it
	// as harmful_consequence and life_health.
	CircPersonHarmed = "person_harmed"
	// CircDeclined is the agency's own decision not to penalise
	// (依据…决定不予行政处罚), read from published decisions.
	CircDeclined = "declined"
	// CircPriorPenalties carries a Count: earlier penalties within two years.
	CircPriorPenalties = "prior_penalties_2y"
)

// Date roles.
const (
	DateAct       = "act"
	DateActEnd    = "act_end"
	DateDiscovery = "discovery"
	DateDecision  = "decision"
	// DateBirth is the party's birth date (2012年5月出生, 身份证号).
	DateBirth = "birth"
)

// Amount is a money amount found in the text. Start and End are byte offsets
// [Start, End) in the original input, covering the number and its unit
// (8,000元, 五万元), never the role phrase.
type Amount struct {
	// Role is one of the Role constants, or "" when no role phrase precedes
	// the amount in its clause.
	Role string
	// Value is in yuan.
	Value float64
	// Total is true when the text marks the amount as a sum (共计, 合计, 累计,
	// 总计).
	Total bool
	// Unsold is true for a 货值金额 the text gives for the goods still held
	// (库存, 待售, 剩余, 尚未销售): the goods sold are then counted apart,
	// as 销售金额.
	Unsold bool
	// Bound is true for an amount the text states as a limit of a figure,
	// not as the figure (货值金额不足一万元, 违法所得超过1万元, 五万元以上
	// 十万元以下, 按二十万元计算): a statute's bracket quoted or restated, or
	// the range of the fine. It counts in no total.
	Bound bool
	// Under is true for a Bound amount the text states as an upper limit of
	// the figure as a fact (货值金额不足一万元，……; 在一万元以下), not as a
	// statute's condition (不足一万元的).
	Under bool
	// Rate is true for an amount per unit (每人收取车费30元, 每瓶售价28元):
	// it counts in no total of a role that has an amount not per unit.
	Rate bool
	// Part is true for an amount the text gives as a part of the one before
	// (总投资1280万元，其中环保投资45万元): it counts in no total of a role
	// that already has one.
	Part bool
	// Price is true for an amount whose role was read from the sale or
	// conveyance it prices (以12万元转让给, 收取转让款26万元), not from a role
	// word before it: a 违法所得 the text names beside it (扣除补偿后违法所得
	// 18.2万元) is the figure, the price its gross.
	Price bool
	// Confiscated is true for an amount the agency's measure confiscates
	// (决定：没收广告费用人民币36,000元): the base stated earlier, told again
	// as the money taken, adds nothing to a total of its role that already
	// holds that figure.
	Confiscated bool
	Start, End  int
}

// Quantity is a counted or measured quantity with its unit as written in the
// normalised text (吨, 千克, 公斤, 亩, 人, 名, 次, 辆, 毫克/100毫升, 倍, 日, 天,
// 个月).
type Quantity struct {
	Value float64
	Unit  string
	// Role is the word just before the number that says what is counted
	// when it matters for the facts: 死亡, 重伤, 轻伤, 受伤, 中毒, 超标, 血液酒精含量.
	Role string
	// Part is true for a count the text gives as a part of a larger one
	// (共有员工120人，其中23名……): the ones the facts are about.
	Part bool
	// Excess is true for a count told as the number over a limit (超出的
	// 33人, 超过比例的12名): what a fine per head over a ratio counts.
	Excess     bool
	Start, End int
}

// Date is a calendar date; Value is YYYY-MM-DD.
type Date struct {
	Value string
	// Role is one of the Date constants, or "".
	Role       string
	Start, End int
	// Earlier marks a decision date of an earlier penalty or another case
	// (前次处罚决定于…作出, 此前已于…对其另案作出处罚决定): not the
	// decision of this case.
	Earlier bool
}

// Circumstance is a yes/no fact found from a cue phrase. Name is one of the
// Circ constants (first_violation, corrected_in_time, ...). Negated is
// true for "未配合调查", "拒不改正", "并非首次": the cue is present but denied.
type Circumstance struct {
	Name    string
	Negated bool
	// Count is set for prior_penalties_2y (number of earlier penalties).
	Count      int
	Start, End int
}

// Total is the sum for one money role: the explicit 共计 figure when the text
// gives one, else the sum of the items.
type Total struct {
	Role     string
	Value    float64
	Explicit bool
}

// Extraction is everything Extract found. All spans are byte offsets into
// the original text.
type Extraction struct {
	Amounts    []Amount
	Totals     []Total
	Quantities []Quantity
	Dates      []Date
	// PartyKind is 个人, 个体工商户, 单位 or "". PartyStart/PartyEnd span the cue.
	PartyKind            string
	PartyStart, PartyEnd int
	// Age is nil when no age was found; AgeStart/AgeEnd span the age phrase.
	Age              *float64
	AgeStart, AgeEnd int
	// MentalState is "" or, for 行政处罚法 第三十一条, unable (不能辨认或者不能
	// 控制自己行为), lucid (间歇性精神病人在精神正常时) or partial (尚未完全
	// 丧失辨认或者控制能力); MentalStart/MentalEnd span the phrase.
	MentalState            string
	MentalStart, MentalEnd int
	Circumstances          []Circumstance
	// OtherAges are the ages, on the act's day, of the other people whose
	// birth dates the facts give (a victim, a child worker): 治安管理处罚法
	// aggravates a blow to the old and the young by age, and 禁止使用童工规定
	// names a worker under sixteen, and officers write both as a birth date
	// (被侵害人吴某某（1954年11月出生）). They are never the party's age.
	OtherAges []float64
	// OtherBirths are those people's birth dates (role DateBirth): when the
	// facts date nothing else, OtherAges is empty and case analysis ages
	// them on the decision day (YoungestOtherOn).
	OtherBirths []Date
	// StatedOtherAges are the ages the facts state of a victim or a child
	// (把她家13岁的小孩打了两巴掌) rather than date by birth: the same
	// person may have both, so they are not counted as heads.
	StatedOtherAges []float64
	// GoodsFrom says how the 货值金额 in Totals was made when the text did
	// not state one: the officer is told, since the 标价 of all the goods
	// dealt in decides (产品质量法 第七十二条).
	GoodsFrom GoodsBasis
}

// GoodsBasis is how a 货值金额 the text does not state was made.
type GoodsBasis uint8

// The ways a 货值金额 is made.
const (
	// GoodsStated: stated by the text, or no 货值金额 at all.
	GoodsStated GoodsBasis = iota
	// GoodsFromSales: the 销售金额, taken because the text told the sales
	// and nothing of goods held (allSold) — the stock and the 标价 may differ.
	GoodsFromSales
	// GoodsWithStock: the sales plus a stock counted at the price the text
	// gives (heldTimesPrice).
	GoodsWithStock
)

// maxLookback bounds how far back (in bytes of normalised text) a role phrase
// or negation is searched, so hostile input with one huge clause and many
// amounts stays linear.
const maxLookback = 240

const cn = `零〇○一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬億`

var (
	arabicNum  = `[0-9](?:[0-9]|,[0-9]{3})*(?:\.[0-9]+)?`
	chineseNum = `[` + cn + `]+(?:点[零〇一二两三四五六七八九]+)?`
	// 五万余元, 三千多元: a lower bound, read as the figure.
	// mixedNum is digits with Chinese units between them (1万2千, 3万5千,
	// 1千2百), which officers write for amounts as often as 1.2万.
	mixedNum = `[0-9]+(?:[亿万千百][0-9]+)+[亿万千百]?`
	moneyRe  = Guard(`(?:`+mixedNum+`|`+arabicNum+`(?:[余多]?(?:千万|百万|[千万亿]))?|`+chineseNum+`(?:[余多]?[万亿])?)[余多]?元`, "元")
	// kuaiRe is an amount in spoken yuan (七万五千块钱, 欠了8000块工资, 三千多块):
	// 块 is also a measure word (三块玻璃, 地块), so kuaiAmount keeps a match
	// only when 钱 or a kind of money follows, or a figure of a thousand or
	// more stands alone before a break.
	kuaiRe = Guard(`(?:`+mixedNum+`|`+arabicNum+`(?:[余多]?[千万])?|`+chineseNum+`)[余多]?块`, "块")
	// yenRe is an amount written with the currency sign (¥21700.00,
	// ￥5,000); its span starts at the number.
	yenRe = Guard(`[¥￥]\s*(`+arabicNum+`)(万元|万|元)?`, "¥", "￥")
	// 三十余人, 二十多辆: a lower bound, read as the figure (as 五万余元).
	// Every match ends in a unit; /100 stands for both ways of writing a
	// blood alcohol content; per millilitre (1.12mg/mL, 0.86毫克/毫升) is a
	// laboratory's way of writing one, read only beside 乙醇 or 酒精.
	quantityRe = Guard(`(`+arabicNum+`|`+chineseNum+`)[余多]?个?`+
		`(吨|千克|公斤|平方米|亩|公顷|人|名|次|辆|毫克/100毫升|毫克/百毫升|(?i:mg/100ml)|(?i:mg/ml)|毫克/毫升|倍|日|天|个月)`,
		"吨", "千克", "公斤", "平方米", "亩", "公顷", "人", "名", "次", "辆", "/100", "/百", "/ml", "/mL", "/ML", "毫克/毫升", "倍", "日", "天", "个月")
	dateRes = []GuardedRegexp{
		Guard(`([0-9]{4}|[〇零○一二三四五六七八九]{4})年([0-9]{1,2}|[一二三四五六七八九十]{1,3})月([0-9]{1,2}|[一二三四五六七八九十]{1,3})[日号]`, "年"),
		Guard(`([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})`, "-"),
		Guard(`([0-9]{4})\.([0-9]{1,2})\.([0-9]{1,2})`, "."),
		// 2025/12/18 21时许: a form-filler's or a system's date
		Guard(`([0-9]{4})/([0-9]{1,2})/([0-9]{1,2})`, "/"),
	}
	// monthRe is a date given to the month (自2023年3月起, 2012年5月出生):
	// the first of the month, or its last day when it ends a period.
	monthRe = Guard(`([0-9]{4}|[〇零○一二三四五六七八九]{4})年([0-9]{1,2}|[一二三四五六七八九十]{1,3})月(份)?`, "年")
	// yearlessRe is a date without its year (5月3日, 同年8月), resolved from
	// the other dates of the text.
	yearlessRe = Guard(`(同年|当年)?([0-9]{1,2}|[一二三四五六七八九十]{1,3})月(?:([0-9]{1,2}|[一二三四五六七八九十]{1,3})[日号])?`, "月")
	// idCardRe is a resident identity card number; its 7th to 14th digits
	// are the birth date. It is read only in a text that names 身份证.
	idCardRe    = GuardText(`[1-9][0-9]{5}((?:19|20)[0-9]{2})(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx]`, "身份证")
	timeOfDayRe = regexp.MustCompile(`^\s*(?:上午|下午|中午|晚上|凌晨|早上|晚)?\s*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})?(?:[时点:：](?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})?分?)?许?`)
	ageBoundRe  = Guard(`(已满|年满|未满|不满)([0-9]{1,3}|[`+cn+`]{1,4})周岁`, "周岁")
	ageRe       = Guard(`年龄[:：为是]?\s*([0-9]{1,3}|[`+cn+`]{1,4})(?:周?岁)?|([0-9]{1,3}|[`+cn+`]{1,4})周?岁`, "年龄", "岁")
	// personRe names a person party (张某，男 / 身份证); firstPerson finds
	// its first match without trying it at every position.
	personRe   = Guard(`[\p{Han}]某[某甲乙丙]?[,，、(（]?\s*(?:男|女)|身份证`, "某", "身份证")
	unitRe     = Guard(`有限责任公司|股份有限公司|有限公司|公司|合作社|当事人单位|[\p{Han}]厂(?:[^房区长内]|$)|企业|事业单位`, "公司", "合作社", "当事人单位", "厂", "企业", "事业单位")
	priorNthRe = Guard(`(?:[二两2]年内(?:第([0-9]|[一二两三四五六七八九十]{1,2})次|再次)|(?:[一1今本]|[0-9]{4})年内第([0-9]|[一二两三四五六七八九十]{1,2})次(?:被|因))`, "年内")
	// Earlier penalties counted: 先后两次因超标排放被处罚, 两次因盗窃被行政拘留,
	// 受过二次行政处罚, 被我局处罚过两次.
	priorCountRes = [...]GuardedRegexp{
		Guard(`([两二三四五六2-6])次因[^，。；;]{1,24}?(?:受到|受过|被)[^，。；;]{0,12}?(?:行政处罚|处罚|罚款|拘留|处以)`, "次因"),
		Guard(`(?:受过|受到|给予|被[^，。；;0-9]{0,8}?)([两二三四五六2-6])次(?:以上)?的?(?:行政处罚|处罚|罚款|行政拘留|拘留)`, "次"),
		Guard(`被[^，。；;0-9]{0,8}?(?:处罚|罚款|拘留)过?([两二三四五六2-6])次`, "次"),
	}
	// The count told right before the penalty's 被 (曾因发布虚假广告两次被我局
	// 行政处罚, 先后三次受到行政处罚): as many penalties before this one; a
	// 第 before the count (第二次被处罚) numbers this one instead.
	priorCountBeforeRe = Guard(`([两二三四五六2-6])次(?:被|受到|受过)[^，。；;]{0,12}?(?:行政处罚|处罚|罚款|行政拘留|拘留|处以)`, "次")
	// One earlier penalty told with its cause (于2024年5月因超标排放含镉废水被
	// 我局处罚十万元): two or more such in a text are as many penalties.
	priorOneRe = Guard(`因[^，。；;]{1,30}?被[^，。；;0-9]{0,10}?(?:行政处罚|处罚|罚款|处以|行政拘留)`, "被")
)

// pastCountMarkers, before a count of penalties in its clause, tell the
// penalties as past ones.
var pastCountMarkers = []string{"曾", "此前", "先后", "已", "因", "之前", "以前", "年内", "期间"}

// pastBeforeCount reports whether the clause of s before byte offset i holds
// a past marker.
func pastBeforeCount(s string, i int) bool {
	from := max(0, i-90) // 30 runes back at most
	for from < i && !utf8.RuneStart(s[from]) {
		from++
	}
	head := s[from:i]
	if k := strings.LastIndexAny(head, "，,。；;！？"); k >= 0 {
		head = head[k+1:]
	}
	for _, w := range pastCountMarkers {
		if strings.Contains(head, w) {
			return true
		}
	}
	return false
}

// roleCues maps the phrases that name a money role; longer cues come first
// so that 违法所得 is not read as something shorter.
var roleCues = roleCueList[:]

// roleCueList is roleCues as an array, whose length sizes the last
// occurrences moneyRole keeps on its stack.
var roleCueList = [...]struct{ cue, role string }{
	{"多收价款", RoleIllegalGains}, {"多收的价款", RoleIllegalGains},
	// The overcharge's total by its other names (多收款项共计三百六十元, 多收的费用合计, 多收金额):
	// what the overcharge brought in.
	{"多收款项", RoleIllegalGains}, {"多收的款项", RoleIllegalGains}, {"多收费用", RoleIllegalGains}, {"多收的费用", RoleIllegalGains},
	{"多收金额", RoleIllegalGains}, {"多收的金额", RoleIllegalGains}, {"多收取的费用", RoleIllegalGains}, {"多收取的款项", RoleIllegalGains},
	{"货值金额", RoleGoodsValue}, {"货值", RoleGoodsValue}, {"案值", RoleGoodsValue}, {"涉案货物价值", RoleGoodsValue},
	{"违法所得", RoleIllegalGains}, {"非法获利", RoleIllegalGains}, {"获利", RoleIllegalGains},
	// An endorser's fee is what the endorsement brought in (广告法 第六十一条:
	// 没收违法所得, 并处违法所得一倍以上二倍以下): 代言收入8万元, 收取代言费.
	{"代言收入", RoleIllegalGains}, {"代言报酬", RoleIllegalGains}, {"代言费收入", RoleIllegalGains}, {"收取代言费", RoleIllegalGains}, {"获得代言费", RoleIllegalGains},
	// 多得销售款8000元: what a price rise or an overcharge brought in.
	{"多得", RoleIllegalGains},
	// 从中 points back to the act: what the party took from it (将会员信息提供给
	// 他人，从中收取信息费6400元; 从中获利) is what the act brought in.
	{"从中收取", RoleIllegalGains}, {"从中获取", RoleIllegalGains}, {"从中获得", RoleIllegalGains}, {"从中赚取", RoleIllegalGains}, {"从中牟利", RoleIllegalGains}, {"从中收受", RoleIllegalGains},
	// The fares of unlicensed transport are its 违法所得 (收取运费1500元，违法
	// 所得1500元); 清运费 is what waste removal costs, no role.
	{"清运费", ""}, {"运输费用", RoleFares}, {"运输费", RoleFares}, {"运费", RoleFares}, {"车费", RoleFares}, {"票款", RoleFares}, {"营运收入", RoleFares},
	// A warehouse's or a keeper's fee for goods held for others is what that
	// help brought in (产品质量法 第六十一条: 没收全部运输、保管、仓储……的收入，
	// 并处违法收入……) only where the party took it (收取仓储费): as with rent, a
	// fee named bare is as often one the party pays for its own stock (每月仓储费
	// 2000元, 保管费由其承担) and keeps no role.
	{"收取的仓储费", RoleFares}, {"收取的保管费", RoleFares}, {"收取仓储费", RoleFares}, {"收取保管费", RoleFares}, {"仓储费收入", RoleFares}, {"保管费收入", RoleFares}, {"仓储收入", RoleFares}, {"保管收入", RoleFares},
	// Passengers pay 车资, 乘车费 or 拼车费; a driver's own account says 载客收入
	// or 收取费用 (此前已载客收取费用约九百元).
	{"车资", RoleFares}, {"乘车费", RoleFares}, {"拼车费", RoleFares}, {"载客收入", RoleFares}, {"拉客收入", RoleFares}, {"收取费用", RoleFares},
	// Rent received from an unlawful lease (擅自出租集体土地，累计收取租金24万元)
	// and a repair shop's charge are what the act brought in, as fares are;
	// a rent the party pays (每月租金) is named without 收取 and keeps no role.
	{"收取租金", RoleFares}, {"收取的租金", RoleFares}, {"租金共计", RoleFares}, {"租金合计", RoleFares}, {"租金累计", RoleFares}, {"租金总计", RoleFares}, {"租金收入", RoleFares}, {"获得租金", RoleFares}, {"收到租金", RoleFares}, {"取得租金", RoleFares}, {"收租金", RoleFares},
	{"收取维修费", RoleFares}, {"维修收费", RoleFares}, {"收取修理费", RoleFares},
	// A venue's fee taken for the space a lawless activity used (商场将中庭出租给推销
	// 团队，收取场地费1.2万元) is what letting it go on brought in, as rent is;
	// a fee the party pays is named without 收取 and keeps no role.
	{"收取场地费", RoleFares}, {"收取的场地费", RoleFares}, {"场地费收入", RoleFares}, {"收取场地租金", RoleFares}, {"收取场地使用费", RoleFares},
	{"收取摊位费", RoleFares}, {"收取的摊位费", RoleFares}, {"摊位费收入", RoleFares},
	// An unlicensed bus station takes 站务费 (or 进站费, 停靠费) from the coaches it
	// serves: what the station brought in, its 违法所得 (道路运输条例 第六十五条).
	{"站务费", RoleFares}, {"进站费", RoleFares}, {"停靠费", RoleFares}, {"进站停靠费", RoleFares},
	{"销售金额", RoleSalesAmount}, {"销售额", RoleSalesAmount},
	// What buyers paid for the goods sold (批发给三家餐馆，货款分别为…); the
	// money the party paid for its own stock is no sale.
	// Money handed back to buyers (已向顾客退还货款460元) or claimed from the
	// party (维修索赔款约45万元) is neither a sale nor the base beside it.
	{"退还货款", ""}, {"退回货款", ""}, {"返还货款", ""}, {"退还的货款", ""}, {"退赔货款", ""}, {"退还购货款", ""},
	{"索赔", ""}, {"索要赔偿", ""},
	{"支付货款", ""}, {"进货款", ""}, {"付货款", ""}, {"采购货款", ""}, {"预付货款", ""}, {"购货款", ""}, {"进货货款", ""}, {"货款", RoleSalesAmount},
	{"违法经营额", RoleIllegalRevenue}, {"非法经营额", RoleIllegalRevenue}, {"经营额", RoleIllegalRevenue},
	// Tobacco cases write the turnover as 违法经营总额 (烟草专卖法实施条例 第五十七条)
	// or 非法经营数额, and the seized cigarettes' value counts as 非法经营数额
	// (烟草专卖品刑事案件解释 第四条).
	{"违法经营总额", RoleIllegalRevenue}, {"非法经营总额", RoleIllegalRevenue}, {"经营总额", RoleIllegalRevenue},
	{"进货总额", RolePurchaseAmount}, {"进货金额", RolePurchaseAmount},
	// 第五十九条 fines the unlicensed wholesale by its 批发总额.
	{"批发总额", RoleIllegalRevenue},
	{"非法经营数额", RoleIllegalRevenue}, {"违法经营数额", RoleIllegalRevenue}, {"卷烟价值", RoleIllegalRevenue}, {"烟草制品价值", RoleIllegalRevenue},
	{"罚款", RoleFine},
	// 瞒报工资数额 ends where 工资 does: listed first, it wins the tie.
	{"瞒报工资", RoleWagesUnderreported}, {"少报工资", RoleWagesUnderreported}, {"漏报工资", RoleWagesUnderreported},
	// The workforce may stand between the concealing and the wages (少报职工工资总额).
	{"瞒报职工工资", RoleWagesUnderreported}, {"少报职工工资", RoleWagesUnderreported}, {"漏报职工工资", RoleWagesUnderreported}, {"少申报职工工资", RoleWagesUnderreported},
	{"劳动报酬", RoleWages}, {"工资", RoleWages}, {"经济补偿", RoleWages}, {"加班费", RoleWages},
	// Workers and their complaints name the pay otherwise (工钱, 薪水); the
	// shortfall to the minimum wage is what is owed (补足差额共计15840元).
	{"工钱", RoleWages}, {"薪水", RoleWages}, {"薪资", RoleWages}, {"工资差额", RoleWages}, {"补足差额", RoleWages},
	{"税款", RoleTax}, {"少缴", RoleTax}, {"不缴", RoleTax}, {"偷税", RoleTax}, {"逃税", RoleTax},
	// The total a taxpayer owed, told beside the tax evaded so that its
	// share shows (少缴税款二十万元，当年应纳税总额为一百五十万元): no tax
	// evaded, and no part of it (twenty-eighth round).
	{"应纳税总额", ""}, {"应纳税款总额", ""}, {"应缴税款总额", ""}, {"应缴税额总额", ""}, {"应纳税额总额", ""},
	// The same total told as the sum of every tax of a period (各税种应纳税款
	// 合计152万元, 同期应纳税额合计; twenty-ninth round). Not a bare 应缴税款合计:
	// a 第六十八条 case's tax declared and left unpaid is told so.
	{"各税种应纳税款合计", ""}, {"各税种应纳税额合计", ""}, {"各税种应纳税款", ""}, {"各税种应纳税额", ""},
	{"同期应纳税款合计", ""}, {"同期应纳税额合计", ""}, {"年度应纳税款合计", ""}, {"年度应纳税额合计", ""},
	{"应纳增值税", RoleTax}, {"应纳企业所得税", RoleTax}, {"应纳个人所得税", RoleTax}, {"应缴税款", RoleTax}, {"欠缴增值税", RoleTax},
	// The tax named by its kind (欠缴2024年度企业所得税12万元, 应扣未扣个人所得税
	// 4,500元); an invoice of that tax is no tax amount (虚开增值税专用发票……
	// 价税合计113万元: the longer phrase ends later and wins).
	{"所得税", RoleTax}, {"增值税", RoleTax}, {"消费税", RoleTax},
	// The export rebate obtained by fraud told without 税款 (多申报出口退税128,500元,
	// 骗取退税4.6万元): 税收征收管理法 第六十六条 fines 骗取税款一倍以上五倍以下 (left30).
	{"多申报出口退税", RoleTax}, {"多报出口退税", RoleTax}, {"骗取出口退税", RoleTax}, {"骗取退税", RoleTax}, {"多退税", RoleTax}, {"多退出口退税", RoleTax},
	// Amounts of another role beside the base in one clause (造价8.6万元，预计
	// 拆除费用1.2万元; 欠缴4.23万元并加收滞纳金2100元; 愿赔偿医药费1200元) are
	// not part of it: named, they end the base's cue instead of adding to it.
	{"滞纳金", ""}, {"拆除费用", ""}, {"拆除费", ""}, {"拆除成本", ""}, {"恢复费用", ""}, {"赔偿", ""}, {"赔付", ""}, {"医药费", ""}, {"医疗费", ""},
	{"环保投资", ""}, {"编制费用", ""}, {"编制费", ""}, {"押金", ""}, {"保证金", ""}, {"人工费", ""}, {"材料费", ""},
	// Amounts that are no base of this case and name their own kind: an
	// earlier case's 罚没款, the party's capital, the business's turnover
	// over a year, and what the party pays to run (挂靠费, 油费, 购车款). Named,
	// they end a base's cue (货值待核 … 罚没款合计1.2万元) instead of taking it.
	{"罚没款", ""}, {"罚没", ""}, {"被罚", ""}, {"罚了", ""}, {"注册资本", ""}, {"注册资金", ""}, {"资金数额", ""}, {"实缴资本", ""},
	{"年营业额", ""}, {"年度营业额", ""}, {"一年营业额", ""}, {"全年营业额", ""}, {"每年营业额", ""},
	{"年营业收入", ""}, {"年度营业收入", ""}, {"全年营业收入", ""}, {"年营收", ""}, {"年流水", ""}, {"年产值", ""},
	{"挂靠费", ""}, {"管理费", ""}, {"油费", ""}, {"过路费", ""}, {"路桥费", ""}, {"购车款", ""}, {"车款", ""},
	// A principal's income from elsewhere (另在其他企业投资分红约9万元) is no
	// part of the 上一年年收入 from the unit that 安全生产法 第九十五条 fines by.
	{"分红", ""}, {"股息", ""}, {"投资收益", ""},
	{"亏损", ""}, {"增值税专用发票", ""}, {"增值税普通发票", ""}, {"增值税发票", ""}, {"增值税电子普通发票", ""},
	{"直接经济损失", RoleDirectLoss}, {"经济损失", RoleDirectLoss},
	// A fire's loss as 火灾 reports write it (直接财产损失约六十万元).
	{"直接财产损失", RoleDirectLoss}, {"财产损失", RoleDirectLoss}, {"直接损失", RoleDirectLoss}, {"火灾损失", RoleDirectLoss},
	{"矿产品价值", RoleMineralValue}, {"矿产资源破坏价值", RoleMineralValue}, {"矿产品价格", RoleMineralValue},
	// The 2024 矿产资源法 第六十四条 fines by the minerals' 市场价值, and
	// decisions write it so (违法采出的矿产品市场价值为38万元).
	{"矿产品市场价值", RoleMineralValue}, {"矿产品的市场价值", RoleMineralValue}, {"矿产品市场价格", RoleMineralValue},
	{"广告费用", RoleAdCost}, {"广告费", RoleAdCost}, {"广告发布费", RoleAdCost},
	{"总投资额", RoleTotalInvestment}, {"总投资", RoleTotalInvestment}, {"投资总额", RoleTotalInvestment}, {"项目投资额", RoleTotalInvestment},
	{"工程造价", RoleProjectCost}, {"造价", RoleProjectCost},
	{"处置费用", RoleDisposalCost}, {"处置费", RoleDisposalCost}, {"清理处置费用", RoleDisposalCost},
	// 清理处置上述危险废物所需费用为15万元: the cost named after the act,
	// however the need is worded (共需费用, 需要费用, 需花费) or named as a
	// cleanup's cost (清理费用, 治理费用, 处置成本).
	{"所需费用", RoleDisposalCost}, {"需费用", RoleDisposalCost}, {"需要费用", RoleDisposalCost}, {"需花费", RoleDisposalCost}, {"需要花费", RoleDisposalCost},
	{"清理费用", RoleDisposalCost}, {"治理费用", RoleDisposalCost}, {"处置成本", RoleDisposalCost}, {"清理处置成本", RoleDisposalCost},
	{"社会保险费", RoleSocialInsuranceFee}, {"社保费", RoleSocialInsuranceFee}, {"社会保险费用", RoleSocialInsuranceFee},
	{"瞒报工资总额", RoleWagesUnderreported}, {"少报工资总额", RoleWagesUnderreported}, {"少申报工资", RoleWagesUnderreported},
	// The total named before the concealing (将…工资总额少报人民币叁拾万元).
	{"工资总额少报", RoleWagesUnderreported}, {"工资总额瞒报", RoleWagesUnderreported}, {"工资总额漏报", RoleWagesUnderreported},
	// The 交强险 premium is named with what makes it the base (应缴纳的保险费为
	// 950元); a bare 保险费 is also 养老保险费, a social-insurance amount.
	{"应缴纳的保险费", RoleFeeDue}, {"应缴纳保险费", RoleFeeDue}, {"应缴保险费", RoleFeeDue}, {"应缴的保险费", RoleFeeDue},
	{"交强险保险费", RoleFeeDue}, {"强制保险费", RoleFeeDue}, {"交强险保费", RoleFeeDue}, {"应缴保费", RoleFeeDue}, {"应缴纳保费", RoleFeeDue},
	{"耕地开垦费", RoleReclamationFee}, {"土地复垦费", RoleReclamationFee}, {"开垦费", RoleReclamationFee}, {"复垦费", RoleReclamationFee},
	// The tax shown on false invoices is not their amount (价税合计113万元，税额
	// 13万元); the fee charged for issuing them is what the issuer gained.
	{"税额", ""}, {"劳务费", ""}, {"劳务报酬", ""}, {"开票费", RoleIllegalGains}, {"票点", RoleIllegalGains},
	// Costs and expenses a return overstated (虚列会议费、咨询费成本共计41.7万元)
	// are the false basis, not the tax: a 所得税 named before them in the
	// clause does not make them a tax amount.
	{"虚列成本", ""}, {"多列成本", ""}, {"成本共计", ""}, {"成本合计", ""}, {"成本费用", ""}, {"会议费", ""}, {"咨询费", ""}, {"差旅费", ""}, {"业务招待费", ""}, {"办公费", ""},
	// A false invoice told by its excess (虚增金额3000元, 多开金额六千元): the
	// excess is what was issued without a real transaction.
	{"虚增金额", RoleInvoiceAmount}, {"虚增开票金额", RoleInvoiceAmount}, {"虚增发票金额", RoleInvoiceAmount}, {"多开金额", RoleInvoiceAmount}, {"多开的金额", RoleInvoiceAmount}, {"多开发票金额", RoleInvoiceAmount},
	// 非法代开发票 is punished as 虚开 (发票管理办法 第三十五条第二款): its amount
	// is the base the same way.
	{"代开发票金额", RoleInvoiceAmount}, {"代开金额", RoleInvoiceAmount}, {"代开的金额", RoleInvoiceAmount}, {"代开发票的金额", RoleInvoiceAmount},
	{"虚开金额", RoleInvoiceAmount}, {"虚开发票金额", RoleInvoiceAmount}, {"虚开的金额", RoleInvoiceAmount}, {"价税合计", RoleInvoiceAmount}, {"票面金额", RoleInvoiceAmount},
	{"工程合同价款", RoleContractPrice}, {"施工合同价款", RoleContractPrice}, {"合同价款", RoleContractPrice}, {"合同造价", RoleContractPrice},
	// a register line's shorter word (承建……合同价1280万元)
	{"合同价", RoleContractPrice},
	{"上一年年收入", RoleAnnualIncome}, {"上一年度年收入", RoleAnnualIncome}, {"上年度年收入", RoleAnnualIncome}, {"上年年收入", RoleAnnualIncome},
	{"上一年度收入", RoleAnnualIncome}, {"上年度收入", RoleAnnualIncome}, {"年收入", RoleAnnualIncome}, {"年薪", RoleAnnualIncome},
}

// roleCuePhrases finds the last occurrence of every role cue in one pass
// over a clause (a strings.LastIndex per cue cost more than the pass), and
// roleCueIDs are the cues' numbers in it.
var roleCuePhrases, roleCueIDs = func() (phraseIndex, []int32) {
	cues := make([]string, len(roleCues))
	for i, c := range roleCues {
		cues[i] = c.cue
	}
	o := newPhraseIndex(cues)
	ids := make([]int32, len(roleCues))
	for i, c := range cues {
		ids[i] = o.ids[c]
	}
	return o, ids
}()

// totalCues mark an amount as the sum of those before it. 一共 and 总共 are
// the spoken forms (我一个人就被欠了四万二千元，三人一共十一万三千元): the
// part told first is in the total, not added to it.
var totalCues = []string{"共计", "合计", "累计", "总计", "一共", "总共"}

// circumstanceCues are the phrases for yes/no circumstances, grouped by
// the phrasing families officers use (行政处罚法 第三十二、三十三条). A cue a
// negation denies (see Negated) is recorded as Negated. Cues that are
// themselves negative phrasings (此前无违法记录, 未造成危害后果) are listed
// whole and never re-negated; a family whose match denies the circumstance
// (拒不改正, 至今未拆除) has negates set.
var circumstanceCues = []struct {
	name    string
	cues    []string
	fixed   bool // the cue already contains its own negation
	negates bool // a match means the flag is false (拒不改正)
}{
	{name: CircFirstViolation, cues: []string{"首次", "初次", "第一次被查处", "第一次违法", "第一次被处罚", "系第一次",
		// everyday words for the first time caught (头一回被查, 一年内第一次被查)
		"头一回", "头一次被查", "第一次被查",
		// a decision's and a 询问笔录's shorter words (该公司系初犯, 属首违)
		"初犯", "首违",
		// the party's own word that it is the first time (负责人称第一次办这种事, 说是头一次)
		"称第一次", "称是第一次", "称这是第一次", "说是第一次", "称头一次", "说是头一次", "称系初次",
		// the party's own word that it was never inspected or fined before, with 以前 / 之前
		// (以前也没被查过, 之前没有被罚过); the bare 从未被查处 stays out (see below)
		"以前也没被查过", "以前没被查过", "以前从没被查过", "以前也没有被查过", "以前没有被查过", "之前也没被查过", "之前没被查过", "之前没有被查过",
		"以前也没被罚过", "以前没被罚过", "以前没有被罚过", "之前没被罚过", "之前没有被罚过", "以前没有被处罚过", "之前没有被处罚过", "以前没受过处罚", "以前没有受过处罚",
		// the matter between, or found out rather than inspected (之前没因为这个被查过,
		// 以前从没被查出过问题): twenty-ninth round, left30
		"之前没因…被查", "以前没因…被查", "之前没有因…被查", "以前没有因…被查", "从没被查出过", "从来没被查出过"}},
	{name: CircFirstViolation, cues: []string{"无违法记录", "无违法违规记录", "无同类违法记录", "没有违法记录", "无不良记录", "无违法前科",
		"未受过同类处罚", "未受过行政处罚", "未受过同类行政处罚", "未曾受过", "未因同类违法行为受过", "未因同类违法行为受到", "未发现其他违法记录",
		"没有环境违法记录", "无环境违法记录", "没有同类违法记录", "无其他违法记录", "没有其他违法记录", "没有违法违规记录",
		// no earlier penalty or inspection with the matter between (此前未因食品标签问题受过行政处罚, 从未因此被查过);
		// not 从未被查处 alone, which officers also write of the other side (该店从未被查处过)
		"未因…受过行政处罚", "从未因…被查", "从没因…被查", "从来没因…被查", "未曾因…受过行政处罚",
		// the same record in other words: no penalty of any name before, a
		// search that found none (此前未因价格违法行为受过处罚, 从未受过任何处罚,
		// 经查询无行政处罚记录, 未查询到其违法处罚记录)
		"未因…受过处罚", "未因…受到…处罚", "未因…被…处罚", "没有因…受过…处罚", "未曾受过…处罚", "从未受过…处罚", "从未被…处罚", "此前未受过…处罚", "没有受过…处罚",
		"无行政处罚记录", "无处罚记录", "没有行政处罚记录", "没有处罚记录", "未查询到…处罚记录", "未查到…处罚记录", "未发现…处罚记录",
		// a search that found no record of any kind, the field named between (此前无任何税务违法记录),
		// and a matter never dealt with before (此前未因此被处理过). Not 此前无…违法记录 with any
		// word between: a theft's 此前无盗窃违法记录 speaks to 多次盗窃, and its row keeps 一般.
		"无任何…违法记录", "没有任何…违法记录",
		// the record of the agency's own field, named in one word (此前无消防违法记录,
		// 无安全生产违法记录); a 治安 conduct's (无盗窃违法记录) stays out, as above
		"无消防违法记录", "没有消防违法记录", "无安全生产违法记录", "没有安全生产违法记录", "无食品安全违法记录", "没有食品安全违法记录",
		"无税务违法记录", "没有税务违法记录", "无价格违法记录", "没有价格违法记录", "无广告违法记录", "没有广告违法记录",
		"无交通违法记录", "没有交通违法记录", "无劳动保障违法记录", "没有劳动保障违法记录",
		// a 城管 officer's field (经系统查询无占道违法记录, 无市容违法记录)
		"无占道违法记录", "没有占道违法记录", "无占道经营违法记录", "无占道经营记录", "没有占道经营记录",
		"无市容违法记录", "没有市容违法记录", "无城市管理违法记录", "没有城市管理违法记录", "无城管违法记录", "没有城管违法记录",
		// the same search in the words 从未有过 (此前从未有过逾期申报等税收违法记录)
		"从未有过…违法记录", "从来没有过…违法记录", "从未有过…违规记录", "从未有过…处罚记录",
		"此前未因此被处理", "此前未因…被处理过", "此前没有因…被处理过", "从未因…被处理过",
		// the same in the verbs 被处罚 and 受过处理 after 没有因 / 未因 (此前没有因扬尘问题
		// 被处罚过, 未因同类问题受过处理), and no record of breaking the field's rules
		// (此前没有过违反市容管理的记录)
		"没有因…被…处罚", "未因…受过处理", "没有因…受过处理", "没有过违反…记录", "无违反…记录"}, fixed: true},
	{name: CircFirstViolation, cues: []string{"屡次", "多次被查处", "再次被查处", "屡教不改"}, fixed: true, negates: true},
	{name: CircCorrectedInTime, cues: []string{"已改正", "已整改", "及时改正", "及时整改", "立即改正", "当场改正", "已经改正", "已经整改", "整改完毕", "改正完毕", "主动改正", "积极整改",
		"整改到位", "已完成整改", "当场撤除", "已撤除", "自行撤除", "已拆除", "自行拆除", "已下架", "当场下架", "全部下架", "已停止", "当日即停止", "当天即停止", "当日就停止", "当天就停止",
		"扑灭并清理", "已清理", "已清除", "已补办", "补办了", "已恢复原状", "已召回", "已补缴", "已补发", "已足额支付",
		"完成备案", "完成了备案", "已备案", "复查合格", "整改合格", "购买安装", "补装", "当场…安装", "日内完成", "日内补齐", "日内补全", "天内补齐", "天内补全", "当日…完成", "当天…完成", "次日…完成", "当场…完成",
		"当场清理", "立即清理", "当场更换", "当场…更换", "当即…更换", "现场…更换", "立即…更换", "当场…补配", "当场…补设", "当场…补挂", "当场…补贴", "当场…移除", "当场…清除", "当场…挪走", "当场…搬离", "当场…打开", "当场…恢复", "已更换", "立即更换", "及时更换", "自行更换", "即更换", "即行更换", "当日…更换", "当天…更换", "更换为合格", "更换成合格", "换上…合格",
		"自行整改", "自行改正", "当日…整改", "当天…整改", "当日…改正", "当天…改正", "自行删除", "已删除", "主动删除", "立即删除", "当场删除", "已撤下", "当场撤下", "自行撤下",
		"当场纠正", "已纠正", "立即纠正", "已经纠正", "当场拆除", "立即拆除", "当场熄灭", "立即停止", "当即停止",
		// an activity given up once told (经告知后当即收起鱼竿离开, 经劝阻后收起渔具离开)
		"当即收起", "当场收起", "立即收起", "随即收起", "当即收竿", "当场收竿", "立即收竿", "随即收竿",
		// the act stopped there and then (当场停止向管网排水)
		"当场停止", "当场即停止", "经告知…离开", "经劝阻…离开", "劝阻后…离开", "告知后…离开",
		// the same day's removal of what was painted, hung or put up (当日即组织人员覆盖清除)
		"当日…清除", "当天…清除", "立即清除", "自行清除", "覆盖清除",
		// a pile left open covered within the hour or the day (半小时内即用防尘网完全覆盖,
		// 当天就用苫布全部覆盖)
		"内即用…覆盖", "即用…完全覆盖", "即用…全部覆盖", "当天就用…覆盖", "当日即用…覆盖",
		// scraped off or wiped clean on the spot (当场带工具把小广告全部铲除干净)
		"清扫干净", "打扫干净", "清扫完毕", "当场…铲除", "当即…铲除", "当场…铲掉", "当即…铲掉", "铲除干净", "清除干净", "清理干净", "擦拭干净", "当场…擦除", "当场…擦掉", "当日…清理", "当天…清理", "当日…拆除", "当天…拆除", "当日…撤除", "当天…撤除",
		// a missing price or fee notice put up the same day (当天即在入口立起收费公示牌, 当日就补标了价签)
		"当天即…公示", "当日即…公示", "当天就…公示", "当日就…公示", "立即…公示", "当即…公示", "当天…立起…公示", "当日…立起…公示",
		"当天即…标价", "当日即…标价", "当天就…标价", "当日就…标价", "当天…补标", "当日…补标", "当场…补标", "当天…补上…价签", "当日…补上…价签",
		"当场张贴公示", "当场公示", "当场补正", "已补正", "立即补正", "当场补办", "当场补录", "当场补齐", "已补齐", "当场补全", "已补全", "立即补全",
		// goods off the counter, a stall packed up, the fix done on the spot or by the deadline
		// (当天即将该批商品撤柜, 当场自行收摊, 现场补齐价签, 限期内已办结, 次日即完成检测, 买来安全带发放到位)
		"限期内已", "期限内已", "限期内改正", "期限内改正", "限期内完成整改", "期限内完成整改", "限期内整改完毕", "撤柜", "自行收摊", "当场收摊", "现场补齐", "现场补全", "现场整改", "现场改正", "已办结", "办理完毕",
		"完成检测", "完成了检测", "当场补发", "现场补发", "发放到位", "配发到位", "配齐", "买来…发", "购买…发放", "采购…发放",
		// price tags written in afterwards, a page edited, goods carried back
		// in off the pavement (按要求补标了全部商品价格, 当天即修改了页面,
		// 当场将西瓜搬回店内)
		"补标", "即修改", "立即修改", "当场修改", "自行修改", "当天…修改了", "当日…修改了", "当日…停止", "当天…停止", "即停止", "当场…搬回", "当即…搬回", "立即…搬回", "随即…搬回", "当场…收回", "当即…收回", "立即…收回", "当场…撤回", "当场…收进", "当场…搬进",
		// the missing price put up on the spot (当场为全部商品补标了价格, 当场制作价目表张贴于收银台)
		"当场补标", "当场…补标", "现场补标", "当场…制作…张贴", "当场…张贴于", "当场…张贴在",
		// what was missing made good at once (当日即补全台账, 随即补设了标志, 补建了管理台账, 重新张贴了识别标志)
		// workers who missed the training given it afterwards (9月5日即对3人完成补训);
		// the bare verb is also the order's (责令其立即对该3人进行补训, rev27)
		"完成补训", "完成了补训", "已补训", "已经补训", "补训完毕", "补训了", "进行了补训", "组织了补训",
		// and its record handed in (提交了2名员工补训的培训记录)
		"提交…补训", "补训的…记录", "补训记录", "补训档案", "补训合格", "经补训",
		// the training done, found so at the recheck (复查，三名实习学生已完成三级安全教育并考核合格),
		// and lost papers gathered again and handed in (重新整理装订好交到所里)
		"已完成…安全教育", "已完成…安全培训", "已完成…岗前培训", "复查…已完成", "复查…已建立", "重新整理装订",
		"即补", "补全了", "补齐了", "补建了", "补设了", "补记了", "补录了", "补挂了", "补贴了", "重新张贴", "重新设置了", "已补建", "已补设", "已补记",
		// a workplace put right the same day: shifts rearranged, wages or deposits paid back
		// (检查当天即调整排班、补发加班工资, 当场退还押金)
		"即调整", "已调整", "当天…调整", "当日…调整", "调整了排班", "即补发", "当天…补发", "当日…补发", "当场退还", "已退还", "已全部退还", "当场归还", "已归还",
		// work left undone made good, a filing made late, things moved where
		// they belong (补做了放水试验, 已在线补报备案, 已按规定补设账簿,
		// 将超量部分转移至合规库房)
		"补做了", "已补做", "补报了", "已补报", "在线补报", "即补报", "补交了", "已补交", "补签了", "已补签",
		// made good the next day or the same day, in the bare verb (经提醒后于次日补报, 当天补办了手续)
		"次日…补报", "次日…补办", "次日…补齐", "次日…补交", "次日…补正", "次日…补录", "次日…补建", "次日…补设",
		"当日…补报", "当天…补报", "当日…补办", "当天…补办", "当日…补交", "当天…补交",
		"按规定补", "按照规定补", "按要求补", "按照要求补",
		// a ledger or record written up in full afterwards (将缺失台账补录完整, 补记完整),
		// a missing system drawn up and a stock-take done on the spot (当场制定出入库登记制度并盘库建账),
		// and the recheck finding it in place (复查已落实, 经复查均已落实)
		"补录完整", "补记完整", "补填完整", "补充完整", "当场制定", "当场建立", "当即建立", "当场…建账", "盘库建账",
		"复查已落实", "复查…已落实", "复查…均已落实", "复查…已全部落实",
		// information not disclosed made public once reminded (经提醒后于两日内全部补充公开)
		"补充公开", "已补充公开", "已补充提交", "已补充报送", "全部补充", "日内…补充", "提醒后…补充", "提醒后…补报", "提醒后…补正", "提醒后…补办",
		"转移至合规", "转移到合规", "转移至专用", "转移到专用", "重新检测合格", "重新检验合格", "复检合格",
		// 当即 as 当场 (当即找人将防盗网全部拆卸)
		"当即…拆卸", "当即…拆除", "当即…撤除", "当即…清除", "当即…改正", "当即…整改", "当即…恢复", "全部拆卸", "已拆卸",
		// a trench filled in and the surface made good the same day (当天下午即停工并按原样回填、恢复了路面)
		"当天…回填", "当日…回填", "次日…回填", "恢复了路面", "恢复路面", "路面…恢复原状", "当天…恢复原状", "当日…恢复原状",
		// a machine that should not be on the road loaded up and carried off at once (当场叫来平板拖车装运离开)
		"当场…装运", "当即…装运", "立即…装运", "随即…装运",
		// the work done the same day in the plain verb (当天下午该车就进厂做完二级维护), and
		// litter picked back up at once (当即把倒的垃圾捡回装袋投进垃圾桶)
		"当天…做完", "当日…做完", "次日…做完", "当天…办完", "当日…办完", "当天…弄好", "当日…弄好",
		"当即…捡回", "当场…捡回", "立即…捡回", "当即…捡起", "当场…捡起", "当即…清走", "当场…清走", "当即…装袋", "当场…装袋",
		// a pile left open covered in full, a missing plan drawn up and filed
		// at once, a page's words taken down the same day (把煤堆全部苫盖好,
		// 次日即编制处理方案报备案, 当日即删除相关字样)
		"全部苫盖", "苫盖好", "即编制", "即…报…备案", "次日…报…备案", "即删除", "当日…删除", "当天…删除"}},
	{name: CircCorrectedInTime, cues: []string{"拒不改正", "拒不整改", "逾期不改正", "逾期未改正", "尚未改正", "未改正", "未整改", "仍未整改", "至今未拆除", "未拆除", "仍未拆除",
		"拒不拆除", "拒不停止", "仍在继续", "仍未停止", "拒绝改正", "拒绝整改", "拒绝更换", "复查时仍", "复查发现仍", "仍未按要求",
		// the deadline's correction denied (未在限期内改正, 没能在期限内完成整改); not the bare
		// 未在规定期限内, which is how a late filing, the act itself, is told
		"未在限期内改正", "未能在限期内改正", "没有在限期内改正", "没能在限期内改正", "未在期限内改正", "未能在期限内改正", "没有在期限内改正",
		"未在限期内完成整改", "未能在限期内完成整改", "未在期限内完成整改", "未在规定期限内改正", "未在规定期限内完成整改"}, fixed: true, negates: true},
	{name: CircSelfRemovedHarm, cues: append([]string{"主动消除或者减轻", "主动消除或减轻", "主动消除", "主动减轻", "主动赔偿", "已赔偿",
		"自行清运处置", "已清运处置", "已清运", "自行清运", "已妥善处置", "主动召回",
		// the wronged person called on, apologised to and paid (主动登门赔礼道歉并赔偿精神抚慰金)
		"主动…赔礼道歉", "主动…道歉并赔偿", "赔礼道歉并赔偿", "赔礼道歉并给予赔偿", "已赔礼道歉",
		// recalls the seller made of its own accord (主动联系买家退款并召回); refunds are RefundCues
		"主动…退货", "主动…召回", "主动…收回", "已全部收回",
		// what was sold or handed out fetched back before any order (当日下午已将卖出的叉车
		// 从买方拉回, 剩下的传单我已经全部收回)
		"已经全部收回", "将卖出的…拉回", "将售出的…拉回", "将卖出的…收回", "将售出的…收回", "将卖出的…追回", "将售出的…追回",
		// the pollution taken back or cleaned up of its own accord (自行雇人将
		// 沟渠内的污水抽回厂内, 主动组织清理河道油污)
		"自行雇人", "主动雇人", "抽回",
		// what was dumped taken away of its own accord (当天下午自行雇车将垃圾全部清运至中转站)
		// the polluted ground dug out of its own accord (当天就把被污染的泥土挖了装进吨袋)
		"被污染的…挖", "受污染的…挖", "清挖…受污染", "清挖…被污染", "清挖…污染土", "挖除…污染土", "污染土壤…清挖", "污染土壤…挖除",
		"自行雇车", "自行…清运", "主动…清理", "主动…清除", "主动…修复", "自行…修复", "主动…打捞", "自行…打捞",
		// the same acts in more verbs (自行组织人员清扫并冲洗路面, 自行雇请
		// 专业单位布设围油栏, 主动追回全部污泥), and the leak stopped at
		// once (立即关闭阀门、封堵雨水排口)
		"主动…清扫", "主动…冲洗", "主动…回收", "主动…追回", "主动…恢复", "自行…追回",
		// 自行 alone is also how the act is told (系自行清理装修废料时焚烧): a
		// clean-up the party organised (自行组织人员清扫) is the response
		"自行组织…清扫", "自行组织…冲洗", "自行组织…清理", "自行组织…清除",
		// a spill swept up by the driver with the tools it carried, before anyone
		// came (执法队员到场时，丁某已停车，自带扫帚对撒落路段进行清扫; 自己先扫干净);
		// another's sweeping (环卫工人自带扫帚清扫) is othersCleanUp's
		"自带…清扫", "自带…清理", "自己先扫", "自己…扫干净",
		"自行雇请", "自行聘请", "主动雇请", "主动聘请", "立即…封堵", "及时…封堵", "立即…堵漏", "及时…堵漏",
		// the same at once in the officers' words (负责人当场关闭阀门、封堵暗管) and a
		// clean-up put out to a firm (委托专业公司对河段淤泥进行清理); another's doing
		// (执法人员当场…封堵) is othersCleanUp's
		"当场…封堵", "当即…封堵", "委托专业公司…清理", "委托专业公司…清除",
		// the clean-up hired out of its own accord in the plain verbs (下午又请第三方把地面
		// 渗滤液清理干净, 找专业公司清除了泄漏物)
		"请第三方…清理", "请第三方…清除", "找第三方…清理", "找第三方…清除", "委托第三方…清理", "委托第三方…清除",
		"请专业公司…清理", "请专业公司…清除", "找专业公司…清理", "找专业公司…清除", "请专业单位…清理", "委托专业单位…清理",
		// the fire the party set fought by the party before the brigade came
		// (发现起火后立即用楼道灭火器扑救, 自行扑灭)
		"自行扑灭", "自行扑救", "立即用…灭火器", "随即用…灭火器", "当即用…灭火器",
		// the same with the means told between (自行用水泵抽水将明火全部扑灭,
		// 自己拿水桶把火浇灭); another's (邻居自行…) is othersFirefighting's.
		// Bound to one clause: 自己打电话报警，消防员到场后将明火扑灭 is the
		// brigade's doing (rev28)
		"自行‥扑灭", "自己‥扑灭", "自行‥浇灭", "自己‥浇灭",
		// the harm said reduced or removed as a done thing (已减轻违法行为危害后果,
		// 消除了不良影响); an apology (赔礼道歉, 公开致歉) is no such thing
		"已减轻…危害后果", "减轻了…危害后果", "已消除…危害后果", "消除了…危害后果", "已消除…影响", "消除了…影响",
		// a pile covered in full by the party, told as the officers found it or in its words
		// (堆体已全部覆盖防尘网, 已经赶紧找人把堆体盖上了防尘网)
		"已全部覆盖", "全部覆盖防尘网", "盖上了防尘网", "盖好了防尘网", "覆盖了防尘网"}, RefundCues...)},
	{name: CircCooperated, cues: []string{"配合调查", "如实陈述", "积极配合", "配合执法", "如实交代"}},
	{name: CircConfessed, cues: []string{"主动供述", "主动交代", "主动坦白",
		// told of its own accord what the agency did not know (主动说明其另一家
		// 门店也在销售……该情况执法人员此前并未掌握)
		"主动…尚未掌握", "主动…并未掌握", "主动…未掌握", "主动…不掌握",
		// the party's own telling in a record (我实话说，我另有一家店，你们没去过) and the
		// officers' note that it was not known (此前未被掌握有该分店的违法情况)
		"你们没去过", "你们还没去过", "你们还不知道…还有一", "你们还不知道…我还有", "你们还不知道…另",
		// (not what others do: 老实说我不知道，附近还有好几家也在卖; 你们还不知道吧，大家都这么囤货, rev27)
		"实话说…另有", "老实说…另有", "实话说…我还有", "老实说…我还有", "实话说…还有一", "老实说…还有一", "实话告诉你们", "此前未被掌握", "此前未掌握…违法",
		// the officers' note after the party's telling, with the agency named
		// (该情况此前执法机关未掌握); an informant's tip is otherInformant's
		"此前执法机关未掌握", "此前执法人员未掌握", "此前本局未掌握", "此前我局未掌握", "执法机关此前未掌握", "执法人员此前未掌握",
		// the same note in the passive with the agency named (该事实此前未被我局掌握), and the
		// party's own telling that the officers had not found it (我主动说一下……你们没查到)
		"此前未被我局掌握", "此前未被本局掌握", "此前未被执法机关掌握", "此前未被执法人员掌握",
		"你们没查到", "你们还没查到", "你们没有查到", "你们都没查到",
		// the same said of the officers' checklist or questions, with words
		// between (你们表上没查这个，我觉得还是讲出来好; 你们今天没问这个，我也说一下):
		// read only after 你们 in the clause and before its end (confessedAside)
		"没查这个", "没有查这个", "没问这个", "没有问这个"}},
	{name: CircCoerced, cues: []string{"受他人胁迫", "受胁迫", "被胁迫", "受他人诱骗", "被他人诱骗", "受诱骗", "被诱骗", "受人胁迫", "被迫", "被强令", "受到威胁", "受威胁",
		"被逼迫", "逼迫其", "强令其",
		// threatened into doing it for the one who threatened (以砸店相威逼，
		// 强行放在店内要求代卖; 以殴打其家人相威胁，逼迫杨某代为销售; 受其表兄胁迫)
		"威逼其", "胁迫其", "强迫其", "要挟其", "威逼当事人", "胁迫当事人", "逼迫当事人", "强迫当事人",
		"受…胁迫", "受…威逼", "受…要挟", "在…胁迫下", "相威逼…代", "相威胁…代为", "相威胁…代卖", "相威胁…代售", "相要挟…代",
		"逼迫…代为", "逼迫…代卖", "逼迫…代售", "威逼…代为", "威逼…代卖", "胁迫…代为", "胁迫…代卖",
		// the party deceived or threatened into it, told with 系受 / 在…下 /
		// 的情况下 (系受装修公司负责人……诱骗, 在其债主……相要挟的情况下)
		"系受…诱骗", "系受…欺骗", "系受…蒙骗", "是受…诱骗", "因受…诱骗", "系被…诱骗", "系被…欺骗", "系被…胁迫",
		"在…诱骗下", "在…要挟下", "在…威逼下", "在…逼迫下", "在…威胁下", "相要挟的情况下", "相威胁的情况下", "威逼的情况下", "胁迫的情况下",
		// 老板以扣光工资相威胁，逼她这样卖的
		"相威胁，逼", "相要挟，逼", "相威胁逼", "相威逼，逼",
		// made to carry or keep it for the one who forced the party (逼其代为携带,
		// 逼其替他保管): 其 is the party the record is about; the party forcing
		// its own staff is 逼迫员工, no such cue
		"逼其代为", "逼其代", "逼其替"}},
	{name: CircMeritorious, cues: []string{"立功表现", "有立功", "检举揭发", "协助查获", "协助执法人员查获",
		// another's violation reported and found true (主动检举了另一家企业……
		// 经本局查证属实)
		"检举…查证属实", "举报…查证属实", "揭发…查证属实", "检举…经查属实", "揭发…经查属实", "提供…线索…查证属实", "提供…线索…经查属实",
		// the lead the party gave, checked and opened as a case of its own (当事人提供的某服务部
		// 无证经营线索属实，已另案立案查处): a tip about the party itself is no 另案
		"线索属实…另案", "线索…核查属实…另案", "提供…线索…另案立案", "提供…线索…另案查处",
		// what the party handed over led the officers to another's violation
		// (主动提供了进货单据和供货人联系方式，执法人员据此查获了上游生产窝点)
		"提供…线索…据此查获",
		// ... but only another's: the party's own stock found by its key or its
		// purchase notes (据此查获其在仓库存放的…) is cooperation, no 立功 (rev26)
		"据此查获…窝点", "据此查获…上游", "据此查获…供货", "据此查获…他人", "据此查获…另一", "据此查获…另外",
		"据此查处…窝点", "据此查处…上游", "据此查处…供货", "据此查处…他人", "据此查处…另一", "据此查处…另外",
		"提供的…查获…窝点", "提供的…查获…上游", "提供的…查获…供货商", "提供的…查获…他人",
		// a lead the party itself brought to the agency, proved against the
		// other (当事人向我局反映了……的线索，执法人员据此查实该厂违法事实);
		// the 当事人向 keeps out a 举报人's lead against the party
		"当事人向…线索…据此查实", "当事人向…线索…查证属实", "当事人向…线索…经查属实",
		// the party's report of another, then the find made on it with a date or
		// the agency between (陈某检举了另一处棋牌室……公安机关据此于5月12日查获该窝点);
		// 了 or the other named keeps out a citizen's tip against the party
		// (经群众检举，民警据此查获当事人开设的赌场)
		"检举了…据此…查获", "揭发了…据此…查获", "检举了…据此…查处", "揭发了…据此…查处",
		"检举…另一…据此…查获", "检举…他人…据此…查获", "揭发…另一…据此…查获", "揭发…他人…据此…查获"}},
	{name: CircNoHarm, cues: []string{"未造成危害后果", "没有造成危害后果", "未造成任何危害后果", "无危害后果", "未造成危害", "未造成后果", "未造成任何后果",
		// the fire the lapse risked did not break out (现场未发生火情), the water
		// looked at shows nothing (水面无明显污染, 检查井内无明显油污; 无明显…油污
		// covers 无明显油污, one cue for one circumstance); a harm told beside
		// them outweighs them (observedNoHarmAgainst, fix30b)
		"未发生火情", "没有发生火情", "未引发火情", "无火情", "无明显…污染", "无明显…油污",
		"没有造成后果", "未造成不良后果", "未造成实际危害", "未造成损失", "未造成人员伤亡", "未引发", "未导致", "未发生事故", "未发生火灾", "未发生安全事故",
		// a leak or damage the act risked, looked for and not found (检查期间未发生燃气泄漏, 路面未见压痕损坏)
		"未发生…泄漏", "没有发生…泄漏", "未见…损坏", "未发现…损坏", "无损坏",
		// the accident the lapse risked, in the plain words (该车也没出过事故)
		"没出过事故", "没有出过事故", "未出过事故", "没出事故", "没有出事故",
		"未造成其他后果", "未造成其他危害后果", "未造成任何损害", "未造成其他影响", "未造成不良影响", "未产生不良影响", "未造成影响", "没有造成影响", "没有造成危害", "没有造成损失", "无人购买",
		// an accident of the trade named between, no one overcharged, traffic not hindered
		"未发生…事故",
		// the harm named as an example of what did not happen (未造成道路运输安全事故等危害后果, 未造成管网堵塞等危害后果)
		"未造成…等危害后果", "没有造成…等危害后果",
		// the accident or damage the act could have caused named as not caused (未造成交通事故或管线损坏)
		"未造成…事故", "没有造成…事故", "未造成…损坏", "没有造成…损坏", "未造成…等后果", "未发生…等危害后果", "未多收价款", "未多收费用", "未多收", "未影响通行", "未影响交通", "未影响行人通行", "未阻碍交通",
		// traffic not held up, the hold-up named (未造成车辆通行受阻, 没有造成道路拥堵)
		"未造成…受阻", "没有造成…受阻", "未造成…拥堵", "没有造成…拥堵", "未造成…堵塞", "没有造成…堵塞",
		// an overcharge looked for and not found (未发现多收价款)
		"未发现多收", "未发现…多收",
		// the harm named between (未造成管网堵塞危害后果)
		"未造成…危害后果",
		// the harm named by its kind (未造成环境污染后果, 没有造成污染, 未对周边水体造成污染):
		// 未造成严重…后果 is dropped by the guard below, it says the harm was not serious
		"未造成…后果", "没有造成…后果", "未造成环境污染", "未造成污染", "没有造成污染", "没有造成环境污染", "未产生污染",
		"未对…造成污染", "未对…造成危害", "未对…造成影响", "未对…造成损害", "未对…造成…影响", "未对…造成…危害", "未对…造成…污染", "没有对…造成污染", "没有对…造成危害", "没有对…造成影响",
		// no one hurt by it, in the words of the person it concerned (员工未受其他损害, 消费者未受到损失)
		"未受其他损害", "未受到其他损害", "未受…损害", "未受到…损害", "未受…损失", "未受到…损失", "未造成…损害",
		// the same with the other verbs officers use for a consequence
		// (没有产生不良后果, 未带来危害后果, 未出现不良后果) and the thing
		// untouched named first (对周边环境无影响, 对水体没有影响)
		"没有产生…后果", "未产生…后果", "未带来…后果", "没有带来…后果", "未出现…后果", "没有出现…后果", "未引起…后果", "没有引起…后果",
		"无不良后果", "无任何不良后果", "无任何后果", "无不良影响", "无任何影响", "无危害", "不良后果未发生",
		"对…无影响", "对…没有影响", "对…未产生影响", "对…没有产生影响", "对…无危害", "对…没有危害", "对…未产生危害", "对…无不良影响",
		// the harm of a tax or invoice violation is to the revenue (未造成税款流失)
		"未造成税款流失", "没有造成税款流失", "未造成国家税款流失", "未造成税收流失", "未造成国家税款损失", "未造成税款损失", "没有造成税款损失",
		"未造成税款少缴", "未发现少缴税款", "未发现…少缴税款", "未发现少缴", "未发现…少缴", "未影响税款征收", "未影响税款缴纳", "未影响税收征管", "未影响国家税款",
		// no tax yet due over the late period: no revenue could be lost (尚未产生应纳税款)
		"未产生应纳税款", "没有产生应纳税款", "无应纳税款", "未发生应纳税款", "没有发生应纳税款",
		// pollution looked for and not found (现场未见污染, 未发现明显污染):
		// 未见污染防治设施 is another matter, and the guard below drops it
		"未见污染", "未发现污染", "未见明显污染", "未发现明显污染",
		// what was stored or piled kept within its bounds (堆放点已全覆盖，未外溢扬尘)
		"未外溢", "没有外溢", "无外溢", "未见外溢",
		// a monitor down, the discharge checked by hand meanwhile and within
		// the limits (联网中断期间手工监测出水达标): nothing went out unseen
		// over the limit; 未达标 is dropped by the guard below
		"手工监测…达标", "人工监测…达标", "手工监测…未超标", "人工监测…未超标",
		// the online monitor's record over the period within the limits (在线监测数据显示该期间出水各项指标均达标)
		"在线监测…均达标", "在线数据…均达标", "在线监测…未超标", "自动监测…均达标"}, fixed: true},
	{name: CircHarmSlight, cues: []string{"危害后果轻微", "后果轻微", "危害轻微", "社会危害性较小", "无投诉", "未接到投诉", "未收到投诉", "未接到举报", "无消费者投诉",
		"影响范围小", "影响范围较小", "未接到…投诉", "未收到…投诉", "没有…投诉", "未有…投诉", "影响较小", "社会影响较小", "货值较小", "货值金额较小", "涉案金额较小"}},
	{name: CircHarmSlight, cues: []string{"未造成严重后果", "未造成严重危害"}, fixed: true},
	// the harm the act risked looked for and not found (现场秩序良好，未发现危害
	// 后果; 未发现过期、变质产品): the slight harm told as what was found in
	// order (left27); the thing not found bound to its clause, so a finding
	// of the next clause (…，抽检不合格) is not read as one.
	{name: CircHarmSlight, cues: []string{"未发现危害后果", "未发现‥危害后果", "未见危害后果", "未见‥危害后果", "未发现不良后果", "未发现‥不良后果", "未发现不良影响",
		"未发现‥过期", "未发现‥变质", "未发现‥不合格", "未发现‥质量问题", "未发现‥质量安全问题", "未见‥过期"}, fixed: true},
	// ... or the order kept, and what the rules guard kept safe (在售产品均在保质期内;
	// 危险废物均交有资质单位处置); a negation before drops them.
	{name: CircHarmSlight, cues: []string{"秩序良好", "均在保质期内", "均在有效期内", "抽检‥均合格", "抽查‥均合格", "均能查到‥备案", "均能查到‥注册",
		"均交有资质", "均交由有资质", "均委托有资质"}},
	{name: CircMinor, cues: []string{"违法行为轻微", "情节轻微", "违法情节轻微"}},
	{name: CircSerious, cues: []string{"情节严重", "情节特别严重", "情节较重"}},
	{name: CircHarmful, cues: []string{"造成…中毒", "导致…中毒", "造成…死亡", "导致…死亡", "造成…受伤", "导致…受伤", "致…受伤", "造成…伤亡", "造成…事故",
		"引发…事故", "引发火灾", "造成…损失", "造成…污染", "导致…污染", "造成…危害后果", "造成…不良反应", "导致…不良反应"}},
	{name: CircLifeHealth, cues: []string{"生命健康", "人身健康", "身体健康", "人体健康", "人身安全", "生命安全"}},
	// Harm to a person: a consequence to life and health at once.
	{name: CircPersonHarmed, cues: []string{"送医", "就医", "住院", "误吞", "误食", "受伤", "中毒", "死亡", "伤亡", "烧伤", "烫伤", "身体不适",
		// the symptoms and the treatment a decision records of those who ate,
		// used or breathed it (出现腹泻、呕吐症状，经医院救治后康复; 送至医院)
		"救治", "送往医院", "送至医院", "送到医院", "就诊", "腹泻", "呕吐", "腹痛", "昏迷", "过敏反应", "出现…症状",
		// an injury named by how it was done or what it left (砸伤一名工人，
		// 致其十级伤残; 摔伤, 骨折, 身亡); not 划伤 or 撞伤, which officers
		// also write of things (划伤车漆, 撞伤护栏)
		"砸伤", "摔伤", "伤残", "致残", "骨折", "身亡", "遇难"}},
	{name: CircFinancial, cues: []string{"金融安全", "非法集资", "非法吸收公众存款"}},
	{name: CircContinuing, cues: []string{"持续至", "仍在进行", "一直持续", "检查时仍在", "至检查时仍", "至今未拆除", "仍未拆除", "至今仍", "持续至今", "使用至今", "排放至今", "经营至今", "运行至今", "至今未", "持续排放", "持续经营", "仍在继续", "仍在使用", "仍在经营", "仍在排放", "持续状态", "继续状态", "一直未",
		// a discharge found going on at the inspection (检查时发现该暗管正在排放, 仍在偷排,
		// 废水正通过暗管排入河道, 查获时仍未停止, 管口正向湖内排放): laid before, it lasts until found
		"正在排放", "正在排入", "正在外排", "正在偷排", "仍在偷排", "仍在排入", "仍在外排", "正通过…排放", "正通过…排入", "正通过…外排", "仍通过…排放", "仍通过…排入", "仍通过…外排", "仍未停止", "尚未停止", "未停止排放",
		"正在排水", "正在排污", "正在向…排放", "正向…排放", "正往…排放", "正在往…排", "仍在排水",
		// an act that lasted until it was caught (至被查获时已持续约三个月, 直至案发) or
		// was found going on again at the follow-up (复查时仍在夜间施工, 拒不停工): it
		// ends no earlier than the finding, so the law of that day governs it
		"至被查获", "直至被查获", "至查获时", "至被查处", "直至案发", "至案发时仍", "复查时仍", "复查时发现仍",
		"仍在施工", "继续施工", "仍在建设", "仍未停工", "拒不停工", "拒不停止建设"}, fixed: true},
	{name: CircDeclined, cues: []string{"决定不予行政处罚", "决定不予处罚", "决定免予", "依法不予行政处罚", "依法不予处罚", "作出不予行政处罚决定", "不予行政处罚决定书",
		// a decision naming the party it declines to penalise, and a 治安 case
		// settled by mediation (治安管理处罚法 第九条: 达成协议，不予处罚)
		"对…不予处罚", "对…不予行政处罚", "达成协议并已履行", "达成调解协议并已履行", "达成调解协议并履行",
		// the same agreement in other words (达成调解协议并当场履行, 达成赔偿协议并已全部履行,
		// 调解协议已当场履行完毕), each naming the performance next to the
		// agreement: 达成协议后不履行的 is penalised (第九条), and a gap would
		// let 达成调解协议并约定三日内赔偿，但至今未履行 through
		"达成…协议并当场履行", "达成…协议并于当日履行", "达成…协议并于当天履行", "达成…协议并已全部履行", "达成…协议并全部履行", "达成…协议并已经履行",
		"调解协议已当场履行", "调解协议已全部履行", "调解协议已经履行", "调解协议已履行", "调解协议均已履行",
		// the agency's proposed decision a register or 笔录 closes with (拟不予处罚,
		// 拟作出不予行政处罚决定): the same decision before it is signed
		"拟不予处罚", "拟不予行政处罚", "拟作出不予行政处罚", "拟作出不予处罚", "拟对…不予处罚", "拟对…不予行政处罚",
		// the agency's finding that the case is on its list of acts not
		// penalised (经审核符合《…首次轻微违法行为不予处罚事项清单》第3项, 属于本局
		// 免罚清单所列情形): the list decides as the decision would
		"符合…不予处罚…清单", "符合…免罚清单", "符合…免予处罚…清单", "符合…首违不罚清单", "属于…免罚清单", "属于…不予处罚…清单", "列入…免罚清单", "列入…首违不罚清单"}},
}

// RefundCues say the money was given back (已退还, 全部退款, 主动联系买家退款,
// 退还消费者多付价款, 主动…返还): one list for the circumstance of harm removed
// (行政处罚法 第三十二条第（一）项) and the benchmarks' refunded flag
// (价格违法行为行政处罚规定: 及时退还消费者多付价款). An order to refund is no
// refund: the circumstance skips a cue without 主动 in a sentence with an
// order; a bare 已返还 is left out (赃款已返还 is often the police's doing).
var RefundCues = []string{"主动退还", "主动…退还", "主动…退款", "主动…返还", "全部退还", "已全部退还", "已退还", "全部退款", "已全部退款", "已退款",
	"退还多收", "返还多收", "退还消费者多付",
	// paid back by the way it was paid (保证金全部原路退回)
	"原路退回", "原路退还", "原路返还"}

// Extract finds money amounts, quantities, dates, the party's kind and age
// and the circumstances of a case in officer-written text. It never panics;
// spans are byte offsets into text and always fall on rune boundaries.
func Extract(text string) Extraction {
	n := Normalize(text)
	s := n.Text
	var x Extraction
	span := func(a, b int) (int, int) { return origSpan(text, n, a, b) }

	// Dates first: their digits would otherwise be read as 日 quantities and
	// amounts. Masking keeps byte positions unchanged.
	masked := []byte(s)
	var others []Date
	x.Dates, others = findDates(s, masked, span)

	// Age phrases, masked so that 十四周岁 is not a quantity.
	var statedOthers []float64
	x.Age, x.AgeStart, x.AgeEnd = findAge(s, masked, span, &statedOthers)

	// What a claim says (an advertisement's promise, a rumour's deaths, a
	// lie's sums) states no amount or count of the case: its content is
	// masked for the money and quantity patterns (QuotedClaimSpans: only a
	// quotation; an unquoted lie is cut short and its neighbours are the
	// act's: 谎称包裹丢失将价值8000元的手机据为己有). The dates,
	// the party and the circumstances are read from the whole text.
	for _, c := range QuotedClaimSpans(s) {
		mask(masked, c.Start, c.End)
	}
	ms := string(masked)
	price, fare, bought, claimed := unitPrice{at: -1}, unitPrice{at: -1}, unitPrice{at: -1}, unitPrice{at: -1}
	// salePrices are the per-unit prices a sale role names (每桶售价260元):
	// what goods still held are valued at beside the sales.
	var salePrices []unitPrice
	// perUnitSeen are the role-less per-unit amounts in text order: a price
	// labelled and a higher one charged for the same unit (labelOverCharge).
	var perUnitSeen []unitPrice
	// lotPrices are the per-unit selling prices in text order, role-less or
	// named as a sale's (售价每千克38元): lots each priced in its own clause
	// are summed by lotsTimesPrices.
	var lotPrices []unitPrice
	for _, m := range moneyRe.FindAllStringIndex(ms, -1) {
		if prev, _ := utf8.DecodeLastRuneInString(s[:m[0]]); prev == '第' || !startsNumber(s[m[0]:]) {
			continue
		}
		v, err := ParseAmount(s[m[0]:m[1]])
		if err != nil {
			continue
		}
		if c, n := cents(s[m[1]:]); n > 0 {
			v, m[1] = math.Round((v+c)*100)/100, m[1]+n
		}
		role, total := moneyRole(s, m[0])
		priced := false
		if role == "" {
			role = salePriceRole(s, m[0], m[1])
			priced = role != ""
		}
		a := moneyAmount(s, m[0], m[1], v, role, total, true)
		a.Price = priced
		if a.Rate && a.Role == "" {
			perUnitSeen = append(perUnitSeen, unitPrice{at: m[0], value: v, unit: slashUnit(ms, m[1])})
		}
		if a.Rate && (a.Role == "" || a.Price && a.Role == RoleSalesAmount) && !purchasePrice(s, m[0], m[1]) && !claimedPrice(s, m[0]) {
			lotPrices = append(lotPrices, unitPrice{at: m[0], value: v, over: overcharged(s, m[0])})
		}
		switch {
		case a.Rate && a.Role == "" && !price.over && overcharged(s, m[0]):
			// 由每箱28元提高至每箱46元…每箱多收十八元: the overcharge, not the
			// first price, is what the units sold multiply.
			price = unitPrice{at: m[0], value: v, over: true}
		case !a.Rate && a.Role == "" && !price.over && slashUnit(ms, m[1]) != "" && overcharged(s, m[0]):
			// 多收0.8元/斤: the unit written after the amount; only an
			// overcharge is read so, the price that the units sold multiply.
			a.Rate = true
			price = unitPrice{at: m[0], value: v, over: true, unit: slashUnit(ms, m[1])}
		case a.Rate && a.Role == "" && purchasePrice(s, m[0], m[1]):
			// 以每米1.2元的进货价购进……以每米2.5元的价格销售: the goods are
			// valued at the price they are sold at; the price paid for
			// them counts only when no other is given.
			if bought.at < 0 {
				bought = unitPrice{at: m[0], value: v}
			}
		case a.Rate && a.Role == "" && claimedPrice(s, m[0]):
			// 广告宣称每瓶价值1000元, 专柜零售价每瓶1000元: a price claimed
			// or listed elsewhere counts only when no other is given.
			if claimed.at < 0 {
				claimed = unitPrice{at: m[0], value: v}
			}
		case a.Rate && a.Role == "" && price.at < 0:
			price = unitPrice{at: m[0], value: v}
		case a.Rate && a.Role == RoleFares && fare.at < 0:
			fare = unitPrice{at: m[0], value: v}
		case a.Rate && a.Role == RoleSalesAmount:
			salePrices = append(salePrices, unitPrice{at: m[0], value: v})
		}
		a.Start, a.End = span(m[0], m[1])
		x.Amounts = append(x.Amounts, a)
	}
	for _, m := range yenRe.FindAllStringSubmatchIndex(ms, -1) {
		if m[4] >= 0 && strings.HasSuffix(s[m[4]:m[5]], "元") {
			continue // ¥2.1万元: the 元 pattern read it
		}
		v, err := ParseAmount(s[m[2]:m[3]])
		if err != nil {
			continue
		}
		if m[4] >= 0 {
			v = math.Round(v*1e4*100) / 100
		}
		role, total := moneyRole(s, m[0])
		priced := false
		if role == "" {
			role = salePriceRole(s, m[0], m[1])
			priced = role != ""
		}
		a := moneyAmount(s, m[0], m[1], v, role, total, true)
		a.Price = priced
		a.Start, a.End = span(m[2], m[1]) // the figure, without ¥
		x.Amounts = append(x.Amounts, a)
	}
	for _, m := range kuaiRe.FindAllStringIndex(ms, -1) {
		num, ok := kuaiAmount(s, m)
		if !ok {
			continue
		}
		v, err := ParseAmount(num)
		if err != nil || v <= 0 {
			continue
		}
		role, total := moneyRole(s, m[0])
		if role == "" {
			role = kuaiRole(s[m[1]:])
		}
		a := moneyAmount(s, m[0], m[1], v, role, total, false)
		if a.Rate && a.Role == "" && price.at < 0 {
			price = unitPrice{at: m[0], value: v} // 每个人二十五块
		}
		a.Start, a.End = span(m[0], m[1])
		x.Amounts = append(x.Amounts, a)
	}
	for _, m := range bareWan(ms) {
		role, total := moneyRole(s, m[0])
		if role == "" {
			continue // 2万吨, 1.5万平方米 are not money; 2万 alone is read only after a money role
		}
		v, err := ParseAmount(s[m[0]:m[1]])
		if err != nil {
			continue
		}
		a := moneyAmount(s, m[0], m[1], v, role, total, true)
		a.Start, a.End = span(m[0], m[1])
		x.Amounts = append(x.Amounts, a)
	}
	if !price.over {
		if p, ok := labelOverCharge(s, ms, perUnitSeen); ok {
			price = p
		}
	}
	if price.at < 0 {
		price = bought
	}
	if price.at < 0 {
		price = claimed
	}
	sort.SliceStable(x.Amounts, func(i, j int) bool { return x.Amounts[i].Start < x.Amounts[j].Start })
	x.Amounts = dropRestated(text, x.Amounts)
	reasoningRepeats(text, x.Amounts)
	x.Totals = faresAsGains(totals(x.Amounts, takingsOpen(s)))
	for _, t := range noneStated(s, x.Amounts) {
		// A base stated nil beside a figure of it (已收取运费3万元，其余运费尚未
		// 收取: the fares become 违法所得 above) is a part not yet paid, not none.
		if !hasPositive(x.Totals, t.Role) {
			x.Totals = append(x.Totals, t)
		}
	}
	x.Totals = adCostTooLow(s, x.Totals)
	x.Totals = lotsTimesPrices(ms, lotPrices, x.Totals)
	totalsBefore := len(x.Totals)
	x.Totals = heldTimesPrice(ms, salePrices, x.Totals)
	if len(x.Totals) > totalsBefore {
		x.GoodsFrom = GoodsWithStock
	}
	var fromSales bool
	if x.Totals, fromSales = allSold(s, x.Totals); fromSales {
		x.GoodsFrom = GoodsFromSales
	}
	x.Totals = wagesPerHead(s, x.Amounts, x.Totals)
	if price.over {
		// A price rise is priced, not the goods: the price before or after
		// it times the units is no 货值金额 the officer stated.
		x.Totals = overchargeTimesCount(ms, price, x.Totals)
	} else {
		x.Totals = countTimesPrice(ms, price, x.Totals)
	}
	switch {
	case fare.at >= 0 || price.at < 0:
	case perUnit(ms, price.at, seatUnits[:]) != "" && containsAny(s, passengerWords[:]...):
		// 每位乘客收费35元: a role-less price per seat on a passenger run is a fare.
		fare = price
	case perUnit(ms, price.at, tripUnits[:]) != "" && containsAny(s, haulWords[:]...):
		// 每趟收费300元 on a haul: a role-less price per trip is a fare.
		fare = price
	}
	x.Totals = faresTimesCount(ms, fare, x.Amounts, x.Totals)

	for _, m := range quantityRe.FindAllStringSubmatchIndex(ms, -1) {
		q, ok := quantity(s, m)
		if !ok {
			continue
		}
		if informant(s[m[1]:]) {
			continue // 一名家长投诉……: who reported it, not whom the facts count
		}
		q.Start, q.End = span(m[0], m[1])
		q.Part = partOf(s, m[0])
		q.Excess = excessCount(s, m[0])
		x.Quantities = append(x.Quantities, q)
	}
	x.Quantities = append(x.Quantities, perHundredML(ms, span)...)

	x.PartyKind, x.PartyStart, x.PartyEnd = partyKind(s, span)
	if x.PartyKind == "" && x.Age != nil {
		// Only natural persons have an age.
		x.PartyKind, x.PartyStart, x.PartyEnd = "个人", x.AgeStart, x.AgeEnd
	}
	x.Circumstances = circumstances(s, span)
	x.MentalState, x.MentalStart, x.MentalEnd = mentalState(s, span)
	if x.Age == nil {
		x.Age, x.AgeStart, x.AgeEnd = ageFromBirth(x.Dates)
	} else {
		partyBirthOverStatedAge(&x, &statedOthers)
	}
	x.OtherAges = otherAges(x.Dates, others)
	x.OtherBirths = others
	x.StatedOtherAges = statedOthers
	return x
}

// origSpan maps a span of n.Text to text. The end is taken just past the
// last kept rune rather than at the next kept rune, so zero-width characters
// after an amount are not pulled into its span.
func origSpan(text string, n Normalized, a, b int) (int, int) {
	st := n.Orig(a)
	if b <= a {
		return st, st
	}
	p := n.Orig(b - 1)
	if p >= len(text) {
		return st, len(text)
	}
	_, size := utf8.DecodeRuneInString(text[p:])
	return st, p + size
}

// startsNumber rejects runs that begin with a unit (万元 in 数万元, 千人 in
// 上千人): without a leading digit they are vague sizes, not figures.
func startsNumber(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if r >= '0' && r <= '9' || r == '十' || r == '拾' {
		return true
	}
	_, ok := digitValue[r]
	return ok
}

func mask(b []byte, a, e int) {
	for i := a; i < e && i < len(b); i++ {
		b[i] = ' '
	}
}

func parseDate(ys, ms, ds string) (string, bool) {
	y, err1 := ParseChineseInt(ys)
	m, err2 := ParseChineseInt(ms)
	d, err3 := ParseChineseInt(ds)
	if err1 != nil || err2 != nil || err3 != nil || y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31 {
		return "", false
	}
	t := time.Date(int(y), time.Month(m), int(d), 0, 0, 0, 0, time.UTC)
	if t.Day() != int(d) {
		return "", false // 2月30日
	}
	return t.Format("2006-01-02"), true
}

// tenDays reads the third of the month written after a month-only date
// (2026年8月下旬开工): its first day, its last day (0 for the month's end)
// and where the date then ends. Without one the month's first day.
func tenDays(s string, at int) (first, last, end int) {
	switch rest := s[at:]; {
	case strings.HasPrefix(rest, "上旬"):
		return 1, 10, at + len("上旬")
	case strings.HasPrefix(rest, "初") && !hasAnyPrefix(rest[len("初"):], "步", "次", "审", "查", "始"):
		return 1, 10, at + len("初") // 2025年4月初: its first third; 5月初步核实 is no third
	case strings.HasPrefix(rest, "中旬"):
		return 11, 20, at + len("中旬")
	case strings.HasPrefix(rest, "下旬"):
		return 21, 0, at + len("下旬")
	case (strings.HasPrefix(rest, "底") || strings.HasPrefix(rest, "末")) && !strings.HasPrefix(rest[len("底"):], "尾"):
		// 2026年8月底动工: the month's last days, read as its last third
		// (an act dated to its first day would predate a law of the 15th).
		return 21, 0, at + len("底")
	}
	return 1, 0, at
}

func sortDates(d []Date) {
	// Matches from the patterns come in pattern order; sort into document
	// order.
	sort.SliceStable(d, func(i, j int) bool { return d[i].Start < d[j].Start })
}

// pendingDate is a date found without its year, resolved once every dated
// mention is known.
type pendingDate struct {
	month, day int  // day 0: the month (同年8月)
	a, b       int  // span in the normalised text
	third      int  // the first day of the month's third written after it (同年5月中旬: 11), else 0
	thirdLast  int  // that third's last day as tenDays gives it (同年5月中旬: 20); 0 for the month's end or no third
	sameYear   bool // written 同年 or 当年: the year of the mention before it, whatever the order
	// relYear is the year told relative to the text's latest date (去年 -1,
	// 今年 0, 前年 -2) when relative is set.
	relYear  int
	relative bool
}

// relativeYear reads a year told relative to the day the text is written
// right before a yearless date (去年12月某晚, 今年5月起): the offset from
// that day's year.
func relativeYear(before string) (int, bool) {
	before = strings.TrimRight(before, " ")
	for _, w := range [...]struct {
		word string
		off  int
	}{{"去年", -1}, {"上年", -1}, {"今年", 0}, {"本年", 0}, {"前年", -2}} {
		if strings.HasSuffix(before, w.word) {
			return w.off, true
		}
	}
	return 0, false
}

// findDates reads full dates (2024年5月3日14时许, 2024-05-03), dates given to
// the month (自2023年3月起至同年8月), dates without a year (5月3日, resolved
// from the nearest dated mention before, else after, it) and the birth date
// in a resident identity card number. It masks what it read. Birth dates
// written of another person than the party come back apart (others).
func findDates(s string, masked []byte, span func(int, int) (int, int)) (out, others []Date) {
	// notAct marks (by start) dates whose sentence speaks of an earlier
	// penalty or a birth: never the act's.
	notAct := map[int]bool{}
	// runs marks (by start) dates that open a period (自2026年6月起), until
	// those written as its limit (直至2026年9月8日): continuedUntilFound.
	runs, until := map[int]bool{}, map[int]bool{}
	// limits marks (by start) dates written as a time limit (3月9日前改正);
	// at keeps each date's span in the normalised text.
	limits, at := map[int]bool{}, map[int][2]int{}
	add := func(v string, a, b int, role string) {
		st, en := span(a, b)
		if role == "" {
			role = dateRole(s, a, b)
		}
		if role == DateBirth && thirdPartyBirth(s, a) && !actorNamed(s, a, b) {
			// A child worker's or a victim's birth date (其女儿（2010年4月出生）)
			// is neither the party's age nor a date of the case: it only
			// gives that person's age.
			st, en := span(a, b)
			others = append(others, Date{Value: v, Role: DateBirth, Start: st, End: en})
			mask(masked, a, b)
			return
		}
		clause := s[clauseBefore(s, a, isClauseEnd):clauseAfter(s, b, isClauseEnd)]
		standing := standingRecord(s[clauseBefore(s, a, isPhraseEnd):clauseAfter(s, b, isPhraseEnd)])
		if standing && role == DateAct {
			role = "" // 营业执照于2019年3月1日核发: a licence's day, not the act's
		}
		notAct[st] = earlierPenaltyOrBirth(clause) || standing
		lead := strings.TrimRight(s[:a], " 于在")
		runs[st] = HasAnySuffix(lead, "自", "从")
		until[st] = HasAnySuffix(lead, "直至", "直到")
		limits[st] = timeLimit(s[b:])
		at[st] = [2]int{a, b}
		earlier := role == DateDecision && containsAny(clause, "前次", "上次", "另案", "此前", "曾", "以前", "先前")
		out = append(out, Date{Value: v, Role: role, Start: st, End: en, Earlier: earlier})
		mask(masked, a, b)
	}
	for _, m := range idCardRe.FindAllStringSubmatchIndex(s, -1) {
		if v, ok := parseDate(s[m[2]:m[3]], s[m[4]:m[5]], s[m[6]:m[7]]); ok {
			add(v, m[0], m[1], DateBirth)
		}
	}
	for i, re := range dateRes {
		for _, m := range re.FindAllStringSubmatchIndex(string(masked), -1) {
			if i > 0 && (m[0] > 0 && isDigit(s[m[0]-1]) || m[1] < len(s) && isDigit(s[m[1]])) {
				continue // 编号2025/12/1234: part of a longer number
			}
			if v, ok := parseDate(s[m[2]:m[3]], s[m[4]:m[5]], s[m[6]:m[7]]); ok {
				add(v, m[0], m[1], "")
			} else {
				mask(masked, m[0], m[1]) // 2月30日 is no date, nor its month
			}
		}
	}
	for _, m := range monthRe.FindAllStringSubmatchIndex(string(masked), -1) {
		first, last, b := tenDays(s, m[1])
		if v, ok := parseDate(s[m[2]:m[3]], s[m[4]:m[5]], strconv.Itoa(first)); ok {
			role := dateRole(s, m[0], b)
			if role == DateActEnd {
				if last == 0 {
					v = monthEnd(v)
				} else {
					v, _ = parseDate(s[m[2]:m[3]], s[m[4]:m[5]], strconv.Itoa(last))
				}
			}
			add(v, m[0], b, role)
		}
	}
	sortDates(out)
	recordDay(out, s, at)
	var pending []pendingDate
	for _, m := range yearlessRe.FindAllStringSubmatchIndex(string(masked), -1) {
		if prev, _ := utf8.DecodeLastRune(masked[:m[0]]); prev >= '0' && prev <= '9' || IsNumeralRune(prev) || prev == '第' {
			continue // part of a longer number, or an ordinal
		}
		month, err := ParseChineseInt(s[m[4]:m[5]])
		if err != nil || month < 1 || month > 12 {
			continue
		}
		day := int64(0)
		rel, relative := relativeYear(s[:m[0]])
		if m[6] >= 0 {
			if day, err = ParseChineseInt(s[m[6]:m[7]]); err != nil || day < 1 || day > 31 {
				continue
			}
		} else if prev, _ := utf8.DecodeLastRuneInString(s[:m[0]]); m[2] < 0 && prev != '至' && prev != '到' && prev != '自' && prev != '从' && !relative {
			continue // 8月 alone is too vague to date anything; 至10月 ends a period, 自6月起 opens one; 去年12月 is dated
		}
		end, third, thirdLast := m[1], 0, 0
		if day == 0 {
			if first, last, b := tenDays(s, m[1]); b > m[1] {
				end, third, thirdLast = b, first, last
			}
		}
		pending = append(pending, pendingDate{int(month), int(day), m[0], end, third, thirdLast, m[2] >= 0, rel, relative})
	}
	sortDates(out)
	for _, p := range pending {
		day, role := p.day, dateRole(s, p.a, p.b)
		year, ok := yearFor(out, s, p, role, limits, at, notAct)
		if !ok {
			continue
		}
		if day == 0 {
			day = max(p.third, 1)
		}
		v, ok := parseDate(strconv.Itoa(year), strconv.Itoa(p.month), strconv.Itoa(day))
		if !ok {
			continue
		}
		if p.day == 0 && role == DateActEnd {
			if p.thirdLast == 0 {
				v = monthEnd(v)
			} else {
				v, _ = parseDate(strconv.Itoa(year), strconv.Itoa(p.month), strconv.Itoa(p.thirdLast))
			}
		}
		add(v, p.a, p.b, role)
	}
	sortDates(out)
	// Holidays and seasons, then the days told from a dated mention (次日),
	// which may be a holiday's (元旦当晚……次日).
	for _, d := range holidayDates(s, string(masked), out, limits, at) {
		add(d.value, d.a, d.b, "")
	}
	sortDates(out)
	for _, d := range nextDays(s, string(masked), out, limits, at) {
		add(d.value, d.a, d.b, d.role)
	}
	sortDates(out)
	inferActDate(out, notAct)
	out = continuedUntilFound(out, runs, until)
	sortDates(out)
	return out, others
}

// recordDay reads the date that opens a register line (2026-07-02 非现场执法
// 数据复核 … 2024年5月18日 车货总质量62.5吨) as the day the case was recorded,
// a discovery, when a later date of the line is an earlier act: the line
// is written on the day the officer records it, and what it records
// happened before. Marked as the act's (a field that opens with the date
// and tells something), it would date the act years late and hide the
// limitation of 行政处罚法 第三十六条.
//
// Only a register line: its fields set apart by spaces, no sentence mark
// between the opening date and the earlier one, or a record's word
// (复核, 查获, 受理, 检查) in the opening date's own clause. A text that
// opens with its act (2026年3月1日，当事人在店内销售过期食品。经查，该批
// 食品于2025年12月20日购进) keeps it.
func recordDay(dates []Date, s string, at map[int][2]int) {
	if len(dates) < 2 || dates[0].Start != 0 || dates[0].Role != DateAct {
		return
	}
	b0 := at[dates[0].Start][1]
	record := containsAny(s[b0:clauseAfter(s, b0, isPhraseEnd)], "复核", "查获", "受理", "检查", "巡查", "抓获")
	for _, d := range dates[1:] {
		a := at[d.Start][0]
		if !record && (a < b0 || strings.ContainsAny(s[b0:a], "，,。；;：:！!？?")) {
			continue
		}
		if (d.Role == DateAct || d.Role == DateActEnd) && d.Value < dates[0].Value {
			dates[0].Role = DateDiscovery
			return
		}
	}
}

// continuedUntilFound gives an act told as running from a start (自2026年6月
// 起) with no end, up to a discovery written as its limit (直至2026年9月8日
// 执法人员检查时被查获), that discovery as its end: it went on until it was
// found, so the law in force that day governs it (行政处罚法 第三十七条 for a
// continuing act) and 第三十六条第二款 counts from it. The end is added as a
// date of its own at the discovery's place.
func continuedUntilFound(dates []Date, runs, until map[int]bool) []Date {
	start, disc := -1, -1
	for i, d := range dates {
		switch d.Role {
		case DateActEnd:
			return dates
		case DateAct:
			if start < 0 {
				start = i
			}
		case DateDiscovery:
			// the discovery written as the run's limit (直至…查获), not
			// an earlier one (a decision's 立案 paragraph before the facts)
			if disc < 0 && until[d.Start] {
				disc = i
			}
		}
	}
	if start < 0 || disc < 0 || dates[disc].Value <= dates[start].Value {
		return dates
	}
	// Only a start (自…起, 从…开始) runs on; a dated single act that came to
	// light later (2025年3月殴打……直至10月才被发现) ended on its day.
	if !runs[dates[start].Start] {
		return dates
	}
	d := dates[disc]
	d.Role = DateActEnd
	return append(dates, d)
}

// earlierPenaltyOrBirth reports whether a date's sentence speaks of an
// earlier penalty (曾因超载被罚款, 曾于2022年被查处) or a birth. 曾 alone
// dates an earlier event that may be the act itself (货车曾于2023年2月6日以
// 41吨通过检测点): it counts only with a word of being dealt with.
func earlierPenaltyOrBirth(w string) bool {
	if containsAny(w, "处罚", "罚款", "出生") || priorFoundRe.MatchString(w) {
		// priorFoundRe: 经查，甘某于…因殴打他人被…处以行政拘留七日 names no 处罚.
		return true
	}
	if Contains(w, "因") && Contains(w, "被处以") {
		// 赵某于2025年8月因寻衅滋事被处以行政拘留十日: a penalty told with
		// its cause, as 处罚 and 罚款 above.
		return true
	}
	return Contains(w, "曾") && containsAny(w, "因", "被", "受", "警告", "查处", "拘留")
}

// standingRecord reports whether a date's phrase dates a standing record
// of the party — a licence issued, a contract signed, a registration, a
// purchase (营业执照于2019年3月1日核发, 于2020年6月15日签订运输合同) — not
// an act: with no discovery it must not date the act years early.
func standingRecord(w string) bool {
	if containsAny(w, "未取得", "没有取得", "未领取", "无证", "未经", "擅自") {
		return false // 未取得许可证: the act itself
	}
	return containsAny(w, "核发", "颁发", "签订", "签署", "注册成立", "成立", "取得", "购进", "购入", "领取")
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// inferActDate takes, when no date is marked as the act's, the earliest
// unmarked date before the discovery as the act date (该公司在2019年5月办理
// 汇算清缴时虚列成本): what an inspection finds happened before it. A date
// of an earlier penalty (曾因…被罚款) is not the act's.
//
// A text that dates only the act's end (2023年11月已整体拆除) takes the
// earliest unmarked date before that end (该围墙于2023年5月修建) as its start.
func inferActDate(dates []Date, notAct map[int]bool) {
	disc, end := "", ""
	for _, d := range dates {
		switch d.Role {
		case DateAct:
			return
		case DateActEnd:
			if end == "" || d.Value < end {
				end = d.Value
			}
		case DateDiscovery:
			if disc == "" {
				disc = d.Value
			}
		}
	}
	if disc == "" {
		// Nothing dates a discovery (经查，2025年12月某日晚，某某在……; 居民投诉：
		// 8月10日晚，有人把……): the earliest unmarked date before the
		// decision, if the text dates one, is what the facts tell happened.
		for _, d := range dates {
			if d.Role == DateDecision {
				disc = d.Value
				break
			}
		}
		if disc == "" {
			disc = "9999-12-31"
		}
	}
	if end != "" && end < disc {
		disc = end
	}
	best := -1
	for i, d := range dates {
		if d.Role != "" || notAct[d.Start] || d.Value >= disc || (best >= 0 && d.Value >= dates[best].Value) {
			continue
		}
		best = i
	}
	if best < 0 {
		return
	}
	dates[best].Role = DateAct
}

// yearFor resolves the year of a yearless date: that of the nearest dated
// mention before it (同年 means exactly that), else that of the first one
// after it, a year earlier when the date would otherwise fall after it
// (11月3日 before a decision of 2024年2月). Birth dates never lend their year,
// nor does an earlier penalty or a licence told after the date (3月3日……
// 何某2025年9月曾因…被处罚): it is no later mention of the case, and the
// yearless date is left to the decision's year. A decision's own date
// (本局于2026年1月10日作出行政处罚决定) has its role and still lends it.
//
// A date told as the act (role act, act_end or none) after the day it
// came to light or was decided (2026年1月9日检查时发现，房东12月20日将房屋
// 出租……; 2026-01-03 查获 … 供述12月30日晚吸食) takes the year before when
// that puts it nearer the day (nearerYearBefore): months after a discovery
// it is an act before it; days after, a recheck (10月8日复查时仍未改正).
// 同年 keeps the year, and so does a time limit (3月9日前改正).
//
// Positions are compared in the normalised text (at): a date's Start is
// in the text as given, where full-width marks before it (（依法须经批准
// 的项目）) make it lie further on, so that the date before a yearless one
// could be taken for one further back.
//
// 去年 and 今年 count from the dated mention nearest before them that is
// no decision, time limit or act end (2025年12月28日询问 … 供述去年12月某晚:
// 2024), else from the latest discovery, else from the latest date: a
// decision dated after, or a deadline (责令于2027年3月1日前改正), is not
// the day the statement was made.
func yearFor(dated []Date, s string, p pendingDate, role string, limits map[int]bool, at map[int][2]int, notAct map[int]bool) (int, bool) {
	if p.relative {
		anchor, anchorRole, disc, latest := "", "", "", ""
		for _, d := range dated {
			if d.Role == DateBirth {
				continue
			}
			latest = max(latest, d.Value)
			if d.Role == DateDiscovery {
				disc = max(disc, d.Value)
			}
			if at[d.Start][0] < p.a && d.Role != DateDecision && d.Role != DateActEnd && !limits[d.Start] {
				anchor, anchorRole = d.Value, d.Role
			}
		}
		if anchor == "" {
			anchor = disc
		}
		if anchor == "" {
			anchor = latest
		}
		if anchor == "" {
			return 0, false
		}
		y, _ := strconv.Atoi(anchor[:4])
		// 今年1月我们发现 after the act told as 2025年11月: a finding cannot
		// come before what it found, so 今年 is the writer's year after the
		// mention's (a complainant's letter gives the act its year and its
		// own year as 今年). Only a discovery is moved, never an act.
		if p.relYear == 0 && role == DateDiscovery && anchorRole != DateDiscovery && p.month > 0 &&
			fmt.Sprintf("%04d-%02d", y, p.month) < anchor[:7] {
			y++
		}
		return y + p.relYear, true
	}
	var before, after *Date
	for i := range dated {
		d := &dated[i]
		if d.Role == DateBirth {
			continue
		}
		if at[d.Start][0] < p.a {
			before = d
		} else if after == nil && (!notAct[d.Start] || d.Role != "") {
			after = d
		}
	}
	switch {
	case before != nil:
		y, _ := strconv.Atoi(before.Value[:4])
		if !p.sameYear && (before.Role == DateDiscovery || before.Role == DateDecision) &&
			(role == DateAct || role == DateActEnd || role == "" && !timeLimit(s[p.b:])) &&
			!followUp(s[p.b:clauseAfter(s, p.b, isPhraseEnd)]) &&
			nearerYearBefore(y, p, before.Value) {
			y--
		}
		return y, true
	case after != nil:
		y, _ := strconv.Atoi(after.Value[:4])
		if fmt.Sprintf("%04d-%02d-%02d", y, p.month, max(p.day, 1)) > after.Value {
			y--
		}
		return y, true
	}
	return 0, false
}

// nearerYearBefore reports whether a yearless date read in year y falls
// after day and, read a year earlier, falls nearer to it: officers leave
// the year out when it is plain, so the date lies near the day it follows
// (12月20日 after 2026年1月9日 is 2025's; 10月8日复查 after 9月29日检查 is the
// same year's).
func nearerYearBefore(y int, p pendingDate, day string) bool {
	ref, err := time.Parse("2006-01-02", day)
	if err != nil {
		return false
	}
	this := time.Date(y, time.Month(p.month), max(p.day, 1), 0, 0, 0, 0, time.UTC)
	if !this.After(ref) {
		return false
	}
	prev := time.Date(y-1, time.Month(p.month), max(p.day, 1), 0, 0, 0, 0, time.UTC)
	// Only at the turn of the year: a date a few months before the day
	// (12月20日 before 2026年1月9日). Half a year after a discovery in
	// January (7月10日复查) is the same year's follow-up, not an act of
	// the year before.
	return ref.Sub(prev) < this.Sub(ref) && ref.Sub(prev) <= 124*24*time.Hour
}

// followUp reports whether a yearless date's phrase tells a follow-up of
// the discovery (复查, 整改, 回访, 仍在经营, 逾期未改): it comes after the
// discovery, in the same year.
func followUp(w string) bool {
	return containsAny(w, "复查", "复检", "整改", "回访", "仍", "逾期", "改正")
}

// timeLimit reports whether the words after a date make it a time limit
// (3月9日前改正, 5月1日以前, 6月底之前): a day after the one written before it.
func timeLimit(after string) bool {
	after = strings.TrimLeft(after, " ")
	return hasAnyPrefix(after, "前", "以前", "之前", "止", "内", "为止")
}

// monthEnd turns any day of a month into the month's last day: the act of
// 2026年2月下旬 is dated from the 21st and ends on the 28th, not a month
// after the 21st.
func monthEnd(v string) string {
	t, err := time.Parse("2006-01-02", v)
	if err != nil {
		return v
	}
	// Day 0 of the next month is the last day of this one.
	return time.Date(t.Year(), t.Month()+1, 0, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
}

// isClauseEnd reports sentence-level boundaries: a role or total never
// reaches across them.
func isClauseEnd(r rune) bool {
	switch r {
	case '。', '；', ';', '!', '！', '?', '？', '\n':
		return true
	}
	return false
}

// isPhraseEnd also stops at commas, for cues that must be local (dates).
func isPhraseEnd(r rune) bool {
	return isClauseEnd(r) || r == '，' || r == ',' || r == '、' || r == ':' || r == '：'
}

// clauseBefore returns the start of the window before pos: back to the last
// clause end, at most maxLookback bytes, on a rune boundary.
func clauseBefore(s string, pos int, end func(rune) bool) int {
	lo := pos - maxLookback
	if lo < 0 {
		lo = 0
	}
	for lo < pos && !utf8.RuneStart(s[lo]) {
		lo++
	}
	i := pos
	for i > lo {
		r, size := utf8.DecodeLastRuneInString(s[lo:i])
		if end(r) {
			return i
		}
		i -= size
	}
	return lo
}

// clauseAfter is clauseBefore forwards.
func clauseAfter(s string, pos int, end func(rune) bool) int {
	hi := pos + maxLookback
	if hi > len(s) {
		hi = len(s)
	}
	i := pos
	for i < hi {
		r, size := utf8.DecodeRuneInString(s[i:hi])
		if end(r) {
			return i
		}
		i += size
	}
	return i
}

// moneyAmount is the amount of value v written at [a, e) of s, given the
// role and total the words before it name (moneyRole, or kuaiRole): one
// place for what every money pattern reads around its figure. Where limits
// is true a limit's words make it a bound (limitOf), and a fine's make it
// the fine; then whether goods are unsold, and the rate (每) and part
// (其中) of its phrase. The caller sets the span.
func moneyAmount(s string, a, e int, v float64, role string, total, limits bool) Amount {
	x := Amount{Value: v, Total: total}
	if limits {
		var fine bool
		x.Bound, x.Under, fine = limitOf(s, a, e)
		if fine {
			role = RoleFine
		}
	}
	if (role == RoleFares || role == RoleIllegalGains) && notReceived(s[e:]) {
		// 当次运费一千二百元尚未收取: agreed, not earned.
		role = ""
	}
	if role == RoleTax && rebateNotObtained(s, a, e) {
		// 多申报出口退税5000元，经审核系计算错误，税务机关未予退税: no
		// rebate was obtained by deceit, so 第六十六条's 骗取税款 has no base.
		role = ""
	}
	x.Role, x.Unsold, x.Rate, x.Part = role, unsold(s, a, role), rateOf(s, a), partOf(s, a) || listedPart(s, a)
	x.Confiscated = role != "" && Contains(lastRunes(s[clauseBefore(s, a, isPhraseEnd):a], 12), "没收")
	if x.Total && hasAnyPrefix(strings.TrimSpace(s[clauseBefore(s, a, isPhraseEnd):a]), restWords[:]...) {
		// 向买家甲收款18400元……其余零散买家合计收款12600元: the total of the
		// rest is one more part, added to those listed, not the whole
		// (transfer30b).
		x.Total = false
	}
	if role == RoleTax && (containsAny(firstRunes(s[e:clauseAfter(s, e, isClauseEnd)], 12), unpaidTaxWords[:]...) || containsAny(lastRunes(s[:a], 10), unpaidTaxBefore[:]...)) {
		// 代扣税款合计38.6万元……其余已扣税款36.5万元未解缴入库: the tax
		// told as not paid over is the 不缴或者少缴的税款 the fines and the
		// 逃税罪 threshold weigh, not the whole withheld before it.
		x.Total, x.Part = true, false
	}
	return x
}

// restWords open a clause that totals the rest of a list (其余零散买家合计…).
var restWords = [...]string{"其余", "其他零散", "另有", "剩余的"}

// unpaidTaxBefore, in the few runes before a tax amount, name it as the
// part not paid over (少解缴已扣税款7.4万元).
var unpaidTaxBefore = [...]string{"少解缴", "未解缴", "不解缴"}

// unpaidTaxWords, in the few runes after a tax amount in its clause (36.5万元
// 未解缴, 41.2万元已扣税款至今未解缴), say it was not paid over.
var unpaidTaxWords = [...]string{"未解缴", "未缴纳", "未缴", "未入库", "未申报缴纳", "未上缴", "没有缴", "没缴", "未按期解缴", "未按规定解缴"}

// otherTradeWords, in a sales amount's or a goods value's clause, say the
// amount is of goods other than those of the case: the kind at large
// (同类商品), or the whole shop's trade (全店).
var otherTradeWords = [...]string{"同类商品", "同类产品", "同类货物", "同类食品", "同类饮料", "各类商品", "全店"}

// wholeShopWords, in a sales amount's clause only, say the sales are all the
// shop sold (所有商品的销售额); a goods value of 全部商品 is that of the goods
// seized (现场查扣的全部商品货值).
var wholeShopWords = [...]string{"全部商品", "所有商品"}

// notReceivedWords, right after a fare or a gain, say it was not yet paid.
var notReceivedWords = [...]string{"尚未收取", "未收取", "还未收取", "尚未收到", "未收到", "还没收到", "还没收", "尚未支付", "未支付", "尚未到账", "未到账"}

// notReceived reports whether rest, the text after an amount, opens with
// notReceivedWords.
func notReceived(rest string) bool { return hasAnyPrefix(rest, notReceivedWords[:]...) }

// moneyRole finds the nearest role phrase before pos in the same clause,
// and whether a total cue sits between that phrase and the amount.
func moneyRole(s string, pos int) (string, bool) {
	w := s[clauseBefore(s, pos, isClauseEnd):pos]
	best, bestStart, bestEnd := "", 0, -1
	var last [len(roleCueList)]int32
	roleCuePhrases.scanLast(w, last[:])
	for k, c := range roleCues {
		if i := int(last[roleCueIDs[k]]) - 1; i >= 0 && i+len(c.cue) > bestEnd {
			best, bestStart, bestEnd = c.role, i, i+len(c.cue)
		}
	}
	// A role-less cue (罚没款, 注册资本, 滞纳金) names the amount's own kind:
	// the words before it say nothing of this amount, so the fallbacks below
	// read only what follows it.
	tail := 0
	if best == "" && bestEnd >= 0 {
		tail = bestEnd
	}
	if best == "" && adFee(w[tail:]) {
		best, bestStart, bestEnd = RoleAdCost, len(w), len(w)
	}
	// The 案值 of seized cigarettes is the 非法经营数额 (烟草专卖品刑事案件解释
	// 第四条) and the 违法经营总额 the fine is a share of.
	if best == RoleGoodsValue && strings.HasPrefix(w[bestStart:], "案值") && containsAny(w, "卷烟", "烟草", "香烟", "雪茄") {
		best = RoleIllegalRevenue
	}
	// 需费用, 需花费 name a cleanup's cost only beside a cleanup (清理、处置上述
	// 危险废物共需费用): 修复该设备需费用5000元, 宣称治疗需花费5万元 are not.
	if best == RoleDisposalCost && hasAnyPrefix(w[bestStart:], needCost[:]...) && !containsAny(w, cleanupWords[:]...) {
		best, bestStart, bestEnd = "", 0, -1
	}
	if best == "" {
		// 共采出约2300立方米，经价格认证中心认定市场价值为6.8万元: in a clause of
		// mining, a 市场价值 is the minerals' (矿产资源法 第六十四条).
		if at := minedMarketValue(w[tail:]); at >= 0 {
			best, bestStart, bestEnd = RoleMineralValue, tail+at, tail+at
		}
	}
	if best == "" {
		if role, at := verbRole(w[tail:]); role != "" {
			best, bestStart, bestEnd = role, tail+at, tail+at
		}
	}
	// 李某2024年度从公司领取的工资薪金合计36万元: 工资 is read as wages owed,
	// but a person's 工资薪金 or 工资收入 counted over a year is the 上一年年收入.
	if best == RoleWages && (strings.HasPrefix(w[bestStart:], "工资薪金") || strings.HasPrefix(w[bestStart:], "工资收入")) && containsAny(w[:bestStart], yearWords[:]...) {
		best = RoleAnnualIncome
	}
	if best == "" {
		if at := valuedAt(w[tail:]); at >= 0 {
			best, bestStart, bestEnd = RoleGoodsValue, tail+at, tail+at
		}
	}
	if best == "" && Contains(w, "发票") {
		// 开具与实际经营业务情况不符的发票3份 金额合计12万元: the sum of the
		// invoices a clause issues is the 虚开金额 (发票管理办法 第三十五条).
		if at := invoiceSum(w); at >= 0 {
			best, bestStart, bestEnd = RoleInvoiceAmount, at, at
		}
	}
	if best == "" {
		// 陶某2024年度从公司领取的薪酬合计叁拾陆万元: a year's pay named by its
		// year is the 上一年年收入 the fines on a principal are a share of.
		if at := yearPay(w); at >= 0 {
			best, bestStart, bestEnd = RoleAnnualIncome, at, at
		}
	}
	// The words must be in the amount's own comma clause: 已销售同类商品1350件，
	// 销售金额5.73万元 counts the case's goods (the kind seized) before the
	// comma, and the amount after it is their sales.
	near := w[max(0, bestStart-8*len("类")):]
	if i := max(strings.LastIndex(near[:len(near)-len(w[bestStart:])], "，"), strings.LastIndex(near[:len(near)-len(w[bestStart:])], ",")); i >= 0 {
		near = near[i:]
	}
	if (best == RoleSalesAmount || best == RoleGoodsValue) && containsAny(near, otherTradeWords[:]...) ||
		best == RoleSalesAmount && containsAny(near, wholeShopWords[:]...) {
		// 本年度销售同类商品约3万元, 同类商品销售额3万元: the party's trade in
		// goods of the kind, not the goods the case is about.
		best = ""
	}
	from := 0
	if bestEnd > 0 {
		from = bestEnd
	}
	// A total cue counts only if it is closer to the amount than any other
	// amount (共计3000元 after items 1000元、2000元).
	between := w[from:]
	if k := strings.LastIndex(between, "元"); k >= 0 {
		between = between[k:]
	}
	// 累计违法所得750元 puts the cue just before the role phrase instead, and
	// 合计少缴税款 two runes before it (the role phrase 税款): a cue among the
	// four runes before the phrase, with no punctuation after the cue.
	// UTF-8 is self-synchronising, so a byte cut mid-rune cannot fake a cue.
	before := ""
	if bestEnd > 0 {
		before = w[max(0, bestStart-4*len("计")):bestStart]
	}
	total := false
	for _, t := range totalCues {
		if Contains(between, t) {
			total = true
		}
		if i := strings.LastIndex(before, t); i >= 0 && !strings.ContainsAny(before[i:], "，。；、,;") {
			total = true
		}
	}
	return best, total
}

// minedWords, in an amount's clause, say the clause tells of minerals taken
// out of the ground.
var minedWords = [...]string{"采出", "开采", "盗采", "采挖", "挖采", "采砂", "挖砂", "采石"}

// minedMarketValue returns where w, the clause before an amount, names a 市场价值
// right before it among words of mining, or -1: the value of what was mined,
// however the minerals are called (石料, 河砂, 矿石).
func minedMarketValue(w string) int {
	i := strings.LastIndex(w, "市场价值")
	// Another amount between (市场价值为6.8万元，已售出部分得款4.1万元) takes
	// the 市场价值 for itself.
	if i < 0 || strings.Contains(w[i:], "元") || !containsAny(w, minedWords[:]...) {
		return -1
	}
	return i
}

// invoiceSumWords name a sum by the invoices' face (金额, 票面额, 开票额);
// invoiceIssueWords say the clause issues them.
var (
	invoiceSumWords   = [...]string{"金额", "票面额", "开票额", "发票额", "价税合计额"}
	invoiceIssueWords = [...]string{"开具", "开出", "开了", "虚开", "代开", "为他人开", "给他人开", "替他人开"}
	sumLinks          = [...]string{"合计", "共计", "总计", "累计", "共", "计", "为", "达", "约", "人民币"}
)

// invoiceSum returns the byte offset in w after the sum word when w, a
// clause that issues invoices, ends in a bare sum word before the amount
// (…普通发票3份 金额合计12万元, 开具发票…票面额共计), -1 for none.
func invoiceSum(w string) int {
	if !containsAny(w, invoiceIssueWords[:]...) {
		return -1
	}
	t := strings.TrimRight(w, " ：:")
	for trimmed := true; trimmed; {
		trimmed = false
		for _, l := range sumLinks {
			if strings.HasSuffix(t, l) {
				t, trimmed = strings.TrimRight(strings.TrimSuffix(t, l), " ：:"), true
			}
		}
	}
	for _, sw := range invoiceSumWords {
		if strings.HasSuffix(t, sw) {
			return len(t)
		}
	}
	return -1
}

// valuePrices are the prices goods are valued at (按售价计, 按其标价合计, 以进价
// 核算): a sum so valued is the goods' 货值金额 though no role phrase names it.
var valuePrices = [...]string{"售价", "标价", "零售价", "销售价", "销售价格", "进价", "进货价", "出厂价", "市场价", "市场零售价", "批发价", "实际售价"}

// valuedAt returns the byte offset in w after the price word of a valuation
// in w's last clause (现场成品、半成品按其标价合计, 按售价计), -1 for none; a
// price per unit (按每件30元) is no valuation.
func valuedAt(w string) int {
	from := max(strings.LastIndex(w, "，"), strings.LastIndex(w, ","), 0)
	clause := w[from:]
	for _, by := range [...]string{"按", "以"} {
		i := strings.LastIndex(clause, by)
		if i < 0 {
			continue
		}
		rest := clause[i+len(by):]
		// the shop's own price (按店内标价计共3180元) is the same valuation
		for _, pre := range [...]string{"其", "照", "店内", "门店", "店铺", "商品", "货品"} {
			rest = strings.TrimPrefix(rest, pre)
		}
		for _, p := range valuePrices {
			if strings.HasPrefix(rest, p) && !Contains(rest, "每") {
				return len(w) - len(rest) + len(p)
			}
		}
	}
	return -1
}

// payWords name a person's pay; yearWords the year it is counted over.
var (
	payWords  = [...]string{"薪酬", "税前收入", "个人收入", "总收入", "薪金", "收入总额"}
	yearWords = [...]string{"年度", "上一年", "上年", "全年", "去年"}
)

// yearPay returns the byte offset in w after a pay word preceded in w by
// a year word (2024年度从公司领取的薪酬, 上年度税前收入), -1 for none.
func yearPay(w string) int {
	for _, p := range payWords {
		i := strings.LastIndex(w, p)
		if i >= 0 && containsAny(w[:i], yearWords[:]...) {
			return i + len(p)
		}
	}
	return -1
}

// allSoldWords say that nothing of the goods is left (上述电线均已售出,
// 已售4.4万元 库存无, 库里没剩).
var allSoldWords = [...]string{"均已售出", "全部售出", "已全部售出", "已全部销售", "均已销售", "均已卖出", "全部卖出", "已售罄", "库存无", "无库存", "没有库存", "库存为零", "无剩余库存",
	// in a shopkeeper's or a complainant's words
	"已售完", "均已售完", "全部售完", "全部卖完", "已经卖完", "都卖完了", "卖光", "售空", "无存货", "没有存货", "已无存货", "没剩", "一件不剩", "未有剩余", "没有剩余",
	// the stock said to be emptied, or the goods sold out, in the officer's words
	"库存已清空", "库存清空", "清空库存", "库存已清零", "库存清零", "库存为0", "销售一空", "售卖一空", "抢购一空", "已卖完", "已销完", "全部销完",
	"已销售完毕", "全部销售完毕", "均已销售完毕", "已售卖完毕", "已全部出清", "存货已清", "已无剩余", "未留库存", "没有留存", "无留存"}

// heldCues, anywhere in a text, say some goods were found, seized or are
// still there (现场查扣, 还剩40桶, 货架上): their value is not in the sales.
var heldCues = [...]string{"查扣", "扣押", "查封", "封存", "查获", "暂扣", "还剩", "余下", "尚有", "货架上", "仓库内", "仓库里", "店内还有", "现场发现"}

// allSold makes the 货值金额 and the 销售金额 one amount when the text says
// every item was sold and names only one of them: the fines of 产品质量法 and
// 食品安全法 read the one, 生产、销售伪劣产品罪's threshold the other. Sales
// told with nothing said of goods held are the 货值金额 too.
// fromSales is true when the 货值金额 was so taken from the silence.
func allSold(s string, ts []Total) (out []Total, fromSales bool) {
	goods, sales := -1, -1
	for i, t := range ts {
		switch t.Role {
		case RoleGoodsValue:
			goods = i
		case RoleSalesAmount:
			sales = i
		}
	}
	if (goods < 0) == (sales < 0) {
		return ts, false
	}
	if !containsAny(s, allSoldWords[:]...) {
		// Sales told and nothing said of goods held (销售金额为人民币伍万捌仟元整,
		// 这批肥料共卖出去八万四千元): the goods dealt in are those sold, and
		// their sales are the 货值金额 an officer computes the fine from. A
		// text that names stock, seized or left goods keeps the 货值金额 open
		// (their value is the officer's to establish).
		if goods >= 0 || containsAny(s, unsoldCues...) || containsAny(s, heldCues[:]...) {
			return ts, false
		}
		fromSales = true
	}
	if goods < 0 {
		return append(ts, Total{Role: RoleGoodsValue, Value: ts[sales].Value}), fromSales
	}
	return append(ts, Total{Role: RoleSalesAmount, Value: ts[goods].Value}), false
}

// salesVerbs sell goods; a sum after one in its clause (已销售掺假芝麻油计
// 4.6万元, 共售出上述插座合计1.8万元) is what was sold, though no role phrase
// names it. priceWords make the amount a price instead (以每瓶30元的价格销售).
var (
	salesVerbs = []string{"销售", "售出", "卖出", "出售", "已售"}
	priceWords = []string{"每", "单价", "价格", "售价", "标价", "零售价"}
	// salesSums name, after a sales verb, the sum the sales came to.
	salesSums = [...]string{"金额", "收入", "款项", "所得款", "货款", "总价", "总额"}
	// soldJustBefore sell with the amount written right after them.
	soldJustBefore = [...]string{"已售", "已售出", "已销售", "已卖出", "共售出", "累计售出", "共卖出", "累计卖出", "共销售", "累计销售", "卖了", "已卖"}
	// bareSoldBefore sell with the sum right after them and nothing between
	// (5月销售1.8万元、6月销售2.1万元; 7月售出12,400元): each sale's sum, which
	// totals adds up when no total is stated. Not after a denial (尚未销售).
	bareSoldBefore = [...]string{"销售", "售出", "卖出"}
	// buyerWords name the one who bought: a payment taken from one (向买家甲
	// 收款18400元) is a sale's sum.
	buyerWords = [...]string{"买家", "买方", "顾客", "客户", "购买者", "购买人", "消费者", "购货方", "购货单位"}
	// toPartyWords, before 供货, make the party the one supplied (某厂向当事人
	// 供货…元): its supplier's sale, the party's purchase.
	toPartyWords = [...]string{"向当事人", "为当事人", "给当事人", "向其", "为其", "给其", "向本店", "向该店", "向本单位"}
	// notSoldBefore, right before the verb, deny the sale (尚未销售) or
	// point back to a sale already told (上述销售1.8万元中含退货: no new
	// sum to add).
	notSoldBefore = [...]string{"未", "没", "不", "拟", "待", "准备", "上述", "前述", "以上", "其中", "该笔", "此笔"}
	// plannedWords, anywhere in the clause before the verb, make it a plan
	// (计划销售5万元, 拟于下月销售, 打算卖出): nothing was sold.
	plannedWords = [...]string{"计划", "预计", "拟", "打算", "意图", "欲", "准备", "预备"}
)

// verbRole reads the role of an amount that no role phrase names from the
// words of its clause (the text after the last comma of w): a sum (…计) after
// a sales verb is 销售金额; a 总额 or 数额 after 经营 is the 违法经营额
// (违法经营卷烟总额为六万八千元, 经营卷烟的总额为4.2万元). It returns the role
// and the byte offset in w after the naming word (the verb, or 总额), from
// which a total cue (共计) is looked for; "" when the clause says neither.
// soldByOtherVerb reports whether a clause ends in a sale told by another
// verb, with its sum right after it: goods delivered to a buyer and billed
// month by month (1月供货18600元，2月供货21350元) or a payment taken from a
// buyer (向买家甲收款18400元，向买家乙收款12600元). Each is one sale's sum,
// which totals adds up when no total is stated (transfer30b). Not when
// denied (未向买家收款), priced per unit, or supplied to the party itself.
func soldByOtherVerb(clause, bare string) bool {
	// A colon opens the list (…供应某建筑公司：3月供货2.1万元): the words
	// before it are no price of this sum.
	if i := max(strings.LastIndex(clause, "："), strings.LastIndex(clause, ":")); i >= 0 {
		clause = clause[i:]
	}
	if containsAny(clause, priceWords...) {
		return false
	}
	if t, ok := strings.CutSuffix(bare, "供货"); ok {
		return !HasAnySuffix(t, notSoldBefore[:]...) && !containsAny(t, toPartyWords[:]...) && !containsAny(t, plannedWords[:]...)
	}
	if t, ok := strings.CutSuffix(bare, "收款"); ok {
		return containsAny(t, buyerWords[:]...) && !HasAnySuffix(t, notSoldBefore[:]...) && !containsAny(t, plannedWords[:]...) && !negatedTail(t)
	}
	return false
}

// negatedTail reports whether a denial stands in the last few runes of a
// clause (未向买家收款, 没有向顾客收款).
func negatedTail(t string) bool {
	r := []rune(t)
	return containsAny(string(r[max(0, len(r)-8):]), "未", "没有", "不曾")
}

func verbRole(w string) (string, int) {
	from := max(strings.LastIndex(w, "，"), strings.LastIndex(w, ","))
	from = max(from, 0)
	clause := w[from:]
	if i := Index(clause, "经营"); i >= 0 {
		rest := clause[i:]
		if j := max(strings.LastIndex(rest, "总额"), strings.LastIndex(rest, "数额")); j >= 0 {
			return RoleIllegalRevenue, from + i + j + len("总额")
		}
	}
	// 已售4.4万元: the amount right after the verb is what was sold.
	// A particle may close the verb (卖出去, 卖出了, 售出去了): 共卖出去八万
	// 四千元 sold as 共卖出 does.
	// An estimate (已卖出约1.8万元, 卖出大约2万元) is still the sum sold.
	trimmed := strings.TrimSuffix(strings.TrimSuffix(strings.TrimRight(clause, " "), "约"), "大")
	bare := strings.TrimSuffix(strings.TrimSuffix(trimmed, "了"), "去")
	for _, v := range soldJustBefore {
		if strings.HasSuffix(trimmed, v) || strings.HasSuffix(bare, v) {
			return RoleSalesAmount, from + len(trimmed)
		}
	}
	for _, v := range bareSoldBefore {
		if t := strings.TrimSuffix(trimmed, v); len(t) < len(trimmed) && !HasAnySuffix(t, notSoldBefore[:]...) && !containsAny(t, plannedWords[:]...) && !containsAny(clause, priceWords...) {
			return RoleSalesAmount, from + len(trimmed)
		}
	}
	if soldByOtherVerb(clause, bare) {
		return RoleSalesAmount, from + len(trimmed)
	}
	for _, v := range salesVerbs {
		i := strings.LastIndex(clause, v)
		if i < 0 {
			continue
		}
		rest := clause[i:]
		// The sum counted (共销售…计) or named after what was sold
		// (销售上述电线金额人民币陆万捌仟元, 销售该批产品的收入为7万元,
		// 售出上述插座所得款项5.6万元): the sales, whatever stands between.
		named := containsAny(rest[len(v):], salesSums[:]...)
		if (!strings.Contains(rest, "计") && !named) || containsAny(rest, priceWords...) {
			continue
		}
		return RoleSalesAmount, from + i + len(v)
	}
	// 共售出47盒，得款23500元: the proceeds named in a clause of their own
	// right after the sale's, in one sentence. Not a thing stolen and sold
	// on (偷走手机后卖给废品站，得款300元): the loot's price, not a sale of the
	// case's goods.
	if from > 0 && hasAnyPrefix(strings.TrimLeft(clause, "，,"), proceedsWords[:]...) {
		prev := w[:from]
		prev = prev[max(strings.LastIndex(prev, "，"), strings.LastIndex(prev, ","), 0):]
		if containsAny(prev, salesVerbs...) || containsAny(prev, "卖给", "售给", "卖得", "批发给") {
			if !containsAny(w, "盗", "偷", "窃", "赃", "骗", "抢") {
				return RoleSalesAmount, from + len(clause)
			}
		}
	}
	return "", 0
}

// proceedsWords open a clause that names what a sale brought in (得款, 共收款).
var proceedsWords = [...]string{"得款", "共得款", "获款", "共获款", "收款", "共收款", "收到货款", "共收取货款", "收取货款", "得货款"}

// soldFor name, right before an amount, what one sale brought in (第一辆卖得
// 3500元); saleTo, right after an amount with 以 before it, a sale to a
// buyer at that price (以4200元卖给我, 以人民币陆万元的价格转让给黄某).
var (
	soldFor   = [...]string{"卖得", "售得", "变卖得", "卖价为", "成交价为", "作价"}
	saleTo    = [...]string{"卖给", "卖与", "售与", "售给", "出售给", "转让给", "转卖给", "转手给", "倒卖给"}
	landWords = [...]string{"土地", "宅基地", "承包地", "耕地", "地块", "集体用地", "建设用地", "亩", "农田", "农用地", "林地", "园地", "菜地", "荒地"}
)

// salePriceRole reads the role of an amount no role phrase names from the
// sale it prices: the 销售金额 of a thing sold to a buyer (the whole price
// of one vehicle or one lot), or the 违法所得 when what was sold or
// conveyed is land (the price received is what 土地管理法实施条例 第五十四条
// counts); "" when no sale is said around it.
func salePriceRole(s string, a, b int) string {
	st := clauseBefore(s, a, isPhraseEnd)
	before := strings.TrimSuffix(strings.TrimSuffix(s[st:a], "人民币"), "共")
	sold := false
	for _, w := range soldFor {
		if strings.HasSuffix(before, w) {
			sold = true
		}
	}
	if !sold && strings.HasSuffix(before, "以") {
		after := firstRunes(s[b:], 8)
		after = strings.TrimPrefix(strings.TrimPrefix(after, "的价格"), "价格")
		for _, v := range saleTo {
			if strings.HasPrefix(after, v) {
				sold = true
			}
		}
	}
	if !sold {
		return landProceedsRole(s, a, before)
	}
	if containsAny(s[clauseBefore(s, a, isClauseEnd):a], landWords[:]...) {
		return RoleIllegalGains
	}
	return RoleSalesAmount
}

// landProceeds name, right before an amount, the money a conveyance
// brought in (得款陆万伍仟元, 收取土地转让款人民币壹拾肆万元, 收取价款18万元);
// conveyWords convey a thing to another (转让给, 卖给, 出让).
var (
	landProceeds = [...]string{"得款", "获款", "转让款", "转让费", "转让金", "转让价款", "价款", "卖地款", "卖地钱", "地款", "房款", "售房款", "卖房款", "出让金"}
	conveyWords  = [...]string{"转让", "卖给", "卖与", "售与", "售给", "出售", "卖掉", "卖了", "买卖", "倒卖", "出让", "转卖", "转手"}
)

// landProceedsRole reads the money a conveyance of land brought in as its
// 违法所得 (土地管理法实施条例 第五十四条 and 第五十七条 count the price
// received): an amount right after a proceeds word (before: the clause
// before it, 人民币 and 共 trimmed) in a sentence that conveys land; ""
// otherwise (a 价款 of goods keeps no role).
func landProceedsRole(s string, a int, before string) string {
	before = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(before, "计"), "共"), "为")
	proceeds := false
	for _, w := range landProceeds {
		if strings.HasSuffix(before, w) {
			proceeds = true
		}
	}
	if !proceeds {
		return ""
	}
	sentence := s[clauseBefore(s, a, isClauseEnd):a]
	if containsAny(sentence, landWords[:]...) && containsAny(sentence, conveyWords[:]...) {
		return RoleIllegalGains
	}
	return ""
}

// centsRe is the 角 and 分 after 元 (叁万陆仟肆佰伍拾元伍角, 12元3角5分).
// A 零 may stand for no 元 digit or no 角 (伍万贰仟贰佰玖拾元零肆角, 贰拾元零伍分).
var centsRe = regexp.MustCompile(`^零?(?:([0-9]|[` + cn + `])角)?零?(?:([0-9]|[` + cn + `])分)?`)

// cents reads the 角 and 分 that may follow an amount's 元 and returns them
// in yuan with the bytes they take.
func cents(rest string) (float64, int) {
	if !strings.HasPrefix(rest, "角") && !strings.ContainsAny(firstRunes(rest, 4), "角分") {
		return 0, 0
	}
	m := centsRe.FindStringSubmatch(rest)
	if m == nil || m[1] == "" && m[2] == "" {
		return 0, 0
	}
	v := 0.0
	for i, scale := range []float64{0.1, 0.01} {
		if m[i+1] == "" {
			continue
		}
		d, err := ParseChineseInt(m[i+1])
		if err != nil || d > 9 {
			return 0, 0
		}
		v += float64(d) * scale
	}
	return v, len(m[0])
}

// firstRunes is the first n runes of s.
func firstRunes(s string, n int) string {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// boundBefore are the words that make the amount after them a limit
// (不足一万元, 超过1万元); boundAfter those after it (一万元以上, 五万元以下,
// 十万元以内).
var (
	boundBefore = []string{"不足", "未满", "不满", "低于", "少于", "超过", "高于", "未达", "未超过"}
	boundAfter  = []string{"以上", "以下", "以内"}
	// underBefore and underAfter make the limit an upper one.
	underBefore = []string{"不足", "未满", "不满", "低于", "少于", "未达", "未超过"}
	underAfter  = []string{"以下", "以内"}
)

// limitOf reads the words around the amount s[a:e]: bound when they make it
// a limit rather than a figure (see Amount.Bound) or the statute's fiction
// 按二十万元计算; fine when the amount is the object of 处……罚款 (处3万元
// 罚款, 并处五千元的罚款), whatever role phrase came earlier in the clause:
// the fine imposed or proposed is never the base it is computed from.
//
// under is set for an upper limit stated as a fact: not followed by 的,
// which makes it a statute's condition (不足一万元的，并处……).
func limitOf(s string, a, e int) (bound, under, fine bool) {
	rest := s[e:]
	before := strings.TrimRight(s[max(0, a-len("人民币")-len("未超过")):a], " ")
	before = strings.TrimSuffix(before, "人民币")
	after := rest
	for _, w := range boundAfter {
		if t, ok := strings.CutPrefix(rest, w); ok {
			bound, after = true, t
			under = under || slices.Contains(underAfter, w)
		}
	}
	for _, w := range boundBefore {
		if strings.HasSuffix(before, w) {
			bound = true
			under = under || slices.Contains(underBefore, w)
		}
	}
	under = under && !strings.HasPrefix(after, "的")
	if strings.HasSuffix(before, "按") && strings.HasPrefix(rest, "计算") {
		bound = true
	}
	fine = strings.HasPrefix(rest, "罚款") || strings.HasPrefix(rest, "的罚款")
	return bound, under && !fine, fine
}

// rateOf reports whether the amount at pos is per unit: 每 in its phrase.
func rateOf(s string, pos int) bool {
	w := s[clauseBefore(s, pos, isPhraseEnd):pos]
	return Contains(w, "每") || namedUnitPrice(w)
}

// namedUnitPrice reports whether the words before an amount name it the
// price of one unit without 每 (单价45元, 销售单价为人民币12元): the unit is
// then the measure its count is written in (共60个).
func namedUnitPrice(before string) bool {
	for trimmed := true; trimmed; {
		trimmed = false
		for _, f := range [...]string{"人民币", "为", "是", "：", ":", "均", "约"} {
			if t, ok := strings.CutSuffix(before, f); ok {
				before, trimmed = t, true
			}
		}
	}
	return strings.HasSuffix(before, "单价")
}

// informantNouns name people who report a case without being those the
// facts count (workers, children, passengers): 一名母亲投诉, 两名市民举报.
var informantNouns = [...]string{"母亲", "父亲", "家长", "亲属", "家属", "市民", "群众", "居民", "村民", "网友", "路人", "邻居", "知情人"}

// informantVerbs, right after an informant noun, make the count before it
// the informants': 投诉, 举报, 报警, 反映, 来电, 来信.
var informantVerbs = [...]string{"投诉", "举报", "报警", "反映", "来电", "来信", "拨打"}

// informant reports whether rest, the text right after a head count, names
// people who reported the case (母亲投诉, 市民来电反映) rather than people
// the facts are about.
func informant(rest string) bool {
	for _, n := range informantNouns {
		if after, ok := strings.CutPrefix(rest, n); ok {
			for _, v := range informantVerbs {
				if strings.HasPrefix(after, v) {
					return true
				}
			}
		}
	}
	return false
}

// partOf reports whether the amount at pos is introduced as a part of what
// came before: 其中 in its phrase (其中环保投资45万元).
func partOf(s string, pos int) bool {
	return Contains(s[clauseBefore(s, pos, isPhraseEnd):pos], "其中")
}

// excessWords, just before a count in its phrase, tell it as the number
// over a limit (超出的33人, 超出比例的12名, 超比例使用的9人).
var excessWords = []string{"超出的", "超出部分", "超出比例的", "超过比例的", "超比例的", "超比例使用的", "超出规定比例的", "超过规定比例的", "超出限额的"}

// excessCount reports whether the count at pos is told as the number over
// a limit.
func excessCount(s string, pos int) bool {
	return containsAny(s[clauseBefore(s, pos, isPhraseEnd):pos], excessWords...)
}

// listedPart reports whether the amount at pos is one of the parts a 其中
// earlier in its clause lists, in a later phrase of the list (货值金额
// ¥21700.00元（其中已售¥13,500.00元，库存¥8,200.00元）; 罚没款合计…，其中
// 罚款…，没收违法所得…): the breakdown of a figure already stated adds
// nothing to it. A closing bracket between 其中 and the amount ends the list.
func listedPart(s string, pos int) bool {
	w := s[clauseBefore(s, pos, isClauseEnd):pos]
	i := strings.LastIndex(w, "其中")
	// The sum that closes the list (……，合计货值金额壹万贰仟伍佰元) is no part.
	return i >= 0 && !strings.ContainsAny(w[i:], "）)") && !containsAny(s[clauseBefore(s, pos, isPhraseEnd):pos], totalCues...)
}

// hasPositive reports whether ts hold a total above zero of the role.
func hasPositive(ts []Total, role string) bool {
	for _, t := range ts {
		if t.Role == role && t.Value > 0 {
			return true
		}
	}
	return false
}

// faresAsGains turns the fares total into the 违法所得 total when there is
// none, and drops it otherwise (RoleFares).
func faresAsGains(ts []Total) []Total {
	out := ts[:0]
	gains := hasRole(ts, RoleIllegalGains)
	for _, t := range ts {
		if t.Role == RoleFares {
			if gains {
				continue
			}
			t.Role = RoleIllegalGains
		}
		out = append(out, t)
	}
	return out
}

// noneCues name the bases a text can state as nil, for the bracket of a
// fine that applies when there is none (没有违法所得的, 广告费用无法计算的);
// noneBefore and noneAfter are the words that state it.
var (
	noneCues = []struct{ cue, role string }{
		{"违法所得", RoleIllegalGains}, {"非法获利", RoleIllegalGains}, {"获利", RoleIllegalGains}, {"盈利", RoleIllegalGains},
		{"违法经营额", RoleIllegalRevenue}, {"广告费用", RoleAdCost}, {"广告费", RoleAdCost},
		// The fares of unlicensed transport are its 违法所得: 收费情况无法查清
		// states them unknowable.
		{"收费", RoleIllegalGains}, {"运费", RoleIllegalGains}, {"车费", RoleIllegalGains},
	}
	// noneBefore negate the base (没有违法所得, 尚未形成销售获利, 未因此取得
	// 违法所得) once noneVerbs between the negation and the base are
	// skipped.
	noneBefore = []string{"没有", "尚无", "暂无", "并无", "均无", "无", "尚未", "未", "不存在"}
	noneVerbs  = []string{"取得", "获得", "获取", "产生", "形成", "销售", "任何", "实际", "因此", "从中"}
	noneAfter  = []string{"无法计算", "无法认定", "难以计算", "无法确定", "为零", "为0", "无法查清", "无法查明", "情况无法查清", "情况无法查明", "情况无法核实", "数额无法查清", "金额无法查清",
		// the same finding in the other verbs of a decision (违法经营额无法查实, 无从查证,
		// 不能认定): the agency closed the question. 暂无法核定 and 尚无法核实 (not
		// a prefix here) leave it open.
		// 无法核实 stays out: an officer writes it of what is still being checked
		// (此前收了多少运费无法核实).
		"无法查实", "无法核定", "无法核算", "无从查证", "无从查实", "无从计算", "无从认定",
		"不能认定", "不能确定", "不能计算", "不能查清", "不能查实", "难以认定", "难以确定", "难以查清", "难以查实"}
	// unknownBefore state the base unknowable before naming it, perhaps
	// with its owner between (现有证据无法认定李某的违法所得): the statute's
	// 违法所得无法认定 in another order.
	unknownBefore = []string{"无法认定", "不能认定", "难以认定", "无法查清", "无法查明", "无法确定", "无法计算", "无法查实", "无法核定", "无从查证", "无从计算"}
	// nothingEarned are the words that say nothing was earned yet, so
	// there is no 违法所得 (尚未售出，……; 未收取任何费用): only where the
	// phrase ends with them (尚未售出的库存 is stock, not a statement).
	nothingEarned = []string{"尚未售出", "尚未销售", "未售出任何", "尚未对外销售", "尚未开始经营", "尚未营业", "未收取任何费用", "未收取费用", "未收取运费", "未收取报酬", "未收取任何报酬",
		// with the cause or the source between (未因此收取费用, 未从中收取任何费用), or in plain words
		"未因此收取费用", "未因此收取任何费用", "未从中收取费用", "未从中收取任何费用", "没有收取费用", "没有收取任何费用", "未因此收费",
		"未收取对价", "未收取任何对价", "分文未收", "未收取分文", "一分钱没收", "没有收钱", "未收钱"}
	// adCostUnknown: an advertiser or publisher who cannot document what
	// the ad cost (发布费用结算单据无法提供, 不能提供广告费用凭证) leaves
	// 广告费用 无法计算, the statute's bracket for none.
	adCostUnknown = []string{"无法提供", "不能提供", "未能提供", "拒不提供", "无法核实", "无法查明", "无法计算", "无法确定"}
)

// noneStated returns a zero total for each base the text states as nil
// (当事人没有违法所得, 尚未产生违法所得, 违法所得无法计算) and states no
// figure for: the fine's bracket for none then applies, where a base the
// text is silent on leaves every bracket open. A statute quoted (没有违法
// 所得的，处……; 没有违法所得或者违法所得不足1万元的) and a question still
// open (有无违法所得) state nothing.
func noneStated(s string, as []Amount) []Total {
	var out []Total
	for _, c := range noneCues {
		if !Contains(s, c.cue) || hasRole(out, c.role) || hasFigure(as, c.role) {
			continue
		}
		for i := 0; i < len(s); {
			k := Index(s[i:], c.cue)
			if k < 0 {
				break
			}
			a, e := i+k, i+k+len(c.cue)
			i = e
			rest := s[e:]
			if strings.HasPrefix(rest, "的") || strings.HasPrefix(rest, "或者") || strings.HasPrefix(rest, "或") {
				continue
			}
			before := negatedBefore(s[clauseBefore(s, a, isPhraseEnd):a])
			none := false
			for _, w := range noneBefore {
				none = none || (strings.HasSuffix(before, w) && !strings.HasSuffix(before, "有无"))
			}
			for _, w := range noneAfter {
				if after, ok := strings.CutPrefix(rest, w); ok && !strings.HasPrefix(after, "的") {
					none = true
				}
			}
			for _, w := range unknownBefore {
				// At most a few characters (an owner and 的) between.
				// 暂无法核定、尚无法查实其违法所得: the question is still open.
				if k := strings.LastIndex(before, w); k >= 0 && len(before)-k-len(w) <= 15 && !stillOpen(before[:k]) {
					none = true
				}
			}
			if none {
				out = append(out, Total{Role: c.role, Value: 0, Explicit: true})
				break
			}
		}
	}
	if !hasRole(out, RoleIllegalGains) && !hasFigure(as, RoleIllegalGains) && nothingReceived(s) {
		out = append(out, Total{Role: RoleIllegalGains, Value: 0, Explicit: true})
	}
	if !hasRole(out, RoleIllegalGains) && !hasFigure(as, RoleIllegalGains) && containsAny(s, nothingEarned...) {
		for _, w := range nothingEarned {
			if k := Index(s, w); k >= 0 {
				if r, _ := utf8.DecodeRuneInString(s[k+len(w):]); k+len(w) == len(s) || isPhraseEnd(r) {
					out = append(out, Total{Role: RoleIllegalGains, Value: 0, Explicit: true})
					break
				}
			}
		}
	}
	if !hasRole(out, RoleAdCost) && !hasFigure(as, RoleAdCost) && Contains(s, "广告") && containsAny(s, adCostUnknown...) {
		for _, w := range adCostUnknown {
			for i := 0; i < len(s); {
				k := Index(s[i:], w)
				if k < 0 {
					break
				}
				i += k + len(w)
				c := s[clauseBefore(s, i-len(w), isClauseEnd):i]
				c += s[i:clauseAfter(s, i, isClauseEnd)]
				if Contains(c, "费") && (Contains(c, "广告") || Contains(c, "发布")) {
					return append(out, Total{Role: RoleAdCost, Value: 0, Explicit: true})
				}
			}
		}
	}
	if !hasRole(out, RoleAdCost) && !hasFigure(as, RoleAdCost) && adMaterialFree(s) {
		out = append(out, Total{Role: RoleAdCost, Value: 0, Explicit: true})
	}
	return out
}

// adCostTooLow replaces the 广告费用 read from a figure with a stated nil
// when the agency finds that figure 明显偏低 (支付广告费用仅500元，明显偏低;
// 广告费用明显低于同类广告市场价格): 广告法 第五十五条 then fines as for a cost
// 无法计算, twenty to a hundred times ten thousand, not on the figure's
// multiple. The statute quoted (广告费用无法计算或者明显偏低的，处…), a
// denial (并不明显偏低) and another's view (举报人认为…明显偏低) find nothing;
// a price of goods 明显偏低 is no ad cost.
func adCostTooLow(s string, ts []Total) []Total {
	if !hasPositive(ts, RoleAdCost) || !containsAny(s, adCostLowWords...) {
		return ts
	}
	for _, w := range adCostLowWords {
		for i := 0; i < len(s); {
			k := Index(s[i:], w)
			if k < 0 {
				break
			}
			at := i + k
			i = at + len(w)
			if strings.HasPrefix(s[i:], "的") || strings.HasPrefix(s[i:], "或") {
				continue // the statute's condition quoted
			}
			if !adCostSubject(s, at) {
				continue
			}
			c := s[clauseBefore(s, at, isClauseEnd):at]
			if hasAnySuffix(c, "不", "并不", "没有", "未", "并未", "不属于", "不是") || containsAny(c, "认为", "辩称", "反映", "举报", "投诉", "声称", "是否") {
				continue
			}
			out := make([]Total, 0, len(ts))
			for _, t := range ts {
				if t.Role != RoleAdCost {
					out = append(out, t)
				}
			}
			return append(out, Total{Role: RoleAdCost, Value: 0, Explicit: true})
		}
	}
	return ts
}

// adCostSubject reports whether the words at at speak of the ad's cost:
// its phrase names it (该广告费用明显偏低), or a short phrase without a
// subject of its own (明显低于…, 经核实明显偏低) follows one that does
// (广告费用为2000元，明显低于…). 广告费用3000元，其商品售价明显低于同行 is the
// goods' price.
func adCostSubject(s string, at int) bool {
	ps := clauseBefore(s, at, isPhraseEnd)
	if p := s[ps:at]; Contains(p, "广告") && Contains(p, "费") {
		return true
	} else if utf8.RuneCountInString(p) > 4 || ps == 0 {
		return false
	}
	r, size := utf8.DecodeLastRuneInString(s[:ps])
	if !isPhraseEnd(r) || isClauseEnd(r) {
		return false
	}
	prev := s[clauseBefore(s, ps-size, isPhraseEnd) : ps-size]
	return Contains(prev, "广告") && Contains(prev, "费")
}

// adCostLowWords say an ad's cost is far below what such an ad costs.
var adCostLowWords = []string{"明显偏低", "明显低于"}

// adMaterialFree reports whether the text says the posters or leaflets of an
// advert came free to the party, who paid nothing and cannot tell their cost
// (海报和宣传册是厂家业务员送来的，没给钱): 广告费用无法计算, the statute's bracket
// for none. The material must be named within the sentences just before.
func adMaterialFree(s string) bool {
	for _, w := range adFreeWords {
		for i := 0; i < len(s); {
			k := Index(s[i:], w)
			if k < 0 {
				break
			}
			at := i + k
			i = at + len(w)
			if containsAny(lastRunes(s[:at], 60), adMaterials...) {
				return true
			}
		}
	}
	return false
}

// adMaterials are the carriers of an advert a shop is handed; adFreeWords
// say they cost the party nothing.
var (
	adMaterials = []string{"海报", "宣传册", "宣传单", "传单", "宣传页", "易拉宝", "展板", "灯箱"}
	adFreeWords = []string{"没给钱", "没花钱", "没有花钱", "没收钱", "免费提供", "免费送", "无偿提供", "白送"}
)

// takingsNouns name what a party is paid for goods, a service or a run
// (运费, 货款, 报酬, 服务费): said not received, there are no 违法所得.
const takingsNouns = `(?:任何|分文|一分)?(?:的)?(?:费用|运费|车费|车资|路费|票款|报酬|酬金|劳务费|工钱|货款|价款|款项|钱款|对价|租金|服务费|中介费|佣金|好处费|加工费|销售款|收入|钱)`

// The words that say the party was paid nothing, read around each 未 or
// 没 of the text (anchored patterns on a few runes, not a scan of the
// whole text): a negation, a verb of receiving and a takings noun at a
// phrase end (尚未收取任何运费, 并未因此收到任何报酬, 还没有拿到货款); the
// noun first (运费尚未收取, 车费还没收); or not one unit sold yet (还一件都没
// 卖出去). A bare 没 before 收 is left out: 没收 is confiscation.
var (
	reReceivedAfterNeg = regexp.MustCompile(`^(?:因此|从中|实际|向[^，。；,;]{1,10})?(?:收取|收到|取得|获得|拿到|结算|收)(?:过|到|了)?` + takingsNouns + `(?:[，。；,;：:]|$)`)
	reTakingsBeforeNeg = regexp.MustCompile(`(?:运费|车费|车资|票款|报酬|劳务费|工钱|货款|价款|租金|服务费|中介费|佣金|加工费)(?:均|都|也|尚|还|暂|一直)?$`)
	reReceivedAfter    = regexp.MustCompile(`^(?:收取|收到|拿到|结算|收)(?:过|到)?(?:[，。；,;：:]|$)`)
	reOneUnitBeforeNeg = regexp.MustCompile(`(?:一|1)(?:件|个|瓶|盒|份|单|套|台|箱|袋|包|只|双|张|笔|斤)(?:货|商品|产品)?(?:都|也)(?:还)?$`)
	reSoldAfter        = regexp.MustCompile(`^(?:卖|售|销售|成交)(?:出去|出|掉)?(?:[，。；,;：:]|$)`)
)

// nothingReceived reports whether the text says the party was paid nothing
// for what it did: the statute's 没有违法所得, in the words of a note.
// A worker's pay not received (工人一直未拿到劳务费) is wages owed, not the
// party's gains: a pay noun counts only after 收取, the verb of the one who
// charges (未收取任何报酬).
func nothingReceived(s string) bool {
	for _, neg := range [...]string{"未", "没"} {
		for off := 0; ; {
			k := strings.Index(s[off:], neg)
			if k < 0 {
				break
			}
			at := off + k
			after := at + len(neg)
			off = after
			before := s[max(0, at-12*len("未")):at]
			for before != "" && !utf8.RuneStart(before[0]) {
				before = before[1:]
			}
			rest := s[after:min(len(s), after+40*len("未"))]
			if neg == "没" {
				// 没有, 还没, 都没: a bare 没 may be 没收.
				// 也没收了运费, 都没收了货款: confiscated; only 还没收 is
				// a fare not yet collected.
				if r, ok := strings.CutPrefix(rest, "有"); ok {
					rest = r
				} else if !HasAnySuffix(before, "还", "都", "也") || (strings.HasPrefix(rest, "收") && !strings.HasSuffix(before, "还")) || strings.HasPrefix(rest, "收了") {
					continue
				}
			}
			if !strings.ContainsAny(firstRunes(rest, 14), "收取获拿结卖售销成") {
				continue // most 未 are 未取得许可, 未按规定: no receiving or selling near
			}
			if m := reReceivedAfterNeg.FindString(rest); m != "" {
				if containsAny(m, payNouns[:]...) && !strings.HasPrefix(strings.TrimPrefix(strings.TrimPrefix(m, "因此"), "从中"), "收取") {
					continue
				}
				return true
			}
			// 其余运费尚未收取, 另一笔运费还没收: a part is unpaid, not all.
			if reTakingsBeforeNeg.MatchString(trimNegHead(before)) && reReceivedAfter.MatchString(rest) && !containsAny(before, unpaidPartWords[:]...) {
				return true
			}
			// 第一批货已售出，第二批货一件都没卖出去: a batch unsold, not all.
			if reOneUnitBeforeNeg.MatchString(before) && reSoldAfter.MatchString(rest) && !containsAny(before, batchWords[:]...) && !containsAny(s, soldWords[:]...) {
				return true
			}
		}
	}
	return false
}

// trimNegHead drops the first runes of a negation written before 未 or 没
// (尚未, 还未, 并未, 从未, 还没, 均未), so the words before them are read.
func trimNegHead(before string) string {
	for _, h := range [...]string{"尚", "还", "并", "从", "均", "都"} {
		if t, ok := strings.CutSuffix(before, h); ok {
			return t
		}
	}
	return before
}

// needCost are the words of a need that name a disposal cost only with
// cleanupWords in the same clause.
var (
	needCost     = [...]string{"需费用", "需要费用", "需花费", "需要花费"}
	cleanupWords = [...]string{"清理", "处置", "治理", "清运", "清除", "转运", "修复环境", "环境修复", "生态修复", "废物", "危废", "污染", "废水", "废液", "废渣", "污泥"}
)

// unpaidPartWords say the takings not received are only a part of them.
var unpaidPartWords = [...]string{"其余", "其他", "另一笔", "另外", "部分", "剩余", "剩下", "尾款"}

// batchWords before 一件都没卖出去 make it one batch among others; soldWords
// anywhere say something was sold.
var (
	batchWords = [...]string{"第二批", "第三批", "另一批", "后一批", "其中", "其余", "剩余", "剩下", "部分", "另外"}
	soldWords  = [...]string{"已售出", "已卖出", "已销售", "售出了", "卖出了", "已经售出", "已经卖出", "销售了", "卖掉了"}
)

// payNouns are the takings nouns that are also a worker's pay.
var payNouns = [...]string{"报酬", "酬金", "劳务费", "工钱"}

// stillOpen reports whether the words before an "unknowable" verb make it
// provisional (暂无法核定, 尚无法查实, 目前无法认定): the investigation goes on.
func stillOpen(w string) bool {
	return strings.HasSuffix(w, "暂") || strings.HasSuffix(w, "尚") || strings.HasSuffix(w, "暂时") || strings.HasSuffix(w, "目前") || strings.HasSuffix(w, "一时")
}

// negatedBefore trims from the end of the words before a base the verbs and
// fillers that may stand between a negation and the base (noneVerbs), so
// that 未因此取得 ends in 未.
func negatedBefore(w string) string {
	for trimmed := true; trimmed; {
		trimmed = false
		for _, v := range noneVerbs {
			if t, ok := strings.CutSuffix(w, v); ok {
				w, trimmed = t, true
			}
		}
	}
	return w
}

func hasRole(ts []Total, role string) bool {
	for _, t := range ts {
		if t.Role == role {
			return true
		}
	}
	return false
}

// hasFigure reports whether the text states a figure (not a limit) for role.
func hasFigure(as []Amount, role string) bool {
	for _, a := range as {
		if a.Role == role && !a.Bound {
			return true
		}
	}
	return false
}

// unsoldCues mark a goods value as that of the goods still held.
var unsoldCues = []string{"库存", "待售", "剩余", "尚未销售", "未销售", "未售出", "尚未售出", "现场查扣", "现场扣押",
	// the stock as other officers tell it: what is still there (仓库内尚存同批
	// 管材货值金额壹万贰仟元, 仍存放, 留存), piled up or not yet sold (积压,
	// 存货, 未出售, 没卖出, 未卖完, 在库).
	"尚存", "仍存", "留存", "存货", "积压", "未出售", "尚未出售", "未卖出", "没卖出", "未卖完", "没卖完", "在库"}

// unsold reports whether the 货值金额 at pos is given for the goods still
// held: an unsold cue in the phrase before it (库存300卷货值金额一万四千七百元;
// 库存待售部分货值八千元).
func unsold(s string, pos int, role string) bool {
	if role != RoleGoodsValue {
		return false
	}
	start := clauseBefore(s, pos, isPhraseEnd)
	if containsAny(s[start:pos], unsoldCues...) {
		return true
	}
	// 库存50袋，货值金额叁仟伍佰元: the cue may sit in the phrase before,
	// when that phrase states no amount of its own.
	r, size := utf8.DecodeLastRuneInString(s[:start])
	if size == 0 || (r != '，' && r != ',' && r != '、') {
		return false
	}
	// 已销售325卷，销售金额五万二千元，库存85卷，涉案产品货值金额共计六万五千
	// 六百元: a phrase that names its value the whole (共计, 涉案产品, 上述)
	// sums what was sold and what is held, and the held count before it
	// does not make it the stock's.
	if containsAny(s[start:pos], wholeGoodsCues...) {
		return false
	}
	prev := clauseBefore(s, start-size, isPhraseEnd)
	w := s[prev : start-size]
	return !Contains(w, "元") && containsAny(w, unsoldCues...)
}

// wholeGoodsCues, in the phrase of a 货值金额, make it the value of all the
// goods involved rather than of those left.
var wholeGoodsCues = []string{"共计", "合计", "总计", "累计", "总货值", "涉案", "上述", "以上", "全部", "该批"}

// adCarriers name an advertisement or its carrier in the clause of a fee.
var adCarriers = []string{"广告", "宣传", "传单", "海报", "展板", "展架", "灯箱", "横幅", "条幅", "招贴",
	// the carriers officers name instead (易拉宝……制作费五百元), and the
	// fee for promoting an ad (支付推广费用¥3,600.00)
	"易拉宝", "电子屏", "显示屏", "大屏", "广告牌", "推广",
	// the media of online ads: a post's fee (收取推文费3000元), a video's
	// making (该视频拍摄制作费用为人民币叁仟元)
	"推文", "视频", "直播", "详情页", "公众号", "LED", "屏幕",
	// the web pages and printed matter an ad is made of (网页制作费用, 页面设计费, 宣传册印制费, 单页印刷费)
	"网页", "页面", "主图", "宣传册", "单页", "彩页", "画册", "折页", "横幅", "车身"}

// adFee reports whether the window before an amount names a fee for an
// advertisement without saying 广告费: the clause speaks of 广告 and the
// amount follows a 费 within a few runes (支付设计制作费及灯箱租赁费共计
// 壹万贰仟元; 该广告……支付的屏幕制作费二千八百元). Officers write the
// 广告费用 of 广告法 as what was paid for making and showing the ad.
//
// The ad is often named by its carrier alone (传单由该学校制作发放，印制费用
// 一千五百元; 海报系当事人自行设计制作，制作费用八百元).
func adFee(w string) bool {
	if adMakerPaid(w) {
		return true
	}
	k := strings.LastIndex(w, "费")
	if k < 0 || !containsAny(w[:k], adCarriers...) {
		return false
	}
	// 印制费用共计人民币叁仟元: 费用, a total word and the currency may
	// stand between the fee and its amount.
	tail := strings.TrimPrefix(w[k+len("费"):], "用")
	for _, t := range totalCues {
		tail = strings.Replace(tail, t, "", 1)
	}
	tail = strings.Replace(tail, "人民币", "", 1)
	tail = strings.TrimLeft(tail, "为是约：:")
	return utf8.RuneCountInString(tail) <= 1
}

// adMakers are the payees whose takings are an ad's cost: what the party
// paid the agency that made or showed it (一共付给广告公司四千五百元).
var adMakers = [...]string{"付给广告公司", "支付给广告公司", "付广告公司", "支付广告公司", "交给广告公司", "给了广告公司",
	"付给传媒公司", "支付给传媒公司", "付给文化传媒公司", "支付给文化传媒公司", "付给广告制作", "支付给广告制作"}

// adMakerPaid reports whether the window before an amount ends in a payment
// to an ad maker (adMakers): a total word and the currency may stand
// between (付给广告公司共计人民币3000元).
func adMakerPaid(w string) bool {
	k, n := -1, 0
	for _, m := range adMakers {
		if i := strings.LastIndex(w, m); i > k {
			k, n = i, len(m)
		}
	}
	if k < 0 {
		return false
	}
	tail := w[k+n:]
	for _, t := range totalCues {
		tail = strings.Replace(tail, t, "", 1)
	}
	tail = strings.Replace(tail, "人民币", "", 1)
	tail = strings.TrimLeft(tail, "为是约：:了")
	return utf8.RuneCountInString(tail) <= 1
}

// totals gives one Total per role that has a role: the last explicit total,
// else the sum of items. openTakings: the text says the takings of the run
// are still open (takingsUnknown).
func totals(as []Amount, openTakings bool) []Total {
	var out []Total
	idx := map[string]int{}
	whole := map[string]bool{} // roles with an amount not per unit
	named := false             // a 违法所得 named by its word, not by a price
	for _, a := range as {
		if !a.Rate && !a.Bound {
			whole[a.Role] = true
		}
		if a.Role == RoleIllegalGains && !a.Price && !a.Bound {
			named = true
		}
	}
	for _, a := range as {
		if a.Role == "" || a.Bound || (a.Rate && whole[a.Role]) {
			continue
		}
		if a.Price && a.Role == RoleIllegalGains && named {
			// The price a conveyance of land brought in, beside the gains
			// the text names: the named figure is the gains, the price
			// holds them.
			continue
		}
		if a.Rate && openTakings && (a.Role == RoleFares || a.Role == RoleIllegalGains) {
			// A fare or a gain per unit (每人收取车费35元) where the text
			// says the run's takings are still open (此前的收入无法核实) is
			// no takings in all: faresTimesCount multiplies it by a count
			// the text names as the whole, and without one every bracket
			// of the fine stays open.
			continue
		}
		i, ok := idx[a.Role]
		if ok && (a.Part || a.Confiscated && out[i].Value == a.Value) {
			continue
		}
		if !ok {
			idx[a.Role] = len(out)
			out = append(out, Total{Role: a.Role, Value: a.Value, Explicit: a.Total})
			continue
		}
		t := &out[i]
		switch {
		case a.Total:
			t.Value, t.Explicit = a.Value, true
		case !t.Explicit:
			t.Value += a.Value
		}
	}
	return out
}

func quantity(s string, m []int) (Quantity, bool) {
	num, unit := s[m[2]:m[3]], s[m[4]:m[5]]
	before := s[:m[0]]
	prev, _ := utf8.DecodeLastRuneInString(before)
	after := s[m[1]:]
	switch {
	case prev == '第':
		return Quantity{}, false // 第二次 is an ordinal
	case !startsNumber(num):
		return Quantity{}, false
	case (unit == "人" || unit == "名") && (prev == '另' || prev == '每' || prev == '单'):
		return Quantity{}, false // 另一人, 每人: not a head count
	case (unit == "日") && (prev == '月' || prev == '号'):
		return Quantity{}, false
	case (unit == "日" || unit == "天" || unit == "个月") && (strings.HasPrefix(after, "内") || strings.HasPrefix(after, "以内")):
		return Quantity{}, false // a deadline the agency sets, not a duration of the act
	}
	v, err := ParseChineseDecimal(strings.ReplaceAll(num, ",", ""))
	if err != nil {
		return Quantity{}, false
	}
	if strings.EqualFold(unit, "mg/100ml") || unit == "毫克/百毫升" {
		unit = "毫克/100毫升"
	}
	if strings.EqualFold(unit, "mg/ml") || unit == "毫克/毫升" {
		// A drug's strength (注射液10mg/ml) is no blood alcohol: only a
		// reading the clause says is of 乙醇 or 酒精 counts, in mg/100mL.
		w := before[clauseBefore(s, m[0], isPhraseEnd):]
		if !Contains(w, "乙醇") && !Contains(w, "酒精") {
			return Quantity{}, false
		}
		v, unit = math.Round(v*100*1000)/1000, "毫克/100毫升"
	}
	if unit == "公顷" {
		// Land decisions write hectares too (0.6公顷): read as 亩 (1公顷 =
		// 15亩), the unit the land fines and thresholds are read in.
		v, unit = v*15, "亩"
	}
	q := Quantity{Value: v, Unit: unit}
	w := s[clauseBefore(s, m[0], isPhraseEnd):m[0]]
	if len(w) > 24 {
		w = w[len(w)-24:]
	}
	for _, r := range quantityRoles {
		if Contains(w, r) {
			q.Role = r
		}
	}
	// A count its own outcome follows (1人重伤3人轻伤: the 3 are 轻伤) takes
	// that outcome, not the one before it, which is the last count's.
	for _, r := range quantityRoles[:5] {
		if strings.HasPrefix(s[m[1]:], r) {
			q.Role = r
		}
	}
	if unit == "毫克/100毫升" {
		q.Role = "血液酒精含量"
	}
	return q, true
}

// quantityRoles are the words before a count that say what it counts; the
// first five (outcomes to people) also when right after it.
var quantityRoles = []string{"死亡", "重伤", "轻伤", "受伤", "中毒", "超标", "血液酒精含量"}

// discoveredWords, after 直到 or 直至 and a date, make it the day the act
// came to light: the police found it, or someone told them (直到10月8日甄某
// 到派出所反映; 直至9月2日才被举报).
var discoveredWords = [...]string{"发现", "查明", "查获", "排查", "核查", "报案", "报警", "反映", "举报", "投诉", "控告", "来电", "求助", "派出所", "公安", "民警", "才被"}

// birthListRe is the rest of a list of dates that ends in 出生, from the
// mark after its first date.
var birthListRe = regexp.MustCompile(`^(?:[、和及]\s*[0-9]{4}年[0-9]{1,2}月(?:[0-9]{1,2}[日号])?)+(?:出生|生[)）]|生$)`)

// birthListSpan bounds the text birthListRe reads after a date (a list of
// six full dates and 出生): a list of dates is read once per date, so an
// unbounded one would cost the square of its length.
const birthListSpan = 160

// dateRole reads the role of the date at [a, b) from the words around it.
func dateRole(s string, a, b int) string {
	// 2024年5月3日14时许: the time of day says nothing of the role.
	if m := timeOfDayRe.FindStringIndex(s[b:]); m != nil {
		b += m[1]
	}
	// A register line's fields are set apart by spaces (2025年9月2日 某某到
	// 派出所报案 称2025年1月5日晚被打): a field is a phrase of its own.
	before := s[clauseBefore(s, a, isFieldEnd):a]
	after := s[b:clauseAfter(s, b, isFieldEnd)]
	// A birth date said aloud in a 询问笔录 (我2008年11月生的; 1990年生人)
	// is as much a birth date as 出生: read as the act's, it would date the
	// conduct before the law that punishes it took effect.
	if strings.HasPrefix(after, "出生") || after == "生" || strings.HasPrefix(after, "生)") || strings.HasPrefix(after, "生）") || strings.HasPrefix(after, "生的") || strings.HasPrefix(after, "生人") || containsAny(lastRunes(before, 6), "出生于", "出生日期", "出生年月") || bornOn(before) {
		return DateBirth
	}
	// A list of birth dates (2011年3月、2010年10月出生) says 出生 once, after
	// its last: each date of it is one; else the first would lend its year
	// to a yearless date of the case (8月12日 read as 2010).
	if strings.HasPrefix(s[b:], "、") && birthListRe.MatchString(s[b:min(len(s), b+birthListSpan)]) {
		return DateBirth
	}
	// 直到2025年8月10日民警排查时查明: the day the act came to light, not its end.
	if (strings.HasSuffix(before, "直到") || strings.HasSuffix(before, "直至")) && containsAny(after, discoveredWords[:]...) {
		return DateDiscovery
	}
	if strings.HasSuffix(before, "至") || strings.HasSuffix(before, "到") || strings.HasPrefix(after, "止") || strings.HasSuffix(before, "至同年") || strings.HasSuffix(before, "至当年") {
		return DateActEnd
	}
	if strings.HasPrefix(after, "至") || strings.HasPrefix(after, "起") || strings.HasSuffix(before, "自") || strings.HasSuffix(before, "从") {
		return DateAct
	}
	// 报案称2025年10月2日……被打: the day the caller says it happened is
	// the act's, whatever the record's words of the report around it.
	if reportedAs(before) {
		return DateAct
	}
	// 报案人向某称其电动车坐垫于2026年2月中旬被邻居划破: the date inside
	// what the caller said, with the thing told between 称 and the date.
	if reportedWithin(before) && !containsUnnegated(after, discoveryDateWords[:]...) {
		return DateAct
	}
	// 民警核查监控时发现2026年3月15日晚某某在……拿走: a date that opens what
	// was found is the day of the act found, not of the finding (which, when
	// written, stands before the verb: 于5月2日检查发现).
	if foundAs(before) {
		return DateAct
	}
	// 经查，甘某于2025年6月12日因殴打他人被某公安局处以行政拘留七日: an
	// earlier penalty the officers found, told without 曾 (priorPenaltyDate),
	// is neither the act nor its discovery.
	// So is one told without 经查 when the text dates something later (the
	// act found now: 2026年5月3日，赵某…。赵某于2025年8月因寻衅滋事被处以…).
	if strings.HasSuffix(before, "于") && priorAfterRe.MatchString(after) && (containsAny(s[clauseBefore(s, a, isClauseEnd):a], priorFoundWords[:]...) || laterDateTold(s, a)) {
		return ""
	}
	phrase := before + after
	if strings.TrimSpace(phrase) == "" {
		// "2023年3月1日，执法人员检查发现…": the date stands alone, so read the
		// next clause.
		if e := clauseAfter(s, b, isClauseEnd); e > b {
			phrase = s[b:e]
			// A later date of the same sentence tells its own event
			// (2026年7月6日，执法人员巡查发现…，本案于2026年9月作出处罚决定): the words
			// from it on are that date's, not this one's.
			if n := nextDateStart(phrase); n > 0 {
				phrase = phrase[:n]
			}
		}
	}
	if role, ok := phraseRole(phrase, before, after); ok {
		return role
	}
	// A register field that opens with the date and tells an act in words
	// no list above knows (2019年5月企业所得税汇算清缴时虚列成本 … 本次检查发现)
	// is that act's day; the discovery stands in a later field.
	if strings.TrimSpace(before) == "" && utf8.RuneCountInString(after) >= 6 && endsAtSpace(s, b+len(after)) {
		return DateAct
	}
	// A field that says nothing of the date reads on to the phrase's end
	// (2025-08-14 城东 某某店 …立案).
	wide := s[b:clauseAfter(s, b, isPhraseEnd)]
	if len(wide) > len(after) {
		role, _ := phraseRole(before+wide, before, wide)
		return role
	}
	return ""
}

// bornOn reports whether the words before a date end with 生于 of a birth
// (张某，生于1990年): not the 生于 that ends another word, a caller's title
// (投诉人赵先生于2026年4月来电) or what happened (事故发生于, 产生于).
func bornOn(before string) bool {
	b := strings.TrimRight(before, " ：:")
	if !strings.HasSuffix(b, "生于") {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSuffix(b, "生于"))
	return !strings.ContainsRune("先医学考门发产派衍滋", r)
}

// nextDateStart returns where the first date of s begins (2026年9月,
// 9月3日, 2026-09-03), or -1.
func nextDateStart(s string) int {
	first := -1
	for _, re := range [...]GuardedRegexp{monthRe, yearlessRe, dateRes[1]} {
		if m := re.FindStringIndex(s); m != nil && (first < 0 || m[0] < first) {
			first = m[0]
		}
	}
	return first
}

// phraseRole reads a date's role from the words of its phrase; false when
// they say nothing of it.
func phraseRole(phrase, before, after string) (string, bool) {
	switch {
	case containsAny(phrase, "作出", "决定书", "处罚决定"):
		return DateDecision, true
	case priorPenaltyDate(before, after):
		// 曾于2025年10月因盗窃被处以行政拘留: the day of an earlier
		// penalty, neither the act nor its discovery.
		return "", true
	case stoppedAtRecheck(phrase):
		// 8月30日复查时已停止排放: the day a recheck found the act ended,
		// neither the act nor its discovery.
		return "", true
	case Contains(before, "当事人"):
		// 检查发现当事人于…销售: the date belongs to the party's act.
		return DateAct, true
	case containsUnnegated(phrase, discoveryDateWords[:]...):
		return DateDiscovery, true
	case endedOn(phrase):
		// 2023年11月已整体拆除: the day the act ended.
		return DateActEnd, true
	case containsAny(phrase, "期间", "违法", "销售", "生产", "经营", "排放", "驾驶", "拖欠", "起",
		"盗窃", "殴打", "打伤", "斗殴", "实施", "擅自", "搭建", "建设", "施工", "倾倒", "堆放", "运输", "储存", "燃放", "招用", "发布", "购进", "占用", "开采", "焚烧", "处置",
		// what a market party does on the day (acc18market): a rumour spread
		// (于2025年9月8日在点评群中散布…), a bribe paid, a false claim made,
		// goods hoarded — the decision names the act, not a discovery. Not
		// 转账: in a fraud it is the victim's payment (让被害人向其转账).
		"散布", "编造", "捏造", "传播", "宣称", "贿赂", "行贿", "刷单", "囤积", "哄抬", "张贴", "投放", "播放", "推送"):
		return DateAct, true
	}
	return "", false
}

// stoppedAtRecheck reports whether a date's phrase tells a later visit
// (复查, 回访) that found the act ended (已停止排放, 未再施工, 暗管已封堵),
// with nothing of it going on (仍, 又, 继续).
func stoppedAtRecheck(phrase string) bool {
	return containsAny(phrase, "复查", "复检", "回访") &&
		containsAny(phrase, "已停止", "已经停止", "已停产", "未再", "没有再", "已封堵", "已拆除", "已关闭", "已整改", "已改正", "已清理") &&
		!containsAny(phrase, "仍", "又", "继续", "再次")
}

// discoveryDateWords make a date the day the act came to light.
var discoveryDateWords = [...]string{"检查", "发现", "举报", "投诉", "反映", "来电", "立案", "查获", "抽检", "巡查", "接报", "报警", "接警", "报案", "核查", "清查", "排查", "时查明",
	// the police register a reported case as 受案 (受案登记, 受案时间)
	"受案"}

// isFieldEnd is isPhraseEnd with spaces: the fields of a register line
// (2025-09-10 某某派出所 核查旧监控发现 2025年2月3日 蒯某偷拿洗发水).
func isFieldEnd(r rune) bool {
	return isPhraseEnd(r) || r == ' ' || r == '\u3000' || r == '\t'
}

// containsUnnegated reports whether s contains one of subs that no
// negation denies (Negated: 此前无人报案, 未被发现, 当时未报警).
func containsUnnegated(s string, subs ...string) bool {
	for _, x := range subs {
		for from := 0; ; {
			i := Index(s[from:], x)
			if i < 0 {
				break
			}
			i += from
			if !Negated(s, i) {
				return true
			}
			from = i + len(x)
		}
	}
	return false
}

// priorPenaltyDate reports whether the date between before and after is
// that of an earlier penalty: 曾于…因盗窃被处以行政拘留, 曾在…被罚款.
func priorPenaltyDate(before, after string) bool {
	// 曾 told after the date (该超市2023年8月曾因…被罚款) as before it.
	if !strings.HasSuffix(before, "曾于") && !strings.HasSuffix(before, "曾在") && !strings.HasSuffix(before, "曾") && !strings.HasPrefix(after, "曾因") && !strings.HasPrefix(after, "曾被") {
		return false
	}
	return containsAny(after, "处以", "处罚", "罚款", "拘留", "警告", "被罚")
}

// reportedAs reports whether before, the words up to a date, ends with
// what a caller or complainant says (报案称, 报警人称其于, 反映称在): the
// date is then of the act told. 名称, 简称, 职称 and the like are names.
// reportedWithin reports whether before holds a 称 (not 名称, 简称 …)
// that opens the words the date stands in: a caller's account with its
// subject told first (称其停放在小区的电动车坐垫于). Words of a report or a
// discovery after the 称 end the account.
func reportedWithin(before string) bool {
	k := strings.LastIndex(before, "称")
	if k <= 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(before[:k])
	if strings.ContainsRune("名简职昵俗尊号统总爱堪对宣", r) {
		return false
	}
	told := before[k+len("称"):]
	return utf8.RuneCountInString(told) <= 30 && !containsAny(told, discoveredWords[:]...) && !containsAny(told, discoveryDateWords[:]...)
}

// endsAtSpace reports whether the field that ends at e in s ends at a
// space, as a register line's fields do.
func endsAtSpace(s string, e int) bool {
	if e >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[e:])
	return r == ' ' || r == '\u3000' || r == '\t'
}

func reportedAs(before string) bool {
	b := strings.TrimRight(before, " ")
	for _, w := range []string{"在", "于", "其", "自己"} {
		b = strings.TrimSuffix(b, w)
	}
	b = strings.TrimRight(b, " ：:")
	// 接匿名举报，反映2023年11月5日前后某某焚烧秸秆: what the report tells
	// opens with the date, as after 称.
	if strings.HasSuffix(b, "反映") {
		return true
	}
	if !strings.HasSuffix(b, "称") {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSuffix(b, "称"))
	return !strings.ContainsRune("名简职昵俗尊号统总爱堪对宣", r)
}

// foundAs reports whether the words before a date end with a verb of
// finding whose object the date opens (发现2026年3月15日……, 查明：2025年9月
// 1日……); 发现于 dates the finding itself.
func foundAs(before string) bool {
	b := strings.TrimRight(before, " ：:")
	return HasAnySuffix(b, "发现", "查明", "查实", "核实", "看到")
}

// HasAnySuffix reports whether s ends with one of words (a word right
// before a match: a denial, a discovery verb).
func HasAnySuffix(s string, words ...string) bool {
	for _, w := range words {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

// hasAnyPrefix reports whether s begins with one of words.
func hasAnyPrefix(s string, words ...string) bool {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// hasAnySuffix reports whether s ends with one of words.
func hasAnySuffix(s string, words ...string) bool {
	for _, w := range words {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

func containsAny(s string, subs ...string) bool {
	for _, x := range subs {
		if Contains(s, x) {
			return true
		}
	}
	return false
}

// maxAges bounds the ages findAge weighs: a case names a handful of people,
// and each age is weighed against the text around it (whose it is), so a
// hostile text of thousands of ages would cost seconds.
const maxAges = 64

// findAge reads 45岁, 年龄：45, 已满十六周岁, 未满十四周岁. For bounds it takes a
// representative age on the right side: 已满N → N, 未满N → N-1, which is what
// the rules' thresholds (14, 18) test. It masks what it read.
func findAge(s string, masked []byte, span func(int, int) (int, int), others *[]float64) (*float64, int, int) {
	var age *float64
	var st, en int
	haveLower := false
	for _, m := range ageBoundRe.FindAllStringSubmatchIndex(string(masked), maxAges) {
		v, err := ParseChineseInt(s[m[4]:m[5]])
		mask(masked, m[0], m[1])
		if err != nil || v <= 0 || v > 130 || thirdPartyAge(s, m[0], m[1]) {
			continue
		}
		f := float64(v)
		// 年满十六周岁 is 已满 in a record's words.
		if b := s[m[2]:m[3]]; b != "已满" && b != "年满" {
			f--
			if haveLower {
				continue // 已满十四周岁不满十八周岁: keep the lower bound
			}
		} else {
			haveLower = true
		}
		age = &f
		st, en = span(m[0], m[1])
	}
	if age != nil {
		return age, st, en
	}
	for _, m := range ageRe.FindAllStringSubmatchIndex(string(masked), maxAges) {
		g := 2
		if m[2] < 0 {
			g = 4
		}
		v, err := ParseChineseInt(s[m[g]:m[g+1]])
		mask(masked, m[0], m[1])
		if err != nil || v < 0 || v > 130 {
			continue
		}
		if namedOtherInBracket(s, m[0]) && !actorNamed(s, m[0], m[1]) && !childActorAge(s, m[0], m[1]) && !falseCallerAge(s, m[0]) {
			// 与住在隔壁楼的孙大爷（七十二岁）争执, 殴打同村村民柳某（男，六十八岁）:
			// the age in the bracket after a name is of the one named,
			// and the phrase before the name makes them another.
			*others = append(*others, float64(v))
			continue
		}
		if callerHarmedAge(s, m[0], m[1]) {
			// 环卫工老周（六十五岁）报警称……对方下车打了他: the caller is the
			// one struck, and the age is the victim's.
			*others = append(*others, float64(v))
			continue
		}
		if thirdPartyAge(s, m[0], m[1]) {
			if victimOrChild(s, m[0], m[1]) {
				// 把她家13岁的小孩打了两巴掌: the victim's or the child's age,
				// which the statute's elements test as another's.
				*others = append(*others, float64(v))
			}
			continue
		}
		if age != nil {
			continue
		}
		f := float64(v)
		age = &f
		st, en = span(m[0], m[1])
	}
	return age, st, en
}

// partyKind: 个体工商户 wins wherever it appears (a sole trader is both a
// person and a business); otherwise the earliest of a unit cue and a person
// cue (张某，男 / 身份证 / an age), since the party is named first.
func partyKind(s string, span func(int, int) (int, int)) (string, int, int) {
	for _, c := range []string{"个体工商户", "个体户"} {
		if i := Index(s, c); i >= 0 {
			a, b := span(i, i+len(c))
			return "个体工商户", a, b
		}
	}
	u := firstUnit(s)
	p := firstPerson(s)
	if u != nil {
		// Trim the one extra rune the 厂 pattern looks at.
		if e := Index(s[u[0]:u[1]], "厂"); e >= 0 {
			u[1] = u[0] + e + len("厂")
		}
	}
	switch {
	case u != nil && (p == nil || u[0] < p[0]):
		a, b := span(u[0], u[1])
		return "单位", a, b
	case p != nil:
		a, b := span(p[0], p[1])
		return "个人", a, b
	}
	return "", 0, 0
}

// unitWords are unitRe's literal alternatives. No two can begin at one
// place (their second runes differ, or, for 有限责任公司 and 有限公司, their
// third), and none has 厂 for its second rune as the [\p{Han}]厂
// alternative has: the first match of unitRe is the earliest of their
// first occurrences and the first 厂 that alternative accepts.
var unitWords = [...]string{"有限责任公司", "股份有限公司", "有限公司", "公司", "合作社", "当事人单位", "企业", "事业单位"}

// firstUnit is unitRe.FindStringIndex(s) without the expression: it may
// end at the text's end ($), so it ran over the whole text, and its 厂
// alternative opens with a character class, tried at every position.
func firstUnit(s string) []int {
	var m []int
	for _, w := range unitWords {
		// Only an occurrence beginning before the earliest so far counts.
		within := s
		if m != nil {
			within = s[:min(len(s), m[0]+len(w)-1)]
		}
		if k := Index(within, w); k >= 0 {
			m = []int{k, k + len(w)}
		}
	}
	limit := len(s)
	if m != nil {
		limit = m[0] // a 厂 match must begin before it to win
	}
	for off := 0; ; {
		j := Index(s[off:], "厂")
		if j < 0 {
			break
		}
		j += off
		off = j + len("厂")
		r, size := utf8.DecodeLastRuneInString(s[:j])
		if j-size >= limit {
			break
		}
		if size == 0 || !unicode.Is(unicode.Han, r) {
			continue
		}
		if off == len(s) {
			return []int{j - size, off}
		}
		switch next, n := utf8.DecodeRuneInString(s[off:]); next {
		case '房', '区', '长', '内':
		default:
			return []int{j - size, off + n}
		}
	}
	return m
}

// personAtRe is personRe's first alternative anchored at the start: a
// pattern that opens with a character class has no literal to look for,
// and Go's engine tried it at every position of every text.
var personAtRe = regexp.MustCompile(`^[\p{Han}]某[某甲乙丙]?[,，、(（]?\s*(?:男|女)`)

// firstPerson is personRe.FindStringIndex(s): the first alternative is
// tried only where a Han rune precedes 某, left to right, and the earlier
// of its match and 身份证 wins (the two cannot start at one place: the
// first needs 某 as its second rune).
func firstPerson(s string) []int {
	var m []int
	for off := 0; m == nil; {
		j := Index(s[off:], "某")
		if j < 0 {
			break
		}
		j += off
		off = j + len("某")
		if r, size := utf8.DecodeLastRuneInString(s[:j]); size > 0 && unicode.Is(unicode.Han, r) {
			if at := personAtRe.FindStringIndex(s[j-size:]); at != nil {
				m = []int{j - size, j - size + at[1]}
			}
		}
	}
	if id := Index(s, "身份证"); id >= 0 && (m == nil || id < m[0]) {
		return []int{id, id + len("身份证")}
	}
	return m
}

// compiledCircumstances are circumstanceCues compiled once: cues written
// with … (造成…中毒) are matched as Cues.
var compiledCircumstances = func() [][]Cue {
	out := make([][]Cue, len(circumstanceCues))
	for i, f := range circumstanceCues {
		out[i] = NewCues(f.cues)
	}
	return out
}()

// circumstancePhrases indexes what circumstances looks for: each cue as
// written and each … cue's first part.
var circumstancePhrases = func() phraseIndex {
	var all []string
	for k, f := range circumstanceCues {
		for j, c := range f.cues {
			if q := compiledCircumstances[k][j]; len(q.parts) > 1 {
				all = append(all, q.parts[0])
			} else {
				all = append(all, c)
			}
		}
	}
	return newPhraseIndex(all)
}()

// circumstancePhraseIDs are, cue by cue of circumstanceCues, the numbers
// in circumstancePhrases of what a scan finds for it.
var circumstancePhraseIDs = func() [][]int32 {
	out := make([][]int32, len(circumstanceCues))
	for k, f := range circumstanceCues {
		for j, c := range f.cues {
			if q := compiledCircumstances[k][j]; len(q.parts) > 1 {
				c = q.parts[0]
			}
			id, ok := circumstancePhrases.ids[c]
			if !ok {
				id = -1 // an empty cue, never found
			}
			out[k] = append(out[k], id)
		}
	}
	return out
}()

// promisedOrPleaded reports whether the clause before pos makes the
// cooperation cue a promise or a plea (表示一定积极配合, 请领导看我们一直积极配合).
func promisedOrPleaded(s string, pos int) bool {
	lo := clauseBefore(s, pos, func(r rune) bool { return isClauseEnd(r) || r == '，' || r == ',' })
	return containsAny(s[lo:pos], cooperationPromises[:]...)
}

// cooperationPromises, in the clause before 积极配合, make it a promise of
// what the party will do or a plea (请…看在…), not what it did.
var cooperationPromises = [...]string{"一定", "保证", "承诺", "将会", "会积极", "愿意", "请", "希望", "看在"}

// requestedBefore reports whether the clause before pos asks the act of
// the party (要求闹事的顾客庞某（男，1990年出生）配合调查): an order word in
// it, the party's bracketed particulars skipped, and not one done at the
// request (在…要求下).
func requestedBefore(s string, pos int) bool {
	w := s[:pos]
	if k := strings.LastIndexAny(w, "。；;！？!?\n"); k >= 0 {
		w = w[k:]
	}
	// The order and the bracket it skips sit close before the cue: a
	// bounded look-back keeps a long text without sentence marks from
	// costing the whole sentence at every cue (rev26: 5.5 s on 19K runes).
	if len(w) > requestReach {
		i := len(w) - requestReach
		for i < len(w) && !utf8.RuneStart(w[i]) {
			i++
		}
		w = w[i:]
	}
	w = parenRe.ReplaceAllString(w, "")
	if k := strings.LastIndexAny(w, "，,"); k >= 0 {
		w = w[k:]
	}
	for _, o := range [...]string{"要求", "责令"} {
		if i := strings.LastIndex(w, o); i >= 0 && !strings.HasPrefix(w[i+len(o):], "下") {
			return true
		}
	}
	return false
}

// requestReach bounds requestedBefore's look-back in bytes: a clause with a
// bracketed aside of up to 40 runes and the order word before it.
const requestReach = 360

// parenRe is a bracketed aside, as a party's particulars are written.
var parenRe = regexp.MustCompile(`[（(][^（）()]{0,40}[）)]`)

// orderWords before a correction cue make it the agency's order, not the
// party's act (责令其立即改正, 要求当场撤除).
var orderWords = [...]string{"责令", "要求", "限期", "督促", "应当", "应"}

// orderedBefore reports whether an order word stands in the clause before
// pos, within negationReach runes.
func orderedBefore(s string, pos int) bool {
	lo := reachBefore(s, pos)
	w := s[lo:pos]
	for _, o := range orderWords {
		for off := 0; ; {
			i := Index(w[off:], o)
			if i < 0 {
				break
			}
			at := off + i
			off = at + len(o)
			// 在执法人员要求下当场撤除, 督促下已整改: done at the
			// agency's request, so the party's act, not an order; so is
			// what was done as required (按要求补标了全部商品价格).
			if strings.HasPrefix(w[off:], "下") || strings.HasSuffix(w[:at], "按") || strings.HasSuffix(w[:at], "按照") {
				continue
			}
			// 在本局责令限期改正期限内已按规定补设账簿: done within the
			// order's deadline, which is correcting in time (第三十三条).
			if containsAny(w[off:], "期限内", "限期内", "期内") && (Contains(w[off:], "已") || strings.HasPrefix(s[pos:], "已")) {
				continue
			}
			// 接到责令改正通知当日即删除: the order received and then
			// obeyed, which is the party's correction, not the order.
			if hasAnySuffix(w[:at], "接到", "收到", "收悉", "签收") {
				continue
			}
			return true
		}
	}
	return false
}

// firstTimeDoingVerbs follow 初次 / 首次 when the text tells the first time
// the party ran a trade or used a thing (初次经营, 首次从事, 初次接触), which
// says nothing of earlier violations.
var firstTimeDoingVerbs = []string{"经营", "从事", "接触", "开展", "开业", "营业", "进货", "购进", "使用", "做", "涉足", "尝试",
	// the agency's first visit (首次检查发现, 首次巡查时): the inspection's
	// count, not the party's record; 首次被检查发现 keeps its 被 and stays
	"检查", "巡查", "抽查", "排查", "核查", "执法检查", "监督检查", "现场检查"}

// firstTimeDoing reports whether rest, the text after 初次 / 首次, begins
// with a verb of firstTimeDoingVerbs.
func firstTimeDoing(rest string) bool {
	for _, v := range firstTimeDoingVerbs {
		if strings.HasPrefix(rest, v) {
			return true
		}
	}
	return false
}

// orderedInSentence reports whether 责令 stands earlier in the sentence of
// pos (within 40 runes, across commas): a remedy that follows the agency's
// order complies with it. Bounded, literal search.
func orderedInSentence(s string, pos int) bool {
	lo := max(0, pos-40*len("。"))
	start := lo + lastStopOrNewline(s[lo:pos]) + 1
	return Contains(s[start:pos], "责令")
}

// claimWords open the party's own argument in a decision's 陈述申辩 or 听证
// passage (当事人辩称, 当事人提出其系初次违法); rejectWords are the agency's
// answer that the argument fails (不予采纳, 不能成立, 不构成从轻处罚的情形).
// The party's say is also told as what it 称/声称/自称 or 辩解, and the answer
// as a finding against it (该说法不成立, 经查不属实, 与事实不符): 当事人称其
// 逾期期间未产生应纳税款，经查，该说法不成立 finds no harm absent.
var (
	claimWords  = []string{"辩称", "申辩称", "陈述称", "提出", "主张", "请求", "声称", "自称", "辩解", "称其", "称该", "称自己", "称本"}
	rejectWords = []string{"不予采纳", "不予认可", "不予支持", "不能成立", "不予认定", "不成立", "不构成", "不属于法定", "不符合法定",
		"不属实", "与事实不符", "与查明的事实不符", "不予采信"}
)

// rejectedClaim reports whether the circumstance at i is argued by the
// party and rejected by the agency: a claim word before i in its sentence,
// and a reject word after i in the rest of that sentence or the next. What
// the party argued and the agency refused is no circumstance found. Literal
// searches over two sentences, run only where a circumstance cue matched.
func rejectedClaim(s string, i int) bool {
	// Bounded windows (80 runes back, 160 ahead): a text without sentence
	// ends must not make this quadratic. UTF-8 is self-synchronising, so a
	// byte cut mid-rune cannot fake a word.
	lo := max(0, i-80*len("。"))
	start := lo + lastStopOrNewline(s[lo:i]) + 1
	if !containsAny(s[start:i], claimWords...) {
		return false
	}
	return rejectedAhead(s, i)
}

// rejectedAhead reports whether the agency's answer after i, up to the end
// of the next sentence, rejects what is claimed there. A confirmation
// (经复查属实) or another claim (其另称…) ends the search: 称其已当场改正，经复查
// 属实；其另称不知道需要办证，该说法不成立 rejects the second claim, not the
// correction.
func rejectedAhead(s string, i int) bool {
	rest := s[i:min(len(s), i+160*len("。"))]
	end := len(rest)
	if k := strings.IndexAny(rest, "。\n"); k >= 0 {
		_, w := utf8.DecodeRuneInString(rest[k:])
		if j := strings.IndexAny(rest[k+w:], "。\n"); j >= 0 {
			end = k + w + j
		}
	}
	for _, b := range claimBreaks {
		if k := strings.Index(rest[:end], b); k >= 0 {
			end = k
		}
	}
	return containsAny(rest[:end], rejectWords...)
}

// claimBreaks end what one claim's answer can be: the claim confirmed, or
// another claim begun.
var claimBreaks = []string{"经复查属实", "经核实属实", "经查属实", "查证属实", "情况属实", "另称", "又称", "还称"}

// saidFirstTime reports whether a first-violation cue is someone's word
// (称第一次, 说是头一次): the party's own claim, which holds only when no
// one else is the speaker (消费者称第一次在该店购物) and the agency does not
// refute it after (经查不属实).
func saidFirstTime(s, cue string, i int) (said, holds bool) {
	if !strings.Contains(cue, "称") && !strings.Contains(cue, "说是") && !saidJustBefore(s[max(0, i-3*len("称")):i]) {
		return false, true
	}
	lo := max(0, i-12*len("。"))
	for lo < i && !utf8.RuneStart(s[lo]) {
		lo++
	}
	before := s[lo+lastStopOrNewline(s[lo:i])+1 : i]
	if containsAny(before, otherSpeakers...) || rejectedAhead(s, i) {
		return true, false
	}
	return true, true
}

// saidJustBefore reports whether the words just before a cue make it
// someone's word (称是第一次被查: 称是 before 第一次被查).
func saidJustBefore(w string) bool {
	for _, e := range []string{"称", "称是", "称这是", "称系", "说是", "说这是"} {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// askedWhether reports whether a 没有 cue is the second half of a question's
// 有没有 (问：有没有商家投诉？答：有，十几家。): a 询问笔录 asks it, and the
// answer, not the question, says whether there was any.
func askedWhether(s string, i int, c string) bool {
	if !strings.HasPrefix(c, "没有") || !strings.HasSuffix(s[:i], "有") {
		return false
	}
	// 所有没有…, 具有没有… are no question: the 有 ends another word.
	return !hasAnySuffix(s[:i], "所有", "具有", "拥有", "享有", "持有", "占有", "含有", "没有")
}

// informants tell an agency what it did not know, as a party's confession
// does: a note that it was not known after their words is no 主动供述.
var informants = [...]string{"举报", "投诉", "反映", "检举", "群众", "市民", "知情人", "线人", "协查"}

var (
	// priorFoundWords open what the officers found of the party's past
	// (另查明, 经查询): a penalty dated there is an earlier one.
	priorFoundWords = [...]string{"另查明", "经查", "查询", "核查", "核实"}
	// priorAfterRe is a penalty's cause and its 被…处以 right after its date.
	priorAfterRe = regexp.MustCompile(`^[^,，。;；]{0,12}?因[^,，。;；]{1,40}?被[^,，。;；0-9]{0,15}?(?:处以|处罚|罚款|拘留|警告)`)
	// priorFoundRe is the same told whole, with the year: 另查明，曹某于2025年8月因…被…处以.
	// Guarded by its openings' words (另查明, 经查…, 经核…), one of which
	// every match begins with.
	priorFoundRe = Guard(`(?:另查明|经查|经查询|经核查|经核实)[,，:：]?[^,，。;；]{0,12}?于((?:19|20)[0-9]{2})年[^,，。;；]{0,12}?因[^,，。;；]{1,40}?被[^,，。;；0-9]{0,15}?(?:处以|处罚|罚款|拘留|警告)`, "查明", "经查", "经核")
	// yearRe is guarded by 年: it has no literal prefix.
	yearRe = Guard(`((?:19|20)[0-9]{2})年`, "年")
	// priorOpeningRe is the same told as a sentence of its own that opens with
	// the date, the party named after it (2025年10月20日，蒋某因参与赌博被本局
	// 处以行政拘留三日): a 决定书's paragraph of the party's record.
	priorOpeningRe = Guard(`(?:^|[。；;\n])((?:19|20)[0-9]{2})年[0-9]{1,2}月(?:[0-9]{1,2}日)?[,，]?([^,，。;；]{0,10}?)因[^,，。;；]{1,40}?被[^,，。;；0-9]{0,15}?(?:处以|处罚|罚款|拘留|警告)`, "处以", "处罚", "罚款", "拘留", "警告")
)

// foundPriors reads earlier penalties the officers found and told without
// 曾 (经查，甘某于2025年6月12日因殴打他人被…处以行政拘留七日): one counts only
// when a later year is told in the text, the present act's, so that a
// register line of the present case's own penalty (经查，张某于2026年3月因…被处以
// 罚款) is none.
func foundPriors(s string, span func(int, int) (int, int)) []Circumstance {
	ms := priorFoundRe.FindAllStringSubmatchIndex(s, -1)
	opening := priorOpeningRe.FindAllStringSubmatchIndex(s, -1)
	if len(ms) == 0 && len(opening) == 0 {
		// the year scan only where a penalty is told, as most texts tell none
		return nil
	}
	latest := ""
	for _, m := range yearRe.FindAllStringSubmatch(s, -1) {
		latest = max(latest, m[1])
	}
	var out []Circumstance
	for _, m := range ms {
		// whose penalty is told before 于 (经查，供货商于…); the cause after it
		// may name 他人 (因殴打他人被…).
		if s[m[2]:m[3]] >= latest || containsAny(s[m[0]:m[2]], otherParty[:]...) || containsAny(s[m[0]:m[1]], thisCase[:]...) || Negated(s, m[0]) {
			continue
		}
		a, b := span(m[0], m[1])
		out = append(out, Circumstance{Name: CircPriorPenalties, Count: 1, Start: a, End: b})
	}
	for _, m := range opening {
		// the one named after the date is another (2025年3月，供货商因…被…处罚).
		if s[m[2]:m[3]] >= latest || containsAny(s[m[4]:m[5]], otherParty[:]...) || containsAny(s[m[0]:m[1]], thisCase[:]...) || Negated(s, m[2]) {
			continue
		}
		a, b := span(m[2], m[1])
		out = append(out, Circumstance{Name: CircPriorPenalties, Count: 1, Start: a, End: b})
	}
	return out
}

// askedAbout reports whether the cue at [i, e) is what a yes/no question
// asks (问：当时有没有消费者出现身体不适？ 有无人员受伤？): the 没有 of 有没有
// and the 无 of 有无 ask, they deny nothing, and the answer, not the
// question, tells whether it happened. The question ends at a ? in the
// cue's clause; a statement that goes on after the cue (有没有…都要登记) is
// no question.
func askedAbout(s string, i, e int) bool {
	lo := clauseBefore(s, i, isClauseEnd)
	if !containsAny(s[lo:i], "有没有", "有无") {
		return false
	}
	hi := clauseAfter(s, e, isClauseEnd)
	return hi < len(s) && (s[hi] == '?' || strings.HasPrefix(s[hi:], "？"))
}

// partyTelling are the verbs of a party's telling the agency what it did
// not know (当事人交代其另有仓库, 讲了另一批货的事).
// 主动 alone is no telling (主动配合调查).
var partyTelling = [...]string{"交代", "供述", "坦白", "说明", "承认", "反映", "讲了", "讲出", "讲述", "说出", "告知", "提到", "透露", "陈述", "自述",
	"主动说", "主动讲", "主动告诉", "主动提"}

// admissions are tellings that may only own up to what the officers
// already found (查获香烟20条，当事人承认系其所有).
var admissions = [...]string{"承认", "说明", "陈述", "认可"}

// officerFinders name the officers as the ones who found a thing.
var officerFinders = [...]string{"执法人员", "检查人员", "民警", "本局", "我局", "执法机关", "检查时", "检查中", "现场检查"}

// toldByParty reports whether a note that the agency did not know the thing
// (此前执法机关未掌握) at pos follows the party's own telling: in its
// sentence, or, when the sentence tells no find by the officers (执法人员调取
// 收银记录核实：…，该情况此前执法机关未掌握), anywhere before it (a record's
// answer 我主动说一下，上个月…).
func toldByParty(s string, pos int) bool {
	lo := clauseBefore(s, pos, isClauseEnd)
	if tellingIn(s, lo, pos) {
		return true
	}
	return !foundByOfficers(s[lo:pos]) && tellingIn(s, 0, lo)
}

// tellingIn reports whether s[lo:pos] holds the party's telling: a telling
// verb not negated (无法作出说明), not an informant's or an officer's, and,
// when it only owns up (承认, 说明), not after the officers found the thing
// themselves in its sentence.
func tellingIn(s string, lo, pos int) bool {
	for _, v := range partyTelling {
		for off := lo; off < pos; {
			k := Index(s[off:pos], v)
			if k < 0 {
				break
			}
			at := off + k
			off = at + len(v)
			ph := s[clauseBefore(s, at, isPhraseEnd):at]
			if Negated(s, at) || hasAnySuffix(trimFillers(ph), "无法作出", "不能作出", "未作出", "没有作出", "无法", "不能", "拒不", "拒绝") {
				continue
			}
			if containsAny(ph, informants[:]...) || containsAny(ph, officerFinders[:]...) {
				continue
			}
			if slices.Contains(admissions[:], v) && !strings.HasSuffix(ph, "主动") && foundByOfficers(s[clauseBefore(s, at, isClauseEnd):at]) {
				continue
			}
			return true
		}
	}
	return false
}

// foundByOfficers reports whether w tells a find by the officers (执法人员
// 在其车内查获…, 检查时发现…).
func foundByOfficers(w string) bool {
	for _, f := range []string{"发现", "查获", "查出", "查到", "查扣"} {
		if k := Index(w, f); k >= 0 && containsAny(w[:k], officerFinders[:]...) {
			return true
		}
	}
	return false
}

// continuationCues are the continuing act's cues without a negation of their
// own (继续施工), which a negation before them denies (未继续施工).
var continuationCues = [...]string{"仍在施工", "继续施工", "仍在建设"}

// ownNegationCue reports whether a continuing cue carries its own negation
// (仍未停止, 至今未拆除, 拒不停工): a negation before it is part of the cue's
// sense. The others (正在排放, 仍在经营, 复查时仍) are denied by one before
// them (现场未发现正在排放, 复查时没有仍在经营的情况).
func ownNegationCue(c string) bool {
	return containsAny(c, "未", "不", "没", "无")
}

// othersFirefighting reports whether a firefighting cue at [i, e) tells
// no lessening of the harm by the party: another fought the fire (邻居发现后
// 立即用灭火器将火扑灭, 报警后由消防员扑灭), or the attempt failed (当即用灭火器
// 扑救未果, 尝试用水扑救未能扑灭).
func othersFirefighting(s, cue string, i, e int) bool {
	if !Contains(cue, "灭火器") && !Contains(cue, "扑") && !Contains(cue, "浇灭") {
		return false
	}
	if containsAny(s[clauseBefore(s, i, isClauseEnd):i], fireFighters[:]...) || containsAny(s[i:e], fireCrews[:]...) {
		return true
	}
	// the failure told after the cue (自行扑救未能扑灭) or as the last part's
	// own negation (自己尝试用水扑救未能扑灭)
	if hasAnyPrefix(s[e:], "未能", "没能", "未扑灭", "没有扑灭", "无法扑灭", "不能扑灭") || containsAny(s[e:clauseAfter(s, e, isClauseEnd)], "未果", "无果") {
		return true
	}
	last := s[i:e]
	for _, end := range []string{"扑灭", "浇灭"} {
		if strings.HasSuffix(last, end) {
			return hasAnySuffix(last[:len(last)-len(end)], "未能", "没能", "未", "没有", "没", "无法", "不能")
		}
	}
	return false
}

// fireCrews are those who put out a fire told between a cue's parts (自行
// 报警后由消防员扑灭); 消防 alone is also the party's means (自行用消防水带扑灭).
var fireCrews = [...]string{"消防员", "消防队", "消防救援", "消防人员", "救援人员", "邻居", "路人", "民警", "群众"}

// othersCleanUp reports whether a hired clean-up cue at i (请第三方…清理,
// 找专业公司…清除) tells no lessening of the harm by the party: another
// hired it (街道办事处随即请第三方保洁公司将路面清理干净), or it is what the
// agency asked for (执法人员要求其找专业公司清理干净，当事人至今未处理), as
// the fire cues' othersFirefighting keeps out another's firefighting.
func othersCleanUp(s, cue string, i int) bool {
	if !hasAnyPrefix(cue, "请", "找", "委托", "自带", "自己") && !(hasAnyPrefix(cue, "当场", "当即") && Contains(cue, "封堵")) {
		return false
	}
	return containsAny(s[clauseBefore(s, i, isPhraseEnd):i], cleanUpHirers[:]...) || demandedInSentence(s, i) || orderedInSentence(s, i)
}

// pricedOrOthersDig reports whether a dig-out cue at [i, e) (受污染土壤清挖,
// 被污染的…挖) tells no lessening of the harm by the party: the digging is
// an item of a cost assessed or to be paid (连同被污染的土壤一并清挖，所需
// 处置费用经评估为12万元; 需将受污染土壤清挖外运，预计费用…), or another had
// it done (镇政府组织人员将污染土壤清挖外运). The party's own dig told as done
// (已自行将被污染的泥土挖出) stands, whatever it cost.
func pricedOrOthersDig(s, cue string, i, e int) bool {
	if !strings.Contains(cue, "挖") {
		return false
	}
	before := s[clauseBefore(s, i, isPhraseEnd):i]
	if containsAny(before, cleanUpHirers[:]...) || containsAny(before, "需将", "需要将", "拟将", "应将") {
		return true
	}
	if containsAny(before+s[i:e], "已", "自行", "主动", "自己", "立即", "当即", "随即", "当天", "当日") {
		return false
	}
	after := s[e:clauseAfter(s, e, isClauseEnd)]
	return strings.Contains(after, "费用") && containsAny(after, "评估", "测算", "估算", "核算", "预算", "预计", "所需")
}

// investigationVerbs, after 一直未, tell the agency's search, not the act
// (一直未查明责任人, 一直未找到肇事车辆).
var investigationVerbs = [...]string{"查明", "查清", "查到", "查获", "找到", "发现", "破案", "查出", "锁定", "确定"}

// repairersOther are those who mend or clean what the party left, when
// named as doing it (由养护站自行修复, 由环卫部门清理): the party lessened
// nothing.
var repairersOther = [...]string{"养护", "路政", "公路管理", "保洁", "环卫", "街道", "社区", "物业", "村委", "居委", "政府", "管委会", "本局", "我局", "部门"}

// doneByOther reports whether the clause before i names another as the one
// who did what the cue at i tells (受损护栏由养护站当时自行修复): a 由 and,
// after it, one of repairersOther. 由当事人自行修复 is the party's own.
func doneByOther(s string, i int) bool {
	before := s[clauseBefore(s, i, isPhraseEnd):i]
	k := strings.LastIndex(before, "由")
	if k < 0 {
		return false
	}
	by := before[k+len("由"):]
	return !containsAny(by, "当事人", "其", "该公司", "本人", "自己") && containsAny(by, repairersOther[:]...)
}

// cleanUpHirers are others who have a party's mess cleaned up.
var cleanUpHirers = [...]string{"街道", "办事处", "政府", "居委会", "村委会", "社区", "城管", "环卫", "执法", "管委会", "物业", "管理处", "本局", "我局", "民警", "派出所", "部门"}

// fireFighters are others who put out a fire the party set.
var fireFighters = [...]string{"邻居", "路人", "群众", "居民", "村民", "保安", "消防", "民警", "物业", "工作人员", "过路"}

// otherSpeakers say things in a case that are not the party's own word.
var otherSpeakers = []string{"消费者", "顾客", "投诉人", "举报人", "群众", "市民", "居民", "乘客", "患者", "住户", "业主", "受害人", "被害人", "证人", "员工", "工人", "职工"}

// askedNoPriorRe is a question about earlier penalties or records and the
// answer no to it, in the normalised text (half-width ? and :). Guarded by
// 答:, which every match holds: the expression has no literal prefix and
// was tried at every position of every text (1 % of /v1/analyze's CPU).
var askedNoPriorRe = Guard(`(?:处罚过|罚过|违法记录)[吗呢]?\?\s*答:\s*(?:没有|没|从来没|从没|从未|无|一次都没)`, "答:")

func circumstances(s string, span func(int, int) (int, int)) []Circumstance {
	var out []Circumstance
	// Starts and ends already claimed by a longer cue of the same meaning
	// (逾期未改正 contains 未改正; 主动消除或者减轻 starts with 主动消除).
	type claim struct {
		name string
		at   int
	}
	starts, ends := map[claim]bool{}, map[claim]bool{}
	// A cue (or a … cue's first part) the text does not contain is
	// skipped: one pass over the text instead of a search per cue.
	present := make([]int32, len(circumstancePhrases.list))
	circumstancePhrases.scan(s, make([]uint64, (len(present)+63)/64), present)
	for k, f := range circumstanceCues {
		for j, c := range f.cues {
			id := circumstancePhraseIDs[k][j]
			if id < 0 || present[id] == 0 {
				continue
			}
			at := int(present[id]) - 1
			if q := compiledCircumstances[k][j]; len(q.parts) > 1 {
				if i, e, ok := q.locateAt(s, at); ok {
					if askedWhether(s, i, c) || askedAbout(s, i, e) {
						continue
					}
					// 当事人辩称其行为符合首违不罚清单: the party's say, not the
					// agency's finding that its list applies.
					if f.name == CircDeclined && strings.Contains(c, "清单") && claimedBefore(s, i) {
						continue
					}
					// 责令其当日…整改 is the order, as for a one-part cue.
					if f.name == CircCorrectedInTime && !f.negates && orderedBefore(s, i) {
						continue
					}
					// 经告知后，该男子不予理睬，骑车离开: a cue whose parts a
					// refusal or a carrying on stands between tells no
					// correction (the leaving is the party's going on).
					if f.name == CircCorrectedInTime && !f.negates && containsAny(s[i:e], defianceWords[:]...) {
						continue
					}
					// 现场无任何警示标志，经查询，其有违法记录: a 无任何 of another
					// thing; the record's field stands inside one phrase
					// (无任何食品安全违法记录).
					if f.name == CircFirstViolation && (strings.Contains(c, "任何") || strings.HasPrefix(c, "从未有过") || strings.HasPrefix(c, "从来没有过")) && containsAny(s[i:e], "，", "。", "；", ",", ";") {
						// 从未有过纳税申报，经查询其有3条税收违法记录: the same, for 从未有过.
						continue
					}
					// 未有效处理消费者投诉, 没有向…报告，直到…投诉: a 未有/没有 of
					// another thing; the complaints not had stand in one clause.
					if (c == "未有…投诉" || c == "没有…投诉") &&
						(containsAny(s[i:e], "，", "。", "；", ",", ";") || strings.HasPrefix(s[i+len("未有"):], "效")) {
						continue
					}
					// 未造成严重危害后果 says the harm was not serious, not that
					// there was none.
					if f.name == CircNoHarm && containsAny(s[i:e], "严重", "重大", "较大") {
						continue
					}
					// 手工监测结果未达标 says the discharge was over the limit.
					if f.name == CircNoHarm && containsAny(s[i:e], "未达标", "不达标", "没有达标", "无法达标") {
						continue
					}
					// 手工监测显示化学需氧量超标2倍，整改后复测达标: the
					// discharge went out over the limit; the later 达标 is
					// after the fact.
					if f.name == CircNoHarm && strings.Contains(c, "监测") && overLimitIn(s[i:e]) {
						continue
					}
					if f.name == CircNoHarm && observedNoHarmAgainst(s, c, i) {
						continue
					}
					if !f.negates && rejectedClaim(s, i) {
						continue
					}
					if f.name == CircSelfRemovedHarm && (othersFirefighting(s, c, i, e) || othersCleanUp(s, c, i) || pricedOrOthersDig(s, c, i, e) || doneByOther(s, i)) {
						continue
					}
					a, b := span(i, e)
					out = append(out, Circumstance{Name: f.name, Negated: f.negates, Start: a, End: b})
				}
				continue
			}
			for off := at; off < len(s); {
				i := Index(s[off:], c)
				if i < 0 {
					break
				}
				i += off
				off = i + len(c)
				if starts[claim{f.name, i}] || ends[claim{f.name, i + len(c)}] {
					continue
				}
				starts[claim{f.name, i}], ends[claim{f.name, i + len(c)}] = true, true
				if askedWhether(s, i, c) || askedAbout(s, i, i+len(c)) {
					continue
				}
				if f.name == CircCorrectedInTime && !f.negates && orderedBefore(s, i) {
					continue
				}
				// 民警要求其配合调查: the request, not the party's cooperation,
				// which the text often goes on to deny (庞某拒不配合).
				if f.name == CircCooperated && requestedBefore(s, i) {
					continue
				}
				// 表示一定积极配合调查, 请领导看我们一直积极配合从轻处理: a
				// promise or a plea for leniency, not cooperation shown.
				if f.name == CircCooperated && promisedOrPleaded(s, i) {
					continue
				}
				// 举报人反映其另有仓库，该情况此前执法机关未掌握: told by an
				// informant, not confessed by the party.
				// 你们没查到就别乱说 is a denial: the party's telling ends its
				// clause there (你们没查到，是我们盘点时自己发现的).
				if f.name == CircConfessed && strings.Contains(c, "查到") && !hasAnyPrefix(s[i+len(c):], "，", "。", ",", "；", ";", "！", "!") {
					continue
				}
				if f.name == CircConfessed && containsAny(c, "查这个", "问这个") && !confessedAside(s, i, c) {
					continue
				}
				if f.name == CircConfessed && containsAny(c, "掌握", "查到", "这个") && containsAny(s[clauseBefore(s, i, isClauseEnd):i], informants[:]...) {
					continue
				}
				// 执法人员检查时发现另存有白酒30箱，该情况此前执法机关未掌握，
				// 当事人对此无法作出说明: the note tells what the officers
				// found, and no telling by the party stands before it (rev28).
				if f.name == CircConfessed && strings.Contains(c, "掌握") && !strings.HasPrefix(c, "主动") && !toldByParty(s, i) {
					continue
				}
				if f.name == CircCoerced && c == "被迫" && fledAfter(s[i+len(c):]) {
					continue
				}
				// 未见污染防治设施 names a missing facility, not a harm not found.
				if f.name == CircNoHarm && hasAnyPrefix(s[i+len(c):], "防治", "物", "源", "治理", "处理") {
					continue
				}
				// 未发生火情，但造成两名顾客中毒: the harm told beside it.
				if f.name == CircNoHarm && observedNoHarmAgainst(s, c, i) {
					continue
				}
				if f.name == CircFirstViolation && (c == "初次" || c == "首次") && firstTimeDoing(s[i+len(c):]) {
					// 辩称系初次经营分装产品, 首次从事该业务: the first time
					// the party did the trade, not its first violation.
					continue
				}
				if f.name == CircFirstViolation {
					if said, holds := saidFirstTime(s, c, i); said && !holds {
						// 负责人称是第一次被查，经查不属实: refuted.
						continue
					}
				}
				if !f.negates && rejectedClaim(s, i) {
					// 当事人提出系初次违法……本局不予采纳: argued, not found.
					continue
				}
				if f.name == CircSelfRemovedHarm && !Contains(c, "主动") && (orderedInSentence(s, i) || stolenReturned(s, i+len(c))) {
					// 本局责令其限期退还，当事人已全部退还: done as ordered,
					// not of its own accord (第三十二条第（一）项 says 主动);
					// nor is stolen property handed back once caught.
					continue
				}
				if f.name == CircSelfRemovedHarm && (othersFirefighting(s, c, i, i+len(c)) || doneByOther(s, i)) {
					continue
				}
				if f.name == CircSelfRemovedHarm && !Contains(c, "主动") && !Contains(c, "已") && demandedInSentence(s, i) {
					// 要求……退还多收的钱: what a complaint asks for, not done.
					continue
				}
				if f.name == CircContinuing && c == "一直未" && hasAnyPrefix(s[i+len(c):], investigationVerbs[:]...) {
					// 此后一直未查明责任人: the agency's search that went on,
					// not the party's act.
					continue
				}
				if f.name == CircContinuing && strings.HasPrefix(s[i+len(c):], "被") {
					// 此前一直未被公安机关发现: going unnoticed is no continuing act.
					continue
				}
				if f.name == CircContinuing && (slices.Contains(continuationCues[:], c) || !ownNegationCue(c)) && Negated(s, i) {
					// 检查时已停止建设，未继续施工 / 此后没有再继续施工: the
					// going on denied; the group is fixed for its cues that carry
					// their own negation (拒不停工), so these are checked here
					// (rev28). Skipped, not denied: it says nothing of another
					// act the text tells going on.
					continue
				}
				if f.name == CircContinuing && strings.HasPrefix(c, "至") && strings.Contains(s[i+len(c):], "超过") {
					// 违法行为终了后至被查处时已超过二年: the time that passed
					// since the act, the opposite of an act still going on.
					continue
				}
				neg := f.negates
				if !f.fixed {
					neg = Negated(s, i)
				}
				if f.name == CircFirstViolation && neg && firstViolationListNamed(s, i+len(c)) {
					// 未将该类行为列入首违不罚清单: the list left the kind out;
					// it denies nothing of the party's record (left30).
					continue
				}
				a, b := span(i, i+len(c))
				out = append(out, Circumstance{Name: f.name, Negated: neg, Start: a, End: b})
			}
		}
	}
	out = append(out, noFault(s, span)...)
	if i, e, ok := licenceObtainedLater(s); ok {
		a, b := span(i, e)
		out = append(out, Circumstance{Name: CircCorrectedInTime, Start: a, End: b})
	}
	// Prior penalties: 两年内第三次 = 2 before; 二年内再次 / 曾因…受到…处罚 = 1.
	// A year's count inside the two years counts as well when the party is
	// its subject (一年内第三次因未明码标价被查处, 2026年内第三次被查获), not
	// an event's (今年内再次发生盗窃).
	for _, m := range priorNthRe.FindAllStringSubmatchIndex(s, -1) {
		c := 1
		for g := 2; g <= 4; g += 2 {
			if m[g] < 0 {
				continue
			}
			if v, err := ParseChineseInt(s[m[g]:m[g+1]]); err == nil && v < 100 {
				c = int(v) - 1 // 一年内第一次被查 tells none before
			}
		}
		if c < 1 {
			continue
		}
		// A year's count tells a penalty only when its phrase names one
		// (一年内第三次因…被查处): a shop burgled (今年内第二次被盗) or a
		// complaint (第二次因…被家长投诉) counts no penalty (rev27).
		if m[4] >= 0 && !containsAny(s[m[0]:clauseAfter(s, m[1], isPhraseEnd)], yearCountPenaltyWords[:]...) {
			continue
		}
		a, b := span(m[0], m[1])
		out = append(out, Circumstance{Name: CircPriorPenalties, Count: c, Start: a, End: b})
	}
	for _, re := range priorCountRes {
		for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
			if Negated(s, m[0]) {
				continue
			}
			if v, err := ParseChineseInt(s[m[2]:m[3]]); err == nil && v >= 2 {
				a, b := span(m[0], m[1])
				out = append(out, Circumstance{Name: CircPriorPenalties, Count: int(v), Start: a, End: b})
			}
		}
	}
	for _, m := range priorCountBeforeRe.FindAllStringSubmatchIndex(s, -1) {
		if Negated(s, m[0]) || strings.HasSuffix(s[:m[2]], "第") || strings.HasSuffix(s[:m[0]], "次因") {
			continue
		}
		// A past told before the count in its clause (曾因…两次被, 此前两次
		// 受到): 对两次被处罚的后果 or 两次被群众举报后处以 tell none (rev25).
		if !pastBeforeCount(s, m[0]) {
			continue
		}
		if v, err := ParseChineseInt(s[m[2]:m[3]]); err == nil && v >= 2 {
			a, b := span(m[0], m[1])
			out = append(out, Circumstance{Name: CircPriorPenalties, Count: int(v), Start: a, End: b})
		}
	}
	if n, a, b := pastPenalties(s); n >= 2 {
		a, b = span(a, b)
		out = append(out, Circumstance{Name: CircPriorPenalties, Count: n, Start: a, End: b})
	}
	for off := 0; off < len(s); {
		i := Index(s[off:], "曾")
		if i < 0 {
			break
		}
		i += off
		off = i + len("曾")
		if containsAny(lastRunes(s[:i], 1), "未", "不", "没", "何") {
			continue // 未曾受过处罚 denies it
		}
		e := clauseAfter(s, i, isClauseEnd)
		seg := s[i:e]
		if k := Index(seg, "处罚"); k >= 0 && Contains(seg[:k], "受到") {
			a, b := span(i, i+k+len("处罚"))
			out = append(out, Circumstance{Name: CircPriorPenalties, Count: 1, Start: a, End: b})
			continue
		}
		// 曾于2025年10月因盗窃被处以行政拘留五日, 曾被本局处以罚款: an
		// earlier penalty told with 被.
		if k := Index(seg, "被"); k >= 0 && utf8.RuneCountInString(seg[:k]) <= 30 {
			rest := firstRunes(seg[k:], 12)
			for _, w := range [...]string{"处以", "处罚", "罚款", "拘留", "警告", "罚了"} {
				if j := Index(rest, w); j >= 0 {
					a, b := span(i, i+k+j+len(w))
					out = append(out, Circumstance{Name: CircPriorPenalties, Count: 1, Start: a, End: b})
					break
				}
			}
		}
	}
	out = append(out, foundPriors(s, span)...)
	// A 询问笔录 asks about earlier penalties and the party answers no
	// (问：以前有没有因为环保问题被处罚过？答：没有，一次都没有): the
	// record in a question and its answer, two sentences no cue spans.
	for _, loc := range askedNoPriorRe.FindAllStringIndex(s, -1) {
		a, b := span(loc[0], loc[1])
		out = append(out, Circumstance{Name: CircFirstViolation, Start: a, End: b})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// Flag reports whether the circumstance name holds: some cue asserts it and
// none denies it. A denial wins because mitigating facts must be clear.
func (x Extraction) Flag(name string) bool {
	yes := false
	for _, c := range x.Circumstances {
		if c.Name != name {
			continue
		}
		if c.Negated {
			return false
		}
		yes = true
	}
	return yes
}

// lastRunes is the end of s, at most n runes.
func lastRunes(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

// mentalStates are the phrasings of 行政处罚法 第三十一条, most specific first:
// 尚未完全丧失辨认 contains 丧失辨认.
var mentalStates = []struct{ state, cue string }{
	{"partial", "尚未完全丧失辨认"}, {"partial", "尚未完全丧失控制"}, {"partial", "限制责任能力"}, {"partial", "部分责任能力"},
	{"lucid", "精神正常时"}, {"lucid", "精神状态正常时"},
	{"unable", "不能辨认或者不能控制"}, {"unable", "不能辨认或不能控制"}, {"unable", "不能辨认自己"}, {"unable", "不能控制自己"},
	{"unable", "无责任能力"}, {"unable", "丧失辨认"}, {"unable", "丧失控制能力"},
	// and, or and the comma between the two capacities, 无法 for 不能, the
	// capacity named as a thing the party lacks (不能辨认和控制自己的行为,
	// 无法辨认、控制, 无辨认能力)
	{"unable", "不能辨认和控制"}, {"unable", "不能辨认及控制"}, {"unable", "不能辨认、控制"}, {"unable", "不能辨认其"},
	{"unable", "无法辨认"}, {"unable", "无法控制自己"}, {"unable", "无辨认能力"}, {"unable", "无辨认和控制能力"}, {"unable", "没有辨认"},
	{"unable", "辨认能力丧失"}, {"unable", "辨认和控制能力丧失"},
	// capacity told as kept in part (有一定的辨认能力, 辨认能力减弱), and,
	// last, the party's own 智力残疾 certificate with no finding that it
	// could not tell what it did: 第三十一条's 尚未完全丧失 (disabledParty
	// keeps out a victim's or a worker's disability)
	{"partial", "有一定的辨认"}, {"partial", "具有一定辨认"}, {"partial", "具有一定的辨认"}, {"partial", "辨认能力减弱"},
	{"partial", "辨认能力较弱"}, {"partial", "辨认和控制能力减弱"}, {"partial", "辨认能力有所下降"},
	// the forensic opinion's own terms for capacity kept in part (属限定辨认能力,
	// 辨认能力削弱, 限定责任能力)
	{"partial", "限定辨认能力"}, {"partial", "限定控制能力"}, {"partial", "限定责任能力"}, {"partial", "辨认能力削弱"}, {"partial", "控制能力削弱"},
	{"partial", "智力残疾人证"}, {"partial", "残疾人证（智力"}, {"partial", "残疾人证(智力"}, {"partial", "系智力残疾人"}, {"partial", "为智力残疾人"},
}

// yearCountPenaltyWords name a penalty or an agency's finding in the
// phrase of a year's count (一年内第三次因未明码标价被查处, 被查获).
var yearCountPenaltyWords = [...]string{"处罚", "查处", "查获", "被查", "罚款", "警告", "拘留", "处理", "责令", "吊销", "取缔", "立案", "通报"}

// disabledVictimWords tell that a disability named in the clause is
// another's: the one struck, cheated or hired.
var disabledVictimWords = [...]string{"殴打", "伤害", "辱骂", "侮辱", "欺骗", "诈骗", "骗取", "被侵害人", "受害人", "被害人", "招用", "雇用", "雇佣", "录用", "员工", "职工", "工人"}

// relatives are the party's kin, whose disability is not the party's.
var relatives = [...]string{"儿子", "女儿", "其子", "其女", "孩子", "家属", "父亲", "母亲", "妻子", "丈夫", "老伴", "哥哥", "弟弟", "姐姐", "妹妹", "孙子", "孙女"}

// relativesDisability reports whether the disability at i is a relative's
// (张某称其儿子系智力残疾人, rev27): kin named in its phrase, not as the one
// who shows the party's certificate (其母亲随后赶到，出示残疾人证).
func relativesDisability(s string, i int) bool {
	w := s[clauseBefore(s, i, isPhraseEnd):i]
	return containsAny(w, relatives[:]...) && !containsAny(w, "出示", "提供", "拿出", "提交", "带来")
}

// mentalState reads the party's capacity (行政处罚法 第三十一条) from the
// first phrasing no negation denies.
func mentalState(s string, span func(int, int) (int, int)) (string, int, int) {
	for _, m := range mentalStates {
		if i := Index(s, m.cue); i >= 0 && !Negated(s, i) {
			// the opinion's terms (限定辨认能力) name the one examined, who may be
			// the victim (被侵害人苏某…经鉴定属限定辨认能力)
			if containsAny(m.cue, "残疾", "限定", "削弱") && (containsAny(s[clauseBefore(s, i, isClauseEnd):i], disabledVictimWords[:]...) || relativesDisability(s, i)) {
				continue
			}
			a, b := span(i, i+len(m.cue))
			return m.state, a, b
		}
	}
	return "", 0, 0
}

// ageFromBirth computes the party's age at the act from a birth date and
// the act date (else the discovery date, else the first other date): whole
// years, as the 周岁 of 行政处罚法 第三十条 are counted.
func ageFromBirth(dates []Date) (*float64, int, int) {
	var birth *Date
	for i := range dates {
		if dates[i].Role == DateBirth {
			birth = &dates[i]
			break
		}
	}
	if birth == nil {
		return nil, 0, 0
	}
	f, ok := yearsBetween(birth.Value, ageDay(dates))
	if !ok {
		return nil, 0, 0
	}
	return &f, birth.Start, birth.End
}

// AgeOn returns the party's age on day (YYYY-MM-DD) from the birth date
// among dates, and false when there is none or day is before it. Case
// analysis uses it when the text dates nothing but the birth: the age on
// the decision day is at least the age at the act, so an age under 14 or
// 18 it gives holds at the act too.
func AgeOn(dates []Date, day string) (float64, bool) {
	if len(day) != len("2006-01-02") {
		return 0, false
	}
	for _, d := range dates {
		if d.Role == DateBirth {
			return yearsBetween(d.Value, day)
		}
	}
	return 0, false
}

// YoungestOtherOn returns the youngest age on day (YYYY-MM-DD) of the
// other people whose birth dates x gives (OtherBirths), and false when there
// is none. Case analysis uses it when the text dates no act: the age on the
// decision day is at least the age at the act, so only an upper bound (an
// age under sixteen) may be read from it, never an old age.
func YoungestOtherOn(x Extraction, day string) (float64, bool) {
	young, found := 0.0, false
	for _, d := range x.OtherBirths {
		if a, ok := AgeOn([]Date{d}, day); ok && (!found || a < young) {
			young, found = a, true
		}
	}
	return young, found
}

// yearsBetween is the age on day at of someone born on birth, both
// YYYY-MM-DD; false when at is before birth or the age is implausible.
func yearsBetween(birth, at string) (float64, bool) {
	if at == "" || at < birth {
		return 0, false
	}
	by, bm, bd := dateParts(birth)
	ay, am, ad := dateParts(at)
	years := ay - by
	if am < bm || (am == bm && ad < bd) {
		years--
	}
	if years < 0 || years > 130 {
		return 0, false
	}
	return float64(years), true
}

func dateParts(v string) (int, int, int) {
	y, _ := strconv.Atoi(v[:4])
	m, _ := strconv.Atoi(v[5:7])
	d, _ := strconv.Atoi(v[8:10])
	return y, m, d
}

// noFaultCues state that the party had no subjective fault.
var noFaultCues = [...]string{"没有主观过错", "无主观过错", "不存在主观过错", "主观上没有过错", "主观上无过错", "不具有主观过错"}

// noFault reads 行政处罚法 第三十三条第二款: the party has evidence proving no
// subjective fault. The party's own claim (辩称, 声称) is not proof, so the
// sentence must speak of evidence or proof and not of a claim.
func noFault(s string, span func(int, int) (int, int)) []Circumstance {
	for _, c := range noFaultCues {
		i := Index(s, c)
		if i < 0 {
			continue
		}
		st := clauseBefore(s, i, isClauseEnd)
		sentence := s[st:clauseAfter(s, i, isClauseEnd)]
		if !containsAny(sentence, "证明", "证据", "查明", "经查", "核实") || containsAny(sentence, "辩称", "声称", "称其", "主张", "否认", "不足以证明", "未能证明", "无法证明") {
			continue
		}
		a, b := span(i, i+len(c))
		return []Circumstance{{Name: CircNoFault, Start: a, End: b}}
	}
	return nil
}

// thirdPartyAges are words of a sentence whose ages belong to someone other
// than the party: children and victims.
var thirdPartyAges = [...]string{"童工", "未成年工", "儿童", "幼儿", "婴", "学生", "受害人", "被害人", "伤者", "孩", "女儿", "儿子",
	// a young worker seen by a neighbour or a customer (端盘子的小姑娘看着只有十三四岁)
	"姑娘", "少年", "少女", "小伙子", "未成年人", "辍学",
	// what the party believed of a worker's age (店主称以为其已满16周岁)
	"以为", "误认为", "认为其",
	// a worker the party hired (后厨洗碗工……检查时未满十六周岁)
	"洗碗工", "帮工", "学徒", "杂工", "招用", "雇用", "雇佣", "录用",
	// pupils an adult drew into the act (纠集两名高中生（均未满十七周岁）)
	"初中生", "高中生", "中专生", "职高生", "技校生",
	// the others a record names: a witness, the one who called the police
	// or complained, the victim's side, a bystander (证人汤某（16岁，理货员）证实)
	"证人", "目击", "报警人", "报案人", "举报人", "投诉人", "控告人", "来电人", "被侵害人", "失主", "事主",
	"孙子", "孙女", "外孙", "侄子", "侄女", "外甥", "弟弟", "妹妹", "娃"}

// thirdPartyAge reports whether the age at [a, b) stands in a sentence about
// a third party, or follows a mention of child workers (招用童工2名：田某（15
// 周岁）…；罗某（15周岁）…): their ages are the workers'.
func thirdPartyAge(s string, a, b int) bool {
	if partyAgeAt(s[clauseBefore(s, a, isClauseEnd):a]) || partyBracketAge(s, a) || actorNamed(s, a, b) || childActorAge(s, a, b) || cleftActorAge(s, a) || selfDescribedAge(s, a, b) || describedPartyAge(s, a) || falseCallerAge(s, a) {
		return false // 违法行为人柯某（17周岁，职校学生）: the party's own
	}
	return victimObject(s, a) || kinAge(s, a) || containsAny(s[:a], "童工", "未成年工") ||
		containsAny(withoutCaller(s, withoutOwnDescription(s, a, clauseBefore(s, a, isClauseEnd), clauseAfter(s, b, isClauseEnd))), thirdPartyAges[:]...) ||
		containsAny(AskedOf(s, a), askedOthers[:]...)
}

// falseAlarmWords tell a call to the police that was itself the act
// (编造警情, 谎报, 报假警): the caller is then the party.
var falseAlarmWords = [...]string{"编造警情", "虚构警情", "谎报", "报假警", "虚假报警", "虚假警情", "假警情"}

// callerWords name the one who called or reported; the phone's user
// (号码实际使用人为其子某某) is the caller when the owner only pays for it.
// 实际使用人 comes before 使用人 so that the longer goes out whole.
var callerWords = [...]string{"报警人", "报案人", "来电人", "实际使用人", "使用人"}

// falseCallerAge reports whether the age at a is told of the caller in a
// text of a false alarm (报警人为学生钱某某（时年16周岁）…编造警情): the
// caller is the party.
func falseCallerAge(s string, a int) bool {
	return containsAny(s, falseAlarmWords[:]...) && containsAny(s[clauseBefore(s, a, isClauseEnd):a], callerWords[:]...)
}

// withoutCaller returns w with the caller's words taken out when the text
// tells a false alarm (回拨核实，报警人为学生钱某某（时年16周岁），其承认编造
// 警情): the one who called is the one who lied, and the age is theirs.
func withoutCaller(s, w string) string {
	if !containsAny(s, falseAlarmWords[:]...) {
		return w
	}
	for _, c := range callerWords {
		w = strings.ReplaceAll(w, c, "")
	}
	return w
}

// withoutOwnDescription returns the clause [st, en) of the age at a with
// the words of what a person is (学生, 少年: describedWords) taken out of the
// age's own bracket (旅客林某（男，17周岁，高二学生）): the bracket describes
// the one it follows, whose age it is, so its 学生 marks no child beside
// them. Words outside the bracket (殴打学生赵某（13周岁）) still count.
func withoutOwnDescription(s string, a, st, en int) string {
	i := bracketOpen(s, a)
	if i < st {
		return s[st:en]
	}
	j := strings.IndexAny(s[a:en], "）)")
	if j < 0 {
		return s[st:en]
	}
	in := s[i : a+j]
	for _, w := range describedWords {
		in = strings.ReplaceAll(in, w, "")
	}
	return s[st:i] + in + s[a+j:en]
}

// describedWords say what a person is (a pupil, a youth): in a clause that
// describes a person named before (曹某系某中学高二学生，现年16周岁) they are
// that person's, not another's.
var describedWords = [...]string{"中学生", "小学生", "初中生", "高中生", "大学生", "学生", "少年", "少女", "小伙子", "未成年人", "辍学"}

// selfDescribedAge reports whether the clause of the age at [a, b) opens
// with a person named earlier as its subject (曹某系…学生，现年16周岁) and
// names no one else: no harm done in it, no victim, witness, worker or kin
// word besides what the person is, and the person's first mention is no
// one acted on. The age is then the named person's, the party's when the
// text has named no other (the one caught, the one who did it).
func selfDescribedAge(s string, a, b int) bool {
	st := clauseBefore(s, a, isClauseEnd)
	c := strings.TrimLeft(s[st:clauseAfter(s, b, isClauseEnd)], " \t　")
	name, ok := describedSubject(c)
	if !ok {
		return false
	}
	rest := c
	for _, w := range describedWords {
		rest = strings.ReplaceAll(rest, w, "")
	}
	if containsAny(rest, thirdPartyAges[:]...) || containsAny(rest, harmVerbs[:]...) || Contains(rest, "被") {
		return false
	}
	first := Index(s, name)
	if first < 0 || first >= st {
		return false // named here first: nothing tells whose the clause is
	}
	// No mention of the person, the first or any near the age, before this
	// clause or after it, is of one acted on or of one who reports (邱某报警
	// 称其手机被盗……窃取邱某手机). Near: 2 KB either side, so that a text of
	// many ages stays linear.
	actedOn := func(at int) bool {
		before := s[clauseBefore(s, at, isPhraseEnd):at]
		e := at + len(name)
		after := s[e:clauseAfter(s, e, isPhraseEnd)]
		return containsAny(before, thirdPartyAges[:]...) || containsAny(before, harmVerbs[:]...) ||
			containsAny(before, childObject[:]...) || Contains(before, "被") || containsAny(before, victimOfWords[:]...) ||
			containsAny(after, reporterWords[:]...)
	}
	if actedOn(first) {
		return false
	}
	end := clauseAfter(s, b, isClauseEnd)
	hi := min(len(s), b+2048)
	for i := max(first+len(name), a-2048); i < hi; {
		k := Index(s[i:hi], name)
		if k < 0 {
			break
		}
		at := i + k
		i = at + len(name)
		if at >= st && at < end {
			continue // the clause itself, read above
		}
		if actedOn(at) {
			return false
		}
	}
	return true
}

// describedPartyAge reports whether the age at a stands in the bracket
// after the first person the text names, described before the name as what
// they are (高一学生孙某（16周岁）, 初三学生李某某（15岁）): a record opens with
// the party, and the description (学生) that marks a child acted on
// elsewhere here only says who the party is. Any other word of another's
// role, of harm or of an object before the name, a 某-name earlier in the
// text, or a report or a passive right after the bracket keeps the age
// another's.
func describedPartyAge(s string, a int) bool {
	i := bracketOpen(s, a)
	if i <= 0 || !strings.HasSuffix(s[:i], "某") {
		return false
	}
	st := clauseBefore(s, i, isPhraseEnd)
	if Contains(s[:st], "某") {
		return false // someone named before: the first named is not this one
	}
	w := strings.TrimRight(s[st:i], "某")
	_, size := utf8.DecodeLastRuneInString(w)
	desc := w[:len(w)-size] // the words before the surname
	if !containsAny(desc, describedWords[:]...) {
		return false
	}
	rest := desc
	for _, d := range describedWords {
		rest = strings.ReplaceAll(rest, d, "")
	}
	if containsAny(rest, thirdPartyAges[:]...) || containsAny(rest, thirdPartyBirthCues[:]...) || containsAny(rest, harmVerbs[:]...) ||
		containsAny(rest, objectMarkers[:]...) || Contains(rest, "被") {
		return false
	}
	end := strings.IndexAny(s[a:], "）)")
	if end < 0 {
		return false
	}
	// Step over the bracket's own width: （ and ） are three bytes.
	_, bw := utf8.DecodeRuneInString(s[a+end:])
	end += bw - 1
	after := strings.TrimLeft(s[a+end+1:clauseAfter(s, a+end+1, isPhraseEnd)], " \t　")
	if strings.HasPrefix(after, "被") {
		return false
	}
	for _, w := range reporterWords {
		if strings.HasPrefix(after, w) {
			return false // 学生孙某（16岁）报警称: the one who reports
		}
	}
	return true
}

// victimOfWords, just before a name, make the named one whose things were
// taken (窃取邱某手机, 盗走邱某的电动车).
var victimOfWords = [...]string{"窃取", "盗窃", "盗走", "偷走", "偷了", "抢走", "抢夺", "骗走"}

// reporterWords, right after a name, make the named one who reports or
// complains, not the one who did it (邱某报警称, 邱某反映).
var reporterWords = [...]string{"报警", "报案", "称其", "求助", "反映", "投诉", "举报"}

// describedSubject returns the 某-name that opens clause c as the subject
// of 系 or 是 (曹某系, 王某某是), and whether there is one.
func describedSubject(c string) (string, bool) {
	for _, cop := range [...]string{"系", "是"} {
		i := strings.Index(c, cop)
		if i <= 0 {
			continue
		}
		name := c[:i]
		if n := utf8.RuneCountInString(name); n >= 2 && n <= 4 && strings.HasSuffix(strings.TrimRight(name, "甲乙丙"), "某") && !strings.ContainsAny(name, "，,、；（(") {
			return name, true
		}
	}
	return "", false
}

// askedOthers, in the question an answer of a 询问笔录 replies to, make the
// age the answer gives another's: the other side, the one struck (问：你知道
// 对方多大年纪吗？答：……他六十五岁了).
var askedOthers = [...]string{"对方", "被害人", "被侵害人", "受害人", "伤者", "老人", "他多大", "她多大", "他几岁", "她几岁"}

// AskedOf returns the question (问：……) just before the answer (答：……)
// holding byte a of s, "" when a is in no answer or no question precedes
// it: what a figure in a 询问笔录's answer is the figure of.
func AskedOf(s string, a int) string {
	i := max(strings.LastIndex(s[:a], "答:"), strings.LastIndex(s[:a], "答："))
	if i < 0 || strings.ContainsAny(s[i:a], "。？?！!") || Contains(s[i:a], "问") {
		return ""
	}
	q := max(strings.LastIndex(s[:i], "问:"), strings.LastIndex(s[:i], "问："))
	if q < 0 || i-q > 240 {
		return ""
	}
	return s[q:i]
}

// overLimitIn reports whether span says a limit was exceeded: 超标 not
// denied right before (未超标, 没有超标, 不超标, 无超标 deny it).
func overLimitIn(span string) bool {
	for off := 0; ; {
		i := strings.Index(span[off:], "超标")
		if i < 0 {
			return false
		}
		i += off
		if !HasAnySuffix(span[:i], "未", "没", "没有", "不", "无", "并未") {
			return true
		}
		off = i + len("超标")
	}
}

// defianceWords, between the parts of a correction cue, say the party
// refused or went on (不予理睬, 拒不, 强行, 继续): the act after them is no
// correction.
var defianceWords = [...]string{"不予理睬", "不理睬", "未予理睬", "置之不理", "不听", "拒不", "拒绝", "强行", "不顾", "继续", "再次", "又在", "仍在", "仍然", "依然", "逃离", "逃跑"}

// cleftOthers, in the part of a cleft before 的是, make the one it names
// someone other than the actor: the one who reported or saw it, or the one
// harmed (报警的是其15岁的儿子, 被打伤的是……, 受伤的是……).
var cleftOthers = [...]string{"报", "投诉", "举报", "来电", "反映", "发现", "看到", "看见", "目击", "证实", "受", "伤", "死", "被", "害"}

// cleftActorAge reports whether the age at a belongs to the one a cleft
// names as having done the act (扔垃圾的是该户15岁的儿子小卢, 点火的是其
// 16岁的侄子): the phrase before the age is an act, 的是 and at most four
// runes of determiner (该户, 其, 他家). The kin word after the age (儿子)
// then names the actor, not a third party.
func cleftActorAge(s string, a int) bool {
	before := s[clauseBefore(s, a, isPhraseEnd):a]
	i := strings.LastIndex(before, "的是")
	if i <= 0 || utf8.RuneCountInString(before[i+len("的是"):]) > 4 {
		return false
	}
	// A harm verb right before 的是 names the one harmed (殴打的是, 推倒的是);
	// with its object between (殴打邻居的是) it names the one who harmed.
	return !containsAny(before[:i], cleftOthers[:]...) && !HasAnySuffix(before[:i], harmVerbs[:]...)
}

// childNouns name a child; childActs, in the phrase after one, make the
// child the one who did it (一名小男孩把玩具汽车塞进书包, 几个初中生用石块砸坏路灯).
var (
	childNouns = [...]string{"男孩", "女孩", "小孩", "孩子", "少年", "少女", "中学生", "初中生", "小学生", "学生"}
	childActs  = [...]string{"把", "将", "偷", "拿走", "砸", "划", "踢", "殴打", "打了", "损毁", "毁坏", "点燃", "扔", "塞进", "藏进", "用"}
	// childObject, just before a child noun in its phrase, make the child
	// one acted on or hired (殴打该男孩, 使用童工女孩, 与邻居孩子).
	childObject = [...]string{"使用", "招用", "雇用", "雇佣", "与", "跟", "对", "向", "把", "将", "给"}
)

// childActor reports whether the text names a child as the subject of the
// act: a child noun not acted on, followed in its phrase by the act.
func childActor(s string) bool {
	for _, n := range childNouns {
		for i := 0; i < len(s); {
			k := strings.Index(s[i:], n)
			if k < 0 {
				break
			}
			at, e := i+k, i+k+len(n)
			i = e
			before := s[clauseBefore(s, at, isPhraseEnd):at]
			if containsAny(before, harmVerbs[:]...) || containsAny(before, childObject[:]...) {
				continue
			}
			// The act right after the child or its name (男孩把, 初中生黄某某用).
			rest := s[e:clauseAfter(s, e, isPhraseEnd)]
			if j := strings.Index(rest, "某"); j >= 0 && j <= 6 {
				rest = strings.TrimLeft(rest[j:], "某")
			}
			for _, act := range childActs {
				if strings.HasPrefix(rest, act) {
					return true
				}
			}
		}
	}
	return false
}

// childActorAge reports whether the age at [a, b) is the child actor's: its
// sentence names a child the text shows doing the act, and no harm verb
// puts the age on the one acted on (民警查明该男孩……时年十二周岁).
func childActorAge(s string, a, b int) bool {
	c := s[clauseBefore(s, a, isClauseEnd):clauseAfter(s, b, isClauseEnd)]
	return containsAny(c, childNouns[:]...) && !victimObject(s, a) && !containsAny(c, harmVerbs[:]...) && childActor(childWindow(s, a, b))
}

// childWindow is the part of s around [a, b) that childActor reads for an
// age: the child doing the act is told near the age, and reading the whole
// text for every age made a long text of many ages quadratic (a 60 KB text
// of ages took most of a minute).
func childWindow(s string, a, b int) string {
	const reach = 2048
	return s[max(0, a-reach):min(len(s), b+reach)]
}

// harmVerbs act on a person; an age right after one is the age of the one
// acted on (殴打七十二岁的邻居吴某, 推倒一名72岁的老人, 骗取年过七十的村民).
var harmVerbs = [...]string{"殴打", "打伤", "打了", "推倒", "推搡", "踢打", "扇打", "伤害", "撞倒", "撞伤", "辱骂", "殴击", "骗取", "欺骗", "诈骗", "威胁", "恐吓", "猥亵", "侮辱"}

// victimObject reports whether the age at a follows a harm verb in its
// phrase with at most a few fillers between (一名, 一位, 年已, 年过, 现年, 了).
func victimObject(s string, a int) bool {
	w := s[clauseBefore(s, a, isPhraseEnd):a]
	for _, f := range [...]string{"的", "年已", "年过", "年近", "现年", "已经", "已", "一名", "一位", "一个", "了"} {
		w = strings.TrimSuffix(w, f)
	}
	for _, v := range harmVerbs {
		if strings.HasSuffix(w, v) {
			return true
		}
	}
	return false
}

// victimOrChildWords, in the clause of an age not the party's, make it the
// age of the one harmed or of a child: the ages the statutes' elements test
// (不满十四周岁的人, 七十周岁以上的人, 童工), unlike a witness's or a caller's.
var victimOrChildWords = [...]string{"童工", "未成年工", "儿童", "幼儿", "婴", "学生", "受害人", "被害人", "被侵害人", "伤者", "孩", "女儿", "儿子",
	"少年", "少女", "姑娘", "孙子", "孙女", "外孙", "学徒", "帮工", "洗碗工", "辍学", "未成年人"}

// victimOrChild reports whether the clause of the age at [a, b) names the
// one harmed or a child, or the phrase before it a caller's kin (其母亲（六十六
// 岁）在小区门口被……推倒).
func victimOrChild(s string, a, b int) bool {
	return victimObject(s, a) || containsAny(s[clauseBefore(s, a, isClauseEnd):clauseAfter(s, b, isClauseEnd)], victimOrChildWords[:]...) ||
		containsAny(AskedOf(s, a), askedOthers[:]...) || kinAge(s, a)
}

// kinWords name a caller's or a complainant's elder or spouse, whose age a
// report states when they are the one harmed (报警人范某（三十二岁）称，其母亲
// （六十六岁）被……推倒): the phrase right before the age names them.
var kinWords = [...]string{"母亲", "父亲", "老母", "老父", "爷爷", "奶奶", "外公", "外婆", "姥姥", "姥爷", "公公", "婆婆", "岳父", "岳母", "老伴", "丈夫", "妻子", "爱人"}

// kinAge reports whether the phrase before the age at a names a kin of the
// one who reports.
func kinAge(s string, a int) bool {
	return containsAny(s[clauseBefore(s, a, isPhraseEnd):a], kinWords[:]...)
}

// callerHarmedRe finds, in the sentence after a caller's age, the caller as
// the one harmed: 打了他, 踹了她一脚, 把他推倒, 他被……打, 被对方……推倒.
var callerHarmedRe = regexp.MustCompile(`(?:打|踹|踢|扇|推|撞|掐|咬)了?(?:他|她)|(?:把|将)(?:他|她)(?:推|打|踹|踢|撞)|(?:他|她|自己|本人)被|称[^。；]{0,12}?被[^。；，]{0,12}?(?:打|殴打|推倒|踹|踢|扇|撞倒|掐)`)

// callerHarmedAge reports whether the age at [a, b) is a caller's (老周（六十
// 五岁）报警称) whose own account then tells that the caller was struck.
func callerHarmedAge(s string, a, b int) bool {
	rest := strings.TrimLeft(s[b:], "）)")
	ok := false
	for _, w := range [...]string{"报警称", "报警说", "报警求助", "报案称", "报案说", "来电称", "求助称", "到派出所报案", "到派出所报警"} {
		if strings.HasPrefix(rest, w) {
			ok = true
			break
		}
	}
	if !ok {
		return false
	}
	return callerHarmedRe.MatchString(s[b:clauseAfter(s, b, isClauseEnd)])
}

// partyRoleWords name the party in a record (违法行为人柯某（17周岁）).
var partyRoleWords = [...]string{"违法行为人", "违法嫌疑人", "当事人", "行为人"}

// partyAgeAt reports whether before, the clause up to an age, ends with a
// party role word, a name of at most four runes and an opening bracket:
// the age is then the party's whatever the bracket says of them (学生).
func partyAgeAt(before string) bool {
	b := strings.TrimSuffix(strings.TrimSuffix(before, "（"), "(")
	if len(b) == len(before) {
		return false
	}
	for _, w := range partyRoleWords {
		if i := strings.LastIndex(b, w); i >= 0 {
			name := b[i+len(w):]
			return utf8.RuneCountInString(name) <= 4 && Contains(name, "某") && !strings.ContainsAny(name, "，,、；")
		}
	}
	return false
}

// maxBracketLead bounds, in bytes, what partyBracketAge reads back from an
// age for the bracket's opening: a sex, an ethnicity and their commas.
const maxBracketLead = 40

// partyBracketAge reports whether the age at a stands in the bracket after a
// party role word and a name, behind a sex or an ethnicity the record writes
// first (违法行为人于某（男，17岁，学生）, 当事人郑某（女，汉族，16周岁）): the
// comma inside the bracket ends the clause partyAgeAt reads, so the role word
// is looked for before the bracket instead.
func partyBracketAge(s string, a int) bool {
	lo := a - maxBracketLead
	if lo < 0 {
		lo = 0
	}
	for lo < a && !utf8.RuneStart(s[lo]) {
		lo++
	}
	open := strings.LastIndex(s[lo:a], "（")
	width := len("（")
	if o := strings.LastIndex(s[lo:a], "("); o > open {
		open, width = o, 1
	}
	if open < 0 {
		return false
	}
	open += lo
	inner := s[open+width : a]
	if inner == "" || strings.ContainsAny(inner, "）)") {
		return false
	}
	parts := strings.FieldsFunc(inner, func(r rune) bool { return r == '，' || r == ',' || r == '、' })
	if len(parts) == 0 || !strings.HasSuffix(inner, "，") && !strings.HasSuffix(inner, ",") && !strings.HasSuffix(inner, "、") {
		return false
	}
	for _, p := range parts {
		if p != "男" && p != "女" && !(strings.HasSuffix(p, "族") && utf8.RuneCountInString(p) <= 4) {
			return false
		}
	}
	return partyAgeAt(s[clauseBefore(s, open, isClauseEnd) : open+width])
}

// actorWords, after a person's birth date or age in its sentence, make the
// person the one who did it.
var actorWords = [...]string{"所为", "干的", "所干", "做的", "弄的"}

// actorNamed reports whether the sentence of the birth date or age at
// [a, b) names its person as the one who did it, however it calls them
// (系同楼住户家的孩子罗某某（2013年5月生）放学后所为, 是邻居家男孩（12岁）干的):
// then the date or age is the party's.
func actorNamed(s string, a, b int) bool {
	return containsAny(s[clauseBefore(s, a, isClauseEnd):a], "系", "是") && containsAny(s[b:clauseAfter(s, b, isClauseEnd)], actorWords[:]...)
}

// thirdPartyBirth reports whether the birth date at a is written of the
// person named just before it in its phrase when that is a child worker, a
// victim or the complainant's child (其女儿（2010年4月出生）, 该男孩2011年2月
// 出生), not the party
// (售卖者刘某某，2011年9月出生，系在校学生 stays the party's). The person
// is another's too when the phrase names them as the one hired, the one
// struck or the other side of a dispute (后厨洗碗工李某某系…出生, 打了学生
// 朱某某（…出生）, 与卖菜的老人吴某某（…出生）发生争执): the party is the
// one who hires, strikes or quarrels, named before such a word.
func thirdPartyBirth(s string, a int) bool {
	st := clauseBefore(s, a, isPhraseEnd)
	if w := s[st:a]; containsAny(w, childNouns[:]...) && !containsAny(w, harmVerbs[:]...) && !containsAny(w, childObject[:]...) && childActor(childWindow(s, a, a)) {
		return false // 一名小男孩把玩具塞进书包……该男孩黄某某2013年11月出生: the actor's
	}
	if namedOtherInBracket(s, a) {
		return true // 与同楼住户郝某（男，1961年5月出生）发生争吵
	}
	if namedOtherInPhraseBefore(s, st, a) {
		return true // 考勤表上有员工郑某某，系2011年2月出生
	}
	for {
		if containsAny(withoutCaller(s, s[st:a]), thirdPartyBirthCues[:]...) {
			return true
		}
		// A list (招用王某某（…出生）、赵某某（…出生）) shares the word
		// before its first name.
		r, size := utf8.DecodeLastRuneInString(s[:st])
		if r != '、' || st-size <= 0 {
			return false
		}
		st = clauseBefore(s, st-size, isPhraseEnd)
	}
}

// namedOtherInPhraseBefore reports whether a birth date at a that opens
// its phrase (st is the phrase's start; nothing or only 系/其/生于 before
// it) goes on telling of the person the phrase before names last after a
// word of workerBirthCues (有员工郑某某，系2011年2月出生): the comma cuts
// no person off. The name must close that phrase (the cue, then at most a
// name): 张某某，系该公司员工，2008年3月出生 names the party as the employee,
// and 售卖者刘某某，2011年9月出生 has no such word. Only a worker: a child
// named so (邻居家的男孩邵某某，2014年3月出生) is as often the actor, which
// thirdPartyBirth weighs within the phrase alone.
func namedOtherInPhraseBefore(s string, st, a int) bool {
	if w := strings.TrimSpace(s[st:a]); w != "" && w != "系" && w != "其" && w != "其系" && w != "生于" && w != "出生于" {
		return false
	}
	r, size := utf8.DecodeLastRuneInString(s[:st])
	if r != '，' && r != ',' || st-size <= 0 {
		return false
	}
	end := st - size
	prev := withoutCaller(s, s[clauseBefore(s, end, isPhraseEnd):end])
	at, cue := -1, ""
	for _, c := range workerBirthCues {
		if i := strings.LastIndex(prev, c); i >= 0 && i+len(c) > at+len(cue) {
			at, cue = i, c
		}
	}
	if at < 0 {
		return false
	}
	name := prev[at+len(cue):]
	return strings.Contains(name, "某") && utf8.RuneCountInString(name) <= 4
}

// workerBirthCues name a worker the party hires (the hiring words and the
// posts of thirdPartyBirthCues).
var workerBirthCues = [...]string{"童工", "未成年工", "招用", "雇用", "雇佣", "录用", "聘用", "招收", "员工", "职工", "工人", "学徒", "帮工", "洗碗工", "杂工",
	"服务员", "店员", "营业员", "收银员", "传菜员", "配菜员", "帮厨", "小工", "保洁员"}

// thirdPartyBirthCues name, before a birth date in its phrase, a person
// other than the party: the victim and the complainant's family, workers
// the party hires, the one struck and the other side of a quarrel.
var thirdPartyBirthCues = [...]string{"童工", "未成年工", "受害人", "被害人", "被侵害人", "女儿", "儿子", "孩", "父亲", "母亲", "其父", "其母", "爷爷", "奶奶", "外公", "外婆",
	"招用", "雇用", "雇佣", "录用", "聘用", "招收", "使用", "员工", "职工", "工人", "学徒", "帮工", "洗碗工", "杂工",
	// the shop's own staff by their post (服务员周某某系2010年8月出生)
	"服务员", "店员", "营业员", "收银员", "传菜员", "配菜员", "帮厨", "小工", "保洁员",
	"殴打", "打了", "打伤", "推倒", "踢了", "扇了", "与", "跟",
	// the one struck as the verb's object (拳击门卫邓某（男，68岁）面部,
	// 推搡保洁员); the verbs officers write for a blow, a kick and a push
	"拳击", "击打", "推搡", "踢打", "踹了", "踹倒", "掌掴", "扇打", "打倒", "撞倒", "抓伤", "咬伤", "砸伤", "刺伤", "砍伤", "掐住", "揪住", "围殴",
	// a witness, the caller or complainant, and a child the party uses
	// (使用该少年（2011年2月出生）: 使用 above)
	"证人", "目击", "报警人", "报案人", "举报人", "投诉人", "控告人", "失主", "事主", "少年", "少女", "姑娘", "孙子", "孙女", "外孙", "侄", "外甥"}

// bracketOpen returns the start of the bracket an age or a birth date at a
// is written in right after a name (郝某（男，1961年5月出生）, 孙大爷（七十二岁）,
// 柳某（男，汉族，六十八岁）): an opening bracket in a's clause, not closed
// before a, with at most a few runes (the sex, the nation) between; -1 when
// there is none.
func bracketOpen(s string, a int) int {
	lo := clauseBefore(s, a, isClauseEnd)
	i := max(strings.LastIndex(s[lo:a], "（"), strings.LastIndex(s[lo:a], "("))
	if i < 0 {
		return -1
	}
	i += lo
	in := s[i:a]
	if strings.ContainsAny(in, "）)") || utf8.RuneCountInString(in) > 8 {
		return -1
	}
	return i
}

// namedOtherInBracket reports whether the age or birth date at a stands in
// the bracket after a name whose phrase names that person as another than
// the party (the other side of a quarrel, the one struck, a worker hired,
// a witness: thirdPartyBirthCues), however the bracket begins (男，女，).
// The party's own bracket (违法行为人隋某（男，1979年3月出生）) names no one
// such before it.
func namedOtherInBracket(s string, a int) bool {
	i := bracketOpen(s, a)
	if i <= 0 || partyAgeAt(s[clauseBefore(s, i, isClauseEnd):i]+"（") {
		return false
	}
	// In a false alarm the caller named before the bracket is the party
	// (实际使用人为其子杜某（…出生）): 使用人 is no employer's 使用.
	w := withoutCaller(s, s[clauseBefore(s, i, isPhraseEnd):i])
	return containsAny(w, thirdPartyBirthCues[:]...) || containsAny(w, objectMarkers[:]...) && !containsAny(w, officerSubjects[:]...)
}

// objectMarkers, before a name in its phrase, make the one named the object
// of the act (把顾客王某某（女，1953年6月生）推倒).
var objectMarkers = [...]string{"把", "将", "对", "向"}

// officerSubjects, in the phrase, make an object marker the officers' own
// doing to the party (民警将王某（男，15岁）带回派出所; 我所对孙某某（男，2010年3月
// 出生）殴打他人一案立案调查): the bracket is then the party's.
var officerSubjects = [...]string{"民警", "警察", "我所", "我局", "本所", "本局", "执法人员", "办案人员", "派出所", "公安机关", "公安局", "分局"}

// ageDay is the day ages are counted to: the act's, else the discovery's,
// else the first other date the facts give; "" when there is none.
func ageDay(dates []Date) string {
	for _, role := range []string{DateAct, DateDiscovery, ""} {
		for _, d := range dates {
			if d.Role != DateBirth && d.Role != DateDecision && (role == "" || d.Role == role) {
				return d.Value
			}
		}
	}
	return ""
}

// otherAges returns the ages on the act's day (as ageFromBirth dates it)
// of the people whose birth dates are others'.
func otherAges(dates, others []Date) []float64 {
	if len(others) == 0 {
		return nil
	}
	at := ageDay(dates)
	var out []float64
	for _, o := range others {
		if f, ok := yearsBetween(o.Value, at); ok {
			out = append(out, f)
		}
	}
	return out
}

// theftWords tell a taking of another's property (盗窃, 偷拿, 塞进衣内未结账).
var theftWords = [...]string{"盗窃", "偷拿", "偷走", "偷窃", "偷了", "窃取", "扒窃", "未结账", "拿走"}

// stolenReturned reports whether a return told without 主动 at end is of
// stolen property (已退还失主; 价格认定八百二十元 已退还 in a theft): what the
// police recovered or the thief gave back once caught, not harm the party
// removed of its own accord.
func stolenReturned(s string, end int) bool {
	return hasAnyPrefix(s[end:], "失主", "被害人", "受害人", "事主", "被盗") || containsAny(s, theftWords[:]...)
}

// licenceRe is a licence or permit obtained, named in one phrase (取得施工许可证,
// 取得了食品经营许可证).
var licenceRe = regexp.MustCompile(`取得了?([^，。；;,、\s]{0,10}?许可证)`)

// licenceObtainedLater finds the correction of acting without a licence told
// as the licence then obtained (未取得施工许可证……8月10日取得施工许可证): the
// same licence found missing first and obtained later in the text. Not what
// was to be done (应当取得), nor a time before it (取得施工许可证前).
func licenceObtainedLater(s string) (int, int, bool) {
	missing := ""
	for _, m := range licenceRe.FindAllStringSubmatchIndex(s, -1) {
		name := s[m[2]:m[3]]
		if Negated(s, m[0]) {
			missing = name
			continue
		}
		if missing == "" || name != missing || orderedBefore(s, m[0]) ||
			hasAnyPrefix(s[m[1]:], "前", "之前", "以前") || hasAnySuffix(s[:m[0]], "依法", "需", "须", "需要", "必须", "办理", "申请") {
			continue
		}
		return m[0], m[1], true
	}
	return 0, 0, false
}

// demandWords open what a complainant or party asks for (要求退还, 请求赔偿).
var demandWords = [...]string{"要求", "请求", "诉求", "希望"}

// demandedInSentence reports whether a demand word stands in the sentence
// before pos: a refund or clean-up named after it is asked for, not done
// (市民要求查处并退还多收的钱). Cues with 已 or 主动 say it was done.
func demandedInSentence(s string, pos int) bool {
	lo := max(0, pos-40*len("。"))
	start := lo + lastStopOrNewline(s[lo:pos]) + 1
	return containsAny(s[start:pos], demandWords[:]...)
}

// fledAfter reports whether what follows 被迫 is a victim's escape
// (两名女工被迫躲进便利店, 被迫停车报警): the one forced is then the party's
// victim, not a party forced into the violation (行政处罚法 第三十二条).
func fledAfter(rest string) bool {
	// What the one forced did, up to the phrase's end and at most eight
	// runes on (被迫分两次转账, 被迫在站台停驶十分钟).
	rest = firstRunes(rest[:clauseAfter(rest, 0, isPhraseEnd)], 8)
	for _, w := range fledWords {
		if Contains(rest, w) {
			return true
		}
	}
	return false
}

// fledWords begin what a victim is forced to do: hide, run, stop, leave or
// call for help; a business the act forced to close or stop (收费窗口被迫关闭,
// 被迫暂停营业) or a victim forced to pay (被迫付款) is the act's result, not the
// party's coercion.
var fledWords = [...]string{"躲", "逃", "离开", "报警", "求救", "停车", "下车", "关门", "停业", "搬离", "绕行", "返回", "避让",
	"关闭", "停止", "暂停", "中断", "中止", "停诊", "停办", "停运", "撤离", "疏散", "付款", "付钱", "交钱", "给钱", "转账",
	// a driver stopping for a passenger's disruption (司机被迫靠边停车)
	"靠边", "靠路边", "紧急停", "就近停",
	// a school, a shop or a works the act stopped (幼儿园被迫停课两天, 工厂被迫停产),
	// and a victim paying by a named channel (老板被迫通过微信转账)
	"停课", "停工", "停产", "停售", "歇业", "休业", "闭园", "闭馆", "休市", "改道", "让行", "让路",
	"通过微信", "通过支付宝", "通过手机", "扫码", "支付", "交出", "交纳", "停驶", "汇款",
	// what the victim had to call off or put back (手术被迫取消, 演出被迫延期)
	"取消", "推迟", "延期", "改期",
	// a well, an intake or a home the pollution put out of use (村民水井被迫停用,
	// 水厂被迫停水, 养殖户被迫搬迁): the harm done, not the party's coercion
	"停用", "弃用", "关停", "停水", "断水", "停止取水", "搬迁", "迁出"}

// restatement is what may stand between an amount and the same amount
// written again (伍万元整（¥50,000.00）, 大写：伍万元，小写：50000元).
var restatement = strings.NewReplacer("整", "", "(", "", ")", "", "（", "", "）", "", "大写", "", "小写", "",
	":", "", "：", "", "人民币", "", "¥", "", "￥", "", "，", "", ",", "", " ", "", "　", "", "元", "")

// reasoningMarks open a published decision's reasoning (本局认为，当事人……),
// after which the decision restates the figures its 违法事实 found.
var reasoningMarks = [...]string{"本局认为", "我局认为", "本机关认为", "本大队认为", "本支队认为", "本所认为", "本委认为", "本厅认为", "本分局认为", "我分局认为", "我大队认为"}

// reasoningRepeats marks as a part each amount of a decision's reasoning
// and decision (本局认为…骗取税款31,520元…决定追缴退税款31,520元) that
// repeats an amount of the same role the facts before the reasoning gave:
// the repetition restates the one figure, and summed it would triple the
// base of the fine.
func reasoningRepeats(text string, as []Amount) {
	at := -1
	for _, m := range reasoningMarks {
		if i := Index(text, m); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	if at < 0 {
		return
	}
	for i := range as {
		if as[i].Start < at || as[i].Role == "" {
			continue
		}
		for _, p := range as[:i] {
			if p.Start < at && p.Role == as[i].Role && p.Value == as[i].Value && !p.Part {
				as[i].Part = true
				break
			}
		}
	}
}

// dropRestated removes an amount that only restates the one before it in
// other numerals, so that totals do not count it twice.
func dropRestated(text string, as []Amount) []Amount {
	out := as[:0]
	for i, a := range as {
		if i > 0 {
			p := as[i-1]
			gap := text[p.End:max(p.End, a.Start)]
			if p.Value == a.Value && p.End <= a.Start && a.Start-p.End <= 40 && restatement.Replace(text[p.End:a.Start]) == "" &&
				containsAny(gap, "(", "（", "大写", "小写", "¥", "￥", "整") {
				continue
			}
		}
		out = append(out, a)
	}
	return out
}

// bareWan finds the amounts register lines and 立案审批表 write in 万 without
// 元 (货值2万, 案值1.5万, 违法所得3万余): a figure of Arabic or Chinese digits
// ending in 万 (余/多 after it allowed) that no unit, digit or 元 follows.
// moneyRe reads 2万元; yenRe reads ¥2万; a quantity (2万吨, 1.5万平方米) is
// followed by its unit and never returned. The caller keeps a match only
// after a money role. One pass over the 万 runes of the text; no regexp.
func bareWan(ms string) [][2]int {
	var out [][2]int
	for off := 0; ; {
		i := Index(ms[off:], "万")
		if i < 0 {
			return out
		}
		i += off
		off = i + len("万")
		end := off
		if r, n := utf8.DecodeRuneInString(ms[end:]); r == '余' || r == '多' {
			end += n
		}
		if r, _ := utf8.DecodeRuneInString(ms[end:]); end < len(ms) && (unicode.Is(unicode.Han, r) || unicode.IsLetter(r) || unicode.IsDigit(r) || r == '¥' || r == '￥') {
			continue // 2万元, 2万吨, 2万人, 2万平方米
		}
		start, digits := i, false
		for start > 0 {
			r, n := utf8.DecodeLastRuneInString(ms[:start])
			if r >= '0' && r <= '9' {
				digits = true
			} else if r == '.' || r == ',' {
				if !digits {
					break
				}
			} else if strings.ContainsRune(cn, r) && r != '万' && r != '萬' && r != '亿' && r != '億' {
				digits = true
			} else {
				break
			}
			start -= n
		}
		if !digits || start == i {
			continue
		}
		if r, _ := utf8.DecodeLastRuneInString(ms[:start]); r == '第' || r == '¥' || r == '￥' {
			continue
		}
		if !startsNumber(ms[start:]) {
			continue
		}
		out = append(out, [2]int{start, end})
	}
}

// perHundredMLPrefixes open a blood alcohol content written unit first
// (每百毫升一百二十六毫克; 每100毫升血液中乙醇含量为92毫克, the words of the
// blood and the alcohol between: alcoholGap).
var perHundredMLPrefixes = [...]string{"每百毫升", "每100毫升", "每100ml", "每100mL"}

// perHundredML reads blood alcohol contents written unit first (每百毫升
// 一百二十六毫克): the figure right after the unit, then 毫克 or mg. It only
// looks where a prefix occurs, so text without one costs a few Index calls.
func perHundredML(s string, span func(a, b int) (int, int)) []Quantity {
	var out []Quantity
	for _, p := range perHundredMLPrefixes {
		for from := 0; from < len(s); {
			i := Index(s[from:], p)
			if i < 0 {
				break
			}
			a := from + i + len(p)
			from = a
			for a < len(s) && s[a] == ' ' {
				a++
			}
			a = alcoholGap(s, a)
			b := a
			for b < len(s) {
				r, size := utf8.DecodeRuneInString(s[b:])
				if !isDigitOrNumeral(r) {
					break
				}
				b += size
			}
			var unitLen int
			switch {
			case strings.HasPrefix(s[b:], "毫克"):
				unitLen = len("毫克")
			case strings.HasPrefix(s[b:], "mg") || strings.HasPrefix(s[b:], "MG"):
				unitLen = 2
			}
			if b == a || unitLen == 0 {
				continue
			}
			v, err := ParseChineseDecimal(s[a:b])
			if err != nil {
				continue
			}
			q := Quantity{Value: v, Unit: "毫克/100毫升", Role: "血液酒精含量"}
			q.Start, q.End = span(from-len(p), b+unitLen)
			out = append(out, q)
		}
	}
	return out
}

// unitPrice is the first amount of a text named per unit of goods and by no
// role (每箱售价45元, 以每双380元的价格销售); at is its byte offset in the
// normalised text, -1 for none.
type unitPrice struct {
	at    int
	value float64
	// over is a price named as what was charged above the due one (每桶多收
	// 12元, 每箱多卖十八元, 每只加价1.2元): times the units sold it is the
	// 违法所得 (overchargeTimesCount), never a 货值金额.
	over bool
	// unit is the goods measure written after the amount (0.8元/斤), "" when
	// the 每 before it names the unit.
	unit string
}

// overchargeWords name a per-unit amount as charged over the due price, in
// an officer's, a shopkeeper's or a buyer's words (多收, 加价, 多要, 多算,
// 贵了, 比平时高出).
var overchargeWords = [...]string{"多收", "多收取", "多要", "多算", "多结算", "多卖", "多付", "多花", "多赚", "多挣",
	"加价", "溢价", "高出", "涨价", "提价", "贵了", "涨了"}

// overcharged says whether the per-unit amount at offset a of s is charged
// over the due price: an overcharge word ends the phrase before it (每桶多收
// 12元, 多收了人民币3元) or follows the last 每 of that phrase (每只加价1.2元,
// 每桶比平时高出10元). It is the one reading of an overcharge: the price
// the units sold multiply into the 违法所得.
func overcharged(s string, a int) bool {
	w := s[clauseBefore(s, a, isPhraseEnd):a]
	before := strings.TrimSuffix(strings.TrimSuffix(w, "人民币"), "了")
	for _, o := range overchargeWords {
		if strings.HasSuffix(before, o) {
			return true
		}
	}
	i := strings.LastIndex(w, "每")
	if i < 0 {
		return false
	}
	if containsAny(w[i:], overchargeWords[:]...) {
		return true
	}
	// 多收每箱15元, 每斤多收 written the other way round: the overcharge word
	// right before the 每 of the unit.
	head := strings.TrimSuffix(strings.TrimSuffix(w[:i], "了"), "取")
	return HasAnySuffix(head, overchargeWords[:]...)
}

// labelledAt name a per-unit amount as the price marked on the goods or the
// shelf (价签写着每斤4.5元, 标价每件98元, 明码标示每瓶3元); chargedAt, before or
// right after a later amount, as the price taken at the till (按每斤5元收钱,
// 结算价每件108元, 实收每瓶3.5元).
var (
	labelledAt     = [...]string{"价签", "标价", "标示", "标注", "标明", "价格标签", "明码标价", "吊牌价", "标签"}
	chargedBefore  = [...]string{"按", "结算", "实收", "收取", "收银", "收款", "却收", "实际收"}
	chargedAfterAt = [...]string{"收钱", "收取", "收款", "结算", "收费"}
)

// labelOverCharge reads a price charged above the price labelled for the
// same unit (价签每斤4.5元，收银时按每斤5元收钱): the difference is the
// overcharge each unit sold carries, the 违法所得 of selling above the
// price labelled (在标价之外加价出售商品, 价格违法行为行政处罚规定 第十三条第
// （三）项: 没收违法所得) as a 多收 per unit is. prices are the
// role-less per-unit amounts in text order.
func labelOverCharge(s, ms string, prices []unitPrice) (unitPrice, bool) {
	label := -1
	for i, p := range prices {
		w := lastRunes(s[clauseBefore(s, p.at, isPhraseEnd):p.at], 10)
		if label < 0 {
			if containsAny(w, labelledAt[:]...) {
				label = i
			}
			continue
		}
		l := prices[label]
		if p.value <= l.value || containsAny(w, labelledAt[:]...) {
			continue
		}
		unit, lunit := perUnit(ms, p.at, goodsMeasures[:]), perUnit(ms, l.at, goodsMeasures[:])
		if unit == "" || unit != lunit {
			continue
		}
		after := s[p.at:clauseAfter(s, p.at, isPhraseEnd)]
		if !containsAny(w, chargedBefore[:]...) && !containsAny(after, chargedAfterAt[:]...) {
			continue
		}
		return unitPrice{at: p.at, value: math.Round((p.value-l.value)*100) / 100, over: true}, true
	}
	return unitPrice{}, false
}

// slashUnit returns the goods measure an amount ending at e is priced by
// when the unit follows it after a slash or 每 (0.8元/斤, 15元每箱), "" for
// none: the written form of a per-unit price that carries no 每 before it.
func slashUnit(ms string, e int) string {
	rest := ms[e:]
	var ok bool
	for _, sep := range [...]string{"/", "／", "每"} {
		if r, cut := strings.CutPrefix(rest, sep); cut {
			rest, ok = r, true
			break
		}
	}
	if !ok {
		return ""
	}
	for _, u := range goodsMeasures {
		if strings.HasPrefix(rest, u) {
			return u
		}
	}
	return ""
}

// boughtAt name a per-unit amount as the price the party paid for the
// goods, before it (每箱进价40元) or after it (以每米1.2元的进货价购进,
// 以每箱40元的价格购进20箱).
var (
	boughtAtBefore = [...]string{"进价", "进货价", "进货单价", "购进价", "购入价", "采购价", "采购单价", "成本价", "成本"}
	boughtAtAfter  = [...]string{"进价", "进货价", "进货单价", "购进价", "购入价", "采购价", "采购单价", "成本价", "购进", "购入", "采购", "进货", "买进", "买入", "收购"}
)

// purchasePrice reports whether the per-unit amount s[a:b] is what the
// party paid for the goods rather than what it sold them at: a purchase
// word ends the phrase before it, or starts the words after it (after 的
// and 价格).
// boughtVerbs in the sentence before a bare 单价 make it a purchase price.
var boughtVerbs = [...]string{"购进", "购入", "进货", "采购", "买进", "买入", "收购"}

// claimedAt name a per-unit amount as a price claimed or listed elsewhere
// (广告宣称每瓶价值1000元, 专柜零售价, 原价, 市场价), not the price sold at.
var claimedAt = [...]string{"宣称", "宣传", "号称", "声称", "标称", "广告", "价值", "原价", "市场价", "专柜"}

// claimedPrice reports whether the per-unit amount at a follows claimedAt
// words in its phrase.
func claimedPrice(s string, a int) bool {
	return containsAny(lastRunes(s[clauseBefore(s, a, isPhraseEnd):a], 10), claimedAt[:]...)
}

func purchasePrice(s string, a, b int) bool {
	ph := clauseBefore(s, a, isPhraseEnd)
	if containsAny(lastRunes(s[ph:a], 8), boughtAtBefore[:]...) {
		return true // 每箱进价40元, 进货单价为每件12元
	}
	// 当事人购进插座60个，单价45元: a bare 单价 right after the buying is
	// what was paid.
	if namedUnitPrice(s[ph:a]) && containsAny(s[clauseBefore(s, a, isClauseEnd):ph], boughtVerbs[:]...) {
		return true
	}
	after := s[b:]
	after = strings.TrimPrefix(after, "的")
	after = strings.TrimPrefix(after, "价格")
	return hasAnyPrefix(after, boughtAtAfter[:]...)
}

// goodsMeasures are the measure words goods are counted and priced by; a
// head count (每人), a trip (每趟) or a day (每天) is no goods and keeps its
// own reading.
var goodsMeasures = [...]string{"公斤", "千克", "米", "箱", "双", "袋", "瓶", "件", "盒", "包", "条", "桶", "台", "只", "支", "斤", "套", "罐", "块", "本", "份", "听", "提", "卷", "把", "顶", "副", "张", "吨"}

// countWords before a count make it the whole quantity (进货120箱, 共计96双);
// partWords a share of it (其中已售出30双, 其余66双); extraWords a quantity
// beside the first (另有40袋已批发出去).
var (
	countWords = [...]string{"共", "合计", "总计", "累计", "进货", "购进", "购入", "采购", "生产", "加工", "灌装", "分装"}
	// wholeWords are the countWords that name a count as the whole of any
	// units, not only of goods bought or made.
	// 先后 and 前后 count the trips of a period (先后运输12趟).
	wholeWords = [...]string{"共", "合计", "总计", "累计", "先后", "前后"}
	// 库存, 在库 and 待售 name the share still held (已售出800米，库存1200米).
	partWords  = [...]string{"其中", "其余", "剩余", "尚余", "还剩", "已售", "售出", "卖出", "已销售", "库存", "在库", "待售"}
	extraWords = [...]string{"另有", "另外", "另"}
)

// perUnit returns the unit of units right after the last 每 in the phrase
// before at (每箱售价45元: 箱; 每趟收取车费200元: 趟), "" for none.
func perUnit(ms string, at int, units []string) string {
	w := ms[clauseBefore(ms, at, isPhraseEnd):at]
	i := strings.LastIndex(w, "每")
	if i < 0 {
		return ""
	}
	after := w[i+len("每"):]
	for _, u := range units {
		if strings.HasPrefix(after, u) {
			return u
		}
	}
	return ""
}

// fareUnits are what unlicensed transport charges by: a trip, a vehicle
// load, a passenger, an order, a day (每趟收取车费200元, 每车运费800元).
var fareUnits = [...]string{"车次", "趟", "车", "次", "人", "位", "单", "天"}

// seatUnits price a passenger's seat (每位乘客, 每位, 每名乘客, 每人); passengerWords
// say the run carried passengers; headCounts are the units a seat fare is
// counted by (载客812人次, 共拉了6位, 累计载客40人).
var (
	seatUnits      = [...]string{"位", "名乘客", "名旅客", "人", "个人", "座"}
	passengerWords = [...]string{"载客", "乘客", "旅客", "拉客", "拉人", "接人", "客运", "搭载"}
	headCounts     = [...]string{"人次", "人", "位", "名"}
	// onBoard are the words around a head count that make it the passengers
	// carried (车上4人, 拉4名旅客, 坐有6名乘客), not officers or witnesses.
	onBoard = [...]string{"乘客", "旅客", "载客", "车上", "车内", "坐", "拉", "拼客"}
	// takingsUnknown say the run's earlier takings are still open (此前营运的
	// 次数和收入尚未查清, 跑了多少趟记不清): the passengers on board are then
	// no whole count, and every bracket of the fine stays open.
	takingsUnknown = [...]string{"尚未查清", "未查清", "尚在核查", "尚在核实", "正在核实", "有待核实", "尚待核实", "记不清", "说不清", "不清楚", "拒不说明", "拒绝说明", "无法核实", "无法查清", "无法查明", "尚不清楚", "待查",
		// 以往运营次数及收入不清, 此前收了多少运费拒不交代
		"不清", "拒不交代", "拒绝交代", "未查明", "尚未查明", "不详"}
)

// takingsOpen reports whether the text says the run's takings are still
// open: a takingsUnknown phrase in a clause that names the takings, their
// count or what was charged (takingsWords), before the phrase or after it. Open words about anything else
// (号牌模糊不清, 去向不详) leave the takings as stated.
//
// The phrases' occurrences are found in one pass (takingsUnknownSet): no
// phrase overlaps itself (none begins with the character it ends with), so
// they are the occurrences a search per phrase finds.
func takingsOpen(s string) bool {
	for at := takingsUnknownSet.IndexFrom(s, 0); at >= 0; {
		for _, cue := range takingsUnknown {
			if !strings.HasPrefix(s[at:], cue) {
				continue
			}
			start := clauseBefore(s, at, isClauseOrCommaEnd)
			end := at + len(cue)
			// The whole clause: the takings may follow the open words
			// (拒绝说明此前的营运收入, 记不清跑了多少趟).
			if containsAny(s[start:clauseAfter(s, end, isClauseOrCommaEnd)], takingsWords[:]...) {
				return true
			}
		}
		_, size := utf8.DecodeRuneInString(s[at:])
		at = takingsUnknownSet.IndexFrom(s, at+size)
	}
	return false
}

// takingsUnknownSet finds the takingsUnknown phrases in one pass.
var takingsUnknownSet = NewPhraseSet(takingsUnknown[:]...)

// isClauseOrCommaEnd ends a clause at a sentence end or a comma.
func isClauseOrCommaEnd(r rune) bool {
	return isClauseEnd(r) || r == '，' || r == ','
}

// takingsWords name the takings, their count or the charge, before a
// takingsUnknown phrase in its clause (收入尚未查清, 跑了多少趟记不清,
// 收了多少运费拒不交代).
var takingsWords = [...]string{"收入", "营收", "运费", "车费", "票款", "费用", "违法所得", "所得", "营运", "运营", "次数", "趟", "多少", "收了", "收取", "载客", "拉客", "人次", "金额", "数额", "钱"}

// seatPrices are the words that price one passenger's seat before a spoken
// amount (每个人二十五块, 每座30块).
var seatPrices = [...]string{"每人", "每位", "每个人", "每座", "每名乘客", "每名旅客"}

// seatPriced reports whether the phrase ending before a spoken amount
// prices a seat.
func seatPriced(before string) bool {
	w := before[clauseBefore(before, len(before), isPhraseEnd):]
	return containsAny(lastRunes(w, 8), seatPrices[:]...)
}

// fareCountUnits are the units the count of a fare's unit may be written
// in: a seat is counted by heads (人次, 人, 位, 名), anything else by itself.
func fareCountUnits(unit string) []string {
	switch unit {
	case "人", "位", "名乘客", "名旅客", "个人", "座":
		return headCounts[:]
	}
	return []string{unit}
}

// faresTimesCount derives the 违法所得 of unlicensed transport from a fare
// per unit (fare, the first 营运收入 amount read per unit) and the count of
// those units named as the whole (每趟收取车费200元，共拉客15趟; 每人30元，
// 累计载客40人) when the text states no fares or gains in all (the fare
// alone then stood for them): the fines of 道路运输条例 read the gains.
func faresTimesCount(ms string, fare unitPrice, as []Amount, ts []Total) []Total {
	if fare.at < 0 {
		return ts
	}
	for _, a := range as {
		if (a.Role == RoleFares || a.Role == RoleIllegalGains) && !a.Rate && !a.Bound {
			return ts
		}
	}
	unit := perUnit(ms, fare.at, fareUnits[:])
	if unit == "" {
		unit = perUnit(ms, fare.at, seatUnits[:])
	}
	if unit == "" {
		return ts
	}
	// The count named as the whole (共, 合计, 总计, 累计, 先后); a count of
	// person-trips (812人次) is one; and for a unit that is no head (趟, 车,
	// 单), the only count of it the text gives (每趟800元 已跑15趟) unless it is
	// named as a share (其中).
	n, found, lone, count := 0.0, false, 0.0, 0
	seats, seatCount := 0.0, 0
	lonePeriod := -1
	eachCount(ms, fareCountUnits(unit), func(u string, c float64, k, end int) {
		if perOrOrdinal(ms, k) {
			return
		}
		ctx := lastRunes(ms[clauseBefore(ms, k, isPhraseEnd):k], 6)
		if !found && (containsAny(ctx, wholeWords[:]...) || u == "人次") {
			n, found = c, true
		}
		if !containsAny(ctx, partWords[:]...) {
			lone, count = c, count+1
			if containsAny(ctx+firstRunes(ms[end:], 3), onBoard[:]...) {
				seats, seatCount = c, seatCount+1
			}
			lonePeriod = periodOf(lastRunes(ctx, 5))
		}
	})
	if !found && count == 1 && len(fareCountUnits(unit)) == 1 {
		n, found = lone, true
		if d := spansOf(ms, lonePeriod); d > 0 {
			n *= d // 每天拉两趟 … 共拉了12天: 24 trips; 每月20趟 … 3个月: 60
		}
	}
	// A seat fare and the one count of passengers on board (每位40元，车上4人)
	// are the run's takings when nothing says earlier runs' takings are open.
	if !found && seatCount == 1 && len(fareCountUnits(unit)) > 1 && !takingsOpen(ms) {
		n, found = seats, true
	}
	if found {
		v := math.Round(fare.value*n*100) / 100
		for i := range ts {
			if ts[i].Role == RoleIllegalGains {
				ts[i].Value = v
				return ts
			}
		}
		return append(ts, Total{Role: RoleIllegalGains, Value: v})
	}
	return ts
}

// soldCountWords, before a count, make it the units sold.
var soldCountWords = [...]string{"售出", "卖出", "销售", "出售", "卖了", "售了", "共", "合计", "总计", "累计"}

// overchargeTimesCount derives the 违法所得 of a price rise from what each
// unit was charged above its price and the units sold (每斤多收2元，共卖出
// 1500斤: 3000元; 每桶多收33元 … 售出桶装水200桶) when the text states no
// gains: 价格违法行为行政处罚规定 fines by the gains, which are the premium
// on every unit sold. The count is the one a sale or a total names, else
// the only count of that measure.
func overchargeTimesCount(ms string, p unitPrice, ts []Total) []Total {
	if p.at < 0 || hasRole(ts, RoleIllegalGains) {
		return ts
	}
	measure := perUnit(ms, p.at, goodsMeasures[:])
	if measure == "" {
		measure = p.unit
	}
	if measure == "" {
		return ts
	}
	sold, lone, count := unitCounts(ms, []string{measure}, soldCountWords[:], 8, false)
	if sold == 0 && count == 1 {
		sold = lone
	}
	if sold == 0 {
		return ts
	}
	return append(ts, Total{Role: RoleIllegalGains, Value: math.Round(sold*p.value*100) / 100})
}

// tripUnits are the fare units of a haul (每趟, 每车次, 每车); haulWords say
// goods or people were carried for pay.
var (
	tripUnits = [...]string{"趟", "车次", "车"}
	haulWords = [...]string{"运输", "拉货", "拉运", "运送", "货运", "运渣土", "运砂", "运沙", "拉砂", "拉沙", "拉土", "拉客", "载客", "营运"}
)

// periods are the spans a count may be written per: the words that, right
// before a count, make it a count per span (每天拉两趟, 一天跑3趟, 每月拉20趟,
// 每个月跑十来趟, 每周3趟) and the units that count the spans (12天, 3个月, 6周).
var periods = [...]struct{ per, units []string }{
	{[]string{"每天", "每日", "一天", "一日", "天天"}, []string{"天", "日"}},
	{[]string{"每月", "每个月", "一个月", "月月"}, []string{"个月"}},
	{[]string{"每周", "每星期", "每个星期", "一周", "一星期", "一个星期"}, []string{"周", "个星期", "星期"}},
}

// periodOf returns the index in periods of the span the count whose last
// runes before it are ctx is written per, -1 for none.
func periodOf(ctx string) int {
	for i, p := range periods {
		if containsAny(ctx, p.per...) {
			return i
		}
	}
	return -1
}

// spansOf returns how many spans of periods[p] a count per span ran (共拉了
// 12天, 累计15日, 已拉了3个月; the only count of the span when none is named
// as the whole), 0 when p is -1 or the spans are not stated.
func spansOf(ms string, p int) float64 {
	if p < 0 {
		return 0
	}
	whole, lone, count := unitCounts(ms, periods[p].units, wholeWords[:], 6, true)
	if whole > 0 {
		return whole
	}
	if count == 1 {
		return lone
	}
	return 0
}

// unitCounts scans ms for the counts written right before each of units
// (1500斤, 12天; none after 第 or 每, nor a bare 一 when skipOne: the 一天 of
// 一天跑3趟). named is the first count with one of words in the runes
// before it in its phrase (共卖出1500斤, 累计干了15天), lone the last count,
// count how many there are.
func unitCounts(ms string, units, words []string, runes int, skipOne bool) (named, lone float64, count int) {
	eachCount(ms, units, func(_ string, c float64, k, _ int) {
		if perOrOrdinal(ms, k) || skipOne && c == 1 && strings.HasPrefix(ms[k:], "一") {
			return
		}
		lone, count = c, count+1
		if named == 0 && containsAny(lastRunes(ms[clauseBefore(ms, k, isPhraseEnd):k], runes), words...) {
			named = c
		}
	})
	return named, lone, count
}

// eachCount calls f, unit by unit in the order of units and then in text
// order, for each count written right before a unit in ms (1500斤, 十五趟;
// 3个人 for 人, while 人次 is a unit of its own): the unit, the count, the
// count's start and the unit's end.
func eachCount(ms string, units []string, f func(u string, c float64, k, end int)) {
	for _, u := range units {
		for from := 0; ; {
			j := Index(ms[from:], u)
			if j < 0 {
				break
			}
			j += from
			from = j + len(u)
			if u == "人" && strings.HasPrefix(ms[j:], "人次") {
				continue // read as 人次
			}
			at := j
			if u == "人" && strings.HasSuffix(ms[:j], "个") {
				at -= len("个") // 车里坐了3个人
			}
			if c, k, ok := countBefore(ms, at); ok {
				f(u, c, k, from)
			}
		}
	}
}

// perOrOrdinal reports whether the count starting at k of ms follows 第 or
// 每 (第3趟, 每2箱): an ordinal or a rate, not a count of units.
func perOrOrdinal(ms string, k int) bool {
	prev, _ := utf8.DecodeLastRuneInString(ms[:k])
	return prev == '第' || prev == '每'
}

// kuaiMoney are the kinds of money that may follow a spoken amount in 块
// (8000块工资, 两千块押金).
var kuaiMoney = [...]string{"钱", "工资", "工钱", "报酬", "劳务费", "货款", "车费", "运费", "租金", "押金", "罚款", "现金"}

// kuaiRole is the role the money named right after a spoken amount gives
// it (七万五千块钱工资: 工资; 三百块车费: 营运收入), "" for none.
func kuaiRole(rest string) string {
	rest = strings.TrimPrefix(rest, "钱")
	for _, k := range [...]struct{ word, role string }{{"工资", RoleWages}, {"工钱", RoleWages}, {"报酬", RoleWages}, {"车费", RoleFares}, {"运费", RoleFares}} {
		if strings.HasPrefix(rest, k.word) {
			return k.role
		}
	}
	return ""
}

// kuaiAmount returns the figure of a kuaiRe match m of s (七万五千, 8000) when
// the 块 is money: 钱 or a kind of money follows, or the figure is a thousand
// or more (a 千 or 万 in it, or four digits) and a break follows.
func kuaiAmount(s string, m []int) (string, bool) {
	if prev, _ := utf8.DecodeLastRuneInString(s[:m[0]]); prev == '第' || !startsNumber(s[m[0]:]) {
		return "", false
	}
	num := strings.TrimSuffix(s[m[0]:m[1]], "块")
	rest := s[m[1]:]
	for _, k := range kuaiMoney {
		if strings.HasPrefix(rest, k) {
			return num, true
		}
	}
	r, _ := utf8.DecodeRuneInString(rest)
	if rest != "" && (unicode.Is(unicode.Han, r) || unicode.IsLetter(r) || unicode.IsDigit(r)) {
		return "", false // 三块玻璃, 两千块砖
	}
	if seatPriced(s[:m[0]]) {
		return num, true // 每个人二十五块, 每座30块: a seat's fare
	}
	digits := strings.TrimRight(num, "余多")
	big := strings.ContainsAny(digits, "千万仟萬")
	if !big {
		n := 0
		for _, r := range digits {
			if r >= '0' && r <= '9' {
				n++
			}
		}
		big = n >= 4 && !Contains(digits, ".")
	}
	return num, big
}

// countBefore reads the count written right before byte j of ms (120 in
// 120箱, 十五 in 十五趟; digits with a decimal point or thousands commas, or
// numerals) and returns it with its start; false when none stands there.
func countBefore(ms string, j int) (float64, int, bool) {
	k := j
	for k > 0 {
		r, size := utf8.DecodeLastRuneInString(ms[:k])
		if !(r >= '0' && r <= '9' || r == '.' || r == ',' || strings.ContainsRune(cn, r)) {
			break
		}
		k -= size
	}
	if k == j || !startsNumber(ms[k:j]) {
		return 0, k, false
	}
	n, err := ParseChineseDecimal(strings.ReplaceAll(ms[k:j], ",", ""))
	if err != nil || n <= 0 {
		return 0, k, false
	}
	return n, k, true
}

// countedMeasure returns the goods measure of the first count in the
// sentence of the amount at byte at of ms (涉案插座共60个，单价45元: 个), ""
// for none.
func countedMeasure(ms string, at int) string {
	sent := ms[clauseBefore(ms, at, isClauseEnd):clauseAfter(ms, at, isClauseEnd)]
	best, bestAt := "", len(sent)
	eachCount(sent, append(goodsMeasures[:len(goodsMeasures):len(goodsMeasures)], "个"), func(u string, _ float64, k, end int) {
		if k < bestAt && !perOrOrdinal(sent, k) && !notGoodsCount(u, sent[end:]) {
			best, bestAt = u, k
		}
	})
	return best
}

// heldOther reports whether the words before a held share's count name
// goods (库存啤酒120瓶) that the sentence of the price does not name: the
// stock of another product is no share of the priced goods.
func heldOther(ctx, priced string) bool {
	for _, h := range [...]string{"库存", "在库", "待售"} {
		k := strings.LastIndex(ctx, h)
		if k < 0 {
			continue
		}
		noun := ctx[k+len(h):]
		for _, f := range [...]string{"的", "该批", "该", "上述", "同款", "同批", "涉案", "有", "还有", "尚有"} {
			noun = strings.TrimPrefix(noun, f)
		}
		for _, f := range [...]string{"商品", "产品", "货物", "货"} {
			noun = strings.TrimSuffix(noun, f)
		}
		return utf8.RuneCountInString(noun) >= 2 && !Contains(priced, noun)
	}
	return false
}

// notGoodsCount reports whether a count in 个 is of months or people (3个月,
// 5个人, 2个工作日), not of goods.
func notGoodsCount(unit, rest string) bool {
	return unit == "个" && hasAnyPrefix(rest, "月", "人", "工作", "小时", "星期", "季度")
}

// lotsTimesPrices derives the value of the goods from lots each told with
// its own count and price (第一批120卷，标价每卷95元；第二批90卷，标价每卷128元；
// 第三批40卷，标价每卷210元: 120×95 + 90×128 + 40×210): the 货值金额 is every
// lot at its price, not the first lot's, which is all countTimesPrice reads.
// It runs only when no 货值金额, 销售金额 or 违法经营额 is stated, for two or
// more prices each in its own clause (up to 。 or ；) with exactly one count
// of the priced measure before it, none of them a share (其中已售出) or an
// overcharge; otherwise it leaves the totals as they are.
func lotsTimesPrices(ms string, prices []unitPrice, ts []Total) []Total {
	if len(prices) < 2 || hasRole(ts, RoleGoodsValue) || hasRole(ts, RoleSalesAmount) || hasRole(ts, RoleIllegalRevenue) {
		return ts
	}
	var sum float64
	prevClause := -1
	for _, p := range prices {
		if p.over {
			return ts
		}
		measure := perUnit(ms, p.at, lotMeasures)
		clause := clauseBefore(ms, p.at, isClauseEnd)
		if measure == "" || clause == prevClause {
			return ts
		}
		prevClause = clause
		own := ms[clause:p.at]
		// The list's heading (查获插线板三个批次：甲批次200个) is no lot.
		if i := strings.LastIndexAny(own, ":："); i >= 0 {
			own = own[i:]
		}
		var n float64
		counts := 0
		eachCount(own, []string{measure}, func(_ string, c float64, k, end int) {
			if perOrOrdinal(own, k) || notGoodsCount(measure, own[end:]) || strings.HasPrefix(own[end:], "批") {
				return
			}
			counts++
			if !containsAny(lastRunes(own[clauseBefore(own, k, isPhraseEnd):k], 8), partWords[:]...) {
				n = c
			}
		})
		if counts != 1 || n <= 0 {
			return ts
		}
		sum += n * p.value
	}
	v := math.Round(sum*100) / 100
	return append(ts, Total{Role: RoleGoodsValue, Value: v}, Total{Role: RoleIllegalRevenue, Value: v})
}

// lotMeasures are the goods measures a lot is counted in, 个, 根, 片 and 枚
// among them (甲批次200个，标价每个18元; 第一批500根，标价每根16元).
var lotMeasures = append(goodsMeasures[:len(goodsMeasures):len(goodsMeasures)], "个", "根", "片", "枚")

// countTimesPrice derives the value of the goods from a count and a unit
// price when the text states neither 货值金额, 销售金额 nor 违法经营额 (当月进货
// 120箱，每箱售价45元; 购进…运动鞋96双，以每双380元的价格对外销售): the 货值金额
// of 产品质量法 and 食品安全法 and the 违法经营额 of 商标法 are both the goods
// counted at their price. The count is the one named as the whole (进货,
// 共), else the first count plus those named beside it (另有); shares of it
// (其中已售出) count only when nothing else does. It runs only when a
// role-less per-unit price was read, a scan of the text per measure word;
// an overcharge (p.over) is overchargeTimesCount's.
func countTimesPrice(ms string, p unitPrice, ts []Total) []Total {
	if p.at < 0 || p.over || hasRole(ts, RoleGoodsValue) || hasRole(ts, RoleSalesAmount) || hasRole(ts, RoleIllegalRevenue) {
		return ts
	}
	measure := perUnit(ms, p.at, goodsMeasures[:])
	if named := namedUnitPrice(ms[clauseBefore(ms, p.at, isPhraseEnd):p.at]); named {
		// 插头单价5元共200个: a count in the 单价's own phrase is of the goods
		// it prices, not the sentence's first goods (购进插座60个).
		own := ms[p.at:clauseAfter(ms, p.at, isPhraseEnd)]
		var n float64
		found := false
		eachCount(own, append(goodsMeasures[:len(goodsMeasures):len(goodsMeasures)], "个"), func(u string, c float64, k, end int) {
			// 单价310元 已售出22台 (a register's words, no comma between):
			// a share of the goods is not the goods the price is of; the
			// whole named elsewhere (共进货60台) is counted below.
			if !found && !perOrOrdinal(own, k) && !notGoodsCount(u, own[end:]) &&
				!containsAny(lastRunes(own[clauseBefore(own, k, isPhraseEnd):k], 8), partWords[:]...) {
				n, found = c, true
			}
		})
		if found && n > 0 {
			v := math.Round(n*p.value*100) / 100
			return append(ts, Total{Role: RoleGoodsValue, Value: v}, Total{Role: RoleIllegalRevenue, Value: v})
		}
		if measure == "" {
			measure = countedMeasure(ms, p.at)
		}
	}
	if measure == "" && perUnit(ms, p.at, []string{"个"}) == "个" {
		measure = "个" // 每个售价80元 (a 个 of months or people is not counted below)
	}
	if measure == "" {
		return ts
	}
	var whole, first, extra, parts, moved float64
	haveWhole, haveFirst := false, false
	priced := ms[clauseBefore(ms, p.at, isClauseEnd):clauseAfter(ms, p.at, isPhraseEnd)]
	seized := seizureBroken(ms)
	eachCount(ms, []string{measure}, func(_ string, n float64, k, end int) {
		if notGoodsCount(measure, ms[end:]) {
			return
		}
		if seized && containsAny(ms[end:clauseAfter(ms, end, isPhraseEnd)], movedWords[:]...) {
			// 120台电热水壶中有75台已被运往外地销售: of goods under seal, the
			// fine of 产品质量法 第六十三条 is on the value of those moved or sold.
			moved += n
			return
		}
		ctx := lastRunes(ms[clauseBefore(ms, k, isPhraseEnd):k], 8)
		switch {
		case containsAny(ctx, partWords[:]...):
			if heldOther(ctx, priced) {
				return // 已售出180瓶，库存啤酒120瓶: the stock is of other goods
			}
			parts += n
		case containsAny(ctx, countWords[:]...):
			if !haveWhole {
				whole, haveWhole = n, true
			}
		case containsAny(ctx, extraWords[:]...):
			extra += n
		case !haveFirst:
			first, haveFirst = n, true
		}
	})
	var count float64
	switch {
	case moved > 0:
		count = moved
	case haveWhole:
		count = whole
	case haveFirst:
		count = first + extra
	default:
		count = parts + extra
	}
	if count <= 0 {
		return ts
	}
	v := math.Round(count*p.value*100) / 100
	return append(ts, Total{Role: RoleGoodsValue, Value: v}, Total{Role: RoleIllegalRevenue, Value: v})
}

// movedWords, in the phrase after a count of goods under seal, say the
// goods were taken away, hidden, sold or destroyed (75台已被运往外地销售).
//
// The plain words of a record count too (把其中86卷拉出去卖了).
var movedWords = [...]string{"转移", "变卖", "运走", "运往", "拉走", "隐匿", "藏匿", "损毁", "销售", "卖掉", "出售", "售出", "拉出去", "搬出去", "运出去", "卖了"}

// seizureBroken reports whether the text tells of goods sealed or seized
// and the seal broken or the goods dealt with without leave (查封…封条已被
// 撕毁, 擅自转移被扣押的物品): then the goods moved, not all that were sealed,
// are the ones the fine is counted on.
//
// The leave not asked must be of the sealed goods: 擅自 or 私自 with a seal
// word in its phrase (擅自将被查封的…运往, 私自转移被扣押的), or the seal
// itself broken; 擅自生产…，执法人员依法扣押剩余45台 tells a seizure of the
// rest, and the 货值金额 is of all the goods.
func seizureBroken(ms string) bool {
	if !containsAny(ms, "查封", "扣押", "封存") {
		return false
	}
	if containsAny(ms, "启封", "撕毁封条", "撕开封条", "撕掉封条", "揭掉封条", "封条被撕", "封条已被撕", "封条被揭", "封条撕") {
		return true
	}
	for _, w := range [...]string{"擅自", "私自"} {
		for i := 0; ; {
			k := strings.Index(ms[i:], w)
			if k < 0 {
				break
			}
			at := i + k + len(w)
			i = at
			// The phrase after the word, at most 30 runes: bounded, so a
			// text of many 擅自 stays linear.
			phrase := ms[at:min(len(ms), at+90)]
			if j := strings.IndexAny(phrase, "，。；,;！？!?\n"); j >= 0 {
				phrase = phrase[:j]
			}
			if containsAny(phrase, "查封", "扣押", "封存", "封条") {
				return true
			}
		}
	}
	return false
}

// heldTimesPrice makes the 货值金额 of goods sold and goods still held when
// the text gives the sales as a sum and the stock as a count with its price
// (已售出货款约3.2万元，仓库里还剩40桶，每桶售价260元: 32,000 + 40 × 260):
// the 货值金额 of 产品质量法 第七十二条 and its kin counts every unit dealt in,
// those not sold at their price. Only when no 货值金额 is stated, one count
// of the priced unit follows a stock cue, and the price is in the count's
// sentence; the sales stay the sales.
func heldTimesPrice(ms string, prices []unitPrice, ts []Total) []Total {
	if len(prices) == 0 || hasRole(ts, RoleGoodsValue) {
		return ts
	}
	sales := -1
	for i, t := range ts {
		if t.Role == RoleSalesAmount {
			sales = i
		}
	}
	if sales < 0 {
		return ts
	}
	for _, p := range prices {
		u := perUnit(ms, p.at, goodsMeasures[:])
		if u == "" {
			continue
		}
		sent := clauseBefore(ms, p.at, isClauseEnd)
		var held float64
		n := 0
		eachCount(ms[sent:p.at], []string{u}, func(_ string, c float64, k, _ int) {
			ctx := lastRunes(ms[sent+clauseBefore(ms[sent:], k, isPhraseEnd):sent+k], 8)
			if containsAny(ctx, unsoldCues...) || containsAny(ctx, heldCues[:]...) {
				held, n = c, n+1
			}
		})
		if n == 1 && held > 0 {
			v := math.Round((ts[sales].Value+held*p.value)*100) / 100
			return append(ts, Total{Role: RoleGoodsValue, Value: v})
		}
	}
	return ts
}

// alcoholGap skips, from a (right after 每100毫升), the words that name the
// blood and the alcohol before the figure (血液中乙醇含量为, 血液中含乙醇,
// 血液中的酒精含量是): at most 12 runes, no punctuation, 乙醇 or 酒精 among
// them, a digit or numeral right after. It returns a when there is no such gap.
func alcoholGap(s string, a int) int {
	b := a
	for n := 0; b < len(s) && n < 12; n++ {
		r, size := utf8.DecodeRuneInString(s[b:])
		if isDigitOrNumeral(r) {
			break
		}
		if !unicode.Is(unicode.Han, r) {
			return a
		}
		b += size
	}
	if b == a || b >= len(s) {
		return a
	}
	if r, _ := utf8.DecodeRuneInString(s[b:]); !isDigitOrNumeral(r) {
		return a
	}
	if gap := s[a:b]; !strings.Contains(gap, "乙醇") && !strings.Contains(gap, "酒精") {
		return a
	}
	return b
}

// pastPenaltyWords, in the clause of a penalty told with its cause, date it
// before the case: a year (2024年5月), or words of an earlier time.
var pastPenaltyWords = [...]string{"年", "曾", "此前", "之前", "先前", "前期", "又因", "再次", "上次", "去年"}

// pastPenalties counts the earlier penalties a text tells one by one, each
// with its cause and its time (该厂于2024年5月因超标排放含镉废水被我局处罚
// 十万元，2025年2月又因同一原因被我局处罚二十万元): two or more are a count of
// prior penalties, as 先后两次 would be. It returns the count and the span
// from the first to the last. A penalty denied (未因…被处罚) is none.
func pastPenalties(s string) (int, int, int) {
	n, a, b := 0, -1, -1
	for _, m := range priorOneRe.FindAllStringIndex(s, -1) {
		clause := s[clauseBefore(s, m[0], isPhraseEnd):m[1]]
		if Negated(s, m[0]) || !containsAny(clause, pastPenaltyWords[:]...) || containsAny(clause, otherParty[:]...) || containsAny(clause, thisCase[:]...) {
			continue
		}
		n++
		if a < 0 {
			a = m[0]
		}
		b = m[1]
	}
	return n, a, b
}

// headCountRe reads a head count (8名, 十一人, 4个); the group's name is
// read right before it (瓦工8名) or, for 名 and 个, right after it (4名钢筋工).
// groupStops end a group's name.
var (
	headCountRe = regexp.MustCompile(`([0-9]{1,4}|[一二两三四五六七八九十百]{1,4})(名|人|个)`)
	groupStops  = "，,、；;。：:其中每和及与共 "
)

// maxPerHead caps the groups' per-head amounts wagesPerHead reads: more
// than that is no list of groups of workers; the total is left as it was.
const maxPerHead = 32

// groupHeads are the text's head counts, read in one pass: by every name
// a group could be called (the last one to four runes before the count,
// the first one to four after it), and the one count a text with no group
// gives. A name with two different counts is ambiguous (-1).
type groupHeads struct {
	byName map[string]float64
	one    float64 // the text's one 名/人 count; -1 when it gives two
	found  bool
	scans  int // passes over the whole text, for TestWagesPerHeadWorkTwentieth
}

func readHeadCounts(s string) groupHeads {
	h := groupHeads{byName: map[string]float64{}, scans: 1}
	put := func(name string, c float64) {
		if v, ok := h.byName[name]; ok && v != c {
			c = -1
		}
		h.byName[name] = c
	}
	for _, m := range headCountRe.FindAllStringSubmatchIndex(s, -1) {
		c, err := ParseChineseInt(s[m[2]:m[3]])
		if err != nil || c <= 0 {
			continue
		}
		v, unit := float64(c), s[m[4]:m[5]]
		if unit != "个" {
			if h.found && h.one != v {
				h.one = -1
			} else if !h.found {
				h.one, h.found = v, true
			}
			before := groupBefore(s, m[0])
			for k := range before {
				put(before[k:], v)
			}
		}
		if unit != "人" {
			after := groupAfter(s, m[1])
			for k, r := range after {
				put(after[:k+utf8.RuneLen(r)], v)
			}
		}
	}
	return h
}

// count is the head count of the named group, or, for no group, the
// text's one head count.
func (h groupHeads) count(group string) (float64, bool) {
	if group == "" {
		return h.one, h.found && h.one > 0
	}
	v, ok := h.byName[group]
	return v, ok && v > 0
}

// wagesPerHead makes the wages owed from amounts owed per head when the text
// names no whole (瓦工8名、钢筋工4名…其中瓦工每人4,000元、钢筋工每人3,500元 is
// 46,000 元): each 每人 amount times the count of the group named right
// before it, or of the one head count the text gives when it names no
// group (拖欠9名工人工资，每人3,000元). Every per-head amount must find its
// count, or the total is left as it was. A group's amount told again is the
// same debt restated, counted once. The head counts are read once, whatever
// the number of 每人 (work linear in the text).
func wagesPerHead(s string, as []Amount, ts []Total) []Total {
	out, _ := wagesPerHeadWork(s, as, ts)
	return out
}

// wagesPerHeadWork is wagesPerHead with the number of whole-text passes it
// made (each regexp pass and each 每人/每名 search run counts one).
func wagesPerHeadWork(s string, as []Amount, ts []Total) ([]Total, int) {
	rate := false
	for _, a := range as {
		if a.Role == RoleWages && !a.Rate && !a.Bound {
			return ts, 0
		}
		rate = rate || (a.Role == RoleWages && a.Rate)
	}
	if !rate {
		return ts, 0
	}
	var heads *groupHeads
	perGroup := map[string]float64{}
	var sum float64
	n, work := 0, 0
	for _, word := range [...]string{"每人", "每名"} {
		work++
		for off := 0; off < len(s); {
			i := Index(s[off:], word)
			if i < 0 {
				break
			}
			i += off
			off = i + len(word)
			m := moneyRe.FindStringIndex(s[off:min(len(s), off+48)])
			if m == nil || strings.ContainsAny(s[off:off+m[0]], "，,。；;") {
				continue
			}
			if containsAny(s[off:off+m[0]], "月", "天", "日", "小时", "年") {
				return ts, work // 每人每月3,000元: a monthly rate, the months not counted here
			}
			v, err := ParseAmount(s[off+m[0] : off+m[1]])
			if err != nil || v <= 0 {
				continue
			}
			group := groupBefore(s, i)
			if old, ok := perGroup[group]; ok {
				if old != v {
					return ts, work // two amounts for one group: which is owed is unclear
				}
				continue // the same debt told again
			}
			if n++; n > maxPerHead {
				return ts, work
			}
			perGroup[group] = v
			if heads == nil {
				h := readHeadCounts(s)
				heads = &h
				work += h.scans
			}
			c, ok := heads.count(group)
			if !ok {
				return ts, work
			}
			sum += v * c
		}
	}
	if n == 0 {
		return ts, work
	}
	for k := range ts {
		if ts[k].Role == RoleWages {
			ts[k].Value = sum
			return ts, work
		}
	}
	return append(ts, Total{Role: RoleWages, Value: sum}), work
}

// groupBefore is the group's name right before pos (瓦工 of 瓦工每人): the
// Han runes back to a stop, at most four.
func groupBefore(s string, pos int) string {
	b := pos
	for n := 0; b > 0 && n < 4; n++ {
		r, size := utf8.DecodeLastRuneInString(s[:b])
		if !unicode.Is(unicode.Han, r) || strings.ContainsRune(groupStops, r) {
			break
		}
		b -= size
	}
	return s[b:pos]
}

// groupAfter is the group's name right after pos (钢筋工 of 4名钢筋工): the
// Han runes on to a stop, at most four.
func groupAfter(s string, pos int) string {
	b := pos
	for n := 0; b < len(s) && n < 4; n++ {
		r, size := utf8.DecodeRuneInString(s[b:])
		if !unicode.Is(unicode.Han, r) || strings.ContainsRune(groupStops, r) {
			break
		}
		b += size
	}
	return s[pos:b]
}

// notListWords, in a list's next item, start an amount of another act
// (产生, 贮存: no dumping to add), a part of what came before (其中, 含) or
// another measure of it (建筑面积, 合计).
var notListWords = []string{"产生", "贮存", "储存", "收集", "暂存", "库存", "利用", "委托", "转移", "其中", "含", "建筑", "面积", "总", "共", "合计"}

// listJoints join the items of a list.
var listJoints = [...]string{"、", "和", "及", "与", "以及"}

// ListJoint reports whether gap, the text between two quantities, is a
// list's joint, maybe followed by the next item's name: 、, 和, 、废乳化液.
func ListJoint(gap string) bool {
	for _, j := range listJoints {
		if rest, ok := strings.CutPrefix(gap, j); ok {
			if utf8.RuneCountInString(rest) > 8 {
				return false
			}
			for _, r := range rest {
				if !unicode.Is(unicode.Han, r) && r != '（' && r != '）' && r != '(' && r != ')' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
					return false
				}
			}
			// the next item's own words, not a verb that starts a new act
			return rest == "" || !containsAny(rest, notListWords...)
		}
	}
	return false
}

// PriorPenalty is one earlier penalty the text tells (该厂于2024年5月因超标
// 排放含镉废水被我局处罚), or a counted group of them (曾于2024年4月、2025年
// 2月两次因发布虚假广告被我局行政处罚): its cause, the months or years told
// with it, and whether it was a criminal one (判处, 有期徒刑, 刑事处罚).
// The thresholds that count earlier penalties count those of one kind within
// a time before the act (二年内, 一年内): the caller compares Dates with the
// act's day and Cause with the kind.
type PriorPenalty struct {
	Count    int
	Cause    string   // the words after 因, up to 被 / 受
	Dates    []string // "2024-05" or "2024", as told in the clause
	Criminal bool
	// Other marks a penalty of someone else (被害人, 供货商, the
	// complainant's neighbour 其邻居李某曾因…), Revoked one the text tells
	// set aside on review (后经行政复议被撤销): PriorPenalties leaves both
	// out; PriorPenaltiesTold keeps them so that a count read elsewhere
	// (曾因…被罚款) can be checked against what the text says of it.
	Other, Revoked bool
	Start, End     int
}

var (
	// priorReadRe reads one earlier penalty with its cause, or a count of
	// them (两次因…被…处罚, 因…两次被…处罚): administrative or criminal.
	priorReadRe = Guard(`(?:([两二三四五六2-6])次)?因([^，。；;]{1,30}?)(?:([两二三四五六2-6])次)?(?:被|受过|受到)[^，。；;0-9]{0,10}?(?:行政处罚|刑事处罚|处罚|罚款|处以|行政拘留|拘留|判处|有期徒刑|拘役)`, "因")
	// priorDateRe reads a year and maybe a month in a penalty's clause.
	priorDateRe = regexp.MustCompile(`((?:19|20)[0-9]{2})年(?:([0-9]{1,2})月)?`)
	// otherParty, in a penalty's clause, make it someone else's (被害人王某
	// 曾因盗窃被拘留, 供货商于2024年因…被处罚); thisCase make it the present one.
	otherParty = [...]string{"被害人", "受害人", "失主", "事主", "报案人", "报警人", "供货商", "供应商", "上家", "下家", "客户", "他人", "其他", "另一", "对方", "承包方", "关联公司", "母公司", "子公司", "邻居", "投诉人", "举报人"}
	thisCase   = [...]string{"本案", "本次", "此次", "这次"}
	// criminalWords make an earlier penalty a criminal one.
	criminalWords = [...]string{"判处", "有期徒刑", "拘役", "刑事处罚", "管制", "判决"}
)

// PriorPenalties lists the earlier penalties of the case's own party the
// text tells, in one pass of one regexp. A denied one (未因…被处罚), one of
// another party (the victim's, a supplier's) and the present case's own
// (本案, 本次) are none; an administrative one told alone needs a word of
// its earlier time (a year, 曾, 此前, 又因…), as pastPenalties does.
func PriorPenalties(s string) []PriorPenalty {
	return slices.DeleteFunc(PriorPenaltiesTold(s), func(p PriorPenalty) bool { return p.Other || p.Revoked })
}

// PriorPenaltiesTold lists every earlier penalty PriorPenalties reads, and
// also those of another party or revoked on review, marked (Other,
// Revoked): the reader of the common 二年内因同类 factor needs to know that
// the only penalty told is one of those.
func PriorPenaltiesTold(s string) []PriorPenalty {
	out, _ := priorPenaltiesTold(s)
	return out
}

// priorPenaltiesTold is PriorPenaltiesTold with the bytes its look-backs and
// look-aheads around the matches walked (steps): each is bounded (a clause
// start at most maxLookback bytes back, a revocation at most revokedReach
// bytes on), so the work grows with the text, not with its square (fix30b:
// a long clause of many penalties walked back to its start for each).
func priorPenaltiesTold(s string) (out []PriorPenalty, steps int) {
	for _, m := range priorReadRe.FindAllStringSubmatchIndex(s, -1) {
		from := clauseBefore(s, m[0], isPriorClauseBreak)
		steps += m[0] - from
		clause := s[from:m[1]]
		// Whose penalty it is stands before its cause: the cause's own
		// object (因殴打他人被处以行政拘留) names no other party.
		if Negated(s, m[0]) || containsAny(clause, thisCase[:]...) {
			continue
		}
		p := PriorPenalty{Count: 1, Cause: s[m[4]:m[5]], Start: from, End: m[1], Criminal: containsAny(clause, criminalWords[:]...),
			Other: containsAny(s[from:m[4]], otherParty[:]...), Revoked: revokedAfter(s, m[1])}
		steps += min(len(s)-m[1], revokedReach)
		for _, g := range [...]int{2, 6} {
			if m[g] >= 0 {
				if v, err := ParseChineseInt(s[m[g]:m[g+1]]); err == nil {
					p.Count = int(v)
				}
			}
		}
		if p.Count == 1 && !p.Criminal && !containsAny(clause, pastPenaltyWords[:]...) {
			continue
		}
		for _, d := range priorDateRe.FindAllStringSubmatch(clause, -1) {
			if d[2] != "" {
				mo, _ := strconv.Atoi(d[2])
				d[1] = fmt.Sprintf("%s-%02d", d[1], mo)
			}
			p.Dates = append(p.Dates, d[1])
		}
		out = append(out, p)
	}
	return out, steps
}
