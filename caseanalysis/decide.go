package caseanalysis

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// The decision step. Ranking by shared words finds the provisions a text is
// about; it cannot tell 产品质量法 第四十九条 from 第五十条, which share
// most of their words. A reviewer decides on the elements: the one each
// provision needs (requires), the ones that rule it out (excludes), the
// special law that prevails over the general one (yields_to), and the
// sector the facts belong to. All of it is catalog data; this file is the
// one mechanism that applies it to the best candidates.

// Weights of the decision. A provision whose distinguishing elements are
// all shown closes requireBonus of the gap between its score and 1; one missing an element keeps missingFactor
// of its score, one with an excluding element excludeFactor, one from
// another sector than the facts' without strong evidence offSectorFactor,
// and no more than just below the best benchmark of the facts' sector.
const (
	requireBonus    = 0.25
	missingFactor   = 0.55
	excludeFactor   = 0.4
	offSectorFactor = 0.35
	// yieldShare is how close a special provision's score must come to the
	// general one's for the special law to prevail; yieldMargin keeps the
	// general provision just below it.
	yieldShare  = 0.5
	yieldMargin = 0.97
	// decidePool is how many candidates beyond those returned are decided:
	// a provision the elements promote may start below the first k.
	decidePool = 25
	// excludedShare: a demoted provision of the violation's sector is
	// reported as excluded by it when, before the decision, it scored at
	// least this share of what the violation scored.
	excludedShare = 0.8
	// neighbourShare is excludedShare for a provision of the same law: the
	// neighbours a reviewer weighs first.
	neighbourShare = 0.4
	// maxExcluded bounds the neighbours each violation names.
	maxExcluded = 3
)

// Excluded is a neighbouring provision set aside in favour of a violation,
// with why.
type Excluded struct {
	BenchmarkID string `json:"benchmark_id"`
	// Provision is the neighbour's penalty provision (产品质量法第四十九条).
	Provision string `json:"provision"`
	// Reason says, in Chinese, what the facts lack or show
	// (未提及不符合强制性标准).
	Reason string `json:"reason"`
	// AppliesFirst is set when the violation's own provision, or another
	// the facts show, applies first to the same conduct (the reason says
	// 优先适用): its crimes are not the case's (yieldedToTop).
	AppliesFirst bool `json:"-"`
}

// element is a rules.Element with its cues compiled.
type element struct {
	group int32 // its cue group in the decider
	label string
	// party is the party kind the label names (partyElements), "" for
	// most: looked up once when compiled, not at every ask.
	party string
	cues  []nlp.Cue
	// slots are the decider index's Slots of cues, set once the index is
	// built (slotCues): the search tests the text's openings by them.
	slots []int32
	// measures are the ranges any of which shows the element; nil for an
	// element shown by cues only.
	measures []*rules.MeasureRange
	// notWithin are the normalised words its cues do not count inside.
	notWithin []string
	// who is set for an element that says who the party is (违法行为人是单位,
	// 违法者是电梯维护保养单位, 危险化学品生产企业): the party's name and
	// business scope show it. Any other element is conduct, which they
	// do not show (partyWhoWords).
	who bool
	// inspected is rules.Element.Inspected: the element names what the
	// inspection refused was of, so the clause dating the refusal shows it.
	inspected bool
	// first is set for an exclusion that names a provision applying first
	// (…优先适用 in its label): the conduct is read as that provision's.
	first bool
	// essential is rules.Element.Essential: missing, it rules the
	// provision out as an excluding element does.
	essential bool
	// claims is rules.Benchmark.ReadsClaims: the element reads what a
	// claim says (an advertisement's promise, a rumour). Any other
	// element does not count a cue inside a claim (nlp.ClaimSpans).
	claims bool
	// tier is rules.Element.Tier: shown as an exclusion, it hands the
	// candidate's place to the aggravated tier of its penalty article.
	tier bool
}

// partyWhoWords in an element's label make it an element on who the party
// is, not on what it did.
var partyWhoWords = []string{"单位", "个人", "企业", "经营者", "行为人", "违法者", "被处罚人", "倾倒者", "零售", "批发", "当事人", "个体"}

// distinctions is what the decision step knows of one benchmark.
type distinctions struct {
	requires, excludes []element
	keywords           []string // normalised, of two runes or more
	keywordGroup       int32    // the cue group of the keywords
	yields             []string
	// yieldIf and yieldUnless make the yield conditional (rules.Benchmark).
	yieldIf, yieldUnless []element
	// later are the distinctions of later members of the line whose
	// figures differ (the 2025 治安管理处罚法 raised 六十周岁 to 七十周岁 in
	// 第五十一条第二款): the first member's, with each element that tests a
	// figure replaced by the member's, from the day it took effect.
	later []laterDistinctions
}

// sameRange reports whether two ranges test one figure alike.
func sameRange(a rules.MeasureRange, b *rules.MeasureRange) bool {
	eq := func(x, y *float64) bool { return (x == nil) == (y == nil) && (x == nil || *x == *y) }
	return a.Name == b.Name && eq(a.GTE, b.GTE) && eq(a.LT, b.LT)
}

// laterDistinctions are a line member's distinctions from its first day.
type laterDistinctions struct {
	from string
	x    *distinctions
}

// on returns the distinctions of benchmark doc for an act on the facts'
// day: the latest member's whose figures differ and which took effect by
// then, else the first member's.
func (d *decider) on(doc int, facts *factValues) *distinctions {
	x := &d.dist[doc]
	if len(x.later) == 0 || facts == nil || facts.day == "" {
		return x
	}
	for i := len(x.later) - 1; i >= 0; i-- {
		if l := x.later[i]; l.from != "" && facts.day >= l.from {
			return l.x
		}
	}
	return x
}

// measureSwap returns first with each element that tests a figure replaced
// by the element at the same place among later's figure-testing elements,
// and whether any figure differs; nil, false when the two lists do not
// pair (another count of figure-testing elements).
func (d *decider) measureSwap(first []element, later []rules.Element) ([]element, bool) {
	var own []rules.Element
	for _, e := range later {
		if len(e.Measures) > 0 {
			own = append(own, e)
		}
	}
	n := 0
	for _, e := range first {
		if e.measures != nil {
			n++
		}
	}
	if n == 0 || n != len(own) {
		return nil, false
	}
	out := slices.Clone(first)
	differ := false
	k := 0
	for i := range out {
		if out[i].measures == nil {
			continue
		}
		e := own[k]
		k++
		if !slices.EqualFunc(e.Measures, first[i].measures, sameRange) {
			out[i] = d.compileElements([]rules.Element{e}, first[i].claims)[0]
			differ = true
		}
	}
	return out, differ
}

// sectorCue is one sector's cues, in a fixed order.
type sectorCue struct {
	group  int32
	sector legal.Sector
	cues   []nlp.Cue
	slots  []int32 // the decider index's Slots of cues
}

// decider holds the compiled decision data of a catalog.
type decider struct {
	dist    []distinctions // by benchmark position
	sectors []sectorCue
	// index holds the openings of every cue above and the benchmarks'
	// keywords, scanned once per text.
	index nlp.CueIndex
	// Cue groups (an element's cues, a sector's cues, a benchmark's
	// keywords) are numbered; openers lists, for each opening, the groups
	// with a cue that starts with it. A scan thus marks the few groups
	// that can occur in a text, and the decision searches only those: a
	// group none of whose openings the text contains cannot match.
	openers map[string][]int32
	groups  int32
	// openersOf is openers by the opening's number in index (a scan names
	// the openings it saw by number).
	openersOf [][]int32
	// elementDocs are the benchmarks with distinguishing elements.
	elementDocs []int
	// cueRequires[cueRequiresFrom[n]:cueRequiresFrom[n+1]] are the cue
	// groups of the n-th of elementDocs' required elements shown by cues
	// alone (no figure): a text that lacks an opening of one of them
	// cannot fit the benchmark (fits), whatever the act's day (a later
	// member of a line differs only in its figures). decide tests these
	// few contiguous numbers for each of the some 400 benchmarks instead
	// of reading their element records, most of which it would reject.
	cueRequires, cueRequiresFrom []int32
	// elementGroups numbers the groups of elements by what decides their
	// answer (elementGroup): elements that find alike share one.
	elementGroups map[string]int32
}

