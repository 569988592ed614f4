package nlp

import (
	"strings"
	"testing"
)

// TestCircumstanceQuestionsAndNotesTwentyEighth: a fire the party put out
// with the means told between; the officers' note that the agency did not
// know what the party told; a pile covered within the hour. Guards:
// another's firefighting, an informant's tip, a pile still uncovered.
func TestCircumstanceQuestionsAndNotesTwentyEighth(t *testing.T) {
	checkCircumstanceRows(t, []circumstanceRow{
		{"fire put out, means told between", "起火后，户主自行拎来两桶水将灶台上的火苗扑灭。", CircSelfRemovedHarm, true},
		{"put out in the party's words", "我看火烧起来了，自己端了盆水把火浇灭了。", CircSelfRemovedHarm, true},
		{"a neighbour put it out", "邻居发现后自行用灭火毯将火扑灭。", CircSelfRemovedHarm, false},
		{"the officers' note after the telling", "询问中，当事人讲了去年另一批货的事，经核对，此前执法机关未掌握该批货物的销售。", CircConfessed, true},
		{"our bureau did not know", "当事人交代其在城东还有一个仓库，该情况此前本局未掌握。", CircConfessed, true},
		{"an informant's tip is no confession", "举报人反映其在城东另有仓库，此前执法机关未掌握。", CircConfessed, false},
		{"covered within the hour", "责令后，施工方二十分钟内即用密目网全部覆盖了土堆。", CircCorrectedInTime, true},
		{"covered the same day", "执法人员指出后，该厂当天就用苫布把料场覆盖严实。", CircCorrectedInTime, true},
		{"not covered", "复查时，料堆仍未覆盖。", CircCorrectedInTime, false},
	})
}

// TestQuestionAsksNothingTwentyEighth: the circumstance as Flag reads it
// (a denial anywhere wins), so a yes/no question's 有没有 must not deny the
// harm the record goes on to state; the answer's no and a plain denial
// still deny.
func TestQuestionAsksNothingTwentyEighth(t *testing.T) {
	for _, tt := range []circumstanceRow{
		{"asked, then told: harm stands", "问：那段时间有没有住客出现身体不适？答：有两个。经核实，2名住客到社区医院就医。", CircPersonHarmed, true},
		{"asked with 有无, then told", "问：有无人员受伤？答：有一名工人手臂烫伤，已送医。", CircPersonHarmed, true},
		{"asked and answered no", "问：有没有人受伤？答：没有。", CircPersonHarmed, false},
		{"a plain denial still denies", "经查，该事件没有造成人员受伤。", CircPersonHarmed, false},
		{"a statement is no question", "店内有没有顾客都要开启排风，当日因排风关闭致一名店员中毒送医。", CircPersonHarmed, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := Extract(tt.text).Flag(tt.circ); got != tt.want {
				t.Errorf("Flag(%s) = %v, want %v", tt.circ, got, tt.want)
			}
		})
	}
}

// TestFoundPriorPenaltyTwentyEighth: an earlier penalty the officers found
// and told without 曾 (经查，某某于2024年11月因…被…处以行政拘留) is a prior
// penalty and its date is not the act's. Guards: another's penalty (a
// supplier's), the present case's own penalty in a register line (no later
// year told), a report that was no penalty.
func TestFoundPriorPenaltyTwentyEighth(t *testing.T) {
	for _, tt := range []struct {
		name, text  string
		prior       bool
		notActValue string // a date that must not be read as the act's
	}{
		{"found by the officers, detention", "2026年3月14日晚，马某在某商场门口追逐他人。另查明，马某于2025年11月3日因寻衅滋事被某派出所处以行政拘留十日。", true, "2025-11-03"},
		{"found by a records check, a fine", "2026年4月2日，民警检查发现鲁某在出租屋内吸食毒品。经查询，鲁某于2025年9月因吸毒被某分局处以罚款。", true, "2025-09"},
		{"a supplier's penalty is not the party's", "2026年5月6日检查发现该店销售假冒洗衣液。经查，供货商于2025年4月因销售假冒产品被某局处以罚款。", false, ""},
		{"the present case's own penalty", "经查，刘某于2026年3月2日因赌博被某派出所处以罚款五百元。", false, ""},
		{"a report is no penalty", "2026年2月9日检查发现。经查，周某于2025年5月因同类行为被举报，未被处理。", false, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			x := Extract(tt.text)
			if got := x.Flag(CircPriorPenalties); got != tt.prior {
				t.Errorf("Flag(%s) = %v, want %v", CircPriorPenalties, got, tt.prior)
			}
			for _, d := range x.Dates {
				if tt.notActValue != "" && strings.HasPrefix(d.Value, tt.notActValue) && d.Role == DateAct {
					t.Errorf("date %s read as the act's", d.Value)
				}
			}
		})
	}
}
