package report

import (
	"econcalc/calc"

	"github.com/shopspring/decimal"
)

// Cell is one value. A Cell that is not ok is missing: empty in csv, tsv and
// tables, null in json.
type Cell struct {
	text  string
	num   calc.Num
	den   calc.Num // with quo: the cell is num ÷ den (× 100 in a percentage column)
	quo   bool
	ok    bool
	total bool // the label of a total row: "total", or 合计 under --lang zh
	word  bool // a word of econcalc's own (poor, done), said in --lang where people read
}

func TextCell(s string) Cell         { return Cell{text: s, ok: true} }
func NumCell(d decimal.Decimal) Cell { return Cell{num: calc.DecimalNum(d), ok: true} }
func AmountCell(n calc.Num) Cell     { return Cell{num: n, ok: true} }
func IntCell(n int) Cell             { return Int64Cell(int64(n)) }
func Int64Cell(n int64) Cell         { return AmountCell(calc.IntNum(n)) }
func MaybeCell(m calc.Maybe) Cell    { return Cell{num: calc.DecimalNum(m.V), ok: m.OK} }
func TotalLabel() Cell               { return Cell{text: "total", ok: true, total: true} }
func YesNo(b bool) Cell {
	if b {
		return WordCell("yes")
	}
	return WordCell("no")
}

// WordCell is one of econcalc's own words as a value (poor, done, jan-feb):
// English in csv, tsv and json, which programs read; in --lang in a table,
// markdown or a workbook.
func WordCell(w string) Cell { return Cell{text: w, ok: true, word: true} }

// OptionalWord is WordCell, or a missing cell.
func OptionalWord(w string, ok bool) Cell {
	if !ok {
		return Cell{}
	}
	return WordCell(w)
}

// zhWords are the words econcalc prints as values, in Chinese.
var zhWords = map[string]string{
	"poor": "贫困", "not-poor": "非贫困", "yes": "是", "no": "否",
	"done": "已完成", "ahead": "超序时", "behind": "滞后", "jan-feb": "1-2月",
	"met": "达到目标", "below": "未达目标", "computed": "计算", "given": "原表",
}

// Word renders one of econcalc's own words as WordCell does, for a command
// that lays out many rows without making cells.
func (r *Report) Word(w string) Rendered {
	if r.opts.Lang == "zh" && r.opts.ForPeople() {
		if zh, ok := zhWords[w]; ok {
			return Rendered{S: zh}
		}
	}
	return Rendered{S: w}
}

// PercentCell is part ÷ whole, divided only when printed, so that it is
// rounded once, exactly: × 100 in a percentage column, as it is in an amount
// column; missing when whole is zero.
func PercentCell(part, whole decimal.Decimal) Cell {
	return quotientCell(calc.DecimalNum(part), calc.DecimalNum(whole))
}

// quotientCell is PercentCell for amounts in either form.
func quotientCell(part, whole calc.Num) Cell {
	return Cell{num: part, den: whole, quo: true, ok: !whole.IsZero()}
}

func OptionalText(s string, ok bool) Cell {
	if !ok {
		return Cell{}
	}
	return TextCell(s)
}

// Render prints a cell of a column as its kind and the options say: the
// one place where a number is rounded.
func (r *Report) Render(col Column, c Cell) Rendered { return r.render(&col, &c) }

func (r *Report) render(col *Column, c *Cell) Rendered {
	if !c.ok {
		return Rendered{IsNull: true}
	}
	if c.total && r.opts.Lang == "zh" && r.opts.ForPeople() {
		return Rendered{S: "合计", IsTotal: true}
	}
	if c.word {
		return r.Word(c.text)
	}
	if col.Kind == TextKind || c.total {
		return Rendered{S: c.text, IsTotal: c.total}
	}
	if c.quo {
		return r.quotientIn(col, c.num, c.den)
	}
	return Rendered{S: r.formatNumber(col, c.num), IsNum: true}
}

// RenderAmount renders an amount in column i as Render renders its
// AmountCell, for a command that lays out many rows without making cells.
func (r *Report) RenderAmount(i int, n calc.Num) Rendered {
	return Rendered{S: r.formatNumber(&r.cols[i], n), IsNum: true}
}

// RenderQuotient renders num ÷ den in column i as Render renders its
// quotientCell.
func (r *Report) RenderQuotient(i int, num, den calc.Num) Rendered {
	if den.IsZero() {
		return Rendered{IsNull: true}
	}
	return r.quotientIn(&r.cols[i], num, den)
}

// quotientIn is num ÷ den (den ≠ 0) as the column prints it: × 100 to
// --decimals in a percentage column, to --value-decimals in an amount one,
// with more places where a judged column needs them (apart).
func (r *Report) quotientIn(col *Column, num, den calc.Num) Rendered {
	shift, places := r.quotientShift(col)
	s := r.opts.quotient(num, den, shift, places)
	if col.judged() {
		s = r.apart(col, s, num, den, shift, places)
	}
	return Rendered{S: s, IsNum: true}
}

// IsTotal reports the label of a total row.
func (c Cell) IsTotal() bool { return c.total }
