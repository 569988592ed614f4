package documents

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/cailiang/cailiang/nlp"
)

// Statutes resolves a cited article as it stood on a date. The caller
// implements it over the imported statutes (the app package, over the
// corpus resolver).
type Statutes interface {
	// Article returns the article law (title as cited, with or without
	// 中华人民共和国) article (第X条[第Y款][第（Z）项]) in the version that
	// applied on date (YYYY-MM-DD); an error when the law or article is not
	// in the imported statutes or no version applied on date.
	Article(law, article, date string) (CitedArticle, error)
}

// CitedArticle is what Statutes answers.
type CitedArticle struct {
	// Label is the canonical citation (食品安全法第一百二十四条第一款).
	Label string
	// Text is the whole article, to check quotes against.
	Text string
	// InForce is false when the law had been repealed by the date.
	InForce bool
	// Notice explains a status other than in force, in Chinese.
	Notice string
}

// Problem is one element that fails a check: issuing is blocked until it
// is fixed.
type Problem struct {
	// Code is the check: missing, cite_unresolved, cite_not_in_force,
	// quote_mismatch, amount_mismatch, fine_range, deadline, officers,
	// procedure.
	Code string `json:"code"`
	// Element names the element in Chinese (住所, 《…》第X条, 罚款, 复议期限).
	Element string `json:"element"`
	Message string `json:"message"`
}

// Check runs every check before issuing doc (rendered from in) and returns
// every failed element; none means the document may be issued. Draft
// documents are checked the same way. Without st no citation can be
// verified, and every cited article is reported.
func (g *Generator) Check(doc Document, in Input, st Statutes) []Problem {
	var out []Problem
	add := func(code, element, msg string) {
		out = append(out, Problem{Code: code, Element: element, Message: msg})
	}
	text := doc.Text()

	// 1. Every element the template asks for is there.
	for _, m := range missingPattern.FindAllStringSubmatch(text, -1) {
		add("missing", m[1], "文书缺少“"+m[1]+"”"+agencyHints[m[1]])
	}

	// 2. Every cited article resolves, applies on the date, and is quoted
	// as the statute says.
	if uses(doc, in.Violated) || uses(doc, in.Basis) || uses(doc, in.Transfer.Basis) {
		for _, p := range cited(doc, in) {
			if st == nil {
				add("cite_unresolved", p.Label(), "未能核对引用的法条（法规库不可用）")
				continue
			}
			art, err := st.Article(p.Law, p.Article, in.Date)
			if err != nil {
				add("cite_unresolved", p.Label(), "已导入的法规中找不到"+p.Label()+"（"+err.Error()+"）")
				continue
			}
			if !art.InForce {
				add("cite_not_in_force", p.Label(), p.Label()+"在"+chineseDate(in.Date)+"不是现行有效的规定："+art.Notice)
			}
			if p.Text != "" && !quoted(p.Text, art.Text) {
				add("quote_mismatch", p.Label(), "引用的条文与法规原文不一致："+p.Label())
			}
		}
	}

	// 3. Every amount in the document equals the record.
	out = append(out, checkAmounts(doc, in)...)

	// 4. The fine lies in the statutory range, or the mitigation is recorded.
	pen := in.Penalty
	if pen.Fine > 0 && (doc.Kind == KindNotice || doc.Kind == KindHearingNotice || doc.Kind == KindDecision || doc.Kind == KindReview) {
		switch {
		case pen.StatutoryMin == 0 && pen.StatutoryMax == 0:
			add("fine_range", "罚款", "未记录处罚依据规定的罚款幅度，无法核对罚款数额")
		case pen.StatutoryMax > 0 && pen.Fine > pen.StatutoryMax:
			add("fine_range", "罚款", "罚款"+yuan(pen.Fine)+"超过法定上限"+yuan(pen.StatutoryMax))
		case pen.Fine < pen.StatutoryMin && strings.TrimSpace(pen.Mitigation) == "":
			add("fine_range", "罚款", "罚款"+yuan(pen.Fine)+"低于法定下限"+yuan(pen.StatutoryMin)+"，且未记录减轻处罚的理由")
		}
	}

	// 5. Deadlines and remedies are stated, with the terms of the law.
	p := g.profiles.profile(in.Sector)
	need := func(element string, phrases ...string) {
		for _, ph := range phrases {
			if !strings.Contains(text, ph) {
				add("deadline", element, "文书未写明"+element+"（应含“"+ph+"”）")
				return
			}
		}
	}
	cn := func(n int) string { return nlp.FormatChineseInt(int64(n)) }
	switch doc.Kind {
	case KindDecision, KindNoPenalty:
		if doc.Kind == KindDecision && pen.Fine > 0 {
			need("罚款缴纳期限", cn(p.PaymentDays)+"日内", "缴纳罚款")
			need("加处罚款", "百分之"+cn(p.SurchargePercent)+"加处罚款", "不得超出罚款的数额")
		}
		need("行政复议期限", cn(p.ReviewDays)+"日内", "申请行政复议")
		need("行政诉讼期限", cn(p.LitigationMonths)+"个月内", "提起行政诉讼")
	case KindNotice:
		need("陈述、申辩期限", "陈述、申辩", cn(p.StatementDays)+"个工作日内")
		if p.HearingRight(in) {
			need("听证权利及期限", "要求听证", cn(p.HearingDays)+"个工作日内")
		}
	case KindHearingNotice:
		need("听证申请期限", "要求听证", cn(p.HearingDays)+"个工作日内")
	}

	// 6. The officers who act are at least two, each certified.
	if officerKinds[doc.Kind] {
		out = append(out, checkOfficers(in)...)
	}

	// 7. The decision is made after the party's periods, every statement
	// answered.
	if doc.Kind == KindDecision && in.Procedure != nil {
		out = append(out, checkProcedure(in, p)...)
	}
	return out
}

