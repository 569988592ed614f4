package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/cailiang/cailiang/api"
	"github.com/cailiang/cailiang/app"
	"github.com/cailiang/cailiang/caseanalysis"
	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
	"github.com/cailiang/cailiang/workdays"
)

// command is one subcommand: its help, its own flags and what it does.
type command struct {
	name, args string
	// help is the English line of the usage text, zh the README's.
	help, zh string
	flags    func(fs *flag.FlagSet, a *cmdArgs)
	run      func(e *runEnv) error
}

// cmdArgs holds the commands' own flags and positional arguments.
type cmdArgs struct {
	cases, allVersions     bool
	law, date, mode        string
	limit                  int
	benchmarkID, factsPath string
	sector                 string
	// transcribe, stats, document: the output file
	out string
	// document
	caseID string
	// eval
	suites, modes, fresh string
	asJSON               bool
	bigramWeight         float64
	exemplarWeight       float64
	// demo seed, stats (stats shares agency with user)
	nCases, nAgencies int
	seed              uint64
	year              int
	format, from, to  string
	// user
	userName, agency, roles string
	cert                    string
	passwordStdin           bool
	ttl                     time.Duration
	pos                     []string
}

// runEnv is what a command runs with.
type runEnv struct {
	ctx            context.Context
	opts           options
	args           cmdArgs
	stdin          io.Reader
	stdout, stderr io.Writer
	log            *slog.Logger
}

// print writes v as the HTTP API writes it (encoding/json's bytes), indented
// for a terminal: a command answers the same whether it read the data
// directory or went through a running service.
func (e *runEnv) print(v any) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return e.printRaw(raw)
}

// printRaw writes JSON exactly as received, indented.
func (e *runEnv) printRaw(raw []byte) error {
	var b bytes.Buffer
	if err := json.Indent(&b, raw, "", "  "); err != nil {
		return fmt.Errorf("print answer: %w", err)
	}
	b.WriteByte('\n')
	_, err := e.stdout.Write(b.Bytes())
	return err
}

