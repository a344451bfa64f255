package input

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sourceSeeds are inputs worth starting from: clean, quoted, ragged, blank
// rows, CRLF, a BOM, a NUL, GB18030 bytes, invalid UTF-8.
var sourceSeeds = []string{
	"period,value\n2016-10,100\n2017-10,131.7\n",
	"household_id,village,members,wage\nA1,罗建村,3,9000\nA2,罗建村,2,\n",
	"a,b\n\"x, y\",1\n2,\"3\"\n",
	"a,b\n1,2,3\n",
	"a,b\n1\n",
	"a,b\r\n1,2\r\n\r\n ,\r\n3,\u30004\n",
	"\ufeffa,b\n1,2\n",
	"a,b\n1,\x002\n",
	"a,b\n\xc4\xe3,1\n",
	"a,b\n\xff\xfe,1\n",
	"a,a\n1,2\n",
	"a,b",
	"",
}

// FuzzSource reads arbitrary bytes as CSV with encoding detection: every
// problem must come back as a located data error, never a panic, and every
// row must have the header's width.
func FuzzSource(f *testing.F) {
	for _, s := range sourceSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		in, err := Open(Options{Encoding: "auto", Delimiter: ',', MaxRecord: 1 << 10}, bytes.NewReader(data))
		if err == nil {
			err = in.Each(func(r *Row) error {
				if len(r.Fields) != len(in.Header) {
					t.Fatalf("row of %d fields under a header of %d", len(r.Fields), len(in.Header))
				}
				return nil
			})
		}
		var de *DataError
		if err != nil && !errors.As(err, &de) {
			t.Fatalf("error of type %T: %v", err, err)
		}
	})
}

// FuzzRowSources holds the two row sources to each other: whenever the
// plain scanner reads an input (in parallel ranges: small files are split
// here too), it must hand over the rows the RFC 4180 reader hands over, on
// the same lines, and the reader must find nothing wrong with the input.
// It is the one differential test of the project: every command reads
// through one of the two.
func FuzzRowSources(f *testing.F) {
	for _, s := range sourceSeeds {
		f.Add([]byte(s))
	}
	defer func(min int64) { fastMinSize = min }(fastMinSize)
	fastMinSize = 1
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "in.csv")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		in, err := Open(Options{Files: []string{path}, Encoding: "auto", Delimiter: ',', MaxRecord: 1 << 10}, nil)
		if err != nil {
			return // no header: neither reads rows
		}
		defer in.Close()
		plain, ok := in.openPlain()
		if !ok {
			return
		}
		defer plain.close()
		type row struct {
			at     Pos
			fields string
		}
		var scanned []row
		var perRange [][]row
		_, err = plain.scan(func(r *fastRange) rowSink {
			perRange = append(perRange, nil)
			k := len(perRange) - 1
			return func(fields [][]byte, line int) error {
				perRange[k] = append(perRange[k], row{Pos{r.span, line}, string(bytes.Join(fields, []byte{0}))})
				return nil
			}
		})
		if errors.Is(err, errNotPlain) {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, rows := range perRange {
			scanned = append(scanned, rows...)
		}
		var read []string
		err = in.Each(func(r *Row) error {
			read = append(read, fmt.Sprintf("%s %q", r.Pos(), bytes.Join(r.Fields, []byte{0})))
			return nil
		})
		if err != nil && len(scanned) > 0 {
			t.Fatalf("the plain scanner read %d rows of input the RFC 4180 reader rejects: %v", len(scanned), err)
		}
		got := make([]string, len(scanned))
		for i, r := range scanned {
			got[i] = fmt.Sprintf("%s %q", r.at, r.fields)
		}
		if err == nil && strings.Join(got, "\n") != strings.Join(read, "\n") {
			t.Fatalf("plain scanner:\n%s\nRFC 4180 reader:\n%s", strings.Join(got, "\n"), strings.Join(read, "\n"))
		}
	})
}

