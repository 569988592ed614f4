package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// TestTransferEnvironmentalRules runs facts written the way officers write
// them through the measures and the transfer catalog: each rule of the
// 2023 environmental interpretation that the facts state gives likely,
// a near miss gives near or none as the threshold says, and a negated
// statement counts for nothing.
func TestTransferEnvironmentalRules(t *testing.T) {
	crimes, err := rules.LoadCrimes()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, facts, want string
	}{
		{"暗管 with chromium waste water", "某电镀有限公司通过私设暗管将含铬废水直接排入厂区外河道。", rules.RiskLikely},
		{"渗坑 with toxic substance", "执法人员现场检查发现，该公司利用渗坑排放含有毒物质的废液。", rules.RiskLikely},
		{"渗井 with mercury", "某公司通过渗井排放含汞废液。", rules.RiskLikely},
		{"渗坑 with plating liquor", "当事人在厂区内挖设渗坑，将电镀废液排入其中。", rules.RiskLikely},
		{"暗管 with lead over standard", "经查，当事人通过暗管排放生产废水，经监测，废水中总铅浓度超过排放标准0.5倍。", rules.RiskLikely},
		{"lead 3.2 times over", "经监测，废水中总铅浓度超过国家排放标准3.2倍。", rules.RiskLikely},
		{"chromium by concentration", "经检测，外排废水总铬浓度为5.6mg/L，超过《电镀污染物排放标准》规定的排放限值（1.0mg/L）。", rules.RiskLikely},
		{"lead as a multiple of the standard", "经检测，外排废水总铅浓度为4.2mg/L，是排放标准限值的4.2倍。", rules.RiskLikely},
		{"nickel 12 times over", "当事人排放的废水中总镍浓度超标12倍。", rules.RiskLikely},
		{"hazardous waste 3.5 t by its code", "当事人非法处置废矿物油（HW08）3.5吨。", rules.RiskLikely},
		{"tampered monitoring data", "该公司系重点排污单位，通过修改参数篡改在线监测数据。", rules.RiskLikely},
		{"lead 2.5 times over is near", "经监测，外排废水总铅超标2.5倍。", rules.RiskNear},
		{"copper 8 times over is near", "当事人排放的废水中总铜浓度超标8倍。", rules.RiskNear},
		{"hazardous waste 2.6 t is near", "当事人将危险废物废酸2.6吨倾倒至厂区外空地。", rules.RiskNear},
		{"lead two times over is none", "当事人排放的废水中总铅超过《污水综合排放标准》2倍。", rules.RiskNone},
		{"cadmium two times over is none", "当事人排放的废水中总镉浓度超标2倍。", rules.RiskNone},
		{"COD over standard is none", "现场未发现暗管，废水经处理后排放，化学需氧量超标0.3倍。", rules.RiskNone},
		{"no 暗管 found", "执法人员对厂区雨水排口进行排查，未发现暗管，外排废水化学需氧量超标。", rules.RiskNone},
		{"heavy metals within standard", "经监测，外排废水中总铬、总镍均未超标，氨氮超标0.8倍。", rules.RiskNone},
		{"analyser parameters changed", "当事人系大气重点排污单位，安排运维人员修改烟气自动监测设备分析仪的量程和校准参数，致使上传数据明显低于实际排放浓度。", rules.RiskLikely},
		{"monitoring data not tampered", "该公司系重点排污单位，经核查未发现篡改自动监测数据的情况，氨氮超标排放。", rules.RiskNone},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			norm := nlp.NormalizeText(tt.facts)
			m := measures(norm, tt.facts, nlp.Extract(tt.facts))
			got := crimes.Assess(rules.TransferInput{Text: tt.facts, Measures: m}, rules.TransferOptions{})
			if got.Risk != tt.want {
				t.Fatalf("risk = %s (%s: %s), want %s; measures %v", got.Risk, got.Crime, got.Threshold, tt.want, m)
			}
			if tt.want == rules.RiskLikely && (got.Crime != "污染环境罪" || got.Article != "刑法第三百三十八条") {
				t.Errorf("crime = %s %s, want 污染环境罪 刑法第三百三十八条", got.Crime, got.Article)
			}
		})
	}
}

// TestTransferProvincialFigure checks that the analyzer applies the
// configured province's figure (江苏 by default) and names it.
func TestTransferProvincialFigure(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []struct {
		facts string
		want  string
	}{
		{"当事人李某在超市盗窃洗发水等商品，价值共计1500元，被店员当场抓获后报警。", rules.RiskNone},
		{"当事人李某在超市盗窃洗发水等商品，价值共计2500元，被店员当场抓获后报警。", rules.RiskLikely},
	}
	for _, tt := range tests {
		x := nlp.Extract(tt.facts)
		tr := a.transfer(a.readTransfer(tt.facts, readOrders(nlp.NormalizeText(tt.facts))), measures(nlp.NormalizeText(tt.facts), tt.facts, x), nil)
		if tr.Risk != tt.want || tr.Crime != "盗窃罪" {
			t.Errorf("%s: risk %s crime %s, want %s 盗窃罪", tt.facts, tr.Risk, tr.Crime, tt.want)
			continue
		}
		if tr.Risk == rules.RiskLikely {
			if tr.Province == nil || tr.Province.Province != "江苏" || tr.Province.Figure != 2000 || tr.Province.Verified {
				t.Errorf("province = %+v, want unverified 江苏 2000", tr.Province)
			}
			if tr.Crossed[0].Threshold != 2000 {
				t.Errorf("crossed %+v, want the provincial figure 2000", tr.Crossed)
			}
		}
	}
}

