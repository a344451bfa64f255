package input

import (
	"runtime"
	"sync/atomic"
)

// Fold reads every data row of the source into parts made by newPart and
// merges them, in input order, with merge. newPart is told how many bytes
// of input its part will read, or 0 when that is not known, so that a part
// that keeps every row can size its lists once. It is the one way a command
// reads a large input, and the command's logic (add and merge) is written
// once, whichever way the rows arrive:
//
//   - Plain input (see openPlain) is read by the plain scanner in parallel
//     ranges, one part per range, and the parts are merged.
//   - Anything else, and anything unexpected in that parallel pass (text the
//     scanner does not read, an error from add or merge), is read again
//     from the start with the RFC 4180 reader, in input order, into one
//     part. So an error is always the first in input order, named with its
//     exact place, by the same code that reads a good row.
//   - Except where the source has an id column (Source.Unique), whose
//     command checks each row on its own: there the parallel pass names a
//     cell error or a repeated id itself, the first in input order, as the
//     in-order pass would, at the speed and in the memory of a clean run.
//
// With an error, Fold also returns the in-order pass's part as it stood
// then, so that a command can still say what it met before the error.
func Fold[P any](s *Source, newPart func(bytes int64) P, add func(P, *Row) error, merge func([]P) (P, error)) (P, error) {
	if merged, done, err := foldRanges(s, newPart, add, merge); done {
		return merged, err
	}
	inOrderPasses.Add(1)
	part := newPart(0)
	ids := s.exactIDs()
	err := s.readInOrder(func(r *Row) error {
		r.ids = ids
		return add(part, r)
	})
	if err != nil {
		return part, err // as it stood at the error: what it met before, warnings say
	}
	return merge([]P{part})
}

// inOrderPasses counts Fold's in-order passes, for tests.
var inOrderPasses atomic.Int64

// foldRanges is Fold's parallel pass; done is false when it declined, and
// the in-order pass must read the input.
//
// With an id column (Source.Unique), whose commands check each row on its
// own, it also names the first error itself: a range stops at its first
// error, and the first range that stopped holds the first error of the
// input unless an id repeats before it. A cell error made by the row's
// Errorf is kept, its line numbered once the ranges before it are; a
// repeated id is found among the filter's candidates by reading their
// lines again, and its range is read again up to it, so that the part
// returned is as it stood at the error.
func foldRanges[P any](s *Source, newPart func(bytes int64) P, add func(P, *Row) error, merge func([]P) (P, error)) (merged P, done bool, err error) {
	plain, ok := s.openPlain()
	if !ok {
		return merged, false, nil
	}
	defer plain.close()
	ranges, err := plain.split()
	if err != nil || len(ranges) == 0 {
		return merged, false, nil
	}
	var filter *idFilter
	if s.unique != nil {
		filter = newIDFilter(plain.size())
	}
	parts := make([]P, len(ranges))
	ids := make([]*rangeIDs, len(ranges))
	stopped := make([]*DataError, len(ranges)) // the cell error a range stopped at
	stopLine := make([]int, len(ranges))
	next := 0
	errs := plain.scanRanges(ranges, func(r *fastRange) rowSink {
		i := next
		next++
		part := newPart(r.to - r.from)
		parts[i] = part
		row := &Row{src: s, span: r.span}
		if filter != nil {
			ids[i] = newRangeIDs(r, filter)
			row.ids = ids[i]
		}
		return func(fields [][]byte, line int) error {
			row.Fields, row.line = fields, line
			r.rows++
			checked := 0
			if ids[i] != nil {
				checked = ids[i].count
			}
			err := add(part, row)
			if ids[i] != nil && ids[i].count == checked {
				ids[i].passed(line)
			}
			if err != nil {
				stopped[i], stopLine[i] = cellError(err, row), line
			}
			return err
		}
	})
	n := len(ranges) // the ranges read up to the first error
	for i, err := range errs {
		if err != nil {
			if stopped[i] == nil || s.unique == nil {
				return merged, false, nil // the in-order pass names it
			}
			n = i + 1
			break
		}
	}
	numberSpans(ranges[:n])
	ranges, ids, parts = ranges[:n], ids[:n], parts[:n]
	limit := 0 // the last range is read up to this line; 0 is all of it
	if errs[n-1] != nil {
		limit = stopLine[n-1]
	}
	rows := 0
	for _, r := range ranges {
		rows += r.rows
	}
	if rows == 0 {
		return merged, false, nil // the RFC 4180 reader says there are none
	}
	if filter != nil {
		candidates, err := settleIDs(plain, s.unique.col, ranges, ids, limit)
		if err != nil {
			return merged, false, nil
		}
		for _, f := range ids {
			f.batch.filter = nil
		}
		// A full-size filter's 16 MiB are garbage now: hand them back
		// before the figures and the output allocate, so that peak memory
		// stays flat.
		if len(filter.words) == maxFilterBlocks*8 {
			filter = nil
			runtime.GC()
		}
		id, first, again, againAt, dup, err := firstRepeat(plain, s.unique.col, ranges, ids, limit, candidates)
		if err != nil {
			return merged, false, nil
		}
		if dup {
			return repeatAt(s, plain, ranges, parts, newPart, add, merge, id, first, again, againAt)
		}
	}
	if limit > 0 {
		e := stopped[n-1]
		e.Line = Pos{ranges[n-1].span, limit}.Line()
		if merged, err = merge(parts); err != nil {
			return merged, false, nil
		}
		return merged, true, e
	}
	if merged, err = merge(parts); err != nil {
		return merged, false, nil
	}
	s.rows = rows
	return merged, true, nil
}

