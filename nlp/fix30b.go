package nlp

// observedNoHarmCues are the no-harm cues that tell one thing looked at and
// not found (现场未发生火情, 检查井内无明显油污, 水面无明显污染), not the
// consequence of the act as a whole (未造成危害后果): another harm the text
// tells beside them (下游河道已出现大面积泡沫和油膜, 2人被烧伤, 玻璃门损坏)
// is the consequence, and 行政处罚法 第三十三条第一款 needs 危害后果轻微
// (fix30b, the review of the twenty-ninth round).
var observedNoHarmCues = [...]string{"未发生火情", "没有发生火情", "未引发火情", "无火情", "无明显…污染", "无明显…油污"}

// harmToldWords tell a harm done, wherever the text tells it undenied: a
// person hurt, a thing damaged or burnt, fish killed, a film of oil.
var harmToldWords = [...]string{"死鱼", "鱼类死亡", "鱼死亡", "油膜", "损坏", "损毁", "毁坏", "烧毁", "受损", "起火", "着火", "爆炸",
	"中毒", "受伤", "烧伤", "烫伤", "死亡", "伤亡", "送医", "住院", "就医"}

// butHarmWords, after 但 or 却 in the sentence of an observed no-harm cue,
// tell the harm the contrast sets against it (无明显油污，但下游河道已出现
// 大面积泡沫; 未见异味，却经监测超标): what an inspection then saw.
var butHarmWords = [...]string{"出现", "泡沫", "超标", "污染", "异味", "浑浊", "发黑", "发臭", "变色", "漂浮"}

// contrastWords open the clause that sets a harm against what was not found.
var contrastWords = [...]string{"但", "却", "然而", "不过", "可是"}

// riskBefore, in the few runes before a harm word, make it a danger, not a
// harm done (防止起火, 存在爆炸危险, 可能造成人员伤亡, 一旦着火).
var riskBefore = [...]string{"防止", "避免", "以免", "预防", "可能", "容易", "易发生", "易引发", "易造成", "极易", "一旦", "如果", "如发生", "若发生", "隐患", "风险"}

// observedNoHarmAgainst reports whether the observed no-harm cue c at i is
// outweighed by a harm the text tells: in its sentence after a 但 or 却
// (butHarmWords, or any of harmToldWords), or anywhere undenied
// (harmToldWords). Other no-harm cues are left to the rules, which unset
// 未造成危害后果 when a harm is read (rules.FactsOf).
func observedNoHarmAgainst(s, c string, i int) bool {
	observed := false
	for _, o := range observedNoHarmCues {
		if c == o {
			observed = true
			break
		}
	}
	if !observed {
		return false
	}
	sentence := s[i:]
	if k := sentenceEnd(sentence); k >= 0 {
		sentence = sentence[:k]
	}
	for _, w := range contrastWords {
		k := Index(sentence, w)
		if k < 0 {
			continue
		}
		rest := sentence[k+len(w):]
		at := i + k + len(w)
		for _, h := range butHarmWords {
			if j := Index(rest, h); j >= 0 && !Negated(s, at+j) {
				return true
			}
		}
	}
	return harmToldIn(s)
}

// harmToldIn reports whether s tells a harm done: one of harmToldWords not
// negated (未造成人员伤亡, 未见损坏) and not a danger (防止起火).
func harmToldIn(s string) bool {
	for _, h := range harmToldWords {
		for off := 0; off < len(s); {
			j := Index(s[off:], h)
			if j < 0 {
				break
			}
			at := off + j
			off = at + len(h)
			if Negated(s, at) || riskNamed(s, at, off) {
				continue
			}
			return true
		}
	}
	return false
}

// riskNamed reports whether the harm word at [at, end) is told as a danger:
// riskBefore in the few runes before it in its clause, or 危险 / 隐患 right
// after it (爆炸危险, 着火隐患).
func riskNamed(s string, at, end int) bool {
	before := lastRunes(s[clauseBefore(s, at, isPhraseEnd):at], 8)
	return containsAny(before, riskBefore[:]...) || hasAnyPrefix(s[end:], "危险", "隐患", "风险", "的危险", "的风险", "的隐患")
}

// rebateRefusedWords, after an export rebate declared too high, say it was
// not paid (税务机关未予退税, 不予退税) or was an error put right (经审核系
// 计算错误, 已更正申报): 税收征收管理法 第六十六条 fines 骗取税款一倍以上五倍
// 以下, the rebate obtained by deceit, and here none was.
var rebateRefusedWords = [...]string{"未予退税", "不予退税", "未退税", "未办理退税", "未予办理退税", "不予办理退税", "未获退税", "未获得退税",
	"尚未退税", "未实际退税", "未取得退税", "没有退税", "未予退还", "不予退还", "未退付", "退税申请被驳回",
	"计算错误", "填报错误", "填写错误", "录入错误", "申报错误", "笔误", "更正申报", "已更正", "自行更正", "予以更正"}

// rebateNotObtained reports whether the tax amount at [a, e) is an export
// rebate (its clause names 退税 in the runes before it) that the text after
// it, within maxLookback bytes, tells refused or corrected (rebateRefusedWords,
// not negated).
func rebateNotObtained(s string, a, e int) bool {
	if !Contains(lastRunes(s[clauseBefore(s, a, isPhraseEnd):a], 12), "退税") {
		return false
	}
	after := s[e:min(len(s), e+maxLookback)]
	for _, w := range rebateRefusedWords {
		if j := Index(after, w); j >= 0 && !Negated(s, e+j) {
			return true
		}
	}
	return false
}
