package caseanalysis

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// Dispute codes. They are stable identifiers for clients; titles and
// reasons are Chinese.
const (
	DisputeSubject          = "subject"
	DisputeAmount           = "amount_basis"
	DisputeFault            = "subjective_fault"
	DisputeLimitation       = "limitation"
	DisputeNotice           = "procedure_notice"
	DisputeHearing          = "procedure_hearing"
	DisputeEvidence         = "evidence_gaps"
	DisputeProportionality  = "proportionality"
	DisputeTransfer         = "crime_transfer"
	DisputeCarried          = "similar_case"
	DisputeMedium           = "inspection_medium"
	maxCarriedDisputes      = 3
	limitationWarningMonths = 18
)

// cfl is 行政处罚法, which most dispute points turn on.
const cfl = "行政处罚法"

func cflRef(article, paragraph, item int) legal.Ref {
	return legal.Ref{Law: cfl, Article: article, Paragraph: paragraph, Item: item}
}

// faultCues are what parties say when they deny fault.
var faultCues = []string{"不知道", "不知情", "不清楚", "并不知晓", "进货查验", "合法来源", "供货商提供", "供货方提供", "索证索票", "被他人冒用", "员工个人行为"}

// subjectCues point at who really ran the business.
var subjectCues = []string{"挂靠", "承包", "实际经营", "实际控制", "借用", "租赁柜台", "冒用", "代为经营"}