// commands returns the command table, in the order help lists it.
func commands() []command {
	return []command{
		{name: "serve", args: "[--addr 127.0.0.1:8080]", help: "start the HTTP API and web page",
			zh: "启动 HTTP API 与网页", run: runServe},
		{name: "import", args: "statutes|cases PATH",
			help: "import national.jsonl / local.jsonl (.gz ok) or a folder of .md statutes; or cases from .jsonl, .json (array) or .csv (all or nothing)",
			zh:   "导入法规（lawrefbook JSONL，可为 .gz，或 .md 法规文件夹）或案件（.jsonl、.json 数组或 .csv；逐行校验，出错时报告行号且不写入任何数据）",
			run:  runImport},
		{name: "search", args: "[--cases] [--law L] [--all-versions] [--limit N] [--mode bm25|vector|hybrid] QUERY",
			help: "search norms (in force by default) or cases from the terminal", zh: "终端检索法规（默认仅现行有效）或案件",
			flags: func(fs *flag.FlagSet, a *cmdArgs) {
				fs.BoolVar(&a.cases, "cases", false, "search cases instead of norms")
				fs.StringVar(&a.law, "law", "", "only this law (short name)")
				fs.BoolVar(&a.allVersions, "all-versions", false, "include versions no longer in force")
				fs.IntVar(&a.limit, "limit", 10, "number of results")
				fs.StringVar(&a.mode, "mode", string(corpus.ModeBM25), "bm25, vector or hybrid")
			}, run: runSearch},
		{name: "cite", args: "[--date YYYY-MM-DD] CITATION", help: `resolve a citation such as "食品安全法第124条" and print the article`,
			zh: "解析法条引用，输出条文",
			flags: func(fs *flag.FlagSet, a *cmdArgs) {
				fs.StringVar(&a.date, "date", "", "resolve against the version in force on this date")
			}, run: runCite},
		{name: "statutes", args: "[--date YYYY-MM-DD] status",
			help: "for the core laws, the version in force today (or on --date), and every law repealed by another law",
			zh:   "核心法律的现行有效版本（或 `--date` 当日施行的版本）及被其他法律废止的法律（废止日期、废止机关法律）",
			flags: func(fs *flag.FlagSet, a *cmdArgs) {
				fs.StringVar(&a.date, "date", "", "the day to report on (default today, China time)")
			}, run: runStatutes},
		{name: "reindex", help: "rebuild the full-text index from the store", zh: "由存储重建全文索引", run: runReindex},
		{name: "compact", help: "return the space of replaced and deleted records: compact the store and the embedded vectors (not while serve runs)",
			zh: "压缩存储文件与内置向量文件，收回被替换、删除的记录占用的空间（如重新导入之后），报告压缩前后的大小；服务运行时拒绝执行", run: runCompact},
		{name: "benchmarks", args: "[--sector S] [--limit N] [QUERY]", help: "list or search the discretion benchmarks (裁量基准)",
			zh: "列出或检索裁量基准",
			flags: func(fs *flag.FlagSet, a *cmdArgs) {
				fs.StringVar(&a.sector, "sector", "", "only this sector (市场监管, 生态环境 …)")
				fs.IntVar(&a.limit, "limit", 100, "number of results")
			}, run: runBenchmarks},
		{name: "suggest", args: "--benchmark ID [--facts FILE.json|-]", help: "penalty suggestion for a benchmark and facts (JSON; stdin with -)",
			zh: "按裁量基准和案件事实计算处罚建议（`--facts -` 或省略时从标准输入读取）",
			flags: func(fs *flag.FlagSet, a *cmdArgs) {
				fs.StringVar(&a.benchmarkID, "benchmark", "", "benchmark id (see cailiang benchmarks)")
				fs.StringVar(&a.factsPath, "facts", "-", "facts JSON file, - for stdin")
			}, run: runSuggest},
		{name: "analyze", args: "[--sector S] [--input FILE|-]",
			help: "analyse case facts (plain text, or {\"facts\": …} JSON): violations, penalty ranges, transfer risk, disputes, norms, similar cases",
			zh:   "案件分析：从标准输入或文件读取案件事实（纯文本或 `{\"facts\":\"…\"}`），输出与 `POST /v1/analyze` 相同的 JSON",
			flags: func(fs *flag.FlagSet, a *cmdArgs) {
				fs.StringVar(&a.sector, "sector", "", "only violations of this sector (市场监管, 生态环境 …)")
				fs.StringVar(&a.factsPath, "input", "-", "file with the case facts, - for stdin")
			}, run: runAnalyze},
		{name: "user", args: "add ID --name 名 --agency CODE --role officer[,reviewer] [--cert 执法证号] [--password-stdin] | list | disable ID | enable ID | cert ID --cert 执法证号 | token ID [--ttl 720h] | reset-password ID",
			help:  "manage the workbench's users: add (prints the generated password), list, disable, enable, set the enforcement certificate number (empty --cert clears it), issue an API token, reset a password (not while serve holds an embedded store)",
			zh:    "管理办案工作台的用户：添加（输出生成的密码）、列出、停用、启用、设置执法证号（`--cert ''` 清除；文书打印执法人员及执法证号，签发前检查至少两名持证执法人员）、签发 API 令牌、重置密码；服务使用内嵌存储运行时拒绝执行",
			flags: userFlags, run: runUser},
		{name: "audit", args: "verify|checkpoint",
			help: "verify the full-process record (hash chain, signed checkpoints; exits 1 naming the first bad entry), or sign a checkpoint now",
			zh:   "校验全过程记录（哈希链与签名检查点；发现篡改时以非零状态退出并指出第一条不可信的记录），或立即签署检查点",
			run:  runAudit},
		{name: "demo", args: "seed [--cases 20000] [--agencies 12] [--seed 1] [--year Y]",
			help:  "generate synthetic cases (marked 模拟) with planted anomalies into the case workbench (not while serve runs)",
			zh:    "生成模拟案件（每条都标注“模拟”）及预置的异常，写入案件工作台并记入全过程记录；默认为截至今天的一年，`--year` 指定自然年；服务运行时拒绝执行",
			flags: demoFlags, run: runDemo},
		{name: "stats", args: "[--year 2025 | --from D --to D] [--agency CODE] [--format json|csv|xlsx] [--out FILE]",
			help:  "enforcement statistics of an agency or the whole city for a period, as JSON, CSV or an Excel workbook",
			zh:    "执法统计：某机关或全市在一个期间的案件、处罚决定（处理结果、领域、违法行为、金额段）、罚没金额、移送、办案期限；输出 JSON、CSV 或 Excel",
			flags: statsFlags, run: runStats},
		{name: "exchange", args: "export --agency CODE [--year Y | --from D --to D] [--format jsonl|csv] [--out FILE] | import --agency CODE FILE",
			help:  "share decisions between agencies: export an agency's decisions (natural persons' data removed) as a versioned JSONL or CSV file, or import another agency's file as read-only shared records (docs/exchange.md)",
			zh:    "机关间共享处罚决定（见 [docs/exchange.md](docs/exchange.md)）：`export` 导出本机关一个期间已作出的决定（自然人的个人信息按公示规则隐去，单位保留名称与统一社会信用代码），JSONL 或 CSV，每条记录带格式版本；`import` 把其他机关的文件导入为只读的共享记录（统计、跨机关重复违法预警可用，不成为本机关的案件），逐行校验、出错时报告行号且不写入任何数据，重复导入不作改动",
			flags: exchangeFlags, run: runExchange},
		{name: "digest", args: "[--agency CODE] [--date YYYY-MM-DD] [--format text|json]",
			help:  "the daily digest of an agency (or the city): new warnings, cases near or past their deadline, reviews waiting, publications due, the week against the week before; the one serve kept that day, else made now",
			zh:    "每日简报：某机关（或全市）的新预警（原因与案件）、临近或超过办案期限的案件、待法制审核、待公示与超期公示、本周与上周的数字；有服务当日保存的简报时输出它，否则即时生成",
			flags: digestFlags, run: runDigest},
		{name: "workdays", args: "add DATE N | is DATE | between FROM TO | range",
			help: "working days (State Council holiday schedule with 调休, plus --holidays): the deadline N working days after DATE, whether DATE is a working day, the working days after FROM up to TO, the known range",
			zh:   "工作日计算（国务院节假日安排含调休，加 `--holidays` 覆盖文件）：`add` 事件当日之后第 N 个工作日（期限届满日，当日不计入）、`is` 是否工作日、`between` 两日之间的工作日数、`range` 已知安排的范围",
			run:  runWorkdays},
		{name: "transcribe", args: "[--out text|json] FILE",
			help: "transcribe a recording (WAV, MP3, M4A, AMR …) through the configured engine (--asr-url) and print a draft inquiry record",
			zh:   "转写录音（WAV、MP3、M4A、AMR 等，经 ffmpeg 转换）：调用 `--asr-url` 配置的语音识别服务，输出带时间的询问笔录草稿（问/答交替，由执法人员更正）；`--out json` 输出转写结果（带时间的 segments、模型、录音摘要）、笔录草稿与提取的事实及其在录音中的时间段",
			flags: func(fs *flag.FlagSet, a *cmdArgs) {
				fs.StringVar(&a.out, "out", "text", "text or json")
			}, run: runTranscribe},
		{name: "document", args: "KIND (--case ID | --facts FILE) --out FILE.docx|.pdf",
			help:  "draft an enforcement document (filing, notice, hearing-notice, review, decision, no-penalty, transfer, service) of a workbench case or a document input file, marked 草稿; prints what the checks found",
			zh:    "生成执法文书草稿（`filing` 立案审批表、`notice` 行政处罚告知书、`hearing-notice` 听证告知书、`review` 法制审核意见书、`decision` 行政处罚决定书、`no-penalty` 不予行政处罚决定书、`transfer` 涉嫌犯罪案件移送书、`service` 送达回证）：取自工作台案件（`--case`）或文书要素 JSON（`--facts`），标注“草稿”，输出签发前检查发现的问题；签发（编文号）在工作台进行",
			flags: documentFlags, run: runDocument},
		{name: "eval", args: "[--suites a,b] [--modes bm25,vector,hybrid] [--json] [--bigram-weight W] [--exemplar-weight W] [--fresh F1,F2]",
			help:  "measure search and analysis quality on labelled sets through the service's own wiring (docs/search.md, docs/analysis.md)",
			zh:    "评测：自建法规检索集、LawBench、LeCaRD、CAIL2019-SCM、自建行政案件场景集、向量索引质量，经与服务相同的组装运行，输出 markdown 表（见 docs/search.md、docs/analysis.md）；`--exemplar-weight` 设定案情分析的“已标注案例相似度”投票的权重（默认为随程序提供的权重 1，按初见案例选定；0 或负数为不投票），`--fresh` 指定初见案例文件供 `exemplar-fresh` 套件比较有无该投票",
			flags: evalFlags, run: runEval},
	}
}

