package caseanalysis

import (
	"slices"
	"testing"
)

// TestSocialInsuranceFine checks the fine of 社会保险法 第八十六条 is the
// arrears times one to three once the deadline has passed, and that
// 第八十四条 multiplies the contributions due.
func TestSocialInsuranceFine(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkRanges(t, a, []rangeRow{
		{"arrears overdue", "当事人未按时足额缴纳社会保险费，欠缴社会保险费人民币捌万陆仟元，经责令限期缴纳，逾期仍不缴纳。", "si-86-arrears", 86000, 258000},
		{"arrears in 万", "当事人拖欠职工社保费3.2万元，经责令限期补缴，逾期仍未缴纳。", "si-86-arrears", 32000, 96000},
		{"understated wages in a register line", "某某酒店 申报社会保险费时瞒报职工人数12人 瞒报工资数额18万元 立案", "labour-27-underreport", 180000, 540000},
		{"never registered", "当事人一直未办理社会保险登记，经责令限期改正，逾期不改正，经核算应缴社会保险费为四万五千元。", "si-84-no-registration", 45000, 135000},
	})
}

// TestPolice2025Kinds decides 治安 kinds under the 2025 治安管理处罚法
// (decided after 2026-01-01): 故意损毁 is 第五十九条, no longer the theft
// line's; a victim's age read from a birth date; 拉客招嫖 against 卖淫;
// landlords' and hotels' registers; a threat for money is 敲诈勒索 (第五十八条), not 威胁人身安全
// (第五十条); 扬言 is 第二十九条 only for 放火、爆炸、投放危险物质; a punch at
// the officer of a drink-driving check with no alcohol measured is 第六十一条.
func TestPolice2025Kinds(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []struct {
		name, facts, want, not string
	}{
		{"damage is 第五十九条", "2026年9月5日，石某因车位纠纷用尖锐物将邻居电动汽车四个轮胎扎破，经认定损失六百元。", "police25-59-damage", "police25-58-theft"},
		{"a keyed car", "2026年4月2日，彭某用钥匙将邻居轿车车门划出多道划痕，修复费用九百元。", "police25-59-damage", "police25-58-theft"},
		{"damage to steal stays theft", "2026年4月2日，彭某砸坏车窗后窃取车内背包一个，价值三百元。", "police25-58-theft", "police25-59-damage"},
		{"a threat for money is 敲诈勒索", "2026年8月，文某以公开两人亲密照片相威胁，要求冉某支付五千元分手费。", "police25-58-theft", "police25-50-harassment"},
		{"a threat without a demand stays 第五十条", "2026年8月，文某多次发送短信威胁冉某，扬言要让她在公司待不下去，干扰其正常生活。", "police25-50-harassment", "police25-58-theft"},
		{"a punch at a drink-driving check", "2026年9月14日，民警查处酒驾时，驾驶人彭某拒绝配合检测，挥拳猛击正在执行职务的民警面部。", "police25-61-obstruct-duty", "traffic-91-drink-driving"},
		{"a measured drink driver stays 第九十一条", "2026年9月14日，民警查处酒驾时，驾驶人彭某经呼气检测酒精含量为45毫克/100毫升，彭某挥拳击打民警后被制服。", "traffic-91-drink-driving", "police25-61-obstruct-duty"},
		{"taking without paying, with a boast", "2026年3月14日，邓某在农贸市场挨个摊位拿走蔬菜水果不付钱，还扬言谁敢要钱就砸摊子。", "police25-30-provocation", "police25-29-false-alarm"},
		{"a threat to set fire stays 第二十九条", "2026年3月14日，邓某在村委会扬言要放火烧掉村委会办公楼，引起群众恐慌。", "police25-29-false-alarm", "police25-30-provocation"},
		// 第五十一条第二款 by the victim's birth date: seventy on the act's day
		// (the 2012 text's sixty no longer counts).
		{"victim of seventy-one by birth date", "2026年4月7日，董某在菜市场门口与卖菜的老人吴某某（1954年11月出生）发生争执，朝其胸口打了两拳。", "police25-51-assault-aggravated", "police25-51-assault"},
		{"victim of sixty-eight stays 第一款", "2026年5月19日，钟某因停车纠纷用手掌扇打小区保安员陶某（1957年9月出生）面部两下。", "police25-51-assault", "police25-51-assault-aggravated"},
		// 第七十八条第二款: 拉客招嫖 in a public place without a trade.
		{"soliciting at a metro exit", "2026年3月18日21时许，秦某某在地铁站出口附近多次拦截过往男子，以包夜三百为名招揽嫖客，被巡逻民警查获。", "police25-78-soliciting", "police25-78-prostitution"},
		{"a trade caught stays 第一款", "2026年3月2日，许某在足浴店门口拉客后，在二楼包间内与顾客进行性交易，被民警当场查获。", "police25-78-prostitution", "police25-78-soliciting"},
		// 第六十八条 / 第六十七条: tenants and guests not registered.
		{"landlord without tenant register", "2026年3月，戴某将房屋出租给外地务工人员四人居住，未按规定登记承租人身份证件号码，4月28日民警核查时发现。", "police25-68-rental", "child-8-hiring-records"},
		{"hotel guests not registered", "2026年3月30日晚，某某快捷酒店前台值班员孟某为未出示身份证件的住客开房，未登记住宿人员身份信息，被检查的民警发现。", "police25-67-hotel", "police-56-hotel"},
		// 第三十八条第二款, 第五十条第一款第六项, 第六十一条.
		{"knife at a coach station check", "2026年10月9日，民警在长途汽车站安检口检查时，发现旅客殷某背包内携带一把匕首，经鉴定属于管制刀具。", "police25-38-knife-public", "police25-38-knife"},
		{"filming in a fitting room", "2026年7月12日，熊某在商场女更衣室隔板下用手机偷拍女性试衣，被保安当场控制。", "police25-50-privacy", "police25-50-harassment"},
		{"threats stay 第五十条 general", "2026年3月以来，詹某多次深夜给冉女士打电话、发送恐吓短信，并在其小区门口跟踪她。", "police25-50-harassment", "police25-50-privacy"},
		{"a blow at an officer handling a dispute", "2026年10月24日1时许，民警在酒吧门口处置纠纷时，尚某醉酒后用拳头猛击正在执行职务的民警面部，致其鼻部挫伤出血。", "police25-61-obstruct-duty", "police25-51-assault"},
		{"pushing the officer at a check", "2026年8月21日，民警设卡检查时，驾驶人左某拒不下车接受检查，推搡执勤民警，致检查中断约二十分钟，民警未受伤。", "police25-61-obstruct-duty", "police25-26-disrupt-order"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ids := violationIDs(analyzeOn(t, a, tt.facts, "2026-10-01"))
			if len(ids) == 0 || ids[0] != tt.want {
				t.Fatalf("violations %v, want %s first", ids, tt.want)
			}
			if slices.Index(ids, tt.not) == 0 {
				t.Errorf("%s ranks first", tt.not)
			}
		})
	}
}
