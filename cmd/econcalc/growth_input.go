package main

import (
	"fmt"
	"strings"

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
	rates         []string      // columns left out as published growth rates (isRateColumn)
	priors        []string      // columns left out as last year's figures (isPriorYearColumn)
	kinds         []seriesKind  // what each value column's header says its figures are (growth_kinds.go)
	spans         []columnSpan  // the year-to-date span each value column's header names, if any
	units         *growthUnits  // a 单位 column giving each row's unit, nil for none (growth_units.go)
	unitCol       int           // that 单位 column, -1 for none (growthUnitColumn)
	unitCells     *unitCells    // the units its cells name
	named         bool          // --value-col names the value columns
	noTotal       bool          // --no-total: groups in units that cannot be added up are read each on its own
	notes         []string      // what the reading of the header says to the user
}

func findGrowthColumns(in *input.Source, opts growthOptions) (growthLayout, error) {
	l := growthLayout{group: -1, price: -1, unitCol: -1, totals: opts.totals, ytd: opts.ytd, noTotal: opts.out.NoTotal}
	var err error
	if l.period, err = in.Find(periodColumn, opts.periodCol); err != nil {
		return l, err
	}
	if opts.groupCol != "" {
		if l.group, err = in.Named(opts.groupCol); err != nil {
			return l, err
		}
	}
	if l.unitCol, l.unitCells, err = growthUnitColumn(in, l.period, l.group, l.totals); err != nil {
		return l, err
	}
	price := -1
	if opts.real.priceCol != "" {
		if price, err = in.Named(opts.real.priceCol); err != nil {
			return l, err
		}
		if err := checkIndexBase(in, price, opts.real.base); err != nil {
			return l, err
		}
	}
	if len(opts.valueCols) > 0 {
		l.named = true
		for _, name := range opts.valueCols {
			i, err := in.Named(name)
			if err != nil {
				return l, err
			}
			switch {
			case isRateColumn(in, i) && plainlyRate(in, i):
				return l, in.HeaderError(in.Header[i], "--value-col names "+rateOrRank(in.Header[i])+", not a level: "+rateReason)
			case isRateColumn(in, i):
				l.notes = append(l.notes, in.Header[i]+": read as a level, as --value-col asks (a header in % is otherwise left out as a growth rate)")
			}
			if isPriorYearColumn(in, i) {
				return l, in.HeaderError(in.Header[i], "--value-col names last year's figures, not a series of this year: "+priorReason)
			}
			l.values = append(l.values, i)
		}
	} else {
		for i := range in.Header {
			switch {
			case i == l.period || i == l.group || i == price || i == l.unitCol:
			case isRateColumn(in, i):
				l.rates = append(l.rates, in.Header[i])
			case isPriorYearColumn(in, i):
				l.priors = append(l.priors, in.Header[i])
			default:
				l.values = append(l.values, i)
			}
		}
	}
	if len(l.values) == 0 && len(l.rates) > 0 {
		return l, in.HeaderError("", fmt.Sprintf("no value columns: %s left out as growth rates, not levels; %s",
			input.QuoteNames(l.rates), rateReason))
	}
	if len(l.values) == 0 && len(l.priors) > 0 {
		return l, in.HeaderError("", fmt.Sprintf("no value columns: %s left out as last year's figures; %s",
			input.QuoteNames(l.priors), priorReason))
	}
	if len(l.values) == 0 {
		return l, in.HeaderError("", "no value columns: the header has only the period and group columns")
	}
	for _, i := range l.values {
		l.kinds = append(l.kinds, headerKind(in.Header[i]))
		l.spans = append(l.spans, columnSpanOf(in.Header[i]))
	}
	if price >= 0 {
		l.price = len(l.values)
		l.values = append(l.values, price)
		l.kinds = append(l.kinds, byLabels)
		l.spans = append(l.spans, columnSpan{})
	}
	for _, i := range l.values {
		if err := oneBracketUnit(in, i); err != nil { // 产值（万元，亿元）
			return l, err
		}
		l.series = append(l.series, in.Header[i])
	}
	return l, nil
}

// rateReason is why growth takes no published rate as a series.
const rateReason = "growth compares levels (amounts), and a published rate or rank cannot be differenced or compared as one"

// priorReason is why growth takes no column of last year's figures as a
// series.
const priorReason = "its figures are of the year before the row's period (2016's beside 2017年1-10月), and growth finds last year's figure in last year's rows"

// isPriorYearColumn: a column of last year's figures beside this year's
// (上年同期, 去年同期累计, 上年同月, 同期), as completion tables print them,
// or of a series with last year named in its note (规上工业增加值（上年同期）):
// read as a series, 2016's figures would be labelled 2017. A change on
// last year (比上年增长（亿元）, 同期增减（亿元）) and an index's base
// (上年同期=100) are none.
func isPriorYearColumn(in *input.Source, col int) bool {
	name := headerName(in.Header[col])
	note := strings.TrimPrefix(strings.ToLower(strings.TrimSpace(in.Header[col])), name)
	return saysPriorYear(name) || saysPriorYear(note)
}

// saysPriorYear: a header's name or note says last year's figures (上年同期,
// 同期), not a change on them (比上年, 同期增减) nor an index's base
// (上年同期=100).
func saysPriorYear(s string) bool {
	for _, w := range []string{"比", "较", "=100", "＝100", "本年", "今年"} {
		if strings.Contains(s, w) {
			return false
		}
	}
	lastYear := false
	for _, w := range []string{"去年", "上年", "上一年", "前一年", "last year", "prior year", "previous year"} {
		lastYear = lastYear || strings.Contains(s, w)
	}
	if !lastYear && namesGrowth(s) {
		return false // 同期增减: the change on the same period, as 增减 is
	}
	return lastYear || strings.Contains(s, "同期")
}
