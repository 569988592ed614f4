package app_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"log/slog"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/cailiang/cailiang/app"
	"github.com/cailiang/cailiang/corpus"
)

// synthLaw is one version of a synthetic statute: articles 1..n, whose
// text is drawn from a fixed vocabulary by (law, article, variant), so
// changing variant changes an article's text.
type synthLaw struct {
	id, law, date string
	latest        bool
	n             int
	// variant changes the text of the articles it lists; gone removes them.
	variant map[int]int
	gone    map[int]bool
}

var vocabulary = strings.Fields(`未取得许可 从事经营活动 没收违法所得 责令改正 给予警告 罚款 吊销许可证 食品安全 生产经营
	超过保质期 药品 医疗器械 特种设备 安全生产 环境污染 排放污染物 大气 水体 噪声 建设工程 施工许可 消防设施 道路运输
	超限运输 机动车 驾驶证 营业执照 广告 虚假宣传 价格欺诈 计量器具 产品质量 假冒伪劣 商标 专利 网络安全 个人信息
	危险化学品 烟花爆竹 野生动物 森林 草原 矿产资源 土地 城乡规划 房屋 物业 劳动合同 工资 社会保险 税收 发票 统计 档案`)

func (s synthLaw) articleText(n int) string {
	h := fnv.New64a()
	fmt.Fprintf(h, "%s/%d/%d", s.law, n, s.variant[n])
	rng := rand.New(rand.NewSource(int64(h.Sum64())))
	words := make([]string, 6)
	for i := range words {
		words[i] = vocabulary[rng.Intn(len(vocabulary))]
	}
	return "违反本法规定，" + strings.Join(words, "、") + "的，依法处理。"
}

// writeLawref writes laws as a lawrefbook JSONL file.
func writeLawref(t *testing.T, path string, laws ...synthLaw) {
	t.Helper()
	var buf bytes.Buffer
	for _, s := range laws {
		var text strings.Builder
		text.WriteString("# 中华人民共和国" + s.law + "\n\n<!-- INFO END -->\n\n")
		for n := 1; n <= s.n; n++ {
			if !s.gone[n] {
				text.WriteString(corpus.Article{Number: n}.Label() + " " + s.articleText(n) + "\n\n")
			}
		}
		line, err := json.Marshal(map[string]any{"id": s.id, "law": s.law, "title": "中华人民共和国" + s.law, "category": "行政法",
			"path": "行政法/" + s.law + "(" + s.date + ").md", "version_date": s.date, "info": []string{}, "has_info_end_marker": true,
			"is_latest": s.latest, "text": text.String()})
		if err != nil {
			t.Fatal(err)
		}
		buf.Write(line)
		buf.WriteByte('\n')
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// The synthetic corpora: a small first import (60 texts), a second that
// outgrows its model (410 texts in force) and supersedes 甲法 2020, and a
// third that changes 乙法's texts, removes one of its articles and
// supersedes 丙法 2024 without growing enough to retrain.
func corpusA() []synthLaw {
	return []synthLaw{{id: "jia-2020", law: "甲法", date: "2020-01-01", latest: true, n: 60}}
}

func corpusB() []synthLaw {
	changed := map[int]int{}
	for n := 1; n <= 60; n += 3 {
		changed[n] = 1
	}
	return []synthLaw{
		{id: "jia-2020", law: "甲法", date: "2020-01-01", n: 60},
		{id: "jia-2024", law: "甲法", date: "2024-01-01", latest: true, n: 60, variant: changed},
		{id: "yi-2024", law: "乙法", date: "2024-01-01", latest: true, n: 200},
		{id: "bing-2024", law: "丙法", date: "2024-01-01", latest: true, n: 150},
	}
}

func corpusC() []synthLaw {
	laws := corpusB()
	changed := map[int]int{}
	for n := 1; n <= 60; n += 2 {
		changed[n] = 2
	}
	laws[2].variant, laws[2].gone = changed, map[int]bool{200: true}
	laws[3].latest = false
	return append(laws, synthLaw{id: "bing-2025", law: "丙法", date: "2025-01-01", latest: true, n: 150, variant: map[int]int{1: 1, 2: 1}})
}

// logBuffer collects JSON log records for assertions.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// records returns the records whose message is msg.
func (b *logBuffer) records(t *testing.T, msg string) []map[string]any {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []map[string]any
	for _, line := range bytes.Split(b.buf.Bytes(), []byte("\n")) {
		if len(line) == 0 {
			continue
		}
		var r map[string]any
		if err := json.Unmarshal(line, &r); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		if r["msg"] == msg {
			out = append(out, r)
		}
	}
	return out
}

func (b *logBuffer) reset() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.buf.Reset()
}

// testConfig is the configuration of the vector tests: a small LSA model,
// no sample cases, logs in JSON to logs.
func testConfig(data string, logs *logBuffer) app.Config {
	return app.Config{DataDir: data, NoSamples: true, Vectors: app.VectorConfig{Dim: 16},
		Logger: slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelInfo}))}
}

