package app

import (
	"errors"
	"fmt"
	"strings"

	"github.com/cailiang/cailiang/caseanalysis"
	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/documents"
	"github.com/cailiang/cailiang/rules"
)

// DocumentStatutes is the documents.Statutes of the imported statutes: it
// resolves a document's citation through the corpus resolver on the
// document's date.
type DocumentStatutes struct {
	Resolver *corpus.Resolver
}

var _ documents.Statutes = DocumentStatutes{}

// Article resolves law + article on date. It returns the corpus errors
// (corpus.ErrNotFound, a *corpus.NotInForceError, corpus.ErrAmbiguous,
// corpus.ErrBadCitation) wrapped with the citation.
func (s DocumentStatutes) Article(law, article, date string) (documents.CitedArticle, error) {
	if s.Resolver == nil {
		return documents.CitedArticle{}, fmt.Errorf("statutes not loaded: %w", corpus.ErrNotFound)
	}
	res, err := s.Resolver.Resolve("《"+law+"》"+article, date)
	if err != nil {
		return documents.CitedArticle{}, fmt.Errorf("%s%s: %w", law, article, err)
	}
	return documents.CitedArticle{Label: res.Label, Text: res.Article.Text(), InForce: res.Status == corpus.StatusInForce, Notice: res.Notice}, nil
}

// ErrNoViolation is returned by DraftInput when the analysis matched no
// violation the engine could suggest a penalty for.
var ErrNoViolation = errors.New("the analysis found no violation to draft a document for")

// DraftInput fills a document input from a bare analysis: the first matched
// violation with a suggestion gives the provisions (with the text the
// analysis read from the imported statutes), the statutory range, the
// reasons (the engine's steps) and, unless base already has one, the fine
// (the low end of the suggested range, for the officer to confirm). base
// carries what the analysis cannot know: party, agency, date, number. The
// result is marked Draft. It returns ErrNoViolation when nothing matched.
func DraftInput(res caseanalysis.Result, facts string, base documents.Input) (documents.Input, error) {
	in := base
	in.Draft = true
	var v *caseanalysis.Violation
	for i := range res.Violations {
		if res.Violations[i].Suggestion != nil {
			v = &res.Violations[i]
			break
		}
	}
	if v == nil {
		return in, ErrNoViolation
	}
	sug := v.Suggestion
	if in.Case.Facts == "" {
		in.Case.Facts = facts
	}
	fillFromViolation(&in, res, v)
	if in.Penalty.Fine == 0 && sug.Suggested != nil {
		in.Penalty.Fine = sug.Suggested.FineMin
	}
	if len(in.Penalty.Other) == 0 {
		in.Penalty.Other = append(append([]string{}, sug.Orders...), sug.Other...)
	}
	return in, nil
}

// fillFromViolation fills what the matched violation v of res gives and in
// does not have yet: the 案由, the provisions violated and the penalty basis
// (with the text the analysis read from the imported statutes), the
// engine's steps as 裁量理由, and the statutory fine range.
func fillFromViolation(in *documents.Input, res caseanalysis.Result, v *caseanalysis.Violation) {
	sug := v.Suggestion
	if in.Case.Cause == "" {
		in.Case.Cause = v.Name + "案"
	}
	texts := map[string]caseanalysis.Norm{}
	for _, n := range res.Norms {
		texts[n.Label] = n
	}
	prov := func(b rules.Basis) documents.Provision {
		label := rules.RefLabel(b.Ref)
		p := documents.Provision{Law: b.Law, Article: strings.TrimPrefix(label, b.Law)}
		if n, ok := texts[label]; ok && n.Resolved {
			p.Text = n.Text
		}
		return p
	}
	if len(in.Violated) == 0 && len(in.Basis) == 0 {
		for _, b := range sug.Basis {
			switch b.Role {
			case rules.RoleViolated:
				in.Violated = append(in.Violated, prov(b))
			case rules.RolePenalty:
				in.Basis = append(in.Basis, prov(b))
			}
		}
	}
	if len(in.Discretion) == 0 {
		for _, s := range sug.Trace {
			in.Discretion = append(in.Discretion, s.Step+"："+s.Result)
		}
	}
	if sug.Statutory != nil && in.Penalty.StatutoryMin == 0 && in.Penalty.StatutoryMax == 0 {
		in.Penalty.StatutoryMin, in.Penalty.StatutoryMax = sug.Statutory.FineMin, sug.Statutory.FineMax
	}
}
