package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cailiang/cailiang/app"
	"github.com/cailiang/cailiang/caseanalysis"
	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/corpus/samples"
	"github.com/cailiang/cailiang/eval"
)

// cli runs the command line in-process and returns stdout, stderr and the
// error run returned.
func cli(t *testing.T, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), err
}

func mustCLI(t *testing.T, stdin string, args ...string) string {
	t.Helper()
	out, stderr, err := cli(t, stdin, args...)
	if err != nil {
		t.Fatalf("cailiang %v: %v\n%s", args, err, stderr)
	}
	return out
}

// startServe runs `cailiang serve` in-process on a free port and returns
// its address once it has announced itself, and a function that stops it.
func startServe(t *testing.T, data string) (string, func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--data", data, "--addr", "127.0.0.1:0", "--log-level", "warn", "--first-import", "none"}, strings.NewReader(""), io.Discard, io.Discard)
	}()
	deadline := time.Now().Add(2 * time.Minute)
	for {
		if s, ok := app.RunningService(data); ok && ready(s.Addr) {
			return s.Addr, func() {
				cancel()
				if err := <-done; err != nil {
					t.Errorf("serve: %v", err)
				}
				if _, ok := app.RunningService(data); ok {
					t.Error("service record left behind after a clean stop")
				}
			}
		}
		select {
		case err := <-done:
			cancel()
			t.Fatalf("serve stopped before listening: %v", err)
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatal("serve did not announce itself")
		}
	}
}

// ready reports whether the service at addr has opened its data.
func ready(addr string) bool {
	resp, err := http.Get("http://" + addr + "/readyz")
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}

// TestCommandsBesideRunningService checks that while serve holds a data
// directory, reading commands answer through it exactly as they answer
// from the directory itself, and writing commands refuse at once, naming
// the service and changing nothing.
func TestCommandsBesideRunningService(t *testing.T) {
	if testing.Short() {
		t.Skip("serves a data directory")
	}
	data := filepath.Join(t.TempDir(), "data")
	statutes, _ := filepath.Abs("../../corpus/testdata/statutes/lawref.jsonl")
	mustCLI(t, "", "import", "--data", data, "statutes", statutes)
	// A first start loads the samples and trains the embedder, so that
	// what follows reads a settled directory.
	_, stop := startServe(t, data)
	stop()

	facts := `{"facts":"2024年5月3日，某超市销售超过保质期的酸奶，货值金额800元，违法所得60元。"}`
	reads := [][]string{
		{"cite", "--data", data, "示例法第1条"},
		{"cite", "--data", data, "--date", "2020-01-01", "示例法第1条"},
		{"statutes", "--data", data, "--date", "2024-01-01", "status"},
		{"search", "--data", data, "示例"},
		{"search", "--data", data, "--cases", "--mode", string(corpus.ModeHybrid), "过期食品"},
		{"analyze", "--data", data},
	}
	direct := make([]string, len(reads))
	for i, args := range reads {
		direct[i] = mustCLI(t, facts, args...)
	}

	addr, stop := startServe(t, data)
	defer stop()
	for i, args := range reads {
		// Debug logs say which way the answer came.
		withDebug := append([]string{args[0], "--log-level", "debug"}, args[1:]...)
		out, stderr, err := cli(t, facts, withDebug...)
		if err != nil {
			t.Fatalf("cailiang %v beside a running service: %v\n%s", args, err, stderr)
		}
		if !strings.Contains(stderr, "answering through the running service") {
			t.Errorf("cailiang %v did not go through the service at %s", args, addr)
		}
		if out != direct[i] {
			t.Errorf("cailiang %v: through the service\n%s\ndirectly\n%s", args, out, direct[i])
		}
	}
	// An unknown article fails the same way through the service.
	if _, _, err := cli(t, "", "cite", "--data", data, "示例法第99条"); err == nil {
		t.Error("cite of a missing article succeeded through the service")
	}

	before := mustCLI(t, "", "search", "--data", data, "--cases", "--limit", "100", "过期")
	cases, _ := filepath.Abs("testdata/cases.jsonl")
	for _, args := range [][]string{
		{"import", "--data", data, "cases", cases},
		{"import", "--data", data, "statutes", statutes},
		{"reindex", "--data", data},
		{"compact", "--data", data},
	} {
		_, _, err := cli(t, "", args...)
		if err == nil || !strings.Contains(err.Error(), "正由运行中的 cailiang serve 使用") || !strings.Contains(err.Error(), addr) {
			t.Errorf("cailiang %v beside a running service: %v", args, err)
		}
		if errors.Is(err, corpus.ErrBusy) {
			t.Errorf("cailiang %v waited for the lock instead of asking the service", args)
		}
	}
	if after := mustCLI(t, "", "search", "--data", data, "--cases", "--limit", "100", "过期"); after != before {
		t.Error("a refused import changed the cases")
	}
	// A second service on the same directory is refused too.
	if _, _, err := cli(t, "", "serve", "--data", data, "--addr", "127.0.0.1:0"); err == nil || !strings.Contains(err.Error(), "已有服务在运行") {
		t.Errorf("second serve: %v", err)
	}
}