// group numbers a cue group with the given openings.
func (d *decider) group(openings []string) int32 {
	g := d.groups
	d.groups++
	for _, o := range openings {
		if o != "" && !slices.Contains(d.openers[o], g) {
			d.openers[o] = append(d.openers[o], g)
		}
	}
	return g
}

// cueGroup numbers a group of cues.
func (d *decider) cueGroup(cues []nlp.Cue) int32 {
	openings := make([]string, len(cues))
	for i, q := range cues {
		openings[i] = q.Opening()
	}
	return d.group(openings)
}

func (d *decider) compileElements(es []rules.Element, claims bool) []element {
	out := make([]element, 0, len(es))
	for _, e := range es {
		cues := nlp.NewCues(e.Cues)
		notWithin := nlp.NormalizeTexts(e.NotWithin)
		el := element{label: e.Label, party: partyElements[e.Label], cues: cues, measures: e.AllMeasures(), notWithin: notWithin, who: containsAny(e.Label, partyWhoWords),
			inspected: e.Inspected, claims: claims, tier: e.Tier, essential: e.Essential,
			first: strings.Contains(e.Label, "优先适用")}
		el.group = d.elementGroup(&el)
		out = append(out, el)
	}
	return out
}

// elementGroup numbers the cue group of an element. Elements that find
// alike (the same cues in the same order, the same words they do not count
// inside, the same spans left out, party kind and figures) share a group,
// so that shown answers them once per text: many benchmarks of one line or
// law repeat an element under another label (the catalog's requires and
// excludes name some elements dozens of times).
func (d *decider) elementGroup(e *element) int32 {
	var b strings.Builder
	// The spans find leaves out depend on the first of who, inspected and
	// claims that is set, in that order.
	switch {
	case e.who:
		b.WriteByte('w')
	case e.inspected:
		b.WriteByte('i')
	case e.claims:
		b.WriteByte('c')
	default:
		b.WriteByte('-')
	}
	b.WriteString(e.party)
	for _, q := range e.cues {
		b.WriteString("\x00c")
		b.WriteString(q.Text())
	}
	for _, w := range e.notWithin {
		b.WriteString("\x00n")
		b.WriteString(w)
	}
	for _, r := range e.measures {
		b.WriteString("\x00m")
		b.WriteString(r.Name)
		for _, v := range []*float64{r.GTE, r.LT} {
			b.WriteByte('\x00')
			if v != nil {
				b.WriteString(strconv.FormatFloat(*v, 'g', -1, 64))
			}
		}
	}
	key := b.String()
	if g, ok := d.elementGroups[key]; ok {
		return g
	}
	g := d.cueGroup(e.cues)
	if d.elementGroups == nil {
		d.elementGroups = map[string]int32{}
	}
	d.elementGroups[key] = g
	return g
}

// cueGroups is what one text says of the decider's cue groups: whether
// the text contains an opening of the group (live) and, for an element's
// group once asked, whether the element is shown and by what. The decision
// asks about an element in fits and again for each candidate it keeps, and
// the answer depends on the text alone.
type cueGroups struct {
	state []uint8
	what  map[int32]string // what shows each shown element, by group
}

// States of a cue group, as bits.
const (
	groupLive  uint8 = 1 << iota // the text contains an opening of the group
	groupAsked                   // the element's shown has been answered
	groupShown                   // and the answer was yes
)

// live reports whether the text contains an opening of group g.
func (c *cueGroups) live(g int32) bool { return c.state[g]&groupLive != 0 }

// allLive reports whether every group of gs is live.
func (c *cueGroups) allLive(gs []int32) bool {
	for _, g := range gs {
		if c.state[g]&groupLive == 0 {
			return false
		}
	}
	return true
}

// live marks the cue groups whose openings the scanned text contains. The
// groups come from a pool (some 1.3 kB of state an analysis): release
// gives them back.
func (d *decider) live(scan nlp.CueScan) *cueGroups {
	c, _ := liveGroups.Get().(*cueGroups)
	if c == nil || cap(c.state) < int(d.groups) {
		c = &cueGroups{state: make([]uint8, d.groups)}
	} else {
		c.state = c.state[:d.groups]
		clear(c.state)
		clear(c.what)
	}
	for n := range scan.Seen() {
		if int(n) >= len(d.openersOf) {
			break // numbers only grow, and later ones open no group
		}
		for _, g := range d.openersOf[n] {
			c.state[g] |= groupLive
		}
	}
	return c
}

// liveGroups holds released cueGroups.
var liveGroups sync.Pool

// release gives c back to the pool; it must not be used afterwards. The
// strings its answers hold are immutable and stay valid where they were
// copied.
func (c *cueGroups) release() { liveGroups.Put(c) }

// newDecider compiles the distinctions of the benchmarks (in matcher order)
// and the catalog's sector cues.
func newDecider(cat *rules.Catalog, bs []*rules.Benchmark) decider {
	d := decider{openers: map[string][]int32{}}
	var all []nlp.Cue
	var keywords []string
	for _, b := range bs {
		c := b.ReadsClaims
		x := distinctions{requires: d.compileElements(b.Requires, c), excludes: d.compileElements(b.Excludes, c), yields: b.YieldsTo,
			yieldIf: d.compileElements(b.YieldIf, c), yieldUnless: d.compileElements(b.YieldUnless, c)}
		for _, k := range b.Keywords {
			if k = nlp.NormalizeText(k); utf8.RuneCountInString(k) >= 2 {
				x.keywords = append(x.keywords, k)
				keywords = append(keywords, k)
			}
		}
		x.keywordGroup = d.group(x.keywords)
		for _, m := range cat.Line(b) {
			if m == b || m.EffectiveFrom == "" {
				continue
			}
			req, r := d.measureSwap(x.requires, m.Requires)
			exc, e := d.measureSwap(x.excludes, m.Excludes)
			if !r && !e {
				continue
			}
			y := x
			y.later = nil
			if r {
				y.requires = req
			}
			if e {
				y.excludes = exc
			}
			x.later = append(x.later, laterDistinctions{from: m.EffectiveFrom, x: &y})
			for _, es := range [][]element{y.requires, y.excludes} {
				for _, el := range es {
					all = append(all, el.cues...)
				}
			}
		}
		if len(x.requires) > 0 {
			d.elementDocs = append(d.elementDocs, len(d.dist))
			if len(d.cueRequiresFrom) == 0 {
				d.cueRequiresFrom = append(d.cueRequiresFrom, 0)
			}
			for k := range x.requires {
				if e := &x.requires[k]; e.measures == nil {
					d.cueRequires = append(d.cueRequires, e.group)
				}
			}
			d.cueRequiresFrom = append(d.cueRequiresFrom, int32(len(d.cueRequires)))
		}
		for _, es := range [][]element{x.requires, x.excludes, x.yieldIf, x.yieldUnless} {
			for _, e := range es {
				all = append(all, e.cues...)
			}
		}
		d.dist = append(d.dist, x)
	}
	for _, s := range legal.Sectors() {
		if cues := cat.Config.SectorCues[s]; len(cues) > 0 {
			sc := sectorCue{sector: s, cues: nlp.NewCues(cues)}
			sc.group = d.cueGroup(sc.cues)
			all = append(all, sc.cues...)
			d.sectors = append(d.sectors, sc)
		}
	}
	d.indexCues(all, keywords...)
	d.slotCues()
	return d
}

