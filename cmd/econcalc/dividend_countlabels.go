package main

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"econcalc/cmd/internal/input"
)

// A household table's total row often counts its households in its label
// instead of saying 合计 alone: 合计4户, 合计：4户, 总计 4 户, 共4户, 共计4户14人, 合计四户,
// or totals the rows above it: 以上合计. Paid as a household, it would take
// as much as all the others together.

// countLabel is totalRow for a cell that counts households (合计4户, 共4户,
// 共计 4 户 14 人) or totals the rows above (以上合计), subtotalRow for one
// that does so as a subtotal (小计4户, 以上小计), else dataRow.
func countLabel(cell []byte) rowKind {
	if !countLeads(cell) { // 3组, 张三: at the cost of a look at its first character
		return dataRow
	}
	label := []byte(labelName(string(cell)))
	if rest, ok := bytes.CutPrefix(label, []byte("以上")); ok {
		return kindOf(rest)
	}
	kind, counted := totalRow, false
	for _, p := range []string{"合计", "总计", "共计", "小计"} {
		if rest, ok := bytes.CutPrefix(label, []byte(p)); ok {
			label, counted = rest, true
			if p == "小计" {
				kind = subtotalRow
			}
			break
		}
	}
	for _, p := range []string{"：", ":"} {
		label = bytes.TrimPrefix(label, []byte(p))
	}
	if rest, ok := bytes.CutPrefix(label, []byte("共")); ok {
		label, counted = rest, true
	}
	if !counted {
		return dataRow
	}
	label, n := digits(label)
	if n == 0 {
		return dataRow
	}
	label, ok := bytes.CutPrefix(label, []byte("户"))
	if !ok {
		if label, ok = bytes.CutPrefix(label, []byte("戶")); !ok { // 户, traditional
			return dataRow
		}
	}
	if label, n = digits(label); n > 0 {
		if label, ok = bytes.CutPrefix(label, []byte("人")); !ok {
			return dataRow
		}
	}
	if len(label) > 0 {
		return dataRow
	}
	return kind
}

// countLeads is whether a cell, trimmed, starts as countLabel's labels
// do: 合, 总 or 總, 共, 小 or 以.
func countLeads(cell []byte) bool {
	if len(cell) < 3 {
		return false
	}
	switch string(cell[:3]) {
	case "合", "总", "總", "共", "小", "以":
		return true
	}
	return false
}

// digits is label without the digits it starts with, ASCII, full-width or
// Chinese (十二户, 两户), and how many there were.
func digits(label []byte) ([]byte, int) {
	n := 0
	for len(label) > 0 {
		r, size := utf8.DecodeRune(label)
		if !(r >= '0' && r <= '9' || r >= '０' && r <= '９' || strings.ContainsRune("〇零一二两三四五六七八九十百千", r)) {
			break
		}
		label, n = label[size:], n+1
	}
	return label, n
}

// counted is labelled of a row no label rowLabel reads made a total: a
// total or a subtotal where its id or one of cells other than the group's
// counts households (countLabel). It runs for a row whose label cells
// might hold a label (mayBeLabel), which 3组 in a group column does: it
// allocates nothing and passes such a row on a look at its first bytes.
func (l *payeeLayout) counted(rec *input.Row, cells []int) (kind rowKind, col int, err error) {
	for k := -1; k < len(cells); k++ {
		c := l.id
		if k >= 0 {
			c = cells[k]
		}
		if c < 0 || c == l.group || !mayBeLabel(rec.Fields[c]) { // not 3组 in the group column, read for each row
			continue
		}
		switch countLabel(rec.Cell(c)) {
		case totalRow:
			return totalRow, c, nil
		case subtotalRow:
			if l.totals.ignoreSubtotals {
				return subtotalRow, c, nil
			}
			return subtotalRow, c, rec.Errorf(c, "%s is a subtotal row: econcalc adds the rows itself and would count it twice; take it out, or pass --ignore-subtotals",
				input.QuoteCell(rec.Text(c)))
		}
	}
	return dataRow, -1, nil
}
