package input

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
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
	name, err := convertWorkbook(path, filepath.Base(path), sheet, &out)
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
		{"15.80", nil, "15.80"},               // kept as written: no more than 15 digits
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
	got := strings.Split(mustConvert(t, path, ""), "\n")
	for i, c := range cells {
		if got[i] != c.want {
			t.Errorf("%s formatted %v: %q, want %q", c.value, c.format, got[i], c.want)
		}
	}
}

// A percent format's sign, in the section that applies, scales the number;
// one in quotes or escaped is literal text, shown after the number unscaled
// (Excel shows 0.12 formatted 0.0"%" as 0.1%), so the cell reads as stored.
func TestPercentFormatOf(t *testing.T) {
	type shows struct{ signs, places int }
	cases := []struct {
		code                     string
		positive, negative, zero shows
	}{
		{builtinNumberFormats[9], shows{1, 0}, shows{1, 0}, shows{1, 0}},  // 0%
		{builtinNumberFormats[10], shows{1, 2}, shows{1, 2}, shows{1, 2}}, // 0.00%
		{"0.0%", shows{1, 1}, shows{1, 1}, shows{1, 1}},
		{"#,##0.00%", shows{1, 2}, shows{1, 2}, shows{1, 2}},
		{"0.0%_);(0.0%)", shows{1, 1}, shows{1, 1}, shows{1, 1}},
		{"[Red]0.0%", shows{1, -1}, shows{1, -1}, shows{1, -1}}, // a percentage, its places unread
		{"0;0%", shows{}, shows{1, 0}, shows{}},                 // two sections: zero is positive
		{`0.0%;-0.0%;"-"`, shows{1, 1}, shows{1, 1}, shows{}},   // zero shows a dash, no percentage
		{"0%%", shows{2, 0}, shows{2, 0}, shows{2, 0}},          // each sign times 100
		{`0.0"%"`, shows{}, shows{}, shows{}},                   // quoted: literal text
		{`0\%`, shows{}, shows{}, shows{}},                      // escaped: literal text
		{`0_%`, shows{}, shows{}, shows{}},                      // the width of a %, as a space
		{`[$%-409]0`, shows{}, shows{}, shows{}},                // in brackets
		{`0.0" ; %"`, shows{}, shows{}, shows{}},                // a quoted semicolon splits nothing
		{"0.00", shows{}, shows{}, shows{}},
		{"General", shows{}, shows{}, shows{}},
		{"", shows{}, shows{}, shows{}},
	}
	for _, c := range cases {
		p := percentFormatOf(c.code)
		for sign, want := range []shows{c.positive, c.negative, c.zero} {
			if want.signs == 0 {
				want.places = 0 // the zero value: no percentage
			}
			if got := (shows{p[sign].signs, p[sign].places}); got != want {
				t.Errorf("%s, section for %s: %+v, want %+v", c.code, []string{"positive", "negative", "zero"}[sign], got, want)
			}
		}
	}
}

// The decimal point moves two places per sign, in the text: no rounding, no
// binary floating point.
func TestAsPercent(t *testing.T) {
	for _, c := range []struct {
		v             string
		signs, places int
		want          string
	}{
		{"0.131", 1, -1, "13.1%"},
		{"1", 1, 0, "100%"},
		{"-0.05", 1, 0, "-5%"},
		{"0.015", 1, 1, "1.5%"},
		{"0.12", 1, 1, "12.0%"},    // the zeros 0.0% shows, as Excel's CSV writes them
		{"0.12", 1, 2, "12.00%"},   // 0.00%
		{"0.1234", 1, 0, "12.34%"}, // never a digit rounded away
		{"0.120", 1, -1, "12.0%"},  // a stored zero kept
		{"0", 1, 0, "0%"},
		{"12.5", 1, 0, "1250%"},
		{"0.0005", 1, 0, "0.05%"},
		{"0.0123", 2, 0, "123%%"}, // 0%%: times 10,000
		{"#N/A", 1, 0, "#N/A"},    // no number
	} {
		if got := asPercent(c.v, c.signs, c.places); got != c.want {
			t.Errorf("asPercent(%s, %d, %d) = %s, want %s", c.v, c.signs, c.places, got, c.want)
		}
	}
}

