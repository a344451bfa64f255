package main

import (
	"slices"

	"econcalc/calc"
	"github.com/shopspring/decimal"
)

// readGrowthFast reads plain CSV whose values all fit fixed point, in
// parallel ranges, each into a part of its own; the parts are merged in
// input order. ok is false when the general path must read the input, which
// it then does from the start: for anything odd, and for every error, so
// that messages name their place as the general path names it.
func readGrowthFast(opts growthOptions, in *input, l growthLayout) (*growthData[calc.Fixed], bool, error) {
	plain, ok, err := openPlainFiles(opts.in, in.keys)
	if err != nil || !ok {
		return nil, false, err
	}
	defer plain.close()
	var parts []*growthData[calc.Fixed]
	_, err = plain.scan(false, func(*fastRange) rowSink {
		part := &growthData[calc.Fixed]{series: l.series}
		parts = append(parts, part)
		return growthRows(part, l)
	})
	if err == errSlowPath {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	data, ok := mergeGrowthParts(l.series, parts)
	if !ok || data.rows == 0 || hasDuplicatePeriods(data) || len(data.groups) > maxFixedGroups {
		return nil, false, nil
	}
	fastPathHits.Add(1)
	return data, true, nil
}

// growthRows reads rows into one part.
func growthRows(part *growthData[calc.Fixed], l growthLayout) rowSink {
	type label struct {
		period calc.Period
		ytd    bool
	}
	labels := map[string]label{} // a period label is parsed once
	groupOf := map[string]int{}
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
		if part.freq == 0 {
			part.freq = lab.period.Freq
		} else if lab.period.Freq != part.freq {
			return errSlowPath
		}
		part.ytd = part.ytd || lab.ytd
		group := ""
		if l.group >= 0 {
			group = string(trimCell(fields[l.group]))
		}
		gi := part.addGroup(groupOf, group)
		for s, i := range l.values {
			v, places, empty, ok := parseFixed(fields[i])
			if !ok {
				return errSlowPath
			}
			part.points[gi][s] = append(part.points[gi][s], calc.PointOf[calc.Fixed]{Period: lab.period,
				Value: calc.Opt[calc.Fixed]{V: calc.Fixed{Units: v, Places: int8(places)}, OK: !empty}})
		}
		part.rows++
		return nil
	}
}

// mergeGrowthParts joins the parts of the input in order: groups keep their
// order of first appearance. ok is false when the parts disagree on the
// frequency (an error the general path reports).
func mergeGrowthParts(series []string, parts []*growthData[calc.Fixed]) (*growthData[calc.Fixed], bool) {
	data := &growthData[calc.Fixed]{series: series}
	index := map[string]int{}
	for _, part := range parts {
		switch {
		case part.freq == 0:
		case data.freq == 0:
			data.freq = part.freq
		case part.freq != data.freq:
			return nil, false
		}
		data.ytd = data.ytd || part.ytd
		data.rows += part.rows
		for gi, name := range part.groups {
			into := data.addGroup(index, name)
			for s := range series {
				if data.points[into][s] == nil {
					data.points[into][s] = part.points[gi][s] // the usual case: no copy
				} else {
					data.points[into][s] = append(data.points[into][s], part.points[gi][s]...)
				}
			}
		}
	}
	return data, true
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