// TestFoldFallsBackInOrder: an error met in a parallel range is reported
// as the in-order pass finds it, the first in the input, with its line.
func TestFoldFallsBackInOrder(t *testing.T) {
	defer func(min int64) { fastMinSize = min }(fastMinSize)
	fastMinSize = 1
	var b strings.Builder
	b.WriteString("id,v\n")
	for i := range 2000 {
		v := fmt.Sprint(i)
		if i == 700 || i == 1900 {
			v = "x"
		}
		fmt.Fprintf(&b, "h%d,%s\n", i, v)
	}
	in, path := openFile(t, b.String())
	defer in.Close()
	parts := 0
	_, err := Fold(in, func(int64) *int { parts++; return new(int) },
		func(n *int, r *Row) error {
			_, _, err := r.Amount(1)
			*n++
			return err
		},
		func(ps []*int) (*int, error) { return ps[0], nil })
	want := path + `:702: column "v": "x" is not a number`
	if err == nil || err.Error() != want {
		t.Fatalf("error %v, want %s", err, want)
	}
	if parts < 2 {
		t.Errorf("%d parts: the input was not read in parallel ranges first", parts)
	}
}

// TestFoldPositions: rows read in parallel ranges know their lines once
// Fold returns, as the in-order reader numbers them.
func TestFoldPositions(t *testing.T) {
	defer func(min int64) { fastMinSize = min }(fastMinSize)
	fastMinSize = 1
	var b strings.Builder
	b.WriteString("id,v\n")
	for i := range 5000 {
		fmt.Fprintf(&b, "h%d,%d\n\n", i, i) // a blank line after each row
	}
	in, path := openFile(t, b.String())
	defer in.Close()
	type seen struct {
		at Pos
		id string
	}
	all, err := Fold(in, func(int64) *[]seen { return new([]seen) },
		func(p *[]seen, r *Row) error { *p = append(*p, seen{r.Pos(), r.Text(0)}); return nil },
		func(ps []*[]seen) (*[]seen, error) {
			var all []seen
			for _, p := range ps {
				all = append(all, *p...)
			}
			return &all, nil
		})
	if err != nil {
		t.Fatal(err)
	}
	if len(*all) != 5000 || in.Rows() != 5000 {
		t.Fatalf("%d rows (Rows %d), want 5000", len(*all), in.Rows())
	}
	for i, s := range *all {
		// Row i is on line 2 + 2i: the header, then a row and a blank line each.
		if want := fmt.Sprintf("%s:%d", path, 2+2*i); s.at.String() != want || s.id != fmt.Sprintf("h%d", i) {
			t.Fatalf("row %d at %s (%s), want %s (h%d)", i, s.at, s.id, want, i)
		}
	}
}

// TestRowSum: a sum of cells, some in fixed point and some past it, is the
// decimal sum with the places a decimal carries; empty cells add nothing.
func TestRowSum(t *testing.T) {
	in, err := Open(Options{Encoding: "auto", Delimiter: ','}, strings.NewReader(
		"a,b,c,d\n1.50,,2,99999999999.5\n,,,\n1,2,3,x\n"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	err = in.Each(func(r *Row) error {
		total, any, err := r.Sum([]int{0, 1, 2, 3})
		if err != nil {
			got = append(got, err.Error())
			return nil
		}
		d := total.Decimal()
		got = append(got, fmt.Sprintf("%s %v", d.StringFixed(-d.Exponent()), any))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// 1.50 + 2 + 99999999999.5 = 100000000003.00; the blank row is passed
	// over; "x" is not a number.
	want := []string{"100000000003.00 true", `stdin:4: column "d": "x" is not a number`}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// openFile writes text to a file and opens it as a source.
func openFile(t *testing.T, text string) (*Source, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "in.csv")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	in, err := Open(Options{Files: []string{path}, Encoding: "auto", Delimiter: ','}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return in, path
}
