package casework

import (
	"strings"
	"testing"
)

// TestPartyProvince reads the registration province from 统一社会信用代码
// (characters 3–8) and 公民身份号码 (the first six digits), and says "" for
// what names no province.
func TestPartyProvince(t *testing.T) {
	for _, tc := range []struct {
		kind, id, want string
	}{
		{"organisation", "91350100M000100Y43", "35"},       // 福州
		{"organisation", "91340100MA2N0AB12X", "34"},       // 合肥
		{"organisation", "91440300MA5FOOOO1Y", ""},         // O is not a USCC character
		{"organisation", "91440300MA5FABCD1Y", "44"},       // 深圳
		{"organisation", " 9111 0108 MA01 ABCD 1Q ", "11"}, // spaces as people type it
		{"organisation", "91100000MA00000001", ""},         // registered nationally: no province
		{"organisation", "12345", ""},
		{"organisation", "91990100MA00000001", ""}, // no province 99
		{"person", "340504198506151234", "34"},
		{"person", "34050419850615123x", "34"}, // a lower-case X
		{"person", "350102850615123", "35"},    // 15 digits
		{"person", "3405041985061512", ""},     // 16 digits
		{"person", "9A0504198506151234", ""},
		{"", "340504198506151234", "34"}, // valid check digit: an ID number
		{"", "91350100M000100Y43", "35"}, // not an ID number: a USCC
		{"", "913401001234567890", "34"}, // all digits, check digit wrong for an ID: a USCC
		{"", "", ""},
	} {
		if got := PartyProvince(tc.kind, tc.id); got != tc.want {
			t.Errorf("PartyProvince(%q, %q) = %q, want %q", tc.kind, tc.id, got, tc.want)
		}
	}
}

// TestDisplayPeriod: 3 months for nothing but 通报批评 or a fine at or
// below the rule's small amount for the party; 3 years for anything else.
func TestDisplayPeriod(t *testing.T) {
	rule := PublicationRule{Days: 20, SmallFinePerson: 1000, SmallFineOrg: 10000}
	person, org := Party{Kind: "person"}, Party{Kind: "organisation"}
	for _, tc := range []struct {
		name  string
		rule  PublicationRule
		party Party
		p     *Proposal
		short bool
		says  string
	}{
		{"通报批评", rule, org, &Proposal{Other: []string{"通报批评"}}, true, "通报批评"},
		{"通报批评 and a warning", rule, org, &Proposal{Other: []string{"警告", "通报批评"}}, true, "通报批评"},
		{"small fine, organisation", rule, org, &Proposal{Fine: 10000}, true, "较低数额罚款"},
		{"small fine with a warning", rule, org, &Proposal{Fine: 5000, Other: []string{"警告"}}, true, "较低数额罚款"},
		{"above the organisation's amount", rule, org, &Proposal{Fine: 10001}, false, "3 年"},
		{"a person's amount is lower", rule, person, &Proposal{Fine: 5000}, false, "3 年"},
		{"small fine, person", rule, person, &Proposal{Fine: 800}, true, "较低数额罚款"},
		{"small fine and confiscation", rule, org, &Proposal{Fine: 800, Confiscation: 100}, false, "3 年"},
		{"small fine and 责令停产停业", rule, org, &Proposal{Fine: 800, Other: []string{"责令停产停业"}}, false, "3 年"},
		{"no amount set: no fine is small", PublicationRule{Days: 20}, org, &Proposal{Fine: 1}, false, "3 年"},
		{"no proposal", rule, org, nil, false, "3 年"},
	} {
		short, why := displayPeriod(tc.rule, Case{Party: tc.party, Proposal: tc.p})
		if short != tc.short || !strings.Contains(why, tc.says) {
			t.Errorf("%s: short %v (%s), want %v (%s)", tc.name, short, why, tc.short, tc.says)
		}
	}
}

// TestDecisionChangeText is what the log and the public notice say.
func TestDecisionChangeText(t *testing.T) {
	for _, tc := range []struct {
		ch   DecisionChange
		want string
	}{
		{DecisionChange{Action: ActionVary, By: ChangedByReconsideration, Document: "某政复决字〔2026〕8号", Reason: "罚款明显不当"},
			"决定被变更（行政复议，某政复决字〔2026〕8号）：罚款明显不当"},
		{DecisionChange{Action: ActionConfirmVoid, By: ChangedByAgency, Reason: "不具有行政主体资格"}, "决定被确认无效（本机关自行纠正）：不具有行政主体资格"},
		{DecisionChange{Action: ActionRevoke, Reason: "复议撤销"}, "决定被撤销：复议撤销"},
	} {
		if got := tc.ch.Text(); got != tc.want {
			t.Errorf("Text() = %q, want %q", got, tc.want)
		}
	}
}
