package eval

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/nlp"
)

// fakeNorms is a working in-memory norm searcher: it ranks articles by the
// number of distinct CJK character bigrams they share with the query, keeps
// ties in insertion order, and honours the Law and InForce filters and Limit.
type fakeNorms struct {
	arts []corpus.NormHit
	// queries records what was asked, for tests that check the query text.
	queries []corpus.NormQuery
	err     error
}

func bigrams(s string) map[string]bool {
	var rs []rune
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			rs = append(rs, r)
		} else {
			rs = append(rs, ' ')
		}
	}
	out := map[string]bool{}
	for i := 0; i+1 < len(rs); i++ {
		if rs[i] != ' ' && rs[i+1] != ' ' {
			out[string(rs[i:i+2])] = true
		}
	}
	return out
}

func (f *fakeNorms) SearchNorms(_ context.Context, q corpus.NormQuery) (corpus.Results[corpus.NormHit], error) {
	f.queries = append(f.queries, q)
	if f.err != nil {
		return corpus.Results[corpus.NormHit]{}, f.err
	}
	qb := bigrams(q.Q)
	var hits []corpus.NormHit
	for _, a := range f.arts {
		if q.Law != "" && a.Law != q.Law || q.InForce != nil && a.InForce != *q.InForce {
			continue
		}
		score := 0
		for b := range bigrams(a.Text) {
			if qb[b] {
				score++
			}
		}
		if score > 0 {
			a.Score = float64(score)
			hits = append(hits, a)
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].Score > hits[j].Score })
	total := uint64(len(hits))
	limit := q.Limit
	if limit <= 0 {
		limit = 10
	}
	if len(hits) > limit {
		hits = hits[:limit]
	}
	return corpus.Results[corpus.NormHit]{Total: total, Hits: hits}, nil
}

func art(law string, number, suffix int, inForce bool, text string) corpus.NormHit {
	return corpus.NormHit{Law: law, Number: number, Suffix: suffix, Label: nlp.ArticleLabel(number, suffix), InForce: inForce, Text: text}
}

func resultMap(rs []Result) map[string]Result {
	m := map[string]Result{}
	for _, r := range rs {
		m[r.Suite+"/"+r.Metric] = r
	}
	return m
}

func TestScoreRelsetWithFake(t *testing.T) {
	fake := &fakeNorms{arts: []corpus.NormHit{
		art("食品安全法", 124, 0, true, "生产经营超过保质期的食品"),
		art("食品安全法", 124, 0, false, "生产经营超过保质期的食品（旧版）"),
		art("食品安全法", 122, 0, true, "未取得食品生产经营许可从事食品生产经营活动"),
		art("道路交通安全法", 91, 0, true, "饮酒后驾驶机动车的，处暂扣六个月机动车驾驶证"),
	}}
	set := []RelQuery{
		// Found at rank 1.
		{Q: "销售超过保质期的食品", Want: []string{"食品安全法第一百二十四条"}, Evidence: []string{"x"}},
		// Two wanted, one found (at rank 1), one missing.
		{Q: "饮酒后驾驶", Want: []string{"道路交通安全法第九十一条", "刑法第一百三十三条之一"}, Evidence: []string{"x", "y"}},
		// Found at rank 2: 第一百二十四条 shares more bigrams (食品 生产 经营 …).
		{Q: "未取得许可生产经营超过保质期食品", Want: []string{"食品安全法第一百二十二条"}, Evidence: []string{"x"}},
	}
	rs, err := scoreRelset(context.Background(), Env{Norms: fake}, "t", set)
	if err != nil {
		t.Fatal(err)
	}
	got := resultMap(rs)
	// success@5 pools provisions: 3 of 4 found.
	want := map[string]float64{"t/success@5": 3.0 / 4, "t/recall@10": (1 + 0.5 + 1) / 3, "t/mrr@10": (1 + 1 + 0.5) / 3}
	for k, v := range want {
		if r, ok := got[k]; !ok || !near(r.Value, v) || r.N != 3 {
			t.Errorf("%s = %+v; want value %v over n=3", k, r, v)
		}
	}
	for _, q := range fake.queries {
		if q.InForce == nil || !*q.InForce {
			t.Errorf("query %q not restricted to norms in force", q.Q)
		}
	}
}

func TestScoreRelsetErrors(t *testing.T) {
	set := []RelQuery{{Q: "q", Want: []string{"食品安全法第一条"}, Evidence: []string{"x"}}}
	boom := errors.New("index closed")
	tests := []struct {
		name string
		env  Env
		set  []RelQuery
		want error
	}{
		{"no searcher", Env{}, set, ErrNoSearcher},
		{"empty set", Env{Norms: &fakeNorms{}}, nil, ErrBadRelset},
		{"search fails", Env{Norms: &fakeNorms{err: boom}}, set, boom},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := scoreRelset(context.Background(), tt.env, "t", tt.set); !errors.Is(err, tt.want) {
				t.Errorf("error = %v; want %v", err, tt.want)
			}
		})
	}
}

