package calc

import (
	"fmt"
	"strings"
)

// Units of measure, as headers write them: 绝对值(亿元), 累计完成（万元）,
// 户籍人口（万人）. A figure worked out from two columns (a completion rate,
// a growth rate on a prior year, an income against a line in 元) must have
// both in one unit, so a unit is a base (元, 人, 户) and a power of ten
// (万 is 10^4, 亿 10^8), and amounts move between units of one base by a
// shift of the decimal point: exact.

// unitPowers are the multipliers written before a base, longest first.
var unitPowers = []struct {
	prefix string
	exp    int32
}{
	{"十万", 5}, {"百万", 6}, {"千万", 7}, {"十亿", 9}, {"百亿", 10}, {"千亿", 11}, {"万亿", 12},
	{"十", 1}, {"百", 2}, {"千", 3}, {"万", 4}, {"亿", 8},
}

// kilowattHours writes kWh and 度 as 千瓦时, the unit they are.
var kilowattHours = strings.NewReplacer("kWh", "千瓦时", "KWh", "千瓦时", "kwh", "千瓦时", "KWH", "千瓦时", "度", "千瓦时")

// unitBases are the bases whose multiples econcalc knows.
var unitBases = []string{"元", "人", "户", "千瓦时"}

// parseUnit reads a unit as a base and a power of ten: 万元 is 元 × 10^4;
// 万元/人 is 元/人 × 10^4 (only what comes before the slash is scaled). ok
// is false for a unit that is no known multiple of a known base.
func parseUnit(unit string) (base string, exp int32, ok bool) {
	num, per, _ := strings.Cut(kilowattHours.Replace(unit), "/")
	per = kilowattHours.Replace(per)
	switch num { // 分 and 角, a hundredth and a tenth of 元: a tariff per 千瓦时
	case "分":
		return unitWithPer("元", per, unit), -2, true
	case "角":
		return unitWithPer("元", per, unit), -1, true
	}
	for _, b := range unitBases {
		head, found := strings.CutSuffix(num, b)
		if !found {
			continue
		}
		if head == "" {
			return unitWithPer(b, per, unit), 0, true
		}
		for _, p := range unitPowers {
			if head == p.prefix {
				return unitWithPer(b, per, unit), p.exp, true
			}
		}
	}
	return "", 0, false
}

// noteMarks are what make bracketed text after a header a note, not a
// unit: 累计完成（含续建）, 上年同期（调整后）, 产值（2017年）, （预计）, and a
// plan's or the actual figure's word: 脱贫人数（计划）, （目标）, （任务）, （实际）.
// 累计 says the figures are running totals, 现价 or 可比价 how they are
// priced: 脱贫人数（累计）, 产值（现价）.
var noteMarks = []string{"计划", "目标", "任务", "实际", "含", "预计", "预期", "预测", "调整", "规上", "规模", "年", "月", "季度", "底", "估", "测算", "初步", "口径", "税", "注",
	"累计", "累积", "可比价", "现价", "不变价"}

// IsNote reports whether text in brackets after a header is a note about
// the figures rather than their unit: it has a digit, or a word no unit
// has (noteMarks), and no 元 or slash, which only units have.
func IsNote(text string) bool {
	if strings.ContainsAny(text, "元/") {
		return false // a unit, known or not: 元/人·年
	}
	if strings.ContainsAny(text, "0123456789０１２３４５６７８９") {
		return true
	}
	for _, m := range noteMarks {
		if strings.Contains(text, m) {
			return true
		}
	}
	return false
}

// bracketSeparators cut what a header's brackets hold into its parts:
// 2017年，亿元; 当年、万人; 含续建; 万元.
var bracketSeparators = "，,、､；;"

// BracketUnit reads what the brackets at the end of a header hold (all of
// them, joined by "，": 万元，现价 for 工资性收入（万元）（现价）), one part at a
// time (parts are cut by ，,、；; or spaces): a part that is a note (IsNote:
// 2017年, 当年, 计划, 累计, 含税) says something of the figures, any other is
// their unit. 亿元 in （2017年，亿元）, 万人 in （当年，万人） and （累计 万人）,
// "" in （计划） or （2017年，含续建）. Spaces inside a unit are taken out (万 元
// is 万元). A part that is no unit econcalc recognises (recognised: 全市,
// 全县, 现行价) beside one that is, is a note too: 亿元 in （亿元，全市）; a
// part with 元 or a slash is a unit all the same (千美元). ok is false when
// two parts are each a unit (（万元，亿元）, （万元）（亿元）, （千美元，亿元））:
// unit is then those parts, joined by "，", and which of them the figures
// are in is not for econcalc to guess. With no such unit, the parts that
// are no note are the unit, as written (吨 in （吨，2017年））, for the
// command to take or refuse.
func BracketUnit(text string) (unit string, ok bool) {
	var parts, known []string
	for _, chunk := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune(bracketSeparators, r) }) {
		words := strings.Fields(chunk)
		whole := strings.Join(words, "")
		if whole == "" || IsNote(whole) {
			continue
		}
		for _, u := range spacedUnits(words) {
			parts = append(parts, u)
			if recognised(u) || strings.ContainsAny(u, "元/") {
				known = append(known, u)
			}
		}
	}
	switch {
	case len(known) == 1:
		return known[0], true
	case len(known) > 1:
		return strings.Join(known, "，"), false
	}
	return strings.Join(parts, "，"), true
}

