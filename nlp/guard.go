package nlp

import (
	"regexp"
	"regexp/syntax"
	"unicode"
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
	// starts are the runes a match can begin with (nil where the
	// expression runs over the whole text or may begin with any rune).
	// A stretch is cut to its first such rune, and one without any is
	// not run: Go's engine tries a pattern without a literal prefix at
	// every position, and most stretches that hold a guard literal (人,
	// 日, 次 of 当事人, 当日, 此次) hold no figure a match starts with.
	starts *startSet
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
	if g.breaks != nil {
		g.starts = startsOf(expr)
	}
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

// progOf compiles expr as the regexp package does (Perl syntax,
// simplified), or returns nil for a bad pattern.
func progOf(expr string) *syntax.Prog {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		return nil
	}
	return prog
}

// breaksOf returns the candidate break runes no instruction of expr's
// program consumes, or nil when expr asserts its context (a stretch's
// edge would satisfy ^, $ or \b where the whole text does not), may match
// the empty string, or consumes every candidate.
func breaksOf(expr string) *breakSet {
	prog := progOf(expr)
	if prog == nil {
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

// startSet is the set of runes a match can begin with: a bit a rune of
// the Basic Multilingual Plane, the first instructions for the rest.
type startSet struct {
	bmp   [1 << 16 / 64]uint64
	first []*syntax.Inst
}

func (st *startSet) has(r rune) bool {
	if r >= 0 && r < 1<<16 {
		return st.bmp[r>>6]&(1<<(r&63)) != 0
	}
	for _, in := range st.first {
		if in.MatchRune(r) {
			return true
		}
	}
	return false
}

// index returns the byte offset of the first rune of s a match can begin
// with, or -1.
func (st *startSet) index(s string) int {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if st.bmp[c>>6]&(1<<(c&63)) != 0 {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		// An invalid byte decodes as RuneError; the engine reads it so
		// too, so the set answers for it as for U+FFFD.
		if st.has(r) {
			return i
		}
		i += size
	}
	return -1
}

// startsOf returns the runes a match of expr can begin with, or nil when
// the program can reach a match, an assertion or any rune before it
// consumes a rune of a class (nothing would be skipped, or skipping would
// not be sound).
func startsOf(expr string) *startSet {
	prog := progOf(expr)
	if prog == nil {
		return nil
	}
	var first []*syntax.Inst
	seen := make([]bool, len(prog.Inst))
	stack := []uint32{uint32(prog.Start)}
	for len(stack) > 0 {
		pc := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[pc] {
			continue
		}
		seen[pc] = true
		in := &prog.Inst[pc]
		switch in.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			stack = append(stack, in.Out, in.Arg)
		case syntax.InstCapture, syntax.InstNop:
			stack = append(stack, in.Out)
		case syntax.InstRune, syntax.InstRune1:
			first = append(first, in)
		case syntax.InstFail:
		default: // InstMatch, InstEmptyWidth, InstRuneAny, InstRuneAnyNotNL
			return nil
		}
	}
	if len(first) == 0 {
		return nil
	}
	// The bits are set from the instructions' ranges as MatchRune reads
	// them (a single rune with its case folds, or pairs of bounds): a
	// MatchRune for every rune of the plane cost a tenth of a second at
	// start-up over the package's expressions.
	st := &startSet{first: first}
	for _, in := range first {
		if len(in.Rune) == 1 {
			r0 := in.Rune[0]
			st.set(r0)
			if syntax.Flags(in.Arg)&syntax.FoldCase != 0 {
				for r := unicode.SimpleFold(r0); r != r0; r = unicode.SimpleFold(r) {
					st.set(r)
				}
			}
			continue
		}
		for k := 0; k+1 < len(in.Rune); k += 2 {
			for r := in.Rune[k]; r <= min(in.Rune[k+1], 1<<16-1); r++ {
				st.set(r)
			}
		}
	}
	return st
}

// set adds r to the set's bits when it lies in the Basic Multilingual
// Plane (the rest are answered by the instructions).
func (st *startSet) set(r rune) {
	if r >= 0 && r < 1<<16 {
		st.bmp[r>>6] |= 1 << (r & 63)
	}
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
		if g.starts != nil {
			// No match begins before the stretch's first start rune, and
			// the expression asserts nothing about its context (breaks is
			// set only then): the matches in the rest are the stretch's.
			k := g.starts.index(s[start:end])
			if k < 0 {
				pos = end
				continue
			}
			start += k
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

// ReplaceAllString is the expression's, skipping texts and stretches that
// cannot match: the embedded Regexp's would run over the whole text. The
// guarded expressions never match the empty string (Guard's stretches
// need it; a GuardText one may, and is replaced as the regexp package
// does).
func (g GuardedRegexp) ReplaceAllString(src, repl string) string {
	if g.breaks == nil {
		if !g.possible(src) {
			return src
		}
		return g.Regexp.ReplaceAllString(src, repl)
	}
	ms := g.FindAllStringSubmatchIndex(src, -1)
	if len(ms) == 0 {
		return src
	}
	b := make([]byte, 0, len(src)+len(repl)*len(ms))
	last := 0
	for _, m := range ms {
		b = append(b, src[last:m[0]]...)
		b = g.Regexp.ExpandString(b, repl, src, m)
		last = m[1]
	}
	return string(append(b, src[last:]...))
}
