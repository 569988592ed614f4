package nlp

import "testing"

// TestSelfDescribedAgeTwentyThird checks that an age in a clause describing
// a person named earlier as the one caught or acting (包某系某职高二年级学生，
// 现年17周岁) is the party's although the clause says 学生, while a pupil
// named first as the one struck, or one the clause says was harmed, keeps
// the age another's.
func TestSelfDescribedAgeTwentyThird(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		party float64 // -1: none
		other float64 // -1: none
	}{
		{"the one caught, a pupil", "2025年10月2日晚，民警在地铁站查获男子包某。经查，包某在车厢内用手机偷拍女乘客裙底。包某系某职高二年级学生，现年17周岁，如实供述。", 17, -1},
		{"the one who scrawled, a youth", "10月9日，巡逻民警发现温某某在小区围墙上喷涂侮辱性文字。温某某是辍学少年，今年15周岁，承认系其所写。", 15, -1},
		{"the pupil struck", "袁某在校门口殴打了学生邱某。邱某系某中学初一学生，现年13周岁，面部擦伤。", -1, 13},
		{"the pupil harmed in the clause", "商户蒋某与人争执。林某系某小学学生，现年11周岁，被蒋某推倒在地。", -1, 11},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkOtherAge(t, checkPartyAge(t, tc.in, tc.party), tc.other)
		})
	}
}

// TestDisclosedOnceRemindedTwentyThird checks that information published
// late once the officers reminded the party (经提醒后于两日内补充公开) reads as
// corrected in time, while information still not published does not.
func TestDisclosedOnceRemindedTwentyThird(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"published within days", "某化工公司未按期在信息平台公开2025年第三季度自行监测数据。经执法人员提醒，该公司于三日内补充公开了全部数据。", true},
		{"filed once reminded", "当事人未按时提交年度执行报告，执法人员提醒后，该公司于五日内补报。", true},
		{"still not published", "某印染厂未按期公开排放信息，至今未补充公开，拒不改正。", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := hasCirc(Extract(tc.in), CircCorrectedInTime); got != tc.want {
				t.Errorf("corrected in time %v; want %v", got, tc.want)
			}
		})
	}
}

// TestSealedGoodsMovedTwentyThird checks that, of goods sealed or seized
// whose seal was broken, the value is counted on the units moved, hidden or
// sold (产品质量法 第六十三条's 被转移、变卖物品货值金额), while goods merely
// sealed or bought and partly sold keep the whole count.
func TestSealedGoodsMovedTwentyThird(t *testing.T) {
	checkTotals(t, []totalRow{
		{"part of the sealed goods sold", "2025年6月3日，执法人员对某五金店库存的不合格插线板300个实施查封。6月18日复查发现封条被撕开，300个插线板中有140个已被当事人卖掉。该插线板进价每个25元。", RoleGoodsValue, 3500},
		{"seized goods taken away", "经查，该局于2025年4月1日依法扣押当事人仓库内的伪劣机油40桶并加贴封条。4月9日复查时发现封条被撕毁，40桶机油中有16桶已被当事人拉走销售，每桶售价310元。", RoleGoodsValue, 4960},
		{"bought, partly sold", "当事人购进不合格电热毯200条，其中已售出120条，每条售价90元。", RoleGoodsValue, 18000},
	})
}
