package main

import "testing"

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
