package speech

import (
	"fmt"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cailiang/cailiang/rules"
)

// Speakers of a 询问笔录 turn: the officer asks (问), the party answers (答).
// An officer may write another label (e.g. 记录人, 翻译).
const (
	SpeakerQuestion = "问"
	SpeakerAnswer   = "答"
)

// Limits of one record edit.
const (
	maxTurns       = 5000
	maxTurnBytes   = 16 << 10
	maxSpeakerRune = 10
	maxEditorRune  = 40
)

// DraftEditor is the editor of the machine-made first version.
const DraftEditor = "系统（自动转写）"

// Turn is one speaker's turn in the record: what was said and when,
// [Start, End) seconds in the recording.
type Turn struct {
	Speaker string  `json:"speaker"`
	Start   float64 `json:"start"`
	End     float64 `json:"end"`
	Text    string  `json:"text"`
}

// Version is one state of the record: who made it, when, and whether it
// is the approved text analysis reads.
type Version struct {
	N        int       `json:"n"`
	Editor   string    `json:"editor"`
	At       time.Time `json:"at"`
	Approved bool      `json:"approved"`
	Turns    []Turn    `json:"turns"`
}

// Record is the 询问笔录 drawn from a transcription: every version kept,
// oldest first.
type Record struct {
	Versions []Version `json:"versions"`
}

// Latest is the newest version.
func (r *Record) Latest() Version { return r.Versions[len(r.Versions)-1] }

// Approved is the newest approved version, false when none is.
func (r *Record) Approved() (Version, bool) {
	for i := len(r.Versions) - 1; i >= 0; i-- {
		if r.Versions[i].Approved {
			return r.Versions[i], true
		}
	}
	return Version{}, false
}

// DraftRecord is the record of a transcript before any edit: its one
// version is the draft (draftVersion).
func DraftRecord(segs []Segment, at time.Time) Record {
	return Record{Versions: []Version{draftVersion(segs, at)}}
}

// draftVersion is version 1: one turn per segment, speakers alternating
// 问, 答 from the first segment; the officer corrects them.
func draftVersion(segs []Segment, at time.Time) Version {
	turns := make([]Turn, len(segs))
	for i, s := range segs {
		sp := SpeakerQuestion
		if i%2 == 1 {
			sp = SpeakerAnswer
		}
		turns[i] = Turn{Speaker: sp, Start: s.Start, End: s.End, Text: s.Text}
	}
	return Version{N: 1, Editor: DraftEditor, At: at, Turns: turns}
}

// Edit is an officer's change to a record: either Speakers (one label per
// turn of the latest version, to correct the alternation) or Turns (the
// whole record rewritten: text, speakers and times), not both.
type Edit struct {
	Editor   string   `json:"editor"`
	Speakers []string `json:"speakers,omitempty"`
	Turns    []Turn   `json:"turns,omitempty"`
	// Approve marks the new version as the text analysis reads.
	Approve bool `json:"approve"`
}

