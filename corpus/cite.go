package corpus

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/nlp"
)

// ErrAmbiguous is returned when a law name matches several different
// documents and nothing says which one is meant.
var ErrAmbiguous = errors.New("ambiguous")

// ErrBadCitation is returned for text that is not a citation at all.
var ErrBadCitation = errors.New("not a citation")

// Resolved is a citation resolved to the text of one article version.
type Resolved struct {
	// Citation is the parsed reference (Law is the document's short name).
	Citation legal.Ref `json:"citation"`
	// Label is the canonical form: 食品安全法第一百二十四条第一款.
	Label string `json:"label"`
	// Statute is the version the article was taken from.
	Statute StatuteInfo `json:"statute"`
	// Article is the whole article.
	Article Article `json:"article"`
	// Text is the cited part: the 项, the 款, or the whole article.
	Text string `json:"text"`
	// Span is the citation's byte span in the text it was found in (for
	// citations extracted from free text).
	Span [2]int `json:"span,omitempty"`
	// Date is the day the citation was resolved for; empty for "now".
	Date string `json:"date,omitempty"`
	// Status is in_force when the version applied on Date (or is the
	// version in force), repealed when the law had been repealed by then.
	Status string `json:"status"`
	// InForceFrom and InForceTo are the version's interval (see Statute).
	InForceFrom string `json:"in_force_from,omitempty"`
	InForceTo   string `json:"in_force_to,omitempty"`
	// RepealedBy says which law repealed this one, from when.
	RepealedBy *Repeal `json:"repealed_by,omitempty"`
	// Successor is the law that took over a repealed one. Article-level
	// correspondence is not known, so it names the law only.
	Successor *Successor `json:"successor,omitempty"`
	// Notice explains the status in Chinese for the reader.
	Notice string `json:"notice,omitempty"`
}

// NotInForceError is returned for a date before the first stored version
// of a law took effect. It wraps ErrNotFound.
type NotInForceError struct {
	Law, Date string
	// First is the day the earliest version took effect.
	First string
}

func (e *NotInForceError) Error() string {
	return fmt.Sprintf("《%s》在%s尚未施行（最早的版本自%s起施行）", e.Law, ChineseDate(e.Date), ChineseDate(e.First))
}

// Unwrap makes the error an ErrNotFound.
func (e *NotInForceError) Unwrap() error { return ErrNotFound }

// Resolution statuses.
const (
	StatusInForce  = "in_force"
	StatusRepealed = "repealed"
)

// Successor points to the law that replaced a repealed one.
type Successor struct {
	Law       string `json:"law"`
	StatuteID string `json:"statute_id"`
	// InForceFrom is the day the successor took effect.
	InForceFrom string `json:"in_force_from,omitempty"`
}

// Resolver resolves citations against the statutes in a Store.
type Resolver struct {
	store *Store

	mu     sync.Mutex
	names  map[string][]string // normalised name → statute IDs
	seenAt int                 // store.version when names was built
}

// NewResolver returns a Resolver over store. It reads the store's statute
// list on each call, so imports are visible at once.
func NewResolver(store *Store) *Resolver { return &Resolver{store: store} }

// citationPattern matches 第X条[之Y][第Z款][第（W）项]. The law name is
// whatever precedes it.
var citationPattern = regexp.MustCompile(`第([零〇一二两三四五六七八九十百千0-9]+)条(?:之([一二三四五六七八九十0-9]+))?(?:第([一二三四五六七八九十0-9]+)款)?(?:第?[（(]([一二三四五六七八九十0-9]+)[）)]项|第([一二三四五六七八九十0-9]+)项)?`)

// ParsedCitation is a citation parsed from text, before resolution.
type ParsedCitation struct {
	LawName string
	legal.Ref
	Span [2]int
}

func parseInt(s string) int {
	if s == "" {
		return 0
	}
	n, err := nlp.ParseChineseInt(s)
	if err != nil || n > 100000 {
		return -1
	}
	return int(n)
}

func stripLawName(s string) string {
	s = strings.TrimSpace(s)
	s = strings.Trim(s, "《》〈〉<> \t\n")
	return s
}

