package nlp

import "testing"

// TestBracketAgeEighteenth checks that an age or a birth date in the
// bracket after a name (与同楼住户郝某（男，1961年5月出生）发生争吵, 与孙大爷（七十二岁）
// 争执) is the age of the one named when the phrase before the name makes
// them another than the party, whatever the bracket opens with (男，女，),
// while the party's own bracket stays the party's.
func TestBracketAgeEighteenth(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		party float64 // -1: none
		other float64 // -1: none
	}{
		{"birth date after the sex", "经查，2025年4月2日8时许，违法行为人隋某在某某小区因倒垃圾问题与同楼住户郝某（男，1961年5月出生）发生争吵，隋某用手掌扇打郝某面部两下。", -1, 63},
		{"age after an elder's name", "被询问人鲁某某陈述，5月3日上午在小区广场跳舞时，因音响音量问题与住在隔壁楼的孙大爷（七十二岁）争执起来，我推了他一把。", -1, 72},
		{"the one struck, sex and nation", "2026年7月1日，违法行为人车某殴打同村村民柳某（男，汉族，七十一岁），致其额头擦伤。", -1, 71},
		{"the one pushed, a woman", "2026年2月3日 摊主戴某把顾客王某某（女，1953年6月生）推倒在地", -1, 72},
		{"the party's own bracket", "违法行为人隋某（男，1960年3月出生），2025年4月2日在小区内与邻居争吵并将其推倒。", 65, -1},
		// the officers' doing to the party: the bracket is still the party's
		{"the party taken to the station", "2026年3月5日，民警将王某（男，15岁）带回派出所调查，王某于当日在校门口殴打同学。", 15, -1},
		{"the party's case opened", "2026年2月5日，孙某某在校门口殴打他人，我所对孙某某（男，2010年3月出生）殴打他人一案立案调查。", 15, -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkOtherAge(t, checkPartyAge(t, tc.in, tc.party), tc.other)
		})
	}
}

// TestMediatedEighteenth checks that a 治安 case settled by mediation, an
// agreement reached and carried out (治安管理处罚法 第九条: 达成协议的，不予处罚),
// is read as declined in the words officers use for it, and that an
// agreement not reached or not carried out is not.
func TestMediatedEighteenth(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"经派出所主持调解，车某向姚某赔礼道歉并赔偿医药费三百元，双方达成调解协议并当场履行。", true},
		{"经民警调解，双方达成赔偿协议并已全部履行，被侵害人不再追究。", true},
		{"经调解，双方自愿达成和解协议并于当日履行完毕。", true},
		{"在派出所主持下双方签订调解协议，调解协议已当场履行。", true},
		{"经调解，双方未达成调解协议并拒绝履行赔偿。", false},
		{"经调解双方达成协议后，田某拒不履行。", false},
		// an agreement not carried out is penalised (第九条)
		{"双方达成调解协议并约定三日内赔偿，但王某至今未履行。", false},
		{"调解协议已签订，但李某拒不履行。", false},
	}
	for _, tc := range tests {
		x := Extract(tc.in)
		got := false
		for _, c := range x.Circumstances {
			if c.Name == CircDeclined && !c.Negated {
				got = true
			}
		}
		if got != tc.want {
			t.Errorf("%s: declined %v, want %v", tc.in, got, tc.want)
		}
	}
}
