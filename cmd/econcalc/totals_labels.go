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
// 合　计 in a printed table taken out, in traditional characters as in
// simplified (合計, 總計, 小計), and without a colon or a note in brackets at
// its end (合计：, 合计（户）, 全县（区）), brackets around it (（合计）,
// 【合计】, 〔合计〕) or 数 after 计 (合计数, 全镇合计数): 合计, 总计, 全部, 总体,
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
func labelKind(cell []byte) (kind rowKind, place bool) { return readLabel(cell, false) }

// wholeLabelKind is labelKind of a cell that is a label by itself (合计,
// 合　计, （合计）, 合计：, 小计, 全村) or that totals a scope (scopeTotal:
// 全村合计, 本组小计, 总合计, 一组合计), not one that only ends as one: in a
// column of people's names, 王合计 and 李小计 are people.
func wholeLabelKind(cell []byte) (kind rowKind, place bool) { return readLabel(cell, true) }

// readLabel is labelKind, or with whole wholeLabelKind.
func readLabel(cell []byte, whole bool) (kind rowKind, place bool) {
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
			label = utf8.AppendRune(label, simplified(r))
		}
	}
	label = labelStem(label)
	if slices.Contains(placeLabels, string(label)) {
		return totalRow, true
	}
	switch string(label) {
	case "合计", "总计", "共计", "total":
		return totalRow, false
	case "小计", "subtotal", "sub-total":
		return subtotalRow, false
	}
	switch {
	case whole && !scopeTotal(label):
	case bytes.HasSuffix(label, []byte("小计")) || bytes.HasSuffix(label, []byte("subtotal")) || bytes.HasSuffix(label, []byte("sub-total")):
		return subtotalRow, false
	case bytes.HasSuffix(label, []byte("合计")) || bytes.HasSuffix(label, []byte("总计")) ||
		bytes.HasSuffix(label, []byte("共计")) || bytes.HasSuffix(label, []byte("total")):
		return totalRow, false
	}
	return dataRow, false
}

// scopeTotal is whether a label, read by readLabel, is X合计, X小计, X总计
// or X共计 where X names a scope, not a person: 全… (全村, 全组, 全乡), 本…
// (本村, 本组), 总, or a place or a group (一组, 罗建村, 村: scopeWords).
func scopeTotal(label []byte) bool {
	var x []byte
	for _, end := range []string{"合计", "小计", "总计", "共计"} {
		if bytes.HasSuffix(label, []byte(end)) {
			x = label[:len(label)-len(end)]
			break
		}
	}
	switch {
	case len(x) == 0:
		return false
	case string(x) == "总":
		return true
	case (bytes.HasPrefix(x, []byte("全")) || bytes.HasPrefix(x, []byte("本"))) && len(x) > len("全"):
		return true
	}
	for _, w := range scopeWords {
		if bytes.HasSuffix(x, []byte(w)) {
			return true
		}
	}
	return false
}

// scopeWords end the name of a place or a group a total may cover: 罗建村,
// 一组, 城关镇, 东风社区, and a village's groups as they are called (一队,
// 生产队, 三社, 五屯), 城关街道, 居委会, 农场.
var scopeWords = []string{"村", "组", "乡", "镇", "社区", "县", "区", "队", "社", "街道", "居委会", "屯", "农场"}

// placeLabels total a table when its label column says them, but may name
// a row's area in another column (全镇 in a 单位 column first).
var placeLabels = []string{"全部", "总体", "全省", "全市", "全县", "全区", "全镇", "全乡", "全村", "all", "sum"}

// maxLabel is the longest label, in bytes, kindOf reads: 80 Chinese
// characters (永州经济技术开发区重点建设项目合计 is 48 bytes).
const maxLabel = 240

// simplified is a character of a label in its simplified form, where a
// traditional one has another: 合計, 總計, 小計, 全縣, 總體 read as 合计,
// 总计, 小计, 全县, 总体, and the scope words' (一組, 一隊, 全鄉, 城關鎮,
// 全區, 居委會, 農場: scopeWords) as theirs.
func simplified(r rune) rune {
	switch r {
	case '計':
		return '计'
	case '總':
		return '总'
	case '數':
		return '数'
	case '體':
		return '体'
	case '縣':
		return '县'
	case '區':
		return '区'
	case '鎮':
		return '镇'
	case '鄉':
		return '乡'
	case '組':
		return '组'
	case '隊':
		return '队'
	case '會':
		return '会'
	case '農':
		return '农'
	case '場':
		return '场'
	}
	return r
}

