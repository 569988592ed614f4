package nlp

import "testing"

// TestCircumstancePhrasingsThirtieth: the circumstance phrasings of the
// blind30a rows' disposition misses, in other words. A spill swept up by the
// driver with the tools it carried before anyone came (自带扫帚清扫) lessens
// the harm of its own accord; a recheck that finds the training done
// (复查…已完成岗前安全培训) or the papers gathered again (重新整理装订) is the
// correction; tax short looked for and not found (未发现少缴税款) is no harm.
// Guards: a sanitation worker's sweeping, a sweep demanded by the officers,
// a denied sweep, a recheck that finds it not done, tax short found.
func TestCircumstancePhrasingsThirtieth(t *testing.T) {
	checkCircumstanceRows(t, []circumstanceRow{
		{"the driver sweeps the spill with its own broom", "司机发现车上的煤渣掉了一路，停下车自带扫把把路面清扫了一遍。", CircSelfRemovedHarm, true},
		{"in the party's words", "车主说：看到掉了东西我就停了，自己先扫干净再走的。", CircSelfRemovedHarm, true},
		{"a recheck finds the training done", "3月5日复查，两名新入职的焊工已完成岗前安全培训，培训档案齐全。", CircCorrectedInTime, true},
		{"papers gathered and handed in", "店主把缺失的凭证找回来，重新整理装订后交给了税务所。", CircCorrectedInTime, true},
		{"tax short looked for and not found", "经比对开票和银行流水，未发现少缴税款。", CircNoHarm, true},
		// guards
		{"a sanitation worker sweeps", "货车遗撒砂石后驶离，环卫工人自带扫帚将路面清扫干净。", CircSelfRemovedHarm, false},
		{"a sweep the officers demanded", "执法人员要求驾驶员自带工具清扫路面。", CircSelfRemovedHarm, false},
		{"a sweep denied", "驾驶员并没有自带工具清扫，直接开车走了。", CircSelfRemovedHarm, false},
		{"a recheck finds it not done", "复查时，该公司仍未完成安全培训。", CircCorrectedInTime, false},
		{"tax short found", "经核查，发现少缴税款3.2万元。", CircNoHarm, false},
	})
}
