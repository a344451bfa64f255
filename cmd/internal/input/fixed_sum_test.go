package input

import (
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

// randomAmountCell is a cell that is mostly a short amount, often not one:
// digits with signs, points, spaces, letters, a quote, a CR or full-width
// digits among them, up to 24 bytes.
func randomAmountCell(rng *rand.Rand) []byte {
	pieces := []string{"0", "1", "5", "9", "-", "+", ".", " ", "/", ":", "１", "a", "\r", "\""}
	var cell []byte
	for n := rng.IntN(25); n > 0; n-- {
		p := pieces[rng.IntN(len(pieces))]
		if rng.IntN(4) > 0 {
			p = pieces[rng.IntN(4)] // mostly digits
		}
		if len(cell) == 0 && rng.IntN(8) == 0 {
			p = "-"
		}
		cell = append(cell, p...)
	}
	return cell
}

// TestSumFixedIsParseFixed: sumFixed, which reads a cell of digits inline
// and goes on in shortRest from where they stop, adds up to the first cell
// parseFixed refuses exactly what parseFixed reads cell by cell: the units,
// the most places, whether a cell was not empty, and where it stopped.
func TestSumFixedIsParseFixed(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 37))
	for trial := 0; trial < 100000; trial++ {
		fields := make([][]byte, 1+rng.IntN(6))
		for i := range fields {
			fields[i] = randomAmountCell(rng)
			if rng.IntN(3) == 0 {
				fields[i] = fields[i][:min(len(fields[i]), 1+rng.IntN(3))] // short: 0, 7, -5
			}
		}
		cols := rng.Perm(len(fields))[:1+rng.IntN(len(fields))]
		units, places, any, k := sumFixed(fields, cols)
		var want struct {
			units  int64
			places int
			any    bool
			k      int
		}
		want.k = len(cols)
		for j, i := range cols {
			v, p, empty, ok := parseFixed(fields[i])
			if !ok {
				want.k = j
				break
			}
			want.units, want.places, want.any = want.units+v, max(want.places, p), want.any || !empty
		}
		if units != want.units || places != want.places || any != want.any || k != want.k {
			t.Fatalf("%q cols %v: sumFixed %d %d %v %d, parseFixed %+v", fields, cols, units, places, any, k, want)
		}
	}
}

// TestCountIsParseNumber: Row.Count reads a whole number as ParseNumber
// does, by its quick paths or the general one.
func TestCountIsParseNumber(t *testing.T) {
	rng := rand.New(rand.NewPCG(41, 43))
	for trial := 0; trial < 200000; trial++ {
		cell := randomAmountCell(rng)
		d, present, err := ParseNumber(string(cell), false)
		if err != nil || !d.IsInteger() || d.Abs().GreaterThanOrEqual(decimal.New(1, 18)) {
			continue // Count's errors need a source to be named in
		}
		r := &Row{Fields: [][]byte{cell}}
		n, ok, err := r.Count(0)
		if err != nil || ok != present || ok && n != d.IntPart() {
			t.Fatalf("%q: Count %d %v %v, ParseNumber %s %v", cell, n, ok, err, d, present)
		}
	}
	if n, ok, _ := (&Row{Fields: [][]byte{[]byte("-12.0000")}}).Count(0); !ok || n != -12 {
		t.Errorf("-12.0000: Count %d %v", n, ok)
	}
}
