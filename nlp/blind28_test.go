package nlp

import "testing"

// TestSpokenBirthDateTwentyEighth: a birth date said aloud in a 询问笔录
// (我2007年3月生的, 1999年生人) is the speaker's birth date, never the act's;
// the case's own dates keep their roles.
func TestSpokenBirthDateTwentyEighth(t *testing.T) {
	for _, tt := range []struct {
		name, text, birth, act string
	}{
		{"born said in an answer", "问：你哪年出生？答：我2007年3月生的，今年19岁。问：4月2日晚上你在酒店门口干什么？答：发小卡片。", "2007-03-01", ""},
		{"生人 after the year", "询问笔录：被询问人何某，1999年8月生人，2026年3月14日在公园门口拦住游客兜售假门票。", "1999-08-01", "2026-03-14"},
		{"生产的 stays a production date", "店主说这批酱菜是2025年12月生产的，2026年3月2日检查时已过保质期。", "", "2026-03-02"},
		{"生的 with the day", "答：我是2009年10月5日生的，那天是2026年1月20日下午在商场拿的东西。", "2009-10-05", "2026-01-20"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			x := Extract(tt.text)
			found := false
			for _, d := range x.Dates {
				if d.Value == tt.birth {
					found = true
					if d.Role != DateBirth {
						t.Errorf("%s read as %s, want a birth date (%+v)", d.Value, d.Role, x.Dates)
					}
				}
				if tt.act != "" && d.Value == tt.act && d.Role == DateBirth {
					t.Errorf("the case's date %s read as a birth date", d.Value)
				}
			}
			if tt.birth == "" {
				for _, d := range x.Dates {
					if d.Role == DateBirth {
						t.Errorf("%s read as a birth date (%+v)", d.Value, x.Dates)
					}
				}
				return
			}
			if !found {
				t.Errorf("no date %s in %+v", tt.birth, x.Dates)
			}
		})
	}
}

// TestContinuingUntilCaughtTwentyEighth: an act that lasted until it was
// caught (至被查获时已持续半年, 直至案发) or was found going on at the follow-up
// (复查时仍在抽水, 拒不停工) is a continuing act; the time passed since an act
// ended (至被查处时已超过二年) and going unnoticed are not.
func TestContinuingUntilCaughtTwentyEighth(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       bool
	}{
		{"lasted until caught", "当事人自2025年10月起在厂区后墙私设软管向沟渠排放清洗废水，至被查获时已持续半年。", true},
		{"until the case came to light", "该店自去年春节后一直销售该款仿冒饮料，直至案发。", true},
		{"found again at the follow-up", "执法人员责令其停止取水，5月9日复查时仍在用水泵抽取地下水。", true},
		{"refused to stop building", "被责令停止建设后，当事人拒不停工，继续浇筑二层楼板。", true},
		{"time passed since the act", "该违法行为于2022年3月终了，至被查处时已超过二年。", false},
		{"went unnoticed", "此前一直未被查获，也没有人举报过。", false},
		{"stopped before the follow-up", "责令改正后，当事人于次日拆除了管道，复查时已整改到位。", false},
	} {
		t.Run(tt.name, func(t *testing.T) { checkContinuing(t, tt.text, tt.want) })
	}
}

// TestStreetRecordFirstTimeTwentyEighth: a 城管 search that found no record
// of its own field (经平台查询无占道经营记录, 无市容违法记录) says the party
// is a first offender; someone else's record, or one that was found, does not.
func TestStreetRecordFirstTimeTwentyEighth(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       bool
	}{
		{"no street-trading record", "经数字城管平台查询，该摊主无占道经营记录，当场将烧烤炉移回店内。", true},
		{"no city-appearance record", "当事人称晾晒衣物系临时行为，经查此前无市容违法记录。", true},
		{"no urban-management record", "经查询，孙某没有城市管理违法记录。", true},
		{"a record was found", "经查询，该店2025年有占道经营违法记录两次。", false},
		{"the neighbour's record", "投诉人称隔壁水果店老板多次占道，但其本人无法提供照片。", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := false
			for _, c := range Extract(tt.text).Circumstances {
				if c.Name == CircFirstViolation && !c.Negated {
					got = true
				}
			}
			if got != tt.want {
				t.Errorf("first violation = %v, want %v (%+v)", got, tt.want, Extract(tt.text).Circumstances)
			}
		})
	}
}

// checkContinuing fails t unless text reads as a continuing act (an
// unnegated CircContinuing) exactly when want says: the check of every
// continuing-cue test.
func checkContinuing(t *testing.T, text string, want bool) {
	t.Helper()
	got := false
	for _, c := range Extract(text).Circumstances {
		if c.Name == CircContinuing && !c.Negated {
			got = true
		}
	}
	if got != want {
		t.Errorf("continuing = %v, want %v (%+v)", got, want, Extract(text).Circumstances)
	}
}