// serviceBusy is the answer to a write while a service holds the data.
func serviceBusy(dataDir string, s app.Service, what string) error {
	return fmt.Errorf("数据目录 %s 正由运行中的 cailiang serve 使用（进程 %d，地址 %s）：请先停止该服务（Ctrl+C 或 kill %d）再执行 %s，或用 --data 指定其他数据目录",
		dataDir, s.PID, s.Addr, s.PID, what)
}

// explainOpen turns a lock conflict into a message that says what to do.
func explainOpen(err error, dataDir string) error {
	if errors.Is(err, corpus.ErrBusy) {
		return fmt.Errorf("数据目录 %s 正被另一个 cailiang 进程使用（例如导入或重建索引）：请等它结束后再试，或用 --data 指定其他数据目录: %w", dataDir, err)
	}
	return err
}

// refuseServed refuses a command that writes at once when a service holds
// the data directory.
func (e *runEnv) refuseServed(what string) error {
	if s, ok := app.RunningService(e.opts.app.DataDir); ok {
		return serviceBusy(e.opts.app.DataDir, s, what)
	}
	return nil
}

// openWrite opens the data directory for a command that writes, refusing
// at once when a service holds it.
func (e *runEnv) openWrite(what string, parts app.Parts) (*app.App, error) {
	if err := e.refuseServed(what); err != nil {
		return nil, err
	}
	a, err := app.Open(e.ctx, e.opts.app, parts)
	return a, explainOpen(err, e.opts.app.DataDir)
}

