package caseanalysis

import (
	"context"
	"testing"

	"github.com/cailiang/cailiang/rules"
)

// TestMarketSixthRoundFamilies checks, for the 市场监管 kinds of the sixth
// accuracy round, the conduct written in words the catalog did not know,
// each in other phrasings than the development rows: food named only by
// its kind (香肠, 米线, 桶装水 …); a shelf life given as a production day
// and a period; an ingredient's expiry told after the verb (用…调制…到期)
// and read off its label; unlabelled food as 白包装 or foreign-only
// labels; tableware by its kind (餐盘, 勺子); non-food substances as
// officers name them (工业硫磺, 福尔马林); a drug named by its form or
// brand (冲剂, 滴眼液) with a failed check (抽检…不合格) as 劣药, and 变质
// as 假药; a forged 国药准字 as 假药 rather than an advertisement; a
// pressure vessel named 储气罐 and a next inspection day already past
// (特种设备安全法 第八十四条 over 第八十三条); a product whose dates are
// written (产品质量法 第五十四条 is a date not given); cosmetics named by
// the product (染发膏) past their 保质期; 以…名义销售 as 以不合格产品冒充
// 合格产品; and other registrations than 税务登记 (小作坊登记, 使用登记).
func TestMarketSixthRoundFamilies(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []struct {
		name, facts, want, not string
	}{
		{"sausages made at home without a licence", "经查，当事人刘某未取得食品生产许可，在出租屋内灌制香肠通过微信群出售，既未办理小作坊登记也无营业执照，货值八千元。",
			"food-122-unlicensed", "tax-60-registration"},
		{"rice noodles by kind, licence expired", "某米线店食品经营许可证已过期三个月，仍在营业，货值二千元。",
			"food-122-unlicensed", "food-124-expired"},
		{"shelf life as a production day and months", "2025年6月3日检查发现，某超市货架上的苏打饼干外包装标明生产日期2024年11月2日，保质期6个月，仍在销售，货值三百元。",
			"food-124-expired", "prod-54-labelling"},
		{"ingredient expiry told after the verb", "检查发现某面包房正用一袋黄油制作可颂，包装显示该黄油已于上月到期，当日售出可颂货值四百元。",
			"food-124-expired-ingredients", "food-125-label"},
		{"white-packed snacks", "某小卖部销售白包装的散装豆干，外袋没有任何标识，共六十包，货值二百元。",
			"food-125-label", "prod-54-labelling"},
		{"imported biscuits with English only", "某进口食品店销售的预包装饼干包装上只有英文，未加贴中文标签，货值三千元。",
			"food-125-label", ""},
		{"plates and spoons not disinfected", "某快餐店的餐盘和勺子清洗后未经消毒直接使用，此前已被责令改正，复查时仍未改正。",
			"food-126-tableware-disinfection", ""},
		{"sulphur-smoked dried lilies", "某干货摊用工业硫磺熏制百合干后出售，现场查获熏制百合干二十斤，货值九百元。",
			"food-123-nonfood-substance", ""},
		{"formalin-soaked squid", "执法人员查明，某海鲜摊用福尔马林浸泡鱿鱼以保鲜，货值一千元。",
			"food-123-nonfood-substance", ""},
		{"eye drops failing a check, retail", "某药房零售的滴眼液经省局抽检不合格，不合格项目为无菌，货值八百元。",
			"drug-117-substandard-retail", "prod-49-unsafe-standard"},
		{"injection failing a check, wholesale", "某医药有限公司批发给社区卫生服务站的氯化钠注射液，经抽检可见异物不合格，货值五万元。",
			"drug-117-substandard-wholesale", "food-124-spoiled"},
		{"mouldy granules are 假药", "某药店柜台内的板蓝根冲剂受潮霉变，仍在零售，货值三百元。",
			"drug-116-counterfeit", "drug-117-substandard-retail"},
		{"a forged 国药准字 on a tea", "某保健馆销售的“降糖茶”包装标注的国药准字系伪造，声称能替代降糖药，经检验检出格列本脲，货值五千元。",
			"drug-116-counterfeit", "ad-58-disease-claims"},
		{"an air receiver not registered", "某家具厂的空压机储气罐一直未办理使用登记，责令限期改正后逾期未改正。",
			"se-83-use-registration", "tax-60-registration"},
		{"a lift past its next inspection month", "经查，某商场2号货梯使用登记证记载的下次检验日期为2024年2月，当事人未报检，至2024年6月仍在使用。",
			"se-84-unsafe-equipment-use", "se-83-use-registration"},
		{"a device's expiry date written is no label defect", "执法人员检查某牙科诊所，发现一批正畸托槽包装标注的失效日期为2024年3月，仍在给患者使用，货值三千元。",
			"device-86-expired-unregistered", "prod-54-labelling"},
		{"hair dye past its shelf life", "某理发店给顾客使用已过保质期的染发膏，现场查见八支，货值二百元。",
			"cosm-60-expired", "prod-52-expired"},
		{"coconut water without a Chinese label", "某便利店销售的进口气泡水无中文标签，瓶身只有英文，货值六百元。",
			"food-125-label", ""},
		{"a drop tower past its inspection", "经查，某游乐园的跳楼机检验有效期已届满，未经定期检验仍在营业时间载客运行。",
			"se-84-unsafe-equipment-use", "se-83-use-registration"},
		{"a pharmacy as the address's landmark, mouldy food", "当事人：某面馆，经营场所：建设路益丰大药房对面。经查，当事人冷柜内用于制作凉面的黄豆芽已腐烂发霉，仍用其加工后出售，货值二百元。",
			"food-124-spoiled", "drug-116-counterfeit"},
		{"sold under a better grade's name", "某五金店将截面积不足标称值的电线以国标线的名义出售给顾客，货值九千元。",
			"prod-50-adulterate", "prod-49-unsafe-standard"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeFirst(t, a, tt.facts, tt.want)
			for _, v := range res.Violations[:1] {
				if tt.not != "" && v.BenchmarkID == tt.not {
					t.Errorf("%s ranks first", tt.not)
				}
			}
		})
	}
}

