package corpus

import (
	"context"
	"strings"
)

// expansions maps words officers type to the words statutes use for the
// same conduct. Statutes never say 无证经营 or 醉驾; they say 未取得…许可 and
// 醉酒驾驶机动车. Written by us from the statute texts; each right-hand side
// is wording that occurs in the articles it should reach (cited beside it).
var expansions = []struct {
	cue    string
	extras string
}{
	{"无证", "未取得许可"},             // 食品安全法 第一百二十二条: 未取得食品生产经营许可
	{"无照", "未取得营业执照"},           // 无证无照经营查处办法 第十三条
	{"醉驾", "醉酒驾驶机动车"},           // 道路交通安全法 第九十一条; 刑法 第一百三十三条之一
	{"酒驾", "饮酒后驾驶机动车"},          // 道路交通安全法 第九十一条
	{"过期", "超过保质期"},             // 食品安全法 第一百二十四条第一款第（五）项
	{"超标排放", "超过排放标准"},          // 大气污染防治法 第九十九条第（二）项
	{"欠薪", "拖欠 劳动报酬 工资"},        // 劳动合同法 第八十五条
	{"拖欠工资", "劳动报酬"},            // 劳动合同法 第八十五条
	{"黑车", "未取得道路运输经营许可"},       // 道路运输条例 第六十三条
	{"非法营运", "未取得道路运输经营许可"},     // 道路运输条例 第六十三条
	{"假冒伪劣", "掺杂 掺假 以假充真 以次充好"}, // 产品质量法 第五十条
	{"违建", "未取得建设工程规划许可证"},      // 城乡规划法 第六十四条
	{"违章建筑", "未取得建设工程规划许可证"},    // 城乡规划法 第六十四条
	{"偷税", "逃税 不缴或者少缴应纳税款"},     // 税收征收管理法 第六十三条
	{"漏税", "少缴应纳税款"},            // 税收征收管理法 第六十三条
	{"消防通道", "消防车通道"},           // 消防法 第六十条第一款第（五）项
	{"乱倒", "随意倾倒"},              // 固体废物污染环境防治法 第一百一十一条
	{"偷排", "逃避监管 排放"},           // 水污染防治法 第八十三条第（三）项
	{"暗管", "暗管 逃避监管"},           // 水污染防治法 第八十三条第（三）项
	{"虚假宣传", "虚假广告 引人误解"},       // 广告法 第二十八条、第五十五条
	{"价格欺诈", "欺骗性 价格手段"},        // 价格法 第十四条第（四）项
	{"童工", "使用童工 未满十六周岁"},       // 禁止使用童工规定 第二条
	{"无证驾驶", "未取得机动车驾驶证"},       // 道路交通安全法 第九十九条第一款第（一）项
	{"超载", "超过核定载质量 超过核定乘员"},    // 道路交通安全法 第九十二条
}

// ExpandQuery appends statute wording for colloquial enforcement terms found
// in q. The original words stay first, so they keep their weight.
func ExpandQuery(q string) string {
	var extra []string
	for _, e := range expansions {
		if strings.Contains(q, e.cue) {
			extra = append(extra, e.extras)
		}
	}
	if len(extra) == 0 {
		return q
	}
	return q + " " + strings.Join(extra, " ")
}

// SearchNorms searches statute articles, expanding colloquial terms.
func (l *Library) SearchNorms(ctx context.Context, q NormQuery) (Results[NormHit], error) {
	q.Q = ExpandQuery(q.Q)
	return l.index.SearchNorms(ctx, q)
}

// SearchCases searches cases, expanding colloquial terms.
func (l *Library) SearchCases(ctx context.Context, q CaseQuery) (Results[CaseHit], error) {
	q.Q = ExpandQuery(q.Q)
	return l.index.SearchCases(ctx, q)
}
