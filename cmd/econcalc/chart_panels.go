package main

import (
	"os"
	"strings"

	"github.com/go-analyze/charts"
	"golang.org/x/text/width"
)

// unwrapPathError drops the path that os errors repeat.
func unwrapPathError(err error) string {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

func renderPanels(panels []charts.ChartOption, png bool) ([]byte, error) {
	top := panels[0]
	top.OutputFormat = charts.ChartOutputSVG
	if png {
		top.OutputFormat = charts.ChartOutputPNG
	}
	top.Width = chartWidth
	top.Height = panelHeight * len(panels)
	top.Box = charts.NewBox(0, 0, chartWidth, panelHeight)
	for i, p := range panels[1:] {
		p.Box = charts.NewBox(0, panelHeight*(i+1), chartWidth, panelHeight*(i+2))
		top.Children = append(top.Children, p)
	}
	p, err := charts.Render(top)
	if err != nil {
		return nil, err
	}
	image, err := p.Bytes()
	if err == nil && !png {
		image = append(image, '\n') // a text file ends with a newline
	}
	return image, err
}

// seriesPanel draws a series' values as bars and its year-on-year rate as a
// line on the right-hand axis.
func (g *growthPictures) seriesPanel(s seriesPicture) charts.ChartOption {
	rate := g.title("yoy_pct")
	return charts.ChartOption{
		Theme:   charts.GetTheme(charts.ThemeLight),
		Padding: charts.NewBoxEqual(24),
		Title:   charts.TitleOption{Text: s.name},
		Legend: charts.LegendOption{
			SeriesNames: g.legendNames(s.name, rate),
			Offset:      charts.OffsetRight,
		},
		XAxis: periodAxis(s.periods),
		YAxis: []charts.YAxisOption{{Min: barBase(s.values)}, {Title: rate}},
		SeriesList: charts.GenericSeriesList{
			{Type: charts.ChartTypeBar, Name: s.name, Values: chartValues(s.values)},
			{Type: charts.ChartTypeLine, Name: rate, Values: chartValues(s.yoy), YAxisIndex: 1,
				Label: charts.SeriesLabel{Show: charts.Ptr(true), ValueFormatter: g.asPrinted}},
		},
	}
}

// barBase starts the value axis at zero when no value is negative: a bar
// measured from anything else misstates the ratio of two values.
func barBase(values []float64) *float64 {
	for _, v := range values {
		if v < 0 {
			return nil
		}
	}
	return charts.Ptr(0.0)
}

// sharesPanel draws the groups' shares of a series as bars stacked to 100.
func (g *growthPictures) sharesPanel(s shares) charts.ChartOption {
	list := make(charts.GenericSeriesList, len(s.groups))
	for i, name := range s.groups {
		list[i] = charts.GenericSeries{Type: charts.ChartTypeBar, Name: name, Values: chartValues(s.pct[i])}
	}
	return charts.ChartOption{
		Theme:       charts.GetTheme(charts.ThemeLight),
		Padding:     charts.NewBoxEqual(24),
		Title:       charts.TitleOption{Text: s.name + " · " + g.title("share_pct")},
		Legend:      charts.LegendOption{SeriesNames: g.legendNames(s.groups...), Offset: charts.OffsetRight},
		XAxis:       periodAxis(s.periods),
		YAxis:       []charts.YAxisOption{{Max: charts.Ptr(100.0), Min: charts.Ptr(0.0), LabelCount: 6}},
		StackSeries: charts.Ptr(true),
		SeriesList:  list,
	}
}

// maxPeriodLabels is the most periods labelled one by one; the library
// thins longer axes.
const maxPeriodLabels = 24

// periodAxis labels the x axis with the periods, slanted so that monthly
// labels do not run into each other.
func periodAxis(periods []string) charts.XAxisOption {
	axis := charts.XAxisOption{Labels: periods, LabelRotation: charts.DegreesToRadians(45)}
	if len(periods) <= maxPeriodLabels {
		axis.LabelCount = len(periods)
	}
	return axis
}

// cjkFonts are TrueType fonts with Chinese characters that a PNG is drawn
// with when one is installed (a .ttc collection, as fonts-noto-cjk ships,
// cannot be read by the library's font parser).
var cjkFonts = []string{"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"}

// cjkFont is the family name a found CJK font is installed under.
const cjkFont = "econcalc-cjk"

// useCJKFont makes the first CJK font found the default for drawing text,
// and says whether there was one. SVG charts do not need it: their text is
// drawn by the viewer, with its own fonts.
func useCJKFont() bool {
	for _, path := range cjkFonts {
		data, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		if charts.InstallFont(cjkFont, data) == nil && charts.SetDefaultFont(cjkFont) == nil {
			return true
		}
	}
	return false
}

// legendNames pads names that hold Chinese characters for the legend's
// layout. The library measures text with its embedded Latin font, in which
// a character it lacks is 0.44 em wide; a browser draws it 1 em wide with a
// CJK font, so the legend entries would overlap. Two spaces (0.25 em each)
// per wide character make up the difference; trailing spaces are not drawn.
func (g *growthPictures) legendNames(names ...string) []string {
	if g.cjkFont {
		return names
	}
	out := make([]string, len(names))
	for i, name := range names {
		wide := 0
		for _, r := range name {
			if k := width.LookupRune(r).Kind(); k == width.EastAsianWide || k == width.EastAsianFullwidth {
				wide++
			}
		}
		out[i] = name + strings.Repeat("  ", wide)
	}
	return out
}