// disputes derives the points the party is likely to contest, for the best
// matched violation, plus those recorded in the most similar cases.
func (a *Analyzer) disputes(norm string, x nlp.Extraction, res Result) []Dispute {
	out := []Dispute{}
	var top *rules.Benchmark
	var sug *rules.Suggestion
	if len(res.Violations) > 0 {
		top, _ = a.benchmark(res.Violations[0].BenchmarkID)
		sug = res.Violations[0].Suggestion
	}
	// An administrative order (责令加付赔偿金) is no 行政处罚: the points that
	// turn on 行政处罚法 (时效, 告知与陈述申辩 before a 处罚决定, 听证, 过罚相当)
	// are left out, and its amount is not called 罚款.
	order := sug != nil && sug.Disposition == legal.DispositionOrder
	measure := "罚款"
	if order {
		measure = "加付赔偿金"
	}

	// Subject identity and qualification.
	switch {
	case x.PartyKind == "":
		out = append(out, Dispute{Code: DisputeSubject, Title: "当事人身份与主体资格",
			Why:   "事实中未写明当事人是个人、个体工商户还是单位；处罚对象认定错误将导致处罚决定被撤销，决定书也须载明当事人姓名或者名称。",
			Basis: []legal.Ref{cflRef(4, 0, 0), cflRef(59, 1, 1)},
			Check: []string{"营业执照或者身份证明", "经营者与实际经营人是否一致"}})
	case containsAny(norm, subjectCues):
		out = append(out, Dispute{Code: DisputeSubject, Title: "实际经营者（处罚对象）的认定",
			Why:   "事实涉及挂靠、承包、租赁或者实际经营人，当事人可能主张违法行为不是其实施，处罚对象需有证据支持。",
			Basis: []legal.Ref{cflRef(4, 0, 0), cflRef(40, 0, 0)},
			Check: []string{"登记主体与实际经营人的证明", "承包、租赁或者挂靠合同"}})
	}

	// How the amount the fine depends on was computed.
	if top != nil {
		if base := fineBase(top); base != "" {
			label := rules.BaseLabel(base)
			d := Dispute{Code: DisputeAmount, Title: label + "的认定与计算", Basis: []legal.Ref{}}
			if hasAmount(res.Facts.Engine, base) {
				d.Why = fmt.Sprintf("%s以%s为基数计算，当事人常对计算范围（已售与未售、标价与实际售价、成本是否扣除）提出异议。", measure, label)
				d.Check = []string{label + "计算明细及凭证", "价格认定依据"}
			} else {
				d.Why = fmt.Sprintf("%s以%s为基数计算，但事实中未查明%s，无法确定适用的%s档次。", measure, label, label, measure)
				d.Check = []string{"补充查明" + label}
			}
			if strings.HasPrefix(top.PenaltyRef.Law, "产品质量法") && base == "goods_value" {
				d.Basis = append(d.Basis, legal.Ref{Law: "产品质量法", Article: 72})
			}
			if base == "illegal_gains" {
				d.Basis = append(d.Basis, cflRef(28, 2, 0))
			}
			d.Basis = append(d.Basis, top.PenaltyRef)
			out = append(out, d)
		}
	}

	// An inspection refused: one conduct in four pollution laws, the article
	// (and before 2026-08-15 the range) chosen by the medium inspected.
	if d, ok := mediumDispute(top, res); ok {
		out = append(out, d)
	}

	// Subjective fault.
	if containsAny(norm, faultCues) {
		d := Dispute{Code: DisputeFault, Title: "主观过错",
			Why:   "事实中当事人主张不知情或者已履行查验义务；当事人有证据足以证明没有主观过错的，不予行政处罚，法律、行政法规另有规定的除外。",
			Basis: []legal.Ref{cflRef(33, 2, 0)},
			Check: []string{"进货查验记录、供货者资质和票据", "当事人能否如实说明进货来源"}}
		if top != nil && strings.HasPrefix(top.PenaltyRef.Law, "食品安全法") {
			d.Basis = append(d.Basis, legal.Ref{Law: "食品安全法", Article: 136})
		}
		if top != nil && top.FaultException {
			d.Why += "本违法行为所依据的法律另有规定，无过错不当然免责。"
		}
		out = append(out, d)
	}

	// Limitation period.
	if d, ok := limitationDispute(res.Facts.Engine, top); ok && !order {
		out = append(out, d)
	}
	if order {
		return tailDisputes(out, norm, top, sug, res, order)
	}

	// Procedure: notice, statement and defence; hearing.
	out = append(out, Dispute{Code: DisputeNotice, Title: "告知与陈述申辩",
		Why:   "作出处罚决定前必须告知拟处罚的内容及事实、理由、依据和陈述、申辩权利，并复核当事人的意见；未告知或者拒绝听取陈述申辩的，不得作出处罚决定，且不得因申辩加重处罚。",
		Basis: []legal.Ref{cflRef(44, 0, 0), cflRef(45, 0, 0), cflRef(62, 0, 0)},
		Check: []string{"行政处罚事先告知书及送达回证", "陈述申辩笔录及复核意见"}})
	switch {
	case sug != nil && sug.Procedure.Hearing:
		out = append(out, Dispute{Code: DisputeHearing, Title: "听证权利",
			Why:   "拟作出的处罚属于应当告知听证权利的情形（较大数额罚款、没收较大数额违法所得、吊销许可证件、责令停产停业等）；当事人应在告知后五日内提出听证要求。",
			Basis: []legal.Ref{cflRef(63, 1, 0), cflRef(64, 0, 1)},
			Check: []string{"听证告知书", "当事人是否申请听证及听证笔录"}})
	case sug != nil && sug.Suggested != nil && hearingUnknown(sug):
		// The 较大数额 line is provincial and not configured: say the
		// question is open rather than guess it either way.
		out = append(out, Dispute{Code: DisputeHearing, Title: "听证权利（较大数额待确认）",
			Why:   fmt.Sprintf("拟罚款最高 %s 元，是否达到本地“较大数额罚款”标准需按本省规定确认；达到的，应当告知听证权利，当事人应在告知后五日内提出。", yuan(sug.Suggested.FineMax)),
			Basis: []legal.Ref{cflRef(63, 1, 1), cflRef(64, 0, 1)},
			Check: []string{"本省较大数额罚款标准", "听证告知书"}})
	}

	return tailDisputes(out, norm, top, sug, res, order)
}

