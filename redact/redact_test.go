package redact

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// hostileCase is one realistic string from testdata/hostile.json.
type hostileCase struct {
	Name  string   `json:"name"`
	Text  string   `json:"text"`
	Names []string `json:"names"`
	// Leak must not survive (compared digit-folded, separators removed);
	// Keep must stand in the output unchanged; Kinds are the spans' kinds.
	Leak  []string `json:"leak"`
	Keep  []string `json:"keep"`
	Kinds []Kind   `json:"kinds"`
}

// fold writes digits and X in ASCII and drops the separators numbers may
// be split with, so that a leaked number is found however it is written.
func fold(s string) string {
	var b strings.Builder
	for _, r := range s {
		if d, ok := digitValue(r); ok {
			b.WriteByte(d)
			continue
		}
		if isX(r) {
			b.WriteByte('X')
			continue
		}
		if isSep(r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func loadHostile(t *testing.T) []hostileCase {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "hostile.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []hostileCase
	if err := json.Unmarshal(raw, &cases); err != nil {
		t.Fatal(err)
	}
	if len(cases) < 40 {
		t.Fatalf("only %d hostile strings", len(cases))
	}
	return cases
}

func TestHostile(t *testing.T) {
	for _, tc := range loadHostile(t) {
		t.Run(tc.Name, func(t *testing.T) {
			res, err := Redact(tc.Text, Options{Names: tc.Names})
			if err != nil {
				t.Fatal(err)
			}
			for _, secret := range tc.Leak {
				if strings.Contains(fold(res.Text), fold(secret)) {
					t.Errorf("%q leaked: %q", secret, res.Text)
				}
			}
			for _, k := range tc.Keep {
				if !strings.Contains(res.Text, k) {
					t.Errorf("over-masked %q: %q", k, res.Text)
				}
			}
			var kinds []Kind
			for _, s := range res.Spans {
				kinds = append(kinds, s.Kind)
				if tc.Text[s.Start:s.End] != s.Text {
					t.Errorf("span %+v does not match the input %q", s, tc.Text[s.Start:s.End])
				}
			}
			if !slices.Equal(kinds, tc.Kinds) {
				t.Errorf("kinds = %v, want %v (spans %+v, text %q)", kinds, tc.Kinds, res.Spans, res.Text)
			}
			// Applying the spans again gives the same text: a reviewer's
			// unchanged list reproduces the redaction.
			again, err := Apply(tc.Text, res.Spans)
			if err != nil || again != res.Text {
				t.Errorf("Apply(spans) = %q, %v; want %q", again, err, res.Text)
			}
		})
	}
}

func TestCheckDigits(t *testing.T) {
	for _, tc := range []struct {
		s          string
		id18, uscc bool
	}{
		{"11010519491231002X", true, false},
		{"110105194912310021", false, false},
		{"440304198506151237", true, false},
		{"110101199003070396", true, true},
		{"91350100M000100Y43", false, true},
		{"91350100M000100Y44", false, false},
		{"121000004000003980", false, true},
		{"110101190002290011", false, false}, // 1900-02-29 does not exist
		{"990101199003071233", false, false}, // no province 99
	} {
		if got := validID18(tc.s); got != tc.id18 {
			t.Errorf("validID18(%s) = %v", tc.s, got)
		}
		if got := validUSCC(tc.s); got != tc.uscc {
			t.Errorf("validUSCC(%s) = %v", tc.s, got)
		}
	}
	if !luhn("6222021234567890128") || luhn("6222021234567890127") {
		t.Error("luhn")
	}
}

func TestBadInput(t *testing.T) {
	if _, err := Redact("身份证\xff110101199003071233", Options{}); !errors.Is(err, ErrInvalidText) {
		t.Errorf("invalid UTF-8: %v", err)
	}
	for _, names := range [][]string{{""}, {" "}, {"张"}, {strings.Repeat("张", 21)}, {"张\x00三"}, {"张\xff"}} {
		if _, err := Redact("张三", Options{Names: names}); !errors.Is(err, ErrBadName) {
			t.Errorf("names %q: %v, want ErrBadName", names, err)
		}
	}
	text := "电话13812345678"
	for _, spans := range [][]Span{
		{{Start: 5, End: 3}},
		{{Start: 0, End: 100}},
		{{Start: 1, End: 3}}, // cuts 电
		{{Start: 6, End: 9}, {Start: 7, End: 10}},
		{{Start: -1, End: 3}},
		{{Kind: "secret", Start: 6, End: 17}},
		{{Start: 6, End: 17}},
	} {
		if _, err := Apply(text, spans); !errors.Is(err, ErrBadSpans) {
			t.Errorf("Apply(%+v): %v, want ErrBadSpans", spans, err)
		}
	}
	// A reviewer drops a span and edits another's replacement.
	got, err := Apply(text, []Span{{Kind: KindPhone, Start: 6, End: 17, Replacement: "（略）"}})
	if err != nil || got != "电话（略）" {
		t.Errorf("Apply edited = %q, %v", got, err)
	}
	// A reviewer adds a name Redact was not told about.
	got, err = Apply("证人王小明证实", []Span{{Kind: KindName, Start: 6, End: 15}})
	if err != nil || got != "证人王某某证实" {
		t.Errorf("Apply added name = %q, %v", got, err)
	}
}

func TestMasked(t *testing.T) {
	for name, want := range map[string]string{"张三": "张某", "王小明": "王某某", "欧阳娜娜": "欧阳某某", "欧阳": "欧某", "司马懿": "司马某", "John Smith": "J某某某某某某某某某"} {
		if got := masked(name); got != want {
			t.Errorf("masked(%s) = %s, want %s", name, got, want)
		}
	}
}

// TestLargeHostile: long runs of digit groups, labels and triggers are
// read in one pass each (a quadratic reading would not finish).
func TestLargeHostile(t *testing.T) {
	for _, text := range []string{
		strings.Repeat("1 ", 100_000),
		strings.Repeat("住址", 50_000),
		strings.Repeat("患有", 50_000),
		strings.Repeat("１－", 50_000) + "13812345678",
	} {
		res, err := Redact(text, Options{Names: []string{"张三"}})
		if err != nil || !utf8.ValidString(res.Text) {
			t.Fatalf("Redact: %v", err)
		}
	}
}

func BenchmarkRedact(b *testing.B) {
	text := strings.Repeat("当事人刘某（身份证号320102199003071212，电话025-84561234），住址南京市玄武区中山路1号，罚款5000元。", 100)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := Redact(text, Options{Names: []string{"周芳"}}); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzRedact: redaction never panics, its output is valid UTF-8, its spans
// are consistent, and an ID number or mobile number put into any text,
// however it is written, never survives.
func FuzzRedact(f *testing.F) {
	for _, tc := range []string{"", "当事人张三，住址：某路1号", "１２３", "+86", "身份证", "0-0-0", "X", "统一社会信用代码", "住所地：", "患有"} {
		f.Add(tc, tc, uint32(0))
	}
	f.Fuzz(func(t *testing.T, before, after string, seed uint32) {
		if !utf8.ValidString(before) || !utf8.ValidString(after) {
			if _, err := Redact(before+"，"+after, Options{}); !errors.Is(err, ErrInvalidText) {
				t.Fatalf("invalid UTF-8 accepted: %v", err)
			}
			return
		}
		secret := secretFor(seed)
		text := before + "，" + written(secret, seed/2) + "，" + after
		res, err := Redact(text, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !utf8.ValidString(res.Text) {
			t.Fatalf("output not UTF-8: %q", res.Text)
		}
		prev := 0
		for _, s := range res.Spans {
			if s.Start < prev || s.End > len(text) || text[s.Start:s.End] != s.Text {
				t.Fatalf("bad span %+v", s)
			}
			prev = s.End
		}
		if strings.Contains(fold(res.Text), secret) {
			t.Fatalf("%s survived in %q", secret, res.Text)
		}
	})
}

// secretFor makes a valid ID number (not also a valid 统一社会信用代码) or a
// mobile number from seed.
func secretFor(seed uint32) string {
	if seed%2 == 0 {
		return "1" + string(rune('3'+seed/2%7)) + pad(uint64(seed)*2654435761%1000000000, 9)
	}
	for n := uint64(seed); ; n++ {
		body := "320102" + "1990" + pad(1+n%12, 2) + pad(1+n%28, 2) + pad(n%1000, 3)
		weights := [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
		sum := 0
		for i, w := range weights {
			sum += int(body[i]-'0') * w
		}
		id := body + string("10X98765432"[sum%11])
		if !validUSCC(id) {
			return id
		}
	}
}

// written writes a number as people do: plain, in groups of 4 split by
// spaces or dashes, in full-width digits, or with +86 for a mobile.
func written(secret string, style uint32) string {
	var b strings.Builder
	switch style % 5 {
	case 1, 2:
		sep := []string{" ", "-"}[style%5-1]
		for i, r := range secret {
			if i > 0 && i%4 == 0 {
				b.WriteString(sep)
			}
			b.WriteRune(r)
		}
	case 3:
		for _, r := range secret {
			if r >= '0' && r <= '9' {
				r += '０' - '0'
			}
			b.WriteRune(r)
		}
	case 4:
		if len(secret) == 11 {
			b.WriteString("+86 ")
		}
		b.WriteString(secret)
	default:
		b.WriteString(secret)
	}
	return b.String()
}

func pad(n uint64, width int) string {
	s := strings.Repeat("0", width) + strconvU(n)
	return s[len(s)-width:]
}

func strconvU(n uint64) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}
