package caseanalysis

import (
	"context"
	"testing"
)

// TestMarketAndTaxBasesAndTransfers checks the amounts the round taught the
// facts to read (an online ad's fee, the tax named by its kind, 虚开金额);
// the transfers they decide are rows of TestTransferOtherKinds.
func TestMarketAndTaxBasesAndTransfers(t *testing.T) {
	a := newProvisionAnalyzer(t)
	tests := []struct {
		name, facts, want string
		min, max          float64 // the statutory range
	}{
		{"a video's making cost is the ad fee", "某某酒业在快手号发布白酒广告视频，演员举杯一饮而尽称“喝了解压”，该视频制作费用二千五百元。",
			"ad-58-alcohol", 2500, 7500},
		{"a post's fee taken by the account", "某某公众号运营方明知商家无检测报告，收取推文费二千元发布推文称其大米“不含任何农药残留”，经检测农药残留超标，实际并非如此。",
			"ad-55-false-publisher", 6000, 10000},
		{"withholding named by the tax", "某某公司支付兼职人员劳务报酬时应扣未扣个人所得税三千元。",
			"tax-69-failure-to-withhold", 1500, 9000},
		{"false invoices under one yuan bound", "某某商行无真实交易为他人开具发票2份，虚开金额6000元。",
			"tax-invoice-35-false-issue", 0, 50000},
		{"false VAT invoices with tax over 100,000", "经查，某某贸易公司无真实货物交易为他人虚开增值税专用发票30份，价税合计九十万元，税额十二万元。",
			"tax-invoice-35-false-issue", 50000, 500000},
		// ninth round (acc10market2): 非法代开发票 is punished as 虚开
		// (第三十五条第二款); the amount named 代开金额 is its base.
		{"issued for others below ten thousand", "某某代理记账公司在没有真实业务的情况下为客户非法代开发票2份，代开金额8000元。",
			"tax-invoice-35-false-issue", 0, 50000},
		{"issued for others over ten thousand", "经查，某某咨询公司无实际经营业务为多名个体户代开劳务费发票，代开的金额共计五万六千元，收取手续费二千元。",
			"tax-invoice-35-false-issue", 50000, 500000},
		{"arrears not recovered after assets moved", "某某公司欠缴企业所得税5万元，催缴后将设备过户至关联公司名下，致使欠缴税款无法追缴。",
			"tax-65-evading-arrears", 25000, 250000},
		{"arrears recovered in the end", "某某公司欠缴企业所得税5万元，催缴后将设备过户至关联公司名下，经强制执行已全部追缴入库。",
			"tax-65-evading-arrears", 25000, 250000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := a.Analyze(context.Background(), Request{Facts: tt.facts, Violations: 10, DecisionDate: snapshotDay})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Violations) == 0 || res.Violations[0].BenchmarkID != tt.want {
				t.Fatalf("violations %v, want %s first\n%s", ids(res.Violations), tt.want, whys(res.Violations))
			}
			if s := res.Violations[0].Suggestion; s == nil || s.Statutory == nil || s.Statutory.FineMin != tt.min || s.Statutory.FineMax != tt.max {
				var got any
				if s != nil {
					got = s.Statutory
				}
				t.Errorf("statutory %+v, want %v–%v", got, tt.min, tt.max)
			}
		})
	}
}