// openRead returns a client of the service running on the data directory,
// or else the data directory opened read-only.
func (e *runEnv) openRead(parts app.Parts) (*serviceClient, *app.App, error) {
	if s, ok := app.RunningService(e.opts.app.DataDir); ok {
		if c, err := dialService(e.ctx, s); err == nil {
			e.log.Debug("answering through the running service", "addr", s.Addr, "pid", s.PID)
			return c, nil, nil
		}
	}
	a, err := app.Open(e.ctx, e.opts.app, parts)
	if errors.Is(err, app.ErrNoData) && parts&(app.PartIndex|app.PartAnalyzer) != 0 {
		// A data directory that does not exist yet has nothing to protect:
		// it is set up as the service's first start sets it up (sample
		// cases, embedder), so that analysis and search work on a fresh
		// machine with one command.
		e.log.Info("数据目录还没有数据：按服务首次启动的方式初始化（载入内置示例案件）", "dir", e.opts.app.DataDir)
		a, err = app.Open(e.ctx, e.opts.app, app.ForServe)
	}
	return nil, a, explainOpen(err, e.opts.app.DataDir)
}

// runServe listens at once and opens the data behind the listener: a
// first import of the national statutes when the directory has none, index
// repair, the embedder; /readyz says how far it has got and other requests
// get 503 until everything is open.
func runServe(e *runEnv) error {
	if err := checkListenAddr(e.opts.addr, e.opts.allowRemote); err != nil {
		return err
	}
	dir := e.opts.app.DataDir
	if s, ok := app.RunningService(dir); ok {
		return fmt.Errorf("数据目录 %s 已有服务在运行（进程 %d，地址 %s）", dir, s.PID, s.Addr)
	}
	files, err := e.firstImportFiles()
	if err != nil {
		return err
	}
	// A bad override file stops serve before it listens: deadlines counted
	// on a calendar the agency did not mean are worse than no service.
	cal, err := app.Calendar(e.opts.app)
	if err != nil {
		return err
	}
	// So does a template directory with a broken template.
	gen, err := app.Documents(e.opts.app)
	if err != nil {
		return err
	}
	digestAt, digests, err := e.opts.parseDigestAt()
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", e.opts.addr)
	if err != nil {
		return fmt.Errorf("listen %s: %w", e.opts.addr, err)
	}
	addr := ln.Addr().String()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		ln.Close()
		return fmt.Errorf("data directory %s: %w", dir, err)
	}
	sp, err := app.OpenSpeech(e.opts.app, true)
	if err != nil {
		ln.Close()
		return err
	}
	defer sp.Close()
	if !sp.Configured() {
		e.log.Info("transcription off: no --asr-url (CAILIANG_ASR_URL)")
	}
	// One scheduler processor more than analyses use: see
	// api.ReserveNetworkProcessor. Before the server is built, which reads
	// the width of analysis admission from it.
	restoreProcs := api.ReserveNetworkProcessor()
	defer restoreProcs()
	srv := api.NewLoading(api.Config{Logger: e.log, Version: version, Web: e.opts.webConfig(),
		RequestTimeout: e.opts.requestTimeout, MaxConcurrent: e.opts.maxConcurrent, AnalysisConcurrent: e.opts.analysisConcurrent,
		Calendar: cal, Speech: sp, Documents: gen})
	ctx, cancel := context.WithCancel(e.ctx)
	defer cancel()
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ctx, ln) }()
	// Announced at once, so that other commands on this directory ask the
	// service (and hear that it is loading) instead of meeting its lock.
	withdraw, err := app.AnnounceService(dir, app.Service{PID: os.Getpid(), Addr: addr, Version: version})
	if err != nil {
		cancel()
		<-served
		return err
	}
	defer withdraw()
	e.log.Info("listening", "addr", addr, "ready", false)
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok && !tcp.IP.IsLoopback() {
		e.log.Warn("服务监听非本机地址（--allow-remote）：写入须登录，但只读接口对能访问该地址的人开放，且没有 TLS", "addr", addr)
	}

	cfg := e.opts.app
	cfg.Progress = progressLog(e.log, srv.SetProgress, progress(e.stderr, "载入"))
	a, err := openForServe(ctx, cfg, files, srv.SetProgress, e.log)
	if err != nil && e.ctx.Err() != nil {
		// Stopped (SIGTERM, Ctrl-C) while loading: a clean stop, not a
		// failure; what was imported stays and the next start goes on.
		e.log.Info("stopped while loading", "reason", err)
		cancel()
		return <-served
	}
	if err != nil {
		srv.Failed(err)
		cancel()
		<-served
		return explainOpen(err, dir)
	}
	defer a.Close()
	// Deferred after Close, so the checkpointer stops before the store closes.
	defer a.Casework.StartCheckpoints(ctx)()
	if digests {
		defer a.Casework.StartDigests(ctx, digestAt, nil)()
	}
	// Stopped while loading: the first admin waits for the next start.
	if err := e.firstAdmin(ctx, a.Casework.Service, addr); err != nil && ctx.Err() == nil {
		srv.Failed(err)
		cancel()
		<-served
		return err
	}
	srv.Ready(a)
	e.log.Info("ready", "addr", addr)
	return <-served
}

