package oversight_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/cailiang/cailiang/oversight"
)

// TestExportsCarryTheReport: the CSV and the workbook hold the report's
// numbers (read back with encoding/csv and excelize).
func TestExportsCarryTheReport(t *testing.T) {
	s := seed(t, boltStore(t), 300, 4)
	ix := index(t, s)
	rep, err := ix.Stats(context.Background(), oversight.Query{})
	if err != nil {
		t.Fatal(err)
	}
	var c bytes.Buffer
	if err := rep.WriteCSV(&c); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(c.String(), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	find := func(rows [][]string, section, item string) []string {
		for _, r := range rows {
			if len(r) >= 3 && r[0] == section && r[1] == item {
				return r
			}
		}
		t.Fatalf("no row %s/%s", section, item)
		return nil
	}
	if got := find(rows, "概况", "登记案件")[2]; got != strconv.Itoa(rep.Cases) {
		t.Errorf("CSV cases %s, report %d", got, rep.Cases)
	}
	if got := find(rows, "概况", "作出处罚决定")[3]; got != strconv.FormatFloat(rep.FineTotal, 'f', 2, 64) {
		t.Errorf("CSV fines %s, report %.2f", got, rep.FineTotal)
	}
	var x bytes.Buffer
	if err := rep.WriteXLSX(&x); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&x)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	xrows, err := f.GetRows("执法统计")
	if err != nil {
		t.Fatal(err)
	}
	if len(xrows) != len(rows) {
		t.Errorf("workbook %d rows, CSV %d", len(xrows), len(rows))
	}
	if got := find(xrows, "概况", "登记案件")[2]; got != strconv.Itoa(rep.Cases) {
		t.Errorf("XLSX cases %s, report %d", got, rep.Cases)
	}
	if got := find(xrows, "处理结果", rep.ByDisposition[0].Label)[2]; got != strconv.Itoa(rep.ByDisposition[0].N) {
		t.Errorf("XLSX %s %s, report %d", rep.ByDisposition[0].Label, got, rep.ByDisposition[0].N)
	}
}
