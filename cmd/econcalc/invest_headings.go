package main

import (
	"fmt"
	"regexp"
	"strings"

	"econcalc/calc"
	"econcalc/cmd/internal/input"

	"github.com/shopspring/decimal"
)

// A bureau's project table is most often cut into categories by heading
// rows numbered in Chinese, the projects under each numbered 1, 2, 3:
//
//	序号,项目名称,年度计划,累计完成
//	一,六大战役项目（2个）,300,240
//	1,A,100,90
//
// or with the numeral in the name, 一、六大战役项目（2个）, and sub-headings
// numbered （一）, （二） in 序号 or in the name (（一）工业项目 beside an
// empty 序号) under a heading or alone. Such a row is no
// project. Its figures, when it gives them, are the subtotal of the
// projects under it (down to the next heading of its level or above),
// checked as a reported total is; the projects under it without a
// category of their own are in the category of the nearest heading above
// (六大战役项目). A heading with figures and no project under it may be a
// project numbered 一: refused, never dropped.

// chineseOrdinal is a Chinese number from 一 to 九十九, as headings are
// numbered: 一, 十一, 二十.
const chineseOrdinal = `(?:[二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])`

// numberedThing is what a numeral in a project's name numbers: 号, 期.
const numberedThing = `(?:号|期|标|批|段|栋|座|台|条|#)`

var (
	// headingNumber is a numbering cell that numbers a heading: 一, 十一,
	// 一、, and a heading's words after it (一、六大战役项目).
	headingNumber = regexp.MustCompile(`^` + chineseOrdinal + `\s*(?:[、.．]\s*(.*))?$`)
	// subheadingNumber numbers a sub-heading: （一）, (二), and its words.
	subheadingNumber = regexp.MustCompile(`^[（(]\s*` + chineseOrdinal + `\s*[)）]\s*(.*)$`)
	// headingName is a name cell that starts with its heading's number and
	// 、: 一、六大战役项目（2个）. Not 五.一广场 (a date).
	headingName = regexp.MustCompile(`^` + chineseOrdinal + `\s*、\s*(.+)$`)
	// numberedList starts a project's name that lists numbered things:
	// 三、四号机组, 一、二期工程, 1、2号线; no heading.
	numberedList = regexp.MustCompile(`^(?:` + chineseOrdinal + `|\d+)\s*` + numberedThing)
	// numberedThings starts the words of a name whose numeral numbers a
	// thing, no heading: （一）期工程.
	numberedThings = regexp.MustCompile(`^\s*` + numberedThing)
	// headingCount is the count of projects a heading notes: （2个）,
	// (共3个项目).
	headingCount = regexp.MustCompile(`\s*[（(]\s*(?:共\s*)?\d+\s*个(?:项目)?\s*[)）]$`)
)

// categoryHeading is a heading row and the projects under it.
type categoryHeading struct {
	reportedTotal        // its figures, the subtotal of the projects under it
	category      string // the category it names
	first         int    // the first project under it, an index of the projects read
	level         int    // 1 for 一, 2 for a sub-heading （一）
}

// headingOf reads rec as a category heading: its label column, the
// category it names and its level (1 for 一, 2 for （一）); ok is false for
// any other row. numbering is the column that numbers the rows, -1 for
// none. A numeral in the name cell (一、六大战役项目) makes a heading only
// in a row that has no number of its own, and not before a numbered list
// (三、四号机组超低排放改造 is a project); so does a bracketed numeral,
// （一）工业项目, as a sub-heading.
func headingOf(rec *input.Row, name, numbering int) (col int, category string, level int, ok bool) {
	if numbering >= 0 {
		level, m := 1, headingNumber.FindStringSubmatch(rec.Text(numbering))
		if m == nil {
			level, m = 2, subheadingNumber.FindStringSubmatch(rec.Text(numbering))
		}
		if m != nil {
			switch words := strings.TrimSpace(m[1]); {
			case rec.Text(name) != "":
				col, category = name, rec.Text(name)
				if n := headingName.FindStringSubmatch(category); n != nil {
					category = n[1] // 一 beside 一、六大战役项目
				}
			case words != "":
				col, category = numbering, words
			default:
				col = numbering // a heading with a number alone
			}
			return col, strings.TrimSpace(headingCount.ReplaceAllString(category, "")), level, true
		}
		if rec.Text(numbering) != "" {
			return -1, "", 0, false // 2,三、四号机组: a project numbered
		}
	}
	if m := headingName.FindStringSubmatch(rec.Text(name)); m != nil && !numberedList.MatchString(m[1]) {
		return name, strings.TrimSpace(headingCount.ReplaceAllString(m[1], "")), 1, true
	}
	// （一）工业项目 in the name cell is the sub-heading it is in 序号
	if m := subheadingNumber.FindStringSubmatch(rec.Text(name)); m != nil && !numberedThings.MatchString(m[1]) {
		return name, strings.TrimSpace(headingCount.ReplaceAllString(m[1], "")), 2, true
	}
	return -1, "", 0, false
}

// readHeading reads a heading row's figures, planned and completed, in
// the unit the projects are read in.
func readHeading(rec *input.Row, col int, category string, level, first int, amounts []int, exps []int32) (categoryHeading, error) {
	t, err := readTotal(rec, col, "", amounts)
	return categoryHeading{reportedTotal: t.shifted(exps), category: category, first: first, level: level}, err
}

// checkHeadings compares each heading's figures with the sum of the
// projects under it: a warning where they differ by more than the
// heading's rounding, an error with --strict-totals. A table whose rows
// are all headings numbers its projects 一, 二: refused, since none would
// be counted.
func checkHeadings(e *env, t totalsOptions, headings []categoryHeading, projects []project, names [2]string) error {
	if len(headings) > 0 && len(projects) == 0 {
		h := headings[0]
		return &input.DataError{File: h.at.File(), Line: h.at.Line(), Msg: fmt.Sprintf(
			"%s is numbered in Chinese, as a category heading is, and no row under a heading is a project: number the projects 1, 2, 3 and their categories 一, 二", input.QuoteCell(h.label))}
	}
	for i, h := range headings {
		end := len(projects)
		for _, next := range headings[i+1:] {
			if next.level <= h.level { // 二 ends 一 and its （一）, （二）
				end = next.first
				break
			}
		}
		if err := headingWithoutProjects(h, end); err != nil {
			return err
		}
		var sums [2]decimal.Decimal
		for _, p := range projects[h.first:end] {
			sums[0], sums[1] = sums[0].Add(p.planned), sums[1].Add(p.completed)
		}
		for k, sum := range sums {
			if !h.ok[k] {
				continue
			}
			if err := t.check(e, h.at, h.label, names[k]+" (a category heading)", calc.DecimalNum(sum), h.values[k]); err != nil {
				return err
			}
		}
	}
	return nil
}

// headingWithoutProjects refuses a heading with figures and no project
// under it (一,城区快速路,100,80 followed by 二): a project numbered as a
// heading, or a heading whose projects are missing. Either way its figures
// would be dropped. end is where its projects end.
func headingWithoutProjects(h categoryHeading, end int) error {
	if end > h.first {
		return nil
	}
	for k, v := range h.values {
		if h.ok[k] && !v.IsZero() {
			return &input.DataError{File: h.at.File(), Line: h.at.Line(), Msg: fmt.Sprintf(
				"%s is numbered in Chinese, as a category heading is, but has figures and no project under it: if it is a project, number it 1, 2, 3 as the others; if a heading, give its projects under it", input.QuoteCell(h.label))}
		}
	}
	return nil
}
