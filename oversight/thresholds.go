package oversight

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/cailiang/cailiang/rules"
)

// Thresholds configure the warning models. Zero fields inherit: an
// agency's from the city's settings, the city's from DefaultThresholds.
// That means a setting cannot be lowered to zero below a non-zero value
// inherited from above; the defaults of the three fields whose natural
// value is zero (DeviationTolerance, OverdueGraceDays) are zero for that
// reason.
type Thresholds struct {
	// DeviationTolerance: a decided fine outside its suggested range by no
	// more than this share of the range's width is not warned when no
	// reason is recorded (0: every fine outside the range is).
	DeviationTolerance float64 `json:"deviation_tolerance,omitempty"`
	// NearDays: an undecided case whose deadline is this close is warned (7).
	NearDays int `json:"near_days,omitempty"`
	// OverdueGraceDays: an undecided case is warned as overdue once its
	// deadline has passed by more than this many days (0).
	OverdueGraceDays int `json:"overdue_grace_days,omitempty"`
	// MinCitySample: the other agencies need this many decided fines of a
	// benchmark before an agency is compared with them (30).
	MinCitySample int `json:"min_city_sample,omitempty"`
	// MinAgencySample: an agency needs this many fines of the benchmark (8).
	MinAgencySample int `json:"min_agency_sample,omitempty"`
	// DispersionZ: warn when |agency median − others' median| / (1.4826·MAD
	// of the others) reaches this (2.5).
	DispersionZ float64 `json:"dispersion_z,omitempty"`
	// MinOfficerSample: an officer needs this many fines with a suggested
	// range (20).
	MinOfficerSample int `json:"min_officer_sample,omitempty"`
	// EndBand: a fine sits at the top end when its place in the suggested
	// range is ≥ 1−EndBand, at the bottom when ≤ EndBand (0.1).
	EndBand float64 `json:"end_band,omitempty"`
	// OfficerEndShare: warn when this share of an officer's fines sit at one
	// end (0.6; evenly spread fines put 0.1 there).
	OfficerEndShare float64 `json:"officer_end_share,omitempty"`
	// TransferRisk: the lowest transfer risk of an attached analysis that is
	// warned when the case was not transferred: "likely" (the default) or
	// "near" (also the cases near a criminal threshold).
	TransferRisk string `json:"transfer_risk,omitempty"`
	// RepeatCases and RepeatAgencies: warn about a party with at least this
	// many cases in at least this many agencies (3, 2).
	RepeatCases    int `json:"repeat_cases,omitempty"`
	RepeatAgencies int `json:"repeat_agencies,omitempty"`
}

// DefaultThresholds are the thresholds used where the settings leave a
// field zero.
var DefaultThresholds = Thresholds{NearDays: 7, MinCitySample: 30, MinAgencySample: 8, DispersionZ: 2.5,
	MinOfficerSample: 20, EndBand: 0.1, OfficerEndShare: 0.6, TransferRisk: rules.RiskLikely, RepeatCases: 3, RepeatAgencies: 2}

// thresholdLabels name each threshold (by its JSON name) in Chinese, for
// the reasons.
var thresholdLabels = map[string]string{
	"deviation_tolerance": "容许超出幅度的比例",
	"near_days":           "临近期限天数",
	"overdue_grace_days":  "超期宽限天数",
	"min_city_sample":     "其他机关最少罚款件数",
	"min_agency_sample":   "本机关最少罚款件数",
	"dispersion_z":        "稳健 z 阈值",
	"min_officer_sample":  "承办人最少罚款件数",
	"end_band":            "幅度两端区间",
	"officer_end_share":   "偏向一端的比例",
	"transfer_risk":       "预警的移送风险",
	"repeat_cases":        "最少案件数",
	"repeat_agencies":     "最少机关数",
}

// Validate reports thresholds that cannot work: negative numbers, an
// EndBand of half the range or more, a share above 1, a transfer risk
// other than likely or near (ErrInvalid, wrapped). Zero fields are valid:
// they inherit.
func (t Thresholds) Validate() error {
	if t.NearDays < 0 || t.OverdueGraceDays < 0 || t.DeviationTolerance < 0 || t.DeviationTolerance > 1 || t.MinCitySample < 0 ||
		t.MinAgencySample < 0 || t.DispersionZ < 0 || t.MinOfficerSample < 0 || t.EndBand < 0 || t.EndBand >= 0.5 ||
		t.OfficerEndShare < 0 || t.OfficerEndShare > 1 || t.RepeatCases < 0 || t.RepeatAgencies < 0 {
		return fmt.Errorf("thresholds %+v: none negative, end_band below 0.5, officer_end_share and deviation_tolerance at most 1: %w", t, ErrInvalid)
	}
	if t.TransferRisk != "" && t.TransferRisk != rules.RiskLikely && t.TransferRisk != rules.RiskNear {
		return fmt.Errorf("transfer_risk %q: likely or near: %w", t.TransferRisk, ErrInvalid)
	}
	return nil
}

