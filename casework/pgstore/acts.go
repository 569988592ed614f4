package pgstore

import (
	"fmt"
	"strings"

	"github.com/cailiang/cailiang/casework"
)

// Act returns an act by ID; ErrNotFound when there is none.
func (t *tx) Act(id string) (casework.Act, error) {
	return getDoc[casework.Act](t, "act", `SELECT doc FROM acts WHERE id = $1`, id)
}

// Acts lists the acts f matches, by day then ID.
func (t *tx) Acts(f casework.ActFilter) ([]casework.Act, error) {
	var where []string
	var args []any
	for _, c := range []struct{ cond, v string }{{"agency = $%d", f.Agency}, {"category = $%d", f.Category},
		{"day >= $%d::date", f.From}, {"day < $%d::date", f.To}} {
		if c.v == "" {
			continue
		}
		if badKey(c.v) {
			return nil, nil
		}
		args = append(args, c.v)
		where = append(where, fmt.Sprintf(c.cond, len(args)))
	}
	if (f.From != "" && !casework.ValidDay(f.From)) || (f.To != "" && !casework.ValidDay(f.To)) {
		return nil, fmt.Errorf("acts: days %q %q: %w", f.From, f.To, casework.ErrInvalid)
	}
	q := `SELECT doc FROM acts`
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, " AND ")
	}
	return listDocs[casework.Act](t, "acts", q+` ORDER BY day, id`, args...)
}

// CreateAct stores a new act; ErrExists when its ID is taken.
func (t *tx) CreateAct(a casework.Act) error {
	if !casework.ValidDay(a.Date) || badKey(a.Agency) || badKey(a.Category) {
		return fmt.Errorf("act %q: %w", a.ID, casework.ErrInvalid)
	}
	return t.putDoc("act", a.ID, `INSERT INTO acts (id, agency, category, day, doc) VALUES ($1, $2, $3, $4::date, $5)`,
		a, a.ID, a.Agency, a.Category, a.Date)
}
