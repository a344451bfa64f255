package input

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

const demo = "../../../testdata/demo/"

// convert runs convertWorkbook and returns its CSV.
func convert(t testing.TB, path, sheet string) (string, string, error) {
	t.Helper()
	var out bytes.Buffer
	name, err := convertWorkbook(path, filepath.Base(path), Options{Sheet: sheet}, &out)
	return out.String(), name, err
}

func mustConvert(t testing.TB, path, sheet string) string {
	t.Helper()
	out, _, err := convert(t, path, sheet)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func readCSV(t *testing.T, text string) [][]string {
	t.Helper()
	r := csv.NewReader(strings.NewReader(text))
	records, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return records
}

// The golden workbook 报表.xlsx was written by openpyxl (make_workbook.py)
// from three CSV files; each sheet reads as its CSV: the same rows, the same
// text, numbers equal as decimals, and on 月度 the dates 2016-03-01 where the
// CSV names the month 2016-03.
func TestWorkbookGoldenMatchesCSV(t *testing.T) {
	for _, c := range []struct{ sheet, csvFile, want string }{
		{"", "output_ytd.csv", "工业"},
		{"工业", "output_ytd.csv", "工业"},
		{"2", "projects.csv", "投资"},
		{"投资", "projects.csv", "投资"},
		{"月度", "月度.csv", "月度"},
	} {
		out, name, err := convert(t, demo+"报表.xlsx", c.sheet)
		if err != nil || name != c.want {
			t.Fatalf("sheet %q: got sheet %q, error %v; want sheet %q", c.sheet, name, err, c.want)
		}
		text, err := os.ReadFile(demo + c.csvFile)
		if err != nil {
			t.Fatal(err)
		}
		got, want := readCSV(t, out), readCSV(t, string(text))
		if len(got) != len(want) {
			t.Fatalf("sheet %q: %d rows, %s has %d", c.sheet, len(got), c.csvFile, len(want))
		}
		for i := range want {
			if len(got[i]) != len(want[i]) {
				t.Fatalf("sheet %q row %d: %q, want %q", c.sheet, i+1, got[i], want[i])
			}
			for j, w := range want[i] {
				g, w := strings.TrimSpace(got[i][j]), strings.TrimSpace(w)
				if wd, err := decimal.NewFromString(w); err == nil && i > 0 {
					if gd, err := decimal.NewFromString(g); err != nil || !gd.Equal(wd) {
						t.Errorf("sheet %q row %d column %d: %q, want the number %s", c.sheet, i+1, j+1, g, w)
					}
				} else if c.want == "月度" && i > 0 && j == 0 {
					if g != w+"-01" {
						t.Errorf("sheet %q row %d: period %q, want the date %s-01", c.sheet, i+1, g, w)
					}
				} else if g != w {
					t.Errorf("sheet %q row %d column %d: %q, want %q", c.sheet, i+1, j+1, g, w)
				}
			}
		}
	}
}

// openpyxl stores 71.15 as 71.15000000000001 (16 significant digits of the
// binary fraction): read to Excel's 15 digits it is 71.15 again, exactly.
func TestWorkbookGoldenStoredDigits(t *testing.T) {
	out := mustConvert(t, demo+"报表.xlsx", "工业")
	if !strings.Contains(out, "\n2016年1-8月,71.15,16.72\n") {
		t.Errorf("row 8 of 工业 is not 2016年1-8月,71.15,16.72:\n%s", out)
	}
}

// excelize, another reader, agrees with the golden sheets without dates.
func TestWorkbookAgreesWithExcelize(t *testing.T) {
	f, err := excelize.OpenFile(demo + "报表.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, sheet := range []string{"工业", "投资"} {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		var want strings.Builder
		for _, r := range rows {
			want.WriteString(strings.Join(r, ",") + "\n")
		}
		if got := mustConvert(t, demo+"报表.xlsx", sheet); got != want.String() {
			t.Errorf("sheet %s:\n%s\nexcelize reads:\n%s", sheet, got, want.String())
		}
	}
}

// formulas.xlsx (openpyxl, saved values written into its XML) holds what a
// sheet can hold besides a plain table.
func TestWorkbookFormulasAndOddCells(t *testing.T) {
	want := "" +
		"指标,本期 (万元),上期 (万元),增加,增速 (%)\n" + // "\n", "\r\n" and "\r" in the headers
		"规模工业总产值,120.2,91.27,28.93,31.7\n" + // D2 =B2-C2, E2 =ROUND(D2/C2*100,1): saved values
		"规模工业增加值,24.3,21.49,2.81,13.1\n" +
		"文本公式,规模工业总产值,,,\n" + // B4 =A2&"": a saved text value
		"备注,,,,\n" + // a short row, padded to the five columns
		"\n" + // row 6 is empty
		"极小极大,0.000012,10000000000000000,,\n" + // stored as 1.2e-05 and 1e+16
		"逻辑,TRUE,#DIV/0!,,\n" // C8 =1/0 saved as the error value
	if got := mustConvert(t, demo+"formulas.xlsx", "cached"); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestWorkbookFormulaWithoutSavedValue(t *testing.T) {
	out, name, err := convert(t, demo+"formulas.xlsx", "uncached")
	want := &DataError{File: "formulas.xlsx[uncached]", Line: 3, Msg: "C3: a formula without a saved value; open and save the file in Excel"}
	var de *DataError
	if !errors.As(err, &de) || *de != *want || name != "uncached" || out != "" {
		t.Fatalf("got %q, %v, output %q; want %v", name, err, out, want)
	}
	if err.Error() != "formulas.xlsx[uncached]:3: C3: a formula without a saved value; open and save the file in Excel" {
		t.Errorf("message %q", err)
	}
}

func TestWorkbookMissingSheet(t *testing.T) {
	for _, c := range []struct{ sheet, want string }{
		{"财政", `报表.xlsx: has no sheet named "财政"; its sheets are "工业", "投资", "月度"`},
		{"4", `报表.xlsx: has no sheet named "4" and only 3 sheets: "工业", "投资", "月度"`},
		{"0", `报表.xlsx: has no sheet named "0" and only 3 sheets: "工业", "投资", "月度"`},
	} {
		_, _, err := convert(t, demo+"报表.xlsx", c.sheet)
		var de *DataError
		if !errors.As(err, &de) || de.Line != 0 || err.Error() != c.want {
			t.Errorf("sheet %q: %v, want %s", c.sheet, err, c.want)
		}
	}
}

// excelizeBook saves a workbook that build fills in, in a temporary folder.
func excelizeBook(t testing.TB, build func(f *excelize.File, sheet string)) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	build(f, "Sheet1")
	path := filepath.Join(t.TempDir(), "book.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func check(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// A sheet name is a name first, a position only when no sheet has it.
func TestWorkbookSheetNameBeforeIndex(t *testing.T) {
	path := excelizeBook(t, func(f *excelize.File, sheet string) {
		check(t, f.SetSheetName(sheet, "数据"))
		check(t, f.SetCellValue("数据", "A1", "first"))
		_, err := f.NewSheet("1")
		check(t, err)
		check(t, f.SetCellValue("1", "A1", "second"))
	})
	for sheet, want := range map[string]string{"1": "second\n", "2": "second\n", "数据": "first\n", "": "first\n"} {
		if got := mustConvert(t, path, sheet); got != want {
			t.Errorf("sheet %q: %q, want %q", sheet, got, want)
		}
	}
}

// Numbers as stored, to Excel's 15 significant digits; dates by their
// number format, as the day they show.
func TestWorkbookNumbersAndDates(t *testing.T) {
	checkColumn(t, []formattedCell{
		{"120.2", nil, "120.2"},
		{"15.80", nil, "15.8"},                // a double's zeros: TestWorkbookStoredTrailingZeros
		{"1.2E-05", "0.0E+00", "0.000012"},    // an exponent, written out
		{"1E+16", nil, "10000000000000000"},   // 10^16
		{"8.869999999999999", nil, "8.87"},    // openpyxl's 8.87: 16 digits, the 16th rounds up
		{"1.1000000000000001", nil, "1.1"},    // older Excel's 1.1
		{"-0.30000000000000004", nil, "-0.3"}, // 0.1+0.2 in binary, negated
		{"123456789012345", nil, "123456789012345"},
		{"123456789012345678", nil, "123456789012346000"}, // Excel shows 1.23457E+17 and keeps 15 digits
		{"43009", 14, "2017-10-01"},                       // m/d/yy
		{"43009.75", 22, "2017-10-01"},                    // m/d/yy h:mm: the day
		{"43009", 57, "2017-10-01"},                       // yyyy"年"m"月" in Chinese Excel
		{"43009", `[$-804]yyyy"年"m"月"`, "2017-10-01"},
		{"43009", "mmm", "2017-10-01"},
		{"43009", `yyyy\-mm\-dd;@`, "2017-10-01"},
		{"43009.99999999", 14, "2017-10-01"},  // 0.99999999 day is 86,399,999.136 ms: 86,399,999 ms
		{"43009.999999999", 14, "2017-10-02"}, // 86,399,999.9136 ms rounds to midnight
		{"1", 14, "1900-01-01"},
		{"59", 14, "1900-02-28"},
		{"60", 14, "1900-02-29"}, // Excel's day that never was
		{"61", 14, "1900-03-01"},
		{"2958465", 14, "9999-12-31"},
		{"0.75", 20, "0.75"},                 // h:mm: a time of day is no date
		{"0.75", 32, "0.75"},                 // h"时"mm"分"
		{"1.5", "[h]:mm:ss", "1.5"},          // a duration
		{"0.01", "mm:ss", "0.01"},            // minutes, not months
		{"0.5", "h:mm AM/PM", "0.5"},         // the M of PM is no month
		{"1234.5", `#,##0.00" m"`, "1234.5"}, // a quoted m is no month
		// A fixed-point format adds the zeros it shows, as Excel's CSV does;
		// it never rounds a digit away.
		{"120.2", "0.00", "120.20"},
		{"120.2", "#,##0.00_ ", "120.20"},
		{"120.2", 2, "120.20"},
		{"120", 4, "120.00"},
		{"1.2345", "0.00", "1.2345"},
		{"0.317", "0.0%", "31.7%"}, // a percentage as Excel shows it: TestWorkbookPercentReadsAsCSV
		{"120.2", "0.00E+00", "120.2"},
		{"120.2", "General", "120.2"},
		{"'2017年10月", 14, "2017年10月"}, // text formatted as a date stays text
		{"'43009", 14, "43009"},
	})
}

// formattedCell is a cell of checkColumn: its stored value, text when it
// starts with ', its number format (a built-in id, a code, or nil), and the
// CSV text it should read as.
type formattedCell struct {
	value  string
	format any
	want   string
}

// checkColumn saves a workbook whose column A holds the cells, from row 1,
// and checks that each reads as it should.
func checkColumn(t *testing.T, cells []formattedCell) {
	t.Helper()
	path := excelizeBook(t, func(f *excelize.File, sheet string) {
		for i, c := range cells {
			cell := fmt.Sprintf("A%d", i+1)
			if text, ok := strings.CutPrefix(c.value, "'"); ok {
				check(t, f.SetCellStr(sheet, cell, text))
			} else {
				check(t, f.SetCellDefault(sheet, cell, c.value))
			}
			style := &excelize.Style{}
			switch format := c.format.(type) {
			case nil:
				continue
			case int:
				style.NumFmt = format
			case string:
				style.CustomNumFmt = &format
			}
			id, err := f.NewStyle(style)
			check(t, err)
			check(t, f.SetCellStyle(sheet, cell, cell, id))
		}
	})
	// The cells have no header: a scaled one is read as shown, unchecked
	// (TestWorkbookScaledNeedsTheUnitShown checks its column's unit).
	var out bytes.Buffer
	_, err := convertSheet(path, "book.xlsx", Options{}, false, &out)
	check(t, err)
	got := strings.Split(out.String(), "\n")
	for i, c := range cells {
		if got[i] != c.want {
			t.Errorf("%s formatted %v: %q, want %q", c.value, c.format, got[i], c.want)
		}
	}
}

func TestWorkbookDatesExcelCannotShow(t *testing.T) {
	for _, c := range []struct{ value, want string }{
		{"0", "book.xlsx[Sheet1]:1: A1: 0 is formatted as a date but comes before the first day Excel shows"}, // 1900-01-00
		{"-1", "book.xlsx[Sheet1]:1: A1: -1 is formatted as a date but comes before the first day Excel shows"},
		{"2958466", "book.xlsx[Sheet1]:1: A1: 2958466 is formatted as a date but comes after the last day Excel shows (9999-12-31)"},
	} {
		path := excelizeBook(t, func(f *excelize.File, sheet string) {
			check(t, f.SetCellDefault(sheet, "A1", c.value))
			id, err := f.NewStyle(&excelize.Style{NumFmt: 14})
			check(t, err)
			check(t, f.SetCellStyle(sheet, "A1", "A1", id))
		})
		if _, _, err := convert(t, path, ""); err == nil || err.Error() != c.want {
			t.Errorf("%s: %v, want %s", c.value, err, c.want)
		}
	}
}

// In the 1904 date system (old Mac workbooks) day 0 is 1904-01-01, and
// 2017-10-01 is 43009 − 1462 = 41547.
func TestWorkbookDate1904(t *testing.T) {
	path := excelizeBook(t, func(f *excelize.File, sheet string) {
		yes := true
		check(t, f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}))
		id, err := f.NewStyle(&excelize.Style{NumFmt: 14})
		check(t, err)
		for i, v := range []string{"0", "41547"} {
			cell := fmt.Sprintf("A%d", i+1)
			check(t, f.SetCellDefault(sheet, cell, v))
			check(t, f.SetCellStyle(sheet, cell, cell, id))
		}
	})
	if got := mustConvert(t, path, ""); got != "1904-01-01\n2017-10-01\n" {
		t.Errorf("got %q", got)
	}
}

// Every line has the sheet's width, up to its last column with content; a
// row without content is an empty line; text from the shared string table
// keeps its commas and quotes (RFC 4180) and loses its line breaks.
func TestWorkbookTableShape(t *testing.T) {
	path := excelizeBook(t, func(f *excelize.File, sheet string) {
		check(t, f.SetCellValue(sheet, "A1", "本期\n(万元)"))
		check(t, f.SetCellValue(sheet, "B1", "a,b"))
		check(t, f.SetCellValue(sheet, "A2", `say "hi"`))
		check(t, f.SetCellBool(sheet, "B2", false))
		check(t, f.SetCellRichText(sheet, "A3", []excelize.RichTextRun{{Text: "规模"}, {Text: "工业"}}))
		check(t, f.SetCellValue(sheet, "D5", "far"))
		check(t, f.SetCellValue(sheet, "C7", ""))
		id, err := f.NewStyle(&excelize.Style{NumFmt: 14})
		check(t, err)
		check(t, f.SetCellStyle(sheet, "A5", "G9", id)) // formatted, empty cells: no content
	})
	want := "本期 (万元),\"a,b\",,\n" +
		"\"say \"\"hi\"\"\",FALSE,,\n" +
		"规模工业,,,\n" +
		"\n" +
		",,,far\n"
	if got := mustConvert(t, path, ""); got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

// FuzzWorkbookSheet reads any sheet XML without a panic, and what it writes
// is a table: every line empty or as wide as the widest.
func FuzzWorkbookSheet(f *testing.F) {
	f.Add(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1"><v>1.5E3</v></c></row><row r="3"><c r="B3" s="1"><v>43009</v></c></row>`)
	f.Add(`<row><c t="inlineStr"><is><t>a,"b"</t></is></c></row><row r="9"><c r="XFD9" t="b"><v>1</v></c></row>`)
	f.Fuzz(func(t *testing.T, data string) {
		book := oneSheet(data)
		book.shared = `<si><t>本期` + "\n" + `(万元)</t></si>`
		book.parts = map[string]string{"xl/styles.xml": `<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`}
		out, _, err := convert(t, book.write(t), "")
		if err != nil {
			return
		}
		records, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatalf("unreadable CSV %q: %v", out, err)
		}
		for _, r := range records {
			if len(r) != len(records[0]) {
				t.Fatalf("ragged CSV %q", out)
			}
		}
	})
}
