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
	if o.rows > 0 && index == o.last {
		return duplicatePeriodError(rec, l, group, p, o.lastAt.String())
	}
	if o.next(index, points) {
		return &repeatedPeriod{err: duplicatePeriodError(rec, l, group, p, ""), group: group, period: p}
	}
	o.lastAt = rec.Pos()
	return nil
}

// next takes the next period's index, unless the group has read it out of
// order before (repeated).
func (o *periodOrder[N]) next(index int, points []calc.PointOf[N]) (repeated bool) {
	switch {
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
			return true
		}
		o.seen[index] = true
	}
	o.last = index
	o.rows++
	return false
}

// renew takes the group's points again once they are read into a finer
// frequency: the same rows in the same order, each a period of its own
// still, so none repeats; the last row is where it was.
func (o *periodOrder[N]) renew(points []calc.PointOf[N]) {
	*o = periodOrder[N]{lastAt: o.lastAt}
	for i, p := range points {
		o.next(p.Period.Index(), points[:i])
	}
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
	first, scanErr := firstRowsIn(in, l, r.period.Freq, map[groupPeriod]bool{k: true})
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

// firstRowsIn reads the input again, in order, for where each wanted group
// and period of frequency freq is first read, and stops once all are found.
// A label of a coarser frequency is read as frequencyMix read it: 上半年 is
// found as June. Growth keeps no place per row, so it looks places up this
// way, only for a message.
func firstRowsIn(in *input.Source, l growthLayout, freq calc.Frequency, want map[groupPeriod]bool) (map[groupPeriod]input.Pos, error) {
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
		if freq.Finer(p.Freq) {
			p, _ = p.Last(freq)
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

// frequencyMix reads every period of a data set into one frequency, the
// finest its labels name. So a bureau's monthly bulletin, whose 1-N月
// figures have 2017年一季度, 2017年上半年, 2017年前三季度 and 2017年全年
// among them, is one monthly year-to-date series, while 2017年一季度,
// 2017年上半年, 2017年前三季度 alone are a quarterly one. A label of a
// coarser frequency stands for the year-to-date figure through its last
// month or quarter (calc.Period.Last), which only a figure from January
// can be (calc.FromJanuary): 2017年二季度 among months is the error it
// always was. A year or a first quarter is a year-to-date figure only
// where the data are year-to-date, known once every row is read: settle
// checks it. So is a single month or quarter other than the first
// (2017年10月, 2017年三季度) where only labels (1-9月) say the data are
// year-to-date: bureaus publish 1-9月累计 beside 10月当月, and reading
// 10月 as January to October would give wrong figures without a word.
type frequencyMix struct {
	freq calc.Frequency // the finest read so far
	at   input.Pos      // where freq was first read
	// The first label of each frequency (by calc.Frequency) whose figure
	// does not run from January (own: 2017年三季度, 2017年10月), and the
	// first that runs from January in year-to-date data only (ifYTD:
	// 2017年全年, 2017年一季度 among months).
	own, ifYTD [calc.Monthly]*mixLabel
	ranged     *mixLabel // the first year-to-date label: 2017年1-9月, 2017年前三季度
}

// mixLabel is a row's period label, for a message.
type mixLabel struct {
	label string
	at    input.Pos
}

// read returns the period that a row's label stands for in the data's
// frequency. finer is true when the label's frequency is finer than any
// before it (or the first): the periods read so far are to be read into it
// (intoFrequency).
func (m *frequencyMix) read(lab periodLabel, rec *input.Row, col int) (p calc.Period, finer bool, err error) {
	p = lab.period
	from := calc.FromJanuary(p, lab.ytd)
	var first **mixLabel
	switch {
	case lab.ytd:
		first = &m.ranged
	case !from:
		first = &m.own[p.Freq-1]
	case p.Freq != calc.Monthly:
		first = &m.ifYTD[p.Freq-1]
	}
	if first != nil && *first == nil {
		*first = &mixLabel{string(rec.Fields[col]), rec.Pos()}
	}
	if p.Freq == m.freq && p.Freq == calc.Monthly {
		return p, false, nil // the usual case, a row of monthly data
	}
	switch {
	case p.Freq == m.freq:
		return p, false, nil
	case m.freq == 0:
		m.freq, m.at = p.Freq, rec.Pos()
		return p, true, nil
	case m.freq.Finer(p.Freq):
		if !from {
			return p, false, rec.Errorf(col, "%s", mixMessage(string(rec.Fields[col]), p.Freq, m.at, m.freq))
		}
		p, _ = p.Last(m.freq)
		return p, false, nil
	}
	for f := calc.Annual; p.Freq.Finer(f); f++ {
		if own := m.own[f-1]; own != nil {
			return p, false, rec.Errorf(col, "%s", mixMessage(string(rec.Fields[col]), p.Freq, own.at, f))
		}
	}
	m.freq, m.at = p.Freq, rec.Pos()
	return p, true, nil
}

// mixMessage says that a label's frequency cannot be reconciled with the
// one read at other.
func mixMessage(label string, freq calc.Frequency, other input.Pos, otherFreq calc.Frequency) string {
	return fmt.Sprintf("%q is %s but %s is %s; a series has one frequency", label, freq, other, otherFreq)
}

// singlePeriodMessage says that the label of a single month or quarter
// after the first is ambiguous beside a year-to-date one, and what to write
// instead: the range its figure would run over from January.
func singlePeriodMessage(label string, freq calc.Frequency, ranged *mixLabel) string {
	what, own, span := "month", "当月", label
	if freq == calc.Quarterly {
		what, own = "quarter", "当季"
	}
	if p, _, err := calc.ParsePeriod(label); err == nil {
		span = fmt.Sprintf("%d年1-%d月", p.Year, p.Sub)
		if freq == calc.Quarterly {
			span = fmt.Sprintf("%d年1-%d季度", p.Year, p.Sub)
		}
	}
	return fmt.Sprintf("%q names a single %s, but %q at %s is year-to-date: if its figure is year-to-date, write it as a range (%s), or pass --ytd to state that every figure is year-to-date; a %s's own figure (%s) belongs in a series of its own",
		label, what, ranged.label, ranged.at, span, what, own)
}

// join takes in the mix of the next part of the input, read in parallel;
// the parts have one frequency (mergeGrowth checks it).
func (m *frequencyMix) join(part frequencyMix) {
	if m.freq == 0 {
		*m = part
		return
	}
	if m.ranged == nil {
		m.ranged = part.ranged
	}
	for f := range m.own {
		if m.own[f] == nil {
			m.own[f] = part.own[f]
		}
		if m.ifYTD[f] == nil {
			m.ifYTD[f] = part.ifYTD[f]
		}
	}
}

// settle checks, once every row is read, that a year or a first quarter
// read as the year-to-date figure through its last month or quarter is in
// year-to-date data (a label such as 1-10月 or --ytd): among single months,
// 2017年全年 is no December. Where only labels make the data year-to-date
// (not l.ytd, --ytd), it refuses a single month or quarter after the first
// among them: 2017年10月 beside 2017年1-9月 is October's own figure as
// often as it is January to October's, unless every value column's header
// says which its figures are (本月, 累计: growth_kinds.go).
func (m *frequencyMix) settle(in *input.Source, l growthLayout, ytd bool) error {
	if l.ytd {
		return nil
	}
	if m.ranged != nil && m.freq != 0 && !l.declared() {
		if x := m.own[m.freq-1]; x != nil {
			return &input.DataError{File: x.at.File(), Line: x.at.Line(), Column: in.Header[l.period],
				Msg: singlePeriodMessage(x.label, m.freq, m.ranged)}
		}
	}
	if ytd {
		return nil
	}
	for f := calc.Annual; m.freq.Finer(f); f++ {
		if x := m.ifYTD[f-1]; x != nil {
			return &input.DataError{File: x.at.File(), Line: x.at.Line(), Column: in.Header[l.period],
				Msg: mixMessage(x.label, f, m.at, m.freq)}
		}
	}
	return nil
}

// intoFrequency reads every point so far into freq, finer than theirs, and
// renews each group's order to match.
func intoFrequency[N any](points [][][]calc.PointOf[N], order []periodOrder[N], freq calc.Frequency) {
	for gi, group := range points {
		for _, series := range group {
			for i := range series {
				series[i].Period, _ = series[i].Period.Last(freq)
			}
		}
		if len(group) > 0 {
			order[gi].renew(group[0])
		}
	}
}
