package eval

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/cailiang/cailiang/nlp"
)

// SuiteLawBench37 is the name of the LawBench 3-7 crime-amount suite.
const SuiteLawBench37 = "lawbench-3-7"

// LawBench37File is the dev part of LawBench task 3-7 (犯罪金额计算,
// LAIC2021) inside the shared data folder.
const LawBench37File = "lawbench/3-7.jsonl"

// lawBench37GPT4 is GPT-4's zero-shot accuracy on task 3-7 in the LawBench
// paper (77.6), measured on all 500 items with generated answers.
const lawBench37GPT4 = 0.776

// lawBench37Prefix and lawBench37Suffix frame a 3-7 gold answer:
// 上文涉及到的犯罪金额:8500.0元。
const (
	lawBench37Prefix = "上文涉及到的犯罪金额:"
	lawBench37Suffix = "元。"
)

// parseLawBench37Answer reads the gold amount in yuan. It returns an error
// wrapping errUnlabelled (and so ErrBadRow) for anything but
// 上文涉及到的犯罪金额:<number>元。, which LawBench's scorer asserts too (it also
// rejects 千元 and 万), an empty answer included.
func parseLawBench37Answer(ans string) (float64, error) {
	s, ok := strings.CutPrefix(ans, lawBench37Prefix)
	if !ok {
		return 0, fmt.Errorf("answer %q lacks %s: %w", ans, lawBench37Prefix, errUnlabelled)
	}
	s, ok = strings.CutSuffix(s, lawBench37Suffix)
	if !ok {
		return 0, fmt.Errorf("answer %q does not end in %s: %w", ans, lawBench37Suffix, errUnlabelled)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v < 0 {
		return 0, fmt.Errorf("answer %q: amount %q: %w", ans, s, errUnlabelled)
	}
	return v, nil
}

// lawBenchDigits is LawBench's number pattern for 3-7 (\d+\.?\d* in
// evaluation_functions/jetq.py).
var lawBenchDigits = regexp.MustCompile(`[0-9]+\.?[0-9]*`)

// lawBench37Correct scores one prediction the way LawBench's compute_jetq
// does: every match of \d+\.?\d* in the prediction text is read as a float,
// and the prediction is correct when the gold amount is one of them (exact
// float equality, so 51500 and 51500.0 match, 5.15万 does not, and a
// thousands separator splits a number). It also reports an abstention (no
// number at all), which LawBench counts separately and scores as wrong.
func lawBench37Correct(prediction string, gold float64) (correct, abstained bool) {
	ms := lawBenchDigits.FindAllString(prediction, -1)
	for _, m := range ms {
		if v, err := strconv.ParseFloat(m, 64); err == nil && v == gold {
			return true, false
		}
	}
	return false, len(ms) == 0
}

// formatYuan writes an amount as a plain decimal with at most two decimals
// and no separators, e.g. 51500元, 4163.4元.
func formatYuan(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64) + "元"
}

func runLawBench37(ctx context.Context, env Env) ([]Result, error) {
	rows, err := readLawBenchRows(env.DataDir, LawBench37File)
	if err != nil {
		return nil, err
	}
	return scoreLawBench37(ctx, env, rows)
}

// scoreLawBench37 predicts each document's crime amount with
// nlp.CrimeAmount and scores it with LawBench's rule (lawBench37Correct).
// Metrics: accuracy, LawBench's score, with GPT-4 as baseline; abstention,
// the share of documents where no amount was found; and within-1%, the
// share within 1% of the gold figure, which tells near misses (a missed
// small item) from wrong readings. Rows without a usable answer are
// skipped and counted in Result.Skipped.
func scoreLawBench37(ctx context.Context, env Env, rows []lawBenchRow) ([]Result, error) {
	var correct, abstained, near, n, skipped int
	for i, r := range rows {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		gold, err := parseLawBench37Answer(r.answer)
		if err != nil {
			skipped++
			continue
		}
		n++
		pred := ""
		if sum, ok := nlp.CrimeAmount(r.question); ok {
			pred = formatYuan(sum.Value)
			if d := sum.Value - gold; d <= 0.01*gold && -d <= 0.01*gold {
				near++
			}
		}
		c, a := lawBench37Correct(pred, gold)
		if c {
			correct++
		}
		if a {
			abstained++
		}
		env.progress(SuiteLawBench37, i+1, len(rows))
	}
	if n == 0 {
		return nil, fmt.Errorf("no usable rows in %s: %w", LawBench37File, ErrBadRow)
	}
	share := func(k int) float64 { return float64(k) / float64(n) }
	return withSkipped([]Result{
		{Suite: SuiteLawBench37, Metric: "accuracy", Value: share(correct), Baseline: ptr(lawBench37GPT4),
			BaselineNote: "GPT-4 zero-shot, LawBench paper; generated answers on all 500 rows, ours is rule-based on the dev part", N: n},
		{Suite: SuiteLawBench37, Metric: "abstention", Value: share(abstained), N: n},
		{Suite: SuiteLawBench37, Metric: "within-1%", Value: share(near), N: n},
	}, skipped), nil
}
