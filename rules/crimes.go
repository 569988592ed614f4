package rules

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/nlp"
	"gopkg.in/yaml.v3"
)

// The criminal-transfer catalog (涉嫌犯罪移送) lives in its own directory:
// the benchmark loader reads every *.yaml in catalog/ as benchmarks.
//
//go:embed crimes/*.yaml
var builtinCrimes embed.FS

// Source is where a threshold comes from. A source in the statutes corpus
// (InCorpus) carries Ref, a provision the corpus resolver finds, and Quote,
// its words verbatim (fragments joined by ……); the catalog test checks both
// against the version in force. A source outside the corpus (立案追诉标准,
// national standards, provincial figures) names Title and DocNo or Date and
// is never shown as verified.
type Source struct {
	Ref      *legal.Ref `yaml:"ref,omitempty" json:"ref,omitempty"`
	Title    string     `yaml:"title,omitempty" json:"title"`
	DocNo    string     `yaml:"doc_no,omitempty" json:"doc_no,omitempty"`
	Date     string     `yaml:"date,omitempty" json:"date,omitempty"`
	Point    string     `yaml:"point,omitempty" json:"point,omitempty"`
	Quote    string     `yaml:"quote,omitempty" json:"quote,omitempty"`
	InCorpus bool       `yaml:"in_corpus" json:"in_corpus"`
}

// Condition is one part of a threshold: a measure at or above GTE, or
// (qualitative) one of Cues found in the case text, not negated. Label
// names a qualitative condition for the officer (what to find out).
type Condition struct {
	Measure string   `yaml:"measure,omitempty" json:"measure,omitempty"`
	GTE     float64  `yaml:"gte,omitempty" json:"gte,omitempty"`
	Cues    []string `yaml:"cues,omitempty" json:"cues,omitempty"`
	Label   string   `yaml:"label,omitempty" json:"label,omitempty"`
	// Computed explains a figure the sources do not write (三倍 of 五万元 →
	// 十五万元); the verification test then does not look for it.
	Computed string `yaml:"computed,omitempty" json:"computed,omitempty"`
	// Unless are cues that state the condition's contrary (同等责任 for
	// 全部或者主要责任): a text stating one, undenied, fails the condition
	// instead of leaving it unknown, so the threshold is not near.
	Unless []string `yaml:"unless,omitempty" json:"unless,omitempty"`
	// UnlessNot are cues that keep an Unless word from deciding: the text
	// names something else too (生活污水 beside 生产废水: the water is not all
	// of the harmless kind), so the condition stays unknown.
	UnlessNot []string `yaml:"unless_not,omitempty" json:"unless_not,omitempty"`
	// NotWithin lists words that hold a cue (or the opening of a cue with
	// parts) without meeting the condition of the party: 印制 in 他人印制的
	// 假行驶证 (a certificate another made), 对方负主要责任 (the other side's
	// liability).
	NotWithin []string `yaml:"not_within,omitempty" json:"not_within,omitempty"`
	// DeniedBy names a yes/no measure that, read 0, fails the condition of
	// cues though a cue is found: the facts show the cue is not the
	// party's (party_main_liability: the 主要责任 the report gives is the
	// other road user's, the party's is 次要). Absent or 1, the cues decide.
	DeniedBy string `yaml:"denied_by,omitempty" json:"denied_by,omitempty"`
	// Qualifier marks a figure that only qualifies the conduct (组织三人以上
	// 赌博 beside the cut or the stakes): met, it does not make the
	// threshold near while the amount it qualifies is unknown.
	Qualifier bool `yaml:"qualifier,omitempty" json:"qualifier,omitempty"`
	// Pending marks a count whose near value means "told but not dated"
	// (曾因盗窃被行政拘留 without a day: the one-year window of 2013年盗窃解释
	// 第二条第（二）项 cannot be checked). Near, with every other condition
	// met, it makes even a no_near threshold near: the officer confirms the
	// date, and Label says what to establish.
	Pending bool `yaml:"pending,omitempty" json:"pending,omitempty"`

	cues, unless, unlessNot []nlp.Cue
	// notWithin is NotWithin, normalised.
	notWithin []string
}

