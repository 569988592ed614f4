package casework

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
)

// The procedure records of a case that its documents rest on: each 送达 of
// issued documents (Delivery, the content of the 送达回证) and each
// 陈述、申辩 or hearing request of the party with the agency's answer
// (Statement). Both are kept with the case, numbered from 1, each change
// with its full-process log entry (行政处罚法 第四十七条: 送达 is part of
// the full-process record).

// DeliveryMethod is how documents were served (送达方式).
type DeliveryMethod string

// The methods of service. 行政处罚法 第六十一条 serves the decision under
// the 民事诉讼法's provisions on service, and by fax or e-mail when the party
// agreed in a signed confirmation; the 民事诉讼法 (2023) sets the method's
// rules and the day service counts from.
const (
	// DeliverDirect: handed to the party or who may sign for them (第八十八条).
	DeliverDirect DeliveryMethod = "direct"
	// DeliverLeft: refused and left at the residence, with the reason and
	// witnesses or a recording noted (留置送达, 第八十九条).
	DeliverLeft DeliveryMethod = "left"
	// DeliverMail: by post; served on the receipt's date (第九十一条).
	DeliverMail DeliveryMethod = "mail"
	// DeliverElectronic: with the party's signed consent (行政处罚法 第六十一条
	// 第二款); served when it reaches the party's system (第九十条第二款).
	DeliverElectronic DeliveryMethod = "electronic"
	// DeliverPublic: by public notice when the party cannot be found or
	// served otherwise; deemed served thirty days after publication, the
	// reason and course recorded (公告送达, 第九十五条).
	DeliverPublic DeliveryMethod = "public"
)

var deliveryLabels = map[DeliveryMethod]string{DeliverDirect: "直接送达", DeliverLeft: "留置送达", DeliverMail: "邮寄送达",
	DeliverElectronic: "电子送达", DeliverPublic: "公告送达"}

// DeliveryMethods lists the methods in the order of the law's preference.
func DeliveryMethods() []DeliveryMethod {
	return []DeliveryMethod{DeliverDirect, DeliverLeft, DeliverMail, DeliverElectronic, DeliverPublic}
}

// Label is the method's Chinese name ("" for an unknown one).
func (m DeliveryMethod) Label() string { return deliveryLabels[m] }

// publicNoticeDays is how long after publication a public notice counts as
// served (民事诉讼法 第九十五条第一款: 自发出公告之日起，经过三十日，即视为送达).
const publicNoticeDays = 30

// DeliveredDocument names one issued document version that was served.
type DeliveredDocument struct {
	Kind    string `json:"kind"`
	Version int    `json:"version"`
	Title   string `json:"title"`
	Number  string `json:"number,omitempty"`
}

// Delivery is one 送达 of issued documents to the party.
type Delivery struct {
	CaseID string `json:"case_id"`
	// Seq numbers the case's deliveries from 1; Version its changes.
	Seq     int   `json:"seq"`
	Version int64 `json:"version"`
	// Documents are the issued versions served together.
	Documents []DeliveredDocument `json:"documents"`
	Method    DeliveryMethod      `json:"method"`
	// Addressee is the 受送达人 (the party, by default).
	Addressee string `json:"addressee"`
	// Recipient is who signed (收件人 or 代收人) and Relation how they stand
	// to the addressee (本人、法定代表人、同住成年家属、负责收件的人、代理人、代收人).
	Recipient string `json:"recipient,omitempty"`
	Relation  string `json:"relation,omitempty"`
	// Place is the 送达地点 (address, post address, e-mail, or where the
	// notice was published).
	Place string `json:"place"`
	// At is the 送达时间: signed, left, the receipt's date, reached the
	// system, or for a public notice the day it was published.
	At time.Time `json:"at"`
	// Officers are the user IDs of the 送达人.
	Officers []string `json:"officers"`
	// Consent records the party's signed consent to electronic service.
	Consent bool `json:"consent,omitempty"`
	// Note is the 备注: a refusal's reason and witnesses, a public notice's
	// reason and course, anything else worth recording.
	Note string `json:"note,omitempty"`
	// RecordedBy and Recorded say who entered it and when.
	RecordedBy string    `json:"recorded_by"`
	Recorded   time.Time `json:"recorded"`
}

// chinaZone is the zone the law's days are counted in: a delivery at
// 07:30 Beijing time is served that day, whatever zone At was given in.
var chinaZone = time.FixedZone("CST", 8*3600)

// ChinaDay is the day (YYYY-MM-DD) of t in Beijing time.
func ChinaDay(t time.Time) string { return t.In(chinaZone).Format(time.DateOnly) }

