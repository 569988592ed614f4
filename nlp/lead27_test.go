package nlp

import "testing"

// TestBirthDateListTwentySeventh: dates listed before one 出生 (2011年3月、
// 2010年10月出生) are all birth dates, so none lends its year to a yearless
// date of the case; a list of the case's own dates keeps its roles.
func TestBirthDateListTwentySeventh(t *testing.T) {
	checkDateRows(t, []dateRow{
		{"two birth months", "9月3日检查某洗车店，发现冲洗岗位有2名学生年龄未满16周岁（2011年5月、2010年11月出生），自8月20日起上班。", "2010-09-03", ""},
		{"three birth days", "10月9日民警在网吧查获3名未成年人（分别为2012年1月4日、2011年6月2日和2012年3月8日出生），网吧未核验身份。", "2012-10-09", ""},
		{"the case's own dates listed", "2026年4月2日、2026年4月9日两次检查，当事人5月3日仍未整改。", "", "2026-05-03"},
	})
}
