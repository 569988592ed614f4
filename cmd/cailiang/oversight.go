package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/cailiang/cailiang/app"
	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/casework/boltstore"
	"github.com/cailiang/cailiang/oversight"
	"github.com/cailiang/cailiang/synthcases"
)

func demoFlags(fs *flag.FlagSet, a *cmdArgs) {
	fs.IntVar(&a.nCases, "cases", 20000, "number of synthetic cases")
	fs.IntVar(&a.nAgencies, "agencies", 12, "number of synthetic agencies (plus one supervising 司法局)")
	fs.Uint64Var(&a.seed, "seed", 1, "random seed (the same seed gives the same cases)")
	fs.IntVar(&a.year, "year", 0, "register the cases in this calendar year (default: the year up to today)")
}

func statsFlags(fs *flag.FlagSet, a *cmdArgs) {
	fs.IntVar(&a.year, "year", 0, "calendar year (default: this year)")
	fs.StringVar(&a.from, "from", "", "first day YYYY-MM-DD (instead of --year)")
	fs.StringVar(&a.to, "to", "", "day after the last YYYY-MM-DD (instead of --year)")
	fs.StringVar(&a.agency, "agency", "", "agency code (default: the whole city)")
	fs.StringVar(&a.format, "format", oversight.FormatJSON, "json, csv or xlsx")
	fs.StringVar(&a.out, "out", "", "write to this file instead of standard output")
}

// runDemo seeds synthetic cases: `demo seed`.
func runDemo(e *runEnv) error {
	if len(e.args.pos) != 1 || e.args.pos[0] != "seed" {
		return fmt.Errorf("demo seed: %w", errUsage)
	}
	if err := e.refuseServed("demo seed"); err != nil {
		return err
	}
	now := time.Now().UTC()
	period := oversight.Period{From: now.AddDate(-1, 0, 0), To: now}
	if e.args.year != 0 {
		if e.args.year < 2000 || e.args.year > now.Year() {
			return fmt.Errorf("--year %d: 2000–%d: %w", e.args.year, now.Year(), errUsage)
		}
		period = oversight.Year(e.args.year)
		if period.To.After(now) {
			period.To = now
		}
	}
	cw, err := app.OpenCasework(e.opts.app, false)
	if errors.Is(err, boltstore.ErrBusy) {
		return fmt.Errorf("数据目录 %s 的案件记录正被另一个 cailiang 进程使用：请先停止它再执行 demo seed: %w", e.opts.app.DataDir, err)
	}
	if err != nil {
		return err
	}
	defer cw.Close()
	start := time.Now()
	b, ids, err := cw.SeedDemo(e.ctx, synthcases.Config{Cases: e.args.nCases, Agencies: e.args.nAgencies, Seed: e.args.seed,
		Period: period, Now: now}, func(done, total int) { fmt.Fprintf(e.stderr, "\r模拟案件 %d/%d", done, total) })
	fmt.Fprintln(e.stderr)
	if err != nil {
		return err
	}
	planted := map[string]int{}
	for _, p := range b.Planted {
		planted[string(p.Kind)]++
	}
	e.log.Info("demo seed", "cases", len(ids), "agencies", len(b.Agencies), "users", len(b.Users), "took", time.Since(start).Round(time.Millisecond))
	return e.print(map[string]any{"synthetic": true, "cases": len(ids), "acts": len(b.Acts), "agencies": len(b.Agencies), "users": len(b.Users),
		"from": period.From.Format(time.DateOnly), "to": period.To.Format(time.DateOnly), "planted": planted,
		"note": "全部为模拟数据（标注“模拟”），不是真实案件；模拟用户没有密码，须由管理员设置后才能登录"})
}

// runStats prints or writes the statistics report.
func runStats(e *runEnv) error {
	if len(e.args.pos) != 0 {
		return fmt.Errorf("stats takes no arguments: %w", errUsage)
	}
	period := oversight.Year(time.Now().UTC().Year())
	if e.args.year != 0 {
		if e.args.year < 1990 || e.args.year > 9999 {
			return fmt.Errorf("--year %d: %w", e.args.year, errUsage)
		}
		period = oversight.Year(e.args.year)
	}
	if e.args.from != "" || e.args.to != "" {
		var err error
		if period.From, err = time.Parse(time.DateOnly, e.args.from); err != nil {
			return fmt.Errorf("--from %q: YYYY-MM-DD: %w", e.args.from, errUsage)
		}
		if period.To, err = time.Parse(time.DateOnly, e.args.to); err != nil {
			return fmt.Errorf("--to %q: YYYY-MM-DD: %w", e.args.to, errUsage)
		}
	}
	format := e.args.format
	if !slices.Contains(oversight.Formats, format) {
		return fmt.Errorf("--format %q: json, csv or xlsx: %w", format, errUsage)
	}
	ix, done, err := e.openOversight()
	if err != nil {
		return err
	}
	defer done()
	rep, err := ix.Stats(e.ctx, oversight.Query{Agency: e.args.agency, Period: period})
	if errors.Is(err, oversight.ErrInvalid) {
		return fmt.Errorf("%v: %w", err, errUsage)
	}
	if err != nil {
		return err
	}
	if format == oversight.FormatJSON && e.args.out == "" {
		return e.print(rep)
	}
	var buf bytes.Buffer
	if err := rep.Export(&buf, format); err != nil {
		return err
	}
	if e.args.out != "" {
		return os.WriteFile(e.args.out, buf.Bytes(), 0o644)
	}
	_, err = io.Copy(e.stdout, &buf)
	return err
}

