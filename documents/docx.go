package documents

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"
)

// Page and type after GB/T 9704-2012 (党政机关公文格式): A4; 天头 37 mm,
// 订口 28 mm, 版心 156 × 225 mm (so right 26 mm, bottom 35 mm); body in
// 三号仿宋 (16 pt), titles in 二号小标宋 (22 pt); 22 lines of 28 characters.
// Sizes in twentieths of a point (twips) and half-points.
const (
	pageW        = 11906 // 210 mm
	pageH        = 16838 // 297 mm
	marginTop    = 2098  // 37 mm
	marginLeft   = 1587  // 28 mm
	marginRight  = 1474  // 26 mm
	marginBottom = 1984  // 35 mm
	// linePitch is 225 mm / 22 lines.
	linePitch = 579
)

// Fonts as the templates name them. Word and WPS on an agency's machine
// have 仿宋_GB2312 and 方正小标宋简体; elsewhere the font table's altName
// gives the fallback (仿宋, 宋体), and LibreOffice substitutes what it has.
const (
	fontBody    = "仿宋_GB2312"
	fontTitle   = "方正小标宋简体"
	fontHeading = "黑体"
)

const nsW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

// The document.xml elements we write. Names carry the w: prefix as
// written; the root declares it.
type (
	xDocument struct {
		XMLName xml.Name `xml:"w:document"`
		NS      string   `xml:"xmlns:w,attr"`
		Body    xBody    `xml:"w:body"`
	}
	// xBody holds paragraphs and tables in document order (each item
	// names its element with XMLName).
	xBody struct {
		Items []any `xml:",omitempty"`
		Sect  xSect `xml:"w:sectPr"`
	}
	xPara struct {
		XMLName xml.Name `xml:"w:p"`
		Props   xPProps  `xml:"w:pPr"`
		Runs    []xRun   `xml:"w:r"`
	}
	xPProps struct {
		Style xVal `xml:"w:pStyle"`
	}
	xVal struct {
		Val string `xml:"w:val,attr"`
	}
	xRun struct {
		Text xText `xml:"w:t"`
	}
	xText struct {
		Space string `xml:"xml:space,attr"`
		Text  string `xml:",chardata"`
	}
	xSect struct {
		PgSz struct {
			W int `xml:"w:w,attr"`
			H int `xml:"w:h,attr"`
		} `xml:"w:pgSz"`
		PgMar struct {
			Top    int `xml:"w:top,attr"`
			Right  int `xml:"w:right,attr"`
			Bottom int `xml:"w:bottom,attr"`
			Left   int `xml:"w:left,attr"`
			Header int `xml:"w:header,attr"`
			Footer int `xml:"w:footer,attr"`
			Gutter int `xml:"w:gutter,attr"`
		} `xml:"w:pgMar"`
		DocGrid struct {
			Type      string `xml:"w:type,attr"`
			LinePitch int    `xml:"w:linePitch,attr"`
		} `xml:"w:docGrid"`
	}
)

// styleIDs maps our paragraph styles to the DOCX style ids in styles.xml.
var styleIDs = map[string]string{
	StyleAgency: "Agency", StyleTitle: "DocTitle", StyleNumber: "DocNumber", StyleBody: "Body",
	StyleHeading: "BodyHeading", StyleQuote: "Quote", StyleField: "Field", StyleSignature: "Signature",
	StyleDate: "SignDate", StyleNote: "Note", StyleDraft: "Draft",
}

