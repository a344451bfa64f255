package main

import (
	"fmt"
	"strings"

	"econcalc/calc"
	"github.com/shopspring/decimal"
)

// growthLayout is where growth finds its columns.
type growthLayout struct {
	period, group int // group is -1 without --group-col
	values        []int
	series        []string
}

func findGrowthColumns(in *input, opts growthOptions) (growthLayout, error) {
	l := growthLayout{group: -1}
	var err error
	if l.period, err = in.find(periodColumn, opts.periodCol); err != nil {
		return l, err
	}
	if opts.groupCol != "" {
		if l.group, err = in.named(opts.groupCol); err != nil {
			return l, err
		}
	}
	if len(opts.valueCols) > 0 {
		for _, name := range opts.valueCols {
			i, err := in.named(name)
			if err != nil {
				return l, err
			}
			l.values = append(l.values, i)
		}
	} else {
		for i := range in.header {
			if i != l.period && i != l.group {
				l.values = append(l.values, i)
			}
		}
	}
	if len(l.values) == 0 {
		return l, &dataError{file: in.firstIn, line: 1, msg: "no value columns: the header has only the period and group columns"}
	}
	for _, i := range l.values {
		l.series = append(l.series, in.header[i])
	}
	return l, nil
}

// readGrowthInput reads every row on the general path, which names the
// place of every problem.
func readGrowthInput(in *input, l growthLayout) (*growthData[decimal.Decimal], error) {
	data := &growthData[decimal.Decimal]{series: l.series}
	groupOf := map[string]int{}
	type seen struct {
		file string
		line int
	}
	firstSeen := map[[2]int]seen{} // (group, period index) → where it was first read
	var freqSeen seen
	err := in.each(func(rec *record) error {
		period, ytd, err := calc.ParsePeriod(rec.fields[l.period])
		if err != nil {
			return rec.errorf(l.period, "%v", err)
		}
		data.ytd = data.ytd || ytd
		if data.freq == 0 {
			data.freq, freqSeen = period.Freq, seen{rec.file, rec.line}
		} else if period.Freq != data.freq {
			return rec.errorf(l.period, "%q is %s but %s:%d is %s; a series has one frequency",
				rec.fields[l.period], period.Freq, freqSeen.file, freqSeen.line, data.freq)
		}
		group := ""
		if l.group >= 0 {
			group = strings.TrimSpace(rec.fields[l.group])
		}
		gi := data.addGroup(groupOf, group)
		key := [2]int{gi, period.Index()}
		if first, dup := firstSeen[key]; dup {
			what := period.String()
			if l.group >= 0 {
				what = fmt.Sprintf("%s of group %q", what, group)
			}
			return rec.errorf(l.period, "duplicate period %s: already at %s:%d", what, first.file, first.line)
		}
		firstSeen[key] = seen{rec.file, rec.line}
		for s, i := range l.values {
			v, err := rec.number(i)
			if err != nil {
				return err
			}
			data.points[gi][s] = append(data.points[gi][s], calc.Point{Period: period, Value: v})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	data.rows = in.Rows()
	return data, nil
}
