package casework

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Deadlines and display periods of a publication that depend on the party
// and the penalty: a party registered in another province is published by
// its registration place's agency, so the deadline is two legs (10 + 10
// working days in 市场监督管理行政处罚信息公示规定 第十条); a decision of
// nothing but 通报批评 or a small fine is shown 3 months, any other 3 years
// (第十三条), after which it leaves the public list by itself and a sweep
// records it as taken down.

// provinces are the two-digit 行政区划 codes of the provinces, autonomous
// regions, municipalities and special administrative regions (GB/T 2260).
var provinces = map[string]string{
	"11": "北京市", "12": "天津市", "13": "河北省", "14": "山西省", "15": "内蒙古自治区",
	"21": "辽宁省", "22": "吉林省", "23": "黑龙江省",
	"31": "上海市", "32": "江苏省", "33": "浙江省", "34": "安徽省", "35": "福建省", "36": "江西省", "37": "山东省",
	"41": "河南省", "42": "湖北省", "43": "湖南省", "44": "广东省", "45": "广西壮族自治区", "46": "海南省",
	"50": "重庆市", "51": "四川省", "52": "贵州省", "53": "云南省", "54": "西藏自治区",
	"61": "陕西省", "62": "甘肃省", "63": "青海省", "64": "宁夏回族自治区", "65": "新疆维吾尔自治区",
	"71": "台湾省", "81": "香港特别行政区", "82": "澳门特别行政区",
}

// ProvinceName is the name of a two-digit province code, "" for none.
func ProvinceName(code string) string { return provinces[code] }

