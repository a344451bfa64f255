package input

import (
	"bytes"
	"io"
	"os"
)

// spooledStdin is standard input read ahead, so that it can be read in
// parallel ranges and a second time: in memory up to stdinMemoryLimit, else
// in a temporary file, removed from its folder at once and closed with the
// Source. Messages still call it stdin.
type spooledStdin struct {
	data []byte   // the whole input, when it was small
	file *os.File // else the temporary file holding it
	size int64
}

const stdinMemoryLimit = 8 << 20

func spoolStdin(stdin io.Reader) (*spooledStdin, error) {
	fail := func(err error) (*spooledStdin, error) {
		return nil, &DataError{File: stdinName, Msg: "cannot buffer standard input: " + err.Error()}
	}
	head := make([]byte, stdinMemoryLimit+1) // untouched pages cost nothing
	n, err := io.ReadFull(stdin, head)
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		return &spooledStdin{data: head[:n], size: int64(n)}, nil
	}
	if err != nil {
		return fail(err)
	}
	f, err := os.CreateTemp("", "econcalc-stdin-*.csv")
	if err != nil {
		return fail(err)
	}
	os.Remove(f.Name()) // the open file stays readable; nothing is left behind
	s := &spooledStdin{file: f}
	if _, err := f.Write(head); err != nil {
		s.close()
		return fail(err)
	}
	rest, err := io.Copy(f, stdin)
	if err != nil {
		s.close()
		return fail(err)
	}
	s.size = int64(len(head)) + rest
	return s, nil
}

// readerAt is the spooled input, for reading at any offset.
func (s *spooledStdin) readerAt() io.ReaderAt {
	if s.file != nil {
		return s.file
	}
	return bytes.NewReader(s.data)
}

// reader reads the spooled input from its start.
func (s *spooledStdin) reader() io.Reader {
	return io.NewSectionReader(s.readerAt(), 0, s.size)
}

func (s *spooledStdin) close() {
	if s.file != nil {
		s.file.Close()
	}
}
