package rules

import "testing"

// TestPlotAreasTwentyEighth reads the land occupied when a decision tells
// it plot by plot after commas (仓库占地…，停车场…): the plots add up. A part
// of them (其中耕地), the floor area, a total, or what is built on the plot
// is no further plot.
func TestPlotAreasTwentyEighth(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       float64 // -1: no quantity
	}{
		{"two plots after a comma", "经测绘，该合作社未经批准建设的冷库占地860平方米，晾晒场420平方米。", 1280},
		{"three plots after commas", "经实地丈量，养殖棚占用土地2,400平方米，饲料堆放区600平方米，排污塘350平方米。", 3350},
		{"a part of the plot is no plot", "经测量，厂区占地3,000平方米，其中基本农田800平方米。", 3000},
		{"the floor area is no plot", "经测量，该房屋占地500平方米，建筑面积1200平方米。", 500},
		{"what is built on it is no plot", "张某未经批准占用集体土地1,500平方米，搭建简易厂房600平方米。", 1500},
		{"an area without 占地 stays alone", "执法人员检查发现，该仓库面积900平方米，货架区300平方米。", 900},
		{"a list joined by 和 still is", "经查，当事人分别占地700平方米和300平方米。", 1000},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := -1.0
			if q := ExtractFacts(tt.text).Facts.Quantity; q != nil {
				got = *q
			}
			if got != tt.want {
				t.Errorf("quantity = %v, want %v", got, tt.want)
			}
		})
	}
}
