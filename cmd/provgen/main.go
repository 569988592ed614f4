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
	files, err := Generate(ctx, filepath.Join(*data, "statutes_lawrefbook", "national.jsonl"), cat)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return fmt.Errorf("provgen: %w", err)
	}
	total, unparsed := 0, 0
	for i, f := range files {
		raw, err := Encode(f)
		if err != nil {
			return err
		}
		name := filepath.Join(*out, FileName(i))
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
	slog.Info("provisions written", "laws", len(files), "entries", total, "unparsed", unparsed, "out", *out)
	return nil
}

// Generate reads the in-force version of every core law from national.jsonl
// and derives its entries, linking each to the benchmarks whose penalty
// provision it is; a newer version in national_updates.jsonl beside it ends
// the file's interval (in_force_to). It fails when a core law is missing.
func Generate(ctx context.Context, path string, cat *rules.Catalog) ([]rules.ProvisionFile, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("provgen: %w", err)
	}
	defer f.Close()
	laws := rules.CoreLaws()
	want := map[string]int{}
	for i, l := range laws {
		want[l.Law] = i
	}
	files := make([]rules.ProvisionFile, len(laws))
	errDone := errors.New("done")
	err = corpus.ReadLawrefJSONL(f, func(st corpus.Statute) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		i, ok := want[st.Law]
		if !ok || !st.InForce || st.Region != "" || files[i].Law != "" {
			return nil
		}
		files[i] = FromStatute(st, cat)
		return nil
	})
	if err != nil && !errors.Is(err, errDone) {
		return nil, fmt.Errorf("provgen: read %s: %w", path, err)
	}
	for i, fl := range files {
		if fl.Law == "" {
			return nil, fmt.Errorf("provgen: %s not in force in %s", laws[i].Law, path)
		}
	}
	if err := endDates(ctx, filepath.Join(filepath.Dir(path), UpdatesFile), want, files); err != nil {
		return nil, err
	}
	return files, nil
}

// UpdatesFile holds the newer versions, beside national.jsonl.
const UpdatesFile = "national_updates.jsonl"

// endDates sets each file's in_force_to: the day the earliest newer version
// of its law in the updates file took effect. The entries stay those of the
// older text, which the catalog's benchmarks were written for; a missing
// updates file leaves them open-ended.
func endDates(ctx context.Context, path string, want map[string]int, files []rules.ProvisionFile) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("provgen: %w", err)
	}
	defer f.Close()
	err = corpus.ReadLawrefJSONL(f, func(st corpus.Statute) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		i, ok := want[st.Law]
		if !ok || st.Region != "" || st.VersionDate <= files[i].Version {
			return nil
		}
		from := st.InForceFrom
		if from == "" {
			from = st.VersionDate
		}
		if files[i].InForceTo == "" || from < files[i].InForceTo {
			files[i].InForceTo = from
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
	head := fmt.Sprintf("# %s（%s 版）中设定罚款的条、款、项。由 cmd/provgen 依据 national.jsonl 生成，请勿手改。\n", f.Law, f.Version)
	if f.InForceTo != "" {
		head += fmt.Sprintf("# 新版本（national_updates.jsonl）自 %s 起施行：此后发生的行为不按本文件计算，提示对照新文本并经法制审核。\n", f.InForceTo)
	}
	return []byte(head + strings.TrimLeft(string(raw), "\n")), nil
}

// FileName is the file of the i-th core law: its number and ASCII name.
func FileName(i int) string { return fmt.Sprintf("%02d-%s.yaml", i+1, rules.CoreLaws()[i].File) }
