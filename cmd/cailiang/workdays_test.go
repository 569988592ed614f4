package main

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/cailiang/cailiang/workdays"
)

// TestWorkdaysCommand runs `cailiang workdays` in-process: the deadlines of
// issue 14, the override file by flag and by environment, and bad input.
func TestWorkdaysCommand(t *testing.T) {
	override := "../../workdays/testdata/override.yaml"
	for _, tc := range []struct {
		args []string
		env  string
		want string
		err  error
	}{
		{args: []string{"workdays", "add", "2025-09-30", "7"}, want: "2025-10-16\n"},
		{args: []string{"workdays", "add", "2025-01-24", "7"}, want: "2025-02-10\n"},
		{args: []string{"workdays", "is", "2025-10-11"}, want: "true\n"},
		{args: []string{"workdays", "is", "2025-10-08"}, want: "false\n"},
		{args: []string{"workdays", "between", "2025-09-30", "2025-10-16"}, want: "7\n"},
		{args: []string{"workdays", "range"}, want: "2002-01-01 2027-12-31\n"},
		{args: []string{"workdays", "--holidays", override, "add", "2027-12-30", "3"}, want: "2028-01-05\n"},
		{args: []string{"workdays", "range"}, env: override, want: "2002-01-01 2028-12-31\n"},
		{args: []string{"workdays", "add", "2027-12-30", "3"}, err: workdays.ErrBeyondSchedule},
		{args: []string{"workdays", "add", "2025-02-30", "3"}, err: workdays.ErrBadDate},
		{args: []string{"workdays", "add", "2025-09-30", "-1"}, err: workdays.ErrBadCount},
		{args: []string{"workdays", "add", "2025-09-30", "七"}, err: errUsage},
		{args: []string{"workdays", "add", "2025-09-30"}, err: errUsage},
		{args: []string{"workdays"}, err: errUsage},
		{args: []string{"workdays", "subtract", "2025-09-30", "1"}, err: errUsage},
		{args: []string{"workdays", "--holidays", "testdata/no-such.yaml", "range"}, err: workdays.ErrBadOverride},
	} {
		t.Run(strings.Join(tc.args, " ")+" "+tc.env, func(t *testing.T) {
			t.Setenv("CAILIANG_HOLIDAYS", tc.env)
			var out, errb bytes.Buffer
			err := run(context.Background(), tc.args, strings.NewReader(""), &out, &errb)
			if tc.err != nil {
				if !errors.Is(err, tc.err) {
					t.Fatalf("error = %v, want %v", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if out.String() != tc.want {
				t.Errorf("stdout = %q, want %q", out.String(), tc.want)
			}
		})
	}
}
