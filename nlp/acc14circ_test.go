package nlp

import "testing"

// TestActorChildAge: a child named as the one who did it (系…孩子某某（…生）
// 所为, 是…男孩（…岁）干的) is the party, and the birth date or age is the
// party's, however the sentence calls the child; a child harmed stays
// another's.
func TestActorChildAge(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		party float64 // -1: none
	}{
		{"birth date of the child who did it", "2026年4月2日，小区多辆汽车后视镜被掰断。经查系邻居家的孩子甘某某（2013年9月生）放学后所为。", 12},
		{"age of the boy who did it", "2026年5月6日，民警查明公园路灯灯罩是住在附近的一名男孩祁某某（11岁）用弹弓打碎的，确系其所为。", 11},
		{"the child harmed stays another's", "2026年5月6日，违法行为人鲍某在小区内推搡邻居家的孩子（2015年3月生）致其摔倒。", -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkPartyAge(t, tc.in, tc.party)
		})
	}
}

// TestPriorPenaltyWithBei: an earlier penalty told with 被 (曾于…被…处以罚款)
// counts as one; 未曾 denies it (issue 12, acc14circ).
func TestPriorPenaltyWithBei(t *testing.T) {
	tests := []struct {
		name string
		in   string
		circ string
		want bool
	}{
		{"prior: penalty told with 被", "当事人曾于2024年6月因同一问题被区城管局处以罚款。", CircPriorPenalties, true},
		{"prior: denied", "当事人此前未曾被处罚。", CircPriorPenalties, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := Extract(tc.in)
			checkSpans(t, tc.in, x)
			got := false
			for _, c := range x.Circumstances {
				got = got || c.Name == tc.circ
			}
			if got != tc.want {
				t.Errorf("%s = %v; want %v (circumstances %+v)", tc.circ, got, tc.want, x.Circumstances)
			}
		})
	}
}

// TestFaresNotEarned: a fare agreed but not yet paid is no 违法所得, and a
// seat fare with the passengers on board is no total when the text says
// the earlier takings are unknown (收入不清, 拒不交代).
func TestFaresNotEarned(t *testing.T) {
	tests := []struct {
		name string
		in   string
	}{
		{"fare not yet paid", "执法人员查获该货车时，驾驶人称本趟运费八百元还未收取，此前的运费收入拒不交代。"},
		{"seat fare, takings unknown", "2025-11-02 火车站南广场 私家车拉客 车上4名乘客每人付35元 此前跑了多少趟不清"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := Extract(tc.in)
			checkSpans(t, tc.in, x)
			for _, tt := range x.Totals {
				if tt.Role == RoleIllegalGains || tt.Role == RoleFares {
					t.Errorf("total %+v; want none", tt)
				}
			}
		})
	}
}

// checkPartyAge extracts in, checks its spans, and checks the party's age
// (party -1: none stated); it returns the extraction for further checks.
func checkPartyAge(t *testing.T, in string, party float64) Extraction {
	t.Helper()
	x := Extract(in)
	checkSpans(t, in, x)
	switch {
	case party < 0 && x.Age != nil:
		t.Errorf("party age %v; want none", *x.Age)
	case party >= 0 && (x.Age == nil || *x.Age != party):
		t.Errorf("party age %v; want %v", x.Age, party)
	}
	return x
}
