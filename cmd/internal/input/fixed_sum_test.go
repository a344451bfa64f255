package input

import (
	"math/rand/v2"
	"regexp"
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

// TestSumFixedIsParseFixed: sumFixed adds, up to where it stops, exactly
// what parseFixed reads cell by cell: the units, the most places, whether
// a cell was not empty; and it stops only at a cell that is not a bare
// amount (bareCell) or that parseFixed refuses.
func TestSumFixedIsParseFixed(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 37))
	for trial := 0; trial < 100000; trial++ {
		fields := randomAmountRow(rng)
		cols := rng.Perm(len(fields))[:1+rng.IntN(len(fields))]
		units, places, any, k := sumFixed(fields, cols)
		var want struct {
			units  int64
			places int
			any    bool
		}
		for _, i := range cols[:k] {
			v, p, empty, ok := parseFixed(fields[i])
			if !ok {
				t.Fatalf("%q cols %v: sumFixed read %q, which parseFixed refuses", fields, cols, fields[i])
			}
			want.units, want.places, want.any = want.units+v, max(want.places, p), want.any || !empty
		}
		if units != want.units || places != want.places || any != want.any {
			t.Fatalf("%q cols %v: sumFixed %d %d %v to %d, parseFixed %+v", fields, cols, units, places, any, k, want)
		}
		if k < len(cols) {
			if cell := fields[cols[k]]; bareCell.Match(cell) && len(cell) <= 12 {
				if _, _, _, ok := parseFixed(cell); ok {
					t.Fatalf("%q cols %v: sumFixed stopped at %q, a bare amount parseFixed reads", fields, cols, cell)
				}
			}
		}
	}
}

// bareCell is what sumFixed reads itself, when short and within range.
var bareCell = regexp.MustCompile(`^(-?[0-9]*\.?[0-9]*)?$`)

// randomAmountRow is a row of one to six cells, from randomAmountCell or
// short ones (0, 7, -5), that a registry's are.
func randomAmountRow(rng *rand.Rand) [][]byte {
	fields := make([][]byte, 1+rng.IntN(6))
	for i := range fields {
		fields[i] = randomAmountCell(rng)
		if rng.IntN(3) == 0 {
			fields[i] = fields[i][:min(len(fields[i]), 1+rng.IntN(3))]
		}
	}
	return fields
}

// TestRowSumIsDecimalSum: Row.Sum, sumFixed and then Amount from where it
// stops, is the decimal sum of the cells as ParseNumber reads them, with
// as many decimals as the most any cell has, on rows of cells that are all
// numbers or blank.
func TestRowSumIsDecimalSum(t *testing.T) {
	rng := rand.New(rand.NewPCG(47, 53))
	for trial := 0; trial < 100000; trial++ {
		fields := randomAmountRow(rng)
		cols := rng.Perm(len(fields))[:1+rng.IntN(len(fields))]
		want, wantAny, places := decimal.Zero, false, int32(0)
		numbers := true
		for _, i := range cols {
			d, present, err := ParseNumber(string(fields[i]), false)
			if err != nil {
				numbers = false
				break
			}
			if present {
				want, wantAny, places = want.Add(d), true, max(places, -d.Exponent())
			}
		}
		if !numbers {
			continue // Sum's errors need a source to be named in
		}
		r := &Row{Fields: fields}
		total, any, err := r.Sum(cols)
		got := total.Decimal()
		if err != nil || any != wantAny || !got.Equal(want) || wantAny && -got.Exponent() != places {
			t.Fatalf("%q cols %v: Sum %s %v %v, want %s (%d places) %v", fields, cols, got, any, err, want, places, wantAny)
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