// openForServe imports the first statutes when the directory has none,
// then opens it as the service runs it.
func openForServe(ctx context.Context, cfg app.Config, files []string, stage func(string, int, int), log *slog.Logger) (*app.App, error) {
	if len(files) > 0 {
		stage("首次导入法规", 0, len(files))
		imported, err := app.ImportIfEmpty(ctx, cfg, files)
		if err != nil {
			return nil, fmt.Errorf("首次导入法规: %w", err)
		}
		if imported {
			log.Info("first start: statutes imported", "files", files)
		}
	}
	stage("打开数据目录", 0, 1)
	return app.Open(ctx, cfg, app.ForServe|app.PartCasework)
}

// firstImportFiles resolves --first-import: the national statute files of
// the public data folder that exist (auto), none, or the files given.
func (e *runEnv) firstImportFiles() ([]string, error) {
	switch v := strings.TrimSpace(e.opts.firstImport); v {
	case firstImportNone, "":
		return nil, nil
	case firstImportAuto:
		var out []string
		for _, name := range []string{"national.jsonl", "national_updates.jsonl"} {
			p := filepath.Join(e.opts.publicData, "statutes_lawrefbook", name)
			if _, err := os.Stat(p); err == nil {
				out = append(out, p)
			}
		}
		return out, nil
	default:
		var out []string
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p == "" {
				continue
			}
			if _, err := os.Stat(p); err != nil {
				return nil, fmt.Errorf("--first-import: %w: %w", err, errUsage)
			}
			out = append(out, p)
		}
		return out, nil
	}
}

