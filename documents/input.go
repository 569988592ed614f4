package documents

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Input holds the elements of a case's documents. Field names are part of
// the JSON accepted by `cailiang document --facts` and the draft endpoint.
type Input struct {
	// Draft marks every page 草稿: the document came from a bare analysis,
	// not an approved case.
	Draft bool `json:"draft,omitempty"`
	// Sector selects the profile (deadlines, hearing threshold, wording);
	// empty is the default profile.
	Sector string `json:"sector,omitempty"`
	// Number is the 文号 (X市监处罚〔2025〕12号); the case workflow assigns it.
	Number string `json:"number,omitempty"`
	// Date is the day the document is made (YYYY-MM-DD): the decision date
	// for a 决定书; cited articles must be in force on it.
	Date string `json:"date"`
	// ActDate is when the violation happened (YYYY-MM-DD), if known.
	ActDate string  `json:"act_date,omitempty"`
	Agency  Agency  `json:"agency"`
	Party   Party   `json:"party"`
	Case    Case    `json:"case"`
	Penalty Penalty `json:"penalty"`
	// Violated are the provisions the conduct violates (违法依据).
	Violated []Provision `json:"violated,omitempty"`
	// Basis are the provisions the penalty rests on (处罚依据), or for a
	// 不予行政处罚决定书 the provisions it declines under.
	Basis []Provision `json:"basis,omitempty"`
	// Discretion are the 裁量理由, one line each (the engine's steps).
	Discretion []string `json:"discretion,omitempty"`
	// NoPenaltyReason says why no penalty is given (不予行政处罚决定书).
	NoPenaltyReason string    `json:"no_penalty_reason,omitempty"`
	Review          Review    `json:"review,omitempty"`
	Transfer        Transfer  `json:"transfer,omitempty"`
	Service         Service   `json:"service,omitempty"`
	Hearing         HearingAt `json:"hearing,omitempty"`
	// Procedure is what the case's record shows of the notice's service
	// and the party's statements; nil when unknown (a draft from bare
	// facts), and then the decision's procedure checks cannot run.
	Procedure *Procedure `json:"procedure,omitempty"`
	// Deadlines are the last days of the periods counted in working days,
	// as dates the party can read (filled from the working-day calendar).
	Deadlines Deadlines `json:"deadlines,omitempty"`
}

// Deadlines are the ends (YYYY-MM-DD) of the periods a notice gives,
// counted in working days from the document's date (行政处罚法第八十五条:
// the day itself does not count); empty when not computed.
type Deadlines struct {
	// Statement ends the 陈述、申辩 period (the profile's statement_days:
	// 行政处罚法 sets none, the agency does).
	Statement string `json:"statement,omitempty"`
	// Hearing ends the period to ask for a hearing (行政处罚法第六十四条第（一）项: 五日).
	Hearing string `json:"hearing,omitempty"`
}

// Agency is the deciding body and where remedies go.
type Agency struct {
	Name    string `json:"name" yaml:"name"`
	Address string `json:"address,omitempty" yaml:"address"`
	Contact string `json:"contact,omitempty" yaml:"contact"`
	Phone   string `json:"phone,omitempty" yaml:"phone"`
	// ReviewBody is the 行政复议机关 (often the people's government at the
	// same level); Court the competent people's court.
	ReviewBody string `json:"review_body,omitempty" yaml:"review_body"`
	Court      string `json:"court,omitempty" yaml:"court"`
	// Payment says where fines are paid (指定银行 or 电子支付系统).
	Payment string `json:"payment,omitempty" yaml:"payment"`
}

// Party kinds.
const (
	PartyOrganisation = "organisation"
	PartyPerson       = "person"
)

