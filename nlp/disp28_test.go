package nlp

import "testing"

// TestCircumstanceQuestionsAndNotesTwentyEighth: what a yes/no question of
// a 询问笔录 asks (有没有…？, 有无…？) is neither said nor denied, so a harm
// the facts state later still counts; a fire the party put out with the
// means told between; the officers' note that the agency did not know what
// the party told; a pile covered within the hour. Guards: the answer's
// denial, another's firefighting, an informant's tip, a statement that is
// no question.
func TestCircumstanceQuestionsAndNotesTwentyEighth(t *testing.T) {
	checkCircumstanceRows(t, []circumstanceRow{
		{"asked, then told: harm stands", "问：喝了那批豆浆后有没有学生出现身体不适？答：有几个。经核实，3名学生到校医室就医。", CircPersonHarmed, true},
		{"asked with 有无, then told", "问：有无人员受伤？答：有一名工人手臂烫伤，已送医。", CircPersonHarmed, true},
		{"asked and answered no", "问：有没有人受伤？答：没有。", CircPersonHarmed, false},
		{"a plain denial still denies", "经查，该事件没有造成人员受伤。", CircPersonHarmed, false},
		{"a statement is no question", "店内有没有顾客都要开启排风，当日因排风关闭致一名店员中毒送医。", CircPersonHarmed, true},
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