// A sheet of percentages reads as the CSV Excel saves from it: 12% is the
// number 0.12 formatted 0%, and Excel's CSV writes 12%, which econcalc reads
// as 12 (percent). A % in quotes or escaped is text after the number, which
// is read as stored.
func TestWorkbookPercentReadsAsCSV(t *testing.T) {
	checkColumn(t, []formattedCell{
		{"0.12", 9, "12%"},
		{"0.1234", 10, "12.34%"},
		{"0.131", "0.0%", "13.1%"},
		{"0.13100000000000001", "0.0%", "13.1%"}, // 15 digits first, as Excel shows them
		{"1", 9, "100%"},
		{"-0.05", 9, "-5%"},
		{"1.5E-2", "0.0%", "1.5%"},
		{"0.12", "0.0%", "12.0%"},
		{"12345.6789", "#,##0.00%", "1234567.89%"},
		{"-0.05", "0.0%_);(0.0%)", "-5.0%"},
		{"0", `0.0%;-0.0%;"-"`, "0"}, // the zero section: no percentage
		{"-0.05", "0;0%", "-5%"},     // the negative section is a percentage
		{"5", "0;0%", "5"},           // the positive one is not
		{"0.12", `0.0"%"`, "0.12"},   // Excel: 0.1%, the number unscaled
		{"12", `0\%`, "12"},          // Excel: 12%, the number unscaled
		{"0.12", "General", "0.12"},
	})
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

// handBook is a workbook written part by part, for what neither Excel nor
// openpyxl nor excelize writes, but a file may hold.
type handBook struct {
	sheets   []handSheet
	shared   string // the items of the shared string table
	date1904 bool
	parts    map[string]string // more parts, or parts in place of the usual ones
}

type handSheet struct {
	name, kind, state string // kind "" is a worksheet
	data              string // what sheetData holds
}

func (h handBook) write(t testing.TB) string {
	t.Helper()
	parts := map[string]string{
		"_rels/.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/sharedStrings.xml": `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + h.shared + `</sst>`,
	}
	rels := `<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`
	book := `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`
	if h.date1904 {
		book += `<workbookPr date1904="1"/>`
	}
	book += `<sheets>`
	for i, s := range h.sheets {
		kind := s.kind
		if kind == "" {
			kind = "worksheet"
		}
		part := fmt.Sprintf("%ss/sheet%d.xml", kind, i+1)
		rels += fmt.Sprintf(`<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/%s" Target="%s"/>`, i+1, kind, part)
		book += fmt.Sprintf(`<sheet name="%s" sheetId="%d" state="%s" r:id="rId%d"/>`, s.name, i+1, s.state, i+1)
		parts["xl/"+part] = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + s.data + `</sheetData></worksheet>`
	}
	parts["xl/workbook.xml"] = book + `</sheets></workbook>`
	parts["xl/_rels/workbook.xml.rels"] = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels + `</Relationships>`
	for name, text := range h.parts {
		parts[name] = text
	}
	return writeZip(t, parts)
}

func writeZip(t testing.TB, parts map[string]string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "book.xlsx")
	f, err := os.Create(path)
	check(t, err)
	z := zip.NewWriter(f)
	for name, text := range parts {
		w, err := z.Create(name)
		check(t, err)
		_, err = io.WriteString(w, text)
		check(t, err)
	}
	check(t, z.Close())
	check(t, f.Close())
	return path
}

func oneSheet(data string) handBook {
	return handBook{sheets: []handSheet{{name: "表", data: data}}}
}

