package calc

import (
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func TestParseUnit(t *testing.T) {
	for _, c := range []struct {
		unit, base string
		exp        int32
		ok         bool
	}{
		{"元", "元", 0, true}, {"万元", "元", 4, true}, {"亿元", "元", 8, true}, {"千元", "元", 3, true},
		{"百万元", "元", 6, true}, {"万人", "人", 4, true}, {"户", "户", 0, true},
		{"万元/人", "元/人", 4, true}, {"元/人", "元/人", 0, true},
		{"万千瓦时", "千瓦时", 4, true}, {"万kWh", "千瓦时", 4, true}, {"万度", "千瓦时", 4, true},
		{"元/千瓦时", "元/千瓦时", 0, true}, {"元/kWh", "元/千瓦时", 0, true}, {"分/千瓦时", "元/千瓦时", -2, true}, {"角/度", "元/千瓦时", -1, true},
		{"元/万千瓦时", "元/万千瓦时", 0, true}, {"千瓦时", "千瓦时", 0, true}, {"吨", "", 0, false}, {"%", "", 0, false}, {"美元", "", 0, false}, {"万吨", "", 0, false},
	} {
		base, exp, ok := parseUnit(c.unit)
		if base != c.base || exp != c.exp || ok != c.ok {
			t.Errorf("parseUnit(%q) = %q, %d, %v; want %q, %d, %v", c.unit, base, exp, ok, c.base, c.exp, c.ok)
		}
	}
}

func TestUnitScales(t *testing.T) {
	names := []string{"a", "b", "c"}
	for _, c := range []struct {
		units []string
		to    string
		unit  string
		exps  []int32
		err   string // a fragment of the message, or "" for none
		col   int
	}{
		{units: []string{"", "", ""}, exps: []int32{0, 0, 0}},
		{units: []string{"", "", ""}, to: "元", unit: "元", exps: []int32{0, 0, 0}},
		{units: []string{"万元", "", "万元"}, unit: "万元", exps: []int32{0, 0, 0}},
		{units: []string{"元", "元", ""}, to: "元", unit: "元", exps: []int32{0, 0, 0}},
		// 8 亿元 is 80,000 万元: the plan shifts 4 places into the finer unit.
		{units: []string{"亿元", "万元", "亿元"}, unit: "万元", exps: []int32{4, 0, 4}},
		{units: []string{"万元", "万元", "元"}, to: "元", unit: "元", exps: []int32{4, 4, 0}},
		{units: []string{"万元", "万元", "万元"}, to: "元", unit: "元", exps: []int32{4, 4, 4}},
		{units: []string{"万人", "人", "万人"}, unit: "人", exps: []int32{4, 0, 4}},
		{units: []string{"亿元", "", "万元"}, err: "gives no unit", col: 1},
		{units: []string{"亿元", "吨", "万元"}, err: "is in 吨", col: 1},
		{units: []string{"亿元", "万人", "万元"}, err: "different units", col: 1},
		{units: []string{"吨", "吨", "吨"}, unit: "吨", exps: []int32{0, 0, 0}},
		{units: []string{"吨", "吨", ""}, to: "元", err: "where econcalc works in 元", col: 0},
		{units: []string{"万人", "万人", "万人"}, to: "元", err: "where econcalc works in 元", col: 0},
	} {
		unit, exps, err := UnitScales(names, c.units, c.to)
		if c.err != "" {
			ue, ok := err.(*UnitError)
			if !ok || !strings.Contains(ue.Msg, c.err) || ue.Column != c.col {
				t.Errorf("UnitScales(%q, %q) = %v; want an error on column %d with %q", c.units, c.to, err, c.col, c.err)
			}
			continue
		}
		if err != nil || unit != c.unit || !slices.Equal(exps, c.exps) {
			t.Errorf("UnitScales(%q, %q) = %q, %v, %v; want %q, %v", c.units, c.to, unit, exps, err, c.unit, c.exps)
		}
	}
}

// TestUnitShiftIsExact: an amount in 亿元 shifted into 万元 is the amount ×
// 10,000, digit for digit (8 亿元 = 80000 万元; 1.23456789 亿元 =
// 12345.6789 万元).
func TestUnitShiftIsExact(t *testing.T) {
	_, exps, err := UnitScales([]string{"plan", "done"}, []string{"亿元", "万元"}, "")
	if err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]string{"8": "80000", "1.23456789": "12345.6789", "0.00001": "0.1"} {
		if got := decimal.RequireFromString(in).Shift(exps[0]); got.String() != want {
			t.Errorf("%s 亿元 = %s 万元; want %s", in, got, want)
		}
	}
}

