package api

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/cailiang/cailiang/casework"
)

// TestDecisionChangeHostileInput sends bad input to POST
// /v1/cases/:id/decision-changes as a leader who may use it: a 4xx in the
// error format with a Chinese message, and neither the record, the case
// nor its publication changes.
func TestDecisionChangeHostileInput(t *testing.T) {
	f := newPermFixture(t)
	c := f.caseAt(t, casework.StageDecided, false)
	p := f.publicationReady(t, c, true)
	open := f.caseAt(t, casework.StageInvestigating, false)
	url := "/v1/cases/" + c.ID + "/decision-changes"
	v := fmt.Sprint(c.Version)
	ok := `"version":` + v + `,"by":"reconsideration","document":"某政复决字〔2026〕8号","reason":"罚款明显不当"`
	vary := `{` + ok + `,"action":"vary","proposal":{"disposition":"处罚","fine":2000}}`
	for _, b := range []struct {
		name, target, body string
		status             int
		code               string
	}{
		{"empty", url, "", 400, "invalid_input"},
		{"not json", url, "action=vary", 400, "invalid_input"},
		{"array", url, "[]", 400, "invalid_input"},
		{"invalid utf8", url, "{\"reason\":\"\xff\"}", 400, "invalid_utf8"},
		{"unknown field", url, `{` + ok + `,"action":"vary","fine":1}`, 400, "invalid_input"},
		{"no version", url, strings.Replace(vary, `"version":`+v+`,`, "", 1), 400, "invalid_input"},
		{"wrong type", url, `{"version":"1","action":1}`, 400, "invalid_input"},
		{"unknown action", url, `{` + ok + `,"action":"approve"}`, 400, "invalid_input"},
		{"SQL in the action", url, `{` + ok + `,"action":"vary'; DROP TABLE cases;--"}`, 400, "invalid_input"},
		{"unknown body", url, strings.Replace(vary, "reconsideration", "court", 1), 400, "invalid_input"},
		{"no document from 复议", url, strings.Replace(vary, "某政复决字〔2026〕8号", "", 1), 400, "invalid_input"},
		{"document with a control character", url, strings.Replace(vary, "8号", `8号\u0007`, 1), 400, "invalid_input"},
		{"document too long", url, strings.Replace(vary, "8号", strings.Repeat("号", 70), 1), 400, "invalid_input"},
		{"no reason", url, strings.Replace(vary, "罚款明显不当", "  ", 1), 400, "invalid_input"},
		{"reason too long", url, strings.Replace(vary, "罚款明显不当", strings.Repeat("理", 2001), 1), 400, "invalid_input"},
		{"vary without content", url, `{` + ok + `,"action":"vary"}`, 400, "invalid_input"},
		{"negative fine", url, strings.Replace(vary, "2000", "-2000", 1), 400, "invalid_input"},
		{"fine not a number", url, strings.Replace(vary, "2000", `"2000"`, 1), 400, "invalid_input"},
		{"unknown disposition", url, strings.Replace(vary, `"disposition":"处罚"`, `"disposition":"罚一下"`, 1), 400, "invalid_input"},
		{"revoke with content", url, strings.Replace(vary, `"action":"vary"`, `"action":"revoke"`, 1), 400, "invalid_input"},
		{"stale version", url, strings.Replace(vary, `"version":`+v, `"version":`+fmt.Sprint(c.Version+3), 1), 409, "version_conflict"},
		{"huge", url, `{"version":` + v + `,"reason":"` + strings.Repeat("法", DefaultBodyLimit/3+1) + `"}`, 413, "body_too_large"},
		{"an open case", "/v1/cases/" + open.ID + "/decision-changes", strings.Replace(vary, `"version":`+v, `"version":`+fmt.Sprint(open.Version), 1), 409, "stage_not_allowed"},
		{"an unknown case", "/v1/cases/nope/decision-changes", vary, 404, "not_found"},
	} {
		t.Run(b.name, func(t *testing.T) {
			h := f.header(t, "leader")
			h["Content-Type"] = "application/json"
			entries := f.w.entryCount(t)
			st, _, e := send(t, f.addr, liveRequest{"POST", b.target, h, []byte(b.body)})
			if st != b.status || e.Code != b.code {
				t.Fatalf("%d %+v; want %d %q", st, e, b.status, b.code)
			}
			if !hasHan(e.Message) {
				t.Errorf("message %q is not in Chinese", e.Message)
			}
			if got := f.w.entryCount(t); got != entries {
				t.Fatalf("refused request changed the record: %d → %d entries", entries, got)
			}
			now, err := f.w.svc.Publication(context.Background(), f.users["reviewer"], c.ID)
			if err != nil || now.Version != p.Version || now.Key() != p.Key() {
				t.Fatalf("publication changed: %s v%d → %s v%d (%v)", p.Key(), p.Version, now.Key(), now.Version, err)
			}
		})
	}
}

