package nlp

import "testing"

// TestBirthDateListTwentySeventh: dates listed before one 出生 (2011年3月、
// 2010年10月出生) are all birth dates, so none lends its year to a yearless
// date of the case; a list of the case's own dates keeps its roles.
func TestBirthDateListTwentySeventh(t *testing.T) {
	for _, tt := range []struct {
		name, text, notAct, act string
	}{
		{"two birth months", "9月3日检查某洗车店，发现冲洗岗位有2名学生年龄未满16周岁（2011年5月、2010年11月出生），自8月20日起上班。", "2010-09-03", ""},
		{"three birth days", "10月9日民警在网吧查获3名未成年人（分别为2012年1月4日、2011年6月2日和2012年3月8日出生），网吧未核验身份。", "2012-10-09", ""},
		{"the case's own dates listed", "2026年4月2日、2026年4月9日两次检查，当事人5月3日仍未整改。", "", "2026-05-03"},
	} {
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
