package main

import (
	"fmt"
	"slices"

	"econcalc/calc"
	"econcalc/cmd/internal/input"
	"econcalc/cmd/internal/report"
)

// A long table (指标,时间,单位,数值) read with --group-col may hold groups
// in different units: 产值 in 亿元 beside 企业数 in 个. Each group's rows
// are one series and must be in one unit (after shifting 亿元 into 万元);
// groups whose units cannot be brought into one cannot be added into a
// total, nor shares of it taken: without --no-total such a table is
// refused, and with it each group's own growth is printed, without
// shares, 拉动 and 贡献率 (growthUnits.apart).

// unitSeen is where a unit was first named: the group, the cell, the row
// (whose line a part read in parallel knows only once the parts before it
// are counted: Pos.Line is asked when an error is written).
type unitSeen struct {
	group, cell string
	pos         input.Pos
}

// unitClass is what a unit can be brought into: the base of a unit
// econcalc converts (元 for 万元 and 亿元（现价）), else the unit itself.
func unitClass(cell string) string {
	if u := unitNoted(cell); calc.IsUnit(u) {
		return "base:" + calc.UnitBase(u)
	}
	return unitKey(cell)
}

// addGroup notes the first unit each group, and each class of units,
// is named in; total and subtotal rows are no group.
// A group's rows with an empty cell are noted too (the first of them):
// a group none of whose rows names a unit is in a unit not given.
func (u *unitCells) addGroup(rec *input.Row, cell string) {
	if u.group < 0 {
		return
	}
	if kind, _, err := u.totals.labelled(rec, u.group); err != nil || kind != dataRow {
		return
	}
	g := rec.Text(u.group)
	if cell == "" {
		if !u.blankSeen[g] {
			u.blankSeen[g] = true
			u.blank = append(u.blank, unitSeen{group: g, pos: rec.Pos()})
		}
		return
	}
	seen := unitSeen{group: g, cell: cell, pos: rec.Pos()}
	if first, ok := u.groups[g]; !ok {
		u.groups[g] = seen
	} else if unitClass(first.cell) != unitClass(cell) {
		u.split = true
	}
	if c := unitClass(cell); !u.classSeen[c] {
		u.classSeen[c] = true
		u.classes = append(u.classes, seen)
	}
}

// mergeGroups takes p's groups and classes into u, which holds the parts
// before p: the earliest line wins.
func (u *unitCells) mergeGroups(p *unitCells) {
	u.split = u.split || p.split
	for _, seen := range p.blank {
		if !u.blankSeen[seen.group] {
			u.blankSeen[seen.group] = true
			u.blank = append(u.blank, seen)
		}
	}
	for g, seen := range p.groups {
		if first, ok := u.groups[g]; !ok {
			u.groups[g] = seen
		} else if unitClass(first.cell) != unitClass(seen.cell) {
			u.split = true
		}
	}
	for _, seen := range p.classes {
		if c := unitClass(seen.cell); !u.classSeen[c] {
			u.classSeen[c] = true
			u.classes = append(u.classes, seen)
		}
	}
}

// groupUnits chooses, for a table of groups in different units read
// with --no-total, the shifts of each class of units into the finest of
// its units; without --no-total the rows of a second class are refused.
func (l *growthLayout) groupUnits(in *input.Source, u *growthUnits, cells *unitCells) ([]string, error) {
	if l.group < 0 || len(cells.classes) == 0 {
		return []string{u.unit}, nil
	}
	u.group, u.totals, u.groupFirst, u.firstRow = l.group, l.totals, cells.groups, cells.classes[0]
	u.unitless, u.header = unitlessGroups(cells), in.Header[u.col]
	if len(cells.classes) == 1 && len(u.unitless) == 0 || !l.noTotal {
		return []string{u.unit}, nil
	}
	u.apart, u.split, u.classShifts = true, cells.split, map[string][]rowShift{}
	var targets, names []string
	for _, first := range cells.classes {
		names = append(names, fmt.Sprintf("%s in %s", first.group, first.cell))
		to := ""
		if calc.IsUnit(unitNoted(first.cell)) {
			var names, same []string
			for _, cell := range cells.cells {
				if unitClass(cell) == unitClass(first.cell) {
					names, same = append(names, in.Header[u.col]), append(same, unitNoted(cell))
				}
			}
			var err error
			if to, _, err = calc.UnitScales(names, same, ""); err != nil {
				return nil, err
			}
		}
		targets = append(targets, to)
		for _, k := range u.governs {
			u.classShifts[unitClass(first.cell)] = append(u.classShifts[unitClass(first.cell)], rowShift{in: in, unitCol: u.col, amount: l.values[k], to: to})
		}
	}
	for _, seen := range cells.blank {
		if _, ok := u.unitless[seen.group]; ok {
			names = append(names, seen.group+" with no unit given")
		}
	}
	u.apartNote = abbreviate(names, 5)
	return targets, nil
}

