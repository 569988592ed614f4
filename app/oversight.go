package app

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/oversight"
	"github.com/cailiang/cailiang/synthcases"
)

// Oversight returns the statistics and early-warning index over the
// workbench's store, with the catalog's benchmark names and the configured
// thresholds: one per opened workbench, made on first use, so that the
// service and its handlers share one projection of the cases. Errors: the
// catalog's, when it does not load.
func (c *Casework) Oversight() (*oversight.Index, error) {
	if c.oversight == nil {
		return c.newOversight()
	}
	return c.oversight()
}

func (c *Casework) newOversight() (*oversight.Index, error) {
	cat, err := catalogOnce()
	if err != nil {
		return nil, fmt.Errorf("oversight: %w", err)
	}
	names := map[string]string{}
	for _, b := range cat.All() {
		names[b.ID] = b.Name
	}
	return oversight.New(oversight.Config{Store: c.store, Violations: names, Warnings: c.warnings,
		ActCategories: c.categories})
}

// initOversight makes Oversight build its index once.
func (c *Casework) initOversight() { c.oversight = sync.OnceValues(c.newOversight) }

// SeedDemo generates synthetic cases (synthcases) over the built-in
// catalog and imports them as the system: agencies and users, then the
// cases in transactions of casework.MaxImport, each with its log entries.
// It returns the batch and the stored case IDs. Errors: synthcases'
// ErrInvalid, casework's, the store's.
func (c *Casework) SeedDemo(ctx context.Context, cfg synthcases.Config, progress func(done, total int)) (synthcases.Batch, []string, error) {
	cat, err := catalogOnce()
	if err != nil {
		return synthcases.Batch{}, nil, err
	}
	cfg.Catalog = cat
	if cfg.Now.IsZero() {
		cfg.Now = time.Now().UTC()
	}
	b, err := synthcases.Generate(cfg)
	if err != nil {
		return synthcases.Batch{}, nil, err
	}
	system := casework.User{ID: casework.SystemActor, Name: "系统", Roles: []casework.Role{casework.RoleAdmin}}
	ids, err := synthcases.Load(ctx, c.Service, system, b, progress)
	return b, ids, err
}
