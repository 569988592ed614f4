package rules

import (
	"slices"

	"github.com/cailiang/cailiang/legal"
)

// CoreLaw is a law or administrative regulation whose fining provisions
// are all known to the analyzer (rules/provisions/).
type CoreLaw struct {
	// Law is the corpus short name.
	Law string
	// File names the YAML file (ASCII).
	File string
	// Sectors are the enforcement fields that apply it (as the catalog's
	// benchmarks of the law do; 固体废物污染环境防治法 is applied by 生态环境
	// and, for 生活垃圾 and 建筑垃圾, by 城市管理).
	Sectors []legal.Sector
}

// coreLaws are the laws and regulations the ten sectors rely on, in the
// order their files are numbered. 噪声污染防治法 (2021) replaced the
// 环境噪声污染防治法, which the corpus still marks as latest. A newer
// version of a law (national_updates.jsonl) has a file of its own.
var coreLaws = []CoreLaw{
	{"食品安全法", "food-safety", []legal.Sector{"市场监管"}},
	{"产品质量法", "product-quality", []legal.Sector{"市场监管"}},
	{"广告法", "advertising", []legal.Sector{"市场监管"}},
	{"价格法", "pricing", []legal.Sector{"市场监管"}},
	{"价格违法行为行政处罚规定", "pricing-penalties", []legal.Sector{"市场监管"}},
	{"药品管理法", "drugs", []legal.Sector{"市场监管"}},
	{"特种设备安全法", "special-equipment", []legal.Sector{"市场监管"}},
	{"反不正当竞争法", "unfair-competition", []legal.Sector{"市场监管"}},
	{"消费者权益保护法", "consumer-rights", []legal.Sector{"市场监管"}},
	{"大气污染防治法", "air", []legal.Sector{"生态环境", "城市管理"}},
	{"水污染防治法", "water", []legal.Sector{"生态环境"}},
	{"固体废物污染环境防治法", "solid-waste", []legal.Sector{"生态环境", "城市管理"}},
	{"环境影响评价法", "eia", []legal.Sector{"生态环境"}},
	{"噪声污染防治法", "noise", []legal.Sector{"生态环境", "城市管理", "公安"}},
	{"土壤污染防治法", "soil", []legal.Sector{"生态环境"}},
	{"安全生产法", "work-safety", []legal.Sector{"应急管理"}},
	{"消防法", "fire", []legal.Sector{"消防"}},
	{"道路交通安全法", "road-traffic", []legal.Sector{"公安"}},
	{"公路法", "highway", []legal.Sector{"交通运输"}},
	{"公路安全保护条例", "highway-safety", []legal.Sector{"交通运输"}},
	{"道路运输条例", "road-transport", []legal.Sector{"交通运输"}},
	{"城乡规划法", "planning", []legal.Sector{"城市管理", "自然资源"}},
	{"城市市容和环境卫生管理条例", "city-appearance", []legal.Sector{"城市管理"}},
	{"治安管理处罚法", "public-security", []legal.Sector{"公安"}},
	{"劳动保障监察条例", "labour-inspection", []legal.Sector{"人力资源社会保障"}},
	{"劳动合同法", "labour-contract", []legal.Sector{"人力资源社会保障"}},
	{"税收征收管理法", "tax-collection", []legal.Sector{"税务"}},
	{"土地管理法", "land", []legal.Sector{"自然资源"}},
	{"土地管理法实施条例", "land-regulation", []legal.Sector{"自然资源"}},
	{"建筑法", "construction", []legal.Sector{"城市管理"}},
	{"网络安全法", "cybersecurity", []legal.Sector{"公安"}},
	{"娱乐场所管理条例", "entertainment", []legal.Sector{"公安", "文化旅游"}},
	// The 法典 (in force 2026-08-15) repealed the environmental laws above;
	// its fining provisions are applied by the fields that applied theirs.
	{"生态环境法典", "eco-code", []legal.Sector{"生态环境", "城市管理", "公安"}},
	// 市场监管 laws beyond the first nine: trademarks, tobacco retail, weights
	// and measures, online shops, cosmetics and medical devices are among the
	// decisions a city's market regulator publishes most often.
	{"商标法", "trademark", []legal.Sector{"市场监管"}},
	{"烟草专卖法实施条例", "tobacco-monopoly-regulation", []legal.Sector{"市场监管"}},
	{"计量法实施细则", "metrology-rules", []legal.Sector{"市场监管"}},
	{"电子商务法", "e-commerce", []legal.Sector{"市场监管"}},
	{"化妆品监督管理条例", "cosmetics", []legal.Sector{"市场监管"}},
	{"医疗器械监督管理条例", "medical-devices", []legal.Sector{"市场监管"}},
	{"社会保险法", "social-insurance", []legal.Sector{"人力资源社会保障"}},
	// 危险化学品 storage, labels and registration are among the most frequent
	// 应急管理 decisions (公安 applies 第八十一条, 生态环境 its last paragraph);
	// 未验先投 is decided under the construction-project regulation, not the
	// 环境影响评价法.
	{"危险化学品安全管理条例", "hazardous-chemicals", []legal.Sector{"应急管理", "公安", "生态环境"}},
	{"建设项目环境保护管理条例", "construction-project-environment", []legal.Sector{"生态环境"}},
	// 住建 decisions cite it beside 建筑法: 建筑法 第六十四条 sets no amount
	// for building without a permit; the regulation's 第五十七条 does
	// (工程合同价款1%以上2%以下), and its other articles fine by the same base.
	{"建设工程质量管理条例", "construction-quality", []legal.Sector{"城市管理"}},
	// 税务 decisions on invoices (应开未开, 虚开, 丢失, 转借) cite the 办法, not
	// 税收征收管理法 (whose 第七十一条 is 非法印制 only); its 实施细则 fines
	// what the law leaves to it (税务登记证件, 账簿备案, 纳税担保).
	{"发票管理办法", "invoice", []legal.Sector{"税务"}},
	{"税收征收管理法实施细则", "tax-collection-rules", []legal.Sector{"税务"}},
	// 城镇排水主管部门 (住建、水务 or the 城市管理 bureau it delegates to)
	// fines 排水户 that discharge without a 污水排入排水管网许可证, into rain
	// drains, or that alter drainage works: the most frequent 排水 decisions
	// of a city, under none of the laws above (水污染防治法 is the 生态环境
	// 主管部门's, 第五十八条).
	{"城镇排水与污水处理条例", "urban-drainage", []legal.Sector{"城市管理"}},
}

