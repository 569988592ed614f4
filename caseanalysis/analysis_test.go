package caseanalysis

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/corpus/bleveidx"
	"github.com/cailiang/cailiang/corpus/samples"
	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// newTestAnalyzer builds an Analyzer over a real store and bleve index in a
// temporary directory holding the built-in sample cases, with the
// dictionary-free segmenter (no cgo in this package's tests).
func newTestAnalyzer(t testing.TB) (*Analyzer, *corpus.Library) {
	t.Helper()
	dir := t.TempDir()
	store, err := corpus.OpenStore(filepath.Join(dir, "cailiang.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	seg := nlp.RuneSegmenter{}
	idx, err := bleveidx.Open(bleveidx.Config{Dir: filepath.Join(dir, "index"), Segmenter: seg})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	lib := corpus.NewLibrary(store, idx, nil)
	ctx := context.Background()
	if err := lib.EnsureIndexed(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := lib.LoadSamplesOnce(ctx, samples.CasesJSONL()); err != nil {
		t.Fatal(err)
	}
	cat, err := rules.LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	crimes, err := rules.LoadCrimes()
	if err != nil {
		t.Fatal(err)
	}
	a, err := New(Config{Catalog: cat, Crimes: crimes, Segmenter: seg, Cases: lib, CaseStore: store, Norms: lib,
		Resolver: lib.Resolver(), Generation: store.Generation})
	if err != nil {
		t.Fatal(err)
	}
	return a, lib
}

func TestAnalyzeMatchesViolation(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []struct {
		name  string
		facts string
		// want is a benchmark id expected among the first three matches.
		want string
		// risk is the expected transfer risk ("" = not checked).
		risk string
	}{
		{"expired food", "2025年3月2日，执法人员检查发现当事人某某便利店有限公司货架上销售超过保质期的牛奶12盒，货值金额共计360元，违法所得48元。当事人系初次违法，已当场下架。",
			"food-124-expired", rules.RiskNone},
		{"unlicensed food", "当事人张某未取得食品经营许可，在自家门面经营熟食，货值金额2万元。", "food-122-unlicensed", ""},
		{"drunk driving", "2025年5月1日22时，当事人王某驾驶小型轿车被查获，经检验其血液酒精含量为126毫克/100毫升，属醉酒驾驶机动车。",
			"traffic-91-drunk-driving", rules.RiskLikely},
		{"hazardous waste", "某某化工有限公司将生产过程中产生的危险废物废矿物油4.5吨交由无危险废物经营许可证的个人处置，倾倒于河滩。",
			"", rules.RiskLikely},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := a.Analyze(context.Background(), Request{Facts: tt.facts})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Violations) == 0 {
				t.Fatalf("no violations matched")
			}
			if tt.want != "" {
				found := false
				for i, v := range res.Violations {
					if i < 3 && v.BenchmarkID == tt.want {
						found = true
					}
				}
				if !found {
					t.Errorf("top violations = %v, want %s among the first three", ids(res.Violations), tt.want)
				}
			}
			if res.Violations[0].Suggestion == nil && res.Violations[0].Error == "" {
				t.Errorf("best match has neither a suggestion nor an error")
			}
			if tt.risk != "" && res.Transfer.Risk != tt.risk {
				t.Errorf("transfer risk = %s (%s), want %s", res.Transfer.Risk, res.Transfer.Crime, tt.risk)
			}
			for i := 1; i < len(res.Violations); i++ {
				if res.Violations[i].Score > res.Violations[i-1].Score {
					t.Errorf("violations not sorted by score: %v", ids(res.Violations))
				}
			}
		})
	}
}

func ids(vs []Violation) []string {
	var out []string
	for _, v := range vs {
		out = append(out, v.BenchmarkID)
	}
	return out
}

