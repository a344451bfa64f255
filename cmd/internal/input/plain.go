package input

import (
	"bytes"
	"io"
	"os"
	"slices"
	"strings"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// plainFile is a file the plain scanner reads: its data rows start at start.
type plainFile struct {
	name    string // as shown in messages ("stdin" for spooled input)
	gb18030 bool   // decoded block by block
	r       io.ReaderAt
	c       io.Closer
	start   int64
	size    int64
	line    int // line number of the first data row
}

// plainInput is the input the plain scanner reads.
type plainInput struct {
	files     []*plainFile
	ncols     int // fields a row has: the header's, unnamed ones included
	named     int // the columns with a name, which rows are cut to
	delim     byte
	maxRecord int
	// idsOnly, when not 0, is how many fields a second look at text the
	// first pass read whole needs: rows are cut only that far, and neither
	// the text nor the rows' widths are checked again.
	idsOnly int
	// upTo, when not 0, is how many fields a first reading needs, fewer
	// than a row has: rows are cut that far, and the delimiters after
	// them only counted, unless the row's shape is in doubt (inDoubt).
	upTo int
}

// size is the bytes of data rows in all the files.
func (p plainInput) size() int64 {
	var n int64
	for _, f := range p.files {
		n += f.size - f.start
	}
	return n
}

// cutAt has rows cut to their first upTo fields (p.upTo) where that saves
// splitting some and inDoubt can tell a row's shape: not with unnamed
// trailing cells, which shape must see in every row (inDoubt does not look
// at them).
func (p *plainInput) cutAt(upTo int) {
	if upTo > 0 && upTo < p.ncols && p.ncols == p.named {
		p.upTo = upTo
	}
}

// openPlain opens the input for the plain scanner: regular files (or
// spooled standard input) in UTF-8 or GB18030 with a one-byte delimiter,
// each with a header that is one plain line matching the first file's. ok
// is false when the RFC 4180 reader must read the input instead.
func (s *Source) openPlain() (p plainInput, ok bool) {
	p = plainInput{ncols: s.width, named: len(s.keys), delim: byte(s.opts.Delimiter), maxRecord: s.opts.MaxRecord}
	if s.again {
		p.idsOnly = s.upTo
	} else {
		p.cutAt(s.upTo)
	}
	if s.opts.Delimiter >= 0x80 || s.opts.SkipFooter > 0 || s.opts.Lookup {
		return p, false // a lookup file is small, and its notes are the RFC 4180 reader's (lookup.go)
	}
	if s.opts.Skip > 0 && len(s.opts.Files) > 1 {
		// The lines above each header may give its unit (单位：万元), which
		// files read together must agree on: the RFC 4180 reader checks
		// them (tableUnit); the scanner passes over them unread.
		return p, false
	}
	for _, name := range s.opts.Files {
		pf, ok := s.openPlainFile(name)
		if !ok {
			p.close()
			return p, false
		}
		p.files = append(p.files, pf)
	}
	return p, true
}

func (s *Source) openPlainFile(name string) (*plainFile, bool) {
	pf := &plainFile{name: name}
	encoding := s.opts.Encoding
	if sp := s.spools[name]; sp != nil {
		if sp.complete() != nil {
			return nil, false // not all held, or a bad byte: the RFC 4180 reader reads it once, in order
		}
		pf.name = sp.name
		pf.r, pf.c, pf.size = sp.readerAt(), io.NopCloser(nil), sp.size
		if sp.utf8 {
			encoding = "utf-8"
		}
	} else {
		f, err := os.Open(name)
		if err != nil {
			return nil, false // the RFC 4180 reader reports it
		}
		st, err := f.Stat()
		if err != nil || !st.Mode().IsRegular() {
			f.Close()
			return nil, false
		}
		pf.r, pf.c, pf.size = f, f, st.Size()
	}
	if !s.decodeGB18030(pf, encoding) || !pf.readHeader(s.opts, s.keys, s.width) {
		pf.c.Close()
		return nil, false
	}
	return pf, true
}

// decodeGB18030 marks a GB18030 file, named so or detected as the general
// path detects it (encodingOf), to be decoded block by block as it is read,
// so that the plain scanner reads what Excel writes on Chinese Windows too.
// Line breaks are kept, so line numbers are the same. The text after the
// sample is checked as it is read where the sample leaves room for doubt
// (checkedAt). It is false for a file the RFC 4180 reader must refuse.
func (s *Source) decodeGB18030(pf *plainFile, encoding string) bool {
	var head []byte
	if encoding == "auto" {
		head = make([]byte, min(encodingSample, pf.size))
		n, _ := pf.r.ReadAt(head, 0)
		head = head[:n]
	}
	v := encodingOf(head, encoding, s.opts.bothWays)
	if v.conflict != "" {
		return false
	}
	s.warnGuessed(pf.name, v)
	pf.gb18030 = v.gb18030
	if v.later != nil {
		pf.r = &checkedAt{r: pf.r, check: v.later}
	}
	return true
}

// readHeader finds the data's start after a plain header line, below the
// lines Skip passes over, that matches keys, the header Open read.
func (pf *plainFile) readHeader(opts Options, keys []string, width int) bool {
	head := pf.readLines(min(int64(opts.MaxRecord)*int64(opts.Skip+1)+1, pf.size), opts.Skip+1)
	n := len(head)
	from := 0
	for range opts.Skip {
		nl := bytes.IndexByte(head[from:n], '\n')
		if nl < 0 || bytes.IndexByte(head[from:from+nl], '"') >= 0 {
			return false // the RFC 4180 reader knows where a quoted line ends
		}
		from += nl + 1
	}
	nl := bytes.IndexByte(head[from:n], '\n')
	if nl < 0 {
		return false
	}
	header := head[from : from+nl]
	if pf.gb18030 {
		var err error
		if header, err = simplifiedchinese.GB18030.NewDecoder().Bytes(header); err != nil {
			return false
		}
	}
	header = bytes.TrimSuffix(bytes.TrimPrefix(header, []byte("\uFEFF")), []byte("\r"))
	if len(bytes.TrimSpace(header)) == 0 {
		return false
	}
	if checkPlain(header) != nil || bytes.IndexByte(header, '\r') >= 0 {
		return false
	}
	_, fields, _ := splitRow(header, byte(opts.Delimiter), nil)
	// The scanner holds every file's rows to one width (plainInput.ncols),
	// so a file whose header has more or fewer unnamed cells after the
	// names than the first file's is left to the RFC 4180 reader, which
	// holds each file to its own.
	if len(fields) != width || !blankRow(fields[len(keys):]) {
		return false
	}
	for i, field := range fields[:len(keys)] {
		if strings.ToLower(strings.TrimSpace(string(field))) != keys[i] {
			return false
		}
	}
	pf.start = int64(from+nl) + 1
	pf.line = opts.Skip + 2
	return true
}

// readLines reads the file's first lines, up to limit bytes: as far as the
// count-th line end, or all of limit if there are fewer. The buffer grows
// with what is read, so a generous --max-record-bytes sets nothing aside.
func (pf *plainFile) readLines(limit int64, count int) []byte {
	head := make([]byte, 0, min(limit, 64<<10))
	for int64(len(head)) < limit {
		if len(head) == cap(head) {
			head = slices.Grow(head, int(min(int64(cap(head)), limit-int64(len(head)))))
		}
		chunk := head[len(head):cap(head)]
		n, err := pf.r.ReadAt(chunk, int64(len(head)))
		count -= bytes.Count(chunk[:n], []byte("\n"))
		head = head[:len(head)+n]
		if n == 0 || count <= 0 || err != nil {
			break
		}
	}
	return head
}

func (p plainInput) close() {
	for _, pf := range p.files {
		pf.c.Close()
	}
}