// labelStem is a label without a colon, a note in brackets or 数 after 计
// at its end, and without brackets around it: 合计：→ 合计, 合计（户）→ 合计,
// 全县（区）→ 全县, 合计数 → 合计, （合计）→ 合计, 【合计】→ 合计.
func labelStem(label []byte) []byte {
	for {
		switch {
		case bytes.HasSuffix(label, []byte("：")):
			label = label[:len(label)-len("：")]
		case bytes.HasSuffix(label, []byte(":")):
			label = label[:len(label)-1]
		case bytes.HasSuffix(label, []byte("计数")):
			label = label[:len(label)-len("数")]
		default:
			inner := unbracket(label)
			if inner == nil {
				return label
			}
			label = inner
		}
	}
}

// labelBrackets pair the brackets of a note or around a label, each closing
// one with the opening ones it may close (（ and ( close alike); round ones
// alone hold a note after a label (合计（户）) or close none (合计）, a
// bracket left over), the others only go round one ([合计], 【合计】, 〔合计〕,
// 〖合计〗, ［合计］, 「合计」, 『合计』, 《合计》, 〈合计〉), so that a label
// ending with one starts with bytes mayBeLabel looks at (labelStarts, or ［).
var labelBrackets = []struct {
	close string
	open  []string
	note  bool
}{
	{"）", []string{"（", "("}, true}, {")", []string{"（", "("}, true},
	{"】", []string{"【"}, false}, {"〕", []string{"〔"}, false}, {"〗", []string{"〖"}, false}, {"]", []string{"["}, false},
	{"］", []string{"［"}, false}, {"」", []string{"「"}, false}, {"』", []string{"『"}, false},
	{"》", []string{"《"}, false}, {"〉", []string{"〈"}, false},
}

// unbracket is a label that ends with a closing bracket without the
// bracketed note at its end (合计（户）→ 合计), without a round one that
// closes none (合计）→ 合计) or, where the brackets go round it all, without
// them (（合计）, 【合计】, ［合计］ → 合计); nil when it ends with none.
func unbracket(label []byte) []byte {
	for _, b := range labelBrackets {
		if !bytes.HasSuffix(label, []byte(b.close)) {
			continue
		}
		i, n := -1, 0 // the last opening bracket, and its length
		for _, open := range b.open {
			if j := bytes.LastIndex(label, []byte(open)); j > i {
				i, n = j, len(open)
			}
		}
		switch {
		case i > 0 && b.note:
			return label[:i]
		case i < 0 && b.note:
			return label[:len(label)-len(b.close)]
		case i == 0:
			return label[n : len(label)-len(b.close)]
		}
		return nil
	}
	return nil
}

// isBreakdown reports a label that starts 其中 (of which: 其中：六大战役),
// a part of the rows above it given again, which adding would count twice:
// a subtotal, to econcalc.
func isBreakdown(cell []byte) bool { return bytes.HasPrefix(cell, []byte("其中")) }

// maybeLabel rules a cell out by its first bytes: those of total, all, sum
// and subtotal, of a bracket a label can stand in (labelOpens), or the
// first two of a character a label starts with (labelLeads).
func maybeLabel(cell []byte) bool {
	switch cell[0] {
	case 't', 'T', 'a', 'A', 's', 'S', '(', '[':
		return true
	}
	switch string(cell[:2]) {
	case "\xe3\x80":
		return labelOpens[cell[2]]&openCJK != 0
	case "\xef\xbc":
		return labelOpens[cell[2]]&openFullWidth != 0
	}
	return labelLeads[cell[1]]&leadBits[cell[0]] != 0
}

// labelOpens tell the opening brackets a label can stand in by their third
// byte: 【, 〔, 〖, 「, 『, 《 and 〈 are E3 80 xx (openCJK), （ and ［ EF BC xx
// (openFullWidth), as are the full-width digits (０ is EF BC 90), which
// are none.
var labelOpens = func() (set [256]uint8) {
	for _, b := range labelBrackets {
		for _, open := range b.open {
			switch open[:min(2, len(open))] {
			case "\xe3\x80":
				set[open[2]] |= openCJK
			case "\xef\xbc":
				set[open[2]] |= openFullWidth
			}
		}
	}
	return set
}()

