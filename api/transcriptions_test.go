package api

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cailiang/cailiang/speech"
	"github.com/cailiang/cailiang/speech/asrtest"
)

const asrModel = "whisper-large-v3"

// multipartBody is a recording upload as a browser or curl -F sends it.
// multipartBody is a multipart form with the given text fields (name,
// value pairs, written first) and one file: the body and its Content-Type.
func multipartBody(t testing.TB, field, name string, data []byte, fields ...string) ([]byte, string) {
	t.Helper()
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	for i := 0; i+1 < len(fields); i += 2 {
		if err := w.WriteField(fields[i], fields[i+1]); err != nil {
			t.Fatal(err)
		}
	}
	fw, err := w.CreateFormFile(field, name)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = fw.Write(data)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes(), w.FormDataContentType()
}

func speechServer(t *testing.T, rec *asrtest.Recording) *Server {
	t.Helper()
	svc := caseSpeechService(t, rec)
	lib := testLibrary(t, nil)
	return New(Config{Library: lib, Analyzer: testAnalyzer(t, lib), Speech: svc})
}

// TestTranscriptionsHTTP: upload a recording, watch the job, correct the
// speakers and approve, and read the facts with their time spans.
func TestTranscriptionsHTTP(t *testing.T) {
	dir := t.TempDir()
	sentences := []string{"这批过期食品的货值金额是多少？", "货值金额共计3000元，违法所得800元。", "你以前是否被处罚过？"}
	rec := asrtest.Synthesize(t, dir, sentences, 0.5)
	s := speechServer(t, rec)
	wav, err := os.ReadFile(rec.Path)
	if err != nil {
		t.Fatal(err)
	}
	body, ctype := multipartBody(t, "file", "询问录音.wav", wav)
	r := do(t, s, "POST", "/v1/transcriptions", ctype, body)
	id, _ := r.body["id"].(string)
	if r.status != 202 || id == "" || r.header.Get("Location") != "/v1/transcriptions/"+id || r.body["sha256"] == "" {
		t.Fatalf("upload: %d %v", r.status, r.body)
	}
	for r.body["status"] != speech.StatusDone {
		if r.body["status"] == speech.StatusFailed {
			t.Fatalf("job failed: %v", r.body["error"])
		}
		time.Sleep(20 * time.Millisecond)
		r = do(t, s, "GET", "/v1/transcriptions/"+id, "", nil)
	}
	res := r.body["result"].(map[string]any)
	if segs := res["segments"].([]any); len(segs) != len(sentences) || res["model"] != asrModel {
		t.Fatalf("result: %v", res)
	}
	if r.body["analysis"] != nil {
		t.Error("analysis before any version is approved")
	}

	if r := do(t, s, "POST", "/v1/transcriptions/"+id+"/analyze", "application/json", []byte(`{}`)); r.status != 409 || errCode(r) != "not_approved" {
		t.Errorf("analysis before approval: %d %v", r.status, r.body)
	}
	edit, _ := json.Marshal(speech.Edit{Editor: "李明", Speakers: []string{"问", "答", "问"}, Approve: true})
	r = do(t, s, "POST", "/v1/transcriptions/"+id+"/versions", "application/json", edit)
	if r.status != 201 {
		t.Fatalf("edit: %d %v", r.status, r.body)
	}
	var got struct {
		Analysis speech.Analysis `json:"analysis"`
	}
	raw, _ := json.Marshal(r.body)
	_ = json.Unmarshal(raw, &got)
	var linked bool
	for _, l := range got.Analysis.Links {
		if l.Field == "goods_value" {
			linked = true
			if w := rec.Truth[1]; l.Turn != 1 || l.From != w.Start && (l.From-w.Start > 0.02 || w.Start-l.From > 0.02) {
				t.Errorf("goods value linked to turn %d at %.2f s; said in turn 1 at %.2f s", l.Turn, l.From, w.Start)
			}
		}
	}
	if !linked || got.Analysis.Version != 2 {
		t.Errorf("analysis of version %d, links %+v", got.Analysis.Version, got.Analysis.Links)
	}
	// The approved record through the case analysis, facts linked to the recording.
	r = do(t, s, "POST", "/v1/transcriptions/"+id+"/analyze", "application/json", []byte(`{"sector":"市场监管"}`))
	var full struct {
		Version  int               `json:"version"`
		Links    []speech.FactLink `json:"links"`
		Analysis struct {
			Facts struct {
				Engine struct {
					GoodsValue *float64 `json:"goods_value"`
				} `json:"engine"`
			} `json:"facts"`
			Violations []any `json:"violations"`
		} `json:"analysis"`
	}
	raw, _ = json.Marshal(r.body)
	_ = json.Unmarshal(raw, &full)
	if gv := full.Analysis.Facts.Engine.GoodsValue; r.status != 200 || full.Version != 2 || gv == nil || *gv != 3000 || len(full.Links) != len(got.Analysis.Links) {
		t.Errorf("analyze: %d %v", r.status, r.body)
	}
	if r := do(t, s, "POST", "/v1/transcriptions/"+id+"/analyze", "application/json", []byte(`{"facts":"别的文字"}`)); r.status != 400 || errCode(r) != "invalid_input" {
		t.Errorf("analyze with facts: %d %v", r.status, r.body)
	}
	r = do(t, s, "GET", "/v1/transcriptions", "", nil)
	if list, _ := r.body["transcriptions"].([]any); r.status != 200 || len(list) != 1 {
		t.Errorf("list: %d %v", r.status, r.body)
	}

	// Bad requests get the error format and change nothing.
	notAudio, notAudioType := multipartBody(t, "file", "笔录.mp3", []byte("这不是录音"))
	noFile, noFileType := multipartBody(t, "audio", "a.wav", wav)
	for _, tc := range []struct {
		name, method, target, ctype string
		body                        []byte
		status                      int
		code, field                 string
	}{
		{"json upload", "POST", "/v1/transcriptions", "application/json", []byte(`{"file":"x"}`), 415, "unsupported_media_type", "Content-Type"},
		{"form upload", "POST", "/v1/transcriptions", "application/x-www-form-urlencoded", []byte(`file=x`), 415, "unsupported_media_type", "Content-Type"},
		{"no file field", "POST", "/v1/transcriptions", noFileType, noFile, 400, "invalid_input", "file"},
		{"not audio", "POST", "/v1/transcriptions", notAudioType, notAudio, 400, "unreadable_audio", "file"},
		{"unknown id", "GET", "/v1/transcriptions/nope", "", nil, 404, "not_found", "id"},
		{"edit unknown id", "POST", "/v1/transcriptions/nope/versions", "application/json", edit, 404, "not_found", "id"},
		{"edit without editor", "POST", "/v1/transcriptions/" + id + "/versions", "application/json", []byte(`{"speakers":["问","答","问"]}`), 400, "invalid_input", "editor"},
		{"edit wrong type", "POST", "/v1/transcriptions/" + id + "/versions", "application/json", []byte(`{"editor":"李明","speakers":"问"}`), 400, "invalid_input", "speakers"},
		{"edit unknown field", "POST", "/v1/transcriptions/" + id + "/versions", "application/json", []byte(`{"editor":"李明","speakers":["问","答","问"],"x":1}`), 400, "invalid_input", "x"},
	} {
		r := do(t, s, tc.method, tc.target, tc.ctype, tc.body)
		if e, _ := r.body["error"].(map[string]any); r.status != tc.status || errCode(r) != tc.code || e["field"] != tc.field {
			t.Errorf("%s: %d %v; want %d %s on %s", tc.name, r.status, r.body, tc.status, tc.code, tc.field)
		}
	}
	// A browser's cross-site upload is refused even without an Origin.
	req := localRequest("POST", "/v1/transcriptions", bytes.NewReader(body))
	req.Header.Set("Content-Type", ctype)
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	if resp, err := s.App().Test(req, -1); err != nil || resp.StatusCode != 403 {
		t.Errorf("cross-site upload: %v %v", resp.StatusCode, err)
	}
	r = do(t, s, "GET", "/v1/transcriptions", "", nil)
	if list, _ := r.body["transcriptions"].([]any); len(list) != 1 {
		t.Errorf("refused requests added jobs: %v", r.body)
	}
	r = do(t, s, "GET", "/v1/transcriptions/"+id, "", nil)
	if rec, _ := r.body["record"].(map[string]any); len(rec["versions"].([]any)) != 2 {
		t.Errorf("refused edits changed the record: %v", rec)
	}
}

