package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/cailiang/cailiang/api"
	"github.com/cailiang/cailiang/app"
	"github.com/cailiang/cailiang/casework"
)

// options is everything a command line can set: the app's configuration
// and what only the command line itself uses.
type options struct {
	app      app.Config
	logLevel string
	// warnings is the early-warning thresholds' JSON (parseWarnings).
	warnings string
	// publicationRules is the agencies' publication rules' JSON
	// (parsePublicationRules).
	publicationRules string
	// actCategories is the configured categories of enforcement acts, JSON
	// or a file (parseActCategories).
	actCategories string
	// digestAt is when serve makes the day's digests, HH:MM local time or
	// "off" (parseDigestAt).
	digestAt string
	// addr is where serve listens.
	addr string
	// allowRemote lets serve listen on a non-loopback address (bind.go).
	allowRemote bool
	// allowedHosts is the comma-separated list of extra Host names.
	allowedHosts string
	// web is serve's browser-facing safeguards (allowed hosts filled in
	// from allowedHosts by serve).
	web api.WebConfig
	// publicData is the public data folder eval reads labelled sets from
	// and serve imports statutes from on first start.
	publicData string
	// firstImport says what serve imports into a directory without
	// statutes (firstImportAuto, firstImportNone or files).
	firstImport string
	// requestTimeout, maxConcurrent and analysisConcurrent bound serve's
	// requests (api.Config).
	requestTimeout     time.Duration
	maxConcurrent      int
	analysisConcurrent int
	// cpuProfile is the file a CPU profile of the whole command is
	// written to (empty: none), for measuring imports and start-ups.
	cpuProfile string
	// coreProfile is the file the scheduler's busy goroutines are
	// sampled into (empty: none), for how many cores each phase can use.
	coreProfile string
}

// Values of --first-import besides a list of files.
const (
	firstImportAuto = "auto"
	firstImportNone = "none"
)

// setting is one configuration value, defined once: its flag, environment
// variable, default and help. The usage text and the README table are made
// from these (README checked by TestREADMESettings).
type setting struct {
	flag, env, def string
	// arg names the value in help ("DIR"); empty for a boolean switch.
	arg string
	// help is the English usage text, zh the README's Chinese description.
	help, zh string
	// only lists the commands the setting belongs to; empty: every command
	// that opens a data directory.
	only []string
	// secret keeps the environment's value out of help: the flag's shown
	// default stays def, the value from env is set after registration.
	secret bool
	// hidden keeps a developer's setting out of the help text and the
	// README table; the flag still parses.
	hidden bool
	// bind registers the flag on fs, storing into o.
	bind func(fs *flag.FlagSet, o *options, name, def, usage string)
}

func stringSetting(field func(*options) *string) func(*flag.FlagSet, *options, string, string, string) {
	return func(fs *flag.FlagSet, o *options, name, def, usage string) { fs.StringVar(field(o), name, def, usage) }
}

func intSetting(field func(*options) *int) func(*flag.FlagSet, *options, string, string, string) {
	return func(fs *flag.FlagSet, o *options, name, def, usage string) {
		n, _ := strconv.Atoi(def)
		fs.IntVar(field(o), name, n, usage)
	}
}

func durationSetting(field func(*options) *time.Duration) func(*flag.FlagSet, *options, string, string, string) {
	return func(fs *flag.FlagSet, o *options, name, def, usage string) {
		d, _ := time.ParseDuration(def)
		fs.DurationVar(field(o), name, d, usage)
	}
}

func boolSetting(field func(*options) *bool) func(*flag.FlagSet, *options, string, string, string) {
	return func(fs *flag.FlagSet, o *options, name, def, usage string) {
		fs.BoolVar(field(o), name, def == "true", usage)
	}
}

