package caseanalysis

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// TestDecisionFocus: of a whole decision, matching reads the 违法事实 and the
// laws the decision applies, never the party's address or business scope,
// the procedure, the evidence list, the closing or a 行政处罚法 citation;
// texts that are not decisions are read whole.
// focusCase is a text and what decisionFocus must keep and drop of it.
type focusCase struct {
	name, text string
	keep, drop []string
}

// checkFocus runs decisionFocus on each case's text.
func checkFocus(t *testing.T, cases []focusCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := decisionFocus(c.text)
			for _, k := range c.keep {
				if !strings.Contains(got, k) {
					t.Errorf("focus lacks %q:\n%s", k, got)
				}
			}
			for _, d := range c.drop {
				if strings.Contains(got, d) {
					t.Errorf("focus keeps %q:\n%s", d, got)
				}
			}
		})
	}
}

func TestDecisionFocus(t *testing.T) {
	cases := []focusCase{
		{
			name: "unit header, 经查, evidence, 行政处罚法 and closing",
			text: "某市市场监督管理局行政处罚决定书\n当事人：某某贸易有限公司\n住所：某市健康路加油站对面\n经营范围：食品销售；烟草制品零售；劳务派遣服务。\n" +
				"2025年5月20日，本局对当事人立案调查，依法告知其陈述、申辩的权利。\n经查，当事人销售超过保质期的牛奶12盒，货值金额360元。\n" +
				"以上事实有《现场检查笔录》《询问笔录》等证据为证。\n当事人的行为违反了《中华人民共和国食品安全法》第三十四条第（十）项的规定。" +
				"依据《中华人民共和国行政处罚法》第二十八条第一款，责令当事人改正。到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款。如不服本决定，可申请行政复议。",
			keep: []string{"当事人：某某贸易有限公司", "经查，当事人销售超过保质期的牛奶12盒", "违反了《中华人民共和国食品安全法》第三十四条"},
			drop: []string{"加油站", "烟草制品零售", "劳务派遣", "立案", "询问笔录", "第二十八条", "不缴纳罚款", "复议"},
		},
		{
			// acc10noise: the 经查 of a one-line register answers the
			// allegation after the act; the act before it is kept.
			name: "register line with the scope in brackets, 经查 on an allegation",
			text: "2025.9.3 兰亭便民店（个体 经营范围：酒类经营、食品销售） 货架上袋装面包已过保质期仍在售 货值二百元 投诉称其卖假酒 经查白酒均有正规进货票据",
			keep: []string{"货架上袋装面包已过保质期仍在售"},
		},
		{
			name: "person header with address, 现查明",
			text: "行政处罚决定书\n违法行为人：蒋某，男，住址：某市城东区百姓大药房旁12号\n现查明：蒋某在超市内将两瓶白酒藏入背包未结账离开，价值800元。\n以上事实有证人证言、视频监控录像等证据证实。\n如不服本决定，可在六十日内申请行政复议。",
			keep: []string{"现查明：蒋某在超市内将两瓶白酒藏入背包", "违法行为人：蒋某，男，"},
			drop: []string{"大药房", "证人证言", "复议"},
		},
		{
			name: "不予处罚 quoting the penalty article, then 行政处罚法 第三十三条",
			text: "当事人：某某餐饮有限公司\n经营范围：餐饮服务；酒类经营。\n经查，当事人在安全出口处堆放纸箱，堵塞安全出口，当场清走。\n上述事实有照片为证。\n" +
				"依照《中华人民共和国消防法》第六十条第一款第三项，单位堵塞安全出口的，处五千元以上五万元以下罚款。鉴于当事人初次违法，根据《中华人民共和国行政处罚法》第三十三条第一款，决定不予行政处罚。",
			keep: []string{"堵塞安全出口，当场清走", "《中华人民共和国消防法》第六十条第一款第三项"},
			drop: []string{"酒类经营", "第三十三条第一款"},
		},
		{
			name: "no fact opener: party lines and procedure dropped before the evidence",
			text: "当事人：某某物流有限公司\n住所：某市物流园区C栋\n经营范围：危险货物道路运输；汽车修理与维护。\n2025年4月1日，本中心对当事人立案调查。\n当事人所属车辆车货总质量61.2吨，超过公路限定标准在公路上行驶。\n上述事实，有称重检测单为证。",
			keep: []string{"车货总质量61.2吨"},
			drop: []string{"危险货物道路运输", "汽车修理", "立案", "称重检测单"},
		},
		{
			name: "the decision's characterisation after the evidence, without a citation",
			text: "当事人：某某五金店\n经查，当事人将杂牌水龙头装入某品牌包装盒对外销售，货值金额六千元。\n上述事实有检验报告、询问笔录为证。\n" +
				"本局认为，当事人的上述行为系以假充真。当事人的行为构成以次充好。其行为属于《中华人民共和国行政处罚法》第三十二条规定的情形。如不服本决定，可申请行政复议。",
			keep: []string{"当事人的上述行为系以假充真", "当事人的行为构成以次充好"},
			drop: []string{"第三十二条", "复议", "检验报告"},
		},
		{
			name: "the agency's view in its answer to the 陈述申辩 names the act; the party's claim is dropped",
			text: "当事人：某某粮油店\n经查，当事人将普通级大米装入标有特级字样的包装袋销售，货值金额四千二百元。\n以上事实有抽样检验报告为证。\n" +
				"当事人在陈述申辩中提出其大米仅为包装标识不规范。\n经复核，本局认为，当事人用普通级大米冒充特级大米销售，属于以次充好，申辩理由不能成立，不予采纳。如不服本决定，可申请行政复议。",
			keep: []string{"本局认为，当事人用普通级大米冒充特级大米销售，属于以次充好"},
			drop: []string{"包装标识不规范", "抽样检验报告", "复议"},
		},
		{
			name: "an officer's note with 经查 in mid-text is read whole",
			text: "执法人员检查发现某某便利店销售过期牛奶，经查，货值金额360元，当事人系初次违法。",
			keep: []string{"执法人员检查发现某某便利店销售过期牛奶，经查"},
		},
		{
			name: "a note naming the business scope inside the facts is read whole",
			text: "当事人营业执照经营范围不含食品销售，却在店内销售散装白酒，货值金额2000元。",
			keep: []string{"经营范围不含食品销售，却在店内销售散装白酒"},
		},
	}
	checkFocus(t, cases)
}

