package main

import (
	"strings"

	"econcalc/calc"
	"econcalc/cmd/internal/report"

	"github.com/urfave/cli/v2"
)

// readExtraFlags reads the flags of the figures formed across rows:
// average growth, ranks and growth at comparable prices.
func (opts *growthOptions) readExtraFlags(c *cli.Context) error {
	var err error
	if opts.shares, err = shareRoundingFrom(c); err != nil {
		return err
	}
	if opts.shares == report.SharesLargestRemainder && opts.groupCol == "" {
		return usagef("--share-rounding: shares are of groups; it needs --group-col")
	}
	opts.avgFrom, opts.avgTo = c.String("avg-from"), c.String("avg-to")
	if opts.avgTo != "" && opts.avgFrom == "" {
		return usagef("--avg-to needs --avg-from: the span's first period")
	}
	if c.Bool("rank") {
		if opts.groupCol == "" {
			return usagef("--rank ranks groups: it needs --group-col")
		}
		by := strings.TrimSpace(c.String("rank-by"))
		opts.rank = &rankOptions{by: strings.TrimPrefix(by, "-"), lowest: strings.HasPrefix(by, "-"), exact: c.Bool("rank-exact")}
	} else if c.IsSet("rank-by") || c.Bool("rank-exact") {
		return usagef("--rank-by and --rank-exact go with --rank")
	}
	opts.real = realOptions{deflator: c.String("deflator"), priceCol: c.String("price-col")}
	if opts.real.deflator != "" && opts.real.priceCol != "" {
		return usagef("--deflator and --price-col both give price indexes: use one")
	}
	if opts.real.deflator == "-" && readsStdin(opts.in.Files) {
		return usagef("--deflator - and the input are both standard input, which is read once: name a file for one of them")
	}
	switch choice(c, "index-base") {
	case "yoy":
	case "fixed":
		opts.real.base = calc.FixedIndex
	default:
		return usagef("--index-base %q: use yoy (上年同期=100) or fixed (a base year = 100)", c.String("index-base"))
	}
	if opts.summary && (opts.rank != nil || opts.real.wanted()) {
		return usagef("--summary does not combine with --rank, --deflator or --price-col")
	}
	if c.IsSet("index-base") && !opts.real.wanted() {
		return usagef("--index-base describes the index of --deflator or --price-col")
	}
	return nil
}

// extrasAt is row i of group g's extras; nil when none were formed.
func extrasAt(ex [][]rowExtras, g, i int) *rowExtras {
	if ex == nil || ex[g] == nil {
		return nil
	}
	return &ex[g][i]
}

// rankColumn is the column --rank-by names: a figure of this output.
func rankColumn(cols []report.Column, key string) (report.Column, error) {
	var keys []string
	for _, c := range cols {
		if c.Kind == report.TextKind || c.Key == "rank" || c.Key == "rank_of" {
			continue
		}
		if c.Key == key {
			return c, nil
		}
		keys = append(keys, c.Key)
	}
	return report.Column{}, usagef("--rank-by %q: rank by one of this output's figures: %s", key, strings.Join(keys, ", "))
}

// averageSpan reads --avg-from and --avg-to as periods of the data: the
// same month or quarter whole years apart, the end the latest period when
// --avg-to is not given.
func (opts growthOptions) averageSpan(data interface{ latest() (calc.Period, bool) }, freq calc.Frequency) (*averageSpan, error) {
	if opts.avgFrom == "" {
		return nil, nil
	}
	parse := func(flag, label string) (calc.Period, error) {
		p, _, err := calc.ParsePeriod(label)
		if err != nil {
			return p, usagef("%s %q: write a period as the data does (2012, 2012-10, 2012年1-10月)", flag, label)
		}
		return p, nil
	}
	from, err := parse("--avg-from", opts.avgFrom)
	if err != nil {
		return nil, err
	}
	to, ok := data.latest()
	if opts.avgTo != "" {
		if to, err = parse("--avg-to", opts.avgTo); err != nil {
			return nil, err
		}
	} else if !ok {
		return nil, nil
	}
	switch {
	case from.Freq != freq || to.Freq != freq:
		return nil, usagef("--avg-from %s and --avg-to %s: the series are %s; give periods of that frequency", from, to, freq)
	case from.Sub != to.Sub:
		return nil, usagef("--avg-from %s and --avg-to %s: an average over whole years compares the same month or quarter", from, to)
	case to.Year <= from.Year:
		return nil, usagef("--avg-from %s is not before --avg-to %s", from, to)
	}
	return &averageSpan{from: from, to: to, years: int(to.Year - from.Year)}, nil
}
