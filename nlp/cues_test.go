package nlp

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCueIn(t *testing.T) {
	tests := []struct {
		text, cue string
		want      bool
	}{
		{"在食品中添加了工业用非食品原料", "添加…非食品原料", true},
		{"在食品中添加了防腐剂。另查明使用非食品原料包装", "添加…非食品原料", false},
		{"未发现添加非食品原料", "添加…非食品原料", false},
		{"事故未造成人员伤亡", "人员伤亡", false},
		{"事故无人员伤亡", "人员伤亡", false},
		{"事故造成人员伤亡", "人员伤亡", true},
		{"未经依法批准，擅自从事矿山开采", "擅自从事矿山开采", true},
		{"当事人无证采矿", "无证采矿", true},
		{"当事人无证经营卷烟", "经营卷烟", true},
		{"当事人非法排放危险废物", "排放危险废物", true},
		{"经查不属于假药", "假药", false},
		{"销售假药", "假药", true},
		{"醉酒驾驶机动车", "醉酒驾驶", true},
		{"ＡＢＣ醉酒驾驶", "醉酒驾驶", true},
		// A later part only before the opening, or parts out of order, is
		// no match; one found only after a later occurrence of the opening
		// is.
		{"非食品原料中未见添加", "添加…非食品原料", false},
		{"原料已过期，仍在使用", "使用…过期…原料", false},
		{"使用了过期的原料", "使用…过期…原料", true},
		{"添加剂检验合格。另查明当事人在食品中添加非食品原料", "添加…非食品原料", true},
	}
	for _, tt := range tests {
		if got := NewCue(tt.cue).In(tt.text); got != tt.want {
			t.Errorf("cue %q in %q = %v; want %v", tt.cue, tt.text, got, tt.want)
		}
	}
}

// TestNegated covers every word of the three negation lists merged into
// negations (fact extraction's, transfer cues' and benchmark flags'): each
// denies a cue it touches; a far word also one a verb away; none reaches
// across a clause break or further than negationReach runes.
func TestNegated(t *testing.T) {
	words := []struct {
		word string
		far  bool
	}{
		// fact extraction
		{"未", true}, {"不", false}, {"没有", true}, {"没", true}, {"拒", false}, {"拒绝", false},
		{"并非", true}, {"非", false}, {"无", true}, {"否", false},
		// transfer cues
		{"不存在", true}, {"不是", true}, {"不属于", true}, {"不构成", true}, {"不涉及", true},
		{"否认", true}, {"排除", true},
		// benchmark flags
		{"尚未", true},
		// places the act was not in
		{"不在", true}, {"不位于", true}, {"不处于", true},
	}
	const cue = "人员伤亡"
	for _, w := range words {
		cases := []struct {
			name, before string
			want         bool
		}{
			{"touching", "经查，" + w.word, true},
			{"after a filler", "经查，" + w.word + "及时", true},
			{"a verb away", "经查，" + w.word + "造成", w.far},
			{"across a clause break", "经查" + w.word + "发生事故，", false},
			{"beyond reach", w.word + "发生事故后又经过多日的时间后造成", false},
			{"after conduct words", "当事人" + w.word + "经批准施工造成", false},
		}
		for _, c := range cases {
			s := c.before + cue + "。"
			if got := Negated(s, len(c.before)); got != c.want {
				t.Errorf("%s %s: Negated(%q) = %v; want %v", w.word, c.name, s, got, c.want)
			}
		}
	}
	plain := []struct {
		text string
		at   string
		want bool
	}{
		{"事故造成人员伤亡", "人员伤亡", false},
		{"人员伤亡", "人员伤亡", false},
		{"向未成年人销售保健品", "保健品", false},
		{"依法没收违法所得后首次", "首次", false},
		{"当事人无营业执照", "营业执照", true},
		{"当事人无证经营卷烟", "经营卷烟", false},
		{"当事人非法占用耕地", "占用耕地", false},
		{"未配合调查、如实陈述", "如实陈述", true},
		{"当事人不能及时改正", "改正", true},
		{"未足额缴纳18名员工社会保险费", "社会保险费", false},
		{"当事人未缴纳职工社保费", "社保费", false},
		// 即 joins a denied act to the next: the negation ends before it.
		{"撞上护栏后未作停留即驾车离开", "驾车离开", false},
		{"未报警也未救助即驶离现场", "驶离", false},
		{"刮倒行人后未下车查看随即开车逃走", "开车逃走", false},
		{"驾驶人虽在现场但未立即驶离", "驶离", true},
		// A negation joined to an earlier one by 也, 又, 、 denies its own
		// act; without a coordinator the earlier one reaches it.
		{"前台未查看身份证件也未登记姓名", "未登记", false},
		{"既不核对证件又没有登记住客信息", "没有登记", false},
		{"未审核资质、未登记台账", "未登记", false},
		{"未出示证件也不配合检查", "不配合", false},
		{"检查未发现未登记的情况", "未登记", true},
		{"当事人未提供也未登记", "登记", true},
		// an age limit describes the person, it denies nothing after it
		{"安排怀孕未满三个月的女工加班", "女工", false},
		{"招用不满16周岁的学生做工", "做工", false},
		{"当事人未满足安全距离要求", "安全距离", true},
		// a product's attribute (无菌, 无纺, 无糖 …) names the goods, it denies nothing
		{"货架上的一次性无菌输液器已过期", "输液器", false},
		{"店内销售的无纺布口罩标签不全", "口罩", false},
		{"冷柜里的无糖酸奶已过保质期", "酸奶", false},
		{"仓库内堆放的无缝钢管未标明规格", "钢管", false},
		{"当事人无医疗器械经营许可证", "医疗器械", true},
		// 以……为由: the pretext's negation does not deny the act after it.
		{"店主以没有库存为由拒绝退货", "拒绝退货", false},
		{"负责人以“账本不在店里”为由不让检查人员进门", "检查人员", false},
		{"经理以材料未准备好为由推脱", "推脱", false},
		{"以检修为由未开启除尘设施", "开启除尘设施", true},
	}
	for _, p := range plain {
		pos := strings.Index(p.text, p.at)
		if got := Negated(p.text, pos); got != p.want {
			t.Errorf("Negated(%q at %q) = %v; want %v", p.text, p.at, got, p.want)
		}
	}
}

