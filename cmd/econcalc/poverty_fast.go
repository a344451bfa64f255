package main

import (
	"runtime"
	"sort"

	"econcalc/calc"
	"github.com/shopspring/decimal"
)

// The poverty command's fast path: plain CSV (fastscan.go), amounts in int64
// fixed point (calc.FixedTally), duplicate ids caught in fixed memory
// (idFilter). A household whose amounts do not fit fixed point is read in
// decimal, so the figures are exactly those of the general path; any row
// the general path would reject makes the fast path decline, and the
// general path then reports it.

// householdRow is one row as the fast path reads it.
type householdRow struct {
	id, village []byte
	fixed       bool // the amounts fit fixed point: h holds them, else dec
	h           calc.FixedHousehold
	dec         calc.Household
	// places of Counted and Excluded as written (1.50 + 2 has two), so
	// that fixed-point amounts print as the decimal ones do.
	countedPlaces, excludedPlaces int
}

// negativeIncome is a warning kept until the run is known to succeed.
type negativeIncome struct {
	r      *fastRange
	line   int // within the range
	id     string
	amount string
}

// householdPart is what the pass gathers from one range.
type householdPart struct {
	r         *fastRange
	rows      int
	ids       idBatch // its candidates: ids the filter may have seen before
	negatives []negativeIncome
	negCount  int
	cols      householdColumns
	row       householdRow
	consume   func(*householdRow) error
}

// householdPass reads a registry on the fast path, handing each household to
// a consumer per range. It declines (errSlowPath) where the general path must
// answer, duplicate ids included.
type householdPass struct {
	cols   householdColumns
	line   int64 // the poverty line in fixed point
	ranges []*fastRange
	parts  []*householdPart
}

// newHouseholdPass is nil when the poverty line does not fit fixed point.
func newHouseholdPass(opts povertyOptions, cols householdColumns) *householdPass {
	line, fits := calc.ToFixed(opts.line)
	if !fits || len(cols.counted) > calc.MaxFixedComponents || len(cols.excluded) > calc.MaxFixedComponents {
		return nil
	}
	return &householdPass{cols: cols, line: line}
}

// run reads every row in parallel ranges, each handing its rows to a
// consumer of its own, then rules out duplicate ids.
func (p *householdPass) run(plain plainInput, newConsumer func() func(*householdRow) error) error {
	filter := newIDFilter(plain.size())
	ranges, err := plain.scan(false, func(r *fastRange) rowSink {
		part := &householdPart{r: r, ids: idBatch{filter: filter}, cols: p.cols, consume: newConsumer()}
		p.parts = append(p.parts, part)
		return part.add
	})
	if err != nil {
		return err
	}
	p.ranges = ranges
	// A full-size filter's 16 MiB are garbage after this: hand them back
	// before the figures and the output allocate, so that peak memory stays
	// flat.
	for _, part := range p.parts {
		part.ids.flush()
		part.ids.filter = nil
	}
	if len(filter.words) == maxFilterBlocks*8 {
		filter = nil
		runtime.GC()
	}
	dup, err := p.confirmDuplicates(plain)
	if err == nil && dup {
		err = errSlowPath // the general path names both lines
	}
	return err
}

// add reads one row and hands it on.
func (part *householdPart) add(fields [][]byte, local int) error {
	part.rows++
	row := &part.row
	row.id = trimCell(fields[part.cols.id])
	row.village = trimCell(fields[part.cols.village])
	if len(row.id) == 0 || len(row.village) == 0 {
		return errSlowPath
	}
	part.ids.add(row.id)
	fixed, err := readFixedHousehold(fields, part.cols, row)
	if err != nil {
		return err
	}
	row.fixed = fixed
	if !fixed || row.h.Counted < 0 {
		if row.dec, err = readDecimalHousehold(fields, part.cols); err != nil {
			return err
		}
		if row.dec.Counted.Sign() < 0 {
			if part.negCount++; len(part.negatives) < maxNegativeWarnings {
				part.negatives = append(part.negatives, negativeIncome{part.r, local, string(row.id), exactString(row.dec.Counted)})
			}
		}
	}
	return part.consume(row)
}

// rows is how many data rows the pass read.
func (p *householdPass) rows() int {
	n := 0
	for _, part := range p.parts {
		n += part.rows
	}
	return n
}

// warn prints the negative-income warnings of the whole input, as the
// general path does: the first few by line, then a count.
func (p *householdPass) warn(e *env) {
	var negatives []negativeIncome
	count := 0
	for _, part := range p.parts {
		negatives = append(negatives, part.negatives...)
		count += part.negCount
	}
	line := func(n negativeIncome) int { return absoluteLine(p.ranges, n.r, n.line) }
	sort.Slice(negatives, func(i, j int) bool { return line(negatives[i]) < line(negatives[j]) })
	for i, n := range negatives {
		if i == maxNegativeWarnings {
			break
		}
		e.warnf("%s:%d: household %q: counted income %s is negative", n.r.file.name, line(n), n.id, n.amount)
	}
	if count > maxNegativeWarnings {
		e.warnf("%d more households have negative counted income", count-maxNegativeWarnings)
	}
}

// confirmDuplicates settles the filter's candidates.
func (p *householdPass) confirmDuplicates(plain plainInput) (dup bool, err error) {
	var candidates []string
	for _, part := range p.parts {
		candidates = append(candidates, part.ids.candidates...)
	}
	return confirmDuplicates(plain, p.cols.id, candidates)
}

// confirmDuplicates settles an id filter's candidates with a second look at
// the ids: dup is true when some id really occurs twice, and the general
// path must report it.
func confirmDuplicates(plain plainInput, idCol int, candidates []string) (dup bool, err error) {
	if len(candidates) == 0 {
		return false, nil
	}
	wanted := map[string]bool{}
	for _, id := range candidates {
		wanted[id] = true
	}
	var counts []map[string]int // one per range; wanted is only read
	_, err = plain.scan(false, func(*fastRange) rowSink {
		seen := map[string]int{}
		counts = append(counts, seen)
		return func(fields [][]byte, _ int) error {
			if id := trimCell(fields[idCol]); wanted[string(id)] {
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

// fixedUnit is one yuan in fixed point.
const fixedUnit = 10_000

// readFixedHousehold reads a row in fixed point into row; fixed is false
// when some amount does not fit, and the row must be read in decimal.
func readFixedHousehold(fields [][]byte, cols householdColumns, row *householdRow) (fixed bool, err error) {
	h := &row.h
	*h = calc.FixedHousehold{}
	m, _, empty, ok := parseFixed(fields[cols.members])
	if empty || !ok || m%fixedUnit != 0 || m < fixedUnit {
		return false, errSlowPath // not a whole number ≥ 1: the general path says which
	}
	if h.Members = m / fixedUnit; h.Members > calc.MaxFixedMembers {
		return false, nil
	}
	recorded := false
	row.countedPlaces, row.excludedPlaces = 0, 0
	for _, i := range cols.counted {
		v, places, empty, ok := parseFixed(fields[i])
		if !ok {
			return false, nil
		}
		h.Counted += v
		recorded = recorded || !empty
		row.countedPlaces = max(row.countedPlaces, places)
	}
	if !recorded {
		return false, errSlowPath // no income recorded at all: an error
	}
	for _, i := range cols.excluded {
		v, places, _, ok := parseFixed(fields[i])
		if !ok {
			return false, nil
		}
		h.Excluded += v
		row.excludedPlaces = max(row.excludedPlaces, places)
	}
	return true, nil
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
