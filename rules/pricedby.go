package rules

import (
	"regexp"

	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/nlp"
)

// A law article may punish a conduct with 处以罚款 and leave the amount to
// an implementing regulation (建筑法 第六十五至七十五条, 土地管理法 第七十四至
// 八十二条). An officer cites the regulation's article with the amount; the
// unpriced article alone never answers the range. PricedBy names, for such
// an article, the regulation articles that set its amount for the same
// conduct.

// builtinPricedBy lists links the statutes do not state in words:
// 建设工程质量管理条例 (2019-04-23) sets the amounts for the same conduct as
// 建筑法 (2019-04-23), article by article. 建筑法 第六十八条 (bribery in
// 发包与承包) and 第七十一条 (安全事故隐患) have no counterpart in it.
var builtinPricedBy = map[legal.Ref][]legal.Ref{
	{Law: "建筑法", Article: 64}:               {quality(57)},
	{Law: "建筑法", Article: 65, Paragraph: 1}: {quality(54), quality(55)},
	{Law: "建筑法", Article: 65, Paragraph: 2}: {qualityP(60, 1)},
	{Law: "建筑法", Article: 65, Paragraph: 3}: {qualityP(60, 2)},
	{Law: "建筑法", Article: 65, Paragraph: 4}: {qualityP(60, 3)},
	{Law: "建筑法", Article: 66}:               {quality(61)},
	{Law: "建筑法", Article: 67, Paragraph: 1}: {qualityP(62, 1)},
	{Law: "建筑法", Article: 69, Paragraph: 1}: {qualityI(67, 0, 1)},
	{Law: "建筑法", Article: 70}:               {qualityP(69, 1)},
	{Law: "建筑法", Article: 72}:               {qualityI(56, 0, 3), qualityI(56, 0, 7)},
	{Law: "建筑法", Article: 73}:               {qualityI(63, 1, 4), qualityI(63, 1, 2)},
	{Law: "建筑法", Article: 74}:               {quality(64)},
	{Law: "建筑法", Article: 75}:               {quality(66)},
}

func quality(a int) legal.Ref { return legal.Ref{Law: "建设工程质量管理条例", Article: a} }
func qualityP(a, p int) legal.Ref {
	return legal.Ref{Law: "建设工程质量管理条例", Article: a, Paragraph: p}
}
func qualityI(a, p, i int) legal.Ref {
	return legal.Ref{Law: "建设工程质量管理条例", Article: a, Paragraph: p, Item: i}
}

// pricingWords is how a regulation says it prices a law's article:
// 依照《土地管理法》第七十五条的规定处以罚款的，罚款额为….
var pricingWords = regexp.MustCompile(`依照《([^》]+)》第([零一二三四五六七八九十百]+)条的规定处以罚款`)

// PricedBy returns, per unpriced article of ps (no fine parsed), the
// provisions that set its amount: the built-in links and those a
// regulation's entry states (依照《X》第N条的规定处以罚款). A link is kept only
// when both ends are entries of ps.
func PricedBy(ps *Provisions) map[legal.Ref][]legal.Ref {
	out := map[legal.Ref][]legal.Ref{}
	if ps == nil {
		return out
	}
	have := map[legal.Ref]bool{}
	unpriced := map[legal.Ref]bool{}
	byArticle := map[legal.Ref][]legal.Ref{} // law+article → its entries' refs
	for _, p := range ps.All() {
		r := p.Ref()
		have[r] = true
		if len(p.Fine) == 0 {
			unpriced[r] = true
		}
		a := legal.Ref{Law: r.Law, Article: r.Article, Suffix: r.Suffix}
		byArticle[a] = append(byArticle[a], r)
	}
	add := func(from, to legal.Ref) {
		if !unpriced[from] || !have[to] {
			return
		}
		for _, x := range out[from] {
			if x == to {
				return
			}
		}
		out[from] = append(out[from], to)
	}
	for from, tos := range builtinPricedBy {
		for _, to := range tos {
			add(from, to)
		}
	}
	for _, p := range ps.All() {
		if len(p.Fine) == 0 {
			continue
		}
		for _, m := range pricingWords.FindAllStringSubmatch(p.Conduct, -1) {
			n, err := nlp.ParseChineseInt(m[2])
			if err != nil || n <= 0 {
				continue
			}
			for _, from := range byArticle[legal.Ref{Law: m[1], Article: int(n)}] {
				add(from, p.Ref())
			}
		}
	}
	return out
}
