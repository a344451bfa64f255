package input

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSignatureCell: a signature's label, alone or followed by a colon and
// a value, and never an id or a name that goes on without a colon.
func TestSignatureCell(t *testing.T) {
	for cell, want := range map[string]bool{
		"填表人：张三": true, "填表人：": true, "填表人": true, " 审核人 : 李四": true,
		"单位负责人：王五": true, "统计负责人": true, "联系电话：8888888": true, "电话:8223456": true,
		"填报日期：2017年11月5日": true, "报出日期": true, "制表日期：2017-11-05": true, "联系人　：赵六": true,
		"电话网络改造": false, "负责人培训中心": false, "填表人员": false, "JT01": false, "": false,
		"金台村": false, "注：单位万元": false, "电": false,
		// A bracketed note between the label and its colon, a colon of
		// either width, a label spaced from a date or a name, a date
		// right after its label.
		"负责人（签字）：张三": true, "单位负责人（签章）：": true, "统计负责人(签字):": true,
		"审核人（签字）": true, "负责人（签字） 张三": true, "填报单位（盖章）：石山村": true,
		"填报日期 2017-11-05": true, "报出日期　2017年11月5日": true, "填表日期2017-11-05": true,
		"联系电话 13800000000": true, "制表 李四": true, "统计员 王五": true,
		// The labels forms end with that were missing.
		"制表：李四": true, "制表:李四": true, "统计员：王五": true, "审核：": true, "复核：": true,
		"填表：张三": true, "校核：": true, "经办人：张三": true, "主管领导：": true, "分管领导：": true,
		"部门负责人：": true, "手机：13800000000": true, "日期：2017-11-05": true, "填报单位：金台村委会": true,
		"打印日期：2017-11-05": true, "统计员": true, "审核": true,
		// Names, villages, indicators that start with a label and go on.
		"王制表": false, "审核村": false, "制表车间": false, "统计员工": false, "日期型": false,
		"电话（万户）": false, "电话 万户": false, "审核 2017": false, "填报单位 金台村": false,
		"手机用户": false, "负责人（签字": false, "审核 李四和王五两人": false,
	} {
		if got := isSignatureCell(cell); got != want {
			t.Errorf("isSignatureCell(%q) = %v, want %v", cell, got, want)
		}
	}
}

// TestSignatureRecordBare: a label followed by a colon signs a row whatever
// it holds; a bare one only where no figure follows it or another cell is
// a signature's too, so that a row of the table named 电话 or 负责人 stays
// one.
func TestSignatureRecordBare(t *testing.T) {
	for _, c := range []struct {
		fields []string
		want   bool
	}{
		{[]string{"电话", "万户", "120.2", "31.7"}, false},
		{[]string{"联系人", "人", "5"}, false},
		{[]string{"", "负责人", "12", "3.5"}, false},
		{[]string{"填表人", "张三", ""}, true},
		{[]string{"填表人", "", ""}, true},
		{[]string{"填报日期", "2017-11-05", "联系电话", "12345678"}, true},
		{[]string{"填表人：", "张三", "联系电话：", "8888888"}, true},
		{[]string{"电话：", "8223456"}, true},
		{[]string{"电话网络改造", "区级", "80000"}, false},
		// Spaced or bracketed, as bare: a signature where nothing follows,
		// a row of the table where figures do.
		{[]string{"填报日期 2017-11-05", "", ""}, true},
		{[]string{"审核人（签字）", "李四", ""}, true},
		{[]string{"统计员", "金台村", "3"}, false},
		{[]string{"制表 李四", "金台村", "3"}, false},
		{[]string{"电话（万户）", "", ""}, false},
		{[]string{"负责人（签字）：张三", "5", ""}, true},
		{[]string{"", "", "制表：李四"}, true},
	} {
		if got := isSignatureRecord(c.fields); got != c.want {
			t.Errorf("isSignatureRecord(%q) = %v, want %v", c.fields, got, c.want)
		}
	}
}

// TestSignatureRowIsANote: a row whose first cell that is not blank is a
// signature's is a note, whatever its other cells hold: --skip-footer
// passes over it, and without it the row is refused (by the RFC 4180
// reader and after the plain scanner alike), naming the line and the
// --skip-footer that passes over it.
func TestSignatureRowIsANote(t *testing.T) {
	const header = "户编号,村,家庭人口\nJT01,金台村,5\nJT02,金台村,4\n"
	for _, c := range []struct {
		name, footer string
	}{
		{"phone", "填表人：,张三,8888888\n"},
		{"date", "填报日期：2017年11月5日,联系电话：,8223456\n"},
		{"alone", "填表人：张三,,\n"},
		{"second", ",填表人：张三,\n"},
		{"spaced", "  审核人 ：李四,复核人：,\n"},
		{"dated", "填报日期 2017-11-05,,\n"},
		{"bracketed", "负责人（签字）：张三,,\n"},
		{"made", "制表：李四,审核：王五,\n"},
		{"third", ",,统计员：王五\n"},
	} {
		path := filepath.Join(t.TempDir(), c.name+".csv")
		if err := os.WriteFile(path, []byte(header+c.footer), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, skip := range []int{0, 1} {
			for _, upTo := range []int{0, 1} {
				in, err := Open(Options{Files: []string{path}, Encoding: "auto", Delimiter: ',', SkipFooter: skip}, nil)
				if err != nil {
					t.Fatal(err)
				}
				if upTo > 0 {
					in.ReadsUpTo(upTo)
				}
				if skip == 0 {
					// The plain scanner hands the row to the RFC 4180 reader.
					plain, ok := in.openPlain()
					if !ok {
						t.Fatalf("%s: not read by the plain scanner", c.name)
					}
					_, err := plain.scan(func(*fastRange) rowSink {
						return func([][]byte, int) error { return nil }
					})
					plain.close()
					if !errors.Is(err, errNotPlain) {
						t.Errorf("%s (upTo %d): the plain scanner read the signature as a row: %v", c.name, upTo, err)
					}
				}
				rows := 0
				err = in.Each(func(*Row) error { rows++; return nil })
				in.Close()
				switch {
				case skip == 1 && (err != nil || rows != 2):
					t.Errorf("%s --skip-footer 1: read %d rows, %v; want 2", c.name, rows, err)
				case skip == 0 && (err == nil || !strings.Contains(err.Error(), c.name+".csv:4: ") ||
					!strings.HasSuffix(err.Error(), "looks like a signature below the table, not data; if the table ends above it, add --skip-footer 1")):
					t.Errorf("%s (upTo %d): %v; want it refused at line 4 with --skip-footer 1", c.name, upTo, err)
				}
			}
		}
	}
}

// TestSignatureLabelsAll: every label signs a cell, alone and before a
// colon, so that the quick look at its first character passes them all.
func TestSignatureLabelsAll(t *testing.T) {
	for _, l := range signatureLabels {
		for _, cell := range []string{l, l + "：", l + ":张三"} {
			if !isSignatureCell(cell) {
				t.Errorf("isSignatureCell(%q) = false", cell)
			}
		}
	}
}