// WriteDOCX writes doc as a DOCX package: [Content_Types].xml, _rels,
// word/document.xml, styles, settings, font table and core properties.
// The output is byte-for-byte the same for the same document (fixed
// timestamps), so its digest identifies it. It returns write errors.
func WriteDOCX(w io.Writer, doc Document) error {
	d := xDocument{NS: nsW}
	var rows []string
	for _, p := range doc.Paragraphs {
		if _, _, row := splitRow(p.Text); p.Style == StyleCell && row {
			rows = append(rows, p.Text)
			continue
		}
		if rows != nil {
			d.Body.Items = append(d.Body.Items, newTable(rows))
			rows = nil
		}
		id, ok := styleIDs[p.Style]
		if p.Style == StyleCell {
			// Signature lines (several labels, blanks to sign in) stay lines.
			id = styleIDs[StyleField]
		}
		if !ok {
			id = "Body"
		}
		d.Body.Items = append(d.Body.Items, para(id, p.Text))
	}
	if rows != nil {
		d.Body.Items = append(d.Body.Items, newTable(rows))
	}
	s := &d.Body.Sect
	s.PgSz.W, s.PgSz.H = pageW, pageH
	s.PgMar.Top, s.PgMar.Right, s.PgMar.Bottom, s.PgMar.Left = marginTop, marginRight, marginBottom, marginLeft
	s.PgMar.Header, s.PgMar.Footer = 851, 992
	s.DocGrid.Type, s.DocGrid.LinePitch = "lines", linePitch
	body, err := xml.Marshal(d)
	if err != nil {
		return fmt.Errorf("docx: document.xml: %w", err)
	}
	title := doc.Title
	if doc.Draft {
		title += "（草稿）"
	}
	var core bytes.Buffer
	core.WriteString(`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>`)
	if err := xml.EscapeText(&core, []byte(title)); err != nil {
		return fmt.Errorf("docx: core.xml: %w", err)
	}
	core.WriteString(`</dc:title><dc:language>zh-CN</dc:language></cp:coreProperties>`)

	parts := []struct {
		name string
		data []byte
	}{
		{"[Content_Types].xml", []byte(contentTypes)},
		{"_rels/.rels", []byte(rootRels)},
		{"docProps/core.xml", append([]byte(xml.Header), core.Bytes()...)},
		{"word/_rels/document.xml.rels", []byte(documentRels)},
		{"word/document.xml", append([]byte(xml.Header), body...)},
		{"word/styles.xml", []byte(stylesXML())},
		{"word/settings.xml", []byte(settingsXML)},
		{"word/fontTable.xml", []byte(fontTableXML)},
	}
	zw := zip.NewWriter(w)
	stamp := time.Date(2021, 7, 15, 0, 0, 0, 0, time.UTC)
	for _, p := range parts {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: stamp})
		if err != nil {
			return fmt.Errorf("docx: %s: %w", p.name, err)
		}
		if _, err := f.Write(p.data); err != nil {
			return fmt.Errorf("docx: %s: %w", p.name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("docx: %w", err)
	}
	return nil
}

const contentTypes = xml.Header + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
	`<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`</Types>`

const rootRels = xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`</Relationships>`

const documentRels = xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>` +
	`</Relationships>`

