package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"sync/atomic"
	"testing"

	"econcalc/calc"
	"econcalc/cmd/internal/input"

	"github.com/shopspring/decimal"
)

func TestExactString(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"1.10", "1.10"}, // trailing zeros are digits the user wrote
		{"1e5", "100000"},
		{"1.5e-3", "0.0015"},
		{"-0.0050", "-0.0050"},
		{"0", "0"},
		{"12345678901234567890.123", "12345678901234567890.123"},
	} {
		if got := ExactString(decimal.RequireFromString(c.in)); got != c.want {
			t.Errorf("ExactString(%s) = %q, want %q", c.in, got, c.want)
		}
	}
}

// renderReport prints rows of cells in the given format and returns stdout.
func renderReport(t *testing.T, opts Options, cols []Column, rows ...[]Cell) string {
	t.Helper()
	r := opts.NewReport(cols)
	for _, row := range rows {
		r.Add(row...)
	}
	var buf bytes.Buffer
	if err := r.Finish(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func num(s string) Cell { return NumCell(decimal.RequireFromString(s)) }

// Percentages are rounded once, when printed: half-up is 四舍五入, half away
// from zero; half-even rounds a tie to the even digit.
func TestRounding(t *testing.T) {
	cols := []Column{{Key: "pct", Kind: PercentKind}, {Key: "amount", Kind: AmountKind}}
	for _, c := range []struct {
		in               string
		halfUp, halfEven string
	}{
		{"0.25", "0.3", "0.2"},
		{"-0.25", "-0.3", "-0.2"},
		{"0.35", "0.4", "0.4"},
		{"0.45", "0.5", "0.4"},
		{"0.2499", "0.2", "0.2"},
		{"7.15", "7.2", "7.2"},
	} {
		for _, mode := range []struct {
			halfEven bool
			want     string
		}{{false, c.halfUp}, {true, c.halfEven}} {
			opts := Options{Format: "csv", Decimals: 1, ValueDecimals: 0, HalfEven: mode.halfEven}
			got := renderReport(t, opts, cols, []Cell{num(c.in), num("2.5")})
			// the amount column rounds 2.5 to 0 Places: 3 half-up, 2 half-even.
			amount := map[bool]string{false: "3", true: "2"}[mode.halfEven]
			if want := "pct,amount\n" + mode.want + "," + amount + "\n"; got != want {
				t.Errorf("%s with halfEven %v: got %q, want %q", c.in, mode.halfEven, got, want)
			}
		}
	}
}

var reportColumns = []Column{
	{Key: "period", En: "period", Zh: "时间", Kind: TextKind},
	{Key: "value", En: "value", Zh: "数值", Kind: ExactKind},
	{Key: "yoy_pct", En: "yoy %", Zh: "同比%", Kind: PercentKind},
}

func TestJSONReport(t *testing.T) {
	got := renderReport(t, Options{Format: "json", Decimals: 1}, reportColumns,
		[]Cell{TextCell(`2017-10 "a"`), num("1.10"), MaybeCell(calc.Maybe{})},
		[]Cell{TotalLabel(), num("-3"), MaybeCell(calc.Some(decimal.RequireFromString("31.68")))},
	)
	want := "[\n" +
		`  {"period": "2017-10 \"a\"", "value": 1.10, "yoy_pct": null},` + "\n" +
		`  {"period": "total", "value": -3, "yoy_pct": 31.7}` + "\n]\n"
	if got != want {
		t.Errorf("json:\n%s\nwant:\n%s", got, want)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(got), &rows); err != nil {
		t.Fatalf("json output does not parse: %v", err)
	}
	if empty := renderReport(t, Options{Format: "json"}, reportColumns); empty != "[]\n" {
		t.Errorf("json with no rows = %q, want %q", empty, "[]\n")
	}
}

func TestMarkdownReport(t *testing.T) {
	got := renderReport(t, Options{Format: "markdown", Decimals: 1, Lang: "zh"}, reportColumns,
		[]Cell{TextCell("a|b\nc"), num("1.10"), MaybeCell(calc.Maybe{})},
		[]Cell{TotalLabel(), num("2"), num("0.25")},
	)
	want := "| 时间 | 数值 | 同比% |\n" +
		"| --- | ---: | ---: |\n" +
		`| a\|b↵c | 1.10 |  |` + "\n" +
		"| 合计 | 2 | 0.3 |\n"
	if got != want {
		t.Errorf("markdown:\n%s\nwant:\n%s", got, want)
	}
}

// Missing is an empty field, keys do not change with --lang, a total row
// stays "total", and --no-total drops it.
func TestDelimitedReport(t *testing.T) {
	for _, c := range []struct {
		format  string
		noTotal bool
		want    string
	}{
		{"csv", false, "period,value,yoy_pct\n\"a,b\",100,\ntotal,2,0.3\n"},
		{"tsv", false, "period\tvalue\tyoy_pct\na,b\t100\t\ntotal\t2\t0.3\n"},
		{"csv", true, "period,value,yoy_pct\n\"a,b\",100,\n"},
	} {
		r := Options{Format: c.format, Decimals: 1, Lang: "zh", NoTotal: c.noTotal}.NewReport(reportColumns)
		r.Add(TextCell("a,b"), num("1e2"), MaybeCell(calc.Maybe{}))
		r.AddTotal(TotalLabel(), num("2"), num("0.25"))
		var buf bytes.Buffer
		if err := r.Finish(&buf); err != nil || buf.String() != c.want {
			t.Errorf("%s (no-total %v) = %q, %v; want %q", c.format, c.noTotal, buf.String(), err, c.want)
		}
	}
}

// TestTableInPiecesIsTheWholeTable: a long table drawn in pieces in
// parallel and stitched is, byte for byte, the table drawn whole, whatever
// its cells (wide characters, line breaks, empty cells) and its length.
func TestTableInPiecesIsTheWholeTable(t *testing.T) {
	defer func(n int) { parallelTableRows = n }(parallelTableRows)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4)) // first, middle and last pieces
	rng := rand.New(rand.NewPCG(3, 3))
	words := []string{"", "1", "-12.50", "金台村", "V00001", "a\nb", "±3", "yes", "  x  "}
	for trial := 0; trial < 200; trial++ {
		ncols, nrows := 1+rng.IntN(5), rng.IntN(12)
		cols := make([]Column, ncols)
		titles := make([]string, ncols)
		for c := range cols {
			cols[c] = Column{Key: fmt.Sprint(c), Kind: []Kind{TextKind, ExactKind}[rng.IntN(2)]}
			titles[c] = words[1+rng.IntN(4)]
		}
		draw := func(threshold int) string {
			parallelTableRows = threshold
			f := &tableFormatter{}
			f.Header(cols, titles)
			for r := 0; r < nrows; r++ {
				row := make([]Rendered, ncols)
				for c := range row {
					row[c] = Rendered{S: words[(r*7+c*3+trial)%len(words)]}
				}
				f.Row(row)
			}
			var b bytes.Buffer
			if err := f.Finish(&b); err != nil {
				t.Fatal(err)
			}
			return b.String()
		}
		whole, pieces := draw(1<<30), draw(0)
		if whole != pieces {
			t.Fatalf("trial %d: in pieces\n%s\nwhole\n%s", trial, pieces, whole)
		}
	}
}

