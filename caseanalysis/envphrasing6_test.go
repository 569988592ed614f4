package caseanalysis

import (
	"slices"
	"testing"

	"github.com/cailiang/cailiang/rules"
)

// TestEnvironmentPhrasingSixth decides environmental facts in the families
// the sixth round found unknown (issue 12): a pipe told by where it runs
// (铺设…管道, 通往厂外) and a seepage pit by what it does (渗到地下); a
// monitor's coefficient changed (折算系数: 逃避监管, and for a 重点排污单位 the
// crime); an analyser named 自动分析仪 whose data are not transmitted; a
// noise level beside its limit in 分贝 (工业 and 施工); a hazardous waste
// handed to a scrap collector and poured out (倒在, not 贮存); a ledger
// never kept (从来没有记过); drums scrubbed in a river; oily water into a
// canal (渠); 粉煤灰 is industrial waste, not a dusty material (煤 inside it);
// a month's third (2026年8月下旬) dates the act after the 法典's day; a
// pretreatment plant stopped ahead of a central works (第（四）项, not 不正常
// 运行); a sample cup topped up with tap water; press cake (泥饼) as
// industrial waste; gypsum washed into a pond (流失, not 扬尘). Every row is
// worded otherwise than the development rows.
func TestEnvironmentPhrasingSixth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []struct {
		name, facts, day, want, not string
		risk                        string // "" = not checked
	}{
		{"a pipe laid out of the works", "2025年4月，某铸件厂从车间集水池铺设一条塑料管道通到厂外农灌沟，生产废水未经处理排放。",
			"2025-12-01", "water-83-evading-supervision", "", ""},
		{"a pit the water seeps from", "2025年6月，某豆制品作坊将泡豆废水排入后院土坑，让废水渗入地下。",
			"2025-12-01", "water-83-evading-supervision", "", ""},
		{"a coefficient changed on a key unit's monitor", "经查，某热电厂系重点排污单位，2025年5月其环保专员在烟气在线监测系统中将二氧化硫折算系数调低，上传数据比实际排放小。",
			"2025-12-01", "air-99-evading-supervision", "air-100-auto-monitoring", rules.RiskLikely},
		{"an analyser whose data are not transmitted", "2025年3月检查，某印染公司废水总排口氨氮在线分析仪的数据未上传至市生态环境局平台。",
			"2025-12-01", "water-82-auto-monitoring", "", ""},
		{"factory noise in decibels beside its limit", "2025年7月9日夜间，监测人员在某机械加工厂厂界外测得噪声58分贝，该处夜间排放限值为45分贝。",
			"2025-12-01", "noise-75-industrial", "", ""},
		{"building-site noise in dB under the code", "2026年10月8日对某道路改造工地进行监测，场界昼间噪声实测76dB，排放标准昼间限值70dB。",
			"2026-12-01", "eco-1185-construction-excess", "", ""},
		{"waste oil handed to a scrap collector and poured", "2025年5月，某汽车修理厂将废机油约1吨卖给一名收废品的，该人随后将废油倒在村外荒地上。",
			"2025-12-01", "waste-112-hw-dumping", "waste-112-hw-storage", ""},
		{"an industrial ledger never kept", "2025年6月检查，某砖瓦厂每月产生煤渣、废砖约30吨，工业固体废物的产生和去向从来没有记过。",
			"2025-12-01", "waste-102-industrial-ledger", "", ""},
		{"drums scrubbed in a river", "2025年8月，某货运个体户把装过机油的塑料桶拿到村前小河里刷洗。",
			"2025-12-01", "water-85-waste-dumping", "", ""},
		{"oily water into a canal under the code", "2026年9月15日，某汽修厂将含油污水通过软管排入厂外的灌渠。",
			"2026-12-01", "eco-1136-oil-acid", "", ""},
		{"fly ash in the open under the code", "2026年10月3日检查，某热电公司粉煤灰约500吨露天堆在厂外空地，无遮盖、无围挡。",
			"2026-12-01", "eco-1171-industrial-storage", "eco-1130-dust-materials", ""},
		{"a report form's works begun late in a month under the code", "经查，某公司包装材料项目应当编制生态环境影响报告表，报告表未经审批即于2026年9月下旬开工建设。",
			"2026-12-20", "eco-1095-report-form", "eia-31-unapproved-construction", ""},
		// Second batch's kinds: a stopped pretreatment ahead of a central
		// works; a sample cup topped up with tap water (and the crime for a
		// key unit); press cake handed to a carter; gypsum washed into a pond.
		{"pretreatment stopped ahead of the park's works", "经查，某制药公司2025年5月起预处理设施的芬顿反应池停运，高浓度废水未经预处理直接排入工业园区污水处理厂。",
			"2025-12-01", "water-83-pretreatment", "water-83-evading-supervision", ""},
		{"a sample cup topped up with tap water", "经查，某造纸厂系重点排污单位，2025年4月其员工多次往氨氮在线监测仪的采样杯里加入自来水，使数据达标。",
			"2025-12-01", "water-83-evading-supervision", "water-82-auto-monitoring", rules.RiskLikely},
		{"press cake handed to a carter", "2025年10月，某大理石加工厂将压滤泥饼委托一名无资质的个体司机清运，未核实其处置能力。",
			"2025-12-01", "waste-102-industrial-entrusting", "air-117-dust-materials", ""},
		{"gypsum washed into a pond under the code", "2026年9月20日，某电厂脱硫石膏堆场围挡垮塌，石膏被雨水冲刷流入附近鱼塘。",
			"2026-12-01", "eco-1170-industrial-dumping", "eco-1130-dust-materials", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, tt.day)
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