// TestTransferOtherKinds runs facts of other kinds through the measures and
// the catalog with the benchmarks a matcher would give: the crime named and
// its risk. Fraud is weighed against 诈骗罪 even though the benchmark also
// covers 盗窃; counts (多次盗窃, people gathered to gamble, months of wages)
// are read as officers write them.
func TestTransferOtherKinds(t *testing.T) {
	checkTransferRows(t, []transferRow{
		{"theft five times", "吕某多次潜入工地，分五次盗窃钢筋、扣件等建筑材料，经价格认定累计价值七百八十元。", []string{"police-49-theft-serious"}, rules.RiskLikely, "盗窃罪"},
		{"theft three times in a month", "雷某一个月内三次在某某商场盗窃化妆品，累计价值九百元。", []string{"police-49-theft-serious"}, rules.RiskLikely, "盗窃罪"},
		{"one small theft", "雷某在某某商场盗窃化妆品一支，价值九十元。", []string{"police-49-theft"}, rules.RiskNone, "盗窃罪"},
		// A death in a relative's words; hazardous goods named by their kind (issue 12, acc10transport).
		{"a death told as 伤重不治", "交通事故认定书认定，赵某驾驶货车撞倒行人后驾车逃离，行人送医后伤重不治，赵某负事故全部责任。", []string{"traffic-99-hit-and-run"}, rules.RiskLikely, "交通肇事罪"},
		{"blood alcohol is no hazardous goods", "民警拦停驾驶货车的林某，经抽血检验其血液中乙醇含量为41mg/100ml。", []string{"traffic-91-drink-driving"}, rules.RiskNone, "危险驾驶罪"},
		{"diesel named by its kind", "钱某无危险货物运输资质，用普通面包车为加油站运送柴油二十桶。", []string{"transport-63-unlicensed-dangerous-goods"}, rules.RiskNear, "危险驾驶罪"},
		{"fraud below its threshold", "韦某以帮忙办理低保为由，先后骗取同村三名老年村民现金共计一千五百元中的五百元，其余款项因被害人家属察觉未得逞。", []string{"police-49-theft"}, rules.RiskNone, "诈骗罪"},
		{"gambling: 15 gathered, stakes over 50,000", "组织者施某纠集十五人以牌九赌博，现场查获赌资五万余元。", []string{"police-70-gambling-serious"}, rules.RiskLikely, "赌博罪"},
		// Five gathered: 抽头渔利 is still to be established (near).
		{"gambling: small stakes", "组织者施某纠集五人打麻将赌博，现场查获赌资二千元。", []string{"police-70-gambling"}, rules.RiskNear, "赌博罪"},
		{"gambling: two players", "施某与一人打麻将赌博，现场查获赌资二百元。", []string{"police-70-gambling"}, rules.RiskNone, "开设赌场罪"},
		// 干扰自动监测设施 as inspections write it (diluting the sample), by a key polluter (round accenv4).
		{"monitoring sample diluted by a key polluter", "当事人系水环境重点排污单位，其操作人员在化学需氧量自动监测设备采样管内注入清水稀释水样，致使监测数据失真，同期继续排放生产废水。", []string{"water-83-evading-supervision"}, rules.RiskLikely, "污染环境罪"},
		{"pipe led out underground with chromium", "执法人员在厂区围墙外雨水沟内发现一根塑料管，管道从厂区酸洗车间地下引出，正在排放废水，检测显示六价铬浓度为8.3mg/L。", []string{"water-83-evading-supervision"}, rules.RiskLikely, "污染环境罪"},
		{"wages: one worker five months", "某某餐馆拖欠厨师1人五个月工资合计一万二千元，经责令限期支付逾期仍不支付，老板有能力支付。", nil, rules.RiskLikely, "拒不支付劳动报酬罪"},
		// The one-worker standard weighs a worker's share, not the total owed to all.
		{"wages: three workers, three months, shares over 5,000", "某某装修队拖欠3名工人三个月工资共计2.4万元，经责令限期支付逾期仍不支付。", nil, rules.RiskLikely, "拒不支付劳动报酬罪"},
		{"wages: fourteen workers sharing 21,000", "某某家具厂拖欠14名木工三个月工资共计21000元，经责令限期支付逾期仍不支付。", []string{"labour-26-compensation"}, rules.RiskNone, "拒不支付劳动报酬罪"},
		{"wages: overtime pay owed to seven", "员工王某等7人投诉：某某物流公司三个月来安排加班一直不给加班费，合计约两万三千元，经责令限期支付，公司逾期仍不支付。", nil, rules.RiskNone, ""},
		{"wages: a deadline is not months owed", "某某餐馆拖欠厨师1人工资一万二千元，责令其一个月内支付，逾期仍不支付。", nil, rules.RiskNear, "拒不支付劳动报酬罪"},
		{"public forest land", "当事人在某某林场内擅自砍伐林木，毁坏公益林地8亩。", nil, rules.RiskLikely, "非法占用农用地罪"},
		{"non-food substance found", "经查，当事人某某食品厂生产的腊肠中检出硼砂，硼砂属于非食用物质，货值金额8600元。", []string{"food-123-nonfood-substance"}, rules.RiskLikely, "生产、销售有毒、有害食品罪"},
		{"non-food substance not found", "经抽检，当事人生产的腊肠未检出非食用物质，但菌落总数超标。", nil, rules.RiskNone, ""},
		{"food poisoning written person-first", "因当事人使用变质原料加工菜品，造成12名就餐人员出现食物中毒症状，均住院治疗。", nil, rules.RiskLikely, "生产、销售不符合安全标准的食品罪"},
		{"illegal mining by value", "当事人李某未取得采矿许可证，擅自在某某河道开采河砂，经认定开采的矿产品价值为12万元。", nil, rules.RiskLikely, "非法采矿罪"},
		// 假药 as 药品管理法 第九十八条 defines it, the word itself absent.
		{"a drug passed off as another", "当事人某某药店销售的“感冒灵胶囊”经检验实为淀粉压制，系以非药品冒充药品，货值金额三千元。", []string{"drug-116-counterfeit"}, rules.RiskLikely, "生产、销售、提供假药罪"},
		{"a drug's ingredients not as the standard", "经抽检，当事人某某药业公司生产的阿莫西林胶囊所含成分与国家药品标准规定不符，已售出二百盒。", []string{"drug-116-counterfeit"}, rules.RiskLikely, "生产、销售、提供假药罪"},
		{"a drug store without a licence", "当事人未取得药品经营许可证，在某某村开设药店销售感冒药，货值金额二千元。", nil, rules.RiskNone, ""},
		{"one victim appraised 轻伤二级", "2026年3月5日，张某与李某因琐事发生争执，张某持木棍殴打李某头部，经鉴定李某的损伤程度为轻伤二级。", []string{"police25-51-assault"}, rules.RiskLikely, "故意伤害罪"},
		{"one victim appraised 轻微伤", "2026年3月5日，张某与李某因琐事发生争执，张某殴打李某，经鉴定李某的损伤程度为轻微伤。", []string{"police25-51-assault"}, rules.RiskNone, "故意伤害罪"},
		{"an injury short of 轻伤", "2026年3月5日，张某殴打李某，致李某面部挫伤，经鉴定尚不构成轻伤。", []string{"police25-51-assault"}, rules.RiskNone, "故意伤害罪"},
		{"drunk on an electric bicycle", "当事人赵某酒后驾驶电动自行车行经某某大道，经血液酒精检测，其血液酒精含量为128毫克/100毫升。", []string{"traffic-89-pedestrian-nonmotor"}, rules.RiskNone, ""},
		{"drunk in a car", "当事人赵某酒后驾驶小型轿车行经某某大道，经血液酒精检测，其血液酒精含量为128毫克/100毫升。", []string{"traffic-91-drunk-driving"}, rules.RiskLikely, "危险驾驶罪"},
		{"hazardous waste produced is not dumped", "当事人在生产中产生废矿物油等危险废物，2023年度预计产生量约6.5吨，未制定危险废物管理计划。", []string{"waste-112-hw-plan"}, rules.RiskNone, "污染环境罪"},
		{"hazardous waste produced then dumped", "当事人将其生产产生的废有机溶剂约8吨交由无资质人员倾倒，经鉴定属于危险废物。", []string{"waste-112-hw-dumping"}, rules.RiskLikely, "污染环境罪"},
		// A fire's loss written 财产损失 (round acc6safety): 失火 over 五十万元 is likely.
		{"fire loss written 财产损失", "龚某在楼道内焚烧废纸后离开，引燃堆放的家具，烧毁三户住宅，直接财产损失约八十万元。", []string{"fire-64-negligent-fire"}, rules.RiskLikely, "失火罪"},
		{"fire loss under the threshold", "龚某在楼道内焚烧废纸后离开，引燃堆放的杂物，财产损失约五千元。", []string{"fire-64-negligent-fire"}, rules.RiskNone, "失火罪"},
		// An interlock removed (摘除, 解除) is the first act of 危险作业罪; its real danger is to establish.
		{"interlock removed", "某某化工公司将液氨储罐的紧急切断联锁解除，已持续一周，检查时未发生泄漏。", []string{"safety-99-monitoring-disabled"}, rules.RiskNear, "危险作业罪"},
		{"a death written 致死", "当事人一名员工在操作冲床时被挤压致死，事故等级为一般事故，当事人对事故发生负有责任。", []string{"safety-114-general-accident"}, rules.RiskLikely, "重大责任事故罪"},
		// A taxpayer's own tax: the share decides; the withholding agent's
		// route needs a withholding agent (round acc5market2).
		{"own tax over 十万元 at a share under 10 %", "经查，某某贸易有限公司2024年度通过隐匿销售收入进行虚假纳税申报，少缴增值税12万元，占当年应纳税额的6%。", []string{"tax-63-evasion"}, rules.RiskNone, "逃税罪"},
		{"own tax over 十万元, share not stated", "经查，某某贸易有限公司2024年度通过隐匿销售收入进行虚假纳税申报，少缴增值税12万元。", []string{"tax-63-evasion"}, rules.RiskNear, "逃税罪"},
		{"withheld tax kept by a withholding agent", "经查，某某劳务公司作为扣缴义务人，2024年代扣职工个人所得税后，不缴已扣税款15万元。", []string{"tax-63-evasion"}, rules.RiskLikely, "逃税罪"},
		// 虚开 of VAT invoices: 刑法 第二百零五条 from 税款数额十万元 (2024 解释
		// 第十一条); arrears moved away: 逃避追缴欠税罪 once they could not
		// be collected, not when they were (round acc6market2).
		{"false VAT invoices with tax over 100,000", "经查，某某贸易公司无真实货物交易为他人虚开增值税专用发票30份，价税合计九十万元，税额十二万元。", []string{"tax-invoice-35-false-issue"}, rules.RiskLikely, "虚开增值税专用发票、用于骗取出口退税、抵扣税款发票罪"},
		{"false VAT invoices with tax of 30,000", "经查，某某贸易公司无真实货物交易为他人虚开增值税专用发票5份，价税合计二十六万元，税额三万元。", []string{"tax-invoice-35-false-issue"}, rules.RiskNone, "虚开增值税专用发票、用于骗取出口退税、抵扣税款发票罪"},
		{"arrears not recovered after assets moved", "某某公司欠缴企业所得税5万元，催缴后将设备过户至关联公司名下，致使欠缴税款无法追缴。", []string{"tax-65-evading-arrears"}, rules.RiskLikely, "逃避追缴欠税罪"},
		{"arrears recovered in the end", "某某公司欠缴企业所得税5万元，催缴后将设备过户至关联公司名下，经强制执行已全部追缴入库。", []string{"tax-65-evading-arrears"}, rules.RiskNone, "逃避追缴欠税罪"},
		{"fraud over the national floor", "孙某以帮他人办理信用卡提额为名，骗取被害人周某手续费四千元。", []string{"police-49-theft"}, rules.RiskLikely, "诈骗罪"},
		{"fraud the file finds below the standard", "孙某以帮他人办理信用卡提额为名，骗取被害人周某手续费四千元，经审查尚未达到刑事立案追诉标准。", []string{"police-49-theft"}, rules.RiskNone, "诈骗罪"},
		{"a death told without a count", "员工李某在清理料仓时被埋压，经抢救无效死亡，事故等级为一般事故，当事人对事故发生负有责任。", []string{"safety-114-general-accident"}, rules.RiskLikely, "重大责任事故罪"},
		{"a fire that killed, written by how it spread", "2024年2月，孙某在出租屋内吸烟后未熄灭烟头，引燃床垫，火势蔓延，造成邻居一人死亡。", []string{"fire-64-negligent-fire"}, rules.RiskLikely, "失火罪"},
		{"a fire after a refused hazard notice", "某某公司对消防救援机构指出的火灾隐患拒不整改，随后仓库发生火灾，火势蔓延，造成2名员工死亡。", []string{"fire-60-hazard-notice-ignored", "fire-64-negligent-fire"}, rules.RiskLikely, "消防责任事故罪"},
		{"chemicals stored without a licence, a real danger", "某某贸易公司未取得危险化学品经营许可证，在居民楼旁仓库储存甲醇20吨，具有发生重大伤亡事故的现实危险。", []string{"hazchem-77-unlicensed-trading"}, rules.RiskLikely, "危险作业罪"},
		{"chemicals sold without a licence, no danger shown", "个体户王某未取得危险化学品经营许可证，在门店零售油漆稀释剂三桶。", []string{"hazchem-77-unlicensed-trading"}, rules.RiskNear, "危险作业罪"},
		// 交通肇事罪: a consequence (deaths, 重伤) and a liability (全部或者主要责任) together.
		{"traffic death, unlicensed driver at full fault", "当事人吴某未取得机动车驾驶证驾驶小型客车，与骑电动自行车的刘某相撞，致刘某经抢救无效死亡，经认定吴某负事故全部责任。", []string{"traffic-99-unlicensed-driving"}, rules.RiskLikely, "交通肇事罪"},
		{"traffic death at main fault, written 负主要责任", "驾驶人陈某驾驶货车右转时未让行，将行人张某碾压致死，经交通事故认定，陈某负此次事故的主要责任。", []string{"traffic-90-moving-violation"}, rules.RiskLikely, "交通肇事罪"},
		// A liability stated short of main (次要、同等责任) fails the condition:
		// one death is then no 交通肇事罪 (解释 第二条), not a near one.
		{"traffic death at minor fault", "驾驶人陈某驾驶货车与横穿道路的行人张某相撞，致张某死亡，经交通事故认定，陈某负事故次要责任。", []string{"traffic-90-moving-violation"}, rules.RiskNone, "交通肇事罪"},
		{"traffic death at equal fault", "吴某无证驾驶小型轿车与一辆违规掉头的轿车相撞，致对方车内乘客一人死亡，经认定双方负事故同等责任。", []string{"traffic-99-unlicensed-driving"}, rules.RiskNone, "交通肇事罪"},
		{"traffic death, liability not yet fixed", "吴某驾驶小型轿车与一辆电动自行车相撞，致骑车人死亡，事故责任正在认定中。", []string{"traffic-90-moving-violation"}, rules.RiskNear, "交通肇事罪"},
		{"drink driver injures one seriously at main fault", "许某饮酒后驾驶小型轿车与行人宋某相撞，致宋某重伤二级，许某血液中乙醇含量为46mg/100ml，负事故主要责任。", []string{"traffic-91-drink-driving"}, rules.RiskLikely, "交通肇事罪"},
		{"sober driver injures one seriously at main fault", "许某驾驶小型轿车与行人宋某相撞，致宋某重伤二级，许某负事故主要责任。", []string{"traffic-90-moving-violation"}, rules.RiskNear, "交通肇事罪"},
		{"traffic accident, one slight injury", "郑某驾驶小型轿车闯红灯与另一车相撞，致对方乘客轻微伤，郑某负事故主要责任，未致人死亡。", []string{"traffic-90-moving-violation"}, rules.RiskNone, "交通肇事罪"},
		// A blood test decides 醉酒; a breath reading only screens.
		{"breath over 80, blood under", "民警拦停驾驶小型轿车的周某，呼气检测结果为82mg/100ml，经抽取血样检验血液中乙醇含量为78.9mg/100ml。", []string{"traffic-91-drink-driving"}, rules.RiskNear, "危险驾驶罪"},
		{"breath under 80, blood over", "民警拦停驾驶小型轿车的周某，呼气检测结果为72mg/100ml，随后抽血检验，血液中乙醇含量为86毫克/100毫升。", []string{"traffic-91-drink-driving"}, rules.RiskLikely, "危险驾驶罪"},
		{"breath only over 80", "民警拦停驾驶小型轿车的周某，呼气检测结果为92mg/100ml。", []string{"traffic-91-drink-driving"}, rules.RiskLikely, "危险驾驶罪"},
		// 非法经营罪 (烟草): the seized cigarettes' value is the 非法经营数额 (解释 第四条).
		{"cigarettes worth over 50,000", "当事人无烟草专卖零售许可证销售卷烟，经认定涉案卷烟价值共计六万元。", []string{"tobacco-57-unlicensed-retail"}, rules.RiskLikely, "非法经营罪"},
		{"tobacco turnover over 50,000", "当事人未取得烟草专卖许可证经营卷烟，违法经营总额五万三千元。", []string{"tobacco-57-unlicensed-retail"}, rules.RiskLikely, "非法经营罪"},
		{"cigarettes worth 8,000", "当事人无烟草专卖零售许可证销售卷烟，违法经营总额八千元。", []string{"tobacco-57-unlicensed-retail"}, rules.RiskNone, "非法经营罪"},
		// 假冒注册商标罪 written in 商标法 第五十七条第一项's words.
		{"a maker using another's identical mark", "当事人未经许可，在其生产的洗发水上使用与他人注册商标相同的商标，违法经营额六万元。", []string{"tm-60-infringement"}, rules.RiskLikely, "假冒注册商标罪"},
		// 入户 described rather than named; a blow at an officer on duty is
		// 袭警罪 with no threshold of harm, a tug at a body camera is not.
		{"burglary through a window", "侯某撬开一楼住户厨房窗户进入室内，窃走现金三百元。", []string{"police25-58-theft"}, rules.RiskLikely, "盗窃罪"},
		{"burglary written 入室", "侯某趁夜入室盗窃手机一部，价值五百元。", []string{"police-49-theft"}, rules.RiskLikely, "盗窃罪"},
		{"theft described, not named", "一男子趁店员接待其他顾客之机，将柜台上一部价值4299元的手机揣入口袋离开。", []string{"police-49-theft"}, rules.RiskLikely, "盗窃罪"},
		{"fraud told as an online trick", "马某在网上发布兼职刷单信息，诱使被害人转账一万二千元后将其拉黑。", []string{"police-49-theft"}, rules.RiskLikely, "诈骗罪"},
		{"small theft in a shop stays none", "侯某在超市窃取香烟一条，价值二百元。", []string{"police-49-theft"}, rules.RiskNone, "盗窃罪"},
		{"a punch at an officer", "民警查处酒驾时，驾驶人彭某挥拳猛击正在执行职务的民警面部。", []string{"police25-61-obstruct-duty"}, rules.RiskLikely, "袭警罪"},
		{"a blow written as 猛击 with the officer named after", "尚某醉酒后突然用拳头猛击正在执行职务的民警赵某面部，致其鼻部挫伤出血。", []string{"police25-61-obstruct-duty"}, rules.RiskLikely, "袭警罪"},
		{"a kick at an officer", "邬某被带上警车时用脚踹向民警腹部，后被控制。", []string{"police25-61-obstruct-duty"}, rules.RiskLikely, "袭警罪"},
		// 经责令支付仍不支付 written with the order's term between (责令其十日内支付，…至今仍未支付).
		{"wages still unpaid after an order with a term", "某某装饰公司拖欠十五名工人2025年5月至8月工资共计捌万肆仟元，监察大队送达限期改正指令书，责令其十日内支付，公司至今仍未支付。", []string{"labour-26-compensation"}, rules.RiskLikely, "拒不支付劳动报酬罪"},
		{"wages unpaid, no order yet", "某某装饰公司拖欠十五名工人2025年5月至8月工资共计捌万肆仟元，工人到监察大队投诉。", []string{"labour-26-compensation"}, rules.RiskNear, "拒不支付劳动报酬罪"},
		{"pulling at a body camera is no 袭警", "民警查处交通违法时，江某拉扯民警执法记录仪，阻碍民警执行职务。", []string{"police25-61-obstruct-duty"}, rules.RiskNone, "妨害公务罪"},
		// 扒窃 told, not named: what the victim carries, taken on public transport.
		{"pickpocketing on a bus, told", "乘客报警称：早高峰在开往火车站的公交车上，钱包被人从外衣口袋中偷走，内有现金280元。", []string{"police-49-theft"}, rules.RiskLikely, "盗窃罪"},
		{"pickpocketing on the metro, told", "被害人在地铁车厢内站立时，背包拉链被拉开，包内手机被窃，价值九百元。", []string{"police-49-theft"}, rules.RiskLikely, "盗窃罪"},
		{"a thief's own pocket is no 扒窃", "侯某在超市将一瓶洗发水揣入口袋，未结账离开，价值四十元。", []string{"police-49-theft"}, rules.RiskNone, "盗窃罪"},
		// 寻衅滋事罪: two people slightly hurt (解释 第二条第一项), counted person-first.
		{"random beating, two slightly hurt", "韦某酒后无故在夜市闹事，随意殴打路过的两名游客，致二人面部软组织挫伤，经鉴定均为轻微伤。", []string{"police-26-provocation"}, rules.RiskLikely, "寻衅滋事罪"},
		{"random beating, two hurt short of 轻微伤", "韦某酒后无故在夜市闹事，随意殴打路过的两名游客，致二人面部红肿，经鉴定均未达到轻微伤。", []string{"police-26-provocation"}, rules.RiskNone, "寻衅滋事罪"},
		{"random beating, one slightly hurt", "韦某酒后随意殴打路人一名，致一人轻微伤。", []string{"police-26-provocation"}, rules.RiskNone, "寻衅滋事罪"},
		// A work accident named 生产安全责任事故: the crime nominated by it.
		{"a death in a 生产安全责任事故", "作业人员李某从约8米高处坠落，经抢救无效死亡。经事故调查组认定，该事故为一般生产安全责任事故。", []string{"safety-99-ppe"}, rules.RiskLikely, "重大责任事故罪"},
		{"a 生产安全责任事故 without deaths", "工人右手被压板机挤伤，经鉴定为轻伤二级，事故调查组认定为一般生产安全责任事故。", []string{"safety-99-ppe"}, rules.RiskNone, "重大责任事故罪"},
		// Turnover and sales written with the goods between the words.
		{"tobacco turnover, goods named between", "当事人未取得烟草专卖零售许可证，违法经营卷烟总额为人民币陆万捌仟元。", []string{"tobacco-57-unlicensed-retail"}, rules.RiskLikely, "非法经营罪"},
		{"tobacco turnover near 50,000", "当事人无烟草专卖零售许可证，经核算违法经营卷烟的总额为4.2万元。", []string{"tobacco-57-unlicensed-retail"}, rules.RiskNear, "非法经营罪"},
		{"adulterated goods sold, a sum after the verb", "当事人在芝麻油中掺入大豆油冒充纯芝麻油，已销售掺假芝麻油计4.6万元。", []string{"prod-50-adulterate"}, rules.RiskNear, "生产、销售伪劣产品罪"},
		{"adulterated goods sold over 50,000", "当事人以次充好，共售出铜包铝电线合计6.2万元。", []string{"prod-50-adulterate"}, rules.RiskLikely, "生产、销售伪劣产品罪"},
		// Hazardous waste weighed in kilograms, named without 危险废物.
		{"lead batteries dumped, in kilograms", "回收户赵某将废铅蓄电池拆解后，把废电池外壳及含铅废酸液共计3600千克倾倒于鱼塘边。", []string{"waste-112-hw-dumping"}, rules.RiskLikely, "污染环境罪"},
		{"waste oil dumped, 1200 公斤", "某某汽修厂将废机油约1200公斤交由无资质个人倾倒于荒地。", []string{"waste-112-hw-dumping"}, rules.RiskNone, "污染环境罪"},
		{"lead wastewater tonnes are no hazardous waste", "当事人超标排放含铅废水约200吨，总铅超过排放标准1.2倍。", []string{"water-83-excess"}, rules.RiskNone, "污染环境罪"},
		// 携带凶器盗窃 told (2013年解释 第三条第三款).
		{"theft carrying a knife", "罗某随身携带一把折叠刀，在小区停车棚内盗窃电动自行车电瓶一块，价值四百元。", []string{"police-49-theft"}, rules.RiskLikely, "盗窃罪"},
		// 案值 of cigarettes is the 非法经营数额.
		{"cigarettes' 案值 over 50,000", "无烟草专卖零售许可证经营卷烟，查获卷烟156条，案值5.6万元。", []string{"tobacco-57-unlicensed-retail"}, rules.RiskLikely, "非法经营罪"},
		// The officer named before the blow; a beating the police came to is not at them.
		{"kicks and punches at the officers", "民警到场处置时，醉酒男子夏某对民警拳打脚踢，致一名民警面部挫伤。", []string{"police25-61-obstruct-duty"}, rules.RiskLikely, "袭警罪"},
		{"a beating the police found", "民警到场后查明，夏某因琐事对邻居拳打脚踢，致邻居面部挫伤，经鉴定为轻微伤。", []string{"police25-51-assault"}, rules.RiskNone, "故意伤害罪"},
		// Industrial-grade chemicals in food are 非食品原料; outside food they say nothing.
		{"industrial hydrogen peroxide on chicken feet", "河西某某熟食店 使用工业用双氧水浸泡鸡爪后销售 货值1.5万元", []string{"food-123-nonfood-substance"}, rules.RiskLikely, "生产、销售有毒、有害食品罪"},
		{"industrial salt in a chemical plant", "某某化工厂仓库内存放工业盐30吨，未设置安全警示标志。", []string{"safety-99-warning-signs"}, rules.RiskNone, ""},
		// 耕地 written as its kinds (旱地, 菜地) counts towards the ten mu (round acc6transport).
		{"旱地 nine mu is near", "某公司未经批准占用村里的旱地9亩修建停车场，地面已全部硬化。", []string{"land-77-illegal-occupation"}, rules.RiskNear, "非法占用农用地罪"},
		{"菜地 twelve mu", "村民未经批准在承包的菜地上建房，占地12亩，已浇筑地基，种植条件被毁坏。", []string{"land-77-illegal-occupation"}, rules.RiskLikely, "非法占用农用地罪"},
		{"荒山 is no farmland", "某厂未经批准占用集体荒山13亩堆放废料。", []string{"land-77-illegal-occupation"}, rules.RiskNone, "非法占用农用地罪"},
		// Land stated not to be 耕地, and an area in 公顷 (1公顷 = 15亩) (issue 12, acc9range).
		{"stated not 耕地", "某砂石场未经批准占用集体的荒坡地9亩作料场，经核实该地块非耕地。", []string{"land-77-illegal-occupation"}, rules.RiskNone, "非法占用农用地罪"},
		{"水田 in hectares", "某公司未经批准占用村民承包的水田0.8公顷建设厂房，已浇筑地基。", []string{"land-77-illegal-occupation"}, rules.RiskLikely, "非法占用农用地罪"},
		// A passenger run or a bus company alone, no serious excess stated, is no near 危险驾驶罪.
		{"a ticket office on a passenger route", "村民在村口设立客运售票点，为过往班线客车售票并收取进站费。", []string{"traffic-92-passenger-overload-20pct"}, rules.RiskNone, "危险驾驶罪"},
		{"a bus 27 % over its seats", "客运班车核定载客33人，实载42人，从事旅客运输。", []string{"traffic-92-passenger-overload-20pct"}, rules.RiskNone, "危险驾驶罪"},
		// Tablets pressed from starch and passed off as a drug are 假药.
		{"starch tablets passed off as a drug", "诊所用淀粉压片冒充头孢克肟片销售给前来就诊的患者，以假充真，货值2000元。", []string{"prod-50-adulterate"}, rules.RiskLikely, "生产、销售、提供假药罪"},
		{"alarm switched off with a real danger", "生产部经理指使仪表工将有毒气体报警系统关闭，储罐区氯气泄漏时报警系统未响应，具有发生重大伤亡事故的现实危险。", []string{"safety-99-monitoring-disabled"}, rules.RiskLikely, "危险作业罪"},
		// The alarm named before what was done to it (报警器…断电, 报警主机…关掉) (issue 12, acc10safety).
		{"gas alarm powered off, told after the device", "某某喷涂公司调漆房的可燃气体报警器被车间主任断电两周，检查时调漆房内可燃气体浓度接近报警值，七名工人仍在作业，具有发生重大伤亡事故的现实危险。", []string{"safety-99-monitoring-disabled"}, rules.RiskLikely, "危险作业罪"},
		{"toxic-gas alarm switched off, leak under way", "某某化工厂液氨罐区有毒气体报警主机被值班员关掉，氨气已有泄漏，随时可能引发中毒事故。", []string{"safety-99-monitoring-disabled"}, rules.RiskLikely, "危险作业罪"},
		{"detector taken down, no danger shown", "某某锅炉房的一氧化碳报警器被拆下锁在柜子里，检查时未见异常。", []string{"safety-99-monitoring-disabled"}, rules.RiskNear, "危险作业罪"},
		{"interlock taken out of service, no danger shown", "某某石化公司加热炉熄火保护联锁被退出运行三天，检查时装置运行平稳。", []string{"safety-99-monitoring-disabled"}, rules.RiskNear, "危险作业罪"},
	})
}

