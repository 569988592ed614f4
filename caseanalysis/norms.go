package caseanalysis

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/rules"
)

// Kinds of pushed norms, in the order they are listed.
const (
	KindViolated   = "违法依据"
	KindPenalty    = "处罚依据"
	KindTransfer   = "移送规定"
	KindDiscretion = "裁量规定"
	KindProcedure  = "程序规定"
	KindDispute    = "争议焦点依据"
	KindRelated    = "相关规定"
)

var kindOrder = map[string]int{KindViolated: 0, KindPenalty: 1, KindTransfer: 2, KindDiscretion: 3, KindProcedure: 4, KindDispute: 5, KindRelated: 6}

// relatedCategories are searched for interpretation and implementing
// provisions of a matched violation: the benchmark cites the law itself.
var relatedCategories = []string{"行政法规", "部门规章", "司法解释"}

// relatedPerCategory bounds how many searched provisions each category adds.
const relatedPerCategory = 1

// maxNorms bounds the pushed list.
const maxNorms = 30

// norms ranks the provisions for the case: the legal basis of the matched
// violations, the transfer rules when a crime is near, the discretion and
// procedure provisions the engine applied, the provisions the dispute points
// turn on, and implementing rules and interpretations found by search.
//
// Each provision is read for the act's day (actDay): a 2026-09 act is not
// given a repealed law's article as if it applied. A benchmark's own
// provisions are read in the version it was written for; when its law had
// changed by the act's day, or by the decision date (从旧兼从轻), the norm
// says so and names the successor article its line gives.
func (a *Analyzer) norms(ctx context.Context, res Result, strong []Violation) ([]Norm, error) {
	// The list is built in a pooled scratch list (sized for its bound: grown
	// from nothing it was copied five times an analysis) and copied out at
	// its length; a provision already listed is found by a scan of the
	// keys (some twenty), not a map made per analysis.
	sc := normScratchPool.Get().(*normScratch)
	defer sc.release()
	add := func(r legal.Ref, kind, why string, src *normSource) {
		if i := slices.Index(sc.keys, r); i >= 0 {
			if kindOrder[kind] < kindOrder[sc.out[i].Kind] {
				sc.out[i].Kind, sc.out[i].Why = kind, why
			}
			return
		}
		sc.keys = append(sc.keys, r)
		sc.out = append(sc.out, Norm{Ref: r, Kind: kind, Why: why})
		sc.from = append(sc.from, src)
	}
	ef := res.Facts.Engine
	for _, v := range strong {
		b, cat := a.benchmark(v.BenchmarkID)
		if b == nil {
			continue
		}
		for i, r := range b.Violated {
			add(r, KindViolated, "“"+b.Name+"”所违反的规定", &normSource{cat: cat, b: b, violated: i})
		}
		pen := &normSource{cat: cat, b: b, violated: -1}
		if v.Provision != nil {
			add(b.PenaltyRef, KindPenalty, "条款级罚则“"+v.Provision.Conduct+"”（"+rules.ProvisionLabel+"）", pen)
		} else {
			add(b.PenaltyRef, KindPenalty, "“"+b.Name+"”的罚则", pen)
		}
		if v.Suggestion != nil {
			for _, bs := range v.Suggestion.Basis {
				switch bs.Role {
				case rules.RoleDiscretion:
					add(bs.Ref, KindDiscretion, "裁量建议“"+b.Name+"”适用的裁量规定", nil)
				case rules.RoleProcedure:
					add(bs.Ref, KindProcedure, "裁量建议“"+b.Name+"”适用的程序规定", nil)
				}
			}
		}
	}
	if res.Transfer.Risk != rules.RiskNone {
		for _, r := range res.Transfer.Basis {
			add(r.Ref, KindTransfer, "移送风险判断（"+res.Transfer.Crime+"）的依据", nil)
		}
	}
	for _, d := range res.Disputes {
		for _, r := range d.Basis {
			add(r, KindDispute, "争议焦点“"+d.Title+"”所依据的规定", nil)
		}
	}
	// The conduct's provisions are the law of the act's day; procedure,
	// discretion, transfer and dispute provisions govern the proceeding,
	// read on the decision date (now when none is named).
	day := actDay(ef)
	for i := range sc.out {
		n := &sc.out[i]
		src := sc.from[i]
		if src == nil || src.b.PenaltyRef.Law != n.Law {
			a.resolve(n, ef.DecisionDate)
			if !n.Resolved && src != nil && day != "" {
				// A benchmark's violated provision in another law than its
				// penalty's, renumbered since the act (矿产资源法 2009
				// 第三条第三款, which the 2024 text no longer has): the
				// benchmark cites the text of the act's day.
				a.resolve(n, day)
			}
			continue
		}
		a.resolveFor(n, src, day, ef.DecisionDate)
	}
	if len(res.Violations) > 0 && a.cfg.Norms != nil {
		rel, err := a.related(ctx, res.Violations[0].BenchmarkID)
		if err != nil {
			return nil, err
		}
		for _, n := range rel {
			k := legal.Ref{Law: n.Law, Article: n.Article, Suffix: n.Suffix}
			if slices.Contains(sc.keys, k) {
				continue
			}
			sc.keys = append(sc.keys, k)
			sc.out = append(sc.out, n)
		}
	}
	// Stable: kinds in order, within a kind the order they were added.
	slices.SortStableFunc(sc.out, func(x, y Norm) int { return cmp.Compare(kindOrder[x.Kind], kindOrder[y.Kind]) })
	return slices.Clone(sc.out[:min(len(sc.out), maxNorms)]), nil
}

