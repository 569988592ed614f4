package legal

import (
	"errors"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseDisposition(t *testing.T) {
	tests := []struct {
		in   string
		want Disposition
	}{
		{"处罚", DispositionPenalty},
		{"不予处罚", DispositionNone},
		{"从轻处罚", DispositionLighter},
		{"从轻", DispositionLighter},
		{" 减轻 ", DispositionMitigated},
		{"减轻处罚", DispositionMitigated},
		{"从轻或者减轻", DispositionLighterOrMitigated},
		{"从轻或减轻处罚", DispositionLighterOrMitigated},
		{"从重", DispositionHeavier},
		{"移送司法机关", DispositionTransfer},
		{"超过时效", DispositionExpired},
		{"行政命令", DispositionOrder},
		{"责令加付赔偿金", DispositionOrder},
	}
	for _, tt := range tests {
		got, err := ParseDisposition(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseDisposition(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "罚款", "从轻处", "lighter"} {
		if _, err := ParseDisposition(bad); !errors.Is(err, ErrUnknownDisposition) {
			t.Errorf("ParseDisposition(%q) err = %v; want ErrUnknownDisposition", bad, err)
		}
	}
}

// Every canonical value parses to itself, and only the decided ones are
// accepted for a case.
func TestDispositionCanonical(t *testing.T) {
	all := []Disposition{DispositionPenalty, DispositionNone, DispositionLighter, DispositionMitigated,
		DispositionLighterOrMitigated, DispositionHeavier, DispositionTransfer, DispositionExpired, DispositionOrder}
	for _, d := range all {
		if got, err := ParseDisposition(string(d)); err != nil || got != d {
			t.Errorf("ParseDisposition(%q) = %q, %v; want itself", d, got, err)
		}
	}
	decided := map[Disposition]bool{}
	for _, d := range CaseDispositions() {
		decided[d] = true
	}
	for _, d := range all {
		if got := d.Decided(); got != decided[d] {
			t.Errorf("%s.Decided() = %v; want %v", d, got, decided[d])
		}
	}
	penalised := map[Disposition]bool{DispositionPenalty: true, DispositionLighter: true, DispositionMitigated: true,
		DispositionLighterOrMitigated: true, DispositionHeavier: true}
	for _, d := range all {
		if got := d.Penalised(); got != penalised[d] {
			t.Errorf("%s.Penalised() = %v; want %v", d, got, penalised[d])
		}
	}
}

func TestSectors(t *testing.T) {
	got := Sectors()
	if len(got) != 13 || got[0] != "市场监管" {
		t.Fatalf("Sectors() = %v", got)
	}
	got[0] = "改过"
	if Sectors()[0] != "市场监管" {
		t.Fatal("Sectors() exposes the table: a caller changed it")
	}
	if s, err := ParseSector(" 公安 "); err != nil || s != "公安" {
		t.Errorf("ParseSector(公安) = %q, %v", s, err)
	}
	_, err := ParseSector("外交")
	if !errors.Is(err, ErrUnknownSector) || !strings.Contains(err.Error(), "市场监管、生态环境") {
		t.Errorf("ParseSector(外交) err = %v; want ErrUnknownSector listing the sectors", err)
	}
	if Sector("").Valid() {
		t.Error(`Sector("").Valid() = true`)
	}
}

// legal sits below rules and corpus: it must import nothing of this module.
func TestImportsNothingOfOurs(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	mod, err := os.ReadFile("../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	module := strings.TrimPrefix(strings.SplitN(string(mod), "\n", 2)[0], "module ")
	for _, f := range files {
		af, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, im := range af.Imports {
			if p := strings.Trim(im.Path.Value, `"`); strings.HasPrefix(p, module) {
				t.Errorf("%s imports %s; legal must not depend on other packages of %s", f, p, module)
			}
		}
	}
}
