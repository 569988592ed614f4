// Package jsoninput decodes the JSON that people send (API request bodies,
// case files, facts) strictly, and words what is wrong with it for them in
// Chinese: the field is named by its JSON path, the expected and the given
// kind in words (never a Go type name such as rules.Facts or float64), and a
// number too large for its field is called out of range, not a wrong type.
//
// It imports nothing of this module, so every layer (rules, corpus, api) can
// share one wording.
package jsoninput

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strconv"
	"strings"
)

// Error is a JSON input error worded for the person who sent it.
type Error struct {
	// Field is the dotted JSON path of the offending field (penalty.fine);
	// empty when the whole value is at fault (wrong top-level type, syntax).
	Field string
	// Message says what is wrong, in Chinese, without the field name.
	Message string
}

func (e *Error) Error() string {
	if e.Field == "" {
		return e.Message
	}
	return e.Field + "：" + e.Message
}

// DecodeStrict decodes exactly one JSON value from raw into dst, refusing
// fields dst does not have. Every error is an *Error (empty input included);
// callers check UTF-8 themselves, since encoding/json silently replaces
// invalid bytes.
func DecodeStrict(raw []byte, dst any) error {
	if len(bytes.TrimSpace(raw)) == 0 {
		return &Error{Message: "内容为空"}
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return Explain(err)
	}
	if dec.More() {
		return &Error{Message: "只能包含一个 JSON 值"}
	}
	// A trailing value that is not a valid token start (`{} x`) is not
	// "More" for the decoder: look at what remains.
	var rest json.RawMessage
	if err := dec.Decode(&rest); err != io.EOF {
		return &Error{Message: "只能包含一个 JSON 值"}
	}
	return nil
}

// Explain words an error from encoding/json. Errors it does not know are
// called invalid JSON, without their text (which may name Go types).
func Explain(err error) *Error {
	var ue *Error
	if errors.As(err, &ue) {
		return ue
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return typeError(te)
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return &Error{Message: "不是有效的 JSON（第 " + strconv.FormatInt(se.Offset, 10) + " 字节附近有语法错误）"}
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return &Error{Message: "不是完整的 JSON"}
	}
	if f, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return &Error{Field: strings.Trim(f, `"`), Message: "未知字段"}
	}
	return &Error{Message: "不是有效的 JSON"}
}

// typeError words a value of the wrong kind, or a number its field cannot
// hold.
func typeError(te *json.UnmarshalTypeError) *Error {
	e := &Error{Field: te.Field}
	want := kindName(te.Type)
	if lit, ok := strings.CutPrefix(te.Value, "number "); ok && isNumber(te.Type) {
		// An integer field reports its literal when it overflows (no
		// fraction or exponent) or is not an integer; a float field only
		// when it overflows.
		if !isInteger(te.Type) || !strings.ContainsAny(lit, ".eE") || outOfRange(lit) {
			e.Message = "数值 " + shorten(lit) + " 超出范围"
			return e
		}
		if isInteger(te.Type) {
			e.Message = "应为整数，实际为 " + shorten(lit)
			return e
		}
	}
	given := te.Value
	if i := strings.IndexByte(given, ' '); i > 0 {
		given = given[:i]
	}
	e.Message = "应为" + want + "，实际为" + valueName(given)
	return e
}

// outOfRange reports whether a JSON number literal does not fit any
// float64 (1e309): encoding/json reports a float field's literal only then.
func outOfRange(lit string) bool {
	_, err := strconv.ParseFloat(lit, 64)
	return err != nil
}

func shorten(lit string) string {
	if len(lit) > 40 {
		return lit[:40] + "…"
	}
	return lit
}

func deref(t reflect.Type) reflect.Type {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

func isNumber(t reflect.Type) bool {
	t = deref(t)
	if t == nil {
		return false
	}
	switch t.Kind() {
	case reflect.Float32, reflect.Float64:
		return true
	}
	return isInteger(t)
}

func isInteger(t reflect.Type) bool {
	t = deref(t)
	if t == nil {
		return false
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return true
	}
	return false
}

// kindName names what a Go type accepts in JSON terms.
func kindName(t reflect.Type) string {
	t = deref(t)
	if t == nil {
		return "JSON 值"
	}
	switch {
	case isInteger(t):
		return "整数"
	case isNumber(t):
		return "数字"
	}
	switch t.Kind() {
	case reflect.String:
		return "文本（字符串）"
	case reflect.Bool:
		return " true 或 false"
	case reflect.Slice, reflect.Array:
		return "数组"
	case reflect.Map, reflect.Struct:
		return "对象"
	}
	return "其他类型的值"
}

// valueName names a JSON kind as encoding/json reports it.
func valueName(v string) string {
	switch v {
	case "number":
		return "数字"
	case "string":
		return "文本（字符串）"
	case "bool":
		return " true/false"
	case "array":
		return "数组"
	case "object":
		return "对象"
	case "null":
		return " null"
	}
	return "其他值"
}
