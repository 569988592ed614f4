package api

import (
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3gen"
	"github.com/gofiber/fiber/v2"

	"github.com/cailiang/cailiang/caseanalysis"
	"github.com/cailiang/cailiang/casespeech"
	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/exchange"
	"github.com/cailiang/cailiang/oversight"
	"github.com/cailiang/cailiang/redact"
	"github.com/cailiang/cailiang/rules"
	"github.com/cailiang/cailiang/speech"
)

// The OpenAPI 3.1 description of the whole HTTP API, served at GET
// /openapi.json without login. It is built from one table, apiRoutes: a
// route added to the server must get a row there, and TestOpenAPIMatchesRoutes
// names any route registered but not described (or described but not
// registered). Schemas of request and response bodies are generated from
// the Go types the handlers decode and encode (kin-openapi's openapi3gen),
// so they follow the code; hand-written ones cover the answers handlers
// build as maps.

// access is who may call a route.
type access int

const (
	// public routes answer without a token.
	public access = iota
	// bearer routes need a token (401 without).
	bearer
)

// param is a query parameter.
type param struct {
	name, typ, desc string
}

// apiRoute describes one route: how it is registered (fiber path), what it
// is for, who may call it, and its bodies. req and resp are a Go value whose
// type the body has, a *openapi3.Schema, or nil (no body / any JSON).
type apiRoute struct {
	method, path string
	summary, tag string
	access       access
	query        []param
	req          any
	ok           int
	resp         any
	// also are answers other than ok whose bodies are not the plain error
	// format, by status (a loading server's 503 from /readyz, a refused
	// document's 422 with every failed check).
	also map[int]any
	// media is the response's media type when it is not JSON (several:
	// separated by commas, as a format parameter chooses); beside resp,
	// the other types a format parameter may ask for instead of JSON.
	media string
}

// q builds query parameters from "name:type:description" strings (type
// string, integer, number or boolean).
func q(specs ...string) []param {
	out := make([]param, 0, len(specs))
	for _, s := range specs {
		parts := strings.SplitN(s, ":", 3)
		out = append(out, param{parts[0], parts[1], parts[2]})
	}
	return out
}

// obj is a hand-written object schema: property name → Go value or *openapi3.Schema.
type obj map[string]any

// anyOf is a body of one of several shapes (each a Go value, obj or
// *openapi3.Schema), as a server answers in different states.
type anyOf []any

// formUpload is a multipart/form-data request body: the file in the part
// named "file" and the text fields named in text.
type formUpload struct {
	text []string
}

// schema is the form's schema: its parts as properties, the file required.
func (f formUpload) schema() *openapi3.Schema {
	file := openapi3.NewStringSchema().WithFormat("binary")
	file.Description = "上传的文件"
	s := openapi3.NewObjectSchema().WithProperty("file", file)
	for _, name := range f.text {
		s.WithProperty(name, openapi3.NewStringSchema())
	}
	s.Required = []string{"file"}
	return s
}

// anyJSON is a body of any JSON value (answers documented in prose).
var anyJSON = &openapi3.Schema{}

