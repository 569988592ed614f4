package corpus

import "strings"

// expansions maps words officers type to the words statutes use for the
// same conduct. Statutes never say 无证经营 or 醉驾; they say 未取得…许可 and
// 醉酒驾驶机动车. Written by us from the statute texts; each right-hand side
// is wording that occurs in the articles it should reach (cited beside it).
var expansions = []struct {
	cue    string
	extras string
	// unless names a longer phrase containing cue that means something
	// else: 醉酒驾驶 contains 酒驾 but is not drink-driving.
	unless string
}{
	{cue: "无证经营", extras: "未取得许可 从事 经营活动"},
	{cue: "无证", extras: "未取得许可证", unless: "无证经营"},  // 食品安全法 第一百二十二条: 未取得食品生产经营许可
	{cue: "无照", extras: "无照经营 营业执照"},               // 无证无照经营查处办法 第十三条: 从事无照经营的
	{cue: "醉驾", extras: "醉酒驾驶机动车"},                 // 道路交通安全法 第九十一条; 刑法 第一百三十三条之一
	{cue: "酒驾", extras: "饮酒后驾驶机动车", unless: "醉酒驾"}, // 道路交通安全法 第九十一条
	{cue: "过期", extras: "超过保质期"},                   // 食品安全法 第一百二十四条第一款第（五）项
	{cue: "超标排放", extras: "超过 排放标准"},               // 大气污染防治法 第九十九条第（二）项: 超过大气污染物排放标准
	{cue: "欠薪", extras: "拖欠 劳动报酬 工资"},              // 劳动合同法 第八十五条
	{cue: "拖欠工资", extras: "劳动报酬"},                  // 劳动合同法 第八十五条
	{cue: "黑车", extras: "未取得道路运输经营许可"},             // 道路运输条例 第六十三条
	{cue: "非法营运", extras: "未取得道路运输经营许可"},           // 道路运输条例 第六十三条
	{cue: "假冒伪劣", extras: "掺杂 掺假 以假充真 以次充好"},       // 产品质量法 第五十条
	{cue: "违建", extras: "未取得建设工程规划许可证"},            // 城乡规划法 第六十四条
	{cue: "违章建筑", extras: "未取得建设工程规划许可证"},          // 城乡规划法 第六十四条
	{cue: "偷税", extras: "逃税 不缴或者少缴应纳税款"},           // 税收征收管理法 第六十三条
	{cue: "漏税", extras: "少缴应纳税款"},                  // 税收征收管理法 第六十三条
	{cue: "消防通道", extras: "消防车通道"},                 // 消防法 第六十条第一款第（五）项
	{cue: "乱倒", extras: "随意倾倒"},                    // 固体废物污染环境防治法 第一百一十一条
	{cue: "偷排", extras: "逃避监管 排放"},                 // 水污染防治法 第八十三条第（三）项
	{cue: "虚假宣传", extras: "虚假广告 引人误解"},             // 广告法 第二十八条、第五十五条
	{cue: "价格欺诈", extras: "欺骗性 价格手段"},              // 价格法 第十四条第（四）项
	{cue: "童工", extras: "使用童工 不满16周岁"},             // 禁止使用童工规定 第二条
	{cue: "无证驾驶", extras: "未取得机动车驾驶证"},             // 道路交通安全法 第九十九条第一款第（一）项
	{cue: "超载", extras: "超过核定载质量 超过核定乘员"},          // 道路交通安全法 第九十二条
}

// ExpandQuery appends statute wording for colloquial enforcement terms found
// in q. The original words stay first, so they keep their weight.
func ExpandQuery(q string) string {
	var extra []string
	for _, e := range expansions {
		if strings.Contains(q, e.cue) && (e.unless == "" || !strings.Contains(q, e.unless)) {
			extra = append(extra, e.extras)
		}
	}
	if len(extra) == 0 {
		return q
	}
	return q + " " + strings.Join(extra, " ")
}