// ParseCitation parses one citation such as 食品安全法第一百二十四条第一款,
// 《中华人民共和国行政处罚法》第32条 or 刑法第一百三十三条之一. It returns
// ErrBadCitation when the text has no law name or no article.
func ParseCitation(text string) (ParsedCitation, error) {
	norm := nlp.NormalizeText(text)
	norm = strings.TrimSpace(norm)
	loc := citationPattern.FindStringSubmatchIndex(norm)
	if loc == nil {
		return ParsedCitation{}, fmt.Errorf("parse citation %q: %w", text, ErrBadCitation)
	}
	if strings.TrimSpace(norm[loc[1]:]) != "" && strings.Trim(norm[loc[1]:], "的规定。，,；; ") != "" {
		return ParsedCitation{}, fmt.Errorf("parse citation %q: trailing text: %w", text, ErrBadCitation)
	}
	law := stripLawName(norm[:loc[0]])
	if law == "" {
		return ParsedCitation{}, fmt.Errorf("parse citation %q: no law name: %w", text, ErrBadCitation)
	}
	pc, err := citationFromMatch(norm, loc)
	if err != nil {
		return ParsedCitation{}, fmt.Errorf("parse citation %q: %w", text, err)
	}
	pc.LawName = law
	return pc, nil
}

func citationFromMatch(s string, loc []int) (ParsedCitation, error) {
	group := func(i int) string {
		if loc[2*i] < 0 {
			return ""
		}
		return s[loc[2*i]:loc[2*i+1]]
	}
	item := group(4)
	if item == "" {
		item = group(5)
	}
	c := legal.Ref{Article: parseInt(group(1)), Suffix: parseInt(group(2)), Paragraph: parseInt(group(3)), Item: parseInt(item)}
	if c.Article <= 0 || c.Suffix < 0 || c.Paragraph < 0 || c.Item < 0 {
		return ParsedCitation{}, fmt.Errorf("article number out of range: %w", ErrBadCitation)
	}
	return ParsedCitation{Ref: c, Span: [2]int{loc[0], loc[1]}}, nil
}

// nameKey normalises a law name for lookup: full-width brackets and digits
// folded (citations are typed both ways), 《》 and 中华人民共和国 dropped.
func nameKey(s string) string {
	s = stripLawName(nlp.NormalizeText(s))
	return strings.TrimPrefix(s, "中华人民共和国")
}

// candidates finds the statute versions a law name refers to, by short name
// or full title, with or without 中华人民共和国.
func (r *Resolver) candidates(name string) []StatuteInfo {
	r.mu.Lock()
	if v := r.store.version(); r.names == nil || v != r.seenAt {
		r.names = map[string][]string{}
		for _, info := range r.store.StatuteInfos() {
			for _, k := range []string{nameKey(info.Law), nameKey(info.Title)} {
				ids := r.names[k]
				if len(ids) == 0 || ids[len(ids)-1] != info.ID {
					r.names[k] = append(ids, info.ID)
				}
			}
		}
		r.seenAt = v
	}
	key := nameKey(name)
	ids := r.names[key]
	if len(ids) == 0 {
		// Free text glues words onto a name (食品安全法和刑法 → 刑法): take
		// the longest suffix that is a known name, at least two runes long.
		rs := []rune(key)
		for i := 1; i+2 <= len(rs) && len(ids) == 0; i++ {
			ids = r.names[string(rs[i:])]
		}
	}
	r.mu.Unlock()
	out := make([]StatuteInfo, 0, len(ids))
	for _, id := range ids {
		if info, err := r.store.StatuteInfo(id); err == nil {
			out = append(out, info)
		}
	}
	return out
}

