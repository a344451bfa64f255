package input

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readLookup opens text as a lookup file with the input's encoding and
// delimiter, and gives its header and rows, each joined by |.
func readLookup(t *testing.T, text, encoding string, delim rune) (string, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "lookup.csv")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	in, err := Open(Options{Files: []string{path}, Encoding: encoding, Delimiter: delim, Lookup: true}, nil)
	if err != nil {
		return "", err
	}
	defer in.Close()
	lines := []string{strings.Join(in.Header, "|")}
	err = in.Each(func(r *Row) error {
		cells := make([]string, len(in.Header))
		for i := range cells {
			cells[i] = r.Text(i)
		}
		lines = append(lines, strings.Join(cells, "|"))
		return nil
	})
	return strings.Join(lines, "\n"), err
}

// TestLookupOwnEncodingAndDelimiter: --encoding and -d are the input's; a
// lookup file saved apart from it is read in its own encoding and split by
// its own comma or tab, whatever they say. -d splits it when neither does,
// and --encoding decides bytes that read both ways.
func TestLookupOwnEncodingAndDelimiter(t *testing.T) {
	const want = "村|户籍人口\n罗建村|500\n金台村|380"
	utf8Comma := "村,户籍人口\n罗建村,500\n金台村,380\n"
	for _, c := range []struct {
		name, text, encoding string
		delim                rune
		want                 string
	}{
		{"UTF-8 beside --encoding gb18030", utf8Comma, "gb18030", 0, want},
		{"GB18030 beside --encoding utf-8", gb(t, utf8Comma), "utf-8", 0, want},
		{"commas beside -d ;", utf8Comma, "auto", ';', want},
		{"commas beside -d tab", utf8Comma, "auto", '\t', want},
		{"tabs beside -d ;", strings.ReplaceAll(utf8Comma, ",", "\t"), "auto", ';', want},
		{"tabs below a title beside -d |", "表2 各村户籍人口\n" + strings.ReplaceAll(utf8Comma, ",", "\t"), "auto", '|', want},
		{"semicolons beside -d ;", strings.ReplaceAll(utf8Comma, ",", ";"), "gb18030", ';', want},
		{"semicolons below a title beside -d ;", "表2 各村户籍人口;\n" + strings.ReplaceAll(utf8Comma, ",", ";"), "auto", ';', want},
		{"GB18030 read as UTF-8 too, beside --encoding gb18030", gb(t, "村,人口\n石山,500\n"), "gb18030", 0, "村|人口\n石山|500"},
		{"UTF-8 read as GB18030 too, beside --encoding utf-8", "village,people\nJosé,500\n", "utf-8", 0, "village|people\nJosé|500"},
	} {
		got, err := readLookup(t, c.text, c.encoding, c.delim)
		if err != nil || got != c.want {
			t.Errorf("%s: read\n%s\n%v\nwant\n%s", c.name, got, err, c.want)
		}
	}
	// Semicolons without -d are one column, as in the input.
	if got, err := readLookup(t, strings.ReplaceAll(utf8Comma, ",", ";"), "auto", 0); err != nil || got != "村;户籍人口\n罗建村;500\n金台村;380" {
		t.Errorf("semicolons without -d: %q, %v", got, err)
	}
}
