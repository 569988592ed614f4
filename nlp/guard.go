package nlp

import (
	"regexp"
	"strings"
)

// GuardedRegexp is a regular expression with the literals of which every
// match contains at least one: a text without any is not run through the
// expression. Go's engine tries a pattern without a literal prefix at every
// position, which made such patterns the larger part of an extraction.
type GuardedRegexp struct {
	*regexp.Regexp
	needs []string
}

// Guard compiles expr (panicking on a bad pattern, as regexp.MustCompile)
// with the literals every match contains one of.
func Guard(expr string, needs ...string) GuardedRegexp {
	return GuardedRegexp{Regexp: regexp.MustCompile(expr), needs: needs}
}

func (g GuardedRegexp) possible(s string) bool {
	for _, n := range g.needs {
		if strings.Contains(s, n) {
			return true
		}
	}
	return false
}

// FindAllStringSubmatchIndex is the expression's, skipping texts that
// cannot match.
func (g GuardedRegexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	if !g.possible(s) {
		return nil
	}
	return g.Regexp.FindAllStringSubmatchIndex(s, n)
}

// FindAllStringSubmatch is the expression's, skipping texts that cannot
// match.
func (g GuardedRegexp) FindAllStringSubmatch(s string, n int) [][]string {
	if !g.possible(s) {
		return nil
	}
	return g.Regexp.FindAllStringSubmatch(s, n)
}

// FindStringSubmatch is the expression's, skipping texts that cannot match.
func (g GuardedRegexp) FindStringSubmatch(s string) []string {
	if !g.possible(s) {
		return nil
	}
	return g.Regexp.FindStringSubmatch(s)
}

// FindAllStringIndex is the expression's, skipping texts that cannot match.
func (g GuardedRegexp) FindAllStringIndex(s string, n int) [][]int {
	if !g.possible(s) {
		return nil
	}
	return g.Regexp.FindAllStringIndex(s, n)
}

// FindStringIndex is the expression's, skipping texts that cannot match.
func (g GuardedRegexp) FindStringIndex(s string) []int {
	if !g.possible(s) {
		return nil
	}
	return g.Regexp.FindStringIndex(s)
}

// MatchString is the expression's, skipping texts that cannot match.
func (g GuardedRegexp) MatchString(s string) bool {
	return g.possible(s) && g.Regexp.MatchString(s)
}
