package caseanalysis

import (
	"context"
	"strings"
	"testing"

	"github.com/cailiang/cailiang/rules"
)

// TestMarketPhrasingFamilies checks, for the 市场监管 kinds of the fifth
// accuracy round, that the conduct written the ways officers and
// complainants write it reaches its provision and not the neighbour it was
// confused with: 过保质期 before or after the verb (第一百二十四条第一款第
// （二）项 over 第（五）项), spoilage and foreign bodies in everyday words,
// an expiry given only as a last day before the inspection's, fertiliser
// adulterated with a chemical (产品质量法, not 食品安全法 第一百二十三条),
// refurbished goods sold as new or repacked goods sold at a better grade's
// price, a wholesaler whose buyers are clinics, a medical device in a
// pharmacy (医疗器械监督管理条例, not 劣药), drugs named by what they treat
// (感冒药) beside a negated 药品经营许可证, cosmetics named by the product
// (护手霜), and an operator's licence written 无证司机.
func TestMarketPhrasingFamilies(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []struct {
		name, facts, want, not string
	}{
		{"expired sesame paste used for noodles", "2024年6月5日检查发现，某凉面店用超出保质期的芝麻酱调制凉面对外出售，货值三百元。",
			"food-124-expired-ingredients", "food-124-expired"},
		{"expired cream, verb after", "某蛋糕房将已过保质期的淡奶油加工成裱花蛋糕出售，现场查获过期淡奶油5盒，涉案蛋糕货值六百元。",
			"food-124-expired-ingredients", "food-124-expired"},
		{"rotten and sticky frozen pork", "2024年8月2日，执法人员在某冻品店冷柜内发现一批冻猪肉已腐烂发黏，店主称准备打折处理，货值二千元。",
			"food-124-spoiled", ""},
		{"a steel wire eaten in fried rice", "顾客反映在某快餐店买的炒饭里吃出一根钢丝，执法人员检查发现该店同批次盒饭仍在出售，货值二百元。",
			"food-124-spoiled", ""},
		{"shelf life given as its last day", "2025年3月18日，执法人员在某便利店冷柜发现鲜牛奶6盒，包装上标注保质期至2025年3月15日，仍标价出售，货值六十元。",
			"food-124-expired", ""},
		{"salt mixed into compound fertiliser", "某农资门市将工业盐掺进复合肥中当作正品出售，经检验总养分不足，货值一万元。",
			"prod-50-adulterate", "food-123-nonfood-substance"},
		{"refurbished phones sold as new", "执法人员查明，某手机店将回收的二手手机翻新后当成新机出售，已售及库存货值三万元。",
			"prod-50-adulterate", ""},
		{"substandard drug wholesaled to village clinics", "经查，某医药公司将经检验为劣药的阿莫西林胶囊批发到多家村卫生室，货值三万元。",
			"drug-117-substandard-wholesale", "drug-117-substandard-retail"},
		{"fever medicine with no licence, the licence negated", "某杂货店店主没有药品经营许可证，私下出售退烧药和止痛药，货值九百元。",
			"drug-115-unlicensed", "food-122-unlicensed"},
		{"prescription drugs sold 非法 by a health-food shop", "某保健品店非法销售处方药阿奇霉素片，现场查获12盒，货值两千元。",
			"drug-115-unlicensed", ""},
		{"bought from a drug pedlar", "某药店从药贩子手里收来一批降压药，无法提供票据，货值一万元。",
			"drug-129-irregular-purchase", ""},
		{"the supplier had no licence, not the pharmacy", "经查，某药店销售的部分药品系从无药品经营许可证的个体户处购得，货值六千元。",
			"drug-129-irregular-purchase", "drug-115-unlicensed"},
		{"body lotion past its period of use", "某美容院为顾客涂抹已超过使用期限的身体乳和护手霜，现场查获8瓶，货值三百元。",
			"cosm-60-expired", "prod-52-expired"},
		{"cement repacked and sold at a better grade's price", "某建材店将普通硅酸盐水泥换装进印有高标号字样的包装袋，按高标号水泥价格卖给装修户，货值九千元。",
			"prod-50-adulterate", ""},
		{"a forklift driven by an unlicensed driver", "某仓储公司让无证司机驾驶叉车装卸货物，经责令限期改正后逾期未改正。",
			"se-86-unqualified-operators", ""},
		{"expired protective masks in a pharmacy", "执法人员检查某大药房，发现其柜台内销售的医用防护口罩已超过有效期，共30盒，货值九百元。",
			"device-86-expired-unregistered", "drug-117-substandard-retail"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeFirst(t, a, tt.facts, tt.want)
			if tt.not != "" && res.Violations[0].BenchmarkID == tt.not {
				t.Errorf("%s ranks first", tt.not)
			}
		})
	}
}

