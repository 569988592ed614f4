//go:build unix

package app_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sync/atomic"
	"syscall"
	"testing"

	"github.com/cailiang/cailiang/app"
	"github.com/cailiang/cailiang/corpus"
)

// Environment of the import child (TestImportCrashChild).
const (
	envCrashData  = "CAILIANG_CRASH_DATA"
	envCrashFile  = "CAILIANG_CRASH_FILE"
	envCrashPhase = "CAILIANG_CRASH_PHASE"
)

// crashPoint says whether an import event (a progress stage or a log
// message) is where the child kills itself for a phase.
func crashPoint(phase, event string) bool {
	return map[string]string{
		"store":   "store",                     // committed to the store, not indexed
		"index":   "statutes",                  // index written, generation not marked
		"train":   "training the LSA embedder", // model being trained, nothing saved
		"trained": "LSA embedder trained",      // model saved, nothing embedded with it
		"embed":   "vectors",                   // the first batch embedded, more to go
	}[phase] == event
}

// killHandler is a slog handler that SIGKILLs the process at the log
// message of its phase once armed.
type killHandler struct {
	slog.Handler
	phase string
	armed *atomic.Bool
}

func (h killHandler) Handle(ctx context.Context, r slog.Record) error {
	if h.armed.Load() && crashPoint(h.phase, r.Message) {
		syscall.Kill(os.Getpid(), syscall.SIGKILL)
	}
	return h.Handler.Handle(ctx, r)
}

// TestImportCrashChild is the import child of TestImportKilledInEachPhase,
// run as a separate process: it imports the file into the data directory
// and kills itself with SIGKILL in its phase. It does nothing in a normal
// test run.
func TestImportCrashChild(t *testing.T) {
	data, file, phase := os.Getenv(envCrashData), os.Getenv(envCrashFile), os.Getenv(envCrashPhase)
	if data == "" {
		t.Skip("only run as the child of TestImportKilledInEachPhase")
	}
	var armed atomic.Bool
	cfg := testConfig(data, &logBuffer{})
	cfg.Logger = slog.New(killHandler{Handler: slog.NewTextHandler(io.Discard, nil), phase: phase, armed: &armed})
	cfg.Progress = func(stage string, _, _ int) {
		if armed.Load() && crashPoint(phase, stage) {
			syscall.Kill(os.Getpid(), syscall.SIGKILL)
		}
	}
	a, err := app.Open(context.Background(), cfg, app.ForImport)
	if err != nil {
		t.Fatal(err)
	}
	armed.Store(true)
	if _, err := a.ImportStatutes(context.Background(), file); err != nil {
		t.Fatal(err)
	}
	t.Fatalf("import finished without reaching phase %q", phase)
}

// runKilledImport runs the import child for a phase and checks that it
// died by SIGKILL.
func runKilledImport(t *testing.T, data, file, phase string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestImportCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), envCrashData+"="+data, envCrashFile+"="+file, envCrashPhase+"="+phase)
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		t.Fatalf("import child: %v (want death by SIGKILL)\n%s", err, out)
	}
	if ws, ok := ee.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
		t.Fatalf("import child ended with %v, not SIGKILL in phase %q\n%s", err, phase, out)
	}
}

// vectorAnswer is one query's vector search result.
type vectorAnswer struct {
	ids    []string
	scores []float64
}

// vectorAnswers runs a fixed set of vector searches, with and without the
// in-force filter, and returns the records' metadata.
func vectorAnswers(t *testing.T, a *app.App) (map[string]vectorAnswer, map[string]map[string]string) {
	t.Helper()
	ctx := context.Background()
	if !a.Library.VectorsEnabled() {
		t.Fatal("vector search is off")
	}
	yes, no := true, false
	out := map[string]vectorAnswer{}
	for _, q := range []string{"未取得许可从事经营活动", "超过保质期 食品安全 罚款", "排放污染物 大气 水体", "机动车 驾驶证 道路运输", "个人信息 网络安全", "违反本法规定"} {
		for name, inForce := range map[string]*bool{"all": nil, "in force": &yes, "superseded": &no} {
			res, err := a.Library.SearchNorms(ctx, corpus.NormQuery{Q: q, InForce: inForce, Limit: 20}, corpus.ModeVector)
			if err != nil {
				t.Fatal(err)
			}
			var ans vectorAnswer
			for _, h := range res.Hits {
				ans.ids = append(ans.ids, h.StatuteID+"/"+h.Label)
				ans.scores = append(ans.scores, h.Score)
			}
			out[q+" ("+name+")"] = ans
		}
	}
	metas, err := a.Library.Vectors().Store.Metas(ctx, "norms")
	if err != nil {
		t.Fatal(err)
	}
	return out, metas
}

