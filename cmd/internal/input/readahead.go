package input

import (
	"io"
	"os"
)

// sniffBytes is how much of a file is looked at to tell what it is.
const sniffBytes = 64 << 10

// readAhead spools what cannot be read in place: standard input, and a
// workbook's sheet as CSV. A file that is neither text nor a workbook is
// refused here, saying what it is. A file that cannot be opened is left for
// the reader to report.
func (s *Source) readAhead(name string) error {
	if s.spools[name] != nil {
		return nil
	}
	if name == "-" {
		sp, err := spoolStdin(s.stdin)
		if err != nil {
			return err
		}
		s.spools[name] = sp
		head := make([]byte, min(sniffBytes, sp.size))
		n, _ := sp.readerAt().ReadAt(head, 0)
		switch what, zip := sniffBinary(head[:n]); {
		case zip:
			return &DataError{File: stdinName, Msg: "is an .xlsx workbook or another zip file: give the workbook's file name instead"}
		case what != "":
			return &DataError{File: stdinName, Msg: what}
		}
		return nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil
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

// readWorkbook spools one sheet of an .xlsx workbook (--sheet; the first
// by default) as CSV, one line per sheet row, so that every message names
// the sheet's row: 报表.xlsx[工业]:12.
func (s *Source) readWorkbook(name string) error {
	r, w := io.Pipe()
	sheet := make(chan string, 1)
	failed := make(chan error, 1)
	go func() {
		name, err := convertWorkbook(name, name, s.opts.Sheet, w)
		sheet <- name
		failed <- err
		w.CloseWithError(err)
	}()
	sp, spoolErr := spool(name, r)
	r.CloseWithError(io.ErrClosedPipe) // stops the converter if spooling failed
	sheetName, err := <-sheet, <-failed
	if err != nil {
		return err
	}
	if spoolErr != nil {
		return &DataError{File: name, Msg: "cannot hold the sheet read: " + spoolErr.Error()}
	}
	sp.name, sp.utf8 = name+"["+sheetName+"]", true
	s.spools[name] = sp
	return nil
}
