// Package caseanalysis answers an officer who pastes the facts of a case: which
// violations they amount to (with the rules engine's penalty suggestion for
// each), whether the case is suspected of a crime that must be transferred,
// what the party is likely to contest, which norms apply and which past
// cases are most alike.
//
// It composes nlp (fact extraction), rules (benchmarks, the engine and the
// transfer catalog) and corpus (case and norm search, citation resolution)
// through small interfaces, so tests run it over in-memory fakes or the real
// library alike. Every step works without a model or a network.
package caseanalysis

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// CaseSearcher finds cases; *corpus.Library implements it.
type CaseSearcher interface {
	SearchCases(ctx context.Context, q corpus.CaseQuery, mode corpus.SearchMode) (corpus.Results[corpus.CaseHit], error)
}

// NearCaseFinder finds the cases nearest to a text by vector (dense
// retrieval); *corpus.Library implements it. When Cases is also a
// NearCaseFinder and Mode is hybrid, similar cases fuse the in-memory
// lexical ranking with its answer.
type NearCaseFinder interface {
	NearestCases(ctx context.Context, text string, filter corpus.CaseQuery, k int) ([]corpus.VectorHit, error)
}

// NormSearcher finds statute articles; *corpus.Library implements it.
type NormSearcher interface {
	SearchNorms(ctx context.Context, q corpus.NormQuery, mode corpus.SearchMode) (corpus.Results[corpus.NormHit], error)
}

// CaseGetter reads a whole case; *corpus.Store implements it.
type CaseGetter interface {
	Case(id string) (corpus.Case, error)
}

// CitationResolver resolves a citation to article text; *corpus.Resolver
// implements it.
type CitationResolver interface {
	ResolveParsed(pc corpus.ParsedCitation, date string) (corpus.Resolved, error)
}

// Config wires an Analyzer. Catalog and Segmenter are required; without
// Cases there are no similar cases, without Norms and Resolver norms carry
// no text.
type Config struct {
	Catalog   *rules.Catalog
	Crimes    *rules.Crimes
	Segmenter nlp.Segmenter
	Cases     CaseSearcher
	CaseStore CaseGetter
	Norms     NormSearcher
	Resolver  CitationResolver
	// Generation reports the corpus generation; cached norm searches are
	// dropped when it changes. Nil means never.
	Generation func() (uint64, error)
	// Mode is the search mode for cases (bm25, vector, hybrid); "" is bm25.
	Mode corpus.SearchMode
	// Near is the share below a transfer threshold that counts as near
	// (default rules.DefaultNear).
	Near float64
	// Province overrides the province whose prosecution figures apply
	// (default: Catalog.Config.Transfer.Province).
	Province string
	// MemCases bounds the cases searched in memory for similar cases when
	// CaseStore is also a CaseLister: 0 means DefaultMemCases, negative
	// never. Above it, Cases is searched.
	MemCases int
	Logger   *slog.Logger

	// Provisions are the provision-level entries of the core laws; nil
	// means none are matched.
	Provisions *rules.Provisions

	// Exemplars is the learned vote from labelled examples (exemplars.go);
	// nil means BuiltinExemplars.
	Exemplars ExemplarVoter
	// ExemplarWeight is the vote's weight in a candidate's score: 0 means
	// DefaultExemplarWeight, negative no vote.
	ExemplarWeight float64
}

// Analyzer analyses case facts. It is safe for concurrent use.
type Analyzer struct {
	cfg   Config
	match *matcher
	log   *slog.Logger
	// province and amounts are the provincial prosecution figures that
	// apply (amounts nil: national floors).
	province string
	amounts  *rules.ProvincialAmounts

	// provisions matches the fining provisions no benchmark covers (provisions.go).
	provisions *provisionMatcher
	// items tells the item of a penalty article a benchmark encodes with others (items.go).
	items itemCues
	// exemplars is the configured learned vote and its weight.
	exemplars exemplarChoice

	// The caches below hold what depends only on the corpus, and are
	// emptied when its generation changes.
	cacheMu   sync.Mutex
	cacheGen  uint64
	pushed    map[string][]Norm         // benchmark id → searched norms
	resolved  map[normKey]Norm          // resolved label, text, version, status
	extracts  map[string]nlp.Extraction // case id → facts extracted from it
	caseBench map[string][]string       // case id → benchmarks it was decided under
	cases     map[string]corpus.Case    // case id → the stored case
	caseIdx   *caseIndex                // the cases in memory, tagged with its generation
	// buildMu lets one request rebuild the case index while the others
	// wait for it instead of building their own.
	buildMu sync.Mutex
}

// ErrInvalidRequest is wrapped by every error about the request itself.
var ErrInvalidRequest = errors.New("invalid analysis request")

// RequestError names the request field that is wrong.
type RequestError struct {
	Field   string
	Message string
}

func (e *RequestError) Error() string { return e.Field + ": " + e.Message }

// Unwrap makes errors.Is(err, ErrInvalidRequest) hold.
func (e *RequestError) Unwrap() error { return ErrInvalidRequest }

// MaxFactsRunes bounds the facts of one request: a long case narrative fits,
// a whole case file does not.
const MaxFactsRunes = 20000

