package input

import (
	"io"
	"os"
)

// sniffBytes is how much of a file is looked at to tell what it is.
const sniffBytes = 64 << 10

// readAhead spools what cannot be read in place: standard input, anything
// else that is not a regular file (a named pipe, /dev/stdin), which is read
// once, as a stream, and a workbook's sheet as CSV. A file that is neither
// text nor a workbook is refused here, saying what it is. A file that cannot
// be opened is left for the reader to report.
func (s *Source) readAhead(name string) error {
	if s.spools[name] != nil {
		return nil
	}
	if name == "-" {
		return s.readStream(name, stdinName, s.stdin, nil)
	}
	st, err := os.Stat(name)
	if err != nil || st.IsDir() {
		return nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil
	}
	if !st.Mode().IsRegular() {
		return s.readStream(name, name, f, f)
	}
	head := make([]byte, sniffBytes)
	n, _ := io.ReadFull(f, head)
	f.Close()
	what, zip := sniffBinary(head[:n])
	switch {
	case zip:
		return s.readWorkbook(name)
	case what != "":
		return &DataError{File: name, Msg: what}
	}
	return nil
}

// readStream spools a stream read once (standard input, a named pipe) and
// refuses it when its first block is not text.
func (s *Source) readStream(name, display string, r io.Reader, closer io.Closer) error {
	sp, head := spoolStream(display, r, closer, s.opts, warning)
	s.spools[name] = sp
	switch what, zip := sniffBinary(head); {
	case zip && name == "-":
		return &DataError{File: display, Msg: "is an .xlsx workbook or another zip file: give the workbook's file name instead"}
	case zip:
		return &DataError{File: display, Msg: "is an .xlsx workbook or another zip file, which is read from a regular file, not a pipe: save it and give the file's name"}
	case what != "":
		return &DataError{File: display, Msg: what}
	}
	return nil
}

// readWorkbook spools one sheet of an .xlsx workbook (--sheet; the first
// by default) as CSV, one line per sheet row, so that every message names
// the sheet's row: 报表.xlsx[工业]:12.
func (s *Source) readWorkbook(name string) error {
	r, w := io.Pipe()
	sheet := make(chan string, 1)
	from := make(chan int, 1)
	failed := make(chan error, 1)
	go func() {
		name, first, err := convertSheetFrom(name, name, s.opts, true, w)
		sheet <- name
		from <- first
		failed <- err
		w.CloseWithError(err)
	}()
	sp, spoolErr := spoolAll(name, r)
	r.CloseWithError(io.ErrClosedPipe) // stops the converter if spooling failed
	sheetName, first, err := <-sheet, <-from, <-failed
	if err != nil {
		if sp != nil {
			sp.close()
		}
		return err
	}
	if spoolErr != nil {
		return &DataError{File: name, Msg: "cannot hold the sheet read: " + spoolErr.Error()}
	}
	sp.name, sp.excelFrom = name+"["+sheetName+"]", first
	s.spools[name] = sp
	s.workbooks = true
	return nil
}
