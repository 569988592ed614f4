package rules

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// ProvincialAmounts are one province's figures for the thresholds a
// judicial interpretation lets each province fix within a national range
// (盗窃、诈骗、敲诈勒索“数额较大”, 非法采矿, 拒不支付劳动报酬), keyed by the
// threshold's `provincial` key.
type ProvincialAmounts struct {
	// Verified is true only when the figures were checked against the
	// official provincial documents; Reason says why they were not.
	Verified bool   `yaml:"verified" json:"verified"`
	Reason   string `yaml:"reason,omitempty" json:"reason,omitempty"`
	// Sources are the provincial documents, by key (a figure's key) or "*".
	// None is in the statutes corpus (it holds no provincial 数额标准): each
	// names its title and doc_no or date, and is never in_corpus.
	Sources map[string]Source  `yaml:"sources,omitempty" json:"sources,omitempty"`
	Figures map[string]float64 `yaml:"figures" json:"figures"`
}

// TransferConfig is the transfer part of the catalog's config.yaml: the
// province whose figures apply, and each configured province's table.
type TransferConfig struct {
	// Province is the default province (江苏 in the shipped config).
	Province  string                       `yaml:"province,omitempty"`
	Provinces map[string]ProvincialAmounts `yaml:"provinces,omitempty"`
}

// ErrProvince is wrapped by errors about the provincial table.
var ErrProvince = errors.New("invalid provincial amounts")

// ProvincialRange is a threshold the provinces fix: Key names it in a
// province's table, and the figure must lie in [the threshold's gte, Max].
type ProvincialRange struct {
	Key string `yaml:"key" json:"key"`
	// Measure is the condition the figure replaces, when the threshold
	// has more than one numeric condition (wages_owed beside workers).
	Measure string  `yaml:"measure,omitempty" json:"measure,omitempty"`
	Max     float64 `yaml:"max" json:"max"`
	// Factor scales the province's figure for a threshold set as a share
	// of it (盗窃 by one punished before: 数额较大的标准…百分之五十, 2013年
	// 盗窃解释 第二条); gte and max are then the national range so scaled.
	// Zero means 1.
	Factor float64 `yaml:"factor,omitempty" json:"factor,omitempty"`
}

// factor is the figure's scale (1 unless Factor is set).
func (p *ProvincialRange) factor() float64 {
	if p.Factor > 0 {
		return p.Factor
	}
	return 1
}

// applies reports whether the provincial figure replaces condition cd.
func (p *ProvincialRange) applies(cd Condition) bool {
	return cd.Measure != "" && (p.Measure == "" || p.Measure == cd.Measure)
}

// ProvinceFigure is the provincial figure an assessment used.
type ProvinceFigure struct {
	Province string  `json:"province"`
	Key      string  `json:"key"`
	Figure   float64 `json:"figure"`
	// National is the national floor the figure replaces.
	National float64 `json:"national"`
	Verified bool    `json:"verified"`
	Reason   string  `json:"reason,omitempty"`
	Source   *Source `json:"source,omitempty"`
}

// Table returns the figures of the named province ("" = cfg.Province)
// and its name, or false when it is not configured.
func (cfg TransferConfig) Table(name string) (string, ProvincialAmounts, bool) {
	if name == "" {
		name = cfg.Province
	}
	p, ok := cfg.Provinces[name]
	return name, p, ok && name != ""
}

// CheckProvinces validates cfg against the catalog: the default province is
// configured, every figure's key is a provincial threshold of the catalog,
// and every figure lies within that threshold's national range. An
// unverified province must say why. The error wraps ErrProvince.
func (c *Crimes) CheckProvinces(cfg TransferConfig) error {
	if cfg.Province != "" {
		if _, ok := cfg.Provinces[cfg.Province]; !ok {
			return fmt.Errorf("%w: default province %s has no table", ErrProvince, cfg.Province)
		}
	}
	ranges := c.provincialRanges()
	names := make([]string, 0, len(cfg.Provinces))
	for n := range cfg.Provinces {
		names = append(names, n)
	}
	sort.Strings(names)
	var bad []string
	for _, n := range names {
		p := cfg.Provinces[n]
		if !p.Verified && strings.TrimSpace(p.Reason) == "" {
			bad = append(bad, n+": verified: false needs a reason")
		}
		for key, src := range p.Sources {
			if err := src.validate(); err != nil || src.InCorpus {
				bad = append(bad, fmt.Sprintf("%s: source %s: a provincial source names title and doc_no or date, outside the corpus", n, key))
			}
		}
		for key, v := range p.Figures {
			r, ok := ranges[key]
			if !ok {
				bad = append(bad, fmt.Sprintf("%s: unknown key %s", n, key))
				continue
			}
			if v < r[0] || v > r[1] {
				bad = append(bad, fmt.Sprintf("%s: %s %g outside the national range %g–%g", n, key, v, r[0], r[1]))
			}
		}
	}
	if len(bad) > 0 {
		return fmt.Errorf("%w: %s", ErrProvince, strings.Join(bad, "; "))
	}
	return nil
}

// provincialRanges maps each provincial key to its national [floor, max].
func (c *Crimes) provincialRanges() map[string][2]float64 {
	out := map[string][2]float64{}
	for _, cr := range c.list {
		for i := range cr.Thresholds {
			t := &cr.Thresholds[i]
			if t.Provincial == nil {
				continue
			}
			for _, cd := range t.conds {
				if t.Provincial.applies(cd) {
					k := t.Provincial.factor()
					out[t.Provincial.Key] = [2]float64{cd.GTE / k, t.Provincial.Max / k}
					break
				}
			}
		}
	}
	return out
}

// provincialFigure returns the figure a provincial threshold uses under opt.
func (t *Threshold) provincialFigure(opt TransferOptions) (ProvinceFigure, bool) {
	if t.Provincial == nil || opt.Amounts == nil {
		return ProvinceFigure{}, false
	}
	v, ok := opt.Amounts.Figures[t.Provincial.Key]
	if !ok {
		return ProvinceFigure{}, false
	}
	f := ProvinceFigure{Province: opt.Province, Key: t.Provincial.Key, Figure: v * t.Provincial.factor(), Verified: opt.Amounts.Verified, Reason: opt.Amounts.Reason}
	for _, cd := range t.conds {
		if t.Provincial.applies(cd) {
			f.National = cd.GTE
			break
		}
	}
	if s, ok := opt.Amounts.Sources[t.Provincial.Key]; ok {
		f.Source = &s
	} else if s, ok := opt.Amounts.Sources["*"]; ok {
		f.Source = &s
	}
	return f, true
}
