package input

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// scanRows is what the plain scanner hands over from a file, each row as
// its place and its first k fields, in input order, or the error it
// stopped at.
func scanRows(p plainInput, k int) ([]string, error) {
	type row struct {
		at     Pos
		fields string
	}
	var perRange [][]row // ranges are read in parallel
	_, err := p.scan(func(r *fastRange) rowSink {
		perRange = append(perRange, nil)
		i := len(perRange) - 1
		return func(fields [][]byte, line int) error {
			perRange[i] = append(perRange[i], row{Pos{r.span, line}, fmt.Sprintf("%q", fields[:k])})
			return nil
		}
	})
	var rows []string
	for _, rs := range perRange {
		for _, r := range rs {
			rows = append(rows, fmt.Sprintf("%s %s", r.at, r.fields)) // numbered once every range is read
		}
	}
	return rows, err
}

// checkPartial holds the rows cut to their first k fields (cutAt) to the
// rows split whole, for every k: the same rows, on the same lines, with
// the same first fields, and the same refusal of input the RFC 4180 reader
// must read (a row of another width, a cell under an unnamed header cell,
// a note, a quote, text that is not UTF-8).
func checkPartial(t *testing.T, data []byte) {
	in, err := Open(Options{Delimiter: ',', MaxRecord: 1 << 10}, bytes.NewReader(data))
	if err != nil {
		return // no header: neither reads rows
	}
	in.Close()
	pf := &plainFile{name: "in.csv", r: bytes.NewReader(data), size: int64(len(data))}
	if !pf.readHeader(in.opts, in.keys, in.width) {
		return
	}
	whole := plainInput{files: []*plainFile{pf}, ncols: in.width, named: len(in.keys), delim: ',', maxRecord: in.opts.MaxRecord}
	for k := 1; k <= whole.named; k++ {
		want, wantErr := scanRows(whole, k)
		cut := whole
		cut.cutAt(k)
		got, err := scanRows(cut, k)
		if (err == nil) != (wantErr == nil) || err != nil && !errors.Is(err, errNotPlain) {
			t.Fatalf("%q, first %d of %d fields (%d named): cut %v, whole %v", data, k, whole.ncols, whole.named, err, wantErr)
		}
		if err == nil && strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Fatalf("%q, first %d fields:\ncut:\n%s\nwhole:\n%s", data, k, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// TestPartialRowsMatchWhole: checkPartial on random files built to trip a
// partial split: rows short and long by a field or two, blank rows (empty,
// or of delimiters and spaces, ideographic ones too), notes (注：, a first
// cell and blanks), cells that are blank only at the end, unnamed trailing
// header cells with blank and non-blank cells under them, CRLF, Chinese,
// and the odd quote.
func TestPartialRowsMatchWhole(t *testing.T) {
	defer func(min int64) { fastMinSize = min }(fastMinSize)
	fastMinSize = 1 // several ranges even for a few rows
	rng := rand.New(rand.NewPCG(23, 5))
	cells := []string{"1", "-5", "a", "村", "金台村", "合计", "", "", " ", "\u3000", " 7 ", "注：来源", "Note: x"}
	for trial := 0; trial < 4000; trial++ {
		named := 2 + rng.IntN(4)
		ncols := named
		if rng.IntN(4) == 0 {
			ncols += 1 + rng.IntN(2) // unnamed trailing header cells
		}
		header := []string{"c0", "c1", "c2", "c3", "c4", "c5"}[:named]
		var b strings.Builder
		b.WriteString(strings.Join(header, ",") + strings.Repeat(",", ncols-named) + "\n")
		end := "\n"
		if rng.IntN(4) == 0 {
			end = "\r\n"
		}
		for n := 1 + rng.IntN(6); n > 0; n-- {
			width := ncols
			if rng.IntN(8) == 0 {
				width += rng.IntN(5) - 2 // short or long
			}
			row := make([]string, max(width, 1))
			for i := range row {
				switch {
				case i >= named && rng.IntN(6) > 0:
					// under an unnamed header cell, mostly blank
				case rng.IntN(10) == 0:
					// a blank cell among others
				default:
					row[i] = cells[rng.IntN(len(cells))]
				}
			}
			switch rng.IntN(12) {
			case 0: // a blank row
				for i := range row {
					row[i] = []string{"", " ", "\u3000"}[rng.IntN(3)]
				}
			case 1: // a note: a first cell, every other blank
				for i := range row[1:] {
					row[i+1] = ""
				}
				row[0] = []string{"注：来源", "资料来源：统计局", "1", "村"}[rng.IntN(4)]
			case 2:
				row = nil // an empty line
			}
			b.WriteString(strings.Join(row, ",") + end)
		}
		data := b.String()
		if rng.IntN(30) == 0 {
			data = strings.Replace(data, "a", `"a"`, 1)
		}
		if rng.IntN(5) == 0 {
			data = strings.TrimSuffix(data, end) // no line end at the end
		}
		checkPartial(t, []byte(data))
	}
}

// FuzzPartialRows is checkPartial on arbitrary bytes.
func FuzzPartialRows(f *testing.F) {
	for _, s := range sourceSeeds {
		f.Add([]byte(s))
	}
	f.Add([]byte("a,b,c\n1,2,3\n,,\n4,5\n注：x,,\n"))
	f.Add([]byte("a,b,\n1,2,\n3,4,x\n"))
	defer func(min int64) { fastMinSize = min }(fastMinSize)
	fastMinSize = 1
	f.Fuzz(func(t *testing.T, data []byte) {
		if bytes.Count(data, []byte{'\n'}) > 50 {
			return
		}
		checkPartial(t, data)
	})
}
