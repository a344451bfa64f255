package main

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"econcalc/calc"
	"econcalc/cmd/internal/input"

	"golang.org/x/text/width"
)

// The value column is the year-to-date figure that annual targets are
// judged on. A header may offer more than one: a cumulative column
// (1-10月累计, 2017年1-10月, 累计, 本月止累计) wins over the month's (本期)
// or an unqualified one (绝对值), and two of a kind are ambiguous, refused
// with both named; one of other months (1-9月累计 as of October) beside one
// of the table's is left out with a note. A year-to-date header with a year
// is the value only in the table's year; the year before's, to the same
// month, is the prior (上年同期) where no column is the prior; any other
// year or span is left out with a note. A target header may name its year
// too (2017年目标). The table's year may come from a period column, so the
// value is settled at the first row (settleValue).

// ytdHeader is a year-to-date value header as tables print it, the span
// (spanCore) and at most 止, 累计 and a unit after it: 1-10月累计,
// 2017年1-10月, 1月-10月, 1至9月累计(亿元), １－１０月累计, 1-10月止累计,
// 截至10月累计, 前三季度累计.
var ytdHeader = regexp.MustCompile(`^` + spanCore + `\s*止?\s*(?:累计)?\s*(?:[(（\[【][^)）\]】]*[)）\]】])?$`)

// ytdSpan is the year (0 when it names none) and the months a year-to-date
// header runs to; ok is false for any other header.
func ytdSpan(header string) (year, months int, ok bool) {
	return spanOf(ytdHeader, ytdHeader.FindStringSubmatch(width.Narrow.String(strings.TrimSpace(header))))
}

// moreCumulative are cumulative value headers beside ytdValueColumn's
// aliases, which name a column in errors: the year's figure to date.
var moreCumulative = []string{"本年累计", "本年止累计", "自年初累计"}

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
	if _, ok := targetYear(headerOf(in, cols.target)); ok && opts.cols[levelTargetColumn.Flag] == "" {
		cols.target = -1 // 全年目标（2016年）: a dated target, settled with the others
	}
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
		if slices.Contains(taken, i) {
			continue
		}
		if _, _, ok := ytdSpan(h); ok {
			cols.ytd = append(cols.ytd, i)
			taken = append(taken, i)
		} else if _, ok := targetYear(h); ok && cols.target < 0 {
			cols.datedTargets = append(cols.datedTargets, i)
			taken = append(taken, i)
		}
	}
	for _, name := range append(append([]string{ytdValueColumn.Key}, ytdValueColumn.Aliases...), moreCumulative...) {
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
	if cols.yoy < 0 {
		return cols, cols.findYoY(in, taken)
	}
	return cols, nil
}

func noValueColumn(in *input.Source) error {
	spec := ytdValueColumn
	spec.Aliases = append(slices.Clone(spec.Aliases), "1-N月累计")
	_, err := in.Find(spec, "")
	return err
}

// dated: a year-to-date or target header names a year, so that the value
// and the target cannot be chosen before the table's period is known.
func (cols *targetsCols) dated(in *input.Source) bool {
	return len(cols.datedTargets) > 0 || slices.ContainsFunc(cols.ytd, func(c int) bool {
		y, _, _ := ytdSpan(in.Header[c])
		return y != 0
	})
}