const (
	openCJK = 1 << iota
	openFullWidth
)

// labelLeads and leadBits tell the first two bytes of the characters a
// label can start with, 合, 全 (and 共, 其 beside it), 小, 总 and 總: a cell
// can start as one where labelLeads[second byte] has the bit of its first,
// leadBits[first byte] (one of 0xE0 to 0xE7, of U+0800 to U+7FFF).
var labelLeads, leadBits = func() (leads, bits [256]uint8) {
	for c := range 8 {
		bits[0xE0+c] = 1 << c
	}
	for _, r := range "合全小总總" {
		b := utf8.AppendRune(nil, r)
		leads[b[1]] |= bits[b[0]]
	}
	return leads, bits
}()

// maybeLabelEnd rules a cell out by its last character: a label that does
// not start as one (罗建村小计, 县合计, Grand total, （合计）) ends with one of
// labelEndings. Its cell has 3 bytes at least.
func maybeLabelEnd(cell []byte) bool {
	n := len(cell)
	switch lead := labelEndLeads[cell[n-1]]; {
	case lead == anyLead:
		return true
	case lead == 0 || lead != uint16(cell[n-3])<<8|uint16(cell[n-2]):
		return false
	case lead == 0xE695: // 数 or 數, a label's after 计 or 計 alone (人口数 is none)
		return n >= 6 && (string(cell[n-6:n-3]) == "计" || string(cell[n-6:n-3]) == "計")
	}
	return true
}

// labelEndings are the characters a label can end with: 计 and 計, 数 and
// 數 (合计数), a colon, a closing bracket, and l (total, all).
const labelEndings = "计計数數：:）)】〕〗]lL"

// labelEndLeads tell a label's last character by its last byte: the two
// bytes before it, or anyLead for a character of one byte. No two of
// labelEndings share a last byte.
var labelEndLeads = func() (leads [256]uint16) {
	for _, r := range labelEndings {
		b := utf8.AppendRune(nil, r)
		leads[b[len(b)-1]] = anyLead
		if len(b) == 3 {
			leads[b[2]] = uint16(b[0])<<8 | uint16(b[1])
		}
	}
	return leads
}()

const anyLead = 1

// mayBeLabel is false for a cell, untrimmed, that kindOf cannot take for a
// total or a subtotal: one too short, or one that starts with neither a
// byte a space can start with (a space is trimmed first) nor bytes a label
// can (maybeLabel), and ends with none a space or a label can end with
// (labelEnds). It runs for every row, so it is a few table lookups,
// inlined.
func mayBeLabel(cell []byte) bool {
	if len(cell) < 3 {
		return false
	}
	c := cell[0]
	return labelStarts[c] || labelEnds[cell[len(cell)-1]] || labelLeads[cell[1]]&leadBits[c] != 0 ||
		string(cell[:3]) == "［"
}

// labelStarts are the first bytes of a space, as input's trimCell reads
// them, of total, all, sum and subtotal (maybeLabel), and of the brackets
// that go round a label: ( and [, and 【, 〔, 〖, 「, 『, 《 and 〈, whose
// first byte, 0xE3, a space's is too. Not （ and ［ (0xEF), which full-width
// digits start with too: a label in （） ends with a byte labelEnds takes,
// and mayBeLabel looks for ［ by its three bytes.
var labelStarts = func() (set [256]bool) {
	for c := range 256 {
		set[c] = c <= ' ' || c >= 0xC2 && c <= 0xE3
	}
	for _, c := range []byte("tTaAsS([") {
		set[c] = true
	}
	return set
}()

// labelEnds are the last bytes of a space, as input's trimCell reads them,
// and of the characters a label that starts with no byte labelStarts or
// labelLeads take ends with (县合计, 县合计数, 合计（户）, 合计：, Grand
// total): labels in 【】, 〔〕, 〖〗 or [] start with a byte labelStarts takes.
var labelEnds = func() (set [256]bool) {
	for c := range 256 {
		set[c] = c <= ' ' || c >= 0x80 && c <= 0x8A || c == 0x9F || c == 0xA0 || c == 0xA8 || c == 0xA9 || c == 0xAF
	}
	for _, r := range "计計数數：:）)lL" {
		b := utf8.AppendRune(nil, r)
		set[b[len(b)-1]] = true
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
