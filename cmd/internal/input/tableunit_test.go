package input

import (
	"strings"
	"testing"
)

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
		"单位：户、人、元": "元", "单位：人、元": "元", "单位：万元、%": "万元", "单位：户、人": "",
		// The unit in brackets after 单位, spaced out, or after a colon of
		// either width with spaces around it.
		"单位（亿元）": "亿元", "单位(亿元)": "亿元", "单位 （万元）": "万元", "单位（万 元）": "万元",
		"单位：亿 元": "亿元", "单位：万　元": "万元", "单位:万元": "万元", "单位 : 万元": "万元",
		"单位：亿 元 2017年": "亿元", "单位：元　　填报日期：2017年10月": "元",
		"单位（盖章）": "", "建设单位（盖章）": "", "单位：户 人": "",
		// Every spelling a bureau's sheets use: brackets of every kind, a
		// colon of every width, a space, a dash, a slash, 为, 是, and 整 or
		// 人民币 after the unit; a list spaced out.
		"单位：（万元）": "万元", "单位：(万元)": "万元", "单位：[万元]": "万元", "单位:【万元】": "万元",
		"单位∶万元": "万元", "单位︰万元": "万元", "单位﹕万元": "万元", "单位 万元": "万元", "单位/万元": "万元",
		"单位——万元": "万元", "单位为万元": "万元", "单位是：万元": "万元", "单位：万元整": "万元",
		"单位: 万元（人民币）": "万元", "单位：万元人民币": "万元", "单位：户 人 万元": "万元", "单位：人民币元": "元",
		"单位：%": "", "单位：": "", "单位：罗建村": "", "单位负责人：张三": "",
	} {
		if got, said, ok := titleUnit(cell); got != want || !ok {
			t.Errorf("titleUnit(%q) = %q, %q, %v, want %q", cell, got, said, ok, want)
		}
	}
}

// TestTitleUnitUnread: a 单位 that names a unit econcalc cannot read is
// said, never taken for no unit (and the amounts for 元).
func TestTitleUnitUnread(t *testing.T) {
	for _, cell := range []string{"单位：万元、亿元", "单位：千美元", "单位：万 美元", "（单位：万美元）", "单位 千 港元"} {
		if u, said, ok := titleUnit(cell); ok || u != "" || said == "" {
			t.Errorf("titleUnit(%q) = %q, %q, %v: want it unread", cell, u, said, ok)
		}
	}
	var u tableUnit
	u.read([]string{"表1", "单位：", "万元"}, "a.csv", 1)
	if err := u.done("a.csv", 2, nil); err != nil || u.unit != "万元" {
		t.Errorf("单位： beside 万元: %q, %v", u.unit, err)
	}
	var v tableUnit
	v.read([]string{"单位：千美元"}, "a.csv", 1)
	err := v.done("a.csv", 3, nil)
	if err == nil || !strings.HasPrefix(err.Error(), `a.csv:1: "单位：千美元" above the header gives a unit econcalc cannot read: it reads 元, 人, 户`) {
		t.Errorf("单位：千美元: %v", err)
	}
}

// TestTableUnitOfFiles: files read together give one unit or none.
func TestTableUnitOfFiles(t *testing.T) {
	var u tableUnit
	u.read([]string{"表1", "单位：万元"}, "a.csv", 1)
	if err := u.done("a.csv", 3, nil); err != nil || u.unit != "万元" {
		t.Fatalf("first file: %q, %v", u.unit, err)
	}
	u.read([]string{"单位：万元"}, "a.csv", 1) // opened again
	if err := u.done("a.csv", 3, nil); err != nil {
		t.Errorf("the first file again: %v", err)
	}
	u.read([]string{"单位：万元"}, "b.csv", 1)
	if err := u.done("b.csv", 2, nil); err != nil {
		t.Errorf("the same unit in another file: %v", err)
	}
	u.read([]string{"单位：亿元"}, "c.csv", 1)
	if err := u.done("c.csv", 2, nil); err == nil {
		t.Errorf("亿元 after 万元: no error")
	}
	if err := u.done("d.csv", 1, nil); err == nil {
		t.Errorf("no unit after 万元: no error")
	}
	var none tableUnit
	none.done("a.csv", 1, nil)
	none.read([]string{"单位：亿元"}, "b.csv", 1)
	if err := none.done("b.csv", 2, nil); err == nil {
		t.Errorf("亿元 after a file with none: no error")
	}
}

// TestTableUnitInHeader: a file that gives no unit above its header agrees
// with one that does when its header gives that unit in brackets, either
// way round; its columns are the other's, the unit said in one place or the
// other; a unit that differs is refused.
func TestTableUnitInHeader(t *testing.T) {
	withTitle := []string{"户编号", "村", "工资性收入"}
	inHeader := []string{"户编号", "村", "工资性收入（元）"}
	var u tableUnit
	u.read([]string{"单位：元"}, "a.csv", 1)
	if err := u.done("a.csv", 3, withTitle); err != nil {
		t.Fatal(err)
	}
	u.read([]string{"填报单位：罗建村"}, "b.csv", 1)
	if err := u.done("b.csv", 3, inHeader); err != nil {
		t.Errorf("元 in the header after 单位：元: %v", err)
	}
	if !u.sameColumn("工资性收入", "工资性收入（元）") || u.sameColumn("工资性收入", "工资性收入（万元）") {
		t.Errorf("工资性收入 under 单位：元 is 工资性收入（元）, not 工资性收入（万元）")
	}
	if err := u.done("c.csv", 3, []string{"户编号", "村", "工资性收入（万元）"}); err == nil ||
		err.Error() != "c.csv:3: gives no unit above its header, 万元 in it, the first file 单位：元: files read together must give one unit" {
		t.Errorf("万元 in the header after 单位：元: %v", err)
	}

	var v tableUnit
	if err := v.done("b.csv", 3, inHeader); err != nil {
		t.Fatal(err)
	}
	v.read([]string{"单位：元"}, "a.csv", 1)
	if err := v.done("a.csv", 3, withTitle); err != nil {
		t.Errorf("单位：元 after 元 in the header: %v", err)
	}
	if !v.sameColumn("工资性收入（元）", "工资性收入") || !v.sameColumn("户编号", "户编号") {
		t.Errorf("工资性收入（元） is 工资性收入 under 单位：元")
	}
	v.read([]string{"单位：万元"}, "d.csv", 1)
	if err := v.done("d.csv", 3, withTitle); err == nil {
		t.Errorf("单位：万元 after 元 in the header: no error")
	}
	if v.sameColumn("工资性收入（元）", "工资性收入") {
		t.Errorf("工资性收入（元） is 工资性收入 under 单位：万元")
	}
}
