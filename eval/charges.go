package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/nlp"
)

// Suite names and files of the charge-prediction suites.
const (
	SuiteLawBench33    = "lawbench-3-3"
	SuiteLeCaRDCharges = "lecard-charges"
	// LawBench33File is the dev part of LawBench task 3-3 (罪名预测,
	// CAIL2018).
	LawBench33File = "lawbench/3-3.jsonl"
	// ChargeListFile lists the 469 official charge names, one a line
	// (LeCaRD's criminal charges.txt).
	ChargeListFile = "lecard/criminal_charges.txt"
	// NationalStatutesFile holds the national statutes, 刑法 among them.
	NationalStatutesFile = "statutes_lawrefbook/national.jsonl"
)

// Published zero-shot scores on task 3-3 (LawBench README, all 500 items,
// generated answers): GPT-4 41.99, fuzi-mingcha (the best legal model
// there) 55.93.
const (
	lawBench33GPT4  = 0.4199
	lawBench33Fuzi  = 0.5593
	chargeNameBoost = 1.0
	// chargeExtraRatio is how close (as a share of the best score) another
	// charge must come to be predicted as well, when its name also occurs
	// in the facts.
	chargeExtraRatio = 0.9
)

// normCharge strips a charge name to the form LawBench's labels use: no
// trailing 罪, no surrounding space.
func normCharge(s string) string {
	return strings.TrimSuffix(strings.TrimSpace(s), "罪")
}

// readChargeList reads the charge names, normalised by normCharge, in file
// order without duplicates. It returns an error wrapping ErrBadRow when the
// file has no names.
func readChargeList(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open charge list: %w", err)
	}
	defer f.Close()
	var out []string
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		c := normCharge(sc.Text())
		if c != "" && !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read charge list: %w", err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("charge list %s is empty: %w", path, ErrBadRow)
	}
	return out, nil
}

// errFound stops ReadLawrefJSONL-style scans once the wanted law is read.
var errFound = errors.New("found")

// readCriminalLaw reads the version in force of 刑法 from the national
// statutes JSONL, parsed into articles. Only the one line is parsed; the
// rest are decoded just far enough to read law and is_latest. It returns an
// error when the file cannot be read or holds no 刑法 in force.
func readCriminalLaw(path string) (corpus.Statute, error) {
	f, err := os.Open(path)
	if err != nil {
		return corpus.Statute{}, fmt.Errorf("open statutes: %w", err)
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 1<<20)
	for n := 1; ; n++ {
		line, rerr := br.ReadBytes('\n')
		if len(line) > 0 && strings.Contains(string(line[:min(len(line), 400)]), `刑法`) {
			var head struct {
				Law      string `json:"law"`
				IsLatest bool   `json:"is_latest"`
			}
			if err := json.Unmarshal(line, &head); err == nil && head.Law == "刑法" && head.IsLatest {
				var st corpus.Statute
				err := corpus.ReadLawrefJSONL(strings.NewReader(string(line)), func(s corpus.Statute) error {
					st = s
					return errFound
				})
				if !errors.Is(err, errFound) {
					return corpus.Statute{}, fmt.Errorf("parse 刑法 at line %d: %w", n, err)
				}
				return st, nil
			}
		}
		if errors.Is(rerr, io.EOF) {
			return corpus.Statute{}, fmt.Errorf("%s has no 刑法 in force: %w", path, ErrBadRow)
		}
		if rerr != nil {
			return corpus.Statute{}, fmt.Errorf("read statutes: %w", rerr)
		}
	}
}

// hanBigrams returns the distinct Han character bigrams of s; other runes
// (、, punctuation, ×) break bigrams.
func hanBigrams(s string) map[string]bool {
	out := map[string]bool{}
	for g := range bigramCounts(s) {
		out[g] = true
	}
	return out
}

// chargeModel predicts charges from fact texts without any labelled facts:
// each charge is described by its name and the 刑法 paragraph that defines
// it, found by matching the name's words in the statute.
type chargeModel struct {
	names []string
	grams []map[string]bool    // name bigrams per charge
	vecs  []map[string]float64 // unit TF-IDF vectors of the descriptions
	idf   map[string]float64
	// common are bigrams found in many of the facts being scored (被告, 被告人
	// → 告人, 公诉); they say nothing about the charge and are ignored on the
	// fact side. They are counted from the unlabelled facts only.
	common  map[string]bool
	article []string // the defining article's label, "" when none matched
}

