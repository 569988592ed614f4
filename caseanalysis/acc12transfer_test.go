package caseanalysis

import (
	"strings"
	"testing"

	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// TestTransferEleventhRoundKinds holds the kinds the eleventh accuracy round
// on likely criminal transfers fixed (issue 12, acc12transfer), each in words
// other than the development rows': a fraud told by what the party never
// could do and the contact cut after the money, blows at random told as
// 见人就打 / 素不相识, capsules whose contents the laboratory calls filler
// (内装物, 填充物), a pipe buried under the yard or leaving through its wall;
// from the second batch, the way into a home told (溜进…家中), industrial
// caustic soda on food.
func TestTransferEleventhRoundKinds(t *testing.T) {
	checkTransferRows(t, []transferRow{
		{"fraud told by the pretext and the cut contact", "韩某以帮人办理落户为名，先后收取被害人现金九千元，收钱后即删除对方微信好友，经查其并无任何办理能力。", []string{"police-49-theft"}, rules.RiskLikely, "诈骗罪"},
		{"blows at random on strangers", "彭某酒后在广场上逢人便打，致两名素不相识的行人面部挫伤，经鉴定均为轻微伤。", []string{"police-26-provocation"}, rules.RiskLikely, "寻衅滋事罪"},
		{"capsules whose contents are starch", "抽检某药店“头孢拉定胶囊”，检验报告载明其内装物为小麦淀粉，货值金额三百元。", []string{"drug-116-counterfeit"}, rules.RiskLikely, "生产、销售、提供假药罪"},
		{"a pipe buried under the yard", "执法人员发现某电镀厂车间地下埋着一根铁管，将含铬废液引入厂外沟渠。", []string{"water-83-evading-supervision"}, rules.RiskLikely, "污染环境罪"},
		// second batch
		{"the way into a home told", "2025年9月3日夜，魏某趁村民外出，从后窗钻进屋内，从衣柜里拿走现金四百元。", []string{"police-49-theft"}, rules.RiskLikely, "盗窃罪"},
		{"an unlocked door is no denial", "2025年10月5日，钱某趁屋主外出，从未上锁的阳台门进入其家中，拿走首饰一件，价值五百元。", []string{"police-49-theft"}, rules.RiskLikely, "盗窃罪"},
		{"industrial caustic soda on food", "某摊贩使用工业用氢氧化钠溶液浸泡鱿鱼后出售，货值八百元。", []string{"food-123-nonfood-substance"}, rules.RiskLikely, "生产、销售有毒、有害食品罪"},
	})
}

// TestEleventhRoundTransferBases: the conduct behind the transfer rows ranks
// first in words other than the development rows'.
func TestEleventhRoundTransferBases(t *testing.T) {
	a := newProvisionAnalyzer(t)
	checkKindRows(t, a, []kindRow{
		{"fraud told by the pretext and the cut contact", "韩某以帮人办理落户为名，先后收取被害人现金九千元，收钱后即删除对方微信好友，经查其并无任何办理能力。",
			"police-49-theft", legal.Ref{}, ""},
		{"blows at random on strangers", "彭某酒后在广场上逢人便打，致两名素不相识的行人面部挫伤，经鉴定均为轻微伤。",
			"police-26-provocation", legal.Ref{}, ""},
		{"capsules whose contents are starch", "抽检某药店“头孢拉定胶囊”，检验报告载明其内装物为小麦淀粉。",
			"drug-116-counterfeit", legal.Ref{}, "drug-126-gsp"},
		{"a pipe buried under the yard", "执法人员发现某电镀厂车间地下埋着一根铁管，将含铬废液引入厂外沟渠。",
			"water-83-evading-supervision", legal.Ref{}, ""},
	})
}

// TestAttributiveNegation: a far negation closed by 的 describes the thing
// before the cue (未上锁的门, 家中无人的时候); one that reaches the cue still
// denies it.
func TestAttributiveNegation(t *testing.T) {
	for _, tt := range []struct {
		text, cue string
		want      bool
	}{
		{"从未关闭的厨房窗户爬进屋内", "爬进屋内", false},
		{"趁家中无人的时候潜入屋内", "潜入屋内", false},
		{"经查未潜入屋内", "潜入屋内", true},
		{"未发现其进入他人家中", "进入他人家中", true},
	} {
		pos := strings.Index(tt.text, tt.cue)
		if got := nlp.Negated(tt.text, pos); got != tt.want {
			t.Errorf("Negated(%s at %s) = %v, want %v", tt.text, tt.cue, got, tt.want)
		}
	}
}
