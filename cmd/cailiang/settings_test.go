package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"maps"
	"os"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite README.md's generated tables")

// generatedBlock matches a README block that is made from code, between
// <!-- NAME:begin --> and <!-- NAME:end -->.
func generatedBlock(name string) *regexp.Regexp {
	return regexp.MustCompile(`(?s)(<!-- ` + name + `:begin -->\n)(.*?)(<!-- ` + name + `:end -->)`)
}

// TestREADMETables checks that the README's tables of settings and commands
// are the ones the command line defines (go test ./cmd/cailiang -update
// rewrites them).
func TestREADMETables(t *testing.T) {
	raw, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(raw)
	for _, tt := range []struct{ name, want string }{
		{"settings", settingsTable()},
		{"commands", commandsTable()},
	} {
		re := generatedBlock(tt.name)
		m := re.FindStringSubmatch(readme)
		if m == nil {
			t.Errorf("README.md has no <!-- %s:begin --> … <!-- %s:end --> block", tt.name, tt.name)
			continue
		}
		if m[2] != tt.want {
			if *update {
				readme = re.ReplaceAllLiteralString(readme, m[1]+tt.want+m[3])
				continue
			}
			t.Errorf("README.md's %s table differs from the code (go test ./cmd/cailiang -run READMETables -update):\n got:\n%s\nwant:\n%s", tt.name, m[2], tt.want)
		}
	}
	if *update {
		if err := os.WriteFile("../../README.md", []byte(readme), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestUsageNamesEverySetting checks the help text against the table: every
// flag with its variable, every command with its flags.
func TestUsageNamesEverySetting(t *testing.T) {
	u := usage()
	for _, s := range settings() {
		if s.hidden {
			if strings.Contains(u, "--"+s.flag) || strings.Contains(settingsTable(), "--"+s.flag) {
				t.Errorf("hidden setting --%s is listed", s.flag)
			}
			continue
		}
		if !strings.Contains(u, "--"+s.flag) || (s.env != "" && !strings.Contains(u, s.env)) {
			t.Errorf("usage lacks --%s / %s", s.flag, s.env)
		}
	}
	for _, c := range commands() {
		if !strings.Contains(u, "cailiang "+c.name+" "+c.args) {
			t.Errorf("usage lacks command %s %s", c.name, c.args)
		}
		if c.flags == nil {
			continue
		}
		fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
		var a cmdArgs
		c.flags(fs, &a)
		fs.VisitAll(func(f *flag.Flag) {
			if !strings.Contains(c.args, "--"+f.Name) {
				t.Errorf("command %s: usage line %q lacks --%s", c.name, c.args, f.Name)
			}
		})
	}
}

// TestSettingsFromEnvironment checks that each variable sets its flag's
// default and that a flag wins over it.
func TestSettingsFromEnvironment(t *testing.T) {
	t.Setenv("CAILIANG_SEG_MODE", "search")
	t.Setenv("CAILIANG_EMBED_DIM", "64")
	var o options
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	registerSettings(fs, "serve", &o)
	if err := fs.Parse([]string{"--embed-dim", "32"}); err != nil {
		t.Fatal(err)
	}
	if o.app.SegMode != "search" || o.app.Vectors.Dim != 32 || o.addr != "127.0.0.1:8080" {
		t.Errorf("got seg mode %q, dim %d, addr %q", o.app.SegMode, o.app.Vectors.Dim, o.addr)
	}
	if fs.Lookup("shared") == nil || fs.Lookup("first-import").DefValue != firstImportAuto {
		t.Error("serve lacks --shared or --first-import auto")
	}
	{
		var c options
		cfs := flag.NewFlagSet("cite", flag.ContinueOnError)
		registerSettings(cfs, "cite", &c)
		if cfs.Lookup("shared") != nil || cfs.Lookup("addr") != nil {
			t.Error("cite has serve's or eval's settings")
		}
	}
	// eval has its own data directory setting and no listen address.
	var e options
	fs = flag.NewFlagSet("eval", flag.ContinueOnError)
	registerSettings(fs, "eval", &e)
	if fs.Lookup("data").DefValue != "data/eval" || fs.Lookup("addr") != nil || fs.Lookup("shared") == nil {
		t.Errorf("eval flags: data default %q, addr %v, shared %v", fs.Lookup("data").DefValue, fs.Lookup("addr"), fs.Lookup("shared"))
	}
}

// The evidence bucket's secret key from the environment reaches the
// configuration but never the help text; a flag given on the command line
// overrides it.
func TestSecretSettingKeptOutOfHelp(t *testing.T) {
	const secret = "env-secret-key-0123"
	t.Setenv("CAILIANG_EVIDENCE_S3", "https://s3.example.gov.cn/evidence/scjg")
	t.Setenv("CAILIANG_EVIDENCE_S3_SECRET_KEY", secret)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{nil, secret},
		{[]string{"--evidence-s3-secret-key", "from-flag"}, "from-flag"},
	} {
		var o options
		var help strings.Builder
		fs := flag.NewFlagSet("serve", flag.ContinueOnError)
		fs.SetOutput(&help)
		registerSettings(fs, "serve", &o)
		if err := fs.Parse(tt.args); err != nil {
			t.Fatal(err)
		}
		if got := o.app.Casework.EvidenceS3; got.SecretKey != tt.want || got.URL != "https://s3.example.gov.cn/evidence/scjg" {
			t.Errorf("args %q: evidence bucket config %+v, want secret %q and the URL", tt.args, got, tt.want)
		}
		fs.PrintDefaults()
		if !strings.Contains(help.String(), "evidence-s3-secret-key") || strings.Contains(help.String(), secret) {
			t.Errorf("help names the setting %v, shows the secret %v", strings.Contains(help.String(), "evidence-s3-secret-key"),
				strings.Contains(help.String(), secret))
		}
	}
}

// TestPublicationRulesSetting: --publication-rules takes the agencies'
// rules as a JSON object by agency code and refuses anything else (and a
// rule out of range) as a usage error before serve opens anything.
func TestPublicationRulesSetting(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want map[string]int
	}{
		{`{"*":{"days":20,"push_days":10,"remote_days":10,"skip_warnings":true}}`, map[string]int{"*": 20}},
		{`{"scjg":{"days":20,"small_fine_org":10000,"province":"34"},"*":{"days":7}}`, map[string]int{"scjg": 20, "*": 7}},
		{`{"*":{"days":0}}`, nil},
		{`{"*":{"days":20,"push_days":10}}`, nil},
		{`{"*":{"days":20,"province":"99"}}`, nil},
		{`{"*":{"dayz":20}}`, nil},
		{`[1]`, nil},
		{"\xff", nil},
	} {
		o := options{publicationRules: tc.in}
		err := o.parsePublicationRules()
		if tc.want == nil {
			if !errors.Is(err, errUsage) {
				t.Errorf("%q: %v; want a usage error", tc.in, err)
			}
			var out, errb bytes.Buffer
			err = run(context.Background(), []string{"serve", "--data", t.TempDir(), "--publication-rules", tc.in}, nil, &out, &errb)
			if !errors.Is(err, errUsage) {
				t.Errorf("serve --publication-rules %q: %v; want a usage error", tc.in, err)
			}
			continue
		}
		got := map[string]int{}
		for code, r := range o.app.Casework.PublicationRules {
			got[code] = r.Days
		}
		if err != nil || !maps.Equal(got, tc.want) {
			t.Errorf("%q: %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
}
