package input

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// Options is every decision about where rows come from. No command opens a
// file itself.
type Options struct {
	Files      []string // none, or "-", is standard input
	Encoding   string   // auto, utf-8 or gb18030; a lookup file's bytes decide its own, this only bytes that read both ways
	Delimiter  rune     // 0: a comma, or a tab when the header has tabs and no commas; a lookup file's header decides its own, this when neither splits it
	Skip       int      // lines above the header: a title, a unit row
	SkipFooter int      // rows below the table: notes, sources
	Sheet      string   // of an .xlsx workbook: a name, or a number from 1; "" is the first
	MaxRecord  int      // longest record (row) accepted, in bytes as written, line breaks in quotes and all; 0 is DefaultMaxRecord
	Lookup     bool     // a file beside the input (--pools, --population), which --skip does not apply to
	// bothWays is the encoding of a lookup file whose bytes read both as
	// GB18030 and as UTF-8: the input's --encoding (Open).
	bothWays string
}

// DefaultMaxRecord bounds one record of input: a 50 MB "field" is a damaged
// file, and holding it in memory helps nobody.
const DefaultMaxRecord = 1 << 20

// warning is where input's warnings go (SetWarnings); nil says nothing.
var warning func(msg string)

// SetWarnings sends input's warnings, one line each, to warn for the run:
// a temporary folder that cannot hold standard input, which is then read
// once, more slowly. run sets it to the command's warnf, which --quiet
// silences.
func SetWarnings(warn func(msg string)) { warning = warn }

const stdinName = "stdin"

// Source is the rows of one or more CSV files (or standard input) that
// share a header. Fold reads them.
type Source struct {
	opts       Options
	stdin      io.Reader
	spools     map[string]*spooled // standard input ("-") and workbooks, by the name given, read ahead
	workbooks  bool                // some input is an .xlsx workbook
	Header     []string            // names as written, trimmed
	keys       []string            // names for matching: trimmed and lower-cased
	columns    columnIndex         // keys for lookup
	width      int                 // fields a row may have: the header's, with trailing unnamed ones
	headerLine int
	first      string // the file the header was read from
	rows       int
	unique     *uniqueColumn
	upTo       int  // the columns the command reads (ReadsUpTo, Again); 0 for all
	again      bool // a second reading (Again): text and widths are not checked again
	tableUnit  tableUnit
	guessed    *onceEach // files read as GB18030 though they read as UTF-8 too, warned of once
	// A lookup file's title lines above its header and notes below its
	// table, passed over (lookup.go).
	titleSkip, notesPassed int
}

