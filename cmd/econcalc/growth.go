package main

import (
	"fmt"
	"strings"

	"econcalc/calc"
	"github.com/shopspring/decimal"
	"github.com/urfave/cli/v2"
)

const growthDescription = `Growth rates of one or more series, compared by calendar: 2017-10 against
2016-10 whatever the row order, and a missing month gives an empty rate, never a
comparison with the wrong month.

Columns: a period column (period, date, month, year, quarter, 时间, 期间, 月份, 年份, 季度,
日期) and value columns: every other column, or those named with --value-col.
Periods: 2017, 2017年; 2017-Q3, 2017Q3, 2017年3季度; 2017-10, 2017/10, 201710, 2017M10,
2017年10月; year-to-date 2017年1-10月 (implies --ytd).

Output keys: [group,] series, period, value, yoy_change, yoy_pct, pop_pct (monthly and
quarterly); with --ytd period_value, period_yoy_pct, note; with --two-year yoy2_avg_pct;
with --group-col share_pct, contrib_pp (拉动), contrib_pct (贡献率).

With --ytd, a year whose first figure is February (January absent: bureaus publish
1–2月 together) gets the January–February total as February's period_value, marked
"jan-feb" in the note column; its period_yoy_pct compares with last year's 1–2月
total, and no period-on-period rate is formed across it.

Holds every row in memory (the series are sorted by calendar).

Examples:
   econcalc growth testdata/demo/output_ytd.csv
   econcalc growth testdata/demo/output_ytd.csv --value-col 规模工业总产值 --format csv
   econcalc growth testdata/demo/industries.csv --group-col industry --two-year`

var periodColumn = columnSpec{key: "period",
	aliases: []string{"date", "month", "year", "quarter", "时间", "期间", "月份", "年份", "季度", "日期", "年月"},
	flag:    "period-col"}

type growthOptions struct {
	in                  inputOptions
	out                 outputOptions
	periodCol, groupCol string
	valueCols           []string
	ytd, twoYear        bool
	summary             bool
	visual              visualOptions // --chart, --plot: chart.go
}

func growthCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:        "growth",
		Usage:       "year-on-year (同比), period-on-period (环比) and year-to-date (累计) growth by calendar",
		UsageText:   "econcalc growth [options] [FILE...]",
		Description: growthDescription,
		Flags: withIOFlags(
			&cli.StringFlag{Name: "period-col", Usage: "name of the period column"},
			&cli.StringSliceFlag{Name: "value-col", Usage: "value columns (repeatable or comma-separated; default every other column)"},
			&cli.StringFlag{Name: "group-col", Usage: "break each series down by this column (industry, enterprise) and add totals, shares and contributions"},
			&cli.BoolFlag{Name: "ytd", Usage: "values are year-to-date cumulative (累计); derive single-period values"},
			&cli.BoolFlag{Name: "two-year", Usage: "add the two-year average growth (两年平均增长)"},
			&cli.BoolFlag{Name: "summary", Usage: "one row per series: first and last values, total and annualized growth"},
			&cli.StringFlag{Name: "chart", Usage: "also write a chart of each series to `FILE` (SVG; PNG when FILE ends in .png)", TakesFile: true},
			&cli.BoolFlag{Name: "plot", Usage: "draw each series in the terminal under the table (table format only)"},
		),
		Action: func(c *cli.Context) error {
			in, out, err := ioFrom(c)
			if err != nil {
				return err
			}
			opts := growthOptions{in: in, out: out,
				periodCol: c.String("period-col"), groupCol: c.String("group-col"),
				valueCols: splitNames(c.StringSlice("value-col")),
				ytd:       c.Bool("ytd"), twoYear: c.Bool("two-year"), summary: c.Bool("summary"),
				visual: visualOptions{chart: c.String("chart"), plot: c.Bool("plot")}}
			if opts.summary && (opts.ytd || opts.twoYear) {
				return usagef("--summary compares levels; it does not combine with --ytd or --two-year")
			}
			if err := opts.visual.check(opts.out, opts.summary); err != nil {
				return err
			}
			return runGrowth(e, opts)
		},
	}
}

// growthData is what growth reads: each group's points for each series, as
// decimals or, on the fast path, as fixed point.
type growthData[N any] struct {
	series []string              // value column names, in column order
	groups []string              // group names in first-appearance order; one "" without --group-col
	points [][][]calc.PointOf[N] // [group][series]
	freq   calc.Frequency
	ytd    bool // some period label was year-to-date
	rows   int  // data rows read
}

// addGroup returns the index of a group, adding it when new.
func (d *growthData[N]) addGroup(index map[string]int, name string) int {
	gi, ok := index[name]
	if !ok {
		gi = len(d.groups)
		index[strings.Clone(name)] = gi
		d.groups = append(d.groups, strings.Clone(name))
		d.points = append(d.points, make([][]calc.PointOf[N], len(d.series)))
	}
	return gi
}