// slotCues sets the slots of every element and sector cue list from the
// decider's index (CueIndex.Slots), which is built after them.
func (d *decider) slotCues() {
	slot := func(es []element) {
		for k := range es {
			es[k].slots = d.index.Slots(es[k].cues)
		}
	}
	for i := range d.dist {
		x := &d.dist[i]
		for _, l := range append([]*distinctions{x}, laterOf(x)...) {
			slot(l.requires)
			slot(l.excludes)
			slot(l.yieldIf)
			slot(l.yieldUnless)
		}
	}
	for i := range d.sectors {
		d.sectors[i].slots = d.index.Slots(d.sectors[i].cues)
	}
}

// laterOf returns the distinctions of x's later line members.
func laterOf(x *distinctions) []*distinctions {
	out := make([]*distinctions, 0, len(x.later))
	for _, l := range x.later {
		out = append(out, l.x)
	}
	return out
}

// indexCues builds the decider's cue index over cues and phrases and
// numbers the groups' openings by it (what live reads).
func (d *decider) indexCues(cues []nlp.Cue, phrases ...string) {
	d.index = nlp.NewCueIndex(cues, phrases...)
	d.openersOf = d.openersOf[:0]
	for o, gs := range d.openers {
		if n, ok := d.index.Number(o); ok {
			for int(n) >= len(d.openersOf) {
				d.openersOf = append(d.openersOf, nil)
			}
			d.openersOf[n] = gs
		}
	}
}

// textSectors returns the sectors the facts name, each with the first cue
// found, in sector order.
func (d *decider) textSectors(scan nlp.CueScan, live *cueGroups) map[legal.Sector]string {
	var out map[legal.Sector]string
	for _, s := range d.sectors {
		if !live.live(s.group) {
			continue
		}
		if cue, ok := scan.FindIn(s.cues, s.slots); ok {
			if out == nil {
				out = map[legal.Sector]string{}
			}
			out[s.sector] = cue
		}
	}
	return out
}

// shown reports whether an element is shown by the facts, with what shows
// it (the cue, or the number), answering each element once per text.
func (e *element) shown(scan nlp.CueScan, live *cueGroups, facts *factValues) (string, bool) {
	st := &live.state[e.group]
	if *st&groupAsked != 0 {
		return live.what[e.group], *st&groupShown != 0
	}
	what, ok := e.find(scan, live.live(e.group), facts)
	*st |= groupAsked
	if ok {
		*st |= groupShown
		if live.what == nil {
			live.what = map[int32]string{}
		}
		live.what[e.group] = what
	}
	return what, ok
}

// find is shown without the memory: the first cue of the element the text
// contains (when its group is live), else the number that shows it.
func (e *element) find(scan nlp.CueScan, live bool, facts *factValues) (string, bool) {
	if e.party == partyRoadUser {
		// A car's driver who struck a cyclist or a pedestrian (蒋某驾驶小型
		// 轿车…与电动自行车相撞) is no 第八十九条 case for the other's
		// vehicle named: the party's own vehicle, as the accident reader
		// finds it (liabilityParty), decides; not told, the cues do.
		if v := facts.partyVehicle(); v == "汽车" || v == "摩托车" {
			return "", false
		}
	} else if kind := e.party; kind != "" && facts != nil && (facts.x.PartyKind == "个人" || facts.x.PartyKind == "单位") {
		// The party's kind, read from how the text names the party (张某，男;
		// 某某有限公司), decides a party element: a place in the facts (医院,
		// 门店) is where the act happened, not who did it.
		return "当事人为" + facts.x.PartyKind, facts.x.PartyKind == kind
	}
	if live {
		// A cue only in the party's name, address or business scope
		// (当事人：康源医药连锁有限公司; 经营范围：危险化学品经营) says
		// who the party is, not what it did: it shows no element.
		// Nor does one in the object of an officer's measure that sets
		// the time of the act (执法人员在查封……过期食品时，当事人推搡……):
		// that is why the officers were there.
		var spans []nlp.Span
		switch {
		case e.who:
		case e.inspected:
			spans = facts.partySpans()
		case e.claims:
			spans = facts.notActSpans()
		default:
			// Nor does a cue in what a claim says (宣称“……爆炸……”,
			// 散布“……死亡……”的谣言), unless the element is on the claim.
			spans = facts.notClaimSpans()
		}
		if cue, ok := scan.FindOutsideSpansIn(e.cues, e.slots, e.notWithin, spans); ok {
			return cue, true
		}
	}
	for _, r := range e.measures {
		if v, ok := facts.value(r.Name); ok && r.Contains(v) {
			num := strconv.FormatFloat(v, 'f', -1, 64)
			if r.Name == rules.MeasureExcessPercent || r.Name == rules.MeasureSpeedExcessPercent {
				return "超过" + num + "%", true
			}
			label, _ := rules.MeasureLabel(r.Name)
			return label + num, true
		}
	}
	return "", false
}

// partyElements are the element labels that name the party's kind, with
// the kind (nlp's 个人 or 单位) that shows them.
var partyElements = map[string]string{"个人": "个人", "单位": "单位", "当事人是单位": "单位",
	"行人或者非机动车驾驶人（适用第八十九条）": partyRoadUser}

// partyRoadUser marks the element on the party being a pedestrian or a
// non-motor vehicle's rider (道路交通安全法 第八十九条): a party the text
// shows driving a motor vehicle does not show it (left27).
const partyRoadUser = "行人或者非机动车"

// factValues are the numbers elements test, each read from the facts on
// first use: most texts need none of them.
type factValues struct {
	norm, text string
	// day is the act's day (or the decision's), "" when unknown: it picks
	// a line member's figures (decider.on).
	day       string
	x         nlp.Extraction
	read      bool
	excess    float64
	hasExcess bool
	// speed is the excess of a speed alone (speedExcessPercent), read on
	// first use.
	speedRead, hasSpeed bool
	speed               float64
	measures            map[string]float64
	// parties are the spans of norm that describe the party (nlp.PartySpans),
	// read on first use.
	parties     []nlp.Span
	partiesRead bool
	// vehicle is the kind of vehicle the party drove (liabilityParty),
	// read on first use.
	vehicle     string
	vehicleRead bool
	// notAct adds to parties the occasion clauses' objects
	// (nlp.OccasionSpans), read on first use.
	notAct     []nlp.Span
	notActRead bool
	// notClaim adds to notAct the content of the claims (nlp.ClaimSpans),
	// read on first use.
	notClaim     []nlp.Span
	notClaimRead bool
	// claims are nlp.ClaimSpans of norm, read on first use (Analyze reads
	// them before and sets claimsRead).
	claims     []nlp.Span
	claimsRead bool
	// prior are the conducts of earlier penalties (nlp.PriorPenaltySpans),
	// set by Analyze: part of notAct.
	prior []nlp.Span
}

// notClaimSpans returns notActSpans with the content of what a party
// claimed, advertised, reported falsely or spread (nlp.ClaimSpans), read
// once: only elements on the claim read it.
func (f *factValues) notClaimSpans() []nlp.Span {
	if f == nil {
		return nil
	}
	if !f.notClaimRead {
		f.notClaimRead = true
		notAct := f.notActSpans()
		if !f.claimsRead {
			f.claimsRead = true
			f.claims = nlp.ClaimSpans(f.norm)
		}
		if claims := f.claims; len(claims) > 0 {
			f.notClaim = append(slices.Clip(notAct), claims...)
		} else {
			f.notClaim = notAct
		}
	}
	return f.notClaim
}