// tailDisputes adds the last points: evidence gaps, proportionality (not for
// an administrative order, which is no penalty to weigh), crime transfer and
// the points of similar cases.
func tailDisputes(out []Dispute, norm string, top *rules.Benchmark, sug *rules.Suggestion, res Result, order bool) []Dispute {
	// Evidence gaps against the benchmark's checklist.
	if top != nil && len(top.Evidence) > 0 {
		var missing []string
		for _, e := range top.Evidence {
			if !mentions(norm, e) {
				missing = append(missing, e)
			}
		}
		if len(missing) > 0 {
			out = append(out, Dispute{Code: DisputeEvidence, Title: "证据是否充分",
				Why:   fmt.Sprintf("%s的证据清单中，事实未提及：%s。违法事实不清、证据不足的，不得给予行政处罚。", top.Name, strings.Join(missing, "、")),
				Basis: []legal.Ref{cflRef(40, 0, 0), cflRef(46, 0, 0)},
				Check: missing})
		}
	}

	// Proportionality against the benchmark and similar cases.
	if d, ok := proportionality(res, top, sug); ok && !order {
		out = append(out, d)
	}

	// Crime transfer.
	if res.Transfer.Risk == rules.RiskLikely || res.Transfer.Risk == rules.RiskNear {
		why := "案件可能涉嫌" + res.Transfer.Crime + "，达到或者接近立案追诉标准：" + res.Transfer.Threshold + "。涉嫌犯罪的应当移送司法机关，不得以行政处罚代替移送。"
		out = append(out, Dispute{Code: DisputeTransfer, Title: "是否涉嫌犯罪应当移送", Why: why,
			Basis: []legal.Ref{cflRef(27, 1, 0), {Law: "行政执法机关移送涉嫌犯罪案件的规定", Article: 3}, {Law: "行政执法机关移送涉嫌犯罪案件的规定", Article: 11}},
			Check: res.Transfer.Missing})
	}

	// Points recorded in the most similar cases.
	carried := 0
	seen := map[string]bool{}
	for _, sc := range res.SimilarCases {
		for _, p := range sc.Disputes {
			if carried == maxCarriedDisputes || seen[p] {
				continue
			}
			seen[p] = true
			carried++
			out = append(out, Dispute{Code: DisputeCarried, Title: p, Why: "类案中当事人或者复核机关关注的争议焦点。",
				Basis: []legal.Ref{}, From: &DisputeFrom{CaseID: sc.ID, Title: sc.Title}})
		}
	}
	return out
}

func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if nlp.Contains(s, x) {
			return true
		}
	}
	return false
}

// mentions reports whether the facts mention an evidence item: the item
// itself or its head word (现场检查笔录 → 检查笔录, 笔录).
func mentions(text, item string) bool {
	if nlp.Contains(text, item) {
		return true
	}
	// Its suffixes of four runes or more, longest first, sliced in place
	// (item is valid UTF-8: a catalog word).
	n := utf8.RuneCountInString(item)
	for i := 0; n > 4; n-- {
		_, w := utf8.DecodeRuneInString(item[i:])
		i += w
		if nlp.Contains(text, item[i:]) {
			return true
		}
	}
	return false
}

// fineBase is the amount the benchmark's fine is computed from, if any.
func fineBase(b *rules.Benchmark) string {
	for _, p := range b.Penalties {
		if p.Fine != nil && p.Fine.Base != "" {
			return p.Fine.Base
		}
	}
	return ""
}

func hasAmount(f rules.Facts, base string) bool {
	_, ok := f.Amount(base)
	return ok
}

// limitationDispute flags an act close to or past the limitation period
// (二年, or the benchmark's own period) counted from the act or the end of
// a continuing act to discovery, or to today when discovery is unknown.
func limitationDispute(f rules.Facts, b *rules.Benchmark) (Dispute, bool) {
	start := f.ActEndDate
	if start == "" {
		start = f.ActDate
	}
	if start == "" {
		return Dispute{}, false
	}
	from, err := time.Parse("2006-01-02", start)
	if err != nil {
		return Dispute{}, false
	}
	to := time.Now()
	toWhat := "今天"
	if f.DiscoveryDate != "" {
		if d, err := time.Parse("2006-01-02", f.DiscoveryDate); err == nil {
			to, toWhat = d, "发现之日"
		}
	}
	limit := 24
	basis := []legal.Ref{cflRef(36, 0, 0)}
	if b != nil && b.LimitationMonths > 0 {
		limit = b.LimitationMonths
		if b.LimitationBasis != nil {
			basis = append(basis, *b.LimitationBasis)
		}
	}
	months := monthsBetween(from, to)
	warnAt := limit * limitationWarningMonths / 24
	if months < warnAt {
		return Dispute{}, false
	}
	return Dispute{Code: DisputeLimitation, Title: "追责时效",
		Why: fmt.Sprintf("违法行为（或者连续、继续状态终了）发生于 %s，至%s约 %d 个月，追责期限为 %d 个月；当事人可能主张已过时效。需查明行为是否有连续或者继续状态以及发现日期。",
			start, toWhat, months, limit),
		Basis: basis,
		Check: []string{"违法行为发生及终了日期的证据", "立案或者发现日期"}}, true
}

func monthsBetween(a, b time.Time) int {
	m := (b.Year()-a.Year())*12 + int(b.Month()) - int(a.Month())
	if b.Day() < a.Day() {
		m--
	}
	return m
}

// proportionalityRatio is how many times the amount involved the minimum
// fine must exceed before the fine looks out of proportion.
const proportionalityRatio = 10

