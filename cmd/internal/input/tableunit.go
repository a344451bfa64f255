package input

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"econcalc/calc"
)

// tableUnit is the unit a sheet gives every figure in a line above its
// header (单位：万元), which --skip passes over: a column whose header gives
// no unit of its own is in it (Source.Unit). Only a unit econcalc converts
// (calc.IsUnit) is taken, and only after a 单位 that names a unit:
// 填报单位：经开区 names who reported.
//
// Files read together must agree: a file in 亿元 read after one that gives
// no unit, or another, would be read in the first file's. A file that gives
// no unit above its header agrees when its header gives the other's in
// brackets (工资性收入（元） beside 单位：元): the unit is then said once, where
// the columns read it.
type tableUnit struct {
	unit      string   // the first file's
	first     string   // the first file, once its lines are read
	headUnits []string // the units the first file's header gives
	now       string   // what the lines above the header of the file last opened give
	file      string
	inFile    string // what the lines of the file being opened give
}

// read looks for the unit in the cells of a line passed over.
func (t *tableUnit) read(cells []string, file string) {
	if t.file != file {
		t.file, t.inFile = file, ""
	}
	for _, cell := range cells {
		if u := titleUnit(cell); u != "" && t.inFile == "" {
			t.inFile = u
		}
	}
}

// done is called below the lines passed over of each file opened, with its
// header: the first file's unit is the table's, and every other file must
// give it too, above its header or in it.
func (t *tableUnit) done(file string, line int, header []string) error {
	got := ""
	if t.file == file {
		got = t.inFile
	}
	t.file, t.inFile, t.now = "", "", got
	units := headerUnits(header)
	if t.first == "" || t.first == file {
		// The first file, or the first again: its header may have been
		// split on another delimiter before (detectDelimiter).
		t.unit, t.first, t.headUnits = got, file, units
		return nil
	}
	switch {
	case got == t.unit, got == "" && slices.Contains(units, t.unit), t.unit == "" && slices.Contains(t.headUnits, got):
		return nil
	}
	say := func(u string) string {
		if u == "" {
			return "no unit"
		}
		return "单位：" + u
	}
	msg := fmt.Sprintf("gives %s above its header, the first file %s", say(got), say(t.unit))
	if got == "" && len(units) > 0 {
		msg = fmt.Sprintf("gives no unit above its header, %s in it, the first file %s", strings.Join(units, "、"), say(t.unit))
	}
	return &DataError{File: file, Line: line, Msg: msg + ": files read together must give one unit"}
}

// headerUnits are the units econcalc converts that a header's cells give
// in brackets.
func headerUnits(header []string) []string {
	var units []string
	for _, name := range header {
		if u := headerUnit(name); calc.IsUnit(u) && !slices.Contains(units, u) {
			units = append(units, u)
		}
	}
	return units
}

// sameColumn reports whether a later file's header cell names the first
// file's column: the same name, or the same with the unit said in one file
// above the header and in the other in brackets (工资性收入 under 单位：元,
// 工资性收入（元）), as done lets them.
func (t *tableUnit) sameColumn(first, other string) bool {
	if strings.EqualFold(first, other) {
		return true
	}
	a, _ := splitUnit(first)
	b, _ := splitUnit(other)
	ua, ub := headerUnit(first), headerUnit(other)
	if ua == "" {
		ua = t.unit
	}
	if ub == "" {
		ub = t.now
	}
	return strings.EqualFold(a, b) && ua != "" && ua == ub
}

// unitWords may come before 单位 in a line that gives the unit (金额单位：万元,
// 表1单位：万元 when a title's two lines were joined); any other Chinese word
// makes it an organisation (填报单位, 建设单位).
var unitWords = []string{"金额", "计量", "货币", "数量", "表"}

// titleUnit is the unit a title cell gives after 单位 and a colon, up to a
// space or a mark ((单位：万元), 单位：万元，人), or in brackets after it
// (单位（亿元）), or "".
func titleUnit(cell string) string {
	for rest := cell; ; {
		i := strings.Index(rest, "单位")
		if i < 0 {
			return ""
		}
		head, after := rest[:i], rest[i+len("单位"):]
		rest = after
		if r, _ := utf8.DecodeLastRuneInString(head); i > 0 && unicode.Is(unicode.Han, r) && !hasAnySuffix(head, unitWords) {
			continue // 填报单位
		}
		value := strings.TrimLeft(after, " \u3000")
		if strings.IndexAny(value, ":：(（") == 0 {
			// 单位：万元, or 单位（万元）, whose bracket listedUnit ends at.
			_, size := utf8.DecodeRuneInString(value)
			return listedUnit(strings.TrimLeft(value[size:], " \u3000"))
		}
	}
}

// listedUnit is the unit of the amounts a title line lists after 单位：,
// up to a space or a bracket: the one unit given (万元), or the one of 元
// among several (单位：户、人、元 or 单位：万元，人 give the amounts in 元 and
// 万元), or "" when it says nothing econcalc converts.
func listedUnit(list string) string {
	if end := strings.IndexFunc(list, func(r rune) bool { return strings.ContainsRune(")）]】", r) }); end >= 0 {
		list = list[:end]
	}
	words := strings.Fields(list)
	if len(words) == 0 {
		return ""
	}
	if u := unitOfList(words[0]); u != "" || len(words) == 1 {
		return u
	}
	// 单位：亿 元, a unit spaced out as a centred cell is typed, as the
	// header's （万 元） is 万元; what follows a unit (单位：元  填报日期：…) is no
	// part of it.
	return unitOfList(words[0] + words[1])
}

// unitOfList is listedUnit's choice among the units of a list without
// spaces.
func unitOfList(list string) string {
	var units, money []string
	for _, u := range strings.FieldsFunc(list, unitEnd) {
		if calc.IsUnit(u) {
			units = append(units, u)
			if calc.UnitBase(u) == "元" {
				money = append(money, u)
			}
		}
	}
	switch {
	case len(units) == 1:
		return units[0]
	case len(money) == 1:
		return money[0]
	}
	return ""
}

// unitEnd ends the unit of a title line: a space or a mark.
func unitEnd(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune(",，、;；)）]】", r)
}

func hasAnySuffix(s string, suffixes []string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}
