package main

import (
	"bytes"
	"slices"
	"unicode"
	"unicode/utf8"
)

// The labels of total and subtotal rows, read from a cell: what kindOf
// takes for one, and the quick looks at a cell's first and last bytes that
// let the usual row pass without a look at its text.

// kindOf reads a label, trimmed, in any case and with the spaces that align
// 合　计 in a printed table taken out, and without a colon or a note in
// brackets at its end (合计：, 合计（户）, 全县（区）): 合计, 总计, 全部, 总体,
// 全省, 全市, 全县, 全区, 全镇, 全乡, 全村, total, all or sum is a total, and
// so is a label that ends 合计, 总计, 共计 or total (全区合计, 县合计,
// Grand total); 小计, subtotal or a label that ends 小计 (罗建村小计) is a
// subtotal, and so is a breakdown, 其中… (isBreakdown). It is called for
// every row, so it rules out most labels by their first and last bytes.
func kindOf(cell []byte) rowKind {
	kind, _ := labelKind(cell)
	return kind
}

// labelKind is kindOf, and whether the label is only a place or "all"
// (全县, 全部, all: placeLabels), which may name a row's area as well as
// total it.
func labelKind(cell []byte) (kind rowKind, place bool) {
	if len(cell) < 3 || !maybeLabel(cell) && !maybeLabelEnd(cell) {
		return dataRow, false
	}
	if isBreakdown(cell) {
		return subtotalRow, false
	}
	for len(cell) > maxLabel && (bytes.HasSuffix(cell, []byte("）")) || bytes.HasSuffix(cell, []byte(")"))) {
		i := max(bytes.LastIndex(cell, []byte("（")), bytes.LastIndexByte(cell, '(')) // a long note: 合计（注：…）
		if i <= 0 {
			break
		}
		cell = bytes.TrimSpace(cell[:i])
	}
	if len(cell) > maxLabel {
		return dataRow, false
	}
	var buf [maxLabel + utf8.UTFMax]byte
	label := buf[:0]
	for _, r := range string(cell) {
		switch {
		case unicode.IsSpace(r):
		case r < utf8.RuneSelf:
			label = append(label, byte(unicode.ToLower(r)))
		default:
			label = utf8.AppendRune(label, r)
		}
	}
	label = labelStem(label)
	if slices.Contains(placeLabels, string(label)) {
		return totalRow, true
	}
	switch string(label) {
	case "合计", "总计", "total":
		return totalRow, false
	case "小计", "subtotal", "sub-total":
		return subtotalRow, false
	}
	switch {
	case bytes.HasSuffix(label, []byte("小计")) || bytes.HasSuffix(label, []byte("subtotal")) || bytes.HasSuffix(label, []byte("sub-total")):
		return subtotalRow, false
	case bytes.HasSuffix(label, []byte("合计")) || bytes.HasSuffix(label, []byte("总计")) ||
		bytes.HasSuffix(label, []byte("共计")) || bytes.HasSuffix(label, []byte("total")):
		return totalRow, false
	}
	return dataRow, false
}

// placeLabels total a table when its label column says them, but may name
// a row's area in another column (全镇 in a 单位 column first).
var placeLabels = []string{"全部", "总体", "全省", "全市", "全县", "全区", "全镇", "全乡", "全村", "all", "sum"}

// maxLabel is the longest label, in bytes, kindOf reads: 80 Chinese
// characters (永州经济技术开发区重点建设项目合计 is 48 bytes).
const maxLabel = 240

// labelStem is a label without a colon or a note in brackets at its end:
// 合计：→ 合计, 合计（户）→ 合计, 全县（区）→ 全县.
func labelStem(label []byte) []byte {
	for {
		switch {
		case bytes.HasSuffix(label, []byte("：")):
			label = label[:len(label)-len("：")]
		case bytes.HasSuffix(label, []byte(":")):
			label = label[:len(label)-1]
		case bytes.HasSuffix(label, []byte("）")) || bytes.HasSuffix(label, []byte(")")):
			i := max(bytes.LastIndex(label, []byte("（")), bytes.LastIndexByte(label, '('))
			if i <= 0 {
				return label
			}
			label = label[:i]
		default:
			return label
		}
	}
}

