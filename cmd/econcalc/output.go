package main

import (
	"io"
	"runtime"
	"sync"

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
	den   decimal.Decimal // with quo: the cell is num ÷ den × 100
	quo   bool
	ok    bool
	total bool // the label of a total row: "total", or 合计 under --lang zh
}

func textCell(s string) cell         { return cell{text: s, ok: true} }
func numCell(d decimal.Decimal) cell { return cell{num: d, ok: true} }
func intCell(n int) cell             { return numCell(decimal.NewFromInt(int64(n))) }
func maybeCell(m calc.Maybe) cell    { return cell{num: m.V, ok: m.OK} }
func totalLabel() cell               { return cell{text: "total", ok: true, total: true} }
func yesNo(b bool) cell              { return textCell(map[bool]string{true: "yes", false: "no"}[b]) }

// percentCell is part ÷ whole, divided only when printed, so that it is
// rounded once, exactly: × 100 in a percentage column, as it is in an amount
// column; missing when whole is zero.
func percentCell(part, whole decimal.Decimal) cell {
	return cell{num: part, den: whole, quo: true, ok: !whole.IsZero()}
}

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
	// chunk is a formatter for a run of rows laid out apart (by another
	// goroutine), and join appends such a chunk's rows after these.
	chunk() formatter
	join(chunk formatter)
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

// fork is a report for one goroutine's run of rows; join appends the runs
// of forks to r, in the order given, so that rows laid out in parallel keep
// their order.
func (r *report) fork() *report {
	return &report{opts: r.opts, cols: r.cols, f: r.f.chunk(), buf: make([]rendered, len(r.cols))}
}

func (r *report) join(forks ...*report) {
	for _, k := range forks {
		r.f.join(k.f)
	}
}

// parallelRows is the number of rows from which inParallel uses every core
// (a variable so that tests use it on small inputs).
var parallelRows = 50_000

// inParallel lays out n rows with addRows(fork, from, to), in a fork of rep
// per core when there are minRows or more, and joins them in order.
func inParallel(rep *report, n, minRows int, addRows func(fork *report, from, to int)) {
	parts := runtime.GOMAXPROCS(0)
	if n < minRows || parts < 2 {
		addRows(rep, 0, n)
		return
	}
	forks := make([]*report, parts)
	for k := range forks {
		forks[k] = rep.fork()
	}
	inParts(n, parts, func(k, from, to int) { addRows(forks[k], from, to) })
	rep.join(forks...)
}

// inParts runs do over parts of 0 … n−1, part k from n·k/parts to
// n·(k+1)/parts, each in its own goroutine, and waits for them all. A panic
// in a part is raised again in the caller once every part has ended, so
// that run reports it as an internal error instead of the process dying
// with a stack trace.
func inParts(n, parts int, do func(k, from, to int)) {
	panics := make([]any, parts)
	var wg sync.WaitGroup
	for k := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { panics[k] = recover() }()
			do(k, n*k/parts, n*(k+1)/parts)
		}()
	}
	wg.Wait()
	for _, p := range panics {
		if p != nil {
			panic(p)
		}
	}
}

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
	if c.quo && col.kind == amountKind {
		return rendered{s: r.opts.quotient(c.num, c.den, 0, r.opts.valueDecimals), isNum: true}
	}
	if c.quo {
		return rendered{s: r.opts.percent(c.num, c.den), isNum: true}
	}
	return rendered{s: r.formatNumber(col, c.num), isNum: true}
}

// percent prints num ÷ den × 100 (den ≠ 0) rounded to --decimals.
func (o outputOptions) percent(num, den decimal.Decimal) string {
	return o.quotient(num, den, 2, o.decimals)
}

// quotient prints num ÷ den × 10^shift (den ≠ 0) rounded to places: in
// integers when the digits fit, else through a 28-place quotient.
func (o outputOptions) quotient(num, den decimal.Decimal, shift int, places int32) string {
	a, ea, aok := smallDecimal(num)
	b, eb, bok := smallDecimal(den)
	if aok && bok && b != 0 {
		if b < 0 {
			a, b = -a, -b
		}
		k := int(ea) - int(eb) + shift + int(places)
		var v int64
		var ok bool
		switch {
		case k >= 0 && k < len(pow10):
			v, ok = roundDiv(a, pow10[k], b, o.halfEven)
		case k < 0 && -k < len(pow10) && b < 1<<62/pow10[-k]:
			v, ok = roundDiv(a, 1, b*pow10[-k], o.halfEven)
		}
		if ok {
			return formatScaled(v, int(places))
		}
	}
	q, _ := calc.Ratio(num.Shift(int32(shift)), den)
	return o.round(q, places)
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
// A coefficient that fits int64, the usual case, is rounded in integers.
func (o outputOptions) round(d decimal.Decimal, places int32) string {
	if c, exp, ok := smallDecimal(d); ok && places >= 0 && int(places) < len(pow10) {
		if shift := places + exp; shift >= 0 {
			if int(shift) < len(pow10) && abs64(c) < 1<<62/pow10[shift] {
				return formatScaled(c*pow10[shift], int(places))
			}
		} else if int(-shift) < len(pow10) {
			if v, ok := roundDiv(c, 1, pow10[-shift], o.halfEven); ok {
				return formatScaled(v, int(places))
			}
		}
	}
	if o.halfEven {
		return d.StringFixedBank(places)
	}
	return d.StringFixed(places)
}

// smallDecimal is d as coefficient × 10^exp when the coefficient fits int64.
func smallDecimal(d decimal.Decimal) (c int64, exp int32, ok bool) {
	if d.NumDigits() > 18 {
		return 0, 0, false
	}
	return d.CoefficientInt64(), d.Exponent(), true
}

func abs64(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// exactString prints a decimal with all the digits it carries (1.10 stays
// 1.10), never in exponent form.
func exactString(d decimal.Decimal) string {
	if c, exp, ok := smallDecimal(d); ok && exp <= 0 && -exp < int32(len(pow10)) {
		return formatScaled(c, int(-exp))
	}
	return d.StringFixed(max(0, -d.Exponent()))
}
