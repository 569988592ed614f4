package nlp

import "testing"

// TestExceedancesReadingAgainstLimit: a measured concentration stated beside
// its limit is an exceedance by (measured − limit) / limit, in air units as
// in water units, whichever word introduces the reading; a reading is never
// compared with a limit of the other medium.
func TestExceedancesReadingAgainstLimit(t *testing.T) {
	for _, c := range []struct {
		text  string
		want  float64 // -1: no exceedance read
		metal string  // the heavy metal of the largest multiple
	}{
		{"锅炉废气二氧化硫实测值为120mg/m³，排放标准限值为50mg/m³", 1.4, ""},
		{"烟尘测得45毫克/立方米，超过地方标准20毫克/立方米", 1.25, ""},
		{"氮氧化物浓度为300mg/Nm³，执行标准150mg/Nm³", 1, ""},
		{"总排口化学需氧量浓度为186mg/L，标准限值100mg/L", 0.86, ""},
		{"采样检出总铅1.5mg/L，该厂执行的排放标准限值为0.5mg/L", 2, "铅"},
		{"颗粒物实测18mg/m³，限值30mg/m³", -1, ""},
		{"废水浓度为5mg/L，废气标准限值2mg/m³", -1, ""},
		// A noise level beside its limit (工业、施工噪声): exceeded by the ratio.
		{"厂界夜间噪声测得60分贝，夜间排放限值为50分贝", 0.2, ""},
		{"场界昼间噪声实测84dB(A)，排放标准限值70dB(A)", 0.2, ""},
		{"昼间噪声为52分贝，低于标准限值60分贝", -1, ""},
		// The multiple after the standard's full citation, its code and the
		// limit (acc14transfer): the code's digits once hid it.
		{"总铅浓度为5.3mg/L，超过《污水综合排放标准》（GB 8978-1996）第一类污染物最高允许排放浓度（1.0mg/L）4.3倍。", 4.3, "铅"},
		{"总砷超出《电镀污染物排放标准》（GB 21900-2008）表2限值3.5倍。", 3.5, "砷"},
	} {
		var got float64 = -1
		metal := ""
		for _, e := range Exceedances(NormalizeText(c.text)) {
			if e.Multiple > got {
				got, metal = e.Multiple, e.Pollutant
			}
		}
		if got != c.want || metal != c.metal {
			t.Errorf("%s: multiple %v of %q, want %v of %q", c.text, got, metal, c.want, c.metal)
		}
	}
}
