// Package guardcheck is test support for nlp.GuardedRegexp: it compares a
// guarded expression with its bare one. Only tests import it, so the
// reflection it uses stays out of the service's binary.
package guardcheck

import (
	"fmt"
	"reflect"
	"regexp"
)

// Guarded is the part of nlp.GuardedRegexp the comparison asks (an
// interface, so nlp's own tests can use the package without an import
// cycle).
type Guarded interface {
	FindAllStringSubmatchIndex(s string, n int) [][]int
	FindAllStringIndex(s string, n int) [][]int
	FindAllStringSubmatch(s string, n int) [][]string
	FindStringIndex(s string) []int
	FindStringSubmatch(s string) []string
	MatchString(s string) bool
	ReplaceAllString(src, repl string) string
}

// MismatchesBare lists where g, on s, answers otherwise than bare, its
// expression compiled without a guard, by any method and match limit (nil
// when it never does): a guard literal missing from a match would skip
// texts the expression reads, and a stretch edge it could cross would cut
// a match. The guard tests of every package that guards an expression run
// it over their texts.
func MismatchesBare(g Guarded, bare *regexp.Regexp, s string) []string {
	var out []string
	differ := func(method string, got, want any) {
		if !reflect.DeepEqual(got, want) {
			out = append(out, fmt.Sprintf("%s: guarded %v, bare %v", method, got, want))
		}
	}
	for _, n := range []int{-1, 0, 1, 2} {
		differ(fmt.Sprintf("FindAllStringSubmatchIndex n=%d", n), g.FindAllStringSubmatchIndex(s, n), bare.FindAllStringSubmatchIndex(s, n))
		differ(fmt.Sprintf("FindAllStringIndex n=%d", n), g.FindAllStringIndex(s, n), bare.FindAllStringIndex(s, n))
		differ(fmt.Sprintf("FindAllStringSubmatch n=%d", n), g.FindAllStringSubmatch(s, n), bare.FindAllStringSubmatch(s, n))
	}
	differ("FindStringIndex", g.FindStringIndex(s), bare.FindStringIndex(s))
	differ("FindStringSubmatch", g.FindStringSubmatch(s), bare.FindStringSubmatch(s))
	differ("MatchString", g.MatchString(s), bare.MatchString(s))
	differ("ReplaceAllString", g.ReplaceAllString(s, "[$0|$1]"), bare.ReplaceAllString(s, "[$0|$1]"))
	return out
}