func TestParseRelset(t *testing.T) {
	tests := []struct {
		name, in string
		wantN    int
		wantErr  bool
	}{
		{"ok", `{"q":"超市销售过期食品","want":["食品安全法第一百二十四条"],"evidence":["超过保质期"]}` + "\n\n", 1, false},
		{"no trailing newline", `{"q":"a","want":["刑法第一百三十三条之一"],"evidence":["x"]}`, 1, false},
		{"bad json", `{"q":`, 0, true},
		{"unknown field", `{"q":"a","want":["刑法第一条"],"evidence":["x"],"extra":1}`, 0, true},
		{"empty query", `{"q":" ","want":["刑法第一条"],"evidence":["x"]}`, 0, true},
		{"no want", `{"q":"a","want":[],"evidence":[]}`, 0, true},
		{"evidence count", `{"q":"a","want":["刑法第一条"],"evidence":[]}`, 0, true},
		{"arabic numerals", `{"q":"a","want":["食品安全法第124条"],"evidence":["x"]}`, 0, true},
		{"paragraph", `{"q":"a","want":["食品安全法第一百二十四条第一款"],"evidence":["x"]}`, 0, true},
		{"full title", `{"q":"a","want":["《食品安全法》第一百二十四条"],"evidence":["x"]}`, 0, true},
		{"not a citation", `{"q":"a","want":["食品安全法"],"evidence":["x"]}`, 0, true},
		{"duplicate query", `{"q":"a","want":["刑法第一条"],"evidence":["x"]}` + "\n" + `{"q":"a","want":["刑法第二条"],"evidence":["x"]}`, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseRelset(strings.NewReader(tt.in))
			if tt.wantErr {
				if !errors.Is(err, ErrBadRelset) {
					t.Errorf("error = %v; want ErrBadRelset", err)
				}
				return
			}
			if err != nil || len(got) != tt.wantN {
				t.Errorf("ParseRelset = %d queries, %v; want %d, nil", len(got), err, tt.wantN)
			}
		})
	}
}

// TestNormRelsetShape checks the embedded set without the statute data: it
// parses, is big enough, and covers the enforcement fields it is meant to.
func TestNormRelsetShape(t *testing.T) {
	set, err := NormRelset()
	if err != nil {
		t.Fatal(err)
	}
	if len(set) < 25 {
		t.Errorf("relevance set has %d queries; want at least 25", len(set))
	}
	laws := map[string]bool{}
	ecoArticles := map[int]bool{}
	for _, q := range set {
		for _, w := range q.Want {
			pc, err := corpus.ParseCitation(w)
			if err != nil {
				t.Fatal(err)
			}
			laws[pc.LawName] = true
			if pc.LawName == "生态环境法典" {
				ecoArticles[pc.Article] = true
			}
		}
	}
	// One law per field the set must cover; air, water, solid waste and
	// EIA are the 生态环境法典's since it repealed their laws (2026-08-15).
	for _, law := range []string{"食品安全法", "产品质量法", "广告法", "价格法", "生态环境法典", "道路运输条例",
		"道路交通安全法", "安全生产法", "消防法", "城乡规划法", "劳动合同法", "税收征收管理法", "土地管理法"} {
		if !laws[law] {
			t.Errorf("relevance set has no query expecting %s", law)
		}
	}
	// 第一千零九十五条 (EIA), 第一千一百零二条 and 第一千一百零七条 (discharges),
	// 第一千一百二十八条 and 第一千一百三十一条 (air), 第一千一百六十九条 (waste) at least.
	if len(ecoArticles) < 6 {
		t.Errorf("relevance set expects %d articles of the 生态环境法典; want the environmental fields covered (at least 6)", len(ecoArticles))
	}
	for _, repealed := range []string{"大气污染防治法", "水污染防治法", "固体废物污染环境防治法", "环境影响评价法"} {
		if laws[repealed] {
			t.Errorf("relevance set expects %s, repealed on 2026-08-15: label the 生态环境法典's article", repealed)
		}
	}
}

