package rules

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/nlp"
	"gopkg.in/yaml.v3"
)

// Provision-level entries: every article (款, 项) of the core laws that
// imposes a fine, with the fine formula parsed from its words. Where no
// hand-written benchmark exists, an entry is all the analyzer knows: the
// statutory range, without discretion levels (法定幅度，尚无裁量基准).
// cmd/provgen writes rules/provisions/*.yaml from the national statutes.

//go:embed provisions/*.yaml
var builtinProvisions embed.FS

// ProvisionLabel is what an answer built from a provision-level entry says
// about itself.
const ProvisionLabel = "法定幅度，尚无裁量基准"

// Provision is one article, paragraph or item that imposes a fine.
type Provision struct {
	Article   int `yaml:"article" json:"article"`
	Suffix    int `yaml:"suffix,omitempty" json:"suffix,omitempty"`
	Paragraph int `yaml:"paragraph,omitempty" json:"paragraph,omitempty"`
	Item      int `yaml:"item,omitempty" json:"item,omitempty"`
	// Conduct is the statute's words for the conduct punished (the item, or
	// the paragraph up to its penalty), used for matching.
	Conduct string `yaml:"conduct" json:"conduct"`
	// Fine is the parsed formula; empty when Unparsed says why not.
	Fine     []FineTier `yaml:"fine,omitempty" json:"fine,omitempty"`
	Unparsed string     `yaml:"unparsed,omitempty" json:"unparsed,omitempty"`
	// Benchmarks are the catalog benchmarks whose penalty provision this is.
	Benchmarks []string `yaml:"benchmarks,omitempty" json:"benchmarks,omitempty"`

	law, version, inForceFrom, inForceTo string
	// tag is the version year a newer version's id carries where two
	// versions of the law coexist (ID).
	tag string
}

// Ref cites the provision.
func (p *Provision) Ref() legal.Ref {
	return legal.Ref{Law: p.law, Article: p.Article, Suffix: p.Suffix, Paragraph: p.Paragraph, Item: p.Item}
}

// Version is the date (YYYY-MM-DD) of the statute version the entry was read from.
func (p *Provision) Version() string { return p.version }

// InForceFrom is the first day the entry's version applied: its 施行 date,
// or the version date when the file names none.
func (p *Provision) InForceFrom() string {
	if p.inForceFrom != "" {
		return p.inForceFrom
	}
	return p.version
}

// InForceTo is the first day the entry no longer applied (a newer version
// took effect or the law was repealed); "" while it applies.
func (p *Provision) InForceTo() string { return p.inForceTo }

// AppliesOn reports whether the entry's version applied to an act on date
// (YYYY-MM-DD): within [InForceFrom, InForceTo).
func (p *Provision) AppliesOn(date string) bool {
	return p.InForceFrom() <= date && (p.inForceTo == "" || date < p.inForceTo)
}

// NewerVersion reports whether the entry is of a newer version of a law
// whose older version's entries are loaded too.
func (p *Provision) NewerVersion() bool { return p.tag != "" }

// ID is the entry's provision benchmark id (ProvisionID); where an older
// version of the law is loaded too, a newer version's id carries its year
// (prov:public-security@2025-51), so both versions' entries answer side by
// side and stored ids of the older one keep their meaning.
func (p *Provision) ID() string { return ProvisionVersionID(p.Ref(), p.tag) }

// ProvisionFile is one law's entries as stored in rules/provisions/.
type ProvisionFile struct {
	Law     string `yaml:"law"`
	Version string `yaml:"version_date"`
	// InForceFrom is the day this version took effect (the statute's 施行
	// line or commencement article), when it is not the version date.
	InForceFrom string `yaml:"in_force_from,omitempty"`
	// InForceTo is the day a newer version of the law took effect, or the
	// law was repealed (national_updates.jsonl): the entries were read from
	// the older text and apply to acts before it; a later act is matched
	// against the newer version's entries.
	InForceTo string `yaml:"in_force_to,omitempty"`
	// RepealedBy names the law that repealed this one on InForceTo.
	RepealedBy string      `yaml:"repealed_by,omitempty"`
	Provisions []Provision `yaml:"provisions"`
}