// unitlessGroups are the groups none of whose rows names a unit: beside
// groups that name one, their unit is not given, and whether their
// figures can be added to the others' is not known.
func unitlessGroups(cells *unitCells) map[string]unitSeen {
	var none map[string]unitSeen
	for _, seen := range cells.blank {
		if _, ok := cells.groups[seen.group]; !ok {
			if none == nil {
				none = map[string]unitSeen{}
			}
			none[seen.group] = seen
		}
	}
	return none
}

// groupRow checks a row's unit against its group's and, for groups in
// different units, the first group's: it gives the shifts of the row's
// class (u.shifts but for a second class read apart).
func (u *growthUnits) groupRow(rec *input.Row, cell string) ([]rowShift, error) {
	if u.groupFirst == nil || cell == "" && len(u.unitless) == 0 {
		return u.shifts, nil
	}
	kind, _, err := u.totals.labelled(rec, u.group)
	if cell == "" && err == nil && kind == dataRow {
		return u.unitlessRow(rec)
	}
	if cell == "" && !(kind == totalRow && u.apart) {
		return u.shifts, nil
	}
	switch {
	case err != nil || kind == subtotalRow:
		return u.shifts, nil // read, and refused or passed over, as any row is
	case kind == totalRow && u.apart:
		return nil, rec.Errorf(u.group, "a total row, among groups in different units (%s): give --no-total a table without total rows, or every group in one unit", u.apartNote)
	case kind == totalRow:
		return u.shifts, nil
	}
	c := unitClass(cell)
	if first := u.groupFirst[rec.Text(u.group)]; c != unitClass(first.cell) {
		return nil, rec.Errorf(u.col, "%s, where line %d is in %s: the rows of group %s form one series, and econcalc converts only between multiples of 元, 人, 户 or 千瓦时 (万元, 亿元 …); give every row of the group a unit it can bring into the others'", input.QuoteCell(cell), first.pos.Line(), first.cell, first.group)
	}
	switch {
	case c == unitClass(u.firstRow.cell):
		return u.shifts, nil
	case !u.apart:
		return nil, rec.Errorf(u.col, "%s, where line %d is in %s: groups in different units (%s in %s, %s in %s) cannot be added into a total, nor shares of it taken; give every group in one unit, or --no-total for each group's own growth", input.QuoteCell(cell), u.firstRow.pos.Line(), u.firstRow.cell, u.firstRow.group, u.firstRow.cell, rec.Text(u.group), cell)
	}
	return u.classShifts[c], nil
}

// unitlessRow is a row, with an empty cell, of a group: one none of
// whose rows names a unit, beside groups that name one, is refused
// without --no-total (its figures cannot be added to theirs by a guess),
// and read as written with it.
func (u *growthUnits) unitlessRow(rec *input.Row) ([]rowShift, error) {
	g := rec.Text(u.group)
	if _, ok := u.unitless[g]; !ok {
		return u.shifts, nil
	}
	if u.apart {
		return nil, nil
	}
	return nil, rec.Errorf(u.col, "empty: group %s gives its unit in none of its rows, beside group %s in %s (line %d): its figures cannot be added to theirs into a total, nor shares of it taken, by a guess of its unit; give its %s, or --no-total for each group's own growth", g, u.firstRow.group, u.firstRow.cell, u.firstRow.pos.Line(), u.header)
}

// withoutShares are cols without the figures of a group's part in a total
// (share_pct, contrib_pp, contrib_pct and their real ones): groups in
// units that cannot be added up have no total to be part of.
func withoutShares(cols []report.Column) []report.Column {
	return slices.DeleteFunc(cols, func(c report.Column) bool {
		switch c.Key {
		case "share_pct", "contrib_pp", "contrib_pct", "real_contrib_pp", "real_contrib_pct":
			return true
		}
		return false
	})
}
