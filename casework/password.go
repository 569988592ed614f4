package casework

import (
	"context"
	"fmt"
)

// ResetPassword gives user id a new random password, which it returns
// (admin only); the user's tokens keep working, disable the user to stop
// them. ErrForbidden for a non-admin, ErrNotFound for an unknown user.
func (s *Service) ResetPassword(ctx context.Context, actor User, id string) (string, error) {
	if !actor.Has(RoleAdmin) {
		return "", fmt.Errorf("reset password of %s: %w", id, ErrForbidden)
	}
	password, err := NewPassword()
	if err != nil {
		return "", err
	}
	hash, err := HashPassword(password)
	if err != nil {
		return "", err
	}
	err = s.cfg.Store.Update(ctx, func(tx Tx) error {
		u, err := tx.User(id)
		if err != nil {
			return err
		}
		if err := tx.PutCredential(Credential{UserID: id, Hash: hash, Changed: s.now()}); err != nil {
			return err
		}
		return s.appendEntry(tx, Entry{Actor: actor.ID, Role: RoleAdmin, Agency: u.Agency, Action: "user.reset_password",
			Subject: id, Note: "重置密码"}, nil, nil)
	})
	if err != nil {
		return "", err
	}
	return password, nil
}

// Operator is the actor of the command line (`cailiang user …`): whoever
// can run the binary on the data directory administers its users, as the
// owner of a database file does; its entries are the service's own
// ("system").
func Operator() User {
	return User{ID: SystemActor, Name: "命令行管理", Roles: []Role{RoleAdmin}}
}
