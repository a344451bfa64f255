package report

import (
	"bytes"
	"fmt"
	"testing"
)

// villageColumns are twelve columns, the first text, the rest exact: a
// province's villages.
func villageColumns() ([]Column, []string) {
	cols := make([]Column, 12)
	titles := make([]string, 12)
	for i := range cols {
		cols[i] = Column{Key: fmt.Sprint(i), Kind: ExactKind}
		titles[i] = fmt.Sprintf("title %d", i)
	}
	cols[0].Kind = TextKind
	return cols, titles
}

// BenchmarkTable draws a 5,000-row, 12-column ASCII table (a province's
// villages).
func BenchmarkTable(b *testing.B) {
	cols, titles := villageColumns()
	for i := 0; i < b.N; i++ {
		f := &tableFormatter{}
		f.Header(cols, titles)
		for r := 0; r < 5000; r++ {
			row := make([]Rendered, 12)
			row[0] = Rendered{S: fmt.Sprintf("V%05d", r)}
			for c := 1; c < 12; c++ {
				row[c] = Rendered{S: fmt.Sprint(r * c), IsNum: true}
			}
			f.Row(row)
		}
		var buf bytes.Buffer
		f.Finish(&buf)
	}
}