// usccChars are the characters of a 统一社会信用代码 (GB 32100-2015: digits
// and capitals without I, O, S, V, Z).
const usccChars = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// PartyProvince returns the province code of a party's registration place
// read from its number: an organisation's 统一社会信用代码 carries the
// registering authority's 行政区划码 in characters 3–8, a person's
// 公民身份号码 (18 or 15 characters) the region of registration in its first
// six digits. A party of unknown kind is read as a person when id is an ID
// number with a valid check digit. "" when id is neither or names no
// province (an authority registering nationally, such as 100000): the
// caller then cannot tell and says so.
func PartyProvince(kind, id string) string {
	id = strings.ToUpper(strings.Join(strings.Fields(id), ""))
	var region string
	switch {
	case (kind == "person" || kind == "" && idCheckDigitOK(id)) && (len(id) == 18 || len(id) == 15):
		if !allDigits(id[:15]) {
			return ""
		}
		region = id[:6]
	case kind != "person" && len(id) == 18:
		for _, r := range id {
			if !strings.ContainsRune(usccChars, r) {
				return ""
			}
		}
		region = id[2:8]
	}
	if !allDigits(region) || len(region) != 6 || ProvinceName(region[:2]) == "" {
		return ""
	}
	return region[:2]
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// idCheckDigitOK reports whether id is an 18-character 公民身份号码 whose
// last character is its ISO 7064 MOD 11-2 check digit (GB 11643).
func idCheckDigitOK(id string) bool {
	if len(id) != 18 || !allDigits(id[:17]) {
		return false
	}
	weights := []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, w := range weights {
		sum += int(id[i]-'0') * w
	}
	return id[17] == "10X98765432"[sum%11]
}

// dateText writes a deadline, or says it could not be counted.
func dateText(t time.Time) string {
	if t.IsZero() {
		return "（无法计算）"
	}
	return t.Format("2006-01-02")
}

// setDue fills p's deadline by rule for case c's party: the rule's Days,
// or its push and remote legs when the party is registered in another
// province than the agency's; DueReason says which and why.
func (s *Service) setDue(p *Publication, rule PublicationRule, c Case) {
	home := rule.Province
	if home == "" {
		home = s.cfg.Province
	}
	p.PartyProvince = PartyProvince(c.Party.Kind, c.Party.IDNumber)
	if rule.PushDays == 0 || home == "" || p.PartyProvince == "" || p.PartyProvince == home {
		p.Due, p.DueNote = s.dueDate(p.Decided, rule.Days)
		p.DueReason = fmt.Sprintf("自决定之日起 %d 个工作日内公示（本机关规则）", rule.Days)
		switch {
		case rule.PushDays == 0:
		case home == "":
			p.DueReason += "；未设置本机关所在省份，不区分登记地在外省的当事人"
		case p.PartyProvince == "":
			p.DueReason += "；未能从统一社会信用代码或身份证号码判断当事人登记地，按本省期限计算，登记地在外省的请人工核实"
		default:
			p.DueReason += "；当事人登记地在本省（" + ProvinceName(home) + "）"
		}
		return
	}
	p.PushDue, p.DueNote = s.dueDate(p.Decided, rule.PushDays)
	if p.DueNote == "" {
		p.Due, p.DueNote = s.dueDate(p.PushDue, rule.RemoteDays)
	}
	p.DueReason = fmt.Sprintf("当事人登记地在%s，与本机关（%s）不在同一省：自决定之日起 %d 个工作日内（%s 前）推送至登记地主管部门，"+
		"由其在收到之日起 %d 个工作日内公示，期限按 %d+%d 个工作日计", ProvinceName(p.PartyProvince), ProvinceName(home),
		rule.PushDays, dateText(p.PushDue), rule.RemoteDays, rule.PushDays, rule.RemoteDays)
}

// Display periods (市场监督管理行政处罚信息公示规定 第十三条), from the day of
// publication. A restriction of business or practice longer than 3 years
// is shown as long as it lasts (第十三条第三款): the reviewer withdraws or
// the agency keeps it by hand; the rule does not know those periods.
const (
	ShortDisplayMonths = 3
	LongDisplayYears   = 3
)

// displayPeriod says whether case c's decision is shown the short period
// by rule, and why: nothing but 通报批评 (with or without a warning), or
// nothing but a fine at or below the rule's small amount for the party.
func displayPeriod(rule PublicationRule, c Case) (short bool, reason string) {
	long := fmt.Sprintf("自公示之日起公示 %d 年", LongDisplayYears)
	p := c.Proposal
	if p == nil {
		return false, long
	}
	criticism := false
	for _, o := range p.Other {
		switch strings.TrimSpace(o) {
		case "通报批评":
			criticism = true
		case "警告":
		default:
			return false, long
		}
	}
	small := rule.SmallFineOrg
	if c.Party.Kind == "person" {
		small = rule.SmallFinePerson
	}
	switch {
	case p.Confiscation > 0:
		return false, long
	case p.Fine == 0 && criticism:
		return true, fmt.Sprintf("仅受通报批评，自公示之日起公示 %d 个月", ShortDisplayMonths)
	case p.Fine > 0 && small > 0 && p.Fine <= small:
		return true, fmt.Sprintf("仅受较低数额罚款（%s以下，本机关规则），自公示之日起公示 %d 个月", yuan(small), ShortDisplayMonths)
	}
	return false, long
}

// displayUntil is the last day a record published on day t is shown.
func displayUntil(p Publication, t time.Time) time.Time {
	if p.ShortDisplay {
		return dayOf(t).AddDate(0, ShortDisplayMonths, 0)
	}
	return dayOf(t).AddDate(LongDisplayYears, 0, 0)
}

// errSwept marks a record another sweep (or node) already took down.
var errSwept = errors.New("already taken down")

// TakeDownExpired records as taken down (已停止公示) every published record
// whose display period has ended, each in its own transaction with a log
// entry by the system, and returns how many it took down. The public lists
// leave such records out from the day after their period anyway
// (PublicationFilter.Public); the sweep makes it the record's state, in the
// agency's list and the full-process log. It is idempotent, and two nodes
// sweeping one PostgreSQL take each record down once: each re-reads the
// record in its transaction and writes it at the version it read.
func (s *Service) TakeDownExpired(ctx context.Context) (int, error) {
	now := s.now()
	var list []Publication
	err := s.cfg.Store.View(ctx, func(tx ReadTx) (err error) {
		list, err = tx.Publications(PublicationFilter{States: []PublicationState{PubPublished}, EndedBy: now, Limit: 1 << 30})
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("take down: %w", err)
	}
	n := 0
	for _, found := range list {
		err := s.cfg.Store.Update(ctx, func(tx Tx) error {
			p, err := tx.Publication(found.Key())
			if err != nil {
				return err
			}
			if p.State != PubPublished || !displayEnded(p, now) {
				return errSwept
			}
			before := p
			p.State, p.TakenDown = PubEnded, now
			p.Version, p.Updated = before.Version+1, now
			if err := tx.PutPublication(p, before.Version); err != nil {
				return err
			}
			return s.appendEntry(tx, Entry{Actor: SystemActor, Agency: p.Agency, Action: "publication.take_down", CaseID: p.CaseID,
				Subject: p.Key(), Note: "公示期满（公示至 " + p.DisplayUntil.Format("2006-01-02") + "），停止公示"}, before, p)
		})
		switch {
		case errors.Is(err, errSwept), errors.Is(err, ErrConflict):
			continue
		case err != nil:
			return n, fmt.Errorf("take down %s: %w", found.Key(), err)
		}
		n++
	}
	return n, nil
}

// RunTakeDowns sweeps (TakeDownExpired) at start and then every interval
// (0: an hour) until ctx ends; a failed sweep is logged and tried again.
func (s *Service) RunTakeDowns(ctx context.Context, every time.Duration) {
	if every <= 0 {
		every = time.Hour
	}
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		n, err := s.TakeDownExpired(ctx)
		switch {
		case err != nil && ctx.Err() == nil:
			s.log.Error("publication take-down sweep", "err", err)
		case n > 0:
			s.log.Info("publications taken down at the end of their display period", "n", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}
