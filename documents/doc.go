// Package documents writes a case's enforcement documents (执法文书): the
// 立案审批表, 行政处罚告知书, 听证告知书, 行政处罚决定书, 不予行政处罚决定书,
// 法制审核意见书, 涉嫌犯罪案件移送书 and 送达回证.
//
// A document is an Input (the elements of the case) rendered through a
// template: a YAML file of blocks, each a text/template over the Input,
// that an agency can edit without touching code. The built-in templates
// are ours and embedded; Config.TemplateDir overrides them file by file.
// Rendered documents are written as DOCX (OOXML parts with encoding/xml,
// page and fonts after GB/T 9704) or PDF (with a CJK TrueType font found
// on the machine).
//
// Check runs, before a document is issued, every check a reviewer would:
// cited articles resolve and are in force on the decision date, amounts
// agree with the record, the fine lies in the statutory range, deadlines
// and remedies are stated. The package knows nothing of HTTP or storage:
// the case workflow and the draft endpoint both fill an Input.
package documents

import "errors"

// Kind names a document kind; it is also the template's file name.
type Kind string

// The document kinds.
const (
	KindFiling        Kind = "filing"         // 立案审批表
	KindNotice        Kind = "notice"         // 行政处罚告知书
	KindHearingNotice Kind = "hearing-notice" // 听证告知书
	KindDecision      Kind = "decision"       // 行政处罚决定书
	KindNoPenalty     Kind = "no-penalty"     // 不予行政处罚决定书
	KindReview        Kind = "review"         // 法制审核意见书
	KindTransfer      Kind = "transfer"       // 涉嫌犯罪案件移送书
	KindService       Kind = "service"        // 送达回证
)

// Kinds lists every kind in the order a case produces them.
var Kinds = []Kind{KindFiling, KindNotice, KindHearingNotice, KindReview, KindDecision, KindNoPenalty, KindTransfer, KindService}

// ParseKind returns the kind named s, or an error wrapping ErrUnknownKind.
func ParseKind(s string) (Kind, error) {
	for _, k := range Kinds {
		if string(k) == s {
			return k, nil
		}
	}
	return "", &InputError{Field: "kind", Message: "未知的文书种类：" + s + "（可用：filing、notice、hearing-notice、review、decision、no-penalty、transfer、service）", err: ErrUnknownKind}
}

// Errors the package returns, wrapped with context.
var (
	// ErrUnknownKind is returned for a kind no template exists for.
	ErrUnknownKind = errors.New("unknown document kind")
	// ErrInvalidInput is wrapped by every *InputError.
	ErrInvalidInput = errors.New("invalid document input")
	// ErrTemplate is returned when a template file cannot be read, parsed
	// or executed.
	ErrTemplate = errors.New("document template")
	// ErrNoCJKFont is returned by WritePDF when no usable CJK TrueType font
	// is installed (Debian: fonts-arphic-gbsn00lp).
	ErrNoCJKFont = errors.New("no CJK font installed for PDF (install fonts-arphic-gbsn00lp or fonts-arphic-gkai00mp)")
)

// InputError names the Input field that is wrong, with a message in
// Chinese for the officer. It wraps ErrInvalidInput (or ErrUnknownKind).
type InputError struct {
	Field   string
	Message string
	err     error
}

func (e *InputError) Error() string { return e.Field + ": " + e.Message }

// Unwrap makes errors.Is(err, ErrInvalidInput) hold, and errors.Is(err,
// ErrUnknownKind) for an unknown kind.
func (e *InputError) Unwrap() []error {
	if e.err != nil {
		return []error{ErrInvalidInput, e.err}
	}
	return []error{ErrInvalidInput}
}
