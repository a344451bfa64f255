package input

import (
	"errors"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"econcalc/calc"

	"github.com/shopspring/decimal"
)

var acceptedNumbers = []struct {
	cell    string
	percent bool
	want    string // as exactString prints it: the digits as written
}{
	{"1234.56", false, "1234.56"},
	{"-3", false, "-3"},
	{"+3", false, "3"},
	{" 12 ", false, "12"},
	{"\t12\n", false, "12"},
	{"0", false, "0"},
	{"007", false, "7"},
	{"1.10", false, "1.10"}, // trailing zeros kept
	{"1,234.56", false, "1234.56"},
	{"1,234,567", false, "1234567"},
	{"-1,234.50", false, "-1234.50"},
	{"+1,234", false, "1234"},
	{"123,456", false, "123456"},
	{"31.7%", true, "31.7"},
	{" 31.7 % ", true, "31.7"},
	{"31.7", true, "31.7"}, // the % is optional
	{"-5%", true, "-5"},
	{"1,234.5%", true, "1234.5"},
	// A bare leading or trailing point: one digit and a point is a number,
	// as spreadsheets and strconv read it.
	{".5", false, "0.5"},
	{"-.5", false, "-0.5"},
	{"+.5", false, "0.5"},
	{"5.", false, "5"},
	{"1,234.", false, "1234"},
	{"123456789012345678901234567890", false, "123456789012345678901234567890"}, // 30 digits, the most
	{"12345678901234567890.1234567890", false, "12345678901234567890.1234567890"},
	// Typed with a Chinese input method: full-width digits, signs, point and
	// percent, the Unicode minus.
	{"１２", false, "12"},
	{"３８", false, "38"},
	{"－4.5", false, "-4.5"},
	{"−4.5", false, "-4.5"},
	{"＋３", false, "3"},
	{"１２．５０", false, "12.50"},
	{"４.５％", true, "4.5"},
	{"4.5 ％", true, "4.5"},
	{"　4.5　", false, "4.5"}, // ideographic spaces around it
	// The full-width comma separates thousands as the comma does.
	{"１，２３４．５", false, "1234.5"},
	{"1，234，567", false, "1234567"},
	{"－１，２３４", false, "-1234"},
	{"１，２３４．５％", true, "1234.5"},
}

func TestParseNumberAccepts(t *testing.T) {
	for _, c := range acceptedNumbers {
		d, ok, err := ParseNumber(c.cell, c.percent)
		if err != nil || !ok || exactString(d) != c.want {
			t.Errorf("ParseNumber(%q, %v) = %s, %v, %v; want %s", c.cell, c.percent, exactString(d), ok, err, c.want)
		}
	}
}

func TestParseNumberRejects(t *testing.T) {
	for _, c := range []struct {
		cell    string
		percent bool
	}{
		{"12..5", false}, {"1.2.3", false}, {".", false}, {"-", false}, {"+", false},
		{"1e5", false}, {"1E5", false}, {"1.2E+07", false}, {"0x10", false}, {"1_000", false},
		{"1,23", false}, {"1,2345", false}, {",123", false}, {"1,,234", false}, {"1234,567", false},
		{"1,234.5,6", false}, {"-,123", false},
		{"abc", false}, {"NaN", false}, {"Inf", false}, {"1 234", false},
		{"４.５％", false}, {"(4.5", false}, {"4.5)", false}, {"()", false},
		{"31.7%", false}, {"31.7%%", true}, {"%", true}, {"%31.7", true},
		{"--1", false}, {"+-1", false}, {"-+1", false}, {"1-", false},
		// The full-width comma, refused where the comma is.
		{"１，２３", false}, {"1，2345", false}, {"，123", false}, {"1，，234", false},
		{"１２３４，５６７", false}, {"1，234.5，6", false}, {"－，123", false},
		// A first group of 0 is a decimal comma (0,123 is 0.123 in Europe),
		// or a zero padded (01,234): no thousands number either way.
		{"0,123", false}, {"0，123", false}, {"０，１２３", false}, {"-0,123", false},
		{"0,123.5", false}, {"01,234", false}, {"00,123,456", false}, {"0,123%", true},
	} {
		d, ok, err := ParseNumber(c.cell, c.percent)
		if !errors.Is(err, errNotNumber) || ok {
			t.Errorf("ParseNumber(%q, %v) = %s, %v, %v; want errNotNumber", c.cell, c.percent, d, ok, err)
		}
	}
	// An accounting negative is not guessed at: the message says what to write.
	for _, cell := range []string{"(4.5)", "(1,234)", "（４.５）", " (3) ", "（１，２３４）"} {
		if d, ok, err := ParseNumber(cell, false); !errors.Is(err, errAccountingForm) || ok {
			t.Errorf("ParseNumber(%q) = %s, %v, %v; want errAccountingForm", cell, d, ok, err)
		}
	}
	for _, cell := range []string{
		"1234567890123456789012345678901",  // 31 digits
		"123456789012345678901.2345678901", // 31 digits with a point
		"00001234567890123456789012345678901",
	} {
		if d, ok, err := ParseNumber(cell, false); !errors.Is(err, errTooManyDigits) || ok {
			t.Errorf("ParseNumber(%q) = %s, %v, %v; want errTooManyDigits", cell, d, ok, err)
		}
	}
}

