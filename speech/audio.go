package speech

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
)

// converter runs Debian's ffmpeg and ffprobe; no audio is decoded by hand.
type converter struct {
	ffmpeg, ffprobe string
}

func (c converter) run(ctx context.Context, name string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, name, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if errors.Is(err, exec.ErrNotFound) {
		return nil, fmt.Errorf("%w: %s (install Debian's ffmpeg package)", ErrNoConverter, name)
	}
	if err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("%s: %w", name, ctx.Err())
		}
		msg := strings.TrimSpace(stderr.String())
		if i := strings.LastIndexByte(msg, '\n'); i >= 0 {
			msg = msg[i+1:]
		}
		return nil, fmt.Errorf("%w: %s: %s", ErrUnreadableAudio, name, msg)
	}
	return stdout.Bytes(), nil
}

// probe returns the duration in seconds of the first audio stream of
// path, failing with ErrUnreadableAudio when there is none.
func (c converter) probe(ctx context.Context, path string) (float64, error) {
	out, err := c.run(ctx, c.ffprobe, "-v", "error", "-select_streams", "a:0",
		"-show_entries", "stream=codec_type:format=duration", "-of", "default=noprint_wrappers=1", path)
	if err != nil {
		return 0, err
	}
	var audio bool
	dur := -1.0
	for _, line := range strings.Split(string(out), "\n") {
		k, v, _ := strings.Cut(strings.TrimSpace(line), "=")
		switch k {
		case "codec_type":
			audio = audio || v == "audio"
		case "duration":
			if d, err := strconv.ParseFloat(v, 64); err == nil {
				dur = d
			}
		}
	}
	if !audio {
		return 0, fmt.Errorf("%w: no audio stream", ErrUnreadableAudio)
	}
	return dur, nil
}

// toPCM converts path to 16 kHz mono signed 16-bit little-endian PCM at
// out, the form chunks are cut from by byte offset.
func (c converter) toPCM(ctx context.Context, path, out string) (int64, error) {
	if _, err := c.run(ctx, c.ffmpeg, "-nostdin", "-v", "error", "-y", "-i", path,
		"-vn", "-ac", "1", "-ar", strconv.Itoa(sampleRate), "-f", "s16le", "-acodec", "pcm_s16le", out); err != nil {
		return 0, err
	}
	st, err := os.Stat(out)
	if err != nil {
		return 0, fmt.Errorf("converted audio: %w", err)
	}
	if st.Size() < 2 {
		return 0, fmt.Errorf("%w: no samples", ErrUnreadableAudio)
	}
	return st.Size(), nil
}

// wavChunk reads the chunk's samples from the PCM file and wraps them in
// a canonical 44-byte WAV header.
func wavChunk(pcm *os.File, pcmBytes int64, c Chunk) ([]byte, error) {
	from := int64(c.Start*sampleRate) * 2
	to := min(int64(c.End*sampleRate)*2, pcmBytes)
	if to <= from {
		return nil, fmt.Errorf("chunk %d: empty range", c.Index)
	}
	n := to - from
	buf := make([]byte, wavHeaderBytes+n)
	if _, err := pcm.ReadAt(buf[wavHeaderBytes:], from); err != nil {
		return nil, fmt.Errorf("chunk %d: read samples: %w", c.Index, err)
	}
	h := buf[:wavHeaderBytes]
	copy(h[0:], "RIFF")
	binary.LittleEndian.PutUint32(h[4:], uint32(36+n))
	copy(h[8:], "WAVEfmt ")
	binary.LittleEndian.PutUint32(h[16:], 16)
	binary.LittleEndian.PutUint16(h[20:], 1) // PCM
	binary.LittleEndian.PutUint16(h[22:], 1) // mono
	binary.LittleEndian.PutUint32(h[24:], sampleRate)
	binary.LittleEndian.PutUint32(h[28:], bytesPerSecond)
	binary.LittleEndian.PutUint16(h[32:], 2)
	binary.LittleEndian.PutUint16(h[34:], 16)
	copy(h[36:], "data")
	binary.LittleEndian.PutUint32(h[40:], uint32(n))
	return buf, nil
}