const settingsXML = xml.Header + `<w:settings xmlns:w="` + nsW + `">` +
	`<w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/>` +
	`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
	`<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/></w:settings>`

// fontTableXML names each font with its fallback (w:altName) and the
// GB2312 character set, so a machine without the font picks a like one.
var fontTableXML = xml.Header + `<w:fonts xmlns:w="` + nsW + `">` +
	fontEntry(fontBody, "仿宋", "modern") + fontEntry("仿宋", "FangSong", "modern") +
	fontEntry(fontTitle, "宋体", "roman") + fontEntry("宋体", "SimSun", "roman") +
	fontEntry(fontHeading, "SimHei", "modern") +
	`</w:fonts>`

func fontEntry(name, alt, family string) string {
	return `<w:font w:name="` + name + `"><w:altName w:val="` + alt + `"/><w:charset w:val="86"/><w:family w:val="` + family + `"/><w:pitch w:val="fixed"/></w:font>`
}

// stylesXML defines the paragraph styles the templates use.
func stylesXML() string {
	run := func(font string, halfPoints int, bold bool) string {
		b := ""
		if bold {
			b = `<w:b/>`
		}
		return fmt.Sprintf(`<w:rPr><w:rFonts w:ascii="%[1]s" w:hAnsi="%[1]s" w:eastAsia="%[1]s" w:cs="%[1]s"/>%[2]s<w:sz w:val="%[3]d"/><w:szCs w:val="%[3]d"/><w:lang w:eastAsia="zh-CN"/></w:rPr>`, font, b, halfPoints)
	}
	para := func(jc string, firstLineChars, leftChars, rightChars int, exact bool) string {
		spacing := fmt.Sprintf(`<w:spacing w:before="0" w:after="0" w:line="%d" w:lineRule="exact"/>`, linePitch)
		if !exact {
			spacing = `<w:spacing w:before="240" w:after="240" w:line="240" w:lineRule="auto"/>`
		}
		ind := fmt.Sprintf(`<w:ind w:firstLineChars="%d" w:leftChars="%d" w:rightChars="%d"/>`, firstLineChars, leftChars, rightChars)
		return `<w:pPr>` + spacing + ind + `<w:jc w:val="` + jc + `"/></w:pPr>`
	}
	style := func(id, name, pPr, rPr string) string {
		return `<w:style w:type="paragraph" w:customStyle="1" w:styleId="` + id + `"><w:name w:val="` + name + `"/><w:basedOn w:val="Normal"/><w:qFormat/>` + pPr + rPr + `</w:style>`
	}
	var b strings.Builder
	b.WriteString(xml.Header + `<w:styles xmlns:w="` + nsW + `">`)
	b.WriteString(`<w:docDefaults><w:rPrDefault>` + run(fontBody, 32, false) + `</w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:line="` + fmt.Sprint(linePitch) + `" w:lineRule="exact"/></w:pPr></w:pPrDefault></w:docDefaults>`)
	b.WriteString(`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>` + para("both", 0, 0, 0, true) + run(fontBody, 32, false) + `</w:style>`)
	b.WriteString(style("Agency", "机关名称", para("center", 0, 0, 0, false), run(fontTitle, 36, false)))
	b.WriteString(style("DocTitle", "文书名称", para("center", 0, 0, 0, false), run(fontTitle, 44, false)))
	b.WriteString(style("DocNumber", "文号", para("right", 0, 0, 0, true), run(fontBody, 32, false)))
	b.WriteString(style("Body", "正文", para("both", 200, 0, 0, true), run(fontBody, 32, false)))
	b.WriteString(style("BodyHeading", "正文标题", para("left", 200, 0, 0, true), run(fontHeading, 32, false)))
	b.WriteString(style("Quote", "条文引用", para("both", 200, 200, 0, true), run(fontBody, 32, false)))
	b.WriteString(style("Field", "表格栏目", para("left", 0, 0, 0, true), run(fontBody, 32, false)))
	b.WriteString(style("Signature", "署名", para("right", 0, 0, 400, true), run(fontBody, 32, false)))
	b.WriteString(style("SignDate", "成文日期", para("right", 0, 0, 400, true), run(fontBody, 32, false)))
	b.WriteString(style("Note", "附注", para("left", 0, 0, 0, true), run(fontBody, 28, false)))
	b.WriteString(style("Draft", "草稿标记", para("center", 0, 0, 0, false), run(fontHeading, 28, true)))
	b.WriteString(`</w:styles>`)
	return b.String()
}

// ErrNotDOCX is returned by DOCXText for data that is not a DOCX package.
var ErrNotDOCX = fmt.Errorf("not a DOCX package")

// DOCXText returns the text of word/document.xml's paragraphs, one a
// line: what golden files hold. It returns an error wrapping ErrNotDOCX
// for anything else.
func DOCXText(data []byte) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrNotDOCX, err)
	}
	for _, f := range zr.File {
		if f.Name != "word/document.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return "", fmt.Errorf("%w: %v", ErrNotDOCX, err)
		}
		defer rc.Close()
		dec := xml.NewDecoder(io.LimitReader(rc, 64<<20))
		var out strings.Builder
		inText := false
		inCell := false
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				return out.String(), nil
			}
			if err != nil {
				return "", fmt.Errorf("%w: document.xml: %v", ErrNotDOCX, err)
			}
			switch t := tok.(type) {
			case xml.StartElement:
				inText = t.Name.Space == nsW && t.Name.Local == "t"
				if t.Name.Space == nsW && t.Name.Local == "tc" {
					inCell = true
				}
			case xml.EndElement:
				// A form table's row reads as the line it was made from
				// (label： | value, see StyleCell).
				switch {
				case t.Name.Space != nsW:
				case t.Name.Local == "p" && !inCell:
					out.WriteByte('\n')
				case t.Name.Local == "tc":
					inCell = false
				case t.Name.Local == "tr":
					out.WriteByte('\n')
				}
				inText = false
			case xml.CharData:
				if inText {
					out.Write(t)
				}
			}
		}
	}
	return "", fmt.Errorf("%w: no word/document.xml", ErrNotDOCX)
}
