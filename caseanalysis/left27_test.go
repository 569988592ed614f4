package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/rules"
)

// TestLiabilityReaderTwentySeventh: one reader tells whose each share of an
// accident's liability is and who died, for the 交通肇事罪 condition and the
// blanking of the dead's share alike (left27). The dead are read from the
// death however it is told after the name (倒地后死亡), and a share told with
// 承担 is a share as one told with 负; the party's own full share, with the
// victim's death, is still likely.
func TestLiabilityReaderTwentySeventh(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkAnalyzerTransferRows(t, a, []transferRow{
		{"a rider named only as the one who died bore the main share",
			"当事人驾驶小型轿车在环城北路与一辆电动车相撞，电动车驾驶人章某倒地后死亡。经认定，章某负事故主要责任。",
			nil, rules.RiskNone, ""},
		{"roles only, the dead motorcyclist's share told with 承担",
			"两车在十字路口相撞，三轮摩托车驾驶人当场死亡。交警认定三轮摩托车驾驶人承担事故主要责任，小型客车驾驶人承担次要责任。",
			nil, rules.RiskNone, ""},
		{"the party's own full share told with 承担",
			"当事人驾驶重型货车右转时未停车瞭望，将骑自行车的老人撞倒，老人经抢救无效死亡。经认定，当事人承担事故全部责任。",
			nil, rules.RiskLikely, "交通肇事罪"},
	})
}
