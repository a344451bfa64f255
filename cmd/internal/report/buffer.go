package report

import (
	"io"
	"os"
	"sync"
	"unicode"
	"unicode/utf8"
)

// outBuffer holds a command's output until the command has succeeded, so
// that a failure leaves stdout empty: in memory up to outMemoryLimit, then
// in temporary files, so that a million-row listing costs no more memory
// than a short one.
type outBuffer struct {
	joined []*os.File // output joined from spilled buffers, before file and b
	b      []byte
	file   *os.File
	err    error
}

const outMemoryLimit = 1 << 20

// spill moves the bytes held in memory to the temporary file once there are
// enough of them; formatters call it after each row.
func (o *outBuffer) spill() {
	if len(o.b) >= outMemoryLimit {
		o.toFile()
	}
}

// toFile moves the bytes held in memory to the temporary file, creating it
// if need be.
func (o *outBuffer) toFile() {
	if len(o.b) == 0 || o.err != nil {
		return
	}
	if o.file == nil {
		if o.file, o.err = createTemp("econcalc-out-*"); o.err != nil {
			return
		}
	}
	_, o.err = o.file.Write(o.b)
	o.b = o.b[:0]
}

// appendFrom moves what another buffer holds to the end of this one. A
// spilled one is not copied: its files join the list, after this buffer's
// own (its bytes in memory written out first, so that memory stays
// bounded), and what is written next goes after them.
func (o *outBuffer) appendFrom(other *outBuffer) {
	spilled := other.file != nil || len(other.joined) > 0
	if spilled {
		other.toFile()
	}
	if o.err == nil && other.err != nil {
		o.err = other.err
	}
	if !spilled {
		o.b = append(o.b, other.b...)
		o.spill()
		return
	}
	o.toFile()
	if o.file != nil {
		o.joined = append(o.joined, o.file)
	}
	o.joined = append(o.joined, other.joined...)
	if other.file != nil {
		o.joined = append(o.joined, other.file)
	}
	o.file = nil
}

// copyTo writes everything held to w.
func (o *outBuffer) copyTo(w io.Writer) error {
	if o.err != nil {
		return o.err
	}
	files := o.joined
	if o.file != nil {
		files = append(files, o.file)
	}
	for _, f := range files {
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return err
		}
		if _, err := io.Copy(w, f); err != nil {
			return err
		}
	}
	_, err := w.Write(o.b)
	return err
}

// Temporary files of spilled output are removed from their folder as soon
// as they are made: the open file stays readable and writable, and nothing
// is left behind however the run ends, by Ctrl-C and SIGTERM too. Where the
// system refuses to remove an open file (Windows), RemoveTempFiles removes
// it when run returns.
var (
	tempMu    sync.Mutex
	tempFiles []tempFile
)

type tempFile struct {
	f       *os.File
	removed bool
}

func createTemp(pattern string) (*os.File, error) {
	f, err := os.CreateTemp("", pattern)
	if err == nil {
		removed := os.Remove(f.Name()) == nil
		tempMu.Lock()
		tempFiles = append(tempFiles, tempFile{f, removed})
		tempMu.Unlock()
	}
	return f, err
}

// RemoveTempFiles closes the temporary files of spilled output, and removes
// any that could not be removed when made.
func RemoveTempFiles() {
	tempMu.Lock()
	defer tempMu.Unlock()
	for _, t := range tempFiles {
		t.f.Close()
		if !t.removed {
			os.Remove(t.f.Name())
		}
	}
	tempFiles = nil
}

// appendCSVField appends a field as encoding/csv's Writer writes it: quoted
// when it holds the delimiter, a quote, a line end, or begins with a space.
func appendCSVField(dst []byte, field string, comma byte) []byte {
	if !csvNeedsQuotes(field, comma) {
		return append(dst, field...)
	}
	dst = append(dst, '"')
	for i := 0; i < len(field); i++ {
		if field[i] == '"' {
			dst = append(dst, '"')
		}
		dst = append(dst, field[i])
	}
	return append(dst, '"')
}

func csvNeedsQuotes(field string, comma byte) bool {
	if field == "" {
		return false
	}
	if field == `\.` {
		return true
	}
	for i := 0; i < len(field); i++ {
		if c := field[i]; c == '\n' || c == '\r' || c == '"' || c == comma {
			return true
		}
	}
	r, _ := utf8.DecodeRuneInString(field)
	return unicode.IsSpace(r)
}