// Threshold is one prosecution standard of a crime. It is a single numeric
// condition (measure, gte), a single qualitative one (cues), or all of the
// conditions in All.
type Threshold struct {
	// Text states the standard in Chinese (销售金额五万元以上).
	Text     string   `yaml:"text" json:"text"`
	Measure  string   `yaml:"measure,omitempty" json:"measure,omitempty"`
	GTE      float64  `yaml:"gte,omitempty" json:"gte,omitempty"`
	Cues     []string `yaml:"cues,omitempty" json:"cues,omitempty"`
	Label    string   `yaml:"label,omitempty" json:"label,omitempty"`
	Computed string   `yaml:"computed,omitempty" json:"computed,omitempty"`
	// NotWithin is Condition.NotWithin for a threshold of cues alone.
	NotWithin []string    `yaml:"not_within,omitempty" json:"not_within,omitempty"`
	All       []Condition `yaml:"all,omitempty" json:"all,omitempty"`
	Sources   []Source    `yaml:"sources" json:"sources"`
	// Note says what the officer must keep in mind (a provincial figure, a
	// precondition the text cannot show).
	Note string `yaml:"note,omitempty" json:"note,omitempty"`
	// NoNear keeps the threshold from ever being near: its numeric part
	// met alone says nothing of the conduct the rest requires (a heavy
	// metal over its standard is no hint of a 暗管).
	NoNear bool `yaml:"no_near,omitempty" json:"no_near,omitempty"`
	// Provincial marks a figure each province fixes within a national
	// range: the threshold's gte is the national floor, Max the top of the
	// range; a province's table (TransferConfig) may set the figure.
	Provincial *ProvincialRange `yaml:"provincial,omitempty" json:"provincial,omitempty"`
	// NotWith are benchmark ids whose conduct, when it is the case's top
	// violation, is not the conduct this threshold counts: three tonnes of
	// hazardous waste that leaked from a broken store (防范措施缺失, 渗漏)
	// were not 排放、倾倒、处置, so the tonnage threshold is skipped there
	// (neither crossed nor near); the crime's other thresholds still apply.
	NotWith []string `yaml:"not_with,omitempty" json:"not_with,omitempty"`

	conds []Condition
	line  int
}

// Conditions returns the threshold's conditions (All, or the single one).
func (t *Threshold) Conditions() []Condition { return t.conds }

// Line returns the catalog line the threshold was read from.
func (t *Threshold) Line() int { return t.line }

// Crime is one suspected crime an administrative case may have to be
// transferred for.
type Crime struct {
	ID string `yaml:"id" json:"id"`
	// Name is the official charge name (罪名) of the 确定罪名 documents.
	Name    string `yaml:"name" json:"name"`
	Article int    `yaml:"article" json:"article"`
	Suffix  int    `yaml:"suffix,omitempty" json:"suffix,omitempty"`
	// Paragraph of the 刑法 article that states the crime, when not the first.
	Paragraph int `yaml:"paragraph,omitempty" json:"paragraph,omitempty"`
	// Cues are phrases in case facts that suggest the conduct; they make the
	// crime a candidate but do not meet a threshold.
	Cues []string `yaml:"cues,omitempty" json:"cues,omitempty"`
	// Benchmarks are ids in the benchmark catalog whose conduct may amount
	// to the crime.
	Benchmarks []string `yaml:"benchmarks,omitempty" json:"benchmarks,omitempty"`
	// Measures are measures that, when the facts state them, make the crime
	// a candidate by themselves: a tonnage of hazardous waste or a heavy
	// metal over its standard speaks of pollution even where no cue word
	// or benchmark does.
	Measures []string `yaml:"measures,omitempty" json:"measures,omitempty"`
	// NotWith are benchmark ids whose conduct, when it is the case's top
	// violation, a cue word alone does not turn into this crime: a
	// consumer who felt 骗 by a fictitious original price (价格欺诈) bought
	// goods at a price shown, which is no 诈骗 of the money. Linked
	// benchmarks still nominate it.
	NotWith []string `yaml:"not_with,omitempty" json:"not_with,omitempty"`
	// CuedOnly makes the crime a candidate only where its cues are in the
	// text, its benchmarks notwithstanding: 抢夺罪 shares the 治安 theft
	// benchmarks with 盗窃罪 and 诈骗罪 (and, cued, drops them as their
	// cued siblings do), but a taking no one snatched is no 抢夺.
	CuedOnly bool `yaml:"cued_only,omitempty" json:"cued_only,omitempty"`
	// NotWithin lists words that hold a nominating cue without the party
	// doing it (殴打 in 被对方殴打: the party was the one beaten): an
	// occurrence inside one of them does not nominate the crime.
	NotWithin []string `yaml:"not_within,omitempty" json:"not_within,omitempty"`
	// PrevailsOver are ids of general crimes this special one goes before
	// at the same risk and rank when its own element is shown (its cue in
	// the text, or a label its decisive threshold crosses by a cue): a fire
	// after a refused notice is 消防责任事故罪 before 失火罪; an accident of
	// facilities failing the national standard is 重大劳动安全事故罪 before
	// 重大责任事故罪, though the report names it 生产安全事故 either way.
	PrevailsOver []string    `yaml:"prevails_over,omitempty" json:"prevails_over,omitempty"`
	Thresholds   []Threshold `yaml:"thresholds" json:"thresholds"`
	Note         string      `yaml:"note,omitempty" json:"note,omitempty"`

	file string
	line int
	// pos is the crime's place in the catalog (ties are broken by it);
	// nominating are nominatingCues, compiled.
	pos        int
	nominating []nlp.Cue
	// notWithin is NotWithin, normalised.
	notWithin []string
}

