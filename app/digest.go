package app

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"github.com/cailiang/cailiang/casework"
)

// MakeDigests makes and keeps the day's digests: one for every agency
// that is not a supervising one, and one for the city. A digest another
// node kept first is left as it is. It returns how many this call kept.
func (c *Casework) MakeDigests(ctx context.Context, day time.Time) (int, error) {
	var agencies []casework.Agency
	err := c.store.View(ctx, func(tx casework.ReadTx) (err error) { agencies, err = tx.Agencies(); return err })
	if err != nil {
		return 0, err
	}
	var codes []string
	for _, a := range agencies {
		if !a.Supervising {
			codes = append(codes, a.Code)
		}
	}
	if len(codes) == 0 {
		return 0, nil // no agency yet: nothing to tell anyone
	}
	codes = append(codes, "")
	ix, err := c.Oversight()
	if err != nil {
		return 0, err
	}
	system := casework.User{ID: casework.SystemActor, Name: "系统", Roles: []casework.Role{casework.RoleAdmin}}
	n := 0
	for _, code := range codes {
		if _, err := c.Service.KeptDigest(ctx, code, day.Format(time.DateOnly)); err == nil {
			continue // kept already (by this node earlier, or another)
		}
		d, err := ix.Fresh(ctx, code, day)
		if err != nil {
			return n, fmt.Errorf("digest of %q: %w", code, err)
		}
		doc, err := json.Marshal(d)
		if err != nil {
			return n, err
		}
		ok, err := c.Service.KeepDigest(ctx, system, casework.Digest{Agency: code, Day: d.Day, Created: d.At, Summary: d.Summary, Doc: doc})
		if err != nil {
			return n, fmt.Errorf("keep the digest of %q: %w", code, err)
		}
		if ok {
			n++
		}
	}
	return n, nil
}

// DigestClock is when serve makes the day's digests: a time of day in a
// location.
type DigestClock struct {
	Hour, Minute int
	Location     *time.Location
}

// next returns the first moment at the clock's time of day after t.
func (k DigestClock) next(t time.Time) time.Time {
	t = t.In(k.Location)
	n := time.Date(t.Year(), t.Month(), t.Day(), k.Hour, k.Minute, 0, 0, k.Location)
	if !n.After(t) {
		n = time.Date(t.Year(), t.Month(), t.Day()+1, k.Hour, k.Minute, 0, 0, k.Location)
	}
	return n
}

// digestDay is the day whose digest is due at t: the day of the clock's
// location (as a UTC date, the oversight index's days).
func (k DigestClock) digestDay(t time.Time) time.Time {
	t = t.In(k.Location)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// StartDigests makes the day's digests at the clock's time every day (and
// at once, when started after that time on a day whose digests are not
// all kept: a node that was down at the hour catches up). Several nodes on
// one PostgreSQL may all run it: the store keeps one digest per agency
// and day. now is the clock (nil: time.Now). stop ends it and waits.
func (c *Casework) StartDigests(ctx context.Context, k DigestClock, now func() time.Time) (stop func()) {
	if now == nil {
		now = time.Now
	}
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Go(func() {
		run := func() {
			t := now()
			n, err := c.MakeDigests(ctx, k.digestDay(t))
			if err != nil && ctx.Err() == nil {
				c.log.Error("daily digests", "err", err)
				return
			}
			if n > 0 {
				c.log.Info("daily digests kept", "day", k.digestDay(t).Format(time.DateOnly), "kept", n)
			}
		}
		t := now().In(k.Location)
		if today := time.Date(t.Year(), t.Month(), t.Day(), k.Hour, k.Minute, 0, 0, k.Location); !t.Before(today) {
			run()
		}
		for {
			wait := k.next(now()).Sub(now())
			select {
			case <-ctx.Done():
				return
			case <-time.After(wait):
				run()
			}
		}
	})
	return func() { cancel(); wg.Wait() }
}
