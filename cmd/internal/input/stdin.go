package input

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"sync"
)

// spooled is input that cannot be read in place, read ahead as far as it is
// needed and held, so that it can be read a second time and in parallel
// ranges: standard input, a named pipe, or the CSV a workbook's sheet
// makes. Messages call it by name: stdin, or 报表.xlsx[工业].
//
// It is read lazily: Open reads the first block and the header, the command
// checks its columns, and only Fold's parallel pass (complete) or a reader
// going on reads the rest, checked as it comes (spoolcheck.go). Up to
// spoolMemoryLimit is held in memory, beyond that in a temporary file
// removed from its folder at once, so that nothing is left behind however
// the run ends. Without a usable temporary folder, up to streamMemoryLimit
// is held in memory and the rest is passed to one reader, once, in order.
type spooled struct {
	name string
	utf8 bool // written by econcalc itself: UTF-8, whatever --encoding says
	warn func(string)

	// excelFrom is a workbook sheet's first column read, as Excel numbers
	// it (2 for a table from column B); 0 for no sheet.
	excelFrom int

	mu     sync.Mutex
	mem    []byte    // what is held, while it is held in memory
	file   spoolFile // else all of it, in a temporary file
	size   int64     // bytes held
	src    io.Reader
	closer io.Closer  // src's, for a named pipe
	done   bool       // src is read to its end, or as far as it will be
	check  *textCheck // nil for a sheet, which econcalc writes itself
	cut    error      // the bad byte reading stopped after, located
	err    error      // reading src failed
	hold   bool       // a sheet: everything must be held
	noFile error      // why no temporary file holds the rest
	warned bool
	taken  int64  // bytes read from src
	passed []byte // the last bytes read and not held: they end at taken
	chunk  []byte // where passed bytes are read to
}

// What is held in memory, and read at a time (variables so that tests
// spool small inputs).
var (
	spoolMemoryLimit  = 8 << 20  // held in memory up to this, beyond it in a temporary file
	streamMemoryLimit = 64 << 20 // without a temporary file, held in memory up to this
	spoolChunk        = 1 << 20
)

// spoolFile is the temporary file that holds spooled input.
type spoolFile interface {
	io.Writer
	io.ReaderAt
	io.Closer
}

// createSpoolFile makes the temporary file and removes it from its folder
// at once (a variable so that tests make it fail).
var createSpoolFile = func() (spoolFile, error) {
	f, err := os.CreateTemp("", "econcalc-stdin-*.csv")
	if err != nil {
		return nil, err
	}
	os.Remove(f.Name()) // the open file stays readable; nothing is left behind
	return f, nil
}

// spoolStream reads a stream lazily: the first block now, checked in the
// encoding the reader will read it in, the rest as it is needed. head is
// the first block, for sniffBinary.
func spoolStream(name string, r io.Reader, closer io.Closer, opts Options, warn func(string)) (sp *spooled, head []byte) {
	sp = &spooled{name: name, src: r, closer: closer, warn: warn, mem: make([]byte, 0, spoolMemoryLimit)}
	check := newTextCheck(opts.MaxRecord, false)
	sp.mu.Lock()
	defer sp.mu.Unlock()
	for sp.size < sniffBytes && !sp.done {
		sp.more()
	}
	head = sp.mem[:min(len(sp.mem), sniffBytes)]
	v := encodingOf(sp.mem, opts.Encoding, opts.bothWays) // the reader warns (decodeAs)
	keep, bad := checkFirstBlock(&check, sp.mem, v)
	if bad != nil {
		sp.mem, sp.size, sp.taken = sp.mem[:keep], int64(keep), int64(keep)
		sp.cut, sp.done = bad, true
	}
	sp.check = &check
	return sp, head
}

// checkFirstBlock checks the first block read, which may run past the
// sample its encoding was decided on (a file redirected with < is read a
// megabyte at a time). Where that sample is ASCII, bytes past it that are
// no UTF-8 are no bad bytes: they make the file GB18030 from there, as the
// reader decides when it reaches them (laterCheck.ascii, toGB18030), so
// beyond the sample only NULs and record lengths are checked, as in the
// chunks read after it (skim).
func checkFirstBlock(check *textCheck, block []byte, v verdict) (int, *guardError) {
	if v.gb18030 || v.later == nil || !v.later.ascii || len(block) <= encodingSample {
		return check.checkFirst(block, v.gb18030)
	}
	if keep, bad := check.checkFirst(block[:encodingSample], false); bad != nil {
		return keep, bad
	}
	keep, bad := check.skim(block[encodingSample:])
	return encodingSample + keep, bad
}

// spoolAll reads a sheet's CSV to its end and holds all of it.
func spoolAll(name string, r io.Reader) (*spooled, error) {
	sp := &spooled{name: name, utf8: true, src: r, hold: true, mem: make([]byte, 0, spoolMemoryLimit)}
	if err := sp.complete(); err != nil {
		sp.close()
		return nil, err
	}
	return sp, nil
}

