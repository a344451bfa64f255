package main

import (
	"fmt"
	"strings"

	"econcalc/cmd/internal/input"
)

// baseUnits checks base's 单位 column. Its rows stand alone, each in the
// unit its cell names (万吨, 亿千瓦时, %), and their bases and increases are
// in it; but a cell must not contradict a unit the amount headers give,
// whatever it measures: 吨 under 产量(万吨) would print a base 10000 times
// the header's. Units are compared as the unit reader reads them
// (sameUnit): 万度 under 绝对值(万千瓦时) is that unit. A total or subtotal
// row (合计, 总计, 小计, 全市合计, as labelKind reads them) among rows in
// different units adds up nothing and is refused; a breakdown (其中：水电)
// is a row of its own.
type baseUnits struct {
	money     rowUnits // the check of a unit of money, against the table's unit too
	indicator int
	units     []string       // the rows' units, in the order first met
	lines     map[string]int // where each was first met, by unitKey
	total     *input.DataError
	kind      rowKind // of the first total row
}

func newBaseUnits(in *input.Source, amounts []int, indicator int) *baseUnits {
	return &baseUnits{money: rowUnits{in: in, col: unitColumnOf(in), amounts: amounts}, indicator: indicator, lines: map[string]int{}}
}

func (u *baseUnits) check(rec *input.Row) error {
	if err := u.money.agrees(rec); err != nil || u.money.col < 0 {
		return err
	}
	in, col := u.money.in, u.money.col
	cell := rec.Text(col)
	if label := rec.Cell(u.indicator); u.total == nil && !isBreakdown(label) {
		if kind, _ := labelKind(label); kind != dataRow {
			u.total, _ = rec.Errorf(u.indicator, "").(*input.DataError)
			u.kind = kind
		}
	}
	if cell == "" || isDash(cell) {
		return nil
	}
	if key := unitKey(cell); u.lines[key] == 0 {
		u.units, u.lines[key] = append(u.units, cell), rec.Pos().Line()
	}
	for _, c := range u.money.amounts {
		if own := headerOwnUnit(in, c); own != "" && !sameUnit(own, cell) {
			return rec.Errorf(col, "%s, where %q is in %s: give the figures in the headers' unit, or take the unit out of the headers so that each row's %s cell gives its own", input.QuoteCell(cell), in.Header[c], own, in.Header[col])
		}
	}
	return nil
}

// totalErr refuses a total row among rows in different units, once every
// row is read: 原煤产量 in 万吨 and 发电量 in 亿千瓦时 have no sum.
func (u *baseUnits) totalErr() error {
	if u.total == nil || len(u.units) < 2 {
		return nil
	}
	met := make([]string, len(u.units))
	for i, unit := range u.units {
		met[i] = fmt.Sprintf("%s (line %d)", unit, u.lines[unitKey(unit)])
	}
	what := "a total"
	if u.kind == subtotalRow {
		what = "a subtotal"
	}
	u.total.Msg = fmt.Sprintf("%s across rows in different units, %s: they cannot be added up; take the %s row out", what, strings.Join(met, ", "), strings.TrimPrefix(what, "a "))
	return u.total
}

// isDash is a cell that says "none" with a dash: —, -, －, ——.
func isDash(cell string) bool {
	return strings.Trim(cell, "-—－–") == ""
}
