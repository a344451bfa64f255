package main

import (
	"fmt"
	"strings"

	"econcalc/calc"
	"econcalc/cmd/internal/input"
)

// growthUnits reads a 单位 (计量单位) column beside growth's amounts: each
// row's figures are in the unit its cell names. A series, and a group
// total, adds and compares figures across rows, so rows in 亿元 beside rows
// in 万元 are shifted into the finest of the units the cells name before
// anything is worked out. Only a table with such a column pays for this: a
// pass over the column before the figures are read, and a look at each
// row's cell.
type growthUnits struct {
	col   int    // the 单位 column
	unit  string // the unit the amounts are read in, when the rows differ
	mixed bool   // the rows name more than one unit
	first string // the unit the first row that names one names
	line  int    // the first line that names it, once read (0 before)
	// For each value column the 单位 column gives the unit of (governs,
	// places in the layout's values): the unit its header (or the line
	// above the header) gives, which every cell must name, and the shift
	// of each row's amounts into unit.
	// The rate units (%) among the cells, beside units of levels: a row in
	// one is refused.
	rates, levels []string
	governs       []int
	own           []string
	shifts        []rowShift
	// With --group-col (growth_unit_groups.go): the group column, the
	// first unit each group names and the first row's; apart: the groups
	// are in units that cannot be brought into one, read each on its own
	// (--no-total), each class of units with shifts of its own.
	group       int
	totals      totalsOptions
	groupFirst  map[string]unitSeen
	firstRow    unitSeen
	apart       bool
	apartNote   string // which group is in which unit
	split       bool   // some group's rows are in units of two classes: no note, the row is refused
	classShifts map[string][]rowShift
	unitless    map[string]unitSeen // groups none of whose rows names a unit
	header      string              // the 单位 column's
}

// unitCells are the distinct units a 单位 column names, in order of first
// appearance, each as its first cell writes it: cells that name one unit
// (万度 and 万千瓦时, 亿元 and 亿元（现价）, unitKey) are one.
type unitCells struct {
	col   int
	cells []string
	seen  map[string]bool // by unitKey
	// With --group-col (growth_unit_groups.go): the first unit each group
	// names, and the first row of each class of units (unitClass).
	group     int
	totals    totalsOptions
	groups    map[string]unitSeen
	classes   []unitSeen
	classSeen map[string]bool
	split     bool // some group names units of two classes: refused row by row
	// The first row with an empty cell of each group.
	blank     []unitSeen
	blankSeen map[string]bool
}

func (u *unitCells) add(rec *input.Row) error {
	cell := rec.Text(u.col)
	if err := oneCellUnit(rec, u.col, cell); err != nil {
		return err
	}
	if k := unitKey(cell); cell != "" && !u.seen[k] {
		u.seen[k] = true
		u.cells = append(u.cells, cell)
	}
	u.addGroup(rec, cell)
	return nil
}

// oneCellUnit refuses a 单位 cell that names two units (万元，亿元; 万元 亿元),
// read as a header's brackets are (calc.BracketUnit), a note after the
// unit left aside (亿元（现价）, unitNoted): the row's figures are in one of
// them, and which is not for econcalc to guess.
func oneCellUnit(rec *input.Row, col int, cell string) error {
	units, ok := calc.BracketUnit(unitNoted(cell))
	if ok {
		return nil
	}
	return rec.Errorf(col, "%s: names two units, %s: write the one the row's figures are in",
		input.QuoteCell(cell), strings.Join(strings.Split(units, "，"), " and "))
}

func mergeUnitCells(parts []*unitCells) (*unitCells, error) {
	all := parts[0].empty()
	for _, p := range parts {
		all.mergeGroups(p)
		for _, cell := range p.cells {
			if k := unitKey(cell); !all.seen[k] {
				all.seen[k] = true
				all.cells = append(all.cells, cell)
			}
		}
	}
	return all, nil
}

// empty is a unitCells for the same column with nothing read.
func (u *unitCells) empty() *unitCells {
	return &unitCells{col: u.col, group: u.group, totals: u.totals, seen: map[string]bool{}, groups: map[string]unitSeen{}, classSeen: map[string]bool{}, blankSeen: map[string]bool{}}
}