// apiRoutes is the table of every route the server registers. Keep it in
// the order of routes() and of the feature files.
func apiRoutes() []apiRoute {
	period := q("from:string:起始日 YYYY-MM-DD（含）", "to:string:截止日 YYYY-MM-DD（不含）")
	page := q("limit:integer:条数", "offset:integer:偏移量")
	// Every search reads the same paging, period and mode (querySearch).
	search := append(q("mode:string:检索方式 bm25、vector 或 hybrid（默认 bm25）"), append(period, page...)...)
	caseSearch := append(q("q:string:检索词", "sector:string:执法领域", "violation_type:string:违法行为", "region:string:地区",
		"disposition:string:处理结果", "agency:string:机关"), search...)
	html, js := "text/html", "text/javascript"
	docFile := "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	evidenceFile := strings.Join(casework.EvidenceMediaTypes(), ",")
	return []apiRoute{
		{method: "GET", path: "/openapi.json", summary: "本文档（OpenAPI 3.1）", tag: "服务", access: public, ok: 200, resp: anyJSON},
		{method: "GET", path: "/", summary: "首页（法规检索与案件分析）", tag: "网页", access: public, ok: 200, media: html},
		{method: "GET", path: "/workbench", summary: "办案工作台网页", tag: "网页", access: public, ok: 200, media: html},
		{method: "GET", path: "/workbench/transcripts.js", summary: "工作台询问笔录脚本", tag: "网页", access: public, ok: 200, media: js},
		{method: "GET", path: "/workbench/publication.js", summary: "工作台公示脚本", tag: "网页", access: public, ok: 200, media: js},
		{method: "GET", path: "/workbench/discuss", summary: "疑难案例讨论网页", tag: "网页", access: public, ok: 200, media: html},
		{method: "GET", path: "/stats", summary: "执法统计网页", tag: "网页", access: public, ok: 200, media: html},
		{method: "GET", path: "/digest", summary: "每日简报网页", tag: "网页", access: public, ok: 200, media: html},
		{method: "GET", path: "/acts", summary: "其他执法行为（许可、强制、征收、检查）网页", tag: "网页", access: public, ok: 200, media: html},
		{method: "GET", path: "/oversight.css", summary: "统计、简报与执法行为网页的样式", tag: "网页", access: public, ok: 200, media: "text/css"},
		{method: "GET", path: "/oversight.js", summary: "统计、简报与执法行为网页的脚本", tag: "网页", access: public, ok: 200, media: js},
		{method: "GET", path: "/public", summary: "行政处罚决定公示网页", tag: "网页", access: public, ok: 200, media: html},
		{method: "GET", path: "/public/decisions.rss", summary: "公示的处罚决定（RSS）", tag: "公示", access: public, ok: 200, media: "application/rss+xml"},
		{method: "GET", path: "/healthz", summary: "状态、法规与索引数量（载入数据时：进程存活，ready 为 false）", tag: "服务", access: public, ok: 200,
			resp: anyOf{healthAnswer{}, aliveAnswer{}}},
		{method: "GET", path: "/readyz", summary: "能否接受请求（负载均衡探测；载入数据时 503 与进度）", tag: "服务", access: public, ok: 200, resp: readyAnswer{},
			also: map[int]any{503: loadingAnswer{}}},

		{method: "GET", path: "/v1/norms/search", summary: "法规检索（BM25，高亮片段）", tag: "法规", access: public,
			query: append(q("q:string:检索词", "law:string:法律简称", "category:string:类别", "region:string:地区", "in_force:boolean:仅现行有效",
				"date:string:该日施行的版本"), search...), ok: 200, resp: corpus.Results[corpus.NormHit]{}},
		{method: "GET", path: "/v1/norms/:law/:article", summary: "取条文", tag: "法规", access: public, query: q("date:string:该日施行的版本"), ok: 200, resp: corpus.Resolved{}},
		{method: "POST", path: "/v1/citations/resolve", summary: "解析法条引用", tag: "法规", access: public, req: resolveRequest{}, ok: 200, resp: resolveAnswer{}},
		{method: "GET", path: "/v1/statutes/status", summary: "核心法律的现行版本与废止情况", tag: "法规", access: public, query: q("date:string:日期"), ok: 200, resp: corpus.StatusReport{}},
		{method: "GET", path: "/v1/library/cases/search", summary: "类案库检索", tag: "类案库", access: public,
			query: caseSearch, ok: 200, resp: corpus.Results[corpus.CaseHit]{}},
		{method: "GET", path: "/v1/library/cases/:id", summary: "类案库中的案件", tag: "类案库", access: public, ok: 200, resp: corpus.Case{}},
		{method: "POST", path: "/v1/library/cases", summary: "向类案库导入案件（管理员）", tag: "类案库", access: bearer, req: []corpus.Case{}, ok: 201, resp: libraryImportAnswer{}},
		{method: "GET", path: "/v1/cases/search", summary: "类案库检索（旧路径）", tag: "类案库", access: public, query: caseSearch, ok: 200, resp: corpus.Results[corpus.CaseHit]{}},

		{method: "POST", path: "/v1/login", summary: "登录，取得会话令牌", tag: "用户", access: public, req: loginRequest{}, ok: 200, resp: loginAnswer{}},
		{method: "POST", path: "/v1/logout", summary: "注销当前令牌", tag: "用户", access: bearer, req: obj{}, ok: 200, resp: logoutAnswer{}},
		{method: "GET", path: "/v1/me", summary: "当前用户", tag: "用户", access: bearer, ok: 200, resp: userView{}},
		{method: "GET", path: "/v1/users", summary: "用户列表（管理员）", tag: "用户", access: bearer, ok: 200, resp: usersAnswer{}},
		{method: "POST", path: "/v1/users", summary: "添加用户（管理员）", tag: "用户", access: bearer, req: addUserRequest{}, ok: 201, resp: addedUserAnswer{}},
		{method: "POST", path: "/v1/users/:id/disable", summary: "停用用户", tag: "用户", access: bearer, req: obj{}, ok: 200, resp: userDisabledAnswer{}},
		{method: "POST", path: "/v1/users/:id/enable", summary: "启用用户", tag: "用户", access: bearer, req: obj{}, ok: 200, resp: userDisabledAnswer{}},
		{method: "POST", path: "/v1/users/:id/tokens", summary: "签发 API 令牌", tag: "用户", access: bearer, req: tokenRequest{}, ok: 201, resp: tokenAnswer{}},
		{method: "PUT", path: "/v1/agencies/:code", summary: "建立或修改机关（管理员）", tag: "用户", access: bearer, req: agencyRequest{}, ok: 200, resp: casework.Agency{}},

		{method: "GET", path: "/v1/transitions", summary: "流转表：各阶段可进行的操作", tag: "案件", access: public, ok: 200,
			resp: transitionsAnswer{}},
		{method: "POST", path: "/v1/cases", summary: "立案登记（办案人员）", tag: "案件", access: bearer, req: casework.NewCase{}, ok: 201, resp: caseView{}},
		{method: "GET", path: "/v1/cases", summary: "案件队列", tag: "案件", access: bearer, query: append(q("queue:string:队列（mine、agency、review、approval、training …）"), page...),
			ok: 200, resp: caseQueueAnswer{}},
		{method: "GET", path: "/v1/cases/:id", summary: "案件", tag: "案件", access: bearer, ok: 200, resp: caseView{}},
		{method: "PATCH", path: "/v1/cases/:id", summary: "修改案件（带读取时的版本）", tag: "案件", access: bearer, req: editRequest{}, ok: 200, resp: caseView{}},
		{method: "POST", path: "/v1/cases/:id/transitions", summary: "流转", tag: "案件", access: bearer, req: transitionRequest{}, ok: 200, resp: caseView{}},
		{method: "POST", path: "/v1/cases/:id/extend", summary: "延长办案期限", tag: "案件", access: bearer, req: extendRequest{}, ok: 200, resp: caseView{}},
		{method: "POST", path: "/v1/cases/:id/share", summary: "共享为培训案例", tag: "案件", access: bearer, req: shareRequest{}, ok: 200, resp: caseView{}},
		{method: "POST", path: "/v1/cases/:id/analysis", summary: "分析案件并附于案件", tag: "案件", access: bearer, req: analysisRequest{}, ok: 200, resp: caseView{}},
		{method: "POST", path: "/v1/cases/:id/evidence", summary: "上传证据（multipart/form-data：file 文件，note 说明）", tag: "证据", access: bearer,
			req: formUpload{text: []string{"note"}}, ok: 201, resp: evidenceView{}},
		{method: "GET", path: "/v1/cases/:id/evidence", summary: "证据列表", tag: "证据", access: bearer, ok: 200, resp: evidenceListAnswer{}},
		{method: "GET", path: "/v1/cases/:id/evidence/:digest", summary: "证据文件（以核验的文件类型）", tag: "证据", access: bearer, ok: 200, media: evidenceFile},
		{method: "GET", path: "/v1/cases/:id/timeline", summary: "案件的全过程记录", tag: "案件", access: bearer, ok: 200, resp: timelineAnswer{}},
		{method: "POST", path: "/v1/cases/:id/evidence/:digest/transcribe", summary: "转写录音证据", tag: "询问笔录", access: bearer, req: obj{}, ok: 202, resp: casespeech.View{}},
		{method: "GET", path: "/v1/cases/:id/evidence/:digest/transcript", summary: "录音证据的转写与笔录", tag: "询问笔录", access: bearer, ok: 200, resp: casespeech.View{}},
		{method: "POST", path: "/v1/cases/:id/evidence/:digest/transcript/versions", summary: "保存笔录新版本", tag: "询问笔录", access: bearer, req: casespeech.Edit{}, ok: 201, resp: casespeech.View{}},
		{method: "GET", path: "/v1/cases/:id/transcripts", summary: "案件的转写", tag: "询问笔录", access: bearer, ok: 200, resp: caseTranscriptsAnswer{}},

		{method: "GET", path: "/v1/stats", summary: "执法统计", tag: "统计与预警", access: bearer, query: append(q("agency:string:机关代码", "format:string:json、csv 或 xlsx"), period...),
			ok: 200, resp: oversight.Report{}, media: "text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
		{method: "GET", path: "/v1/digest", summary: "每日简报（机关负责人、司法局）", tag: "统计与预警", access: bearer,
			query: q("agency:string:机关代码（空为全市）", "date:string:日期 YYYY-MM-DD（默认今日）"), ok: 200, resp: digestAnswer{}},
		{method: "POST", path: "/v1/acts", summary: "登记执法行为（许可、强制、征收、检查等）", tag: "统计与预警", access: bearer, req: actsRequest{}, ok: 201, resp: actsAnswer{}},
		{method: "POST", path: "/v1/acts/import", summary: "批量导入执法行为（CSV）", tag: "统计与预警", access: bearer, req: actsImport{}, ok: 201, resp: actsImportAnswer{}},
		{method: "GET", path: "/v1/acts", summary: "执法行为列表", tag: "统计与预警", access: bearer,
			query: append(q("agency:string:机关代码", "category:string:类别"), period...), ok: 200, resp: actsAnswer{}},
		{method: "GET", path: "/v1/acts/categories", summary: "机关可用的执法行为类别", tag: "统计与预警", access: bearer, query: q("agency:string:机关代码（默认本机关）"), ok: 200, resp: actCategoriesAnswer{}},
		{method: "POST", path: "/v1/cases/:id/decision-changes", summary: "决定变更、撤销、确认违法或确认无效（撤回公示）", tag: "公示", access: bearer, req: changeRequest{}, ok: 200, resp: caseView{}},
		{method: "GET", path: "/v1/cases/:id/deliveries", summary: "文书送达记录及由送达日起算的期限", tag: "文书", access: bearer, ok: 200, resp: deliveriesAnswer{}},
		{method: "POST", path: "/v1/cases/:id/deliveries", summary: "记录文书送达", tag: "文书", access: bearer, req: deliveryRequest{}, ok: 201, resp: deliveryView{}},
		{method: "GET", path: "/v1/cases/:id/statements", summary: "当事人陈述、申辩与听证申请", tag: "文书", access: bearer, ok: 200, resp: statementsAnswer{}},
		{method: "POST", path: "/v1/cases/:id/statements", summary: "记录陈述、申辩或听证申请", tag: "文书", access: bearer, req: statementRequest{}, ok: 201, resp: statementView{}},
		{method: "POST", path: "/v1/cases/:id/statements/:seq/answer", summary: "答复陈述申辩（采纳、部分采纳、不采纳）", tag: "文书", access: bearer, req: answerRequest{}, ok: 200, resp: statementView{}},
		{method: "PUT", path: "/v1/users/:id/cert", summary: "设置执法证号（管理员）", tag: "用户", access: bearer, req: certRequest{}, ok: 200, resp: userAnswer{}},
		{method: "GET", path: "/v1/warnings", summary: "预警（原因、数据、案件）", tag: "统计与预警", access: bearer, query: append(q("agency:string:机关代码"), period...),
			ok: 200, resp: warningsAnswer{}},
		{method: "GET", path: "/v1/exchange/export", summary: "导出本机关的处罚决定（交换文件）", tag: "数据共享", access: bearer,
			query: append(q("agency:string:机关代码（默认本机关）", "format:string:jsonl 或 csv"), period...), ok: 200, media: "application/x-ndjson,text/csv"},
		{method: "POST", path: "/v1/exchange/import", summary: "导入其他机关的交换文件（只读共享记录）", tag: "数据共享", access: bearer,
			req: exchangeImportRequest{}, ok: 200, resp: casework.ImportSummary{}},
		{method: "GET", path: "/v1/exchange/records", summary: "已导入的共享记录", tag: "数据共享", access: bearer, query: q("source_agency:string:来源机关"),
			ok: 200, resp: sharedRecordsAnswer{}},

		{method: "GET", path: "/v1/cases/:id/publication", summary: "案件的公示", tag: "公示", access: bearer, ok: 200, resp: publicationAnswer{}},
		{method: "PATCH", path: "/v1/cases/:id/publication", summary: "编辑公示内容", tag: "公示", access: bearer, req: publicationEditRequest{}, ok: 200, resp: casework.PublicationItem{}},
		{method: "POST", path: "/v1/cases/:id/publication/publish", summary: "公示", tag: "公示", access: bearer, req: publicationVersion{}, ok: 200, resp: casework.PublicationItem{}},
		{method: "POST", path: "/v1/cases/:id/publication/withdraw", summary: "撤回公示", tag: "公示", access: bearer, req: withdrawRequest{}, ok: 200, resp: casework.PublicationItem{}},
		{method: "GET", path: "/v1/publications", summary: "公示列表", tag: "公示", access: bearer,
			query: append(q("state:string:队列（due、overdue、published、withdrawn、ended）"), page...), ok: 200, resp: publicationsAnswer{}},
		{method: "GET", path: "/v1/public/decisions", summary: "已公示的处罚决定", tag: "公示", access: public,
			query: append(q("q:string:检索词", "agency:string:机关代码"), append(period, page...)...), ok: 200, resp: publicDecisionsAnswer{}},

		{method: "GET", path: "/v1/cases/:id/documents", summary: "案件的执法文书：能否签发、尚缺什么、已签发版本", tag: "文书", access: bearer, ok: 200, resp: caseDocumentsAnswer{}},
		{method: "GET", path: "/v1/cases/:id/documents/:file", summary: "文书草稿（kind.docx 或 kind.pdf）", tag: "文书", access: bearer,
			query: q("delivery:integer:送达回证所证明的送达记录序号（默认最近一次）"), ok: 200, media: docFile},
		{method: "POST", path: "/v1/cases/:id/documents/:kind", summary: "签发文书", tag: "文书", access: bearer, req: documentIssueRequest{}, ok: 201, resp: casework.IssuedDocument{},
			also: map[int]any{422: checkFailed{}}},
		{method: "GET", path: "/v1/cases/:id/documents/:kind/versions", summary: "已签发的版本", tag: "文书", access: bearer, ok: 200, resp: documentVersionsAnswer{}},
		{method: "GET", path: "/v1/cases/:id/documents/:kind/versions/:file", summary: "已签发版本的文件", tag: "文书", access: bearer, ok: 200, media: docFile},

		{method: "PUT", path: "/v1/cases/:id/review", summary: "法制审核：逐项结论与审核意见", tag: "法制审核", access: bearer, req: reviewRequest{}, ok: 200, resp: caseView{}},
		{method: "POST", path: "/v1/cases/:id/review/extend", summary: "延长审核期限", tag: "法制审核", access: bearer, req: reviewExtendRequest{}, ok: 200, resp: caseView{}},
		{method: "GET", path: "/v1/cases/:id/consistency", summary: "裁量一致性比对", tag: "法制审核", access: bearer, ok: 200, resp: consistencyView{}},
		{method: "GET", path: "/v1/cases/:id/consistency.svg", summary: "裁量一致性条带图", tag: "法制审核", access: bearer, ok: 200, media: "image/svg+xml"},

		{method: "GET", path: "/v1/benchmarks", summary: "裁量基准列表与检索", tag: "裁量", access: public, query: q("q:string:关键词", "sector:string:执法领域", "limit:integer:条数"),
			ok: 200, resp: benchmarksAnswer{}},
		{method: "GET", path: "/v1/benchmarks/:id", summary: "裁量基准全文", tag: "裁量", access: public, ok: 200, resp: rules.Benchmark{}},
		{method: "POST", path: "/v1/suggest", summary: "处罚建议", tag: "裁量", access: public, req: suggestRequest{}, ok: 200, resp: rules.Suggestion{}},
		{method: "POST", path: "/v1/analyze", summary: "案件分析", tag: "裁量", access: public, req: caseanalysis.Request{}, ok: 200, resp: caseanalysis.Result{}},
		{method: "POST", path: "/v1/documents/draft/:file", summary: "由案情生成文书草稿（kind.docx 或 kind.pdf）", tag: "文书", access: public, req: draftRequest{}, ok: 200, media: docFile},
		{method: "POST", path: "/v1/redact", summary: "公示脱敏", tag: "公示", access: public, req: redactRequest{}, ok: 200, resp: redact.Result{}},
		{method: "GET", path: "/v1/workdays/add", summary: "第 n 个工作日", tag: "工作日", access: public, query: q("from:string:事件日 YYYY-MM-DD", "n:integer:工作日数"),
			ok: 200, resp: workdaysAnswer{}},
		{method: "POST", path: "/v1/transcriptions", summary: "上传录音转写（multipart/form-data，字段 file）", tag: "询问笔录", access: public,
			req: formUpload{}, ok: 202, resp: transcription{}},
		{method: "GET", path: "/v1/transcriptions", summary: "转写任务", tag: "询问笔录", access: public, ok: 200, resp: transcriptionsAnswer{}},
		{method: "GET", path: "/v1/transcriptions/:id", summary: "转写任务的进度与结果", tag: "询问笔录", access: public, ok: 200, resp: transcription{}},
		{method: "POST", path: "/v1/transcriptions/:id/versions", summary: "保存笔录新版本", tag: "询问笔录", access: public, req: speech.Edit{}, ok: 201, resp: transcription{}},
		{method: "POST", path: "/v1/transcriptions/:id/analyze", summary: "分析已确认的笔录", tag: "询问笔录", access: public, req: caseanalysis.Request{}, ok: 200, resp: transcriptAnalysis{}},

		{method: "POST", path: "/v1/cases/:id/discussions", summary: "发起疑难案例讨论", tag: "讨论与培训", access: bearer, req: casework.NewDiscussion{}, ok: 201, resp: casework.Discussion{}},
		{method: "GET", path: "/v1/discussions", summary: "讨论列表", tag: "讨论与培训", access: bearer, query: q("case:string:案件编号"), ok: 200, resp: discussionsAnswer{}},
		{method: "GET", path: "/v1/discussions/:did", summary: "讨论", tag: "讨论与培训", access: bearer, ok: 200, resp: casework.DiscussionThread{}},
		{method: "POST", path: "/v1/discussions/:did/comments", summary: "发表意见", tag: "讨论与培训", access: bearer, req: casework.NewComment{}, ok: 201, resp: casework.Comment{}},
		{method: "POST", path: "/v1/discussions/:did/conclusion", summary: "记录结论", tag: "讨论与培训", access: bearer, req: concludeRequest{}, ok: 200, resp: casework.Discussion{}},
		{method: "GET", path: "/v1/discussions/:did/attachments/:digest", summary: "讨论附件（以核验的文件类型）", tag: "讨论与培训", access: bearer, ok: 200, media: evidenceFile},
		{method: "GET", path: "/v1/notifications", summary: "通知", tag: "讨论与培训", access: bearer, ok: 200, resp: notificationsAnswer{}},
		{method: "POST", path: "/v1/notifications/read", summary: "标记通知已读", tag: "讨论与培训", access: bearer, req: readRequest{}, ok: 200, resp: markedAnswer{}},
		{method: "GET", path: "/v1/training/cases", summary: "培训案例（已脱敏）", tag: "讨论与培训", access: bearer,
			query: q("sector:string:执法领域", "benchmark:string:裁量基准", "disposition:string:处理结果", "outcome:string:结果阶段",
				"min_fine:number:最低罚款（元）", "max_fine:number:最高罚款（元）", "limit:integer:条数"), ok: 200, resp: trainingCasesAnswer{}},
		{method: "GET", path: "/v1/training/cases/:id", summary: "培训案例", tag: "讨论与培训", access: bearer, ok: 200, resp: casework.Extract{}},
		{method: "GET", path: "/v1/training/compare", summary: "类案对比", tag: "讨论与培训", access: bearer, query: q("ids:string:案件编号，逗号分隔"), ok: 200, resp: trainingCasesAnswer{}},
		{method: "GET", path: "/v1/training/collections", summary: "典型案例集", tag: "讨论与培训", access: bearer, ok: 200, resp: collectionsAnswer{}},
		{method: "POST", path: "/v1/training/collections", summary: "新建案例集", tag: "讨论与培训", access: bearer, req: collectionRequest{}, ok: 201, resp: casework.Collection{}},
		{method: "GET", path: "/v1/training/collections/:cid", summary: "案例集", tag: "讨论与培训", access: bearer, ok: 200, resp: casework.CollectionView{}},
		{method: "PATCH", path: "/v1/training/collections/:cid", summary: "修改案例集", tag: "讨论与培训", access: bearer, req: collectionEditRequest{}, ok: 200, resp: casework.Collection{}},
	}
}

// fiberParam matches a fiber path parameter (:id).
var fiberParam = regexp.MustCompile(`:([A-Za-z_]+)`)

// pathAliases give one name to a parameter that fiber routes name
// differently by method: OpenAPI forbids two paths that differ only in a
// parameter's name (GET …/documents/:file is kind.docx, POST …/documents/:kind).
var pathAliases = map[string]string{"/v1/cases/{id}/documents/{file}": "/v1/cases/{id}/documents/{kind}"}

// openAPIPath is a fiber path written as OpenAPI writes it (/cases/{id}).
func openAPIPath(p string) string {
	p = fiberParam.ReplaceAllString(p, "{$1}")
	if a, ok := pathAliases[p]; ok {
		return a
	}
	return p
}

// pathParam matches an OpenAPI path parameter ({id}).
var pathParam = regexp.MustCompile(`\{([A-Za-z_]+)\}`)

// customize adapts openapi3gen's schemas to OpenAPI 3.1 and to
// encoding/json: what may be null in the JSON (nil slices and maps,
// pointers) says so with the type "null", json.RawMessage is any JSON, and
// in answers (required) the fields encoding/json always writes are required.
// Requests get no required fields: the handlers decode strictly but take a
// missing field as its zero value, and say themselves what they need.
func customize(required bool) openapi3gen.SchemaCustomizerFn {
	return func(_ string, t reflect.Type, _ reflect.StructTag, s *openapi3.Schema) error {
		if t == reflect.TypeFor[json.RawMessage]() {
			*s = openapi3.Schema{}
			return nil
		}
		if s.Type != nil && (s.Nullable || t.Kind() == reflect.Slice || t.Kind() == reflect.Map) {
			types := append(openapi3.Types{}, (*s.Type)...)
			s.Type = &openapi3.Types{}
			*s.Type = append(types, "null")
		}
		s.Nullable = false
		if required && t.Kind() == reflect.Struct && s.Properties != nil {
			s.Required = alwaysWritten(t, s.Properties)
		}
		return nil
	}
}

// Generators of answer and request schemas; not safe for concurrent use.
var (
	answerGen  = openapi3gen.NewGenerator(openapi3gen.SchemaCustomizer(customize(true)))
	requestGen = openapi3gen.NewGenerator(openapi3gen.SchemaCustomizer(customize(false)))
	schemaMu   sync.Mutex
)

// marshaler is json.Marshaler: a type that writes itself may not write
// its fields.
var marshaler = reflect.TypeFor[json.Marshaler]()

// alwaysWritten lists the properties encoding/json always writes for a
// struct: exported fields whose tag has neither omitempty nor omitzero
// (embedded structs' fields included), when the schema has them.
func alwaysWritten(t reflect.Type, props openapi3.Schemas) []string {
	if t.Implements(marshaler) || reflect.PointerTo(t).Implements(marshaler) {
		return nil
	}
	var out []string
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		name, opts, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				continue // a nil embedded pointer writes nothing of its own
			}
			if ft.Kind() == reflect.Struct {
				out = append(out, alwaysWritten(ft, props)...)
			}
			continue
		}
		if !f.IsExported() || name == "-" || strings.Contains(opts, "omitempty") || strings.Contains(opts, "omitzero") {
			continue
		}
		if name == "" {
			name = f.Name
		}
		if _, ok := props[name]; ok && !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// schemaOf is the schema of a body (an answer's when answer): a
