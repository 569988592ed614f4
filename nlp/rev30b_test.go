package nlp

import (
	"strings"
	"testing"
)

// TestReviewRev30BThirtieth checks the review's fix30b items of the
// twenty-ninth round's merge, worded apart from its probes:
//   - item 3: an observed no-harm cue (无明显油污, 未发生火情) is outweighed by
//     a harm told beside it, after 但 or anywhere undenied; it holds alone,
//     beside a denied harm or a danger, and is read once, not twice;
//   - item 5: an export rebate declared too high is no 第六十六条 base when it
//     was refused or an error corrected; one obtained by deceit stays;
//   - item 6: the earlier-penalty reader's look-backs are bounded, so its
//     steps grow with the text, not its square.
func TestReviewRev30BThirtieth(t *testing.T) {
	noHarm := func(text string) bool {
		for _, c := range Extract(text).Circumstances {
			if c.Name == CircNoHarm && !c.Negated {
				return true
			}
		}
		return false
	}
	taxBase := func(text string) bool {
		for _, a := range Extract(text).Amounts {
			if a.Role == RoleTax {
				return true
			}
		}
		return false
	}
	tests := []struct {
		name, item, text string
		want             bool
	}{
		{"foam and oil film downstream after 但", "noharm", "某汽车美容店将冲洗污水直接排入雨水井，井内无明显油污，但下游沟渠已出现成片白色泡沫和油膜。当事人系初次违法，当场停止排放。", false},
		{"dead fish downstream", "noharm", "某印染厂排放废水，排放口周边无明显油污，但经监测化学需氧量超标2倍，下游鱼塘出现死鱼。", false},
		{"a cook burnt", "noharm", "某小吃店发生液化气泄漏，后厨无明显油污，厨师1人被烧伤送医，当事人系初次违法，已当场整改。", false},
		{"a shop window broken", "noharm", "某火锅店燃气泄漏导致隔壁门店橱窗玻璃损坏，店内未安装可燃气体报警装置，现场未发生火情。", false},
		{"no fire but diners poisoned", "noharm", "某烧烤店未发生火情，但造成三名食客一氧化碳中毒。", false},
		{"damage in a clause naming 交易", "noharm", "某二手手机店在交易时将顾客手机屏幕损坏，店内电动车违规充电，现场未发生火情。", false},
		{"no fire, alone", "noharm", "检查发现该库房三具灭火器压力不足，现场未发生火情，已当场更换。", true},
		{"no oil, alone", "noharm", "执法人员打开雨水检查井查看，井内无明显油污，周边亦无异味。", true},
		{"harm denied beside it", "noharm", "某洗车点将污水排入雨水管，检查井内无明显油污，未造成人员伤亡，也未见管道损坏。", true},
		{"a danger, not a harm", "noharm", "某仓库堆放易燃物未设防火分隔，存在起火隐患，现场未发生火情。", true},
		{"但 tells another lapse", "noharm", "某餐馆排烟管道外壁无明显油污，但未按规定安装油烟净化设施。", true},
		{"refused and corrected", "rebate", "某贸易公司申报出口退税时多报出口退税8,600元，经税务机关审核系填报错误，未予退税，该公司已更正申报。", false},
		{"refused in the next sentence", "rebate", "某五金公司2025年多申报出口退税1.2万元。税务机关审核时发现后不予退税。", false},
		{"obtained by false invoices", "rebate", "某服装公司以虚开的出口发票多申报出口退税4.5万元，已全额取得退税款。", true},
		{"obtained and recovered", "rebate", "某电器公司以虚假出口合同骗取出口退税9万元，税务机关发现后已全部追回。", true},
		{"steps grow linearly", "steps", "曾因同类违法被罚款后经复议被撤销", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			switch tc.item {
			case "noharm":
				if got := noHarm(tc.text); got != tc.want {
					t.Errorf("no_harm = %v, want %v (%v)", got, tc.want, Extract(tc.text).Circumstances)
				}
				// One cue, one circumstance: no span read twice.
				seen := map[[2]int]bool{}
				for _, c := range Extract(tc.text).Circumstances {
					if k := [2]int{c.Start, c.End}; c.Name == CircNoHarm && seen[k] {
						t.Errorf("no_harm read twice at %v (%v)", k, Extract(tc.text).Circumstances)
					} else if c.Name == CircNoHarm {
						seen[k] = true
					}
				}
			case "rebate":
				if got := taxBase(tc.text); got != tc.want {
					t.Errorf("tax base read = %v, want %v (%v)", got, tc.want, Extract(tc.text).Amounts)
				}
			case "steps":
				// A unit repeated with no clause break: the old reader walked
				// back to the clause start and on to the sentence end for each
				// match. Per rune, the steps of 16,000 runes must stay within
				// twice those of 2,000 runes.
				unit := []rune(tc.text)
				per := func(n int) float64 {
					s := NormalizeText(strings.Repeat(tc.text, n/len(unit)) + "。")
					ps, steps := priorPenaltiesTold(s)
					if len(ps) == 0 {
						t.Fatalf("no earlier penalty read in %d runes", n)
					}
					return float64(steps) / float64(n)
				}
				small, large := per(2000), per(16000)
				if large > 2*small {
					t.Errorf("steps per rune: %.1f at 2000 runes, %.1f at 16000; want linear", small, large)
				}
			}
		})
	}
}

// BenchmarkPriorPenaltiesToldLong reads the earlier penalties of a long
// clause of them (the review's 16,000-rune probe).
func BenchmarkPriorPenaltiesToldLong(b *testing.B) {
	s := NormalizeText(strings.Repeat("曾因同类违法被罚款后经复议被撤销", 1000) + "。")
	b.ResetTimer()
	for range b.N {
		PriorPenaltiesTold(s)
	}
}
