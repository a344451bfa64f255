package main

import (
	"fmt"
	"io"
	"strings"

	"econcalc/calc"
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
}

func growthCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:        "growth",
		Usage:       "year-on-year (同比), period-on-period (环比) and year-to-date (累计) growth by calendar",
		UsageText:   "econcalc growth [options] [FILE...]",
		Description: growthDescription,
		Flags: append(append([]cli.Flag{
			&cli.StringFlag{Name: "period-col", Usage: "name of the period column"},
			&cli.StringSliceFlag{Name: "value-col", Usage: "value columns (repeatable or comma-separated; default every other column)"},
			&cli.StringFlag{Name: "group-col", Usage: "break each series down by this column (industry, enterprise) and add totals, shares and contributions"},
			&cli.BoolFlag{Name: "ytd", Usage: "values are year-to-date cumulative (累计); derive single-period values"},
			&cli.BoolFlag{Name: "two-year", Usage: "add the two-year average growth (两年平均增长)"},
			&cli.BoolFlag{Name: "summary", Usage: "one row per series: first and last values, total and annualized growth"},
		}, inputFlags()...), outputFlags()...),
		Action: func(c *cli.Context) error {
			in, err := inputFrom(c)
			if err != nil {
				return err
			}
			out, err := outputFrom(c)
			if err != nil {
				return err
			}
			opts := growthOptions{in: in, out: out,
				periodCol: c.String("period-col"), groupCol: c.String("group-col"),
				valueCols: splitNames(c.StringSlice("value-col")),
				ytd:       c.Bool("ytd"), twoYear: c.Bool("two-year"), summary: c.Bool("summary")}
			if opts.summary && (opts.ytd || opts.twoYear) {
				return usagef("--summary compares levels; it does not combine with --ytd or --two-year")
			}
			return runGrowth(e, opts)
		},
	}
}

// growthInput is what growth reads: each group's points for each series.
type growthInput struct {
	series []string         // value column names, in column order
	groups []string         // group names in first-appearance order; one "" without --group-col
	points [][][]calc.Point // [group][series]
	freq   calc.Frequency
	ytd    bool // some period label was year-to-date
}

func runGrowth(e *env, opts growthOptions) error {
	data, err := readGrowthInput(e, opts)
	if err != nil {
		return err
	}
	if opts.summary {
		return writeGrowthSummary(e, opts, data)
	}
	ytd := opts.ytd || data.ytd
	figures := calc.GrowthOptions{YTD: ytd, TwoYear: opts.twoYear}
	cols := growthColumns(opts, data.freq, ytd)
	rep := opts.out.newReport(cols)
	for s, name := range data.series {
		if opts.groupCol == "" {
			g := calc.Growth(data.points[0][s], figures)
			if g.NonPositiveBase {
				e.warnf("series %q: a base of zero or below has no growth rate; those rates are left empty", name)
			}
			for _, r := range g.Rows {
				rep.add(growthCells(cols, textCell(name), r)...)
			}
			continue
		}
		perGroup := make([][]calc.Point, len(data.groups))
		for gi := range data.groups {
			perGroup[gi] = data.points[gi][s]
		}
		b := calc.GrowthByGroup(perGroup, figures)
		if len(b.Incomplete) > 0 {
			e.warnf("series %q: no total for %s: some group has no value there", name, periodList(b.Incomplete))
		}
		var nonPositive []string
		for gi, g := range b.Groups {
			if g.NonPositiveBase {
				nonPositive = append(nonPositive, data.groups[gi])
			}
			for _, r := range g.Rows {
				rep.add(append([]cell{textCell(data.groups[gi])}, growthCells(cols[1:], textCell(name), r)...)...)
			}
		}
		if b.Total.NonPositiveBase {
			nonPositive = append(nonPositive, "total")
		}
		if len(nonPositive) > 0 {
			e.warnf("series %q: a base of zero or below has no growth rate; those rates are left empty (groups %s)", name, abbreviate(nonPositive, 5))
		}
		for _, r := range b.Total.Rows {
			rep.addTotal(append([]cell{totalLabel()}, growthCells(cols[1:], textCell(name), r)...)...)
		}
	}
	return rep.finish(e.stdout)
}

