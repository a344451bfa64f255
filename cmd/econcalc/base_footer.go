package main

import (
	"fmt"
	"regexp"
	"strings"

	"econcalc/cmd/internal/input"
)

// signatureDate is a date written under a table, alone in its row:
// 2017年11月5日, 二〇一七年十一月五日, 2017-11-05.
var signatureDate = regexp.MustCompile(`^(?:[\d〇零一二三四五六七八九]{4}\s*年\s*[\d一二三四五六七八九十]{1,2}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日|\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2})$`)

// baseFooter follows the rows that look like the signature under a table
// (填表人：张三, 单位负责人：李四, 2017年11月5日, with the empty cells Excel
// leaves after them): base reads an empty figure as missing, so such a row
// would print as an indicator with no figures. A run of them that ends the
// input is refused with the --skip-footer that passes over it; one with
// rows of figures after it is read as an indicator, as it is written.
type baseFooter struct {
	start   input.Pos
	cell    string
	rows    int
	pending error // a figure in a signature-looking row that is no number
}

// signature: every cell not empty says what it is before a colon (the
// cells input.LabelValues finds: 填表人：张三, 审核人：李四), other than
// 其中：, which heads the parts of the indicator above it; or the first
// cell is a date and the others are empty.
func signature(rec *input.Row, indicator int) bool {
	fields := make([]string, len(rec.Fields))
	for i := range rec.Fields {
		fields[i] = rec.Text(i)
	}
	first := ""
	if indicator < len(fields) {
		first = fields[indicator]
	}
	if strings.HasPrefix(first, "其中") {
		return false
	}
	if input.LabelValues(fields) {
		return true
	}
	if !signatureDate.MatchString(first) {
		return false
	}
	for i, f := range fields {
		if i != indicator && f != "" {
			return false
		}
	}
	return true
}

// add counts a signature-looking row; err is what reading its figures
// gave, returned if a row of figures follows.
func (f *baseFooter) add(rec *input.Row, indicator int, err error) {
	if f.rows == 0 {
		f.start, f.cell = rec.Pos(), rec.Text(indicator)
	}
	f.rows++
	if f.pending == nil {
		f.pending = err
	}
}

// figuresFollow is called for a row of figures: a run of signature-looking
// rows above it was part of the table after all.
func (f *baseFooter) figuresFollow() error {
	err := f.pending
	*f = baseFooter{}
	return err
}

// err refuses a run of signature-looking rows that ends the input.
func (f *baseFooter) err() error {
	if f.rows == 0 {
		return nil
	}
	return &input.DataError{File: f.start.File(), Line: f.start.Line(), Msg: fmt.Sprintf(
		"%s has no figures and looks like a signature or date below the table, not an indicator; if the table ends above it, add --skip-footer %d",
		input.QuoteCell(f.cell), f.rows)}
}
