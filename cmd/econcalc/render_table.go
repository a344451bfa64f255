package main

import (
	"bytes"
	"io"

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

func (f *tableFormatter) header(cols []column, titles []string) {
	f.titles = titles
	f.align = make([]tw.Align, len(cols))
	for i, c := range cols {
		f.align[i] = tw.AlignRight
		if c.kind == textKind {
			f.align[i] = tw.AlignLeft
		}
	}
}

func (f *tableFormatter) row(cells []rendered) {
	r := make([]string, len(cells))
	for i, c := range cells {
		r[i] = c.s
	}
	f.rows = append(f.rows, r)
}

func (f *tableFormatter) chunk() formatter { return &tableFormatter{align: f.align} }
func (f *tableFormatter) join(c formatter) { f.rows = append(f.rows, c.(*tableFormatter).rows...) }

func (f *tableFormatter) finish(w io.Writer) error {
	var buf bytes.Buffer
	cellConfig := func() tw.CellConfig {
		return tw.CellConfig{
			Formatting: tw.CellFormatting{AutoFormat: tw.Off, AutoWrap: tw.WrapNone},
			Merging:    tw.CellMerging{Mode: tw.MergeNone},
			Alignment:  tw.CellAlignment{PerColumn: f.align},
			Padding:    tw.CellPadding{Global: tw.Padding{Left: " ", Right: " ", Overwrite: true}},
		}
	}
	// Widths are pinned: ambiguous-width characters (±, °, —) count as one
	// column whatever the locale or RUNEWIDTH_EASTASIAN say, so that the same
	// input gives the same bytes everywhere. The library's width cache is
	// off: every cell of a long table is new to it, and its upkeep cost more
	// than the widths (a 5,000-row table: 200 ms with it).
	twwidth.SetCacheCapacity(0)
	twwidth.SetEastAsian(false)
	// Every row is known before the first is drawn, so the column widths are
	// too: the table streams with them, which spares the library building
	// contexts for the whole table at once.
	widths := tw.NewMapper[int, int]()
	for c := range f.titles {
		w := twwidth.Width(f.titles[c])
		for _, r := range f.rows {
			w = max(w, twwidth.Width(r[c]))
		}
		widths.Set(c, w+2)
	}
	t := tablewriter.NewTable(&buf,
		tablewriter.WithStreaming(tw.StreamConfig{Enable: true}),
		tablewriter.WithWidths(tw.CellWidth{PerColumn: widths}),
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
	for _, r := range f.rows {
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