func runImport(e *runEnv) error {
	pos := e.args.pos
	if len(pos) != 2 || (pos[0] != "statutes" && pos[0] != "cases") {
		return fmt.Errorf("import statutes|cases PATH: %w", errUsage)
	}
	a, err := e.openWrite("import", app.ForImport)
	if err != nil {
		return err
	}
	defer a.Close()
	if pos[0] == "statutes" {
		rep, err := a.ImportStatutes(e.ctx, pos[1])
		if err != nil {
			return err
		}
		return e.print(rep)
	}
	n, err := a.ImportCases(e.ctx, pos[1])
	if err != nil {
		return err
	}
	return e.print(map[string]int{"imported": n})
}

func runReindex(e *runEnv) error {
	a, err := e.openWrite("reindex", app.ForImport)
	if err != nil {
		return err
	}
	defer a.Close()
	n, c, err := a.Reindex(e.ctx)
	if err != nil {
		return err
	}
	return e.print(map[string]uint64{"articles": n, "cases": c})
}

func runCompact(e *runEnv) error {
	if err := e.refuseServed("compact"); err != nil {
		return err
	}
	files, err := app.Compact(e.opts.app)
	if err != nil {
		return explainOpen(err, e.opts.app.DataDir)
	}
	return e.print(map[string]any{"files": files})
}

func runSearch(e *runEnv) error {
	q := strings.Join(e.args.pos, " ")
	if strings.TrimSpace(q) == "" {
		return fmt.Errorf("search QUERY: %w", errUsage)
	}
	x := e.args
	mode, err := corpus.ParseSearchMode(x.mode)
	if err != nil {
		return fmt.Errorf("search --mode: %v: %w", err, errUsage)
	}
	nq := corpus.NormQuery{Q: q, Law: x.law, Limit: x.limit}
	if !x.allVersions {
		t := true
		nq.InForce = &t
	}
	cq := corpus.CaseQuery{Q: q, Limit: x.limit}
	svc, a, err := e.openRead(app.ForSearch)
	if err != nil {
		return err
	}
	if svc != nil {
		raw, err := svc.search(e.ctx, x.cases, nq, mode)
		if err != nil {
			return err
		}
		return e.printRaw(raw)
	}
	var res any
	switch {
	case x.cases:
		defer a.Close()
		res, err = a.Library.SearchCases(e.ctx, cq, mode)
	default:
		defer a.Close()
		res, err = a.Library.SearchNorms(e.ctx, nq, mode)
	}
	if err != nil {
		return err
	}
	return e.print(res)
}