// partyVehicle returns the kind of vehicle the party drove or rode (汽车,
// 摩托车, 非机动车; "" when the text does not tell), read once by the
// accident reader (liabilityParty).
func (f *factValues) partyVehicle() string {
	if f == nil {
		return ""
	}
	if !f.vehicleRead {
		f.vehicleRead = true
		_, f.vehicle = liabilityParty(f.norm, deathsIn(f.norm))
	}
	return f.vehicle
}

// partySpans returns the spans of the matched text that name or describe
// the party, read once.
func (f *factValues) partySpans() []nlp.Span {
	if f == nil {
		return nil
	}
	if !f.partiesRead {
		f.partiesRead = true
		f.parties = nlp.PartySpans(f.norm)
	}
	return f.parties
}

// notActSpans returns the spans of the matched text that tell no act of the
// party: its name, address and scope (partySpans) and the object of an
// officer's measure in a clause that sets the time of the act
// (nlp.OccasionSpans) and what a quarrel was about (nlp.QuarrelCauseSpans),
// read once.
func (f *factValues) notActSpans() []nlp.Span {
	if f == nil {
		return nil
	}
	if !f.notActRead {
		f.notActRead = true
		parties := f.partySpans()
		occ := nlp.OccasionSpans(f.norm)
		// What a quarrel was about (因摊位占道问题与摊主发生争执) is no act of
		// the party's either: the blow that followed is.
		occ = append(occ, nlp.QuarrelCauseSpans(f.norm)...)
		// Nor is an earlier penalty's conduct (去年因[销售过期食品]被罚款).
		occ = append(occ, f.prior...)
		if len(occ) > 0 {
			f.notAct = append(slices.Clip(parties), occ...)
		} else {
			f.notAct = parties
		}
	}
	return f.notAct
}

// value returns the named number the facts state.
func (f *factValues) value(name string) (float64, bool) {
	if f == nil {
		return 0, false
	}
	if name == rules.MeasureSpeedExcessPercent {
		if !f.speedRead {
			f.speedRead = true
			f.speed, f.hasSpeed = speedExcessPercent(f.norm)
		}
		return f.speed, f.hasSpeed
	}
	if name == rules.MeasureExcessPercent {
		if !f.read {
			f.read = true
			f.excess, f.hasExcess = excessPercent(f.norm)
		}
		return f.excess, f.hasExcess
	}
	if f.measures == nil {
		f.measures = measures(f.norm, f.text, f.x)
	}
	v, ok := f.measures[name]
	return v, ok
}

// fits reports whether the facts show every distinguishing element of
// benchmark doc and none that excludes it. Elements whose cue groups the
// scan did not mark are decided without a search; a number (超过30%,
// 死亡3人) is read only once a cue has shown another element, or when the
// benchmark shares words with the text (words): a number alone says nothing
// about the conduct, and reading one costs a pass of regular expressions
// over the text. With shared words, a benchmark whose only element is a
// figure (血液中乙醇含量185.6mg/100mL for 醉酒驾驶) fits by it, wherever its
// words rank.
func (d *decider) fits(doc int, scan nlp.CueScan, live *cueGroups, facts *factValues, words bool) bool {
	x := d.on(doc, facts)
	if len(x.requires) == 0 {
		return false
	}
	for k := range x.requires {
		if e := &x.requires[k]; e.measures == nil && !live.live(e.group) {
			return false
		}
	}
	byCue := false
	for k := range x.requires {
		e := &x.requires[k]
		if e.measures != nil {
			continue
		}
		if _, ok := e.shown(scan, live, facts); !ok {
			return false
		}
		byCue = true
	}
	if !byCue && !words {
		return false
	}
	for k := range x.requires {
		if e := &x.requires[k]; e.measures != nil {
			if _, ok := e.shown(scan, live, facts); !ok {
				return false
			}
		}
	}
	for k := range x.excludes {
		if _, ok := x.excludes[k].shown(scan, live, facts); ok {
			return false
		}
	}
	return true
}

// verdict is what the decision found for one candidate.
type verdict struct {
	raw       float64  // score before the decision
	shown     []string // what shows each required element
	missing   []string // labels of required elements not shown
	excluding []string // labels of excluding elements shown
	offSector string   // the facts' sector cue, when the candidate is from another sector without strong evidence
	// yielded: a provision it yields to (yieldLabel) prevails over this
	// one; yieldSpecial when by the special law rather than by id;
	// yieldWhy, for a conditional yield, the condition and what shows it.
	yielded    bool
	yieldLabel string
	// yieldTo is the benchmark it yields to (a line's first member, as the
	// matcher scores lines), so that the label can name the member in
	// effect on the act's day (relabelYield).
	yieldTo      *rules.Benchmark
	yieldSpecial bool
	yieldWhy     string
	// excludedFirst: an excluding element shown names a provision that
	// applies first (医疗器械（医疗器械监督管理条例优先适用）).
	excludedFirst bool
}

// appliesFirst reports whether the candidate was set aside because another
// provision applies first to the same conduct (优先适用): it yields to one
// (by id, or on a condition), or an excluding element names one. A yield
// to the special law alone (特别规定优先) is not counted, as its reason
// never said 优先适用.
func (v *verdict) appliesFirst() bool {
	return v.excludedFirst || (v.yielded && (v.yieldWhy != "" || !v.yieldSpecial))
}

// fitted reports whether the facts show every distinguishing element of
// the candidate and nothing sets it back: the decision's own evidence,
// which words alone do not outweigh.
func (v *verdict) fitted() bool {
	return len(v.shown) > 0 && !v.demoted()
}

// demoted reports whether the decision set the candidate back.
func (v *verdict) demoted() bool {
	return len(v.missing) > 0 || len(v.excluding) > 0 || v.offSector != "" || v.yielded
}

// cutList returns all[from:], capped at its length so that an append to it
// never writes into all; nil when it is empty.
func cutList(all []string, from int) []string {
	if len(all) == from {
		return nil
	}
	return all[from:len(all):len(all)]
}

