// Package report is the report model and every output format of econcalc:
// columns with a kind (text, exact, percentage, amount, fixed places),
// cells, rounding once, and the table, csv, tsv, json and markdown
// writers.
//
// # Rounding once
//
// A cell holds exact figures: an amount (a calc.Num, fixed point or
// decimal) or a quotient kept undivided (PercentCell), or is rendered
// straight from a calc.Num (RenderAmount, RenderQuotient) by a command that
// lays out millions of rows. It is divided and rounded only in Render, to
// --decimals for percentages and --value-decimals for amounts from a
// division, half up (四舍五入) or half even: in 128-bit integers when the
// digits fit (roundDiv), else in big integers, divided once and rounded
// once on the exact remainder. Exact amounts print with the digits they
// carry (1.10 stays 1.10), never in exponent form.
//
// # Output is all or nothing
//
// Rows are written to a buffer (in memory up to 1 MiB, then in temporary
// files, removed from their folder as soon as made), and reach the writer only in
// Finish, once the command has succeeded: a command that fails half-way
// leaves stdout empty.
//
// # Parallel layout
//
// A long listing is laid out in parallel: Fork gives a report for one
// goroutine's run of rows and Join appends the runs in order (a spilled
// buffer joins as a file segment, not a copy). InParallel does both for n
// rows. A table is drawn by econcalc itself, byte for byte as tablewriter's
// ASCII renderer drew it with pinned symbols, alignment and header
// formatting (TestTableAsTablewriterDrawsIt), at a fraction of its cost per
// row: its rows are kept in blocks of cells until the column widths are
// known, and a long one is drawn in batches, a piece per core
// (TestTableInPiecesIsTheWholeTable). Ambiguous-width characters count as
// one column and a tab as eight spaces, so the bytes never depend on the
// locale or the terminal.
//
// # Text as it is, or as it shows
//
// Table and markdown are read on a terminal: a line break in a cell shows
// as ↵, and a control character, U+2028/2029 or a bidi override as its
// escape, \x1b or \u202e (escapeControls), so that a file can neither
// break the columns nor drive the terminal. csv, tsv, json and xlsx carry
// text exactly: csv and tsv quote as encoding/csv does (in tsv a cell with
// a tab, a line break or a quote is quoted as in csv, as Excel writes
// tab-delimited text) and, unless --raw-text, give text that a spreadsheet
// would run as a formula a leading '. JSON numbers are spelt exactly as in
// csv, never passed through float64.
package report