// agencyHints say where a missing agency element is set: the template
// directory's agencies.yaml (keyed by the agency's code) or the agency's
// record.
var agencyHints = map[string]string{
	"行政复议机关": "（在文书模板目录的 agencies.yaml 中为本机关填写 review_body）",
	"人民法院":   "（在文书模板目录的 agencies.yaml 中为本机关填写 court）",
	"联系人":    "（在文书模板目录的 agencies.yaml 中为本机关填写 contact）",
	"联系电话":   "（在文书模板目录的 agencies.yaml 中为本机关填写 phone）",
	"机关地址":   "（在文书模板目录的 agencies.yaml 中为本机关填写 address）",
	"作出机关":   "（由管理员设置机关名称：PUT /v1/agencies/机关代码 的 name）",
	"机关名称":   "（由管理员设置机关名称：PUT /v1/agencies/机关代码 的 name）",
	"移送机关":   "（由管理员设置机关名称：PUT /v1/agencies/机关代码 的 name）",
	"执法人员":   "（案件的承办人，执法证号由管理员设置）",
}

// officerKinds are the documents of acts officers carry out for the
// agency: 行政处罚法 第四十二条 wants at least two, each certified.
var officerKinds = map[Kind]bool{KindFiling: true, KindNotice: true, KindHearingNotice: true, KindDecision: true, KindNoPenalty: true}

// checkOfficers reports fewer than two officers, or officers without an
// 执法证号 (行政处罚法 第四十二条第一款).
func checkOfficers(in Input) []Problem {
	var uncertified []string
	for _, o := range in.Case.Officers {
		if strings.TrimSpace(o.Cert) == "" {
			uncertified = append(uncertified, o.Name)
		}
	}
	msg := ""
	switch {
	case len(in.Case.Officers) < 2:
		msg = fmt.Sprintf("执法人员只有 %d 名：行政处罚应当由具有行政执法资格的执法人员实施，执法人员不得少于两人（行政处罚法第四十二条）", len(in.Case.Officers))
	case len(uncertified) > 0:
		msg = "执法人员" + strings.Join(uncertified, "、") + "未登记执法证号：行政处罚应当由具有行政执法资格的执法人员实施（行政处罚法第四十二条）；由管理员设置执法证号"
	default:
		return nil
	}
	return []Problem{{Code: "officers", Element: "执法人员", Message: msg}}
}

// checkProcedure blocks a decision made while the party could still state
// a defence or ask for a hearing and had done neither (行政处罚法 第六十二条:
// no decision without hearing the party), or while a statement or hearing
// request waits for the agency's answer (第四十五条).
func checkProcedure(in Input, p Profile) []Problem {
	pr := in.Procedure
	var out []Problem
	add := func(element, msg string) {
		out = append(out, Problem{Code: "procedure", Element: element, Message: msg})
	}
	if pr.NoticeServed == "" {
		add("告知书送达", "未记录行政处罚告知书的送达：陈述、申辩"+hearingWord(p.HearingRight(in))+"期限无从起算，不得作出行政处罚决定（行政处罚法第六十二条）；请先记录告知书的送达")
		return out
	}
	waived, stated, hearing := false, false, false
	for _, st := range pr.Statements {
		switch {
		case st.Waived:
			waived = true
			continue
		case st.Outcome == "":
			what := "陈述、申辩"
			if st.Hearing {
				what = "听证要求"
			}
			add("陈述申辩的复核", "当事人"+chineseDate(st.Received)+"提出的"+what+"尚未复核答复（行政处罚法第四十五条）")
		}
		stated = true
		hearing = hearing || st.Hearing
	}
	if waived {
		return out
	}
	if !stated && pr.StatementEnds != "" && in.Date <= pr.StatementEnds {
		add("陈述、申辩期限", "陈述、申辩期限至"+chineseDate(pr.StatementEnds)+"届满，决定日期"+chineseDate(in.Date)+"仍在期限内，且当事人未提出意见也未明确放弃")
	}
	if p.HearingRight(in) && !hearing && pr.HearingEnds != "" && in.Date <= pr.HearingEnds {
		add("听证申请期限", "要求听证的期限至"+chineseDate(pr.HearingEnds)+"届满（行政处罚法第六十四条第（一）项），决定日期"+chineseDate(in.Date)+"仍在期限内")
	}
	return out
}

