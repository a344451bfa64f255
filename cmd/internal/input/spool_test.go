package input

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// smallSpools makes spooling's limits small, so that a test of a few
// hundred kilobytes goes past memory to a temporary file, and past what is
// held without one.
func smallSpools(t *testing.T) {
	mem, stream, chunk := spoolMemoryLimit, streamMemoryLimit, spoolChunk
	t.Cleanup(func() { spoolMemoryLimit, streamMemoryLimit, spoolChunk = mem, stream, chunk })
	spoolMemoryLimit, streamMemoryLimit, spoolChunk = 128<<10, 256<<10, 16<<10
}

// idValueCSV is n rows of id,value with value 1.
func idValueCSV(n int) string {
	var b strings.Builder
	b.WriteString("id,value\n")
	for i := range n {
		fmt.Fprintf(&b, "%08d,1\n", i)
	}
	return b.String()
}

// countRows folds the source into its number of rows.
func countRows(s *Source) (int, error) {
	n, err := Fold(s, func(int64) *int { return new(int) },
		func(p *int, _ *Row) error { *p++; return nil },
		func(parts []*int) (*int, error) {
			sum := new(int)
			for _, p := range parts {
				*sum += *p
			}
			return sum, nil
		})
	return *n, err
}

// warnings collects what input warns of during a test.
func warnings(t *testing.T) *[]string {
	var got []string
	SetWarnings(func(msg string) { got = append(got, msg) })
	t.Cleanup(func() { SetWarnings(nil) })
	return &got
}

// fullFile is a temporary file on a disk that fills after room bytes.
type fullFile struct {
	bytes.Buffer
	room int
}

func (f *fullFile) Write(p []byte) (int, error) {
	n := min(len(p), f.room-f.Len())
	f.Buffer.Write(p[:n])
	if n < len(p) {
		return n, &fs{syscall.ENOSPC}
	}
	return n, nil
}

func (f *fullFile) ReadAt(p []byte, off int64) (int, error) {
	return bytes.NewReader(f.Bytes()).ReadAt(p, off)
}

func (f *fullFile) Close() error { return nil }

// fs is an error as the file system gives it.
type fs struct{ errno syscall.Errno }

func (e *fs) Error() string { return "write /tmp/econcalc-stdin-1.csv: " + e.errno.Error() }
func (e *fs) Unwrap() error { return e.errno }

// TestStdinWithoutTemporaryFolder: a temporary folder that cannot be used
// (none there, or a disk that fills) never makes standard input fail. What
// memory holds is read as usual, in parallel and twice; beyond it, the
// input is read once, in order, with one warning, and only a second
// reading is refused.
func TestStdinWithoutTemporaryFolder(t *testing.T) {
	smallSpools(t)
	missing := func(t *testing.T) { t.Setenv("TMPDIR", filepath.Join(t.TempDir(), "missing")) }
	full := func(t *testing.T) {
		create := createSpoolFile
		t.Cleanup(func() { createSpoolFile = create })
		createSpoolFile = func() (spoolFile, error) { return &fullFile{room: 200 << 10}, nil }
	}
	for _, c := range []struct {
		name    string
		setup   func(*testing.T)
		rows    int
		warning string // "" for none, and a second reading that works
	}{
		{"no folder, held in memory", missing, 10_000, ""},
		{"no folder", missing, 40_000, "no such file or directory"},
		{"disk full", full, 40_000, "no space left on device"},
	} {
		t.Run(c.name, func(t *testing.T) {
			c.setup(t)
			warned := warnings(t)
			text := idValueCSV(c.rows)
			s, err := Open(Options{Encoding: "auto"}, strings.NewReader(text))
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			n, err := countRows(s)
			if err != nil || n != c.rows {
				t.Fatalf("read %d rows, %v; want %d", n, err, c.rows)
			}
			again, err := countRows(s)
			switch {
			case c.warning == "" && (len(*warned) > 0 || err != nil || again != c.rows):
				t.Errorf("warnings %q; second reading %d rows, %v", *warned, again, err)
			case c.warning != "" && (len(*warned) != 1 || !strings.Contains((*warned)[0], c.warning) ||
				!strings.Contains((*warned)[0], "read once, in order")):
				t.Errorf("warnings %q, want one saying %q", *warned, c.warning)
			case c.warning != "" && (again != 0 || err == nil || err.Error() != "stdin: "+errNotKept.Error()):
				t.Errorf("second reading: %d rows, %v; want none, and errNotKept", again, err)
			}
		})
	}
}