// TestInParts: the parts cover 0 … n−1 once each, in order, and a panic in
// a part reaches the caller (where run turns it into an internal error)
// only after every part has ended.
func TestInParts(t *testing.T) {
	for _, c := range []struct{ n, parts int }{{0, 1}, {1, 1}, {7, 3}, {10, 4}, {3, 3}} {
		seen := make([]int, c.n)
		input.InParts(c.n, c.parts, func(k, from, to int) {
			if from != c.n*k/c.parts || to != c.n*(k+1)/c.parts {
				t.Errorf("n %d, parts %d: part %d is %d…%d", c.n, c.parts, k, from, to)
			}
			for i := from; i < to; i++ {
				seen[i]++
			}
		})
		for i, times := range seen {
			if times != 1 {
				t.Errorf("n %d, parts %d: %d done %d times", c.n, c.parts, i, times)
			}
		}
	}
	var ended atomic.Int32
	got := func() (p any) {
		defer func() { p = recover() }()
		input.InParts(4, 4, func(k, _, _ int) {
			defer ended.Add(1)
			if k == 2 {
				panic("part 2")
			}
		})
		return nil
	}()
	if got != "part 2" || ended.Load() != 4 {
		t.Errorf("recovered %v with %d parts ended, want part 2's panic after all 4", got, ended.Load())
	}
}

// TestFormatScaled holds the digit loop to the decimal library's printing
// of v × 10^-places, at every number of places the flags allow.
func TestFormatScaled(t *testing.T) {
	for _, v := range []int64{0, 1, -1, 5, 9, 10, 99, 100, 12345, -12345, 1 << 62, -(1 << 62), math.MaxInt64, -math.MaxInt64} {
		for places := 0; places <= 20; places++ {
			if got, want := formatScaled(v, places), decimal.New(v, -int32(places)).StringFixed(int32(places)); got != want {
				t.Errorf("formatScaled(%d, %d) = %q, want %q", v, places, got, want)
			}
		}
	}
}
