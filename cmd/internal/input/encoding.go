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
// fields must still be checked).
func (s *Source) decodeAs(br *bufio.Reader, name, encoding string) (gb18030 bool) {
	head, _ := br.Peek(br.Size())
	gb18030, guessed := encodingOf(head, encoding, s.opts.bothWays)
	if guessed {
		s.warnGuessed(name, head)
	}
	if bytes.HasPrefix(head, utf8BOM) {
		br.Discard(len(utf8BOM))
	}
	return gb18030
}

// encodingOf decides the encoding of text that begins with head: gb18030
// true for GB18030, false for UTF-8. In auto mode the first 64 KiB decide:
// text with a UTF-8 byte-order mark, or that is valid UTF-8, is UTF-8,
// anything else GB18030, which is what Excel writes on Chinese Windows;
// text that reads both ways (hanziPairsOnly) is read as bothWays says, a
// lookup file's as the input's --encoding, and is otherwise GB18030 with
// guessed true, for the reader to say so.
func encodingOf(head []byte, encoding, bothWays string) (gb18030, guessed bool) {
	switch encoding {
	case "gb18030":
		return true, false
	case "auto":
		head = head[:min(len(head), encodingSample)]
		switch {
		case bytes.HasPrefix(head, utf8BOM):
			return false, false
		case !validUTF8Prefix(head):
			return true, false
		case !hanziPairsOnly(head):
			return false, false
		}
		switch bothWays {
		case "utf-8":
			return false, false
		case "gb18030":
			return true, false
		}
		return true, true
	}
	return false, false
}

// hanziPairsOnly: in valid UTF-8 text, the only characters that are not
// ASCII are of two bytes, each a lead 0xC2–0xDF and a trail 0xA1–0xBF, and
// there is one at least. Those bytes are also a GB2312 hanzi in GB18030
// (a lead 0xB0–0xF7, a trail 0xA1–0xFE): some 930 of them, 石 山 双 水 平
// 农 among them, so a file from Excel on Chinese Windows whose Chinese
// text is only those is valid UTF-8 (石山 reads ʯɽ). Chinese in UTF-8
// takes three bytes a character, and the UTF-8 characters that are such
// pairs (°, ±, ·, é, ü, Greek and Cyrillic letters, IPA, Hebrew, Arabic)
// seldom make up all the text but ASCII of a Chinese bureau's table, so
// such text is taken for GB18030, with a warning (warnGuessed).
func hanziPairsOnly(b []byte) bool {
	pairs := 0
	for i := 0; i < len(b); i++ {
		if b[i] < utf8.RuneSelf {
			continue
		}
		if i+1 == len(b) {
			break // cut off by the end of the sample
		}
		if b[i] < 0xC2 || b[i] > 0xDF || b[i+1] < 0xA1 || b[i+1] > 0xBF {
			return false
		}
		pairs++
		i++
	}
	return pairs > 0
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
// UTF-8 was read as GB18030, showing its first text but ASCII both ways,
// and how to have it read as UTF-8.
func (s *Source) warnGuessed(name string, head []byte) {
	if warning == nil || !s.guessed.first(name) {
		return
	}
	at := bytes.IndexFunc(head, func(r rune) bool { return r >= utf8.RuneSelf })
	if at < 0 {
		return
	}
	run := head[at:]
	n := 0
	for n+1 < len(run) && n < 16 && run[n] >= utf8.RuneSelf && run[n+1] >= utf8.RuneSelf {
		n += 2 // whole pairs, which are whole characters both ways
	}
	gb, _ := simplifiedchinese.GB18030.NewDecoder().Bytes(run[:n])
	warning(fmt.Sprintf("%s: read as GB18030 (%s), as Excel saves it on Chinese Windows; its bytes read as UTF-8 too (%s): if that is right, add --encoding utf-8",
		name, gb, run[:n]))
}
