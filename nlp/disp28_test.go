package nlp

import "testing"

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
