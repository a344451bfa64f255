package main

import (
	"slices"
	"strings"

	"econcalc/calc"
	"econcalc/cmd/internal/input"
	"econcalc/cmd/internal/report"

	"github.com/urfave/cli/v2"
)

const targetsDescription = `The main-indicators completion table (主要经济指标完成情况表): for each indicator its
annual target, the year-to-date figure, growth on the same period last year, how much of the
annual target is done (完成全年目标), the share of the year gone (序时进度), the lead over it
(超(欠)序时进度, percentage points) and, with --group-col, each area's rank (位次).

Columns: indicator (指标, 指标名称); unit (单位, 计量单位; optional, shown, never converted;
without it, the unit in the value header's brackets); a target, target (全年目标, 年度目标, 目标,
or the table's year's 2017年目标, 2017年全年目标, 2017年计划; a level) and/or target_pct
(目标增速, 预期目标, 预期增长; a growth rate, 12 or 12%); value (1-N月累计, 1-N月止累计,
截至N月累计, 前三季度累计, 累计, 本年累计, 本期, 本月止累计, 绝对值; the year-to-date level);
prior (上年同期, 去年同期) or yoy_pct (同比增长, 增速, 增幅, 比上年同期增长). A breakdown row
(其中：税收收入) is an indicator of its own. A cumulative value column (1-10月累计, 本月止累计)
is taken over 本期 or 绝对值; one of other months than the table's (1-9月累计 as of October)
is left out beside one of its months; two that could each be the value are refused (name
one with --value-col). A header with a year (2017年1-10月) is the value only in the table's
year; the same months of the year before (2016年1-10月) is the prior where no column is.
Growth is computed from prior where a row has it, else taken as given (yoy_source says
which). A growth rate written as text is an error: 持平 is 0, 下降5% is -5.

The period: a period column (2017年1-10月, 2017-10, 2017-Q3; one period per file) or
--as-of 2017-10 when there is none.

Output keys: [group,] indicator, unit, target, target_pct, value, prior, yoy_pct, yoy_source
(computed or given), completion_pct (value ÷ target × 100), time_pct (months ÷ 12 × 100, or
days with --progress days), lead_pp (completion − time, from exact values), rate_gap_pp
(yoy_pct − target_pct), status (done, ahead or behind for a level target; met or below for a
growth target alone), and with --group-col rank and rank_of. Never a total across indicators;
with --group-col and --total, one per indicator whose units agree; its target only when
every area has one above zero (an area with none, or 0, leaves the total's completion empty).

--lower-better NAME (repeatable): an indicator where lower is better (能耗, 贫困发生率): a
level target is a ceiling (ahead while completion is within time progress, never done),
growth is met at or under its target, and ranks run lowest first.

A rate or an intensity (a unit with / or %, not per head; 单位GDP能耗, 城镇化率, 恩格尔系数)
does not build up through the year: its level target is met or below by the figure as it
stands (at or under it with --lower-better), with no completion, time progress or lead.

Examples:
   econcalc targets testdata/demo/targets_zone.csv --as-of 2017-10
   econcalc targets testdata/demo/targets_zone.csv --as-of 2017-10 --lang zh --progress days
   econcalc targets testdata/demo/targets_areas.csv --group-col 县区 --lower-better 单位GDP能耗
   econcalc targets testdata/demo/targets_areas.csv --group-col 县区 --rank-by completion_pct --total --format csv`

var (
	targetIndicatorColumn = input.Column{Key: "indicator", Aliases: []string{"指标", "指标名称"}, Flag: "indicator-col"}
	unitColumn            = input.Column{Key: "unit", Aliases: []string{"单位", "计量单位"}, Flag: "unit-col"}
	levelTargetColumn     = input.Column{Key: "target", Aliases: []string{"全年目标", "年度目标", "目标"}, Flag: "target-col"}
	rateTargetColumn      = input.Column{Key: "target_pct", Aliases: []string{"目标增速", "预期目标", "预期增长"}, Flag: "target-pct-col"}
	ytdValueColumn        = input.Column{Key: "value", Aliases: []string{"累计", "本期", "本月止累计", "绝对值"}, Flag: "value-col"}
	priorYearColumn       = input.Column{Key: "prior", Aliases: []string{"上年同期", "去年同期"}, Flag: "prior-col"}
	givenYoYColumn        = input.Column{Key: "yoy_pct", Aliases: []string{"同比增长", "增速", "增幅", "比上年同期增长"}, Flag: "yoy-col"}
	asOfColumn            = input.Column{Key: "period", Aliases: []string{"时间", "期间", "月份", "年月", "统计期", "报告期"}, Flag: "period-col"}
)