// Party is the 当事人: an organisation (名称, 统一社会信用代码, 住所, 法定代表人)
// or a natural person (姓名, 公民身份号码, 住址).
type Party struct {
	Kind       string `json:"kind"`
	Name       string `json:"name"`
	CreditCode string `json:"credit_code,omitempty"`
	IDNumber   string `json:"id_number,omitempty"`
	Address    string `json:"address"`
	LegalRep   string `json:"legal_rep,omitempty"`
	Phone      string `json:"phone,omitempty"`
}

// Organisation reports whether the party is not a natural person.
func (p Party) Organisation() bool { return p.Kind != PartyPerson }

// Case holds the narrative elements.
type Case struct {
	// Cause is the 案由 (涉嫌经营超过保质期的食品案).
	Cause string `json:"cause"`
	// Source is 案件来源及调查经过.
	Source string `json:"source,omitempty"`
	// FiledOn is the 立案 date (YYYY-MM-DD).
	FiledOn string `json:"filed_on,omitempty"`
	// Facts is 违法事实: time, place, means, circumstances, gains, harm.
	Facts    string   `json:"facts"`
	Evidence []string `json:"evidence,omitempty"`
	// Statement is the party's 陈述、申辩 (empty: none made); Answer the
	// agency's review of it (采纳 or not, and why).
	Statement string `json:"statement,omitempty"`
	Answer    string `json:"answer,omitempty"`
	// Officers are the investigators (执法人员) with their 执法证号.
	Officers []Officer `json:"officers,omitempty"`
	// Opinion is the handling opinion on the 立案审批表.
	Opinion string `json:"opinion,omitempty"`
}

// Officer is an 执法人员: the name and the 行政执法证 number.
type Officer struct {
	Name string `json:"name"`
	Cert string `json:"cert,omitempty"`
}

// UnmarshalJSON accepts an officer as {"name","cert"} or, as facts files
// written before certificates were recorded do, a bare name.
func (o *Officer) UnmarshalJSON(raw []byte) error {
	var name string
	if err := json.Unmarshal(raw, &name); err == nil {
		*o = Officer{Name: name}
		return nil
	}
	type plain Officer // without this method
	var p plain
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return err
	}
	*o = Officer(p)
	return nil
}

// String writes 李某（执法证号：00000001）, or the name alone when no
// certificate is recorded (the check reports it).
func (o Officer) String() string {
	if o.Cert == "" {
		return o.Name
	}
	return o.Name + "（执法证号：" + o.Cert + "）"
}

// Procedure is the record of the notice and of the party's answer to it.
type Procedure struct {
	// NoticeServed is the day the 行政处罚告知书 was served (YYYY-MM-DD);
	// empty when no service of it is recorded.
	NoticeServed string `json:"notice_served,omitempty"`
	// StatementEnds and HearingEnds are the last days of the 陈述、申辩
	// period and of the time to ask for a hearing, counted in working days
	// from NoticeServed (行政处罚法 第六十四条第（一）项, 第八十五条).
	StatementEnds string `json:"statement_ends,omitempty"`
	HearingEnds   string `json:"hearing_ends,omitempty"`
	// Statements are the party's statements, hearing requests and waivers
	// with the agency's answers, in the order received.
	Statements []StatementRecord `json:"statements,omitempty"`
}

// StatementRecord is one statement of the party and the agency's answer.
type StatementRecord struct {
	// Received is the day it was received (YYYY-MM-DD).
	Received string `json:"received"`
	Text     string `json:"text,omitempty"`
	// Hearing: the party asked for a hearing; Waived: the party expressly
	// gave up statement and defence (行政处罚法 第六十二条).
	Hearing bool `json:"hearing,omitempty"`
	Waived  bool `json:"waived,omitempty"`
	// Outcome is 采纳, 部分采纳 or 不采纳; empty while unanswered.
	Outcome string `json:"outcome,omitempty"`
	Reasons string `json:"reasons,omitempty"`
}