// growthUnitColumn is the 单位 column, neither the period nor the group,
// and the units its cells name, or -1. A unit column's cells are units: a
// header with a unit of its own (单位（个）, the number of reporting
// units) and a column whose every cell is a number count, and are none.
func growthUnitColumn(in *input.Source, period, group int, totals totalsOptions) (int, *unitCells, error) {
	col := unitColumnOf(in)
	if col < 0 || col == period || col == group || in.HeaderUnit(col) != "" {
		return -1, nil, nil
	}
	proto := &unitCells{col: col, group: group, totals: totals}
	cells, err := input.Fold(in, func(int64) *unitCells { return proto.empty() },
		(*unitCells).add, mergeUnitCells)
	if err != nil {
		return -1, nil, err
	}
	for _, cell := range cells.cells {
		if _, ok, err := input.ParseNumber(cell, false); err != nil || !ok {
			return col, cells, nil
		}
	}
	return -1, nil, nil // no cell, or numbers only
}

// readUnits reads which units the 单位 column names: the finest of those
// of one base with the first is the unit every amount is read in. It says
// so in a note for each series whose amounts are shifted.
func (l *growthLayout) readUnits(e *env, in *input.Source) error {
	col, cells := l.unitCol, l.unitCells
	if col < 0 || cells == nil {
		return nil
	}
	var err error
	u := &growthUnits{col: col, group: -1, mixed: len(cells.cells) > 1}
	if len(cells.cells) > 0 {
		u.first = cells.cells[0]
	}
	if u.mixed && calc.IsUnit(unitNoted(u.first)) {
		var names, same []string
		for _, cell := range cells.cells {
			if cell = unitNoted(cell); calc.UnitBase(cell) == calc.UnitBase(unitNoted(u.first)) {
				names, same = append(names, in.Header[col]), append(same, cell)
			}
		}
		if u.unit, _, err = calc.UnitScales(names, same, ""); err != nil {
			return err
		}
	}
	values := len(l.values)
	if l.price >= 0 {
		values = l.price
	}
	if u.governs, err = governedColumns(e, in, col, l.values[:values], cells.cells); err != nil {
		return err
	}
	rates, amounts := rateCells(cells.cells)
	switch {
	case len(rates) > 0 && len(amounts) == 0:
		return l.leaveOutRates(e, in, col, u.governs, rates)
	case len(rates) > 0 && len(u.governs) > 0:
		u.rates, u.levels = rates, amounts
	}
	targets, err := l.groupUnits(in, u, cells)
	if err != nil {
		return err
	}
	for _, k := range u.governs {
		c := l.values[k]
		u.own = append(u.own, in.Unit(c))
		u.shifts = append(u.shifts, rowShift{in: in, unitCol: col, amount: c, to: u.unit})
		for _, to := range targets {
			if !u.mixed || in.Unit(c) != "" || to == "" {
				continue
			}
			var shifted []string
			for _, cell := range cells.cells {
				if _, exps, err := calc.UnitScales([]string{in.Header[c]}, []string{unitNoted(cell)}, to); err == nil && exps[0] > 0 {
					shifted = append(shifted, fmt.Sprintf("%s × 1%s", cell, strings.Repeat("0", int(exps[0]))))
				}
			}
			if len(shifted) > 0 {
				e.notef("%s: read in %s, each row in the unit its %s cell names (%s)", in.Header[c], to, in.Header[col], strings.Join(shifted, ", "))
			}
		}
	}
	if u.apart && !u.split {
		e.notef("%s: the groups are in units that cannot be added up (%s): each group's own growth, without shares, 拉动 or 贡献率 of a total", in.Header[col], u.apartNote)
	}
	l.units = u
	return nil
}

// forPart is a copy of u for one part of the input read in parallel: each
// rowShift keeps a cache of its own.
func (u *growthUnits) forPart() *growthUnits {
	if u == nil {
		return nil
	}
	c := *u
	c.shifts = append([]rowShift(nil), u.shifts...)
	for k := range c.shifts {
		c.shifts[k].shifts = nil
	}
	if u.classShifts != nil {
		c.classShifts = map[string][]rowShift{}
		for class, sh := range u.classShifts {
			c.classShifts[class] = append([]rowShift(nil), sh...)
			for k := range c.classShifts[class] {
				c.classShifts[class][k].shifts = nil
			}
		}
	}
	return &c
}

