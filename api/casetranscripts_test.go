package api

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/speech"
	"github.com/cailiang/cailiang/speech/asrtest"
	"github.com/cailiang/cailiang/speech/openaiasr"
)

// inquirySentences is the inquiry the tests speak: an amount in the
// second turn, so that its fact links to the second sentence's time.
var inquirySentences = []string{"这批过期食品的货值金额是多少？", "货值金额共计3000元，违法所得800元。", "你以前是否被处罚过？"}

// caseSpeechService is an engine-backed speech service over the local test
// server that speaks the OpenAI wire format and hears rec.
func caseSpeechService(t *testing.T, rec *asrtest.Recording) *speech.Service {
	t.Helper()
	srv := asrtest.NewServer(t, rec, asrModel)
	eng, err := openaiasr.New(openaiasr.Config{URL: srv.URL + "/v1", Model: asrModel})
	if err != nil {
		t.Fatal(err)
	}
	svc, err := speech.New(speech.Config{Engine: eng, Dir: t.TempDir(), MaxChunkSeconds: 14, OverlapSeconds: 6, Backoff: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(svc.Close)
	return svc
}

// officerCall sends a request as the user with token tok.
func officerCall(t *testing.T, s *Server, tok, method, target, ctype string, body []byte) result {
	t.Helper()
	req := localRequest(method, target, strings.NewReader(string(body)))
	req.Header.Set("Authorization", "Bearer "+tok)
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	resp, err := s.App().Test(req, -1)
	if err != nil {
		t.Fatalf("%s %s: %v", method, target, err)
	}
	defer resp.Body.Close()
	r := result{status: resp.StatusCode, header: resp.Header}
	_ = json.NewDecoder(resp.Body).Decode(&r.body)
	return r
}

// transcriptWorld is a server with a workbench, an officer and a reviewer
// of agency scjg, and an investigating case.
type transcriptWorld struct {
	s                     *Server
	w                     *testWorkbench
	officer, reviewer     casework.User
	officerTok, reviewTok string
	c                     casework.Case
}

func newTranscriptWorld(t *testing.T, sp *speech.Service) *transcriptWorld {
	t.Helper()
	ctx := context.Background()
	lib := testLibrary(t, nil)
	tw := &transcriptWorld{w: newTestWorkbench(t, 0)}
	tw.s = New(Config{Library: lib, Catalog: testCatalog(t), Analyzer: testAnalyzer(t, lib), Casework: tw.w.svc, Speech: sp})
	t.Cleanup(tw.s.closeCaseSpeech)
	add := func(id string, roles ...casework.Role) (casework.User, string) {
		u, _, err := tw.w.svc.AddUser(ctx, tw.w.admin, casework.User{ID: id, Name: "李明" + id, Agency: "scjg", Roles: roles}, "")
		if err != nil {
			t.Fatal(err)
		}
		tok, err := tw.w.svc.IssueToken(ctx, tw.w.admin, id, 0)
		if err != nil {
			t.Fatal(err)
		}
		return u, tok
	}
	tw.officer, tw.officerTok = add("oa", casework.RoleOfficer)
	tw.reviewer, tw.reviewTok = add("ra", casework.RoleReviewer)
	leader, _ := add("la", casework.RoleLeader)
	c, err := tw.w.svc.CreateCase(ctx, tw.officer, casework.NewCase{Title: "某食品店销售过期食品案", Party: casework.Party{Kind: "organisation", Name: "某食品店"},
		Facts: "当事人销售超过保质期的食品。"})
	if err != nil {
		t.Fatal(err)
	}
	if tw.c, err = tw.w.svc.Transition(ctx, leader, c.ID, c.Version, casework.ActionRegister, ""); err != nil {
		t.Fatal(err)
	}
	return tw
}

// upload attaches a file to the world's case over HTTP and returns its digest.
func (tw *transcriptWorld) upload(t *testing.T, name string, data []byte) string {
	t.Helper()
	ct, body := evidenceForm(t, "询问当事人的录音", name, data)
	r := officerCall(t, tw.s, tw.officerTok, "POST", "/v1/cases/"+tw.c.ID+"/evidence", ct, body)
	digest, _ := r.body["digest"].(string)
	if r.status != 201 || digest == "" {
		t.Fatalf("evidence upload: %d %v", r.status, r.body)
	}
	return digest
}

// waitTranscript polls the transcript until it leaves "transcribing" and
// returns it with whether progress was ever shown.
func (tw *transcriptWorld) waitTranscript(t *testing.T, digest string) (result, bool) {
	t.Helper()
	path := "/v1/cases/" + tw.c.ID + "/evidence/" + digest + "/transcript"
	sawProgress := false
	for {
		r := officerCall(t, tw.s, tw.reviewTok, "GET", path, "", nil)
		if r.status != 200 {
			t.Fatalf("GET transcript: %d %v", r.status, r.body)
		}
		if r.body["status"] != casework.TranscriptRunning {
			return r, sawProgress
		}
		if _, ok := r.body["progress"].(map[string]any); ok {
			sawProgress = true
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestCaseTranscriptionEndToEnd is the issue's path with real audio: an
// espeak-ng inquiry converted by ffmpeg to MP3 is uploaded as evidence of a
// case, transcribed by the local OpenAI-wire server in the background,
// corrected and approved by the officer; the analysis is attached to the
// case and the amount said in the second turn links to that turn's time.
func TestCaseTranscriptionEndToEnd(t *testing.T) {
	rec := asrtest.Synthesize(t, t.TempDir(), inquirySentences, 0.5)
	tw := newTranscriptWorld(t, caseSpeechService(t, rec))
	mp3, err := os.ReadFile(rec.Convert(t, ".mp3"))
	if err != nil {
		t.Fatal(err)
	}
	digest := tw.upload(t, "询问录音.mp3", mp3)
	base := "/v1/cases/" + tw.c.ID + "/evidence/" + digest

	r := officerCall(t, tw.s, tw.officerTok, "POST", base+"/transcribe", "application/json", []byte(`{}`))
	if r.status != 202 || r.body["status"] != casework.TranscriptRunning || r.header.Get("Location") != base+"/transcript" {
		t.Fatalf("transcribe: %d %v", r.status, r.body)
	}
	if r := officerCall(t, tw.s, tw.officerTok, "POST", base+"/transcribe", "application/json", []byte(`{}`)); r.status != 409 {
		t.Errorf("second transcribe while running: %d %v", r.status, r.body)
	}
	r, _ = tw.waitTranscript(t, digest)
	if r.body["status"] != casework.TranscriptDone || r.body["model"] != asrModel || r.body["digest"] != digest {
		t.Fatalf("transcript: %v", r.body)
	}
	if segs, _ := r.body["segments"].([]any); len(segs) != len(inquirySentences) {
		t.Fatalf("%d segments, want %d: %v", len(segs), len(inquirySentences), r.body["segments"])
	}
	if r.body["facts"] != nil {
		t.Error("facts before any version is approved")
	}
	version := int64(r.body["version"].(float64))
	if r := officerCall(t, tw.s, tw.officerTok, "POST", base+"/transcribe", "application/json", []byte(`{}`)); r.status != 409 || errCode(r) != "exists" {
		t.Errorf("transcribe a transcribed recording: %d %v", r.status, r.body)
	}

	// The officer corrects the speakers, then rewrites a turn and approves.
	r = officerCall(t, tw.s, tw.officerTok, "POST", base+"/transcript/versions", "application/json",
		jsonBody(map[string]any{"version": version, "speakers": []string{"问", "答", "问"}}))
	if r.status != 201 {
		t.Fatalf("speaker correction: %d %v", r.status, r.body)
	}
	var tr casework.Transcript
	raw, _ := json.Marshal(r.body)
	if err := json.Unmarshal(raw, &tr); err != nil {
		t.Fatal(err)
	}
	turns := slices.Clone(tr.Versions[1].Turns)
	turns[2].Text = "你以前是否因销售过期食品被处罚过？"
	r = officerCall(t, tw.s, tw.officerTok, "POST", base+"/transcript/versions", "application/json",
		jsonBody(map[string]any{"version": tr.Version, "turns": turns, "approve": true, "sector": "市场监管"}))
	if r.status != 201 {
		t.Fatalf("approve: %d %v", r.status, r.body)
	}
	var view struct {
		casework.Transcript
		Facts speech.Analysis `json:"facts"`
	}
	raw, _ = json.Marshal(r.body)
	if err := json.Unmarshal(raw, &view); err != nil {
		t.Fatal(err)
	}
	if v, ok := view.Approved(); !ok || v.N != 3 || v.Editor != tw.officer.ID || v.Turns[2].Text != turns[2].Text {
		t.Fatalf("approved version %+v", v)
	}
	linked := checkAmountLink(t, view.Facts.Links, rec.Truth[1], 0.05)
	if !linked || view.Facts.Facts.GoodsValue == nil || *view.Facts.Facts.GoodsValue != 3000 {
		t.Errorf("facts %+v, links %+v", view.Facts.Facts, view.Facts.Links)
	}

	// The analysis of the approved text is attached to the case.
	r = officerCall(t, tw.s, tw.officerTok, "GET", "/v1/cases/"+tw.c.ID, "", nil)
	cs, _ := r.body["case"].(map[string]any)
	analysis, _ := cs["analysis"].(map[string]any)
	if analysis == nil || !strings.Contains(fmt.Sprint(analysis["facts"]), "3000") {
		t.Errorf("case analysis after approval: %v", cs["analysis"])
	}

	// The full-process record: the start, the result (model, digest), each
	// version with its editor, the analysis attached.
	r = officerCall(t, tw.s, tw.officerTok, "GET", "/v1/cases/"+tw.c.ID+"/timeline", "", nil)
	var got []string
	entries, _ := r.body["entries"].([]any)
	for _, x := range entries {
		e := x.(map[string]any)
		if e["subject"] == digest {
			got = append(got, fmt.Sprint(e["action"], " ", e["actor"]))
			if e["action"] == "transcript.done" && !strings.Contains(fmt.Sprint(e["note"]), asrModel) {
				t.Errorf("transcript.done note %q does not name the model", e["note"])
			}
		}
	}
	want := []string{"evidence.add oa", "transcript.start oa", "transcript.done system", "transcript.version oa", "transcript.version oa", "case.update oa"}
	if !slices.Equal(got, want) {
		t.Errorf("timeline of the recording = %q\nwant %q", got, want)
	}
	r = officerCall(t, tw.s, tw.reviewTok, "GET", "/v1/cases/"+tw.c.ID+"/transcripts", "", nil)
	if list, _ := r.body["transcripts"].([]any); r.status != 200 || len(list) != 1 {
		t.Errorf("transcripts list: %d %v", r.status, r.body)
	}
}

// TestCaseTranscriptionNotConfigured: without an engine, transcribing a
// case's recording says asr_not_configured and writes nothing; the rest of
// the workbench (evidence, reading transcripts) works.
func TestCaseTranscriptionNotConfigured(t *testing.T) {
	for name, sp := range withoutEngine(t) {
		tw := newTranscriptWorld(t, sp)
		digest := tw.upload(t, "询问录音.wav", wavBytes)
		before := tw.w.entryCount(t)
		r := officerCall(t, tw.s, tw.officerTok, "POST", "/v1/cases/"+tw.c.ID+"/evidence/"+digest+"/transcribe", "application/json", []byte(`{}`))
		if r.status != 503 || errCode(r) != "asr_not_configured" {
			t.Errorf("%s: transcribe %d %v", name, r.status, r.body)
		}
		if tw.w.entryCount(t) != before {
			t.Errorf("%s: refused transcription wrote to the record", name)
		}
		if r := officerCall(t, tw.s, tw.officerTok, "GET", "/v1/cases/"+tw.c.ID+"/transcripts", "", nil); r.status != 200 {
			t.Errorf("%s: list transcripts %d %v", name, r.status, r.body)
		}
		if r := officerCall(t, tw.s, tw.officerTok, "GET", "/v1/cases/"+tw.c.ID+"/evidence/"+digest+"/transcript", "", nil); r.status != 404 {
			t.Errorf("%s: transcript never started: %d %v", name, r.status, r.body)
		}
	}
}

// withoutEngine are the two ways to have no transcription: no speech
// service, and one without an engine.
func withoutEngine(t *testing.T) map[string]*speech.Service {
	t.Helper()
	noEngine, err := speech.New(speech.Config{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	return map[string]*speech.Service{"nil": nil, "no engine": noEngine}
}

// wavBytes is a short silent 16 kHz WAV (a valid recording for the
// evidence check; tests that need speech synthesize it).
var wavBytes = func() []byte {
	n := 16000
	b := []byte("RIFF")
	le := func(v uint32, size int) {
		for i := 0; i < size; i++ {
			b = append(b, byte(v>>(8*i)))
		}
	}
	le(uint32(36+2*n), 4)
	b = append(b, "WAVEfmt "...)
	le(16, 4)
	le(1, 2)
	le(1, 2)
	le(16000, 4)
	le(32000, 4)
	le(2, 2)
	le(16, 2)
	b = append(b, "data"...)
	le(uint32(2*n), 4)
	return append(b, make([]byte, 2*n)...)
}()

// doneTranscript records a finished transcription of wavBytes on case c
// (through the service, as the background job does), its draft two turns.
func doneTranscript(t *testing.T, w *testWorkbench, officer casework.User, c casework.Case) (string, casework.Transcript) {
	t.Helper()
	ctx := context.Background()
	ev, err := w.svc.AddEvidence(ctx, officer, c.ID, strings.NewReader(string(wavBytes)), "询问录音.wav", "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.StartTranscript(ctx, officer, c.ID, ev.Digest); err != nil {
		t.Fatal(err)
	}
	draft := []casework.TranscriptTurn{{Speaker: "问", Start: 0, End: 0.4, Text: "货值金额是多少？"}, {Speaker: "问", Start: 0.4, End: 0.9, Text: "货值金额3000元。"}}
	tr, err := w.svc.FinishTranscript(ctx, c.ID, ev.Digest, &casework.TranscriptResult{Model: asrModel, SHA256: ev.Digest, Duration: 1, Chunks: 1,
		Segments: []casework.TranscriptSegment{{Start: 0, End: 0.4, Text: draft[0].Text}, {Start: 0.4, End: 0.9, Text: draft[1].Text}}, Draft: draft}, "")
	if err != nil {
		t.Fatal(err)
	}
	return ev.Digest, tr
}

// TestCaseTranscriptHostileInput: bad digests, unknown recordings, a photo,
// malformed and hostile edits each get a 4xx in the error format with a
// Chinese message, and neither the record nor the case changes.
func TestCaseTranscriptHostileInput(t *testing.T) {
	rec := asrtest.Synthesize(t, t.TempDir(), inquirySentences[:1], 0.2)
	tw := newTranscriptWorld(t, caseSpeechService(t, rec))
	digest, tr := doneTranscript(t, tw.w, tw.officer, tw.c)
	photo := tw.upload(t, "现场.pdf", []byte("%PDF-1.4\nphoto\n%%EOF\n"))
	base := "/v1/cases/" + tw.c.ID + "/evidence/"
	edit := base + digest + "/transcript/versions"
	v := tr.Version
	cases := []struct {
		name, method, target, ctype string
		body                        []byte
		status                      int
	}{
		{"digest not hex", "POST", base + "zz" + strings.Repeat("0", 62) + "/transcribe", "application/json", []byte(`{}`), 400},
		{"digest too short", "GET", base + "abc/transcript", "", nil, 400},
		{"digest upper-case", "GET", base + strings.ToUpper(digest) + "/transcript", "", nil, 400},
		{"unknown recording", "POST", base + strings.Repeat("0", 64) + "/transcribe", "application/json", []byte(`{}`), 404},
		{"a PDF is not a recording", "POST", base + photo + "/transcribe", "application/json", []byte(`{}`), 400},
		{"unknown case", "POST", "/v1/cases/scjg-2099-999999/evidence/" + digest + "/transcribe", "application/json", []byte(`{}`), 404},
		{"transcribe with a body", "POST", base + digest + "/transcribe", "application/json", []byte(`{"x":1}`), 400},
		{"edit without version", "POST", edit, "application/json", jsonBody(map[string]any{"speakers": []string{"问", "答"}}), 400},
		{"edit at a stale version", "POST", edit, "application/json", jsonBody(map[string]any{"version": v - 1, "speakers": []string{"问", "答"}}), 409},
		{"edit at a huge version", "POST", edit, "application/json", []byte(`{"version":1e309,"speakers":["问","答"]}`), 400},
		{"speakers of the wrong count", "POST", edit, "application/json", jsonBody(map[string]any{"version": v, "speakers": []string{"问"}}), 400},
		{"speakers and turns", "POST", edit, "application/json", jsonBody(map[string]any{"version": v, "speakers": []string{"问", "答"}, "turns": []any{}}), 400},
		{"speakers of the wrong type", "POST", edit, "application/json", []byte(fmt.Sprintf(`{"version":%d,"speakers":"问答"}`, v)), 400},
		{"unknown field", "POST", edit, "application/json", []byte(fmt.Sprintf(`{"version":%d,"speakers":["问","答"],"editor":"x"}`, v)), 400},
		{"speaker with a colon", "POST", edit, "application/json", jsonBody(map[string]any{"version": v, "speakers": []string{"问：", "答"}}), 400},
		{"turn past the end", "POST", edit, "application/json", jsonBody(map[string]any{"version": v, "turns": []map[string]any{{"speaker": "问", "start": 0, "end": 99, "text": "x"}}}), 400},
		{"turn with a NUL", "POST", edit, "application/json", jsonBody(map[string]any{"version": v, "turns": []map[string]any{{"speaker": "问", "start": 0, "end": 0.5, "text": "a\x00b"}}}), 400},
		{"invalid UTF-8", "POST", edit, "application/json", []byte(fmt.Sprintf(`{"version":%d,"turns":[{"speaker":"问","start":0,"end":0.5,"text":"`+"\xff\xfe"+`"}]}`, v)), 400},
		{"huge turn", "POST", edit, "application/json", jsonBody(map[string]any{"version": v, "turns": []map[string]any{{"speaker": "问", "start": 0, "end": 0.5, "text": strings.Repeat("录", 20000)}}}), 400},
		{"not JSON", "POST", edit, "application/json", []byte(`{`), 400},
		{"script in a speaker", "POST", edit, "application/json", jsonBody(map[string]any{"version": v, "speakers": []string{"<script>alert(1)</script>", "答"}}), 400},
	}
	before := tw.w.entryCount(t)
	c0, _ := tw.w.svc.Case(context.Background(), tw.officer, tw.c.ID)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := officerCall(t, tw.s, tw.officerTok, tc.method, tc.target, tc.ctype, tc.body)
			e, _ := r.body["error"].(map[string]any)
			if msg, _ := e["message"].(string); r.status != tc.status || !hasHan(msg) {
				t.Errorf("%d %v; want %d with a Chinese message", r.status, r.body, tc.status)
			}
		})
	}
	if n := tw.w.entryCount(t); n != before {
		t.Errorf("hostile requests wrote %d log entries", n-before)
	}
	c1, _ := tw.w.svc.Case(context.Background(), tw.officer, tw.c.ID)
	if c1.Version != c0.Version {
		t.Errorf("hostile requests changed the case: version %d → %d", c0.Version, c1.Version)
	}
	got, _ := tw.w.svc.Transcript(context.Background(), tw.officer, tw.c.ID, digest)
	if got.Version != tr.Version || len(got.Versions) != 1 {
		t.Errorf("hostile requests changed the transcript: %+v", got)
	}
}

// permRecording is the short synthesized recording the permission table
// transcribes, made once per test binary.
var permRecording struct {
	once sync.Once
	rec  *asrtest.Recording
	wav  []byte
}

// permSpeech is the speech service of the permission table's server.
func permSpeech(t *testing.T) *speech.Service {
	t.Helper()
	permRecording.once.Do(func() {
		dir, err := os.MkdirTemp("", "cailiang-perm-speech-")
		if err != nil {
			t.Fatal(err)
		}
		permRecording.rec = asrtest.Synthesize(t, dir, inquirySentences[:1], 0.2)
		permRecording.wav, err = os.ReadFile(permRecording.rec.Path)
		if err != nil {
			t.Fatal(err)
		}
	})
	return caseSpeechService(t, permRecording.rec)
}

// transcriptPermRows are the permission table's rows of the case
// transcription endpoints.
func transcriptPermRows() []permRow {
	staff := []string{"officer", "reviewer", "leader"}
	withTranscript := func(method, suffix string, body func(tr casework.Transcript) any) func(*testing.T, *permFixture) (string, string, string, []byte) {
		return func(t *testing.T, f *permFixture) (string, string, string, []byte) {
			c := f.caseAt(t, casework.StageInvestigating, false)
			digest, tr := doneTranscript(t, f.w, f.users["officer"], c)
			target := "/v1/cases/" + c.ID + "/evidence/" + digest + suffix
			if body == nil {
				return method, target, "", nil
			}
			return method, target, "application/json", jsonBody(body(tr))
		}
	}
	return []permRow{
		{"transcribe a recording", func(t *testing.T, f *permFixture) (string, string, string, []byte) {
			c := f.caseAt(t, casework.StageInvestigating, false)
			ev, err := f.w.svc.AddEvidence(context.Background(), f.users["officer"], c.ID, strings.NewReader(string(permRecording.wav)), "询问.wav", "")
			if err != nil {
				t.Fatal(err)
			}
			return "POST", "/v1/cases/" + c.ID + "/evidence/" + ev.Digest + "/transcribe", "application/json", []byte(`{}`)
		}, http.StatusAccepted, []string{"officer"}},
		{"read a transcript", withTranscript("GET", "/transcript", nil), 200, staff},
		{"list transcripts", func(t *testing.T, f *permFixture) (string, string, string, []byte) {
			c := f.caseAt(t, casework.StageInvestigating, false)
			doneTranscript(t, f.w, f.users["officer"], c)
			return "GET", "/v1/cases/" + c.ID + "/transcripts", "", nil
		}, 200, staff},
		{"edit a transcript", withTranscript("POST", "/transcript/versions", func(tr casework.Transcript) any {
			return map[string]any{"version": tr.Version, "speakers": []string{"问", "答"}, "approve": true}
		}), 201, []string{"officer"}},
	}
}

// TestCaseTranscriptionPhoneFormats: the phone formats (M4A, AMR where
// this machine can make it) attached as evidence are
// transcribed like the MP3 of the end-to-end test, each with the digest of
// its own file, and the amount links to the second sentence's time.
func TestCaseTranscriptionPhoneFormats(t *testing.T) {
	rec := asrtest.Synthesize(t, t.TempDir(), inquirySentences, 0.5)
	tw := newTranscriptWorld(t, caseSpeechService(t, rec))
	formats := []string{".m4a"}
	if asrtest.CanMakeAMR() {
		formats = append(formats, ".amr")
	}
	for _, ext := range formats {
		t.Run(ext, func(t *testing.T) {
			data, err := os.ReadFile(rec.Convert(t, ext))
			if err != nil {
				t.Fatal(err)
			}
			digest := tw.upload(t, "询问录音"+ext, data)
			base := "/v1/cases/" + tw.c.ID + "/evidence/" + digest
			if r := officerCall(t, tw.s, tw.officerTok, "POST", base+"/transcribe", "application/json", []byte(`{}`)); r.status != 202 {
				t.Fatalf("transcribe: %d %v", r.status, r.body)
			}
			r, _ := tw.waitTranscript(t, digest)
			if r.body["status"] != casework.TranscriptDone || r.body["digest"] != digest {
				t.Fatalf("transcript: %v", r.body)
			}
			r = officerCall(t, tw.s, tw.officerTok, "POST", base+"/transcript/versions", "application/json",
				jsonBody(map[string]any{"version": r.body["version"], "speakers": []string{"问", "答", "问"}, "approve": true}))
			var view struct {
				Facts speech.Analysis `json:"facts"`
			}
			raw, _ := json.Marshal(r.body)
			_ = json.Unmarshal(raw, &view)
			// AMR is 8 kHz in 20 ms frames: a looser tolerance.
			found := checkAmountLink(t, view.Facts.Links, rec.Truth[1], 0.1)
			if r.status != 201 || !found {
				t.Errorf("approve: %d, links %+v", r.status, view.Facts.Links)
			}
		})
	}
}

// checkAmountLink reports whether links hold the goods value and checks it
// points at turn 1, said at truth's start (within tol seconds).
func checkAmountLink(t *testing.T, links []speech.FactLink, truth speech.Segment, tol float64) bool {
	t.Helper()
	found := false
	for _, l := range links {
		if l.Field != "goods_value" {
			continue
		}
		found = true
		if l.Turn != 1 || math.Abs(l.From-truth.Start) > tol {
			t.Errorf("goods value linked to turn %d at %.2f s; said in turn 1 at %.2f s", l.Turn, l.From, truth.Start)
		}
	}
	return found
}
