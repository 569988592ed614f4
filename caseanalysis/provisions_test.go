package caseanalysis

import (
	"context"
	"testing"

	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// newProvisionAnalyzer is an Analyzer with the catalog and the built-in
// provision entries, no cases and no statutes: enough to match provisions.
func newProvisionAnalyzer(t testing.TB) *Analyzer {
	t.Helper()
	cat, err := rules.LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	ps, err := rules.LoadBuiltinProvisions(cat)
	if err != nil {
		t.Fatal(err)
	}
	a, err := New(Config{Catalog: cat, Segmenter: nlp.RuneSegmenter{}, Provisions: ps})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestAnalyzeProvisions(t *testing.T) {
	a := newProvisionAnalyzer(t)
	tests := []struct {
		name  string
		facts string
		want  legal.Ref
		// fine is the first fine's range when it needs no base (nil: a base).
		fine *rules.Span
		// establish is the fact the first fine needs ("" when none).
		establish string
	}{
		{"special equipment used uninspected", "某物业公司使用未经定期检验的电梯，检验不合格的特种设备继续投入使用。",
			legal.Ref{Law: "特种设备安全法", Article: 84, Item: 1}, &rules.Span{Min: 30000, Max: 300000}, ""},
		{"overloaded truck on a highway", "某运输公司车辆超限运输，车货总质量超过公路限载标准，擅自在公路上行驶。",
			legal.Ref{Law: "公路安全保护条例", Article: 64}, &rules.Span{Max: 30000}, ""},
		// 噪声污染防治法 第七十七条 now has benchmarks (noise.yaml); 第七十四条 has none.
		{"new noisy factory in a residential area", "某企业在噪声敏感建筑物集中区域新建排放噪声的工业企业，已经投入生产。",
			legal.Ref{Law: "噪声污染防治法", Article: 74, Paragraph: 1}, &rules.Span{Min: 100000, Max: 500000}, ""},
		{"minors in a dance hall, gains unknown", "某歌舞娱乐场所接纳未成年人进入消费。",
			legal.Ref{Law: "娱乐场所管理条例", Article: 48, Item: 3}, nil, "需查明违法所得"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := a.Analyze(context.Background(), Request{Facts: tt.facts})
			if err != nil {
				t.Fatal(err)
			}
			var got *ProvisionMatch
			for i := range res.Provisions {
				if res.Provisions[i].Ref == tt.want {
					got = &res.Provisions[i]
				}
			}
			if got == nil {
				t.Fatalf("%v not among the provisions %+v", tt.want, res.Provisions)
			}
			if got.Kind != rules.ProvisionLabel || got.Version == "" || len(got.Fines) == 0 {
				t.Errorf("got %+v", got)
			}
			f := got.Fines[0]
			switch {
			case tt.fine != nil && (f.Range == nil || *f.Range != *tt.fine):
				t.Errorf("fine %+v, want range %v", f, *tt.fine)
			case tt.fine == nil && f.Establish != tt.establish:
				t.Errorf("fine %+v, want establish %q", f, tt.establish)
			}
			var cited bool
			for _, n := range res.Norms {
				cited = cited || n.Ref == tt.want && n.Kind == KindPenalty
			}
			if !cited {
				t.Errorf("%v not pushed as 处罚依据", tt.want)
			}
		})
	}
}

// TestAnalyzeProvisionsRangeFromBase checks that a known base gives the
// bracket's range and marks the other bracket as not applying.
func TestAnalyzeProvisionsRangeFromBase(t *testing.T) {
	a := newProvisionAnalyzer(t)
	res, err := a.Analyze(context.Background(), Request{Facts: "某歌舞娱乐场所接纳未成年人进入消费，违法所得5000元。"})
	if err != nil {
		t.Fatal(err)
	}
	want := legal.Ref{Law: "娱乐场所管理条例", Article: 48, Item: 3}
	for _, p := range res.Provisions {
		if p.Ref != want {
			continue
		}
		// 违法所得1倍以上3倍以下; 没有违法所得或者违法所得不足1万元的: 1万元以上3万元以下.
		// The multiple applies from 1万元 up, so not to 5000 yuan.
		if len(p.Fines) != 2 || p.Fines[0].Range != nil || p.Fines[0].Applies ||
			p.Fines[1].Range == nil || *p.Fines[1].Range != (rules.Span{Min: 10000, Max: 30000}) || !p.Fines[1].Applies {
			t.Errorf("fines %+v", p.Fines)
		}
		return
	}
	t.Fatalf("%v not among %+v", want, res.Provisions)
}

// TestAnalyzeProvisionsSector checks that a sector keeps out provisions of
// laws it does not apply.
func TestAnalyzeProvisionsSector(t *testing.T) {
	a := newProvisionAnalyzer(t)
	facts := "某企业在噪声敏感建筑物集中区域夜间进行产生噪声的建筑施工作业，未取得证明。"
	for _, tt := range []struct {
		sector legal.Sector
		want   bool
	}{{"", true}, {"生态环境", true}, {"市场监管", false}} {
		res, err := a.Analyze(context.Background(), Request{Facts: facts, Sector: tt.sector})
		if err != nil {
			t.Fatal(err)
		}
		got := false
		for _, p := range res.Provisions {
			got = got || p.Law == "噪声污染防治法"
		}
		if got != tt.want {
			t.Errorf("sector %q: 噪声污染防治法 listed %v, want %v (%+v)", tt.sector, got, tt.want, res.Provisions)
		}
	}
}

// TestAnalyzeProvisionsBesideStrongBenchmark checks that provisions listed
// beside benchmarks never score below the best one: a strong benchmark
// match is not followed by loosely related provisions.
func TestAnalyzeProvisionsBesideStrongBenchmark(t *testing.T) {
	a := newProvisionAnalyzer(t)
	for _, facts := range []string{
		"某用人单位违反规定延长劳动者工作时间，涉及劳动者12人。",
		"2025年3月2日，执法人员检查发现当事人某某便利店有限公司销售超过保质期的牛奶12盒，货值金额360元。",
	} {
		res, err := a.Analyze(context.Background(), Request{Facts: facts})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Violations) == 0 {
			t.Fatalf("%q: no benchmark matched", facts)
		}
		for _, p := range res.Provisions {
			if p.Score < res.Violations[0].Score || p.Score < provisionMin {
				t.Errorf("%q: %s listed at %.3f beside %s at %.3f", facts, p.Label, p.Score, res.Violations[0].BenchmarkID, res.Violations[0].Score)
			}
		}
	}
}
