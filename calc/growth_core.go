package calc

import "sort"

// Amount is what the growth algorithms need of a number. decimal.Decimal is
// one; Num, int64 fixed point while it fits, is the other. The
// algorithms are written once, for both.
type Amount[N any] interface {
	Add(N) N
	Sub(N) N
	Sign() int
	IsZero() bool
}

// Opt is an amount that may be missing.
type Opt[N any] struct {
	V  N
	OK bool
}

// Quotient is a percentage kept as Num ÷ Den × 100, divided only when it
// is printed, so that it is rounded once, exactly. Whole marks exactly 100
// (a total's share of itself).
type Quotient[N any] struct {
	Num, Den  N
	OK, Whole bool
}

// PointOf is one observation of a series.
type PointOf[N any] struct {
	Period Period
	Value  Opt[N]
}

// RowOf holds the figures of one period of a series; see GrowthRow.
type RowOf[N any] struct {
	Period                          Period
	Value, YoYChange, PeriodValue   Opt[N]
	TwoYearsEarlier                 Opt[N] // the base of the two-year average
	YoYPct, PoPPct, PeriodYoYPct    Quotient[N]
	SharePct, ContribPP, ContribPct Quotient[N]
	JanFeb                          bool
}

// SeriesOf is the growth of one series.
type SeriesOf[N any] struct {
	Rows            []RowOf[N]
	NonPositiveBase bool // some rate was left empty because its base was ≤ 0
}

// GrowthOptions chooses the figures to form.
type GrowthOptions struct {
	YTD     bool // values are year-to-date cumulative (累计)
	TwoYear bool // the two-year average growth is wanted
	// JanFeb, for figures of each period's own (not YTD), reports that
	// a February's figure is January and February together: its row was
	// labelled 1–2月, as bureaus publish the two months. Such a figure is
	// compared with last year's 1–2月 figure, or its January and
	// February added, and no period-on-period rate is formed across it.
	// nil: none is.
	JanFeb func(Period) bool
}

// janFebAt reports that p's figure of its own is January and February
// together (GrowthOptions.JanFeb).
func (o GrowthOptions) janFebAt(p Period) bool {
	return !o.YTD && o.JanFeb != nil && p.Freq == Monthly && p.Sub == 2 && o.JanFeb(p)
}

// GrowthOf is Growth for any Amount.
func GrowthOf[N Amount[N]](points []PointOf[N], opts GrowthOptions) SeriesOf[N] {
	return new(growthScratch[N]).growth(points, opts)
}

// growthScratch is the memory GrowthOf works in. A breakdown into
// thousands of groups reuses one (Former), so that forming a group
// leaves no garbage behind.
type growthScratch[N Amount[N]] struct {
	sorted []PointOf[N]
	rows   []RowOf[N]
	at     periodSlots
}

// periodSlots finds a period's position among sorted points: in a dense
// table when the periods are close together, the usual case (months of a
// few years), else by binary search. No map: one per group would be most
// of what a breakdown allocates.
type periodSlots struct {
	first int     // the index of the first period
	slot  []int32 // slot[index − first]: position + 1, or 0 when absent
	index []int   // the sorted indexes, when the table would be sparse
}

func (s *periodSlots) build(indexes func(i int) int, n int) {
	s.slot, s.index = s.slot[:0], s.index[:0]
	if n == 0 {
		return
	}
	s.first = indexes(0)
	span := indexes(n-1) - s.first + 1
	if span > 4*n+64 {
		for i := 0; i < n; i++ {
			s.index = append(s.index, indexes(i))
		}
		return
	}
	s.slot = append(s.slot, make([]int32, span)...)
	for i := 0; i < n; i++ {
		s.slot[indexes(i)-s.first] = int32(i + 1)
	}
}

// find is the position of the period with index k.
func (s *periodSlots) find(k int) (int, bool) {
	if s.slot == nil && s.index == nil {
		return 0, false
	}
	if len(s.index) > 0 {
		i := sort.SearchInts(s.index, k)
		return i, i < len(s.index) && s.index[i] == k
	}
	if k < s.first || k-s.first >= len(s.slot) || s.slot[k-s.first] == 0 {
		return 0, false
	}
	return int(s.slot[k-s.first]) - 1, true
}

