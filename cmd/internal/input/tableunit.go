package input

import (
	"fmt"
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
// no unit, or another, would be read in the first file's.
type tableUnit struct {
	unit   string // the first file's
	first  bool   // the first file's lines are read
	file   string
	inFile string // what the lines of the file being opened give
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

// done is called below the lines passed over of each file opened: the
// first file's unit is the table's, and every other file must give it too.
func (t *tableUnit) done(file string, line int) error {
	got := ""
	if t.file == file {
		got = t.inFile
	}
	t.file, t.inFile = "", ""
	if !t.first {
		t.unit, t.first = got, true
		return nil
	}
	if got == t.unit {
		return nil
	}
	say := func(u string) string {
		if u == "" {
			return "no unit"
		}
		return "单位：" + u
	}
	return &DataError{File: file, Line: line, Msg: fmt.Sprintf("gives %s above its header, the first file %s: files read together must give one unit", say(got), say(t.unit))}
}

// unitWords may come before 单位 in a line that gives the unit (金额单位：万元,
// 表1单位：万元 when a title's two lines were joined); any other Chinese word
// makes it an organisation (填报单位, 建设单位).
var unitWords = []string{"金额", "计量", "货币", "数量", "表"}

// titleUnit is the unit a title cell gives after 单位 and a colon, up to a
// space or a mark ((单位：万元), 单位：万元，人), or "".
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
		if v, ok := strings.CutPrefix(value, "："); ok {
			value = v
		} else if v, ok := strings.CutPrefix(value, ":"); ok {
			value = v
		} else {
			continue
		}
		return listedUnit(strings.TrimLeft(value, " \u3000"))
	}
}

// listedUnit is the unit of the amounts a title line lists after 单位：,
// up to a space or a bracket: the one unit given (万元), or the one of 元
// among several (单位：户、人、元 or 单位：万元，人 give the amounts in 元 and
// 万元), or "" when it says nothing econcalc converts.
func listedUnit(list string) string {
	if end := strings.IndexFunc(list, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(")）]】", r) }); end >= 0 {
		list = list[:end]
	}
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
