package speech_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/cailiang/cailiang/speech"
	"github.com/cailiang/cailiang/speech/asrtest"
)

// doneJob transcribes the shared recording and returns the finished job.
func doneJob(t *testing.T) (*speech.Service, speech.Job, *asrtest.Recording) {
	t.Helper()
	r := recording(t)
	srv := asrtest.NewServer(t, r, testModel)
	s := newService(t, chunkConfig(t, srv.URL, testModel))
	job, err := submitFile(t, s, r.Path)
	if err != nil {
		t.Fatal(err)
	}
	j := wait(t, s, job.ID)
	if j.Status != speech.StatusDone {
		t.Fatalf("job %s: %s", j.Status, j.Error)
	}
	return s, j, r
}

// TestFactLinks: the officer corrects the speakers and approves; every
// fact read from the approved record links to the time span of the
// sentence it was said in. A later correction of the text is analysed in
// turn, earlier versions kept.
func TestFactLinks(t *testing.T) {
	s, j, r := doneJob(t)
	if _, ok := j.Record.Approved(); ok {
		t.Fatal("the draft must not be approved")
	}
	speakers := make([]string, len(j.Record.Latest().Turns))
	for i := range speakers {
		speakers[i] = []string{"执法人员", "当事人"}[i%2]
	}
	j, err := s.Edit(j.ID, speech.Edit{Editor: "李明（执法证号 12345）", Speakers: speakers, Approve: true})
	if err != nil {
		t.Fatal(err)
	}
	v, ok := j.Record.Approved()
	if !ok || v.N != 2 || v.Editor != "李明（执法证号 12345）" || v.Turns[1].Speaker != "当事人" {
		t.Fatalf("approved version = %+v", v)
	}
	a := v.Analyze()
	if !strings.Contains(a.Text, "当事人：货值金额共计3000元") {
		t.Errorf("record text:\n%s", a.Text)
	}
	fields := map[string]bool{}
	for _, l := range a.Links {
		fields[l.Field] = true
		if a.Text[l.Start:l.End] != l.Quote {
			t.Errorf("link %+v: quote is not the text at its offsets", l)
		}
		// The sentence the quote was spoken in, by the recording's truth.
		said := -1
		for i, seg := range r.Truth {
			if strings.Contains(seg.Text, l.Quote) {
				said = i
			}
		}
		if said < 0 || l.Turn != said {
			t.Errorf("link %+v: turn %d, spoken in sentence %d", l, l.Turn, said)
			continue
		}
		if w := r.Truth[said]; math.Abs(l.From-w.Start) > 0.02 || math.Abs(l.To-w.End) > 0.02 {
			t.Errorf("link %s %q: %.2f–%.2f s, spoken at %.2f–%.2f s", l.Field, l.Quote, l.From, l.To, w.Start, w.End)
		}
	}
	for _, f := range []string{"goods_value", "illegal_gains", "act_date"} {
		if !fields[f] {
			t.Errorf("no link for %s; links %+v", f, a.Links)
		}
	}
	if a.Facts.GoodsValue == nil || *a.Facts.GoodsValue != 3000 {
		t.Errorf("goods value %v, want 3000", a.Facts.GoodsValue)
	}

	// The officer hears 3500 on playback and corrects the text.
	turns := append([]speech.Turn(nil), v.Turns...)
	turns[3].Text = strings.Replace(turns[3].Text, "3000元", "3500元", 1)
	j, err = s.Edit(j.ID, speech.Edit{Editor: "王芳", Turns: turns, Approve: true})
	if err != nil {
		t.Fatal(err)
	}
	v3, _ := j.Record.Approved()
	a3 := v3.Analyze()
	if len(j.Record.Versions) != 3 || v3.N != 3 || a3.Facts.GoodsValue == nil || *a3.Facts.GoodsValue != 3500 {
		t.Fatalf("after correction: %d versions, approved %d, goods value %v", len(j.Record.Versions), v3.N, a3.Facts.GoodsValue)
	}
	if j.Record.Versions[1].Turns[3].Text == turns[3].Text || j.Record.Versions[0].Editor != speech.DraftEditor {
		t.Error("earlier versions were not kept as they were")
	}
}

