package nlp

import "testing"

// TestCircumstanceWordsTwentyNinth: 第三十二条's coercion told as being made
// to carry or keep a thing for the one who forced it (逼其代为…); a
// confession told as the party's "you had not found it" or the officers'
// note in the passive (此前未被本局掌握); a correction made within the
// order's deadline (在限期内改正); cooperation that is only promised or
// pleaded. Guards: the party forcing its own staff, an informant's "you had
// not found it", the officers' own find, a deadline missed, the order
// itself, and cooperation shown.
func TestCircumstanceWordsTwentyNinth(t *testing.T) {
	checkCircumstanceRows(t, []circumstanceRow{
		{"made to keep it for another", "经查，卢某的债主以砸其小卖部相逼，逼其代为保管三条来历不明的香烟。", CircCoerced, true},
		{"made to carry it for another", "同行的秦某逼其替自己把刀带出车站。", CircCoerced, true},
		{"the party forcing its staff", "店主贺某逼其员工连续加班十二小时。", CircCoerced, false},
		{"you had not found it, in the party's words", "答：我跟你们说实话，上周还卖过十箱过期啤酒，你们没查到。", CircConfessed, true},
		{"the passive note after the party's telling", "当事人自述另一批过期饮料已于9月售出，经核对，该情况此前未被本局掌握。", CircConfessed, true},
		{"you had not found it, as a denial", "答：我什么都没卖过，你们没查到就别乱说。", CircConfessed, false},
		{"an informant's you had not found it", "举报人称：他家后院还有个仓库你们没查到。", CircConfessed, false},
		{"the officers' own find is no confession", "执法人员在阁楼另发现过期奶粉6罐，该情况此前未被我局掌握。", CircConfessed, false},
		{"corrected within the deadline", "复查时，当事人已在限期内改正了全部三处问题。", CircCorrectedInTime, true},
		{"the deadline missed", "当事人未在限期内改正，复查时标志仍未设置。", CircCorrectedInTime, false},
		{"a late filing is the act, no correction denied", "该公司未在规定期限内报告新开账户，系首次，经提醒后于次日补报。", CircCorrectedInTime, true},
		{"the order is no correction", "执法人员责令其在限期内改正。", CircCorrectedInTime, false},
		{"cooperation promised", "负责人表示一定积极配合整改和调查。", CircCooperated, false},
		{"cooperation pleaded", "恳请执法人员看在我们积极配合的份上从轻发落。", CircCooperated, false},
		{"cooperation shown", "当事人在调查中积极配合，如实陈述了违法事实。", CircCooperated, true},
		{"cooperation shown after a request in another clause", "执法人员请当事人到场说明情况，当事人积极配合调查。", CircCooperated, true},
	})
}

// TestPartialCapacityTermsTwentyNinth: a forensic opinion that the party
// kept its capacity in part, in the opinion's own terms (限定辨认能力,
// 辨认能力削弱), is 第三十一条's 尚未完全丧失. Guard: an opinion that the party
// could not tell what it did at all stays unable; the victim's capacity is
// not the party's.
func TestPartialCapacityTermsTwentyNinth(t *testing.T) {
	for _, tt := range []struct{ name, text, want string }{
		{"limited capacity", "经鉴定，祁某系轻度精神发育迟滞，作案时属限定辨认能力。", "partial"},
		{"capacity weakened", "鉴定意见：被鉴定人甘某案发时辨认能力削弱，控制能力尚存。", "partial"},
		{"the victim's limited capacity", "违法行为人：韩某。被侵害人苏某系智力残疾人，经鉴定属限定辨认能力，韩某多次辱骂苏某。", ""},
		{"capacity lost stays unable", "鉴定意见：被鉴定人案发时处于发病期，丧失辨认和控制能力。", "unable"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := Extract(tt.text).MentalState; got != tt.want {
				t.Errorf("MentalState = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestPriorPenaltyOpeningSentenceTwentyNinth: a decision's paragraph of the
// party's record that opens with the penalty's date and names the party
// after it (2025年12月3日，钟某因寻衅滋事被…处以行政拘留五日) is an earlier
// penalty. Guards: another named after the date, the present case's own
// penalty (no later year), a report that was no penalty.
func TestPriorPenaltyOpeningSentenceTwentyNinth(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		prior      bool
	}{
		{"the party's record opens the decision", "违法行为人：钟某，男。\n2025年12月3日，钟某因寻衅滋事被某派出所处以行政拘留五日。\n现查明：2026年6月1日晚，钟某在某广场追逐他人。", true},
		{"a fine, after a full stop", "2026年5月9日民警查获任某参与赌博。2025年8月，任某因赌博被某分局处以罚款五百元。", true},
		{"a supplier named after the date", "2026年4月检查发现该店销售假冒洗发水。2025年9月，供货商因销售假冒产品被某局处以罚款。", false},
		{"the present case's own penalty", "2026年3月2日，刘某因赌博被某派出所处以罚款五百元。", false},
		{"a report is no penalty", "2026年2月9日检查发现。2025年5月，周某因同类行为被举报，未受处理。", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := Extract(tt.text).Flag(CircPriorPenalties); got != tt.prior {
				t.Errorf("Flag(%s) = %v, want %v", CircPriorPenalties, got, tt.prior)
			}
		})
	}
}
