// Command cailiang runs the discretion-assistance service and its
// command-line tools. It parses flags and the environment (settings.go),
// opens through package app only the parts each command needs, and prints
// JSON.
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
	"runtime/pprof"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// version is set with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "cailiang:", err)
		if errors.Is(err, errUsage) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

var errUsage = errors.New("usage")

// usage is the help text, made from the command and settings tables.
func usage() string {
	var b strings.Builder
	b.WriteString("cailiang — 行政执法裁量辅助 (administrative enforcement discretion assistant)\n\nUsage:\n")
	for _, c := range commands() {
		fmt.Fprintf(&b, "  cailiang %s %s\n      %s\n", c.name, c.args, c.help)
	}
	b.WriteString("\nSettings (flags after the command; the environment variable is the default):\n")
	b.WriteString(settingsHelp())
	b.WriteString("\n`cailiang COMMAND --help` lists a command's own flags.\n")
	return b.String()
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stdout, usage())
		return nil
	}
	name, rest := args[0], args[1:]
	var cmd *command
	for _, c := range commands() {
		if c.name == name {
			cmd = &c
			break
		}
	}
	if cmd == nil {
		fmt.Fprint(stderr, usage())
		return fmt.Errorf("unknown command %q: %w", name, errUsage)
	}
	var o options
	var a cmdArgs
	fs := flag.NewFlagSet("cailiang "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	registerSettings(fs, name, &o)
	if cmd.flags != nil {
		cmd.flags(fs, &a)
	}
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: cailiang %s %s\n  %s\n\nFlags:\n", cmd.name, cmd.args, cmd.help)
		fs.PrintDefaults()
	}
	// Flags may follow positional arguments (`audit verify --data DIR`):
	// parse, take one positional, parse on, until "--" or the end.
	for in := rest; ; {
		// A negative number is an argument, never a flag (`workdays add D -1`).
		for len(in) > 0 && negativeNumber(in[0]) {
			a.pos, in = append(a.pos, in[0]), in[1:]
		}
		if err := fs.Parse(in); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil
			}
			return fmt.Errorf("%v: %w", err, errUsage)
		}
		left := fs.Args()
		if consumed := len(in) - len(left); len(left) == 0 || consumed > 0 && in[consumed-1] == "--" {
			a.pos = append(a.pos, left...)
			break
		}
		a.pos = append(a.pos, left[0])
		in = left[1:]
	}
	log, err := newLogger(o.logLevel, stderr)
	if err != nil {
		return err
	}
	o.app.Logger = log
	o.app.Progress = progress(stderr, "索引")
	if err := o.parseWarnings(); err != nil {
		return err
	}
	if err := o.parsePublicationRules(); err != nil {
		return err
	}
	if err := o.parseActCategories(); err != nil {
		return err
	}
	if err := o.app.Validate(); err != nil {
		return fmt.Errorf("%v: %w", err, errUsage)
	}
	if o.cpuProfile != "" {
		stopProfile, err := startCPUProfile(o.cpuProfile)
		if err != nil {
			return err
		}
		defer stopProfile()
	}
	if o.coreProfile != "" {
		stopCores, err := startCoreProfile(o.coreProfile)
		if err != nil {
			return err
		}
		defer stopCores()
	}
	env := &runEnv{ctx: ctx, opts: o, args: a, stdin: stdin, stdout: stdout, stderr: stderr, log: log}
	return cmd.run(env)
}

// startCPUProfile profiles the rest of the command into path (--cpuprofile)
// and returns the function that ends the profile and closes the file.
func startCPUProfile(path string) (func(), error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

// negativeNumber reports whether arg is a number with a minus sign.
func negativeNumber(arg string) bool {
	_, err := strconv.ParseFloat(arg, 64)
	return err == nil && strings.HasPrefix(arg, "-")
}

func newLogger(level string, w io.Writer) (*slog.Logger, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		return nil, fmt.Errorf("--log-level %q: %w", level, errUsage)
	}
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: l})), nil
}

// progressLog fans a progress report out to the given sinks (nil ones
// skipped) and logs a line when a stage starts and when it ends, so that
// long work is visible also when stderr is not a terminal.
func progressLog(log *slog.Logger, sinks ...func(stage string, done, total int)) func(stage string, done, total int) {
	var last, finished string
	return func(stage string, done, total int) {
		if stage != last {
			log.Info("progress", "stage", stage, "total", total)
			last = stage
		}
		if done >= total && total > 0 && finished != stage {
			log.Info("progress", "stage", stage, "done", done, "total", total)
			finished = stage
		}
		for _, f := range sinks {
			if f != nil {
				f(stage, done, total)
			}
		}
	}
}

// progress draws a bar per stage on a terminal and stays silent otherwise;
// what is the bar's label ("索引", "评测").
func progress(stderr io.Writer, what string) func(stage string, done, total int) {
	f, ok := stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	var bar *progressbar.ProgressBar
	var barStage string
	return func(stage string, done, total int) {
		if bar == nil || barStage != stage {
			bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(stderr), progressbar.OptionSetDescription(what+" "+stage),
				progressbar.OptionShowCount(), progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
			barStage = stage
		}
		_ = bar.Set(done)
		if done >= total {
			_ = bar.Finish()
		}
	}
}
