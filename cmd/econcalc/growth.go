package main

import (
	"errors"
	"fmt"
	"strings"

	"econcalc/calc"
	"econcalc/cmd/internal/input"
	"econcalc/cmd/internal/report"

	"github.com/urfave/cli/v2"
)

const growthDescription = `Growth rates of one or more series, compared by calendar: 2017-10 against
2016-10 whatever the row order, and a missing month gives an empty rate, never a
comparison with the wrong month.

Columns: a period column (period, date, month, year, quarter, 时间, 期间, 月份, 年份, 季度,
日期) and value columns: every other column, or those named with --value-col.
Periods: 2017, 2017年, 2017年全年, 2017年度; 2017-Q3, 2017Q3, 2017年三季度, 2017年第3季度;
2017-10, 2017/10, 2017.10, 201710, 2017M10, 2017年10月, 2017年10月份; a date names its
month (2017-10-01, 2017/10/31, 2017年10月1日); year-to-date 2017年1-10月, 2017年1～10月份,
2017年前三季度, 2017年上半年 (these imply --ytd). Among year-to-date months, 一季度, 上半年,
前三季度 and 全年 are 1-3月, 1-6月, 1-9月 and 1-12月; among quarters, 全年 is 1-4季度.
2017年下半年 is refused: its figure is the year's less 上半年.

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

var periodColumn = input.Column{Key: "period",
	Aliases: []string{"date", "month", "year", "quarter", "时间", "期间", "月份", "年份", "季度", "日期", "年月"},
	Flag:    "period-col"}

type growthOptions struct {
	in                  input.Options
	out                 report.Options
	periodCol, groupCol string
	valueCols           []string
	ytd, twoYear        bool
	summary             bool
	totals              totalsOptions
	visual              visualOptions // --chart, --plot: chart.go
}

func growthCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:        "growth",
		Usage:       "year-on-year (同比), period-on-period (环比) and year-to-date (累计) growth by calendar",
		UsageText:   "econcalc growth [options] [FILE...]",
		Description: growthDescription,
		Flags: withIOFlags(append([]cli.Flag{
			&cli.StringFlag{Name: "period-col", Usage: "name of the period column"},
			&cli.StringSliceFlag{Name: "value-col", Usage: "value columns (repeatable or comma-separated; default every other column)"},
			&cli.StringFlag{Name: "group-col", Usage: "break each series down by this column (industry, enterprise) and add totals, shares and contributions"},
			&cli.BoolFlag{Name: "ytd", Usage: "values are year-to-date cumulative (累计); derive single-period values"},
			&cli.BoolFlag{Name: "two-year", Usage: "add the two-year average growth (两年平均增长)"},
			&cli.BoolFlag{Name: "summary", Usage: "one row per series: first and last values, total and annualized growth"},
			&cli.StringFlag{Name: "chart", Usage: "also write a chart of each series to `FILE` (SVG; PNG when FILE ends in .png)", TakesFile: true},
			&cli.BoolFlag{Name: "plot", Usage: "draw each series in the terminal under the table (table format only)"},
		}, totalsFlags()...)...),
		Action: func(c *cli.Context) error {
			in, out, err := ioFrom(c)
			if err != nil {
				return err
			}
			opts := growthOptions{in: in, out: out,
				periodCol: c.String("period-col"), groupCol: c.String("group-col"),
				valueCols: input.SplitNames(c.StringSlice("value-col")),
				ytd:       c.Bool("ytd"), twoYear: c.Bool("two-year"), summary: c.Bool("summary"), totals: totalsFrom(c),
				visual: visualOptions{chart: c.String("chart"), plot: c.Bool("plot")}}
			if opts.summary && opts.twoYear {
				return usagef("--summary compares levels; it does not combine with --two-year")
			}
			if err := opts.visual.check(opts.out, opts.summary, opts.in.Files); err != nil {
				return err
			}
			return runGrowth(e, opts)
		},
	}
}

func runGrowth(e *env, opts growthOptions) error {
	in, err := input.Open(opts.in, e.stdin)
	if err != nil {
		return err
	}
	defer in.Close()
	layout, err := findGrowthColumns(in, opts)
	if err != nil {
		return err
	}
	fixed, err := readGrowth(in, layout, asFixed)
	if err == nil && len(fixed.groups) <= maxFixedGroups {
		return writeGrowthOf(e, opts, in, layout, fixed)
	}
	if err != nil && !errors.Is(err, errNotFixed) {
		return placeRepeats(in, layout, err)
	}
	data, err := readGrowth(in, layout, asNum)
	if err != nil {
		return placeRepeats(in, layout, err)
	}
	return writeGrowthOf(e, opts, in, layout, data)
}

// writeGrowthOf prints the growth of data, or its summary.
func writeGrowthOf[N growthAmount[N]](e *env, opts growthOptions, in *input.Source, l growthLayout, data *growthData[N]) error {
	if err := data.mix.settle(in, l, opts.ytd || data.ytd); err != nil {
		return err
	}
	if err := data.checkTotals(e, opts.totals); err != nil {
		return err
	}
	if opts.ytd || data.ytd {
		if err := warnFalls(e, in, l, data); err != nil {
			return err
		}
	}
	if opts.summary {
		return writeGrowthSummary(e, opts, data)
	}
	return writeGrowth(e, opts, data)
}

// writeGrowth prints the growth of every series, by group when asked.
func writeGrowth[N growthAmount[N]](e *env, opts growthOptions, data *growthData[N]) error {
	ytd := opts.ytd || data.ytd
	figs := calc.GrowthOptions{YTD: ytd, TwoYear: opts.twoYear}
	cols := growthColumns(opts, data.freq, ytd, data.places)
	rep := opts.out.NewReport(cols)
	drawGrowth(e, rep, opts, cols)
	out := make([]report.Rendered, len(cols))
	emitted := 0 // rows other than totals: one per input row and series
	emit := func(group report.Cell, series string, r calc.RowOf[N]) {
		growthCells(rep, opts.out, ytd, cols, group, series, r, out)
		rep.Row(out)
		if !group.IsTotal() {
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
				emit(report.Cell{}, name, r)
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
				emit(report.TextCell(data.groups[gi]), name, r)
			}
		}
		if b.Total.NonPositiveBase {
			nonPositive = append(nonPositive, "total")
		}
		if len(nonPositive) > 0 {
			e.warnf("series %q: a base of zero or below has no growth rate; those rates are left empty (groups %s)", name, abbreviate(nonPositive, 5))
		}
		if !opts.out.NoTotal {
			for _, r := range b.Total.Rows {
				emit(report.TotalLabel(), name, r)
			}
		}
	}
	if err := reconcile("growth", data.rows*len(data.series), emitted); err != nil {
		return err
	}
	return rep.Finish(e.stdout)
}

// keyColumns are the group (with --group-col) and series columns that begin
// every growth table.
func (opts growthOptions) keyColumns() []report.Column {
	var cols []report.Column
	if opts.groupCol != "" {
		cols = append(cols, report.Column{Key: "group", En: opts.groupCol, Zh: opts.groupCol, Kind: report.TextKind})
	}
	return append(cols, report.Column{Key: "series", En: "series", Zh: "指标", Kind: report.TextKind})
}

func growthColumns(opts growthOptions, freq calc.Frequency, ytd bool, places int) []report.Column {
	cols := append(opts.keyColumns(),
		report.Column{Key: "period", En: "period", Zh: "期间", Kind: report.TextKind})
	if ytd && !opts.out.ForPeople() {
		cols = append(cols, report.Column{Key: "span", En: "span", Zh: "累计期", Kind: report.TextKind})
	}
	cols = append(cols,
		report.Column{Key: "value", En: "value", Zh: "数值", Kind: report.ExactKind, Places: int32(places)},
		report.Column{Key: "yoy_change", En: "yoy change", Zh: "同比增减", Kind: report.ExactKind, Places: int32(places)},
		report.Column{Key: "yoy_pct", En: "yoy %", Zh: "同比%", Kind: report.PercentKind},
	)
	if freq != calc.Annual {
		cols = append(cols, report.Column{Key: "pop_pct", En: "pop %", Zh: "环比%", Kind: report.PercentKind})
	}
	if ytd {
		cols = append(cols,
			report.Column{Key: "period_value", En: "period value", Zh: "当期值", Kind: report.ExactKind, Places: int32(places)},
			report.Column{Key: "period_yoy_pct", En: "period yoy %", Zh: "当期同比%", Kind: report.PercentKind},
			report.Column{Key: "note", En: "note", Zh: "备注", Kind: report.TextKind},
		)
	}
	if opts.twoYear {
		cols = append(cols, report.Column{Key: "yoy2_avg_pct", En: "2-year avg %", Zh: "两年平均%", Kind: report.PercentKind})
	}
	if opts.groupCol != "" {
		cols = append(cols,
			report.Column{Key: "share_pct", En: "share %", Zh: "占比%", Kind: report.PercentKind},
			report.Column{Key: "contrib_pp", En: "contrib pp", Zh: "拉动(百分点)", Kind: report.PercentKind},
			report.Column{Key: "contrib_pct", En: "contrib %", Zh: "贡献率%", Kind: report.PercentKind},
		)
	}
	return cols
}

// shownPeriod is a period as the output prints it: a year-to-date one as
// the span it covers where people read it (2017年1-10月, 2017 Jan-Oct),
// else as its key (2017-10), with the span in a column of its own.
func shownPeriod(out report.Options, p calc.Period, ytd bool) string {
	if ytd && out.ForPeople() {
		return p.SpanLabel(out.Lang == "zh")
	}
	return p.String()
}

// growthCells renders one row into out.
func growthCells[N growthAmount[N]](rep *report.Report, opts report.Options, ytd bool, cols []report.Column, group report.Cell, series string, r calc.RowOf[N], out []report.Rendered) {
	exact := func(i int, v calc.Opt[N]) report.Rendered {
		if !v.OK {
			return report.Rendered{IsNull: true}
		}
		return rep.RenderAmount(i, v.V.Num())
	}
	percent := func(i int, q calc.Quotient[N]) report.Rendered {
		switch {
		case !q.OK:
			return report.Rendered{IsNull: true}
		case q.Whole:
			return rep.RenderAmount(i, calc.IntNum(100))
		}
		return rep.RenderQuotient(i, q.Num.Num(), q.Den.Num())
	}
	for i, c := range cols {
		switch c.Key {
		case "group":
			out[i] = rep.Render(c, group)
		case "series":
			out[i] = report.Rendered{S: series}
		case "period":
			out[i] = report.Rendered{S: shownPeriod(opts, r.Period, ytd)}
		case "span":
			out[i] = report.Rendered{S: r.Period.Span()}
		case "value":
			out[i] = exact(i, r.Value)
		case "yoy_change":
			out[i] = exact(i, r.YoYChange)
		case "yoy_pct":
			out[i] = percent(i, r.YoYPct)
		case "pop_pct":
			out[i] = percent(i, r.PoPPct)
		case "period_value":
			out[i] = exact(i, r.PeriodValue)
		case "period_yoy_pct":
			out[i] = percent(i, r.PeriodYoYPct)
		case "note":
			out[i] = rep.Render(c, report.OptionalWord("jan-feb", r.JanFeb))
		case "yoy2_avg_pct":
			out[i] = report.Rendered{IsNull: true}
			if r.Value.OK && r.TwoYearsEarlier.OK {
				pct, ok := calc.TwoYearAverage(r.Value.V.Num().Decimal(), r.TwoYearsEarlier.V.Num().Decimal())
				out[i] = rep.Render(c, report.MaybeCell(calc.Maybe{V: pct, OK: ok}))
			}
		case "share_pct":
			out[i] = percent(i, r.SharePct)
		case "contrib_pp":
			out[i] = percent(i, r.ContribPP)
		case "contrib_pct":
			out[i] = percent(i, r.ContribPct)
		}
	}
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