// more reads the next chunk of src and holds it, or passes it when nothing
// can hold it. It is called with mu held and done false.
func (s *spooled) more() {
	if s.file == nil && s.noFile == nil && len(s.mem) >= spoolMemoryLimit {
		s.toFile()
		if s.done {
			return
		}
	}
	inMemory := s.file == nil && len(s.mem) < streamMemoryLimit
	var buf []byte
	switch {
	case inMemory:
		if len(s.mem) == cap(s.mem) {
			s.mem = slices.Grow(s.mem, spoolChunk) // past spoolMemoryLimit only without a temporary file
		}
		buf = s.mem[len(s.mem):min(cap(s.mem), len(s.mem)+spoolChunk)]
	default:
		if s.chunk == nil {
			s.chunk = make([]byte, spoolChunk)
		}
		buf = s.chunk
	}
	n, err := s.src.Read(buf)
	data := buf[:n]
	if s.check != nil && n > 0 {
		if keep, bad := s.check.skim(data); bad != nil {
			data, s.cut, s.done = data[:keep], bad, true
		}
	}
	s.taken += int64(len(data))
	switch {
	case inMemory:
		s.mem = s.mem[:len(s.mem)+len(data)]
		s.size += int64(len(data))
	case s.noFile == nil:
		w, werr := s.file.Write(data)
		s.size += int64(w)
		if werr != nil {
			s.stopHolding(werr)
			s.passed = data[w:]
		}
	default:
		s.passed = data
		s.warnOnce()
	}
	switch {
	case err == io.EOF:
		s.done = true
	case err != nil:
		s.err, s.done = err, true
	}
}

// toFile moves what is held in memory to a temporary file.
func (s *spooled) toFile() {
	f, err := createSpoolFile()
	if err == nil {
		if _, err = f.Write(s.mem); err != nil {
			f.Close()
		}
	}
	if err != nil {
		s.stopHolding(err)
		return
	}
	s.file, s.mem = f, nil
}

// stopHolding is the temporary folder failing: a sheet cannot be read
// then; anything else is read on, once, beyond what memory holds.
func (s *spooled) stopHolding(err error) {
	if s.hold {
		s.err, s.done = err, true
		return
	}
	s.noFile = err
}

func (s *spooled) warnOnce() {
	if s.warned || s.warn == nil {
		return
	}
	s.warned = true
	reason := s.noFile.Error()
	var pe *os.PathError
	if errors.As(s.noFile, &pe) {
		reason = pe.Err.Error()
	}
	s.warn(fmt.Sprintf("%s: the temporary folder %s cannot hold it (%s): it is read once, in order, which is slower",
		s.name, os.TempDir(), reason))
}

// complete reads src to its end, holding all of it, for reading in
// parallel ranges and a second time; an error when it cannot.
func (s *spooled) complete() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for !s.done && (s.noFile == nil || s.file == nil && len(s.mem) < streamMemoryLimit) {
		s.more()
	}
	switch {
	case s.err != nil:
		return s.err
	case !s.done || s.passed != nil:
		s.warnOnce()
		return s.noFile
	case s.cut != nil:
		return s.cut
	}
	return nil
}

// readerAt reads what is held at any offset, once complete has succeeded.
func (s *spooled) readerAt() io.ReaderAt {
	if s.file != nil {
		return s.file
	}
	return bytes.NewReader(s.mem[:s.size])
}

// reader reads the spooled input from its start, reading on as needed.
func (s *spooled) reader() io.Reader { return &spoolReader{s: s} }

type spoolReader struct {
	s   *spooled
	off int64
}

func (r *spoolReader) Read(p []byte) (int, error) {
	n, err := r.s.readAt(p, r.off)
	r.off += int64(n)
	return n, err
}

// lost reports that some of the input was passed to a reader and is gone:
// it cannot be read again from its start.
func (s *spooled) lost() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.taken-int64(len(s.passed)) > s.size
}

// errNotKept is a second reading of input that was passed on, not held.
var errNotKept = errors.New("cannot be read a second time: no temporary file could hold it, and it is larger than memory holds; give it as a file")

func (s *spooled) readAt(p []byte, off int64) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for {
		switch from := s.taken - int64(len(s.passed)); {
		case off < s.size && s.file != nil:
			n, err := s.file.ReadAt(p[:min(int64(len(p)), s.size-off)], off)
			if err == io.EOF && n > 0 {
				err = nil
			}
			return n, err
		case off < s.size:
			return copy(p, s.mem[off:s.size]), nil
		case off < from:
			return 0, errNotKept
		case off < s.taken:
			return copy(p, s.passed[off-from:]), nil
		case s.done && s.cut != nil:
			return 0, s.cut
		case s.done && s.err != nil:
			return 0, s.err
		case s.done:
			return 0, io.EOF
		}
		s.more()
	}
}

func (s *spooled) close() {
	if s.file != nil {
		s.file.Close()
	}
	if s.closer != nil {
		s.closer.Close()
	}
}
