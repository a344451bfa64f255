package input

import (
	"bufio"
	"io"
	"slices"
	"strings"
)

// table holds the rows with content as CSV text until the sheet's width is
// known, then writes every row padded to it. Columns before the first with
// content in any row (a table that starts in column B) are left out, for
// they would be columns without a name.
type table struct {
	text  []byte
	rows  []tableRow
	width int
	empty int // the columns before the first with content; -1 before any row

	merges []mergeRange // the sheet's merged ranges (workbook_merged.go)
}

type tableRow struct{ number, end, fields int }

func (t *table) add(number int, cells []string) {
	last := len(cells) - 1
	for last >= 0 && cells[last] == "" {
		last--
	}
	if last < 0 {
		return
	}
	first := 0
	for cells[first] == "" {
		first++
	}
	if t.empty < 0 || first < t.empty {
		t.empty = first
	}
	t.text = appendFields(t.text, cells[:last+1])
	t.rows = append(t.rows, tableRow{number, len(t.text), last + 1})
	t.width = max(t.width, last+1)
}

// appendFields appends cells to text as a CSV line, without its newline.
func appendFields(text []byte, cells []string) []byte {
	for i, f := range cells {
		if i > 0 {
			text = append(text, ',')
		}
		if strings.ContainsAny(f, ",\"\r\n") {
			f = `"` + strings.ReplaceAll(f, `"`, `""`) + `"`
		}
		text = append(text, f...)
	}
	return text
}

// replace writes the row numbered number anew with cells, which have
// content in the same columns as its own (a header cell that takes a unit).
func (t *table) replace(number int, cells []string) {
	i := slices.IndexFunc(t.rows, func(r tableRow) bool { return r.number == number })
	if i < 0 {
		return
	}
	start := 0
	if i > 0 {
		start = t.rows[i-1].end
	}
	fresh := appendFields(nil, cells[:t.rows[i].fields])
	shift := len(fresh) - (t.rows[i].end - start)
	t.text = slices.Concat(t.text[:start], fresh, t.text[t.rows[i].end:])
	for j := i; j < len(t.rows); j++ {
		t.rows[j].end += shift
	}
}

func (t *table) writeTo(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	line, start := 1, 0
	for _, r := range t.rows {
		for ; line < r.number; line++ {
			bw.WriteByte('\n')
		}
		bw.Write(t.text[start+t.empty : r.end]) // the empty columns' commas left out
		for i := r.fields; i < t.width; i++ {
			bw.WriteByte(',')
		}
		bw.WriteByte('\n')
		line, start = line+1, r.end
	}
	return bw.Flush()
}

// firstColumn is the sheet's first column written, as Excel numbers it
// (1 for A, 2 for a table that starts in column B).
func (t *table) firstColumn() int { return max(t.empty, 0) + 1 }
