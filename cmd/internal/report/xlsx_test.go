package report

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"

	"econcalc/calc"

	"github.com/shopspring/decimal"
	"github.com/thedatashed/xlsxreader"
)

// The workbooks are read back with xlsxreader, a library that shares no
// code with excelize or with the formatter (values, types, sheet names),
// and, for what it does not tell (number formats, bold, the frozen pane,
// widths), by looking at the parts themselves with archive/zip and
// encoding/xml.

var xlsxColumns = []Column{
	{Key: "village", En: "village", Zh: "村", Kind: TextKind},
	{Key: "households", En: "households", Zh: "户数", Kind: ExactKind},
	{Key: "income", En: "income", Zh: "人均收入", Kind: ExactKind},
	{Key: "incidence_pct", En: "incidence %", Zh: "贫困发生率%", Kind: PercentKind},
	{Key: "exit_ok", En: "exit ok", Zh: "可退出", Kind: TextKind},
}

// povertyWorkbook is a village summary as a workbook:
//
//	东冲村: 1 poor person of 49 = 2.0408…% → 2.04; 石山脚村: 0 of 12 = 0.00;
//	total: 1 of 61 = 1.6393…% → 1.64.
func povertyWorkbook(t *testing.T, lang string) []byte {
	t.Helper()
	r := Options{Format: "xlsx", Sheet: "poverty", Lang: lang, Decimals: 2}.NewReport(xlsxColumns)
	r.Add(TextCell("东冲村"), num("12"), num("10005.00"), PercentCell(dec("1"), dec("49")), YesNo(false))
	r.Add(TextCell(`=HYPERLINK("http://x","石山脚村")`), num("3"), Cell{}, PercentCell(dec("0"), dec("12")), YesNo(true))
	r.AddTotal(TotalLabel(), num("15"), Cell{}, PercentCell(dec("1"), dec("61")), Cell{})
	var b bytes.Buffer
	if err := r.Finish(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// TestXLSXGolden opens the workbook with another library and checks it as
// a bureau would: the sheet's name, the header in --lang, numbers stored as
// the decimals printed, each shown with its printed places, text that is
// text however it begins, the total row bold, and the same bytes each time.
func TestXLSXGolden(t *testing.T) {
	book := povertyWorkbook(t, "zh")
	if again := povertyWorkbook(t, "zh"); !bytes.Equal(book, again) {
		t.Errorf("the same report gave two workbooks (%d and %d bytes)", len(book), len(again))
	}
	sheet, rows := readWorkbook(t, book)
	if sheet != "poverty" {
		t.Errorf("sheet %q, want poverty", sheet)
	}
	want := [][]string{
		{`A1 "村"`, `B1 "户数"`, `C1 "人均收入"`, `D1 "贫困发生率%"`, `E1 "可退出"`},
		{`A2 "东冲村"`, `B2 12`, `C2 10005.00`, `D2 2.04`, `E2 "否"`},
		{`A3 "=HYPERLINK(\"http://x\",\"石山脚村\")"`, `B3 3`, `D3 0.00`, `E3 "是"`},
		{`A4 "合计"`, `B4 15`, `D4 1.64`},
	}
	if got := fmt.Sprint(rows); got != fmt.Sprint(want) {
		t.Errorf("cells:\n%s\nwant:\n%s", got, want)
	}

	parts := unzipParts(t, book)
	styles := cellStyles(t, parts)
	for _, c := range []struct {
		cell, format string
		bold         bool
	}{
		{"A1", "General", true}, {"D1", "General", true},
		{"A2", "General", false}, {"B2", "0", false}, {"C2", "0.00", false}, {"D2", "0.00", false},
		{"A3", "General", false}, {"D3", "0.00", false},
		{"A4", "General", true}, {"B4", "0", true}, {"D4", "0.00", true},
	} {
		if got := styles[c.cell]; got.format != c.format || got.bold != c.bold {
			t.Errorf("%s: format %q, bold %v; want %q, %v", c.cell, got.format, got.bold, c.format, c.bold)
		}
	}
	ws := parts["xl/worksheets/sheet1.xml"]
	if bytes.Contains(ws, []byte("<f")) {
		t.Errorf("the sheet holds a formula:\n%s", ws)
	}
	for _, s := range []string{
		`<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>`,
		// The widest village, the formula-like name, is 25 ASCII
		// characters and 4 Chinese ones, 2 columns each: 33, and 2 of margin.
		`<col min="1" max="1" width="35" customWidth="1"/>`,
		`<col min="4" max="4" width="13" customWidth="1"/>`, // 贫困发生率%: 11
	} {
		if !bytes.Contains(ws, []byte(s)) {
			t.Errorf("the sheet lacks %s:\n%s", s, ws)
		}
	}
	core := string(parts["docProps/core.xml"])
	if strings.Count(core, `W3CDTF">`) != 2 || strings.Count(core, `W3CDTF">1980-01-01T00:00:00Z<`) != 2 {
		t.Errorf("document times not pinned: %s", core)
	}
	zr, _ := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	for _, f := range zr.File {
		if f.ModifiedDate != 0 || f.ModifiedTime != 0 || len(f.Extra) > 0 {
			t.Errorf("%s carries a time: %v", f.Name, f.Modified)
		}
	}

	_, rows = readWorkbook(t, povertyWorkbook(t, "en"))
	if got := strings.Join(append(rows[0], rows[1][4], rows[3][0]), " "); got != `A1 "village" B1 "households" C1 "income" D1 "incidence %" E1 "exit ok" E2 "no" A4 "total"` {
		t.Errorf("en header, word and total: %s", got)
	}
}

// TestXLSXHoldsWhatCSVPrints: every cell of a workbook is the csv's field,
// numbers as numbers and text as text, in a report laid out in two
// parallel pieces, each long enough to spill to temporary files (some 11 MB
// of rows kept, past the 8 MiB held in memory), joined as files.
func TestXLSXHoldsWhatCSVPrints(t *testing.T) {
	defer RemoveTempFiles()
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	const n = 40_000
	pad := strings.Repeat("金台村", 170)
	build := func(format string) []byte {
		opts := Options{Format: format, Lang: "en", Decimals: 1, ValueDecimals: 3, Sheet: "growth", RawText: true}
		r := opts.NewReport(xlsxColumns)
		InParallel(r, n, 1000, func(fork *Report, from, to int) {
			for i := from; i < to; i++ {
				fork.Add(TextCell(fmt.Sprintf("V%06d & <%d> %s", i, i%7, pad[:3*(i%7)+480])), Int64Cell(int64(i)),
					AmountCell(calc.DecimalNum(decimal.New(int64(i)*37-2_000_000, -2))),
					PercentCell(decimal.NewFromInt(int64(i%13)), decimal.NewFromInt(7)), OptionalText("-", i%5 == 0))
			}
		})
		if x, ok := r.f.(*xlsxFormatter); ok && len(x.rows.joined) < 2 {
			t.Fatalf("%d spilled pieces joined, want 2", len(x.rows.joined))
		}
		r.AddTotal(TotalLabel(), IntCell(n), Cell{}, Cell{}, Cell{})
		var b bytes.Buffer
		if err := r.Finish(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	records, err := csv.NewReader(bytes.NewReader(build("csv"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	book := build("xlsx")
	x, err := xlsxreader.NewReader(book)
	if err != nil {
		t.Fatal(err)
	}
	row := 0
	for r := range x.ReadRows("growth") {
		if r.Error != nil {
			t.Fatal(r.Error)
		}
		row++
		if row == 1 {
			continue
		}
		want := records[row-1]
		got := make([]string, len(want))
		for _, c := range r.Cells {
			i := c.ColumnIndex()
			got[i] = c.Value
			if isNum := c.Type == xlsxreader.TypeNumerical; isNum != (xlsxColumns[i].Kind != TextKind) {
				t.Fatalf("row %d: %s is %s", r.Index, c.Column, c.Type)
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("row %d: %q, want the csv's %q", r.Index, got, want)
		}
	}
	if row != n+2 {
		t.Errorf("%d rows, want %d and the header and total", row, n)
	}
}

// Text is text whatever it holds: XML's special characters, characters XML
// cannot hold, an underscore that would begin Excel's escape, a line break.
func TestXLSXText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"a&b<c>", "a&amp;b&lt;c&gt;"},
		{"a\r\nb\tc", "a&#xD;\nb\tc"},
		{"\x01\x1f", "_x0001__x001F_"},
		{"_x0041_ _x00_ _X0041_", "_x005F_x0041_ _x00_ _X0041_"},
		{"b\xffad", "b\uFFFDad"},
		{"=1+1", "=1+1"},
	} {
		if got := string(appendXLSXText(nil, []byte(c.in))); got != c.want {
			t.Errorf("%q as xlsx text = %q, want %q", c.in, got, c.want)
		}
	}
	for _, c := range []struct {
		in   string
		want bool
	}{{"15.80", true}, {"-0.0", true}, {"100", true}, {"", false}, {"-", false}, {"1.", false}, {".5", false}, {"1e5", false}, {"n/a", false},
		// 15 significant digits Excel holds; more it would show otherwise, so they are text.
		{"123456789012345", true}, {"-1234567890.12345", true}, {"0.000123456789012345", true},
		{"1234567890123456", false}, {"123456789012345678901234567890.0000", false}, {"0.1234567890123456", false}} {
		if plainDecimal(c.in) != c.want {
			t.Errorf("plainDecimal(%q) = %v", c.in, !c.want)
		}
	}
	for i, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 701: "ZZ", 702: "AAA", 16383: "XFD"} {
		if got := columnName(i); got != want {
			t.Errorf("column %d is %s, want %s", i, got, want)
		}
	}
}

// What Excel cannot open is refused, as a write error, rather than cut
// short: too many rows for a sheet, or a cell longer than one holds.
func TestXLSXLimits(t *testing.T) {
	cols := []Column{{Key: "village", En: "village", Kind: TextKind}}
	long := strings.Repeat("村", xlsxMaxCellChars+1)
	for _, c := range []struct {
		rows int
		text string
		want string
	}{
		{xlsxMaxRows - 1, "", ""},
		{xlsxMaxRows, "", "cannot write the workbook: 1,048,576 rows and the header do not fit in a sheet (at most 1,048,576 rows); --format csv holds it"},
		{3, long, `cannot write the workbook: row 2, column "village": 32,768 characters do not fit in a cell (at most 32,767); --format csv holds it`},
	} {
		r := Options{Format: "xlsx"}.NewReport(cols)
		row := []Rendered{{S: c.text}}
		for range c.rows {
			r.Row(row)
			row[0].S = ""
		}
		err := r.Finish(io.Discard)
		var we *WriteError
		if c.want == "" && err != nil || c.want != "" && (!errors.As(err, &we) || err.Error() != c.want) {
			t.Errorf("%d rows: %v, want %q", c.rows, err, c.want)
		}
	}
}

// readWorkbook gives the only sheet's name and its cells, each as its
// reference and its value, text quoted.
func readWorkbook(t *testing.T, book []byte) (string, [][]string) {
	t.Helper()
	x, err := xlsxreader.NewReader(book)
	if err != nil {
		t.Fatal(err)
	}
	if len(x.Sheets) != 1 {
		t.Fatalf("sheets %q, want one", x.Sheets)
	}
	var rows [][]string
	for r := range x.ReadRows(x.Sheets[0]) {
		if r.Error != nil {
			t.Fatal(r.Error)
		}
		var cells []string
		for _, c := range r.Cells {
			v := c.Value
			if c.Type != xlsxreader.TypeNumerical {
				v = fmt.Sprintf("%q", v)
			}
			cells = append(cells, fmt.Sprintf("%s%d %s", c.Column, c.Row, v))
		}
		rows = append(rows, cells)
	}
	return x.Sheets[0], rows
}

func unzipParts(t *testing.T, book []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name], err = io.ReadAll(rc)
		if err != nil {
			t.Fatal(err)
		}
	}
	return parts
}

type cellStyle struct {
	format string
	bold   bool
}

// cellStyles looks each cell of the first sheet up in the styles part: its
// number format's code (General when it has none) and whether its font is
// bold.
func cellStyles(t *testing.T, parts map[string][]byte) map[string]cellStyle {
	t.Helper()
	var styles struct {
		NumFmts []struct {
			ID   int    `xml:"numFmtId,attr"`
			Code string `xml:"formatCode,attr"`
		} `xml:"numFmts>numFmt"`
		Fonts []struct {
			B *struct {
				Val string `xml:"val,attr"`
			} `xml:"b"`
		} `xml:"fonts>font"`
		Xfs []struct {
			NumFmt int `xml:"numFmtId,attr"`
			Font   int `xml:"fontId,attr"`
		} `xml:"cellXfs>xf"`
	}
	var sheet struct {
		Cells []struct {
			Ref   string `xml:"r,attr"`
			Style int    `xml:"s,attr"`
		} `xml:"sheetData>row>c"`
	}
	if err := xml.Unmarshal(parts["xl/styles.xml"], &styles); err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(parts["xl/worksheets/sheet1.xml"], &sheet); err != nil {
		t.Fatal(err)
	}
	codes := map[int]string{0: "General", 1: "0", 2: "0.00"} // Excel's own
	for _, f := range styles.NumFmts {
		codes[f.ID] = f.Code
	}
	out := map[string]cellStyle{}
	for _, c := range sheet.Cells {
		xf := styles.Xfs[c.Style]
		b := styles.Fonts[xf.Font].B
		out[c.Ref] = cellStyle{codes[xf.NumFmt], b != nil && b.Val != "0" && b.Val != "false"}
	}
	return out
}

// BenchmarkXLSX writes a 5,000-row, 12-column workbook (a province's
// villages), as BenchmarkTable draws such a table.
func BenchmarkXLSX(b *testing.B) {
	cols := []Column{{Key: "village", En: "village", Kind: TextKind}}
	for c := 1; c < 12; c++ {
		cols = append(cols, Column{Key: fmt.Sprint(c), En: fmt.Sprintf("figure %d", c), Kind: ExactKind})
	}
	row := make([]Rendered, len(cols))
	for b.Loop() {
		r := Options{Format: "xlsx", Sheet: "poverty"}.NewReport(cols)
		for v := range 5000 {
			row[0] = Rendered{S: fmt.Sprintf("V%05d", v)}
			for c := 1; c < len(row); c++ {
				row[c] = Rendered{S: fmt.Sprintf("%d.%02d", v*c, c), IsNum: true}
			}
			r.Row(row)
		}
		if err := r.Finish(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
