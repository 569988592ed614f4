package nlp

import "testing"

// TestOwnBracketAgeTwentyFifth: the school word inside the bracket of an
// age (林某（男，17周岁，高二学生）) says what the one named is, so the age is
// the party's; a pupil named outside the bracket as the one struck keeps
// the age another's.
func TestOwnBracketAgeTwentyFifth(t *testing.T) {
	checkPartyAges(t, []partyAgeRow{
		{"a passenger's bracket", "民警在车站检查时发现旅客林某（男，16周岁，职高学生）携带一把匕首。", 16},
		{"a register line", "2026-03-02 商场内抓获吴某某（女，15岁，初二学生）盗窃化妆品 受案", 15},
		{"a pupil struck", "经查，王某在校门口殴打初一学生赵某（男，13周岁），致其鼻部出血。", 0},
		{"a pupil struck, the school in the bracket", "经查，王某在校门口殴打赵某（男，13周岁，初一学生），致其鼻部出血。", 0},
	})
}

// TestYearlessBeforePriorTwentyFifth: a date told without its year (5月20日)
// takes no year from an earlier penalty told after it (2025年11月曾因…被
// 警告), which is no later mention of the case; a dated mention of the
// case after it still lends its year.
func TestYearlessBeforePriorTwentyFifth(t *testing.T) {
	checkDateRows(t, []dateRow{
		{"an earlier penalty after", "5月20日8时许，犬主郭某遛狗时未牵引，泰迪咬伤路人脚踝。经查，郭某2025年11月曾因饲养犬只干扰他人生活被警告。", "2025-05-20", ""},
		{"the case dated after", "5月20日8时许，犬主郭某遛狗时未牵引，泰迪咬伤路人脚踝，民警于2026年5月21日受案。", "", "2026-05-20"},
	})
}

// dateRow is a text, a date that must not be read from it and one that
// must (either empty when not checked).
type dateRow struct {
	name, text, notAct, act string
}

// checkDateRows extracts each row's dates and checks notAct and act.
func checkDateRows(t *testing.T, rows []dateRow) {
	t.Helper()
	for _, tt := range rows {
		t.Run(tt.name, func(t *testing.T) {
			x := Extract(tt.text)
			found := false
			for _, d := range x.Dates {
				if tt.notAct != "" && d.Value == tt.notAct {
					t.Errorf("date %s read (%+v)", d.Value, x.Dates)
				}
				found = found || d.Value == tt.act
			}
			if tt.act != "" && !found {
				t.Errorf("no date %s in %+v", tt.act, x.Dates)
			}
		})
	}
}

// partyAgeRow is a text and the party's age read from it (0: none).
type partyAgeRow struct {
	name, text string
	want       float64
}

// checkPartyAges extracts each row's facts and checks the party's age.
func checkPartyAges(t *testing.T, rows []partyAgeRow) {
	t.Helper()
	for _, tt := range rows {
		t.Run(tt.name, func(t *testing.T) {
			x := Extract(tt.text)
			switch {
			case tt.want == 0 && x.Age != nil:
				t.Errorf("party age %v, want none", *x.Age)
			case tt.want != 0 && (x.Age == nil || *x.Age != tt.want):
				t.Errorf("party age %v, want %v", x.Age, tt.want)
			}
		})
	}
}
