package rules

import (
	"errors"
	"reflect"
	"testing"
	"testing/fstest"
)

func fp(v float64) *float64 { return &v }

func TestParseFineText(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []FineTier
	}{
		{"fixed range", "违反本法规定，未取得许可从事经营活动的，由有关部门责令改正，处五万元以上十万元以下罚款。",
			[]FineTier{{Range: &Span{Min: 50000, Max: 100000}}}},
		{"upper only, serious tier", "违反本法规定，未按规定公示的，责令改正；拒不改正的，处五千元以下罚款；情节严重的，处二万元以上五万元以下的罚款。",
			[]FineTier{{When: "拒不改正的", Range: &Span{Max: 5000}}, {When: "情节严重的", Range: &Span{Min: 20000, Max: 50000}}}},
		{"brackets over the goods value", "没收违法所得；违法生产经营的食品货值金额不足一万元的，并处五万元以上十万元以下罚款；货值金额一万元以上的，并处货值金额十倍以上二十倍以下罚款；情节严重的，吊销许可证",
			[]FineTier{
				{When: "违法生产经营的食品货值金额不足一万元的", Base: "goods_value", LT: fp(10000), Range: &Span{Min: 50000, Max: 100000}},
				{When: "货值金额一万元以上的", Base: "goods_value", GTE: fp(10000), Multiple: &Span{Min: 10, Max: 20}},
			}},
		{"percentage of the investment", "擅自开工建设的，由生态环境主管部门责令停止建设，处建设项目总投资额百分之一以上百分之五以下的罚款",
			[]FineTier{{Base: "total_investment", Multiple: &Span{Min: 0.01, Max: 0.05}}}},
		{"per worker, Arabic numerals", "由劳动保障行政部门责令改正，按照受侵害的劳动者每人1000元以上5000元以下的标准计算，处以罚款",
			[]FineTier{{PerUnit: &Span{Min: 1000, Max: 5000}, Unit: "persons"}}},
		{"per vehicle", "对机动车维修单位处每辆机动车五千元的罚款",
			[]FineTier{{When: "对机动车维修单位", PerUnit: &Span{Min: 5000, Max: 5000}, Unit: "vehicles"}}},
		{"fine with detention", "有下列行为之一的，处警告或者二百元以下罚款；情节较重的，处五日以上十日以下拘留，可以并处五百元以下罚款",
			[]FineTier{{Range: &Span{Max: 200}}, {When: "情节较重的", Range: &Span{Max: 500}}}},
		{"party split", "对单位处五万元以上五十万元以下的罚款，对个人处五百元以上五千元以下的罚款",
			[]FineTier{{When: "对单位", Range: &Span{Min: 50000, Max: 500000}}, {When: "对个人", Range: &Span{Min: 500, Max: 5000}}}},
		// 并对…: the second fine is the managers', not a second range for the unit (消防法 第六十五条第二款's form).
		{"managers after 并对", "逾期不改正的，处一万元以上十万元以下罚款，并对直接负责的主管人员处一千元以上五千元以下罚款",
			[]FineTier{{Range: &Span{Min: 10000, Max: 100000}}, {When: "对直接负责的主管人员", Range: &Span{Min: 1000, Max: 5000}}}},
		// 至 between two percentages is a range (安全生产法 第一百一十条 was read as 100 %).
		{"percent to percent", "给予降级、撤职的处分，并由应急管理部门处上一年年收入百分之六十至百分之一百的罚款",
			[]FineTier{{Base: "annual_income", Multiple: &Span{Min: 0.6, Max: 1}}}},
		{"up to the goods value", "没收违法生产、销售的产品，并处违法生产、销售产品货值金额等值以下的罚款",
			[]FineTier{{Base: "goods_value", Multiple: &Span{Max: 1}}}},
		{"罚款额为", "依照《土地管理法》第七十四条的规定处以罚款的，罚款额为违法所得的10%以上50%以下",
			[]FineTier{{Base: "illegal_gains", Multiple: &Span{Min: 0.1, Max: 0.5}}}},
		{"no gains or below a bound", "违法所得超过1万元的，没收违法所得，处违法所得1倍以上5倍以下的罚款；没有违法所得或者违法所得不足1万元的，处3000元以上1万元以下的罚款",
			[]FineTier{
				{Base: "illegal_gains", GTE: fp(10000), Multiple: &Span{Min: 1, Max: 5}},
				{When: "没有违法所得或者违法所得不足1万元的", Base: "illegal_gains", None: true, LT: fp(10000), Range: &Span{Min: 3000, Max: 10000}},
			}},
		// 发票管理办法 第三十五条: 在…以下 keeps the bound in the lower bracket
		// (one fen above it, listed first); 超过 starts at the bound.
		{"at most and over an amount", "违反本办法的规定虚开发票的，由税务机关没收违法所得；虚开金额在1万元以下的，可以并处5万元以下的罚款；虚开金额超过1万元的，并处5万元以上50万元以下的罚款",
			[]FineTier{
				{When: "虚开金额在1万元以下的", Base: "invoice_amount", LT: fp(10000.01), Range: &Span{Max: 50000}},
				{When: "虚开金额超过1万元的", Base: "invoice_amount", GTE: fp(10000), Range: &Span{Min: 50000, Max: 500000}},
			}},
		// 发票管理办法 第三十九条: the tax not paid is the base, not the gains.
		{"tax not paid, a multiple", "违反发票管理法规，导致其他单位或者个人未缴、少缴或者骗取税款的，由税务机关没收违法所得，可以并处未缴、少缴或者骗取的税款1倍以下的罚款",
			[]FineTier{{Base: "tax_evaded", Multiple: &Span{Max: 1}}}},
		{"procedure, not a fine", "受到罚款处罚的人应当自收到处罚决定书之日起十五日内，到指定的银行缴纳罚款", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseFineText(tt.text)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestParseFineTextUnparsed(t *testing.T) {
	for _, text := range []string{
		"责令改正，处以罚款。", // the law leaves the amount to regulations
		"由原发证机关吊销资质证书，依照本条第一款规定处以罚款", // a reference resolved by ProvisionsOf
		"停止使用，处采购费用一倍以上十倍以下罚款",       // an unknown base
	} {
		if got, err := ParseFineText(text); !errors.Is(err, ErrUnparsedFine) {
			t.Errorf("%q: got %+v, %v; want ErrUnparsedFine", text, got, err)
		}
	}
}

func TestProvisionsOfItemsAndReferences(t *testing.T) {
	paras := []StatuteParagraph{
		{Text: "违反本法规定，有下列行为之一，由主管部门责令改正，处以罚款：\n（一）未建立台账的；\n（二）擅自倾倒废物的。",
			Items: []string{"（一）未建立台账的；", "（二）擅自倾倒废物的。"}},
		{Text: "有前款第一项行为，处五万元以上二十万元以下的罚款；有前款第二项行为，处十万元以上一百万元以下的罚款。"},
		{Text: "以欺骗手段取得许可的，依照本条第一款规定处以罚款。"},
	}
	got := ProvisionsOf(102, 0, paras)
	if len(got) != 4 {
		t.Fatalf("got %d entries, want 4: %+v", len(got), got)
	}
	if got[0].Item != 1 || got[0].Conduct != "未建立台账的" || len(got[0].Fine) != 1 || got[0].Fine[0].Range.Min != 50000 {
		t.Errorf("item 1: %+v", got[0])
	}
	if got[1].Item != 2 || len(got[1].Fine) != 1 || got[1].Fine[0].Range.Max != 1000000 {
		t.Errorf("item 2: %+v", got[1])
	}
	// 本条第一款 has no amount of its own: the reference stays unparsed.
	if got[3].Paragraph != 3 || got[3].Unparsed == "" {
		t.Errorf("paragraph 3: %+v", got[3])
	}
}

func TestFineTierFineFor(t *testing.T) {
	lt := FineTier{Base: "goods_value", LT: fp(10000), Range: &Span{Min: 50000, Max: 100000}}
	mul := FineTier{Base: "goods_value", GTE: fp(10000), Multiple: &Span{Min: 10, Max: 20}}
	none := FineTier{Base: "illegal_gains", None: true, LT: fp(10000), Range: &Span{Min: 3000, Max: 10000}}
	tests := []struct {
		tier   FineTier
		base   float64
		known  bool
		want   Span
		wantOK bool
	}{
		{lt, 5000, true, Span{Min: 50000, Max: 100000}, true},
		{lt, 10000, true, Span{}, false},
		{mul, 10000, true, Span{Min: 100000, Max: 200000}, true},
		{mul, 0, false, Span{}, false},
		{none, 0, true, Span{Min: 3000, Max: 10000}, true},
		{none, 20000, true, Span{}, false},
		{FineTier{PerUnit: &Span{Min: 1000, Max: 5000}, Unit: "persons"}, 3, true, Span{Min: 3000, Max: 15000}, true},
	}
	for _, tt := range tests {
		got, ok := tt.tier.FineFor(tt.base, tt.known)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("%s at %v (%v): got %v %v, want %v %v", tt.tier.Describe(), tt.base, tt.known, got, ok, tt.want, tt.wantOK)
		}
	}
}

func TestLoadProvisionsRejects(t *testing.T) {
	tests := []struct{ name, yaml string }{
		{"unknown field", "law: 某法\nversion_date: \"2020-01-01\"\nprovisions:\n  - {article: 1, conduct: 甲, fine: [{range: {max: 100}}], extra: 1}\n"},
		{"no formula, no reason", "law: 某法\nversion_date: \"2020-01-01\"\nprovisions:\n  - {article: 1, conduct: 甲}\n"},
		{"two amounts", "law: 某法\nversion_date: \"2020-01-01\"\nprovisions:\n  - {article: 1, conduct: 甲, fine: [{range: {max: 100}, per_unit: {max: 1}, unit: persons}]}\n"},
		{"unknown base", "law: 某法\nversion_date: \"2020-01-01\"\nprovisions:\n  - {article: 1, conduct: 甲, fine: [{base: nothing, multiple: {min: 1, max: 2}}]}\n"},
		{"min above max", "law: 某法\nversion_date: \"2020-01-01\"\nprovisions:\n  - {article: 1, conduct: 甲, fine: [{range: {min: 200, max: 100}}]}\n"},
		{"duplicate", "law: 某法\nversion_date: \"2020-01-01\"\nprovisions:\n  - {article: 1, conduct: 甲, unparsed: x}\n  - {article: 1, conduct: 乙, unparsed: y}\n"},
		{"bad date", "law: 某法\nversion_date: \"2020\"\nprovisions: []\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := LoadProvisions(fstest.MapFS{"a.yaml": {Data: []byte(tt.yaml)}}, nil); err == nil {
				t.Error("loaded; want an error")
			}
		})
	}
	cat, err := LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	bad := "law: 某法\nversion_date: \"2020-01-01\"\nprovisions:\n  - {article: 1, conduct: 甲, unparsed: x, benchmarks: [no-such]}\n"
	if _, err := LoadProvisions(fstest.MapFS{"a.yaml": {Data: []byte(bad)}}, cat); !errors.Is(err, ErrInvalidProvision) {
		t.Errorf("unknown benchmark: got %v, want ErrInvalidProvision", err)
	}
}

func TestCoreLawsSectors(t *testing.T) {
	for _, l := range CoreLaws() {
		if len(l.Sectors) == 0 {
			t.Errorf("%s: no sector", l.Law)
		}
		for _, s := range l.Sectors {
			if !s.Valid() {
				t.Errorf("%s: unknown sector %q", l.Law, s)
			}
		}
	}
}
