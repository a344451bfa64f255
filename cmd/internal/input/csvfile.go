package input

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// csvFile is one file read by the RFC 4180 reader (encoding/csv): quoted
// fields, any delimiter, every problem located. It reads in input order.
type csvFile struct {
	name     string
	closer   io.Closer
	csv      *csv.Reader
	validate bool // check that fields are valid UTF-8
	width    int  // fields a row may have: its own header's, trailing unnamed ones included
	from     int  // a workbook sheet's first column read, as Excel numbers it; 0 for a CSV file
}

// openCSV opens a file and reads its header, trimmed: the first row that
// starts below the Skip lines above it.
func (s *Source) openCSV(name string) (f *csvFile, header []string, line int, err error) {
	if f, err = s.openReader(name); err != nil {
		return nil, nil, 0, err
	}
	var fields []string
	for err == nil && line <= s.opts.Skip {
		if fields, line, err = f.read(); err == nil && line <= s.opts.Skip {
			s.tableUnit.read(fields, f.name, line)
		}
	}
	if err == nil {
		err = s.tableUnit.done(f.name, line, fields)
	}
	if err == io.EOF {
		err = &DataError{File: f.name, Msg: "empty input: no header row"}
		if s.opts.Skip > 0 {
			err.(*DataError).Msg += fmt.Sprintf(" below the %d lines --skip passes over", s.opts.Skip)
		}
	}
	if err != nil {
		f.close()
		return nil, nil, 0, err
	}
	header = make([]string, len(fields))
	for i, h := range fields {
		header[i] = strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF"))
	}
	return f, header, line, nil
}

func (s *Source) openReader(name string) (*csvFile, error) {
	var rc io.ReadCloser
	display, encoding, from := name, s.opts.Encoding, 0
	if sp := s.spools[name]; sp != nil {
		from = sp.excelFrom
		if sp.lost() {
			return nil, &DataError{File: sp.name, Msg: errNotKept.Error()}
		}
		rc, display = io.NopCloser(sp.reader()), sp.name
		if sp.utf8 {
			encoding = "utf-8"
		}
	} else {
		st, err := os.Stat(name)
		if err != nil {
			return nil, &DataError{File: name, Msg: describeOpenError(err)}
		}
		if st.IsDir() {
			return nil, &DataError{File: name, Msg: "is a directory, not a CSV file"}
		}
		file, err := os.Open(name)
		if err != nil {
			return nil, &DataError{File: name, Msg: describeOpenError(err)}
		}
		rc = file
		meter.addTotal(st.Size())
	}
	br := bufio.NewReaderSize(countingReader{rc}, 64<<10)
	gb18030, later, err := s.decodeAs(br, display, encoding)
	if err != nil {
		rc.Close()
		return nil, err
	}
	// The guard reads the bytes as written: no byte of a GB18030 character
	// but the first is below 0x30, so line ends, quotes and NULs are where
	// they seem, and columns and sizes are the file's.
	g := newGuard(br, s.opts.MaxRecord, gb18030)
	if later != nil {
		g.later = &laterRuns{check: later}
	}
	var r io.Reader = g
	if later != nil && !gb18030 {
		r = &switchReader{g: g}
		g.toGB18030 = func(line int, run []byte) { s.warnSwitched(display, line, run) }
	}
	if gb18030 {
		r = transform.NewReader(r, simplifiedchinese.GB18030.NewDecoder())
	}
	c := csv.NewReader(r)
	c.Comma = s.opts.Delimiter
	c.FieldsPerRecord = -1
	c.ReuseRecord = true
	return &csvFile{name: display, closer: rc, csv: c, validate: !gb18030, from: from}, nil
}

func (f *csvFile) close() { f.closer.Close() }

// readInOrder reads every file with the RFC 4180 reader, in order, and
// hands each data row to add. Rows whose fields are all empty (what
// spreadsheets leave below a table) are passed over like blank lines.
func (s *Source) readInOrder(add func(*Row) error) error {
	s.rows = 0
	for i, name := range s.opts.Files {
		f, header, line, err := s.openCSV(name)
		if err != nil {
			return err
		}
		// Each file's trailing unnamed header cells are its own: Excel
		// leaves them in one file of several and not in another.
		f.width = len(header)
		if i > 0 {
			err = s.checkHeader(header, f.name, line)
		}
		if err == nil {
			err = s.readRows(f, add)
		}
		f.close()
		if err != nil {
			return err
		}
	}
	if s.rows == 0 {
		return s.NoRows()
	}
	return nil
}

