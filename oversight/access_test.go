package oversight_test

import (
	"context"
	"errors"
	"testing"

	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/oversight"
)

// TestScope is the permission table of statistics and warnings at the
// domain level (the API's permission table covers the endpoints).
func TestScope(t *testing.T) {
	s := seed(t, boltStore(t), 50, 2)
	ix := index(t, s)
	a, b := s.batch.Agencies[0].Code, s.batch.Agencies[1].Code
	u := func(agency string, roles ...casework.Role) casework.User {
		return casework.User{ID: "u", Agency: agency, Roles: roles}
	}
	forbidden := errors.New("forbidden")
	for _, tt := range []struct {
		name      string
		actor     casework.User
		requested string
		want      string
		err       error
	}{
		{"leader, default", u(a, casework.RoleLeader), "", a, nil},
		{"leader, own", u(a, casework.RoleLeader), a, a, nil},
		{"leader, other agency", u(a, casework.RoleLeader), b, "", forbidden},
		{"leader, unknown agency", u(a, casework.RoleLeader), "nowhere", "", forbidden},
		{"reviewer, default", u(b, casework.RoleReviewer), "", b, nil},
		{"officer", u(a, casework.RoleOfficer), "", "", forbidden},
		{"trainer", u("", casework.RoleTrainer), "", "", forbidden},
		{"disabled leader", casework.User{ID: "x", Agency: a, Roles: []casework.Role{casework.RoleLeader}, Disabled: true}, "", "", forbidden},
		{"supervising reviewer, city", u("sim-sfj", casework.RoleReviewer), "", "", nil},
		{"supervising reviewer, agency", u("sim-sfj", casework.RoleReviewer), b, b, nil},
		{"supervising reviewer, unknown", u("sim-sfj", casework.RoleReviewer), "nowhere", "", oversight.ErrInvalid},
		{"supervising officer", u("sim-sfj", casework.RoleOfficer), "", "", forbidden},
		{"admin, city", u("", casework.RoleAdmin), "", "", nil},
		{"admin, agency", u("", casework.RoleAdmin), a, a, nil},
	} {
		got, err := ix.Scope(context.Background(), tt.actor, tt.requested)
		switch {
		case tt.err == forbidden && !errors.Is(err, casework.ErrForbidden):
			t.Errorf("%s: %q, %v; want ErrForbidden", tt.name, got, err)
		case tt.err != nil && tt.err != forbidden && !errors.Is(err, tt.err):
			t.Errorf("%s: %q, %v; want %v", tt.name, got, err, tt.err)
		case tt.err == nil && (err != nil || got != tt.want):
			t.Errorf("%s: %q, %v; want %q", tt.name, got, err, tt.want)
		}
	}
}
