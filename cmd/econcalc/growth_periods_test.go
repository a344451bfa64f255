package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"econcalc/calc"
	"econcalc/cmd/internal/input"
)

// TestDuplicatePeriods: a period read twice in a group is an error that
// names both lines, whatever the order the periods come in.
func TestDuplicatePeriods(t *testing.T) {
	for _, c := range []struct {
		name, csv, want string
	}{
		{"rising, the row before", "period,v\n2016-01,1\n2016-02,2\n2016-02,3\n",
			`stdin:4: column "period": duplicate period 2016-02: already at stdin:3`},
		{"falling, then back up", "period,v\n2016-03,1\n2016-02,2\n2016-03,3\n",
			`stdin:4: column "period": duplicate period 2016-03: already at stdin:2`},
		{"out of order, then a repeat", "period,v\n2016-02,1\n2016-04,2\n2016-01,3\n2016-03,4\n2016-04,5\n",
			`stdin:6: column "period": duplicate period 2016-04: already at stdin:3`},
		{"groups interleaved", "g,period,v\na,2016-01,1\nb,2016-01,2\na,2016-02,3\nb,2016-01,4\n",
			`stdin:5: column "period": duplicate period 2016-01 of group "b": already at stdin:3`},
		{"the same period in two groups is none", "g,period,v\na,2016-01,1\nb,2016-01,2\n", ""},
		{"out of order without a repeat is none", "period,v\n2016-03,1\n2016-01,2\n2016-02,3\n2016-05,4\n2016-04,5\n", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			args := []string{"econcalc", "growth", "-q", "-o", "csv"}
			if strings.HasPrefix(c.csv, "g,") {
				args = append(args, "--group-col", "g")
			}
			var stdout, stderr bytes.Buffer
			status := run(args, strings.NewReader(c.csv), &stdout, &stderr)
			if c.want == "" {
				if status != 0 {
					t.Fatalf("status %d: %s", status, stderr.String())
				}
				return
			}
			if status != exitData || stdout.Len() > 0 || strings.TrimSpace(stderr.String()) != "econcalc: "+c.want {
				t.Fatalf("status %d, stdout %d bytes, stderr %q; want status 1 and %q", status, stdout.Len(), stderr.String(), c.want)
			}
		})
	}
}

// TestDuplicatePeriodAcrossRanges: a file large enough to be read in
// parallel ranges, whose last row repeats its first, is reported as a
// small one is: the repeat's line and the first's.
func TestDuplicatePeriodAcrossRanges(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 9 MB file")
	}
	var b strings.Builder
	b.WriteString("enterprise,period,value\n")
	rows := 0
	for e := 0; b.Len() < 9<<20; e++ {
		for m := 1; m <= 12; m++ {
			fmt.Fprintf(&b, "E%05d,2016-%02d,%d.5\n", e, m, e+m)
			rows++
		}
	}
	b.WriteString("E00000,2016-01,7\n")
	path := filepath.Join(t.TempDir(), "series.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	status := run([]string{"econcalc", "growth", path, "--group-col", "enterprise", "-q", "-o", "csv"}, strings.NewReader(""), &stdout, &stderr)
	want := fmt.Sprintf(`econcalc: %s:%d: column "period": duplicate period 2016-01 of group "E00000": already at %s:2`, path, rows+2, path)
	if status != exitData || strings.TrimSpace(stderr.String()) != want {
		t.Fatalf("status %d, stderr %q; want %q", status, stderr.String(), want)
	}
}

