package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/rules"
)

// TestMarketNinthRoundFamilies checks, for the 市场监管 kinds of the ninth
// accuracy round, each family in other phrasings than the development
// rows: an expired ingredient named first and used after (用其, 用来); a
// dye of the non-food list (碱性嫩黄); a residue named by the standard's
// number (GB 31650); mould as 白毛; a label flaw still on the old pack;
// tableware never disinfected (从不消毒); a drug sold under another
// licence (仅持有食品经营许可证); a remedy without an approval number that
// hides a drug, sold by a pedlar; a wholesaler's 配送; a shell changed to
// pass old goods as new; a mark found missing, not forged (产品质量法
// 第五十四条 without 情节严重: 责令改正 only); a forklift called 铲车 and a
// deadline written 逾期未改; a maintainer's records filled in afterwards;
// a salon's 冷烫液; a brand's mark on goods its owner did not make; a
// wholesaler's own cigarettes on his own van; a shopper made to undress;
// a second visit that finds the records still missing; goods 标价出售.
func TestMarketNinthRoundFamilies(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []struct {
		name, facts, want, not string
		min, max               float64 // the statutory range when not zero
	}{
		{"expired soy sauce used for braising", "检查发现某熟食店后厨一桶酱油已于去年底到期，厨师仍用其卤制鸭掌出售，当日售出鸭掌货值一百八十元。",
			"food-124-expired-ingredients", "food-124-expired", 50000, 100000},
		{"expired cream still used for cakes", "某蛋糕店冷藏柜里的淡奶油过了保质期，店员仍用来裱花做生日蛋糕，当日售出蛋糕货值三百元。",
			"food-124-expired-ingredients", "food-124-expired", 0, 0},
		{"a yellow dye of the non-food list", "某卤味店的卤鸭脖色泽异常鲜亮，抽检检出碱性嫩黄，现场卤鸭脖货值六百元。",
			"food-123-nonfood-substance", "cosm-60-substandard", 100000, 150000},
		{"a residue named by GB 31650", "某水产店销售的鲫鱼经抽检，地西泮含量不符合GB 31650的规定，判定不合格，货值四百元。",
			"food-124-contaminants", "prod-49-unsafe-standard", 0, 0},
		{"bread grown white mould", "某面包店货架上的全麦吐司表面长出白毛，仍在出售，货值六十元。",
			"food-124-spoiled", "", 0, 0},
		{"a label flaw still on the old pack", "某食品厂月饼包装标签的配料表排列顺序有误，属不影响食品安全的标签瑕疵，责令改正后复查，该厂仍使用原包装出售月饼。",
			"food-125-label-flaw", "food-125-label", 0, 2000},
		{"bowls never disinfected", "某米粉店的碗筷从不消毒，洗完直接摆上桌，此前已被警告并责令改正，复查时仍未改正。",
			"food-126-tableware-disinfection", "", 5000, 50000},
		{"drugs under a food licence", "某保健品店仅持有食品经营许可证，却在柜台出售阿莫西林胶囊、头孢克肟片，药品货值二千元。",
			"drug-115-unlicensed", "drug-126-gsp", 1500000, 3000000},
		{"a secret remedy hiding a drug", "某养生馆出售的“降压秘方胶囊”无药品批准文号，经检验检出卡托普利，货值三千元。",
			"drug-116-counterfeit", "drug-115-unlicensed", 1500000, 3000000},
		{"a pedlar's pills with a steroid", "一名流动摊贩在集市上兜售“风湿止痛丸”，没有药品批准文号，经检验检出地塞米松，货值八百元。",
			"drug-116-counterfeit", "road-42-occupying-road", 0, 0},
		{"a wholesaler delivering to pharmacies", "某医药有限公司系药品批发企业，向辖区零售药店配送的板蓝根颗粒经抽检含量测定不符合规定，货值二万元。",
			"drug-117-substandard-wholesale", "drug-117-substandard-retail", 1000000, 2000000},
		{"old phones in new shells", "某手机维修店将回收的旧手机换壳后当新机出售，已售及库存货值一万元。",
			"prod-50-adulterate", "prod-49-unsafe-standard", 0, 0},
		{"marks missing, not misused", "某五金店在售的管道疏通剂包装上没有警示说明和生产日期，经核查未发现冒用他人厂名厂址的情况，货值五百元。",
			"prod-54-labelling", "prod-53-forged-marks", 0, 0},
		{"a loader driver without a certificate", "某建材公司让没有作业人员证的搬运工开铲车卸货，责令限期改正后逾期未改。",
			"se-86-unqualified-operators", "", 10000, 50000},
		{"maintenance records filled in afterwards", "经查，某电梯公司负责的住宅小区电梯，维保人员两个月从未到场，维保记录系事后补填。",
			"se-88-lift-maintenance-substandard", "se-83-use-registration", 0, 0},
		{"a salon's perm lotion past its period", "某理发店给顾客烫发使用的冷烫液已超过使用期限，现场查见五瓶，货值一百五十元。",
			"cosm-60-expired", "drug-117-substandard-retail", 0, 0},
		{"a brand's mark on socks it did not make", "某商店出售印有“耐克”标识的运动袜，经核实并非耐克公司生产，违法经营额三千元。",
			"tm-60-infringement", "", 0, 0},
		{"one's own cigarettes on one's own van", "个体户罗某未取得烟草专卖批发企业许可证，用自家货车从外省拉回卷烟，批发给本地多家小卖部，批发总额五万元。",
			"tobacco-59-unlicensed-wholesale", "transport-63-unlicensed-freight", 0, 0},
		{"a shopper made to undress", "某超市店员认定顾客拿了电池没付款，当众要求其脱掉外套接受检查，顾客投诉。",
			"consumer-56-dignity", "", 0, 0},
		{"records still missing at a second visit", "某餐馆未建立进货查验记录，被责令改正后，执法人员再次检查时该店仍未建立台账。",
			"food-126-purchase-records", "", 5000, 50000},
		{"plain pipe printed as a better one", "某建材店在普通镀锌管上印上“不锈钢”字样后出售，已售及库存货值五千元。",
			"prod-50-adulterate", "prod-49-unsafe-standard", 2500, 15000},
		{"counterfeit shirts told by their sales only", "某网店销售的“优衣库”T恤经商标注册人鉴定均非其公司生产，销售金额三万元，已无库存。",
			"tm-60-infringement", "", 0, 250000},
		{"expired milk on sale at its price", "某超市冷柜里标价出售的鲜牛奶已过保质期，共六盒，货值五十元。",
			"food-124-expired", "price-13-marking", 50000, 100000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeFirst(t, a, tt.facts, tt.want)
			for _, v := range res.Violations[:1] {
				if tt.not != "" && v.BenchmarkID == tt.not {
					t.Errorf("%s ranks first", tt.not)
				}
			}
			if tt.max > 0 {
				st := res.Violations[0].Suggestion.Statutory
				if st == nil || st.FineMin != tt.min || st.FineMax != tt.max {
					t.Errorf("statutory %v, want %v–%v", st, tt.min, tt.max)
				}
			}
		})
	}
}

