package nlp

import (
	"strings"
	"testing"
)

// TestPartyBirthOverStatedAgeThirtieth: the party's birth date decides its
// age where a bare age in the text disagrees with it by two years or more
// (the age of the youths the party set on, of a victim the text does not
// name as one); an age the birth date agrees with stays the party's, and a
// stated age without a birth date is read as before.
func TestPartyBirthOverStatedAgeThirtieth(t *testing.T) {
	cases := []struct {
		name, text string
		want       float64
	}{
		{"youths the adult set on", "违法行为人韩某，男，1988年7月出生。2026年3月2日晚，韩某指使同村三名十六岁青年在商场门口撕毁他人海报。", 37},
		{"a bare age of others after the party's birth date", "违法行为人应某，男，1990年3月出生。2026年2月3日，应某让两个十六岁的外地青年替其看守赌桌。", 35},
		// guards: the same person's age and birth date, a stated age alone, a birth date alone
		{"own age agrees with own birth date", "违法行为人邱某，男，2009年5月出生，现年16岁，2026年2月1日在网吧与人互殴。", 16},
		{"a stated age alone", "违法行为人宁某（17岁）于2026年1月5日在小区车棚内盗窃电动车电瓶一块。", 17},
		{"a birth date alone", "违法行为人鲍某，男，2011年9月3日出生，2026年4月12日在校外用石块砸坏路灯一盏。", 14},
	}
	for _, c := range cases {
		x := Extract(c.text)
		if x.Age == nil || *x.Age != c.want {
			var got any = "nil"
			if x.Age != nil {
				got = *x.Age
			}
			t.Errorf("%s: age %v, want %v", c.name, got, c.want)
		}
	}
}

// TestMeritoriousFindAfterDateThirtieth: the party's report of another's
// violation and the find made on it, with a date or the agency between
// 据此 and 查获 (…公安机关据此于次日查获…), is 立功 (行政处罚法 第三十二条第（四）项,
// 治安管理处罚法 第二十条第（六）项). Guards: a citizen's tip against the
// party, a report not followed by a find, a denial.
func TestMeritoriousFindAfterDateThirtieth(t *testing.T) {
	checkCircumstanceRows(t, []circumstanceRow{
		{"reported another den, found the next day", "询问中，吕某揭发了另一个收购废旧电瓶的窝点，执法人员据此于次日在城郊查获该窝点。", CircMeritorious, true},
		{"reported another, the police between", "尤某检举他人在出租屋内组织赌博，派出所民警据此当晚查获参赌人员六名。", CircMeritorious, true},
		{"a citizen's tip against the party", "经群众检举，民警据此于当晚查获当事人开设的赌场。", CircMeritorious, false},
		{"a report not acted on", "柴某检举了另一家也在卖散装白酒的小店，执法人员尚未核查。", CircMeritorious, false},
		{"no report at all", "民警据此于当晚查获该窝点，抓获经营者鞠某。", CircMeritorious, false},
	})
}

// TestEndedOnDateThirtieth: a date whose phrase tells the act undone or
// stopped as a done thing (2023年11月已整体拆除) is the act's end, from which
// the two years of 行政处罚法 第三十六条 run. Guards: an order to remove it, a
// check that found it removed, one not yet removed.
func TestEndedOnDateThirtieth(t *testing.T) {
	for _, tt := range []struct {
		name, text, date string
		want             string
	}{
		{"removed later, told as done", "该商户2022年4月在人行道上搭建雨棚，2022年9月道路改造时已全部拆除。", "2022-09", DateActEnd},
		{"shop closed later", "经查，该店2021年6月起无证销售鞭炮，2022年3月已停业。", "2022-03", DateActEnd},
		{"an order to remove it", "该商户2022年4月在人行道上搭建雨棚，2022年9月5日城管责令其限期拆除。", "2022-09-05", ""},
		{"a check that found it removed", "该商户2022年4月在人行道上搭建雨棚，2026年3月2日检查时发现已拆除。", "2026-03-02", DateDiscovery},
		{"not yet removed", "该商户2022年4月在人行道上搭建雨棚，2022年9月道路改造时尚未拆除。", "2022-09-01", ""},
	} {
		x := Extract(tt.text)
		got, found := "", false
		for _, d := range x.Dates {
			if strings.HasPrefix(d.Value, tt.date) {
				got, found = d.Role, true
			}
		}
		if !found && tt.want != "" {
			t.Errorf("%s: no date %s in %+v", tt.name, tt.date, x.Dates)
			continue
		}
		if got != tt.want {
			t.Errorf("%s: role of %s = %q, want %q", tt.name, tt.date, got, tt.want)
		}
	}
	// The start of an act dated only by its end is the earliest date before it.
	x := Extract("该商户2022年4月在人行道上修建雨棚，2022年9月道路改造时已全部拆除。")
	if len(x.Dates) == 0 || x.Dates[0].Role != DateAct {
		t.Errorf("start of an act dated by its end: %+v", x.Dates)
	}
}

// TestNoPenaltyListFoundThirtieth: the agency's finding that the case is on
// its list of acts not penalised (符合…不予处罚事项清单, 属于…免罚清单) is its
// decision not to penalise. Guards: a finding that it is not on the list, the
// party's claim that it is, an order naming the list as a question.
func TestNoPenaltyListFoundThirtieth(t *testing.T) {
	checkCircumstanceRows(t, []circumstanceRow{
		{"found on the list", "复查已整改到位，经审核，符合《某区市场监管领域轻微违法行为不予处罚事项清单》第7项。", CircDeclined, true},
		{"on the agency's list in other words", "该违法行为属于本局包容审慎监管免罚清单所列情形。", CircDeclined, true},
		{"found not on the list", "经审核，该事项不符合《某区轻微违法行为不予处罚事项清单》的情形。", CircDeclined, false},
		{"the party's claim", "当事人辩称其行为符合首违不罚清单，要求免予处罚。", CircDeclined, false},
		{"not on the list", "该违法行为不属于本局免罚清单所列情形，依法给予处罚。", CircDeclined, false},
	})
}

// TestConfessedAsideThirtieth: the party telling of its own accord what the
// officers' checklist or questions left out (你们表上没查这个，…) is 主动供述.
// Guards: the same words as a denial, an informant's, the officer's
// question, someone else's checklist.
func TestConfessedAsideThirtieth(t *testing.T) {
	checkCircumstanceRows(t, []circumstanceRow{
		{"the checklist left it out", "答：还有一件事，上个月我们往河里排过一次洗罐水，你们今天的表上没查这个，我也说出来。", CircConfessed, true},
		{"the questions left it out", "答：另外你们没问这个，我们仓库里还有五桶没登记的油漆。", CircConfessed, true},
		{"a denial", "答：你们没查这个就不要乱写。", CircConfessed, false},
		{"an informant's", "举报人称：你们没查这个，他家后院还有个仓库。", CircConfessed, false},
		{"someone else's checklist", "答：隔壁厂他们没查这个，我们也不清楚。", CircConfessed, false},
	})
}
