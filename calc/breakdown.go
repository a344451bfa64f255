package calc

import "sort"

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
func GrowthByGroup(groups [][]Point, ytd bool) Breakdown {
	var b Breakdown
	totals := map[int]*Point{}
	count := map[int]int{}
	for _, pts := range groups {
		for _, p := range pts {
			t, ok := totals[p.Period.Index()]
			if !ok {
				t = &Point{Period: p.Period, Value: Some(zero)}
				totals[p.Period.Index()] = t
			}
			if p.Value.OK && t.Value.OK {
				t.Value.V = t.Value.V.Add(p.Value.V)
				count[p.Period.Index()]++
			}
		}
	}
	keys := make([]int, 0, len(totals))
	for k := range totals {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	var totalPoints []Point
	for _, k := range keys {
		if count[k] == len(groups) {
			totalPoints = append(totalPoints, *totals[k])
		} else {
			b.Incomplete = append(b.Incomplete, totals[k].Period)
		}
	}
	b.Total = Growth(totalPoints, ytd)
	totalAt := map[int]GrowthRow{}
	for _, r := range b.Total.Rows {
		totalAt[r.Period.Index()] = r
	}
	for i := range b.Total.Rows {
		r := &b.Total.Rows[i]
		r.SharePct = Some(hundred)
		r.ContribPP = r.YoYPct
		if r.YoYChange.OK && !r.YoYChange.V.IsZero() {
			r.ContribPct = Some(hundred)
		}
	}

	for _, pts := range groups {
		g := Growth(pts, ytd)
		for i := range g.Rows {
			r := &g.Rows[i]
			t, ok := totalAt[r.Period.Index()]
			if !ok || !r.Value.OK {
				continue
			}
			r.SharePct = maybe(Share(r.Value.V, t.Value.V))
			if !r.YoYChange.OK {
				continue
			}
			if base, ok := totalAt[r.Period.YearsEarlier(1).Index()]; ok {
				r.ContribPP = maybe(Contribution(r.YoYChange.V, base.Value.V))
			}
			if t.YoYChange.OK {
				r.ContribPct = maybe(ContributionShare(r.YoYChange.V, t.YoYChange.V))
			}
		}
		b.Groups = append(b.Groups, g)
	}
	return b
}
