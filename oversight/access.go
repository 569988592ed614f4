package oversight

import (
	"context"
	"fmt"

	"github.com/cailiang/cailiang/casework"
)

// Scope decides whose statistics and warnings actor may see and returns
// the agency to query ("" for the whole city) for the agency requested
// ("" for the default view):
//   - leaders and reviewers see their own agency (the default), and no other;
//   - leaders and reviewers of a supervising agency (司法局, Agency.Supervising)
//     and admins see the city (the default) and any agency;
//   - officers and trainers without one of those roles, and disabled users,
//     see none.
//
// Officers are left out on purpose: the warnings name colleagues (an
// officer at one end) and other agencies' parties. Errors:
// casework.ErrForbidden (wrapped) for what the actor may not see, before
// anything about the requested agency is revealed; ErrInvalid for an
// unknown agency the actor could otherwise see; the store's errors.
func (ix *Index) Scope(ctx context.Context, actor casework.User, requested string) (string, error) {
	if actor.Disabled {
		return "", fmt.Errorf("oversight: user %s disabled: %w", actor.ID, casework.ErrForbidden)
	}
	city := actor.Has(casework.RoleAdmin)
	if !city {
		if !actor.HasAny(casework.RoleLeader, casework.RoleReviewer) || actor.Agency == "" {
			return "", fmt.Errorf("oversight: %s is not a leader, reviewer or admin: %w", actor.ID, casework.ErrForbidden)
		}
		own, err := ix.Agency(ctx, actor.Agency)
		if err != nil && !errorsIsInvalid(err) {
			return "", err
		}
		city = own.Supervising
	}
	if !city {
		if requested != "" && requested != actor.Agency {
			return "", fmt.Errorf("oversight: %s may see only %s: %w", actor.ID, actor.Agency, casework.ErrForbidden)
		}
		return actor.Agency, nil
	}
	if requested != "" {
		if _, err := ix.Agency(ctx, requested); err != nil {
			return "", err
		}
	}
	return requested, nil
}

// DigestScope decides whose daily digest actor may read, like Scope but
// narrower for an agency's own staff: its leaders read their agency's
// digest (the default); the leaders and reviewers of a supervising agency
// and admins read the city's (the default) and any agency's; an agency's
// reviewers, who see its statistics and warnings, do not get the digest
// written for its head. Errors as Scope.
func (ix *Index) DigestScope(ctx context.Context, actor casework.User, requested string) (string, error) {
	agency, err := ix.Scope(ctx, actor, requested)
	if err != nil {
		return "", err
	}
	if actor.Has(casework.RoleAdmin) || actor.Has(casework.RoleLeader) {
		return agency, nil
	}
	if own, err := ix.Agency(ctx, actor.Agency); err == nil && own.Supervising {
		return agency, nil
	}
	return "", fmt.Errorf("oversight: %s is not a leader of %s: %w", actor.ID, actor.Agency, casework.ErrForbidden)
}
