package casework

import (
	"fmt"
	"slices"
	"time"
)

// Role is what a user may do. A user holds one or more roles within one agency.
type Role string

// The roles of the workbench.
const (
	// RoleOfficer (办案人员) opens cases, investigates, drafts and carries out decisions.
	RoleOfficer Role = "officer"
	// RoleReviewer (法制审核人员) reviews proposed decisions before they are made.
	RoleReviewer Role = "reviewer"
	// RoleLeader (负责人) approves 立案, decisions, extensions, transfers and withdrawals.
	RoleLeader Role = "leader"
	// RoleTrainer (培训/学习) reads closed cases shared for training, of any agency; nothing else.
	RoleTrainer Role = "trainer"
	// RoleAdmin (管理员) manages users; it reads no case and verifies the record.
	RoleAdmin Role = "admin"
)

// Roles lists every role in a stable order.
func Roles() []Role {
	return []Role{RoleOfficer, RoleReviewer, RoleLeader, RoleTrainer, RoleAdmin}
}

var roleLabels = map[Role]string{
	RoleOfficer:  "办案人员",
	RoleReviewer: "法制审核人员",
	RoleLeader:   "负责人",
	RoleTrainer:  "培训/学习",
	RoleAdmin:    "管理员",
}

// Label is the role's Chinese name.
func (r Role) Label() string { return roleLabels[r] }

// ParseRole accepts a role's English code or its Chinese name; anything else
// is ErrInvalid (wrapped, naming the text).
func ParseRole(s string) (Role, error) {
	for r, label := range roleLabels {
		if s == string(r) || s == label {
			return r, nil
		}
	}
	return "", fmt.Errorf("role %q: %w", s, ErrInvalid)
}

// User is a person who signs in. Secrets are never in User: the store keeps
// password and token hashes apart (Credential, Token).
type User struct {
	// ID is the login name (ASCII letters, digits, '.', '_', '-').
	ID string `json:"id"`
	// Name is the person's name as shown on documents and the timeline.
	Name string `json:"name"`
	// Agency is the code of the agency the user works for.
	Agency string `json:"agency"`
	// Roles the user holds (at least one).
	Roles []Role `json:"roles"`
	// CertNumber is the officer's 行政执法证 number (执法证号), printed beside
	// their name on documents; 行政处罚法 第四十二条 lets only certified
	// officers enforce. Empty until the admin sets it.
	CertNumber string `json:"cert_number,omitempty"`
	// Disabled users cannot sign in and their tokens stop working.
	Disabled bool `json:"disabled"`
	// Created is when the user was added.
	Created time.Time `json:"created"`
}

// Has reports whether u holds role r.
func (u User) Has(r Role) bool { return slices.Contains(u.Roles, r) }

// HasAny reports whether u holds any of rs.
func (u User) HasAny(rs ...Role) bool {
	for _, r := range rs {
		if u.Has(r) {
			return true
		}
	}
	return false
}

// Agency is an enforcement agency (执法机关) whose cases the workbench holds.
type Agency struct {
	// Code is the short ASCII code users and cases refer to (e.g. "scjg").
	Code string `json:"code"`
	// Name is the agency's full name (e.g. 某市市场监督管理局), as on documents.
	Name string `json:"name"`
	// DocPrefix is the 机关代字 of its document numbers (e.g. 某市监处罚), empty until set.
	DocPrefix string `json:"doc_prefix,omitempty"`
	// Supervising marks the body that supervises enforcement across the city
	// (司法局): its leaders and reviewers see every agency's statistics and
	// early warnings, never the cases' content.
	Supervising bool `json:"supervising,omitempty"`
	// Publication is the agency's publication rule (nil: DefaultPublicationRule).
	Publication *PublicationRule `json:"publication,omitempty"`
}
