package input

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// scaledBook saves a sheet of the cells given (A1: "工资性收入（元）"), each a
// text, or a number with a format after a "|": "12000|#,##0,".
func scaledBook(t *testing.T, cells map[string]string) string {
	return excelizeBook(t, func(f *excelize.File, sheet string) {
		for ref, v := range cells {
			num, format, scaled := cutLast(v, "|")
			if !scaled {
				check(t, f.SetCellStr(sheet, ref, v))
				continue
			}
			check(t, f.SetCellDefault(sheet, ref, num))
			id, err := f.NewStyle(&excelize.Style{CustomNumFmt: &format})
			check(t, err)
			check(t, f.SetCellStyle(sheet, ref, ref, id))
		}
	})
}

func cutLast(s, sep string) (string, string, bool) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+len(sep):], true
}

// A format that shows a number scaled (#,##0, in 千, #,##0.0,, in 百万,
// 0!.0000 in 万) is read as shown only when the column's unit, its header's
// or a 单位 line's above it, is the one shown. 12000 formatted #,##0, under
// 工资性收入（元） was read 12 元 (Excel shows 12; the figure is 12000 元), a
// household at 12000 ÷ 3 = 4000 元 a head listed poor under a line of 3335;
// under 工资性收入（千元） it is 12 千元 = 12000 元, above the line.
func TestWorkbookScaledNeedsTheUnitShown(t *testing.T) {
	for _, c := range []struct {
		name  string
		cells map[string]string
		opts  Options
		want  string // the CSV, or the error
	}{
		{"thousands under 元", map[string]string{"A1": "户编号", "B1": "工资性收入（元）", "A2": "A1", "B2": "12000|#,##0,"}, Options{},
			`book.xlsx[Sheet1]:2: B2: formatted "#,##0,", which shows the number in 千 (12000 as 12), and column "工资性收入（元）" is in 元: name the unit shown in the header, as 工资性收入（千元）, or format the cell to show the number as stored`},
		{"thousands, no unit", map[string]string{"A1": "户编号", "B1": "工资性收入", "A2": "A1", "B2": "12000|#,##0,"}, Options{},
			`book.xlsx[Sheet1]:2: B2: formatted "#,##0,", which shows the number in 千 (12000 as 12), and column "工资性收入" gives no unit, nor does a 单位 line above the header: name the unit shown in the header, as 工资性收入（千元）`},
		{"万 under 元", map[string]string{"A1": "户编号", "B1": "工资性收入（元）", "A2": "A1", "B2": "12000|0!.0000"}, Options{},
			`book.xlsx[Sheet1]:2: B2: formatted "0!.0000", which shows the number in 万 (12000 as 1.2000), and column "工资性收入（元）" is in 元: name the unit shown in the header, as 工资性收入（万元）, or format the cell to show the number as stored`},
		{"thousands under 万元", map[string]string{"A1": "户编号", "B1": "收入（万元）", "A2": "A1", "B2": "12000|#,##0,"}, Options{},
			`book.xlsx[Sheet1]:2: B2: formatted "#,##0,", which shows the number in 千 (12000 as 12), and column "收入（万元）" is in 万元: name the unit shown in the header, as 收入（千元）, or format the cell to show the number as stored`},
		{"单位：元 above", map[string]string{"A1": "单位：元", "A2": "户编号", "B2": "工资性收入", "A3": "A1", "B3": "12000|#,##0,"}, Options{Skip: 1},
			`book.xlsx[Sheet1]:3: B3: formatted "#,##0,", which shows the number in 千 (12000 as 12), and column "工资性收入" is in 元 (单位：元 above the header): name the unit shown in the header, as 工资性收入（千元）, or format the cell to show the number as stored`},
		{"no header name", map[string]string{"A1": "户编号", "A2": "A1", "B2": "12000|#,##0,"}, Options{},
			`book.xlsx[Sheet1]:2: B2: formatted "#,##0,", which shows the number in 千 (12000 as 12), and column B gives no unit, nor does a 单位 line above the header: give the column a header naming the unit shown, such as 金额（千元）`},

		// The unit shown: read as shown, 12000 ÷ 1000 = 12 (千元),
		// 72000000 ÷ 10^6 = 72.0 (百万元), 123456 ÷ 10^4 = 12.3456 (万元).
		{"thousands under 千元", map[string]string{"A1": "户编号", "B1": "工资性收入（千元）", "A2": "A1", "B2": "12000|#,##0,"}, Options{},
			"户编号,工资性收入（千元）\nA1,12\n"},
		{"millions under 百万元", map[string]string{"A1": "产值 (百万元)", "A2": "72000000|#,##0.0,,"}, Options{},
			"产值 (百万元)\n72.0\n"},
		{"万 under 万元/人", map[string]string{"A1": "人均 [万元/人]", "A2": "123456|0!.0000"}, Options{},
			"人均 [万元/人]\n12.3456\n"},
		{"单位：千元 above, --skip 1", map[string]string{"A1": "单位：千元", "A2": "户编号", "B2": "工资性收入", "A3": "A1", "B3": "12000|#,##0,"}, Options{Skip: 1},
			"单位：千元,\n户编号,工资性收入\nA1,12\n"},
		{"a lookup file's title found", map[string]string{"A1": "单位：千元", "A2": "村", "B2": "资金", "A3": "甲村", "B3": "12000|#,##0,"}, Options{Lookup: true},
			"单位：千元,\n村,资金\n甲村,12\n"},
		{"conditional: the unscaled section", map[string]string{"A1": "产值（元）", "A2": "15|[>=100000]0.0,,;0"}, Options{},
			"产值（元）\n15\n"},
		{"a scaled number above the header is a title's", map[string]string{"A1": "12000|#,##0,", "A2": "户编号", "B2": "工资性收入（元）", "A3": "A1", "B3": "5"}, Options{Skip: 1},
			"12,\n户编号,工资性收入（元）\nA1,5\n"},
	} {
		path := scaledBook(t, c.cells)
		var out bytes.Buffer
		_, err := convertWorkbook(path, filepath.Base(path), c.opts, &out)
		got := out.String()
		if err != nil {
			got = err.Error()
		}
		if got != c.want {
			t.Errorf("%s: got\n%s\nwant\n%s", c.name, got, c.want)
		}
	}
}
