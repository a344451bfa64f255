package input

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A row's cell under a header cell without a name was counted from the
// first column read: in a sheet whose table starts in column B, D2 under
// the empty D1 was 'column 3 has no name in the header', where the
// header's own message names column D (workbook_header.go). It names D
// now; a table from column A names C for its third column, as a CSV file
// says 'column 3'.
func TestWorkbookRowCellWithoutHeaderNamesExcelColumn(t *testing.T) {
	str := func(ref, v string) string { return `<c r="` + ref + `" t="inlineStr"><is><t>` + v + `</t></is></c>` }
	num := func(ref, v string) string { return `<c r="` + ref + `"><v>` + v + `</v></c>` }
	for _, c := range []struct {
		name, sheet, want string
	}{
		{"from B", `<row r="1">` + str("B1", "户编号") + str("C1", "家庭人口") + `</row>` +
			`<row r="2">` + str("B2", "A1") + num("C2", "3") + `</row>` +
			`<row r="3">` + str("B3", "A2") + num("C3", "2") + str("D3", "备注") + `</row>`,
			`book.xlsx[表]:3: column D has no name in the header, but this row has "备注" in it`},
		{"from A", `<row r="1">` + str("A1", "户编号") + str("B1", "家庭人口") + `</row>` +
			`<row r="2">` + str("A2", "A1") + num("B2", "3") + str("C2", "备注") + `</row>`,
			`book.xlsx[表]:2: column C has no name in the header, but this row has "备注" in it`},
	} {
		s, err := Open(Options{Files: []string{oneSheet(c.sheet).write(t)}}, nil)
		if err == nil {
			err = s.Each(func(*Row) error { return nil })
			s.Close()
		}
		if err == nil || !strings.HasSuffix(err.Error(), "/"+c.want) {
			t.Errorf("%s: got %v, want %s", c.name, err, c.want)
		}
	}
	path := filepath.Join(t.TempDir(), "in.csv")
	check(t, os.WriteFile(path, []byte("户编号,家庭人口,\nA1,3,备注\n"), 0o644))
	s, err := Open(Options{Files: []string{path}}, nil)
	check(t, err)
	defer s.Close()
	err = s.Each(func(*Row) error { return nil })
	if err == nil || !strings.HasSuffix(err.Error(), `in.csv:2: column 3 has no name in the header, but this row has "备注" in it`) {
		t.Errorf("csv: got %v", err)
	}
}
