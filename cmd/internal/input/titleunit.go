package input

import (
	"iter"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"econcalc/calc"
)

// unitWords may come before 单位 in a line that gives the unit (金额单位：万元,
// 表1单位：万元 when a title's two lines were joined); any other Chinese word
// makes it an organisation (填报单位, 建设单位).
var unitWords = []string{"金额", "计量", "货币", "数量", "表"}

// unitMarks stand between 单位 and the unit it gives, as sheets write it:
// a colon of any width (单位：万元, 单位∶万元, 单位︰万元), a space, a dash
// (单位——万元), a slash, 为 or 是 (单位为万元, 单位是：万元), and the
// bracket that opens 单位（万元） or 单位：【万元】.
const unitMarks = " \u3000\t:：∶︰﹕꞉-－—–―─~～/／为是" + unitOpens

const (
	unitOpens  = "(（[［【〔〖「『{<〈《"
	unitCloses = ")）]］】〕〗」』}>〉》"
)

// otherUnits are units a title may give that econcalc does not convert
// and that are no amount of money: 单位：个, 单位：%, beside 万元 in a list.
var otherUnits = []string{"%", "％", "‰", "个", "项", "家", "所", "座", "处", "吨", "万吨", "亩", "万亩",
	"公顷", "平方米", "万平方米", "平方公里", "公里", "千米", "米", "公斤", "千克", "万千克", "人次", "万人次",
	"辆", "头", "只", "台", "套", "间", "张", "倍", "次", "天", "年", "月"}

// notUnits follow 单位 where it names an organisation, not a unit:
// 单位（盖章）, 单位：石门乡人民政府.
var notUnits = []string{"盖章", "公章", "签章", "签字", "名称", "负责人"}

// orgEnds end an organisation's name (单位：罗建村, 单位：县扶贫办).
var orgEnds = []string{"村", "乡", "镇", "县", "市", "区", "局", "办", "委", "会", "司", "院", "站", "室", "处", "科", "厂", "中心", "政府", "街道", "社区"}

// unitsUnderstood says, in an error, which units a title may give.
const unitsUnderstood = "元, 人, 户 or 千瓦时, with 十, 百, 千, 万 or 亿 before them (万元, 亿元, 万人) and perhaps /人 or /户 after (万元/人), " +
	"in a list with counts (单位：户、人、万元), and 个, 吨, % and such, which are no money"

// titleUnit is the unit a title cell gives after 单位 (单位：万元, （单位：万元）,
// 单位（亿元）, 单位为万元, 单位：万元整, 单位：户、人、元), or "" when it
// gives none econcalc converts; ok is false when it names a unit econcalc
// cannot read (单位：千美元, 单位：万元、亿元), which is then said.
func titleUnit(cell string) (unit, said string, ok bool) {
	return titleUnitBeside(cell, "")
}

// titleUnitBeside is titleUnit for a cell whose 单位： ends it, its unit
// in the cell beside it (next): 单位： | 万元.
func titleUnitBeside(cell, next string) (unit, said string, ok bool) {
	ok = true
	for after, value := range unitValues(cell, next) {
		if u, good := listedUnit(value); !good {
			unit, said, ok = "", "单位"+after, false
		} else if u != "" {
			return u, "", true
		}
	}
	return unit, said, ok
}

// unitValues yields, for each 单位 in cell that gives a unit, the text
// after the word (after) and the unit's text from its marks on (value):
// the next cell's when 单位： ends the cell (单位： | 万元). 填报单位 and
// 单位名称, 单位负责人 give none.
func unitValues(cell, next string) iter.Seq2[string, string] {
	return func(yield func(after, value string) bool) {
		for rest := cell; ; {
			i := strings.Index(rest, "单位")
			if i < 0 {
				return
			}
			head, after := rest[:i], rest[i+len("单位"):]
			rest = after
			if r, _ := utf8.DecodeLastRuneInString(head); i > 0 && unicode.Is(unicode.Han, r) && !hasAnySuffix(head, unitWords) {
				continue // 填报单位
			}
			value := strings.TrimLeft(after, unitMarks)
			if len(value) == len(after) && after != "" {
				continue // 单位名称, 单位负责人
			}
			if value == "" {
				value = strings.TrimLeft(strings.TrimSpace(next), unitMarks)
			}
			if !yield(after, value) {
				return
			}
		}
	}
}

// listedUnit is the unit of the amounts a title line lists after 单位：,
// up to a bracket or a word that is no unit: the one unit given (万元), or
// the one of 元 among several (单位：户、人、元, 单位：万元，人, 单位：户 人 万元
// give the amounts in 元 and 万元), or "" when it gives no unit econcalc
// converts, or none at all. ok is false when what it gives is no unit
// econcalc knows, or more than one of money (单位：万元、亿元).
func listedUnit(list string) (unit string, ok bool) {
	if end := strings.IndexAny(list, unitOpens+unitCloses); end >= 0 {
		list = list[:end] // 单位：万元（人民币）, （单位：万元）
	}
	if list = strings.TrimSpace(list); list == "" || hasAnyPrefix(list, notUnits) {
		return "", true
	}
	var units []string
	words := strings.Fields(list)
	for i := 0; i < len(words); i++ {
		w := words[i]
		if i+1 < len(words) && isUnitPower(w) {
			w, i = w+words[i+1], i+1 // 单位：亿 元, a unit spaced out as a centred cell is typed
		}
		got, known := unitsOf(w)
		if !known {
			if units == nil {
				return "", hasAnySuffix(w, orgEnds) // 单位：罗建村 names who reported
			}
			break // what follows a unit (单位：元  填报日期：…) is no part of it
		}
		units = append(units, got...)
	}
	var money []string
	for _, u := range units {
		if calc.IsUnit(u) && calc.UnitBase(u) == "元" && !slices.Contains(money, u) {
			money = append(money, u)
		}
	}
	switch {
	case len(units) == 1 && calc.IsUnit(units[0]):
		return units[0], true
	case len(money) == 1:
		return money[0], true
	}
	return "", len(money) == 0
}

// unitsOf reads the units of a word of a list (户、人、元, 万元整,
// 人民币万元); known is false when one is no unit econcalc knows.
func unitsOf(word string) (units []string, known bool) {
	for _, u := range strings.FieldsFunc(word, unitEnd) {
		u = strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(u, "人民币"), "整"), "人民币")
		if !calc.IsUnit(u) && !slices.Contains(otherUnits, u) {
			return nil, false
		}
		units = append(units, u)
	}
	return units, len(units) > 0
}

// isUnitPower: 万 or 亿 alone, before the base a centred cell spaces out.
func isUnitPower(w string) bool {
	return calc.IsUnit(w+"元") && !calc.IsUnit(w)
}

// unitEnd ends the unit of a title line: a space or a mark.
func unitEnd(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune(",，、;；", r)
}

func hasAnySuffix(s string, suffixes []string) bool {
	return slices.ContainsFunc(suffixes, func(x string) bool { return strings.HasSuffix(s, x) })
}

func hasAnyPrefix(s string, prefixes []string) bool {
	return slices.ContainsFunc(prefixes, func(x string) bool { return strings.HasPrefix(s, x) })
}
