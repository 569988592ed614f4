package rules

// CoreLaw is a law or administrative regulation whose fining provisions
// are all known to the analyzer (rules/provisions/).
type CoreLaw struct {
	// Law is the corpus short name.
	Law string
	// File names the YAML file (ASCII).
	File string
}

// CoreLaws are the laws and regulations the ten sectors rely on, in the
// order their files are numbered. 噪声污染防治法 (2021) replaced the
// 环境噪声污染防治法, which the corpus still marks as latest.
var CoreLaws = []CoreLaw{
	{"食品安全法", "food-safety"},
	{"产品质量法", "product-quality"},
	{"广告法", "advertising"},
	{"价格法", "pricing"},
	{"价格违法行为行政处罚规定", "pricing-penalties"},
	{"药品管理法", "drugs"},
	{"特种设备安全法", "special-equipment"},
	{"反不正当竞争法", "unfair-competition"},
	{"消费者权益保护法", "consumer-rights"},
	{"大气污染防治法", "air"},
	{"水污染防治法", "water"},
	{"固体废物污染环境防治法", "solid-waste"},
	{"环境影响评价法", "eia"},
	{"噪声污染防治法", "noise"},
	{"土壤污染防治法", "soil"},
	{"安全生产法", "work-safety"},
	{"消防法", "fire"},
	{"道路交通安全法", "road-traffic"},
	{"公路法", "highway"},
	{"公路安全保护条例", "highway-safety"},
	{"道路运输条例", "road-transport"},
	{"城乡规划法", "planning"},
	{"城市市容和环境卫生管理条例", "city-appearance"},
	{"治安管理处罚法", "public-security"},
	{"劳动保障监察条例", "labour-inspection"},
	{"劳动合同法", "labour-contract"},
	{"税收征收管理法", "tax-collection"},
	{"土地管理法", "land"},
	{"土地管理法实施条例", "land-regulation"},
	{"建筑法", "construction"},
	{"网络安全法", "cybersecurity"},
	{"娱乐场所管理条例", "entertainment"},
}

// CoveringBenchmarks lists the catalog benchmarks whose penalty provision is
// p of law: same article, and the benchmark's paragraph and item equal to
// p's or not given.
func CoveringBenchmarks(cat *Catalog, law string, p Provision) []string {
	var ids []string
	for _, b := range cat.All() {
		r := b.PenaltyRef
		if r.Law != law || r.Article != p.Article || r.Suffix != p.Suffix {
			continue
		}
		if r.Paragraph != 0 && p.Paragraph != 0 && r.Paragraph != p.Paragraph || r.Item != 0 && p.Item != 0 && r.Item != p.Item {
			continue
		}
		ids = append(ids, b.ID)
	}
	return ids
}
