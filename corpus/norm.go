package corpus

import "github.com/cailiang/cailiang/nlp"

// Statute is one version of one legal document (a law, regulation, judicial
// interpretation, departmental rule or local regulation) as published.
type Statute struct {
	// ID is stable across imports: the source id (lrb-…) or a hash of the path.
	ID string `json:"id"`
	// Law is the short name without the version date, e.g. 食品安全法.
	Law string `json:"law"`
	// Title is the full title, e.g. 中华人民共和国食品安全法.
	Title string `json:"title"`
	// Category is the source folder: 行政法, 刑法, 司法解释, DLC/山东地方法规 …
	Category string `json:"category"`
	// Region is the province for local regulations (山东), empty for national.
	Region string `json:"region,omitempty"`
	// VersionDate is the date of this version (YYYY-MM-DD), empty when unknown.
	VersionDate string `json:"version_date,omitempty"`
	// InForce is true for the latest version of the document unless the
	// document was repealed by another law (see Repeals): what search means
	// by 现行有效. Which version applied on a given day is the interval
	// [InForceFrom, InForceTo).
	InForce bool `json:"in_force"`
	// InForceFrom is the day this version took effect (YYYY-MM-DD): the
	// header's `YYYY年M月D日 施行` line, else the commencement article
	// (本法自…起施行) when it is not older than VersionDate, else VersionDate.
	InForceFrom string `json:"in_force_from,omitempty"`
	// InForceTo is the first day this version no longer applied: the next
	// version's InForceFrom, or the day the document was repealed; empty
	// while it applies. The Store sets it.
	InForceTo string `json:"in_force_to,omitempty"`
	// SupersededBy is the ID of the next version of the same document.
	SupersededBy string `json:"superseded_by,omitempty"`
	// RepealedBy is set on the last version of a document another law
	// repealed.
	RepealedBy *Repeal `json:"repealed_by,omitempty"`
	// Digest is the SHA-256 of the parsed version (metadata from the source
	// and articles), so a re-import skips versions that did not change.
	// The Store sets it.
	Digest string `json:"digest,omitempty"`
	// History lists the passage and amendment lines before the body.
	History []string `json:"history,omitempty"`
	// Source is where the text came from (path inside the source corpus).
	Source string `json:"source,omitempty"`
	// Articles in document order.
	Articles []Article `json:"articles"`
}

// Article is one numbered provision: 第X条 (or 第X条之一), or a point numbered
// 一、二、 in documents that have no articles.
type Article struct {
	// Number is the article number (124 for 第一百二十四条).
	Number int `json:"number"`
	// Suffix is the 之 number (1 for 第一百三十三条之一), 0 when none.
	Suffix int `json:"suffix,omitempty"`
	// Point is true when the provision is a numbered point (一、) rather than
	// a 第X条 article.
	Point bool `json:"point,omitempty"`
	// Chapter is the heading path (编, 章, 节) the article sits under.
	Chapter []string `json:"chapter,omitempty"`
	// Paragraphs are the 款 of the article in order.
	Paragraphs []Paragraph `json:"paragraphs"`
}

// Paragraph is one 款; Items are its 项 ((一)…), Text is the whole paragraph
// including the items' lines.
type Paragraph struct {
	Text  string   `json:"text"`
	Items []string `json:"items,omitempty"`
}

// Label is the article's number as printed: 第一百三十三条之一, or 一、 for points.
func (a Article) Label() string {
	if a.Point {
		return nlp.FormatChineseInt(int64(a.Number)) + "、"
	}
	return nlp.ArticleLabel(a.Number, a.Suffix)
}

// Text is the article's body: its paragraphs joined by newlines, without the
// leading 第X条 label.
func (a Article) Text() string {
	n := 0
	for _, p := range a.Paragraphs {
		n += len(p.Text) + 1
	}
	b := make([]byte, 0, n)
	for i, p := range a.Paragraphs {
		if i > 0 {
			b = append(b, '\n')
		}
		b = append(b, p.Text...)
	}
	return string(b)
}

// Key orders articles: by number, then suffix (133 < 133之一 < 134).
func (a Article) Key() ArticleKey { return ArticleKey{Number: a.Number, Suffix: a.Suffix} }

// ArticleKey identifies an article inside one statute version.
type ArticleKey struct {
	Number int `json:"number"`
	Suffix int `json:"suffix,omitempty"`
}

// Less orders article keys as statutes print them.
func (k ArticleKey) Less(o ArticleKey) bool {
	if k.Number != o.Number {
		return k.Number < o.Number
	}
	return k.Suffix < o.Suffix
}
