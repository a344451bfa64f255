package calc

import "github.com/shopspring/decimal"

// Fixed is an amount in fixed point, in units of 10^-FixedScale, that
// remembers how many decimals it was written with, so that its sums and
// differences print with the digits a decimal would carry (1.50 + 2 is
// 3.50). It is the fixed-point half of Num.
type Fixed struct {
	Units  int64
	Places int8
}

func (a Fixed) Add(b Fixed) Fixed { return Fixed{a.Units + b.Units, max(a.Places, b.Places)} }
func (a Fixed) Sub(b Fixed) Fixed { return Fixed{a.Units - b.Units, max(a.Places, b.Places)} }
func (a Fixed) IsZero() bool      { return a.Units == 0 }

func (a Fixed) Sign() int {
	switch {
	case a.Units > 0:
		return 1
	case a.Units < 0:
		return -1
	}
	return 0
}

// Decimal is the amount as a decimal, with its places.
func (a Fixed) Decimal() decimal.Decimal {
	return decimal.New(a.Units, -FixedScale).Round(int32(a.Places))
}

// Num is the amount as a Num.
func (a Fixed) Num() Num { return Num{f: a} }
