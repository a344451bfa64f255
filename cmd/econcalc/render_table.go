package main

import (
	"bytes"
	"io"

	"github.com/olekukonko/tablewriter"
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

func (f *tableFormatter) finish(w io.Writer) error {
	var buf bytes.Buffer
	cellConfig := func() tw.CellConfig {
		return tw.CellConfig{
			Formatting: tw.CellFormatting{AutoFormat: tw.Off, AutoWrap: tw.WrapNone, MergeMode: tw.MergeNone},
			Alignment:  tw.CellAlignment{PerColumn: f.align},
			Padding:    tw.CellPadding{Global: tw.Padding{Left: " ", Right: " ", Overwrite: true}},
		}
	}
	t := tablewriter.NewTable(&buf,
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{
			Symbols: tw.NewSymbols(tw.StyleASCII),
		})),
		tablewriter.WithHeaderConfig(cellConfig()),
		tablewriter.WithRowConfig(cellConfig()),
		tablewriter.WithTrimSpace(tw.Off),
	)
	t.Header(f.titles)
	if err := t.Bulk(f.rows); err != nil {
		return err
	}
	if err := t.Render(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}
