package workdays

import (
	"errors"
	"math"
	"testing"
	"time"

	"github.com/6tail/lunar-go/HolidayUtil"
)

func mustCalendar(t *testing.T, override string) *Calendar {
	t.Helper()
	c, err := New([]byte(override))
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c
}

func day(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestIssueExamples: the two deadlines of issue 14, both across a holiday
// with make-up working days.
func TestIssueExamples(t *testing.T) {
	c := mustCalendar(t, "")
	for _, tc := range []struct {
		from string
		n    int
		want string
	}{
		{"2025-09-30", 7, "2025-10-16"},
		{"2025-01-24", 7, "2025-02-10"},
		{"2025-09-30", 0, "2025-09-30"},
		{"2025-09-30", 1, "2025-10-09"},
	} {
		got, err := c.AddWorkdays(day(t, tc.from), tc.n)
		if err != nil {
			t.Fatalf("AddWorkdays(%s, %d): %v", tc.from, tc.n, err)
		}
		if FormatDate(got) != tc.want {
			t.Errorf("AddWorkdays(%s, %d) = %s, want %s", tc.from, tc.n, FormatDate(got), tc.want)
		}
	}
}

// period is one holiday period as the State Council's notice gives it.
type period struct {
	name     string
	from, to string   // the days off
	makeUp   []string // weekend days made working days (调休)
	// lastBefore and firstAfter are the working days around the period.
	lastBefore, firstAfter string
}

// notices are the State Council's schedules for 2025–2027 as lunar-go
// v1.4.7 carries them, written out by hand period by period so that a
// changed data source fails here. The notices themselves are not in our
// statute corpus: 2027 in particular is to be checked again against the
// published notice.
var notices = []period{
	{"2025 元旦", "2025-01-01", "2025-01-01", nil, "2024-12-31", "2025-01-02"},
	{"2025 春节", "2025-01-28", "2025-02-04", []string{"2025-01-26", "2025-02-08"}, "2025-01-27", "2025-02-05"},
	{"2025 清明", "2025-04-04", "2025-04-06", nil, "2025-04-03", "2025-04-07"},
	{"2025 劳动节", "2025-05-01", "2025-05-05", []string{"2025-04-27"}, "2025-04-30", "2025-05-06"},
	{"2025 端午", "2025-05-31", "2025-06-02", nil, "2025-05-30", "2025-06-03"},
	{"2025 国庆中秋", "2025-10-01", "2025-10-08", []string{"2025-09-28", "2025-10-11"}, "2025-09-30", "2025-10-09"},
	{"2026 元旦", "2026-01-01", "2026-01-03", []string{"2026-01-04"}, "2025-12-31", "2026-01-04"},
	{"2026 春节", "2026-02-15", "2026-02-23", []string{"2026-02-14", "2026-02-28"}, "2026-02-14", "2026-02-24"},
	{"2026 清明", "2026-04-04", "2026-04-06", nil, "2026-04-03", "2026-04-07"},
	{"2026 劳动节", "2026-05-01", "2026-05-05", []string{"2026-05-09"}, "2026-04-30", "2026-05-06"},
	{"2026 端午", "2026-06-19", "2026-06-21", nil, "2026-06-18", "2026-06-22"},
	{"2026 中秋", "2026-09-25", "2026-09-27", nil, "2026-09-24", "2026-09-28"},
	{"2026 国庆", "2026-10-01", "2026-10-07", []string{"2026-09-20", "2026-10-10"}, "2026-09-30", "2026-10-08"},
	{"2027 元旦", "2027-01-01", "2027-01-03", nil, "2026-12-31", "2027-01-04"},
	{"2027 春节", "2027-02-05", "2027-02-13", []string{"2027-01-31", "2027-02-14"}, "2027-02-04", "2027-02-14"},
	{"2027 清明", "2027-04-03", "2027-04-05", nil, "2027-04-02", "2027-04-06"},
	{"2027 劳动节", "2027-05-01", "2027-05-05", []string{"2027-05-08"}, "2027-04-30", "2027-05-06"},
	{"2027 端午", "2027-06-09", "2027-06-09", nil, "2027-06-08", "2027-06-10"},
	{"2027 中秋", "2027-09-15", "2027-09-15", nil, "2027-09-14", "2027-09-16"},
	{"2027 国庆", "2027-10-01", "2027-10-07", []string{"2027-09-26", "2027-10-09"}, "2027-09-30", "2027-10-08"},
}

// TestNotices checks each holiday period of 2025–2027 against the notices
// written out above: every day off is not a working day, every make-up day
// (always a weekend day) is one, and the first working day after the period
// is one working day after the last one before it.
func TestNotices(t *testing.T) {
	c := mustCalendar(t, "")
	for _, p := range notices {
		t.Run(p.name, func(t *testing.T) {
			for d := day(t, p.from); !d.After(day(t, p.to)); d = d.AddDate(0, 0, 1) {
				if work, err := c.IsWorkday(d); err != nil || work {
					t.Errorf("%s: IsWorkday = %v, %v; want a day off", FormatDate(d), work, err)
				}
			}
			for _, s := range p.makeUp {
				d := day(t, s)
				if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
					t.Errorf("make-up day %s is a %s, not a weekend day", s, wd)
				}
				if work, err := c.IsWorkday(d); err != nil || !work {
					t.Errorf("make-up day %s: IsWorkday = %v, %v; want a working day", s, work, err)
				}
			}
			got, err := c.AddWorkdays(day(t, p.lastBefore), 1)
			if err != nil || FormatDate(got) != p.firstAfter {
				t.Errorf("AddWorkdays(%s, 1) = %s, %v; want %s", p.lastBefore, FormatDate(got), err, p.firstAfter)
			}
			if work, err := c.IsWorkday(day(t, p.lastBefore)); err != nil || !work {
				t.Errorf("%s should be a working day: %v, %v", p.lastBefore, work, err)
			}
		})
	}
}

