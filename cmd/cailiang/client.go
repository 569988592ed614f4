package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/cailiang/cailiang/app"
	"github.com/cailiang/cailiang/caseanalysis"
	"github.com/cailiang/cailiang/corpus"
)

// serviceClient answers read commands through a `cailiang serve` that holds
// the data directory, over the same HTTP API the web page uses, so that a
// user can look things up while the service runs.
type serviceClient struct {
	base string
	http *http.Client
}

// dialService returns a client of s once its /healthz answers.
func dialService(ctx context.Context, s app.Service) (*serviceClient, error) {
	c := &serviceClient{base: "http://" + s.Addr, http: &http.Client{Timeout: 2 * time.Minute}}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	var health struct {
		Status string `json:"status"`
	}
	if err := c.do(ctx, http.MethodGet, "/healthz", nil, &health); err != nil {
		return nil, err
	}
	// "alive": listening while it loads; its answers then say so.
	if health.Status != "ok" && health.Status != "alive" {
		return nil, fmt.Errorf("service at %s: status %q", s.Addr, health.Status)
	}
	return c, nil
}

// apiError is an answer in the API's error format.
type apiError struct {
	Err struct {
		Code    string `json:"code"`
		Message string `json:"message"`
		Field   string `json:"field"`
	} `json:"error"`
}

func (c *serviceClient) do(ctx context.Context, method, path string, body any, out any) error {
	var rd io.Reader
	if body != nil {
		raw, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(raw)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, rd)
	if err != nil {
		return err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("running service: %w", err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return fmt.Errorf("running service: %w", err)
	}
	if resp.StatusCode/100 != 2 {
		var e apiError
		if json.Unmarshal(raw, &e) == nil && e.Err.Message != "" {
			return errors.New(e.Err.Message)
		}
		return fmt.Errorf("running service: %s", resp.Status)
	}
	return json.Unmarshal(raw, out)
}

// search searches norms (or cases, with cases) and returns the service's
// answer as it came.
func (c *serviceClient) search(ctx context.Context, cases bool, q corpus.NormQuery, mode corpus.SearchMode) (json.RawMessage, error) {
	v := url.Values{"q": {q.Q}, "limit": {strconv.Itoa(q.Limit)}, "mode": {string(mode)}}
	path := "/v1/library/cases/search?"
	if !cases {
		path = "/v1/norms/search?"
		if q.Law != "" {
			v.Set("law", q.Law)
		}
		if q.InForce != nil {
			v.Set("in_force", strconv.FormatBool(*q.InForce))
		}
	}
	var res json.RawMessage
	err := c.do(ctx, http.MethodGet, path+v.Encode(), nil, &res)
	return res, err
}

// resolve resolves one citation and returns the resolved article as the
// service wrote it, or the service's error for it.
func (c *serviceClient) resolve(ctx context.Context, citation, date string) (json.RawMessage, error) {
	var answer struct {
		Results []struct {
			Resolved json.RawMessage `json:"resolved"`
			Error    *struct {
				Message string `json:"message"`
			} `json:"error"`
		} `json:"results"`
	}
	body := map[string]any{"citations": []string{citation}}
	if date != "" {
		body["date"] = date
	}
	if err := c.do(ctx, http.MethodPost, "/v1/citations/resolve", body, &answer); err != nil {
		return nil, err
	}
	out := answer.Results
	if len(out) != 1 {
		return nil, fmt.Errorf("running service: %d answers for one citation", len(out))
	}
	if out[0].Error != nil {
		return nil, errors.New(out[0].Error.Message)
	}
	if len(out[0].Resolved) == 0 {
		return nil, errors.New("running service: empty answer")
	}
	return out[0].Resolved, nil
}

// analyze returns the service's analysis as it came.
func (c *serviceClient) analyze(ctx context.Context, req caseanalysis.Request) (json.RawMessage, error) {
	var res json.RawMessage
	err := c.do(ctx, http.MethodPost, "/v1/analyze", req, &res)
	return res, err
}
