package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/redact"
)

// CaseAnonymiser is casework's Anonymiser by the publication rules: the
// party's own particulars are replaced wherever they occur, then the
// redact package removes every other personal datum (ID and phone
// numbers, addresses, health data, natural persons' names).
type CaseAnonymiser struct{}

var _ casework.Anonymiser = CaseAnonymiser{}

// Anonymise implements casework.Anonymiser; it returns redact's errors
// (redact.ErrInvalidText) wrapped.
func (CaseAnonymiser) Anonymise(p casework.Party, texts []string) ([]string, error) {
	party := "当事人"
	var names []string
	// A natural person's name and the representative are masked by redact
	// (its rule keeps the surname); an organisation's 名称 is replaced whole,
	// since it identifies the party as surely as a name.
	if p.Kind == "person" && nameLike(p.Name) {
		names = append(names, p.Name)
	}
	if nameLike(p.Representative) {
		names = append(names, p.Representative)
	}
	out := make([]string, len(texts))
	for i, s := range texts {
		if p.Kind != "person" && strings.TrimSpace(p.Name) != "" {
			s = strings.ReplaceAll(s, strings.TrimSpace(p.Name), party)
		}
		for _, v := range []string{p.IDNumber, p.Phone, p.Address} {
			if v = strings.TrimSpace(v); v != "" {
				s = strings.ReplaceAll(s, v, "【已隐去】")
			}
		}
		res, err := redact.Redact(s, redact.Options{Names: names})
		if errors.Is(err, redact.ErrBadName) {
			res, err = redact.Redact(s, redact.Options{})
		}
		if err != nil {
			return nil, fmt.Errorf("anonymise: %w", err)
		}
		out[i] = res.Text
	}
	return out, nil
}

// nameLike reports whether s can be given to redact as a person's name.
func nameLike(s string) bool {
	n := utf8.RuneCountInString(strings.TrimSpace(s))
	return n >= 2 && n <= 20
}

// CaseCitations is casework's CitationResolver over the corpus: every
// citation found in a comment resolved to the version in force.
type CaseCitations struct {
	Resolver *corpus.Resolver
}

var _ casework.CitationResolver = CaseCitations{}

// maxCitations bounds the citations resolved in one comment.
const maxCitations = 20

// Cite implements casework.CitationResolver: a citation that does not
// resolve carries its reason in Error; the error is the context's.
func (c CaseCitations) Cite(ctx context.Context, text string) ([]casework.Citation, error) {
	if c.Resolver == nil {
		return nil, nil
	}
	var out []casework.Citation
	for i, pc := range corpus.FindCitations(text) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if i == maxCitations {
			break
		}
		written := pc.LawName
		// Spans are offsets in the normalised text: used only where they
		// still cut the written text at character boundaries.
		if pc.Span[1] > pc.Span[0] && pc.Span[1] <= len(text) && utf8.ValidString(text[pc.Span[0]:pc.Span[1]]) {
			written = text[pc.Span[0]:pc.Span[1]]
		}
		res, err := c.Resolver.ResolveParsed(pc, "")
		if err != nil {
			out = append(out, casework.Citation{Text: written, Error: "未找到所引条文"})
			continue
		}
		out = append(out, casework.Citation{Text: written, Label: res.Label, Article: res.Text,
			InForce: res.Status == corpus.StatusInForce, Notice: res.Notice})
	}
	return out, nil
}
