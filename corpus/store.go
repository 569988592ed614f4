package corpus

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Store is cailiang's system of record: statutes split into articles and
// cases, kept in one bbolt file. bbolt gives all-or-nothing transactions with
// fsync on commit, which is what "an import either fully succeeds or changes
// nothing" and "no accepted write is ever lost" need; it is already in bleve's
// dependency tree. The search index is derived from the Store and can always be
// rebuilt from it.
type Store struct {
	db *bolt.DB

	mu       sync.RWMutex
	statutes map[string]StatuteInfo // by ID, articles not loaded
	// statuteVersion counts changes to statutes, so caches of the statute
	// list (the resolver's name index) know when to rebuild.
	statuteVersion int
}

func (s *Store) version() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.statuteVersion
}

// StatuteInfo is a Statute without its articles, plus the article count.
type StatuteInfo struct {
	Statute
	ArticleCount int `json:"article_count"`
}

var (
	bucketStatutes = []byte("statutes")
	bucketArticles = []byte("articles")
	bucketCases    = []byte("cases")
	bucketMeta     = []byte("meta")
	keyGeneration  = []byte("generation")
)

// ErrNotFound is wrapped by lookups of unknown statutes, articles and cases.
var ErrNotFound = errors.New("not found")

// ErrBusy is wrapped by OpenStore and OpenStoreReadOnly when another process
// holds the store file open for writing.
var ErrBusy = errors.New("store held by another process")

// storeLockWait is how long an open waits for another process's lock: long
// enough for a short command to finish, short enough that a user is told at
// once that a service holds the data directory.
const storeLockWait = time.Second

// OpenStore opens or creates the store file path (its directory is created)
// for reading and writing. It returns an error wrapping ErrBusy when another
// process holds the file, and other errors when the file cannot be opened or
// is not a store.
func OpenStore(path string) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return openStore(path, false)
}

// OpenStoreReadOnly opens an existing store file for reading: several
// readers may share it, and nothing is ever written. It returns an error
// wrapping fs.ErrNotExist when there is no store yet, ErrBusy when a writer
// holds it, and other errors when it is not a store.
func OpenStoreReadOnly(path string) (*Store, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return openStore(path, true)
}

// openStore opens the file and checks (read-only) or creates its buckets.
func openStore(path string, readOnly bool) (*Store, error) {
	db, err := openBolt(path, readOnly)
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, statutes: map[string]StatuteInfo{}}
	buckets := func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketStatutes, bucketArticles, bucketCases, bucketMeta} {
			if readOnly {
				if tx.Bucket(b) == nil {
					return fmt.Errorf("bucket %s missing (not a cailiang store)", b)
				}
			} else if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	}
	if readOnly {
		err = db.View(buckets)
	} else {
		err = db.Update(buckets)
	}
	if err == nil {
		err = s.loadStatuteInfo()
	}
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return s, nil
}

func openBolt(path string, readOnly bool) (*bolt.DB, error) {
	db, err := bolt.Open(path, 0o644, &bolt.Options{Timeout: storeLockWait, ReadOnly: readOnly})
	if errors.Is(err, berrors.ErrTimeout) {
		return nil, fmt.Errorf("open store %s: %w", path, ErrBusy)
	}
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return db, nil
}

// Close closes the store file.
func (s *Store) Close() error { return s.db.Close() }

func (s *Store) loadStatuteInfo() error {
	return s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketStatutes).ForEach(func(k, v []byte) error {
			var info StatuteInfo
			if err := json.Unmarshal(v, &info); err != nil {
				return fmt.Errorf("decode statute %s: %w", k, err)
			}
			s.statutes[info.ID] = info
			return nil
		})
	})
}

func articleKey(statuteID string, k ArticleKey) []byte {
	b := make([]byte, 0, len(statuteID)+9)
	b = append(b, statuteID...)
	b = append(b, 0)
	b = binary.BigEndian.AppendUint32(b, uint32(k.Number))
	b = binary.BigEndian.AppendUint32(b, uint32(k.Suffix))
	return b
}

