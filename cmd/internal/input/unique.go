package input

import "fmt"

// uniqueColumn is a column whose values must not repeat (household ids).
type uniqueColumn struct {
	col  int
	noun string // what an id names, for messages: "household"
}

// Unique declares that column col holds ids that must not repeat; Row.Unique
// checks a row's. In the parallel pass, ids that ascend are checked by
// their order alone, the others go into a filter of bounded memory
// (rangeIDs, idFilter), and the lines of the ids it cannot rule out are
// read again to name the first repeat and both its places.
//
// It also tells Fold that the command checks each row on its own, as a
// registry's households are: an error add returns for a row does not
// depend on the rows before it. Fold then names the first error from its
// parallel pass (foldRanges), without the in-order pass.
func (s *Source) Unique(col int, noun string) { s.unique = &uniqueColumn{col: col, noun: noun} }

// idChecker checks a row's id, its cell trimmed; nil checks nothing.
type idChecker interface {
	check(r *Row, id []byte) error
}

// exactIDs is the in-order pass's check: every id and where it was first.
type exactIDs struct {
	uniqueColumn
	seen map[string]Pos
}

func (s *Source) exactIDs() idChecker {
	if s.unique == nil {
		return nil
	}
	return &exactIDs{uniqueColumn: *s.unique, seen: map[string]Pos{}}
}

func (e *exactIDs) check(r *Row, id []byte) error {
	if first, dup := e.seen[string(id)]; dup {
		return duplicateError(r.src, e.uniqueColumn, r.Pos(), string(id), first)
	}
	e.seen[string(id)] = r.Pos()
	return nil
}

// duplicateError is the error for an id seen at first and again at at.
func duplicateError(s *Source, u uniqueColumn, at Pos, id string, first Pos) *DataError {
	return &DataError{File: at.File(), Line: at.Line(), Column: s.Header[u.col],
		Msg: fmt.Sprintf("duplicate %s %q: already at %s", u.noun, id, first)}
}

// repeatOn is the check of a range read again up to a repeated id: the
// row on line fails with err, every other passes.
type repeatOn struct {
	line int
	err  error
}

func (r repeatOn) check(row *Row, _ []byte) error {
	if row.line == r.line {
		return r.err
	}
	return nil
}
