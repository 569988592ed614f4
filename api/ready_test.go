package api

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"

	"github.com/cailiang/cailiang/app"
)

// TestLoadingServer: a server made with NewLoading answers /healthz at once,
// /readyz 503 with its progress, and every other route 503 "loading" in the
// error format; after Ready the same routes answer normally.
func TestLoadingServer(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := NewLoading(Config{Version: "test"})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	defer func() { cancel(); <-done }()
	base := "http://" + ln.Addr().String()
	get := func(path string) (int, map[string]any) {
		t.Helper()
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		raw, _ := io.ReadAll(resp.Body)
		var m map[string]any
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatalf("%s: %v %s", path, err, raw)
		}
		return resp.StatusCode, m
	}
	srv.SetProgress("首次导入法规", 1, 2)
	if code, m := get("/healthz"); code != 200 || m["status"] != "alive" {
		t.Errorf("/healthz while loading: %d %v", code, m)
	}
	if code, m := get("/readyz"); code != 503 || m["stage"] != "首次导入法规" || m["done"] != float64(1) {
		t.Errorf("/readyz while loading: %d %v", code, m)
	}
	code, m := get("/v1/benchmarks")
	e, _ := m["error"].(map[string]any)
	if code != 503 || e["code"] != "loading" || !strings.Contains(e["message"].(string), "首次导入法规") {
		t.Errorf("/v1/benchmarks while loading: %d %v", code, m)
	}

	a, err := app.Open(context.Background(), app.Config{DataDir: t.TempDir(), CacheDir: t.TempDir(), Vectors: app.VectorConfig{Embedder: app.EmbedderNone}}, app.ForServe)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	srv.Ready(a)
	if code, m := get("/readyz"); code != 200 || m["status"] != "ready" {
		t.Errorf("/readyz when ready: %d %v", code, m)
	}
	if code, m := get("/healthz"); code != 200 || m["status"] != "ok" {
		t.Errorf("/healthz when ready: %d %v", code, m)
	}
	if code, _ := get("/v1/benchmarks?q=过期食品"); code != 200 {
		t.Errorf("/v1/benchmarks when ready: %d", code)
	}
}