// pickVersion chooses among versions of one law: without a date the one
// that applies today, else the in-force one, or the last one when the law
// was repealed; with a date the
// one whose interval [InForceFrom, InForceTo) contains it, or the last one
// when the law had been repealed by then. A date before the first version
// took effect is ErrNotFound.
func pickVersion(versions []StatuteInfo, date string) (StatuteInfo, error) {
	// Versions of the same document under two categories (广告法 in 经济法
	// and 行政法) are the same text; prefer national, then category order.
	sort.Slice(versions, func(i, j int) bool {
		a, b := versions[i], versions[j]
		if a.VersionDate != b.VersionDate {
			return a.VersionDate > b.VersionDate
		}
		if (a.Region == "") != (b.Region == "") {
			return a.Region == ""
		}
		return a.Category < b.Category
	})
	groups := map[string]bool{}
	for _, v := range versions {
		groups[groupKey(v.Statute)] = true
	}
	if len(groups) > 1 {
		var names []string
		for g := range groups {
			names = append(names, strings.ReplaceAll(strings.TrimPrefix(g, "\x00"), "\x00", " "))
		}
		sort.Strings(names)
		return StatuteInfo{}, fmt.Errorf("%w: %s", ErrAmbiguous, strings.Join(names, "、"))
	}
	last := versions[0]
	if date == "" {
		// The version that applies today; a newer one adopted but not yet
		// in force (商标法 2026, in force 2027) is not the law yet.
		today := Today()
		for _, v := range versions {
			if v.appliesOn(today) {
				return v, nil
			}
		}
		for _, v := range versions {
			if v.InForce {
				return v, nil
			}
		}
		if last.RepealedBy != nil {
			return last, nil
		}
		return StatuteInfo{}, fmt.Errorf("no version in force: %w", ErrNotFound)
	}
	for _, v := range versions {
		if v.appliesOn(date) {
			return v, nil
		}
	}
	if last.RepealedBy != nil && date >= last.RepealedBy.Date {
		return last, nil
	}
	first := ""
	for _, v := range versions {
		if f := v.from(); f != "" && (first == "" || f < first) {
			first = f
		}
	}
	if first != "" && date < first {
		return StatuteInfo{}, &NotInForceError{Law: last.Law, Date: date, First: first}
	}
	return StatuteInfo{}, fmt.Errorf("no version in force on %s: %w", date, ErrNotFound)
}

// dateStatus fills the in-force fields of res for its version and date.
func (r *Resolver) dateStatus(res *Resolved, date string) {
	info := res.Statute
	res.Date = date
	res.InForceFrom, res.InForceTo, res.RepealedBy = info.from(), info.InForceTo, info.RepealedBy
	res.Status = StatusInForce
	rep := info.RepealedBy
	if rep == nil || (date != "" && date < rep.Date) {
		return
	}
	res.Status = StatusRepealed
	res.Notice = fmt.Sprintf("《%s》已于%s被《%s》废止（《%s》%s）", info.Law, ChineseDate(rep.Date), rep.By, rep.By, rep.Provision)
	if date != "" {
		res.Notice += "，" + ChineseDate(date) + "不再适用"
	}
	res.Notice += fmt.Sprintf("；此处为其最后版本的条文，仅供%s以前的行为依从旧兼从轻原则参照。", ChineseDate(rep.Date))
	if by, err := r.store.StatuteInfo(rep.ByStatuteID); err == nil {
		res.Successor = &Successor{Law: by.Law, StatuteID: by.ID, InForceFrom: by.from()}
		res.Notice += "现行规定见《" + by.Law + "》。"
	}
}