// isBreakdown reports a label that starts 其中 (of which: 其中：六大战役),
// a part of the rows above it given again, which adding would count twice:
// a subtotal, to econcalc.
func isBreakdown(cell []byte) bool { return bytes.HasPrefix(cell, []byte("其中")) }

// maybeLabel rules a cell out by its first bytes: those of 合, 全, 小 and 总
// (0xE5 0x90, 0xE5 0x85, 0xE5 0xB0, 0xE6 0x80) or of total, all, sum and
// subtotal.
func maybeLabel(cell []byte) bool {
	switch cell[0] {
	case 0xE5:
		return cell[1] == 0x90 || cell[1] == 0x85 || cell[1] == 0xB0
	case 0xE6:
		return cell[1] == 0x80
	case 't', 'T', 'a', 'A', 's', 'S':
		return true
	}
	return false
}

// maybeLabelEnd rules a cell out by its last bytes: a label that does not
// start as one (罗建村小计, 县合计, Grand total) ends 计 (0xE8 0xAE 0xA1),
// total, or a colon or closing bracket (full-width ： and ）: 0xEF 0xBC 0x9A,
// 0xEF 0xBC 0x89).
func maybeLabelEnd(cell []byte) bool {
	n := len(cell)
	switch cell[n-1] {
	case 0xA1:
		return n >= 3 && cell[n-3] == 0xE8 && cell[n-2] == 0xAE
	case 0x89, 0x9A:
		return n >= 3 && cell[n-3] == 0xEF && cell[n-2] == 0xBC
	case ')', ':', 'l', 'L':
		return true
	}
	return false
}

// mayBeLabel is false for a cell, untrimmed, that kindOf cannot take for a
// total or a subtotal: one too short, or one that starts with neither a
// byte a space can start with (a space is trimmed first) nor one a label
// can (maybeLabel), and ends with none a space or a label can end with
// (labelEnds). It runs for every row, so it is a table lookup and a few
// compares, inlined.
func mayBeLabel(cell []byte) bool {
	if len(cell) < 3 {
		return false
	}
	c := cell[0]
	return labelStarts[c] || labelEnds[cell[len(cell)-1]] ||
		c == 0xE5 && (cell[1] == 0x90 || cell[1] == 0x85 || cell[1] == 0xB0) || c == 0xE6 && cell[1] == 0x80
}

// labelStarts are the first bytes of a space, as input's trimCell reads
// them, and of total, all, sum and subtotal (maybeLabel).
var labelStarts = func() (set [256]bool) {
	for c := range 256 {
		set[c] = c <= ' ' || c >= 0xC2 && c <= 0xE3
	}
	for _, c := range []byte("tTaAsS") {
		set[c] = true
	}
	return set
}()

// labelEnds are the last bytes of a space, as input's trimCell reads them,
// and of what a label can end with (maybeLabelEnd): 计, ）, ：, ), :, total.
var labelEnds = func() (set [256]bool) {
	for c := range 256 {
		set[c] = c <= ' ' || c >= 0x80 && c <= 0x8A || c == 0x9F || c == 0xA0 || c == 0xA8 || c == 0xA9 || c == 0xAF
	}
	for _, c := range []byte{0xA1, 0x89, 0x9A, ')', ':', 'l', 'L'} {
		set[c] = true
	}
	return set
}()

// emptyLabel is a label cell with nothing in it: empty, or a dash or slash
// that stands for "not applicable" (—, ——, －, -, /), as a total row's id
// or village cell often does.
func emptyLabel(cell []byte) bool {
	for _, r := range string(cell) {
		switch r {
		case '-', '—', '–', '‐', '－', '/', '／', '―':
		default:
			return false
		}
	}
	return true
}
