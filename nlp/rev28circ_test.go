package nlp

import "testing"

// TestReviewRev28TwentyEighth: the review rev28's probes of the round's
// circumstance cues. A continuation denied (未继续施工, 没有再继续施工) is no
// continuing act; a fire put out by the brigade after the party called it,
// or an attempt that failed (尝试扑救未能扑灭), is no lessening by the party;
// the officers' own finding, noted as unknown to the agency, is no
// confession unless the party told it. Each kind keeps its positive cases.
func TestReviewRev28TwentyEighth(t *testing.T) {
	checkCircumstanceRows(t, []circumstanceRow{
		// the review's probes as written
		{"R2 probe", "2026年7月，某企业未办理环评手续擅自建设年产500吨塑料颗粒项目，2026年7月30日主体已建成，2026年9月1日执法人员检查时已停止建设，未继续施工。", CircContinuing, false},
		{"R3 probe: the brigade", "当晚厨房起火，房主自己打电话报警，消防员到场后将明火扑灭。", CircSelfRemovedHarm, false},
		{"R3 probe: failed with water", "阁楼起火后，租户自己尝试用水扑救未能扑灭，后由消防员扑灭。", CircSelfRemovedHarm, false},
		{"R3 probe: too big", "油锅起火，厨师自己拿灭火器冲过去，但火势太大，由赶到的消防员扑灭。", CircSelfRemovedHarm, false},
		{"R4 probe", "2025年7月15日，执法人员检查时在其仓库内发现另存有假冒注册商标的白酒30箱，该情况此前执法机关未掌握，当事人对此无法作出说明。", CircConfessed, false},
		// R2: a denied continuation
		{"construction stopped, not continued", "2026年7月，某公司未批先建年产3000吨饲料加工项目，8月20日厂房已封顶，9月3日执法人员检查时已停止建设，未继续施工。", CircContinuing, false},
		{"no further building after the order", "责令停止建设后，当事人此后未再继续施工，现场设备已撤离。", CircContinuing, false},
		{"did not go on building", "经查，该项目停工后没有继续施工。", CircContinuing, false},
		{"still building at the inspection", "检查时该项目仍在施工，塔吊正在作业。", CircContinuing, true},
		{"went on building after the order", "被责令停止建设后，李某不予理睬，继续施工至十月底。", CircContinuing, true},
		// R3: the brigade's firefighting, a failed attempt
		{"the owner called, the brigade put it out", "2026年2月3日，王某在阳台焚烧杂物引燃窗帘，王某自己打电话报警，消防员到场后将明火扑灭。", CircSelfRemovedHarm, false},
		{"tried with water, failed", "仓库管理员自己尝试用脸盆接水扑救未能扑灭，后由消防救援人员扑灭。", CircSelfRemovedHarm, false},
		{"ran over with an extinguisher, too big", "店员自行拿起灭火器冲向后厨，但火势太大，由赶到的消防员扑灭。", CircSelfRemovedHarm, false},
		{"put out by the party in one clause", "起火后，店主自行用两具干粉灭火器将油锅明火扑灭。", CircSelfRemovedHarm, true},
		{"put out with the site's fire hose", "起火后，车间主任自行用消防水带将火扑灭。", CircSelfRemovedHarm, true},
		{"put out in the party's words", "火一起来我自己就拿湿棉被把火捂住扑灭了。", CircSelfRemovedHarm, true},
		// R4: the officers' own finding
		{"found by the officers, unexplained", "2026年3月9日，执法人员检查时在其车库内发现另存有假冒品牌的洗发水50箱，该情况此前执法机关未掌握，当事人对此不能作出合理解释。", CircConfessed, false},
		{"found by the officers, then admitted", "执法人员在其货车夹层内查获另一批香烟20条，当事人承认系其所有，该情况此前执法机关未掌握。", CircConfessed, false},
		{"told by the party after another finding", "执法人员检查发现标签不合格，询问时当事人交代其在城西另有一处门店也在销售，该情况此前本局未掌握。", CircConfessed, true},
		{"told in an earlier answer, checked by the officers", "问：检查发现你店里有过期饮料，怎么回事？\n答：是我没注意。还有个事我主动说一下，前两周我把一箱过期饼干降价卖了，你们应该不知道。\n执法人员调取进货单核实：该批饼干货值80元，该情况此前执法机关未掌握。", CircConfessed, true},
		{"cooperation earlier is no telling", "当事人主动配合调查。执法人员检查时在其冷库内发现另存有过期冻肉8箱，该情况此前执法机关未掌握。", CircConfessed, false},
		{"told of its own accord", "当事人主动说明其上月还卖出过同批次产品12件，此前执法人员未掌握。", CircConfessed, true},
	})
}
