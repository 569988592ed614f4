package nlp

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// packageGuards are the guarded expressions of this package, by name.
func packageGuards() map[string]GuardedRegexp {
	g := map[string]GuardedRegexp{"money": moneyRe, "kuai": kuaiRe, "yen": yenRe, "quantity": quantityRe, "month": monthRe,
		"yearless": yearlessRe, "id card": idCardRe, "age bound": ageBoundRe, "age": ageRe, "person": personRe, "unit": unitRe,
		"prior nth": priorNthRe, "prior one": priorOneRe, "prior read": priorReadRe, "quarrel cause": quarrelCauseRe,
		"holiday": holidayRe, "season": seasonRe, "next day": nextDayRe, "exceed by": exceedByRe, "exceed times": exceedTimesRe,
		"exceed long": exceedLongRe, "exceed plain": exceedPlainRe, "concentration": concentrationRe, "decibel": decibelRe}
	for i, d := range dateRes {
		g["date"+string(rune('0'+i))] = d
	}
	for i, p := range priorCountRes {
		g["prior count"+string(rune('0'+i))] = p
	}
	return g
}

// TestGuardStartsTwentyFourth checks the runes a match can begin with:
// the set holds exactly the runes the expression's first instructions
// accept (their case folds included), it is nil where a match may begin
// with any rune or an assertion, a stretch without such a rune is never
// run, and the guarded expressions find what the bare ones find on random
// texts of figures, units, marks and invalid bytes.
func TestGuardStartsTwentyFourth(t *testing.T) {
	for _, tc := range []struct {
		expr     string
		in, out  string
		wantNone bool
	}{
		{expr: `[0-9]+元`, in: "059", out: "元a，"},
		{expr: `(同年|当年)?([0-9]{1,2}|[一二三四五六七八九十]{1,3})月`, in: "同当7一十", out: "年月零"},
		{expr: `(?i:mg)/L`, in: "mM", out: "g/"},
		{expr: `(?i:k)m`, in: "kK\u212a", out: "m"}, // the Kelvin sign folds to k
		{expr: `[^，。]元`, in: "a元\ufffd", out: "，。"},
		{expr: `.元`, wantNone: true},
		{expr: `元?`, wantNone: true},
		{expr: `\b元`, wantNone: true},
	} {
		st := startsOf(tc.expr)
		if tc.wantNone {
			if st != nil {
				t.Errorf("%s: a start set, want none", tc.expr)
			}
			continue
		}
		if st == nil {
			t.Errorf("%s: no start set", tc.expr)
			continue
		}
		for _, r := range tc.in {
			if !st.has(r) {
				t.Errorf("%s: %q may begin a match", tc.expr, r)
			}
		}
		for _, r := range tc.out {
			if st.has(r) {
				t.Errorf("%s: %q begins no match", tc.expr, r)
			}
		}
	}

	guards := packageGuards()
	for name, g := range guards {
		if g.starts == nil {
			continue
		}
		for r := rune(0); r <= utf8.MaxRune; r++ {
			if r >= 1<<16 && r%997 != 0 {
				continue // above the plane the instructions answer
			}
			want := false
			for _, in := range g.starts.first {
				if in.MatchRune(r) {
					want = true
					break
				}
			}
			if got := g.starts.has(r); got != want {
				t.Fatalf("%s: %U in the start set %v, its first instructions say %v", name, r, got, want)
			}
		}
	}
	for _, name := range []string{"quantity", "money", "month", "yearless", "date0"} {
		if guards[name].starts == nil {
			t.Errorf("%s: no start set, every stretch with a guard literal is run", name)
		}
	}

	// 当事人, 当日, 此次 hold quantity units but no figure: not run.
	runs := 0
	quantityRe.stretches("当事人于当日此次，经查，", func(int, string) bool { runs++; return true })
	if runs != 0 {
		t.Errorf("quantity: %d stretches run without a figure in them", runs)
	}
	// A stretch is run from its first figure on.
	var parts []string
	quantityRe.stretches("当事人共3人，当日为二十余人", func(_ int, p string) bool { parts = append(parts, p); return true })
	if want := []string{"3人", "二十余人"}; !reflect.DeepEqual(parts, want) {
		t.Errorf("quantity's stretches %q, want %q", parts, want)
	}

	pieces := []string{"3", "12", "5.5", "二十", "一", "两", "十", "〇", "万", "元", "块", "人", "名", "次", "日", "天", "个月", "年", "月",
		"吨", "mg/100ml", "MG/ML", "倍", "超标", "超过", "被", "因", "处罚", "罚款", "拘留", "同年", "当年", "周岁", "年龄", "岁",
		"某", "男", "公司", "厂", "¥", "￥", "-", ".", "/", "，", "。", "；", "、", " ", "\n", "（", "）", "\xff", "\xe3\x80", "分贝",
		"春节", "次日", "翌日", "元旦", "国庆", "前后", "期间", "浓度", "mg/L", "标准", "限值", "已满", "未满", "二年内", "第二次"}
	rng := rand.New(rand.NewSource(24))
	compared := 0
	for range 3000 {
		var b strings.Builder
		for range 1 + rng.Intn(24) {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		s := b.String()
		for name, g := range guards {
			if g.starts == nil {
				continue
			}
			compared++
			bare := g.Regexp
			for _, n := range []int{-1, 1, 2} {
				if got, want := g.FindAllStringSubmatchIndex(s, n), bare.FindAllStringSubmatchIndex(s, n); !reflect.DeepEqual(got, want) {
					t.Fatalf("%s in %q, FindAllStringSubmatchIndex n=%d: guarded %v, bare %v", name, s, n, got, want)
				}
			}
			if got, want := g.FindStringSubmatch(s), bare.FindStringSubmatch(s); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s in %q, FindStringSubmatch: guarded %q, bare %q", name, s, got, want)
			}
			if got, want := g.FindStringIndex(s), bare.FindStringIndex(s); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s in %q, FindStringIndex: guarded %v, bare %v", name, s, got, want)
			}
			if got, want := g.MatchString(s), bare.MatchString(s); got != want {
				t.Fatalf("%s in %q, MatchString: guarded %v, bare %v", name, s, got, want)
			}
		}
	}
	if compared == 0 {
		t.Fatal("no guarded expression has a start set")
	}
}
