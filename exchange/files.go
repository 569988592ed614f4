package exchange

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/jsoninput"
)

// MaxLine bounds one JSONL line (a record's facts are at most 20,000
// characters; the rest is small).
const MaxLine = 1 << 20

// Columns are the CSV columns, in the order written: the record's
// properties with the decision's flattened beside them. other and reasons
// are JSON arrays of strings in their cell (a reason may well contain a
// 分号, so no separator character would do).
var Columns = []string{"format", "version", "key", "source_agency", "source_agency_name", "case_id", "title", "facts", "source",
	"sector", "stage", "party_kind", "party_name", "party_id", "disposition", "basis", "fine", "confiscation", "other",
	"suggested_min", "suggested_max", "deviation", "reasons", "opened", "decided", "digest"}

// decisionColumns are the CSV columns that are properties of "decision".
var decisionColumns = map[string]bool{"disposition": true, "basis": true, "fine": true, "confiscation": true, "other": true,
	"suggested_min": true, "suggested_max": true, "deviation": true, "reasons": true}

// numberColumns and listColumns are the CSV columns that are not text.
var (
	numberColumns = map[string]bool{"version": true, "fine": true, "confiscation": true, "suggested_min": true, "suggested_max": true}
	listColumns   = map[string]bool{"other": true, "reasons": true}
)

// Write writes records as a file of the format (JSONL or CSV), every record
// checked as Read will check it, so that an export that another agency
// could not import fails here, naming the record. ErrFormat for another
// format.
func Write(w io.Writer, format string, rs []casework.SharedRecord) error {
	var write func(m map[string]any) error
	var flush func() error
	switch format {
	case JSONL:
		bw := bufio.NewWriter(w)
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		write = func(m map[string]any) error { return enc.Encode(m) }
		flush = bw.Flush
	case CSV:
		cw := csv.NewWriter(w)
		if err := cw.Write(Columns); err != nil {
			return fmt.Errorf("write csv header: %w", err)
		}
		write = func(m map[string]any) error {
			row, err := csvRow(m)
			if err != nil {
				return err
			}
			return cw.Write(row)
		}
		flush = func() error { cw.Flush(); return cw.Error() }
	default:
		return fmt.Errorf("%q (jsonl or csv): %w", format, ErrFormat)
	}
	for i, r := range rs {
		m, err := wire(r)
		if err != nil {
			return err
		}
		if _, lerr := record(i+1, m); lerr != nil {
			return fmt.Errorf("record %d (%s) would not import: %w", i+1, r.Key, *lerr)
		}
		if err := write(m); err != nil {
			return fmt.Errorf("write record %s: %w", r.Key, err)
		}
	}
	if err := flush(); err != nil {
		return fmt.Errorf("write %s: %w", format, err)
	}
	return nil
}

// csvRow flattens a record's map into the cells of Columns.
func csvRow(m map[string]any) ([]string, error) {
	dec, _ := m["decision"].(map[string]any)
	row := make([]string, len(Columns))
	for i, col := range Columns {
		v, ok := m[col]
		if decisionColumns[col] {
			v, ok = dec[col]
		}
		if !ok || v == nil {
			continue
		}
		switch x := v.(type) {
		case string:
			row[i] = x
		case float64:
			row[i] = strconv.FormatFloat(x, 'f', -1, 64)
		case bool:
			row[i] = strconv.FormatBool(x)
		default:
			b, err := json.Marshal(x)
			if err != nil {
				return nil, fmt.Errorf("csv column %s: %w", col, err)
			}
			row[i] = string(b)
		}
	}
	return row, nil
}