// coreSectors maps a core law to its sectors.
var coreSectors = func() map[string][]legal.Sector {
	m := make(map[string][]legal.Sector, len(coreLaws))
	for _, l := range coreLaws {
		m[l.Law] = l.Sectors
	}
	return m
}()

// InSector tells whether the provision's law is applied by sector s.
func (p *Provision) InSector(s legal.Sector) bool {
	return slices.Contains(coreSectors[p.law], s)
}

// CoveringBenchmarks lists the catalog benchmarks whose penalty provision is
// p of law in the version adopted on version (version_date): written for
// that version, same article, and the benchmark's paragraph and item equal
// to p's or not given. Article numbers change between versions (治安管理处罚法
// 2012 第四十三条 is 2025 第五十一条), so a benchmark covers only the version
// it was written for (law_version, or the one in force when the catalog was
// written) and those it lists as unchanged (unchanged_in).
func CoveringBenchmarks(cat *Catalog, law, version string, p Provision) []string {
	var ids []string
	for _, b := range cat.All() {
		r := b.PenaltyRef
		if r.Law != law || r.Article != p.Article || r.Suffix != p.Suffix || !cat.writtenForVersion(b, version) {
			continue
		}
		if r.Paragraph != 0 && p.Paragraph != 0 && r.Paragraph != p.Paragraph || r.Item != 0 && p.Item != 0 && r.Item != p.Item {
			continue
		}
		ids = append(ids, b.ID)
	}
	return ids
}

// CoreLaws returns the laws and regulations the ten sectors rely on, whose
// fining provisions rules/provisions holds (a copy).
func CoreLaws() []CoreLaw { return slices.Clone(coreLaws) }
