package nlp

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cailiang/cailiang/nlp/guardcheck"
)

// TestGuardsAreNecessary checks that every guarded expression finds what
// the bare expression finds, by each method and match limit: a guard
// literal missing from a match would make extraction skip texts it should
// read, and a stretch edge the expression could cross would cut a match.
// The texts are the samples, the scenarios and the development set, each
// as written, normalised and masked as Extract masks dates, and hostile
// ones (marks at the edges, invalid bytes, a guard literal that is all of
// the text).
func TestGuardsAreNecessary(t *testing.T) {
	texts := []string{
		"2025年3月2日，张某，男，身份证号码，35周岁，已满十六周岁不满十八周岁。",
		"某某有限责任公司、某某股份有限公司、某某合作社、当事人单位、某某食品厂、某某企业、某某事业单位。",
		"货值金额8,000元，违法所得一万二千元，罚款3.5万元。二年内第三次，两年内再次。",
		"2025-03-02 与 2025.3.2，年龄为17，年龄：十七岁。",
		"", "元", "，元。", "5元", "，5元", "5元，", "\xff5元\xff", "5\xff元", "¥ 5,000.5万", "￥\u30005元", "年", "2025年",
		"2025年\xe3\x80\x823月", "三十余人 二十多辆，血液中酒精含量为85MG/100ML，85毫克/100毫升", "1万2千元，3,500元；¥21700.00",
		"超标3倍，超过排放标准2.5倍，浓度为0.5mg/L，超过标准限值0.1mg/L", "是排放标准限值的3倍，超出标准",
		"张某，男。王某（女）身份证，某", "李某，身份证号码110101199003071234，", "身份证：11010120100307123X", "某某厂", "某某厂房", "两年内第2次。2年内再次",
		"问:以前被处罚过吗?答:没有。问:有无违法记录?\n答: 从未", "答:没有", "罚过?答:", "，处罚过呢?  答:一次都没，",
		"另查明，曹某于2024年8月因赌博被公安机关处以罚款", "经查:王某于2023年因殴打他人被处以行政拘留", "经核实，于1999年因", "年", "2026年", "经查", "查明",
	}
	files, err := filepath.Glob("../eval/testdata/devset/*.jsonl")
	if err != nil || len(files) == 0 {
		t.Fatalf("development set: %v (%d files)", err, len(files))
	}
	files = append(files, "../corpus/samples/cases.jsonl", "../eval/testdata/admin_scenarios.jsonl")
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			var x struct {
				Facts string `json:"facts"`
			}
			if err := json.Unmarshal(sc.Bytes(), &x); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			texts = append(texts, x.Facts)
		}
		fh.Close()
	}
	guarded := map[string]GuardedRegexp{"money": moneyRe, "yen": yenRe, "quantity": quantityRe, "month": monthRe, "yearless": yearlessRe,
		"id card": idCardRe, "age bound": ageBoundRe, "age": ageRe, "person": personRe, "unit": unitRe, "prior": priorNthRe,
		"exceed by": exceedByRe, "exceed times": exceedTimesRe, "exceed plain": exceedPlainRe, "concentration": concentrationRe,
		"asked no prior": askedNoPriorRe, "prior found": priorFoundRe, "year": yearRe}
	for i, d := range dateRes {
		guarded["date"+string(rune('0'+i))] = d
	}
	// These must run on stretches: the speed of extraction depends on it.
	// The identity card's literal is the text's, not the match's.
	if idCardRe.breaks != nil {
		t.Error("id card: its guard is a word of the text, yet it runs on stretches")
	}
	for _, name := range []string{"money", "yen", "quantity", "month", "yearless", "date0", "date1", "date2"} {
		if guarded[name].breaks == nil {
			t.Errorf("%s: runs over the whole text, no break rune found", name)
		}
	}
	if quantityRe.heads == nil {
		t.Error("quantity: its many units are searched one by one")
	}
	hits := map[string]int{}
	for _, text := range texts {
		s := Normalize(text).Text
		// The one pass for many literals finds the first of them as the
		// least strings.Index does, from every rune start.
		for pos := 0; pos <= len(s); pos++ {
			if pos < len(s) && !utf8.RuneStart(s[pos]) {
				continue
			}
			want := -1
			for _, n := range quantityRe.needs {
				if k := strings.Index(s[pos:], n); k >= 0 && (want < 0 || pos+k < want) {
					want = pos + k
				}
			}
			if got := quantityRe.heads.firstFrom(s, pos); got != want {
				t.Fatalf("first unit in %q from %d: one pass %d, strings.Index %d", s, pos, got, want)
			}
		}
		masked := []byte(s)
		for _, re := range dateRes {
			for _, m := range re.Regexp.FindAllStringIndex(s, -1) {
				mask(masked, m[0], m[1])
			}
		}
		for _, s := range []string{text, s, string(masked)} {
			for name, g := range guarded {
				for _, m := range guardcheck.MismatchesBare(g, g.Regexp, s) {
					t.Errorf("%s in %q, %s", name, s, m)
				}
				hits[name] += len(g.Regexp.FindAllStringIndex(s, -1))
			}
		}
	}
	for name := range guarded {
		if hits[name] == 0 {
			t.Errorf("%s: no text matches it, the comparison says nothing", name)
		}
	}
}

