package workdays

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOverrideFile(t *testing.T) {
	c, err := Open(Config{OverridePath: filepath.Join("testdata", "override.yaml")})
	if err != nil {
		t.Fatal(err)
	}
	base := mustCalendar(t, "")
	for _, tc := range []struct {
		day        string
		base, want bool
	}{
		{"2025-03-03", true, false},  // added holiday
		{"2025-10-11", true, false},  // 调休 removed
		{"2025-10-08", false, true},  // holiday removed
		{"2025-10-09", true, true},   // untouched
		{"2028-01-03", false, false}, // new year: listed holiday
		{"2028-01-04", false, true},  // new year: a plain Tuesday
		{"2028-01-29", false, true},  // new year: make-up Saturday
		{"2028-01-30", false, false}, // new year: plain Sunday
		{"2028-01-31", false, false}, // new year: span
	} {
		got, err := c.IsWorkday(day(t, tc.day))
		if err != nil || got != tc.want {
			t.Errorf("override: IsWorkday(%s) = %v, %v; want %v", tc.day, got, err, tc.want)
		}
		b, err := base.IsWorkday(day(t, tc.day))
		if tc.day < "2028" && (err != nil || b != tc.base) {
			t.Errorf("base: IsWorkday(%s) = %v, %v; want %v", tc.day, b, err, tc.base)
		}
		if tc.day >= "2028" && !errors.Is(err, ErrBeyondSchedule) {
			t.Errorf("base: IsWorkday(%s) error = %v, want ErrBeyondSchedule", tc.day, err)
		}
	}
	if _, last := c.Range(); FormatDate(last) != "2028-12-31" {
		t.Errorf("Range end = %s, want 2028-12-31", FormatDate(last))
	}
	// 2025-09-30 + 3: the agency works 10-08 and not 10-11 (without the
	// override the answer is 10-11).
	got, err := c.AddWorkdays(day(t, "2025-09-30"), 3)
	if err != nil || FormatDate(got) != "2025-10-10" {
		t.Errorf("AddWorkdays(2025-09-30, 3) with override = %s, %v; want 2025-10-10", FormatDate(got), err)
	}
	got, err = base.AddWorkdays(day(t, "2025-09-30"), 3)
	if err != nil || FormatDate(got) != "2025-10-11" {
		t.Errorf("AddWorkdays(2025-09-30, 3) = %s, %v; want 2025-10-11", FormatDate(got), err)
	}
	// Across the year the data source does not know.
	got, err = c.AddWorkdays(day(t, "2027-12-30"), 3)
	if err != nil || FormatDate(got) != "2028-01-05" {
		t.Errorf("AddWorkdays(2027-12-30, 3) = %s, %v; want 2028-01-05", FormatDate(got), err)
	}
	if _, err := c.IsWorkday(day(t, "2029-01-02")); !errors.Is(err, ErrBeyondSchedule) {
		t.Errorf("2029 with a 2028 override: %v, want ErrBeyondSchedule", err)
	}
}

func TestOverrideEmpty(t *testing.T) {
	for _, src := range []string{"", "\n\n", "# nothing\n", "years: []\n"} {
		c, err := New([]byte(src))
		if err != nil {
			t.Errorf("New(%q): %v", src, err)
			continue
		}
		if _, last := c.Range(); FormatDate(last) != "2027-12-31" {
			t.Errorf("New(%q): Range end %s", src, FormatDate(last))
		}
	}
}

func TestOverrideErrors(t *testing.T) {
	for _, tc := range []struct {
		name, yaml string
		want       error
		says       string
	}{
		{"syntax", "holidays: [2025-01-01\n", ErrBadOverride, "YAML"},
		{"unknown field", "holiday: [2025-03-03]\n", ErrBadOverride, "holiday"},
		{"unknown entry field", "holidays: [{day: 2025-03-03}]\n", ErrBadOverride, "day"},
		{"wrong type", "years: abc\n", ErrBadOverride, "YAML"},
		{"not a list", "holidays: 2025-03-03\n", ErrBadOverride, "YAML"},
		{"bad date", "holidays: [2025-02-29]\n", ErrBadDate, "2025-02-29"},
		{"slashes", "workdays: [2025/03/01]\n", ErrBadDate, "2025/03/01"},
		{"empty entry", "holidays: [{name: x}]\n", ErrBadOverride, "第 1 行"},
		{"date and span", "holidays: [{date: 2025-03-03, from: 2025-03-03, to: 2025-03-04}]\n", ErrBadOverride, "from"},
		{"span backwards", "holidays: [{from: 2025-03-05, to: 2025-03-03}]\n", ErrBadOverride, "2025-03-05"},
		{"span too long", "holidays: [{from: 2025-01-01, to: 2025-12-31}]\n", ErrBadOverride, "31"},
		{"unknown year", "holidays: [2028-01-03]\n", ErrBadOverride, "2028"},
		{"gap year", "years: [2029]\n", ErrBadOverride, "2029"},
		{"bad year", "years: [99999]\n", ErrBadOverride, "99999"},
		{"twice", "holidays: [2025-03-03]\nworkdays:\n  - 2025-03-03\n", ErrBadOverride, "第 3 行"},
		{"two documents", "holidays: [2025-03-03]\n---\nfoo: 1\n", ErrBadOverride, "---"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := New([]byte(tc.yaml))
			if tc.want == nil {
				if err != nil {
					t.Fatalf("New: %v", err)
				}
				return
			}
			if !errors.Is(err, tc.want) {
				t.Fatalf("New(%q) error = %v, want %v", tc.yaml, err, tc.want)
			}
			if !strings.Contains(err.Error(), tc.says) {
				t.Errorf("error %q does not say %q", err, tc.says)
			}
		})
	}
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := Open(Config{OverridePath: filepath.Join(dir, "missing.yaml")}); !errors.Is(err, ErrBadOverride) || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, []byte("#"+strings.Repeat("x", maxOverrideBytes)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(Config{OverridePath: big}); !errors.Is(err, ErrBadOverride) {
		t.Errorf("huge file: %v", err)
	}
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("holidays: [\xff\xfe]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(Config{OverridePath: bad}); !errors.Is(err, ErrBadOverride) || !strings.Contains(err.Error(), "bad.yaml") {
		t.Errorf("invalid UTF-8: %v", err)
	}
	if c, err := Open(Config{}); err != nil || c == nil {
		t.Errorf("Open without override: %v", err)
	}
}
