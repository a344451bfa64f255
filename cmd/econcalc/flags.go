package main

import (
	"econcalc/cmd/internal/input"
	"econcalc/cmd/internal/report"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"
)

// maxDecimals bounds --decimals and --value-decimals: 20 places are more
// than any figure carries, and few enough that every rounding stays exact
// and every printed number short.
const maxDecimals = 20

// maxRecordCeiling bounds --max-record-bytes: 1 GiB. The limit is what a
// line may grow to, never what is set aside for it.
const maxRecordCeiling = 1 << 30

// intFlag is an integer option, held as the text typed and read by intIn
// against its range: urfave/cli's IntFlag reads 010 as octal 8 and 1_0 as
// 10, and its value, cast to a narrower integer, once wrapped 4294967297 to 1.
func intFlag(name string, value int, usage string) *cli.GenericFlag {
	return &cli.GenericFlag{Name: name, Value: &flagText{strconv.Itoa(value)}, Usage: usage}
}

// flagText is a flag's value as typed.
type flagText struct{ s string }

func (t *flagText) Set(s string) error { t.s = s; return nil }
func (t *flagText) String() string     { return t.s }

// intIn reads an intFlag: a whole number in base 10 from lo to hi, checked
// before anything narrows or allocates it. Anything else, whatever its
// size, is bad usage that gives the range.
func intIn(c *cli.Context, name string, lo, hi int64, unit string) (int64, error) {
	s := c.String(name)
	v, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err == nil && v >= lo && v <= hi {
		return v, nil
	}
	if unit != "" {
		unit = " " + unit
	}
	if err != nil {
		return 0, usagef("--%s %q: use a whole number from %d to %d%s", name, s, lo, hi, unit)
	}
	return 0, usagef("--%s %d: use %d to %d%s", name, v, lo, hi, unit)
}

// inputFlags are the flags of every command that reads CSV.
func inputFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "encoding", Value: "auto", Usage: "input encoding: auto, utf-8 or gb18030 (auto reads UTF-8, with or without BOM, and otherwise GB18030)"},
		&cli.StringFlag{Name: "delimiter", Aliases: []string{"d"}, Usage: `field delimiter: ",", ";", "|" or "\t" (default: "," or, when the header has tabs and no commas, "\t")`},
		intFlag("skip", 0, "lines above the header to pass over (a title, a unit row)"),
		intFlag("skip-footer", 0, "rows at the end of each file to pass over (notes: 注：…, 资料来源…)"),
		&cli.StringFlag{Name: "sheet", Usage: "the sheet of an .xlsx workbook to read: its name, or its number from 1, hidden sheets counted (default: the first one shown)"},
		intFlag("max-record-bytes", input.DefaultMaxRecord, "refuse an input record (a row, line breaks inside quotes included) longer than this many bytes instead of holding it (at most 1073741824, 1 GiB)"),
	}
}

// outputFlags are the flags of every command that prints a table.
func outputFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "format", Aliases: []string{"o"}, Value: "table", Usage: "output format: table, csv, tsv, json, markdown or xlsx (an Excel workbook of one sheet, at most 1,048,576 rows; for --output FILE or a redirect, never a terminal). Without it, --output FILE's extension chooses (.xlsx, .csv, .tsv, .json, .md), else table"},
		intFlag("decimals", 1, "decimal places of percentages and percentage points (0 to 20)"),
		intFlag("value-decimals", 2, "decimal places of amounts that come from a division (bases, means, per-capita incomes; 0 to 20)"),
		&cli.StringFlag{Name: "rounding", Value: "half-up", Usage: "half-up (四舍五入) or half-even"},
		&cli.StringFlag{Name: "lang", Value: "en", Usage: "language of table, markdown and xlsx headers: en or zh (csv, tsv and json keys never change)"},
		&cli.BoolFlag{Name: "no-total", Usage: "leave out total rows"},
		&cli.BoolFlag{Name: "raw-text", Usage: "in csv and tsv, write text that begins with = + - @ as it is (by default it gets a leading ' so that a spreadsheet does not run it as a formula)"},
		&cli.StringFlag{Name: "output", Usage: "write the result to `FILE` instead of standard output, whole or not at all: an existing FILE is replaced only when the command succeeds; its extension chooses the format when --format is not given", TakesFile: true},
		&cli.StringFlag{Name: "sort", Usage: "order the rows by an output `KEY` (-KEY descending; pinyin: Chinese names in pinyin order); by default they follow the input. Totals stay last"},
	}
}

// shareRoundingFlag is --share-rounding, for a command that prints shares
// of a whole (share_pct).
func shareRoundingFlag() cli.Flag {
	return &cli.StringFlag{Name: "share-rounding", Value: "half-up",
		Usage: "shares of a whole (share_pct): half-up, each on its own, or largest-remainder, rounded together so that they add to exactly 100 as printed (结构 published 19.5 : 34.6 : 45.9)"}
}

// shareRoundingFrom reads --share-rounding.
func shareRoundingFrom(c *cli.Context) (report.ShareRounding, error) {
	switch choice(c, "share-rounding") {
	case "half-up":
		return report.SharesHalfUp, nil
	case "largest-remainder":
		return report.SharesLargestRemainder, nil
	}
	return 0, usagef("--share-rounding %q: use half-up or largest-remainder", c.String("share-rounding"))
}