// proportionality flags a fine far above the amount involved and similar
// cases decided outside this case's suggested range.
func proportionality(res Result, top *rules.Benchmark, sug *rules.Suggestion) (Dispute, bool) {
	if top == nil || sug == nil || sug.Suggested == nil {
		return Dispute{}, false
	}
	var reasons []string
	if base := fineBase(top); base != "" && hasAmount(res.Facts.Engine, base) {
		amt := amountOf(res.Facts.Engine, base)
		if amt > 0 && sug.Suggested.FineMin >= proportionalityRatio*amt {
			reasons = append(reasons, fmt.Sprintf("建议罚款下限 %s 元是%s %s 元的 %.0f 倍，当事人可能主张过罚不相当；符合第三十二条情形的可以减轻处罚", yuan(sug.Suggested.FineMin), rules.BaseLabel(base), yuan(amt), sug.Suggested.FineMin/amt))
		}
	}
	var off []string
	for _, sc := range res.SimilarCases {
		if sc.Comparison != nil && sc.Comparison.Position != "within" {
			off = append(off, sc.Title+"（"+sc.Comparison.Note+"）")
		}
	}
	if len(off) > 0 {
		reasons = append(reasons, "类案处罚与本案建议幅度不一致："+strings.Join(off, "；"))
	}
	if len(reasons) == 0 {
		return Dispute{}, false
	}
	return Dispute{Code: DisputeProportionality, Title: "过罚相当与裁量一致性", Why: strings.Join(reasons, "。") + "。",
		Basis: []legal.Ref{cflRef(5, 2, 0), cflRef(34, 0, 0), cflRef(32, 0, 0)}}, true
}

func amountOf(f rules.Facts, base string) float64 {
	v, _ := f.Amount(base)
	return v
}

// hearingUnknown reports whether the engine could not decide the 较大数额
// hearing question for lack of a configured threshold or party kind.
func hearingUnknown(s *rules.Suggestion) bool {
	for _, w := range s.Warnings {
		if nlp.Contains(w, "较大数额") {
			return true
		}
	}
	return false
}

// obstructedMedia are the inspection-refusal benchmarks of the pollution
// laws (水 第八十一条, 大气 第九十八条, 固废 第一百零三条, 噪声 第七十一条; the
// 法典's 第一千二百二十九条 for acts from 2026-08-15): the same conduct,
// the article told apart only by the medium the inspection was of.
var obstructedMedia = map[string]string{
	"water-81-obstructing-inspection": "水污染防治法第八十一条", "air-98-obstructing-inspection": "大气污染防治法第九十八条",
	"waste-103-obstructing-inspection": "固体废物污染环境防治法第一百零三条", "noise-71-obstructing-inspection": "噪声污染防治法第七十一条",
	"eco-1229-obstructing-water": "生态环境法典第一千二百二十九条", "eco-1229-obstructing-air": "生态环境法典第一千二百二十九条",
	"eco-1229-obstructing-waste": "生态环境法典第一千二百二十九条", "eco-1229-obstructing-noise": "生态环境法典第一千二百二十九条",
}

// mediumDispute says, for an inspection refused whose facts name no medium
// (no pollutant, facility or waste of the benchmark's law), that the
// article was not decided by the facts and the medium inspected decides it.
func mediumDispute(top *rules.Benchmark, res Result) (Dispute, bool) {
	if top == nil || len(top.Requires) < 2 || len(res.Violations) == 0 {
		return Dispute{}, false
	}
	if _, ok := obstructedMedia[top.ID]; !ok {
		return Dispute{}, false
	}
	if !slices.Contains(res.Violations[0].missing, top.Requires[len(top.Requires)-1].Label) {
		return Dispute{}, false
	}
	return Dispute{Code: DisputeMedium, Title: "被拒绝检查的污染介质",
		Why: "事实写明拒绝、阻挠监督检查，但未写明检查的是废水、废气、固体废物还是噪声；各单行法对同一行为分设条款（水污染防治法第八十一条、大气污染防治法第九十八条、固体废物污染环境防治法第一百零三条、噪声污染防治法第七十一条，罚款幅度不同），" +
			"本条（" + obstructedMedia[top.ID] + "）仅按用语排序，须按检查事项确定适用条款。",
		Basis: []legal.Ref{top.PenaltyRef},
		Check: []string{"检查通知或者执法文书载明的检查事项", "现场检查笔录中拟检查的设施、排放口或者贮存场所"}}, true
}
