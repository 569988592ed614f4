package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// TestPoliceFlagWordsThirtieth: three 治安 circumstances told without their
// statute words. 教唆 as setting a counted or described group on (唆使邻居家
// 两名少年, 指使同村三名青年); 阻碍人民警察 as what was done to the officers or
// their car (挡住警车, 拉扯民警); 主动投案 as a register's source field or the
// party's own coming in (就来投案, 来到派出所……交代了). Guards: the party set
// on by others, the police arriving after another agency was hindered, one
// brought in, a victim's report, a denial.
func TestPoliceFlagWordsThirtieth(t *testing.T) {
	b := &rules.Benchmark{ID: "x", Flags: map[string]string{
		"instigated":     "教唆、胁迫、诱骗他人违反治安管理",
		"against_police": "阻碍人民警察依法执行职务",
		"surrendered":    "主动投案，向公安机关如实陈述自己的违法行为",
	}}
	for _, tt := range []struct {
		name, text, flag string
		want             bool
	}{
		{"set a counted group on", "查明：房某唆使隔壁村三名青年把养殖场的围网剪开。", "instigated", true},
		{"set children on", "经查，卫某指使楼下的两个孩子往邻居家门上泼油漆。", "instigated", true},
		{"set on by a group", "查明：房某受隔壁村三名青年唆使，把养殖场的围网剪开。", "instigated", false},
		{"blocked the police car", "民警依法带走嫌疑人时，诸某用身体把警车车门挡住，不让车辆离开。", "against_police", true},
		{"pulled at the officers", "当晚诸某多次拉扯民警衣服，阻止民警将其儿子带离。", "against_police", true},
		{"police came after the city officers were hindered", "诸某阻拦城管队员扣押三轮车，民警到场后将其带离现场。", "against_police", false},
		{"a register's source field", "受案登记表 案件来源：投案 简要案情：1月3日晚，某某在KTV门口砸坏他人车辆后视镜。", "surrendered", true},
		{"came in himself", "事发后他心里害怕，第二天就来投案，讲了砸车的经过。", "surrendered", true},
		{"walked in and told it", "次日上午，管某独自来到派出所，交代了当晚在烧烤店闹事的经过。", "surrendered", true},
		{"brought in by the police", "民警将管某传唤至派出所，管某交代了当晚在烧烤店闹事的经过。", "surrendered", false},
		{"a victim's report", "次日上午，被砸车辆的车主来到派出所报案，说了当晚看到的情况。", "surrendered", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			norm := nlp.NormalizeText(tt.text)
			flags, _ := inferFlags(b, norm, readOrders(norm))
			if flags[tt.flag] != tt.want {
				t.Errorf("%s = %v, want %v", tt.flag, flags[tt.flag], tt.want)
			}
		})
	}
}
