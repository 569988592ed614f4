package caseanalysis

import "testing"

// TestEvidencePartIsNotTheAct: the evidence part of a decision, under a
// heading (证据：, 证据清单, 四、证据) or as a sentence that lists documents
// and ends with a proof formula (……在案为证), names documents (购进票据,
// 送货单, 检验报告), not the act; a heading that joins the facts and the
// evidence (违法事实及证据：, 违法事实、证据) does not end the facts.
// Other phrasings than dev-acc13decision-002 and -005.
func TestEvidencePartIsNotTheAct(t *testing.T) {
	checkFocus(t, []focusCase{
		{
			name: "a heading 证据清单 after the facts",
			text: "当事人：某某药店\n住所：某某路3号\n违法事实：当事人柜台陈列的布洛芬缓释胶囊3盒已超过有效期，仍在销售。\n证据清单：1.药品购进发票；2.供货方资质；3.询问笔录。\n依据《中华人民共和国药品管理法》第一百一十七条，决定罚款十万元。",
			keep: []string{"布洛芬缓释胶囊3盒已超过有效期", "第一百一十七条"},
			drop: []string{"购进发票", "供货方资质"},
		},
		{
			name: "a numbered heading 三、证据",
			text: "当事人：某某超市\n一、违法事实\n经查，当事人货架上的酸奶已过保质期仍在销售。\n三、证据\n进货单、送货单、照片。\n四、处罚决定\n罚款五万元。",
			keep: []string{"酸奶已过保质期仍在销售"},
			drop: []string{"送货单"},
		},
		{
			name: "an evidence sentence without an opener in one paragraph",
			text: "当事人刘某经营的水果摊销售的苹果未标明价格。现场检查笔录、现场照片、询问笔录在案为证。本局决定罚款二百元。",
			keep: []string{"苹果未标明价格"},
			drop: []string{"现场检查笔录"},
		},
		{
			name: "违法事实及证据： heads the facts (guard)",
			text: "当事人：某某机械厂\n违法事实及证据：经检查，当事人冲床未安装防护罩。以上事实有现场检查记录为证。",
			keep: []string{"冲床未安装防护罩"},
			drop: []string{"现场检查记录"},
		},
		{
			name: "发现的违法事实、证据 heads the facts (guard)",
			text: "当事人：某某印染厂\n一、调查情况及发现的环境违法事实、证据\n经监测，当事人外排废水化学需氧量超标1.2倍。\n二、行政处罚告知情况\n已告知。",
			keep: []string{"外排废水化学需氧量超标1.2倍"},
		},
		{
			name: "a fact sentence that ends in 证实 but tells the act is kept (guard)",
			text: "经查，当事人将过期面包重新贴标后销售，有送货单为证，且店员证实该批面包系重新贴标。",
			keep: []string{"过期面包重新贴标后销售"},
		},
	})
}

// TestEvidenceListDoesNotPickTheProvision: a drug shop's expired medicine
// with 购进 documents in the evidence part is 劣药 (第一百一十七条), not
// irregular purchase (第一百二十九条). Another phrasing than
// dev-acc13decision-005. It passes on the base too (the test analyzer has no
// case votes), and is kept as a guard.
func TestEvidenceListDoesNotPickTheProvision(t *testing.T) {
	a := newProvisionAnalyzer(t)
	checkPhrasings(t, a, []phrasingRow{
		{
			name: "证据清单 with 购进记录",
			facts: "行政处罚决定书\n当事人名称：某某济民大药房有限公司\n统一社会信用代码：91310115MA1K4Q2X7P\n住所：某某区建设路16号\n法定代表人：某某\n" +
				"违法事实：2025年3月8日，执法人员检查发现当事人货架上摆放的“头孢克肟分散片”4盒有效期至2024年12月，“板蓝根颗粒”2袋有效期至2025年1月，均已过有效期，当事人仍陈列销售，货值金额共计九十六元，已售出1盒，违法所得十元。\n" +
				"证据：药品采购发票；随货同行单；收银小票；现场笔录；询问笔录。\n当事人提交书面陈述，请求减轻处罚，经复核不予采纳。\n" +
				"本局认为，当事人违反了《中华人民共和国药品管理法》第九十八条第一款的规定，依据《中华人民共和国药品管理法》第一百一十七条第一款，决定没收违法所得，并处罚款十万元。\n如不服本决定，可申请行政复议。",
			want: "drug-117-substandard-retail",
		},
	})
}
