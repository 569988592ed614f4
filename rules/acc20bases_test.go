package rules

import (
	"slices"
	"strings"
	"testing"

	"github.com/cailiang/cailiang/nlp"
)

// TestFineTextPreambleTwentieth: 消费者权益保护法 第五十六条 fines 法律、法规未作
// 规定的 — the article's reach beside other laws, settled by citing it — so
// the multiple of 违法所得 is the main fine, not one under a condition, and
// the provision's brackets are both: 没有违法所得 and the multiple from zero.
func TestFineTextPreambleTwentieth(t *testing.T) {
	text := "经营者有下列情形之一，除承担相应的民事责任外，其他有关法律、法规对处罚机关和处罚方式有规定的，依照法律、法规的规定执行；法律、法规未作规定的，由工商行政管理部门或者其他有关行政部门责令改正，可以根据情节单处或者并处警告、没收违法所得、处以违法所得一倍以上十倍以下的罚款，没有违法所得的，处以五十万元以下的罚款；情节严重的，责令停业整顿、吊销营业执照"
	tiers, err := ParseFineText(text)
	if err != nil {
		t.Fatal(err)
	}
	var multiple, none bool
	for _, tt := range tiers {
		if tt.Multiple != nil && tt.Base == "illegal_gains" {
			multiple = true
			if tt.When != "" {
				t.Errorf("the multiple has condition %q", tt.When)
			}
		}
		none = none || tt.None && tt.Range != nil && tt.Range.Max == 500000
	}
	if !multiple || !none {
		t.Fatalf("tiers %+v: want the multiple and the bracket for none", tiers)
	}
	fine, _, ok := provisionEngineFine(tiers)
	if !ok || len(fine.Brackets) != 2 {
		t.Fatalf("engine fine %+v: want two brackets", fine)
	}
	var haveMultiple bool
	for _, b := range fine.Brackets {
		haveMultiple = haveMultiple || b.Multiple != nil && b.Multiple.Min == 1 && b.Multiple.Max == 10
	}
	if !haveMultiple {
		t.Errorf("brackets %+v: the multiple is missing", fine.Brackets)
	}
	// A condition of one fine among others stays (拒不改正的).
	tiers, err = ParseFineText("违反本法规定的，责令改正；拒不改正的，处一万元以上五万元以下的罚款")
	if err != nil || len(tiers) != 1 || tiers[0].When != "拒不改正的" {
		t.Errorf("拒不改正的 lost: %+v %v", tiers, err)
	}
}

// TestGainsNotZeroedTwentieth: fares collected become 违法所得; a part still
// unpaid (其余运费尚未收取) or a nil stated elsewhere never replaces them
// with an explicit zero (review fix20b, finding 1).
func TestGainsNotZeroedTwentieth(t *testing.T) {
	for _, tt := range []struct {
		text string
		want float64
	}{
		{"驾驶员未取得道路运输经营许可从事货物运输，已收取运费3万元，其余运费尚未收取。", 30000},
		{"本趟运费已收取500元，另一笔运费还没收。", 500},
		{"当事人无证从事货运，收取运费8000元，剩余运费尚未收取，未收取任何其他费用。", 8000},
	} {
		x := FactsOf(nlp.Extract(tt.text))
		if x.Facts.IllegalGains == nil || *x.Facts.IllegalGains != tt.want {
			t.Errorf("%s: 违法所得 %v, want %v", tt.text, x.Facts.IllegalGains, tt.want)
		}
	}
}

// TestSeriousTierBracketsTwentieth: the 情节严重 tier of 道路运输条例 第六十三条
// is listed for each of its conditions, not dropped as a repeat of its own
// other bracket of the same amount (review fix20b, finding 10).
func TestSeriousTierBracketsTwentieth(t *testing.T) {
	c := mustCatalog(t)
	s, err := c.Suggest("transport-63-unlicensed-freight", Facts{})
	if err != nil {
		t.Fatal(err)
	}
	var serious, basic []string
	for _, b := range s.Conditional {
		if b.Range != nil && b.Range.FineMin == 10000 && b.Range.FineMax == 50000 && strings.HasPrefix(b.When, "情节严重") {
			serious = append(serious, b.When)
		} else {
			basic = append(basic, b.When)
		}
	}
	for _, want := range []string{"没有违法所得", "不足"} {
		if !slices.ContainsFunc(serious, func(w string) bool { return strings.Contains(w, want) }) {
			t.Errorf("no 情节严重 1万–5万 bracket for %s among %q (others %q)", want, serious, basic)
		}
	}
}
