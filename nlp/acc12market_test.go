package nlp

import "testing"

// TestMarketTwelfthRoundBases checks the bases of the 市场监管 twelfth round
// written otherwise than the development rows: a sum valued at a price with
// no role phrase (按零售价计算共计, 以进货价核算) is the 货值金额; a per-unit
// overcharge (每副多收, 每支多赚) times the units sold is the 违法所得, even
// after another per-unit price; and what was not charged (未从中收取任何费用)
// states no 违法所得.
func TestMarketTwelfthRoundBases(t *testing.T) {
	checkTotals(t, []totalRow{
		{"valued at the retail price", "冰箱内待售的卤味、凉菜按零售价计算共计1600元。", RoleGoodsValue, 1600},
		{"valued at the purchase price", "仓库内剩余的过期饮料，以进货价核算合计二千八百元。", RoleGoodsValue, 2800},
		{"an overcharge per pair times pairs sold", "该店结账时每副眼镜多收40元，活动期间共卖出25副。", RoleIllegalGains, 1000},
		{"an overcharge after the raised price", "药店将体温计由每支15元提高到每支35元出售，至检查时共售出80支，每支多赚20元。", RoleIllegalGains, 1600},
		{"nothing charged for the data", "当事人将会员名单交给保险公司，未从中收取任何费用。", RoleIllegalGains, 0},
	})
}
