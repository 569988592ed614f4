package caseanalysis

import (
	"strings"
	"testing"

	"github.com/cailiang/cailiang/rules"
)

// TestTradePhrasingFamiliesSeventeenth checks, in other words than the
// development rows of issue 12's seventeenth round ("acc17trade"), the
// penalty articles of 广告法, 电子商务法, 产品质量法, 商标法, 计量法实施细则 and
// 税收征收管理法 (with its 实施细则) that had provision entries only and lost
// to a neighbour on shared words, each told by the element the neighbour
// lacks: an advertisement sent without consent or an online one that cannot
// be closed (广告法 第六十二条), a venue's manager letting an unlawful
// advertisement run (第六十三条), a forged advertising approval (第六十五条),
// an endorser who never used the goods (第六十一条第（三）项), a child under
// ten as endorser and a school as the place (第五十八条第一款第（十）、（十二）项);
// a platform's own duties (电子商务法 第七十六条第二款, 第八十条至第八十四条);
// another's banned goods stored or carried and sealed goods moved away
// (产品质量法 第六十一条、第六十三条); the words 驰名商标 (商标法 第五十三条); a
// forged verification seal (计量法实施细则 第五十一条); tax withheld and kept,
// a false export, the taxpayer's bank, a forged 完税凭证, an account lent and a
// tax agent (税收征收管理法 第六十三条第二款、第六十六条、第七十三条, 实施细则
// 第九十一条、第九十三条、第九十八条), a bank account not reported (第六十条第一款
// 第（四）项). And the neighbours that shared the words no longer win: a
// poster at a shop's entrance is no 市容 graffiti, 告知 in a web shop's
// notice is no safety training (checked in the development rows, where the
// provision entries are loaded), a price over a government margin is no
// 哄抬价格, a seed advertisement is no 农药 one.
func TestTradePhrasingFamiliesSeventeenth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"course promotions texted after 退订", "某教育机构未经家长同意，每周向其手机号群发课程促销短信，家长多次回复退订后仍继续收到。",
			"2025-07-01", "ad-62-unsolicited", "", 5000, 30000, false},
		{"a floating advertisement with no close button", "某购物App首页的浮窗广告没有设置关闭按钮，用户点击任何位置都会跳转到商品页面。",
			"2025-07-01", "ad-62-popup-no-close", "", 5000, 30000, false},
		{"a mall manager let the display run", "某商场物业公司接到顾客举报后，明知租户在商场中庭展板上发布的保健品广告宣称能治愈糖尿病，仍未予制止。",
			"2025-07-01", "ad-63-venue-not-stopping", "", 0, 0, false},
		{"an approval number made up", "某保健食品公司在公众号推文中标注的保健食品广告批准文号系其自行编造，广告审查机关查无此号。",
			"2025-07-01", "ad-65-forged-approval", "", 10000, 100000, false},
		{"an influencer who never used the cream", "网红李某在直播中为某护肤品代言称“我天天在用”，经查其从未使用过该护肤品，收取代言费五万元。",
			"2025-07-01", "ad-61-endorser-unused", "", 50000, 100000, false},
		{"a six-year-old recommending the clothes", "某童装品牌在电商详情页视频中，由一名六岁男孩以自己的名义推荐该童装“穿着最舒服”，广告费用三万元。",
			"2025-07-01", "ad-58-child-endorser", "", 30000, 90000, false},
		{"enrolment posters inside a kindergarten", "某培训机构在幼儿园内的家长接送区摆放易拉宝招生广告，广告费用为八千元。",
			"2025-07-01", "ad-58-school", "urban-34-graffiti", 8000, 24000, false},
		{"a seed advertisement is item nine", "某种苗站在微信群发布水稻种子广告，称“保证亩产千斤”，广告费用五千元。",
			"2025-07-01", "ad-58-seeds", "ad-58-agricultural-inputs", 5000, 15000, false},
		{"a live-stream platform that checks nobody", "某直播平台对入驻主播开设的店铺从未核验营业执照和身份信息，也未建立登记档案，经责令限期改正逾期未改。",
			"2025-07-01", "ecom-80-verify-register", "", 20000, 100000, false},
		{"orders kept three months", "某跑腿平台的订单数据只保留三个月，消费者投诉时平台无法调取半年前的交易记录，经责令改正逾期未改。",
			"2025-07-01", "ecom-80-record-keeping", "", 20000, 100000, false},
		{"an exclusive deal forced on sellers", "某团购平台要求入驻商家签署独家协议，不得在其他平台上架同款套餐，否则下调其店铺排名。",
			"2025-07-01", "ecom-82-restricting-sellers", "", 50000, 500000, false},
		{"a clinic booked on a platform that checked no licence", "某医美预约平台未审核入驻机构的医疗机构执业许可证等资质，消费者在平台预约的机构无任何资质。",
			"2025-07-01", "ecom-83-platform-consumer-harm", "", 50000, 500000, false},
		{"a patent holder's notice ignored", "某电商平台收到专利权人的侵权通知后置之不理，涉案商品链接仍在销售，经责令限期改正逾期不改。",
			"2025-07-01", "ecom-84-platform-ip", "", 50000, 500000, false},
		{"sellers without their licences shown", "某网购平台对平台内两百余家未公示营业执照的商户未采取任何措施，任其继续经营。",
			"2025-07-01", "ecom-76-platform-display", "", 20000, 100000, false},
		{"shoddy tyres carried knowingly", "某物流公司明知货主托运的是以次充好的劣质轮胎，仍为其提供运输服务，收取运费三千元。",
			"2025-07-01", "prod-61-facilitating", "prod-50-adulterate", 0, 0, false},
		{"seized power strips taken away and sold", "某商行将被市场监管局扣押的一批不合格插线板偷偷运走出售，货值五千元。",
			"2025-07-01", "prod-63-seized-goods", "", 5000, 15000, false},
		{"驰名商标 on the website", "某饮料厂在其官网首页和产品瓶身上宣传“驰名商标”字样。",
			"2025-07-01", "tm-53-well-known-words", "", 100000, 100000, false},
		{"a private verification seal", "某衡器维修点使用私刻的检定专用章，在客户的电子秤上加盖检定合格印并出具检定证书。",
			"2025-07-01", "metro-51-forged-verification-seal", "", 0, 2000, false},
		{"tax withheld from wages and kept", "某物业公司已代扣员工工资薪金个人所得税3万元，未申报解缴，并在账簿上不列该笔代扣款。",
			"2025-07-01", "tax-63-withheld-not-remitted", "tax-69-failure-to-withhold", 15000, 150000, false},
		{"a false export", "某外贸公司通过伪造报关单虚构出口业务，骗取出口退税款四万元。",
			"2025-07-01", "tax-66-export-rebate-fraud", "", 40000, 200000, false},
		{"a bank that moved the money out", "某城商行支行接到税务机关扣缴税款通知书后拒不执行，还帮助纳税人将账户资金转出，造成税款流失。",
			"2025-07-01", "tax-73-bank-refusal", "", 100000, 500000, false},
		{"tax receipts printed to sell", "某财务咨询公司私自印制完税证明，以每份两百元出售给客户。",
			"2025-07-01", "tax-rules-91-receipts", "", 2000, 10000, false},
		{"a bank card lent to a restaurant", "张某将自己的银行卡借给某餐馆老板收取营业款，致使该餐馆隐匿收入，少缴税款五万元。",
			"2025-07-01", "tax-rules-93-facilitating", "tax-63-evasion", 0, 50000, false},
		{"a bookkeeping agent's omission", "某代理记账公司为客户代理申报增值税时漏报收入，造成客户少缴税款二万元。",
			"2025-07-01", "tax-rules-98-agent", "tax-63-evasion", 10000, 60000, false},
		{"accounts opened and not reported", "某公司在两家银行新开设结算账户，未向主管税务机关报告账号，已责令限期改正。",
			"2025-07-01", "tax-60-bank-accounts", "", 0, 2000, false},
		{"a prize poster at the shop entrance", "某家电卖场在卖场入口张贴抽奖海报，最高奖为价值八万元的小汽车。",
			"2025-07-01", "comp-22-prize-sales", "urban-34-graffiti", 50000, 500000, false},
	})
}