// Source returns the catalog file and line the crime was read from.
func (c *Crime) Source() (string, int) { return c.file, c.line }

// ArticleLabel is the 刑法 citation, e.g. 刑法第一百三十三条之一.
func (c *Crime) ArticleLabel() string {
	s := "刑法" + nlp.ArticleLabel(c.Article, c.Suffix)
	if c.Paragraph > 0 {
		s += "第" + nlp.FormatChineseInt(int64(c.Paragraph)) + "款"
	}
	return s
}

// Ref is the crime's 刑法 provision.
func (c *Crime) Ref() legal.Ref {
	return legal.Ref{Law: criminalLaw, Article: c.Article, Suffix: c.Suffix, Paragraph: c.Paragraph}
}

// criminalLaw is the corpus short name of the criminal law.
const criminalLaw = "刑法"

// Crimes is a loaded, validated transfer catalog.
type Crimes struct {
	list        []*Crime
	byID        map[string]*Crime
	byBenchmark map[string][]*Crime
	openings    nlp.CueIndex
	// nominators lists, by the scan's number of an opening (CueIndex.Number),
	// the crimes (by pos) one of whose nominating cues opens with it; a
	// crime with a nominating cue whose opening has no number is in
	// unnumbered. Read asks the nominating cues only of the crimes an
	// opening the text contains points to: the lists run to hundreds of
	// cues, and a text opens those of a few crimes.
	nominators [][]int32
	unnumbered []int32
}

// ErrUnknownCrime is returned for a crime id not in the catalog.
var ErrUnknownCrime = errors.New("unknown crime")

// ErrCrimeCatalog wraps every validation error of the transfer catalog.
var ErrCrimeCatalog = errors.New("invalid crime catalog")

// LoadCrimes loads the transfer catalog embedded in the binary. It returns
// an error wrapping ErrCrimeCatalog if the catalog is invalid.
func LoadCrimes() (*Crimes, error) {
	sub, err := fs.Sub(builtinCrimes, "crimes")
	if err != nil {
		return nil, err
	}
	return LoadCrimesFS(sub)
}

// LoadCrimesFS reads every *.yaml in fsys, each holding a `crimes:` list,
// and validates it: unknown fields, unknown measures, thresholds without a
// form or a source, sources marked in the corpus without a provision or
// quote, duplicate ids. The error wraps ErrCrimeCatalog and names the file
// and line.
func LoadCrimesFS(fsys fs.FS) (*Crimes, error) {
	names, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		return nil, fmt.Errorf("load crime catalog: %w", err)
	}
	sort.Strings(names)
	c := &Crimes{byID: map[string]*Crime{}, byBenchmark: map[string][]*Crime{}}
	for _, name := range names {
		if err := c.loadFile(fsys, name); err != nil {
			return nil, fmt.Errorf("load crime catalog: %w: %w", ErrCrimeCatalog, err)
		}
	}
	if len(c.list) == 0 {
		return nil, fmt.Errorf("load crime catalog: %w: no crimes", ErrCrimeCatalog)
	}
	for _, cr := range c.list {
		for _, id := range cr.PrevailsOver {
			if _, ok := c.byID[id]; !ok || id == cr.ID {
				return nil, fmt.Errorf("load crime catalog: %w: %s:%d: crime %s prevails over unknown crime %q", ErrCrimeCatalog, cr.file, cr.line, cr.ID, id)
			}
		}
	}
	c.openings = nlp.NewCueIndex(c.allCues())
	c.indexNominators()
	return c, nil
}

