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