// Settings are the warning thresholds of the city (the embedded
// Thresholds, so that a flat JSON object of thresholds still reads) and
// overrides per agency code. Example:
//
//	{"near_days": 10, "agencies": {"SCJG-1": {"near_days": 3, "dispersion_z": 2}}}
type Settings struct {
	Thresholds
	// Agencies override the city's thresholds for one agency (zero fields
	// inherit the city's).
	Agencies map[string]Thresholds `json:"agencies,omitempty"`
}

// Validate checks the city's thresholds and every agency's (ErrInvalid,
// wrapped, naming the agency).
func (s Settings) Validate() error {
	if err := s.Thresholds.Validate(); err != nil {
		return err
	}
	for code, t := range s.Agencies {
		if strings.TrimSpace(code) == "" {
			return fmt.Errorf("agencies: an empty agency code: %w", ErrInvalid)
		}
		if err := t.Validate(); err != nil {
			return fmt.Errorf("agency %s: %w", code, err)
		}
	}
	return nil
}

// Source says where a threshold's value came from.
type Source string

// The sources of a threshold, from the most specific.
const (
	SourceAgency  Source = "agency"
	SourceCity    Source = "city"
	SourceDefault Source = "default"
)

var sourceLabels = map[Source]string{SourceAgency: "本机关设置", SourceCity: "全市设置", SourceDefault: "默认"}

// Label is the source's Chinese name.
func (s Source) Label() string { return sourceLabels[s] }

// ThresholdUse is one threshold a warning was decided with.
type ThresholdUse struct {
	// Name is the threshold's JSON name in the settings (near_days …).
	Name  string `json:"name"`
	Label string `json:"label"`
	// Value is a number, or a string for transfer_risk.
	Value       any    `json:"value"`
	Source      Source `json:"source"`
	SourceLabel string `json:"source_label"`
}

// resolved are one agency's effective thresholds with each field's source
// (by JSON name).
type resolved struct {
	Thresholds
	source map[string]Source
}

// resolve returns agency's thresholds: its override, else the city's,
// else the default, field by field.
func (s Settings) resolve(agency string) resolved {
	out := resolved{source: map[string]Source{}}
	own := s.Agencies[agency]
	dst := reflect.ValueOf(&out.Thresholds).Elem()
	layers := []struct {
		v   reflect.Value
		src Source
	}{{reflect.ValueOf(own), SourceAgency}, {reflect.ValueOf(s.Thresholds), SourceCity}, {reflect.ValueOf(DefaultThresholds), SourceDefault}}
	for i := range dst.NumField() {
		name := jsonName(dst.Type().Field(i))
		for _, l := range layers {
			if f := l.v.Field(i); !f.IsZero() || l.src == SourceDefault {
				dst.Field(i).Set(f)
				out.source[name] = l.src
				break
			}
		}
	}
	return out
}

func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	return name
}

// uses lists the named thresholds with their values and sources.
func (r resolved) uses(names ...string) []ThresholdUse {
	v := reflect.ValueOf(r.Thresholds)
	out := make([]ThresholdUse, 0, len(names))
	for _, name := range names {
		for i := range v.NumField() {
			if jsonName(v.Type().Field(i)) != name {
				continue
			}
			src := r.source[name]
			out = append(out, ThresholdUse{Name: name, Label: thresholdLabels[name], Value: v.Field(i).Interface(), Source: src,
				SourceLabel: src.Label()})
		}
	}
	return out
}

// note is the reason's closing clause naming the thresholds used, e.g.
// "（阈值：临近期限天数 7，默认）".
func note(uses []ThresholdUse) string {
	parts := make([]string, len(uses))
	for i, u := range uses {
		var v string
		switch x := u.Value.(type) {
		case float64:
			v = strconv.FormatFloat(x, 'f', -1, 64)
		default:
			v = fmt.Sprint(x)
		}
		parts[i] = fmt.Sprintf("%s %s，%s", u.Label, v, u.SourceLabel)
	}
	return "（阈值：" + strings.Join(parts, "；") + "）"
}
