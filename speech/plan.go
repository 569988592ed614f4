package speech

import (
	"fmt"
	"math"
)

// The engine receives 16 kHz mono 16-bit PCM in a WAV container: what
// Whisper-family servers resample to anyway, and what phone codecs (AMR-NB
// is 8 kHz) lose nothing to.
const (
	sampleRate     = 16000
	bytesPerSecond = sampleRate * 2
	wavHeaderBytes = 44
)

// Chunk is one piece of the recording sent to the engine: [Start, End)
// seconds on the recording's timeline. Own is the part of it whose
// segments are kept when chunks overlap: [OwnStart, OwnEnd).
type Chunk struct {
	Index            int
	Start, End       float64
	OwnStart, OwnEnd float64
}

// Bytes is the size of the chunk's WAV upload.
func (c Chunk) Bytes() int64 {
	return wavHeaderBytes + int64(math.Ceil((c.End-c.Start)*sampleRate))*2
}

// PlanChunks splits a recording of total seconds into the fewest chunks of
// at most maxSeconds (and at most maxBytes as a WAV upload) that overlap by
// overlap seconds, so a word cut at one chunk's edge is heard whole in the
// next. Segments are owned by the chunk whose half of the overlap holds
// their midpoint. It returns an error wrapping ErrInvalid when the limits
// leave no room (overlap not under half a chunk, total not positive).
func PlanChunks(total, maxSeconds float64, maxBytes int64, overlap float64) ([]Chunk, error) {
	limit := maxSeconds
	if byBytes := float64(maxBytes-wavHeaderBytes) / bytesPerSecond; byBytes < limit {
		limit = math.Floor(byBytes*1000) / 1000
	}
	switch {
	case !(total > 0) || math.IsInf(total, 0):
		return nil, fmt.Errorf("%w: recording length %v s", ErrInvalid, total)
	case !(limit > 0):
		return nil, fmt.Errorf("%w: chunk limit %v s / %d bytes leaves no audio", ErrInvalid, maxSeconds, maxBytes)
	case overlap < 0 || overlap*2 >= limit:
		return nil, fmt.Errorf("%w: overlap %v s must be under half of the chunk limit %v s", ErrInvalid, overlap, limit)
	}
	if total <= limit {
		return []Chunk{{Index: 0, Start: 0, End: total, OwnStart: 0, OwnEnd: total}}, nil
	}
	step := limit - overlap
	n := int(math.Ceil((total - overlap) / step))
	chunks := make([]Chunk, n)
	for i := range chunks {
		start := float64(i) * step
		end := math.Min(start+limit, total)
		chunks[i] = Chunk{Index: i, Start: start, End: end}
	}
	for i := range chunks {
		if i == 0 {
			chunks[i].OwnStart = 0
		} else {
			chunks[i].OwnStart = (chunks[i].Start + chunks[i-1].End) / 2
		}
		if i == n-1 {
			chunks[i].OwnEnd = total
		} else {
			chunks[i].OwnEnd = (chunks[i+1].Start + chunks[i].End) / 2
		}
	}
	return chunks, nil
}

// mergeChunks puts each chunk's segments (times relative to the chunk) on
// the recording's timeline and keeps a segment only in the chunk that owns
// its midpoint, so what two overlapping chunks both heard appears once.
// Times are clamped to the chunk and the recording.
func mergeChunks(chunks []Chunk, parts [][]Segment) []Segment {
	var out []Segment
	for i, c := range chunks {
		for _, s := range parts[i] {
			start := math.Max(c.Start, c.Start+s.Start)
			end := math.Min(c.End, c.Start+s.End)
			if end < start {
				end = start
			}
			mid := (start + end) / 2
			if mid < c.OwnStart || mid >= c.OwnEnd && i < len(chunks)-1 {
				continue
			}
			if s.Text == "" {
				continue
			}
			out = append(out, Segment{Start: round3(start), End: round3(end), Text: s.Text})
		}
	}
	return out
}

// round3 keeps millisecond precision: engines report centiseconds and
// float shifts should not show as 12.340000000000002.
func round3(x float64) float64 { return math.Round(x*1000) / 1000 }