// TestGuardBreaks checks which runes end a stretch: never one the
// expression consumes, and none at all for an expression that asserts its
// context or may match nothing.
func TestGuardBreaks(t *testing.T) {
	for _, tc := range []struct {
		expr       string
		breaks     string
		notBreaks  string
		wholeInput bool
	}{
		{expr: `[0-9]+元`, breaks: "，。 、(", notBreaks: "0元x"},
		{expr: `[^。；;，,]{0,3}元`, breaks: "。；;，,", notBreaks: "、 （"},
		{expr: `\s*元`, breaks: "，。\u3000", notBreaks: " \t\n"}, // \s is ASCII white space
		{expr: `公司(?:[^房]|$)`, wholeInput: true},
		{expr: `\b元`, wholeInput: true},
		{expr: `^元`, wholeInput: true},
		{expr: `元?`, wholeInput: true},
		{expr: `.元`, breaks: "", notBreaks: "，。、"},
		{expr: `(?s:.)元`, wholeInput: true},
	} {
		b := breaksOf(tc.expr)
		if tc.wholeInput {
			if b != nil {
				t.Errorf("%s: break runes %v %q, want none (whole input)", tc.expr, b.ascii, b.wide)
			}
			continue
		}
		if b == nil {
			t.Errorf("%s: no break runes", tc.expr)
			continue
		}
		for _, r := range tc.breaks {
			if !b.has(r) {
				t.Errorf("%s: %q should end a stretch", tc.expr, r)
			}
		}
		for _, r := range tc.notBreaks {
			if b.has(r) {
				t.Errorf("%s: %q should not end a stretch", tc.expr, r)
			}
		}
	}
}

// TestFirstPersonIsPersonRe checks that firstPerson finds the span the
// person expression finds, on the sample cases, the scenarios and hostile
// texts (某 at the start, after a non-Han rune or an invalid byte, both
// alternatives in either order).
func TestFirstPersonIsPersonRe(t *testing.T) {
	texts := append(slices.Clone(extractBenchTexts), "", "某", "某男", "A某男", "\xff某男", "张某", "张某某，男", "张某甲（女",
		"张某 \t男", "王某某某男", "身份证号，李某，男", "李某，男，身份证号", "某某公司法定代表人赵某某，女，身份证", "张某、，男", "张某某某，男")
	for _, f := range sampleFacts(t) {
		texts = append(texts, f, NormalizeText(f))
	}
	found := 0
	for _, text := range texts {
		got, want := firstPerson(text), personRe.Regexp.FindStringIndex(text)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("firstPerson(%.60q) = %v, personRe %v", text, got, want)
		}
		if got != nil {
			found++
		}
	}
	if found < 10 {
		t.Fatalf("a person found in %d texts only: the comparison tested little", found)
	}
}

// sampleFacts returns the facts of the sample cases and the scenarios.
func sampleFacts(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, f := range []string{"../corpus/samples/cases.jsonl", "../eval/testdata/admin_scenarios.jsonl"} {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
			var x struct {
				Facts string `json:"facts"`
			}
			if err := json.Unmarshal([]byte(line), &x); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			out = append(out, x.Facts)
		}
	}
	return out
}
