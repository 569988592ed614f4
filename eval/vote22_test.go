package eval

import (
	"testing"

	"github.com/cailiang/cailiang/rules"
)

// TestSiblingFoldTwentySecond: the tuning half's cross-fitting puts the
// rows of one file with one label (a row and its reworded siblings) in one
// fold, so that no row is scored by a model holding its sibling; and the
// folds stay of comparable size.
func TestSiblingFoldTwentySecond(t *testing.T) {
	cat, err := rules.LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	dev, files, err := devSetFiles()
	if err != nil {
		t.Fatal(err)
	}
	rows := devSplit(dev, DevTune)
	cf, err := tuningCrossFit(weighted{w: 1})
	if err != nil {
		t.Fatal(err)
	}
	type group struct{ file, label string }
	fold := map[group]int{}
	size := make([]int, exemplarFoldCount)
	split := 0
	for _, s := range rows {
		f := cf.fold(s)
		size[f]++
		g := group{files[s.ID], exemplarLabel(cat, s)}
		if prev, ok := fold[g]; ok && prev != f {
			split++
			if split <= 5 {
				t.Errorf("%s (%s, %s) is in fold %d, a sibling in fold %d", s.ID, g.file, g.label, f, prev)
			}
			continue
		}
		fold[g] = f
	}
	if split > 0 {
		t.Errorf("%d rows apart from a sibling of their file and label", split)
	}
	for f, n := range size {
		if n < len(rows)/exemplarFoldCount/2 {
			t.Errorf("fold %d holds %d of %d rows", f, n, len(rows))
		}
	}
}