// Open reads the header of the first file and checks it: every column
// named, no name twice. Standard input and workbooks are read ahead first.
func Open(opts Options, stdin io.Reader) (*Source, error) {
	if len(opts.Files) == 0 {
		opts.Files = []string{"-"}
	}
	if opts.MaxRecord <= 0 {
		opts.MaxRecord = DefaultMaxRecord
	}
	given := opts.Delimiter
	if opts.Lookup {
		// A lookup file is often saved apart from the input, so --encoding
		// and -d, which are the input's, only settle what its own bytes
		// leave open (encodingOf, detectDelimiter).
		opts.bothWays, opts.Encoding, opts.Delimiter = opts.Encoding, "auto", 0
	}
	s := &Source{opts: opts, stdin: stdin, spools: map[string]*spooled{}, guessed: &onceEach{}}
	for _, f := range opts.Files {
		if err := s.readAhead(f); err != nil {
			s.Close()
			return nil, err
		}
	}
	if opts.Sheet != "" && !s.workbooks {
		s.Close()
		return nil, &UsageError{fmt.Sprintf("--sheet %q: no input is an .xlsx workbook, and --sheet picks a workbook's sheet", opts.Sheet)}
	}
	if opts.Delimiter == 0 {
		if err := s.detectDelimiter(given); err != nil {
			s.Close()
			return nil, err
		}
	}
	if opts.Lookup && opts.Skip == 0 {
		s.titleSkip = s.titleLines(opts.Files[0])
		s.opts.Skip = s.titleSkip
		s.tableUnit = tableUnit{} // detectDelimiter read the header as if there were no title
	}
	f, names, line, err := s.openCSV(opts.Files[0])
	if err != nil {
		s.Close()
		return nil, err
	}
	f.close()
	if err := s.setHeader(names, f.name, line); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// detectDelimiter reads the first file's header with a comma and takes a
// tab instead when that header is one field holding tabs, or, for a lookup
// file, when its first line of more than one field below its title does.
// A lookup file's header that neither splits is split by the input's -d
// (given), when that splits it: a file saved with semicolons beside
// input saved so.
func (s *Source) detectDelimiter(given rune) error {
	s.opts.Delimiter = ','
	f, names, _, err := s.openCSV(s.opts.Files[0])
	if err != nil {
		return err
	}
	f.close()
	if len(names) != 1 {
		return nil
	}
	tries := []rune{'\t'}
	if s.opts.Lookup && given != 0 && given != ',' && given != '\t' {
		tries = append(tries, given)
	}
	for _, d := range tries {
		if strings.ContainsRune(names[0], d) || s.opts.Lookup && s.splitBelowTitle(d) {
			s.opts.Delimiter = d
			return nil
		}
	}
	return nil
}

// setHeader takes the first file's header. Cells after the last name that
// are empty (a spreadsheet's stray formatted columns) are no columns: rows
// may carry them, empty. Names are checked and indexed in one pass, so a
// header of 150,000 columns is read as fast as its bytes.
func (s *Source) setHeader(names []string, file string, line int) error {
	names = oneLineNames(names)
	s.width = len(names)
	for len(names) > 1 && names[len(names)-1] == "" {
		names = names[:len(names)-1]
	}
	keys := lowerAll(names)
	columns := newColumnIndex(len(keys))
	for i, k := range keys {
		if k == "" {
			return &DataError{File: file, Line: line, Msg: s.headerColumn(i) + " of the header has no name"}
		}
		if j, twice := columns.exact[k]; twice {
			return &DataError{File: file, Line: line, Column: names[i],
				Msg: fmt.Sprintf("appears twice in the header (columns %d and %d)", j+1, i+1)}
		}
		columns.add(k, i)
	}
	s.Header, s.keys, s.columns, s.first, s.headerLine = names, keys, columns, file, line
	return nil
}

// checkHeader insists that a later file's header is the first file's, a
// unit said above one header and in the other aside (tableUnit.sameColumn).
func (s *Source) checkHeader(names []string, file string, line int) error {
	names = oneLineNames(names)
	for len(names) > len(s.keys) && names[len(names)-1] == "" {
		names = names[:len(names)-1]
	}
	same := len(names) == len(s.keys)
	for i := 0; same && i < len(names); i++ {
		same = s.tableUnit.sameColumn(s.Header[i], names[i])
	}
	if !same {
		return &DataError{File: file, Line: line,
			Msg: fmt.Sprintf("header %s differs from %s's %s; files read together must share a header",
				quoteHeader(names), s.first, quoteHeader(s.Header))}
	}
	return nil
}

// oneLineNames joins the lines of a header cell wrapped in the sheet and
// saved with its line breaks (unwrap).
func oneLineNames(names []string) []string {
	for i, n := range names {
		if strings.ContainsAny(n, "\r\n") {
			names = slices.Clone(names)
			for j := i; j < len(names); j++ {
				names[j] = unwrap(names[j])
			}
			break
		}
	}
	return names
}

func lowerAll(names []string) []string {
	keys := make([]string, len(names))
	for i, n := range names {
		keys[i] = strings.ToLower(n)
	}
	return keys
}

// ReadsUpTo says that the command reads only the columns before upTo: where
// the plain scanner reads, a row is split only that far and the rest of it
// is only checked (its text, its width, its cells' blankness where the
// shape of the row depends on them), so Row.Fields may hold just those
// columns. Read in order, rows are whole.
func (s *Source) ReadsUpTo(upTo int) { s.upTo = upTo }

// Rows is how many data rows the last Fold read.
func (s *Source) Rows() int { return s.rows }

// First is the file the header was read from, for messages about the input
// as a whole.
func (s *Source) First() string { return s.first }

// NoRows is the error for input that has a header but no data.
func (s *Source) NoRows() error {
	return &DataError{File: s.first, Msg: "no data rows after the header"}
}

// Close releases what was read ahead.
func (s *Source) Close() {
	for _, sp := range s.spools {
		sp.close()
	}
}

// Each calls fn with every data row in input order, stopping at the first
// error: Fold with one part, for the commands whose files are short.
func (s *Source) Each(fn func(*Row) error) error {
	return s.readInOrder(fn)
}
