package app

import (
	"context"
	"fmt"
	"strings"

	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/casework/pgstore"
)

// openPGCaseStore opens the case workbench's store on PostgreSQL when
// cfg.PGDSN is set; ok is false (and nothing is opened) otherwise, when the
// embedded store is the system of record. The PostgreSQL store is also a
// casework.Watcher: each node learns of changes made through the others.
// Read-only (`audit verify`) it migrates nothing. Errors are the
// connection's or the migrations' (pgstore.ErrNotMigrated read-only).
func openPGCaseStore(ctx context.Context, cfg Config, readOnly bool) (s casework.Store, ok bool, err error) {
	if strings.TrimSpace(cfg.PGDSN) == "" {
		return nil, false, nil
	}
	ps, err := pgstore.Open(ctx, pgstore.Config{DSN: cfg.PGDSN, ReadOnly: readOnly, Logger: cfg.Logger})
	if err != nil {
		return nil, true, fmt.Errorf("open the PostgreSQL case store: %w", err)
	}
	return ps, true, nil
}