// TestRecordText: consecutive turns of one speaker share a line, and
// each turn's span is its own text.
func TestRecordText(t *testing.T) {
	v := speech.Version{Turns: []speech.Turn{
		{Speaker: "问", Start: 0, End: 2, Text: "姓名？"},
		{Speaker: "答", Start: 2, End: 4, Text: "张三。"},
		{Speaker: "答", Start: 4, End: 9, Text: "货值金额共计3000元。"},
		{Speaker: "问", Start: 9, End: 10, Text: "属实吗？"},
	}}
	text, spans := v.Text()
	if want := "问：姓名？\n答：张三。货值金额共计3000元。\n问：属实吗？\n"; text != want {
		t.Errorf("text %q, want %q", text, want)
	}
	for i, sp := range spans {
		if got := text[sp[0]:sp[1]]; got != v.Turns[i].Text {
			t.Errorf("span %d = %q, want %q", i, got, v.Turns[i].Text)
		}
	}
	a := v.Analyze()
	if len(a.Links) != 1 || a.Links[0].Field != "goods_value" || a.Links[0].Turn != 2 || a.Links[0].From != 4 || a.Links[0].To != 9 {
		t.Errorf("links %+v, want goods_value in turn 2 at 4–9 s", a.Links)
	}
	if text, spans := (speech.Version{}).Text(); text != "" || len(spans) != 0 {
		t.Errorf("empty version: %q %v", text, spans)
	}
}

// TestEditRefused: edits that cannot be kept are refused with the field
// at fault, and the record is unchanged.
func TestEditRefused(t *testing.T) {
	s, j, _ := doneJob(t)
	latest := j.Record.Latest()
	n := len(latest.Turns)
	withTurn := func(f func(*speech.Turn)) []speech.Turn {
		turns := append([]speech.Turn(nil), latest.Turns...)
		f(&turns[1])
		return turns
	}
	speakers := func(n int, s string) []string { return strings.Split(strings.Repeat(s+",", n)[:len(s+",")*n-1], ",") }
	cases := []struct {
		name  string
		edit  speech.Edit
		field string
	}{
		{"no editor", speech.Edit{Speakers: speakers(n, "问")}, "editor"},
		{"editor with newline", speech.Edit{Editor: "张三\n李四", Speakers: speakers(n, "问")}, "editor"},
		{"neither", speech.Edit{Editor: "张三"}, "turns"},
		{"both", speech.Edit{Editor: "张三", Speakers: speakers(n, "问"), Turns: latest.Turns}, "turns"},
		{"too few speakers", speech.Edit{Editor: "张三", Speakers: speakers(n-1, "问")}, "speakers"},
		{"empty speaker", speech.Edit{Editor: "张三", Speakers: append(speakers(n-1, "问"), " ")}, "speakers[5].speaker"},
		{"speaker with colon", speech.Edit{Editor: "张三", Speakers: append(speakers(n-1, "问"), "答：")}, "speakers[5].speaker"},
		{"empty turns", speech.Edit{Editor: "张三", Turns: []speech.Turn{}}, "turns"},
		{"invalid UTF-8", speech.Edit{Editor: "张三", Turns: withTurn(func(t *speech.Turn) { t.Text = "货值\xff金额" })}, "turns[1].text"},
		{"NUL", speech.Edit{Editor: "张三", Turns: withTurn(func(t *speech.Turn) { t.Text = "a\x00b" })}, "turns[1].text"},
		{"huge turn", speech.Edit{Editor: "张三", Turns: withTurn(func(t *speech.Turn) { t.Text = strings.Repeat("违", 6000) })}, "turns[1].text"},
		{"end before start", speech.Edit{Editor: "张三", Turns: withTurn(func(t *speech.Turn) { t.End = t.Start - 1 })}, "turns[1].start"},
		{"past the recording", speech.Edit{Editor: "张三", Turns: withTurn(func(t *speech.Turn) { t.End = 1e9 })}, "turns[1].start"},
		{"NaN time", speech.Edit{Editor: "张三", Turns: withTurn(func(t *speech.Turn) { t.Start = math.NaN() })}, "turns[1].start"},
		{"out of order", speech.Edit{Editor: "张三", Turns: append([]speech.Turn{latest.Turns[1]}, latest.Turns[0])}, "turns[1].start"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.Edit(j.ID, tc.edit)
			var ee *speech.EditError
			if !errors.As(err, &ee) || !errors.Is(err, speech.ErrInvalid) || ee.Field != tc.field {
				t.Fatalf("err = %v, want an EditError on %s", err, tc.field)
			}
		})
	}
	after, _ := s.Get(j.ID)
	if len(after.Record.Versions) != 1 {
		t.Errorf("refused edits added versions: %d", len(after.Record.Versions))
	}
	if _, err := s.Edit("no-such-job", speech.Edit{Editor: "张三", Speakers: speakers(n, "问")}); !errors.Is(err, speech.ErrNotFound) {
		t.Errorf("unknown job: %v", err)
	}
}
