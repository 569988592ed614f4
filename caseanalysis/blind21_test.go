package caseanalysis

import "testing"

// TestBlindKindsTwentyFirst: the kinds behind the misses of a batch written
// blind from a random sample of the catalog (blind21a). Each case is worded
// apart from the batch's rows: the kind is read, not the row.
//   - a refusal to file whose object the order named before it (责令…备案，
//     …仍未办理) is 拒不改正 (道路运输条例 第六十五条第三款、第四款);
//   - hiring records written as missing (没有…录用登记, 未核查…身份证) show
//     the records element, whose absence is the violation (禁止使用童工规定
//     第八条);
//   - a ledger filled in afterwards (事后补填, 照抄) is a record not made
//     truthfully, and a permit checked with its ledger is one held
//     (排污许可管理条例 第三十七条第（二）项);
//   - facilities named before 未建成 (处理设施至今未建成) with an approved
//     report are 未验先投, not 未批先建 (建设项目环境保护管理条例 第二十三条);
//   - a loader's minimum load on pain of no loading (不得少于…否则不予装车)
//     is the instruction of 公路安全保护条例 第六十八条, not the driver's
//     overload;
//   - a licence obtained with borrowed credentials (借用他人证件…取得许可证)
//     is 骗取许可 (药品管理法 第一百二十三条);
//   - the lender of an account is no taxpayer who did not file (实施细则
//     第九十三条, not 税收征收管理法 第六十四条第二款);
//   - counterfeit goods stored for others for a fee (仿冒、假货、仓储费) are
//     产品质量法 第六十一条's help, not the copier's 混淆.
func TestBlindKindsTwentyFirst(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"training school told to file, still has not", "经查，当事人安行驾驶培训中心自2025年4月起招收学员开展机动车驾驶员培训，未到交通运输主管部门备案，6月我局下达责令改正通知书，要求其限期备案，至9月2日仍未办理。",
			"2025-09-02", "transport-65-filing-station", "", 5000, 20000, false},
		{"repair shop told to file, still has not", "经查，当事人顺风汽车快修店从事机动车维修经营，开业时未办理备案，我局9月1日责令其10日内备案，逾期至9月20日仍未办理。",
			"2025-10-09", "transport-65-filing-repair", "", 3000, 10000, false},
		{"hiring records missing", "劳动保障监察员检查发现，某某电子厂招用工人时未查验身份证件，也没有做任何入职登记，厂方说不出部分工人的真实姓名。",
			"2025-07-01", "child-8-hiring-records", "", 10000, 10000, false},
		{"ledger filled in afterwards", "2025年6月3日，执法人员查阅某某喷涂有限公司的排污许可证和环境管理台账，发现活性炭吸附装置5月份的运行记录系检查前一天照抄模板补填，与当月实际生产天数对不上。",
			"2025-06-03", "permit-37-ledger-untrue", "", 5000, 20000, false},
		{"approved report, treatment plant not built", "经查，当事人某某食品有限公司扩建项目环评已获审批，但审批要求配套建设的污水处理设施至今没有建成，扩建生产线于2025年3月投入生产。",
			"2025-05-20", "eia-reg-23-unaccepted-operation", "eia-31-unapproved-construction", 200000, 1000000, false},
		{"loader's minimum load", "经查，当事人某某石料厂装车时由过磅员告知驾驶员每车装货不得少于六十吨，否则不给装车。驾驶员胡某驾驶的货车经检测车货总重61吨，超过限定标准。",
			"2025-06-15", "highway-68-instruct-overlimit", "highway-64-overlimit", 0, 30000, false},
		{"licence obtained with borrowed credentials", "经查，当事人某某药店申请药品经营许可证时，借用他人的执业药师证书作为驻店药师材料提交，并据此取得了药品经营许可证。",
			"2025-11-03", "drug-123-licence-fraud", "", 500000, 5000000, false},
		{"account lent to a taxpayer who did not file", "经查，某某商贸有限公司将公司银行账户借给个体户吴某使用，吴某通过该账户收取经营款，未申报纳税，少缴税款3.6万元。",
			"2025-08-20", "tax-rules-93-facilitating", "tax-64-non-filing", 0, 36000, false},
		{"fakes stored for a fee", "2025年9月4日，执法人员在某物流仓库内查获假冒某品牌运动鞋800双，仓库经营者杨某明知是假货仍为他人存放，收取保管费3000元。",
			"2025-09-04", "prod-61-facilitating", "comp25-23-confusion", 1500, 9000, false},
	})
}