// Read reads a file of the format and returns every record, or Errors
// naming each bad line (up to 50) and nothing else: a file is taken whole
// or not at all. A key that appears on two lines is an error on the second.
// ErrFormat for another format.
func Read(r io.Reader, format string) ([]casework.SharedRecord, error) {
	var (
		out  []casework.SharedRecord
		errs Errors
		seen = map[string]int{}
	)
	take := func(line int, m map[string]any, lerr *LineError) bool {
		var rec casework.SharedRecord
		if lerr == nil {
			rec, lerr = record(line, m)
		}
		if lerr == nil && seen[rec.Key] != 0 {
			lerr = &LineError{Line: line, Field: "key", Message: fmt.Sprintf("与第 %d 行重复", seen[rec.Key])}
		}
		if lerr != nil {
			errs = append(errs, *lerr)
			return len(errs) < maxErrors
		}
		seen[rec.Key] = line
		out = append(out, rec)
		if len(out) > casework.MaxShared {
			errs = append(errs, LineError{Line: line, Message: fmt.Sprintf("一个文件最多 %d 条记录", casework.MaxShared)})
			return false
		}
		return true
	}
	var err error
	switch format {
	case JSONL:
		err = readJSONL(r, take)
	case CSV:
		err = readCSV(r, take)
	default:
		return nil, fmt.Errorf("%q (jsonl or csv): %w", format, ErrFormat)
	}
	if err != nil {
		return nil, err
	}
	if len(errs) > 0 {
		return nil, errs
	}
	if len(out) == 0 {
		return nil, Errors{{Line: 1, Message: "文件中没有记录"}}
	}
	return out, nil
}

// taker takes one record read from a file (or the error that made it
// unreadable) and says whether to go on.
type taker func(line int, m map[string]any, lerr *LineError) bool

// readJSONL calls take with each non-blank line's object until it says stop.
func readJSONL(r io.Reader, take taker) error {
	br := bufio.NewReaderSize(r, 64<<10)
	for line := 1; ; line++ {
		raw, err := jsoninput.ReadLine(br, MaxLine)
		if err != nil && !errors.Is(err, io.EOF) {
			return Errors{{Line: line, Message: err.Error()}}
		}
		if raw = bytes.TrimSpace(raw); len(raw) > 0 {
			var m map[string]any
			d := json.NewDecoder(bytes.NewReader(raw))
			switch {
			case !utf8.Valid(raw):
				return Errors{{Line: line, Message: "不是有效的 UTF-8 文本"}}
			case d.Decode(&m) != nil || d.More() || m == nil:
				if !take(line, nil, &LineError{Line: line, Message: "不是一个 JSON 对象"}) {
					return nil
				}
			case !take(line, m, nil):
				return nil
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
	}
}

// readCSV calls take with each row, made into the object a JSONL line
// would hold, until it says stop.
func readCSV(r io.Reader, take taker) error {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return Errors{{Line: 1, Field: "header", Message: "无法读取表头（不是 CSV 文件？）"}}
	}
	col := map[int]string{}
	for i, h := range header {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		if !slices.Contains(Columns, h) {
			return Errors{{Line: 1, Field: h, Message: "未知列（交换格式第 1 版的列见 docs/exchange.md）"}}
		}
		col[i] = h
	}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.StartLine
			}
			return Errors{{Line: line, Message: "CSV 格式错误：" + err.Error()}}
		}
		if !utf8.Valid([]byte(strings.Join(rec, ""))) {
			return Errors{{Line: line, Message: "不是有效的 UTF-8 文本"}}
		}
		m, dec := map[string]any{}, map[string]any{}
		var cellErr *LineError
		for i, cell := range rec {
			name, ok := col[i]
			if !ok {
				cellErr = &LineError{Line: line, Message: fmt.Sprintf("第 %d 列没有表头", i+1)}
				break
			}
			if cell == "" {
				continue
			}
			var v any = cell
			switch {
			case numberColumns[name]:
				n, err := strconv.ParseFloat(strings.TrimSpace(cell), 64)
				if err != nil {
					cellErr = &LineError{Line: line, Field: name, Message: "不是数字"}
				}
				v = n
			case listColumns[name]:
				var list []any
				if err := json.Unmarshal([]byte(cell), &list); err != nil {
					cellErr = &LineError{Line: line, Field: name, Message: `应为 JSON 字符串数组，如 ["警告"]`}
				}
				v = list
			}
			if decisionColumns[name] {
				dec[name] = v
			} else {
				m[name] = v
			}
		}
		if len(dec) > 0 {
			m["decision"] = dec
		}
		// A cell's own message (not a number…) is clearer than the schema's.
		if !take(line, m, cellErr) {
			return nil
		}
	}
}
