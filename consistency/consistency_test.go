package consistency

import (
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"math"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden SVG")

func peers(fines ...float64) []Peer {
	var out []Peer
	for i, f := range fines {
		src := "library"
		if i%2 == 0 {
			src = "agency"
		}
		out = append(out, Peer{ID: string(rune('a' + i)), Fine: f, Source: src})
	}
	return out
}

func TestCheck(t *testing.T) {
	st, sug := &Range{Min: 50000, Max: 100000}, &Range{Min: 50000, Max: 65000}
	for _, tc := range []struct {
		name             string
		in               Input
		inStat, inSug    bool
		pos, pct, median float64 // NaN: absent
		nearest          []string
		summary          string
	}{
		{"middle of four", Input{Proposed: 60000, Statutory: st, Suggested: sug, Peers: peers(50000, 55000, 70000, 90000)},
			true, true, 0.2, 50, 62500, []string{"b", "a", "c", "d"}, "第 50 百分位"},
		{"tie counts half", Input{Proposed: 55000, Statutory: st, Suggested: sug, Peers: peers(55000, 55000, 80000, 0), Nearest: 2},
			true, true, 0.1, 100.0 / 3, 55000, []string{"a", "b"}, "3 件同类"},
		{"above the suggested range", Input{Proposed: 80000, Statutory: st, Suggested: sug},
			true, false, 0.6, math.NaN(), math.NaN(), nil, "须记录理由"},
		{"beyond the statutory range", Input{Proposed: 120000, Statutory: st, Peers: peers(60000)},
			false, false, 1.4, 100, 60000, []string{"a"}, "超出法定幅度"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Check(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if *r.InStatutory != tc.inStat || (r.InSuggested != nil && *r.InSuggested != tc.inSug) {
				t.Errorf("in statutory %v, in suggested %v", *r.InStatutory, r.InSuggested)
			}
			if math.Abs(*r.StatutoryPosition-tc.pos) > 1e-9 {
				t.Errorf("position %v, want %v", *r.StatutoryPosition, tc.pos)
			}
			if math.IsNaN(tc.pct) != (r.Percentile == nil) || (r.Percentile != nil && (math.Abs(*r.Percentile-tc.pct) > 1e-9 || *r.Median != tc.median)) {
				t.Errorf("percentile %v median %v, want %v %v", r.Percentile, r.Median, tc.pct, tc.median)
			}
			var got []string
			for _, p := range r.Nearest {
				got = append(got, p.ID)
			}
			if strings.Join(got, ",") != strings.Join(tc.nearest, ",") {
				t.Errorf("nearest %v, want %v", got, tc.nearest)
			}
			if !strings.Contains(strings.Join(r.Summary, "；"), tc.summary) {
				t.Errorf("summary %q lacks %q", r.Summary, tc.summary)
			}
		})
	}
}

func TestCheckRefusesBadAmounts(t *testing.T) {
	for _, in := range []Input{{Proposed: -1}, {Proposed: math.NaN()}, {Proposed: math.Inf(1)},
		{Proposed: 1, Statutory: &Range{Min: 10, Max: 5}}, {Proposed: 1, Suggested: &Range{Min: -3, Max: 5}}} {
		if _, err := Check(in); !errors.Is(err, ErrInvalid) {
			t.Errorf("Check(%+v) = %v, want ErrInvalid", in, err)
		}
	}
}

// TestSVG: the strip is well-formed XML with one dot per compared case,
// hostile case titles never reach it, and it matches the golden file.
func TestSVG(t *testing.T) {
	in := Input{Proposed: 60000, Statutory: &Range{Min: 50000, Max: 100000}, Suggested: &Range{Min: 50000, Max: 65000},
		Peers: append(peers(50000, 55000, 70000, 90000), Peer{ID: "x", Title: `</svg><script>alert(1)</script>`, Fine: 52000, Source: "library"})}
	r, err := Check(in)
	if err != nil {
		t.Fatal(err)
	}
	svg := SVG(r)
	if strings.Contains(svg, "<script") {
		t.Fatal("a case title reached the SVG")
	}
	dec := xml.NewDecoder(strings.NewReader(svg))
	circles := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG not well-formed: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "circle" {
			circles++
		}
	}
	if circles != 5 {
		t.Errorf("%d dots, want 5", circles)
	}
	golden := "testdata/strip.svg"
	if *update {
		if err := os.WriteFile(golden, []byte(svg), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if string(want) != svg {
		t.Errorf("SVG differs from %s (go test -update to refresh after checking it)", golden)
	}
}
