package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/cailiang/cailiang/app"
	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/documents"
	"github.com/cailiang/cailiang/jsoninput"
)

func documentFlags(fs *flag.FlagSet, a *cmdArgs) {
	fs.StringVar(&a.caseID, "case", "", "the workbench case to draft the document of")
	fs.StringVar(&a.factsPath, "facts", "", "a document input JSON file (- for stdin) to draft from instead of a case")
	fs.StringVar(&a.out, "out", "", "the file to write: .docx or .pdf")
}

// runDocument drafts a document (marked 草稿) of a workbench case or of a
// document input file and writes it to --out; the checks' findings go to
// stdout as JSON. Issuing (with a 文号) is the workbench's.
func runDocument(e *runEnv) error {
	a := e.args
	usage := fmt.Errorf("document KIND (--case ID | --facts FILE) --out FILE.docx|.pdf: %w", errUsage)
	if len(a.pos) != 1 || a.out == "" || (a.caseID == "") == (a.factsPath == "") {
		return usage
	}
	kind, err := documents.ParseKind(a.pos[0])
	if err != nil {
		return err
	}
	format := strings.TrimPrefix(strings.ToLower(filepath.Ext(a.out)), ".")
	if format != "docx" && format != "pdf" {
		return fmt.Errorf("--out %s: the file name must end in .docx or .pdf: %w", a.out, errUsage)
	}
	gen, err := app.Documents(e.opts.app)
	if err != nil {
		return err
	}
	var made app.Made
	if a.factsPath != "" {
		made, err = e.draftFromFacts(gen, kind)
	} else {
		made, err = e.draftFromCase(gen, kind)
	}
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if format == "pdf" {
		err = gen.WritePDF(&b, made.Doc)
	} else {
		err = documents.WriteDOCX(&b, made.Doc)
	}
	if err != nil {
		return err
	}
	if err := os.WriteFile(a.out, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", a.out, err)
	}
	problems := made.Problems
	if problems == nil {
		problems = []documents.Problem{}
	}
	return e.print(map[string]any{"kind": kind, "title": made.Doc.Title, "out": a.out, "bytes": b.Len(), "draft": true, "problems": problems})
}

// draftFromFacts renders a document input file; citations are checked
// when the data directory has statutes.
func (e *runEnv) draftFromFacts(gen *documents.Generator, kind documents.Kind) (app.Made, error) {
	raw, err := readInput(e.stdin, e.args.factsPath, 4<<20)
	if err != nil {
		return app.Made{}, err
	}
	var in documents.Input
	if err := jsoninput.DecodeStrict(raw, &in); err != nil {
		return app.Made{}, fmt.Errorf("%s: %w", e.args.factsPath, err)
	}
	in.Draft = true
	doc, err := gen.Render(kind, in)
	if err != nil {
		return app.Made{}, err
	}
	var st documents.Statutes
	if _, lib, err := e.openRead(app.ForCite); err == nil && lib != nil {
		defer lib.Close()
		st = app.DocumentStatutes{Resolver: lib.Resolver()}
	}
	return app.Made{Doc: doc, Input: in, Problems: gen.Check(doc, in, st)}, nil
}

// draftFromCase renders the document of a workbench case as it stands.
func (e *runEnv) draftFromCase(gen *documents.Generator, kind documents.Kind) (app.Made, error) {
	cw, err := e.openCasework("document", true)
	if err != nil {
		return app.Made{}, err
	}
	defer cw.Close()
	dc, err := cw.Service.DocumentContext(e.ctx, casework.Operator(), e.args.caseID)
	if err != nil {
		return app.Made{}, err
	}
	cal, err := app.Calendar(e.opts.app)
	if err != nil {
		return app.Made{}, err
	}
	cd := app.CaseDocuments{Generator: gen, Calendar: cal}
	lib, err := app.Open(e.ctx, e.opts.app, app.ForCite)
	if err == nil {
		defer lib.Close()
		cd.Statutes = app.DocumentStatutes{Resolver: lib.Resolver()}
	}
	return cd.Make(dc, kind, time.Now(), "", true)
}
