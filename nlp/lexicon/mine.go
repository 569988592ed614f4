package lexicon

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cailiang/cailiang/nlp"
)

// Mined categories, in the order in which they claim a word after the seeds.
const (
	CategoryLaw     = "law"     // statute names: the law field and the title
	CategoryCrime   = "crime"   // crime names (罪名) from the SPC/SPP 罪名 documents
	CategoryDefined = "defined" // terms defined in quotes: 本法所称“X”, “X”是指
	CategoryClause  = "clause"  // penalty-triggering circumstance clauses: X的，
)

var minedTags = map[string]string{
	CategoryLaw:     "nz",
	CategoryCrime:   "nz",
	CategoryDefined: "n",
	CategoryClause:  "l",
}

// Thresholds of the miners. They trade volume for precision on purpose: a
// wrong whole-word entry hides the real words inside it from every search.
const (
	lawMinRunes       = 3
	lawMaxRunes       = 24
	crimeMinRunes     = 3
	crimeMaxRunes     = 16
	definedMinRunes   = 3
	definedMaxRunes   = 8
	definedMinCount   = 10 // occurrences in the national statutes in force
	clauseMinRunes    = 4
	clauseMaxRunes    = 6
	clauseMinCount    = 20
	quoteSearchRunes  = 20
	definedContextLen = 9 // bytes: three CJK runes
)

// statuteSuffixes are the endings of statute names; anything else in the law
// field (Q&A titles, guides) is not a name worth a dictionary entry.
var statuteSuffixes = []string{"法", "法典", "条例", "规定", "办法", "细则", "规则", "标准", "编"}

// definedBadRunes mark a quoted string as a phrase rather than a term:
// particles and conjunctions, or numerals (二年内, 十五日).
const definedBadRunes = "的或和及与等之零〇一二两三四五六七八九十百千万亿"

// definedBadHeads start quoted phrases that statutes define by enumeration
// ("其他严重情节", "有其他严重情节", "可以并处") rather than naming a thing.
var definedBadHeads = []string{"其他", "有", "可以", "无法", "不", "明显", "相关", "特殊", "必要", "违反", "申请", "造成"}

// clauseHeads start the circumstance clauses that move a penalty between
// levels (情节严重的, 拒不改正的, 逾期不改正的, 尚不构成犯罪的). Heads such as
// 有/没有/造成 are left out: "有违法所得" as one token would hide 违法所得.
var clauseHeads = []string{"情节", "逾期", "拒不", "尚不", "尚未", "数额", "数量", "后果"}

// statute is the part of one statutes_lawrefbook JSONL record that the miners
// read.
type statute struct {
	Law      string `json:"law"`
	Title    string `json:"title"`
	Category string `json:"category"`
	IsLatest bool   `json:"is_latest"`
	Text     string `json:"text"`
}

func (s statute) local() bool { return strings.HasPrefix(s.Category, "DLC/") }

// miner accumulates candidates over the whole corpus; the filters that need
// corpus-wide counts run in finish.
type miner struct {
	laws     map[string]bool
	crimes   map[string]bool
	defined  map[string]bool
	clauses  map[string]int
	national strings.Builder // national statutes in force, for occurrence counts
}

func newMiner() *miner {
	return &miner{
		laws:    make(map[string]bool),
		crimes:  make(map[string]bool),
		defined: make(map[string]bool),
		clauses: make(map[string]int),
	}
}

// readStatutes streams the JSONL files in order and feeds each record to m.
func (m *miner) readStatutes(paths []string) error {
	for _, p := range paths {
		if err := m.readFile(p); err != nil {
			return err
		}
	}
	return nil
}

func (m *miner) readFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open statutes: %w", err)
	}
	defer f.Close()
	dec := json.NewDecoder(f)
	for n := 1; ; n++ {
		var s statute
		err := dec.Decode(&s)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("statutes %s record %d: %w", path, n, err)
		}
		m.add(s)
	}
}

