// Package samples ships the built-in sample of illustrative (示例)
// administrative penalty cases, so that the service has similar cases to
// show on first start before any real case is imported.
//
// Every case was written by the cailiang team, is marked illustrative, carries
// the 【示例】 title prefix and the source "示例（cailiang 编写，非真实案件）",
// and describes no real party or decision. The statutory citations, ranges
// and multiples in the cases were checked against the in-force statute texts;
// samples_test.go re-checks every citation against the statutes corpus.
package samples

import _ "embed"

//go:embed cases.jsonl
var casesJSONL []byte

// CasesJSONL returns the sample cases as JSON Lines: one corpus.Case object
// per line, UTF-8, LF-terminated. The caller gets its own copy and may modify
// it. It never returns an error: the data is embedded at build time.
func CasesJSONL() []byte {
	return append([]byte(nil), casesJSONL...)
}