func bumpGeneration(tx *bolt.Tx) error {
	b := tx.Bucket(bucketMeta)
	var g uint64
	if v := b.Get(keyGeneration); len(v) == 8 {
		g = binary.BigEndian.Uint64(v)
	}
	return b.Put(keyGeneration, binary.BigEndian.AppendUint64(nil, g+1))
}

// Generation counts committed writes; the search index records the generation
// it was built from, so a crash between a store write and an index write is
// detected and repaired at start-up.
func (s *Store) Generation() (uint64, error) {
	var g uint64
	err := s.db.View(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bucketMeta).Get(keyGeneration); len(v) == 8 {
			g = binary.BigEndian.Uint64(v)
		}
		return nil
	})
	return g, err
}

// groupKey groups versions of one document: national laws by name, local
// regulations by province and name.
func groupKey(st Statute) string { return st.Region + "\x00" + st.Law }

// PutStatutes stores statutes (replacing any with the same ID) in one
// transaction and recomputes the in-force interval of every version of the
// documents they touch (setIntervals), including documents repealed by or
// repealing one of them (Repeals). A statute whose digest equals the stored
// version's is not rewritten, and when nothing changes nothing is written:
// the generation and the file stay as they are. Nothing is written when any
// statute fails. It returns the IDs the search index must refresh (new or
// changed text, or in-force flag flipped), and skipped, the number of
// statutes that were unchanged.
func (s *Store) PutStatutes(sts []Statute) (changedIDs []string, skipped int, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	next := make(map[string]StatuteInfo, len(s.statutes)+len(sts))
	for k, v := range s.statutes {
		next[k] = v
	}
	touched := map[string]bool{}
	touchedLaws := map[string]bool{}
	changed := map[string]bool{}
	meta := map[string]bool{}
	write := make([]*Statute, 0, len(sts))
	writeAt := map[string]int{}
	for i := range sts {
		if st := &sts[i]; st.ID == "" || st.Law == "" {
			return nil, 0, fmt.Errorf("put statute %q: %w", st.Title, &FieldError{"id", "缺少标识或法规名称"})
		}
	}
	// The digests and, below, the articles' JSON are encoded on every core
	// before the transaction: on national.jsonl they were most of a phase
	// that kept one core busy while nothing else could start.
	digests := make([]string, len(sts))
	if err := eachParallel(len(sts), func(i int) error {
		d, err := statuteDigest(sts[i])
		if err != nil {
			return fmt.Errorf("put statute %s: %w", sts[i].ID, err)
		}
		digests[i] = d
		return nil
	}); err != nil {
		return nil, 0, err
	}
	for i := range sts {
		st, digest := &sts[i], digests[i]
		if old, ok := next[st.ID]; ok && old.Digest == digest {
			skipped++
			continue
		}
		info := StatuteInfo{Statute: *st, ArticleCount: len(st.Articles)}
		info.Articles = nil
		info.Digest = digest
		// The interval fields are the Store's, recomputed below.
		info.InForceTo, info.SupersededBy, info.RepealedBy = "", "", nil
		next[st.ID] = info
		touched[groupKey(*st)] = true
		if st.Region == "" {
			touchedLaws[st.Law] = true
		}
		changed[st.ID] = true
		if j, ok := writeAt[st.ID]; ok {
			// Listed twice with different texts: the last listing is
			// stored, as writing one after the other would leave it.
			write[j] = st
		} else {
			writeAt[st.ID] = len(write)
			write = append(write, st)
		}
	}
	if len(write) == 0 {
		return nil, skipped, nil
	}
	for _, g := range repealGroups(touchedLaws) {
		touched[g] = true
	}
	groups := map[string][]string{}
	byLaw := map[string][]StatuteInfo{}
	for id, info := range next {
		if g := groupKey(info.Statute); touched[g] {
			groups[g] = append(groups[g], id)
		}
		if info.Region == "" {
			byLaw[info.Law] = append(byLaw[info.Law], info)
		}
	}
	for g, ids := range groups {
		setIntervals(next, g, ids, byLaw, changed, meta)
	}
	encoded := make([][]keyValue, len(write))
	if err := eachParallel(len(write), func(i int) error {
		kvs := make([]keyValue, len(write[i].Articles))
		for k, a := range write[i].Articles {
			v, err := json.Marshal(a)
			if err != nil {
				return fmt.Errorf("put statute %s: %w", write[i].ID, err)
			}
			kvs[k] = keyValue{articleKey(write[i].ID, a.Key()), v}
		}
		encoded[i] = kvs
		return nil
	}); err != nil {
		return nil, 0, err
	}
	// bbolt keeps the entries a transaction puts in one in-memory node per
	// page until the commit splits them, inserting each in key order: in a
	// fresh store, national.jsonl's 65,000 articles in file order made
	// every insertion move half of a growing slice (2.5 of the 4 CPU-s of
	// the store phase). In key order every insertion is an append.
	puts := make([]keyValue, 0, len(encoded))
	for _, kvs := range encoded {
		puts = append(puts, kvs...)
	}
	// Stable: an article listed twice in a statute is stored as its last listing.
	slices.SortStableFunc(puts, func(a, b keyValue) int { return bytes.Compare(a.key, b.key) })
	for id := range changed {
		meta[id] = true
	}
	metaIDs := slices.Sorted(maps.Keys(meta))
	err = s.db.Update(func(tx *bolt.Tx) error {
		sb, ab := tx.Bucket(bucketStatutes), tx.Bucket(bucketArticles)
		for _, st := range write {
			// Drop the old version's articles: a re-import may have fewer.
			prefix := append([]byte(st.ID), 0)
			c := ab.Cursor()
			for k, _ := c.Seek(prefix); k != nil && len(k) >= len(prefix) && string(k[:len(prefix)]) == string(prefix); k, _ = c.Next() {
				if err := c.Delete(); err != nil {
					return err
				}
			}
		}
		for _, kv := range puts {
			if err := ab.Put(kv.key, kv.value); err != nil {
				return err
			}
		}
		for _, id := range metaIDs {
			v, err := json.Marshal(next[id])
			if err != nil {
				return err
			}
			if err := sb.Put([]byte(id), v); err != nil {
				return err
			}
		}
		return bumpGeneration(tx)
	})
	if err != nil {
		return nil, 0, fmt.Errorf("put statutes: %w", err)
	}
	s.statutes = next
	s.statuteVersion++
	ids := make([]string, 0, len(changed))
	for id := range changed {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids, skipped, nil
}

// keyValue is one entry for a bbolt bucket.
type keyValue struct{ key, value []byte }

// eachParallel calls fn(i) for every i < n on one goroutine per core and
// returns the error of the lowest i that failed, so that the error does
// not depend on scheduling.
func eachParallel(n int, fn func(i int) error) error {
	errs := make([]error, n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				errs[i] = fn(i)
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// statuteDigest hashes what an import supplies of a version: its metadata
// and articles as parsed, without the fields the Store computes.
func statuteDigest(st Statute) (string, error) {
	st.InForce, st.InForceTo, st.SupersededBy, st.RepealedBy, st.Digest = false, "", "", nil, ""
	h := sha256.New()
	if err := json.NewEncoder(h).Encode(&st); err != nil {
		return "", fmt.Errorf("digest: %w", err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// StatuteInfos returns every stored statute's metadata, sorted by ID.
func (s *Store) StatuteInfos() []StatuteInfo {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]StatuteInfo, 0, len(s.statutes))
	for _, v := range s.statutes {
		out = append(out, v)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// StatuteCount returns the number of statute versions stored, without
// copying their metadata (health checks call it often).
func (s *Store) StatuteCount() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.statutes)
}

// StatuteInfo returns one statute's metadata or ErrNotFound.
func (s *Store) StatuteInfo(id string) (StatuteInfo, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	v, ok := s.statutes[id]
	if !ok {
		return StatuteInfo{}, fmt.Errorf("statute %s: %w", id, ErrNotFound)
	}
	return v, nil
}

// Article returns one article of a statute version or ErrNotFound.
func (s *Store) Article(statuteID string, k ArticleKey) (Article, error) {
	var a Article
	err := s.db.View(func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketArticles).Get(articleKey(statuteID, k))
		if v == nil {
			return fmt.Errorf("article %s %d-%d: %w", statuteID, k.Number, k.Suffix, ErrNotFound)
		}
		return json.Unmarshal(v, &a)
	})
	return a, err
}

// Articles calls fn for every article of a statute in order.
func (s *Store) Articles(statuteID string, fn func(Article) error) error {
	return s.db.View(func(tx *bolt.Tx) error {
		prefix := append([]byte(statuteID), 0)
		c := tx.Bucket(bucketArticles).Cursor()
		for k, v := c.Seek(prefix); k != nil && len(k) >= len(prefix) && string(k[:len(prefix)]) == string(prefix); k, v = c.Next() {
			var a Article
			if err := json.Unmarshal(v, &a); err != nil {
				return fmt.Errorf("decode article of %s: %w", statuteID, err)
			}
			if err := fn(a); err != nil {
				return err
			}
		}
		return nil
	})
}

// PutCases validates and stores cases in one transaction: all or nothing.
// A case whose ID exists is replaced. It returns a *RowError for the first
// invalid case (Row is its 1-based position) and writes nothing then.
func (s *Store) PutCases(cases []Case) error {
	seen := make(map[string]int, len(cases))
	for i := range cases {
		if err := cases[i].Validate(); err != nil {
			return &RowError{Row: i + 1, Err: err}
		}
		if j, dup := seen[cases[i].ID]; dup {
			return &RowError{Row: i + 1, Err: &FieldError{"id", fmt.Sprintf("与第 %d 条重复", j)}}
		}
		seen[cases[i].ID] = i + 1
	}
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketCases)
		for i := range cases {
			v, err := json.Marshal(&cases[i])
			if err != nil {
				return err
			}
			if err := b.Put([]byte(cases[i].ID), v); err != nil {
				return err
			}
		}
		return bumpGeneration(tx)
	})
	if err != nil {
		return fmt.Errorf("put cases: %w", err)
	}
	return nil
}