// copyFile copies src to dst, creating dst's directory.
func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestImportKilledInEachPhase kills `cailiang import statutes` with
// SIGKILL in each phase (store written, index written, model training,
// model saved, embedding) of an import that outgrows the model and of one
// that only changes texts, and checks that after the next start vector
// search answers exactly as a clean rebuild does: the same store and model
// with the index and the vectors built from nothing.
func TestImportKilledInEachPhase(t *testing.T) {
	if testing.Short() {
		t.Skip("runs import processes")
	}
	for _, sc := range []struct {
		name   string
		before [][]synthLaw
		killed []synthLaw
		phases []string
	}{
		{"grown corpus", [][]synthLaw{corpusA()}, corpusB(), []string{"store", "index", "train", "trained", "embed"}},
		{"changed texts", [][]synthLaw{corpusA(), corpusB()}, corpusC(), []string{"store", "index", "embed"}},
	} {
		for _, phase := range sc.phases {
			t.Run(sc.name+"/"+phase, func(t *testing.T) {
				dir, data, logs, cfg := trainingDir(t)
				for i, laws := range sc.before {
					file := filepath.Join(dir, "before"+string(rune('0'+i))+".jsonl")
					writeLawref(t, file, laws...)
					importFile(t, cfg, file)
				}
				file := filepath.Join(dir, "killed.jsonl")
				writeLawref(t, file, sc.killed...)
				runKilledImport(t, data, file, phase)

				logs.reset()
				a := openServe(t, cfg)
				for _, r := range logs.records(t, "training the LSA embedder") {
					if r["reason"] == "" || r["reason"] == nil {
						t.Errorf("the start retrained without a reason: %v", r)
					}
				}
				got, gotMetas := vectorAnswers(t, a)
				a.Close()

				clean := filepath.Join(dir, "clean")
				for _, f := range []string{"cailiang.db", filepath.Join("embed", "lsa.bin"), filepath.Join("embed", "lsa.json")} {
					copyFile(t, filepath.Join(data, f), filepath.Join(clean, f))
				}
				logs.reset()
				b := openServe(t, testConfig(clean, logs))
				if r := logs.records(t, "training the LSA embedder"); len(r) != 0 {
					t.Fatalf("the clean rebuild retrained (%v): not the same model", r)
				}
				want, wantMetas := vectorAnswers(t, b)
				b.Close()

				if len(gotMetas) != len(wantMetas) {
					t.Errorf("%d vectors after the crash; a clean rebuild has %d", len(gotMetas), len(wantMetas))
				}
				for id, m := range wantMetas {
					if g, ok := gotMetas[id]; !ok || g[corpus.DigestKey] != m[corpus.DigestKey] || g["in_force"] != m["in_force"] {
						t.Errorf("vector %s after the crash: %v (present %v); clean rebuild: %v", id, g, ok, m)
					}
				}
				for q, w := range want {
					g := got[q]
					if len(w.ids) == 0 {
						t.Errorf("%s: the clean rebuild found nothing", q)
					}
					if len(g.ids) != len(w.ids) {
						t.Errorf("%s: %v after the crash; clean rebuild %v", q, g.ids, w.ids)
						continue
					}
					for i := range w.ids {
						if g.ids[i] != w.ids[i] || math.Abs(g.scores[i]-w.scores[i]) > 1e-6 {
							t.Errorf("%s: hit %d is %s %.6f after the crash; clean rebuild %s %.6f", q, i, g.ids[i], g.scores[i], w.ids[i], w.scores[i])
						}
					}
				}
			})
		}
	}
}
