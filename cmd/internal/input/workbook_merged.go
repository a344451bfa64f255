package input

import (
	"cmp"
	"encoding/csv"
	"slices"
	"strconv"
	"strings"
)

// Merged cells. Excel shows the value of a merged range's top-left cell
// over the whole range, and saves it in that cell alone: a village name
// merged down over its households (B2:B3, 新村 in B2) is read as B2's
// value in each of the range's rows, as Excel shows it, where B3 was
// empty ("empty village name").
//
// Only ranges below the header are filled: a title merged across the top
// of the sheet, or a header cell merged down over a second header line,
// are the header's, read as they were. Only down: a range across columns
// shows its value once, in its first column, as it is read in its top row
// (a note or a 合计 label merged across a row is not repeated in each
// column). A number merged down is filled down too, as a label (村代码
// 421001 over a village's households, 年份 2017, a period), but marked
// (markMerged) where it is filled: read as an amount (Row.Amount, Sum,
// Count, Number) it is refused, naming the range, for one amount over two
// rows is one figure, which, filled down, would be counted once a row,
// and left in its top row would be that row's alone. Read as text (Cell,
// Text) the mark is trimmed as a space is.

// mergeRange is a merged range of cells, by Excel's 1-based rows and
// columns.
type mergeRange struct{ top, left, bottom, right int }

// mergeOf reads a merged range's reference ("B2:B3").
func mergeOf(ref string) (mergeRange, bool) {
	from, to, ok := strings.Cut(ref, ":")
	if !ok {
		return mergeRange{}, false
	}
	top, left := cellAt(from)
	bottom, right := cellAt(to)
	if top == 0 || bottom < top || right < left {
		return mergeRange{}, false
	}
	return mergeRange{top, left, bottom, right}, true
}

// cellAt is the row and column of a cell reference such as "B7"; row 0
// when it is none.
func cellAt(ref string) (row, col int) {
	ref = strings.ReplaceAll(ref, "$", "")
	if col = columnOf(ref); col == 0 {
		return 0, 0
	}
	row, err := strconv.Atoi(strings.TrimLeft(ref, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"))
	if err != nil || row < 1 || row > maxSheetRows {
		return 0, 0
	}
	return row, col
}

func (m mergeRange) String() string {
	return columnName(m.left) + strconv.Itoa(m.top) + ":" + columnName(m.right) + strconv.Itoa(m.bottom)
}

// headerRow is the header's row, as the reader finds it: the one units
// found, or the first row with content below the lines --skip passes over.
func (t *table) headerRow(units *scaleCheck, skip int) int {
	if units != nil && units.header > 0 {
		return units.header
	}
	for _, r := range t.rows {
		if r.number > skip {
			return r.number
		}
	}
	return 0
}

// fillMerged writes the value of each range merged down below the header
// row into the cells of its first column in the rows below its top (rows
// with content of their own), a number marked (markMerged).
func (t *table) fillMerged(file string, header int) error {
	if len(t.merges) == 0 {
		return nil
	}
	fills := map[int]map[int]string{} // by row, by column: the value written there
	for _, m := range t.merges {
		if m.top <= header || m.bottom == m.top {
			continue // the header's or a title's; or across a row only
		}
		v := t.cell(m.top, m.left)
		if strings.TrimSpace(v) == "" {
			continue
		}
		fill := v
		if isNumber(v, true) {
			fill = markMerged(v, m)
		}
		for row := m.top + 1; row <= m.bottom; row++ {
			if fills[row] == nil {
				fills[row] = map[int]string{}
			}
			fills[row][m.left] = fill
		}
	}
	if len(fills) == 0 {
		return nil
	}
	text := make([]byte, 0, len(t.text))
	start := 0
	for i, r := range t.rows {
		line := t.text[start:r.end]
		start = r.end
		if f := fills[r.number]; f != nil {
			cells := splitLine(line)
			for col, v := range f {
				for len(cells) < col {
					cells = append(cells, "")
				}
				cells[col-1] = v
			}
			line = appendFields(nil, cells)
			t.rows[i].fields = len(cells)
			t.width = max(t.width, len(cells))
		}
		text = append(text, line...)
		t.rows[i].end = len(text)
	}
	t.text = text
	return nil
}

// cell is the value of the cell at row and col, "" when it is empty.
func (t *table) cell(row, col int) string {
	i, found := slices.BinarySearchFunc(t.rows, row, func(r tableRow, n int) int { return cmp.Compare(r.number, n) })
	if !found {
		return ""
	}
	start := 0
	if i > 0 {
		start = t.rows[i-1].end
	}
	if cells := splitLine(t.text[start:t.rows[i].end]); col <= len(cells) {
		return cells[col-1]
	}
	return ""
}

// splitLine splits one of the table's CSV lines (appendFields) into its
// cells.
func splitLine(line []byte) []string {
	r := csv.NewReader(strings.NewReader(string(line)))
	r.FieldsPerRecord = -1
	cells, err := r.Read()
	if err != nil {
		return nil
	}
	return cells
}
