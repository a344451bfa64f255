package input

import (
	"bytes"
	"encoding/binary"
	"errors"
	"slices"
)

// rangeIDs is the parallel pass's id check for one range. While the range's
// ids ascend in byte order, as a registry exported sorted by id does, it
// keeps only the first and the last: ids that ascend cannot repeat. From
// the first id out of order (the break) on, ids go into the shared filter
// too. Once every range is read, settleIDs finds the ids that may still
// repeat: between ranges, and between a range's ascending run and the ids
// after its break.
type rangeIDs struct {
	r           *fastRange
	batch       *idBatch
	count       int    // ids checked
	first, last []byte // of the run: the ids before the break
	broken      bool
	breakLine   int    // the line of the first id out of order
	breakAt     int64  // where its row starts in the file; −1 when not known
	lo, hi      []byte // the least and the greatest id from the break on
	unchecked   []int  // the lines of rows whose id was not checked
}

func newRangeIDs(r *fastRange, filter *idFilter) *rangeIDs {
	return &rangeIDs{r: r, batch: &idBatch{filter: filter}}
}

func (f *rangeIDs) check(row *Row, id []byte) error {
	if f.count++; !f.broken {
		if f.count == 1 || after(id, f.last) {
			if f.count == 1 {
				f.first = append(f.first[:0], id...)
			}
			f.last = append(f.last[:0], id...)
			return nil
		}
		f.broken, f.breakLine, f.breakAt = true, row.line, f.r.at
		f.lo, f.hi = append(f.lo[:0], id...), append(f.hi[:0], id...)
	} else if bytes.Compare(id, f.lo) < 0 {
		f.lo = append(f.lo[:0], id...)
	} else if bytes.Compare(id, f.hi) > 0 {
		f.hi = append(f.hi[:0], id...)
	}
	f.batch.add(id)
	return nil
}

// after reports a > b in byte order, as bytes.Compare(a, b) > 0 does,
// eight bytes at a time and without a call: ids share long prefixes
// (county and village codes).
func after(a, b []byte) bool {
	for len(a) >= 8 && len(b) >= 8 {
		if x, y := binary.BigEndian.Uint64(a), binary.BigEndian.Uint64(b); x != y {
			return x > y
		}
		a, b = a[8:], b[8:]
	}
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return a[i] > b[i]
		}
	}
	return len(a) > len(b)
}

// passed records that line's row was read without its id checked (a
// total row, say): lines come in ascending order.
func (f *rangeIDs) passed(line int) { f.unchecked = append(f.unchecked, line) }

// isChecked is whether the id of the row on line was checked.
func (f *rangeIDs) isChecked(line int) bool {
	_, passed := slices.BinarySearch(f.unchecked, line)
	return !passed
}

// idSpan is an interval of ids, both ends included.
type idSpan struct{ lo, hi []byte }

func (a idSpan) overlaps(b idSpan) bool {
	return bytes.Compare(a.lo, b.hi) <= 0 && bytes.Compare(b.lo, a.hi) <= 0
}

// run and tail are the ids before and from the break; all is both.
func (f *rangeIDs) run() idSpan  { return idSpan{f.first, f.last} }
func (f *rangeIDs) tail() idSpan { return idSpan{f.lo, f.hi} }
func (f *rangeIDs) all() idSpan {
	s := f.run()
	if f.broken && bytes.Compare(f.lo, s.lo) < 0 {
		s.lo = f.lo
	}
	if f.broken && bytes.Compare(f.hi, s.hi) > 0 {
		s.hi = f.hi
	}
	return s
}

// errStop ends a range's reading early, and is no error.
var errStop = errors.New("stop")

