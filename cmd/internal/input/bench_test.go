package input

import "testing"

var benchCells = []string{"3335", "12345.67", "-500", " 0.5 ", "1,234.56", "31.7%", "", "98765.4321"}

// BenchmarkParseNumber is the general number parser, to decimal.
func BenchmarkParseNumber(b *testing.B) {
	for i := 0; i < b.N; i++ {
		ParseNumber(benchCells[i%len(benchCells)], true)
	}
}

// BenchmarkParseFixed is the fixed-point parser Row.Amount tries first.
func BenchmarkParseFixed(b *testing.B) {
	cells := make([][]byte, len(benchCells))
	for i, c := range benchCells {
		cells[i] = []byte(c)
	}
	for i := 0; i < b.N; i++ {
		parseFixed(cells[i%len(cells)])
	}
}
