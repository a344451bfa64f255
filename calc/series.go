package calc

import (
	"math/big"

	"github.com/shopspring/decimal"
)

// Point is one observation of a series. Value is missing for an empty cell.
type Point = PointOf[decimal.Decimal]

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

// Growth computes year-on-year, period-on-period and, when asked, two-year
// figures of one series, comparing periods by calendar: a missing month
// gives empty rates, never a comparison with the wrong month. With
// opts.YTD the values are year-to-date cumulative (累计), and single-period
// values are derived by differencing within each year. Points must have
// distinct periods of one frequency; rows come back in calendar order.
func Growth(points []Point, opts GrowthOptions) SeriesGrowth {
	return decimalSeries(GrowthOf(points, opts), opts)
}

// decimalSeries evaluates a series' quotients as decimals.
func decimalSeries(s SeriesOf[decimal.Decimal], opts GrowthOptions) SeriesGrowth {
	g := SeriesGrowth{Rows: make([]GrowthRow, len(s.Rows)), NonPositiveBase: s.NonPositiveBase}
	for i, r := range s.Rows {
		g.Rows[i] = GrowthRow{
			Period: r.Period, Value: r.Value, YoYChange: r.YoYChange,
			YoYPct: PercentOf(r.YoYPct), PoPPct: PercentOf(r.PoPPct),
			PeriodValue: r.PeriodValue, PeriodYoYPct: PercentOf(r.PeriodYoYPct), JanFeb: r.JanFeb,
			SharePct: PercentOf(r.SharePct), ContribPP: PercentOf(r.ContribPP), ContribPct: PercentOf(r.ContribPct),
		}
		if opts.TwoYear && r.Value.OK && r.TwoYearsEarlier.OK {
			g.Rows[i].TwoYear = maybe(TwoYearAverage(r.Value.V, r.TwoYearsEarlier.V))
		}
	}
	return g
}

// percentOf evaluates a quotient to QuotientPlaces.
func PercentOf(q Quotient[decimal.Decimal]) Maybe {
	switch {
	case !q.OK:
		return Maybe{}
	case q.Whole:
		return Some(hundred)
	}
	return maybe(Percent(q.Num, q.Den))
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
		years := big.NewRat(int64(span), int64(s.First.Period.Freq.PerYear()))
		s.AnnualizedPct = maybe(AnnualizedGrowth(s.First.Value.V, s.Last.Value.V, years))
	}
	return s, true
}
