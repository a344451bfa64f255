package main

import (
	"errors"
	"fmt"
	"slices"

	"econcalc/calc"
	"econcalc/cmd/internal/input"
)

// growthLayout is where growth finds its columns.
type growthLayout struct {
	period, group int // group is -1 without --group-col
	values        []int
	series        []string
}

func findGrowthColumns(in *input.Source, opts growthOptions) (growthLayout, error) {
	l := growthLayout{group: -1}
	var err error
	if l.period, err = in.Find(periodColumn, opts.periodCol); err != nil {
		return l, err
	}
	if opts.groupCol != "" {
		if l.group, err = in.Named(opts.groupCol); err != nil {
			return l, err
		}
	}
	if len(opts.valueCols) > 0 {
		for _, name := range opts.valueCols {
			i, err := in.Named(name)
			if err != nil {
				return l, err
			}
			l.values = append(l.values, i)
		}
	} else {
		for i := range in.Header {
			if i != l.period && i != l.group {
				l.values = append(l.values, i)
			}
		}
	}
	if len(l.values) == 0 {
		return l, &input.DataError{File: in.First(), Line: 1, Msg: "no value columns: the header has only the period and group columns"}
	}
	for _, i := range l.values {
		l.series = append(l.series, in.Header[i])
	}
	return l, nil
}

// growthData is what growth reads: each group's points for each series.
type growthData struct {
	series []string                     // value column names, in column order
	groups []string                     // group names in first-appearance order; one "" without --group-col
	points [][][]calc.PointOf[calc.Num] // [group][series]
	freq   calc.Frequency
	ytd    bool // some period label was year-to-date
	rows   int  // data rows read

	// While reading: what each row is checked against.
	groupOf map[string]int
	labels  map[string]periodLabel // a period label is parsed once
	freqAt  input.Pos
	order   []periodOrder // [group]
}

type periodLabel struct {
	period calc.Period
	ytd    bool
}

// readGrowth reads every row, in parallel parts when the input allows.
func readGrowth(in *input.Source, l growthLayout) (*growthData, error) {
	return input.Fold(in,
		func() *growthData {
			return &growthData{series: l.series, groupOf: map[string]int{}, labels: map[string]periodLabel{}}
		},
		func(d *growthData, rec *input.Row) error { return d.add(rec, l) },
		mergeGrowth)
}

// add reads one row.
func (d *growthData) add(rec *input.Row, l growthLayout) error {
	lab, seen := d.labels[string(rec.Fields[l.period])]
	if !seen {
		period, ytd, err := calc.ParsePeriod(string(rec.Fields[l.period]))
		if err != nil {
			return rec.Errorf(l.period, "%v", err)
		}
		lab = periodLabel{period, ytd}
		d.labels[string(rec.Fields[l.period])] = lab
	}
	d.ytd = d.ytd || lab.ytd
	if d.freq == 0 {
		d.freq, d.freqAt = lab.period.Freq, rec.Pos()
	} else if lab.period.Freq != d.freq {
		return rec.Errorf(l.period, "%q is %s but %s is %s; a series has one frequency",
			rec.Fields[l.period], lab.period.Freq, d.freqAt, d.freq)
	}
	gi := 0
	if l.group >= 0 || len(d.groups) == 0 {
		var group []byte
		if l.group >= 0 {
			group = rec.Cell(l.group)
		}
		gi = d.addGroup(string(group))
	}
	if first, dup := d.order[gi].add(lab.period.Index(), rec.Pos(), d.points[gi][0]); dup {
		what := lab.period.String()
		if l.group >= 0 {
			what = fmt.Sprintf("%s of group %q", what, d.groups[gi])
		}
		return rec.Errorf(l.period, "duplicate period %s: already at %s", what, first)
	}
	for s, i := range l.values {
		v, ok, err := rec.Amount(i)
		if err != nil {
			return err
		}
		d.points[gi][s] = append(d.points[gi][s], calc.PointOf[calc.Num]{Period: lab.period, Value: calc.Opt[calc.Num]{V: v, OK: ok}})
	}
	d.rows++
	return nil
}

// addGroup returns the index of a group, adding it when new.
func (d *growthData) addGroup(name string) int {
	gi, ok := d.groupOf[name]
	if !ok {
		gi = len(d.groups)
		d.groupOf[name] = gi
		d.groups = append(d.groups, name)
		d.points = append(d.points, make([][]calc.PointOf[calc.Num], len(d.series)))
		d.order = append(d.order, periodOrder{})
	}
	return gi
}

// mergeGrowth joins the parts of the input in order: groups keep their
// order of first appearance. Parts that disagree on the frequency, or a
// period of a group in two parts, are errors that the in-order pass
// locates.
func mergeGrowth(parts []*growthData) (*growthData, error) {
	if len(parts) == 1 {
		return parts[0], nil
	}
	data := &growthData{series: parts[0].series, groupOf: map[string]int{}}
	for _, part := range parts {
		switch {
		case part.freq == 0:
		case data.freq == 0:
			data.freq = part.freq
		case part.freq != data.freq:
			return nil, errPartsDisagree
		}
		data.ytd = data.ytd || part.ytd
		data.rows += part.rows
		for gi, name := range part.groups {
			into := data.addGroup(name)
			for s := range data.series {
				if data.points[into][s] == nil {
					data.points[into][s] = part.points[gi][s] // the usual case: no copy
				} else {
					data.points[into][s] = append(data.points[into][s], part.points[gi][s]...)
				}
			}
		}
	}
	if hasDuplicatePeriods(data) {
		return nil, errPartsDisagree
	}
	return data, nil
}

var errPartsDisagree = errors.New("parts of the input disagree")

// hasDuplicatePeriods reports a period twice in one group.
func hasDuplicatePeriods(data *growthData) bool {
	for _, series := range data.points {
		idx := make([]int, len(series[0]))
		for i, p := range series[0] {
			idx[i] = p.Period.Index()
		}
		slices.Sort(idx)
		for i := 1; i < len(idx); i++ {
			if idx[i] == idx[i-1] {
				return true
			}
		}
	}
	return false
}

// periodOrder rules out a period read twice in a group at the cost of a
// comparison while the group's periods come in order, rising or falling,
// as bureau tables list them; from the first out of order on, it looks
// each period up among the group's earlier ones.
type periodOrder struct {
	last, dir int         // dir: +1 rising, -1 falling, 0 after one period
	at        []input.Pos // where each of the group's rows was read
	seen      map[int]int // period index → row within the group, once out of order
}

// add records the period of a group's next row; points are the group's
// points so far, one per row. dup reports a period read before, at first.
func (o *periodOrder) add(index int, at input.Pos, points []calc.PointOf[calc.Num]) (first input.Pos, dup bool) {
	if o.seen == nil {
		step := 0
		switch {
		case len(o.at) == 0:
		case index > o.last:
			step = 1
		case index < o.last:
			step = -1
		}
		if len(o.at) == 0 || step != 0 && (o.dir == 0 || o.dir == step) {
			o.last, o.dir = index, step
			o.at = append(o.at, at)
			return first, false
		}
		o.seen = make(map[int]int, len(points))
		for row, p := range points {
			o.seen[p.Period.Index()] = row
		}
	}
	if row, ok := o.seen[index]; ok {
		return o.at[row], true
	}
	o.seen[index] = len(o.at)
	o.at = append(o.at, at)
	return first, false
}
