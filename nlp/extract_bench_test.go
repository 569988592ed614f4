package nlp

import "testing"

// extractBenchTexts are officer-written texts of typical length.
var extractBenchTexts = []string{
	"2025年3月12日，执法人员对张某经营的个体工商户“张记便利店”进行检查，发现货架上摆放的某品牌纯牛奶12盒、夹心饼干8袋已超过标签标注的保质期，仍在对外销售。经查，当事人自2025年2月起陆续购进上述食品，超过保质期的食品货值金额为人民币三百四十六元，已售出部分违法所得八十二元。另查明，该店2022年5月曾因未明码标价被罚款五百元。",
	"某某化工有限公司于2024年5月至同年8月期间，将生产过程中产生的危险废物废矿物油4.5吨交由无经营许可证的个人处置，违法所得¥21700.00。2024年9月3日14时许，执法人员检查发现。当事人系初次违法，积极配合调查，已自行清运处置，未造成后果。",
	"2025年3月2日15时许，王某（男，2012年5月出生）在某超市盗窃巧克力两盒，价值86元。经民警调查，王某如实供述，此前无违法记录。",
}

// BenchmarkExtract measures fact extraction, which every analysis runs.
func BenchmarkExtract(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		for _, t := range extractBenchTexts {
			Extract(t)
		}
	}
}
