package caseanalysis

import "testing"

// TestPhoneAppNotDrivingTwentySeventh: 驾驶…手机 no longer spans clauses
// from 驾驶人 to a phone that takes fares (通过手机平台接单: the regenerated
// vote had put 道路交通安全法 第九十条 over 道路运输条例 第六十三条 on
// TestTransportTwelfthPhrasings' 网约车 row, which fails without this); a
// phone held or worked while driving still shows 第九十条, and a ride-hail
// car taking fares on an app stays 第六十三条.
func TestPhoneAppNotDrivingTwentySeventh(t *testing.T) {
	checkPhrasings(t, newProvisionAnalyzer(t), []phrasingRow{
		{"fares taken through an app", "该面包车未取得网约车运输证，驾驶人也无网约车驾驶员证，每天在手机平台上抢单拉客。", "transport-63-unlicensed-passenger", "traffic-90-moving-violation"},
		{"a phone worked at the wheel", "民警在解放路发现一辆小型轿车驾驶人在驾驶过程中低头操作手机，行驶缓慢，当场予以拦停。", "traffic-90-moving-violation", ""},
		{"a phone held while driving", "驾驶人孙某驾驶小型客车行驶时右手拿着手机通话，被执勤民警拦下。", "traffic-90-moving-violation", ""},
	})
}
