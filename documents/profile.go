package documents

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// Profile is the configuration a sector's documents differ by: statutory
// terms, the hearing threshold, how the agency names itself. It is read
// from profiles.yaml (built in, or the template directory's).
type Profile struct {
	PaymentDays      int              `yaml:"payment_days"`
	SurchargePercent int              `yaml:"surcharge_percent"`
	ReviewDays       int              `yaml:"review_days"`
	LitigationMonths int              `yaml:"litigation_months"`
	HearingDays      int              `yaml:"hearing_days"`
	StatementDays    int              `yaml:"statement_days"`
	HearingThreshold HearingThreshold `yaml:"hearing_threshold"`
	We               string           `yaml:"we"`
	PartyYou         string           `yaml:"party_you"`
}

// HearingThreshold is the 较大数额 from which a fine (or confiscated
// gains) carries the right to a hearing; 0 means every fine does.
type HearingThreshold struct {
	Person       float64 `yaml:"person"`
	Organisation float64 `yaml:"organisation"`
}

// profiles maps a sector to its profile, already merged over the default.
type profiles map[string]Profile

func parseProfiles(raw []byte) (profiles, error) {
	var doc map[string]yaml.Node
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		return nil, fmt.Errorf("%w: profiles.yaml: %v", ErrTemplate, err)
	}
	defNode, ok := doc["default"]
	if !ok {
		return nil, fmt.Errorf("%w: profiles.yaml has no default profile", ErrTemplate)
	}
	var def Profile
	if err := defNode.Decode(&def); err != nil {
		return nil, fmt.Errorf("%w: profiles.yaml default: %v", ErrTemplate, err)
	}
	if err := def.validate(); err != nil {
		return nil, fmt.Errorf("%w: profiles.yaml default: %v", ErrTemplate, err)
	}
	out := profiles{"": def}
	for name, node := range doc {
		if name == "default" {
			continue
		}
		p := def // a sector overrides the default field by field
		if err := node.Decode(&p); err != nil {
			return nil, fmt.Errorf("%w: profiles.yaml %s: %v", ErrTemplate, name, err)
		}
		if err := p.validate(); err != nil {
			return nil, fmt.Errorf("%w: profiles.yaml %s: %v", ErrTemplate, name, err)
		}
		out[name] = p
	}
	return out, nil
}

func (p Profile) validate() error {
	for _, v := range []struct {
		name string
		n    int
	}{{"payment_days", p.PaymentDays}, {"surcharge_percent", p.SurchargePercent}, {"review_days", p.ReviewDays},
		{"litigation_months", p.LitigationMonths}, {"hearing_days", p.HearingDays}, {"statement_days", p.StatementDays}} {
		if v.n <= 0 {
			return fmt.Errorf("%s must be positive", v.name)
		}
	}
	if strings.TrimSpace(p.We) == "" || strings.TrimSpace(p.PartyYou) == "" {
		return fmt.Errorf("we and party_you are required")
	}
	return nil
}

// profile returns the sector's profile, or the default one.
func (ps profiles) profile(sector string) Profile {
	if p, ok := ps[sector]; ok {
		return p
	}
	return ps[""]
}

// hearingKinds are the penalties that carry the right to a hearing
// whatever the amount (行政处罚法第六十三条第一款第（三）、（四）项).
var hearingKinds = []string{"降低资质等级", "吊销", "责令停产停业", "责令关闭", "限制从业"}

// HearingRight reports whether the penalty carries the right to a hearing
// under the profile: a fine or confiscated gains reaching the threshold
// (行政处罚法第六十三条第一款第（一）、（二）项), or a penalty of the kinds in
// its items (三) and (四).
func (p Profile) HearingRight(in Input) bool {
	th := p.HearingThreshold.Organisation
	if !in.Party.Organisation() {
		th = p.HearingThreshold.Person
	}
	if in.Penalty.Fine > 0 && in.Penalty.Fine >= th {
		return true
	}
	if in.Penalty.Gains > 0 && th > 0 && in.Penalty.Gains >= th {
		return true
	}
	for _, o := range in.Penalty.Other {
		for _, k := range hearingKinds {
			if strings.Contains(o, k) {
				return true
			}
		}
	}
	return false
}
