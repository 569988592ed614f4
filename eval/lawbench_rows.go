package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// lawBenchRow is one LawBench row as the shared data folder stores it: the
// input with its short label (文书:, 事实:, 句子:) stripped and CAIL2018's
// \r\n read as \n, and the gold answer string.
type lawBenchRow struct {
	id       string
	question string
	answer   string
}

// readLawBenchRows reads a LawBench task file from the data folder. Rows
// that are not JSON or have an empty question are errors wrapping ErrBadRow,
// so a damaged file is noticed; task-specific answer checks are left to the
// caller.
func readLawBenchRows(dataDir, rel string) ([]lawBenchRow, error) {
	if dataDir == "" {
		return nil, fmt.Errorf("no shared data folder for %s", rel)
	}
	f, err := os.Open(filepath.Join(dataDir, rel))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", rel, err)
	}
	defer f.Close()
	var rows []lawBenchRow
	br := bufio.NewReaderSize(f, 1<<16)
	for n := 1; ; n++ {
		line, rerr := br.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			var raw struct {
				ID       string `json:"id"`
				Question string `json:"question"`
				Answer   string `json:"answer"`
			}
			if err := json.Unmarshal(line, &raw); err != nil {
				return nil, fmt.Errorf("%s line %d: %v: %w", rel, n, err, ErrBadRow)
			}
			q := strings.TrimSpace(strings.ReplaceAll(stripLabel(raw.Question), "\r\n", "\n"))
			if q == "" {
				return nil, fmt.Errorf("%s line %d: empty question: %w", rel, n, ErrBadRow)
			}
			rows = append(rows, lawBenchRow{id: raw.ID, question: q, answer: strings.TrimSpace(raw.Answer)})
		}
		if errors.Is(rerr, io.EOF) {
			return rows, nil
		}
		if rerr != nil {
			return nil, fmt.Errorf("read %s: %w", rel, rerr)
		}
	}
}