// takenReader says how much was taken from it.
type takenReader struct {
	r     io.Reader
	taken int
}

func (t *takenReader) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	t.taken += n
	return n, err
}

// endless repeats a pattern for ever.
type endless struct {
	pattern []byte
	at      int
}

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = e.pattern[e.at]
		e.at = (e.at + 1) % len(e.pattern)
	}
	return len(p), nil
}

// TestStdinStopsAtTheFirstBadByte: standard input is checked as it is
// spooled, and reading stops a chunk after the first bad byte, which the
// error names: a NUL, a line longer than the limit, or a quoted field that
// runs on past it over many lines.
func TestStdinStopsAtTheFirstBadByte(t *testing.T) {
	smallSpools(t)
	good := idValueCSV(50_000) // 50,001 lines, past what memory holds
	for _, c := range []struct {
		name, start, repeat, want string
	}{
		{"NUL", "", "\x00", "stdin:50002:1: NUL byte: this is not a text CSV file"},
		{"endless line", "", "x", "stdin:50002:1001: line longer than 1000 bytes (--max-record-bytes raises the limit)"},
		{"endless quoted field", "a,\"", "x\n", "stdin:50002: record longer than 1000 bytes: it starts on this line and runs on, inside a quoted field, to line 50500 "},
	} {
		t.Run(c.name, func(t *testing.T) {
			in := &takenReader{r: io.MultiReader(strings.NewReader(good+c.start), &endless{pattern: []byte(c.repeat)})}
			s, err := Open(Options{Encoding: "auto", MaxRecord: 1000}, in)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			_, err = countRows(s)
			if err == nil || !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("got %v\nwant %s", err, c.want)
			}
			if limit := len(good) + 1000 + 2*spoolChunk; in.taken > limit {
				t.Errorf("read %d bytes, more than %d", in.taken, limit)
			}
		})
	}
}

// FuzzSkimAgreesWithScan holds the spool's quick check to the guard's byte
// at a time: over the same text, cut into chunks anywhere, both stop at the
// same byte with the same error, or neither stops.
func FuzzSkimAgreesWithScan(f *testing.F) {
	for _, s := range sourceSeeds {
		f.Add([]byte(s), uint16(7), uint8(3))
	}
	f.Add([]byte("a,b\r\n12345678\r\n1234567\r\n\"x\ny\"\r\n123456789\n"), uint16(8), uint8(5))
	f.Add([]byte("a\n1234\r\n12345\r12\n"), uint16(4), uint8(2))
	f.Fuzz(func(t *testing.T, data []byte, max uint16, chunk uint8) {
		limit := 1 + int(max%64)
		size := 1 + int(chunk%32)
		whole := newTextCheck(limit, false)
		_, at, want := whole.scan(data, nil, false)
		skimmed := newTextCheck(limit, false)
		kept := 0
		var got *guardError
		for from := 0; from < len(data) && got == nil; from += size {
			part := data[from:min(from+size, len(data))]
			var n int
			n, got = skimmed.skim(part)
			kept = from + n
		}
		if (want == nil) != (got == nil) || want != nil && (*want != *got || kept != at+1) {
			t.Fatalf("limit %d, chunks of %d: scan stops at %d with %v; skim keeps %d with %v", limit, size, at, want, kept, got)
		}
		if want == nil && (whole.line != skimmed.line || whole.col != skimmed.col || whole.size != skimmed.size || whole.start != skimmed.start) {
			t.Fatalf("limit %d, chunks of %d: scan ends at %+v, skim at %+v", limit, size, whole, skimmed)
		}
	})
}
