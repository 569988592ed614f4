package casework

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// An Act is a light record of an enforcement act other than a penalty
// case — a licence granted or refused, an inspection with or without
// findings, a coercive measure, a levy — kept so that the statistics can
// count every category an agency acts in (行政许可、行政强制、行政征收、
// 行政检查 and those the agency configures). Penalty cases are Cases; an
// Act carries what the statistics need and no workflow.
type Act struct {
	// ID is assigned when recorded.
	ID string `json:"id"`
	// Agency is the acting agency's code; Category a code of the agency's
	// categories (ActCategories).
	Agency   string `json:"agency"`
	Category string `json:"category"`
	// Date is the day of the act, YYYY-MM-DD.
	Date string `json:"date"`
	// Unit is the internal unit (科室、执法大队) that acted; Officer who.
	Unit    string `json:"unit,omitempty"`
	Officer string `json:"officer,omitempty"`
	// Subject is the party acted upon (the applicant, the inspected
	// business); SubjectID its 统一社会信用代码 or ID number.
	Subject   string `json:"subject"`
	SubjectID string `json:"subject_id,omitempty"`
	// Basis is the legal basis as written (e.g. 行政许可法第三十八条).
	Basis string `json:"basis,omitempty"`
	// Outcome is a code of the category's outcomes (granted, findings…),
	// or free text for a category that lists none.
	Outcome string `json:"outcome"`
	Note    string `json:"note,omitempty"`
	// Recorded and RecordedBy: when and by whom it was entered.
	Recorded   time.Time `json:"recorded"`
	RecordedBy string    `json:"recorded_by"`
}

// ActCategory is a category of enforcement acts with its outcomes.
type ActCategory struct {
	Code  string `json:"code"`
	Label string `json:"label"`
	// Outcomes lists the outcomes an act of the category may record; empty
	// for an agency's own category: any outcome text is accepted.
	Outcomes []ActOutcome `json:"outcomes,omitempty"`
}

// ActOutcome is one outcome of a category.
type ActOutcome struct {
	Code  string `json:"code"`
	Label string `json:"label"`
}

// BuiltinActCategories are the categories every agency has besides 行政处罚
// (the cases). The outcomes of 行政许可 are the two decisions of 行政许可法
// 第三十八条; the measures of 行政强制 those of 行政强制法第九条, plus
// enforcement (第十二条 lists its forms).
var BuiltinActCategories = []ActCategory{
	{Code: "licensing", Label: "行政许可", Outcomes: []ActOutcome{{"granted", "准予行政许可"}, {"refused", "不予行政许可"}}},
	{Code: "coercion", Label: "行政强制", Outcomes: []ActOutcome{{"restrict_liberty", "限制公民人身自由"}, {"seal", "查封场所、设施或者财物"},
		{"seize", "扣押财物"}, {"freeze", "冻结存款、汇款"}, {"other_measure", "其他行政强制措施"}, {"enforcement", "行政强制执行"}}},
	{Code: "levy", Label: "行政征收", Outcomes: []ActOutcome{{"collected", "已征收"}, {"reduced", "减征、免征或缓征"}}},
	{Code: "inspection", Label: "行政检查", Outcomes: []ActOutcome{{"no_findings", "未发现问题"}, {"findings", "发现问题"},
		{"case_opened", "发现问题并立案"}}},
}

// ActCategories says which categories an agency records acts in: the
// built-in ones and those configured for the city and for the agency.
type ActCategories struct {
	// City are categories every agency has besides the built-in ones.
	City []ActCategory `json:"city,omitempty"`
	// Agencies are categories one agency has besides those.
	Agencies map[string][]ActCategory `json:"agencies,omitempty"`
}

var categoryCode = regexp.MustCompile(`^[a-z][a-z0-9_]{1,31}$`)

