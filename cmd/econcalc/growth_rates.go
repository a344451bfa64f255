package main

import (
	"slices"
	"strings"
	"unicode"

	"econcalc/calc"
	"econcalc/cmd/internal/input"
)

// growthRateWords are the words that make a column name a published growth
// rate (namesGrowth): the one list growth reads rates by, for its series
// and for its columns of last year's figures (saysPriorYear).
var growthRateWords = []string{"同比", "环比", "增速", "增幅", "增长", "发展速度", "增减", "涨幅", "跌幅", "降幅", "±",
	"比上年", "较上年", "y/y", "y-o-y"}

// rankWords make a column name a rank (位次), never a level, whatever its
// unit: its figures are places, not amounts.
var rankWords = []string{"名次", "位次", "排名", "排位"}

// percentLevelEnds end the name of a level in percent (城镇化率,
// 恩格尔系数, 研发经费占GDP比重, 城镇化水平, 市场份额, 外贸依存度,
// 三产结构), which a header in % may carry: its change is the 提高 1.4
// 个百分点 reports quote. 度 ends rates too (增长幅度, 发展速度): those
// name growth, which is read first.
var percentLevelEnds = []string{"率", "系数", "比重", "占比", "比例", "强度", "水平", "份额", "度", "结构"}

// measureUnits are units of physical amounts (产量（万吨）): a header in one,
// as in a unit of money or a count, is a level whatever words its name
// holds.
var measureUnits = []string{"吨", "吨标准煤", "标准煤", "立方米", "平方米", "公里", "千米", "米", "千克", "公斤", "亩", "公顷", "千瓦", "千瓦时", "度"}

// isRateColumn: a column of published growth rates (or ranks), not of
// levels. A header in 百分点 is a change (比上年提高); one in % (（%）, ％,
// ‰) is a rate whatever its name, unless the name is that of a level in
// percent (城镇化率（%）, 市场份额（%）). Otherwise a level's name ends in
// 数, 量, 额 or 值 (高增长企业数, 增长额, 排名前十企业产值), whatever words
// come before, and a header in a unit of amount or count (同比增长（亿元）,
// 高增长企业数（个）, 产量（万吨）) is a level: else a rank's name (rankWords)
// or a rate's (namesGrowth) says what it is.
func isRateColumn(in *input.Source, col int) bool {
	name := headerName(in.Header[col]) // 同比增长（亿元） is named 同比增长
	_, unit := rateHeader(in.Header[col])
	unit = percentUnit(unit)
	switch {
	case unit == "百分点" || unit == "个百分点" || strings.EqualFold(unit, "pp"):
		return true // a change (比上年提高), not a level
	case unit == "%" || unit == "‰" || strings.ContainsAny(in.Header[col], "%％‰"):
		return namesRank(name) || namesGrowth(name) || !namesPercentLevel(name)
	case namesLevel(name):
		return false
	case namesRank(name):
		return true
	case isAmountUnit(unit):
		return false
	}
	return namesGrowth(name)
}

// plainlyRate: a column isRateColumn leaves out that --value-col cannot
// make a level: a rank, a change in points, or a name that says growth
// (同比增长（%）). A header in % whose name says neither a rate nor a level
// in percent (增加值（%）) is read as a level when --value-col names it.
func plainlyRate(in *input.Source, col int) bool {
	name := headerName(in.Header[col])
	_, unit := rateHeader(in.Header[col])
	unit = percentUnit(unit)
	return namesRank(name) || namesGrowth(name) || unit == "百分点" || unit == "个百分点" || strings.EqualFold(unit, "pp")
}

// namesLevel: a name ends as a level's does (levelEnds).
func namesLevel(name string) bool {
	for _, end := range levelEnds {
		if strings.HasSuffix(name, end) {
			return true
		}
	}
	return false
}

// isAmountUnit: a unit of money, people, households, energy (calc.IsUnit),
// of a count or of a physical amount, 万 or 亿 of one too.
func isAmountUnit(unit string) bool {
	return calc.IsUnit(unit) || isCountUnit(unit) || slices.Contains(measureUnits, strings.TrimLeft(unit, "万亿"))
}

// namesGrowth: a column name (without its unit) says it is a growth rate
// (growthRateWords); growth, yoy, pct as words (not rate, which names
// levels too: urbanization rate).
func namesGrowth(name string) bool {
	if namesLevel(name) {
		return false // 高增长企业数, 增长额: a level whose name holds a rate word
	}
	for _, word := range growthRateWords {
		if strings.Contains(name, word) {
			return true
		}
	}
	for _, word := range strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) || r > unicode.MaxASCII }) {
		switch word {
		case "growth", "yoy", "pct":
			return true
		}
	}
	return false
}

// rateOrRank says what a column isRateColumn leaves out is: a rank or a
// growth rate.
func rateOrRank(header string) string {
	if namesRank(headerName(header)) {
		return "a rank"
	}
	return "a growth rate"
}

// namesRank: a column name says its figures are ranks (rankWords).
func namesRank(name string) bool {
	for _, word := range rankWords {
		if strings.Contains(name, word) {
			return true
		}
	}
	return false
}

// namesPercentLevel: a column name is that of a level in percent
// (percentLevelEnds), not of a growth rate.
func namesPercentLevel(name string) bool {
	for _, end := range percentLevelEnds {
		if strings.HasSuffix(name, end) && (end != "度" || !namesGrowth(name)) {
			return true
		}
	}
	return false
}

// countUnits are units of a count (企业数（个）, 从业人员（万人）): a header
// in one is a level, and no amount a 单位 column of 元 could give the unit
// of. 万 or 亿 before one is a multiple of it.
var countUnits = []string{"个", "家", "户", "人", "名", "项", "处", "所", "座", "辆", "台", "件", "次"}

// levelEnds end the name of a level, whatever rate words come before
// (高增长企业数, 增加值, 产量, 增长额): 数 a count (but 指数, an index).
var levelEnds = []string{"数", "量", "额", "值"}

// isCountUnit: a header's unit is that of a count (countUnits).
func isCountUnit(unit string) bool {
	unit = strings.TrimLeft(unit, "十百千万亿")
	return slices.Contains(countUnits, unit)
}

// notAnAmount says what a value column is when its header says it is no
// amount (an index, a count, a level in percent), or "" for an amount.
func notAnAmount(in *input.Source, col int) string {
	name := headerName(in.Header[col])
	_, unit := rateHeader(in.Header[col])
	switch unit = percentUnit(unit); {
	case strings.Contains(name, "指数"):
		return "an index"
	case unit == "%" || unit == "‰":
		return "in " + unit
	case isCountUnit(in.HeaderUnit(col)) || strings.HasSuffix(name, "数") && in.HeaderUnit(col) == "":
		return "a count"
	}
	return ""
}

// isRateCell: a 单位 cell (or a header's unit) says its figures are
// rates: %, ‰, or a change in 百分点.
func isRateCell(unit string) bool {
	switch u := percentUnit(strings.TrimSpace(unit)); {
	case u == "%" || u == "‰":
		return true
	case u == "百分点" || u == "个百分点" || strings.EqualFold(u, "pp"):
		return true
	}
	return false
}

// rateCells parts a 单位 column's units into rates (isRateCell) and the
// rest.
func rateCells(cells []string) (rates, others []string) {
	for _, cell := range cells {
		if isRateCell(cell) {
			rates = append(rates, cell)
		} else {
			others = append(others, cell)
		}
	}
	return rates, others
}
