package rules

import (
	"testing"

	"github.com/cailiang/cailiang/nlp"
)

// TestNominatedTwentyThird checks the reading's per-crime answer
// (TransferText.nominated: Find asked only of the crimes an opening of the
// text points to, once per text) against Find over each crime's whole
// list, for texts made of the catalog's own cues: each cue alone, negated,
// inside a longer word, and beside another crime's cue. Asked twice, as
// the two assessments of an analysis ask, the answer must not change; a
// crime whose opening the index misses (nominators left empty, or Read
// stopping early) answers "not found" where Find finds its cue outside the
// crime's not_within words.
func TestNominatedTwentyThird(t *testing.T) {
	c, err := LoadCrimes()
	if err != nil {
		t.Fatal(err)
	}
	if len(c.nominators) == 0 {
		t.Fatal("no nominators indexed")
	}
	var texts []string
	for i, cr := range c.list {
		other := c.list[(i+7)%len(c.list)]
		for j, q := range cr.nominating {
			w := q.Text()
			texts = append(texts,
				"经查，当事人"+w+"。",
				"经查，当事人未"+w+"，无其他情形。",
				"当事人称其"+w+"系误传。",
			)
			if len(other.nominating) > 0 {
				texts = append(texts, "现场发现"+w+"，另查明"+other.nominating[j%len(other.nominating)].Text()+"。")
			}
		}
	}
	texts = append(texts, "", "经查，当事人在店内销售过期食品。", "张某驾驶小型汽车，血液酒精含量为120mg/100ml。")
	found := 0
	for _, text := range texts {
		rd := c.Read(text)
		norm := nlp.NormalizeText(text)
		for pass := range 2 {
			for _, cr := range c.list {
				// Outside the crime's not_within words, as nominated asks
				// (假冒注册商标 inside 假冒注册商标的商品 nominates no maker).
				want, wok := c.openings.Scan(norm).FindOutside(cr.nominating, cr.notWithin)
				got, ok := rd.nominated(cr)
				if got != want || ok != wok {
					t.Fatalf("pass %d, %s in %q: nominated = %q, %v; Find = %q, %v", pass, cr.ID, text, got, ok, want, wok)
				}
				if ok && pass == 0 {
					found++
				}
			}
		}
	}
	if found < len(c.list) {
		t.Errorf("only %d nominations found over %d texts: the texts do not exercise the crimes", found, len(texts))
	}
}
