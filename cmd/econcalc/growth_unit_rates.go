package main

import (
	"fmt"
	"slices"
	"strings"

	"econcalc/cmd/internal/input"
)

// leaveOutRates reads value columns whose every 单位 cell is a rate (%, ‰,
// 百分点: 规模工业增加值 beside 单位 %) as a header in % is read: a rate,
// left out with a note, unless its name is that of a level in percent
// (城镇化率) or --value-col names it (the user says it is a level; a note
// says how it is read). govern are places in l.values.
func (l *growthLayout) leaveOutRates(e *env, in *input.Source, unitCol int, govern []int, rates []string) error {
	unit := strings.Join(rates, ", ")
	var left []string
	for _, k := range slices.Backward(govern) {
		header := in.Header[l.values[k]]
		switch {
		case namesPercentLevel(headerName(header)):
			continue
		case l.named:
			e.notef("%s: its %s cells say %s; read as a level in %s, as --value-col asks", header, in.Header[unitCol], unit, unit)
			continue
		}
		left = append(left, header)
		l.leaveOut(k)
	}
	slices.Reverse(left)
	if len(l.values) == 0 || len(l.values) == 1 && l.price == 0 {
		return in.HeaderError("", fmt.Sprintf("no value columns: %s left out as growth rates (the %s column says %s), not levels; %s",
			input.QuoteNames(left), in.Header[unitCol], unit, rateReason))
	}
	for _, name := range left {
		e.notef("%s: its %s cells say %s: a growth rate, not a level; left out (growth compares levels)", name, in.Header[unitCol], unit)
	}
	return nil
}

// leaveOut takes the value column at place k out of the layout.
func (l *growthLayout) leaveOut(k int) {
	l.values = slices.Delete(l.values, k, k+1)
	l.series = slices.Delete(l.series, k, k+1)
	l.kinds = slices.Delete(l.kinds, k, k+1)
	l.spans = slices.Delete(l.spans, k, k+1)
	if l.price > k {
		l.price--
	}
}
