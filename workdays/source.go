package workdays

import (
	"fmt"
	"time"

	"github.com/6tail/lunar-go/HolidayUtil"
)

// dayKind is what the schedule says of one day; days it says nothing of
// follow the week (Monday–Friday work).
type dayKind uint8

const (
	dayOff  dayKind = iota + 1 // 法定节假日 (or an agency holiday)
	workDay                    // 调休: a weekend day made a working day
)

// schedule is a holiday schedule: the years it covers completely and the
// days that differ from the week.
type schedule struct {
	years map[int]bool
	days  map[time.Time]dayKind
}

// Years scanned for lunar-go's data (its schedule starts with 2002's 元旦,
// announced 2001-12-29, and ends with the last notice the release carries).
const scanFrom, scanTo = 1990, 2200

// lunarSchedule reads lunar-go's table of the State Council's notices. A
// year counts as known when the table has a day off of that year's own
// holidays; entries of a year that only prepare the next one (2001-12-29 for
// 2002's 元旦) do not make it known. lunar-go's HolidayUtil.Fix, which
// rewrites the library's global table, is never called: the agency's own
// days go through the override file instead.
func lunarSchedule() (schedule, error) {
	s := schedule{years: map[int]bool{}, days: map[time.Time]dayKind{}}
	for y := scanFrom; y <= scanTo; y++ {
		l := HolidayUtil.GetHolidaysByYear(y)
		for e := l.Front(); e != nil; e = e.Next() {
			h, ok := e.Value.(*HolidayUtil.Holiday)
			if !ok {
				return s, fmt.Errorf("lunar-go holiday table: unexpected entry %T", e.Value)
			}
			day, err := time.Parse(dateLayout, h.GetDay())
			if err != nil {
				return s, fmt.Errorf("lunar-go holiday table: day %q: %w", h.GetDay(), err)
			}
			target, err := time.Parse(dateLayout, h.GetTarget())
			if err != nil {
				return s, fmt.Errorf("lunar-go holiday table: target %q: %w", h.GetTarget(), err)
			}
			kind := dayOff
			if h.IsWork() {
				kind = workDay
			} else if target.Year() == y {
				s.years[y] = true
			}
			s.days[day] = kind
		}
	}
	return s, nil
}
