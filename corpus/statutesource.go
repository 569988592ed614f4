package corpus

import (
	"bufio"
	"bytes"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"
	"time"
)

// lawrefRecord is one line of the lawrefbook JSONL export.
type lawrefRecord struct {
	ID          string  `json:"id"`
	Law         string  `json:"law"`
	Title       string  `json:"title"`
	Category    string  `json:"category"`
	Path        string  `json:"path"`
	VersionDate *string `json:"version_date"`
	IsLatest    bool    `json:"is_latest"`
	// InForceFrom is optional: the day the version took effect, for
	// sources that know it better than the text says.
	InForceFrom *string `json:"in_force_from"`
	Text        string  `json:"text"`
}

// ReadLawrefJSONL reads the lawrefbook JSONL export (national.jsonl,
// local.jsonl), parses each document with ParseStatuteMarkdown and calls fn
// with it, in file order. InForce is the record's is_latest; an optional
// in_force_from field overrides the day the text says the version took
// effect (Statute.InForceFrom); Region is set for
// local regulations (category DLC/<省>地方法规). Blank lines are skipped.
//
// Errors name the line number. A line that is not JSON, lacks id or law, or
// has a version_date that is not YYYY-MM-DD gives an error wrapping
// ErrInvalid; read errors from r are wrapped as they are; an error returned by
// fn stops the read and is returned wrapped with the line number.
func ReadLawrefJSONL(r io.Reader, fn func(Statute) error) error {
	br := bufio.NewReaderSize(r, 1<<20)
	for lineNo := 1; ; lineNo++ {
		// ReadBytes has no line-length limit, unlike bufio.Scanner's
		// default 64 KiB token, and documents here run to megabytes.
		line, err := br.ReadBytes('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return fmt.Errorf("lawref line %d: %w", lineNo, err)
		}
		if trimmed := bytes.TrimSpace(line); len(trimmed) > 0 {
			if perr := parseLawrefLine(trimmed, lineNo, fn); perr != nil {
				return perr
			}
		}
		if err != nil { // io.EOF
			return nil
		}
	}
}

func parseLawrefLine(line []byte, lineNo int, fn func(Statute) error) error {
	var rec lawrefRecord
	if err := json.Unmarshal(line, &rec); err != nil {
		return fmt.Errorf("lawref line %d: %w: %w", lineNo, ErrInvalid, err)
	}
	if rec.ID == "" || rec.Law == "" {
		return fmt.Errorf("lawref line %d: %w: missing id or law", lineNo, ErrInvalid)
	}
	date := ""
	if rec.VersionDate != nil {
		date = *rec.VersionDate
		if _, err := time.Parse(time.DateOnly, date); err != nil {
			return fmt.Errorf("lawref line %d (%s): %w: version_date %q", lineNo, rec.ID, ErrInvalid, date)
		}
	}
	from := ""
	if rec.InForceFrom != nil {
		from = *rec.InForceFrom
		if _, err := time.Parse(time.DateOnly, from); err != nil {
			return fmt.Errorf("lawref line %d (%s): %w: in_force_from %q", lineNo, rec.ID, ErrInvalid, from)
		}
	}
	st, err := ParseStatuteMarkdown(StatuteMeta{
		InForceFrom: from,
		ID:          rec.ID,
		Law:         rec.Law,
		Title:       rec.Title,
		Category:    rec.Category,
		Source:      rec.Path,
		VersionDate: date,
		InForce:     rec.IsLatest,
	}, rec.Text)
	if err != nil {
		return fmt.Errorf("lawref line %d: %w", lineNo, err)
	}
	if err := fn(st); err != nil {
		return fmt.Errorf("lawref line %d (%s): %w", lineNo, rec.ID, err)
	}
	return nil
}

// statuteFile is a statute file found by ReadStatuteDir.
type statuteFile struct {
	rel, category, law, date string
}

// ReadStatuteDir reads every .md file under dir as a statute and calls fn
// with each, in lexical path order. A file is named like
// 食品安全法(2021-04-29).md: the law name and an optional (YYYY-MM-DD) version
// date. Category is the file's parent folder relative to dir ("" for files
// directly in dir), so a LawRefBook checkout gives 部门规章/公安部 where the
// JSONL export says 部门规章. ID is "md-" plus the first 12 hex digits of the
// SHA-1 of the slash-separated relative path (the same digits as the
// lawrefbook lrb- id of that path). Within one (category, law) the versions
// with the latest date are in force; undated versions are in force only when
// the group has no dated version. Hidden entries (.git), Hugo stubs (_index.md)
// and README.md are skipped.
//
// It returns the error of walking or reading dir, a parse error naming the
// file, or fn's error wrapped with the file's path, and stops at the first.
func ReadStatuteDir(dir string, fn func(Statute) error) error {
	fsys := os.DirFS(dir)
	var files []statuteFile
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("walk %s: %w", p, err)
		}
		name := d.Name()
		if p != "." && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !strings.HasSuffix(name, ".md") || strings.EqualFold(name, "README.md") {
			return nil
		}
		law, date := splitFileName(strings.TrimSuffix(name, ".md"))
		cat := path.Dir(p)
		if cat == "." {
			cat = ""
		}
		files = append(files, statuteFile{rel: p, category: cat, law: law, date: date})
		return nil
	})
	if err != nil {
		return fmt.Errorf("read statute dir %s: %w", dir, err)
	}

	// Latest date per (category, law); "" when the group has no dated file.
	type group struct{ category, law string }
	latest := map[group]string{}
	for _, f := range files {
		g := group{f.category, f.law}
		if f.date > latest[g] {
			latest[g] = f.date
		}
	}
	for _, f := range files {
		data, err := fs.ReadFile(fsys, f.rel)
		if err != nil {
			return fmt.Errorf("read statute %s: %w", f.rel, err)
		}
		sum := sha1.Sum([]byte(f.rel))
		st, err := ParseStatuteMarkdown(StatuteMeta{
			ID:          "md-" + hex.EncodeToString(sum[:])[:12],
			Law:         f.law,
			Category:    f.category,
			Source:      f.rel,
			VersionDate: f.date,
			InForce:     f.date == latest[group{f.category, f.law}],
		}, string(data))
		if err != nil {
			return fmt.Errorf("read statute dir %s: %w", dir, err)
		}
		if err := fn(st); err != nil {
			return fmt.Errorf("statute %s: %w", f.rel, err)
		}
	}
	return nil
}

// splitFileName splits 食品安全法(2021-04-29) into the law name and the date;
// a name without a valid trailing (YYYY-MM-DD) is all law name.
func splitFileName(stem string) (law, date string) {
	open := strings.LastIndexByte(stem, '(')
	if open < 0 || !strings.HasSuffix(stem, ")") {
		return stem, ""
	}
	d := stem[open+1 : len(stem)-1]
	if len(d) != len(time.DateOnly) {
		return stem, ""
	}
	if _, err := time.Parse(time.DateOnly, d); err != nil {
		return stem, ""
	}
	return strings.TrimSpace(stem[:open]), d
}
