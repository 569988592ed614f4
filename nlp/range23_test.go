package nlp

import "testing"

// TestOverchargeAndGainsTwentyThird checks the readings of the twenty-third
// round's range helper, in other words than the development rows: an
// overcharge whose word stands before the unit's 每 (多收每桶) or whose unit
// is written after the amount (元/公斤), times the units sold, is the
// 违法所得, as is a price charged above the one labelled; what the party took 从中 (from the act) is its 违法所得; a sale
// told as an estimate (卖出约) is the sales.
func TestOverchargeAndGainsTwentyThird(t *testing.T) {
	checkTotals(t, []totalRow{
		{"overcharge word before 每", "暴雨后该超市桶装水涨价，共售出桶装水120桶，多收每桶8元。", RoleIllegalGains, 960},
		{"overcharge word before 每, 了", "节日期间当事人多收了每盒3元，当天卖出月饼400盒。", RoleIllegalGains, 1200},
		{"unit after a slash", "疫情期间该药店口罩加价0.5元/只，共卖出口罩3000只。", RoleIllegalGains, 1500},
		{"unit after a full-width slash", "当事人多收1.2元／公斤，累计售出大米500公斤。", RoleIllegalGains, 600},
		{"taken from the act", "当事人将客户的联系方式出售给装修公司，从中获取好处费人民币4200元。", RoleIllegalGains, 4200},
		{"received from the act, in words", "该中介从中收取介绍费叁仟伍佰元。", RoleIllegalGains, 3500},
		{"charged above the label", "顾客投诉：货架标价每瓶12元的酱油，结账时按每瓶13.5元收款。经核查，当日该酱油共售出80瓶。", RoleIllegalGains, 120},
		{"charged above the label, 结算 after", "该店价签标注每公斤20元，收银系统却以每公斤22元结算，共卖出150公斤。", RoleIllegalGains, 300},
		{"an estimate sold", "检查发现该店销售的轮胎系翻新胎冒充新胎，店主称已卖出约2.4万元。", RoleSalesAmount, 24000},
	})
}
