package nlp

import (
	"bufio"
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestGuardsAreNecessary checks that every guarded expression finds what
// the bare expression finds: a guard literal missing from a match would
// make extraction skip texts it should read.
func TestGuardsAreNecessary(t *testing.T) {
	texts := []string{
		"2025年3月2日，张某，男，身份证号码，35周岁，已满十六周岁不满十八周岁。",
		"某某有限责任公司、某某股份有限公司、某某合作社、当事人单位、某某食品厂、某某企业、某某事业单位。",
		"货值金额8,000元，违法所得一万二千元，罚款3.5万元。二年内第三次，两年内再次。",
		"2025-03-02 与 2025.3.2，年龄为17，年龄：十七岁。",
	}
	for _, f := range []string{"../corpus/samples/cases.jsonl", "../eval/testdata/admin_scenarios.jsonl"} {
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
	guarded := map[string]GuardedRegexp{"money": moneyRe, "age bound": ageBoundRe, "age": ageRe, "person": personRe, "unit": unitRe, "prior": priorNthRe}
	for i, d := range dateRes {
		guarded["date"+string(rune('0'+i))] = d
	}
	hits := map[string]int{}
	for _, text := range texts {
		s := Normalize(text).Text
		for name, g := range guarded {
			got, want := g.FindAllStringSubmatchIndex(s, -1), g.Regexp.FindAllStringSubmatchIndex(s, -1)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s in %q: guarded %v, bare %v", name, s, got, want)
			}
			hits[name] += len(want)
		}
	}
	for name := range guarded {
		if hits[name] == 0 {
			t.Errorf("%s: no text matches it, the comparison says nothing", name)
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
			texts = append(texts, x.Facts, NormalizeText(x.Facts))
		}
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
