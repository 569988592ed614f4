package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/legal"
)

// TestThinSectorKinds decides the provisions the development set covered
// thinly (transport, road traffic, work safety, fire, special equipment,
// drugs), one phrasing family per row: the answer first must be the
// provision the statute applies, and the neighbour that used to take the
// facts on a shared word must not. Each row fails if its catalog element,
// exclusion or special-law order is removed.
func TestThinSectorKinds(t *testing.T) {
	a := newProvisionAnalyzer(t)
	prov := func(law string, art, para, item int) legal.Ref {
		return legal.Ref{Law: law, Article: art, Paragraph: para, Item: item}
	}
	tests := []kindRow{
		// A missing 超限 permit is not a missing road-transport licence.
		// Weighed at a 超限检测站: 公路安全保护条例 第六十四条, the special provision
		// the station's decisions apply, before 公路法 第七十六条第（五）项.
		{"over-limit permit is no transport licence", "一辆重型半挂货车在省道超限检测站称重，车货总质量超过公路限定标准，驾驶人未取得超限运输许可，车上装载钢材。",
			"highway-64-overlimit", legal.Ref{}, "transport-63-unlicensed-freight"},
		// A 超限运输车辆通行证 rented out is 第六十五条, not a road-transport permit.
		{"rented over-limit pass", "某某物流公司将本公司办理的超限运输车辆通行证出租给另一运输户的大件运输车使用，每次收取五百元。",
			"highway-65-permit-lending", legal.Ref{}, "transport-66-permit-transfer"},
		// The instigator of an overload, written as 要求…装载 and 要挟.
		{"instructed overload", "某某砂石场老板要求驾驶员将核定载质量三十吨的货车超载装运至六十余吨上路，驾驶员不同意，老板以扣发运费相要挟。",
			"highway-68-instruct-overlimit", legal.Ref{}, "traffic-92-truck-overload-30pct"},
		// Lending the car is item 2; driving without a licence is item 1.
		{"car lent to an unlicensed driver", "车主孙某明知其朋友没有驾驶证，仍将自己的轿车借给朋友驾驶回老家，途中被交警查获。",
			"traffic-99-lend-to-unlicensed", legal.Ref{}, "traffic-99-unlicensed-driving"},
		// A forged inspection mark is 第九十六条第二款, not another car's mark.
		{"forged inspection mark", "交警查获一辆小型客车，车窗上的检验合格标志系车主在网上购买的伪造标志，车辆已两年未检验。",
			"", prov("道路交通安全法", 96, 2, 0), "traffic-96-other-vehicle-plate"},
		// The element is an absence: 未取得特种作业操作证 shows it.
		{"special operator without a certificate", "某某机械厂两名焊工均未取得特种作业操作证，在车间从事焊接作业，车间主任称一直是师傅带着干。",
			"safety-97-special-operators", legal.Ref{}, ""},
		// 第九十七条 items 4 and 1 are not item 3.
		{"training records signed afterwards", "某某纸箱厂的安全生产教育和培训记录系检查前事后补签，培训情况未如实记录。",
			"", prov("安全生产法", 97, 0, 4), "safety-97-training"},
		{"no safety department", "某某化工公司从业人员二百余人，未按照规定设置安全生产管理机构，安全生产工作由办公室人员兼管，员工安全培训也无人组织。",
			"", prov("安全生产法", 97, 0, 1), "safety-97-training"},
		// 按日连续处罚 is for discharges only; a re-inspection of a boiler is 第八十三条.
		{"re-inspected boiler", "复查发现某某酒店的热水锅炉仍未进行锅炉水质处理，此前已被责令限期改正，逾期未改正。",
			"se-83-use-registration", legal.Ref{}, "env-59-daily-penalty"},
		// Selling medicines with no advertisement is no 医疗广告.
		{"unlicensed wholesale to clinics", "某某贸易公司无药品经营许可证，向多家诊所批发销售注射剂，货值金额五万元。",
			"drug-115-unlicensed", legal.Ref{}, "ad-58-medical"},
		// 擅自停开 a line is 擅自终止客运经营.
		{"line stopped without report", "某某客运公司未报告原许可机关，擅自停开某某至某某的班线客运已一个月。",
			"transport-68-passenger-route", legal.Ref{}, ""},
		// 第六十条第一款第（二）项: what was done to the facility.
		{"sprinklers switched off", "某某宾馆为防止误喷，擅自关闭了三楼客房区的自动喷水灭火系统信号阀，停用消防设施。",
			"fire-60-disabled-facilities", legal.Ref{}, ""},
		// 第六十六条.
		{"wiring against the fire standard", "某某出租屋业主私拉电线为租户电动车充电，线路敷设不符合消防技术标准，经责令限期改正，逾期不改正。",
			"fire-66-electrical-gas", legal.Ref{}, ""},
		// 消防法 第六十条第一款第（六）、（七）项 over 安全生产法 第一百零五条、第一百零二条 (安全生产法 第二条:
		// the law on 消防安全 applies where it provides otherwise).
		{"windows barred in a crowded place", "某某网吧二层外窗全部被铁栅栏和广告牌封堵，疏散通道封堵，消防救援机构检查发现。",
			"fire-60-window-obstacles", legal.Ref{}, "safety-105-exits"},
		{"fire hazard left after the notice", "消防救援机构向某某仓储公司送达通知，要求其限期清除库房内违规搭建的可燃夹层等火灾隐患；期满复查，该公司仍未消除事故隐患。",
			"fire-60-hazard-notice-ignored", legal.Ref{}, "safety-102-hidden-danger"},
		// 特种设备安全法 第八十八条, and the special law over 安全生产法.
		{"unlicensed lift maintenance", "某某机电公司未取得电梯维护保养许可，承接某写字楼6台电梯的维护保养业务。",
			"se-88-unlicensed-lift-maintenance", legal.Ref{}, "safety-99-equipment-maintenance"},
		{"lift maintenance records faked", "某某电梯维保公司未按安全技术规范要求进行电梯维护保养，维保记录造假，多次实际未到场保养。",
			"se-88-lift-maintenance-substandard", legal.Ref{}, "safety-99-equipment-maintenance"},
		{"ride kept running after a fault", "某某乐园的大型游乐设施运行时出现异常晃动，运营单位未采取措施消除事故隐患，继续载客运营。",
			"se-84-fault-continued-use", legal.Ref{}, "safety-102-hidden-danger"},
		// Officers' words for work-safety, fire, hazardous-chemical and
		// construction facts (issue 12, round acc5safety): none is a
		// development-set text.
		// 警示标识 / 警示牌 are the sign of 第九十九条第（一）项, not a product label.
		{"warning sign written 警示标识", "某某电镀厂酸洗车间的硫酸储罐上没有任何警示标识，也没有挂警示牌。",
			"safety-99-warning-signs", legal.Ref{}, "prod-54-labelling"},
		// 维保 and 没…检测 are the maintenance of 第九十九条第（三）项.
		{"safety device never serviced (维保)", "某某粉末涂料厂喷粉房的泄爆片两年没维保，也没做过检测，企业拿不出维保记录。",
			"safety-99-equipment-maintenance", legal.Ref{}, ""},
		// An alarm unplugged or wrapped is 第九十九条第（四）项, not a missing gas alarm.
		{"alarm unplugged because it went off", "某某食品厂车间主任嫌氨气泄漏报警器经常误报，让人拔掉了报警器的电源，报警系统停止工作。",
			"safety-99-monitoring-disabled", legal.Ref{}, "safety-99-gas-alarm"},
		// 危化品 is 危险化学品.
		{"no licence, written 危化品", "某某村小卖部没有危化品经营许可，私下向村民零售散装汽油。",
			"hazchem-77-unlicensed-trading", legal.Ref{}, ""},
		// A restaurant or a department store is a unit (第六十条第一款), not a person.
		{"exit blocked by a barbecue restaurant", "某某烧烤店将桌椅和啤酒箱堆放在店内唯一的安全出口处，营业期间顾客二十余人。",
			"fire-60-evacuation", legal.Ref{}, "fire-60-individual"},
		{"stairs blocked in a department store", "某某商厦二楼疏散楼梯被堆放的货物堵死，营业期间无法通行。",
			"fire-60-evacuation", legal.Ref{}, "fire-60-individual"},
		// 烟感 taken down is 停用/拆除 of a facility; the smoking named is only the reason.
		{"smoke detectors taken down", "某某快捷酒店把五楼客房的烟感全部拆了下来，说是怕住客抽烟时误报。",
			"fire-60-disabled-facilities", legal.Ref{}, "fire-63-open-flame"},
		// A hydrant fenced in by a site hoarding is 圈占, not a dust measure.
		{"hydrant fenced into a site", "某某建筑公司搭设工地围挡时把人行道上的市政消火栓围进了工地，外面无法取水。",
			"fire-60-hydrant", legal.Ref{}, "urban-115-construction-dust"},
		// Grilles welded over the windows of a crowded place.
		{"grilles over the windows of a foot spa", "某某足浴店二楼所有窗户都焊上了防盗栅栏，营业时店内有客人十余名。",
			"fire-60-window-obstacles", legal.Ref{}, ""},
		// A burning that spread and burnt someone's property is 失火.
		{"straw burning that spread", "村民钱某在地头焚烧秸秆，余火引燃了邻居家的草垛和柴房，直接损失五千元。",
			"fire-64-negligent-fire", legal.Ref{}, "air-119-open-burning"},
		// 逾期未改正 after an order: the second range of the article.
		{"training order ignored", "某某包装公司上月被责令限期对新进员工进行安全教育培训，期满复查时仍有十名员工没有任何培训记录。",
			"safety-97-training-not-corrected", legal.Ref{}, "safety-97-training"},
		{"warning signs still missing at the re-inspection", "某某化工公司因液氨罐区未设置警示标志被责令限期改正，复查时罐区仍未设置任何警示标识。",
			"safety-99-not-corrected", legal.Ref{}, "safety-99-warning-signs"},
		// Dispatched workers untrained in safety are 安全生产法, not the dispatch rules.
		{"dispatched workers untrained", "某某电子公司使用劳务派遣工三十人，未对派遣工进行岗前安全教育培训即安排上岗。",
			"safety-97-training", legal.Ref{}, "labour-92-dispatch-violation"},
		// 偷工减料 in site jargon.
		{"stirrups left out", "某某建工承建的住宅楼在施工中箍筋少放、钢筋以小代大，与设计图纸不符，工程合同价款二千万元。",
			"quality-64-cutting-corners", legal.Ref{}, ""},
		// Second batch's kinds: a clinic is a unit; a scooter at the foot of
		// the stairs blocks an escape route; a lighter lit in a gas store; 切割
		// of stone is no open flame; solvents beside a line are a storage case
		// without a dwelling; the brigade's notice named by its title.
		{"clinic blocking the stairs", "某某口腔诊所把消毒柜和纸箱堆在楼梯间疏散通道上，患者上下楼只能侧身通过。",
			"fire-60-evacuation", legal.Ref{}, "fire-60-individual"},
		{"scooters at the foot of the stairs", "住户郑某把自己的两辆电动车停在单元楼梯口，邻居上下楼只能侧身通过，劝说后仍不挪走。",
			"fire-60-individual", legal.Ref{}, "traffic-90-moving-violation"},
		{"lighter in a gas store", "某某液化气站员工在钢瓶储存间用打火机点烟，被站长发现后制止。",
			"fire-63-open-flame", legal.Ref{}, ""},
		{"stone cutters without masks", "某某石料厂切割工没有配发口罩和耳塞，车间粉尘很大，工人自己买口罩戴。",
			"safety-99-ppe", legal.Ref{}, "fire-63-open-flame"},
		{"solvents beside the presses", "某某印刷厂把二十桶异丙醇等易燃易爆化学品放在印刷机旁边，厂里没有危化品专用仓库。",
			"hazchem-80-not-in-warehouse", legal.Ref{}, "fire-61-residential-mixed"},
		{"the brigade's notice ignored", "某某支队向某某商贸公司送达责令限期改正通知书，要求清除仓库内的违规住人和私拉电线等火灾隐患，期满复查时隐患都未整改。",
			"fire-60-hazard-notice-ignored", legal.Ref{}, "safety-102-hidden-danger"},
	}
	checkKindRows(t, a, tests)
}
