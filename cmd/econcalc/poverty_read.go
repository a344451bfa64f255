package main

import (
	"runtime"
	"slices"
	"strings"

	"econcalc/calc"
	"econcalc/cmd/internal/input"
	"econcalc/cmd/internal/report"
)

// registryReader reads a registry into parts: per-village sums and, with
// --households, a run of the listing.
type registryReader struct {
	opts    povertyOptions
	cols    householdColumns
	line    calc.Line
	rep     *report.Report // with --households
	checked []int          // of a total row: householdColumns.totalChecked
	first   int            // column 0 when it is neither id nor village (firstColumnBeside)
	// town is an ignored column naming the villages' towns, or -1 (adder).
	town       int
	townHeader string
}

// registryPart is what one part of the registry gives.
type registryPart struct {
	villages  villageTallies    // this part's
	parts     []villageTallies  // of the whole registry: every part's villages, joined when sorted (sortVillages)
	rows      *report.Report    // with --households: this part's rows
	out       *report.RowWriter // into rows
	negatives []negativeIncome
	negCount  int
	household calc.Registered // the row being read
	places    [2]int32        // with --households: the most decimals of a counted and an excluded cell

	reported  []reportedTotal // the registry's own total rows
	subtotals int
	towns     map[string]townSeen // with a town column: each village's (addInTown)
}

// negativeIncome is a warning kept until the whole input is read.
type negativeIncome struct {
	at     input.Pos
	id     string
	amount string
}

func (g *registryReader) newPart(int64) *registryPart {
	p := &registryPart{villages: newVillageTallies()}
	if g.rep != nil {
		p.rows = g.rep.Fork()
		p.out = p.rows.RowWriter()
	}
	return p
}

// add reads one household.
func (g *registryReader) add(p *registryPart, rec *input.Row) error {
	switch kind, col, err := g.opts.totals.rowLabel(rec, g.cols.id, g.cols.village, g.first); {
	case err != nil:
		return err
	case kind == totalRow:
		scope, orAll := totalScope(rec, col, g.cols.village, g.cols.id)
		if scope == "" {
			scope = labelledGroup(rec.Text(col)) // 罗建村合计 in 村名, or in 户编号 beside an empty 村名
		}
		t, err := readTotal(rec, col, scope, g.checked)
		t.orAll = orAll
		p.reported = append(p.reported, t.shifted(g.cols.shifts(g.checked)))
		return err
	case kind == subtotalRow:
		p.subtotals++
		return nil
	}
	id, village := rec.Cell(g.cols.id), rec.Cell(g.cols.village)
	if len(id) == 0 {
		return rec.Errorf(g.cols.id, "empty household id")
	}
	if len(village) == 0 {
		return rec.Errorf(g.cols.village, "empty village name")
	}
	if err := rec.Unique(id); err != nil {
		return err
	}
	h := &p.household
	if err := g.cols.read(rec, h); err != nil {
		return err
	}
	if h.Counted.Sign() < 0 {
		if p.negCount++; len(p.negatives) < maxNegativeWarnings {
			p.negatives = append(p.negatives, negativeIncome{rec.Pos(), string(id), report.ExactNum(h.Counted)})
		}
	}
	if p.rows != nil {
		p.places = g.cols.placesRead(rec, h, p.places)
		if st := h.Standing(g.line); !g.opts.poorOnly || st.Poor {
			householdRow(p.out, id, village, h, st)
		}
	}
	p.villages.of(village).Add(h, g.line) // for the summary, or for the registry's total rows
	return nil
}

// merge joins the parts in input order.
func (g *registryReader) merge(parts []*registryPart) (*registryPart, error) {
	all := &registryPart{}
	for _, p := range parts {
		all.parts = append(all.parts, p.villages)
		if p.rows != nil {
			g.rep.Join(p.rows)
		}
		all.negatives = append(all.negatives, p.negatives...)
		all.negCount += p.negCount
		all.places = [2]int32{max(all.places[0], p.places[0]), max(all.places[1], p.places[1])}
		all.reported = append(all.reported, p.reported...)
		all.subtotals += p.subtotals
		var err error
		if all.towns, err = g.mergeTowns(all.towns, p.towns); err != nil {
			return all, err
		}
	}
	return all, nil
}

