package jieba

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cailiang/cailiang/corpus/shareddata"
	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/nlp/lexicon"
)

// minTerms is the size the dictionary must keep.
const minTerms = 3000

// requiredTerms must be in the dictionary whatever the corpus holds: the
// penalty kinds of 行政处罚法 §9, the procedure and amount vocabulary the rules
// engine matches, and the statutes our benchmarks cite.
var requiredTerms = []string{
	// penalty kinds
	"警告", "通报批评", "罚款", "没收违法所得", "没收非法财物", "暂扣许可证件", "吊销许可证件",
	"降低资质等级", "限制开展生产经营活动", "责令停产停业", "责令关闭", "限制从业", "行政拘留",
	// procedure
	"立案", "调查取证", "先行登记保存", "陈述申辩", "听证", "法制审核", "集体讨论", "送达",
	"行政复议", "行政诉讼", "责令改正", "责令限期改正",
	// amounts
	"货值金额", "违法所得", "销售金额", "违法经营额", "直接经济损失", "劳动报酬",
	// discretion
	"不予处罚", "从轻处罚", "减轻处罚", "从重处罚", "首违不罚", "裁量基准",
	// agencies
	"市场监督管理局", "生态环境局", "应急管理局", "综合行政执法局", "人力资源和社会保障局",
	"公安机关", "消防救援机构",
	// violations
	"无证经营", "超范围经营", "虚假广告", "价格欺诈", "超标排放", "醉酒驾驶", "酒后驾驶",
	"超载", "拒不支付劳动报酬",
	// statutes: short and title forms
	"行政处罚法", "食品安全法", "劳动合同法", "中华人民共和国食品安全法", "中华人民共和国行政处罚法",
	"大气污染防治法", "道路交通安全法", "安全生产法", "广告法", "价格法", "产品质量法",
	"行政执法机关移送涉嫌犯罪案件的规定",
	// crimes
	"危险驾驶罪", "污染环境罪", "重大责任事故罪",
}

func parsedLegalDict(t *testing.T) []lexicon.Entry {
	t.Helper()
	entries, err := lexicon.ParseDictionary(legalDict)
	if err != nil {
		t.Fatalf("legal.dict: %v", err)
	}
	return entries
}

// TestLegalDictFormat checks the rules whose breach gojieba does not report:
// a tab-separated line is silently ignored, a malformed one aborts the C++
// side, so every line must be exactly "word freq tag" with single spaces.
func TestLegalDictFormat(t *testing.T) {
	if !utf8.Valid(legalDict) {
		t.Fatal("legal.dict is not valid UTF-8")
	}
	if bytes.HasPrefix(legalDict, []byte("\xef\xbb\xbf")) {
		t.Fatal("legal.dict starts with a BOM, which would become part of the first word")
	}
	if bytes.IndexByte(legalDict, '\t') >= 0 {
		t.Fatal("legal.dict contains a tab; gojieba ignores such lines")
	}
	entries := parsedLegalDict(t) // also checks sorting, uniqueness, freq, tag
	if len(entries) < minTerms {
		t.Errorf("legal.dict has %d terms, want at least %d", len(entries), minTerms)
	}
	for _, e := range entries {
		if strings.ContainsFunc(e.Word, nlp.IsZeroWidth) {
			t.Errorf("word %q contains a zero-width character", e.Word)
		}
	}
}

func TestLegalDictCoversRequired(t *testing.T) {
	have := make(map[string]bool)
	for _, e := range parsedLegalDict(t) {
		have[e.Word] = true
	}
	for _, w := range requiredTerms {
		if !have[w] {
			t.Errorf("legal.dict lacks %q", w)
		}
	}
}

// baseDict reads gojieba's main dictionary as embedded in this package.
func baseDict(t *testing.T) *lexicon.BaseDict {
	t.Helper()
	f, err := gojiebaDicts.Open("gojieba_dict/jieba.dict.utf8")
	if err != nil {
		t.Fatalf("open embedded jieba.dict.utf8: %v", err)
	}
	defer f.Close()
	b, err := lexicon.ReadBaseDict(f)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestLegalDictNeverWeakensJieba: a user word replaces jieba's entry, so a
// frequency below jieba's own would make jieba segment that word worse.
func TestLegalDictNeverWeakensJieba(t *testing.T) {
	base := baseDict(t)
	for _, e := range parsedLegalDict(t) {
		if bf := base.Freq(e.Word); e.Freq < bf {
			t.Errorf("%q: frequency %d is below jieba's %d", e.Word, e.Freq, bf)
		}
	}
}

// TestLegalDictTermsWholeAlone segments every term on its own: each must come
// back as exactly one token, or its frequency does not beat jieba's split.
func TestLegalDictTermsWholeAlone(t *testing.T) {
	s := testSegmenter(t)
	bad := 0
	for _, e := range parsedLegalDict(t) {
		toks := s.Cut(e.Word)
		if len(toks) != 1 || toks[0].Text != e.Word {
			bad++
			if bad <= 20 {
				t.Errorf("Cut(%q) = %s, want one token", e.Word, strings.Join(nlp.Words(toks), "/"))
			}
		}
	}
	if bad > 20 {
		t.Errorf("%d terms in all do not survive alone", bad)
	}
}

// TestLegalDictMatchesTool rebuilds the dictionary from the seeds and the
// statute corpus and requires the committed file to be identical, so that the
// list and the tool never drift. It skips without the shared data, except
// under CI=true, where it fails.
func TestLegalDictMatchesTool(t *testing.T) {
	files, err := lexicon.StatuteFiles(shareddata.Dir(t))
	if err != nil {
		t.Fatal(err)
	}
	d, err := lexicon.Build(lexicon.Config{Statutes: files, Base: baseDict(t)})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	got := d.Bytes()
	if bytes.Equal(got, legalDict) {
		return
	}
	gotLines := strings.Split(string(got), "\n")
	wantLines := strings.Split(string(legalDict), "\n")
	gotSet := make(map[string]bool, len(gotLines))
	for _, l := range gotLines {
		gotSet[l] = true
	}
	wantSet := make(map[string]bool, len(wantLines))
	for _, l := range wantLines {
		wantSet[l] = true
	}
	shown := 0
	for _, l := range gotLines {
		if !wantSet[l] && shown < 20 {
			t.Errorf("tool builds %q, committed file lacks it", l)
			shown++
		}
	}
	for _, l := range wantLines {
		if !gotSet[l] && shown < 40 {
			t.Errorf("committed file has %q, tool does not build it", l)
			shown++
		}
	}
	t.Errorf("nlp/jieba/legal.dict is stale (%d vs %d lines): run go run ./cmd/dictgen -out nlp/jieba/legal.dict",
		len(wantLines)-1, len(gotLines)-1)
}
