package calc

// Breakdown is a series split into groups (industries, enterprises) with the
// total of all groups.
type Breakdown struct {
	Groups []SeriesGrowth // in the order the groups were given
	Total  SeriesGrowth
	// Incomplete lists, in calendar order, the periods at which some group had
	// no value, so that no total was formed there.
	Incomplete []Period
}

// GrowthByGroup computes Growth for every group and for their total, and each
// group's share of the total, its contribution (拉动, the group's change over
// a year ÷ last year's total × 100) and its contribution share (贡献率, the
// group's change ÷ the total's change × 100). A total is formed only at
// periods where every group has a value.
func GrowthByGroup(groups [][]Point, opts GrowthOptions) Breakdown {
	b := BreakDown(groups, opts)
	out := Breakdown{Total: decimalSeries(b.Total, opts), Incomplete: b.Incomplete}
	for i := range groups {
		out.Groups = append(out.Groups, decimalSeries(b.Group(i), opts))
	}
	return out
}
