package input

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// mergedBook writes rows from A1 (a number as a float64, text as a
// string, nil empty) and merges the ranges given, as Excel saves them:
// the value in the top-left cell alone.
func mergedBook(t *testing.T, rows [][]any, merges ...string) string {
	return excelizeBook(t, func(f *excelize.File, sheet string) {
		for i, row := range rows {
			for j, v := range row {
				if v == nil {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
				check(t, f.SetCellValue(sheet, cell, v))
			}
		}
		for _, m := range merges {
			from, to, _ := strings.Cut(m, ":")
			check(t, f.MergeCell(sheet, from, to))
		}
	})
}

func convertOpts(t *testing.T, path string, opts Options) (string, error) {
	t.Helper()
	var out bytes.Buffer
	_, err := convertWorkbook(path, filepath.Base(path), opts, &out)
	return out.String(), err
}

// A village name merged down over its households (B2:B3, 罗建村 in B2) was
// read in row 2 alone: row 3's village was empty, and poverty refused it
// ("column "村名": empty village name"). Each row of the range now reads
// the value Excel shows over it.
func TestWorkbookMergedDownIsReadInEachRow(t *testing.T) {
	path := mergedBook(t, [][]any{
		{"户编号", "村名", "家庭人口", "工资性收入"},
		{"A1", "罗建村", 3.0, 6000.0},
		{"A2", nil, 2.0, 8000.0},
		{"B1", "金台村", 4.0, 10000.0},
	}, "B2:B3")
	got, err := convertOpts(t, path, Options{})
	check(t, err)
	want := "户编号,村名,家庭人口,工资性收入\nA1,罗建村,3,6000\nA2,罗建村,2,8000\nB1,金台村,4,10000\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}

	// Read as a table, row 3 is in 罗建村.
	s, err := Open(Options{Files: []string{path}}, nil)
	check(t, err)
	defer s.Close()
	var villages []string
	check(t, s.Each(func(r *Row) error { villages = append(villages, r.Text(1)); return nil }))
	if want := []string{"罗建村", "罗建村", "金台村"}; !slices.Equal(villages, want) {
		t.Errorf("villages %q, want %q", villages, want)
	}
}

// A figure merged down over two rows is one figure: filled down it would
// be counted twice, left in its top row it would be that household's
// alone. Read as an amount (Amount, Sum, Count, Number) in a row below
// the top, it is refused, naming the range; read as text it is the
// number Excel shows, so that a code or a year merged down (村代码 421001,
// 年份 2017) is a label in each row, as a village name is. The workbook
// was refused whole before, whatever the column.
func TestWorkbookMergedFigureIsRefusedAsAnAmount(t *testing.T) {
	path := mergedBook(t, [][]any{
		{"户编号", "村代码", "家庭人口", "工资性收入", "劳动力"},
		{"A1", 421001.0, 3.0, 6000.0, 1.0},
		{"A2", nil, nil, nil, nil},
		{"A3", nil, nil, 9000.0, nil},
	}, "B2:B4", "C2:C3", "D2:D3", "E2:E4")
	got, err := convertOpts(t, path, Options{})
	check(t, err)
	if want := "户编号,村代码,家庭人口,工资性收入,劳动力\nA1,421001,3,6000,1\n"; !strings.HasPrefix(got, want) {
		t.Errorf("got\n%s\nwant it to begin\n%s", got, want)
	}
	refused := func(col, rows, ref, v string) string {
		return `book.xlsx[Sheet1]:3: column "` + col + `": "` + v + `" is merged over rows ` + rows + ` (` + ref +
			`) and read here as an amount: one figure for ` + string(rows[len(rows)-1]-rows[0]+'1') + ` rows is no figure for each; unmerge the cells and give each row its own figure`
	}
	for _, c := range []struct {
		name string
		read func(r *Row) error
		want string // the error at row 3, "" for none
	}{
		{"a code as text", func(r *Row) error {
			if got := r.Text(1); got != "421001" {
				t.Errorf("line %d: code %q, want 421001", r.Pos().Line(), got)
			}
			return nil
		}, ""},
		{"a code as an amount", func(r *Row) error { _, _, err := r.Amount(1); return err },
			refused("村代码", "2 to 4", "B2:B4", "421001")},
		{"an amount summed", func(r *Row) error { _, _, err := r.Sum([]int{3}); return err },
			refused("工资性收入", "2 to 3", "D2:D3", "6000")},
		{"a count", func(r *Row) error { _, _, err := r.Count(2); return err },
			refused("家庭人口", "2 to 3", "C2:C3", "3")},
		{"a whole number", func(r *Row) error { _, err := r.Whole(4); return err },
			refused("劳动力", "2 to 4", "E2:E4", "1")},
	} {
		s, err := Open(Options{Files: []string{path}}, nil)
		check(t, err)
		err = s.Each(c.read)
		s.Close()
		if got := fmt.Sprint(err); c.want == "" && err != nil || c.want != "" && !strings.HasSuffix(got, "/"+c.want) {
			t.Errorf("%s: got %v\nwant %s", c.name, err, c.want)
		}
	}
}

// The merges of titles and headers are left as they were: a title merged
// across the top (A1:D1), a header cell merged down over a second header
// line (A2:A3), a heading merged across (C2:D2). Below the header, a range
// across columns shows its value once, in its first column, as the top row
// reads it: 合计 merged over A6:B6 is not repeated as a village; a range
// across columns and down (B7:C8) fills its first column only.
func TestWorkbookMergedHeadersAndAcrossAreNotFilled(t *testing.T) {
	path := mergedBook(t, [][]any{
		{"XX县收入台账"},
		{"户编号", "村名", "收入", nil},
		{nil, nil, "工资性", "经营性"},
		{"A1", "罗建村", 100.0, 5.0},
		{"A2", nil, 200.0, 6.0},
		{"合计", nil, 300.0, 11.0},
		{"A3", "金台村", nil, 7.0},
		{"A4", nil, nil, 8.0},
	}, "A1:D1", "A2:A3", "B2:B3", "C2:D2", "B4:B5", "A6:B6", "B7:C8")
	got, err := convertOpts(t, path, Options{Skip: 1})
	check(t, err)
	want := "XX县收入台账,,,\n户编号,村名,收入,\n,,工资性,经营性\nA1,罗建村,100,5\nA2,罗建村,200,6\n合计,,300,11\nA3,金台村,,7\nA4,金台村,,8\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