// naiveWorkday reads the data source for one day, as its documentation
// says to: a listed day is a working day when IsWork, else a day off;
// other days follow the week.
func naiveWorkday(d time.Time) bool {
	if h := HolidayUtil.GetHoliday(FormatDate(d)); h != nil {
		return h.IsWork()
	}
	return d.Weekday() != time.Saturday && d.Weekday() != time.Sunday
}

// TestDataSourceBoundaries walks the data source's own list for 2025–2027:
// at every listed day and the days around it, the calendar agrees with the
// data source, and counting forward from the day before each listed day
// agrees with a day-by-day count over the data source.
func TestDataSourceBoundaries(t *testing.T) {
	c := mustCalendar(t, "")
	listed := 0
	for y := 2025; y <= 2027; y++ {
		l := HolidayUtil.GetHolidaysByYear(y)
		if l.Len() == 0 {
			t.Fatalf("the data source lists no holidays for %d", y)
		}
		for e := l.Front(); e != nil; e = e.Next() {
			h := e.Value.(*HolidayUtil.Holiday)
			listed++
			d := day(t, h.GetDay())
			for _, b := range []time.Time{d.AddDate(0, 0, -1), d, d.AddDate(0, 0, 1)} {
				got, err := c.IsWorkday(b)
				if err != nil {
					t.Fatal(err)
				}
				if want := naiveWorkday(b); got != want {
					t.Errorf("IsWorkday(%s) = %v, data source says %v (%s)", FormatDate(b), got, want, h)
				}
			}
			for _, n := range []int{1, 3, 7, 20} {
				from := d.AddDate(0, 0, -1)
				want, k := from, 0
				for k < n {
					want = want.AddDate(0, 0, 1)
					if naiveWorkday(want) {
						k++
					}
				}
				got, err := c.AddWorkdays(from, n)
				if err != nil {
					if want.Year() > 2027 && errors.Is(err, ErrBeyondSchedule) {
						continue
					}
					t.Fatalf("AddWorkdays(%s, %d): %v", FormatDate(from), n, err)
				}
				if !got.Equal(want) {
					t.Errorf("AddWorkdays(%s, %d) = %s, counting the data source day by day gives %s", FormatDate(from), n, FormatDate(got), FormatDate(want))
				}
				if between, err := c.WorkdaysBetween(from, got); err != nil || between != n {
					t.Errorf("WorkdaysBetween(%s, %s) = %d, %v; want %d", FormatDate(from), FormatDate(got), between, err, n)
				}
			}
		}
	}
	if listed < 90 {
		t.Errorf("only %d listed days for 2025–2027", listed)
	}
}

// TestEveryDayAgrees compares every day of the known range with the data
// source.
func TestEveryDayAgrees(t *testing.T) {
	c := mustCalendar(t, "")
	first, last := c.Range()
	if FormatDate(first) != "2002-01-01" || FormatDate(last) != "2027-12-31" {
		t.Errorf("Range = %s … %s, want 2002-01-01 … 2027-12-31 (lunar-go v1.4.7)", FormatDate(first), FormatDate(last))
	}
	for d := first; !d.After(last); d = d.AddDate(0, 0, 1) {
		got, err := c.IsWorkday(d)
		if err != nil {
			t.Fatal(err)
		}
		if want := naiveWorkday(d); got != want {
			t.Errorf("IsWorkday(%s) = %v, data source %v", FormatDate(d), got, want)
		}
	}
}

