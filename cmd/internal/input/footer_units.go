package input

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// A line that gives a unit (单位：万元, 计量单位：万元, （单位：元）) is read
// above a header as the table's unit (tableunit.go). Below the table it is
// a note, as a signature is: never a row of the table (a household paid a
// share), refused without --skip-footer and passed over with it.

// isUnitRecord: a row whose first cell that is not blank gives a unit
// (unitCell), and whose other cells are blank, but the one beside a cell
// that leaves its unit to it (单位： | 万元, 单位 | 万元).
func isUnitRecord(fields []string) bool {
	for i, f := range fields {
		if len(f) > 0 && f[0] > ' ' && f[0] < utf8.RuneSelf {
			return false // an ASCII id: no unit
		}
		if strings.TrimSpace(f) == "" {
			continue
		}
		c, ok := unitLabelled(f)
		if !ok {
			return false
		}
		rest := fields[i+1:]
		if givesUnit(c, "") {
			return allEmpty(rest)
		}
		if len(rest) == 0 {
			return false
		}
		// The unit beside: one econcalc knows, or a cell of the table
		// (单位,金台村) it is not.
		_, known := unitsOf(strings.TrimSpace(rest[0]))
		return known && givesUnit(c, rest[0]) && allEmpty(rest[1:])
	}
	return false
}

// givesUnit: whether a cell that opens with 单位 (unitLabelled) gives after
// its mark what the unit is, in the cell or in next: 单位：万元, 单位:元,
// （单位：万元）, 单位（亿元）, 单位：个. 单位名称 and 单位负责人 give none; 填报单位
// is a signature's (footer_labels.go).
func givesUnit(c, next string) bool {
	for _, value := range unitValues(c, next) {
		return strings.Trim(value, unitMarks+unitCloses) != ""
	}
	return false
}

// unitLabelled: whether a cell opens with the word of a unit line (单位,
// 金额单位, 计量单位…), after spaces and an opening bracket, and the cell
// from that word on. A look at the first rune passes every other cell.
func unitLabelled(cell string) (string, bool) {
	c := strings.TrimSpace(cell)
	if len(c) < len("单位") || c[0] < utf8.RuneSelf && c[0] != '(' && c[0] != '[' {
		return "", false
	}
	switch r, _ := utf8.DecodeRuneInString(c); r {
	case '单', '金', '计', '货', '数', '表', '(', '（', '[', '［', '【', '〔':
	default:
		return "", false
	}
	c = strings.TrimLeft(c, unitOpens+" \u3000")
	head, _, found := strings.Cut(c, "单位")
	return c, found && (head == "" || slices.Contains(unitWords, head))
}