// decide applies the distinctions to the candidates (rescoring them in
// place) and returns them best first, with the sectors the facts name
// (textSectors; none when the request restricted matching to sector).
//
// A benchmark left out of the pool (ranked below it, or sharing no word
// with the text) whose distinguishing elements the facts all show, and none
// that excludes it, joins the pool as build scores it; words reports
// whether a benchmark shares words with the text (see fits).
func (m *matcher) decide(top []candidate, q query, sector legal.Sector, facts *factValues, build func(int) candidate, words func(int) bool) ([]candidate, map[legal.Sector]string) {
	d := &m.decider
	// The scan is read only here and in what decide calls: its words go
	// back to the pool when decide returns.
	scan := d.index.ScanPooled(q.norm)
	defer scan.Release()
	live := d.live(scan)
	defer live.release()
	var inText map[legal.Sector]string
	if sector == "" {
		inText = d.textSectors(scan, live)
	}
	pooled := len(top)
	for n, i := range d.elementDocs {
		if !live.allLive(d.cueRequires[d.cueRequiresFrom[n]:d.cueRequiresFrom[n+1]]) {
			continue // fits would say no without a search
		}
		if sector != "" && m.benchmarks[i].Sector != sector || !d.fits(i, scan, live, facts, words(i)) ||
			slices.ContainsFunc(top[:pooled], func(c candidate) bool { return c.doc == i }) {
			continue
		}
		top = append(top, build(i))
	}
	if len(top) == 0 {
		return top, inText
	}
	// The candidates' shown, missing and excluding lists are cut from
	// three arrays sized for all of them (one allocation each instead of
	// one or more per candidate); each list is capped at its length, and
	// left nil when empty, as appending one by one left it.
	nreq, nexc := 0, 0
	for i := range top {
		x := d.on(top[i].doc, facts)
		nreq += len(x.requires)
		nexc += len(x.excludes)
	}
	// tierOut lists the candidates a tier element excludes (情节较重 shown)
	// with the score each would have had: their places go to the aggravated
	// tier below (nil for most texts).
	var tierOut []tierPlace
	shownAll := make([]string, 0, nreq)
	missingAll := make([]string, 0, nreq)
	excludingAll := make([]string, 0, nexc)
	for i := range top {
		c := &top[i]
		x := d.on(c.doc, facts)
		c.verdict = verdict{raw: c.score}
		s0, m0, e0 := len(shownAll), len(missingAll), len(excludingAll)
		essentialMissing := false
		for k := range x.requires {
			e := &x.requires[k]
			if what, ok := e.shown(scan, live, facts); ok {
				shownAll = append(shownAll, what)
			} else {
				missingAll = append(missingAll, e.label)
				essentialMissing = essentialMissing || e.essential
			}
		}
		tierShown := false
		for k := range x.excludes {
			e := &x.excludes[k]
			if _, ok := e.shown(scan, live, facts); ok {
				excludingAll = append(excludingAll, e.label)
				tierShown = tierShown || e.tier
				c.excludedFirst = c.excludedFirst || e.first
			}
		}
		c.shown = cutList(shownAll, s0)
		c.missing = cutList(missingAll, m0)
		c.excluding = cutList(excludingAll, e0)
		if tierShown {
			// The place is the score the candidate would have had without
			// the exclusion (so read after c.missing is set).
			tierOut = append(tierOut, tierPlace{i, elementScore(c.raw, len(c.missing), len(x.requires))})
		}
		if len(c.excluding) > 0 || essentialMissing {
			// The learned vote has no say against an exclusion (or an
			// essential element missing): the examples resemble the text,
			// the facts rule the conduct out.
			c.score = c.unvoted() * excludeFactor
			c.learned = 0
		} else {
			c.score = elementScore(c.score, len(c.missing), len(x.requires))
		}
	}
	m.passTier(top, tierOut, func(a, b int) bool { return sameElements(d.on(a, facts).requires, d.on(b, facts).requires) })
	// A provision of the facts' own sector whose elements the facts show
	// leaves elements alone no strong evidence for another sector's: 医院
	// in a disturbance at a hospital is not 医疗广告.
	ownFits := false
	for i := range top {
		c := &top[i]
		if _, own := inText[c.b.Sector]; own && len(c.shown) > 0 && len(c.missing) == 0 && len(c.excluding) == 0 {
			ownFits = true
		}
	}
	for i := range top {
		c := &top[i]
		if len(inText) > 0 {
			if _, own := inText[c.b.Sector]; !own && !m.strongEvidence(c, scan, live, ownFits) {
				c.offSector = firstSectorCue(d.sectors, inText)
				c.score *= offSectorFactor
			}
		}
	}
	// Facts that belong to a sector rank its benchmarks first: one of
	// another sector without strong evidence stays below the best of them
	// that the facts do not contradict (missing or excluded elements).
	if len(inText) > 0 {
		best := -1.0
		for i := range top {
			c := &top[i]
			if _, own := inText[c.b.Sector]; own && len(c.missing) == 0 && len(c.excluding) == 0 && c.score > best {
				best = c.score
			}
		}
		for i := range top {
			if c := &top[i]; c.offSector != "" && best > 0 {
				c.score = min(c.score, best*yieldMargin)
			}
		}
	}
	// Neighbours of one law or sector: a provision whose distinguishing
	// element the facts lack (or that they exclude) stays below the best
	// provision of the same law or sector whose elements they all show,
	// however many words it shares with the text (拍桌叫骂致停办 is 扰乱单位
	// 秩序, not 阻碍执行职务 because a 工作人员 is named; a bicycle 偷走 is
	// 盗窃, not a cyclist's 第八十九条).
	capNeighbours(top)
	// Special over general: a general provision yields to a fitting
	// provision of a law it names. A yield under a condition (yield_if)
	// applies only where the facts meet it, and then needs no score share.
	to := make([]int, len(top))
	why := make([]string, len(top))
	for i := range top {
		to[i] = -1
		c := &top[i]
		x := &d.dist[c.doc]
		if len(x.yields) == 0 {
			continue
		}
		cond, ok := d.yieldCondition(x, scan, live, facts)
		if !ok {
			continue
		}
		why[i] = cond
		for j := range top {
			s := &top[j]
			// A line is named by any of its members: the one in effect
			// (s.b) or its first (the matcher's document).
			if i == j || len(s.missing) > 0 || len(s.excluding) > 0 || s.offSector != "" ||
				!slices.ContainsFunc(x.yields, func(y string) bool {
					return y == s.b.ID || y == m.benchmarks[s.doc].ID || y == s.b.PenaltyRef.Law
				}) {
				continue
			}
			if (cond != "" || s.score >= yieldShare*c.score) && (to[i] < 0 || s.score > top[to[i]].score) {
				to[i] = j
			}
		}
	}
	for i, j := range to {
		if j < 0 {
			continue
		}
		c := &top[i]
		c.yielded, c.yieldLabel, c.yieldTo, c.yieldWhy = true, m.cat.PenaltyLabel(m.benchmarks[top[j].doc]), top[j].b, why[i]
		c.yieldSpecial = slices.Contains(d.dist[c.doc].yields, top[j].b.PenaltyRef.Law)
		if why[i] != "" {
			// A met condition decides between the two as the words did
			// not: the provision yielded to takes this one's place (a
			// disruption benchmark shares few words with 推搡检票员).
			top[j].score = max(top[j].score, c.score)
		}
		c.score = min(c.score, top[j].score*yieldMargin)
	}
	if slices.ContainsFunc(to, func(j int) bool { return j >= 0 }) {
		// A general provision that fitted and has now yielded no longer
		// holds its neighbours up: they stay below the best provision left
		// standing (无标签 under 第一百二十五条, not 第一百二十四条 because
		// 产品质量法 第五十四条 shared 生产日期 and then yielded).
		capNeighbours(top)
		// The special provision yielded to may itself have given way to a
		// neighbour of its law just now (责令停止经营后仍销售 is 第一百二十四条
		// 第一款第（九）项 before 第（四）项): the general one stays below it
		// still, so the special law keeps prevailing through the neighbour.
		// Only a yield to another law (特别规定优先): a conditional yield
		// within a law (safety 第一百零二条 to 第九十九条) hands its place on
		// by its condition, not by the words.
		for i, j := range to {
			if j >= 0 && why[i] == "" && top[i].yieldSpecial {
				top[i].score = min(top[i].score, top[j].score*yieldMargin)
			}
		}
	}
	sortCandidates(top)
	return top, inText
}

// elementScore is score as the facts' showing of a candidate's elements
// leaves it when none excludes it: discounted where one of its requires is
// missing, closer to 1 where it has requires and the facts show them all
// (closing part of the gap keeps the order of tiers that share their
// elements: 情节严重 over the basic tier), else unchanged.
func elementScore(score float64, missing, requires int) float64 {
	switch {
	case missing > 0:
		return score * missingFactor
	case requires > 0:
		return score + requireBonus*(1-score)
	}
	return score
}

// sortCandidates sorts top best first (betterCandidate, a total order, so
// any sort gives the one answer). It sorts the candidates' positions and
// then moves each candidate once: sorting the candidates themselves moved
// and compared some 250 bytes at every step.
func sortCandidates(top []candidate) {
	var buf [64]int32
	order := buf[:0]
	for i := range top {
		order = append(order, int32(i))
	}
	slices.SortFunc(order, func(i, j int32) int { return candidateOrder(&top[i], &top[j]) })
	// order[k] is where the k-th best stands: follow each cycle of the
	// permutation, marking a place done by setting order[k] = k.
	for k := range order {
		if int(order[k]) == k {
			continue
		}
		hold := top[k]
		j := k
		for {
			from := int(order[j])
			order[j] = int32(j)
			if from == k {
				top[j] = hold
				break
			}
			top[j] = top[from]
			j = from
		}
	}
}