// normScratch is norms' working list: the norms, the key each was listed
// under (a related provision's without paragraph and item) and, for the
// norms pushed for a benchmark, its source (nil otherwise), index for
// index.
type normScratch struct {
	out  []Norm
	keys []legal.Ref
	from []*normSource
}

var normScratchPool = sync.Pool{New: func() any {
	return &normScratch{out: make([]Norm, 0, maxNorms), keys: make([]legal.Ref, 0, maxNorms), from: make([]*normSource, 0, maxNorms)}
}}

// release clears the scratch (it holds strings and pointers) and gives it
// back to the pool.
func (sc *normScratch) release() {
	clear(sc.out)
	clear(sc.keys)
	clear(sc.from)
	sc.out, sc.keys, sc.from = sc.out[:0], sc.keys[:0], sc.from[:0]
	normScratchPool.Put(sc)
}

// Statuses of a norm besides corpus.StatusInForce.
const (
	NormRepealed   = corpus.StatusRepealed
	NormSuperseded = "superseded"
)

// normSource is the benchmark a norm was pushed for: its penalty provision
// (violated < 0) or its violated[violated].
type normSource struct {
	cat      *rules.Catalog
	b        *rules.Benchmark
	violated int
}

// successorOn is the provision that took over the norm's on day in the
// benchmark's line, or nil when the line gives none.
func (s *normSource) successorOn(day string) *legal.Ref {
	x := s.cat.InEffect(s.b, day)
	if x == nil || x == s.b {
		return nil
	}
	switch {
	case s.violated < 0:
		return &x.PenaltyRef
	case len(x.Violated) == len(s.b.Violated):
		return &x.Violated[s.violated]
	}
	return nil
}

// normKey caches a resolved citation per day.
type normKey struct {
	legal.Ref
	day string
}

// resolve fills the label, text, version and status from the imported
// statutes, for the version in force on day ("" for now): a repealed law's
// provision says it was repealed and by what. A provision of a statute that
// is not imported keeps its citation with Resolved false; the catalog's
// citations are verified against the statutes by its own tests.
func (a *Analyzer) resolve(n *Norm, day string) {
	if a.cfg.Resolver == nil {
		n.Label = rules.RefLabel(n.Ref)
		return
	}
	c, _ := cached(a, &a.resolved, normKey{n.Ref, day}, 0, func() (Norm, error) {
		// An unresolved citation is cached too: the statute stays missing
		// until the corpus changes.
		out := Norm{Label: rules.RefLabel(n.Ref)}
		pc := corpus.ParsedCitation{LawName: n.Law, Ref: n.Ref}
		r, err := a.cfg.Resolver.ResolveParsed(pc, day)
		if err != nil && day != "" {
			// Before the first stored version (an act older than the
			// corpus): the text in force now, which the catalog cites.
			r, err = a.cfg.Resolver.ResolveParsed(pc, "")
		}
		if err == nil {
			out.Label, out.Text, out.Resolved, out.Version = r.Label, r.Text, true, r.Statute.VersionDate
			out.Date, out.Status, out.Notice = r.Date, r.Status, r.Notice
		}
		return out, nil
	})
	n.Label, n.Text, n.Resolved, n.Version = c.Label, c.Text, c.Resolved, c.Version
	n.Date, n.Status, n.Notice = c.Date, c.Status, c.Notice
}

