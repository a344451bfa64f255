package main

import (
	"bytes"
	"runtime"
	"sort"

	"econcalc/calc"
	"github.com/shopspring/decimal"
)

// The poverty summary's fast path: plain CSV read in parallel ranges
// (fastscan.go), amounts in int64 fixed point (calc.FixedTally), duplicate
// ids caught in fixed memory (idFilter). Households whose amounts do not fit
// fixed point are tallied in decimal and merged, so the figures are exactly
// those of the general path; any row the general path would reject makes
// the fast path decline, and the general path then reports it.

// fastVillage is one village's sums within one range.
type fastVillage struct {
	fixed calc.FixedTally
	dec   calc.Tally // households that do not fit fixed point
}

// negativeIncome is a warning kept until the run is known to succeed.
type negativeIncome struct {
	r      *fastRange
	line   int // within the range
	id     string
	amount string
}

// fastPovertyRange is what one worker gathers.
type fastPovertyRange struct {
	villages   map[string]*fastVillage
	negatives  []negativeIncome // the first maxNegativeWarnings
	negCount   int
	candidates []string // ids the filter may have seen before
}

// povertySummaryFast computes the per-village tallies on the fast path. ok
// is false when the general path must do it.
func povertySummaryFast(e *env, opts povertyOptions, in *input, cols householdColumns) (map[string]*calc.Tally, bool, error) {
	line, fits := calc.ToFixed(opts.line)
	if !fits || len(cols.counted) > calc.MaxFixedComponents || len(cols.excluded) > calc.MaxFixedComponents {
		return nil, false, nil
	}
	files, ok, err := openPlainFiles(opts.in, in.keys)
	if err != nil || !ok {
		return nil, false, err
	}
	defer closePlainFiles(files)

	filter := newIDFilter()
	var gathered []*fastPovertyRange
	ranges, err := scanPlain(files, len(in.header), byte(opts.in.delimiter), opts.in.maxRecord, func(r *fastRange) rowSink {
		g := &fastPovertyRange{villages: map[string]*fastVillage{}}
		gathered = append(gathered, g)
		return func(fields [][]byte, local int) error {
			return g.add(fields, local, r, cols, line, opts.line, filter)
		}
	})
	if err == errSlowPath {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	if dup, err := confirmDuplicates(files, len(in.header), opts, cols, gathered); err != nil || dup {
		return nil, false, err
	}
	// The filter's 16 MiB are garbage now: hand them back before the
	// figures and the output allocate, so that peak memory stays flat.
	filter = nil
	runtime.GC()

	villages := map[string]*calc.Tally{}
	var negatives []negativeIncome
	negCount := 0
	for _, g := range gathered {
		for name, v := range g.villages {
			t := villages[name]
			if t == nil {
				t = &calc.Tally{}
				villages[name] = t
			}
			v.fixed.AddTo(t)
			t.Merge(&v.dec)
		}
		negatives = append(negatives, g.negatives...)
		negCount += g.negCount
	}
	if len(villages) == 0 {
		return nil, false, nil // no rows: the general path says so
	}
	sort.Slice(negatives, func(i, j int) bool {
		return absoluteLine(ranges, negatives[i].r, negatives[i].line) < absoluteLine(ranges, negatives[j].r, negatives[j].line)
	})
	for i, n := range negatives {
		if i == maxNegativeWarnings {
			break
		}
		e.warnf("%s:%d: household %q: counted income %s is negative", n.r.file.name, absoluteLine(ranges, n.r, n.line), n.id, n.amount)
	}
	if negCount > maxNegativeWarnings {
		e.warnf("%d more households have negative counted income", negCount-maxNegativeWarnings)
	}
	fastPathHits.Add(1)
	return villages, true, nil
}

// add tallies one row, or declines it to the general path.
func (g *fastPovertyRange) add(fields [][]byte, local int, r *fastRange, cols householdColumns, line int64, lineDec decimal.Decimal, filter *idFilter) error {
	id := bytes.TrimSpace(fields[cols.id])
	name := bytes.TrimSpace(fields[cols.village])
	if len(id) == 0 || len(name) == 0 {
		return errSlowPath
	}
	if filter.add(id) {
		g.candidates = append(g.candidates, string(id))
	}
	v := g.villages[string(name)]
	if v == nil {
		v = &fastVillage{}
		g.villages[string(name)] = v
	}
	h, fixed, err := readFixedHousehold(fields, cols)
	if err != nil {
		return err
	}
	if !fixed || h.Counted < 0 {
		dh, err := readDecimalHousehold(fields, cols)
		if err != nil {
			return err
		}
		if dh.Counted.Sign() < 0 {
			if g.negCount++; len(g.negatives) < maxNegativeWarnings {
				g.negatives = append(g.negatives, negativeIncome{r, local, string(id), exactString(dh.Counted)})
			}
		}
		if !fixed {
			v.dec.Add(dh, lineDec)
			return nil
		}
	}
	v.fixed.Add(h, line)
	return nil
}

// fixedUnit is one yuan in fixed point.
const fixedUnit = 10_000

// readFixedHousehold reads a row in fixed point; fixed is false when some
// amount does not fit, and the row must be read in decimal.
func readFixedHousehold(fields [][]byte, cols householdColumns) (h calc.FixedHousehold, fixed bool, err error) {
	m, empty, ok := parseFixed(fields[cols.members])
	if empty || !ok || m%fixedUnit != 0 || m < fixedUnit {
		return h, false, errSlowPath // not a whole number ≥ 1: the general path says which
	}
	if h.Members = m / fixedUnit; h.Members > calc.MaxFixedMembers {
		return h, false, nil
	}
	recorded := false
	for _, i := range cols.counted {
		v, empty, ok := parseFixed(fields[i])
		if !ok {
			return h, false, nil
		}
		h.Counted += v
		recorded = recorded || !empty
	}
	if !recorded {
		return h, false, errSlowPath // no income recorded at all: an error
	}
	for _, i := range cols.excluded {
		v, _, ok := parseFixed(fields[i])
		if !ok {
			return h, false, nil
		}
		h.Excluded += v
	}
	return h, true, nil
}

// readDecimalHousehold reads a row with the general number parser.
func readDecimalHousehold(fields [][]byte, cols householdColumns) (calc.Household, error) {
	var h calc.Household
	m, ok, err := parseNumber(string(fields[cols.members]), false)
	if err != nil || !ok || !m.IsInteger() || m.Sign() < 1 || m.Cmp(maxMembers) > 0 {
		return h, errSlowPath
	}
	h.Members = m.IntPart()
	sum := func(idx []int) (total decimal.Decimal, recorded bool, err error) {
		for _, i := range idx {
			v, ok, err := parseNumber(string(fields[i]), false)
			if err != nil {
				return total, false, errSlowPath
			}
			if ok {
				total, recorded = total.Add(v), true
			}
		}
		return total, recorded, nil
	}
	var recorded bool
	if h.Counted, recorded, err = sum(cols.counted); err != nil || !recorded {
		return h, errSlowPath // no income recorded at all: an error
	}
	h.Excluded, _, err = sum(cols.excluded)
	return h, err
}

// confirmDuplicates settles the filter's candidates with a second look at
// the ids: dup is true when some id really occurs twice, and the general
// path must report it.
func confirmDuplicates(files []*plainFile, ncols int, opts povertyOptions, cols householdColumns, gathered []*fastPovertyRange) (dup bool, err error) {
	candidates := map[string]bool{}
	for _, g := range gathered {
		for _, id := range g.candidates {
			candidates[id] = true
		}
	}
	if len(candidates) == 0 {
		return false, nil
	}
	var counts []map[string]int // one per range; candidates is only read
	_, err = scanPlain(files, ncols, byte(opts.in.delimiter), opts.in.maxRecord, func(*fastRange) rowSink {
		seen := map[string]int{}
		counts = append(counts, seen)
		return func(fields [][]byte, _ int) error {
			if id := bytes.TrimSpace(fields[cols.id]); candidates[string(id)] {
				seen[string(id)]++
			}
			return nil
		}
	})
	if err != nil {
		return false, err
	}
	total := map[string]int{}
	for _, seen := range counts {
		for id, n := range seen {
			if total[id] += n; total[id] > 1 {
				return true, nil
			}
		}
	}
	return false, nil
}
