package calc

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// dec reads a decimal literal in a test table.
func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// matches reports whether got is the expected figure. want is written as
// the tables write it:
//
//	""      missing (ok false)
//	"20"    exactly 20 (compared with Equal, so 20 and 20.000 agree)
//	"~6.67" got rounded half-up to as many places as written is 6.67
func matches(got decimal.Decimal, ok bool, want string) bool {
	switch {
	case want == "":
		return !ok
	case !ok:
		return false
	case strings.HasPrefix(want, "~"):
		want = want[1:]
		places := 0
		if _, frac, found := strings.Cut(want, "."); found {
			places = len(frac)
		}
		return got.StringFixed(int32(places)) == want
	}
	return got.Equal(dec(want))
}

// show prints a figure for a failure message.
func show(d decimal.Decimal, ok bool) string {
	if !ok {
		return "missing"
	}
	return d.String()
}

// checkFigure fails t when got is not want (see matches).
func checkFigure(t *testing.T, what string, got decimal.Decimal, ok bool, want string) {
	t.Helper()
	if !matches(got, ok, want) {
		w := want
		if w == "" {
			w = "missing"
		}
		t.Errorf("%s = %s, want %s", what, show(got, ok), w)
	}
}

// checkMaybe is checkFigure for a Maybe.
func checkMaybe(t *testing.T, what string, got Maybe, want string) {
	t.Helper()
	checkFigure(t, what, got.V, got.OK, want)
}

func month(y, m int) Period   { return MakePeriod(y, Monthly, m) }
func quarter(y, q int) Period { return MakePeriod(y, Quarterly, q) }
func year(y int) Period       { return MakePeriod(y, Annual, 0) }

// pt is a point with a value; a value of "" is a published but empty cell.
func pt(p Period, v string) Point {
	if v == "" {
		return Point{Period: p}
	}
	return Point{Period: p, Value: Some(dec(v))}
}

// The comparison every table relies on must be able to fail.
func TestMatches(t *testing.T) {
	for _, c := range []struct {
		got  string
		ok   bool
		want string
		is   bool
	}{
		{"20.000", true, "20", true},
		{"20.001", true, "20", false},
		{"6.666", true, "~6.67", true},
		{"6.664", true, "~6.67", false},
		{"0", false, "", true},
		{"0", true, "", false},
		{"0", false, "0", false},
	} {
		if got := matches(dec(c.got), c.ok, c.want); got != c.is {
			t.Errorf("matches(%s, %v, %q) = %v, want %v", c.got, c.ok, c.want, got, c.is)
		}
	}
}