func TestNegatedAllocatesNothing(t *testing.T) {
	s := "经查，当事人未发现造成人员伤亡的情况"
	pos := strings.Index(s, "人员伤亡")
	if n := testing.AllocsPerRun(100, func() { Negated(s, pos) }); n != 0 {
		t.Errorf("Negated allocates %v times", n)
	}
}

// TestPhraseIndexFindsEveryPhrase checks the one-pass phrase scan, and the
// first offset it records, against strings.Index for every phrase the circumstance extraction and a cue
// index look for, over officer texts and hostile ones (invalid UTF-8, one
// rune, the replacement character, a phrase at the very end).
func TestPhraseIndexFindsEveryPhrase(t *testing.T) {
	phrases := circumstancePhrases.list
	extra := []string{"食", "食品", "超过保质期", "\ufffd食", "元。", "\ufffd", "\xff", "品"}
	texts := append(slices.Clone(extractBenchTexts), "", "食", "\xff食品", "食品\xff", "\ufffd食品", "超过保质期",
		"当事人已改正", strings.Repeat("已整改", 300)+"元。")
	cues := NewCues([]string{"添加…非食品原料", "超过保质期"})
	idx := NewCueIndex(cues, extra...)
	found := 0
	for _, text := range texts {
		present := make([]int32, len(phrases))
		circumstancePhrases.scan(text, make([]uint64, (len(phrases)+63)/64), present)
		scan := idx.Scan(text)
		for i, p := range phrases {
			at, ok := int(present[i])-1, present[i] != 0
			if want := strings.Index(text, p); !ok && want >= 0 || ok && at != want {
				t.Errorf("circumstance phrase %q in %.40q: scan %d %v, strings.Index %d", p, text, at, ok, want)
			}
			if ok {
				found++
			}
		}
		for _, p := range append(extra, "添加") {
			ok := bit(scan.seen, idx.phrases.ids[p])
			if want := strings.Contains(text, p); ok != want || scan.Contains(p) != ok {
				t.Errorf("phrase %q in %.40q: scan %v, strings.Contains %v", p, text, ok, want)
			}
		}
		for _, q := range cues {
			if ok, want := scan.has(&q), strings.Contains(text, q.Opening()); ok != want {
				t.Errorf("opening of %q in %.40q: scan %v, strings.Contains %v", q.Text(), text, ok, want)
			}
		}
	}
	if found == 0 {
		t.Fatal("no circumstance phrase found in any text: the comparison tested nothing")
	}
}

