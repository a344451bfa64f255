package input

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
)

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
			book: oneSheet(`<row r="1"><c r="A1"><v>1</v></c><c r="B1" t="str"><f>""</f><v></v></c><c r="C1"><v>2</v></c></row>`),
			want: "1,,2\n"},
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
