package main

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"econcalc/calc"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// inputOptions is every decision about where rows come from. No command opens
// a file itself.
type inputOptions struct {
	files     []string // none, or "-", is standard input
	encoding  string   // auto, utf-8 or gb18030
	delimiter rune
	maxRecord int           // longest line accepted, in bytes
	spooled   *spooledStdin // standard input, read ahead (see spoolStdin)
}

const stdinName = "stdin"

// input reads the rows of one or more CSV files that share a header.
type input struct {
	opts   inputOptions
	stdin  io.Reader
	header []string // names as written, trimmed
	keys   []string // names for matching: trimmed and lower-cased

	next    int // index into opts.files of the next file to open
	cur     *source
	rows    int
	firstIn string // file the header was read from
}

// source is one open file.
type source struct {
	name     string
	closer   io.Closer
	csv      *csv.Reader
	validate bool // check that fields are valid UTF-8
}

// record is one data row. fields is only valid until the next call to Next.
type record struct {
	in     *input
	file   string
	line   int
	fields []string
}

func openInput(opts inputOptions, stdin io.Reader) (*input, error) {
	if len(opts.files) == 0 {
		opts.files = []string{"-"}
	}
	in := &input{opts: opts, stdin: stdin}
	if err := in.openNext(); err != nil {
		return nil, err
	}
	return in, nil
}

// openNext opens the next file and reads its header, which must match the
// first file's.
func (in *input) openNext() error {
	if in.cur != nil {
		in.cur.closer.Close()
		in.cur = nil
	}
	name := in.opts.files[in.next]
	in.next++
	src, err := openSource(name, in.opts, in.stdin)
	if err != nil {
		return err
	}
	in.cur = src
	header, line, err := src.read()
	if err == io.EOF {
		return &dataError{file: src.name, msg: "empty input: no header row"}
	}
	if err != nil {
		return err
	}
	names := make([]string, len(header))
	for i, h := range header {
		names[i] = strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF"))
	}
	if in.header == nil {
		return in.setHeader(names, src.name, line)
	}
	if strings.Join(lowerAll(names), "\x00") != strings.Join(in.keys, "\x00") {
		return &dataError{file: src.name, line: line,
			msg: fmt.Sprintf("header %q differs from %s's %q; files read together must share a header",
				strings.Join(names, ","), in.firstIn, strings.Join(in.header, ","))}
	}
	return nil
}

func (in *input) setHeader(names []string, file string, line int) error {
	keys := lowerAll(names)
	for i, k := range keys {
		if k == "" {
			return &dataError{file: file, line: line, msg: fmt.Sprintf("column %d of the header has no name", i+1)}
		}
		for j := 0; j < i; j++ {
			if keys[j] == k {
				return &dataError{file: file, line: line, column: names[i],
					msg: fmt.Sprintf("appears twice in the header (columns %d and %d)", j+1, i+1)}
			}
		}
	}
	in.header, in.keys, in.firstIn = names, keys, file
	return nil
}

func lowerAll(names []string) []string {
	keys := make([]string, len(names))
	for i, n := range names {
		keys[i] = strings.ToLower(n)
	}
	return keys
}

// Next returns the next data row of any file, or io.EOF after the last.
// Rows whose fields are all empty (what spreadsheets leave below a table)
// are passed over like blank lines.
func (in *input) Next() (*record, error) {
	for {
		fields, line, err := in.cur.read()
		if err == io.EOF {
			if in.next == len(in.opts.files) {
				return nil, io.EOF
			}
			if err := in.openNext(); err != nil {
				return nil, err
			}
			continue
		}
		if err != nil {
			return nil, err
		}
		if allEmpty(fields) {
			continue
		}
		rec := &record{in: in, file: in.cur.name, line: line, fields: fields}
		if len(fields) != len(in.header) {
			return nil, rec.raggedError()
		}
		in.rows++
		return rec, nil
	}
}

// each calls fn with every data row, stopping at the first error. Input
// with a header but no rows is an error.
func (in *input) each(fn func(*record) error) error {
	for {
		rec, err := in.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		if err := fn(rec); err != nil {
			return err
		}
	}
	if in.rows == 0 {
		return in.NoRows()
	}
	return nil
}

// Rows is how many data rows Next has returned.
func (in *input) Rows() int { return in.rows }

// NoRows is the error for input that has a header but no data.
func (in *input) NoRows() error {
	return &dataError{file: in.firstIn, msg: "no data rows after the header"}
}

func (in *input) Close() {
	if in.cur != nil {
		in.cur.closer.Close()
	}
}

func (r *record) raggedError() error {
	n, want := len(r.fields), len(r.in.header)
	if n > want {
		return &dataError{file: r.file, line: r.line,
			msg: fmt.Sprintf("column %d: row has %d fields, the header has %d", want+1, n, want)}
	}
	return &dataError{file: r.file, line: r.line, column: r.in.header[n],
		msg: fmt.Sprintf("missing: row has %d fields, the header has %d", n, want)}
}

// errorf locates a problem with one cell.
func (r *record) errorf(col int, format string, args ...any) error {
	return &dataError{file: r.file, line: r.line, column: r.in.header[col], msg: fmt.Sprintf(format, args...)}
}

// number reads a numeric cell, missing when the cell is empty.
func (r *record) number(col int) (calc.Maybe, error) {
	return r.parse(col, false)
}

