package input

import (
	"bytes"
	"io"
	"os"
)

// spooled is input read ahead, so that it can be read in parallel ranges
// and a second time: standard input, or the CSV a workbook's sheet makes.
// It is held in memory up to spoolMemoryLimit, else in a temporary file,
// removed from its folder at once and closed with the Source. Messages call
// it by name: stdin, or 报表.xlsx[工业].
type spooled struct {
	name string
	utf8 bool     // written by econcalc itself: UTF-8, whatever --encoding says
	data []byte   // the whole input, when it was small
	file *os.File // else the temporary file holding it
	size int64
}

const spoolMemoryLimit = 8 << 20

func spoolStdin(stdin io.Reader) (*spooled, error) {
	s, err := spool(stdinName, stdin)
	if err != nil {
		return nil, &DataError{File: stdinName, Msg: "cannot buffer standard input: " + err.Error()}
	}
	return s, nil
}

func spool(name string, r io.Reader) (*spooled, error) {
	head := make([]byte, spoolMemoryLimit+1) // untouched pages cost nothing
	n, err := io.ReadFull(r, head)
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		return &spooled{name: name, data: head[:n], size: int64(n)}, nil
	}
	if err != nil {
		return nil, err
	}
	f, err := os.CreateTemp("", "econcalc-stdin-*.csv")
	if err != nil {
		return nil, err
	}
	os.Remove(f.Name()) // the open file stays readable; nothing is left behind
	s := &spooled{name: name, file: f}
	if _, err := f.Write(head); err != nil {
		s.close()
		return nil, err
	}
	rest, err := io.Copy(f, r)
	if err != nil {
		s.close()
		return nil, err
	}
	s.size = int64(len(head)) + rest
	return s, nil
}

// readerAt is the spooled input, for reading at any offset.
func (s *spooled) readerAt() io.ReaderAt {
	if s.file != nil {
		return s.file
	}
	return bytes.NewReader(s.data)
}

// reader reads the spooled input from its start.
func (s *spooled) reader() io.Reader {
	return io.NewSectionReader(s.readerAt(), 0, s.size)
}

func (s *spooled) close() {
	if s.file != nil {
		s.file.Close()
	}
}
