package main

import (
	"econcalc/cmd/internal/report"
	"errors"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/go-analyze/charts"
)

// The --chart and --plot pictures of growth are drawn from the report's rows
// as they are printed: the figures in the picture are the figures in the
// table, rounded the same way, whichever path (fixed point or decimal)
// computed them. Coordinates are float64, which is fine for a picture: no
// figure a user reads is formed from them; axis ticks are the library's.

// visualOptions are the growth flags that draw pictures.
type visualOptions struct {
	chart string // --chart FILE: an SVG, or a PNG when FILE ends in .png
	plot  bool   // --plot: a terminal chart of each series under the table
}

func (v visualOptions) check(out report.Options, summary bool, inputs []string) error {
	if err := notAnInput("--chart", v.chart, inputs); err != nil {
		return err
	}
	// SVG, or PNG for a name ending in .png; any other ending (x.gif) would
	// get an SVG under a name that says otherwise.
	if ext := strings.ToLower(filepath.Ext(v.chart)); ext != "" && ext != ".svg" && ext != ".png" {
		return usagef("--chart %q: name an .svg or a .png file", v.chart)
	}
	if summary && (v.chart != "" || v.plot) {
		return usagef("--chart and --plot draw the growth of each period; they do not combine with --summary")
	}
	if v.plot && out.Format != "table" {
		return usagef("--plot draws under a table; it does not combine with --format %s", out.Format)
	}
	return nil
}

// drawGrowth makes a growth report record its rows, to write the chart before
// the table and the plot after it when the report finishes.
func drawGrowth(e *env, rep *report.Report, opts growthOptions, cols []report.Column) {
	if opts.visual.chart == "" && !opts.visual.plot {
		return
	}
	rep.Wrap(func(f report.Formatter) report.Formatter {
		return &growthPictures{Formatter: f, e: e, opts: opts, cols: cols}
	})
}

// growthPictures is a report.Formatter that keeps a copy of every row.
type growthPictures struct {
	report.Formatter
	e       *env
	opts    growthOptions
	cjkFont bool // text is measured with a font that has Chinese characters
	cols    []report.Column
	rows    [][]report.Rendered
}

func (g *growthPictures) Row(cells []report.Rendered) {
	g.rows = append(g.rows, slices.Clone(cells))
	g.Formatter.Row(cells)
}

func (g *growthPictures) Chunk() report.Formatter {
	return &growthPictures{Formatter: g.Formatter.Chunk()}
}

func (g *growthPictures) Join(c report.Formatter) {
	chunk := c.(*growthPictures)
	g.rows = append(g.rows, chunk.rows...)
	g.Formatter.Join(chunk.Formatter)
}

// finish writes the chart file first, so that a file that cannot be written
// leaves stdout empty, then the table, then the plot.
func (g *growthPictures) Finish(w io.Writer) error {
	if g.opts.visual.chart != "" {
		if err := g.writeChart(g.opts.visual.chart); err != nil {
			return err
		}
	}
	if err := g.Formatter.Finish(w); err != nil {
		return err
	}
	if g.opts.visual.plot {
		_, err := io.WriteString(w, plotSeries(g.seriesPoints()))
		return err
	}
	return nil
}

// title is a column's header in the chosen language.
func (g *growthPictures) title(key string) string {
	for _, c := range g.cols {
		if c.Key == key {
			if g.opts.out.Lang == "zh" && c.Zh != "" {
				return c.Zh
			}
			return c.En
		}
	}
	return key
}

// cell returns a row's text in the column with the given key.
func (g *growthPictures) cell(row []report.Rendered, key string) report.Rendered {
	for i, c := range g.cols {
		if c.Key == key {
			return row[i]
		}
	}
	return report.Rendered{IsNull: true}
}

// figure is a report.Rendered number as a coordinate: missing is NaN.
func figure(r report.Rendered) float64 {
	if r.IsNull {
		return math.NaN()
	}
	f, err := strconv.ParseFloat(r.S, 64)
	if err != nil {
		return math.NaN()
	}
	return f
}

// asPrinted labels a rate as the table prints it: the figure was parsed from
// a number with --decimals places, so formatting it to as many gives back
// the same digits.
func (g *growthPictures) asPrinted(f float64) string {
	return strconv.FormatFloat(f, 'f', int(g.opts.out.Decimals), 64)
}

// chartValues marks the missing figures the way the chart library wants.
func chartValues(v []float64) []float64 {
	out := make([]float64, len(v))
	for i, f := range v {
		out[i] = f
		if math.IsNaN(f) {
			out[i] = charts.GetNullValue()
		}
	}
	return out
}