// parseWarnings reads --warnings (CAILIANG_WARNINGS): a JSON object of
// oversight.Settings (the city's thresholds and per-agency overrides under
// "agencies"), given inline or as the path of a file holding it; unknown
// fields, other JSON and out-of-range numbers are usage errors.
func (o *options) parseWarnings() error {
	if o.warnings == "" {
		return nil
	}
	text, err := jsonOrFile("--warnings", o.warnings)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(strings.NewReader(text))
	dec.DisallowUnknownFields()
	var s oversight.Settings
	if err := dec.Decode(&s); err != nil {
		return fmt.Errorf("--warnings：预警阈值应为 JSON 对象，字段见 docs/oversight.md（%v）: %w", err, errUsage)
	}
	if err := s.Validate(); err != nil {
		return fmt.Errorf("--warnings: %v: %w", err, errUsage)
	}
	o.app.Casework.Warnings = s
	return nil
}

func digestFlags(fs *flag.FlagSet, a *cmdArgs) {
	fs.StringVar(&a.agency, "agency", "", "agency code (default: the whole city)")
	fs.StringVar(&a.date, "date", "", "the digest's day YYYY-MM-DD (default: today)")
	fs.StringVar(&a.format, "format", "text", "text or json")
}

// runDigest prints the daily digest: the one kept for the day, else one
// made now (this command never keeps one; serve does).
func runDigest(e *runEnv) error {
	if len(e.args.pos) != 0 {
		return fmt.Errorf("digest takes no arguments: %w", errUsage)
	}
	if e.args.format != "text" && e.args.format != "json" {
		return fmt.Errorf("--format %q: text or json: %w", e.args.format, errUsage)
	}
	day := time.Now()
	if e.args.date != "" {
		var err error
		if day, err = time.Parse(time.DateOnly, e.args.date); err != nil || len(e.args.date) != len(time.DateOnly) {
			return fmt.Errorf("--date %q: YYYY-MM-DD: %w", e.args.date, errUsage)
		}
	}
	day = time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, time.UTC)
	ix, done, err := e.openOversight()
	if err != nil {
		return err
	}
	defer done()
	d, kept, err := ix.Daily(e.ctx, e.args.agency, day)
	if errors.Is(err, oversight.ErrInvalid) {
		return fmt.Errorf("%v: %w", err, errUsage)
	}
	if err != nil {
		return err
	}
	if e.args.format == "json" {
		return e.print(map[string]any{"kept": kept, "digest": d})
	}
	text := d.Text()
	if !kept {
		text += "\n（即时生成：这一天没有服务保存的简报）\n"
	}
	_, err = io.WriteString(e.stdout, text)
	return err
}

// parseDigestAt reads --digest-at (CAILIANG_DIGEST_AT): HH:MM in the
// server's local time, or "off"; ok is false for off.
func (o *options) parseDigestAt() (k app.DigestClock, ok bool, err error) {
	if o.digestAt == "off" {
		return k, false, nil
	}
	t, err := time.Parse("15:04", o.digestAt)
	if err != nil {
		return k, false, fmt.Errorf("--digest-at %q：应为 HH:MM（如 07:00）或 off: %w", o.digestAt, errUsage)
	}
	return app.DigestClock{Hour: t.Hour(), Minute: t.Minute(), Location: time.Local}, true, nil
}

// openOversight opens the workbench read-only and returns its statistics
// index, and what closes it.
func (e *runEnv) openOversight() (*oversight.Index, func(), error) {
	cw, err := app.OpenCasework(e.opts.app, true)
	if err != nil {
		return nil, nil, err
	}
	ix, err := cw.Oversight()
	if err != nil {
		cw.Close()
		return nil, nil, err
	}
	return ix, func() { cw.Close() }, nil
}

// parseActCategories reads --act-categories (CAILIANG_ACT_CATEGORIES): a
// JSON object of casework.ActCategories, inline or the path of a file
// holding it; unknown fields and invalid categories are usage errors.
func (o *options) parseActCategories() error {
	if o.actCategories == "" {
		return nil
	}
	text, err := jsonOrFile("--act-categories", o.actCategories)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(strings.NewReader(text))
	dec.DisallowUnknownFields()
	var c casework.ActCategories
	if err := dec.Decode(&c); err != nil {
		return fmt.Errorf("--act-categories：执法类别应为 JSON 对象（%v）: %w", err, errUsage)
	}
	if err := c.Validate(); err != nil {
		return fmt.Errorf("--act-categories: %v: %w", err, errUsage)
	}
	o.app.Casework.ActCategories = c
	return nil
}

// jsonOrFile returns a setting's JSON: the value itself when it is an
// object, else the content of the file it names.
func jsonOrFile(flag, v string) (string, error) {
	if strings.HasPrefix(strings.TrimSpace(v), "{") {
		return v, nil
	}
	b, err := os.ReadFile(v)
	if err != nil {
		return "", fmt.Errorf("%s：读取文件：%v: %w", flag, err, errUsage)
	}
	return string(b), nil
}
