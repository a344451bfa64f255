package input

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
)

// TestStdinASCIIThenGB18030: a file whose first 64 KiB are ASCII and whose
// first bytes past ASCII further on are GB18030 (金台村 far down) reads the
// same from standard input, however the stream is read, as named: a file
// redirected with < gives a megabyte in its first read, past the 64 KiB
// sample, and was refused there as invalid UTF-8 (stdin:5002:10).
func TestStdinASCIIThenGB18030(t *testing.T) {
	var b strings.Builder
	b.WriteString("household_id,village,members\n")
	for range 5000 {
		b.WriteString("H0000001,Lot,3\n") // 15 bytes: 5000 rows, 75000 bytes, are past 64 KiB
	}
	b.WriteString("H0000002," + gb(t, "金台村") + ",2\n")
	text := []byte(b.String())
	if at := bytes.IndexByte(text, 0xBD); at < encodingSample || at > spoolChunk {
		t.Fatalf("金台村 at byte %d: the test needs it past the sample and in the first read", at)
	}
	path := filepath.Join(t.TempDir(), "in.csv")
	if err := os.WriteFile(path, text, 0o644); err != nil {
		t.Fatal(err)
	}
	read := func(opts Options, stdin *bytes.Reader, half bool) (string, error) {
		opts.Encoding, opts.Delimiter = "auto", ','
		var r io.Reader = stdin
		if half {
			r = iotest.HalfReader(stdin)
		}
		in, err := Open(opts, r)
		if err != nil {
			return "", err
		}
		defer in.Close()
		var last string
		err = in.readInOrder(func(r *Row) error { last = r.Text(1); return nil })
		return fmt.Sprint(last, " ", in.Rows()), err
	}
	got := warnings(t)
	want, err := read(Options{Files: []string{path}}, nil, false)
	if err != nil || want != "金台村 5001" {
		t.Fatalf("named file: %q, %v; want the last village 金台村 of 5001 rows", want, err)
	}
	for _, half := range []bool{false, true} {
		got, err := read(Options{}, bytes.NewReader(text), half)
		if err != nil || got != want {
			t.Errorf("stdin (reads halved %v): %q, %v; want %q as the named file", half, got, err, want)
		}
	}
	// The named file and standard input are each warned of once, naming line 5002.
	if len(*got) != 3 || !strings.Contains((*got)[2], "stdin: read as GB18030") || !strings.Contains((*got)[2], "line 5002's 金台村") {
		t.Errorf("warnings %q, want one for each reading, naming line 5002", *got)
	}
}
