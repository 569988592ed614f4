package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cailiang/cailiang/nlp"
)

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
