// Package openaiasr is the speech engine adapter for OpenAI-compatible
// transcription servers (POST {URL}/v1/audio/transcriptions, multipart,
// response_format=verbose_json): OpenAI itself, and self-hosted Whisper or
// FunASR servers that speak the same wire format.
package openaiasr

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/textproto"
	"strings"
	"syscall"

	"github.com/cailiang/cailiang/speech"
)

// Config says where the server is and what to ask it for.
type Config struct {
	// URL is the server's base URL (http://host:port, with or without a
	// trailing /v1).
	URL string
	// Model is sent as the model field (e.g. whisper-1, large-v3).
	Model string
	// Token, when set, is sent as a bearer token.
	Token string
	// Language is the ISO-639-1 hint sent as language ("zh" when empty).
	Language string
	// HTTPClient defaults to one without a timeout: the caller's context
	// bounds each request.
	HTTPClient *http.Client
}

// Client implements speech.Engine over HTTP.
type Client struct {
	cfg      Config
	endpoint string
}

var _ speech.Engine = (*Client)(nil)

// ErrConfig is returned by New for a missing URL or model.
var ErrConfig = errors.New("openaiasr: invalid configuration")

// New returns a client, or an error wrapping ErrConfig when URL or Model
// is missing or URL is not http(s).
func New(cfg Config) (*Client, error) {
	u := strings.TrimRight(strings.TrimSpace(cfg.URL), "/")
	switch {
	case u == "":
		return nil, fmt.Errorf("%w: no URL", ErrConfig)
	case !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://"):
		return nil, fmt.Errorf("%w: URL %q is not http(s)", ErrConfig, cfg.URL)
	case strings.TrimSpace(cfg.Model) == "":
		return nil, fmt.Errorf("%w: no model", ErrConfig)
	}
	u = strings.TrimSuffix(u, "/v1")
	if cfg.Language == "" {
		cfg.Language = "zh"
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = &http.Client{}
	}
	return &Client{cfg: cfg, endpoint: u + "/v1/audio/transcriptions"}, nil
}

// Model returns the configured model name.
func (c *Client) Model() string { return c.cfg.Model }

// verbose is the part of the verbose_json answer we read.
type verbose struct {
	Text     string `json:"text"`
	Segments []struct {
		Start float64 `json:"start"`
		End   float64 `json:"end"`
		Text  string  `json:"text"`
	} `json:"segments"`
}

// maxAnswer bounds the answer read: a 5-minute chunk's verbose JSON is
// tens of kilobytes.
const maxAnswer = 16 << 20

// Transcribe uploads one WAV file and returns its segments. Errors wrap
// speech.ErrTransient for 429, 5xx, connection failures and timeouts,
// speech.ErrEngine for other statuses and answers that are not
// verbose_json.
func (c *Client) Transcribe(ctx context.Context, wav []byte, name string) ([]speech.Segment, error) {
	body, ctype, err := c.form(wav, name)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.endpoint, body)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", speech.ErrEngine, err)
	}
	req.Header.Set("Content-Type", ctype)
	req.Header.Set("Accept", "application/json")
	if c.cfg.Token != "" {
		req.Header.Set("Authorization", "Bearer "+c.cfg.Token)
	}
	resp, err := c.cfg.HTTPClient.Do(req)
	if err != nil {
		return nil, classifyTransport(err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswer+1))
	if err != nil {
		return nil, classifyTransport(err)
	}
	if resp.StatusCode != http.StatusOK {
		kind := speech.ErrEngine
		if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500 {
			kind = speech.ErrTransient
		}
		return nil, fmt.Errorf("%w: HTTP %d: %s", kind, resp.StatusCode, snippet(raw))
	}
	if len(raw) > maxAnswer {
		return nil, fmt.Errorf("%w: answer over %d bytes", speech.ErrEngine, maxAnswer)
	}
	var v verbose
	if err := json.Unmarshal(raw, &v); err != nil {
		return nil, fmt.Errorf("%w: answer is not verbose_json: %v", speech.ErrEngine, err)
	}
	segs := make([]speech.Segment, 0, len(v.Segments))
	for _, s := range v.Segments {
		segs = append(segs, speech.Segment{Start: s.Start, End: s.End, Text: s.Text})
	}
	if len(segs) == 0 && strings.TrimSpace(v.Text) != "" {
		return nil, fmt.Errorf("%w: answer has text but no segments (server ignores response_format=verbose_json?)", speech.ErrEngine)
	}
	return segs, nil
}

func (c *Client) form(wav []byte, name string) (io.Reader, string, error) {
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="file"; filename=%q`, name))
	h.Set("Content-Type", "audio/wav")
	part, err := w.CreatePart(h)
	if err == nil {
		_, err = part.Write(wav)
	}
	for _, kv := range [][2]string{
		{"model", c.cfg.Model},
		{"response_format", "verbose_json"},
		{"timestamp_granularities[]", "segment"},
		{"language", c.cfg.Language},
	} {
		if err == nil {
			err = w.WriteField(kv[0], kv[1])
		}
	}
	if err == nil {
		err = w.Close()
	}
	if err != nil {
		return nil, "", fmt.Errorf("build upload: %w", err)
	}
	return &b, w.FormDataContentType(), nil
}

// classifyTransport: a reset, refused or timed-out connection is worth
// another try; the caller's own cancellation surfaces as ctx's error.
func classifyTransport(err error) error {
	var ne net.Error
	switch {
	case errors.Is(err, context.Canceled):
		return err
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout(),
		errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.ECONNREFUSED),
		errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return fmt.Errorf("%w: %w", speech.ErrTransient, err)
	}
	return fmt.Errorf("%w: %w", speech.ErrEngine, err)
}

func snippet(b []byte) string {
	s := strings.ToValidUTF8(string(b), "")
	if len(s) > 200 {
		s = s[:200]
	}
	return strings.TrimSpace(s)
}
