package workdays

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"gopkg.in/yaml.v3"
)

// Config configures a Calendar.
type Config struct {
	// OverridePath is the agency's YAML override file; empty: the State
	// Council's schedule alone.
	OverridePath string
}

// maxOverrideBytes bounds the override file: a century of schedules is a
// few hundred kilobytes.
const maxOverrideBytes = 4 << 20

// Open builds the calendar of cfg: the data source's schedule with the
// override file, when one is named, applied on top. It returns an error
// wrapping ErrBadOverride when the file cannot be read or is invalid.
func Open(cfg Config) (*Calendar, error) {
	if cfg.OverridePath == "" {
		return New(nil)
	}
	f, err := os.Open(cfg.OverridePath)
	if err != nil {
		return nil, fmt.Errorf("节假日覆盖文件: %w: %w", ErrBadOverride, err)
	}
	defer f.Close()
	raw, err := io.ReadAll(io.LimitReader(f, maxOverrideBytes+1))
	if err != nil {
		return nil, fmt.Errorf("节假日覆盖文件 %s: %w: %w", cfg.OverridePath, ErrBadOverride, err)
	}
	if len(raw) > maxOverrideBytes {
		return nil, fmt.Errorf("节假日覆盖文件 %s 超过 %d 字节: %w", cfg.OverridePath, maxOverrideBytes, ErrBadOverride)
	}
	c, err := New(raw)
	if err != nil {
		return nil, fmt.Errorf("节假日覆盖文件 %s: %w", cfg.OverridePath, err)
	}
	return c, nil
}

// override is the YAML override file:
//
//	years: [2028]          # years whose whole schedule the file gives (extends the known range)
//	holidays:              # days off besides weekends; a 调休 day of the data source listed here becomes a day off
//	  - 2028-01-01
//	  - {from: 2028-01-26, to: 2028-02-01, name: 春节}
//	workdays:              # working days: 调休 weekend days, or data-source holidays the agency works
//	  - {date: 2028-01-29, name: 春节调休}
type override struct {
	Years    []int        `yaml:"years"`
	Holidays []dateOrSpan `yaml:"holidays"`
	Workdays []dateOrSpan `yaml:"workdays"`
}

// dateOrSpan is one day ("2028-01-01", or {date: …}) or a span of days
// ({from: …, to: …}), with an optional name.
type dateOrSpan struct {
	Date string `yaml:"date"`
	From string `yaml:"from"`
	To   string `yaml:"to"`
	Name string `yaml:"name"`
	line int
}

// UnmarshalYAML accepts a bare date as well as a mapping; it returns
// yaml's decoding error for anything else (a list, an unknown field).
func (d *dateOrSpan) UnmarshalYAML(n *yaml.Node) error {
	d.line = n.Line
	if n.Kind == yaml.ScalarNode {
		d.Date = n.Value
		return nil
	}
	type plain dateOrSpan
	var p plain
	if err := n.Decode(&p); err != nil {
		return err
	}
	*d = dateOrSpan(p)
	d.line = n.Line
	return nil
}

// maxSpanDays bounds one span: no holiday period is longer than a month.
const maxSpanDays = 31

// days expands the entry into its days.
func (d dateOrSpan) days() ([]time.Time, error) {
	switch {
	case d.Date != "" && d.From == "" && d.To == "":
		day, err := ParseDate(d.Date)
		if err != nil {
			return nil, err
		}
		return []time.Time{day}, nil
	case d.Date == "" && d.From != "" && d.To != "":
		from, err := ParseDate(d.From)
		if err != nil {
			return nil, err
		}
		to, err := ParseDate(d.To)
		if err != nil {
			return nil, err
		}
		if to.Before(from) || to.Sub(from) > maxSpanDays*24*time.Hour {
			return nil, fmt.Errorf("from %s 至 to %s 应为不超过 %d 天的时间段: %w", d.From, d.To, maxSpanDays, ErrBadOverride)
		}
		var out []time.Time
		for day := from; !day.After(to); day = day.AddDate(0, 0, 1) {
			out = append(out, day)
		}
		return out, nil
	}
	return nil, fmt.Errorf("每项应为一个日期、{date: 日期} 或 {from: 日期, to: 日期}: %w", ErrBadOverride)
}

