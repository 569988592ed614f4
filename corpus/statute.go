package corpus

import (
	"bufio"
	"bytes"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"
	"time"
	"unicode"
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

// trimmedLines splits s at LF and trims each line.
func trimmedLines(s string) []string {
	out := strings.Split(s, "\n")
	for i, l := range out {
		out[i] = strings.TrimSpace(l)
	}
	return out
}

// mdHeading reads a markdown ATX heading: level is the number of #, text is
// the title with runs of white space collapsed ("第一章  一般规定" is printed
// with two spaces in some files). A # must be followed by white space or end
// the line, as in CommonMark, so "#1" in running text is not a heading.
func mdHeading(line string) (level int, text string, ok bool) {
	for level < len(line) && line[level] == '#' {
		level++
	}
	if level == 0 || level > 6 {
		return 0, "", false
	}
	rest := line[level:]
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return 0, "", false
	}
	return level, strings.Join(strings.Fields(rest), " "), true
}

// articleStart reads a line that opens an article: 第X条 or 第X条之Y, then
// one space. rest is the text after the space.
func articleStart(line string) (number, suffix int, rest string, ok bool) {
	if !strings.HasPrefix(line, "第") {
		return 0, 0, "", false
	}
	i := len("第")
	j := i + scanArticleNumeral(line[i:])
	if j == i || !strings.HasPrefix(line[j:], "条") {
		return 0, 0, "", false
	}
	j += len("条")
	if strings.HasPrefix(line[j:], "之") {
		k := j + len("之")
		n := scanArticleNumeral(line[k:])
		if n == 0 {
			return 0, 0, "", false
		}
		j = k + n
	}
	label := line[:j]
	switch {
	case strings.HasPrefix(line[j:], " "):
		rest = line[j+1:]
	case strings.HasPrefix(line[j:], "\u3000"):
		rest = line[j+len("\u3000"):]
	default:
		return 0, 0, "", false
	}
	number, suffix, err := nlp.ParseArticleLabel(label)
	if err != nil {
		return 0, 0, "", false
	}
	return number, suffix, strings.TrimSpace(rest), true
}

// scanArticleNumeral returns the byte length of the Chinese numeral that s starts
// with (only the characters statutes use to number articles and points).
func scanArticleNumeral(s string) int {
	n := 0
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		if !strings.ContainsRune("零〇一二三四五六七八九十百千", r) {
			break
		}
		n += size
	}
	return n
}

// pointStart reads a line that opens a point numbered 一、 二、 … and returns
// the number and the text after 、.
func pointStart(line string) (number int, rest string, ok bool) {
	n := scanArticleNumeral(line)
	if n == 0 || !strings.HasPrefix(line[n:], "、") {
		return 0, "", false
	}
	v, err := nlp.ParseChineseInt(line[:n])
	if err != nil || v <= 0 || v > 10000 {
		return 0, "", false
	}
	return int(v), strings.TrimSpace(line[n+len("、"):]), true
}

// statuteBodyMode says how a body is split into provisions.
type statuteBodyMode int

const (
	bodyArticles statuteBodyMode = iota // 第X条
	bodyPoints                          // 一、二、
	bodyWhole                           // one provision holding everything
)

func detectBodyMode(body []string) statuteBodyMode {
	next := 1
	for _, l := range body {
		if _, _, _, ok := articleStart(l); ok {
			return bodyArticles
		}
		if n, _, ok := pointStart(l); ok && n == next {
			next++
		}
	}
	if next > 1 {
		return bodyPoints
	}
	return bodyWhole
}

// parseStatuteBody splits the body into articles.
func parseStatuteBody(body string) []Article {
	// Starts are matched on the untrimmed line: they must begin the line,
	// and the space after 第X条 must survive even when nothing follows it.
	raw := strings.Split(body, "\n")
	mode := detectBodyMode(raw)

	var (
		arts    []Article
		cur     *paragraphBuilder
		curArt  Article
		levels  [6]string
		chapter []string
		next    = 1 // next point number in bodyPoints
	)
	flush := func() {
		if cur == nil {
			return
		}
		curArt.Paragraphs = cur.finish()
		arts = append(arts, curArt)
		cur = nil
	}
	start := func(a Article, first string) {
		flush()
		a.Chapter = chapter
		curArt = a
		cur = &paragraphBuilder{}
		cur.line(first)
	}

	if mode == bodyWhole {
		if strings.TrimSpace(body) != "" {
			start(Article{Number: 1, Point: true}, "")
		}
		if cur == nil {
			return nil
		}
	}

	for _, rl := range raw {
		l := strings.TrimSpace(rl)
		if level, h, ok := mdHeading(l); ok {
			if mode == bodyWhole {
				// A heading stands alone: it must neither absorb the next
				// block nor be absorbed as a broken line.
				if h != "" {
					cur.standalone(h)
				}
				continue
			}
			flush()
			k := min(max(level-2, 0), len(levels)-1)
			levels[k] = h
			for i := k + 1; i < len(levels); i++ {
				levels[i] = ""
			}
			chapter = nil
			for _, s := range levels {
				if s != "" {
					chapter = append(chapter, s)
				}
			}
			// Full slice expression: an append by a caller to one article's
			// Chapter must not write into the next article's.
			chapter = chapter[:len(chapter):len(chapter)]
			continue
		}
		switch mode {
		case bodyArticles:
			if n, s, rest, ok := articleStart(rl); ok {
				start(Article{Number: n, Suffix: s}, rest)
				continue
			}
		case bodyPoints:
			if n, rest, ok := pointStart(rl); ok && n == next {
				next++
				start(Article{Number: n, Point: true}, rest)
				continue
			}
		}
		if cur != nil {
			cur.line(l)
		}
	}
	flush()
	return arts
}