// mixRead reads a column of period labels as growth reads one group's
// rows: each label through a frequencyMix into the data's frequency, a
// repeat refused, and settle once all are read (ytd as --ytd gives it). It
// returns the periods as the data hold them then.
func mixRead(t *testing.T, csv string, ytd bool) ([]string, error) {
	t.Helper()
	in, err := input.Open(input.Options{}, strings.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	l := growthLayout{period: 0, group: -1, ytd: ytd}
	var mix frequencyMix
	points := [][][]calc.PointOf[calc.Num]{{nil}}
	order := make([]periodOrder[calc.Num], 1)
	err = in.Each(func(rec *input.Row) error {
		p, labelYTD, err := calc.ParsePeriod(string(rec.Fields[0]))
		if err != nil {
			return rec.Errorf(0, "%v", err)
		}
		ytd = ytd || labelYTD
		p, finer, err := mix.read(periodLabel{p, labelYTD}, rec, 0)
		if err != nil {
			return err
		}
		if finer {
			intoFrequency(points, order, p.Freq)
		}
		if err := order[0].add(p, rec, &l, "", points[0][0]); err != nil {
			return placeRepeats(in, l, err)
		}
		points[0][0] = append(points[0][0], calc.PointOf[calc.Num]{Period: p})
		return nil
	})
	if err == nil {
		err = mix.settle(in, l, ytd)
	}
	var got []string
	for _, p := range points[0][0] {
		got = append(got, p.Period.String())
	}
	return got, err
}

// TestFrequencyMix: a bureau's 上半年, 前三季度, 一季度 and 全年 are read
// as months among months of year-to-date figures, as quarters among
// quarters; labels that cannot be reconciled are refused, naming both rows.
func TestFrequencyMix(t *testing.T) {
	for _, c := range []struct {
		name    string
		labels  []string
		ytd     bool // --ytd
		want    string
		wantErr string
	}{
		{"a monthly bulletin", []string{"2017年1-5月", "2017年上半年", "2017年1-7月", "2017年1-8月", "2017年前三季度", "2017年1-10月"}, false,
			"2017-05 2017-06 2017-07 2017-08 2017-09 2017-10", ""},
		{"its quarters first", []string{"2017年一季度", "2017年上半年", "2017年1-7月", "2017年前三季度"}, false,
			"2017-03 2017-06 2017-07 2017-09", ""},
		{"last year's whole year", []string{"2016年全年", "2017年1-2月", "2016年1-2月", "2017年度"}, false,
			"2016-12 2017-02 2016-02 2017-12", ""},
		{"a quarterly table", []string{"2017年一季度", "2017年上半年", "2017年前三季度", "2017年全年"}, false,
			"2017-Q1 2017-Q2 2017-Q3 2017-Q4", ""},
		{"quarters alone stay quarters", []string{"2017年一季度", "2017年二季度", "2017年三季度", "2017年四季度"}, false,
			"2017-Q1 2017-Q2 2017-Q3 2017-Q4", ""},
		{"years alone stay years", []string{"2015", "2016年全年", "2017年度"}, false, "2015 2016 2017", ""},
		{"months by date", []string{"2017-09-30", "2017/10/31", "2017.11.1", "2017年12月1日"}, false,
			"2017-09 2017-10 2017-11 2017-12", ""},
		{"a year among months that --ytd says are year-to-date", []string{"2016年全年", "2017-10"}, true,
			"2016-12 2017-10", ""},
		{"a year among single months", []string{"2016年全年", "2017-10"}, false, "2016-12 2017-10",
			`stdin:2: column "period": "2016年全年" is annual but stdin:3 is monthly; a series has one frequency`},
		{"a first quarter among single months", []string{"2017-01", "2017-02", "2017Q1"}, false, "2017-01 2017-02 2017-03",
			`stdin:4: column "period": "2017Q1" is quarterly but stdin:2 is monthly; a series has one frequency`},
		{"a year among single quarters", []string{"2017Q1", "2017Q2", "2017年全年"}, false, "2017-Q1 2017-Q2 2017-Q4",
			`stdin:4: column "period": "2017年全年" is annual but stdin:2 is quarterly; a series has one frequency`},
		{"a second quarter's own figure after months", []string{"2017年1-5月", "2017年二季度"}, false, "2017-05",
			`stdin:3: column "period": "2017年二季度" is quarterly but stdin:2 is monthly; a series has one frequency`},
		{"months after a second quarter's own figure", []string{"2017年一季度", "2017年二季度", "2017年1-7月"}, false, "2017-Q1 2017-Q2",
			`stdin:4: column "period": "2017年1-7月" is monthly but stdin:3 is quarterly; a series has one frequency`},
		{"上半年 and 1-6月 are one period", []string{"2017年1-5月", "2017年上半年", "2017年1-6月"}, false, "2017-05 2017-06",
			`stdin:4: column "period": duplicate period 2017-06: already at stdin:3`},
		{"上半年 read as June before a repeat out of order", []string{"2017年上半年", "2017年1-7月", "2017年1-5月", "2017年1-6月"}, false,
			"2017-06 2017-07 2017-05",
			`stdin:5: column "period": duplicate period 2017-06: already at stdin:2`},
		{"two dates in a month", []string{"2017-10-01", "2017-10-31"}, false, "2017-10",
			`stdin:3: column "period": duplicate period 2017-10: already at stdin:2`},
		// Labels alone make the data year-to-date: a single month or
		// quarter after the first beside them may be its own figure.
		{"a single month beside 1-9月", []string{"2016年1-9月", "2016年10月", "2017年1-9月", "2017年10月"}, false,
			"2016-09 2016-10 2017-09 2017-10",
			`stdin:3: column "period": "2016年10月" names a single month, but "2016年1-9月" at stdin:2 is year-to-date: ` +
				`if its figure is year-to-date, write it as a range (2016年1-10月), or pass --ytd to state that every figure is year-to-date; ` +
				`a month's own figure (当月) belongs in a series of its own`},
		{"a single month before 1-10月", []string{"2016年9月", "2016年1-10月"}, false, "2016-09 2016-10",
			`stdin:2: column "period": "2016年9月" names a single month, but "2016年1-10月" at stdin:3 is year-to-date: ` +
				`if its figure is year-to-date, write it as a range (2016年1-9月), or pass --ytd to state that every figure is year-to-date; ` +
				`a month's own figure (当月) belongs in a series of its own`},
		{"a month by date beside 前三季度", []string{"2017年前三季度", "2017-10-31"}, false, "2017-09 2017-10",
			`stdin:3: column "period": "2017-10-31" names a single month, but "2017年前三季度" at stdin:2 is year-to-date: ` +
				`if its figure is year-to-date, write it as a range (2017年1-10月), or pass --ytd to state that every figure is year-to-date; ` +
				`a month's own figure (当月) belongs in a series of its own`},
		{"a single quarter beside 1-2季度", []string{"2017年1-2季度", "2017年3季度"}, false, "2017-Q2 2017-Q3",
			`stdin:3: column "period": "2017年3季度" names a single quarter, but "2017年1-2季度" at stdin:2 is year-to-date: ` +
				`if its figure is year-to-date, write it as a range (2017年1-3季度), or pass --ytd to state that every figure is year-to-date; ` +
				`a quarter's own figure (当季) belongs in a series of its own`},
		{"January alone is its own year to date", []string{"2017年1月", "2017年1-2月", "2017年1-3月"}, false,
			"2017-01 2017-02 2017-03", ""},
		{"a first quarter alone is its own year to date", []string{"2017年1季度", "2017年1-2季度"}, false, "2017-Q1 2017-Q2", ""},
		{"--ytd: a single month is read as year-to-date", []string{"2016年1-9月", "2016年10月"}, true, "2016-09 2016-10", ""},
		{"single months alone stay months", []string{"2017年9月", "2017年10月"}, false, "2017-09 2017-10", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := mixRead(t, "period\n"+strings.Join(c.labels, "\n")+"\n", c.ytd)
			if strings.Join(got, " ") != c.want {
				t.Errorf("periods %v, want %s", got, c.want)
			}
			if errText := fmt.Sprint(err); c.wantErr == "" && err != nil || c.wantErr != "" && errText != c.wantErr {
				t.Errorf("error %v\n                           want %s", err, c.wantErr)
			}
		})
	}
}

