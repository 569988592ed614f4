package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/rules"
)

// TestTransferATwentyNinth holds the conditions the twenty-eighth round's
// blind transfer batch (issue 12, acc29transfera) told by their effect, in
// words other than its rows': a home entered told by the way in and the
// taking after it (入户盗窃); money demanded on a threat told as its
// condition (不给钱就…); a closed fishing season told by the notice's dates
// around the act's. Guards: a resident coming home to find things gone, an
// officer entering, a shop entered, a denied entry; a worker's lawful
// recourse and a denied threat; an act date outside the season, a notice
// with no act date.
func TestTransferATwentyNinth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	police := []string{"police25-58-theft"}
	fish := []string{"fish-38-illegal-fishing"}
	checkAnalyzerTransferRows(t, a, []transferRow{
		{"home entered through a window, a taking after", "违法嫌疑人马某趁邻居吴某一家回老家过年，撬开厨房的纱窗钻进屋内，从衣柜里拿走金项链一条（价值900元）。", police, rules.RiskLikely, "盗窃罪"},
		{"bedroom entered by an unlocked door", "2026年2月8日凌晨，宋某见某村村民周某家大门未锁，溜进卧室偷走手机一部，经认定价值650元。", police, rules.RiskLikely, "盗窃罪"},
		{"a resident comes home and finds things gone", "报警人许某称其下班回家进入屋内后发现床头柜里的现金600元不见了，怀疑被盗。", police, rules.RiskNone, "盗窃罪"},
		{"an officer entering takes nothing", "民警进入屋内将正在睡觉的孔某抓获，孔某承认在菜市场顺手拿走摊主钱包，内有现金300元。", police, rules.RiskNone, "盗窃罪"},
		{"a shop entered is no home", "傅某趁超市夜间无人，钻进该超市仓库房间偷走香烟两条，经认定价值480元。", police, rules.RiskNone, "盗窃罪"},
		{"a denied entry", "经查，裴某未进入屋内，只是在院墙外拿走晾晒的衣服两件，价值120元。", police, rules.RiskNone, "盗窃罪"},
		{"money demanded on a threat told as its condition", "报警人温女士称，男子邵某连日打电话称不给八千块就去她店里闹，她害怕影响生意，已向邵某微信转账8000元。", police, rules.RiskLikely, "敲诈勒索罪"},
		{"the threat told with 便 and a video", "华某对被害人称不转钱便把视频放到网上，被害人先后转账共计4,600元。", police, rules.RiskLikely, "敲诈勒索罪"},
		{"a worker's lawful recourse is no threat", "工人雷某向包工头称不给工钱就去劳动监察大队投诉，包工头随后支付其工资9000元。", police, rules.RiskNone, "敲诈勒索罪"},
		{"electric fishing within a season told by dates", "2026年4月12日21时许，渔政人员在某河段查获刘某使用电瓶、升压器和抄网捕鱼，依照县政府通告，该河段每年3月1日至6月30日禁止捕捞。现场查获渔获物12公斤。", fish, rules.RiskLikely, "非法捕捞水产品罪"},
		{"a season across the new year", "2026年1月6日夜间，执法人员在某水库发现卜某电鱼，当地规定每年12月1日至次年3月31日为禁渔期间。", fish, rules.RiskLikely, "非法捕捞水产品罪"},
		// The phrasings of the rounds before, read by the same readings
		// (recurrence: transfer24–28b told entries, threats and seasons so).
		{"recurring: a window climbed into a home", "戚某翻过院墙后从后窗爬进屋内，拿走抽屉里的现金1,200元。", police, rules.RiskLikely, "盗窃罪"},
		{"recurring: a threat with its threat word", "鲁某威胁称若不在两天内转账，就将聊天记录发到其家族群，对方先后转账共计5,000元。", police, rules.RiskLikely, "敲诈勒索罪"},
		{"recurring: the season named", "渔政人员在禁渔期内查获姜某背着电瓶、升压器，手持连接电线的抄网捕鱼，渔获8公斤。", fish, rules.RiskLikely, "非法捕捞水产品罪"},
		{"an act date outside the season", "2026年8月20日夜间，执法人员在某河段查获刘某电鱼，当地每年3月1日至6月30日禁止捕捞，该河段不属于禁渔区。", fish, rules.RiskNear, "非法捕捞水产品罪"},
	})
}

// TestLabelledNotFoundTwentyNinth: a test that did not find the ingredient
// the drug's label names, another found instead (标示为“阿奇霉素分散片”……所含
// 成分为甲硝唑，未检出阿奇霉素), tells 假药 (药品管理法 第九十八条第二款第（一）项)
// and 生产、销售、提供假药罪 (issue 12, transfer29a). Guards: a test that found
// the labelled ingredient and no contaminant (未检出有关物质超标), a food's
// clean test (未检出致病菌), a test of another drug than the labelled one.
func TestLabelledNotFoundTwentyNinth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	drug := []string{"drug-129-irregular-purchase"}
	checkAnalyzerTransferRows(t, a, []transferRow{
		{"the labelled ingredient not found", "经查，某诊所从一名上门推销人员处购进标示为“阿奇霉素分散片”的药品30盒。经区药品检验所检验，该药所含成分为甲硝唑，未检出阿奇霉素，货值共计1,350元。", drug, rules.RiskLikely, "生产、销售、提供假药罪"},
		{"a compound's stem not found", "某药店在售的“复方板蓝根颗粒”经抽检，实际成分为蔗糖和淀粉，未检出板蓝根提取物，该店共售出22袋，货值440元。", drug, rules.RiskLikely, "生产、销售、提供假药罪"},
		{"the labelled ingredient found, a contaminant not", "某诊所从一名上门推销人员处购进“阿奇霉素分散片”30盒，未查验供货资质。经检验，该药所含成分为阿奇霉素，含量符合规定，未检出有关物质超标，货值共计1,350元。", drug, rules.RiskNone, ""},
		{"a food's clean test", "某超市销售的“山楂丸”（糖果类食品，非药品）经抽检未检出致病菌，该超市另从个人处购进感冒药10盒未索取票据。", drug, rules.RiskNone, ""},
	})
}
