// Package redact removes personal information from text that is to be
// published (行政执法公示): a natural person's ID number, telephone numbers
// and other contact details, home addresses, bank accounts and health
// information, and masks the names
// of persons other than the party (行政处罚结果信息网上公开暂行办法 第七条;
// 市场监督管理行政处罚信息公示规定 第六条; DOMAIN.md §7). It returns what it
// removed, with byte spans, so that a reviewer can check and edit the result
// before publication.
package redact

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// Kind says what a span removed.
type Kind string

// The kinds of personal information removed.
const (
	KindIDNumber Kind = "id_number" // 公民身份号码 (15 or 18 characters)
	KindPhone    Kind = "phone"     // mobile or landline number
	KindAddress  Kind = "address"   // home address after 住址/住所/家住 …
	KindBank     Kind = "bank_card" // bank card or account number
	KindHealth   Kind = "health"    // health information
	KindName     Kind = "name"      // another person's name, masked 张某某 style
	KindContact  Kind = "contact"   // e-mail address, QQ or WeChat account
)

// replacements are what each kind becomes (names keep their surname).
var replacements = map[Kind]string{
	KindIDNumber: "【身份证号码已隐去】",
	KindPhone:    "【电话号码已隐去】",
	KindAddress:  "【住址已隐去】",
	KindBank:     "【银行账号已隐去】",
	KindHealth:   "【健康信息已隐去】",
	KindContact:  "【联系方式已隐去】",
}

// Span is one piece of the input that the output replaces.
type Span struct {
	Kind Kind `json:"kind"`
	// Start and End are byte offsets in the input text, End exclusive.
	Start int `json:"start"`
	End   int `json:"end"`
	// Text is the removed input; Replacement what stands in its place.
	Text        string `json:"text"`
	Replacement string `json:"replacement"`
}

// Result is a redacted text and what was removed, in text order.
type Result struct {
	Text  string `json:"text"`
	Spans []Span `json:"spans"`
}

// Options are the caller's knowledge of the case.
type Options struct {
	// Names are natural persons other than the party (witnesses, family
	// members, employees) whose names are masked wherever they occur.
	Names []string
}

// Sentinel errors.
var (
	// ErrInvalidText: the text is not valid UTF-8.
	ErrInvalidText = errors.New("text is not valid UTF-8")
	// ErrBadName: a name to mask is empty, one character, or too long.
	ErrBadName = errors.New("invalid name to mask")
	// ErrBadSpans: spans given to Apply are out of bounds, overlap, or cut
	// a character.
	ErrBadSpans = errors.New("invalid redaction spans")
)

// maxNameRunes bounds a name to mask: longer strings are not names.
const maxNameRunes = 20

// Redact finds personal information in text and returns the text with it
// replaced, and the spans removed. It returns an error wrapping
// ErrInvalidText for invalid UTF-8 and ErrBadName for an unusable name.
func Redact(text string, opts Options) (Result, error) {
	if !utf8.ValidString(text) {
		return Result{}, fmt.Errorf("待公示文本: %w", ErrInvalidText)
	}
	names, err := checkNames(opts.Names)
	if err != nil {
		return Result{}, err
	}
	var found []Span
	found = append(found, numbers(text)...)
	found = append(found, addresses(text)...)
	found = append(found, health(text)...)
	found = append(found, contacts(text)...)
	found = append(found, nameSpans(text, names)...)
	spans := resolve(found)
	out, err := Apply(text, spans)
	if err != nil {
		// Our own spans are always consistent; this is a bug, reported as
		// an error rather than a panic.
		return Result{}, fmt.Errorf("redact: %w", err)
	}
	return Result{Text: out, Spans: spans}, nil
}

// resolve keeps non-overlapping spans: the earliest start wins, then the
// longest, so an address that contains a phone number is one span.
func resolve(spans []Span) []Span {
	sort.SliceStable(spans, func(i, j int) bool {
		if spans[i].Start != spans[j].Start {
			return spans[i].Start < spans[j].Start
		}
		return spans[i].End > spans[j].End
	})
	out := []Span{}
	end := 0
	for _, s := range spans {
		if s.Start < end || s.End <= s.Start {
			continue
		}
		out = append(out, s)
		end = s.End
	}
	return out
}

// Apply replaces the spans of text (in text order, not overlapping, on
// character boundaries) by their Replacement, or by the kind's standard
// replacement when Replacement is empty (for a name: its surname and 某):
// a reviewer's edited span list is
// applied the same way Redact applies its own. It returns an error wrapping
// ErrBadSpans for spans of an unknown kind, out of bounds, out of order,
// overlapping or cutting a character, and ErrInvalidText for invalid UTF-8.
func Apply(text string, spans []Span) (string, error) {
	if !utf8.ValidString(text) {
		return "", fmt.Errorf("待公示文本: %w", ErrInvalidText)
	}
	var b strings.Builder
	b.Grow(len(text))
	prev := 0
	for i, s := range spans {
		if s.Start < prev || s.End <= s.Start || s.End > len(text) ||
			!utf8.RuneStart(text[s.Start]) || (s.End < len(text) && !utf8.RuneStart(text[s.End])) {
			return "", fmt.Errorf("第 %d 处隐去范围 [%d, %d) 越界、重叠或截断了字符（文本 %d 字节）: %w", i+1, s.Start, s.End, len(text), ErrBadSpans)
		}
		std, known := replacements[s.Kind]
		if !known && s.Kind != KindName {
			return "", fmt.Errorf("第 %d 处隐去的种类 %q 未知: %w", i+1, clip(string(s.Kind)), ErrBadSpans)
		}
		rep := s.Replacement
		switch {
		case rep == "" && s.Kind == KindName:
			rep = masked(text[s.Start:s.End])
		case rep == "":
			rep = std
		}
		if !utf8.ValidString(rep) {
			return "", fmt.Errorf("第 %d 处隐去的替换文字: %w", i+1, ErrInvalidText)
		}
		b.WriteString(text[prev:s.Start])
		b.WriteString(rep)
		prev = s.End
	}
	b.WriteString(text[prev:])
	return b.String(), nil
}

// span makes a span of kind over text[start:end].
func span(text string, kind Kind, start, end int) Span {
	return Span{Kind: kind, Start: start, End: end, Text: text[start:end], Replacement: replacements[kind]}
}
