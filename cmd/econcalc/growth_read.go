package main

import (
	"errors"
	"fmt"
	"runtime"
	"slices"

	"econcalc/calc"
	"econcalc/cmd/internal/input"
)

// growthAmount is what growth holds a value as: calc.Fixed, int64 fixed
// point with no pointer for the garbage collector to follow, while every
// value of the input fits, or calc.Num, which holds any. The reading and
// the figures are written once, for both.
type growthAmount[N any] interface {
	calc.Amount[N]
	Num() calc.Num
}

// asFixed and asNum turn an amount as read into what growth holds; ok is
// false when it does not fit.
func asFixed(n calc.Num) (calc.Fixed, bool) { return n.Fixed() }
func asNum(n calc.Num) (calc.Num, bool)     { return n, true }

// errNotFixed is a value that does not fit fixed point: growth reads the
// input again, holding Nums.
var errNotFixed = errors.New("a value does not fit fixed point")

// maxFixedGroups keeps a total of fixed-point amounts within int64.
const maxFixedGroups = 50_000

// growthData is what growth reads: each group's points for each series.
type growthData[N growthAmount[N]] struct {
	series []string              // value column names, in column order
	groups []string              // group names in first-appearance order; one "" without --group-col
	points [][][]calc.PointOf[N] // [group][series]
	freq   calc.Frequency
	mix    frequencyMix // how each label is read into freq: growth_periods.go
	ytd    bool         // some period label was year-to-date
	feb    febLabels    // how each year's February was labelled: growth_janfeb.go
	own    []bool       // whether each series holds each period's own figures (本月)
	// Whether each series is year-to-date, once every row is read: as its
	// header says, or as the labels and --ytd do (growthLayout.seriesYTD).
	seriesYTD []bool
	ownValues []bool // a series of each period's own figures beside year-to-date ones: its figures are its period values too
	rows      int    // data rows read

	places    int           // the most decimals a value is written with
	reported  []periodTotal // the input's own total rows, in input order
	subtotals int           // subtotal rows passed over

	// While reading: what each row is checked against.
	as      func(calc.Num) (N, bool)
	groupOf map[string]int
	labels  map[string]periodLabel // a period label is parsed once
	order   []periodOrder[N]       // [group]
	units   *growthUnits           // this part's reading of a 单位 column, nil without one
	shift   []int32                // the row's shift into that unit, per value column; nil without one
}

// periodTotal is a total row of a grouped series: what it reports for one
// period.
type periodTotal struct {
	reportedTotal
	period calc.Period
}

type periodLabel struct {
	period calc.Period
	ytd    bool
}

// readGrowth reads every row, in parallel parts when the input allows,
// holding each value as as makes it.
func readGrowth[N growthAmount[N]](in *input.Source, l growthLayout, as func(calc.Num) (N, bool)) (*growthData[N], error) {
	newPart := func(int64) *growthData[N] {
		return &growthData[N]{series: l.series, as: as, groupOf: map[string]int{}, labels: map[string]periodLabel{}}
	}
	add := func(d *growthData[N], rec *input.Row) error { return d.add(rec, &l) }
	if l.units != nil {
		// Only a table with a 单位 column reads each row's unit.
		add = func(d *growthData[N], rec *input.Row) error {
			if d.units == nil {
				d.units, d.shift = l.units.forPart(), make([]int32, len(l.values))
			}
			if err := d.units.row(rec, d.shift); err != nil {
				return err
			}
			return d.add(rec, &l)
		}
	}
	return input.Fold(in, newPart, add, mergeGrowth[N])
}

// add reads one row.
func (d *growthData[N]) add(rec *input.Row, l *growthLayout) error {
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
	d.feb.add(lab, rec, l.period)
	period, finer, err := d.mix.read(lab, rec, l.period)
	if err != nil {
		return err
	}
	if finer {
		d.freq = period.Freq
		intoFrequency(d.points, d.order, d.freq)
		for i := range d.reported {
			d.reported[i].period, _ = d.reported[i].period.Last(d.freq)
		}
	}
	if l.group >= 0 {
		switch kind, col, err := l.totals.labelled(rec, l.group); {
		case err != nil:
			return err
		case kind == totalRow:
			t, err := readTotal(rec, col, "", l.values)
			if d.shift != nil {
				t = t.shifted(d.shift)
			}
			d.reported = append(d.reported, periodTotal{t, period})
			return err
		case kind == subtotalRow:
			d.subtotals++
			return nil
		}
	}
	gi := 0
	if l.group >= 0 || len(d.groups) == 0 {
		var group []byte
		if l.group >= 0 {
			if group = rec.Cell(l.group); len(group) == 0 {
				return rec.Errorf(l.group, "empty: every row needs its group (a merged cell in Excel leaves the rows under it empty: fill it down)")
			}
		}
		var known bool
		if gi, known = d.groupOf[string(group)]; !known { // no string made to look it up
			gi = d.addGroup(string(group))
		}
	}
	if err := d.order[gi].add(period, rec, l, d.groups[gi], d.points[gi][0]); err != nil {
		return err
	}
	for s, i := range l.values {
		n, ok, err := rec.Amount(i)
		if err != nil {
			return err
		}
		if d.shift != nil && d.shift[s] != 0 {
			n = shiftAmount(n, d.shift[s])
		}
		v, fits := d.as(n)
		if !fits {
			return errNotFixed
		}
		if ok && l.spans[s].ok {
			if err := l.spans[s].check(rec, i, period); err != nil {
				return err
			}
		}
		switch {
		case s == l.price && ok && n.Sign() <= 0:
			return rec.Errorf(i, "price index %s: an index is above zero (上年同期 or the base year = 100)", n.Decimal())
		case ok && s != l.price:
			d.places = max(d.places, n.Places())
		}
		d.points[gi][s] = append(d.points[gi][s], calc.PointOf[N]{Period: period, Value: calc.Opt[N]{V: v, OK: ok}})
	}
	d.rows++
	return nil
}

