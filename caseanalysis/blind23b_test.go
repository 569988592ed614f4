package caseanalysis

import "testing"

// TestBlindKindsTwentyThird: the kinds behind the misses of a batch written
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
//     (第一千一百七十一条第一款第（五）项).
func TestBlindKindsTwentyThird(t *testing.T) {
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
	})
}