// Case returns one case or ErrNotFound.
func (s *Store) Case(id string) (Case, error) {
	var c Case
	err := s.db.View(func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketCases).Get([]byte(id))
		if v == nil {
			return fmt.Errorf("case %s: %w", id, ErrNotFound)
		}
		return json.Unmarshal(v, &c)
	})
	return c, err
}

// CaseCount returns the number of stored cases.
func (s *Store) CaseCount() (int, error) {
	n := 0
	err := s.db.View(func(tx *bolt.Tx) error {
		n = tx.Bucket(bucketCases).Stats().KeyN
		return nil
	})
	return n, err
}

// Cases calls fn for every case in ID order.
func (s *Store) Cases(fn func(Case) error) error {
	return s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketCases).ForEach(func(_, v []byte) error {
			var c Case
			if err := json.Unmarshal(v, &c); err != nil {
				return fmt.Errorf("decode case: %w", err)
			}
			return fn(c)
		})
	})
}

// RowError reports the row (1-based line or element number) of an import
// that was rejected as a whole.
type RowError struct {
	Row int
	Err error
}

func (e *RowError) Error() string { return fmt.Sprintf("row %d: %v", e.Row, e.Err) }

// Unwrap returns the row's error.
func (e *RowError) Unwrap() error { return e.Err }

// Flag reports whether a named one-time flag is set.
func (s *Store) Flag(name string) (bool, error) {
	var set bool
	err := s.db.View(func(tx *bolt.Tx) error {
		set = tx.Bucket(bucketMeta).Get([]byte("flag:"+name)) != nil
		return nil
	})
	return set, err
}

// SetFlag sets a named one-time flag.
func (s *Store) SetFlag(name string) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put([]byte("flag:"+name), []byte{1})
	})
}
