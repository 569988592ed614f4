package legal

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Sector is an administrative enforcement field (执法领域), such as 市场监管.
// The benchmark catalog, the cases and the analysis requests all use these
// names.
type Sector string

// sectors is the fixed list, in display order; Sectors hands out copies so
// no caller can change it.
var sectors = [...]Sector{"市场监管", "生态环境", "交通运输", "城市管理", "应急管理", "消防", "人力资源社会保障", "公安", "税务", "自然资源", "文化旅游", "农业农村", "卫生健康"}

// ErrUnknownSector is returned by ParseSector for a name not in Sectors.
var ErrUnknownSector = errors.New("unknown sector")

// Sectors returns the enforcement fields in display order, as a new slice.
func Sectors() []Sector { return slices.Clone(sectors[:]) }

// Valid reports whether s is one of Sectors.
func (s Sector) Valid() bool { return slices.Contains(sectors[:], s) }

// ParseSector returns the sector named s (surrounding space ignored). It
// returns ErrUnknownSector (wrapped, with the accepted names) otherwise.
func ParseSector(s string) (Sector, error) {
	if x := Sector(strings.TrimSpace(s)); x.Valid() {
		return x, nil
	}
	return "", fmt.Errorf("sector %q (可选：%s): %w", s, SectorList(), ErrUnknownSector)
}

// SectorList returns the sector names joined with 、 for messages.
func SectorList() string {
	var b strings.Builder
	for i, s := range sectors {
		if i > 0 {
			b.WriteString("、")
		}
		b.WriteString(string(s))
	}
	return b.String()
}
