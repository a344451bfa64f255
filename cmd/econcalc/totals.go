package main

import (
	"fmt"
	"slices"
	"strings"

	"econcalc/calc"
	"econcalc/cmd/internal/input"
	"econcalc/cmd/internal/report"

	"github.com/shopspring/decimal"
	"github.com/urfave/cli/v2"
)

// Bureau tables carry their own totals: a 合计 row under the groups, a
// 小计 under each block. Such a row is not a group, a household or a
// project. A reported total is checked against econcalc's own sum of the
// rows it covers; a subtotal is refused unless --ignore-subtotals.

// rowKind is what a row's label (a group, village, category or id cell)
// makes of it.
type rowKind uint8

const (
	dataRow rowKind = iota
	totalRow
	subtotalRow
)

// firstColumnBeside is column 0 when it is none of cols, else -1: a table's
// 合计 often sits in its first column, 序号, beside an empty id, so a
// command looks there too for the label of a total row.
func firstColumnBeside(cols ...int) int {
	if slices.Contains(cols, 0) {
		return -1
	}
	return 0
}

// noteSubtotals says how many subtotal rows --ignore-subtotals passed over.
func noteSubtotals(e *env, n int) {
	switch {
	case n == 1:
		e.notef("passed over 1 subtotal row (--ignore-subtotals)")
	case n > 1:
		e.notef("passed over %d subtotal rows (--ignore-subtotals)", n)
	}
}

// noteLookup says what a lookup file (--pools, --population, --deflator)
// passed over: title lines above its header, notes below its table.
func noteLookup(e *env, in *input.Source) {
	for _, p := range []struct {
		n     int
		what  string
		where string
	}{{in.TitleLines(), "title line", "above the header"}, {in.NotesPassed(), "note row", "below the table"}} {
		switch {
		case p.n == 1:
			e.notef("%s: passed over 1 %s %s", in.First(), p.what, p.where)
		case p.n > 1:
			e.notef("%s: passed over %d %ss %s", in.First(), p.n, p.what, p.where)
		}
	}
}

// totalsOptions is what to do with reported totals and subtotals.
type totalsOptions struct {
	strict          bool // a reported total that differs is a data error
	ignoreSubtotals bool
	// numbering is 1 + the column that numbers the rows (序号), 0 for none
	// (numberingColumn), so that options made without it have none.
	numbering int
}

// numberingColumn is 1 + the column that numbers a table's rows, by its
// header (序号, 编号, 行次, No.), when it is none of cols (an id), else 0
// (totalsOptions.numbering): a label there is its row's, for it holds
// numbers.
func numberingColumn(in *input.Source, cols ...int) int {
	for i, h := range in.Header {
		switch strings.ToLower(strings.TrimSpace(h)) {
		case "序号", "编号", "行次", "行号", "序", "顺序号", "no", "no.", "#":
			if !slices.Contains(cols, i) {
				return i + 1
			}
		}
	}
	return 0
}

func totalsFlags() []cli.Flag {
	return []cli.Flag{
		&cli.BoolFlag{Name: "strict-totals", Usage: "a total row of the input (合计, 总计, total) that differs from econcalc's sum beyond its rounding is an error, not a warning"},
		&cli.BoolFlag{Name: "ignore-subtotals", Usage: "pass over subtotal rows (小计) instead of refusing the input"},
	}
}

func totalsFrom(c *cli.Context) totalsOptions {
	return totalsOptions{strict: c.Bool("strict-totals"), ignoreSubtotals: c.Bool("ignore-subtotals")}
}

// labelled classifies a row by its label cells, the first of them that is
// not a data label deciding. A subtotal is an error unless ignored; skip
// then says to pass the row over.
func (t totalsOptions) labelled(rec *input.Row, cols ...int) (kind rowKind, col int, err error) {
	for _, c := range cols {
		if c < 0 || !mayBeLabel(rec.Fields[c]) { // the usual row: no cell trimmed
			continue
		}
		switch k := kindOf(rec.Cell(c)); k {
		case totalRow:
			return k, c, nil
		case subtotalRow:
			if t.ignoreSubtotals {
				return k, c, nil
			}
			what := "a subtotal row"
			if isBreakdown(rec.Cell(c)) {
				what = "a breakdown (其中) of the rows above"
			}
			return k, c, rec.Errorf(c, "%s is %s: econcalc adds the rows itself and would count it twice; take it out, or pass --ignore-subtotals",
				input.QuoteCell(rec.Text(c)), what)
		}
	}
	return dataRow, -1, nil
}

// rowLabel classifies a row with a label of its own, own (an id, a
// project, a year), by it and by the label cells beside it (its group's,
// and the first column where that is another; -1 for none). A total or a
// subtotal in own decides, and so does any total label in a column that
// numbers the rows (totalsOptions.numbering: 全村 in 序号 beside 共3户).
// Beside it, a label that says total (合计, …合计, 小计) decides too,
// whatever own holds (合计 beside 共2户); a place (全镇, 全村) only where own
// is empty or a dash: beside a name, a place names the row's area (a
// project in the category 全镇, a year of the region 全县). A subtotal is
// an error unless ignored, as in labelled.
func (t totalsOptions) rowLabel(rec *input.Row, own int, beside ...int) (kind rowKind, col int, err error) {
	if t.unlabelled(rec, own, beside) { // the usual row, at the cost of a look at each cell's ends
		return dataRow, -1, nil
	}
	if kind, col, err = t.labelled(rec, own); kind != dataRow || err != nil {
		return kind, col, err
	}
	if n := t.numbering - 1; n >= 0 && n != own && mayBeLabel(rec.Fields[n]) {
		if kind, _ := labelKind(rec.Cell(n)); kind != dataRow {
			return t.labelled(rec, n) // 全村 in 序号 beside 共3户: 序号 numbers rows
		}
	}
	for _, c := range beside {
		if c < 0 || c == own || !mayBeLabel(rec.Fields[c]) {
			continue
		}
		switch kind, place := labelKind(rec.Cell(c)); {
		case kind == dataRow:
		case place && !emptyLabel(rec.Cell(own)):
		default:
			return t.labelled(rec, c)
		}
	}
	return dataRow, -1, nil
}

