package input

import "testing"

// G/通用格式 is General as Excel in Chinese names it: its G is no era, and
// a number under it reads as stored (201610 was read as a date, 2451-12:
// 201610 days after 1899-12-30). Letters in quotes or [brackets] are text
// or a locale, never a date's.
func TestIsDateFormatGeneralAndText(t *testing.T) {
	for code, want := range map[string]bool{
		"G/通用格式": false, "g/通用格式": false, "通用格式": false, "General": false, "GENERAL": false, "general": false,
		"G/通用格式;-G/通用格式": false, `[Red]G/通用格式`: false, `G/通用格式"元"`: false,
		`0"年"`: false, `"yyyy"0`: false, `0" days"`: false, `[Green]0`: false, `[DBNum1]0`: false, `[$-804]0.00`: false,
		`[h]:mm`: false, `0.00E+00`: false, `[Red`: false, `\d0`: false,
		"yyyy-mm-dd": true, `yyyy"年"m"月"`: true, `[$-804]yyyy"年"m"月"`: true, "ge.m.d": true, "mmm-yy": true,
		"G/通用格式 yyyy": true, "h:mm": false, "mm:ss": false,
	} {
		if got := isDateFormat(code); got != want {
			t.Errorf("isDateFormat(%q) = %v, want %v", code, got, want)
		}
	}
	checkColumn(t, []formattedCell{
		{"201610", "G/通用格式", "201610"}, // a period, not the day 201610 (2451-12-…)
		{"12000", "G/通用格式", "12000"},
		{"8.87", "g/通用格式", "8.87"},
		{"201610", "通用格式", "201610"},
		{"201610", "GENERAL", "201610"},
		{"201610", `0"年"`, "201610"},
		{"201610", "[Green]0", "201610"},
	})
}
