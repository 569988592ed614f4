package casework

import (
	"errors"
	"fmt"
)

// Errors returned (wrapped) by Service and the stores. The API maps each to
// one HTTP status in one place.
var (
	// ErrNotFound: no such user, case, evidence or entry.
	ErrNotFound = errors.New("not found")
	// ErrExists: an ID that must be new is taken.
	ErrExists = errors.New("already exists")
	// ErrInvalid: the input is malformed or incomplete.
	ErrInvalid = errors.New("invalid input")
	// ErrConflict: the case changed since the version the writer read.
	ErrConflict = errors.New("version conflict")
	// ErrStage: the action is not possible in the case's stage, or a
	// precondition of the step is missing (a deviation without a reason…).
	ErrStage = errors.New("not possible in this stage")
	// ErrNotServed: the case's 决定书 has no recorded delivery, so it
	// cannot move to 已送达. It is an ErrStage too.
	ErrNotServed = fmt.Errorf("decision not served: %w", ErrStage)
	// ErrUnauthenticated: no valid credentials (missing, wrong, expired or
	// revoked token, disabled user).
	ErrUnauthenticated = errors.New("unauthenticated")
	// ErrForbidden: the user's role or agency does not allow it.
	ErrForbidden = errors.New("forbidden")
	// ErrTooLarge: an evidence file exceeds the configured size.
	ErrTooLarge = errors.New("too large")
	// ErrTampered: the full-process record does not verify (see ChainError).
	ErrTampered = errors.New("record tampered")
)
