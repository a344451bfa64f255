package main

import (
	"fmt"
	"slices"

	"econcalc/calc"
	"econcalc/cmd/internal/input"

	"github.com/shopspring/decimal"
)

var (
	priceIndexColumn = input.Column{Key: "index",
		Aliases: []string{"price_index", "deflator", "价格指数", "出厂价格指数", "平减指数", "缩减指数",
			"工业生产者出厂价格指数", "居民消费价格指数", "累计价格指数", "累计指数", "ppi", "cpi", "指数", "定基指数", "定基价格指数"},
		Flag: "deflator"}
	periodIndexColumn = input.Column{Key: "period_index",
		Aliases: []string{"当月价格指数", "当期价格指数", "当季价格指数", "当月指数", "当期指数", "当季指数"},
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
	base     calc.IndexBase
	byGroup  bool
	index    map[deflatorKey]decimal.Decimal
	period   map[deflatorKey]decimal.Decimal // single-period (当月) indexes; nil without them
	missing  map[string]bool                 // "period" or "group period" wanted but not given
	ytd      bool                            // --price-col: the data are year-to-date
	freq     calc.Frequency                  // --price-col: the data's frequency
	note     string                          // why real_yoy_pct is left empty (periodOnly)
	febSpan  map[deflatorKey]febSpan         // own figures: Februaries each index map lacks for their span
	febNotes map[string]febSpan              // Februaries left empty for an index of the other span
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
	if in == nil {
		return nil, false // an index of each period's own, which year-to-date figures lack (note)
	}
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
			if !d.noteFeb(d.key(group, q), name) {
				d.missing[name] = true
			}
			ok = false
		}
		out[i] = v
	}
	return out, ok
}

