package input

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// A table that starts in column B (column A empty in every row, the
// header's too) is read from B: it was refused, "column 1 of the header
// has no name". Messages name the cells as Excel shows them (C3).
func TestWorkbookTableStartsInColumnB(t *testing.T) {
	str := func(ref, v string) string { return `<c r="` + ref + `" t="inlineStr"><is><t>` + v + `</t></is></c>` }
	num := func(ref, v string) string { return `<c r="` + ref + `"><v>` + v + `</v></c>` }
	book := oneSheet(`<row r="1">` + str("B1", "户编号") + str("C1", "家庭人口") + str("D1", "工资性收入") + `</row>` +
		`<row r="2">` + str("B2", "A1") + num("C2", "3") + num("D2", "9000") + `</row>` +
		`<row r="4">` + str("B4", "A2") + num("C4", "2") + `</row>`)
	path := book.write(t)
	want := "户编号,家庭人口,工资性收入\n" +
		"A1,3,9000\n" +
		"\n" +
		"A2,2,\n"
	if got := mustConvert(t, path, ""); got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}

	// Read as a table, the header is B1's onward, and each row its own.
	s, err := Open(Options{Files: []string{path}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if want := []string{"户编号", "家庭人口", "工资性收入"}; !slices.Equal(s.Header, want) {
		t.Errorf("header %q, want %q", s.Header, want)
	}
	var rows [][]string
	check(t, s.Each(func(r *Row) error { rows = append(rows, []string{r.Text(0), r.Text(1), r.Text(2)}); return nil }))
	if want := [][]string{{"A1", "3", "9000"}, {"A2", "2", ""}}; !slices.EqualFunc(rows, want, slices.Equal) {
		t.Errorf("rows %q, want %q", rows, want)
	}

	// A cell's error names it as Excel does, column C.
	bad := oneSheet(`<row r="1">` + str("B1", "户编号") + str("C1", "家庭人口") + `</row>` +
		`<row r="3">` + str("B3", "A1") + `<c r="C3"><f>1+2</f></c></row>`)
	if _, _, err := convert(t, bad.write(t), ""); err == nil || err.Error() != "book.xlsx[表]:3: C3: "+errNoSavedValue.Error() {
		t.Errorf("got %v", err)
	}
}

// A header cell without a name is named as Excel names its column: in a
// table that starts in column B, the empty C1 is column C, where it was
// "column 2" (counted from B, the first column read). A sheet from column
// A, and a CSV file, count from A as before (column 2 is B).
func TestWorkbookHeaderWithoutNameNamesExcelColumn(t *testing.T) {
	str := func(ref, v string) string { return `<c r="` + ref + `" t="inlineStr"><is><t>` + v + `</t></is></c>` }
	num := func(ref, v string) string { return `<c r="` + ref + `"><v>` + v + `</v></c>` }
	for _, c := range []struct {
		name, sheet, want string
	}{
		{"from B", `<row r="1">` + str("B1", "户编号") + str("D1", "工资性收入") + `</row>` +
			`<row r="2">` + str("B2", "A1") + num("C2", "3") + num("D2", "9000") + `</row>`,
			"book.xlsx[表]:1: column C of the header has no name"},
		{"from D", `<row r="1">` + str("D1", "户编号") + str("F1", "工资性收入") + `</row>` +
			`<row r="2">` + str("D2", "A1") + num("E2", "3") + num("F2", "9000") + `</row>`,
			"book.xlsx[表]:1: column E of the header has no name"},
		{"from A", `<row r="1">` + str("A1", "户编号") + str("C1", "工资性收入") + `</row>` +
			`<row r="2">` + str("A2", "A1") + num("B2", "3") + num("C2", "9000") + `</row>`,
			"book.xlsx[表]:1: column B of the header has no name"},
	} {
		s, err := Open(Options{Files: []string{oneSheet(c.sheet).write(t)}}, nil)
		if err == nil {
			s.Close()
		}
		if err == nil || !strings.HasSuffix(err.Error(), "/"+c.want) {
			t.Errorf("%s: got %v, want %s", c.name, err, c.want)
		}
	}
	path := filepath.Join(t.TempDir(), "in.csv")
	check(t, os.WriteFile(path, []byte("户编号,,工资性收入\nA1,3,9000\n"), 0o644))
	if _, err := Open(Options{Files: []string{path}}, nil); err == nil || !strings.HasSuffix(err.Error(), "in.csv:1: column 2 of the header has no name") {
		t.Errorf("csv: got %v", err)
	}
}
