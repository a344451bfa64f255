package input

import (
	"fmt"
	"slices"
	"strings"

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
// brackets and that unit is 元, 人 or another no power of ten multiplies
// (工资性收入（元） beside 单位：元, plainUnit): the unit is then said once,
// where the columns read it, and a column that says none reads the same in
// either file. A 单位 whose unit cannot be read is an error, not no unit.
type tableUnit struct {
	unit      string   // the first file's
	first     string   // the first file, once its lines are read
	headUnits []string // the units the first file's header gives
	now       string   // what the lines above the header of the file last opened give
	file      string
	inFile    string // what the lines of the file being opened give
	err       error  // a unit they give that cannot be read
}

// read looks for the unit in the cells of a line passed over, line of
// file: a 单位 there whose unit cannot be read is an error done returns,
// never a unit left unsaid (amounts read in 元).
func (t *tableUnit) read(cells []string, file string, line int) {
	if t.file != file {
		t.file, t.inFile, t.err = file, "", nil
	}
	for i, cell := range cells {
		next := ""
		if i+1 < len(cells) {
			next = cells[i+1]
		}
		u, said, ok := titleUnitBeside(cell, next)
		if !ok && t.err == nil {
			t.err = &DataError{File: file, Line: line, Msg: fmt.Sprintf("%q above the header gives a unit econcalc cannot read: "+
				"it reads %s; write the unit so, or take the line out", said, unitsUnderstood)}
		}
		if u != "" && t.inFile == "" {
			t.inFile = u
		}
	}
}

// done is called below the lines passed over of each file opened, with its
// header: the first file's unit is the table's, and every other file must
// give it too, above its header or in it.
func (t *tableUnit) done(file string, line int, header []string) error {
	got, err := "", error(nil)
	if t.file == file {
		got, err = t.inFile, t.err
	}
	t.file, t.inFile, t.now, t.err = "", "", got, nil
	if err != nil {
		return err
	}
	units := headerUnits(header)
	if t.first == "" || t.first == file {
		// The first file, or the first again: its header may have been
		// split on another delimiter before (detectDelimiter).
		t.unit, t.first, t.headUnits = got, file, units
		return nil
	}
	switch {
	case got == t.unit, got == "" && plainUnit(t.unit) && slices.Contains(units, t.unit),
		t.unit == "" && plainUnit(got) && slices.Contains(t.headUnits, got):
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
	msg += ": files read together must give one unit"
	if both := got + t.unit; (got == "" || t.unit == "") && slices.Contains(append(units, t.headUnits...), both) {
		// 单位：万元 above one header, 工资性收入（万元） in the other: a column
		// the other leaves without a unit (经营净收入) would be read in 万元.
		msg += fmt.Sprintf("; a column that gives no unit in its header would be read in %s in one file and not in the other: give 单位：%s above each file's header", both, both)
	}
	return &DataError{File: file, Line: line, Msg: msg}
}

// plainUnit: a unit no power of ten multiplies (元, 人, 元/人), in which a
// column that gives no unit reads as it stands: 工资性收入（元） under
// 填报单位：… and 工资性收入 under 单位：元 are read together, as 户编号
// under both is; under 单位：万元, 经营净收入 beside 工资性收入（万元） would
// be read in 万元 in one file and in 元 in the other.
func plainUnit(u string) bool {
	return u != "" && calc.UnitBase(u) == u
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
