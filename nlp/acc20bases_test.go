package nlp

import "testing"

// TestBaseReadingTwentieth: the goods counted at the price they are sold at
// (a purchase price counts only alone), sold and held shares summed, and
// a party paid nothing said in a note's words (no 违法所得), while a worker
// not paid and a confiscation state no such thing.
func TestBaseReadingTwentieth(t *testing.T) {
	for _, tt := range []struct {
		name, text, role string
		want             float64
		present          bool
	}{
		{"sale price over purchase price", "当事人以每箱40元的进货价购进20箱，以每箱58元的价格销售", RoleGoodsValue, 1160, true},
		{"purchase price before", "该批饮料每箱进价30元，每箱售价45元，共计进货10箱", RoleGoodsValue, 450, true},
		{"purchase price alone", "当事人以每箱40元的价格购进20箱", RoleGoodsValue, 800, true},
		{"sold and held by the metre", "以每米2.5元的价格销售，已售出800米，库存1200米被扣押", RoleGoodsValue, 5000, true},
		{"a unit price named 单价", "涉案插座共60个，单价45元，已售出20个。", RoleGoodsValue, 2700, true},
		{"no fare received", "驾驶员受人委托承运建材，尚未收取任何运费。", RoleIllegalGains, 0, true},
		{"fare not yet collected, thing first", "约定到货后结算，运费还没收。", RoleIllegalGains, 0, true},
		{"no fee for the service", "当事人称其并未因此收取任何费用，", RoleIllegalGains, 0, true},
		{"not one sold", "店员说活动今天刚开始，还一件都没卖出去。", RoleIllegalGains, 0, true},
		{"a cleanup's cost, need worded", "经测算，清理、运输和处置上述危险废物共需费用人民币贰拾捌万元。", RoleDisposalCost, 280000, true},
		{"the text starts with the negation", "未收取任何费用。", RoleIllegalGains, 0, true},
		{"a bare 没 at the start", "没收违法所得。", RoleIllegalGains, 0, false},
		{"a worker not paid", "工人一直未拿到劳务费，多次讨要。", RoleIllegalGains, 0, false},
		{"confiscation", "依法没收钱款。", RoleIllegalGains, 0, false},
		// review fix20b: a part unpaid beside fares collected; 没收了 is confiscation;
		// a claimed or listed price is no sale price.
		{"fares collected, the rest not", "驾驶员未取得道路运输经营许可从事货物运输，已收取运费3万元，其余运费尚未收取。", RoleIllegalGains, 30000, true},
		{"one fare collected, another not", "本趟运费已收取500元，另一笔运费还没收。", RoleIllegalGains, 500, true},
		{"fares confiscated", "执法人员依法扣押车辆，也没收了运费。", RoleIllegalGains, 0, false},
		{"payments confiscated", "执法人员查封了仓库，并都没收了货款。", RoleIllegalGains, 0, false},
		{"an advertised value", "当事人购进该白酒300瓶，每瓶进价60元，广告宣称每瓶价值1000元。", RoleGoodsValue, 18000, true},
		{"a counter list price beside the actual", "当事人购进该白酒300瓶，每瓶进价60元，专柜零售价每瓶1000元，当事人实际以每瓶80元销售。", RoleGoodsValue, 24000, true},
		{"one batch unsold among others", "第一批货已售出，第二批货一件都没卖出去。", RoleIllegalGains, 0, false},
		{"a later lot unsold", "上月那批已经卖出了，这次进的另一批一件也没卖出去。", RoleIllegalGains, 0, false},
		{"a repair's cost is no disposal cost", "修复该设备需费用5000元。", RoleDisposalCost, 0, false},
		{"a claimed treatment cost", "当事人对外宣称治疗需花费5万元。", RoleDisposalCost, 0, false},
		{"a cleanup's need, other words", "经评估，清运并处置上述固体废物需要花费人民币12万元。", RoleDisposalCost, 120000, true},
		{"a 单价 paid, a later 售价", "当事人购进插座60个，单价45元，已售出20个，每个售价80元。", RoleGoodsValue, 4800, true},
		{"a 单价 paid, a later 售价, other words", "该店采购台灯30台，单价为120元，每台售价200元。", RoleGoodsValue, 6000, true},
		{"held stock of another product", "当事人销售白酒，每瓶售价100元，已售出180瓶，库存啤酒120瓶。", RoleGoodsValue, 18000, true},
		{"held stock of another product, other words", "当事人以每盒30元的价格销售面膜，已卖出50盒，待售洗发水40盒。", RoleGoodsValue, 1500, true},
		{"held stock of the same goods", "当事人销售白酒，每瓶售价100元，已售出180瓶，库存白酒120瓶。", RoleGoodsValue, 30000, true},
		{"a 单价 of other goods with its own count", "当事人购进插座60个，插头单价5元共200个。", RoleGoodsValue, 1000, true},
		{"a 单价 with its own count, other words", "当事人进货插线板80个，转换器单价6元计120个。", RoleGoodsValue, 720, true},
		{"a claimed value in other words", "当事人购进面霜50盒，每盒进价20元，对外号称每盒价值680元。", RoleGoodsValue, 1000, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			x := Extract(tt.text)
			for _, tot := range x.Totals {
				if tot.Role == tt.role {
					if !tt.present {
						t.Fatalf("%s %v read, want none", tt.role, tot.Value)
					}
					if tot.Value != tt.want {
						t.Fatalf("%s %v, want %v", tt.role, tot.Value, tt.want)
					}
					return
				}
			}
			if tt.present {
				t.Fatalf("no %s among %+v", tt.role, x.Totals)
			}
		})
	}
}