// ServedOn is the day service counts from (midnight, Beijing time): the
// day of At, or for a public notice thirty days after publication
// (民事诉讼法 第九十五条).
func (d Delivery) ServedOn() time.Time {
	at := d.At.In(chinaZone)
	day := time.Date(at.Year(), at.Month(), at.Day(), 0, 0, 0, 0, chinaZone)
	if d.Method == DeliverPublic {
		return day.AddDate(0, 0, publicNoticeDays)
	}
	return day
}

// Delivered reports whether the delivery served a version of kind.
func (d Delivery) Delivered(kind string) bool {
	return slices.ContainsFunc(d.Documents, func(x DeliveredDocument) bool { return x.Kind == kind })
}

// Limits of a delivery record.
const (
	maxDeliveryText = 500
	maxDeliveryNote = 2000
	maxDelivered    = 20
)

// RecordDelivery records a 送达 of case id's issued documents by one of the
// agency's officers: every named document must be an issued version of the
// case, the 送达人 officers of the agency, the method's conditions met
// (who signed for direct and mail service; consent for electronic; the
// reason for 留置 and 公告). Errors: ErrForbidden, ErrNotFound, ErrInvalid
// (naming the field), ErrStage for a case not yet filed or ended.
func (s *Service) RecordDelivery(ctx context.Context, actor User, id string, d Delivery) (Delivery, error) {
	if err := validDelivery(&d); err != nil {
		return Delivery{}, err
	}
	if d.At.After(s.now().Add(time.Hour)) {
		return Delivery{}, fmt.Errorf("at: 送达时间不能晚于现在（%s）: %w", d.At.Format(time.RFC3339), ErrInvalid)
	}
	var out Delivery
	err := s.cfg.Store.Update(ctx, func(tx Tx) error {
		c, err := tx.Case(id)
		if err != nil {
			return err
		}
		if !canWork(actor, c, RoleOfficer) {
			return denied(c, "record a delivery of")
		}
		switch c.Stage { // nothing is issued before 立案; a case dropped or revoked serves nothing more
		case StageFiling, StageNotFiled, StageWithdrawn, StageRevoked:
			return fmt.Errorf("case %s in %s: no delivery can be recorded: %w", c.ID, c.Stage, ErrStage)
		}
		issued, err := tx.Documents(c.ID)
		if err != nil {
			return err
		}
		for i, x := range d.Documents {
			j := slices.IndexFunc(issued, func(y IssuedDocument) bool { return y.Kind == x.Kind && y.Version == x.Version })
			if j < 0 {
				return fmt.Errorf("served: 第%d项 %s 第%d版不是本案已签发的文书: %w", i+1, x.Kind, x.Version, ErrInvalid)
			}
			d.Documents[i].Title, d.Documents[i].Number = issued[j].Title, issued[j].Number
		}
		for _, o := range d.Officers {
			u, err := tx.User(o)
			if err != nil || u.Agency != c.Agency || u.Disabled {
				return fmt.Errorf("servers: %q 不是本机关在职的用户: %w", o, ErrInvalid)
			}
		}
		if strings.TrimSpace(d.Addressee) == "" {
			d.Addressee = c.Party.Name
		}
		list, err := tx.Deliveries(c.ID)
		if err != nil {
			return err
		}
		d.CaseID, d.Seq, d.Version, d.RecordedBy, d.Recorded = c.ID, len(list)+1, 1, actor.ID, s.now()
		if err := tx.PutDelivery(d, 0); err != nil {
			return err
		}
		titles := make([]string, len(d.Documents))
		for i, x := range d.Documents {
			titles[i] = strings.TrimSpace(x.Title + " " + x.Number)
		}
		out = d
		return s.appendEntry(tx, Entry{Actor: actor.ID, Role: RoleOfficer, Agency: c.Agency, Action: "delivery.record", CaseID: c.ID,
			Subject: fmt.Sprintf("delivery/%d", d.Seq), Note: d.Method.Label() + "：" + strings.Join(titles, "、") + "，" + ChinaDay(d.At)}, nil, d)
	})
	if err != nil {
		return Delivery{}, err
	}
	return out, nil
}

// decisionKinds are the document kinds whose service makes a case 已送达:
// the decision, or the decision not to impose a penalty.
var decisionKinds = []string{"decision", "no-penalty"}