// settleValue chooses the value column for a table of period (a month of
// its year; zero, unknown yet, only when no header names a year), takes a
// year-to-date column of the year before as the prior where there is
// none, and the target of the table's year (2017年目标) where no column is
// the target. A column of another year, or of other months beside one of
// the table's, is left out (cols.other).
func (cols *targetsCols) settleValue(in *input.Source, opts targetsOptions, period calc.Period) error {
	year, month := int(period.Year), int(period.Sub)
	named := cols.value >= 0
	bothNamed := named && opts.cols[priorYearColumn.Flag] != ""
	current := slices.Clone(cols.cumulative)
	var offSpan []int // of the table's year, other months
	for _, c := range cols.ytd {
		y, m, _ := ytdSpan(in.Header[c])
		switch {
		case (y == 0 || y == year) && (month == 0 || m == month || named):
			current = append(current, c)
		case y == 0 || y == year:
			offSpan = append(offSpan, c)
		case bothNamed: // the user said which are the value and the prior
		case y == year-1 && m == month && cols.prior < 0:
			cols.prior = c
		case y == year-1 && m == month:
			return in.HeaderError(in.Header[c], fmt.Sprintf("is of %d, the year before the table's %d, and %q is the prior too: name the one to use with --prior-col", y, year, in.Header[cols.prior]))
		default: // 2019年1-10月 beside 2021's and 2020's, for a two-year average; 2016年1-12月
			cols.other = append(cols.other, c)
		}
	}
	// 1-9月累计 beside 1-10月累计 as of October is last month's: left out.
	// Alone (or beside 本期 only) it is kept, and refused for its months.
	if len(current) > 0 {
		cols.other = append(cols.other, offSpan...)
	} else {
		current = offSpan
	}
	if err := cols.settleTarget(in, year); err != nil {
		return err
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
	slices.Sort(cols.other)
	return nil
}

// leftOut says why column c is left out (settleValue) of a table of period.
func (cols *targetsCols) leftOut(in *input.Source, c int, period calc.Period) string {
	h := in.Header[c]
	if y, ok := targetYear(h); ok {
		return fmt.Sprintf("%s: a target of %d, not of the table's year, %d: left out", input.QuoteCell(h), y, period.Year)
	}
	y, m, _ := ytdSpan(h)
	if y != 0 && y != int(period.Year) && y != int(period.Year)-1 {
		return fmt.Sprintf("%s: of %d, neither the table's year, %d, nor the year before: left out", input.QuoteCell(h), y, period.Year)
	}
	return fmt.Sprintf("%s: 1-%d月, another span than the table's 1-%d月: left out", input.QuoteCell(h), m, period.Sub)
}

// checkValueSpan checks that the value's header, if it names a year or
// months, names those of period, the table's.
func (cols *targetsCols) checkValueSpan(in *input.Source, period calc.Period) error {
	year, month := int(period.Year), int(period.Sub)
	for _, c := range []struct {
		col        int
		role, flag string
	}{{cols.value, "the year to date that an annual target is measured by", ytdValueColumn.Flag},
		{cols.prior, "the year before's to the same month", priorYearColumn.Flag},
		{cols.yoy, "the growth of the year to date", givenYoYColumn.Flag}} {
		if err := checkOwnPeriod(in, c.col, c.role, c.flag); err != nil {
			return err
		}
	}
	if p, ok := namedPeriod(in.Header[cols.value]); ok {
		if says, _ := p.differs(year, month, false); says != "" {
			return in.HeaderError(in.Header[cols.value], fmt.Sprintf("%s, but the figures run to %s", says, period.SpanLabel(true)))
		}
	}
	// The prior is the same months of the year before: 上年同期（1-9月）,
	// （9月底） or （三季度） beside 1-10月 would give a growth of ten months
	// over nine, 上年同期（2015年） one over two years.
	if cols.prior < 0 {
		return nil
	}
	if p, ok := namedPeriod(in.Header[cols.prior]); ok {
		if says, _ := p.differs(year-1, month, true); says != "" {
			return in.HeaderError(in.Header[cols.prior], fmt.Sprintf("is the prior, so the same months of %d as the figures' %s, but it says otherwise", year-1, period.SpanLabel(true)))
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

// targetYearHeader is a level target's header that names its year:
// 2017年目标, 2017年全年目标, 2017年计划, 2017年度目标（亿元）.
var targetYearHeader = regexp.MustCompile(`^(\d{4})\s*年\s*(?:全年|年度|度)?\s*(?:目标|计划)(?:任务)?\s*(?:[(（\[【][^)）\]】]*[)）\]】])?$`)

// targetYear is the year a level target's header names; ok is false for
// any other header.
func targetYear(header string) (year int, ok bool) {
	m := targetYearHeader.FindStringSubmatch(width.Narrow.String(strings.TrimSpace(header)))
	if m != nil {
		year, _ = strconv.Atoi(m[1])
		return year, true
	}
	// 全年目标（2016年）, 目标（2016年）: the year in brackets.
	if p, ok := namedPeriod(header); ok && p.year != 0 && p.months == 0 && isLevelTarget(headerName(header)) {
		return p.year, true
	}
	return 0, false
}

// isLevelTarget is whether name is one of a level target's names.
func isLevelTarget(name string) bool {
	return name == levelTargetColumn.Key || slices.Contains(levelTargetColumn.Aliases, name)
}

// headerOf is column col's header, "" for -1 (none).
func headerOf(in *input.Source, col int) string {
	if col < 0 {
		return ""
	}
	return in.Header[col]
}

// settleTarget takes the target of the table's year where no column is
// named the target: 2017年目标 in a table of 2017; 2016年目标 beside it is
// left out (cols.other), two of 2017 are refused.
func (cols *targetsCols) settleTarget(in *input.Source, year int) error {
	var mine []int
	for _, c := range cols.datedTargets {
		if y, _ := targetYear(in.Header[c]); y == year {
			mine = append(mine, c)
		} else {
			cols.other = append(cols.other, c)
		}
	}
	switch {
	case len(mine) > 1:
		return in.HeaderError("", fmt.Sprintf("%s and %s could each be the annual target: name the one to use with --target-col", input.QuoteCell(in.Header[mine[0]]), input.QuoteCell(in.Header[mine[1]])))
	case len(mine) == 1:
		cols.target = mine[0]
	}
	return nil
}
