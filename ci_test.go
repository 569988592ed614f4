// Tests of the repository's CI scripts in .ci/ (a directory go test does not
// enter by itself), so that `make test` runs them.
package cailiang_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const postgresScript = ".ci/postgres.sh"

// TestPostgresMirror runs `.ci/postgres.sh mirror DIR` against fake apt
// configuration folders: it must find the bookworm mirror in deb822 and
// one-line sources, and without one fail with a message that names the
// files it read. The hosts are under .invalid, which never resolves.
func TestPostgresMirror(t *testing.T) {
	const (
		debian822 = "Types: deb\nURIs: http://mirror.invalid/debian\nSuites: bookworm bookworm-updates\nComponents: main\n" +
			"Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n"
		security822 = "Types: deb\nURIs: http://security.invalid/debian-security\nSuites: bookworm-security\nComponents: main\n"
	)
	tests := []struct {
		name  string
		files map[string]string // path under the apt folder → content
		want  string            // the mirror; "" when the script must fail
		// wantRead lists the files the failure message must name.
		wantRead []string
	}{
		{"deb822", map[string]string{"sources.list.d/debian.sources": security822 + "\n" + debian822}, "http://mirror.invalid/debian", nil},
		{"deb822 keys in any order and case, comments, continued values", map[string]string{"sources.list.d/x.sources": "# local mirror\n" +
			"suites: bookworm-updates\n bookworm\nuris:\n  https://mirror.invalid/debian\ntypes: deb-src\n"}, "https://mirror.invalid/debian", nil},
		{"deb822 disabled stanza and non-http URIs skipped", map[string]string{
			"sources.list.d/a.sources": "Types: deb\nURIs: http://off.invalid/debian\nSuites: bookworm\nEnabled: no\n\n" +
				"Types: deb\nURIs: cdrom:/media/ file:/srv/debian\nSuites: bookworm\n",
			"sources.list.d/b.sources": debian822,
		}, "http://mirror.invalid/debian", nil},
		{"deb822 without bookworm, then sources.list", map[string]string{
			"sources.list.d/debian.sources": security822,
			"sources.list":                  "# deb http://commented.invalid/debian bookworm main\ndeb [arch=amd64 signed-by=/k.gpg] http://mirror.invalid/debian bookworm main\n",
		}, "http://mirror.invalid/debian", nil},
		{"one-line in sources.list.d", map[string]string{"sources.list.d/debian.list": "deb-src ftp://mirror.invalid/debian bookworm main\n"}, "ftp://mirror.invalid/debian", nil},
		{"only other suites", map[string]string{
			"sources.list.d/debian.sources": security822,
			"sources.list":                  "deb http://mirror.invalid/debian trixie main\n# deb http://mirror.invalid/debian bookworm main\n",
		}, "", []string{"sources.list.d/debian.sources", "sources.list"}},
		{"no apt sources at all", nil, "", []string{"sources.list.d/*.sources", "sources.list", "sources.list.d/*.list"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, content := range tt.files {
				p := filepath.Join(dir, name)
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			cmd := exec.Command("bash", postgresScript, "mirror", dir)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			got := strings.TrimSpace(stdout.String())
			if tt.want != "" {
				if err != nil || got != tt.want {
					t.Fatalf("mirror = %q, %v (stderr %s); want %q", got, err, stderr.String(), tt.want)
				}
				return
			}
			if err == nil || got != "" {
				t.Fatalf("mirror = %q, %v; want a failure and no mirror", got, err)
			}
			msg := stderr.String()
			if !strings.Contains(msg, "bookworm mirror") {
				t.Errorf("message %q does not say what is missing", msg)
			}
			for _, f := range tt.wantRead {
				if !strings.Contains(msg, filepath.Join(dir, f)) {
					t.Errorf("message %q does not name %s", msg, filepath.Join(dir, f))
				}
			}
		})
	}
}

// TestPostgresScriptHasNoHost keeps .ci/postgres.sh free of a built-in
// package server: every host it uses comes from the machine's apt
// configuration.
func TestPostgresScriptHasNoHost(t *testing.T) {
	data, err := os.ReadFile(postgresScript)
	if err != nil {
		t.Fatal(err)
	}
	if m := regexp.MustCompile(`(?i)\b(https?|ftp)://[^\s'"]+`).FindAll(data, -1); len(m) > 0 {
		t.Errorf("%s names hosts %q; take them from the apt configuration", postgresScript, m)
	}
	if err := exec.Command("bash", "-n", postgresScript).Run(); err != nil {
		t.Errorf("bash -n %s: %v", postgresScript, err)
	}
}
