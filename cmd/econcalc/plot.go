package main

import (
	"fmt"
	"math"
	"strings"

	"github.com/guptarohit/asciigraph"
)

// plotHeight and plotMaxWidth keep a --plot to a screenful per series.
const (
	plotHeight   = 10
	plotMaxWidth = 60
)

// plotSeries draws each series' values over its periods as a terminal chart,
// captioned with the series name and the first and last period. It never
// colours: the output is the same in a terminal, a pipe and a golden file.
func plotSeries(series []seriesPicture) string {
	var b strings.Builder
	for _, s := range series {
		if !anyNumber(s.values) {
			continue
		}
		width := min(plotMaxWidth, len(s.values)) // a column a period: no peak interpolated away
		caption := fmt.Sprintf("%s, %s … %s", s.name, s.periods[0], s.periods[len(s.periods)-1])
		b.WriteString("\n")
		b.WriteString(asciigraph.Plot(s.values,
			asciigraph.Height(plotHeight),
			asciigraph.Width(width),
			asciigraph.Precision(2),
			asciigraph.Caption(caption)))
		b.WriteString("\n")
	}
	return b.String()
}

func anyNumber(v []float64) bool {
	for _, f := range v {
		if !math.IsNaN(f) {
			return true
		}
	}
	return false
}
