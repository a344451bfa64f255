package input

import "strings"

// A lookup file (Options.Lookup: --pools, --population, --deflator) sits
// beside the input, and --skip and --skip-footer, which are the input's,
// do not reach it. So it finds its own header below title lines, and
// passes over notes below its table, saying so (TitleLines, NotesPassed):
// neither can be a row of figures. A lookup file's header has two names at
// least (a village and a figure), so a line above it with one cell or none
// (表2 各村户籍人口), or of cells that each say what they are
// (填报单位：石门乡, 单位：人: labelValues), is a title; its unit counts as a
// skipped title line's does (tableunit.go). Below the table, a note (注：…)
// or a line of such cells (填表人：张三, 审核人：李四) ends it.

// maxTitleLines bounds the title lines a lookup file may have above its
// header.
const maxTitleLines = 20

// titleLines is how many lines of a lookup file come before its header:
// the line of the first record with two non-empty cells, less one; 0 when
// that is the first record, or none is within maxTitleLines.
func (s *Source) titleLines(name string) int {
	f, err := s.openReader(name)
	if err != nil {
		return 0
	}
	defer f.close()
	for {
		fields, line, err := f.read()
		if err != nil || line > maxTitleLines+1 {
			return 0
		}
		if nonEmpty(fields) >= 2 && !labelValues(fields) {
			return line - 1
		}
	}
}

// splitBelowTitle: a lookup file whose first line is one field (a title)
// has its header, the first line of more, split by d.
func (s *Source) splitBelowTitle(d rune) bool {
	f, err := s.openReader(s.opts.Files[0])
	if err != nil {
		return false
	}
	defer f.close()
	for {
		fields, line, err := f.read()
		switch {
		case err != nil || line > maxTitleLines+1 || nonEmpty(fields) >= 2:
			return false
		case len(fields) == 1 && strings.ContainsRune(fields[0], d):
			return true
		}
	}
}

// labelValues: a line whose cells, those not empty, each say what they
// are before a colon (填报单位：石门乡, 单位：人, 填表人：张三), a title's or a
// signature's, never a header's or a row of figures.
func labelValues(fields []string) bool {
	n := 0
	for _, f := range fields {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		i := strings.IndexAny(f, ":：")
		if i <= 0 {
			return false
		}
		n++
	}
	return n > 0
}

// LabelValues is labelValues for a command that finds such a line among
// its rows (base, a signature below its table).
func LabelValues(fields []string) bool { return labelValues(fields) }

// lookupNote: a row that ends a lookup file's table, a note (注：…) or a
// line of label-and-value cells (填表人：张三).
func lookupNote(fields []string) bool {
	return isNoteRecord(fields) || labelValues(fields)
}

// nonEmpty counts the cells with more than spaces in them.
func nonEmpty(fields []string) int {
	n := 0
	for _, f := range fields {
		if strings.TrimSpace(f) != "" {
			n++
		}
	}
	return n
}

// TitleLines is how many lines above its header a lookup file passed over.
func (s *Source) TitleLines() int { return s.titleSkip }

// NotesPassed is how many rows of notes below its table a lookup file
// passed over.
func (s *Source) NotesPassed() int { return s.notesPassed }

// endNotes, for a lookup file whose reader met a note row, reads on: when
// every row from there is a note too, they are passed over (n of them);
// ok is false when a row of data follows, which makes the note an error.
func (r *records) endNotes() (n int, ok bool) {
	for n = 1; ; n++ {
		fields, line, err := r.next() // blank rows are passed over
		if err != nil {
			return n, true
		}
		if !lookupNote(fields) {
			return n, false
		}
		if r.unitErr = r.unitBelow(fields, line); r.unitErr != nil {
			return n, false // a unit line that gives another unit (footer_units.go)
		}
	}
}
