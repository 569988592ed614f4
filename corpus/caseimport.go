package corpus

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cailiang/cailiang/jsoninput"
	"github.com/cailiang/cailiang/legal"
)

// MaxCaseLine bounds one JSONL line of a case import (a case's facts are at
// most 200 KB; the rest is small).
const MaxCaseLine = 1 << 20

// DecodeCasesJSONL reads one case per line (blank lines skipped) and
// validates each. It returns every case or a *RowError naming the first bad
// line; unknown fields and wrong types are errors, so a typo never silently
// drops data.
func DecodeCasesJSONL(r io.Reader) ([]Case, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	var out []Case
	for line := 1; ; line++ {
		raw, err := jsoninput.ReadLine(br, MaxCaseLine)
		if errors.Is(err, io.EOF) && len(raw) == 0 {
			return out, nil
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, &RowError{Row: line, Err: err}
		}
		raw = bytes.TrimSpace(raw)
		if len(raw) == 0 {
			if errors.Is(err, io.EOF) {
				return out, nil
			}
			continue
		}
		c, derr := decodeCase(raw)
		if derr != nil {
			return nil, &RowError{Row: line, Err: derr}
		}
		out = append(out, c)
		if errors.Is(err, io.EOF) {
			return out, nil
		}
	}
}

func decodeCase(raw []byte) (Case, error) {
	if !utf8.Valid(raw) {
		return Case{}, &FieldError{"body", "不是有效的 UTF-8 文本"}
	}
	var c Case
	if err := jsoninput.DecodeStrict(raw, &c); err != nil {
		return Case{}, jsonFieldError(err)
	}
	if err := c.Validate(); err != nil {
		return Case{}, err
	}
	return c, nil
}

// jsonFieldError turns a decoding error into a FieldError worded for
// people (jsoninput); the case as a whole is the field "body".
func jsonFieldError(err error) error {
	e := jsoninput.Explain(err)
	if e.Field == "" {
		return &FieldError{"body", e.Message}
	}
	return &FieldError{e.Field, e.Message}
}

// DecodeCasesJSON reads a JSON array of cases (the body of POST /v1/library/cases)
// strictly and validates each; the error is a *RowError with the 1-based
// element number, or a *FieldError for a malformed body.
func DecodeCasesJSON(raw []byte) ([]Case, error) {
	if !utf8.Valid(raw) {
		return nil, &FieldError{"body", "不是有效的 UTF-8 文本"}
	}
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		return nil, &FieldError{"body", "请求体必须是案件对象组成的 JSON 数组"}
	}
	if len(items) == 0 {
		return nil, &FieldError{"body", "案件数组不能为空"}
	}
	out := make([]Case, 0, len(items))
	for i, it := range items {
		c, err := decodeCase(it)
		if err != nil {
			return nil, &RowError{Row: i + 1, Err: err}
		}
		out = append(out, c)
	}
	return out, nil
}

// caseCSVColumns are the columns a case CSV may have, in any order (basis
// is 引用 separated by ；or ;, list columns likewise).
var caseCSVColumns = []string{"id", "title", "facts", "sector", "violation_type", "basis", "fine", "confiscated_gains", "confiscated", "other", "disposition", "agency", "region", "decision_date", "disputes", "outcome", "source"}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '；' || r == '|' }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// DecodeCasesCSV reads cases from CSV with a header row naming columns in
// any order: id, title, facts, sector, violation_type, basis, fine,
// confiscated_gains, confiscated, other, disposition, agency, region,
// decision_date, disputes, outcome, source (id, title, facts, sector,
// violation_type, disposition are required; basis and the list columns
// separate entries with ；, ; or |). Row numbers in errors count the header as row 1.
func DecodeCasesCSV(r io.Reader) ([]Case, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = 0
	header, err := cr.Read()
	if err != nil {
		return nil, &RowError{Row: 1, Err: &FieldError{"header", "无法读取表头"}}
	}
	col := map[string]int{}
	for i, h := range header {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		known := false
		for _, k := range caseCSVColumns {
			if h == k {
				known = true
			}
		}
		if !known {
			return nil, &RowError{Row: 1, Err: &FieldError{h, "未知列"}}
		}
		col[h] = i
	}
	for _, k := range []string{"id", "title", "facts", "sector", "violation_type", "disposition"} {
		if _, ok := col[k]; !ok {
			return nil, &RowError{Row: 1, Err: &FieldError{k, "缺少必需的列"}}
		}
	}
	var out []Case
	for row := 2; ; row++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, &RowError{Row: row, Err: &FieldError{"csv", "CSV 格式错误：" + err.Error()}}
		}
		get := func(k string) string {
			if i, ok := col[k]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		c := Case{
			ID: get("id"), Title: get("title"), Facts: get("facts"), Sector: legal.Sector(get("sector")),
			ViolationType: get("violation_type"), Disposition: legal.Disposition(get("disposition")), Agency: get("agency"),
			Region: get("region"), DecisionDate: get("decision_date"), Outcome: get("outcome"), Source: get("source"),
			Disputes: splitList(get("disputes")),
			Penalty:  Penalty{Confiscated: splitList(get("confiscated")), Other: splitList(get("other"))},
		}
		for _, f := range []struct {
			name string
			dst  *float64
		}{{"fine", &c.Penalty.Fine}, {"confiscated_gains", &c.Penalty.ConfiscatedGains}} {
			if v := get(f.name); v != "" {
				n, err := strconv.ParseFloat(v, 64)
				if err != nil {
					return nil, &RowError{Row: row, Err: &FieldError{f.name, "不是数字"}}
				}
				*f.dst = n
			}
		}
		for _, b := range splitList(get("basis")) {
			pc, err := ParseCitation(b)
			if err != nil {
				return nil, &RowError{Row: row, Err: &FieldError{"basis", fmt.Sprintf("无法识别的法律依据：%s", b)}}
			}
			cit := pc.Ref
			cit.Law = pc.LawName
			c.Basis = append(c.Basis, cit)
		}
		if err := c.Validate(); err != nil {
			return nil, &RowError{Row: row, Err: err}
		}
		out = append(out, c)
	}
}