// settleIDs finds the ids that may repeat among the ids checked in ranges
// (the last one read up to line limit, 0 for all of it): the filter's
// candidates, and more found by a second look at part of the input. An id
// that repeats is always among them; some may not repeat.
//
// The ids of a run are not in the filter. When every range ascends and each
// range's last id is below the next one's first, nothing repeats. Otherwise
// one of two looks, the one that reads fewer bytes, makes sure that a run's
// id seen again elsewhere becomes a candidate:
//   - when the runs' intervals do not overlap, the ids after each break are
//     read again, and those inside some run's interval are candidates;
//   - otherwise every run whose interval overlaps another range's ids or its
//     own range's tail is read again into the filter.
func settleIDs(plain plainInput, col int, ranges []*fastRange, ids []*rangeIDs, limit int) ([]string, error) {
	var candidates []string
	ascending := true
	var prev *rangeIDs
	for _, f := range ids {
		if f.count == 0 {
			continue
		}
		if f.broken || prev != nil && bytes.Compare(prev.last, f.first) >= 0 {
			ascending = false
		}
		prev = f
	}
	for _, f := range ids {
		f.batch.flush()
		candidates = append(candidates, f.batch.candidates...)
	}
	if ascending {
		return candidates, nil
	}
	var runs []idSpan
	for _, f := range ids {
		if f.count > 0 {
			runs = append(runs, f.run())
		}
	}
	slices.SortFunc(runs, func(a, b idSpan) int { return bytes.Compare(a.lo, b.lo) })
	disjoint := true
	for i := 1; i < len(runs); i++ {
		disjoint = disjoint && bytes.Compare(runs[i-1].hi, runs[i].lo) < 0
	}
	// What each look reads: the tails, or the runs that may share an id.
	var tailBytes, runBytes int64
	reread := make([]bool, len(ids))
	for i, f := range ids {
		if f.count == 0 {
			continue
		}
		end := ranges[i].to
		if f.broken && f.breakAt >= 0 {
			end = f.breakAt
		}
		if f.broken {
			tailBytes += ranges[i].to - end
		}
		reread[i] = f.broken && f.run().overlaps(f.tail())
		for j, g := range ids {
			if j != i && g.count > 0 && f.run().overlaps(g.all()) {
				reread[i] = true
			}
		}
		if reread[i] {
			runBytes += end - ranges[i].from
		}
	}
	last := len(ranges) - 1
	lineLimit := func(i int) int {
		if i == last && limit > 0 {
			return limit
		}
		return int(^uint(0) >> 1)
	}
	var looks []*fastRange
	var sinks []func(fields [][]byte, line int) error
	var batches []*idBatch
	if disjoint && tailBytes <= runBytes {
		found := make([][]string, len(ids))
		for i, f := range ids {
			if !f.broken {
				continue
			}
			look, base := &fastRange{file: ranges[i].file, from: ranges[i].from, to: ranges[i].to}, 0
			if f.breakAt >= 0 {
				look.from, base = f.breakAt, f.breakLine-1
			}
			looks = append(looks, look)
			sinks = append(sinks, func(fields [][]byte, line int) error {
				if line += base; line > lineLimit(i) {
					return errStop
				}
				if line < f.breakLine || !f.isChecked(line) {
					return nil
				}
				id := trimCell(fields[col])
				k, _ := slices.BinarySearchFunc(runs, id, func(s idSpan, id []byte) int { return bytes.Compare(s.hi, id) })
				if k < len(runs) && bytes.Compare(runs[k].lo, id) <= 0 {
					found[i] = append(found[i], string(id))
				}
				return nil
			})
		}
		if err := scanLooks(plain, col, looks, sinks); err != nil {
			return nil, err
		}
		for _, ids := range found {
			candidates = append(candidates, ids...)
		}
		return candidates, nil
	}
	for i, f := range ids {
		if !reread[i] {
			continue
		}
		look := &fastRange{file: ranges[i].file, from: ranges[i].from, to: ranges[i].to}
		if f.broken && f.breakAt >= 0 {
			look.to = f.breakAt
		}
		stop := lineLimit(i)
		if f.broken {
			stop = min(stop, f.breakLine-1)
		}
		batch := &idBatch{filter: ids[i].batch.filter}
		batches = append(batches, batch)
		looks = append(looks, look)
		sinks = append(sinks, func(fields [][]byte, line int) error {
			if line > stop {
				return errStop
			}
			if f.isChecked(line) {
				batch.add(trimCell(fields[col]))
			}
			return nil
		})
	}
	if err := scanLooks(plain, col, looks, sinks); err != nil {
		return nil, err
	}
	for _, b := range batches {
		b.flush()
		candidates = append(candidates, b.candidates...)
	}
	return candidates, nil
}

