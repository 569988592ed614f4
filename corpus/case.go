package corpus

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cailiang/cailiang/legal"
)

// Penalty is what a case decided.
type Penalty struct {
	// Fine in yuan; 0 when none.
	Fine float64 `json:"fine"`
	// ConfiscatedGains is the 违法所得 confiscated, in yuan.
	ConfiscatedGains float64 `json:"confiscated_gains,omitempty"`
	// Confiscated lists confiscated property (没收的非法财物).
	Confiscated []string `json:"confiscated,omitempty"`
	// Other lists other penalties and orders: 警告, 吊销许可证, 责令改正 …
	Other []string `json:"other,omitempty"`
}

// Case is one administrative penalty case.
type Case struct {
	ID            string            `json:"id"`
	Title         string            `json:"title"`
	Facts         string            `json:"facts"`
	Sector        legal.Sector      `json:"sector"`
	ViolationType string            `json:"violation_type"`
	Basis         []legal.Ref       `json:"basis"`
	Penalty       Penalty           `json:"penalty"`
	Disposition   legal.Disposition `json:"disposition"`
	Agency        string            `json:"agency,omitempty"`
	Region        string            `json:"region,omitempty"`
	// DecisionDate is YYYY-MM-DD.
	DecisionDate string `json:"decision_date,omitempty"`
	// Disputes are the points the party contested or a reviewer should check.
	Disputes []string `json:"disputes,omitempty"`
	// Outcome says how the case ended: performed, 复议维持, 诉讼撤销 …
	Outcome string `json:"outcome,omitempty"`
	// Source says where the case comes from; built-in samples say 示例.
	Source string `json:"source,omitempty"`
	// Illustrative marks cases written by the cailiang team as examples (示例),
	// not real decisions.
	Illustrative bool `json:"illustrative,omitempty"`
}

// ErrInvalid is wrapped by every validation error.
var ErrInvalid = errors.New("invalid")

// FieldError names the field that failed validation.
type FieldError struct {
	Field   string
	Message string
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Message }

// Unwrap makes errors.Is(err, ErrInvalid) hold.
func (e *FieldError) Unwrap() error { return ErrInvalid }

var caseIDPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$`)

// Limits on case fields, generous for real decisions and small enough that a
// hostile import cannot exhaust memory.
const (
	maxTitleRunes = 500
	maxFactsBytes = 200 << 10
	maxShortRunes = 200
	maxListLen    = 50
	maxFine       = 1e12
)

func dispositionList() string {
	var names []string
	for _, d := range legal.CaseDispositions() {
		names = append(names, string(d))
	}
	return strings.Join(names, "、")
}

func checkText(field, s string, required bool, maxRunes int) error {
	if !utf8.ValidString(s) {
		return &FieldError{field, "不是有效的 UTF-8 文本"}
	}
	if required && strings.TrimSpace(s) == "" {
		return &FieldError{field, "不能为空"}
	}
	if utf8.RuneCountInString(s) > maxRunes {
		return &FieldError{field, fmt.Sprintf("超过 %d 字", maxRunes)}
	}
	if strings.ContainsRune(s, 0) {
		return &FieldError{field, "含有空字符"}
	}
	return nil
}

func checkAmount(field string, v float64) error {
	if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 || v > maxFine {
		return &FieldError{field, "金额必须是 0 到 1 万亿元之间的数"}
	}
	return nil
}

// Validate checks a case before it is stored and spells its disposition
// canonically (从轻 becomes 从轻处罚, see legal.ParseDisposition). It returns a *FieldError
// (wrapping ErrInvalid) naming the first bad field.
func (c *Case) Validate() error {
	if !caseIDPattern.MatchString(c.ID) {
		return &FieldError{"id", "必须是 1–128 位字母、数字或 . _ : -，以字母或数字开头"}
	}
	if err := checkText("title", c.Title, true, maxTitleRunes); err != nil {
		return err
	}
	if err := checkText("facts", c.Facts, true, maxFactsBytes); err != nil {
		return err
	}
	if len(c.Facts) > maxFactsBytes {
		return &FieldError{"facts", "超过 200 KB"}
	}
	if !c.Sector.Valid() {
		return &FieldError{"sector", "未知领域，可选：" + legal.SectorList()}
	}
	if err := checkText("violation_type", c.ViolationType, true, maxShortRunes); err != nil {
		return err
	}
	if d, err := legal.ParseDisposition(string(c.Disposition)); err == nil && d.Decided() {
		c.Disposition = d
	} else {
		return &FieldError{"disposition", "未知处理结果，可选：" + dispositionList()}
	}
	if len(c.Basis) > maxListLen {
		return &FieldError{"basis", "条目过多"}
	}
	for i, b := range c.Basis {
		f := fmt.Sprintf("basis[%d]", i)
		if err := checkText(f+".law", b.Law, true, maxShortRunes); err != nil {
			return err
		}
		if b.Article <= 0 || b.Article > 10000 || b.Suffix < 0 || b.Suffix > 100 || b.Paragraph < 0 || b.Paragraph > 100 || b.Item < 0 || b.Item > 100 {
			return &FieldError{f, "条、款、项编号超出范围"}
		}
	}
	if err := checkAmount("penalty.fine", c.Penalty.Fine); err != nil {
		return err
	}
	if err := checkAmount("penalty.confiscated_gains", c.Penalty.ConfiscatedGains); err != nil {
		return err
	}
	lists := []struct {
		field string
		list  []string
	}{{"penalty.confiscated", c.Penalty.Confiscated}, {"penalty.other", c.Penalty.Other}, {"disputes", c.Disputes}}
	for _, l := range lists {
		if len(l.list) > maxListLen {
			return &FieldError{l.field, "条目过多"}
		}
		for _, s := range l.list {
			if err := checkText(l.field, s, true, maxTitleRunes); err != nil {
				return err
			}
		}
	}
	texts := []struct{ field, s string }{{"agency", c.Agency}, {"region", c.Region}, {"outcome", c.Outcome}, {"source", c.Source}}
	for _, x := range texts {
		if err := checkText(x.field, x.s, false, maxTitleRunes); err != nil {
			return err
		}
	}
	if c.DecisionDate != "" {
		if _, err := time.Parse("2006-01-02", c.DecisionDate); err != nil {
			return &FieldError{"decision_date", "日期格式应为 YYYY-MM-DD"}
		}
	}
	if c.Disposition == legal.DispositionNone && c.Penalty.Fine > 0 {
		return &FieldError{"penalty.fine", "不予处罚的案件不应有罚款"}
	}
	return nil
}
