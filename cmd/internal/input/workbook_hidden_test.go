package input

import (
	"slices"
	"testing"
)

// With no --sheet, the sheet read is the first one not hidden, as Excel
// opens the workbook on it, with a note naming it when hidden sheets come
// before it: growth read a hidden 旧 (50, 100: +100.0%) where the sheet
// shown, 2017, holds 100 and 131.7 (131.7 ÷ 100 − 1 = +31.7%). --sheet
// still picks any sheet, hidden too, by name or by position.
func TestWorkbookFirstVisibleSheet(t *testing.T) {
	row := func(v string) string { return `<row r="1"><c r="A1" t="inlineStr"><is><t>` + v + `</t></is></c></row>` }
	book := handBook{sheets: []handSheet{
		{name: "旧", state: "hidden", data: row("old")},
		{name: "草稿", state: "veryHidden", data: row("draft")},
		{name: "2017", data: row("shown")},
		{name: "备用", state: "hidden", data: row("spare")},
	}}
	path := book.write(t)
	var notes []string
	SetWarnings(func(msg string) { notes = append(notes, msg) })
	t.Cleanup(func() { SetWarnings(nil) })
	for _, c := range []struct{ sheet, name, out string }{
		{"", "2017", "shown\n"},
		{"旧", "旧", "old\n"},
		{"1", "旧", "old\n"},
		{"草稿", "草稿", "draft\n"},
		{"4", "备用", "spare\n"},
	} {
		notes = nil
		out, name, err := convert(t, path, c.sheet)
		if err != nil || name != c.name || out != c.out {
			t.Errorf("--sheet %q: %q from %q, %v; want %q from %q", c.sheet, out, name, err, c.out, c.name)
		}
		want := []string(nil)
		if c.sheet == "" {
			want = []string{`book.xlsx: read sheet "2017", the first one shown; the hidden sheets "旧", "草稿" before it are not read (--sheet 旧 reads the first)`}
		}
		if !slices.Equal(notes, want) {
			t.Errorf("--sheet %q: notes %q, want %q", c.sheet, notes, want)
		}
	}

	// One hidden sheet before; none; all hidden (Excel does not save such
	// a workbook): the first.
	for _, c := range []struct {
		sheets []handSheet
		name   string
		note   string
	}{
		{[]handSheet{{name: "旧", state: "hidden", data: row("old")}, {name: "2017", data: row("shown")}}, "2017",
			`book.xlsx: read sheet "2017", the first one shown; the hidden sheet "旧" before it is not read (--sheet 旧 reads it)`},
		{[]handSheet{{name: "2017", data: row("shown")}, {name: "旧", state: "hidden", data: row("old")}}, "2017", ""},
		{[]handSheet{{name: "旧", state: "hidden", data: row("old")}}, "旧", ""},
		// A hidden chart sheet is no table --sheet reads: the note said
		// "--sheet 图 reads it", and --sheet 图 is refused (a chart sheet).
		{[]handSheet{{name: "图", kind: "chartsheet", state: "hidden"}, {name: "2017", data: row("shown")}}, "2017", ""},
		{[]handSheet{{name: "图", kind: "chartsheet", state: "hidden"}, {name: "旧", state: "hidden", data: row("old")}, {name: "2017", data: row("shown")}}, "2017",
			`book.xlsx: read sheet "2017", the first one shown; the hidden sheet "旧" before it is not read (--sheet 旧 reads it)`},
	} {
		notes = nil
		_, name, err := convert(t, handBook{sheets: c.sheets}.write(t), "")
		if err != nil || name != c.name || c.note == "" && notes != nil || c.note != "" && !slices.Equal(notes, []string{c.note}) {
			t.Errorf("%v: read %q, notes %q, %v; want %q, note %q", c.sheets, name, notes, err, c.name, c.note)
		}
	}
}