// Item styles, ranked: a marker of a lower rank than the paragraph's items is
// a sub-item (目) of the last item, not a new item.
const (
	itemNone  = 0
	itemDigit = 1 // 1. 1、 （1）
	itemParen = 2 // （一） (一)
	itemList  = 3 // 一、 inside an article
)

// paragraphBuilder groups an article's lines into paragraphs (款) and items
// (项) by this rule:
//
//  1. Lines are grouped into blocks by blank lines.
//  2. A block that starts with an item marker — （一）/(一), 1./1、/（1）, or 一、
//     when the paragraph so far ends with a colon or already lists 一、 items —
//     belongs to the current paragraph as a new item, or as part of the last
//     item when its marker ranks below the paragraph's items (1. under （一）).
//  3. A block also belongs to the current paragraph when the text before it
//     stops mid-sentence: after a comma, 、 or a letter or digit (lines broken
//     inside a sentence in some local files; lists such as 宪法 第八十六条
//     总理，副总理若干人，…); after a colon when the block does not end with a
//     full stop (a formula, an unnumbered list entry); or after a semicolon
//     inside such an unnumbered list, until an entry ends with a full stop.
//  4. Every other block starts a new paragraph.
//
// Rule 2 is what the national database's layout needs: it prints every item
// as its own blank-line-separated line after an intro ending with ：, while
// the official numbering counts intro and items as one 款 (行政处罚法 第九条
// is one 款 with six 项). Rule 3 keeps sentences that the layout broke apart
// in one 款. Definitions ("本法下列用语的含义：" then one sentence per term,
// each ending with 。) keep one paragraph per sentence.
type paragraphBuilder struct {
	paras []Paragraph
	// Current paragraph.
	lines   []string
	items   [][]string
	style   int
	inBlock bool // the last line was not followed by a blank line yet
	open    bool // the text so far stops mid-sentence
	colon   bool // the text so far ends with a colon
	semi    bool // the text so far ends with a semicolon
	list    bool // inside an unnumbered list opened by a colon
	started bool
}

// line feeds one trimmed line; "" is a blank line.
func (b *paragraphBuilder) line(l string) {
	if l == "" {
		if b.started {
			b.inBlock = false
		}
		return
	}
	if !b.started {
		b.started = true
		b.newParagraph(l)
		return
	}
	if b.inBlock {
		// A single line break inside a block (tables, hand-wrapped lines)
		// never starts a paragraph, only an item.
		b.add(l)
		return
	}
	b.inBlock = true
	style := b.marker(l)
	switch {
	case style != itemNone, b.open, b.list && b.semi:
		b.add(l)
	case b.colon && !endsSentence(l):
		b.add(l)
		b.list = true
	default:
		b.newParagraph(l)
	}
}

// standalone adds l as a paragraph of its own that nothing joins.
func (b *paragraphBuilder) standalone(l string) {
	b.started = true
	b.newParagraph(l)
	b.open, b.colon, b.semi, b.list = false, false, false, false
	b.inBlock = false
}

func (b *paragraphBuilder) newParagraph(l string) {
	b.endParagraph()
	b.inBlock = true
	b.add(l)
}

// add appends l to the current paragraph, as a new item when it carries an
// item marker of the paragraph's rank or higher, else to the last item if
// there is one.
func (b *paragraphBuilder) add(l string) {
	b.lines = append(b.lines, l)
	style := b.marker(l)
	switch {
	case style != itemNone && (b.style == itemNone || style >= b.style):
		b.items = append(b.items, []string{l})
		b.style = max(b.style, style)
	case len(b.items) > 0:
		last := len(b.items) - 1
		b.items[last] = append(b.items[last], l)
	}
	r, _ := utf8.DecodeLastRuneInString(l)
	// A formula (应纳税额＝销售额×税率) ends without punctuation by
	// convention; only other lines ending in a letter were broken mid-sentence.
	b.open = r == '，' || r == ',' || r == '、' ||
		((unicode.IsLetter(r) || unicode.IsDigit(r)) && !strings.ContainsAny(l, "＝="))
	b.colon = r == '：' || r == ':'
	b.semi = r == '；' || r == ';'
	if b.list && endsSentence(l) {
		b.list = false
	}
}

