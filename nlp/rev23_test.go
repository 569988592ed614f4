package nlp

import (
	"strings"
	"testing"
)

// TestReviewReadingsTwentyThird checks the readings the review of the
// twenty-second round found too broad: a 无任何 of another thing a clause
// before a record named, the officers' own 已补充 (not the party's
// correction), and a seizure of the rest beside a 擅自 of the making (the
// 货值金额 stays all the goods); the readings they were made for stay.
func TestReviewReadingsTwentyThird(t *testing.T) {
	circs := []struct {
		name, in, circ string
		want           bool
	}{
		{"no sign there, a record found", "当事人现场无任何警示标志，经查询，其有违法记录。", CircFirstViolation, false},
		{"no sign there, a record in the system", "检查发现现场无任何安全警示标识的问题，系统显示其2023年有违法记录。", CircFirstViolation, false},
		{"a record with its field, one phrase", "经查询，该药店此前无任何药品经营违法记录。", CircFirstViolation, true},
		{"the officers' own supplement", "当事人未按规定报送材料，执法人员已补充调查取证。", CircCorrectedInTime, false},
		{"the party's publishing once reminded", "经提醒，该企业已补充公开了上半年的监测数据。", CircCorrectedInTime, true},
	}
	for _, tc := range circs {
		t.Run(tc.name, func(t *testing.T) {
			x := Extract(tc.in)
			if got := x.Flag(tc.circ); got != tc.want {
				t.Errorf("Flag(%s) = %v; want %v (circumstances %+v)", tc.circ, got, tc.want, x.Circumstances)
			}
		})
	}
	goods := []struct {
		name, in string
		want     float64
	}{
		{"made without leave, the rest seized", "当事人擅自生产不合格电热水壶120台，其中75台已销售，执法人员依法扣押剩余45台，每台售价80元。", 9600},
		{"sealed goods moved without leave", "执法人员依法查封当事人不合格电热水壶120台。当事人擅自将被查封的电热水壶中75台运往外地销售，每台售价80元。", 6000},
	}
	for _, tc := range goods {
		t.Run(tc.name, func(t *testing.T) {
			if got, _ := goodsTotal(Extract(tc.in), RoleGoodsValue); got != tc.want {
				t.Errorf("货值金额 %v, want %v", got, tc.want)
			}
		})
	}
}

// TestReporterAgeTwentyThird: a pupil named first as the one who reported
// or whose things were taken keeps the age a clause describing them gives;
// it is not the party's.
func TestReporterAgeTwentyThird(t *testing.T) {
	tests := []struct {
		name, in string
	}{
		{"the caller, robbed later in the text", "2025年5月1日，邱某报警称其手机被盗。邱某系某中学学生，现年16周岁。经查，张某在网吧内窃取邱某手机一部。"},
		{"the caller struck", "邱某报警称其在网吧被人打了。邱某系某中学学生，现年16周岁。"},
		{"the one robbed, named first", "经查，王某在车站盗走赵某的钱包。赵某系某职校学生，现年15周岁。"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if x := Extract(tc.in); x.Age != nil && (*x.Age == 16 || *x.Age == 15) {
				t.Errorf("party age %v: the pupil's age given to the party", *x.Age)
			}
		})
	}
}

// TestChildWindowTwentyThird: the part of the text childActor reads for an
// age is bounded around it (reading the whole text for each of many ages
// made a long text quadratic), and holds the age.
func TestChildWindowTwentyThird(t *testing.T) {
	s := strings.Repeat("曹某系中学生现年16周岁", 2000)
	for _, at := range []int{0, 30, len(s) / 2, len(s) - 10} {
		w := childWindow(s, at, at+6)
		if len(w) > 2*2048+6 || !strings.Contains(s, w) {
			t.Errorf("window at %d: %d bytes, want at most %d, a part of the text", at, len(w), 2*2048+6)
		}
	}
}

// BenchmarkExtractManyAgesTwentyThird measures a hostile text of 64 KB made
// of ages (before the window and the cap on ages weighed: about 52 s an
// extraction; after: about 0.14 s, docs/analysis.md "rev23").
func BenchmarkExtractManyAgesTwentyThird(b *testing.B) {
	s := strings.Repeat("曹某系中学生现年16周岁", 2000)
	for b.Loop() {
		Extract(s)
	}
}