func TestWorkbookHandWrittenCells(t *testing.T) {
	for _, c := range []struct {
		name, sheet   string
		book          handBook
		want, wantErr string
	}{
		{name: "rows and cells without references follow the one before",
			book: oneSheet(`<row><c t="inlineStr"><is><t>a</t></is></c><c><v>1</v></c></row><row><c><v>2</v></c></row>`),
			want: "a,1\n2,\n"},
		{name: "an ISO 8601 date cell is its day",
			book: oneSheet(`<row r="1"><c r="A1" t="d"><v>2017-10-01T00:00:00</v></c><c r="B1" t="d"><v>2017-10-31</v></c></row>`),
			want: "2017-10-01,2017-10-31\n"},
		{name: "a formula with a saved empty text is empty",
			book: oneSheet(`<row r="1"><c r="A1" t="str"><f>""</f><v></v></c><c r="B1"><v>1</v></c></row>`),
			want: ",1\n"},
		{name: "a formula without a v element has no saved value",
			book:    oneSheet(`<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="B2"><f>A1</f></c></row>`),
			wantErr: "book.xlsx[表]:2: B2: a formula without a saved value; open and save the file in Excel"},
		{name: "a text formula without a v element has no saved value",
			book:    oneSheet(`<row r="4"><c r="C4" t="str"><f>A1</f></c></row>`),
			wantErr: "book.xlsx[表]:4: C4: a formula without a saved value; open and save the file in Excel"},
		{name: "a shared formula's cells have their own saved values",
			book: oneSheet(`<row r="1"><c r="A1"><f t="shared" ref="A1:B1" si="0">1+1</f><v>2</v></c><c r="B1"><f t="shared" si="0"/><v>2</v></c></row>`),
			want: "2,2\n"},
		{name: "phonetic guides are left out, _xHHHH_ escapes decoded",
			book: handBook{sheets: []handSheet{{name: "表", data: `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>`}},
				shared: `<si><r><t>工</t></r><r><rPr><b/></rPr><t>业</t></r><rPh sb="0" eb="2"><t>こうぎょう</t></rPh></si>` +
					`<si><t>本期_x000D__x000A_(万元)</t></si><si><t>x_x005F_x000D_y</t></si>`},
			want: "工业,本期 (万元),x_x000D_y\n"},
		{name: "a shared string index beyond the table",
			book:    oneSheet(`<row r="3"><c r="B3" t="s"><v>7</v></c></row>`),
			wantErr: `book.xlsx[表]:3: B3: shared string "7" is missing; the workbook is damaged`},
		{name: "a boolean written as a word",
			book: oneSheet(`<row r="1"><c r="A1" t="b"><v>true</v></c></row>`),
			want: "TRUE\n"},
		{name: "rows out of order",
			book:    oneSheet(`<row r="2"><c r="A2"><v>1</v></c></row><row r="1"><c r="A1"><v>1</v></c></row>`),
			wantErr: `book.xlsx: is a damaged workbook: xl/worksheets/sheet1.xml: row "1" after row 2`},
		{name: "a sheet whose XML is cut short",
			book:    handBook{sheets: []handSheet{{name: "表"}}, parts: map[string]string{"xl/worksheets/sheet1.xml": `<worksheet><sheetData><row r="1"><c r="A1"><v>1`}},
			wantErr: "book.xlsx: is a damaged workbook: xl/worksheets/sheet1.xml: it ends inside <v>"},
		{name: "a sheet whose elements do not close in order",
			book:    oneSheet(`<row r="1"><c r="A1"><v>1</c></row>`),
			wantErr: "book.xlsx: is a damaged workbook: xl/worksheets/sheet1.xml: </c> closes no element"},
		{name: "a cell reference beyond column XFD",
			book:    oneSheet(`<row r="1"><c r="XFE1"><v>1</v></c></row>`),
			wantErr: `book.xlsx: is a damaged workbook: xl/worksheets/sheet1.xml: a cell in row 1 is in no column ("XFE1")`},
		{name: "formulas after the cells, in a sparkline, are none of theirs",
			book: handBook{sheets: []handSheet{{name: "表"}}, parts: map[string]string{"xl/worksheets/sheet1.xml": `<worksheet xmlns:xm="xm"><sheetData>` +
				`<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row></sheetData><extLst><ext><xm:f>表!A1:B1</xm:f><v>9</v></ext></extLst></worksheet>`}},
			want: "1,2\n"},
		{name: "a sheet name ignores case, as in Excel", sheet: "DATA",
			book: handBook{sheets: []handSheet{{name: "其他"}, {name: "Data", data: `<row r="1"><c r="A1"><v>1</v></c></row>`}}},
			want: "1\n"},
		{name: "a chart sheet is no table",
			book:    handBook{sheets: []handSheet{{name: "图", kind: "chartsheet"}, {name: "数据"}, {name: "参数", state: "hidden"}}},
			wantErr: `book.xlsx: sheet "图" is a chart sheet, not a table of cells; choose another with --sheet: "图", "数据", "参数" (hidden)`},
		{name: "a sheet part that is missing",
			book:    handBook{sheets: []handSheet{{name: "表"}}, parts: map[string]string{"xl/_rels/workbook.xml.rels": `<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/nowhere.xml"/></Relationships>`}},
			wantErr: `book.xlsx: is a damaged workbook: xl/worksheets/nowhere.xml: the part holding sheet "表" is missing`},
		{name: "a workbook without sheets",
			book:    handBook{},
			wantErr: "book.xlsx: is a workbook without sheets"},
	} {
		out, _, err := convert(t, c.book.write(t), c.sheet)
		switch {
		case c.wantErr != "" && (err == nil || err.Error() != c.wantErr):
			t.Errorf("%s: error %v, want %s", c.name, err, c.wantErr)
		case c.wantErr == "" && (err != nil || out != c.want):
			t.Errorf("%s: got %q, %v; want %q", c.name, out, err, c.want)
		}
	}
}

