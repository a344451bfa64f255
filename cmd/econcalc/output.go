package main

import (
	"io"

	"econcalc/calc"
	"github.com/shopspring/decimal"
)

// kind says how a column's numbers are printed.
type kind uint8

const (
	textKind    kind = iota
	exactKind        // input values, exact sums and differences: their own digits
	percentKind      // percentages and percentage points: --decimals
	amountKind       // amounts from a division (a base, a mean): --value-decimals
	fixedKind        // exact amounts printed to a fixed number of places (money in fen)
)

// column is one output column: its stable snake_case key (csv, tsv and json)
// and its headers for table and markdown.
type column struct {
	key    string
	en, zh string
	kind   kind
	places int32 // fixedKind only
}

// cell is one value. A cell that is not ok is missing: empty in csv, tsv and
// tables, null in json.
type cell struct {
	text  string
	num   decimal.Decimal
	ok    bool
	total bool // the label of a total row: "total", or 合计 under --lang zh
}

func textCell(s string) cell         { return cell{text: s, ok: true} }
func numCell(d decimal.Decimal) cell { return cell{num: d, ok: true} }
func intCell(n int) cell             { return numCell(decimal.NewFromInt(int64(n))) }
func maybeCell(m calc.Maybe) cell    { return cell{num: m.V, ok: m.OK} }
func totalLabel() cell               { return cell{text: "total", ok: true, total: true} }
func yesNo(b bool) cell              { return textCell(map[bool]string{true: "yes", false: "no"}[b]) }
func optionalText(s string, ok bool) cell {
	if !ok {
		return cell{}
	}
	return textCell(s)
}

// outputOptions is every decision about how results are printed.
type outputOptions struct {
	format        string // table, csv, tsv, json or markdown
	decimals      int32  // percentages and percentage points
	valueDecimals int32  // amounts from a division
	halfEven      bool   // round half to even instead of half up (四舍五入)
	lang          string // en or zh: table and markdown headers
	noTotal       bool   // drop total rows
	rawText       bool   // write text cells to csv and tsv as they are, formulas and all
}

// rendered is a cell as text, with what json needs to know of it.
type rendered struct {
	s      string
	isNum  bool
	isNull bool
}

// formatter lays out rendered rows in one output format.
type formatter interface {
	header(cols []column, titles []string)
	row(cells []rendered)
	finish(w io.Writer) error
}

// report collects a command's rows, rounding each number once, as it is
// printed. Nothing reaches the writer until finish, so a command that fails
// half-way leaves stdout empty.
type report struct {
	opts outputOptions
	cols []column
	f    formatter
	buf  []rendered
}

func (o outputOptions) newReport(cols []column) *report {
	var f formatter
	switch o.format {
	case "csv":
		f = newDelimitedFormatter(',', !o.rawText)
	case "tsv":
		f = newDelimitedFormatter('\t', !o.rawText)
	case "json":
		f = &jsonFormatter{}
	case "markdown":
		f = &markdownFormatter{}
	default:
		f = &tableFormatter{}
	}
	titles := make([]string, len(cols))
	for i, c := range cols {
		titles[i] = c.en
		if o.lang == "zh" && c.zh != "" {
			titles[i] = c.zh
		}
		if o.format == "csv" || o.format == "tsv" || o.format == "json" {
			titles[i] = c.key
		}
	}
	f.header(cols, titles)
	return &report{opts: o, cols: cols, f: f, buf: make([]rendered, len(cols))}
}

// add appends a row; cells must match the columns.
func (r *report) add(cells ...cell) {
	for i, c := range cells {
		r.buf[i] = r.render(r.cols[i], c)
	}
	r.f.row(r.buf)
}

// addTotal appends a total row, which --no-total drops.
func (r *report) addTotal(cells ...cell) {
	if !r.opts.noTotal {
		r.add(cells...)
	}
}

func (r *report) finish(w io.Writer) error { return r.f.finish(w) }

func (r *report) render(col column, c cell) rendered {
	if !c.ok {
		return rendered{isNull: true}
	}
	if c.total && r.opts.lang == "zh" && (r.opts.format == "table" || r.opts.format == "markdown") {
		return rendered{s: "合计"}
	}
	if col.kind == textKind || c.total {
		return rendered{s: c.text}
	}
	return rendered{s: r.formatNumber(col, c.num), isNum: true}
}

func (r *report) formatNumber(col column, d decimal.Decimal) string {
	switch col.kind {
	case percentKind:
		return r.round(d, r.opts.decimals)
	case amountKind:
		return r.round(d, r.opts.valueDecimals)
	case fixedKind:
		return r.round(d, col.places)
	}
	return exactString(d)
}

func (r *report) round(d decimal.Decimal, places int32) string { return r.opts.round(d, places) }

// round prints d rounded to places, half up (away from zero) or half even.
func (o outputOptions) round(d decimal.Decimal, places int32) string {
	if o.halfEven {
		return d.StringFixedBank(places)
	}
	return d.StringFixed(places)
}

// exactString prints a decimal with all the digits it carries (1.10 stays
// 1.10), never in exponent form.
func exactString(d decimal.Decimal) string {
	return d.StringFixed(max(0, -d.Exponent()))
}