// TestPartyElementByKind: a party element (个人, 单位, 当事人是单位) is
// decided by the party's kind as the text names the party, not by a place
// word of the facts (医院, 门店); without a kind, or for a sole trader, its
// cues decide.
func TestPartyElementByKind(t *testing.T) {
	person := rules.Element{Label: "个人", Cues: []string{"居民", "个人", "村民", "男子"}}
	unit := rules.Element{Label: "单位", Cues: []string{"公司", "单位", "医院", "店"}}
	cases := []struct {
		name, text     string
		person, unitOK bool
	}{
		{"a person, at a hospital", "马某某，男，将两袋生活垃圾倾倒在人民医院西侧绿化带内。", true, false},
		{"a company, no person word", "某某餐饮有限公司将厨余垃圾倾倒在河道旁。", false, true},
		{"a company whose resident complained", "居民投诉，某某物业有限公司将生活垃圾堆放在小区门口。", false, true},
		{"no kind: the cues decide", "居民在小区内随意倾倒生活垃圾。", true, false},
		{"a sole trader: the cues decide", "个体工商户王某在其门店后巷倾倒生活垃圾。", false, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := decider{openers: map[string][]int32{}}
			es := d.compileElements([]rules.Element{person, unit}, false)
			d.indexCues(append(slices.Clone(es[0].cues), es[1].cues...))
			norm := nlp.NormalizeText(c.text)
			scan := d.index.Scan(norm)
			live := d.live(scan)
			facts := &factValues{norm: norm, text: c.text, x: rules.ExtractFacts(c.text).Extraction}
			if _, got := es[0].shown(scan, live, facts); got != c.person {
				t.Errorf("个人 shown = %v, want %v", got, c.person)
			}
			if _, got := es[1].shown(scan, live, facts); got != c.unitOK {
				t.Errorf("单位 shown = %v, want %v", got, c.unitOK)
			}
		})
	}
}