// Zip files that are no .xlsx workbook, and files that are no zip, give one
// line that says so.
func TestWorkbookNotAWorkbook(t *testing.T) {
	golden, err := os.ReadFile(demo + "报表.xlsx")
	check(t, err)
	cut := filepath.Join(t.TempDir(), "book.xlsx")
	check(t, os.WriteFile(cut, golden[:len(golden)/2], 0o644))
	for _, c := range []struct{ path, want string }{
		{writeZip(t, map[string]string{"notes.txt": "hello"}), "book.xlsx: is a zip file but not an .xlsx workbook (it holds no xl/workbook.xml)"},
		{writeZip(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.spreadsheet"}), "book.xlsx: is an OpenDocument spreadsheet (.ods), not an .xlsx workbook; save it as .xlsx or CSV and read that"},
		{writeZip(t, map[string]string{"_rels/.rels": `<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>`}),
			"book.xlsx: is an Excel binary workbook (.xlsb); save it as .xlsx or CSV (File › Save As) and read that"},
		{writeZip(t, map[string]string{"_rels/.rels": `<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`, "word/document.xml": "<document/>"}),
			"book.xlsx: is a zip file but not an .xlsx workbook (its main part word/document.xml is no workbook)"},
		{cut, "book.xlsx: is not a readable .xlsx workbook: its zip container is damaged or cut short (zip: not a valid zip file)"},
		{demo + "output_ytd.csv", "output_ytd.csv: is not a readable .xlsx workbook: its zip container is damaged or cut short (zip: not a valid zip file)"},
		{filepath.Join(t.TempDir(), "none.xlsx"), "none.xlsx: no such file"},
	} {
		_, _, err := convert(t, c.path, "")
		var de *DataError
		if !errors.As(err, &de) || err.Error() != c.want {
			t.Errorf("got %v, want %s", err, c.want)
		}
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

func BenchmarkConvertWorkbook(b *testing.B) {
	path := excelizeBook(b, func(f *excelize.File, sheet string) {
		w, err := f.NewStreamWriter(sheet)
		check(b, err)
		check(b, w.SetRow("A1", []any{"户编号", "村", "家庭人口", "工资性收入", "经营净收入", "转移净收入"}))
		for i := 2; i <= 100_001; i++ {
			cell, _ := excelize.CoordinatesToCellName(1, i)
			check(b, w.SetRow(cell, []any{fmt.Sprintf("LJ%06d", i), "罗建村", i%6 + 1, float64(i) * 1.1, i * 3, 0.5}))
		}
		check(b, w.Flush())
	})
	b.ResetTimer()
	for b.Loop() {
		if _, err := convertWorkbook(path, "book.xlsx", "", io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
