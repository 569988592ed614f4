package documents

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/template"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/cailiang/cailiang/nlp"
)

//go:embed templates/*.yaml
var builtin embed.FS

// Config configures a Generator.
type Config struct {
	// TemplateDir holds an agency's own templates (KIND.yaml) and
	// profiles.yaml; a file there replaces the built-in one of the same
	// name. Empty: built-ins only.
	TemplateDir string
	// FontPaths are the TrueType fonts tried, in order, for PDF; empty
	// means DefaultFontPaths.
	FontPaths []string
}

// DefaultFontPaths are Debian's CJK TrueType fonts that Go PDF libraries
// can embed (.ttc collections cannot be).
var DefaultFontPaths = []string{
	"/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf",
	"/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf",
	"/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf",
}

// Generator renders documents from templates. It is safe for concurrent
// use; templates are read once, by New.
type Generator struct {
	cfg       Config
	templates map[Kind]*docTemplate
	profiles  profiles
	agencies  map[string]Agency
}

// Paragraph styles a template block may use.
const (
	StyleAgency    = "agency"    // 机关名称, centred, 小标宋
	StyleTitle     = "title"     // 文书名称, centred, 小标宋 二号
	StyleNumber    = "number"    // 文号, right
	StyleBody      = "body"      // 正文, 仿宋 三号, first line indented two characters
	StyleHeading   = "heading"   // 一级标题 in the body (一、…), bold
	StyleQuote     = "quote"     // quoted article text
	StyleField     = "field"     // form line (label：value), no indent
	StyleSignature = "signature" // 机关署名, right
	StyleDate      = "date"      // 成文日期, right
	StyleNote      = "note"      // remarks, smaller
	StyleDraft     = "draft"     // 草稿 mark
)

var styles = map[string]bool{StyleAgency: true, StyleTitle: true, StyleNumber: true, StyleBody: true, StyleHeading: true,
	StyleQuote: true, StyleField: true, StyleSignature: true, StyleDate: true, StyleNote: true, StyleDraft: true, StyleCell: true}

// docTemplate is a parsed KIND.yaml.
type docTemplate struct {
	Title  string
	blocks []block
}

type block struct {
	style string
	tmpl  *template.Template
}

// templateFile is the YAML form of a template: a title and blocks, each
// a paragraph style and a text/template over the document data. A block
// rendering to blank is left out; a block rendering several lines gives
// one paragraph per line.
type templateFile struct {
	Title  string `yaml:"title"`
	Blocks []struct {
		Style string `yaml:"style"`
		// Join makes the block's source lines one paragraph, joined without
		// spaces as Chinese text is (YAML's folding would insert them).
		Join bool   `yaml:"join"`
		Text string `yaml:"text"`
	} `yaml:"blocks"`
}

// New reads every template and the profiles, built in or from
// cfg.TemplateDir. It returns an error wrapping ErrTemplate naming the
// file that cannot be read or parsed.
func New(cfg Config) (*Generator, error) {
	if len(cfg.FontPaths) == 0 {
		cfg.FontPaths = DefaultFontPaths
	}
	g := &Generator{cfg: cfg, templates: map[Kind]*docTemplate{}}
	raw, err := g.read("profiles.yaml")
	if err != nil {
		return nil, err
	}
	if g.profiles, err = parseProfiles(raw); err != nil {
		return nil, err
	}
	if g.agencies, err = readAgencies(cfg.TemplateDir); err != nil {
		return nil, err
	}
	for _, k := range Kinds {
		raw, err := g.read(string(k) + ".yaml")
		if err != nil {
			return nil, err
		}
		t, err := parseTemplate(string(k), raw)
		if err != nil {
			return nil, err
		}
		g.templates[k] = t
	}
	return g, nil
}

// read returns the agency's file when the template directory has it,
// else the built-in one.
func (g *Generator) read(name string) ([]byte, error) {
	if g.cfg.TemplateDir != "" {
		raw, err := os.ReadFile(filepath.Join(g.cfg.TemplateDir, name))
		if err == nil {
			return raw, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%w: %v", ErrTemplate, err)
		}
	}
	raw, err := builtin.ReadFile("templates/" + name)
	if err != nil {
		return nil, fmt.Errorf("%w: built-in %s: %v", ErrTemplate, name, err)
	}
	return raw, nil
}