func TestUnitSuffix(t *testing.T) {
	for text, want := range map[string]string{
		"工资性收入万元": "万元", "工资性收入 万元": "万元", "工资性收入/万元": "万元", "总产值亿元": "亿元",
		"户籍人口万人": "万人", "发电量万千瓦时": "万千瓦时", "纯收入万元/人": "万元/人",
		"工资性收入": "", "万元": "", "工资性收入元": "", "income": "",
	} {
		if got := UnitSuffix(text); got != want {
			t.Errorf("UnitSuffix(%q) = %q, want %q", text, got, want)
		}
	}
}

// TestIsNote: text in brackets that says something of the figures, not
// their unit, is a note; units, known to econcalc or not, are not.
func TestIsNote(t *testing.T) {
	for text, want := range map[string]bool{
		"含续建": true, "不含税": true, "预计": true, "调整后": true, "2017年": true, "1-10月": true,
		"2017年底": true, "规上": true, "含村集体": true,
		"计划": true, "目标": true, "任务": true, "实际": true, "当年": true, // 脱贫人数（计划） is no unit
		"累计": true, "现价": true, "可比价": true, "三季度": true,
		"万元": false, "亿元": false, "元/人": false, "%": false, "吨": false, "亩": false, "个": false,
		"吨标准煤/万元": false, "平方米": false, "元/千瓦时": false, "元/人·年": false, "万元/年": false,
	} {
		if got := IsNote(text); got != want {
			t.Errorf("IsNote(%q) = %v, want %v", text, got, want)
		}
	}
	for unit, want := range map[string]string{"万元": "元", "元/人": "元/人", "万人": "人", "吨": "", "三一集团": ""} {
		if got := UnitBase(unit); got != want {
			t.Errorf("UnitBase(%q) = %q, want %q", unit, got, want)
		}
	}
}

// TestBracketUnit: a bracket's parts are read one by one, a note beside a
// unit leaving the unit (万人 in 脱贫人数（当年，万人）, read in 万人: 1650.5
// is 16,505,000 people, not 1650.5), two units giving both and not ok.
func TestBracketUnit(t *testing.T) {
	for _, c := range []struct {
		text, unit string
		ok         bool
	}{
		{"当年，万人", "万人", true}, {"计划，万人", "万人", true}, {"累计，万人", "万人", true},
		{"2017年，亿元", "亿元", true}, {"2017年,亿元", "亿元", true}, {"当年、万户", "万户", true},
		{"含上年结转；亿元", "亿元", true}, {"2017年 万元", "万元", true}, {"万元，现价", "万元", true},
		{"计划内，万元", "万元", true}, {"%，按可比价计算", "%", true}, {"一至三季度，万元", "万元", true},
		{"万 元", "万元", true}, {"元 / 人", "元/人", true}, {"万元", "万元", true}, {"吨标准煤/万元", "吨标准煤/万元", true},
		{"计划", "", true}, {"当年", "", true}, {"累计", "", true}, {"含续建", "", true}, {"2017年，含续建", "", true}, {"", "", true},
		{"万元，亿元", "万元，亿元", false}, {"万人 万户", "万人，万户", false}, {"2017年，万元、亿元", "万元，亿元", false},
		// every bracket at a header's end, joined by "，" (input's splitUnit): 工资性收入（万元）（现价）
		{"万元，现价", "万元", true}, {"万元，2017年", "万元", true}, {"现价，万元", "万元", true}, {"万元，亿元", "万元，亿元", false},
		// a scope or price word beside a recognised unit is a note
		{"亿元，全市", "亿元", true}, {"万元，全县", "万元", true}, {"万人，全县", "万人", true}, {"亿元，现行价", "亿元", true},
		{"万元 全县", "万元", true}, {"%，全市", "%", true}, {"吨标准煤 / 万元", "吨标准煤/万元", true},
		// no recognised unit: the bracket as written, for the command to refuse
		{"千美元", "千美元", true}, {"千美元，全市", "千美元", true}, {"吨，全市", "吨，全市", true}, {"千美元，亿元", "千美元，亿元", false},
	} {
		unit, ok := BracketUnit(c.text)
		if unit != c.unit || ok != c.ok {
			t.Errorf("BracketUnit(%q) = %q, %v; want %q, %v", c.text, unit, ok, c.unit, c.ok)
		}
	}
}
