package input

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSkipFooterRefusesARowOfFigures: --skip-footer N passes over the last
// N rows of every file, and passed over a row of the table in a file that
// ends without notes, silently. A row it would pass over that holds figures
// and is filled as the row above it is refused, naming its file and line;
// notes, signatures and rows of other cells are passed over as before.
func TestSkipFooterRefusesARowOfFigures(t *testing.T) {
	const header = "项目名称,类别,年度计划,累计完成\n"
	for _, c := range []struct {
		name, body string
		skip       int
		rows       int    // rows read
		err        string // else the error
	}{
		// Two rows, no note: the second is the table's.
		{"no-note", "C,六大战役,50000,38000\nD,区级,12000,10010\n", 1, 0,
			`no-note.csv:3: --skip-footer 1 would pass over line 3, which holds figures as the table's rows do: "D", "区级", "12000", "10010"; ` +
				`--skip-footer passes over the last 1 rows of every file: where some files end in notes and others do not, delete the notes and leave --skip-footer out`},
		// A note, and one row of the table above it, with --skip-footer 2.
		{"short-note", "A,六大战役,80000,72000\nB,区级,20000,16670\n注：单位万元,,,\n", 2, 0, "short-note.csv:3: --skip-footer 2 would pass over line 3,"},
		// An empty 类别 in every row: the row is filled as the one above.
		{"blank-col", "C,,50000,38000\nD,,12000,10010\n", 1, 0, "blank-col.csv:3: --skip-footer 1 would pass over line 3,"},
		// Every row held back, figures in the first: the whole table.
		{"all", "C,六大战役,50000,38000\n", 1, 0, "all.csv:2: --skip-footer 1 would pass over line 2,"},
		// Notes, a signature, a unit line: passed over.
		{"note", "A,六大战役,80000,72000\n注：单位万元,,,\n", 1, 1, ""},
		{"signature", "A,六大战役,80000,72000\n填表人：张三,,审核人：李四,\n\n单位：元,,,\n", 2, 1, ""},
		// A unit line the amounts are not read in (footer_units.go).
		{"unit", "A,六大战役,80000,72000\n填表人：张三,,审核人：李四,\n\n单位：万元,,,\n", 2, 0,
			`unit.csv:5: "单位：万元": a unit below the table (万元) that the table does not give above its header or in its headers`},
		// A total with an empty 类别 below full rows, and cells of another
		// kind (as a sheet keeps below its table): not filled as the rows.
		{"total", "A,六大战役,80000,72000\n合计,,80000,72000\n", 1, 1, ""},
		{"other", "A,六大战役,80000,72000\n极小极大,0.000012,,\n逻辑,TRUE,#DIV/0!,\n", 2, 1, ""},
	} {
		path := filepath.Join(t.TempDir(), c.name+".csv")
		if err := os.WriteFile(path, []byte(header+c.body), 0o644); err != nil {
			t.Fatal(err)
		}
		in, err := Open(Options{Files: []string{path}, Encoding: "auto", Delimiter: ',', SkipFooter: c.skip}, nil)
		if err != nil {
			t.Fatal(err)
		}
		rows := 0
		err = in.Each(func(*Row) error { rows++; return nil })
		in.Close()
		switch {
		case c.err == "" && (err != nil || rows != c.rows):
			t.Errorf("%s: read %d rows, %v; want %d", c.name, rows, err, c.rows)
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("%s: %v; want …%s…", c.name, err, c.err)
		}
	}
}