// TestTranscriptionsLargeUpload: a recording over the 4 MB JSON body limit
// is accepted on the upload route (and only there).
func TestTranscriptionsLargeUpload(t *testing.T) {
	asrtest.RequireTools(t, "ffmpeg", "ffprobe")
	path := filepath.Join(t.TempDir(), "silence.wav")
	if out, err := exec.Command("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono", "-t", "140", path).CombinedOutput(); err != nil {
		t.Fatalf("ffmpeg: %v %s", err, out)
	}
	wav, _ := os.ReadFile(path)
	if len(wav) <= DefaultBodyLimit {
		t.Fatalf("test file %d bytes is not over the body limit", len(wav))
	}
	s := speechServer(t, nil)
	body, ctype := multipartBody(t, "file", "silence.wav", wav)
	if r := do(t, s, "POST", "/v1/transcriptions", ctype, body); r.status != 202 {
		t.Errorf("upload of %d bytes: %d %v", len(wav), r.status, r.body)
	}
	if r := do(t, s, "POST", "/v1/analyze", ctype, body); r.status != 413 || errCode(r) != "body_too_large" {
		t.Errorf("same body to /v1/analyze: %d %v", r.status, r.body)
	}
}

// TestTranscriptionsNotConfigured: without an engine every speech route
// says so, in the one error format.
func TestTranscriptionsNotConfigured(t *testing.T) {
	for name, svc := range withoutEngine(t) {
		s := New(Config{Library: testLibrary(t, nil), Speech: svc})
		body, ctype := multipartBody(t, "file", "a.wav", []byte("RIFF"))
		for _, r := range []result{
			do(t, s, "POST", "/v1/transcriptions", ctype, body),
			do(t, s, "GET", "/v1/transcriptions/abc", "", nil),
			do(t, s, "GET", "/v1/transcriptions", "", nil),
			do(t, s, "POST", "/v1/transcriptions/abc/versions", "application/json", []byte(`{"editor":"李明","speakers":["问"]}`)),
			do(t, s, "POST", "/v1/transcriptions/abc/analyze", "application/json", []byte(`{}`)),
		} {
			e, _ := r.body["error"].(map[string]any)
			if msg, _ := e["message"].(string); r.status != 503 || errCode(r) != "asr_not_configured" || !strings.Contains(msg, "CAILIANG_ASR_URL") {
				t.Errorf("%s: %d %v", name, r.status, r.body)
			}
		}
	}
}

// TestUploadLimit: over a real listener, an upload over UploadLimit and
// a JSON body over BodyLimit are both refused with 413 body_too_large.
func TestUploadLimit(t *testing.T) {
	s := New(Config{Library: testLibrary(t, nil), UploadLimit: 6 << 20})
	addr := liveServer(t, s)
	for _, tc := range []struct {
		target string
		size   int
	}{
		{"/v1/transcriptions", 7 << 20},
		{"/v1/analyze", DefaultBodyLimit + 1<<20},
	} {
		if st, code := postReal(t, addr, tc.target, bytes.Repeat([]byte(" "), tc.size)); st != 413 || code != "body_too_large" {
			t.Errorf("POST %s %d bytes: %d %s, want 413 body_too_large", tc.target, tc.size, st, code)
		}
	}
}