// settings returns the configuration table, in the order help lists it.
func settings() []setting {
	return []setting{
		{flag: "data", env: "CAILIANG_DATA_DIR", def: "data", arg: "DIR",
			help: "data directory: store, indexes, vectors, embedder model",
			zh:   "数据目录：`cailiang.db`（bbolt 存储）、`index/`（bleve 索引）、`vectors/`（内嵌向量库）、`embed/`（本地嵌入模型）",
			bind: stringSetting(func(o *options) *string { return &o.app.DataDir })},
		{flag: "data", env: "CAILIANG_EVAL_DIR", def: filepath.Join("data", "eval"), arg: "DIR", only: []string{"eval"},
			help: "eval data directory (statutes imported on first use)",
			zh:   "评测用的数据目录（首次运行依次导入 national.jsonl、national_updates.jsonl）",
			bind: stringSetting(func(o *options) *string { return &o.app.DataDir })},
		{flag: "shared", env: "CAILIANG_DATA", def: filepath.Join("..", "shared", "data"), arg: "DIR", only: []string{"serve", "eval"},
			help: "public data folder: statutes and labelled datasets (tests read the same setting)",
			zh:   "公开数据目录（法规库与标注数据集，测试也读取这一设置）；serve 首次启动时从这里导入全国法规",
			bind: stringSetting(func(o *options) *string { return &o.publicData })},
		{flag: "cache-dir", env: "CAILIANG_CACHE_DIR", def: "", arg: "DIR",
			help: "cache for files derived from the binary (segmenter dictionaries); default: the user's cache directory",
			zh:   "由程序本身派生的缓存（分词词典）；默认为用户缓存目录（如 `~/.cache/cailiang`）",
			bind: stringSetting(func(o *options) *string { return &o.app.CacheDir })},
		{flag: "addr", env: "CAILIANG_ADDR", def: "127.0.0.1:8080", arg: "HOST:PORT", only: []string{"serve"},
			help: "listen address",
			zh:   "监听地址（仅 serve）",
			bind: stringSetting(func(o *options) *string { return &o.addr })},
		{flag: "first-import", env: "CAILIANG_FIRST_IMPORT", def: firstImportAuto, arg: "FILES", only: []string{"serve"},
			help: "statutes imported in the background when the data directory has none: auto (national.jsonl, then national_updates.jsonl, from --shared when present), none, or comma-separated files",
			zh:   "数据目录中还没有法规时在后台导入的法规文件：`auto`（公开数据目录中的 national.jsonl、national_updates.jsonl，存在时）、`none`，或以逗号分隔的文件",
			bind: stringSetting(func(o *options) *string { return &o.firstImport })},
		{flag: "allow-remote", env: "CAILIANG_ALLOW_REMOTE", def: "false", only: []string{"serve"},
			help: "listen on a non-loopback address: every write and every case needs a token, but statute search and analysis are open to whoever reaches it, and there is no TLS",
			zh:   "允许监听非本机地址（如 `0.0.0.0:8080`）：写入与办案须登录（令牌），但法规检索、案件分析等只读接口对能访问该地址的人开放，且没有 TLS，只在可信网络中或 HTTPS 反向代理之后使用",
			bind: boolSetting(func(o *options) *bool { return &o.allowRemote })},
		{flag: "allowed-hosts", env: "CAILIANG_ALLOWED_HOSTS", def: "", arg: "HOSTS", only: []string{"serve"},
			help: "comma-separated Host names (name or name:port) answered besides 127.0.0.1, localhost, [::1] and the listen address",
			zh:   "除 127.0.0.1、localhost、[::1] 与监听地址外允许的主机名，逗号分隔（`名称` 或 `名称:端口`）；其他 Host 一律拒绝（防 DNS 重绑定），修改请求的 Origin 也须在其中",
			bind: stringSetting(func(o *options) *string { return &o.allowedHosts })},
		{flag: "write-rate", env: "CAILIANG_WRITE_RATE", def: strconv.Itoa(api.DefaultWritesPerMinute), arg: "N", only: []string{"serve"},
			help: "state-changing requests per minute per client IP (0: no limit)",
			zh:   "每个客户端（按 IP）每分钟的写入请求上限，超出答 429 并带 Retry-After；0 为不限。本机回环客户端默认不限（见 `--rate-limit-loopback`）",
			bind: intSetting(func(o *options) *int { return &o.web.WritesPerMinute })},
		{flag: "read-rate", env: "CAILIANG_READ_RATE", def: strconv.Itoa(api.DefaultReadsPerMinute), arg: "N", only: []string{"serve"},
			help: "expensive reads (norm and case search, analysis, citation resolution) per minute per client IP (0: no limit)",
			zh:   "每个客户端每分钟的检索、案件分析、引用解析请求上限；0 为不限",
			bind: intSetting(func(o *options) *int { return &o.web.ReadsPerMinute })},
		{flag: "rate-limit-loopback", env: "CAILIANG_RATE_LIMIT_LOOPBACK", def: "false", only: []string{"serve"},
			help: "apply the rate limits to loopback clients too (set behind a reverse proxy on the same host)",
			zh:   "对本机回环客户端也限流（默认不限：本机客户端是操作者本人，如命令行与性能测量的 50 个客户端；同机反向代理之后应打开）",
			bind: boolSetting(func(o *options) *bool { return &o.web.LimitLoopback })},
		{flag: "request-timeout", env: "CAILIANG_REQUEST_TIMEOUT", def: api.DefaultRequestTimeout.String(), arg: "DURATION", only: []string{"serve"},
			help: "deadline of each request; work cut short answers 503",
			zh:   "每个请求的时限（如 `5s`），超时的检索返回 503（仅 serve）",
			bind: durationSetting(func(o *options) *time.Duration { return &o.requestTimeout })},
		{flag: "max-concurrent", env: "CAILIANG_MAX_CONCURRENT", def: strconv.Itoa(api.DefaultMaxConcurrent), arg: "N", only: []string{"serve"},
			help: "searches and sign-ins run at once; more wait up to 1s, then get 429 with Retry-After",
			zh:   "同时进行的检索与登录上限；其余请求最多等待 1 秒，之后返回 429 并带 Retry-After（仅 serve）",
			bind: intSetting(func(o *options) *int { return &o.maxConcurrent })},
		{flag: "analysis-concurrent", env: "CAILIANG_ANALYSIS_CONCURRENT", def: "0", arg: "N", only: []string{"serve"},
			help: "case analyses run at once; 0: one per core (the service keeps one more scheduler processor for the network); more wait up to 1s, then get 429",
			zh:   "同时进行的案情分析上限；0 表示每个处理器核一个（服务另留一个调度处理器收发网络请求）；其余请求最多等待 1 秒，之后返回 429（仅 serve）",
			bind: intSetting(func(o *options) *int { return &o.analysisConcurrent })},
		{flag: "audit-key", env: "CAILIANG_AUDIT_KEY", def: "", arg: "FILE", only: []string{"serve", "audit"},
			help: "ed25519 key (hex seed) that signs audit checkpoints; default <data>/audit.key, created 0600 on first start; nodes sharing a log share one key",
			zh:   "签署全过程记录检查点的 ed25519 密钥文件（十六进制种子）；默认为数据目录下的 `audit.key`，首次启动时创建（权限 0600）；共用一个数据库的多个节点须共用同一密钥，指定的文件必须已存在",
			bind: stringSetting(func(o *options) *string { return &o.app.Casework.AuditKey })},
		{flag: "checkpoint-every", env: "CAILIANG_CHECKPOINT_EVERY", def: "1000", arg: "N", only: []string{"serve"},
			help: "sign an audit checkpoint after this many new log entries",
			zh:   "每新增多少条全过程记录签署一次检查点",
			bind: intSetting(func(o *options) *int { return &o.app.Casework.CheckpointEvery })},
		{flag: "checkpoint-interval", env: "CAILIANG_CHECKPOINT_INTERVAL", def: "10m0s", arg: "DURATION", only: []string{"serve"},
			help: "sign an audit checkpoint at least this often while entries are new",
			zh:   "有新记录时至少每隔多久签署一次检查点（与条数先到者为准）",
			bind: durationSetting(func(o *options) *time.Duration { return &o.app.Casework.CheckpointInterval })},
		{flag: "act-categories", env: "CAILIANG_ACT_CATEGORIES", def: "", arg: "JSON|FILE", only: []string{"serve", "stats", "digest"},
			help: `categories of enforcement acts besides 行政许可, 行政强制, 行政征收, 行政检查, as JSON or a JSON file: {"city":[{"code":"confirmation","label":"行政确认"}],"agencies":{"CODE":[…]}}`,
			zh:   "行政许可、行政强制、行政征收、行政检查之外的执法类别（JSON 或 JSON 文件，如 `{\"city\":[{\"code\":\"confirmation\",\"label\":\"行政确认\"}],\"agencies\":{\"机关代码\":[…]}}`：全市各机关都有的类别与某机关自己的类别；统计按类别计数）",
			bind: stringSetting(func(o *options) *string { return &o.actCategories })},
		{flag: "digest-at", env: "CAILIANG_DIGEST_AT", def: "07:00", arg: "HH:MM", only: []string{"serve"},
			help: "make and keep each agency's daily digest at this local time (off: never); several nodes on one PostgreSQL keep one per agency and day",
			zh:   "每天在这一本地时间生成并保存各机关与全市的每日简报，通知机关负责人（`off` 关闭）；共用 PostgreSQL 的多个节点每个机关每天只保存一份",
			bind: stringSetting(func(o *options) *string { return &o.digestAt })},
		{flag: "max-evidence-mb", env: "CAILIANG_MAX_EVIDENCE_MB", def: "100", arg: "N", only: []string{"serve"},
			help: "largest evidence file accepted, in MiB",
			zh:   "证据文件大小上限（MiB）",
			bind: intSetting(func(o *options) *int { return &o.app.Casework.MaxEvidenceMB })},
		{flag: "warnings", env: "CAILIANG_WARNINGS", def: "", arg: "JSON|FILE", only: []string{"serve", "stats", "digest"},
			help: `early-warning thresholds as JSON or a JSON file, e.g. {"near_days":10,"agencies":{"CODE":{"dispersion_z":3}}} (docs/oversight.md; unset fields inherit the city's, then the defaults)`,
			zh:   "预警阈值（JSON 或 JSON 文件，如 `{\"near_days\":10,\"agencies\":{\"机关代码\":{\"dispersion_z\":3}}}`：全市设置及各机关的设置；未写的项依次取全市设置、默认值，见 docs/oversight.md）",
			bind: stringSetting(func(o *options) *string { return &o.warnings })},
		{flag: "review-days", env: "CAILIANG_REVIEW_DAYS", def: strconv.Itoa(casework.DefaultReviewDays), arg: "N", only: []string{"serve"},
			help: "legal review (法制审核) deadline in working days from submission",
			zh:   "法制审核期限：自提交审核起的工作日数（各省规定多为 7 个工作日）",
			bind: intSetting(func(o *options) *int { return &o.app.Casework.ReviewDays })},
		{flag: "review-extend-days", env: "CAILIANG_REVIEW_EXTEND_DAYS", def: strconv.Itoa(casework.DefaultReviewExtendDays), arg: "N", only: []string{"serve"},
			help: "working days one extension of the legal review adds",
			zh:   "法制审核期限可延长一次的工作日数",
			bind: intSetting(func(o *options) *int { return &o.app.Casework.ReviewExtendDays })},
		{flag: "province", env: "CAILIANG_PROVINCE", def: "", arg: "CODE", only: []string{"serve"},
			help: "two-digit administrative code of the agencies' province (e.g. 34); a party whose credit code or ID number names another province gets the publication rule's push_days + remote_days",
			zh:   "本机关所在省份的两位行政区划代码（如 `34` 安徽）；当事人统一社会信用代码或身份证号码显示登记地在外省的，公示期限按公示规则的 `push_days` + `remote_days` 计算（市场监管为 10+10 个工作日）；机关的公示规则可另设 `province`",
			bind: stringSetting(func(o *options) *string { return &o.app.Casework.Province })},
		{flag: "publication-rules", env: "CAILIANG_PUBLICATION_RULES", def: "", arg: "JSON", only: []string{"serve"},
			help: `publication rules of agencies that set none in the workbench, by agency code ("*": every other), e.g. {"*":{"days":20,"push_days":10,"remote_days":10,"skip_warnings":true,"small_fine_org":10000}}`,
			zh:   "未在工作台设置公示规则的机关所用的规则（JSON，按机关代码，`*` 为其余机关），如 `{\"*\":{\"days\":20,\"push_days\":10,\"remote_days\":10,\"skip_warnings\":true,\"small_fine_org\":10000}}`；字段见下文“行政执法公示”；未设置时为决定之日起 7 个工作日",
			bind: stringSetting(func(o *options) *string { return &o.publicationRules })},
		{flag: "evidence-s3", env: "CAILIANG_EVIDENCE_S3", def: "", arg: "URL", only: []string{"serve"},
			help: "S3-compatible bucket for evidence files, https://host/bucket/prefix (MinIO, Ceph RGW, cloud object storage); default: <data>/evidence",
			zh:   "证据文件存放的 S3 兼容存储桶，形如 `https://s3.example.gov.cn/bucket/prefix`（MinIO、Ceph RGW、云厂商对象存储；https 即 TLS）；为空时存放在数据目录下的 `evidence/`；多节点共用 PostgreSQL 时各节点须指向同一存储桶",
			bind: stringSetting(func(o *options) *string { return &o.app.Casework.EvidenceS3.URL })},
		{flag: "evidence-s3-access-key", env: "CAILIANG_EVIDENCE_S3_ACCESS_KEY", def: "", arg: "KEY", only: []string{"serve"},
			help: "access key of the evidence bucket",
			zh:   "证据存储桶的访问密钥 ID（Access Key）",
			bind: stringSetting(func(o *options) *string { return &o.app.Casework.EvidenceS3.AccessKey })},
		{flag: "evidence-s3-secret-key", env: "CAILIANG_EVIDENCE_S3_SECRET_KEY", def: "", arg: "KEY", only: []string{"serve"}, secret: true,
			help: "secret key of the evidence bucket; prefer the environment or --evidence-s3-secret-key-file (a command line is visible to other local users); never logged",
			zh:   "证据存储桶的私有访问密钥（Secret Key），宜用环境变量或密钥文件给出（命令行参数本机其他用户可见）；不会出现在日志、错误与帮助中",
			bind: stringSetting(func(o *options) *string { return &o.app.Casework.EvidenceS3.SecretKey })},
		{flag: "evidence-s3-secret-key-file", env: "CAILIANG_EVIDENCE_S3_SECRET_KEY_FILE", def: "", arg: "FILE", only: []string{"serve"},
			help: "file whose first line is the evidence bucket's secret key (used when the key itself is not set)",
			zh:   "首行为证据存储桶私有访问密钥的文件（权限宜为 0600；未直接给出密钥时使用）",
			bind: stringSetting(func(o *options) *string { return &o.app.Casework.EvidenceS3.SecretKeyFile })},
		{flag: "evidence-s3-ca", env: "CAILIANG_EVIDENCE_S3_CA", def: "", arg: "FILE", only: []string{"serve"},
			help: "PEM file of certificate authorities trusted for the evidence bucket besides the system's",
			zh:   "证据存储桶的 CA 证书文件（PEM），用于本单位自建 CA 签发的证书，与系统信任的证书一并生效",
			bind: stringSetting(func(o *options) *string { return &o.app.Casework.EvidenceS3.CAFile })},
		{flag: "seg-mode", env: "CAILIANG_SEG_MODE", def: "precise", arg: "MODE",
			help: "full-text segmentation: precise or search (used when an index is created)",
			zh:   "索引分词模式 `precise`/`search`，仅在新建索引时生效",
			bind: stringSetting(func(o *options) *string { return &o.app.SegMode })},
		{flag: "log-level", env: "CAILIANG_LOG_LEVEL", def: "info", arg: "LEVEL",
			help: "debug, info, warn or error (JSON logs on stderr)",
			zh:   "结构化日志级别（JSON，输出到 stderr）",
			bind: stringSetting(func(o *options) *string { return &o.logLevel })},
		{flag: "holidays", env: "CAILIANG_HOLIDAYS", def: "", arg: "FILE", only: []string{"serve", "workdays"},
			help: "the agency's working-day override file (YAML: extra holidays, extra working days, new years' schedules)",
			zh:   "本机关的工作日覆盖文件（YAML：增加或取消节假日与调休工作日、补充新年度的安排；格式见 docs/workdays.md）；为空时只用国务院节假日安排（2002–2027 年）",
			bind: stringSetting(func(o *options) *string { return &o.app.Holidays })},
		{flag: "document-templates", env: "CAILIANG_DOCUMENT_TEMPLATES", def: "", arg: "DIR", only: []string{"serve", "document"},
			help: "the agency's document templates (KIND.yaml, profiles.yaml, agencies.yaml with its address, contact, review body, court); a file there replaces the built-in one",
			zh:   "本机关的执法文书模板目录（`KIND.yaml` 文书模板、`profiles.yaml` 期限与听证标准、`agencies.yaml` 机关地址、联系人、复议机关、管辖法院、缴款方式）；目录中的文件替换同名的内置文件，为空时只用内置模板",
			bind: stringSetting(func(o *options) *string { return &o.app.DocumentTemplates })},
		{flag: "no-samples", def: "false",
			help: "do not load the built-in illustrative cases on first start",
			zh:   "首次启动不载入内置示例案件",
			bind: boolSetting(func(o *options) *bool { return &o.app.NoSamples })},
		{flag: "pg", env: "CAILIANG_PG_DSN", def: "", arg: "DSN",
			help: "PostgreSQL (15+, with pgvector) as the system of record shared by several nodes: users, cases, evidence records, the full-process log and vectors (default: embedded stores under --data)",
			zh:   "以 PostgreSQL（15 及以上，含 pgvector）为多节点共享的记录系统：用户、案件、证据记录、全过程记录和向量；为空时用 --data 下的内嵌存储",
			bind: stringSetting(func(o *options) *string { return &o.app.PGDSN })},
		{flag: "embedder", env: "CAILIANG_EMBEDDER", def: app.EmbedderLSA, arg: "NAME",
			help: "lsa (local, trained from the corpus), openai, ollama or none",
			zh:   "`lsa`（本地）、`openai`、`ollama` 或 `none`",
			bind: stringSetting(func(o *options) *string { return &o.app.Vectors.Embedder })},
		{flag: "embed-url", env: "CAILIANG_EMBED_URL", def: "", arg: "URL",
			help: "base URL of a remote embedder",
			zh:   "远程嵌入服务地址",
			bind: stringSetting(func(o *options) *string { return &o.app.Vectors.URL })},
		{flag: "embed-model", env: "CAILIANG_EMBED_MODEL", def: "", arg: "NAME",
			help: "remote embedding model",
			zh:   "远程嵌入模型",
			bind: stringSetting(func(o *options) *string { return &o.app.Vectors.Model })},
		{flag: "embed-token", env: "CAILIANG_EMBED_TOKEN", def: "", arg: "TOKEN",
			help: "token for an OpenAI-compatible embedder",
			zh:   "远程嵌入服务的令牌",
			bind: stringSetting(func(o *options) *string { return &o.app.Vectors.Token })},
		{flag: "asr-url", env: "CAILIANG_ASR_URL", def: "", arg: "URL", only: []string{"serve", "transcribe"},
			help: "OpenAI-compatible transcription server (POST /v1/audio/transcriptions); empty: transcription off",
			zh:   "语音识别服务地址（OpenAI 兼容的 `/v1/audio/transcriptions`，如自建的 Whisper、FunASR 服务）；为空时不启用转写，相关接口答 `asr_not_configured`",
			bind: stringSetting(func(o *options) *string { return &o.app.Speech.URL })},
		{flag: "asr-model", env: "CAILIANG_ASR_MODEL", def: "", arg: "NAME", only: []string{"serve", "transcribe"},
			help: "transcription model sent to the server (e.g. whisper-1, large-v3)",
			zh:   "语音识别模型名称（随每次请求发送，并与转写结果一同保存）",
			bind: stringSetting(func(o *options) *string { return &o.app.Speech.Model })},
		{flag: "asr-token", env: "CAILIANG_ASR_TOKEN", def: "", arg: "TOKEN", only: []string{"serve", "transcribe"},
			help: "bearer token for the transcription server",
			zh:   "语音识别服务的令牌（Bearer）",
			bind: stringSetting(func(o *options) *string { return &o.app.Speech.Token })},
		{flag: "embed-dim", env: "CAILIANG_EMBED_DIM", def: "256", arg: "N",
			help: "local LSA dimension (lower on a small corpus)",
			zh:   "本地 LSA 维度（语料少时自动降低）",
			bind: intSetting(func(o *options) *int { return &o.app.Vectors.Dim })},
		{flag: "cpuprofile", arg: "FILE", hidden: true,
			help: "write a CPU profile of the command to FILE (go tool pprof)",
			bind: stringSetting(func(o *options) *string { return &o.cpuProfile })},
		{flag: "coreprofile", arg: "FILE", hidden: true,
			help: "sample how many goroutines run, wait to run or sit in cgo every 100 ms into FILE",
			bind: stringSetting(func(o *options) *string { return &o.coreProfile })},
	}
}

