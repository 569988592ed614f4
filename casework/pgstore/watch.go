package pgstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/cailiang/cailiang/casework"
)

// Reconnect delays of a watcher whose connection dropped: doubling from the
// first to the last.
const (
	watchRetryFirst = 100 * time.Millisecond
	watchRetryMax   = 5 * time.Second
)

// Watch reports every case change committed by any node on this schema,
// by LISTEN on a connection of its own, until ctx ends (then the channel
// closes). It returns the error of the first connection. When the
// connection drops it reconnects (100 ms, doubling to 5 s) and then sends an
// Event with Missed set: changes in between were not heard.
func (s *Store) Watch(ctx context.Context) (<-chan casework.Event, error) {
	conn, err := s.listen(ctx)
	if err != nil {
		return nil, err
	}
	out := make(chan casework.Event, 64)
	go s.watch(ctx, conn, out)
	return out, nil
}

// listen opens a connection with the pool's settings and LISTENs.
func (s *Store) listen(ctx context.Context) (*pgx.Conn, error) {
	conn, err := pgx.ConnectConfig(ctx, s.pool.Config().ConnConfig.Copy())
	if err != nil {
		return nil, fmt.Errorf("pgstore: watch: connect: %w", err)
	}
	if _, err := conn.Exec(ctx, `LISTEN `+pgx.Identifier{s.channel}.Sanitize()); err != nil {
		_ = conn.Close(context.Background())
		return nil, fmt.Errorf("pgstore: watch: listen: %w", err)
	}
	return conn, nil
}

func (s *Store) watch(ctx context.Context, conn *pgx.Conn, out chan<- casework.Event) {
	defer close(out)
	defer func() {
		if conn != nil {
			_ = conn.Close(context.Background())
		}
	}()
	send := func(ev casework.Event) bool {
		select {
		case out <- ev:
			return true
		case <-ctx.Done():
			return false
		}
	}
	for {
		n, err := conn.WaitForNotification(ctx)
		if err == nil {
			var ev casework.Event
			if err := json.Unmarshal([]byte(n.Payload), &ev); err != nil || ev.CaseID == "" {
				s.log.Warn("casework watch: malformed notification ignored", "payload", n.Payload)
				continue
			}
			if !send(ev) {
				return
			}
			continue
		}
		if ctx.Err() != nil {
			return
		}
		s.log.Warn("casework watch: connection lost; reconnecting", "err", err)
		_ = conn.Close(context.Background())
		conn = nil
		for delay := watchRetryFirst; conn == nil; delay = min(2*delay, watchRetryMax) {
			select {
			case <-ctx.Done():
				return
			case <-time.After(delay):
			}
			c, err := s.listen(ctx)
			if err != nil {
				if !errors.Is(err, context.Canceled) {
					s.log.Warn("casework watch: reconnect failed", "err", err, "retry_in", min(2*delay, watchRetryMax))
				}
				continue
			}
			conn = c
		}
		s.log.Info("casework watch: reconnected; reporting missed changes")
		if !send(casework.Event{Missed: true}) {
			return
		}
	}
}