// scanLooks reads parts of ranges again, each with its sink, which looks
// at the id column col only: the fields after it are not cut, and the text
// is not checked again, as the first pass checked it (plainInput.idsOnly).
func scanLooks(plain plainInput, col int, looks []*fastRange, sinks []func(fields [][]byte, line int) error) error {
	k := 0
	plain.idsOnly = col + 1
	for _, err := range plain.scanRanges(looks, func(*fastRange) rowSink { k++; return sinks[k-1] }) {
		if err != nil && err != errStop {
			return err
		}
	}
	return nil
}

// firstRepeat finds, among the candidates, the first row in input order
// whose id was checked before, reading again the lines of those ids only:
// of a range's run, only up to the greatest candidate within it, and of its
// tail, from its break on (the last range up to line limit, 0 for all of
// it). ok is false when no candidate repeats; againAt is where the repeat's
// row starts in the file, −1 when not known.
func firstRepeat(plain plainInput, col int, ranges []*fastRange, ids []*rangeIDs, limit int, candidates []string) (id string, first, again Pos, againAt int64, ok bool, err error) {
	if len(candidates) == 0 {
		return "", Pos{}, Pos{}, -1, false, nil
	}
	wanted := newCandidateSet(candidates)
	slices.Sort(candidates)
	// within is the greatest candidate in s, nil when none is.
	within := func(s idSpan) []byte {
		k, _ := slices.BinarySearchFunc(candidates, s.hi, func(c string, hi []byte) int { return bytes.Compare([]byte(c), hi) })
		if k < len(candidates) && candidates[k] == string(s.hi) {
			return s.hi
		}
		if k > 0 && bytes.Compare([]byte(candidates[k-1]), s.lo) >= 0 {
			return []byte(candidates[k-1])
		}
		return nil
	}
	type seen struct {
		id   string
		line int
		at   int64
	}
	type look struct {
		r     *fastRange
		i     int // the range
		found []seen
	}
	var looks []*look
	var sinks []func(fields [][]byte, line int) error
	for i, r := range ranges {
		f := ids[i]
		if f.count == 0 {
			continue
		}
		stop := int(^uint(0) >> 1)
		if i == len(ranges)-1 && limit > 0 {
			stop = limit
		}
		if greatest := within(f.run()); greatest != nil {
			l := &look{r: &fastRange{file: r.file, from: r.from, to: r.to}, i: i}
			runEnd := stop
			if f.broken {
				runEnd = min(stop, f.breakLine-1)
			}
			looks = append(looks, l)
			sinks = append(sinks, func(fields [][]byte, line int) error {
				if line > runEnd {
					return errStop
				}
				if !f.isChecked(line) {
					return nil
				}
				id := trimCell(fields[col])
				if wanted.has(id) {
					l.found = append(l.found, seen{string(id), line, l.r.at})
				}
				if bytes.Compare(id, greatest) >= 0 {
					return errStop // the run ascends: no candidate further on
				}
				return nil
			})
		}
		if f.broken && within(f.tail()) != nil {
			l := &look{r: &fastRange{file: r.file, from: r.from, to: r.to}, i: i}
			base := 0
			if f.breakAt >= 0 {
				l.r.from, base = f.breakAt, f.breakLine-1
			}
			looks = append(looks, l)
			sinks = append(sinks, func(fields [][]byte, line int) error {
				if line += base; line > stop {
					return errStop
				}
				if line < f.breakLine || !f.isChecked(line) {
					return nil
				}
				if id := trimCell(fields[col]); wanted.has(id) {
					l.found = append(l.found, seen{string(id), line, l.r.at})
				}
				return nil
			})
		}
	}
	lookRanges := make([]*fastRange, len(looks))
	for k, l := range looks {
		lookRanges[k] = l.r
	}
	if err := scanLooks(plain, col, lookRanges, sinks); err != nil {
		return "", Pos{}, Pos{}, -1, false, err
	}
	at := map[string]Pos{}
	for _, l := range looks {
		for _, s := range l.found {
			p := Pos{ranges[l.i].span, s.line}
			if first, twice := at[s.id]; twice {
				return s.id, first, p, s.at, true, nil
			}
			at[s.id] = p
		}
	}
	return "", Pos{}, Pos{}, -1, false, nil
}
