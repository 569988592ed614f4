package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/rules"
)

// TestWasteTonnesNotDumpedTwentyThird: the 2023 environmental
// interpretation counts the tonnes of hazardous waste 排放、倾倒、处置
// (第一条第二项); a general industrial waste's case with a hazardous waste
// store told in passing is not that act, whatever tonnage the text gives,
// while the same tonnes dumped stay likely. Worded apart from the
// development rows.
func TestWasteTonnesNotDumpedTwentyThird(t *testing.T) {
	checkTransferRows(t, []transferRow{
		{"general waste beside a hazardous store", "该厂危险废物贮存间规范；厂区北侧露天堆放炉渣约150吨，未采取防扬散措施。", []string{"waste-102-industrial-storage"}, rules.RiskNone, "污染环境罪"},
		{"general waste under the code beside hazardous waste", "检查时危险废物贮存库管理规范，但厂区东侧露天堆放粉煤灰约80吨，未采取防扬散、防流失措施。", []string{"eco-1171-industrial-storage"}, rules.RiskNone, "污染环境罪"},
		{"the same tonnes dumped stay likely", "当事人将约5吨废矿物油装桶后运到山沟倾倒。", []string{"waste-112-hw-dumping"}, rules.RiskLikely, "污染环境罪"},
	})
}

// TestForgedAdApprovalTwentyThird: a forged advertisement approval number
// (广告法 第六十五条) says nothing of what the drug is, so the 假药 cue
// 伪造…批准文号 does not make the crime likely there; a forged drug
// approval number on a drug sold stays likely.
func TestForgedAdApprovalTwentyThird(t *testing.T) {
	checkTransferRows(t, []transferRow{
		{"a forged ad approval in a newspaper advertisement", "当事人在电视台播出某感冒颗粒的广告，所标示的药品广告批准文号系伪造，广告审查机关无此记录。", []string{"ad-65-forged-approval"}, rules.RiskNone, "生产、销售、提供假药罪"},
		{"a forged drug approval number on pills sold", "当事人销售的“降糖丸”包装上印有伪造的批准文号，经检验未检出任何药物成分。", []string{"drug-116-counterfeit"}, rules.RiskLikely, "生产、销售、提供假药罪"},
	})
}

// TestFalseTheftAlarmTwentyThird: a false report of a theft tells 入室盗窃
// and a count (三次报警) with no taking; where the false report is the
// case's conduct, the theft's 入户/多次 cues meet nothing, while a theft told
// by the same words stays likely.
func TestFalseTheftAlarmTwentyThird(t *testing.T) {
	checkTransferRows(t, []transferRow{
		{"a false report of a break-in", "一女子当晚先后三次拨打110称家里遭人入室盗窃，民警到场核实并无此事，该女子承认因与家人赌气故意报假警。", []string{"police25-29-false-alarm", "police25-58-theft"}, rules.RiskNone, "盗窃罪"},
		{"a break-in told by the victim stays likely", "事主报警称家中遭人入室盗窃，民警调查后抓获撬门入室的王某，王某供认窃走现金八百元。", []string{"police25-58-theft"}, rules.RiskLikely, "盗窃罪"},
	})
}