// transferRow is a text, the benchmarks it was matched to, and the transfer
// risk and crime the prosecution thresholds must give it.
type transferRow struct {
	name, facts string
	benchmarks  []string
	risk, crime string
}

// checkTransferRows assesses each row's measures against the crime catalog.
func checkTransferRows(t *testing.T, tests []transferRow) {
	t.Helper()
	crimes, err := rules.LoadCrimes()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			norm := nlp.NormalizeText(tt.facts)
			m := measures(norm, tt.facts, nlp.Extract(tt.facts))
			got := crimes.Assess(rules.TransferInput{Text: tt.facts, Measures: m, Benchmarks: tt.benchmarks}, rules.TransferOptions{})
			if got.Risk != tt.risk || got.Crime != tt.crime {
				t.Fatalf("risk = %s %s (%s), want %s %s; measures %v", got.Risk, got.Crime, got.Threshold, tt.risk, tt.crime, m)
			}
		})
	}
}

// TestUncountedDeath counts one death where a person's death is told
// without a number, and none where it is denied or is not a person's.
func TestUncountedDeath(t *testing.T) {
	tests := []struct {
		name, text string
		want       float64
	}{
		{"抢救无效", "工人张某被卷入设备，经抢救无效死亡。", 1},
		{"当场死亡", "驾驶员当场死亡，车辆损毁。", 1},
		{"坠亡", "作业人员从脚手架坠落，坠亡。", 1},
		{"a count wins", "事故造成3人死亡。", 3},
		// After failed treatment with the day between (issue 12, acc11transfer).
		{"treatment failed, the next day", "伤者经全力抢救无效于次日凌晨死亡。", 1},
		{"treatment failed, a comma between", "该员工送医救治无效，于当晚死亡。", 1},
		{"treatment failed alone", "伤者经抢救无效，转入重症监护。", 0},
		{"treatment of an animal failed", "病猪经抢救无效于次日死亡，养殖户将其丢弃。", 0},
		{"denied", "火被及时扑灭，未造成人员遇难。", 0},
		{"fish", "废水排入河道，致使下游鱼类大量死亡。", 0},
		{"trees", "倾倒的废液致使林木成片死亡。", 0},
		{"a named victim", "驾驶人陈某右转时将行人张某碾压致死。", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			norm := nlp.NormalizeText(tt.text)
			if got := measures(norm, tt.text, nlp.Extraction{})[rules.MeasureDeaths]; got != tt.want {
				t.Errorf("deaths = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestPriceFraudIsNoFraudCrime: a consumer who felt 骗 by a fictitious
// original price bought the goods at the price shown; with price fraud as the
// case's violation the word alone does not make 诈骗罪 a candidate
// (Crime.NotWith); TestTransferOtherKinds keeps a fraud under 治安 likely.
func TestPriceFraudIsNoFraudCrime(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	res := analyzeOn(t, a, "消费者投诉：某某商场标示原价1999元现价999元的羽绒服，经查该商品从未以1999元销售过，消费者称感觉被骗了，商场通过虚构原价销售羽绒服获利共计4500元。", "2025-06-01")
	if ids := violationIDs(res); len(ids) == 0 || ids[0] != "price-7-fraud" {
		t.Fatalf("violations %v, want price-7-fraud first", ids)
	}
	if res.Transfer.Risk != rules.RiskNone || res.Transfer.Crime == "诈骗罪" {
		t.Errorf("transfer %s %s, want none without 诈骗罪", res.Transfer.Risk, res.Transfer.Crime)
	}
}

// TestCarryingAKnifeIsNoTheft: 携带…刀 is a threshold cue of 盗窃罪 (携带凶器盗窃)
// only where a taking is told; a knife carried into a station or found at a
// security check is 治安管理处罚法 第三十二条 (2025年 第三十八条), no transfer
// (Crime.NotWith).
func TestCarryingAKnifeIsNoTheft(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct{ facts, date string }{
		{"男子钱某在地铁站安检时被查出背包内携带一把管制刀具（三棱刀），民警依法收缴。", "2025-06-01"},
		{"2025年9月 孙某携带一把弹簧刀进入长途汽车站候车厅 经安检发现", "2025-09-20"},
		{"2026.2.3 周某随身携带匕首乘坐公交车被查获", "2026-02-03"},
	} {
		res := analyzeOn(t, a, tt.facts, tt.date)
		if res.Transfer.Crime == "盗窃罪" {
			t.Errorf("%s: transfer %s %s, want no 盗窃罪 (violations %v)", tt.facts, res.Transfer.Risk, res.Transfer.Crime, violationIDs(res))
		}
	}
}
