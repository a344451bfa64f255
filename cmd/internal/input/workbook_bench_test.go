package input

import (
	"fmt"
	"io"
	"testing"

	"github.com/xuri/excelize/v2"
)

func BenchmarkConvertWorkbook(b *testing.B) {
	path := excelizeBook(b, func(f *excelize.File, sheet string) {
		w, err := f.NewStreamWriter(sheet)
		check(b, err)
		check(b, w.SetRow("A1", []any{"户编号", "村", "家庭人口", "工资性收入", "经营净收入", "转移净收入"}))
		for i := 2; i <= 100_001; i++ {
			cell, _ := excelize.CoordinatesToCellName(1, i)
			check(b, w.SetRow(cell, []any{fmt.Sprintf("LJ%06d", i), "罗建村", i%6 + 1, float64(i) * 1.1, i * 3, 0.5}))
		}
		check(b, w.Flush())
	})
	b.ResetTimer()
	for b.Loop() {
		if _, err := convertWorkbook(path, "book.xlsx", Options{}, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