// TestSentenceEndIsIndexAny checks the byte scan for a sentence's end
// against strings.IndexAny with the same marks, on officer texts and
// hostile ones (a mark cut short at the end, bytes of a mark inside other
// runes, invalid UTF-8).
func TestSentenceEndIsIndexAny(t *testing.T) {
	texts := append(slices.Clone(extractBenchTexts), "", "。", "\xe3\x80", "\xef\xbc", "食\xe3\x80\x82", "\x80\x82。",
		"ａ；ｂ", "全角！半角!", "问？", "换\n行", "（括号）", "：冒号，逗号、顿号")
	found := 0
	for _, text := range texts {
		for from := 0; from <= len(text); from++ {
			got, want := sentenceEnd(text[from:]), strings.IndexAny(text[from:], "。；！？;!?\n")
			if got != want {
				t.Fatalf("sentenceEnd(%.40q) = %d, IndexAny %d", text[from:], got, want)
			}
			if got >= 0 {
				found++
			}
		}
	}
	if found == 0 {
		t.Fatal("no sentence end found in any text: the comparison tested nothing")
	}
}

// TestCueFindPlaceOutside covers a place the text puts the act outside of:
// a far 不在/不位于, a following 以外/之外/外, a distance from it, and a 非
// that denies a longer synonym of the list around the cue. The cue list is
// the drinking-water zone element's (rules/catalog/water.yaml): 水源保护区
// sits inside 饮用水水源保护区.
func TestCueFindPlaceOutside(t *testing.T) {
	zone := NewCues([]string{"饮用水水源保护区", "水源保护区", "饮用水源保护区", "水源地保护区", "一级保护区", "二级保护区", "饮用水水源地", "饮用水源地"})
	tests := []struct {
		name, text string
		want       bool
	}{
		{"inside", "当事人在饮用水水源保护区内设置排污口", true},
		{"inside, short name", "排污口设在水源保护区内", true},
		{"second-level zone", "排污口位于饮用水水源二级保护区内", true},
		{"source area", "在集中式饮用水水源地设置排污口", true},
		{"非 before the full name", "排污口位于非饮用水水源保护区的河段", false},
		{"非 before the short name", "该河段属非水源保护区", false},
		{"不在 … 内", "经核实，该排污口不在饮用水水源保护区内", false},
		{"不位于", "排污口不位于饮用水水源二级保护区范围内", false},
		{"以外", "排污口位于饮用水水源保护区以外的河段", false},
		{"范围外", "排污口设在饮用水源保护区范围外，", false},
		{"之外", "该排污口处于水源地保护区之外", false},
		{"外 before a break", "排污口位于一级保护区外，未经同意设置", false},
		{"distance in 公里", "排污口距饮用水水源保护区约3公里", false},
		{"distance in 米", "排污口距离饮用水水源保护区边界五百米", false},
		{"distance without a unit is not outside", "排污口距离饮用水水源保护区很近", true},
		{"denied once, stated again", "排污口一处位于饮用水水源保护区以外，另一处设在饮用水水源保护区内", true},
		{"外排 is not outside", "在饮用水水源保护区外排污水", true},
		{"the zone map, then outside", "经核对饮用水水源保护区划定图，该排污口位于饮用水水源保护区以外", false},
		{"the zone map, then inside", "经查阅水源保护区划定文件，该排污口位于二级保护区内", true},
	}
	idx := NewCueIndex(zone)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := NormalizeText(tt.text)
			cue, got := idx.Scan(text).Find(zone)
			if got != tt.want {
				t.Errorf("Find(%q) = %q, %v; want %v", tt.text, cue, got, tt.want)
			}
		})
	}
}

