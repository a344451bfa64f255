package main

import (
	"slices"

	"econcalc/calc"
	"econcalc/cmd/internal/input"

	"github.com/shopspring/decimal"
)

var (
	priceIndexColumn = input.Column{Key: "index",
		Aliases: []string{"price_index", "deflator", "价格指数", "出厂价格指数", "平减指数", "缩减指数", "指数"},
		Flag:    "deflator"}
	periodIndexColumn = input.Column{Key: "period_index",
		Aliases: []string{"当月价格指数", "当期价格指数", "当月指数", "当期指数"},
		Flag:    "deflator"}
)

// realOptions is how growth puts values at comparable prices (扣除价格因素).
type realOptions struct {
	deflator string // --deflator FILE
	priceCol string // --price-col: an index column beside the values
	base     calc.IndexBase
}

func (r realOptions) wanted() bool { return r.deflator != "" || r.priceCol != "" }

// deflator holds price indexes by period, and by group when the index
// differs by industry; an index sits beside the figure it deflates, so a
// year-to-date figure's index is the year-to-date (累计) index.
type deflator struct {
	base    calc.IndexBase
	byGroup bool
	index   map[deflatorKey]decimal.Decimal
	period  map[deflatorKey]decimal.Decimal // single-period (当月) indexes; nil without them
	missing map[string]bool                 // "period" or "group period" wanted but not given
}

type deflatorKey struct {
	group string
	freq  calc.Frequency
	index int
}

func newDeflator(base calc.IndexBase, byGroup bool) *deflator {
	return &deflator{base: base, byGroup: byGroup, index: map[deflatorKey]decimal.Decimal{}, missing: map[string]bool{}}
}

func (d *deflator) key(group string, p calc.Period) deflatorKey {
	if !d.byGroup {
		group = ""
	}
	return deflatorKey{group, p.Freq, p.Index()}
}

// indexes are the indexes that deflate a figure of period p against the
// figure k years earlier (calc.Deflate): with a year-on-year index, p's and
// each year's back to k−1 years earlier; with a fixed base, p's and the
// earlier period's. A period with no index is noted for the warning.
func (d *deflator) indexes(in map[deflatorKey]decimal.Decimal, group string, p calc.Period, k int) ([]decimal.Decimal, bool) {
	want := make([]calc.Period, 0, k)
	if d.base == calc.FixedIndex {
		want = append(want, p, p.YearsEarlier(k))
	} else {
		for j := 0; j < k; j++ {
			want = append(want, p.YearsEarlier(j))
		}
	}
	out := make([]decimal.Decimal, len(want))
	ok := true
	for i, q := range want {
		v, found := in[d.key(group, q)]
		if !found {
			name := q.String()
			if d.byGroup && group != "" {
				name = group + " " + name
			}
			d.missing[name] = true
			ok = false
		}
		out[i] = v
	}
	return out, ok
}

// warnMissing says, once, which periods had no index.
func (d *deflator) warnMissing(e *env) {
	if len(d.missing) == 0 {
		return
	}
	names := make([]string, 0, len(d.missing))
	for n := range d.missing {
		names = append(names, n)
	}
	slices.Sort(names)
	e.warnf("no price index for %s: real growth there is left empty", abbreviate(names, 8))
}

// readDeflator reads --deflator: a period column, an index column, and,
// when the growth has a group column and the file has it too, the group
// each index belongs to (one index per industry).
func readDeflator(e *env, opts growthOptions) (*deflator, error) {
	in, err := input.Open(input.Options{Files: []string{opts.real.deflator}, Encoding: opts.in.Encoding,
		Delimiter: opts.in.Delimiter, MaxRecord: opts.in.MaxRecord}, e.stdin)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	period, err := in.Find(periodColumn, "")
	if err != nil {
		return nil, err
	}
	index, err := in.Find(priceIndexColumn, "")
	if err != nil {
		return nil, err
	}
	single, err := in.FindOptional(periodIndexColumn, "")
	if err != nil {
		return nil, err
	}
	group := -1
	if opts.groupCol != "" {
		group = in.Index(opts.groupCol)
	}
	d := newDeflator(opts.real.base, group >= 0)
	if single >= 0 {
		d.period = map[deflatorKey]decimal.Decimal{}
	}
	seen := map[deflatorKey]int{}
	err = in.Each(func(rec *input.Row) error {
		p, _, err := calc.ParsePeriod(rec.Text(period))
		if err != nil {
			return rec.Errorf(period, "%v", err)
		}
		name := ""
		if group >= 0 {
			name = rec.Text(group)
		}
		k := d.key(name, p)
		if line, dup := seen[k]; dup {
			return rec.Errorf(period, "%s has a second index (the first is on line %d)", p, line)
		}
		seen[k] = rec.Pos().Line()
		for _, c := range []struct {
			col  int
			into map[deflatorKey]decimal.Decimal
		}{{index, d.index}, {single, d.period}} {
			if c.col < 0 {
				continue
			}
			v, err := rec.Number(c.col)
			if err != nil {
				return err
			}
			if err := d.set(c.into, k, v, rec, c.col); err != nil {
				return err
			}
		}
		return nil
	})
	return d, err
}

// set records an index, refusing one of zero or below.
func (d *deflator) set(into map[deflatorKey]decimal.Decimal, k deflatorKey, v calc.Maybe, rec *input.Row, col int) error {
	if !v.OK {
		return nil
	}
	if v.V.Sign() <= 0 {
		return rec.Errorf(col, "price index %s: an index is above zero (上年同期 or the base year = 100)", v.V)
	}
	into[k] = v.V
	return nil
}

// priceColumnDeflator is --price-col: the index read as one more series
// beside the values, one per group.
func priceColumnDeflator[N growthAmount[N]](opts growthOptions, data *growthData[N], s int) *deflator {
	d := newDeflator(opts.real.base, opts.groupCol != "")
	for gi, group := range data.groups {
		for _, p := range data.points[gi][s] {
			if p.Value.OK {
				d.index[d.key(group, p.Period)] = p.Value.V.Num().Decimal()
			}
		}
	}
	return d
}
