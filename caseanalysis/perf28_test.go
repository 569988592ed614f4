package caseanalysis

import (
	"regexp"
	"testing"

	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/nlp/guardcheck"
)

// perf28Guarded are the transfer readers' expressions guarded by a literal
// every match holds (nlp.Guard): the twenty-seventh round's perf28 three,
// and the rewrites of the facts and the order counts debt29 guarded.
var perf28Guarded = map[string]nlp.GuardedRegexp{"official names": officialNamesRe, "liability": liabilityRe, "no liability": noLiabilityRe,
	"LEL reading": lelReadingRe, "disposal blow": disposalBlowRe, "disposal push": disposalPushRe, "armed threat": armedThreatRe,
	"named gamblers": namedGamblersRe, "order count": orderCountRe, "defiance opening": defianceOpeningRe}

// TestTransferGuardsFindAsBare checks that each guarded expression of the
// transfer readers finds, in every development-set text as written and
// normalised and in a few hostile ones, exactly what the bare expression
// finds: the guard only skips texts and stretches without a match.
func TestTransferGuardsFindAsBare(t *testing.T) {
	texts := []string{"", "责任", "，责任。", "民警", "民警，", "民警王某", "执法人员宋某、傅某和李某某赶到", "民警\xff王某", "交警张某与警察欧阳某某，", "把民警王某打伤", "将执法人员推倒", "持刀朝民警挥舞", "爆炸下限", "LEL，", "30%LEL", "组织王某、李某赌博", "两次", "次",
		"负主要责任", "甲负此次交通事故的同等责任，乙无责任、丙不负该起事故责任；丁不承担事故责任", "承担\u3000全部责任", "负次要责任\xff无责任",
		"逾期后复查，仍未整改", "期满后该店仍分文未付", "至今", "复查时上述隐患依旧存在", "复查时已整改完毕", "经回访\xff仍未消除"}
	for _, text := range devsetTexts(t) {
		texts = append(texts, text, nlp.NormalizeText(text))
	}
	hits := map[string]int{}
	for _, s := range texts {
		for name, g := range perf28Guarded {
			for _, m := range guardcheck.MismatchesBare(g, g.Regexp, s) {
				t.Errorf("%s in %q, %s", name, s, m)
			}
			hits[name] += len(g.Regexp.FindAllStringIndex(s, -1))
		}
	}
	for name := range perf28Guarded {
		if hits[name] == 0 {
			t.Errorf("%s: no text matches it, the comparison says nothing", name)
		}
	}
}

// BenchmarkTransferGuards runs each guarded transfer expression over every
// normalised development-set text, bare (as before perf28) and guarded, in
// the same run; and the two readers that use them, whole.
func BenchmarkTransferGuards(b *testing.B) {
	texts := devsetTexts(b)
	for i, t := range texts {
		texts[i] = nlp.NormalizeText(t)
	}
	for _, name := range []string{"official names", "liability", "no liability"} {
		g := perf28Guarded[name]
		bare := regexp.MustCompile(g.String())
		b.Run(name+"/bare", func(b *testing.B) {
			for b.Loop() {
				for _, t := range texts {
					bare.FindAllStringSubmatchIndex(t, -1)
				}
			}
		})
		b.Run(name+"/guarded", func(b *testing.B) {
			for b.Loop() {
				for _, t := range texts {
					g.FindAllStringSubmatchIndex(t, -1)
				}
			}
		})
	}
	b.Run("withRoleNames", func(b *testing.B) {
		for b.Loop() {
			for _, t := range texts {
				withRoleNames(t)
			}
		}
	})
	b.Run("liabilityShares", func(b *testing.B) {
		for b.Loop() {
			for _, t := range texts {
				liabilityShares(t)
			}
		}
	})
}