// seriesPicture is one series over its periods: the values and, on the second
// axis, the year-on-year rate.
type seriesPicture struct {
	name    string
	periods []string
	values  []float64
	yoy     []float64
}

// seriesPoints gathers the rows of each series, in the order printed. With
// --group-col only the total rows count (a series' overall level and rate).
func (g *growthPictures) seriesPoints() []seriesPicture {
	var out []seriesPicture
	for _, row := range g.rows {
		if g.opts.groupCol != "" && !g.isTotal(row) {
			continue
		}
		name := g.cell(row, "series").S
		if len(out) == 0 || out[len(out)-1].name != name {
			out = append(out, seriesPicture{name: name})
		}
		s := &out[len(out)-1]
		s.periods = append(s.periods, g.periodOf(row).label)
		s.values = append(s.values, figure(g.cell(row, "value")))
		s.yoy = append(s.yoy, figure(g.cell(row, "yoy_pct")))
	}
	return out
}

// isTotal tells a total row by its label, "total" or 合计 (a group that is
// itself called so cannot be told apart, in the picture as in the table).
func (g *growthPictures) isTotal(row []report.Rendered) bool {
	s := g.cell(row, "group").S
	return s == "total" || s == "合计"
}

// shares is one series broken down by group: each group's share of the total
// in every period.
type shares struct {
	name    string
	periods []string    // in calendar order (sortPeriods)
	groups  []string    // in the order printed
	pct     [][]float64 // [group][period]
}

func (g *growthPictures) groupShares() []shares {
	var out []shares
	var seen [][]chartPeriod // each series' periods
	for _, row := range g.rows {
		if g.isTotal(row) {
			continue
		}
		name := g.cell(row, "series").S
		if len(out) == 0 || out[len(out)-1].name != name {
			out = append(out, shares{name: name})
			seen = append(seen, nil)
		}
		s, periods := &out[len(out)-1], &seen[len(seen)-1]
		if p := g.periodOf(row); !slices.Contains(s.periods, p.label) {
			s.periods = append(s.periods, p.label)
			*periods = append(*periods, p)
		}
	}
	for i := range out {
		out[i].periods = sortPeriods(seen[i])
	}
	for _, row := range g.rows {
		if g.isTotal(row) {
			continue
		}
		name := g.cell(row, "series").S
		i := slices.IndexFunc(out, func(s shares) bool { return s.name == name })
		s := &out[i]
		group := g.cell(row, "group").S
		gi := slices.Index(s.groups, group)
		if gi < 0 {
			gi = len(s.groups)
			s.groups = append(s.groups, group)
			s.pct = append(s.pct, missing(len(s.periods)))
		}
		s.pct[gi][slices.Index(s.periods, g.periodOf(row).label)] = figure(g.cell(row, "share_pct"))
	}
	return out
}

func missing(n int) []float64 {
	v := make([]float64, n)
	for i := range v {
		v[i] = math.NaN()
	}
	return v
}

// Each series gets a panel of chartWidth × panelHeight, stacked vertically
// in one image.
const (
	chartWidth  = 960
	panelHeight = 420
)

// writeChart renders every series and writes the image to path.
func (g *growthPictures) writeChart(path string) error {
	png := strings.HasSuffix(strings.ToLower(path), ".png")
	// An SVG is always measured with the embedded Latin font, so that its
	// bytes do not depend on the fonts of the machine.
	g.cjkFont = png && useCJKFont()
	if !g.cjkFont {
		if err := charts.SetDefaultFont(charts.FontFamilyRoboto); err != nil {
			return &internalError{"chart: " + err.Error()}
		}
	}
	if png && !g.cjkFont {
		g.e.warnf("%s: no CJK font found (install fonts-droid-fallback); Chinese text in the PNG is drawn as boxes: an .svg shows it", path)
	}
	var panels []charts.ChartOption
	if g.opts.groupCol == "" {
		for _, s := range g.seriesPoints() {
			panels = append(panels, g.seriesPanel(s))
		}
	} else {
		for _, s := range g.groupShares() {
			panels = append(panels, g.sharesPanel(s))
		}
	}
	if len(panels) == 0 {
		return nil
	}
	image, err := renderPanels(panels, png)
	if err != nil {
		return &internalError{"chart: " + err.Error()}
	}
	if err := os.WriteFile(path, image, 0o644); err != nil {
		return &report.WriteError{What: "the chart to " + path, Err: errors.New(unwrapPathError(err))}
	}
	return nil
}
