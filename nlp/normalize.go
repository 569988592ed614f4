package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Normalized is text after Normalize together with a map from each byte
// offset in Text back to the byte offset in the original input, so that spans
// found on normalised text (an amount, a citation) can be shown on what the
// officer actually wrote.
type Normalized struct {
	// Text is the normalised text.
	Text string
	// orig[i] is the original byte offset of Text[i]; orig[len(Text)] is the
	// original length, so end offsets map too. int32 halves the map, which
	// is allocated for every text analysed (an input is far below 2 GB).
	orig []int32
}

// Orig maps a byte offset in n.Text back to the original input. Offsets out
// of range are clamped.
func (n Normalized) Orig(offset int) int {
	if len(n.orig) == 0 {
		return 0
	}
	if offset < 0 {
		offset = 0
	}
	if offset >= len(n.orig) {
		offset = len(n.orig) - 1
	}
	return int(n.orig[offset])
}

// OrigSpan maps a byte span [start, end) in n.Text back to the original input.
func (n Normalized) OrigSpan(start, end int) (int, int) {
	return n.Orig(start), n.Orig(end)
}

// IsHan reports whether r is a Han character (unicode.Han), testing the
// CJK Unified Ideographs block first: unicode.Is searches a range table,
// and the hot loops (bigrams of every text) meet mostly that block.
func IsHan(r rune) bool {
	return (r >= 0x4E00 && r <= 0x9FFF) || (r >= 0x2E80 && unicode.Is(unicode.Han, r))
}

// IsZeroWidth reports whether r is one of the invisible characters that the
// statute corpus and pasted documents carry (U+200B–U+200D, U+2060, U+FEFF).
func IsZeroWidth(r rune) bool {
	return (r >= 0x200B && r <= 0x200D) || r == 0x2060 || r == 0xFEFF
}

// foldRune maps full-width ASCII variants and the ideographic space to their
// half-width forms and returns -1 for characters that must be dropped.
func foldRune(r rune) rune {
	switch {
	case r == utf8.RuneError:
		return -1
	case IsZeroWidth(r):
		return -1
	case r == '\n' || r == '\t':
		return r
	case r == '\r':
		return -1
	case unicode.IsControl(r):
		return -1
	case r >= 0xFF01 && r <= 0xFF5E:
		// Full-width digits, Latin letters and ASCII punctuation. Full-width
		// Chinese punctuation outside this block (。、「」) is left alone.
		return r - 0xFEE0
	case r == 0x3000:
		return ' '
	}
	return r
}

// Normalize folds full-width digits, letters and ASCII punctuation to
// half-width, turns the ideographic space into a space, and removes
// zero-width characters, control characters other than newline and tab,
// carriage returns and invalid UTF-8 bytes. It keeps a byte-offset map back to
// s.
func Normalize(s string) Normalized {
	var b strings.Builder
	b.Grow(len(s))
	orig := make([]int32, 0, len(s)+1)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 {
			i++ // invalid byte: drop it
			continue
		}
		f := foldRune(r)
		if f >= 0 {
			n := utf8.RuneLen(f)
			b.WriteRune(f)
			for k := 0; k < n; k++ {
				orig = append(orig, int32(i))
			}
		}
		i += size
	}
	orig = append(orig, int32(len(s)))
	return Normalized{Text: FoldVariants(b.String()), orig: orig}
}

// NormalizeText is Normalize without the offset map, for indexing and lookups.
func NormalizeText(s string) string {
	// strings.Map(foldRune, strings.ToValidUTF8(s, "")) in one pass: an
	// invalid byte and U+FFFD are both dropped, the CJK ideographs (most of
	// a text) are copied without asking foldRune, and nothing is built
	// until the first rune that changes (the text itself comes back when
	// none does).
	var b strings.Builder
	changed := false
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		f := r
		if r < 0x4E00 || r > 0x9FFF {
			f = foldRune(r) // -1 for utf8.RuneError, invalid byte or not
		}
		switch {
		case f == r:
			if changed {
				b.WriteString(s[i : i+size])
			}
		case !changed:
			b.Grow(len(s))
			b.WriteString(s[:i])
			changed = true
			fallthrough
		default:
			if f >= 0 {
				b.WriteRune(f)
			}
		}
		i += size
	}
	if !changed {
		return FoldVariants(s)
	}
	return FoldVariants(b.String())
}

// NormalizeTexts returns NormalizeText of each of ws (nil for none): the
// words cues are not counted inside, compared with a normalised text.
func NormalizeTexts(ws []string) []string {
	var out []string
	for _, w := range ws {
		out = append(out, NormalizeText(w))
	}
	return out
}

// accountVariants writes the older variant 帐 of the account words as
// officers and today's statutes write them (税收征收管理法 2015: 帐簿、记帐凭证;
// facts: 账簿、记账凭证). Only compounds are rewritten: 帐 alone is still a
// tent or a curtain (帐篷, 蚊帐). Every pair keeps its byte length, so the
// offset map of Normalize stays true.
var accountVariants = strings.NewReplacer("帐簿", "账簿", "帐薄", "账簿", "记帐", "记账", "帐户", "账户", "帐号", "账号",
	"帐目", "账目", "帐册", "账册", "帐务", "账务", "建帐", "建账", "做帐", "做账", "假帐", "假账", "帐外", "账外",
	"帐本", "账本", "查帐", "查账", "对帐", "对账", "转帐", "转账", "到帐", "到账", "入帐", "入账", "总帐", "总账",
	"内帐", "内账", "两套帐", "两套账", "流水帐", "流水账", "明细帐", "明细账", "挂帐", "挂账", "销帐", "销账", "帐款", "账款")

// FoldVariants rewrites the variant 帐 of account words (帐簿, 记帐, 两套帐)
// as 账; text without 帐 comes back as it is. Facts, cues and the statutes'
// conduct words all pass through it, so each meets the others.
func FoldVariants(s string) string {
	if !Contains(s, "帐") {
		return s
	}
	return accountVariants.Replace(s)
}

// CleanStatute strips only the zero-width characters that the national
// database export carries, leaving the statute text otherwise verbatim.
func CleanStatute(s string) string {
	if !strings.ContainsFunc(s, IsZeroWidth) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if IsZeroWidth(r) {
			return -1
		}
		return r
	}, s)
}
