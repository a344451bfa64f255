package report

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// drawWithTablewriter is how tables were drawn before econcalc drew them
// itself: tablewriter v1 with its ASCII symbols, the widths given, no
// header formatting, wrapping or trimming. It is the specification the
// table formatter is held to.
func drawWithTablewriter(titles []string, right []bool, rows [][]string) (string, error) {
	twwidth.SetCacheCapacity(0)
	twwidth.SetEastAsian(false)
	twwidth.TabWidth() // guessed once, then set: tabs are drawn as tabSpaces now
	twwidth.SetTabWidth(len(tabSpaces))
	align := make([]tw.Align, len(titles))
	perColumn := tw.NewMapper[int, int]()
	for c, title := range titles {
		align[c] = tw.AlignLeft
		if right[c] {
			align[c] = tw.AlignRight
		}
		w := twwidth.Width(title)
		for _, r := range rows {
			w = max(w, twwidth.Width(r[c]))
		}
		perColumn.Set(c, w+2)
	}
	cellConfig := tw.CellConfig{
		Formatting: tw.CellFormatting{AutoFormat: tw.Off, AutoWrap: tw.WrapNone},
		Merging:    tw.CellMerging{Mode: tw.MergeNone},
		Alignment:  tw.CellAlignment{PerColumn: align},
		Padding:    tw.CellPadding{Global: tw.Padding{Left: " ", Right: " ", Overwrite: true}},
	}
	var buf bytes.Buffer
	t := tablewriter.NewTable(&buf,
		tablewriter.WithStreaming(tw.StreamConfig{Enable: true}),
		tablewriter.WithWidths(tw.CellWidth{PerColumn: perColumn}),
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{Symbols: tw.NewSymbols(tw.StyleASCII)})),
		tablewriter.WithHeaderConfig(cellConfig),
		tablewriter.WithRowConfig(cellConfig),
		tablewriter.WithTrimSpace(tw.Off),
	)
	if err := t.Start(); err != nil {
		return "", err
	}
	t.Header(titles)
	for _, r := range rows {
		if err := t.Append(r); err != nil {
			return "", err
		}
	}
	err := t.Close()
	return buf.String(), err
}

// tableWords are cells worth drawing: numbers, Chinese, East Asian
// ambiguous characters (drawn narrow), a combining accent, an emoji and a
// family of them, a zero-width space, padding spaces, a long name.
var tableWords = []string{"", "1", "-12.50", "金台村", "V00001", "±3", "yes", " x ", "é", "e\u0301", "👍", "👨‍👩‍👧",
	"a\u200bb", "°C", "—", "総計（万元）", "ｆｕｌｌ", strings.Repeat("村", 30), "a|b", "+", "-",
	"a\tb", "\x01", "\x7f", "\x1b[31mred\x1b[0m", "\u00a0", "\u3000"}

// TestTableAsTablewriterDrawsIt: the table formatter draws, byte for byte,
// what tablewriter drew for the same titles and cells, their controls
// escaped, whatever their characters, widths and alignment, and however
// many rows, in pieces or whole.
func TestTableAsTablewriterDrawsIt(t *testing.T) {
	defer func(n, size int) { parallelTableRows, tableBlock = n, size }(parallelTableRows, tableBlock)
	rng := rand.New(rand.NewPCG(16, 8))
	for trial := range 300 {
		ncols, nrows := 1+rng.IntN(6), rng.IntN(9)
		if trial%50 == 0 {
			nrows = 3000
		}
		cols := make([]Column, ncols)
		titles := make([]string, ncols)
		right := make([]bool, ncols)
		for c := range cols {
			cols[c] = Column{Key: fmt.Sprint(c), Kind: []Kind{TextKind, ExactKind, PercentKind}[rng.IntN(3)]}
			right[c] = cols[c].Kind != TextKind
			titles[c] = tableWords[1+rng.IntN(len(tableWords)-1)]
		}
		rows := make([][]string, nrows)
		for r := range rows {
			rows[r] = make([]string, ncols)
			for c := range rows[r] {
				rows[r][c] = tableWords[rng.IntN(len(tableWords))]
			}
		}
		// tablewriter drew controls as they are; econcalc escapes them
		// first (escapeControls) and draws the rest as tablewriter did.
		shown := func(texts []string) []string {
			out := make([]string, len(texts))
			for i, s := range texts {
				out[i] = escapeControls(s)
			}
			return out
		}
		shownRows := make([][]string, nrows)
		for r, row := range rows {
			shownRows[r] = shown(row)
		}
		want, err := drawWithTablewriter(shown(titles), right, shownRows)
		if err != nil {
			t.Fatal(err)
		}
		for k, threshold := range []int{1 << 30, 1, 7} {
			parallelTableRows = threshold
			tableBlock = []int{1 << 20, 1, 100}[k] // rows in blocks of their own, and a few a block
			f := &tableFormatter{}
			f.Header(cols, titles)
			var chunk Formatter = f
			for r, row := range rows {
				if r%5 == 3 { // rows laid out apart, as InParallel does, and joined
					if chunk != Formatter(f) {
						f.Join(chunk)
					}
					chunk = f.Chunk()
				}
				cells := make([]Rendered, ncols)
				for c := range cells {
					cells[c] = Rendered{S: row[c], IsNum: right[c]}
				}
				chunk.Row(cells)
			}
			if chunk != Formatter(f) {
				f.Join(chunk)
			}
			var b bytes.Buffer
			if err := f.Finish(&b); err != nil {
				t.Fatal(err)
			}
			if got := b.String(); got != want {
				t.Fatalf("trial %d, pieces of %d rows, blocks of %d bytes: drew\n%s\ntablewriter drew\n%s", trial, threshold, tableBlock, got, want)
			}
		}
	}
}

// TestTableRowsCostLittle guards item 9 of issue 16: a table kept each row
// as a slice of strings and tablewriter then spent some 40 µs and hundreds
// of allocations on it; a million villages took 76 s. Rows are now kept in
// blocks and drawn directly: drawing one costs no allocation of its own.
func TestTableRowsCostLittle(t *testing.T) {
	cols, titles := villageColumns()
	rows := make([][]Rendered, 100)
	for r := range rows {
		rows[r] = make([]Rendered, 12)
		rows[r][0] = Rendered{S: fmt.Sprintf("金台%d村", r)}
		for c := 1; c < 12; c++ {
			rows[r][c] = Rendered{S: fmt.Sprint(r * c), IsNum: true}
		}
	}
	const n = 20_000
	allocs := testing.AllocsPerRun(1, func() {
		f := &tableFormatter{}
		f.Header(cols, titles)
		for r := range n {
			f.Row(rows[r%len(rows)])
		}
		if err := f.Finish(io.Discard); err != nil {
			t.Fatal(err)
		}
	})
	if allocs/n > 0.05 {
		t.Errorf("%.2f allocations a row", allocs/n)
	}
}
