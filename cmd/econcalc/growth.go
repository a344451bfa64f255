package main

import (
	"errors"
	"fmt"
	"strings"
	"sync/atomic"

	"econcalc/calc"
	"econcalc/cmd/internal/input"
	"econcalc/cmd/internal/report"

	"github.com/urfave/cli/v2"
)

const growthDescription = `Growth rates of one or more series, compared by calendar: 2017-10 against
2016-10 whatever the row order, and a missing month gives an empty rate, never a
comparison with the wrong month.

Columns: a period column (period, date, month, year, quarter, 时间, 期间, 月份, 年份, 季度,
日期) and value columns: every other column, or those named with --value-col. A column
of growth rates (unit %, 百分点; named 同比, 环比, 增速, 增幅, 增长率, …增长, growth, yoy,
pct, rate) is no level: it is left out with a note, and refused by --value-col; so is
a column of last year's figures (上年同期, 去年同期累计, 上年同月, 同期).
A header that says what its figures are is read so, whatever the labels and --ytd say:
当月, 本月, 当季, 当期 each period's own figure (a 1-2月 row the two months together);
累计, 1-10月累计, 本月止, 截至本月 year-to-date (a span in the header must be every
row's); 本月末, 期末, 开工以来累计 a level at the period's end. Each period's own figures
are deflated by each period's own index (当月价格指数).
Periods: 2017, 2017年, 2017年全年, 2017年度; 2017-Q3, 2017Q3, 2017年三季度, 2017年第3季度;
2017-10, 2017/10, 2017.10, 201710, 2017M10, 2017年10月, 2017年10月份; a date names its
month (2017-10-01, 2017/10/31, 2017年10月1日); year-to-date 2017年1-10月, 2017年1～10月份,
2017年前三季度, 2017年上半年 (these imply --ytd). Among year-to-date months, 一季度, 上半年,
前三季度 and 全年 are 1-3月, 1-6月, 1-9月 and 1-12月; among quarters, 全年 is 1-4季度.
2017年下半年 is refused: its figure is the year's less 上半年.

Output keys: [group,] series, period, value, yoy_change, yoy_pct, pop_pct (monthly and
quarterly); with --ytd period_value, period_yoy_pct, note; with --two-year yoy2_avg_pct;
with --avg-from avg_pct; with --group-col share_pct, contrib_pp (拉动), contrib_pct (贡献率);
with --deflator or --price-col real_yoy_pct (and real_period_yoy_pct, real_yoy2_avg_pct,
real_contrib_pp, real_contrib_pct); with --rank rank, rank_of.

--avg-from PERIOD [--avg-to PERIOD]: 年均增长, ((V_to ÷ V_from)^(1/n) − 1) × 100 over the n
whole years between the same month or quarter; the root is taken in math/big to 40
significant digits and rounded once, when printed.

--rank (with --group-col): 位次 of each group at each period by --rank-by KEY (default
yoy_pct; -KEY lowest first), 1, 2, 2, 4 on the figures as printed (--rank-exact: exact).

--deflator FILE (period, index: 价格指数, 出厂价格指数, 平减指数, 工业生产者出厂价格指数,
居民消费价格指数; optionally the group, and a single-period 当月价格指数 for --ytd) or
--price-col NAME: growth at comparable prices. The file's labels are read as the data's
(前三季度 is 1-9月 among months); --period-col names its period column too.
--index-base yoy (上年同期=100): real = (1 + nominal) ÷ (index ÷ 100) − 1; fixed (2015=100):
(V_t ÷ I_t) ÷ (V_t−1 ÷ I_t−1) − 1.

--share-rounding largest-remainder (with --group-col): each period's shares add to exactly
100 as printed.

With --ytd, a year whose first figure is February (January absent, or its cell
empty: bureaus publish 1–2月 together) gets the January–February total as February's
period_value, marked "jan-feb" in the note column; its period_yoy_pct compares with
last year's 1–2月 total, and no period-on-period rate is formed across it.

Holds every row in memory (the series are sorted by calendar).

Examples:
   econcalc growth testdata/demo/output_ytd.csv
   econcalc growth testdata/demo/output_ytd.csv --value-col 规模工业总产值 --format csv
   econcalc growth testdata/demo/industries.csv --group-col industry --two-year
   econcalc growth testdata/demo/county_output.csv --group-col 县区 --rank
   econcalc growth testdata/demo/value_added_ytd.csv --deflator testdata/demo/ppi_ytd.csv
   econcalc growth testdata/demo/gdp.csv --avg-from 2012`

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
	avgFrom, avgTo      string       // --avg-from, --avg-to: period labels
	rank                *rankOptions // --rank; nil without it
	real                realOptions  // --deflator, --price-col, --index-base
	shares              report.ShareRounding
	totals              totalsOptions
	visual              visualOptions // --chart, --plot: chart.go
	apart               bool          // groups in units that cannot be added up: no shares (growth_unit_groups.go)
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
			&cli.StringFlag{Name: "avg-from", Usage: "add avg_pct, the average yearly growth (年均增长) from `PERIOD` (same month or quarter as --avg-to)"},
			&cli.StringFlag{Name: "avg-to", Usage: "the end of --avg-from's span (default: the latest period)"},
			&cli.BoolFlag{Name: "rank", Usage: "with --group-col, rank the groups at each period (位次)"},
			&cli.StringFlag{Name: "rank-by", Usage: "the output `KEY` to rank by, highest first; -KEY lowest first", Value: "yoy_pct"},
			&cli.BoolFlag{Name: "rank-exact", Usage: "rank on exact values rather than the figures as printed"},
			&cli.StringFlag{Name: "deflator", Usage: "price indexes by period (价格指数) from `FILE`: add growth at comparable prices", TakesFile: true},
			&cli.StringFlag{Name: "price-col", Usage: "a price index column beside the values: add growth at comparable prices"},
			&cli.StringFlag{Name: "index-base", Usage: "what the price index is relative to: yoy (上年同期=100) or fixed (a base year = 100)", Value: "yoy"},
			shareRoundingFlag(),
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
			if err := opts.readExtraFlags(c); err != nil {
				return err
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
	for _, name := range layout.rates {
		e.notef("%s: %s, not a level; left out (growth compares levels)", name, rateOrRank(name))
	}
	for _, note := range layout.notes {
		e.notef("%s", note)
	}
	for _, name := range layout.priors {
		e.notef("%s: last year's figures, not a series of this year; left out (growth finds last year's figure in last year's rows)", name)
	}
	if err := layout.readUnits(e, in); err != nil {
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
	labels := opts.ytd || data.ytd
	data.seriesYTD = l.seriesYTD(labels)
	ytd := anyTrue(data.seriesYTD)
	data.own = l.ownSeries()
	data.ownValues = make([]bool, len(data.seriesYTD))
	for s := range data.ownValues {
		data.ownValues[s] = ytd && data.own[s]
	}
	if err := data.mix.settle(in, l, labels || ytd); err != nil {
		return err
	}
	if err := data.feb.check(in, l, anyTrue(data.own)); err != nil {
		return err
	}
	if err := checkKinds(e, in, l, data.freq, labels, data.seriesYTD, opts.real.wanted()); err != nil {
		return err
	}
	var defl *deflator
	if l.price >= 0 {
		// The index column was read as one more series, the last: it
		// deflates the others and is not one of them.
		defl = priceColumnDeflator(opts, data, l.price)
		if err := defl.ownIndex(in, ownDeflatedOf(data.series[:l.price], data.own), in.Header[l.values[l.price]]); err != nil {
			return err
		}
		data.series = data.series[:l.price]
		for g := range data.points {
			data.points[g] = data.points[g][:l.price]
		}
	}
	if opts.real.deflator != "" {
		var err error
		if defl, err = readDeflator(e, opts, data.freq, ytd, ownDeflatedOf(data.series, data.own)); err != nil {
			return err
		}
	}
	if err := data.checkTotals(e, opts.totals); err != nil {
		return err
	}
	if ytd {
		if err := warnFalls(e, in, l, data); err != nil {
			return err
		}
	}
	avg, err := opts.averageSpan(data, data.freq)
	if err != nil {
		return err
	}
	if avg != nil {
		for _, end := range []struct {
			flag string
			at   calc.Period
		}{{"--avg-from", avg.from}, {"--avg-to", avg.to}} {
			if !data.has(end.at) {
				e.warnf("%s %s: no series has a figure for it, so avg_pct is empty", end.flag, end.at)
			}
		}
	}
	if opts.summary {
		return writeGrowthSummary(e, opts, data, avg)
	}
	opts.apart = l.units != nil && l.units.apart
	plan := &extrasPlan{out: opts.out, avg: avg, defl: defl, twoYear: opts.twoYear, rank: opts.rank, shares: opts.shares}
	return writeGrowth(e, opts, data, plan)
}

// writeGrowth prints the growth of every series, by group when asked.
func writeGrowth[N growthAmount[N]](e *env, opts growthOptions, data *growthData[N], plan *extrasPlan) error {
	ytd := anyTrue(data.seriesYTD)
	janFeb := false
	for s := range data.series {
		janFeb = janFeb || data.feb.of(data.own[s]) != nil
	}
	cols := growthColumns(opts, data.freq, ytd, janFeb, data.places, plan.avg)
	if opts.apart {
		cols = withoutShares(cols)
	}
	if plan.rank != nil {
		var err error
		if plan.rankCol, err = rankColumn(cols, plan.rank.by); err != nil {
			return err
		}
	}
	for _, c := range cols {
		if c.Key == "share_pct" {
			plan.shareCol = c
		}
	}
	rep := opts.out.NewReport(cols)
	drawGrowth(e, rep, opts, cols)
	var emitted atomic.Int64 // rows other than totals: one per input row and series
	emit := func(rep *report.Report, out []report.Rendered, group report.Cell, s int, r *calc.RowOf[N], ex *rowExtras) {
		growthCells(rep, opts.out, data.seriesYTD[s], cols, group, data.series[s], r, ex, out)
		rep.Row(out)
		if !group.IsTotal() {
			emitted.Add(1)
		}
	}
	out := make([]report.Rendered, len(cols))
	for s, name := range data.series {
		figs := calc.GrowthOptions{YTD: data.seriesYTD[s], TwoYear: opts.twoYear, JanFeb: data.feb.of(data.own[s])}
		plan.own, plan.janFeb = data.own[s], figs.JanFeb
		fill := func(rows []calc.RowOf[N]) {
			if data.ownValues[s] {
				ownPeriodValues(rows)
			}
		}
		if opts.groupCol == "" {
			g := calc.GrowthOf(data.points[0][s], figs)
			fill(g.Rows)
			if g.NonPositiveBase {
				e.warnf("series %q: a base of zero or below has no growth rate; those rates are left empty", name)
			}
			var ex [][]rowExtras
			if plan.wanted() {
				ex, _ = formExtras(plan, data.groups, [][]calc.RowOf[N]{g.Rows}, nil)
			}
			for i := range g.Rows {
				emit(rep, out, report.Cell{}, s, &g.Rows[i], extrasAt(ex, 0, i))
			}
			continue
		}
		perGroup := make([][]calc.PointOf[N], len(data.groups))
		for gi := range data.groups {
			perGroup[gi] = data.points[gi][s]
		}
		b := calc.BreakDown(perGroup, figs)
		fill(b.Total.Rows)
		if len(b.Incomplete) > 0 {
			e.warnf("series %q: no total for %s: some group has no value there", name, periodList(b.Incomplete))
		}
		// Without extras each group is formed and printed in turn; with
		// them, every group is formed first, as ranks and real totals
		// look across groups.
		var formed []calc.SeriesOf[N]
		var ex [][]rowExtras
		var totalEx []rowExtras
		if plan.wanted() {
			formed = make([]calc.SeriesOf[N], len(data.groups))
			rows := make([][]calc.RowOf[N], len(data.groups))
			for gi := range data.groups {
				formed[gi] = b.Group(gi)
				fill(formed[gi].Rows)
				rows[gi] = formed[gi].Rows
			}
			ex, totalEx = formExtras(plan, data.groups, rows, b.Total.Rows)
		}
		// Groups are laid out in a fork per core when there are many rows,
		// each fork forming its groups in memory of its own.
		nonPositiveAt := make([]bool, len(data.groups))
		minGroups := 2
		if data.rows < report.ParallelRows {
			minGroups = len(data.groups) + 1
		}
		report.InParallel(rep, len(data.groups), minGroups, func(fork *report.Report, from, to int) {
			former := b.Former()
			out := make([]report.Rendered, len(cols))
			for gi := from; gi < to; gi++ {
				var g calc.SeriesOf[N]
				if formed != nil {
					g = formed[gi]
				} else {
					g = former.Group(gi) // printed before the next is formed
					fill(g.Rows)
				}
				nonPositiveAt[gi] = g.NonPositiveBase
				for i := range g.Rows {
					emit(fork, out, report.TextCell(data.groups[gi]), s, &g.Rows[i], extrasAt(ex, gi, i))
				}
			}
		})
		var nonPositive []string
		for gi, yes := range nonPositiveAt {
			if yes {
				nonPositive = append(nonPositive, data.groups[gi])
			}
		}
		if b.Total.NonPositiveBase {
			nonPositive = append(nonPositive, "total")
		}
		if len(nonPositive) > 0 {
			e.warnf("series %q: a base of zero or below has no growth rate; those rates are left empty (groups %s)", name, abbreviate(nonPositive, 5))
		}
		if !opts.out.NoTotal {
			for i := range b.Total.Rows {
				emit(rep, out, report.TotalLabel(), s, &b.Total.Rows[i], extrasAt([][]rowExtras{totalEx}, 0, i))
			}
		}
	}
	if plan.defl != nil {
		plan.defl.warnMissing(e)
	}
	if plan.sharesHalfUp {
		e.warnf("a group below zero: shares that include it cannot add to 100 by rounding; they are rounded half up")
	}
	if err := reconcile("growth", data.rows*len(data.series), int(emitted.Load())); err != nil {
		return err
	}
	return rep.Finish(e.stdout)
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
