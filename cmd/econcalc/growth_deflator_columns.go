package main

import (
	"fmt"
	"slices"
	"strings"

	"econcalc/calc"
	"econcalc/cmd/internal/input"
)

// indexColumns are a deflator file's index columns by what their headers
// say they are (indexKind): year-to-date (累计), each period's own (当月,
// 当季, 上年同月=100), and neither.
type indexColumns struct {
	cum, own, plain []int
}

// findIndexColumns finds every column of the deflator whose header, its
// brackets aside, is one of the index names (价格指数, 累计价格指数,
// 当月价格指数, 定基指数…), or else the one input finds (its error when
// none). Those whose stated base is not base are left out first (byBase),
// whatever their kind.
func findIndexColumns(in *input.Source, base calc.IndexBase) (indexColumns, error) {
	names := map[string]bool{}
	for _, spec := range []input.Column{priceIndexColumn, periodIndexColumn} {
		for _, n := range append([]string{spec.Key}, spec.Aliases...) {
			names[strings.ToLower(n)] = true
		}
	}
	var (
		cols []int
		err  error
	)
	for i, h := range in.Header {
		if names[indexName(h)] {
			cols = append(cols, i)
		}
	}
	if len(cols) == 0 {
		i, ferr := in.Find(priceIndexColumn, "")
		if ferr != nil {
			return indexColumns{}, ferr
		}
		cols = append(cols, i)
	}
	if cols, err = byBase(in, cols, base); err != nil {
		return indexColumns{}, err
	}
	var c indexColumns
	for _, i := range cols {
		switch k := indexKind(in.Header[i]); {
		case k == cumulative:
			c.cum = append(c.cum, i)
		case k.own():
			c.own = append(c.own, i)
		default:
			c.plain = append(c.plain, i)
		}
	}
	return c, nil
}

// indexName is a header, lower-cased, without the notes in brackets at its
// end: 价格指数（累计） and 价格指数(上年同期=100) are 价格指数.
func indexName(header string) string {
	h := strings.ToLower(strings.TrimSpace(header))
	for {
		cut := false
		for _, b := range [][2]string{{"（", "）"}, {"(", ")"}, {"[", "]"}, {"【", "】"}, {"［", "］"}} {
			if !strings.HasSuffix(h, b[1]) {
				continue
			}
			if i := strings.LastIndex(h, b[0]); i > 0 {
				h, cut = strings.TrimSpace(h[:i]), true
				break
			}
		}
		if !cut {
			return h
		}
	}
}

// pick is the one column of the first kind that has any, -1 when none
// has; two of that kind are refused (what: the figures it would deflate),
// as taking the first would be a guess.
func (c indexColumns) pick(in *input.Source, what string, kinds ...[]int) (int, error) {
	for _, k := range kinds {
		switch len(k) {
		case 0:
			continue
		case 1:
			return k[0], nil
		}
		names := make([]string, len(k))
		for j, i := range k {
			names[j] = in.Header[i]
		}
		return -1, in.HeaderError("", fmt.Sprintf("columns %s could each be the index of %s: keep one of them in the deflator file",
			input.QuoteNames(names), what))
	}
	return -1, nil
}

// indexRule is how the deflator's index columns serve the data.
type indexRule struct {
	periodOnly bool // year-to-date data, an index of each period's own only: it deflates the single periods' values only
	ytdLabels  bool // year-to-date data, an index whose header says neither: its labels must be year-to-date
}

// ruleOf chooses the deflator's index columns by the kind of the data
// (frequency freq, year-to-date ytd, labels read as year-to-date by
// --ytd, own: the series of each period's own figures): index, the one
// that deflates each figure, and single, each period's own index beside a
// year-to-date one (-1 without). Year-to-date figures take the column
// that says 累计, else one that says neither; single periods take the one
// that says 当月 or 当季, else one that says neither. A column of the other
// kind never deflates a figure: beside year-to-date data one that says
// 当月, or one that says neither beside one that says 累计, is each
// period's own (real_period_yoy_pct); beside single periods one that says
// 累计 is unused, and refused when it is the only one.
func ruleOf(in *input.Source, cols indexColumns, freq calc.Frequency, ytd, ytdFlag bool, own ownDeflated) (index, single int, rule indexRule, err error) {
	subAnnual := freq == calc.Monthly || freq == calc.Quarterly
	if subAnnual && !ytd && len(own.names) == 0 {
		if index, err = cols.pick(in, "the single periods", cols.own, cols.plain); err != nil || index >= 0 {
			return index, -1, rule, err
		}
		return -1, -1, rule, in.HeaderError(in.Header[cols.cum[0]], "says it is a year-to-date (累计) index, but the data are single periods, which it does not deflate: give each period's own index (当期), or year-to-date data")
	}
	what := "the figures"
	if ytd {
		what = "the year-to-date figures"
	}
	if index, err = cols.pick(in, what, cols.cum, cols.plain); err != nil {
		return
	}
	ownCols := cols.own
	if len(ownCols) == 0 && len(cols.cum) > 0 {
		// Beside 累计, the index that says neither is each period's own;
		// one on a base year (定基) never is.
		for _, i := range cols.plain {
			if baseOf(in.Header[i]) != baseFixed {
				ownCols = append(ownCols, i)
			}
		}
	}
	if index < 0 && len(ownCols) > 1 && subAnnual && len(own.names) == 0 {
		kind := indexKind(in.Header[ownCols[0]])
		return -1, -1, rule, in.HeaderError(in.Header[ownCols[0]], fmt.Sprintf("says it is each period's own index (%s), as %q beside it is, and the year-to-date figures need the year-to-date (累计) one: %s",
			ownWord(kind), in.Header[ownCols[1]], ytdHint))
	}
	if single, err = cols.pick(in, "each single period's value", ownCols); err != nil {
		return
	}
	if index < 0 {
		// Only each period's own index: for the series of own figures (or
		// a year's) it is the index; beside year-to-date data it deflates
		// the single periods only.
		index, single = single, -1
		rule.periodOnly = subAnnual && len(own.names) == 0
		return
	}
	rule.ytdLabels = subAnnual && len(own.names) == 0 && !ytdFlag && single < 0 && slices.Contains(cols.plain, index)
	return
}
