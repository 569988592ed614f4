package rules

// Benchmarks written for a newer statute version (law_version) are checked
// here against that version's text, read with its older versions from
// national.jsonl and national_updates.jsonl as an agency imports them; the
// benchmarks written for the corpus snapshot are checked against it by
// TestCatalogAgainstStatutes. Benchmarks carried on into later versions
// (unchanged_in) are checked to cite the same words in both.

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/nlp"
)

// successorConduct lists, for each successor benchmark, words of the
// conduct that must be written both in its penalty provision and in its
// predecessor's: the same conduct under the new article number.
var successorConduct = map[string][]string{
	"police25-26-disrupt-order":         {"扰乱机关、团体、企业、事业单位秩序", "公共场所秩序"},
	"police25-26-disrupt-order-serious": {"扰乱机关、团体、企业、事业单位秩序", "情节较重"},
	"police25-29-false-alarm":           {"散布谣言", "谎报险情、疫情", "投放虚假", "扬言实施放火"},
	"police25-29-false-alarm-minor":     {"散布谣言", "情节较轻"},
	"police25-30-provocation":           {"结伙斗殴", "追逐、拦截他人", "强拿硬要", "寻衅滋事"},
	"police25-50-harassment":            {"威胁他人人身安全", "公然侮辱他人", "诬告陷害", "偷窥、偷拍、窃听、散布他人隐私"},
	"police25-51-assault":               {"殴打他人", "故意伤害他人身体"},
	"police25-51-assault-minor":         {"殴打他人", "情节较轻"},
	"police25-51-assault-aggravated":    {"结伙殴打、伤害他人", "残疾人、孕妇", "多次殴打、伤害他人或者一次殴打、伤害多人"},
	"police25-58-theft":                 {"盗窃、诈骗、哄抢、抢夺", "敲诈勒索"},
	"police25-58-theft-serious":         {"盗窃、诈骗、哄抢、抢夺", "情节较重"},
	"police25-59-damage":                {"故意损毁公私财物"},
	"police25-59-damage-serious":        {"故意损毁公私财物", "情节较重"},
	"police25-61-obstruct-duty":         {"阻碍国家机关工作人员依法执行职务"},
	"police25-62-impersonation":         {"冒充国家机关工作人员招摇撞骗"},
	"police25-54-forced-trade":          {"强买强卖商品", "强迫他人接受服务"},
	"police25-89-animal-injury":         {"未对动物采取安全措施，致使动物伤害他人"},
	"police25-76-joyride":               {"偷开他人机动车"},
	"police25-47-trespass":              {"非法限制他人人身自由、非法侵入他人住宅或者非法搜查他人身体"},
	"police25-78-prostitution":          {"卖淫、嫖娼"},
	"police25-82-gambling":              {"以营利为目的，为赌博提供条件", "参与赌博赌资较大"},
	"police25-82-gambling-serious":      {"为赌博提供条件", "情节严重"},
	"police25-84-drug-use":              {"吸食、注射毒品"},
	"police25-78-soliciting":            {"在公共场所拉客招嫖"},
	"police25-68-rental":                {"房屋出租人", "不按规定登记承租人"},
	"police25-67-hotel":                 {"旅馆业", "不按规定登记"},
	"police25-38-knife":                 {"非法携带", "管制器具"},
	"police25-38-knife-public":          {"管制器具", "进入公共场所或者公共交通工具"},
	"police25-50-privacy":               {"偷窥、偷拍、窃听、散布他人隐私"},
	// 矿产资源法 2024年 第六十四条、第六十七条 and the 2009 text's 实施细则 第四十二条:
	// mining without the right (未取得采矿权开采 / 未取得采矿许可证擅自采矿) and
	// beyond the registered area (超出…开采区域 / 超越批准的矿区范围) both name 采矿.
	"mineral25-64-unlicensed-mining": {"采矿", "矿产资源"},
	"mineral25-64-beyond-area":       {"采矿"},
	"mineral25-67-no-mining-licence": {"采矿许可证", "开采作业"},
	"comp25-24-bribery":              {"贿赂", "没收违法所得"},
	"comp25-25-false-promotion":      {"虚假或者引人误解的商业宣传", "虚假交易"},
	"comp25-23-confusion":            {"实施混淆行为", "没收违法商品", "违法经营额五万元以上的"},
	"comp25-28-disparagement":        {"商业信誉、商品声誉"},
	"comp25-29-network":              {"网络"},
	"comp25-27-prize-sales":          {"进行有奖销售"},
	"comp25-26-trade-secret":         {"侵犯商业秘密"},
	"comp25-35-obstruct-unit":        {"拒绝、阻碍调查", "对单位可以处十万元以下的罚款"},
	"comp25-35-obstruct-individual":  {"拒绝、阻碍调查", "对个人可以处一万元以下的罚款"},
}

