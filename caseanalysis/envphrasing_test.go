package caseanalysis

import (
	"slices"
	"strings"
	"testing"

	"github.com/cailiang/cailiang/rules"
)

// TestEnvironmentPhrasingKinds decides environmental facts written the way
// officers write them rather than in the statute's words (issue 12, fifth
// round): an exceedance given as a reading beside its limit in air units; a
// sampling tube pulled out or a monitor's data "偏低" (逃避监管, not the
// monitor article); a hidden pipe told in everyday words; a monitor named
// CEMS or 在线监测仪 and left unconnected; a protective measure written as
// its absence (无防渗, 无挡墙); a load falling off an uncovered truck (and a
// licensed freight operator's left to 道路运输条例); material pushed into a
// reservoir (水法 第八十五条, not 扬尘); a hazardous waste named by its kind
// (废电瓶, 漆渣); waste oil poured into a river (水法, not a 危废 record
// fault); spent carbon kept in the open (危废贮存, not VOCs); an outfall
// written 排口; a monitor's sample diluted with air; a metal "检出" beside its
// limit; ceramic scrap as industrial waste; sludge kept outside the store's
// door (storage, not dumping); an outfall dug as a ditch.
func TestEnvironmentPhrasingKinds(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkEnvPhrasing(t, a, []envPhrasingCase{
		{"air reading beside its limit", "2025年6月3日监测，某热力公司燃煤锅炉烟气氮氧化物测得210mg/m³，地方排放标准限值150mg/m³。",
			"air-99-excess", "", ""},
		{"a sampling tube put in clean water", "经查，某化工公司系重点排污单位，2025年2月其员工将化学需氧量在线监测仪的取样管拔出，放入事先准备的清水桶中，致使上传数据偏低。",
			"water-83-evading-supervision", "water-82-auto-monitoring", rules.RiskLikely},
		{"a pipe laid under the wall", "2025年7月，群众举报某五金厂在围墙底下偷接一根管子，把车间废水排到墙外的水沟里，执法人员现场核实属实。",
			"water-83-evading-supervision", "", ""},
		{"CEMS data logger without power", "2025-03-02 某电厂 2号机组CEMS数采仪断电 烟气数据未上传",
			"air-100-auto-monitoring", "", ""},
		{"water monitor not connected", "2025年4月8日检查，某食品公司废水总排口的在线监测仪未与生态环境局监控平台联网。",
			"water-82-auto-monitoring", "", ""},
		{"slag without seepage protection", "2025年5月6日检查发现，某铸造厂将炉渣约80吨堆在厂内空地上，无防渗、无挡墙。",
			"waste-102-industrial-storage", "", ""},
		{"slag without seepage protection under the code", "2026年10月6日检查发现，某铸造厂将炉渣约80吨堆在厂内空地上，无防渗、无挡墙。",
			"eco-1171-industrial-storage", "", ""},
		{"tailings reaching farmland stay dumping", "2026年11月2日，某矿业公司尾矿库未采取防渗漏措施发生渗漏，尾砂流失至下游农田。",
			"eco-1170-industrial-dumping", "eco-1171-industrial-storage", ""},
		{"earth falling off an uncovered truck", "2025年8月3日，一辆运土方的货车篷布未盖严，泥土一路掉落在城西大道上，车主系某土石方工程公司。",
			"air-116-uncovered-load", "", ""},
		{"a licensed freight operator's load", "2025年8月3日，某运输公司（持有道路运输经营许可证）的货车装运煤渣未盖篷布，行驶中煤渣扬撒。",
			"transport-68-soliciting", "air-116-uncovered-load", ""},
		{"stone powder pushed into a river", "2025年9月2日，某石材厂用装载机将石粉和碎石渣推入厂边的河中，河水发白。",
			"water-85-waste-dumping", "air-117-dust-materials", ""},
		{"hazardous waste named by its kind", "2025年6月12日检查，某修理厂将废电瓶约2吨露天堆放在后院，地面未防渗，无防雨设施。",
			"waste-112-hw-storage", "", ""},
		{"waste oil poured into a river", "2025年5月9日，某汽修店员工把废机油倒进门前的小河，河面出现油膜。",
			"water-85-oil-acid-toxic", "waste-112-hw-storage", ""},
		{"spent carbon in the open", "2026年10月9日检查，某喷涂厂将更换下来的废活性炭装袋后露天堆放于后院，未进入危险废物贮存库。",
			"eco-1175-hw-storage", "eco-1120-vocs", ""},
		{"diluting the monitor's sample air", "经查，某热电公司系重点排污单位，2025年3月起在烟气自动监测采样管路上接入稀释空气，上传的氮氧化物数据比实际排放浓度低一半。",
			"air-99-evading-supervision", "air-100-auto-monitoring", rules.RiskLikely},
		{"a metal found beside its limit", "2025年7月2日，执法人员对某镀锌厂外排废水采样，检出总铅2.5mg/L，该厂执行的排放标准限值为0.5mg/L。",
			"water-83-excess", "", rules.RiskLikely},
		{"ceramic scrap handed to a carter", "2026-10-20 某瓷砖厂 废瓷渣交给无资质的个体车主拉走 未核实其处置能力",
			"eco-1171-industrial-entrusting", "eco-1169-hw-dumping", ""},
		{"sludge kept outside the store's door", "2025年4月2日检查，某电镀厂的电镀污泥约2吨装袋堆放在危废仓库门外，无防雨措施。",
			"waste-112-hw-storage", "waste-112-hw-dumping", ""},
		{"a ditch dug into the reservoir", "2025年6月，某养殖户在水库饮用水水源二级保护区内开挖排污沟，将猪场废水排入库区。",
			"water-84-drinking-source-outfall", "", ""},
		{"an outfall written 排口", "2025年8月12日，某食品厂未经批准在厂后沟渠私设排口排放清洗废水，该处不在饮用水水源保护区内。",
			"water-84-outfall", "", ""},
		// Sixth round (acc6env), in families the round found unknown: a pipe told by where it runs
		// and a pit by what it does; a monitor's coefficient or sample cup; an analyser whose data are
		// not transmitted; noise in 分贝 / dB beside its limit; hazardous waste sold to a scrap
		// collector; a ledger never kept; drums scrubbed in a river; oily water into a canal; 粉煤灰,
		// 泥饼 and gypsum as industrial waste; a pretreatment plant stopped ahead of a central works
		// (第（四）项); a month's third (下旬) dating the act after the 法典's day.
		{"a pipe laid out of the works", "2025年4月，某铸件厂从车间集水池铺设一条塑料管道通到厂外农灌沟，生产废水未经处理排放。",
			"water-83-evading-supervision", "", ""},
		{"a pit the water seeps from", "2025年6月，某豆制品作坊将泡豆废水排入后院土坑，让废水渗入地下。",
			"water-83-evading-supervision", "", ""},
		{"a coefficient changed on a key unit's monitor", "经查，某热电厂系重点排污单位，2025年5月其环保专员在烟气在线监测系统中将二氧化硫折算系数调低，上传数据比实际排放小。",
			"air-99-evading-supervision", "air-100-auto-monitoring", rules.RiskLikely},
		{"an analyser whose data are not transmitted", "2025年3月检查，某印染公司废水总排口氨氮在线分析仪的数据未上传至市生态环境局平台。",
			"water-82-auto-monitoring", "", ""},
		{"factory noise in decibels beside its limit", "2025年7月9日夜间，监测人员在某机械加工厂厂界外测得噪声58分贝，该处夜间排放限值为45分贝。",
			"noise-75-industrial", "", ""},
		{"building-site noise in dB under the code", "2026年10月8日对某道路改造工地进行监测，场界昼间噪声实测76dB，排放标准昼间限值70dB。",
			"eco-1185-construction-excess", "", ""},
		{"waste oil handed to a scrap collector and poured", "2025年5月，某汽车修理厂将废机油约1吨卖给一名收废品的，该人随后将废油倒在村外荒地上。",
			"waste-112-hw-dumping", "waste-112-hw-storage", ""},
		{"an industrial ledger never kept", "2025年6月检查，某砖瓦厂每月产生煤渣、废砖约30吨，工业固体废物的产生和去向从来没有记过。",
			"waste-102-industrial-ledger", "", ""},
		{"drums scrubbed in a river", "2025年8月，某货运个体户把装过机油的塑料桶拿到村前小河里刷洗。",
			"water-85-waste-dumping", "", ""},
		{"oily water into a canal under the code", "2026年9月15日，某汽修厂将含油污水通过软管排入厂外的灌渠。",
			"eco-1136-oil-acid", "", ""},
		{"fly ash in the open under the code", "2026年10月3日检查，某热电公司粉煤灰约500吨露天堆在厂外空地，无遮盖、无围挡。",
			"eco-1171-industrial-storage", "eco-1130-dust-materials", ""},
		{"a report form's works begun late in a month under the code", "经查，某公司包装材料项目应当编制生态环境影响报告表，报告表未经审批即于2026年8月下旬开工建设。",
			"eco-1095-report-form", "eia-31-unapproved-construction", ""},
		// Second batch's kinds: a stopped pretreatment ahead of a central
		// works; a sample cup topped up with tap water (and the crime for a
		// key unit); press cake handed to a carter; gypsum washed into a pond.
		{"pretreatment stopped ahead of the park's works", "经查，某制药公司2025年5月起预处理设施的芬顿反应池停运，高浓度废水未经预处理直接排入工业园区污水处理厂。",
			"water-83-pretreatment", "water-83-evading-supervision", ""},
		{"a sample cup topped up with tap water", "经查，某造纸厂系重点排污单位，2025年4月其员工多次往氨氮在线监测仪的采样杯里加入自来水，使数据达标。",
			"water-83-evading-supervision", "water-82-auto-monitoring", rules.RiskLikely},
		{"press cake handed to a carter", "2025年10月，某大理石加工厂将压滤泥饼委托一名无资质的个体司机清运，未核实其处置能力。",
			"waste-102-industrial-entrusting", "air-117-dust-materials", ""},
		{"gypsum washed into a pond under the code", "2026年9月20日，某电厂脱硫石膏堆场围挡垮塌，石膏被雨水冲刷流入附近鱼塘。",
			"eco-1170-industrial-dumping", "eco-1130-dust-materials", ""},
	})
}

// envPhrasingCase is one environmental wording: the benchmark that must rank
// first, one that must not, and the transfer risk ("" = not checked).
type envPhrasingCase struct {
	name, facts, want, not string
	risk                   string
}

// checkEnvPhrasing decides each case on a day of its act's year.
func checkEnvPhrasing(t *testing.T, a *Analyzer, tests []envPhrasingCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Decided in the year of the act: acts before 2026-08-15 under the
			// single laws, later ones under the 法典.
			day := "2025-12-01"
			if strings.Contains(tt.facts, "2026") {
				day = "2026-12-01"
			}
			res := analyzeOn(t, a, tt.facts, day)
			ids := violationIDs(res)
			if len(ids) == 0 || ids[0] != tt.want {
				t.Fatalf("violations %v, want %s first\n%s", ids, tt.want, whys(res.Violations))
			}
			if tt.not != "" && slices.Index(ids, tt.not) == 0 {
				t.Errorf("%s ranks first", tt.not)
			}
			if tt.risk != "" && res.Transfer.Risk != tt.risk {
				t.Errorf("transfer %s, want %s", res.Transfer.Risk, tt.risk)
			}
		})
	}
}
