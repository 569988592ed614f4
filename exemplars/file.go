package exemplars

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// magic opens a model file; the digit is its format version.
const magic = "CLEXEMPLARS1\n"

// ErrBadModel is wrapped by every error about a malformed model file.
var ErrBadModel = errors.New("exemplars: bad model file")

// MarshalBinary writes the model as bytes that depend only on its contents:
// the options, the labels in order, then the features by hash with their
// IDF and postings. It returns an error for a label longer than the file
// format holds (65,535 bytes) rather than write a file Load would misread.
// (A feature's postings fit: there are at most 65,535 labels.)
func (m *Model) MarshalBinary() ([]byte, error) {
	for _, l := range m.labels {
		if len(l) > math.MaxUint16 {
			return nil, fmt.Errorf("exemplars: a label of %d bytes, at most %d fit", len(l), math.MaxUint16)
		}
	}
	var b bytes.Buffer
	b.WriteString(magic)
	w := func(v any) { _ = binary.Write(&b, binary.LittleEndian, v) } // a bytes.Buffer write does not fail
	w(uint8(m.opt.MinGram))
	w(uint8(m.opt.MaxGram))
	w(uint32(m.opt.Keep))
	w(uint32(m.opt.Postings))
	w(uint32(len(m.labels)))
	for _, l := range m.labels {
		w(uint16(len(l)))
		b.WriteString(l)
	}
	w(uint32(len(m.hashes)))
	for i, h := range m.hashes {
		f := m.features[i]
		w(h)
		w(math.Float32bits(f.idf))
		w(uint16(f.to - f.from))
		for _, p := range m.postings[f.from:f.to] {
			w(p.label)
			w(p.weight)
		}
	}
	return b.Bytes(), nil
}

// Load reads a model written by MarshalBinary. It returns an error wrapping
// ErrBadModel for anything else.
func Load(data []byte) (*Model, error) {
	if !bytes.HasPrefix(data, []byte(magic)) {
		return nil, fmt.Errorf("%w: no header", ErrBadModel)
	}
	r := bytes.NewReader(data[len(magic):])
	var err error
	rd := func(v any) {
		if err == nil {
			err = binary.Read(r, binary.LittleEndian, v)
		}
	}
	var minGram, maxGram uint8
	var keep, postings, nLabels, nFeatures uint32
	rd(&minGram)
	rd(&maxGram)
	rd(&keep)
	rd(&postings)
	rd(&nLabels)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadModel, err)
	}
	if nLabels > math.MaxUint16 || int64(nLabels) > int64(r.Len()) {
		return nil, fmt.Errorf("%w: %d labels", ErrBadModel, nLabels)
	}
	m := &Model{opt: Options{MinGram: int(minGram), MaxGram: int(maxGram), Keep: int(keep), Postings: int(postings)}}
	m.labels = make([]string, nLabels)
	for i := range m.labels {
		var n uint16
		rd(&n)
		s := make([]byte, n)
		rd(s)
		m.labels[i] = string(s)
	}
	rd(&nFeatures)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadModel, err)
	}
	if int64(nFeatures) > int64(r.Len()) {
		return nil, fmt.Errorf("%w: %d features", ErrBadModel, nFeatures)
	}
	for range nFeatures {
		var h, idf uint32
		var np uint16
		rd(&h)
		rd(&idf)
		rd(&np)
		if err != nil {
			break
		}
		raw := make([]uint16, 2*int(np))
		rd(raw)
		from := uint32(len(m.postings))
		for i := 0; i < len(raw); i += 2 {
			if int(raw[i]) >= len(m.labels) {
				return nil, fmt.Errorf("%w: label %d of %d", ErrBadModel, raw[i], len(m.labels))
			}
			m.postings = append(m.postings, posting{raw[i], raw[i+1]})
		}
		// Train's IDF is at least 1: anything else (NaN, infinite, not
		// positive) would make similarities NaN and the matcher's order of
		// candidates no order at all.
		if f := float64(math.Float32frombits(idf)); !(f > 0) || math.IsInf(f, 0) {
			return nil, fmt.Errorf("%w: IDF %v", ErrBadModel, f)
		}
		if len(m.hashes) > 0 && h <= m.hashes[len(m.hashes)-1] {
			return nil, fmt.Errorf("%w: features out of order", ErrBadModel)
		}
		m.hashes = append(m.hashes, h)
		m.features = append(m.features, feature{math.Float32frombits(idf), from, uint32(len(m.postings))})
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadModel, err)
	}
	if r.Len() != 0 {
		return nil, fmt.Errorf("%w: %d bytes after the last feature", ErrBadModel, r.Len())
	}
	m.opt = m.opt.withDefaults()
	m.init()
	return m, nil
}
