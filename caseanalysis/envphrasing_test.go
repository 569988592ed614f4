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
	tests := []struct {
		name, facts, want, not string
		risk                   string // "" = not checked
	}{
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
	}
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
