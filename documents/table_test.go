package documents

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
)

// TestFormTables: the form-type documents (立案审批表, 送达回证, 法制审核意见书)
// are laid out as DOCX tables of label | value rows, with signature lines
// left as lines; the others have no table.
func TestFormTables(t *testing.T) {
	g, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	in := loadInput(t, "company.json")
	for _, tc := range []struct {
		kind  Kind
		table bool
		row   string
	}{
		{KindFiling, true, `<w:t xml:space="preserve">住所：</w:t></w:r></w:p></w:tc><w:tc>`},
		{KindService, true, `<w:t xml:space="preserve">受送达人：</w:t></w:r></w:p></w:tc><w:tc>`},
		{KindReview, true, `<w:tc>`},
		{KindDecision, false, ""},
		{KindNotice, false, ""},
	} {
		doc, err := g.Render(tc.kind, in)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := WriteDOCX(&b, doc); err != nil {
			t.Fatal(err)
		}
		xml := docXML(t, b.Bytes())
		if got := strings.Contains(xml, "<w:tbl>"); got != tc.table {
			t.Errorf("%s: table %v, want %v", tc.kind, got, tc.table)
		}
		if tc.row != "" && !strings.Contains(xml, tc.row) {
			t.Errorf("%s: no row %q", tc.kind, tc.row)
		}
		text, err := DOCXText(b.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		if text != doc.Text() {
			t.Errorf("%s: the DOCX reads\n%s\nnot the document's lines\n%s", tc.kind, text, doc.Text())
		}
	}
}

func docXML(t *testing.T, docx []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			raw, _ := io.ReadAll(rc)
			return string(raw)
		}
	}
	t.Fatal("no document.xml")
	return ""
}