// marker classifies the item marker l starts with, given the paragraph so
// far.
func (b *paragraphBuilder) marker(l string) int {
	switch {
	case isParenItem(l):
		return itemParen
	case isDigitItem(l):
		return itemDigit
	}
	if _, _, ok := pointStart(l); ok && (b.colon || b.style == itemList) {
		return itemList
	}
	return itemNone
}

func (b *paragraphBuilder) endParagraph() {
	if len(b.lines) == 0 {
		return
	}
	p := Paragraph{Text: strings.Join(b.lines, "\n")}
	if len(b.items) > 0 {
		p.Items = make([]string, len(b.items))
		for i, it := range b.items {
			p.Items[i] = strings.Join(it, "\n")
		}
	}
	b.paras = append(b.paras, p)
	b.lines, b.items, b.style, b.list = nil, nil, itemNone, false
}

func (b *paragraphBuilder) finish() []Paragraph {
	b.endParagraph()
	return b.paras
}

// isParenItem reports whether l starts with （一） or (一).
func isParenItem(l string) bool {
	var rest string
	switch {
	case strings.HasPrefix(l, "（"):
		rest = l[len("（"):]
	case strings.HasPrefix(l, "("):
		rest = l[1:]
	default:
		return false
	}
	n := scanArticleNumeral(rest)
	if n == 0 {
		return false
	}
	return strings.HasPrefix(rest[n:], "）") || strings.HasPrefix(rest[n:], ")")
}

// isDigitItem reports whether l starts with 1. 1． 1、 （1） or (1), with ASCII
// or full-width digits, but not a decimal such as 1.5.
func isDigitItem(l string) bool {
	paren := false
	switch {
	case strings.HasPrefix(l, "（"):
		l, paren = l[len("（"):], true
	case strings.HasPrefix(l, "("):
		l, paren = l[1:], true
	}
	n := 0
	for n < len(l) {
		r, size := utf8.DecodeRuneInString(l[n:])
		if !(r >= '0' && r <= '9') && !(r >= '０' && r <= '９') {
			break
		}
		n += size
	}
	if n == 0 {
		return false
	}
	rest := l[n:]
	if paren {
		return strings.HasPrefix(rest, "）") || strings.HasPrefix(rest, ")")
	}
	for _, sep := range []string{".", "．", "、"} {
		if after, ok := strings.CutPrefix(rest, sep); ok {
			r, _ := utf8.DecodeRuneInString(after)
			return !(r >= '0' && r <= '9') && !(r >= '０' && r <= '９')
		}
	}
	return false
}

// endsSentence reports whether l ends with a full stop, ignoring closing
// quotes and brackets after it (…。” counts).
func endsSentence(l string) bool {
	l = strings.TrimRight(l, "”’」』》）)]】\"'")
	r, _ := utf8.DecodeLastRuneInString(l)
	return strings.ContainsRune("。！？!?…", r)
}

// lawrefRecord is one line of the lawrefbook JSONL export.
type lawrefRecord struct {
	ID          string  `json:"id"`
	Law         string  `json:"law"`
	Title       string  `json:"title"`
	Category    string  `json:"category"`
	Path        string  `json:"path"`
	VersionDate *string `json:"version_date"`
	IsLatest    bool    `json:"is_latest"`
	Text        string  `json:"text"`
}

// ReadLawrefJSONL reads the lawrefbook JSONL export (national.jsonl,
// local.jsonl), parses each document with ParseStatuteMarkdown and calls fn
// with it, in file order. InForce is the record's is_latest; Region is set for
// local regulations (category DLC/<省>地方法规). Blank lines are skipped.
//
// Errors name the line number. A line that is not JSON, lacks id or law, or
// has a version_date that is not YYYY-MM-DD gives an error wrapping
// ErrInvalid; read errors from r are wrapped as they are; an error returned by
// fn stops the read and is returned wrapped with the line number.
func ReadLawrefJSONL(r io.Reader, fn func(Statute) error) error {
	br := bufio.NewReaderSize(r, 1<<20)
	for lineNo := 1; ; lineNo++ {
		// ReadBytes has no line-length limit, unlike bufio.Scanner's
		// default 64 KiB token, and documents here run to megabytes.
		line, err := br.ReadBytes('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return fmt.Errorf("lawref line %d: %w", lineNo, err)
		}
		if trimmed := bytes.TrimSpace(line); len(trimmed) > 0 {
			if perr := parseLawrefLine(trimmed, lineNo, fn); perr != nil {
				return perr
			}
		}
		if err != nil { // io.EOF
			return nil
		}
	}
}

