// Command provgen writes the provision-level entries (rules/provisions/*.yaml):
// every article, paragraph or item of the core laws that imposes a fine, with
// the formula parsed from the version in force in the national statutes:
//
//	go run ./cmd/provgen -data ../shared/data -out rules/provisions
//
// The output depends only on the statutes, the parser (rules.ParseFineText)
// and the benchmark catalog, so rebuilding gives the same bytes; the rules
// tests fail when the committed files and the statutes drift apart.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"sort"
	"strings"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/corpus/shareddata"
	"github.com/cailiang/cailiang/rules"
	"gopkg.in/yaml.v3"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args[1:])
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "provgen:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("provgen", flag.ContinueOnError)
	data := fs.String("data", shareddata.Path(), "shared data folder (holds statutes_lawrefbook/national.jsonl)")
	out := fs.String("out", "rules/provisions", "folder to write one YAML file per law into")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cat, err := rules.LoadBuiltin()
	if err != nil {
		return fmt.Errorf("provgen: %w", err)
	}
	outs, err := Generate(ctx, filepath.Join(*data, "statutes_lawrefbook", "national.jsonl"), cat)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return fmt.Errorf("provgen: %w", err)
	}
	total, unparsed := 0, 0
	for _, o := range outs {
		f := o.File
		raw, err := Encode(f)
		if err != nil {
			return err
		}
		name := filepath.Join(*out, o.Name)
		if err := os.WriteFile(name, raw, 0o644); err != nil {
			return fmt.Errorf("provgen: %w", err)
		}
		for _, p := range f.Provisions {
			total++
			if p.Unparsed != "" {
				unparsed++
				slog.Info("unparsed", "law", f.Law, "article", p.Article, "paragraph", p.Paragraph, "item", p.Item, "reason", p.Unparsed)
			}
		}
	}
	slog.Info("provisions written", "files", len(outs), "entries", total, "unparsed", unparsed, "out", *out)
	return nil
}

// Output is one provision file and the name it is written under.
type Output struct {
	Name string
	File rules.ProvisionFile
}

// Generate reads the in-force version of every core law from national.jsonl
// and the newer versions of core laws from national_updates.jsonl beside it
// (the 生态环境法典, the 2025 治安管理处罚法…), and derives their entries,
// linking each to the benchmarks whose penalty provision it is. A newer
// version, or a repeal by a law in the updates (corpus.Repeals), ends the
// older file's interval (in_force_to); each file starts on its version's 施行
// date. Files come in core-law order, a law's versions oldest first. It
// fails when a core law is in neither file or a file cannot be read; a
// missing updates file leaves every law at its national.jsonl version.
func Generate(ctx context.Context, path string, cat *rules.Catalog) ([]Output, error) {
	laws := rules.CoreLaws()
	want := map[string]int{}
	for i, l := range laws {
		want[l.Law] = i
	}
	versions := make([][]rules.ProvisionFile, len(laws))
	err := readStatutes(ctx, path, func(st corpus.Statute) {
		i, ok := want[st.Law]
		if ok && st.InForce && len(versions[i]) == 0 {
			versions[i] = append(versions[i], FromStatute(st, cat))
		}
	})
	if err != nil {
		return nil, err
	}
	updates := filepath.Join(filepath.Dir(path), UpdatesFile)
	err = readStatutes(ctx, updates, func(st corpus.Statute) {
		i, ok := want[st.Law]
		if !ok {
			return
		}
		for _, f := range versions[i] {
			if st.VersionDate <= f.Version {
				return
			}
		}
		versions[i] = append(versions[i], FromStatute(st, cat))
	})
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	var out []Output
	for i, vs := range versions {
		if len(vs) == 0 {
			return nil, fmt.Errorf("provgen: %s in neither %s nor %s", laws[i].Law, path, UpdatesFile)
		}
		sort.Slice(vs, func(a, b int) bool { return vs[a].Version < vs[b].Version })
		for k := range vs {
			if k+1 < len(vs) {
				vs[k].InForceTo = startOf(vs[k+1])
			}
		}
		last := &vs[len(vs)-1]
		for _, r := range corpus.Repeals() {
			if j, ok := want[r.By]; ok && r.Law == last.Law && len(versions[j]) > 0 && startOf(versions[j][0]) == r.Date {
				last.InForceTo, last.RepealedBy = r.Date, r.By
			}
		}
		for k, f := range vs {
			name := fmt.Sprintf("%02d-%s.yaml", i+1, laws[i].File)
			if k > 0 {
				name = fmt.Sprintf("%02d-%s-%s.yaml", i+1, laws[i].File, f.Version[:4])
			}
			out = append(out, Output{Name: name, File: f})
		}
	}
	return out, nil
}

// startOf is the day a version took effect.
func startOf(f rules.ProvisionFile) string {
	if f.InForceFrom != "" {
		return f.InForceFrom
	}
	return f.Version
}

// UpdatesFile holds the newer versions, beside national.jsonl.
const UpdatesFile = "national_updates.jsonl"

// readStatutes calls fn for every national statute of a lawrefbook file;
// an error wraps the file's (os.ErrNotExist when it is missing).
func readStatutes(ctx context.Context, path string, fn func(corpus.Statute)) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("provgen: %w", err)
	}
	defer f.Close()
	err = corpus.ReadLawrefJSONL(f, func(st corpus.Statute) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if st.Region == "" {
			fn(st)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("provgen: read %s: %w", path, err)
	}
	return nil
}

// FromStatute derives one law's entries.
func FromStatute(st corpus.Statute, cat *rules.Catalog) rules.ProvisionFile {
	pf := rules.ProvisionFile{Law: st.Law, Version: st.VersionDate}
	if st.InForceFrom > st.VersionDate {
		pf.InForceFrom = st.InForceFrom
	}
	for _, a := range st.Articles {
		if a.Point {
			continue
		}
		paras := make([]rules.StatuteParagraph, len(a.Paragraphs))
		for i, p := range a.Paragraphs {
			paras[i] = rules.StatuteParagraph{Text: p.Text, Items: p.Items}
		}
		for _, p := range rules.ProvisionsOf(a.Number, a.Suffix, paras) {
			p.Benchmarks = rules.CoveringBenchmarks(cat, st.Law, st.VersionDate, p)
			pf.Provisions = append(pf.Provisions, p)
		}
	}
	return pf
}

// Encode writes a file as YAML under a header that says where it came from.
func Encode(f rules.ProvisionFile) ([]byte, error) {
	raw, err := yaml.Marshal(f)
	if err != nil {
		return nil, fmt.Errorf("provgen: %s: %w", f.Law, err)
	}
	head := fmt.Sprintf("# %s（%s 版）中设定罚款的条、款、项。由 cmd/provgen 依据 national.jsonl 和 national_updates.jsonl 生成，请勿手改。\n", f.Law, f.Version)
	if f.InForceFrom != "" {
		head += fmt.Sprintf("# 本版本自 %s 起施行：适用于此后发生的行为。\n", f.InForceFrom)
	}
	switch {
	case f.RepealedBy != "":
		head += fmt.Sprintf("# 本法自 %s 起被《%s》废止：此后发生的行为按《%s》的条款计算，此前的行为仍按本文件并从旧兼从轻。\n", f.InForceTo, f.RepealedBy, f.RepealedBy)
	case f.InForceTo != "":
		head += fmt.Sprintf("# 新版本自 %s 起施行：此后发生的行为按新版本的文件计算，此前的行为仍按本文件并从旧兼从轻。\n", f.InForceTo)
	}
	return []byte(head + strings.TrimLeft(string(raw), "\n")), nil
}
