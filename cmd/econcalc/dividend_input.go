package main

import (
	"fmt"
	"strings"

	"econcalc/calc"
	"github.com/shopspring/decimal"
)

// payeeLayout is where dividend finds its columns; group and weight are -1
// when absent (equal weights).
type payeeLayout struct{ id, group, weight int }

func findPayeeColumns(in *input, opts dividendOptions) (payeeLayout, error) {
	l := payeeLayout{group: -1, weight: -1}
	var err error
	if l.id, err = in.find(householdIDColumn, opts.idCol); err != nil {
		return l, err
	}
	if opts.groupCol != "" {
		if l.group, err = in.named(opts.groupCol); err != nil {
			return l, err
		}
	}
	switch opts.by {
	case "equal":
	case "members":
		l.weight, err = in.find(membersColumn, opts.membersCol)
	default:
		l.weight, err = in.named(opts.by)
	}
	return l, err
}

// readPayees reads the households, on the fast path when it can.
func readPayees(e *env, opts *dividendOptions) ([]payee, []*payGroup, error) {
	in, spooled, err := openSpooled(opts.in, e.stdin)
	if err != nil {
		return nil, nil, err
	}
	defer in.Close()
	l, err := findPayeeColumns(in, *opts)
	if err != nil {
		return nil, nil, err
	}
	opts.weightsAt.file = in.firstIn
	if l.weight >= 0 {
		opts.weightsAt.column = in.header[l.weight]
	}
	read := *opts
	read.in = spooled
	if payees, groups, ok, err := readPayeesFast(read, in, l); err != nil || ok {
		return payees, groups, err
	}
	return readPayeesGeneral(in, l)
}

// payeeGroups assigns households to groups in first-appearance order.
type payeeGroups struct {
	groups []*payGroup
	byName map[string]int
}

func (g *payeeGroups) add(name string, payee int) int {
	gi := g.index(name)
	g.join(gi, payee)
	return gi
}

// index is the group of that name, new if need be.
func (g *payeeGroups) index(name string) int {
	gi, ok := g.byName[name]
	if !ok {
		gi = len(g.groups)
		g.byName[name] = gi
		g.groups = append(g.groups, &payGroup{name: name})
	}
	return gi
}

// join puts a payee in group gi.
func (g *payeeGroups) join(gi, payee int) {
	g.groups[gi].members = append(g.groups[gi].members, payee)
}

func readPayeesGeneral(in *input, l payeeLayout) ([]payee, []*payGroup, error) {
	var payees []payee
	groups := payeeGroups{byName: map[string]int{}}
	seen := map[string]place{}
	err := in.each(func(rec *record) error {
		p := payee{id: strings.TrimSpace(rec.fields[l.id]), weight: decimal.NewFromInt(1)}
		if p.id == "" {
			return rec.errorf(l.id, "empty household id")
		}
		if first, dup := seen[p.id]; dup {
			return rec.errorf(l.id, "duplicate household %q: already at %s", p.id, first)
		}
		seen[p.id] = place{rec.file, rec.line}
		name := ""
		if l.group >= 0 {
			if name = strings.TrimSpace(rec.fields[l.group]); name == "" {
				return rec.errorf(l.group, "empty group")
			}
		}
		p.group = groups.add(name, len(payees))
		if l.weight >= 0 {
			w, err := rec.number(l.weight)
			if err != nil {
				return err
			}
			switch {
			case !w.OK:
				return rec.errorf(l.weight, "empty: every household needs a weight (write 0 for none)")
			case w.V.Sign() < 0:
				return rec.errorf(l.weight, "%s: a weight cannot be negative", exactString(w.V))
			}
			p.weight = w.V
		}
		payees = append(payees, p)
		return nil
	})
	return payees, groups.groups, err
}

