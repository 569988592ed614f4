package caseanalysis

import (
	"strings"
	"unicode"

	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// priorPenaltiesWindow corrects the facts' count of earlier penalties within
// two years (prior_penalties_2y, read from 曾因…被罚款 whatever its date) for
// benchmark b from what the text tells of each earlier penalty
// (nlp.PriorPenaltiesTold): one dated more than two years before the act,
// one of another party (a neighbour the complainant names), one revoked on
// review, and — for the common factor 二年内因同类违法行为受过行政处罚, when b
// has no count of its own — one of another kind is none. The count is set
// to none only when every penalty told is such a one and the text gives no
// count of its own over a window (两年内第二次, 一年内再次): those words are
// read by nlp already and hold. pr reads the text once for every
// violation of the request.
func priorPenaltiesWindow(b *rules.Benchmark, f rules.Facts, pr *priorRead) rules.Facts {
	if f.PriorPenalties2Y == nil || *f.PriorPenalties2Y == 0 || nlp.Contains(pr.text, "年内") {
		return f
	}
	ps := pr.all()
	if len(ps) == 0 {
		return f
	}
	act := actMonthAfter(ps, f)
	kind := !countsPriors(b)
	for _, p := range ps {
		if p.Other || p.Revoked || p.Criminal {
			continue
		}
		if within, undated := priorWindow(p, act, 24); !within && !undated {
			continue
		}
		if kind && !sameKindPrior(p.Cause, b) {
			continue
		}
		return f // one that counts
	}
	none := 0.0
	f.PriorPenalties2Y = &none
	return f
}

// countsPriors reports whether b reads the count of earlier penalties in its
// own words (广告法 第五十五条's 两年内有三次以上违法行为, of any kind): the
// kind is then the benchmark's to weigh, not the common factor's.
func countsPriors(b *rules.Benchmark) bool {
	uses := func(e *rules.Expr) bool { return e != nil && strings.Contains(e.Src, rules.MeasurePriorPenalties) }
	for _, fa := range b.Factors {
		if uses(fa.When) {
			return true
		}
	}
	for _, p := range b.Penalties {
		if uses(p.When) {
			return true
		}
	}
	return b.RequiresPriorPenalties()
}

// sameKindWords in an earlier penalty's cause point back to the act found
// now (又因同样的问题, 因同类违法行为): the same kind by the text's word.
var sameKindWords = []string{"同类", "同样", "相同", "同一", "类似", "上述", "此类", "该类"}

// genericPairs are the bigrams causes of every kind share (销售, 经营, 违反
// 规定): they make no two acts one kind.
var genericPairs = []string{"销售", "经营", "违法", "行为", "违反", "规定", "未按", "按照", "擅自", "进行", "使用", "生产", "没有", "未经", "问题", "相关", "管理", "有关", "从事", "当事", "存在", "公司", "本局", "处罚", "罚款"}

// sameKindPrior reports whether an earlier penalty's cause is of the kind of
// benchmark b: it points back (同类, 同样), it is not told, or it shares a
// distinguishing bigram with b's name, keywords or required elements' cues
// (未明码标价 and 明码标价; 超标排放 and 超过排放标准 share 排放).
func sameKindPrior(cause string, b *rules.Benchmark) bool {
	if strings.TrimSpace(cause) == "" || containsAny(cause, sameKindWords) {
		return true
	}
	var words strings.Builder
	words.WriteString(b.Name)
	for _, k := range b.Keywords {
		words.WriteString("|" + k)
	}
	for _, e := range b.Requires {
		for _, c := range e.Cues {
			words.WriteString("|" + c)
		}
	}
	own := words.String()
	rs := []rune(cause)
	for i := 0; i+1 < len(rs); i++ {
		if !unicode.Is(unicode.Han, rs[i]) || !unicode.Is(unicode.Han, rs[i+1]) {
			continue
		}
		pair := string(rs[i : i+2])
		if !containsAny(pair, genericPairs) && strings.Contains(own, pair) {
			return true
		}
	}
	return false
}
