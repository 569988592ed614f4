package speech

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Segment is a stretch of speech with its text: [Start, End) seconds. An
// engine reports times relative to the audio it was given; a Result's
// segments are on the recording's timeline.
type Segment struct {
	Start float64 `json:"start"`
	End   float64 `json:"end"`
	Text  string  `json:"text"`
}

// Engine transcribes one WAV file (16 kHz mono PCM) into segments. It
// wraps ErrTransient around failures worth retrying and ErrEngine around
// refusals; it honours ctx's deadline.
type Engine interface {
	Transcribe(ctx context.Context, wav []byte, name string) ([]Segment, error)
	// Model names the engine's model; it is stored with every result.
	Model() string
}

// retryPolicy is how one chunk's request is retried.
type retryPolicy struct {
	attempts int
	backoff  time.Duration
	timeout  time.Duration
}

// transcribeChunk sends one chunk, retrying transient failures with
// doubling backoff; each attempt has its own deadline. A deadline that
// passes while ctx is still alive counts as transient (the engine was
// slow); ctx's own end stops at once.
func (p retryPolicy) transcribeChunk(ctx context.Context, e Engine, wav []byte, name string) ([]Segment, int, error) {
	wait := p.backoff
	var last error
	for attempt := 1; attempt <= p.attempts; attempt++ {
		actx, cancel := context.WithTimeout(ctx, p.timeout)
		segs, err := e.Transcribe(actx, wav, name)
		timedOut := actx.Err() != nil
		cancel()
		if err == nil {
			return segs, attempt, nil
		}
		if ctx.Err() != nil {
			return nil, attempt, fmt.Errorf("transcribe %s: %w", name, ctx.Err())
		}
		if timedOut && !errors.Is(err, ErrTransient) {
			err = fmt.Errorf("%w: no answer within %v: %w", ErrTransient, p.timeout, err)
		}
		last = err
		if !errors.Is(err, ErrTransient) || attempt == p.attempts {
			break
		}
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return nil, attempt, fmt.Errorf("transcribe %s: %w", name, ctx.Err())
		}
		wait *= 2
	}
	return nil, p.attempts, fmt.Errorf("transcribe %s: %w", name, last)
}
