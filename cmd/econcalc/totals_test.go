package main

import (
	"bytes"
	"testing"
)

// TestKindOf: totals and subtotals by their labels, in any case and with
// spaces inside; a breakdown (其中…) of any length is a subtotal, for adding
// it would count its rows twice; other labels are data.
func TestKindOf(t *testing.T) {
	for label, want := range map[string]rowKind{
		"合计": totalRow, "合　计": totalRow, "Total": totalRow, "全县": totalRow,
		"小计": subtotalRow, "Sub-total": subtotalRow,
		"其中": subtotalRow, "其中：六大战役": subtotalRow, "其中:区级": subtotalRow,
		"其中：中信重工特种机器人产业园扩建工程": subtotalRow,
		"其他": dataRow, "金台村": dataRow, "全县重点项目": dataRow, "中信重工": dataRow,
		// Labels that say what they total, with a colon or a note after.
		"全区合计": totalRow, "全县合计": totalRow, "全市总计": totalRow, "县合计": totalRow,
		"合计：": totalRow, "合计:": totalRow, "合计（户）": totalRow, "全县（区）": totalRow,
		"全村合计": totalRow, "石期市镇合计": totalRow, "全省": totalRow, "全镇": totalRow,
		"共计": totalRow, "Grand total": totalRow, "Total (all villages)": totalRow,
		"罗建村小计": subtotalRow, "小计：": subtotalRow, "Village subtotal": subtotalRow, "Block A sub-total": subtotalRow,
		"统计局": dataRow, "会计": dataRow, "设计院（一期）": dataRow, "全州县": dataRow,
		"Hospital": dataRow, "Note:": dataRow,
		// 数 after 计, brackets around the label, traditional characters.
		"合计数": totalRow, "全镇合计数": totalRow, "总计数": totalRow, "合计数：": totalRow, "合计数（户）": totalRow,
		"小计数": subtotalRow, "罗建村小计数": subtotalRow,
		"（合计）": totalRow, "(合计)": totalRow, "【合计】": totalRow, "〔合计〕": totalRow, "〖合计〗": totalRow,
		"[合计]": totalRow, "（合计）（户）": totalRow, "【全县合计】：": totalRow, "（全县）": totalRow,
		"【小计】": subtotalRow, "（罗建村小计）": subtotalRow,
		"合計": totalRow, "總計": totalRow, "共計": totalRow, "全縣": totalRow, "全區合計": totalRow, "全鎮": totalRow,
		"全鄉": totalRow, "總體": totalRow, "合計數": totalRow, "（總計）": totalRow, "小計": subtotalRow, "羅建村小計": subtotalRow,
		"统计数": dataRow, "累计数": dataRow, "设计": dataRow, "（区）": dataRow, "（一期）": dataRow, "（）": dataRow,
		"【重点项目】": dataRow, "統計局": dataRow, "總工會": dataRow,
		// The other brackets around a label, and a round one left over.
		"［合计］": totalRow, "「合计」": totalRow, "『合计』": totalRow, "《合计》": totalRow, "〈合计〉": totalRow,
		"合计）": totalRow, "（合计": totalRow, "合计)": totalRow, "［全县］": totalRow, "「小计」": subtotalRow,
		"《合计》（户）": totalRow, "［总计］：": totalRow,
		"《政府工作报告》": dataRow, "「一期」": dataRow, "［重点项目］": dataRow, "一期）": dataRow, "合计］": dataRow,
	} {
		if got := kindOf([]byte(label)); got != want {
			t.Errorf("kindOf(%q) = %d, want %d", label, got, want)
		}
	}
}

// TestMayBeLabelTakesEveryForm: mayBeLabel, the quick look at a cell's
// first and last bytes, never passes over a label kindOf takes, in the
// forms that start or end with bytes other labels do not (合计数, （合计）,
// 【合计】, 總計, 總體, 小計): each label with its first two bytes, and then its
// last two, made every pair of bytes, is passed over only where kindOf
// takes the cell, trimmed, for data; and each label, padded with spaces,
// is looked at.
func TestMayBeLabelTakesEveryForm(t *testing.T) {
	labels := []string{"合计数", "全镇合计数", "小计数", "（合计）", "(合计)", "【合计】", "〔合计〕", "〖合计〗",
		"[合计]", "【全县】", "县合计数", "縣合計數", "罗建村小计数", "〖全县合计〗", "合計", "總計", "總體", "小計", "全縣", "全區合計", "合計數", "罗建村小計",
		"合计", "全县", "其中：区级", "Grand total", "sum", "合计：", "合计（户）", "县合计:", "县合计（户）", "县合计（户）：", "(合计):",
		"［合计］", "「合计」", "『合计』", "《合计》", "〈合计〉", "合计）", "（合计", "［全县］", "「全县合计」", "［總計］"}
	for _, label := range labels {
		if kindOf([]byte(label)) == dataRow {
			t.Fatalf("kindOf(%q): data, not a label", label)
		}
		for _, pad := range []string{"", " ", "\t", "\u3000", "\u00a0", "\u2003"} {
			if cell := []byte(pad + label + pad); !mayBeLabel(cell) {
				t.Errorf("%q: passed over, but it is a label", cell)
			}
		}
		n := len(label)
		for b := range 1 << 16 {
			pair := []byte{byte(b >> 8), byte(b)}
			for _, cell := range [][]byte{append(pair, label[2:]...), append([]byte(label[:n-2]), pair...)} {
				if !mayBeLabel(cell) && kindOf(bytes.TrimSpace(cell)) != dataRow {
					t.Fatalf("%q: passed over, but kindOf takes it for a label", cell)
				}
			}
		}
	}
}

// TestMayBeLabelPassesFullWidthDigits: cells of full-width digits, which
// start with the bytes of ［ but its third (EF BC 90–99 against EF BC BB),
// are passed over by mayBeLabel as other numbers are.
func TestMayBeLabelPassesFullWidthDigits(t *testing.T) {
	for _, cell := range []string{"０", "１２３", "９８７６５４", "１０．５"} {
		if mayBeLabel([]byte(cell)) {
			t.Errorf("%q: looked at, but no label starts or ends as it does", cell)
		}
	}
}
