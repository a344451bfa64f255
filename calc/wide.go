package calc

import (
	"math/big"
	"math/bits"

	"github.com/shopspring/decimal"
)

// int128 is a signed 128-bit sum, so that millions of int64 fixed-point
// amounts add up without overflow and without a decimal per row.
type int128 struct {
	hi int64
	lo uint64
}

func (a *int128) add64(v int64) {
	lo, carry := bits.Add64(a.lo, uint64(v), 0)
	a.hi += v>>63 + int64(carry) // v>>63 sign-extends v into the high word
	a.lo = lo
}

func (a *int128) add(b int128) {
	lo, carry := bits.Add64(a.lo, b.lo, 0)
	a.hi += b.hi + int64(carry)
	a.lo = lo
}

// decimal returns a ÷ 10^scale.
func (a int128) decimal(scale int32) decimal.Decimal {
	n := new(big.Int).SetInt64(a.hi)
	n.Lsh(n, 64)
	n.Add(n, new(big.Int).SetUint64(a.lo))
	return decimal.NewFromBigInt(n, -scale)
}

// uint128 is an unsigned 128-bit sum of squares.
type uint128 struct{ hi, lo uint64 }

// addSquare adds v² for 0 ≤ v < 2^63.
func (a *uint128) addSquare(v int64) {
	hi, lo := bits.Mul64(uint64(v), uint64(v))
	a.add(uint128{hi, lo})
}

func (a *uint128) add(b uint128) {
	lo, carry := bits.Add64(a.lo, b.lo, 0)
	a.hi, _ = bits.Add64(a.hi, b.hi, carry)
	a.lo = lo
}

// decimal returns a ÷ 10^scale.
func (a uint128) decimal(scale int32) decimal.Decimal {
	n := new(big.Int).SetUint64(a.hi)
	n.Lsh(n, 64)
	n.Add(n, new(big.Int).SetUint64(a.lo))
	return decimal.NewFromBigInt(n, -scale)
}

// uint192 is an unsigned 192-bit sum: of 128-bit squares each times a
// factor below 2^20, so that no count of households a machine can read
// overflows it.
type uint192 struct{ hi, mid, lo uint64 }

// addMul adds v × f.
func (a *uint192) addMul(v uint128, f uint64) {
	h1, l1 := bits.Mul64(v.lo, f)
	h2, l2 := bits.Mul64(v.hi, f)
	mid, c := bits.Add64(l2, h1, 0) // v × f = h2·2^128 + (l2 + h1)·2^64 + l1
	a.add(uint192{h2 + c, mid, l1})
}

func (a *uint192) add(b uint192) {
	var c uint64
	a.lo, c = bits.Add64(a.lo, b.lo, 0)
	a.mid, c = bits.Add64(a.mid, b.mid, c)
	a.hi, _ = bits.Add64(a.hi, b.hi, c)
}

// div64 is a ÷ d, d > 0, and whether it divides exactly.
func (a uint192) div64(d uint64) (q uint192, exact bool) {
	var r uint64
	q.hi, r = bits.Div64(0, a.hi, d)
	q.mid, r = bits.Div64(r, a.mid, d)
	q.lo, r = bits.Div64(r, a.lo, d)
	return q, r == 0
}

// decimal returns a ÷ 10^scale.
func (a uint192) decimal(scale int32) decimal.Decimal {
	n := new(big.Int).SetUint64(a.hi)
	for _, w := range []uint64{a.mid, a.lo} {
		n.Lsh(n, 64)
		n.Or(n, new(big.Int).SetUint64(w))
	}
	return decimal.NewFromBigInt(n, -scale)
}