// tierPlace is a candidate a tier element excluded (its index in the
// decision's list) and the score it would have had without the exclusion.
type tierPlace struct {
	i     int
	score float64
}

// passTier gives the place of each candidate a tier element excluded
// (out: 故意损毁 of 十一辆车, a basic tier the facts leave for 情节较重) to
// the fitted aggravated tiers of the same conduct (same, on the matcher's
// documents: the tier requires every element the basic tier does) and
// penalty article: they score at least what it would have scored. The
// aggravated tier shares its words with the basic one and is discounted
// without 情节严重 words (candidate), so that alone it may rank below
// unrelated provisions, or a neighbour the basic tier kept below it, once
// its basic tier is out. Another conduct of the article (盗窃 beside
// 故意损毁 in 2012年法 第四十九条) takes no place.
func (m *matcher) passTier(top []candidate, out []tierPlace, same func(a, b int) bool) {
	for _, p := range out {
		for j := range top {
			if c := &top[j]; m.aggravated[c.doc] && c.fitted() && m.samePenalty(top[p.i], *c) && same(top[p.i].doc, c.doc) {
				c.score = max(c.score, p.score)
			}
		}
	}
}

// sameElements reports whether tier requires every element basic does,
// by label: the tiers of one conduct share its elements (赌博或者为赌博提供
// 条件 in both tiers of 第七十条). A basic tier that requires nothing names
// no conduct to share, and an article's other conduct would pass that test
// as well as its own tier (盗窃 beside 故意损毁 in 2012年法 第四十九条): it is
// never the same.
func sameElements(basic, tier []element) bool {
	if len(basic) == 0 {
		return false
	}
	for i := range basic {
		if !slices.ContainsFunc(tier, func(e element) bool { return e.label == basic[i].label }) {
			return false
		}
	}
	return true
}

// capNeighbours keeps each candidate whose distinguishing element the facts
// lack below the best fitted candidate of the same law or sector, and each
// one they exclude below the best fitted candidate of any.
func capNeighbours(top []candidate) {
	for i := range top {
		c := &top[i]
		if len(c.missing) == 0 && len(c.excluding) == 0 {
			continue
		}
		best := 0.0
		for j := range top {
			// The counts and the score first: few candidates are fitted,
			// and comparing law names costs more (they are long).
			// One the facts exclude stays below any fitted candidate:
			// the facts speak against it (招工 fees taken by one who only
			// posed as the employer are no 劳动合同法 第八十四条 case, but a
			// 诈骗 of 治安管理处罚法, another sector's).
			if f := &top[j]; f.fitted() && f.score > best && (len(c.excluding) > 0 || f.b.PenaltyRef.Law == c.b.PenaltyRef.Law || f.b.Sector == c.b.Sector) {
				best = f.score
			}
		}
		if best > 0 && c.score > best*yieldMargin {
			c.score = best * yieldMargin
		}
	}
}

// yieldCondition reports whether the facts meet a benchmark's condition
// for yielding: every yield_if element shown and no yield_unless element.
// It returns the yield_if labels with what shows them (仅有推搡……（推搡）),
// "" for an unconditional yield.
func (d *decider) yieldCondition(x *distinctions, scan nlp.CueScan, live *cueGroups, facts *factValues) (string, bool) {
	if len(x.yieldIf) == 0 && len(x.yieldUnless) == 0 {
		return "", true
	}
	for k := range x.yieldUnless {
		if _, ok := x.yieldUnless[k].shown(scan, live, facts); ok {
			return "", false
		}
	}
	var parts []string
	for k := range x.yieldIf {
		e := &x.yieldIf[k]
		what, ok := e.shown(scan, live, facts)
		if !ok {
			return "", false
		}
		parts = append(parts, e.label+"（"+what+"）")
	}
	if len(parts) == 0 {
		parts = append(parts, "不具备"+x.yieldUnless[0].label)
	}
	return strings.Join(parts, "、"), true
}

// firstSectorCue names the first sector the facts point to, with its cue
// (公安（民警）).
func firstSectorCue(sectors []sectorCue, inText map[legal.Sector]string) string {
	for _, s := range sectors {
		if cue, ok := inText[s.sector]; ok {
			return string(s.sector) + "（" + cue + "）"
		}
	}
	return ""
}

// strongEvidence reports whether the facts name the candidate's conduct
// itself, not merely share a word with it: one of its keywords, whole, or
// all its distinguishing elements unless a provision of the facts' own
// sector fits them (ownFits). A keyword counts even after a negation:
// 未明码标价 names the conduct of 明码标价.
func (m *matcher) strongEvidence(c *candidate, scan nlp.CueScan, live *cueGroups, ownFits bool) bool {
	x := &m.decider.dist[c.doc]
	if !ownFits && len(x.requires) > 0 && len(c.missing) == 0 {
		return true
	}
	return live.live(x.keywordGroup) && slices.ContainsFunc(x.keywords, scan.Contains)
}

// reason says in Chinese why a candidate was set back.
func (v *verdict) reason() string {
	// One builder for the parts, separated by ；, as joining a list of
	// them gave (one allocation instead of one a part and the join's).
	var s strings.Builder
	if n := joinedLen(v.excluding, "、") + joinedLen(v.missing, "、") + len(v.offSector) + len(v.yieldWhy) + len(v.yieldLabel); n > 0 || v.yielded {
		s.Grow(n + 96) // the fixed words of the parts and their separators
	}
	part := func() {
		if s.Len() > 0 {
			s.WriteString("；")
		}
	}
	if len(v.excluding) > 0 {
		part()
		s.WriteString("事实涉及")
		writeJoined(&s, v.excluding, "、")
	}
	if len(v.missing) > 0 {
		part()
		s.WriteString("未提及")
		writeJoined(&s, v.missing, "、")
	}
	if v.offSector != "" {
		part()
		s.WriteString("事实属")
		s.WriteString(v.offSector)
		s.WriteString("，与本领域只有个别词语相同")
	}
	switch {
	case v.yielded && v.yieldWhy != "":
		part()
		s.WriteString(v.yieldWhy)
		s.WriteString("，优先适用")
		s.WriteString(v.yieldLabel)
	case v.yielded && v.yieldSpecial:
		part()
		s.WriteString("特别规定优先：")
		s.WriteString(v.yieldLabel)
	case v.yielded:
		part()
		s.WriteString("优先适用")
		s.WriteString(v.yieldLabel)
	}
	return s.String()
}

// competed reports whether a demoted candidate d is a neighbour the
// violation v was chosen over: a provision of the same law, or of the
// special law v belongs to, that scored near it before the decision; one of
// v's sector that scored close; one of another sector that would have
// ranked above it, named by the first violation only.
func competed(d, v candidate, first bool) bool {
	switch {
	case d.b.PenaltyRef.Law == v.b.PenaltyRef.Law || d.yielded && strings.HasPrefix(d.yieldLabel, v.b.PenaltyRef.Law):
		return d.raw >= neighbourShare*v.raw
	case d.b.Sector == v.b.Sector:
		return d.raw >= excludedShare*v.raw
	default:
		return first && d.raw >= v.raw
	}
}

