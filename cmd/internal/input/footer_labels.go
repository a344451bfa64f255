package input

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// signatureLabels start the rows that sign a table off, as bureaus' forms
// end: who filled it in or made the table, who checked it, who answers for
// it, their telephone, the date, the unit that reports it. Each is a whole
// word: 填表人员 or 审核村 go on after it, and are no label.
var signatureLabels = []string{
	// Who filled it in, made it, checked it.
	"填表人", "填报人", "制表人", "审核人", "复核人", "校核人", "审定人", "审批人", "经办人", "报送人",
	"统计员", "统计人", "填表", "填报", "制表", "审核", "复核", "校核", "审定", "审批",
	// Who answers for it.
	"负责人", "单位负责人", "统计负责人", "部门负责人", "科室负责人", "主要负责人", "主管领导",
	"分管领导", "单位领导", "法定代表人", "签字", "签名", "签章", "盖章",
	// How to reach them.
	"联系人", "联系电话", "电话", "电话号码", "手机", "手机号", "手机号码", "联系方式", "邮箱",
	// When.
	"填报日期", "报出日期", "制表日期", "填表日期", "报送日期", "报表日期", "审核日期", "打印日期", "日期",
	// Which unit reports it (填报单位（盖章）：).
	"填报单位", "填表单位", "制表单位", "报送单位",
}

// isSignatureCell: a cell that is a signature label (signatureCell), bare
// or with what it gives.
func isSignatureCell(cell string) bool {
	sig, _ := signatureCell(cell)
	return sig
}

// signatureCell: whether a cell is a signature label, and whether it is
// bare, so that the row it starts must say it is no row of the table
// (isSignatureRecord). After the label may come notes in brackets (负责人
// （签字）, 单位负责人（签章）), then
//   - a colon of any width and whatever it gives: no doubt (填表人：张三,
//     负责人（签字）：, 制表:李四);
//   - nothing: bare (填表人, 审核人（签字）), unless the brackets hold no
//     signing (电话（万户） names a row);
//   - a date or a number after a date's or a telephone's label, spaced or
//     not (填报日期 2017-11-05, 填表日期2017-11-05), or a name spaced after
//     a person's (制表 李四): as bare, since they may name a row too.
//
// A household id or a project name never is: 电话网络改造, 负责人培训中心
// and 审核村 go on after the label with no colon, space or bracket.
func signatureCell(cell string) (sig, bare bool) {
	c := strings.TrimSpace(cell)
	if len(c) < 3 || c[0] < utf8.RuneSelf {
		return false, false // the common case, an id: one byte looked at
	}
	switch r, _ := utf8.DecodeRuneInString(c); r {
	case '填', '制', '审', '复', '校', '经', '报', '统', '负', '单', '部', '科', '主', '分', '法',
		'签', '盖', '联', '电', '手', '邮', '日', '打':
	default:
		return false, false
	}
	for _, l := range signatureLabels {
		rest, ok := strings.CutPrefix(c, l)
		if !ok {
			continue
		}
		if sig, bare := afterLabel(l, rest); sig {
			return sig, bare
		}
	}
	return false, false
}

// afterLabel reads what follows a signature label l in its cell
// (signatureCell).
func afterLabel(l, rest string) (sig, bare bool) {
	rest, spaced := trimSpaceLeft(rest)
	signing, noted := false, false
	for {
		note, after, ok := bracketNote(rest)
		if !ok {
			break
		}
		noted, signing = true, signing || strings.ContainsAny(note, "签章印")
		rest, spaced = trimSpaceLeft(after)
	}
	switch {
	case rest == "":
		return !noted || signing, true
	case startsWithColon(rest):
		return true, false
	case figuredLabel(l):
		return rest[0] >= '0' && rest[0] <= '9', true
	case spaced && !strings.HasSuffix(l, "单位"):
		return isName(rest), true
	}
	return false, false
}

// figuredLabel: a label that a date or a number follows (填报日期, 联系电话).
func figuredLabel(l string) bool {
	return strings.HasSuffix(l, "日期") || strings.Contains(l, "电话") || strings.HasPrefix(l, "手机") || l == "联系方式"
}

// isName: two to four Han characters, as a person's name is (李四, 欧阳明华).
func isName(s string) bool {
	n := 0
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 4
}

func trimSpaceLeft(s string) (string, bool) {
	t := strings.TrimLeftFunc(s, unicode.IsSpace)
	return t, len(t) < len(s)
}

// bracketNote: when s opens with a note in brackets (（签字）, (签章),
// 【盖章】), the note and what follows its close.
func bracketNote(s string) (note, after string, ok bool) {
	for _, p := range [...][2]string{{"（", "）"}, {"(", ")"}, {"【", "】"}, {"[", "]"}} {
		if inner, found := strings.CutPrefix(s, p[0]); found {
			note, after, ok = strings.Cut(inner, p[1])
			return note, after, ok
		}
	}
	return "", "", false
}

// startsWithColon: a colon of any width, as forms write it (：, :, ∶, ︰).
func startsWithColon(s string) bool {
	return s[0] == ':' || strings.HasPrefix(s, "：") || strings.HasPrefix(s, "∶") || strings.HasPrefix(s, "︰")
}
