// Command dictgen rebuilds our legal user dictionary for gojieba from the
// seed lists in nlp/lexicon/seeds and the statute corpus:
//
//	go run ./cmd/dictgen -data ../shared/data -out nlp/jieba/legal.dict
//
// The output depends only on the seeds, the statutes and gojieba's main
// dictionary (read for its frequencies), so rebuilding gives the same bytes;
// nlp/jieba's tests fail when the committed file and this tool drift apart.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/cailiang/cailiang/corpus/shareddata"
	"github.com/cailiang/cailiang/nlp/lexicon"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args[1:], os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "dictgen:", err)
		os.Exit(1)
	}
}

func run(_ context.Context, args []string, stderr io.Writer) error {
	fl := flag.NewFlagSet("dictgen", flag.ContinueOnError)
	fl.SetOutput(stderr)
	data := fl.String("data", shareddata.Path(), "shared data folder (holding statutes_lawrefbook/) or the statutes folder itself")
	out := fl.String("out", filepath.Join("nlp", "jieba", "legal.dict"), "dictionary to write")
	base := fl.String("base", filepath.Join("nlp", "jieba", "gojieba_dict", "jieba.dict.utf8"), "gojieba's main dictionary, read for its frequencies")
	seeds := fl.String("seeds", "", "seed folder to use instead of the seeds compiled into this binary")
	if err := fl.Parse(args); err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	start := time.Now()

	statutes, err := lexicon.StatuteFiles(*data)
	if err != nil {
		return fmt.Errorf("%w (set -data or %s)", err, shareddata.EnvVar)
	}
	bf, err := os.Open(*base)
	if err != nil {
		return fmt.Errorf("open base dictionary (copy gojieba's dict folder into nlp/jieba/gojieba_dict): %w", err)
	}
	bd, err := lexicon.ReadBaseDict(bf)
	bf.Close()
	if err != nil {
		return err
	}
	cfg := lexicon.Config{Statutes: statutes, Base: bd}
	if *seeds != "" {
		cfg.Seeds = os.DirFS(*seeds)
	}
	dict, err := lexicon.Build(cfg)
	if err != nil {
		return err
	}
	if err := writeFileAtomic(*out, dict.Bytes()); err != nil {
		return err
	}
	counts := dict.Counts()
	cats := make([]string, 0, len(counts))
	for c := range counts {
		cats = append(cats, c)
	}
	slices.Sort(cats)
	parts := make([]string, len(cats))
	for i, c := range cats {
		parts[i] = fmt.Sprintf("%s=%d", c, counts[c])
	}
	log.Info("dictionary written", "out", *out, "terms", len(dict.Terms),
		"categories", strings.Join(parts, " "), "elapsed", time.Since(start).Round(time.Millisecond))
	return nil
}

// writeFileAtomic replaces path with data through a temporary file in the same
// folder, so an interrupted run never leaves a half-written dictionary that
// would abort gojieba at start-up.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