// explain writes why each kept candidate was chosen, and assigns each
// demoted neighbour of the pool to the best violation it would otherwise
// have competed with.
func (m *matcher) explain(kept, pool []candidate) (why []string, excluded [][]Excluded) {
	why = make([]string, len(kept))
	excluded = make([][]Excluded, len(kept))
	for i := range kept {
		excluded[i] = []Excluded{}
	}
	for _, d := range pool {
		if !d.demoted() {
			continue
		}
		for i, v := range kept {
			if v.b.ID == d.b.ID {
				break // only a violation above it excludes it
			}
			if competed(d, v, i == 0) && len(excluded[i]) < maxExcluded {
				excluded[i] = append(excluded[i], Excluded{BenchmarkID: d.b.ID, Provision: m.cat.PenaltyLabel(d.b), Reason: d.reason(), AppliesFirst: d.appliesFirst()})
				break
			}
		}
	}
	for i, c := range kept {
		// c.b is the member of its line in effect on the act's day: its
		// own provision, not the line's first (m.benchmarks).
		// One builder for the sentence: concatenated piece by piece, a
		// long list of exclusions was copied once a piece.
		// Sized first (at most some forty bytes over): grown piece by
		// piece, the builder reallocated three or four times a sentence.
		label, r := m.cat.PenaltyLabel(c.b), c.reason()
		matched := c.matched[:min(3, len(c.matched))]
		size := len(label) + joinedLen(c.shown, "、") + joinedLen(matched, "”“") + len(r) + 48
		for _, e := range excluded[i] {
			size += len(e.Provision) + len(e.Reason) + 12
		}
		var s strings.Builder
		s.Grow(size)
		s.WriteString(label)
		s.WriteString("：")
		switch {
		case len(c.shown) > 0:
			writeJoined(&s, c.shown, "、")
		case len(c.matched) > 0:
			s.WriteString("事实与“")
			writeJoined(&s, matched, "”“")
			s.WriteString("”相符")
		case c.lexical > 0:
			s.WriteString("事实与本基准的用语相近")
		default:
			s.WriteString("依据类似案件")
		}
		if r != "" {
			s.WriteString("（")
			s.WriteString(r)
			s.WriteString("）")
		}
		for _, e := range excluded[i] {
			label := e.Provision
			if rest, ok := strings.CutPrefix(label, c.b.PenaltyRef.Law); ok && rest != "" {
				label = rest
			}
			s.WriteString("；排除")
			s.WriteString(label)
			s.WriteString("：")
			s.WriteString(e.Reason)
		}
		why[i] = s.String()
	}
	return why, excluded
}

// votedOver returns the candidate of another conduct that the learned vote
// put first above: it scores below first but above it without the vote
// (the one scoring most without it when several do); nil when first is
// first on the engine's own evidence. Scores are compared after the
// decision scaled them, so a rival the facts exclude is not counted where
// the exclusion, not the vote, set it back.
func (m *matcher) votedOver(first candidate, pool []candidate) *candidate {
	if first.learned == 0 {
		return nil
	}
	own := first.unvoted()
	var rival *candidate
	for i := range pool {
		d := &pool[i]
		if d.score > first.score || d.unvoted() <= own || slices.Contains(m.sameConduct[first.doc], d.doc) {
			continue
		}
		if rival == nil || d.unvoted() > rival.unvoted() {
			rival = d
		}
	}
	return rival
}

// votedNote is what the explanation of the first violation adds when the
// learned vote put it above rival: a reviewer should know that labelled
// cases, not the statute's words or elements, decided the order.
func votedNote(rival *candidate) string {
	return "；与已标注案例相近：事实与按本基准处理的已标注案例相近，据此列于“" + rival.b.Name + "”之前（不计此项时后者得分更高）"
}

// joinedLen is the length of parts joined by sep.
func joinedLen(parts []string, sep string) int {
	if len(parts) == 0 {
		return 0
	}
	n := len(sep) * (len(parts) - 1)
	for _, p := range parts {
		n += len(p)
	}
	return n
}

// writeJoined writes parts separated by sep, as strings.Join would.
func writeJoined(b *strings.Builder, parts []string, sep string) {
	for i, p := range parts {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(p)
	}
}

// Excess ratios as officers write them: 超载45%, 超过核定载质量百分之五十,
// 超员25%; and the two loads they are computed from (核定载质量10吨 … 实际
// 装载15吨).
var (
	excessPercentRe = nlp.Guard(`超(?:过|出)?(?:核定载质量|核定载重|额定乘员|核定载客人数|核定载客|规定时速|限速|载|员|速|重)?(?:的)?(?:达|约)?([0-9]+(?:\.[0-9]+)?)\s*[%％]|超(?:过|出)?(?:核定载质量|核定载重|额定乘员|核定载客人数|核定载客|规定时速|限速|载|员|速|重)?(?:的)?(?:达|约)?百分之([零一二三四五六七八九十百点]+)`, "超")
	// loadsRe reads a rated and an actual load, each in figures or in
	// Chinese numerals (核定载质量三十吨……装载至65吨), in the same or
	// convertible units.
	// The people or goods found are also told by where they were (车上旅客47人,
	// 车内乘客52名, 车上钢材5.4吨).
	// The actual load is also told by the weighing (过磅, 地磅称量, 称得) or
	// as the goods' net weight (所载钢筋净重14.2吨), and register lines
	// write tonnes as t (核载18t 实载21.6t).
	loadsRe = nlp.Guard(`(?:核定载质量|核载|核定载重|额定载质量|额定载重|标载|行驶证[^，。；0-9]{0,6}?载重|额定乘员|核定乘员|核定载客人数|核定载客)(?:为)?`+loadNumber+`\s*(吨|千克|公斤|kg|t|T|人|座)[^。；]{0,60}?(?:实际|实载|实测|经称重|总质量|装载|载货|载有|载客|实有|所载|净重|称量|过磅|称得|称重|实重|货重|坐了|乘坐了|坐有|车上|车内|旅客|乘客)[^0-9零〇一二两三四五六七八九十百千。；]{0,8}`+loadNumber+`\s*(吨|千克|公斤|kg|t|T|人|名)`, "核定", "核载", "额定", "标载", "载重")
	// loadsAfterRe reads the two loads the other way round, the weighing
	// first (过磅显示实载货物2.9吨，该车核定载质量1.495吨).
	loadsAfterRe = nlp.Guard(`(?:实际|实载|实测|经称重|装载|载货|所载|净重|称量|过磅|称得|称重|实重|货重)[^0-9零〇一二两三四五六七八九十百千。；]{0,8}`+loadNumber+`\s*(吨|千克|公斤|kg|t|T)[^。；]{0,40}?(?:核定载质量|核载|核定载重)(?:为|仅为|只有)?`+loadNumber+`\s*(吨|千克|公斤|kg|t|T)`, "核定载", "核载")
	// seatsRe and peopleAfterRe read a bus's seats and the people counted
	// as register lines and notes write them: the seats without 核定 (中型
	// 客车(19座) 乡镇班线 实载25人, 45座大客车…车内共有52名乘客), or the
	// count first and the rating after it (实载25人（核载19人）).
	seatsRe       = nlp.Guard(`([0-9]+|[一二两三四五六七八九十]+)\s*(?:座|座位)[^。；]{0,60}?(?:实载|实际载客|实际载有|实际乘坐|载客|载有|乘坐|坐了|坐有|共有|实有|车内有|车上有|共载|搭载|清点)(?:乘客|旅客|人员|学生|乘员)?(?:共|达|为|了|人数为|人数)?`+loadNumber+`\s*(?:人|名)`, "座")
	peopleAfterRe = nlp.Guard(`(?:实载|实际载客|实际乘坐|载客|载有|乘坐|共有|车内有|车上有|共载)(?:乘客|旅客|人员|学生|乘员)?(?:共|达|为|了)?`+loadNumber+`\s*(?:人|名)[^。；]{0,30}?(?:核定载客人数|核定载客|额定乘员|核定乘员|核载|核定|限乘)(?:为|仅为|只有)?`+loadNumber+`\s*(?:人|座)`, "核定", "核载", "额定", "限乘")
	// speedPercentRe and speedTenthsRe read a ratio said of a speed only
	// (超速60%, 超过规定时速百分之五十, 超速五成).
	speedPercentRe = nlp.Guard(`超(?:过|出)?(?:规定时速|限速|速)(?:的)?(?:达|约)?([0-9]+(?:\.[0-9]+)?)\s*[%％]|超(?:过|出)?(?:规定时速|限速|速)(?:的)?(?:达|约)?百分之([零一二三四五六七八九十百点]+)`, "超")
	speedTenthsRe  = nlp.Guard(`超速(?:达|约)?([一二三四五六七八九])成`, "超速")
	// tenthsRe reads an excess said in tenths (超载五成 is 50%).
	tenthsRe = nlp.Guard(`超(?:载|员|重|速)(?:达|约)?([一二三四五六七八九])成`, "超载", "超员", "超重", "超速")
	// speedsRe reads a speed limit and the speed measured (限速40公里/小时的
	// 路段……车速为每小时65公里; 限速每小时60公里，经测速该车时速为95公里).
	speedsRe = nlp.Guard(`限速(?:为)?(?:每小时)?([0-9]+)\s*(?:公里|千米|km|KM)?[^。；]{0,40}?(?:时速|车速|行驶速度)(?:为|达|达到|高达)?(?:每小时)?([0-9]+)\s*(?:公里|千米|km|KM)`, "限速")
	// speedsAfterRe reads them the other way round, the speed first (车速达
	// 每小时145公里，该路段限速80公里/小时).
	// speedsByRe and speedsByAfterRe read the speed written as the manner
	// of driving (以每小时95公里的速度行驶, 以时速120公里的速度), the limit
	// before or after it; speedsAfterRe the speed reached (时速一度达到150公里
	// （该路段限速60公里）).
	speedsByRe      = nlp.Guard(`限速(?:为)?(?:每小时)?([0-9]+)\s*(?:公里|千米|km|KM)?[^。；]{0,40}?以(?:每小时|时速)?([0-9]+)\s*(?:公里|千米|km|KM)(?:/小时|/h|每小时)?的?(?:速度|时速|车速)`, "限速")
	speedsByAfterRe = nlp.Guard(`以(?:每小时|时速)?([0-9]+)\s*(?:公里|千米|km|KM)(?:/小时|/h|每小时)?的?(?:速度|时速|车速)[^。；]{0,30}?限速(?:为)?(?:每小时)?([0-9]+)`, "限速")
	speedsAfterRe   = nlp.Guard(`(?:时速|车速|行驶速度)(?:一度|最高|最快|曾)?(?:约为|约|为|达|达到|高达)?(?:每小时)?([0-9]+)\s*(?:公里|千米|km|KM)[^。；]{0,30}?限速(?:为)?(?:每小时)?([0-9]+)`, "限速")
)

