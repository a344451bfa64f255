package gen

import (
	"math"
	"strconv"
)

func (g *generator) uniform(lo, hi float64) float64 { return lo + (hi-lo)*g.rng.Float64() }

func (g *generator) chance(p float64) bool { return g.rng.Float64() < p }

func (g *generator) lognormal(median, sigma float64) float64 {
	return median * math.Exp(sigma*g.rng.NormFloat64())
}

// pick returns an index drawn in proportion to weights.
func (g *generator) pick(weights []float64) int {
	var sum float64
	for _, w := range weights {
		sum += w
	}
	r := g.rng.Float64() * sum
	for i, w := range weights {
		if r < w {
			return i
		}
		r -= w
	}
	return len(weights) - 1
}

// decimals is how many decimal places an amount is written with: as in
// hand-kept registries, half whole yuan, the rest to the jiao or the fen.
func (g *generator) decimals() int {
	switch r := g.rng.Float64(); {
	case r < 0.5:
		return 0
	case r < 0.7:
		return 1
	}
	return 2
}

func yuanToFen(yuan float64) int64 { return int64(math.Round(yuan * 100)) }

// amount appends a field holding fen as yuan rounded (half away from zero)
// to the given decimal places: 2, 1, 0, or negative for tens or hundreds.
func (g *generator) amount(fen int64, decimals int) {
	g.sep()
	unit := int64(1)
	for d := decimals; d < 2; d++ {
		unit *= 10
	}
	neg := fen < 0
	if neg {
		fen = -fen
	}
	fen = (fen + unit/2) / unit * unit
	if neg && fen != 0 {
		g.row = append(g.row, '-')
	}
	g.row = strconv.AppendInt(g.row, fen/100, 10)
	if decimals > 0 {
		g.row = append(g.row, '.')
		g.row = appendPadded(g.row, int(fen%100)/int(unit), decimals)
	}
}

// appendPadded appends n in decimal with leading zeros to at least width digits.
func appendPadded(b []byte, n, width int) []byte {
	var digits [20]byte
	s := strconv.AppendInt(digits[:0], int64(n), 10)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}
