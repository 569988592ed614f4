// Package consistency answers the reviewer's question about a proposed
// fine: where it lies in the statutory range and in the benchmark's
// suggested range, and against the fines of similar ended cases
// (percentile, median, the nearest cases with their reasons); and draws
// it as a server-rendered SVG strip. It imports nothing of ours: the
// caller gathers the ranges and the cases.
package consistency

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
)

// ErrInvalid is returned (wrapped) for amounts that are negative, not
// numbers, or ranges whose minimum exceeds their maximum.
var ErrInvalid = errors.New("invalid consistency input")

// Range is a fine range in yuan.
type Range struct {
	Min float64 `json:"min"`
	Max float64 `json:"max"`
}

// Peer is a similar ended case and its fine.
type Peer struct {
	ID    string  `json:"id"`
	Title string  `json:"title"`
	Fine  float64 `json:"fine"`
	// Source is "agency" (the agency's own ended cases), "shared" (other
	// agencies' decisions received in exchange files) or "library" (the
	// imported case library).
	Source string `json:"source"`
	// Reasons are the case's 裁量理由 or disputes, as recorded.
	Reasons []string `json:"reasons,omitempty"`
}

// Input is what the check compares.
type Input struct {
	Proposed  float64 `json:"proposed"`
	Statutory *Range  `json:"statutory,omitempty"`
	Suggested *Range  `json:"suggested,omitempty"`
	Peers     []Peer  `json:"-"`
	// Nearest is how many peers closest to the proposal to return (0: 5).
	Nearest int `json:"-"`
}

// Result is the answer.
type Result struct {
	Input
	// InStatutory and InSuggested say whether the proposal lies in each
	// range (nil when the range is unknown).
	InStatutory *bool `json:"in_statutory,omitempty"`
	InSuggested *bool `json:"in_suggested,omitempty"`
	// StatutoryPosition is the proposal's place in the statutory range,
	// 0 at its minimum and 1 at its maximum (nil when unknown or a point).
	StatutoryPosition *float64 `json:"statutory_position,omitempty"`
	// Compared is how many peers have a fine; Percentile is the share of
	// them with a smaller fine plus half of those with the same (0–100),
	// Median their median; both nil without peers.
	Compared   int      `json:"compared"`
	Percentile *float64 `json:"percentile,omitempty"`
	Median     *float64 `json:"median,omitempty"`
	// Nearest are the peers whose fines are closest to the proposal.
	Nearest []Peer `json:"nearest"`
	// Summary says it in one Chinese sentence per finding.
	Summary []string `json:"summary"`
}

func validAmount(v float64) bool { return v >= 0 && !math.IsNaN(v) && !math.IsInf(v, 0) }

func validRange(r *Range) bool {
	return r == nil || (validAmount(r.Min) && validAmount(r.Max) && r.Min <= r.Max)
}

// Check compares in.Proposed with the ranges and the peers' fines. Peers
// without a fine (0) are not compared. ErrInvalid for bad amounts.
func Check(in Input) (Result, error) {
	if !validAmount(in.Proposed) || !validRange(in.Statutory) || !validRange(in.Suggested) {
		return Result{}, fmt.Errorf("proposed %v, statutory %v, suggested %v: %w", in.Proposed, in.Statutory, in.Suggested, ErrInvalid)
	}
	if in.Nearest <= 0 {
		in.Nearest = 5
	}
	res := Result{Input: in, Nearest: []Peer{}}
	p := in.Proposed
	if r := in.Statutory; r != nil {
		in := p >= r.Min && p <= r.Max
		res.InStatutory = &in
		if r.Max > r.Min {
			pos := (p - r.Min) / (r.Max - r.Min)
			res.StatutoryPosition = &pos
		}
		if in {
			res.Summary = append(res.Summary, fmt.Sprintf("拟罚款 %s 在法定幅度 %s 至 %s 内", yuan(p), yuan(r.Min), yuan(r.Max)))
		} else {
			res.Summary = append(res.Summary, fmt.Sprintf("拟罚款 %s 超出法定幅度 %s 至 %s", yuan(p), yuan(r.Min), yuan(r.Max)))
		}
	}
	if r := in.Suggested; r != nil {
		in := p >= r.Min && p <= r.Max
		res.InSuggested = &in
		if in {
			res.Summary = append(res.Summary, fmt.Sprintf("在裁量基准建议幅度 %s 至 %s 内", yuan(r.Min), yuan(r.Max)))
		} else {
			res.Summary = append(res.Summary, fmt.Sprintf("超出裁量基准建议幅度 %s 至 %s，须记录理由", yuan(r.Min), yuan(r.Max)))
		}
	}
	var fines []float64
	var peers []Peer
	for _, pr := range in.Peers {
		if pr.Fine > 0 && validAmount(pr.Fine) {
			fines = append(fines, pr.Fine)
			peers = append(peers, pr)
		}
	}
	res.Compared = len(fines)
	if len(fines) > 0 {
		sort.Float64s(fines)
		below, same := 0, 0
		for _, f := range fines {
			switch {
			case f < p:
				below++
			case f == p:
				same++
			}
		}
		pct := 100 * (float64(below) + float64(same)/2) / float64(len(fines))
		med := fines[len(fines)/2]
		if len(fines)%2 == 0 {
			med = (fines[len(fines)/2-1] + fines[len(fines)/2]) / 2
		}
		res.Percentile, res.Median = &pct, &med
		res.Summary = append(res.Summary, fmt.Sprintf("在 %d 件同类已结案件中位于第 %.0f 百分位，中位数 %s", len(fines), pct, yuan(med)))
		slices.SortStableFunc(peers, func(a, b Peer) int {
			da, db := math.Abs(a.Fine-p), math.Abs(b.Fine-p)
			switch {
			case da < db:
				return -1
			case da > db:
				return 1
			}
			return 0
		})
		res.Nearest = peers[:min(len(peers), in.Nearest)]
	} else {
		res.Summary = append(res.Summary, "暂无同类已结案件可供比对")
	}
	return res, nil
}

// yuan formats an amount in yuan without a needless fraction.
func yuan(v float64) string {
	s := fmt.Sprintf("%.2f", v)
	if len(s) > 3 && s[len(s)-3:] == ".00" {
		s = s[:len(s)-3]
	}
	return s + " 元"
}
