package gen

import (
	"math"
	"strconv"
)

// memberWeights are the chances, in percent, of a household of 1 to 8 people:
// mostly 2–5, as in rural registries.
var memberWeights = []float64{8, 20, 24, 22, 14, 7, 3, 2}

// Per-capita counted income (wages, business, property, transfers) is
// lognormal around this median, scaled by a village's prosperity; with
// these figures about 15% of households fall below a line of 3,335 yuan.
const (
	medianPerCapita = 7600.0
	perCapitaSigma  = 0.75
	prosperitySigma = 0.25
)

func (g *generator) households(rows, villages int) {
	g.header("household_id", "village", "members", "wage_income", "business_income",
		"property_income", "transfer_income", "subsidy", "loan")
	for v, n := range g.villageSizes(rows, villages) {
		village := VillageName(v + 1)
		prosperity := g.lognormal(1, prosperitySigma)
		for h := 1; h <= n; h++ {
			// The id: the county's code, the village's number, the
			// household's number (17 digits, like 建档立卡 codes).
			g.field(countyCode)
			g.row = appendPadded(g.row, v+1, 5)
			g.row = appendPadded(g.row, h, 6)
			g.field(village)
			g.household(prosperity)
			g.endRow()
		}
	}
}

// countyCode begins every household id: 冷水滩区, Yongzhou.
const countyCode = "431103"

// household appends members and the six income components of one household.
func (g *generator) household(prosperity float64) {
	members := 1 + g.pick(memberWeights)
	total := yuanToFen(g.lognormal(medianPerCapita*prosperity, perCapitaSigma) * float64(members))
	transfer := min(yuanToFen(g.uniform(200, 2500)), total/2)
	var property int64
	if g.chance(0.35) {
		property = yuanToFen(g.uniform(50, 600))
	}
	rest := max(0, total-transfer-property)
	var wage, business int64
	if g.chance(0.3) { // nobody works for wages: farming and transfers only
		business = rest
	} else {
		wage = int64(float64(rest) * g.uniform(0.6, 1))
		business = rest - wage
	}
	if wage > 0 && g.chance(0.03) { // a side business lost money this year
		business = -yuanToFen(g.uniform(100, 3000))
	}
	var subsidy, loan int64
	if g.chance(0.15) {
		subsidy = 100 * int64(g.uniform(300, 3000))
	}
	if g.chance(0.05) {
		loan = 100_000 * int64(5+g.rng.IntN(46)) // 5,000 to 50,000 yuan in thousands
	}
	g.sep()
	g.row = strconv.AppendInt(g.row, int64(members), 10)
	wageDecimals := g.decimals()
	if g.chance(0.6) {
		wageDecimals = -2 // wages are often whole hundreds
	}
	g.amount(wage, wageDecimals)
	g.amount(business, g.decimals())
	g.amount(property, g.decimals())
	g.amount(transfer, g.decimals())
	g.amount(subsidy, 0)
	g.amount(loan, 0)
}

// villageSizes splits rows among villages whose sizes are lognormal, so a
// few villages are several times the average. Every village gets at least
// one household when there are enough.
func (g *generator) villageSizes(rows, villages int) []int {
	sizes := make([]int, villages)
	weights := make([]float64, villages)
	for i := range weights {
		weights[i] = g.lognormal(1, 0.8)
	}
	if rows >= villages {
		for i := range sizes {
			sizes[i] = 1
		}
		rows -= villages
	}
	spread(sizes, weights, rows)
	return sizes
}

// spread adds n to counts in proportion to weights, rounding the running
// total so that exactly n is added.
func spread(counts []int, weights []float64, n int) {
	var sum float64
	for _, w := range weights {
		sum += w
	}
	var cum float64
	given := 0
	for i, w := range weights {
		cum += w
		upto := int(math.Floor(float64(n)*cum/sum + 0.5))
		if i == len(weights)-1 {
			upto = n
		}
		counts[i] += upto - given
		given = upto
	}
}

// pools writes one row per village: a dividend pool in whole fen or, with
// pv, the village's photovoltaic output and feed-in tariff.
func (g *generator) pools(villages int, pv bool) {
	if pv {
		g.header("village", "kwh", "tariff")
	} else {
		g.header("village", "pool")
	}
	for v := 1; v <= villages; v++ {
		g.field(VillageName(v))
		if pv {
			g.amount(yuanToFen(g.uniform(20_000, 300_000)), 0)
			g.sep()
			g.row = append(g.row, "0."...)
			g.row = appendPadded(g.row, 3200+g.rng.IntN(1000), 4) // 0.3200–0.4199 yuan/kWh
		} else {
			g.amount(yuanToFen(g.lognormal(50_000, 0.7)), 2)
		}
		g.endRow()
	}
}

