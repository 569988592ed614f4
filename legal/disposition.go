package legal

import (
	"errors"
	"fmt"
	"strings"
)

// Disposition is how a case is disposed of: what a penalty decision decided
// or what the discretion engine suggests. Its values are the statute's own
// words (行政处罚法 第三十条至第三十三条); ParseDisposition also accepts the
// short spellings officers write (从轻, 减轻 …).
type Disposition string

// The dispositions, spelt canonically.
const (
	DispositionPenalty            Disposition = "处罚"
	DispositionNone               Disposition = "不予处罚"
	DispositionLighter            Disposition = "从轻处罚"
	DispositionMitigated          Disposition = "减轻处罚"
	DispositionLighterOrMitigated Disposition = "从轻或者减轻处罚"
	DispositionHeavier            Disposition = "从重处罚"
	DispositionTransfer           Disposition = "移送司法机关"
	// DispositionExpired: the act is past the limitation period of 第三十六条
	// and is no longer penalised.
	DispositionExpired Disposition = "超过时效"
	// DispositionOrder: what the facts call for is an administrative order
	// (行政命令), not a 行政处罚 of 第九条 — 责令加付赔偿金 under 劳动合同法
	// 第八十五条 and 劳动保障监察条例 第二十六条. The engine suggests it; a
	// penalty case never ends with it (the order is a 行政处理决定).
	DispositionOrder Disposition = "行政命令"
)

// ErrUnknownDisposition is returned by ParseDisposition for text that names
// no disposition.
var ErrUnknownDisposition = errors.New("unknown disposition")

// dispositionSpellings maps every accepted spelling to its canonical value.
var dispositionSpellings = map[string]Disposition{
	"处罚": DispositionPenalty, "予以处罚": DispositionPenalty, "给予处罚": DispositionPenalty,
	"不予处罚": DispositionNone, "不予行政处罚": DispositionNone,
	"从轻处罚": DispositionLighter, "从轻": DispositionLighter, "从轻行政处罚": DispositionLighter,
	"减轻处罚": DispositionMitigated, "减轻": DispositionMitigated, "减轻行政处罚": DispositionMitigated,
	"从轻或者减轻处罚": DispositionLighterOrMitigated, "从轻或者减轻": DispositionLighterOrMitigated,
	"从轻或减轻处罚": DispositionLighterOrMitigated, "从轻或减轻": DispositionLighterOrMitigated,
	"从轻或者减轻行政处罚": DispositionLighterOrMitigated,
	"从重处罚":       DispositionHeavier, "从重": DispositionHeavier, "从重行政处罚": DispositionHeavier,
	"移送司法机关": DispositionTransfer, "移送": DispositionTransfer, "移送公安机关": DispositionTransfer,
	"超过时效": DispositionExpired, "超过追责时效": DispositionExpired, "超过追究时效": DispositionExpired,
	"行政命令": DispositionOrder, "责令加付赔偿金": DispositionOrder,
}

// ParseDisposition returns the canonical disposition for s (surrounding
// space ignored), accepting the long and the short spellings. It returns
// ErrUnknownDisposition (wrapped, naming s) for anything else.
func ParseDisposition(s string) (Disposition, error) {
	if d, ok := dispositionSpellings[strings.TrimSpace(s)]; ok {
		return d, nil
	}
	return "", fmt.Errorf("disposition %q: %w", s, ErrUnknownDisposition)
}

// CaseDispositions lists, in order, the dispositions a decided case can end
// with (a suggestion may also say 从轻或者减轻处罚 or 超过时效). It returns a
// new slice each time.
func CaseDispositions() []Disposition {
	return []Disposition{DispositionPenalty, DispositionNone, DispositionLighter, DispositionMitigated, DispositionHeavier, DispositionTransfer}
}

// Decided reports whether d is one of CaseDispositions.
func (d Disposition) Decided() bool {
	switch d {
	case DispositionPenalty, DispositionNone, DispositionLighter, DispositionMitigated, DispositionHeavier, DispositionTransfer:
		return true
	}
	return false
}

// Penalised reports whether d imposes a penalty, i.e. a fine range and a
// discretion level apply (not 不予处罚, 超过时效 or 移送司法机关).
func (d Disposition) Penalised() bool {
	switch d {
	case DispositionNone, DispositionExpired, DispositionTransfer, DispositionOrder, "":
		return false
	}
	return true
}
