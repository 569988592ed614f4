// Package workdays owns the working-day calendar that every deadline of the
// product counts in: the State Council's holiday schedule (法定节假日 and the
// weekend days made working days, 调休) from github.com/6tail/lunar-go, plus
// an agency's YAML override file.
package workdays

import (
	"errors"
	"fmt"
	"sort"
	"time"
)

// Sentinel errors; every error of this package wraps one of them.
var (
	// ErrBeyondSchedule: the date lies outside the years whose holiday
	// schedule is known (data source or override file). The calendar never
	// guesses from weekends alone: a weekend-only guess is wrong twice a year.
	ErrBeyondSchedule = errors.New("date beyond the known holiday schedule")
	// ErrBadDate: a date is not a valid YYYY-MM-DD day.
	ErrBadDate = errors.New("invalid date")
	// ErrBadCount: a number of working days is negative.
	ErrBadCount = errors.New("invalid number of working days")
	// ErrBadOverride: the override file cannot be read or is inconsistent.
	ErrBadOverride = errors.New("invalid holiday override file")
)

// dateLayout is the one date format the calendar reads and writes.
const dateLayout = "2006-01-02"

// Calendar answers working-day questions for the days of its known range.
// It is immutable after New and safe for concurrent use.
type Calendar struct {
	first time.Time // first day of the known range (UTC midnight)
	// work[i] says whether first+i days is a working day; cum[i] counts the
	// working days among days 0..i, so a count between two days is one
	// subtraction and AddWorkdays is a binary search.
	work []bool
	cum  []int
}

// Range returns the first and last day of the known schedule (UTC
// midnight). Dates outside it get ErrBeyondSchedule.
func (c *Calendar) Range() (first, last time.Time) {
	return c.first, c.first.AddDate(0, 0, len(c.work)-1)
}

// index returns the position of d's calendar day (its year, month and day
// in d's own location), or an error wrapping ErrBeyondSchedule.
func (c *Calendar) index(d time.Time) (int, error) {
	day := civil(d)
	i := int(day.Sub(c.first).Hours() / 24)
	if day.Before(c.first) || i >= len(c.work) {
		first, last := c.Range()
		return 0, fmt.Errorf("%s 不在已知的节假日安排范围（%s 至 %s）内，请在节假日覆盖文件中补充该年度安排: %w",
			day.Format(dateLayout), first.Format(dateLayout), last.Format(dateLayout), ErrBeyondSchedule)
	}
	return i, nil
}

// IsWorkday reports whether d is a working day: a weekday that is not a
// statutory holiday, or a weekend day the schedule makes a working day
// (调休). Only d's year, month and day count. It returns an error wrapping
// ErrBeyondSchedule for a date outside the known range.
func (c *Calendar) IsWorkday(d time.Time) (bool, error) {
	i, err := c.index(d)
	if err != nil {
		return false, err
	}
	return c.work[i], nil
}

// AddWorkdays returns the last day of a period of n working days that
// starts with the event on day d, as Chinese law counts it: the day of the
// event does not count and the period begins the next day (民法典 第二百零一条
// “开始的当日不计入，自下一日开始计算”); only working days count, statutory
// holidays and rest days do not (行政处罚法 第八十五条 “工作日，不含法定节假日”,
// 行政许可法 第八十二条), with the weekend days made working days by the State
// Council's schedule counting as working days (DOMAIN.md §7). So the answer
// is the n-th working day after d: 2025-09-30 + 7 = 2025-10-16. n = 0
// returns d itself. It returns an error wrapping ErrBadCount for n < 0 and
// ErrBeyondSchedule when d or the answer lies outside the known range.
func (c *Calendar) AddWorkdays(d time.Time, n int) (time.Time, error) {
	if n < 0 {
		return time.Time{}, fmt.Errorf("工作日数 %d 不能为负数: %w", n, ErrBadCount)
	}
	i, err := c.index(d)
	if err != nil {
		return time.Time{}, err
	}
	if n == 0 {
		return c.first.AddDate(0, 0, i), nil
	}
	j := len(c.cum)
	if n <= len(c.cum) { // a larger n cannot fit, and cum[i]+n could overflow
		j = i + 1 + sort.SearchInts(c.cum[i+1:], c.cum[i]+n)
	}
	if j >= len(c.cum) {
		_, last := c.Range()
		return time.Time{}, fmt.Errorf("%s 之后第 %d 个工作日超出已知的节假日安排（至 %s），请在节假日覆盖文件中补充下一年度安排: %w",
			civil(d).Format(dateLayout), n, last.Format(dateLayout), ErrBeyondSchedule)
	}
	return c.first.AddDate(0, 0, j), nil
}

// WorkdaysBetween counts the working days after from up to and including
// to, the inverse of AddWorkdays: WorkdaysBetween(d, AddWorkdays(d, n)) = n.
// It is negative when to is before from and 0 when they are the same day.
// It returns an error wrapping ErrBeyondSchedule when either date lies
// outside the known range.
func (c *Calendar) WorkdaysBetween(from, to time.Time) (int, error) {
	i, err := c.index(from)
	if err != nil {
		return 0, err
	}
	j, err := c.index(to)
	if err != nil {
		return 0, err
	}
	return c.cum[j] - c.cum[i], nil
}

// ParseDate reads a YYYY-MM-DD date (UTC midnight). It returns an error
// wrapping ErrBadDate for anything else, including days that do not exist
// (2025-02-29).
func ParseDate(s string) (time.Time, error) {
	d, err := time.Parse(dateLayout, s)
	if err != nil || len(s) != len(dateLayout) {
		return time.Time{}, fmt.Errorf("日期 %q 应为 YYYY-MM-DD 格式的有效日期（如 2025-09-30）: %w", clip(s), ErrBadDate)
	}
	return d, nil
}

// FormatDate writes d's calendar day as YYYY-MM-DD.
func FormatDate(d time.Time) string { return d.Format(dateLayout) }

// civil is d's calendar day at UTC midnight.
func civil(d time.Time) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
}

// clip keeps hostile input out of error messages beyond a readable length.
func clip(s string) string {
	const max = 40
	r := []rune(s)
	if len(r) > max {
		return string(r[:max]) + "…"
	}
	return s
}
