package nlp

import "testing"

// TestFoundDateIsTheAct: a date that opens what a finding verb found
// (发现2026年3月15日……拿走) dates the act found; the finding's own date
// stands before the verb (acc15police).
func TestFoundDateIsTheAct(t *testing.T) {
	for _, tt := range []struct {
		text      string
		act, disc string
	}{
		{"2026年10月9日，民警在核查监控时，发现2026年3月15日晚，伍某在停车场从车斗内拿走一箱矿泉水。", "2026-03-15", "2026-10-09"},
		{"2026年9月1日民警走访时查明2026年1月8日张某在菜市场扇了摊主一耳光", "2026-01-08", "2026-09-01"},
		{"执法人员2025年6月3日检查时发现，当事人仓库内存放过期食品", "", "2025-06-03"},
	} {
		act, disc := actAndDiscovery(tt.text)
		if act != tt.act || disc != tt.disc {
			t.Errorf("%s: act %q discovery %q, want %q %q", tt.text, act, disc, tt.act, tt.disc)
		}
	}
}

// TestWorkplaceCorrectionAndNoHarm: a workplace put right the same day
// (当日即调整排班, 当场退还押金) is corrected in time, and harm denied in
// the words of the person it concerned (员工未受到损害) is no harm.
func TestWorkplaceCorrectionAndNoHarm(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"该厂系首次被查，当日即调整排班，工人未受到任何损害。", []string{CircCorrectedInTime, CircNoHarm}},
		{"公司当场退还了收取的押金，劳动者未受其他损失。", []string{CircCorrectedInTime, CircNoHarm}},
	} {
		got := map[string]bool{}
		for _, c := range Extract(tt.text).Circumstances {
			got[c.Name] = true
		}
		for _, w := range tt.want {
			if !got[w] {
				t.Errorf("%s: no %s in %v", tt.text, w, got)
			}
		}
	}
}