func runGrowth(e *env, opts growthOptions) error {
	in, spooled, err := openSpooled(opts.in, e.stdin)
	if err != nil {
		return err
	}
	opts.in = spooled
	defer in.Close()
	layout, err := findGrowthColumns(in, opts)
	if err != nil {
		return err
	}
	if !opts.summary {
		fixed, ok, err := readGrowthFast(opts, in, layout)
		if err != nil {
			return err
		}
		if ok {
			return writeGrowth(e, opts, fixed, fixedFigures{opts.out})
		}
	}
	data, err := readGrowthInput(in, layout)
	if err != nil {
		return err
	}
	if opts.summary {
		return writeGrowthSummary(e, opts, data)
	}
	return writeGrowth(e, opts, data, decimalFigures{opts.out})
}

// figures prints the amounts and percentages of one number type.
type figures[N any] interface {
	exact(N) rendered                  // an amount with the digits it carries
	percent(calc.Quotient[N]) rendered // rounded once, to --decimals
	twoYear(value, base N) rendered    // two-year average growth
}

// writeGrowth prints the growth of every series, by group when asked.
func writeGrowth[N calc.Amount[N]](e *env, opts growthOptions, data *growthData[N], f figures[N]) error {
	ytd := opts.ytd || data.ytd
	figs := calc.GrowthOptions{YTD: ytd, TwoYear: opts.twoYear}
	cols := growthColumns(opts, data.freq, ytd)
	rep := opts.out.newReport(cols)
	drawGrowth(e, rep, opts, cols)
	out := make([]rendered, len(cols))
	emitted := 0 // rows other than totals: one per input row and series
	emit := func(group cell, series string, r calc.RowOf[N]) {
		growthCells(rep, cols, f, group, series, r, out)
		rep.f.row(out)
		if !group.total {
			emitted++
		}
	}
	for s, name := range data.series {
		if opts.groupCol == "" {
			g := calc.GrowthOf(data.points[0][s], figs)
			if g.NonPositiveBase {
				e.warnf("series %q: a base of zero or below has no growth rate; those rates are left empty", name)
			}
			for _, r := range g.Rows {
				emit(cell{}, name, r)
			}
			continue
		}
		perGroup := make([][]calc.PointOf[N], len(data.groups))
		for gi := range data.groups {
			perGroup[gi] = data.points[gi][s]
		}
		b := calc.BreakDown(perGroup, figs)
		if len(b.Incomplete) > 0 {
			e.warnf("series %q: no total for %s: some group has no value there", name, periodList(b.Incomplete))
		}
		var nonPositive []string
		for gi := range data.groups {
			g := b.Group(gi)
			if g.NonPositiveBase {
				nonPositive = append(nonPositive, data.groups[gi])
			}
			for _, r := range g.Rows {
				emit(textCell(data.groups[gi]), name, r)
			}
		}
		if b.Total.NonPositiveBase {
			nonPositive = append(nonPositive, "total")
		}
		if len(nonPositive) > 0 {
			e.warnf("series %q: a base of zero or below has no growth rate; those rates are left empty (groups %s)", name, abbreviate(nonPositive, 5))
		}
		if !opts.out.noTotal {
			for _, r := range b.Total.Rows {
				emit(totalLabel(), name, r)
			}
		}
	}
	if err := reconcile("growth", data.rows*len(data.series), emitted); err != nil {
		return err
	}
	return rep.finish(e.stdout)
}

// keyColumns are the group (with --group-col) and series columns that begin
// every growth table.
func (opts growthOptions) keyColumns() []column {
	var cols []column
	if opts.groupCol != "" {
		cols = append(cols, column{key: "group", en: opts.groupCol, zh: opts.groupCol, kind: textKind})
	}
	return append(cols, column{key: "series", en: "series", zh: "指标", kind: textKind})
}

func growthColumns(opts growthOptions, freq calc.Frequency, ytd bool) []column {
	cols := append(opts.keyColumns(),
		column{key: "period", en: "period", zh: "期间", kind: textKind},
		column{key: "value", en: "value", zh: "数值", kind: exactKind},
		column{key: "yoy_change", en: "yoy change", zh: "同比增减", kind: exactKind},
		column{key: "yoy_pct", en: "yoy %", zh: "同比%", kind: percentKind},
	)
	if freq != calc.Annual {
		cols = append(cols, column{key: "pop_pct", en: "pop %", zh: "环比%", kind: percentKind})
	}
	if ytd {
		cols = append(cols,
			column{key: "period_value", en: "period value", zh: "当期值", kind: exactKind},
			column{key: "period_yoy_pct", en: "period yoy %", zh: "当期同比%", kind: percentKind},
			column{key: "note", en: "note", zh: "备注", kind: textKind},
		)
	}
	if opts.twoYear {
		cols = append(cols, column{key: "yoy2_avg_pct", en: "2-year avg %", zh: "两年平均%", kind: percentKind})
	}
	if opts.groupCol != "" {
		cols = append(cols,
			column{key: "share_pct", en: "share %", zh: "占比%", kind: percentKind},
			column{key: "contrib_pp", en: "contrib pp", zh: "拉动(百分点)", kind: percentKind},
			column{key: "contrib_pct", en: "contrib %", zh: "贡献率%", kind: percentKind},
		)
	}
	return cols
}