// termRe reads every 拘留 term a provision states.
var termRe = regexp.MustCompile(`(?:([一二三四五六七八九十]+)日以上)?([一二三四五六七八九十]+)日以下(?:的)?(?:行政)?拘留`)

// statedTerms returns the 拘留 terms written in text, as [min, max] days.
func statedTerms(text string) [][2]float64 {
	var out [][2]float64
	for _, m := range termRe.FindAllStringSubmatch(text, -1) {
		var lo int64
		if m[1] != "" {
			lo, _ = nlp.ParseChineseInt(m[1])
		}
		hi, _ := nlp.ParseChineseInt(m[2])
		out = append(out, [2]float64{float64(lo), float64(hi)})
	}
	return out
}

// resolveOn resolves r in the version of its law in force on date.
func resolveOn(res *corpus.Resolver, r legal.Ref, date string) (corpus.Resolved, error) {
	return res.ResolveParsed(corpus.ParsedCitation{LawName: r.Law, Ref: r}, date)
}

// citedRefs lists every provision a benchmark cites: violated, penalty (and
// its 款 or article, where the amounts are), circumstances and limitation.
func citedRefs(b *Benchmark) []legal.Ref {
	refs := append([]legal.Ref{b.PenaltyRef}, b.Violated...)
	scope := b.PenaltyRef
	scope.Item = 0
	refs = append(refs, scope)
	for _, f := range b.Factors {
		if f.Basis != nil {
			refs = append(refs, *f.Basis)
		}
	}
	if b.LimitationBasis != nil {
		refs = append(refs, *b.LimitationBasis)
	}
	return refs
}

