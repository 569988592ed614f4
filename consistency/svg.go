package consistency

import (
	"fmt"
	"math"
	"strings"
)

// Geometry of the strip, in SVG user units.
const (
	svgWidth  = 640
	svgHeight = 130
	svgMargin = 40
)

// SVG draws r as a strip: the statutory range (grey band), the suggested
// range (blue band inside it), the similar cases' fines (dots: the
// agency's dark, the library's light) and the proposed fine (red line).
// Only numbers and fixed Chinese labels are written, so no case text can
// reach the markup.
func SVG(r Result) string {
	lo, hi := r.Proposed, r.Proposed
	widen := func(v float64) { lo, hi = math.Min(lo, v), math.Max(hi, v) }
	for _, rg := range []*Range{r.Statutory, r.Suggested} {
		if rg != nil {
			widen(rg.Min)
			widen(rg.Max)
		}
	}
	for _, p := range r.Peers {
		if p.Fine > 0 && validAmount(p.Fine) {
			widen(p.Fine)
		}
	}
	if hi <= lo {
		hi = lo + 1
	}
	x := func(v float64) float64 { return svgMargin + (v-lo)/(hi-lo)*(svgWidth-2*svgMargin) }
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-label="裁量一致性：法定幅度、建议幅度、拟罚款与同类案件罚款">`,
		svgWidth, svgHeight, svgWidth, svgHeight)
	b.WriteString(`<style>text{font:11px sans-serif;fill:#333}</style>`)
	fmt.Fprintf(&b, `<line x1="%d" y1="70" x2="%d" y2="70" stroke="#999"/>`, svgMargin, svgWidth-svgMargin)
	if s := r.Statutory; s != nil {
		fmt.Fprintf(&b, `<rect class="statutory" x="%.1f" y="40" width="%.1f" height="30" fill="#ddd"><title>法定幅度 %s 至 %s</title></rect>`,
			x(s.Min), math.Max(x(s.Max)-x(s.Min), 1), yuan(s.Min), yuan(s.Max))
		fmt.Fprintf(&b, `<text x="%.1f" y="35">法定幅度</text>`, x(s.Min))
	}
	if s := r.Suggested; s != nil {
		fmt.Fprintf(&b, `<rect class="suggested" x="%.1f" y="46" width="%.1f" height="18" fill="#7aa7d8"><title>建议幅度 %s 至 %s</title></rect>`,
			x(s.Min), math.Max(x(s.Max)-x(s.Min), 1), yuan(s.Min), yuan(s.Max))
	}
	for _, p := range r.Peers {
		if p.Fine <= 0 || !validAmount(p.Fine) {
			continue
		}
		fill := "#bbb"
		if p.Source == "agency" {
			fill = "#333"
		}
		fmt.Fprintf(&b, `<circle class="peer" cx="%.1f" cy="88" r="4" fill="%s" fill-opacity="0.7"><title>%s</title></circle>`, x(p.Fine), fill, yuan(p.Fine))
	}
	px := x(r.Proposed)
	fmt.Fprintf(&b, `<line class="proposed" x1="%.1f" y1="30" x2="%.1f" y2="100" stroke="#d33" stroke-width="3"><title>拟罚款 %s</title></line>`, px, px, yuan(r.Proposed))
	fmt.Fprintf(&b, `<text x="%.1f" y="20" text-anchor="middle" fill="#d33">拟罚款 %s</text>`, px, yuan(r.Proposed))
	fmt.Fprintf(&b, `<text x="%d" y="115">%s</text><text x="%d" y="115" text-anchor="end">%s</text>`, svgMargin, yuan(lo), svgWidth-svgMargin, yuan(hi))
	fmt.Fprintf(&b, `<text x="%d" y="128" text-anchor="middle">同类案件 %d 件（深色：本机关，浅色：案例库）</text>`, svgWidth/2, r.Compared)
	b.WriteString(`</svg>`)
	return b.String()
}
