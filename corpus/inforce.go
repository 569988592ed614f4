package corpus

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/cailiang/cailiang/nlp"
)

// Repeal records that one law was repealed by another, as the repealing
// law's commencement article says (…同时废止).
type Repeal struct {
	// Law is the short name of the repealed law.
	Law string `json:"law"`
	// By is the short name of the repealing law.
	By string `json:"by"`
	// Date is the day the repeal took effect (YYYY-MM-DD): the repealing
	// law's commencement.
	Date string `json:"date"`
	// Provision is the repealing law's article that says so.
	Provision string `json:"provision"`
	// ByStatuteID is the stored version of the repealing law; the Store
	// sets it.
	ByStatuteID string `json:"by_statute_id,omitempty"`
}

// repeals lists the national laws repealed by another law that the statute
// files do not mark themselves (a lawrefbook line has no "repealed" field and
// keeps is_latest). A repeal applies once the repealing law is in the Store.
// Each entry is checked by test against the repealing law's text and, for
// the 生态环境法典, against UPDATES.md of the statute files.
var repeals = []Repeal{
	{Law: "环境保护法", By: "生态环境法典", Date: "2026-08-15", Provision: "第一千二百四十二条"},
	{Law: "环境影响评价法", By: "生态环境法典", Date: "2026-08-15", Provision: "第一千二百四十二条"},
	{Law: "海洋环境保护法", By: "生态环境法典", Date: "2026-08-15", Provision: "第一千二百四十二条"},
	{Law: "大气污染防治法", By: "生态环境法典", Date: "2026-08-15", Provision: "第一千二百四十二条"},
	{Law: "水污染防治法", By: "生态环境法典", Date: "2026-08-15", Provision: "第一千二百四十二条"},
	{Law: "土壤污染防治法", By: "生态环境法典", Date: "2026-08-15", Provision: "第一千二百四十二条"},
	{Law: "固体废物污染环境防治法", By: "生态环境法典", Date: "2026-08-15", Provision: "第一千二百四十二条"},
	{Law: "噪声污染防治法", By: "生态环境法典", Date: "2026-08-15", Provision: "第一千二百四十二条"},
	{Law: "放射性污染防治法", By: "生态环境法典", Date: "2026-08-15", Provision: "第一千二百四十二条"},
	{Law: "清洁生产促进法", By: "生态环境法典", Date: "2026-08-15", Provision: "第一千二百四十二条"},
	// The corpus still marks the 2018 text as latest.
	{Law: "环境噪声污染防治法", By: "噪声污染防治法", Date: "2022-06-05", Provision: "第九十条"},
}

// cnDate is a date written in a statute: 2026年8月15日 or 一九九七年十月一日.
const cnDate = `([0-9〇零一二三四五六七八九]{4})年([0-9一二三四五六七八九十]{1,3})月([0-9一二三四五六七八九十]{1,3})日`

var (
	// headerInForce is the header line the corpus uses for the day a
	// version took effect (`2019年12月30日 施行`), also written
	// `… 公布施行` or `… 自2021年4月15日施行`.
	headerInForce      = regexp.MustCompile(`^` + cnDate + `\s*(?:\S*公布)?施行$`)
	headerInForceSince = regexp.MustCompile(`自` + cnDate + `(?:起)?施行`)
	// commencementArticle is 本法自2026年8月15日起施行 and the like.
	commencementArticle = regexp.MustCompile(`^本(?:法|法典|条例|规定|办法|细则|解释|决定|规则)自` + cnDate + `起施行`)
)

// statuteDate turns the three parts of cnDate into YYYY-MM-DD.
func statuteDate(m []string) (string, bool) {
	y, err1 := nlp.ParseChineseInt(m[1])
	mo, err2 := nlp.ParseChineseInt(m[2])
	d, err3 := nlp.ParseChineseInt(m[3])
	if err1 != nil || err2 != nil || err3 != nil || mo < 1 || mo > 12 || d < 1 || d > 31 {
		return "", false
	}
	t := time.Date(int(y), time.Month(mo), int(d), 0, 0, 0, 0, time.UTC)
	if t.Day() != int(d) {
		return "", false
	}
	return t.Format(time.DateOnly), true
}

