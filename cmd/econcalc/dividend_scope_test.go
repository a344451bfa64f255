package main

import (
	"slices"
	"testing"
)

// TestLabelledGroup: the group a total's label names, and the labels that
// name none (every household).
func TestLabelledGroup(t *testing.T) {
	for _, c := range []struct{ label, want string }{
		{"一组合计", "一组"},
		{"一組合計", "一组"},
		{"【罗建村合计】", "罗建村"},
		{"二 队 合 计：", "二队"},
		{"甲合计", "甲"},
		{"合计", ""},
		{"全村合计", ""},
		{"本组合计", ""},
		{"总合计", ""},
		{"村合计", ""},
		{"一组小计", ""},
		{"张三", ""},
	} {
		if got := labelledGroup(c.label); got != c.want {
			t.Errorf("labelledGroup(%q) = %q, want %q", c.label, got, c.want)
		}
	}
}

// TestPrecedingGroups: a total row read before any household of its part
// follows the previous part's last group; parts merge in input order.
func TestPrecedingGroups(t *testing.T) {
	first := newTallyPart(0)
	first.groups.index("一组")
	first.lastGroup = 0
	first.follows = []int32{partStart, 0, -1} // before 一组's first household, after it, beside a filled 组
	second := newTallyPart(0)
	second.groups.index("二组")
	second.lastGroup = 0
	second.follows = []int32{partStart, 0} // after 一组's last household (the first part's), after 二组's
	third := newTallyPart(0)               // no households
	third.follows = []int32{partStart}
	after, last := first.precedingGroups(nil, "")
	after, last = second.precedingGroups(after, last)
	after, last = third.precedingGroups(after, last)
	want := []string{"", "一组", "", "一组", "二组", "二组"}
	if !slices.Equal(after, want) || last != "二组" {
		t.Errorf("precedingGroups = %q, last %q; want %q, last 二组", after, last, want)
	}
}