func (sc *growthScratch[N]) growth(points []PointOf[N], opts GrowthOptions) SeriesOf[N] {
	sorted := append(sc.sorted[:0], points...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Period.Index() < sorted[j].Period.Index() })
	sc.sorted = sorted
	byIndex := &sc.at
	byIndex.build(func(i int) int { return sorted[i].Period.Index() }, len(sorted))
	valueAt := func(p Period) Opt[N] {
		if i, ok := byIndex.find(p.Index()); ok {
			return sorted[i].Value
		}
		return Opt[N]{}
	}

	var g SeriesOf[N]
	rate := func(cur, base Opt[N]) Quotient[N] {
		if !cur.OK || !base.OK {
			return Quotient[N]{}
		}
		if base.V.Sign() <= 0 {
			g.NonPositiveBase = true
			return Quotient[N]{}
		}
		return Quotient[N]{Num: cur.V.Sub(base.V), Den: base.V, OK: true}
	}

	if cap(sc.rows) < len(sorted) {
		sc.rows = make([]RowOf[N], len(sorted))
	}
	rows := sc.rows[:len(sorted)]
	// earlier is the figure p's compares with k years earlier: that
	// period's, where both are of one span. A 1–2月 figure of its own
	// compares with that year's 1–2月 figure, or its January and
	// February added; February alone with no 1–2月 figure.
	earlier := func(p Period, k int, jf bool) Opt[N] {
		q := p.YearsEarlier(k)
		switch qf := opts.janFebAt(q); {
		case jf == qf:
			return valueAt(q)
		case jf:
			if jan, feb := valueAt(q.Shift(-1)), valueAt(q); jan.OK && feb.OK {
				return Opt[N]{V: jan.V.Add(feb.V), OK: true}
			}
		}
		return Opt[N]{}
	}
	for i, p := range sorted {
		r := RowOf[N]{Period: p.Period, Value: p.Value, JanFeb: p.Value.OK && opts.janFebAt(p.Period)}
		lastYear := earlier(p.Period, 1, r.JanFeb)
		if p.Value.OK && lastYear.OK {
			r.YoYChange = Opt[N]{V: p.Value.V.Sub(lastYear.V), OK: true}
		}
		r.YoYPct = rate(p.Value, lastYear)
		if opts.TwoYear && p.Value.OK {
			if r.TwoYearsEarlier = earlier(p.Period, 2, r.JanFeb); r.TwoYearsEarlier.OK && r.TwoYearsEarlier.V.Sign() <= 0 {
				g.NonPositiveBase = true
			}
		}
		if opts.YTD {
			r.PeriodValue, r.JanFeb = periodValueOf(p, valueAt)
		}
		rows[i] = r
	}

	rowAt := func(p Period) *RowOf[N] {
		if i, ok := byIndex.find(p.Index()); ok {
			return &rows[i]
		}
		return nil
	}
	for i := range rows {
		r := &rows[i]
		prev := rowAt(r.Period.Shift(-1))
		if !opts.YTD {
			// Two months against one is no period-on-period comparison.
			if prev != nil && r.Period.Freq != Annual && !r.JanFeb && !prev.JanFeb {
				r.PoPPct = rate(r.Value, prev.Value)
			}
			continue
		}
		lastYear := rowAt(r.Period.YearsEarlier(1))
		switch {
		case r.JanFeb && lastYear != nil:
			// A January–February total compares with last year's, which is
			// its year-to-date February figure whether or not January was
			// published separately.
			r.PeriodYoYPct = rate(r.PeriodValue, lastYear.Value)
		case lastYear != nil && !lastYear.JanFeb:
			r.PeriodYoYPct = rate(r.PeriodValue, lastYear.PeriodValue)
		}
		// Two months against one is no period-on-period comparison.
		if prev != nil && !r.JanFeb && !prev.JanFeb {
			r.PoPPct = rate(r.PeriodValue, prev.PeriodValue)
		}
	}
	g.Rows = rows
	return g
}

// periodValueOf derives a single period's value from year-to-date figures.
// jf is true when it is the January–February total: January was not
// published, its row absent or its cell empty (a wide table leaves a
// series' January empty when its first figure of the year is 1–2月).
func periodValueOf[N Amount[N]](p PointOf[N], valueAt func(Period) Opt[N]) (v Opt[N], jf bool) {
	if !p.Value.OK {
		return Opt[N]{}, false
	}
	if p.Period.Freq == Annual || p.Period.Sub == 1 {
		return p.Value, false // a year's first period, or a whole year
	}
	prev := p.Period.Shift(-1)
	if v := valueAt(prev); v.OK {
		return Opt[N]{V: p.Value.V.Sub(v.V), OK: true}, false
	}
	if p.Period.Freq == Monthly && p.Period.Sub == 2 {
		// Bureaus publish January and February together (1–2月).
		return p.Value, true
	}
	return Opt[N]{}, false
}

