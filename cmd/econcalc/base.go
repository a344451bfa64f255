package main

import (
	"econcalc/calc"
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
	indicatorColumn = columnSpec{key: "indicator", aliases: []string{"指标", "指标名称", "项目"}, flag: "indicator-col"}
	levelColumn     = columnSpec{key: "value", aliases: []string{"数值", "本期", "本期值", "绝对值"}, flag: "value-col"}
	rateColumn      = columnSpec{key: "rate", aliases: []string{"增速", "同比增长", "增长率", "同比增长率", "同比", "rate_pct"}, flag: "rate-col"}
)

type baseOptions struct {
	in                              inputOptions
	out                             outputOptions
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

var baseColumns = []column{
	{key: "indicator", en: "indicator", zh: "指标", kind: textKind},
	{key: "value", en: "value", zh: "本期", kind: exactKind},
	{key: "rate_pct", en: "rate %", zh: "增速%", kind: exactKind},
	{key: "base", en: "base", zh: "上年基数", kind: amountKind},
	{key: "increase", en: "increase", zh: "增量", kind: amountKind},
}

func runBase(e *env, opts baseOptions) error {
	in, err := openInput(opts.in, e.stdin)
	if err != nil {
		return err
	}
	defer in.Close()
	indicator, err := in.find(indicatorColumn, opts.indicatorCol)
	if err != nil {
		return err
	}
	value, err := in.find(levelColumn, opts.valueCol)
	if err != nil {
		return err
	}
	rate, err := in.find(rateColumn, opts.rateCol)
	if err != nil {
		return err
	}
	rep := opts.out.newReport(baseColumns)
	err = in.each(func(rec *record) error {
		v, err := rec.number(value)
		if err != nil {
			return err
		}
		r, err := rec.rate(rate)
		if err != nil {
			return err
		}
		var base, increase cell
		if v.OK && r.OK {
			b, inc, err := calc.ImpliedBase(v.V, r.V)
			if err != nil {
				return rec.errorf(rate, "%s: %v", rec.fields[rate], err)
			}
			base, increase = numCell(b), numCell(inc)
		}
		rep.add(textCell(rec.fields[indicator]), maybeCell(v), maybeCell(r), base, increase)
		return nil
	})
	if err != nil {
		return err
	}
	return rep.finish(e.stdout)
}