// decisionDelivery finds the latest recorded 送达 of case c's current
// 决定书 (the last issued version of 行政处罚决定书 or 不予行政处罚决定书):
// 行政处罚法 第六十一条 has the decision served before it binds the party,
// and the 送达 stage is the record of that service. A case whose decision
// was not issued, or whose latest version was never served, is refused with
// ErrNotServed.
func decisionDelivery(tx ReadTx, c Case) (*Delivery, error) {
	issued, err := tx.Documents(c.ID)
	if err != nil {
		return nil, err
	}
	latest := map[string]int{}
	for _, d := range issued {
		if slices.Contains(decisionKinds, d.Kind) && d.Version > latest[d.Kind] {
			latest[d.Kind] = d.Version
		}
	}
	if len(latest) == 0 {
		return nil, fmt.Errorf("case %s: 尚未签发行政处罚决定书（或不予行政处罚决定书）: %w", c.ID, ErrNotServed)
	}
	list, err := tx.Deliveries(c.ID)
	if err != nil {
		return nil, err
	}
	for i := len(list) - 1; i >= 0; i-- {
		if slices.ContainsFunc(list[i].Documents, func(x DeliveredDocument) bool { return x.Version == latest[x.Kind] && latest[x.Kind] > 0 }) {
			return &list[i], nil
		}
	}
	return nil, fmt.Errorf("case %s: 最新签发的决定书尚无送达记录，请先登记送达（送达回证）: %w", c.ID, ErrNotServed)
}

// validDelivery checks a delivery's own fields, trimming its text.
func validDelivery(d *Delivery) error {
	if d.Method.Label() == "" {
		return fmt.Errorf("method %q: 送达方式应为 direct（直接）、left（留置）、mail（邮寄）、electronic（电子）、public（公告）: %w", d.Method, ErrInvalid)
	}
	if len(d.Documents) == 0 || len(d.Documents) > maxDelivered {
		return fmt.Errorf("served: 应列出 1 至 %d 份已签发的文书: %w", maxDelivered, ErrInvalid)
	}
	if len(d.Officers) == 0 || len(d.Officers) > 10 {
		return fmt.Errorf("servers: 送达人应为 1 至 10 人: %w", ErrInvalid)
	}
	if d.At.IsZero() {
		return fmt.Errorf("at: 缺少送达时间: %w", ErrInvalid)
	}
	for _, f := range []struct {
		name string
		v    *string
		max  int
	}{{"addressee", &d.Addressee, maxDeliveryText}, {"recipient", &d.Recipient, maxDeliveryText}, {"relation", &d.Relation, 64},
		{"place", &d.Place, maxDeliveryText}, {"note", &d.Note, maxDeliveryNote}} {
		*f.v = strings.TrimSpace(*f.v)
		if err := validText(f.name, *f.v, f.max, f.name == "note"); err != nil {
			return err
		}
	}
	if d.Place == "" {
		return fmt.Errorf("place: 缺少送达地点: %w", ErrInvalid)
	}
	switch d.Method {
	case DeliverDirect, DeliverMail:
		if d.Recipient == "" || d.Relation == "" {
			return fmt.Errorf("recipient: %s须记录签收人及其与受送达人的关系（民事诉讼法第八十八条）: %w", d.Method.Label(), ErrInvalid)
		}
	case DeliverElectronic:
		if !d.Consent {
			return fmt.Errorf("consent: 电子送达须当事人同意并签订确认书（行政处罚法第六十一条第二款）: %w", ErrInvalid)
		}
	case DeliverLeft, DeliverPublic:
		if d.Note == "" {
			return fmt.Errorf("note: %s须在备注中记明原因和经过（民事诉讼法第八十九条、第九十五条）: %w", d.Method.Label(), ErrInvalid)
		}
	}
	for i, x := range d.Documents {
		if x.Kind == "" || x.Version < 1 {
			return fmt.Errorf("served: 第%d项缺少文书种类或版本: %w", i+1, ErrInvalid)
		}
	}
	return nil
}

// Deliveries lists case id's deliveries, by Seq, for the agency's staff
// who may read the case. Errors: ErrNotFound, ErrForbidden.
func (s *Service) Deliveries(ctx context.Context, actor User, id string) ([]Delivery, error) {
	var out []Delivery
	err := s.readCaseRecords(ctx, actor, id, func(tx ReadTx) (err error) { out, err = tx.Deliveries(id); return err })
	return out, err
}

// readCaseRecords runs read in a snapshot after checking that actor may
// read case id (its agency's staff). Errors: ErrNotFound, ErrForbidden.
func (s *Service) readCaseRecords(ctx context.Context, actor User, id string, read func(ReadTx) error) error {
	return s.cfg.Store.View(ctx, func(tx ReadTx) error {
		c, err := tx.Case(id)
		if err != nil {
			return err
		}
		if !canRead(actor, c) {
			return denied(c, "read the records of")
		}
		return read(tx)
	})
}
