package rules

// This test checks every legal fact the built-in benchmark catalog states
// against the statute texts in the shared data folder (national.jsonl, the
// lawrefbook export of the national database): each cited provision exists
// in the version in force, the law is named exactly as the corpus names it,
// every amount, multiple and bracket threshold is written in the penalty
// provision, every quoted `text:` is verbatim statute text, effective_from is
// the date that version took effect, and every crime named in `transfer:` is
// an official charge name whose 刑法 article exists. It also resolves every
// 行政处罚法 provision the engine cites. Locally it skips when the data
// folder is missing; under CI=true it fails.

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/corpus/shareddata"
	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/nlp"
)

// catalogSectors are the sector names benchmarks may use.
var catalogSectors = map[legal.Sector]bool{
	"市场监管": true, "生态环境": true, "交通运输": true, "公安": true, "应急管理": true,
	"消防": true, "城市管理": true, "人力资源社会保障": true, "税务": true, "自然资源": true,
	// 渔政 (渔业法) and 文化市场综合执法 (著作权法), one benchmark each.
	"农业农村": true, "文化旅游": true,
}

// statuteFixture is the part of the statutes corpus the catalog cites.
type statuteFixture struct {
	store    *corpus.Store
	resolver *corpus.Resolver
	// charges is the text of the 罪名 determinations (确定罪名的规定 and its
	// supplements), where official charge names are listed.
	charges string
}

// parsedStatutes caches the national statutes the catalog needs, parsed once
// per test binary; each test builds its own store from them.
var parsedStatutes struct {
	once    sync.Once
	keep    []corpus.Statute
	charges string
	err     error
}

// loadStatutes imports the laws named in laws (every version of each), plus
// 行政处罚法 and 刑法, from national.jsonl into a store in the test's temporary
// directory.
func loadStatutes(t *testing.T, laws map[string]bool) *statuteFixture {
	t.Helper()
	path := shareddata.File(t, "statutes_lawrefbook/national.jsonl")
	updates := shareddata.File(t, "statutes_lawrefbook/national_updates.jsonl")
	p := &parsedStatutes
	p.once.Do(func() {
		p.keep, p.charges, p.err = readStatutes(path, laws)
		if p.err == nil {
			var titles []corpus.Statute
			titles, p.err = newTitles(updates, laws, p.keep)
			p.keep = append(p.keep, titles...)
		}
	})
	if p.err != nil {
		t.Fatalf("read statutes: %v", p.err)
	}
	store, err := corpus.OpenStore(filepath.Join(t.TempDir(), "statutes.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	if _, _, err := store.PutStatutes(p.keep); err != nil {
		t.Fatal(err)
	}
	return &statuteFixture{store: store, resolver: corpus.NewResolver(store), charges: p.charges}
}

func readStatutes(path string, laws map[string]bool) ([]corpus.Statute, string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, "", err
	}
	defer f.Close()
	var keep []corpus.Statute
	var charges strings.Builder
	// The transfer catalog's sources share the fixture (one parse per binary).
	extra := crimeLaws()
	err = corpus.ReadLawrefJSONL(f, func(st corpus.Statute) error {
		if st.Region != "" {
			return nil
		}
		if strings.Contains(st.Law, "确定罪名") || strings.Contains(st.Law, "罪名的意见") {
			for _, a := range st.Articles {
				charges.WriteString(a.Text())
				charges.WriteByte('\n')
			}
		}
		if laws[st.Law] || extra[st.Law] || st.Law == cfl || st.Law == "刑法" {
			keep = append(keep, st)
		}
		return nil
	})
	if err != nil {
		return nil, "", err
	}
	if charges.Len() == 0 {
		return nil, "", errors.New("no 罪名 determinations found in national.jsonl")
	}
	return keep, nlp.NormalizeText(charges.String()), nil
}