// growthCells renders one row into out.
func growthCells[N any](rep *report, cols []column, f figures[N], group cell, series string, r calc.RowOf[N], out []rendered) {
	exact := func(v calc.Opt[N]) rendered {
		if !v.OK {
			return rendered{isNull: true}
		}
		return f.exact(v.V)
	}
	for i, c := range cols {
		switch c.key {
		case "group":
			out[i] = rep.render(c, group)
		case "series":
			out[i] = rendered{s: series}
		case "period":
			out[i] = rendered{s: r.Period.String()}
		case "value":
			out[i] = exact(r.Value)
		case "yoy_change":
			out[i] = exact(r.YoYChange)
		case "yoy_pct":
			out[i] = f.percent(r.YoYPct)
		case "pop_pct":
			out[i] = f.percent(r.PoPPct)
		case "period_value":
			out[i] = exact(r.PeriodValue)
		case "period_yoy_pct":
			out[i] = f.percent(r.PeriodYoYPct)
		case "note":
			out[i] = rep.render(c, optionalText("jan-feb", r.JanFeb))
		case "yoy2_avg_pct":
			out[i] = rendered{isNull: true}
			if r.Value.OK && r.TwoYearsEarlier.OK {
				out[i] = f.twoYear(r.Value.V, r.TwoYearsEarlier.V)
			}
		case "share_pct":
			out[i] = f.percent(r.SharePct)
		case "contrib_pp":
			out[i] = f.percent(r.ContribPP)
		case "contrib_pct":
			out[i] = f.percent(r.ContribPct)
		}
	}
}

// decimalFigures prints decimal amounts: the general path.
type decimalFigures struct{ out outputOptions }

func (f decimalFigures) exact(d decimal.Decimal) rendered {
	return rendered{s: exactString(d), isNum: true}
}

func (f decimalFigures) percent(q calc.Quotient[decimal.Decimal]) rendered {
	return f.rounded(calc.PercentOf(q))
}

func (f decimalFigures) twoYear(value, base decimal.Decimal) rendered {
	pct, ok := calc.TwoYearAverage(value, base)
	return f.rounded(calc.Maybe{V: pct, OK: ok})
}

func (f decimalFigures) rounded(m calc.Maybe) rendered {
	if !m.OK {
		return rendered{isNull: true}
	}
	return rendered{s: f.out.round(m.V, f.out.decimals), isNum: true}
}

// abbreviate lists the first n names and counts the rest.
func abbreviate(names []string, n int) string {
	if len(names) <= n {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:n], ", "), len(names)-n)
}

func periodList(ps []calc.Period) string {
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = p.String()
	}
	return abbreviate(names, 5)
}

func writeGrowthSummary(e *env, opts growthOptions, data *growthData[decimal.Decimal]) error {
	cols := append(opts.keyColumns(),
		column{key: "from", en: "from", zh: "起", kind: textKind},
		column{key: "to", en: "to", zh: "止", kind: textKind},
		column{key: "first", en: "first", zh: "起期值", kind: exactKind},
		column{key: "last", en: "last", zh: "止期值", kind: exactKind},
		column{key: "periods", en: "periods", zh: "期数", kind: exactKind},
		column{key: "change", en: "change", zh: "增减", kind: exactKind},
		column{key: "growth_pct", en: "growth %", zh: "增长%", kind: percentKind},
		column{key: "annualized_pct", en: "annualized %", zh: "年均增长%", kind: percentKind},
	)
	rep := opts.out.newReport(cols)
	for gi, group := range data.groups {
		for s, name := range data.series {
			sum, ok := calc.Summarize(data.points[gi][s])
			cells := []cell{textCell(name), {}, {}, {}, {}, intCell(0), {}, {}, {}}
			if ok {
				cells = []cell{textCell(name),
					textCell(sum.First.Period.String()), textCell(sum.Last.Period.String()),
					maybeCell(sum.First.Value), maybeCell(sum.Last.Value), intCell(sum.Periods),
					numCell(sum.Change), maybeCell(sum.GrowthPct), maybeCell(sum.AnnualizedPct)}
			}
			if opts.groupCol != "" {
				cells = append([]cell{textCell(group)}, cells...)
			}
			rep.add(cells...)
		}
	}
	return rep.finish(e.stdout)
}
