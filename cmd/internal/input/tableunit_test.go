package input

import "testing"

// TestTitleUnit: the unit a line above the header gives, after 单位 and a
// colon; never the reporting body of 填报单位, nor a unit econcalc does not
// convert.
func TestTitleUnit(t *testing.T) {
	for cell, want := range map[string]string{
		"单位：万元":   "万元",
		"单位:亿元":   "亿元",
		"  单位：万元": "万元",
		"表1 2017年重点项目 单位：万元 2017年": "万元",
		"填报单位：经开区扶贫办":              "",
		"填报单位：经开区扶贫办  单位：元":        "元",
		"单位：吨":     "",
		"单位：万人":    "万人",
		"单位名称：经开区": "",
		"单位":       "",
		"2017年重点项目投资完成情况表": "",
		"（单位：万元）":          "万元", "(单位：万元)": "万元", "金额单位：万元": "万元", "单位：万元，人": "万元",
		"单位 ：万元": "万元", "收入表单位：万元": "万元", "建设单位：中信重工": "", "单位：万元/人": "万元/人",
		"单位：户、人、元": "元", "单位：人、元": "元", "单位：万元、%": "万元", "单位：户、人": "", "单位：万元、亿元": "",
	} {
		if got := titleUnit(cell); got != want {
			t.Errorf("titleUnit(%q) = %q, want %q", cell, got, want)
		}
	}
}

// TestTableUnitOfFiles: files read together give one unit or none.
func TestTableUnitOfFiles(t *testing.T) {
	var u tableUnit
	u.read([]string{"表1", "单位：万元"}, "a.csv")
	if err := u.done("a.csv", 3); err != nil || u.unit != "万元" {
		t.Fatalf("first file: %q, %v", u.unit, err)
	}
	u.read([]string{"单位：万元"}, "a.csv") // opened again
	if err := u.done("a.csv", 3); err != nil {
		t.Errorf("the first file again: %v", err)
	}
	u.read([]string{"单位：万元"}, "b.csv")
	if err := u.done("b.csv", 2); err != nil {
		t.Errorf("the same unit in another file: %v", err)
	}
	u.read([]string{"单位：亿元"}, "c.csv")
	if err := u.done("c.csv", 2); err == nil {
		t.Errorf("亿元 after 万元: no error")
	}
	if err := u.done("d.csv", 1); err == nil {
		t.Errorf("no unit after 万元: no error")
	}
	var none tableUnit
	none.done("a.csv", 1)
	none.read([]string{"单位：亿元"}, "b.csv")
	if err := none.done("b.csv", 2); err == nil {
		t.Errorf("亿元 after a file with none: no error")
	}
}
