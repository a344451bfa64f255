package input

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// TestGuard: what the guard hands the parser, and where it stops. Each input
// is read a byte at a time too, so that nothing depends on where reads end.
func TestGuard(t *testing.T) {
	for _, c := range []struct {
		name, in string
		max      int
		gb18030  bool
		out      string // what the parser sees, up to an error
		err      string // "line:col: message", "" for none
	}{
		{"old Mac line ends", "a,b\r1,2\r", 100, false, "a,b\n1,2\n", ""},
		{"CR LF", "a,b\r\n1,2\r\n", 100, false, "a,b\n1,2\n", ""},
		// Issue 16 §14: a lone CR inside quotes is the field's, kept.
		{"CR inside quotes", "a,b\r\"x\ry\",2\r", 100, false, "a,b\n\"x\ry\",2\n", ""},
		{"CR LF inside quotes", "a\n\"x\r\ny\"\n", 100, false, "a\n\"x\r\ny\"\n", ""},
		{"escaped quote", "a\n\"x\"\"\ry\"\r", 100, false, "a\n\"x\"\"\ry\"\n", ""},
		{"NUL", "a,b\n1,\x002\n", 100, false, "a,b\n1,", "2:3: NUL byte"},
		{"long line", "a,b\n12345678,9\n", 8, false, "a,b\n12345678", "2:9: line longer than 8 bytes"},
		// Issue 16 §7: the limit is on a record, whatever its line breaks.
		{"long record over lines", "a\n\"1\n2\n3\n4\n5\"\n", 8, false, "a\n\"1\n2\n3\n4", "2: record longer than 8 bytes: it starts on this line and runs on, inside a quoted field, to line 5"},
		{"record just fits", "a\n\"1\n2\n3\"\n", 8, false, "a\n\"1\n2\n3\"\n", ""},
		{"CR LF ending a full line", "a\n12345678\r\n", 8, false, "a\n12345678\n", ""},
		// Issue 16 §13: GB18030 that is no character is an error, named by
		// the byte column in the file as written.
		{"GB18030", "村\n罗建村\n", 100, true, "", ""},
		{"GB18030 invalid pair", "a\nxy\x81\x20z\n", 100, true, "a\nxy\x81", "2:3: invalid GB18030: the bytes 81 20 are no character"},
		{"GB18030 lone 0xFF", "a\n\xff\n", 100, true, "a\n", "2:1: invalid GB18030: the bytes FF"},
		{"GB18030 bad four bytes", "a\nx\x81\x30\x20\x30\n", 100, true, "a\nx\x81\x30", "2:2: invalid GB18030: the bytes 81 30 20"},
		{"GB18030 four bytes past Unicode", "a\n\xfe\x39\xfe\x39\n", 100, true, "a\n\xfe\x39\xfe", "2:1: invalid GB18030: the bytes FE 39 FE 39"},
		{"GB18030 cut off", "a\n\x81", 100, true, "a\n\x81", "2:1: invalid GB18030: the file ends inside a character (81)"},
		{"GB18030 U+FFFD itself", "a\n\x84\x31\xa4\x37\n", 100, true, "a\n\x84\x31\xa4\x37\n", ""},
		{"GB18030 euro", "a\n\x80\n", 100, true, "a\n\x80\n", ""},
		{"GB18030 trail byte | is no delimiter", "a|b\n\x81\x7c\"|1\n", 100, true, "a|b\n\x81\x7c\"|1\n", ""},
	} {
		in := c.in
		if c.gb18030 && c.out == "" {
			in, _ = simplifiedchinese.GB18030.NewEncoder().String(c.in)
			c.out = strings.ReplaceAll(in, "\r", "\n")
		}
		for _, one := range []bool{false, true} {
			var r io.Reader = strings.NewReader(in)
			if one {
				r = iotest.OneByteReader(r)
			}
			out, err := io.ReadAll(newGuard(r, c.max, c.gb18030))
			got := ""
			if ge, ok := err.(*guardError); ok && ge.col > 0 {
				got = fmt.Sprintf("%d:%d: %s", ge.line, ge.col, ge.msg)
			} else if ok {
				got = fmt.Sprintf("%d: %s", ge.line, ge.msg)
			} else if err != nil {
				got = err.Error()
			}
			if string(out) != c.out || !strings.HasPrefix(got, c.err) || (c.err == "") != (got == "") {
				t.Errorf("%s (a byte at a time: %v):\n got %q, %q\nwant %q, %q", c.name, one, out, got, c.out, c.err)
			}
		}
	}
}

