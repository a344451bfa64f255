package main

import (
	"bytes"
	"fmt"
	"slices"
	"unicode"
	"unicode/utf8"

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

// kindOf reads a label, trimmed, in any case and with the spaces that align
// 合　计 in a printed table taken out, and without a colon or a note in
// brackets at its end (合计：, 合计（户）, 全县（区）): 合计, 总计, 全部, 总体,
// 全省, 全市, 全县, 全区, 全镇, 全乡, 全村, total, all or sum is a total, and
// so is a label that ends 合计, 总计, 共计 or total (全区合计, 县合计,
// Grand total); 小计, subtotal or a label that ends 小计 (罗建村小计) is a
// subtotal, and so is a breakdown, 其中… (isBreakdown). It is called for
// every row, so it rules out most labels by their first and last bytes.
func kindOf(cell []byte) rowKind {
	kind, _ := labelKind(cell)
	return kind
}

// labelKind is kindOf, and whether the label is only a place or "all"
// (全县, 全部, all: placeLabels), which may name a row's area as well as
// total it.
func labelKind(cell []byte) (kind rowKind, place bool) {
	if len(cell) < 3 || !maybeLabel(cell) && !maybeLabelEnd(cell) {
		return dataRow, false
	}
	if isBreakdown(cell) {
		return subtotalRow, false
	}
	for len(cell) > maxLabel && (bytes.HasSuffix(cell, []byte("）")) || bytes.HasSuffix(cell, []byte(")"))) {
		i := max(bytes.LastIndex(cell, []byte("（")), bytes.LastIndexByte(cell, '(')) // a long note: 合计（注：…）
		if i <= 0 {
			break
		}
		cell = bytes.TrimSpace(cell[:i])
	}
	if len(cell) > maxLabel {
		return dataRow, false
	}
	var buf [maxLabel + utf8.UTFMax]byte
	label := buf[:0]
	for _, r := range string(cell) {
		switch {
		case unicode.IsSpace(r):
		case r < utf8.RuneSelf:
			label = append(label, byte(unicode.ToLower(r)))
		default:
			label = utf8.AppendRune(label, r)
		}
	}
	label = labelStem(label)
	if slices.Contains(placeLabels, string(label)) {
		return totalRow, true
	}
	switch string(label) {
	case "合计", "总计", "total":
		return totalRow, false
	case "小计", "subtotal", "sub-total":
		return subtotalRow, false
	}
	switch {
	case bytes.HasSuffix(label, []byte("小计")) || bytes.HasSuffix(label, []byte("subtotal")) || bytes.HasSuffix(label, []byte("sub-total")):
		return subtotalRow, false
	case bytes.HasSuffix(label, []byte("合计")) || bytes.HasSuffix(label, []byte("总计")) ||
		bytes.HasSuffix(label, []byte("共计")) || bytes.HasSuffix(label, []byte("total")):
		return totalRow, false
	}
	return dataRow, false
}

// placeLabels total a table when its label column says them, but may name
// a row's area in another column (全镇 in a 单位 column first).
var placeLabels = []string{"全部", "总体", "全省", "全市", "全县", "全区", "全镇", "全乡", "全村", "all", "sum"}

// maxLabel is the longest label, in bytes, kindOf reads: 80 Chinese
// characters (永州经济技术开发区重点建设项目合计 is 48 bytes).
const maxLabel = 240

// labelStem is a label without a colon or a note in brackets at its end:
// 合计：→ 合计, 合计（户）→ 合计, 全县（区）→ 全县.
func labelStem(label []byte) []byte {
	for {
		switch {
		case bytes.HasSuffix(label, []byte("：")):
			label = label[:len(label)-len("：")]
		case bytes.HasSuffix(label, []byte(":")):
			label = label[:len(label)-1]
		case bytes.HasSuffix(label, []byte("）")) || bytes.HasSuffix(label, []byte(")")):
			i := max(bytes.LastIndex(label, []byte("（")), bytes.LastIndexByte(label, '('))
			if i <= 0 {
				return label
			}
			label = label[:i]
		default:
			return label
		}
	}
}

// isBreakdown reports a label that starts 其中 (of which: 其中：六大战役),
// a part of the rows above it given again, which adding would count twice:
// a subtotal, to econcalc.
func isBreakdown(cell []byte) bool { return bytes.HasPrefix(cell, []byte("其中")) }

// maybeLabel rules a cell out by its first bytes: those of 合, 全, 小 and 总
// (0xE5 0x90, 0xE5 0x85, 0xE5 0xB0, 0xE6 0x80) or of total, all, sum and
// subtotal.
func maybeLabel(cell []byte) bool {
	switch cell[0] {
	case 0xE5:
		return cell[1] == 0x90 || cell[1] == 0x85 || cell[1] == 0xB0
	case 0xE6:
		return cell[1] == 0x80
	case 't', 'T', 'a', 'A', 's', 'S':
		return true
	}
	return false
}

// maybeLabelEnd rules a cell out by its last bytes: a label that does not
// start as one (罗建村小计, 县合计, Grand total) ends 计 (0xE8 0xAE 0xA1),
// total, or a colon or closing bracket (full-width ： and ）: 0xEF 0xBC 0x9A,
// 0xEF 0xBC 0x89).
func maybeLabelEnd(cell []byte) bool {
	n := len(cell)
	switch cell[n-1] {
	case 0xA1:
		return n >= 3 && cell[n-3] == 0xE8 && cell[n-2] == 0xAE
	case 0x89, 0x9A:
		return n >= 3 && cell[n-3] == 0xEF && cell[n-2] == 0xBC
	case ')', ':', 'l', 'L':
		return true
	}
	return false
}

// mayBeLabel is false for a cell, untrimmed, that kindOf cannot take for a
// total or a subtotal: one too short, or one that starts with neither a
// byte a space can start with (a space is trimmed first) nor one a label
// can (maybeLabel), and ends with none a space or a label can end with
// (labelEnds). It runs for every row, so it is a table lookup and a few
// compares, inlined.
func mayBeLabel(cell []byte) bool {
	if len(cell) < 3 {
		return false
	}
	c := cell[0]
	return labelStarts[c] || labelEnds[cell[len(cell)-1]] ||
		c == 0xE5 && (cell[1] == 0x90 || cell[1] == 0x85 || cell[1] == 0xB0) || c == 0xE6 && cell[1] == 0x80
}

// labelStarts are the first bytes of a space, as input's trimCell reads
// them, and of total, all, sum and subtotal (maybeLabel).
var labelStarts = func() (set [256]bool) {
	for c := range 256 {
		set[c] = c <= ' ' || c >= 0xC2 && c <= 0xE3
	}
	for _, c := range []byte("tTaAsS") {
		set[c] = true
	}
	return set
}()

// labelEnds are the last bytes of a space, as input's trimCell reads them,
// and of what a label can end with (maybeLabelEnd): 计, ）, ：, ), :, total.
var labelEnds = func() (set [256]bool) {
	for c := range 256 {
		set[c] = c <= ' ' || c >= 0x80 && c <= 0x8A || c == 0x9F || c == 0xA0 || c == 0xA8 || c == 0xA9 || c == 0xAF
	}
	for _, c := range []byte{0xA1, 0x89, 0x9A, ')', ':', 'l', 'L'} {
		set[c] = true
	}
	return set
}()

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

// ownLabelled is labelledFirst for a row with a label of its own, a
// project or a year: a name there makes the row data, whatever the cells
// beside it say (a project in the category 全镇, a year of the region 全县);
// the cells beside decide only where it is empty or a dash, and the first
// column (序号) as labelledFirst says.
func (t totalsOptions) ownLabelled(rec *input.Row, first, own int, beside ...int) (kind rowKind, col int, err error) {
	kind, col, err = t.labelled(rec, own)
	if kind == dataRow && err == nil && emptyLabel(rec.Cell(own)) {
		kind, col, err = t.labelled(rec, beside...)
	}
	if kind != dataRow || err != nil {
		return kind, col, err
	}
	return t.labelledFirst(rec, first)
}

// labelledFirst is labelled, and then, for a data row, what a table's first
// column (序号) says: a total or a subtotal beside whatever the row's own
// label cell holds (合计 beside 共2户, or beside an empty id), for 序号 holds
// numbers; but a place (全镇) there may name the row's area, and is not
// taken for a total (labelKind).
func (t totalsOptions) labelledFirst(rec *input.Row, first int, cols ...int) (kind rowKind, col int, err error) {
	if kind, col, err = t.labelled(rec, cols...); kind != dataRow || err != nil || first < 0 || !mayBeLabel(rec.Fields[first]) {
		return kind, col, err
	}
	if kind, place := labelKind(rec.Cell(first)); kind == dataRow || place {
		return dataRow, -1, nil
	}
	return t.labelled(rec, first)
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

// emptyLabel is a label cell with nothing in it: empty, or a dash or slash
// that stands for "not applicable" (—, ——, －, -, /), as a total row's id
// or village cell often does.
func emptyLabel(cell []byte) bool {
	for _, r := range string(cell) {
		switch r {
		case '-', '—', '–', '‐', '－', '/', '／', '―':
		default:
			return false
		}
	}
	return true
}

// trimPlaces drops trailing zeros of d beyond places decimals: a sum held
// to 4 places prints as the figures it is compared with.
func trimPlaces(d decimal.Decimal, places int32) decimal.Decimal {
	if places = max(places, 0); d.Exponent() < -places && d.Round(places).Equal(d) {
		return d.Round(places)
	}
	return d
}
