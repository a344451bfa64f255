package main

import (
	"fmt"
	"strings"

	"econcalc/calc"
	"econcalc/cmd/internal/input"
)

// columnUnits brings the amounts of columns cols to one unit, to or else
// the finest of theirs (calc.UnitScales): it returns that unit and the
// power of ten to shift each column's amounts by. The units are the
// headers' (input.Source.Unit), or units when it is not nil. A header error
// names the column whose unit cannot be brought to the others'.
func columnUnits(in *input.Source, cols []int, units []string, to string) (unit string, exps []int32, err error) {
	names := make([]string, len(cols))
	if units == nil {
		units = make([]string, len(cols))
		for k, c := range cols {
			units[k] = in.Unit(c)
		}
	}
	for k, c := range cols {
		names[k] = in.Header[c]
		if err := oneBracketUnit(in, c); err != nil {
			return "", nil, err
		}
		if u := calc.UnitSuffix(names[k]); units[k] == "" && u != "" {
			name := strings.TrimRight(strings.TrimSuffix(names[k], u), " /")
			return "", nil, in.HeaderError(names[k], fmt.Sprintf("ends in %s outside brackets: write %s（%s）, so that econcalc takes it for the unit", u, name, u))
		}
	}
	unit, exps, err = calc.UnitScales(names, units, to)
	if ue, ok := err.(*calc.UnitError); ok {
		return "", nil, in.HeaderError(names[ue.Column], ue.Msg)
	}
	return unit, exps, err
}

// oneBracketUnit refuses a header whose brackets give two units (产值（万元，
// 亿元）, calc.BracketUnit): its figures are in one of them, and which is
// not for econcalc to guess. A note beside a unit (（2017年，亿元））is none.
func oneBracketUnit(in *input.Source, col int) error {
	units := in.HeaderUnit(col)
	if _, ok := calc.BracketUnit(units); ok {
		return nil
	}
	return in.HeaderError(in.Header[col], fmt.Sprintf("gives two units in its brackets, %s: write the one its figures are in",
		strings.Join(strings.Split(units, "，"), " and ")))
}

// unitColumnOf is a 单位 (unit) column of the input, or -1: the column
// targets reads with --unit-col, found here by its names alone.
func unitColumnOf(in *input.Source) int {
	for _, name := range append([]string{unitColumn.Key}, unitColumn.Aliases...) {
		if i := in.Index(name); i >= 0 {
			return i
		}
	}
	return -1
}

// converted reports whether any column's amounts are shifted.
func converted(exps []int32) bool {
	for _, e := range exps {
		if e != 0 {
			return true
		}
	}
	return false
}

// noteUnits says which columns' amounts are read in unit, and how.
func noteUnits(e *env, in *input.Source, cols []int, exps []int32, unit string) {
	for k, c := range cols {
		name := in.Header[c]
		if !strings.Contains(name, in.Unit(c)) { // the unit of the line above the header
			name += " (" + in.Unit(c) + ", the table's unit)"
		}
		switch x := exps[k]; {
		case x > 0:
			e.notef("%s: read in %s (× 1%s)", name, unit, strings.Repeat("0", int(x)))
		case x < 0:
			e.notef("%s: read in %s (÷ 1%s)", name, unit, strings.Repeat("0", int(-x)))
		}
	}
}

// rowUnits checks a 单位 column, in a table whose rows are added up: every
// row that names a unit of money must give one, the one amount headers give
// if they do, for rows in different units cannot be added as written.
type rowUnits struct {
	in      *input.Source
	col     int   // the 单位 column, -1 for none
	amounts []int // the columns it gives the unit of
	unit    string
	line    int // where unit was first given
}

func (u *rowUnits) check(rec *input.Row) error {
	if err := u.agrees(rec); err != nil || u.col < 0 || calc.UnitBase(unitNoted(rec.Text(u.col))) != "元" {
		return err
	}
	cell := rec.Text(u.col)
	switch {
	case u.unit == "":
		u.unit, u.line = cell, rec.Pos().Line()
	case !sameUnit(cell, u.unit):
		return rec.Errorf(u.col, "%s, where line %d is in %s: rows in different units cannot be added up; give every row in one unit", input.QuoteCell(cell), u.line, u.unit)
	}
	return nil
}

// agrees checks only that the row's 单位 cell, when it names a unit of
// money, is the unit the amounts' headers give: base, whose rows are not
// added up, lets rows differ from each other.
func (u *rowUnits) agrees(rec *input.Row) error {
	if u.col < 0 || calc.UnitBase(unitNoted(rec.Text(u.col))) != "元" {
		return nil // no unit of an amount: 单位 may name who builds (三一集团)
	}
	cell := rec.Text(u.col)
	for _, c := range u.amounts {
		if own := periodlessUnit(u.in, c); own != "" && !sameUnit(own, cell) { // 万元 in 累计完成（10月底，万元）, none in 累计完成（三季度）
			return rec.Errorf(u.col, "%s, where %q is in %s: give the figures in the headers' unit", input.QuoteCell(cell), u.in.Header[c], own)
		}
	}
	return nil
}

