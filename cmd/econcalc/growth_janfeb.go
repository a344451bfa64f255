package main

import (
	"econcalc/calc"
	"econcalc/cmd/internal/input"
)

// febLabels records, year by year, how February's rows were labelled:
// 1–2月 (January and February together, as bureaus publish them) or
// February alone. A column of each month's own figures (本月) holds the two
// months together on a 1–2月 row, so its figure compares with last year's
// 1–2月, or last year's January and February added (calc.GrowthOptions's
// JanFeb); a year-to-date column needs none of this (its 1–2月 figure is
// its February's).
type febLabels struct {
	janFeb, alone map[int32]mixLabel // the first row of each kind, by year
}

// add records a row's label when it is February's.
func (f *febLabels) add(lab periodLabel, rec *input.Row, col int) {
	p := lab.period
	if p.Freq != calc.Monthly || p.Sub != 2 {
		return
	}
	into := &f.alone
	if lab.ytd {
		into = &f.janFeb
	}
	if *into == nil {
		*into = map[int32]mixLabel{}
	}
	if _, seen := (*into)[p.Year]; !seen {
		(*into)[p.Year] = mixLabel{string(rec.Fields[col]), rec.Pos()}
	}
}

// join takes in the labels of the next part of the input, read in
// parallel: each year's first row of each kind stays the first.
func (f *febLabels) join(part febLabels) {
	for _, m := range []struct{ into, from *map[int32]mixLabel }{{&f.janFeb, &part.janFeb}, {&f.alone, &part.alone}} {
		for y, lab := range *m.from {
			if *m.into == nil {
				*m.into = map[int32]mixLabel{}
			}
			if _, seen := (*m.into)[y]; !seen {
				(*m.into)[y] = lab
			}
		}
	}
}

// check refuses a year whose February is labelled both ways where a
// column holds each month's own figures: one row's figure would be
// February's, another's January's and February's, in one series.
func (f *febLabels) check(in *input.Source, l growthLayout, own bool) error {
	if !own {
		return nil
	}
	for y, both := range f.janFeb {
		if alone, ok := f.alone[y]; ok {
			return &input.DataError{File: alone.at.File(), Line: alone.at.Line(), Column: in.Header[l.period],
				Msg: "\"" + alone.label + "\" is February alone, but \"" + both.label + "\" at " + both.at.String() +
					" is January and February together: in a column of each month's own figures (本月) they are not of one span; label every February of a year one way"}
		}
	}
	return nil
}

// of is the JanFeb of calc.GrowthOptions for a series of each month's own
// figures (own): a February labelled 1–2月 is the two months together.
// nil for other series, and where no row is labelled 1–2月.
func (f *febLabels) of(own bool) func(calc.Period) bool {
	if !own || len(f.janFeb) == 0 {
		return nil
	}
	return func(p calc.Period) bool {
		_, ok := f.janFeb[p.Year]
		return ok
	}
}

// ownSeries reports, for each value column but the price index, whether
// its header says it holds each period's own figures.
func (l *growthLayout) ownSeries() []bool {
	n := len(l.values)
	if l.price >= 0 {
		n = l.price
	}
	own := make([]bool, n)
	for s := range own {
		own[s] = l.kinds[s].own()
	}
	return own
}

// comparable reports that the figures of periods a and b of a series of
// each month's own figures (jf: febLabels.of) are of one span: a 1–2月
// figure is comparable with another 1–2月 figure only.
func comparable(jf func(calc.Period) bool, a, b calc.Period) bool {
	return jf == nil || isJanFeb(jf, a) == isJanFeb(jf, b)
}

func isJanFeb(jf func(calc.Period) bool, p calc.Period) bool {
	return jf != nil && p.Freq == calc.Monthly && p.Sub == 2 && jf(p)
}

// likeJanFeb keeps the points of a series of each month's own figures that
// the summary may compare with its latest: 1–2月 figures only when the
// latest is one, else none of them.
func likeJanFeb(jf func(calc.Period) bool, points []calc.Point) []calc.Point {
	if jf == nil {
		return points
	}
	latest := latestPoint(points)
	if latest < 0 {
		return points
	}
	var like []calc.Point
	for _, p := range points {
		if comparable(jf, p.Period, points[latest].Period) {
			like = append(like, p)
		}
	}
	return like
}
