package input

import (
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"math/bits"
	"sync/atomic"
	"unicode/utf8"
)

// Text whose bytes read both as UTF-8 and as GB18030 is told apart by its
// runs of bytes from 0x80 up, between ASCII bytes. Some 930 GB2312 hanzi
// (石 山 双 水 平 农 among them) are two bytes, a lead 0xC2–0xDF and a trail
// 0xA1–0xBF, that are a UTF-8 character too: ʯ ɽ, or °, ±, ·, é, ü (leads
// 0xC2, 0xC3), Greek and Cyrillic letters. Chinese is written in words of two
// characters or more, without spaces, beside digits and marks but seldom
// between two Latin letters; Latin text has its accented letters inside
// words (Zürich, Genève, São), its symbols alone (25°, ±1, m²). Anything
// else beyond ASCII settles it: a byte sequence that is no UTF-8 is
// GB18030, a UTF-8 character that is no such pair (村 in UTF-8, Москва) is
// UTF-8.

// sign is what one run says of the encoding.
type sign uint8

const (
	noSign   sign = iota // a lone pair between marks or digits: 25°, 3路
	utf8Sure             // a UTF-8 character that is no hanzi pair
	utf8Like             // pairs beside a Latin letter: an accented letter in a word
	gbLike               // two pairs or more between marks or digits: a Chinese word
	gbSure               // not UTF-8
)

// runSign judges a whole run, with the bytes before and after it (0 at
// either end of the text).
func runSign(run []byte, before, after byte) sign {
	switch {
	case !utf8.Valid(run):
		return gbSure
	case !pairsOnly(run):
		return utf8Sure
	case len(run) >= 6 || len(run) == 4 && !(asciiLetter(before) && asciiLetter(after)):
		// Two pairs or more side by side are a Chinese word, an ASCII
		// letter touching it or not (石山A, A水平): a Latin word has two
		// accented letters together only inside it (Ação), never three.
		return gbLike
	case asciiLetter(before) || asciiLetter(after):
		return utf8Like // Zürich, Müller, Genève, Ação
	}
	return noSign
}

// pairsOnly: valid UTF-8 run is two-byte characters that are each a GB2312
// hanzi too.
func pairsOnly(run []byte) bool {
	for i := 0; i < len(run); i += 2 {
		if run[i] < 0xC2 || run[i] > 0xDF || i+1 == len(run) || run[i+1] < 0xA1 || run[i+1] > 0xBF {
			return false
		}
	}
	return true
}

// firstASCII is the index of b's first byte below 0x80, or len(b).
func firstASCII(b []byte) int {
	for i, c := range b {
		if c < utf8.RuneSelf {
			return i
		}
	}
	return len(b)
}

func asciiLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// firstHigh is the index of b's first byte from 0x80 up, or len(b); it
// looks at eight bytes at a time, as text is mostly ASCII.
func firstHigh(b []byte) int {
	i := 0
	// 32 bytes a step through long ASCII: a whole block of a file of it
	// costs the plain scanner a few percent of its time at most.
	for ; i+32 <= len(b); i += 32 {
		w := b[i : i+32]
		if (binary.LittleEndian.Uint64(w)|binary.LittleEndian.Uint64(w[8:])|
			binary.LittleEndian.Uint64(w[16:])|binary.LittleEndian.Uint64(w[24:]))&0x8080808080808080 != 0 {
			break
		}
	}
	for ; i+8 <= len(b); i += 8 {
		if high := binary.LittleEndian.Uint64(b[i:]) & 0x8080808080808080; high != 0 {
			return i + bits.TrailingZeros64(high)/8
		}
	}
	for ; i < len(b); i++ {
		if b[i] >= utf8.RuneSelf {
			return i
		}
	}
	return i
}

// laterCheck is what the text after a file's first 64 KiB must agree with,
// when those bytes read both ways: a run after them that points the other
// way than the file is read (runSign) is refused, naming its place, for
// --encoding to say which is meant (a file cannot be read again the other
// way from there: the rows before it are counted). The check goes on until
// a run that leaves no doubt agrees: one more Chinese word of pairs (石山)
// or accented Latin letter proves nothing, as the sample's did not, and a
// file of Müller with 金台 in UTF-8 at its end must not be read as GB18030.
type laterCheck struct {
	gb18030 bool   // how the file is read
	ascii   bool   // the sample is ASCII: a first run that is no UTF-8 makes the file GB18030 (toGB18030)
	from    int64  // runs that start before this byte were the sample's
	sample  []byte // the sample's text the reading rests on, or nil
	// agreed is the start of the first run found to agree, for the
	// parallel ranges of the plain scanner: beyond it, nothing is checked.
	agreed atomic.Int64
}

// judge says of a run's sign whether it settles the check, agreeing beyond
// doubt, or points the other way. A run that is no UTF-8 settles a UTF-8
// reading too: it is refused there as invalid UTF-8.
func (l *laterCheck) judge(s sign) (settled, conflict bool) {
	switch s {
	case gbSure:
		return true, false
	case utf8Sure:
		return !l.gb18030, l.gb18030
	case gbLike:
		return false, !l.gb18030
	case utf8Like:
		return false, l.gb18030
	}
	return false, false
}