// indexNominators fills nominators and unnumbered from the crimes'
// nominating cues.
func (c *Crimes) indexNominators() {
	for _, cr := range c.list {
		for i := range cr.nominating {
			q := &cr.nominating[i]
			if q.Opening() == "" {
				continue // no parts: Find skips it
			}
			n, ok := c.openings.Number(q.Opening())
			if !ok {
				if !slices.Contains(c.unnumbered, int32(cr.pos)) {
					c.unnumbered = append(c.unnumbered, int32(cr.pos))
				}
				continue
			}
			if int(n) >= len(c.nominators) {
				c.nominators = append(c.nominators, make([][]int32, int(n)+1-len(c.nominators))...)
			}
			if !slices.Contains(c.nominators[n], int32(cr.pos)) {
				c.nominators[n] = append(c.nominators[n], int32(cr.pos))
			}
		}
	}
}

// allCues lists every compiled cue of the catalog: the nominating cues of
// each crime and the cues of its threshold conditions.
func (c *Crimes) allCues() []nlp.Cue {
	var all []nlp.Cue
	for _, cr := range c.list {
		all = append(all, cr.nominating...)
		for i := range cr.Thresholds {
			for _, cd := range cr.Thresholds[i].conds {
				all = append(all, cd.cues...)
				all = append(all, cd.unless...)
				all = append(all, cd.unlessNot...)
			}
		}
	}
	return all
}

