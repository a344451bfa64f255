package main

import (
	"fmt"
	"strings"

	"econcalc/calc"
	"econcalc/cmd/internal/input"
	"econcalc/cmd/internal/report"

	"github.com/shopspring/decimal"
	"github.com/urfave/cli/v2"
)

const baseDescription = `Reports quote a level with its growth rate ("规模工业总产值120.2亿元, 同比增长31.7%").
base recovers what they imply: the prior-year base, value ÷ (1 + rate/100), and the
increase, value − base (from the unrounded base). A published rate is often at
comparable prices or on a re-measured set of enterprises, so the implied base need
not equal last year's published level.

Columns: indicator (指标), value (数值, 本期), rate (增速, 同比增长, 增长率; "31.7" or "31.7%";
in % or ‰, never an amount: 同比增长(亿元) is the increase),
and optionally prior (上年同期, 去年同期), the level reported for the same period last year.
Output keys: indicator, value, rate_pct, base, prior (with a prior column only), increase.

With a prior column, each row whose prior differs from the implied base beyond rounding
is warned of on stderr. Every figure is taken as rounded at its last written digit
(31.7 is anything from 31.65 to 31.75, 120.2 from 120.15 to 120.25, 91.27 from 91.265
to 91.275), so the implied base is a range; the warning names the row, the implied base,
that range and the prior. An empty prior is not checked. As a rate may be at comparable
prices or on re-measured enterprises (同口径), a warning points at a row to look at, not
necessarily at a wrong figure.

Examples:
   econcalc base testdata/demo/indicators.csv
   econcalc base testdata/demo/indicators.csv --format json | jq '.[].base'
   printf 'indicator,value,rate\noutput,120.2,31.7%%\n' | econcalc base -
   printf '指标,数值,增速,上年同期\n规模工业总产值,120.2,31.7,95\n' | econcalc base -   # warns: 95 is not 91.20–91.34`

var (
	indicatorColumn = input.Column{Key: "indicator", Aliases: []string{"指标", "指标名称", "项目"}, Flag: "indicator-col"}
	levelColumn     = input.Column{Key: "value", Aliases: []string{"数值", "本期", "本期值", "绝对值"}, Flag: "value-col"}
	rateColumn      = input.Column{Key: "rate", Aliases: []string{"增速", "同比增长", "增长率", "同比增长率", "同比", "增幅", "增长", "比上年增长", "比上年同期增长", "rate_pct"}, Flag: "rate-col"}
	priorColumn     = input.Column{Key: "prior", Aliases: []string{"上年同期", "去年同期", "prior_value"}, Flag: "prior-col"}
)

type baseOptions struct {
	in                              input.Options
	out                             report.Options
	indicatorCol, valueCol, rateCol string
	priorCol                        string
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
			&cli.StringFlag{Name: "prior-col", Usage: "name of the prior-period column (上年同期), to check the implied base against"},
		),
		Action: func(c *cli.Context) error {
			in, out, err := ioFrom(c)
			if err != nil {
				return err
			}
			return runBase(e, baseOptions{in: in, out: out,
				indicatorCol: c.String("indicator-col"), valueCol: c.String("value-col"), rateCol: c.String("rate-col"),
				priorCol: c.String("prior-col")})
		},
	}
}