func readGrowthInput(e *env, opts growthOptions) (*growthInput, error) {
	in, err := openInput(opts.in, e.stdin)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	periodIdx, err := in.find(periodColumn, opts.periodCol)
	if err != nil {
		return nil, err
	}
	groupIdx := -1
	if opts.groupCol != "" {
		if groupIdx, err = in.named(opts.groupCol); err != nil {
			return nil, err
		}
	}
	var valueIdx []int
	if len(opts.valueCols) > 0 {
		for _, name := range opts.valueCols {
			i, err := in.named(name)
			if err != nil {
				return nil, err
			}
			valueIdx = append(valueIdx, i)
		}
	} else {
		for i := range in.header {
			if i != periodIdx && i != groupIdx {
				valueIdx = append(valueIdx, i)
			}
		}
	}
	if len(valueIdx) == 0 {
		return nil, &dataError{file: in.firstIn, line: 1, msg: "no value columns: the header has only the period and group columns"}
	}

	data := &growthInput{}
	for _, i := range valueIdx {
		data.series = append(data.series, in.header[i])
	}
	groupOf := map[string]int{}
	type seen struct {
		file string
		line int
	}
	firstSeen := map[[2]int]seen{} // (group, period index) → where it was first read
	var freqSeen seen
	for {
		rec, err := in.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		period, ytd, err := calc.ParsePeriod(rec.fields[periodIdx])
		if err != nil {
			return nil, rec.errorf(periodIdx, "%v", err)
		}
		data.ytd = data.ytd || ytd
		if data.freq == 0 {
			data.freq, freqSeen = period.Freq, seen{rec.file, rec.line}
		} else if period.Freq != data.freq {
			return nil, rec.errorf(periodIdx, "%q is %s but %s:%d is %s; a series has one frequency",
				rec.fields[periodIdx], period.Freq, freqSeen.file, freqSeen.line, data.freq)
		}
		group := ""
		if groupIdx >= 0 {
			group = strings.TrimSpace(rec.fields[groupIdx])
		}
		gi, ok := groupOf[group]
		if !ok {
			gi = len(data.groups)
			groupOf[group] = gi
			data.groups = append(data.groups, group)
			data.points = append(data.points, make([][]calc.Point, len(valueIdx)))
		}
		key := [2]int{gi, period.Index()}
		if first, dup := firstSeen[key]; dup {
			what := period.String()
			if groupIdx >= 0 {
				what = fmt.Sprintf("%s of group %q", what, group)
			}
			return nil, rec.errorf(periodIdx, "duplicate period %s: already at %s:%d", what, first.file, first.line)
		}
		firstSeen[key] = seen{rec.file, rec.line}
		for s, i := range valueIdx {
			v, err := rec.number(i)
			if err != nil {
				return nil, err
			}
			data.points[gi][s] = append(data.points[gi][s], calc.Point{Period: period, Value: v})
		}
	}
	if in.Rows() == 0 {
		return nil, in.NoRows()
	}
	return data, nil
}

func growthColumns(opts growthOptions, freq calc.Frequency, ytd bool) []column {
	var cols []column
	if opts.groupCol != "" {
		cols = append(cols, column{key: "group", en: opts.groupCol, zh: opts.groupCol, kind: textKind})
	}
	cols = append(cols,
		column{key: "series", en: "series", zh: "指标", kind: textKind},
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

// growthCells lays out one row for cols, which start at the series column.
func growthCells(cols []column, series cell, r calc.GrowthRow) []cell {
	cells := make([]cell, len(cols))
	for i, c := range cols {
		switch c.key {
		case "series":
			cells[i] = series
		case "period":
			cells[i] = textCell(r.Period.String())
		case "value":
			cells[i] = maybeCell(r.Value)
		case "yoy_change":
			cells[i] = maybeCell(r.YoYChange)
		case "yoy_pct":
			cells[i] = maybeCell(r.YoYPct)
		case "pop_pct":
			cells[i] = maybeCell(r.PoPPct)
		case "period_value":
			cells[i] = maybeCell(r.PeriodValue)
		case "period_yoy_pct":
			cells[i] = maybeCell(r.PeriodYoYPct)
		case "note":
			cells[i] = optionalText("jan-feb", r.JanFeb)
		case "yoy2_avg_pct":
			cells[i] = maybeCell(r.TwoYear)
		case "share_pct":
			cells[i] = maybeCell(r.SharePct)
		case "contrib_pp":
			cells[i] = maybeCell(r.ContribPP)
		case "contrib_pct":
			cells[i] = maybeCell(r.ContribPct)
		}
	}
	return cells
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

func writeGrowthSummary(e *env, opts growthOptions, data *growthInput) error {
	var cols []column
	if opts.groupCol != "" {
		cols = append(cols, column{key: "group", en: opts.groupCol, zh: opts.groupCol, kind: textKind})
	}
	cols = append(cols,
		column{key: "series", en: "series", zh: "指标", kind: textKind},
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
