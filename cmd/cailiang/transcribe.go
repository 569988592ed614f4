package main

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/cailiang/cailiang/app"
	"github.com/cailiang/cailiang/speech"
)

// runTranscribe transcribes one recording synchronously, showing progress
// on a terminal, and prints the draft record (text) or the result, draft
// and facts with their time spans (json).
func runTranscribe(e *runEnv) error {
	if len(e.args.pos) != 1 {
		return fmt.Errorf("transcribe takes one recording: %w", errUsage)
	}
	if e.args.out != "text" && e.args.out != "json" {
		return fmt.Errorf("--out %q: want text or json: %w", e.args.out, errUsage)
	}
	sp, err := app.OpenSpeech(e.opts.app, false)
	if err != nil {
		return err
	}
	defer sp.Close()
	if !sp.Configured() {
		return fmt.Errorf("未配置语音识别服务：请用 --asr-url 与 --asr-model（或环境变量 CAILIANG_ASR_URL、CAILIANG_ASR_MODEL）指定 OpenAI 兼容的转写服务: %w", speech.ErrNoEngine)
	}
	var show func(string, int, int)
	if p := progress(e.stderr, "转写"); p != nil {
		show = p
	}
	res, err := sp.TranscribeFile(e.ctx, e.args.pos[0], func(done, total int) {
		if show != nil {
			show("转写", done, total)
		}
	})
	if err != nil {
		if errors.Is(err, speech.ErrUnreadableAudio) || errors.Is(err, speech.ErrTooLong) || errors.Is(err, speech.ErrNoConverter) ||
			errors.Is(err, speech.ErrEngine) || errors.Is(err, speech.ErrTransient) {
			return fmt.Errorf("%s: %w", speech.FailureMessage(err), err)
		}
		return err
	}
	draft := speech.DraftRecord(res.Segments, time.Now().UTC())
	if e.args.out == "json" {
		a := draft.Latest().Analyze()
		return e.print(struct {
			Result   speech.Result   `json:"result"`
			Record   speech.Record   `json:"record"`
			Analysis speech.Analysis `json:"analysis"`
		}{res, draft, a})
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# %s（模型 %s，时长 %s，SHA-256 %s）\n", e.args.pos[0], res.Model, clock(res.Duration), res.SHA256)
	for _, t := range draft.Latest().Turns {
		fmt.Fprintf(&b, "[%s–%s] %s：%s\n", clock(t.Start), clock(t.End), t.Speaker, t.Text)
	}
	_, err = fmt.Fprint(e.stdout, b.String())
	return err
}

// clock writes seconds as h:mm:ss.s (or m:ss.s under an hour).
func clock(sec float64) string {
	d := time.Duration(sec * float64(time.Second)).Round(100 * time.Millisecond)
	h, m := int(d.Hours()), int(d.Minutes())%60
	s := d.Seconds() - float64(int(d.Minutes())*60)
	if h > 0 {
		return fmt.Sprintf("%d:%02d:%04.1f", h, m, s)
	}
	return fmt.Sprintf("%d:%04.1f", m, s)
}
