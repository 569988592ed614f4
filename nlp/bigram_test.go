package nlp

import (
	"slices"
	"testing"
)

func bigramTexts(s string, class BigramClass) []string {
	var out []string
	for i, j := range Bigrams(s, class) {
		out = append(out, s[i:j])
	}
	return out
}

func TestBigrams(t *testing.T) {
	tests := []struct {
		in    string
		class BigramClass
		want  []string
	}{
		{"", HanPairs, nil},
		{"食", HanPairs, nil},
		{"食品安全", HanPairs, []string{"食品", "品安", "安全"}},
		{"过期食品，3日A级", HanPairs, []string{"过期", "期食", "食品"}},
		{"过期食品，3日A级", WordPairs, []string{"过期", "期食", "食品", "3日", "日A", "A级"}},
		{"PM2.5超标", WordPairs, []string{"5超", "超标"}},
		{"PM2.5超标", HanPairs, []string{"超标"}},
		{"罚款 五万", HanPairs, []string{"罚款", "五万"}},
		{"罚款\xff五万", WordPairs, []string{"罚款", "五万"}},
		{"𠮷野家", HanPairs, []string{"𠮷野", "野家"}},
	}
	for _, tt := range tests {
		if got := bigramTexts(tt.in, tt.class); !slices.Equal(got, tt.want) {
			t.Errorf("Bigrams(%q, %d) = %q; want %q", tt.in, tt.class, got, tt.want)
		}
	}
}

// Breaking out of the loop stops the scan.
func TestBigramsStop(t *testing.T) {
	n := 0
	for range Bigrams("一二三四五", HanPairs) {
		n++
		if n == 2 {
			break
		}
	}
	if n != 2 {
		t.Errorf("got %d pairs after break at 2", n)
	}
}

func TestBigramsAllocatesNothing(t *testing.T) {
	s := "当事人销售超过保质期的食品，货值金额8000元，A级风险。"
	n := 0
	if a := testing.AllocsPerRun(100, func() {
		for i, j := range Bigrams(s, WordPairs) {
			n += j - i
		}
	}); a != 0 {
		t.Errorf("Bigrams allocates %v times per scan; want 0", a)
	}
}