// ChineseDate writes 2026-08-15 as 2026年8月15日; anything that is not a
// date is returned unchanged. It cannot fail.
func ChineseDate(d string) string {
	t, err := time.Parse(time.DateOnly, d)
	if err != nil {
		return d
	}
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

// Resolve resolves one citation string against the version in force, or the
// version in force on date (YYYY-MM-DD) when date is not empty. An unknown
// law, article, paragraph or item is ErrNotFound; never a guess.
func (r *Resolver) Resolve(text, date string) (Resolved, error) {
	pc, err := ParseCitation(text)
	if err != nil {
		return Resolved{}, err
	}
	return r.ResolveParsed(pc, date)
}

// ResolveParsed resolves an already parsed citation; see Resolve.
func (r *Resolver) ResolveParsed(pc ParsedCitation, date string) (Resolved, error) {
	name := pc.LawName
	if name == "" {
		name = pc.Law
	}
	versions := r.candidates(name)
	if len(versions) == 0 {
		return Resolved{}, fmt.Errorf("law %q: %w", name, ErrNotFound)
	}
	info, err := pickVersion(versions, date)
	if err != nil {
		return Resolved{}, fmt.Errorf("law %q: %w", name, err)
	}
	c := pc.Ref
	c.Law = info.Law
	art, err := r.store.Article(info.ID, ArticleKey{Number: c.Article, Suffix: c.Suffix})
	if err != nil || art.Point {
		return Resolved{}, fmt.Errorf("%s %s: %w", info.Law, nlp.ArticleLabel(c.Article, c.Suffix), ErrNotFound)
	}
	res := Resolved{Citation: c, Statute: info, Article: art, Span: pc.Span}
	r.dateStatus(&res, date)
	res.Label = info.Law + nlp.ArticleLabel(c.Article, c.Suffix)
	res.Text = art.Text()
	if c.Paragraph > 0 {
		if c.Paragraph > len(art.Paragraphs) {
			return Resolved{}, fmt.Errorf("%s第%s款: %w", res.Label, nlp.FormatChineseInt(int64(c.Paragraph)), ErrNotFound)
		}
		p := art.Paragraphs[c.Paragraph-1]
		res.Label += "第" + nlp.FormatChineseInt(int64(c.Paragraph)) + "款"
		res.Text = p.Text
		if c.Item > 0 {
			if c.Item > len(p.Items) {
				return Resolved{}, fmt.Errorf("%s第（%s）项: %w", res.Label, nlp.FormatChineseInt(int64(c.Item)), ErrNotFound)
			}
			res.Label += "第（" + nlp.FormatChineseInt(int64(c.Item)) + "）项"
			res.Text = p.Items[c.Item-1]
		}
	} else if c.Item > 0 {
		// 第X条第（Y）项 without 款: the items of the first paragraph that has any.
		for _, p := range art.Paragraphs {
			if len(p.Items) > 0 {
				if c.Item > len(p.Items) {
					break
				}
				res.Label += "第（" + nlp.FormatChineseInt(int64(c.Item)) + "）项"
				res.Text = p.Items[c.Item-1]
				return res, nil
			}
		}
		return Resolved{}, fmt.Errorf("%s第（%s）项: %w", res.Label, nlp.FormatChineseInt(int64(c.Item)), ErrNotFound)
	}
	return res, nil
}

// lawNamePattern finds a law name written right before 第X条: a quoted title
// 《…》, or a run of Han characters ending in a statute-type word.
var lawNamePattern = regexp.MustCompile(`(?:《([^《》]{2,60})》|([\p{Han}]{2,40}?(?:法|条例|规定|办法|细则|解释|决定|规则|准则|意见)))(?:的)?$`)

// FindCitations extracts every citation in free text, such as 依据《食品安全法》
// 第一百二十二条第一款和第一百二十四条, where a citation without a law name
// refers to the last named law. Citations are parsed, not resolved.
func FindCitations(text string) []ParsedCitation {
	norm := nlp.Normalize(text)
	s := norm.Text
	var out []ParsedCitation
	last := ""
	lastEnd := 0
	for _, loc := range citationPattern.FindAllStringSubmatchIndex(s, -1) {
		pc, err := citationFromMatch(s, loc)
		if err != nil {
			continue
		}
		before := s[lastEnd:loc[0]]
		if m := lawNamePattern.FindStringSubmatch(before); m != nil {
			name := m[1]
			if name == "" {
				name = m[2]
				// Keep the longest tail that looks like a name: drop leading
				// verbs such as 依据/违反/根据.
				// Conjunctions (和, 及) stay: they occur inside names
				// (明码标价和禁止价格欺诈规定); the resolver falls back to
				// the longest known suffix of the name.
				for _, p := range []string{"依据", "根据", "违反了", "违反", "按照", "依照", "适用于", "适用", "参照", "对照", "属于", "构成"} {
					if i := strings.LastIndex(name, p); i >= 0 {
						name = name[i+len(p):]
					}
				}
				// A conjunction left at the start joins two citations.
				for _, p := range []string{"以及", "或者", "和", "及", "与", "并", "、"} {
					if rest, ok := strings.CutPrefix(name, p); ok && len([]rune(rest)) >= 2 {
						name = rest
					}
				}
			}
			last = stripLawName(name)
		}
		lastEnd = loc[1]
		if last == "" {
			continue
		}
		pc.LawName = last
		start, end := norm.OrigSpan(loc[0], loc[1])
		pc.Span = [2]int{start, end}
		out = append(out, pc)
	}
	return out
}
