package main

import (
	"strconv"

	"econcalc/calc"
)

// fastVillage is one village's sums within one range.
type fastVillage struct {
	fixed calc.FixedTally
	dec   calc.Tally // households that do not fit fixed point
}

// povertySummaryFast computes the per-village tallies on the fast path. ok
// is false when the general path must do it.
func povertySummaryFast(e *env, opts povertyOptions, in *input, cols householdColumns) (map[string]*calc.Tally, int, bool, error) {
	pass := newHouseholdPass(opts, cols)
	if pass == nil {
		return nil, 0, false, nil
	}
	plain, ok, err := openPlainFiles(opts.in, in.keys)
	if err != nil || !ok {
		return nil, 0, false, err
	}
	defer plain.close()
	var gathered []map[string]*fastVillage
	err = pass.run(plain, func() func(*householdRow) error {
		villages := map[string]*fastVillage{}
		gathered = append(gathered, villages)
		var last *fastVillage // registries list a village's households together
		lastName := ""
		return func(row *householdRow) error {
			v := last
			if string(row.village) != lastName {
				if v = villages[string(row.village)]; v == nil {
					v = &fastVillage{}
					villages[string(row.village)] = v
				}
				last, lastName = v, string(row.village)
			}
			if row.fixed {
				v.fixed.Add(row.h, pass.line)
			} else {
				v.dec.Add(row.dec, opts.line)
			}
			return nil
		}
	})
	if err == errSlowPath {
		return nil, 0, false, nil
	}
	if err != nil {
		return nil, 0, false, err
	}
	// The ranges' sums merge in fixed point, and turn decimal once.
	merged := map[string]*fastVillage{}
	for _, part := range gathered {
		for name, v := range part {
			if m := merged[name]; m == nil {
				merged[name] = v
			} else {
				m.fixed.Merge(&v.fixed)
				m.dec.Merge(&v.dec)
			}
		}
	}
	villages := make(map[string]*calc.Tally, len(merged))
	for name, v := range merged {
		t := &v.dec
		v.fixed.AddTo(t)
		villages[name] = t
	}
	if len(villages) == 0 {
		return nil, 0, false, nil // no rows: the general path says so
	}
	pass.warn(e)
	fastPathHits.Add(1)
	return villages, pass.rows(), true, nil
}

// povertyHouseholdsFast lists households on the fast path: ranges of the
// input are laid out in parallel, each into a fork of the report, and joined
// in input order.
func povertyHouseholdsFast(e *env, opts povertyOptions, in *input, cols householdColumns) (*report, bool, error) {
	pass := newHouseholdPass(opts, cols)
	if pass == nil {
		return nil, false, nil
	}
	plain, ok, err := openPlainFiles(opts.in, in.keys)
	if err != nil || !ok {
		return nil, false, err
	}
	defer plain.close()
	rep := opts.out.newReport(householdColumnsOut)
	var forks []*report
	err = pass.run(plain, func() func(*householdRow) error {
		fork := rep.fork()
		forks = append(forks, fork)
		cells := make([]rendered, len(householdColumnsOut))
		return func(row *householdRow) error {
			if !row.fixed {
				if !opts.poorOnly || row.dec.Poor(opts.line) {
					fork.add(householdCells(string(row.id), string(row.village), row.dec, opts.line)...)
				}
				return nil
			}
			h := row.h
			need := pass.line * h.Members
			poor := h.Counted < need
			if opts.poorOnly && !poor {
				return nil
			}
			perCapita, ok := roundQuotient(h.Counted, h.Members*fixedUnit, opts.out.valueDecimals, opts.out.halfEven)
			if !ok {
				return errSlowPath
			}
			cells[0] = rendered{s: string(row.id)}
			cells[1] = rendered{s: string(row.village)}
			cells[2] = rendered{s: strconv.FormatInt(h.Members, 10), isNum: true}
			cells[3] = rendered{s: formatFixed(h.Counted, row.countedPlaces), isNum: true}
			cells[4] = rendered{s: formatFixed(h.Excluded, row.excludedPlaces), isNum: true}
			cells[5] = rendered{s: perCapita, isNum: true}
			cells[6] = rendered{isNull: true}
			cells[7] = rendered{s: "not-poor"}
			cells[8] = rendered{s: "no"}
			if poor {
				gap, ok := roundQuotient((need-h.Counted)*100, need, opts.out.decimals, opts.out.halfEven)
				if !ok {
					return errSlowPath
				}
				cells[6] = rendered{s: gap, isNum: true}
				cells[7] = rendered{s: "poor"}
				if h.Counted+h.Excluded >= need {
					cells[8] = rendered{s: "yes"}
				}
			}
			fork.f.row(cells)
			return nil
		}
	})
	if err == errSlowPath || (err == nil && pass.rows() == 0) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	rep.join(forks...)
	pass.warn(e)
	fastPathHits.Add(1)
	return rep, true, nil
}
