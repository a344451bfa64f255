package main

import "testing"

// TestSameUnit: units are one as the unit reader reads them (度 and kWh are
// 千瓦时; a note on the price basis is no part of a unit), not as text.
func TestSameUnit(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"万千瓦时", "万度", true},
		{"万千瓦时", "万kWh", true},
		{"亿千瓦时", "亿度", true},
		{"千瓦时", "度", true},
		{"万千瓦时", "亿度", false},
		{"亿元", "亿元（现价）", true},
		{"亿元", "亿元(可比价)", true},
		{"万元", "万元（含税）", true},
		{"万 元", "万元", true},
		{"%", "％", true},
		{"万元", "亿元", false},
		{"万元", "万元/人", false},
		{"元/人", "元/人", true},
		{"万吨", "吨", false},
		{"万吨", "万吨", true},
		{"吨标准煤", "吨（标准煤）", false},
		{"三一集团", "三一集团", true},
	} {
		if got := sameUnit(c.a, c.b); got != c.same {
			t.Errorf("sameUnit(%q, %q) = %v, want %v", c.a, c.b, got, c.same)
		}
	}
}
