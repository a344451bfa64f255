package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/olekukonko/tablewriter/pkg/twwidth"
)

// controlTexts are cells that hold characters which act on a terminal
// instead of printing, and how table and markdown show them.
var controlTexts = []struct{ in, shown string }{
	{"e\x1bf", `e\x1bf`},
	{"a\x07b", `a\x07b`},
	{"x\x1b]0;title\x07y", `x\x1b]0;title\x07y`}, // sets a terminal's title
	{"\x1b[31mred\x1b[0m", `\x1b[31mred\x1b[0m`},
	{"nul\x00del\x7f", `nul\x00del\x7f`},
	{"c1\u009bz\u0085n", `c1\u009bz\u0085n`},
	{"ls\u2028ps\u2029", `ls\u2028ps\u2029`},
	{"R\u202eabc\u202c", `R\u202eabc\u202c`},
	{"\u2066iso\u2069\u200f\u061c", `\u2066iso\u2069\u200f\u061c`},
	{"bad\xffutf8\xc3", `bad\xffutf8\xc3`},
	// Text that prints as itself is left as it is: Chinese, a replacement
	// character the input really holds, a joined emoji, a backslash.
	{"金台村\uFFFD", "金台村\uFFFD"},
	{"👨\u200d👩", "👨\u200d👩"},
	{`a\x1b`, `a\x1b`},
}

func TestEscapeControls(t *testing.T) {
	for _, c := range controlTexts {
		if got := escapeControls(c.in); got != c.shown {
			t.Errorf("escapeControls(%q) = %q, want %q", c.in, got, c.shown)
		}
	}
	// Tabs and line breaks are the caller's to draw.
	if got := escapeControls("a\tb\nc\rd"); got != "a\tb\nc\rd" {
		t.Errorf("escapeControls kept no tab or line break: %q", got)
	}
}

// hasControlBytes: s holds a byte below space other than a line feed, DEL,
// or a C1 control, U+2028/2029 or a bidi override as UTF-8.
func hasControlBytes(s string) bool {
	for _, r := range s {
		if r != '\n' && actsNotPrints(r) {
			return true
		}
	}
	return !utf8.ValidString(s)
}

// TestTableShowsControlsEscaped: in a table and in markdown, every cell
// shows its controls escaped, so no control reaches the terminal and every
// line of a table is as wide as its rules.
func TestTableShowsControlsEscaped(t *testing.T) {
	cols := []Column{{Key: "name", En: "name\x1b[2J", Kind: TextKind}, {Key: "n", Kind: ExactKind}}
	var rows [][]Cell
	for _, c := range controlTexts {
		rows = append(rows, []Cell{TextCell(c.in), num("1")})
	}
	table := renderReport(t, Options{Format: "table"}, cols, rows...)
	if hasControlBytes(table) {
		t.Fatalf("the table holds a control:\n%q", table)
	}
	lines := strings.Split(strings.TrimSuffix(table, "\n"), "\n")
	for i, line := range lines {
		if w := twwidth.WidthWithOptions(line, twwidth.Options{}); w != len(lines[0]) {
			t.Errorf("line %d is %d columns wide, the rule %d: %q", i, w, len(lines[0]), line)
		}
	}
	if !strings.Contains(table, `| name\x1b[2J `) {
		t.Errorf("the title is not escaped:\n%s", table)
	}
	for i, c := range controlTexts {
		if !strings.HasPrefix(lines[3+i], "| "+c.shown+" ") {
			t.Errorf("row %d = %q, want it to show %q", i, lines[3+i], c.shown)
		}
	}
	md := renderReport(t, Options{Format: "markdown"}, cols, rows...)
	if hasControlBytes(md) {
		t.Fatalf("markdown holds a control:\n%q", md)
	}
	for _, c := range controlTexts {
		if !strings.Contains(md, "| "+c.shown+" | 1 |\n") {
			t.Errorf("markdown does not show %q as %q:\n%s", c.in, c.shown, md)
		}
	}
}

// TestDelimitedCarriesControls: csv, tsv and json carry every text exactly
// (a csv or tsv reader and a json decoder give back the bytes), controls,
// tabs and line breaks included. In tsv a tab, a line break or a quote in a
// cell quotes it as in csv (as Excel's tab-delimited text does), so that
// the row stays one record.
func TestDelimitedCarriesControls(t *testing.T) {
	cols := []Column{{Key: "name", Kind: TextKind}, {Key: "n", Kind: ExactKind}}
	// Not a CR LF: encoding/csv reads it back as a LF.
	texts := []string{"t\tab", "n\nl", "c\rr", `q"x`, " lead"}
	for _, c := range controlTexts {
		if utf8.ValidString(c.in) { // json holds UTF-8 alone
			texts = append(texts, c.in)
		}
	}
	for _, format := range []string{"csv", "tsv"} {
		opts := Options{Format: format}
		for _, viaRowWriter := range []bool{false, true} {
			r := opts.NewReport(cols)
			w := r.RowWriter()
			for _, s := range texts {
				if viaRowWriter {
					w.TextString(s)
					w.Whole(1, 1)
					w.End()
				} else {
					r.Add(TextCell(s), num("1"))
				}
			}
			var buf bytes.Buffer
			if err := r.Finish(&buf); err != nil {
				t.Fatal(err)
			}
			reader := csv.NewReader(&buf)
			if format == "tsv" {
				reader.Comma = '\t'
			}
			records, err := reader.ReadAll()
			if err != nil || len(records) != len(texts)+1 {
				t.Fatalf("%s (RowWriter %v): %d records, %v", format, viaRowWriter, len(records), err)
			}
			for i, s := range texts {
				if got := records[i+1]; got[0] != s || got[1] != "1" {
					t.Errorf("%s (RowWriter %v) row %d = %q, want %q", format, viaRowWriter, i, got, s)
				}
			}
		}
	}
	var rows [][]Cell
	for _, s := range texts {
		rows = append(rows, []Cell{TextCell(s), num("1")})
	}
	var got []struct{ Name string }
	if err := json.Unmarshal([]byte(renderReport(t, Options{Format: "json"}, cols, rows...)), &got); err != nil {
		t.Fatal(err)
	}
	for i, s := range texts {
		if got[i].Name != s {
			t.Errorf("json row %d = %q, want %q", i, got[i].Name, s)
		}
	}
}
