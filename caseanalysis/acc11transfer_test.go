package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/rules"
)

// TestTransferTenthRoundKinds holds the kinds the tenth accuracy round on
// likely criminal transfers fixed (issue 12, acc11transfer), each in words
// other than the development rows': a blood alcohol written per millilitre,
// a death told after failed treatment with the day between, a register's
// exceedance written 为限值N倍, a silenced gas alarm whose reading is
// already over its set level, a mark printed without the owner's licence,
// a capsule holding filler only, air let into a monitoring sample line.
func TestTransferTenthRoundKinds(t *testing.T) {
	checkTransferRows(t, []transferRow{
		{"blood alcohol per millilitre", "民警拦停驾驶小型货车的韩某，抽血送检，检验报告载明其血液中乙醇浓度为0.95毫克/毫升。", []string{"traffic-91-drunk-driving"}, rules.RiskLikely, "危险驾驶罪"},
		{"blood alcohol per millilitre under 0.8", "民警拦停驾驶小型货车的韩某，抽血送检，其血液中酒精含量为0.52mg/ml。", []string{"traffic-91-drink-driving"}, rules.RiskNone, "危险驾驶罪"},
		{"death after treatment, the day between", "工人吕某在检修输送带时被卷入，送医后经医治无效，于三日后死亡。事故调查组认定为一般生产安全责任事故。", []string{"safety-114-general-accident"}, rules.RiskLikely, "重大责任事故罪"},
		{"exceedance written 为限值N倍", "2025.4.2 某镀锌厂 总排口总铅 为标准限值5倍 已采样", []string{"water-83-excess"}, rules.RiskLikely, "污染环境罪"},
		{"exceedance written 为限值N倍, just short of three", "2025.4.2 某镀锌厂 总排口总铅 为标准限值3.6倍 已采样", []string{"water-83-excess"}, rules.RiskNear, "污染环境罪"},
		{"silenced alarm, reading over its level", "某喷涂车间可燃气体报警控制器被关闭，执法人员现场检测，车间内可燃气体浓度已超过报警值，喷涂作业仍在进行。", []string{"safety-99-monitoring-disabled"}, rules.RiskLikely, "危险作业罪"},
		{"silenced alarm, reading under its level", "某喷涂车间可燃气体报警控制器被关闭，执法人员现场检测，车间内可燃气体浓度未达到报警值。", []string{"safety-99-monitoring-disabled"}, rules.RiskNear, "危险作业罪"},
		{"a mark printed without the owner's licence", "某酒厂在其生产的白酒瓶上印制“洋河”标识，经商标注册人确认从未许可该厂使用，违法经营额七万元。", []string{"tm-60-infringement"}, rules.RiskLikely, "假冒注册商标罪"},
		{"capsules holding flour", "经检验，某诊所出售的“布洛芬缓释胶囊”内容物为面粉，货值金额六百元。", []string{"drug-116-counterfeit"}, rules.RiskLikely, "生产、销售、提供假药罪"},
		{"air let into the sample line by a key polluter", "当事人系大气环境重点排污单位，在氮氧化物在线监测的采样管上接入三通，夜间向采样管内混入空气，同期锅炉持续排放烟气。", []string{"air-99-evading-supervision"}, rules.RiskLikely, "污染环境罪"},
	})
}

// TestTenthRoundTransferBases: the conduct behind the transfer rows ranks
// first in words other than the development rows' (a person described 无业
// or 无缘无故 is no denial; the speed told as the manner of driving; the
// pedestrian run down is the victim; the laboratory's and the owner's words).
func TestTenthRoundTransferBases(t *testing.T) {
	a := newProvisionAnalyzer(t)
	checkKindRows(t, a, []kindRow{
		{"an unemployed man's theft", "无业人员龚某溜进小区车棚，撬锁推走一辆电动自行车，经价格认定价值一千二百元。",
			"police-49-theft", legal.Ref{}, "traffic-89-pedestrian-nonmotor"},
		{"a beating for nothing", "刘某酒后在歌厅门口无缘无故踢打两名路过的青年，嫌对方“看着不顺眼”。",
			"police-26-provocation", legal.Ref{}, ""},
		{"speed as the manner of driving, pedestrian run down", "驾驶人孙某驾驶重型货车在限速40公里/小时的路段以每小时70公里的速度行驶，将正在横过马路的一名行人撞倒。",
			"traffic-99-speeding-50pct", legal.Ref{}, "traffic-89-pedestrian-nonmotor"},
		{"blood alcohol per millilitre", "经抽血检验，驾驶小型轿车的罗某血液中乙醇含量为0.92毫克/毫升。",
			"traffic-91-drunk-driving", legal.Ref{}, "traffic-91-drink-driving"},
		{"air mixed into the sample line", "某热电公司在氮氧化物在线监测的采样管上接了三通，向采样管内混入空气，使上传数据偏低。",
			"air-99-evading-supervision", legal.Ref{}, "air-100-auto-monitoring"},
		{"capsules holding flour", "抽检发现某诊所出售的“头孢氨苄胶囊”，检验报告显示内容物为面粉。",
			"drug-116-counterfeit", legal.Ref{}, "drug-126-gsp"},
		{"a mark the owner never licensed", "某服装厂在其生产的运动服上印制“李宁”标识，经商标注册人确认从未授权该厂使用。",
			"tm-60-infringement", legal.Ref{}, ""},
	})
}