func runCite(e *runEnv) error {
	if len(e.args.pos) == 0 {
		return fmt.Errorf("cite CITATION: %w", errUsage)
	}
	citation := strings.Join(e.args.pos, "")
	if err := checkDateFlag("cite", e.args.date); err != nil {
		return err
	}
	svc, a, err := e.openRead(app.ForCite)
	if err != nil {
		return err
	}
	if svc != nil {
		raw, err := svc.resolve(e.ctx, citation, e.args.date)
		if err != nil {
			return err
		}
		return e.printRaw(raw)
	}
	defer a.Close()
	res, err := a.Resolver().Resolve(citation, e.args.date)
	if err != nil {
		return err
	}
	return e.print(res)
}

// checkDateFlag rejects a --date that is not YYYY-MM-DD (dates compare as
// strings downstream, so a malformed one would silently pick a version).
func checkDateFlag(cmd, date string) error {
	if date == "" {
		return nil
	}
	if _, err := time.Parse(time.DateOnly, date); err != nil {
		return fmt.Errorf("%s --date %q: 日期格式应为 YYYY-MM-DD: %w", cmd, date, errUsage)
	}
	return nil
}

func runStatutes(e *runEnv) error {
	if len(e.args.pos) != 1 || e.args.pos[0] != "status" {
		return fmt.Errorf("statutes status: %w", errUsage)
	}
	if err := checkDateFlag("statutes status", e.args.date); err != nil {
		return err
	}
	date := e.args.date
	if date == "" {
		date = corpus.Today()
	}
	svc, a, err := e.openRead(app.ForCite)
	if err != nil {
		return err
	}
	if svc != nil {
		var raw json.RawMessage
		if err := svc.do(e.ctx, http.MethodGet, "/v1/statutes/status?date="+url.QueryEscape(date), nil, &raw); err != nil {
			return err
		}
		return e.printRaw(raw)
	}
	defer a.Close()
	cat, err := app.Catalog()
	if err != nil {
		return err
	}
	return e.print(a.Resolver().Status(app.CoreLaws(cat), date))
}

func runBenchmarks(e *runEnv) error {
	cat, err := app.Catalog()
	if err != nil {
		return err
	}
	query := strings.Join(e.args.pos, " ")
	type row struct {
		ID     string  `json:"id"`
		Name   string  `json:"name"`
		Sector string  `json:"sector"`
		Score  float64 `json:"score"`
	}
	out := []row{}
	// A keyword search needs the legal segmenter; a listing does not.
	var seg nlp.Segmenter
	if strings.TrimSpace(query) != "" {
		if seg, err = app.Segmenter(e.opts.app); err != nil {
			return err
		}
	}
	for _, h := range cat.Search(query, seg, legal.Sector(e.args.sector), e.args.limit) {
		out = append(out, row{ID: h.Benchmark.ID, Name: h.Benchmark.Name, Sector: string(h.Benchmark.Sector), Score: h.Score})
	}
	return e.print(out)
}

