package input

import (
	"strings"
	"testing"
)

// TestFindRefusesTwoColumnsForOneRole: two columns that each have one of a
// role's names were one picked silently, the first: 绝对值 beside
// 绝对值(亿元) (a unit in brackets is no part of a name, so this is one
// name twice), 本期 beside 绝对值 (both names of the value). They are
// refused naming both and the flag that picks one; that flag, or a header
// of one such column, reads as before.
func TestFindRefusesTwoColumnsForOneRole(t *testing.T) {
	value := Column{Key: "value", Aliases: []string{"数值", "本期", "本期值", "绝对值"}, Flag: "value-col"}
	rate := Column{Key: "rate", Aliases: []string{"增速", "同比增长"}, Flag: "rate-col"}
	prior := Column{Key: "prior", Aliases: []string{"上年同期"}, Flag: "prior-col"}
	id := Column{Key: "household_id", Aliases: []string{"户编号", "户号", "户主"}, Flag: "id-col", Preferred: true}
	for _, c := range []struct {
		header   string
		spec     Column
		override string
		want     int    // the column found
		err      string // else the error's end
	}{
		{"指标,绝对值,绝对值(亿元),增速", value, "", 0, `columns "绝对值", "绝对值(亿元)" could each be the value column: name the one to use with --value-col`},
		{"指标,绝对值(万元),绝对值（亿元）", value, "", 0, `columns "绝对值(万元)", "绝对值（亿元）" could each be the value column: name the one to use with --value-col`},
		{"指标,本期,绝对值,增速", value, "", 0, `columns "本期", "绝对值" could each be the value column: name the one to use with --value-col`},
		{"指标,绝对值,增速,增速(%)", rate, "", 0, `columns "增速", "增速(%)" could each be the rate column: name the one to use with --rate-col`},
		{"指标,增速,同比增长", rate, "", 0, `columns "增速", "同比增长" could each be the rate column: name the one to use with --rate-col`},
		// The flag names one outright: by its whole name, unit and all.
		{"指标,绝对值,绝对值(亿元),增速", value, "绝对值", 1, ""},
		{"指标,绝对值,绝对值(亿元),增速", value, "绝对值(亿元)", 2, ""},
		{"指标,本期,绝对值,增速", value, "绝对值", 2, ""},
		// One column of the role, with or without its unit, as before.
		{"指标,绝对值(亿元),增速(%)", value, "", 1, ""},
		{"指标,绝对值(亿元),增速(%)", rate, "", 2, ""},
		// A note in brackets is part of the name: 上年同期（调整后） is
		// another column than 上年同期, and found only where it is alone.
		{"指标,本期,上年同期,上年同期（调整后）", prior, "", 2, ""},
		{"指标,本期,上年同期（调整后）", prior, "", 2, ""},
		// Names in order of preference: 户编号 before 户主 (a head's name).
		{"户编号,户主,家庭人口", id, "", 0, ""},
		{"户主,家庭人口", id, "", 0, ""},
		{"户编号,户编号（2017年）,户主", id, "", 0, ""}, // a note: another name
	} {
		in, _ := openFile(t, c.header+"\n"+strings.Repeat("x,", strings.Count(c.header, ","))+"x\n")
		got, err := in.Find(c.spec, c.override)
		in.Close()
		switch {
		case c.err != "" && (err == nil || !strings.HasSuffix(err.Error(), c.err)):
			t.Errorf("%s: Find(%s) = %d, %v; want the error …%s", c.header, c.spec.Key, got, err, c.err)
		case c.err == "" && (err != nil || got != c.want):
			t.Errorf("%s: Find(%s, %q) = %d, %v; want %d", c.header, c.spec.Key, c.override, got, err, c.want)
		}
	}
}
