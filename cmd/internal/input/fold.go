package input

import "runtime"

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
//     scanner does not read, an error from add or merge, a repeated id), is
//     read again from the start with the RFC 4180 reader, in input order,
//     into one part. So an error is always the first in input order, named
//     with its exact place, by the same code that reads a good row.
//
// With an error, Fold also returns the in-order pass's part as it stood
// then, so that a command can still say what it met before the error.
func Fold[P any](s *Source, newPart func(bytes int64) P, add func(P, *Row) error, merge func([]P) (P, error)) (P, error) {
	if merged, ok := foldRanges(s, newPart, add, merge); ok {
		return merged, nil
	}
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

// foldRanges is Fold's parallel pass; ok is false when it declined.
func foldRanges[P any](s *Source, newPart func(bytes int64) P, add func(P, *Row) error, merge func([]P) (P, error)) (merged P, ok bool) {
	plain, ok := s.openPlain()
	if !ok {
		return merged, false
	}
	defer plain.close()
	var filter *idFilter
	if s.unique != nil {
		filter = newIDFilter(plain.size())
	}
	var parts []P
	var batches []*idBatch
	ranges, err := plain.scan(func(r *fastRange) rowSink {
		part := newPart(r.to - r.from)
		parts = append(parts, part)
		row := &Row{src: s, span: r.span}
		if filter != nil {
			batch := &idBatch{filter: filter}
			batches = append(batches, batch)
			row.ids = &filteredIDs{col: s.unique.col, batch: batch}
		}
		return func(fields [][]byte, line int) error {
			row.Fields, row.line = fields, line
			r.rows++
			return add(part, row)
		}
	})
	if err != nil {
		return merged, false
	}
	rows := 0
	for _, r := range ranges {
		rows += r.rows
	}
	if rows == 0 {
		return merged, false // the RFC 4180 reader says there are none
	}
	if filter != nil {
		var candidates []string
		for _, b := range batches {
			b.flush()
			candidates = append(candidates, b.candidates...)
			b.filter = nil
		}
		// A full-size filter's 16 MiB are garbage now: hand them back
		// before the figures and the output allocate, so that peak memory
		// stays flat.
		if len(filter.words) == maxFilterBlocks*8 {
			filter = nil
			runtime.GC()
		}
		if dup, err := confirmDuplicates(plain, s.unique.col, candidates); err != nil || dup {
			return merged, false // the RFC 4180 pass names both places
		}
	}
	if merged, err = merge(parts); err != nil {
		return merged, false
	}
	s.rows = rows
	return merged, true
}