// Provisions is the loaded, validated set of provision-level entries.
type Provisions struct {
	Files []ProvisionFile
	all   []*Provision
}

// All returns every entry in file order; callers must not change them.
func (ps *Provisions) All() []*Provision { return ps.all }

// LoadBuiltinProvisions loads the entries embedded in the binary and checks
// them against cat (every named benchmark must exist).
func LoadBuiltinProvisions(cat *Catalog) (*Provisions, error) {
	sub, err := fs.Sub(builtinProvisions, "provisions")
	if err != nil {
		return nil, fmt.Errorf("load provisions: %w", err)
	}
	return LoadProvisions(sub, cat)
}

// ErrInvalidProvision is wrapped by LoadProvisions for an entry that fails validation.
var ErrInvalidProvision = errors.New("invalid provision entry")

// LoadProvisions reads every *.yaml in fsys, each a ProvisionFile, rejecting
// unknown fields, entries without conduct, without a formula and without a
// reason, formulas with no or two amounts, unknown bases and units, spans
// whose minimum exceeds the maximum, duplicates, benchmarks cat lacks (cat
// may be nil to skip that check), and two versions of a law whose in-force
// intervals overlap. Errors name the file.
func LoadProvisions(fsys fs.FS, cat *Catalog) (*Provisions, error) {
	names, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		return nil, fmt.Errorf("load provisions: %w", err)
	}
	sort.Strings(names)
	ps := &Provisions{}
	for _, name := range names {
		raw, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("load provisions: %w", err)
		}
		var f ProvisionFile
		dec := yaml.NewDecoder(bytes.NewReader(raw))
		dec.KnownFields(true)
		if err := dec.Decode(&f); err != nil {
			return nil, fmt.Errorf("load provisions: %s: %w", name, err)
		}
		if err := f.validate(cat); err != nil {
			return nil, fmt.Errorf("load provisions: %s: %w", name, err)
		}
		ps.Files = append(ps.Files, f)
	}
	tags, err := versionTags(ps.Files)
	if err != nil {
		return nil, fmt.Errorf("load provisions: %w", err)
	}
	for i := range ps.Files {
		f := &ps.Files[i]
		for j := range f.Provisions {
			p := &f.Provisions[j]
			p.law, p.version, p.inForceFrom, p.inForceTo, p.tag = f.Law, f.Version, f.InForceFrom, f.InForceTo, tags[i]
			ps.all = append(ps.all, p)
		}
	}
	return ps, nil
}

// versionTags checks that the versions of each law follow one another (one
// ends no later than the next begins) and returns each file's id tag: ""
// for a law's oldest version, the version year for the newer ones.
func versionTags(files []ProvisionFile) ([]string, error) {
	byLaw := map[string][]int{}
	for i, f := range files {
		byLaw[f.Law] = append(byLaw[f.Law], i)
	}
	tags := make([]string, len(files))
	for law, is := range byLaw {
		sort.Slice(is, func(a, b int) bool { return files[is[a]].Version < files[is[b]].Version })
		for k := 1; k < len(is); k++ {
			prev, f := files[is[k-1]], files[is[k]]
			from := f.InForceFrom
			if from == "" {
				from = f.Version
			}
			if f.Version == prev.Version || prev.InForceTo == "" || prev.InForceTo > from {
				return nil, fmt.Errorf("%w: %s: version %s overlaps version %s", ErrInvalidProvision, law, f.Version, prev.Version)
			}
			tags[is[k]] = f.Version[:4]
		}
	}
	return tags, nil
}

