package nlp

import (
	"fmt"
	"reflect"
)

// MismatchesBare lists where g, on s, answers otherwise than its bare
// expression by any method and match limit (nil when it never does): a
// guard literal missing from a match would skip texts the expression
// reads, and a stretch edge it could cross would cut a match. The guard
// tests of every package that guards an expression run it over their
// texts.
func (g GuardedRegexp) MismatchesBare(s string) []string {
	bare := g.Regexp
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