// newTitles reads the laws of the updates file that national.jsonl does
// not hold at all (生态环境法典): the benchmarks written for them are
// checked like any other. Newer versions of laws already read are left to
// the freshness tests, which check each benchmark over its interval.
func newTitles(path string, laws map[string]bool, have []corpus.Statute) ([]corpus.Statute, error) {
	known := map[string]bool{}
	for _, st := range have {
		known[st.Law] = true
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []corpus.Statute
	err = corpus.ReadLawrefJSONL(f, func(st corpus.Statute) error {
		if st.Region == "" && laws[st.Law] && !known[st.Law] {
			out = append(out, st)
		}
		return nil
	})
	return out, err
}

// resolveFor resolves a provision a benchmark cites: the version in force
// today, or for a benchmark whose law has ended (effective_to), the version
// in force on its first day.
func (fx *statuteFixture) resolveFor(b *Benchmark, r legal.Ref) (corpus.Resolved, error) {
	if b.EffectiveTo == "" {
		return fx.resolve(r)
	}
	res, err := fx.resolver.ResolveParsed(corpus.ParsedCitation{LawName: r.Law, Ref: legal.Ref{
		Article: r.Article, Suffix: r.Suffix, Paragraph: r.Paragraph, Item: r.Item}}, b.EffectiveFrom)
	if err == nil && res.Statute.Law != r.Law {
		err = fmt.Errorf("law %q resolved to %q (%s): use the corpus short name exactly", r.Law, res.Statute.Law, res.Statute.Title)
	}
	return res, err
}

func (fx *statuteFixture) resolve(r legal.Ref) (corpus.Resolved, error) {
	res, err := fx.resolver.ResolveParsed(corpus.ParsedCitation{LawName: r.Law, Ref: legal.Ref{
		Article: r.Article, Suffix: r.Suffix, Paragraph: r.Paragraph, Item: r.Item}}, "")
	if err != nil {
		return res, err
	}
	if res.Statute.Law != r.Law {
		return res, fmt.Errorf("law %q resolved to %q (%s): use the corpus short name exactly", r.Law, res.Statute.Law, res.Statute.Title)
	}
	if !res.Statute.InForce {
		return res, fmt.Errorf("%s resolved to a version not in force (%s)", res.Label, res.Statute.VersionDate)
	}
	return res, nil
}

func refLabel(r legal.Ref) string { return RefLabel(r) }

// catalogLaws lists every law the catalog cites.
func catalogLaws(c *Catalog) map[string]bool {
	laws := map[string]bool{}
	for _, b := range c.All() {
		laws[b.PenaltyRef.Law] = true
		for _, v := range b.Violated {
			laws[v.Law] = true
		}
		for _, f := range b.Factors {
			if f.Basis != nil {
				laws[f.Basis.Law] = true
			}
		}
	}
	for _, f := range c.Config.CommonFactors {
		if f.Basis != nil {
			laws[f.Basis.Law] = true
		}
	}
	return laws
}

func TestCatalogAgainstStatutes(t *testing.T) {
	c, err := LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	fx := loadStatutes(t, catalogLaws(c))
	for _, b := range c.All() {
		where := fmt.Sprintf("%s:%d: benchmark %s", b.file, b.line, b.ID)
		if !catalogSectors[b.Sector] {
			t.Errorf("%s: sector %q is not one of the catalog sectors", where, b.Sector)
		}
		if b.LawVersion != "" {
			// Written for a version newer than the snapshot:
			// TestSuccessorsAgainstNewText checks it against that text.
			continue
		}
		refs := append([]legal.Ref{}, b.Violated...)
		for _, f := range b.Factors {
			if f.Basis != nil {
				refs = append(refs, *f.Basis)
			}
		}
		for _, r := range refs {
			if _, err := fx.resolveFor(b, r); err != nil {
				t.Errorf("%s: cited provision %s does not resolve in the version in force: %v", where, refLabel(r), err)
			}
		}
		pen, err := fx.resolveFor(b, b.PenaltyRef)
		if err != nil {
			t.Errorf("%s: penalty provision %s does not resolve in the version in force: %v", where, refLabel(b.PenaltyRef), err)
			continue
		}
		// Amounts sit in the lead-in of the 款 while the 项 list conduct, so
		// they are checked against the 款 (or the whole article).
		scope := b.PenaltyRef
		scope.Item = 0
		scopeRes, err := fx.resolveFor(b, scope)
		if err != nil {
			t.Errorf("%s: %s: %v", where, refLabel(scope), err)
			continue
		}
		for _, problem := range textProblems(b, scopeRes, pen) {
			t.Errorf("%s: %s", where, problem)
		}
		if want := inForceFrom(fx, pen.Statute); b.EffectiveFrom != want && !startsWithCitedLaw(fx, b, want) {
			t.Errorf("%s: effective_from %s; the version of %s in force (%s) took effect on %s", where, b.EffectiveFrom, b.PenaltyRef.Law, pen.Statute.VersionDate, want)
		}
		for _, problem := range checkTransfer(fx, b.Transfer) {
			t.Errorf("%s: transfer: %s", where, problem)
		}
		// Citations written out in the description (土地管理法第七十七条第一款)
		// must exist too.
		for _, pc := range corpus.FindCitations(b.Description) {
			if _, err := fx.resolver.ResolveParsed(pc, ""); err != nil {
				t.Errorf("%s: description cites %s: %v", where, b.Description[pc.Span[0]:pc.Span[1]], err)
			}
		}
	}
}

// textProblems checks a benchmark's amounts against its penalty 款 (scope,
// where the lead-in states them while the 项 list conduct) and its quotes
// against the penalty article (pen).
func textProblems(b *Benchmark, scope, pen corpus.Resolved) []string {
	var out []string
	articleText := nlp.NormalizeText(pen.Article.Text())
	amountText := nlp.NormalizeText(scope.Text)
	if _, err := ParseFineText(scope.Text); errors.Is(err, errNoAmount) || finedAsPriorParagraph(scope.Text) {
		// 处以罚款 in the 款 and the amounts in the next one by item
		// (生态环境法典 第一千一百七十五条第二款: 有前款第一项…的，处…), or a 款
		// fined as the one before it (矿产资源法 2024年 第六十四条第二款: 依照前款规定处罚).
		amountText = articleText
	}
	for _, problem := range checkAmounts(b, amountText) {
		out = append(out, scope.Label+": "+problem)
	}
	for _, q := range quotes(b) {
		for _, frag := range strings.Split(nlp.NormalizeText(q), "……") {
			if frag != "" && !strings.Contains(articleText, frag) {
				out = append(out, fmt.Sprintf("quoted text %q is not in %s (%s)", frag, pen.Label, pen.Statute.VersionDate))
			}
		}
	}
	return out
}

// startsWithCitedLaw accepts a benchmark that starts after its penalty text
// when a law it cites as violated takes effect in the corpus on that day
// (矿产资源法实施细则 1994 fines; the corpus's 矿产资源法 begins with its 2009
// text): the benchmark cannot apply before the text it cites.
func startsWithCitedLaw(fx *statuteFixture, b *Benchmark, penaltyFrom string) bool {
	if b.EffectiveFrom <= penaltyFrom {
		return false
	}
	for _, r := range b.Violated {
		if res, err := fx.resolveFor(b, r); err == nil && inForceFrom(fx, res.Statute) == b.EffectiveFrom {
			return true
		}
	}
	return false
}

// finedAsPriorParagraph tells a 款 whose fine is the previous 款's (依照前款规定
// 处罚, 依照本条第一款规定处罚): its amounts are written in the article, not in it.
func finedAsPriorParagraph(text string) bool {
	t := nlp.NormalizeText(text)
	return strings.Contains(t, "依照前款规定处罚") || strings.Contains(t, "依照本条第一款规定处罚")
}

// quotes returns every statute quotation of a benchmark.
func quotes(b *Benchmark) []string {
	var out []string
	for _, p := range b.Penalties {
		if p.Text != "" {
			out = append(out, p.Text)
		}
		if p.Fine != nil {
			for _, br := range p.Fine.Brackets {
				if br.Text != "" {
					out = append(out, br.Text)
				}
			}
		}
	}
	return out
}

var shixing = regexp.MustCompile(`自(\d{4})年(\d{1,2})月(\d{1,2})日起施行`)

// amendedShixing lists versions whose amending decision set a later 施行
// date that the consolidated text does not state (its own 本法自…起施行 is the
// first enactment's): the date, and a fragment of the version's own text
// that shows it. 著作权法 2020-11-11: the 2020 修正 decision took effect on
// 2021-06-01 (the decision is not in the corpus); the text's 第六十五条 cuts
// over on that day ("保护期在2021年6月1日前已经届满").
var amendedShixing = map[string]struct{ version, date, evidence string }{
	"著作权法": {"2020-11-11", "2021-06-01", "在2021年6月1日前已经届满"},
}

// inForceFrom is the date the version took effect: its version date, or the
// later 施行 date its own text states (本法自…起施行), or the amending
// decision's (amendedShixing) when the text shows it.
func inForceFrom(fx *statuteFixture, info corpus.StatuteInfo) string {
	want := info.VersionDate
	ex, hasEx := amendedShixing[info.Law]
	hasEx = hasEx && ex.version == info.VersionDate
	_ = fx.store.Articles(info.ID, func(a corpus.Article) error {
		if hasEx && strings.Contains(nlp.NormalizeText(a.Text()), nlp.NormalizeText(ex.evidence)) && ex.date > want {
			want = ex.date
		}
		for _, m := range shixing.FindAllStringSubmatch(nlp.NormalizeText(a.Text()), -1) {
			y, _ := strconv.Atoi(m[1])
			mo, _ := strconv.Atoi(m[2])
			d, _ := strconv.Atoi(m[3])
			if s := fmt.Sprintf("%04d-%02d-%02d", y, mo, d); s > want {
				want = s
			}
		}
		return nil
	})
	return want
}

var transferPart = regexp.MustCompile(`^([^（(]+罪)[（(](刑法第[^）)]+条(?:之[一二三四五六七八九十]+)?)[）)]$`)

// checkTransfer checks transfer text of the form 罪名（刑法第X条）[；…].
func checkTransfer(fx *statuteFixture, transfer string) []string {
	if transfer == "" {
		return nil
	}
	var problems []string
	for _, part := range strings.Split(transfer, "；") {
		m := transferPart.FindStringSubmatch(strings.TrimSpace(part))
		if m == nil {
			problems = append(problems, fmt.Sprintf("%q should read 罪名（刑法第X条）", part))
			continue
		}
		if !strings.Contains(fx.charges, nlp.NormalizeText(m[1])) {
			problems = append(problems, fmt.Sprintf("%s is not a charge name in the 罪名 determinations", m[1]))
		}
		if _, err := fx.resolver.Resolve(m[2], ""); err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", m[2], err))
		}
	}
	return problems
}

