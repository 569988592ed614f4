package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// buildBinary builds cailiang the way `make build` does (-trimpath) into a
// temporary directory.
func buildBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("binary build skipped in -short mode")
	}
	bin := filepath.Join(t.TempDir(), "cailiang")
	cmd := exec.Command("go", "build", "-trimpath", "-o", bin, ".")
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("go build -trimpath: %v", err)
	}
	return bin
}

// isolated runs the binary in a fresh directory with no Go module cache or
// GOPATH reachable, as on a machine where only the binary was copied.
func isolated(t *testing.T, bin, dir string, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	empty := t.TempDir()
	cmd.Env = []string{"HOME=" + empty, "GOPATH=" + filepath.Join(empty, "gopath"), "GOMODCACHE=" + filepath.Join(empty, "modcache"), "TMPDIR=" + empty, "PATH=/usr/bin:/bin"}
	return cmd
}

func TestBinaryEndToEnd(t *testing.T) {
	bin := buildBinary(t)
	work := t.TempDir()
	cases, _ := filepath.Abs("testdata/cases.jsonl")
	statutes, _ := filepath.Abs("../../corpus/testdata/statutes/lawref.jsonl")
	data := filepath.Join(work, "data")

	run := func(wantCode int, args ...string) string {
		t.Helper()
		var out, errb bytes.Buffer
		cmd := isolated(t, bin, work, args...)
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		if code != wantCode {
			t.Fatalf("cailiang %v: exit %d, want %d\nstdout: %s\nstderr: %s", args, code, wantCode, out.String(), errb.String())
		}
		return out.String()
	}

	if out := run(0, "--help"); !strings.Contains(out, "cailiang serve") {
		t.Errorf("help: %q", out)
	}
	run(2, "frobnicate")
	run(2, "import", "--data", data, "things", cases)
	if out := run(0, "import", "--data", data, "cases", cases); !strings.Contains(out, `"imported": 1`) {
		t.Errorf("import cases: %s", out)
	}
	// A bad file changes nothing and exits non-zero with the line number.
	bad := filepath.Join(work, "bad.jsonl")
	os.WriteFile(bad, []byte("{\"id\":\"x\"}\n"), 0o644)
	run(1, "import", "--data", data, "cases", bad)
	out := run(0, "search", "--data", data, "--cases", "过期食品")
	var res struct {
		Total int `json:"total"`
		Hits  []struct {
			ID string `json:"id"`
		} `json:"hits"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || res.Total == 0 {
		t.Fatalf("search cases: %v %s", err, out)
	}
	if out := run(0, "import", "--data", data, "statutes", statutes); !strings.Contains(out, `"statutes"`) {
		t.Errorf("import statutes: %s", out)
	}
	if out := run(0, "compact", "--data", data); !strings.Contains(out, `"before_bytes"`) || !strings.Contains(out, "cailiang.db") {
		t.Errorf("compact: %s", out)
	}
	if out := run(0, "cite", "--data", data, "示例法第1条"); !strings.Contains(out, "示例法第一条") {
		t.Errorf("cite: %s", out)
	}
	run(1, "cite", "--data", data, "示例法第99条")
	run(2, "cite", "--data", data, "--date", "2020-13-01", "示例法第1条")
	if out := run(0, "cite", "--data", data, "--date", "2021-06-01", "示例法第1条"); !strings.Contains(out, `"in_force_to": "2023-05-01"`) || !strings.Contains(out, `"status": "in_force"`) {
		t.Errorf("cite --date: %s", out)
	}
	if out := run(0, "statutes", "--data", data, "--date", "2024-01-01", "status"); !strings.Contains(out, `"repealed": []`) || !strings.Contains(out, `"law": "食品安全法"`) {
		t.Errorf("statutes status: %s", out)
	}
	run(2, "statutes", "--data", data, "frobnicate")
	// The same file again is skipped as a whole.
	if out := run(0, "import", "--data", data, "statutes", statutes); !strings.Contains(out, `"changed": 0`) || !strings.Contains(out, `"indexed": 0`) || strings.Contains(out, `"unchanged": 0`) {
		t.Errorf("re-import of the same statutes: %s", out)
	}
	facts := filepath.Join(work, "facts.json")
	os.WriteFile(facts, []byte(`{"goods_value": 20000, "cooperated": true}`), 0o644)
	if out := run(0, "suggest", "--data", data, "--benchmark", "food-124-expired", "--facts", facts); !strings.Contains(out, `"fine_max": 260000`) {
		t.Errorf("suggest: %s", out)
	}
	// A provision-level violation's id (噪声污染防治法 第七十四条第一款: 十万元以上五十万元以下).
	if out := run(0, "suggest", "--data", data, "--benchmark", "prov:noise-74-1", "--facts", facts); !strings.Contains(out, `"fine_max": 500000`) {
		t.Errorf("suggest provision: %s", out)
	}
	os.WriteFile(facts, []byte(`{"goods_value": -1}`), 0o644)
	run(1, "suggest", "--data", data, "--benchmark", "food-124-expired", "--facts", facts)
	if out := run(0, "benchmarks", "--data", data, "过期食品"); !strings.Contains(out, "food-124-expired") {
		t.Errorf("benchmarks: %s", out)
	}
	// analyze: plain text from a file, a JSON request on stdin, bad input.
	in := filepath.Join(work, "facts.txt")
	os.WriteFile(in, []byte("2024年5月3日，当事人某某超市有限公司销售超过保质期的酸奶，货值金额800元，违法所得60元。"), 0o644)
	if out := run(0, "analyze", "--data", data, "--input", in); !strings.Contains(out, `"benchmark_id": "food-124-expired"`) || !strings.Contains(out, `"role": "货值金额"`) {
		t.Errorf("analyze: %s", out)
	}
	{
		var out bytes.Buffer
		cmd := isolated(t, bin, work, "analyze", "--data", data)
		cmd.Stdin = strings.NewReader(`{"facts":"驾驶人王某醉酒驾驶机动车，血液酒精含量为120毫克/100毫升。"}`)
		cmd.Stdout = &out
		if err := cmd.Run(); err != nil {
			t.Fatalf("analyze stdin: %v", err)
		}
		var res struct {
			Transfer struct {
				Risk string `json:"risk"`
			} `json:"transfer"`
		}
		if err := json.Unmarshal(out.Bytes(), &res); err != nil || res.Transfer.Risk != "likely" {
			t.Errorf("analyze stdin: %v %s", err, out.String())
		}
	}
	os.WriteFile(in, []byte("   "), 0o644)
	run(1, "analyze", "--data", data, "--input", in)
	os.WriteFile(in, []byte(`{"facts":"x","colour":"red"}`), 0o644)
	run(1, "analyze", "--data", data, "--input", in)
	if out := run(0, "reindex", "--data", data); !strings.Contains(out, `"cases"`) {
		t.Errorf("reindex: %s", out)
	}

	// serve on a free port, answer /healthz, stop cleanly on SIGTERM.
	cmd := isolated(t, bin, work, "serve", "--data", data, "--addr", "127.0.0.1:0")
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			var line map[string]any
			if json.Unmarshal(sc.Bytes(), &line) == nil && line["msg"] == "listening" {
				addr <- line["addr"].(string)
			}
		}
	}()
	var base string
	select {
	case a := <-addr:
		base = "http://" + a
	case <-time.After(60 * time.Second):
		cmd.Process.Kill()
		t.Fatal("server did not start")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", base+"/healthz", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("healthz: %v %v", err, resp)
	}
	resp.Body.Close()
	cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve exit: %v", err)
		}
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		t.Fatal("serve did not stop on SIGTERM")
	}
}
