package input

// uniqueColumn is a column whose values must not repeat (household ids).
type uniqueColumn struct {
	col  int
	noun string // what an id names, for messages: "household"
}

// Unique declares that column col holds ids that must not repeat; Row.Unique
// checks a row's. In the parallel pass ids go into a filter of bounded
// memory (idFilter), and a repeat it cannot rule out sends Fold to the
// in-order pass, which keeps every id and names both places.
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
		return r.Errorf(e.col, "duplicate %s %q: already at %s", e.noun, id, first)
	}
	e.seen[string(id)] = r.Pos()
	return nil
}

// filteredIDs is the parallel pass's check: ids go into the filter.
type filteredIDs struct {
	col   int
	batch *idBatch
}

func (f *filteredIDs) check(_ *Row, id []byte) error {
	f.batch.add(id)
	return nil
}

// confirmDuplicates settles the filter's candidates with a second look at
// the ids: dup is true when some id really occurs twice.
func confirmDuplicates(plain plainInput, idCol int, candidates []string) (dup bool, err error) {
	if len(candidates) == 0 {
		return false, nil
	}
	wanted := map[string]bool{}
	for _, id := range candidates {
		wanted[id] = true
	}
	var counts []map[string]int // one per range; wanted is only read
	_, err = plain.scan(func(*fastRange) rowSink {
		seen := map[string]int{}
		counts = append(counts, seen)
		return func(fields [][]byte, _ int) error {
			if id := trimCell(fields[idCol]); wanted[string(id)] {
				seen[string(id)]++
			}
			return nil
		}
	})
	if err != nil {
		return false, err
	}
	total := map[string]int{}
	for _, seen := range counts {
		for id, n := range seen {
			if total[id] += n; total[id] > 1 {
				return true, nil
			}
		}
	}
	return false, nil
}
