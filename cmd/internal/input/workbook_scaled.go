package input

// A number format that shows a number scaled (#,##0, in thousands, #,##0.0,,
// in millions, 0!.0000 in 万) shows the stored number divided by 10^k, and
// the header describes the figure Excel shows: under 量（万吨）, 123456
// formatted 0!.0000 shows 12.3456, 12.3456 万吨. Such a cell is read as shown
// when its column's unit (the header's, or a 单位 line's above the header)
// has a multiplier of 10^k or more (千 3, 万 4, 百万 6, 亿 8: 万吨, 千元,
// 亿元); under 元, 吨, a smaller multiplier or no unit, read as shown it
// would be 12 元 for 12000 元, and read as stored other than the sheet
// shows: the cell is refused. A unit the format writes beside the number
// (0.00"万元" shows 1.2 as 1.20万元) is the unit of the figure shown: a
// column whose header gives none takes it, and one that gives another is
// refused.

import (
	"fmt"
	"slices"
	"strings"
)

// scaleCheck follows a sheet's rows to find its header as the reader will
// (below the lines --skip passes over; for a lookup file without --skip, as
// titleLines does) and the unit a 单位 line above it gives, and checks each
// scaled cell below the header against its column's unit.
type scaleCheck struct {
	file      string // the workbook and sheet, for messages
	skip      int
	findTitle bool // a lookup file without --skip: its title lines are found

	header   int      // the header's row, once found
	names    []string // the header's cells, by column
	unit     string   // the unit a 单位 line above the header gives
	lineUnit string   // the unit the lines passed over give so far

	first      int // findTitle: the first row with content, and its cells
	firstCells []string
	pending    []scaledCell // before the header is found

	taken        map[int]scaledCell // by column: the first cell whose format names the unit a header without one takes
	plains       map[int]scaledCell // by column: the first number below the header whose format shows no unit
	pendingPlain []scaledCell       // before the header is found
}

// scaledCell is a number a format shows divided by 10^down, or with a
// unit written beside it (lit).
type scaledCell struct {
	row, col, down      int
	code, stored, shown string
	lit                 string
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
			sc.passed(cells)
			return nil
		}
		return sc.found(n, cells, sc.lineUnit)
	}
	if sc.first == 0 {
		sc.first, sc.firstCells = n, slices.Clone(cells)
	}
	switch {
	case n > maxTitleLines+1:
		return sc.found(sc.first, sc.firstCells, "")
	case nonEmpty(cells) >= 2 && !labelValues(cells):
		return sc.found(n, cells, sc.lineUnit)
	}
	sc.passed(cells)
	return nil
}

// passed reads a line above the header for a 单位 line's unit.
func (sc *scaleCheck) passed(cells []string) {
	if sc.lineUnit == "" {
		sc.lineUnit = unitOfLine(cells)
	}
}

// done is called at the end of the sheet.
func (sc *scaleCheck) done() error {
	if sc.header == 0 && sc.first > 0 {
		if err := sc.found(sc.first, sc.firstCells, ""); err != nil {
			return err
		}
	}
	return sc.mixed()
}

// plain notes a number whose format shows no unit, a number stored as
// text too (text: only when it reads as a number), or keeps it until the
// header is found.
func (sc *scaleCheck) plain(c scaledCell, text bool) {
	switch {
	case sc.header == 0:
		if !text || isNumber(c.shown, false) {
			sc.pendingPlain = append(sc.pendingPlain, c)
		}
		return
	case c.row <= sc.header:
		return
	}
	if _, seen := sc.plains[c.col]; !seen && (!text || isNumber(c.shown, false)) {
		if sc.plains == nil {
			sc.plains = map[int]scaledCell{}
		}
		sc.plains[c.col] = c
	}
}

// mixed refuses a column whose header gives no unit where some cells'
// formats write one beside the number and other numbers show none: 1.2
// formatted 0.00"亿元" above 3000 formatted General under 累计完成 would
// read 3000 亿元, where the sheet may mean 3000 万元.
func (sc *scaleCheck) mixed() error {
	cols := make([]int, 0, len(sc.taken))
	for col := range sc.taken {
		cols = append(cols, col)
	}
	slices.Sort(cols)
	for _, col := range cols {
		p, ok := sc.plains[col]
		if !ok {
			continue
		}
		c := sc.taken[col]
		return sc.refuse(p, fmt.Sprintf("%s shows no unit, and %s%d in the same column writes %s beside its number (formatted %s), so the column's unit is unclear: format %s%d to write its unit as well, or name the unit in the header and show every figure in it",
			QuoteCell(p.shown), columnName(c.col), c.row, c.lit, quoteFormat(c.code), columnName(p.col), p.row))
	}
	return nil
}