// CutBefore keeps what a failed read says of the rows before line: the
// negative-income warnings (input.ErrorCut).
func (p *registryPart) CutBefore(line int) {
	p.negatives = slices.DeleteFunc(p.negatives, func(n negativeIncome) bool { return n.at.Line() >= line })
	p.negCount = len(p.negatives)
}

// warn prints the negative-income warnings: the first few, then, when the
// whole registry was read, a count of the rest.
func (p *registryPart) warn(e *env, whole bool) {
	for i, n := range p.negatives {
		if i == maxNegativeWarnings {
			break
		}
		e.warnf("%s: household %q: counted income %s is negative", n.at, n.id, n.amount)
	}
	if whole && p.negCount > maxNegativeWarnings {
		e.warnf("%d more households have negative counted income", p.negCount-maxNegativeWarnings)
	}
}

// villageSumsOf are the villages' people and counted income, which the
// registry's own total rows are checked against.
func villageSumsOf(villages []village) villageSums {
	sums := make(villageSums, len(villages))
	for _, v := range villages {
		sums[v.name] = v.tally.Counts().Persons
	}
	return sums
}

// village is a village's name, its tally and, with --population, its
// whole population.
type village struct {
	name   string
	tally  *calc.RegistryTally
	people int64
	first  int64 // where it first appears: part << 40 | place in the part
}

// onlyInPopulation orders villages that have no registry households after
// those that have, in the order of the population file.
const onlyInPopulation = 1 << 62

func byName(a, b village) int { return strings.Compare(a.name, b.name) }

// sortVillages is every part's villages in one list sorted by name in byte
// order, a village that several parts met once, its tallies merged: the
// parts' villages are never looked up by name again.
func sortVillages(parts []villageTallies) []village {
	lists := make([][]village, len(parts))
	for k := range parts {
		p := &parts[k]
		lists[k] = make([]village, len(p.names))
		for i, name := range p.names {
			lists[k][i] = village{name: name, tally: p.tally(i), first: int64(k)<<40 | int64(i)}
		}
	}
	return sortLists(lists)
}

// sortLists sorts each list on a core of its own and merges them, pairs at a
// time, in parallel too.
func sortLists(lists [][]village) []village {
	cores := runtime.GOMAXPROCS(0)
	input.InParts(len(lists), cores, func(_, from, to int) {
		for _, list := range lists[from:to] {
			slices.SortFunc(list, byName)
		}
	})
	for len(lists) > 1 {
		merged := make([][]village, (len(lists)+1)/2)
		input.InParts(len(merged), cores, func(_, from, to int) {
			for k := from; k < to; k++ {
				if 2*k+1 == len(lists) {
					merged[k] = lists[2*k]
				} else {
					merged[k] = mergeVillages(lists[2*k], lists[2*k+1])
				}
			}
		})
		lists = merged
	}
	if len(lists) == 0 {
		return nil
	}
	return lists[0]
}

// sortByName sorts villages by name, a piece per core.
func sortByName(villages []village) []village {
	pieces := make([][]village, runtime.GOMAXPROCS(0))
	input.InParts(len(villages), len(pieces), func(k, from, to int) { pieces[k] = villages[from:to] })
	return sortLists(pieces)
}

// mergeVillages merges two lists sorted by name, each village once: one in
// both lists is a's, b's households merged into its tally, first met where
// either first met it.
func mergeVillages(a, b []village) []village {
	out := make([]village, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		switch c := strings.Compare(a[0].name, b[0].name); {
		case c < 0:
			out, a = append(out, a[0]), a[1:]
		case c > 0:
			out, b = append(out, b[0]), b[1:]
		default:
			a[0].tally.Merge(b[0].tally)
			a[0].first = min(a[0].first, b[0].first)
			out, a, b = append(out, a[0]), a[1:], b[1:]
		}
	}
	return append(append(out, a...), b...)
}
