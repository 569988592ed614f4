package nlp

import (
	"slices"
	"strings"
	"testing"
)

// TestIndexIsStringsIndex compares Index with strings.Index for every
// substring of the benchmark texts up to eight runes long, searched in
// every suffix of the text, for absent needles and for hostile bytes
// (invalid UTF-8, needles cut inside a rune, repeats).
func TestIndexIsStringsIndex(t *testing.T) {
	long := strings.Repeat("哈", 40)
	texts := append(slices.Clone(extractBenchTexts), "", "哈", long, long+"哈嘿", "\xe3\x80\x82\xe3\x80", "\xff\xfe\xe4\xb8"+long,
		strings.Repeat("ab\xe4\xb8\xad", 30), strings.Repeat("。", 50)+"\n超过保质期")
	needles := []string{"", "a", "ab", "。", "哈哈哈嘿", "哈嘿", "\xe4\xb8", "\xe4\xb8\xad", "\x80\x82\xe3", "\xe3\x80\x82\xe3\x80",
		"超过保质期", "不存在的词语", strings.Repeat("哈", 30), long + long}
	for _, text := range texts {
		// Every substring of up to eight runes that starts at a rune
		// start, and every byte pair, is a needle too.
		rs := []int{}
		for i := range text {
			rs = append(rs, i)
		}
		rs = append(rs, len(text))
		subs := slices.Clone(needles)
		for a := range rs {
			for b := a + 1; b < len(rs) && b <= a+8; b++ {
				subs = append(subs, text[rs[a]:rs[b]])
			}
		}
		for i := 0; i+2 <= len(text); i++ {
			subs = append(subs, text[i:i+2], text[i:min(i+4, len(text))])
		}
		for from := 0; from <= len(text); from += 7 {
			s := text[from:]
			for _, sub := range subs {
				if got, want := Index(s, sub), strings.Index(s, sub); got != want {
					t.Fatalf("Index(%.40q, %q) = %d, strings.Index %d", s, sub, got, want)
				}
				if Contains(s, sub) != strings.Contains(s, sub) {
					t.Fatalf("Contains(%.40q, %q) differs from strings.Contains", s, sub)
				}
			}
		}
	}
}

// indexNeedles are words readers look for in facts, most of them absent
// from any one text, as Index is asked.
var indexNeedles = []string{"童工", "未满十六周岁", "拒不改正", "责令改正", "超过保质期", "没收违法所得", "无证经营", "生产经营",
	"情节严重", "首次违法", "及时改正", "主动消除", "危害后果", "受胁迫", "未成年人", "配合调查", "检查时", "经营范围", "营业执照",
	"有限公司", "当事人", "违法所得", "货值金额", "罚款", "警告", "吊销", "许可证", "擅自", "排放", "污染物", "驾驶", "机动车",
	"殴打", "伤害", "谣言", "宣称", "广告", "价格", "食品", "药品"}

// BenchmarkIndex searches every indexNeedles word in every benchmark text
// (Contains, as the readers ask).
func BenchmarkIndex(b *testing.B) {
	n := 0
	for b.Loop() {
		for _, text := range extractBenchTexts {
			for _, w := range indexNeedles {
				if Contains(text, w) {
					n++
				}
			}
		}
	}
	_ = n
}
