package input

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
)

// TestRunSign: a run past ASCII, by what is around it.
func TestRunSign(t *testing.T) {
	for _, c := range []struct {
		text    string // the run between the first byte and the last
		gb18030 bool   // written as Excel on Chinese Windows writes it
		want    sign
	}{
		{",石山,", true, gbLike}, {"1石山2", true, gbLike}, {"(双水)", true, gbLike}, {"A石山,", true, gbLike}, {"石山A", true, gbLike}, {"X石山水Y", true, gbLike},
		{"3路,", true, noSign}, {",罗建村,", true, gbSure}, {",\xCA\xAF\xC9,", false, gbSure},
		{"Zürich", false, utf8Like}, {"Ação", false, utf8Like}, {"m²,", false, utf8Like},
		{",25°,", false, noSign}, {" ±1", false, noSign}, {",é,", false, noSign}, {",\xCA\xAF,", false, noSign},
		{",村,", false, utf8Sure}, {",Москва,", false, utf8Sure}, {",×,", false, utf8Sure}, {",石山村,", false, utf8Sure},
	} {
		text := []byte(c.text)
		if c.gb18030 {
			text = []byte(gb(t, c.text))
		}
		start, end := firstHigh(text), len(text)-1
		for end > 0 && text[end-1] < 0x80 {
			end--
		}
		before := byte(0)
		if start > 0 {
			before = text[start-1]
		}
		if got := runSign(text[start:end], before, text[end]); got != c.want {
			t.Errorf("%q: sign %d, want %d", c.text, got, c.want)
		}
	}
}

// TestLaterRunsAcrossChunks: the text after the sample read in chunks of
// any size says the same, a run cut between two chunks judged whole.
func TestLaterRunsAcrossChunks(t *testing.T) {
	text := []byte("A1,V,3\nA2,Müller,3\nA3,25°,2\nA4," + gb(t, "石山") + ",3\nA5,金台,3\n")
	conflictAt := int64(bytes.Index(text, []byte(gb(t, "石山"))))
	for _, c := range []struct {
		gb18030 bool
		sample  []byte
		want    string // where the check ends: a conflict's start, or settled's
	}{
		{false, nil, "conflict"},
		{false, []byte("Müller"), "conflict"},
	} {
		for size := 1; size <= len(text); size++ {
			r := laterRuns{check: newLaterCheck(c.gb18030, 0, c.sample)}
			var o outcome
			for at := 0; at < len(text) && o.msg == "" && !o.settled; at += size {
				o = r.feed(text[at:min(at+size, len(text))], at+size >= len(text))
			}
			if o.msg == "" || o.start != conflictAt {
				t.Errorf("chunks of %d: %+v, want a conflict at %d", size, o, conflictAt)
			}
		}
	}
	// Read as GB18030, the UTF-8 金台 at the end points away; before it,
	// Müller did (an accented letter beside a Latin one).
	r := laterRuns{check: newLaterCheck(true, 0, []byte(gb(t, "石山")))}
	if o := r.feed([]byte("A1,"+gb(t, "石山")+",3\nA2,金台,3\n"), true); o.msg == "" || !strings.Contains(o.msg, "UTF-8 (金台)") {
		t.Errorf("金台 read as GB18030: %+v", o)
	}
	// Runs in the sample (before from) are not judged again.
	r = laterRuns{check: newLaterCheck(false, 10, nil)}
	if o := r.feed([]byte("A1,"+gb(t, "石山")+",3\nA2,金台,3\n"), true); !o.settled {
		t.Errorf("a run in the sample judged again: %+v", o)
	}
}

// TestGuardNamesTheRun: the RFC 4180 reader's guard names the line and
// column where a run that points the other way begins, read a byte at a
// time too.
func TestGuardNamesTheRun(t *testing.T) {
	text := "id,v\nA1,V\nA2,Zü\nAB3," + gb(t, "石山") + "\n"
	for _, oneByte := range []bool{false, true} {
		var r io.Reader = strings.NewReader(text)
		if oneByte {
			r = iotest.OneByteReader(r)
		}
		g := newGuard(r, 1<<20, false)
		g.later = &laterRuns{check: newLaterCheck(false, 0, nil)}
		_, err := io.ReadAll(g)
		var ge *guardError
		if !errors.As(err, &ge) || ge.line != 4 || ge.col != 5 || !strings.Contains(ge.msg, "UTF-8 (ʯɽ) and as GB18030 (石山)") {
			t.Errorf("a byte at a time %v: %v (%+v), want line 4, column 5", oneByte, err, ge)
		}
	}
}

