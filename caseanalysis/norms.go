package caseanalysis

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

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
func (a *Analyzer) norms(ctx context.Context, res Result, strong []Violation) ([]Norm, error) {
	var out []Norm
	seen := map[legal.Ref]int{}
	add := func(r legal.Ref, kind, why string) {
		if i, ok := seen[r]; ok {
			if kindOrder[kind] < kindOrder[out[i].Kind] {
				out[i].Kind, out[i].Why = kind, why
			}
			return
		}
		seen[r] = len(out)
		out = append(out, Norm{Ref: r, Kind: kind, Why: why})
	}
	for _, v := range strong {
		b, _ := a.benchmark(v.BenchmarkID)
		if b == nil {
			continue
		}
		for _, r := range b.Violated {
			add(r, KindViolated, "“"+b.Name+"”所违反的规定")
		}
		if v.Provision != nil {
			add(b.PenaltyRef, KindPenalty, "条款级罚则“"+v.Provision.Conduct+"”（"+rules.ProvisionLabel+"）")
		} else {
			add(b.PenaltyRef, KindPenalty, "“"+b.Name+"”的罚则")
		}
		if v.Suggestion != nil {
			for _, bs := range v.Suggestion.Basis {
				switch bs.Role {
				case rules.RoleDiscretion:
					add(bs.Ref, KindDiscretion, "裁量建议“"+b.Name+"”适用的裁量规定")
				case rules.RoleProcedure:
					add(bs.Ref, KindProcedure, "裁量建议“"+b.Name+"”适用的程序规定")
				}
			}
		}
	}
	if res.Transfer.Risk != rules.RiskNone {
		for _, r := range res.Transfer.Basis {
			add(r.Ref, KindTransfer, "移送风险判断（"+res.Transfer.Crime+"）的依据")
		}
	}
	for _, d := range res.Disputes {
		for _, r := range d.Basis {
			add(r, KindDispute, "争议焦点“"+d.Title+"”所依据的规定")
		}
	}
	for i := range out {
		a.resolve(&out[i])
	}
	if len(res.Violations) > 0 && a.cfg.Norms != nil {
		rel, err := a.related(ctx, res.Violations[0].BenchmarkID)
		if err != nil {
			return nil, err
		}
		for _, n := range rel {
			k := legal.Ref{Law: n.Law, Article: n.Article, Suffix: n.Suffix}
			if _, ok := seen[k]; ok {
				continue
			}
			seen[k] = len(out)
			out = append(out, n)
		}
	}
	// Stable: kinds in order, within a kind the order they were added.
	slices.SortStableFunc(out, func(x, y Norm) int { return cmp.Compare(kindOrder[x.Kind], kindOrder[y.Kind]) })
	if len(out) > maxNorms {
		out = out[:maxNorms]
	}
	if out == nil {
		out = []Norm{}
	}
	return out, nil
}

// resolve fills the label, text and version from the imported statutes.
// A provision of a statute that is not imported keeps its citation with
// Resolved false; the catalog's citations are verified against the statutes
// by its own tests.
func (a *Analyzer) resolve(n *Norm) {
	if a.cfg.Resolver == nil {
		n.Label = rules.RefLabel(n.Ref)
		return
	}
	c, _ := cached(a, &a.resolved, n.Ref, 0, func() (Norm, error) {
		// An unresolved citation is cached too: the statute stays missing
		// until the corpus changes.
		out := Norm{Label: rules.RefLabel(n.Ref)}
		pc := corpus.ParsedCitation{LawName: n.Law, Ref: n.Ref}
		if r, err := a.cfg.Resolver.ResolveParsed(pc, ""); err == nil {
			out.Label, out.Text, out.Resolved, out.Version = r.Label, r.Text, true, r.Statute.VersionDate
		}
		return out, nil
	})
	n.Label, n.Text, n.Resolved, n.Version = c.Label, c.Text, c.Resolved, c.Version
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
			a.resolve(&n)
			if !n.Resolved {
				continue
			}
			ns = append(ns, n)
		}
	}
	return ns, nil
}
