package input

// A number format that shows a number scaled (#,##0, in thousands, #,##0.0,,
// in millions, 0!.0000 in 万) is read as shown only in a column whose unit
// is the one shown: 12000 formatted #,##0, is 12 under 工资性收入（千元）, but
// under 工资性收入（元）, or a header that gives no unit, read as shown it
// would be 12 元 (the sheet shows what its header does not say), and read as
// stored it would be other than the sheet shows: such a cell is refused.

import (
	"fmt"
	"slices"
	"strings"

	"econcalc/calc"
)

// scaleCheck follows a sheet's rows to find its header as the reader will
// (below the lines --skip passes over; for a lookup file without --skip, as
// titleLines does) and the unit a 单位 line above it gives, and checks each
// scaled cell below the header against its column's unit.
type scaleCheck struct {
	file      string // the workbook and sheet, for messages
	skip      int
	findTitle bool // a lookup file without --skip: its title lines are found

	header int      // the header's row, once found
	names  []string // the header's cells, by column
	unit   string   // the unit a 单位 line above the header gives
	titles tableUnit

	first      int // findTitle: the first row with content, and its cells
	firstCells []string
	pending    []scaledCell // before the header is found
}

// scaledCell is a number a format shows divided by 10^down.
type scaledCell struct {
	row, col, down      int
	code, stored, shown string
}

func newScaleCheck(file string, opts Options) *scaleCheck {
	return &scaleCheck{file: file, skip: opts.Skip, findTitle: opts.Lookup && opts.Skip == 0}
}

// row is called at the end of each row with its cells.
func (sc *scaleCheck) row(n int, cells []string) error {
	if sc.header > 0 || nonEmpty(cells) == 0 {
		return nil
	}
	if !sc.findTitle {
		if n <= sc.skip {
			sc.titles.read(cells, sc.file, n)
			return nil
		}
		return sc.found(n, cells, sc.titles.inFile)
	}
	if sc.first == 0 {
		sc.first, sc.firstCells = n, slices.Clone(cells)
	}
	switch {
	case n > maxTitleLines+1:
		return sc.found(sc.first, sc.firstCells, "")
	case nonEmpty(cells) >= 2 && !labelValues(cells):
		return sc.found(n, cells, sc.titles.inFile)
	}
	sc.titles.read(cells, sc.file, n)
	return nil
}

// done is called at the end of the sheet.
func (sc *scaleCheck) done() error {
	if sc.header == 0 && sc.first > 0 {
		return sc.found(sc.first, sc.firstCells, "")
	}
	return nil
}

func (sc *scaleCheck) found(n int, cells []string, unit string) error {
	sc.header, sc.names, sc.unit = n, slices.Clone(cells), unit
	pending := sc.pending
	sc.pending = nil
	for _, c := range pending {
		if err := sc.cell(c); err != nil {
			return err
		}
	}
	return nil
}

// cell checks a scaled cell, or keeps it until the header is found.
func (sc *scaleCheck) cell(c scaledCell) error {
	switch {
	case sc.header == 0:
		sc.pending = append(sc.pending, c)
		return nil
	case c.row <= sc.header:
		return nil // a title's or the header's
	}
	name := ""
	if c.col <= len(sc.names) {
		name = strings.TrimSpace(sc.names[c.col-1])
	}
	unit, above := headerUnit(name), false
	if unit == "" {
		unit, above = sc.unit, true
	}
	if calc.IsUnit(unit) && unitPower(unit) == c.down {
		return nil
	}
	column := fmt.Sprintf("column %s", columnName(c.col))
	if name != "" {
		column = fmt.Sprintf("column %q", name)
	}
	shown := scalePrefix(c.down)
	msg := fmt.Sprintf("formatted %q, which shows the number in %s (%s as %s), and ", c.code, shown, c.stored, c.shown)
	base := "元"
	switch {
	case unit == "":
		msg += column + " gives no unit, nor does a 单位 line above the header"
	case above:
		msg += fmt.Sprintf("%s is in %s (单位：%s above the header)", column, unit, unit)
	default:
		msg += fmt.Sprintf("%s is in %s", column, unit)
	}
	if b := calc.UnitBase(unit); b != "" {
		base = b
	}
	bare, _ := splitUnit(name)
	switch {
	case strings.HasPrefix(shown, "÷"):
		msg += ": name the unit shown in the header"
	case bare == "":
		msg += fmt.Sprintf(": give the column a header naming the unit shown, such as 金额（%s%s）", shown, base)
	default:
		msg += fmt.Sprintf(": name the unit shown in the header, as %s（%s%s）", bare, shown, base)
	}
	if unit != "" {
		msg += ", or format the cell to show the number as stored"
	}
	return &DataError{File: sc.file, Line: c.row, Msg: columnName(c.col) + fmt.Sprint(c.row) + ": " + msg}
}

// unitPower is the power of ten of a unit econcalc converts: 3 for 千元, 4
// for 万元/人, 0 for 元.
func unitPower(unit string) int {
	_, exps, err := calc.UnitScales([]string{""}, []string{unit}, calc.UnitBase(unit))
	if err != nil {
		return -1
	}
	return int(exps[0])
}

// scalePrefix names the power of ten a format divides by, as a unit's
// prefix: 千 for 3, 万 for 4, 百万 for 6.
func scalePrefix(down int) string {
	for _, p := range []string{"十", "百", "千", "万", "十万", "百万", "千万", "亿", "十亿", "百亿", "千亿", "万亿"} {
		if calc.IsUnit(p+"元") && unitPower(p+"元") == down {
			return p
		}
	}
	return fmt.Sprintf("÷ 10^%d", down)
}