// BreakdownOf is a series split into groups (industries, enterprises) with
// the total of all groups. Each group's figures are formed when asked for,
// so that a breakdown into thousands of groups holds one group's rows at a
// time.
type BreakdownOf[N Amount[N]] struct {
	Total SeriesOf[N]
	// Incomplete lists, in calendar order, the periods at which some group
	// had no value, so that no total was formed there.
	Incomplete []Period
	groups     [][]PointOf[N]
	totalAt    periodSlots // the total's rows by period
	opts       GrowthOptions
}

// BreakDown forms the total of the groups: at each period where every
// group has a value, their sum, and its growth. The total's share is 100,
// its contribution its own growth, and its contribution share 100.
func BreakDown[N Amount[N]](groups [][]PointOf[N], opts GrowthOptions) *BreakdownOf[N] {
	b := &BreakdownOf[N]{groups: groups, opts: opts}
	type sum struct {
		p     PointOf[N]
		count int
	}
	totals := map[int]*sum{}
	for _, pts := range groups {
		for _, p := range pts {
			t, ok := totals[p.Period.Index()]
			if !ok {
				t = &sum{p: PointOf[N]{Period: p.Period, Value: Opt[N]{OK: true}}}
				totals[p.Period.Index()] = t
			}
			if p.Value.OK {
				t.p.Value.V = t.p.Value.V.Add(p.Value.V)
				t.count++
			}
		}
	}
	keys := make([]int, 0, len(totals))
	for k := range totals {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	var totalPoints []PointOf[N]
	for _, k := range keys {
		if totals[k].count == len(groups) {
			totalPoints = append(totalPoints, totals[k].p)
		} else {
			b.Incomplete = append(b.Incomplete, totals[k].p.Period)
		}
	}
	b.Total = GrowthOf(totalPoints, opts)
	b.totalAt.build(func(i int) int { return b.Total.Rows[i].Period.Index() }, len(b.Total.Rows))
	for i := range b.Total.Rows {
		r := &b.Total.Rows[i]
		r.SharePct = Quotient[N]{OK: r.Value.OK && !r.Value.V.IsZero(), Whole: true} // of a whole of 0, as its groups', none
		r.ContribPP = r.YoYPct
		r.ContribPct = Quotient[N]{OK: r.YoYChange.OK && !r.YoYChange.V.IsZero(), Whole: true}
	}
	return b
}

// Group forms group i's growth against the total: its share of the total
// (× 100), its contribution (拉动, the group's change over a year ÷ last
// year's total × 100) and its contribution share (贡献率, the group's change
// ÷ the total's change × 100).
func (b *BreakdownOf[N]) Group(i int) SeriesOf[N] {
	return b.against(new(growthScratch[N]).growth(b.groups[i], b.opts))
}

// Former forms a breakdown's groups in memory of its own, reused group
// after group: a caller that prints each group's rows before it forms the
// next leaves no garbage behind, and each goroutine has its own Former.
type Former[N Amount[N]] struct {
	b       *BreakdownOf[N]
	scratch growthScratch[N]
}

func (b *BreakdownOf[N]) Former() *Former[N] { return &Former[N]{b: b} }

// Group is BreakdownOf.Group; its rows are valid until the next Group.
func (f *Former[N]) Group(i int) SeriesOf[N] {
	return f.b.against(f.scratch.growth(f.b.groups[i], f.b.opts))
}

func (b *BreakdownOf[N]) against(g SeriesOf[N]) SeriesOf[N] {
	totalAt := func(p Period) *RowOf[N] {
		if k, ok := b.totalAt.find(p.Index()); ok {
			return &b.Total.Rows[k]
		}
		return nil
	}
	for i := range g.Rows {
		r := &g.Rows[i]
		t := totalAt(r.Period)
		if t == nil || !r.Value.OK {
			continue
		}
		r.SharePct = quotient(r.Value.V, t.Value.V)
		if !r.YoYChange.OK {
			continue
		}
		// The total's base: last year's total, or its January and
		// February added where this year's February is 1–2月.
		if t.YoYChange.OK {
			if base := t.Value.V.Sub(t.YoYChange.V); base.Sign() > 0 {
				r.ContribPP = Quotient[N]{Num: r.YoYChange.V, Den: base, OK: true}
			}
		}
		if t.YoYChange.OK {
			r.ContribPct = quotient(r.YoYChange.V, t.YoYChange.V)
		}
	}
	return g
}

// quotient is num ÷ den × 100, undefined when den is zero.
func quotient[N Amount[N]](num, den N) Quotient[N] {
	return Quotient[N]{Num: num, Den: den, OK: !den.IsZero()}
}