func (s *Source) readRows(f *csvFile, add func(*Row) error) error {
	row := &Row{src: s, span: &span{file: f.name, first: 1}, Fields: make([][]byte, len(s.Header))}
	recs := &records{f: f, n: s.opts.SkipFooter, given: s.unitsGiven()}
	for {
		fields, line, err := recs.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if isNoteRecord(fields) || s.opts.Lookup && labelValues(fields) {
			if !s.opts.Lookup {
				return recs.noteError(fields, line)
			}
			if err := recs.unitBelow(fields, line); err != nil {
				return err
			}
			note := noteCell(fields) // the reader reuses fields
			n, ok := recs.endNotes()
			if recs.unitErr != nil {
				return recs.unitErr
			}
			if !ok {
				return &DataError{File: f.name, Line: line, Msg: QuoteCell(note) + " looks like a note below the table, but rows of figures follow it"}
			}
			s.notesPassed = n
			return nil
		}
		row.line = line
		if err := s.checkWidth(fields, f, line); err != nil {
			return err
		}
		for i, field := range fields[:len(s.Header)] {
			// The row's fields are read-only views of the reader's strings.
			row.Fields[i] = unsafe.Slice(unsafe.StringData(field), len(field))
		}
		s.rows++
		if err := add(row); err != nil {
			return err
		}
	}
}

// checkWidth insists that a row has a field for every column of the header
// and nothing in the unnamed ones after them, up to its file's width. A
// column is named as headerColumn names it: by Excel's letter in a sheet.
func (s *Source) checkWidth(fields []string, f *csvFile, line int) error {
	file, width := f.name, f.width
	want, n := len(s.Header), len(fields)
	switch {
	case n < want:
		return &DataError{File: file, Line: line, Column: s.Header[n],
			Msg: fmt.Sprintf("missing: row has %d fields, the header has %d", n, want)}
	case n > width:
		return &DataError{File: file, Line: line,
			Msg: fmt.Sprintf("%s: row has %d fields, the header has %d", f.column(max(want, width)), n, want)}
	}
	for i := want; i < n; i++ {
		if strings.TrimSpace(fields[i]) != "" {
			return &DataError{File: file, Line: line,
				Msg: fmt.Sprintf("%s has no name in the header, but this row has %s in it", f.column(i), QuoteCell(fields[i]))}
		}
	}
	return nil
}

func allEmpty(fields []string) bool {
	for _, f := range fields {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// read returns the next record and the line it starts on.
func (f *csvFile) read() ([]string, int, error) {
	fields, err := f.csv.Read()
	if err != nil {
		if err == io.EOF {
			return nil, 0, io.EOF
		}
		var ge *guardError
		if errors.As(err, &ge) {
			return nil, 0, &DataError{File: f.name, Line: ge.line, Offset: ge.col, Msg: ge.msg}
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) && pe.StartLine < pe.Line && pe.Err == csv.ErrQuote {
			// A quote left open swallows the lines after it: the mistake is
			// where the field began, not where the reader gave up.
			return nil, 0, &DataError{File: f.name, Line: pe.StartLine,
				Msg: fmt.Sprintf("%v: the quoted field that starts on this line runs on to line %d, column %d", pe.Err, pe.Line, pe.Column)}
		}
		if errors.As(err, &pe) {
			return nil, 0, &DataError{File: f.name, Line: pe.Line, Offset: pe.Column, Msg: pe.Err.Error()}
		}
		return nil, 0, &DataError{File: f.name, Msg: err.Error()}
	}
	line, _ := f.csv.FieldPos(0)
	if f.validate {
		for i, field := range fields {
			if !utf8.ValidString(field) {
				_, col := f.csv.FieldPos(i)
				return nil, 0, &DataError{File: f.name, Line: line, Offset: col,
					Msg: "invalid UTF-8 (for a file saved by Excel on Chinese Windows, add --encoding gb18030)"}
			}
		}
	}
	return fields, line, nil
}

func describeOpenError(err error) string {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "no such file"
	case errors.Is(err, os.ErrPermission):
		return "permission denied"
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
