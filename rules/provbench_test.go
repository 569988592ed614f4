package rules

import (
	"strings"
	"testing"

	"github.com/cailiang/cailiang/legal"
)

// TestProvisionCatalog checks that every entry no benchmark covers becomes
// a benchmark the engine answers for with the facts empty and with a base,
// under a prov: id that names it, and that covered entries do not.
func TestProvisionCatalog(t *testing.T) {
	cat, ps := loadBuiltinBoth(t)
	pc := provisionCatalog(t, cat, ps)
	withFine := 0
	for _, p := range ps.All() {
		id := p.ID()
		b, err := pc.Get(id)
		if len(p.Benchmarks) > 0 {
			if err == nil {
				t.Errorf("%s covered by %v but in the provision catalog", id, p.Benchmarks)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", id, err)
			continue
		}
		if !IsProvisionID(b.ID) || b.PenaltyRef != p.Ref() || b.Name == "" || len(b.Factors) > 0 {
			t.Errorf("%s: %+v", id, b)
		}
		if b.Penalties[0].Fine != nil {
			withFine++
		}
		for _, f := range []Facts{{}, {IllegalGains: num(5000.0), GoodsValue: num(20000.0)}} {
			s, err := pc.Suggest(id, f)
			if err != nil {
				t.Errorf("%s: %v", id, err)
				continue
			}
			if s.Disposition == "" || s.Level == nil || len(s.Trace) == 0 {
				t.Errorf("%s: suggestion %+v", id, s)
			}
		}
	}
	// Most fines are computed; the rest state no amount the engine can use.
	if n := pc.Len(); withFine < n*9/10 {
		t.Errorf("%d of %d provision benchmarks carry a fine", withFine, n)
	}
}

// TestProvisionBenchmarkFines checks the mapping of tiers onto the engine:
// a 没有违法所得或者不足 bracket and the multiple above it, a plain range,
// a fine whose amount the statute leaves open.
func TestProvisionBenchmarkFines(t *testing.T) {
	cat, ps := loadBuiltinBoth(t)
	pc := provisionCatalog(t, cat, ps)
	tests := []struct {
		ref   legal.Ref
		facts Facts
		want  *Range
		step  string // in the 法定罚款幅度 step when want is nil
	}{
		// 娱乐场所管理条例 第四十八条第（三）项: 违法所得1倍以上3倍以下; 没有违法所得或者不足1万元: 1万元以上3万元以下.
		{legal.Ref{Law: "娱乐场所管理条例", Article: 48, Item: 3}, Facts{IllegalGains: num(5000.0)}, &Range{10000, 30000}, ""},
		{legal.Ref{Law: "娱乐场所管理条例", Article: 48, Item: 3}, Facts{IllegalGains: num(20000.0)}, &Range{20000, 60000}, ""},
		{legal.Ref{Law: "娱乐场所管理条例", Article: 48, Item: 3}, Facts{}, nil, "缺少违法所得"},
		// 噪声污染防治法 第七十四条第一款: 十万元以上五十万元以下 (第七十七条 has benchmarks now).
		{legal.Ref{Law: "噪声污染防治法", Article: 74, Paragraph: 1}, Facts{}, &Range{100000, 500000}, ""},
		// 价格违法行为行政处罚规定 第八条: 违法所得5倍以下; 没有违法所得的 2万元以上20万元以下
		// (round acc5market2: a None bracket beside an unconditioned multiple).
		{legal.Ref{Law: "价格违法行为行政处罚规定", Article: 8}, Facts{IllegalGains: num(6000.0)}, &Range{0, 30000}, ""},
		{legal.Ref{Law: "价格违法行为行政处罚规定", Article: 8}, Facts{IllegalGains: num(0.0)}, &Range{20000, 200000}, ""},
		{legal.Ref{Law: "价格违法行为行政处罚规定", Article: 8}, Facts{}, nil, "缺少违法所得"},
		// 建筑法 第六十四条: 可以处以罚款, the amount left to other rules.
		{legal.Ref{Law: "建筑法", Article: 64}, Facts{}, nil, "无法由条文直接计算"},
	}
	for _, tt := range tests {
		s, err := pc.Suggest(ProvisionID(tt.ref), tt.facts)
		if err != nil {
			t.Fatalf("%v: %v", tt.ref, err)
		}
		switch {
		case tt.want != nil && (s.Statutory == nil || *s.Statutory != *tt.want):
			t.Errorf("%v %+v: statutory %+v, want %v", tt.ref, tt.facts, s.Statutory, *tt.want)
		case tt.want == nil:
			found := false
			for _, st := range s.Trace {
				found = found || st.Step == "法定罚款幅度" && strings.Contains(st.Result, tt.step)
			}
			if s.Statutory != nil || !found {
				t.Errorf("%v: statutory %+v, trace %+v, want %q", tt.ref, s.Statutory, s.Trace, tt.step)
			}
		}
	}
}

// loadBuiltinBoth loads the built-in catalog and provision entries.
func loadBuiltinBoth(t *testing.T) (*Catalog, *Provisions) {
	t.Helper()
	cat, err := LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	ps, err := LoadBuiltinProvisions(cat)
	if err != nil {
		t.Fatal(err)
	}
	return cat, ps
}

// provisionCatalog is ProvisionCatalog failing the test on its error.
func provisionCatalog(t *testing.T, cat *Catalog, ps *Provisions) *Catalog {
	t.Helper()
	pc, err := ProvisionCatalog(cat, ps)
	if err != nil {
		t.Fatal(err)
	}
	return pc
}

// TestProvisionTierConditionError checks that a heavier tier whose
// condition does not compile fails the load, naming the entry, instead of
// leaving the entry with its basic fine for 情节严重.
func TestProvisionTierConditionError(t *testing.T) {
	cat, ps := loadBuiltinBoth(t)
	saved := seriousWhens["情节严重的"]
	seriousWhens["情节严重的"] = "no_such_fact > 1"
	defer func() { seriousWhens["情节严重的"] = saved }()
	pc, err := ProvisionCatalog(cat, ps)
	if err == nil || pc != nil {
		t.Fatalf("ProvisionCatalog with an uncompilable tier condition: %v, %v; want an error", pc, err)
	}
	if !strings.Contains(err.Error(), "heavier tier") || !strings.Contains(err.Error(), "prov:") {
		t.Errorf("error %q does not name the entry and its tier", err)
	}
}
