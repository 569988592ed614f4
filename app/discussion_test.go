package app

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/corpus"
)

// TestCaseAnonymiser: the party's particulars and other personal data leave
// every text; the rest of the facts stays.
func TestCaseAnonymiser(t *testing.T) {
	for _, tc := range []struct {
		name  string
		party casework.Party
		text  string
		gone  []string
		kept  []string
	}{
		{"organisation", casework.Party{Kind: "organisation", Name: "某市甲乙食品有限公司", IDNumber: "91310000MA1K12345X", Representative: "张三丰"},
			"某市甲乙食品有限公司（统一社会信用代码91310000MA1K12345X，法定代表人张三丰）销售超过保质期的牛奶12盒，货值金额360元。",
			[]string{"甲乙食品", "91310000MA1K12345X", "张三丰"}, []string{"销售超过保质期的牛奶12盒", "货值金额360元", "当事人"}},
		{"person", casework.Party{Kind: "person", Name: "李四光", IDNumber: "110101199003071234", Phone: "13812345678", Address: "某区某路18号"},
			"当事人李四光（身份证号110101199003071234，电话13812345678，住某区某路18号）无证经营。",
			[]string{"李四光", "110101199003071234", "13812345678", "某路18号"}, []string{"无证经营"}},
		{"long organisation name", casework.Party{Kind: "organisation", Name: strings.Repeat("很长的名称", 10) + "有限公司"},
			strings.Repeat("很长的名称", 10) + "有限公司超范围经营。", []string{"很长的名称"}, []string{"超范围经营"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, err := CaseAnonymiser{}.Anonymise(tc.party, []string{tc.text, ""})
			if err != nil {
				t.Fatal(err)
			}
			if len(out) != 2 || out[1] != "" {
				t.Fatalf("out = %q", out)
			}
			for _, g := range tc.gone {
				if strings.Contains(out[0], g) {
					t.Errorf("%q still in %q", g, out[0])
				}
			}
			for _, k := range tc.kept {
				if !strings.Contains(out[0], k) {
					t.Errorf("%q lost from %q", k, out[0])
				}
			}
		})
	}
	if _, err := (CaseAnonymiser{}).Anonymise(casework.Party{}, []string{"\xff"}); err == nil {
		t.Error("invalid UTF-8 anonymised without an error")
	}
}

// TestCaseCitations resolves the citations of a comment against a store
// holding one statute: found ones carry the article text, others an error.
func TestCaseCitations(t *testing.T) {
	st, err := corpus.OpenStore(filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	// 行政处罚法 第三十二条's first sentence, as in the statute text.
	xz := corpus.Statute{ID: "xzcf", Law: "行政处罚法", Title: "中华人民共和国行政处罚法", Category: "行政法", VersionDate: "2021-01-22",
		Articles: []corpus.Article{{Number: 32, Paragraphs: []corpus.Paragraph{{Text: "当事人有下列情形之一，应当从轻或者减轻行政处罚："}}}}}
	if _, _, err := st.PutStatutes([]corpus.Statute{xz}); err != nil {
		t.Fatal(err)
	}
	got, err := CaseCitations{Resolver: corpus.NewResolver(st)}.Cite(context.Background(), "依照《行政处罚法》第三十二条从轻；另见《不存在法》第九条。")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("citations = %+v", got)
	}
	if got[0].Label != "行政处罚法第三十二条" || !strings.Contains(got[0].Article, "应当从轻或者减轻行政处罚") || got[0].Error != "" {
		t.Errorf("first = %+v", got[0])
	}
	if got[1].Error == "" || got[1].Article != "" {
		t.Errorf("second = %+v, want an error", got[1])
	}
	if none, err := (CaseCitations{}).Cite(context.Background(), "《行政处罚法》第三十二条"); err != nil || none != nil {
		t.Errorf("without a resolver: %v, %v", none, err)
	}
}