func (f *ProvisionFile) validate(cat *Catalog) error {
	if f.Law == "" {
		return fmt.Errorf("%w: no law", ErrInvalidProvision)
	}
	if _, err := time.Parse(time.DateOnly, f.Version); err != nil {
		return fmt.Errorf("%w: version_date %q", ErrInvalidProvision, f.Version)
	}
	if to, err := time.Parse(time.DateOnly, f.InForceTo); f.InForceTo != "" && (err != nil || f.InForceTo <= f.Version || to.IsZero()) {
		return fmt.Errorf("%w: in_force_to %q must be YYYY-MM-DD after version_date", ErrInvalidProvision, f.InForceTo)
	}
	if _, err := time.Parse(time.DateOnly, f.InForceFrom); f.InForceFrom != "" && (err != nil || f.InForceFrom < f.Version ||
		f.InForceTo != "" && f.InForceFrom >= f.InForceTo) {
		return fmt.Errorf("%w: in_force_from %q must be YYYY-MM-DD from version_date and before in_force_to", ErrInvalidProvision, f.InForceFrom)
	}
	if f.RepealedBy != "" && f.InForceTo == "" {
		return fmt.Errorf("%w: repealed_by %s without in_force_to", ErrInvalidProvision, f.RepealedBy)
	}
	seen := map[legal.Ref]bool{}
	for i := range f.Provisions {
		p := &f.Provisions[i]
		p.law = f.Law
		r := p.Ref()
		where := r.Law + refPoint(r)
		if p.Article <= 0 || p.Paragraph < 0 || p.Item < 0 || p.Suffix < 0 {
			return fmt.Errorf("%w: %s: bad article, paragraph or item", ErrInvalidProvision, where)
		}
		if seen[r] {
			return fmt.Errorf("%w: %s twice", ErrInvalidProvision, where)
		}
		seen[r] = true
		if strings.TrimSpace(p.Conduct) == "" {
			return fmt.Errorf("%w: %s: no conduct", ErrInvalidProvision, where)
		}
		if (len(p.Fine) == 0) == (p.Unparsed == "") {
			return fmt.Errorf("%w: %s: exactly one of fine and unparsed", ErrInvalidProvision, where)
		}
		for k, t := range p.Fine {
			if err := t.validate(); err != nil {
				return fmt.Errorf("%w: %s: fine %d: %w", ErrInvalidProvision, where, k+1, err)
			}
		}
		if cat != nil {
			for _, id := range p.Benchmarks {
				if _, err := cat.Get(id); err != nil {
					return fmt.Errorf("%w: %s: benchmark %s: %w", ErrInvalidProvision, where, id, err)
				}
			}
		}
	}
	return nil
}

func (t FineTier) validate() error {
	n := 0
	if t.NoAmount {
		n++
	}
	for _, s := range []*Span{t.Range, t.Multiple, t.PerUnit} {
		if s != nil {
			n++
			if s.Min < 0 || s.Max <= 0 || s.Min > s.Max {
				return fmt.Errorf("span %v–%v", s.Min, s.Max)
			}
		}
	}
	if n != 1 {
		return fmt.Errorf("%d of range, multiple, per_unit, no_amount (want 1)", n)
	}
	if (t.Multiple != nil || t.LT != nil || t.GTE != nil || t.None) && ProvisionBaseLabel(t.Base) == "" {
		return fmt.Errorf("unknown base %q", t.Base)
	}
	if t.PerUnit != nil && unitLabel(t.Unit) == "" {
		return fmt.Errorf("unknown unit %q", t.Unit)
	}
	return nil
}

// unitLabels name the per-unit counts of provision fines.
var unitLabels = map[string]string{"persons": "人", "vehicles": "辆", "days": "日", "tonnes": "吨", "times": "次", "units": "台", "items": "件", "square_metres": "平方米", "cubic_metres": "立方米"}

func unitLabel(u string) string { return unitLabels[u] }

// Describe writes the tier as an officer reads it: "货值金额不足一万元的：
// 5万元以上10万元以下罚款".
func (t FineTier) Describe() string {
	if t.When == "" {
		return t.Formula()
	}
	return t.When + "：" + t.Formula()
}

