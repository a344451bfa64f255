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
// (calc.IsUnit) is taken, and only after a 单位 that is not the end of a
// longer word: 填报单位：经开区 names who reported, not a unit.
type tableUnit struct {
	unit string
	at   string // where it was read: file:line
}

// read looks for the unit in the cells of a line passed over; files read
// together must not give different ones.
func (t *tableUnit) read(cells []string, file string, line int) error {
	for _, cell := range cells {
		u := titleUnit(cell)
		switch {
		case u == "":
		case t.unit == "":
			t.unit, t.at = u, fmt.Sprintf("%s:%d", file, line)
		case u != t.unit:
			return &DataError{File: file, Line: line, Msg: fmt.Sprintf("says 单位：%s, but %s says 单位：%s: files read together share their unit", u, t.at, t.unit)}
		}
	}
	return nil
}

// titleUnit is the unit a title cell gives after 单位： or 单位:, up to a
// space (表1 单位：亿元 2017年), or "".
func titleUnit(cell string) string {
	for rest := cell; ; {
		i := strings.Index(rest, "单位")
		if i < 0 {
			return ""
		}
		before, _ := utf8.DecodeLastRuneInString(rest[:i])
		after := rest[i+len("单位"):]
		rest = after
		if i > 0 && unicode.Is(unicode.Han, before) {
			continue // 填报单位
		}
		value, ok := strings.CutPrefix(after, "：")
		if !ok {
			if value, ok = strings.CutPrefix(after, ":"); !ok {
				continue
			}
		}
		if f := strings.Fields(value); len(f) > 0 && calc.IsUnit(f[0]) {
			return f[0]
		}
		return ""
	}
}
