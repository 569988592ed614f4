package nlp

import "testing"

// TestExpiryPassed reads a last day of the shelf life (or period of use)
// against a later date of the same text, in the ways officers write both;
// a last day after every other date, or no last day at all, says nothing.
func TestExpiryPassed(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"label date then inspection date", "货架上的酸奶标注保质期至2024年3月1日，执法人员于2024年3月5日检查时仍在销售。", "已过保质期"},
		{"inspection first, dashes", "2025年1月15日检查发现，冷柜内鲜奶包装喷码保质期到2025-01-10，共12盒。", "已过保质期"},
		{"month only is the month's end", "2024年1月3日检查，面粉包装标注保质期至2023年12月，店主称仍在出售。", "已过保质期"},
		{"cosmetics period of use", "经查，该精华液瓶底标注使用期限至2024.04.30，2024年6月12日仍在店内销售。", "已超过使用期限"},
		{"medicine", "该药品有效期至2024年8月，执法人员于2024年9月3日检查发现。", "已超过有效期"},
		{"still within the shelf life", "2024年5月6日检查，面包标注保质期至2024年5月20日。", ""},
		{"no other date", "面包标注保质期至2024年5月20日。", ""},
		{"not a date", "该产品保质期至少12个月，2024年5月6日检查。", ""},
		{"no marker", "2024年5月6日检查，超市销售的面包已过期。", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ExpiryPassed(NormalizeText(tt.text)); got != tt.want {
				t.Errorf("ExpiryPassed = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestExpiryFromProductionDay reads a shelf life given as a period after a
// production day (生产日期…、保质期6个月), and an inspection's next-due day
// against a later month, in other phrasings than the development rows.
func TestExpiryFromProductionDay(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"months in digits", "2025年6月3日检查，货架上的饼干包装标明生产日期2024年11月2日，保质期6个月，仍在销售。", "已过保质期"},
		{"days, inspection first", "执法人员于2024年8月20日发现冷柜内酸奶，生产日期为2024年8月1日，保质期15天。", "已过保质期"},
		{"months in Chinese numerals", "2025年3月1日检查发现糕点生产日期：2024年2月10日，保质期十二个月。", "已过保质期"},
		{"a year", "该罐头生产日期2022年5月1日，保质期两年，2024年6月10日检查时在售。", "已过保质期"},
		{"still within", "2024年5月6日检查，面包生产日期2024年5月1日，保质期7天。", ""},
		{"no period", "2024年5月6日检查，面包生产日期2024年5月1日，保质期见包装。", ""},
		{"next inspection, later month", "该电梯使用登记证记载下次检验日期为2024年3月，至2024年7月仍在运行。", "超过检验有效期"},
		{"next inspection, same month", "该锅炉下次检验日期2024年7月，2024年7月检查时正在运行。", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ExpiryPassed(NormalizeText(tt.text)); got != tt.want {
				t.Errorf("ExpiryPassed = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestExpiryWrittenOtherwise reads a last day written as the pack's
// instruction (请于…前食用), a cosmetic's 限期使用日期 and a device's 失效日期,
// in other phrasings than the development rows; 请于 without the
// instruction after its date is a summons, not a shelf life.
func TestExpiryWrittenOtherwise(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"best before as an instruction", "冷柜中的鲜榨果汁瓶身印有“请于2024年7月2日前饮用”，执法人员2024年7月9日检查时仍在出售。", "已过保质期"},
		{"best before with dots", "2025年3月20日检查，蛋糕盒上贴着“请在2025.03.15前食用”的标签，仍摆在柜台。", "已过保质期"},
		{"a summons is no shelf life", "请于2024年5月6日前到本局接受询问。2024年5月10日当事人到场。", ""},
		{"cosmetics 限期使用日期", "美容院使用的面膜盒上限期使用日期为2024年11月，2025年1月6日检查时仍在使用。", "已超过使用期限"},
		{"a device's 失效日期", "诊所内的一次性换药包标示失效日期2024-08-31，2024年10月8日检查时仍在使用。", "已过期"},
		{"失效日期 still ahead", "2024年10月8日检查，输液器标示失效日期2026年8月。", ""},
		{"an imported pack's EXP, month first", "2025年4月2日检查，进口护手霜管尾压印EXP:11/2024，仍在货架出售。", "已过期"},
		{"an imported pack's EXP, year first", "进口饼干外盒喷码Exp. 2025-01-15，2025年2月3日检查时仍在出售。", "已过期"},
		{"EXP still ahead", "2025年4月2日检查，进口奶粉罐底印EXP 03/2027。", ""},
		{"EXPRESS is no expiry code", "2025年4月2日，EXPRESS快递公司送来的包裹内有一张日期为2024年1月的收据。", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ExpiryPassed(NormalizeText(tt.text)); got != tt.want {
				t.Errorf("ExpiryPassed = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestReadCount reads a shelf life's count in digits or Chinese numerals
// through ParseChineseInt, and where the count ends (the unit after it).
func TestReadCount(t *testing.T) {
	tests := []struct {
		text string
		want int
		rest string
		ok   bool
	}{
		{"一个月", 1, "个月", true},
		{"两年", 2, "年", true},
		{"六个月", 6, "个月", true},
		{"十二个月", 12, "个月", true},
		{"二十天", 20, "天", true},
		{"三十六个月", 36, "个月", true},
		{"一百零五天", 105, "天", true},
		{"一百八十天", 180, "天", true},
		{"3年", 3, "年", true},
		{"12个月", 12, "个月", true},
		{"180天", 180, "天", true},
		{"9999天", 9999, "天", true},
		{"12345天", 0, "12345天", false}, // more than four digits was never a count
		{"见包装", 0, "见包装", false},
		{"", 0, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got, end, ok := readCount(tt.text, 0)
			if got != tt.want || tt.text[end:] != tt.rest || ok != tt.ok {
				t.Errorf("readCount(%q) = %d, rest %q, %v; want %d, rest %q, %v", tt.text, got, tt.text[end:], ok, tt.want, tt.rest, tt.ok)
			}
		})
	}
}

// TestReadDay reads the dates ExpiryPassed compares, with the year and
// month step readDay shares with the month without its day.
func TestReadDay(t *testing.T) {
	tests := []struct {
		text     string
		monthEnd bool
		want     int
		rest     string
		ok       bool
	}{
		{"2024年3月5日检查", false, 20240305, "检查", true},
		{"2024-03-05，", false, 20240305, "，", true},
		{"2024.4.30", false, 20240430, "", true},
		{"2024年9月，", true, 20240931, "，", true},
		{"2024年9月，", false, 0, "2024年9月，", false},
		{"2024-09", true, 20240931, "", true},
		{"1989年3月5日", false, 0, "1989年3月5日", false},
		{"2024年13月5日", false, 0, "2024年13月5日", false},
		{"202年3月5日", false, 0, "202年3月5日", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got, end, ok := readDay(tt.text, 0, tt.monthEnd)
			if !ok {
				end = 0
			}
			if got != tt.want || tt.text[end:] != tt.rest || ok != tt.ok {
				t.Errorf("readDay(%q, %v) = %d, rest %q, %v; want %d, rest %q, %v", tt.text, tt.monthEnd, got, tt.text[end:], ok, tt.want, tt.rest, tt.ok)
			}
		})
	}
}