// TestCueScanFindIsInAmong checks the scan's answer, asked several times
// of one scan (the remembered answers) and for cues compiled after the
// index (never indexed), against InAmong over the whole text, on the
// sample cases, the scenarios and hostile texts.
func TestCueScanFindIsInAmong(t *testing.T) {
	lists := [][]string{
		{"饮用水水源保护区", "水源保护区", "保护区"},
		{"添加…非食品原料", "超过保质期", "过期"},
		{"未改正", "改正", "整改"},
		{"无证经营", "未取得许可", "许可"},
		{"人员伤亡", "死亡", "受伤"},
		// cues with … whose later parts a text often lacks (the scan's
		// bits answer them) or holds only before the opening
		{"违反…规定", "使用…禁用农药", "未…取得…许可证", "违反…规定…擅自"},
	}
	var indexed [][]Cue
	var all []Cue
	for _, l := range lists {
		cs := NewCues(l)
		indexed = append(indexed, cs)
		all = append(all, cs...)
	}
	idx := NewCueIndex(all)
	late := NewCues([]string{"过期", "保质期", "新的提示词"}) // 过期 again, and two never indexed
	texts := append(slices.Clone(extractBenchTexts), "", "过期", "非饮用水水源保护区", "位于水源保护区以外，保护区内",
		"未造成人员伤亡，一人死亡", "当事人已改正。逾期未改正", "添加了非食品原料", "\xff超过保质期\xff",
		"违反了", "规定：当事人违反", "违反国家规定擅自", "使用农药", "在菜地使用禁用农药", "未依法取得排污许可证", "许可证未取得")
	for _, f := range sampleFacts(t) {
		texts = append(texts, NormalizeText(f))
	}
	found := 0
	for k := range 2 * len(texts) {
		// Each text through a Scan and through a ScanPooled scan, which
		// keeps the first offsets firstAt reads.
		text := texts[k/2]
		scan := idx.Scan(text)
		if k%2 == 1 {
			scan = idx.ScanPooled(text)
		}
		for round := range 2 {
			for _, cues := range append(slices.Clone(indexed), late) {
				want, wantOK := "", false
				for _, q := range cues {
					if q.InAmong(text, cues) {
						want, wantOK = q.Text(), true
						break
					}
				}
				if &cues[0] == &late[0] {
					// The two cues never indexed are never found.
					want, wantOK = "", false
					if late[0].InAmong(text, late) {
						want, wantOK = late[0].Text(), true
					}
				}
				got, ok := scan.Find(cues)
				if got != want || ok != wantOK {
					t.Errorf("round %d, %q in %.50q: Find %q %v, InAmong %q %v", round, cues[0].Text(), text, got, ok, want, wantOK)
				}
				if ok {
					found++
				}
			}
		}
	}
	if found < 20 {
		t.Fatalf("only %d cues found: the comparison tested little", found)
	}
}

// TestPhraseIndexScanLastIsLastIndex checks the one-pass last occurrence
// of every role cue against strings.LastIndex, over every clause end of the
// samples and scenarios (normalised) and hostile texts: what moneyRole
// reads instead of a LastIndex per cue.
func TestPhraseIndexScanLastIsLastIndex(t *testing.T) {
	texts := append(slices.Clone(extractBenchTexts), "", "货值", "货值货值金额货值", "\xff运费\xff", "\ufffd罚款", "违法所得违法所得",
		"清运费运费车费", "多收的价款多收价款")
	for _, f := range sampleFacts(t) {
		texts = append(texts, NormalizeText(f))
	}
	found := 0
	for _, text := range texts {
		for end := 0; end <= len(text); end++ {
			if end < len(text) && !utf8.RuneStart(text[end]) {
				continue
			}
			w := text[:end]
			last := make([]int32, len(roleCuePhrases.list))
			roleCuePhrases.scanLast(w, last)
			for k, c := range roleCues {
				got, want := int(last[roleCueIDs[k]])-1, strings.LastIndex(w, c.cue)
				if got != want {
					t.Fatalf("%q in %.60q: scanLast %d, strings.LastIndex %d", c.cue, w, got, want)
				}
				if got >= 0 {
					found++
				}
			}
		}
	}
	if found < 1000 {
		t.Fatalf("only %d cue occurrences: the comparison tested little", found)
	}
}

