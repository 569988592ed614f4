package rules

import (
	"testing"

	"github.com/cailiang/cailiang/legal"
)

// TestProvisionSeriousTierSeventeenth: a provision-level entry takes the
// statute's heavier tier (情节严重的 / 情节较重的，处……) when the facts say
// the case is serious, and its main fine otherwise. Amounts from the
// statute texts: 发票管理办法 第三十四条第一款 (1万元以下; 1万元以上3万元
// 以下) and 第三十七条第（二）项 (1万元以上5万元以下; 5万元以上50万元以下).
func TestProvisionSeriousTierSeventeenth(t *testing.T) {
	cat, ps := loadBuiltinBoth(t)
	pc := provisionCatalog(t, cat, ps)
	// Each entry's main fine, then its 情节严重 tier.
	tiers := map[legal.Ref][2]Range{
		{Law: "发票管理办法", Article: 34, Paragraph: 1}: {{0, 10000}, {10000, 30000}},
		{Law: "发票管理办法", Article: 37, Item: 2}:      {{10000, 50000}, {50000, 500000}},
	}
	for ref, want := range tiers {
		for i, serious := range []bool{false, true} {
			s, err := pc.Suggest(ProvisionID(ref), Facts{Serious: serious})
			if err != nil {
				t.Fatalf("%v: %v", ref, err)
			}
			if got := s.Statutory; got == nil || *got != want[i] {
				t.Errorf("%v serious=%v: statutory %+v, want %v", ref, serious, got, want[i])
			}
		}
	}
}

// TestProvisionGraveTierSeventeenth: 造成严重后果的，处…… is the heavier
// tier when the flag serious_consequence is set (caseanalysis infers it from
// 严重后果 / 后果严重). 城镇排水与污水处理条例 第五十七条第一款: 2万元以上5万元
// 以下; 造成严重后果的, 5万元以上10万元以下.
func TestProvisionGraveTierSeventeenth(t *testing.T) {
	cat, ps := loadBuiltinBoth(t)
	pc := provisionCatalog(t, cat, ps)
	id := ProvisionID(legal.Ref{Law: "城镇排水与污水处理条例", Article: 57, Paragraph: 1})
	for _, c := range []struct {
		grave bool
		want  Range
	}{{false, Range{20000, 50000}}, {true, Range{50000, 100000}}} {
		s, err := pc.Suggest(id, Facts{Flags: map[string]bool{"serious_consequence": c.grave}})
		if err != nil {
			t.Fatal(err)
		}
		if s.Statutory == nil || *s.Statutory != c.want {
			t.Errorf("grave=%v: statutory %+v, want %v", c.grave, s.Statutory, c.want)
		}
	}
}

// TestRangeBasesSeventeenth: the 人·月 of child labour told by groups of
// children (各……N个月), and the 违法经营额 of 商标法 read from the goods'
// 案值 or 货值 when no sales or 违法经营额 is stated.
func TestRangeBasesSeventeenth(t *testing.T) {
	type want = baseWant
	checkBases(t, []baseRow{
		{"某服装厂使用童工4名，王某、李某、张某各干了2个月，赵某干了5个月。", want{persons: 4, quantity: 11}},
		{"劳动监察查明：某餐馆雇用童工三名洗碗，其中两名各做工3个月，另一名做工1个月。", want{persons: 2, quantity: 7}},
		{"当事人招用未满十六周岁的未成年人3名，其中汤某、罗某各被使用2个月，陆某被使用1个月。", want{persons: 3, quantity: 5}},
		// names written 汤某某: one child each
		{"当事人招用未满十六周岁的未成年人3名，其中汤某某、罗某某各被使用2个月，陆某某被使用1个月。", want{persons: 3, quantity: 5}},
		// numbered groups without 各, joined by 、
		{"该厂使用童工3名，其中2名使用4个月、1名使用2个月，均从事分拣。", want{persons: 2, quantity: 10}},
		{"经查该店雇佣十五岁少年5人，3人干了2个月，2人干了3个月。", want{persons: 5, quantity: 12}},
	})
	for _, tt := range []struct {
		text string
		want float64
	}{
		{"2025.8.3 城西某服饰店 销售假冒“耐克”注册商标运动鞋46双 案值¥21,700.00", 21700},
		{"执法人员在某鞋店查获假冒“阿迪达斯”注册商标运动鞋120双，货值金额合计人民币陆万叁仟元。", 63000},
		{"查获侵犯“九牧”注册商标专用权的水龙头300个，货值4.5万元。", 45000},
	} {
		f := ExtractFacts(tt.text).Facts
		if f.IllegalRevenue == nil || *f.IllegalRevenue != tt.want {
			t.Errorf("%s: 违法经营额 %v, want %v", tt.text, f.IllegalRevenue, tt.want)
		}
	}
}

// TestRevenueOnlyForMarksSeventeenth: the 违法经营额 is taken from the goods'
// value only in a text about marks, 混淆 or tobacco; a food or product
// text's 货值 stays a 货值 (speech's fact links showed a 违法经营额 nobody said).
func TestRevenueOnlyForMarksSeventeenth(t *testing.T) {
	for _, c := range []struct {
		text    string
		revenue float64 // 0: none
	}{
		{"某超市销售超过保质期的酸奶，货值金额3000元。", 0},
		{"答：货值金额共计3000元。", 0},
		{"某鞋店销售假冒注册商标的运动鞋，货值金额3000元。", 3000},
		{"某烟酒店销售假冒卷烟20条，案值4000元。", 4000},
	} {
		f := ExtractFacts(c.text).Facts
		switch {
		case c.revenue == 0 && f.IllegalRevenue != nil:
			t.Errorf("%s: 违法经营额 %v, want none", c.text, *f.IllegalRevenue)
		case c.revenue != 0 && (f.IllegalRevenue == nil || *f.IllegalRevenue != c.revenue):
			t.Errorf("%s: 违法经营额 %v, want %v", c.text, f.IllegalRevenue, c.revenue)
		}
	}
}