// Edit adds a version to the job's record and returns the job. Errors:
// ErrNoEngine, ErrNotFound, ErrNotReady (not done yet), an *EditError
// (wrapping ErrInvalid) for an edit that cannot be kept; nothing changes
// on error.
func (s *Service) Edit(id string, e Edit) (Job, error) {
	if !s.Configured() {
		return Job{}, ErrNoEngine
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	j, ok := s.jobs[id]
	if !ok {
		return Job{}, fmt.Errorf("%w: %q", ErrNotFound, id)
	}
	if j.Record == nil || j.Result == nil {
		return Job{}, fmt.Errorf("%w: %s is %s", ErrNotReady, id, j.Status)
	}
	v, err := e.version(j.Record.Latest(), j.Result.Duration)
	if err != nil {
		return Job{}, err
	}
	v.N, v.At = len(j.Record.Versions)+1, time.Now().UTC()
	j.Record.Versions = append(j.Record.Versions, v)
	if err := s.persistLocked(j); err != nil {
		j.Record.Versions = j.Record.Versions[:len(j.Record.Versions)-1]
		return Job{}, err
	}
	return j.clone(), nil
}

func (e Edit) version(latest Version, duration float64) (Version, error) {
	bad := func(field, msg string) (Version, error) { return Version{}, &EditError{Field: field, Message: msg} }
	editor := strings.TrimSpace(e.Editor)
	switch {
	case editor == "":
		return bad("editor", "请填写修改人")
	case !utf8.ValidString(editor) || utf8.RuneCountInString(editor) > maxEditorRune || strings.ContainsAny(editor, "\x00\r\n"):
		return bad("editor", fmt.Sprintf("修改人应为不超过 %d 字的一行文字", maxEditorRune))
	case (e.Speakers == nil) == (e.Turns == nil):
		return bad("turns", "请给出 speakers（逐段更正说话人）或 turns（整份笔录）之一")
	}
	v := Version{Editor: editor, Approved: e.Approve}
	if e.Speakers != nil {
		if len(e.Speakers) != len(latest.Turns) {
			return bad("speakers", fmt.Sprintf("说话人应有 %d 个（与当前版本的段数相同），收到 %d 个", len(latest.Turns), len(e.Speakers)))
		}
		v.Turns = make([]Turn, len(latest.Turns))
		for i, t := range latest.Turns {
			t.Speaker = e.Speakers[i]
			v.Turns[i] = t
		}
	} else {
		v.Turns = append([]Turn(nil), e.Turns...)
	}
	if len(v.Turns) == 0 || len(v.Turns) > maxTurns {
		return bad("turns", fmt.Sprintf("笔录应有 1 至 %d 段", maxTurns))
	}
	prev := 0.0
	for i, t := range v.Turns {
		field := fmt.Sprintf("turns[%d]", i)
		if e.Speakers != nil {
			field = fmt.Sprintf("speakers[%d]", i)
		}
		t.Speaker, t.Text = strings.TrimSpace(t.Speaker), strings.TrimSpace(t.Text)
		switch {
		case t.Speaker == "" || !utf8.ValidString(t.Speaker) || utf8.RuneCountInString(t.Speaker) > maxSpeakerRune || strings.ContainsAny(t.Speaker, "\x00\r\n：:"):
			return bad(field+".speaker", fmt.Sprintf("说话人应为不超过 %d 字的标签（如“问”“答”），不含冒号与换行", maxSpeakerRune))
		case !utf8.ValidString(t.Text) || strings.ContainsRune(t.Text, 0):
			return bad(field+".text", "文字含无效字符（非 UTF-8 或 NUL）")
		case len(t.Text) > maxTurnBytes:
			return bad(field+".text", fmt.Sprintf("一段文字不超过 %d 字节", maxTurnBytes))
		case math.IsNaN(t.Start) || math.IsNaN(t.End) || t.Start < 0 || t.End < t.Start || t.End > duration+0.001:
			return bad(field+".start", fmt.Sprintf("时间应满足 0 ≤ start ≤ end ≤ 录音时长 %.3f 秒", duration))
		case t.Start < prev:
			return bad(field+".start", "各段应按时间先后排列")
		}
		prev = t.Start
		v.Turns[i] = t
	}
	return v, nil
}

// Approved returns the analysis of the job's newest approved version.
// Errors: ErrNoEngine, ErrNotFound, ErrNotReady, ErrNotApproved.
func (s *Service) Approved(id string) (Analysis, error) {
	j, err := s.Get(id)
	if err != nil {
		return Analysis{}, err
	}
	if j.Record == nil {
		return Analysis{}, fmt.Errorf("%w: %s is %s", ErrNotReady, id, j.Status)
	}
	v, ok := j.Record.Approved()
	if !ok {
		return Analysis{}, fmt.Errorf("%w: %s", ErrNotApproved, id)
	}
	return v.Analyze(), nil
}

// Text renders a version as the record's text, one line a speaker's turn
// ("问：……"; consecutive turns of one speaker, such as an answer the
// engine heard as several segments, share a line), and where each turn's
// text lies in it: spans[i] is turn i's [start, end) byte range.
func (v Version) Text() (string, [][2]int) {
	var b strings.Builder
	spans := make([][2]int, len(v.Turns))
	for i, t := range v.Turns {
		if i == 0 || v.Turns[i-1].Speaker != t.Speaker {
			if i > 0 {
				b.WriteString("\n")
			}
			b.WriteString(t.Speaker)
			b.WriteString("：")
		}
		spans[i][0] = b.Len()
		b.WriteString(t.Text)
		spans[i][1] = b.Len()
	}
	if len(v.Turns) > 0 {
		b.WriteString("\n")
	}
	return b.String(), spans
}

// FactLink ties one fact read from the record to where it was said:
// [Start, End) bytes of the record's text, Quote that text, and the time
// span [From, To) seconds of the turns it lies in.
type FactLink struct {
	Field string  `json:"field"`
	Start int     `json:"start"`
	End   int     `json:"end"`
	Quote string  `json:"quote"`
	Turn  int     `json:"turn"`
	From  float64 `json:"from"`
	To    float64 `json:"to"`
}

// Analysis is what the approved record states: the text analysed, the
// facts read from it (rules.ExtractFacts) and each fact's link to the
// recording.
type Analysis struct {
	Version int         `json:"version"`
	Text    string      `json:"text"`
	Facts   rules.Facts `json:"facts"`
	Links   []FactLink  `json:"links"`
}

// Analyze reads the facts of a version and links each to its turns' time
// span in the recording.
func (v Version) Analyze() Analysis {
	text, spans := v.Text()
	ex := rules.ExtractFacts(text)
	a := Analysis{Version: v.N, Text: text, Facts: ex.Facts}
	for _, fs := range ex.Spans {
		l, ok := link(v.Turns, spans, fs.Start, fs.End)
		if !ok {
			continue
		}
		l.Field, l.Quote = fs.Field, text[fs.Start:fs.End]
		a.Links = append(a.Links, l)
	}
	return a
}

// link maps a byte range of the record's text to the turns it overlaps.
// A fact spanning several turns gets the union of their times; Turn is
// the first.
func link(turns []Turn, spans [][2]int, start, end int) (FactLink, bool) {
	l := FactLink{Start: start, End: end, Turn: -1}
	for i, sp := range spans {
		if sp[1] <= start && !(sp[0] == sp[1] && sp[0] == start) || sp[0] >= end {
			continue
		}
		if l.Turn < 0 {
			l.Turn, l.From, l.To = i, turns[i].Start, turns[i].End
		}
		l.From, l.To = math.Min(l.From, turns[i].Start), math.Max(l.To, turns[i].End)
	}
	return l, l.Turn >= 0
}

// clone copies a job deeply enough that callers cannot change the
// service's copy.
func (j *Job) clone() Job {
	c := *j
	if j.Result != nil {
		r := *j.Result
		r.Segments = append([]Segment(nil), r.Segments...)
		c.Result = &r
	}
	if j.Record != nil {
		rec := Record{Versions: make([]Version, len(j.Record.Versions))}
		for i, v := range j.Record.Versions {
			v.Turns = append([]Turn(nil), v.Turns...)
			rec.Versions[i] = v
		}
		c.Record = &rec
	}
	return c
}

// Apply returns the version e makes of latest, a version of a recording
// of duration seconds: Editor, Approved and Turns set, N and At left to
// the caller (who keeps the record). Errors: an *EditError (wrapping
// ErrInvalid) for an edit that cannot be kept.
func (e Edit) Apply(latest Version, duration float64) (Version, error) {
	return e.version(latest, duration)
}
