package rules

import "testing"

// TestRangeBasesTenth covers the bases of the tenth round's range slice, each
// in wordings other than the dev rows': a fare per seat or per load times
// the count, one price for one thing sold (land: the price is the gains),
// the money buyers paid, a year's pay by its year, workers listed by name,
// and a child's months from the act's span.
func TestRangeBasesTenth(t *testing.T) {
	type want = baseWant
	checkBases(t, []baseRow{
		// fares per seat or per load, times the count
		{"驾驶人未取得道路运输经营许可，用私家车在车站拉客去邻县，每位收20元，累计载客150人次。", want{gains: 3000, persons: 150}},
		{"经查，当事人驾驶七座车招揽乘客往返机场，每位乘客收取40元，前后共载客60人。", want{gains: 2400, persons: 60}},
		{"无道路运输经营许可 替砂场拉沙 每车运费600元 本月拉了20车", want{gains: 12000}},
		{"无道路运输经营许可，每趟200元，第3趟时被查获。", want{}},
		// a deposit per head is no fare
		{"该公司向新招保安每人收取押金500元，共收取12人。", want{persons: 12}},
		// one price for one thing sold
		{"车行老板明知该车已达报废标准，仍以3.2万元卖给一名收购商。", want{sales: 32000, goods: 32000, persons: 1}},
		{"当事人将报废货车以人民币伍仟元的价格出售给废品站老板。", want{sales: 5000, goods: 5000}},
		{"前一辆卖得2600元，后一辆售得1900元。", want{sales: 4500, goods: 4500}},
		{"村民王某未经批准将自家宅基地以18万元转让给外村人建房。", want{gains: 180000}},
		{"进价20元，以35元出售。", want{}},
		// what buyers paid
		{"上述变质熟食已全部售出，货款共计8600元。", want{sales: 8600, goods: 8600}},
		{"当事人向供货商支付货款3000元。", want{}},
		// a year's pay by its year
		{"经核实，其上年度从单位取得的税前收入为28万元。", want{income: 280000}},
		{"该厂长2024年度领取薪金合计人民币贰拾肆万元。", want{income: 240000}},
		{"该员工每月薪酬8000元。", want{}},
		// workers listed by name
		{"该酒店安排保洁员陈某、周某、吴某连续工作十四小时。", want{persons: 3}},
		{"该厂招用孙某某、钱某等人从事喷漆作业。", want{}},
		// a child's months from the act's span; a hired worker's birth is not the party's
		{"餐馆招用营业员林某某（2011年1月出生）于2025年3月1日至2025年4月30日在店内上班。", want{quantity: 2, noAge: true}},
		{"作坊于2025年6月15日至2025年9月14日使用童工一名。", want{persons: 1, quantity: 3}},
		{"作坊于2025年6月10日至2025年8月20日使用童工一名。", want{persons: 1}},
		// a parent's complaint of one child: the child counted, then the span's months
		{"一位父亲反映：他儿子今年十四岁，从2025年7月1日到2025年9月30日在一家洗车店干活。", want{persons: 1, quantity: 3}},
	})
}

// baseWant is what ExtractFacts must read from a text for a fine's base; 0
// is unset, and noAge asks for no age read.
type baseWant struct {
	gains, sales, goods, income, persons, quantity float64
	noAge                                          bool
}

// baseRow is one text and the bases it must give.
type baseRow struct {
	text string
	w    baseWant
}

// checkBases extracts the facts of each row's text and checks its bases.
func checkBases(t *testing.T, rows []baseRow) {
	t.Helper()
	get := func(p *float64) float64 {
		if p == nil {
			return 0
		}
		return *p
	}
	for _, c := range rows {
		f := ExtractFacts(c.text).Facts
		got := baseWant{get(f.IllegalGains), get(f.SalesAmount), get(f.GoodsValue), get(f.AnnualIncome), get(f.Persons), get(f.Quantity), c.w.noAge && f.Age == nil}
		if got != c.w {
			t.Errorf("%s\n got %+v\nwant %+v", c.text, got, c.w)
		}
	}
}
