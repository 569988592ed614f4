package rules

import "testing"

// TestRangeBasesEleventh covers the bases of the eleventh round's range slice,
// each in wordings other than the dev rows': a premium per unit times the
// units sold (the gains of a price rise), the money a conveyance of land
// brought in, the stock said to be emptied (the sales are the goods' value),
// and a per-day count of trips times the days.
func TestRangeBasesEleventh(t *testing.T) {
	type want = baseWant
	checkBases(t, []baseRow{
		// a premium per unit times the units sold
		{"停电期间，该店将蜡烛由每支2元涨至每支6元，每支多收4元，累计售出蜡烛350支。", want{gains: 1400}},
		{"经查，当事人在暴雪期间每袋大米加价8元，共卖出大米320袋。", want{gains: 2560}},
		{"该摊主每公斤生姜比平时高出5元，当天售出生姜80公斤。", want{gains: 400}},
		{"该店每瓶矿泉水多收1.5元，违法所得共计900元，售出600瓶。", want{gains: 900}},
		{"每箱多收了10元。", want{}},
		// the money a conveyance of land brought in
		{"村民周某未经批准将承包的农田私下转让给他人挖塘养鱼，获款3万元。", want{gains: 30000}},
		{"经查，当事人将其宅基地连同房屋出售给非本集体成员，收取卖房款人民币贰拾万元。", want{gains: 200000}},
		{"当事人采购生产设备，支付价款5万元。", want{}},
		// the stock emptied: the sales are the goods' value
		{"经查，当事人销售不合格插线板，销售金额1.2万元，库存已清零。", want{sales: 12000, goods: 12000}},
		{"该批劣质电线在一个月内销售一空，销售额共计3.6万元。", want{sales: 36000, goods: 36000}},
		{"当事人销售掺假茶油，销售金额8000元，现场查获库存20桶。", want{sales: 8000}},
		// trips per day times the days
		{"无道路运输经营许可 替工地运渣土 一天跑3趟 每趟收费300元 累计干了15天", want{gains: 13500}},
		{"当事人无证从事货运，每日运输2车次，每车次运费500元，共计运输10日。", want{gains: 10000}},
		{"无道路运输经营许可，每天拉两趟，每趟运费450元。", want{gains: 900}},
	})
}
