package caseanalysis

import "testing"

// TestPrincipalByIncome: a principal named by post in a register line with
// a year's pay read (其上年度收入, 2024年度薪酬) is fined under 安全生产法
// 第九十五条 for the person, not 第一百一十四条 for the unit (acc11range).
func TestPrincipalByIncome(t *testing.T) {
	a := newProvisionAnalyzer(t)
	checkPhrasings(t, a, []phrasingRow{
		{"a mine's head with last year's income", "2025-05-12 红岩煤矿 矿长曹某 未组织开展安全检查 致一般事故1人死亡 其上年度收入为32万元", "safety-95-principal-general-accident", "safety-114-general-accident"},
		{"a plant's chairman and his year's pay", "经查，某化工厂董事长卢某未履行安全生产管理职责，2025年4月发生一般生产安全事故致1人死亡，其2024年度从该厂领取薪酬40万元。", "safety-95-principal-general-accident", "safety-114-general-accident"},
	})
}