// An empty cell is missing: not zero, and not an error.
func TestParseNumberMissing(t *testing.T) {
	for _, cell := range []string{"", " ", "\t"} {
		for _, percent := range []bool{false, true} {
			if _, ok, err := ParseNumber(cell, percent); ok || err != nil {
				t.Errorf("ParseNumber(%q, %v): ok %v, err %v; want missing (false, nil)", cell, percent, ok, err)
			}
		}
	}
}

// Every value parseNumber accepts must be readable again as econcalc prints
// it. The digit limit counts the digits as written, so ".000…01" (30 digits)
// is accepted but its own printed form "0.000…01" (31 digits) is not.
// FuzzParseNumber found the second case.
var unreadableOwnOutput = []string{
	"." + strings.Repeat("0", 29) + "1",
	"." + strings.Repeat("0", 30),
}

func TestParseNumberReadsItsOwnOutput(t *testing.T) {
	for _, cell := range unreadableOwnOutput {
		checkRoundTrip(t, cell, false)
	}
}

// checkRoundTrip parses cell and, if it is a number, parses its String and
// its exactString back, which must give an equal value.
func checkRoundTrip(t *testing.T, cell string, percent bool) {
	t.Helper()
	d, ok, err := ParseNumber(cell, percent)
	if err != nil && ok {
		t.Fatalf("ParseNumber(%q): ok with error %v", cell, err)
	}
	if err == nil && !ok && strings.TrimSpace(cell) != "" {
		t.Fatalf("ParseNumber(%q): missing, but the cell is not blank", cell)
	}
	if !ok {
		return
	}
	for _, s := range []string{d.String(), exactString(d)} {
		back, ok, err := ParseNumber(s, false)
		if err != nil || !ok || !back.Equal(d) {
			t.Fatalf("ParseNumber(%q) = %s, but ParseNumber(%q) = %s, %v, %v", cell, d, s, back, ok, err)
		}
		if viaLibrary, err := decimal.NewFromString(s); err != nil || !viaLibrary.Equal(d) {
			t.Fatalf("ParseNumber(%q) = %s, but decimal.NewFromString(%q) = %s, %v", cell, d, s, viaLibrary, err)
		}
	}
}

// FuzzParseNumber: parseNumber never panics, an error is never ok, only a
// blank cell is missing, and what it accepts reads back equal from its own
// String and exactString.
func FuzzParseNumber(f *testing.F) {
	for _, c := range acceptedNumbers {
		f.Add(c.cell, c.percent)
	}
	for _, s := range []string{"", "12..5", "1e5", "1,23", "--1", "1,234.5,6", "%"} {
		f.Add(s, true)
	}
	f.Fuzz(checkRoundTrip)
}