// Provision is a cited article with its quoted text.
type Provision struct {
	// Law is the title as cited, without 《》 (中华人民共和国食品安全法 or
	// 食品安全法).
	Law string `json:"law"`
	// Article is the label: 第一百二十四条第一款第（二）项.
	Article string `json:"article"`
	// Text is the quoted text of the cited part.
	Text string `json:"text"`
}

// Label is 《Law》Article.
func (p Provision) Label() string { return "《" + p.Law + "》" + p.Article }

// Penalty is the record of what is imposed.
type Penalty struct {
	// Fine in yuan; 0 for none.
	Fine float64 `json:"fine,omitempty"`
	// Gains is 违法所得 confiscated, in yuan; 0 for none.
	Gains float64 `json:"confiscated_gains,omitempty"`
	// Confiscated lists 非法财物 confiscated (goods, tools).
	Confiscated []string `json:"confiscated,omitempty"`
	// Other are other penalties (警告, 吊销…许可证) and orders (责令改正).
	Other []string `json:"other,omitempty"`
	// StatutoryMin and StatutoryMax are the fine range the 处罚依据 allows
	// for these facts, in yuan.
	StatutoryMin float64 `json:"statutory_min,omitempty"`
	StatutoryMax float64 `json:"statutory_max,omitempty"`
	// Mitigation is the recorded ground for a fine below the range (减轻,
	// e.g. 行政处罚法第三十二条第（一）项).
	Mitigation string `json:"mitigation,omitempty"`
}

// Review is the 法制审核 record.
type Review struct {
	Items    []ReviewItem `json:"items,omitempty"`
	Opinion  string       `json:"opinion,omitempty"`
	Reviewer string       `json:"reviewer,omitempty"`
}

// ReviewItem is one checklist line: the item and what the reviewer found.
type ReviewItem struct {
	Item    string `json:"item"`
	Finding string `json:"finding"`
}

// Transfer is the 涉嫌犯罪案件移送 record.
type Transfer struct {
	// To is the receiving public security organ.
	To string `json:"to,omitempty"`
	// Crime is the suspected offence (涉嫌生产、销售伪劣产品罪).
	Crime string `json:"crime,omitempty"`
	// Reason says which threshold the facts reach and where it is set.
	Reason      string      `json:"reason,omitempty"`
	Basis       []Provision `json:"basis,omitempty"`
	Attachments []string    `json:"attachments,omitempty"`
}

// Service is the 送达 record the 送达回证 shows.
type Service struct {
	// Documents are the served documents' names and numbers.
	Documents []string `json:"documents,omitempty"`
	// Method is the 送达方式 in words (直接送达、留置送达…).
	Method string `json:"method,omitempty"`
	// Addressee is the 受送达人; empty: the party.
	Addressee string `json:"addressee,omitempty"`
	Place     string `json:"place,omitempty"`
	// Recipient signed (收件人 or 代收人); Relation is how they stand to
	// the addressee.
	Recipient string `json:"recipient,omitempty"`
	Relation  string `json:"relation,omitempty"`
	// Time is the 送达时间 as written (2026年3月21日10时30分); empty leaves
	// the line to be filled in by hand.
	Time string `json:"time,omitempty"`
	// Servers are the 送达人.
	Servers []Officer `json:"servers,omitempty"`
	Note    string    `json:"note,omitempty"`
}

// HearingAt is the scheduled hearing (听证告知书/通知).
type HearingAt struct {
	Time  string `json:"time,omitempty"`
	Place string `json:"place,omitempty"`
	Host  string `json:"host,omitempty"`
}

// Bounds on input: a whole case narrative fits, a case file does not.
const (
	maxFieldRunes = 20000
	maxListItems  = 200
)

