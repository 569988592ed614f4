package pgschema

import (
	"testing"
	"testing/fstest"
)

func TestFromFS(t *testing.T) {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	tests := []struct {
		name    string
		files   fstest.MapFS
		want    []int
		wantErr bool
	}{
		{"in version order", fstest.MapFS{"m/0002_b.sql": file("B"), "m/0010_c.sql": file("C"), "m/0001_a.sql": file("A")}, []int{1, 2, 10}, false},
		{"no number", fstest.MapFS{"m/init.sql": file("A")}, nil, true},
		{"zero", fstest.MapFS{"m/0000_a.sql": file("A")}, nil, true},
		{"not sql", fstest.MapFS{"m/0001_a.txt": file("A")}, nil, true},
		{"twice one number", fstest.MapFS{"m/0001_a.sql": file("A"), "m/01_b.sql": file("B")}, nil, true},
		{"no directory", fstest.MapFS{}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := FromFS(tt.files, "m")
			if (err != nil) != tt.wantErr {
				t.Fatalf("FromFS error = %v, want error %v", err, tt.wantErr)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d migrations, want %d", len(got), len(tt.want))
			}
			for i, m := range got {
				if m.Version != tt.want[i] || m.SQL == "" || m.Name == "" {
					t.Errorf("migration %d = %+v, want version %d with name and SQL", i, m, tt.want[i])
				}
			}
		})
	}
}
