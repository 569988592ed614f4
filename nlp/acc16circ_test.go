package nlp

import "testing"

// TestCircumstanceFamiliesSixteenth: the circumstances of 行政处罚法 第三十一、
// 三十二、三十三条 in the other words officers write (issue 12, acc16circ),
// none of them the dev rows' sentences: 初犯 and 首违 for a first violation;
// a consequence not produced, brought or seen (没有产生…后果, 对…无影响);
// work redone or filed late and what was done within an order's deadline
// (补报, 期限内已按要求补); harm removed in more verbs (主动追回, 自行组织…
// 清除, 立即…封堵); deceit and threats told of the party (系受…诱骗, 在…威逼
// 下); injuries by their kind. Guards: 未产生严重后果 (not serious is not
// none), an order still to be carried out, 自行清理 as the act itself.
func TestCircumstanceFamiliesSixteenth(t *testing.T) {
	tests := []struct {
		name string
		in   string
		circ string
		want bool
	}{
		{"first: 初犯", "经调取执法档案，该药店属初犯，此前未有记录可查。", CircFirstViolation, true},
		{"first: 首违", "当事人的行为属首违，且已整改完毕。", CircFirstViolation, true},
		{"no harm: not brought", "上述行为未带来任何不良后果。", CircNoHarm, true},
		{"no harm: the thing untouched first", "经监测，对下游河道水质没有影响。", CircNoHarm, true},
		{"no harm: not seen", "截至检查时，未出现危害后果。", CircNoHarm, true},
		{"no harm guard: not serious", "该行为未产生严重后果。", CircNoHarm, false},
		{"corrected: filed late", "当事人次日已补报了年度排污报告。", CircCorrectedInTime, true},
		{"corrected: within the order's deadline", "执法人员责令其限期改正，当事人在期限内已按要求补齐了出入库台账。", CircCorrectedInTime, true},
		{"corrected guard: the order still to be carried out", "执法人员责令其于十日内按规定补齐台账。", CircCorrectedInTime, false},
		{"harm removed: recovered", "事发后，当事人主动追回已售出的全部12箱饮料。", CircSelfRemovedHarm, true},
		{"harm removed: a clean-up organised", "事故发生后，驾驶人自行组织工人清除路面油污。", CircSelfRemovedHarm, true},
		{"harm removed: the leak stopped", "发现泄漏后，当事人立即关停泵站并封堵排放口。", CircSelfRemovedHarm, true},
		{"harm removed guard: cleaning is the act", "2026年5月3日，个体户柴某自行清理店内杂物时将废塑料在门前焚烧。", CircSelfRemovedHarm, false},
		{"coerced: deceived, told with 系受", "经查，当事人系受中介以“手续可以后补”为由诱骗，才开工建设。", CircCoerced, true},
		{"coerced: under threats", "当事人是在其上线的威逼下才参与销售的。", CircCoerced, true},
		{"person harmed: a fracture", "吊物坠落致一名工人右腿骨折。", CircPersonHarmed, true},
		// after the second batch: 当即 as 当场, a report found true, 造成
		// with a word between, a state that lasted to the inspection
		{"corrected: 当即", "检查人员指出后，店主当即叫人拆除了违规搭建的雨棚。", CircCorrectedInTime, true},
		{"merit: reported and found true", "当事人检举了同行违规经营的线索，经查证属实。", CircMeritorious, true},
		{"no harm: 造成 with a word between", "经评估，未对周边居民生活造成实质影响。", CircNoHarm, true},
		{"no harm guard: serious between", "未对周边居民造成严重影响。", CircNoHarm, false},
		{"continuing: lasted to the inspection", "该作坊自去年起无证生产，持续至执法人员检查当日。", CircContinuing, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := Extract(tc.in)
			checkSpans(t, tc.in, x)
			if got := x.Flag(tc.circ); got != tc.want {
				t.Errorf("%s = %v; want %v (circumstances %+v)", tc.circ, got, tc.want, x.Circumstances)
			}
		})
	}
}

// TestMentalStateWordsSixteenth: 第三十一条's incapacity told with 和 / 及 / 、
// between the two capacities, or with 无法 for 不能.
func TestMentalStateWordsSixteenth(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"and between", "经鉴定，林某患有精神分裂症，案发时不能辨认及控制自己的行为。", "unable"},
		{"无法 for 不能", "鉴定意见：其在实施上述行为时无法辨认自己行为的性质。", "unable"},
		{"lucid stays lucid", "鉴定意见：其在精神正常时实施上述行为。", "lucid"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Extract(tc.in).MentalState; got != tc.want {
				t.Errorf("MentalState = %q; want %q", got, tc.want)
			}
		})
	}
}

// TestDateInsideAnAccountSixteenth: a date inside what a caller said, the
// thing told between 称 and the date, is the act's; and a register field
// that opens with a date and tells an act in words no list knows is that
// act's day, the finding standing in a later field.
func TestDateInsideAnAccountSixteenth(t *testing.T) {
	tests := []struct {
		name, in, value, role string
	}{
		{"the thing told between 称 and the date", "2026年8月1日 来所报案：事主称其家门口的花盆于2026年1月上旬被人砸坏 当时未报警", "2026-01-01", DateAct},
		{"finding words after the date keep it the finding's", "2026年8月1日 事主称经物业于2026年7月30日排查发现其车辆被划", "2026-07-30", DateDiscovery},
		{"a register field told in unknown words", "2025-06-03 稽查 某商行 2018年12月虚列进项成本一笔 此后无同类情况 本次检查发现", "2018-12-01", DateAct},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := Extract(tc.in)
			found := false
			for _, d := range x.Dates {
				if d.Value == tc.value {
					found = true
					if d.Role != tc.role {
						t.Errorf("role of %s = %q; want %q (dates %+v)", tc.value, d.Role, tc.role, x.Dates)
					}
				}
			}
			if !found {
				t.Errorf("no date %s in %+v", tc.value, x.Dates)
			}
		})
	}
}

// TestAgeReachedSixteenth: 年满N周岁 is the party's age, as 已满 is.
func TestAgeReachedSixteenth(t *testing.T) {
	checkPartyAge(t, "经查，违法行为人贺某（年满十五周岁）在地铁站内携带弹簧刀。", 15)
}
