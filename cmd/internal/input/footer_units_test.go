package input

import (
	"strings"
	"testing"
)

// A unit line below the table is a note (isNoteRecord), as a signature is;
// a row that only starts with 单位 is not.
func TestUnitRecord(t *testing.T) {
	for _, c := range []struct {
		fields []string
		want   bool
	}{
		{[]string{"单位：万元", "", ""}, true},
		{[]string{"单位:元"}, true},
		{[]string{"计量单位：万元", "", ""}, true},
		{[]string{"金额单位：元", ""}, true},
		{[]string{"（单位：万元）", "", ""}, true},
		{[]string{"单位（亿元）", ""}, true},
		{[]string{"单位：个", ""}, true},
		{[]string{"", "", "单位：万元"}, true},
		{[]string{"单位：", "万元", ""}, true},
		{[]string{"单位", "万元", ""}, true},
		{[]string{" 单位：万元 ", ""}, true},
		{[]string{"单位", "金台村", ""}, false},     // a household 单位 in 金台村
		{[]string{"单位：", "金台村", "3"}, false},   // no unit beside
		{[]string{"单位：万元", "金台村", "3"}, false}, // a row's cells after it
		{[]string{"单位：万元", "", "5"}, false},
		{[]string{"单位宿舍", "金台村", "3"}, false},
		{[]string{"单位名称", "", ""}, false},
		{[]string{"单位", "", ""}, false},
		{[]string{"填报单位：经开区", ""}, false}, // a signature's (footer_labels.go), not a unit line
		{[]string{"JT01", "单位：万元"}, false},
		{[]string{"", "", ""}, false},
	} {
		if got := isUnitRecord(c.fields); got != c.want {
			t.Errorf("isUnitRecord(%q) = %v, want %v", c.fields, got, c.want)
		}
		if c.want && !isNoteRecord(c.fields) {
			t.Errorf("isNoteRecord(%q) = false", c.fields)
		}
	}
}

// In a workbook, a unit line in the row below the table is refused as in a
// CSV file, named by the row Excel shows, and passed over with
// --skip-footer: two households are read.
func TestWorkbookUnitLineBelowTable(t *testing.T) {
	str := func(ref, v string) string { return `<c r="` + ref + `" t="inlineStr"><is><t>` + v + `</t></is></c>` }
	num := func(ref, v string) string { return `<c r="` + ref + `"><v>` + v + `</v></c>` }
	path := oneSheet(`<row r="1">` + str("A1", "户编号") + str("B1", "村") + str("C1", "家庭人口") + `</row>` +
		`<row r="2">` + str("A2", "JT01") + str("B2", "金台村") + num("C2", "5") + `</row>` +
		`<row r="3">` + str("A3", "JT02") + str("B3", "金台村") + num("C3", "4") + `</row>` +
		`<row r="5">` + str("A5", "单位：万元") + `</row>`).write(t)
	s, err := Open(Options{Files: []string{path}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = s.Each(func(*Row) error { return nil })
	s.Close()
	want := `book.xlsx[表]:5: "单位：万元" looks like a note below the table, not data; if the table ends above it, add --skip-footer 1`
	if err == nil || !strings.HasSuffix(err.Error(), "/"+want) {
		t.Errorf("got %v, want %s", err, want)
	}
	s, err = Open(Options{Files: []string{path}, SkipFooter: 1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var ids []string
	check(t, s.Each(func(r *Row) error { ids = append(ids, r.Text(0)); return nil }))
	if strings.Join(ids, " ") != "JT01 JT02" {
		t.Errorf("with --skip-footer 1 read %q, want JT01 JT02", ids)
	}
}
