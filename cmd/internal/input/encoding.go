package input

import (
	"bufio"
	"bytes"
	"fmt"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// encodingSample is how much of a file decides its encoding in auto mode.
const encodingSample = 64 << 10

var utf8BOM = []byte("\uFEFF")

// decodeAs strips a UTF-8 byte-order mark and decides the encoding of the
// file shown as name: gb18030 is true for GB18030, false for UTF-8 (whose
// fields must still be checked); later, when not nil, is what the text
// after the first 64 KiB must agree with (the guard checks it).
func (s *Source) decodeAs(br *bufio.Reader, name, encoding string) (gb18030 bool, later *laterCheck, err error) {
	head, _ := br.Peek(br.Size())
	v := encodingOf(head, encoding, s.opts.bothWays)
	if v.conflict != "" {
		return false, nil, &DataError{File: name, Msg: v.conflict}
	}
	s.warnGuessed(name, v)
	if bytes.HasPrefix(head, utf8BOM) {
		br.Discard(len(utf8BOM))
	}
	return v.gb18030, v.later, nil
}

// verdict is what the first 64 KiB of a file say of its encoding.
type verdict struct {
	gb18030  bool
	guessed  []byte      // the text the guess rests on, for the warning (warnGuessed); nil when there is no doubt
	later    *laterCheck // what the text after the sample must agree with; nil when nothing can contradict it
	conflict string      // the sample reads both ways and its text points both ways: the file is refused
}

// encodingOf decides the encoding of text that begins with head. In auto
// mode the first 64 KiB decide: text with a UTF-8 byte-order mark is UTF-8;
// text that is not valid UTF-8 is GB18030, which is what Excel writes on
// Chinese Windows; valid UTF-8 with a character that no GB2312 hanzi's two
// bytes are (村 in UTF-8's three bytes, Москва) is UTF-8. What is left reads
// both ways, its text past ASCII all pairs of bytes that are a UTF-8
// character and a hanzi (runSign): a Chinese word of such hanzi (石山) makes
// it GB18030, a warning saying so; an accented letter in a word (Zürich)
// makes it UTF-8; both are a conflict; neither (ASCII only, or 25°) is
// UTF-8, with a warning when there is text that reads both ways. In each of
// these cases the text after the sample must agree (laterCheck). A lookup
// file whose bytes read both ways is read as the input's --encoding says
// (bothWays).
func encodingOf(head []byte, encoding, bothWays string) verdict {
	switch encoding {
	case "gb18030":
		return verdict{gb18030: true}
	case "auto":
	default:
		return verdict{}
	}
	cut := len(head) >= encodingSample // the file may go on
	head = head[:min(len(head), encodingSample)]
	switch {
	case bytes.HasPrefix(head, utf8BOM):
		return verdict{}
	case !validUTF8Prefix(head):
		return verdict{gb18030: true}
	}
	var first [gbSure + 1][]byte // the first run of each sign, with the ASCII word around it
	var firstAt [gbSure + 1]int
	from := len(head)
	for i := 0; i < len(head); {
		start := i + firstHigh(head[i:])
		end := start + firstASCII(head[start:])
		if start == len(head) {
			break
		}
		before, after := byte(0), byte(0)
		if start > 0 {
			before = head[start-1]
		}
		if end < len(head) {
			after = head[end]
		} else if cut {
			// Cut off by the sample's end: the text after it judges it,
			// unless a whole character in it is no pair.
			from = start
			if !pairsOnly(trimCutRune(head[start:end])) {
				return verdict{}
			}
			break
		}
		if sg := runSign(head[start:end], before, after); first[sg] == nil {
			first[sg], firstAt[sg] = word(head, start, end), start
		}
		i = end
	}
	if first[utf8Sure] != nil {
		return verdict{}
	}
	if first[gbLike] != nil || first[utf8Like] != nil || first[noSign] != nil {
		switch bothWays {
		case "utf-8":
			return verdict{}
		case "gb18030":
			return verdict{gb18030: true}
		}
	}
	switch gb, latin := first[gbLike], first[utf8Like]; {
	case gb != nil && latin != nil:
		return verdict{conflict: fmt.Sprintf("its first 64 KiB read as UTF-8 and as GB18030, and point both ways: line %d's %s reads as UTF-8 (not %s), line %d's %s as GB18030 (not %s): add --encoding utf-8 or --encoding gb18030 to say which",
			lineOf(head, firstAt[utf8Like]), latin, asGB18030(latin), lineOf(head, firstAt[gbLike]), asGB18030(gb), gb)}
	case gb != nil:
		return verdict{gb18030: true, guessed: gb, later: newLaterCheck(true, from, gb)}
	case latin != nil:
		return verdict{later: newLaterCheck(false, from, latin)}
	}
	later := newLaterCheck(false, from, nil)
	later.ascii = first[noSign] == nil && from == len(head)
	return verdict{guessed: first[noSign], later: later}
}

// lineOf is the line of head that offset at is on, lines ending as the
// reader ends them: LF, CR or CRLF (once).
func lineOf(head []byte, at int) int {
	line := 1
	for i, c := range head[:at] {
		if c == '\r' || c == '\n' && (i == 0 || head[i-1] != '\r') {
			line++
		}
	}
	return line
}

// word is the run head[start:end] with the ASCII letters and digits on
// either side of it, a few at most: Müller, 25°, 石山.
func word(head []byte, start, end int) []byte {
	alnum := func(c byte) bool { return asciiLetter(c) || c >= '0' && c <= '9' }
	for n := 0; start > 0 && n < 12 && alnum(head[start-1]); n++ {
		start--
	}
	for n := 0; end < len(head) && n < 12 && alnum(head[end]); n++ {
		end++
	}
	return bytes.Clone(head[start:end])
}

// trimCutRune drops a character cut off by the end of b.
func trimCutRune(b []byte) []byte {
	for n := 1; n < utf8.UTFMax && n <= len(b); n++ {
		if utf8.RuneStart(b[len(b)-n]) {
			if !utf8.FullRune(b[len(b)-n:]) {
				return b[:len(b)-n]
			}
			break
		}
	}
	return b
}

// validUTF8Prefix is utf8.Valid, except that a character cut off by the end
// of b does not count against it.
func validUTF8Prefix(b []byte) bool {
	for len(b) > 0 {
		if b[0] < utf8.RuneSelf {
			b = b[1:]
			continue
		}
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size == 1 {
			return len(b) < utf8.UTFMax && !utf8.FullRune(b)
		}
		b = b[size:]
	}
	return true
}

// onceEach remembers the files a warning was given for: a file is opened
// several times (its delimiter, its header, its rows), and a source read
// again (Again) shares it, so each file is warned of once.
type onceEach struct {
	mu   sync.Mutex
	seen map[string]bool
}

// first reports whether name is new, and remembers it.
func (o *onceEach) first(name string) bool {
	if o == nil {
		return true
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.seen[name] {
		return false
	}
	if o.seen == nil {
		o.seen = map[string]bool{}
	}
	o.seen[name] = true
	return true
}

// warnGuessed says that a file whose bytes read both as GB18030 and as
// UTF-8 was read as one of them, showing the text its guess rests on both
// ways, and how to have it read the other way.
func (s *Source) warnGuessed(name string, v verdict) {
	if warning == nil || v.guessed == nil || !s.guessed.first(name) {
		return
	}
	if v.gb18030 {
		warning(fmt.Sprintf("%s: read as GB18030 (%s), as Excel saves it on Chinese Windows; its bytes read as UTF-8 too (%s): if that is right, add --encoding utf-8",
			name, asGB18030(v.guessed), v.guessed))
		return
	}
	warning(fmt.Sprintf("%s: read as UTF-8 (%s); its bytes read as GB18030 too (%s): if that is right, add --encoding gb18030",
		name, v.guessed, asGB18030(v.guessed)))
}

// warnSwitched says that a file whose first 64 KiB are ASCII was read as
// GB18030 from its first bytes past ASCII on line, run, which are no UTF-8.
func (s *Source) warnSwitched(name string, line int, run []byte) {
	if warning != nil && s.guessed.first(name) {
		warning(fmt.Sprintf("%s: read as GB18030, as Excel saves it on Chinese Windows: its first 64 KiB are ASCII, and line %d's %s is no UTF-8",
			name, line, asGB18030(run)))
	}
}

// asGB18030 is text's bytes read as GB18030.
func asGB18030(text []byte) []byte {
	gb, _ := simplifiedchinese.GB18030.NewDecoder().Bytes(text)
	return gb
}
