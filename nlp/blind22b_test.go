package nlp

import (
	"strings"
	"testing"
)

// TestNegationEndsAtJiuTwentySecond: 就 joining a denied act to the next one
// (没等交警到场就开车走了, 未办任何手续就开工) ends the negation, as 即 does;
// 就 as a preposition right after the negation (未就赔偿达成协议) or in a word
// of its own (早就, 就业) does not.
func TestNegationEndsAtJiuTwentySecond(t *testing.T) {
	tests := []struct {
		name, text, cue string
		want            bool
	}{
		{"没等…就: the leaving happened", "三轮车司机没等交警到场就驶离了", "驶离", false},
		{"未…就: the building happened", "该公司未办理任何审批手续就开工建设", "开工建设", false},
		{"没有…就: the selling happened", "店主没有查验供货商资质就上架销售", "上架销售", false},
		{"preposition: 未就 still denies", "双方未就赔偿达成协议", "达成协议", true},
		{"a word: 早就 still denied", "当事人没有早就停止经营", "停止经营", true},
		{"a word: 就业 still denied", "其子女未就业登记", "登记", true},
		{"no 就: still denied", "司机没有停车而是驶离", "驶离", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkNegatedCue(t, tc.text, tc.cue, tc.want) })
	}
}

// TestNextDayMakeGoodTwentySecond: a filing or a permit made good the next
// day or the same day in the bare verb (于次日向税务机关补报, 当天下午补办) is a
// correction in time (行政处罚法 第三十三条); an order to do it is not.
func TestNextDayMakeGoodTwentySecond(t *testing.T) {
	tests := []struct {
		name, in string
		want     bool
	}{
		{"next day filed", "经税务人员提醒，当事人于次日向税务机关补报账户信息。", true},
		{"same day permit", "执法人员指出后，店主当天下午补办相关手续。", true},
		{"guard: ordered", "执法人员责令其于次日补报相关材料。", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := Extract(tc.in)
			checkSpans(t, tc.in, x)
			if got := x.Flag(CircCorrectedInTime); got != tc.want {
				t.Errorf("%s = %v; want %v (circumstances %+v)", CircCorrectedInTime, got, tc.want, x.Circumstances)
			}
		})
	}
}

// TestCleftActorAgeTwentySecond: the age of the one a cleft names as having
// done the act (点火的是其16岁的侄子, 扔垃圾的是楼上住户17岁的孙子) is the
// party's, although the kin word after it names a relative; the one who
// reported it or was hurt (报警的是……, 被打伤的是……) stays another.
func TestCleftActorAgeTwentySecond(t *testing.T) {
	tests := []struct {
		name, in string
		want     float64 // 0: no party age
	}{
		{"lit the fire", "经查，在绿化带内点火焚烧塑料的是其16岁的侄子。", 16},
		{"threw the rubbish", "经城管队员查实，往楼下扔垃圾的是楼上住户17岁的孙子。", 17},
		{"guard: the reporter", "经查，报警的是其15岁的儿子。", 0},
		{"guard: the one hurt", "经查，被打伤的是其13岁的外孙。", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := Extract(tc.in)
			switch {
			case tc.want == 0 && x.Age != nil:
				t.Errorf("party age %v; want none", *x.Age)
			case tc.want != 0 && (x.Age == nil || *x.Age != tc.want):
				t.Errorf("party age %v; want %v", x.Age, tc.want)
			}
		})
	}
}

// TestClaimAboutAnotherTwentySecond: what a post says of a competitor (称竞争
// 对手“……”, 称同城同行“某某”牌热水器“……”) is a claim though a name stands
// between the verb and the quotation, and quotations a six-rune product name
// apart chain into one claim; a label between two quotations (茶叶”外包装
// 印有“国药准字) still ends the chain.
func TestClaimAboutAnotherTwentySecond(t *testing.T) {
	tests := []struct {
		name, in, inClaim string
		want              bool
	}{
		{"competitor then quote", "某公司在其抖音账号发布视频，称竞争对手“某某”热水器“内胆一年就漏水”。", "内胆一年就漏水", true},
		{"same-city rival, six-rune gap", "当事人在公众号发文，称同城同行“蓝泉”牌家用热水器“漏电伤人”。", "漏电伤人", true},
		{"label between ends the chain", "该店推销的“野生灵芝茶”外包装印有“国药准字”字样。", "国药准字", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := NormalizeText(tc.in)
			at := strings.Index(s, tc.inClaim)
			got := false
			for _, sp := range QuotedClaimSpans(s) {
				if sp.Start <= at && at < sp.End {
					got = true
				}
			}
			if got != tc.want {
				t.Errorf("%q in a quoted claim = %v; want %v (spans %v)", tc.inClaim, got, tc.want, QuotedClaimSpans(s))
			}
		})
	}
}

// checkNegatedCue checks whether the cue's first place in the normalised
// text is read as negated (the shared body of the negation tables).
func checkNegatedCue(t *testing.T, text, cue string, want bool) {
	t.Helper()
	s := NormalizeText(text)
	pos := strings.Index(s, cue)
	if pos < 0 {
		t.Fatalf("cue %q not in %q", cue, s)
	}
	if got := Negated(s, pos); got != want {
		t.Errorf("Negated(%q at %q) = %v; want %v", text, cue, got, want)
	}
}
