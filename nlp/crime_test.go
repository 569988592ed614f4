package nlp

import (
	"testing"
)

// crimeCases are sentences in the style of criminal judgments, written for
// these tests.
var crimeCases = []struct {
	name     string
	in       string
	want     float64
	explicit bool
	ok       bool
}{
	{"items add up", "被告人甲某窃得乙某手机一部（价值1200元）、现金300元。", 1500, false, true},
	{"chinese numerals and wan", "被告人以投资为由骗得丙某人民币2.5万元，骗得丁某五千元。", 30000, false, true},
	{"total after its items", "窃得自行车一辆，价值800元；电瓶一组，价值200元，共计价值1000元。", 1000, true, true},
	{"total before its items", "被告人先后盗窃三次，窃得财物共计价值2600元。1、窃得手机一部，价值1500元。2、窃得现金600元。3、窃得电瓶一组，价值500元。", 2600, true, true},
	{"subtotals add up", "第一次窃得香烟五条，合计价值1100元。第二次窃得白酒四瓶，合计价值900元。", 2000, true, true},
	{"subtotal inside a list", "窃得现金500元，另窃得香烟两条、茶叶一盒，共计价值400元，及手表一块，价值3000元。", 3900, true, true},
	{"grand total replaces subtotals", "窃得甲某财物共计价值700元，窃得乙某财物共计价值300元，以上财物共计价值1000元。", 1000, true, true},
	{"compensation and fine left out", "被告人骗取戊某8000元。被告人家属已赔偿被害人8000元，取得谅解。判处有期徒刑一年，并处罚金3000元。", 8000, false, true},
	{"seized and returned money left out", "窃得现金4000元。公安机关扣押现金3500元，已发还被害人。", 4000, false, true},
	{"after the act", "被告人盗走钱包一个，内有现金2000元。案发后，被告人退出赃款2000元。另查明，被告人曾因盗窃被判刑，罚金1000元。", 2000, false, true},
	{"sale price and unit price", "窃得电动车一辆，经鉴定价值1800元，后以300元卖给他人；另窃得大米10袋，每袋价值60元，共计价值600元。", 2400, true, true},
	{"restated amount", "被告人从抽屉内窃得现金900元。上述900元已被其挥霍。", 900, true, true},
	{"share of the loot", "二人窃得现金6000元，被告人甲某分得3000元。", 6000, false, true},
	{"place name is not money", "被告人在三元区某小区窃得现金700元。", 700, false, true},
	{"full-width digits and commas", "骗得被害人１２,５００元。", 12500, false, true},
	{"part obtained of a sum attempted", "以帮忙办理低保为由，先后骗取三名村民现金共计一千五百元中的五百元，其余款项因被害人家属察觉未得逞。", 500, false, true},
	// What the victim was led to pay is the fraud's amount, 垫付 or not;
	// 垫付 by anyone else after the act stays out.
	{"victim led to advance money", "诱使被害人韦某先后垫付资金共计一万二千元，收款后即将韦某拉黑。", 12000, true, true},
	{"victim led to transfer", "冒充客服诱骗被害人转账6800元。", 6800, false, true},
	{"an advance after the act", "被告人骗得被害人3000元。案外人为其垫付医疗费2000元。", 3000, false, true},
	{"no amount", "被告人醉酒驾驶机动车，血液酒精含量为150毫克/100毫升。", 0, false, false},
	{"only excluded amounts", "被告人赔偿被害人损失5000元。", 0, false, false},
}

func TestCrimeAmount(t *testing.T) {
	for _, tt := range crimeCases {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := CrimeAmount(tt.in)
			if ok != tt.ok || got.Value != tt.want || got.Explicit != tt.explicit {
				t.Errorf("CrimeAmount = %v explicit %v ok %v; want %v explicit %v ok %v\nitems %+v\ntotals %+v\nexcluded %+v",
					got.Value, got.Explicit, ok, tt.want, tt.explicit, tt.ok, got.Items, got.Totals, got.Excluded)
			}
			for _, as := range [][]Amount{got.Items, got.Totals, got.Excluded} {
				for _, a := range as {
					if a.Start < 0 || a.End > len(tt.in) || a.Start >= a.End {
						t.Errorf("span [%d,%d) outside the input", a.Start, a.End)
						continue
					}
					if v, err := ParseAmount(tt.in[a.Start:a.End]); err != nil || v != a.Value {
						t.Errorf("span %q reads %v, %v; want %v", tt.in[a.Start:a.End], v, err, a.Value)
					}
				}
			}
		})
	}
}

func FuzzCrimeAmount(f *testing.F) {
	for _, tt := range crimeCases {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := CrimeAmount(s)
		if ok && got.Value <= 0 {
			t.Errorf("ok with value %v", got.Value)
		}
		for _, as := range [][]Amount{got.Items, got.Totals, got.Excluded} {
			for _, a := range as {
				if a.Start < 0 || a.End > len(s) || a.Start > a.End {
					t.Errorf("span [%d,%d) outside the input of %d bytes", a.Start, a.End, len(s))
				}
			}
		}
	})
}
