package caseanalysis

import "testing"

// TestEnvironmentEleventhRoundKinds decides the kinds the eleventh round's
// fresh 生态环境 rows missed on first sight (issue 12), each in wordings other
// than the rows': an inspection refused or obstructed is the article of the
// medium the facts name (水 第八十一条, 大气 第九十八条, 固废 第一百零三条, 噪声
// 第七十一条; the 法典's 第一千二百二十九条 after 2026-08-15), not a discharge
// evaded, a hazardous-waste ledger the officers could not see, an exit locked
// (安全生产法 第一百零五条) or paint sprayed on property (治安 损毁财物); and
// collective land is named by its kind (集体耕地, 集体林地) or by the collective's
// own body (经济联合社, 村民小组) as often as by 集体土地 (土地管理法实施条例 第六十条).
func TestEnvironmentEleventhRoundKinds(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkEnvPhrasing(t, a, []envPhrasingCase{
		{"a water sampler kept out by a locked gate", "2025年8月6日上午，执法人员到某印染厂采集外排废水水样，厂方以负责人外出为由锁闭大门，拖延一个多小时不让执法人员进入污水处理站。",
			"water-81-obstructing-inspection", "water-83-evading-supervision", ""},
		{"a sample bottle emptied", "2025-10-09 某酱菜厂 员工抢走采样瓶 倒掉废水样品 阻挠环保执法",
			"water-81-obstructing-inspection", "", ""},
		{"officers refused entry to a boiler room", "经查，2025年5月12日当事人某陶瓷公司拒绝执法人员进入窑炉车间检查脱硫设施运行情况，执法人员在厂门外等候至中午仍未获准入内。",
			"air-98-obstructing-inspection", "", ""},
		{"a spray shop's owner blocks the officers", "群众反映某汽修喷漆厂夜里排放油漆味废气，2025年7月3日执法人员前去检查，老板把执法人员挡在门外，不让进喷漆房。",
			"air-98-obstructing-inspection", "police-49-damage", ""},
		{"officers surrounded at a waste store", "2025年3月18日，执法人员检查某金属表面处理厂的危废暂存间，厂方十余名员工围住执法人员，不让拍照取证，阻挠检查。",
			"waste-103-obstructing-inspection", "waste-112-hw-storage", ""},
		{"a forged disposal ledger shown", "经查，当事人某铸造公司在2025年6月我局检查其炉渣、废砂贮存情况时，提供虚假的固体废物处置台账，检查时弄虚作假。",
			"waste-103-obstructing-inspection", "waste-102-industrial-ledger", ""},
		{"a noise check blocked at night", "2025年9月20日夜间，执法人员到某石材厂厂界监测噪声，厂方拒绝执法人员进入厂区，并关停切割机阻挠监测。",
			"noise-71-obstructing-inspection", "", ""},
		{"a water inspection obstructed under the code", "2026年10月22日，执法人员到某化工公司检查废水排放口，公司人员围堵执法人员，拒绝打开污水处理站大门。",
			"eco-1229-obstructing-water", "eco-1108-evading-water", ""},
		{"a gate locked against the officers is no exit locked", "2025年11月3日，执法人员到某塑料厂核查废气处理设施，厂方锁闭厂区大门，拒绝执法人员进入。",
			"air-98-obstructing-inspection", "safety-105-exits", ""},
		// Probed after the batches: the gate (进厂, 入厂), a room the officers were locked in, a store not opened.
		{"officers not let into the plant to see a sewage pond", "举报人称某电镀厂偷排。2025年6月2日执法人员前往，厂方不让环保局的人进厂看污水池，僵持一小时。",
			"water-81-obstructing-inspection", "water-83-evading-supervision", ""},
		{"a hazardous-waste store not opened", "2025年9月，执法人员到某汽修厂检查危险废物贮存情况，老板拒绝打开危废仓库，阻碍执法人员检查。",
			"waste-103-obstructing-inspection", "police-50-obstruct-duty", ""},
		{"officers locked in a meeting room", "2025年8月，执法人员到某印染厂检查时，该厂员工把执法人员锁在会议室近一小时，其间将废水排放口的管子拆除。",
			"water-81-obstructing-inspection", "water-84-outfall", ""},
		// The collective named by its land's kind or its own body, not 集体土地.
		{"a village co-operative leases its farmland for a yard", "经查，当事人某村经济联合社于2025年3月未经批准将集体耕地约6亩租给某公司堆放建材，收取租金，违法所得9万元。",
			"land-82-collective-land-misuse", "land-77-illegal-occupation", ""},
		{"a villagers' group rents out collective forest land", "2025-07-15 某村第三村民小组未经批准 将组里的集体林地租给个人建农家乐 违法所得6万元",
			"land-82-collective-land-misuse", "land-77-illegal-occupation", ""},
	})
}
