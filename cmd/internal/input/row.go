package input

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"econcalc/calc"
)

// Row is one data row. Its fields are read-only and valid only during the
// call that hands it over: clone what is kept.
type Row struct {
	Fields [][]byte
	src    *Source
	span   *span
	line   int // within span
	ids    idChecker
}

// span is a run of lines of one file: a whole file, or one parallel range
// of it, whose first line is known once the ranges before it are counted.
type span struct {
	file  string
	first int // the line number of the span's first line
}

// Pos is where a row was read. A row read in a parallel range knows its
// line only once every range before it has been read, so a Pos is for
// messages printed after Fold returns.
type Pos struct {
	s    *span
	line int
}

// Pos is where the row was read.
func (r *Row) Pos() Pos { return Pos{r.span, r.line} }

func (p Pos) File() string   { return p.s.file }
func (p Pos) Line() int      { return p.s.first + p.line - 1 }
func (p Pos) String() string { return fmt.Sprintf("%s:%d", p.File(), p.Line()) }

// Cell is a field with the spaces around it trimmed.
func (r *Row) Cell(col int) []byte { return trimCell(r.Fields[col]) }

// Text is a field with the spaces around it trimmed, as a string of its own.
func (r *Row) Text(col int) string { return string(r.Cell(col)) }

// Errorf locates a problem with one cell.
func (r *Row) Errorf(col int, format string, args ...any) error {
	return &DataError{File: r.span.file, Line: r.Pos().Line(), Column: r.src.Header[col], Msg: fmt.Sprintf(format, args...)}
}

// Unique checks the row's id, the cell of the column Source.Unique named
// as Cell gives it; the command calls it where its checks of a row put it.
func (r *Row) Unique(id []byte) error {
	if r.ids == nil {
		return nil
	}
	return r.ids.check(r, id)
}

// Number reads a numeric cell as a decimal, missing when the cell is empty.
func (r *Row) Number(col int) (calc.Maybe, error) {
	return r.parse(col, false)
}

// Rate reads a cell that may carry a percent sign (31.7%).
func (r *Row) Rate(col int) (calc.Maybe, error) {
	return r.parse(col, true)
}

// Whole reads a cell that must hold a whole number (a count of households
// or people), missing when the cell is empty.
func (r *Row) Whole(col int) (calc.Maybe, error) {
	m, err := r.Number(col)
	if err == nil && m.OK && !m.V.IsInteger() {
		err = r.Errorf(col, "%s is not a whole number", QuoteCell(string(r.Fields[col])))
	}
	return m, err
}

// Amount reads a numeric cell as an exact amount: in fixed point when it
// fits, the usual case and the fast one, else as a decimal. ok is false
// for an empty cell.
func (r *Row) Amount(col int) (n calc.Num, ok bool, err error) {
	if v, places, empty, fits := parseFixed(r.Fields[col]); fits {
		return calc.FixedNum(v, places), !empty, nil
	}
	m, err := r.Number(col)
	return calc.DecimalNum(m.V), m.OK, err
}

func (r *Row) parse(col int, percent bool) (calc.Maybe, error) {
	cell := string(r.Fields[col])
	d, ok, err := ParseNumber(cell, percent)
	if strings.IndexByte(cell, mergeMark) >= 0 {
		if e := r.mergedError(col, cell); e != nil {
			return calc.Maybe{}, e
		}
	}
	if err != nil {
		return calc.Maybe{}, r.Errorf(col, "%s %v", QuoteCell(cell), err)
	}
	return calc.Maybe{V: d, OK: ok}, nil
}

// QuoteCell quotes a cell for a message, cutting a long one short.
func QuoteCell(s string) string {
	const max = 40
	if utf8.RuneCountInString(s) <= max {
		return strconv.Quote(s)
	}
	return strconv.Quote(string([]rune(s)[:max])) + "…"
}

// SplitNames flattens repeated and comma-separated column names.
func SplitNames(values []string) []string {
	var names []string
	for _, v := range values {
		for _, n := range strings.Split(v, ",") {
			if n = strings.TrimSpace(n); n != "" {
				names = append(names, n)
			}
		}
	}
	return names
}

