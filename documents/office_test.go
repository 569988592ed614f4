package documents

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// needTool finds a program the office tests need: under CI=true a missing
// one fails the test with the package to install, otherwise it skips.
func needTool(t *testing.T, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err == nil {
		return p
	}
	msg := name + " not found: install " + pkg + " (.ci/deps.sh install office)"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// squash drops whitespace, the PDF page footers and the first-line indent,
// so text compares whatever the line breaks.
var footer = regexp.MustCompile(`—\d+—`)

func squash(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f' || r == '\u3000' {
			return -1
		}
		return r
	}, s)
	return footer.ReplaceAllString(s, "")
}

// TestOffice writes every kind of the sample case as DOCX and PDF, opens
// all the DOCX in one LibreOffice run (converting them to PDF), and checks
// that pdftotext of both our PDF and LibreOffice's holds every paragraph
// of the document.
func TestOffice(t *testing.T) {
	soffice := needTool(t, "soffice", "libreoffice-writer-nogui")
	pdftotext := needTool(t, "pdftotext", "poppler-utils")
	g := newGenerator(t)
	if _, _, err := findFont(g.cfg.FontPaths); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	in := loadInput(t, "company.json")
	dir := t.TempDir()
	ours, lo := filepath.Join(dir, "ours"), filepath.Join(dir, "lo")
	for _, d := range []string{ours, lo} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	docs := map[Kind]Document{}
	var docxFiles []string
	for _, k := range Kinds {
		doc, err := g.Render(k, in)
		if err != nil {
			t.Fatal(err)
		}
		docs[k] = doc
		var b bytes.Buffer
		if err := WriteDOCX(&b, doc); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, string(k)+".docx")
		if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		docxFiles = append(docxFiles, p)
		b.Reset()
		if err := g.WritePDF(&b, doc); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(ours, string(k)+".pdf"), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// One soffice start for all documents, with a private profile so
	// parallel runs do not share (and lock) one.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless", "--convert-to", "pdf", "--outdir", lo}, docxFiles...)
	out, err := exec.CommandContext(ctx, soffice, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	for _, k := range Kinds {
		for _, pdf := range []string{filepath.Join(ours, string(k)+".pdf"), filepath.Join(lo, string(k)+".pdf")} {
			txt, err := exec.CommandContext(ctx, pdftotext, "-enc", "UTF-8", pdf, "-").Output()
			if err != nil {
				var ee *exec.ExitError
				if errors.As(err, &ee) {
					t.Errorf("pdftotext %s: %v\n%s", pdf, err, ee.Stderr)
					continue
				}
				t.Fatalf("pdftotext %s: %v (soffice said: %s)", pdf, err, out)
			}
			got := squash(string(txt))
			for _, p := range docs[k].Paragraphs {
				if !strings.Contains(got, squash(p.Text)) {
					t.Errorf("%s: paragraph missing from the PDF text: %s", pdf, p.Text)
				}
			}
		}
	}
}

// TestPDFWithoutFont: with no CJK font the PDF call says so.
func TestPDFWithoutFont(t *testing.T) {
	g, err := New(Config{FontPaths: []string{filepath.Join(t.TempDir(), "none.ttf")}})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := g.Render(KindDecision, loadInput(t, "company.json"))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := g.WritePDF(&b, doc); !errors.Is(err, ErrNoCJKFont) {
		t.Fatalf("got %v, want ErrNoCJKFont", err)
	}
	if b.Len() != 0 {
		t.Errorf("wrote %d bytes", b.Len())
	}
}
