package rules

import (
	"slices"
	"testing"

	"github.com/cailiang/cailiang/legal"
)

// TestPricedBySeventeenth: an article that names 罚款 without its amount is
// linked to the regulation article that sets it, from the built-in table
// (建筑法 → 建设工程质量管理条例) and from the regulation's own words
// (依照《土地管理法》第七十六条的规定处以罚款的); an article with no counterpart
// (建筑法 第六十八条, bribery) and a priced article have no link.
func TestPricedBySeventeenth(t *testing.T) {
	ps, err := LoadBuiltinProvisions(nil)
	if err != nil {
		t.Fatal(err)
	}
	links := PricedBy(ps)
	q := func(a, p, i int) legal.Ref {
		return legal.Ref{Law: "建设工程质量管理条例", Article: a, Paragraph: p, Item: i}
	}
	tests := []struct {
		from legal.Ref
		want []legal.Ref
	}{
		{legal.Ref{Law: "建筑法", Article: 65, Paragraph: 1}, []legal.Ref{q(54, 0, 0), q(55, 0, 0)}},
		{legal.Ref{Law: "建筑法", Article: 65, Paragraph: 2}, []legal.Ref{q(60, 1, 0)}},
		{legal.Ref{Law: "建筑法", Article: 75}, []legal.Ref{q(66, 0, 0)}},
		{legal.Ref{Law: "土地管理法", Article: 75}, []legal.Ref{{Law: "土地管理法实施条例", Article: 55}}},
		{legal.Ref{Law: "土地管理法", Article: 76}, []legal.Ref{{Law: "土地管理法实施条例", Article: 56, Paragraph: 1}}},
		{legal.Ref{Law: "建筑法", Article: 68, Paragraph: 1}, nil},
		{q(54, 0, 0), nil},
	}
	for _, tt := range tests {
		got := slices.Clone(links[tt.from])
		slices.SortFunc(got, func(a, b legal.Ref) int {
			return a.Article*100 + a.Paragraph*10 + a.Item - (b.Article*100 + b.Paragraph*10 + b.Item)
		})
		if !slices.Equal(got, tt.want) {
			t.Errorf("PricedBy[%v] = %v, want %v", tt.from, got, tt.want)
		}
	}
}
