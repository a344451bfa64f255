package main

import (
	"strings"
	"unicode/utf8"

	"econcalc/calc"
)

// rateBrackets enclose a rate header's unit or note: 比上年增长（±%）,
// 增速（%）（可比价）.
var rateBrackets = [][2]string{{"（", "）"}, {"(", ")"}, {"(", "）"}, {"（", ")"}, {"[", "]"}, {"【", "】"}}

// priceNotes are notes on the prices a rate is at, written in its
// brackets beside the unit: 同比增长（%，按可比价计算）, 增速（%）（可比价）.
var priceNotes = []string{"可比价", "现价", "不变价", "当年价"}

// rateHeader cuts a rate column's header into its name, in lower case,
// and its unit, spaces taken out: the brackets at its end, a note on
// prices (priceNotes) or another note (calc.IsNote) passed over, within a
// pair of brackets (%，按可比价计算) or as a pair (（%）（可比价）).
func rateHeader(header string) (name, unit string) {
	h := strings.ToLower(strings.TrimSpace(header))
	for {
		inner, rest, ok := lastBrackets(h)
		if !ok {
			return h, ""
		}
		h = rest
		if unit = rateUnitOf(inner); unit != "" {
			return strings.TrimSpace(rateNameOf(h)), unit
		}
	}
}

// rateNameOf is a header with any notes in brackets at its end taken off.
func rateNameOf(h string) string {
	for {
		inner, rest, ok := lastBrackets(h)
		if !ok || rateUnitOf(inner) != "" {
			return h
		}
		h = rest
	}
}

// rateName is a rate header's name (rateHeader).
func rateName(header string) string {
	name, _ := rateHeader(header)
	return name
}

// lastBrackets splits the bracketed text at the end of h from what is
// before it.
func lastBrackets(h string) (inner, rest string, ok bool) {
	h = strings.TrimSpace(h)
	for _, b := range rateBrackets {
		if !strings.HasSuffix(h, b[1]) {
			continue
		}
		if i := strings.LastIndex(h, b[0]); i > 0 {
			return h[i+len(b[0]) : len(h)-len(b[1])], h[:i], true
		}
	}
	return "", h, false
}

// rateUnitOf is the unit in a pair of brackets after a rate's name, its
// notes taken out (%，按可比价计算 is %), or "" when all it holds is notes.
func rateUnitOf(inner string) string {
	var units []string
	for _, part := range strings.FieldsFunc(inner, func(r rune) bool { return strings.ContainsRune(",，、;；", r) }) {
		part = strings.Join(strings.Fields(part), "")
		if part == "" || isPriceNote(part) || calc.IsNote(part) {
			continue
		}
		units = append(units, part)
	}
	return strings.Join(units, "，")
}

// indexBase is the index base a header states, spaces taken out, where
// it states one: 上年同期=100 in 同比增长（%）（上年同期=100）, 上年=100 in
// 比上年增长（%，上年=100）, =100 (or ＝100) anywhere; "" for none. Such a
// column's figures may be an index (131.7, +31.7%) as well as a rate.
func indexBase(header string) string {
	h := strings.Join(strings.Fields(header), "")
	i := strings.Index(h, "=100")
	if j := strings.Index(h, "＝100"); i < 0 || j >= 0 && j < i {
		i = j
	}
	if i < 0 {
		return ""
	}
	start := i // the base's name before =: back to a bracket or a separator
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(h[:start])
		if strings.ContainsRune("（(【[,，、;；", r) {
			break
		}
		start -= size
	}
	end := i + len("=100")
	if strings.HasPrefix(h[i:], "＝") {
		end = i + len("＝100")
	}
	return h[start:end]
}

func isPriceNote(part string) bool {
	for _, n := range priceNotes {
		if strings.Contains(part, n) {
			return true
		}
	}
	return false
}

// percentUnit is "%" for a unit that says per cent, the sign of the
// change beside it or not (%, ％, ±%, %±, +-%, 百分比, 百分率, pct,
// percent), "‰" for per mille (‰, ±‰), "" for none, and the unit itself
// for any other.
func percentUnit(unit string) string {
	switch strings.ToLower(unit) {
	case "":
		return ""
	case "百分比", "百分率", "pct", "percent":
		return "%"
	}
	u := unit
	for _, sign := range []string{"±", "+/-", "+-", "＋－", "+－", "＋-"} {
		u = strings.Replace(u, sign, "", 1)
	}
	switch u {
	case "%", "％":
		return "%"
	case "‰":
		return "‰"
	}
	return unit
}