// Formula writes the fine without its condition: "五万元以上十万元以下罚款",
// "货值金额十倍以上二十倍以下罚款", "每人1000元以上5000元以下罚款".
func (t FineTier) Formula() string {
	var b strings.Builder
	switch {
	case t.NoAmount:
		b.WriteString("数额未规定的")
	case t.Range != nil:
		b.WriteString(spanYuan(*t.Range))
	case t.Multiple != nil:
		b.WriteString(ProvisionBaseLabel(t.Base))
		b.WriteString(spanTimes(*t.Multiple))
	case t.PerUnit != nil:
		b.WriteString("每")
		b.WriteString(unitLabel(t.Unit))
		b.WriteString(spanYuan(*t.PerUnit))
	}
	b.WriteString("罚款")
	return b.String()
}

// FineFor computes the tier's range in yuan for a known base amount (or
// unit count); ok is false when the tier needs a base that is not given or
// its bracket excludes the amount.
func (t FineTier) FineFor(base float64, known bool) (Span, bool) {
	if t.NoAmount {
		return Span{}, false
	}
	if t.Range != nil && t.Base == "" {
		return *t.Range, true
	}
	if !known {
		return Span{}, false
	}
	// 没有违法所得或者违法所得不足一万元的: None widens LT to zero.
	if t.LT != nil && !(base < *t.LT) || t.GTE != nil && !(base >= *t.GTE) || t.None && t.LT == nil && base > 0 {
		return Span{}, false
	}
	switch {
	case t.Range != nil:
		return *t.Range, true
	case t.Multiple != nil:
		return Span{Min: t.Multiple.Min * base, Max: t.Multiple.Max * base}, true
	case t.PerUnit != nil:
		return Span{Min: t.PerUnit.Min * base, Max: t.PerUnit.Max * base}, true
	}
	return Span{}, false
}

func spanYuan(s Span) string {
	switch {
	case s.Min == 0:
		return yuan(s.Max) + "以下"
	case s.Min == s.Max:
		return yuan(s.Min)
	}
	return yuan(s.Min) + "以上" + yuan(s.Max) + "以下"
}

func spanTimes(s Span) string {
	switch {
	case s.Min == 0:
		return times(s.Max) + "以下"
	case s.Min == s.Max:
		return times(s.Min)
	}
	return times(s.Min) + "以上" + times(s.Max) + "以下"
}

func times(v float64) string {
	if v < 1 || v != float64(int64(v)) {
		return fmt.Sprintf("百分之%s", trimFloat(v*100))
	}
	return trimFloat(v) + "倍"
}

func yuan(v float64) string {
	if v >= 10000 && v == float64(int64(v/10000))*10000 {
		return trimFloat(v/10000) + "万元"
	}
	return trimFloat(v) + "元"
}

func trimFloat(v float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", v), "0"), ".")
}

// StatuteParagraph is one 款 of a statute article as the generator and the
// verification test read it: the paragraph's text (items included, one per
// line) and its items.
type StatuteParagraph struct {
	Text  string
	Items []string
}