// appliesTo reports whether s is a setting of command cmd. Settings with no
// command list belong to every command except eval, which has its own data
// directory setting.
func (s setting) appliesTo(cmd string) bool {
	if len(s.only) == 0 {
		return cmd != "eval" || s.flag != "data"
	}
	for _, c := range s.only {
		if c == cmd {
			return true
		}
	}
	return false
}

// registerSettings adds the settings of cmd to fs, defaults taken from the
// environment where set.
func registerSettings(fs *flag.FlagSet, cmd string, o *options) {
	seen := map[string]bool{}
	for _, s := range settings() {
		if !s.appliesTo(cmd) || seen[s.flag] {
			continue
		}
		seen[s.flag] = true
		def := s.def
		v := os.Getenv(s.env)
		if s.env != "" && v != "" && !s.secret {
			def = v
		}
		s.bind(fs, o, s.flag, def, s.usage())
		if s.env != "" && v != "" && s.secret {
			// Set on the value, not fs.Set: the flag's DefValue, which help
			// prints, stays the table's default. A string flag never refuses a value.
			_ = fs.Lookup(s.flag).Value.Set(v)
		}
	}
}

func (s setting) usage() string {
	u := s.help
	if s.env != "" {
		u += " (env " + s.env + ")"
	}
	return u
}

