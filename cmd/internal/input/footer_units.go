package input

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"econcalc/calc"
)

// A line that gives a unit (单位：万元, 计量单位：万元, （单位：元）) is read
// above a header as the table's unit (tableunit.go). Below the table it is
// a note, as a signature is: never a row of the table (a household paid a
// share), refused without --skip-footer and passed over with it.

// isUnitRecord: a row whose first cell that is not blank gives a unit
// (unitCell), and whose other cells are blank, but the one beside a cell
// that leaves its unit to it (单位： | 万元, 单位 | 万元).
func isUnitRecord(fields []string) bool {
	i := firstLabel(fields)
	if i < 0 {
		return false
	}
	c, ok := unitLabelled(fields[i])
	if !ok {
		return false
	}
	rest := fields[i+1:]
	if givesUnit(c, "") {
		return allEmpty(rest)
	}
	if len(rest) == 0 {
		return false
	}
	// The unit beside: one econcalc knows, or a cell of the table
	// (单位,金台村) it is not.
	_, known := unitsOf(strings.TrimSpace(rest[0]))
	return known && givesUnit(c, rest[0]) && allEmpty(rest[1:])
}

// givesUnit: whether a cell that opens with 单位 (unitLabelled) gives after
// its mark what the unit is, in the cell or in next: 单位：万元, 单位:元,
// （单位：万元）, 单位（亿元）, 单位：个. 单位名称 and 单位负责人 give none; 填报单位
// is a signature's (footer_labels.go).
func givesUnit(c, next string) bool {
	for _, value := range unitValues(c, next) {
		return strings.Trim(value, unitMarks+unitCloses) != ""
	}
	return false
}

// unitLabelled: whether a cell opens with the word of a unit line (单位,
// 金额单位, 计量单位…), after spaces and an opening bracket, and the cell
// from that word on. A look at the first rune passes every other cell.
func unitLabelled(cell string) (string, bool) {
	c := strings.TrimSpace(cell)
	if len(c) < len("单位") || c[0] < utf8.RuneSelf && c[0] != '(' && c[0] != '[' {
		return "", false
	}
	switch r, _ := utf8.DecodeRuneInString(c); r {
	case '单', '金', '计', '货', '数', '表', '(', '（', '[', '［', '【', '〔':
	default:
		return "", false
	}
	c = strings.TrimLeft(c, unitOpens+" \u3000")
	head, _, found := strings.Cut(c, "单位")
	return c, found && (head == "" || slices.Contains(unitWords, head))
}

// A unit line below the table is passed over (by --skip-footer, or at the
// end of a lookup file) only where it says what the amounts are read in
// already: the unit above the header, or the one the headers give in
// brackets. Elsewhere it would be read as the note it is while the amounts
// it is the unit of are read in 元: 1.5 for 1.5 万元, wrong by 10000. The
// input package does not know which columns are a command's amounts, so a
// header's unit counts only where no header gives another of its kind
// (万元 beside 元), and a unit that no power of ten multiplies (单位：元)
// is passed over where nothing above or in the header gives a multiple of
// it: the amounts are read as written, which is in it.

// unitsGiven are the units a file gives above its header and in its
// header's brackets.
type unitsGiven struct {
	title  string
	header []string
}

func (s *Source) unitsGiven() unitsGiven {
	return unitsGiven{title: s.tableUnit.now, header: headerUnits(s.Header)}
}

// unitBelow refuses a unit line below the table (isUnitRecord) whose unit
// the table does not give (gives), naming its file and line; any other row
// is nil.
func (r *records) unitBelow(fields []string, line int) error {
	if !isUnitRecord(fields) {
		return nil
	}
	unit, shown := lineUnit(fields)
	if unit != "" && r.given.gives(unit) {
		return nil
	}
	return &DataError{File: r.f.name, Line: line, Msg: fmt.Sprintf(
		"%s: a unit below the table (%s) that the table does not give above its header or in its headers: "+
			"put it above the header, or the unit in the headers (金额（%s）)", QuoteCell(noteCell(fields)), shown, shown)}
}

// lineUnit is the unit a unit line gives (titleUnitBeside), or "" for one
// econcalc does not convert (单位：个, 单位：千美元), and the unit as the
// line writes it.
func lineUnit(fields []string) (unit, shown string) {
	for i, f := range fields {
		if strings.TrimSpace(f) == "" {
			continue
		}
		next := ""
		if i+1 < len(fields) {
			next = fields[i+1]
		}
		unit, _, _ = titleUnitBeside(f, next)
		for _, value := range unitValues(f, next) {
			shown = strings.Trim(value, unitMarks+unitCloses+" \u3000")
			break
		}
		if unit != "" {
			shown = unit
		}
		return unit, shown
	}
	return "", ""
}

// gives: whether the amounts are read in unit already: the unit above the
// header, else the one the headers give of its kind, else a unit no power
// of ten multiplies where the headers give none of its kind.
func (g unitsGiven) gives(unit string) bool {
	if g.title != "" {
		return sameUnit(g.title, unit)
	}
	base, found := calc.UnitBase(unit), false
	for _, h := range g.header {
		if calc.UnitBase(h) != base {
			continue
		}
		if !sameUnit(h, unit) {
			return false // 金额（元） beside 单位：万元 below, or 金额（万元）,奖励（元）
		}
		found = true
	}
	return found || plainUnit(unit)
}

// sameUnit: a and b are one unit, however written (万度 and 万千瓦时).
func sameUnit(a, b string) bool {
	if a == b {
		return true
	}
	_, exps, err := calc.UnitScales([]string{a, b}, []string{a, b}, "")
	return err == nil && exps[0] == exps[1]
}
