package input

import (
	"testing"

	"github.com/shopspring/decimal"
)

// A percent format's sign, in the section that applies, scales the number;
// one in quotes or escaped is literal text, shown after the number unscaled
// (Excel shows 0.12 formatted 0.0"%" as 0.1%), so the cell reads as stored.
func TestPercentFormatOf(t *testing.T) {
	type shows struct{ signs, places int }
	cases := []struct {
		code                     string
		positive, negative, zero shows
	}{
		{builtinNumberFormats[9], shows{1, 0}, shows{1, 0}, shows{1, 0}},  // 0%
		{builtinNumberFormats[10], shows{1, 2}, shows{1, 2}, shows{1, 2}}, // 0.00%
		{"0.0%", shows{1, 1}, shows{1, 1}, shows{1, 1}},
		{"#,##0.00%", shows{1, 2}, shows{1, 2}, shows{1, 2}},
		{"0.0%_);(0.0%)", shows{1, 1}, shows{1, 1}, shows{1, 1}},
		{"[Red]0.0%", shows{1, 1}, shows{1, 1}, shows{1, 1}},  // a colour changes nothing
		{"0;0%", shows{}, shows{1, 0}, shows{}},               // two sections: zero is positive
		{`0.0%;-0.0%;"-"`, shows{1, 1}, shows{1, 1}, shows{}}, // zero shows a dash, no percentage
		{"0%%", shows{2, 0}, shows{2, 0}, shows{2, 0}},        // each sign times 100
		{`0.0"%"`, shows{}, shows{}, shows{}},                 // quoted: literal text
		{`0\%`, shows{}, shows{}, shows{}},                    // escaped: literal text
		{`0_%`, shows{}, shows{}, shows{}},                    // the width of a %, as a space
		{`[$%-409]0`, shows{}, shows{}, shows{}},              // in brackets
		{`0.0" ; %"`, shows{}, shows{}, shows{}},              // a quoted semicolon splits nothing
		{"0.00", shows{}, shows{}, shows{}},
		{"General", shows{}, shows{}, shows{}},
		{"", shows{}, shows{}, shows{}},
	}
	for _, c := range cases {
		p := percentFormatOf(c.code)
		for sign, want := range []shows{c.positive, c.negative, c.zero} {
			if want.signs == 0 {
				want.places = 0 // the zero value: no percentage
			}
			if got := (shows{p.s[sign].signs, p.s[sign].places}); got != want {
				t.Errorf("%s, section for %s: %+v, want %+v", c.code, []string{"positive", "negative", "zero"}[sign], got, want)
			}
		}
	}
}

// The decimal point moves two places per sign, in the text: no rounding, no
// binary floating point.
func TestAsPercent(t *testing.T) {
	for _, c := range []struct {
		v             string
		signs, places int
		want          string
	}{
		{"0.131", 1, -1, "13.1%"},
		{"1", 1, 0, "100%"},
		{"-0.05", 1, 0, "-5%"},
		{"0.015", 1, 1, "1.5%"},
		{"0.12", 1, 1, "12.0%"},    // the zeros 0.0% shows, as Excel's CSV writes them
		{"0.12", 1, 2, "12.00%"},   // 0.00%
		{"0.1234", 1, 0, "12.34%"}, // never a digit rounded away
		{"0.120", 1, -1, "12.0%"},  // a stored zero kept
		{"0", 1, 0, "0%"},
		{"12.5", 1, 0, "1250%"},
		{"0.0005", 1, 0, "0.05%"},
		{"0.0123", 2, 0, "123%%"}, // 0%%: times 10,000
		{"#N/A", 1, 0, "#N/A"},    // no number
	} {
		if got := asPercent(c.v, c.signs, 0, c.places); got != c.want {
			t.Errorf("asPercent(%s, %d, %d) = %s, want %s", c.v, c.signs, c.places, got, c.want)
		}
	}
}

// A sheet of percentages reads as the CSV Excel saves from it: 12% is the
// number 0.12 formatted 0%, and Excel's CSV writes 12%, which econcalc reads
// as 12 (percent). A % in quotes or escaped is text after the number, which
// is read as stored.
func TestWorkbookPercentReadsAsCSV(t *testing.T) {
	checkColumn(t, []formattedCell{
		{"0.12", 9, "12%"},
		{"0.1234", 10, "12.34%"},
		{"0.131", "0.0%", "13.1%"},
		{"0.13100000000000001", "0.0%", "13.1%"}, // 15 digits first, as Excel shows them
		{"1", 9, "100%"},
		{"-0.05", 9, "-5%"},
		{"1.5E-2", "0.0%", "1.5%"},
		{"0.12", "0.0%", "12.0%"},
		{"12345.6789", "#,##0.00%", "1234567.89%"},
		{"-0.05", "0.0%_);(0.0%)", "-5.0%"},
		{"0", `0.0%;-0.0%;"-"`, "0"}, // the zero section: no percentage
		{"-0.05", "0;0%", "-5%"},     // the negative section is a percentage
		{"5", "0;0%", "5"},           // the positive one is not
		{"0.12", `0.0"%"`, "0.12"},   // Excel: 0.1%, the number unscaled
		{"12", `0\%`, "12"},          // Excel: 12%, the number unscaled
		{"0.12", "General", "0.12"},
	})
}