// checkAmounts reports every amount, multiple and threshold of the fine that
// the penalty provision's text does not state.
func checkAmounts(b *Benchmark, text string) []string {
	var problems []string
	need := func(what string, ok bool) {
		if !ok {
			problems = append(problems, what+" is not written in the penalty provision")
		}
	}
	form := func(r, m, p *Span) {
		if r != nil {
			for _, v := range []float64{r.Min, r.Max} {
				if v > 0 {
					need(fmt.Sprintf("amount %v", v), hasYuan(text, v) || computedFromBase(text, v) || multipleOfPriorFine(text, v))
				}
			}
		}
		for _, s := range []*Span{m, p} {
			if s == nil {
				continue
			}
			for _, v := range []float64{s.Min, s.Max} {
				if v <= 0 {
					continue
				}
				if s == m {
					need(fmt.Sprintf("multiple %v", v), hasMultiple(text, v))
				} else {
					need(fmt.Sprintf("per-unit amount %v", v), hasYuan(text, v))
				}
			}
		}
	}
	for _, p := range b.Penalties {
		if p.Fine == nil {
			continue
		}
		f := p.Fine
		if len(f.Brackets) == 0 {
			form(f.Range, f.Multiple, f.PerUnit)
		}
		for _, br := range f.Brackets {
			form(br.Range, br.Multiple, br.PerUnit)
			for _, th := range []*float64{br.LT, br.GTE} {
				if th == nil || *th == 0 {
					continue
				}
				v := *th
				if exceeds := math.Round((v-math.Floor(v))*100) == 1; exceeds {
					// 超过X元 (more than X) is written as gte X+0.01.
					need(fmt.Sprintf("threshold 超过%v", math.Floor(v)), hasYuanAfter(text, math.Floor(v), "超过"))
					continue
				}
				need(fmt.Sprintf("threshold %v", v), hasYuan(text, v))
			}
		}
	}
	return problems
}

