package nlp

import "testing"

// TestCircumstancePhrasingsTwentySixth: circumstance phrasings published
// decisions and 笔录 use that the cue lists missed, and two that read a
// circumstance where there is none (a polluted well 被迫停用; the 没有 of a
// question's 有没有).
func TestCircumstancePhrasingsTwentySixth(t *testing.T) {
	checkCircumstanceRows(t, []circumstanceRow{
		{"a well put out of use is harm, not coercion", "经查，渗漏的废液流入鱼塘，下游两户农户的水井被迫停用。", CircCoerced, false},
		{"an intake shut is harm, not coercion", "事故导致镇水厂被迫停止取水六小时。", CircCoerced, false},
		{"a party forced still is", "刘某称其系被迫按老板要求在记录上签名。", CircCoerced, true},
		{"a record written up in full", "检查当天，该酒店已安排专人将缺失的消毒记录补记完整。", CircCorrectedInTime, true},
		{"a system set up on the spot", "该加油站当场建立了油品出入库登记制度。", CircCorrectedInTime, true},
		{"the recheck finding it in place", "责令其限期整改，经复查各项措施均已落实。", CircCorrectedInTime, true},
		{"online monitoring within the limits", "调取在线监测数据，停运期间废气各项指标均达标。", CircNoHarm, true},
		{"the harm said reduced", "当事人事后撤回全部宣传单，已减轻违法行为的危害后果。", CircSelfRemovedHarm, true},
		{"the effects said removed", "当事人次日即在原账号发布更正信息，消除了不良影响。", CircSelfRemovedHarm, true},
		{"an apology is no removal", "案发后王某当场向对方赔礼道歉。", CircSelfRemovedHarm, false},
		{"a deposit paid back the way it came", "平台已将收取的押金原路退还给商户。", CircSelfRemovedHarm, true},
		{"what was handed over led to another's case", "当事人主动提供了供货商的送货单，执法人员据此查获了一处制售窝点。", CircMeritorious, true},
		{"a question's 没有 is no answer", "问：有没有顾客投诉过？答：有，三四个。", CircHarmSlight, false},
		{"the answer's 没有 still is", "答：开业以来没有顾客投诉过。", CircHarmSlight, true},
	})
}

// TestReasoningRepeatsTwentySixth: a published decision's reasoning and
// decision restate the figure its facts found (本局认为…违法所得8,600元…
// 决定没收违法所得8,600元); the base stays the one figure, while two equal
// figures of the facts themselves still add up.
func TestReasoningRepeatsTwentySixth(t *testing.T) {
	for _, tt := range []struct {
		name, text, role string
		want             float64
	}{
		{"restated in the reasoning and the decision", "经查，当事人通过网店销售未经备案的化妆品，违法所得人民币8,600元。\n本局认为，当事人违法所得8,600元，依据有关规定，决定没收违法所得8,600元，并处罚款。", RoleIllegalGains, 8600},
		{"two equal figures of the facts", "经查，当事人两次出租场地供他人违法经营，第一次违法所得3000元，第二次违法所得3000元。", RoleIllegalGains, 6000},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := -1.0
			for _, x := range Extract(tt.text).Totals {
				if x.Role == tt.role {
					got = x.Value
				}
			}
			if got != tt.want {
				t.Errorf("%s total = %v, want %v", tt.role, got, tt.want)
			}
		})
	}
}
