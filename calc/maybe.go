package calc

import "github.com/shopspring/decimal"

// Maybe is a figure that may be missing: an empty input cell, or a rate whose
// base is absent or not positive. A missing figure is never zero.
type Maybe = Opt[decimal.Decimal]

// Some wraps a present figure.
func Some(d decimal.Decimal) Maybe { return Maybe{V: d, OK: true} }

// maybe turns a (value, ok) pair into a Maybe.
func maybe(d decimal.Decimal, ok bool) Maybe {
	if !ok {
		return Maybe{}
	}
	return Some(d)
}