// trainingDir is a temporary directory with a data directory in it (not
// created yet) and its testConfig; it skips the test in -short mode, as the
// tests that use it train LSA models.
func trainingDir(t *testing.T) (dir, data string, logs *logBuffer, cfg app.Config) {
	t.Helper()
	if testing.Short() {
		t.Skip("trains LSA models")
	}
	dir = t.TempDir()
	data = filepath.Join(dir, "data")
	logs = &logBuffer{}
	return dir, data, logs, testConfig(data, logs)
}

// importFile imports a statute file the way `cailiang import statutes` does.
func importFile(t *testing.T, cfg app.Config, path string) {
	t.Helper()
	a, err := app.Open(context.Background(), cfg, app.ForImport)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if _, err := a.ImportStatutes(context.Background(), path); err != nil {
		t.Fatal(err)
	}
}

// openServe opens the data directory as `cailiang serve` does and closes
// it at the end of the test.
func openServe(t *testing.T, cfg app.Config) *app.App {
	t.Helper()
	a, err := app.Open(context.Background(), cfg, app.ForServe)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	return a
}

func num(r map[string]any, key string) int {
	f, _ := r[key].(float64)
	return int(f)
}

// TestImportTrainsTheModelItKeeps: an import that outgrows the model
// retrains it once, saying why, and embeds once with it; the next start
// neither retrains nor re-embeds. The first import of an empty directory
// trains the first model the same way.
func TestImportTrainsTheModelItKeeps(t *testing.T) {
	dir, data, logs, cfg := trainingDir(t)
	for _, step := range []struct {
		name       string
		laws       []synthLaw
		reason     string
		trainTexts int
	}{
		{"first import", corpusA(), "no model trained yet", 60},
		{"grown corpus", corpusB(), "corpus grew from 60 to 410 texts", 410},
		{"changed texts", corpusC(), "", 0},
	} {
		t.Run(step.name, func(t *testing.T) {
			file := filepath.Join(dir, step.name+".jsonl")
			writeLawref(t, file, step.laws...)
			logs.reset()
			importFile(t, cfg, file)
			trained := logs.records(t, "LSA embedder trained")
			if training := logs.records(t, "training the LSA embedder"); len(training) != len(trained) {
				t.Errorf("the import said it was training %d times and trained %d: %v", len(training), len(trained), training)
			}
			switch {
			case step.trainTexts == 0 && len(trained) != 0:
				t.Errorf("import retrained without need: %v", trained)
			case step.trainTexts > 0 && (len(trained) != 1 || num(trained[0], "texts") != step.trainTexts):
				t.Errorf("import trained %v; want once on %d texts", trained, step.trainTexts)
			}
			if step.reason != "" {
				found := false
				for _, r := range logs.records(t, "training the LSA embedder") {
					found = found || r["reason"] == step.reason
				}
				if !found {
					t.Errorf("no training reason %q logged: %v", step.reason, logs.records(t, "training the LSA embedder"))
				}
			}
			synced := logs.records(t, "vectors in sync")
			if len(synced) == 0 {
				t.Fatal("the import logged no vector sync")
			}
			last := synced[len(synced)-1]
			if num(last, "added")+num(last, "refreshed") == 0 {
				t.Errorf("the import embedded nothing: %v", last)
			}

			logs.reset()
			a := openServe(t, cfg)
			if r := logs.records(t, "training the LSA embedder"); len(r) != 0 {
				t.Errorf("the start after the import retrained: %v", r)
			}
			synced = logs.records(t, "vectors in sync")
			if len(synced) != 1 || num(synced[0], "added")+num(synced[0], "refreshed")+num(synced[0], "dropped") != 0 {
				t.Errorf("the start after the import changed vectors: %v", synced)
			}
			a.Close()
		})
	}
	// Start-up retrains only with a reason: a model whose metadata is
	// damaged is retrained, and the log says why.
	if err := os.WriteFile(filepath.Join(data, "embed", "lsa.json"), []byte("{"), 0o644); err != nil {
		t.Fatal(err)
	}
	logs.reset()
	openServe(t, cfg).Close()
	r := logs.records(t, "training the LSA embedder")
	if len(r) != 1 || !strings.HasPrefix(fmt.Sprint(r[0]["reason"]), "model metadata unreadable") {
		t.Errorf("retraining after damaged metadata logged %v; want one line with the reason", r)
	}
}
