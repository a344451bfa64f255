package calc

import (
	"sort"

	"github.com/shopspring/decimal"
)

// Point is one observation of a series. Value is missing for an empty cell.
type Point struct {
	Period Period
	Value  Maybe
}

// GrowthRow holds the figures of one period of a series.
type GrowthRow struct {
	Period    Period
	Value     Maybe
	YoYChange Maybe // value − same period a year earlier
	YoYPct    Maybe // 同比, %
	PoPPct    Maybe // 环比, %: against the previous period (of period values when YTD)
	TwoYear   Maybe // 两年平均增长, %

	// Year-to-date series only.
	PeriodValue  Maybe // this YTD − the previous period's YTD of the same year
	PeriodYoYPct Maybe
	JanFeb       bool // PeriodValue is the January–February total: January was not published

	// Breakdowns only: the group against the total of all groups.
	SharePct   Maybe // share of the total, %
	ContribPP  Maybe // 拉动, percentage points
	ContribPct Maybe // 贡献率, %
}

// SeriesGrowth is the result of Growth for one series.
type SeriesGrowth struct {
	Rows []GrowthRow
	// NonPositiveBase is set when some rate was left empty because its base
	// was zero or negative.
	NonPositiveBase bool
}

// Growth computes year-on-year, period-on-period and two-year figures of one
// series, comparing periods by calendar: a missing month gives empty rates,
// never a comparison with the wrong month. With ytd the values are
// year-to-date cumulative (累计), and single-period values are derived by
// differencing within each year. Points must have distinct periods of one
// frequency; rows come back in calendar order.
func Growth(points []Point, ytd bool) SeriesGrowth {
	sorted := append([]Point(nil), points...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Period.Index() < sorted[j].Period.Index() })

	byIndex := make(map[int]int, len(sorted))
	for i, p := range sorted {
		byIndex[p.Period.Index()] = i
	}
	valueAt := func(p Period) Maybe {
		if i, ok := byIndex[p.Index()]; ok {
			return sorted[i].Value
		}
		return Maybe{}
	}

	var g SeriesGrowth
	rate := func(cur, base Maybe) Maybe {
		if !cur.OK || !base.OK {
			return Maybe{}
		}
		if base.V.Sign() <= 0 {
			g.NonPositiveBase = true
			return Maybe{}
		}
		return maybe(GrowthRate(cur.V, base.V))
	}

	rows := make([]GrowthRow, len(sorted))
	for i, p := range sorted {
		r := GrowthRow{Period: p.Period, Value: p.Value}
		lastYear := valueAt(p.Period.YearsEarlier(1))
		if p.Value.OK && lastYear.OK {
			r.YoYChange = Some(p.Value.V.Sub(lastYear.V))
		}
		r.YoYPct = rate(p.Value, lastYear)
		twoYears := valueAt(p.Period.YearsEarlier(2))
		if p.Value.OK && twoYears.OK {
			if twoYears.V.Sign() <= 0 {
				g.NonPositiveBase = true
			} else {
				r.TwoYear = maybe(TwoYearAverage(p.Value.V, twoYears.V))
			}
		}
		if ytd {
			r.PeriodValue, r.JanFeb = periodValue(p, valueAt, byIndex)
		}
		rows[i] = r
	}

	rowAt := func(p Period) (GrowthRow, bool) {
		if i, ok := byIndex[p.Index()]; ok {
			return rows[i], true
		}
		return GrowthRow{}, false
	}
	for i := range rows {
		r := &rows[i]
		prev, hasPrev := rowAt(r.Period.Shift(-1))
		if !ytd {
			if hasPrev && r.Period.Freq != Annual {
				r.PoPPct = rate(r.Value, prev.Value)
			}
			continue
		}
		lastYear, hasLastYear := rowAt(r.Period.YearsEarlier(1))
		switch {
		case r.JanFeb && hasLastYear:
			// A January–February total compares with last year's, which is
			// its year-to-date February figure whether or not January was
			// published separately.
			r.PeriodYoYPct = rate(r.PeriodValue, lastYear.Value)
		case hasLastYear && !lastYear.JanFeb:
			r.PeriodYoYPct = rate(r.PeriodValue, lastYear.PeriodValue)
		}
		// Two months against one is no period-on-period comparison.
		if hasPrev && !r.JanFeb && !prev.JanFeb {
			r.PoPPct = rate(r.PeriodValue, prev.PeriodValue)
		}
	}
	g.Rows = rows
	return g
}

// periodValue derives a single period's value from year-to-date figures.
func periodValue(p Point, valueAt func(Period) Maybe, byIndex map[int]int) (Maybe, bool) {
	if !p.Value.OK {
		return Maybe{}, false
	}
	if p.Period.Sub == 1 {
		return p.Value, false
	}
	prev := p.Period.Shift(-1)
	if v := valueAt(prev); v.OK {
		return Some(p.Value.V.Sub(v.V)), false
	}
	_, published := byIndex[prev.Index()]
	if p.Period.Freq == Monthly && p.Period.Sub == 2 && !published {
		// Bureaus publish January and February together (1–2月).
		return p.Value, true
	}
	return Maybe{}, false
}

// Summary compares the first and last observed values of a series.
type Summary struct {
	First, Last   Point
	Periods       int // observations with a value
	Change        decimal.Decimal
	GrowthPct     Maybe // last against first
	AnnualizedPct Maybe // compound annual rate over the span
}

// Summarize describes a series by its first and last values. ok is false
// when the series has no value at all.
func Summarize(points []Point) (s Summary, ok bool) {
	for _, p := range points {
		if !p.Value.OK {
			continue
		}
		if s.Periods == 0 || p.Period.Index() < s.First.Period.Index() {
			s.First = p
		}
		if s.Periods == 0 || p.Period.Index() > s.Last.Period.Index() {
			s.Last = p
		}
		s.Periods++
	}
	if s.Periods == 0 {
		return s, false
	}
	s.Change = s.Last.Value.V.Sub(s.First.Value.V)
	s.GrowthPct = maybe(GrowthRate(s.Last.Value.V, s.First.Value.V))
	span := s.Last.Period.Index() - s.First.Period.Index()
	if span > 0 {
		years := decimal.NewFromInt(int64(span)).DivRound(decimal.NewFromInt(int64(s.First.Period.Freq.PerYear())), QuotientPlaces)
		s.AnnualizedPct = maybe(AnnualizedGrowth(s.First.Value.V, s.Last.Value.V, years))
	}
	return s, true
}
