package jieba

import (
	"bufio"
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cailiang/cailiang/nlp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

const (
	goldenInput  = "testdata/golden/sentences.txt"
	goldenOutput = "testdata/golden/sentences.cut.golden"
)

// testSegmenter returns the shared Segmenter for tests.
func testSegmenter(tb testing.TB) *Segmenter {
	tb.Helper()
	s, err := Shared(filepath.Join(os.TempDir(), "cailiang-jieba-test"))
	if err != nil {
		tb.Fatalf("load segmenter: %v", err)
	}
	return s
}

// goldenSentences reads the sentence file: one sentence a line, # comments.
func goldenSentences(tb testing.TB) []string {
	tb.Helper()
	data, err := os.ReadFile(goldenInput)
	if err != nil {
		tb.Fatalf("read sentences: %v", err)
	}
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out
}

// checkOffsets verifies that every token is the text at its byte span and
// that precise-mode tokens follow each other without overlap.
func checkOffsets(t *testing.T, text string, toks []nlp.Token, precise bool) {
	t.Helper()
	prevEnd := 0
	for _, tk := range toks {
		if tk.Start < 0 || tk.End > len(text) || tk.Start >= tk.End || text[tk.Start:tk.End] != tk.Text {
			t.Errorf("%q: token %q has bad span [%d,%d)", text, tk.Text, tk.Start, tk.End)
			continue
		}
		if precise {
			if tk.Start < prevEnd {
				t.Errorf("%q: token %q at %d overlaps the previous token ending at %d", text, tk.Text, tk.Start, prevEnd)
			}
			if gap := strings.TrimSpace(text[prevEnd:tk.Start]); gap != "" {
				t.Errorf("%q: text %q before token %q is in no token", text, gap, tk.Text)
			}
			prevEnd = tk.End
		}
	}
}

// TestGoldenCut compares Cut on our legal sentences with the golden output.
// Refresh with: go test ./nlp/jieba -run Golden -update
func TestGoldenCut(t *testing.T) {
	s := testSegmenter(t)
	sentences := goldenSentences(t)
	if len(sentences) < 40 {
		t.Fatalf("%d golden sentences, want at least 40", len(sentences))
	}
	var got bytes.Buffer
	for _, sent := range sentences {
		toks := s.Cut(sent)
		checkOffsets(t, sent, toks, true)
		checkOffsets(t, sent, s.CutForSearch(sent), false)
		got.WriteString(strings.Join(nlp.Words(toks), " "))
		got.WriteByte('\n')
	}
	if *update {
		if err := os.WriteFile(goldenOutput, got.Bytes(), 0o644); err != nil {
			t.Fatalf("write golden: %v", err)
		}
		return
	}
	want, err := os.ReadFile(goldenOutput)
	if err != nil {
		t.Fatalf("read golden (create it with -update): %v", err)
	}
	if bytes.Equal(got.Bytes(), want) {
		return
	}
	gotLines := strings.Split(got.String(), "\n")
	wantLines := strings.Split(string(want), "\n")
	for i := 0; i < max(len(gotLines), len(wantLines)); i++ {
		var g, w string
		if i < len(gotLines) {
			g = gotLines[i]
		}
		if i < len(wantLines) {
			w = wantLines[i]
		}
		if g != w {
			t.Errorf("sentence %d:\n got: %s\nwant: %s", i+1, g, w)
		}
	}
	t.Log("if the change is intended, rerun with -update and review the diff")
}

// coreTerms are terms that must come out of Cut as one token inside a
// sentence. Plain gojieba splits most of them (see TestCoreTermsWhole).
var coreTerms = []struct {
	term, sentence string
}{
	{"劳动合同法", "用人单位违反劳动合同法规定解除劳动合同的，应当支付赔偿金。"},
	{"食品安全法", "依照食品安全法规定，责令当事人改正。"},
	{"行政处罚法", "根据行政处罚法规定，当事人享有陈述、申辩的权利。"},
	{"中华人民共和国食品安全法", "违反《中华人民共和国食品安全法》第三十四条的规定。"},
	{"没收违法所得", "责令改正，没收违法所得，并处罚款。"},
	{"没收非法财物", "对当事人给予没收非法财物的行政处罚。"},
	{"责令停产停业", "情节严重的，责令停产停业，直至吊销许可证。"},
	{"责令关闭", "拒不改正的，报经有批准权的人民政府批准，责令关闭。"},
	{"责令改正", "由县级以上人民政府有关部门责令改正，给予警告。"},
	{"责令限期改正", "责令限期改正，逾期不改正的，处一万元罚款。"},
	{"第一百二十四条", "依据食品安全法第一百二十四条第一款作出处罚。"},
	{"第一百三十三条之一", "其行为触犯刑法第一百三十三条之一规定的危险驾驶罪。"},
	{"第一千一百六十五条", "依照民法典第一千一百六十五条的规定承担侵权责任。"},
	{"第十条", "根据本法第十条规定，予以处理。"},
	{"第二款", "依照前条第二款的规定处罚。"},
	{"第12条", "违反《消防法》第12条规定。"},
	{"货值金额", "并处货值金额十倍以上二十倍以下罚款。"},
	{"违法所得", "当事人有违法所得的，应当予以没收。"},
	{"销售金额", "销售金额五万元以上的，涉嫌生产、销售伪劣产品罪。"},
	{"违法经营额", "按照违法经营额的三倍处以罚款。"},
	{"劳动报酬", "用人单位应当按时足额支付劳动报酬。"},
	{"吊销许可证件", "降低资质等级或者吊销许可证件前应当告知听证权利。"},
	{"暂扣许可证件", "依法作出暂扣许可证件的决定。"},
	{"降低资质等级", "对施工单位作出降低资质等级的处罚。"},
	{"通报批评", "对违法单位给予通报批评。"},
	{"行政拘留", "对违反治安管理的人处以行政拘留。"},
	{"限制从业", "对直接责任人员作出限制从业的决定。"},
	{"市场监督管理局", "县市场监督管理局执法人员现场检查。"},
	{"生态环境局", "市生态环境局对该企业立案调查。"},
	{"应急管理局", "区应急管理局责令其停止作业。"},
	{"综合行政执法局", "街道综合行政执法局对占道经营进行整治。"},
	{"人力资源和社会保障局", "县人力资源和社会保障局下达劳动保障监察责令改正决定书。"},
	{"公安机关", "涉嫌犯罪的，移送公安机关处理。"},
	{"消防救援机构", "由消防救援机构责令改正。"},
	{"先行登记保存", "对涉案物品采取先行登记保存措施。"},
	{"陈述申辩", "当事人在规定期限内未提出陈述申辩。"},
	{"法制审核", "本案经法制审核后作出决定。"},
	{"集体讨论", "经行政机关负责人集体讨论决定给予处罚。"},
	{"行政复议", "当事人不服的，可以依法申请行政复议。"},
	{"不予处罚", "违法行为轻微并及时改正的，依法不予处罚。"},
	{"从轻处罚", "当事人积极配合调查，依法从轻处罚。"},
	{"减轻处罚", "当事人受他人胁迫实施违法行为，依法减轻处罚。"},
	{"从重处罚", "当事人多次违法，依法从重处罚。"},
	{"首违不罚", "本案适用首违不罚清单。"},
	{"裁量基准", "罚款数额应当按照裁量基准确定。"},
	{"无证经营", "该店涉嫌无证经营食品。"},
	{"超范围经营", "当事人存在超范围经营行为。"},
	{"虚假广告", "利用广告对商品作虚假广告的，依法处罚。"},
	{"价格欺诈", "虚构原价属于价格欺诈行为。"},
	{"超标排放", "该企业超标排放水污染物。"},
	{"醉酒驾驶", "醉酒驾驶机动车的，依法追究刑事责任。"},
	{"酒后驾驶", "严禁酒后驾驶机动车。"},
	{"拒不支付劳动报酬", "对拒不支付劳动报酬的用人单位依法处理。"},
	{"危险驾驶罪", "驾驶人涉嫌危险驾驶罪被移送司法机关。"},
	{"大气污染防治法", "违反大气污染防治法第十八条的规定。"},
	{"道路交通安全法", "依照道路交通安全法第九十一条处罚。"},
}

// TestCoreTermsWhole checks that each core term is one token of Cut in its
// sentence, and that search mode also yields it.
func TestCoreTermsWhole(t *testing.T) {
	if len(coreTerms) < 30 {
		t.Fatalf("%d core terms, want at least 30", len(coreTerms))
	}
	s := testSegmenter(t)
	for _, c := range coreTerms {
		if !strings.Contains(c.sentence, c.term) {
			t.Errorf("sentence %q does not contain %q", c.sentence, c.term)
			continue
		}
		words := nlp.Words(s.Cut(c.sentence))
		if !containsWord(words, c.term) {
			t.Errorf("Cut(%q) = %s, want %q as one token", c.sentence, strings.Join(words, "/"), c.term)
		}
		search := nlp.Words(s.CutForSearch(c.sentence))
		if !containsWord(search, c.term) {
			t.Errorf("CutForSearch(%q) = %s, want %q among the tokens", c.sentence, strings.Join(search, "/"), c.term)
		}
	}
}

func containsWord(words []string, w string) bool {
	for _, x := range words {
		if x == w {
			return true
		}
	}
	return false
}

// TestSearchModeLegalSubwords checks the sub-words cppjieba's search mode
// cannot produce (four or more characters inside a longer word).
func TestSearchModeLegalSubwords(t *testing.T) {
	s := testSegmenter(t)
	tests := []struct {
		text string
		want []string
	}{
		{"《中华人民共和国食品安全法》", []string{"中华人民共和国食品安全法", "食品安全法", "食品安全"}},
		{"依法没收违法所得", []string{"没收违法所得", "违法所得"}},
		{"吊销许可证件", []string{"吊销许可证件", "许可证件"}},
	}
	for _, tc := range tests {
		got := nlp.Words(s.CutForSearch(tc.text))
		for _, w := range tc.want {
			if !containsWord(got, w) {
				t.Errorf("CutForSearch(%q) = %s, want %q", tc.text, strings.Join(got, "/"), w)
			}
		}
		if precise := nlp.Words(s.Cut(tc.text)); containsWord(precise, tc.want[1]) {
			t.Errorf("Cut(%q) = %s: precise mode must keep the long word whole", tc.text, strings.Join(precise, "/"))
		}
	}
}
