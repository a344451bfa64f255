package input

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// wideName is the name of column i of wideHeader: c1 … c9, ca … cz, c10 …,
// in base 36, so that 150,000 names take 852 KB, as in the issue.
func wideName(i int) string { return "c" + strconv.FormatInt(int64(i), 36) }

// wideHeader is a header of n columns, then rows of zeros.
func wideHeader(n, rows int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		if i > 1 {
			b.WriteByte(',')
		}
		b.WriteString(wideName(i))
	}
	b.WriteByte('\n')
	for range rows {
		b.WriteString(strings.Repeat("0,", n-1) + "0\n")
	}
	return b.String()
}

// TestWideHeaderIsLinear guards item 8 of issue 16: a header of 150,000
// columns took 40 s to check for names written twice (every pair compared)
// and to look names up, and an error quoted all of it. Now it opens, finds
// its last column, and an error about it is a line.
func TestWideHeaderIsLinear(t *testing.T) {
	const n = 150_000
	in, _ := openFile(t, wideHeader(n, 1))
	defer in.Close()
	if last := strings.ToUpper(wideName(n)); in.Index(last) != n-1 {
		t.Errorf("Index(%s) = %d, want %d", last, in.Index(last), n-1)
	}
	_, err := in.Find(Column{Key: "period", Flag: "period-col"}, "")
	if err == nil {
		t.Fatal("no error for a missing column")
	}
	msg := err.Error()
	if len(msg) > 400 || !strings.Contains(msg, `has 150,000 columns: "c1", "c2",`) || !strings.HasSuffix(msg, `"ca", … and 149,990 more`) {
		t.Errorf("error of %d bytes: %.600s", len(msg), msg)
	}
	_, err = in.Named("growth")
	if err == nil || len(err.Error()) > 400 {
		t.Errorf("--named column missing: %.600v", err)
	}
}

// TestWideHeaderWithANameTwice is the duplicate check on a wide header: the
// name's two columns, found in one pass.
func TestWideHeaderWithANameTwice(t *testing.T) {
	header := wideHeader(150_000, 0)
	path := filepath.Join(t.TempDir(), "in.csv")
	if err := os.WriteFile(path, []byte(strings.TrimSuffix(header, "\n")+",C2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Open(Options{Files: []string{path}, Delimiter: ','}, nil)
	if err == nil || !strings.HasSuffix(err.Error(), `column "C2": appears twice in the header (columns 2 and 150001)`) {
		t.Errorf("got %v", err)
	}
}

// TestDifferingWideHeadersQuotedInPart: files that do not share a header
// are named with the first names of each header and its width, not all of
// them.
func TestDifferingWideHeadersQuotedInPart(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.csv"), filepath.Join(dir, "b.csv")
	if err := os.WriteFile(a, []byte(wideHeader(150_000, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(b, []byte(wideHeader(149_999, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	in, err := Open(Options{Files: []string{a, b}, Delimiter: ','}, nil)
	if err == nil {
		err = in.Each(func(*Row) error { return nil })
		in.Close()
	}
	want := `b.csv:1: header "c1,c2,c3,c4,c5,c6,c7,c8,c9,ca,…" (149,999 columns) differs from ` + a +
		`'s "c1,c2,c3,c4,c5,c6,c7,c8,c9,ca,…" (150,000 columns); files read together must share a header`
	if err == nil || !strings.HasSuffix(err.Error(), want) {
		t.Errorf("got %.600v\nwant …%s", err, want)
	}
}

func TestIndex(t *testing.T) {
	in, _ := openFile(t, "Period,本期（万元）,本期(亿元),上年 [%]\n2017,1,2,3\n")
	defer in.Close()
	for _, c := range []struct {
		name string
		want int
	}{
		{"period", 0},
		{" PERIOD ", 0},
		{"本期", 1},     // without its unit: the first column of that name
		{"本期(亿元)", 2}, // exactly
		{"本期（万元）", 1}, // the unit ignored when no column has the name so written
		{"上年", 3},     // unit in square brackets
		{"上年 [%]", 3}, // exactly
		{"上年（吨）", 3},  // another unit: matched by name
		{"value", -1},
	} {
		if got := in.Index(c.name); got != c.want {
			t.Errorf("Index(%q) = %d, want %d", c.name, got, c.want)
		}
	}
}

func TestQuoteNames(t *testing.T) {
	if got := QuoteNames([]string{"a", `b"c`}); got != `"a", "b\"c"` {
		t.Errorf("short: %s", got)
	}
	names := strings.Split(strings.TrimSpace(wideHeader(1234, 0)), ",")
	if got, want := QuoteNames(names), `"c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "ca", … and 1,224 more`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 149990: "149,990", 1234567: "1,234,567"} {
		if got := groupDigits(n); got != want {
			t.Errorf("groupDigits(%d) = %s, want %s", n, got, want)
		}
	}
}

// TestUnwrap: a header wrapped in its cell joins its lines as it is read:
// Chinese without a space, anything else with one.
func TestUnwrap(t *testing.T) {
	for in, want := range map[string]string{
		"累计\n完成":         "累计完成",
		"累计\r\n完成":       "累计完成",
		"本期\n(万元)":       "本期 (万元)",
		"本期\n（万元）":       "本期（万元）",
		"net\nincome":    "net income",
		"年度计划\r\n\r\n投资": "年度计划投资",
		"a\rb":           "a b",
		"完成\n":           "完成 ",
		"plain":          "plain",
	} {
		if got := unwrap(in); got != want {
			t.Errorf("unwrap(%q) = %q, want %q", in, got, want)
		}
	}
}
