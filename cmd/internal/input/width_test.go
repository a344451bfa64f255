package input

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEachFileItsOwnWidth: files read together may differ in the empty
// cells Excel leaves after a header's names; each file's rows are held to
// its own header, in either order and by either row source.
func TestEachFileItsOwnWidth(t *testing.T) {
	narrow := "户编号,村,家庭人口,工资性收入\nA1,甲村,3,9000\n"
	wide := "户编号,村,家庭人口,工资性收入,,\nA4,乙村,2,6000,,\n"
	for _, c := range []struct {
		name  string
		files []string
		want  string // the villages read, or the error
	}{
		{"narrow, then wide", []string{narrow, wide}, "甲村 乙村"},
		{"wide, then narrow", []string{wide, narrow}, "乙村 甲村"},
		{"wide, a row short of its width", []string{wide + "A5,丙村,1,100\n", narrow}, "乙村 丙村 甲村"},
		{"narrow, a row with the wide file's empty cells", []string{wide, narrow + "A2,甲村,1,100,,\n"},
			"in2.csv:3: column 5: row has 6 fields, the header has 4"},
		{"wide, a figure in an unnamed column", []string{narrow, wide + "A5,丙村,1,100,,7\n"},
			`in2.csv:3: column 6 has no name in the header, but this row has "7" in it`},
	} {
		dir := t.TempDir()
		var paths []string
		for i, text := range c.files {
			paths = append(paths, filepath.Join(dir, []string{"in1.csv", "in2.csv"}[i]))
			if err := os.WriteFile(paths[i], []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		in, err := Open(Options{Files: paths, Encoding: "auto"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		var villages []string
		_, err = Fold(in, func(int64) *int { return new(int) },
			func(_ *int, r *Row) error { villages = append(villages, r.Text(1)); return nil },
			func(ps []*int) (*int, error) { return ps[0], nil })
		in.Close()
		got := strings.Join(villages, " ")
		if err != nil {
			got = strings.TrimPrefix(err.Error(), dir+string(filepath.Separator))
		}
		if got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}