func TestAnalyzeSpansPointIntoText(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	facts := "经查，当事人某某商贸有限公司（统一社会信用代码略）于2024年6月至2024年9月期间销售不合格电线，货值金额共计八万五千元，违法所得1.2万元，二年内第二次被查处。"
	res, err := a.Analyze(context.Background(), Request{Facts: facts})
	if err != nil {
		t.Fatal(err)
	}
	rs := []rune(facts)
	check := func(kind, text string, sp Span) {
		t.Helper()
		if sp[0] < 0 || sp[1] > len(rs) || sp[0] > sp[1] {
			t.Fatalf("%s span %v outside text of %d runes", kind, sp, len(rs))
		}
		if got := string(rs[sp[0]:sp[1]]); got != text {
			t.Errorf("%s span %v = %q, want %q", kind, sp, got, text)
		}
	}
	if len(res.Facts.Amounts) < 2 {
		t.Fatalf("amounts = %+v, want at least two", res.Facts.Amounts)
	}
	for _, am := range res.Facts.Amounts {
		check("amount", am.Text, am.Span)
	}
	for _, d := range res.Facts.Dates {
		check("date", d.Text, d.Span)
	}
	for _, c := range res.Facts.Circumstances {
		check("circumstance", c.Text, c.Span)
	}
	if res.Facts.Engine.GoodsValue == nil || *res.Facts.Engine.GoodsValue != 85000 {
		t.Errorf("engine goods_value = %v, want 85000", res.Facts.Engine.GoodsValue)
	}
}

// TestAnalyzeMarksLimitsAndParts: an amount the text gives as a limit (a
// statute's bracket quoted) or as a part (其中) is shown, marked, and kept
// out of the base the range is computed from.
func TestAnalyzeMarksLimitsAndParts(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []struct {
		name, facts  string
		limit, part  []string
		engineGoods  float64
		engineInvest float64
	}{
		{"statute quoted", "当事人销售超过保质期的食品货值金额3200元。依据食品安全法第一百二十四条“货值金额不足一万元的，并处五万元以上十万元以下罚款”的规定。",
			[]string{"一万元", "五万元", "十万元"}, nil, 3200, 0},
		{"a part after 其中", "某某公司扩建项目未报批环境影响报告表即开工建设，项目总投资为1,280万元，其中环保投资45万元。",
			nil, []string{"45万元"}, 0, 12800000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := a.Analyze(context.Background(), Request{Facts: tt.facts})
			if err != nil {
				t.Fatal(err)
			}
			var limit, part []string
			for _, am := range res.Facts.Amounts {
				if am.Limit {
					limit = append(limit, am.Text)
				}
				if am.Part {
					part = append(part, am.Text)
				}
			}
			if !slices.Equal(limit, tt.limit) || !slices.Equal(part, tt.part) {
				t.Errorf("limits %v parts %v; want %v and %v", limit, part, tt.limit, tt.part)
			}
			e := res.Facts.Engine
			if tt.engineGoods > 0 && (e.GoodsValue == nil || *e.GoodsValue != tt.engineGoods) {
				t.Errorf("engine goods_value = %v; want %v", e.GoodsValue, tt.engineGoods)
			}
			if tt.engineInvest > 0 && (e.TotalInvestment == nil || *e.TotalInvestment != tt.engineInvest) {
				t.Errorf("engine total_investment = %v; want %v", e.TotalInvestment, tt.engineInvest)
			}
		})
	}
}

func TestAnalyzeRejectsBadRequests(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []struct {
		name  string
		req   Request
		field string
	}{
		{"empty", Request{}, "facts"},
		{"blank", Request{Facts: " \n\t "}, "facts"},
		{"invalid utf8", Request{Facts: "销售\xff\xfe过期食品"}, "facts"},
		{"nul", Request{Facts: "销售过期\x00食品"}, "facts"},
		{"too long", Request{Facts: strings.Repeat("销售过期食品。", MaxFactsRunes/7+1)}, "facts"},
		{"unknown sector", Request{Facts: "销售过期食品", Sector: "'; DROP TABLE cases; --"}, "sector"},
		{"negative violations", Request{Facts: "销售过期食品", Violations: -1}, "violations"},
		{"too many cases", Request{Facts: "销售过期食品", SimilarCases: 1000}, "similar_cases"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := a.Analyze(context.Background(), tt.req)
			var re *RequestError
			if !errors.As(err, &re) || !errors.Is(err, ErrInvalidRequest) {
				t.Fatalf("err = %v, want a RequestError", err)
			}
			if re.Field != tt.field {
				t.Errorf("field = %q, want %q", re.Field, tt.field)
			}
		})
	}
}

