package main

import (
	"fmt"
	"strings"

	"econcalc/calc"
	"econcalc/cmd/internal/input"

	"github.com/shopspring/decimal"
)

var (
	householdIDColumn = input.Column{Key: "household_id", Aliases: []string{"户编号", "户号", "户主"}, Flag: "id-col"}
	villageColumn     = input.Column{Key: "village", Aliases: []string{"村", "村名", "行政村"}, Flag: "village-col"}
	membersColumn     = input.Column{Key: "members", Aliases: []string{"家庭人口", "人口", "人数"}, Flag: "members-col"}
	populationColumn  = input.Column{Key: "population", Aliases: []string{"户籍人口", "农业人口", "乡村人口", "人口"}, Flag: "population-col"}
)

// excludedByDefault are the header fragments that mark a component as not
// income (不搞把补贴、贷款算成收入), matched case-insensitively.
var excludedByDefault = []string{"subsidy", "loan", "补贴", "补助", "贷款", "借款"}

// maxMembers bounds a household's size: larger is a typo, not a family.
const maxMembers = 1_000_000

// householdColumns is the role of every column of a household file.
type householdColumns struct {
	id, village, members int
	counted, excluded    []int
	named                bool // --income named the counted columns
}

// findHouseholdColumns finds the key columns and splits the others into
// counted and excluded components. Without --income every other column is
// counted unless excluded, so no column is ever dropped unseen: a text
// column there is an error on its first row, naming it.
func findHouseholdColumns(in *input.Source, opts povertyOptions) (householdColumns, []int, error) {
	var c householdColumns
	var err error
	if c.id, err = in.Find(householdIDColumn, opts.idCol); err != nil {
		return c, nil, err
	}
	if c.village, err = in.Find(villageColumn, opts.villageCol); err != nil {
		return c, nil, err
	}
	if c.members, err = in.Find(membersColumn, opts.membersCol); err != nil {
		return c, nil, err
	}
	isKey := func(i int) bool { return i == c.id || i == c.village || i == c.members }
	role := map[int]string{}
	claim := func(names []string, flag string) ([]int, error) {
		var idx []int
		for _, name := range names {
			i, err := in.Named(name)
			if err != nil {
				return nil, err
			}
			if isKey(i) {
				return nil, usagef("--%s %q: that is the household_id, village or members column", flag, name)
			}
			if prev, ok := role[i]; ok {
				return nil, usagef("--%s %q: column already named by --%s", flag, name, prev)
			}
			role[i] = flag
			idx = append(idx, i)
		}
		return idx, nil
	}
	if c.counted, err = claim(opts.incomeCols, "income"); err != nil {
		return c, nil, err
	}
	if c.excluded, err = claim(opts.excludeCols, "exclude"); err != nil {
		return c, nil, err
	}
	c.named = len(opts.incomeCols) > 0
	var ignored []int
	for i, name := range in.Header {
		if isKey(i) || role[i] != "" {
			continue
		}
		switch {
		case len(opts.excludeCols) == 0 && looksExcluded(name):
			c.excluded = append(c.excluded, i)
		case c.named:
			ignored = append(ignored, i)
		default:
			c.counted = append(c.counted, i)
		}
	}
	if len(c.counted) == 0 {
		return c, nil, &input.DataError{File: in.First(), Line: 1,
			Msg: "no income columns: the header has only household_id, village, members and excluded components"}
	}
	return c, ignored, nil
}

func looksExcluded(header string) bool {
	h := strings.ToLower(header)
	for _, frag := range excludedByDefault {
		if strings.Contains(h, frag) {
			return true
		}
	}
	return false
}

// describe is the stderr line that says which columns were counted and which
// were not.
func (c householdColumns) describe(header []string, ignored []int) string {
	list := func(idx []int) string {
		if len(idx) == 0 {
			return "none"
		}
		names := make([]string, len(idx))
		for k, i := range idx {
			names[k] = header[i]
		}
		return strings.Join(names, ", ")
	}
	s := "income counted: " + list(c.counted) + "; excluded: " + list(c.excluded)
	if len(ignored) > 0 {
		s += "; ignored (not named by --income): " + list(ignored)
	}
	return s
}

// read parses one household. An empty component cell is nothing received
// (0), but a row whose counted components are all empty is an error: its
// income was not recorded, and reading it as zero would make it poor.
func (c *householdColumns) read(rec *input.Row, h *calc.Registered) error {
	m, ok, err := rec.Count(c.members)
	switch {
	case err != nil:
		return err
	case !ok:
		return rec.Errorf(c.members, "empty: every household needs its number of members")
	case m < 1:
		return rec.Errorf(c.members, "%q: a household has at least 1 member", rec.Fields[c.members])
	case m > maxMembers:
		return rec.Errorf(c.members, "%q: more than %d members", rec.Fields[c.members], maxMembers)
	}
	h.Members = m
	var recorded bool
	if h.Counted, recorded, err = rec.Sum(c.counted); err != nil {
		return c.explain(err)
	}
	if !recorded {
		return rec.Errorf(c.counted[0], "no counted income: every income column is empty (write 0 for a household without income)")
	}
	if h.Excluded, _, err = rec.Sum(c.excluded); err != nil {
		return c.explain(err)
	}
	return nil
}

// explain adds to a number error in a component what the column is taken
// for, when the user has not named the income columns.
func (c *householdColumns) explain(err error) error {
	if de, ok := err.(*input.DataError); ok && !c.named {
		de.Msg += " (every column other than household_id, village and members is an income component; name them with --income)"
	}
	return err
}

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
	in, err := input.Open(input.Options{Files: []string{opts.populationFile}, Encoding: opts.in.Encoding, Delimiter: opts.in.Delimiter, MaxRecord: opts.in.MaxRecord}, e.stdin)
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
	pops := map[string]villagePopulation{}
	err = in.Each(func(rec *input.Row) error {
		name := rec.Text(village)
		if name == "" {
			return rec.Errorf(village, "empty village name")
		}
		if first, dup := pops[name]; dup {
			return rec.Errorf(village, "village %q appears twice: already at %s", name, first.at)
		}
		n, err := rec.Whole(people)
		if err != nil {
			return err
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
	return pops, nil
}

var maxPopulation = decimal.NewFromInt(1_000_000_000_000)