// row gives the power of ten that brings each value column's amount in rec
// into the unit they are read in (0 for the price index and for columns
// the 单位 column does not govern), into shift. A
// cell that contradicts a column's own unit, a row without a unit among
// rows in different ones, and a unit that is not a multiple of the
// others' are errors naming the row.
func (u *growthUnits) row(rec *input.Row, shift []int32) error {
	cell := rec.Text(u.col)
	if len(u.rates) > 0 && isRateCell(cell) {
		return rec.Errorf(u.col, "%s: a rate, beside rows in %s: a series holds levels, and a rate cannot be differenced, added or compared as one; leave the rows of rates out", input.QuoteCell(cell), strings.Join(u.levels, ", "))
	}
	if u.line == 0 && cell != "" && sameUnit(cell, u.first) {
		u.line = rec.Pos().Line()
	}
	shifts, err := u.groupRow(rec, cell)
	if err != nil {
		return err
	}
	for k := range shifts {
		switch own := u.own[k]; {
		case cell != "" && own != "" && !sameUnit(cell, own):
			return rec.Errorf(u.col, "%s, where %q is in %s: give the figures in the header's unit, or no unit in the header", input.QuoteCell(cell), u.shifts[k].in.Header[u.shifts[k].amount], own)
		case !u.mixed || own != "" || sameUnit(cell, u.first) && !calc.IsUnit(unitNoted(cell)):
			continue // 台 beside 万台 is refused on the row of 万台
		case u.apart && cell != "":
			// checked against its group's unit by groupRow
		case !calc.IsUnit(unitNoted(cell)) || calc.UnitBase(unitNoted(cell)) != calc.UnitBase(unitNoted(u.first)):
			what := input.QuoteCell(cell)
			if cell == "" {
				what = "empty"
			}
			where := fmt.Sprintf("line %d", u.line)
			if u.line == 0 {
				where = "an earlier row" // in a part read in parallel; the in-order pass that names the error knows the line
			}
			return rec.Errorf(u.col, "%s, where %s is in %s: a series adds and compares its rows, and econcalc converts only between multiples of 元, 人, 户 or 千瓦时 (万元, 亿元 …); give every row a unit it can bring into the others'", what, where, u.first)
		}
		x, err := shifts[k].of(rec)
		if err != nil {
			return err
		}
		shift[u.governs[k]] = x
	}
	return nil
}

// shiftAmount is n × 10^exp (exp ≥ 0, an amount moved into a finer unit),
// in fixed point where it fits, as read amounts are.
func shiftAmount(n calc.Num, exp int32) calc.Num {
	f, ok := n.Fixed()
	if exp == 0 || !ok {
		return n.Shift(exp)
	}
	units, p := f.Units, int32(f.Places)
	for range exp {
		if units >= calc.FixedLimit/10 || units <= -calc.FixedLimit/10 {
			return n.Shift(exp)
		}
		units *= 10
	}
	return calc.FixedNum(units, int(max(p-exp, 0)))
}

// governedColumns are the value columns (places in cols) whose figures a
// 单位 column gives the unit of. With one value column it is that one (a
// long table: 指标,时间,单位,数值). With several, a row's 单位 cell cannot
// say which of them it is for: it is the one amount among indexes,
// counts and levels in percent whose headers say so (价格指数, 企业数,
// 从业人员（人）); when the cells name more than one unit and there is no
// such one, the table is refused rather than read by a guess. When every
// row names one unit nothing is shifted, and every amount column is
// checked against it.
func governedColumns(e *env, in *input.Source, unitCol int, cols []int, cells []string) ([]int, error) {
	if len(cols) == 1 {
		return []int{0}, nil
	}
	var amounts []int
	var others []string
	for k, c := range cols {
		if what := notAnAmount(in, c); what != "" {
			others = append(others, fmt.Sprintf("%s (%s)", in.Header[c], what))
			continue
		}
		amounts = append(amounts, k)
	}
	mixed := len(cells) > 1
	switch {
	case !mixed || len(amounts) == 1 && len(others) == 0:
		return amounts, nil
	case len(amounts) == 1:
		e.notef("%s: gives the unit of %s only; %s read as written", in.Header[unitCol], in.Header[cols[amounts[0]]], strings.Join(others, ", "))
		return amounts, nil
	}
	var names []string
	for _, k := range amounts {
		names = append(names, in.Header[cols[k]])
	}
	what := "none of the value columns is an amount"
	if len(names) > 1 {
		what = "the value columns " + input.QuoteNames(names) + " are all amounts"
	}
	return nil, in.HeaderError(in.Header[unitCol], fmt.Sprintf("names %s, but %s: a row's 单位 cell cannot say which column it gives the unit of; name the one with --value-col", strings.Join(cells, ", "), what))
}