func TestParseLawBench31Row(t *testing.T) {
	tests := []struct {
		name, line string
		wantQuery  string
		wantGold   []string
		wantErr    bool
	}{
		{"one article", `{"id":"a","question":"事实:张某盗窃。\r\n罪名:盗窃。","answer":"法条:刑法第264条"}`, "张某盗窃。\n罪名:盗窃。", []string{"264"}, false},
		{"several", `{"id":"b","question":"事实:x\r\n罪名:受贿。","answer":"法条:刑法第383、382条"}`, "x\n罪名:受贿。", []string{"383", "382"}, false},
		{"full-width colon", `{"id":"c","question":"事实：x","answer":"法条:刑法第264条"}`, "x", []string{"264"}, false},
		{"no label", `{"id":"d","question":"被告人在公共场所长时间滞留后离开：无人受伤","answer":"法条:刑法第264条"}`, "被告人在公共场所长时间滞留后离开：无人受伤", []string{"264"}, false},
		{"leading zeros", `{"id":"e","question":"事实:x","answer":"法条:刑法第0264条"}`, "x", []string{"264"}, false},
		{"not an article answer", `{"id":"f","question":"事实:x","answer":"罪名:盗窃"}`, "", nil, true},
		{"chinese numerals", `{"id":"g","question":"事实:x","answer":"法条:刑法第二百六十四条"}`, "", nil, true},
		{"article zero", `{"id":"h","question":"事实:x","answer":"法条:刑法第0条"}`, "", nil, true},
		{"empty question", `{"id":"i","question":"事实:  ","answer":"法条:刑法第264条"}`, "", nil, true},
		{"bad json", `{"id":`, "", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseLawBench31Row([]byte(tt.line))
			if tt.wantErr {
				if !errors.Is(err, ErrBadRow) {
					t.Errorf("error = %v; want ErrBadRow", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.query != tt.wantQuery || strings.Join(got.gold, ",") != strings.Join(tt.wantGold, ",") {
				t.Errorf("got query %q gold %v; want %q %v", got.query, got.gold, tt.wantQuery, tt.wantGold)
			}
		})
	}
}

// TestLawBench31WithFake runs the suite end to end over our synthetic rows in
// testdata/lawbench/3-1.jsonl (written by us in the dataset's format).
func TestLawBench31WithFake(t *testing.T) {
	fake := &fakeNorms{arts: []corpus.NormHit{
		art("道路交通安全法", 91, 0, true, "醉酒驾驶机动车的，由公安机关交通管理部门约束至酒醒"),
		art("刑法", 264, 0, true, "盗窃公私财物，数额较大的，或者多次盗窃、入户盗窃、携带凶器盗窃、扒窃的"),
		art("刑法", 266, 0, true, "诈骗公私财物，数额较大的，处三年以下有期徒刑"),
		art("刑法", 133, 1, true, "在道路上驾驶机动车，有下列情形之一的，处拘役，并处罚金：醉酒驾驶机动车的"),
		art("刑法", 133, 0, true, "违反交通运输管理法规，因而发生重大事故"),
		art("刑法", 234, 0, true, "故意伤害他人身体的，处三年以下有期徒刑"),
	}}
	rs, err := Run(context.Background(), Env{DataDir: "testdata", Norms: fake}, []string{SuiteLawBench31})
	if err != nil {
		t.Fatal(err)
	}
	got := resultMap(rs)
	// Row 1: 264 first. Row 2: 第一百三十三条之一 counts as gold 133.
	// Row 3: gold {266, 234}, one of them first → F1@1 = 2/3. The fourth
	// row has no article answer and the fifth no answer: both are skipped. Only 4 distinct 刑法
	// numbers exist, so everything is within the top 5.
	want := map[string]float64{
		"lawbench-3-1/recall@5":   1,
		"lawbench-3-1/recall@10":  1,
		"lawbench-3-1/f1@1":       (1 + 1 + 2.0/3) / 3,
		"lawbench-3-1/micro-f1@1": 2 * 1 * 0.75 / 1.75, // tp 3, fp 0, fn 1
	}
	for k, v := range want {
		if r, ok := got[k]; !ok || !near(r.Value, v) || r.N != 3 {
			t.Errorf("%s = %+v; want value %v over n=3", k, r, v)
		}
	}
	if r := got["lawbench-3-1/f1@1"]; r.Baseline == nil || *r.Baseline != lawBench31GPT4 || r.BaselineNote == "" {
		t.Errorf("f1@1 baseline = %v %q; want GPT-4's 3-1 score with a note", r.Baseline, r.BaselineNote)
	}
	for _, q := range fake.queries {
		if q.Law != "刑法" || q.InForce == nil || !*q.InForce {
			t.Errorf("query %.20q: law %q in force %v; want 刑法, in force", q.Q, q.Law, q.InForce)
		}
		if strings.HasPrefix(q.Q, "事实") || !strings.Contains(q.Q, "罪名:") || strings.Contains(q.Q, "\r") {
			t.Errorf("query %q: want the fact without its label, the charge line kept, no CR", q.Q)
		}
	}
}

// TestReadLawBench31Skips checks that rows without a usable answer are
// skipped and counted while damaged rows stop the read.
func TestReadLawBench31Skips(t *testing.T) {
	good := `{"id":"a","question":"事实:张某盗窃。","answer":"法条:刑法第264条"}`
	rows, skipped, err := readLawBench31(strings.NewReader(good + "\n" +
		`{"id":"b","question":"事实:x","answer":""}` + "\n" +
		`{"id":"c","question":"事实:x","answer":"罪名:盗窃"}` + "\n"))
	if err != nil || len(rows) != 1 || skipped != 2 {
		t.Errorf("readLawBench31 = %d rows, %d skipped, %v; want 1, 2, nil", len(rows), skipped, err)
	}
	for _, bad := range []string{`{"id":`, `{"id":"d","question":"事实: ","answer":"法条:刑法第264条"}`} {
		if _, _, err := readLawBench31(strings.NewReader(good + "\n" + bad + "\n")); !errors.Is(err, ErrBadRow) || errors.Is(err, errUnlabelled) {
			t.Errorf("%s: err = %v; want ErrBadRow, not errUnlabelled", bad, err)
		}
	}
}

func TestLawBench31Errors(t *testing.T) {
	boom := errors.New("index closed")
	tests := []struct {
		name string
		env  Env
		want error
	}{
		{"no searcher", Env{DataDir: "testdata"}, ErrNoSearcher},
		{"search fails", Env{DataDir: "testdata", Norms: &fakeNorms{err: boom}}, boom},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Run(context.Background(), tt.env, []string{SuiteLawBench31}); !errors.Is(err, tt.want) {
				t.Errorf("error = %v; want %v", err, tt.want)
			}
		})
	}
	if _, err := Run(context.Background(), Env{DataDir: t.TempDir(), Norms: &fakeNorms{}}, []string{SuiteLawBench31}); err == nil {
		t.Errorf("missing dataset: no error")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Run(ctx, Env{DataDir: "testdata", Norms: &fakeNorms{}}, []string{SuiteLawBench31}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: error = %v; want context.Canceled", err)
	}
}

func TestRunUnknownSuite(t *testing.T) {
	fake := &fakeNorms{}
	_, err := Run(context.Background(), Env{Norms: fake}, []string{SuiteNormRelset, "nope"})
	if !errors.Is(err, ErrUnknownSuite) {
		t.Fatalf("error = %v; want ErrUnknownSuite", err)
	}
	if len(fake.queries) != 0 {
		t.Errorf("%d searches ran before the unknown name was rejected", len(fake.queries))
	}
}

func TestMarkdown(t *testing.T) {
	rs := []Result{
		{Suite: "s", Metric: "recall@5", Value: 0.61234, N: 47},
		{Suite: "s", Metric: "f1@1", Value: 0.4, Baseline: ptr(0.5247), BaselineNote: "GPT-4 | zero-shot", N: 308, Skipped: 1},
		{Suite: "s", Metric: "x", Value: 1, BaselineNote: "reference only", N: 1},
	}
	var b bytes.Buffer
	if err := Markdown(&b, rs); err != nil {
		t.Fatal(err)
	}
	want := "| suite | metric | value | baseline | n | skipped |\n" +
		"|---|---|---:|---|---:|---:|\n" +
		"| s | recall@5 | 0.6123 |  | 47 | 0 |\n" +
		"| s | f1@1 | 0.4000 | 0.5247 (GPT-4 \\| zero-shot) | 308 | 1 |\n" +
		"| s | x | 1.0000 | (reference only) | 1 | 0 |\n"
	if got := b.String(); got != want {
		t.Errorf("Markdown:\n%s\nwant:\n%s", got, want)
	}
}

func TestWriteJSON(t *testing.T) {
	tests := []struct {
		name string
		rs   []Result
		want string
	}{
		{"nil is an empty array", nil, "[]"},
		{"null baseline", []Result{{Suite: "s", Metric: "m", Value: 0.5, N: 2}}, `[{"suite":"s","metric":"m","value":0.5,"baseline":null,"n":2,"skipped":0}]`},
		{"baseline", []Result{{Suite: "s", Metric: "m", Value: 0.5, Baseline: ptr(0.25), BaselineNote: "<ref>", N: 2}}, `[{"suite":"s","metric":"m","value":0.5,"baseline":0.25,"baseline_note":"<ref>","n":2,"skipped":0}]`},
		{"skipped rows", []Result{{Suite: "s", Metric: "m", Value: 0.5, N: 2, Skipped: 1}}, `[{"suite":"s","metric":"m","value":0.5,"baseline":null,"n":2,"skipped":1}]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteJSON(&b, tt.rs); err != nil {
				t.Fatal(err)
			}
			var compact bytes.Buffer
			if err := json.Compact(&compact, b.Bytes()); err != nil {
				t.Fatal(err)
			}
			if got := compact.String(); got != tt.want {
				t.Errorf("WriteJSON = %s; want %s", got, tt.want)
			}
		})
	}
}