// Validate refuses configured categories without a code (lower-case ASCII,
// 2–32), a label, or with a code used twice for one agency (ErrInvalid).
func (c ActCategories) Validate() error {
	check := func(where string, list []ActCategory) error {
		seen := map[string]bool{"penalty": true}
		for _, b := range BuiltinActCategories {
			seen[b.Code] = true
		}
		for _, k := range append(slices.Clone(c.City), list...) {
			if !categoryCode.MatchString(k.Code) || strings.TrimSpace(k.Label) == "" || utf8.RuneCountInString(k.Label) > 32 {
				return fmt.Errorf("%s: category %q %q: a code of a-z, 0-9, _ (2–32) and a label: %w", where, k.Code, k.Label, ErrInvalid)
			}
			if seen[k.Code] {
				return fmt.Errorf("%s: category %q twice (or a built-in one): %w", where, k.Code, ErrInvalid)
			}
			seen[k.Code] = true
		}
		return nil
	}
	if err := check("city", nil); err != nil {
		return err
	}
	for code, list := range c.Agencies {
		if err := check("agency "+code, list); err != nil {
			return err
		}
	}
	return nil
}

// For returns an agency's categories: built-in, then the city's, then
// the agency's own.
func (c ActCategories) For(agency string) []ActCategory {
	out := slices.Clone(BuiltinActCategories)
	out = append(out, c.City...)
	return append(out, c.Agencies[agency]...)
}

// ActFilter selects acts: one agency ("" for all), a category ("" for
// all) and days [From, To) as YYYY-MM-DD ("" for open).
type ActFilter struct {
	Agency, Category string
	From, To         string
}

// Match reports whether a passes f.
func (f ActFilter) Match(a Act) bool {
	return (f.Agency == "" || a.Agency == f.Agency) && (f.Category == "" || a.Category == f.Category) &&
		(f.From == "" || a.Date >= f.From) && (f.To == "" || a.Date < f.To)
}

// ActReader reads acts inside a transaction.
type ActReader interface {
	// Act returns an act by ID (ErrNotFound).
	Act(id string) (Act, error)
	// Acts lists the acts f matches by date, then ID.
	Acts(f ActFilter) ([]Act, error)
}

// ActWriter writes acts inside a transaction.
type ActWriter interface {
	// CreateAct stores a new act; ErrExists when its ID is taken.
	CreateAct(a Act) error
}

// MaxActs bounds one RecordActs call (a CSV import).
const MaxActs = 5000

// Limits of an act's fields, in characters.
const (
	maxActField = 200
	maxActNote  = 2000
)

// ActError is an act refused by RecordActs: its index in the batch (0
// based), the field and why, in Chinese. It wraps ErrInvalid.
type ActError struct {
	Index   int
	Field   string
	Message string
}

func (e *ActError) Error() string {
	return fmt.Sprintf("act %d: %s: %s", e.Index, e.Field, e.Message)
}

// Unwrap makes an ActError an ErrInvalid.
func (e *ActError) Unwrap() error { return ErrInvalid }

// checkAct validates an act against its agency's categories.
func checkAct(i int, a Act, cats []ActCategory) error {
	bad := func(field, msg string) error { return &ActError{Index: i, Field: field, Message: msg} }
	if a.Agency == "" {
		return bad("agency", "缺少执法机关")
	}
	k := slices.IndexFunc(cats, func(c ActCategory) bool { return c.Code == a.Category })
	if k < 0 {
		return bad("category", fmt.Sprintf("本机关没有执法类别 %q", a.Category))
	}
	if !ValidDay(a.Date) {
		return bad("date", "日期应为 YYYY-MM-DD 格式")
	}
	for _, f := range []struct{ name, v, label string }{{"subject", a.Subject, "当事人"}, {"outcome", a.Outcome, "结果"}} {
		if strings.TrimSpace(f.v) == "" {
			return bad(f.name, "缺少"+f.label)
		}
	}
	if outs := cats[k].Outcomes; len(outs) > 0 && !slices.ContainsFunc(outs, func(o ActOutcome) bool { return o.Code == a.Outcome }) {
		codes := make([]string, len(outs))
		for j, o := range outs {
			codes[j] = o.Code + "（" + o.Label + "）"
		}
		return bad("outcome", fmt.Sprintf("%s的结果应为：%s", cats[k].Label, strings.Join(codes, "、")))
	}
	for _, f := range []struct{ name, v string }{{"unit", a.Unit}, {"officer", a.Officer}, {"subject", a.Subject},
		{"subject_id", a.SubjectID}, {"basis", a.Basis}, {"outcome", a.Outcome}} {
		if !utf8.ValidString(f.v) || utf8.RuneCountInString(f.v) > maxActField || strings.ContainsRune(f.v, 0) {
			return bad(f.name, fmt.Sprintf("应为不超过 %d 字的文字", maxActField))
		}
	}
	if !utf8.ValidString(a.Note) || utf8.RuneCountInString(a.Note) > maxActNote || strings.ContainsRune(a.Note, 0) {
		return bad("note", fmt.Sprintf("备注应为不超过 %d 字的文字", maxActNote))
	}
	return nil
}

