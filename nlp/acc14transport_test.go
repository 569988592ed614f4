package nlp

import "testing"

// TestRegisterFieldDateRoles: in a register line whose fields are spaced,
// a date's role is read from its own field (acc14transport): the report in
// the first field dates the discovery, the act's field the act; a time of
// day after the date is skipped.
func TestRegisterFieldDateRoles(t *testing.T) {
	for _, tt := range []struct {
		text      string
		act, disc string
	}{
		{"2026-03-02 接举报查实 王某 2023年10月未经批准挖掘城市道路 当月已回填", "2023-10-01", "2026-03-02"},
		{"2025-11-20 巡查发现 某商店 2023年5月8日起在人行道上摆摊经营", "2023-05-08", "2025-11-20"},
		{"2025-07-11 14时许 民警巡查发现 李某驾驶电动车闯红灯", "", "2025-07-11"},
	} {
		act, disc := actAndDiscovery(tt.text)
		if act != tt.act || disc != tt.disc {
			t.Errorf("%s: act %q discovery %q, want %q %q", tt.text, act, disc, tt.act, tt.disc)
		}
	}
}

// actAndDiscovery returns the dates that the extraction of text gives the
// act's and the discovery's roles ("" when none).
func actAndDiscovery(text string) (act, disc string) {
	for _, d := range Extract(text).Dates {
		switch d.Role {
		case DateAct:
			act = d.Value
		case DateDiscovery:
			disc = d.Value
		}
	}
	return act, disc
}