// unlabelled is whether none of the cells rowLabel reads may hold a label
// (mayBeLabel): most rows, which it then passes at once.
func (t totalsOptions) unlabelled(rec *input.Row, own int, beside []int) bool {
	if mayBeLabel(rec.Fields[own]) || t.numbering > 0 && mayBeLabel(rec.Fields[t.numbering-1]) {
		return false
	}
	for _, c := range beside {
		if c >= 0 && mayBeLabel(rec.Fields[c]) {
			return false
		}
	}
	return true
}

// reportedTotal is a total row of the input, kept to be checked once every
// row is read.
type reportedTotal struct {
	at     input.Pos
	label  string     // the label as written, 合计
	scope  string     // the group it totals, "" for all of them
	orAll  bool       // or all of them (totalScope)
	values []calc.Num // one per checked column
	ok     []bool     // the cell was not empty
}

// shifted is the total with each checked column's value shifted into the
// unit the rows are read in (columnUnits).
func (t reportedTotal) shifted(exps []int32) reportedTotal {
	for i, e := range exps {
		t.values[i] = t.values[i].Shift(e)
	}
	return t
}

// readTotal reads a total row's checked columns.
func readTotal(rec *input.Row, label int, scope string, cols []int) (reportedTotal, error) {
	t := reportedTotal{at: rec.Pos(), label: rec.Text(label), scope: scope,
		values: make([]calc.Num, len(cols)), ok: make([]bool, len(cols))}
	for i, c := range cols {
		v, ok, err := rec.Amount(c)
		if err != nil {
			return t, err
		}
		t.values[i], t.ok[i] = v, ok
	}
	return t, nil
}

// check compares a reported figure (or the sum of several cells of a total
// row) with econcalc's sum: a warning where they differ by more than the
// reported figures' rounding, an error with --strict-totals. what names the
// figure: 规模工业总产值 for 2017-10.
func (t totalsOptions) check(e *env, at input.Pos, label, what string, sum calc.Num, reported ...calc.Num) error {
	if len(reported) == 0 || calc.WithinRounding(sum, reported...) {
		return nil
	}
	var r calc.Num
	for _, v := range reported {
		r = r.Add(v)
	}
	msg := fmt.Sprintf("reported total %q of %s is %s, but the rows it covers add up to %s",
		label, what, report.ExactNum(r), report.ExactString(trimPlaces(sum.Decimal(), -r.Decimal().Exponent())))
	if t.strict {
		return &input.DataError{File: at.File(), Line: at.Line(), Msg: msg + " (--strict-totals)"}
	}
	e.warnf("%s: %s", at, msg)
	return nil
}

// totalScope is what a total row covers by its cells: the group its other
// label names (a village, a category), when that is filled in and is not
// the label's own column. orAll is when the label is not in the row's own
// label column (合计 in 序号): its group cell may be a village filled down
// into the grand total's row, so the figures decide (settleScope).
func totalScope(rec *input.Row, label, group, own int) (scope string, orAll bool) {
	if group < 0 || label == group {
		return "", false
	}
	if g := rec.Cell(group); !emptyLabel(g) {
		return string(g), label != own
	}
	return "", false
}

// scopes are what a total may cover, given whether a group of a name has
// rows: its group, and everything too where orAll; everything, where it
// names no group with rows (合计 beside 合计, or beside 经开区 in a table
// of villages).
func (t reportedTotal) scopes(has func(string) bool) []string {
	switch {
	case t.scope == "" || !has(t.scope):
		return []string{""}
	case t.orAll:
		return []string{t.scope, ""}
	}
	return []string{t.scope}
}

// settleScope is the scope a total is checked against, of those it may
// cover, with the sums of its checked columns there: the first under which
// every figure it gives is its rows' sum within its rounding, else the
// first, whose differences are then reported.
func (t reportedTotal) settleScope(has func(string) bool, sums func(scope string) []calc.Num) (string, []calc.Num) {
	scopes := t.scopes(has)
	for _, s := range scopes {
		want := sums(s)
		agrees := true
		for k, v := range t.values {
			if t.ok[k] && !calc.WithinRounding(want[k], v) {
				agrees = false
				break
			}
		}
		if agrees {
			return s, want
		}
	}
	return scopes[0], sums(scopes[0])
}

// trimPlaces drops trailing zeros of d beyond places decimals: a sum held
// to 4 places prints as the figures it is compared with.
func trimPlaces(d decimal.Decimal, places int32) decimal.Decimal {
	if places = max(places, 0); d.Exponent() < -places && d.Round(places).Equal(d) {
		return d.Round(places)
	}
	return d
}
