package input

import (
	"bytes"
	"fmt"
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
// 0!.0000 in 万) shows the stored number ÷ 10^k, and the header describes
// the figure shown: it is read as shown when the column's unit, its
// header's or a 单位 line's above it, has a multiplier of 10^k or more
// (千 3, 万 4, 百万 6, 亿 8), whatever it counts (万吨, 万人次, 万美元);
// under 元, 吨, a smaller multiplier or none, it is refused, with a hint
// that names no unit. 12000 formatted #,##0, under 工资性收入（元） was read
// 12 元 (Excel shows 12; the figure is 12000 元), a household at 12000 ÷ 3 =
// 4000 元 a head listed poor under a line of 3335.
func TestWorkbookScaledNeedsTheUnitShown(t *testing.T) {
	const hint = ": name in the header the unit the figure shown is in, or format the cell to show the number as stored"
	checkConverted(t, []convertCase{
		{"thousands under 元", map[string]string{"A1": "户编号", "B1": "工资性收入（元）", "A2": "A1", "B2": "12000|#,##0,"}, Options{},
			`book.xlsx[Sheet1]:2: B2: formatted "#,##0,", which shows 12000 as 12, in units of 10^3 of the stored number, and column "工资性收入（元）" is in 元` + hint},
		{"thousands, no unit", map[string]string{"A1": "户编号", "B1": "工资性收入", "A2": "A1", "B2": "12000|#,##0,"}, Options{},
			`book.xlsx[Sheet1]:2: B2: formatted "#,##0,", which shows 12000 as 12, in units of 10^3 of the stored number, and column "工资性收入" gives no unit, nor does a 单位 line above the header` + hint},
		{"万 under 元", map[string]string{"A1": "户编号", "B1": "工资性收入（元）", "A2": "A1", "B2": "12000|0!.0000"}, Options{},
			`book.xlsx[Sheet1]:2: B2: formatted "0!.0000", which shows 12000 as 1.2000, in units of 10^4 of the stored number, and column "工资性收入（元）" is in 元` + hint},
		{"万 under 吨", map[string]string{"A1": "时间", "B1": "产量（吨）", "A2": "2016年", "B2": "123456|0!.0000"}, Options{},
			`book.xlsx[Sheet1]:2: B2: formatted "0!.0000", which shows 123456 as 12.3456, in units of 10^4 of the stored number, and column "产量（吨）" is in 吨` + hint},
		// 千 is a smaller multiplier than the 10^4 shown: 1.2 千元 = 1200 元
		// read as shown, 12000 千元 as stored; neither is sure.
		{"万 under 千元", map[string]string{"A1": "户编号", "B1": "收入（千元）", "A2": "A1", "B2": "12000|0!.0000"}, Options{},
			`book.xlsx[Sheet1]:2: B2: formatted "0!.0000", which shows 12000 as 1.2000, in units of 10^4 of the stored number, and column "收入（千元）" is in 千元` + hint},
		{"千分比 is no multiple", map[string]string{"A1": "时间", "B1": "比重（千分比）", "A2": "2016年", "B2": "12345|#,##0.0,"}, Options{},
			`book.xlsx[Sheet1]:2: B2: formatted "#,##0.0,", which shows 12345 as 12.345, in units of 10^3 of the stored number, and column "比重（千分比）" is in 千分比` + hint},
		{"单位：元 above", map[string]string{"A1": "单位：元", "A2": "户编号", "B2": "工资性收入", "A3": "A1", "B3": "12000|#,##0,"}, Options{Skip: 1},
			`book.xlsx[Sheet1]:3: B3: formatted "#,##0,", which shows 12000 as 12, in units of 10^3 of the stored number, and column "工资性收入" is in 元 (单位：元 above the header)` + hint},
		{"no header name", map[string]string{"A1": "户编号", "B1": "村", "A2": "A1", "C2": "12000|#,##0,"}, Options{},
			`book.xlsx[Sheet1]:2: C2: formatted "#,##0,", which shows 12000 as 12, in units of 10^3 of the stored number, and column C gives no unit, nor does a 单位 line above the header` + hint},
		// base's sheet, the unit in each indicator's name: 绝对值 gives none,
		// and the hint names none (it suggested 绝对值（万元）, where the
		// indicators are in 亿元: 1202000 is 120.2 亿元 as shown).
		{"base: the unit in the indicator", map[string]string{"A1": "指标", "B1": "绝对值", "C1": "增速", "A2": "规模工业总产值(亿元)", "B2": "1202000|0!.0000", "C2": "31.7"}, Options{},
			`book.xlsx[Sheet1]:2: B2: formatted "0!.0000", which shows 1202000 as 120.2000, in units of 10^4 of the stored number, and column "绝对值" gives no unit, nor does a 单位 line above the header` + hint},

		// A multiplier of 10^k or more: read as shown, 12000 ÷ 10^3 = 12
		// (千元), 72000000 ÷ 10^6 = 72.0 (百万元), 123456 ÷ 10^4 = 12.3456.
		{"thousands under 千元", map[string]string{"A1": "户编号", "B1": "工资性收入（千元）", "A2": "A1", "B2": "12000|#,##0,"}, Options{},
			"户编号,工资性收入（千元）\nA1,12\n"},
		{"millions under 百万元", map[string]string{"A1": "产值 (百万元)", "A2": "72000000|#,##0.0,,"}, Options{},
			"产值 (百万元)\n72.0\n"},
		{"万 under 万元/人", map[string]string{"A1": "人均 [万元/人]", "A2": "123456|0!.0000"}, Options{},
			"人均 [万元/人]\n12.3456\n"},
		// Any 万 unit: 123456 shows 12.3456, and the sheet says 12.3456 万吨
		// (refused as "in 万吨", with the hint 量（万元）: tonnes relabelled yuan).
		{"万 under 万吨", map[string]string{"A1": "时间", "B1": "量（万吨）", "A2": "2016年", "B2": "123456|0!.0000", "A3": "2017年", "B3": "150000|0!.0000"}, Options{},
			"时间,量（万吨）\n2016年,12.3456\n2017年,15.0000\n"},
		{"万 under 万平方米, 万人次, 万辆, 万美元, 万千瓦, 万亩", map[string]string{"A1": "面积（万平方米）", "B1": "游客（万人次）", "C1": "汽车（万辆）", "D1": "出口（万美元）", "E1": "装机（万千瓦）", "F1": "播种（万亩）",
			"A2": "123456|0!.0000", "B2": "10000|0!.0000", "C2": "5|0!.0000", "D2": "99999|0!.0000", "E2": "20000|0!.0000", "F2": "300000|0!.0000"}, Options{},
			"面积（万平方米）,游客（万人次）,汽车（万辆）,出口（万美元）,装机（万千瓦）,播种（万亩）\n12.3456,1.0000,0.0005,9.9999,2.0000,30.0000\n"},
		{"单位：万吨 above, --skip 1", map[string]string{"A1": "单位：万吨", "A2": "时间", "B2": "产量", "A3": "2016年", "B3": "123456|0!.0000"}, Options{Skip: 1},
			"单位：万吨,\n时间,产量\n2016年,12.3456\n"},
		// 亿 is 10^8 ≥ 10^4: 12000 shows 1.2000, 1.2 亿元 = 12000 万元, beside
		// 累计完成 9000 万元: 9000 ÷ 12000 = 75.0%. It was refused, with the
		// hint 年度计划（万元）, which gave 9000 ÷ 1.2 = 750000.0%.
		{"万 under 亿元", map[string]string{"A1": "项目", "B1": "年度计划（亿元）", "C1": "累计完成（万元）", "A2": "A", "B2": "12000|0!.0000", "C2": "9000"}, Options{},
			"项目,年度计划（亿元）,累计完成（万元）\nA,1.2000,9000\n"},
		{"thousands under 万元", map[string]string{"A1": "户编号", "B1": "收入（万元）", "A2": "A1", "B2": "12000|#,##0,"}, Options{},
			"户编号,收入（万元）\nA1,12\n"},
		{"单位：千元 above, --skip 1", map[string]string{"A1": "单位：千元", "A2": "户编号", "B2": "工资性收入", "A3": "A1", "B3": "12000|#,##0,"}, Options{Skip: 1},
			"单位：千元,\n户编号,工资性收入\nA1,12\n"},
		{"a lookup file's title found", map[string]string{"A1": "单位：千元", "A2": "村", "B2": "资金", "A3": "甲村", "B3": "12000|#,##0,"}, Options{Lookup: true},
			"单位：千元,\n村,资金\n甲村,12\n"},
		{"conditional: the unscaled section", map[string]string{"A1": "产值（元）", "A2": "15|[>=100000]0.0,,;0"}, Options{},
			"产值（元）\n15\n"},
		{"a scaled number above the header is a title's", map[string]string{"A1": "12000|#,##0,", "A2": "户编号", "B2": "工资性收入（元）", "A3": "A1", "B3": "5"}, Options{Skip: 1},
			"12,\n户编号,工资性收入（元）\nA1,5\n"},
		// A title and no --skip: the title is no header, and the reader
		// says "line 2 looks like the header: add --skip 1"; the check said
		// "B3: … column B gives no unit".
		{"a title taken for the header", map[string]string{"A1": "表1 产值", "A2": "时间", "B2": "产值（千元）", "A3": "2016年", "B3": "12345|#,##0,"}, Options{},
			"表1 产值,\n时间,产值（千元）\n2016年,12.345\n"},
	})
}

// A unit the format writes beside the number is the unit of the figure
// shown. 0.00"万元" shows 1.2 as 1.20万元: under 工资性收入, which gives no
// unit, it was read 1.2 元, and poverty (--line 3335) listed both households
// poor; the column now takes 万元 (工资性收入（万元）): 1.2 万元 = 12000 元,
// 12000 ÷ 3 = 4000 a head, not poor; 0.5 万元 = 5000 元, 5000 ÷ 2 = 2500,
// poor: 1 household of 2 persons, 2 ÷ 5 = 40.00%. Under another unit
// (工资性收入（元）, or 单位：元 above) the cell is refused, as #,##0,"千元"
// under one was.
func TestWorkbookUnitInTheFormat(t *testing.T) {
	const one = ": the header and the format must name one unit, that of the figure shown"
	checkConverted(t, []convertCase{
		{"万元 under no unit", map[string]string{"A1": "户编号", "B1": "家庭人口", "C1": "工资性收入", "A2": "A1", "B2": "3", "C2": `1.2|0.00"万元"`, "A3": "A2", "B3": "2", "C3": `0.5|0.00"万元"`}, Options{},
			"户编号,家庭人口,工资性收入（万元）\nA1,3,1.2\nA2,2,0.5\n"},
		{"千元, scaled, under no unit", map[string]string{"A1": "时间", "B1": "产值", "A2": "2016年", "B2": `72000|#,##0,"千元"`}, Options{},
			"时间,产值（千元）\n2016年,72\n"},
		{"万元 under 万元", map[string]string{"A1": "户编号", "B1": "工资性收入（万元）", "A2": "A1", "B2": `1.2|0.00"万元"`}, Options{},
			"户编号,工资性收入（万元）\nA1,1.2\n"},
		{"万元 under 元", map[string]string{"A1": "户编号", "B1": "工资性收入（元）", "A2": "A1", "B2": `1.2|0.00"万元"`}, Options{},
			`book.xlsx[Sheet1]:2: B2: formatted 0.00"万元", which writes 万元 beside the number (1.2万元), and column "工资性收入（元）" is in 元` + one},
		{"千元, scaled, under 元", map[string]string{"A1": "时间", "B1": "产值（元）", "A2": "2016年", "B2": `72000|#,##0,"千元"`}, Options{},
			`book.xlsx[Sheet1]:2: B2: formatted #,##0,"千元", which writes 千元 beside the number (72千元), and column "产值（元）" is in 元` + one},
		{"万元 under 单位：元", map[string]string{"A1": "单位：元", "A2": "户编号", "B2": "工资性收入", "A3": "A1", "B3": `1.2|0.00"万元"`}, Options{Skip: 1},
			`book.xlsx[Sheet1]:3: B3: formatted 0.00"万元", which writes 万元 beside the number (1.2万元), and column "工资性收入" is in 元 (单位：元 above the header)` + one},
		{"two units in a column", map[string]string{"A1": "户编号", "B1": "工资性收入", "A2": "A1", "B2": `1.2|0.00"万元"`, "A3": "A2", "B3": `5000|0"元"`}, Options{},
			`book.xlsx[Sheet1]:3: B3: formatted 0"元", which writes 元 beside the number (5000元), and B2 above it shows 万元: a column's figures must be in one unit`},
		{"no header name", map[string]string{"A1": "户编号", "B1": "村", "A2": "A1", "C2": `1.2|0.00"万元"`}, Options{},
			`book.xlsx[Sheet1]:2: C2: formatted 0.00"万元", which writes 万元 beside the number (1.2万元), and column C has no header: give it one naming the unit shown`},
	})
}

// A column whose header gives no unit, where some cells' formats write one
// (1.2 formatted 0.00"亿元") and other numbers show none (3000, General), is
// refused, naming the first number without a unit and the cell that writes
// one. The column took 亿元 for every cell: invest read B's 3000 as 3000
// 亿元 = 30000000 万元, 30000000 ÷ 5000 = 600000.0% of its plan (exit 0).
// A 合计 row in General above cells that write 亿元 is refused too. Text (—)
// and numbers above the header or in other columns are no part of it. A
// number stored as text ("3000") shows no unit either.
func TestWorkbookUnitInTheFormatMixed(t *testing.T) {
	const unclear = " beside its number (formatted 0.00\"亿元\"), so the column's unit is unclear: format %s to write its unit as well, or name the unit in the header and show every figure in it"
	checkConverted(t, []convertCase{
		{"a plain number below", map[string]string{"A1": "项目名称", "B1": "年度计划（万元）", "C1": "累计完成",
			"A2": "A", "B2": "15000", "C2": `1.2|0.00"亿元"`, "A3": "B", "B3": "5000", "C3": "3000"}, Options{},
			`book.xlsx[Sheet1]:3: C3: "3000" shows no unit, and C2 in the same column writes 亿元` + fmt.Sprintf(unclear, "C3")},
		{"a number formatted General below", map[string]string{"A1": "项目名称", "B1": "年度计划（万元）", "C1": "累计完成",
			"A2": "A", "B2": "15000", "C2": `1.2|0.00"亿元"`, "A3": "B", "B3": "5000", "C3": "3000|General"}, Options{},
			`book.xlsx[Sheet1]:3: C3: "3000" shows no unit, and C2 in the same column writes 亿元` + fmt.Sprintf(unclear, "C3")},
		{"a 合计 above", map[string]string{"A1": "项目名称", "B1": "年度计划（万元）", "C1": "累计完成",
			"A2": "合计", "B2": "20000", "C2": "1.5", "A3": "A", "B3": "15000", "C3": `1.2|0.00"亿元"`, "A4": "B", "B4": "5000", "C4": `0.3|0.00"亿元"`}, Options{},
			`book.xlsx[Sheet1]:2: C2: "1.5" shows no unit, and C3 in the same column writes 亿元` + fmt.Sprintf(unclear, "C2")},
		// Every number writes 亿元: 1.2 亿元 and 0.3 亿元, read in 亿元.
		{"text and numbers elsewhere", map[string]string{"A1": "2017", "A2": "项目名称", "B2": "年度计划（万元）", "C2": "累计完成",
			"A3": "A", "B3": "15000", "C3": `1.2|0.00"亿元"`, "A4": "B", "B4": "5000", "C4": "—", "A5": "C", "B5": "100", "C5": `0.3|0.00"亿元"`}, Options{Skip: 1},
			"2017,,\n项目名称,年度计划（万元）,累计完成（亿元）\nA,15000,1.2\nB,5000,—\nC,100,0.3\n"},
	})
}

// convertCase is a workbook's cells (value|format), the options it is read
// with, and the CSV it converts to, or the error.
type convertCase struct {
	name  string
	cells map[string]string
	opts  Options
	want  string
}

// checkConverted converts each case's workbook and compares.
func checkConverted(t *testing.T, cases []convertCase) {
	t.Helper()
	for _, c := range cases {
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