// TestComputeCommandsOpenNoData checks that suggest and benchmarks, which
// compute over the built-in catalog, create nothing in the data directory.
func TestComputeCommandsOpenNoData(t *testing.T) {
	data := filepath.Join(t.TempDir(), "never")
	mustCLI(t, `{"goods_value": 20000}`, "suggest", "--data", data, "--benchmark", "food-124-expired")
	if out := mustCLI(t, "", "benchmarks", "--data", data, "过期食品"); !strings.Contains(out, "food-124-expired") {
		t.Errorf("benchmarks: %s", out)
	}
	mustCLI(t, "", "benchmarks", "--data", data, "--sector", "生态环境")
	if _, err := os.Stat(data); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("data directory touched: %v", err)
	}
	// A read command on an empty directory says there is nothing yet and
	// creates nothing either.
	if _, _, err := cli(t, "", "cite", "--data", data, "食品安全法第124条"); err == nil || !strings.Contains(err.Error(), "还没有数据") {
		t.Errorf("cite on an empty directory: %v", err)
	}
	if _, err := os.Stat(data); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("read-only open created the data directory: %v", err)
	}
	// Analysis on a fresh machine is one command: the directory is set up
	// as serve's first start would, and the answer is the service's.
	out := mustCLI(t, "2024年5月3日，某超市销售超过保质期的酸奶，货值金额800元，违法所得60元。", "analyze", "--data", data)
	if !strings.Contains(out, `"benchmark_id": "food-124-expired"`) || !strings.Contains(out, `"similar_cases": [`) {
		t.Errorf("analyze on a fresh directory: %.400s", out)
	}
	var res struct {
		SimilarCases []struct {
			ID string `json:"id"`
		} `json:"similar_cases"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || len(res.SimilarCases) == 0 {
		t.Errorf("analyze on a fresh directory found no similar sample cases: %v", err)
	}
}

// TestEvalAnswersAsServeDoes checks that eval measures the service's own
// path: a data directory opened by eval and one served by `cailiang serve`
// give byte-identical /v1/analyze answers for every sample text, with
// vectors on (hybrid similar cases).
func TestEvalAnswersAsServeDoes(t *testing.T) {
	if testing.Short() {
		t.Skip("trains two embedders")
	}
	ctx := context.Background()
	ev, err := eval.Open(ctx, app.Config{DataDir: filepath.Join(t.TempDir(), "eval")}, "")
	if err != nil {
		t.Fatal(err)
	}
	defer ev.Close()
	if ev.Analyzer.Mode() != corpus.ModeHybrid {
		t.Fatalf("eval analyzes in %q mode, want hybrid (vectors on)", ev.Analyzer.Mode())
	}
	addr, stop := startServe(t, filepath.Join(t.TempDir(), "serve"))
	defer stop()
	var health struct {
		Vectors bool `json:"vectors"`
	}
	resp, err := http.Get("http://" + addr + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	json.NewDecoder(resp.Body).Decode(&health)
	resp.Body.Close()
	if !health.Vectors {
		t.Fatal("serve has vectors off")
	}
	cases, err := corpus.DecodeCasesJSONL(bytes.NewReader(samples.CasesJSONL()))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		req := caseanalysis.Request{Facts: c.Facts}
		res, err := ev.Analyzer.Analyze(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := json.Marshal(res)
		body, _ := json.Marshal(req)
		resp, err := http.Post("http://"+addr+"/v1/analyze", "application/json", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if !bytes.Equal(got, want) {
			t.Fatalf("sample %s: serve and eval answer differently\nserve: %.600s\neval:  %.600s", c.ID, got, want)
		}
	}
}

// TestServeImportsOnFirstStart: serve on an empty directory imports the
// statutes it is given behind its listener, then answers with them; a
// second start imports nothing (the directory has statutes).
func TestServeImportsOnFirstStart(t *testing.T) {
	if testing.Short() {
		t.Skip("serves a data directory")
	}
	data := filepath.Join(t.TempDir(), "data")
	statutes, _ := filepath.Abs("../../corpus/testdata/statutes/lawref.jsonl")
	for round := 0; round < 2; round++ {
		ctx, cancel := context.WithCancel(context.Background())
		var logs bytes.Buffer
		done := make(chan error, 1)
		go func() {
			done <- run(ctx, []string{"serve", "--data", data, "--addr", "127.0.0.1:0", "--first-import", statutes}, strings.NewReader(""), io.Discard, &logs)
		}()
		deadline := time.Now().Add(2 * time.Minute)
		for {
			if s, ok := app.RunningService(data); ok && ready(s.Addr) {
				break
			}
			if time.Now().After(deadline) {
				cancel()
				t.Fatal("serve did not become ready")
			}
			time.Sleep(50 * time.Millisecond)
		}
		if out := mustCLI(t, "", "cite", "--data", data, "示例法第1条"); !strings.Contains(out, "示例法第一条") {
			t.Errorf("round %d: cite through the service: %s", round, out)
		}
		cancel()
		if err := <-done; err != nil {
			t.Fatalf("serve: %v", err)
		}
		imported := strings.Contains(logs.String(), "first start: statutes imported")
		if imported != (round == 0) {
			t.Errorf("round %d: imported %v\n%s", round, imported, logs.String())
		}
	}
}
