package caseanalysis

import (
	"context"
	"testing"

	"github.com/cailiang/cailiang/rules"
)

// TestPhoneAppNotDrivingTwentySeventh: 驾驶…手机 no longer spans clauses
// from 驾驶人 to a phone that takes fares (通过手机平台接单: the regenerated
// vote had put 道路交通安全法 第九十条 over 道路运输条例 第六十三条 on
// TestTransportTwelfthPhrasings' 网约车 row, which fails without this); a
// phone held or worked while driving still shows 第九十条, and a ride-hail
// car taking fares on an app stays 第六十三条.
func TestPhoneAppNotDrivingTwentySeventh(t *testing.T) {
	checkPhrasings(t, newProvisionAnalyzer(t), []phrasingRow{
		{"fares taken through an app", "该面包车未取得网约车运输证，驾驶人也无网约车驾驶员证，每天在手机平台上抢单拉客。", "transport-63-unlicensed-passenger", "traffic-90-moving-violation"},
		{"a phone worked at the wheel", "民警在解放路发现一辆小型轿车驾驶人在驾驶过程中低头操作手机，行驶缓慢，当场予以拦停。", "traffic-90-moving-violation", ""},
		{"a phone held while driving", "驾驶人孙某驾驶小型客车行驶时右手拿着手机通话，被执勤民警拦下。", "traffic-90-moving-violation", ""},
	})
}

// TestForeseenDeathTwentySeventh: a death told as the risk an inspection
// found (一旦…可能导致人员死亡, 极易致人死亡) counts no death, so no
// accident crime is likely; a death that happened (致一名工人死亡) still
// counts.
func TestForeseenDeathTwentySeventh(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct {
		name, facts string
		deaths      float64
	}{
		{"a risk named at an inspection", "检查发现该厂污水池清淤作业前未进行气体检测，作业人员未佩戴呼吸器，一旦发生硫化氢中毒，极有可能导致人员死亡。", 0},
		{"a hazard told as it could kill", "配电房电缆裸露，存在重大事故隐患，极易致人死亡。", 0},
		{"a death that happened", "某建筑公司施工现场发生一起高处坠落事故，致一名工人死亡。", 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res, err := a.Analyze(context.Background(), Request{Facts: tt.facts, Violations: 3, DecisionDate: snapshotDay})
			if err != nil {
				t.Fatal(err)
			}
			got := 0.0
			for _, c := range res.Transfer.Crossed {
				if c.Measure == rules.MeasureDeaths {
					got = c.Value
				}
			}
			if got != tt.deaths {
				t.Errorf("deaths crossed %v, want %v (transfer %+v)", got, tt.deaths, res.Transfer)
			}
		})
	}
}

// TestOwnMarkNoCounterfeitTwentySeventh: a mark the party never registered
// passed off as registered (商标法 第五十二条, ® on a bottle's label) uses no
// one's registered mark, so 假冒注册商标罪 is not likely whatever the
// turnover; another's registered mark stuck on the party's goods still is.
func TestOwnMarkNoCounterfeitTwentySeventh(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct {
		name, facts string
		likely      bool
	}{
		{"® on its own mark's label", "经查，当事人在其灌装的黄酒瓶贴上印注“®”标记，该“古越春”商标从未申请注册，违法经营额12万元。", false},
		{"an unregistered mark called registered", "当事人在自产茶叶礼盒的标贴上标明“注册商标”字样，经查询该商标未经核准注册，共销售礼盒900盒，违法经营额9.8万元。", false},
		{"another's mark stuck on", "当事人未经“某某”商标注册人许可，在其生产的白酒瓶身上贴上“某某”商标，违法经营额8.6万元。", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res, err := a.Analyze(context.Background(), Request{Facts: tt.facts, Violations: 3, DecisionDate: snapshotDay})
			if err != nil {
				t.Fatal(err)
			}
			if got := res.Transfer.Risk == "likely" && res.Transfer.Crime == "假冒注册商标罪"; got != tt.likely {
				t.Errorf("transfer %s %s, want likely 假冒注册商标罪 %v", res.Transfer.Risk, res.Transfer.Crime, tt.likely)
			}
		})
	}
}

// TestPoisonedWorkerNotMeatTwentySeventh: 毒死 inside 中毒死亡 is a person's
// death in a poisoning at work (食品安全法 第一百二十三条's 毒死 animals are
// not in it); an animal that died of poison and was sold is still that
// article's.
func TestPoisonedWorkerNotMeatTwentySeventh(t *testing.T) {
	checkPhrasings(t, newProvisionAnalyzer(t), []phrasingRow{
		{"a worker poisoned in a tank", "某印染厂安排两名员工进入废水调节池清理污泥，未进行通风和气体检测，致一人硫化氢中毒死亡。", "", "food-123-dead-animal-meat"},
		{"poisoned sheep sold", "当事人收购邻村中毒死亡的羊3只，宰杀后在集市上出售羊肉。", "food-123-dead-animal-meat", ""},
	})
}