// rate reads a cell that may carry a percent sign (31.7%).
func (r *record) rate(col int) (calc.Maybe, error) {
	return r.parse(col, true)
}

// whole reads a cell that must hold a whole number (a count of households or
// people), missing when the cell is empty.
func (r *record) whole(col int) (calc.Maybe, error) {
	m, err := r.number(col)
	if err == nil && m.OK && !m.V.IsInteger() {
		err = r.errorf(col, "%s is not a whole number", quoteCell(r.fields[col]))
	}
	return m, err
}

func (r *record) parse(col int, percent bool) (calc.Maybe, error) {
	d, ok, err := parseNumber(r.fields[col], percent)
	if err != nil {
		return calc.Maybe{}, r.errorf(col, "%s %v", quoteCell(r.fields[col]), err)
	}
	return calc.Maybe{V: d, OK: ok}, nil
}

// quoteCell quotes a cell for a message, cutting a long one short.
func quoteCell(s string) string {
	const max = 40
	if utf8.RuneCountInString(s) <= max {
		return strconv.Quote(s)
	}
	return strconv.Quote(string([]rune(s)[:max])) + "…"
}

func allEmpty(fields []string) bool {
	for _, f := range fields {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

func openSource(name string, opts inputOptions, stdin io.Reader) (*source, error) {
	var rc io.ReadCloser
	display := name
	if name == "-" && opts.spooled != nil {
		r, c, size, err := opts.spooled.open()
		if err != nil {
			return nil, &dataError{file: stdinName, msg: describeOpenError(err)}
		}
		rc, display = readCloser{io.NewSectionReader(r, 0, size), c}, stdinName
	} else if name == "-" {
		rc, display = io.NopCloser(stdin), stdinName
	} else {
		st, err := os.Stat(name)
		if err != nil {
			return nil, &dataError{file: name, msg: describeOpenError(err)}
		}
		if st.IsDir() {
			return nil, &dataError{file: name, msg: "is a directory, not a CSV file"}
		}
		f, err := os.Open(name)
		if err != nil {
			return nil, &dataError{file: name, msg: describeOpenError(err)}
		}
		rc = f
		meter.addTotal(st.Size())
	}
	r, validate, err := decodeInput(bufio.NewReaderSize(countingReader{rc}, 64<<10), opts.encoding)
	if err != nil {
		rc.Close()
		return nil, &dataError{file: display, msg: err.Error()}
	}
	if opts.maxRecord <= 0 {
		opts.maxRecord = defaultMaxRecordBytes
	}
	c := csv.NewReader(newGuard(r, opts.maxRecord))
	c.Comma = opts.delimiter
	c.FieldsPerRecord = -1
	c.ReuseRecord = true
	return &source{name: display, closer: rc, csv: c, validate: validate}, nil
}

// readCloser joins a reader and the closer of what it reads.
type readCloser struct {
	io.Reader
	io.Closer
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

// read returns the next record and the line it starts on.
func (s *source) read() ([]string, int, error) {
	fields, err := s.csv.Read()
	if err != nil {
		if err == io.EOF {
			return nil, 0, io.EOF
		}
		var ge *guardError
		if errors.As(err, &ge) {
			return nil, 0, &dataError{file: s.name, line: ge.line, offset: ge.col, msg: ge.msg}
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) && pe.StartLine < pe.Line && pe.Err == csv.ErrQuote {
			// A quote left open swallows the lines after it: the mistake is
			// where the field began, not where the reader gave up.
			return nil, 0, &dataError{file: s.name, line: pe.StartLine,
				msg: fmt.Sprintf("%v: the quoted field that starts on this line runs on to line %d, column %d", pe.Err, pe.Line, pe.Column)}
		}
		if errors.As(err, &pe) {
			return nil, 0, &dataError{file: s.name, line: pe.Line, offset: pe.Column, msg: pe.Err.Error()}
		}
		return nil, 0, &dataError{file: s.name, msg: err.Error()}
	}
	line, _ := s.csv.FieldPos(0)
	if s.validate {
		for i, f := range fields {
			if !utf8.ValidString(f) {
				_, col := s.csv.FieldPos(i)
				return nil, 0, &dataError{file: s.name, line: line, offset: col,
					msg: "invalid UTF-8 (for a file saved by Excel on Chinese Windows, add --encoding gb18030)"}
			}
		}
	}
	return fields, line, nil
}

// decodeInput strips a UTF-8 byte-order mark and decides the encoding. In
// auto mode the first 64 KiB decide: text that is valid UTF-8 is read as
// UTF-8, anything else as GB18030, which is what Excel writes on Chinese
// Windows. validate reports that fields must still be checked as UTF-8.
func decodeInput(br *bufio.Reader, encoding string) (r io.Reader, validate bool, err error) {
	if bom, _ := br.Peek(3); string(bom) == "\uFEFF" {
		br.Discard(3)
		if encoding == "auto" {
			encoding = "utf-8"
		}
	}
	if encoding == "auto" {
		head, _ := br.Peek(br.Size())
		encoding = "utf-8"
		if !validUTF8Prefix(head) {
			encoding = "gb18030"
		}
	}
	if encoding == "gb18030" {
		return transform.NewReader(br, simplifiedchinese.GB18030.NewDecoder()), false, nil
	}
	return br, true, nil
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
