package jieba

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cailiang/cailiang/nlp"
)

func TestLabelSpans(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"依据第一百二十四条第一款第（五）项", []string{"第一百二十四条", "第一款", "第（五）项"}},
		{"刑法第一百三十三条之一规定", []string{"第一百三十三条之一"}},
		{"第一千一百六十五条", []string{"第一千一百六十五条"}},
		{"第124条第2款第(3)项", []string{"第124条", "第2款", "第(3)项"}},
		{"第１２条", []string{"第１２条"}},
		{"本法第十条之规定", []string{"第十条"}},
		{"第一次检查，第三人，第二章", nil},
		{"第条、第（）项、第（五项、之一", nil},
		{"第", nil},
		{"", nil},
	}
	for _, tc := range tests {
		var got []string
		for _, sp := range labelSpans(tc.text) {
			got = append(got, tc.text[sp.start:sp.end])
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("labelSpans(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// toks builds contiguous tokens from pieces of text.
func toks(pieces ...string) []nlp.Token {
	var out []nlp.Token
	pos := 0
	for _, p := range pieces {
		out = append(out, nlp.Token{Text: p, Start: pos, End: pos + len(p)})
		pos += len(p)
	}
	return out
}

func TestMergeSpansPrecise(t *testing.T) {
	tests := []struct {
		pieces []string
		want   []string
	}{
		{[]string{"依据", "第一千", "一百", "六十五", "条", "规定"}, []string{"依据", "第一千一百六十五条", "规定"}},
		// jieba glues 条 to the next character: the leftover stays a token.
		{[]string{"第十", "条规", "定"}, []string{"第十条", "规", "定"}},
		{[]string{"第一百三十三", "条", "之一", "的"}, []string{"第一百三十三条之一", "的"}},
		{[]string{"第", "（", "五", "）", "项"}, []string{"第（五）项"}},
		{[]string{"第一", "条第", "二款"}, []string{"第一条", "第二款"}},
		{[]string{"没有", "标签"}, []string{"没有", "标签"}},
	}
	for _, tc := range tests {
		text := strings.Join(tc.pieces, "")
		got := postprocess(text, toks(tc.pieces...), false)
		if w := nlp.Words(got); !reflect.DeepEqual(w, tc.want) {
			t.Errorf("postprocess(%q) = %q, want %q", tc.pieces, w, tc.want)
		}
		for _, tk := range got {
			if text[tk.Start:tk.End] != tk.Text {
				t.Errorf("%q: token %q has span [%d,%d)", text, tk.Text, tk.Start, tk.End)
			}
		}
	}
}

func TestMergeSpansSearch(t *testing.T) {
	// Search mode repeats characters: sub-words come before the word.
	text := "第一百条规定"
	in := []nlp.Token{
		{Text: "第一", Start: 0, End: 6},
		{Text: "一百", Start: 3, End: 9},
		{Text: "第一百", Start: 0, End: 9},
		{Text: "条规", Start: 9, End: 15},
		{Text: "规定", Start: 12, End: 18},
	}
	got := nlp.Words(postprocess(text, in, true))
	want := []string{"第一百条", "规", "规定"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("search postprocess = %q, want %q", got, want)
	}
}

func TestRepairLawSuffix(t *testing.T) {
	tests := []struct {
		pieces []string
		want   []string
	}{
		{[]string{"违反", "土地管理法", "规", "，"}, []string{"违反", "土地管理", "法规", "，"}},
		{[]string{"遵守", "职业病防治法", "律"}, []string{"遵守", "职业病防治", "法律"}},
		{[]string{"食品安全法", "规定"}, []string{"食品安全法", "规定"}},
		// Not one of our words: left alone.
		{[]string{"某某某法", "律"}, []string{"某某某法", "律"}},
	}
	for _, tc := range tests {
		text := strings.Join(tc.pieces, "")
		got := postprocess(text, toks(tc.pieces...), false)
		if w := nlp.Words(got); !reflect.DeepEqual(w, tc.want) {
			t.Errorf("postprocess(%q) = %q, want %q", tc.pieces, w, tc.want)
		}
		for _, tk := range got {
			if text[tk.Start:tk.End] != tk.Text {
				t.Errorf("%q: token %q has span [%d,%d)", text, tk.Text, tk.Start, tk.End)
			}
		}
	}
}

func TestAddLegalSubwords(t *testing.T) {
	in := toks("依法", "没收违法所得")
	got := addLegalSubwords(in)
	want := []string{"依法", "违法所得", "没收违法所得"}
	if w := nlp.Words(got); !reflect.DeepEqual(w, want) {
		t.Errorf("addLegalSubwords = %q, want %q", w, want)
	}
	if got[1].Start != 12 || got[1].End != 24 {
		t.Errorf("违法所得 span = [%d,%d), want [12,24)", got[1].Start, got[1].End)
	}
	plain := toks("没有", "长词")
	if out := addLegalSubwords(plain); &out[0] != &plain[0] {
		t.Error("addLegalSubwords copied tokens it did not change")
	}
}

// FuzzPostprocess feeds arbitrary text, cut into tokens of one to three
// runes as precise mode would, and checks that the result still covers the
// text exactly once with consistent spans.
func FuzzPostprocess(f *testing.F) {
	for _, s := range []string{"第十条规定", "第（五）项第(3)项", "违反土地管理法规", "第一百三十三条之一第", "第第条条之之一", "x第\xff条"} {
		f.Add(s, uint8(7))
	}
	f.Fuzz(func(t *testing.T, text string, seed uint8) {
		var in []nlp.Token
		pos, n := 0, uint(seed)
		for pos < len(text) {
			end := pos
			for k := uint(0); k <= n%3 && end < len(text); k++ {
				_, size := utf8.DecodeRuneInString(text[end:])
				end += size
			}
			n = n*31 + 7
			in = append(in, nlp.Token{Text: text[pos:end], Start: pos, End: end})
			pos = end
		}
		out := postprocess(text, in, false)
		pos = 0
		for _, tk := range out {
			if tk.Start != pos || tk.End <= tk.Start || tk.End > len(text) || text[tk.Start:tk.End] != tk.Text {
				t.Fatalf("%q: bad token %+v at %d in %+v", text, tk, pos, out)
			}
			pos = tk.End
		}
		if pos != len(text) {
			t.Fatalf("%q: tokens end at %d", text, pos)
		}
	})
}
