package redact

import "regexp"

// Other contact details (联系方式) besides telephone numbers: e-mail
// addresses wherever they stand, and QQ / WeChat accounts after their
// label. Go's regexp runs in linear time, so hostile text cannot make these
// slow.
var (
	emailPattern   = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}`)
	accountPattern = regexp.MustCompile(`(?i)(?:QQ|微信|wechat)(?:号码|号|账号|帐号)?\s*(?:[:：为是]\s*)?([A-Za-z0-9_\-]{5,30})`)
)

// contacts finds e-mail addresses and QQ / WeChat accounts.
func contacts(text string) []Span {
	var out []Span
	for _, m := range emailPattern.FindAllStringIndex(text, -1) {
		out = append(out, span(text, KindContact, m[0], m[1]))
	}
	for _, m := range accountPattern.FindAllStringSubmatchIndex(text, -1) {
		out = append(out, span(text, KindContact, m[2], m[3]))
	}
	return out
}
