package main

import (
	"bytes"
	"slices"

	"econcalc/calc"
	"github.com/shopspring/decimal"
)

// readGrowthFast reads plain CSV whose values all fit fixed point. ok is
// false when the general path must read the input, which it then does from
// the start: for anything odd, and for every error, so that messages name
// their place as the general path names it.
func readGrowthFast(opts growthOptions, in *input, l growthLayout) (*growthData[calc.Fixed], bool, error) {
	plain, ok, err := openPlainFiles(opts.in, in.keys)
	if err != nil || !ok {
		return nil, false, err
	}
	defer plain.close()
	data := &growthData[calc.Fixed]{series: l.series}
	type label struct {
		period calc.Period
		ytd    bool
	}
	labels := map[string]label{}
	groupOf := map[string]int{}
	rows := 0
	_, err = plain.scan(true, func(*fastRange) rowSink {
		return func(fields [][]byte, _ int) error {
			lab, seen := labels[string(fields[l.period])]
			if !seen {
				p, ytd, err := calc.ParsePeriod(string(fields[l.period]))
				if err != nil {
					return errSlowPath
				}
				lab = label{p, ytd}
				labels[string(fields[l.period])] = lab
			}
			if data.freq == 0 {
				data.freq = lab.period.Freq
			} else if lab.period.Freq != data.freq {
				return errSlowPath
			}
			data.ytd = data.ytd || lab.ytd
			group := ""
			if l.group >= 0 {
				group = string(bytes.TrimSpace(fields[l.group]))
			}
			gi := data.addGroup(groupOf, group)
			for s, i := range l.values {
				v, places, empty, ok := parseFixed(fields[i])
				if !ok {
					return errSlowPath
				}
				data.points[gi][s] = append(data.points[gi][s], calc.PointOf[calc.Fixed]{Period: lab.period,
					Value: calc.Opt[calc.Fixed]{V: calc.Fixed{Units: v, Places: int8(places)}, OK: !empty}})
			}
			rows++
			return nil
		}
	})
	if err == errSlowPath || (err == nil && (rows == 0 || hasDuplicatePeriods(data))) {
		return nil, false, nil
	}
	if err != nil || len(data.groups) > maxFixedGroups {
		return nil, false, err
	}
	data.rows = rows
	fastPathHits.Add(1)
	return data, true, nil
}

// maxFixedGroups keeps a total of fixed-point amounts, times 100, within
// int64.
const maxFixedGroups = 50_000

// hasDuplicatePeriods reports a period twice in one group: an error, which
// the general path locates.
func hasDuplicatePeriods(data *growthData[calc.Fixed]) bool {
	for _, series := range data.points {
		idx := make([]int, len(series[0]))
		for i, p := range series[0] {
			idx[i] = p.Period.Index()
		}
		slices.Sort(idx)
		for i := 1; i < len(idx); i++ {
			if idx[i] == idx[i-1] {
				return true
			}
		}
	}
	return false
}

// fixedFigures prints fixed-point amounts: the fast path.
type fixedFigures struct{ out outputOptions }

func (f fixedFigures) exact(v calc.Fixed) rendered {
	return rendered{s: formatFixed(v.Units, int(v.Places)), isNum: true}
}

func (f fixedFigures) percent(q calc.Quotient[calc.Fixed]) rendered {
	switch {
	case !q.OK:
		return rendered{isNull: true}
	case q.Whole:
		return rendered{s: formatScaled(100*pow10[f.out.decimals], int(f.out.decimals)), isNum: true}
	}
	num, den := q.Num.Units, q.Den.Units
	if den < 0 {
		num, den = -num, -den
	}
	if num > -1<<56 && num < 1<<56 {
		if s, ok := roundQuotient(num*100, den, f.out.decimals, f.out.halfEven); ok {
			return rendered{s: s, isNum: true}
		}
	}
	return decimalFigures(f).percent(calc.Quotient[decimal.Decimal]{Num: q.Num.Decimal(), Den: q.Den.Decimal(), OK: true})
}

func (f fixedFigures) twoYear(value, base calc.Fixed) rendered {
	return decimalFigures(f).twoYear(value.Decimal(), base.Decimal())
}
