package calc

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
)

// Benchmarks of each command's core, on figures of the reference sizes:
// series of 200 months, villages of 400 households, pools of a village.

// monthlySeries is n months of output from 2000-01, as exact decimals.
func monthlySeries(n, seed int) []Point {
	points := make([]Point, n)
	for i := range points {
		points[i] = Point{Period: month(2000+i/12, i%12+1), Value: Some(decimal.New(int64(100_000+seed*37+i*311), -2))}
	}
	return points
}

func fixedSeries(points []Point) []PointOf[Fixed] {
	fixed := make([]PointOf[Fixed], len(points))
	for i, p := range points {
		fixed[i] = PointOf[Fixed]{Period: p.Period, Value: Opt[Fixed]{V: Fixed{Units: p.Value.V.CoefficientInt64(), Places: 2}, OK: true}}
	}
	return fixed
}

// BenchmarkGrowth: 同比 and 环比 of one enterprise's 200 months, in decimal.
func BenchmarkGrowth(b *testing.B) {
	points := monthlySeries(200, 1)
	for i := 0; i < b.N; i++ {
		Growth(points, GrowthOptions{})
	}
}

// BenchmarkGrowthFixed: the same in fixed point, as Num amounts run it while they fit.
func BenchmarkGrowthFixed(b *testing.B) {
	points := fixedSeries(monthlySeries(200, 1))
	for i := 0; i < b.N; i++ {
		GrowthOf(points, GrowthOptions{})
	}
}

// BenchmarkBreakDown: 50 enterprises × 200 months with totals, shares, 拉动
// and 贡献率.
func BenchmarkBreakDown(b *testing.B) {
	groups := make([][]Point, 50)
	for g := range groups {
		groups[g] = monthlySeries(200, g)
	}
	for i := 0; i < b.N; i++ {
		GrowthByGroup(groups, GrowthOptions{})
	}
}

// village is 400 households with incomes around the line.
func village() []Household {
	hs := make([]Household, 400)
	for i := range hs {
		hs[i] = Household{Members: int64(1 + i%6), Counted: decimal.New(int64(200_000+i*7919%2_000_000), -2), Excluded: decimal.New(int64(i%3*50_000), -2)}
	}
	return hs
}

// BenchmarkTallyAdd: a village's households summed in decimal (the general
// path).
func BenchmarkTallyAdd(b *testing.B) {
	hs, line := village(), decimal.NewFromInt(3335)
	for i := 0; i < b.N; i++ {
		var t Tally
		for _, h := range hs {
			t.Add(h, line)
		}
	}
}

// BenchmarkFixedTallyAdd: the same in fixed point (what RegistryTally uses while amounts fit).
func BenchmarkFixedTallyAdd(b *testing.B) {
	hs := village()
	fixed := make([]FixedHousehold, len(hs))
	for i, h := range hs {
		counted, _ := ToFixed(h.Counted)
		excluded, _ := ToFixed(h.Excluded)
		fixed[i] = FixedHousehold{Members: h.Members, Counted: counted, Excluded: excluded}
	}
	line, _ := ToFixed(decimal.NewFromInt(3335))
	for i := 0; i < b.N; i++ {
		var t FixedTally
		for _, h := range fixed {
			t.Add(h, line)
		}
	}
}

// BenchmarkTallyFigures: a village's incidence, gap and severity indexes.
func BenchmarkTallyFigures(b *testing.B) {
	line := decimal.NewFromInt(3335)
	var t Tally
	for _, h := range village() {
		t.Add(h, line)
	}
	for i := 0; i < b.N; i++ {
		Incidence(t.PoorPersons, t.Persons)
		t.GapIndex(line, t.Persons)
		t.SeverityIndex(line, t.Persons)
	}
}

func benchmarkAllocate(b *testing.B, weight func(i int) decimal.Decimal) {
	weights := make([]decimal.Decimal, 400)
	for i := range weights {
		weights[i] = weight(i)
	}
	pool, unit := decimal.RequireFromString("89456.07"), decimal.RequireFromString("0.01")
	for i := 0; i < b.N; i++ {
		if _, err := AllocateLargestRemainder(pool, unit, weights); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAllocate: a village's pool over 400 households by members (the
// 64-bit path).
func BenchmarkAllocate(b *testing.B) {
	benchmarkAllocate(b, func(i int) decimal.Decimal { return decimal.NewFromInt(int64(1 + i%6)) })
}

// BenchmarkAllocateBig: weights too long for 64 bits (the big-integer
// path).
func BenchmarkAllocateBig(b *testing.B) {
	benchmarkAllocate(b, func(i int) decimal.Decimal {
		return decimal.RequireFromString(fmt.Sprintf("%d.123456789012345678901", 1+i%6))
	})
}

// BenchmarkRollRegistry: a county's registry rolled over ten years.
func BenchmarkRollRegistry(b *testing.B) {
	rows := make([]YearFlows, 10)
	for i := range rows {
		rows[i] = YearFlows{Years: YearSpan{First: 2011 + i, Last: 2011 + i},
			Exited: Registry{Households: decimal.NewFromInt(50), Persons: decimal.NewFromInt(150)},
			Added:  Registry{Households: decimal.NewFromInt(5), Persons: decimal.NewFromInt(14)}}
	}
	start := Registry{Households: decimal.NewFromInt(593), Persons: decimal.NewFromInt(1755)}
	settings := RollSettings{Population: Some(decimal.NewFromInt(40_000)), Target: 2020}
	for i := 0; i < b.N; i++ {
		if _, err := RollRegistry(start, rows, settings); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkInvest: 1,000 key projects against plan and time.
func BenchmarkInvest(b *testing.B) {
	for i := 0; i < b.N; i++ {
		var t InvestTally
		for p := 0; p < 1000; p++ {
			planned, completed := decimal.NewFromInt(int64(20_000+p)), decimal.NewFromInt(int64(16_670+p*3))
			Completion(completed, planned)
			Lead(completed, planned, 10)
			t.Add(planned, completed, ProjectStatus(completed, planned, 10))
		}
	}
}

// BenchmarkImpliedBase: last year's base from this year's value and rate.
func BenchmarkImpliedBase(b *testing.B) {
	value, rate := decimal.RequireFromString("91.27"), decimal.RequireFromString("28.93")
	for i := 0; i < b.N; i++ {
		ImpliedBase(value, rate)
	}
}
