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
	"time"
)

// converter runs Debian's ffmpeg, ffprobe and sox; no audio is decoded
// by hand.
type converter struct {
	ffmpeg, ffprobe, sox string
}

// soxTypes are codecs sox decodes better than ffmpeg: ffmpeg's own AMR
// decoders drop the comfort-noise (SID) and no-data frames of
// discontinuous transmission, so the silences of a phone recording
// shrink and every later time shifts; sox decodes them through
// libopencore-amr and keeps the timeline.
var soxTypes = map[string]string{"amr_nb": "amr-nb", "amr_wb": "amr-wb"}

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

// probed is what ffprobe says of a file's first audio stream.
type probed struct {
	duration float64
	codec    string
}

// probe reads the duration in seconds and the codec of the first audio
// stream of path, failing with ErrUnreadableAudio when there is none.
func (c converter) probe(ctx context.Context, path string) (probed, error) {
	out, err := c.run(ctx, c.ffprobe, "-v", "error", "-select_streams", "a:0",
		"-show_entries", "stream=codec_type,codec_name:format=duration", "-of", "default=noprint_wrappers=1", path)
	if err != nil {
		return probed{}, err
	}
	var audio bool
	p := probed{duration: -1}
	for _, line := range strings.Split(string(out), "\n") {
		k, v, _ := strings.Cut(strings.TrimSpace(line), "=")
		switch k {
		case "codec_type":
			audio = audio || v == "audio"
		case "codec_name":
			p.codec = v
		case "duration":
			if d, err := strconv.ParseFloat(v, 64); err == nil {
				p.duration = d
			}
		}
	}
	if !audio {
		return probed{}, fmt.Errorf("%w: no audio stream", ErrUnreadableAudio)
	}
	return p, nil
}

// toPCM converts path to 16 kHz mono signed 16-bit little-endian PCM at
// out, the form chunks are cut from by byte offset. ffmpeg converts
// every file; for the codecs in soxTypes sox then decodes it again, when
// installed, and its output replaces ffmpeg's. ffmpeg goes first because
// it rejects a damaged AMR file that sox loops on forever; each tool has
// a deadline from the recording's length.
func (c converter) toPCM(ctx context.Context, path, out string) (int64, error) {
	p, err := c.probe(ctx, path)
	if err != nil {
		return 0, err
	}
	budget := convertBudget(p.duration)
	fctx, cancel := context.WithTimeout(ctx, budget)
	_, err = c.run(fctx, c.ffmpeg, "-nostdin", "-v", "error", "-y", "-i", path,
		"-vn", "-ac", "1", "-ar", strconv.Itoa(sampleRate), "-f", "s16le", "-acodec", "pcm_s16le", out)
	cancel()
	if err != nil {
		return 0, err
	}
	if st, err := os.Stat(out); err != nil || st.Size() < 2 {
		return 0, fmt.Errorf("%w: no samples", ErrUnreadableAudio)
	}
	if typ, ok := soxTypes[p.codec]; ok && c.haveSox() {
		sctx, cancel := context.WithTimeout(ctx, budget)
		_, err := c.run(sctx, c.sox, "-V1", "-t", typ, path, "-t", "raw", "-r", strconv.Itoa(sampleRate), "-c", "1",
			"-e", "signed-integer", "-b", "16", "-L", out+".sox")
		cancel()
		if err == nil {
			err = os.Rename(out+".sox", out)
		}
		if err != nil && ctx.Err() != nil {
			return 0, ctx.Err()
		}
		// Otherwise ffmpeg's decoding stands.
		_ = os.Remove(out + ".sox")
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

// convertBudget bounds one conversion: decoders run at many times real
// time, so a minute plus half the recording's length is only reached by
// a tool that is stuck.
func convertBudget(seconds float64) time.Duration {
	if !(seconds > 0) || seconds > 24*3600 {
		seconds = 24 * 3600
	}
	return time.Minute + time.Duration(seconds/2*float64(time.Second))
}

func (c converter) haveSox() bool {
	_, err := exec.LookPath(c.sox)
	return err == nil
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