// runWorkdays answers working-day questions from the calendar alone (no
// data directory).
func runWorkdays(e *runEnv) error {
	cal, err := app.Calendar(e.opts.app)
	if err != nil {
		return err
	}
	pos := e.args.pos
	arity := map[string]int{"add": 3, "is": 2, "between": 3, "range": 1}
	if len(pos) == 0 || arity[pos[0]] != len(pos) {
		return fmt.Errorf("workdays add DATE N | is DATE | between FROM TO | range: %w", errUsage)
	}
	dateArgs := pos[1:]
	if pos[0] == "add" {
		dateArgs = pos[1:2]
	}
	dates := make([]time.Time, 0, 2)
	for _, s := range dateArgs {
		d, err := workdays.ParseDate(s)
		if err != nil {
			return err
		}
		dates = append(dates, d)
	}
	switch pos[0] {
	case "add":
		n, err := strconv.Atoi(pos[2])
		if err != nil {
			return fmt.Errorf("工作日数 %q 应为整数: %w", pos[2], errUsage)
		}
		d, err := cal.AddWorkdays(dates[0], n)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintln(e.stdout, workdays.FormatDate(d))
		return err
	case "is":
		work, err := cal.IsWorkday(dates[0])
		if err != nil {
			return err
		}
		_, err = fmt.Fprintln(e.stdout, work)
		return err
	case "between":
		n, err := cal.WorkdaysBetween(dates[0], dates[1])
		if err != nil {
			return err
		}
		_, err = fmt.Fprintln(e.stdout, n)
		return err
	}
	first, last := cal.Range()
	_, err = fmt.Fprintln(e.stdout, workdays.FormatDate(first), workdays.FormatDate(last))
	return err
}

func runSuggest(e *runEnv) error {
	if e.args.benchmarkID == "" {
		return fmt.Errorf("suggest --benchmark ID: %w", errUsage)
	}
	raw, err := readInput(e.stdin, e.args.factsPath, 1<<20)
	if err != nil {
		return fmt.Errorf("read facts: %w", err)
	}
	facts, err := rules.DecodeFacts(raw)
	if err != nil {
		return err
	}
	cat, err := app.Catalog()
	if err != nil {
		return err
	}
	if rules.IsProvisionID(e.args.benchmarkID) {
		// A provision-level violation of analyze (prov:…).
		ps, err := rules.LoadBuiltinProvisions(cat)
		if err != nil {
			return err
		}
		if cat, err = rules.ProvisionCatalog(cat, ps); err != nil {
			return err
		}
	}
	sug, err := cat.Suggest(e.args.benchmarkID, facts)
	if err != nil {
		return err
	}
	return e.print(sug)
}

func runAnalyze(e *runEnv) error {
	raw, err := readInput(e.stdin, e.args.factsPath, 4<<20)
	if err != nil {
		return fmt.Errorf("read facts: %w", err)
	}
	req, err := analyzeRequest(raw)
	if err != nil {
		return err
	}
	if e.args.sector != "" {
		req.Sector = legal.Sector(e.args.sector)
	}
	svc, a, err := e.openRead(app.ForAnalyze)
	if err != nil {
		return err
	}
	if svc != nil {
		raw, err := svc.analyze(e.ctx, req)
		if err != nil {
			return err
		}
		return e.printRaw(raw)
	}
	defer a.Close()
	res, err := a.Analyzer.Analyze(e.ctx, req)
	if err != nil {
		return err
	}
	return e.print(res)
}

func readInput(stdin io.Reader, path string, limit int64) ([]byte, error) {
	if path == "-" {
		return io.ReadAll(io.LimitReader(stdin, limit))
	}
	return os.ReadFile(path)
}

// analyzeRequest reads the facts to analyse: a JSON request object
// ({"facts": "…", "sector": "…"}) or plain text.
func analyzeRequest(raw []byte) (caseanalysis.Request, error) {
	var req caseanalysis.Request
	if trimmed := strings.TrimSpace(string(raw)); strings.HasPrefix(trimmed, "{") {
		dec := json.NewDecoder(strings.NewReader(trimmed))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&req); err != nil {
			return caseanalysis.Request{}, fmt.Errorf("read facts: not a valid analysis request: %w", err)
		}
		return req, nil
	}
	req.Facts = string(raw)
	return req, nil
}