// canRecordActs reports whether actor may record acts of agency: its
// officers and leaders, and admins (imports for any agency).
func canRecordActs(actor User, agency string) bool {
	if actor.Disabled {
		return false
	}
	return actor.Has(RoleAdmin) || (actor.Agency == agency && actor.HasAny(RoleOfficer, RoleLeader))
}

// RecordActs records a batch of acts in one transaction, all or none, one
// log entry each (action "act.create", subject the act's ID). An act
// without an agency is the actor's agency's. Errors: ErrForbidden when the
// actor may not record one of them (officers and leaders of its agency,
// admins); an *ActError (ErrInvalid) naming the first bad act and field;
// ErrInvalid for an empty or too large batch; the store's. Like cases,
// acts need no agency record: the agency is the actor's, or an admin's
// import names it.
func (s *Service) RecordActs(ctx context.Context, actor User, acts []Act) ([]Act, error) {
	if len(acts) == 0 || len(acts) > MaxActs {
		return nil, fmt.Errorf("acts: %d, want 1 to %d: %w", len(acts), MaxActs, ErrInvalid)
	}
	out := make([]Act, len(acts))
	now := s.now()
	for i, a := range acts {
		if a.Agency == "" {
			a.Agency = actor.Agency
		}
		if !canRecordActs(actor, a.Agency) {
			return nil, fmt.Errorf("act %d of %q: %s: %w", i, a.Agency, actor.ID, ErrForbidden)
		}
		cats := s.cfg.ActCategories.For(a.Agency)
		a = byLabel(a, cats)
		if err := checkAct(i, a, cats); err != nil {
			return nil, err
		}
		var b [8]byte
		if _, err := rand.Read(b[:]); err != nil {
			return nil, fmt.Errorf("act id: %w", err)
		}
		a.ID = a.Agency + "-act-" + hex.EncodeToString(b[:])
		a.Recorded, a.RecordedBy = now, actor.ID
		a.Subject, a.Outcome = strings.TrimSpace(a.Subject), strings.TrimSpace(a.Outcome)
		out[i] = a
	}
	err := s.cfg.Store.Update(ctx, func(tx Tx) error {
		for _, a := range out {
			if err := tx.CreateAct(a); err != nil {
				return err
			}
			if err := s.appendEntry(tx, Entry{Actor: actor.ID, Role: primaryRole(actor), Agency: a.Agency, Action: "act.create",
				Subject: a.ID, Note: fmt.Sprintf("执法行为：%s %s %s", a.Category, a.Date, excerpt(a.Subject, 60))}, nil, a); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Acts lists the acts f matches that actor may see: the staff of the
// agency (officers, reviewers, leaders) its acts; admins every agency's.
// Statistics over every agency go through package oversight, which
// decides for itself. Errors: ErrForbidden, the store's.
func (s *Service) Acts(ctx context.Context, actor User, f ActFilter) ([]Act, error) {
	if actor.Disabled || (!actor.Has(RoleAdmin) && (actor.Agency == "" || !actor.HasAny(RoleOfficer, RoleReviewer, RoleLeader))) {
		return nil, fmt.Errorf("acts: %s: %w", actor.ID, ErrForbidden)
	}
	if (f.From != "" && !ValidDay(f.From)) || (f.To != "" && !ValidDay(f.To)) {
		return nil, &ActError{Index: -1, Field: "from", Message: "日期应为 YYYY-MM-DD 格式"}
	}
	if !actor.Has(RoleAdmin) {
		if f.Agency != "" && f.Agency != actor.Agency {
			return nil, fmt.Errorf("acts of %s: %s: %w", f.Agency, actor.ID, ErrForbidden)
		}
		f.Agency = actor.Agency
	}
	var out []Act
	err := s.cfg.Store.View(ctx, func(tx ReadTx) (err error) { out, err = tx.Acts(f); return err })
	if out == nil {
		out = []Act{}
	}
	return out, err
}

// ActCategoriesFor returns the categories an agency records acts in.
func (s *Service) ActCategoriesFor(agency string) []ActCategory {
	return s.cfg.ActCategories.For(agency)
}
