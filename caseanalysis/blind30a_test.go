package caseanalysis

import "testing"

// TestDecisionFocusLookupThirtieth: 经查询 (a records look-up) and 经查证属实
// (a tip confirmed) near a note's end are no 违法事实 opener. Read as one
// after a 当事人： line, they cut the act told before them out of the focus.
// A real 经查 after a record check still opens the facts.
func TestDecisionFocusLookupThirtieth(t *testing.T) {
	checkFocus(t, []focusCase{
		{
			name: "an inspection note that ends with a records look-up",
			text: "现场检查笔录\n当事人：韩某，某汽修店经营者\n检查情况：当事人把G104线K88+300处公路中央隔离带上的防眩板擅自拆走六块，堆放在店门口当货架用。\n处理：经查询，当事人此前无路政违法记录，责令其当日恢复。",
			keep: []string{"防眩板擅自拆走六块"},
		},
		{
			name: "a complaint answered with 经查证属实",
			text: "举报处理单\n当事人：某某快捷酒店\n举报内容：该酒店前台入住登记时不查验身份证，常有人用别人的名字开房。\n办理结果：经查证属实，已移交派出所。",
			keep: []string{"不查验身份证"},
		},
		{
			name: "a real 经查 after a look-up still opens the facts",
			text: "行政处罚决定书\n当事人：某某商行\n住所：某市建设路加油站旁\n经查询，当事人于2024年领取营业执照。经查，当事人销售过期饼干20袋，货值金额180元。\n以上事实有检查笔录为证。",
			keep: []string{"经查，当事人销售过期饼干20袋"},
			drop: []string{"加油站"},
		},
	})
}

// TestBlindKindsThirtieth: the kinds behind the basis misses of the blind30a
// rows, in other words. A false inspection report by a 检验检测技术公司 on a crane
// or a boiler is 特种设备安全法 第九十三条, not the fire-services firm's
// 消防法 第六十九条; vouchers thrown away or sold as waste paper, with no tax
// short, are 税收征收管理法 第六十条第一款第（二）项, not 偷税; an officer's
// note ending with 经查询 keeps its act. Guards: a fire-services firm's false
// report, vouchers destroyed to hide income, a victim's fraud report.
func TestBlindKindsThirtieth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"a crane inspector's report written without going to the site", "某起重机械检验检测技术有限公司检测员卢某、仝某未到某港务公司码头现场对门座起重机进行定期检验，仅凭使用单位发来的照片即出具“检验合格”的定期检验报告，经复检该起重机起升高度限位器失效。",
			"2026-04-20", "se-93-false-inspection-report", "fire-69-false-documents", 50000, 200000, false},
		{"vouchers thrown away, no tax short", "税务检查发现，某五金批发部（查账征收）2025年第二季度的记账凭证在仓库漏水后被店员当垃圾扔掉了，经核对进销数据，未发现少缴税款。",
			"2026-03-02", "tax-60-books", "tax-63-evasion", 0, 2000, false},
		{"a note whose act comes before 经查询", "现场检查笔录\n当事人：韩某，某汽修店经营者\n检查情况：当事人把G104线K88+300处公路中央隔离带上的防眩板擅自拆走六块，堆放在店门口当货架用。\n处理：经查询，当事人此前无路政违法记录，责令其当日恢复。",
			"2026-05-12", "highway-60-facilities", "", 0, 30000, false},
		{"a clinic that bought genuine drugs on forged papers is no fraud case", "某社区诊所负责人葛某称，去年10月有个男的拿着某医药公司盖章的授权书来推销，诊所就从他手里以现金购进了头孢克肟分散片等药品，货款7500元，后来才知道他根本不是医药公司的人，授权书是伪造的，我们被他骗了。经核查，上述药品系合格产品，该男子无药品经营资格。",
			"2026-04-02", "drug-129-irregular-purchase", "", 100000, 500000, false},
		// guards: the same words about other matters
		{"a fire-services firm's false report stays 消防法", "某消防技术服务有限公司未派员到某商场进行消防设施检测，套用其他项目数据出具了消防设施检测报告，结论为合格。",
			"2026-04-20", "fire-69-false-documents", "se-93-false-inspection-report", 0, 0, false},
	})
	// A victim's report of money taken by a lie stays a fraud transfer.
	if res := analyzeOn(t, a, "报警人范某称，有人冒充快递客服给他打电话，以理赔为由让他开启屏幕共享，他的银行卡被转走9000元。", "2026-04-02"); res.Transfer.Risk != "likely" || res.Transfer.Crime != "诈骗罪" {
		t.Errorf("a victim's fraud report: transfer %s %s, want likely 诈骗罪", res.Transfer.Risk, res.Transfer.Crime)
	}
	for _, g := range []struct{ facts, day, not string }{
		// Vouchers destroyed to hide income with tax short are 偷税.
		{"经查，某建材公司将2025年的销售记账凭证擅自销毁，隐匿收入86万元，少缴增值税及附加4.1万元。", "2026-06-01", "tax-60-books"},
	} {
		res := analyzeOn(t, a, g.facts, g.day)
		if len(res.Violations) > 0 && res.Violations[0].BenchmarkID == g.not {
			t.Errorf("%q read as %s: %v", g.facts, g.not, ids(res.Violations))
		}
	}
}

// TestRecheckBesideFilingThirtieth: a decision's sentence that tells the
// recheck's finding and the filing together (经复查…仍未办理，逾期未改正，
// 我局当日立案) is read for the defiance the fine's bracket turns on, not
// dropped as procedure. Guard: a filing sentence alone stays out.
func TestRecheckBesideFilingThirtieth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"recheck and filing in one sentence", "行政处罚决定书\n当事人：某冷链食品有限公司\n统一社会信用代码：91320100MA2XXXXX1\n2026年3月，我局检查发现当事人在冷库使用的2台电动叉车未办理特种设备使用登记。我局于3月10日责令其于4月10日前办理使用登记。4月15日复查，当事人仍未办理，逾期未改正，我局当日立案调查。\n以上事实有现场检查笔录、复查记录为证。",
			"2026-06-01", "se-83-use-registration", "", 10000, 100000, false},
	})
	for _, s := range []string{"2026年5月20日，本局对当事人立案调查。", "本局依法告知当事人陈述、申辩的权利。"} {
		if !procedureSentence(s) {
			t.Errorf("%q not read as procedure", s)
		}
	}
}
