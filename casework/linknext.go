package casework

import (
	"encoding/json"
	"fmt"
)

// LinkNext links e after the log's last entry, as r reports it, and returns
// the linked entry with its JSON: the bytes a store keeps verbatim. Stores
// call it in the transaction that appends, once they are the only
// appender (bbolt's single writer, PostgreSQL's lock). Errors: r's, or the
// encoding's.
func LinkNext(r interface {
	LastEntry() (Entry, bool, error)
}, e Entry) (Entry, []byte, error) {
	last, ok, err := r.LastEntry()
	if err != nil {
		return Entry{}, nil, err
	}
	var prev *Entry
	if ok {
		prev = &last
	}
	linked, err := Link(prev, e)
	if err != nil {
		return Entry{}, nil, err
	}
	raw, err := json.Marshal(linked)
	if err != nil {
		return Entry{}, nil, fmt.Errorf("encode entry %d: %w", linked.Seq, err)
	}
	return linked, raw, nil
}