// A comma after the last digit of a format shows the number in thousands,
// two in millions: 72000000 formatted #,##0.0,, is 72.0 (in 百万元), as
// Excel shows it and saves it as CSV; a comma between digits only groups.
func TestScalingCommas(t *testing.T) {
	for code, want := range map[string]int{
		"#,##0": 0, "#,##0,": 1, "#,##0.0,,": 2, `0.0,,"百万"`: 2, `0,"千"`: 1, `"a,b"0`: 0,
		"0.00": 0, "General": 0, `0\,`: 0, "#,##0,,;-#,##0,,": 2,
	} {
		if got := scalingCommas(formatSections(code)[0]); got != want {
			t.Errorf("scalingCommas(%q) = %d, want %d", code, got, want)
		}
	}
	checkColumn(t, []formattedCell{
		{"72000000", "#,##0.0,,", "72.0"},
		{"72123456", "#,##0.0,,", "72.123456"}, // never a digit rounded away
		{"-1500", "#,##0,", "-1.5"},
		{"0.5", "0,%", "0.05%"}, // ÷ 1000 × 100
	})
}

// A decimal point written as text (0!.0000, 0\.0000, 0"."0000) shows the
// number in 万: 123456 is 12.3456, every digit kept; with a scaling comma,
// in 千万. A scaling format that writes a unit beside the number shows it in
// that unit, which the header does not say: such a cell is refused.
func TestLiteralPointAndUnit(t *testing.T) {
	for code, want := range map[string]int{
		"0!.0000": 4, `0\.0000`: 4, `0"."0000`: 4, "0!.0,": 1, "0.00": 0, "0": 0, `0"元"`: 0, "#,##0.0,,": 0,
	} {
		if got := literalPoint(formatSections(code)[0]); got != want {
			t.Errorf("literalPoint(%q) = %d, want %d", code, got, want)
		}
	}
	for code, want := range map[string]string{
		`#,##0,"千元"`: "千元", `0.0,"万"`: "万", `0"元"`: "元", "0.00": "", `"合计"0`: "",
	} {
		if got := literalUnit(formatSections(code)[0]); got != want {
			t.Errorf("literalUnit(%q) = %q, want %q", code, got, want)
		}
	}
	checkColumn(t, []formattedCell{
		{"123456", "0!.0000", "12.3456"},
		{"123456", `0"."0000`, "12.3456"},
		{"-123456", `0\.0000`, "-12.3456"},
		{"120000", "0!.0000", "12.0000"},
		{"123456", "0!.0,", "12.3456"}, // ÷ 1000 ÷ 10: shown 12.3, read with every digit
		{"1234", `0"元"`, "1234"},       // a unit beside an unscaled number: as stored
	})
}

// Sections with conditions are picked by them, as Excel picks them, not by
// sign: [>=100000]0.0,,;0 shows 72000000 in millions and 15 as it is.
func TestWorkbookConditionalSections(t *testing.T) {
	checkColumn(t, []formattedCell{
		{"72000000", "[>=100000]0.0,,;0", "72.0"},
		{"15", "[>=100000]0.0,,;0", "15"},
		{"72000000", "[<100000]0;0.0,,", "72.0"},
		{"0.131", "[<0]-0.0;0.0%", "13.1%"},
		{"-0.5", "[<0]-0.0;0.0%", "-0.5"},
		{"5", "[=1]0;[>10]0.0,;0%", "500%"}, // neither condition: the third section
		{"20000", "[=1]0;[>10]0.0,;0%", "20.0"},
	})
	for code, want := range map[string]condition{
		"[>=100000]0.0,,": {">=", decimal.NewFromInt(100000)}, "[Red][<0]0": {"<", decimal.Zero}, "[Red]0": {}, "0": {},
	} {
		if got := conditionOf(code); got.op != want.op || !got.v.Equal(want.v) {
			t.Errorf("conditionOf(%q) = %v, want %v", code, got, want)
		}
	}
}