// TestMarketExcludedByOwnArticle checks that a benchmark whose conduct
// belongs to an article with only a provision-level entry (the test
// analyzer has none, so the excluded one may be all there is) says why it
// is excluded: the
// platform that let unlicensed sellers in (食品安全法 第一百三十一条) is not
// the unlicensed seller, the traceability duty (药品管理法 第一百二十七条) is
// not 第一百二十六条's GSP, a cosmetics shop's records (化妆品监督管理条例
// 第六十二条) are not a food shop's, and an e-bike repair shop is no 机动车
// 维修经营者.
func TestMarketExcludedByOwnArticle(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []struct {
		name, facts, not, why string
		// optional: the excluded benchmark may not even be a candidate
		optional bool
	}{
		{"a delivery platform's registration duty", "经查，某外卖平台运营公司未对入网的二十余家餐饮商户进行实名登记，其中多家商户未取得食品经营许可证即上线接单。",
			"food-122-unlicensed", "第一百三十一条", false},
		{"a market letting unlicensed stalls in", "某农贸市场开办者允许未取得食品经营许可的卤菜摊进场经营，未履行检查报告义务。",
			"food-122-unlicensed", "第一百三十条", false},
		{"drug traceability", "某药品经营企业未按照规定建立并实施药品追溯制度，在售药品无法扫码追溯，经警告并责令限期改正后逾期不改正。",
			"drug-126-gsp", "第一百二十七条", true},
		{"cosmetics purchase records", "执法人员检查某美妆店，发现其未建立进货查验记录，无法提供所售口红、面霜的供货者资质和进货凭证。",
			"food-126-purchase-records", "化妆品监督管理条例第六十二条", false},
		{"an e-bike shop's refurbished motor", "某电动自行车维修铺将翻新的旧电机冒充新电机为顾客更换，收取费用八百元。",
			"transport-71-repair-fake-parts", "非机动车", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := a.Analyze(context.Background(), Request{Facts: tt.facts, Violations: 20, DecisionDate: snapshotDay})
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, v := range res.Violations {
				if v.BenchmarkID != tt.not {
					continue
				}
				found = true
				if !strings.Contains(v.Why, tt.why) {
					t.Errorf("%s: why = %q, want the exclusion %q", tt.not, v.Why, tt.why)
				}
			}
			if !found && !tt.optional {
				t.Errorf("%s not among the candidates: the exclusion is not exercised", tt.not)
			}
		})
	}
}

// TestTrademarkUseWithoutLicenceIsCounterfeiting checks that 未经许可使用
// 注册商标 with a business volume over the threshold reads as 假冒注册商标罪
// though the text never says 假冒 or 相同的商标, and that the amount's name
// 非法经营额 does not make it 非法经营罪.
func TestTrademarkUseWithoutLicenceIsCounterfeiting(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	res := analyzeFirst(t, a, "经查，某鞋厂未经商标注册人许可，在其生产的运动鞋上使用“某某”注册商标，非法经营额十二万元。", "tm-60-infringement")
	if res.Transfer.Risk != rules.RiskLikely || res.Transfer.Crime != "假冒注册商标罪" {
		t.Errorf("transfer = %s %s, want likely 假冒注册商标罪", res.Transfer.Risk, res.Transfer.Crime)
	}
}