// cellError is err when it is a located error of the row's own (Errorf's,
// as a command's checks of one cell make them), else nil. Its line counts
// from the range's start until the ranges before it are counted.
func cellError(err error, row *Row) *DataError {
	de, ok := err.(*DataError)
	if !ok || de.File != row.span.file || de.Line != row.Pos().Line() || de.Column == "" || de.Offset != 0 {
		return nil
	}
	return de
}

// ErrorCut is a part that can be cut back to what its command says, when
// the read fails, about the rows of its range before a line (the first few
// warnings, say): Fold then cuts the part of the range that holds a
// repeated id instead of reading that range again up to it (repeatAt).
// Every row before the line was added without an error, the line's own
// row and those after it may have been added too.
type ErrorCut interface {
	CutBefore(line int)
}

// repeatAt is Fold's error for an id seen again, at again (its row starting
// at byte againAt, −1 when not known): the range that holds it is read
// again up to that row, in parallel pieces when againAt is known, into
// fresh parts, so that the parts merged are what the in-order pass met
// before the error; a part that is an ErrorCut is cut there instead.
func repeatAt[P any](s *Source, plain plainInput, ranges []*fastRange, parts []P, newPart func(bytes int64) P, add func(P, *Row) error, merge func([]P) (P, error),
	id string, first, again Pos, againAt int64) (merged P, done bool, err error) {
	j := 0
	for ranges[j].span != again.s {
		j++
	}
	r := ranges[j]
	dupErr := duplicateError(s, *s.unique, again, id, first)
	if cut, ok := any(parts[j]).(ErrorCut); ok {
		// The range's rows before the repeat were all added without an
		// error: its first error, if any, is at the repeat or after it
		// (firstRepeat looks no further), and the repeat's id was checked,
		// so the in-order pass stops at it with dupErr.
		cut.CutBefore(again.Line())
		if merged, err = merge(parts[:j+1]); err != nil {
			return merged, false, nil
		}
		return merged, true, dupErr
	}
	pieces := []*fastRange{{file: r.file, from: r.from, to: r.to}} // the last holds the repeat
	if againAt > r.from {
		cut, err := cutRange(r.file, r.from, againAt, plain.maxRecord)
		if err != nil {
			return merged, false, nil
		}
		pieces = append(cut, &fastRange{file: r.file, from: againAt, to: r.to})
	}
	last := len(pieces) - 1
	rerun := make([]P, len(pieces))
	k := 0
	errs := plain.scanRanges(pieces, func(piece *fastRange) rowSink {
		i := k
		k++
		rerun[i] = newPart(piece.to - piece.from)
		row := &Row{src: s, span: piece.span}
		if i == last {
			line := again.line
			if againAt > r.from {
				line = 1
			}
			row.ids = repeatOn{line, dupErr}
		}
		return func(fields [][]byte, line int) error {
			row.Fields, row.line = fields, line
			return add(rerun[i], row)
		}
	})
	for i, err := range errs {
		if i < last && err != nil || i == last && err != dupErr {
			return merged, false, nil // the command did not stop there: the in-order pass decides
		}
	}
	// The pieces' rows know their lines: the range's, counted on.
	next := r.span.first
	for _, piece := range pieces {
		piece.span.first = next
		next += piece.lines
	}
	if merged, err = merge(append(parts[:j:j], rerun...)); err != nil {
		return merged, false, nil
	}
	return merged, true, dupErr
}