// rowShift reads a 单位 column row by row for one amount column of a lookup
// file (a pool, a population), each row in the unit its cell names: it
// gives the power of ten that brings the row's amount to the unit the
// command works in, the column's own when the cell is empty.
type rowShift struct {
	in              *input.Source
	unitCol, amount int
	to              string
	empty           int32 // the shift for a row whose cell is empty
	shifts          map[string]int32
}

func (r *rowShift) of(rec *input.Row) (int32, error) {
	cell := ""
	if r.unitCol >= 0 {
		cell = unitNoted(rec.Text(r.unitCol)) // 亿元 in 亿元（现价）
	}
	if !calc.IsUnit(cell) {
		return r.empty, nil // none, or no unit (单位 may name an organisation)
	}
	if own := r.in.HeaderUnit(r.amount); own != "" && !sameUnit(own, cell) {
		return 0, rec.Errorf(r.unitCol, "%s, where %q is in %s: give the figures in the header's unit", input.QuoteCell(cell), r.in.Header[r.amount], own)
	}
	if x, ok := r.shifts[cell]; ok {
		return x, nil
	}
	_, exps, err := calc.UnitScales([]string{r.in.Header[r.amount]}, []string{cell}, r.to)
	if ue, ok := err.(*calc.UnitError); ok {
		return 0, rec.Errorf(r.unitCol, "%s: %s", input.QuoteCell(cell), ue.Msg)
	}
	if r.shifts == nil {
		r.shifts = map[string]int32{}
	}
	r.shifts[cell] = exps[0]
	return exps[0], nil
}

// sameCountUnits refuses exits and additions of people, or of households,
// in different units (万人 beside 人): they are added to the counts the
// flags give, in the unit those are in, so none is converted; a header
// giving two units (oneBracketUnit) is refused. unit is a column's unit.
func sameCountUnits(in *input.Source, unit func(col int) string, pairs ...[2]int) error {
	for _, p := range pairs {
		for _, c := range p {
			if c < 0 {
				continue
			}
			if err := oneBracketUnit(in, c); err != nil {
				return err
			}
		}
	}
	for _, p := range pairs {
		if p[0] < 0 || p[1] < 0 || sameUnit(unit(p[0]), unit(p[1])) || unit(p[0]) == "" || unit(p[1]) == "" {
			continue
		}
		return in.HeaderError(in.Header[p[1]], fmt.Sprintf("is in %s, and %q in %s: give every count in the unit --persons and --households are in", unit(p[1]), in.Header[p[0]], unit(p[0])))
	}
	return nil
}

// sameUnit is the one comparison of two units, a 单位 cell's with a
// header's or another row's: they are one when the unit reader reads them
// as one (unitKey). 万度, 万kWh and 万千瓦时 are one unit; 万元 and 亿元,
// 万元 and 万元/人, 吨 and 万吨 are not; 亿元（现价） is 亿元.
func sameUnit(a, b string) bool {
	return a == b || unitKey(a) == unitKey(b)
}

// unitKey is a unit's canonical form, for comparing and for keying units:
// a unit econcalc converts (calc.IsUnit) is its base and its power of ten
// (元×10^4 for 万元, 千瓦时×10^4 for 万度, 万kWh and 万千瓦时); any other is
// written as it stands with its spaces taken out and ％ as % (万吨,
// 吨标准煤/万元), after unitNoted has taken off a note.
func unitKey(unit string) string {
	u := strings.ReplaceAll(unitNoted(strings.Join(strings.Fields(unit), "")), "％", "%")
	base := calc.UnitBase(u)
	if base == "" {
		return u
	}
	if _, exps, err := calc.UnitScales([]string{u}, []string{u}, base); err == nil {
		return fmt.Sprintf("%s×10^%d", base, exps[0])
	}
	return u
}

// unitNoted is a 单位 cell's unit without a note in brackets after it that
// says how the figures are priced or counted, not what they are counted
// in: 亿元 in 亿元（现价）, 亿元(可比价) or 万元（含税）, as a header's bracket
// holding such a note gives no unit (calc.IsNote). A bracket that is part
// of the unit stays: 吨（标准煤）.
func unitNoted(cell string) string {
	for _, b := range [][2]string{{"（", "）"}, {"(", ")"}, {"（", ")"}, {"(", "）"}} {
		rest, ok := strings.CutSuffix(cell, b[1])
		if i := strings.LastIndex(rest, b[0]); ok && i > 0 {
			if note := strings.TrimSpace(rest[i+len(b[0]):]); calc.IsNote(note) || strings.HasSuffix(note, "价") {
				return strings.TrimSpace(rest[:i])
			}
		}
	}
	return cell
}
