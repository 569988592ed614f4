package casework

import (
	"encoding/json"
	"time"

	"github.com/cailiang/cailiang/legal"
)

// Case is one enforcement case as the agency works it.
type Case struct {
	// ID is assigned by the service on creation (agency code, year, sequence:
	// scjg-2026-000123); never reused.
	ID string `json:"id"`
	// Agency is the code of the agency that holds the case.
	Agency string `json:"agency"`
	// Title is a short name for lists (当事人 + 案由).
	Title string `json:"title"`
	// Source is where the case came from (案件来源: 投诉举报、监督检查、移送…).
	Source string `json:"source,omitempty"`
	// Stage is where the case is now; only Service.Transition changes it.
	Stage Stage `json:"stage"`
	// Version increases with every change; writers pass the version they read
	// and a change based on an older one fails with ErrConflict.
	Version int64 `json:"version"`
	// Party is the 当事人.
	Party Party `json:"party"`
	// Facts is the officer's statement of the facts (违法事实), as analysed.
	Facts string `json:"facts"`
	// Sector is the enforcement field, when known.
	Sector legal.Sector `json:"sector,omitempty"`
	// Officers are the user IDs of the case's 承办人 (the creator first).
	Officers []string `json:"officers"`
	// Analysis is the /v1/analyze answer attached by an officer, as JSON.
	Analysis json.RawMessage `json:"analysis,omitempty"`
	// Proposal is the penalty the officer proposes (and the engine suggested).
	Proposal *Proposal `json:"proposal,omitempty"`
	// Opened is when the case was registered (立案), zero before.
	Opened time.Time `json:"opened,omitzero"`
	// Due is the decision deadline: 90 days from 立案 (行政处罚法 第六十条) plus
	// extensions; zero before 立案.
	Due time.Time `json:"due,omitzero"`
	// Extensions records each extension of Due.
	Extensions []Extension `json:"extensions,omitempty"`
	// Review is the 法制审核 of the latest submission (review.go); nil
	// before the case was first submitted.
	Review *Review `json:"review,omitempty"`
	// Decided is when the decision was made (ActionApprove), zero before.
	Decided time.Time `json:"decided,omitzero"`
	// Changes are the changes of the decision after it was made (变更,
	// 撤销, 确认违法, 确认无效), oldest first (ChangeDecision).
	Changes []DecisionChange `json:"changes,omitempty"`
	// SharedForTraining puts an ended case, anonymised, in the training
	// collections trainers of every agency browse (training.go).
	SharedForTraining bool `json:"shared_for_training"`
	// CreatedBy is the user ID of the officer who opened the case.
	CreatedBy string `json:"created_by"`
	// Created and Updated are when the case was created and last changed.
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
}

// Party is the 当事人 of a case.
type Party struct {
	// Kind is "person" (自然人) or "organisation" (法人或者其他组织).
	Kind string `json:"kind,omitempty"`
	// Name is the person's name or the organisation's 名称.
	Name string `json:"name"`
	// IDNumber is the 统一社会信用代码 or the 公民身份号码.
	IDNumber string `json:"id_number,omitempty"`
	// Address is the 住所 or 住址.
	Address string `json:"address,omitempty"`
	// Representative is the 法定代表人 (负责人) of an organisation.
	Representative string `json:"representative,omitempty"`
	// Phone is a contact number.
	Phone string `json:"phone,omitempty"`
}

// Proposal is the penalty proposed for a case and, once approved, decided.
type Proposal struct {
	// Disposition is the proposed disposition (处罚, 从轻处罚, 不予处罚…).
	Disposition legal.Disposition `json:"disposition"`
	// Basis is the benchmark or provision the proposal rests on (its id in the catalog).
	Basis string `json:"basis,omitempty"`
	// Fine is the proposed fine in yuan (0 when none).
	Fine float64 `json:"fine"`
	// Confiscation is the 没收违法所得 / 非法财物 amount in yuan.
	Confiscation float64 `json:"confiscation,omitempty"`
	// Other lists other penalties (警告, 责令停产停业…).
	Other []string `json:"other,omitempty"`
	// Suggested is the engine's suggested range for the fine, as the analysis gave it.
	SuggestedMin float64 `json:"suggested_min,omitempty"`
	SuggestedMax float64 `json:"suggested_max,omitempty"`
	// Deviation is the recorded reason for a fine outside the suggested range;
	// required before such a case leaves 分析与裁量.
	Deviation string `json:"deviation,omitempty"`
	// Reasons are the 裁量理由 lines.
	Reasons []string `json:"reasons,omitempty"`
}

// Deviates reports whether the proposed fine lies outside the suggested range
// (when the engine suggested one).
func (p Proposal) Deviates() bool {
	if p.SuggestedMax <= 0 {
		return false
	}
	return p.Fine < p.SuggestedMin || p.Fine > p.SuggestedMax
}

// Extension is one extension of a case's decision deadline.
type Extension struct {
	Days   int       `json:"days"`
	Reason string    `json:"reason"`
	By     string    `json:"by"`
	At     time.Time `json:"at"`
}

// Evidence is the record of one evidence file attached to a case. The file
// itself is stored once, by its SHA-256 digest, in a BlobStore.
type Evidence struct {
	// CaseID is the case the file belongs to.
	CaseID string `json:"case_id"`
	// Digest is the file's SHA-256, lower-case hex.
	Digest string `json:"digest"`
	// Size is the file's length in bytes.
	Size int64 `json:"size"`
	// MediaType is the checked content type (image/jpeg, application/pdf, audio/…).
	MediaType string `json:"media_type"`
	// Name is the file name given on upload (for display only).
	Name string `json:"name"`
	// Stage is the stage of the case when the file was attached.
	Stage Stage `json:"stage"`
	// Note describes the evidence (证据名称、证明事项).
	Note string `json:"note,omitempty"`
	// AddedBy and Added say who attached it and when.
	AddedBy string    `json:"added_by"`
	Added   time.Time `json:"added"`
}

// CaseFilter selects cases for lists and queues. Zero fields match everything.
type CaseFilter struct {
	// Agency limits to one agency's cases.
	Agency string
	// Stages limits to cases in any of these stages.
	Stages []Stage
	// Officer limits to cases where this user is a 承办人.
	Officer string
	// SharedOnly limits to ended cases shared for training.
	SharedOnly bool
	// DueBefore limits to undecided cases whose deadline is before this time.
	DueBefore time.Time
	// Limit and Offset page the list (Limit 0 means the store's default, 100).
	Limit, Offset int
}