// warnMissing says, once, which periods had no index.
func (d *deflator) warnMissing(e *env) {
	d.warnNotes(e)
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
// each index belongs to (one index per industry). Its period labels are
// read into the data's frequency freq (deflatorPeriod); ytd is whether the
// data are year-to-date. --period-col names its period column too when its
// header has that column. own names the series of each period's own
// figures (本月), which only each period's own index (当月价格指数)
// deflates; all is whether every series is one.
func readDeflator(e *env, opts growthOptions, freq calc.Frequency, ytd bool, own ownDeflated) (*deflator, error) {
	// A file beside the input, which --skip and --skip-footer do not reach:
	// it passes over its own title lines and notes (input's Lookup).
	in, err := input.Open(input.Options{Files: []string{opts.real.deflator}, Encoding: opts.in.Encoding,
		Delimiter: opts.in.Delimiter, MaxRecord: opts.in.MaxRecord, Lookup: true}, e.stdin)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	d, err := readIndexes(in, opts, freq, ytd, own)
	if err == nil {
		noteLookup(e, in)
	}
	return d, err
}

// readIndexes reads the indexes of the deflator file.
func readIndexes(in *input.Source, opts growthOptions, freq calc.Frequency, ytd bool, own ownDeflated) (*deflator, error) {
	spec, periodCol := periodColumn, ""
	if opts.periodCol != "" {
		if in.Index(opts.periodCol) >= 0 {
			periodCol = opts.periodCol
		}
		// Else one of the usual names; a header below a title is found by either.
		spec.Aliases = append([]string{opts.periodCol}, spec.Aliases...)
	}
	period, err := in.Find(spec, periodCol)
	if err != nil {
		return nil, err
	}
	cols, err := findIndexColumns(in, opts.real.base)
	if err != nil {
		return nil, err
	}
	index, single, rule, err := ruleOf(in, cols, freq, ytd, opts.ytd, own)
	if err != nil {
		return nil, err
	}
	for _, col := range []int{index, single} {
		if err := checkIndexBase(in, col, opts.real.base); err != nil {
			return nil, err
		}
	}
	// Without a column of each period's own index, the index beside a
	// single period's label (2017年2月) is that period's own; one beside a
	// year-to-date label (2017年1-10月), under a year-to-date header, or
	// deflating year-to-date series too (as theirs) is refused for the
	// series of own figures.
	ownFromIndex := len(own.names) > 0 && single < 0
	if ownFromIndex && (headerKind(in.Header[index]) == cumulative || ytd && !own.all) {
		return nil, in.HeaderError("", own.refusal(fmt.Sprintf("no column of each period's own index (当月价格指数, 当期价格指数), only %q", in.Header[index])))
	}
	// Where every series holds each period's own figures, a year-to-date
	// label (2017年1-10月) is the row of October's own index, beside the
	// year-to-date one.
	ytd = ytd || own.all
	group := -1
	if opts.groupCol != "" {
		group = in.Index(opts.groupCol)
	}
	d := newDeflator(opts.real.base, group >= 0)
	if single >= 0 {
		d.period = map[deflatorKey]decimal.Decimal{}
	}
	seen := map[deflatorKey]int{}
	febs := map[deflatorKey]febSpan{}
	err = in.Each(func(rec *input.Row) error {
		p, ranged, err := calc.ParsePeriod(rec.Text(period))
		if err != nil {
			return rec.Errorf(period, "%v", err)
		}
		if ownFromIndex && spansPeriods(p, ranged, freq) {
			return rec.Errorf(period, "%s", own.refusal(fmt.Sprintf("%q is a year-to-date label, and %q beside it no index of each period's own (当月价格指数, 当期价格指数)",
				rec.Text(period), in.Header[index])))
		}
		if rule.ytdLabels {
			if err := singleLabel(rec, period, in.Header[index], p, ranged, freq); err != nil {
				return err
			}
		}
		p = deflatorPeriod(p, ranged, freq, ytd)
		if ranged && !ytd && p.Freq == freq && p.Freq != calc.Annual && p.Sub != 1 {
			// It would deflate the single period its span ends in.
			return rec.Errorf(period, "%q is a year-to-date (累计) index, but the data are single periods, which it does not deflate: give each period's own index (当期), or year-to-date data",
				rec.Text(period))
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
		if ownFromIndex && p.Freq == calc.Monthly && p.Sub == 2 {
			febs[k] = febSpan{rec.Text(period), rec.Pos().String(), !ranged}
		}
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
	switch {
	case ownFromIndex:
		d.splitFeb(febs)
	case rule.periodOnly:
		d.periodOnly(fmt.Sprintf("%s: column %q", in.First(), in.Header[index]), ytdHint)
	}
	return d, err
}

// spansPeriods reports an index's label (p, ranged as calc.ParsePeriod read
// it) that runs over more than one of the data's periods of frequency freq,
// other than 1–2月, the two months bureaus publish together: its index is
// no single period's own.
func spansPeriods(p calc.Period, ranged bool, freq calc.Frequency) bool {
	janFeb := p.Freq == calc.Monthly && p.Sub == 2
	return ranged && p.Freq != calc.Annual && !janFeb || freq.Finer(p.Freq)
}

// deflatorPeriod reads an index's period label (p, ranged as
// calc.ParsePeriod read it) into freq, the data's frequency, ytd when the
// data are year-to-date. A coarser label is read as the data's own are
// (frequencyMix): among year-to-date months 2017年前三季度 is 2017年1-9月 and
// 全年 1-12月. A finer one that runs from January to the end of one of the
// data's periods is that period's year-to-date index: 2017年1-6月 beside
// 2017年上半年, and 2017年1-12月 beside the year 2017. Any other label keeps
// its frequency, and matches no figure.
func deflatorPeriod(p calc.Period, ranged bool, freq calc.Frequency, ytd bool) calc.Period {
	switch {
	case freq == 0 || p.Freq == freq:
	case freq.Finer(p.Freq):
		if ytd && calc.FromJanuary(p, ranged) {
			p, _ = p.Last(freq)
		}
	case ranged && (ytd || freq == calc.Annual):
		if step := p.Freq.PerYear() / freq.PerYear(); int(p.Sub)%step == 0 {
			sub := int(p.Sub) / step
			if freq == calc.Annual {
				sub = 0
			}
			p = calc.MakePeriod(int(p.Year), freq, sub)
		}
	}
	return p
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
	d.ytd, d.freq = anyTrue(data.seriesYTD[:s]), data.freq
	for gi, group := range data.groups {
		for _, p := range data.points[gi][s] {
			if p.Value.OK {
				d.index[d.key(group, p.Period)] = p.Value.V.Num().Decimal()
			}
		}
	}
	return d
}

// ownIndex takes --price-col's index as each period's own where its header
// says so (当月价格指数, 上年同月=100), for the series of each period's own
// figures; another index is refused for them. Beside year-to-date figures
// such an index deflates the single periods' values only; beside single
// months or quarters one that says 累计 is refused.
func (d *deflator) ownIndex(in *input.Source, own ownDeflated, header string) error {
	kind := indexKind(header)
	if len(own.names) == 0 {
		switch {
		case d.freq != calc.Monthly && d.freq != calc.Quarterly:
		case d.ytd && kind.own():
			d.periodOnly(fmt.Sprintf("--price-col %q", header),
				"give the year-to-date (累计) index with --price-col (a column such as 累计价格指数), or both in a --deflator file (价格指数 and 当月价格指数)")
		case !d.ytd && kind == cumulative:
			return in.HeaderError(header, "--price-col names a year-to-date (累计) index, but the data are single periods, which it does not deflate: give each period's own index (当期), or year-to-date data")
		}
		return nil
	}
	if !kind.own() {
		return in.HeaderError(header, own.refusal("--price-col names no index of each period's own (its header would say 当月, as 当月价格指数 does)"))
	}
	d.period = d.index
	return nil
}

// ownDeflated names the deflated series that hold each period's own
// figures (本月); all: every deflated series does.
type ownDeflated struct {
	names []string
	all   bool
}

func ownDeflatedOf(series []string, own []bool) ownDeflated {
	o := ownDeflated{all: len(own) > 0}
	for s, yes := range own {
		if yes {
			o.names = append(o.names, series[s])
		}
		o.all = o.all && yes
	}
	return o
}

// refusal says why an index does not deflate the series of each period's
// own figures: what is the index that is there.
func (o ownDeflated) refusal(what string) string {
	verb := " hold"
	if len(o.names) == 1 {
		verb = " holds"
	}
	return fmt.Sprintf("%s: %s each period's own figures, which only each period's own index deflates (a year-to-date one would give a wrong real rate): give it in a column 当月价格指数, or leave those series out (--value-col)",
		what, input.QuoteNames(o.names)+verb)
}
