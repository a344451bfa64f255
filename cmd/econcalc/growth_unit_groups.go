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
func (u *unitCells) addGroup(rec *input.Row, cell string) {
	if u.group < 0 || cell == "" {
		return
	}
	if kind, _, err := u.totals.labelled(rec, u.group); err != nil || kind != dataRow {
		return
	}
	g := rec.Text(u.group)
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
	if len(cells.classes) == 1 || !l.noTotal {
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
	u.apartNote = abbreviate(names, 5)
	return targets, nil
}

// groupRow checks a row's unit against its group's and, for groups in
// different units, the first group's: it gives the shifts of the row's
// class (u.shifts but for a second class read apart).
func (u *growthUnits) groupRow(rec *input.Row, cell string) ([]rowShift, error) {
	if u.groupFirst == nil || cell == "" {
		return u.shifts, nil
	}
	kind, _, err := u.totals.labelled(rec, u.group)
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