// mapValue returns the value node of key in a mapping node.
func mapValue(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

func (c *Crimes) loadFile(fsys fs.FS, name string) error {
	raw, err := fs.ReadFile(fsys, name)
	if err != nil {
		return err
	}
	base := path.Base(name)
	list, nodes, err := decodeList[Crime](raw, "crimes")
	if err != nil {
		return fmt.Errorf("%s: %w", base, err)
	}
	for i := range list {
		cr := list[i]
		cr.file, cr.line = base, nodes[i].Line
		if ts := mapValue(&nodes[i], "thresholds"); ts != nil && ts.Kind == yaml.SequenceNode {
			for j := range cr.Thresholds {
				if j < len(ts.Content) {
					cr.Thresholds[j].line = ts.Content[j].Line
				}
			}
		}
		if err := cr.validate(); err != nil {
			return err
		}
		if prev, dup := c.byID[cr.ID]; dup {
			return fmt.Errorf("%s:%d: duplicate crime id %s (first at %s:%d)", cr.file, cr.line, cr.ID, prev.file, prev.line)
		}
		cr.pos = len(c.list)
		cr.nominating = nlp.NewCues(cr.nominatingCues())
		cr.notWithin = nlp.NormalizeTexts(cr.NotWithin)
		cp := &cr
		c.byID[cr.ID] = cp
		c.list = append(c.list, cp)
		for _, b := range cr.Benchmarks {
			c.byBenchmark[b] = append(c.byBenchmark[b], cp)
		}
	}
	return nil
}

func (cr *Crime) validate() error {
	where := fmt.Sprintf("%s:%d: crime %s", cr.file, cr.line, cr.ID)
	if cr.ID == "" || strings.ContainsAny(cr.ID, " /\t") {
		return fmt.Errorf("%s: id must be non-empty without spaces or slashes", where)
	}
	if !strings.HasSuffix(cr.Name, "罪") {
		return fmt.Errorf("%s: name must be the charge name ending in 罪", where)
	}
	if cr.Article <= 0 || cr.Suffix < 0 || cr.Paragraph < 0 {
		return fmt.Errorf("%s: article of 刑法 required", where)
	}
	for _, b := range append(slices.Clone(cr.Benchmarks), cr.NotWith...) {
		if b == "" || strings.ContainsAny(b, " /\t") {
			return fmt.Errorf("%s: benchmark id %q malformed", where, b)
		}
	}
	for _, m := range cr.Measures {
		if _, ok := measureByName[m]; !ok {
			return fmt.Errorf("%s: unknown measure %q", where, m)
		}
	}
	for _, q := range cr.Cues {
		if strings.TrimSpace(q) == "" {
			return fmt.Errorf("%s: empty cue", where)
		}
	}
	for _, w := range cr.NotWithin {
		// A word that holds none of the cues masks nothing: a typo.
		if !MasksCue(w, cr.nominatingCues()) {
			return fmt.Errorf("%s: not_within word %q contains none of its cues", where, w)
		}
	}
	if len(cr.Thresholds) == 0 {
		return fmt.Errorf("%s: at least one threshold is required", where)
	}
	for i := range cr.Thresholds {
		t := &cr.Thresholds[i]
		if err := t.validate(); err != nil {
			line := t.line
			if line == 0 {
				line = cr.line
			}
			return fmt.Errorf("%s:%d: crime %s: threshold %d: %w", cr.file, line, cr.ID, i+1, err)
		}
	}
	return nil
}

func (t *Threshold) validate() error {
	if strings.TrimSpace(t.Text) == "" {
		return fmt.Errorf("text is required")
	}
	for _, b := range t.NotWith {
		if b == "" || strings.ContainsAny(b, " /\t") {
			return fmt.Errorf("not_with benchmark id %q malformed", b)
		}
	}
	single := t.Measure != "" || t.GTE != 0 || len(t.Cues) > 0 || t.Label != "" || t.Computed != ""
	switch {
	case single && len(t.All) > 0:
		return fmt.Errorf("write either measure/gte or cues, or all, not both")
	case single:
		t.conds = []Condition{{Measure: t.Measure, GTE: t.GTE, Cues: t.Cues, Label: t.Label, Computed: t.Computed, NotWithin: t.NotWithin}}
	case len(t.All) > 0:
		t.conds = t.All
	default:
		return fmt.Errorf("needs measure and gte, cues, or all")
	}
	if p := t.Provincial; p != nil {
		numeric := 0
		for _, c := range t.conds {
			if p.applies(c) {
				numeric++
				if p.Max < c.GTE {
					return fmt.Errorf("provincial max %g below the national floor %g", p.Max, c.GTE)
				}
			}
		}
		if p.Key == "" || numeric != 1 {
			return fmt.Errorf("provincial needs a key and exactly one numeric condition it applies to (name it with measure)")
		}
	}
	for i, c := range t.conds {
		if err := c.validate(len(t.conds) > 1); err != nil {
			if len(t.conds) > 1 {
				return fmt.Errorf("condition %d: %w", i+1, err)
			}
			return err
		}
		t.conds[i].cues = nlp.NewCues(c.Cues)
		t.conds[i].unless = nlp.NewCues(c.Unless)
		t.conds[i].unlessNot = nlp.NewCues(c.UnlessNot)
		for _, w := range c.NotWithin {
			if !MasksCue(w, c.Cues) {
				return fmt.Errorf("not_within word %q contains none of the cues", w)
			}
		}
		t.conds[i].notWithin = nlp.NormalizeTexts(c.NotWithin)
		// A cue read inside the condition's own contrary (禁渔期 in 已过禁渔期,
		// 禁渔区 in 非禁渔区) states the contrary and does not meet it: the
		// literal contrary phrases that hold a cue mask it as not_within does.
		for _, w := range c.Unless {
			if !strings.ContainsAny(w, "…‥") && MasksCue(w, c.Cues) {
				t.conds[i].notWithin = append(t.conds[i].notWithin, nlp.NormalizeText(w))
			}
		}
	}
	if len(t.Sources) == 0 {
		return fmt.Errorf("at least one source is required")
	}
	for i, s := range t.Sources {
		if err := s.validate(); err != nil {
			return fmt.Errorf("source %d: %w", i+1, err)
		}
	}
	return nil
}

func (c Condition) validate(inAll bool) error {
	numeric := c.Measure != "" || c.GTE != 0
	switch {
	case numeric && len(c.Cues) > 0:
		return fmt.Errorf("a condition is a measure or cues, not both")
	case len(c.Unless) > 0 && len(c.Cues) == 0:
		return fmt.Errorf("unless belongs to a condition of cues")
	case len(c.UnlessNot) > 0 && len(c.Unless) == 0:
		return fmt.Errorf("unless_not belongs to a condition with unless")
	case len(c.NotWithin) > 0 && len(c.Cues) == 0:
		return fmt.Errorf("not_within belongs to a condition of cues")
	case c.DeniedBy != "" && (len(c.Cues) == 0 || !measureByName[c.DeniedBy].Flag):
		return fmt.Errorf("denied_by belongs to a condition of cues and names a yes/no measure")
	case c.Pending && !numeric:
		return fmt.Errorf("pending belongs to a condition of a measure")
	case numeric:
		if _, ok := measureByName[c.Measure]; !ok {
			return fmt.Errorf("unknown measure %q", c.Measure)
		}
		if c.GTE <= 0 {
			return fmt.Errorf("measure %s needs gte > 0", c.Measure)
		}
	case len(c.Cues) > 0:
		for _, q := range c.Cues {
			if strings.Trim(q, " …‥") == "" {
				return fmt.Errorf("empty cue")
			}
		}
		if inAll && c.Label == "" {
			return fmt.Errorf("a qualitative condition inside all needs a label")
		}
	default:
		return fmt.Errorf("needs measure and gte, or cues")
	}
	return nil
}

func (s Source) validate() error {
	if s.InCorpus {
		if s.Ref == nil || s.Ref.Law == "" || s.Ref.Article <= 0 {
			return fmt.Errorf("a source in the corpus needs ref with law and article")
		}
		if s.Ref.Suffix < 0 || s.Ref.Paragraph < 0 || s.Ref.Item < 0 {
			return fmt.Errorf("ref %+v malformed", *s.Ref)
		}
		if strings.TrimSpace(s.Quote) == "" {
			return fmt.Errorf("a source in the corpus needs the quoted words")
		}
		return nil
	}
	if s.Ref != nil {
		return fmt.Errorf("ref is only for sources in the corpus (in_corpus: true)")
	}
	if s.Title == "" || (s.DocNo == "" && s.Date == "") {
		return fmt.Errorf("a source outside the corpus needs title and doc_no or date")
	}
	if s.Point == "" && s.Quote == "" {
		return fmt.Errorf("a source outside the corpus needs point or quote")
	}
	return nil
}

// All returns every crime in catalog order (file name, then file order).
func (c *Crimes) All() []*Crime { return c.list }

// Len returns the number of crimes.
func (c *Crimes) Len() int { return len(c.list) }

// Get returns a crime by id or an error wrapping ErrUnknownCrime.
func (c *Crimes) Get(id string) (*Crime, error) {
	cr, ok := c.byID[id]
	if !ok {
		return nil, fmt.Errorf("crime %q: %w", id, ErrUnknownCrime)
	}
	return cr, nil
}

// ForBenchmark returns the crimes linked to a benchmark id, in catalog order.
func (c *Crimes) ForBenchmark(id string) []*Crime { return c.byBenchmark[id] }

// CheckBenchmarks reports every benchmark id the transfer catalog names
// that cat does not hold, as one error wrapping ErrUnknownBenchmark and
// naming file:line; nil when all exist.
func (c *Crimes) CheckBenchmarks(cat *Catalog) error {
	var bad []string
	for _, cr := range c.list {
		ids := append(slices.Clone(cr.Benchmarks), cr.NotWith...)
		for i := range cr.Thresholds {
			ids = append(ids, cr.Thresholds[i].NotWith...)
		}
		for _, b := range ids {
			if _, err := cat.Get(b); err != nil {
				bad = append(bad, fmt.Sprintf("%s:%d: crime %s: %s", cr.file, cr.line, cr.ID, b))
			}
		}
	}
	if len(bad) > 0 {
		return fmt.Errorf("%w: %s", ErrUnknownBenchmark, strings.Join(bad, "; "))
	}
	return nil
}

// Basis returns every citation an assessment of this crime can emit: the
// 刑法 article, the in-corpus sources of its thresholds, and the transfer
// rules (TransferBasis).
func (cr *Crime) Basis() []Basis {
	out := []Basis{{Ref: cr.Ref(), Role: RoleCrime}}
	seen := map[legal.Ref]bool{cr.Ref(): true}
	for i := range cr.Thresholds {
		for _, b := range cr.Thresholds[i].basis() {
			if !seen[b.Ref] {
				seen[b.Ref] = true
				out = append(out, b)
			}
		}
	}
	return append(out, TransferBasis()...)
}

// basis returns the in-corpus sources of a threshold as citations.
func (t *Threshold) basis() []Basis {
	var out []Basis
	for _, s := range t.Sources {
		if s.InCorpus && s.Ref != nil {
			out = append(out, Basis{Ref: *s.Ref, Role: RoleThreshold})
		}
	}
	return out
}
