package caseanalysis

import "testing"

// TestEnvPermitKindsSeventeenth decides the kinds the seventeenth round's
// 生态环境 rows missed on first sight (issue 12), in wordings other than the
// rows': a permit holder's own duties under 排污许可管理条例 (第三十六条、
// 第三十七条), no permit told as 未领取/未申请取得, the officers kept waiting at
// the gate, and a drum washed in the water rather than oil let into it.
func TestEnvPermitKindsSeventeenth(t *testing.T) {
	a := newProvisionAnalyzer(t)
	checkEnvPhrasing(t, a, []envPhrasingCase{
		// 第三十六条第（一）项: the outlets the permit lists, not the ones built.
		{"a second stack the permit does not list", "2026年3月检查某涂装公司，其排污许可证载明有组织废气排放口2个，现场发现烘干线旁另设一根排气筒直接排放，经监测排放浓度符合标准。",
			"permit-36-outlet", "air-99-excess", ""},
		// 第三十六条第（二）项: where the water goes.
		{"the permit says to the sewer, it went to the ditch", "2026年4月，某食品公司排污许可证规定废水纳管排放至城镇污水处理厂，该公司却将处理后的废水改为直接排入厂外排水沟，经采样各项指标达标。",
			"permit-36-route", "", ""},
		// 第三十六条第（七）项.
		{"nothing published on the platform", "2026年5月核查，某化工公司按照排污许可证要求应当公开自行监测数据等污染物排放信息，但其在全国排污许可证管理信息平台上从未公开。",
			"permit-36-disclosure", "", ""},
		// 第三十七条: the ledger and the report, kept or told untruly.
		{"no ledger of the scrubber at all", "2026年2月检查某铸件厂，该厂持有排污许可证，但无法提供废气治理设施运行台账，也未建立环境管理台账记录制度。",
			"permit-37-ledger", "", ""},
		{"the annual report never sent", "2026年4月20日检查发现，某纸业公司未按照排污许可证规定的时限提交2025年度排污许可证执行报告。",
			"permit-37-report", "", ""},
		{"the report told a tenth of the emissions", "2026年6月审核发现，某热电公司排污许可证执行报告中报告的二氧化硫年排放量远低于自动监测数据核算量，未如实报告污染物排放量。",
			"permit-37-report-untrue", "", ""},
		// Without a permit, the permit holder's duties are not in question.
		{"no permit, a stack built: the law's no-permit article", "2025年6月检查某铸造厂，其新建熔化炉废气经排气筒排放，至今未取得排污许可证。",
			"air-99-no-permit", "permit-36-outlet", ""},
		// Permit words told otherwise.
		{"法典: 未获得 the permit", "2026年10月，某木业公司热压工序废气经排气筒排放，该公司至今未获得排污许可证，也未申请取得。",
			"eco-1102-no-permit-air", "eco-1107-excess-air", ""},
		// Kept waiting at the gate is 拖延.
		{"法典: kept at the gate an hour", "2026年11月执法人员检查某化工公司废气处理设施，门卫以负责人不在为由让执法人员在门外等候一个多小时，其间厂内关停了生产线。",
			"eco-1229-obstructing-air", "", ""},
		// Second batch: the same kinds told otherwise.
		{"the permit says indirect, the water went straight to a pond", "2026年6月检查某屠宰公司，其排污许可证核定废水排放方式为间接排放，现场发现废水经处理后直排入村边水塘，采样结果达标。",
			"permit-36-route", "", ""},
		{"the ledger broke off in March", "2026年7月检查某家具厂，该厂已取得排污许可证，但其废气治理设施运行台账自当年3月起中断记录，此后无任何记录。",
			"permit-37-ledger", "", ""},
		{"法典: the key is with the boss, half an hour later", "2026年10月执法人员检查某电镀公司危险废物贮存库，厂方称钥匙在老板手里，半小时后才打开库门。",
			"eco-1229-obstructing-waste", "eco-1175-hw-storage", ""},
		{"法典: the permit not yet issued", "2026年9月，某铸造公司的排污许可证尚未核发，即投入生产并通过排气筒排放熔炼废气。",
			"eco-1102-no-permit-air", "", ""},
		// 在水体清洗 (第（三）项) is not 排放油类 (第（一）项).
		{"法典: a drum rinsed in the stream", "2026年9月，某农资店员工在村边溪中清洗装过农药的塑料桶，溪水出现异味。",
			"eco-1136-washing-tanks", "eco-1136-oil-acid", ""},
		{"a washing yard's oily water let into the river stays oil", "2025年5月，某洗车场冲洗油罐车产生的含油污水经明沟排入清溪，河面可见油膜。",
			"water-85-oil-acid-toxic", "", ""},
	})
}

// TestLicensedHandoverSeventeenth: tonnes of hazardous waste handed to a
// holder of a 危险废物经营许可证 are no tonnes 非法处置 (the paperwork failed,
// not the disposal); handed to an unlicensed man or dumped, they count.
func TestLicensedHandoverSeventeenth(t *testing.T) {
	tests := []struct {
		name, norm string
		want       bool
	}{
		{"licensed receiver, no manifest", "将含铜污泥共计6.2吨委托有危险废物经营许可证的单位处置，转移时未运行转移联单", true},
		{"qualified unit", "废酸5吨交由有资质的单位处置，未填写转移联单", true},
		{"unlicensed man", "废机油4吨交给无危险废物经营许可证的个人", false},
		{"licensed claimed, then dumped", "声称交由有资质的单位处置，实际倾倒于荒地", false},
		{"no receiver named", "废乳化液3.5吨贮存于车间", false},
		{"licensed unit denied", "当事人未委托有资质的单位处置，将3吨废矿物油卖给个人", false},
		{"not handed to a qualified unit", "废酸5吨未交由有资质的单位处置，私自转移", false},
	}
	for _, tt := range tests {
		if got := licensedHandover(tt.norm); got != tt.want {
			t.Errorf("%s: licensedHandover = %v, want %v", tt.name, got, tt.want)
		}
	}
}