// excessPercent reads the excess ratio the facts state, in percent.
func excessPercent(norm string) (float64, bool) {
	if v, ok := statedRatio(excessPercentRe.FindStringSubmatch(norm)); ok {
		return v, true
	}
	if m := loadsRe.FindStringSubmatch(norm); m != nil {
		if m[4] == "名" { // 共坐了37名旅客
			m[4] = "人"
		}
		if m[2] == "座" { // 核定19座
			m[2] = "人"
		}
		rated, err1 := loadValue(m[1], m[2])
		actual, err2 := loadValue(m[3], m[4])
		if (m[2] == "人") == (m[4] == "人") && err1 == nil && err2 == nil {
			if v, ok := excessOver(actual, rated); ok {
				return v, true
			}
		}
	}
	if m := loadsAfterRe.FindStringSubmatch(norm); m != nil {
		actual, err1 := loadValue(m[1], m[2])
		rated, err2 := loadValue(m[3], m[4])
		if err1 == nil && err2 == nil {
			if v, ok := excessOver(actual, rated); ok {
				return v, true
			}
		}
	}
	for _, re := range [...]*nlp.GuardedRegexp{&seatsRe, &peopleAfterRe} {
		if m := re.FindStringSubmatch(norm); m != nil {
			rated, err1 := loadValue(m[1], "人")
			actual, err2 := loadValue(m[2], "人")
			if re == &peopleAfterRe {
				rated, actual = actual, rated
			}
			if err1 == nil && err2 == nil {
				if v, ok := excessOver(actual, rated); ok {
					return v, true
				}
			}
		}
	}
	if m := tenthsRe.FindStringSubmatch(norm); m != nil {
		if v, err := nlp.ParseChineseInt(m[1]); err == nil {
			return float64(v * 10), true
		}
	}
	return measuredSpeedExcess(norm)
}

// statedRatio reads a ratio matched in figures (m[1], 45) or in Chinese
// numerals (m[2], 百分之三十); false when m is nil or holds neither.
func statedRatio(m []string) (float64, bool) {
	if m == nil {
		return 0, false
	}
	if m[1] != "" {
		if v, err := strconv.ParseFloat(m[1], 64); err == nil {
			return v, true
		}
	}
	if m[2] != "" {
		if v, err := nlp.ParseChineseDecimal(m[2]); err == nil {
			return v, true
		}
	}
	return 0, false
}

// measuredSpeedExcess is the excess of a measured speed over the limit the
// facts name, in either order and either wording (speedsRe and the rest).
func measuredSpeedExcess(norm string) (float64, bool) {
	if v, ok := speedExcess(speedsRe.FindStringSubmatch(norm), 1, 2); ok {
		return v, true
	}
	if v, ok := speedExcess(speedsAfterRe.FindStringSubmatch(norm), 2, 1); ok {
		return v, true
	}
	if v, ok := speedExcess(speedsByRe.FindStringSubmatch(norm), 1, 2); ok {
		return v, true
	}
	return speedExcess(speedsByAfterRe.FindStringSubmatch(norm), 2, 1)
}

// speedExcessPercent reads the excess of a speed over its limit, in
// percent: a ratio said of the speed (超速60%, 超过规定时速百分之五十) or
// computed from the limit and the speed measured; an excess of a load or of
// passengers is not read.
func speedExcessPercent(norm string) (float64, bool) {
	if v, ok := statedRatio(speedPercentRe.FindStringSubmatch(norm)); ok {
		return v, true
	}
	if m := speedTenthsRe.FindStringSubmatch(norm); m != nil {
		if v, err := nlp.ParseChineseInt(m[1]); err == nil {
			return float64(v * 10), true
		}
	}
	return measuredSpeedExcess(norm)
}

// speedExcess is the excess of the speed over the limit that submatches
// speed and limit of m hold (speedsRe or speedsAfterRe); false when m is
// nil or the speed is within the limit.
func speedExcess(m []string, limit, speed int) (float64, bool) {
	if m == nil {
		return 0, false
	}
	l, err1 := strconv.ParseFloat(m[limit], 64)
	v, err2 := strconv.ParseFloat(m[speed], 64)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	return excessOver(v, l)
}

// excessOver is how far actual exceeds limit, in percent rounded to one
// decimal (a load or a speed over its limit); false when it does not.
func excessOver(actual, limit float64) (float64, bool) {
	if limit <= 0 || actual <= limit {
		return 0, false
	}
	return float64(int((actual-limit)/limit*1000+0.5)) / 10, true
}

// loadNumber is a load figure in digits or Chinese numerals.
const loadNumber = `([0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千点]+)`

// loadValue reads a load figure of loadNumber in unit (吨, 千克, 公斤,
// kg, 人) as tonnes, or as people.
func loadValue(num, unit string) (float64, error) {
	v, err := strconv.ParseFloat(num, 64)
	if err != nil {
		if v, err = nlp.ParseChineseDecimal(num); err != nil {
			return 0, fmt.Errorf("load %q: %w", num, err)
		}
	}
	switch unit {
	case "千克", "公斤", "kg":
		v /= 1000
	}
	return v, nil
}
