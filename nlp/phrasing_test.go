package nlp

import (
	"math"
	"slices"
	"testing"
)

// TestCircumstancePhrasings checks the phrasing families officers write for
// the circumstances of 行政处罚法 第三十一、三十二、三十三、三十六条, and that
// negated or ordered phrasings do not count.
func TestCircumstancePhrasings(t *testing.T) {
	tests := []struct {
		name string
		in   string
		circ string
		want bool
	}{
		// 首次违法.
		{"first: no record", "经查，当事人此前无违法记录。", CircFirstViolation, true},
		{"first: no record of the kind", "经系统查询，当事人无同类违法记录。", CircFirstViolation, true},
		{"first: first time in a year", "当事人系一年内第一次被查处。", CircFirstViolation, true},
		{"first: three years", "该公司三年内首次出现此类问题。", CircFirstViolation, true},
		{"first: no penalty in two years", "当事人两年内未受过同类处罚。", CircFirstViolation, true},
		{"first: no environmental record", "公司此前没有环境违法记录。", CircFirstViolation, true},
		{"first: 系初次违法", "当事人系初次违法，且已及时整改。", CircFirstViolation, true},
		{"first denied: 并非首次", "当事人并非首次违法。", CircFirstViolation, false},
		{"first denied: 不是初次", "经查当事人不是初次实施该行为。", CircFirstViolation, false},
		{"first denied: 屡次", "当事人屡次在同一地点占道经营。", CircFirstViolation, false},
		// the first time the party ran the trade is no first violation
		{"first: not 初次从事", "当事人陈述其首次从事散装白酒批发业务，对标签规定不了解。", CircFirstViolation, false},
		{"first: not 初次接触", "其称初次接触冷链进口食品，未索要检疫证明。", CircFirstViolation, false},
		{"first: not 首次开业", "该店系首次开业，开业当天即被群众举报。", CircFirstViolation, false},
		{"first: 首次被查处 still", "该店系首次被查处，当场改正。", CircFirstViolation, true},
		// Eighteenth round: the agency's first inspection is no record of the party's
		{"first: not 首次检查发现", "2025.11.25 某火锅店 后厨使用管道天然气 未安装可燃气体报警装置 首次检查发现", CircFirstViolation, false},
		{"first: not 首次巡查时", "执法人员首次巡查时即发现该厂未设置警示标志。", CircFirstViolation, false},
		{"first: 首次被检查发现 still", "该公司系首次被检查发现此类问题。", CircFirstViolation, true},
		// 及时改正.
		{"corrected: removed on the spot", "当事人当场撤除了违规设置的广告牌。", CircCorrectedInTime, true},
		{"corrected: fire put out and cleared", "当事人立即扑灭并清理了现场。", CircCorrectedInTime, true},
		{"corrected: taken off the shelves", "上述过期食品已下架。", CircCorrectedInTime, true},
		{"corrected: painted over the same day", "当天下午即安排人员将墙上的字迹覆盖清除。", CircCorrectedInTime, true},
		{"corrected: banners taken down the same day", "当事人当日即将悬挂的横幅全部拆除。", CircCorrectedInTime, true},
		{"no harm: no ill effect", "经核查，该行为未造成不良影响。", CircNoHarm, true},
		{"corrected: done", "至调查终结时，当事人已整改完毕。", CircCorrectedInTime, true},
		{"corrected denied: 拒不改正", "经责令改正，当事人拒不改正。", CircCorrectedInTime, false},
		{"corrected denied: still standing", "该违法建筑至今未拆除。", CircCorrectedInTime, false},
		// Harm named by its kind and things made good at once (acc15env): the
		// families of 未造成…后果 and 即补…/补…了.
		{"no harm: pollution consequence", "该店系首次被发现此类问题，未造成环境污染后果。", CircNoHarm, true},
		{"no harm: no pollution", "经核查，废水未外排，没有造成污染。", CircNoHarm, true},
		{"no harm: not to the river", "泄漏物料已收集，未对周边水体造成污染。", CircNoHarm, true},
		{"no harm: not serious is not none", "该行为未造成严重环境污染后果。", CircNoHarm, false},
		{"no harm: 未造成较大后果 is not none", "事故未造成较大人员伤亡后果。", CircNoHarm, false},
		{"corrected: ledger completed that day", "检查当日即补全台账。", CircCorrectedInTime, true},
		{"corrected: sign re-posted", "当事人重新张贴了危险废物识别标志。", CircCorrectedInTime, true},
		{"corrected: ledger built", "企业于次日补建了工业固体废物管理台账。", CircCorrectedInTime, true},
		{"corrected: an order to complete is not the act", "执法人员责令其立即补全台账。", CircCorrectedInTime, false},
		{"corrected: an order is not the act", "执法人员责令其立即改正。", CircCorrectedInTime, false},
		{"corrected: deadline set", "要求当事人限期整改完毕。", CircCorrectedInTime, false},
		{"corrected: done at the officers' request", "殷某在执法人员要求下当场撤除全部小广告。", CircCorrectedInTime, true},
		{"corrected: cleaned on the spot", "廉某已当场清理并认错。", CircCorrectedInTime, true},
		{"corrected: tags replaced", "检查时已当场更换全部价签。", CircCorrectedInTime, true},
		{"corrected: post deleted", "推送发布两小时即被自行删除。", CircCorrectedInTime, true},
		{"corrected: licence posted on the spot", "执法人员指出后当事人当场张贴公示食品经营许可证。", CircCorrectedInTime, true},
		{"corrected: an order to replace", "执法人员要求其立即更换价签。", CircCorrectedInTime, false},
		{"corrected: tags completed on the spot", "该超市当场补全了全部价签。", CircCorrectedInTime, true},
		{"corrected: register line, fields apart", "某某大药房 部分药品未标示价格 当场整改完毕", CircCorrectedInTime, true},
		// A replacement done by the party itself, the same day (issue 12, acc5safety).
		{"corrected: swapped the same day", "检查当天，该店即自行更换了两具新灭火器。", CircCorrectedInTime, true},
		{"corrected: replaced by compliant goods", "当事人已将超期的压力表更换为合格产品。", CircCorrectedInTime, true},
		{"corrected: rectified by itself", "企业随即自行整改，补设了警示标识。", CircCorrectedInTime, true},
		{"corrected: an order for the day", "执法人员责令其当日整改。", CircCorrectedInTime, false},
		// The act between 当场 and its verb (issue 12, acc6safety): sent for
		// refilling and swapped, the missing sign put up, the goods moved away.
		{"corrected: refilled and swapped on the spot", "该店当场将失压的灭火器拿去充装后更换到位。", CircCorrectedInTime, true},
		{"corrected: sign put up on the spot", "企业当场在罐区入口补设了警示标志。", CircCorrectedInTime, true},
		{"corrected: goods moved off the exit", "店主当场把堆在安全出口的纸箱全部挪走。", CircCorrectedInTime, true},
		{"corrected: exit unlocked on the spot", "负责人当场将锁闭的安全出口打开。", CircCorrectedInTime, true},
		{"corrected: an order to swap on the spot", "执法人员责令其当场更换不合格灭火器。", CircCorrectedInTime, false},
		// 主动消除或者减轻危害后果.
		{"self removed: refund", "当事人已主动退还多收的价款。", CircSelfRemovedHarm, true},
		{"self removed: waste cleared", "检查前当事人已自行清运处置上述废物。", CircSelfRemovedHarm, true},
		{"self removed: compensated", "当事人已主动赔偿消费者损失。", CircSelfRemovedHarm, true},
		{"self removed denied", "当事人未主动退还多收价款。", CircSelfRemovedHarm, false},
		// round acc5market2: the refund with its object between (主动将…退还)
		{"self removed: refund split", "案发后当事人主动将多收的停车费逐一退还给车主。", CircSelfRemovedHarm, true},
		{"self removed: all refunded", "当事人已将多收的费用全部退还给消费者。", CircSelfRemovedHarm, true},
		// 危害后果.
		{"no harm: no consequence", "该行为未造成后果。", CircNoHarm, true},
		{"no harm: did not cause a fire", "所幸未引发火灾。", CircNoHarm, true},
		{"no harm: no casualties", "事故未造成人员伤亡。", CircNoHarm, true},
		{"no harm: no other consequence", "张贴小广告二十余张，未造成其他后果。", CircNoHarm, true},
		{"no harm: nobody bought", "推送期间无人购买。", CircNoHarm, true},
		{"slight: no complaints", "经查无投诉，危害较小。", CircHarmSlight, true},
		{"slight: stated", "当事人违法行为危害后果轻微。", CircHarmSlight, true},
		{"slight: not serious", "未造成严重后果。", CircHarmSlight, true},
		{"slight: small reach", "该行为影响范围小。", CircHarmSlight, true},
		{"slight: small reach, comparative", "涉及商品仅3种，影响范围较小。", CircHarmSlight, true},
		{"slight: small goods value", "所售商品货值较小。", CircHarmSlight, true},
		{"first: register line, a negation in the field before", "某某大药房 部分药品未标示价格 三年内首次被查处", CircFirstViolation, true},
		{"first denied within its own field", "某某大药房 并非首次被查处", CircFirstViolation, false},
		// issue 12, acc7circ: everyday and register phrasings of 首违不罚's three elements.
		{"first: 头一回", "店主说这是头一回被市场监管查到。", CircFirstViolation, true},
		{"first: first time caught, short", "快递网点 三年内第一次被查 当场整改", CircFirstViolation, true},
		{"first: no penalty for the matter", "该公司此前未因消防问题受过行政处罚。", CircFirstViolation, true},
		{"first: never inspected for it", "负责人称厂里从未因噪声被查过。", CircFirstViolation, true},
		{"first: never inspected, spoken", "老板说店里从来没因为卫生问题被查过。", CircFirstViolation, true},
		{"first denied: penalised before", "当事人曾因同类违法行为受过行政处罚。", CircFirstViolation, false},
		{"first: another shop never inspected is not the party's", "经核实，帖子所说纯属捏造，被投诉的邻店从未被查处过。", CircFirstViolation, false},
		{"corrected: off the counter", "执法人员指出后，超市当天把过期酸奶全部撤柜。", CircCorrectedInTime, true},
		{"corrected: stall packed up", "摊主见执法队员到场，当场收摊离开。", CircCorrectedInTime, true},
		{"corrected: tags completed on site", "药店 现场补齐了缺失的价签", CircCorrectedInTime, true},
		{"corrected: within the deadline", "公司在期限内已办理完毕变更手续。", CircCorrectedInTime, true},
		{"corrected: test done the next day", "该车于次日完成了检测，结果合格。", CircCorrectedInTime, true},
		{"corrected: gear bought and handed out", "项目部当即派人买来安全帽逐一发给工人。", CircCorrectedInTime, true},
		{"corrected: an order to pack up", "执法队员责令其当场收摊。", CircCorrectedInTime, false},
		{"no harm: no trade accident", "逾期期间未发生交通事故。", CircNoHarm, true},
		{"no harm: nobody overcharged", "经核对小票，未多收价款。", CircNoHarm, true},
		{"no harm: traffic not hindered", "摆摊时间短，未影响行人通行。", CircNoHarm, true},
		{"slight: no complaint from buyers", "期间未接到顾客投诉。", CircHarmSlight, true},
		{"harmful: poisoning", "该批次食品造成12名就餐人员食物中毒。", CircHarmful, true},
		{"harmful denied", "未造成人员中毒。", CircHarmful, false},
		{"person harmed", "一名3岁儿童误吞脱落零件，经送医取出。", CircPersonHarmed, true},
		{"person harmed denied", "事故未造成人员受伤。", CircPersonHarmed, false},
		// 第三十二条.
		{"coerced", "当事人系受他人胁迫或者诱骗实施上述行为。", CircCoerced, true},
		{"coerced: deceived", "其称是被他人诱骗参与。", CircCoerced, true},
		{"coerced: threatened into it", "包工头以扣发工钱相威胁，强令其立即施焊。", CircCoerced, true},
		{"coerced: forced by the boss", "老板以辞退相威胁，逼迫其继续作业。", CircCoerced, true},
		// Who is forced is the other: the party coerces (敲诈勒索).
		{"coerced: the party forcing a victim is not", "王某以曝光隐私相威胁，逼迫被害人转账三千元。", CircCoerced, false},
		{"coerced: threatening others is not", "王某持刀相威胁，抢走被害人手机。", CircCoerced, false},
		{"coerced: deceiving others is not", "当事人以虚假宣传诱骗消费者购买。", CircCoerced, false},
		{"coerced: victims forced to hide are not", "程某追逐两名女工，两名女工被迫躲进路边便利店后报警。", CircCoerced, false},
		{"coerced: a driver forced to stop is not", "邵某驾车拦截，对方司机被迫停车。", CircCoerced, false},
		{"coerced: a school the act closed is not", "家长在校门口堵门闹事，学校被迫停课半天。", CircCoerced, false},
		{"coerced: a works stopped is not", "村民堵住厂门，该厂被迫停产三日。", CircCoerced, false},
		{"coerced: a victim paying online is not", "店主被迫通过支付宝付给其八百元。", CircCoerced, false},
		{"coerced: a victim handing over is not", "被害人被迫交出手机。", CircCoerced, false},
		{"coerced: a party forced into the act still is", "其称是被迫替老板在虚假单据上签字。", CircCoerced, true},
		{"confessed", "当事人主动供述了执法机关尚未掌握的其他违法事实。", CircConfessed, true},
		{"confessed: 交代", "当事人主动交代了另一批货物的去向。", CircConfessed, true},
		{"cooperated", "当事人积极配合调查，如实陈述违法事实。", CircCooperated, true},
		{"cooperated denied", "当事人不配合调查。", CircCooperated, false},
		{"meritorious", "当事人检举揭发他人违法行为，经查证属实，有立功表现。", CircMeritorious, true},
		{"meritorious: helped seize", "当事人协助执法人员查获上游供货窝点。", CircMeritorious, true},
		// 第三十三条.
		{"minor", "当事人违法行为轻微并及时改正，没有造成危害后果。", CircMinor, true},
		{"minor denied", "当事人违法行为并非轻微。", CircMinor, false},
		{"no fault proved", "当事人提供的进货凭证等证据足以证明其没有主观过错。", CircNoFault, true},
		{"no fault claimed", "当事人辩称其没有主观过错。", CircNoFault, false},
		{"no fault not proved", "当事人提供的证据不足以证明其没有主观过错。", CircNoFault, false},
		{"declined", "依据《中华人民共和国行政处罚法》第三十三条第一款的规定，决定不予行政处罚。", CircDeclined, true},
		{"declined: 依法不予", "综上，本机关依法不予处罚。", CircDeclined, true},
		{"declined: not a decision", "当事人不符合不予处罚的条件。", CircDeclined, false},
		{"declined: naming the party", "依据《中华人民共和国治安管理处罚法》第十二条之规定，对严某某不予处罚，责令其监护人严加管教。", CircDeclined, true},
		{"declined: settled by mediation", "经公安机关主持调解，双方达成调解协议并已履行。", CircDeclined, true},
		{"declined: mediation failed", "经调解，双方未达成协议。", CircDeclined, false},
		// 第三十六条.
		{"continuing: still standing", "该建筑于2019年建成，至今未拆除。", CircContinuing, true},
		{"continuing: discharging", "当事人持续排放生产废水。", CircContinuing, true},
		{"continuing: none", "当事人于2023年5月销售过期食品。", CircContinuing, false},
		// Argued by the party and rejected by the agency (陈述申辩, 听证).
		{"first argued, rejected next sentence", "听证中当事人主张其此前无违法记录，请求从轻。经复核，上述理由不属于法定从轻情形。", CircFirstViolation, false},
		{"first argued, rejected in the sentence", "当事人辩称系第一次违法，本局认为该理由不能成立。", CircFirstViolation, false},
		{"first argued and accepted", "当事人提出其系初次违法且已改正，经核实属实，本局予以采纳。", CircFirstViolation, true},
		{"first found by the agency", "经查，当事人一年内首次违法。当事人辩称不知道要办证，不予采纳。", CircFirstViolation, true},
		{"correction argued, rejected", "当事人申辩称已整改完毕，经现场复查，整改未完成，申辩理由不予认可。", CircCorrectedInTime, false},
		{"correction argued, found true", "当事人申辩称已整改完毕，经现场复查属实。", CircCorrectedInTime, true},
		// A remedy made as the agency ordered is no 主动消除.
		{"refund as ordered", "监察机构责令该公司限期退还收取的保证金，该公司已退还全部保证金。", CircSelfRemovedHarm, false},
		{"compensation as ordered", "执法人员当场责令其赔偿消费者损失，其已赔偿。", CircSelfRemovedHarm, false},
		{"refund before any order", "立案前，当事人已全部退还消费者多收的价款。", CircSelfRemovedHarm, true},
		{"主动 after an order", "责令改正后，当事人主动退还了多收的费用。", CircSelfRemovedHarm, true},
		// The fourteenth round's phrasings told otherwise, and their guards: a
		// victim forced to pay, stolen goods handed back, harm not serious
		// (issue 12, acc14circ).
		{"corrected: tags written in as required", "执法人员指出后，摊主按要求补标了所有蔬菜的价格。", CircCorrectedInTime, true},
		{"corrected: an order to write tags is no correction", "执法人员要求其补标价格。", CircCorrectedInTime, false},
		{"corrected: goods carried back in", "经劝导，店主当即把摆在人行道上的纸箱搬回店里。", CircCorrectedInTime, true},
		{"corrected: stopped the same day", "执法人员指出后，该厂当天即停止了排放。", CircCorrectedInTime, true},
		{"corrected: page edited", "商家接到通知后立即修改了商品详情页的宣传用语。", CircCorrectedInTime, true},
		{"corrected: an unauthorised edit is no correction", "当事人擅自修改了产品的生产日期。", CircCorrectedInTime, false},
		{"coerced: 受…胁迫", "当事人系受其债主胁迫，代为保管并出售上述香烟。", CircCoerced, true},
		{"coerced: threatened into selling for him", "其姐夫以断其货源相威逼，让当事人代卖这批酒。", CircCoerced, true},
		{"coerced: a victim forced to transfer money", "违法行为人李某以散布其隐私相威胁，被害人被迫分三次转账二千元。", CircCoerced, false},
		{"coerced: a bus forced to stop", "一名乘客抢夺方向盘，公交车被迫在路边停驶。", CircCoerced, false},
		{"confessed: what the agency did not know", "询问中当事人主动交代了另一批过期面包的去向，该批面包执法人员此前尚未掌握。", CircConfessed, true},
		{"confessed: told of its own accord", "当事人主动说明其上月还销售过同一批次产品，此情况执法机关并未掌握。", CircConfessed, true},
		{"self-removed: pumped back", "发现后企业连夜将排入河道的废水抽回调节池处理。", CircSelfRemovedHarm, true},
		{"self-removed: hired a crew", "该公司自行雇人清理了河滩上的废渣。", CircSelfRemovedHarm, true},
		{"self-removed: stolen goods handed back", "民警查获时，赵某已将偷拿的手机退还失主。", CircSelfRemovedHarm, false},
		{"self-removed: returned in a theft line", "2026-05-02 某超市 孔某盗窃奶粉两罐 价值三百元 已退还", CircSelfRemovedHarm, false},
		{"no harm: harm named between", "经核查，该行为未造成河道淤塞等危害后果。", CircNoHarm, true},
		{"no harm: not serious is not none", "经核查，该行为未造成严重危害后果。", CircNoHarm, false},
		{"no harm: no overcharge found", "执法人员核对收银记录，未发现多收消费者价款。", CircNoHarm, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := Extract(tc.in)
			checkSpans(t, tc.in, x)
			if got := x.Flag(tc.circ); got != tc.want {
				t.Errorf("Flag(%s) = %v; want %v (circumstances %+v)", tc.circ, got, tc.want, x.Circumstances)
			}
		})
	}
}

