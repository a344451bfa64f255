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

// unitListSeps part a 单位 cell that lists the value's unit and the
// growth's (亿元、%, 万元；%). A space is none: it stands around a '/' (元 /
// 平方米, 吨标准煤 / 万元) or inside a unit (万 元), and is taken out.
const unitListSeps = "、；;，,"

// valueUnit is the unit of an indicator's value in its 单位 cell: the
// first of a list (亿元 in 亿元、%, 亿元/%, 万元；%), else the cell, spaces
// taken out. A '/' beside a percent sign lists two units, as 、 does: a
// percent is a pure number, and no table gives an amount per percent. A
// '/' between two units of measure (吨标准煤/万元, 元 / 人) is a ratio and
// stays whole.
func valueUnit(cell string) string {
	unit := strings.TrimSpace(strings.ReplaceAll(cell, "／", "/"))
	if i := strings.IndexAny(unit, unitListSeps); i > 0 {
		unit = unit[:i]
	}
	unit = strings.Join(strings.Fields(unit), "")
	if first, second, ok := strings.Cut(unit, "/"); ok && first != "" && (isPercentSign(first) || isPercentSign(second)) {
		return first
	}
	return unit
}

// isValueRate: a value's unit (valueUnit) is a rate or a ratio: %, ‰,
// 百分点, or a unit per another (吨标准煤/万元, 元/人).
func isValueRate(unit string) bool { return isPercentSign(unit) || isRateUnit(unit) }

// isPercentSign: a unit that is a share, not a unit of measure.
func isPercentSign(unit string) bool {
	switch unit {
	case "%", "％", "‰", "百分点", "个百分点":
		return true
	}
	return false
}

// notCumulative reports an indicator whose figure is a level at any time
// of the year, not an amount to date. The unit of its value (valueUnit)
// decides first: a rate or a ratio (isRateUnit: %, ‰, 吨标准煤/万元) that is
// not per head is a level; a unit of money or of a count (元, 亿元, 个) is
// an amount whatever the name (新增贷款额度, 居民消费水平, 单位数), unless
// the name says per in words (每万人拥有医生数 in 人); a unit of measure is
// an amount unless the name is that of an intensity (万元GDP能耗 in
// 吨标准煤: levelNames). With no unit the name decides: an intensity
// (levelNames) or a level in percent (城镇化率, 恩格尔系数, 比重:
// percentLevelEnds).
func notCumulative(r targetRow) bool {
	unit := valueUnit(r.unit)
	if isValueRate(unit) {
		return !containsAny(unit, perHead)
	}
	if strings.HasPrefix(r.indicator, "人均") || strings.HasPrefix(r.indicator, "户均") {
		return false
	}
	switch {
	case unit == "":
		return namesIntensity(r.indicator) || namesPercentLevel(r.indicator)
	case strings.HasPrefix(r.indicator, "每"):
		return true
	case isMoneyOrCount(unit):
		return false
	}
	return namesIntensity(r.indicator)
}

// namesIntensity: a name begins as an intensity's does (levelNames).
func namesIntensity(name string) bool {
	for _, w := range levelNames {
		if strings.HasPrefix(name, w) {
			return true
		}
	}
	return false
}

// isMoneyOrCount: a unit of money, people or households (calc.IsUnit), or
// of a count (个, 家, 万人).
func isMoneyOrCount(unit string) bool {
	return isAmountUnit(unit) && !isMeasureUnit(unit)
}

// isMeasureUnit: a unit of a physical amount (吨标准煤, 万立方米).
func isMeasureUnit(unit string) bool {
	trimmed := strings.TrimLeft(unit, "万亿")
	for _, m := range measureUnits {
		if trimmed == m {
			return true
		}
	}
	return false
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