// TestDecisionChangeFlow: over HTTP, a leader varies a published decision;
// the case view offers the change steps as changes; the publication answer
// lists the withdrawn record and the new one; the public JSON and RSS show
// the notice with its reason.
func TestDecisionChangeFlow(t *testing.T) {
	f := newPermFixture(t)
	c := f.caseAt(t, casework.StageDecided, false)
	f.publicationReady(t, c, true)
	lead := f.header(t, "leader")["Authorization"][len("Bearer "):]
	st, raw := fetch(t, f.addr, lead, "GET", "/v1/cases/"+c.ID, nil)
	var view caseView
	if st != 200 || json.Unmarshal(raw, &view) != nil {
		t.Fatalf("case: %d %s", st, raw)
	}
	changes := map[casework.Action]bool{}
	for _, n := range view.Next {
		changes[n.Action] = n.Change
	}
	if !changes[casework.ActionVary] || !changes[casework.ActionConfirmUnlawful] || !changes[casework.ActionConfirmVoid] || changes[casework.ActionServe] {
		t.Errorf("next steps marked as changes: %v", changes)
	}
	st, raw = fetch(t, f.addr, lead, "POST", "/v1/cases/"+c.ID+"/decision-changes", jsonBody(map[string]any{"version": c.Version,
		"action": "vary", "by": "reconsideration", "document": "某政复决字〔2026〕8号", "reason": "复议机关变更为罚款二千元",
		"proposal": map[string]any{"disposition": "处罚", "fine": 2000}}))
	if st != 200 || json.Unmarshal(raw, &view) != nil || view.Case.Proposal == nil || view.Case.Proposal.Fine != 2000 || len(view.Case.Changes) != 1 {
		t.Fatalf("vary: %d %s", st, raw)
	}
	st, raw = fetch(t, f.addr, lead, "GET", "/v1/cases/"+c.ID+"/publication", nil)
	var ans publicationAnswer
	if st != 200 || json.Unmarshal(raw, &ans) != nil {
		t.Fatalf("publication: %d %s", st, raw)
	}
	if ans.Key() != c.ID+".2" || ans.State != casework.PubDue || ans.Penalty != "罚款2000 元" || len(ans.Records) != 2 ||
		ans.Records[0].State != casework.PubWithdrawn || ans.Records[0].SupersededBy != c.ID+".2" {
		t.Errorf("publication after the variation: %s", raw)
	}
	st, raw = fetch(t, f.addr, "", "GET", "/v1/public/decisions", nil)
	if st != 200 || !strings.Contains(string(raw), `"status":"withdrawn"`) || !strings.Contains(string(raw), "复议机关变更为罚款二千元") ||
		!strings.Contains(string(raw), `"replaced_by":"`+c.ID+`.2"`) {
		t.Errorf("public JSON: %d %s", st, raw)
	}
	st, raw = fetch(t, f.addr, "", "GET", "/public/decisions.rss", nil)
	if st != 200 || !strings.Contains(string(raw), "撤回公示") || !strings.Contains(string(raw), "撤回理由：决定被变更（行政复议，某政复决字〔2026〕8号）") {
		t.Errorf("RSS: %d %s", st, raw)
	}
}