// conflictMsg says that run points the other way than the file is read.
func (l *laterCheck) conflictMsg(run []byte) string {
	read, other := "UTF-8", "GB18030"
	sample, sampleOther := l.sample, asGB18030(l.sample)
	if l.gb18030 {
		read, other = other, read
		sample, sampleOther = sampleOther, sample
	}
	why := "and nothing above it shows which the file is in"
	if l.sample != nil {
		why = fmt.Sprintf("where the text above reads as %s (%s, not %s)", read, sample, sampleOther)
	}
	return fmt.Sprintf("these bytes read as UTF-8 (%s) and as GB18030 (%s), %s: add --encoding gb18030 if the file was saved by Excel on Chinese Windows, --encoding utf-8 if not",
		run, asGB18030(run), why)
}

// settledBefore reports whether a run found agreeing starts before off.
func (l *laterCheck) settledBefore(off int64) bool { return l.agreed.Load() < off }

// agree records a run found agreeing at off.
func (l *laterCheck) agree(off int64) {
	for old := l.agreed.Load(); off < old && !l.agreed.CompareAndSwap(old, off); old = l.agreed.Load() {
	}
}

func newLaterCheck(gb18030 bool, from int, sample []byte) *laterCheck {
	l := &laterCheck{gb18030: gb18030, from: int64(from), sample: sample}
	l.agreed.Store(math.MaxInt64)
	return l
}

// laterRuns follows the runs of text read in order, chunk by chunk, from
// byte off of the file on.
type laterRuns struct {
	check *laterCheck
	off   int64  // the file's byte at the start of the next chunk
	prev  byte   // the last ASCII byte before the open run, or read
	run   []byte // the open run, which may go on in the next chunk
	start int64  // where it starts in the file
	open  bool
	seen  bool // a run after the sample was judged
}

// outcome is what a chunk settled: nothing, an agreeing run (settled) or
// a run that points the other way (msg), starting at start.
type outcome struct {
	settled bool
	msg     string
	start   int64
	// toGB18030: the run is no UTF-8, and all before it ASCII, which
	// reads the same either way: the file is GB18030, read so from here.
	toGB18030 bool
}

// feed reads the next chunk; atEnd says that the text ends with it.
func (r *laterRuns) feed(b []byte, atEnd bool) outcome {
	base := r.off
	r.off += int64(len(b))
	for i := 0; i < len(b); {
		if !r.open {
			j := i + firstHigh(b[i:])
			if j > i {
				r.prev = b[j-1]
			}
			if j == len(b) {
				break
			}
			r.open, r.start, r.run, i = true, base+int64(j), r.run[:0], j
		}
		j := i + firstASCII(b[i:])
		r.run = append(r.run, b[i:j]...)
		if j == len(b) {
			break // the run may go on
		}
		if o := r.close(b[j]); o.settled || o.msg != "" {
			return o
		}
		i = j
	}
	if atEnd && r.open {
		return r.close(0)
	}
	return outcome{}
}

// close judges the open run, followed by after.
func (r *laterRuns) close(after byte) outcome {
	r.open = false
	if r.start < r.check.from {
		return outcome{}
	}
	sg, first := runSign(r.run, r.prev, after), !r.seen
	r.seen = true
	settled, conflict := r.check.judge(sg)
	if conflict {
		return outcome{msg: r.check.conflictMsg(r.run), start: r.start}
	}
	return outcome{settled: settled, start: r.start, toGB18030: sg == gbSure && first && r.check.ascii && !r.check.gb18030}
}

// checkedAt is a file the plain scanner reads whose text after the sample
// is checked (laterCheck) as each window of it is read: a run that points
// the other way makes the read fail with errNotPlain, so that the RFC 4180
// reader reads the file in order and names the first such run, if it comes
// before one that agrees. Once a run agrees, windows beyond it are passed
// as they are.
type checkedAt struct {
	r     io.ReaderAt
	check *laterCheck
}

func (c *checkedAt) ReadAt(p []byte, off int64) (int, error) {
	n, err := c.r.ReadAt(p, off)
	if n == 0 || c.check.settledBefore(off) || off+int64(n) <= c.check.from {
		return n, err
	}
	if c.pointsAway(p[:n], off) {
		return 0, errNotPlain
	}
	return n, err
}

// pointsAway judges the runs of b, the file's bytes from off: those that
// begin in it, each to its end, read on past b where it goes on. A run
// that begins before b is judged by the reading of the bytes before it.
func (c *checkedAt) pointsAway(b []byte, off int64) bool {
	runs := laterRuns{check: c.check, off: off}
	if off > 0 {
		var one [1]byte
		if m, _ := c.r.ReadAt(one[:], off-1); m == 1 && one[0] >= utf8.RuneSelf {
			skip := firstASCII(b)
			b, runs.off = b[skip:], off+int64(skip)
		}
	}
	o := runs.feed(b, false)
	var more [256]byte
	for runs.open && !o.settled && o.msg == "" {
		m, _ := c.r.ReadAt(more[:], runs.off)
		if end := firstASCII(more[:m]); end < m {
			m = end + 1 // the run's end, and the byte after it
		}
		o = runs.feed(more[:m], m == 0)
		if m == 0 {
			break
		}
	}
	if o.toGB18030 {
		return true // the reader in order sees whether all before it is ASCII (guard)
	}
	if o.settled {
		c.check.agree(o.start)
	}
	return o.msg != ""
}
