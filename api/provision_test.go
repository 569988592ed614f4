package api

import (
	"fmt"
	"testing"

	"github.com/cailiang/cailiang/caseanalysis"
	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// TestSuggestProvision checks that /v1/suggest answers for the prov: id of
// a provision-level violation as /v1/analyze did, and 404s an unknown one.
func TestSuggestProvision(t *testing.T) {
	cat := testCatalog(t)
	ps, err := rules.LoadBuiltinProvisions(cat)
	if err != nil {
		t.Fatal(err)
	}
	a, err := caseanalysis.New(caseanalysis.Config{Catalog: cat, Segmenter: nlp.RuneSegmenter{}, Provisions: ps})
	if err != nil {
		t.Fatal(err)
	}
	s := New(Config{Library: testLibrary(t, nil), Catalog: cat, Analyzer: a})
	// 噪声污染防治法 第七十四条第一款: 十万元以上五十万元以下 (no benchmark covers it).
	id := rules.ProvisionID(legal.Ref{Law: "噪声污染防治法", Article: 74, Paragraph: 1})
	r := do(t, s, "POST", "/v1/suggest", "application/json", []byte(fmt.Sprintf(`{"benchmark_id":%q,"facts":{}}`, id)))
	if r.status != 200 || r.body["benchmark_id"] != id || r.body["disposition"] != string(legal.DispositionPenalty) {
		t.Fatalf("suggest %s: %d %v", id, r.status, r.body)
	}
	if stat, _ := r.body["statutory"].(map[string]any); stat["fine_min"] != 100000.0 || stat["fine_max"] != 500000.0 {
		t.Errorf("statutory %v, want 100000–500000", r.body["statutory"])
	}
	if r = do(t, s, "POST", "/v1/suggest", "application/json", []byte(`{"benchmark_id":"prov:nope-1","facts":{}}`)); r.status != 404 {
		t.Errorf("unknown provision: %d %v", r.status, r.body)
	}
}