// *openapi3.Schema as is, an obj's properties each by its value, any other
// value by its Go type.
func schemaOf(v any, answer bool) (*openapi3.SchemaRef, error) {
	switch x := v.(type) {
	case *openapi3.Schema:
		return openapi3.NewSchemaRef("", x), nil
	case anyOf:
		s := &openapi3.Schema{}
		for _, alt := range x {
			a, err := schemaOf(alt, answer)
			if err != nil {
				return nil, err
			}
			s.AnyOf = append(s.AnyOf, a)
		}
		return openapi3.NewSchemaRef("", s), nil
	case obj:
		s := openapi3.NewObjectSchema()
		for _, k := range sortedKeys(x) {
			p, err := schemaOf(x[k], answer)
			if err != nil {
				return nil, err
			}
			s.WithPropertyRef(k, p)
			if answer {
				s.Required = append(s.Required, k) // the handler's map always has it
			}
		}
		return openapi3.NewSchemaRef("", s), nil
	}
	gen := requestGen
	if answer {
		gen = answerGen
	}
	schemaMu.Lock()
	defer schemaMu.Unlock()
	ref, err := gen.NewSchemaRefForValue(v, nil)
	if err != nil {
		return nil, fmt.Errorf("schema of %T: %w", v, err)
	}
	return ref, nil
}

