package nlp

import "testing"

// TestDescribedPartyAgeTwentyFourth: the age in the bracket after the first
// person the text names, described before the name as a pupil (高一学生孙某
// （16周岁）), is that person's — the party's — while a pupil named as the
// one struck, or after someone else was named, keeps the age another's.
func TestDescribedPartyAgeTwentyFourth(t *testing.T) {
	checkPartyAges(t, []partyAgeRow{
		{"a pupil opening a register line", "2025.10.8 初三学生杨某（15周岁） 在校门口多次向低年级同学索要零花钱 家长报警 受案", 15},
		{"a pupil opening a narrative", "职高学生黄某某（17岁）因琐事与邻座发生口角，随后在网上连续发帖辱骂对方。", 17},
		{"a pupil struck", "2025年9月3日，王某在校门口殴打初一学生赵某（13周岁），致其鼻部出血。", 0},
		{"a pupil named after the party", "经查，李某在公园内推搡中学生陈某（14岁），致其摔倒。", 0},
	})
}
