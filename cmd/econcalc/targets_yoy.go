package main

import (
	"fmt"
	"slices"
	"strings"

	"econcalc/cmd/internal/input"
)

// Tables name their growth column in more ways than givenYoYColumn's
// aliases: 同比增减(%), 增长(%), 比上年增(%), 累计增长(%), 增长幅度(%),
// 比上年同期±%, ±%. Where no alias names one, a column is the growth when
// its name says it is a growth rate by growth's one list (namesGrowth,
// growthRateWords) and isRateColumn reads it as one, as growth does; a
// change in points (比上年提高(百分点)), month on month (环比), a growth
// target, last year's growth or a month's own is not. Two such are refused.
// Every column left unread is named in a note (passedOver).

// yoyCandidate says why column c, of a growth rate's name, is not this
// year's growth to date: "" when it is one, what it is when it is not a
// growth rate at all (notGrowth).
func yoyCandidate(in *input.Source, c int) (why string) {
	h := in.Header[c]
	name, unit := rateHeader(h)
	if !namesGrowth(name) || namesRank(name) || !isRateColumn(in, c) {
		return notGrowth
	}
	switch unit = percentUnit(unit); {
	case unit == "百分点" || unit == "个百分点" || strings.EqualFold(unit, "pp"):
		return "a change in points, not a growth rate"
	case strings.Contains(name, "环比"):
		return "growth on the month before (环比), not on last year"
	case containsAny(name, []string{"目标", "预期", "计划", "任务"}):
		return "a growth target (name it with --target-pct-col)"
	case ownFigures(h) != "":
		return "one month's or one quarter's own growth, not the year to date's"
	}
	rest := name
	for _, w := range []string{"比上年", "较上年", "比去年", "较去年", "同比"} {
		rest = strings.ReplaceAll(rest, w, "")
	}
	if lastYearWord(rest) != "" {
		return "last year's growth"
	}
	return ""
}

// notGrowth: yoyCandidate's column does not name a growth rate.
const notGrowth = "-"

// findYoY takes the one column of a growth rate's name (yoyCandidate)
// among those not taken as the growth where no alias names one.
func (cols *targetsCols) findYoY(in *input.Source, taken []int) error {
	var found []int
	for c := range in.Header {
		if !slices.Contains(taken, c) && yoyCandidate(in, c) == "" {
			found = append(found, c)
		}
	}
	switch len(found) {
	case 0:
		return nil
	case 1:
		cols.yoy = found[0]
		return nil
	}
	return in.HeaderError("", fmt.Sprintf("%s and %s could each be the growth rate: name the one to use with --yoy-col", input.QuoteCell(in.Header[found[0]]), input.QuoteCell(in.Header[found[1]])))
}

// unreadNames are headers of columns that hold no figures to read: a note
// is not needed for them.
var unreadNames = []string{"序号", "编号", "备注", "说明", "注", "附注"}

// passedOver says, for each column read as nothing (and not left out with
// a note of its own, cols.other), what it is and that it is not read.
func (cols *targetsCols) passedOver(in *input.Source) []string {
	used := []int{cols.indicator, cols.unit, cols.target, cols.targetPct, cols.value, cols.prior, cols.yoy, cols.period, cols.group}
	used = append(used, cols.other...)
	var notes []string
	for c, h := range in.Header {
		name := headerName(h)
		if slices.Contains(used, c) || name == "" || slices.Contains(unreadNames, name) {
			continue
		}
		q := input.QuoteCell(h)
		switch why := yoyCandidate(in, c); {
		case namesRank(name):
			notes = append(notes, q+": a rank, not read")
		case why == "":
			notes = append(notes, fmt.Sprintf("%s: a growth rate, not read: the growth is %s", q, input.QuoteCell(headerOf(in, cols.yoy))))
		case why != notGrowth:
			notes = append(notes, fmt.Sprintf("%s: %s, not read", q, why))
		case ownFigures(h) != "":
			notes = append(notes, q+": one month's or one quarter's own figures, not read")
		case cols.value >= 0 && (slices.Contains(cols.cumulative, c) || slices.Contains(cols.plain, c) || slices.Contains(cols.ytd, c)):
			notes = append(notes, fmt.Sprintf("%s: not read: the year-to-date value is %s", q, input.QuoteCell(in.Header[cols.value])))
		default:
			notes = append(notes, q+": not read")
		}
	}
	return notes
}