// TestGB18030ValidityMatchesTheDecoder holds the validity checks to
// golang.org/x/text's decoder: a sequence is valid exactly when the decoder
// reads it as one character other than U+FFFD, or as U+FFFD from its own
// encoding, for every two-byte and four-byte sequence.
func TestGB18030ValidityMatchesTheDecoder(t *testing.T) {
	dec := simplifiedchinese.GB18030.NewDecoder()
	dst := make([]byte, 64)
	decodesToOne := func(seq []byte) bool {
		dec.Reset()
		n, _, err := dec.Transform(dst, seq, true)
		r, size := utf8.DecodeRune(dst[:n])
		return err == nil && size == n && (r != utf8.RuneError || bytes.Equal(seq, []byte{0x84, 0x31, 0xA4, 0x37}))
	}
	check := func(seq []byte) {
		want := decodesToOne(seq)
		if got := validGB18030(seq); got != want {
			t.Fatalf("validGB18030(% X) = %v, the decoder says %v", seq, got, want)
		}
		g := newTextCheck(100, true)
		_, _, bad := g.scan(seq, nil, false)
		if bad == nil {
			bad = g.atEnd()
		}
		if got := bad == nil; got != want {
			t.Fatalf("the guard on % X: %v, the decoder says valid %v", seq, bad, want)
		}
	}
	check([]byte{0x80})
	for c0 := 0x81; c0 <= 0xFF; c0++ {
		for c1 := 0x00; c1 <= 0xFF; c1++ {
			if c1 < 0x30 || c1 > 0x39 {
				check([]byte{byte(c0), byte(c1)})
				continue
			}
			for c2 := 0x81; c2 <= 0xFE; c2++ {
				for c3 := 0x30; c3 <= 0x39; c3++ {
					check([]byte{byte(c0), byte(c1), byte(c2), byte(c3)})
				}
			}
		}
	}
}

// TestGB18030ErrorsOnBothPaths: text that is no GB18030 is an error,
// located in the file as written, whether the plain scanner meets it first
// or the RFC 4180 reader; a genuine U+FFFD is read on both.
func TestGB18030ErrorsOnBothPaths(t *testing.T) {
	encode := func(s string) string {
		b, _, err := transform.String(simplifiedchinese.GB18030.NewEncoder(), s)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	head := encode("户编号,村,收入\n")
	good := encode("A1,罗建村,100\n")
	for _, c := range []struct {
		name, text, err string
	}{
		{"plain", head + good + "A2,\x81\x20村,100\n" + good, "3:4: invalid GB18030: the bytes 81 20 are no character"},
		{"quoted", head + good + "\"A2\",\x81\x20村,100\n", "3:6: invalid GB18030: the bytes 81 20 are no character"},
		{"genuine U+FFFD", head + good + "A2," + encode("村\uFFFD") + ",100\n", ""},
	} {
		for _, encoding := range []string{"gb18030", "auto"} {
			s, path := openFile(t, c.text)
			s.opts.Encoding = encoding
			_, err := countRows(s)
			s.Close()
			want := ""
			if c.err != "" {
				want = path + ":" + c.err
			}
			if got := errString(err); !strings.HasPrefix(got, want) || (want == "") != (got == "") {
				t.Errorf("%s, --encoding %s: got %q, want %q", c.name, encoding, got, want)
			}
		}
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
