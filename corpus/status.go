package corpus

import (
	"sort"

	"github.com/cailiang/cailiang/legal"
)

// Law statuses on a date, as LawStatus.Status reports them.
const (
	LawInForce     = "in_force"
	LawRepealed    = "repealed"
	LawNotInForce  = "not_in_force"
	LawNotImported = "not_imported"
)

var lawStatusText = map[string]string{
	LawInForce:     "现行有效",
	LawRepealed:    "已废止",
	LawNotInForce:  "尚未施行",
	LawNotImported: "未导入",
}

// VersionRef names one stored version and its interval.
type VersionRef struct {
	StatuteID    string `json:"statute_id"`
	Title        string `json:"title"`
	VersionDate  string `json:"version_date,omitempty"`
	InForceFrom  string `json:"in_force_from,omitempty"`
	InForceTo    string `json:"in_force_to,omitempty"`
	ArticleCount int    `json:"article_count"`
}

func versionRef(info StatuteInfo) *VersionRef {
	return &VersionRef{StatuteID: info.ID, Title: info.Title, VersionDate: info.VersionDate, InForceFrom: info.from(),
		InForceTo: info.InForceTo, ArticleCount: info.ArticleCount}
}

// LawStatus is where one national law stands on a date.
type LawStatus struct {
	Law string `json:"law"`
	// Status is in_force, repealed, not_in_force (before its first
	// version) or not_imported; StatusText says it in Chinese.
	Status     string `json:"status"`
	StatusText string `json:"status_text"`
	// Version is the version in force on the date, or the last one of a
	// repealed law.
	Version *VersionRef `json:"version,omitempty"`
	// Upcoming is a later version already adopted but not yet in force.
	Upcoming *VersionRef `json:"upcoming,omitempty"`
	// RepealedBy is set when another law repealed this one (even after the
	// date).
	RepealedBy *Repeal `json:"repealed_by,omitempty"`
}

// StatusReport is the state of the statute collection on a date.
type StatusReport struct {
	Date string `json:"date"`
	// Laws are the laws asked for, in that order.
	Laws []LawStatus `json:"laws"`
	// Repealed are every stored national law marked repealed by another
	// law, by name.
	Repealed []LawStatus `json:"repealed"`
}

// Today is the current date in China (YYYY-MM-DD); see legal.Today.
func Today() string { return legal.Today() }

// LawStatus reports the national law named law on date (YYYY-MM-DD).
func (r *Resolver) LawStatus(law, date string) LawStatus {
	out := LawStatus{Law: law, Status: LawNotImported}
	var versions []StatuteInfo
	for _, v := range r.candidates(law) {
		if v.Region == "" && v.Law == nameKey(law) {
			versions = append(versions, v)
		}
	}
	if len(versions) > 0 {
		out.Status = LawNotInForce
		if v, err := pickVersion(versions, date); err == nil {
			out.Status, out.Version = LawInForce, versionRef(v)
			if v.RepealedBy != nil && date >= v.RepealedBy.Date {
				out.Status = LawRepealed
			}
		}
		// versions is sorted newest first by pickVersion.
		if newest := versions[0]; newest.from() > date && (out.Version == nil || newest.ID != out.Version.StatuteID) {
			out.Upcoming = versionRef(newest)
		}
		out.RepealedBy = versions[0].RepealedBy
	}
	out.StatusText = lawStatusText[out.Status]
	return out
}

// Status reports laws on date, plus every national law marked repealed.
func (r *Resolver) Status(laws []string, date string) StatusReport {
	rep := StatusReport{Date: date, Laws: []LawStatus{}, Repealed: []LawStatus{}}
	for _, l := range laws {
		rep.Laws = append(rep.Laws, r.LawStatus(l, date))
	}
	seen := map[string]bool{}
	var repealed []string
	for _, info := range r.store.StatuteInfos() {
		if info.Region == "" && info.RepealedBy != nil && !seen[info.Law] {
			seen[info.Law] = true
			repealed = append(repealed, info.Law)
		}
	}
	sort.Strings(repealed)
	for _, l := range repealed {
		rep.Repealed = append(rep.Repealed, r.LawStatus(l, date))
	}
	return rep
}