// checkFixedAgrees: where parseFixed reads a cell, parseNumber reads the
// same amount with the same number of decimals; a blank cell is blank to
// both; and a plain amount of at most 18 digits within the fixed-point
// range is never refused.
func checkFixedAgrees(t *testing.T, cell string) {
	v, places, empty, ok := parseFixed([]byte(cell))
	d, present, err := ParseNumber(cell, false)
	switch {
	case empty:
		if present || err != nil {
			t.Fatalf("%q: parseFixed blank, parseNumber %v %v", cell, d, err)
		}
	case ok:
		if err != nil || !present {
			t.Fatalf("%q: parseFixed %d, parseNumber %v %v", cell, v, present, err)
		}
		if want := decimal.New(v, -calc.FixedScale); !want.Equal(d) || int(-d.Exponent()) != places {
			t.Fatalf("%q: parseFixed %s with %d places, parseNumber %s", cell, want, places, d)
		}
	case err == nil && present && plainAmount.MatchString(cell) && d.Abs().LessThan(decimal.New(calc.FixedLimit, -calc.FixedScale)) && -d.Exponent() <= calc.FixedScale && len(digitsOnly.FindAllString(cell, -1)) <= 18:
		t.Fatalf("%q: parseFixed refused a plain amount within range (%s)", cell, d)
	}
}

var plainAmount, digitsOnly = regexp.MustCompile(`^ *[+-]?[0-9]*\.?[0-9]* *$`), regexp.MustCompile(`[0-9]`)

func TestParseFixedAgrees(t *testing.T) {
	for _, cell := range []string{"", "  ", "0", "-0", "+5", "3335", " 12.5 ", "1.50", ".5", "5.", "-748.0",
		"99999999.9999", "100000000", "-99999999.9999", "0.00001", "1.2.3", "-", ".", "+-5", "1 2", "1,234.56",
		"000000000000000000012.5", "9223372036854775808", "31.7%", "12a"} {
		checkFixedAgrees(t, cell)
	}
}

func FuzzParseFixed(f *testing.F) {
	for _, s := range []string{"", "3335", " -12.50 ", ".5", "99999999.9999", "1e5", "0000000000000000001"} {
		f.Add(s)
	}
	f.Fuzz(checkFixedAgrees)
}

// exactString prints a decimal with every digit it carries.
func exactString(d decimal.Decimal) string { return d.StringFixed(max(0, -d.Exponent())) }

// TestSumFixedCellIsParseNumber: where sumFixed reads a single cell, ParseNumber
// reads the same amount with as many decimals; where it stops at one, the
// cell is not a bare amount (at most 12 bytes: a minus sign, then digits
// with at most one point, nothing around them) of at most
// calc.FixedScale decimals below calc.FixedLimit. Cells are random runs of
// digits, signs, points, spaces, letters and full-width digits, up to 24
// bytes.
func TestSumFixedCellIsParseNumber(t *testing.T) {
	rng := rand.New(rand.NewPCG(23, 29))
	bare := regexp.MustCompile(`^-?[0-9]*\.?[0-9]*$`)
	for trial := 0; trial < 300000; trial++ {
		cell := randomAmountCell(rng)
		v, places, any, k := sumFixed([][]byte{cell}, []int{0})
		ok := k == 1 && any
		d, present, err := ParseNumber(string(cell), false)
		if ok {
			if err != nil || !present || !decimal.New(v, -calc.FixedScale).Equal(d) || int(-d.Exponent()) != places {
				t.Fatalf("%q: sumFixed %d with %d places, ParseNumber %v %v %v", cell, v, places, d, present, err)
			}
			continue
		}
		if err == nil && present && bare.Match(cell) && len(cell) <= 12 &&
			-d.Exponent() <= calc.FixedScale && d.Abs().LessThan(decimal.New(calc.FixedLimit, -calc.FixedScale)) {
			t.Fatalf("%q: sumFixed refused a bare amount within range (%s)", cell, d)
		}
	}
	for _, cell := range []string{"", " 1", "1 ", "+1", "-", ".", "-.", "1.2.3", "1.23456", "100000000", "1234567890123456789", "0000000000012", "-", "-.5.", "5-"} {
		if v, _, _, k := sumFixed([][]byte{[]byte(cell)}, []int{0}); k == 1 && cell != "" {
			t.Errorf("%q: sumFixed read %d; it is parseFixed's or parseNumber's", cell, v)
		}
	}
	for cell, want := range map[string]int64{"99999999.999": 999999999990, "-99999999.99": -999999999900, "-0": 0, ".5": 5000, "5.": 50000, "-748.0": -7480000, "000000012.50": 125000, "159.47": 1594700} {
		if v, _, any, k := sumFixed([][]byte{[]byte(cell)}, []int{0}); k != 1 || !any || v != want {
			t.Errorf("%q: sumFixed %d %v %d, want %d", cell, v, any, k, want)
		}
	}
}
