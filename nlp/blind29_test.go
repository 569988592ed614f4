package nlp

import "testing"

// TestFalseAlarmPhoneUserTwentyNinth: in a false alarm the person the
// phone's owner lets use it (号码实际使用人为初二学生某某（…出生）) is the
// caller, and the birth date in that bracket is the party's; a user named
// in a text with no false alarm (网吧电脑的实际使用人) and a child the caller
// lied about stay another's.
func TestFalseAlarmPhoneUserTwentyNinth(t *testing.T) {
	for _, tt := range []struct {
		name, text, birth string
		party             bool
	}{
		{"the phone's user lied", "2026年3月5日19时许，110接报称某商场负一层发生爆炸。经回拨核查，该号码登记在其父名下，实际使用人为初二学生严某（男，2010年6月出生），严某承认系恶作剧谎报。", "2010-06-01", true},
		{"the user, plainly", "2026年2月8日，派出所接到报假警电话，机主系外地务工人员，号码使用人系同住的晏某（男，2009年11月出生），晏某称是喝酒后打着玩。", "2009-11-01", true},
		// guards
		{"an internet café's user, no false alarm", "2026年4月2日检查某网吧，发现12号机的实际使用人为学生宁某（男，2011年4月出生），网吧未核验身份。", "2011-04-01", false},
		{"the child the caller lied about", "2026年1月9日，报警人苏某谎报其女儿（2015年2月出生）在公园走失，经查其女儿一直在家。", "2015-02-01", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			x := Extract(tt.text)
			party := false
			for _, d := range x.Dates {
				if d.Role == DateBirth && d.Value == tt.birth {
					party = true
				}
			}
			if party != tt.party {
				t.Errorf("birth %s read as the party's: %v, want %v (dates %+v, others %+v)", tt.birth, party, tt.party, x.Dates, x.OtherBirths)
			}
		})
	}
}

// TestSelfStoppedDischargeTwentyNinth: a discharge the party's own people
// stopped on the spot (负责人当场关闭阀门、封堵暗管, 当即用沙袋封堵溢流口) and a
// clean-up it put out to a firm (委托专业公司对沟渠底泥进行清理) lessen the harm
// (行政处罚法 第三十二条第（一）项); the officers' sealing, an agency's, one
// demanded and not done, and a denial do not.
func TestSelfStoppedDischargeTwentyNinth(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       bool
	}{
		{"stopped by the plant head", "发现雨水口有黄色污水外溢后，该厂厂长当场关停提升泵并封堵雨水口。", true},
		{"sandbags at once", "当事人当即组织员工用沙袋封堵了溢流口。", true},
		{"a firm hired for the silt", "次日，当事人委托专业公司对受污染沟渠底泥进行清理。", true},
		// guards
		{"the officers sealed it", "执法人员当场对该暗管予以封堵，并提取水样。", false},
		{"the agency sealed it", "镇政府接报后当即协调施工队封堵排口。", false},
		{"asked and not done", "执法人员要求其委托专业公司清理沟渠，当事人至今未处理。", false},
		{"not stopped", "当事人未当场封堵排口，废水持续外排两小时。", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := Extract(tc.text)
			got := false
			for _, c := range x.Circumstances {
				got = got || c.Name == CircSelfRemovedHarm
			}
			if got != tc.want {
				t.Errorf("%s = %v; want %v (circumstances %+v)", CircSelfRemovedHarm, got, tc.want, x.Circumstances)
			}
		})
	}
}
