package input

import (
	"testing"

	"github.com/xuri/excelize/v2"
)

// A number cell's stored text is a double's, so zeros ending its decimals
// are no places anyone wrote: under General, and any format that does not
// fix the places, they are dropped as Excel drops them; a format with fixed
// places shows its own (10.0000000000000 formatted 0.00 is 10.00).
func TestWorkbookStoredTrailingZeros(t *testing.T) {
	checkColumn(t, []formattedCell{
		{"10.0000000000000", nil, "10"}, // excelize's 10.000000000000002
		{"8.8700000000000", nil, "8.87"},
		{"1.1300000000000", "General", "1.13"},
		{"-2.5000", nil, "-2.5"},
		{"100", nil, "100"}, // zeros before the point are the figure's
		{"0.0", nil, "0"},
		{"-0.0", nil, "0"},
		{"10.0000000000000", "0.00", "10.00"},  // fixed places: as 10 formatted 0.00
		{"8.8700000000000", "#,##0.0", "8.87"}, // never a digit rounded away
		{"10.0000000000000", 2, "10.00"},
		{"0.1310000000000", "0.0%", "13.1%"},
		{"0.1200000000000", 9, "12%"},
		{"1200.00000000000", "#,##0.0,", "1.2"},
		{"1.20000000000000E-05", "0.0E+00", "0.000012"},
	})
}

// excelize, which writes a float with at most 15 significant digits and
// keeps their zeros, reads as the same sheet saved as CSV would.
func TestWorkbookExcelizeFloats(t *testing.T) {
	path := excelizeBook(t, func(f *excelize.File, sheet string) {
		// 1.1300000000000008 is what 10.000000000000002 - 8.87 leaves.
		for i, v := range []float64{8.87, 10.000000000000002, 10.000000000000002 - 8.87, 0.1 + 0.2} {
			check(t, f.SetCellFloat(sheet, "A"+string(rune('1'+i)), v, -1, 64))
		}
	})
	if got, want := mustConvert(t, path, ""), "8.87\n10\n1.13\n0.3\n"; got != want {
		t.Errorf("read %q, want %q", got, want)
	}
}