// Validate returns an *InputError (wrapping ErrInvalidInput) for the first
// field that is invalid UTF-8, too long, holds control characters, or has
// a malformed date; missing elements are Check's business, not errors.
func (in *Input) Validate() error {
	if in.Date == "" {
		return &InputError{Field: "date", Message: "缺少文书日期（YYYY-MM-DD）"}
	}
	dates := []struct{ field, v string }{{"date", in.Date}, {"act_date", in.ActDate}, {"case.filed_on", in.Case.FiledOn},
		{"deadlines.statement", in.Deadlines.Statement}, {"deadlines.hearing", in.Deadlines.Hearing}}
	if pr := in.Procedure; pr != nil {
		dates = append(dates, struct{ field, v string }{"procedure.notice_served", pr.NoticeServed},
			struct{ field, v string }{"procedure.statement_ends", pr.StatementEnds}, struct{ field, v string }{"procedure.hearing_ends", pr.HearingEnds})
		for i, st := range pr.Statements {
			if st.Received == "" {
				return &InputError{Field: fmt.Sprintf("procedure.statements[%d].received", i), Message: "缺少收到陈述、申辩的日期"}
			}
			dates = append(dates, struct{ field, v string }{fmt.Sprintf("procedure.statements[%d].received", i), st.Received})
		}
	}
	for _, d := range dates {
		if d.v == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, d.v); err != nil {
			return &InputError{Field: d.field, Message: "日期应为 YYYY-MM-DD 格式：" + clip(d.v)}
		}
	}
	switch in.Party.Kind {
	case "", PartyOrganisation, PartyPerson:
	default:
		return &InputError{Field: "party.kind", Message: "当事人类型应为 organisation（单位）或 person（个人）"}
	}
	for _, m := range []struct {
		field string
		v     float64
	}{{"penalty.fine", in.Penalty.Fine}, {"penalty.confiscated_gains", in.Penalty.Gains}, {"penalty.statutory_min", in.Penalty.StatutoryMin}, {"penalty.statutory_max", in.Penalty.StatutoryMax}} {
		if m.v < 0 || m.v > 1e12 || m.v != m.v {
			return &InputError{Field: m.field, Message: fmt.Sprintf("金额应在 0 至 1 万亿元之间：%v", m.v)}
		}
	}
	var err error
	in.walkStrings(func(field, s string) {
		if err == nil {
			err = checkText(field, s)
		}
	})
	if err != nil {
		return err
	}
	in.walkLists(func(field string, n int) {
		if err == nil && n > maxListItems {
			err = &InputError{Field: field, Message: fmt.Sprintf("条目过多（%d，上限 %d）", n, maxListItems)}
		}
	})
	return err
}

func clip(s string) string {
	if utf8.RuneCountInString(s) > 20 {
		return string([]rune(s)[:20]) + "…"
	}
	return s
}

// checkText rejects text no document can carry.
func checkText(field, s string) error {
	if !utf8.ValidString(s) {
		return &InputError{Field: field, Message: "不是有效的 UTF-8 文本"}
	}
	if utf8.RuneCountInString(s) > maxFieldRunes {
		return &InputError{Field: field, Message: fmt.Sprintf("文字过长（上限 %d 字）", maxFieldRunes)}
	}
	for _, r := range s {
		if (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0xfffe && r <= 0xffff) {
			return &InputError{Field: field, Message: fmt.Sprintf("含有不可见的控制字符 U+%04X", r)}
		}
	}
	return nil
}

