package api

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/cailiang/cailiang/casework"
)

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