// New builds the calendar from the data source's schedule and the override
// file's content (nil or empty: none). It returns an error wrapping
// ErrBadOverride (and ErrBadDate for a bad date) when the YAML is invalid,
// has unknown fields, gives a day twice, a year that leaves a gap in the
// known range, or a day outside the known years.
func New(overrideYAML []byte) (*Calendar, error) {
	s, err := lunarSchedule()
	if err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(overrideYAML)) > 0 {
		if err := s.apply(overrideYAML); err != nil {
			return nil, err
		}
	}
	return s.calendar()
}

// apply puts the override file on top of the schedule.
func (s *schedule) apply(raw []byte) error {
	var o override
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(true)
	if err := dec.Decode(&o); err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("YAML 无法解析（字段只能是 years、holidays、workdays；每项为日期或 date/from/to/name）: %w: %w", ErrBadOverride, err)
	}
	var more yaml.Node
	if err := dec.Decode(&more); !errors.Is(err, io.EOF) {
		return fmt.Errorf("文件只能有一个 YAML 文档（不应有第二个 ---）: %w", ErrBadOverride)
	}
	lo, hi := s.bounds()
	for _, y := range o.Years {
		if y < 1900 || y > 9999 {
			return fmt.Errorf("years: %d 不是有效年份: %w", y, ErrBadOverride)
		}
	}
	// Years extend the known range at either end, one after the other:
	// a gap would leave a year the calendar silently guesses.
	given := map[int]bool{}
	for _, y := range o.Years {
		given[y] = true
	}
	for given[hi+1] {
		hi++
	}
	for given[lo-1] {
		lo--
	}
	for _, y := range o.Years {
		if y < lo || y > hi {
			return fmt.Errorf("years: %d 与已知的节假日安排（%d–%d 年）不相连，中间的年份须一并给出: %w", y, lo, hi, ErrBadOverride)
		}
		s.years[y] = true
	}
	seen := map[time.Time]int{}
	for _, list := range []struct {
		name    string
		kind    dayKind
		entries []dateOrSpan
	}{{"holidays", dayOff, o.Holidays}, {"workdays", workDay, o.Workdays}} {
		for _, e := range list.entries {
			days, err := e.days()
			if err != nil {
				return fmt.Errorf("第 %d 行 %s: %w", e.line, list.name, err)
			}
			for _, day := range days {
				if !s.years[day.Year()] {
					return fmt.Errorf("第 %d 行 %s: %s 所在的 %d 年不在已知的节假日安排内，须先在 years 中给出该年: %w",
						e.line, list.name, day.Format(dateLayout), day.Year(), ErrBadOverride)
				}
				if prev, ok := seen[day]; ok {
					return fmt.Errorf("第 %d 行 %s: %s 已在第 %d 行给出: %w", e.line, list.name, day.Format(dateLayout), prev, ErrBadOverride)
				}
				seen[day] = e.line
				s.days[day] = list.kind
			}
		}
	}
	return nil
}

// bounds returns the first and last known year.
func (s *schedule) bounds() (lo, hi int) {
	for y := range s.years {
		if lo == 0 || y < lo {
			lo = y
		}
		if y > hi {
			hi = y
		}
	}
	return lo, hi
}

// calendar lays the schedule out day by day over its known years.
func (s *schedule) calendar() (*Calendar, error) {
	lo, hi := s.bounds()
	if lo == 0 {
		return nil, fmt.Errorf("节假日数据源没有任何年度安排: %w", ErrBeyondSchedule)
	}
	for y := lo; y <= hi; y++ {
		if !s.years[y] {
			return nil, fmt.Errorf("节假日数据源缺少 %d 年的安排: %w", y, ErrBeyondSchedule)
		}
	}
	first := time.Date(lo, 1, 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(hi+1, 1, 1, 0, 0, 0, 0, time.UTC)
	c := &Calendar{first: first}
	n := 0
	for day := first; day.Before(end); day = day.AddDate(0, 0, 1) {
		var work bool
		switch s.days[day] {
		case dayOff:
		case workDay:
			work = true
		default:
			wd := day.Weekday()
			work = wd != time.Saturday && wd != time.Sunday
		}
		if work {
			n++
		}
		c.work = append(c.work, work)
		c.cum = append(c.cum, n)
	}
	return c, nil
}
