package main

import (
	"econcalc/calc"
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
	floorCell, moreCell   report.Rendered
	tails                 [4]report.Prepared // weight, share_pct and amount (tail)
	made                  [4]bool
}

// tail is a household's last cells, weight, share_pct and amount, laid out
// once for each way a household of the class is paid: the floor or a unit
// more, and its share_pct the floor or a unit more.
func (c *payClass) tail(w *report.RowWriter, more, shareMore bool) report.Prepared {
	i := 0
	if more {
		i = 1
	}
	if shareMore {
		i += 2
	}
	if !c.made[i] {
		amount, share := c.floorCell, c.shareCell
		if more {
			amount = c.moreCell
		}
		if shareMore {
			share = c.shareMore
		}
		c.tails[i], c.made[i] = w.Prepare(c.weightCell, share, amount), true
	}
	return c.tails[i]
}

// maxPayClasses bounds a part's cache of one pool's classes: weights of
// many distinct values (a column of amounts) are paid without it.
const maxPayClasses = 1 << 12

// classOf is the class of a household of that weight in that pool.
func (part *payPart) classOf(p *payer, share int, weight calc.Num) *payClass {
	// The households of a pool are usually listed together: the cache holds
	// the classes of the pool last met.
	if share != part.classShare {
		clear(part.classes)
		clear(part.small)
		part.classShare = share
	}
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
	c := &payClass{}
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
	}
	return c
}