// TestMentalState checks the phrasings of 行政处罚法 第三十一条.
func TestMentalState(t *testing.T) {
	tests := []struct{ in, want string }{
		{"经鉴定，当事人系精神病人，作案时不能辨认或者不能控制自己行为。", "unable"},
		{"经司法鉴定，李某为智力残疾人，实施行为时不能控制自己行为。", "unable"},
		{"当事人系间歇性精神病人，实施违法行为时精神正常时。", "lucid"},
		{"经鉴定，当事人尚未完全丧失辨认或者控制自己行为的能力。", "partial"},
		{"经鉴定，当事人并非不能辨认或者不能控制自己行为。", ""},
		{"当事人张某在商场盗窃。", ""},
	}
	for _, tc := range tests {
		if got := Extract(tc.in).MentalState; got != tc.want {
			t.Errorf("MentalState(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

// TestAgeFromBirth checks that an age is computed from a birth date and the
// act date, whole years counted as 周岁.
func TestAgeFromBirth(t *testing.T) {
	tests := []struct {
		in   string
		want float64 // -1: no age
	}{
		{"2025年3月2日，王某（男，2012年5月出生）在小区内燃放烟花引燃杂物。", 12},
		{"李某，出生于2009年3月12日。2025年3月11日，李某在网吧滋事。", 15},
		{"李某，出生于2009年3月12日。2025年3月12日，李某在网吧滋事。", 16},
		{"张某，身份证号码：110101200805120034。2024年6月1日14时许，张某在超市盗窃商品。", 16},
		{"张某，2006年3月出生，于2025年4月在路边摆摊。", 19},
		{"张某2012年5月出生。", -1}, // no act date
		{"2025年5月检查发现该厂招用未满十六周岁的童工2名：田某（15周岁）在车间折盒；罗某（15周岁）负责打包。", -1}, // the workers' ages
		{"2025年3月2日，刘某在公园殴打一名8岁儿童。", -1},                               // the victim's age
		{"家长举报：其女儿（2010年4月出生）自2025年7月起在某某电子作坊做工。", -1},                 // the child worker's birth
		{"村民举报作坊里有个男孩在干活。经调查，该男孩2011年2月出生，于2025年8月起在作坊缝包。", -1},        // the boy's birth, not the owner's
		{"2025年9月，某某餐馆使用一名女孩（2010年6月出生）洗碗两个月。", -1},
		{"售卖者刘某某，2011年9月出生，系在校学生，2025年4月1日在路边摆摊。", 13}, // the party is the pupil
		// a hired worker's age and the party's belief about it (acc10noise)
		{"2025年6月3日检查某面馆，老板辩称误认为该名帮厨已满16周岁，未核对身份证。", -1},
		{"2025年6月3日检查某汽修店，学徒工小周检查时未满十六周岁。", -1},
	}
	for _, tc := range tests {
		x := Extract(tc.in)
		checkSpans(t, tc.in, x)
		switch {
		case tc.want < 0 && x.Age != nil:
			t.Errorf("%q: age %v; want none", tc.in, *x.Age)
		case tc.want >= 0 && (x.Age == nil || *x.Age != tc.want):
			t.Errorf("%q: age %v; want %v (dates %+v)", tc.in, x.Age, tc.want, x.Dates)
		}
	}
}

// TestOtherAges checks that a birth date written of someone else than the
// party (the one struck, the other side of a quarrel, a hired worker, the
// complainant's parent) gives that person's age on the act's day and never
// the party's, by the phrasing families officers use.
func TestOtherAges(t *testing.T) {
	tests := []struct {
		in    string
		other []float64
		party float64 // -1: no party age
	}{
		{"2026年4月7日，董某与卖菜的老人吴某某（1954年11月出生）发生争执，打了其两拳。", []float64{71}, -1},
		{"2026年3月2日，家长邢某打了学生朱某某（2013年7月出生）两耳光。", []float64{12}, -1},
		{"报警人称：2024年9月9日，其父亲陆某（1962年10月出生）在公园被蒋某推倒。", []float64{61}, -1},
		{"2025年8月13日检查发现，后厨洗碗工李某某系2010年12月出生，该店自6月起招用。", []float64{14}, -1},
		{"2025年5月，某厂招用陈某（2010年3月出生）在车间做工。", []float64{15}, -1},
		{"2025年9月9日检查，当事人招用王某某（2010年9月出生）、赵某某（2011年1月出生）二人打包。", []float64{15, 14}, -1},
		{"2025年3月2日，刘某在公园殴打一名8岁儿童。", nil, -1},
		// the party's own birth date stays the party's
		{"经查，2024年12月5日，违法行为人施某某（1952年6月出生）用拐杖击打韦某肩部。", nil, 72},
		{"2026年2月21日，顾客甘某某（2010年11月出生）在饰品店内窃取项链一条。", nil, 15},
	}
	for _, tc := range tests {
		x := Extract(tc.in)
		checkSpans(t, tc.in, x)
		if !slices.Equal(x.OtherAges, tc.other) {
			t.Errorf("%q: other ages %v; want %v", tc.in, x.OtherAges, tc.other)
		}
		switch {
		case tc.party < 0 && x.Age != nil:
			t.Errorf("%q: party age %v; want none", tc.in, *x.Age)
		case tc.party >= 0 && (x.Age == nil || *x.Age != tc.party):
			t.Errorf("%q: party age %v; want %v", tc.in, x.Age, tc.party)
		}
	}
}

// TestDatePhrasings checks 时许, dates to the month, dates without a year and
// ranges.
func TestDatePhrasings(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []wantDate
	}{
		{"time of day", "2024年5月3日14时许，执法人员检查发现当事人销售过期食品。",
			[]wantDate{{"2024年5月3日", "2024-05-03", DateDiscovery}}},
		{"yearless after a dated mention", "2024年5月3日，执法人员检查发现，当事人于5月1日起销售过期牛奶。",
			[]wantDate{{"2024年5月3日", "2024-05-03", DateDiscovery}, {"5月1日", "2024-05-01", DateAct}}},
		{"yearless before a decision", "当事人于11月3日销售过期食品，2024年1月5日执法人员检查发现。",
			[]wantDate{{"11月3日", "2023-11-03", DateAct}, {"2024年1月5日", "2024-01-05", DateDiscovery}}},
		{"range to the month", "当事人自2023年3月起至同年8月生产销售不合格产品。",
			[]wantDate{{"2023年3月", "2023-03-01", DateAct}, {"同年8月", "2023-08-31", DateActEnd}}},
		{"range with days", "当事人自2023年3月5日至2023年6月1日期间销售。",
			[]wantDate{{"2023年3月5日", "2023-03-05", DateAct}, {"2023年6月1日", "2023-06-01", DateActEnd}}},
		{"yearless alone is unknown", "当事人于5月3日销售过期食品。", []wantDate{}},
		{"yearless month ending a period", "该批产品已于2022年9月至10月全部售出。",
			[]wantDate{{"2022年9月", "2022-09-01", DateAct}, {"10月", "2022-10-31", DateActEnd}}},
		{"act date inferred before the discovery", "税务机关于2025年6月9日检查时发现，该公司在2019年5月办理汇算清缴时虚列成本。",
			[]wantDate{{"2025年6月9日", "2025-06-09", DateDiscovery}, {"2019年5月", "2019-05-01", DateAct}}},
		{"an earlier penalty is not the act", "2025年3月12日执法人员检查发现当事人销售过期牛奶。该店2022年5月曾因未明码标价被罚款五百元。",
			[]wantDate{{"2025年3月12日", "2025-03-12", DateDiscovery}, {"2022年5月", "2022-05-01", ""}}},
		{"report to the police", "2025年3月10日，郑某到派出所报案称，2024年8月2日晚其被冯某打伤。",
			[]wantDate{{"2025年3月10日", "2025-03-10", DateDiscovery}, {"2024年8月2日", "2024-08-02", DateAct}}},
		{"months are no date", "当事人拖欠3个月工资。", []wantDate{}},
		{"a month's last third", "该项目未经审批即于2026年8月下旬开工建设。",
			[]wantDate{{"2026年8月下旬", "2026-08-21", DateAct}}},
		{"a range by thirds of months", "当事人自2024年3月中旬起至同年5月上旬生产。",
			[]wantDate{{"2024年3月中旬", "2024-03-11", DateAct}, {"同年5月上旬", "2024-05-10", DateActEnd}}},
		{"a range ending in a yearless middle third", "当事人自2024年3月上旬起至同年5月中旬生产。",
			[]wantDate{{"2024年3月上旬", "2024-03-01", DateAct}, {"同年5月中旬", "2024-05-20", DateActEnd}}},
		{"a range ending in a last third of February", "当事人自2026年1月上旬起至2026年2月下旬生产。",
			[]wantDate{{"2026年1月上旬", "2026-01-01", DateAct}, {"2026年2月下旬", "2026-02-28", DateActEnd}}},
		{"a range ending in a yearless last third", "当事人自2024年3月上旬起至同年4月下旬生产。",
			[]wantDate{{"2024年3月上旬", "2024-03-01", DateAct}, {"同年4月下旬", "2024-04-30", DateActEnd}}},
		{"a complaint reported (反映)", "2026年8月2日，某小区物业反映业主钱某将生活垃圾丢弃在楼道外公共绿地。",
			[]wantDate{{"2026年8月2日", "2026-08-02", DateDiscovery}}},
		{"a call from the public (来电)", "2026年10月3日，社区居民来电称楼下有人焚烧废旧轮胎。",
			[]wantDate{{"2026年10月3日", "2026-10-03", DateDiscovery}}},
		// A register line's fields are phrases of their own: a date reported
		// after 称 is the act's, words that deny a discovery (未报警, 无人报警,
		// 未被发现) make none, and an earlier penalty told with 被 is neither
		// (issue 12, acc14circ).
		{"reported act after 称", "2025年10月8日 事主邓某到派出所报警 称2025年2月14日在菜场被人扒走钱包 当时未报警",
			[]wantDate{{"2025年10月8日", "2025-10-08", DateDiscovery}, {"2025年2月14日", "2025-02-14", DateAct}}},
		{"act in a field of its own", "2025-11-20 城西派出所 翻看旧录像发现 2025年3月9日 马某在商场拿走一把雨伞 此前无人报警 一直未被发现",
			[]wantDate{{"2025-11-20", "2025-11-20", DateDiscovery}, {"2025年3月9日", "2025-03-09", DateAct}}},
		{"an earlier detention is not the act", "2026年9月1日，民警在公园当场查获偷拿游客背包的汤某。汤某曾于2025年12月因扒窃被处以行政拘留三日。",
			[]wantDate{{"2026年9月1日", "2026-09-01", DateDiscovery}, {"2025年12月", "2025-12-01", ""}}},
		{"a register line still dated by its words", "2025-06-03 开发区 某某模具厂 立案 无证排放废气",
			[]wantDate{{"2025-06-03", "2025-06-03", DateDiscovery}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := Extract(tc.in)
			checkSpans(t, tc.in, x)
			if len(x.Dates) != len(tc.want) {
				t.Fatalf("dates = %+v; want %+v", x.Dates, tc.want)
			}
			for i, w := range tc.want {
				d := x.Dates[i]
				if got := tc.in[d.Start:d.End]; got != w.text || d.Value != w.value || d.Role != w.role {
					t.Errorf("date %d = {%q %q %q}; want %+v", i, got, d.Value, d.Role, w)
				}
			}
		})
	}
}

// TestAmountPhrasings checks amounts as published decisions write them.
func TestAmountPhrasings(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []wantAmount
	}{
		{"大写", "没收违法所得伍万贰仟壹佰贰拾元。", []wantAmount{{"伍万贰仟壹佰贰拾元", RoleIllegalGains, 52120, false}}},
		{"大写 整", "处罚款人民币壹万元整。", []wantAmount{{"壹万元", RoleFine, 10000, false}}},
		{"yen sign", "违法所得¥21700.00。", []wantAmount{{"21700.00", RoleIllegalGains, 21700, false}}},
		{"full-width yen", "货值金额￥5,000，违法所得￥800。", []wantAmount{{"5,000", RoleGoodsValue, 5000, false}, {"800", RoleIllegalGains, 800, false}}},
		{"yen with 万", "违法经营额￥4.23万。", []wantAmount{{"4.23万", RoleIllegalRevenue, 42300, false}}},
		{"decimal 万元", "违法经营额4.23万元。", []wantAmount{{"4.23万元", RoleIllegalRevenue, 42300, false}}},
		{"大写 with 小写 in brackets", "处罚款人民币伍万元整（¥50,000.00）。", []wantAmount{{"伍万元", RoleFine, 50000, false}}},
		{"大写 then 小写", "罚款人民币（大写）壹万贰仟元，（小写）12000元。", []wantAmount{{"壹万贰仟元", RoleFine, 12000, false}}},
		{"two equal items are two", "货值金额分别为500元，500元。", []wantAmount{{"500元", RoleGoodsValue, 500, false}, {"500元", RoleGoodsValue, 500, false}}},
		{"案值", "案值共计12,600元。", []wantAmount{{"12,600元", RoleGoodsValue, 12600, true}}},
		{"货值 without 金额", "上述商品货值3800元。", []wantAmount{{"3800元", RoleGoodsValue, 3800, false}}},
		{"人民币 and separators", "违法经营额为人民币1,234,567.89元。", []wantAmount{{"1,234,567.89元", RoleIllegalRevenue, 1234567.89, false}}},
		{"余 after 万", "现场查获赌资五万余元。", []wantAmount{{"五万余元", "", 50000, false}}},
		{"多 before 元", "违法所得三千多元。", []wantAmount{{"三千多元", RoleIllegalGains, 3000, false}}},
		// Tobacco turnover phrasings (烟草专卖法实施条例 第五十七条, 刑事案件解释 第四条).
		{"违法经营总额", "无证销售卷烟，违法经营总额8400元。", []wantAmount{{"8400元", RoleIllegalRevenue, 8400, false}}},
		{"非法经营数额", "经认定，非法经营数额为六万二千元。", []wantAmount{{"六万二千元", RoleIllegalRevenue, 62000, false}}},
		{"卷烟价值", "非法经营的卷烟价值共计人民币捌万陆仟元。", []wantAmount{{"捌万陆仟元", RoleIllegalRevenue, 86000, true}}},
		{"经营总额 with 万", "其经营总额约3.1万元。", []wantAmount{{"3.1万元", RoleIllegalRevenue, 31000, false}}},
		// The goods named between 经营 and 总额/数额, and a sum after a sales
		// verb with no role phrase: the amounts prosecution thresholds count.
		{"经营卷烟总额", "当事人违法经营卷烟总额为人民币陆万捌仟元。", []wantAmount{{"陆万捌仟元", RoleIllegalRevenue, 68000, false}}},
		{"经营卷烟的总额", "经核算，当事人违法经营卷烟的总额为4.2万元。", []wantAmount{{"4.2万元", RoleIllegalRevenue, 42000, false}}},
		{"非法经营香烟数额", "其非法经营香烟数额达九万元。", []wantAmount{{"九万元", RoleIllegalRevenue, 90000, false}}},
		{"已销售…计", "经核查台账，当事人已销售掺假芝麻油计4.6万元。", []wantAmount{{"4.6万元", RoleSalesAmount, 46000, false}}},
		{"售出…共计", "共售出上述插座共计1.8万元。", []wantAmount{{"1.8万元", RoleSalesAmount, 18000, true}}},
		{"sales verb, a price", "以每瓶30元的价格销售。", []wantAmount{{"30元", "", 30, false}}},
		{"sales verb, no sum", "销售所得6000元用于还债。", []wantAmount{{"6000元", "", 6000, false}}},
		{"案值 of cigarettes", "查获卷烟156条 案值5.6万元。", []wantAmount{{"5.6万元", RoleIllegalRevenue, 56000, false}}},
		{"案值 of other goods", "查获假冒洗发水200瓶，案值1.2万元。", []wantAmount{{"1.2万元", RoleGoodsValue, 12000, false}}},
		{"purchase sum is no sale", "购进上述卷烟共计3万元。", []wantAmount{{"3万元", "", 30000, true}}},
		// Bases of fines beyond the catalog's money roles.
		{"总投资额", "经核实，项目总投资额为4500万元。", []wantAmount{{"4500万元", RoleTotalInvestment, 45000000, false}}},
		{"投资总额", "该扩建项目投资总额人民币贰佰万元。", []wantAmount{{"贰佰万元", RoleTotalInvestment, 2000000, false}}},
		{"工程造价", "经鉴定，该违法建筑工程造价为32万元。", []wantAmount{{"32万元", RoleProjectCost, 320000, false}}},
		// 交强险 premium (道路交通安全法 第九十八条) and 工程合同价款 (建设工程质量管理条例).
		{"应缴纳的保险费", "依照规定投保最低责任限额应缴纳的保险费为人民币玖佰伍拾元。", []wantAmount{{"玖佰伍拾元", RoleFeeDue, 950, false}}},
		{"应缴保险费", "交强险脱保，应缴保险费2800元。", []wantAmount{{"2800元", RoleFeeDue, 2800, false}}},
		{"养老保险费 is not the premium", "欠缴职工养老保险费8.6万元。", []wantAmount{{"8.6万元", "", 86000, false}}},
		{"工程合同价款", "该工程合同价款为人民币捌佰万元。", []wantAmount{{"捌佰万元", RoleContractPrice, 8000000, false}}},
		{"施工合同价款", "该项目施工合同价款1200万元。", []wantAmount{{"1200万元", RoleContractPrice, 12000000, false}}},
		{"所需处置费用", "经评估，清理上述危险废物所需处置费用为12万元。", []wantAmount{{"12万元", RoleDisposalCost, 120000, false}}},
		{"处置…所需费用", "经评估，清理处置上述危险废物所需费用为人民币15万元。", []wantAmount{{"15万元", RoleDisposalCost, 150000, false}}},
		// 广告费用 as officers write it: what was paid to make and show the ad.
		{"ad fees named by kind", "当事人为发布上述广告支付设计制作费及灯箱租赁费共计壹万贰仟元。", []wantAmount{{"壹万贰仟元", RoleAdCost, 12000, true}}},
		{"ad fee in the sentence", "该广告未经审查，药店支付的屏幕制作费二千八百元。", []wantAmount{{"二千八百元", RoleAdCost, 2800, false}}},
		{"ad named by its carrier", "经查，传单由该学校制作发放，印制费用一千五百元。", []wantAmount{{"一千五百元", RoleAdCost, 1500, false}}},
		{"poster's making fee", "该海报系当事人自行设计制作，制作费用八百元。", []wantAmount{{"八百元", RoleAdCost, 800, false}}},
		// round acc5market2: carriers officers name (易拉宝, 电子屏) and the
		// fee for promoting the ad
		{"roll-up banner's fee", "门口的易拉宝系店员制作，制作费三百元。", []wantAmount{{"三百元", RoleAdCost, 300, false}}},
		{"screen's fee", "该电子屏画面由当事人委托他人设计，设计费六百元。", []wantAmount{{"六百元", RoleAdCost, 600, false}}},
		{"promotion fee alone", "当事人为此支付推广费用¥2,400.00。", []wantAmount{{"2,400.00", RoleAdCost, 2400, false}}},
		// the tax an order to pay names
		{"tax an order names", "某公司应纳增值税4.5万元，经责令限期缴纳逾期仍未缴纳。", []wantAmount{{"4.5万元", RoleTax, 45000, false}}},
		{"leaflet's printing fee with total and currency", "当事人支付宣传单页印制费用共计人民币叁仟元。", []wantAmount{{"叁仟元", RoleAdCost, 3000, false}}},
		{"a fee with no ad is no ad fee", "当事人收取服务费用八百元。", []wantAmount{{"八百元", "", 800, false}}},
		{"fee without an ad", "当事人支付场地租赁费3000元。", []wantAmount{{"3000元", "", 3000, false}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := Extract(tc.in)
			checkSpans(t, tc.in, x)
			if len(x.Amounts) != len(tc.want) {
				t.Fatalf("amounts = %+v; want %+v", x.Amounts, tc.want)
			}
			for i, w := range tc.want {
				a := x.Amounts[i]
				if got := tc.in[a.Start:a.End]; got != w.text || a.Role != w.role || a.Value != w.value || a.Total != w.total {
					t.Errorf("amount %d = {%q %q %v %v}; want %+v", i, got, a.Role, a.Value, a.Total, w)
				}
			}
		})
	}
}

// TestBaseTotals: the total read for a fine's base is the figure the text
// states, never a limit of it (a statute's bracket quoted or restated, the
// fine's range, 按……计算), never the fine imposed, never a part counted
// twice (其中), and a 货值金额 of goods in stock is marked as such even when
// 库存 opens the phrase before it. Each family is phrased more than one way.
func TestBaseTotals(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want map[string]float64
	}{
		{"statute's bracket quoted after the figure", "货值金额3200元。依据食品安全法第一百二十四条“货值金额不足一万元的，并处五万元以上十万元以下罚款”的规定。", map[string]float64{RoleGoodsValue: 3200}},
		{"bracket restated by the officer", "货值金额3200元，不足一万元，应处五万元以上十万元以下罚款。", map[string]float64{RoleGoodsValue: 3200}},
		{"bound only", "经核查货值金额不足一万元。", map[string]float64{}},
		{"bound with 在……以下", "货值金额在一万元以下。", map[string]float64{}},
		{"bound with 超过", "违法所得1.8万元，超过1万元。", map[string]float64{RoleIllegalGains: 18000}},
		{"bound with 人民币", "违法经营额未超过人民币五万元，为3.2万元。", map[string]float64{RoleIllegalRevenue: 32000}},
		{"statute's fiction 按……计算", "所需处置费用不足二十万元的，按二十万元计算，本案所需处置费用8万元。", map[string]float64{RoleDisposalCost: 80000}},
		{"fine imposed as the object of 处", "货值金额1.5万元，决定并处15万元罚款。", map[string]float64{RoleGoodsValue: 15000, RoleFine: 150000}},
		{"fine imposed with 的罚款", "违法所得4300元，处二万元的罚款。", map[string]float64{RoleIllegalGains: 4300, RoleFine: 20000}},
		{"a part after 其中", "项目总投资为1,280万元，其中环保投资45万元。", map[string]float64{RoleTotalInvestment: 12800000}},
		{"a part returned", "违法所得12000元，其中已退还3000元。", map[string]float64{RoleIllegalGains: 12000}},
		{"items without 其中 still add up", "已售出部分货值8000元，尚未售出的库存货值2000元。", map[string]float64{RoleGoodsValue: 10000}},
		{"库存 in the phrase before", "已销售150袋，销售金额人民币壹万零伍佰元，库存50袋，货值金额叁仟伍佰元。", map[string]float64{RoleGoodsValue: 3500, RoleSalesAmount: 10500}},
		{"Arabic figure with 千", "货值金额约为3千元。", map[string]float64{RoleGoodsValue: 3000}},
		{"Arabic figure with 千, yen sign elsewhere", "缴纳保证金2万元，货值金额8千元。", map[string]float64{RoleGoodsValue: 8000}},
		{"大写 with 角", "货值金额人民币叁万陆仟肆佰伍拾元伍角。", map[string]float64{RoleGoodsValue: 36450.5}},
		{"角 and 分", "违法所得12元3角5分。", map[string]float64{RoleIllegalGains: 12.35}},
		{"零 before 角, restated with ¥", "少缴税款人民币贰万叁仟零伍拾元零陆角（¥23,050.60）。", map[string]float64{RoleTax: 23050.6}},
		{"零 before 分", "违法所得人民币捌佰元零伍分。", map[string]float64{RoleIllegalGains: 800.05}},
		{"合计 two runes before the role phrase", "少缴增值税1.2万元，少缴个人所得税3000元，两项合计少缴税款15000元。", map[string]float64{RoleTax: 15000}},
		{"a 共计 of another clause is no total", "检查了仓库共计3处，少缴税款8000元。", map[string]float64{RoleTax: 8000}},
		{"nothing left, in everyday words", "共卖出3.5万元的水管，仓库里已经没有存货。", map[string]float64{RoleSalesAmount: 35000, RoleGoodsValue: 35000}},
		{"卖了 in speech", "老板说这批货卖了7800元。", map[string]float64{RoleSalesAmount: 7800, RoleGoodsValue: 7800}},
		{"sold out, said first", "该批灯具都卖完了，销售额6200元。", map[string]float64{RoleSalesAmount: 6200, RoleGoodsValue: 6200}},
		{"分别 after 元 is no cents", "货值金额5000元，分别存放于两处仓库。", map[string]float64{RoleGoodsValue: 5000}},
		// A seat's fare and the one count of passengers on board are the run's
		// takings (acc12transport), unless earlier takings are said to be open.
		{"a seat fare and the passengers on board", "面包车在乡卫生院门口揽客，每座35元，车上坐了3名乘客。", map[string]float64{RoleIllegalGains: 105}},
		{"a spoken seat fare in 块", "司机与乘客讲好每个人三十块，查获时车内有5名旅客。", map[string]float64{RoleIllegalGains: 150}},
		{"officers counted beside the passengers", "轿车拉客去火车站，每位50元，车上2人，另有两名执法人员在场。", map[string]float64{RoleIllegalGains: 100}},
		{"heads counted with 个", "三轮车在集市口拉人去镇上，每人五元，车上挤了4个人。", map[string]float64{RoleIllegalGains: 20}},
		{"earlier takings still open", "私家车站外拉客，每位乘客20元，车上载客4人，此前营运收入尚在核实。", map[string]float64{}},
		{"fares of unlicensed transport", "张某无道路运输经营许可，为他人运输建材，共收取运费人民币8000元。", map[string]float64{RoleIllegalGains: 8000}},
		{"fares per head and in all", "每人收取车费30元，共载客12人，收取车费360元。", map[string]float64{RoleIllegalGains: 360}},
		{"spoken yuan with 钱 and the money after it", "他们几个反映老板欠了九万六千块钱工资没给。", map[string]float64{RoleWages: 96000}},
		{"spoken yuan after the role", "工人称公司克扣工资共6500块，至今未补发。", map[string]float64{RoleWages: 6500}},
		{"块 as a measure word is no money", "仓库里堆放着两千块砖和三块钢板，违法所得1200元。", map[string]float64{RoleIllegalGains: 1200}},
		{"fare per vehicle load times the loads", "王某驾驶货车非法营运，每车收取运费600元，合计运输25车。", map[string]float64{RoleIllegalGains: 15000}},
		{"fare per order times the orders", "当事人通过微信群接单拉客，每单收取车费12元，总计接单300单。", map[string]float64{RoleIllegalGains: 3600}},
		{"fares stated in all beside the trips", "每趟收取车费200元，共计收取车费3000元，共跑了15趟。", map[string]float64{RoleIllegalGains: 3000}},
		{"a fare with no count", "每趟收取车费200元。", map[string]float64{RoleIllegalGains: 200}},
		// The trips of a period with 先后 or 前后, and a rent named with its sum (issue 12, acc10transport).
		{"fare per load, loads with 先后", "每车运费700元，先后拉了15车。", map[string]float64{RoleIllegalGains: 10500}},
		{"fare per trip, trips with 前后", "每趟收取运费450元，前后运输20趟。", map[string]float64{RoleIllegalGains: 9000}},
		{"rent named with its sum", "村委会将该地块出租给他人建仓库，三年租金合计36万元。", map[string]float64{RoleIllegalGains: 360000}},
		{"营运收入", "当事人无证经营网约车，获取营运收入1200元。", map[string]float64{RoleIllegalGains: 1200}},
		{"车资", "乘客每人付车资二十五元，当日共收车资四百元。", map[string]float64{RoleIllegalGains: 400}},
		{"拼车费 in a register line", "私家车跑城乡拼车 累计拼车费1500元 无营运证", map[string]float64{RoleIllegalGains: 1500}},
		{"载客收入", "据其交代，两个月来载客收入共计六千二百元。", map[string]float64{RoleIllegalGains: 6200}},
		{"收取费用 as the driver's own account", "车主供述其为他人接送学生，每月收取费用2400元。", map[string]float64{RoleIllegalGains: 2400}},
		{"fares yield to the gains named", "共计收取运费人民币壹万捌仟元，扣除油费后违法所得壹万贰仟元。", map[string]float64{RoleIllegalGains: 12000}},
		{"waste removal cost is no gain", "当事人为节省清运费用3万元，擅自倾倒生活垃圾。", map[string]float64{}},
		{"a rate alone still counts", "违法所得每月3000元。", map[string]float64{RoleIllegalGains: 3000}},
		{"digits with units between", "货值金额1万2千元，违法所得3万5千元。", map[string]float64{RoleGoodsValue: 12000, RoleIllegalGains: 35000}},
		{"余 before 万", "工程造价约为人民币50余万元；总投资2000多万元。", map[string]float64{RoleProjectCost: 500000, RoleTotalInvestment: 2e7}},
		// A base stated as none is 0 (the statute's bracket for none); a
		// base the text is silent on, or quotes from the statute, is absent.
		{"没有违法所得", "当事人没有违法所得。", map[string]float64{RoleIllegalGains: 0}},
		{"未因此取得违法所得", "当事人作为经营者侵害了消费者人格尊严，未因此取得违法所得。", map[string]float64{RoleIllegalGains: 0}},
		{"尚未形成销售获利", "囤积期间尚未形成销售获利。", map[string]float64{RoleIllegalGains: 0}},
		{"违法所得无法计算", "经查，违法所得无法计算。", map[string]float64{RoleIllegalGains: 0}},
		{"无法认定 before the base, an owner between", "经调查，现有证据无法认定李某的违法所得。", map[string]float64{RoleIllegalGains: 0}},
		{"无法查清 far from the base states nothing about it", "无法查清其进货来源，经营者张某此前多次销售同类商品取得违法所得。", map[string]float64{}},
		{"没有违法经营额", "当事人尚未销售，没有违法经营额。", map[string]float64{RoleIllegalRevenue: 0, RoleIllegalGains: 0}},
		{"ad cost undocumented", "其发布费用结算单据无法提供。当事人发布上述广告。", map[string]float64{RoleAdCost: 0}},
		{"ad cost vouchers not provided", "当事人通过地铁广告宣称疗效，不能提供本次广告费用凭证。", map[string]float64{RoleAdCost: 0}},
		{"尚未盈利", "该店开业不久，尚未盈利。", map[string]float64{RoleIllegalGains: 0}},
		{"nothing sold yet", "活动刚开始，尚未售出，执法人员即到场。", map[string]float64{RoleIllegalGains: 0}},
		{"no fee taken", "当事人为亲戚运送货物，未收取任何费用。", map[string]float64{RoleIllegalGains: 0}},
		{"stock not yet sold is no statement", "尚未售出的库存货值2000元。", map[string]float64{RoleGoodsValue: 2000}},
		{"statute quoted: 没有违法所得的", "依据规定，没有违法所得的，处5万元以上50万元以下的罚款。", map[string]float64{}},
		{"statute quoted: 没有违法所得或者", "没有违法所得或者违法所得不足1万元的，处3000元以上1万元以下的罚款。", map[string]float64{}},
		{"an open question", "正在核查有无违法所得。", map[string]float64{}},
		{"not provided is not none", "当事人未提供违法所得计算依据。", map[string]float64{}},
		{"silent", "当事人无证从事普通货运经营，情节严重。", map[string]float64{}},
		{"a figure wins", "当事人违法所得3000元，无其他违法所得。", map[string]float64{RoleIllegalGains: 3000}},
		// Fares named otherwise (运输费用, 票款) are the gains too; fares stated
		// unknowable (收费情况无法查清) are the bracket for none.
		{"运输费用 as the fares", "无证为多家商户配送货物，共收取运输费用人民币9600元。", map[string]float64{RoleIllegalGains: 9600}},
		{"票款 as the fares", "私自售票载客，收取票款共计2150元。", map[string]float64{RoleIllegalGains: 2150}},
		{"fares unknowable", "王某驾驶私家车招揽乘客往返县城，收费情况无法查明。", map[string]float64{RoleIllegalGains: 0}},
		{"fares unknowable, 运费", "该车为他人运送建材，运费无法查清。", map[string]float64{RoleIllegalGains: 0}},
		{"fares pending is not none", "该车为他人运送建材，运费尚在核查。", map[string]float64{}},
		// 耕地开垦费 and 土地复垦费, the base of 土地管理法实施条例 第五十一、五十二、五十五、五十六条.
		{"耕地开垦费", "经测算，毁坏耕地对应的耕地开垦费为人民币6.5万元。", map[string]float64{RoleReclamationFee: 65000}},
		{"土地复垦费", "临时用地未复垦，应缴纳的土地复垦费为十二万元。", map[string]float64{RoleReclamationFee: 120000}},
		// Rent received from an unlawful lease and a repair shop's charge are
		// the gains; a rent the party pays is none.
		{"收取的租金", "村委会将集体土地租给企业建厂房，三年来收取的租金共计18万元。", map[string]float64{RoleIllegalGains: 180000}},
		{"租金收入", "当事人擅自将承包地改作停车场出租，租金收入3.6万元。", map[string]float64{RoleIllegalGains: 36000}},
		{"rent paid is no gains", "该店每月租金8000元，店内假冒商品货值3万元。", map[string]float64{RoleGoodsValue: 30000}},
		{"收取修理费", "修理厂给客户换装翻新配件，收取修理费2600元。", map[string]float64{RoleIllegalGains: 2600}},
		// A person's 上一年年收入, the base of 安全生产法 第九十五条 (issue 12, acc6safety).
		{"上年度收入", "经核实，该总经理上年度收入共计四十二万元。", map[string]float64{RoleAnnualIncome: 420000}},
		{"年薪", "厂长王某2024年年薪为¥360,000.00。", map[string]float64{RoleAnnualIncome: 360000}},
		// Another role's amount in the base's clause is not added to it
		// (issue 12, acc9range): a demolition cost, a late fee, a
		// compensation, a medical bill, a deposit.
		{"拆除费用 beside the 造价", "该违法建设工程造价为12.4万元，拆除费用约3万元。", map[string]float64{RoleProjectCost: 124000}},
		{"滞纳金 beside the arrears", "欠缴社会保险费6.8万元，另加收滞纳金3400元。", map[string]float64{RoleSocialInsuranceFee: 68000}},
		{"赔偿 beside the 货值", "涉案货值金额4500元，已赔偿消费者1000元。", map[string]float64{RoleGoodsValue: 4500}},
		{"医药费 beside the gains", "违法所得2000元，当事人赔付对方医药费800元。", map[string]float64{RoleIllegalGains: 2000}},
		{"环保投资 inside the 总投资", "总投资额2600万元 环保投资120万元", map[string]float64{RoleTotalInvestment: 26000000}},
		{"人工费 paid beside the 造价", "经核定违建工程造价9.5万元，当事人另付给施工队人工费2.2万元。", map[string]float64{RoleProjectCost: 95000}},
		// Goods given only as a count and a unit price: the count times the
		// price is the 货值金额 and the 违法经营额 (issue 12, acc9range).
		{"count named as the whole", "库房内清点出该批纸尿裤共计64包，每包零售价89元。", map[string]float64{RoleGoodsValue: 5696, RoleIllegalRevenue: 5696}},
		{"count first, price after", "查扣假冒机油40桶，店主称每桶按260元卖出。", map[string]float64{RoleGoodsValue: 10400, RoleIllegalRevenue: 10400}},
		{"a share and one beside it", "货架上剩余12瓶，另有30瓶已卖给顾客，每瓶标价128元。", map[string]float64{RoleGoodsValue: 5376, RoleIllegalRevenue: 5376}},
		{"a share left out when the whole is named", "购进电热毯50条，其中已售出20条，每条售价150元。", map[string]float64{RoleGoodsValue: 7500, RoleIllegalRevenue: 7500}},
		{"the value stated wins", "购进电热毯50条，每条售价150元，货值金额共计7000元。", map[string]float64{RoleGoodsValue: 7000}},
		// A fare per head is no goods price: the gains are the fares of all the passengers.
		{"a price per head is no goods", "每人收取车费30元，共载客12人。", map[string]float64{RoleIllegalGains: 360}},
		// An amount that names its own kind is no base when the base is not
		// stated (issue 12, acc11brackets): an earlier case's 罚没款, the
		// capital, a year's turnover, what the party pays to run; the sale
		// before it does not make it a 销售金额.
		{"an earlier case's 罚没 after the 货值 cue", "销售劣质化肥 货值尚未核清 前年因超范围经营被罚没1.5万元", map[string]float64{}},
		{"a fine told in speech", "货值还没算出来，老板说去年还被罚了五千块。", map[string]float64{}},
		{"罚没款 in a sentence of its own", "涉案货值正在统计。该经营户曾因无证经营被罚没款八千五百元。", map[string]float64{}},
		{"registered capital after the gains cue", "违法所得正在核实，当事人系注册资金200万元的有限公司。", map[string]float64{}},
		{"a year's turnover", "多收的费用尚未统计，该店全年营业额约三百万元。", map[string]float64{}},
		{"a yearly takings in speech", "收了多少车费不清楚，司机说一年流水也就五六万元。", map[string]float64{}},
		{"a management fee the driver pays", "载客收入无法核实，该车每月向车队交管理费800元。", map[string]float64{}},
		{"the base stated beside the capital", "货值金额3000元，注册资本50万元。", map[string]float64{RoleGoodsValue: 3000}},
		{"the price of the car beside the fares", "收取运费共计2600元，该货车车款12万元系贷款购买。", map[string]float64{RoleIllegalGains: 2600}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := Extract(tc.in)
			checkSpans(t, tc.in, x)
			got := map[string]float64{}
			for _, tot := range x.Totals {
				got[tot.Role] = tot.Value
			}
			if len(got) != len(tc.want) {
				t.Fatalf("totals = %v; want %v (amounts %+v)", got, tc.want, x.Amounts)
			}
			for r, v := range tc.want {
				if got[r] != v {
					t.Errorf("total %s = %v; want %v (amounts %+v)", r, got[r], v, x.Amounts)
				}
			}
		})
	}
	// The goods in stock are marked so that rules adds the goods sold.
	x := Extract("已销售150袋，销售金额人民币壹万零伍佰元，库存50袋，货值金额叁仟伍佰元。")
	for _, a := range x.Amounts {
		if a.Role == RoleGoodsValue && !a.Unsold {
			t.Errorf("货值金额 after 库存50袋 not marked unsold: %+v", a)
		}
	}
}

// TestHectares reads an area in 公顷 as 亩 (1公顷 = 15亩), the unit the land
// fines and thresholds are read in (issue 12, acc9range).
func TestHectares(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want float64
	}{
		{"擅自占用集体未利用地0.45公顷堆放建材", 6.75},
		{"非法占地一点二公顷", 18},
		{"占用林地2公顷", 30},
	} {
		x := Extract(tc.in)
		checkSpans(t, tc.in, x)
		if len(x.Quantities) != 1 || x.Quantities[0].Unit != "亩" || math.Abs(x.Quantities[0].Value-tc.want) > 1e-9 {
			t.Errorf("Extract(%q).Quantities = %+v; want %v 亩", tc.in, x.Quantities, tc.want)
		}
	}
}