// withIOFlags is a command's own flags followed by the input and output
// flags every command shares.
func withIOFlags(own ...cli.Flag) []cli.Flag {
	return append(append(own, inputFlags()...), outputFlags()...)
}

// ioFrom reads the shared input and output flags.
func ioFrom(c *cli.Context) (input.Options, report.Options, error) {
	in, err := inputFrom(c)
	if err != nil {
		return in, report.Options{}, err
	}
	out, err := outputFrom(c)
	return in, out, err
}

func inputFrom(c *cli.Context) (input.Options, error) {
	opts := input.Options{Files: c.Args().Slice(), Sheet: c.String("sheet")}
	if err := distinctFiles(opts.Files); err != nil {
		return opts, err
	}
	for _, name := range []string{"pools", "population"} {
		if c.String(name) == "-" && readsStdin(opts.Files) {
			return opts, usagef("--%s - and the input are both standard input, which is read once: name a file for one of them", name)
		}
	}
	for _, n := range []struct {
		name string
		to   *int
	}{{"skip", &opts.Skip}, {"skip-footer", &opts.SkipFooter}} {
		v, err := intIn(c, n.name, 0, 1000, "lines")
		if err != nil {
			return opts, err
		}
		*n.to = int(v)
	}
	v, err := intIn(c, "max-record-bytes", 1, maxRecordCeiling, "bytes (1 GiB)")
	if err != nil {
		return opts, err
	}
	opts.MaxRecord = int(v)
	switch enc := choice(c, "encoding"); enc {
	case "auto", "gb18030":
		opts.Encoding = enc
	case "utf-8", "utf8":
		opts.Encoding = "utf-8"
	case "gbk", "gb2312":
		// GB18030 is a superset of both.
		opts.Encoding = "gb18030"
	default:
		return opts, usagef("--encoding %q: use auto, utf-8 or gb18030", c.String("encoding"))
	}
	switch d := c.String("delimiter"); strings.ToLower(d) {
	case "":
		// Open looks at the header.
	case ",", ";", "\t", "|":
		opts.Delimiter = rune(d[0])
	case `\t`, "tab":
		opts.Delimiter = '\t'
	default:
		return opts, usagef(`--delimiter %q: use ",", ";", "|" or "\t"`, d)
	}
	return opts, nil
}

// choice is a flag's value where it names one of a few choices, which are
// matched in any case: -o CSV is -o csv.
func choice(c *cli.Context, name string) string {
	return strings.ToLower(strings.TrimSpace(c.String(name)))
}

func outputFrom(c *cli.Context) (report.Options, error) {
	opts := report.Options{
		Lang:    choice(c, "lang"),
		NoTotal: c.Bool("no-total"),
		RawText: c.Bool("raw-text"),
	}
	var err error
	if opts.Format, err = formatFrom(c); err != nil {
		return opts, err
	}
	if c.Command != nil {
		opts.Sheet = c.Command.Name // xlsx: the sheet is named after the command
	}
	for _, n := range []struct {
		name string
		to   *int32
	}{{"decimals", &opts.Decimals}, {"value-decimals", &opts.ValueDecimals}} {
		v, err := intIn(c, n.name, 0, maxDecimals, "")
		if err != nil {
			return opts, err
		}
		*n.to = int32(v) // within 0 to maxDecimals: no wrap
	}
	opts.DecimalsGiven = c.IsSet("decimals")
	opts.Sort = strings.TrimSpace(c.String("sort"))
	if k := strings.TrimPrefix(opts.Sort, "-"); k == "lead" {
		opts.Sort = strings.Replace(opts.Sort, "lead", "lead_pp", 1) // invest's furthest behind first
	}
	switch choice(c, "rounding") {
	case "half-up":
	case "half-even":
		opts.HalfEven = true
	default:
		return opts, usagef("--rounding %q: use half-up or half-even", c.String("rounding"))
	}
	if opts.Lang != "en" && opts.Lang != "zh" {
		return opts, usagef("--lang %q: use en or zh", opts.Lang)
	}
	return opts, nil
}

// formatFrom is the output format, read here and nowhere else: --format,
// or when it is not given the format --output's extension names, so that
// --output report.xlsx is a workbook and not a table Excel refuses to open.
// A --format that another extension contradicts is bad usage: a csv in a
// file named .xlsx, or a workbook in one named .csv, is a broken file, and
// which of the two the user meant cannot be told. An extension that names
// no format (.txt, none) leaves --format, table by default.
func formatFrom(c *cli.Context) (string, error) {
	format := choice(c, "format")
	switch format {
	case "table", "csv", "tsv", "json", "markdown", "xlsx":
	case "md":
		format = "markdown"
	default:
		return "", usagef("--format %q: use table, csv, tsv, json, markdown or xlsx", format)
	}
	path := c.String("output")
	named := formatOfFile(path)
	switch {
	case named == "":
		return format, nil
	case !c.IsSet("format"):
		return named, nil
	case named != format:
		return "", usagef("--format %s does not match --output %q, whose extension means %s: leave out --format (the extension chooses the format), or name another file", format, path, named)
	}
	return format, nil
}

// formatOfFile is the format a file's extension names, in any case
// (.XLSX is .xlsx), or "" for an extension that names none.
func formatOfFile(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx":
		return "xlsx"
	case ".csv":
		return "csv"
	case ".tsv":
		return "tsv"
	case ".json":
		return "json"
	case ".md", ".markdown":
		return "markdown"
	}
	return ""
}