// Sum adds the amounts of several columns, empty cells counting as
// nothing: the whole per-row work of a registry's income. any reports a
// cell that was not empty. It adds in int64 while every cell is a bare
// amount (sumFixed), the usual case, and from the first that is not on as
// Amount reads each cell.
func (r *Row) Sum(cols []int) (calc.Num, bool, error) {
	units, places, any, k := sumFixed(r.Fields, cols)
	if k < len(cols) {
		return r.sumFrom(cols[k:], calc.FixedNum(units, places), any)
	}
	return calc.FixedNum(units, places), any, nil
}

// sumFixed adds cells in fixed point up to the first that is not a bare
// amount, k, or to the end: Sum goes on from there with Amount, which
// trims a cell and may read it as a decimal. A bare amount is an empty
// cell, or one of at most 12 bytes that is [-]digits[.digits] with at most
// calc.FixedScale decimals below calc.FixedLimit, read as parseFixed reads
// it: the commonest (0, 1041, 159.47, -748.0). So many cells, each below
// calc.FixedLimit, stay below 2^62.
//
// It calls nothing that is not inlined, so that its running sums stay in
// registers: the usual cell, one to eight digits, is one loop
// (leadingDigits), and a decimal goes on from where its digits stop, not
// from the start again. At most 11 digits make less than 10^11, and 10^15
// in units: no overflow.
func sumFixed(fields [][]byte, cols []int) (units int64, places int, any bool, k int) {
	if len(cols) >= 1<<20 {
		return 0, 0, false, 0
	}
	places = -1 // while no cell was read; any is places >= 0
	for k, i := range cols {
		b := fields[i]
		v, n := leadingDigits(b)
		if n == len(b) && uint(n-1) < 8 { // eight digits are below fixedLimits[0]
			units, places = units+v*calc.FixedOne, max(places, 0)
			continue
		}
		if len(b) == 0 {
			continue
		}
		if len(b) > 12 {
			return units, max(places, 0), places >= 0, k
		}
		digits := b
		if b[0] == '-' {
			digits = b[1:]
			v, n = leadingDigits(digits)
		}
		p := 0
		if n < len(digits) {
			p = len(digits) - n - 1 // the decimals, if digits[n] is a point
			w, m := leadingDigits(digits[n+1:])
			if digits[n] != '.' || m != p || p > calc.FixedScale || n+m == 0 {
				return units, max(places, 0), places >= 0, k
			}
			v = v*calc.Pow10[p] + w
		} else if n == 0 { // "-"
			return units, max(places, 0), places >= 0, k
		}
		if v >= fixedLimits[p] {
			return units, max(places, 0), places >= 0, k
		}
		if v *= calc.Pow10[calc.FixedScale-p]; len(digits) < len(b) {
			v = -v
		}
		units, places = units+v, max(places, p)
	}
	return units, max(places, 0), places >= 0, len(cols)
}

// sumFrom is Sum with Amount, from a running total.
func (r *Row) sumFrom(cols []int, total calc.Num, any bool) (calc.Num, bool, error) {
	for _, i := range cols {
		v, ok, err := r.Amount(i)
		if err != nil {
			return total, false, err
		}
		if ok {
			total, any = total.Add(v), true
		}
	}
	return total, any, nil
}

// Count reads a cell that must hold a whole number, a household's members
// say, as an int64; ok is false for an empty cell. A whole number beyond
// ±2^62 comes back as ±2^62, for the caller's range check to refuse.
func (r *Row) Count(col int) (n int64, ok bool, err error) {
	if v, _, any, k := sumFixed(r.Fields, []int{col}); k == 1 && any && v%calc.FixedOne == 0 {
		return v / calc.FixedOne, true, nil
	}
	if v, _, empty, plain := parseFixed(r.Fields[col]); plain && v%calc.FixedOne == 0 {
		return v / calc.FixedOne, !empty, nil
	}
	m, ok, err := r.Amount(col)
	if err != nil || !ok {
		return 0, ok, err
	}
	if !m.IsInteger() {
		return 0, true, r.Errorf(col, "%s is not a whole number", QuoteCell(string(r.Fields[col])))
	}
	if n, fits := m.Int64(); fits {
		return n, true, nil
	}
	return int64(m.Sign()) << 62, true, nil
}
