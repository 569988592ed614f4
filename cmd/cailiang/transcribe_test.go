package main

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cailiang/cailiang/speech"
	"github.com/cailiang/cailiang/speech/asrtest"
)

// TestTranscribeCommand runs `cailiang transcribe` on a spoken MP3
// against a local OpenAI-format server, and without an engine.
func TestTranscribeCommand(t *testing.T) {
	dir := t.TempDir()
	sentences := []string{"你在什么时间开始销售？", "我是2025年3月1日开始销售的。"}
	rec := asrtest.Synthesize(t, dir, sentences, 0.5)
	mp3 := rec.Convert(t, ".mp3")
	srv := asrtest.NewServer(t, rec, "large-v3")
	asr := []string{"--asr-url", srv.URL, "--asr-model", "large-v3"}

	out, _, err := cli(t, "", append(append([]string{"transcribe"}, asr...), "--out", "json", mp3)...)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Result   speech.Result
		Analysis speech.Analysis
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	if len(got.Result.Segments) != 2 || got.Result.Segments[1].Text != sentences[1] || got.Result.Model != "large-v3" {
		t.Errorf("result %+v", got.Result)
	}
	if got.Analysis.Facts.ActDate != "2025-03-01" || len(got.Analysis.Links) == 0 || got.Analysis.Links[0].Turn != 1 {
		t.Errorf("analysis %+v", got.Analysis)
	}

	text, _, err := cli(t, "", append(append([]string{"transcribe"}, asr...), mp3)...)
	if err != nil || !strings.Contains(text, "答：我是2025年3月1日开始销售的。") || !strings.Contains(text, "问：你在什么时间开始销售？") {
		t.Errorf("text output (%v):\n%s", err, text)
	}

	bad := filepath.Join(dir, "broken.amr")
	if err := os.WriteFile(bad, []byte("#!AMR\nnot really"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := cli(t, "", append(append([]string{"transcribe"}, asr...), bad)...); !errors.Is(err, speech.ErrUnreadableAudio) || !strings.Contains(err.Error(), "无法读取录音文件") {
		t.Errorf("broken file: %v", err)
	}
	t.Setenv("CAILIANG_ASR_URL", "")
	if _, _, err := cli(t, "", "transcribe", mp3); !errors.Is(err, speech.ErrNoEngine) || !strings.Contains(err.Error(), "CAILIANG_ASR_URL") {
		t.Errorf("no engine: %v", err)
	}
}
