package input

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// A number filled down from a merged range (fillMerged) is written with a
// mark after it: a vertical tab, which no worksheet cell holds (XML 1.0
// has no such character), then the range's top, left, bottom and right as
// digits written in the spaces U+2000 (0) to U+2009 (9), apart by U+200A.
// Every character of the mark is a space to bytes.TrimSpace, so the cell
// read as text (Cell, Text, a period, a code) is the number as Excel shows
// it; read as an amount the vertical tab stops the fixed-point reader, and
// the decimal one (Row.parse) finds the mark and refuses the cell
// (mergedError). A CSV file's cells cost nothing more: only a cell that is
// no plain number reaches the decimal reader.

const (
	mergeMark  = '\v'
	mergeDigit = '\u2000' // U+2000 to U+2009: 0 to 9
	mergeSep   = '\u200A'
)

// markMerged is a number filled down from the merged range m, marked.
func markMerged(v string, m mergeRange) string {
	var b strings.Builder
	b.WriteString(v)
	b.WriteByte(mergeMark)
	for i, n := range []int{m.top, m.left, m.bottom, m.right} {
		if i > 0 {
			b.WriteRune(mergeSep)
		}
		for _, d := range fmt.Sprint(n) {
			b.WriteRune(mergeDigit + d - '0')
		}
	}
	return b.String()
}

// mergedOf reads a cell markMerged wrote: the number and its range; ok is
// false for any other cell.
func mergedOf(cell string) (v string, m mergeRange, ok bool) {
	v, mark, found := strings.Cut(cell, string(mergeMark))
	if !found {
		return "", m, false
	}
	var n [4]int
	i := 0
	for _, r := range mark {
		switch {
		case r == mergeSep && i < 3:
			i++
		case r >= mergeDigit && r <= mergeDigit+9:
			n[i] = n[i]*10 + int(r-mergeDigit)
		default:
			return "", m, false
		}
		if n[i] > maxSheetRows {
			return "", m, false
		}
	}
	if i != 3 || !utf8.ValidString(mark) {
		return "", m, false
	}
	return strings.TrimSpace(v), mergeRange{n[0], n[1], n[2], n[3]}, true
}

// mergedError is the error for reading a number filled down from a merged
// range as an amount, or nil for a cell markMerged did not write.
func (r *Row) mergedError(col int, cell string) error {
	v, m, ok := mergedOf(cell)
	if !ok {
		return nil
	}
	return r.Errorf(col, "%s is merged over rows %d to %d (%s) and read here as an amount: one figure for %d rows is no figure for each; unmerge the cells and give each row its own figure",
		QuoteCell(v), m.top, m.bottom, m, m.bottom-m.top+1)
}