func parseLawrefLine(line []byte, lineNo int, fn func(Statute) error) error {
	var rec lawrefRecord
	if err := json.Unmarshal(line, &rec); err != nil {
		return fmt.Errorf("lawref line %d: %w: %w", lineNo, ErrInvalid, err)
	}
	if rec.ID == "" || rec.Law == "" {
		return fmt.Errorf("lawref line %d: %w: missing id or law", lineNo, ErrInvalid)
	}
	date := ""
	if rec.VersionDate != nil {
		date = *rec.VersionDate
		if _, err := time.Parse(time.DateOnly, date); err != nil {
			return fmt.Errorf("lawref line %d (%s): %w: version_date %q", lineNo, rec.ID, ErrInvalid, date)
		}
	}
	st, err := ParseStatuteMarkdown(StatuteMeta{
		ID:          rec.ID,
		Law:         rec.Law,
		Title:       rec.Title,
		Category:    rec.Category,
		Source:      rec.Path,
		VersionDate: date,
		InForce:     rec.IsLatest,
	}, rec.Text)
	if err != nil {
		return fmt.Errorf("lawref line %d: %w", lineNo, err)
	}
	if err := fn(st); err != nil {
		return fmt.Errorf("lawref line %d (%s): %w", lineNo, rec.ID, err)
	}
	return nil
}

// statuteFile is a statute file found by ReadStatuteDir.
type statuteFile struct {
	rel, category, law, date string
}

// ReadStatuteDir reads every .md file under dir as a statute and calls fn
// with each, in lexical path order. A file is named like
// 食品安全法(2021-04-29).md: the law name and an optional (YYYY-MM-DD) version
// date. Category is the file's parent folder relative to dir ("" for files
// directly in dir), so a LawRefBook checkout gives 部门规章/公安部 where the
// JSONL export says 部门规章. ID is "md-" plus the first 12 hex digits of the
// SHA-1 of the slash-separated relative path (the same digits as the
// lawrefbook lrb- id of that path). Within one (category, law) the versions
// with the latest date are in force; undated versions are in force only when
// the group has no dated version. Hidden entries (.git), Hugo stubs (_index.md)
// and README.md are skipped.
//
// It returns the error of walking or reading dir, a parse error naming the
// file, or fn's error wrapped with the file's path, and stops at the first.
func ReadStatuteDir(dir string, fn func(Statute) error) error {
	fsys := os.DirFS(dir)
	var files []statuteFile
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("walk %s: %w", p, err)
		}
		name := d.Name()
		if p != "." && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !strings.HasSuffix(name, ".md") || strings.EqualFold(name, "README.md") {
			return nil
		}
		law, date := splitFileName(strings.TrimSuffix(name, ".md"))
		cat := path.Dir(p)
		if cat == "." {
			cat = ""
		}
		files = append(files, statuteFile{rel: p, category: cat, law: law, date: date})
		return nil
	})
	if err != nil {
		return fmt.Errorf("read statute dir %s: %w", dir, err)
	}

	// Latest date per (category, law); "" when the group has no dated file.
	type group struct{ category, law string }
	latest := map[group]string{}
	for _, f := range files {
		g := group{f.category, f.law}
		if f.date > latest[g] {
			latest[g] = f.date
		}
	}
	for _, f := range files {
		data, err := fs.ReadFile(fsys, f.rel)
		if err != nil {
			return fmt.Errorf("read statute %s: %w", f.rel, err)
		}
		sum := sha1.Sum([]byte(f.rel))
		st, err := ParseStatuteMarkdown(StatuteMeta{
			ID:          "md-" + hex.EncodeToString(sum[:])[:12],
			Law:         f.law,
			Category:    f.category,
			Source:      f.rel,
			VersionDate: f.date,
			InForce:     f.date == latest[group{f.category, f.law}],
		}, string(data))
		if err != nil {
			return fmt.Errorf("read statute dir %s: %w", dir, err)
		}
		if err := fn(st); err != nil {
			return fmt.Errorf("statute %s: %w", f.rel, err)
		}
	}
	return nil
}

// splitFileName splits 食品安全法(2021-04-29) into the law name and the date;
// a name without a valid trailing (YYYY-MM-DD) is all law name.
func splitFileName(stem string) (law, date string) {
	open := strings.LastIndexByte(stem, '(')
	if open < 0 || !strings.HasSuffix(stem, ")") {
		return stem, ""
	}
	d := stem[open+1 : len(stem)-1]
	if len(d) != len(time.DateOnly) {
		return stem, ""
	}
	if _, err := time.Parse(time.DateOnly, d); err != nil {
		return stem, ""
	}
	return strings.TrimSpace(stem[:open]), d
}
