package lexicon

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// syntheticBase is a tiny stand-in for jieba.dict.utf8.
const syntheticBase = `没收 892 v
违法 1214 vn
所得 1004 v
罚款 689 n
食品 6610 n
安全法 53 nr
拒不 120 d
改正 300 v
`

func testBase(t *testing.T) *BaseDict {
	t.Helper()
	b, err := ReadBaseDict(strings.NewReader(syntheticBase))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func testSeeds() fstest.MapFS {
	return fstest.MapFS{
		"penalty.txt": {Data: []byte("# penalty kinds\n没收违法所得\n罚款 n\n\n")},
		"custom.txt":  {Data: []byte("自定义术语\n")},
		"reject.txt":  {Data: []byte("# never mined\n旧术语\n")},
	}
}

// writeCorpus writes a synthetic statutes JSONL file that exercises every
// miner and every exclusion rule, and returns its path.
func writeCorpus(t *testing.T, dir string) string {
	t.Helper()
	type rec struct {
		Law      string `json:"law"`
		Title    string `json:"title"`
		Category string `json:"category"`
		IsLatest bool   `json:"is_latest"`
		Text     string `json:"text"`
	}
	recs := []rec{
		{"食品安全法", "中华人民共和国食品安全法", "行政法", true,
			"# 中华人民共和国食品安全法\n\n2009年 通过\n\n<!-- INFO END -->\n\n第一条 本法所称“食品添加物”，是指加入食品中的物质。\n" +
				strings.Repeat("第二条 违反本法规定，拒不改正的，处罚款。食品添加物应当标注。\n", 20) +
				"第三条 “其他严重情节”是指。有违法所得的，没收。\n"},
		{"最高人民检察院关于适用刑法分则规定的犯罪的罪名的意见", "最高人民检察院关于适用刑法分则规定的犯罪的罪名的意见", "司法解释", true,
			"# 意见\n\n<!-- INFO END -->\n\n## 第二章 危害公共安全罪\n\n48．交通肇事罪（第133条） 49．危险驾驶罪（第133条之一）\n\n" +
				"| 第338条 |污染环境罪（取消重大环境污染事故罪罪名） |\n| 第276条之一 |非法采集人类遗传资源、走私 人类遗传资源材料罪 |\n"},
		{"浙江省食品小作坊条例", "浙江省食品小作坊条例", "DLC/浙江地方法规", true,
			"<!-- INFO END -->\n本条例所称“手工作坊”，是指。" + strings.Repeat("手工作坊", 12) + "\n"},
		{"加班费的仲裁时效应当如何认定", "加班费的仲裁时效应当如何认定", "案例", true, "本规定所称“仲裁时效”，是指。\n"},
		{"全国人民代表大会常务委员会关于修改食品安全法的决定", "全国人民代表大会常务委员会关于修改食品安全法的决定", "宪法相关法", true, "<!-- INFO END -->\n"},
		{"食品安全法", "中华人民共和国食品安全法", "行政法", false,
			"<!-- INFO END -->\n本法所称“旧术语”，是指。" + strings.Repeat("旧术语", 12) + "\n"},
		{"旧条例", "旧条例", "行政法规", false, "<!-- INFO END -->\n"},
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	for _, r := range recs {
		if err := enc.Encode(r); err != nil {
			t.Fatal(err)
		}
	}
	p := filepath.Join(dir, "national.jsonl")
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestBuildSynthetic(t *testing.T) {
	corpus := writeCorpus(t, t.TempDir())
	d, err := Build(Config{Seeds: testSeeds(), Statutes: []string{corpus}, Base: testBase(t)})
	if err != nil {
		t.Fatal(err)
	}
	got := make(map[string]Term)
	for _, tm := range d.Terms {
		got[tm.Word] = tm
	}
	want := map[string]struct {
		category string
		freq     int
		tag      string
	}{
		"没收违法所得":       {"penalty", DefaultFloor, "v"},
		"罚款":           {"penalty", 689, "n"}, // jieba's own frequency is kept
		"自定义术语":        {"custom", DefaultFloor, "n"},
		"食品安全法":        {CategoryLaw, DefaultFloor, "nz"},
		"中华人民共和国食品安全法": {CategoryLaw, DefaultFloor, "nz"},
		"浙江省食品小作坊条例":   {CategoryLaw, DefaultFloor, "nz"},
		"旧条例":          {CategoryLaw, DefaultFloor, "nz"}, // names come from every version
		"交通肇事罪":        {CategoryCrime, DefaultFloor, "nz"},
		"危险驾驶罪":        {CategoryCrime, DefaultFloor, "nz"},
		"危害公共安全罪":      {CategoryCrime, DefaultFloor, "nz"},
		"污染环境罪":        {CategoryCrime, DefaultFloor, "nz"},
		"食品添加物":        {CategoryDefined, DefaultFloor, "n"},
		"拒不改正":         {CategoryClause, DefaultFloor, "l"},
	}
	for w, x := range want {
		tm, ok := got[w]
		if !ok {
			t.Errorf("missing %q", w)
			continue
		}
		if tm.Category != x.category || tm.Freq != x.freq || tm.Tag != x.tag {
			t.Errorf("%q = %s/%d/%s, want %s/%d/%s", w, tm.Category, tm.Freq, tm.Tag, x.category, x.freq, x.tag)
		}
	}
	for _, w := range []string{
		"加班费的仲裁时效应当如何认定", "仲裁时效", // 案例 records are not statutes
		"全国人民代表大会常务委员会关于修改食品安全法的决定", // a heading, not a name
		"重大环境污染事故罪", // abolished name inside （取消…罪名）
		"人类遗传资源材料罪", // tail of a name wrapped at a space
		"手工作坊",      // local texts do not vote for terms
		"旧术语",       // rejected, and from a repealed version
		"其他严重情节",    // enumeration head
		"有违法所得",     // clause head that would hide 违法所得
	} {
		if _, ok := got[w]; ok {
			t.Errorf("%q should not be in the dictionary", w)
		}
	}
	if _, err := ParseDictionary(d.Bytes()); err != nil {
		t.Errorf("built dictionary does not parse: %v", err)
	}
}

// TestBuildDeterministic rebuilds from the same input several times: the
// miners collect into maps, whose order Go randomises on every run.
func TestBuildDeterministic(t *testing.T) {
	corpus := writeCorpus(t, t.TempDir())
	var first []byte
	for i := range 5 {
		d, err := Build(Config{Seeds: testSeeds(), Statutes: []string{corpus}, Base: testBase(t)})
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = d.Bytes()
			continue
		}
		if got := d.Bytes(); !bytes.Equal(got, first) {
			t.Fatalf("build %d differs from build 0:\n%s\nvs\n%s", i, got, first)
		}
	}
}

func TestBuildErrors(t *testing.T) {
	base := testBase(t)
	tests := []struct {
		name  string
		cfg   Config
		check func(error) bool
	}{
		{"no base", Config{Seeds: testSeeds()}, func(err error) bool { return errors.Is(err, ErrNoBase) }},
		{"duplicate seed", Config{Base: base, Seeds: fstest.MapFS{
			"a.txt": {Data: []byte("罚款\n")}, "b.txt": {Data: []byte("罚款\n")},
		}}, func(err error) bool { return errors.Is(err, ErrFormat) }},
		{"seed also rejected", Config{Base: base, Seeds: fstest.MapFS{
			"a.txt": {Data: []byte("罚款\n")}, "reject.txt": {Data: []byte("罚款\n")},
		}}, func(err error) bool { return errors.Is(err, ErrFormat) }},
		{"bad tag", Config{Base: base, Seeds: fstest.MapFS{"a.txt": {Data: []byte("罚款 N1\n")}}},
			func(err error) bool { return errors.Is(err, ErrFormat) }},
		{"three fields", Config{Base: base, Seeds: fstest.MapFS{"a.txt": {Data: []byte("罚款 100 n\n")}}},
			func(err error) bool { return errors.Is(err, ErrFormat) }},
		{"missing statutes", Config{Base: base, Seeds: testSeeds(), Statutes: []string{"/nonexistent/national.jsonl"}},
			func(err error) bool { return errors.Is(err, fs.ErrNotExist) }},
	}
	for _, tc := range tests {
		_, err := Build(tc.cfg)
		if err == nil || !tc.check(err) {
			t.Errorf("%s: Build error = %v", tc.name, err)
		}
	}

	bad := filepath.Join(t.TempDir(), "bad.jsonl")
	if err := os.WriteFile(bad, []byte("{\"law\": \"x\"}\n{not json\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(Config{Base: base, Seeds: testSeeds(), Statutes: []string{bad}}); err == nil || !strings.Contains(err.Error(), "record 2") {
		t.Errorf("malformed JSONL: error = %v, want one naming record 2", err)
	}
}

func TestParseLine(t *testing.T) {
	good := []string{"罚款 689 n", "没收违法所得 2000 v", "AT&T 3 nz"}
	for _, l := range good {
		e, err := ParseLine(l)
		if err != nil {
			t.Errorf("ParseLine(%q): %v", l, err)
			continue
		}
		if e.String() != l {
			t.Errorf("ParseLine(%q).String() = %q", l, e.String())
		}
	}
	bad := []string{
		"",
		"罚款",
		"罚款 689",
		"罚款\t689\tn",
		"罚款  689 n",
		"罚款 689 n ",
		"罚款 689 n x",
		" 689 n",
		"罚款 0 n",
		"罚款 -5 n",
		"罚款 0689 n",
		"罚款 1e3 n",
		"罚款 99999999999 n",
		"罚款 689 N",
		"罚款 689 名词",
		"罚\u3000款 689 n",
		"罚\x00款 689 n",
		"\xff 689 n",
	}
	for _, l := range bad {
		if _, err := ParseLine(l); !errors.Is(err, ErrFormat) {
			t.Errorf("ParseLine(%q) error = %v, want ErrFormat", l, err)
		}
	}
}

func TestParseDictionary(t *testing.T) {
	tests := []struct {
		data string
		ok   bool
	}{
		{"", true},
		{"一 1 n\n二 1 n\n", true},
		{"二 1 n\n一 1 n\n", false}, // unsorted
		{"一 1 n\n一 2 n\n", false}, // duplicate
		{"一 1 n", false},          // no final newline
		{"一 1 n\r\n", false},
		{"一 1 n\n\n二 1 n\n", false}, // empty line
	}
	for _, tc := range tests {
		_, err := ParseDictionary([]byte(tc.data))
		if (err == nil) != tc.ok {
			t.Errorf("ParseDictionary(%q) error = %v, want ok=%v", tc.data, err, tc.ok)
		}
	}
}

func TestReadBaseDict(t *testing.T) {
	b := testBase(t)
	if b.Freq("罚款") != 689 || b.Freq("不存在") != 0 || !b.Has("没收") || b.Len() != 8 {
		t.Errorf("base dict read wrong: 罚款=%d len=%d", b.Freq("罚款"), b.Len())
	}
	if b.Total() != 892+1214+1004+689+6610+53+120+300 {
		t.Errorf("Total = %d", b.Total())
	}
	for _, bad := range []string{"", "罚款\n", "罚款 x n\n", "罚款 0 n\n"} {
		if _, err := ReadBaseDict(strings.NewReader(bad)); err == nil {
			t.Errorf("ReadBaseDict(%q) accepted", bad)
		}
	}
}

func TestFrequency(t *testing.T) {
	b := testBase(t)
	tests := []struct {
		word string
		want int
	}{
		{"罚款", 689},              // two runes, jieba knows it: jieba's value
		{"醉驾", ShortFloor},       // two runes, unknown
		{"没收违法所得", DefaultFloor}, // long, unknown
		{"食品", 6610},             // jieba's value when higher
	}
	for _, tc := range tests {
		if got := frequency(tc.word, b, DefaultFloor); got != tc.want {
			t.Errorf("frequency(%q) = %d, want %d", tc.word, got, tc.want)
		}
	}
}

// TestEmbeddedSeeds checks the committed seed lists: they parse, and the
// go:embed pattern picked them up.
func TestEmbeddedSeeds(t *testing.T) {
	names, err := fs.Glob(Seeds(), "*.txt")
	if err != nil || len(names) < 5 {
		t.Fatalf("embedded seeds: %v %v", names, err)
	}
	terms, _, err := readSeeds(Seeds())
	if err != nil {
		t.Fatal(err)
	}
	if len(terms) < 1000 {
		t.Errorf("%d seed terms, want at least 1000", len(terms))
	}
}

func TestStatuteFiles(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "statutes_lawrefbook")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := StatuteFiles(dir); err == nil {
		t.Error("StatuteFiles accepted a folder without the files")
	}
	for _, n := range []string{"national.jsonl", "local.jsonl"} {
		if err := os.WriteFile(filepath.Join(sub, n), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range []string{dir, sub} {
		got, err := StatuteFiles(d)
		if err != nil || len(got) != 2 || filepath.Base(got[0]) != "national.jsonl" {
			t.Errorf("StatuteFiles(%s) = %v, %v", d, got, err)
		}
	}
}
