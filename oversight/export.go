package oversight

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// Formats a Report exports to.
const (
	FormatJSON = "json"
	FormatCSV  = "csv"
	FormatXLSX = "xlsx"
)

// table is the report as rows of (section, item, count, fines): the one
// layout CSV and XLSX share.
func (r Report) table() [][]string {
	rows := [][]string{{"分类", "项目", "件数", "罚款金额（元）"}}
	add := func(section string, cs []Count) {
		for _, c := range cs {
			rows = append(rows, []string{section, c.Label, strconv.Itoa(c.N), money(c.Fines)})
		}
	}
	rows = append(rows,
		[]string{"概况", "机关", r.AgencyName, ""},
		[]string{"概况", "期间", r.From + " 至 " + r.To + "（不含）", ""},
		[]string{"概况", "登记案件", strconv.Itoa(r.Cases), ""},
		[]string{"概况", "其他执法行为（许可、强制、征收、检查等）", strconv.Itoa(r.Acts), ""},
		[]string{"概况", "作出处罚决定", strconv.Itoa(r.Decisions), money(r.FineTotal)},
		[]string{"概况", "没收违法所得、非法财物", "", money(r.ConfiscationTotal)},
		[]string{"概况", "移送", strconv.Itoa(r.Transferred), ""})
	add("执法类别", r.ByCategory)
	add("办理阶段", r.ByStage)
	add("案件来源", r.BySource)
	add("执法机关", r.ByAgency)
	add("处理结果", r.ByDisposition)
	add("执法领域", r.BySector)
	add("违法行为", r.ByViolation)
	add("罚款金额", r.ByAmountBand)
	t := r.Timeliness
	for _, kv := range []struct {
		k string
		v int
	}{{"立案", t.Opened}, {"按期决定", t.OnTime}, {"超期决定", t.Late}, {"超期未决定", t.Overdue}, {"办理中", t.Running}, {"未作决定即终结", t.Ended}} {
		rows = append(rows, []string{"办案期限", kv.k, strconv.Itoa(kv.v), ""})
	}
	rows = append(rows, []string{"办案期限", "按期决定率", strconv.FormatFloat(t.OnTimeRate, 'f', 4, 64), ""})
	return rows
}

func money(v float64) string {
	if v == 0 {
		return ""
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}

// WriteCSV writes the report as CSV (UTF-8 with a byte-order mark, so that
// spreadsheet programs read the Chinese); errors are the writer's.
func (r Report) WriteCSV(w io.Writer) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	cw := csv.NewWriter(w)
	if err := cw.WriteAll(r.table()); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

// WriteXLSX writes the report as an Excel workbook (one sheet, 执法统计);
// errors are excelize's and the writer's.
func (r Report) WriteXLSX(w io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "执法统计"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	for i, row := range r.table() {
		for j, v := range row {
			cell, err := excelize.CoordinatesToCellName(j+1, i+1)
			if err != nil {
				return fmt.Errorf("write xlsx: %w", err)
			}
			var val any = v
			if j >= 2 && i > 0 {
				if n, err := strconv.ParseFloat(v, 64); err == nil {
					val = n
				}
			}
			if err := f.SetCellValue(sheet, cell, val); err != nil {
				return fmt.Errorf("write xlsx: %w", err)
			}
		}
	}
	if err := f.SetColWidth(sheet, "A", "B", 24); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	return nil
}

// Formats lists the formats Export writes.
var Formats = []string{FormatJSON, FormatCSV, FormatXLSX}

// ContentType is the media type of a format's file ("" for an unknown one).
func ContentType(format string) string {
	switch format {
	case FormatJSON:
		return "application/json"
	case FormatCSV:
		return "text/csv; charset=utf-8"
	case FormatXLSX:
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	}
	return ""
}

// Export writes the report in format (json, csv or xlsx). Errors:
// ErrInvalid (wrapped) for another format, and the writer's.
func (r Report) Export(w io.Writer, format string) error {
	switch format {
	case FormatCSV:
		return r.WriteCSV(w)
	case FormatXLSX:
		return r.WriteXLSX(w)
	case FormatJSON:
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if err := enc.Encode(r); err != nil {
			return fmt.Errorf("write json: %w", err)
		}
		return nil
	}
	return fmt.Errorf("format %q: json, csv or xlsx: %w", format, ErrInvalid)
}