// TestCueFindOutside checks that a one-rune cue does not count inside a
// word that only contains its rune (米 in 平方米, 果 in 危害后果, 油 in 石油),
// and still counts as a word of its own or beside such a word.
func TestCueFindOutside(t *testing.T) {
	food := NewCues([]string{"米", "面", "果", "油", "贝", "食品", "掺入…工业原料"})
	words := []string{"平方米", "3米", "面积", "路面", "后果", "效果", "石油", "加油", "分贝"}
	tests := []struct {
		name, text string
		want       string // the cue found, "" for none
	}{
		{"unit of area", "经营场所面积约80平方米", ""},
		{"distance", "距离学校3米处", ""},
		{"road surface", "在路面堆放建筑材料", ""},
		{"harm", "未造成危害后果", ""},
		{"advertised effect", "宣称具有美白效果", ""},
		{"petrol station", "某石油加油站", ""},
		{"decibels", "夜间噪声达65分贝", ""},
		{"rice on its own", "销售发霉的大米", "米"},
		{"noodles beside an area", "面积40平方米的面馆销售过期挂面", "面"},
		{"fruit after a harm word", "未造成后果，仅出售了变质水果", "果"},
		{"cooking oil", "使用地沟油加工食品", "油"},
		{"negated stays negated", "店内没有米", ""},
		{"longer cue unaffected", "销售过期食品", "食品"},
		{"two-part cue", "在馒头中掺入工业原料", "掺入…工业原料"},
		{"two-part cue negated", "未发现掺入工业原料", ""},
	}
	idx := NewCueIndex(food)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := idx.Scan(NormalizeText(tt.text)).FindOutside(food, words)
			if got != tt.want {
				t.Errorf("FindOutside(%q) = %q, want %q", tt.text, got, tt.want)
			}
			// Find remembers each cue's answer in the scan, and
			// FindOutside reads it: asked after Find, it answers the same.
			scan := idx.Scan(NormalizeText(tt.text))
			scan.Find(food)
			if again, _ := scan.FindOutside(food, words); again != got {
				t.Errorf("FindOutside(%q) after Find = %q, alone %q", tt.text, again, got)
			}
		})
	}
}