// TestCheckedAt: the plain scanner's reads of a window fail where a run
// that begins in it points away, however the windows fall; once a run
// agrees beyond doubt, the windows after it are not looked at.
func TestCheckedAt(t *testing.T) {
	text := []byte("id,v\nA1,V\nA2," + gb(t, "石山") + "\nA3,金台\nA4," + gb(t, "双水") + "\n")
	first := bytes.Index(text, []byte(gb(t, "石山")))
	for size := 1; size <= len(text); size++ {
		for start := 0; start < size; start++ {
			c := &checkedAt{r: bytes.NewReader(text), check: newLaterCheck(false, 0, nil)}
			failed := -1
			// Windows that cover the file, as a file's ranges do: the
			// first from its start.
			for off, end := 0, start; off < len(text); off, end = end, end+size {
				buf := make([]byte, max(end, 1)-off)
				if _, err := c.ReadAt(buf, int64(off)); err == errNotPlain {
					failed = off
					break
				}
			}
			// The window that holds the run's first byte fails, or the
			// one before it when the run goes on past that one's end.
			if failed < 0 || failed > first {
				t.Fatalf("windows of %d from %d: failed at %d, the run at %d", size, start, failed, first)
			}
		}
	}
	c := &checkedAt{r: bytes.NewReader(text), check: newLaterCheck(false, 0, nil)}
	agree := int64(bytes.Index(text, []byte("金台")))
	if _, err := c.ReadAt(make([]byte, 8), agree-3); err != nil || c.check.agreed.Load() != agree {
		t.Fatalf("金台: %v, agreed at %d", err, c.check.agreed.Load())
	}
	if _, err := c.ReadAt(make([]byte, 10), agree+6); err != nil && err != io.EOF {
		t.Errorf("双水 after 金台 agreed: %v", err)
	}
}

// TestLaterTextBothReaders: a file whose first 64 KiB are ASCII, or read
// both ways with accented letters in words, and that goes on past them in
// Chinese that reads both ways (石山 as ʯɽ) is refused by the plain scanner's
// parallel pass and by the RFC 4180 reader alike, naming the line, where it
// was read as UTF-8 with exit 0; a file whose text after them agrees is read.
func TestLaterTextBothReaders(t *testing.T) {
	splitSmall(t)
	rows := func(village string) string {
		var b strings.Builder
		b.WriteString("id,village\n")
		for i := 0; b.Len() < encodingSample+1000; i++ {
			b.WriteString("H" + strings.Repeat("0", 6) + ",")
			b.WriteString(village + "\n")
		}
		return b.String()
	}
	ascii, latin := rows("V01"), rows("Müller")
	line := func(s string) string { return ":" + strconv.Itoa(strings.Count(s, "\n")+1) + ":" }
	for _, c := range []struct {
		name, text, want string
	}{
		{"ASCII, then 石山", ascii + "X1," + gb(t, "石山") + "\n", line(ascii)},
		{"Müller, then 石山", latin + "X1," + gb(t, "石山") + "\n", line(latin)},
		{"Müller, then 金台", latin + "X1,金台\nX2," + gb(t, "石山") + "\n", ""},
	} {
		path := filepath.Join(t.TempDir(), "in.csv")
		if err := os.WriteFile(path, []byte(c.text), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, inOrder := range []bool{false, true} {
			in, err := Open(Options{Files: []string{path}, Encoding: "auto", Delimiter: ','}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if inOrder {
				err = in.readInOrder(func(*Row) error { return nil })
			} else {
				_, err = countRows(in)
			}
			in.Close()
			switch {
			case c.want == "" && err != nil:
				t.Errorf("%s (in order %v): %v", c.name, inOrder, err)
			case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "--encoding gb18030")):
				t.Errorf("%s (in order %v): %v, want an error at %s", c.name, inOrder, err, c.want)
			}
		}
	}
}

// BenchmarkCheckedAtASCII: what the check costs the plain scanner on a
// file of ASCII, the usual file whose sample leaves the encoding open.
func BenchmarkCheckedAtASCII(b *testing.B) {
	text := bytes.Repeat([]byte("H0000001,V01,3,9000\n"), fastBlock/20)
	c := &checkedAt{r: bytes.NewReader(text), check: newLaterCheck(false, 0, nil)}
	buf := make([]byte, len(text))
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		c.ReadAt(buf, 0)
	}
}

// TestFirstHigh: the first byte from 0x80 up, wherever it falls among the
// steps of 32 and of 8 bytes.
func TestFirstHigh(t *testing.T) {
	for n := 0; n < 80; n++ {
		for at := 0; at <= n; at++ {
			b := bytes.Repeat([]byte{'a'}, n)
			if at < n {
				b[at] = 0xC3
			}
			if got := firstHigh(b); got != at {
				t.Fatalf("%d bytes, high at %d: %d", n, at, got)
			}
		}
	}
}