// yuanForms lists how statutes write an amount in yuan: 五万元, 5万元,
// 50000元, 二千元 or 两千元.
func yuanForms(v float64) []string {
	if v != math.Trunc(v) {
		return []string{strconv.FormatFloat(v, 'f', 2, 64) + "元"}
	}
	n := int64(v)
	forms := []string{nlp.FormatChineseInt(n) + "元", strconv.FormatInt(n, 10) + "元"}
	if n%10000 == 0 {
		forms = append(forms, nlp.FormatChineseInt(n/10000)+"万元", strconv.FormatInt(n/10000, 10)+"万元")
	} else if n%1000 == 0 {
		// 排污许可管理条例 第三十七条: 处每次5千元以上2万元以下的罚款.
		forms = append(forms, strconv.FormatInt(n/1000, 10)+"千元")
	}
	for _, f := range forms {
		if strings.HasPrefix(f, "二") {
			forms = append(forms, "两"+strings.TrimPrefix(f, "二"))
		}
	}
	return forms
}

// multipleForms lists how statutes write a multiple: 十倍, 10倍, 等值 (1×),
// 百分之五十 or 50% (0.5×).
func multipleForms(m float64) []string {
	var forms []string
	if m == 1 {
		// 按照原处罚数额按日连续处罚 (环境保护法 第五十九条) is the original
		// fine once per day.
		forms = append(forms, "等值", "等额", "按照原处罚数额", "按照原罚款数额")
	}
	if m == math.Trunc(m) {
		k := int64(m)
		forms = append(forms, nlp.FormatChineseInt(k)+"倍", strconv.FormatInt(k, 10)+"倍")
	}
	if p := math.Round(m * 100); math.Abs(p-m*100) < 1e-9 {
		forms = append(forms, "百分之"+nlp.FormatChineseInt(int64(p)), strconv.FormatInt(int64(p), 10)+"%")
	} else if p := m * 100; math.Abs(math.Round(p*10)-p*10) < 1e-9 {
		// A percentage with a decimal (建设工程质量管理条例 第六十二条:
		// 工程合同价款0.5%以上1%以下).
		forms = append(forms, strconv.FormatFloat(math.Round(p*10)/10, 'f', -1, 64)+"%")
	}
	return forms
}