// TestSuccessorsAgainstNewText checks every benchmark written for a newer
// version against that version's text: each cited provision exists in it,
// effective_from is the day it took effect, the conduct words are in both
// the new and the predecessor's penalty provision, every amount and quote
// is in the text, and the fine ranges and 拘留 terms the parser reads from
// the new text are the benchmark's.
func TestSuccessorsAgainstNewText(t *testing.T) {
	cat, _, store := freshCatalogs(t)
	resolver := corpus.NewResolver(store)
	fx := loadStatutes(t, catalogLaws(cat))
	checked := 0
	for _, b := range cat.All() {
		if b.LawVersion == "" || b.PenaltyRef.Law == ecoCode {
			// The 法典's successors have their own check with the 法典's
			// wording (amounts in the next 款): TestEcoCodeSuccessorsAgainstText.
			continue
		}
		checked++
		where := fmt.Sprintf("%s:%d: %s", b.file, b.line, b.ID)
		for _, r := range citedRefs(b) {
			res, err := resolveOn(resolver, r, b.EffectiveFrom)
			switch {
			case err != nil:
				t.Errorf("%s: %s on %s: %v", where, RefLabel(r), b.EffectiveFrom, err)
			case r.Law == b.PenaltyRef.Law && res.Statute.VersionDate != b.LawVersion:
				t.Errorf("%s: %s on %s resolves in the %s version, not law_version %s", where, RefLabel(r), b.EffectiveFrom, res.Statute.VersionDate, b.LawVersion)
			}
		}
		pen, err := resolveOn(resolver, b.PenaltyRef, b.EffectiveFrom)
		if err != nil {
			continue
		}
		vs := versionsOf(store, b.PenaltyRef.Law)
		if i := slices.IndexFunc(vs, func(v corpus.StatuteInfo) bool { return v.VersionDate == b.LawVersion }); i < 0 {
			t.Errorf("%s: no version %s of %s", where, b.LawVersion, b.PenaltyRef.Law)
		} else if from := fromOf(vs[i]); b.EffectiveFrom != from {
			t.Errorf("%s: effective_from %s, but the %s version took effect on %s", where, b.EffectiveFrom, b.LawVersion, from)
		}
		scope := b.PenaltyRef
		scope.Item = 0
		scopeRes, err := resolveOn(resolver, scope, b.EffectiveFrom)
		if err != nil {
			t.Errorf("%s: %s: %v", where, RefLabel(scope), err)
			continue
		}
		for _, problem := range textProblems(b, scopeRes, pen) {
			t.Errorf("%s: %s", where, problem)
		}
		articleText := nlp.NormalizeText(pen.Article.Text())
		for _, problem := range checkTransfer(fx, b.Transfer) {
			t.Errorf("%s: transfer: %s", where, problem)
		}
		for _, pc := range corpus.FindCitations(b.Description) {
			if _, err := resolver.ResolveParsed(pc, b.EffectiveFrom); err != nil {
				t.Errorf("%s: description cites %s: %v", where, b.Description[pc.Span[0]:pc.Span[1]], err)
			}
		}
		checkParsedRanges(t, where, b, scopeRes.Text)
		words, ok := successorConduct[b.ID]
		if !ok {
			t.Errorf("%s: no conduct words listed in successorConduct", where)
		}
		for _, w := range words {
			if !strings.Contains(nlp.NormalizeText(scopeRes.Text), nlp.NormalizeText(w)) && !strings.Contains(articleText, nlp.NormalizeText(w)) {
				t.Errorf("%s: %q is not in %s (%s)", where, w, pen.Label, b.LawVersion)
			}
		}
		prev, ok := cat.predecessor[b.ID]
		if !ok {
			continue
		}
		old, err := resolveOn(resolver, prev.PenaltyRef, prev.EffectiveFrom)
		if err != nil {
			t.Errorf("%s: predecessor %s: %v", where, prev.ID, err)
			continue
		}
		oldText := nlp.NormalizeText(old.Article.Text())
		for _, w := range words {
			// The conduct is the same; the circumstance words (情节较重)
			// may sit in another article of the old text.
			if !strings.Contains(oldText, nlp.NormalizeText(w)) && !strings.HasPrefix(w, "情节") {
				t.Errorf("%s: %q is not in the predecessor's %s (%s): not the same conduct", where, w, old.Label, old.Statute.VersionDate)
			}
		}
	}
	if checked == 0 {
		t.Fatal("no benchmark with law_version")
	}
	t.Logf("%d benchmarks written for a newer version checked against its text", checked)
}

// checkParsedRanges compares the benchmark's fine ranges and 拘留 terms with
// those the project's parser (ParseFineText) and the term pattern read from
// the provision's text: each of the benchmark's must be one the text states.
func checkParsedRanges(t *testing.T, where string, b *Benchmark, text string) {
	t.Helper()
	tiers, err := ParseFineText(text)
	if err != nil {
		t.Errorf("%s: parse %q: %v", where, text, err)
		return
	}
	terms := statedTerms(nlp.CleanStatute(text))
	for _, p := range b.Penalties {
		switch {
		case p.Fine != nil && p.Fine.Range != nil:
			found := slices.ContainsFunc(tiers, func(ft FineTier) bool { return ft.Range != nil && *ft.Range == *p.Fine.Range })
			if !found {
				t.Errorf("%s: fine %v–%v is not a range the parser reads from the text (%s)", where, p.Fine.Range.Min, p.Fine.Range.Max, describeTiers(tiers))
			}
		case p.Kind == "行政拘留":
			if p.days == nil {
				t.Errorf("%s: 行政拘留 without a term", where)
				continue
			}
			if !slices.Contains(terms, [2]float64{p.days.Min, p.days.Max}) {
				t.Errorf("%s: 拘留 %v–%v days is not a term the text states (%v)", where, p.days.Min, p.days.Max, terms)
			}
		}
	}
}

func describeTiers(tiers []FineTier) string {
	var parts []string
	for _, ft := range tiers {
		parts = append(parts, ft.Describe())
	}
	return strings.Join(parts, "；")
}