// baseColumns are the output's columns; prior only when the input has one.
// The value column's unit (亿元 in 绝对值(亿元)) is every amount's.
func baseColumns(withPrior bool, unit string) []report.Column {
	cols := []report.Column{
		{Key: "indicator", En: "indicator", Zh: "指标", Kind: report.TextKind},
		report.Column{Key: "value", En: "value", Zh: "本期", Kind: report.ExactKind}.WithUnit(unit),
		{Key: "rate_pct", En: "rate %", Zh: "增速%", Kind: report.ExactKind},
		report.Column{Key: "base", En: "base", Zh: "上年基数", Kind: report.AmountKind}.WithUnit(unit),
	}
	if withPrior {
		cols = append(cols, report.Column{Key: "prior", En: "prior", Zh: "上年同期", Kind: report.ExactKind}.WithUnit(unit))
	}
	return append(cols, report.Column{Key: "increase", En: "increase", Zh: "增量", Kind: report.AmountKind}.WithUnit(unit))
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
	rate, permille, err := baseRateColumn(in, opts.rateCol)
	if err != nil {
		return err
	}
	prior, err := in.FindOptional(priorColumn, opts.priorCol)
	if err != nil {
		return err
	}
	if err := oneBracketUnit(in, value); err != nil { // 本期（万元，亿元）, prior or none
		return err
	}
	var priorShift int32 // a prior in 万元 beside a value in 亿元 is read in 亿元
	unit := in.Unit(value)
	amounts := []int{value}
	if prior >= 0 {
		common, exps, err := columnUnits(in, []int{value, prior}, nil, unit)
		if err != nil {
			return err
		}
		noteUnits(e, in, []int{value, prior}, exps, unit)
		priorShift, unit = exps[1], common // the prior's unit when only it gives one
		amounts = append(amounts, prior)
	}
	if permille {
		e.notef("%s: read in %% (÷ 10)", in.Header[rate])
	}
	units := newBaseUnits(in, amounts, indicator)
	cols := baseColumns(prior >= 0, unit)
	rep := opts.out.NewReport(cols) // for the warnings' figures; the rows wait for places
	var rows [][]report.Cell
	places := map[string]int{} // the most decimals an input column is written with
	var footer baseFooter
	row := func(rec *input.Row) ([]report.Cell, error) {
		if err := units.check(rec); err != nil {
			return nil, err
		}
		v, err := rec.Number(value)
		if err != nil {
			return nil, err
		}
		r, err := rec.Rate(rate)
		if err != nil {
			return nil, err
		}
		if permille {
			if strings.ContainsAny(rec.Text(rate), "%％") {
				return nil, rec.Errorf(rate, "%s is in %%, and the header says ‰: write the rate in ‰, without the sign", input.QuoteCell(rec.Text(rate)))
			}
			r.V = r.V.Shift(-1) // 5.2‰ is 0.52%
		}
		var p calc.Maybe
		if prior >= 0 {
			if p, err = rec.Number(prior); err != nil {
				return nil, err
			}
			p.V = p.V.Shift(priorShift)
		}
		var base, increase report.Cell
		if v.OK && r.OK {
			b, _, err := calc.ImpliedBase(v.V, r.V)
			if err != nil {
				return nil, rec.Errorf(rate, "%s: %v", rec.Fields[rate], err)
			}
			if v.V.Sign() <= 0 { // the base has the value's sign, as 100 + rate > 0
				return nil, rec.Errorf(value, "%s: %s at a growth rate of %s%% implies a base of zero or below, and such a base has no growth rate (a loss that shrinks or grows, 减亏 or 增亏, is reported in words): base takes levels above zero only",
					rec.Text(indicator), report.ExactString(v.V), report.ExactString(r.V))
			}
			// Printed from the undivided quotients: divided and rounded once.
			bNum, incNum, den, _ := calc.ImpliedBaseRatio(v.V, r.V)
			base, increase = report.PercentCell(bNum, den), report.PercentCell(incNum, den)
			if p.OK {
				differs, err := priorDiffers(rep, opts.out.ValueDecimals, v.V, r.V, p.V, b)
				if err != nil {
					return nil, rec.Errorf(rate, "%s: %v", rec.Fields[rate], err)
				}
				if differs != "" {
					e.warnf("%s: %s: %s", rec.Pos(), rec.Text(indicator), differs)
				}
			}
		}
		cells := []report.Cell{report.TextCell(rec.Text(indicator)), report.MaybeCell(v), report.MaybeCell(r), base}
		places["value"] = max(places["value"], decimalPlaces(v))
		places["rate_pct"] = max(places["rate_pct"], decimalPlaces(r))
		if prior >= 0 {
			cells = append(cells, report.MaybeCell(p))
			places["prior"] = max(places["prior"], decimalPlaces(p))
		}
		return append(cells, increase), nil
	}
	err = in.Each(func(rec *input.Row) error {
		if signature(rec, indicator) {
			cells, err := row(rec)
			footer.add(rec, indicator, err)
			if err == nil {
				rows = append(rows, cells)
			}
			return nil
		}
		if err := footer.figuresFollow(); err != nil {
			return err
		}
		cells, err := row(rec)
		if err != nil {
			return err
		}
		rows = append(rows, cells)
		return nil
	})
	if err == nil {
		err = footer.err()
	}
	if err == nil {
		err = units.totalErr()
	}
	if err != nil {
		return err
	}
	for i := range cols {
		cols[i].Places = int32(places[cols[i].Key])
	}
	rep = opts.out.NewReport(cols)
	for _, cells := range rows {
		rep.Add(cells...)
	}
	return rep.Finish(e.stdout)
}

// priorDiffers says how a row's reported prior differs from the base its
// value and rate imply, or "" when they agree within rounding. The base's
// range is printed to the prior's places and one more (at least
// valueDecimals), so that a prior warned of shows outside it: 91.19 stands
// for up to 91.195, and a range from 91.19544… prints as from 91.195, never
// 91.19.
func priorDiffers(rep *report.Report, valueDecimals int32, value, rate, prior, base decimal.Decimal) (string, error) {
	check, err := calc.CheckPriorBase(value, rate, prior)
	if err != nil || check.Agrees {
		return "", err
	}
	places := max(valueDecimals, 1-prior.Exponent())
	bound := func(d decimal.Decimal) string {
		return rep.Render(report.Column{Kind: report.FixedKind, Places: places}, report.NumCell(d)).S
	}
	return fmt.Sprintf("implied base %s (%s to %s, allowing for the rounding of %s and %s%%) differs from the reported prior %s beyond rounding",
		rep.Render(report.Column{Kind: report.AmountKind}, report.NumCell(base)).S, bound(check.Low), bound(check.High),
		report.ExactString(value), report.ExactString(rate), report.ExactString(prior)), nil
}

// decimalPlaces is how many decimals a figure was written with; 0 when
// missing.
func decimalPlaces(m calc.Maybe) int {
	if !m.OK {
		return 0
	}
	return max(-int(m.V.Exponent()), 0)
}
