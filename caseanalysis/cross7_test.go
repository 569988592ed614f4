package caseanalysis

import (
	"testing"
)

// TestCrossSectorFamiliesSeventh decides the families the seventh round
// (issue 12, acc7cross) found missed where the facts' words belong to two
// sectors, each in other words than the development rows: shoplifting told
// by goods pushed into a pocket or a bag (治安, not 税收 第六十五条's
// 藏匿), a gas or electrical installation against 消防技术标准 (消防法
// 第六十六条, not a product failing its standard), a KTV or a bar over the
// social-noise limit (not 工业噪声), and hot work found by a fire inspector
// (消防法 第六十三条, not the 安全生产法 unit article).
func TestCrossSectorFamiliesSeventh(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []datedPhrasingRow{
		{"goods pushed into a backpack (2012)", "2025年8月3日，某某便利店店员报警：一名女子将三瓶洗发水塞进双肩包内，只买了一包纸巾就离开，被店员在门口拦住，商品价值一百一十元。", "2025-09-01", "police-49-theft", "tax-65-evading-arrears"},
		{"goods hidden under a coat (2025)", "2026年4月9日，某某商场防损员发现顾客将一件羊毛衫藏在外套里面，未经收银通道离开，价值四百九十元，随即报警。", "2026-05-01", "police25-58-theft", "tax-65-evading-arrears"},
		{"藏匿 with arrears is still 第六十五条", "某某贸易公司欠缴增值税八万元，税务机关催缴期间，该公司将库存货物藏匿至外地仓库，致欠税无法追缴。", "2025-09-01", "tax-65-evading-arrears", ""},
		{"an electrical line laid against the fire code", "消防救援机构检查某某酒店，发现厨房电气线路敷设不符合消防技术标准，明敷电线未穿管保护，责令限期改正后，逾期仍未改正。", "2025-09-01", "fire-66-electrical-gas", "prod-49-unsafe-standard"},
		{"a bar's music over the social-noise limit", "生态环境执法人员夜间监测，某某音乐酒吧营业时社会生活噪声排放超过国家规定的排放标准6分贝，附近居民多次投诉。", "2025-09-01", "", "noise-75-industrial"},
		{"a karaoke hall after the eco code", "2026年10月5日夜，执法人员对某某歌厅边界噪声监测，超过排放标准8分贝，该歌厅营业至凌晨。", "2026-11-01", "", "eco-1107-industrial-noise"},
		{"a factory's stamping noise stays industrial", "某某冲压厂夜间厂界噪声58分贝，超过工业企业厂界环境噪声排放标准限值。", "2025-09-01", "noise-75-industrial", ""},
		{"a fire inspector finds a worker cutting with a torch", "消防监督员在某某商场检查时，发现装修工人刘某在堆有木料的楼层内使用气割切割钢管，未办理动火审批，现场无人看护。", "2025-09-01", "fire-63-open-flame", "safety-101-hazardous-operations"},
	}
	checkDatedPhrasings(t, a, tests)
}
