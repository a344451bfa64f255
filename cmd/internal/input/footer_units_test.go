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
// --skip-footer where the amounts are read in its unit (单位：元 below a
// table that gives no unit): two households are read. 单位：万元 there is
// refused with --skip-footer or without (unitBelow).
func TestWorkbookUnitLineBelowTable(t *testing.T) {
	str := func(ref, v string) string { return `<c r="` + ref + `" t="inlineStr"><is><t>` + v + `</t></is></c>` }
	num := func(ref, v string) string { return `<c r="` + ref + `"><v>` + v + `</v></c>` }
	book := func(unit string) string {
		return oneSheet(`<row r="1">` + str("A1", "户编号") + str("B1", "村") + str("C1", "家庭人口") + `</row>` +
			`<row r="2">` + str("A2", "JT01") + str("B2", "金台村") + num("C2", "5") + `</row>` +
			`<row r="3">` + str("A3", "JT02") + str("B3", "金台村") + num("C3", "4") + `</row>` +
			`<row r="5">` + str("A5", unit) + `</row>`).write(t)
	}
	read := func(path string, skipFooter int) ([]string, error) {
		s, err := Open(Options{Files: []string{path}, SkipFooter: skipFooter}, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		var ids []string
		err = s.Each(func(r *Row) error { ids = append(ids, r.Text(0)); return nil })
		return ids, err
	}
	yuan := book("单位：元")
	_, err := read(yuan, 0)
	want := `book.xlsx[表]:5: "单位：元" looks like a note below the table, not data; if the table ends above it, add --skip-footer 1`
	if err == nil || !strings.HasSuffix(err.Error(), "/"+want) {
		t.Errorf("got %v, want %s", err, want)
	}
	ids, err := read(yuan, 1)
	check(t, err)
	if strings.Join(ids, " ") != "JT01 JT02" {
		t.Errorf("with --skip-footer 1 read %q, want JT01 JT02", ids)
	}
	wan := book("单位：万元")
	want = `book.xlsx[表]:5: "单位：万元": a unit below the table (万元) that the table does not give above its header or in its headers: ` +
		`put it above the header, or the unit in the headers (金额（万元）)`
	for _, skip := range []int{0, 1} {
		if _, err := read(wan, skip); err == nil || !strings.HasSuffix(err.Error(), "/"+want) {
			t.Errorf("--skip-footer %d: got %v, want %s", skip, err, want)
		}
	}
}

// A unit line below the table is passed over only in the unit the amounts
// are read in: the one above the header, else the one the headers give of
// its kind, else one no power of ten multiplies where the headers give
// none of its kind.
func TestUnitBelowGiven(t *testing.T) {
	for _, c := range []struct {
		title  string
		header []string
		unit   string
		want   bool
	}{
		{"万元", nil, "万元", true},
		{"万千瓦时", nil, "万度", true}, // one unit, however written
		{"元", nil, "万元", false},   // the amounts are read in 元
		{"万元", nil, "元", false},   // in 万元
		{"万元", []string{"万元"}, "元", false},
		{"", nil, "万元", false}, // read as written: in 元, 1.5 for 1.5 万元
		{"", nil, "元", true},   // read as written, which is in 元
		{"", nil, "人", true},
		{"", []string{"万元"}, "万元", true}, // 金额（万元）
		{"", []string{"万元", "人"}, "万元", true},
		{"", []string{"万元", "元"}, "万元", false}, // 金额（万元）,奖励（元）
		{"", []string{"万元"}, "元", false},
		{"", []string{"人"}, "万元", false},
		{"", []string{"万人"}, "人", false},
	} {
		if got := (unitsGiven{c.title, c.header}).gives(c.unit); got != c.want {
			t.Errorf("above %q, in the headers %q: %s below = %v, want %v", c.title, c.header, c.unit, got, c.want)
		}
	}
	for _, c := range []struct {
		fields      []string
		unit, shown string
	}{
		{[]string{"单位：万元", ""}, "万元", "万元"},
		{[]string{"", "（单位：万元）"}, "万元", "万元"},
		{[]string{"单位：", "万元"}, "万元", "万元"},
		{[]string{"单位", "万元"}, "万元", "万元"},
		{[]string{"单位：个"}, "", "个"},
		{[]string{"单位：千美元"}, "", "千美元"},
	} {
		if unit, shown := lineUnit(c.fields); unit != c.unit || shown != c.shown {
			t.Errorf("lineUnit(%q) = %q, %q; want %q, %q", c.fields, unit, shown, c.unit, c.shown)
		}
	}
}