// resolveFor reads a benchmark's own provision in the version the benchmark
// was written for (its article numbers are that version's): on the act's
// day when the benchmark applied then, else on its last day, saying that
// the law was repealed or replaced before the act and naming the successor
// article. When the law changed after the act but before the decision, the
// act's law applies unless the new one is lighter (行政处罚法第三十七条): the
// norm says so and names the new article, which the suggestion compares.
func (a *Analyzer) resolveFor(n *Norm, src *normSource, day, decision string) {
	end := src.b.EffectiveTo
	if end == "" || day == "" || day < end && (decision == "" || decision < end) {
		a.resolve(n, day)
		return
	}
	if day < end {
		a.resolve(n, day)
		n.Notice = fmt.Sprintf("违法行为发生时适用本条（%s版）；%s起该规定已不再适用（%s），依行政处罚法第三十七条从旧兼从轻", n.Version, corpus.ChineseDate(end), changedBy(src.b))
		if s := src.successorOn(decision); s != nil {
			n.Successor, n.SuccessorLabel = s, rules.RefLabel(*s)
			n.Notice += "，新规定为" + n.SuccessorLabel + "，新的规定处罚较轻或者不认为是违法的，适用新的规定"
		}
		n.Notice += "。"
		return
	}
	last := dayBefore(end)
	a.resolve(n, last)
	n.Date = day
	if n.Status != NormRepealed {
		// Resolved on the law's last day: a repeal shows on the act's.
		var now Norm
		now.Ref = n.Ref
		a.resolve(&now, day)
		n.Status, n.Notice = now.Status, now.Notice
		if n.Status != NormRepealed {
			n.Status = NormSuperseded
			n.Notice = ""
		}
	}
	if n.Notice == "" {
		n.Notice = fmt.Sprintf("本条为%s版文本，%s起已不再适用（%s），%s的行为应适用新规定。", n.Version, corpus.ChineseDate(end), changedBy(src.b), corpus.ChineseDate(day))
	}
	if s := src.successorOn(day); s != nil {
		n.Successor, n.SuccessorLabel = s, rules.RefLabel(*s)
		n.Notice += "对应的现行规定：" + n.SuccessorLabel + "。"
	} else if src.b.NeedsSuccessor() {
		n.Notice += "尚无对应新规定的裁量基准，须经法制审核。"
	}
}

// changedBy says what ended a benchmark's law: the provision that repealed
// or replaced it (生态环境法典第一千二百四十二条), or that a newer version
// took effect.
func changedBy(b *rules.Benchmark) string {
	if b.EndedBy != nil {
		return "依据" + rules.RefLabel(*b.EndedBy)
	}
	return "新版本施行"
}

// dayBefore is the day before d (YYYY-MM-DD); d itself when it is not a date.
func dayBefore(d string) string {
	t, err := time.Parse(time.DateOnly, d)
	if err != nil {
		return d
	}
	return t.AddDate(0, 0, -1).Format(time.DateOnly)
}

// related finds implementing rules and interpretations for a benchmark by
// searching its name in the in-force regulations, rules and judicial
// interpretations. Results are cached per benchmark until the corpus
// generation changes, so a busy service searches once per violation type.
func (a *Analyzer) related(ctx context.Context, id string) ([]Norm, error) {
	return cached(a, &a.pushed, id, 0, func() ([]Norm, error) { return a.searchRelated(ctx, id) })
}

func (a *Analyzer) searchRelated(ctx context.Context, id string) ([]Norm, error) {
	b, _ := a.benchmark(id)
	if b == nil {
		return nil, fmt.Errorf("related norms: %w: %s", rules.ErrUnknownBenchmark, id)
	}
	q := b.Name
	if len(b.Keywords) > 0 {
		q += " " + b.Keywords[0]
	}
	inForce := true
	ns := []Norm{}
	for _, cat := range relatedCategories {
		res, err := a.cfg.Norms.SearchNorms(ctx, corpus.NormQuery{Q: q, Category: cat, InForce: &inForce, Limit: relatedPerCategory, NoSnippets: true}, corpus.ModeBM25)
		if err != nil {
			return nil, fmt.Errorf("search related norms: %w", err)
		}
		for _, h := range res.Hits {
			if strings.TrimSpace(h.Text) == "" {
				continue
			}
			n := Norm{Ref: legal.Ref{Law: h.Law, Article: h.Number, Suffix: h.Suffix}, Kind: KindRelated,
				Why: "与“" + b.Name + "”相关的" + cat + "条文（全文检索）"}
			// Only provisions a citation finds again are pushed: a hit in
			// a document numbered 一、二、 or a law name shared by several
			// documents would give the officer a citation that does not
			// resolve.
			a.resolve(&n, "")
			if !n.Resolved {
				continue
			}
			ns = append(ns, n)
		}
	}
	return ns, nil
}