func TestBeyondSchedule(t *testing.T) {
	c := mustCalendar(t, "")
	for _, s := range []string{"2028-01-03", "2001-12-31", "2001-12-29", "9999-12-31", "0001-01-01"} {
		if _, err := c.IsWorkday(day(t, s)); !errors.Is(err, ErrBeyondSchedule) {
			t.Errorf("IsWorkday(%s) error = %v, want ErrBeyondSchedule", s, err)
		}
	}
	if _, err := c.AddWorkdays(day(t, "2027-12-28"), 10); !errors.Is(err, ErrBeyondSchedule) {
		t.Errorf("AddWorkdays past the end: %v, want ErrBeyondSchedule", err)
	}
	for _, n := range []int{1 << 40, math.MaxInt, math.MaxInt - 1} {
		if _, err := c.AddWorkdays(day(t, "2025-01-02"), n); !errors.Is(err, ErrBeyondSchedule) {
			t.Errorf("AddWorkdays(2025-01-02, %d): %v, want ErrBeyondSchedule", n, err)
		}
	}
	if _, err := c.WorkdaysBetween(day(t, "2027-12-28"), day(t, "2028-01-10")); !errors.Is(err, ErrBeyondSchedule) {
		t.Errorf("WorkdaysBetween past the end: %v, want ErrBeyondSchedule", err)
	}
	if _, err := c.AddWorkdays(day(t, "2025-01-02"), -1); !errors.Is(err, ErrBadCount) {
		t.Errorf("AddWorkdays(-1): %v, want ErrBadCount", err)
	}
	got, err := c.AddWorkdays(day(t, "2027-12-24"), 4)
	if err != nil || FormatDate(got) != "2027-12-30" {
		t.Errorf("AddWorkdays(2027-12-24, 4) = %s, %v; want 2027-12-30", FormatDate(got), err)
	}
}

func TestWorkdaysBetween(t *testing.T) {
	c := mustCalendar(t, "")
	for _, tc := range []struct {
		from, to string
		want     int
	}{
		{"2025-09-30", "2025-10-16", 7},
		{"2025-10-16", "2025-09-30", -7},
		{"2025-09-30", "2025-09-30", 0},
		{"2025-10-01", "2025-10-08", 0},
		{"2025-01-24", "2025-02-10", 7},
		// 261 weekdays − 18 weekday holidays + 5 make-up days.
		{"2024-12-31", "2025-12-31", 248},
	} {
		got, err := c.WorkdaysBetween(day(t, tc.from), day(t, tc.to))
		if err != nil || got != tc.want {
			t.Errorf("WorkdaysBetween(%s, %s) = %d, %v; want %d", tc.from, tc.to, got, err, tc.want)
		}
	}
}

// TestTimeOfDayAndZone: only the calendar day counts, in the time's own
// location.
func TestTimeOfDayAndZone(t *testing.T) {
	c := mustCalendar(t, "")
	shanghai := time.FixedZone("CST", 8*3600)
	d := time.Date(2025, 9, 30, 23, 59, 0, 0, shanghai)
	got, err := c.AddWorkdays(d, 7)
	if err != nil || FormatDate(got) != "2025-10-16" {
		t.Errorf("AddWorkdays(%v, 7) = %s, %v", d, FormatDate(got), err)
	}
}

func TestParseDate(t *testing.T) {
	for _, s := range []string{"", "2025-9-30", "2025-02-29", "2025/09/30", "20250930", "2025-09-30T00:00:00Z",
		" 2025-09-30", "2025-13-01", "二〇二五年九月三十日", "2025-09-3\xff", "-2025-09-30", "2025-00-10"} {
		if _, err := ParseDate(s); !errors.Is(err, ErrBadDate) {
			t.Errorf("ParseDate(%q) error = %v, want ErrBadDate", s, err)
		}
	}
	if d, err := ParseDate("2024-02-29"); err != nil || FormatDate(d) != "2024-02-29" {
		t.Errorf("ParseDate(2024-02-29) = %v, %v", d, err)
	}
}

func BenchmarkAddWorkdays(b *testing.B) {
	c, err := New(nil)
	if err != nil {
		b.Fatal(err)
	}
	d := time.Date(2025, 9, 30, 0, 0, 0, 0, time.UTC)
	for b.Loop() {
		if _, err := c.AddWorkdays(d, 20); err != nil {
			b.Fatal(err)
		}
	}
}