// New builds an Analyzer. It returns an error when Catalog or Segmenter is
// missing, and one wrapping rules.ErrProvince when the provincial figures
// of the catalog's config do not fit the transfer catalog or Province is
// not configured.
func New(cfg Config) (*Analyzer, error) {
	if cfg.Catalog == nil || cfg.Segmenter == nil {
		return nil, fmt.Errorf("analysis: catalog and segmenter are required")
	}
	if cfg.Near <= 0 {
		cfg.Near = rules.DefaultNear
	}
	if cfg.MemCases == 0 {
		cfg.MemCases = DefaultMemCases
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	provisions, err := newProvisionMatcher(cfg.Catalog, cfg.Provisions, cfg.Segmenter)
	if err != nil {
		return nil, fmt.Errorf("analysis: %w", err)
	}
	a := &Analyzer{cfg: cfg, match: newMatcher(cfg.Catalog, cfg.Segmenter), log: log,
		provisions: provisions, items: newItemCues(cfg.Catalog)}
	a.match.shareTerms(&a.provisions.index)
	if cfg.ExemplarWeight >= 0 {
		a.exemplars = exemplarChoice{cfg.Exemplars, cfg.ExemplarWeight}
		if a.exemplars.weight == 0 {
			a.exemplars.weight = DefaultExemplarWeight
		}
		if a.exemplars.voter == nil && a.exemplars.weight > 0 {
			m, err := BuiltinExemplars()
			if err != nil {
				return nil, err
			}
			a.exemplars.voter = m
		}
	}
	a.provisions.sectors = a.match.decider.sectors
	if cfg.Crimes != nil {
		tc := cfg.Catalog.Config.Transfer
		if err := cfg.Crimes.CheckProvinces(tc); err != nil {
			return nil, fmt.Errorf("analysis: %w", err)
		}
		if name, table, ok := tc.Table(cfg.Province); ok {
			a.province, a.amounts = name, &table
		} else if cfg.Province != "" {
			return nil, fmt.Errorf("analysis: %w: province %s has no table in config.yaml", rules.ErrProvince, cfg.Province)
		}
	}
	a.resetCaches(0)
	return a, nil
}

// Mode is the search mode similar cases are found with (bm25 or hybrid).
func (a *Analyzer) Mode() corpus.SearchMode {
	if a.cfg.Mode == "" {
		return corpus.ModeBM25
	}
	return a.cfg.Mode
}

func (a *Analyzer) resetCaches(gen uint64) {
	a.cacheGen = gen
	a.pushed = map[string][]Norm{}
	a.resolved = map[normKey]Norm{}
	a.extracts = map[string]nlp.Extraction{}
	a.caseBench = map[string][]string{}
	a.cases = map[string]corpus.Case{}
}

// syncCaches empties the caches when the corpus has changed since they
// were filled.
func (a *Analyzer) syncCaches() error {
	if a.cfg.Generation == nil {
		return nil
	}
	g, err := a.cfg.Generation()
	if err != nil {
		return fmt.Errorf("corpus generation: %w", err)
	}
	a.cacheMu.Lock()
	if g != a.cacheGen {
		a.resetCaches(g)
	}
	a.cacheMu.Unlock()
	return nil
}

// cached returns (*m)[key] from one of the Analyzer's corpus caches,
// computing it when absent and storing it unless compute fails. A map that
// already holds limit entries (limit > 0) is emptied first: a large case
// base starts over rather than grow without bound. m points to the field,
// since resetCaches replaces the maps.
func cached[K comparable, V any](a *Analyzer, m *map[K]V, key K, limit int, compute func() (V, error)) (V, error) {
	a.cacheMu.Lock()
	v, ok := (*m)[key]
	a.cacheMu.Unlock()
	if ok {
		return v, nil
	}
	v, err := compute()
	if err != nil {
		return v, err
	}
	a.cacheMu.Lock()
	if limit > 0 && len(*m) >= limit {
		*m = map[K]V{}
	}
	(*m)[key] = v
	a.cacheMu.Unlock()
	return v, nil
}

// ForLibrary wires an Analyzer the way the service runs it: over a corpus
// library (cases, norms, citations, its store's generation for the caches),
// the given benchmark catalog and the built-in crime thresholds. It returns
// the crime catalog's loading error.
func ForLibrary(lib *corpus.Library, cat *rules.Catalog, seg nlp.Segmenter, mode corpus.SearchMode, log *slog.Logger) (*Analyzer, error) {
	crimes, err := rules.LoadCrimes()
	if err != nil {
		return nil, err
	}
	return New(Config{Catalog: cat, Crimes: crimes, Segmenter: seg, Cases: lib, CaseStore: lib.Store(), Norms: lib,
		Resolver: lib.Resolver(), Generation: lib.Store().Generation, Mode: mode, Logger: log})
}

// Request is what an officer submits.
type Request struct {
	// Facts is the case narrative as written.
	Facts string `json:"facts"`
	// Sector restricts violation matching to one enforcement field.
	Sector legal.Sector `json:"sector,omitempty"`
	// Violations is how many matched violations to return (default 5).
	Violations int `json:"violations,omitempty"`
	// SimilarCases is how many similar cases to return (default 5).
	SimilarCases int `json:"similar_cases,omitempty"`
	// ActDate (违法行为发生时间, YYYY-MM-DD) overrides the date read from
	// the facts; DecisionDate is the day of the decision (default today).
	// Together they decide which version of the law applies (行政处罚法
	// 第三十七条).
	ActDate      string `json:"act_date,omitempty"`
	DecisionDate string `json:"decision_date,omitempty"`
}

// Violation is a matched benchmark, or provision-level entry, with the
// engine's suggestion for it.
type Violation struct {
	BenchmarkID string `json:"benchmark_id"`
	// Kind is KindBenchmark for a catalog benchmark, KindProvision for a
	// fining provision no benchmark covers (BenchmarkID prov:…), answered
	// by the engine over the statutory range with the default levels.
	Kind string `json:"kind"`
	// Label is rules.ProvisionLabel for a provision, empty otherwise.
	Label  string       `json:"label,omitempty"`
	Name   string       `json:"name"`
	Sector legal.Sector `json:"sector"`
	Score  float64      `json:"score"`
	// Evidence of the match: the words of the benchmark found in the facts,
	// the share from similar cases and from extracted amounts.
	Matched      []string `json:"matched"`
	LexicalScore float64  `json:"lexical_score"`
	CaseScore    float64  `json:"case_score"`
	CueScore     float64  `json:"cue_score"`
	// Why explains the choice in Chinese: the provision and the elements
	// the facts show, any doubt about it, and the neighbouring provisions
	// set aside ("产品质量法第五十条：以次充好；排除第四十九条：未提及……").
	Why string `json:"why"`
	// Excluded are the neighbouring provisions set aside in favour of this
	// one, each with its reason; never null.
	Excluded []Excluded `json:"excluded"`
	// Flags are the benchmark's own circumstances read from the text
	// (儿童用品, 重污染天气预警期间 …) and given to the engine, each with the
	// words that show it, so the officer can check them.
	Flags []InferredFlag `json:"flags,omitempty"`
	// Suggestion is the /v1/suggest answer for this benchmark with the
	// extracted facts; nil when the engine refused them (see Error).
	Suggestion *rules.Suggestion `json:"suggestion"`
	Error      string            `json:"error,omitempty"`
	// Provision is the statute's conduct and fines for a provision.
	Provision *ProvisionDetail `json:"provision,omitempty"`
	// missing are the labels of the distinguishing elements the facts do
	// not show (what Why says after 未提及), for the disputes.
	missing []string
}

// Dispute is a point the party is likely to contest, or a reviewer should
// check, with why and the provisions it turns on.
type Dispute struct {
	Code  string       `json:"code"`
	Title string       `json:"title"`
	Why   string       `json:"why"`
	Basis []legal.Ref  `json:"basis"`
	Check []string     `json:"check,omitempty"`
	From  *DisputeFrom `json:"from,omitempty"`
}

// DisputeFrom names the similar case a dispute was carried from.
type DisputeFrom struct {
	CaseID string `json:"case_id"`
	Title  string `json:"title"`
}

// Norm is a provision pushed for the case.
type Norm struct {
	legal.Ref
	// Label is the canonical citation (食品安全法第一百二十四条第一款).
	Label string `json:"label"`
	// Kind is 违法依据, 处罚依据, 程序规定, 裁量规定, 移送规定 or 相关规定.
	Kind string `json:"kind"`
	Why  string `json:"why"`
	// Text is the provision's text when the statute is imported.
	Text string `json:"text,omitempty"`
	// Resolved is false when the statute is not imported, so the text could
	// not be read; the citation itself is from the verified catalog.
	Resolved bool `json:"resolved"`
	// Version is the date of the statute version the text was read from.
	Version string `json:"version,omitempty"`
	// Date is the day the provision was read for (the act's, see actDay);
	// empty for the version in force now.
	Date string `json:"date,omitempty"`
	// Status is in_force when the version applied on Date, repealed when
	// the law had been repealed by then, superseded when a newer version
	// of the law applied (NormRepealed, NormSuperseded).
	Status string `json:"status,omitempty"`
	// Notice tells the reader, in Chinese, that the law changed before the
	// act or before the decision, by what, and which rule applies.
	Notice string `json:"notice,omitempty"`
	// Successor is the provision of the law that took over, when the
	// benchmark's line gives it (the same conduct under the new article).
	Successor *legal.Ref `json:"successor,omitempty"`
	// SuccessorLabel cites Successor (生态环境法典第一千一百零七条).
	SuccessorLabel string `json:"successor_label,omitempty"`
}

// SimilarCase is a past case like this one, with how it ended.
type SimilarCase struct {
	ID            string             `json:"id"`
	Title         string             `json:"title"`
	Score         float64            `json:"score"`
	Sector        legal.Sector       `json:"sector"`
	ViolationType string             `json:"violation_type"`
	Disposition   legal.Disposition  `json:"disposition"`
	DecisionDate  string             `json:"decision_date,omitempty"`
	Penalty       corpus.Penalty     `json:"penalty"`
	Basis         []legal.Ref        `json:"basis"`
	Disputes      []string           `json:"disputes,omitempty"`
	Outcome       string             `json:"outcome,omitempty"`
	Illustrative  bool               `json:"illustrative,omitempty"`
	Matched       []string           `json:"matched"`
	Benchmarks    []string           `json:"benchmarks,omitempty"`
	Comparison    *PenaltyComparison `json:"comparison,omitempty"`
}

// PenaltyComparison sets a similar case's fine against this case's
// suggested range for the same benchmark.
type PenaltyComparison struct {
	BenchmarkID string  `json:"benchmark_id"`
	CaseFine    float64 `json:"case_fine"`
	// Position is below, within or above the suggested range.
	Position string `json:"position"`
	Note     string `json:"note"`
}

// Result is the whole analysis. Field names are part of the API.
type Result struct {
	Facts        Facts          `json:"facts"`
	Violations   []Violation    `json:"violations"`
	Transfer     rules.Transfer `json:"transfer"`
	Disputes     []Dispute      `json:"disputes"`
	Norms        []Norm         `json:"norms"`
	SimilarCases []SimilarCase  `json:"similar_cases"`
	Warnings     []string       `json:"warnings"`
}

// similarCase is a case hit with its full record. The record is pointed
// to, not copied: the in-memory index holds every case, and a copy of each
// of an analysis's ten or more cases (some 300 bytes each) was made for
// every request. Readers never write through it.
type similarCase struct {
	hit corpus.CaseHit
	c   *corpus.Case
}

// noCase is the record of a hit whose case is not stored (a search
// without a case store): the zero case, as the copy held before.
var noCase corpus.Case

// Analyze analyses the facts. It returns a *RequestError (wrapping
// ErrInvalidRequest) for empty, oversized or invalid UTF-8 facts or an
// unknown sector, and search errors wrapped with context; the analysis
// itself never fails on odd text.
func (a *Analyzer) Analyze(ctx context.Context, req Request) (Result, error) {
	if err := a.validate(&req); err != nil {
		return Result{}, err
	}
	if err := a.syncCaches(); err != nil {
		return Result{}, err
	}
	text := req.Facts
	res := Result{Warnings: []string{}}
	// What a claim says (an advertisement's promise, a rumour, a lie) did
	// not happen: nlp.Extract reads no amount or count inside a claim
	// (nlp.ClaimSpans), nor do the measures and the transfer below.
	ex := rules.ExtractFacts(text)
	x := ex.Extraction
	res.Facts = buildFacts(text, ex)
	if req.ActDate != "" {
		res.Facts.Engine.ActDate = req.ActDate
		if res.Facts.Engine.ActEndDate != "" && res.Facts.Engine.ActEndDate < req.ActDate {
			res.Facts.Engine.ActEndDate = ""
		}
	}
	res.Facts.Engine.DecisionDate = req.DecisionDate
	if req.DecisionDate == "" {
		if day := writtenDecisionDay(x.Dates, res.Facts.Engine); day != "" {
			// A published decision read later is judged on the law of its
			// own day, not today's (行政处罚法 第三十七条 compares the act's
			// law with the decision's).
			res.Facts.Engine.DecisionDate = day
			res.Warnings = append(res.Warnings, "未提供处罚决定日期，按事实中载明的作出处罚决定之日（"+corpus.ChineseDate(day)+"）确定决定时施行的法律。")
		}
	}
	if day, byDecision := continuingUntilDiscovered(&res.Facts.Engine); day != "" {
		when := "发现时仍在持续：以发现之日"
		if byDecision {
			when = "事实未写明发现日期、写明至今仍在持续：以作出决定之日"
		}
		res.Warnings = append(res.Warnings, "事实表明违法行为处于继续状态，"+when+"（"+corpus.ChineseDate(day)+"）作为行为持续到的日期，"+
			"据此确定适用的法律（行为跨越法律修改的，适用行为终了时的规定）和追责期限的起算；行为终了日期不同的，请填写。")
	}
	if day := actByDiscovery(&res.Facts.Engine); day != "" {
		res.Warnings = append(res.Warnings, "事实中未写明违法行为发生日期，只写明发现（检查、举报）之日：违法行为不晚于该日（"+corpus.ChineseDate(day)+"），"+
			"按该日施行的法律认定违法行为和适用的条款，作出决定时法律已修改或者废止的，按从旧兼从轻原则（行政处罚法第三十七条）比较；违法行为发生日期更早的，请填写。")
	}
	// The whole text normalised once: the child-labour check reads it, and
	// the match reads it again when the act is the whole text (focus).
	norm := nlp.NormalizeText(text)
	if employsChildren(norm) {
		// The birth dates of a child-labour case are the children's: an
		// age under sixteen is no party's (行政处罚法 第三十条 is the
		// offender's age), and the employer is no child.
		if g := res.Facts.Engine.Age; g != nil && *g < 16 {
			res.Facts.Engine.Age = nil
			res.Facts.Age = nil
		}
	} else if w := ageOnDecision(&res.Facts.Engine, x); w != "" {
		res.Warnings = append(res.Warnings, w)
	}
	if w := goodsFromSalesNote(&res.Facts.Engine, x); w != "" {
		res.Warnings = append(res.Warnings, w)
	}

	// Matching reads the act: in a whole decision, its 违法事实 and the laws
	// it applies (decisionFocus); the facts above are read from all of it
	// (the party's kind from its header, 不予处罚 from its decision).
	focus := decisionFocus(text)
	var q query
	if focus == text {
		q = a.match.newQueryNorm(norm)
	} else {
		q = a.match.newQuery(focus)
	}
	cases, err := a.similar(ctx, q, focus, req.Sector, max(req.SimilarCases, 10))
	if err != nil {
		return Result{}, err
	}
	// Read once: the decision asks the same numbers (factValues) as the
	// tiers and the transfer do.
	claims := nlp.ClaimSpans(q.norm)
	plainNorm, plainText := q.norm, text
	if len(claims) > 0 {
		plainNorm = nlp.BlankSpans(q.norm, claims)
		if focus == text {
			// q.norm begins with the normalised text: its claims are the
			// text's, read once.
			plainText = nlp.MaskClaimSpans(text, claims)
		} else {
			plainText = nlp.MaskClaims(text)
		}
	}
	// An earlier penalty's conduct (去年因销售过期食品被罚款，今年又……) is a
	// circumstance of the act found now, not the act: its words are not
	// matched (nlp.PriorPenaltySpans; the elements leave it out through
	// factValues.notActSpans). The figures and the transfer still read it.
	prior := nlp.PriorPenaltySpans(q.norm)
	if len(claims) > 0 || len(prior) > 0 {
		spans := append(slices.Clip(claims), prior...)
		pq := a.match.withoutSpans(q, spans, nlp.BlankSpans(q.norm, spans))
		q.plain = &pq
	}
	measured := measures(plainNorm, plainText, x)
	// The 违法经营总额 the facts make from a tobacco case's cigarettes sold
	// and seized is its 非法经营数额 too (烟草专卖品刑事案件解释 第四条). Not a
	// mark case's 违法经营额: what a seller of fakes dealt in is no 假冒注册
	// 商标罪's 非法经营数额 of making them.
	// A maker's is (侵犯知识产权解释 第十二条: the value of the infringing
	// goods made, stored and sold): the party put the mark on goods it made.
	if v := res.Facts.Engine.IllegalRevenue; v != nil && *v > measured[rules.MeasureIllegalRevenue] && (rules.NamesTobacco(plainText) || makesMarkedGoods(plainNorm)) {
		measured[rules.MeasureIllegalRevenue] = *v
	}
	// The earlier penalties the facts count (先后两次因…被处罚, two told one by
	// one) are an element of several thresholds (二年内…受过二次以上行政处罚).
	// Where the text tells them with cause and date, they are counted
	// by kind and within the threshold's time of the act (priorMeasures).
	if v := res.Facts.Engine.PriorPenalties2Y; v != nil {
		measured[rules.MeasurePriorPenalties] = *v
	}
	priorMeasures(plainText, res.Facts.Engine, measured)
	// A worker's or a victim's birth date in a text that dates no act
	// (员工郑某某，系2011年2月出生, a complaint without a date) ages them on
	// the decision day, as ageOnDecision does the party: an age under
	// sixteen then holds at the act too, so only the youngest is set, and
	// only where the act's day gave none.
	if _, ok := measured[rules.MeasureYoungestOther]; !ok && res.Facts.Engine.ActDate == "" {
		if a, ok := nlp.YoungestOtherOn(x, res.Facts.Engine.DecisionDate); ok && a < 18 {
			measured[rules.MeasureYoungestOther] = a
		}
	}
	// The value of what was mined told by its kind (所采河砂价值三十五万元,
	// 采出荒料约380立方米，评估价值8.9万元), not by the statute's word
	// 矿产品价值, is the 矿产资源法 第六十四条、第六十七条 fine's base as it
	// is 非法采矿罪's (minedValue): one reading for both.
	if v, ok := measured[rules.MeasureMineralValue]; ok && v > 0 && res.Facts.Engine.MineralValue == nil {
		res.Facts.Engine.MineralValue = &v
	}
	// Orders and their defiance, read once for the transfer cues and the
	// flags of the violations below.
	orders := readOrders(norm)
	read := a.readTransfer(plainText, orders)
	// Which version of a law applies is read for lawFacts: the act's day,
	// or the decision's when the facts give none (assumed, said below).
	lawFacts, assumed := lawDayFacts(res.Facts.Engine)
	voted := focus
	if len(prior) > 0 && focus == text {
		// q.norm begins with the normalised text: the spans map back.
		voted = nlp.MaskClaimSpans(text, prior)
	}
	learned := a.exemplarsFor(ctx).vote(voted)
	cands, pool, inText := a.match.rank(q, req.Sector, learned, a.tierFacts(read, res.Facts.Engine, measured), &factValues{norm: q.norm, text: text, x: x, measures: measured, day: actDay(lawFacts), claims: claims, claimsRead: true, prior: prior}, a.caseVotes(cases), req.Violations)
	cands = onTheDay(a.cfg.Catalog, cands, lawFacts, func(b *rules.Benchmark) bool { return a.match.successorExcluded(b, q.norm) })
	if focus != text {
		cands = citedFirst(focus, cands)
	}
	cands = disclaimedLast(text, cands)
	why, excluded := a.match.explainInForce(a.cfg.Catalog, cands, pool, actDay(lawFacts))
	// cands are copies (onTheDay) and explain made strings of the pool.
	a.match.recycle(pool)
	// The articles no benchmark covers are matched by their words alone:
	// a claim's words (宣称“三年内起火包赔十万元”) are not the facts'.
	pq := q
	if q.plain != nil {
		pq = *q.plain
	}
	provs := a.provisions.match(pq, req.Sector, inText, lawFacts, cands)
	// Only the first req.Violations are kept: the rest (the decision
	// pool runs to some thirty) are not built.
	res.Violations = make([]Violation, 0, min(len(cands)+len(provs), req.Violations))
	full := func() bool { return len(res.Violations) == req.Violations }
	interleave(cands, provs, func(p *provisionCandidate, i int) bool {
		if full() {
			return false
		}
		if p != nil {
			res.Violations = append(res.Violations, a.provisions.violation(*p, res.Facts.Engine))
			return true
		}
		c := &cands[i]
		res.Violations = append(res.Violations, Violation{BenchmarkID: c.b.ID, Kind: KindBenchmark, Name: c.b.Name, Sector: c.b.Sector,
			Score: round3(c.score), Matched: nonNil(c.matched), LexicalScore: round3(c.lexical), CaseScore: round3(c.cases),
			CueScore: round3(c.cues), Why: why[i], Excluded: excluded[i], missing: c.missing})
		return true
	})
	priors := &priorRead{text: plainText}
	for i := range res.Violations[:min(suggestTop, len(res.Violations))] {
		v := &res.Violations[i]
		b, cat := a.benchmark(v.BenchmarkID)
		if b == nil {
			continue
		}
		ef := res.Facts.Engine
		if flags, inferred := inferFlags(b, q.norm, orders); flags != nil {
			ef.Flags, v.Flags = flags, inferred
		}
		ef.Flags, v.Flags = priorWithinFlags(b, ef, priors, ef.Flags, v.Flags)
		ef = priorPenaltiesWindow(b, ef, priors)
		sug, warn, err := a.suggest(cat, b, ef)
		switch {
		case err != nil:
			v.Error = err.Error()
		default:
			if v.Provision != nil {
				sug.Warnings = append(sug.Warnings, provisionNote(v.Provision))
			}
			if it := a.items.item(b.ID, q.norm); it > 0 {
				citeItem(&sug, b.PenaltyRef, it)
			}
			v.Suggestion = &sug
		}
		if warn != "" {
			res.Warnings = append(res.Warnings, warn)
		}
	}
	heavierFirst(a.cfg.Catalog, res.Violations, cands)
	if len(res.Violations) == 0 {
		res.Warnings = append(res.Warnings, "未能从事实中识别出裁量基准中的违法行为，请补充违法行为的具体描述或选择执法领域。")
	}
	if assumed != "" && a.dayDecides(res.Violations) {
		res.Warnings = append(res.Warnings, assumedDayNote(assumed, res.Facts.Engine.DecisionDate == ""))
	}

	strong := strongest(res.Violations)
	// Crimes are mapped from catalog benchmarks: the transfer check weighs
	// the strongest benchmarks among themselves, so a provision ranked
	// among them does not crowd one out.
	// strongest reads no more than the first suggestTop.
	// A candidate the top violation set aside for its own provision
	// (优先适用) is the same conduct read as the top's: its crimes are not
	// the case's (the twenty-sixth round, transfer27a).
	yielded := yieldedToTop(res.Violations)
	bench := make([]Violation, 0, suggestTop)
	for _, c := range cands {
		if len(bench) == cap(bench) {
			break
		}
		if !yielded[c.b.ID] {
			bench = append(bench, Violation{BenchmarkID: c.b.ID, Score: round3(c.score)})
		}
	}
	res.Transfer = a.transfer(read, measured, strongest(bench))
	res.SimilarCases = a.similarOut(cases, x, res.Violations, req.SimilarCases)
	res.Disputes = a.disputes(q.norm, x, res)
	res.Norms, err = a.norms(ctx, res, strong)
	if err != nil {
		return Result{}, err
	}
	return res, nil
}

// interleave puts the provisions among the benchmark candidates, calling
// place for each in order (a provision p, or the candidate cands[i] with p
// nil) while place returns true. A provision goes before a benchmark on
// the benchmark's score without the learned vote (outranks), so a
// benchmark after it ranks at most the provision's score: its
// vote-lifted score would put a higher score below a lower one. That
// floor is set in cands itself, so the score a benchmark shows is the one
// every later use ranks and weighs it by (the transfer's strongest). The
// provisions left below a benchmark score at most its score.
func interleave(cands []candidate, provs []provisionCandidate, place func(p *provisionCandidate, i int) bool) {
	floor := 1.0
	open := true // place has not declined yet
	for i := range cands {
		c := &cands[i]
		for len(provs) > 0 && provs[0].outranks(*c) {
			open = open && place(&provs[0], -1)
			floor = min(floor, provs[0].score)
			provs = provs[1:]
		}
		c.score = min(c.score, floor)
		for k := range provs {
			provs[k].score = min(provs[k].score, c.score)
		}
		open = open && place(nil, i)
	}
	for k := range provs {
		if open = open && place(&provs[k], -1); !open {
			return
		}
	}
}

// strongShare is how close to the best match a violation's score must be
// for its crimes and provisions to be pushed: weaker matches are listed for
// the officer to consider, not argued from.
const strongShare = 0.85

// strongest returns the best match and those scoring within strongShare of
// it, at most suggestTop.
func strongest(vs []Violation) []Violation {
	var out []Violation
	for i, v := range vs {
		if i == suggestTop || v.Score < strongShare*vs[0].Score {
			break
		}
		out = append(out, v)
	}
	return out
}

// suggestTop is how many of the best candidates the engine runs on.
const suggestTop = 3

func (a *Analyzer) validate(req *Request) error {
	if !utf8.ValidString(req.Facts) {
		return &RequestError{"facts", "事实不是有效的 UTF-8 文本"}
	}
	if strings.ContainsRune(req.Facts, 0) {
		return &RequestError{"facts", "事实含有空字符"}
	}
	if strings.TrimSpace(req.Facts) == "" {
		return &RequestError{"facts", "缺少案件事实"}
	}
	if n := utf8.RuneCountInString(req.Facts); n > MaxFactsRunes {
		return &RequestError{"facts", fmt.Sprintf("案件事实过长（%d 字，最多 %d 字）", n, MaxFactsRunes)}
	}
	if req.Sector != "" {
		ok := false
		for _, b := range a.cfg.Catalog.All() {
			if b.Sector == req.Sector {
				ok = true
				break
			}
		}
		if !ok {
			return &RequestError{"sector", "未知的执法领域：" + string(req.Sector)}
		}
	}
	for _, d := range []struct{ field, v string }{{"act_date", req.ActDate}, {"decision_date", req.DecisionDate}} {
		if _, err := time.Parse(time.DateOnly, d.v); d.v != "" && err != nil {
			return &RequestError{d.field, "日期格式应为 YYYY-MM-DD"}
		}
	}
	if req.ActDate != "" && req.DecisionDate != "" && req.DecisionDate < req.ActDate {
		return &RequestError{"decision_date", "处罚决定日期早于违法行为发生日期"}
	}
	switch {
	case req.Violations < 0 || req.Violations > 20:
		return &RequestError{"violations", "violations 必须在 0 到 20 之间"}
	case req.Violations == 0:
		req.Violations = 5
	}
	switch {
	case req.SimilarCases < 0 || req.SimilarCases > 20:
		return &RequestError{"similar_cases", "similar_cases 必须在 0 到 20 之间"}
	case req.SimilarCases == 0:
		req.SimilarCases = 5
	}
	return nil
}

// onTheDay keeps one candidate per line of benchmarks (the same conduct
// under successive versions of a law, rules.Catalog.Line), which share their
// words and so rank together: the member in effect on the day of the act
// or, when the facts give no date, on the decision date (lawDayFacts:
// today unless the request names one); the engine applies 从旧兼从轻 from
// it. A line none of whose members covers the day is dropped, and so is one
// whose member of the day is excluded by the facts (excluded, may be nil:
// a successor's own excluding elements, which the decision, reading the
// line's first member, has not checked). With no day at all the best ranked
// is kept.
func onTheDay(cat *rules.Catalog, cands []candidate, f rules.Facts, excluded func(*rules.Benchmark) bool) []candidate {
	day := actDay(f)
	seen := make(map[string]bool, len(cands))
	out := make([]candidate, 0, len(cands))
	for _, c := range cands {
		line := cat.Line(c.b)
		if day != "" && line[0].EffectiveFrom != "" && day < line[0].EffectiveFrom {
			// The line begins with a law not yet in force on the act's day
			// (a conduct the 生态环境法典 made punishable on its own).
			continue
		}
		if day != "" {
			x := cat.InEffect(c.b, day)
			if x == nil {
				// The line ended before the day: its law was repealed or
				// changed with no benchmark written for what followed, or
				// the conduct is no longer unlawful. A repealed law is never
				// the answer for an act after the repeal; the provision
				// entries of the law in force that day (rules/provisions)
				// stand in for it.
				continue
			}
			if x != line[0] && excluded != nil && excluded(x) {
				continue
			}
			c.b = x
			relabelYield(cat, &c, day)
		}
		if seen[line[0].ID] {
			continue
		}
		seen[line[0].ID] = true
		out = append(out, c)
	}
	return out
}

// explainInForce explains cands (explain) against the benchmarks of pool
// in force on day, and adds the learned vote's note to the first's
// explanation (votedOver). inEffectOn filters pool in place: the rival is
// looked for in its result, not in pool, whose tail it leaves stale
// (benchmarks not in force on the day, kept ones twice).
func (m *matcher) explainInForce(cat *rules.Catalog, cands, pool []candidate, day string) (why []string, excluded [][]Excluded) {
	inForce := inEffectOn(cat, pool, day)
	why, excluded = m.explain(cands, inForce)
	if len(cands) > 0 {
		if rival := m.votedOver(cands[0], inForce); rival != nil {
			why[0] += votedNote(rival)
		}
	}
	return why, excluded
}

// inEffectOn gives each benchmark of the pool (a line's first member: the
// matcher scores a line once) the member of its line in effect on day,
// dropping the lines none of whose members applies then, so that an
// answer explains what it set aside with the provisions of that day (a
// 2026 act's with the 生态环境法典's articles, not the repealed laws'); the
// pool unchanged without a day. It filters pool in place: the pool is
// the matcher's for this request and read no more once explained.
func inEffectOn(cat *rules.Catalog, pool []candidate, day string) []candidate {
	if day == "" {
		return pool
	}
	out := pool[:0]
	for _, d := range pool {
		if x := cat.InEffect(d.b, day); x != nil {
			d.b = x
			relabelYield(cat, &d, day)
			out = append(out, d)
		}
	}
	return out
}

// relabelYield names, in the explanation of a candidate that yields to a
// special provision, the provision in effect on day: a 2026 act's waste
// dumped into a river yields to 生态环境法典 第一千一百三十六条, not to the
// 水污染防治法 article the line began with.
func relabelYield(cat *rules.Catalog, c *candidate, day string) {
	if c.yieldTo == nil {
		return
	}
	if x := cat.InEffect(c.yieldTo, day); x != nil {
		c.yieldLabel = cat.PenaltyLabel(x)
	}
}

// continuingUntilDiscovered gives a continuing act (Continuing: 仍在使用,
// 至今未拆除 …) with no end date the discovery date as its end, and
// returns that day: it was still going on when discovered, so the law of
// that day governs it (an outfall set up in June 2026 and still used in
// September is punished under the 生态环境法典, not the law it repealed in
// August) and 行政处罚法 第三十六条 counts from no earlier. Facts that date
// no discovery but say the act goes on to this day (2018年建成……至今仍未
// 拆除) continue to the decision date, byDecision true: a building put up
// before a law's version took effect and still standing is judged under the
// version of the decision's day, and is not time-barred. "" when the facts
// give an end date, neither date is known, or they do not say the act
// continues.
func continuingUntilDiscovered(f *rules.Facts) (day string, byDecision bool) {
	if !f.Continuing || f.ActEndDate != "" {
		return "", false
	}
	end := f.DiscoveryDate
	if end == "" {
		end, byDecision = f.DecisionDate, true
	}
	if end == "" || end < f.ActDate {
		return "", false
	}
	f.ActEndDate = end
	return end, byDecision
}

// writtenDecisionDay is the day the facts say the penalty was decided
// (本局于2026年1月10日作出行政处罚决定; a published 决定书's date), when the
// request names none: the first such date not before any date of the act
// or its discovery and not after today. "" without one.
//
// A decision of an earlier penalty or of another case (前次处罚决定于…作出;
// 此前本局已于…对其另案作出行政处罚决定: nlp.Date.Earlier) is not this
// case's; of several that qualify the latest is (a decision is the last
// step, and a 决定书 may quote an earlier one).
func writtenDecisionDay(dates []nlp.Date, f rules.Facts) string {
	today, day := legal.Today(), ""
	for _, d := range dates {
		if d.Role != nlp.DateDecision || d.Earlier || d.Value > today {
			continue
		}
		if d.Value < f.ActDate || d.Value < f.ActEndDate || d.Value < f.DiscoveryDate {
			continue
		}
		day = max(day, d.Value)
	}
	return day
}

// actByDiscovery gives facts that date only the discovery (an inspection,
// a complaint, a police report) that day as the act's, and returns it: the
// act happened by then, so the law of that day governs it unless 行政处罚法
// 第三十七条 makes a later, lighter one apply. The decision date, which
// lawDayFacts would otherwise assume, can fall after a change the act
// predates (an act found in June 2026 and decided in September is judged
// under the law it broke, not under the 生态环境法典 that followed it). ""
// when the facts date the act or give no discovery date.
func actByDiscovery(f *rules.Facts) string {
	if f.ActDate != "" || f.ActEndDate != "" || f.DiscoveryDate == "" {
		return ""
	}
	if f.DecisionDate != "" && f.DecisionDate < f.DiscoveryDate {
		return ""
	}
	f.ActDate = f.DiscoveryDate
	return f.ActDate
}

// lawDayFacts returns the facts the choice of a law's version reads, and
// the day it assumed: when the facts give no act date, the decision date,
// today unless the request names one. An officer deciding today applies
// the law in force today (an environmental fact pattern gets the 生态环境
// 法典, not the laws it repealed) unless the act predates a change, which
// only the act date can show; the answer says so (assumedDayNote).
func lawDayFacts(f rules.Facts) (rules.Facts, string) {
	if f.ActEndDate != "" || f.ActDate != "" {
		return f, ""
	}
	if f.DecisionDate == "" {
		f.DecisionDate = legal.Today()
	}
	return f, f.DecisionDate
}

// dayDecides reports whether the day chose between versions for any of
// the violations the engine runs on: a benchmark of a line of versions, or
// one (a provision entry included) written for a version that took effect
// after the catalog was written or that has stopped applying.
func (a *Analyzer) dayDecides(vs []Violation) bool {
	for _, v := range vs[:min(suggestTop, len(vs))] {
		b, cat := a.benchmark(v.BenchmarkID)
		if b == nil {
			continue
		}
		if len(cat.Line(b)) > 1 || b.EffectiveTo != "" || b.EffectiveFrom > a.cfg.Catalog.Config.WrittenOn {
			return true
		}
	}
	return false
}

// assumedDayNote tells the officer which day's law the analysis assumed.
func assumedDayNote(day string, today bool) string {
	which := "处罚决定日期"
	if today {
		which = "今天"
	}
	return "事实中未写明违法行为发生日期，按" + which + "（" + corpus.ChineseDate(day) + "）施行的法律认定违法行为和适用的条款；" +
		"违法行为发生在有关法律修改或者废止之前的，请补充违法行为发生日期，以便按从旧兼从轻原则（行政处罚法第三十七条）确定适用的规定。"
}

// actDay is the day that decides which version of a law applies: the end
// of the act, its date, or the decision date when the facts give neither;
// "" without any.
func actDay(f rules.Facts) string {
	for _, d := range []string{f.ActEndDate, f.ActDate, f.DecisionDate} {
		if d != "" {
			return d
		}
	}
	return ""
}

// suggest runs the engine. Extracted facts the benchmark refuses (a fact
// outside its range, a date order the text got wrong) are dropped one at a
// time with a warning, so a stray number does not lose the suggestion.
func (a *Analyzer) suggest(cat *rules.Catalog, b *rules.Benchmark, ef rules.Facts) (rules.Suggestion, string, error) {
	var dropped []string
	for range 8 {
		sug, err := cat.Suggest(b.ID, ef)
		var fe *rules.FactError
		if err == nil || !errors.As(err, &fe) || !dropFact(&ef, fe.Field) {
			warn := ""
			if len(dropped) > 0 {
				warn = b.Name + "：提取的事实 " + strings.Join(dropped, "、") + " 不适用，未用于裁量"
			}
			return sug, warn, err
		}
		dropped = append(dropped, fe.Field)
	}
	return rules.Suggestion{}, "", fmt.Errorf("suggest %s: too many unusable facts", b.ID)
}

// benchmark finds a violation's benchmark and the catalog that answers for
// it: the catalog's, or the provision catalog for a prov: id; nil when
// neither knows it.
func (a *Analyzer) benchmark(id string) (*rules.Benchmark, *rules.Catalog) {
	cat := a.cfg.Catalog
	if rules.IsProvisionID(id) {
		cat = a.provisions.cat
	}
	b, err := cat.Get(id)
	if err != nil {
		return nil, nil
	}
	return b, cat
}

// dropFact clears one engine fact by its JSON name; false when it is not
// one extraction sets.
func dropFact(f *rules.Facts, field string) bool {
	switch field {
	case "age":
		f.Age = nil
	case "act_date", "decision_date":
		// The decision date is the request's, checked against its act
		// date: a refused pair means the date read from the text is wrong.
		f.ActDate = ""
	case "act_end_date":
		f.ActEndDate = ""
	case "discovery_date":
		f.DiscoveryDate = ""
	case "persons":
		f.Persons = nil
	case "vehicles":
		f.Vehicles = nil
	case "days":
		f.Days = nil
	case "quantity":
		f.Quantity = nil
	case "prior_penalties", "prior_penalties_2y":
		f.PriorPenalties, f.PriorPenalties2Y = nil, nil
	default:
		return false
	}
	return true
}

func round3(v float64) float64 { return float64(int64(v*1000+0.5)) / 1000 }

func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

// goodsFromSalesNote tells the officer that the 货值金额 the fine is computed
// from is the 销售金额, taken because the facts told the sales and nothing of
// goods held (nlp.GoodsFromSales): the 货值金额 of 产品质量法 第七十二条 and
// its kin is all the goods dealt in at their 标价, so stock, seized goods or
// a 标价 above the price paid change it; likewise for a stock counted at the
// price the text gives (nlp.GoodsWithStock). It returns "" otherwise.
func goodsFromSalesNote(f *rules.Facts, x nlp.Extraction) string {
	if f.GoodsValue == nil {
		return ""
	}
	switch x.GoodsFrom {
	case nlp.GoodsWithStock:
		return "货值金额按已销售的金额加库存数量乘以事实所写的价格计算（" + yuan(*f.GoodsValue) + "元）；货值金额按违法生产、销售的产品的标价计算（如产品质量法第七十二条），库存货物的标价不同的，请核实后更正。"
	case nlp.GoodsFromSales:
	default:
		return ""
	}
	return "事实只写明销售金额、未述及库存或者查扣的货物：货值金额暂按销售金额" + yuan(*f.GoodsValue) + "元" +
		"计算；货值金额按违法生产、销售的全部产品（含尚未销售的）的标价计算（如产品质量法第七十二条），尚有库存、查扣的货物或者标价不同的，请核实后更正。"
}

// ageOnDecision sets the party's age from a birth date the text gives
// when no other date in it dated the act (2011年9月出生 in a complaint
// without a date): the age on the act day, else the decision day. The age
// on the decision day is at least the age at the act, so it is used only
// when it is under 18, where 行政处罚法 第三十条 holds at the act as well.
// It returns the warning to show, or "".
func ageOnDecision(f *rules.Facts, x nlp.Extraction) string {
	if f.Age != nil || f.PartyKind == "单位" {
		return ""
	}
	day, on := f.ActDate, "违法行为发生日"
	if day == "" {
		day, on = f.DecisionDate, "决定日"
	}
	age, ok := nlp.AgeOn(x.Dates, day)
	if !ok || age >= 18 {
		return ""
	}
	f.Age = &age
	if on == "决定日" {
		return fmt.Sprintf("案件事实未载明违法行为发生日期，当事人年龄按出生日期计算至%s为%.0f周岁（行为时不会更大），请核对行为时的年龄（行政处罚法第三十条）", on, age)
	}
	return ""
}