// addGroup returns the index of a group, adding it when new.
func (d *growthData[N]) addGroup(name string) int {
	gi, ok := d.groupOf[name]
	if !ok {
		gi = len(d.groups)
		d.groupOf[name] = gi
		d.groups = append(d.groups, name)
		d.points = append(d.points, make([][]calc.PointOf[N], len(d.series)))
		d.order = append(d.order, periodOrder[N]{})
	}
	return gi
}

// mergeGrowth joins the parts of the input in order: groups keep their
// order of first appearance. Parts that disagree on the frequency, or a
// period of a group in two parts, are errors that the in-order pass
// locates.
func mergeGrowth[N growthAmount[N]](parts []*growthData[N]) (*growthData[N], error) {
	if len(parts) == 1 {
		return parts[0], nil
	}
	data := &growthData[N]{series: parts[0].series, groupOf: map[string]int{}}
	for _, part := range parts {
		switch {
		case part.freq == 0:
		case data.freq == 0:
			data.freq = part.freq
		case part.freq != data.freq:
			return nil, errPartsDisagree
		}
		data.mix.join(part.mix)
		data.ytd = data.ytd || part.ytd
		data.feb.join(part.feb)
		data.rows += part.rows
		data.reported = append(data.reported, part.reported...)
		data.places = max(data.places, part.places)
		data.subtotals += part.subtotals
		for _, name := range part.groups {
			data.addGroup(name)
		}
	}
	// Each group's points are joined into one slice of exactly their
	// number, made once: appending part after part would copy them again
	// each time a slice outgrows its capacity, and keep the slack.
	lengths := make([][]int, len(data.groups))
	for gi := range lengths {
		lengths[gi] = make([]int, len(data.series))
	}
	for _, part := range parts {
		for gi, name := range part.groups {
			for s := range data.series {
				lengths[data.groupOf[name]][s] += len(part.points[gi][s])
			}
		}
	}
	for gi, name := range data.groups {
		for s := range data.series {
			joined := make([]calc.PointOf[N], 0, lengths[gi][s])
			for _, part := range parts {
				if pg, ok := part.groupOf[name]; ok {
					joined = append(joined, part.points[pg][s]...)
					part.points[pg][s] = nil // the part's copy is garbage now
				}
			}
			data.points[gi][s] = joined
		}
		if gi == len(data.groups)/2 {
			// Half the parts' points are garbage: collecting them here
			// keeps the parts and their join from being held whole at once.
			runtime.GC()
		}
	}
	if hasDuplicatePeriods(data.points) {
		return nil, errPartsDisagree
	}
	// The rest of the parts are garbage: collecting them at once keeps the
	// heap the output grows into at twice what is held (the points), not
	// twice the points and their parts together.
	runtime.GC()
	return data, nil
}

var errPartsDisagree = errors.New("parts of the input disagree")

// hasDuplicatePeriods reports a period twice in one group.
func hasDuplicatePeriods[N any](points [][][]calc.PointOf[N]) bool {
	for _, series := range points {
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

// checkTotals compares each total row of the input with the sum of the
// groups for its period, series by series.
func (d *growthData[N]) checkTotals(e *env, t totalsOptions) error {
	noteSubtotals(e, d.subtotals)
	if len(d.reported) == 0 {
		return nil
	}
	for s, name := range d.series {
		sums := map[int]calc.Num{}
		for g := range d.groups {
			for _, p := range d.points[g][s] {
				if p.Value.OK {
					sums[p.Period.Index()] = sums[p.Period.Index()].Add(p.Value.V.Num())
				}
			}
		}
		for _, r := range d.reported {
			if !r.ok[s] {
				continue
			}
			what := fmt.Sprintf("%s for %s", name, r.period)
			if err := t.check(e, r.at, r.label, what, sums[r.period.Index()], r.values[s]); err != nil {
				return err
			}
		}
	}
	return nil
}

// latest is the latest period with a value in any series.
// has reports a figure for period p in any series.
func (d *growthData[N]) has(p calc.Period) bool {
	for g := range d.points {
		for _, pts := range d.points[g] {
			for _, q := range pts {
				if q.Value.OK && q.Period == p {
					return true
				}
			}
		}
	}
	return false
}

func (d *growthData[N]) latest() (last calc.Period, ok bool) {
	for g := range d.points {
		for _, pts := range d.points[g] {
			for _, p := range pts {
				if p.Value.OK && (!ok || p.Period.Index() > last.Index()) {
					last, ok = p.Period, true
				}
			}
		}
	}
	return last, ok
}
