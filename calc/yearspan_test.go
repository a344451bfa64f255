package calc

import (
	"errors"
	"testing"
)

func TestParseYearSpan(t *testing.T) {
	cases := []struct {
		label string
		want  string // normalised label; "" for an error
	}{
		{"2017", "2017"},
		{" 2017年 ", "2017"},
		{"2014-2016", "2014-2016"},
		{"2014—2016年", "2014-2016"},
		{"2014至2016年", "2014-2016"},
		{"2014~2016", "2014-2016"},
		{"2014年-2016年", "2014-2016"},
		{"2014–2016", "2014-2016"},
		{"2016-2016", "2016"}, // a span of one year is that year
		{"2016-2014", ""},     // backwards
		{"2014-16", ""},       // the last year written short is ambiguous
		{"17", ""},
		{"2017年度", "2017"},           // 年度: the year
		{"2014—2016年度", "2014-2016"}, // the span's years
		{"２０１７年", "2017"},            // full-width digits, as ParsePeriod reads them
		{"２０１４—２０１６年", "2014-2016"},
		{"２０１４－２０１６", "2014-2016"}, // a full-width hyphen too
		{"２０１４～２０１６年度", "2014-2016"},
		{"2017度", ""},  // 度 alone is no year
		{"2017年年", ""}, // nor a doubled 年
		{"２０１７-１０", ""},
		{"2017-10", ""}, // a month, not a span of years
		{"", ""},
	}
	for _, c := range cases {
		got, err := ParseYearSpan(c.label)
		if c.want == "" {
			if !errors.Is(err, ErrPeriod) {
				t.Errorf("ParseYearSpan(%q) = %v, %v; want an ErrPeriod error", c.label, got, err)
			}
			continue
		}
		if err != nil || got.String() != c.want {
			t.Errorf("ParseYearSpan(%q) = %v, %v; want %s", c.label, got, err, c.want)
		}
	}
}

func TestYearSpanOverlaps(t *testing.T) {
	span := YearSpan{2014, 2016}
	cases := []struct {
		other YearSpan
		want  bool
	}{
		{YearSpan{2013, 2013}, false},
		{YearSpan{2013, 2014}, true}, // shares 2014
		{YearSpan{2015, 2015}, true},
		{YearSpan{2016, 2018}, true}, // shares 2016
		{YearSpan{2017, 2017}, false},
	}
	for _, c := range cases {
		if got := span.Overlaps(c.other); got != c.want {
			t.Errorf("%v.Overlaps(%v) = %v, want %v", span, c.other, got, c.want)
		}
	}
}

func TestParseYearSum(t *testing.T) {
	cases := []struct {
		label  string
		want   string
		summed bool
	}{
		{"2014—2015年合计", "2014-2015", true},
		{"2014-2016年累计", "2014-2016", true},
		{"２０１４—２０１５年小计", "2014-2015", true},
		{"2014至2016年 共计", "2014-2016", true},
		{"2014—2016年", "2014-2016", false},
		{"2017年", "2017", false},
	}
	for _, c := range cases {
		got, summed, err := ParseYearSum(c.label)
		if err != nil || got.String() != c.want || summed != c.summed {
			t.Errorf("ParseYearSum(%q) = %v, %v, %v; want %s, %v", c.label, got, summed, err, c.want, c.summed)
		}
	}
}
