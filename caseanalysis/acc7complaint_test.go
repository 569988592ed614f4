package caseanalysis

import (
	"context"
	"testing"
)

// TestComplaintSeventhPhrasings: the two families the seventh round's
// complaint rows missed — an invoice falsified by its goods name or by an
// inflated amount (虚开 never named), and a passenger touted by force told as
// pulling and dragging (强行招揽 never named) — each phrased otherwise than the
// rows. not, when set, must not rank first (the neighbour that used to win).
func TestComplaintSeventhPhrasings(t *testing.T) {
	a := newProvisionAnalyzer(t)
	tests := []phrasingRow{
		{"goods name changed on the invoice", "顾客在酒店消费住宿费1800元，前台应其要求把发票品名改开为会议费。税务机关核查属实。", "tax-invoice-35-false-issue", ""},
		{"amount inflated", "举报人称某加油站给货车司机开发票时每张多开两三百元金额，供其回单位报销；经核查共多开金额6000元。", "tax-invoice-35-false-issue", ""},
		{"品名与实际不符", "经查，该超市向某单位销售购物卡，开具的增值税普通发票货物名称为办公耗材，品名与实际销售不符，金额8000元。", "tax-invoice-35-false-issue", ""},
		{"虚增开票金额", "某装修公司为帮客户报销，在实际收款之外虚增发票金额两万元。", "tax-invoice-35-false-issue", ""},
		{"refusing an invoice stays 第三十三条", "顾客在餐馆消费后索要发票，店主称没有发票拒不开具。", "", "tax-invoice-35-false-issue"},
		{"dragged to the car", "旅客反映在汽车站出口被一名司机拉住行李箱往他车上拽，不坐就一直跟着。经查该司机所驾出租车持有合法营运证件。", "transport-68-soliciting", ""},
		{"纠缠旅客", "执法人员在客运站广场发现某客运公司的驾驶员反复纠缠旅客，拦截出站旅客招揽乘车。", "transport-68-soliciting", ""},
		{"生拉硬拽 by a licensed bus", "持有班线客运经营许可的大巴车售票员在站外生拉硬拽乘客上车。", "transport-68-soliciting", ""},
	}
	checkPhrasings(t, a, tests)
}

// TestComplaintSeventhInvoiceExcess: a false invoice's amount told as its
// excess over the real sale is 虚开金额, the base of 发票管理办法 第三十五条.
func TestComplaintSeventhInvoiceExcess(t *testing.T) {
	a := newProvisionAnalyzer(t)
	tests := []struct {
		name, facts string
		min, max    float64
	}{
		{"多开金额 under ten thousand", "经查，某某加油站应客户要求在实际加油金额之外多开发票，多开金额八千元。", 0, 50000},
		{"虚增开票金额 over ten thousand", "经查，某某装饰公司为客户报销需要，在真实工程款之外虚增开票金额二万五千元。", 50000, 500000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeFirst(t, a, tt.facts, "tax-invoice-35-false-issue")
			if s := res.Violations[0].Suggestion; s == nil || s.Statutory == nil || s.Statutory.FineMin != tt.min || s.Statutory.FineMax != tt.max {
				var got any
				if s != nil {
					got = s.Statutory
				}
				t.Errorf("statutory %+v, want %v-%v", got, tt.min, tt.max)
			}
		})
	}
}

// phrasingRow is one phrasing of a family: want must rank first (none when
// empty) and not, when set, must not (the neighbour that used to win).
type phrasingRow struct {
	name, facts, want, not string
}

// checkPhrasings analyzes each row's facts and checks want and not.
func checkPhrasings(t *testing.T, a *Analyzer, tests []phrasingRow) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var res Result
			if tt.want != "" {
				res = analyzeFirst(t, a, tt.facts, tt.want)
			} else {
				var err error
				if res, err = a.Analyze(context.Background(), Request{Facts: tt.facts, Violations: 5, DecisionDate: snapshotDay}); err != nil {
					t.Fatal(err)
				}
			}
			if tt.not != "" && len(res.Violations) > 0 && res.Violations[0].BenchmarkID == tt.not {
				t.Errorf("%s ranks first", tt.not)
			}
		})
	}
}
