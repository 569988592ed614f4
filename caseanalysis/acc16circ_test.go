package caseanalysis

import (
	"strings"
	"testing"

	"github.com/cailiang/cailiang/legal"
)

// TestSixteenthRoundCircumstanceBases: the elements behind the sixteenth
// round's basis misses, in other words than its rows: a sale forced with
// 强卖 / 不买…不让离开, a crane leased out (出租给, the lessor is no user), the
// accounts named by kind (总账、明细账 not set up), 不进行纳税申报 that is
// no late return, hazardous chemicals named by their class (有机过氧化物,
// 氧化剂, 甲类仓库), and sludge named by its metal (含镍污泥) as hazardous
// waste.
func TestSixteenthRoundCircumstanceBases(t *testing.T) {
	a := newProvisionAnalyzer(t)
	tests := []struct{ name, day, facts, want, not, why string }{
		{"a sale forced", "2026-05-02", "2026年5月2日15时许，游客报警称在古镇入口被一男子强卖一包“祈福香”，对方称不买就不让离开，最后被迫付了八十元。", "police25-54-forced-trade", "", "治安管理处罚法第五十四条：强卖"},
		{"a crane leased out", "2025-09-30", "经查，当事人某设备租赁部将一台未经检验的塔式起重机出租给某建筑工地，租期六个月。", "se-82-selling-uninspected", "se-84-unsafe-equipment-use", "排除第八十四条第一款第（一）项：事实涉及销售而不是使用"},
		{"accounts named by kind", "2025-09-30", "税务人员检查发现，某某五金店未按规定设置明细账，购销发票和记账凭证散乱堆放，部分凭证缺失。", "tax-60-books", "", "明细账"},
		{"never filed, not late", "2025-09-30", "经查，个体户某某汽修店自2024年开业以来一直未申报，应纳税款尚在核定。", "tax-64-non-filing", "tax-62-late-filing", "一直未申报"},
		{"chemicals by class", "2026-04-09", "2026年4月9日，应急管理局检查某化工仓储公司，甲类仓库内有机过氧化物与氧化剂同库混存。", "hazchem-80-storage-quantity", "", "过氧化物"},
		{"sludge by its metal", "2026-11-10", "经查，当事人某表面处理厂于2026年10月将含镍污泥约二吨卖给无危险废物经营许可证的个人。", "eco-1175-hw-unlicensed", "", "含镍"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeFirstOn(t, a, tt.facts, tt.day, tt.want)
			// The element read from the new words, whatever else ranks it
			// (the test's rune segmenter ranks some of these right anyway).
			if why := res.Violations[0].Why; !strings.Contains(why, tt.why) {
				t.Errorf("%s matched without %s: %s", tt.want, tt.why, why)
			}
			for _, v := range res.Violations[1:] {
				if tt.not != "" && v.BenchmarkID == tt.not && (v.Score >= res.Violations[0].Score || !strings.Contains(v.Why, "排除") && !strings.Contains(v.Why, "未提及")) {
					t.Errorf("%s kept beside %s: %s", tt.not, tt.want, v.Why)
				}
			}
		})
	}
}

// TestSixteenthRoundDispositions: 行政处罚法 第三十一、三十二、三十三、三十六条
// and 治安管理处罚法 第二十五条 in other words than the rows': 初犯 with a
// consequence not produced and work redone; the first violation corrected
// within the order's deadline; incapacity told with 无法; deceit told with
// 系受…诱骗; oil stopped and recovered of the party's own accord; an injury
// by its kind keeping a 特种设备 violation within five years; a caller's
// account with the thing told before the date (six months); a register
// field with an act in unknown words (税收征收管理法 五年).
func TestSixteenthRoundDispositions(t *testing.T) {
	a := newProvisionAnalyzer(t)
	tests := []struct {
		name, day, facts, want string
		disp                   legal.Disposition
	}{
		{"初犯, nothing produced, redone", "2026-04-10", "2026年4月2日，消防救援机构抽查某消防技术服务公司的维保工作，发现其未按照行业标准对火灾报警控制器进行功能测试。该公司系初犯，当天已补做了测试，未产生任何不良后果。", "fire-69-substandard-service", legal.DispositionNone},
		{"first, corrected within the deadline", "2025-11-20", "经查，某某便利店未按照规定保管记账凭证，部分凭证缺失。该店属首次违反，在本局责令限期改正的期限内已按要求补齐凭证，危害后果轻微。", "tax-60-books", legal.DispositionNone},
		{"incapacity told with 无法", "2026-10-20", "2026年10月3日，执法人员在居民区发现有人焚烧废旧塑料，焚烧者包某经鉴定患有精神障碍，焚烧时无法辨认自己的行为。", "eco-1131-toxic-burning-individual", legal.DispositionNone},
		{"deceived, told with 系受", "2025-09-01", "经查，当事人某物业公司擅自改动小区市政排水管道。当事人系受施工队负责人谎称已办妥审批手续诱骗，才组织施工。", "drainage-57-alter-facilities", legal.DispositionLighterOrMitigated},
		{"leak stopped and recovered", "2026-11-20", "经查，2026年11月2日当事人某修理厂柴油储罐破裂，约0.5吨柴油流入厂旁小河，河面出现大片油膜。当事人立即关闭阀门、封堵排水口，并主动雇请专业队伍回收河面浮油。", "eco-1136-oil-acid", legal.DispositionLighterOrMitigated},
		{"six months, the thing told before the date", "2026-10-08", "2026-10-08 受案登记：事主鲁某称其停在楼下的轿车于2026年3月下旬被邻居用钥匙划伤车漆 当时未报警 邻居承认", "police25-59-damage", legal.DispositionExpired},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeFirstOn(t, a, tt.facts, tt.day, tt.want)
			if s := res.Violations[0].Suggestion; s == nil || s.Disposition != tt.disp {
				var got legal.Disposition
				if s != nil {
					got = s.Disposition
				}
				t.Errorf("disposition %q, want %q", got, tt.disp)
			}
		})
	}
}