func hearingWord(right bool) string {
	if right {
		return "、听证"
	}
	return ""
}

var missingPattern = regexp.MustCompile(missingMark + `([^】]+)】`)

// uses reports whether any of ps is cited in the document's text.
func uses(doc Document, ps []Provision) bool {
	text := doc.Text()
	for _, p := range ps {
		if strings.Contains(text, p.Label()) {
			return true
		}
	}
	return false
}

// cited returns the provisions the document actually cites.
func cited(doc Document, in Input) []Provision {
	text := doc.Text()
	var out []Provision
	seen := map[string]bool{}
	for _, ps := range [][]Provision{in.Violated, in.Basis, in.Transfer.Basis} {
		for _, p := range ps {
			if !seen[p.Label()] && strings.Contains(text, p.Label()) {
				seen[p.Label()] = true
				out = append(out, p)
			}
		}
	}
	return out
}

// quoted reports whether every part of a quote (parts joined by ……) is
// in the article text, whitespace aside.
func quoted(quote, article string) bool {
	a := squashSpace(article)
	for _, part := range strings.Split(quote, "……") {
		part = squashSpace(part)
		if part != "" && !strings.Contains(a, part) {
			return false
		}
	}
	return true
}

func squashSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\n' || r == '\t' || r == '\u3000' || nlp.IsZeroWidth(r) {
			return -1
		}
		return r
	}, s)
}

var (
	// 人民币贰拾万元整（¥200,000.00）: the words and the figure must agree.
	pairPattern = regexp.MustCompile(`人民币([零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+)（¥([0-9,]+(?:\.[0-9]+)?)）`)
	// An amount written right after 罚款 or 没收违法所得, in figures or
	// Chinese numerals, anywhere else in the text.
	amountPattern = regexp.MustCompile(`(罚款|没收违法所得)(?:人民币)?([0-9０-９.,，零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]+(?:万)?元[整]?)`)
	figurePattern = regexp.MustCompile(`¥([0-9,]+(?:\.[0-9]+)?)`)
)

// checkAmounts compares every amount the document states with the record:
// 罚款 with the fine, 没收违法所得 with the gains, the words with the
// figure, and every figure with some recorded amount. Quoted statute text
// is left out (its amounts are the law's, checked by the quote check).
func checkAmounts(doc Document, in Input) []Problem {
	var out []Problem
	bad := func(element, msg string) {
		out = append(out, Problem{Code: "amount_mismatch", Element: element, Message: msg})
	}
	record := map[string]float64{"罚款": in.Penalty.Fine, "没收违法所得": in.Penalty.Gains}
	for _, p := range doc.Paragraphs {
		if p.Style == StyleQuote {
			continue
		}
		for _, m := range pairPattern.FindAllStringSubmatch(p.Text, -1) {
			words, ok := parseUpper(m[1])
			fig, err := nlp.ParseAmount(m[2])
			if !ok || err != nil || words != fig {
				bad("金额", "大写金额与小写金额不一致："+m[0])
			}
		}
		for _, m := range figurePattern.FindAllStringSubmatch(p.Text, -1) {
			fig, err := nlp.ParseAmount(m[1])
			if err != nil || (fig != in.Penalty.Fine && fig != in.Penalty.Gains) {
				bad("金额", "金额"+m[0]+"与案件记录的罚款、没收违法所得均不一致")
			}
		}
		for _, m := range amountPattern.FindAllStringSubmatch(strings.ReplaceAll(p.Text, "人民币", ""), -1) {
			v, err := nlp.ParseAmount(strings.TrimSuffix(m[2], "整"))
			if err != nil {
				if w, ok := parseUpper(m[2]); ok {
					v, err = w, nil
				}
			}
			if err != nil || v != record[m[1]] {
				bad(m[1], m[1]+"金额“"+m[2]+"”与案件记录"+yuan(record[m[1]])+"不一致")
			}
		}
	}
	return out
}
