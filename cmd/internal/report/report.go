package report

import (
	"errors"
	"io"
	"runtime"
	"slices"

	"econcalc/calc"
	"econcalc/cmd/internal/input"
)

// Kind says how a column's numbers are printed.
type Kind uint8

const (
	TextKind    Kind = iota
	ExactKind        // input values, exact sums and differences: their own digits
	PercentKind      // percentages and percentage points: --decimals
	AmountKind       // amounts from a division (a base, a mean): --value-decimals
	FixedKind        // exact amounts printed to a fixed number of places (money in fen)
)

// Column is one output Column: its stable snake_case key (csv, tsv and json)
// and its headers for table and markdown.
type Column struct {
	Key    string
	En, Zh string
	Kind   Kind
	// Places: FixedKind, the places printed; ExactKind, the fewest (zeros
	// are added, so that a column of input amounts shows one number of
	// places: 10005.00 above 0.00, not above 0); PercentKind, the places
	// when --decimals is not given (a figure judged against a threshold).
	Places int32
	// Judged: a figure judged against Threshold (an incidence against the
	// exit rate, a per-capita income against the line) that is not on it
	// prints with up to four more places rather than as it (threshold.go).
	Judged    bool
	Threshold calc.Num
	// NonZero: judged against zero (a lead), which never prints as 0.0.
	NonZero bool
	// scaled is the threshold rounded to the places the column prints, in
	// units of them and as printed (set by New, so that rows need no parse).
	scaled struct {
		v      int64
		s      string // as printed
		places int32
		ok     bool
	}
}

// WithUnit shows a unit after the column's table and markdown headers,
// planned (万元) and 年度计划（万元）; csv, tsv and json keys stay as they are.
func (c Column) WithUnit(unit string) Column {
	if unit != "" {
		c.En += " (" + unit + ")"
		c.Zh += "（" + unit + "）"
	}
	return c
}

// ForPeople tells a format read by people (table, markdown, xlsx), whose
// headers and words follow --lang, from one read by programs (csv, tsv,
// json), whose keys and values never change.
func (o Options) ForPeople() bool {
	return o.Format != "csv" && o.Format != "tsv" && o.Format != "json"
}

// Options is every decision about how results are printed.
type Options struct {
	Format        string // table, csv, tsv, json, markdown or xlsx
	Decimals      int32  // percentages and percentage points
	DecimalsGiven bool   // --decimals was given: it overrides a column's own default
	ValueDecimals int32  // amounts from a division
	HalfEven      bool   // round half to even instead of half up (四舍五入)
	Lang          string // en or zh: table and markdown headers
	NoTotal       bool   // drop total rows
	RawText       bool   // write text cells to csv and tsv as they are, formulas and all
	Sheet         string // xlsx: the sheet's name, the command's
	Sort          string // an output key to order the rows by (-KEY descending), or pinyin
}

// Rendered is a cell as text, with what json and a workbook need to know
// of it.
type Rendered struct {
	S       string
	IsNum   bool
	IsNull  bool
	IsTotal bool // the label of a total row: a workbook sets the row in bold
}

// Formatter lays out rendered rows in one output format.
type Formatter interface {
	Header(cols []Column, titles []string)
	Row(cells []Rendered)
	Finish(w io.Writer) error
	// Chunk is a formatter for a run of rows laid out apart (by another
	// goroutine), and join appends such a Chunk's rows after these.
	Chunk() Formatter
	Join(chunk Formatter)
}

// Report collects a command's rows, rounding each number once, as it is
// printed. Nothing reaches the writer until finish, so a command that fails
// half-way leaves stdout empty.
type Report struct {
	opts Options
	cols []Column
	f    Formatter
	buf  []Rendered
}

func (o Options) NewReport(cols []Column) *Report {
	var f Formatter
	switch o.Format {
	case "csv":
		f = newDelimitedFormatter(',', !o.RawText)
	case "tsv":
		f = newDelimitedFormatter('\t', !o.RawText)
	case "json":
		f = &jsonFormatter{}
	case "markdown":
		f = &markdownFormatter{}
	case "xlsx":
		f = &xlsxFormatter{sheet: o.Sheet}
	default:
		f = &tableFormatter{}
	}
	if o.Sort != "" {
		f = sorted(f, cols, o.Sort)
	}
	titles := make([]string, len(cols))
	for i, c := range cols {
		titles[i] = c.En
		if o.Lang == "zh" && c.Zh != "" {
			titles[i] = c.Zh
		}
		if !o.ForPeople() {
			titles[i] = c.Key
		}
	}
	f.Header(cols, titles)
	r := &Report{opts: o, cols: slices.Clone(cols), f: f, buf: make([]Rendered, len(cols))}
	r.scaleThresholds()
	return r
}

// Add appends a row; cells must match the columns.
func (r *Report) Add(cells ...Cell) {
	for i := range cells {
		r.buf[i] = r.render(&r.cols[i], &cells[i])
	}
	r.f.Row(r.buf)
}

// AddTotal appends a total row, which --no-total drops.
func (r *Report) AddTotal(cells ...Cell) {
	if !r.opts.NoTotal {
		r.Add(cells...)
	}
}

// Finish writes the report. Everything is computed by then, so an error is
// the output failing: a WriteError.
func (r *Report) Finish(w io.Writer) error {
	err := r.f.Finish(w)
	var we *WriteError
	var ue *UsageError
	if err != nil && !errors.As(err, &we) && !errors.As(err, &ue) {
		err = &WriteError{What: "the output", Err: err}
	}
	return err
}

// Fork is a report for one goroutine's run of rows; join appends the runs
// of forks to r, in the order given, so that rows laid out in parallel keep
// their order.
func (r *Report) Fork() *Report {
	return &Report{opts: r.opts, cols: r.cols, f: r.f.Chunk(), buf: make([]Rendered, len(r.cols))}
}

func (r *Report) Join(forks ...*Report) {
	for _, k := range forks {
		r.f.Join(k.f)
	}
}

// ParallelRows is the number of rows from which inParallel uses every core
// (a variable so that tests use it on small inputs).
var ParallelRows = 50_000

// InParallel lays out n rows with addRows(fork, from, to), in a fork of rep
// per core when there are minRows or more, and joins them in order.
func InParallel(rep *Report, n, minRows int, addRows func(fork *Report, from, to int)) {
	parts := runtime.GOMAXPROCS(0)
	if n < minRows || parts < 2 {
		addRows(rep, 0, n)
		return
	}
	forks := make([]*Report, parts)
	for k := range forks {
		forks[k] = rep.Fork()
	}
	input.InParts(n, parts, func(k, from, to int) { addRows(forks[k], from, to) })
	rep.Join(forks...)
}

// Row appends a row already rendered (see Render), for a command that lays
// out many rows of the same columns.
func (r *Report) Row(cells []Rendered) { r.f.Row(cells) }

// Wrap puts a formatter around the report's, one that also sees every row
// (a chart drawn from the same figures).
func (r *Report) Wrap(wrap func(Formatter) Formatter) { r.f = wrap(r.f) }
