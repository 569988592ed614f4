package caseanalysis

import (
	"reflect"
	"regexp"
	"testing"

	"github.com/cailiang/cailiang/nlp"
)

// perf28Guarded are the transfer readers' expressions the twenty-seventh
// round's perf28 guarded by a literal every match holds (nlp.Guard).
var perf28Guarded = map[string]nlp.GuardedRegexp{"official names": officialNamesRe, "liability": liabilityRe, "no liability": noLiabilityRe}

// TestTransferGuardsFindAsBare checks that each guarded expression of the
// transfer readers finds, in every development-set text as written and
// normalised and in a few hostile ones, exactly what the bare expression
// finds: the guard only skips texts and stretches without a match.
func TestTransferGuardsFindAsBare(t *testing.T) {
	texts := []string{"", "责任", "，责任。", "民警", "民警，", "民警王某", "执法人员宋某、傅某和李某某赶到", "民警\xff王某", "交警张某与警察欧阳某某，",
		"负主要责任", "甲负此次交通事故的同等责任，乙无责任、丙不负该起事故责任；丁不承担事故责任", "承担\u3000全部责任", "负次要责任\xff无责任"}
	for _, text := range devsetTexts(t) {
		texts = append(texts, text, nlp.NormalizeText(text))
	}
	hits := map[string]int{}
	for _, s := range texts {
		for name, g := range perf28Guarded {
			bare := regexp.MustCompile(g.String())
			if got, want := g.FindAllStringSubmatchIndex(s, -1), bare.FindAllStringSubmatchIndex(s, -1); !reflect.DeepEqual(got, want) {
				t.Errorf("%s in %q, FindAllStringSubmatchIndex: guarded %v, bare %v", name, s, got, want)
			}
			if got, want := g.FindAllStringIndex(s, -1), bare.FindAllStringIndex(s, -1); !reflect.DeepEqual(got, want) {
				t.Errorf("%s in %q, FindAllStringIndex: guarded %v, bare %v", name, s, got, want)
			}
			hits[name] += len(bare.FindAllStringIndex(s, -1))
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