// TestMarkingWithoutSeriousIsAnOrder checks that 产品质量法 第五十四条, whose
// fine needs 情节严重, answers 责令改正 (行政命令) and no range when the
// facts do not say the case is serious, and the fine once they do.
func TestMarkingWithoutSeriousIsAnOrder(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	res := analyzeFirst(t, a, "某日化店销售的强力除垢剂瓶身没有警示标志和中文警示说明，货值一千元。", "prod-54-labelling")
	top := res.Violations[0].Suggestion
	if top.Disposition != legal.DispositionOrder || top.Statutory != nil {
		t.Errorf("without 情节严重: disposition %s, statutory %v; want 行政命令 and no range", top.Disposition, top.Statutory)
	}
	res = analyzeFirst(t, a, "某日化厂生产的强力除垢剂瓶身没有警示标志和中文警示说明，已售出两千瓶，情节严重，货值一万元。", "prod-54-labelling")
	top = res.Violations[0].Suggestion
	if top.Disposition == legal.DispositionOrder || top.Statutory == nil || top.Statutory.FineMax != 3000 {
		t.Errorf("情节严重: disposition %s, statutory %v; want a fine up to 3000", top.Disposition, top.Statutory)
	}
}

// TestMarketNinthRoundTransfers checks the crimes nominated by the kinds of
// this round in other words: a listed dye in food, a hidden drug in a
// remedy without an approval number, and counterfeit goods found so by the
// mark's owner with sales over 五万元.
func TestMarketNinthRoundTransfers(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []struct{ name, facts, want, crime string }{
		{"a listed dye in chilli powder", "某调料店自制的辣椒粉中检出玫瑰红B，货值五百元。", "food-123-nonfood-substance", "生产、销售有毒、有害食品罪"},
		{"a remedy hiding a drug", "某诊所出售的“祖传止咳丸”无批准文号，经检验检出可待因，货值一千元。", "drug-116-counterfeit", "生产、销售、提供假药罪"},
		{"counterfeit liquor found so by the owner", "经查，当事人销售的“茅台”白酒经商标注册人鉴定均非其公司生产，销售金额八万元。", "tm-60-infringement", "销售假冒注册商标的商品罪"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeFirst(t, a, tt.facts, tt.want)
			if res.Transfer.Risk != rules.RiskLikely || res.Transfer.Crime != tt.crime {
				t.Errorf("transfer %s %s, want likely %s", res.Transfer.Risk, res.Transfer.Crime, tt.crime)
			}
		})
	}
}
