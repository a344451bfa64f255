package main

import (
	"bytes"
	"slices"
	"unicode"
	"unicode/utf8"
)

// A group's own total row often names its group in its label alone: 一组合计
// under the households of 一组, its 组 cell empty, or 罗建村合计 in the 村
// column itself. Such a total covers that group, not every household.

// labelledGroup is the group a total's label names before 合计, 总计 or 共计,
// in simplified characters without spaces (一组 of 一组合计 or 一組合計,
// 罗建村 of 【罗建村合计】, 甲 of 甲合计), or "" where it names none: 合计,
// 全村合计, 本组合计, 总合计, 村合计 (a scope word alone).
func labelledGroup(label string) string {
	b := labelStem([]byte(labelName(label)))
	for _, end := range []string{"合计", "总计", "共计"} {
		x, ok := bytes.CutSuffix(b, []byte(end))
		if !ok {
			continue
		}
		switch {
		case len(x) == 0, string(x) == "总", bytes.HasPrefix(x, []byte("全")), bytes.HasPrefix(x, []byte("本")),
			slices.Contains(scopeWords, string(x)):
			return ""
		}
		return string(x)
	}
	return ""
}

// namesPlace is whether a name a label gives ends with a scope word (一组,
// 罗建村, 二队): a total of such a place that is no group is worth saying
// so, where 甲 of 甲合计 may be anything.
func namesPlace(name string) bool {
	for _, w := range scopeWords {
		if len(name) > len(w) && bytes.HasSuffix([]byte(name), []byte(w)) {
			return true
		}
	}
	return false
}

// groupCalled is the name of the group whose name, in simplified characters
// without spaces, is name (labelledGroup's), or "" for none.
func (g *payeeGroups) groupCalled(name string) string {
	if _, ok := g.byName[name]; ok {
		return name
	}
	for _, grp := range g.groups {
		if grp.name != "" && labelName(grp.name) == name {
			return grp.name
		}
	}
	return ""
}

// labelName is a group's name as labelledGroup gives one: simplified, no
// spaces.
func labelName(s string) string {
	var b []byte
	for _, r := range s {
		if !unicode.IsSpace(r) {
			b = utf8.AppendRune(b, simplified(r))
		}
	}
	return string(b)
}
