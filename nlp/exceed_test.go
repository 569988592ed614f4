package nlp

import "testing"

// TestExceedancesReadingAgainstLimit: a measured concentration stated beside
// its limit is an exceedance by (measured − limit) / limit, in air units as
// in water units, whichever word introduces the reading; a reading is never
// compared with a limit of the other medium.
func TestExceedancesReadingAgainstLimit(t *testing.T) {
	for _, c := range []struct {
		text string
		want float64 // -1: no exceedance read
	}{
		{"锅炉废气二氧化硫实测值为120mg/m³，排放标准限值为50mg/m³", 1.4},
		{"烟尘测得45毫克/立方米，超过地方标准20毫克/立方米", 1.25},
		{"氮氧化物浓度为300mg/Nm³，执行标准150mg/Nm³", 1},
		{"总排口化学需氧量浓度为186mg/L，标准限值100mg/L", 0.86},
		{"颗粒物实测18mg/m³，限值30mg/m³", -1},
		{"废水浓度为5mg/L，废气标准限值2mg/m³", -1},
	} {
		var got float64 = -1
		for _, e := range Exceedances(NormalizeText(c.text)) {
			if e.Multiple > got {
				got = e.Multiple
			}
		}
		if got != c.want {
			t.Errorf("%s: multiple %v, want %v", c.text, got, c.want)
		}
	}
}