// readPayeesFast reads plain CSV whose weights fit fixed point; anything
// else, every error and a duplicate id among them, goes to the general path.
func readPayeesFast(opts dividendOptions, in *input, l payeeLayout) ([]payee, []*payGroup, bool, error) {
	plain, ok, err := openPlainFiles(opts.in, in.keys)
	if err != nil || !ok {
		return nil, nil, false, err
	}
	defer plain.close()
	payees := make([]payee, 0, plain.size()/24) // a row of a household file is rarely shorter
	groups := payeeGroups{byName: map[string]int{}}
	ids := idBatch{filter: newIDFilter(plain.size())}
	weights := map[[2]int64]decimal.Decimal{} // (units, places) → the decimal, made once
	lastGroup := -1
	one := decimal.NewFromInt(1)
	_, err = plain.scan(true, func(*fastRange) rowSink {
		return func(fields [][]byte, _ int) error {
			id := trimCell(fields[l.id])
			if len(id) == 0 {
				return errSlowPath
			}
			ids.add(id)
			group := lastGroup // households of a group are usually listed together
			if l.group >= 0 {
				name := trimCell(fields[l.group])
				if len(name) == 0 {
					return errSlowPath
				}
				if lastGroup < 0 || string(name) != groups.groups[lastGroup].name {
					group = groups.index(string(name))
				}
			} else if lastGroup < 0 {
				group = groups.index("")
			}
			lastGroup = group
			groups.join(group, len(payees))
			p := payee{id: string(id), weight: one, group: group}
			if l.weight >= 0 {
				v, places, empty, ok := parseFixed(fields[l.weight])
				if !ok || empty || v < 0 {
					return errSlowPath
				}
				key := [2]int64{v, int64(places)}
				w, seen := weights[key]
				if !seen {
					w = decimal.New(v/pow10[calc.FixedScale-places], -int32(places))
					weights[key] = w
				}
				p.weight = w
			}
			payees = append(payees, p)
			return nil
		}
	})
	if err == errSlowPath || (err == nil && len(payees) == 0) {
		return nil, nil, false, nil
	}
	if err != nil {
		return nil, nil, false, err
	}
	ids.flush()
	ids.filter = nil
	if dup, err := confirmDuplicates(plain, l.id, ids.candidates); err != nil || dup {
		return nil, nil, false, err
	}
	fastPathHits.Add(1)
	return payees, groups.groups, true, nil
}

// readPools reads --pools into the groups, insisting on one pool per group
// and one group per pool.
func readPools(e *env, opts dividendOptions, groups []*payGroup) error {
	in, err := openInput(inputOptions{files: []string{opts.poolsFile}, encoding: opts.in.encoding,
		delimiter: opts.in.delimiter, maxRecord: opts.in.maxRecord}, e.stdin)
	if err != nil {
		return err
	}
	defer in.Close()
	group := in.index(opts.groupCol)
	if group < 0 {
		if group, err = in.find(villageColumn, ""); err != nil {
			return err
		}
	}
	pool, err := in.findOptional(poolColumn, "")
	if err != nil {
		return err
	}
	kwh, tariff := -1, -1
	if pool < 0 {
		if kwh, err = in.find(kwhColumn, ""); err != nil {
			return &dataError{file: in.firstIn, line: 1, msg: fmt.Sprintf("no pool column: give pool (金额, 分红总额), or kwh (发电量) and tariff (电价); the header has: %s", strings.Join(in.header, ", "))}
		}
		if tariff, err = in.find(tariffColumn, ""); err != nil {
			return err
		}
	}
	byName := map[string]*payGroup{}
	for _, g := range groups {
		byName[g.name] = g
	}
	err = in.each(func(rec *record) error {
		name := strings.TrimSpace(rec.fields[group])
		g, ok := byName[name]
		if !ok {
			return rec.errorf(group, "pool for %q, which has no households in the input", name)
		}
		if g.poolAt.file != "" {
			return rec.errorf(group, "%q has a pool already at %s", name, g.poolAt)
		}
		g.poolAt = place{rec.file, rec.line}
		var amount calc.Maybe
		col := pool
		if pool >= 0 {
			if amount, err = rec.number(pool); err != nil {
				return err
			}
		} else {
			k, err := rec.number(kwh)
			if err != nil {
				return err
			}
			t, err := rec.number(tariff)
			if err != nil {
				return err
			}
			amount = calc.Maybe{V: k.V.Mul(t.V), OK: k.OK && t.OK}
			col = kwh
		}
		switch {
		case !amount.OK:
			return rec.errorf(col, "empty: every group needs its pool")
		case amount.V.Sign() < 0:
			return rec.errorf(col, "%s: a pool cannot be negative", exactString(amount.V))
		}
		if _, err := calc.WholeUnits(amount.V, opts.unit); err != nil {
			return rec.errorf(col, "the pool %s is not a whole number of units of %s (--unit)", exactString(amount.V), exactString(opts.unit))
		}
		g.pool = amount.V
		return nil
	})
	if err != nil {
		return err
	}
	for _, g := range groups {
		if g.poolAt.file == "" {
			return &dataError{file: opts.poolsFile, msg: fmt.Sprintf("no pool for %q, which has households in the input", g.name)}
		}
	}
	return nil
}