// TestCueScanSeenIsContains checks that Seen yields, in increasing order,
// exactly the numbers of the indexed phrases Contains finds, over phrases
// of one and more runes and more than 64 phrases (several bit words).
func TestCueScanSeenIsContains(t *testing.T) {
	phrases := []string{"米", "食品", "过期食品", "添加", "非食品原料", "责令改正", "拒不改正"}
	for i := range 70 {
		phrases = append(phrases, fmt.Sprintf("第%d条", i))
	}
	idx := NewCueIndex(NewCues([]string{"添加…非食品原料", "销售"}), phrases...)
	texts := []string{"", "销售过期食品", "在食品中添加非食品原料，经责令改正仍拒不改正", "违反第3条、第69条和第12条", "大米"}
	for _, text := range texts {
		scan := idx.Scan(NormalizeText(text))
		var got, want []int32
		for n := range scan.Seen() {
			got = append(got, n)
		}
		for _, p := range append([]string{"添加", "销售"}, phrases...) {
			n, ok := idx.Number(p)
			if !ok {
				t.Fatalf("Number(%q): not indexed", p)
			}
			if scan.Contains(p) && !slices.Contains(want, n) {
				want = append(want, n)
			}
		}
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("Seen(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestReportedCompliant: a cue in a clause of an inspection note that
// reports the thing in order names a side finding; a denied predicate, a
// correction, or a clause that goes on does not.
func TestReportedCompliant(t *testing.T) {
	for _, c := range []struct {
		text, cue string
		want      bool
	}{
		{"现场查看，消防栓水压充足完好，疏散通道被货物堵塞", "消防栓", true},
		{"经查，该公司安全警示标识设置规范。", "安全警示标识", true},
		{"喷淋系统经测试均运行正常，", "喷淋系统", true},
		{"员工健康证明均在有效期内", "健康证明", true},
		{"应急疏散指示灯照明良好；", "应急疏散指示灯", true},
		{"卫生许可、营业执照等证件齐全", "营业执照", true},
		{"灭火器压力不正常", "灭火器", false},
		{"防护装置未到位", "防护装置", false},
		{"停用的排烟风机现已修复正常", "排烟风机", false},
		{"锅炉压力表指针指向红区后当场更换合格", "压力表", false},
		{"抽检不符合化妆品安全技术规范", "化妆品安全技术", false},
		{"配电箱门敞开，电线老化", "配电箱", false},
		{"消防车通道被私家车占用，车主称马上挪走并确认车况良好", "消防车通道", false},
		// a duty done on time, records kept whole (acc10noise)
		{"该单位个人所得税纳税申报均已按时完成，", "纳税申报", true},
		{"危废转移联单保存完整", "转移联单", true},
		{"危废转移联单保存不完整", "转移联单", false},
		{"叉车司机均持证上岗，", "叉车司机", true},
		{"叉车司机未持证上岗", "叉车司机", false},
		// Eighteenth round: a pair sharing one predicate, and a way found free
		{"安全出口、疏散楼梯畅通，消防车通道未被占用。", "安全出口", true},
		{"安全出口、疏散楼梯畅通，消防车通道未被占用。", "消防车通道", true},
		{"灭火器、应急照明配置完好，", "灭火器", true},
		{"疏散通道无堵塞，", "疏散通道", true},
		{"灭火器、应急灯损坏，疏散通道畅通", "灭火器", false},
		{"灭火器过期、应急灯完好", "灭火器", false},
		{"安全出口、疏散楼梯、消防电梯前室完好", "安全出口", false},
		{"安全出口、疏散楼梯清理后畅通", "安全出口", false},
		{"消防车通道被占用，", "消防车通道", false},
	} {
		at := strings.Index(c.text, c.cue)
		if got := reportedCompliant(c.text, at, at+len(c.cue)); got != c.want {
			t.Errorf("reportedCompliant(%q, %q) = %v; want %v", c.text, c.cue, got, c.want)
		}
	}
}

// TestDeniesState: the runes that deny a compliant predicate they touch
// are the one-rune negation words but 拒 and 否, and 欠 — the set the
// predicate test used before it read negations.
func TestDeniesState(t *testing.T) {
	for _, c := range []struct {
		r    rune
		want bool
	}{
		{'不', true}, {'未', true}, {'无', true}, {'没', true}, {'非', true}, {'欠', true},
		{'否', false}, {'拒', false}, {'并', false}, {'排', false}, {'已', false}, {'均', false}, {'有', false},
	} {
		if got := deniesState(c.r); got != c.want {
			t.Errorf("deniesState(%q) = %v; want %v", c.r, got, c.want)
		}
	}
}

// TestAccidentNotHappened checks that an accident's name followed by 隐患
// or a risk is no accident (重大事故隐患, 发生重大事故的现实危险), and that
// 无效 (抢救无效) denies nothing.
func TestAccidentNotHappened(t *testing.T) {
	tests := []struct {
		cue, text string
		want      bool
	}{
		{"重大事故", "该车间粉尘涉爆，经判定属于重大事故隐患。", false},
		{"认定…重大事故", "经专家论证认定为重大生产安全事故隐患", false},
		{"重大伤亡事故", "具有发生重大伤亡事故的现实危险", false},
		{"重大事故", "2025年3月该厂发生重大事故，造成12人死亡。", true},
		{"身亡", "伤者经送医抢救无效身亡", true},
		{"死亡", "工人经抢救无效死亡", true},
		{"死亡", "事故未造成人员死亡", false},
		// an accident supposed or planned for is none (acc10safety)
		{"发生…事故", "问及万一发生事故时该如何撤离，班组长答不上来", false},
		{"生产安全事故", "该公司未编制生产安全事故应急救援预案", false},
		{"发生…事故", "工人不清楚发生火灾事故怎么报警", false},
		{"安全事故", "近三年未组织安全事故演练", false},
		{"发生…事故", "2025年5月该厂发生一起机械伤害事故，事故时间为上午九时", true},
		{"生产安全事故", "经调查认定为一般生产安全事故，事故时造成一人死亡", true},
	}
	for _, tt := range tests {
		if got := NewCue(tt.cue).In(NormalizeText(tt.text)); got != tt.want {
			t.Errorf("%s in %q = %v, want %v", tt.cue, tt.text, got, tt.want)
		}
	}
}

// TestScanPooledAnswersAsScan checks that a pooled scan answers as Scan
// does, including on words another scan (of another index, larger and
// smaller) used and released before, whose bits and memos must not leak.
func TestScanPooledAnswersAsScan(t *testing.T) {
	cues := NewCues([]string{"添加…非食品原料", "超过保质期", "食品", "未超过保质期", "销售", "过期…食品"})
	small := NewCueIndex(cues[:2])
	idx := NewCueIndex(cues, "当事人", "元。")
	texts := append(slices.Clone(extractBenchTexts), "", "食品", "未超过保质期的食品", "销售过期的食品", "添加了非食品原料。")
	for round := range 3 {
		for _, text := range texts {
			other := small.ScanPooled("超过保质期的食品添加非食品原料" + text)
			other.Find(cues[:2])
			other.Release()
			want, got := idx.Scan(text), idx.ScanPooled(text)
			if !slices.Equal(slices.Collect(want.Seen()), slices.Collect(got.Seen())) {
				t.Errorf("round %d, %.40q: pooled scan saw %v, scan %v", round, text, slices.Collect(got.Seen()), slices.Collect(want.Seen()))
			}
			for i := range cues {
				w, wok := want.Find(cues[i:])
				g, gok := got.Find(cues[i:])
				if w != g || wok != gok {
					t.Errorf("round %d, %.40q: pooled Find(cues[%d:]) = %q %v, Scan %q %v", round, text, i, g, gok, w, wok)
				}
			}
			got.Release()
			want.Release() // a Scan's: nothing to give back
		}
	}
}

// TestAllegedThenDenied checks that what a report alleged and the
// inspection did not find is no cue of the act, and that a finding, or an
// allegation the text does not deny, still is.
func TestAllegedThenDenied(t *testing.T) {
	tests := []struct {
		cue, text string
		want      bool
	}{
		{"暗管", "群众来电反映某化工厂通过暗管排放废液。执法人员沿厂界排查雨污管网，没有发现暗管，但危废暂存间未设置标识。", false},
		{"无证经营", "网友举报某小吃店无证经营。经查，该店持有有效的食品经营许可证，未发现无证经营行为，但后厨未配备防蝇设施。", false},
		{"暗管", "群众来电反映某化工厂通过暗管排放废液。执法人员在厂区东侧发现一根通往河道的暗管。", true},
		{"暗管", "执法人员检查发现该厂私设暗管排放废水，未发现其他违法行为。", true},
		{"无证经营", "网友举报某小吃店无证经营，执法人员到场核实，该店确未取得食品经营许可证。", true},
		// the allegation denied as a whole (acc10noise): words it used not
		// found, 不属实 / 无证据证实, unless first confirmed or taken by a later
		// allegation
		{"偷排", "有群众来信反映该厂夜里通过暗管偷排污水。执法人员连续两晚蹲守，没有发现暗管。", false},
		{"虚假宣传", "消费者投诉该店虚假宣传。经核查，投诉内容不属实。", false},
		{"放火", "报警人称对方扬言要放火，民警询问周边群众，无证据证实。", false},
		{"偷排", "群众举报该厂偷排废水，经查属实，现场未发现其他违法行为。", true},
		{"无证经营", "网友举报某面馆无证经营，另称其后厨有老鼠。经查，后厨未发现鼠迹，该项举报不属实；面馆确未取得食品经营许可证。", true},
		// the ground given for a denial, and the denial word itself
		{"显示为", "市民投诉某店宣称纯羊毛是假的。执法人员抽检，检测结果显示为羊毛含量98%，该投诉不属实。", false},
		{"不属实", "该店宣称产品获得国家专利，经查不属实。", true},
		{"不属实", "顾客反映该店虚标产地，该项反映不属实。", false},
		// what a quarrel was about
		{"停车", "王某因停车纠纷与邻居争吵后离开。", false},
		{"停车", "王某在禁停路段停车后离开。", true},
	}
	for _, tt := range tests {
		if got := NewCue(tt.cue).In(NormalizeText(tt.text)); got != tt.want {
			t.Errorf("%s in %q = %v, want %v", tt.cue, tt.text, got, tt.want)
		}
	}
}

// TestLastStopOrNewlineIsLastIndexAny checks the byte scan for the last 。
// or newline against strings.LastIndexAny with the same set, on officer
// texts cut at every byte (as the callers' bounded windows cut them) and
// hostile ones.
func TestLastStopOrNewlineIsLastIndexAny(t *testing.T) {
	texts := append(slices.Clone(extractBenchTexts), "", "。", "\xe3\x80", "\x80\x82", "食\xe3\x80\x82", "\x80\x82。",
		"换\n行。尾", "\xe3\xe3\x80\x82", "。\xff\x82")
	found := 0
	for _, text := range texts {
		for from := 0; from <= len(text); from++ {
			for _, to := range []int{len(text), from + (len(text)-from)/2} {
				got, want := lastStopOrNewline(text[from:to]), strings.LastIndexAny(text[from:to], "。\n")
				if got != want {
					t.Fatalf("lastStopOrNewline(%.40q) = %d, LastIndexAny %d", text[from:to], got, want)
				}
				if got >= 0 {
					found++
				}
			}
		}
	}
	if found == 0 {
		t.Fatal("no mark found in any text: the comparison tested nothing")
	}
}

// TestFirstOfLastAllegations checks the one walk against the least of
// strings.LastIndex over the allegation words, on officer texts cut at
// every byte and hostile ones.
func TestFirstOfLastAllegations(t *testing.T) {
	texts := append(slices.Clone(extractBenchTexts), "群众举报称该厂私设暗管，投诉人还称另有举报", "经营者声称", "另称",
		"举", "举\xff报", "\xe4\xb8举报", "报警报案来电来信线索反映")
	found := 0
	for _, text := range texts {
		for from := 0; from <= len(text); from++ {
			s := text[from:]
			want := -1
			for _, w := range allegationWords {
				if i := strings.LastIndex(s, w); i >= 0 && (want < 0 || i < want) {
					want = i
				}
			}
			if got := firstOfLastAllegations(s); got != want {
				t.Fatalf("firstOfLastAllegations(%.40q) = %d, LastIndex %d", s, got, want)
			}
			if want >= 0 {
				found++
			}
		}
	}
	if found == 0 {
		t.Fatal("no allegation word in any text: the comparison tested nothing")
	}
}

// TestNotFoundBefore checks the one search for the cue against the search
// for each not-found word joined to it, on officer texts cut at every
// byte, with every two- to four-rune part of them as the cue, and on
// hostile ones.
func TestNotFoundBefore(t *testing.T) {
	texts := append(slices.Clone(extractBenchTexts), "举报称私设暗管。经排查，未发现暗管，也没有发现暗管", "未发现未发现暗管暗管",
		"没有\xff暗管", "不存在", "并无暗管并无")
	found := 0
	for _, text := range texts {
		rs := []rune(text)
		var parts []string
		for i := 0; i+2 <= len(rs) && len(parts) < 400; i += 3 {
			parts = append(parts, string(rs[i:min(len(rs), i+2+i%3)]))
		}
		parts = append(parts, "暗管", "", "\xff")
		for from := 0; from <= len(text); from += 1 + from%7 {
			later := text[from:]
			for _, part := range parts {
				want := false
				for _, w := range notFoundWords {
					want = want || strings.Contains(later, w+part)
				}
				if got := notFoundBefore(later, part); got != want {
					t.Fatalf("notFoundBefore(%.40q, %q) = %v, want %v", later, part, got, want)
				}
				if want {
					found++
				}
			}
		}
	}
	if found == 0 {
		t.Fatal("no not-found word before any part: the comparison tested nothing")
	}
}

// TestWindowHeads checks that allegedThenDenied's window skips no rune a
// word it looks for starts with.
func TestWindowHeads(t *testing.T) {
	words := append(append(append([]string{"属实"}, allegationWords[:]...), deniedAllegation[:]...), notFoundObjectWords[:]...)
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if windowHeads&(1<<(r&63)) == 0 {
			t.Errorf("%s: its first rune is not among windowHeads", w)
		}
	}
}

// TestNegatedActsObject checks that the object of a negated act, named right
// after 对 (未对餐具进行清洗消毒), is not denied, while the act after it
// still is.
func TestNegatedActsObject(t *testing.T) {
	for _, tt := range []struct {
		text, cue string
		want      bool
	}{
		{"未对餐具进行清洗消毒", "餐具", false},
		{"未对餐具进行清洗消毒", "消毒", true},
		{"没有对其电梯进行定期检验", "电梯", false},
		{"没有对其电梯进行定期检验", "定期检验", true},
		{"未对所售储气罐申报监督检验", "储气罐", false},
		{"未对该公司进行处罚", "处罚", true},
		{"未发现餐具", "餐具", true},
	} {
		at := strings.Index(tt.text, tt.cue)
		if got := Negated(tt.text, at); got != tt.want {
			t.Errorf("Negated(%q at %q) = %v, want %v", tt.text, tt.cue, got, tt.want)
		}
	}
}

// TestNegatedFindingListSixteenth: a negative finding (未发现, 没有发现, 未查见
// …) denies every item its clause lists, however far the item stands from
// it; a turn (但, 却) or a new clause ends the denial.
func TestNegatedFindingListSixteenth(t *testing.T) {
	for _, p := range []struct {
		text, at string
		want     bool
	}{
		{"检查中未发现该公司设有暗管、渗坑", "渗坑", true},
		{"未发现私设暗管、渗井、渗坑、雨污混排等情况", "雨污混排", true},
		{"执法人员没有发现旁路烟道、偷排管线或者篡改在线监测数据的迹象", "篡改", true},
		{"现场未查见暗管、渗坑、稀释排放等逃避监管行为", "稀释排放", true},
		{"未发现暗管，但在厂区东侧发现一处渗坑", "渗坑", false},
		{"未发现台账记录但现场查见一根暗管通往河道", "暗管", false},
		{"检查发现该公司通过暗管排放废水", "暗管", false},
	} {
		if got := Negated(p.text, strings.Index(p.text, p.at)); got != p.want {
			t.Errorf("Negated(%q at %q) = %v; want %v", p.text, p.at, got, p.want)
		}
	}
}