// containsNumber reports whether form occurs in text as a whole number: not
// preceded by another numeral rune (五万元 inside 十五万元) and, when it ends
// in a numeral (百分之五 inside 百分之五十), not followed by one.
func containsNumber(text, form string) bool {
	endsNumeral := nlp.IsNumeralRune(lastRune(form))
	for i := 0; ; {
		j := strings.Index(text[i:], form)
		if j < 0 {
			return false
		}
		at := i + j
		before := lastRune(text[:at])
		after := firstRune(text[at+len(form):])
		if !(before != 0 && (nlp.IsNumeralRune(before) || before == '.')) &&
			!(endsNumeral && after != 0 && (nlp.IsNumeralRune(after) || after == '.' || after == '%')) {
			return true
		}
		i = at + len(form)
	}
}

func lastRune(s string) rune {
	r := []rune(s)
	if len(r) == 0 {
		return 0
	}
	return r[len(r)-1]
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

func hasYuan(text string, v float64) bool {
	for _, f := range yuanForms(v) {
		if containsNumber(text, f) {
			return true
		}
	}
	return false
}

func hasYuanAfter(text string, v float64, prefix string) bool {
	for _, f := range yuanForms(v) {
		if strings.Contains(text, prefix+f) {
			return true
		}
	}
	return false
}

func hasMultiple(text string, m float64) bool {
	for _, f := range multipleForms(m) {
		if containsNumber(text, f) {
			return true
		}
	}
	return false
}

// multipleOfPriorFine accepts an amount the statute fixes as a multiple of
// the fine of its previous paragraph (安全生产法 第一百一十四条第二款: 按照前款罚款
// 数额的二倍以上五倍以下): the amount is a written amount times a written
// multiple.
func multipleOfPriorFine(text string, v float64) bool {
	if !strings.Contains(text, "前款罚款数额") {
		return false
	}
	for k := 2.0; k <= 10; k++ {
		if hasMultiple(text, k) && hasYuan(text, v/k) {
			return true
		}
	}
	return false
}

var computedBase = regexp.MustCompile(`按([零〇一二两三四五六七八九十百千万0-9.]+元)计算`)

// computedFromBase accepts an amount the statute does not write but fixes by
// a floor on the base (货值金额不足十万元的，按十万元计算): the amount is a
// multiple the provision writes times the floor.
func computedFromBase(text string, v float64) bool {
	for _, m := range computedBase.FindAllStringSubmatch(text, -1) {
		base, err := nlp.ParseAmount(m[1])
		if err != nil || base <= 0 {
			continue
		}
		if k := v / base; hasMultiple(text, k) {
			return true
		}
	}
	return false
}

// TestEngineNationalCitations resolves every 行政处罚法 provision the engine
// cites: the fixed list of the rules it applies, plus whatever a run over
// every benchmark with a spread of facts puts in a trace.
func TestEngineNationalCitations(t *testing.T) {
	c, err := LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	fx := loadStatutes(t, catalogLaws(c))
	refs := map[legal.Ref]string{}
	for _, r := range []legal.Ref{
		{Law: cfl, Article: 28, Paragraph: 1}, {Law: cfl, Article: 28, Paragraph: 2},
		{Law: cfl, Article: 29}, {Law: cfl, Article: 30}, {Law: cfl, Article: 31},
		{Law: cfl, Article: 32, Item: 1}, {Law: cfl, Article: 32, Item: 2}, {Law: cfl, Article: 32, Item: 3}, {Law: cfl, Article: 32, Item: 4},
		{Law: cfl, Article: 33, Paragraph: 1}, {Law: cfl, Article: 33, Paragraph: 2}, {Law: cfl, Article: 33, Paragraph: 3},
		{Law: cfl, Article: 34}, {Law: cfl, Article: 36, Paragraph: 1}, {Law: cfl, Article: 36, Paragraph: 2},
		{Law: cfl, Article: 51}, {Law: cfl, Article: 57, Paragraph: 2},
		{Law: cfl, Article: 58, Paragraph: 1, Item: 2}, {Law: cfl, Article: 63, Paragraph: 1}, {Law: cfl, Article: 63, Paragraph: 1, Item: 1},
	} {
		refs[r] = "engine rule list"
	}
	age := func(v float64) *float64 { return &v }
	factSets := []Facts{
		{},
		{Age: age(12)},
		{Age: age(16), PartyKind: "个人"},
		{MentalState: "unable"}, {MentalState: "lucid"}, {MentalState: "partial"},
		{MinorViolation: true, CorrectedInTime: true, NoHarm: true},
		{FirstViolation: true, HarmSlight: true, CorrectedInTime: true},
		{NoFault: true},
		{SelfRemovedHarm: true, Coerced: true, Confessed: true, Meritorious: true, Mitigate: true},
		{ActDate: "2020-01-01", DiscoveryDate: "2024-01-01"},
		{ActDate: "2023-01-01", DiscoveryDate: "2023-06-01", PartyKind: "单位"},
		{PartyKind: "个人", Cooperated: true},
	}
	ids := make([]string, 0, c.Len())
	for _, b := range c.All() {
		ids = append(ids, b.ID)
	}
	for i, b := range c.All() {
		for _, f := range factSets {
			f.AlsoViolates = []string{ids[(i+1)%len(ids)]}
			if f.AlsoViolates[0] == b.ID {
				f.AlsoViolates = nil
			}
			s, err := c.Suggest(b.ID, f)
			if err != nil {
				t.Fatalf("Suggest(%s): %v", b.ID, err)
			}
			for _, x := range s.Basis {
				if x.Law == cfl {
					refs[x.Ref] = "engine trace for " + b.ID
				}
			}
			for _, st := range s.Trace {
				for _, x := range st.Basis {
					if x.Law == cfl {
						refs[x.Ref] = "engine trace for " + b.ID + " (" + st.Step + ")"
					}
				}
			}
		}
	}
	keys := make([]legal.Ref, 0, len(refs))
	for r := range refs {
		keys = append(keys, r)
	}
	sort.Slice(keys, func(i, j int) bool { return refLabel(keys[i]) < refLabel(keys[j]) })
	for _, r := range keys {
		if _, err := fx.resolve(r); err != nil {
			t.Errorf("%s (%s) does not resolve: %v", refLabel(r), refs[r], err)
		}
	}
}

// TestAmountForms pins the formatter the statute check relies on.
func TestAmountForms(t *testing.T) {
	tests := []struct {
		text string
		v    float64
		want bool
	}{
		{"并处五万元以上十万元以下罚款", 50000, true},
		{"并处五万元以上十万元以下罚款", 100000, true},
		{"并处十五万元以上", 50000, false},
		{"处2000元以上2万元以下", 2000, true},
		{"处2000元以上2万元以下", 20000, true},
		{"处两千元罚款", 2000, true},
		{"处一千元以上", 1000, true},
		{"处一百五十万元", 1500000, true},
		{"处二十万元以上一百万元以下", 1000000, true},
		{"处五百元以下", 500, true},
		{"处十五元", 5, false},
	}
	for _, tt := range tests {
		if got := hasYuan(tt.text, tt.v); got != tt.want {
			t.Errorf("hasYuan(%q, %v) = %v; want %v", tt.text, tt.v, got, tt.want)
		}
	}
	mult := []struct {
		text string
		m    float64
		want bool
	}{
		{"货值金额十倍以上二十倍以下", 10, true},
		{"货值金额十五倍以上三十倍以下", 5, false},
		{"货值金额百分之五十以上三倍以下", 0.5, true},
		{"货值金额百分之五十以上", 0.05, false},
		{"工程造价百分之五以上百分之十以下", 0.05, true},
		{"货值金额等值以上三倍以下", 1, true},
		{"违法所得5倍以下", 5, true},
		{"违法所得的10%以上50%以下", 0.1, true},
		{"违法所得的10%以上50%以下", 0.5, true},
		{"违法所得的10%以上", 0.01, false},
	}
	for _, tt := range mult {
		if got := hasMultiple(tt.text, tt.m); got != tt.want {
			t.Errorf("hasMultiple(%q, %v) = %v; want %v", tt.text, tt.m, got, tt.want)
		}
	}
	if !computedFromBase("货值金额十五倍以上三十倍以下的罚款；货值金额不足十万元的，按十万元计算", 1500000) {
		t.Error("computedFromBase: 15 × 十万元 should be accepted")
	}
	if computedFromBase("货值金额十五倍以上三十倍以下的罚款；货值金额不足十万元的，按十万元计算", 1600000) {
		t.Error("computedFromBase: 16 × 十万元 should be rejected")
	}
	if !hasYuanAfter("违法所得超过2万元的", 20000, "超过") {
		t.Error("hasYuanAfter(超过2万元)")
	}
}

// TestBracketSemanticsSource pins the statute docs/benchmarks.md cites for
// the bracket semantics: 以上 includes the number (刑法第九十九条).
func TestBracketSemanticsSource(t *testing.T) {
	c, err := LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	fx := loadStatutes(t, catalogLaws(c))
	res, err := fx.resolve(legal.Ref{Law: "刑法", Article: 99})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Text, "以上、以下、以内，包括本数") {
		t.Errorf("刑法第九十九条 = %q; want it to say 以上、以下、以内 include the number", res.Text)
	}
}