// chargeParagraph finds the 刑法 paragraph that defines a charge: the one in
// the specific part (第一百零二条 on) covering the largest share of the
// name's bigrams, ties going to the paragraph where the first match comes
// earliest (a defining paragraph opens with the act: 盗窃公私财物…), then to
// the one that repeats the name's bigrams most (第二百六十四条 names 盗窃 four
// times, 第一百二十七条 once), then to the lower article. It returns "" and an empty label when no paragraph
// covers at least half of the name.
func chargeParagraph(name string, grams map[string]bool, law corpus.Statute) (text, label string) {
	bestCov, bestPos, bestOcc := 0.0, math.MaxInt, 0
	for _, a := range law.Articles {
		if a.Number < 102 {
			continue
		}
		for _, p := range a.Paragraphs {
			full := p.Text + "\n" + strings.Join(p.Items, "\n")
			hit, pos, occ := 0, math.MaxInt, 0
			for g := range grams {
				if i := strings.Index(full, g); i >= 0 {
					hit++
					pos = min(pos, i)
					occ += strings.Count(full, g)
				}
			}
			if hit == 0 {
				continue
			}
			cov := float64(hit) / float64(len(grams))
			same := math.Abs(cov-bestCov) < 1e-9
			if cov > bestCov+1e-9 || same && pos < bestPos || same && pos == bestPos && occ > bestOcc {
				bestCov, bestPos, bestOcc, text, label = cov, pos, occ, full, a.Label()
			}
		}
	}
	if bestCov < 0.5 {
		return "", ""
	}
	return text, label
}

// newChargeModel describes every charge by its name (twice, so the name
// weighs against a long paragraph) and its defining paragraph, and builds
// TF-IDF vectors over Han bigrams with IDF taken across the descriptions.
func newChargeModel(names []string, law corpus.Statute) *chargeModel {
	m := &chargeModel{names: names, idf: map[string]float64{}}
	tfs := make([]map[string]int, len(names))
	df := map[string]int{}
	for i, name := range names {
		g := hanBigrams(name)
		m.grams = append(m.grams, g)
		text, label := chargeParagraph(name, g, law)
		m.article = append(m.article, label)
		tf := bigramCounts(name + "\n" + name + "\n" + text)
		tfs[i] = tf
		for t := range tf {
			df[t]++
		}
	}
	n := float64(len(names))
	for t, d := range df {
		m.idf[t] = math.Log((n+1)/float64(d+1)) + 1
	}
	for _, tf := range tfs {
		m.vecs = append(m.vecs, m.vector(tf))
	}
	return m
}

// bigramCounts counts Han bigrams with repetition.
func bigramCounts(s string) map[string]int {
	out := map[string]int{}
	for i, j := range nlp.Bigrams(s, nlp.HanPairs) {
		out[s[i:j]]++
	}
	return out
}

// vector weighs counts by (1 + log tf) · idf, keeps only terms that occur
// in some description, and normalises to unit length.
func (m *chargeModel) vector(tf map[string]int) map[string]float64 {
	v := map[string]float64{}
	var norm float64
	for t, c := range tf {
		idf, ok := m.idf[t]
		if !ok {
			continue
		}
		w := (1 + math.Log(float64(c))) * idf
		v[t] = w
		norm += w * w
	}
	norm = math.Sqrt(norm)
	for t := range v {
		v[t] /= norm
	}
	return v
}

// scoredCharge is a charge and its score for one fact.
type scoredCharge struct {
	name  string
	score float64
	named bool // every bigram of the name occurs in the facts
}

// rank scores every charge for a fact text: the cosine between the fact and
// the charge's description, plus chargeNameBoost times how well the facts
// contain the charge's name: the squared IDF-weighted share of its bigrams
// found (so common bigrams such as 非法 or 组织 found alone count little),
// times k/(k+1) for k bigrams found (so 信用卡诈骗 found whole beats 诈骗
// found whole). It
// returns the charges best first (ties by name).
func (m *chargeModel) rank(fact string) []scoredCharge {
	tf := bigramCounts(fact)
	for t := range tf {
		if m.common[t] {
			delete(tf, t)
		}
	}
	fv := m.vector(tf)
	fg := hanBigrams(fact)
	out := make([]scoredCharge, len(m.names))
	for i, name := range m.names {
		var cos float64
		for t, w := range fv {
			cos += w * m.vecs[i][t]
		}
		hit := 0
		var found, all float64
		for g := range m.grams[i] {
			w := m.idf[g]
			all += w
			if fg[g] {
				hit++
				found += w
			}
		}
		var match float64
		if hit > 0 {
			cov := found / all
			match = cov * cov * float64(hit) / float64(hit+1)
		}
		out[i] = scoredCharge{name: name, score: cos + chargeNameBoost*match, named: hit > 0 && hit == len(m.grams[i])}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].score != out[j].score {
			return out[i].score > out[j].score
		}
		return out[i].name < out[j].name
	})
	return out
}