// walkStrings calls f for every string of the input with its JSON path.
func (in *Input) walkStrings(f func(field, s string)) {
	f("sector", in.Sector)
	f("number", in.Number)
	a := in.Agency
	for _, x := range [][2]string{{"name", a.Name}, {"address", a.Address}, {"contact", a.Contact}, {"phone", a.Phone}, {"review_body", a.ReviewBody}, {"court", a.Court}, {"payment", a.Payment}} {
		f("agency."+x[0], x[1])
	}
	p := in.Party
	for _, x := range [][2]string{{"name", p.Name}, {"credit_code", p.CreditCode}, {"id_number", p.IDNumber}, {"address", p.Address}, {"legal_rep", p.LegalRep}, {"phone", p.Phone}} {
		f("party."+x[0], x[1])
	}
	c := in.Case
	for _, x := range [][2]string{{"cause", c.Cause}, {"source", c.Source}, {"facts", c.Facts}, {"statement", c.Statement}, {"answer", c.Answer}, {"opinion", c.Opinion}} {
		f("case."+x[0], x[1])
	}
	list := func(field string, xs []string) {
		for i, s := range xs {
			f(fmt.Sprintf("%s[%d]", field, i), s)
		}
	}
	provs := func(field string, ps []Provision) {
		for i, p := range ps {
			f(fmt.Sprintf("%s[%d].law", field, i), p.Law)
			f(fmt.Sprintf("%s[%d].article", field, i), p.Article)
			f(fmt.Sprintf("%s[%d].text", field, i), p.Text)
		}
	}
	list("case.evidence", c.Evidence)
	officers := func(field string, os []Officer) {
		for i, o := range os {
			f(fmt.Sprintf("%s[%d].name", field, i), o.Name)
			f(fmt.Sprintf("%s[%d].cert", field, i), o.Cert)
		}
	}
	officers("case.officers", c.Officers)
	list("discretion", in.Discretion)
	list("penalty.confiscated", in.Penalty.Confiscated)
	list("penalty.other", in.Penalty.Other)
	f("penalty.mitigation", in.Penalty.Mitigation)
	provs("violated", in.Violated)
	provs("basis", in.Basis)
	f("no_penalty_reason", in.NoPenaltyReason)
	for i, it := range in.Review.Items {
		f(fmt.Sprintf("review.items[%d].item", i), it.Item)
		f(fmt.Sprintf("review.items[%d].finding", i), it.Finding)
	}
	f("review.opinion", in.Review.Opinion)
	f("review.reviewer", in.Review.Reviewer)
	t := in.Transfer
	f("transfer.to", t.To)
	f("transfer.crime", t.Crime)
	f("transfer.reason", t.Reason)
	provs("transfer.basis", t.Basis)
	list("transfer.attachments", t.Attachments)
	s := in.Service
	list("service.documents", s.Documents)
	for _, x := range [][2]string{{"method", s.Method}, {"addressee", s.Addressee}, {"place", s.Place}, {"recipient", s.Recipient},
		{"relation", s.Relation}, {"time", s.Time}, {"note", s.Note}} {
		f("service."+x[0], x[1])
	}
	officers("service.servers", s.Servers)
	if pr := in.Procedure; pr != nil {
		for i, st := range pr.Statements {
			for _, x := range [][2]string{{"received", st.Received}, {"text", st.Text}, {"outcome", st.Outcome}, {"reasons", st.Reasons}} {
				f(fmt.Sprintf("procedure.statements[%d].%s", i, x[0]), x[1])
			}
		}
	}
	f("hearing.time", in.Hearing.Time)
	f("hearing.place", in.Hearing.Place)
	f("hearing.host", in.Hearing.Host)
}

func (in *Input) walkLists(f func(field string, n int)) {
	f("case.evidence", len(in.Case.Evidence))
	f("case.officers", len(in.Case.Officers))
	f("discretion", len(in.Discretion))
	f("penalty.confiscated", len(in.Penalty.Confiscated))
	f("penalty.other", len(in.Penalty.Other))
	f("violated", len(in.Violated))
	f("basis", len(in.Basis))
	f("review.items", len(in.Review.Items))
	f("transfer.basis", len(in.Transfer.Basis))
	f("transfer.attachments", len(in.Transfer.Attachments))
	f("service.documents", len(in.Service.Documents))
	f("service.servers", len(in.Service.Servers))
	if in.Procedure != nil {
		f("procedure.statements", len(in.Procedure.Statements))
	}
}

// lines splits multi-line text into trimmed, non-empty lines.
func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