func (sc *scaleCheck) found(n int, cells []string, unit string) error {
	sc.header, sc.names, sc.unit = n, slices.Clone(cells), unit
	pending, plains := sc.pending, sc.pendingPlain
	sc.pending, sc.pendingPlain = nil, nil
	for _, c := range plains {
		sc.plain(c, false) // a text in plains reads as a number
	}
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
	if name == "" && nonEmpty(sc.names) <= 1 {
		// The "header" is a title above the header, which the reader
		// refuses, naming the line that looks like the header.
		return nil
	}
	unit, above := headerUnit(name), false
	if unit == "" {
		unit, above = sc.unit, true
	}
	if c.lit != "" {
		return sc.written(c, name, unit, above)
	}
	if unitPrefix(unit) >= c.down {
		return nil
	}
	msg := fmt.Sprintf("formatted %s, which shows %s as %s, in units of 10^%d of the stored number, and %s",
		quoteFormat(c.code), c.stored, c.shown, c.down, sc.columnUnit(c.col, name, unit, above))
	msg += ": name in the header the unit the figure shown is in, or format the cell to show the number as stored"
	return sc.refuse(c, msg)
}

// written checks a cell whose format writes a unit beside the number: the
// column takes it when it gives none, and must give it otherwise.
func (sc *scaleCheck) written(c scaledCell, name, unit string, above bool) error {
	shows := fmt.Sprintf("formatted %s, which writes %s beside the number (%s%s)", quoteFormat(c.code), c.lit, c.shown, c.lit)
	switch {
	case unit == c.lit:
		return nil
	case unit != "":
		return sc.refuse(c, shows+", and "+sc.columnUnit(c.col, name, unit, above)+
			": the header and the format must name one unit, that of the figure shown")
	case name == "":
		return sc.refuse(c, shows+", and column "+columnName(c.col)+" has no header: give it one naming the unit shown")
	}
	if sc.taken == nil {
		sc.taken = map[int]scaledCell{}
	}
	first, seen := sc.taken[c.col]
	switch {
	case !seen:
		sc.taken[c.col] = c
	case first.lit != c.lit:
		return sc.refuse(c, fmt.Sprintf("%s, and %s%d above it shows %s: a column's figures must be in one unit",
			shows, columnName(c.col), first.row, first.lit))
	}
	return nil
}

func (sc *scaleCheck) columnUnit(col int, name, unit string, above bool) string {
	column := fmt.Sprintf("column %s", columnName(col))
	if name != "" {
		column = fmt.Sprintf("column %q", name)
	}
	switch {
	case unit == "":
		return column + " gives no unit, nor does a 单位 line above the header"
	case above:
		return fmt.Sprintf("%s is in %s (单位：%s above the header)", column, unit, unit)
	}
	return fmt.Sprintf("%s is in %s", column, unit)
}

func (sc *scaleCheck) refuse(c scaledCell, msg string) error {
	return &DataError{File: sc.file, Line: c.row, Msg: fmt.Sprintf("%s%d: %s", columnName(c.col), c.row, msg)}
}

// takenHeader is the header's cells as the reader is to read them: a column
// whose header gives no unit, under which a format writes one beside each
// number, takes it in brackets (工资性收入 over 0.00"万元" is
// 工资性收入（万元）). ok is false when no column takes a unit.
func (sc *scaleCheck) takenHeader() (row int, cells []string, ok bool) {
	if sc == nil || len(sc.taken) == 0 {
		return 0, nil, false
	}
	cells = slices.Clone(sc.names)
	for col, c := range sc.taken {
		cells[col-1] = strings.TrimSpace(cells[col-1]) + "（" + c.lit + "）"
	}
	return sc.header, cells, true
}

// quoteFormat quotes a format code, or writes it as it is when it holds
// quotes (0.00"万元").
func quoteFormat(code string) string {
	if strings.Contains(code, `"`) {
		return code
	}
	return fmt.Sprintf("%q", code)
}

// unitPrefixes are the multipliers a unit may begin with, the longer first.
var unitPrefixes = []struct {
	prefix string
	power  int
}{{"十万", 5}, {"百万", 6}, {"千万", 7}, {"十亿", 9}, {"百亿", 10}, {"千亿", 11}, {"万亿", 12}, {"千", 3}, {"万", 4}, {"亿", 8}}

// unitPrefix is the power of ten a unit's multiplier gives: 4 for 万吨, 万元
// and 万人次, 8 for 亿元, 3 for 千元, 0 for 元, 吨 or "" (千分比 is no
// multiple of 比).
func unitPrefix(unit string) int {
	unit = strings.Join(strings.Fields(unit), "")
	for _, p := range unitPrefixes {
		if rest, ok := strings.CutPrefix(unit, p.prefix); ok && !strings.HasPrefix(rest, "分") {
			return p.power
		}
	}
	return 0
}

// unitOfLine is the unit a 单位 line gives: one econcalc converts
// (单位：万元), or another with a multiplier (单位：万吨), or "".
func unitOfLine(cells []string) string {
	for i, cell := range cells {
		next := ""
		if i+1 < len(cells) {
			next = cells[i+1]
		}
		if u, _, _ := titleUnitBeside(cell, next); u != "" {
			return u
		}
		for _, v := range unitValues(cell, next) {
			if end := strings.IndexAny(v, unitOpens+unitCloses+"、，,;； \u3000"); end >= 0 {
				v = v[:end]
			}
			if v = strings.TrimSpace(v); unitPrefix(v) > 0 {
				return v
			}
		}
	}
	return ""
}
