package main

import (
	"econcalc/calc"
	"econcalc/cmd/internal/input"
	"econcalc/cmd/internal/report"

	"github.com/urfave/cli/v2"
)

const baseDescription = `Reports quote a level with its growth rate ("规模工业总产值120.2亿元, 同比增长31.7%").
base recovers what they imply: the prior-year base, value ÷ (1 + rate/100), and the
increase, value − base (from the unrounded base). A published rate is often at
comparable prices or on a re-measured set of enterprises, so the implied base need
not equal last year's published level.

Columns: indicator (指标), value (数值, 本期), rate (增速, 同比增长, 增长率; "31.7" or "31.7%").
Output keys: indicator, value, rate_pct, base, increase.

Examples:
   econcalc base testdata/demo/indicators.csv
   econcalc base testdata/demo/indicators.csv --format json | jq '.[].base'
   printf 'indicator,value,rate\noutput,120.2,31.7%%\n' | econcalc base -`

var (
	indicatorColumn = input.Column{Key: "indicator", Aliases: []string{"指标", "指标名称", "项目"}, Flag: "indicator-col"}
	levelColumn     = input.Column{Key: "value", Aliases: []string{"数值", "本期", "本期值", "绝对值"}, Flag: "value-col"}
	rateColumn      = input.Column{Key: "rate", Aliases: []string{"增速", "同比增长", "增长率", "同比增长率", "同比", "rate_pct"}, Flag: "rate-col"}
)

type baseOptions struct {
	in                              input.Options
	out                             report.Options
	indicatorCol, valueCol, rateCol string
}

func baseCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:        "base",
		Usage:       "implied prior-year base and increase from a level and its growth rate",
		UsageText:   "econcalc base [options] [FILE...]",
		Description: baseDescription,
		Flags: withIOFlags(
			&cli.StringFlag{Name: "indicator-col", Usage: "name of the indicator column"},
			&cli.StringFlag{Name: "value-col", Usage: "name of the value column"},
			&cli.StringFlag{Name: "rate-col", Usage: "name of the growth-rate column"},
		),
		Action: func(c *cli.Context) error {
			in, out, err := ioFrom(c)
			if err != nil {
				return err
			}
			return runBase(e, baseOptions{in: in, out: out,
				indicatorCol: c.String("indicator-col"), valueCol: c.String("value-col"), rateCol: c.String("rate-col")})
		},
	}
}

var baseColumns = []report.Column{
	{Key: "indicator", En: "indicator", Zh: "指标", Kind: report.TextKind},
	{Key: "value", En: "value", Zh: "本期", Kind: report.ExactKind},
	{Key: "rate_pct", En: "rate %", Zh: "增速%", Kind: report.ExactKind},
	{Key: "base", En: "base", Zh: "上年基数", Kind: report.AmountKind},
	{Key: "increase", En: "increase", Zh: "增量", Kind: report.AmountKind},
}

func runBase(e *env, opts baseOptions) error {
	in, err := input.Open(opts.in, e.stdin)
	if err != nil {
		return err
	}
	defer in.Close()
	indicator, err := in.Find(indicatorColumn, opts.indicatorCol)
	if err != nil {
		return err
	}
	value, err := in.Find(levelColumn, opts.valueCol)
	if err != nil {
		return err
	}
	rate, err := in.Find(rateColumn, opts.rateCol)
	if err != nil {
		return err
	}
	rep := opts.out.NewReport(baseColumns)
	err = in.Each(func(rec *input.Row) error {
		v, err := rec.Number(value)
		if err != nil {
			return err
		}
		r, err := rec.Rate(rate)
		if err != nil {
			return err
		}
		var base, increase report.Cell
		if v.OK && r.OK {
			b, inc, err := calc.ImpliedBase(v.V, r.V)
			if err != nil {
				return rec.Errorf(rate, "%s: %v", rec.Fields[rate], err)
			}
			base, increase = report.NumCell(b), report.NumCell(inc)
		}
		rep.Add(report.TextCell(rec.Text(indicator)), report.MaybeCell(v), report.MaybeCell(r), base, increase)
		return nil
	})
	if err != nil {
		return err
	}
	return rep.Finish(e.stdout)
}
