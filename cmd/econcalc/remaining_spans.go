package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"econcalc/calc"
	"econcalc/cmd/internal/input"

	"github.com/shopspring/decimal"
)

// A roll file may list years one by one and also their sum, labelled as
// one: 2014年, 2015年, then 2014—2015年合计, above or below them. That row
// is a subtotal of those years, not a span of its own beside them: each
// count it gives must be their sum, and it is left out of the roll. A
// summed span whose years are not all listed, or listed only in part, is
// the span's own row (2014—2016年合计 with no year of it beside), or an
// overlap checkYearSpans refuses.

// spanSubtotals checks and takes out the rows labelled as sums whose span
// the other rows cover exactly, shortest spans first, so that 2014—2015年合计
// is checked against 2014 and 2015 before 2014—2016年合计 is against 2014,
// 2015 and 2016. A count that differs from its years' sum beyond its own
// rounding is a warning naming the subtotal's line and column, as a 合计
// row's is (an error with --strict-totals); an empty cell reports nothing.
// The rows kept are in input order.
func spanSubtotals(e *env, t totalsOptions, rows []rollRow, counts []rollCountColumn, header []string) ([]rollRow, error) {
	var summed []int
	for i, r := range rows {
		if r.summed {
			summed = append(summed, i)
		}
	}
	if len(summed) == 0 {
		return rows, nil
	}
	slices.SortStableFunc(summed, func(a, b int) int { return cmp.Compare(yearsIn(rows[a]), yearsIn(rows[b])) })
	out := make([]bool, len(rows))
	for _, i := range summed {
		parts, ok := spanParts(rows, out, i)
		if !ok {
			if rows[i].emptyExit != nil {
				return nil, rows[i].emptyExit // the span's row: its exits are needed
			}
			continue
		}
		if err := checkSpanSum(e, t, rows[i], parts, counts, header); err != nil {
			return nil, err
		}
		out[i] = true
	}
	kept := rows[:0:0]
	for i, r := range rows {
		if !out[i] {
			kept = append(kept, r)
		}
	}
	return kept, nil
}

func yearsIn(r rollRow) int { return r.flows.Years.Last - r.flows.Years.First }

// spanParts are the rows, none of them out, that cover row i's span year by
// year, in year order, each once: ok is false where there are none, or
// where a year of the span is missing or in two of them, or a row that is
// not a sum reaches outside it (the overlap checkYearSpans names). A longer
// summed row over it may yet be a subtotal of its own, and is passed over;
// a shorter one inside it is a part, being that span's own row.
func spanParts(rows []rollRow, out []bool, i int) (parts []rollRow, ok bool) {
	span := rows[i].flows.Years
	for j, r := range rows {
		y := r.flows.Years
		if j == i || out[j] || !y.Overlaps(span) {
			continue
		}
		inside := y.First >= span.First && y.Last <= span.Last
		switch {
		case r.summed && !inside:
			continue
		case !inside, r.summed && yearsIn(r) >= yearsIn(rows[i]):
			return nil, false // 2014—2015年合计 twice is a duplicate, not a sum
		}
		parts = append(parts, r)
	}
	slices.SortStableFunc(parts, func(a, b rollRow) int { return cmp.Compare(a.flows.Years.First, b.flows.Years.First) })
	next := span.First
	for _, p := range parts {
		if p.flows.Years.First != next {
			return nil, false
		}
		next = p.flows.Years.Last + 1
	}
	return parts, len(parts) > 0 && next == span.Last+1
}

// checkSpanSum compares each count the subtotal gives with the sum of its
// parts.
func checkSpanSum(e *env, t totalsOptions, sub rollRow, parts []rollRow, counts []rollCountColumn, header []string) error {
	for k, c := range counts {
		if c.col < 0 || sub.blank[k] {
			continue
		}
		if c.running {
			return &input.DataError{File: sub.file, Line: sub.line, Column: header[c.col], Msg: fmt.Sprintf(
				"%s sums the rows of its years, but the column holds running totals (累计), which are not summed: take the row out", sub.flows.Years)}
		}
		var sum decimal.Decimal
		years := make([]string, len(parts))
		lines := make([]string, len(parts))
		for j := range parts {
			sum = sum.Add(*parts[j].count(k))
			years[j], lines[j] = parts[j].flows.Years.String(), fmt.Sprint(parts[j].line)
			if parts[j].file != sub.file {
				lines[j] = parts[j].where()
			}
		}
		reported := *sub.count(k)
		if calc.WithinRounding(calc.DecimalNum(sum), calc.DecimalNum(reported)) {
			continue
		}
		msg := fmt.Sprintf("subtotal %s is %s, but the rows it covers (%s: lines %s) add up to %s",
			sub.flows.Years, reported, strings.Join(years, ", "), strings.Join(lines, ", "), sum)
		if t.strict {
			return &input.DataError{File: sub.file, Line: sub.line, Column: header[c.col], Msg: msg + " (--strict-totals)"}
		}
		e.warnf("%s: column %q: %s", sub.where(), header[c.col], msg)
	}
	return nil
}
