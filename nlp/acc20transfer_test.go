package nlp

import (
	"fmt"
	"strings"
	"testing"
)

// TestTransferTwentiethReadings: sums right after a bare sales verb
// (四月销售2.6万元), not after a denial (尚未销售); a blood alcohol with the
// blood and the alcohol named between unit and figure; the earlier penalties
// counted or listed one by one.
func TestTransferTwentiethReadings(t *testing.T) {
	checkTotals(t, []totalRow{
		{"months of sales add up", "当事人四月销售2.6万元，五月销售1.9万元，六月售出1.2万元。", RoleSalesAmount, 57000},
		{"sales after a denial are none", "该批货物尚未销售1.9万元，另于六月卖出1.2万元。", RoleSalesAmount, 12000},
		{"wages per head of two groups", "某劳务公司拖欠木工6名、油漆工3名的工资，其中木工每人5,000元、油漆工每人4,200元。", RoleWages, 42600},
		{"wages per head of the one count", "老板拖欠11名工人两个月工资，每人3,600元，至今未付。", RoleWages, 39600},
		{"a monthly rate is not multiplied", "老板拖欠11名工人工资，每人每月3,600元。", RoleWages, 3600},
		// review items 8 and 9: a sale told again, a plan
		{"上述销售 restates a sale", "经查，当事人五月销售1.8万元、六月销售2.1万元，上述销售1.8万元中含退货。", RoleSalesAmount, 39000},
		{"前述销售 restates a sale", "该店七月售出9,000元，八月售出6,000元，前述销售6,000元已全部退款。", RoleSalesAmount, 15000},
		{"打算卖出 is a plan", "经查，该店三月卖出4,000元，打算卖出2万元的存货尚在仓库。", RoleSalesAmount, 4000},
	})
	for _, text := range []string{"当事人计划销售5万元，实际尚未开始。", "该厂拟于下月销售3万元的库存产品。"} {
		for _, tot := range Extract(text).Totals {
			if tot.Role == RoleSalesAmount {
				t.Errorf("%s: sales %v, want none (a plan)", text, tot.Value)
			}
		}
	}
	for _, tt := range []struct {
		name, text string
		want       float64
	}{
		{"血液中酒精含量为", "每100毫升血液中酒精含量为115毫克", 115},
		{"血液中含乙醇", "每百毫升血液中含乙醇九十六毫克", 96},
		{"no alcohol named", "每100毫升注射液中含利多卡因200毫克", 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got float64
			for _, q := range Extract(tt.text).Quantities {
				if q.Unit == "毫克/100毫升" {
					got = q.Value
				}
			}
			if got != tt.want {
				t.Errorf("blood alcohol %v, want %v", got, tt.want)
			}
		})
	}
	for _, tt := range []struct {
		name, text string
		want       int
	}{
		{"counted", "该公司此前已先后两次因超标排放被本局行政处罚。", 2},
		{"received twice", "当事人二年内受过二次行政处罚。", 2},
		{"listed by date", "该厂于2024年5月因超标排放被我局处罚十万元，2025年2月又因同一原因被我局处罚二十万元。", 2},
		// review item 3: another party's penalty is not the party's
		{"a supplier's penalty is none", "当事人2025年3月因超标排放含镉废水被我局处罚，本案中当事人的供货商于2024年因销售假冒产品被市场监管局处罚。", 0},
		{"a customer's penalty is none", "该厂2024年4月因超标排放被本局罚款，其客户2024年9月因同样问题被本局罚款。", 0},
		{"the act's own count is no penalty's", "当事人先后两次将废液倾倒在河滩，本局依法对其处以罚款。", 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := 0
			for _, c := range Extract(tt.text).Circumstances {
				if c.Name == CircPriorPenalties && c.Count > got {
					got = c.Count
				}
			}
			if got != tt.want {
				t.Errorf("prior penalties %d, want %d", got, tt.want)
			}
		})
	}
	if s, _ := CrimeAmount("被害人报警称被骗一万元。经查，违法嫌疑人骗取被害人手续费2,800元。"); s.Value != 2800 {
		t.Errorf("crime amount %v, want 2800 (the reported sum is a claim)", s.Value)
	}
}

// TestWagesPerHeadWorkTwentieth: the per-head wages read the head counts in
// one pass whatever the number of 每人 (a hostile text repeating 瓦工每人4000元
// 5,000 times was quadratic and compiled two regexps per 每人), and a
// group's amount told again is the same debt, counted once. Work is counted
// (whole-text passes), not timed.
func TestWagesPerHeadWorkTwentieth(t *testing.T) {
	for _, tt := range []struct {
		name, head, rep string
		want            float64
	}{
		{"瓦工每人 repeated", "经查，拖欠瓦工8名工资，", "瓦工每人4000元，", 32000},
		{"每名钢筋工 told again", "经查，某公司欠4名钢筋工的工资，", "钢筋工每名3,500元；", 14000},
	} {
		for _, reps := range []int{1, 50, 3000} {
			t.Run(fmt.Sprintf("%s×%d", tt.name, reps), func(t *testing.T) {
				s := tt.head + strings.Repeat(tt.rep, reps)
				x := Extract(s)
				ts, work := wagesPerHeadWork(s, x.Amounts, nil)
				if work > 3 {
					t.Errorf("%d whole-text passes, want at most 3 (two word searches, one head-count pass)", work)
				}
				got := 0.0
				for _, tot := range ts {
					if tot.Role == RoleWages {
						got = tot.Value
					}
				}
				if got != tt.want {
					t.Errorf("wages %v, want %v", got, tt.want)
				}
			})
		}
	}
}
