package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/exchange"
)

func exchangeFlags(fs *flag.FlagSet, a *cmdArgs) {
	fs.StringVar(&a.agency, "agency", "", "export: the agency whose decisions leave; import: the agency importing (its own records are refused)")
	fs.IntVar(&a.year, "year", 0, "export: decisions of this calendar year (default: every year)")
	fs.StringVar(&a.from, "from", "", "export: first day YYYY-MM-DD (instead of --year)")
	fs.StringVar(&a.to, "to", "", "export: day after the last YYYY-MM-DD (instead of --year)")
	fs.StringVar(&a.format, "format", "", "jsonl or csv (default: from the file name, else jsonl)")
	fs.StringVar(&a.out, "out", "", "export: write to this file instead of standard output")
}

// runExchange exports an agency's decisions to an exchange file or imports
// another agency's file, as the operator of the data directory acting for
// --agency (casework.Operator): whoever may run the binary on the data
// holds its records, and the log names the command line as the actor.
func runExchange(e *runEnv) error {
	pos := e.args.pos
	usage := fmt.Errorf("exchange export --agency CODE [--year Y | --from D --to D] [--format jsonl|csv] [--out FILE] | exchange import --agency CODE FILE: %w", errUsage)
	if len(pos) == 0 || e.args.agency == "" {
		return usage
	}
	format := e.args.format
	if format == "" {
		format = exchange.JSONL
		name := e.args.out
		if pos[0] == "import" && len(pos) == 2 {
			name = pos[1]
		}
		if strings.EqualFold(filepath.Ext(name), ".csv") {
			format = exchange.CSV
		}
	}
	if format != exchange.JSONL && format != exchange.CSV {
		return fmt.Errorf("--format %q: jsonl or csv: %w", format, errUsage)
	}
	actor := casework.Operator()
	actor.Agency = e.args.agency
	switch {
	case pos[0] == "export" && len(pos) == 1:
		from, to, err := exchangePeriod(e.args)
		if err != nil {
			return err
		}
		cw, err := e.openCasework("exchange export", false)
		if err != nil {
			return err
		}
		defer cw.Close()
		rs, err := cw.Service.ExportShared(e.ctx, actor, e.args.agency, from, to)
		if errors.Is(err, casework.ErrNotFound) {
			return fmt.Errorf("机关 %q 不存在: %w", e.args.agency, errUsage)
		}
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		if err := exchange.Write(&buf, format, rs); err != nil {
			return err
		}
		e.log.Info("exchange export", "agency", e.args.agency, "records", len(rs), "format", format)
		if e.args.out != "" {
			return os.WriteFile(e.args.out, buf.Bytes(), 0o644)
		}
		_, err = io.Copy(e.stdout, &buf)
		return err
	case pos[0] == "import" && len(pos) == 2:
		f, err := os.Open(pos[1])
		if err != nil {
			return err
		}
		defer f.Close()
		rs, err := exchange.Read(f, format)
		var es exchange.Errors
		if errors.As(err, &es) {
			for _, le := range es {
				fmt.Fprintln(e.stderr, pos[1]+"："+le.Error())
			}
			return fmt.Errorf("%s：%d 处错误，未导入任何记录", pos[1], len(es))
		}
		if err != nil {
			return err
		}
		cw, err := e.openCasework("exchange import", false)
		if err != nil {
			return err
		}
		defer cw.Close()
		sum, err := cw.Service.ImportShared(e.ctx, actor, rs, "导入 "+truncateRunes(filepath.Base(pos[1]), 40))
		if err != nil {
			return err
		}
		e.log.Info("exchange import", "file", pos[1], "added", sum.Added, "replaced", sum.Replaced, "unchanged", sum.Unchanged)
		return e.print(sum)
	}
	return usage
}

// exchangePeriod reads --year or --from/--to (all open when none is given).
func exchangePeriod(a cmdArgs) (from, to time.Time, err error) {
	if a.year != 0 {
		if a.year < 1990 || a.year > 9999 {
			return from, to, fmt.Errorf("--year %d: %w", a.year, errUsage)
		}
		from = time.Date(a.year, 1, 1, 0, 0, 0, 0, time.UTC)
		to = from.AddDate(1, 0, 0)
	}
	if a.from != "" {
		if from, err = time.Parse(time.DateOnly, a.from); err != nil {
			return from, to, fmt.Errorf("--from %q: YYYY-MM-DD: %w", a.from, errUsage)
		}
	}
	if a.to != "" {
		if to, err = time.Parse(time.DateOnly, a.to); err != nil {
			return from, to, fmt.Errorf("--to %q: YYYY-MM-DD: %w", a.to, errUsage)
		}
	}
	return from, to, nil
}

// truncateRunes keeps the first n characters of s.
func truncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n])
	}
	return s
}