// ProvisionsOf derives the entries of one article: one per paragraph whose
// text names 罚款, or, when the paragraph lists items under a lead that
// holds the fine, one per item. Benchmarks are left empty. The formula comes
// from ParseFineText over the lead (or the whole paragraph); a parse failure
// becomes Unparsed with its reason.
func ProvisionsOf(article, suffix int, paras []StatuteParagraph) []Provision {
	var out []Provision
	parsed := make([][]FineTier, len(paras))
	// reference is an entry whose fine is that of a later paragraph.
	type reference struct{ entry, to int }
	var pending []reference
	for i, p := range paras {
		text := nlp.CleanStatute(p.Text)
		if !ImposesFine(text) {
			continue
		}
		para := i + 1
		if len(paras) == 1 {
			para = 0
		}
		lead := text
		if len(p.Items) > 0 {
			lead, _, _ = strings.Cut(text, "\n")
		}
		base := Provision{Article: article, Suffix: suffix, Paragraph: para}
		fine, err := ParseFineText(lead)
		if len(p.Items) > 0 && ImposesFine(lead) {
			parsed[i] = fine
			for k, item := range p.Items {
				e := base
				e.Item = k + 1
				e.Conduct = itemConduct(item)
				if errors.Is(err, errNoAmount) {
					// 依照下列规定处以罚款: each item states its own fine.
					if own, ierr := ParseFineText(item); ierr == nil && len(own) > 0 {
						setFine(&e, own, nil)
						out = append(out, e)
						continue
					}
				}
				setFine(&e, fine, err)
				out = append(out, e)
			}
			continue
		}
		if len(p.Items) > 0 {
			// The fines sit in the items (or after them): parse the whole paragraph.
			fine, err = ParseFineText(text)
		}
		if err != nil {
			// 依照前款规定处以罚款: the fine of the paragraph referred to.
			if m := reSameArticle.FindStringSubmatch(text); m != nil {
				to := i - 1
				if m[1] != "前款" {
					n, perr := nlp.ParseChineseInt(strings.TrimSuffix(strings.TrimPrefix(m[1], "本条第"), "款"))
					if perr == nil {
						to = int(n) - 1
					}
				}
				if to >= 0 && to < i && len(parsed[to]) > 0 {
					fine, err = parsed[to], nil
				} else if to > i && to < len(paras) {
					pending = append(pending, reference{entry: len(out), to: to})
				}
			}
		}
		parsed[i] = fine
		base.Conduct = paragraphConduct(lead)
		setFine(&base, fine, err)
		out = append(out, base)
	}
	for _, r := range pending {
		if len(parsed[r.to]) > 0 {
			out[r.entry].Fine, out[r.entry].Unparsed = parsed[r.to], ""
		}
	}
	// 处以罚款 in a lead whose amounts follow in a later paragraph by item
	// (有前款第一项、第二项行为的，处…): each item takes the tiers naming it.
	for k := range out {
		e := &out[k]
		if e.Unparsed != errNoAmount.Error() || e.Item == 0 {
			continue
		}
		mark := "第" + nlp.FormatChineseInt(int64(e.Item)) + "项"
		for j := e.Paragraph; j < len(paras); j++ {
			var got []FineTier
			for _, t := range parsed[j] {
				if nlp.Contains(t.When, "前款") && (nlp.Contains(t.When, mark) || !nlp.Contains(t.When, "项")) {
					got = append(got, t)
				}
			}
			if len(got) > 0 {
				e.Fine, e.Unparsed = got, ""
				break
			}
		}
	}
	return out
}

func setFine(p *Provision, fine []FineTier, err error) {
	switch {
	case err != nil:
		p.Unparsed = strings.TrimPrefix(err.Error(), ErrUnparsedFine.Error()+": ")
	case len(fine) == 0:
		p.Unparsed = errNoAmount.Error()
	default:
		p.Fine = fine
	}
}

// itemConduct is an item's words without its marker and final punctuation.
func itemConduct(item string) string {
	s := strings.TrimSpace(nlp.CleanStatute(item))
	if strings.HasPrefix(s, "（") || strings.HasPrefix(s, "(") {
		if i := strings.IndexAny(s, "）)"); i >= 0 {
			s = s[i+utf8.RuneLen([]rune(s[i:])[0]):]
		}
	}
	return clip(strings.TrimRight(s, "；。，;.,"), 120)
}

// paragraphConduct is the part of a paragraph before its penalty: the words
// up to "，由" or "的，处/给予/责令", without the common "违反本法规定，".
func paragraphConduct(s string) string {
	s = strings.TrimSpace(s)
	end := len(s)
	for _, stop := range []string{"，由", "的，处", "的，给予", "的，责令", "的，没收", "的，可以", "的，依照", "的，对", "的，予以"} {
		if i := nlp.Index(s, stop); i >= 0 && i < end {
			end = i
		}
	}
	s = s[:end]
	for _, p := range []string{"违反本法规定，", "违反本条例规定，", "违反本法第", "违反本条例第"} {
		if strings.HasPrefix(s, p) && strings.HasSuffix(p, "，") {
			s = strings.TrimPrefix(s, p)
		}
	}
	return clip(strings.TrimRight(s, "的，；。"), 120)
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n])
	}
	return s
}