func parseTemplate(name string, raw []byte) (*docTemplate, error) {
	var f templateFile
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("%w: %s.yaml: %v", ErrTemplate, name, err)
	}
	if strings.TrimSpace(f.Title) == "" || len(f.Blocks) == 0 {
		return nil, fmt.Errorf("%w: %s.yaml needs a title and blocks", ErrTemplate, name)
	}
	t := &docTemplate{Title: f.Title}
	for i, b := range f.Blocks {
		if !styles[b.Style] {
			return nil, fmt.Errorf("%w: %s.yaml block %d: unknown style %q", ErrTemplate, name, i+1, b.Style)
		}
		text := b.Text
		if b.Join {
			text = strings.ReplaceAll(text, "\n", "")
		}
		tt, err := template.New(fmt.Sprintf("%s#%d", name, i+1)).Funcs(funcs).Option("missingkey=error").Parse(text)
		if err != nil {
			return nil, fmt.Errorf("%w: %s.yaml block %d: %v", ErrTemplate, name, i+1, err)
		}
		t.blocks = append(t.blocks, block{style: b.Style, tmpl: tt})
	}
	return t, nil
}

// Missing is how a template marks an element the input lacks: the text
// 【未填写：住所】 stays visible in a draft, and Check reports it.
const missingMark = "【未填写："

var funcs = template.FuncMap{
	// need returns v, or the missing mark naming the element.
	"need": func(v any, name string) string {
		s := fmt.Sprint(v)
		if f, ok := v.(float64); ok {
			if f == 0 {
				return missingMark + name + "】"
			}
			return s
		}
		if strings.TrimSpace(s) == "" {
			return missingMark + name + "】"
		}
		return s
	},
	"money": money,
	"yuan":  yuan,
	"upper": upper,
	"cn":    func(n int) string { return nlp.FormatChineseInt(int64(n)) },
	"cdate": chineseDate,
	// labels joins provisions as 《A》第X条、《B》第Y条.
	"labels": func(ps []Provision) string {
		out := make([]string, len(ps))
		for i, p := range ps {
			out[i] = p.Label()
		}
		return strings.Join(out, "、")
	},
	// ordinal writes （一）, （二）… for list items.
	"ordinal": func(i int) string { return "（" + nlp.FormatChineseInt(int64(i+1)) + "）" },
	"add":     func(a, b int) int { return a + b },
	// lines splits a multi-line field into its lines.
	"lines": lines,
}

// chineseDate writes 2026-08-15 as 2026年8月15日; anything else unchanged.
func chineseDate(d string) string {
	t, err := time.Parse(time.DateOnly, d)
	if err != nil {
		return d
	}
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

// Document is a rendered document: its paragraphs in order.
type Document struct {
	Kind  Kind   `json:"kind"`
	Title string `json:"title"`
	// Draft is set for documents from a bare analysis.
	Draft      bool        `json:"draft,omitempty"`
	Paragraphs []Paragraph `json:"paragraphs"`
}

// Paragraph is one paragraph of a document.
type Paragraph struct {
	Style string `json:"style"`
	Text  string `json:"text"`
}

// Text is the document's text, one paragraph a line: what the golden
// files hold and what checks read.
func (d Document) Text() string {
	var b strings.Builder
	for _, p := range d.Paragraphs {
		b.WriteString(p.Text)
		b.WriteByte('\n')
	}
	return b.String()
}

// View is the data a template sees: the input, the sector's profile and
// what follows from them.
type View struct {
	Input
	P Profile
	// HearingRight is whether the party has the right to a hearing.
	HearingRight bool
	// Title is the template's title.
	Title string
}

// Profile returns the profile of a sector (the default for an unknown one).
func (g *Generator) Profile(sector string) Profile { return g.profiles.profile(sector) }

// Render validates the input and renders the kind's template over it. It
// returns an *InputError for invalid input or an unknown kind, and an
// error wrapping ErrTemplate when an (agency's) template fails to execute.
func (g *Generator) Render(kind Kind, in Input) (Document, error) {
	t, ok := g.templates[kind]
	if !ok {
		_, err := ParseKind(string(kind))
		return Document{}, err
	}
	if err := in.Validate(); err != nil {
		return Document{}, err
	}
	p := g.profiles.profile(in.Sector)
	v := View{Input: in, P: p, HearingRight: p.HearingRight(in), Title: t.Title}
	doc := Document{Kind: kind, Title: t.Title, Draft: in.Draft}
	if in.Draft {
		doc.Paragraphs = append(doc.Paragraphs, Paragraph{Style: StyleDraft, Text: "草稿（由案情分析生成，未经审核签发，不得作为执法文书送达）"})
	}
	var buf bytes.Buffer
	for _, b := range t.blocks {
		buf.Reset()
		if err := b.tmpl.Execute(&buf, v); err != nil {
			return Document{}, fmt.Errorf("%w: %v", ErrTemplate, err)
		}
		for _, l := range lines(buf.String()) {
			doc.Paragraphs = append(doc.Paragraphs, Paragraph{Style: b.style, Text: l})
		}
	}
	return doc, nil
}