func TestAnalyzeJSONHasNoNullLists(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, facts := range []string{"无关的文字，没有任何违法行为。", "xyz", "当事人销售过期食品"} {
		res, err := a.Analyze(context.Background(), Request{Facts: facts})
		if err != nil {
			t.Fatal(err)
		}
		raw, err := json.Marshal(res)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"violations", "disputes", "norms", "similar_cases", "warnings"} {
			if _, ok := m[k].([]any); !ok {
				t.Errorf("%q: %s is %T, want a list", facts, k, m[k])
			}
		}
		tr, _ := m["transfer"].(map[string]any)
		for _, k := range []string{"crossed", "missing", "basis"} {
			if _, ok := tr[k].([]any); !ok {
				t.Errorf("%q: transfer.%s is %T, want a list", facts, k, tr[k])
			}
		}
	}
}

func TestAnalyzeDisputes(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []struct {
		name  string
		facts string
		want  []string
		not   []string
	}{
		{"limitation and fault", "当事人某某超市于2021年1月5日销售超过保质期的食品，货值金额500元，执法人员于2023年6月1日发现。当事人称不知道食品已过期，供货商提供了合格证明。",
			[]string{DisputeLimitation, DisputeFault, DisputeNotice, DisputeAmount}, nil},
		{"no party", "有人在路边销售过期食品。", []string{DisputeSubject}, []string{DisputeLimitation}},
		{"hearing for a large fine", "某某食品有限公司未取得食品生产许可生产糕点，货值金额5万元，违法所得1万元。",
			[]string{DisputeHearing}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := a.Analyze(context.Background(), Request{Facts: tt.facts})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]bool{}
			for _, d := range res.Disputes {
				got[d.Code] = true
				if d.Title == "" || d.Why == "" {
					t.Errorf("dispute %s without title or reason", d.Code)
				}
				if d.Code != DisputeCarried && len(d.Basis) == 0 {
					t.Errorf("dispute %s without basis", d.Code)
				}
			}
			for _, w := range tt.want {
				if !got[w] {
					t.Errorf("disputes %v lack %s", got, w)
				}
			}
			for _, n := range tt.not {
				if got[n] {
					t.Errorf("disputes %v should not have %s", got, n)
				}
			}
		})
	}
}

func TestAnalyzeNormsAndSimilarCases(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	res, err := a.Analyze(context.Background(), Request{Facts: "某某超市有限公司销售超过保质期的酸奶20盒，货值金额300元，违法所得50元，系首次违法，已主动下架并积极配合调查。"})
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]bool{}
	for _, n := range res.Norms {
		kinds[n.Kind] = true
		if n.Label == "" || n.Why == "" || n.Law == "" || n.Article <= 0 {
			t.Errorf("incomplete norm %+v", n)
		}
		if n.Resolved {
			t.Errorf("norm %s resolved without any statute imported", n.Label)
		}
	}
	for _, k := range []string{KindViolated, KindPenalty, KindDispute} {
		if !kinds[k] {
			t.Errorf("norm kinds %v lack %s", kinds, k)
		}
	}
	if len(res.SimilarCases) == 0 {
		t.Fatal("no similar cases among the samples")
	}
	sc := res.SimilarCases[0]
	if sc.Score != 1 || sc.ID == "" || len(sc.Basis) == 0 {
		t.Errorf("first similar case %+v: want score 1 with id and basis", sc)
	}
	if !strings.Contains(sc.Title, "保质期") {
		t.Errorf("first similar case %q is not about expired food", sc.Title)
	}
	if len(sc.Matched) == 0 {
		t.Errorf("first similar case has no matched facts")
	}
}

