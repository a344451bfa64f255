package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// A number merged down in a column read as a label (村代码 421001 over a
// village's two households, B2:B3) refused the whole workbook ("one
// figure for 2 rows is no figure for each"). It is now filled down as a
// village name is: A1 2000 ÷ 2 = 1000 < 3000, poor; A2 9000 ÷ 3 = 3000,
// not under the line; 2 poor people of 5 = 40.00%. The same number merged
// in a column counted as income is still refused, naming the range, with
// nothing on stdout.
func TestPovertyWorkbookMergedCode(t *testing.T) {
	book := func(merge string) string {
		f := excelize.NewFile()
		defer f.Close()
		rows := [][]any{
			{"户编号", "村代码", "村名", "家庭人口", "工资性收入"},
			{"A1", 421001, "罗建村", 2, 2000},
			{"A2", nil, "罗建村", 3, 9000},
		}
		if merge == "E2:E3" {
			rows[2][4] = nil
		}
		for i, row := range rows {
			for j, v := range row {
				if v != nil {
					cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
					if err := f.SetCellValue("Sheet1", cell, v); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
		from, to, _ := strings.Cut(merge, ":")
		if err := f.MergeCell("Sheet1", from, to); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "registry.xlsx")
		if err := f.SaveAs(path); err != nil {
			t.Fatal(err)
		}
		return path
	}
	var out, errs bytes.Buffer
	status := run([]string{"econcalc", "poverty", book("B2:B3"), "--line", "3000", "--village-col", "村名", "-o", "csv"}, nil, &out, &errs)
	if status != exitOK || !strings.Contains(out.String(), "\n罗建村,2,5,1,2,40.00,") {
		t.Errorf("code merged: status %d\n%s%s", status, out.String(), errs.String())
	}

	out.Reset()
	errs.Reset()
	status = run([]string{"econcalc", "poverty", book("E2:E3"), "--line", "3000", "--village-col", "村名", "-o", "csv"}, nil, &out, &errs)
	want := `registry.xlsx[Sheet1]:3: column "工资性收入": "2000" is merged over rows 2 to 3 (E2:E3) and read here as an amount`
	if status != exitData || out.Len() != 0 || !strings.Contains(errs.String(), want) {
		t.Errorf("income merged: status %d, stdout %q, stderr %s\nwant %s", status, out.String(), errs.String(), want)
	}
}
