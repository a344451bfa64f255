package main

import (
	"strings"
)

// An intensity or a rate (单位GDP能耗 in 吨标准煤/万元, 城镇化率 in %) does
// not build up through the year as an amount does: 0.45 by October is the
// level, not ten twelfths of the year's. Its level target is met or not by
// the level itself, at or over it (at or under it where lower is better),
// never by completion against time progress.

// levelNames begin the name of an intensity whatever its unit: 单位GDP能耗,
// 万元GDP能耗, 每万人拥有….
var levelNames = []string{"单位", "万元", "每"}

// perHead units are amounts per person or household (元/人): a per-capita
// income to date builds up through the year as its total does.
var perHead = []string{"/人", "/户", "/每人", "/每户"}

// notCumulative reports an indicator whose figure is a level at any time
// of the year, not an amount to date: a unit of a rate or a ratio
// (isRateUnit: /, %, ‰) that is not per head, or a name of a level in
// percent (城镇化率, 恩格尔系数, 比重: percentLevelEnds) or of an intensity
// (levelNames).
func notCumulative(r targetRow) bool {
	unit := strings.ReplaceAll(r.unit, "／", "/")
	if isRateUnit(unit) && !containsAny(unit, perHead) {
		return true
	}
	if strings.HasPrefix(r.indicator, "人均") || strings.HasPrefix(r.indicator, "户均") {
		return false
	}
	for _, w := range levelNames {
		if strings.HasPrefix(r.indicator, w) {
			return true
		}
	}
	return namesPercentLevel(r.indicator)
}

// levelStatus judges a level target of an indicator that is notCumulative:
// "met" at or beyond it (at or under it where lower is better), else
// "below".
func levelStatus(r targetRow) string {
	c := r.value.V.Cmp(r.target.V)
	if r.lowerBetter {
		c = -c
	}
	if c >= 0 {
		return "met"
	}
	return "below"
}
