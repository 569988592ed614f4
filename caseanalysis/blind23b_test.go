package caseanalysis

import "testing"

// TestBlindKindsBlindBTwentyThird: the kinds behind the misses of a batch written
// blind from a random sample of the catalog (blind23b). Each case is worded
// apart from the batch's rows: the kind is read, not the row.
//   - the congestion a road block made, told by the queue of vehicles it left
//     (车辆排起…长队, 车辆…滞留), is the 交通严重阻塞 of 道路交通安全法 第九十九条
//     第一款第（八）项, which then outranks the general 扰乱公共秩序;
//   - another operator's network product interfered with in words apart
//     (插入…链接, 过滤…广告, 屏蔽…广告, 干扰…正常运行) is 反不正当竞争法
//     第二十九条, and a 视频平台's ads blocked are no production-safety camera
//     switched off (安全生产法 第九十九条第（四）项);
//   - industrial solid waste carried off by rain into a ditch (废渣随雨水冲入
//     沟渠) is waste that escaped (生态环境法典 第一千一百七十条), not dust from
//     a stockpile of materials (第一千一百三十条) nor the storage item alone
//     (第一千一百七十一条第一款第（五）项);
//   - a remedy without an approval number that the laboratory found to hold
//     drugs, written 经检测…含有…成分 rather than 检出, is 以非药品冒充药品, 假药
//     (药品管理法 第九十八条, 第一百一十六条; 刑法 第一百四十一条, likely), not
//     the unapproved drug of 第一百二十四条.
func TestBlindKindsBlindBTwentyThird(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"lorries held, a queue behind", "2026年5月3日，村民甘某为讨要运费，在县道路口把自家农用车横在路中，拦住两辆水泥罐车不让走。交警和镇干部再三劝说，甘某始终不肯挪车，过往车辆排起约一公里的长队，持续近两个小时。",
			"2026-05-03", "traffic-99-intercept", "police25-26-disrupt-order-serious", 200, 2000, false},
		{"a lorry stopped, vehicles stranded", "经查，2026年7月9日上午，违法行为人韦某因与货车司机发生纠纷，在省道收费站出口处拦停该货车并扣下车钥匙，民警到场后多次劝阻，韦某拒不放行，致收费站出口车辆大量滞留达一个小时。",
			"2026-07-09", "traffic-99-intercept", "police25-26-disrupt-order-serious", 200, 2000, false},
		{"a video site's opening ads blocked", "经查，当事人某某信息技术有限公司开发的浏览器插件，在用户观看某视频平台节目时自动屏蔽平台播放的片头广告，干扰了该平台服务的正常运行，插件累计下载量约二十万次。",
			"2026-05-20", "comp25-29-network", "safety-99-monitoring-disabled", 100000, 1000000, false},
		{"links put into another's shop pages", "执法人员查明，当事人某某网络公司通过其浏览器插件，在用户访问另一电商平台商品页面时，插入当事人自营店铺的购买链接，用户点击后进入当事人店铺。",
			"2026-06-02", "comp25-29-network", "", 100000, 1000000, false},
		{"slag washed into a ditch", "2026年9月20日，执法人员检查某某硅业有限公司，厂区冶炼废渣堆场未修建截水沟，暴雨后堆场内的废渣随雨水冲入厂外排洪沟渠，沟渠下游约两百米被淤塞。",
			"2026-09-20", "eco-1170-industrial-dumping", "eco-1130-dust-materials", 100000, 1000000, false},
		{"slag run off from an open yard", "2026年10月12日，执法人员检查某某合金有限公司，厂区西侧一处露天料场堆存冶炼废渣约八千吨，料场四周无挡墙，也未采取防渗设施，下雨后废渣随雨水流入旁边的灌溉沟渠，沟渠底部已有大量淤积。",
			"2026-10-12", "eco-1170-industrial-dumping", "eco-1171-industrial-storage", 100000, 1000000, false},
		{"remedy without approval found to hold drugs", "2026年8月12日，执法人员在某某大药房查获标示为“苗家痛风灵胶囊”的产品，外包装称“主治痛风、关节肿痛”，无批准文号；经检测，该产品含有秋水仙碱、泼尼松成分。药房已售出40盒，货值共计5200元。",
			"2026-08-12", "drug-116-counterfeit", "drug-124-unapproved-drugs", 1500000, 3000000, true},
	})
}

// TestHazardousWasteHandedOverTwentyThird: hazardous waste handed to one who
// 未取得危险废物经营许可证 (or sold to a 上门收购 buyer) is 生态环境法典
// 第一千一百七十五条第一款第（五）项 (二十万元以上二百万元以下), and the storage item
// (第（四）项, 五万元以上) is excluded, as the words 无经营许可证 already did: with
// the storage item left standing, a vote for it from similar past cases put
// the lighter range first (blind23b).
func TestHazardousWasteHandedOverTwentyThird(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct{ name, facts string }{
		{"sold to a door-to-door buyer", "2026年10月15日立案：经查，宏远汽车修理厂自今年9月以来，将保养车辆换下的废机油约1.5吨，陆续以每桶40元的价格卖给上门收购的个体户张某，张某未取得危险废物经营许可证。"},
		{"sludge sent to a brickworks", "2026年9月28日，执法人员检查某某五金厂，查明该厂将电镀污泥约3吨委托给一家未取得危险废物经营许可证的砖厂作为制砖原料处理。"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, "2026-10-20")
			if len(res.Violations) == 0 || res.Violations[0].BenchmarkID != "eco-1175-hw-unlicensed" {
				t.Fatalf("violations %v, want eco-1175-hw-unlicensed first", ids(res.Violations))
			}
			for _, v := range res.Violations {
				if v.BenchmarkID == "eco-1175-hw-storage" {
					t.Errorf("eco-1175-hw-storage listed: %v\n%s", ids(res.Violations), whys(res.Violations))
				}
			}
		})
	}
}