// predict returns the best charge, followed by any other charge whose name
// occurs whole in the facts and whose score comes within chargeExtraRatio
// of the best (at most three in all). Most facts have one charge (67% of
// the 3-3 dev rows, 77% of the LeCaRD dev queries).
func (m *chargeModel) predict(fact string) []string {
	r := m.rank(fact)
	if len(r) == 0 {
		return nil
	}
	out := []string{r[0].name}
	for _, c := range r[1:] {
		if len(out) == 3 || c.score < chargeExtraRatio*r[0].score {
			break
		}
		if c.named && !strings.Contains(r[0].name, c.name) {
			out = append(out, c.name)
		}
	}
	return out
}

// lawBench33F1 scores one prediction as LawBench's compute_ljp_accusation
// does: the gold set is the answer after 罪名: split on ";", the predicted
// set is every option name that occurs as a substring of the prediction
// text, and the score is the F1 of the two sets (0 when either is empty).
// LawBench's options are its 189 CAIL2018 charge names; ours are the names
// of the charge list, so the substring effect is the same in kind (a
// prediction 信用卡诈骗 also counts as 诈骗) but not identical in extent.
func lawBench33F1(prediction string, gold, options []string) float64 {
	var pred []string
	for _, o := range options {
		if strings.Contains(prediction, o) {
			pred = append(pred, o)
		}
	}
	return SetF1(pred, gold)
}

// parseLawBench33Answer reads the gold charges of 罪名:盗窃;诈骗. It returns
// an error wrapping errUnlabelled (and so ErrBadRow) for any other shape and
// for an answer that names no charge.
func parseLawBench33Answer(ans string) ([]string, error) {
	s, ok := strings.CutPrefix(ans, "罪名:")
	if !ok {
		return nil, fmt.Errorf("answer %q is not 罪名:…: %w", ans, errUnlabelled)
	}
	out := normCharges(strings.Split(s, ";"))
	if len(out) == 0 {
		return nil, fmt.Errorf("answer %q names no charge: %w", ans, errUnlabelled)
	}
	return out, nil
}

// normCharges returns the charges normalised by normCharge, blanks dropped.
func normCharges(cs []string) []string {
	var out []string
	for _, c := range cs {
		if c = normCharge(c); c != "" {
			out = append(out, c)
		}
	}
	return out
}

// loadChargeModel reads the charge list and 刑法 from the data folder and
// builds the model.
func loadChargeModel(dataDir string) (*chargeModel, error) {
	if dataDir == "" {
		return nil, errors.New("no shared data folder for the charge list and 刑法")
	}
	names, err := readChargeList(filepath.Join(dataDir, ChargeListFile))
	if err != nil {
		return nil, err
	}
	law, err := readCriminalLaw(filepath.Join(dataDir, NationalStatutesFile))
	if err != nil {
		return nil, err
	}
	return newChargeModel(names, law), nil
}

// chargeCommonShare is the share of facts a bigram must occur in to be
// ignored as common (see chargeModel.common).
const chargeCommonShare = 0.3

// learnCommon sets m.common from the facts to be scored. It reads no labels.
func (m *chargeModel) learnCommon(facts []string) {
	df := map[string]int{}
	for _, f := range facts {
		for g := range hanBigrams(f) {
			df[g]++
		}
	}
	m.common = map[string]bool{}
	for g, d := range df {
		if float64(d) > chargeCommonShare*float64(len(facts)) {
			m.common[g] = true
		}
	}
}

// chargeRow is one fact with its gold charges.
type chargeRow struct {
	id   string
	fact string
	gold []string
}

