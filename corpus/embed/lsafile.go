package embed

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"math"

	"github.com/cailiang/cailiang/nlp"
)

// The saved model is little-endian:
//
//	magic "CLSA" | u32 version | u32 len + JSON header |
//	per feature: uvarint len + bytes | idf f32×features |
//	V f32×features×dim | sigma f32×dim | meanProj f32×dim (when centred) |
//	SHA-256 of everything before it (32 bytes)
//
// The header has no time stamp, so equal models save to equal bytes and the
// checksum doubles as the content hash in Spec.
const (
	fileMagic   = "CLSA"
	fileVersion = 1
	// sanity bounds for reading untrusted files
	maxFileFeatures = 10_000_000
	maxFeatureBytes = 1 + maxWordBytes
)

type fileHeader struct {
	Kind         string `json:"kind"`
	Segmenter    string `json:"segmenter"`
	Dim          int    `json:"dim"`
	Features     int    `json:"features"`
	Docs         int    `json:"docs"`
	Centered     bool   `json:"centered"`
	MaxTextBytes int    `json:"max_text_bytes"`
}

func (m *LSA) writeBody(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	hdr, err := json.Marshal(fileHeader{
		Kind: lsaKind, Segmenter: m.segFP, Dim: m.dim, Features: len(m.features),
		Docs: m.docs, Centered: m.meanProj != nil, MaxTextBytes: m.maxTextBytes,
	})
	if err != nil {
		return err
	}
	var b [binary.MaxVarintLen64]byte
	bw.WriteString(fileMagic)
	bw.Write(binary.LittleEndian.AppendUint32(b[:0], fileVersion))
	bw.Write(binary.LittleEndian.AppendUint32(b[:0], uint32(len(hdr))))
	bw.Write(hdr)
	for _, f := range m.features {
		bw.Write(binary.AppendUvarint(b[:0], uint64(len(f))))
		bw.WriteString(f)
	}
	writeF32s(bw, m.idf)
	writeF32s(bw, m.v)
	writeF32s(bw, m.sigma)
	if m.meanProj != nil {
		writeF32s(bw, m.meanProj)
	}
	return bw.Flush()
}

func writeF32s(w *bufio.Writer, xs []float32) {
	var b [4]byte
	for _, x := range xs {
		binary.LittleEndian.PutUint32(b[:], math.Float32bits(x))
		w.Write(b[:])
	}
}

// Save writes the model in its versioned binary format with a trailing
// SHA-256 checksum. It returns w's errors.
func (m *LSA) Save(w io.Writer) error {
	h := sha256.New()
	if err := m.writeBody(io.MultiWriter(w, h)); err != nil {
		return fmt.Errorf("embed: save LSA: %w", err)
	}
	if _, err := w.Write(h.Sum(nil)); err != nil {
		return fmt.Errorf("embed: save LSA: %w", err)
	}
	return nil
}

// LoadLSA reads a model written by Save. seg must behave as the segmenter
// the model was trained with: when both fingerprints are known and differ,
// LoadLSA returns ErrSegmenter. A truncated, corrupt (checksum mismatch) or
// unknown-version file gives ErrFormat; read errors are returned wrapped.
func LoadLSA(r io.Reader, seg nlp.Segmenter) (*LSA, error) {
	if seg == nil {
		return nil, fmt.Errorf("%w: nil segmenter", ErrConfig)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("embed: load LSA: %w", err)
	}
	if len(data) < len(fileMagic)+8+sha256.Size {
		return nil, fmt.Errorf("%w: %d bytes", ErrFormat, len(data))
	}
	body, sum := data[:len(data)-sha256.Size], data[len(data)-sha256.Size:]
	if got := sha256.Sum256(body); !bytes.Equal(got[:], sum) {
		return nil, fmt.Errorf("%w: checksum mismatch", ErrFormat)
	}
	if string(body[:4]) != fileMagic {
		return nil, fmt.Errorf("%w: not an LSA model", ErrFormat)
	}
	rd := &reader{b: body[4:]}
	if v := rd.u32(); v != fileVersion {
		return nil, fmt.Errorf("%w: version %d, want %d", ErrFormat, v, fileVersion)
	}
	var hdr fileHeader
	hl := int(rd.u32())
	if err := json.Unmarshal(rd.bytes(hl), &hdr); err != nil || rd.err != nil {
		return nil, fmt.Errorf("%w: header: %v", ErrFormat, err)
	}
	switch {
	case hdr.Kind != lsaKind:
		return nil, fmt.Errorf("%w: kind %q", ErrFormat, hdr.Kind)
	case hdr.Dim < 1 || hdr.Dim > MaxDim, hdr.Features < hdr.Dim, hdr.Features > maxFileFeatures, hdr.MaxTextBytes < 0:
		return nil, fmt.Errorf("%w: header %+v", ErrFormat, hdr)
	}
	if fp := segFingerprint(seg); hdr.Segmenter != "" && fp != hdr.Segmenter {
		return nil, fmt.Errorf("%w: model %q, given %q", ErrSegmenter, hdr.Segmenter, fp)
	}
	m := &LSA{
		seg: seg, segFP: hdr.Segmenter, dim: hdr.Dim, maxTextBytes: hdr.MaxTextBytes,
		workers: defaultWorkers(), docs: hdr.Docs,
		features: make([]string, hdr.Features),
	}
	for i := range m.features {
		n := rd.uvarint()
		if n == 0 || n > maxFeatureBytes {
			return nil, fmt.Errorf("%w: feature %d has length %d", ErrFormat, i, n)
		}
		m.features[i] = string(rd.bytes(int(n)))
	}
	m.idf = rd.f32s(hdr.Features)
	m.v = rd.f32s(hdr.Features * hdr.Dim)
	m.sigma = rd.f32s(hdr.Dim)
	if hdr.Centered {
		m.meanProj = rd.f32s(hdr.Dim)
	}
	if rd.err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, rd.err)
	}
	if len(rd.b) != 0 {
		return nil, fmt.Errorf("%w: %d trailing bytes", ErrFormat, len(rd.b))
	}
	if err := m.finish(); err != nil {
		return nil, err
	}
	if m.sum != [32]byte(sum) {
		// The body re-encodes differently: the file was not written by
		// this version's Save (for instance unsorted features).
		return nil, fmt.Errorf("%w: non-canonical encoding", ErrFormat)
	}
	if len(m.index) != len(m.features) {
		return nil, fmt.Errorf("%w: duplicate features", ErrFormat)
	}
	return m, nil
}

// reader decodes the body with bounds checks; the first error sticks.
type reader struct {
	b   []byte
	err error
}

func (r *reader) bytes(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || n > len(r.b) {
		r.err = io.ErrUnexpectedEOF
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

func (r *reader) u32() uint32 {
	b := r.bytes(4)
	if b == nil {
		return 0
	}
	return binary.LittleEndian.Uint32(b)
}

func (r *reader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = io.ErrUnexpectedEOF
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) f32s(n int) []float32 {
	b := r.bytes(4 * n)
	if b == nil {
		return nil
	}
	out := make([]float32, n)
	for i := range out {
		x := math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:]))
		if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
			r.err = fmt.Errorf("non-finite value at %d", i)
			return nil
		}
		out[i] = x
	}
	return out
}
