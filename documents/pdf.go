package documents

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// pdfStyle is how a paragraph style is set in PDF: size in points,
// alignment, first-line indent in characters, left indent in characters,
// space before and after in mm.
type pdfStyle struct {
	size          float64
	align         string
	indent, left  float64
	before, after float64
}

var pdfStyles = map[string]pdfStyle{
	StyleAgency:    {18, "C", 0, 0, 2, 2},
	StyleTitle:     {22, "C", 0, 0, 2, 6},
	StyleNumber:    {16, "R", 0, 0, 0, 2},
	StyleBody:      {16, "L", 2, 0, 0, 0},
	StyleHeading:   {16, "L", 2, 0, 0, 0},
	StyleQuote:     {16, "L", 2, 2, 0, 0},
	StyleField:     {16, "L", 0, 0, 0, 0},
	StyleCell:      {16, "L", 0, 0, 0, 0},
	StyleSignature: {16, "R", 0, 0, 4, 0},
	StyleDate:      {16, "R", 0, 0, 0, 0},
	StyleNote:      {14, "L", 0, 0, 4, 0},
	StyleDraft:     {14, "C", 0, 0, 0, 4},
}

// findFont returns the bytes of the first readable font in paths, or
// ErrNoCJKFont.
func findFont(paths []string) ([]byte, string, error) {
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err == nil && len(b) > 0 {
			return b, p, nil
		}
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, "", fmt.Errorf("pdf: font %s: %w", p, err)
		}
	}
	return nil, "", fmt.Errorf("%w (looked for %s)", ErrNoCJKFont, strings.Join(paths, ", "))
}

// WritePDF writes doc as an A4 PDF with the page of the DOCX (GB/T 9704
// margins, 22 lines a page), in the first CJK TrueType font of
// Config.FontPaths. It returns an error wrapping ErrNoCJKFont when none is
// installed, and the PDF library's error otherwise.
func (g *Generator) WritePDF(w io.Writer, doc Document) error {
	font, path, err := findFont(g.cfg.FontPaths)
	if err != nil {
		return err
	}
	const mm = 25.4 / 1440 // twips → mm
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCreationDate(time.Date(2021, 7, 15, 0, 0, 0, 0, time.UTC))
	pdf.SetModificationDate(time.Date(2021, 7, 15, 0, 0, 0, 0, time.UTC))
	title := doc.Title
	if doc.Draft {
		title += "（草稿）"
	}
	pdf.SetTitle(title, true)
	pdf.SetMargins(marginLeft*mm, marginTop*mm, marginRight*mm)
	pdf.SetAutoPageBreak(true, marginBottom*mm)
	pdf.AddUTF8FontFromBytes("cjk", "", font)
	if pdf.Err() {
		return fmt.Errorf("pdf: font %s: %w", path, pdf.Error())
	}
	pdf.AliasNbPages("")
	pdf.SetFooterFunc(func() {
		pdf.SetY(-marginBottom * mm / 2)
		pdf.SetFont("cjk", "", 12)
		pdf.CellFormat(0, 6, fmt.Sprintf("— %d —", pdf.PageNo()), "", 0, "C", false, 0, "")
	})
	pdf.AddPage()
	lineH := linePitch * mm
	width := (pageW - marginLeft - marginRight) * mm
	for _, p := range doc.Paragraphs {
		st, ok := pdfStyles[p.Style]
		if !ok {
			st = pdfStyles[StyleBody]
		}
		pdf.SetFont("cjk", "", st.size)
		em := st.size * 25.4 / 72 // one character, in mm
		if st.before > 0 {
			pdf.Ln(st.before)
		}
		text := p.Text
		if st.indent > 0 {
			// Two full-width spaces indent the first line as the DOCX
			// style does (firstLineChars).
			text = strings.Repeat("\u3000", int(st.indent)) + text
		}
		left := pdf.GetX()
		w := width - st.left*em
		h := lineH * st.size / 16
		for _, line := range wrap(pdf.GetStringWidth, text, w) {
			if st.left > 0 {
				pdf.SetX(left + st.left*em)
			}
			pdf.CellFormat(w, h, line, "", 1, st.align, false, 0, "")
		}
		pdf.SetX(left)
		if st.after > 0 {
			pdf.Ln(st.after)
		}
	}
	if err := pdf.Output(w); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	return nil
}

// noLineStart are the marks a line must not begin with (标点避头): they
// stay at the end of the line before, as in typeset Chinese.
const noLineStart = "，。、；：？！）》”’…】"

// wrap breaks text into lines no wider than width, character by character
// (Chinese has no spaces to break at). fpdf's MultiCell drops the
// character at each break in such text, so we break ourselves.
func wrap(measure func(string) float64, text string, width float64) []string {
	var out []string
	var line []rune
	for _, r := range text {
		if len(line) > 0 && measure(string(append(line, r))) > width && !strings.ContainsRune(noLineStart, r) {
			out = append(out, string(line))
			line = line[:0]
		}
		line = append(line, r)
	}
	if len(line) > 0 || len(out) == 0 {
		out = append(out, string(line))
	}
	return out
}