// scoreCharges predicts every row's charges and reports, for the top-1
// charge and for the predicted set (predict), the mean per-row F1 as
// LawBench scores it (lawBench33F1) and the micro-F1 of the exact sets.
func scoreCharges(ctx context.Context, env Env, suite string, m *chargeModel, rows []chargeRow, base *float64, note string) ([]Result, error) {
	facts := make([]string, len(rows))
	for i, r := range rows {
		facts[i] = r.fact
	}
	m.learnCommon(facts)
	var top1F1, setF1 []float64
	var top1, sets, golds [][]string
	for i, r := range rows {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		p := m.predict(r.fact)
		top1F1 = append(top1F1, lawBench33F1(p[0], r.gold, m.names))
		setF1 = append(setF1, lawBench33F1(strings.Join(p, ";"), r.gold, m.names))
		top1 = append(top1, p[:1])
		sets = append(sets, p)
		golds = append(golds, r.gold)
		env.progress(suite, i+1, len(rows))
	}
	microTop1, err := MicroF1(top1, golds)
	if err != nil {
		return nil, err
	}
	microSet, err := MicroF1(sets, golds)
	if err != nil {
		return nil, err
	}
	n := len(rows)
	return []Result{
		{Suite: suite, Metric: "f1/set", Value: Mean(setF1), Baseline: base, BaselineNote: note, N: n},
		{Suite: suite, Metric: "f1/top1", Value: Mean(top1F1), N: n},
		{Suite: suite, Metric: "micro-f1/set", Value: microSet, N: n},
		{Suite: suite, Metric: "micro-f1/top1", Value: microTop1, N: n},
	}, nil
}

func runLawBench33(ctx context.Context, env Env) ([]Result, error) {
	raw, err := readLawBenchRows(env.DataDir, LawBench33File)
	if err != nil {
		return nil, err
	}
	var rows []chargeRow
	skipped := 0
	for _, r := range raw {
		// An answer error means the row has no usable label (errUnlabelled).
		gold, err := parseLawBench33Answer(r.answer)
		if err != nil {
			skipped++
			continue
		}
		rows = append(rows, chargeRow{id: r.id, fact: r.question, gold: gold})
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("no labelled rows in %s: %w", LawBench33File, ErrBadRow)
	}
	m, err := loadChargeModel(env.DataDir)
	if err != nil {
		return nil, err
	}
	rs, err := scoreCharges(ctx, env, SuiteLawBench33, m, rows, ptr(lawBench33GPT4), lawBench33Note)
	return withSkipped(rs, skipped), err
}

// lawBench33Note explains the 3-3 baseline.
var lawBench33Note = fmt.Sprintf("GPT-4 zero-shot, LawBench README; fuzi-mingcha %.4f; generated answers on all 500 rows. "+
	"Ours: no labelled facts, charge names + 刑法 paragraphs, dev part", lawBench33Fuzi)

// readLeCaRDCharges reads the LeCaRD queries' facts and charges. A query
// with no charge (an empty crime list, as one original LeCaRD query has) is
// skipped and counted; a query without a fact, or a file with no labelled
// query, is an error wrapping ErrBadRow.
func readLeCaRDCharges(dataDir string) (rows []chargeRow, skipped int, err error) {
	f, err := os.Open(filepath.Join(dataDir, LeCaRDQueries))
	if err != nil {
		return nil, 0, fmt.Errorf("open lecard queries: %w", err)
	}
	defer f.Close()
	dec := json.NewDecoder(f)
	for {
		var q struct {
			Ridx  int      `json:"ridx"`
			Q     string   `json:"q"`
			Crime []string `json:"crime"`
		}
		if err := dec.Decode(&q); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, 0, fmt.Errorf("read %s: %v: %w", LeCaRDQueries, err, ErrBadRow)
		}
		if strings.TrimSpace(q.Q) == "" {
			return nil, 0, fmt.Errorf("%s: query %d has no fact: %w", LeCaRDQueries, q.Ridx, ErrBadRow)
		}
		gold := normCharges(q.Crime)
		if len(gold) == 0 {
			skipped++
			continue
		}
		rows = append(rows, chargeRow{id: fmt.Sprint(q.Ridx), fact: q.Q, gold: gold})
	}
	if len(rows) == 0 {
		return nil, 0, fmt.Errorf("%s has no query with charges: %w", LeCaRDQueries, ErrBadRow)
	}
	return rows, skipped, nil
}

func runLeCaRDCharges(ctx context.Context, env Env) ([]Result, error) {
	if env.DataDir == "" {
		return nil, errors.New("no shared data folder for lecard queries")
	}
	rows, skipped, err := readLeCaRDCharges(env.DataDir)
	if err != nil {
		return nil, err
	}
	m, err := loadChargeModel(env.DataDir)
	if err != nil {
		return nil, err
	}
	rs, err := scoreCharges(ctx, env, SuiteLeCaRDCharges, m, rows, nil, "")
	return withSkipped(rs, skipped), err
}
