package rules

import (
	"testing"

	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/nlp"
)

func TestSearch(t *testing.T) {
	c := mustCatalog(t)
	seg := nlp.RuneSegmenter{}
	tests := []struct {
		q, sector, want string
	}{
		{"销售过期食品", "", "food-124-expired"},
		{"无证经营食品", "市场监管", "food-122-unlicensed"},
	}
	for _, tt := range tests {
		hits := c.Search(tt.q, seg, legal.Sector(tt.sector), 5)
		if len(hits) == 0 || hits[0].Benchmark.ID != tt.want {
			var got []string
			for _, h := range hits {
				got = append(got, h.Benchmark.ID)
			}
			t.Errorf("Search(%q) = %v; want %s first", tt.q, got, tt.want)
		}
	}
	if hits := c.Search("", seg, "不存在的领域", 0); len(hits) != 0 {
		t.Errorf("unknown sector returned %d", len(hits))
	}
	if hits := c.Search("", seg, "", 0); len(hits) != c.Len() {
		t.Errorf("empty query listed %d of %d", len(hits), c.Len())
	}
}
