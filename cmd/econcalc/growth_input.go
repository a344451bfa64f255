package main

import (
	"econcalc/cmd/internal/input"
)

// growthLayout is where growth finds its columns.
type growthLayout struct {
	period, group int // group is -1 without --group-col
	values        []int
	series        []string
	price         int           // --price-col: the last of values, read as a series; -1 without it
	totals        totalsOptions // for the group column's total rows
	ytd           bool          // --ytd: every figure is year-to-date, whatever its label
}

func findGrowthColumns(in *input.Source, opts growthOptions) (growthLayout, error) {
	l := growthLayout{group: -1, price: -1, totals: opts.totals, ytd: opts.ytd}
	var err error
	if l.period, err = in.Find(periodColumn, opts.periodCol); err != nil {
		return l, err
	}
	if opts.groupCol != "" {
		if l.group, err = in.Named(opts.groupCol); err != nil {
			return l, err
		}
	}
	price := -1
	if opts.real.priceCol != "" {
		if price, err = in.Named(opts.real.priceCol); err != nil {
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
			if i != l.period && i != l.group && i != price {
				l.values = append(l.values, i)
			}
		}
	}
	if len(l.values) == 0 {
		return l, in.HeaderError("", "no value columns: the header has only the period and group columns")
	}
	if price >= 0 {
		l.price = len(l.values)
		l.values = append(l.values, price)
	}
	for _, i := range l.values {
		l.series = append(l.series, in.Header[i])
	}
	return l, nil
}