func sortedKeys(m obj) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// errorSchema is the one error format of every route.
func errorSchema() *openapi3.Schema {
	str := func(desc string) *openapi3.Schema {
		s := openapi3.NewStringSchema()
		s.Description = desc
		return s
	}
	inner := openapi3.NewObjectSchema().
		WithProperty("code", str("英文错误代码，如 invalid_input")).
		WithProperty("message", str("中文说明")).
		WithProperty("field", str("出错的字段或参数")).
		WithProperty("row", openapi3.NewIntegerSchema().WithMin(1))
	inner.Properties["row"].Value.Description = "导入文件中出错的行（或数组元素）序号"
	inner.Required = []string{"code", "message"}
	s := openapi3.NewObjectSchema().WithProperty("error", inner)
	s.Required = []string{"error"}
	return s
}

// OpenAPI builds the description of the API from apiRoutes; an error only
// when a route's body type cannot be described (a test keeps it from
// happening).
func OpenAPI(version string) (*openapi3.T, error) {
	if version == "" {
		version = "dev" // a build without a version stamp
	}
	doc := &openapi3.T{
		OpenAPI: "3.1.0",
		Info: &openapi3.Info{Title: "裁量 cailiang HTTP API", Version: version,
			Description: "行政执法裁量、办案工作台、法制审核、公示、文书、统计与预警、机关间数据共享。错误统一为 " +
				"{\"error\":{\"code\":\"english_code\",\"message\":\"中文\",\"field\":\"…\"}}。"},
		Paths: openapi3.NewPaths(),
		Components: &openapi3.Components{
			Schemas: openapi3.Schemas{"Error": openapi3.NewSchemaRef("", errorSchema())},
			SecuritySchemes: openapi3.SecuritySchemes{"bearer": &openapi3.SecuritySchemeRef{Value: openapi3.NewSecurityScheme().
				WithType("http").WithScheme("bearer").WithDescription("POST /v1/login 或 cailiang user token 签发的令牌")}},
		},
	}
	var rec openapi3.Schema
	if err := json.Unmarshal(exchange.Schema(), &rec); err != nil {
		return nil, fmt.Errorf("exchange schema: %w", err)
	}
	rec.SchemaDialect, rec.SchemaID = "", "" // a component of this document, in its dialect
	doc.Components.Schemas["ExchangeRecord"] = openapi3.NewSchemaRef("", &rec)
	errRef := func(desc string) *openapi3.ResponseRef {
		return &openapi3.ResponseRef{Value: openapi3.NewResponse().WithDescription(desc).
			WithJSONSchemaRef(openapi3.NewSchemaRef("#/components/schemas/Error", nil))}
	}
	for _, r := range apiRoutes() {
		op := openapi3.NewOperation()
		op.Summary, op.Tags = r.summary, []string{r.tag}
		op.OperationID = strings.ToLower(r.method) + strings.NewReplacer("/", "_", ":", "", ".", "_", "-", "_").Replace(r.path)
		for _, m := range pathParam.FindAllStringSubmatch(openAPIPath(r.path), -1) {
			op.AddParameter(openapi3.NewPathParameter(m[1]).WithSchema(openapi3.NewStringSchema()))
		}
		for _, p := range r.query {
			op.AddParameter(openapi3.NewQueryParameter(p.name).WithDescription(p.desc).WithSchema(&openapi3.Schema{Type: &openapi3.Types{p.typ}}))
		}
		switch r.access {
		case public:
			op.Security = openapi3.NewSecurityRequirements()
		case bearer:
			op.Security = openapi3.NewSecurityRequirements().With(openapi3.NewSecurityRequirement().Authenticate("bearer"))
		}
		if form, ok := r.req.(formUpload); ok {
			op.RequestBody = &openapi3.RequestBodyRef{Value: openapi3.NewRequestBody().WithRequired(true).
				WithContent(openapi3.NewContentWithFormDataSchema(form.schema()))}
		} else if r.req != nil {
			s, err := schemaOf(r.req, false)
			if err != nil {
				return nil, err
			}
			op.RequestBody = &openapi3.RequestBodyRef{Value: openapi3.NewRequestBody().WithRequired(true).WithJSONSchemaRef(s)}
		}
		ok := openapi3.NewResponse().WithDescription(r.summary)
		content := openapi3.Content{}
		if r.resp != nil {
			s, err := schemaOf(r.resp, true)
			if err != nil {
				return nil, err
			}
			content["application/json"] = openapi3.NewMediaType().WithSchemaRef(s)
		}
		if r.media != "" {
			for _, m := range strings.Split(r.media, ",") {
				content[m] = openapi3.NewMediaType()
			}
		}
		ok.WithContent(content)
		op.AddResponse(r.ok, ok)
		for status, body := range r.also {
			s, err := schemaOf(body, true)
			if err != nil {
				return nil, err
			}
			op.AddResponse(status, openapi3.NewResponse().WithDescription(http.StatusText(status)).WithJSONSchemaRef(s))
		}
		op.Responses.Set("4XX", errRef("请求有误、未登录（401）、无权限（403）、不存在（404）、冲突（409）、过大（413）、过多（429）"))
		op.Responses.Set("5XX", errRef("服务内部错误或暂不可用"))
		doc.AddOperation(openAPIPath(r.path), r.method, op)
	}
	return doc, nil
}

// handleOpenAPI answers GET /openapi.json: the document, built once.
func (s *Server) handleOpenAPI(c *fiber.Ctx) error {
	s.openapiOnce.Do(func() {
		doc, err := OpenAPI(s.cfg.Version)
		if err == nil {
			s.openapiJSON, err = json.Marshal(doc)
		}
		s.openapiErr = err
	})
	if s.openapiErr != nil {
		return s.openapiErr
	}
	c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSONCharsetUTF8)
	return c.Send(s.openapiJSON)
}