// settingsHelp is the "Settings" part of the usage text.
func settingsHelp() string {
	var b strings.Builder
	for _, s := range settings() {
		if s.hidden {
			continue
		}
		left := "--" + s.flag
		if s.arg != "" {
			left += " " + s.arg
		}
		fmt.Fprintf(&b, "  %-22s %s", left, s.help)
		var notes []string
		if s.env != "" {
			notes = append(notes, "env "+s.env)
		}
		if s.def != "" && s.arg != "" {
			notes = append(notes, "default "+s.def)
		}
		if len(s.only) > 0 {
			notes = append(notes, "only "+strings.Join(s.only, ", "))
		}
		if len(notes) > 0 {
			fmt.Fprintf(&b, " (%s)", strings.Join(notes, "; "))
		}
		b.WriteString("\n")
	}
	return b.String()
}

// settingsTable is the README's table of settings (Chinese), rows made from
// the same definitions as the flags.
func settingsTable() string {
	var b strings.Builder
	b.WriteString("| 参数 | 环境变量 | 默认 | 说明 |\n|---|---|---|---|\n")
	for _, s := range settings() {
		if s.hidden {
			continue
		}
		flagCell := "`--" + s.flag + "`"
		if s.arg != "" {
			flagCell = "`--" + s.flag + " " + s.arg + "`"
		}
		if len(s.only) > 0 {
			flagCell += "（" + strings.Join(s.only, "、") + "）"
		}
		env, def := "", ""
		if s.env != "" {
			env = "`" + s.env + "`"
		}
		if s.def != "" && s.arg != "" {
			def = "`" + s.def + "`"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", flagCell, env, def, s.zh)
	}
	return b.String()
}

// commandsTable is the README's table of commands (Chinese).
func commandsTable() string {
	var b strings.Builder
	b.WriteString("| 命令 | 作用 |\n|---|---|\n")
	for _, c := range commands() {
		line := strings.TrimSpace("cailiang " + c.name + " " + c.args)
		fmt.Fprintf(&b, "| `%s` | %s |\n", strings.ReplaceAll(line, "|", "\\|"), c.zh)
	}
	return b.String()
}

// parsePublicationRules reads --publication-rules (CAILIANG_PUBLICATION_RULES):
// a JSON object of casework.PublicationRule by agency code; unknown fields,
// other JSON and rules out of range are usage errors.
func (o *options) parsePublicationRules() error {
	if o.publicationRules == "" {
		return nil
	}
	dec := json.NewDecoder(strings.NewReader(o.publicationRules))
	dec.DisallowUnknownFields()
	var rules map[string]casework.PublicationRule
	if err := dec.Decode(&rules); err != nil {
		return fmt.Errorf("--publication-rules：公示规则应为按机关代码的 JSON 对象，如 {\"*\":{\"days\":20}}（%v）: %w", err, errUsage)
	}
	for code, r := range rules {
		if err := r.Validate(); err != nil {
			return fmt.Errorf("--publication-rules %q: %v: %w", code, err, errUsage)
		}
	}
	o.app.Casework.PublicationRules = rules
	return nil
}