func (m *miner) add(s statute) {
	if s.Category == "案例" {
		// Labour-dispute Q&A items: editorial text, not statutes.
		return
	}
	s.Law = strings.TrimSpace(nlp.CleanStatute(s.Law))
	s.Title = strings.TrimSpace(nlp.CleanStatute(s.Title))
	for _, name := range []string{s.Law, s.Title} {
		if isStatuteName(name) {
			m.laws[name] = true
		}
	}
	if s.local() || !s.IsLatest {
		// Names come from every version; terms only from national texts in
		// force, so that repealed wording and local variants do not vote.
		return
	}
	text := nlp.CleanStatute(s.Text)
	if _, body, ok := strings.Cut(text, "<!-- INFO END -->"); ok {
		text = body
	}
	if strings.Contains(s.Law, "罪名") {
		m.mineCrimes(text)
	}
	m.mineDefined(text)
	m.mineClauses(text)
	m.national.WriteString(text)
	m.national.WriteByte('\n')
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

func allHan(s string) bool {
	for _, r := range s {
		if !isHan(r) {
			return false
		}
	}
	return s != ""
}

// isStatuteName accepts a law or title field as a dictionary word: Han only
// (no book-title marks, brackets or spaces), of a name's length, ending like
// a statute, and not a "…关于…的决定/解释" heading or a judicial
// interpretation title ("最高人民法院…若干问题的规定"), which are sentences.
func isStatuteName(name string) bool {
	n := utf8.RuneCountInString(name)
	if n < lawMinRunes || n > lawMaxRunes || !allHan(name) || strings.Contains(name, "关于") ||
		strings.HasPrefix(name, "最高人民") || strings.Contains(name, "若干问题") {
		return false
	}
	for _, suf := range statuteSuffixes {
		if strings.HasSuffix(name, suf) {
			return true
		}
	}
	return false
}

// mineCrimes reads the 罪名 lists: numbered items "12．资敌罪（第112条）" and
// table cells "|资助恐怖活动罪 |". A name counts only when it stands at an
// item or cell start, which leaves out abolished names quoted in
// "（取消投毒罪罪名）".
func (m *miner) mineCrimes(text string) {
	runes := []rune(text)
	for i := 0; i < len(runes); {
		if !isHan(runes[i]) {
			i++
			continue
		}
		j := i
		for j < len(runes) && isHan(runes[j]) {
			j++
		}
		run := runes[i:j]
		startOK := i == 0 || strings.ContainsRune("．.|\t\n", runes[i-1])
		if i > 0 && runes[i-1] == ' ' {
			// Table cells list several names separated by spaces, but also
			// wrap one long name at a space ("…出售 陆生野生动物罪"): only a
			// space after a finished name, a cell start or a chapter/section
			// number ("第九章 渎职罪") opens a new one.
			startOK = i == 1 || strings.ContainsRune("罪）)| \n章节", runes[i-2])
		}
		endOK := j == len(runes) || strings.ContainsRune("（( \t\n|", runes[j])
		if startOK && endOK && run[len(run)-1] == '罪' && len(run) >= crimeMinRunes && len(run) <= crimeMaxRunes {
			m.crimes[string(run)] = true
		}
		i = j
	}
}

// mineDefined collects quoted strings in a defining context: 本法所称“X”,
// 规定的“X”, “X”是指, “X”，是指.
func (m *miner) mineDefined(text string) {
	for off := 0; ; {
		i := strings.Index(text[off:], "“")
		if i < 0 {
			return
		}
		open := off + i
		inner := open + len("“")
		j := strings.Index(text[inner:], "”")
		if j < 0 {
			return
		}
		closeAt := inner + j
		off = inner
		word := text[inner:closeAt]
		n := utf8.RuneCountInString(word)
		if n < definedMinRunes || n > definedMaxRunes || !allHan(word) {
			continue
		}
		before := text[max(0, open-definedContextLen):open]
		after := text[closeAt+len("”"):]
		if strings.HasSuffix(before, "所称") || strings.HasSuffix(before, "规定的") ||
			strings.HasPrefix(after, "是指") || strings.HasPrefix(after, "，是指") {
			m.defined[word] = true
		}
	}
}

// mineClauses counts clause-initial phrases closed by 的 and a clause mark:
// "，拒不改正的，" counts 拒不改正.
func (m *miner) mineClauses(text string) {
	const de = "的"
	for off := 0; ; {
		i := strings.Index(text[off:], de)
		if i < 0 {
			return
		}
		at := off + i
		off = at + len(de)
		next, _ := utf8.DecodeRuneInString(text[off:])
		if !strings.ContainsRune("，；。：", next) {
			continue
		}
		start := at
		runes := 0
		for start > 0 && runes <= clauseMaxRunes {
			r, size := utf8.DecodeLastRuneInString(text[:start])
			if !isHan(r) {
				break
			}
			start -= size
			runes++
		}
		if runes < clauseMinRunes || runes > clauseMaxRunes {
			continue
		}
		if start > 0 {
			prev, _ := utf8.DecodeLastRuneInString(text[:start])
			if !strings.ContainsRune("，；。：、（）\n", prev) {
				continue
			}
		}
		m.clauses[text[start:at]]++
	}
}

// minedTerm is a word a miner proposes, before frequencies are assigned.
type minedTerm struct {
	word     string
	category string
}

// finish applies the corpus-wide filters and returns the mined terms, each
// category sorted so that the result does not depend on map order.
func (m *miner) finish(base *BaseDict, reject map[string]bool) []minedTerm {
	var out []minedTerm
	add := func(cat string, words []string) {
		sort.Strings(words)
		for _, w := range words {
			if !reject[w] {
				out = append(out, minedTerm{word: w, category: cat})
			}
		}
	}
	add(CategoryLaw, keys(m.laws))
	add(CategoryCrime, keys(m.crimes))

	var cands []string
	for w := range m.defined {
		if !strings.ContainsAny(w, definedBadRunes) && !hasAnyPrefix(w, definedBadHeads) && !base.Has(w) {
			cands = append(cands, w)
		}
	}
	counts := countAll(m.national.String(), cands)
	var defined []string
	for _, w := range cands {
		if counts[w] >= definedMinCount {
			defined = append(defined, w)
		}
	}
	add(CategoryDefined, defined)

	var clauses []string
	for w, c := range m.clauses {
		if c >= clauseMinCount && hasAnyPrefix(w, clauseHeads) && !base.Has(w) {
			clauses = append(clauses, w)
		}
	}
	add(CategoryClause, clauses)
	return out
}

// countAll counts the occurrences of every word in text in one pass. Calling
// strings.Count per word is far slower on Chinese text, where the first byte
// of a word's UTF-8 form matches at almost every rune. Words must be at least
// two runes long (the defined-term miner's minimum is three).
func countAll(text string, words []string) map[string]int {
	byHead := make(map[string][]string)
	for _, w := range words {
		_, a := utf8.DecodeRuneInString(w)
		_, b := utf8.DecodeRuneInString(w[a:])
		byHead[w[:a+b]] = append(byHead[w[:a+b]], w)
	}
	counts := make(map[string]int, len(words))
	for i := 0; i < len(text); {
		_, a := utf8.DecodeRuneInString(text[i:])
		_, b := utf8.DecodeRuneInString(text[i+a:])
		for _, w := range byHead[text[i:i+a+b]] {
			if strings.HasPrefix(text[i:], w) {
				counts[w]++
			}
		}
		i += a
	}
	return counts
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
