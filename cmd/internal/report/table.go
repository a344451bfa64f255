package report

import (
	"bytes"
	"econcalc/cmd/internal/input"
	"errors"
	"io"
	"runtime"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// tableFormatter draws an aligned ASCII table: text left, numbers right.
// Renderer, symbols, alignment and header formatting are pinned so that the
// bytes do not change under us.
type tableFormatter struct {
	titles []string
	align  []tw.Align
	rows   [][]string
}

func (f *tableFormatter) Header(cols []Column, titles []string) {
	f.titles = titles
	f.align = make([]tw.Align, len(cols))
	for i, c := range cols {
		f.align[i] = tw.AlignRight
		if c.Kind == TextKind {
			f.align[i] = tw.AlignLeft
		}
	}
}

func (f *tableFormatter) Row(cells []Rendered) {
	r := make([]string, len(cells))
	for i, c := range cells {
		r[i] = oneLine(c.S)
	}
	f.rows = append(f.rows, r)
}

func (f *tableFormatter) Chunk() Formatter { return &tableFormatter{align: f.align} }
func (f *tableFormatter) Join(c Formatter) { f.rows = append(f.rows, c.(*tableFormatter).rows...) }

// parallelTableRows is the length from which a table is drawn in pieces,
// one per core, each of one row or more (a variable so that tests use it
// on small tables).
var parallelTableRows = 2000

// tableHeadLines is how many lines come before the first row: the top
// border, the titles (one line: titles hold no line break) and the rule
// under them. The bottom border is one line.
const tableHeadLines = 3

// Finish draws the table. A long one is drawn in pieces in parallel, each a
// whole table of the same widths, and the pieces are stitched: the head
// kept from the first only, the bottom border from the last only
// (TestTableInPiecesIsTheWholeTable).
func (f *tableFormatter) Finish(w io.Writer) error {
	// Widths are pinned: ambiguous-width characters (±, °, —) count as one
	// column whatever the locale or RUNEWIDTH_EASTASIAN say, so that the same
	// input gives the same bytes everywhere. The library's width cache is
	// off: every cell of a long table is new to it, and its upkeep cost more
	// than the widths (a 5,000-row table: 200 ms with it).
	twwidth.SetCacheCapacity(0)
	twwidth.SetEastAsian(false)
	widths := f.widths()
	parts := runtime.GOMAXPROCS(0)
	if len(f.rows) < max(parallelTableRows, parts) || parts < 2 || strings.ContainsAny(strings.Join(f.titles, ""), "\r\n") {
		return f.draw(w, f.rows, widths)
	}
	pieces := make([]bytes.Buffer, parts)
	errs := make([]error, parts)
	input.InParts(len(f.rows), parts, func(k, from, to int) {
		errs[k] = f.draw(&pieces[k], f.rows[from:to], widths)
	})
	if err := errors.Join(errs...); err != nil {
		return err
	}
	for k := range pieces {
		b := pieces[k].Bytes()
		if k > 0 {
			for range tableHeadLines {
				b = b[bytes.IndexByte(b, '\n')+1:]
			}
		}
		if k < parts-1 {
			b = b[:bytes.LastIndexByte(b[:len(b)-1], '\n')+1]
		}
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	return nil
}

// widths are the columns' widths, padding included. Every row is known
// before the first is drawn, so the table streams with them, which spares
// the library building contexts for the whole table at once.
func (f *tableFormatter) widths() []int {
	widths := make([]int, len(f.titles))
	for c, title := range f.titles {
		w := twwidth.Width(title)
		for _, r := range f.rows {
			w = max(w, twwidth.Width(r[c]))
		}
		widths[c] = w + 2
	}
	return widths
}

// draw writes a whole table of rows.
func (f *tableFormatter) draw(w io.Writer, rows [][]string, widths []int) error {
	var buf bytes.Buffer
	perColumn := tw.NewMapper[int, int]()
	for c, width := range widths {
		perColumn.Set(c, width)
	}
	cellConfig := func() tw.CellConfig {
		return tw.CellConfig{
			Formatting: tw.CellFormatting{AutoFormat: tw.Off, AutoWrap: tw.WrapNone},
			Merging:    tw.CellMerging{Mode: tw.MergeNone},
			Alignment:  tw.CellAlignment{PerColumn: f.align},
			Padding:    tw.CellPadding{Global: tw.Padding{Left: " ", Right: " ", Overwrite: true}},
		}
	}
	t := tablewriter.NewTable(&buf,
		tablewriter.WithStreaming(tw.StreamConfig{Enable: true}),
		tablewriter.WithWidths(tw.CellWidth{PerColumn: perColumn}),
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{
			Symbols: tw.NewSymbols(tw.StyleASCII),
		})),
		tablewriter.WithHeaderConfig(cellConfig()),
		tablewriter.WithRowConfig(cellConfig()),
		tablewriter.WithTrimSpace(tw.Off),
	)
	if err := t.Start(); err != nil {
		return err
	}
	t.Header(f.titles)
	for _, r := range rows {
		if err := t.Append(r); err != nil {
			return err
		}
	}
	if err := t.Close(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}