// TestFrequencyMixJoin: parts read in parallel keep the first label of each
// kind in input order.
func TestFrequencyMixJoin(t *testing.T) {
	a := &mixLabel{label: "2016年全年"}
	b := &mixLabel{label: "2015"}
	q := &mixLabel{label: "2017Q1"}
	var m frequencyMix
	m.join(frequencyMix{freq: calc.Monthly})
	m.join(frequencyMix{freq: calc.Monthly, ifYTD: [calc.Monthly]*mixLabel{a, nil, nil}})
	m.join(frequencyMix{freq: calc.Monthly, ifYTD: [calc.Monthly]*mixLabel{b, q, nil}})
	if m.freq != calc.Monthly || m.ifYTD[0] != a || m.ifYTD[1] != q {
		t.Errorf("joined %+v; want monthly with %q and %q", m, a.label, q.label)
	}
	r1, r2 := &mixLabel{label: "2017年1-9月"}, &mixLabel{label: "2017年1-10月"}
	var n frequencyMix
	n.join(frequencyMix{freq: calc.Monthly})
	n.join(frequencyMix{freq: calc.Monthly, ranged: r1})
	n.join(frequencyMix{freq: calc.Monthly, ranged: r2})
	if n.ranged != r1 {
		t.Errorf("joined the year-to-date label %+v; want %q", n.ranged, r1.label)
	}
}
