package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/rules"
)

// TestTransferEighteenthRoundKinds holds the crimes and thresholds the
// eighteenth round's criminal-transfer slice added (issue 12, acc18transfer),
// in words other than its development rows': 抢夺's 数额较大 halved where the
// snatch was ridden or the victim old, young, pregnant or disabled (2013年
// 解释 第二条); 非法捕捞水产品罪 by electrofishing in a closed season or water
// and by a catch of 五百公斤 (2022年解释 第三条); 侵犯著作权罪 by copies, gains
// or turnover (2004年解释 第五条, 2007年解释（二）第一条); 骗取出口退税罪 from
// 十万元 (2024年解释 第八条); 单位行贿罪 to a state functionary (unverified
// 二十万元); and unpaid wages told as not settled, which count the workers.
func TestTransferEighteenthRoundKinds(t *testing.T) {
	checkTransferRows(t, []transferRow{
		{"snatch ridden off on an e-bike, halved", "违法行为人骑电动车经过时伸手夺走路人手中的手机，手机经价格认定价值七百元。", []string{"police-49-theft"}, rules.RiskLikely, "抢夺罪"},
		{"snatch from an old woman, halved", "孙某在公园门口一把扯走一名七旬老太太的金耳环后逃跑，耳环价值六百五十元。", []string{"police-49-theft"}, rules.RiskLikely, "抢夺罪"},
		{"snatch from a pregnant woman, halved", "嫌疑人趁一名孕妇排队缴费时抢走其挎包，包内现金及物品共计价值九百元。", nil, rules.RiskLikely, "抢夺罪"},
		{"the ride told in its own clause, halved", "违法行为人驾驶电动自行车行至路口时，趁等红灯的行人看手机之机，从其手中夺走手机后逃离，手机价值九百元。", nil, rules.RiskLikely, "抢夺罪"},
		{"snatch of the same value on foot from an adult stays near", "嫌疑人在商场门口一把扯走一名女青年的挎包，包内物品共计价值九百元。", nil, rules.RiskNear, "抢夺罪"},
		{"snatch ridden off, below the half", "吴某骑摩托车抢走路人的帽子，价值一百二十元。", nil, rules.RiskNone, "抢夺罪"},
		{"electrofishing in the closed season", "巡查发现刘某在禁渔期内背着电瓶、逆变器在河道中电鱼，当场查获渔获物8公斤。", nil, rules.RiskLikely, "非法捕捞水产品罪"},
		{"electrofishing in a closed water", "王某在长江禁捕水域使用电捕工具捕鱼，被渔政执法人员当场查获。", nil, rules.RiskLikely, "非法捕捞水产品罪"},
		{"electrofishing, neither season nor water told", "李某在自家承包鱼塘下游的河沟里电鱼，被村民举报。", nil, rules.RiskNear, "非法捕捞水产品罪"},
		{"a banned gear's catch over five hundred kilograms", "当事人在禁渔区内使用禁用渔具绝户网捕捞，查获渔获物一千一百余斤。", nil, rules.RiskLikely, "非法捕捞水产品罪"},
		{"pirated copies over five hundred", "经查，当事人从他人处购进盗版小说，在店内及网上销售，现场查获盗版图书860册。", nil, rules.RiskLikely, "侵犯著作权罪"},
		{"pirated copies below", "经查，当事人在地摊销售盗版光碟，现场查获120张。", nil, rules.RiskNone, "侵犯著作权罪"},
		{"pirated software, gains over", "当事人未经著作权人许可复制发行某设计软件并出售安装服务，违法所得三万五千元。", nil, rules.RiskLikely, "侵犯著作权罪"},
		{"export rebate over ten ten-thousands", "经查，该公司虚构出口业务申报退税，骗取出口退税款共计人民币12.8万元。", []string{"tax-66-export-rebate-fraud"}, rules.RiskLikely, "骗取出口退税罪"},
		{"export rebate below", "经查，该公司以假报出口的手段骗取出口退税款人民币四万元。", []string{"tax-66-export-rebate-fraud"}, rules.RiskNone, "骗取出口退税罪"},
		{"a firm's kickbacks to a public hospital's head", "当事人某医药公司为使其药品进入采购目录，先后向某县人民医院院长支付回扣共计三十二万元。", []string{"comp-19-bribery"}, rules.RiskLikely, "单位行贿罪"},
		{"a bracelet torn off, the getaway on a motorbike", "嫌疑人驾驶摩托车靠近路边行人，伸手拽下其脖子上的金项链后驶离，项链价值八百元。", []string{"police-49-theft"}, rules.RiskLikely, "抢夺罪"},
		{"wages not settled to two, below the one-worker figure", "两名保洁员反映某物业公司在她们辞职后未结清两个月工资共计五千元。", []string{"labour-26-compensation"}, rules.RiskNone, "拒不支付劳动报酬罪"},
	})
}

// TestUnsettledWagesEighteenth: unpaid wages told as not settled (未结清,
// 没付清, 尚欠) are 劳动保障监察条例 第二十六条's arrears, not 劳动合同法
// 第八十四条's withheld files of a worker who left: 未 before 结清 denies the
// settling, not the wages it names.
func TestUnsettledWagesEighteenth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkDatedPhrasings(t, a, []datedPhrasingRow{
		{"not settled after leaving", "三名厨师投诉某酒楼在他们离职后一直未结清最后两个月的工资，合计一万四千元。", "2025-06-01", "labour-26-compensation", ""},
		{"not paid in full", "劳动监察员核实：某装修队尚欠六名工人工资三万二千元，老板称工程款没到位。", "2025-06-01", "labour-26-compensation", ""},
		{"wages not paid off", "某快递网点员工辞职后，网点负责人没付清其三个月工资，共计九千六百元。", "2025-06-01", "labour-26-compensation", ""},
	})
}

// TestRiddenSnatchEighteenth: a snatch from a motorbike or e-bike whose
// victim was on the phone (驾驶摩托车…趁行人看手机之机夺走) is the taking of
// 治安管理处罚法 第四十九条 (2025年法 第五十八条), not 道路交通安全法 第九十条's
// driver using a phone, nor 第八十九条's rider or walker: the taking told
// excludes them.
func TestRiddenSnatchEighteenth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkDatedPhrasings(t, a, []datedPhrasingRow{
		{"motorbike, the student on the phone", "经查，钟某驾驶摩托车沿河滨路行驶时，趁骑车的学生停车接听手机，一把拽走车筐内的书包后驾车逃离。", "2025-09-01", "police-49-theft", "traffic-90-moving-violation"},
		{"a chain torn off from the pillion, new law", "经查，违法嫌疑人柯某驾驶摩托车搭载同伙在夜市路口减速，同伙从路人颈上扯下金项链后两人加速驶离。", "2026-06-01", "police25-58-theft", ""},
		{"e-bike at a crossing, the walker's phone, new law", "2026年3月8日，违法行为人俞某驾驶电动自行车行至某某路口时，趁等红灯的行人专心看手机之机，从其手中夺走手机后逃离，手机价值九百元。", "2026-04-01", "police25-58-theft", "traffic-89-pedestrian-nonmotor"},
	})
}