// TestMarketSixthRoundAmounts checks that goods all sold make the 货值金额
// and the 销售金额 one amount, for the fine and for 生产、销售伪劣产品罪,
// and that an order followed by a later check that finds the same thing
// reaches the refusal tier.
func TestMarketSixthRoundAmounts(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	res, err := a.Analyze(context.Background(), Request{Facts: "经查，某建材店将翻新的旧热水器冒充新品出售，上述热水器已全部售出，货值金额人民币七万元。", Violations: 3, DecisionDate: snapshotDay})
	if err != nil {
		t.Fatal(err)
	}
	if res.Transfer.Risk != rules.RiskLikely {
		t.Errorf("transfer %s, want likely (sales = goods value 7万, all sold)", res.Transfer.Risk)
	}
	res = analyzeFirst(t, a, "某机电商行 将回收的旧电机当新品出售 已售三万元 库存无", "prod-50-adulterate")
	if s := res.Violations[0].Suggestion; s == nil || s.Statutory == nil || s.Statutory.FineMin != 15000 || s.Statutory.FineMax != 90000 {
		t.Errorf("range %+v, want 15000–90000 (货值 = 已售三万元)", res.Violations[0].Suggestion)
	}
	res = analyzeFirst(t, a, "执法人员复查某熟食店，上月检查时其购进的卤料无票证、无进货查验记录，已被警告并责令改正；本次复查进货查验记录仍未建立。", "food-126-purchase-records")
	if s := res.Violations[0].Suggestion; s == nil || s.Statutory == nil || s.Statutory.FineMin != 5000 {
		t.Errorf("range %+v, want the 拒不改正 tier 5000–50000", res.Violations[0].Suggestion)
	}
}

// TestFakeDrugTransferByForgedApproval checks that a product passed off as
// a medicine with a forged 国药准字 goes likely to 生产、销售、提供假药罪
// (药品管理法 第九十八条第二款第（二）项 calls it 假药), and that a mouldy
// drug does too (第（三）项).
func TestFakeDrugTransferByForgedApproval(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, facts := range []string{
		"某保健馆销售的“降糖茶”包装标注的国药准字系伪造，声称能替代降糖药，经检验检出格列本脲，货值五千元。",
		"某药店柜台内的板蓝根冲剂受潮霉变，仍在零售，货值三百元。",
	} {
		res, err := a.Analyze(context.Background(), Request{Facts: facts, Violations: 3, DecisionDate: snapshotDay})
		if err != nil {
			t.Fatal(err)
		}
		if res.Transfer.Risk != rules.RiskLikely || res.Transfer.Crime != "生产、销售、提供假药罪" {
			t.Errorf("%s: transfer %s %s, want likely 生产、销售、提供假药罪", facts, res.Transfer.Risk, res.Transfer.Crime)
		}
	}
}
