package casework

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// actColumns are the columns of an acts CSV file by their English and
// Chinese headers (either may be used; order is free).
var actColumns = []struct{ en, zh string }{
	{"agency", "机关"}, {"category", "类别"}, {"date", "日期"}, {"unit", "单位"}, {"officer", "执法人员"},
	{"subject", "当事人"}, {"subject_id", "统一社会信用代码"}, {"basis", "依据"}, {"outcome", "结果"}, {"note", "备注"},
}

// DecodeActsCSV reads acts from CSV (UTF-8, a header row naming the
// columns of actColumns in English or Chinese; category and outcome as
// codes or their Chinese labels). A bad row is an *ActError whose Index
// is the row's index among the acts (line Index+2 of the file). At most
// MaxActs rows.
func DecodeActsCSV(r io.Reader) ([]Act, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, &ActError{Index: -1, Field: "csv", Message: "文件为空：第一行应为列名"}
	}
	if err != nil {
		return nil, &ActError{Index: -1, Field: "csv", Message: "无法读取列名：" + err.Error()}
	}
	col := map[string]int{}
	for i, h := range head {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		known := false
		for _, c := range actColumns {
			if h == c.en || h == c.zh {
				if _, dup := col[c.en]; dup {
					return nil, &ActError{Index: -1, Field: "csv", Message: "列名重复：" + h}
				}
				col[c.en], known = i, true
			}
		}
		if !known {
			return nil, &ActError{Index: -1, Field: "csv", Message: fmt.Sprintf("不认识的列名 %q（可用：agency/机关、category/类别、date/日期、unit/单位、officer/执法人员、subject/当事人、subject_id/统一社会信用代码、basis/依据、outcome/结果、note/备注）", h)}
		}
	}
	for _, need := range []string{"category", "date", "subject", "outcome"} {
		if _, ok := col[need]; !ok {
			return nil, &ActError{Index: -1, Field: "csv", Message: "缺少列：" + need}
		}
	}
	var out []Act
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		i := len(out)
		if err != nil {
			return nil, &ActError{Index: i, Field: "csv", Message: "无法读取：" + err.Error()}
		}
		if i >= MaxActs {
			return nil, &ActError{Index: i, Field: "csv", Message: fmt.Sprintf("一次最多导入 %d 条", MaxActs)}
		}
		get := func(name string) string {
			if k, ok := col[name]; ok && k < len(rec) {
				return strings.TrimSpace(rec[k])
			}
			return ""
		}
		out = append(out, Act{Agency: get("agency"), Category: get("category"), Date: get("date"), Unit: get("unit"),
			Officer: get("officer"), Subject: get("subject"), SubjectID: get("subject_id"), Basis: get("basis"),
			Outcome: get("outcome"), Note: get("note")})
	}
}

// byLabel replaces a category or outcome given by its Chinese label with
// its code.
func byLabel(a Act, cats []ActCategory) Act {
	for _, c := range cats {
		if a.Category == c.Label {
			a.Category = c.Code
		}
		if a.Category != c.Code {
			continue
		}
		for _, o := range c.Outcomes {
			if a.Outcome == o.Label {
				a.Outcome = o.Code
			}
		}
	}
	return a
}