// recognised: a unit econcalc converts (IsUnit: 万元, 万人, 元/人) or a share
// (%, ‰, 百分点): a unit, not a word of scope or price beside it.
func recognised(unit string) bool {
	switch unit {
	case "%", "％", "‰", "百分点", "个百分点":
		return true
	}
	return IsUnit(unit)
}

// spacedUnits are the units in words a space cut apart, notes left out: 万元
// in 2017年 万元, 万元 in 万 元 (one unit spaced out), 万元 and 亿元 in 万元 亿元,
// 万元 and 全县 in 万元 全县 (for BracketUnit to take 全县 for a note), and
// 吨标准煤/万元 in 吨标准煤 / 万元 (no word a recognised unit on its own).
func spacedUnits(words []string) []string {
	var units []string
	spaced := 0 // words that are each a unit econcalc recognises
	for _, w := range words {
		if !IsNote(w) {
			units = append(units, w)
			if recognised(w) {
				spaced++
			}
		}
	}
	if joined := strings.Join(units, ""); len(units) > 1 && (spaced == 0 || recognised(joined) || strings.Contains(joined, "/")) {
		return []string{joined} // 万 元, 元 / 人, 吨标准煤 / 万元: one unit, a ratio
	}
	return units
}

// UnitBase is the base of a unit econcalc converts (元 for 万元, 元/人 for
// 万元/人), or "".
func UnitBase(unit string) string {
	base, _, _ := parseUnit(unit)
	return base
}

// IsUnit reports whether unit is one econcalc converts: a multiple of 元,
// 人, 户 or 千瓦时, perhaps per something (万元/人).
func IsUnit(unit string) bool {
	_, _, ok := parseUnit(unit)
	return ok
}

// UnitSuffix is a multiple of a unit (万元, 亿元, 万人 …) that text ends
// with, or "": a header that gives its unit outside brackets (工资性收入万元,
// 工资性收入 万元, 工资性收入/万元), which econcalc does not take for its unit.
func UnitSuffix(text string) string {
	for _, per := range []string{"/人", "/户"} { // 纯收入万元/人
		if t, ok := strings.CutSuffix(text, per); ok {
			if u := UnitSuffix(t); u != "" {
				return u + per
			}
		}
	}
	for _, p := range unitPowers {
		for _, b := range unitBases {
			if u := p.prefix + b; strings.HasSuffix(text, u) && len(text) > len(u) {
				return u
			}
		}
	}
	return ""
}

func unitWithPer(base, per, unit string) string {
	if strings.Contains(unit, "/") {
		return base + "/" + per
	}
	return base
}

// UnitError says why amounts in some columns cannot be brought to one unit;
// Column is the index, in the list given to UnitScales, of the column it
// names first.
type UnitError struct {
	Column int
	Msg    string
}

func (e *UnitError) Error() string { return e.Msg }

// UnitScales says how to bring amounts in columns named names, whose
// headers give units (each "" when a header gives none), to one unit: to,
// when it is not "", else the finest of them. It returns that unit and, for
// each column, the power of ten to shift its amounts by.
//
// Columns that give no unit, or all the same one, need nothing (an empty
// unit is taken for the others': a sheet's 单位：万元 above the header
// serves every column), unless that one is not to. Otherwise every column
// must give a unit, and all must be multiples of one base: anything else
// is an error, for a figure worked out across units that were not
// converted is wrong by a power of ten.
func UnitScales(names, units []string, to string) (unit string, exps []int32, err error) {
	exps = make([]int32, len(units))
	given := -1
	same := true
	for i, u := range units {
		if u == "" {
			continue
		}
		if given >= 0 && u != units[given] {
			same = false
		}
		if given < 0 {
			given = i
		}
	}
	if given < 0 || same && (to == "" || units[given] == to) {
		if given < 0 {
			return to, exps, nil
		}
		return units[given], exps, nil
	}
	base, finest, ok := parseUnit(units[given])
	if !ok {
		return "", nil, unknownUnit(names, units, given, to)
	}
	unit = units[given]
	for i, u := range units {
		if u == "" {
			continue
		}
		b, e, ok := parseUnit(u)
		if !ok {
			return "", nil, unknownUnit(names, units, i, to)
		}
		if b != base {
			return "", nil, &UnitError{i, fmt.Sprintf("is in %s, and %q in %s: amounts in different units cannot be worked out together", u, names[given], units[given])}
		}
		if e < finest {
			finest, unit = e, u
		}
	}
	if to != "" {
		b, e, ok := parseUnit(to)
		if !ok || b != base {
			return "", nil, &UnitError{given, fmt.Sprintf("is in %s, where econcalc works in %s", units[given], to)}
		}
		finest, unit = e, to
	}
	for i, u := range units {
		if u == "" {
			return "", nil, &UnitError{i, fmt.Sprintf("gives no unit, where %q is in %s: write the unit in every header (万元, 亿元 …), so that econcalc can convert", names[given], units[given])}
		}
	}
	for i, u := range units {
		_, e, _ := parseUnit(u)
		exps[i] = e - finest
	}
	return unit, exps, nil
}

func unknownUnit(names, units []string, i int, to string) *UnitError {
	other := ""
	for j, u := range units {
		if u != "" && u != units[i] {
			other = fmt.Sprintf(", and %q in %s", names[j], u)
			break
		}
	}
	if other == "" && to != "" {
		other = fmt.Sprintf(", where econcalc works in %s", to)
	}
	return &UnitError{i, fmt.Sprintf("is in %s%s: econcalc converts only between multiples of 元, 人, 户 or 千瓦时 (万元, 亿元, 万人, 万千瓦时 …); give the columns one unit", units[i], other)}
}
