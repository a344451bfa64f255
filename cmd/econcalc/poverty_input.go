package main

import (
	"fmt"
	"slices"

	"econcalc/calc"
	"econcalc/cmd/internal/input"

	"github.com/shopspring/decimal"
)

var (
	householdIDColumn = input.Column{Key: "household_id", Aliases: []string{"户编号", "户号", "户主"}, Flag: "id-col", Preferred: true}
	villageColumn     = input.Column{Key: "village", Aliases: []string{"村", "村名", "行政村"}, Flag: "village-col"}
	membersColumn     = input.Column{Key: "members", Aliases: []string{"家庭人口", "家庭人口数", "家庭总人口", "人口", "人口数", "人数"}, Flag: "members-col"}
	populationColumn  = input.Column{Key: "population", Aliases: []string{"户籍人口", "农业人口", "乡村人口", "人口"}, Flag: "population-col", Preferred: true} // two are refused by onePopulationColumn
)

// place is where a row was read.
type place struct {
	file string
	line int
}

func (p place) String() string { return fmt.Sprintf("%s:%d", p.file, p.line) }

// villagePopulation is a village's whole rural registered population.
type villagePopulation struct {
	people int64
	at     place
	column string // header of the population column, for errors
}

// readPopulation reads the --population file: one row per village.
func readPopulation(e *env, opts povertyOptions) (map[string]villagePopulation, error) {
	in, err := input.Open(input.Options{Files: []string{opts.populationFile}, Encoding: opts.in.Encoding, Delimiter: opts.in.Delimiter, MaxRecord: opts.in.MaxRecord, Lookup: true}, e.stdin)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	override := ""
	if opts.villageCol != "" && in.Index(opts.villageCol) >= 0 {
		override = opts.villageCol
	}
	village, err := in.Find(villageColumn, override)
	if err != nil {
		return nil, err
	}
	people, err := in.Find(populationColumn, opts.populationCol)
	if err != nil {
		return nil, err
	}
	if opts.populationCol == "" {
		if err := onePopulationColumn(in); err != nil {
			return nil, err
		}
	}
	_, exps, err := columnUnits(in, []int{people}, nil, "人") // 1.2 万人 is 12,000 people
	if err != nil {
		return nil, err
	}
	noteUnits(e, in, []int{people}, exps, "人")
	rowUnit := rowShift{in: in, unitCol: unitColumnOf(in), amount: people, to: "人", empty: exps[0]}
	pops := map[string]villagePopulation{}
	var reported []reportedTotal
	subtotals := 0
	err = in.Each(func(rec *input.Row) error {
		// A total is no village: it is checked against the villages' sum.
		switch kind, col, err := opts.totals.labelled(rec, village); {
		case err != nil:
			return err
		case kind == totalRow:
			t, err := readTotal(rec, col, "", []int{people})
			reported = append(reported, t.shifted(exps))
			return err
		case kind == subtotalRow:
			subtotals++
			return nil
		}
		name := rec.Text(village)
		if name == "" {
			return rec.Errorf(village, "empty village name")
		}
		if first, dup := pops[name]; dup {
			return rec.Errorf(village, "village %q appears twice: already at %s", name, first.at)
		}
		n, err := rec.Number(people)
		if err != nil {
			return err
		}
		shift, err := rowUnit.of(rec)
		if err != nil {
			return err
		}
		if n.V = n.V.Shift(shift); n.OK && !n.V.IsInteger() {
			return rec.Errorf(people, "%s is not a whole number", input.QuoteCell(string(rec.Fields[people])))
		}
		if !n.OK || n.V.Sign() < 1 || n.V.Cmp(maxPopulation) > 0 {
			return rec.Errorf(people, "%q: a village's population is a whole number of at least 1", rec.Fields[people])
		}
		pops[name] = villagePopulation{people: n.V.IntPart(), at: place{rec.Pos().File(), rec.Pos().Line()}, column: in.Header[people]}
		return nil
	})
	if err != nil {
		return nil, err
	}
	noteSubtotals(e, subtotals)
	noteLookup(e, in)
	var sum int64
	for _, p := range pops {
		sum += p.people
	}
	for _, t := range reported {
		if err := opts.totals.check(e, t.at, t.label, in.Header[people], calc.IntNum(sum), t.values...); err != nil {
			return nil, err
		}
	}
	return pops, nil
}

var maxPopulation = decimal.NewFromInt(1_000_000_000_000)

// onePopulationColumn refuses a file with two population columns by
// their names (农业人口 and 乡村人口): sources differ on which is the
// denominator of the incidence, so taking either would be a guess.
func onePopulationColumn(in *input.Source) error {
	var found []string
	for _, name := range append([]string{populationColumn.Key}, populationColumn.Aliases...) {
		if i := in.Index(name); i >= 0 && !slices.Contains(found, in.Header[i]) {
			found = append(found, in.Header[i])
		}
	}
	if len(found) < 2 {
		return nil
	}
	return in.HeaderError("", fmt.Sprintf("columns %s could each be the population (sources differ on which): name the one the incidence is of with --population-col", input.QuoteNames(found)))
}
