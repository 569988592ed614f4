package caseanalysis

import "testing"

// TestLeftKindsTwentySixth: the kinds behind the tuning half's misses left
// open by the last three rounds (left26b), each worded apart from the rows
// that showed it: other parties, plants, amounts and words.
//   - a unit of the treatment plant broken down (一台…故障停机) while the
//     outlet is measured over the limit is the exceedance, not 逃避监管;
//   - a fire-safety notice that named the fitting-out besides the wiring,
//     or a named 火灾隐患 left 逾期未整改, is 消防法 第六十条第一款第（七）项,
//     not 第六十六条's own order;
//   - inside a drinking-water protection zone a pipe letting water straight
//     into the river is the outfall set there (法典 第一千一百零九条第二款),
//     over 逃避监管 and over the exceedance;
//   - a farm's or a food plant's washing water let out by a hidden pipe is
//     no toxic substance: not near 污染环境罪;
//   - a discharge caught under way (检查时正在…排放) goes on to the day it
//     was found: the law of that day;
//   - building on after the order to stop (法典 第一千零九十五条) is the
//     情节严重 tier of the assessment's type;
//   - mining without a mining right (矿产资源法 2024年 第六十四条) is known,
//     its fine a multiple of the minerals' value or 十万元至一百万元 below
//     十万元;
//   - blows at another agency's officers inspecting (击打执法人员, 打伤检查
//     人员, 检查被迫中止) obstruct them as blows at the police do;
//   - tax inspectors besieged, or books hidden away during the inspection,
//     are 税收征收管理法 第七十条's 情节严重 tier; books withheld are not;
//   - a load weighed against the lorry's rated load (超过核定载质量20%) is
//     道路交通安全法 第九十二条's 超载, though weighed at a 超限检测站 (the
//     station's name is no 超限).
func TestLeftKindsTwentySixth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct {
		name, facts, day, want, not string
		min, max                    float64
		risk                        string // "" not checked
	}{
		{"one blower down, ammonia over the limit (法典)", "2026年10月12日，执法人员对某某造纸有限公司废水总排口采样，氨氮浓度为28.4mg/L，超过排放标准限值（15mg/L）0.89倍；现场该公司污水处理站两台鼓风机中一台因故障停机待修。",
			"2026-10-12", "eco-1107-excess-water", "eco-1108-evading-water", 100000, 1000000, ""},
		{"a denitration pump broken, NOx over the limit (old law)", "2025年11月4日，执法人员对某某陶瓷有限公司窑炉废气排放口监测，氮氧化物折算浓度为310mg/m3，超过排放标准限值（180mg/m3）；现场脱硝系统一台喷氨泵故障停运，尚未维修。",
			"2025-11-04", "air-99-excess", "air-99-evading-supervision", 100000, 1000000, ""},
		{"notice on sponge fitting-out and wiring refused", "2026年3月2日，消防救援大队对某某足浴店检查，发现包间墙面使用易燃海绵软包装修、电气线路私拉乱接，当场下发《责令改正通知书》，要求7日内改正。3月12日复查，该店拒不整改。",
			"2026-03-20", "fire-60-hazard-notice-ignored", "fire-66-electrical-gas", 5000, 50000, ""},
		{"a named 火灾隐患 left past the deadline", "某某物流有限公司仓库内电动车充电线路乱拉乱接等火灾隐患，消防救援大队于2026年5月发出责令改正通知书，逾期未整改。",
			"2026-06-20", "fire-60-hazard-notice-ignored", "fire-66-electrical-gas", 5000, 50000, ""},
		{"plastic pipe into the river inside the zone", "经查，当事人某某鸭业养殖场在县自来水厂饮用水水源二级保护区内铺设一条塑料管道，将鸭舍冲洗水直接排入河道。",
			"2026-11-03", "eco-1109-drinking-source-outfall", "eco-1108-evading-water", 100000, 500000, "none"},
		{"pig farm's washing water by a buried pipe", "2026年9月9日，执法人员检查发现，某某养猪场在场区地下埋设暗管，将猪场冲洗废水排入场外沟渠。",
			"2026-09-09", "eco-1108-evading-water", "", 100000, 1000000, "none"},
		{"outfall in the zone set in May, found discharging in September", "2026年9月20日巡查发现，某某石材厂在饮用水水源一级保护区内的河岸设置排污口，检查时管口正在向河内排放切割废水；据该厂负责人交代，该排污口于2026年5月设置。",
			"2026-09-25", "eco-1109-drinking-source-outfall", "water-84-drinking-source-outfall", 100000, 500000, ""},
		{"outfall in the zone over the standard", "2026年11月5日，执法人员检查发现某某洗涤厂在饮用水水源二级保护区内设置排污口排放洗涤废水，经监测，排口化学需氧量浓度为256mg/L，超过《污水综合排放标准》限值1.56倍。",
			"2026-11-10", "eco-1109-drinking-source-outfall", "eco-1107-excess-water", 100000, 500000, ""},
		{"report-book project built on after the stop order", "某某化工有限公司年产2万吨涂料项目应当编制环境影响报告书，未经批准于2026年9月开工建设。我局10月9日责令其停止建设，该公司拒不停工，继续安装反应釜。",
			"2026-11-02", "eco-1095-report-book", "eco-1095-report-book-serious", 200000, 1000000, ""},
		{"report-form project run after the stop order", "当事人某某包装有限公司印刷项目应当报批环境影响报告表，未报批即开工。2026年9月28日我局下达责令停止建设决定书后，该公司仍继续施工并于11月投入试生产。",
			"2026-11-20", "eco-1095-report-form", "eco-1095-report-form-serious", 100000, 500000, ""},
		{"river-bed gravel dug without a mining right", "2026年4月8日，自然资源局执法人员在某某村河滩发现李某使用两台挖掘机开采砂石，李某无采矿许可证。经评估，违法采出的矿产品价值为人民币15万元。",
			"2026-04-20", "mineral25-64-unlicensed-mining", "", 450000, 750000, "likely"},
		{"limestone quarried without a licence, small value", "经查，当事人何某未取得采矿许可证，于2025年12月在自家承包地后山开采石灰石，经核算，违法采出的矿产品市场价值为八千元。",
			"2026-01-15", "mineral25-64-unlicensed-mining", "", 100000, 1000000, "none"},
		{"a vendor's weight thrown at city-management officers", "2025年8月14日，区城管执法队员在某菜市场外劝离占道摊贩时，摊主韦某拿起秤砣砸向执法队员，又用拳头击打执法人员胸口，致执法被迫中止。",
			"2025-08-20", "police-50-obstruct-duty", "police-43-assault", 0, 200, ""},
		{"a health inspector hurt, the inspection stopped", "2026年4月3日，区卫生监督所两名检查人员到某诊所检查，负责人严某拒不出示执业许可证，并打伤检查人员一人，检查被迫中止。",
			"2026-04-10", "police25-61-obstruct-duty", "police25-51-assault", 0, 500, ""},
		{"tax inspectors besieged by the staff", "2026年3月17日，稽查局检查人员依法对某某商贸有限公司实施税务检查，要求调取2025年度账簿。该公司经理带领五名员工围堵检查人员达四十分钟，检查无法继续。",
			"2026-04-01", "tax-70-obstructing-inspection-serious", "tax-70-obstructing-inspection", 10000, 50000, ""},
		{"vouchers hidden away during the inspection", "经查，我局检查人员对当事人某某物流有限公司实施税务检查期间，当事人指使会计将2024年度记账凭证分批转移藏匿至亲属家中，拒不交出。",
			"2026-02-01", "tax-70-obstructing-inspection-serious", "land-81-not-returning-land", 10000, 50000, ""},
		{"books withheld and the office locked stays basic", "稽查人员对某某酒店实施税务检查，该酒店以负责人出差为由拒绝提供账簿，并将财务室锁门。",
			"2026-02-01", "tax-70-obstructing-inspection", "", 0, 10000, ""},
		{"a lorry 20% over its rated load, weighed at a 超限检测站", "2026年2月11日9时许，驾驶人邓某驾驶核定载质量10吨的中型货车运送钢材，途经S206线超限检测站过磅，车货总重扣除整备质量后实际装载12吨，超过核定载质量20%。",
			"2026-02-15", "traffic-92-truck-overload", "highway-64-overlimit", 200, 500, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, tt.day)
			if len(res.Violations) == 0 || res.Violations[0].BenchmarkID != tt.want {
				t.Fatalf("violations %v, want %s first\n%s", ids(res.Violations), tt.want, whys(res.Violations))
			}
			if st := res.Violations[0].Suggestion.Statutory; st == nil || st.FineMin != tt.min || st.FineMax != tt.max {
				t.Errorf("statutory %v, want %v–%v", st, tt.min, tt.max)
			}
			if tt.risk != "" && string(res.Transfer.Risk) != tt.risk {
				t.Errorf("transfer %s (%s), want %s", res.Transfer.Risk, res.Transfer.Crime, tt.risk)
			}
		})
	}
}