func TestRuneOffsets(t *testing.T) {
	text := "a货值8,000元b"
	o := newRuneOffsets(text)
	i := strings.Index(text, "8,000元")
	sp, got := o.span(i, i+len("8,000元"))
	if got != "8,000元" || sp != (Span{3, 9}) {
		t.Errorf("span = %v %q", sp, got)
	}
	if n := utf8.RuneCountInString(text); o.offset(len(text)) != n {
		t.Errorf("end offset %d, want %d", o.offset(len(text)), n)
	}
	if sp, _ := o.span(5, 2); sp != (Span{0, 0}) {
		t.Errorf("inverted span = %v", sp)
	}
}

// TestRuneOffsetsCountedAsTabled checks the on-demand count of a valid
// text against the per-byte table (runeTable, kept for invalid text) at
// every byte, inside runes too.
func TestRuneOffsetsCountedAsTabled(t *testing.T) {
	for _, text := range []string{"", "a", "货", "a货值8,000元b", "经查，当事人于2024年3月5日在其经营的超市销售超过保质期的食品（价值120元）。\n", "𠀀x𠀁"} {
		counted := newRuneOffsets(text)
		if counted.idx != nil {
			t.Fatalf("%q: valid text got a table", text)
		}
		tabled := runeTable(text)
		for b := 0; b <= len(text); b++ {
			if got, want := counted.offset(b), tabled[b]; got != want {
				t.Errorf("%q byte %d: counted %d, table %d", text, b, got, want)
			}
		}
	}
	bad := "a\xff货\xe8\xb4b"
	if o := newRuneOffsets(bad); o.idx == nil || o.offset(len(bad)) != 6 {
		t.Errorf("invalid text: table %v", o.idx)
	}
}

// FuzzAnalyze feeds arbitrary text through the whole analysis: it must
// answer or refuse the request, never panic, and spans must stay inside
// the text.
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{"", "销售过期食品货值1万元", "第第第条条", "血液酒精含量80毫克/100毫升", "\xff\xfe", "共计共计共计五万万万元", "2099年13月45日", "未未未不不拒首次"} {
		f.Add(s)
	}
	a, _ := newTestAnalyzer(f)
	f.Fuzz(func(t *testing.T, s string) {
		res, err := a.Analyze(context.Background(), Request{Facts: s})
		if err != nil {
			if !errors.Is(err, ErrInvalidRequest) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		n := utf8.RuneCountInString(s)
		for _, am := range res.Facts.Amounts {
			if am.Span[0] < 0 || am.Span[1] > n || am.Span[0] > am.Span[1] {
				t.Fatalf("amount span %v outside %d runes", am.Span, n)
			}
		}
	})
}

// TestAggravatedTierNeedsSeriousFacts: the 情节严重 tier of a violation
// shares its words with the basic tier, so without serious circumstances in
// the facts the basic tier ranks first, and with them the aggravated one
// comes up.
func TestAggravatedTierNeedsSeriousFacts(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	base := "某某商贸有限公司未取得道路运输经营许可，擅自使用自有货车从事道路普通货物运输经营，违法所得3000元。"
	rank := func(facts, id string) int {
		t.Helper()
		res, err := a.Analyze(context.Background(), Request{Facts: facts, Violations: 10})
		if err != nil {
			t.Fatal(err)
		}
		for i, v := range res.Violations {
			if v.BenchmarkID == id {
				return i
			}
		}
		return 99
	}
	basic, serious := "transport-63-unlicensed-freight", "transport-63-unlicensed-freight-serious"
	if b, s := rank(base, basic), rank(base, serious); b > s {
		t.Errorf("without serious facts: basic tier at %d, serious tier at %d", b, s)
	}
	withSerious := base + "经查，当事人情节严重。"
	if b, s := rank(withSerious, basic), rank(withSerious, serious); s > b {
		t.Errorf("with 情节严重: basic tier at %d, serious tier at %d", b, s)
	}
}

