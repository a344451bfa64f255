package main

import (
	"fmt"
	"slices"

	"econcalc/cmd/internal/input"
)

// peopleUnits are the units a household's size may be given in: people,
// counted one by one (家庭人口（人）, （口）, （人数）), or none.
var peopleUnits = []string{"", "人", "口", "人数"}

// checkMembersUnit refuses a members column (家庭人口, 人口数, members) whose
// header gives a unit other than people: 家庭人口（万人） or （户） or （万元）
// would be read as a number of people all the same, and a bracket of two
// units (（万人，人）, oneBracketUnit) says neither. It reads the header
// only (the unit of the line above the header is the amounts'), so no row
// pays for it. poverty and dividend --by members call it.
func checkMembersUnit(in *input.Source, col int) error {
	if err := oneBracketUnit(in, col); err != nil {
		return err
	}
	unit := in.HeaderUnit(col)
	if slices.Contains(peopleUnits, unit) {
		return nil
	}
	return in.HeaderError(in.Header[col], fmt.Sprintf("is in %s, but a household's members are people counted one by one: give each household's number of people, in 人 (口) or with no unit", unit))
}
