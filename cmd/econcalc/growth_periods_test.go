package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
