package nlp

import (
	"regexp"
	"regexp/syntax"
	"unicode/utf8"
)

// GuardedRegexp is a regular expression with the literals of which every
// match contains at least one: a text without any is not run through the
// expression. Go's engine tries a pattern without a literal prefix at every
// position, which made such patterns the larger part of an extraction.
//
// Where the expression can never consume a clause mark (，。；、 …) and
// asserts nothing about its context (no ^, $, \b), every match lies within
// one stretch of text between such marks, and the expression runs only on
// the stretches that contain a guard literal: the same matches, in the same
// order, found without trying every position of the other clauses.
type GuardedRegexp struct {
	*regexp.Regexp
	needs []string
	// breaks are the clause marks the expression never consumes (nil when
	// it may consume any of them or asserts its context): the edges of the
	// stretches it is run on.
	breaks *breakSet
	// heads finds the next guard literal in one pass where there are
	// many of them (the quantity units): a strings.Index per literal,
	// each over the text, cost more than the expression on the stretches.
	heads *phraseIndex
}

// breakCandidates are the runes that may end a stretch: clause marks,
// brackets, quotes and white space, which most expressions of fact
// extraction never consume.
const breakCandidates = "，。；：、！？（）“”《》【】,;:!?()\n\r\t \u3000"

// breakSet is a set of break runes: a table for ASCII, a short list for
// the rest.
type breakSet struct {
	ascii [utf8.RuneSelf]bool
	wide  []rune
}

func (b *breakSet) has(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 0 && b.ascii[r]
	}
	for _, w := range b.wide {
		if w == r {
			return true
		}
	}
	return false
}

// Guard compiles expr (panicking on a bad pattern, as regexp.MustCompile)
// with the literals every match contains one of (GuardText is for a word
// the text around the match must contain).
func Guard(expr string, needs ...string) GuardedRegexp {
	g := GuardedRegexp{Regexp: regexp.MustCompile(expr), needs: needs, breaks: breaksOf(expr)}
	if h := newPhraseIndex(needs); len(needs) >= manyNeeds && len(h.other) == 0 {
		g.heads = &h
	}
	return g
}

// manyNeeds is how many guard literals make one pass for all of them
// cheaper than a strings.Index for each.
const manyNeeds = 4

// GuardText compiles expr with literals of which the text (not the match)
// must contain one for expr to be tried at all: the expression runs over
// the whole text.
func GuardText(expr string, needs ...string) GuardedRegexp {
	return GuardedRegexp{Regexp: regexp.MustCompile(expr), needs: needs}
}

// breaksOf returns the candidate break runes no instruction of expr's
// program consumes, or nil when expr asserts its context (a stretch's
// edge would satisfy ^, $ or \b where the whole text does not), may match
// the empty string, or consumes every candidate.
func breaksOf(expr string) *breakSet {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		return nil
	}
	if regexp.MustCompile(expr).MatchString("") {
		return nil
	}
	var consume []*syntax.Inst
	for i := range prog.Inst {
		in := &prog.Inst[i]
		switch in.Op {
		case syntax.InstEmptyWidth:
			return nil
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			consume = append(consume, in)
		}
	}
	b := &breakSet{}
	found := false
	for _, r := range breakCandidates {
		consumed := false
		for _, in := range consume {
			if in.MatchRune(r) {
				consumed = true
				break
			}
		}
		if consumed {
			continue
		}
		found = true
		if r < utf8.RuneSelf {
			b.ascii[r] = true
		} else {
			b.wide = append(b.wide, r)
		}
	}
	if !found {
		return nil
	}
	return b
}

func (g GuardedRegexp) possible(s string) bool {
	for _, n := range g.needs {
		if Contains(s, n) {
			return true
		}
	}
	return false
}

// stretches calls f with each stretch of s between break runes that
// contains a guard literal and its byte offset in s, in order, until f
// returns false. The guard literals' next occurrences are remembered, so
// the walk stays linear in s.
func (g GuardedRegexp) stretches(s string, f func(off int, part string) bool) {
	next := make([]int, len(g.needs))
	for i := range next {
		next[i] = -2 // not searched yet
	}
	for pos := 0; pos < len(s); {
		at := g.nextNeed(s, pos, next)
		if at < 0 {
			return
		}
		start := at
		for start > pos {
			r, size := utf8.DecodeLastRuneInString(s[pos:start])
			if g.breaks.has(r) {
				break
			}
			start -= size
		}
		end := at
		for end < len(s) {
			r, size := utf8.DecodeRuneInString(s[end:])
			if g.breaks.has(r) {
				break
			}
			end += size
		}
		if end == at {
			// The literal itself starts with a break rune, which no match
			// consumes: nothing to search here.
			_, size := utf8.DecodeRuneInString(s[end:])
			pos = end + size
			continue
		}
		if !f(start, s[start:end]) {
			return
		}
		pos = end
	}
}

