package input

import "strconv"

// headerColumn names column i (from 0) of the first file's header for a
// message: as Excel does, by its letter, when the file is a workbook
// sheet ("column C" for the second column of a table that starts in
// column B), else by its place ("column 3").
func (s *Source) headerColumn(i int) string {
	if sp := s.spools[s.opts.Files[0]]; sp != nil && sp.excelFrom > 0 {
		return "column " + columnName(sp.excelFrom+i)
	}
	return "column " + strconv.Itoa(i+1)
}

// column names column i (from 0) of the file's rows as headerColumn names
// the header's: by its letter in a workbook sheet, else by its place.
func (f *csvFile) column(i int) string {
	if f.from > 0 {
		return "column " + columnName(f.from+i)
	}
	return "column " + strconv.Itoa(i+1)
}
