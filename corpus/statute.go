package corpus

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/cailiang/cailiang/nlp"
)

// StatuteMeta is what an importer knows about a statute file before parsing
// its text: where it came from and which version it is.
type StatuteMeta struct {
	// ID becomes Statute.ID (lrb-… for the lawrefbook JSONL, md-… for files).
	ID string
	// Law is the short name without the version date, e.g. 食品安全法.
	Law string
	// Title is the full title; when empty the first `# ` heading is used,
	// and Law when there is none.
	Title string
	// Category is the source folder (行政法, DLC/山东地方法规 …). Region is
	// derived from it for local regulations.
	Category string
	// Source is the path inside the source corpus.
	Source string
	// VersionDate is YYYY-MM-DD or empty.
	VersionDate string
	// InForce marks the latest version.
	InForce bool
	// InForceFrom, when set (YYYY-MM-DD), is the day this version took
	// effect as the source states it, and wins over what the text says.
	InForceFrom string
}

// infoEndMarker separates the title and history lines from the body in the
// lawrefbook markdown files.
const infoEndMarker = "<!-- INFO END -->"

// ParseStatuteMarkdown splits one statute in lawrefbook markdown into
// articles.
//
// Layout: a `# 标题` line, an optional `# subtitle`, history lines, the
// `<!-- INFO END -->` marker, then the body. Without the marker the header is
// only the leading `# ` lines and History stays empty. Zero-width characters
// are removed and CRLF is read as LF; every kept line is trimmed of
// surrounding white space.
//
// In the body `##`, `###`, `####` … headings (编, 章, 节) set the chapter path:
// a heading replaces its own level and clears the levels below it. An article
// starts at the beginning of a line as 第X条 or 第X条之Y followed by one space
// (ASCII, or the ideographic space a few local files use) and runs until the
// next article start or heading. Text before the first article is not kept.
//
// Documents without any article start are split into points at lines
// beginning 一、 二、 … (in sequence: a line 三、 that does not follow 二、 is
// text), with Point set. Documents with neither (standards, case notes) become
// one Point article numbered 1 holding the whole body, headings included as
// their own paragraphs; an empty body gives no articles.
//
// Each article's lines are grouped into paragraphs (款) and items (项):
// items — （一）, (一), 1., （1）, and 一、 after a colon — belong to the
// paragraph they follow, and a blank line starts a new paragraph only where
// the text before it ends a sentence; paragraphBuilder states the full rule.
// Paragraph.Text and the items keep the trimmed source lines joined by "\n",
// so Article.Text is the article's non-blank lines after the label.
//
// It returns an error wrapping ErrInvalid when text is not valid UTF-8 or
// contains NUL bytes, which means it is not a statute text at all; any text
// document parses.
func ParseStatuteMarkdown(meta StatuteMeta, text string) (Statute, error) {
	if !utf8.ValidString(text) {
		return Statute{}, fmt.Errorf("parse statute %s: %w: text is not valid UTF-8", meta.describe(), ErrInvalid)
	}
	if strings.IndexByte(text, 0) >= 0 {
		return Statute{}, fmt.Errorf("parse statute %s: %w: text contains NUL bytes", meta.describe(), ErrInvalid)
	}
	text = nlp.CleanStatute(text)
	if strings.IndexByte(text, '\r') >= 0 {
		text = strings.ReplaceAll(text, "\r\n", "\n")
		text = strings.ReplaceAll(text, "\r", "\n")
	}

	st := Statute{
		ID:          meta.ID,
		Law:         meta.Law,
		Title:       meta.Title,
		Category:    meta.Category,
		Region:      statuteRegion(meta.Category),
		VersionDate: meta.VersionDate,
		InForce:     meta.InForce,
		Source:      meta.Source,
	}
	head, body := splitStatuteHeader(text)
	for _, line := range trimmedLines(head) {
		if line == "" {
			continue
		}
		if level, h, ok := mdHeading(line); ok {
			if level == 1 && st.Title == "" {
				st.Title = h
			}
			continue
		}
		st.History = append(st.History, line)
	}
	if st.Title == "" {
		st.Title = st.Law
	}
	st.Articles = parseStatuteBody(body)
	st.InForceFrom = meta.InForceFrom
	if st.InForceFrom == "" {
		st.InForceFrom = commencement(&st)
	}
	return st, nil
}

func (m StatuteMeta) describe() string {
	switch {
	case m.Source != "":
		return m.Source
	case m.ID != "":
		return m.ID
	}
	return m.Law
}

// statuteRegion returns the province of a local regulation's category
// (DLC/山东地方法规 → 山东), or "" for national documents.
func statuteRegion(category string) string {
	rest, ok := strings.CutPrefix(category, "DLC/")
	if !ok {
		return ""
	}
	prov, _, _ := strings.Cut(rest, "/")
	return strings.TrimSuffix(prov, "地方法规")
}

// splitStatuteHeader returns the header (title, subtitle, history) and the body.
func splitStatuteHeader(text string) (head, body string) {
	if i := strings.Index(text, infoEndMarker); i >= 0 {
		return text[:i], text[i+len(infoEndMarker):]
	}
	// Without the marker there is no reliable end to the history, so only
	// the leading title lines count as header: losing history is better than
	// losing articles.
	pos := 0
	for pos < len(text) {
		end := strings.IndexByte(text[pos:], '\n')
		if end < 0 {
			end = len(text) - pos
		}
		line := strings.TrimSpace(text[pos : pos+end])
		if line != "" {
			if level, _, ok := mdHeading(line); !ok || level != 1 {
				break
			}
		}
		pos += end + 1
	}
	if pos > len(text) {
		pos = len(text)
	}
	return text[:pos], text[pos:]
}
