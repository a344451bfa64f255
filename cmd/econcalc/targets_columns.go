package main

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"econcalc/calc"
	"econcalc/cmd/internal/input"
)

// The value column is the year-to-date figure that annual targets are
// judged on. A header may offer more than one: a cumulative column
// (1-10月累计, 2017年1-10月, 累计, 本月止累计) wins over the month's (本期)
// or an unqualified one (绝对值), and two of a kind are ambiguous, refused
// with both named. A year-to-date header with a year is the value only in
// the table's year; the year before's, to the same month, is the prior
// (上年同期) where no column is the prior; any other year is refused. The
// table's year may come from a period column, so the value is settled at
// the first row (settleValue).

// ytdHeader is a year-to-date value header as tables print it, 1-10月累计,
// 2017年1-10月, 1月-10月, 1至10月累计(亿元): the year, if any, and the months
// it runs to are its groups.
var ytdHeader = regexp.MustCompile(`^(?:(\d{4})\s*年\s*)?1\s*(?:月份?\s*)?(?:-|—|–|－|~|～|至|到)\s*(\d{1,2})\s*月份?\s*(?:累计)?\s*(?:[(（\[【][^)）\]】]*[)）\]】])?$`)

// ytdSpan is the year (0 when it names none) and the months a year-to-date
// header runs to; ok is false for any other header.
func ytdSpan(header string) (year, months int, ok bool) {
	m := ytdHeader.FindStringSubmatch(strings.TrimSpace(header))
	if m == nil {
		return 0, 0, false
	}
	year, _ = strconv.Atoi(m[1]) // "" when it names no year: 0
	months, _ = strconv.Atoi(m[2])
	return year, months, true
}

// findTargetsColumns finds the columns a header gives, -1 for an optional
// one that is absent; the value only when --value-col names it, else its
// candidates, which settleValue chooses among.
func findTargetsColumns(in *input.Source, opts targetsOptions) (cols targetsCols, err error) {
	optional := func(dst *int, spec input.Column) {
		if err == nil {
			*dst, err = in.FindOptional(spec, opts.cols[spec.Flag])
		}
	}
	if cols.indicator, err = in.Find(targetIndicatorColumn, opts.cols[targetIndicatorColumn.Flag]); err != nil {
		return cols, err
	}
	optional(&cols.unit, unitColumn)
	optional(&cols.target, levelTargetColumn)
	optional(&cols.targetPct, rateTargetColumn)
	optional(&cols.prior, priorYearColumn)
	optional(&cols.yoy, givenYoYColumn)
	optional(&cols.period, asOfColumn)
	cols.value, cols.group = -1, -1
	if name := opts.cols[ytdValueColumn.Flag]; err == nil && name != "" {
		cols.value, err = in.Named(name)
	}
	if err == nil && opts.groupCol != "" {
		cols.group, err = in.Named(opts.groupCol)
	}
	if err != nil {
		return cols, err
	}
	taken := []int{cols.indicator, cols.unit, cols.target, cols.targetPct, cols.prior, cols.yoy, cols.period, cols.group, cols.value}
	for i, h := range in.Header {
		if _, _, ok := ytdSpan(h); ok && !slices.Contains(taken, i) {
			cols.ytd = append(cols.ytd, i)
			taken = append(taken, i)
		}
	}
	for _, name := range append([]string{ytdValueColumn.Key}, ytdValueColumn.Aliases...) {
		if i := in.Index(name); i >= 0 && !slices.Contains(taken, i) {
			taken = append(taken, i)
			if strings.Contains(name, "累计") || name == ytdValueColumn.Key {
				cols.cumulative = append(cols.cumulative, i)
			} else {
				cols.plain = append(cols.plain, i)
			}
		}
	}
	if cols.value < 0 && len(cols.ytd)+len(cols.cumulative)+len(cols.plain) == 0 {
		return cols, noValueColumn(in)
	}
	return cols, nil
}

func noValueColumn(in *input.Source) error {
	spec := ytdValueColumn
	spec.Aliases = append(slices.Clone(spec.Aliases), "1-N月累计")
	_, err := in.Find(spec, "")
	return err
}

// datedYTD: a year-to-date header names a year, so that the value cannot
// be chosen before the table's period is known.
func (cols *targetsCols) datedYTD(in *input.Source) bool {
	return slices.ContainsFunc(cols.ytd, func(c int) bool {
		y, _, _ := ytdSpan(in.Header[c])
		return y != 0
	})
}

// settleValue chooses the value column for a table of period (a month of
// its year; zero, unknown yet, only when no header names a year), and takes
// a year-to-date column of the year before as the prior where there is
// none.
func (cols *targetsCols) settleValue(in *input.Source, opts targetsOptions, period calc.Period) error {
	year, month := int(period.Year), int(period.Sub)
	named := cols.value >= 0
	bothNamed := named && opts.cols[priorYearColumn.Flag] != ""
	current := slices.Clone(cols.cumulative)
	for _, c := range cols.ytd {
		y, m, _ := ytdSpan(in.Header[c])
		switch {
		case y == 0 || y == year:
			current = append(current, c)
		case bothNamed: // the user said which are the value and the prior
		case y == year-1 && m == month && cols.prior < 0:
			cols.prior = c
		case y == year-1 && m == month:
			return in.HeaderError(in.Header[c], fmt.Sprintf("is of %d, the year before the table's %d, and %q is the prior too: name the one to use with --prior-col", y, year, in.Header[cols.prior]))
		default: // 2019年1-10月 beside 2021's and 2020's, for a two-year average
			cols.other = append(cols.other, c)
		}
	}
	if !named {
		slices.Sort(current)
		switch {
		case len(current) > 1:
			return ambiguousValue(in, current)
		case len(current) == 1:
			cols.value = current[0]
		case len(cols.plain) > 1:
			return ambiguousValue(in, cols.plain)
		case len(cols.plain) == 1:
			cols.value = cols.plain[0]
		case cols.prior >= 0 && slices.Contains(cols.ytd, cols.prior):
			return in.HeaderError("", fmt.Sprintf("no year-to-date value of %d: %q is of %d, the prior year's; name this year's column with --value-col", year, in.Header[cols.prior], year-1))
		default:
			return noValueColumn(in)
		}
	}
	return nil
}

// checkValueSpan checks that the value's header, if it names a year or
// months, names those of period, the table's.
func (cols *targetsCols) checkValueSpan(in *input.Source, period calc.Period) error {
	year, month := int(period.Year), int(period.Sub)
	if y, m, ok := headerSpan(in.Header[cols.value]); ok {
		if y != 0 && y != year {
			return in.HeaderError(in.Header[cols.value], fmt.Sprintf("says %d, but the figures run to %s", y, period.SpanLabel(true)))
		}
		if m != month {
			return in.HeaderError(in.Header[cols.value], fmt.Sprintf("says 1-%d月, but the figures run to %s", m, period.SpanLabel(true)))
		}
	}
	return nil
}

// ambiguousValue refuses a header with two columns that could each be the
// value: taking either would be a guess.
func ambiguousValue(in *input.Source, candidates []int) error {
	names := make([]string, len(candidates))
	for i, c := range candidates {
		names[i] = input.QuoteCell(in.Header[c])
	}
	return in.HeaderError("", fmt.Sprintf("%s could each be the year-to-date value: name the one to use with --value-col", strings.Join(names, " and ")))
}
