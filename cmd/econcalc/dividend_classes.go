package main

import (
	"econcalc/calc"
	"econcalc/cmd/internal/input"
	"econcalc/cmd/internal/report"
)

// payClass is what every household of one weight in one pool gets, its
// cells laid out once.
type payClass struct {
	floor, more           calc.Num
	tie                   int // the remainder against the pool's cut (calc.Split.Share)
	shareTie              int // the same for the pool's split of 100
	weightCell, shareCell report.Rendered
	shareMore             report.Rendered // shareCell and a unit, split to 100
	shareFloor            calc.Num        // the share_pct of shareCell, split to 100
	floorCell, moreCell   report.Rendered
	// group is the group whose households the class pays at present (with
	// --pool, one class serves the groups of its pool in turn): its tails
	// lead with that group's name, and paid counts what it paid them.
	group int
	paid  [2]int64           // its households paid the floor, and a unit more, not yet in payPart.paid
	held  bool               // kept in the part's cache, so settled when the cache is cleared
	tails [4]report.Prepared // group, weight, share_pct and amount (tail)
	made  [4]bool
	cells [4][4]report.Rendered // each tail's cells, kept with it (Prepare keeps them)
}

// tail is a household's last cells, its group's name (with --group-col),
// weight, share_pct and amount, laid out once for each way i a household
// of the class is paid (tailOf): the floor or a unit more, and its
// share_pct the floor or a unit more. One run of cells a row, not two, as
// the group's name and the class's cells are the same on most of a
// group's rows.
func (c *payClass) tail(p *payer, w *report.RowWriter, i int) report.Prepared {
	if !c.made[i] {
		c.prepare(p, w, i)
	}
	return c.tails[i]
}

// tailOf is the tail of a household paid a unit more or not, and its
// share_pct a unit more or not.
func tailOf(more, shareMore bool) int {
	i := 0
	if more {
		i = 1
	}
	if shareMore {
		i += 2
	}
	return i
}

// prepare lays out tail i (1: a unit more, 2: share_pct's unit more),
// once: apart from tail, so that tail is inlined.
func (c *payClass) prepare(p *payer, w *report.RowWriter, i int) {
	amount, share := c.floorCell, c.shareCell
	if i&1 != 0 {
		amount = c.moreCell
	}
	if i&2 != 0 {
		share = c.shareMore
	}
	cells := append(c.cells[i][:0], c.weightCell, share, amount)
	if p.opts.groupCol != "" {
		cells = append(c.cells[i][:0], report.Rendered{S: p.groups[c.group].name}, c.weightCell, share, amount)
	}
	c.tails[i], c.made[i] = w.Prepare(cells...), true
}

// count counts a household the class paid, the floor or a unit more. The
// class adds up what it paid its group once for all its households
// (settle), not once a household: but one the cache does not keep, which
// settles at once.
func (c *payClass) count(part *payPart, more bool) {
	if more {
		c.paid[1]++
	} else {
		c.paid[0]++
	}
	if !c.held {
		c.settle(part)
	}
}

// settle adds what the class has paid its group to the part's sums.
func (c *payClass) settle(part *payPart) {
	if n := c.paid[0]; n > 0 {
		part.paid[c.group].addN(c.floor, n)
	}
	if n := c.paid[1]; n > 0 {
		part.paid[c.group].addN(c.more, n)
	}
	c.paid = [2]int64{}
}

// settleAll settles the classes the part's cache holds.
func (part *payPart) settleAll() {
	for _, c := range part.held {
		c.settle(part)
	}
}

// maxPayClasses bounds a part's cache of one pool's classes: weights of
// many distinct values (a column of amounts) are paid without it.
const maxPayClasses = 1 << 12

// rowClass is the class of the row's household, of group group in pool
// share, the group's for its tails and payments.
func (part *payPart) rowClass(p *payer, share, group int, rec *input.Row) (*payClass, error) {
	// The households of a pool are usually listed together: the cache holds
	// the classes of the pool last met.
	if share != part.classShare {
		part.settleAll()
		clear(part.classes)
		clear(part.small)
		clear(part.byCell[:])
		part.spare, part.held = append(part.spare, part.held...), part.held[:0]
		part.classShare = share
	}
	c, err := part.weightClass(p, share, rec)
	if err != nil {
		return nil, err
	}
	if c.group != group {
		c.settle(part)
		c.group, c.made = group, [4]bool{}
	}
	return c, nil
}

// seen is the class of the row's household when the part's cache has it
// at hand, by a weight cell of one byte, for the row's pool and group, the
// usual row; else nil, and rowClass finds it. Small enough to be inlined.
func (part *payPart) seen(cell []byte, share, group int) *payClass {
	if len(cell) != 1 || share != part.classShare {
		return nil
	}
	if c := part.byCell[cell[0]]; c != nil && c.group == group {
		return c
	}
	return nil
}

// weightClass is the class of the row's weight in pool share. A weight
// written in one byte (the members of a household: 3) is found by that
// byte, without reading the number again: the same cell is the same
// weight.
func (part *payPart) weightClass(p *payer, share int, rec *input.Row) (*payClass, error) {
	if p.l.weight < 0 {
		return part.classOf(p, share, oneNum), nil
	}
	cell := rec.Fields[p.l.weight]
	if len(cell) == 1 {
		if c := part.byCell[cell[0]]; c != nil {
			return c, nil
		}
	}
	weight, err := p.l.weightOf(rec)
	if err != nil {
		return nil, err
	}
	c := part.classOf(p, share, weight)
	if len(cell) == 1 && c.held {
		part.byCell[cell[0]] = c
	}
	return c, nil
}

// classOf is the class of a household of that weight in that pool.
func (part *payPart) classOf(p *payer, share int, weight calc.Num) *payClass {
	f, fixed := weight.Fixed()
	k := -1
	if fixed {
		if k = smallWeight(f); k >= 0 {
			if c := part.small[k]; c != nil {
				return c
			}
		} else if c, ok := part.classes[f]; ok {
			return c
		}
	}
	g := p.shares[share]
	c := part.newClass()
	c.floor, c.tie = g.split.Share(weight)
	c.more = c.floor.Add(p.units[share])
	if part.rows != nil {
		n := len(p.cols)
		if k >= 0 && part.weights[k].S != "" {
			c.weightCell = part.weights[k]
		} else {
			c.weightCell = part.rows.Render(p.cols[n-3], report.NumCell(weight.Decimal()))
			if k >= 0 {
				part.weights[k] = c.weightCell
			}
		}
		c.shareCells(part.rows, n-2, g, weight)
		// Only a class at the cut pays both.
		if c.tie <= 0 {
			c.floorCell = part.rows.Render(p.cols[n-1], report.AmountCell(c.floor))
		}
		if c.tie >= 0 {
			c.moreCell = part.rows.Render(p.cols[n-1], report.AmountCell(c.more))
		}
	}
	switch {
	case k >= 0:
		part.small[k] = c
	case fixed && len(part.classes) < maxPayClasses:
		part.classes[f] = c
	default:
		return c
	}
	c.held = true
	part.held = append(part.held, c)
	return c
}

// newClass is a class to fill in: one the cache held for the pool before,
// if any, as a part meets thousands of pools and their classes are large.
func (part *payPart) newClass() *payClass {
	n := len(part.spare)
	if n == 0 {
		return &payClass{group: -1}
	}
	c := part.spare[n-1]
	part.spare = part.spare[:n-1]
	*c = payClass{group: -1}
	return c
}
