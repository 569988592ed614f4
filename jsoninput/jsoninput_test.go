package jsoninput

import (
	"strings"
	"testing"
)

type inner struct {
	Fine float64 `json:"fine"`
}

type target struct {
	Facts  string   `json:"facts"`
	Count  int      `json:"count"`
	Amount *float64 `json:"amount"`
	Small  float32  `json:"small"`
	Flag   bool     `json:"flag"`
	List   []string `json:"list"`
	Inner  inner    `json:"penalty"`
	Unsig  uint     `json:"unsig"`
}

func TestDecodeStrictWording(t *testing.T) {
	tests := []struct {
		name, in, field, msg string
	}{
		{"empty", "  ", "", "内容为空"},
		{"top-level array", `[1]`, "", "应为对象，实际为数组"},
		{"top-level string", `"x"`, "", "应为对象，实际为文本（字符串）"},
		{"string for text", `{"facts":1}`, "facts", "应为文本（字符串），实际为数字"},
		{"number as string", `{"amount":"NaN"}`, "amount", "应为数字，实际为文本（字符串）"},
		{"1e309", `{"amount":1e309}`, "amount", "数值 1e309 超出范围"},
		{"float32 overflow", `{"small":1e39}`, "small", "数值 1e39 超出范围"},
		{"int overflow", `{"count":99999999999999999999}`, "count", "数值 99999999999999999999 超出范围"},
		{"int from 1e309", `{"count":1e309}`, "count", "数值 1e309 超出范围"},
		{"int fraction", `{"count":1.5}`, "count", "应为整数，实际为 1.5"},
		{"negative unsigned", `{"unsig":-1}`, "unsig", "数值 -1 超出范围"},
		{"bool", `{"flag":"yes"}`, "flag", "应为 true 或 false，实际为文本（字符串）"},
		{"list", `{"list":"a"}`, "list", "应为数组，实际为文本（字符串）"},
		{"nested", `{"penalty":{"fine":"x"}}`, "penalty.fine", "应为数字，实际为文本（字符串）"},
		{"unknown field", `{"colour":"red"}`, "colour", "未知字段"},
		{"syntax", `{"facts":}`, "", "不是有效的 JSON（第 10 字节附近有语法错误）"},
		{"bare NaN", `{"amount":NaN}`, "", "不是有效的 JSON（第 11 字节附近有语法错误）"},
		{"truncated", `{"facts":"a"`, "", "不是完整的 JSON"},
		{"two values", `{} {}`, "", "只能包含一个 JSON 值"},
		{"trailing garbage", `{} x`, "", "只能包含一个 JSON 值"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v target
			err := DecodeStrict([]byte(tt.in), &v)
			e, ok := err.(*Error)
			if !ok {
				t.Fatalf("DecodeStrict(%s) = %v (%T); want *Error", tt.in, err, err)
			}
			if e.Field != tt.field || e.Message != tt.msg {
				t.Errorf("DecodeStrict(%s) = %q %q; want %q %q", tt.in, e.Field, e.Message, tt.field, tt.msg)
			}
			for _, leak := range []string{"float", "int", "string", "jsoninput.", "Go "} {
				if strings.Contains(e.Message, leak) {
					t.Errorf("message %q leaks %q", e.Message, leak)
				}
			}
		})
	}
	var v target
	if err := DecodeStrict([]byte(`{"facts":"销售","amount":-0,"count":3}`), &v); err != nil || v.Count != 3 || v.Amount == nil || *v.Amount != 0 {
		t.Fatalf("valid input: %+v %v", v, err)
	}
}
