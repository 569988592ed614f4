package documents

import (
	"encoding/xml"
	"strconv"
	"strings"
	"unicode/utf8"
)

// StyleCell is a row of a form (立案审批表, 送达回证, 法制审核意见书):
// consecutive cell paragraphs make one bordered DOCX table, each line with
// one "：" split after it into the label (with the colon) and the value; a
// line with none or several (收件人：…签名或者盖章：…, lines to sign on)
// stays a form line between tables. The label column is as wide as the
// table's longest label. In PDF and in
// Text the line stays as written.
const StyleCell = "cell"

// Widths of a form table, in twips: the 156 mm type area, a character of
// 三号 (16 pt) text, and the cell padding.
const (
	tableW    = 8844
	charW     = 320
	cellPadW  = 240
	minLabelW = 4*charW + cellPadW
)

type (
	xTable struct {
		XMLName xml.Name `xml:"w:tbl"`
		Props   struct {
			Width   xWidth `xml:"w:tblW"`
			Borders struct {
				Top     xBorder `xml:"w:top"`
				Left    xBorder `xml:"w:left"`
				Bottom  xBorder `xml:"w:bottom"`
				Right   xBorder `xml:"w:right"`
				InsideH xBorder `xml:"w:insideH"`
				InsideV xBorder `xml:"w:insideV"`
			} `xml:"w:tblBorders"`
		} `xml:"w:tblPr"`
		Grid struct {
			Cols []xWidthOnly `xml:"w:gridCol"`
		} `xml:"w:tblGrid"`
		Rows []xRow `xml:"w:tr"`
	}
	xRow struct {
		Cells []xCell `xml:"w:tc"`
	}
	xCell struct {
		Props struct {
			Width xWidth `xml:"w:tcW"`
		} `xml:"w:tcPr"`
		Para xPara `xml:"w:p"`
	}
	xWidth struct {
		W    string `xml:"w:w,attr"`
		Type string `xml:"w:type,attr"`
	}
	xWidthOnly struct {
		W int `xml:"w:w,attr"`
	}
	xBorder struct {
		Val   string `xml:"w:val,attr"`
		Size  int    `xml:"w:sz,attr"`
		Space int    `xml:"w:space,attr"`
		Color string `xml:"w:color,attr"`
	}
)

// newTable lays out lines as a form table.
func newTable(lines []string) *xTable {
	t := &xTable{}
	t.Props.Width = xWidth{W: strconv.Itoa(tableW), Type: "dxa"}
	b := xBorder{Val: "single", Size: 4, Color: "000000"}
	bs := &t.Props.Borders
	bs.Top, bs.Left, bs.Bottom, bs.Right, bs.InsideH, bs.InsideV = b, b, b, b, b, b
	labelW := minLabelW
	for _, l := range lines {
		if label, _, ok := splitRow(l); ok {
			labelW = max(labelW, min(utf8.RuneCountInString(label)*charW+cellPadW, tableW/2))
		}
	}
	t.Grid.Cols = []xWidthOnly{{labelW}, {tableW - labelW}}
	cell := func(w int, text string) xCell {
		var c xCell
		c.Props.Width = xWidth{W: strconv.Itoa(w), Type: "dxa"}
		c.Para = para(styleIDs[StyleField], text)
		return c
	}
	for _, l := range lines {
		label, value, _ := splitRow(l)
		t.Rows = append(t.Rows, xRow{Cells: []xCell{cell(labelW, label), cell(tableW-labelW, value)}})
	}
	return t
}

// splitRow splits a line with exactly one "：" after it.
func splitRow(line string) (label, value string, ok bool) {
	if strings.Count(line, "：") != 1 {
		return "", "", false
	}
	i := strings.Index(line, "：") + len("：")
	return line[:i], line[i:], true
}

// para is one paragraph of style id holding text.
func para(id, text string) xPara {
	return xPara{Props: xPProps{Style: xVal{Val: id}}, Runs: []xRun{{Text: xText{Space: "preserve", Text: text}}}}
}