// targetsCols are the columns a file's header gives, -1 for one it lacks.
type targetsCols struct {
	indicator, unit, target, targetPct, value, prior, yoy, period, group int
	shift                                                                map[int]int32 // of the amount columns' cells, into one unit

	// The value's candidates until settleValue chooses: year-to-date
	// headers (1-10月累计, 2016年1-10月), the other cumulative names (累计,
	// 本月止累计) and the plain ones (本期, 绝对值).
	ytd, cumulative, plain []int
	// datedTargets are the level target's candidates that name a year
	// (2017年目标) where no column is named the target.
	datedTargets []int
	// other are the columns left out (settleValue): year-to-date columns
	// of a year neither the table's nor the one before, or of other months
	// beside the table's, and targets of another year.
	other []int
}

type targetsOptions struct {
	in          input.Options
	out         report.Options
	cols        map[string]string // column flag → the header it names
	groupCol    string
	asOf        string
	byDays      bool
	lowerBetter []string
	rankBy      string
	rankExact   bool
	total       bool
	totals      totalsOptions // the input's own total rows
}

var rankByKeys = []string{"yoy_pct", "completion_pct", "lead_pp"}

func targetsCommand(e *env) *cli.Command {
	colFlags := []cli.Flag{}
	for _, col := range []input.Column{targetIndicatorColumn, unitColumn, levelTargetColumn, rateTargetColumn, ytdValueColumn, priorYearColumn, givenYoYColumn, asOfColumn} {
		colFlags = append(colFlags, &cli.StringFlag{Name: col.Flag, Usage: "name of the " + col.Key + " column"})
	}
	return &cli.Command{
		Name:        "targets",
		Usage:       "main indicators against annual targets and time progress, with 位次 (主要经济指标完成情况表)",
		UsageText:   "econcalc targets [options] [FILE...]",
		Description: targetsDescription,
		Flags: withIOFlags(append([]cli.Flag{
			&cli.StringFlag{Name: "as-of", Usage: "the month the figures run to (2017-10, 2017年1-10月, 2017-Q3); needed without a period column"},
			&cli.StringFlag{Name: "progress", Value: "months", Usage: "time progress (序时进度) by months (months ÷ 12) or days (days to the end of the month ÷ days in the year)"},
			&cli.StringSliceFlag{Name: "lower-better", Usage: "an indicator where lower is better (repeatable): comparisons and ranks invert"},
			&cli.StringFlag{Name: "group-col", Usage: "the area column (县区, 园区, 乡镇): one row per indicator and area, ranked within each indicator"},
			&cli.StringFlag{Name: "rank-by", Value: "yoy_pct", Usage: "with --group-col, rank by yoy_pct, completion_pct or lead_pp"},
			&cli.BoolFlag{Name: "rank-exact", Usage: "rank on exact values (by default on the figures as printed, so that two areas shown as 8.5 share a rank)"},
			&cli.BoolFlag{Name: "total", Usage: "with --group-col, a total row for each indicator whose areas' units agree"},
		}, append(colFlags, totalsFlags()...)...)...),
		Action: func(c *cli.Context) error {
			in, out, err := ioFrom(c)
			if err != nil {
				return err
			}
			opts := targetsOptions{in: in, out: out, cols: map[string]string{}, groupCol: c.String("group-col"),
				asOf: c.String("as-of"), lowerBetter: c.StringSlice("lower-better"),
				rankBy: choice(c, "rank-by"), rankExact: c.Bool("rank-exact"), total: c.Bool("total"), totals: totalsFrom(c)}
			for _, f := range colFlags {
				opts.cols[f.Names()[0]] = c.String(f.Names()[0])
			}
			switch choice(c, "progress") {
			case "months", "month":
			case "days", "day":
				opts.byDays = true
			default:
				return usagef("--progress %q: use months or days", c.String("progress"))
			}
			if !slices.Contains(rankByKeys, opts.rankBy) {
				return usagef("--rank-by %q: use %s", c.String("rank-by"), strings.Join(rankByKeys, ", "))
			}
			if opts.groupCol == "" {
				for _, name := range []string{"rank-by", "rank-exact", "total"} {
					if c.IsSet(name) {
						return usagef("--%s needs --group-col: ranks and totals are over areas, never across indicators", name)
					}
				}
			}
			if opts.asOf != "" {
				if _, _, err := calc.ParsePeriod(opts.asOf); err != nil {
					return usagef("--as-of %q: write a month such as 2017-10 or 2017年1-10月", opts.asOf)
				}
			}
			return runTargets(e, opts)
		},
	}
}

func runTargets(e *env, opts targetsOptions) error {
	in, err := input.Open(opts.in, e.stdin)
	if err != nil {
		return err
	}
	defer in.Close()
	t, err := readTargets(e, in, opts)
	if err != nil {
		return err
	}
	lower := map[string]bool{}
	for _, name := range opts.lowerBetter {
		name = strings.TrimSpace(name)
		lower[name] = true
		if !t.hasIndicator(name) {
			e.warnf("--lower-better %q: no indicator of that name", name)
		}
	}
	for i := range t.rows {
		t.rows[i].lowerBetter = lower[t.rows[i].indicator]
	}
	return writeTargets(e, opts, t)
}
