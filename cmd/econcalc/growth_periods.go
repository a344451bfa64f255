package main

import (
	"errors"
	"fmt"

	"econcalc/calc"
	"econcalc/cmd/internal/input"
)

// periodOrder rules out a period read twice in a group. While the group's
// periods come in order, rising or falling, as bureau tables list them, it
// costs a comparison a row; from the first period out of order on, it
// keeps the set of the group's periods. It keeps no place per row: a
// repeat of the row before names that row's place, and any other repeat
// is named once, by a second look at the input (firstOccurrence).
type periodOrder[N any] struct {
	last, dir int       // dir: +1 rising, -1 falling, 0 after one period
	lastAt    input.Pos // where the period last was read
	rows      int
	seen      map[int]bool // once out of order
}

// add records the period of a group's next row; points are the group's
// points so far, one per row.
func (o *periodOrder[N]) add(p calc.Period, rec *input.Row, l *growthLayout, group string, points []calc.PointOf[N]) error {
	index := p.Index()
	switch {
	case o.rows > 0 && index == o.last:
		return duplicatePeriodError(rec, l, group, p, o.lastAt.String())
	case o.seen != nil:
	case o.rows == 1:
		o.dir = 1
		if index < o.last {
			o.dir = -1
		}
	case o.rows > 1 && (index > o.last) != (o.dir > 0):
		o.seen = make(map[int]bool, len(points)+1)
		for _, q := range points {
			o.seen[q.Period.Index()] = true
		}
	}
	if o.seen != nil {
		if o.seen[index] {
			return &repeatedPeriod{err: duplicatePeriodError(rec, l, group, p, ""), group: group, period: p}
		}
		o.seen[index] = true
	}
	o.last, o.lastAt = index, rec.Pos()
	o.rows++
	return nil
}

// duplicatePeriodError names a row whose period its group has read before,
// at first ("" when that is yet to be found).
func duplicatePeriodError(rec *input.Row, l *growthLayout, group string, p calc.Period, first string) *input.DataError {
	what := p.String()
	if l.group >= 0 {
		what = fmt.Sprintf("%s of group %q", what, group)
	}
	err := rec.Errorf(l.period, "duplicate period %s: already at %s", what, first).(*input.DataError)
	return err
}

// repeatedPeriod is a repeat whose first place is found after reading.
type repeatedPeriod struct {
	err    *input.DataError
	group  string
	period calc.Period
}

func (r *repeatedPeriod) Error() string { return r.err.Error() }

// placeRepeats completes the message of a repeated period with where the
// group first read it.
func placeRepeats(in *input.Source, l growthLayout, err error) error {
	var r *repeatedPeriod
	if !errors.As(err, &r) {
		return err
	}
	k := groupPeriod{r.group, r.period.Index()}
	first, scanErr := firstRows(in, l, map[groupPeriod]bool{k: true})
	at, found := first[k]
	if scanErr != nil || !found {
		return err
	}
	r.err.Msg += at.String()
	return r.err
}

// groupPeriod is a group's row for one period.
type groupPeriod struct {
	group  string
	period int // calc.Period.Index
}

// firstRows reads the input again, in order, for where each wanted group
// and period is first read, and stops once all are found. Growth keeps no
// place per row, so it looks places up this way, only for a message.
func firstRows(in *input.Source, l growthLayout, want map[groupPeriod]bool) (map[groupPeriod]input.Pos, error) {
	first := map[groupPeriod]input.Pos{}
	allFound := errors.New("all found")
	err := in.Each(func(rec *input.Row) error {
		k := groupPeriod{}
		if l.group >= 0 {
			k.group = rec.Text(l.group)
		}
		p, _, err := calc.ParsePeriod(string(rec.Fields[l.period]))
		if err != nil {
			return nil
		}
		k.period = p.Index()
		if _, seen := first[k]; want[k] && !seen {
			first[k] = rec.Pos()
		}
		if len(first) == len(want) {
			return allFound
		}
		return nil
	})
	if err == allFound {
		err = nil
	}
	return first, err
}