// nextNeed returns the offset of the first guard literal at or after pos
// in s, or -1; next holds each literal's next occurrence found so far (-2
// not searched, -1 none left), unused where heads finds them in one pass.
func (g GuardedRegexp) nextNeed(s string, pos int, next []int) int {
	if g.heads != nil {
		return g.heads.firstFrom(s, pos)
	}
	at := -1
	for i, n := range g.needs {
		if next[i] == -1 {
			continue
		}
		if next[i] < pos {
			k := Index(s[pos:], n)
			if k < 0 {
				next[i] = -1
				continue
			}
			next[i] = pos + k
		}
		if at < 0 || next[i] < at {
			at = next[i]
		}
	}
	return at
}

// shift moves a match's indexes found in a stretch by its offset,
// leaving -1 (a group that did not take part) alone.
func shift(m []int, off int) []int {
	for i, v := range m {
		if v >= 0 {
			m[i] = v + off
		}
	}
	return m
}

// findAll runs find (the expression's FindAll…Index method) on each
// stretch, up to n matches in all (n < 0: every match), as find would
// on the whole text.
func (g GuardedRegexp) findAll(s string, n int, find func(string, int) [][]int) [][]int {
	if g.breaks == nil {
		if !g.possible(s) {
			return nil
		}
		return find(s, n)
	}
	var out [][]int
	g.stretches(s, func(off int, part string) bool {
		limit := -1
		if n >= 0 {
			limit = n - len(out)
		}
		for _, m := range find(part, limit) {
			out = append(out, shift(m, off))
		}
		return n < 0 || len(out) < n
	})
	return out
}

// FindAllStringSubmatchIndex is the expression's, skipping texts that
// cannot match.
func (g GuardedRegexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return g.findAll(s, n, g.Regexp.FindAllStringSubmatchIndex)
}

// FindAllStringSubmatch is the expression's, skipping texts that cannot
// match.
func (g GuardedRegexp) FindAllStringSubmatch(s string, n int) [][]string {
	if g.breaks == nil {
		if !g.possible(s) {
			return nil
		}
		return g.Regexp.FindAllStringSubmatch(s, n)
	}
	var out [][]string
	for _, m := range g.FindAllStringSubmatchIndex(s, n) {
		sub := make([]string, len(m)/2)
		for i := range sub {
			if m[2*i] >= 0 {
				sub[i] = s[m[2*i]:m[2*i+1]]
			}
		}
		out = append(out, sub)
	}
	return out
}

// FindStringSubmatch is the expression's, skipping texts that cannot match.
func (g GuardedRegexp) FindStringSubmatch(s string) []string {
	if g.breaks == nil {
		if !g.possible(s) {
			return nil
		}
		return g.Regexp.FindStringSubmatch(s)
	}
	var out []string
	g.stretches(s, func(_ int, part string) bool {
		out = g.Regexp.FindStringSubmatch(part)
		return out == nil
	})
	return out
}

// FindAllStringIndex is the expression's, skipping texts that cannot match.
func (g GuardedRegexp) FindAllStringIndex(s string, n int) [][]int {
	return g.findAll(s, n, g.Regexp.FindAllStringIndex)
}

// FindStringIndex is the expression's, skipping texts that cannot match.
func (g GuardedRegexp) FindStringIndex(s string) []int {
	if g.breaks == nil {
		if !g.possible(s) {
			return nil
		}
		return g.Regexp.FindStringIndex(s)
	}
	var out []int
	g.stretches(s, func(off int, part string) bool {
		if m := g.Regexp.FindStringIndex(part); m != nil {
			out = shift(m, off)
		}
		return out == nil
	})
	return out
}

// MatchString is the expression's, skipping texts that cannot match.
func (g GuardedRegexp) MatchString(s string) bool {
	if g.breaks == nil {
		return g.possible(s) && g.Regexp.MatchString(s)
	}
	found := false
	g.stretches(s, func(_ int, part string) bool {
		found = g.Regexp.MatchString(part)
		return !found
	})
	return found
}