// TestUnchangedInSameText proves that a benchmark carried on into a later
// version (unchanged_in) cites the same words there: every provision it
// cites, and the words of the 款 that states its amounts, read the same in the version
// it was written for and in each later one. It also checks the comparison
// sees a change: 食品安全法 第一百二十四条第一款第六项 was amended in 2025.
func TestUnchangedInSameText(t *testing.T) {
	cat, _, store := freshCatalogs(t)
	resolver := corpus.NewResolver(store)
	textIn := func(r legal.Ref, v corpus.StatuteInfo) (string, error) {
		res, err := resolveOn(resolver, r, fromOf(v))
		if err != nil {
			return "", err
		}
		if res.Statute.ID != v.ID {
			return "", fmt.Errorf("%s on %s resolved in %s, not %s", RefLabel(r), fromOf(v), res.Statute.VersionDate, v.VersionDate)
		}
		text := res.Text
		if r.Paragraph > 0 && r.Item == 0 {
			// The 款's own words (where the amounts are): its items are
			// compared where the benchmark cites them.
			for _, it := range res.Article.Paragraphs[r.Paragraph-1].Items {
				text = strings.Replace(text, it, "", 1)
			}
		}
		return nlp.NormalizeText(text), nil
	}
	carried := 0
	for _, b := range cat.All() {
		if len(b.UnchangedIn) == 0 {
			continue
		}
		carried++
		where := fmt.Sprintf("%s:%d: %s", b.file, b.line, b.ID)
		for _, r := range citedRefs(b) {
			vs := versionsOf(store, r.Law)
			from, ok := writtenVersion(cat, b, vs)
			if !ok {
				t.Errorf("%s: no version of %s it was written for", where, r.Law)
				continue
			}
			want, err := textIn(r, from)
			if err != nil {
				t.Errorf("%s: %v", where, err)
				continue
			}
			for _, later := range vs {
				if later.VersionDate <= from.VersionDate || (r.Law == b.PenaltyRef.Law && !slices.Contains(b.UnchangedIn, later.VersionDate)) {
					continue
				}
				got, err := textIn(r, later)
				switch {
				case err != nil:
					t.Errorf("%s: %v", where, err)
				case got != want:
					t.Errorf("%s: %s reads differently in the %s version:\n%s\nwas (%s):\n%s", where, RefLabel(r), later.VersionDate, got, from.VersionDate, want)
				}
			}
		}
	}
	if carried == 0 {
		t.Fatal("no benchmark with unchanged_in")
	}
	t.Logf("%d benchmarks carried on unchanged into a later version", carried)
	vs := versionsOf(store, "食品安全法")
	if len(vs) < 2 {
		t.Fatalf("食品安全法: %d versions", len(vs))
	}
	amended := legal.Ref{Law: "食品安全法", Article: 124, Paragraph: 1, Item: 6}
	a, errA := textIn(amended, vs[len(vs)-2])
	z, errZ := textIn(amended, vs[len(vs)-1])
	if errA != nil || errZ != nil || a == z {
		t.Errorf("the comparison does not see the 2025 amendment of %s (%v, %v)", RefLabel(amended), errA, errZ)
	}
}

// TestProvisionFilesEndWithNewerVersion checks each provision file's
// interval against the statutes': in_force_to is the day the next version
// of its law took effect or the law was repealed (with repealed_by naming
// the repealing law), none when the version still applies; in_force_from
// the day the version took effect.
func TestProvisionFilesEndWithNewerVersion(t *testing.T) {
	_, _, store := freshCatalogs(t)
	ps, err := LoadBuiltinProvisions(nil)
	if err != nil {
		t.Fatal(err)
	}
	ended := 0
	for _, f := range ps.Files {
		want, by, from, found := "", "", "", false
		for _, v := range versionsOf(store, f.Law) {
			if v.VersionDate == f.Version {
				want, from, found = v.InForceTo, fromOf(v), true
				if v.RepealedBy != nil {
					by = v.RepealedBy.By
				}
			}
		}
		if !found {
			t.Errorf("%s (%s): version not among the statutes", f.Law, f.Version)
		}
		if f.InForceTo != want || f.RepealedBy != by {
			t.Errorf("%s (%s): in_force_to %q repealed_by %q, want %q %q (run make provisions)", f.Law, f.Version, f.InForceTo, f.RepealedBy, want, by)
		}
		if p := (Provision{version: f.Version, inForceFrom: f.InForceFrom}); p.InForceFrom() != from {
			t.Errorf("%s (%s): in force from %s, the statutes say %s (run make provisions)", f.Law, f.Version, p.InForceFrom(), from)
		}
		if want != "" {
			ended++
		}
	}
	if ended == 0 {
		t.Error("no provision file ends: national_updates.jsonl holds newer versions of 治安管理处罚法 and others")
	}
}