// TestPenaltyItemSeventeenth: a benchmark that encodes several items of its
// penalty article (劳动保障监察条例 第二十三条, 第三十条第一款) cites the item
// the facts show, told apart from its siblings, and the article alone when
// none is shown.
func TestPenaltyItemSeventeenth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct {
		name, facts, want string
		item              int
	}{
		{"a late pregnancy on night shifts", "某纺织厂安排怀孕八个月的女工李某连续上夜班。", "labour-23-female-workers", 4},
		{"nursing mothers kept late", "某超市安排两名哺乳期女职工每天加班两小时。", "labour-23-female-workers", 6},
		{"sixty days of maternity leave", "某服装公司女职工生育后产假只给了六十天，随即要求返岗。", "labour-23-female-workers", 5},
		{"menstruation in cold water", "某水产公司安排经期的女工在冷水池中分拣海鲜。", "labour-23-female-workers", 2},
		{"seventeen-year-olds in a cold store", "某食品厂安排3名十七周岁的员工在冷库内搬运冻品。", "labour-23-minor-workers", 7},
		{"minor workers never examined", "某电子厂招用的4名十七周岁未成年工入职后从未进行体检。", "labour-23-minor-workers", 8},
		{"an order ignored", "某物流公司收到劳动保障监察限期整改指令书，要求其建立职工名册，该公司逾期拒不改正。", "labour-30-obstruct-inspection", 3},
		{"inspectors kept out", "某工厂保安锁上大门，阻挠劳动保障监察员进入车间检查。", "labour-30-obstruct-inspection", 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeFirstOn(t, a, tt.facts, "2025-07-01", tt.want)
			got := -1
			for _, b := range res.Violations[0].Suggestion.Basis {
				if b.Role == rules.RolePenalty {
					got = b.Ref.Item
				}
			}
			if got != tt.item {
				t.Errorf("penalty item %d, want %d", got, tt.item)
			}
		})
	}
}

// TestDrugUseIsNoFoodSeventeenth: 吗啡 found in a drug user's urine is 吸毒,
// not a non-food substance in a food, so no food crime is near (the
// seventeenth round's new benchmarks moved the word weights and
// 食品安全法 第一百二十三条 came second with its crime).
func TestDrugUseIsNoFoodSeventeenth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, facts := range []string{
		"经查，违法行为人郑某在出租屋内用锡纸烫吸海洛因，被民警当场查获，经尿液检测吗啡呈阳性。",
		"民警在某酒店房间查获吸毒人员两名，尿检吗啡、甲基苯丙胺均呈阳性，二人承认吸食毒品。",
	} {
		res := analyzeOn(t, a, facts, "2026-10-30")
		for _, v := range res.Violations {
			if v.BenchmarkID == "food-123-nonfood-substance" && !strings.Contains(v.Why, "吸食、注射毒品") {
				t.Errorf("%s: 食品安全法 第一百二十三条 not set aside for the drug use: %s", facts, v.Why)
			}
		}
		if res.Transfer.Crime == "生产、销售有毒、有害食品罪" {
			t.Errorf("%s: transfer %s %s", facts, res.Transfer.Risk, res.Transfer.Crime)
		}
	}
}