// seasonal is each month's output relative to the year's average: January
// and February dip for the Spring Festival, December is pushed to meet the plan.
var seasonal = [12]float64{0.85, 0.75, 1.0, 1.0, 1.02, 1.05, 1.0, 1.0, 1.03, 1.02, 1.06, 1.2}

// series writes enterprises' monthly output, period by period (as monthly
// files are stacked), rows/enterprises periods from 2000-01. Each enterprise
// has its own level and trend. With ytd the values are cumulative from
// January and, as bureaus publish, January is not reported on its own.
func (g *generator) series(rows, enterprises int, ytd bool) {
	g.header("period", "enterprise", "output")
	periods := max(1, rows/enterprises)
	level := make([]float64, enterprises)
	trend := make([]float64, enterprises) // yearly growth factor
	cumulative := make([]int64, enterprises)
	for e := range level {
		level[e] = g.lognormal(2000, 1)
		trend[e] = 1 + 0.07 + 0.08*g.rng.NormFloat64()
	}
	var label []byte
	for t := 0; periods > 0; t++ {
		year, month := 2000+t/12, t%12+1
		if month == 1 {
			clear(cumulative)
		}
		report := !ytd || month > 1
		label = label[:0]
		if ytd {
			label = strconv.AppendInt(label, int64(year), 10)
			label = append(label, "年1-"...)
			label = strconv.AppendInt(label, int64(month), 10)
			label = append(label, "月"...)
		} else {
			label = strconv.AppendInt(label, int64(year), 10)
			label = append(label, '-')
			label = appendPadded(label, month, 2)
		}
		for e := range level {
			value := level[e] * math.Pow(trend[e], float64(t)/12) * seasonal[month-1] * g.lognormal(1, 0.04)
			fen := yuanToFen(value)
			cumulative[e] += fen
			if !report {
				continue
			}
			if ytd {
				fen = cumulative[e]
			}
			g.row = append(g.row, label...)
			g.field("E")
			g.row = appendPadded(g.row, e+1, 5)
			g.amount(fen, 2)
			g.endRow()
		}
		if report {
			periods--
		}
	}
}

var categoryNames = []string{"roads", "water", "housing", "schools", "clinics",
	"power", "irrigation", "industry", "tourism", "broadband"}

// projects writes investment projects spread unevenly over categories, with
// planned and completed investment: most finished, some not started, a few
// over plan.
func (g *generator) projects(rows, categories int) {
	g.header("project", "category", "planned", "completed")
	weights := make([]float64, categories)
	for i := range weights {
		weights[i] = g.lognormal(1, 0.6)
	}
	for p := 1; p <= rows; p++ {
		c := g.pick(weights)
		planned := yuanToFen(g.lognormal(200, 1))
		var completed int64
		switch r := g.rng.Float64(); {
		case r < 0.08: // not started
		case r < 0.6:
			completed = planned
		case r < 0.63:
			completed = int64(float64(planned) * g.uniform(1, 1.2))
		default:
			completed = int64(float64(planned) * g.uniform(0.2, 1))
		}
		g.field("P")
		g.row = appendPadded(g.row, p, 6)
		g.sep()
		if c < len(categoryNames) {
			g.row = append(g.row, categoryNames[c]...)
		} else {
			g.row = append(g.row, "category"...)
			g.row = appendPadded(g.row, c+1, 2)
		}
		decimals := g.decimals() // one clerk's habit for the whole row
		g.amount(planned, decimals)
		g.amount(completed, decimals)
		g.endRow()
	}
}

// registry writes yearly exits from poverty from 2014 on: households rising
// to a peak and tapering, each exited household 2.6 to 3.3 people on average.
func (g *generator) registry(years int) {
	g.header("year", "exited_households", "exited_persons")
	for y := 0; y < years; y++ {
		households := int64(g.uniform(0.6, 1.4) * 400 * math.Exp(-math.Pow(float64(y-3)/3, 2)))
		persons := int64(float64(households) * g.uniform(2.6, 3.3))
		g.sep()
		g.row = strconv.AppendInt(g.row, int64(2014+y), 10)
		g.sep()
		g.row = strconv.AppendInt(g.row, households, 10)
		g.sep()
		g.row = strconv.AppendInt(g.row, persons, 10)
		g.endRow()
	}
}