// TestUncorrectedTierNeedsTheOrderIgnored: the 逾期未改正 tier of a
// violation (安全生产法 第九十七条) ranks first only when the facts say the
// order to correct was not followed, however a re-inspection words it.
func TestUncorrectedTierNeedsTheOrderIgnored(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	basic, tier := "safety-97-training", "safety-97-training-not-corrected"
	tests := []struct {
		facts string
		want  string
	}{
		{"执法人员检查发现，某某木业有限公司未对一线操作工进行安全生产教育和培训，17名员工无任何培训记录。", basic},
		{"某某木业有限公司因未对一线操作工进行安全生产教育和培训被责令限期20日内改正，复查时仍有17名员工无任何培训记录。", tier},
		{"某某木业有限公司未对从业人员进行安全生产教育和培训，经责令限期改正，逾期未改正。", tier},
	}
	for _, tt := range tests {
		res, err := a.Analyze(context.Background(), Request{Facts: tt.facts})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Violations) == 0 || res.Violations[0].BenchmarkID != tt.want {
			var got []string
			for _, v := range res.Violations {
				got = append(got, fmt.Sprintf("%s %.3f lex %.3f", v.BenchmarkID, v.Score, v.LexicalScore))
			}
			t.Errorf("%s: violations %v; want %s first", tt.facts, got, tt.want)
		}
	}
}

// TestCueScore checks the fact cue of a violation: 1 when the facts give
// the amount its fine is computed from, 0 otherwise.
func TestCueScore(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []struct {
		facts string
		want  float64
	}{
		{"某某超市销售超过保质期的饼干10袋，货值金额共计260元。", 1},
		{"某某超市销售超过保质期的饼干10袋。", 0},
	}
	for _, tc := range tests {
		res, err := a.Analyze(context.Background(), Request{Facts: tc.facts})
		if err != nil {
			t.Fatal(err)
		}
		var got *Violation
		for i, v := range res.Violations {
			if v.BenchmarkID == "food-124-expired" {
				got = &res.Violations[i]
			}
		}
		if got == nil || got.CueScore != tc.want {
			t.Errorf("%s: food-124-expired %+v, want cue score %v", tc.facts, got, tc.want)
		}
	}
}

// TestMeasuresPersonFirst checks the measures read by patterns rather than
// by the quantity extractor: counts written person first, and the share of
// tax evaded.
func TestMeasuresPersonFirst(t *testing.T) {
	tests := []struct {
		text    string
		measure string
		want    float64 // 0: absent
	}{
		{"施工中一名工人被坠落的钢管砸中，经抢救无效死亡。", "deaths", 1},
		{"厂房内一名员工在行车吊装作业时被坠落的钢梁砸中，经抢救无效死亡。", "deaths", 1},
		{"事故造成两名工人受伤，其中一人重伤。", "serious_injuries", 1},
		{"当事人少缴税款15万元，占应纳税额的20%。", "tax_ratio", 20},
		{"当事人少缴税款15万元，占应纳税额的百分之三十。", "tax_ratio", 30},
		{"当事人销售过期食品，货值金额300元。", "deaths", 0},
		// the count after an outcome ends its phrase; in 1人重伤3人轻伤 the
		// 3 is the slight injuries'
		{"事故造成1人重伤3人轻伤。", "serious_injuries", 1},
		{"事故造成1人死亡3人受伤。", "deaths", 1},
		{"2025-10-08 某公司 清淤中毒 死亡五人 负有责任 结案", "deaths", 5},
		{"厂房坍塌，重伤十二人，无人死亡。", "serious_injuries", 12},
		// the catch is the weight its clause names, not the boat's tonnage
		{"在禁渔期内驾驶总吨位45吨的渔船捕捞，查获渔获物约200公斤。", "catch_kg", 200},
		{"在禁渔期内驾驶总吨位45吨的渔船捕捞。", "catch_kg", 0},
		// the bribe is the amount its word names, not the price or a fine
		{"给予县人民医院药剂科主任回扣8000元，货款25万元。", "bribe_amount", 8000},
		{"当事人向采购负责人行贿，决定给予罚款20万元。", "bribe_amount", 0},
	}
	for _, tc := range tests {
		norm := nlp.NormalizeText(tc.text)
		got := measures(norm, tc.text, nlp.Extract(tc.text))[tc.measure]
		if got != tc.want {
			t.Errorf("%s: %s = %v, want %v", tc.text, tc.measure, got, tc.want)
		}
	}
}

