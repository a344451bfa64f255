package input

import "fmt"

// DataError is bad input: it names the file, the line and the column.
type DataError struct {
	File   string
	Line   int    // 0 when the error concerns the file as a whole
	Offset int    // byte column within the line, for malformed CSV; else 0
	Column string // header name, or "" when the error concerns the row
	Msg    string
}

func (e *DataError) Error() string {
	s := e.File
	if e.Line > 0 && s != "" {
		s += fmt.Sprintf(":%d", e.Line)
		if e.Offset > 0 {
			s += fmt.Sprintf(":%d", e.Offset)
		}
	}
	if e.Column != "" {
		if s != "" {
			s += ": "
		}
		s += fmt.Sprintf("column %q", e.Column)
	}
	if s == "" {
		return e.Msg
	}
	return s + ": " + e.Msg
}

// UsageError is an option that does not fit the input (--sheet for CSV
// files): bad usage, not bad data.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }
