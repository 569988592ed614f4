// Package exchange is the file format in which agencies share their
// decisions (issue 16, data sharing): JSONL or CSV, one record per line,
// every record carrying the format's name and version, checked on the way
// in against the JSON Schema shipped here (schema/record-v1.schema.json,
// described in docs/exchange.md). The records themselves are
// casework.SharedRecord: casework decides what leaves an agency
// (ExportShared) and stores what comes in (ImportShared); this package only
// writes and reads files, and rejects a bad file with the line of each bad
// record before anything is stored.
package exchange

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/jsoninput"
)

// Name is the value of every record's "format" field.
const Name = "cailiang-exchange"

// Version is the version of the format this package writes and the only one
// it reads. A file of another version is rejected, never guessed at: when
// a version 2 comes, reading version 1 stays here as a deliberate upgrade.
const Version = 1

// Formats are the file formats: JSON Lines and CSV with a header row.
const (
	JSONL = "jsonl"
	CSV   = "csv"
)

// ErrFormat is wrapped by Write and Read for an unknown file format.
var ErrFormat = errors.New("unknown exchange file format")

//go:embed schema/record-v1.schema.json
var schemaV1 []byte

// Schema returns the JSON Schema (2020-12) of a version 1 record, as
// shipped: what docs/exchange.md describes and GET /openapi.json includes.
func Schema() []byte { return slices.Clone(schemaV1) }

var (
	schemaOnce sync.Once
	schema     *jsonschema.Schema
	schemaErr  error
)

// compiled returns the schema, compiled once (compiling it is far dearer
// than validating a record); an error only if the shipped file is broken
// (a test keeps it from being).
func compiled() (*jsonschema.Schema, error) {
	schemaOnce.Do(func() {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaV1))
		if err != nil {
			schemaErr = fmt.Errorf("exchange schema: %w", err)
			return
		}
		c := jsonschema.NewCompiler()
		c.AssertFormat() // date-time is checked, not only described
		const url = "https://cailiang.example/schema/exchange/record-v1.schema.json"
		if err := c.AddResource(url, doc); err != nil {
			schemaErr = fmt.Errorf("exchange schema: %w", err)
			return
		}
		if schema, err = c.Compile(url); err != nil {
			schemaErr = fmt.Errorf("exchange schema: %w", err)
		}
	})
	return schema, schemaErr
}

// LineError is one bad record: its line (JSONL: the line; CSV: the line the
// record starts on, the header being line 1), the field at fault when
// known, and a message in Chinese for whoever sent the file.
type LineError struct {
	Line    int    `json:"line"`
	Field   string `json:"field,omitempty"`
	Message string `json:"message"`
}

func (e LineError) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("第 %d 行：%s：%s", e.Line, e.Field, e.Message)
	}
	return fmt.Sprintf("第 %d 行：%s", e.Line, e.Message)
}

// Errors are the bad records of a file, in line order (at most
// maxErrors: a file that bad is named by its first ones).
type Errors []LineError

const maxErrors = 50

func (es Errors) Error() string {
	if len(es) == 1 {
		return es[0].Error()
	}
	return fmt.Sprintf("%s（共 %d 处错误）", es[0].Error(), len(es))
}

// wire turns a record into the map written to a file: the stored record
// without the importer's stamps, with the format's name and version.
func wire(r casework.SharedRecord) (map[string]any, error) {
	b, err := json.Marshal(r)
	if err != nil {
		return nil, fmt.Errorf("encode record %s: %w", r.Key, err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("encode record %s: %w", r.Key, err)
	}
	for _, k := range []string{"imported", "imported_by", "imported_agency"} {
		delete(m, k)
	}
	m["format"], m["version"] = Name, float64(Version)
	return m, nil
}

// record checks one record as read (a JSON object decoded into m) and
// returns it: the version first (so that a record of another version is
// named as such, not as a list of schema violations), then the schema, then
// what a schema cannot say (the key is source_agency/case_id, the digest
// matches the content).
func record(line int, m map[string]any) (casework.SharedRecord, *LineError) {
	bad := func(field, msg string) (casework.SharedRecord, *LineError) {
		return casework.SharedRecord{}, &LineError{Line: line, Field: field, Message: msg}
	}
	if f, ok := m["format"]; !ok || f != Name {
		return bad("format", fmt.Sprintf("应为 %q（不是裁量交换文件）", Name))
	}
	switch v := m["version"].(type) {
	case float64:
		if v != Version {
			return bad("version", fmt.Sprintf("交换格式第 %v 版不受支持：本系统读写第 %d 版", v, Version))
		}
	case nil:
		return bad("version", "缺少交换格式版本")
	default:
		return bad("version", "版本应为整数")
	}
	s, err := compiled()
	if err != nil {
		return bad("", err.Error())
	}
	if err := s.Validate(m); err != nil {
		field, msg := explainSchema(err)
		return bad(field, msg)
	}
	rest := make(map[string]any, len(m))
	for k, v := range m {
		if k != "format" && k != "version" {
			rest[k] = v
		}
	}
	raw, err := json.Marshal(rest)
	if err != nil {
		return bad("", "无法读取记录")
	}
	var r casework.SharedRecord
	if err := jsoninput.DecodeStrict(raw, &r); err != nil {
		e := jsoninput.Explain(err)
		return bad(e.Field, e.Message)
	}
	if r.Key != r.SourceAgency+"/"+r.CaseID {
		return bad("key", "应为 source_agency/case_id")
	}
	if r.Digest != r.ContentDigest() {
		return bad("digest", "与记录内容不符：记录在导出后被改动过")
	}
	if err := r.Validate(); err != nil {
		return bad("", "记录不符合要求："+err.Error())
	}
	return r, nil
}

// explainSchema names the field a schema violation is about and words it
// for people: the property path, what was wrong in Chinese for the common
// cases, else the validator's own reason.
func explainSchema(err error) (field, msg string) {
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return "", "不符合交换格式第 1 版：" + err.Error()
	}
	for len(ve.Causes) > 0 { // the first innermost violation
		ve = ve.Causes[0]
	}
	field = strings.Join(ve.InstanceLocation, ".")
	join := func(name string) string {
		if field == "" {
			return name
		}
		return field + "." + name
	}
	switch k := ve.ErrorKind.(type) {
	case *kind.AdditionalProperties:
		return join(strings.Join(k.Properties, ",")), "未知字段（交换格式第 1 版没有此字段）"
	case *kind.Required:
		return join(strings.Join(k.Missing, ",")), "缺少必需的字段"
	case *kind.Type:
		return field, fmt.Sprintf("类型应为 %s，实为 %s", strings.Join(k.Want, " 或 "), k.Got)
	case *kind.Enum:
		return field, fmt.Sprintf("不是可接受的值（%v）", k.Got)
	case *kind.Not:
		// The schema's one "not": a natural person with a name or ID number.
		return join("party_name"), "自然人当事人的姓名与身份号码不得交换"
	}
	return field, "不符合交换格式第 1 版：" + ve.ErrorKind.LocalizedString(english)
}

// english words the validator's reasons that have no Chinese here.
var english = message.NewPrinter(language.English)