// TestAnalyzeDatesRefused: malformed or inverted dates are request errors.
func TestAnalyzeDatesRefused(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, req := range []Request{
		{Facts: "某人殴打他人", ActDate: "2025/06/03"},
		{Facts: "某人殴打他人", DecisionDate: "2026-02-30"},
		{Facts: "某人殴打他人", ActDate: "2025-06-03", DecisionDate: "2025-06-01"},
	} {
		_, err := a.Analyze(context.Background(), req)
		var re *RequestError
		if !errors.As(err, &re) || (re.Field != "act_date" && re.Field != "decision_date") {
			t.Errorf("%+v: err %v, want a RequestError on a date", req, err)
		}
	}
}

// TestAnalyzeLawChangedAfterAct: an assault of June 2025 decided in March
// 2026, after the 2025 治安管理处罚法 took effect, is answered under the law
// of the act with both dates and both versions stated: the 2025 article
// (第五十一条, fine 500–1000 元) is not lighter than the 2012 one, so the
// 2012 article applies without review; decided in 2025 it is not a change.
func TestAnalyzeLawChangedAfterAct(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	facts := "2025年6月3日晚，张某在小区门口与邻居发生争执，用拳头殴打邻居李某面部，致李某轻微伤。"
	for _, tt := range []struct {
		decision string
		change   bool
	}{{"2026-03-10", true}, {"2025-08-01", false}} {
		res, err := a.Analyze(context.Background(), Request{Facts: facts, DecisionDate: tt.decision})
		if err != nil {
			t.Fatal(err)
		}
		var sug *rules.Suggestion
		for _, v := range res.Violations {
			if v.BenchmarkID == "police-43-assault" && v.Suggestion != nil {
				sug = v.Suggestion
			}
		}
		if sug == nil {
			t.Fatalf("decision %s: no suggestion for police-43-assault in %+v", tt.decision, res.Violations)
		}
		if got := sug.LawChange != nil; got != tt.change {
			t.Fatalf("decision %s: law change %+v, want %v", tt.decision, sug.LawChange, tt.change)
		}
		if !tt.change {
			continue
		}
		ch := sug.LawChange
		if ch.ActDate != "2025-06-03" || ch.Applied != rules.AppliedAct || ch.Review ||
			!strings.Contains(ch.Reason, "治安管理处罚法已经修改，新的规定自2026-01-01起施行") || !strings.Contains(ch.Reason, "不轻于") {
			t.Errorf("law change %+v", ch)
		}
		if len(ch.Versions) != 2 || ch.Versions[1].BenchmarkID != "police25-51-assault" || ch.Versions[1].Statutory == nil || ch.Versions[1].Statutory.FineMax != 1000 {
			t.Errorf("versions %+v, want the 2025 第五十一条 with its range up to 1000", ch.Versions)
		}
		if sug.Statutory == nil || sug.Statutory.FineMax != 500 {
			t.Errorf("statutory %v, want the 2012 range up to 500", sug.Statutory)
		}
	}
}

