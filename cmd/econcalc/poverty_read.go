package main

import (
	"econcalc/calc"
	"econcalc/cmd/internal/input"
	"econcalc/cmd/internal/report"
)

// registryReader reads a registry into parts: per-village sums, or with
// --households a run of the listing.
type registryReader struct {
	opts    povertyOptions
	cols    householdColumns
	line    calc.Line
	rep     *report.Report // with --households
	checked []int          // of a total row: householdColumns.totalChecked
}

// registryPart is what one part of the registry gives.
type registryPart struct {
	villages  map[string]*calc.RegistryTally
	last      *calc.RegistryTally // registries list a village's households together
	lastName  string
	rows      *report.Report    // with --households: this part's rows
	out       []report.Rendered // one row's, reused
	negatives []negativeIncome
	negCount  int
	household calc.Registered // the row being read

	reported  []reportedTotal // the registry's own total rows
	subtotals int
	sums      *villageSums // with --households, to check reported totals against
}

// negativeIncome is a warning kept until the whole input is read.
type negativeIncome struct {
	at     input.Pos
	id     string
	amount string
}

func (g *registryReader) newPart(int64) *registryPart {
	p := &registryPart{villages: map[string]*calc.RegistryTally{}, sums: newVillageSums()}
	if g.rep != nil {
		p.rows, p.out = g.rep.Fork(), make([]report.Rendered, len(householdColumnsOut))
	}
	return p
}

// add reads one household.
func (g *registryReader) add(p *registryPart, rec *input.Row) error {
	switch kind, col, err := g.opts.totals.labelled(rec, g.cols.village, g.cols.id); {
	case err != nil:
		return err
	case kind == totalRow:
		t, err := readTotal(rec, col, totalScope(rec, col, g.cols.village), g.checked)
		p.reported = append(p.reported, t)
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
		if st := h.Standing(g.line); !g.opts.poorOnly || st.Poor {
			householdRow(p.out, p.rows, string(id), string(village), h, st)
			p.rows.Row(p.out)
		}
		p.sums.add(village, h)
		return nil
	}
	t := p.last
	if string(village) != p.lastName || t == nil {
		if t = p.villages[string(village)]; t == nil {
			t = &calc.RegistryTally{}
			p.villages[string(village)] = t
		}
		p.last, p.lastName = t, string(village)
	}
	t.Add(h, g.line)
	return nil
}

// merge joins the parts in input order.
func (g *registryReader) merge(parts []*registryPart) (*registryPart, error) {
	all := &registryPart{villages: map[string]*calc.RegistryTally{}, sums: newVillageSums()}
	for _, p := range parts {
		for name, t := range p.villages {
			if m := all.villages[name]; m == nil {
				all.villages[name] = t
			} else {
				m.Merge(t)
			}
		}
		if p.rows != nil {
			g.rep.Join(p.rows)
		}
		all.negatives = append(all.negatives, p.negatives...)
		all.negCount += p.negCount
		all.reported = append(all.reported, p.reported...)
		all.subtotals += p.subtotals
		all.sums.merge(p.sums)
	}
	return all, nil
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