// commencement returns the day a parsed version took effect; see
// Statute.InForceFrom. A consolidated text keeps the original commencement
// article after amendments (食品安全法 2021 still says 2015年10月1日), so an
// article date older than the version is not this version's.
func commencement(st *Statute) string {
	for _, h := range st.History {
		h = strings.TrimSpace(h)
		m := headerInForce.FindStringSubmatch(h)
		if m == nil && !strings.HasPrefix(h, "#") {
			m = headerInForceSince.FindStringSubmatch(h)
		}
		if m != nil {
			if d, ok := statuteDate(m); ok {
				return d
			}
		}
	}
	// The commencement article is among the last ones.
	for i := len(st.Articles) - 1; i >= 0 && i >= len(st.Articles)-3; i-- {
		a := st.Articles[i]
		if a.Point || len(a.Paragraphs) == 0 {
			continue
		}
		if m := commencementArticle.FindStringSubmatch(a.Paragraphs[0].Text); m != nil {
			if d, ok := statuteDate(m); ok && d >= st.VersionDate {
				return d
			}
			break
		}
	}
	return st.VersionDate
}

// from is the first day a stored version applied ("" when undated).
func (info StatuteInfo) from() string {
	if info.InForceFrom != "" {
		return info.InForceFrom
	}
	return info.VersionDate
}

// appliesOn reports whether the version applied on date (YYYY-MM-DD).
func (info StatuteInfo) appliesOn(date string) bool {
	f := info.from()
	return f != "" && f <= date && (info.InForceTo == "" || date < info.InForceTo)
}

// repealOf returns the repeal of a national law whose repealing law is in
// next, with ByStatuteID set to the repealing law's latest version.
func repealOf(law string, byLaw map[string][]StatuteInfo) *Repeal {
	for _, r := range repeals {
		if r.Law != law {
			continue
		}
		var by *StatuteInfo
		for _, v := range byLaw[r.By] {
			if by == nil || v.VersionDate > by.VersionDate || (v.VersionDate == by.VersionDate && v.ID < by.ID) {
				v := v
				by = &v
			}
		}
		if by == nil {
			continue
		}
		rr := r
		rr.ByStatuteID = by.ID
		return &rr
	}
	return nil
}

// setIntervals recomputes InForce, InForceTo, SupersededBy and RepealedBy
// for the versions ids of one document (group key g) in next, and adds to
// changed the IDs whose in-force flag flipped (the index holds it) and to
// meta those whose other fields changed.
func setIntervals(next map[string]StatuteInfo, g string, ids []string, byLaw map[string][]StatuteInfo, changed, meta map[string]bool) {
	sort.Slice(ids, func(i, j int) bool {
		a, b := next[ids[i]], next[ids[j]]
		if a.VersionDate != b.VersionDate {
			return a.VersionDate < b.VersionDate
		}
		return a.ID < b.ID
	})
	latest := next[ids[len(ids)-1]].VersionDate
	var repeal *Repeal
	if region, law, _ := strings.Cut(g, "\x00"); region == "" {
		repeal = repealOf(law, byLaw)
	}
	for i, id := range ids {
		info := next[id]
		old := info
		// The next version is the first with a later date (the same text
		// filed under two categories shares a date).
		j := i + 1
		for j < len(ids) && next[ids[j]].VersionDate == info.VersionDate {
			j++
		}
		info.InForceTo, info.SupersededBy, info.RepealedBy = "", "", nil
		switch {
		case info.VersionDate == "":
			// Undated versions have no place in the sequence.
		case j < len(ids):
			info.InForceTo = next[ids[j]].from()
			info.SupersededBy = ids[j]
		case repeal != nil:
			info.InForceTo = repeal.Date
			info.RepealedBy = repeal
		}
		info.InForce = info.VersionDate == latest && repeal == nil
		if info.InForce != old.InForce {
			changed[id] = true
		}
		if info.InForceTo != old.InForceTo || info.SupersededBy != old.SupersededBy || !sameRepeal(info.RepealedBy, old.RepealedBy) {
			meta[id] = true
		}
		next[id] = info
	}
}

func sameRepeal(a, b *Repeal) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// repealedGroups returns the group keys of national laws the table says
// are repealed by one of the laws in touchedLaws, or are themselves touched.
func repealGroups(touchedLaws map[string]bool) []string {
	var out []string
	for _, r := range repeals {
		if touchedLaws[r.By] || touchedLaws[r.Law] {
			out = append(out, "\x00"+r.Law)
		}
	}
	return out
}

// Repeals returns the national laws repealed by another law that the
// statute corpus knows of (a copy: callers may not change the table).
func Repeals() []Repeal { return slices.Clone(repeals) }