// TestCitedPenaltyFirst: a whole decision that cites the penalty provision
// gets that provision first among neighbours its words cannot tell apart
// (the same facts under two citations, two answers), and a 不予处罚 decision
// that quotes the penalty article keeps its disposition.
func TestCitedPenaltyFirst(t *testing.T) {
	a := newProvisionAnalyzer(t)
	const fire = "当事人：某某商贸有限公司\n住所：某市人民路8号\n经营范围：日用百货销售。\n经查，当事人在其商场东侧安全出口及消防车通道处堆放货物纸箱和杂物，影响通行。\n以上事实有现场照片为证。\n"
	const overload = "当事人：某某运输有限公司\n经营范围：道路普通货物运输。\n经查，当事人所属重型半挂牵引车装载钢材在公路上行驶，车货总质量61吨，超过公路限定标准。\n上述事实有称重检测单为证。\n"
	cases := []struct {
		name, text string
		want       legal.Ref
		disp       legal.Disposition
	}{
		{"消防车通道 cited", fire + "依据《中华人民共和国消防法》第六十条第一款第五项的规定，责令改正。", legal.Ref{Law: "消防法", Article: 60, Paragraph: 1, Item: 5}, legal.DispositionPenalty},
		{"安全出口 cited", fire + "依据《中华人民共和国消防法》第六十条第一款第三项的规定，责令改正。", legal.Ref{Law: "消防法", Article: 60, Paragraph: 1, Item: 3}, legal.DispositionPenalty},
		{"安全出口 quoted, then declined", fire + "依照《中华人民共和国消防法》第六十条第一款第三项，单位占用、堵塞、封闭疏散通道、安全出口的，责令改正，处五千元以上五万元以下罚款。鉴于当事人初次违法、危害后果轻微并及时改正，根据《中华人民共和国行政处罚法》第三十三条第一款，决定不予行政处罚。",
			legal.Ref{Law: "消防法", Article: 60, Paragraph: 1, Item: 3}, legal.DispositionNone},
		{"公路安全保护条例 cited", overload + "依据《公路安全保护条例》第六十四条的规定，责令改正。", legal.Ref{Law: "公路安全保护条例", Article: 64}, legal.DispositionPenalty},
		{"公路法 cited", overload + "依据《中华人民共和国公路法》第七十六条第（五）项的规定，责令改正。", legal.Ref{Law: "公路法", Article: 76, Item: 5}, legal.DispositionPenalty},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := a.Analyze(context.Background(), Request{Facts: c.text, DecisionDate: "2025-06-01"})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Violations) == 0 || res.Violations[0].Suggestion == nil {
				t.Fatalf("no suggestion: %+v", res.Violations)
			}
			top := res.Violations[0]
			var got legal.Ref
			for _, b := range top.Suggestion.Basis {
				if b.Role == rules.RolePenalty {
					got = b.Ref
				}
			}
			if got.Law != c.want.Law || got.Article != c.want.Article || got.Item != c.want.Item {
				t.Errorf("top %s penalty %+v, want %+v", top.BenchmarkID, got, c.want)
			}
			if d := top.Suggestion.Disposition; d != c.disp {
				t.Errorf("disposition %s, want %s", d, c.disp)
			}
		})
	}
}

// TestFindingSentenceBeforeOpener checks that decisionFocus keeps, before a
// decision's 经查, the sentence telling what the inspection found (the act)
// and still drops the procedure and the evidence.
func TestFindingSentenceBeforeOpener(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want bool
	}{
		{"2025年9月3日，执法人员检查当事人后厨，发现冰柜内存放的牛肉片无检疫证明。", true},
		{"现场查获无标签食用油20桶。", true},
		{"我局在日常检查中发现当事人涉嫌违法，于2025年9月4日立案调查。", false},
		{"当事人：某某火锅店，经营者李某。", false},
		{"2025年9月3日，执法人员对当事人进行检查。", false},
	} {
		if got := findingSentence(tt.s); got != tt.want {
			t.Errorf("findingSentence(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
	text := "当事人：某某火锅店，经营者李某。2025年9月3日，执法人员检查当事人后厨，发现冰柜内的牛肉片无检疫证明。经查，该批牛肉系从个人处购进。上述事实有现场笔录等证据证实。"
	if got := decisionFocus(text); !strings.Contains(got, "无检疫证明") || strings.Contains(got, "上述事实") {
		t.Errorf("decisionFocus = %q, want the finding kept and the evidence dropped", got)
	}
}
