package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/rules"
)

// TestFitsByMeasureWithWords: a benchmark whose only distinguishing element
// is a figure read from the facts (血液中乙醇含量185.6mg/100mL for 醉酒驾驶)
// is brought into the decision when it also shares words with them, however
// far down the word ranking it is. It fell out of the pool once a catalog
// benchmark that shares 造成 and 含量 with a drunk-driving report was added
// (eco-1170-hw-leak). A figure alone with no shared word brings nothing in.
func TestFitsByMeasureWithWords(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	const text = "经查，当事人酒后驾驶小型轿车行驶至某大道时撞上道路中央隔离护栏，未造成人员伤亡。经提取血样检验，其血液中乙醇含量为185.6mg/100mL。"
	doc := -1
	for i, b := range a.match.benchmarks {
		if b.ID == "traffic-91-drunk-driving" {
			doc = i
		}
	}
	if doc < 0 {
		t.Fatal("traffic-91-drunk-driving not in the catalog")
	}
	q := a.match.newQuery(text)
	x := rules.ExtractFacts(text).Extraction
	facts := &factValues{norm: q.norm, text: text, x: x, measures: measures(q.norm, text, x)}
	d := &a.match.decider
	for _, tt := range []struct {
		words, want bool
	}{{true, true}, {false, false}} {
		scan := d.index.ScanPooled(q.norm)
		live := d.live(scan)
		if got := d.fits(doc, scan, live, facts, tt.words); got != tt.want {
			t.Errorf("fits with shared words %v = %v, want %v", tt.words, got, tt.want)
		}
		scan.Release()
	}
	// Below 80 the figure does not show 醉酒: no fit, words or not.
	low := "经查，当事人酒后驾驶小型轿车，经提取血样检验，其血液中乙醇含量为45mg/100mL。"
	q = a.match.newQuery(low)
	x = rules.ExtractFacts(low).Extraction
	facts = &factValues{norm: q.norm, text: low, x: x, measures: measures(q.norm, low, x)}
	scan := d.index.ScanPooled(q.norm)
	defer scan.Release()
	if d.fits(doc, scan, d.live(scan), facts, true) {
		t.Error("45mg/100mL fits 醉酒驾驶")
	}
}