// TestAnalyzeAgeFromBirthOnDecisionDay: a text that dates only the party's
// birth gives the age on the decision day, an upper bound of the age at the
// act, used when it is under 18 (行政处罚法 第三十条), with a warning to check
// it; an adult's age is not guessed.
func TestAnalyzeAgeFromBirthOnDecisionDay(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []struct {
		name, facts, decision string
		want                  float64 // -1: no age
		disposition           legal.Disposition
	}{
		{"under 14", "售卖者刘某某，2011年9月出生，系在校学生，在路边转卖没有标签的预包装糖果，货值三百八十元。", "2025-04-19", 13, legal.DispositionNone},
		{"adult", "售卖者刘某某，1990年9月出生，在路边转卖没有标签的预包装糖果，货值三百八十元。", "2025-04-19", -1, ""},
		{"no decision day", "售卖者刘某某，2011年9月出生，在路边转卖没有标签的预包装糖果，货值三百八十元。", "", -1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := a.Analyze(context.Background(), Request{Facts: tt.facts, DecisionDate: tt.decision})
			if err != nil {
				t.Fatal(err)
			}
			got := res.Facts.Engine.Age
			if (got == nil) != (tt.want < 0) || (got != nil && *got != tt.want) {
				t.Fatalf("age = %v; want %v", got, tt.want)
			}
			if tt.disposition == "" {
				return
			}
			if len(res.Violations) == 0 || res.Violations[0].Suggestion == nil {
				t.Fatal("no suggestion")
			}
			if d := res.Violations[0].Suggestion.Disposition; d != tt.disposition {
				t.Errorf("disposition = %s; want %s", d, tt.disposition)
			}
		})
	}
}

// TestAnalyzeCompensationOrder: unpaid wages after the deadline are answered
// as 责令加付赔偿金, an administrative order: the benchmark of 劳动保障监察条例
// 第二十六条 at the top, disposition 行政命令, the range from the amount owed
// only once 逾期不支付 is read, and none of the penalty points (时效, 告知与
// 陈述申辩, 听证, 过罚相当) among the disputes, nor the word 罚款.
func TestAnalyzeCompensationOrder(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []struct {
		name, facts string
		statutory   *rules.Range
	}{
		{"withheld wages, unpaid after the deadline",
			"2025年4月9日，劳动保障监察员检查发现某某家具厂以返工为由克扣14名木工3月份工资共计人民币21000元，责令其于4月19日前足额支付；4月22日复查时，该厂逾期仍未支付。", &rules.Range{FineMin: 10500, FineMax: 21000}},
		{"minimum-wage shortfall, not repaid",
			"经查，当事人某某保洁公司支付给9名保洁员的月工资低于本市最低工资标准，应补足差额共计10800元。本局于2024年7月3日责令其十五日内补发差额，当事人逾期未补发。", &rules.Range{FineMin: 5400, FineMax: 10800}},
		{"deadline not passed: no compensation yet",
			"2025年6月2日，监察员检查某某超市，发现其拖欠5名理货员5月工资共计15500元，当场下达限期改正指令书，责令其10日内支付。", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := a.Analyze(context.Background(), Request{Facts: tt.facts})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Violations) == 0 || res.Violations[0].BenchmarkID != "labour-26-compensation" || res.Violations[0].Suggestion == nil {
				t.Fatalf("top violation %+v; want labour-26-compensation", res.Violations)
			}
			sug := res.Violations[0].Suggestion
			if sug.Disposition != legal.DispositionOrder {
				t.Errorf("disposition = %s; want %s", sug.Disposition, legal.DispositionOrder)
			}
			if (sug.Statutory == nil) != (tt.statutory == nil) || (sug.Statutory != nil && *sug.Statutory != *tt.statutory) {
				t.Errorf("statutory = %v; want %v", sug.Statutory, tt.statutory)
			}
			for _, d := range res.Disputes {
				switch d.Code {
				case DisputeLimitation, DisputeNotice, DisputeHearing, DisputeProportionality:
					t.Errorf("dispute %s (%s) is a penalty's point, not an order's", d.Code, d.Title)
				}
				if d.Code == DisputeAmount && strings.Contains(d.Why, "罚款") {
					t.Errorf("amount dispute speaks of 罚款: %s", d.Why)
				}
			}
		})
	}
}
