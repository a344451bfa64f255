package calc

import (
	"fmt"
	"strconv"
	"strings"
)

// YearSpan is one calendar year (First == Last) or an inclusive run of years,
// as registry reports summarise several years in one figure ("2014—2016年").
type YearSpan struct {
	First, Last int
}

// String is the normalised label: 2017, or 2014-2016 for a span.
func (s YearSpan) String() string {
	if s.First == s.Last {
		return fmt.Sprintf("%04d", s.First)
	}
	return fmt.Sprintf("%04d-%04d", s.First, s.Last)
}

// Overlaps reports whether the two spans share a year.
func (s YearSpan) Overlaps(t YearSpan) bool {
	return s.First <= t.Last && t.First <= s.Last
}

// ParseYearSpan reads a year or a span of years:
//
//	2017, 2017年, 2017年度
//	2014-2016, 2014—2016年, 2014至2016年, 2014~2016, 2014年-2016年, 2014—2016年度
//	2014—2016年合计, 2014—2016年累计 (the span's figures, summed)
//
// Digits may be full-width (２０１４—２０１６年), as ParsePeriod reads them.
func ParseYearSpan(label string) (YearSpan, error) {
	span, _, err := ParseYearSum(label)
	return span, err
}

// ParseYearSum is ParseYearSpan, and whether the label says its figures
// are a sum (2014—2016年合计, 累计, 小计 or 共计): where the years it spans
// are listed one by one beside it, such a row is their subtotal.
func ParseYearSum(label string) (span YearSpan, summed bool, err error) {
	s := strings.TrimSpace(label)
	if hasWideForms(s) {
		s = narrow(s)
	}
	for _, sum := range []string{"合计", "累计", "小计", "共计"} {
		if t, found := strings.CutSuffix(s, sum); found {
			s, summed = strings.TrimSpace(t), true
		}
	}
	first, last := s, s
	for _, sep := range rangeSeparators {
		if a, b, found := strings.Cut(s, sep); found {
			first, last = a, b
			break
		}
	}
	y1, ok1 := yearNumber(first)
	y2, ok2 := yearNumber(last)
	if !ok1 || !ok2 {
		return YearSpan{}, false, fmt.Errorf("%w: %q (write 2017, 2017年 or a span such as 2014-2016 or 2014—2016年)", ErrPeriod, label)
	}
	if y2 < y1 {
		return YearSpan{}, false, fmt.Errorf("%w: %q runs backwards", ErrPeriod, label)
	}
	return YearSpan{First: y1, Last: y2}, summed, nil
}

// yearNumber reads "2017", "2017年" or "2017年度" (年度: the year).
func yearNumber(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if y, found := strings.CutSuffix(s, "年度"); found {
		s = y
	} else {
		s = strings.TrimSuffix(s, "年")
	}
	if len(s) != 4 || !allDigits(s) {
		return 0, false
	}
	y, _ := strconv.Atoi(s)
	return y, y >= 1000
}
